//! Programmes that ended on the date (or had not started), which the worker would or
//! might have qualified for: one line each, not full cards.

use wugong::actions::{group_title, Item};
use wugong::evaluate::{Group, Status};
use yew::prelude::*;

use super::Shared;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub items: Vec<Item>,
    pub eval: Shared,
    pub english: bool,
}

#[component]
pub fn EndedList(props: &Props) -> Html {
    let english = props.english;
    let count = if english {
        format!(" ({})", props.items.len())
    } else {
        format!(" {} 项", props.items.len())
    };
    html! {
        <details class="group ended" data-testid="group-ended">
            <summary><h2>{ group_title(Group::Ended, english) }<span class="count">{ count }</span></h2></summary>
            <ul class="ended-list">
                { for props.items.iter().map(|it| {
                    let o = &props.eval.0.outcomes[it.members[0]];
                    let when = match o.status {
                        Status::Ended { on } => if english { format!("ended {on}; ask 12333 whether it continues") } else { format!("{on} 结束，问12333是否延续") },
                        Status::NotYetInForce { from } => if english { format!("from {from}") } else { format!("{from} 起施行") },
                        Status::InForce { .. } => String::new(),
                    };
                    html! {
                        <li data-testid="ended-item" data-measure={o.id.to_string()}>
                            <span class="t">{ &o.measure.title }</span>
                            if let Some(a) = o.amount_text(english) { <span class="a">{ a }</span> }
                            <span class="d">{ when }</span>
                        </li>
                    }
                }) }
            </ul>
        </details>
    }
}
