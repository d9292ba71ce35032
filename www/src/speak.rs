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
    .attr("aria-label", tr(english, "读给我听", "Read aloud"))
    .gt()
    .text(tr(english, "▶ 读给我听", "▶ Read aloud"))
    .close("button");
}
