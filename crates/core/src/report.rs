//! The one result: everything a worker is told for her answers on a date, decided here
//! once. The widget's result page, its print view and copied text, the CLI (text and
//! JSON) and the plain page (`fallback.html`) only render a [`Report`]; none of them
//! groups, ranks or words a decision of its own.

use crate::actions::{self, Action, Item};
use crate::answers::Answers;
use crate::catalogue::Catalogue;
use crate::date::Date;
use crate::deadline::{Deadline, Told};
use crate::evaluate::{Coverage, Evaluation, Group, Outcome};
use crate::policy::{Document, Phone};
use crate::words::Word;

/// Everything the result page says, in the order it says it.
#[derive(Clone, Debug)]
pub struct Report<'a> {
    /// The documents and data tables it was worked out from.
    pub catalogue: &'a Catalogue,
    pub english: bool,
    /// Every measure's outcome (verdict, status on the date, amount, deadlines, and
    /// when time alone makes it the worker's).
    pub eval: Evaluation<'a>,
    /// One card per benefit, in the order shown; each knows its group.
    pub cards: Vec<Item>,
    /// At most [`actions::MAX_ACTIONS`] things to do first.
    pub actions: Vec<Action>,
    /// The worker's deadlines, told as what can still be done.
    pub told: Vec<Told>,
    /// The general hotline's outcome (12333 today, from `policies/hotlines.toml`).
    pub hotline: Option<usize>,
    /// The numbers to tap, at the top: the general hotline, then those of the events the
    /// worker came for (`policies/data/events.toml`).
    pub calls: Vec<Phone>,
}

/// The notice for a worker whose home region has no local documents: the words before
/// the hotline, the hotline, and the words after.
#[derive(Clone, Debug, PartialEq)]
pub struct NotCovered<'a> {
    pub before: String,
    pub phone: Option<&'a Phone>,
    pub after: &'static str,
}

impl<'a> Report<'a> {
    pub fn new(
        catalogue: &'a Catalogue,
        answers: &Answers,
        as_of: Date,
        english: bool,
    ) -> Report<'a> {
        let mut eval = catalogue.evaluate(answers, as_of);
        // When time alone will make a measure theirs ("再干2个月（…起）可以申请").
        eval.add_almost(answers);
        let cards = actions::items(&eval);
        let actions = actions::actions(&eval, &cards, answers, english);
        let hotline = actions::general_hotline(&eval);
        let mut calls: Vec<Phone> = Vec::new();
        let ids = crate::events::chosen(answers).flat_map(|e| e.call.iter().copied());
        let outcomes = hotline
            .into_iter()
            .map(|h| &eval.outcomes[h])
            .chain(ids.filter_map(|id| {
                eval.outcomes
                    .iter()
                    .find(|o| o.id == id && o.group() != Group::NotForYou)
            }));
        for o in outcomes {
            // As this worker dials them (0874-12333 where the region is known).
            if let Some(p) = o.phones.first() {
                if !calls.iter().any(|c| c.dial == p.dial) {
                    calls.push(p.clone());
                }
            }
        }
        Report {
            catalogue,
            english,
            told: Deadline::told(&catalogue.deadlines, answers, as_of, english),
            eval,
            cards,
            actions,
            hotline,
            calls,
        }
    }

    /// The first thing to do when it is about what brought the worker: shown on the
    /// question screens as soon as it is known, while the engine asks what else can
    /// bring money.
    pub fn first_for_events(&self) -> Option<&Action> {
        self.actions.first().filter(|a| a.for_events)
    }

    pub fn as_of(&self) -> Date {
        self.eval.as_of
    }

    /// The cards of one group, in order.
    pub fn cards_in(&self, group: Group) -> impl Iterator<Item = &Item> {
        self.cards.iter().filter(move |c| c.group == group)
    }

    /// The outcomes of a card, its lead first.
    pub fn members<'r>(&'r self, card: &'r Item) -> impl Iterator<Item = &'r Outcome<'a>> + 'r {
        card.members.iter().map(|i| &self.eval.outcomes[*i])
    }

    /// The general hotline's phone, for every "ask locally" line.
    pub fn hotline_phone(&self) -> Option<&Phone> {
        self.hotline
            .and_then(|h| self.eval.outcomes[h].phones.first())
    }

    /// For print and copied text, which are read days later: the dates stay, the
    /// counts of days left ("（还有 8 天）") go, so a page read later never misleads.
    pub fn dated_only(mut self) -> Self {
        for a in &mut self.actions {
            if let Some(by) = &mut a.by {
                *by = without_day_counts(by);
            }
        }
        for t in &mut self.told {
            t.line = without_day_counts(&t.line);
        }
        self
    }

    /// The notice shown when the worker's home region has no local documents.
    pub fn not_covered(&self) -> Option<NotCovered<'_>> {
        (self.eval.coverage == Coverage::NotCovered)
            .then(|| not_covered(self.english, self.hotline_phone()))
    }
}

