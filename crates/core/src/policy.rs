//! Policies as data: a `Document` per source text, each holding `Measure`s.
//! The TOML files in `policies/` are read into these types by the tools crate's loader (`src/load.rs`).

use crate::amount::{AmountRule, Frequency};
use crate::condition::Condition;
use crate::date::Date;

/// One source document (a notice, a plan, a law), as published.
///
/// Worker text and maintainer text: every text field reaches workers through the rules
/// file except `note` and `source` here and a measure's `note` and `source_lines`,
/// which are for maintainers and never written to it (`tests/worker_text.rs` checks
/// that no maintainer wording or file reference does).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Document {
    /// The policy file's name without `.toml`, e.g. `yn-rsht-2021-49`.
    pub id: String,
    /// Document number, e.g. 云人社通〔2021〕49号, or the law's name for statutes.
    pub number: String,
    pub title: String,
    pub issuer: String,
    /// Region code the document governs (`53`, `530326`, `1409`) or `national`.
    pub region: String,
    /// The date the text gives as its issue date; `None` when the text prints none
    /// (never invented: shown as "原文未载明").
    pub issued: Option<Date>,
    /// Required in the file when `issued` is absent; defaults to `issued` otherwise.
    pub valid_from: Date,
    /// `None` when the document states no end.
    pub valid_until: Option<Date>,
    /// For workers: the document's validity in plain words ("文件写明有效期到2021年12月31日。").
    pub validity_note: Option<String>,
    /// From this day a document that states no end is no longer presented as current:
    /// its programmes go to "先问问还在不在办". Set by the loader from
    /// `policies/data/currency.toml` (years after it took effect); `None` for a document
    /// with a stated end and for a standing law (a statute stays until repealed).
    pub ask_first_from: Option<Date>,
    /// For maintainers only: how the dates were read, what was not verified. Not in the
    /// rules file.
    pub note: Option<String>,
    /// For maintainers only: where in `shared/seeds/` (or `shared/facts/`) the text is.
    /// Not in the rules file.
    pub source: String,
    /// When this file was last checked against its source.
    pub checked: Date,
    pub measures: Vec<Measure>,
}

impl Document {
    /// A test document around `measures`: in `region` from `valid_from`, no end, the
    /// texts placeholders (see [`Measure::bare`]).
    pub fn bare(region: &str, valid_from: Date, measures: Vec<Measure>) -> Document {
        Document {
            id: "test".into(),
            number: "测试".into(),
            title: "测试".into(),
            issuer: "测试".into(),
            region: region.into(),
            issued: Some(valid_from),
            valid_from,
            valid_until: None,
            validity_note: None,
            ask_first_from: None,
            note: None,
            source: "test".into(),
            checked: valid_from,
            measures,
        }
    }
}

/// Names and tags: the `named!` table at the end of this file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Money paid to someone.
    Subsidy,
    /// Free help: training, job placement, loans with guarantees, registration.
    Service,
    /// A right the law or a document gives.
    Protection,
    /// Somewhere to complain or ask for help.
    Channel,
    /// A reminder or advice ("找工作走正规渠道"): nothing to apply for.
    Advice,
}

impl Kind {
    /// Order within a group of results: money first, then help, rights, contacts.
    pub fn display_order(self) -> u8 {
        match self {
            Kind::Subsidy => 0,
            Kind::Service => 1,
            Kind::Protection => 2,
            Kind::Channel => 3,
            Kind::Advice => 4,
        }
    }
}

/// Names and tags: the `named!` table at the end of this file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Audience {
    Worker,
    /// An employer, labour broker or training provider gets it ("your employer can get…").
    Employer,
}

/// A phone line to call. `dial` is what a mobile phone should dial.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Phone {
    pub number: String,
    pub dial: String,
    pub note: Option<String>,
}

