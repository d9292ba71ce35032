//! Fetching the rules files. The rules are not in the wasm: the first question (the
//! home region) needs none, so the page shows it sooner on a slow line and fetches the
//! rules while the worker reads it. Once read, the catalogue goes to the state
//! (`Action::RulesReady`) and from there to the components that need it.

use std::sync::OnceLock;

use wugong::catalogue::QuestionText;
use wugong::pack::EnglishText;
use wugong::{Catalogue, Question};
use yew::prelude::*;

use crate::browser;
use crate::catalogue_context::CatalogueRef;
use crate::state::{Action, State};

/// The measures' English titles and summaries, fetched when someone switches to English.
static ENGLISH: OnceLock<Vec<EnglishText>> = OnceLock::new();

pub fn english_text(measure_id: &str) -> Option<&'static EnglishText> {
    ENGLISH.get()?.iter().find(|t| t.id == measure_id)
}

/// The question screens' words (`policies/data/questions.toml`), from the rules file.
static QUESTIONS: OnceLock<Vec<QuestionText>> = OnceLock::new();

/// A question screen's words and hint once the rules have arrived (`text::prompt`): in
/// English from the English file when it has arrived, else in Chinese.
pub fn question_text(q: Question, english: bool) -> Option<(&'static str, &'static str)> {
    if let Some(t) = english
        .then(|| english_text(&QuestionText::english_id(q)))
        .flatten()
    {
        return Some((&t.title, t.summary.as_deref().unwrap_or("")));
    }
    let t = QUESTIONS.get()?.iter().find(|t| t.question == q)?;
    Some((&t.zh, &t.hint))
}

/// The Chinese names of the regions (policies/data/regions.toml) the wasm does not
/// carry: the regions file, fetched with the rules. Same format as the English texts.
static REGIONS: OnceLock<Vec<EnglishText>> = OnceLock::new();

/// A region's (Chinese, English) names (`region:CODE` entries): the Chinese from the
/// regions file, the English from the English file once it has arrived (only those who
/// read English fetch it), else the Chinese again.
fn region_names(code: &str) -> Option<(&'static str, &'static str)> {
    let named = |t: &&EnglishText| t.id.strip_prefix("region:") == Some(code);
    let zh = REGIONS.get()?.iter().find(named)?;
    let en = ENGLISH
        .get()
        .and_then(|e| e.iter().find(named))
        .unwrap_or(zh);
    Some((&zh.title, &en.title))
}

#[derive(Clone, Copy, PartialEq)]
pub enum RulesFile {
    Rules,
    English,
    /// The prefectures' names, fetched with the rules.
    Regions,
}

/// Why a file could not be used: the network or the server failed, or what arrived is
/// not the file the page names (damaged on the way, a WiFi login page, an older policy
/// set under this build's name). The worker is told which, in her words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    Network,
    Damaged,
}

/// Fetches and reads one of the rules files, then tells the app. (One function for
/// all three files: each async function adds its own state machine to the wasm.)
/// `again`: the worker asked to try again, so the file is fetched past every cache
/// (`?retry=…`: the service worker then goes to the network and replaces its copy, and
/// the browser's year-long cache of the plain name is not read). A damaged file is
/// fetched that way once by itself, so the next load mends what a bad day broke.
pub fn load(file: RulesFile, again: bool, dispatcher: UseReducerDispatcher<State>) {
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
        let url = browser::file_named(meta).unwrap_or_default();
        let mut again = again;
        let got = loop {
            let address = if again {
                // (u32, wrapped: its formatting is in the wasm already; u64's is not,
                // and a float remainder would bring libm's fmod.)
                format!("{url}?retry={}", js_sys::Date::now() as u64 as u32)
            } else {
                url.clone()
            };
            let got = match browser::fetch_bytes(&address).await {
                None => Err(Failure::Network),
                Some(bytes) if as_named(&url, &bytes) => read(file, &bytes).ok_or(Failure::Damaged),
                Some(_) => Err(Failure::Damaged),
            };
            if matches!(got, Err(Failure::Damaged)) && !again {
                again = true;
                continue;
            }
            break got;
        };
        let action = match (file, got) {
            (_, Ok(action)) => action,
            (RulesFile::Rules, Err(why)) => Action::RulesFailed(why),
            // The county picker offers "try again"; without the regions file the worker
            // can still stop at the province. The answers are kept either way.
            (RulesFile::Regions, Err(_)) => Action::RegionsFailed,
            // Programme texts and questions stay in Chinese (the interface is in
            // English anyway); the screens after the first no longer wait for them.
            (RulesFile::English, Err(_)) => Action::EnglishReady,
        };
        dispatcher.dispatch(action);
    });
}

/// Whether `bytes` are the file `url` names: the build names each file by the checksum
/// in its last 8 bytes (`rules-<16 hex>.bin`, scripts/post_build.mjs), and the reader
/// checks that sum against the rest. So an older policy set served under this build's
/// name is refused, at the cost of a comparison (issue 15, D8).
fn as_named(url: &str, bytes: &[u8]) -> bool {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let name = url.as_bytes();
    let (Some(n), Some(b)) = (name.len().checked_sub(20), bytes.len().checked_sub(8)) else {
        return false;
    };
    name.ends_with(b".bin")
        && bytes[b..].iter().rev().enumerate().all(|(i, byte)| {
            name[n + 2 * i] == HEX[usize::from(byte >> 4)]
                && name[n + 2 * i + 1] == HEX[usize::from(byte & 15)]
        })
}

/// Reads a file that arrived whole: None if the reader refuses it.
fn read(file: RulesFile, bytes: &[u8]) -> Option<Action> {
    Some(match file {
        RulesFile::Rules => {
            let (docs, mut tables) = wugong::pack::decode(bytes).ok()?;
            let _ = QUESTIONS.set(std::mem::take(&mut tables.questions));
            // The facts' labels (Chinese; the English come with the English file).
            let labels = std::mem::take(&mut tables.labels);
            wugong::labels::set(false, labels.into_iter().map(|w| w.zh).collect());
            let numbers = std::mem::take(&mut tables.local_numbers);
            wugong::region::set_area_codes(std::mem::take(&mut tables.area_codes), numbers);
            Action::RulesReady(CatalogueRef::keep(
                Catalogue::with_tables(docs, tables).ok()?,
            ))
        }
        // Both are lists of texts (one reader: each call of it costs the wasm).
        RulesFile::English | RulesFile::Regions => {
            let texts = wugong::pack::decode_english(bytes).ok()?;
            if file == RulesFile::English {
                let _ = ENGLISH.set(texts);
                let labels = (0..wugong::words::label_keys().count()).map(|place| {
                    english_text(&wugong::catalogue::label_english_id(place))
                        .map_or_else(String::new, |t| t.title.clone())
                });
                wugong::labels::set(true, labels.collect());
                Action::EnglishReady
            } else {
                let _ = REGIONS.set(texts);
                wugong::region::set_names(region_names);
                Action::RegionsReady
            }
        }
    })
}
