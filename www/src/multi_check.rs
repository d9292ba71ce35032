//! Several yes/no facts on one screen: ticked means yes, unticked stays unknown;
//! "以上都没有" (nothing ticked) or "其他都没有" (some ticked) says no to the rest (the
//! engine's `Catalogue::ticks` decides what each records).

use wugong::Fact;
use yew::prelude::*;

use crate::catalogue_context::CatalogueRef;
use crate::state::{Action, State};
use crate::text::tr;

/// `answered`: the facts answered "yes" so far (ticked when the screen opens);
/// `ticking`: the boxes as the worker has ticked them since (`State::ticking`). The
/// screen shows only once the rules (`catalogue`: the implications between the boxes)
/// are there. A view function, not a component: the ticks are kept in the state.
pub fn multi_check(
    facts: Vec<Fact>,
    answered: Vec<Fact>,
    ticking: Option<&Vec<Fact>>,
    english: bool,
    catalogue: Option<CatalogueRef>,
    dispatcher: &UseReducerDispatcher<State>,
) -> Html {
    let ticked = ticking.cloned().unwrap_or_else(|| answered.clone());
    let submit = |rest_no: bool| {
        let dispatcher = dispatcher.clone();
        let facts = facts.clone();
        let ticked = ticked.clone();
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
    html! {
        <div class="multi">
            <ul class="checks">
                { for facts.iter().map(|f| {
                    let fact = *f;
                    let checked = ticked.contains(&fact);
                    let toggle = {
                        let dispatcher = dispatcher.clone();
                        let answered = answered.clone();
                        Callback::from(move |_| {
                            dispatcher.dispatch(Action::Tick { fact, ticked: answered.clone() })
                        })
                    };
                    let id = format!("check-{}", fact.name());
                    html! {
                        <li>
                            <input type="checkbox" id={id.clone()} {checked} onchange={toggle} data-testid={id.clone()} />
                            <label for={id}>{ if english { fact.label_en() } else { fact.label_zh() } }</label>
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
