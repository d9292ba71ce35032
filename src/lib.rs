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
use wugong::catalogue::CatalogueError;
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

/// Reads and checks `(path, text)` pairs of policy files.
pub fn catalogue_from_files(files: &[(&str, &str)]) -> Result<Catalogue, LoadError> {
    let docs = files
        .iter()
        .map(|(path, text)| load::document(path, text))
        .collect::<Result<Vec<_>, _>>()?;
    Catalogue::new(docs).map_err(across_files)
}

/// The policies built into this binary from `policies/`.
pub fn embedded() -> Result<Catalogue, LoadError> {
    catalogue_from_files(POLICY_FILES)
}

/// Reads every `*.toml` in a folder (for `selfcheck lint` on edited files).
pub fn catalogue_from_dir(dir: &Path) -> Result<Catalogue, LoadError> {
    Catalogue::new(load::documents_in(dir)?).map_err(across_files)
}
