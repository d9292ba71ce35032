//! All documents together, checked as a whole (ids unique across files), with the
//! tables of `policies/data/` that speak across documents: the statutory deadlines, the
//! implications between the documents' terms and the warnings. All of it travels in
//! the rules file; none is compiled into the wasm.

use crate::condition::{Check, Condition, Test};
use crate::date::Date;
use crate::deadline::DeadlineSpec;
use crate::fact::Fact;
use crate::policy::{Document, Measure};
use crate::region::NATIONAL;

#[derive(Clone, Debug)]
pub struct Catalogue {
    pub documents: Vec<Document>,
    /// `policies/data/deadlines.toml`, in file order (the order they are told).
    pub deadlines: Vec<DeadlineSpec>,
    /// `policies/data/implications.toml`.
    pub implications: Vec<Implication>,
    /// `policies/data/warnings.toml`.
    pub warnings: Vec<Warning>,
}

/// The tables of `policies/data/` that the rules file carries beside the documents.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tables {
    pub deadlines: Vec<DeadlineSpec>,
    pub implications: Vec<Implication>,
    pub warnings: Vec<Warning>,
    /// `policies/data/questions.toml`: the words of the question screens asked after
    /// the rules have arrived (every one but the home region's, which the first screen
    /// carries). The widget keeps them apart from the catalogue (`www/src/rules_file.rs`).
    pub questions: Vec<QuestionText>,
    /// `policies/data/area_codes.toml`: (prefecture, 区号) and the local numbers a mobile
    /// dials after one. Natively the core has them built in; the widget's wasm gives
    /// these to `region::set_area_codes`.
    pub area_codes: Vec<(String, String)>,
    pub local_numbers: Vec<String>,
    /// `policies/data/facts.toml`: the facts' and their options' labels, in the order of
    /// `words::label_keys`. Natively the core has them built in; the widget's wasm gives
    /// them to `labels::set` (the English from the English file, ids `f<place>`:
    /// [`label_english_id`]).
    pub labels: Vec<crate::deadline::Words>,
}

/// The id of a label's English words in the English file (`place`: in
/// `words::label_keys`).
pub fn label_english_id(place: usize) -> String {
    format!("f{place}")
}

/// A question screen's words: the question and a short hint ("" for none), in Chinese
/// and English. The rules file carries the Chinese; the English go in the English file
/// (id `q<screen number>`), fetched only for English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionText {
    pub question: crate::fact::Question,
    pub zh: String,
    pub hint: String,
    pub en: String,
    pub hint_en: String,
}

impl QuestionText {
    /// The id of its English words in the English file.
    pub fn english_id(q: crate::fact::Question) -> String {
        format!("q{}", q as usize)
    }
}

/// A problem across files (the per-file problems come from the tools crate's loader).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogueError {
    pub file: String,
    pub field: String,
    pub message: String,
}

/// For the measures of `documents`, `when = true` counts as `then = true`. Both facts
/// are yes/no (the loader checks).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Implication {
    pub when: Fact,
    pub then: Fact,
    pub documents: Vec<String>,
}

/// A measure shown as a warning when the worker does not meet it while wanting what it
/// is about (`wants` is yes or not answered).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub measure: String,
    pub wants: Fact,
}

impl std::fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.field, self.message)
    }
}

impl std::error::Error for CatalogueError {}

impl Catalogue {
    /// Takes checked documents. A local document's region becomes the first condition of
    /// each of its measures, so "why" and "what is missing" mention it like any other —
    /// as a test of the home region, unless the measure has a place test of its own
    /// (work, business or insurance region, alone or with the home region:
    /// [`Condition::place_test`]), which the loader has checked lies within the
    /// document's region.
    pub fn new(documents: Vec<Document>) -> Result<Catalogue, CatalogueError> {
        Catalogue::with_tables(documents, Tables::default())
    }

    /// The documents with the tables of `policies/data/`. The names the tables and the
    /// measures use are checked by the tools when they write the rules file
    /// (`selfcheck::checked`), not here in the wasm: a deadline, measure or document
    /// named but not there is simply never used.
    pub fn with_tables(
        mut documents: Vec<Document>,
        tables: Tables,
    ) -> Result<Catalogue, CatalogueError> {
        // (measure id, document id); a list, not a map, to keep B-trees out of the wasm.
        let mut seen: Vec<(&str, &str)> = Vec::new();
        for doc in &documents {
            for (i, m) in doc.measures.iter().enumerate() {
                if let Some((_, other)) = seen.iter().find(|(id, _)| *id == m.id) {
                    return Err(CatalogueError {
                        file: format!("policies/{}.toml", doc.id),
                        field: format!("measure[{i}].id"),
                        message: format!("duplicate id '{}' (also in policies/{other}.toml)", m.id),
                    });
                }
                seen.push((&m.id, &doc.id));
            }
        }
        for doc in &mut documents {
            if doc.region == NATIONAL {
                continue;
            }
            let region_test = Condition::Test(Test {
                fact: Fact::HomeRegion,
                check: Check::Within(vec![doc.region.clone()]),
            });
            for m in &mut doc.measures {
                if m.when.place_test().is_some() {
                    continue;
                }
                let rest = std::mem::replace(&mut m.when, Condition::Always);
                m.when = match rest {
                    Condition::Always => region_test.clone(),
                    Condition::All(mut cs) => {
                        cs.insert(0, region_test.clone());
                        Condition::All(cs)
                    }
                    other => Condition::All(vec![region_test.clone(), other]),
                };
            }
        }
        Ok(Catalogue {
            documents,
            deadlines: tables.deadlines,
            implications: tables.implications,
            warnings: tables.warnings,
        })
    }

    pub fn measures(&self) -> impl Iterator<Item = (&Document, &Measure)> {
        self.documents
            .iter()
            .flat_map(|d| d.measures.iter().map(move |m| (d, m)))
    }

    /// The deadline of `policies/data/deadlines.toml` with this id.
    pub fn deadline(&self, id: &str) -> Option<&DeadlineSpec> {
        self.deadlines.iter().find(|d| d.id == id)
    }

    /// The newest date any policy file was checked: "rules updated on …".
    pub fn data_date(&self) -> Option<Date> {
        self.documents.iter().map(|d| d.checked).max()
    }
}
