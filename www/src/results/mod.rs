//! The result page: at most five things to do first, the deadlines as what the worker
//! can still do, then every other card in groups collapsed with a count. One view per
//! file, each taking only what it shows. The engine (`wugong::actions`) decides the order
//! and the words.
//!
//! The page and its views are plain functions (the app is the widget's only Yew
//! component) of narrow props that write escaped HTML (`crate::raw`), and the app's
//! one click handler answers their buttons (`data-ask`, `data-speak`, `data-act`:
//! `clicked`).
//! Measured: as six more components with `html!` throughout, the result page took the
//! first screen from 146 to 160 KB gzip, over the then 150 KB budget; every component
//! type costs about 0.8 KB gzip of Yew's generic machinery (docs/size.md), and every
//! `html!` element a few hundred bytes of wasm.

mod action_list;
mod card;
mod deadlines;
mod ended_list;
mod group;
mod my_answers;
#[macro_use]
mod page;
mod print;
mod read_aloud;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use wugong::evaluate::Group;
use wugong::Question;
use yew::prelude::*;

use crate::raw::Raw;

use crate::state::{Action, Screen, State};

/// A click on the page's buttons, from the app's one click handler (`app::on_click`):
/// a button with `data-ask` opens that question, one with `data-speak` reads its card
/// aloud, `data-act` goes back, prints or copies the summary. False for any other.
pub fn clicked(button: &Element, state: &UseReducerHandle<State>) -> bool {
    if let Some(n) = button.get_attribute("data-ask") {
        if let Some(q) = n.parse::<usize>().ok().and_then(|i| Question::ALL.get(i)) {
            state.dispatch(Action::Ask(*q));
        }
    } else if let Some(text) = button.get_attribute("data-speak") {
        read_aloud::clicked(button, &text, state.english);
    } else {
        match button.get_attribute("data-act").as_deref() {
            Some("back") => state.dispatch(Action::Back),
            Some("print") => crate::browser::print(),
            Some("copy") => {
                // The page's text, also shown in a box to copy by hand if needed.
                let section = button.closest("section").ok().flatten();
                let find = |sel: &str| {
                    section
                        .as_ref()
                        .and_then(|s| s.query_selector(sel).ok().flatten())
                };
                if let (Some(t), Some(body)) = (find("textarea"), find(".print-body")) {
                    let text = body
                        .dyn_into::<HtmlElement>()
                        .map(|b| b.inner_text())
                        .unwrap_or_default();
                    crate::browser::copy(&text);
                    t.set_text_content(Some(&text));
                    if let Some(b) = t.parent_element() {
                        let _ = b.remove_attribute("hidden");
                    }
                }
            }
            _ => return false,
        }
    }
    true
}

/// The result page, or its print view for `Screen::Print`. A view function, not a
/// component: it has no state of its own, and the app draws it again on every change.
pub fn results(state: &UseReducerHandle<State>) -> Html {
    let english = state.english;
    let as_of = state.as_of();
    // The app shows these views only once the rules are in.
    let Some(catalogue) = state.catalogue() else {
        return html! {};
    };
    // The one report (crates/core/src/report.rs): every view below only renders it.
    let report = wugong::Report::new(catalogue, &state.answers, as_of, english);
    let mut r = Raw::default();
    if state.screen == Screen::Print {
        r.open("section", "class=\"print-view\" data-testid=\"print-view\"")
            .gt();
        print::print_view(&mut r, &report.dated_only());
        r.close("section");
        return r.html();
    }
    r.open("section", "class=\"results\" data-testid=\"results\"")
        .gt();
    page!(
        r,
        report,
        &state.answers,
        english,
        as_of,
        catalogue.next_question(&state.answers, as_of, &state.skipped)
    );
    r.close("section");
    r.html()
}
