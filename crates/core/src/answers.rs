//! A worker's answers: a partial map from facts to typed values. Missing means "not
//! answered yet" or "I don't know"; both leave the fact unknown.
//!
//! Just over 400 lines of code: the map, parsing a raw value, and the checks that refuse
//! impossible answers on a date stay with the type they guard.

use std::collections::BTreeMap;
use std::fmt;

use crate::date::Date;
use crate::fact::{Fact, FactKind};
use crate::money::Money;
use crate::region;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    Bool(bool),
    Count(u32),
    Money(Money),
    Date(Date),
    /// An option code of a choice fact.
    Choice(&'static str),
    /// A region code from [`region::REGIONS`].
    Region(&'static str),
}

impl Value {
    /// Plain text for explanations ("是", "5", "420.50", "2026-03-01").
    pub fn describe(&self, fact: Fact, english: bool) -> String {
        match self {
            Value::Bool(true) => if english { "yes" } else { "是" }.into(),
            Value::Bool(false) => if english { "no" } else { "否" }.into(),
            Value::Count(n) => n.to_string(),
            Value::Money(m) => m.to_string(),
            Value::Date(d) => d.to_string(),
            Value::Choice(c) => fact.choice_label(c, english),
            Value::Region(r) => region::full_name(r, english),
        }
    }
}

/// An answer as it arrives from a file, a share link or storage, before checking.
#[derive(Clone, Debug, PartialEq)]
pub enum RawValue {
    Bool(bool),
    Int(i64),
    Text(String),
}

/// Bad answers: which field, and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerError {
    pub field: String,
    pub message: String,
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "answer '{}': {}", self.field, self.message)
    }
}

impl std::error::Error for AnswerError {}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    /// Sorted by fact, each fact at most once. A plain vector, not a map: a handful of
    /// answers, and B-trees cost the wasm several KB.
    values: Vec<(Fact, Value)>,
}

impl Answers {
    pub fn new() -> Answers {
        Answers::default()
    }

    pub fn get(&self, fact: Fact) -> Option<Value> {
        self.find(fact).ok().map(|i| self.values[i].1)
    }

    /// The value of `fact` on `as_of`, computing derived facts.
    pub fn value_on(&self, fact: Fact, as_of: Date) -> Option<Value> {
        match fact {
            Fact::BusinessMonths => match self.get(Fact::BusinessStartDate)? {
                Value::Date(start) => Some(Value::Count(start.whole_months_until(as_of))),
                _ => None,
            },
            Fact::BusinessCalendarMonth => match self.get(Fact::BusinessStartDate)? {
                Value::Date(start) => Some(Value::Count(start.calendar_month_on(as_of))),
                _ => None,
            },
            f => self.get(f),
        }
    }

    /// Sets a checked value. Derived facts cannot be set.
    pub fn set(&mut self, fact: Fact, value: Value) -> Result<(), AnswerError> {
        check_value(fact, &value)?;
        match self.find(fact) {
            Ok(i) => self.values[i].1 = value,
            Err(i) => self.values.insert(i, (fact, value)),
        }
        Ok(())
    }

    pub fn remove(&mut self, fact: Fact) {
        if let Ok(i) = self.find(fact) {
            self.values.remove(i);
        }
    }

    fn find(&self, fact: Fact) -> Result<usize, usize> {
        self.values.binary_search_by(|(f, _)| f.cmp(&fact))
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (Fact, Value)> + '_ {
        self.values.iter().copied()
    }

    /// Checks raw answers fact by fact. The first bad field is reported by name.
    pub fn from_raw(raw: &BTreeMap<String, RawValue>) -> Result<Answers, AnswerError> {
        let mut answers = Answers::new();
        for (name, raw_value) in raw {
            let err = |message: String| AnswerError {
                field: name.clone(),
                message,
            };
            let fact = Fact::from_name(name).ok_or_else(|| {
                err("no such question (see docs/answers.md for the names)".into())
            })?;
            let value = parse_value(fact, raw_value).map_err(err)?;
            if let Some(r) = insane(fact, &value) {
                return Err(r.into());
            }
            answers.set(fact, value)?;
        }
        Ok(answers)
    }

