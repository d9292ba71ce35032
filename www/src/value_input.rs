//! A number, an amount of money or a date, typed in and checked by the engine's parser.

use wugong::answers::{impossible_on, parse_value};
use wugong::fact::FactKind;
use wugong::words::Word;
use wugong::{Date, Fact, RawValue, Value};
use yew::prelude::*;

use crate::raw::Raw;
use crate::state::{Action, State};
use crate::text::tr;

/// What to say when the text is not a value of this kind (never the parser's words,
/// which name the fact by its identifier).
fn explain(kind: FactKind, english: bool) -> &'static str {
    match kind {
        FactKind::Money => Word::EnterAnAmount,
        FactKind::Date => Word::EnterADate,
        _ => Word::EnterAWholeNumber,
    }
    .get(english)
}

/// `as_of`: the evaluation date (a past event after it is refused); `error`: why the
/// value typed was not taken (`State::input_error`). A view function, not a component:
/// the error is kept in the state.
pub fn value_input(
    fact: Fact,
    current: Option<Value>,
    as_of: Date,
    english: bool,
    error: Option<&str>,
    dispatcher: &UseReducerDispatcher<State>,
) -> Html {
    let current = current.map(|v| match v {
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
        let answer = dispatcher.clone();
        let dispatcher = dispatcher.clone();
        let error = move |why: &str| dispatcher.dispatch(Action::InputError(why.into()));
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = crate::browser::form_input_value(&e);
            let text = text.trim().to_string();
            let raw = match fact.kind() {
                FactKind::Count(_) => match text.parse::<i64>() {
                    Ok(n) => RawValue::Int(n),
                    Err(_) => {
                        error(explain(fact.kind(), english));
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
                    Some(r) => error(&r.text(english)),
                    None => answer.dispatch(Action::Answer(vec![(fact, Some(v))])),
                },
                Err(_) => error(explain(fact.kind(), english)),
            }
        })
    };
    let id = format!("input-{}", fact.name());
    // The label, the error and the button as escaped HTML (each its own part, so that
    // an error appearing leaves the button, and the focus on it, alone); the input the
    // worker types into stays `html!`.
    let mut label = Raw::default();
    label
        .open("label", "class=\"visually-hidden\"")
        .attr("for", &id)
        .gt()
        .text(if english { fact.label_en() } else { fact.label_zh() })
        .close("label");
    let mut said = Raw::default();
    if let Some(msg) = error {
        said.el(
            "p",
            "class=\"error\" role=\"alert\" data-testid=\"input-error\"",
            msg,
        );
    }
    let mut ok = Raw::default();
    ok.el(
        "button",
        "type=\"submit\" class=\"primary\" data-testid=\"ok\"",
        tr(english, "确定", "OK"),
    );
    html! {
        <form class="value-form" {onsubmit}>
            { label.html() }
            <input {id} type={kind} inputmode={mode} placeholder={placeholder}
                value={current.unwrap_or_default()} data-testid="value-input" min="0" />
            { said.html() }
            { ok.html() }
        </form>
    }
}
