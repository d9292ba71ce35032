//! The result page as the engine decides it, for the six workers of issue 10: the
//! actions that lead (at most five, money and problems first), one card per benefit,
//! deadlines told as what can still be done, and no identifier in any text a worker reads.

use wugong::actions::{self, Step, MAX_ACTIONS};
use wugong::deadline::Deadline;
use wugong::evaluate::Group;
use wugong::{Answers, Catalogue, Date, Fact, Value};

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn answers(pairs: &[(Fact, Value)]) -> Answers {
    let mut a = Answers::new();
    for (f, v) in pairs {
        a.set(*f, *v).unwrap();
    }
    a
}

fn catalogue() -> Catalogue {
    selfcheck::embedded().unwrap()
}

fn huize() -> Answers {
    use Fact::*;
    answers(&[
        (HomeRegion, Value::Region("530326")),
        (Tuopin, Value::Bool(true)),
        (WorkPlace, Value::Choice("cross_province")),
        (StableMonths, Value::Count(5)),
        (
            TicketPrice,
            Value::Money(wugong::Money::parse("420.50").unwrap()),
        ),
        (Household, Value::Choice("rural")),
        (Age, Value::Count(34)),
        (Sex, Value::Choice("male")),
        (CanLeaveHome, Value::Bool(true)),
        (ProblemUnpaidWages, Value::Bool(false)),
        (ProblemInjury, Value::Bool(false)),
        (Unemployed, Value::Bool(false)),
        // Issue 16: has not had this year's going-out subsidy yet.
        (OutworkSubsidyThisYear, Value::Bool(false)),
    ])
}

fn henan_owed_wages() -> Answers {
    use Fact::*;
    answers(&[
        (HomeRegion, Value::Region("41")),
        (ProblemUnpaidWages, Value::Bool(true)),
        (StillEmployed, Value::Bool(true)),
        (DisputeDate, Value::Date(d("2026-09-01"))),
        (Household, Value::Choice("rural")),
    ])
}

fn injured() -> Answers {
    use Fact::*;
    answers(&[
        (HomeRegion, Value::Region("530326")),
        (ProblemInjury, Value::Bool(true)),
        (InjuryDate, Value::Date(d("2026-11-10"))),
        (StillEmployed, Value::Bool(true)),
        (Household, Value::Choice("rural")),
    ])
}

fn xinzhou_course() -> Answers {
    use Fact::*;
    answers(&[
        (HomeRegion, Value::Region("1409")),
        (Tuopin, Value::Bool(true)),
        (AttendedTraining, Value::Bool(true)),
        (TrainingDays, Value::Count(8)),
        (TrainingCertificate, Value::Bool(true)),
        (TrainingsThisYear, Value::Count(0)),
        (Household, Value::Choice("rural")),
    ])
}

fn woman_45() -> Answers {
    use Fact::*;
    answers(&[
        (HomeRegion, Value::Region("5301")),
        (Age, Value::Count(45)),
        (Sex, Value::Choice("female")),
        (Household, Value::Choice("urban")),
        (Unemployed, Value::Bool(true)),
        (UnemployedMonths, Value::Count(14)),
        (RegisteredUnemployed, Value::Bool(true)),
    ])
}

/// The texts the result page shows for these answers: the actions (what, amount, where,
/// what to bring, by when), the deadlines, and every card's title, amount, status and
/// reasons.
fn show(c: &Catalogue, a: &Answers, as_of: &str) -> (Vec<actions::Action>, String) {
    let eval = c.evaluate(a, d(as_of));
    let items = actions::items(&eval);
    let acts = actions::actions(&eval, &items, a, false);
    let mut text = String::new();
    for x in &acts {
        text += &format!(
            "{}：{} {:?}\n  {}\n  {}\n  {:?}\n",
            x.verb,
            x.title,
            x.amount,
            x.place,
            x.materials.join("、"),
            x.by
        );
    }
    for t in Deadline::told(&c.deadlines, a, d(as_of), false) {
        text += &format!("{}\n  {}\n", t.line, t.cite);
    }
    for it in &items {
        for i in &it.members {
            let o = &eval.outcomes[*i];
            text += &format!(
                "[{}] {} {:?} {}\n",
                it.group.title(false),
                o.measure.title,
                o.amount_text(false),
                eval.status_text(o, false)
            );
            for r in &o.met {
                text += &format!("  {}\n", r.answered(false));
            }
            if let wugong::Verdict::NotEligible { failed } = &o.verdict {
                for r in failed {
                    text += &format!("  {}\n", r.describe(false));
                }
            }
        }
    }
    println!("== {as_of}\n{text}");
    (acts, text)
}

