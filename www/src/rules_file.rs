//! Fetching the rules files. The rules are not in the wasm: the first question (the
//! home region) needs none, so the page shows it sooner on a slow line and fetches the
//! rules while the worker reads it. Once read, the catalogue goes to the state
//! (`Action::RulesReady`) and from there to every component through the context.

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

#[derive(Clone, Copy, PartialEq)]
pub enum RulesFile {
    Rules,
    English,
}

/// Fetches and reads one of the rules files, then tells the app. (One function for
/// both files: each async function adds its own state machine to the wasm.)
pub fn load(file: RulesFile, dispatcher: UseReducerDispatcher<State>) {
    if file == RulesFile::English && ENGLISH.get().is_some() {
        return;
    }
    yew::platform::spawn_local(async move {
        let meta = match file {
            RulesFile::Rules => "wugong-rules",
            RulesFile::English => "wugong-rules-en",
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
            RulesFile::English => {
                match bytes
                    .and_then(|b| wugong::pack::decode_english(&b).map_err(|e| e.to_string()))
                {
                    Ok(texts) => {
                        let _ = ENGLISH.set(texts);
                        Action::EnglishReady
                    }
                    // Programme texts stay in Chinese; the interface is in English anyway.
                    Err(e) => Action::Notice(Some(e)),
                }
            }
        });
    });
}

/// Reads the rules file (checked when it was built; a damaged one is reported).
fn read_rules(bytes: &[u8]) -> Result<CatalogueRef, String> {
    let docs = wugong::pack::decode(bytes).map_err(|e| e.to_string())?;
    let catalogue = Catalogue::new(docs).map_err(|e| e.to_string())?;
    Ok(CatalogueRef::keep(catalogue))
}
