//! Statutory deadlines a worker must not miss, computed from the dates they give.
//! The periods are law, not local policy; they live with their articles in
//! `policies/data/deadlines.toml` (see shared/facts/legal-facts.md §1, §2, §4), which
//! `build.rs` turns into the compact text embedded here. A deadline is the date answered
//! for its `from` fact plus its period; one rule (wages owed while still employed) is
//! switched on per deadline by `wages_owed_from_job_end`.

use serde::{Deserialize, Serialize};

use crate::answers::{Answers, Value};
use crate::date::Date;
use crate::fact::Fact;

/// A deadline as `policies/data/deadlines.toml` gives it.
pub(crate) struct Spec {
    id: &'static str,
    /// The date fact the period counts from.
    from: Fact,
    years: i32,
    days: i64,
    /// 劳动争议调解仲裁法 第二十七条第四款: wages owed while still employed.
    wages_owed_from_job_end: bool,
    title: &'static str,
    title_en: &'static str,
    rule: &'static str,
    rule_en: &'static str,
    cite: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/deadlines.rs"));

/// A deadline of `policies/data/deadlines.toml`, by its place in that file.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DeadlineKind(u8);

impl DeadlineKind {
    /// Every deadline, in the data file's order.
    pub fn all() -> impl Iterator<Item = DeadlineKind> {
        (0..DEADLINES.len() as u8).map(DeadlineKind)
    }

    /// Its place in the data file (how the rules file stores it).
    pub fn index(self) -> u8 {
        self.0
    }

    pub fn from_index(i: u8) -> Option<DeadlineKind> {
        ((i as usize) < DEADLINES.len()).then_some(DeadlineKind(i))
    }

    /// By its id in the data file ("arbitration_limit").
    pub fn from_name(name: &str) -> Option<DeadlineKind> {
        DeadlineKind::all().find(|k| k.name() == name)
    }

    fn spec(self) -> &'static Spec {
        // Only `all` and `from_index` make a DeadlineKind, so the index is in range.
        &DEADLINES[self.0 as usize % DEADLINES.len()]
    }

    pub fn name(self) -> &'static str {
        self.spec().id
    }

    /// The date fact the period counts from.
    pub fn from_fact(self) -> Fact {
        self.spec().from
    }

    pub fn title(self, english: bool) -> &'static str {
        let s = self.spec();
        if english {
            s.title_en
        } else {
            s.title
        }
    }

    pub fn rule(self, english: bool) -> &'static str {
        let s = self.spec();
        if english {
            s.rule_en
        } else {
            s.rule
        }
    }

    pub fn cite(self) -> &'static str {
        self.spec().cite
    }
}

impl std::fmt::Debug for DeadlineKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl<'de> Deserialize<'de> for DeadlineKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = <String as Deserialize>::deserialize(d)?;
        DeadlineKind::from_name(&name)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown deadline '{name}'")))
    }
}

impl Serialize for DeadlineKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// When a deadline falls for this worker.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "when")]
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
            (Due::NeedsDates { .. }, false) => "填上日期就能算出".into(),
            (Due::NeedsDates { .. }, true) => "Enter the date to work it out".into(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
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
        let spec = kind.spec();
        let from = |fact: Fact| match date_of(answers, fact) {
            Some(d) => {
                let due = d.plus_years(spec.years).plus_days(spec.days);
                Due::On {
                    date: due,
                    days_left: as_of.days_until(due),
                }
            }
            None => Due::NeedsDates {
                missing: vec![fact],
            },
        };
        let wages_owed = spec.wages_owed_from_job_end
            && answers.get(Fact::ProblemUnpaidWages) == Some(Value::Bool(true));
        let due = if wages_owed {
            // 劳动争议调解仲裁法 第二十七条第四款.
            match answers.get(Fact::StillEmployed) {
                Some(Value::Bool(true)) => Due::NotWhileEmployed,
                Some(Value::Bool(false)) => from(Fact::JobEndDate),
                _ => Due::NeedsDates {
                    missing: vec![Fact::StillEmployed],
                },
            }
        } else {
            from(spec.from)
        };
        Deadline { kind, due }
    }

    /// Every deadline for these answers, in timeline order where dated.
    pub fn all(answers: &Answers, as_of: Date) -> Vec<Deadline> {
        let mut v: Vec<Deadline> = DeadlineKind::all()
            .map(|k| Deadline::compute(k, answers, as_of))
            .collect();
        crate::order::sort_by_key(&mut v, |d| match d.due {
            Due::On { date, .. } => (0, Some(date)),
            _ => (1, None),
        });
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn kind(name: &str) -> DeadlineKind {
        DeadlineKind::from_name(name).unwrap()
    }

    #[test]
    fn the_data_file_is_read_whole() {
        let names: Vec<_> = DeadlineKind::all().map(|k| k.name()).collect();
        // The rules file stores a deadline by its place: new ones go at the end.
        assert_eq!(
            names[..5],
            [
                "arbitration_safe",
                "arbitration_limit",
                "injury_employer",
                "injury_worker",
                "labour_inspection"
            ]
        );
        for k in DeadlineKind::all() {
            let from = k.from_fact();
            assert_eq!(from.kind(), crate::fact::FactKind::Date, "{}", k.name());
            assert!(!k.title(false).is_empty() && !k.title(true).is_empty());
            assert!(!k.rule(false).is_empty() && !k.rule(true).is_empty());
            assert!(k.cite().contains('《'), "{}", k.name());
            assert!(
                k.spec().years > 0 || k.spec().days > 0,
                "{}: a period",
                k.name()
            );
        }
        assert!(DeadlineKind::from_index(names.len() as u8).is_none());
        assert!(kind("arbitration_safe")
            .rule(true)
            .contains("\"within 60 days\""));
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
            Deadline::compute(kind("arbitration_limit"), &a, as_of).due,
            Due::On {
                date: d("2027-03-10"),
                days_left: 343
            }
        );
        assert_eq!(
            Deadline::compute(kind("arbitration_safe"), &a, as_of).due,
            Due::On {
                date: d("2026-05-09"),
                days_left: 38
            }
        );
        assert_eq!(
            Deadline::compute(kind("labour_inspection"), &a, as_of).due,
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
            Deadline::compute(kind("arbitration_limit"), &a, d("2026-04-01")).due,
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
        let due = Deadline::compute(kind("arbitration_limit"), &a, d("2026-04-01")).due;
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
            Deadline::compute(kind("injury_employer"), &a, as_of).due,
            Due::On {
                date: d("2026-03-30"),
                days_left: 29
            }
        );
        assert_eq!(
            Deadline::compute(kind("injury_worker"), &a, as_of).due,
            Due::On {
                date: d("2027-02-28"),
                days_left: 364
            }
        );
    }

    #[test]
    fn missing_dates_are_named() {
        let due = Deadline::compute(kind("injury_worker"), &Answers::new(), d("2026-03-01")).due;
        assert_eq!(
            due,
            Due::NeedsDates {
                missing: vec![Fact::InjuryDate]
            }
        );
    }
}
