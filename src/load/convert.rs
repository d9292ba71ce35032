//! From the raw structs serde filled to the core's types, with the checks that need more
//! than one value: a check fits its fact, exactly one shape per condition and amount,
//! dates in order, ids unique. Paths are built as it goes, in the loader's form.
//!
//! About 430 lines: one conversion per policy type, each short; kept together so every
//! check and the path it names are in one place.

use std::cell::RefCell;
use std::collections::BTreeSet;

use rust_decimal::Decimal;
use toml::Value as Toml;

use wugong::amount::AmountShape;
use wugong::amount::{AmountRule, DayTier, Frequency};
use wugong::condition::{Check, Condition, EmployerCondition, Test};
use wugong::condition::{CheckShape, ConditionShape};
use wugong::date::Date;
use wugong::fact::{Fact, FactKind};
use wugong::money::Money;
use wugong::policy::{Document, Measure, Phone, Reading};
use wugong::region;
use wugong::tags::Named;

use super::terms::Term;
use super::value::{
    count_of, date_of, money_of, texts, Count, FactName, Text, TomlDate, TomlMoney,
};
use super::{RawAmount, RawCondition, RawFile, RawMeasure, R};

/// The defined terms a measure's condition may name, and the plain names of those it
/// named (in the order first named), for `Measure::terms`.
pub(super) struct Terms<'a> {
    all: &'a [Term],
    used: RefCell<Vec<String>>,
}

