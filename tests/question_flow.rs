//! Walks the questions the way the widget does — one screen at a time, in the order
//! `next_question` picks — for typical workers, and checks they finish in 8 screens or
//! fewer. A screen of yes/no boxes (groups, problems) is answered as the widget does
//! (`wugong::answers::ticks`: ticked yes, unticked unknown, "以上都没有" no); anything a
//! person does not know is skipped.

use std::collections::BTreeMap;

use wugong::fact::FactKind;
use wugong::{Answers, Date, Fact, FactSet, Question, RawValue};

/// Answers one screen from the persona's facts, as the widget would.
fn answer_screen(
    q: Question,
    persona: &BTreeMap<&str, RawValue>,
    answers: &mut Answers,
    skipped: &mut FactSet,
    rest_no: bool,
) {
    let facts = q.facts();
    let multi = facts.len() > 1 && facts.iter().all(|f| f.kind() == FactKind::Bool);
    if multi {
        // These personas know their own situation: they tick what is true and say
        // "其他都没有" / "以上都没有" to the rest (an unticked box with OK stays unknown:
        // see `unsure_worker_is_asked_no_screen_twice`).
        let yes: Vec<Fact> = facts
            .iter()
            .copied()
            .filter(|f| persona.get(f.name()) == Some(&RawValue::Bool(true)))
            .collect();
        for (f, v) in wugong::answers::ticks(&facts, &yes, rest_no) {
            match v {
                Some(v) => answers.set(f, v).unwrap(),
                None => {
                    skipped.insert(f);
                }
            }
        }
        return;
    }
    let mut any = false;
    for f in &facts {
        let raw = persona.get(f.name()).cloned();
        if let Some(raw) = raw {
            let v = wugong::answers::parse_value(*f, &raw).unwrap();
            answers.set(*f, v).unwrap();
            any = true;
        }
    }
    if !any {
        skipped.extend(facts);
    }
}

fn walk(persona: &[(&str, RawValue)], as_of: &str) -> Vec<Question> {
    let mut screens = walk_with(persona, as_of, true);
    screens.dedup();
    screens
}

/// The screens in the order asked; `rest_no`: the persona says "其他都没有" on tick-box
/// screens (else taps OK, leaving unticked boxes unknown).
fn walk_with(persona: &[(&str, RawValue)], as_of: &str, rest_no: bool) -> Vec<Question> {
    let catalogue = selfcheck::embedded().unwrap();
    let as_of: Date = as_of.parse().unwrap();
    let persona: BTreeMap<&str, RawValue> = persona.iter().cloned().collect();
    let mut answers = Answers::new();
    let mut skipped = FactSet::new();
    let mut screens = Vec::new();
    while let Some(f) = catalogue.next_question(&answers, as_of, &skipped) {
        let q = f.question();
        screens.push(q);
        assert!(screens.len() < 40, "never finishes: {screens:?}");
        if q == Question::Home {
            // The region is picked level by level on one screen.
            let code = match persona.get("home_region") {
                Some(RawValue::Text(c)) => c.clone(),
                _ => {
                    skipped.insert(Fact::HomeRegion);
                    continue;
                }
            };
            if answers.get(Fact::HomeRegion)
                == Some(wugong::Value::Region(
                    wugong::region::find(&code).unwrap().code,
                ))
            {
                skipped.insert(Fact::HomeRegion);
            }
            answers
                .set(
                    Fact::HomeRegion,
                    wugong::Value::Region(wugong::region::find(&code).unwrap().code),
                )
                .unwrap();
            continue;
        }
        answer_screen(q, &persona, &mut answers, &mut skipped, rest_no);
    }
    screens
}

fn t(s: &str) -> RawValue {
    RawValue::Text(s.into())
}
fn b(v: bool) -> RawValue {
    RawValue::Bool(v)
}
fn n(v: i64) -> RawValue {
    RawValue::Int(v)
}

#[test]
fn xinzhou_worker_finishes_within_8_screens() {
    let screens = walk(
        &[
            ("home_region", t("1409")),
            ("tuopin", b(true)),
            ("household", t("rural")),
            ("work_place", t("cross_province")),
            ("organised_output", b(true)),
            ("unemployed", b(false)),
            ("has_business", b(false)),
            ("attended_training", b(false)),
        ],
        "2022-08-01",
    );
    eprintln!("{} screens: {screens:?}", screens.len());
    assert!(screens.len() <= 8, "{} screens: {screens:?}", screens.len());
}

#[test]
fn guangdong_worker_owed_wages_finishes_within_8_screens() {
    let screens = walk(
        &[
            ("home_region", t("44")),
            ("household", t("rural")),
            ("problem_unpaid_wages", b(true)),
            ("still_employed", b(false)),
            ("job_end_date", t("2026-09-30")),
            ("dispute_date", t("2026-08-15")),
            ("unemployed", b(true)),
        ],
        "2026-11-23",
    );
    eprintln!("{} screens: {screens:?}", screens.len());
    assert!(screens.len() <= 8, "{} screens: {screens:?}", screens.len());
}

#[test]
fn unemployed_woman_of_45_finishes_within_8_screens() {
    let screens = walk(
        &[
            ("home_region", t("5301")),
            ("age", n(45)),
            ("sex", t("female")),
            ("household", t("urban")),
            ("unemployed", b(true)),
            ("unemployed_months", n(7)),
            ("registered_unemployed", b(true)),
            ("ui_paid_years", n(3)),
            ("lost_job_involuntarily", b(true)),
            ("has_business", b(false)),
            ("attended_training", b(false)),
        ],
        "2023-03-01",
    );
    eprintln!("{} screens: {screens:?}", screens.len());
    assert!(screens.len() <= 8, "{} screens: {screens:?}", screens.len());
}

#[test]
fn huize_tuopin_worker_in_2024_sees_the_travel_subsidy_within_8_screens() {
    let screens = walk(
        &[
            ("home_region", t("530326")),
            ("tuopin", b(true)),
            ("household", t("rural")),
            ("age", n(34)),
            ("sex", t("male")),
            ("work_place", t("cross_province")),
            ("stable_months", n(5)),
            ("ticket_price", t("420.50")),
            ("unemployed", b(false)),
            ("has_business", b(false)),
            ("attended_training", b(false)),
            ("can_leave_home", b(true)),
        ],
        "2024-06-01",
    );
    eprintln!("{} screens: {screens:?}", screens.len());
    assert!(screens.len() <= 8, "{} screens: {screens:?}", screens.len());
}

#[test]
fn unsure_worker_is_asked_no_screen_twice() {
    // Ticks only "wages unpaid" and taps OK: the other problems stay unknown (did the
    // employer pay social insurance? they do not know) and the screen is not asked again.
    let persona = [
        ("home_region", t("44")),
        ("problem_unpaid_wages", b(true)),
        ("tuopin", b(true)),
    ];
    let screens = walk_with(&persona, "2026-11-23", false);
    let mut seen = Vec::new();
    for q in &screens {
        if *q != Question::Home {
            assert!(!seen.contains(q), "{q:?} asked twice: {screens:?}");
            seen.push(*q);
        }
    }
    assert!(screens.contains(&Question::Problems), "{screens:?}");
}
