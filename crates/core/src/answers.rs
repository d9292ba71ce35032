//! A worker's answers: a partial map from facts to typed values. Missing means "not
//! answered yet" or "I don't know"; both leave the fact unknown.

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

/// Largest sensible count for each unit; anything above is a typo.
fn count_limit(unit: &str) -> u32 {
    match unit {
        "years" => 120,
        "months" => 600,
        "days" => 3660,
        _ => 100,
    }
}

pub fn parse_value(fact: Fact, raw: &RawValue) -> Result<Value, String> {
    let expected = |what: &str| format!("expected {what}, got {}", describe_raw(raw));
    match (fact.kind(), raw) {
        (FactKind::Bool, RawValue::Bool(b)) => Ok(Value::Bool(*b)),
        (FactKind::Bool, _) => Err(expected("true or false")),
        (FactKind::Count(unit), RawValue::Int(n)) => {
            let limit = count_limit(unit);
            if *n < 0 || *n > limit as i64 {
                Err(format!("{n} {unit} is outside 0–{limit}"))
            } else {
                Ok(Value::Count(*n as u32))
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
        (FactKind::Region, RawValue::Text(t)) => region::find(t)
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
        (FactKind::Count(unit), Value::Count(n)) => *n <= count_limit(unit),
        (FactKind::Money, Value::Money(m)) => *m >= Money::ZERO,
        (FactKind::Date, Value::Date(_)) => true,
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
}
