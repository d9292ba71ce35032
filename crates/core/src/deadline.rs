//! Statutory deadlines a worker must not miss, computed from the dates they give.
//! The periods are law, not local policy; they live with their articles, their wording
//! and whom to call in `policies/data/deadlines.toml`, which travels in the rules file
//! ([`crate::Catalogue::deadlines`]): a new deadline there is computed and told with no
//! change here and no new wasm. A deadline is the date answered for its `from` fact plus
//! its period; one rule (wages owed while still employed) is switched on per deadline by
//! `wages_owed_from_job_end`.

use crate::answers::{Answers, Value};
use crate::date::Date;
use crate::fact::Fact;
use crate::words::Word;

/// A text in Chinese and in English.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Words {
    pub zh: String,
    pub en: String,
}

impl Words {
    pub fn get(&self, english: bool) -> &str {
        if english {
            &self.en
        } else {
            &self.zh
        }
    }
}

/// Whose deadline it is: one the worker can act on, or one the employer must meet
/// (the worker's own comes into play when the employer does not).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Whose {
    Worker,
    Employer,
}

/// A deadline as `policies/data/deadlines.toml` gives it. The tools' loader has put
/// each period into the texts already ("1年", "30天"); `ahead`, `passed` and
/// `while_employed` keep `{date}` and `{days}`, filled in when told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeadlineSpec {
    pub id: String,
    /// The date fact the period counts from.
    pub from: Fact,
    pub years: u32,
    pub days: u32,
    /// 劳动争议调解仲裁法 第二十七条第四款: wages owed while still employed.
    pub wages_owed_from_job_end: bool,
    pub whose: Whose,
    /// Advice ("to be safe"), not a legal limit: never urgent, not told once passed.
    pub advice: bool,
    /// The procedure it belongs to (`arbitration`, `injury`, `inspection`): one call per
    /// procedure in the actions.
    pub procedure: String,
    pub title: Words,
    pub rule: Words,
    pub cite: String,
    /// The line while the date is ahead: `{date}` and `{days}` (days left).
    pub ahead: Words,
    /// The line once it has passed: what can still be done; `{date}`, `{days}` (days since).
    pub passed: Words,
    /// With `wages_owed_from_job_end`, while still employed: the line told, and the short
    /// "by when" of an action.
    pub while_employed: Words,
    pub while_employed_short: Words,
    /// Numbers to call while the date is ahead, and once it has passed, as dialled.
    pub calls: Vec<String>,
    pub calls_after: Vec<String>,
    /// Deadlines not told once this one has passed (they say nothing more then).
    pub once_passed_drop: Vec<String>,
}

