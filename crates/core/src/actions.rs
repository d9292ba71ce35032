//! What the result page leads with: one card per thing a worker can get (measures of
//! several documents for the same benefit together), and at most five things to do now,
//! ranked here so the widget, the print view and the copied text agree.

use rust_decimal::Decimal;

use crate::answers::Answers;
use crate::condition::{Condition, Tri};
use crate::deadline::{Due, Whose};
use crate::evaluate::{Evaluation, Group, Outcome, Status, Verdict};
use crate::fact::{Fact, Question};
use crate::policy::{Audience, Kind, Measure, Phone};
use crate::region::NATIONAL;

/// At most this many actions lead the result.
pub const MAX_ACTIONS: usize = 5;

/// The key that makes measures one card: the measure's `benefit` when the policy file
/// names one, else its title (two documents granting the same thing under the very
/// same title are one card).
pub fn benefit_key(m: &Measure) -> &str {
    m.benefit.as_deref().unwrap_or(&m.title)
}

/// One card: the outcomes of every measure for the same benefit. `members[0]` leads
/// (the one in the best group); the others are further sources.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub group: Group,
    /// Indexes into [`Evaluation::outcomes`].
    pub members: Vec<usize>,
}

/// Every card, in the order shown: by group, the worker's own before an employer's,
/// money before help, rights and contacts, known amounts before "ask locally", then
/// file order.
pub fn items(eval: &Evaluation) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    // A source the worker does not qualify under stays off the card of one they may
    // (a Yunnan document is not a source for a worker from Guangdong): it gets its own
    // card among "not for you".
    let not = |o: &Outcome| o.group() == Group::NotForYou;
    for (i, o) in eval.outcomes.iter().enumerate() {
        let key = benefit_key(o.measure);
        match items.iter_mut().find(|it| {
            let lead = &eval.outcomes[it.members[0]];
            benefit_key(lead.measure) == key && not(lead) == not(o)
        }) {
            Some(it) => {
                it.members.push(i);
                // The best group leads; within it a stated amount, then the local
                // document (it says where to go); the sort is stable, so file order next.
                crate::order::sort_by_key(&mut it.members, |m| {
                    let o = &eval.outcomes[*m];
                    (o.group(), o.amount.is_none(), o.document.region == NATIONAL)
                });
                it.group = eval.outcomes[it.members[0]].group();
            }
            None => items.push(Item {
                group: o.group(),
                members: vec![i],
            }),
        }
    }
    crate::order::sort_by_key(&mut items, |it| {
        let o = &eval.outcomes[it.members[0]];
        let employer = o.measure.audience == Audience::Employer;
        (
            it.group,
            employer,
            o.measure.kind.display_order(),
            o.amount.is_none(),
        )
    });
    items
}

/// The general hotline, from the policies (see [`Evaluation::general_hotline`]).
pub fn general_hotline(eval: &Evaluation) -> Option<usize> {
    eval.general_hotline()
}

/// What an action asks the worker to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Apply for money or help they qualify for now.
    Apply,
    /// Call or go to the place that deals with a problem they ticked.
    Call,
    /// A programme they would have qualified for ended: ask whether it continues.
    AskIfContinues,
    /// Nothing else to do: the hotline, for any question.
    Hotline,
}

/// One line of "do these first": what, how much, where, by when, whom to call.
#[derive(Clone, Debug, PartialEq)]
pub struct Action {
    pub step: Step,
    /// Index into [`Evaluation::outcomes`].
    pub outcome: usize,
    /// "去申请", "去办", "问问还有没有".
    pub verb: &'static str,
    pub title: String,
    pub amount: Option<String>,
    pub place: String,
    pub by: Option<String>,
    pub phones: Vec<Phone>,
    pub materials: Vec<String>,
    /// About an event the worker came for (`policies/data/events.toml`).
    pub for_events: bool,
}

fn is_problem(f: Fact) -> bool {
    f.question() == Question::Problems
}

/// The problems (ticked boxes) this outcome met.
fn problems_met(o: &Outcome) -> usize {
    o.met
        .iter()
        .filter(|r| is_problem(r.test.fact) && !r.negated)
        .count()
}

