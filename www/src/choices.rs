//! A yes/no question or one of a few options, as big buttons; the current answer is
//! marked.

use wugong::fact::FactKind;
use wugong::{Fact, Value};
use yew::prelude::*;

use crate::state::{Action, State};
use crate::text::tr;

/// A view function, not a component (no state of its own).
pub fn choices(
    fact: Fact,
    current: Option<Value>,
    english: bool,
    dispatcher: &UseReducerDispatcher<State>,
) -> Html {
    // (value, label, test id)
    let options: Vec<(Value, &'static str, String)> = match fact.kind() {
        FactKind::Choice(options) => options
            .iter()
            .map(|(code, zh, en)| {
                (
                    Value::Choice(code),
                    if english { *en } else { *zh },
                    format!("choice-{code}"),
                )
            })
            .collect(),
        _ => vec![
            (Value::Bool(true), tr(english, "是", "Yes"), "yes".into()),
            (Value::Bool(false), tr(english, "不是", "No"), "no".into()),
        ],
    };
    html! {
        <div class="choices">
            { for options.into_iter().map(|(value, label, id)| {
                let dispatcher = dispatcher.clone();
                let onclick = Callback::from(move |_| dispatcher.dispatch(Action::Answer(vec![(fact, Some(value))])));
                let chosen = current == Some(value);
                html! { <button class={classes!("choice", chosen.then_some("chosen"))} {onclick} data-testid={id}>{ label }</button> }
            }) }
        </div>
    }
}
