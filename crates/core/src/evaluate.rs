//! Evaluating every measure against a worker's answers on a given date.

use crate::amount::Amount;
use crate::answers::{Answers, Value};
use crate::catalogue::Catalogue;
use crate::condition::{region_within, Reason, Tri};
use crate::date::Date;
use crate::deadline::{Deadline, Due};
use crate::fact::{Fact, FactSet, Question, QuestionSet};
use crate::policy::{Audience, Document, Kind, Measure};
use crate::region::NATIONAL;

/// Whether the worker qualifies, as far as the answers tell.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict<'a> {
    Eligible,
    NotEligible { failed: Vec<Reason<'a>> },
    Undetermined { missing: Vec<Fact> },
}

impl Verdict<'_> {
    /// The name in cases and the CLI's JSON (the table in `tags.rs`).
    pub fn name(&self) -> &'static str {
        crate::tags::Named::name(self.shape())
    }
}

/// A question screen is asked only if it can settle at least this many measures (or
/// one subsidy); the rest stay "may qualify", each with its question one tap away.
pub const MIN_SETTLED: usize = 3;
/// Fixed-point scale for the shares above (divisible by 1 to 6).
const SCALE: usize = 60;

/// Whether the measure applies on the evaluation date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// In force; `until` is `None` when no end is stated.
    InForce {
        until: Option<Date>,
    },
    Ended {
        on: Date,
    },
    NotYetInForce {
        from: Date,
    },
}

impl Status {
    /// The name in cases and the CLI's JSON (the table in `tags.rs`).
    pub fn name(&self) -> &'static str {
        crate::tags::Named::name(self.shape())
    }

    /// One plain line: whether it applies on the date, and whom to ask if it ended.
    pub fn describe(&self, english: bool) -> String {
        match (*self, english) {
            (Status::InForce { until: Some(u) }, false) => format!("有效期至 {u}"),
            (Status::InForce { until: Some(u) }, true) => format!("In force until {u}"),
            (Status::InForce { until: None }, false) => "文件没写截止日期".into(),
            (Status::InForce { until: None }, true) => "In force, no end date stated".into(),
            (Status::Ended { on }, false) => {
                format!("已于 {on} 结束——是否延续请问 12333 或县人社局")
            }
            (Status::Ended { on }, true) => {
                format!("Ended on {on} — ask 12333 or the county HR office whether it continues")
            }
            (Status::NotYetInForce { from }, false) => format!("{from} 起才施行"),
            (Status::NotYetInForce { from }, true) => format!("Not in force until {from}"),
        }
    }

    pub fn is_current(&self) -> bool {
        matches!(self, Status::InForce { .. })
    }
}

/// Everything the engine decided about one measure.
#[derive(Clone, Debug)]
pub struct Outcome<'a> {
    pub document: &'a Document,
    pub measure: &'a Measure,
    pub id: &'a str,
    pub verdict: Verdict<'a>,
    pub status: Status,
    /// The tests the answers met (why it applies, so far).
    pub met: Vec<Reason<'a>>,
    pub amount: Option<Amount>,
    pub deadlines: Vec<Deadline>,
}

/// Where an outcome is shown, in this order.
/// Names: `tags.rs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    /// Money or help the worker can apply for now.
    ApplyNow,
    /// Might apply: answers are missing.
    MayQualify,
    /// Good advice (how to look for work safely): nothing to apply for.
    Advice,
    /// Rights the worker has.
    Protections,
    /// Whom to contact if something goes wrong.
    Contacts,
    /// What an employer or organiser can get for hiring the worker.
    Employer,
    /// Programmes that ended (or have not started) on the date, which the worker would
    /// or might have qualified for.
    Ended,
    /// Current measures the worker does not qualify for.
    NotForYou,
}

impl Group {
    pub const ALL: [Group; 8] = [
        Group::ApplyNow,
        Group::MayQualify,
        Group::Advice,
        Group::Protections,
        Group::Contacts,
        Group::Employer,
        Group::Ended,
        Group::NotForYou,
    ];
}

impl Outcome<'_> {
    /// "最多1000元 每年", or the bound that applies; `None` when the measure pays nothing.
    pub fn amount_text(&self, english: bool) -> Option<String> {
        let a = self.amount.as_ref()?;
        if *a == Amount::NeedsAnswers {
            return Some(a.describe(english));
        }
        let freq = self
            .measure
            .frequency
            .map(|f| f.describe(english))
            .unwrap_or("");
        Some(format!("{} {freq}", a.describe(english)).trim().to_string())
    }

    pub fn group(&self) -> Group {
        use crate::policy::Kind;
        let not = matches!(self.verdict, Verdict::NotEligible { .. });
        if !self.status.is_current() {
            return if not { Group::NotForYou } else { Group::Ended };
        }
        if not {
            return Group::NotForYou;
        }
        match (self.measure.audience, self.measure.kind) {
            (Audience::Employer, _) => Group::Employer,
            (_, Kind::Channel) => Group::Contacts,
            (_, Kind::Protection) => Group::Protections,
            // Advice is never an application: its own short group.
            (_, Kind::Advice) => Group::Advice,
            _ if matches!(self.verdict, Verdict::Eligible) => Group::ApplyNow,
            _ => Group::MayQualify,
        }
    }
}

/// Whether the documents cover the worker's home region with local measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Coverage {
    Covered,
    /// Only national protections and channels apply; local subsidies are not in the data.
    NotCovered,
    Unknown,
}

#[derive(Clone, Debug)]
pub struct Evaluation<'a> {
    pub as_of: Date,
    pub coverage: Coverage,
    pub outcomes: Vec<Outcome<'a>>,
}

