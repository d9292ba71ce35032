//! A compact text form of the answers, for share links (in the URL fragment, never sent
//! to a server) and for storage: `v1;home_region=530326;tuopin=1;ticket_price=420.50`.
//! Decoding never panics: anything malformed is one clear message and nothing is applied.

use crate::answers::{parse_value, Answers, RawValue, Value};
use crate::fact::{Fact, FactKind, FactSet};

pub const VERSION: &str = "v1";

/// Longest text accepted; a real answer set is a few hundred bytes.
pub const MAX_LEN: usize = 4096;

/// A short, printable piece of untrusted text for a message.
fn snippet(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).take(30).collect()
}

/// The answers in the order the facts are declared (decoding accepts any order).
pub fn encode(answers: &Answers) -> String {
    let mut out = String::from(VERSION);
    for (fact, value) in answers.iter() {
        out.push(';');
        out.push_str(fact.name());
        out.push('=');
        match value {
            Value::Bool(b) => out.push(if b { '1' } else { '0' }),
            Value::Count(n) => out.push_str(&n.to_string()),
            Value::Money(m) => out.push_str(&m.to_string()),
            Value::Date(d) => out.push_str(&d.to_string()),
            Value::Choice(c) | Value::Region(c) => out.push_str(c),
        }
    }
    out
}

/// Reads what [`encode`] wrote. The message says what was wrong, for one line on screen.
pub fn decode(text: &str) -> Result<Answers, String> {
    if text.len() > MAX_LEN {
        return Err(format!(
            "the saved answers are too long ({} characters)",
            text.len()
        ));
    }
    let mut parts = text.split(';');
    match parts.next() {
        Some(VERSION) => {}
        Some(other) => return Err(format!("unknown format '{}'", snippet(other))),
        None => return Err("empty".into()),
    }
    let mut answers = Answers::new();
    let mut given = FactSet::new();
    for part in parts.filter(|p| !p.is_empty()) {
        let Some((name, value)) = part.split_once('=') else {
            return Err(format!("'{}' has no value", snippet(part)));
        };
        let Some(fact) = Fact::from_name(name) else {
            return Err(format!("unknown answer '{}'", snippet(name)));
        };
        let rv = match fact.kind() {
            FactKind::Bool => match value {
                "1" => RawValue::Bool(true),
                "0" => RawValue::Bool(false),
                _ => return Err(format!("answer '{name}' must be 1 or 0")),
            },
            FactKind::Count(_) => match value.parse::<i64>() {
                Ok(n) => RawValue::Int(n),
                Err(_) => return Err(format!("answer '{name}' must be a whole number")),
            },
            _ => RawValue::Text(value.to_string()),
        };
        if !given.insert(fact) {
            return Err(format!("answer '{name}' is given twice"));
        }
        let checked =
            parse_value(fact, &rv).and_then(|v| answers.set(fact, v).map_err(|e| e.message));
        if let Err(message) = checked {
            // Values from the text can appear in the message: keep it one printable line.
            return Err(format!("answer '{name}': {message}")
                .chars()
                .filter(|c| !c.is_control())
                .take(150)
                .collect());
        }
    }
    Ok(answers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Value;

    #[test]
    fn round_trip() {
        let mut a = Answers::new();
        a.set(Fact::HomeRegion, Value::Region("530326")).unwrap();
        a.set(Fact::Tuopin, Value::Bool(true)).unwrap();
        a.set(
            Fact::TicketPrice,
            Value::Money(crate::Money::parse("420.50").unwrap()),
        )
        .unwrap();
        a.set(
            Fact::DisputeDate,
            Value::Date("2026-03-01".parse().unwrap()),
        )
        .unwrap();
        let text = encode(&a);
        assert_eq!(
            text,
            "v1;home_region=530326;tuopin=1;ticket_price=420.50;dispute_date=2026-03-01"
        );
        assert_eq!(decode(&text).unwrap(), a);
    }

    #[test]
    fn hostile_or_broken_text_is_a_message() {
        assert!(!decode("v1;home_region=4\n4").unwrap_err().contains('\n'));
        for bad in [
            "",
            "v2;x=1",
            "v1;tuopin=yes",
            "v1;age=abc",
            "v1;age=999",
            "v1;nope=1",
            "v1;tuopin",
            "v1;tuopin=1;tuopin=0",
            "<script>alert(1)</script>",
        ] {
            assert!(decode(bad).is_err(), "{bad}");
        }
        assert!(decode(&"v1;".repeat(5000)).is_err());
        assert_eq!(decode("v1").unwrap(), Answers::new());
    }
}
