//! Several yes/no facts on one screen: ticked means yes, unticked stays unknown until a
//! button says otherwise. The buttons say what they mean: "就这些，其他都不是" (or
//! "以上都没有" with nothing ticked) says no to the rest; "有的我不清楚" leaves the
//! unticked boxes unknown. On the events screen the one button is "只是看看我能领什么"
//! until something is ticked, then "就这些". The engine's `Catalogue::ticks` decides what
//! each records.

use wasm_bindgen::JsCast;
use wugong::words::Word;
use wugong::{Answers, Fact, Question, Value};
use yew::prelude::*;

use crate::raw::Raw;
use crate::state::{Action, State};

/// The facts of this screen answered "yes" so far (ticked when the screen opens).
pub fn answered(facts: &[Fact], answers: &Answers) -> Vec<Fact> {
    facts
        .iter()
        .copied()
        .filter(|f| answers.get(*f) == Some(Value::Bool(true)))
        .collect()
}

/// What the screen's buttons record (`data-do="ticks-no"`, `"ticks-unsure"`, answered
/// by the app's one click handler): `rest_no`, the unticked boxes are "no".
pub fn ticks(state: &State, q: Question, rest_no: bool) -> Action {
    let facts = q.facts();
    let ticked = state
        .ticking
        .clone()
        .unwrap_or_else(|| answered(&facts, &state.answers));
    Action::Ticks(match state.catalogue() {
        Some(c) => c.ticks(&facts, &ticked, rest_no),
        // Without the rules an unticked box stays unknown: never a wrong "no".
        None => facts
            .iter()
            .map(|f| (*f, ticked.contains(f).then_some(Value::Bool(true))))
            .collect(),
    })
}

/// `answered`: the facts answered "yes" so far (ticked when the screen opens);
/// `ticking`: the boxes as the worker has ticked them since (`State::ticking`). The
/// screen shows only once the rules (the implications between the boxes, `ticks`) are
/// there. A view function, not a component: the ticks are kept in the state. The boxes
/// are `html!` (ticked under the finger), with one change handler for the list; their
/// labels and the buttons are escaped HTML.
pub fn multi_check(
    facts: Vec<Fact>,
    answered: Vec<Fact>,
    ticking: Option<&Vec<Fact>>,
    english: bool,
    dispatcher: &UseReducerDispatcher<State>,
) -> Html {
    let ticked = ticking.cloned().unwrap_or_else(|| answered.clone());
    let events = facts.first().map(|f| f.question()) == Some(Question::Events);
    let done = match (events, ticked.is_empty()) {
        (true, true) => Word::JustLooking.get(english),
        (true, false) => Word::ThatSAll.get(english),
        (false, true) => Word::NoneOfTheAbove.get(english),
        (false, false) => Word::ThatSAllNoToTheRest.get(english),
    };
    let mut buttons = Raw::default();
    buttons.open("div", "class=\"row done\"").gt().el(
        "button",
        "class=\"primary\" data-testid=\"none\" data-do=\"ticks-no\"",
        done,
    );
    if !events {
        buttons.el(
            "button",
            "class=\"secondary\" data-testid=\"ok\" data-do=\"ticks-unsure\"",
            Word::SomeNotSure.get(english),
        );
    }
    buttons.close("div");
    let boxes = facts.iter().map(|f| {
        let id = format!("check-{}", f.name());
        let mut label = Raw::default();
        label.label("", &id, *f, english);
        html! {
            <li>
                <input type="checkbox" id={id.clone()} checked={ticked.contains(f)} data-testid={id} />
                { label.html() }
            </li>
        }
    });
    let toggle = {
        let dispatcher = dispatcher.clone();
        let facts = facts.clone();
        Callback::from(move |e: Event| {
            // The box changed, by its id (`check-<fact>`).
            let id = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .map(|el| el.id())
                .unwrap_or_default();
            if let Some(fact) = facts
                .iter()
                .find(|f| id.strip_prefix("check-") == Some(f.name()))
            {
                dispatcher.dispatch(Action::Tick {
                    fact: *fact,
                    ticked: answered.clone(),
                })
            }
        })
    };
    html! {
        <div class={if events { "multi events" } else { "multi" }}>
            <ul class="checks" onchange={toggle}>{ for boxes }</ul>
            { buttons.html() }
        </div>
    }
}
