//! Which question to ask next, and about how many remain.
//!
//! The rule (issue 10): keep asking while an answer can still move something the worker
//! can get into or out of "apply now" / "may qualify". Every open fact of an undetermined
//! subsidy, service or measure with an amount (a loan) in force on the date is worth a
//! screen of its own — unless the worker already said "I don't know" to another fact
//! that measure needs, which leaves it open whatever else they say (so for rights too).
//! Rights and channels
//! (shown whatever their verdict, unless it is "no") share a screen's worth: a screen is
//! asked for them only if it settles at least [`MIN_SETTLED`] of them. When no verdict is open, the
//! engine asks what makes an amount or a deadline exact. Employer measures never cost
//! the worker a question.

use crate::answers::{Answers, Value};
use crate::catalogue::Catalogue;
use crate::date::Date;
use crate::deadline::Due;
use crate::evaluate::{Outcome, Verdict};
use crate::fact::{Fact, FactKind, FactSet, Question, QuestionSet};
use crate::policy::{Audience, Kind};

/// A screen is asked for rights and channels only if it can settle at least this many
/// of them (a measure several screens away counts a share for each).
pub const MIN_SETTLED: usize = 3;
/// Fixed-point scale for the shares above (divisible by 1 to 6).
const SCALE: usize = 60;
/// The weight at which a screen is worth asking.
const ENOUGH: usize = MIN_SETTLED * SCALE;

/// Per question screen: the weight of what it would settle, and the first fact it asks.
type Tally = [(usize, Option<Fact>); Question::COUNT];

/// Whether the measure is something the worker can get (money, or help they apply for,
/// which shows under "apply now" like a subsidy), so every open fact of it is worth a
/// question.
pub fn worth_asking(o: &Outcome) -> bool {
    matches!(o.measure.kind, Kind::Subsidy | Kind::Service) || o.measure.amount.is_some()
}

/// What the open screens would settle, from one evaluation.
struct Tallies {
    /// The home region (or a finer level of it) decides something.
    home: bool,
    /// Per screen: the weight of the verdicts it could decide.
    deciding: Tally,
    /// Per screen: how many amounts or deadlines of what the worker gets it makes exact.
    refining: Tally,
    /// The screens that would ask an open fact of the events the worker ticked.
    focus: QuestionSet,
    /// The worker ticked at least one event.
    events: bool,
    /// The screens that can decide money or help to apply for (`worth_asking`).
    money: QuestionSet,
}

impl Tallies {
    /// The screens worth asking: those of the worker's events that decide or refine
    /// anything first, then deciding ones (by weight), then refining ones.
    fn best(&self) -> Option<Fact> {
        // The highest weight among `screens`; on a tie, the earlier screen.
        let best = |tally: &Tally, least: usize, screens: QuestionSet| {
            let mut best: Option<(usize, Fact)> = None;
            for (i, (n, f)) in tally.iter().enumerate() {
                let f = f.filter(|_| {
                    screens.contains(Question::ALL[i])
                        && *n >= least
                        && best.is_none_or(|b| *n > b.0)
                });
                if let Some(f) = f {
                    best = Some((*n, f));
                }
            }
            best.map(|(_, f)| f)
        };
        if self.events {
            // The worker said what brought them: their events' screens, then only what
            // can move money (rights and exact dates of other matters wait for "继续回答").
            return best(&self.deciding, 1, self.focus)
                .or_else(|| best(&self.refining, 1, self.focus))
                .or_else(|| best(&self.deciding, ENOUGH, self.money));
        }
        let all: QuestionSet = Question::ALL.iter().copied().collect();
        best(&self.deciding, ENOUGH, all).or_else(|| best(&self.refining, 1, all))
    }
}

impl Catalogue {
    /// What to ask next (a fact of the screen to show), or `None` when nothing left is
    /// worth a question (see the module comment). The home region always comes first,
    /// level by level while a finer level matters. Ties go to the earlier screen, so
    /// the order is stable. `skipped` holds facts the worker does not know.
    pub fn next_question(&self, answers: &Answers, as_of: Date, skipped: &FactSet) -> Option<Fact> {
        let t = self.tallies(answers, as_of, skipped);
        if t.home {
            return Some(Fact::HomeRegion);
        }
        // Right after the home region: what brought the worker (issue 17).
        let first_event = Question::Events.facts()[0];
        if !crate::events::answered(answers) && !skipped.contains(first_event) {
            return Some(first_event);
        }
        t.best()
    }

