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

/// The earliest statutory retirement age of women and of men (国发〔1978〕104号 第一条:
/// 45 in special jobs or on total incapacity; men 50 on total incapacity; the 2024
/// decision only raises ages). Data with its sources and our reading:
/// `policies/data/retirement.toml` (tests/retirement_data.rs keeps them equal).
pub const EARLIEST_RETIREMENT_AGE: (u32, u32) = (45, 50);

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    /// Sorted by fact, each fact at most once. A plain vector, not a map: a handful of
    /// answers, and B-trees cost the wasm several KB.
    values: Vec<(Fact, Value)>,
    /// One bit per fact in `values` (bit `fact % 64` of word `fact / 64`): a fact's
    /// place in `values` is the number of answered facts before it, so a look-up is a
    /// few instructions, not a binary search (every test of every measure looks one up;
    /// issue 18). Two words, not a `u128`, whose shifts are library calls in a build
    /// for size.
    present: [u64; 2],
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
            // Settled only on the safe side (issue 16): see `settled_near_retirement`.
            Fact::NearRetirement => self.get(fact).or_else(|| self.settled_near_retirement()),
            f => self.get(f),
        }
    }

    /// "离法定退休年龄不到1年" when the age alone settles it: "no" for anyone younger
    /// than the earliest statutory retirement age of their sex minus one year
    /// ([`EARLIEST_RETIREMENT_AGE`]); otherwise unknown (asked). An answer the worker gave
    /// is read as given, even against this (`Catalogue::consistent` tells them apart).
    pub fn settled_near_retirement(&self) -> Option<Value> {
        let Value::Count(age) = self.get(Fact::Age)? else {
            return None;
        };
        let earliest = match self.get(Fact::Sex) {
            Some(Value::Choice("male")) => EARLIEST_RETIREMENT_AGE.1,
            _ => EARLIEST_RETIREMENT_AGE.0,
        };
        (age + 1 < earliest).then_some(Value::Bool(false))
    }

    /// Sets a checked value. Derived facts cannot be set.
    pub fn set(&mut self, fact: Fact, value: Value) -> Result<(), AnswerError> {
        check_value(fact, &value)?;
        match self.find(fact) {
            Ok(i) => self.values[i].1 = value,
            Err(i) => {
                self.values.insert(i, (fact, value));
                let (word, bit) = Answers::bit(fact);
                self.present[word] |= bit;
            }
        }
        Ok(())
    }

    pub fn remove(&mut self, fact: Fact) {
        if let Ok(i) = self.find(fact) {
            self.values.remove(i);
            let (word, bit) = Answers::bit(fact);
            self.present[word] &= !bit;
        }
    }

    fn find(&self, fact: Fact) -> Result<usize, usize> {
        let (word, bit) = Answers::bit(fact);
        let before = if word == 1 {
            self.present[0].count_ones()
        } else {
            0
        };
        let place = (before + (self.present[word] & (bit - 1)).count_ones()) as usize;
        if self.present[word] & bit != 0 {
            Ok(place)
        } else {
            Err(place)
        }
    }

    /// The word of `present` and the bit in it for `fact` (`Fact::ALL.len() <= 128` is
    /// checked in fact.rs, the same bound as `FactSet`'s).
    fn bit(fact: Fact) -> (usize, u64) {
        let n = fact as usize;
        ((n / 64) & 1, 1 << (n % 64))
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

/// The most money any answer can be (a wage, a ticket): ten million yuan. Anything
/// above is a typo, and bounding it keeps every amount computation small.
pub const MAX_MONEY_YUAN: i64 = 10_000_000;

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

/// Why an answer, or the date to work out a result for, cannot be right: plain Chinese
/// and English, naming the answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// The answer refused; `None` for the date to work out for.
    pub fact: Option<Fact>,
    /// What is wrong, after the answer's label, which [`Refusal::text`] puts in front:
    /// the refusal keeps the fact, not its words, because the widget's gate refuses
    /// before the labels have arrived with the rules (`labels::set`).
    pub why_zh: String,
    pub why_en: String,
}

