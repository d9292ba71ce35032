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