impl DeadlineSpec {
    /// A deadline of `years` and `days` from `from`, its procedure its id, for tests
    /// that exercise the rules, not the wording: told as "{id} {date} 前（还有 {days} 天）",
    /// "{id} {date} 已过 {days} 天"; calls 12333, then 12333 and 12348. Set other fields
    /// with `DeadlineSpec { advice: true, ..DeadlineSpec::bare(…) }`.
    pub fn bare(id: &str, from: Fact, years: u32, days: u32) -> DeadlineSpec {
        let words = |zh: String| Words {
            en: format!("en {zh}"),
            zh,
        };
        DeadlineSpec {
            id: id.into(),
            from,
            years,
            days,
            wages_owed_from_job_end: false,
            whose: Whose::Worker,
            advice: false,
            procedure: id.into(),
            title: words(id.into()),
            rule: words(id.into()),
            cite: "《测试》".into(),
            ahead: words(format!("{id} {{date}} 前（还有 {{days}} 天）")),
            passed: words(format!("{id} {{date}} 已过 {{days}} 天")),
            while_employed: words(format!("{id} 在职期间")),
            while_employed_short: words("在职期间不受限制".into()),
            calls: vec!["12333".into()],
            calls_after: vec!["12333".into(), "12348".into()],
            once_passed_drop: vec![],
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
    /// Wages owed while still employed: no limit until the job ends, then the period.
    NotWhileEmployed,
    /// The dates needed are not answered yet.
    NeedsDates {
        missing: Vec<Fact>,
    },
}

impl Due {
    /// "2027-09-30（还有 311 天）", or what is missing. ([`Deadline::describe`] says
    /// the period of [`Due::NotWhileEmployed`].)
    pub fn describe(&self, english: bool) -> String {
        match (self, english) {
            (Due::On { date, days_left }, _) => {
                let word = if *days_left >= 0 {
                    Word::DueDaysLeft
                } else {
                    Word::DuePassed
                };
                word.fill(
                    english,
                    &[
                        ("date", &date.to_string()),
                        ("days", &days_left.abs().to_string()),
                    ],
                )
            }
            (Due::NotWhileEmployed, _) => Word::DueNotWhileEmployed.get(english).into(),
            // Names what is missing: a date to enter, or a yes/no to answer.
            (Due::NeedsDates { missing }, _) => {
                let mut what = String::new();
                for (i, f) in missing.iter().enumerate() {
                    if i > 0 {
                        what.push_str(Word::DueNeedsAnd.get(english));
                    }
                    let item = if matches!(f.kind(), crate::fact::FactKind::Date) {
                        Word::DueNeedsDate
                    } else {
                        Word::DueNeedsAnswer
                    };
                    let label = if english { f.label_en() } else { f.label_zh() };
                    what.push_str(&item.fill(english, &[("fact", label)]));
                }
                Word::DueNeeds.fill(english, &[("what", &what)])
            }
        }
    }
}

/// A deadline worked out for these answers: its spec (from the catalogue) and when.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Deadline<'a> {
    /// In JSON, the deadline's id under `kind`.
    #[cfg_attr(feature = "serde", serde(rename = "kind", serialize_with = "by_id"))]
    pub spec: &'a DeadlineSpec,
    pub due: Due,
}

#[cfg(feature = "serde")]
fn by_id<S: serde::Serializer>(spec: &&DeadlineSpec, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&spec.id)
}

fn date_of(answers: &Answers, fact: Fact) -> Option<Date> {
    match answers.get(fact) {
        Some(Value::Date(d)) => Some(d),
        _ => None,
    }
}

/// `{date}` and `{days}` filled in.
fn fill(template: &str, date: Option<Date>, days: i64) -> String {
    let date = date.map(|d| d.to_string()).unwrap_or_default();
    crate::words::fill_in(template, &[("date", &date), ("days", &days.to_string())])
}

