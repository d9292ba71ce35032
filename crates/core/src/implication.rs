//! How the documents' terms imply one another (a 脱贫人口 was registered 建档立卡), read
//! from `policies/data/implications.toml` (each with its clause) through `build.rs`.
//! For a document's measures, a worker's `if = true` counts as `then = true`, and
//! `then = false` as `if = false`, where the worker left the other unanswered. An
//! answer the worker gave is never changed.

use crate::answers::{Answers, Value};
use crate::fact::Fact;

/// `if|then|document,document…` a line.
const DATA: &str = include_str!(concat!(env!("OUT_DIR"), "/implications.txt"));

/// (if, then, documents) of every implication; a line naming an unknown fact is
/// skipped (the tests below refuse one).
pub fn all() -> impl Iterator<Item = (Fact, Fact, &'static str)> {
    DATA.lines().filter_map(|l| {
        let mut cells = l.split('|');
        let when = Fact::from_name(cells.next()?)?;
        let then = Fact::from_name(cells.next()?)?;
        Some((when, then, cells.next()?))
    })
}

/// The answers as the measures of `document` read them, when an implication adds
/// something; `None` when nothing changes (the usual case: no copy).
pub fn apply(document: &str, answers: &Answers) -> Option<Answers> {
    let mut out: Option<Answers> = None;
    for (when, then, docs) in all() {
        if !docs.split(',').any(|d| d == document) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fact::FactKind;

    #[test]
    fn the_data_file_is_read_whole() {
        assert_eq!(all().count(), DATA.lines().count());
        for (when, then, docs) in all() {
            assert_eq!(when.kind(), FactKind::Bool, "{}", when.name());
            assert_eq!(then.kind(), FactKind::Bool, "{}", then.name());
            assert!(!docs.is_empty());
        }
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
