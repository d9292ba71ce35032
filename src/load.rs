//! Reading `policies/*.toml` into checked [`Document`]s. Every mistake is reported with
//! the file and the field path, e.g.
//! `policies/yn-2021-49.toml: measure[2] (yn-2021-49-transport).when.all[1].fact: unknown fact 'stabel_months'`.
//!
//! Two steps. First serde reads the file into the raw structs below, which mirror the TOML
//! (`deny_unknown_fields`, money as text, names as text) and check each value on its own;
//! `serde_path_to_error` gives the field path of the first problem (single values are
//! checked in `load/value.rs`). Then `load/convert.rs` turns
//! the raw structs into the core's types, with the checks that need more than one value
//! (a check fits its fact, dates in order, ids unique) and paths built as it goes.
//!
//! Why mirrors here rather than serde derives in the core crate: the core is all the
//! phone links, and the file's shape is not the engine's (`valid_until = "none stated"`,
//! a condition as a table with one of five keys, `at_least` meaning a count or money by
//! the fact). The names come from the core's one table per enum (`wugong::tags`).

use std::fmt;

use serde::Deserialize;
use toml::{Table, Value as Toml};

use wugong::amount::Frequency;
use wugong::policy::{Audience, Document, Kind};

mod convert;
mod tables;
pub mod terms;
mod value;

pub use tables::{tables, tables_in};

pub(crate) use value::{ByName, Text, TomlDate};
use value::{Count, FactName, Figure, Key, Percent, RegionCode, SourceLines, TomlMoney, Until};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    pub file: String,
    pub field: String,
    pub message: String,
    /// Where in the file (line, column, from 1): exact for a TOML syntax error; for a
    /// field, the line where that field (or its measure) is written.
    pub at: Option<(usize, usize)>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some((line, column)) = self.at {
            write!(f, ":{line}:{column}")?;
        }
        if self.field.is_empty() {
            write!(f, ": {}", self.message)
        } else {
            write!(f, ": {}: {}", self.field, self.message)
        }
    }
}

impl std::error::Error for LoadError {}

/// A problem found while converting: the field path and what is wrong.
pub(crate) type Bad = (String, String);
type R<T> = Result<T, Bad>;

// ------------------------------------------------------------ the file's shape

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    document: RawDocument,
    #[serde(default)]
    measure: Vec<RawMeasure>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocument {
    number: Text,
    title: Text,
    issuer: Text,
    region: RegionCode,
    issued: Option<TomlDate>,
    valid_from: Option<TomlDate>,
    valid_until: Until,
    /// For workers: the validity in plain words.
    validity_note: Option<Text>,
    /// A law or regulation: in force until repealed, never "ask first"
    /// (`policies/data/currency.toml`).
    #[serde(default)]
    standing: bool,
    /// For maintainers: how the dates were read. Not in the rules file.
    note: Option<Text>,
    source: Text,
    checked: TomlDate,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeasure {
    id: Key,
    kind: ByName<Kind>,
    audience: ByName<Audience>,
    title: Text,
    title_en: Text,
    summary: Text,
    summary_en: Option<Text>,
    clause: Text,
    when: RawCondition,
    /// The answers that show it is already done: then it is no action.
    done_when: Option<RawCondition>,
    /// Which region the document's region is tested on (issue 16): `["business"]`, or
    /// several for "any of them", e.g. `["home", "insurance"]`. Left out: the home region.
    place: Option<Vec<Key>>,
    amount: Option<RawAmount>,
    frequency: Option<ByName<Frequency>>,
    apply_where: Text,
    apply_how: Text,
    #[serde(default)]
    materials: Vec<Text>,
    note: Option<Text>,
    source_lines: Option<SourceLines>,
    reading: Option<RawReading>,
    benefit: Option<Key>,
    valid_from: Option<TomlDate>,
    valid_until: Option<TomlDate>,
    #[serde(default)]
    deadlines: Vec<Text>,
    #[serde(default)]
    phones: Vec<RawPhone>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReading {
    text: Text,
    #[serde(default)]
    numbers: Vec<Figure>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPhone {
    number: Text,
    dial: Option<Text>,
    note: Option<Text>,
}

/// A condition: exactly one of `always`, `all`, `any`, `not`, `fact` (with one check),
/// `depends_on_employer` or `term` (a defined term, `load/terms.rs`).
/// The checks' values stay TOML until the fact says what they are.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCondition {
    term: Option<Key>,
    always: Option<Toml>,
    all: Option<Vec<RawCondition>>,
    any: Option<Vec<RawCondition>>,
    not: Option<Box<RawCondition>>,
    fact: Option<FactName>,
    /// Something only the employer knows, with `en` its English.
    depends_on_employer: Option<Text>,
    en: Option<Text>,
    is: Option<Toml>,
    #[serde(rename = "in")]
    one_of: Option<Toml>,
    within: Option<Toml>,
    at_least: Option<Toml>,
    at_most: Option<Toml>,
    on_or_after: Option<Toml>,
    on_or_before: Option<Toml>,
    /// A dated branch: met on the day checked up to this date (`Condition::Until`).
    until: Option<TomlDate>,
}

/// An amount: exactly one rule (`cap` goes with `per_day`, `max_months` with
/// `percent_of_wage`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAmount {
    fixed: Option<TomlMoney>,
    up_to: Option<TomlMoney>,
    at_least: Option<TomlMoney>,
    between: Option<Vec<TomlMoney>>,
    ticket_up_to: Option<TomlMoney>,
    per_day: Option<Vec<RawTier>>,
    cap: Option<TomlMoney>,
    percent_of_wage: Option<Percent>,
    max_months: Option<Count>,
    loan_up_to: Option<TomlMoney>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTier {
    through_day: Option<Count>,
    rate: TomlMoney,
}

// ------------------------------------------------------------ reading

/// The `*.toml` files directly in a folder, in name order (so results are stable).
pub fn toml_files(dir: &std::path::Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    Ok(paths)
}

/// Reads and checks every `*.toml` in a folder, in name order. Errors name the file.
pub fn documents_in(dir: &std::path::Path) -> Result<Vec<Document>, LoadError> {
    // The file that could not be read, not its folder.
    fn io(path: &std::path::Path) -> impl Fn(std::io::Error) -> LoadError + '_ {
        move |e| LoadError {
            file: path.display().to_string(),
            field: String::new(),
            message: e.to_string(),
            at: None,
        }
    }
    let paths = toml_files(dir).map_err(io(dir))?;
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).map_err(io(p))?;
            document(&p.display().to_string(), &text)
        })
        .collect()
}

