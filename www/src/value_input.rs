//! A number, an amount of money or a date, typed in and checked by the engine's parser.

use wugong::answers::{impossible_on, parse_value};
use wugong::fact::FactKind;
use wugong::words::Word;
use wugong::{Date, Fact, RawValue, Value};
use yew::prelude::*;

use crate::raw::Raw;
use crate::state::Action;
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

/// What the value form's text says (its submit, from the app's one submit handler,
/// `app::on_submit`): the answer, or why it was not taken. `as_of`: the evaluation date
/// (a past event after it is refused).
pub fn submitted(fact: Fact, text: &str, as_of: Date, english: bool) -> Action {
    let error = |why: &str| Action::InputError(why.into());
    let text = text.trim();
    let raw = match fact.kind() {
        FactKind::Count(_) => match text.parse::<i64>() {
            Ok(n) => RawValue::Int(n),
            Err(_) => return error(explain(fact.kind(), english)),
        },
        _ => RawValue::Text(text.into()),
    };
    match parse_value(fact, &raw) {
        // A value that cannot be true on the date (an injury after it, more months
        // this year than have begun, a 28-digit wage): the engine's message, and the
        // screen stays.
        Ok(v) => match impossible_on(fact, &v, as_of) {
            Some(r) => error(&r.text(english)),
            None => Action::Answer(vec![(fact, Some(v))]),
        },
        Err(_) => error(explain(fact.kind(), english)),
    }
}

/// `error`: why the value typed was not taken (`State::input_error`). A view function,
/// not a component: the error is kept in the state; the form's submit is answered by
/// the app's one submit handler (`submitted`).
pub fn value_input(fact: Fact, current: Option<Value>, english: bool, error: Option<&str>) -> Html {
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
    let id = format!("input-{}", fact.name());
    // The label, the error and the button as escaped HTML (each its own part, so that
    // an error appearing leaves the button, and the focus on it, alone); the input the
    // worker types into stays `html!`.
    let mut label = Raw::default();
    label.label("class=\"visually-hidden\"", &id, fact, english);
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
        <form class="value-form">
            { label.html() }
            <input {id} type={kind} inputmode={mode} placeholder={placeholder}
                value={current.unwrap_or_default()} data-testid="value-input" min="0" />
            { said.html() }
            { ok.html() }
        </form>
    }
}
