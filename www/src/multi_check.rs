//! Several yes/no facts on one screen: ticked means yes, unticked stays unknown;
//! "以上都没有" (nothing ticked) or "其他都没有" (some ticked) says no to the rest (the
//! engine's `implication::ticks` decides what each records).

use wugong::Fact;
use yew::prelude::*;

use crate::state::{Action, State};
use crate::text::tr;

#[derive(Properties, PartialEq)]
pub struct MultiCheckProps {
    pub facts: Vec<Fact>,
    /// The facts answered "yes" so far (ticked when the screen opens).
    pub ticked: Vec<Fact>,
    pub english: bool,
    pub dispatcher: UseReducerDispatcher<State>,
}

#[component]
pub fn MultiCheck(props: &MultiCheckProps) -> Html {
    let english = props.english;
    let ticked = {
        let initial = props.ticked.clone();
        use_state(move || initial)
    };
    let submit = |rest_no: bool| {
        let dispatcher = props.dispatcher.clone();
        let facts = props.facts.clone();
        let ticked = ticked.clone();
        Callback::from(move |_| {
            let pairs = wugong::implication::ticks(&facts, &ticked, rest_no);
            dispatcher.dispatch(Action::Ticks(pairs));
        })
    };
    html! {
        <div class="multi">
            <ul class="checks">
                { for props.facts.iter().map(|f| {
                    let f = *f;
                    let checked = ticked.contains(&f);
                    let toggle = {
                        let ticked = ticked.clone();
                        Callback::from(move |_| {
                            let mut v = (*ticked).clone();
                            if let Some(i) = v.iter().position(|x| *x == f) { v.remove(i); } else { v.push(f); }
                            ticked.set(v);
                        })
                    };
                    let id = format!("check-{}", f.name());
                    html! {
                        <li>
                            <input type="checkbox" id={id.clone()} {checked} onchange={toggle} data-testid={id.clone()} />
                            <label for={id}>{ if english { f.label_en() } else { f.label_zh() } }</label>
                        </li>
                    }
                }) }
            </ul>
            <div class="row">
                <button class="primary" onclick={submit(false)} data-testid="ok">{ tr(english, "确定", "OK") }</button>
                <button class="secondary" onclick={submit(true)} data-testid="none">{ match (ticked.is_empty(), english) {
                    (true, false) => "以上都没有",
                    (true, true) => "None of the above",
                    (false, false) => "其他都没有",
                    (false, true) => "No to the rest",
                } }</button>
            </div>
        </div>
    }
}