    /// About how many screens are left, counting the one [`Catalogue::next_question`]
    /// would show now: the screens asked if the worker ticks nothing on each list of
    /// boxes ("none of these", the usual answer) and does not know the rest. An answer
    /// can open follow-ups or close several screens at once, hence "about"; a skip takes
    /// at least one off (tested: a fact the worker does not know only ever lowers what
    /// the other screens are worth).
    pub fn questions_left(&self, answers: &Answers, as_of: Date, skipped: &FactSet) -> usize {
        let mut answers = answers.clone();
        let mut skipped = *skipped;
        let mut n = 0;
        while let Some(f) = self.next_question(&answers, as_of, &skipped) {
            n += 1;
            if n > Question::COUNT {
                break;
            }
            let facts = f.question().facts();
            if facts.len() > 1 && facts.iter().all(|f| f.kind() == FactKind::Bool) {
                // As the widget records "其他都没有" on what is ticked so far
                // (`Catalogue::ticks`): a box that a yes implies stays unknown, not "no".
                let yes: Vec<Fact> = facts
                    .iter()
                    .copied()
                    .filter(|f| answers.get(*f) == Some(Value::Bool(true)))
                    .collect();
                for (f, v) in self.ticks(&facts, &yes, true) {
                    if let (Some(v), None, false) = (v, answers.get(f), skipped.contains(f)) {
                        let _ = answers.set(f, v);
                    }
                }
                // Whatever stays unknown is not asked again on this estimate.
                skipped.extend(facts.iter().copied().filter(|f| answers.get(*f).is_none()));
            } else {
                skipped.extend(facts);
                skipped.insert(f);
            }
        }
        n
    }

