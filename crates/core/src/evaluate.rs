//! Evaluating every measure against a worker's answers on a given date.
//!
//! About 540 lines of code: verdict, status on the date, groups and "almost eligible"
//! all read the same outcome, and splitting them would scatter one decision.

use crate::amount::{Amount, Frequency, Payment};
use crate::answers::{Answers, Value};
use crate::catalogue::Catalogue;
use crate::condition::{region_within, EmployerCondition, Reason, Tri};
use crate::date::Date;
use crate::deadline::Deadline;
use crate::fact::Fact;
use crate::policy::{Audience, Document, Measure, Phone};
use crate::region::NATIONAL;

/// Whether the worker qualifies, as far as the answers tell.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict<'a> {
    Eligible,
    NotEligible { failed: Vec<Reason<'a>> },
    Undetermined { missing: Vec<Fact> },
}

impl Verdict<'_> {
    /// The name in cases and the CLI's JSON (the table in `evaluate_names.rs`).
    pub fn name(&self) -> &'static str {
        crate::tags::Named::name(self.shape())
    }
}

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
    /// In force as far as the text says (it states no end), but it took effect `since`
    /// and is older than our limit (`policies/data/currency.toml`): ask whether it still
    /// runs before going to an office.
    AskFirst {
        since: Date,
    },
}

impl Status {
    /// The name in cases and the CLI's JSON (the table in `evaluate_names.rs`).
    pub fn name(&self) -> &'static str {
        crate::tags::Named::name(self.shape())
    }

    /// One plain line: whether it applies on the date, and whom to ask if it ended
    /// (`hotline`: the general hotline of the policies, [`Evaluation::hotline_number`]).
    pub fn describe(&self, english: bool, hotline: &str) -> String {
        use crate::words::Word;
        let (word, date, year) = match *self {
            Status::InForce { until: Some(u) } => (Word::StatusInForceUntil, Some(u), None),
            Status::InForce { until: None } => (Word::StatusInForce, None, None),
            Status::Ended { on } => (Word::StatusEnded, Some(on), None),
            Status::AskFirst { since } => (Word::StatusAskFirst, None, Some(since.year())),
            Status::NotYetInForce { from } => (Word::StatusNotYet, Some(from), None),
        };
        word.fill(
            english,
            &[
                ("date", &date.map(|d| d.to_string()).unwrap_or_default()),
                ("year", &year.map(|y| y.to_string()).unwrap_or_default()),
                ("hotline", hotline),
            ],
        )
    }

    pub fn is_current(&self) -> bool {
        matches!(self, Status::InForce { .. })
    }

    /// In force, or possibly still running ("ask first"): worth a question, since the
    /// worker is told to ask about it only if it would be theirs.
    pub fn may_still_run(&self) -> bool {
        matches!(self, Status::InForce { .. } | Status::AskFirst { .. })
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
    /// What only the employer knows and the measure still depends on ("要看单位：…");
    /// while any is listed the verdict is never `Eligible`.
    pub depends_on_employer: Vec<&'a EmployerCondition>,
    /// The total or its bound (what persona cases compare).
    pub amount: Option<Amount>,
    /// The amount as shown: rate × count = total.
    pub payment: Option<Payment>,
    pub deadlines: Vec<Deadline<'a>>,
    /// Not met, but the worker wants what it is about: shown first, as a warning
    /// (`policies/data/warnings.toml`), e.g. the minimum working age of 16.
    pub warning: bool,
    /// Not eligible yet, but time alone will make it so (months of work or of business,
    /// months out of work, an age). Filled by [`Evaluation::add_almost`]: opt-in, so a
    /// screen that does not show it does not carry its code.
    pub almost: Option<Almost>,
    /// The measure's phones as this worker dials them: a local number (12333) with the
    /// area code of the office it reaches, where the answers say which ([`phone_region`]).
    pub phones: Vec<Phone>,
}