/// Its words: policies/data/words.toml.
fn verb(step: Step, english: bool) -> &'static str {
    use crate::words::Word;
    match step {
        Step::Apply => Word::StepApply,
        Step::Call => Word::StepCall,
        Step::AskIfContinues => Word::StepAskIfContinues,
        Step::Hotline => Word::StepHotline,
    }
    .get(english)
}

/// A candidate action: (not about their events, rank, sub-rank, card order), what,
/// which outcome, by when.
type Pick = ((bool, u8, Decimal, usize), Step, usize, Option<String>);

/// At most [`MAX_ACTIONS`], most useful first: a deadline within 60 days, money to
/// apply for now (largest first), whom to call for each ticked problem (one per kind of
/// procedure), help to apply for, programmes that ended within two years and would have
/// paid, and the hotline when nothing else applies. What is about the events the worker
/// came for (`policies/data/events.toml`) comes before everything else, in that order.
pub fn actions(eval: &Evaluation, items: &[Item], answers: &Answers, english: bool) -> Vec<Action> {
    let mut picks: Vec<Pick> = Vec::new();
    let focus = crate::events::focus(answers);
    for (n, it) in items.iter().enumerate() {
        let i = it.members[0];
        let o = &eval.outcomes[i];
        let m = o.measure;
        if m.audience != Audience::Worker {
            continue;
        }
        // What the answers show is already done (registered, already on the post) is
        // not a thing to do (the measure's `done_when`, data).
        if m.done_when
            .as_ref()
            .is_some_and(|c| c.eval(answers, eval.as_of).0 == Tri::True)
        {
            continue;
        }
        let aside = !focus.iter().any(|f| m.when.mentions(f));
        let mut push = |(rank, sub, n): (u8, Decimal, usize), step, by| {
            picks.push(((aside, rank, sub, n), step, i, by))
        };
        let eligible = matches!(o.verdict, Verdict::Eligible);
        match it.group {
            Group::ApplyNow if m.kind == Kind::Subsidy => {
                let by = match o.status {
                    Status::InForce { until: Some(u) } => Some(if english {
                        format!("by {u}")
                    } else {
                        format!("{u} 前")
                    }),
                    _ => None,
                };
                // Larger known sums first (negated; unknown sums after).
                let size = o
                    .amount
                    .as_ref()
                    .and_then(|a| a.upper_bound())
                    .map_or(Decimal::ZERO, |y| -y.0);
                push((1, size, n), Step::Apply, by);
            }
            Group::Contacts | Group::ApplyNow | Group::Protections
                if eligible && problems_met(o) > 0 && !m.phones.is_empty() =>
            {
                if matches!(m.kind, Kind::Protection) {
                    continue;
                }
                // Urgent when a legal deadline (not advice) is within 60 days.
                let urgent = o.deadlines.iter().any(|d| {
                    !d.spec.advice
                        && matches!(d.due, Due::On { days_left, .. } if (0..=60).contains(&days_left))
                });
                let rank = if urgent { 0 } else { 2 };
                // Specific channels (one problem, one procedure) before general ones.
                let overview = procedure_of(o).is_none();
                let tier = match (overview, m.deadlines.is_empty()) {
                    (false, false) => 0,
                    (false, true) => 100,
                    (true, _) => 200,
                };
                let focus = Decimal::from(m.problems_named() + tier);
                // By when: the worker's own deadline still ahead (what she can act on),
                // the legal limit before advice; an employer's deadline still ahead is
                // context beside it ("单位应在…前办"), never hers.
                let own = |d: &&crate::deadline::Deadline| d.spec.whose == Whose::Worker;
                let by = o
                    .deadlines
                    .iter()
                    .filter(|d| !d.spec.advice && own(d))
                    .chain(o.deadlines.iter().filter(own))
                    .find_map(|d| d.by_when(english));
                let employer = o
                    .deadlines
                    .iter()
                    .filter(|d| d.spec.whose == Whose::Employer)
                    .find_map(|d| match d.due {
                        Due::On { date, days_left } if days_left >= 0 => Some(date),
                        _ => None,
                    });
                let by = match (by, employer) {
                    (Some(b), Some(e)) if english => {
                        Some(format!("{b}; your employer should act by {e}"))
                    }
                    (Some(b), Some(e)) => Some(format!("{b}；单位应在 {e} 前替你办")),
                    (None, Some(e)) if english => Some(format!("your employer should act by {e}")),
                    (None, Some(e)) => Some(format!("单位应在 {e} 前替你办")),
                    (b, None) => b,
                };
                push((rank, focus, n), Step::Call, by);
            }
            // Help meant for people like them (not advice for everyone).
            Group::ApplyNow if eligible && specific(m) => {
                push((3, Decimal::ZERO, n), Step::Apply, None);
            }
            // Money that ended within two years, which they had or may have had (it was
            // meant for a group they belong to): ask whether it continues. Ended
            // measures cost no questions, so "may" is common.
            Group::Ended if m.kind == Kind::Subsidy => {
                let fits = fits(&m.when, answers, eval.as_of);
                if let (Status::Ended { on }, true) = (o.status, eligible || fits) {
                    if on.plus_years(2) >= eval.as_of {
                        let by = Some(eval.status_text(o, english));
                        let rank = if eligible { 4 } else { 5 };
                        push((rank, Decimal::ZERO, n), Step::AskIfContinues, by);
                    }
                }
            }
            // Money from a document that states no end but is years old: never "apply",
            // but worth a call to ask whether it still runs (after the ended ones).
            // Help meant for people like them, from such a document, likewise.
            Group::AskFirst
                if eligible
                    && (m.kind == Kind::Subsidy || (m.kind == Kind::Service && specific(m))) =>
            {
                if let Status::AskFirst { since } = o.status {
                    let by = Some(if english {
                        format!("a document of {}: ask first", since.year())
                    } else {
                        format!("{}年的文件，先问问还办不办", since.year())
                    });
                    push((5, Decimal::ZERO, n), Step::AskIfContinues, by);
                }
            }
            _ => {}
        }
    }
    crate::order::sort_by_key(&mut picks, |p| p.0);
    let hotline = general_hotline(eval);
    let mut out: Vec<Action> = Vec::new();
    let mut services = 0;
    // One call per procedure: arbitration, inspection, injury recognition, or per number.
    let mut procedures: Vec<String> = Vec::new();
    for ((aside, ..), step, i, by) in picks {
        if out.len() == MAX_ACTIONS {
            break;
        }
        let m = eval.outcomes[i].measure;
        if step == Step::Call {
            // An overview of several procedures comes only after the specific ones, and
            // only while the list is short (it repeats them).
            let procedure = procedure_of(&eval.outcomes[i]);
            if procedure.is_none() && out.len() >= 3 {
                continue;
            }
            let procedure = procedure.unwrap_or_else(|| format!("all {}", m.id));
            if procedures.contains(&procedure) {
                continue;
            }
            procedures.push(procedure);
        }
        if step == Step::Apply && eval.outcomes[i].measure.kind != Kind::Subsidy {
            // At most two kinds of help: money and problems come first.
            services += 1;
            if services > 2 {
                continue;
            }
        }
        let mut a = action(eval, step, i, by, english);
        a.for_events = !focus.is_empty() && !aside;
        if step == Step::AskIfContinues && a.phones.is_empty() {
            if let Some(h) = hotline {
                a.phones = eval.outcomes[h].phones.clone();
            }
        }
        out.push(a);
    }
    if let (true, Some(h)) = (out.is_empty(), hotline) {
        out.push(action(eval, Step::Hotline, h, None, english));
    }
    out
}

