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

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

/// What the gate refused.
fn gated(shared: &mut Shared, today: Date) -> Vec<Refusal> {
    let mut refused = Vec::new();
    shared.gate(today, &mut refused);
    refused
}

/// Issue 14, the share-link door: links of the reliability review (2026-12-06, rows
/// 104–107) open; what cannot be true on the date worked out for is said and left out.
#[test]
fn a_link_passes_the_gate_and_the_rest_opens() {
    let today = d("2026-12-06");
    // Injury 2027-06-01, evaluated today: the injury date is left out, 广东 and the
    // injury itself stay.
    let mut shared = decode_shared("2.AAACNDQpATDrDwYBmMc").unwrap();
    assert_eq!(shared.as_of, None);
    let refused = gated(&mut shared, today);
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].fact, Some(Fact::InjuryDate));
    assert!(
        refused[0].text(false).contains("2027-06-01")
            && refused[0].text(false).ends_with("这一项没有用上。"),
        "{}",
        refused[0].text(false)
    );
    assert_eq!(shared.answers.get(Fact::InjuryDate), None);
    assert_eq!(
        shared.answers.get(Fact::HomeRegion),
        Some(Value::Region("44"))
    );
    assert_eq!(
        shared.answers.get(Fact::ProblemInjury),
        Some(Value::Bool(true))
    );
    // Injury 9999-12-31: the same.
    let mut shared = decode_shared("2.AAACNDQpATCPTgwfD84").unwrap();
    assert_eq!(gated(&mut shared, today)[0].fact, Some(Fact::InjuryDate));
    assert_eq!(shared.answers.len(), 2);
    // Evaluated on 9999-12-31 or 0000-01-01: the date is left out (today instead).
    for (link, date) in [
        ("2.AY9ODB8AAjQ0OXU", "9999-12-31"),
        ("2.AQABAQACNDS9bg", "0000-01-01"),
    ] {
        let mut shared = decode_shared(link).unwrap();
        let refused = gated(&mut shared, today);
        assert_eq!(refused.len(), 1, "{link}");
        assert_eq!(refused[0].fact, None);
        assert!(
            refused[0].text(false).contains(date),
            "{}",
            refused[0].text(false)
        );
        assert_eq!(shared.as_of, None);
        assert_eq!(
            shared.answers.get(Fact::HomeRegion),
            Some(Value::Region("44"))
        );
    }
    // A link's own date counts: the injury was before the sender's date.
    let mut a = Answers::new();
    a.set(Fact::InjuryDate, Value::Date(d("2026-11-01")))
        .unwrap();
    let mut shared = decode_shared(&encode_shared(&a, Some(d("2026-11-15")))).unwrap();
    assert_eq!(gated(&mut shared, d("2020-01-01")), vec![]);
    let mut shared = decode_shared(&encode_shared(&a, Some(d("2026-10-15")))).unwrap();
    assert_eq!(gated(&mut shared, today).len(), 1);
    assert!(shared.answers.is_empty());
}

/// Issue 14, the stored-answers door: a planted future date (the hostile iframe of
/// review D5 stored 2199-12-31) is left out on the next load.
#[test]
fn stored_answers_pass_the_gate() {
    let mut a = sample();
    a.set(Fact::InjuryDate, Value::Date(d("2199-12-31")))
        .unwrap();
    let stored = encode(&a);
    let mut shared = Shared {
        answers: decode(&stored).unwrap(),
        as_of: None,
    };
    let refused = gated(&mut shared, d("2026-12-06"));
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].fact, Some(Fact::InjuryDate));
    assert_eq!(shared.answers, sample());
}