    fn tallies(&self, answers: &Answers, as_of: Date, skipped: &FactSet) -> Tallies {
        // A region answered at a coarse level stays open: the engine lists it as missing
        // only while a finer level decides something (the picker then shows that level).
        let open = |f: Fact| {
            !skipped.contains(f) && (f.kind() == FactKind::Region || answers.get(f).is_none())
        };
        let mut evaluation = self.evaluate(answers, as_of);
        let focus = crate::events::focus(answers);
        let mut t = Tallies {
            home: false,
            deciding: [(0, None); Question::COUNT],
            refining: [(0, None); Question::COUNT],
            focus: QuestionSet::new(),
            events: !focus.is_empty(),
            money: QuestionSet::new(),
        };
        let money = &mut t.money;
        let focused = &mut t.focus;
        // Adds `weight` once to each open screen that asks one of `facts`.
        let mut count =
            |tally: &mut Tally, weight: usize, facts: &mut dyn Iterator<Item = Fact>| {
                let mut seen = QuestionSet::new();
                for f in facts.filter(|f| open(*f)) {
                    if weight > 0 && focus.contains(f) {
                        focused.insert(f.question());
                    }
                    if seen.insert(f.question()) {
                        let e = &mut tally[f.question() as usize];
                        e.0 += weight;
                        e.1 = Some(e.1.map_or(f, |g| g.min(f)));
                    }
                }
            };
        for o in evaluation
            .outcomes
            .iter_mut()
            .filter(|o| o.status.may_still_run() && o.measure.audience == Audience::Worker)
        {
            // The age is asked for near_retirement (it may settle it: `Condition::trace`);
            // skipped, near_retirement itself is asked.
            if let Verdict::Undetermined { missing } = &mut o.verdict {
                if skipped.contains(Fact::Age) && !o.measure.when.mentions(Fact::Age) {
                    for f in missing.iter_mut().filter(|f| **f == Fact::Age) {
                        *f = Fact::NearRetirement;
                    }
                }
            }
            match &o.verdict {
                Verdict::Undetermined { missing } => {
                    if missing.contains(&Fact::HomeRegion) && open(Fact::HomeRegion) {
                        // The home region is asked first whatever the rest would weigh.
                        t.home = true;
                        return t;
                    }
                    // "I don't know" to one of its facts leaves it open whatever else is
                    // said: it no longer asks.
                    let stuck = missing.iter().any(|f| skipped.contains(*f));
                    let weight = if stuck {
                        0
                    } else if worth_asking(o) {
                        money.extend(missing.iter().filter(|f| open(**f)).map(|f| f.question()));
                        ENOUGH
                    } else {
                        // A share for each screen it still needs.
                        let screens: QuestionSet = missing.iter().map(|f| f.question()).collect();
                        SCALE / screens.len().max(1)
                    };
                    count(&mut t.deciding, weight, &mut missing.iter().copied());
                }
                Verdict::Eligible => {
                    let mut facts: Vec<Fact> = o
                        .measure
                        .amount
                        .as_ref()
                        .map(|r| r.facts())
                        .unwrap_or_default();
                    for d in &o.deadlines {
                        if let Due::NeedsDates { missing } = &d.due {
                            facts.extend(missing);
                        }
                    }
                    count(&mut t.refining, 1, &mut facts.into_iter());
                }
                Verdict::NotEligible { .. } => {}
            }
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::amount::AmountRule;
    use crate::answers::Value;
    use crate::condition::{Check, Condition, Test};
    use crate::money::Money;
    use crate::policy::{Document, Measure};

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    /// Answers of a worker who tapped "只是看看我能领什么" on the events screen.
    fn looking() -> Answers {
        let mut a = Answers::new();
        for f in Question::Events.facts() {
            a.set(f, Value::Bool(false)).unwrap();
        }
        a
    }

    fn is(fact: Fact) -> Condition {
        Condition::Test(Test {
            fact,
            check: Check::Is(true),
        })
    }

    fn measure(id: &str, kind: Kind, audience: Audience, when: Condition) -> Measure {
        Measure::bare(id, kind, audience, when)
    }

    fn catalogue(measures: Vec<Measure>) -> Catalogue {
        Catalogue::new(vec![Document::bare("national", d("2020-01-01"), measures)]).unwrap()
    }

    /// `n` rights that each depend on one fact of the `Workshop` screen.
    fn rights(n: usize) -> Vec<Measure> {
        (0..n)
            .map(|i| {
                measure(
                    &format!("right-{i}"),
                    Kind::Protection,
                    Audience::Worker,
                    is(Fact::WorkshopJob),
                )
            })
            .collect()
    }

    fn next(c: &Catalogue, a: &Answers, skipped: &FactSet) -> Option<Question> {
        c.next_question(a, d("2024-06-01"), skipped)
            .map(|f| f.question())
    }

    #[test]
    fn a_screen_for_rights_is_asked_only_when_it_settles_enough() {
        let none = FactSet::new();
        let a = looking();
        // Three rights are worth a screen, two are not.
        assert_eq!(
            next(&catalogue(rights(3)), &a, &none),
            Some(Question::Workshop)
        );
        assert_eq!(next(&catalogue(rights(2)), &a, &none), None);
        assert_eq!(
            next(&catalogue(rights(4)), &a, &none),
            Some(Question::Workshop)
        );
        // A right two screens away counts half a settled measure on each screen.
        let mut two_away = rights(2);
        two_away.push(measure(
            "half",
            Kind::Protection,
            Audience::Worker,
            Condition::All(vec![is(Fact::WorkshopJob), is(Fact::SmallFirmJob)]),
        ));
        assert_eq!(next(&catalogue(two_away.clone()), &a, &none), None);
        two_away.push(measure(
            "other-half",
            Kind::Channel,
            Audience::Worker,
            Condition::All(vec![is(Fact::WorkshopJob), is(Fact::Veteran)]),
        ));
        assert_eq!(
            next(&catalogue(two_away), &a, &none),
            Some(Question::Workshop)
        );
    }

    #[test]
    fn every_fact_of_a_subsidy_is_asked_until_it_is_settled() {
        let none = FactSet::new();
        let subsidy = measure(
            "money",
            Kind::Subsidy,
            Audience::Worker,
            Condition::All(vec![
                is(Fact::WorkshopJob),
                is(Fact::SmallFirmJob),
                is(Fact::Veteran),
            ]),
        );
        let c = catalogue(vec![subsidy.clone()]);
        let mut a = looking();
        assert_eq!(next(&c, &a, &none), Some(Question::Groups));
        // Counted as if the worker ticks none of the groups: then nothing more.
        assert_eq!(c.questions_left(&a, d("2024-06-01"), &none), 1);
        a.set(Fact::Veteran, Value::Bool(true)).unwrap();
        assert_eq!(next(&c, &a, &none), Some(Question::Workshop));
        a.set(Fact::WorkshopJob, Value::Bool(true)).unwrap();
        assert_eq!(next(&c, &a, &none), Some(Question::SmallFirm));
        a.set(Fact::SmallFirmJob, Value::Bool(true)).unwrap();
        assert_eq!(next(&c, &a, &none), None, "settled: nothing more to ask");
        // A "no" settles it too.
        let mut no = looking();
        no.set(Fact::WorkshopJob, Value::Bool(false)).unwrap();
        assert_eq!(next(&c, &no, &none), None);
        // A loan (a service with an amount) is worth money as well.
        let mut loan = subsidy;
        loan.kind = Kind::Service;
        loan.amount = Some(AmountRule::LoanUpTo(Money::yuan(1000)));
        assert_eq!(
            next(&catalogue(vec![loan]), &looking(), &none),
            Some(Question::Groups)
        );
    }

    #[test]
    fn i_dont_know_stops_the_questions_that_could_no_longer_help() {
        let c = catalogue(vec![measure(
            "money",
            Kind::Subsidy,
            Audience::Worker,
            Condition::All(vec![is(Fact::HasBusiness), is(Fact::FirstBusiness)]),
        )]);
        let a = looking();
        let mut skipped = FactSet::new();
        assert_eq!(c.questions_left(&a, d("2024-06-01"), &skipped), 1);
        assert_eq!(next(&c, &a, &skipped), Some(Question::Situation));
        skipped.extend(Question::Situation.facts());
        assert_eq!(
            next(&c, &a, &skipped),
            None,
            "no business question for someone who does not know"
        );
        assert_eq!(c.questions_left(&a, d("2024-06-01"), &skipped), 0);
    }

    #[test]
    fn employer_and_ended_measures_never_ask() {
        let none = FactSet::new();
        let mut ended = measure("ended", Kind::Subsidy, Audience::Worker, is(Fact::Veteran));
        ended.valid_until = Some(d("2021-12-31"));
        let c = catalogue(vec![
            measure(
                "employer",
                Kind::Subsidy,
                Audience::Employer,
                is(Fact::Veteran),
            ),
            ended,
        ]);
        assert_eq!(next(&c, &looking(), &none), None);
    }

    #[test]
    fn a_skip_takes_one_off_the_count() {
        let c = catalogue(vec![
            measure(
                "a",
                Kind::Subsidy,
                Audience::Worker,
                Condition::All(vec![is(Fact::WorkshopJob), is(Fact::Veteran)]),
            ),
            measure("b", Kind::Subsidy, Audience::Worker, is(Fact::SmallFirmJob)),
        ]);
        let as_of = d("2024-06-01");
        let a = looking();
        let mut skipped = FactSet::new();
        let mut left = c.questions_left(&a, as_of, &skipped);
        assert_eq!(
            left, 2,
            "the groups (ticking none closes the first) and the small firm"
        );
        while let Some(f) = c.next_question(&a, as_of, &skipped) {
            skipped.extend(f.question().facts());
            let now = c.questions_left(&a, as_of, &skipped);
            assert!(now < left, "{now} after skipping {f:?}, {left} before");
            left = now;
        }
        assert_eq!(left, 0);
    }

    #[test]
    fn the_events_come_after_the_home_region_and_lead_the_questions() {
        let none = FactSet::new();
        let c = catalogue(vec![
            measure("a", Kind::Subsidy, Audience::Worker, is(Fact::Veteran)),
            measure("b", Kind::Subsidy, Audience::Worker, is(Fact::WantsToGoOut)),
        ]);
        let mut a = Answers::new();
        assert_eq!(next(&c, &a, &none), Some(Question::Events));
        // Skipped: the usual order.
        let skipped: FactSet = Question::Events.facts().into_iter().collect();
        assert_eq!(next(&c, &a, &skipped), Some(Question::Groups));
        // "只是看看": the usual order (ties go to the earlier screen).
        assert_eq!(next(&c, &looking(), &none), Some(Question::Groups));
        // Ticked "想学门手艺" (about training, which decides nothing here): the usual order.
        a.set(Fact::EventLearnTrade, Value::Bool(true)).unwrap();
        assert_eq!(next(&c, &a, &none), Some(Question::Groups));
        // Ticked "想出去打工": its question first... which the tick already answered.
        let mut go = Answers::new();
        for (f, v) in c.ticks(&Question::Events.facts(), &[Fact::EventGoOut], true) {
            go.set(f, v.unwrap()).unwrap();
        }
        assert_eq!(go.get(Fact::WantsToGoOut), Some(Value::Bool(true)));
        assert_eq!(next(&c, &go, &none), Some(Question::Groups));
        let c = catalogue(vec![
            measure("a", Kind::Subsidy, Audience::Worker, is(Fact::Veteran)),
            measure(
                "b",
                Kind::Subsidy,
                Audience::Worker,
                is(Fact::OrganisedOutput),
            ),
        ]);
        assert_eq!(
            next(&c, &go, &none),
            Some(Question::Organised),
            "the event's question first"
        );
        assert_eq!(next(&c, &looking(), &none), Some(Question::Groups));
    }
}