    pub fn to_raw(&self) -> BTreeMap<String, RawValue> {
        self.values
            .iter()
            .map(|(f, v)| {
                let raw = match v {
                    Value::Bool(b) => RawValue::Bool(*b),
                    Value::Count(n) => RawValue::Int(*n as i64),
                    Value::Money(m) => RawValue::Text(m.to_string()),
                    Value::Date(d) => RawValue::Text(d.to_string()),
                    Value::Choice(c) | Value::Region(c) => RawValue::Text((*c).to_string()),
                };
                (f.name().to_string(), raw)
            })
            .collect()
    }
}

/// What a screen of tick boxes (several yes/no facts on one screen) records.
///
/// - A ticked box is yes.
/// - An unticked box is *unknown* — the worker may not know (did the employer pay social
///   insurance?) or may not have read that far — so it never costs them a measure: it
///   shows as "may qualify", with the question one tap away. The widget marks those
///   facts as not to be asked again.
/// - No needs an explicit answer: "以上都没有" with nothing ticked, or "其他都没有" after
///   ticking some (`rest_no`). Even then a box that a ticked one implies
///   (`policies/data/implications.toml`: ticking 脱贫人口 says 建档立卡 too) stays unknown,
///   so that the implication, not a "no", decides it.
/// - On the events screen, a ticked event also records what it says itself
///   (`policies/data/events.toml`: "工资被拖欠" is that problem, ticked).
pub fn ticks(facts: &[Fact], ticked: &[Fact], rest_no: bool) -> Vec<(Fact, Option<Value>)> {
    let implied = |f: Fact| {
        crate::implication::all().any(|(when, then, _)| then == f && ticked.contains(&when))
    };
    facts
        .iter()
        .map(|f| {
            let value = if ticked.contains(f) {
                Some(Value::Bool(true))
            } else if rest_no && !implied(*f) {
                Some(Value::Bool(false))
            } else {
                None
            };
            (*f, value)
        })
        .chain(crate::events::implied(ticked).map(|f| (f, Some(Value::Bool(true)))))
        .collect()
}

/// The most money any answer can be (a wage, a ticket): ten million yuan. Anything
/// above is a typo, and bounding it keeps every amount computation small.
pub const MAX_MONEY_YUAN: i64 = 10_000_000;

/// The earliest date an answer can give.
const EARLIEST_YEAR: i32 = 1950;

/// Largest sensible count for each fact; anything above is a typo.
fn count_limit(fact: Fact) -> u32 {
    match fact {
        Fact::Age => 120,
        Fact::StableMonths => 12,
        Fact::UiPaidYears => 60,
        Fact::TrainingDays => 1000,
        Fact::TrainingsThisYear => 50,
        _ => match fact.kind() {
            FactKind::Count("years") => 120,
            FactKind::Count("months") => 600,
            FactKind::Count("days") => 3660,
            _ => 100,
        },
    }
}

/// Facts that date something that has already happened: every date a worker gives
/// (injury, dispute or unpaid wages, job end, business start). A date fact about the
/// future would be listed here as an exception.
fn is_past_event(fact: Fact) -> bool {
    matches!(fact.kind(), FactKind::Date)
}

/// Why an answer cannot be right: plain Chinese and English, naming the answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub fact: Fact,
    pub zh: String,
    pub en: String,
}

impl Refusal {
    pub fn text(&self, english: bool) -> &str {
        if english {
            &self.en
        } else {
            &self.zh
        }
    }
}

impl From<Refusal> for AnswerError {
    fn from(r: Refusal) -> AnswerError {
        AnswerError {
            field: r.fact.name().into(),
            message: format!("{} ({})", r.zh, r.en),
        }
    }
}