impl<'a> Terms<'a> {
    pub(super) fn new(all: &'a [Term]) -> Terms<'a> {
        Terms {
            all,
            used: RefCell::new(Vec::new()),
        }
    }
}

fn bad<T>(path: impl Into<String>, message: impl Into<String>) -> R<T> {
    Err((path.into(), message.into()))
}

pub(super) fn convert(id: String, raw: RawFile, terms: &[Term]) -> R<Document> {
    let d = raw.document;
    let issued = d.issued.map(|t| t.0);
    let valid_from = match (d.valid_from, issued) {
        (Some(TomlDate(from)), _) | (None, Some(from)) => from,
        (None, None) => {
            return bad(
                "document.valid_from",
                "is missing (needed when the text gives no issued date)",
            )
        }
    };
    if let Some(until) = d.valid_until.0 {
        if until < valid_from {
            return bad(
                "document.valid_until",
                format!("{until} is before valid_from {valid_from}"),
            );
        }
    }
    if raw.measure.is_empty() {
        return bad("measure", "a document needs at least one [[measure]]");
    }
    let measures = raw
        .measure
        .into_iter()
        .enumerate()
        .map(|(i, m)| {
            let period = (valid_from, d.valid_until.0);
            measure(m, &format!("measure[{i}]"), period, &d.region.0, terms)
        })
        .collect::<R<Vec<_>>>()?;
    let mut seen = BTreeSet::new();
    for (i, m) in measures.iter().enumerate() {
        if !seen.insert(m.id.as_str()) {
            return bad(
                format!("measure[{i}].id"),
                format!("duplicate id '{}'", m.id),
            );
        }
        // A place test of its own (home or work region) stands for the document's region,
        // so it must lie within it.
        let region = d.region.0.as_str();
        let tests = m.when.place_test().unwrap_or_default();
        let codes = tests.iter().flat_map(|c| match c {
            Condition::Test(Test {
                check: Check::Within(v),
                ..
            }) => v.as_slice(),
            _ => &[],
        });
        for code in codes {
            if region != wugong::region::NATIONAL && !code.starts_with(region) {
                return bad(
                    format!("measure[{i}].when"),
                    format!("region '{code}' is outside the document's region '{region}'"),
                );
            }
        }
    }
    Ok(Document {
        id,
        number: d.number.0,
        title: d.title.0,
        issuer: d.issuer.0,
        region: d.region.0,
        issued,
        valid_from,
        valid_until: d.valid_until.0,
        validity_note: d.validity_note.map(|t| t.0),
        ask_first_from: match (d.standing, d.valid_until.0) {
            (false, None) => Some(valid_from.plus_years(ask_first_years())),
            _ => None,
        },
        note: d.note.map(|t| t.0),
        source: d.source.0,
        checked: d.checked.0,
        measures,
    })
}

fn measure(
    m: RawMeasure,
    at: &str,
    (doc_from, doc_until): (Date, Option<Date>),
    doc_region: &str,
    terms: &[Term],
) -> R<Measure> {
    let terms = Terms {
        all: terms,
        used: RefCell::new(Vec::new()),
    };
    let when = condition(m.when, &format!("{at}.when"), Some(&terms))?;
    let done_when = m
        .done_when
        .map(|c| condition(c, &format!("{at}.done_when"), Some(&terms)))
        .transpose()?;
    let when = match m.place {
        Some(names) => with_place(when, &names, doc_region, &format!("{at}.place"))?,
        None => when,
    };
    let amount = m
        .amount
        .map(|a| amount(a, &format!("{at}.amount")))
        .transpose()?;
    if amount.is_some() && m.frequency.is_none() {
        return bad(
            format!("{at}.frequency"),
            format!("is missing (an amount needs one of {})", Frequency::names()),
        );
    }
    let valid_from = m.valid_from.map(|t| t.0);
    let valid_until = m.valid_until.map(|t| t.0);
    if let Some(until) = valid_until {
        let from = valid_from.unwrap_or(doc_from);
        if until < from {
            return bad(
                format!("{at}.valid_until"),
                format!("{until} is before the start {from}"),
            );
        }
    }
    // A dated branch ends inside the measure's period, or it decides nothing.
    let (from, until) = (valid_from.unwrap_or(doc_from), valid_until.or(doc_until));
    for d in when.until_dates() {
        if d < from || until.is_some_and(|u| d >= u) {
            let end = until.map_or("no end".to_string(), |u| u.to_string());
            return bad(
                format!("{at}.when"),
                format!("until = {d} is not inside the measure's period ({from} to {end}): the branch decides nothing"),
            );
        }
    }
    let phones = m
        .phones
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let dial = p.dial.map_or_else(|| p.number.0.clone(), |t| t.0);
            if !dial.bytes().all(|c| c.is_ascii_digit() || c == b'-') {
                return bad(
                    format!("{at}.phones[{i}].dial"),
                    format!("'{dial}' must be digits and '-' only"),
                );
            }
            Ok(Phone {
                number: p.number.0,
                dial,
                note: p.note.map(|t| t.0),
            })
        })
        .collect::<R<Vec<_>>>()?;
    Ok(Measure {
        id: m.id.0,
        kind: m.kind.0,
        audience: m.audience.0,
        title: m.title.0,
        title_en: m.title_en.0,
        summary: m.summary.0,
        summary_en: m.summary_en.map(|t| t.0),
        clause: m.clause.0,
        when,
        amount,
        frequency: m.frequency.map(|f| f.0),
        apply_where: m.apply_where.0,
        apply_how: m.apply_how.0,
        materials: texts(m.materials),
        note: m.note.map(|t| t.0),
        source_lines: m.source_lines.map(|t| t.0),
        reading: m.reading.map(|r| Reading {
            text: r.text.0,
            numbers: r.numbers.into_iter().map(|f| f.0).collect(),
        }),
        benefit: m.benefit.map(|k| k.0),
        done_when,
        valid_from,
        valid_until,
        deadlines: m.deadlines.into_iter().map(|d| d.0).collect(),
        phones,
        terms: terms.used.into_inner(),
    })
}

/// The region facts a `place` may name (issue 16, "where a measure looks").
const PLACES: &[(&str, Fact)] = &[
    ("home", Fact::HomeRegion),
    ("work", Fact::WorkRegion),
    ("business", Fact::BusinessRegion),
    ("insurance", Fact::InsuranceRegion),
];

/// `place = [...]`: the document's region tested on those regions (any of them), written
/// as the place test the catalogue recognises ([`Condition::place_test`]) at the front.
fn with_place(
    when: Condition,
    names: &[super::value::Key],
    region: &str,
    at: &str,
) -> R<Condition> {
    if region == region::NATIONAL {
        return bad(
            at,
            "a national document's measures test no place; leave place out",
        );
    }
    let mut tests = Vec::new();
    let mut facts = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let Some(&(_, fact)) = PLACES.iter().find(|p| p.0 == name.0) else {
            let all: Vec<&str> = PLACES.iter().map(|p| p.0).collect();
            return bad(
                format!("{at}[{i}]"),
                format!("unknown place '{}' (use one of {})", name.0, all.join(", ")),
            );
        };
        if facts.contains(&fact) {
            return bad(format!("{at}[{i}]"), format!("'{}' is named twice", name.0));
        }
        facts.push(fact);
        tests.push(Condition::Test(Test {
            fact,
            check: Check::Within(vec![region.to_string()]),
        }));
    }
    if facts.is_empty() || facts == [Fact::HomeRegion] {
        return bad(at, "the home region is the default; leave place out");
    }
    if when.place_test().is_some() {
        return bad(
            at,
            "the condition has a place test of its own (an any of region tests); use one of the two",
        );
    }
    let place = Condition::Any(tests);
    Ok(match when {
        Condition::Always => place,
        Condition::All(mut cs) => {
            cs.insert(0, place);
            Condition::All(cs)
        }
        other => Condition::All(vec![place, other]),
    })
}

