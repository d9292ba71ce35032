//! Several yes/no facts on one screen: ticked means yes, unticked stays unknown until a
//! button says otherwise. The buttons say what they mean: "就这些，其他都不是" (or
//! "以上都没有" with nothing ticked) says no to the rest; "有的我不清楚" leaves the
//! unticked boxes unknown. On the events screen the one button is "只是看看我能领什么"
//! until something is ticked, then "就这些". The engine's `Catalogue::ticks` decides what
//! each records.

use wugong::{Fact, Question};
use yew::prelude::*;

use crate::catalogue_context::CatalogueRef;
use crate::state::{Action, State};
use crate::text::tr;

#[derive(Properties, PartialEq)]
pub struct MultiCheckProps {
    pub facts: Vec<Fact>,
    /// The facts answered "yes" so far (ticked when the screen opens).
    pub ticked: Vec<Fact>,
    pub english: bool,
    /// The catalogue (its implications between the boxes); the screen shows only once
    /// the rules are there.
    pub catalogue: Option<CatalogueRef>,
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
        let catalogue = props.catalogue;
        Callback::from(move |_| {
            let pairs = match catalogue {
                Some(CatalogueRef(c)) => c.ticks(&facts, &ticked, rest_no),
                // Without the rules an unticked box stays unknown: never a wrong "no".
                None => facts
                    .iter()
                    .map(|f| (*f, ticked.contains(f).then_some(wugong::Value::Bool(true))))
                    .collect(),
            };
            dispatcher.dispatch(Action::Ticks(pairs));
        })
    };
    let events = props.facts.first().map(|f| f.question()) == Some(Question::Events);
    let done = match (events, ticked.is_empty()) {
        (true, true) => tr(
            english,
            "只是看看我能领什么",
            "Just looking at what I can get",
        ),
        (true, false) => tr(english, "就这些", "That's all"),
        (false, true) => tr(english, "以上都没有", "None of the above"),
        (false, false) => tr(english, "就这些，其他都不是", "That's all, no to the rest"),
    };
    html! {
        <div class={classes!("multi", events.then_some("events"))}>
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
            <div class="row done">
                <button class="primary" onclick={submit(true)} data-testid="none">{ done }</button>
                if !events {
                    <button class="secondary" onclick={submit(false)} data-testid="ok">{ tr(english, "有的我不清楚", "Some I'm not sure about") }</button>
                }
            </div>
        </div>
    }
}
