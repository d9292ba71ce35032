//! Several yes/no facts on one screen: ticked means yes, unticked stays unknown until a
//! button says otherwise. The buttons say what they mean: "就这些，其他都不是" (or
//! "以上都没有" with nothing ticked) says no to the rest; "有的我不清楚" leaves the
//! unticked boxes unknown. On the events screen the one button is "只是看看我能领什么"
//! until something is ticked, then "就这些". The engine's `Catalogue::ticks` decides what
//! each records.

use wugong::words::Word;
use wugong::{Fact, Question};
use yew::prelude::*;

use crate::catalogue_context::CatalogueRef;
use crate::state::{Action, State};

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
    let events = facts.first().map(|f| f.question()) == Some(Question::Events);
    let done = match (events, ticked.is_empty()) {
        (true, true) => Word::JustLooking.get(english),
        (true, false) => Word::ThatSAll.get(english),
        (false, true) => Word::NoneOfTheAbove.get(english),
        (false, false) => Word::ThatSAllNoToTheRest.get(english),
    };
    html! {
        <div class={classes!("multi", events.then_some("events"))}>
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
            <div class="row done">
                <button class="primary" onclick={submit(true)} data-testid="none">{ done }</button>
                if !events {
                    <button class="secondary" onclick={submit(false)} data-testid="ok">{ Word::SomeNotSure.get(english) }</button>
                }
            </div>
        </div>
    }
}
