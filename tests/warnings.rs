//! The engine decides warnings (`policies/data/warnings.toml`): a 15-year-old who wants
//! to go out to work sees the minimum working age first, not under "not for you".

use std::collections::BTreeMap;

use wugong::evaluate::Group;
use wugong::{Answers, Date, RawValue};

fn group_of(pairs: &[(&str, RawValue)], measure: &str) -> Group {
    let catalogue = selfcheck::embedded().unwrap();
    let raw: BTreeMap<String, RawValue> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    let answers = Answers::from_raw(&raw).unwrap();
    let as_of: Date = "2024-07-01".parse().unwrap();
    let eval = catalogue.evaluate(&answers, as_of);
    let o = eval.outcomes.iter().find(|o| o.id == measure).unwrap();
    o.group()
}

const CONDITIONS: &str = "migrant-work-notes-conditions";

#[test]
fn under_16_and_wanting_to_go_out_is_a_warning_at_the_top() {
    let age = |n| ("age", RawValue::Int(n));
    let wants = |b| ("wants_to_go_out", RawValue::Bool(b));
    assert_eq!(Group::ALL[0], Group::Warning);
    assert_eq!(
        group_of(&[age(15), wants(true)], CONDITIONS),
        Group::Warning
    );
    // Not said: a 15-year-old using a work self-check is warned all the same.
    assert_eq!(group_of(&[age(15)], CONDITIONS), Group::Warning);
    // Said no: nothing to warn about.
    assert_eq!(
        group_of(&[age(15), wants(false)], CONDITIONS),
        Group::NotForYou
    );
    // Old enough: the basic conditions are advice (kind = "advice"), not an application.
    assert_eq!(group_of(&[age(16), wants(true)], CONDITIONS), Group::Advice);
}