/// The shapes present, by their table names.
fn present<T: Copy>(options: &[(T, bool)]) -> Vec<T> {
    options.iter().filter(|o| o.1).map(|o| o.0).collect()
}

/// `terms`: the defined terms it may name (for a term's own definition, those above it).
pub(super) fn condition(c: RawCondition, at: &str, terms: Option<&Terms>) -> R<Condition> {
    if let Some(key) = &c.term {
        return term(&key.0, &c, at, terms);
    }
    let shapes = present(&[
        (ConditionShape::Always, c.always.is_some()),
        (ConditionShape::All, c.all.is_some()),
        (ConditionShape::Any, c.any.is_some()),
        (ConditionShape::Not, c.not.is_some()),
        (ConditionShape::Test, c.fact.is_some()),
        (ConditionShape::Employer, c.depends_on_employer.is_some()),
        (ConditionShape::Until, c.until.is_some()),
    ]);
    let [shape] = shapes[..] else {
        return bad(
            at,
            "needs exactly one of: always = true, all = [...], any = [...], not = {...}, fact = \"...\", depends_on_employer = \"...\", until = \"YYYY-MM-DD\", term = \"...\"",
        );
    };
    if shape != ConditionShape::Employer && c.en.is_some() {
        return bad(
            format!("{at}.en"),
            "en goes with depends_on_employer = \"...\" only",
        );
    }
    let checks: Vec<(CheckShape, Toml)> = [
        (CheckShape::Is, c.is),
        (CheckShape::OneOf, c.one_of),
        (CheckShape::Within, c.within),
        (CheckShape::AtLeast, c.at_least),
        (CheckShape::AtMost, c.at_most),
        (CheckShape::OnOrAfter, c.on_or_after),
        (CheckShape::OnOrBefore, c.on_or_before),
    ]
    .into_iter()
    .filter_map(|(s, v)| v.map(|v| (s, v)))
    .collect();
    if shape != ConditionShape::Test {
        if let Some((s, _)) = checks.first() {
            return bad(
                format!("{at}.{}", s.name()),
                "a check goes with fact = \"...\" only",
            );
        }
    }
    let list = |items: Vec<RawCondition>, key: &str| -> R<Vec<Condition>> {
        if items.is_empty() {
            return bad(format!("{at}.{key}"), "an empty list decides nothing");
        }
        items
            .into_iter()
            .enumerate()
            .map(|(i, c)| condition(c, &format!("{at}.{key}[{i}]"), terms))
            .collect()
    };
    let written = match shape {
        ConditionShape::Always => match c.always {
            Some(Toml::Boolean(true)) => Condition::Always,
            _ => {
                return bad(
                    format!("{at}.always"),
                    "write always = true, or give conditions",
                )
            }
        },
        ConditionShape::All => Condition::All(list(c.all.unwrap_or_default(), "all")?),
        ConditionShape::Any => Condition::Any(list(c.any.unwrap_or_default(), "any")?),
        ConditionShape::Not => match c.not {
            Some(inner) => {
                Condition::Not(Box::new(condition(*inner, &format!("{at}.not"), terms)?))
            }
            None => return bad(at, "needs a condition"),
        },
        ConditionShape::Until => match c.until {
            Some(d) => Condition::Until(d.0),
            None => return bad(at, "needs a date"),
        },
        // Something only the employer knows: { depends_on_employer = "…", en = "…" }.
        ConditionShape::Employer => match (c.depends_on_employer, c.en) {
            (Some(Text(zh)), Some(Text(en))) => Condition::Employer(EmployerCondition { zh, en }),
            _ => {
                return bad(
                    format!("{at}.en"),
                    "is missing (the English of depends_on_employer)",
                )
            }
        },
        ConditionShape::Test => {
            let fact = match c.fact {
                Some(FactName(f)) => f,
                None => return bad(at, "needs a fact"),
            };
            let [(shape, value)] = <[_; 1]>::try_from(checks).map_err(|_| {
                (
                    at.to_string(),
                    format!(
                        "fact '{}' needs exactly one check of: is, in, within, at_least, at_most, on_or_after, on_or_before",
                        fact.name()
                    ),
                )
            })?;
            Condition::Test(Test {
                fact,
                check: check(fact, shape, &value, &format!("{at}.{}", shape.name()))?,
            })
        }
    };
    // A term written out instead of named: the copy a later fix would miss.
    if let (Some(terms), Condition::All(_) | Condition::Any(_)) = (terms, &written) {
        if let Some(t) = terms.all.iter().find(|t| t.when == written) {
            return bad(
                at,
                format!(
                    "this is the defined term '{}' written out: write {{ term = \"{}\" }}",
                    t.id, t.id
                ),
            );
        }
    }
    Ok(written)
}

