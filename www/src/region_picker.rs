//! Province, then city, then county. Each tap records the answer so far; the engine
//! asks again only if a finer level matters.

use wugong::region::{self, Region};
use wugong::{Fact, Value};
use yew::prelude::*;

use crate::state::{Action, State};
use crate::text::tr;

#[derive(Properties, PartialEq)]
pub struct RegionPickerProps {
    /// The home region, or where the worker works or lives now.
    pub fact: Fact,
    /// The region answered so far.
    pub current: Option<&'static str>,
    pub english: bool,
    /// The regions file has arrived (the prefectures' names; a change re-renders).
    pub names_ready: bool,
    /// The regions file did not arrive whole: say so and offer to try again.
    pub names_failed: bool,
    pub dispatcher: UseReducerDispatcher<State>,
}

#[component]
pub fn RegionPicker(props: &RegionPickerProps) -> Html {
    let english = props.english;
    // Show the children of the current answer when it has any, else the provinces.
    let parent = props
        .current
        .filter(|c| region::children(Some(c)).next().is_some());
    let mut options: Vec<&Region> = region::children(parent).collect();
    // The places the documents cover come first (worked out from the documents' regions
    // when the engine is built, so this screen needs no rules file).
    wugong::order::sort_by_key(&mut options, |r| !r.covered);
    let answer = |value: Option<Value>| {
        let dispatcher = props.dispatcher.clone();
        let fact = props.fact;
        Callback::from(move |_| dispatcher.dispatch(Action::Answer(vec![(fact, value)])))
    };
    let retry = {
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |_| dispatcher.dispatch(Action::RetryRegions))
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
            if options.iter().any(|r| !r.named()) && props.names_failed {
                <p class="hint" role="alert" data-testid="regions-failed">{ tr(english,
                    "地名没有下载成功。", "Place names did not load. ") }
                    <button class="link" onclick={retry} data-testid="regions-retry">{ tr(english, "再试一次", "Try again") }</button>
                </p>
            } else if options.iter().any(|r| !r.named()) {
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
