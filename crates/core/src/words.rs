//! Words shown only once the rules have arrived — the result page, the tick screens, the
//! engine's phrases there — defined once, in `policies/data/words.toml`. Natively (the
//! CLI, the fallback page, the rules studio) they are built in; the widget's wasm gets
//! them with the rules file (Chinese) and the English file (feature `labels-in-rules`),
//! after the facts' labels, in the order of [`label_keys`]: the first screen does
//! not carry them (docs/size.md).

use crate::fact::{Fact, FactKind};

include!(concat!(env!("OUT_DIR"), "/words.rs"));

impl Word {
    /// The word in the reader's language (in the widget, the Chinese until the English
    /// file has arrived).
    pub fn get(self, english: bool) -> &'static str {
        if WORDS_BUILT_IN {
            let (zh, en) = built_in_word(self);
            return if english { en } else { zh };
        }
        let at = crate::fact::words_from() + self as usize;
        crate::labels::get(english, at)
            .or_else(|| crate::labels::get(false, at))
            .unwrap_or("")
    }

    /// The word with its `{name}`s filled in (`with`: (name, text)).
    pub fn fill(self, english: bool, with: &[(&str, &str)]) -> String {
        fill(self.get(english), with)
    }

    /// The words built into this binary (natively; "" in the widget's wasm).
    pub fn built_in(self) -> (&'static str, &'static str) {
        built_in_word(self)
    }
}

/// What the rules files carry, in order: every fact (`Fact::ALL`), then every option of
/// every choice fact, then every word of `policies/data/words.toml`.
pub enum LabelKey {
    Fact(Fact),
    Choice(Fact, &'static str),
    Word(Word),
}

pub fn label_keys() -> impl Iterator<Item = LabelKey> {
    let options = Fact::ALL.iter().flat_map(|f| match f.kind() {
        FactKind::Choice(opts) => opts.iter().map(|o| LabelKey::Choice(*f, o)).collect(),
        _ => Vec::new(),
    });
    let words = Word::ALL.iter().map(|w| LabelKey::Word(*w));
    Fact::ALL
        .iter()
        .map(|f| LabelKey::Fact(*f))
        .chain(options)
        .chain(words)
}

impl LabelKey {
    /// The words built into this binary (natively; "" in the widget's wasm).
    pub fn built_in(&self) -> (&'static str, &'static str) {
        match *self {
            LabelKey::Fact(f) => f.built_in_label(),
            LabelKey::Choice(f, code) => f.built_in_choice(code),
            LabelKey::Word(w) => w.built_in(),
        }
    }
}

/// `template` with each `{name}` of `with` (name, text) replaced by its text, in one scan
/// (the words, the deadlines' lines). Not `str::replace`, whose substring searcher (about
/// 2 KB of wasm) nothing else needs; a text put in is not searched again.
pub fn fill(template: &str, with: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut chars = template.chars();
    'scan: loop {
        let rest = chars.as_str();
        if let Some(inside) = rest.strip_prefix('{') {
            for (name, text) in with {
                let after = inside.strip_prefix(name).and_then(|a| a.strip_prefix('}'));
                if let Some(after) = after {
                    out.push_str(text);
                    chars = after.chars();
                    continue 'scan;
                }
            }
        }
        match chars.next() {
            Some(c) => out.push(c),
            None => return out,
        }
    }
}
