//! # selfcheck — the native tools around the 务工自查 engine
//!
//! The engine itself is the core crate `wugong` (`crates/core/`), which is all the
//! phone's wasm links. This crate holds what only runs on a developer's machine or in
//! the web build: the TOML loader for `policies/` ([`load`]), the answers-file reader
//! ([`answers_file`]), the rules-file writer
//! ([`pack`]), persona cases ([`cases`]), the plain fallback page ([`static_page`]) and
//! the `selfcheck` CLI (`src/bin/selfcheck.rs`). Keeping them here lets the compiler
//! keep the TOML parser and serde_json out of the wasm.

pub mod answers_file;
pub mod cases;
pub mod load;
pub mod pack;
pub mod static_page;

use std::path::Path;

use load::LoadError;
use wugong::catalogue::{CatalogueError, Tables};
use wugong::policy::Document;
use wugong::Catalogue;

include!(concat!(env!("OUT_DIR"), "/policy_files.rs"));

fn across_files(e: CatalogueError) -> LoadError {
    LoadError {
        file: e.file,
        field: e.field,
        message: e.message,
        at: None,
    }
}

/// Reads and checks `(path, text)` pairs of policy files, with the tables of
/// `policies/data/` built into this binary. The files may be a few of `policies/`: a
/// warning or implication naming a measure or document not among them is left alone.
pub fn catalogue_from_files(files: &[(&str, &str)]) -> Result<Catalogue, LoadError> {
    let docs = files
        .iter()
        .map(|(path, text)| load::document(path, text))
        .collect::<Result<Vec<_>, _>>()?;
    checked(docs, embedded_tables()?)
}

/// The tables of `policies/data/` built into this binary.
pub fn embedded_tables() -> Result<Tables, LoadError> {
    let [deadlines, implications, warnings, questions] = DATA_FILES;
    load::tables(deadlines, implications, warnings, questions)
}

/// The policies built into this binary from `policies/`.
pub fn embedded() -> Result<Catalogue, LoadError> {
    let catalogue = catalogue_from_files(POLICY_FILES)?;
    names_resolve(&catalogue)?;
    Ok(catalogue)
}

/// Reads every `*.toml` in a folder and its `data/` tables (for `selfcheck lint` on
/// edited files).
pub fn catalogue_from_dir(dir: &Path) -> Result<Catalogue, LoadError> {
    let catalogue = checked(load::documents_in(dir)?, load::tables_in(dir)?)?;
    names_resolve(&catalogue)?;
    Ok(catalogue)
}

/// For the whole of `policies/`: every measure a warning names and every document an
/// implication names is there.
pub fn names_resolve(catalogue: &Catalogue) -> Result<(), LoadError> {
    let error = |file: &str, field: String, message: String| LoadError {
        file: format!("policies/data/{file}"),
        field,
        message,
        at: None,
    };
    for (i, w) in catalogue.warnings.iter().enumerate() {
        if !catalogue.measures().any(|(_, m)| m.id == w.measure) {
            let m = format!("no measure '{}' in policies/", w.measure);
            return Err(error("warnings.toml", format!("warning[{i}].measure"), m));
        }
    }
    for (i, imp) in catalogue.implications.iter().enumerate() {
        for (j, id) in imp.documents.iter().enumerate() {
            if !catalogue.documents.iter().any(|d| d.id == *id) {
                let m = format!("no document '{id}' in policies/");
                let field = format!("implication[{i}].documents[{j}]");
                return Err(error("implications.toml", field, m));
            }
        }
    }
    Ok(())
}

/// The catalogue, with the checks across files: ids, the names the tables use, and
/// every number a deadline calls dialled by a measure (a hotline of the policies).
pub fn checked(docs: Vec<Document>, tables: Tables) -> Result<Catalogue, LoadError> {
    let error = |file: String, field: String, message: String| LoadError {
        file,
        field,
        message,
        at: None,
    };
    let data = || "policies/data/deadlines.toml".to_string();
    for (i, d) in tables.deadlines.iter().enumerate() {
        if tables.deadlines[..i].iter().any(|o| o.id == d.id) {
            let m = format!("deadline '{}' listed twice", d.id);
            return Err(error(data(), format!("deadline[{i}].id"), m));
        }
        for (j, other) in d.once_passed_drop.iter().enumerate() {
            if !tables.deadlines.iter().any(|o| o.id == *other) {
                let field = format!("deadline[{i}].once_passed_drop[{j}]");
                return Err(error(data(), field, format!("no deadline '{other}'")));
            }
        }
    }
    for doc in &docs {
        for (i, m) in doc.measures.iter().enumerate() {
            for (j, id) in m.deadlines.iter().enumerate() {
                if !tables.deadlines.iter().any(|d| d.id == *id) {
                    return Err(error(
                        format!("policies/{}.toml", doc.id),
                        format!("measure[{i}] ({}).deadlines[{j}]", m.id),
                        format!("no deadline '{id}' in policies/data/deadlines.toml"),
                    ));
                }
            }
        }
    }
    // One group of people defined once: a copy in two measures is refused (a term instead).
    load::terms::shared_definitions(&docs, load::terms::all()?)
        .map_err(|(file, field, message)| error(file, field, message))?;
    let catalogue = Catalogue::with_tables(docs, tables).map_err(across_files)?;
    for (i, d) in catalogue.deadlines.iter().enumerate() {
        for n in d.calls.iter().chain(&d.calls_after) {
            let dialled = catalogue
                .measures()
                .any(|(_, m)| m.phones.iter().any(|p| p.dial == *n));
            if !dialled {
                return Err(LoadError {
                    file: "policies/data/deadlines.toml".into(),
                    field: format!("deadline[{i}] ({})", d.id),
                    message: format!("calls {n}, which no measure in policies/ dials"),
                    at: None,
                });
            }
        }
    }
    Ok(catalogue)
}