impl Refusal {
    /// The whole sentence, naming the answer by its label.
    pub fn text(&self, english: bool) -> String {
        match (self.fact, english) {
            (None, false) => self.why_zh.clone(),
            (None, true) => self.why_en.clone(),
            (Some(f), false) => format!("“{}”{}", f.label_zh(), self.why_zh),
            (Some(f), true) => format!("{}: {}", f.label_en(), self.why_en),
        }
    }

    /// The same, saying what was not used ("这一项没有用上").
    fn then(mut self, zh: &str, en: &str) -> Refusal {
        self.why_zh.push_str(zh);
        self.why_en.push_str(en);
        self
    }
}

impl From<Refusal> for AnswerError {
    fn from(r: Refusal) -> AnswerError {
        AnswerError {
            field: r.fact.map_or("as_of", Fact::name).into(),
            message: format!("{} ({})", r.text(false), r.text(true)),
        }
    }
}

/// For the CLI: "answer 'injury_date': … (…)", or "the date to evaluate on: … (…)".
impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.fact {
            Some(fact) => write!(f, "answer '{}': ", fact.name())?,
            None => f.write_str("the date to evaluate on: ")?,
        }
        write!(f, "{} ({})", self.text(false), self.text(true))
    }
}

/// An evaluation date outside [`Date::FIRST`]..=[`Date::LAST`], in the worker's words.
pub fn as_of_refused(as_of: Date) -> Option<Refusal> {
    (!as_of.in_range()).then(|| range_refusal(&as_of.to_string()))
}

/// The range as the worker reads it. Literal, not formatted from `Date::FIRST` and
/// `Date::LAST` (less wasm); a test keeps them in step.
const RANGE_ZH: &str = "查看日期要是1950-01-01到2100-12-31之间的一天，";
const RANGE_EN: &str = "The date to check must be a day from 1950-01-01 to 2100-12-31; ";

/// `shown`: the date as given, or "" when it is not worth quoting.
fn range_refusal(shown: &str) -> Refusal {
    let (zh, en) = if shown.is_empty() {
        ("这个日期", "that date")
    } else {
        (shown, shown)
    };
    Refusal {
        fact: None,
        why_zh: format!("{RANGE_ZH}{zh}没有用上。"),
        why_en: format!("{RANGE_EN}{en} was not used."),
    }
}

/// The date to work out a result for, from text (`?date=` in the address, the
/// other-date box): `YYYY-MM-DD` in [`Date::FIRST`]..=[`Date::LAST`], or why not (quoting
/// the text only when it is a short run of digits and dashes).
pub fn parse_as_of(text: &str) -> Result<Date, Refusal> {
    let plain = text.len() <= 10 && text.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    text.parse::<Date>()
        .ok()
        .filter(|d| d.in_range())
        .ok_or_else(|| range_refusal(if plain { text } else { "" }))
}

/// A value no worker can have, whatever the date: a count or an amount of money out of
/// sane bounds, a date before 1950.
pub fn insane(fact: Fact, value: &Value) -> Option<Refusal> {
    let refuse = |why_zh: String, why_en: String| {
        Some(Refusal {
            fact: Some(fact),
            why_zh,
            why_en,
        })
    };
    match *value {
        Value::Count(n) if n > count_limit(fact) => {
            let limit = count_limit(fact);
            refuse(
                format!("填了{n}，超过了{limit}，请检查。"),
                format!("{n} is more than {limit}; please check."),
            )
        }
        Value::Money(m) if m > Money::yuan(MAX_MONEY_YUAN) => refuse(
            format!("填了{m}元，超过1000万元，请检查。"),
            format!("{m} yuan is more than 10,000,000 yuan; please check."),
        ),
        Value::Date(d) if d < Date::FIRST => {
            let first = Date::FIRST.year();
            refuse(
                format!("填了{d}，早于{first}年，请检查。"),
                format!("{d} is before {first}; please check."),
            )
        }
        _ => None,
    }
}

