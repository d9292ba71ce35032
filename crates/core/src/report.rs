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

/// Everything the result page says, in the order it says it.
#[derive(Clone, Debug)]
pub struct Report<'a> {
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
    pub calls: Vec<&'a Phone>,
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
        let mut calls: Vec<&'a Phone> = Vec::new();
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
            let measure: &'a crate::policy::Measure = o.measure;
            if let Some(p) = measure.phones.first() {
                if !calls.iter().any(|c| c.dial == p.dial) {
                    calls.push(p);
                }
            }
        }
        Report {
            english,
            told: Deadline::told(answers, as_of, english),
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
            .and_then(|h| self.eval.outcomes[h].measure.phones.first())
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
        before: if english {
            format!("Only local subsidies of {covered} are included. Yours are not — call ")
        } else {
            format!("这里只收录了{covered}的地方补贴。你户口所在地的补贴没有收录——当地补贴请问 ")
        },
        phone,
        after: if english {
            " or ask the county HR office. Below are the protections and channels that apply everywhere."
        } else {
            " 或县人社局。下面是全国都适用的权益和求助渠道。"
        },
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
    let issued = match (d.issued, english) {
        (Some(x), false) => format!("印发日期：{x}"),
        (Some(x), true) => format!("issued {x}"),
        (None, false) => "印发日期：原文未载明".to_string(),
        (None, true) => "issue date not stated in the text".to_string(),
    };
    format!("{} {clause}，{}，{issued}", d.number, d.issuer)
}
