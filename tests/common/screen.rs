//! One question screen answered from a persona, as the widget would (shared by the
//! question-flow and worker-walk tests): a screen of yes/no boxes is ticked from the
//! persona (`Catalogue::ticks`: ticked yes, unticked unknown, "其他都没有" no when
//! `rest_no`); any other screen is answered when the persona knows, else skipped.

use std::collections::BTreeMap;

use wugong::fact::FactKind;
use wugong::{Answers, Fact, FactSet, Question, RawValue};

/// Answers one screen from the persona's facts, as the widget would.
pub fn answer_screen(
    catalogue: &wugong::Catalogue,
    q: Question,
    persona: &BTreeMap<&str, RawValue>,
    answers: &mut Answers,
    skipped: &mut FactSet,
    rest_no: bool,
) {
    let facts = q.facts();
    let multi = facts.len() > 1 && facts.iter().all(|f| f.kind() == FactKind::Bool);
    if multi {
        // These personas know their own situation: they tick what is true and say
        // "其他都没有" / "以上都没有" to the rest (an unticked box with OK stays unknown:
        // see `unsure_worker_is_asked_no_screen_twice`).
        let yes: Vec<Fact> = facts
            .iter()
            .copied()
            // A box the answers already say yes to (an event's own answer) opens ticked.
            .filter(|f| {
                persona.get(f.name()) == Some(&RawValue::Bool(true))
                    || answers.get(*f) == Some(wugong::Value::Bool(true))
            })
            .collect();
        for (f, v) in catalogue.ticks(&facts, &yes, rest_no) {
            match v {
                Some(v) => answers.set(f, v).unwrap(),
                None => {
                    skipped.insert(f);
                }
            }
        }
        return;
    }
    let mut any = false;
    for f in &facts {
        let raw = persona.get(f.name()).cloned();
        if let Some(raw) = raw {
            let v = wugong::answers::parse_value(*f, &raw).unwrap();
            answers.set(*f, v).unwrap();
            any = true;
        }
    }
    if !any {
        skipped.extend(facts);
    }
}

/// A persona's text, yes/no and number answers.
pub fn t(s: &str) -> RawValue {
    RawValue::Text(s.into())
}
pub fn b(v: bool) -> RawValue {
    RawValue::Bool(v)
}
pub fn n(v: i64) -> RawValue {
    RawValue::Int(v)
}
