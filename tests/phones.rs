//! What the cards say about dialling a hotline agrees with the facts.

/// ../shared/facts/legal-facts.md §2 (12333), quoting 劳社部函〔2003〕84号: 「此号码为本地固定电话
/// 号码，长途或移动电话拨打需在此号码前加拨长途字冠和区号」 — every mobile or long-distance caller
/// adds the area code, not only "when it does not get through" (second reading A and B, C3:
/// nine notes said 「手机打不通时」).
#[test]
fn every_12333_note_says_mobile_and_long_distance_callers_add_the_area_code() {
    let cat = selfcheck::embedded().unwrap();
    let mut seen = 0;
    for d in &cat.documents {
        for m in &d.measures {
            for p in m.phones.iter().filter(|p| p.number == "12333") {
                seen += 1;
                let note = p.note.as_deref().unwrap_or("");
                assert!(
                    note.contains("用手机或打长途要在前面加当地区号"),
                    "{}: 12333 note {note:?}",
                    m.id
                );
                assert!(!note.contains("打不通"), "{}: {note:?}", m.id);
            }
        }
    }
    assert!(seen >= 10, "only {seen} 12333 entries");
}

/// Issue 16: where the answers say which office a card reaches, 12333 is dialled with
/// that place's area code (policies/data/area_codes.toml); where they do not, the card
/// keeps 12333 and its note 「区号-12333」.
#[test]
fn twelve_three_three_is_dialled_with_the_area_code_where_the_region_is_known() {
    use wugong::answers::{Answers, Value};
    use wugong::Fact;
    let cat = selfcheck::embedded().unwrap();
    let as_of = "2026-12-06".parse().unwrap();
    let dial = |a: &Answers, id: &str| -> String {
        let eval = cat.evaluate(a, as_of);
        let o = eval.outcomes.iter().find(|o| o.id == id).unwrap();
        o.phones[0].dial.clone()
    };
    let mut a = Answers::new();
    // Nothing known: the national card keeps the plain number (its note says 区号-12333).
    assert_eq!(dial(&a, "hotlines-12333"), "12333");
    // Hukou in 会泽 (a county of 曲靖): 0874.
    a.set(Fact::HomeRegion, Value::Region("530326")).unwrap();
    assert_eq!(dial(&a, "hotlines-12333"), "0874-12333");
    // Working in 东莞: a national card reaches the office where the worker is now.
    a.set(Fact::WorkRegion, Value::Region("4419")).unwrap();
    assert_eq!(dial(&a, "hotlines-12333"), "0769-12333");
    assert_eq!(
        dial(&a, "law-labour-dispute-arbitration-apply"),
        "0769-12333"
    );
    // A local document's card reaches its own place: a 云南 card, the answered region
    // inside 云南 (the hukou in 曲靖), not the work region in 广东; a 忻州 card, 忻州.
    assert_eq!(
        dial(&a, "yrsf-2022-57-discrimination-complaint"),
        "0874-12333"
    );
    assert_eq!(dial(&a, "xinzhou-2022-plan-green-channel"), "0350-12333");
    // A province only (云南): no area code to add.
    let mut b = Answers::new();
    b.set(Fact::HomeRegion, Value::Region("53")).unwrap();
    assert_eq!(dial(&b, "hotlines-12333"), "12333");
    // Other numbers are never changed.
    assert_eq!(dial(&a, "hotlines-12348"), "12348");
    // Every prefecture of Yunnan has its area code, and 忻州 0350.
    let yunnan = wugong::region::children(Some("53")).count();
    let listed = wugong::region::area_codes()
        .filter(|(c, _)| c.starts_with("53"))
        .count();
    assert_eq!(listed, yunnan);
    assert_eq!(wugong::region::area_code("140921"), Some("0350"));
}