/// Whether the worker belongs to a group the condition names (脱贫人口, 低保家庭, …),
/// outside any `not`: the programme was meant for people like them.
fn fits(c: &Condition, answers: &Answers, as_of: crate::Date) -> bool {
    match c {
        Condition::Test(t) => {
            t.fact.question() == Question::Groups && t.eval(answers, as_of) == Tri::True
        }
        Condition::All(cs) | Condition::Any(cs) => cs.iter().any(|c| fits(c, answers, as_of)),
        Condition::Always | Condition::Not(_) | Condition::Employer(_) | Condition::Until(_) => {
            false
        }
    }
}

/// Whether the measure is for particular people: its condition asks more than where
/// the worker's household is registered.
fn specific(m: &Measure) -> bool {
    Fact::ALL
        .iter()
        .any(|f| *f != Fact::HomeRegion && m.when.mentions(*f))
}

/// Which procedure a channel leads to, so two lines never send the worker to the same
/// one: arbitration, labour inspection, injury recognition, or else its phone number.
/// `None` for an overview of several procedures.
fn procedure_of(o: &Outcome) -> Option<String> {
    let m = o.measure;
    let mut found: Option<&str> = None;
    for d in &o.deadlines {
        // Each deadline's `procedure` in policies/data/deadlines.toml.
        let p = d.spec.procedure.as_str();
        if found.is_some_and(|f| f != p) {
            return None;
        }
        found = Some(p);
    }
    Some(match found {
        Some(p) => p.to_string(),
        None => m.phones.first().map(|p| p.dial.clone()).unwrap_or_default(),
    })
}

