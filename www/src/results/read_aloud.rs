//! The read-aloud button of a card. Where the phone has no voice for the language it
//! says so instead of staying silent (many cheap phones ship without a Chinese voice).

use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::browser;
use crate::text::tr;

/// `Some(false)` when the phone lists its voices and none speaks the language; `None`
/// while the list is not known (it loads late on some phones).
pub fn has_voice(english: bool) -> Option<bool> {
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &k.into()).ok();
    let synth = get(&web_sys::window()?.into(), "speechSynthesis")?;
    let voices: js_sys::Array = get(&synth, "getVoices")?
        .dyn_into::<js_sys::Function>()
        .ok()?
        .call0(&synth)
        .ok()?
        .dyn_into()
        .ok()?;
    if voices.length() == 0 {
        return None;
    }
    let want = if english { "en" } else { "zh" };
    Some(voices.iter().any(|v| {
        get(&v, "lang")
            .and_then(|l| l.as_string())
            .is_some_and(|l| l.starts_with(want) || (!english && l.starts_with("cmn")))
    }))
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub text: AttrValue,
    pub english: bool,
}

#[component]
pub fn ReadAloud(props: &Props) -> Html {
    let mute = use_state(|| false);
    if !browser::speech_available() {
        return html! {};
    }
    let english = props.english;
    let onclick = {
        let text = props.text.clone();
        let mute = mute.clone();
        Callback::from(move |_| {
            if has_voice(english) == Some(false) {
                mute.set(true);
            } else {
                browser::speak(&text, english)
            }
        })
    };
    html! {
        <>
            <button class="speak" {onclick} data-testid="speak" aria-label={tr(english, "读给我听", "Read aloud")}>{ tr(english, "▶ 读给我听", "▶ Read aloud") }</button>
            if *mute {
                <p class="hint" role="status" data-testid="no-voice">{ tr(english,
                    "这部手机没有中文语音，读不出来。可以请身边的人帮你读，或打 12333 问。",
                    "This phone has no English voice, so it cannot read this aloud.") }</p>
            }
        </>
    }
}
