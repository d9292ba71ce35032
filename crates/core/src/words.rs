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
        fill_in(self.get(english), with)
    }

    /// The words built into this binary (natively; "" in the widget's wasm).
    pub fn built_in(self) -> (&'static str, &'static str) {
        built_in_word(self)
    }
}

/// `template` with each `{name}` of `with` (name, text) filled in; a `{…}` not named
/// there stays as written. One scan, not `str::replace`: that substring searcher would
/// be in the wasm for this alone (about 1 KB gzip), and a filled-in text is never
/// searched again for names.
pub fn fill_in(template: &str, with: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let inside = &rest[open + 1..];
        let named = inside.find('}').and_then(|close| {
            let (_, text) = with.iter().find(|(name, _)| *name == &inside[..close])?;
            Some((close, text))
        });
        match named {
            Some((close, text)) => {
                out.push_str(text);
                rest = &inside[close + 1..];
            }
            None => {
                out.push('{');
                rest = inside;
            }
        }
    }
    out.push_str(rest);
    out
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

#[cfg(test)]
mod tests {
    use super::fill_in;

    #[test]
    fn names_are_filled_in_once_and_others_left_as_written() {
        let with = [("date", "2027-01-05"), ("days", "{date}")];
        assert_eq!(
            fill_in("到{date}为止，还有{days}天｛不变｝{other}{", &with),
            "到2027-01-05为止，还有{date}天｛不变｝{other}{"
        );
        assert_eq!(fill_in("", &with), "");
        assert_eq!(fill_in("{date}{date}", &with), "2027-01-052027-01-05");
    }
}