/// Line and column (from 1; the column in characters) of a byte offset in `source`.
pub(crate) fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let before = source.get(..offset).unwrap_or(source);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// Where a field path (`measure[2].when.all[0].fact`, `document.issued`) is written: the
/// first line inside its measure (or the `[document]` table) that sets or opens its last
/// key, else the line of the measure's `[[measure]]` header. A reader's guide, not a
/// parser: good for the files as people write them (one key a line).
pub(crate) fn locate(source: &str, field: &str) -> Option<(usize, usize)> {
    let (section, start) = match measure_index(field) {
        Some((i, _)) => {
            let mut headers = source.match_indices("[[measure]]").filter(|(at, _)| {
                source[..*at]
                    .rsplit('\n')
                    .next()
                    .is_some_and(|l| l.trim().is_empty())
            });
            ("[[measure]]", headers.nth(i)?.0)
        }
        None if field.starts_with("document") => ("[document]", source.find("[document]")?),
        None => return None,
    };
    let end = source[start + section.len()..]
        .find("\n[[measure]]")
        .map_or(source.len(), |e| start + section.len() + e);
    let key = field
        .rsplit(|c: char| c == '.' || c == '[')
        .find(|k| !k.is_empty() && !k.ends_with(']') && !k.starts_with('('))
        .unwrap_or_default();
    let mut offset = start;
    for line in source[start..end].split_inclusive('\n') {
        let t = line.trim_start();
        let sets = t
            .strip_prefix(key)
            .is_some_and(|r| r.trim_start().starts_with('='));
        let opens = t.starts_with('[')
            && t.trim_end()
                .trim_end_matches(']')
                .ends_with(&format!(".{key}"));
        if !key.is_empty() && (sets || opens) {
            return Some(line_col(source, offset + line.len() - t.len()));
        }
        offset += line.len();
    }
    Some(line_col(source, start))
}

/// serde's field path as this crate writes it: `measure[0].when.all[1].fact`.
pub(crate) fn path_text(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Unknown => {}
        }
    }
    out
}

/// Reads `T` from a TOML table; an error is (field path, message). serde's "missing
/// field `x`" is reported at `x` as "is missing".
pub(crate) fn from_table<T: serde::de::DeserializeOwned>(table: Table) -> Result<T, Bad> {
    serde_path_to_error::deserialize(Toml::Table(table)).map_err(|e| {
        let mut path = path_text(e.path());
        let message = e.inner().message().to_string();
        match message
            .strip_prefix("missing field `")
            .and_then(|m| m.strip_suffix('`'))
        {
            Some(field) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(field);
                (path, "is missing".to_string())
            }
            None => (path, message),
        }
    })
}

/// The errors of a data file (`policies/data/…`): its name, the field, and the line and
/// column of that field in `text`.
pub(crate) fn data_error<'t>(
    file: &'t str,
    text: &'t str,
) -> impl Fn(Bad) -> LoadError + Copy + 't {
    move |(field, message): Bad| LoadError {
        file: file.to_string(),
        at: locate(text, &field),
        field,
        message,
    }
}

/// Reads one policy file. `file` is the path shown in errors; the document id is its stem.
pub fn document(file: &str, source: &str) -> Result<Document, LoadError> {
    let error = |(field, message): Bad| LoadError {
        file: file.to_string(),
        at: locate(source, &field),
        field,
        message,
    };
    let table: Table = source.parse().map_err(|e: toml::de::Error| LoadError {
        file: file.to_string(),
        field: String::new(),
        message: format!("not valid TOML: {}", e.message().trim_end()),
        at: e.span().map(|s| line_col(source, s.start)),
    })?;
    // Each measure's id, to name the measure in errors so a reader can find it.
    let ids: Vec<Option<String>> = match table.get("measure") {
        Some(Toml::Array(items)) => items
            .iter()
            .map(|m| m.get("id").and_then(Toml::as_str).map(str::to_string))
            .collect(),
        _ => vec![],
    };
    let name_measure = |(field, message): Bad| {
        let field = match measure_index(&field) {
            // Not for the id itself (a bad or duplicate id names its index only).
            Some((i, rest)) if rest != ".id" => match ids.get(i).cloned().flatten() {
                Some(id) => format!("measure[{i}] ({id}){rest}"),
                None => field,
            },
            _ => field,
        };
        error((field, message))
    };
    let raw: RawFile = from_table(table).map_err(name_measure)?;
    let id = file
        .rsplit('/')
        .next()
        .unwrap_or(file)
        .trim_end_matches(".toml")
        .to_string();
    let terms = terms::all()?;
    convert::convert(id, raw, terms).map_err(name_measure)
}

/// `measure[3].when` → (3, ".when").
fn measure_index(field: &str) -> Option<(usize, &str)> {
    let rest = field.strip_prefix("measure[")?;
    let close = rest.find(']')?;
    Some((rest[..close].parse().ok()?, &rest[close + 1..]))
}
