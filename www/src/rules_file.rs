//! Fetching the rules files. The rules are not in the wasm: the first question (the
//! home region) needs none, so the page shows it sooner on a slow line and fetches the
//! rules while the worker reads it. Once read, the catalogue goes to the state
//! (`Action::RulesReady`) and from there to the components that need it.

use std::sync::OnceLock;

use wugong::pack::EnglishText;
use wugong::Catalogue;
use yew::prelude::*;

use crate::browser;
use crate::catalogue_context::CatalogueRef;
use crate::state::{Action, State};

/// The measures' English titles and summaries, fetched when someone switches to English.
static ENGLISH: OnceLock<Vec<EnglishText>> = OnceLock::new();

pub fn english_text(measure_id: &str) -> Option<&'static EnglishText> {
    ENGLISH.get()?.iter().find(|t| t.id == measure_id)
}

/// The names of the regions (policies/data/regions.toml) the wasm does not carry: the
/// regions file, fetched with the rules. Same format as the English texts.
static REGIONS: OnceLock<Vec<EnglishText>> = OnceLock::new();

/// A region's (Chinese, English) names from the regions file (`region:CODE` entries).
fn region_names(code: &str) -> Option<(&'static str, &'static str)> {
    REGIONS
        .get()?
        .iter()
        .find(|t| t.id.strip_prefix("region:") == Some(code))
        .map(|t| (t.title.as_str(), t.summary.as_deref().unwrap_or(&t.title)))
}

#[derive(Clone, Copy, PartialEq)]
pub enum RulesFile {
    Rules,
    English,
    /// The prefectures' names, fetched with the rules.
    Regions,
}

/// Fetches and reads one of the rules files, then tells the app. (One function for
/// both files: each async function adds its own state machine to the wasm.)
pub fn load(file: RulesFile, dispatcher: UseReducerDispatcher<State>) {
    if (file == RulesFile::English && ENGLISH.get().is_some())
        || (file == RulesFile::Regions && REGIONS.get().is_some())
    {
        return;
    }
    yew::platform::spawn_local(async move {
        let meta = match file {
            RulesFile::Rules => "wugong-rules",
            RulesFile::English => "wugong-rules-en",
            RulesFile::Regions => "wugong-regions",
        };
        let bytes = match browser::file_named(meta) {
            Some(url) => browser::fetch_bytes(&url).await,
            None => Err(format!("the page names no {meta} file")),
        };
        dispatcher.dispatch(match file {
            RulesFile::Rules => match bytes.and_then(|b| read_rules(&b)) {
                Ok(catalogue) => Action::RulesReady(catalogue),
                Err(e) => Action::RulesFailed(e),
            },
            // Both are lists of texts (one reader: each call of it costs the wasm).
            RulesFile::English | RulesFile::Regions => {
                match bytes
                    .and_then(|b| wugong::pack::decode_english(&b).map_err(|e| e.to_string()))
                {
                    Ok(texts) if file == RulesFile::English => {
                        let _ = ENGLISH.set(texts);
                        Action::EnglishReady
                    }
                    Ok(names) => {
                        let _ = REGIONS.set(names);
                        wugong::region::set_names(region_names);
                        Action::RegionsReady
                    }
                    // Programme texts stay in Chinese (the interface is in English
                    // anyway); without the regions file the picker stops at the
                    // province. The answers are kept either way.
                    Err(e) => Action::Notice(Some(e)),
                }
            }
        });
    });
}

/// Reads the rules file (checked when it was built; a damaged one is reported).
fn read_rules(bytes: &[u8]) -> Result<CatalogueRef, String> {
    let (docs, tables) = wugong::pack::decode(bytes).map_err(|e| e.to_string())?;
    let catalogue = Catalogue::with_tables(docs, tables).map_err(|e| e.to_string())?;
    Ok(CatalogueRef::keep(catalogue))
}
