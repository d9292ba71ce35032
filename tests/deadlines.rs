//! The statutory deadlines of `policies/data/deadlines.toml` as the engine tells them,
//! and a deadline that is only in a test's data: told with no change in the engine.

use wugong::deadline::{Deadline, DeadlineSpec, Due, Whose, Words};
use wugong::{Answers, Catalogue, Date, Fact, Value};

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn catalogue() -> Catalogue {
    selfcheck::embedded().expect("policies load")
}

fn answers(pairs: &[(Fact, Value)]) -> Answers {
    let mut a = Answers::new();
    for (f, v) in pairs {
        a.set(*f, *v).unwrap();
    }
    a
}

fn ids(told: &[wugong::deadline::Told]) -> Vec<&str> {
    told.iter().map(|t| t.id.as_str()).collect()
}

#[test]
fn the_data_file_is_read_whole_with_every_period_put_in() {
    let c = catalogue();
    let names: Vec<&str> = c.deadlines.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        names[..5],
        [
            "arbitration_limit",
            "arbitration_safe",
            "injury_employer",
            "injury_worker",
            "labour_inspection"
        ]
    );
    for s in &c.deadlines {
        assert!(s.cite.contains('《'), "{}", s.id);
        for w in [&s.title, &s.rule, &s.ahead, &s.passed] {
            assert!(!w.zh.is_empty() && !w.en.is_empty(), "{}", s.id);
            // Only {date} and {days} are left for the engine.
            let rest = (w.zh.clone() + &w.en)
                .replace("{date}", "")
                .replace("{days}", "");
            assert!(!rest.contains(['{', '}']), "{}: {rest}", s.id);
        }
        // Every number the worker is told to call can be tapped.
        assert!(!s.calls.is_empty() && !s.calls_after.is_empty(), "{}", s.id);
    }
    let safe = c.deadline("arbitration_safe").unwrap();
    assert!(safe.advice && safe.rule.en.contains("\"within 60 days\""));
    assert!(
        safe.rule.zh.contains("现在的法定期限是1年"),
        "{}",
        safe.rule.zh
    );
    let employer = c.deadline("injury_employer").unwrap();
    assert_eq!(employer.whose, Whose::Employer);
    assert_eq!(employer.title.zh, "单位申请工伤认定的期限（30天）");
    assert_eq!(
        c.deadline("arbitration_limit").unwrap().procedure,
        c.deadline("arbitration_safe").unwrap().procedure
    );
}

#[test]
fn a_dismissal_is_told_one_year_sixty_days_and_two_years_in_plain_words() {
    let c = catalogue();
    let a = answers(&[
        (Fact::ProblemDismissed, Value::Bool(true)),
        (Fact::DisputeDate, Value::Date(d("2026-03-10"))),
    ]);
    let told = Deadline::told(&c.deadlines, &a, d("2026-04-01"), false);
    assert_eq!(
        ids(&told),
        ["arbitration_limit", "arbitration_safe", "labour_inspection"]
    );
    assert_eq!(
        told[0].line,
        "2027-03-10 前可以申请劳动仲裁（法定期限1年，还有 343 天）。"
    );
    assert_eq!(
        told[1].line,
        "稳妥起见，最好在 2026-05-09 前申请仲裁（还有 38 天）：有些地方的指南还写着60天。"
    );
    assert!(told[1].advice && !told[0].advice);
    assert_eq!(
        told[2].line,
        "2028-03-10 前可以向劳动保障监察投诉（还有 709 天）。"
    );
    assert_eq!(
        (told[2].date, told[2].days_left),
        (Some(d("2028-03-10")), Some(709))
    );
    let en = Deadline::told(&c.deadlines, &a, d("2026-04-01"), true);
    assert_eq!(
        en[0].line,
        "Labour arbitration (legal limit, 1 year): by 2027-03-10 (343 days left)."
    );
}

#[test]
fn owed_wages_while_employed_have_no_limit_and_the_safe_date_goes_once_passed() {
    let c = catalogue();
    let a = answers(&[
        (Fact::ProblemUnpaidWages, Value::Bool(true)),
        (Fact::StillEmployed, Value::Bool(true)),
        (Fact::DisputeDate, Value::Date(d("2026-09-01"))),
    ]);
    let told = Deadline::told(&c.deadlines, &a, d("2026-11-30"), false);
    assert_eq!(ids(&told), ["arbitration_limit", "labour_inspection"]);
    assert_eq!(
        told[0].line,
        "申请劳动仲裁：你还在这家单位干，被拖欠的工资在职期间不受1年限制；离职后1年内申请。"
    );
    let limit = Deadline::compute(
        c.deadline("arbitration_limit").unwrap(),
        &a,
        d("2026-11-30"),
    );
    assert_eq!(limit.due, Due::NotWhileEmployed);
    assert_eq!(
        limit.by_when(false).as_deref(),
        Some("在职期间不受1年限制；离职后1年内申请")
    );
    let told = Deadline::told(&c.deadlines, &a, d("2026-09-11"), false);
    let safe = told.iter().find(|t| t.id == "arbitration_safe").unwrap();
    assert!(safe.line.contains("2026-10-31") && safe.line.contains("还有 50 天"));
}