pub fn status_on(measure: &Measure, doc: &Document, as_of: Date) -> Status {
    let (from, until) = measure.period(doc);
    if as_of < from {
        Status::NotYetInForce { from }
    } else if let Some(end) = until.filter(|end| as_of > *end) {
        Status::Ended { on: end }
    } else {
        Status::InForce { until }
    }
}

/// Per question screen: the weight of what it would settle, and the first fact it asks.
type Tally = [(usize, Option<Fact>); Question::COUNT];

impl Catalogue {
    pub fn evaluate_measure<'a>(
        &'a self,
        doc: &'a Document,
        measure: &'a Measure,
        answers: &Answers,
        as_of: Date,
    ) -> Outcome<'a> {
        let (truth, trace) = measure.when.eval(answers, as_of);
        let verdict = match truth {
            Tri::True => Verdict::Eligible,
            Tri::False => Verdict::NotEligible {
                failed: trace.failed,
            },
            Tri::Unknown => Verdict::Undetermined {
                missing: trace.missing,
            },
        };
        let amount = match (&measure.amount, &verdict) {
            (Some(rule), Verdict::Eligible | Verdict::Undetermined { .. }) => {
                Some(rule.compute(answers))
            }
            // A measure the worker cannot get still shows its figure, as a bound.
            (Some(rule), Verdict::NotEligible { .. }) => Some(rule.compute(&Answers::new())),
            (None, _) => None,
        };
        let deadlines = measure
            .deadlines
            .iter()
            .map(|k| Deadline::compute(*k, answers, as_of))
            .collect();
        Outcome {
            document: doc,
            measure,
            id: &measure.id,
            verdict,
            status: status_on(measure, doc, as_of),
            met: trace.met,
            amount,
            deadlines,
        }
    }

    /// Every measure of every document, in file order.
    pub fn evaluate<'a>(&'a self, answers: &Answers, as_of: Date) -> Evaluation<'a> {
        let outcomes = self
            .measures()
            .map(|(doc, m)| self.evaluate_measure(doc, m, answers, as_of))
            .collect();
        Evaluation {
            as_of,
            coverage: self.coverage(answers),
            outcomes,
        }
    }

    pub fn coverage(&self, answers: &Answers) -> Coverage {
        let Some(Value::Region(home)) = answers.get(Fact::HomeRegion) else {
            return Coverage::Unknown;
        };
        let mut result = Coverage::NotCovered;
        for doc in self.documents.iter().filter(|d| d.region != NATIONAL) {
            match region_within(home, &doc.region) {
                Tri::True => return Coverage::Covered,
                Tri::Unknown => result = Coverage::Unknown,
                Tri::False => {}
            }
        }
        result
    }

    /// What to ask next: the question screen whose unanswered facts can decide the most
    /// undetermined measures in force on `as_of` (ties go to the earlier screen, so the
    /// order is stable). The home region always comes first. When no verdict is open,
    /// it asks what makes an amount or a deadline exact. A screen that would settle fewer
    /// than [`MIN_SETTLED`] measures is not asked: that measure shows as "may qualify", with the question
    /// one tap away, so a typical worker answers a handful of screens, not dozens.
    /// Returns a fact of that screen; `skipped` holds facts the worker does not know.
    pub fn next_question(&self, answers: &Answers, as_of: Date, skipped: &FactSet) -> Option<Fact> {
        let open = |f: &Fact| {
            !skipped.contains(*f) && (*f == Fact::HomeRegion || answers.get(*f).is_none())
        };
        let evaluation = self.evaluate(answers, as_of);
        // Per screen: the measures it could settle, and the first fact it would ask.
        // Indexed by question screen.
        let mut deciding: Tally = [(0, None); Question::COUNT];
        let mut refining: Tally = [(0, None); Question::COUNT];
        let count = |tally: &mut Tally, weight: usize, facts: &mut dyn Iterator<Item = Fact>| {
            let mut seen = QuestionSet::new();
            for f in facts.filter(|f| open(f)) {
                if seen.insert(f.question()) {
                    let e = &mut tally[f.question() as usize];
                    e.0 += weight;
                    e.1 = Some(e.1.map_or(f, |g| g.min(f)));
                }
            }
        };
        // Only the worker's own measures steer the questions; employer measures are shown
        // as extras and never cost the worker a question.
        for o in evaluation
            .outcomes
            .iter()
            .filter(|o| o.status.is_current() && o.measure.audience == Audience::Worker)
        {
            match &o.verdict {
                Verdict::Undetermined { missing } => {
                    if missing.contains(&Fact::HomeRegion) && open(&Fact::HomeRegion) {
                        return Some(Fact::HomeRegion);
                    }
                    // A measure one answer away from settled counts fully; one that needs
                    // several screens counts a share for each. Money counts most: a subsidy one
                    // answer away is worth a question on its own.
                    let screens: QuestionSet = missing
                        .iter()
                        .filter(|f| open(f))
                        .map(|f| f.question())
                        .collect();
                    let kind_weight = if o.measure.kind == Kind::Subsidy {
                        MIN_SETTLED
                    } else {
                        1
                    };
                    let weight = kind_weight * SCALE / screens.len().max(1);
                    count(&mut deciding, weight, &mut missing.iter().copied());
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
                    count(&mut refining, 1, &mut facts.into_iter());
                }
                _ => {}
            }
        }
        // The highest count; on a tie, the earlier screen.
        let best = |tally: Tally, least: usize| {
            let mut best: Option<(usize, Fact)> = None;
            for (n, f) in tally {
                if let Some(f) = f.filter(|_| n >= least && best.is_none_or(|b| n > b.0)) {
                    best = Some((n, f));
                }
            }
            best.map(|(_, f)| f)
        };
        best(deciding, MIN_SETTLED * SCALE).or_else(|| best(refining, 1))
    }
}