/// Whose office a card's local number (12333) reaches, by the answers: for a local
/// document, the answered region (work, business, insurance, home) inside its region,
/// else the document's own prefecture or county; for a national one, where the worker
/// works or lives now, else the home region. `None`: the card keeps 「区号-12333」.
pub fn phone_region<'r>(doc: &'r Document, answers: &Answers) -> Option<&'r str> {
    let answered = |f: Fact| match answers.get(f) {
        Some(Value::Region(r)) => Some(r),
        _ => None,
    };
    if doc.region == NATIONAL {
        return answered(Fact::WorkRegion).or_else(|| answered(Fact::HomeRegion));
    }
    [
        Fact::WorkRegion,
        Fact::BusinessRegion,
        Fact::InsuranceRegion,
        Fact::HomeRegion,
    ]
    .into_iter()
    .filter_map(answered)
    .find(|r| r.starts_with(doc.region.as_str()))
    .or_else(|| (doc.region.len() >= 4).then_some(doc.region.as_str()))
}

/// When a measure the worker does not qualify for today becomes theirs by time alone.
#[derive(Clone, Debug, PartialEq)]
pub struct Almost {
    /// The first day every condition is met (for an age: the latest that day can be).
    pub from: Date,
    pub waiting_for: Vec<Fact>,
    /// Whether the programme is still in force on `from`.
    pub in_force_then: bool,
    pub waits: Vec<Wait>,
}

/// One condition that time will meet: `fact` reaches `need`, `more` units from now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wait {
    pub fact: Fact,
    pub need: u32,
    /// Months for counts of months, years for an age.
    pub more: u32,
}

impl Almost {
    /// "再干2个月（2024-08-01起）可以申请", or "…，但这个项目到时已结束" (the words:
    /// policies/data/words.toml).
    pub fn describe(&self, english: bool) -> String {
        use crate::words::Word;
        let parts: Vec<String> = self
            .waits
            .iter()
            .map(|w| {
                let word = match w.fact {
                    Fact::StableMonths => Word::AlmostStableMonths,
                    Fact::JobMonths => Word::AlmostJobMonths,
                    Fact::UnemployedMonths => Word::AlmostUnemployedMonths,
                    Fact::BusinessMonths => Word::AlmostBusinessMonths,
                    Fact::Age => Word::AlmostAge,
                    f => return f.label(english).to_string(),
                };
                word.fill(
                    english,
                    &[("more", &w.more.to_string()), ("need", &w.need.to_string())],
                )
            })
            .collect();
        let by_age = self.waits.iter().any(|w| w.fact == Fact::Age);
        let word = if by_age {
            Word::AlmostApplyFromAtTheLatest
        } else {
            Word::AlmostApplyFrom
        };
        let and = if english { " and " } else { "、" };
        let mut t = word.fill(
            english,
            &[("what", &parts.join(and)), ("date", &self.from.to_string())],
        );
        if !self.in_force_then {
            t += Word::AlmostButEnded.get(english);
        }
        t
    }
}

/// `n` calendar months after `d`; a day the month lacks falls back to its last day.
fn plus_months(d: Date, n: u32) -> Date {
    let total = d.year() as i64 * 12 + i64::from(d.month()) - 1 + i64::from(n);
    // Euclidean: a year before 1 (never from the gate, but a date is a date) must not
    // wrap the month or panic on overflow.
    let (y, m) = (total.div_euclid(12) as i32, total.rem_euclid(12) as u8 + 1);
    (0..4)
        .find_map(|back| Date::new(y, m, d.day().saturating_sub(back)).ok())
        .unwrap_or(d)
}

/// The facts that grow with time, and what a failed test of one needs.
fn time_wait(reason: &Reason, answers: &Answers, as_of: Date) -> Option<(Wait, Date)> {
    use crate::condition::Check;
    let fact = reason.test.fact;
    let Some(Value::Count(now)) = reason.answer else {
        return None;
    };
    let need = match (&reason.test.check, reason.negated) {
        (Check::AtLeast(n), false) => *n,
        (Check::AtMost(n), true) => n.checked_add(1)?,
        _ => return None,
    };
    let more = need.checked_sub(now).filter(|m| *m > 0)?;
    match fact {
        // Months this year: reached within the same year, or not by time alone.
        Fact::StableMonths => {
            let from = plus_months(as_of, more);
            (from.year() == as_of.year() && need <= 12).then_some((Wait { fact, need, more }, from))
        }
        // Months out of work, or in the current job: they grow across years.
        Fact::UnemployedMonths | Fact::JobMonths => {
            Some((Wait { fact, need, more }, plus_months(as_of, more)))
        }
        Fact::BusinessMonths => match answers.get(Fact::BusinessStartDate) {
            Some(Value::Date(start)) => Some((Wait { fact, need, more }, plus_months(start, need))),
            _ => None,
        },
        // The birthday is not known: by this date at the latest.
        Fact::Age => Some((Wait { fact, need, more }, as_of.plus_years(more as i32))),
        _ => None,
    }
}