/// A value that cannot be true on `as_of` (besides [`insane`] ones): a past event dated
/// after it, more months worked this year than have begun.
pub fn impossible_on(fact: Fact, value: &Value, as_of: Date) -> Option<Refusal> {
    if let Some(r) = insane(fact, value) {
        return Some(r);
    }
    match *value {
        Value::Date(d) if is_past_event(fact) && d > as_of => Some(Refusal {
            fact: Some(fact),
            why_zh: format!("填了{d}，在{as_of}之后，还没到。请填已经发生的日期。"),
            why_en: format!(
                "{d} is after {as_of}, so it has not happened yet. Enter a date that has passed."
            ),
        }),
        Value::Count(n) if fact == Fact::StableMonths && n > u32::from(as_of.month()) => {
            let m = as_of.month();
            Some(Refusal {
                fact: Some(fact),
                why_zh: format!(
                    "填了{n}个月，但到{as_of}今年才过了{m}个月（含本月）。请填今年干的月数。"
                ),
                why_en: format!(
                    "{n} months, but only {m} months of this year have begun by {as_of}. Enter the months worked this year."
                ),
            })
        }
        _ => None,
    }
}

/// The one gate (issue 14). Every answer passes [`impossible_on`] on the date a result is
/// worked out for, and that date must be in [`Date::FIRST`]..=[`Date::LAST`], whichever
/// way they arrive: the question screen (`impossible_on` itself), a share link and the
/// stored answers ([`Answers::gate`], through `share::Shared::gate`), the other-date box
/// and `?date=` ([`Answers::date_refused`]), the CLI's answers file ([`Answers::check_on`]).
impl Answers {
    /// The first thing that cannot be true on `as_of` — the date itself out of range,
    /// then an answer — if any; the answers stay as they are (the CLI refuses the file).
    pub fn check_on(&self, as_of: Date) -> Result<(), Refusal> {
        if let Some(r) = as_of_refused(as_of) {
            return Err(r);
        }
        for (fact, value) in self.iter() {
            if let Some(r) = impossible_on(fact, &value, as_of) {
                return Err(r);
            }
        }
        Ok(())
    }

    /// Drops every answer that cannot be true on `as_of` and says each in `refused`, in
    /// the worker's words ("…还没到。请填已经发生的日期。这一项没有用上。"); the rest
    /// stay. For answers that did not come through the question screen (a share link,
    /// storage). (A list to add to rather than a new one: less wasm.)
    pub fn gate(&mut self, as_of: Date, refused: &mut Vec<Refusal>) {
        // Through `check_on`, one refusal at a time (a handful of answers).
        while let Err(r) = self.check_on(as_of) {
            let Some(fact) = r.fact else {
                // The date itself is out of range: nothing can be checked on it.
                refused.push(r);
                break;
            };
            self.remove(fact);
            refused.push(r.then("这一项没有用上。", " That answer was left out."));
        }
    }