/// `{ term = "…" }`: the term's condition in its place, its name noted for the card.
fn term(key: &str, c: &RawCondition, at: &str, terms: Option<&Terms>) -> R<Condition> {
    let alone = c.always.is_none()
        && c.all.is_none()
        && c.any.is_none()
        && c.not.is_none()
        && c.fact.is_none()
        && c.depends_on_employer.is_none()
        && c.en.is_none()
        && c.is.is_none()
        && c.one_of.is_none()
        && c.within.is_none()
        && c.at_least.is_none()
        && c.at_most.is_none()
        && c.on_or_after.is_none()
        && c.on_or_before.is_none()
        && c.until.is_none();
    if !alone {
        return bad(at, "term = \"...\" stands alone: { term = \"id\" }");
    }
    let Some(terms) = terms else {
        return bad(
            format!("{at}.term"),
            "a term is defined by facts, not by another term",
        );
    };
    let Some(t) = terms.all.iter().find(|t| t.id == key) else {
        return bad(
            format!("{at}.term"),
            format!("unknown term '{key}' (see policies/data/terms.toml)"),
        );
    };
    let mut used = terms.used.borrow_mut();
    if !used.contains(&t.name) {
        used.push(t.name.clone());
    }
    Ok(t.when.clone())
}

fn check(fact: Fact, shape: CheckShape, v: &Toml, at: &str) -> R<Check> {
    let strings = |v: &Toml| -> R<Vec<String>> {
        let Toml::Array(items) = v else {
            return bad(
                at,
                format!("expected a list of text, found {}", v.type_str()),
            );
        };
        items
            .iter()
            .enumerate()
            .map(|(i, x)| match x {
                Toml::String(s) if !s.trim().is_empty() => Ok(s.clone()),
                _ => bad(format!("{at}[{i}]"), "expected text"),
            })
            .collect()
    };
    Ok(match (shape, fact.kind()) {
        (CheckShape::Is, FactKind::Bool) => match v {
            Toml::Boolean(b) => Check::Is(*b),
            _ => return bad(at, "expected true or false"),
        },
        (CheckShape::OneOf, FactKind::Choice(_)) => {
            let options = strings(v)?;
            for (i, o) in options.iter().enumerate() {
                if fact.choice_option(o).is_none() {
                    return bad(
                        format!("{at}[{i}]"),
                        format!("'{o}' is not an option of '{}'", fact.name()),
                    );
                }
            }
            Check::OneOf(options)
        }
        (CheckShape::Within, FactKind::Region) => {
            let codes = strings(v)?;
            for (i, c) in codes.iter().enumerate() {
                if c != region::NATIONAL && region::find(c).is_none() {
                    return bad(
                        format!("{at}[{i}]"),
                        format!("unknown region '{c}' (use a code from crates/core/src/region.rs or 'national')"),
                    );
                }
            }
            Check::Within(codes)
        }
        (CheckShape::AtLeast, FactKind::Count(_)) => Check::AtLeast(on(count_of(v), at)?),
        (CheckShape::AtMost, FactKind::Count(_)) => Check::AtMost(on(count_of(v), at)?),
        (CheckShape::AtLeast, FactKind::Money) => Check::MoneyAtLeast(on(money_of(v), at)?),
        (CheckShape::AtMost, FactKind::Money) => Check::MoneyAtMost(on(money_of(v), at)?),
        (CheckShape::OnOrAfter, FactKind::Date) => Check::OnOrAfter(on(date_of(v), at)?),
        (CheckShape::OnOrBefore, FactKind::Date) => Check::OnOrBefore(on(date_of(v), at)?),
        (shape, kind) => {
            return bad(
                at,
                format!(
                    "'{}' does not fit fact '{}' ({})",
                    shape.name(),
                    fact.name(),
                    kind_hint(kind)
                ),
            )
        }
    })
}

