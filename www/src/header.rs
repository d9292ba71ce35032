//! The page header: title (back to the results), text size, language.

use yew::prelude::*;

use crate::raw::Raw;
use crate::state::{Action, State};
use crate::text::tr;

/// A view function, not a component (no state of its own). The title and the text-size
/// buttons are escaped HTML (`crate::raw`) answered by the header's one click handler
/// (`data-do`); the language switch stays `html!`: its label changes under the finger,
/// and a raw part is replaced whole, which would lose its focus.
pub fn header(english: bool, text_scale: u16, dispatcher: &UseReducerDispatcher<State>) -> Html {
    let mut title = Raw::default();
    title.el(
        "button",
        "class=\"title link\" data-testid=\"title\" data-do=\"results\"",
        tr(english, "务工自查", "Worker self-check"),
    );
    let mut tools = Raw::default();
    for (what, label, zh, en) in [
        ("smaller", "A−", "字小一点", "Smaller text"),
        ("larger", "A+", "字大一点", "Larger text"),
    ] {
        tools
            .open("button", "class=\"tool\"")
            .attr("data-do", what)
            .attr("data-testid", &format!("text-{what}"))
            .attr("aria-label", tr(english, zh, en))
            .gt()
            .text(label)
            .close("button");
    }
    let onclick = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(button) = crate::browser::clicked_button(&e) else {
                return;
            };
            let size = |delta: i16| (text_scale as i16 + delta).clamp(100, 200) as u16;
            dispatcher.dispatch(match button.get_attribute("data-do").as_deref() {
                Some("results") => Action::ShowResults,
                Some("smaller") => Action::SetTextScale(size(-25)),
                Some("larger") => Action::SetTextScale(size(25)),
                _ => return,
            });
        })
    };
    let toggle_lang = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_| dispatcher.dispatch(Action::SetEnglish(!english)))
    };
    html! {
        <header class="top" {onclick}>
            { title.html() }
            <div class="tools">
                { tools.html() }
                <button class="tool" onclick={toggle_lang} data-testid="lang" lang={if english { "zh-CN" } else { "en" }}>{ if english { "中文" } else { "English" } }</button>
            </div>
        </header>
    }
}
