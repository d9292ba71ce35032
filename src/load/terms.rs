//! Defined terms (`policies/data/terms.toml`): a legal term as one document defines it —
//! 「就业困难人员」 as the Yunnan skills plan lists it, 「稳定就业3个月以上」 — written once,
//! with its clause and source lines, and referred to by every measure that uses it
//! (`{ term = "yn-hard-to-employ-2019" }` in a condition). The loader puts the term's
//! condition in place of the reference, so the engine sees an ordinary condition, and
//! keeps the term's plain name on the measure (`Measure::terms`) for the card.
//!
//! Why: the same `any = [...]` written into ten measures is how a fix reached one of
//! them and missed its siblings (audit 2026-12-06 row 1). So the loader refuses a term
//! defined twice (the same id, or the same document and clause), and a measure that
//! writes a term's condition out instead of naming it; and lint refuses one group of
//! people written out in two measures ([`shared_definitions`]). A term may name a term
//! defined above it.
//!
//! The file is embedded when this crate is built, like the policies themselves.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde::Deserialize;
use toml::Table;

use wugong::condition::Condition;
use wugong::fact::FactKind;
use wugong::policy::Document;

use super::value::{Key, SourceLines, Text};
use super::{from_table, LoadError, RawCondition};

/// Where the terms live, as shown in errors.
pub const FILE: &str = "policies/data/terms.toml";
const TEXT: &str = include_str!("../../policies/data/terms.toml");

/// One defined term, checked.
#[derive(Clone, Debug)]
pub struct Term {
    pub id: String,
    /// In plain words for the card: 「就业困难人员（按…认定）」.
    pub name: String,
    /// The policy file (its stem) whose clause defines the term.
    pub document: String,
    pub clause: String,
    /// Lines of that document's `source` that define it (checked by tests/source_lines.rs).
    pub source_lines: String,
    pub when: Condition,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerms {
    term: Vec<RawTerm>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    id: Key,
    name: Text,
    #[allow(dead_code)]
    name_en: Text,
    document: Key,
    clause: Text,
    source_lines: SourceLines,
    #[allow(dead_code)]
    note: Option<Text>,
    /// Figures in `when` that are our reading, not the text's (checked by
    /// tests/source_lines.rs; each measure naming the term says so in its reading).
    #[serde(default)]
    #[allow(dead_code)]
    reading_numbers: Vec<Text>,
    when: RawCondition,
}

/// The embedded terms, read once; an error names the terms file.
pub fn all() -> Result<&'static [Term], LoadError> {
    static TERMS: OnceLock<Result<Vec<Term>, LoadError>> = OnceLock::new();
    TERMS
        .get_or_init(|| parse(TEXT))
        .as_ref()
        .map(Vec::as_slice)
        .map_err(Clone::clone)
}

/// Reads a terms file (the embedded one, or a test's).
pub fn parse(text: &str) -> Result<Vec<Term>, LoadError> {
    let error = super::data_error(FILE, text);
    let table: Table = text.parse().map_err(|e: toml::de::Error| {
        error((String::new(), format!("not valid TOML: {}", e.message())))
    })?;
    let raw: RawTerms = from_table(table).map_err(error)?;
    let mut out: Vec<Term> = Vec::new();
    let (mut ids, mut clauses) = (BTreeSet::new(), BTreeSet::new());
    for (i, t) in raw.term.into_iter().enumerate() {
        let at = format!("term[{i}]");
        if !ids.insert(t.id.0.clone()) {
            return Err(error((
                format!("{at}.id"),
                format!("term '{}' is defined twice", t.id.0),
            )));
        }
        // One clause defines a term once: a second definition of the same clause is the
        // drift this file exists to stop.
        if !clauses.insert((t.document.0.clone(), t.clause.0.clone())) {
            return Err(error((
                format!("{at}.clause"),
                format!(
                    "{} {} already defines a term: refer to it instead of defining it again",
                    t.document.0, t.clause.0
                ),
            )));
        }
        // A term may name a term defined above it (云南2020年的范围 = 2019年的范围 + 两类人),
        // so the earlier definition is not written out again.
        let earlier = super::convert::Terms::new(&out);
        let when = super::convert::condition(t.when, &format!("{at}.when"), Some(&earlier))
            .map_err(error)?;
        out.push(Term {
            id: t.id.0,
            name: t.name.0,
            document: t.document.0,
            clause: t.clause.0,
            source_lines: t.source_lines.0,
            when,
        });
    }
    Ok(out)
}

/// How many fact tests a condition writes out itself: not region tests (they come from
/// the document and `place`) and not those of a defined term it names.
fn tests(c: &Condition, terms: &[Term]) -> usize {
    if terms.iter().any(|t| t.when == *c) {
        return 0;
    }
    match c {
        Condition::All(v) | Condition::Any(v) => v.iter().map(|x| tests(x, terms)).sum(),
        Condition::Not(inner) => tests(inner, terms),
        Condition::Test(t) => usize::from(!matches!(t.fact.kind(), FactKind::Region)),
        Condition::Always | Condition::Employer(_) | Condition::Until(_) => 0,
    }
}

/// Whether `part` is `whole` or lies inside it.
fn within(part: &Condition, whole: &Condition) -> bool {
    part == whole
        || match whole {
            Condition::All(v) | Condition::Any(v) => v.iter().any(|c| within(part, c)),
            Condition::Not(inner) => within(part, inner),
            _ => false,
        }
}

/// The compound parts of a condition (every `all` and `any`, nested ones included).
fn compounds<'c>(c: &'c Condition, out: &mut Vec<&'c Condition>) {
    match c {
        Condition::All(v) | Condition::Any(v) => {
            out.push(c);
            v.iter().for_each(|x| compounds(x, out));
        }
        Condition::Not(inner) => compounds(inner, out),
        _ => {}
    }
}

/// A group of people large enough to be a definition (at least this many fact tests).
pub const DEFINITION_TESTS: usize = 4;

/// Across all measures: the same group of people (an `all` or `any` of at least
/// [`DEFINITION_TESTS`] fact tests) written out in two measures, when it is not a defined
/// term or part of one, is refused. Two measures citing one clause must not each define
/// it: the next fix would reach one copy and miss the other (audit 2026-12-06 row 1).
/// Returns (file, field, message) for the second copy.
pub fn shared_definitions(
    docs: &[Document],
    terms: &[Term],
) -> Result<(), (String, String, String)> {
    let mut seen: Vec<(&Condition, &str)> = Vec::new();
    for doc in docs {
        for (i, m) in doc.measures.iter().enumerate() {
            let mut parts = Vec::new();
            compounds(&m.when, &mut parts);
            let mut mine: Vec<&Condition> = Vec::new();
            for part in parts {
                if tests(part, terms) < DEFINITION_TESTS
                    || terms.iter().any(|t| within(part, &t.when))
                    || mine.contains(&part)
                {
                    continue;
                }
                mine.push(part);
                if let Some((_, other)) = seen.iter().find(|(c, id)| *c == part && *id != m.id) {
                    return Err((
                        format!("policies/{}.toml", doc.id),
                        format!("measure[{i}] ({}).when", m.id),
                        format!(
                            "this group of people is also written out in {other}: define it once in {FILE} and name it in both ({{ term = \"…\" }})"
                        ),
                    ));
                }
                seen.push((part, &m.id));
            }
        }
    }
    Ok(())
}
