//! A yes/no question or one of a few options, as big buttons; the current answer is
//! marked.

use wugong::fact::FactKind;
use wugong::{Fact, Value};

use crate::raw::Raw;
use crate::text::tr;

/// The buttons; each carries `data-pick`, its place in `picks`, where its value is
/// added for the question screen's click handler.
pub fn choices(
    r: &mut Raw,
    picks: &mut Vec<Option<Value>>,
    fact: Fact,
    current: Option<Value>,
    english: bool,
) {
    // (value, label, test id)
    let options: Vec<(Value, String, String)> = match fact.kind() {
        FactKind::Choice(options) => options
            .iter()
            .map(|code| {
                (
                    Value::Choice(code),
                    fact.choice_label(code, english),
                    format!("choice-{code}"),
                )
            })
            .collect(),
        _ => vec![
            (
                Value::Bool(true),
                tr(english, "是", "Yes").into(),
                "yes".into(),
            ),
            (
                Value::Bool(false),
                tr(english, "不是", "No").into(),
                "no".into(),
            ),
        ],
    };
    r.open("div", "class=\"choices\"").gt();
    for (value, label, id) in options {
        let class = if current == Some(value) {
            "class=\"choice chosen\""
        } else {
            "class=\"choice\""
        };
        pick(r, picks, class, Some(value))
            .attr("data-testid", &id)
            .gt()
            .text(&label)
            .close("button");
    }
    r.close("div");
}

/// `<button attrs data-pick="N"`, left open: N is the value's place in `picks`.
pub fn pick<'r>(
    r: &'r mut Raw,
    picks: &mut Vec<Option<Value>>,
    attrs: &str,
    value: Option<Value>,
) -> &'r mut Raw {
    picks.push(value);
    r.open("button", attrs)
        .attr("data-pick", &(picks.len() - 1).to_string())
}
