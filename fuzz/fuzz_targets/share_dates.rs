//! Any bytes as the body of a share link, sealed with a good checksum: refused, or
//! shown without a panic before and after the gate (review 2026-12-06 §6: year −1).
#![no_main]

use libfuzzer_sys::fuzz_target;
use wugong::Date;
use wugong_fuzz::{catalogue, show_everything};

fuzz_target!(|body: &[u8]| {
    let link = wugong::share::sealed(body);
    let Ok(mut shared) = wugong::share::decode_shared(&link) else {
        return;
    };
    let today = Date::new(2026, 12, 6).unwrap();
    show_everything(catalogue(), &shared.answers, shared.as_of.unwrap_or(today));
    shared.gate(today, &mut Vec::new());
    let as_of = shared.as_of.unwrap_or(today);
    assert!(as_of.in_range());
    assert!(shared.answers.check_on(as_of).is_ok());
    show_everything(catalogue(), &shared.answers, as_of);
});
