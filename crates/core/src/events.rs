//! What brought the worker (issue 17): "工资被拖欠", "想出去打工"… ticked on the screen
//! right after the home region. Each event's answers, questions and numbers are data
//! (`policies/data/events.toml`, made a table by `build.rs`); the engine asks the
//! event's questions first (`ask.rs`), leads the actions with its measures
//! (`actions.rs`) and heads the result with its numbers (`report.rs`). No event ticked
//! ("只是看看我能领什么") keeps the usual order.

use crate::answers::{Answers, Value};
use crate::fact::{Fact, FactSet, Question};

/// One event of `policies/data/events.toml`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Event {
    /// The box the worker ticks (its label is the worker's words).
    pub fact: Fact,
    /// Yes/no facts the event itself says (set to yes when it is ticked).
    pub sets: &'static [Fact],
    /// What the event is about: asked first, and the measures naming them lead.
    pub facts: &'static [Fact],
    /// Measures whose numbers head the result.
    pub call: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/events.rs"));

/// The events the worker ticked.
pub fn chosen(answers: &Answers) -> impl Iterator<Item = &'static Event> + '_ {
    EVENTS
        .iter()
        .filter(|e| answers.get(e.fact) == Some(Value::Bool(true)))
}

/// What the ticked events are about (empty for "只是看看").
pub fn focus(answers: &Answers) -> FactSet {
    chosen(answers)
        .flat_map(|e| e.facts.iter().copied())
        .collect()
}

/// Whether the events screen has been answered (any box yes or no).
pub fn answered(answers: &Answers) -> bool {
    Question::Events
        .facts()
        .iter()
        .any(|f| answers.get(*f).is_some())
}

/// The answers the ticked events say themselves, to record with the ticks.
pub fn implied(ticked: &[Fact]) -> impl Iterator<Item = Fact> + '_ {
    EVENTS
        .iter()
        .filter(|e| ticked.contains(&e.fact))
        .flat_map(|e| e.sets.iter().copied())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fact::FactKind;

    #[test]
    fn the_data_file_names_every_event_box_once_and_only_yes_no_facts_are_set() {
        let boxes: Vec<Fact> = EVENTS.iter().map(|e| e.fact).collect();
        assert_eq!(boxes, Question::Events.facts());
        for e in EVENTS {
            assert!(!e.facts.is_empty() && !e.call.is_empty(), "{:?}", e.fact);
            for f in e.sets {
                assert_eq!(f.kind(), FactKind::Bool, "{}", f.name());
                assert_ne!(f.question(), Question::Events);
            }
        }
    }

    #[test]
    fn unpaid_wages_ticks_the_problem_and_focuses_on_its_dates() {
        let mut a = Answers::new();
        assert!(!answered(&a) && focus(&a).is_empty());
        a.set(Fact::EventUnpaidWages, Value::Bool(true)).unwrap();
        a.set(Fact::EventGoOut, Value::Bool(false)).unwrap();
        assert!(answered(&a));
        assert!(focus(&a).contains(Fact::DisputeDate));
        assert!(!focus(&a).contains(Fact::WantsToGoOut));
        let set: Vec<Fact> = implied(&[Fact::EventUnpaidWages, Fact::EventGoOut]).collect();
        assert_eq!(set, vec![Fact::ProblemUnpaidWages, Fact::WantsToGoOut]);
    }
}
