//! The widget's store of the words that arrive with the rules files: the facts' labels
//! (`policies/data/facts.toml`) and the words of `policies/data/words.toml`, in the
//! order of `words::label_keys`. Natively they are built into the core and this stays
//! empty.

use std::sync::OnceLock;

/// (Chinese from the rules file, English from the English file.)
static ARRIVED: [OnceLock<Vec<String>>; 2] = [OnceLock::new(), OnceLock::new()];

/// The widget: the words from the rules file (Chinese) or the English file.
pub fn set(english: bool, words: Vec<String>) {
    let _ = ARRIVED[usize::from(english)].set(words);
}

/// Whether those in this language have arrived.
pub(crate) fn has(english: bool) -> bool {
    ARRIVED[usize::from(english)].get().is_some()
}

/// The word at `at`, if it has arrived (and is not empty).
pub(crate) fn get(english: bool, at: usize) -> Option<&'static str> {
    ARRIVED[usize::from(english)]
        .get()?
        .get(at)
        .map(String::as_str)
        .filter(|s| !s.is_empty())
}
