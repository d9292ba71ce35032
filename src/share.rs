//! A compact text form of the answers, for share links (in the URL fragment, never sent
//! to a server) and for storage: `v1;home_region=530326;tuopin=1;ticket_price=420.50`.
//! Decoding never panics: anything malformed is one clear message and nothing is applied.

use std::collections::BTreeMap;

use crate::answers::{Answers, RawValue};
use crate::fact::{Fact, FactKind};

pub const VERSION: &str = "v1";

/// Longest text accepted; a real answer set is a few hundred bytes.
pub const MAX_LEN: usize = 4096;

/// A short, printable piece of untrusted text for a message.
fn snippet(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).take(30).collect()
}

pub fn encode(answers: &Answers) -> String {
    let mut out = String::from(VERSION);
    for (name, raw) in answers.to_raw() {
        out.push(';');
        out.push_str(&name);
        out.push('=');
        match raw {
            RawValue::Bool(b) => out.push(if b { '1' } else { '0' }),
            RawValue::Int(n) => out.push_str(&n.to_string()),
            RawValue::Text(t) => out.push_str(&t),
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
    let mut raw = BTreeMap::new();
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
        if raw.insert(name.to_string(), rv).is_some() {
            return Err(format!("answer '{name}' is given twice"));
        }
    }
    // Values from the text can appear in the message: keep it one printable line.
    Answers::from_raw(&raw).map_err(|e| {
        e.to_string()
            .chars()
            .filter(|c| !c.is_control())
            .take(150)
            .collect()
    })
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
            "v1;dispute_date=2026-03-01;home_region=530326;ticket_price=420.50;tuopin=1"
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
