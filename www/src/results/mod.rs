//! The result page: at most five things to do first, the deadlines as what the worker
//! can still do, then every other card in groups collapsed with a count. One component
//! per file; each takes only what it shows. The engine (`wugong::actions`) decides the
//! order and the words.

mod action_list;
mod card;
mod deadlines;
mod ended_list;
mod group;
mod my_answers;
mod print;
mod read_aloud;

use std::rc::Rc;

use wugong::actions::{self, Item};
use wugong::deadline::Deadline;
use wugong::evaluate::Group;
use wugong::{Coverage, Evaluation, Question};
use yew::prelude::*;

use crate::catalogue_context::use_catalogue;
use crate::question::StateOnly;
use crate::state::Action;
use crate::text::tr;

pub use print::PrintView;

/// One evaluation shared by the components of a render (compared by identity).
#[derive(Clone)]
pub struct Shared(pub Rc<Evaluation<'static>>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[component]
pub fn Results(props: &StateOnly) -> Html {
    let state = &props.state;
    let english = state.english;
    let as_of = state.as_of();
    // The app shows these views only once the rules are in.
    let Some(catalogue) = use_catalogue() else {
        return html! {};
    };
    let eval = Shared(Rc::new(catalogue.evaluate(&state.answers, as_of)));
    let items: Vec<Item> = actions::items(&eval.0);
    let todo = actions::actions(&eval.0, &items, english);
    let told = Deadline::told(&state.answers, as_of, english);
    let next = catalogue.next_question(&state.answers, as_of, &state.skipped);
    let on_ask = {
        let state = state.clone();
        Callback::from(move |q: Question| state.dispatch(Action::Ask(q)))
    };
    let continue_btn = next.map(|f| {
        let q = f.question();
        let on_ask = on_ask.clone();
        html! { <button class="primary" onclick={move |_| on_ask.emit(q)} data-testid="continue">{ tr(english, "继续回答，结果更准 →", "Keep answering for a clearer result →") }</button> }
    });
    // Ended programmes are a compact list, not cards; the rest are groups of cards.
    let ended: Vec<Item> = items
        .iter()
        .filter(|it| it.group == Group::Ended)
        .cloned()
        .collect();

    html! {
        <section class="results" data-testid="results">
            <h1>{ tr(english, "查询结果", "Your results") }</h1>
            <p class="as-of" data-testid="as-of">
                { if english { format!("Rules as of {as_of}") } else { format!("按 {as_of} 的规定计算") } }
            </p>
            if eval.0.coverage == Coverage::NotCovered {
                <p class="warning" data-testid="not-covered">
                    { tr(english,
                        "你户口所在地的地方补贴这里没有收录，请打 ",
                        "Local subsidies of your home region are not included here. Call ") }
                    <a href="tel:12333" class="call">{ "12333" }</a>
                    { tr(english, " 或问县人社局。下面是全国都适用的权益和求助渠道。", " or ask the county HR office. Below are the protections and channels that apply everywhere.") }
                </p>
            }
            <action_list::ActionList actions={todo.clone()} {english} />
            if !told.is_empty() { <deadlines::Deadlines {told} {english} /> }
            { for continue_btn }
            { for Group::ALL.iter().filter(|g| **g != Group::Ended).map(|g| {
                let group_items: Vec<Item> = items.iter().filter(|it| it.group == *g).cloned().collect();
                html! { <group::GroupView group={*g} items={group_items} eval={eval.clone()} {english} on_ask={on_ask.clone()} /> }
            }) }
            if !ended.is_empty() { <ended_list::EndedList items={ended} eval={eval.clone()} {english} /> }
            <my_answers::MyAnswers answers={state.answers.clone()} {english} on_ask={on_ask.clone()} />
        </section>
    }
}
