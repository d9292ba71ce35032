//! Statutory deadlines a worker must not miss, computed from the dates they give.
//! The periods are law, not local policy, so they live here with their articles
//! (see shared/facts/legal-facts.md §1, §2, §4).

use crate::answers::{Answers, Value};
use crate::date::Date;
use crate::fact::Fact;

/// Names and tags: `tags.rs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DeadlineKind {
    /// Labour-dispute arbitration, the legal limit: one year (with the unpaid-wages rule).
    ArbitrationLimit,
    /// The older 60-day rule some guides still print: the safe, earlier date.
    ArbitrationSafe,
    /// The employer must apply for work-injury recognition within 30 days.
    InjuryEmployer,
    /// The worker, family or union may apply within one year.
    InjuryWorker,
    /// Labour inspection does not act on violations older than two years.
    LabourInspection,
}

impl DeadlineKind {
    pub const ALL: [DeadlineKind; 5] = [
        DeadlineKind::ArbitrationSafe,
        DeadlineKind::ArbitrationLimit,
        DeadlineKind::InjuryEmployer,
        DeadlineKind::InjuryWorker,
        DeadlineKind::LabourInspection,
    ];

    pub fn title(self, english: bool) -> &'static str {
        match (self, english) {
            (DeadlineKind::ArbitrationLimit, false) => "申请劳动仲裁的法定期限",
            (DeadlineKind::ArbitrationLimit, true) => "Legal limit to apply for labour arbitration",
            (DeadlineKind::ArbitrationSafe, false) => "稳妥起见：60天内申请仲裁",
            (DeadlineKind::ArbitrationSafe, true) => {
                "To be safe: apply for arbitration within 60 days"
            }
            (DeadlineKind::InjuryEmployer, false) => "单位申请工伤认定的期限（30天）",
            (DeadlineKind::InjuryEmployer, true) => {
                "Employer must apply for injury recognition (30 days)"
            }
            (DeadlineKind::InjuryWorker, false) => "本人或家属、工会申请工伤认定的期限（1年）",
            (DeadlineKind::InjuryWorker, true) => {
                "You, your family or the union may apply (1 year)"
            }
            (DeadlineKind::LabourInspection, false) => "向劳动保障监察投诉（2年内的违法行为）",
            (DeadlineKind::LabourInspection, true) => {
                "Complain to labour inspection (violations within 2 years)"
            }
        }
    }

    pub fn rule(self, english: bool) -> &'static str {
        match (self, english) {
            (DeadlineKind::ArbitrationLimit, false) => "一般为1年，从知道或应当知道权利被侵害之日起算；在职期间被拖欠工资，不受1年限制，但离职后须在1年内申请。",
            (DeadlineKind::ArbitrationLimit, true) => "Usually 1 year from when you knew or should have known your rights were violated. Wages owed while you still work there have no 1-year limit, but after the job ends you must apply within 1 year.",
            (DeadlineKind::ArbitrationSafe, false) => "一些地方的指南还写着“60天内书面申请”（劳动法第八十二条的旧规定）。现在的法定期限是1年，但越早申请越好。",
            (DeadlineKind::ArbitrationSafe, true) => "Some local guides still print \"within 60 days\" (the older rule in Labour Law art. 82). The legal limit today is one year, but the sooner the better.",
            (DeadlineKind::InjuryEmployer, false) => "单位应在受伤或确诊职业病之日起30日内申请；单位没申请的，期间的工伤待遇由单位负担。",
            (DeadlineKind::InjuryEmployer, true) => "The employer must apply within 30 days of the injury or diagnosis; if it does not, it pays the benefits for that time.",
            (DeadlineKind::InjuryWorker, false) => "单位没申请的，本人、近亲属或工会可在1年内直接向社会保险行政部门申请。",
            (DeadlineKind::InjuryWorker, true) => "If the employer does not apply, you, close family or the union may apply directly within 1 year.",
            (DeadlineKind::LabourInspection, false) => "违法行为2年内没被发现、也没人投诉的，劳动保障监察不再查处；持续的违法从结束之日起算。这和仲裁期限是两回事。",
            (DeadlineKind::LabourInspection, true) => "Labour inspection does not act on violations more than 2 years old (counted from when a continuing violation ends). This is separate from the arbitration limit.",
        }
    }

    pub fn cite(self) -> &'static str {
        match self {
            DeadlineKind::ArbitrationLimit => "《劳动争议调解仲裁法》第二十七条",
            DeadlineKind::ArbitrationSafe => "《劳动法》第八十二条（旧规定）；转移就业注意事项 五",
            DeadlineKind::InjuryEmployer => "《工伤保险条例》第十七条第一款",
            DeadlineKind::InjuryWorker => "《工伤保险条例》第十七条第二款",
            DeadlineKind::LabourInspection => "《劳动保障监察条例》第二十条",
        }
    }
}