fn action(eval: &Evaluation, step: Step, i: usize, by: Option<String>, english: bool) -> Action {
    let o = &eval.outcomes[i];
    let m = o.measure;
    Action {
        step,
        outcome: i,
        verb: verb(step, english),
        title: m.title.clone(),
        amount: o.amount_text(english),
        place: m.apply_where.clone(),
        by,
        phones: o.phones.clone(),
        materials: m.materials.clone(),
        for_events: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::amount::AmountRule;
    use crate::condition::{Check, Test};
    use crate::date::Date;
    use crate::deadline::{DeadlineSpec, Words};
    use crate::money::Money;
    use crate::policy::Document;
    use crate::{Catalogue, Value};

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn is(fact: Fact) -> Condition {
        Condition::Test(Test {
            fact,
            check: Check::Is(true),
        })
    }

    fn measure(id: &str, kind: Kind, when: Condition) -> Measure {
        Measure {
            apply_where: "乡镇".into(),
            ..Measure::bare(id, kind, Audience::Worker, when)
        }
    }

    fn phone(n: &str) -> Vec<Phone> {
        vec![Phone {
            number: n.into(),
            dial: n.into(),
            note: None,
        }]
    }

    fn catalogue(measures: Vec<Measure>) -> Catalogue {
        let doc = Document {
            issued: None,
            ..Document::bare("national", d("2020-01-01"), measures)
        };
        Catalogue::new(vec![doc]).unwrap()
    }

    fn answers(pairs: &[(Fact, bool)]) -> Answers {
        let mut a = Answers::new();
        for (f, v) in pairs {
            a.set(*f, Value::Bool(*v)).unwrap();
        }
        a
    }

    #[test]
    fn one_card_per_benefit_led_by_the_stated_amount_but_not_for_you_apart() {
        let mut national = measure("national", Kind::Subsidy, is(Fact::Tuopin));
        national.benefit = Some("transport".into());
        let mut local = measure("local", Kind::Subsidy, is(Fact::Tuopin));
        local.benefit = Some("transport".into());
        local.amount = Some(AmountRule::UpTo(Money::yuan(1000)));
        let mut other = measure("other", Kind::Subsidy, is(Fact::Dibao));
        other.benefit = Some("transport".into());
        let c = catalogue(vec![national, local, other]);
        let a = answers(&[(Fact::Tuopin, true), (Fact::Dibao, false)]);
        let eval = c.evaluate(&a, d("2024-06-01"));
        let items = items(&eval);
        assert_eq!(
            items.len(),
            2,
            "the source they do not qualify under stands apart"
        );
        assert_eq!(items[0].group, Group::ApplyNow);
        let ids: Vec<&str> = items[0]
            .members
            .iter()
            .map(|i| eval.outcomes[*i].id)
            .collect();
        assert_eq!(ids, vec!["local", "national"], "the stated amount leads");
        assert_eq!(items[1].group, Group::NotForYou);
    }

    #[test]
    fn money_first_then_one_call_per_procedure_and_no_overview_twice() {
        let mut money = measure("money", Kind::Subsidy, is(Fact::Tuopin));
        money.amount = Some(AmountRule::UpTo(Money::yuan(500)));
        let mut arbitration = measure("arbitration", Kind::Channel, is(Fact::ProblemUnpaidWages));
        arbitration.deadlines = vec!["arbitration_limit".into(), "arbitration_safe".into()];
        arbitration.phones = phone("12333");
        let mut arbitration2 = arbitration.clone();
        arbitration2.id = "arbitration-again".into();
        arbitration2.title = "arbitration-again".into();
        let mut legal_aid = measure("legal-aid", Kind::Service, is(Fact::ProblemUnpaidWages));
        legal_aid.phones = phone("12348");
        let mut advice = measure("advice", Kind::Advice, Condition::Always);
        advice.phones = phone("12333");
        let deadlines = vec![
            DeadlineSpec {
                wages_owed_from_job_end: true,
                procedure: "arbitration".into(),
                while_employed_short: Words {
                    zh: "在职期间不受1年限制；离职后1年内申请".into(),
                    en: String::new(),
                },
                ..DeadlineSpec::bare("arbitration_limit", Fact::DisputeDate, 1, 0)
            },
            DeadlineSpec {
                advice: true,
                procedure: "arbitration".into(),
                ..DeadlineSpec::bare("arbitration_safe", Fact::DisputeDate, 0, 60)
            },
        ];
        let doc = Document::bare(
            "national",
            d("2020-01-01"),
            vec![legal_aid, arbitration, arbitration2, money, advice],
        );
        let tables = crate::catalogue::Tables {
            deadlines,
            ..Default::default()
        };
        let c = Catalogue::with_tables(vec![doc], tables).unwrap();
        let a = answers(&[
            (Fact::Tuopin, true),
            (Fact::ProblemUnpaidWages, true),
            (Fact::StillEmployed, true),
        ]);
        let eval = c.evaluate(&a, d("2024-06-01"));
        let acts = actions(&eval, &items(&eval), &a, false);
        let ids: Vec<&str> = acts.iter().map(|x| eval.outcomes[x.outcome].id).collect();
        assert_eq!(ids, vec!["money", "arbitration", "legal-aid"]);
        assert!(acts[0].amount.as_deref().unwrap().starts_with("最多500元"));
        assert_eq!(
            acts[1].by.as_deref(),
            Some("在职期间不受1年限制；离职后1年内申请")
        );
        assert_eq!(acts[2].phones[0].dial, "12348");
    }

    #[test]
    fn an_ended_subsidy_for_their_group_is_asked_about_and_nothing_else_gives_the_hotline() {
        let mut ended = measure(
            "ended",
            Kind::Subsidy,
            Condition::All(vec![is(Fact::Tuopin), is(Fact::OrganisedOutput)]),
        );
        ended.valid_until = Some(d("2025-12-31"));
        let mut hotline = measure("hotline", Kind::Channel, Condition::Always);
        hotline.phones = phone("12333");
        let c = catalogue(vec![ended, hotline]);
        // 脱贫 but never asked about the rest: it may have applied, so ask whether it continues.
        let a = answers(&[(Fact::Tuopin, true)]);
        let eval = c.evaluate(&a, d("2026-11-30"));
        let acts = actions(&eval, &items(&eval), &a, false);
        assert_eq!(acts.len(), 1);
        assert_eq!(acts[0].step, Step::AskIfContinues);
        assert_eq!(acts[0].phones[0].dial, "12333", "the hotline to ask");
        // Not 脱贫: nothing to do but the hotline.
        let a = answers(&[(Fact::Tuopin, false)]);
        let eval = c.evaluate(&a, d("2026-11-30"));
        let acts = actions(&eval, &items(&eval), &a, false);
        assert_eq!(acts.len(), 1);
        assert_eq!(acts[0].step, Step::Hotline);
        // Ended more than two years ago: not worth asking.
        let a = answers(&[(Fact::Tuopin, true)]);
        let eval = c.evaluate(&a, d("2028-06-01"));
        assert_eq!(
            actions(&eval, &items(&eval), &a, false)[0].step,
            Step::Hotline
        );
    }
}
