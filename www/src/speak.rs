//! The read-aloud button.

use yew::prelude::*;

use crate::browser;
use crate::text::tr;

/// Reads the text aloud; hidden where the browser cannot speak. A view function, not a
/// component (no state of its own).
pub fn speak(text: String, english: bool) -> Html {
    if !browser::speech_available() {
        return html! {};
    }
    let onclick = Callback::from(move |_| browser::speak(&text, english));
    html! {
        <button class="speak" {onclick} data-testid="speak" aria-label={tr(english, "读给我听", "Read aloud")}>{ tr(english, "▶ 读给我听", "▶ Read aloud") }</button>
    }
}
