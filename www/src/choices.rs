//! A yes/no question or one of a few options, as big buttons; the current answer is
//! marked.

use wugong::fact::FactKind;
use wugong::{Fact, Value};
use yew::prelude::*;

use crate::state::{Action, State};
use crate::text::tr;

#[derive(Properties, PartialEq)]
pub struct ChoicesProps {
    pub fact: Fact,
    pub current: Option<Value>,
    pub english: bool,
    pub dispatcher: UseReducerDispatcher<State>,
}

#[component]
pub fn Choices(props: &ChoicesProps) -> Html {
    let fact = props.fact;
    // (value, label, test id)
    let options: Vec<(Value, &'static str, String)> = match fact.kind() {
        FactKind::Choice(options) => options
            .iter()
            .map(|(code, zh, en)| {
                (
                    Value::Choice(code),
                    if props.english { *en } else { *zh },
                    format!("choice-{code}"),
                )
            })
            .collect(),
        _ => vec![
            (
                Value::Bool(true),
                tr(props.english, "是", "Yes"),
                "yes".into(),
            ),
            (
                Value::Bool(false),
                tr(props.english, "不是", "No"),
                "no".into(),
            ),
        ],
    };
    html! {
        <div class="choices">
            { for options.into_iter().map(|(value, label, id)| {
                let dispatcher = props.dispatcher.clone();
                let onclick = Callback::from(move |_| dispatcher.dispatch(Action::Answer(vec![(fact, Some(value))])));
                let chosen = props.current == Some(value);
                html! { <button class={classes!("choice", chosen.then_some("chosen"))} {onclick} data-testid={id}>{ label }</button> }
            }) }
        </div>
    }
}
