//! The worker's deadlines, told as what they can still do: the legal limit first, the
//! 60-day date only while it is ahead and only as advice, a passed date said plainly with
//! what remains possible. The words are the engine's (`Deadline::told`).

use wugong::deadline::Told;
use yew::prelude::*;

use crate::text::tr;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub told: Vec<Told>,
    pub english: bool,
}

#[component]
pub fn Deadlines(props: &Props) -> Html {
    let english = props.english;
    html! {
        <section class="timeline" data-testid="timeline">
            <h2>{ tr(english, "你的期限", "Your deadlines") }</h2>
            <ul>
                { for props.told.iter().map(|t| html! {
                    <li class={classes!(t.advice.then_some("advice"), t.passed.then_some("passed"))} data-testid={format!("deadline-{:?}", t.kind)}>
                        <p class="when">{ &t.line }</p>
                        if t.passed {
                            <p>{ for t.calls.iter().map(|n| html! { <a class="call" href={format!("tel:{n}")}>{ format!("☎ {n}") }</a> }) }</p>
                        }
                        <details class="rule">
                            <summary>{ tr(english, "规定是怎么说的", "What the law says") }</summary>
                            <p>{ t.rule }</p>
                            <p class="cite">{ t.cite }</p>
                        </details>
                    </li>
                }) }
            </ul>
        </section>
    }
}