impl Phone {
    /// The number as a mobile dials it for the office of `region` (a GB/T 2260 code):
    /// a local number such as 12333 is dialled with the region's area code (0874-12333),
    /// with a note naming the place; any other number, or a region with no area code listed, is
    /// left as it is (its note keeps 「区号-12333」).
    pub fn local(&self, region: Option<&str>) -> Phone {
        let area = region
            .filter(|_| crate::region::needs_area_code(&self.dial))
            .and_then(|r| Some((r, crate::region::area_code(r)?)));
        let Some((region, area)) = area else {
            return self.clone();
        };
        // 「曲靖市的」, or nothing while the names below province level are on their way.
        let place = crate::region::find_or_parent(region.get(..4).unwrap_or(region))
            .filter(|r| r.named())
            .map_or(String::new(), |r| format!("{}的", r.name()));
        // The button keeps the short number (a wider one pushes the first action below
        // the fold in the largest text); the phone's dialler shows what it dials.
        Phone {
            number: self.number.clone(),
            note: Some(format!(
                "{place}{}，手机要加区号{area}，已经加好；问别的地方，换成那里的区号",
                self.number
            )),
            dial: format!("{area}-{}", self.dial),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Measure {
    /// Stable id, unique across all documents.
    pub id: String,
    pub kind: Kind,
    pub audience: Audience,
    pub title: String,
    pub title_en: String,
    pub summary: String,
    pub summary_en: Option<String>,
    /// The clause cited, e.g. 第四条 or （四）.
    pub clause: String,
    pub when: Condition,
    pub amount: Option<AmountRule>,
    pub frequency: Option<Frequency>,
    pub apply_where: String,
    pub apply_how: String,
    pub materials: Vec<String>,
    /// For maintainers only: a cautious reading of an ambiguous text, or a difference from
    /// current law. Not written to the rules file, so the widget never shows it.
    pub note: Option<String>,
    /// Lines of the document's `source` seed file that set the amount and conditions,
    /// e.g. `212-215, 230`. For maintainers and the source-lines test; not in the rules file.
    pub source_lines: Option<String>,
    /// Our interpretation where the text alone does not settle the rule; shown to workers.
    pub reading: Option<Reading>,
    /// Measures (from any documents) that are the same thing a worker can get share this
    /// key, e.g. `outwork-transport`; the result page shows them as one card.
    pub benefit: Option<String>,
    /// When the answers show the worker has already done this (registered as
    /// unemployed, already on the post), it is not put to her as a thing to do.
    pub done_when: Option<Condition>,
    /// Overrides of the document's validity for this measure alone.
    pub valid_from: Option<Date>,
    pub valid_until: Option<Date>,
    /// Ids of `policies/data/deadlines.toml` ([`crate::Catalogue::deadlines`]).
    pub deadlines: Vec<String>,
    pub phones: Vec<Phone>,
    /// The defined terms its condition uses (`policies/data/terms.toml`), each by its
    /// plain name, 「就业困难人员（按…认定）」: the card names each once.
    pub terms: Vec<String>,
}

/// Our reading of a measure: `text` is shown on its card ("我们的理解：…"); `numbers` are
/// the figures in its amount and conditions that come from this reading rather than from
/// the source lines.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Reading {
    pub text: String,
    pub numbers: Vec<String>,
}

impl Measure {
    /// How many problem boxes (the "遇到什么问题" screen) its condition names: one is a
    /// specific channel, five is a general one, none is the general hotline.
    pub fn problems_named(&self) -> usize {
        use crate::fact::{Fact, Question};
        Fact::ALL
            .iter()
            .filter(|f| f.question() == Question::Problems && self.when.mentions(**f))
            .count()
    }

    /// A measure with only what a rule needs (id, kind, audience, condition) and every
    /// text empty: for tests that exercise the rules, not the wording. Set other fields
    /// with `Measure { amount: …, ..Measure::bare(…) }`.
    pub fn bare(id: &str, kind: Kind, audience: Audience, when: Condition) -> Measure {
        Measure {
            id: id.into(),
            kind,
            audience,
            title: id.into(),
            title_en: id.into(),
            summary: String::new(),
            summary_en: None,
            clause: "一".into(),
            when,
            amount: None,
            frequency: None,
            apply_where: String::new(),
            apply_how: String::new(),
            materials: vec![],
            note: None,
            source_lines: None,
            reading: None,
            benefit: None,
            done_when: None,
            valid_from: None,
            valid_until: None,
            deadlines: vec![],
            phones: vec![],
            terms: Vec::new(),
        }
    }

    /// The defined terms its condition uses, each named once in plain words for the
    /// card: 「这里说的：就业困难人员（按…）」; `None` when it names none.
    pub fn terms_line(&self, english: bool) -> Option<String> {
        let label = if english {
            "Terms as used here (in Chinese): "
        } else {
            "这里说的："
        };
        (!self.terms.is_empty()).then(|| format!("{label}{}", self.terms.join("；")))
    }

    /// The measure's period: its own dates, else the document's.
    pub fn period(&self, doc: &Document) -> (Date, Option<Date>) {
        let from = self.valid_from.unwrap_or(doc.valid_from);
        let until = match self.valid_until {
            Some(d) => Some(d),
            None => doc.valid_until,
        };
        (from, until)
    }
}

// Names and tags (`tags::Named`).

crate::tags::named!(Kind {
    Subsidy = 0, "subsidy";
    Service = 1, "service";
    Protection = 2, "protection";
    Channel = 3, "channel";
    Advice = 4, "advice";
});

crate::tags::named!(Audience {
    Worker = 0, "worker";
    Employer = 1, "employer";
});
