//! The page header: title (back to the results), text size, language.

use yew::prelude::*;

use crate::state::{Action, State};
use crate::text::tr;

/// A view function, not a component (no state of its own).
pub fn header(english: bool, text_scale: u16, dispatcher: &UseReducerDispatcher<State>) -> Html {
    let send = |action: fn() -> Action| {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_| dispatcher.dispatch(action()))
    };
    let size = |delta: i16| {
        let dispatcher = dispatcher.clone();
        let next = (text_scale as i16 + delta).clamp(100, 200) as u16;
        Callback::from(move |_| dispatcher.dispatch(Action::SetTextScale(next)))
    };
    let toggle_lang = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_| dispatcher.dispatch(Action::SetEnglish(!english)))
    };
    html! {
        <header class="top">
            <button class="title link" data-testid="title" onclick={send(|| Action::ShowResults)}>{ tr(english, "务工自查", "Worker self-check") }</button>
            <div class="tools">
                <button class="tool" onclick={size(-25)} aria-label={tr(english, "字小一点", "Smaller text")} data-testid="text-smaller">{ "A−" }</button>
                <button class="tool" onclick={size(25)} aria-label={tr(english, "字大一点", "Larger text")} data-testid="text-larger">{ "A+" }</button>
                <button class="tool" onclick={toggle_lang} data-testid="lang" lang={if english { "zh-CN" } else { "en" }}>{ if english { "中文" } else { "English" } }</button>
            </div>
        </header>
    }
}
