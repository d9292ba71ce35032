//! Policies as data: a `Document` per source text, each holding `Measure`s.
//! The TOML files in `policies/` are read into these types by the tools crate's loader (`src/load.rs`).

use serde::{Deserialize, Serialize};

use crate::amount::{AmountRule, Frequency};
use crate::condition::Condition;
use crate::date::Date;
use crate::deadline::DeadlineKind;

/// One source document (a notice, a plan, a law), as published.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The policy file's name without `.toml`, e.g. `yn-rsht-2021-49`.
    pub id: String,
    /// Document number, e.g. 云人社通〔2021〕49号, or the law's name for statutes.
    pub number: String,
    pub title: String,
    pub issuer: String,
    /// Region code the document governs (`53`, `530326`, `1409`) or `national`.
    pub region: String,
    pub issued: Date,
    pub valid_from: Date,
    /// `None` when the document states no end.
    pub valid_until: Option<Date>,
    pub validity_note: Option<String>,
    /// Where in `shared/seeds/` (or `shared/facts/`) the text is.
    pub source: String,
    /// When this file was last checked against its source.
    pub checked: Date,
    pub measures: Vec<Measure>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Money paid to someone.
    Subsidy,
    /// Free help: training, job placement, loans with guarantees, registration.
    Service,
    /// A right the law or a document gives.
    Protection,
    /// Somewhere to complain or ask for help.
    Channel,
}

impl Kind {
    /// Order within a group of results: money first, then help, rights, contacts.
    pub fn display_order(self) -> u8 {
        match self {
            Kind::Subsidy => 0,
            Kind::Service => 1,
            Kind::Protection => 2,
            Kind::Channel => 3,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Worker,
    /// An employer, labour broker or training provider gets it ("your employer can get…").
    Employer,
}

/// A phone line to call. `dial` is what a mobile phone should dial.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Phone {
    pub number: String,
    pub dial: String,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    /// A cautious reading of an ambiguous text, or a difference from current law.
    pub note: Option<String>,
    /// Overrides of the document's validity for this measure alone.
    pub valid_from: Option<Date>,
    pub valid_until: Option<Date>,
    pub deadlines: Vec<DeadlineKind>,
    pub phones: Vec<Phone>,
}

impl Measure {
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
