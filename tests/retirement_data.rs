//! `near_retirement` settled from the age and sex (issue 16): the core's cut-off is the one
//! recorded with its sources in `policies/data/retirement.toml`, and only the safe side is
//! settled (a 17-year-old is never asked; anyone who could be within a year still is).

use wugong::answers::EARLIEST_RETIREMENT_AGE;
use wugong::{Answers, Date, Fact, Value};

#[test]
fn the_core_uses_the_ages_of_the_data_file() {
    let text = std::fs::read_to_string("policies/data/retirement.toml").unwrap();
    let data: toml::Value = toml::from_str(&text).unwrap();
    let age = |sex: &str| {
        data["earliest"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["sex"].as_str() == Some(sex))
            .and_then(|e| e["age"].as_integer())
            .unwrap() as u32
    };
    assert_eq!(EARLIEST_RETIREMENT_AGE, (age("female"), age("male")));
    assert!(data["earliest"][0]["source"]
        .as_str()
        .unwrap()
        .contains("104号"));
    assert!(data["reading"]["text"].as_str().unwrap().contains("45"));
}

fn settled(age: Option<u32>, sex: Option<&'static str>) -> Option<Value> {
    let mut a = Answers::new();
    if let Some(n) = age {
        a.set(Fact::Age, Value::Count(n)).unwrap();
    }
    if let Some(s) = sex {
        a.set(Fact::Sex, Value::Choice(s)).unwrap();
    }
    a.value_on(Fact::NearRetirement, Date::new(2026, 12, 6).unwrap())
}

#[test]
fn only_the_safe_side_is_settled() {
    let no = Some(Value::Bool(false));
    assert_eq!(settled(Some(17), None), no);
    assert_eq!(settled(Some(43), Some("female")), no);
    assert_eq!(
        settled(Some(44), Some("female")),
        None,
        "45 is within a year"
    );
    assert_eq!(settled(Some(48), Some("male")), no);
    assert_eq!(settled(Some(49), Some("male")), None);
    // Sex unknown: the lower of the two.
    assert_eq!(settled(Some(43), None), no);
    assert_eq!(settled(Some(44), None), None);
    assert_eq!(settled(None, Some("male")), None);
    // An answer given is never changed.
    let mut a = Answers::new();
    a.set(Fact::Age, Value::Count(30)).unwrap();
    a.set(Fact::NearRetirement, Value::Bool(true)).unwrap();
    assert_eq!(
        a.value_on(Fact::NearRetirement, Date::new(2026, 12, 6).unwrap()),
        Some(Value::Bool(true))
    );
}

#[test]
fn a_17_year_old_is_never_asked_and_a_man_of_58_is() {
    let catalogue = selfcheck::embedded().unwrap();
    let as_of = Date::new(2026, 12, 6).unwrap();
    let mut a = Answers::new();
    a.set(Fact::HomeRegion, Value::Region("53")).unwrap();
    a.set(Fact::Unemployed, Value::Bool(true)).unwrap();
    a.set(Fact::UiBenefitUsedUp, Value::Bool(true)).unwrap();
    // The verdict of the benefit to retirement on these answers.
    let verdict = |a: &Answers| {
        let e = catalogue.evaluate(a, as_of);
        e.outcomes
            .iter()
            .find(|o| o.measure.id == "gf-2019-28-ui-to-retirement")
            .map(|o| o.verdict.clone())
            .unwrap()
    };
    // Age unknown: the age is what is missing (it may settle the rest).
    match &verdict(&a) {
        wugong::Verdict::Undetermined { missing } => {
            assert!(missing.contains(&Fact::Age) && !missing.contains(&Fact::NearRetirement))
        }
        v => panic!("{v:?}"),
    }
    for (age, sex, asked) in [
        (17, "male", false),
        (43, "female", false),
        (58, "male", true),
    ] {
        let mut a = a.clone();
        a.set(Fact::Age, Value::Count(age)).unwrap();
        a.set(Fact::Sex, Value::Choice(sex)).unwrap();
        let open = matches!(verdict(&a), wugong::Verdict::Undetermined { missing } if missing.contains(&Fact::NearRetirement));
        assert_eq!(open, asked, "{age} {sex}");
        let mut skipped = wugong::FactSet::new();
        let mut n = 0;
        while let Some(f) = catalogue.next_question(&a, as_of, &skipped) {
            assert!(asked || f != Fact::NearRetirement, "{age} asked {f:?}");
            skipped.extend(f.question().facts());
            n += 1;
            assert!(n < 60);
        }
    }
}
