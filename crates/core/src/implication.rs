//! How the documents' terms imply one another (a 脱贫人口 was registered 建档立卡), read
//! from `policies/data/implications.toml` (each with its clause) through `build.rs`.
//! For a document's measures, a worker's `if = true` counts as `then = true`, and
//! `then = false` as `if = false`, where the worker left the other unanswered. An
//! answer the worker gave is never changed.
//!
//! Also here: which measures are warnings (`policies/data/warnings.toml`).

use crate::answers::{Answers, Value};
use crate::fact::Fact;

// IMPLICATIONS: (if, then, documents), generated from the data file by `build.rs`.
include!(concat!(env!("OUT_DIR"), "/implications.rs"));
// WARNINGS: (measure, wants).
include!(concat!(env!("OUT_DIR"), "/warnings.rs"));

/// (if, then, documents) of every implication.
pub fn all() -> impl Iterator<Item = (Fact, Fact, &'static [&'static str])> {
    IMPLICATIONS.iter().copied()
}

/// Whether the answers agree with every implication (no `if = true` with `then = false`).
/// Answers that do not (possible in a hand-written answers file, not from the widget's
/// screens) are read as given; only consistent answers are monotone (tests/properties.rs).
pub fn consistent(answers: &Answers) -> bool {
    all().all(|(when, then, _)| {
        !(answers.get(when) == Some(Value::Bool(true))
            && answers.get(then) == Some(Value::Bool(false)))
    })
}

/// The answers as the measures of `document` read them, when an implication adds
/// something; `None` when nothing changes (the usual case: no copy).
pub fn apply(document: &str, answers: &Answers) -> Option<Answers> {
    let mut out: Option<Answers> = None;
    for (when, then, docs) in all() {
        if !docs.contains(&document) {
            continue;
        }
        let a = out.as_ref().unwrap_or(answers);
        let add = match (a.get(when), a.get(then)) {
            (Some(Value::Bool(true)), None) => Some((then, true)),
            (None, Some(Value::Bool(false))) => Some((when, false)),
            _ => None,
        };
        if let Some((fact, value)) = add {
            let mut next = out.take().unwrap_or_else(|| answers.clone());
            // Both facts are yes/no (checked by the test below), so this cannot fail.
            let _ = next.set(fact, Value::Bool(value));
            out = Some(next);
        }
    }
    out
}

/// Whether a measure the worker does not meet is a warning for them: it is listed in
/// `policies/data/warnings.toml` and they want what it is about (or did not say).
pub fn is_warning(measure: &str, answers: &Answers) -> bool {
    WARNINGS
        .iter()
        .any(|(m, wants)| *m == measure && !matches!(answers.get(*wants), Some(Value::Bool(false))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fact::FactKind;

    #[test]
    fn the_data_file_is_read_whole() {
        assert!(all().count() > 0);
        for (when, then, docs) in all() {
            assert_eq!(when.kind(), FactKind::Bool, "{}", when.name());
            assert_eq!(then.kind(), FactKind::Bool, "{}", then.name());
            assert!(!docs.is_empty());
        }
    }

    #[test]
    fn warnings_name_yes_no_facts() {
        for (m, wants) in WARNINGS {
            assert!(!m.is_empty());
            assert_eq!(wants.kind(), FactKind::Bool, "{m}");
        }
        let mut a = Answers::new();
        assert!(is_warning("migrant-work-notes-conditions", &a));
        a.set(Fact::WantsToGoOut, Value::Bool(false)).unwrap();
        assert!(!is_warning("migrant-work-notes-conditions", &a));
        assert!(!is_warning("migrant-work-notes-fraud", &Answers::new()));
    }

    #[test]
    fn tuopin_counts_as_jiandang_only_where_listed_and_never_overrides() {
        let mut a = Answers::new();
        a.set(Fact::Tuopin, Value::Bool(true)).unwrap();
        let implied = apply("yrsf-2017-100", &a).unwrap();
        assert_eq!(implied.get(Fact::Jiandang), Some(Value::Bool(true)));
        assert!(apply("law-work-injury", &a).is_none());
        a.set(Fact::Jiandang, Value::Bool(false)).unwrap();
        assert!(
            apply("yrsf-2017-100", &a).is_none(),
            "the worker's own answer stands"
        );
        let mut b = Answers::new();
        b.set(Fact::Jiandang, Value::Bool(false)).unwrap();
        let implied = apply("yrsf-2017-100", &b).unwrap();
        assert_eq!(implied.get(Fact::Tuopin), Some(Value::Bool(false)));
    }
}