/// A value no worker can have, whatever the date: a count or an amount of money out of
/// sane bounds, a date before 1950.
pub fn insane(fact: Fact, value: &Value) -> Option<Refusal> {
    let label = fact.label_zh();
    let label_en = fact.label_en();
    let refuse = |zh: String, en: String| Some(Refusal { fact, zh, en });
    match *value {
        Value::Count(n) if n > count_limit(fact) => {
            let limit = count_limit(fact);
            refuse(
                format!("“{label}”填了{n}，超过了{limit}，请检查。"),
                format!("{label_en}: {n} is more than {limit}; please check."),
            )
        }
        Value::Money(m) if m > Money::yuan(MAX_MONEY_YUAN) => refuse(
            format!("“{label}”填了{m}元，超过1000万元，请检查。"),
            format!("{label_en}: {m} yuan is more than 10,000,000 yuan; please check."),
        ),
        Value::Date(d) if d.year() < EARLIEST_YEAR => refuse(
            format!("“{label}”填了{d}，早于{EARLIEST_YEAR}年，请检查。"),
            format!("{label_en}: {d} is before {EARLIEST_YEAR}; please check."),
        ),
        _ => None,
    }
}

/// A value that cannot be true on `as_of` (besides [`insane`] ones): a past event dated
/// after it, more months worked this year than have begun.
pub fn impossible_on(fact: Fact, value: &Value, as_of: Date) -> Option<Refusal> {
    if let Some(r) = insane(fact, value) {
        return Some(r);
    }
    let label = fact.label_zh();
    let label_en = fact.label_en();
    match *value {
        Value::Date(d) if is_past_event(fact) && d > as_of => Some(Refusal {
            fact,
            zh: format!("“{label}”填了{d}，在{as_of}之后，还没到。请填已经发生的日期。"),
            en: format!(
                "{label_en}: {d} is after {as_of}, so it has not happened yet. Enter a date that has passed."
            ),
        }),
        Value::Count(n) if fact == Fact::StableMonths && n > u32::from(as_of.month()) => {
            let m = as_of.month();
            Some(Refusal {
                fact,
                zh: format!(
                    "“{label}”填了{n}个月，但到{as_of}今年才过了{m}个月（含本月）。请填今年干的月数。"
                ),
                en: format!(
                    "{label_en}: {n} months, but only {m} months of this year have begun by {as_of}. Enter the months worked this year."
                ),
            })
        }
        _ => None,
    }
}

impl Answers {
    /// The first answer that cannot be true on `as_of`, if any; the others stay as
    /// they are.
    pub fn check_on(&self, as_of: Date) -> Result<(), Refusal> {
        for (fact, value) in self.iter() {
            if let Some(r) = impossible_on(fact, &value, as_of) {
                return Err(r);
            }
        }
        Ok(())
    }
}

/// The typed value of a raw answer (the type only: [`insane`] and [`impossible_on`]
/// check the bounds).
pub fn parse_value(fact: Fact, raw: &RawValue) -> Result<Value, String> {
    let expected = |what: &str| format!("expected {what}, got {}", describe_raw(raw));
    match (fact.kind(), raw) {
        (FactKind::Bool, RawValue::Bool(b)) => Ok(Value::Bool(*b)),
        (FactKind::Bool, _) => Err(expected("true or false")),
        (FactKind::Count(unit), RawValue::Int(n)) => {
            if *n < 0 {
                Err(format!("{n} {unit} is negative"))
            } else {
                Ok(Value::Count(u32::try_from(*n).unwrap_or(u32::MAX)))
            }
        }
        (FactKind::Count(unit), _) => Err(expected(&format!("a whole number of {unit}"))),
        (FactKind::Money, RawValue::Text(t)) => Money::parse(t).map(Value::Money),
        (FactKind::Money, RawValue::Int(n)) if *n >= 0 => Ok(Value::Money(Money::yuan(*n))),
        (FactKind::Money, _) => Err(expected(
            "an amount of yuan written as text, e.g. \"420.50\"",
        )),
        (FactKind::Date, RawValue::Text(t)) => {
            t.parse().map(Value::Date).map_err(|e| e.to_string())
        }
        (FactKind::Date, _) => Err(expected("a date written \"YYYY-MM-DD\"")),
        (FactKind::Choice(opts), RawValue::Text(t)) => {
            fact.choice_option(t).map(Value::Choice).ok_or_else(|| {
                let names: Vec<_> = opts.iter().map(|o| o.0).collect();
                format!("'{t}' is not one of {}", names.join(", "))
            })
        }
        (FactKind::Choice(_), _) => Err(expected("one of the option names as text")),
        (FactKind::Region, RawValue::Text(t)) => region::find_or_parent(t)
            .map(|r| Value::Region(r.code))
            .ok_or_else(|| {
                format!(
                    "'{t}' is not a known region code (e.g. 53 云南省, 530326 会泽县, 44 广东省)"
                )
            }),
        (FactKind::Region, _) => Err(expected("a region code as text, e.g. \"530326\"")),
    }
}