#[test]
fn a_passed_limit_says_what_remains_and_whom_to_call() {
    let c = catalogue();
    let a = answers(&[
        (Fact::ProblemDismissed, Value::Bool(true)),
        (Fact::DisputeDate, Value::Date(d("2024-01-10"))),
    ]);
    let told = Deadline::told(&c.deadlines, &a, d("2025-06-01"), false);
    let limit = &told[0];
    assert_eq!(limit.id, "arbitration_limit");
    assert!(limit.passed);
    assert_eq!(
        limit.line,
        "申请劳动仲裁的1年期限在 2025-01-10 已过。你还可以向劳动保障监察投诉（2年内的违法行为），打 12333 问，或打 12348 申请法律援助。"
    );
    assert_eq!(limit.calls, ["12333", "12348"]);
    let inspection = told.iter().find(|t| t.id == "labour_inspection").unwrap();
    assert!(!inspection.passed && inspection.line.contains("2026-01-10"));
    for english in [false, true] {
        for t in Deadline::told(&c.deadlines, &a, d("2030-01-01"), english) {
            assert!(t.passed);
            assert!(!t.line.contains('_') && !t.line.contains('{'), "{}", t.line);
        }
    }
}

#[test]
fn an_injury_tells_the_employer_s_days_as_theirs_and_drops_them_after_the_worker_s_year() {
    let c = catalogue();
    let a = answers(&[(Fact::InjuryDate, Value::Date(d("2026-02-28")))]);
    let told = Deadline::told(&c.deadlines, &a, d("2026-03-01"), false);
    assert_eq!(ids(&told), ["injury_employer", "injury_worker"]);
    assert_eq!(told[0].whose, Whose::Employer);
    assert_eq!(told[1].whose, Whose::Worker);
    assert_eq!(told[0].procedure, told[1].procedure);
    assert_eq!(
        told[0].line,
        "单位应在 2026-03-30 前为你申请工伤认定（还有 29 天），请催单位去办。"
    );
    let told = Deadline::told(&c.deadlines, &a, d("2026-06-01"), false);
    assert!(
        told[0].passed && told[0].line.contains("1年内"),
        "{}",
        told[0].line
    );
    let told = Deadline::told(&c.deadlines, &a, d("2027-03-01"), false);
    assert_eq!(ids(&told), ["injury_worker"]);
}

/// A deadline only in this test's data (not in policies/data/): computed, told in its
/// own words with its own numbers, and shown on the card of a measure that names it.
#[test]
fn a_deadline_added_to_the_data_is_told_with_no_change_in_the_engine() {
    let mut c = catalogue();
    c.deadlines.push(DeadlineSpec {
        procedure: "wage_claim".into(),
        ahead: Words {
            zh: "{date} 前可以申请测试程序（还有 {days} 天）。".into(),
            en: "Test procedure: by {date} ({days} days left).".into(),
        },
        calls: vec!["12345".into()],
        ..DeadlineSpec::bare("fixture_claim", Fact::DisputeDate, 0, 90)
    });
    let a = answers(&[(Fact::DisputeDate, Value::Date(d("2026-03-10")))]);
    let told = Deadline::told(&c.deadlines, &a, d("2026-04-01"), false);
    let t = told.iter().find(|t| t.id == "fixture_claim").expect("told");
    assert_eq!(t.line, "2026-06-08 前可以申请测试程序（还有 68 天）。");
    assert_eq!(
        (t.calls.clone(), t.procedure.as_str()),
        (vec!["12345".to_string()], "wage_claim")
    );
    assert!(!t.advice && t.whose == Whose::Worker);
    // In the timeline too, and on a measure that lists it.
    assert!(Deadline::all(&c.deadlines, &a, d("2026-04-01"))
        .iter()
        .any(|x| x.id() == "fixture_claim"));
    let m = c
        .documents
        .iter_mut()
        .flat_map(|doc| doc.measures.iter_mut())
        .find(|m| m.deadlines.iter().any(|x| x == "arbitration_limit"))
        .expect("a measure with a deadline");
    m.deadlines.push("fixture_claim".into());
    let id = m.id.clone();
    let eval = c.evaluate(&a, d("2026-04-01"));
    let o = eval.outcomes.iter().find(|o| o.id == id).unwrap();
    assert!(
        o.deadlines.iter().any(|x| x.id() == "fixture_claim"),
        "{id}"
    );
}
