//! A group of cards, collapsed with its count ("你享有的权益 12 项").

use wugong::actions::{group_title, Item};
use wugong::evaluate::Group;
use wugong::Question;
use yew::prelude::*;

use super::card::Card;
use super::Shared;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub group: Group,
    pub items: Vec<Item>,
    pub eval: Shared,
    pub english: bool,
    pub on_ask: Callback<Question>,
}

/// Spelled out: `to_lowercase` would ship Unicode case tables (5 KB) in the wasm.
pub fn slug(g: Group) -> &'static str {
    match g {
        Group::ApplyNow => "applynow",
        Group::MayQualify => "mayqualify",
        Group::Advice => "advice",
        Group::Protections => "protections",
        Group::Contacts => "contacts",
        Group::Employer => "employer",
        Group::Ended => "ended",
        Group::NotForYou => "notforyou",
    }
}

#[component]
pub fn GroupView(props: &Props) -> Html {
    if props.items.is_empty() {
        return html! {};
    }
    let english = props.english;
    let slug = slug(props.group);
    let count = if english {
        format!(" ({})", props.items.len())
    } else {
        format!(" {} 项", props.items.len())
    };
    html! {
        <details class={classes!("group", slug)} data-testid={format!("group-{slug}")}>
            <summary><h2>{ group_title(props.group, english) }<span class="count">{ count }</span></h2></summary>
            { for props.items.iter().map(|it| html! {
                <Card eval={props.eval.clone()} members={it.members.clone()} {english} on_ask={props.on_ask.clone()} />
            }) }
        </details>
    }
}
