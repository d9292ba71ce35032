//! Province, then city, then county. Each tap records the answer so far; the engine
//! asks again only if a finer level matters.

use wugong::region::{self, Region};
use wugong::{Fact, Value};
use yew::prelude::*;

use crate::state::{Action, State};
use crate::text::tr;

/// `fact`: the home region, or where the worker works or lives now; `current`: the
/// region answered so far. A view function, not a component (no state of its own): it
/// is drawn again on every change of the state, the regions file's arrival included.
pub fn region_picker(
    fact: Fact,
    current: Option<&'static str>,
    english: bool,
    dispatcher: &UseReducerDispatcher<State>,
) -> Html {
    // Show the children of the current answer when it has any, else the provinces.
    let parent = current.filter(|c| region::children(Some(c)).next().is_some());
    let mut options: Vec<&Region> = region::children(parent).collect();
    // The places the documents cover come first (worked out from the documents' regions
    // when the engine is built, so this screen needs no rules file).
    wugong::order::sort_by_key(&mut options, |r| !r.covered);
    let answer = |value: Option<Value>| {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_| dispatcher.dispatch(Action::Answer(vec![(fact, value)])))
    };
    html! {
        <div class="regions">
            if let Some(p) = parent {
                <p class="chosen-region">
                    { region::full_name(p, english) }
                    <button class="link" onclick={answer(None)} data-testid="region-restart">{ tr(english, "重新选", "Start over") }</button>
                </p>
            }
            // The prefectures' names come with the regions file, just after the page.
            if options.iter().any(|r| !r.named()) {
                <p class="hint" role="status" data-testid="regions-loading">{ tr(english,
                    "正在下载地名……也可以不选，直接点“不知道，跳过”。",
                    "Loading place names… or go on with \"I don't know\".") }</p>
            } else {
                <div class="choices grid">
                    { for options.into_iter().map(|r| html! {
                        <button class="choice" onclick={answer(Some(Value::Region(r.code)))} data-testid={format!("region-{}", r.code)}>
                            { if english { r.name_en() } else { r.name() } }
                        </button>
                    }) }
                </div>
            }
        </div>
    }
}