impl<'a> Deadline<'a> {
    pub fn compute(spec: &'a DeadlineSpec, answers: &Answers, as_of: Date) -> Deadline<'a> {
        let from = |fact: Fact| match date_of(answers, fact) {
            Some(d) => {
                let due = d
                    .plus_years(spec.years as i32)
                    .plus_days(i64::from(spec.days));
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
        Deadline { spec, due }
    }

    /// Every deadline of `specs` (the catalogue's) for these answers, in timeline order
    /// where dated.
    pub fn all(specs: &'a [DeadlineSpec], answers: &Answers, as_of: Date) -> Vec<Deadline<'a>> {
        let mut v: Vec<Deadline> = specs
            .iter()
            .map(|s| Deadline::compute(s, answers, as_of))
            .collect();
        crate::order::sort_by_key(&mut v, |d| match d.due {
            Due::On { date, .. } => (0, Some(date)),
            _ => (1, None),
        });
        v
    }

    /// The deadline's id in `policies/data/deadlines.toml`.
    pub fn id(&self) -> &'a str {
        &self.spec.id
    }

    /// Like [`Due::describe`], with the period said while wages owed are not limited.
    pub fn describe(&self, english: bool) -> String {
        match self.due {
            Due::NotWhileEmployed => self.spec.while_employed_short.get(english).to_string(),
            _ => self.due.describe(english),
        }
    }
}

/// A deadline told as what the worker can still do: one line to read first, the law
/// behind it, and whom to call. Passed dates are said plainly, with what remains possible.
#[derive(Clone, Debug, PartialEq)]
pub struct Told {
    /// The deadline's id in `policies/data/deadlines.toml`.
    pub id: String,
    pub title: String,
    /// "2027-09-30 前可以申请劳动仲裁（还有 311 天）".
    pub line: String,
    pub cite: String,
    /// The date, when the answers give one (none while wages owed are not limited).
    pub date: Option<Date>,
    /// Days left (negative: days since it passed); `None` without a date.
    pub days_left: Option<i64>,
    /// The date has passed: the line says what can still be done.
    pub passed: bool,
    /// Only advice (the older 60-day rule), not a legal limit.
    pub advice: bool,
    /// The worker's own deadline, or the employer's (context for the worker's own).
    pub whose: Whose,
    /// The procedure it belongs to (`arbitration`, `injury`, `inspection`).
    pub procedure: String,
    /// Numbers to tap, as dialled.
    pub calls: Vec<String>,
}

impl Deadline<'_> {
    /// What the worker can still do about this deadline; `None` for a date not yet
    /// known, and for advice once it has passed (the legal limit is what counts then).
    pub fn tell(&self, english: bool) -> Option<Told> {
        let s = self.spec;
        let (date, left) = match self.due {
            Due::On { date, days_left } => (Some(date), days_left),
            Due::NotWhileEmployed => (None, i64::MAX),
            Due::NeedsDates { .. } => return None,
        };
        let passed = left < 0;
        if s.advice && passed {
            return None;
        }
        let line = match (date, passed) {
            (None, _) => fill(s.while_employed.get(english), None, 0),
            (Some(_), false) => fill(s.ahead.get(english), date, left),
            (Some(_), true) => fill(s.passed.get(english), date, -left),
        };
        Some(Told {
            id: s.id.clone(),
            title: s.title.get(english).to_string(),
            line,
            cite: s.cite.clone(),
            date,
            days_left: date.map(|_| left),
            passed,
            advice: s.advice,
            whose: s.whose,
            procedure: s.procedure.clone(),
            calls: if passed { &s.calls_after } else { &s.calls }.clone(),
        })
    }

    /// Every deadline of `specs` (the catalogue's) the answers date, told as what the
    /// worker can still do, in the data file's order (the legal arbitration limit
    /// before the "to be safe" date). Advice is told only while ahead; a deadline's
    /// `once_passed_drop` leaves out those it makes moot once it has passed.
    pub fn told(
        specs: &[DeadlineSpec],
        answers: &Answers,
        as_of: Date,
        english: bool,
    ) -> Vec<Told> {
        let mut told: Vec<Told> = specs
            .iter()
            .filter_map(|s| Deadline::compute(s, answers, as_of).tell(english))
            .collect();
        let dropped: Vec<&str> = specs
            .iter()
            .filter(|s| told.iter().any(|t| t.id == s.id && t.passed))
            .flat_map(|s| s.once_passed_drop.iter().map(String::as_str))
            .collect();
        told.retain(|t| !dropped.contains(&t.id.as_str()));
        told
    }

    /// "2027-09-30 前（还有 311 天）" for an action's "by when"; `None` when passed or
    /// not known (the deadlines section then says what remains).
    pub fn by_when(&self, english: bool) -> Option<String> {
        match &self.due {
            Due::On { date, days_left } if *days_left >= 0 => Some(Word::DueBy.fill(
                english,
                &[
                    ("date", &date.to_string()),
                    ("days", &days_left.to_string()),
                ],
            )),
            Due::NotWhileEmployed => Some(self.describe(english)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    //! The rules of computing and telling, on deadlines made here (the real ones, from
    //! policies/data/deadlines.toml, are tested in tests/deadlines.rs).
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
    fn a_period_counts_from_its_date_and_missing_dates_are_named() {
        let year = DeadlineSpec::bare("y", Fact::InjuryDate, 1, 0);
        let month = DeadlineSpec::bare("m", Fact::InjuryDate, 0, 30);
        let a = answers(&[(Fact::InjuryDate, Value::Date(d("2026-02-28")))]);
        let as_of = d("2026-03-01");
        assert_eq!(
            Deadline::compute(&month, &a, as_of).due,
            Due::On {
                date: d("2026-03-30"),
                days_left: 29
            }
        );
        assert_eq!(
            Deadline::compute(&year, &a, as_of).due,
            Due::On {
                date: d("2027-02-28"),
                days_left: 364
            }
        );
        assert_eq!(
            Deadline::compute(&year, &Answers::new(), as_of).due,
            Due::NeedsDates {
                missing: vec![Fact::InjuryDate]
            }
        );
    }

    #[test]
    fn wages_owed_count_from_the_job_end_and_not_while_employed() {
        let limit = DeadlineSpec {
            wages_owed_from_job_end: true,
            ..DeadlineSpec::bare("limit", Fact::DisputeDate, 1, 0)
        };
        let mut a = answers(&[
            (Fact::ProblemUnpaidWages, Value::Bool(true)),
            (Fact::DisputeDate, Value::Date(d("2025-11-15"))),
        ]);
        let as_of = d("2026-04-01");
        assert_eq!(
            Deadline::compute(&limit, &a, as_of).due,
            Due::NeedsDates {
                missing: vec![Fact::StillEmployed]
            }
        );
        a.set(Fact::StillEmployed, Value::Bool(true)).unwrap();
        let dl = Deadline::compute(&limit, &a, as_of);
        assert_eq!(dl.due, Due::NotWhileEmployed);
        assert_eq!(dl.by_when(false).as_deref(), Some("在职期间不受限制"));
        let told = dl.tell(false).unwrap();
        assert_eq!((told.line.as_str(), told.date), ("limit 在职期间", None));
        a.set(Fact::StillEmployed, Value::Bool(false)).unwrap();
        a.set(Fact::JobEndDate, Value::Date(d("2026-01-20")))
            .unwrap();
        assert_eq!(
            Deadline::compute(&limit, &a, as_of).due,
            Due::On {
                date: d("2027-01-20"),
                days_left: 294
            }
        );
    }

    #[test]
    fn told_in_data_order_with_the_data_s_words_calls_and_flags() {
        let specs = vec![
            DeadlineSpec::bare("first", Fact::DisputeDate, 1, 0),
            DeadlineSpec {
                advice: true,
                ..DeadlineSpec::bare("safe", Fact::DisputeDate, 0, 60)
            },
            DeadlineSpec {
                whose: Whose::Employer,
                ..DeadlineSpec::bare("employer", Fact::InjuryDate, 0, 30)
            },
            DeadlineSpec {
                once_passed_drop: vec!["employer".into()],
                ..DeadlineSpec::bare("own", Fact::InjuryDate, 1, 0)
            },
        ];
        let a = answers(&[
            (Fact::DisputeDate, Value::Date(d("2026-03-10"))),
            (Fact::InjuryDate, Value::Date(d("2026-03-10"))),
        ]);
        let told = Deadline::told(&specs, &a, d("2026-04-01"), false);
        let ids: Vec<&str> = told.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["first", "safe", "employer", "own"]);
        assert_eq!(told[0].line, "first 2027-03-10 前（还有 343 天）");
        assert_eq!(told[0].days_left, Some(343));
        assert!(told[1].advice && !told[0].advice);
        assert_eq!(told[2].whose, Whose::Employer);
        assert_eq!(told[2].calls, ["12333"]);
        // The advice is not told once passed; the employer's 30 days still are while
        // the worker's own year runs.
        let told = Deadline::told(&specs, &a, d("2026-06-01"), true);
        let ids: Vec<&str> = told.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["first", "employer", "own"]);
        assert_eq!(told[1].line, "en employer 2026-04-09 已过 53 天");
        assert_eq!(told[1].calls, ["12333", "12348"]);
        // Once the worker's own has passed, the employer's is dropped.
        let told = Deadline::told(&specs, &a, d("2028-01-01"), false);
        let ids: Vec<&str> = told.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["first", "own"]);
        assert!(told.iter().all(|t| t.passed));
    }
}
