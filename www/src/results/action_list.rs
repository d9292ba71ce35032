//! "先做这几件事": the engine's short list, one line each of what, how much, where and
//! by when, with the number to tap.

use wugong::actions::Action;
use yew::prelude::*;

use crate::text::tr;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub actions: Vec<Action>,
    pub english: bool,
}

#[component]
pub fn ActionList(props: &Props) -> Html {
    let english = props.english;
    if props.actions.is_empty() {
        return html! {};
    }
    html! {
        <section class="todo" data-testid="actions" aria-labelledby="todo-title">
            <h2 id="todo-title">{ tr(english, "先做这几件事", "Do these first") }</h2>
            <ol>
                { for props.actions.iter().map(|a| html! {
                    <li data-testid="action">
                        <p class="what"><span class="verb">{ a.verb }</span>{ " " }<strong>{ &a.title }</strong></p>
                        if let Some(amount) = &a.amount { <p class="amount" data-testid="action-amount">{ amount }</p> }
                        <p class="where"><span class="k">{ tr(english, "去哪里：", "Where: ") }</span>{ &a.place }</p>
                        if let Some(by) = &a.by { <p class="by" data-testid="action-by"><span class="k">{ tr(english, "期限：", "When: ") }</span>{ by }</p> }
                        { for a.phones.iter().map(|p| html! {
                            <a class="call" href={format!("tel:{}", p.dial)} data-testid="call">{ format!("☎ {}", p.number) }</a>
                        }) }
                    </li>
                }) }
            </ol>
        </section>
    }
}
