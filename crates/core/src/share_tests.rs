//! The share format: round trips, old links, damaged and hostile text.

use super::*;
use crate::answers::Value;

fn sample() -> Answers {
    let mut a = Answers::new();
    a.set(Fact::HomeRegion, Value::Region("530326")).unwrap();
    a.set(Fact::Tuopin, Value::Bool(true)).unwrap();
    a.set(Fact::Age, Value::Count(45)).unwrap();
    a.set(Fact::Sex, Value::Choice("female")).unwrap();
    a.set(
        Fact::TicketPrice,
        Value::Money(crate::Money::parse("420.50").unwrap()),
    )
    .unwrap();
    a.set(Fact::MonthlyWage, Value::Money(crate::Money::yuan(4000)))
        .unwrap();
    a.set(
        Fact::DisputeDate,
        Value::Date("2026-03-01".parse().unwrap()),
    )
    .unwrap();
    a
}

#[test]
fn every_fact_has_one_code() {
    for f in Fact::ALL {
        assert_eq!(CODES.iter().filter(|c| *c == f).count(), 1, "{f:?}");
    }
    assert_eq!(CODES.len(), Fact::ALL.len());
}

#[test]
fn round_trip_with_the_date_compact_and_unreadable() {
    let a = sample();
    let date: Date = "2024-06-01".parse().unwrap();
    let text = encode_shared(&a, Some(date));
    assert_eq!(
        decode_shared(&text),
        Ok(Shared {
            answers: a.clone(),
            as_of: Some(date)
        })
    );
    assert!(text.len() < 64, "{text}");
    for word in ["tuopin", "530326", "female", "420", "2026"] {
        assert!(!text.contains(word), "{text} spells out {word}");
    }
    assert!(text
        .bytes()
        .all(|c| c.is_ascii_alphanumeric() || b"-_.".contains(&c)));
    assert_eq!(decode(&encode(&a)), Ok(a));
    assert_eq!(
        decode_shared(&encode(&Answers::new())).unwrap(),
        Shared::default()
    );
}

#[test]
fn old_links_still_open() {
    let old = "v1;home_region=530326;tuopin=1;ticket_price=420.50;dispute_date=2026-03-01";
    let shared = decode_shared(old).unwrap();
    assert_eq!(shared.as_of, None);
    assert_eq!(shared.answers.get(Fact::Tuopin), Some(Value::Bool(true)));
    assert_eq!(
        shared.answers.get(Fact::HomeRegion),
        Some(Value::Region("530326"))
    );
}

#[test]
fn a_link_cut_short_or_changed_is_refused() {
    let text = encode_shared(&sample(), Some("2024-06-01".parse().unwrap()));
    for cut in 2..text.len() {
        assert!(decode_shared(&text[..cut]).is_err(), "{}", &text[..cut]);
    }
    let mut changed = text.clone().into_bytes();
    let i = changed.len() / 2;
    changed[i] = if changed[i] == b'A' { b'B' } else { b'A' };
    assert!(decode_shared(std::str::from_utf8(&changed).unwrap()).is_err());
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
        "2.",
        "2.<img src=x>",
        "2.AAAA",
        "2.////",
    ] {
        assert!(decode(bad).is_err(), "{bad}");
    }
    assert!(decode(&"v1;".repeat(5000)).is_err());
    assert!(decode(&format!("2.{}", "A".repeat(5000))).is_err());
    assert_eq!(decode("v1").unwrap(), Answers::new());
}

#[test]
fn every_answerable_fact_has_a_code() {
    for f in Fact::ALL.iter().filter(|f| !f.is_derived()) {
        assert!(CODES.contains(f), "{} has no share code", f.name());
    }
}