fn amount(a: RawAmount, at: &str) -> R<AmountRule> {
    let shapes = present(&[
        (AmountShape::Fixed, a.fixed.is_some()),
        (AmountShape::UpTo, a.up_to.is_some()),
        (AmountShape::AtLeast, a.at_least.is_some()),
        (AmountShape::Between, a.between.is_some()),
        (AmountShape::TicketUpTo, a.ticket_up_to.is_some()),
        (AmountShape::PerDay, a.per_day.is_some()),
        (AmountShape::PercentOfWage, a.percent_of_wage.is_some()),
        (AmountShape::LoanUpTo, a.loan_up_to.is_some()),
    ]);
    let [shape] = shapes[..] else {
        return bad(
            at,
            format!("needs exactly one of: {}", AmountShape::names()),
        );
    };
    if a.cap.is_some() && shape != AmountShape::PerDay {
        return bad(format!("{at}.cap"), "goes with per_day only");
    }
    if a.max_months.is_some() && shape != AmountShape::PercentOfWage {
        return bad(format!("{at}.max_months"), "goes with percent_of_wage only");
    }
    let m = |x: Option<TomlMoney>| x.map_or(Money::ZERO, |x| x.0);
    Ok(match shape {
        AmountShape::Fixed => AmountRule::Fixed(m(a.fixed)),
        AmountShape::UpTo => AmountRule::UpTo(m(a.up_to)),
        AmountShape::AtLeast => AmountRule::AtLeast(m(a.at_least)),
        AmountShape::TicketUpTo => AmountRule::TicketUpTo(m(a.ticket_up_to)),
        AmountShape::LoanUpTo => AmountRule::LoanUpTo(m(a.loan_up_to)),
        AmountShape::Between => match a.between.unwrap_or_default()[..] {
            [TomlMoney(min), TomlMoney(max)] if min <= max => AmountRule::Between { min, max },
            [TomlMoney(min), TomlMoney(max)] => {
                return bad(format!("{at}.between"), format!("{min} is more than {max}"))
            }
            _ => return bad(format!("{at}.between"), "expected [\"min\", \"max\"]"),
        },
        AmountShape::PerDay => {
            let tiers: Vec<DayTier> = a
                .per_day
                .unwrap_or_default()
                .into_iter()
                .map(|t| DayTier {
                    through_day: t.through_day.map(|c| c.0),
                    rate: t.rate.0,
                })
                .collect();
            if tiers.is_empty() {
                return bad(
                    format!("{at}.per_day"),
                    "needs at least one { rate = \"...\" }",
                );
            }
            AmountRule::PerDay {
                tiers,
                cap: a.cap.map(|c| c.0),
            }
        }
        AmountShape::PercentOfWage => AmountRule::PercentOfWage {
            percent: a.percent_of_wage.map_or(Decimal::ZERO, |p| p.0),
            // Optional: only where the document sets a most (a most that is not in
            // the text would be shown to the worker as if it were).
            max_months: match a.max_months {
                Some(Count(0)) => {
                    return bad(
                        format!("{at}.max_months"),
                        "must be at least 1 (or left out)",
                    )
                }
                Some(Count(n)) => Some(n),
                None => None,
            },
        },
    })
}

/// A value's own problem, at `at`.
fn on<T>(r: Result<T, String>, at: &str) -> R<T> {
    r.map_err(|m| (at.to_string(), m))
}

fn kind_hint(k: FactKind) -> &'static str {
    match k {
        FactKind::Region => "a region: use within",
        FactKind::Bool => "yes/no: use is",
        FactKind::Count(_) => "a number: use at_least or at_most",
        FactKind::Money => "money: use at_least or at_most",
        FactKind::Date => "a date: use on_or_after or on_or_before",
        FactKind::Choice(_) => "a choice: use in",
    }
}

/// `[ask_first] years` of `policies/data/currency.toml`: how long a document that states
/// no end is taken as current (the file says why). Read at compile time, so every tool and
/// test sees the same figure.
fn ask_first_years() -> i32 {
    const FILE: &str = include_str!("../../policies/data/currency.toml");
    let table: toml::Table = FILE.parse().unwrap_or_default();
    table
        .get("ask_first")
        .and_then(|t| t.get("years"))
        .and_then(toml::Value::as_integer)
        .map_or(3, |y| y as i32)
}