/// When a deadline falls for this worker.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case", tag = "when"))]
pub enum Due {
    On {
        date: Date,
        days_left: i64,
    },
    /// Wages owed while still employed: no limit until the job ends, then one year.
    NotWhileEmployed,
    /// The dates needed are not answered yet.
    NeedsDates {
        missing: Vec<Fact>,
    },
}

impl Due {
    /// "2027-09-30（还有 311 天）", or what is missing.
    pub fn describe(&self, english: bool) -> String {
        match (self, english) {
            (Due::On { date, days_left }, false) if *days_left >= 0 => {
                format!("{date}（还有 {days_left} 天）")
            }
            (Due::On { date, days_left }, true) if *days_left >= 0 => {
                format!("{date} ({days_left} days left)")
            }
            (Due::On { date, days_left }, false) => format!("{date}（已过 {} 天）", -days_left),
            (Due::On { date, days_left }, true) => {
                format!("{date} (passed {} days ago)", -days_left)
            }
            (Due::NotWhileEmployed, false) => "在职期间不受1年限制；离职后1年内申请".into(),
            (Due::NotWhileEmployed, true) => {
                "No 1-year limit while you still work there; within 1 year after the job ends"
                    .into()
            }
            // Names what is missing: a date to enter, or a yes/no to answer.
            (Due::NeedsDates { missing }, _) => {
                let mut t = String::from(if english { "To work it out: " } else { "" });
                for (i, f) in missing.iter().enumerate() {
                    if i > 0 {
                        t.push_str(if english { " and " } else { "、" });
                    }
                    let date = matches!(f.kind(), crate::fact::FactKind::Date);
                    t.push_str(match (date, english) {
                        (true, false) => "填上“",
                        (false, false) => "回答“",
                        (true, true) => "enter “",
                        (false, true) => "answer “",
                    });
                    t.push_str(if english { f.label_en() } else { f.label_zh() });
                    t.push('”');
                }
                if !english {
                    t.push_str("就能算出");
                }
                t
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Deadline {
    pub kind: DeadlineKind,
    pub due: Due,
}

fn date_of(answers: &Answers, fact: Fact) -> Option<Date> {
    match answers.get(fact) {
        Some(Value::Date(d)) => Some(d),
        _ => None,
    }
}

impl Deadline {
    pub fn compute(kind: DeadlineKind, answers: &Answers, as_of: Date) -> Deadline {
        let on = |d: Date| Due::On {
            date: d,
            days_left: as_of.days_until(d),
        };
        let from = |fact: Fact, f: &dyn Fn(Date) -> Date| match date_of(answers, fact) {
            Some(d) => on(f(d)),
            None => Due::NeedsDates {
                missing: vec![fact],
            },
        };
        let due = match kind {
            DeadlineKind::ArbitrationLimit => {
                let wages = answers.get(Fact::ProblemUnpaidWages) == Some(Value::Bool(true));
                match (wages, answers.get(Fact::StillEmployed)) {
                    (true, Some(Value::Bool(true))) => Due::NotWhileEmployed,
                    (true, Some(Value::Bool(false))) => {
                        from(Fact::JobEndDate, &|d| d.plus_years(1))
                    }
                    (true, _) => Due::NeedsDates {
                        missing: vec![Fact::StillEmployed],
                    },
                    (false, _) => from(Fact::DisputeDate, &|d| d.plus_years(1)),
                }
            }
            DeadlineKind::ArbitrationSafe => from(Fact::DisputeDate, &|d| d.plus_days(60)),
            DeadlineKind::InjuryEmployer => from(Fact::InjuryDate, &|d| d.plus_days(30)),
            DeadlineKind::InjuryWorker => from(Fact::InjuryDate, &|d| d.plus_years(1)),
            // Cautious reading: count from when the violation began (the dispute date);
            // for a continuing violation the law counts from its end, which is later.
            DeadlineKind::LabourInspection => from(Fact::DisputeDate, &|d| d.plus_years(2)),
        };
        Deadline { kind, due }
    }

    /// All five deadlines for these answers, in timeline order where dated.
    pub fn all(answers: &Answers, as_of: Date) -> Vec<Deadline> {
        let mut v: Vec<Deadline> = DeadlineKind::ALL
            .iter()
            .map(|k| Deadline::compute(*k, answers, as_of))
            .collect();
        crate::order::sort_by_key(&mut v, |d| match d.due {
            Due::On { date, .. } => (0, Some(date)),
            _ => (1, None),
        });
        v
    }
}

/// A deadline told as what the worker can still do: one line to read first, the law
/// behind it, and whom to call. Passed dates are said plainly, with what remains possible.
#[derive(Clone, Debug, PartialEq)]
pub struct Told {
    pub kind: DeadlineKind,
    /// "2027-09-30 前可以申请劳动仲裁（还有 311 天）".
    pub line: String,
    pub cite: &'static str,
    /// The date has passed: the line says what can still be done.
    pub passed: bool,
    /// Only advice (the older 60-day rule), not a legal limit.
    pub advice: bool,
    /// Numbers to tap, as dialled.
    pub calls: &'static [&'static str],
}

const CALL_HR: &[&str] = &["12333"];
const CALL_HR_AND_LEGAL_AID: &[&str] = &["12333", "12348"];

impl Deadline {
    /// What the worker can still do about this deadline; `None` for a date not yet
    /// known, and for the 60-day "to be safe" date once it has passed (the legal limit
    /// is what counts then).
    pub fn tell(&self, english: bool) -> Option<Told> {
        use DeadlineKind::*;
        let (date, left) = match self.due {
            Due::On { date, days_left } => (Some(date), days_left),
            Due::NotWhileEmployed => (None, i64::MAX),
            Due::NeedsDates { .. } => return None,
        };
        let passed = left < 0;
        if self.kind == ArbitrationSafe && passed {
            return None;
        }
        let line = if english {
            self.english_line(date, left, passed)
        } else {
            self.chinese_line(date, left, passed)
        };
        let calls = match (self.kind, passed) {
            (ArbitrationLimit | InjuryWorker | LabourInspection, true) => CALL_HR_AND_LEGAL_AID,
            _ => CALL_HR,
        };
        Some(Told {
            kind: self.kind,
            line,
            cite: self.kind.cite(),
            passed,
            advice: self.kind == ArbitrationSafe,
            calls,
        })
    }

    /// The line in Chinese: what the worker can still do, by when.
    fn chinese_line(&self, date: Option<Date>, left: i64, passed: bool) -> String {
        use DeadlineKind::*;
        // Each line is `before` date `after` [days left `tail`]: one table, one format.
        let (before, after, tail) = match (self.kind, passed) {
            (ArbitrationLimit, _) if date.is_none() => ("申请劳动仲裁：你还在这家单位干，被拖欠的工资在职期间不受1年限制；离职后1年内申请。", "", None),
            (ArbitrationLimit, false) => ("", " 前可以申请劳动仲裁（法定期限1年，还有 ", Some(" 天）。")),
            (ArbitrationLimit, true) => ("申请劳动仲裁的1年期限在 ", " 已过。你还可以向劳动保障监察投诉（2年内的违法行为），打 12333 问，或打 12348 申请法律援助。", None),
            (ArbitrationSafe, _) => ("稳妥起见，最好在 ", " 前申请仲裁（还有 ", Some(" 天）：有些地方的指南还写着60天。")),
            (InjuryEmployer, false) => ("单位应在 ", " 前为你申请工伤认定（还有 ", Some(" 天），请催单位去办。")),
            (InjuryEmployer, true) => ("单位申请工伤认定的30天在 ", " 已过。你自己、家属或工会可以直接申请（1年内）。", None),
            (InjuryWorker, false) => ("", " 前，你自己、家属或工会可以申请工伤认定（还有 ", Some(" 天）。")),
            (InjuryWorker, true) => ("申请工伤认定的1年期限在 ", " 已过。请打 12333 问还能怎么办，或打 12348 申请法律援助。", None),
            (LabourInspection, false) => ("", " 前可以向劳动保障监察投诉（还有 ", Some(" 天）。")),
            (LabourInspection, true) => ("从你说的日期算，2年在 ", " 已过；违法还在继续的，从结束那天起算。请打 12333 问，或打 12348 申请法律援助。", None),
        };
        let mut line = before.to_string();
        if let Some(d) = date {
            line += &d.to_string();
            line += after;
        }
        if let Some(tail) = tail {
            line += &left.to_string();
            line += tail;
        }
        line
    }

    /// The same in shorter English (the English reader is rarer; every byte of the
    /// widget's text is downloaded before its first question shows).
    fn english_line(&self, date: Option<Date>, left: i64, passed: bool) -> String {
        use DeadlineKind::*;
        let what = match self.kind {
            ArbitrationLimit => "Labour arbitration (legal limit, 1 year)",
            ArbitrationSafe => "To be safe, labour arbitration (older 60-day rule)",
            InjuryEmployer => "Your employer's application for injury recognition",
            InjuryWorker => "Your own application for injury recognition",
            LabourInspection => "Complaint to labour inspection (2 years)",
        };
        match date {
            None => format!("{what}: no limit while you still work there; then within 1 year after the job ends."),
            Some(d) if passed => format!("{what}: the date passed on {d}. Call 12333, or 12348 for legal aid, to ask what you can still do."),
            Some(d) => format!("{what}: by {d} ({left} days left)."),
        }
    }

    /// Every deadline the answers date, told as what the worker can still do: the legal
    /// arbitration limit first, the "to be safe" date after it and only while it is ahead.
    pub fn told(answers: &Answers, as_of: Date, english: bool) -> Vec<Told> {
        use DeadlineKind::*;
        let mut told: Vec<Told> = [
            ArbitrationLimit,
            ArbitrationSafe,
            InjuryEmployer,
            InjuryWorker,
            LabourInspection,
        ]
        .iter()
        .filter_map(|k| Deadline::compute(*k, answers, as_of).tell(english))
        .collect();
        // Once the worker's own year has passed, the employer's 30 days say nothing more.
        if told.iter().any(|t| t.kind == InjuryWorker && t.passed) {
            told.retain(|t| t.kind != InjuryEmployer);
        }
        told
    }

    /// "2027-09-30 前（还有 311 天）" for an action's "by when"; `None` when passed or
    /// not known (the deadlines section then says what remains).
    pub fn by_when(&self, english: bool) -> Option<String> {
        match (&self.due, english) {
            (Due::On { date, days_left }, false) if *days_left >= 0 => {
                Some(format!("{date} 前（还有 {days_left} 天）"))
            }
            (Due::On { date, days_left }, true) if *days_left >= 0 => {
                Some(format!("by {date} ({days_left} days left)"))
            }
            (Due::NotWhileEmployed, _) => Some(Due::NotWhileEmployed.describe(english)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn dismissal_dispute_one_year_and_sixty_days() {
        let a = answers(&[
            (Fact::ProblemDismissed, Value::Bool(true)),
            (Fact::DisputeDate, Value::Date(d("2026-03-10"))),
        ]);
        let as_of = d("2026-04-01");
        assert_eq!(
            Deadline::compute(DeadlineKind::ArbitrationLimit, &a, as_of).due,
            Due::On {
                date: d("2027-03-10"),
                days_left: 343
            }
        );
        assert_eq!(
            Deadline::compute(DeadlineKind::ArbitrationSafe, &a, as_of).due,
            Due::On {
                date: d("2026-05-09"),
                days_left: 38
            }
        );
        assert_eq!(
            Deadline::compute(DeadlineKind::LabourInspection, &a, as_of).due,
            Due::On {
                date: d("2028-03-10"),
                days_left: 709
            }
        );
    }

    #[test]
    fn unpaid_wages_while_still_employed_have_no_limit_yet() {
        let a = answers(&[
            (Fact::ProblemUnpaidWages, Value::Bool(true)),
            (Fact::StillEmployed, Value::Bool(true)),
        ]);
        assert_eq!(
            Deadline::compute(DeadlineKind::ArbitrationLimit, &a, d("2026-04-01")).due,
            Due::NotWhileEmployed
        );
    }

    #[test]
    fn unpaid_wages_after_leaving_count_from_the_job_end() {
        let a = answers(&[
            (Fact::ProblemUnpaidWages, Value::Bool(true)),
            (Fact::StillEmployed, Value::Bool(false)),
            (Fact::JobEndDate, Value::Date(d("2026-01-20"))),
            (Fact::DisputeDate, Value::Date(d("2025-11-15"))),
        ]);
        let due = Deadline::compute(DeadlineKind::ArbitrationLimit, &a, d("2026-04-01")).due;
        assert_eq!(
            due,
            Due::On {
                date: d("2027-01-20"),
                days_left: 294
            }
        );
    }

    #[test]
    fn injury_thirty_days_and_one_year() {
        let a = answers(&[(Fact::InjuryDate, Value::Date(d("2026-02-28")))]);
        let as_of = d("2026-03-01");
        assert_eq!(
            Deadline::compute(DeadlineKind::InjuryEmployer, &a, as_of).due,
            Due::On {
                date: d("2026-03-30"),
                days_left: 29
            }
        );
        assert_eq!(
            Deadline::compute(DeadlineKind::InjuryWorker, &a, as_of).due,
            Due::On {
                date: d("2027-02-28"),
                days_left: 364
            }
        );
    }

    #[test]
    fn missing_dates_are_named() {
        let due =
            Deadline::compute(DeadlineKind::InjuryWorker, &Answers::new(), d("2026-03-01")).due;
        assert_eq!(
            due,
            Due::NeedsDates {
                missing: vec![Fact::InjuryDate]
            }
        );
    }

    #[test]
    fn a_passed_safe_date_is_not_told_and_the_legal_limit_comes_first() {
        // Owed wages since 2026-09-01, still employed, on 2026-11-30.
        let a = answers(&[
            (Fact::ProblemUnpaidWages, Value::Bool(true)),
            (Fact::StillEmployed, Value::Bool(true)),
            (Fact::DisputeDate, Value::Date(d("2026-09-01"))),
        ]);
        let told = Deadline::told(&a, d("2026-11-30"), false);
        let kinds: Vec<DeadlineKind> = told.iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            vec![
                DeadlineKind::ArbitrationLimit,
                DeadlineKind::LabourInspection
            ]
        );
        assert!(told[0].line.contains("不受1年限制"));
        assert!(!told.iter().any(|t| t.passed));
        // Ten days after the dispute the safe date is ahead, and told as advice.
        let told = Deadline::told(&a, d("2026-09-11"), false);
        let safe = told
            .iter()
            .find(|t| t.kind == DeadlineKind::ArbitrationSafe)
            .unwrap();
        assert!(
            safe.advice && safe.line.contains("2026-10-31") && safe.line.contains("还有 50 天")
        );
        assert_eq!(told[0].kind, DeadlineKind::ArbitrationLimit);
    }

    #[test]
    fn a_passed_limit_says_what_remains() {
        let a = answers(&[
            (Fact::ProblemDismissed, Value::Bool(true)),
            (Fact::DisputeDate, Value::Date(d("2024-01-10"))),
        ]);
        let told = Deadline::told(&a, d("2025-06-01"), false);
        let limit = &told[0];
        assert_eq!(limit.kind, DeadlineKind::ArbitrationLimit);
        assert!(limit.passed);
        assert!(limit.line.contains("劳动保障监察") && limit.line.contains("12348"));
        assert!(limit.calls.contains(&"12348"));
        let inspection = told
            .iter()
            .find(|t| t.kind == DeadlineKind::LabourInspection)
            .unwrap();
        assert!(!inspection.passed && inspection.line.contains("2026-01-10"));
        for english in [false, true] {
            for t in Deadline::told(&a, d("2030-01-01"), english) {
                assert!(t.passed);
                assert!(!t.line.contains('_'));
            }
        }
    }
}
