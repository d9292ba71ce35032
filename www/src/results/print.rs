//! One page to print or save, and the same as text to copy: the actions with amount,
//! where, what to bring and by when; the deadlines; what to apply for and whom to call.
//! The content is the engine's (`wugong::actions::summary`).

use wugong::actions;
use yew::prelude::*;

use crate::catalogue_context::use_catalogue;
use crate::question::StateOnly;
use crate::state::Action;
use crate::text::tr;

#[component]
pub fn PrintView(props: &StateOnly) -> Html {
    let state = &props.state;
    let copied = use_state(|| false);
    let english = state.english;
    let as_of = state.as_of();
    let Some(catalogue) = use_catalogue() else {
        return html! {};
    };
    let eval = catalogue.evaluate(&state.answers, as_of);
    let items = actions::items(&eval);
    let todo = actions::actions(&eval, &items, english);
    let sections = actions::summary(&eval, &items, &todo, &state.answers, english);
    // WeChat can clear localStorage, and iOS in-app browsers keep nothing offline: the
    // same summary as text, to paste into a chat or a note.
    let text = actions::summary_text(&eval, &items, &todo, &state.answers, english);
    let back = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Back))
    };
    let print = Callback::from(|_| crate::browser::print());
    let copy = {
        let text = text.clone();
        let copied = copied.clone();
        Callback::from(move |_| {
            crate::browser::copy(&text);
            copied.set(true);
        })
    };
    html! {
        <section class="print-view" data-testid="print-view">
            <div class="row no-print">
                <button class="secondary" onclick={back}>{ tr(english, "← 返回", "← Back") }</button>
                <button class="primary" onclick={print}>{ tr(english, "打印 / 存为PDF", "Print / save as PDF") }</button>
                <button class="secondary" onclick={copy} data-testid="copy-summary">{ tr(english, "复制文字", "Copy as text") }</button>
            </div>
            if *copied {
                <div class="share-box no-print">
                    <label for="summary-text">{ tr(english, "已复制。如果没有复制成功，长按下面的文字复制：", "Copied. If not, press and hold the text below to copy it:") }</label>
                    <textarea id="summary-text" readonly=true rows="8" value={text} data-testid="summary-text" />
                </div>
            }
            <h1>{ tr(english, "务工自查结果", "Self-check summary") }</h1>
            <p>{ if english { format!("Rules as of {as_of}") } else { format!("按 {as_of} 的规定") } }</p>
            { for sections.iter().map(|s| html! {
                <>
                    <h2>{ s.title }</h2>
                    <ul>{ for s.entries.iter().map(|e| html! {
                        <li><strong>{ &e.head }</strong>{ for e.lines.iter().map(|l| html! { <><br/>{ l }</> }) }</li>
                    }) }</ul>
                </>
            }) }
        </section>
    }
}
