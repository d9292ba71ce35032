//! A number, an amount of money or a date, typed in and checked by the engine's parser.

use wugong::answers::{impossible_on, parse_value};
use wugong::fact::FactKind;
use wugong::{Date, Fact, RawValue, Value};
use yew::prelude::*;

use crate::state::{Action, State};
use crate::text::tr;

#[derive(Properties, PartialEq)]
pub struct ValueInputProps {
    pub fact: Fact,
    pub current: Option<Value>,
    /// The evaluation date: a past event after it is refused.
    pub as_of: Date,
    pub english: bool,
    pub dispatcher: UseReducerDispatcher<State>,
}

/// What to say when the text is not a value of this kind (never the parser's words,
/// which name the fact by its identifier).
fn explain(kind: FactKind, english: bool) -> &'static str {
    match kind {
        FactKind::Money => tr(
            english,
            "请填钱数，比如 420 或 420.50。",
            "Please enter an amount, e.g. 420 or 420.50.",
        ),
        FactKind::Date => tr(
            english,
            "请填一个日期，比如 2026-03-01。",
            "Please enter a date, e.g. 2026-03-01.",
        ),
        _ => tr(
            english,
            "请填一个不太大的整数。",
            "Please enter a whole number that is not too large.",
        ),
    }
}

#[component]
pub fn ValueInput(props: &ValueInputProps) -> Html {
    let english = props.english;
    let fact = props.fact;
    let as_of = props.as_of;
    let error = use_state(|| None::<String>);
    let input_ref = use_node_ref();
    let current = props.current.map(|v| match v {
        Value::Money(m) => m.to_string(),
        Value::Date(d) => d.to_string(),
        Value::Count(n) => n.to_string(),
        _ => String::new(),
    });
    let (kind, mode, placeholder) = match fact.kind() {
        FactKind::Date => ("date", "numeric", "2026-03-01"),
        FactKind::Money => ("text", "decimal", "0.00"),
        _ => ("number", "numeric", "0"),
    };
    let onsubmit = {
        let dispatcher = props.dispatcher.clone();
        let error = error.clone();
        let input_ref = input_ref.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = crate::browser::input_value(&input_ref);
            let text = text.trim().to_string();
            let raw = match fact.kind() {
                FactKind::Count(_) => match text.parse::<i64>() {
                    Ok(n) => RawValue::Int(n),
                    Err(_) => {
                        error.set(Some(explain(fact.kind(), english).into()));
                        return;
                    }
                },
                _ => RawValue::Text(text),
            };
            match parse_value(fact, &raw) {
                // A value that cannot be true on the date (an injury after it, more
                // months this year than have begun, a 28-digit wage): the engine's
                // message, and the screen stays.
                Ok(v) => match impossible_on(fact, &v, as_of) {
                    Some(r) => error.set(Some(r.text(english).to_string())),
                    None => {
                        error.set(None);
                        dispatcher.dispatch(Action::Answer(vec![(fact, Some(v))]));
                    }
                },
                Err(_) => error.set(Some(explain(fact.kind(), english).into())),
            }
        })
    };
    let id = format!("input-{}", fact.name());
    html! {
        <form class="value-form" {onsubmit}>
            <label for={id.clone()} class="visually-hidden">{ if english { fact.label_en() } else { fact.label_zh() } }</label>
            <input id={id} ref={input_ref} type={kind} inputmode={mode} placeholder={placeholder}
                value={current.unwrap_or_default()} data-testid="value-input" min="0" />
            if let Some(msg) = &*error { <p class="error" role="alert" data-testid="input-error">{ msg.clone() }</p> }
            <button type="submit" class="primary" data-testid="ok">{ tr(english, "确定", "OK") }</button>
        </form>
    }
}
