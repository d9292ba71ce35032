//! How the documents' terms imply one another (a 脱贫人口 was registered 建档立卡), read
//! from `policies/data/implications.toml` (each with its clause) through `build.rs`.
//! For a document's measures, a worker's `if = true` counts as `then = true`, and
//! `then = false` as `if = false`, where the worker left the other unanswered. An
//! answer the worker gave is never changed.
//!
//! Also here: how a screen of tick boxes is read given the implications ([`ticks`]), and
//! which measures are warnings (`policies/data/warnings.toml`).

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

/// What a screen of tick boxes (several yes/no facts on one screen) records.
///
/// - A ticked box is yes.
/// - An unticked box is *unknown* — the worker may not know (did the employer pay social
///   insurance?) or may not have read that far — so it never costs them a measure: it
///   shows as "may qualify", with the question one tap away. The widget marks those
///   facts as not to be asked again.
/// - No needs an explicit answer: "以上都没有" with nothing ticked, or "其他都没有" after
///   ticking some (`rest_no`). Even then a box that a ticked one implies
///   (`policies/data/implications.toml`: ticking 脱贫人口 says 建档立卡 too) stays unknown,
///   so that the implication, not a "no", decides it.
pub fn ticks(facts: &[Fact], ticked: &[Fact], rest_no: bool) -> Vec<(Fact, Option<Value>)> {
    let implied = |f: Fact| all().any(|(when, then, _)| then == f && ticked.contains(&when));
    facts
        .iter()
        .map(|f| {
            let value = if ticked.contains(f) {
                Some(Value::Bool(true))
            } else if rest_no && !implied(*f) {
                Some(Value::Bool(false))
            } else {
                None
            };
            (*f, value)
        })
        .collect()
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

    #[test]
    fn an_unticked_box_is_unknown_and_no_needs_an_explicit_answer() {
        let screen = crate::fact::Question::Groups.facts();
        let got = ticks(&screen, &[Fact::Tuopin], false);
        assert_eq!(got.len(), screen.len());
        for (f, v) in &got {
            let want = (*f == Fact::Tuopin).then_some(Value::Bool(true));
            assert_eq!(*v, want, "{}", f.name());
        }
        // 以上都没有.
        assert!(ticks(&screen, &[], true)
            .iter()
            .all(|(_, v)| *v == Some(Value::Bool(false))));
        assert!(ticks(&screen, &[], false).iter().all(|(_, v)| v.is_none()));
        // 其他都没有 after ticking 脱贫人口: 建档立卡 is implied, not no.
        for (f, v) in ticks(&screen, &[Fact::Tuopin], true) {
            let want = match f {
                Fact::Tuopin => Some(Value::Bool(true)),
                Fact::Jiandang => None,
                _ => Some(Value::Bool(false)),
            };
            assert_eq!(v, want, "{}", f.name());
        }
    }
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
