//! The read-aloud button of a question (its click: `data-do="say"`, answered by the
//! question screen's handler, which reads the question aloud).

use crate::browser;
use crate::raw::Raw;
use crate::text::tr;

/// Left out where the browser cannot speak.
pub fn speak(r: &mut Raw, english: bool) {
    if !browser::speech_available() {
        return;
    }
    r.open(
        "button",
        "class=\"speak\" data-testid=\"speak\" data-do=\"say\"",
    )
    .attr("aria-label", words(english).0)
    .gt()
    .text(words(english).1)
    .close("button");
}

/// The button's name and text. Here, not in `policies/data/words.toml`: the first
/// screen has the button before the rules arrive; the result page's cards use the same.
pub fn words(english: bool) -> (&'static str, &'static str) {
    (
        tr(english, "读给我听", "Read aloud"),
        tr(english, "▶ 读给我听", "▶ Read aloud"),
    )
}