/// The not-covered notice of a worker whose home region has no local documents.
pub fn not_covered(english: bool, phone: Option<&Phone>) -> NotCovered<'_> {
    let covered = crate::region::covered_names(english);
    NotCovered {
        before: Word::NotCoveredBefore.fill(english, &[("covered", covered)]),
        phone,
        after: Word::NotCoveredAfter.get(english),
    }
}

/// The same notice for everyone (the plain page has no answers): which places are
/// covered and whom the others ask.
pub fn coverage_for_everyone(english: bool, phone: Option<&Phone>) -> NotCovered<'_> {
    let covered = crate::region::covered_names(english);
    NotCovered {
        before: if english {
            format!("Only local documents of {covered} are included. Elsewhere, ask ")
        } else {
            format!("只收录了{covered}的地方文件。其他地方的当地补贴请问 ")
        },
        phone,
        after: if english {
            " or the county HR office."
        } else {
            " 或县人社局。"
        },
    }
}

/// "会人社发〔2020〕38号 三（一），会泽县人社局，印发日期：原文未载明": the one source line
/// of a measure, on cards, in the CLI and on the plain page. The issue date only where
/// the text prints one; never an invented date.
pub fn source_line(d: &Document, clause: &str, english: bool) -> String {
    let issued = match d.issued {
        Some(x) => Word::Issued.fill(english, &[("date", &x.to_string())]),
        None => Word::IssuedNotStated.get(english).to_string(),
    };
    format!("{} {clause}，{}，{issued}", d.number, d.issuer)
}

/// The text without its counts of days left: "（还有 8 天）" and " (8 days left)" (the
/// wording of `policies/data/deadlines.toml` and `Deadline::by_when`). A scan over the
/// text rather than a pattern search, which would bring a searcher into the wasm.
pub fn without_day_counts(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(n) = day_count_len(rest) {
            rest = &rest[n..];
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The length of a day count at the start of `s`, if one is there.
fn day_count_len(s: &str) -> Option<usize> {
    for (open, close) in [("（还有 ", " 天）"), (" (", " days left)")] {
        if let Some(after) = s.strip_prefix(open) {
            let digits = after.bytes().take_while(|b| b.is_ascii_digit()).count();
            if digits > 0 && after[digits..].starts_with(close) {
                return Some(open.len() + digits + close.len());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn print_keeps_dates_and_drops_day_counts() {
        assert_eq!(
            without_day_counts("2027-11-10 前（还有 345 天）；单位应在 2026-12-10 前替你办"),
            "2027-11-10 前；单位应在 2026-12-10 前替你办"
        );
        assert_eq!(
            without_day_counts("by 2027-11-10 (345 days left)"),
            "by 2027-11-10"
        );
        // Not a count: kept as it is.
        assert_eq!(without_day_counts("（还有 几 天）"), "（还有 几 天）");
    }
}
