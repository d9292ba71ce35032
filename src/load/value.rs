//! The policy files' single values, each checked as serde reads it: non-blank text,
//! dates, money as text, counts, percentages, names from the core's tables, regions, keys.

use rust_decimal::Decimal;
use serde::de::{self, Deserializer};
use serde::Deserialize;
use toml::Value as Toml;

use wugong::date::Date;
use wugong::fact::Fact;
use wugong::money::Money;
use wugong::region;
use wugong::tags::Named;

/// Non-blank text.
#[derive(Debug)]
pub(crate) struct Text(pub(crate) String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        match Toml::deserialize(d)? {
            Toml::String(s) if !s.trim().is_empty() => Ok(Text(s)),
            Toml::String(_) => Err(de::Error::custom("is empty")),
            other => Err(de::Error::custom(format!(
                "expected text, found {}",
                other.type_str()
            ))),
        }
    }
}

pub(crate) fn texts(v: Vec<Text>) -> Vec<String> {
    v.into_iter().map(|t| t.0).collect()
}

/// A date, written `"2021-07-05"` or as a bare TOML date.
#[derive(Debug)]
pub(crate) struct TomlDate(pub(crate) Date);

pub(crate) fn date_of(v: &Toml) -> Result<Date, String> {
    let text = match v {
        Toml::String(s) => s.clone(),
        Toml::Datetime(d) => d.to_string(),
        other => {
            return Err(format!(
                "expected a date \"YYYY-MM-DD\", found {}",
                other.type_str()
            ))
        }
    };
    text.parse().map_err(|e: wugong::date::DateError| e.0)
}

impl<'de> Deserialize<'de> for TomlDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<TomlDate, D::Error> {
        date_of(&Toml::deserialize(d)?)
            .map(TomlDate)
            .map_err(de::Error::custom)
    }
}

/// `valid_until`: a date, or `"none stated"`.
#[derive(Debug)]
pub(crate) struct Until(pub(crate) Option<Date>);

impl<'de> Deserialize<'de> for Until {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Until, D::Error> {
        match Toml::deserialize(d)? {
            Toml::String(s) if s == "none stated" => Ok(Until(None)),
            v => date_of(&v)
                .map(|d| Until(Some(d)))
                .map_err(de::Error::custom),
        }
    }
}

/// Money from text or a whole number; floats are refused because they are inexact.
pub(crate) fn money_of(v: &Toml) -> Result<Money, String> {
    match v {
        Toml::String(s) => Money::parse(s),
        Toml::Integer(n) if *n >= 0 => Ok(Money::yuan(*n)),
        Toml::Integer(n) => Err(format!("{n} is negative; amounts of money cannot be")),
        Toml::Float(_) => {
            Err("write money as text, e.g. \"420.50\", not as a floating-point number".into())
        }
        other => Err(format!(
            "expected an amount of money as text, found {}",
            other.type_str()
        )),
    }
}

#[derive(Debug)]
pub(crate) struct TomlMoney(pub(crate) Money);

impl<'de> Deserialize<'de> for TomlMoney {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<TomlMoney, D::Error> {
        money_of(&Toml::deserialize(d)?)
            .map(TomlMoney)
            .map_err(de::Error::custom)
    }
}

pub(crate) fn count_of(v: &Toml) -> Result<u32, String> {
    match v {
        Toml::Integer(n) if (0..=100_000).contains(n) => Ok(*n as u32),
        other => Err(format!("expected a whole number ≥ 0, found {other}")),
    }
}

#[derive(Debug)]
pub(crate) struct Count(pub(crate) u32);

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Count, D::Error> {
        count_of(&Toml::deserialize(d)?)
            .map(Count)
            .map_err(de::Error::custom)
    }
}

/// A percentage in (0, 100], as text ("15", "2.5") or a whole number.
#[derive(Debug)]
pub(crate) struct Percent(pub(crate) Decimal);

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Percent, D::Error> {
        let percent = match Toml::deserialize(d)? {
            Toml::String(s) => s
                .parse::<Decimal>()
                .ok()
                .filter(|p| *p > Decimal::ZERO && *p <= Decimal::ONE_HUNDRED),
            Toml::Integer(n) if (1..=100).contains(&n) => Some(Decimal::from(n)),
            _ => None,
        };
        percent.map(Percent).ok_or_else(|| {
            de::Error::custom("expected a percentage between 0 and 100, e.g. \"15\"")
        })
    }
}

/// A variant by its name in the core's table.
#[derive(Debug)]
pub(crate) struct ByName<T>(pub(crate) T);

impl<'de, T: Named> Deserialize<'de> for ByName<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ByName<T>, D::Error> {
        let Text(s) = Text::deserialize(d)?;
        T::from_name(&s)
            .map(ByName)
            .ok_or_else(|| de::Error::custom(format!("'{s}' is not one of {}", T::names())))
    }
}

#[derive(Debug)]
pub(crate) struct FactName(pub(crate) Fact);

impl<'de> Deserialize<'de> for FactName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<FactName, D::Error> {
        let Text(s) = Text::deserialize(d)?;
        Fact::from_name(&s).map(FactName).ok_or_else(|| {
            de::Error::custom(format!(
                "unknown fact '{s}' (facts are listed in crates/core/src/fact.rs)"
            ))
        })
    }
}

#[derive(Debug)]
pub(crate) struct RegionCode(pub(crate) String);

impl<'de> Deserialize<'de> for RegionCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<RegionCode, D::Error> {
        let Text(s) = Text::deserialize(d)?;
        if s == region::NATIONAL || region::find(&s).is_some() {
            Ok(RegionCode(s))
        } else {
            Err(de::Error::custom(format!(
                "unknown region '{s}' (use a code from crates/core/src/region.rs or 'national')"
            )))
        }
    }
}

/// Lowercase letters, digits and '-': ids and benefit keys.
#[derive(Debug)]
pub(crate) struct Key(pub(crate) String);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Key, D::Error> {
        let Text(s) = Text::deserialize(d)?;
        if s.bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
        {
            Ok(Key(s))
        } else {
            Err(de::Error::custom(format!(
                "'{s}' may use only a-z, 0-9 and '-'"
            )))
        }
    }
}

/// Line ranges in a seed file: `"212-215, 230"` (each a line or first-last, from 1).
#[derive(Debug)]
pub(crate) struct SourceLines(pub(crate) String);

impl<'de> Deserialize<'de> for SourceLines {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<SourceLines, D::Error> {
        let Text(s) = Text::deserialize(d)?;
        let line = |t: &str| t.trim().parse::<u32>().ok().filter(|n| *n >= 1);
        let ok = s.split(',').all(|part| match part.split_once('-') {
            Some((a, b)) => matches!((line(a), line(b)), (Some(a), Some(b)) if a <= b),
            None => line(part).is_some(),
        });
        if ok {
            Ok(SourceLines(s))
        } else {
            Err(de::Error::custom(format!(
                "'{s}' is not a list of lines like \"212-215, 230\""
            )))
        }
    }
}

/// A figure as it appears in an amount or a condition: `"12"`, `"0.5"`.
#[derive(Debug)]
pub(crate) struct Figure(pub(crate) String);

impl<'de> Deserialize<'de> for Figure {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Figure, D::Error> {
        let Text(s) = Text::deserialize(d)?;
        if s.parse::<Decimal>().is_ok() && s.bytes().all(|c| c.is_ascii_digit() || c == b'.') {
            Ok(Figure(s))
        } else {
            Err(de::Error::custom(format!(
                "'{s}' is not a figure (write digits, e.g. \"12\" or \"0.5\")"
            )))
        }
    }
}
