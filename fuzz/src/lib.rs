//! What both targets do with what they read: show everything a result page shows, in
//! both languages (the same walk as `show_everything` in tests/properties.rs).

use std::sync::OnceLock;

use wugong::condition::Condition;
use wugong::{Answers, Catalogue, Date, FactSet};

/// The policies as the widget reads them.
pub fn catalogue() -> &'static Catalogue {
    static C: OnceLock<Catalogue> = OnceLock::new();
    C.get_or_init(|| selfcheck::embedded().expect("policies load"))
}

pub fn show_everything(c: &Catalogue, a: &Answers, as_of: Date) {
    fn describe_all(c: &Condition) {
        match c {
            Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(describe_all),
            Condition::Not(inner) => describe_all(inner),
            Condition::Test(t) => {
                let _ = t.check.describe(t.fact, false);
                let _ = t.check.describe_negated(t.fact, true);
            }
            _ => {}
        }
    }
    let mut eval = c.evaluate(a, as_of);
    eval.add_almost(a);
    for english in [false, true] {
        for o in &eval.outcomes {
            let _ = o.status.describe(english);
            if let wugong::Verdict::NotEligible { failed } = &o.verdict {
                for r in failed {
                    let _ = r.describe(english);
                }
            }
            describe_all(&o.measure.when);
        }
        let items = wugong::actions::items(&eval);
        let _ = wugong::actions::actions(&eval, &items, a, english);
        let _ = wugong::deadline::Deadline::told(a, as_of, english);
    }
    let _ = c.next_question(a, as_of, &FactSet::new());
}