fn describe_raw(raw: &RawValue) -> String {
    match raw {
        RawValue::Bool(b) => format!("{b}"),
        RawValue::Int(n) => format!("the number {n}"),
        RawValue::Text(t) => format!("the text '{t}'"),
    }
}

fn check_value(fact: Fact, value: &Value) -> Result<(), AnswerError> {
    let ok = match (fact.kind(), value) {
        _ if fact.is_derived() => false,
        (FactKind::Bool, Value::Bool(_)) => true,
        (FactKind::Count(_), Value::Count(_)) => insane(fact, value).is_none(),
        (FactKind::Money, Value::Money(m)) => *m >= Money::ZERO && insane(fact, value).is_none(),
        (FactKind::Date, Value::Date(_)) => insane(fact, value).is_none(),
        (FactKind::Choice(_), Value::Choice(c)) => fact.choice_option(c).is_some(),
        (FactKind::Region, Value::Region(r)) => region::find(r).is_some(),
        _ => false,
    };
    if ok {
        Ok(())
    } else if fact.is_derived() {
        Err(AnswerError {
            field: fact.name().into(),
            message: "is worked out from other answers and cannot be set".into(),
        })
    } else {
        Err(AnswerError {
            field: fact.name().into(),
            message: format!("{} is not a valid value", value_text(value)),
        })
    }
}

