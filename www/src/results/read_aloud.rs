//! The read-aloud button of a card. Where the phone has no voice for the language it
//! says so instead of staying silent (many cheap phones ship without a Chinese voice).

use wasm_bindgen::JsCast;
use web_sys::Element;
use wugong::words::Word;

use crate::raw::Raw;

use crate::browser;

/// `Some(false)` when the phone lists its voices and none speaks the language; `None`
/// while the list is not known (it loads late on some phones).
pub fn has_voice(english: bool) -> Option<bool> {
    let voices = web_sys::window()?.speech_synthesis().ok()?.get_voices();
    if voices.length() == 0 {
        return None;
    }
    let want = if english { "en" } else { "zh" };
    Some(voices.iter().any(|v| {
        let lang = v.unchecked_into::<web_sys::SpeechSynthesisVoice>().lang();
        lang.starts_with(want) || (!english && lang.starts_with("cmn"))
    }))
}

/// The button (carrying what it reads), and a note, hidden until needed, for a phone
/// without the voice.
pub fn read_aloud(r: &mut Raw, text: &str, english: bool) {
    if !browser::speech_available() {
        return;
    }
    let (name, words) = crate::speak::words(english);
    r.open("button", "class=\"speak\" data-testid=\"speak\"")
        .attr("data-speak", text)
        .attr("aria-label", name)
        .gt()
        .text(words)
        .close("button");
    r.el(
        "p",
        "class=\"hint\" role=\"status\" hidden data-testid=\"no-voice\"",
        Word::NoVoice.get(english),
    );
}

/// A click on a read-aloud button: reads its text, or shows the note when the phone has
/// no voice for the language.
pub fn clicked(button: &Element, text: &str, english: bool) {
    if has_voice(english) == Some(false) {
        if let Some(note) = button.next_element_sibling() {
            let _ = note.remove_attribute("hidden");
        }
    } else {
        browser::speak(text, english);
    }
}