/// When a measure failed on conditions time will meet (perhaps among others it can do
/// without, in an `any`), the first day on which the answers, grown by the time passed,
/// meet every condition.
fn almost(
    measure: &Measure,
    doc: &Document,
    failed: &[Reason],
    answers: &Answers,
    as_of: Date,
) -> Option<Almost> {
    // Each failed test that time will pass, and the day it passes; earliest first.
    let mut candidates: Vec<(Wait, Date)> = failed
        .iter()
        .filter_map(|r| time_wait(r, answers, as_of))
        .collect();
    crate::order::sort_by_key(&mut candidates, |c| c.1);
    for &(_, day) in &candidates {
        // The answers on that day: each awaited count grown by the time passed.
        let months = as_of.whole_months_until(day);
        let mut then = answers.clone();
        let mut possible = true;
        for (w, _) in &candidates {
            let Some(Value::Count(now)) = answers.get(w.fact) else {
                continue; // business months come from the start date and the day itself
            };
            let grown = match w.fact {
                Fact::Age => now + months / 12,
                // Months of this year: a day in another year starts again from nothing.
                Fact::StableMonths if day.year() != as_of.year() => {
                    possible = false;
                    now
                }
                _ => now + months,
            };
            possible &= then.set(w.fact, Value::Count(grown)).is_ok();
        }
        if !possible || measure.when.truth(&then, day) != Tri::True {
            continue;
        }
        // What was waited for: per fact, the largest need met by then.
        let mut waits: Vec<Wait> = Vec::new();
        for (w, _) in candidates.iter().filter(|c| c.1 <= day) {
            match waits.iter_mut().find(|x| x.fact == w.fact) {
                Some(x) if x.need < w.need => *x = *w,
                Some(_) => {}
                None => waits.push(*w),
            }
        }
        return Some(Almost {
            from: day,
            waiting_for: waits.iter().map(|w| w.fact).collect(),
            in_force_then: status_on(measure, doc, day).is_current(),
            waits,
        });
    }
    None
}

/// Where an outcome is shown, in this order.
/// Names: `evaluate_names.rs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    /// Something the worker wants but cannot do (yet), and why: shown at the top.
    Warning,
    /// Money or help the worker can apply for now.
    ApplyNow,
    /// Might apply: answers are missing.
    MayQualify,
    /// A document that states no end but is years old: ask whether it still runs.
    AskFirst,
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
    /// The heading the widget and the CLI show (policies/data/words.toml).
    pub fn title(self, english: bool) -> &'static str {
        use crate::words::Word;
        match self {
            Group::Warning => Word::GroupWarning,
            Group::ApplyNow => Word::GroupApplyNow,
            Group::MayQualify => Word::GroupMayQualify,
            Group::AskFirst => Word::GroupAskFirst,
            Group::Advice => Word::GroupAdvice,
            Group::Protections => Word::GroupProtections,
            Group::Contacts => Word::GroupContacts,
            Group::Employer => Word::GroupEmployer,
            Group::Ended => Word::GroupEnded,
            Group::NotForYou => Word::GroupNotForYou,
        }
        .get(english)
    }

    pub const ALL: [Group; 10] = [
        Group::Warning,
        Group::ApplyNow,
        Group::MayQualify,
        Group::AskFirst,
        Group::Advice,
        Group::Protections,
        Group::Contacts,
        Group::Employer,
        Group::Ended,
        Group::NotForYou,
    ];
}