/// Review §6: a link dated year −1 (a varint over 2^31 read `as i32`) panicked in
/// `plus_months`; it is refused as not a date. Years 0–9999 decode and the gate
/// refuses those out of range.
#[test]
fn a_link_dated_before_year_one_or_after_9999_is_not_a_date() {
    let mut body = vec![1u8];
    put_varint(&mut body, u32::MAX); // −1 as i32
    body.extend([11, 15, 0, 2, b'4', b'4']);
    assert!(decode_shared(&sealed(&body)).is_err());
    let mut body = vec![1u8];
    put_varint(&mut body, 10_000);
    body.extend([1, 1]);
    assert!(decode_shared(&sealed(&body)).is_err());
    // An injury date of year −1 is not a date either.
    let mut body = vec![0u8, 48];
    put_varint(&mut body, u32::MAX);
    body.extend([1, 1]);
    assert!(decode_shared(&sealed(&body)).is_err());
}

/// Issue 14 / review M21: a saved link of format 2 with its fact codes and checksum,
/// pinned. Changing a code in `CODES`, the checksum or the byte layout breaks links
/// that workers have saved, and this test.
#[test]
fn a_saved_link_reads_as_the_same_answers_for_ever() {
    let mut a = sample();
    a.set(Fact::InjuryDate, Value::Date(d("2026-02-01")))
        .unwrap();
    a.set(Fact::JobMonths, Value::Count(300)).unwrap();
    a.set(Fact::WorkPlace, Value::Choice("cross_province"))
        .unwrap();
    let as_of = Some(d("2026-12-06"));
    const PINNED: &str = "2.AeoPDAYABjUzMDMyNgEtAgEEAQ8AFgQ0MDAwJgY0MjAuNTAv6g8DATDqDwIBQKwC2Aw";
    assert_eq!(encode_shared(&a, as_of), PINNED);
    let shared = decode_shared(PINNED).unwrap();
    assert_eq!(shared.as_of, as_of);
    let got: Vec<(String, RawValue)> = shared.answers.to_raw().into_iter().collect();
    let text = |t: &str| RawValue::Text(t.into());
    let want = [
        ("age", RawValue::Int(45)),
        ("dispute_date", text("2026-03-01")),
        ("home_region", text("530326")),
        ("injury_date", text("2026-02-01")),
        ("job_months", RawValue::Int(300)),
        ("monthly_wage", text("4000")),
        ("sex", text("female")),
        ("ticket_price", text("420.50")),
        ("tuopin", RawValue::Bool(true)),
        ("work_place", text("cross_province")),
    ];
    assert_eq!(got, want.map(|(k, v)| (k.to_string(), v)));
}

/// Issue 16: the facts added then have codes after every older one (an old link reads
/// as before: the pinned link above), and a link with them reads back as given.
#[test]
fn the_missing_facts_of_issue_16_have_new_codes_and_round_trip() {
    // They come after every older code (from EventHardship on); the pinned link below
    // breaks if one moves.
    let first = CODES
        .iter()
        .position(|f| *f == Fact::EventHardship)
        .unwrap()
        + 1;
    let added = &CODES[first..];
    assert_eq!(added.len(), 10);
    assert!(added.contains(&Fact::MassLayoff) && added.contains(&Fact::HouseholdOnPost));
    let mut a = sample();
    for &f in added {
        let v = match f.kind() {
            FactKind::Count(_) => Value::Count(2),
            _ => Value::Bool(f != Fact::TrainingFree),
        };
        a.set(f, v).unwrap();
    }
    let as_of = Some(d("2026-12-06"));
    let text = encode_shared(&a, as_of);
    assert_eq!(decode_shared(&text), Ok(Shared { answers: a, as_of }));
    // A link of this build, pinned like the one above.
    let mut b = Answers::new();
    b.set(Fact::JobSeeking, Value::Bool(true)).unwrap();
    b.set(Fact::YearsSinceSchool, Value::Count(1)).unwrap();
    assert_eq!(decode(&encode(&b)), Ok(b.clone()));
    const PINNED: &str = "2.AFABUQHspA";
    assert_eq!(encode(&b), PINNED);
    assert_eq!(decode(PINNED), Ok(b));
}