    /// Why `as_of` cannot be the date to work out for (the other-date box, `?date=`):
    /// out of range, or an answer cannot be true on it. The answers stay; the date is
    /// not used.
    pub fn date_refused(&self, as_of: Date) -> Option<Refusal> {
        self.check_on(as_of).err().map(|r| match r.fact {
            Some(_) => r.then("这个日期没有用上。", " That date was not used."),
            None => r,
        })
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
        (FactKind::Choice(opts), RawValue::Text(t)) => fact
            .choice_option(t)
            .map(Value::Choice)
            .ok_or_else(|| format!("'{t}' is not one of {}", opts.join(", "))),
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
            assert_eq!(r.fact, Some(fact));
            assert!(
                r.text(false).contains("还没到") && r.text(true).contains("has not happened"),
                "{r:?}"
            );
            assert_eq!(impossible_on(fact, &Value::Date(as_of), as_of), None);
        }
        let r = impossible_on(Fact::StableMonths, &Value::Count(8), d("2026-07-15")).unwrap();
        assert!(r.text(false).contains("7个月"), "{}", r.text(false));
        assert_eq!(
            impossible_on(Fact::StableMonths, &Value::Count(7), d("2026-07-15")),
            None
        );
        // The other answers are kept; the first bad one is named.
        let mut a = Answers::new();
        a.set(Fact::Tuopin, Value::Bool(true)).unwrap();
        a.set(Fact::InjuryDate, Value::Date(d("2027-01-01")))
            .unwrap();
        assert_eq!(a.check_on(as_of).unwrap_err().fact, Some(Fact::InjuryDate));
        assert_eq!(a.len(), 2);
        assert!(a.check_on(d("2027-01-01")).is_ok());
    }

    /// Issue 14, the date door: one range for every date a result is worked out for.
    #[test]
    fn the_date_to_work_out_for_is_in_one_range() {
        assert_eq!(Date::FIRST, d("1950-01-01"));
        assert_eq!(Date::LAST, d("2100-12-31"));
        assert_eq!(
            RANGE_ZH,
            format!("查看日期要是{}到{}之间的一天，", Date::FIRST, Date::LAST)
        );
        assert!(RANGE_EN.contains(&format!("from {} to {};", Date::FIRST, Date::LAST)));
        for ok in ["1950-01-01", "2026-12-06", "2100-12-31"] {
            assert_eq!(parse_as_of(ok), Ok(d(ok)));
            assert_eq!(as_of_refused(d(ok)), None);
        }
        for out in ["1949-12-31", "2101-01-01", "1900-01-01", "2200-12-31"] {
            let r = as_of_refused(d(out)).unwrap();
            assert_eq!(r.fact, None);
            assert!(
                r.text(false).contains(out) && r.text(false).contains("没有用上"),
                "{}",
                r.text(false)
            );
            assert_eq!(parse_as_of(out), Err(r));
        }
        // Not a date at all, or a year the parser refuses: the same plain line.
        let r = parse_as_of("9999-12-31").unwrap_err();
        assert_eq!(
            r.text(false),
            "查看日期要是1950-01-01到2100-12-31之间的一天，9999-12-31没有用上。"
        );
        for bad in ["0000-01-01", "2026-02-30", "", "<script>alert(1)</script>"] {
            let r = parse_as_of(bad).unwrap_err();
            assert!(
                r.text(false).contains("没有用上") && !r.text(false).contains('<'),
                "{}",
                r.text(false)
            );
        }
        // The CLI's check refuses the date before looking at the answers.
        let r = Answers::new().check_on(d("2101-01-01")).unwrap_err();
        assert_eq!(r.fact, None);
        assert!(
            r.to_string().starts_with("the date to evaluate on: "),
            "{r}"
        );
    }

    /// Issue 14: what did not come through the question screen is gated; a value that
    /// cannot be true on the date is dropped and said, the rest stays.
    #[test]
    fn the_gate_drops_what_cannot_be_true_and_keeps_the_rest() {
        let mut a = Answers::new();
        a.set(Fact::Tuopin, Value::Bool(true)).unwrap();
        a.set(Fact::InjuryDate, Value::Date(d("2027-06-01")))
            .unwrap();
        a.set(Fact::StableMonths, Value::Count(12)).unwrap();
        let gate = |a: &mut Answers, on: &str| {
            let mut refused = Vec::new();
            a.gate(d(on), &mut refused);
            refused
        };
        assert_eq!(
            gate(&mut a.clone(), "2027-12-01"),
            vec![],
            "all possible on that date"
        );
        let refused = gate(&mut a, "2026-11-06");
        let facts: Vec<_> = refused.iter().map(|r| r.fact).collect();
        assert_eq!(facts, [Some(Fact::StableMonths), Some(Fact::InjuryDate)]);
        assert!(
            refused[1].text(false).ends_with("这一项没有用上。")
                && refused[1].text(false).contains("还没到"),
            "{}",
            refused[1].text(false)
        );
        assert!(refused[1].text(true).ends_with("That answer was left out."));
        assert_eq!(a.len(), 1);
        assert_eq!(a.get(Fact::Tuopin), Some(Value::Bool(true)));
        // An out-of-range date drops nothing: it is refused itself.
        let mut b = Answers::new();
        b.set(Fact::InjuryDate, Value::Date(d("2026-01-01")))
            .unwrap();
        let refused = gate(&mut b, "1949-01-01");
        assert_eq!(refused.len(), 1);
        assert_eq!(refused[0].fact, None);
        assert_eq!(b.len(), 1);
        // The other-date box: the date is refused, the answers stay.
        let r = b.date_refused(d("2025-01-01")).unwrap();
        assert!(
            r.text(false).ends_with("这个日期没有用上。"),
            "{}",
            r.text(false)
        );
        assert_eq!(b.date_refused(d("2026-01-01")), None);
        assert_eq!(b.len(), 1);
    }
}