impl Outcome<'_> {
    /// The amount line every screen, print-out and the CLI show ("每天15元 × 8天 = 120元").
    pub fn amount_text(&self, english: bool) -> Option<String> {
        self.payment.as_ref().map(|p| p.text(english))
    }

    pub fn group(&self) -> Group {
        use crate::policy::Kind;
        let not = matches!(self.verdict, Verdict::NotEligible { .. });
        if self.warning && not && self.status.is_current() {
            return Group::Warning;
        }
        if let Status::AskFirst { .. } = self.status {
            return match (not, self.measure.kind) {
                (true, _) => Group::NotForYou,
                // A reminder stays a reminder; anything to apply for or call is asked about.
                (false, crate::policy::Kind::Advice) => Group::Advice,
                (false, _) => Group::AskFirst,
            };
        }
        if !self.status.is_current() {
            return if not { Group::NotForYou } else { Group::Ended };
        }
        // Not yet, but time alone will make it theirs while the programme still runs
        // ("再干2个月…可以申请"): something to plan for, not "not for you".
        let almost = self.almost.as_ref().is_some_and(|a| a.in_force_then);
        if not && !almost {
            return Group::NotForYou;
        }
        match (self.measure.audience, self.measure.kind) {
            (Audience::Employer, _) => Group::Employer,
            (_, Kind::Channel) => Group::Contacts,
            (_, Kind::Protection) => Group::Protections,
            // Advice is never an application: its own short group.
            (_, Kind::Advice) => Group::Advice,
            _ if matches!(self.verdict, Verdict::Eligible) => Group::ApplyNow,
            _ if not => Group::MayQualify,
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

impl Evaluation<'_> {
    /// The general hotline's number (12333 today, `policies/hotlines.toml`), for every
    /// "ask whether it continues" line.
    pub fn hotline_number(&self) -> &str {
        self.general_hotline()
            .and_then(|h| self.outcomes[h].measure.phones.first())
            .map_or("12333", |p| p.number.as_str())
    }

    /// The general hotline, from the policies: the first current channel with a phone
    /// that needs no problem named (today 12333 in hotlines.toml). The page's "ask
    /// locally" lines call it, so a changed number is a data change.
    pub fn general_hotline(&self) -> Option<usize> {
        self.outcomes.iter().position(|o| {
            o.group() == Group::Contacts
                && matches!(o.verdict, Verdict::Eligible)
                && !o.measure.phones.is_empty()
                && o.measure.problems_named() == 0
        })
    }

    /// An outcome's status line, naming the hotline from the policies.
    pub fn status_text(&self, o: &Outcome, english: bool) -> String {
        o.status.describe(english, self.hotline_number())
    }

    /// Works out, for each measure the worker does not qualify for, whether time alone
    /// will make it theirs, and from when ([`Outcome::almost`]).
    pub fn add_almost(&mut self, answers: &Answers) -> &mut Self {
        let as_of = self.as_of;
        for o in &mut self.outcomes {
            if let Verdict::NotEligible { failed } = &o.verdict {
                o.almost = almost(o.measure, o.document, failed, answers, as_of);
            }
        }
        self
    }
}

pub fn status_on(measure: &Measure, doc: &Document, as_of: Date) -> Status {
    let (from, until) = measure.period(doc);
    if as_of < from {
        Status::NotYetInForce { from }
    } else if let Some(end) = until.filter(|end| as_of > *end) {
        Status::Ended { on: end }
    } else if until.is_none() && doc.ask_first_from.is_some_and(|d| as_of >= d) {
        Status::AskFirst { since: from }
    } else {
        Status::InForce { until }
    }
}

impl Catalogue {
    pub fn evaluate_measure<'a>(
        &'a self,
        doc: &'a Document,
        measure: &'a Measure,
        answers: &Answers,
        as_of: Date,
    ) -> Outcome<'a> {
        // The document's terms read together (脱贫人口 → 建档立卡…): policies/data/implications.toml.
        let implied = self.implied(&doc.id, answers);
        let read = implied.as_ref().unwrap_or(answers);
        self.evaluate_as_read(doc, measure, read, phone_region(doc, read), as_of)
    }

    /// One measure, against answers already read with its document's implications;
    /// `region`: where its local numbers reach ([`phone_region`], once per document).
    fn evaluate_as_read<'a>(
        &'a self,
        doc: &'a Document,
        measure: &'a Measure,
        answers: &Answers,
        region: Option<&str>,
        as_of: Date,
    ) -> Outcome<'a> {
        let (mut truth, mut trace) = measure.when.eval(answers, as_of);
        // A dated branch that has passed (`until`): if the measure was the worker's on its
        // last day, it ended for her then ("会泽的到2020年4月20日为止"), rather than "not
        // for you" (one measure for what was two, issue 16).
        let mut branch_ended = None;
        if truth == Tri::False {
            // The latest passed branch for which it held (no sort: a few dates at most).
            for day in measure.when.until_dates() {
                if day >= as_of || branch_ended.is_some_and(|b| b >= day) {
                    continue;
                }
                let (t, tr) = measure.when.eval(answers, day);
                if t != Tri::False {
                    (truth, trace, branch_ended) = (t, tr, Some(day));
                }
            }
        }
        let depends_on_employer = std::mem::take(&mut trace.employer);
        let verdict = match truth {
            Tri::True => Verdict::Eligible,
            Tri::False => Verdict::NotEligible {
                failed: trace.failed,
            },
            Tri::Unknown => Verdict::Undetermined {
                missing: trace.missing,
            },
        };
        let frequency = measure.frequency.unwrap_or(Frequency::OneOff);
        let no_answers = Answers::new();
        // Built where it stays (a payment is a large value, and each move copies it).
        let payment = measure.amount.as_ref().map(|rule| {
            // A measure the worker cannot get still shows its figure, as a bound.
            let given = match verdict {
                Verdict::NotEligible { .. } => &no_answers,
                _ => answers,
            };
            let mut p = rule.payment(frequency, given);
            // Months worked this year count only from the month the measure took effect
            // (a notice in force from 2020-04-21 pays for April on, not for January).
            let (from, _) = measure.period(doc);
            if from.year() == as_of.year() && from <= as_of {
                p.limit_months(u32::from(as_of.month() - from.month()) + 1);
            }
            p
        });
        let amount = payment.as_ref().map(Payment::amount);

        let deadlines = measure
            .deadlines
            .iter()
            .filter_map(|id| self.deadline(id))
            .map(|spec| Deadline::compute(spec, answers, as_of))
            .collect();
        let warning =
            matches!(verdict, Verdict::NotEligible { .. }) && self.is_warning(&measure.id, answers);
        Outcome {
            warning,
            document: doc,
            measure,
            id: &measure.id,
            verdict,
            status: match branch_ended {
                Some(on) => Status::Ended { on },
                None => status_on(measure, doc, as_of),
            },
            met: trace.met,
            depends_on_employer,
            amount,
            payment,
            deadlines,
            almost: None,
            phones: measure.phones.iter().map(|p| p.local(region)).collect(),
        }
    }

    /// Every measure of every document, in file order.
    pub fn evaluate<'a>(&'a self, answers: &Answers, as_of: Date) -> Evaluation<'a> {
        // Sized once: an outcome is large, and each growth would copy them all.
        let count = self.documents.iter().map(|d| d.measures.len()).sum();
        let mut outcomes = Vec::with_capacity(count);
        for doc in &self.documents {
            // Once per document, not per measure.
            let implied = self.implied(&doc.id, answers);
            let read = implied.as_ref().unwrap_or(answers);
            let region = phone_region(doc, read);
            for m in &doc.measures {
                outcomes.push(self.evaluate_as_read(doc, m, read, region, as_of));
            }
        }
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn months_are_added_on_the_calendar() {
        assert_eq!(plus_months(d("2024-06-01"), 2), d("2024-08-01"));
        assert_eq!(plus_months(d("2024-01-31"), 1), d("2024-02-29"));
        assert_eq!(plus_months(d("2024-11-15"), 3), d("2025-02-15"));
    }

    #[test]
    fn almost_reads_as_a_date_to_wait_for() {
        let mut a = Almost {
            from: d("2024-08-01"),
            waiting_for: vec![Fact::StableMonths],
            in_force_then: true,
            waits: vec![Wait {
                fact: Fact::StableMonths,
                need: 3,
                more: 2,
            }],
        };
        assert_eq!(a.describe(false), "再干2个月（2024-08-01起）可以申请");
        assert_eq!(
            a.describe(true),
            "You can apply after 2 more months of work (from 2024-08-01)"
        );
        a.in_force_then = false;
        assert_eq!(
            a.describe(false),
            "再干2个月（2024-08-01起）可以申请，但这个项目到时已结束"
        );
    }
}

// The name tables of Group, Status and Verdict.
#[path = "evaluate_names.rs"]
mod names;
pub use names::{StatusShape, VerdictShape};