/// Words only: no `snake_case` names, measure ids or operators.
fn assert_plain(c: &Catalogue, text: &str) {
    let mut word = String::new();
    for ch in text.chars().chain(std::iter::once(' ')) {
        if ch.is_ascii_alphanumeric() || ch == '_' || ch == '-' {
            word.push(ch);
        } else {
            assert!(
                !(word.contains('_') && word.chars().any(|c| c.is_ascii_lowercase())),
                "identifier '{word}' in:\n{text}"
            );
            word.clear();
        }
    }
    for (_, m) in c.measures() {
        assert!(!text.contains(&m.id), "measure id {} in:\n{text}", m.id);
    }
    for op in ["≥", "≤", "!=", "=="] {
        assert!(!text.contains(op), "operator {op} in:\n{text}");
    }
}

#[test]
fn huize_2024_leads_with_the_travel_subsidy() {
    let c = catalogue();
    let (acts, text) = show(&c, &huize(), "2024-06-01");
    assert!(!acts.is_empty() && acts.len() <= MAX_ACTIONS);
    assert_eq!(acts[0].step, Step::Apply);
    assert!(acts[0].amount.is_some(), "money first: {:?}", acts[0]);
    assert!(acts.iter().any(|a| a.title.contains("交通补助")));
    assert_plain(&c, &text);
}

#[test]
fn huize_today_asks_whether_the_ended_subsidy_continues() {
    let c = catalogue();
    let (acts, text) = show(&c, &huize(), "2026-11-30");
    assert!(acts
        .iter()
        .all(|a| a.step != Step::Apply || a.amount.is_none()));
    let ask = acts
        .iter()
        .find(|a| a.step == Step::AskIfContinues)
        .expect("an ended subsidy to ask about");
    assert!(ask.by.as_deref().unwrap().contains("12333"));
    assert_plain(&c, &text);
}

#[test]
fn owed_wages_still_employed_calls_first_and_is_not_told_too_late() {
    let c = catalogue();
    let a = henan_owed_wages();
    let (acts, text) = show(&c, &a, "2026-11-30");
    assert_eq!(acts[0].step, Step::Call);
    assert!(acts.iter().all(|a| a.step == Step::Call));
    let calls: Vec<&str> = acts
        .iter()
        .flat_map(|a| a.phones.iter().map(|p| p.dial.as_str()))
        .collect();
    assert!(
        calls.contains(&"12333") && calls.contains(&"12348"),
        "{calls:?}"
    );
    let told = Deadline::told(&c.deadlines, &a, d("2026-11-30"), false);
    assert_eq!(told[0].id, "arbitration_limit");
    assert!(told[0].line.contains("不受1年限制"));
    assert!(!told.iter().any(|t| t.id == "arbitration_safe"));
    assert!(!text.contains("已过"), "nothing passed for him:\n{text}");
    assert_plain(&c, &text);
}

#[test]
fn injured_worker_is_sent_to_injury_recognition_first() {
    let c = catalogue();
    let (acts, text) = show(&c, &injured(), "2026-11-30");
    assert_eq!(acts[0].step, Step::Call);
    assert!(acts[0].title.contains("工伤认定"), "{:?}", acts[0]);
    // His own year leads; the employer's 30 days are context beside it (issue 14: the
    // walk's injured worker was shown the employer's deadline as his).
    let by = acts[0].by.as_deref().unwrap();
    assert!(by.starts_with("2027-11-10 前"), "{by}");
    assert!(by.contains("单位应在 2026-12-10 前替你办"), "{by}");
    assert_plain(&c, &text);
}

