//! How the documents' terms imply one another (a 脱贫人口 was registered 建档立卡), from
//! `policies/data/implications.toml` (each with its clause), and which measures are
//! warnings (`policies/data/warnings.toml`). Both travel in the rules file and are held
//! by the [`Catalogue`]. For a document's measures, a worker's `if = true` counts as
//! `then = true`, and `then = false` as `if = false`, where the worker left the other
//! unanswered. An answer the worker gave is never changed.

use crate::answers::{Answers, Value};
use crate::catalogue::Catalogue;
use crate::fact::Fact;

// The tables' rows live beside the catalogue that holds them (no import circle).
pub use crate::catalogue::{Implication, Warning};

impl Catalogue {
    /// Whether the answers agree with every implication (no `if = true` with `then = false`).
    /// Answers that do not (possible in a hand-written answers file, not from the widget's
    /// screens) are read as given; only consistent answers are monotone (tests/properties.rs).
    /// Also false for "within a year of retirement" at an age that settles "no"
    /// (`Answers::settled_near_retirement`).
    pub fn consistent(&self, answers: &Answers) -> bool {
        let retirement = !(answers.get(Fact::NearRetirement) == Some(Value::Bool(true))
            && answers.settled_near_retirement().is_some());
        retirement
            && self.implications.iter().all(|i| {
                !(answers.get(i.when) == Some(Value::Bool(true))
                    && answers.get(i.then) == Some(Value::Bool(false)))
            })
    }

    /// The answers as the measures of `document` read them, when an implication adds
    /// something; `None` when nothing changes (the usual case: no copy).
    pub fn implied(&self, document: &str, answers: &Answers) -> Option<Answers> {
        let mut out: Option<Answers> = None;
        for i in &self.implications {
            if !i.documents.iter().any(|d| d == document) {
                continue;
            }
            let a = out.as_ref().unwrap_or(answers);
            let add = match (a.get(i.when), a.get(i.then)) {
                (Some(Value::Bool(true)), None) => Some((i.then, true)),
                (None, Some(Value::Bool(false))) => Some((i.when, false)),
                _ => None,
            };
            if let Some((fact, value)) = add {
                let mut next = out.take().unwrap_or_else(|| answers.clone());
                // Both facts are yes/no (checked by the loader); a fact that is not
                // leaves the answers as they are.
                let _ = next.set(fact, Value::Bool(value));
                out = Some(next);
            }
        }
        out
    }

    /// Whether a measure the worker does not meet is a warning for them: it is listed in
    /// `policies/data/warnings.toml` and they want what it is about (or did not say).
    pub fn is_warning(&self, measure: &str, answers: &Answers) -> bool {
        self.warnings.iter().any(|w| {
            w.measure == measure && !matches!(answers.get(w.wants), Some(Value::Bool(false)))
        })
    }

    /// What a screen of tick boxes (several yes/no facts on one screen) records.
    ///
    /// - A ticked box is yes.
    /// - An unticked box is *unknown* — the worker may not know (did the employer pay
    ///   social insurance?) or may not have read that far — so it never costs them a
    ///   measure: it shows as "may qualify", with the question one tap away. The widget
    ///   marks those facts as not to be asked again.
    /// - No needs an explicit answer: "以上都没有" with nothing ticked, or "其他都没有"
    ///   after ticking some (`rest_no`). Even then a box that a ticked one implies
    ///   (`policies/data/implications.toml`: ticking 脱贫人口 says 建档立卡 too) stays
    ///   unknown, so that the implication, not a "no", decides it.
    pub fn ticks(
        &self,
        facts: &[Fact],
        ticked: &[Fact],
        rest_no: bool,
    ) -> Vec<(Fact, Option<Value>)> {
        let implied = |f: Fact| {
            self.implications
                .iter()
                .any(|i| i.then == f && ticked.contains(&i.when))
        };
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
            // On the events screen, a ticked event also records what it says itself
            // (`policies/data/events.toml`: "工资被拖欠" is that problem, ticked).
            .chain(crate::events::implied(ticked).map(|f| (f, Some(Value::Bool(true)))))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The implication and warning of the data files, as the loader gives them.
    fn catalogue() -> Catalogue {
        let mut c = Catalogue::new(vec![]).unwrap();
        c.implications = vec![Implication {
            when: Fact::Tuopin,
            then: Fact::Jiandang,
            documents: vec!["yrsf-2017-100".into()],
        }];
        c.warnings = vec![Warning {
            measure: "migrant-work-notes-conditions".into(),
            wants: Fact::WantsToGoOut,
        }];
        c
    }

    #[test]
    fn a_warning_when_they_want_it_or_did_not_say() {
        let c = catalogue();
        let mut a = Answers::new();
        assert!(c.is_warning("migrant-work-notes-conditions", &a));
        a.set(Fact::WantsToGoOut, Value::Bool(false)).unwrap();
        assert!(!c.is_warning("migrant-work-notes-conditions", &a));
        assert!(!c.is_warning("migrant-work-notes-fraud", &Answers::new()));
    }

    #[test]
    fn tuopin_counts_as_jiandang_only_where_listed_and_never_overrides() {
        let c = catalogue();
        let mut a = Answers::new();
        a.set(Fact::Tuopin, Value::Bool(true)).unwrap();
        let implied = c.implied("yrsf-2017-100", &a).unwrap();
        assert_eq!(implied.get(Fact::Jiandang), Some(Value::Bool(true)));
        assert!(c.implied("law-work-injury", &a).is_none());
        a.set(Fact::Jiandang, Value::Bool(false)).unwrap();
        assert!(
            c.implied("yrsf-2017-100", &a).is_none(),
            "the worker's own answer stands"
        );
        assert!(!c.consistent(&a));
        let mut b = Answers::new();
        b.set(Fact::Jiandang, Value::Bool(false)).unwrap();
        let implied = c.implied("yrsf-2017-100", &b).unwrap();
        assert_eq!(implied.get(Fact::Tuopin), Some(Value::Bool(false)));
    }

    #[test]
    fn an_implied_box_stays_unknown_under_rest_no() {
        let c = catalogue();
        let screen = [Fact::Tuopin, Fact::Jiandang, Fact::Veteran];
        let got = c.ticks(&screen, &[Fact::Tuopin], true);
        assert_eq!(
            got,
            vec![
                (Fact::Tuopin, Some(Value::Bool(true))),
                (Fact::Jiandang, None),
                (Fact::Veteran, Some(Value::Bool(false))),
            ]
        );
        assert!(c
            .ticks(&screen, &[], false)
            .iter()
            .all(|(_, v)| v.is_none()));
    }
}
