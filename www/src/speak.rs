//! The read-aloud button.

use yew::prelude::*;

use crate::browser;
use crate::text::tr;

#[derive(Properties, PartialEq)]
pub struct SpeakProps {
    pub text: AttrValue,
    pub english: bool,
}

/// Reads the text aloud; hidden where the browser cannot speak.
#[component]
pub fn Speak(props: &SpeakProps) -> Html {
    if !browser::speech_available() {
        return html! {};
    }
    let text = props.text.clone();
    let english = props.english;
    let onclick = Callback::from(move |_| browser::speak(&text, english));
    html! {
        <button class="speak" {onclick} data-testid="speak" aria-label={tr(english, "读给我听", "Read aloud")}>{ tr(english, "▶ 读给我听", "▶ Read aloud") }</button>
    }
}