#[test]
fn xinzhou_course_and_woman_of_45_get_actions_in_plain_words() {
    let c = catalogue();
    let (acts, text) = show(&c, &xinzhou_course(), "2022-08-01");
    assert!(!acts.is_empty());
    assert_plain(&c, &text);
    let (acts, text) = show(&c, &woman_45(), "2021-06-01");
    assert!(!acts.is_empty());
    assert_plain(&c, &text);
}

#[test]
fn one_card_per_benefit_and_every_measure_once() {
    let c = catalogue();
    for (a, as_of) in [
        (huize(), "2024-06-01"),
        (huize(), "2026-11-30"),
        (henan_owed_wages(), "2026-11-30"),
        (injured(), "2026-11-30"),
        (xinzhou_course(), "2022-08-01"),
        (woman_45(), "2021-06-01"),
    ] {
        let eval = c.evaluate(&a, d(as_of));
        let items = actions::items(&eval);
        let mut seen: Vec<usize> = items.iter().flat_map(|it| it.members.clone()).collect();
        seen.sort();
        assert_eq!(seen, (0..eval.outcomes.len()).collect::<Vec<_>>());
        // Apart from sources the worker does not qualify under, one card per benefit.
        let mut keys: Vec<&str> = items
            .iter()
            .filter(|it| it.group != Group::NotForYou)
            .map(|it| actions::benefit_key(eval.outcomes[it.members[0]].measure))
            .collect();
        keys.sort();
        let n = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), n, "a benefit on two cards");
        // Ordered by group.
        let groups: Vec<Group> = items.iter().map(|it| it.group).collect();
        let mut sorted = groups.clone();
        sorted.sort();
        assert_eq!(groups, sorted);
    }
}

/// Worker 4 of the 2026-12-06 walk: 52, out of work, registered as unemployed 14 months
/// ago. Registering is what he has done, not what he is told to do (issue 14).
#[test]
fn what_the_answers_show_is_done_is_not_an_action() {
    use Fact::*;
    let cat = catalogue();
    let out_of_work = |registered: bool| {
        answers(&[
            (HomeRegion, Value::Region("530326")),
            (Age, Value::Count(52)),
            (Sex, Value::Choice("male")),
            (Household, Value::Choice("urban")),
            (Unemployed, Value::Bool(true)),
            (RegisteredUnemployed, Value::Bool(registered)),
            (UnemployedMonths, Value::Count(14)),
            (Dibao, Value::Bool(true)),
        ])
    };
    let registration = |a: &Answers| {
        let report = wugong::Report::new(&cat, a, d("2024-06-01"), false);
        report
            .actions
            .iter()
            .filter(|x| x.title.contains("失业登记"))
            .count()
    };
    assert!(
        registration(&out_of_work(false)) > 0,
        "not yet registered: an action"
    );
    assert_eq!(registration(&out_of_work(true)), 0, "registered: no action");
}

/// A document that states no end, years after it took effect: its money is asked
/// about, never "去申请" (issue 14; policies/data/currency.toml).
#[test]
fn an_old_document_without_an_end_is_never_apply_now() {
    let cat = catalogue();
    for as_of in ["2026-12-06", "2025-06-01"] {
        let report = wugong::Report::new(&cat, &huize(), d(as_of), false);
        for a in &report.actions {
            let o = &report.eval.outcomes[a.outcome];
            if let wugong::Status::AskFirst { .. } = o.status {
                assert_ne!(a.step, Step::Apply, "{as_of}: {} ranked 去申请", o.id);
            }
        }
        for c in report.cards_in(Group::ApplyNow) {
            let o = &report.eval.outcomes[c.members[0]];
            assert!(
                o.status.is_current(),
                "{as_of}: {} in apply-now with {:?}",
                o.id,
                o.status
            );
        }
    }
}
