//! Any text as a region code of a rules file (a document's region and a `within` test),
//! packed and read back: read or refused, and shown without a panic (review 2026-12-06
//! §6: a non-ASCII code panicked in `region::full_name`).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use wugong::condition::{Check, Condition, Test};
use wugong::policy::Document;
use wugong::{Answers, Catalogue, Date, Fact, Value};
use wugong_fuzz::show_everything;

fn documents() -> &'static [Document] {
    static DOCS: OnceLock<Vec<Document>> = OnceLock::new();
    DOCS.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../policies");
        selfcheck::load::documents_in(&dir).expect("policies load")
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, code)) = data.split_first() else {
        return;
    };
    let code = String::from_utf8_lossy(code).into_owned();
    let mut docs = documents().to_vec();
    let i = usize::from(pick) % docs.len();
    docs[i].region = code.clone();
    for m in docs[i].measures.iter_mut() {
        let within = Condition::Test(Test {
            fact: Fact::HomeRegion,
            check: Check::Within(vec![code.clone(), "53".into()]),
        });
        m.when = Condition::All(vec![within, m.when.clone()]);
    }
    let forged = selfcheck::pack::encode(&docs);
    if let Ok(Ok(c)) = wugong::pack::decode(&forged).map(Catalogue::new) {
        let mut a = Answers::new();
        let _ = a.set(Fact::HomeRegion, Value::Region("530326"));
        let _ = a.set(Fact::Tuopin, Value::Bool(true));
        show_everything(&c, &a, Date::new(2024, 6, 1).unwrap());
    }
});