/// A value as written in an answers file, for messages. (Not `{:?}`: Debug on text
/// ships Unicode escape tables in the wasm.)
fn value_text(value: &Value) -> String {
    match value {
        Value::Bool(b) => b.to_string(),
        Value::Count(n) => n.to_string(),
        Value::Money(m) => m.to_string(),
        Value::Date(d) => d.to_string(),
        Value::Choice(c) | Value::Region(c) => format!("'{c}'"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(pairs: &[(&str, RawValue)]) -> BTreeMap<String, RawValue> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }

    #[test]
    fn good_answers_round_trip() {
        let r = raw(&[
            ("home_region", RawValue::Text("530326".into())),
            ("tuopin", RawValue::Bool(true)),
            ("stable_months", RawValue::Int(4)),
            ("ticket_price", RawValue::Text("420.50".into())),
            ("dispute_date", RawValue::Text("2026-03-01".into())),
            ("work_place", RawValue::Text("cross_province".into())),
        ]);
        let a = Answers::from_raw(&r).unwrap();
        assert_eq!(a.to_raw(), r);
    }

    #[test]
    fn an_unticked_box_is_unknown_and_no_needs_an_explicit_answer() {
        let screen = crate::fact::Question::Groups.facts();
        let got = ticks(&screen, &[Fact::Tuopin], false);
        assert_eq!(got.len(), screen.len());
        for (f, v) in &got {
            let want = (*f == Fact::Tuopin).then_some(Value::Bool(true));
            assert_eq!(*v, want, "{}", f.name());
        }
        // 以上都没有.
        assert!(ticks(&screen, &[], true)
            .iter()
            .all(|(_, v)| *v == Some(Value::Bool(false))));
        assert!(ticks(&screen, &[], false).iter().all(|(_, v)| v.is_none()));
        // 其他都没有 after ticking 脱贫人口: 建档立卡 is implied, not no.
        for (f, v) in ticks(&screen, &[Fact::Tuopin], true) {
            let want = match f {
                Fact::Tuopin => Some(Value::Bool(true)),
                Fact::Jiandang => None,
                _ => Some(Value::Bool(false)),
            };
            assert_eq!(v, want, "{}", f.name());
        }
    }

    #[test]
    fn bad_answers_name_the_field() {
        let e = Answers::from_raw(&raw(&[("stable_months", RawValue::Text("four".into()))]))
            .unwrap_err();
        assert_eq!(e.field, "stable_months");
        let e = Answers::from_raw(&raw(&[("home_region", RawValue::Text("999999".into()))]))
            .unwrap_err();
        assert_eq!(e.field, "home_region");
        let e =
            Answers::from_raw(&raw(&[("ticket_price", RawValue::Text("-3".into()))])).unwrap_err();
        assert_eq!(e.field, "ticket_price");
        let e = Answers::from_raw(&raw(&[("age", RawValue::Int(400))])).unwrap_err();
        assert_eq!(e.field, "age");
        let e = Answers::from_raw(&raw(&[("business_months", RawValue::Int(4))])).unwrap_err();
        assert_eq!(e.field, "business_months");
        let e = Answers::from_raw(&raw(&[("favourite_colour", RawValue::Text("red".into()))]))
            .unwrap_err();
        assert_eq!(e.field, "favourite_colour");
    }

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn out_of_bounds_answers_are_refused_in_both_languages() {
        let e = Answers::from_raw(&raw(&[("monthly_wage", RawValue::Text("9".repeat(28)))]))
            .unwrap_err();
        assert_eq!(e.field, "monthly_wage");
        assert!(
            e.message.contains("1000万元") && e.message.contains("10,000,000"),
            "{e}"
        );
        assert!(
            Answers::from_raw(&raw(&[("monthly_wage", RawValue::Text("10000000".into()))])).is_ok()
        );
        assert!(Answers::from_raw(&raw(&[(
            "monthly_wage",
            RawValue::Text("10000000.01".into())
        )]))
        .is_err());
        let e = Answers::from_raw(&raw(&[("stable_months", RawValue::Int(50))])).unwrap_err();
        assert_eq!(e.field, "stable_months");
        assert!(e.message.contains("超过了12"), "{e}");
        let e = Answers::from_raw(&raw(&[("age", RawValue::Int(i64::MAX))])).unwrap_err();
        assert_eq!(e.field, "age");
        let e = Answers::from_raw(&raw(&[(
            "injury_date",
            RawValue::Text("1900-01-01".into()),
        )]))
        .unwrap_err();
        assert_eq!(e.field, "injury_date");
        let mut a = Answers::new();
        assert!(a
            .set(Fact::MonthlyWage, Value::Money(Money::yuan(20_000_000)))
            .is_err());
        assert!(a.set(Fact::TrainingDays, Value::Count(5000)).is_err());
    }

    #[test]
    fn past_events_after_the_date_and_months_not_yet_begun_are_refused() {
        let as_of = d("2026-11-30");
        for fact in [
            Fact::InjuryDate,
            Fact::DisputeDate,
            Fact::JobEndDate,
            Fact::BusinessStartDate,
        ] {
            let r = impossible_on(fact, &Value::Date(d("2026-12-01")), as_of).unwrap();
            assert_eq!(r.fact, fact);
            assert!(
                r.zh.contains("还没到") && r.en.contains("has not happened"),
                "{r:?}"
            );
            assert_eq!(impossible_on(fact, &Value::Date(as_of), as_of), None);
        }
        let r = impossible_on(Fact::StableMonths, &Value::Count(8), d("2026-07-15")).unwrap();
        assert!(r.zh.contains("7个月"), "{}", r.zh);
        assert_eq!(
            impossible_on(Fact::StableMonths, &Value::Count(7), d("2026-07-15")),
            None
        );
        // The other answers are kept; the first bad one is named.
        let mut a = Answers::new();
        a.set(Fact::Tuopin, Value::Bool(true)).unwrap();
        a.set(Fact::InjuryDate, Value::Date(d("2027-01-01")))
            .unwrap();
        assert_eq!(a.check_on(as_of).unwrap_err().fact, Fact::InjuryDate);
        assert_eq!(a.len(), 2);
        assert!(a.check_on(d("2027-01-01")).is_ok());
    }
}
