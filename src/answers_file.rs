//! Reading an answers file (`selfcheck check FILE`, format: `docs/answers.md`): a JSON
//! object of answers by question name. Strict where a lenient reader would mislead: a
//! question given twice is refused by name (JSON readers usually keep the last value),
//! an oversized file is refused before it is read, and no error quotes more than
//! [`QUOTE`] characters of what was written. A byte-order mark (Notepad writes one) is
//! accepted. (Issue 15, D11–D13.)

use std::collections::BTreeMap;
use std::fmt;
use std::io::Read;
use std::path::Path;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use wugong::fact::FactKind;
use wugong::{Answers, Fact, RawValue};

/// Answers files are well under 1 KB; anything past this is not one.
pub const MAX_BYTES: u64 = 1 << 20;

/// The most characters of a value (or a key) an error message quotes.
pub const QUOTE: usize = 80;

/// `text` for an error message: itself if short, else its start, an ellipsis and its
/// length (never a whole 5 MB value on the terminal).
pub fn snippet(text: &str) -> String {
    let n = text.chars().count();
    if n <= QUOTE {
        text.to_string()
    } else {
        let start: String = text.chars().take(QUOTE - 1).collect();
        format!("{start}… ({n} characters)")
    }
}

/// Reads and checks the answers in `path`. The error is one line naming the file.
pub fn read_answers(path: &Path) -> Result<Answers, String> {
    let at = |what: String| format!("{}: {what}", path.display());
    let file = std::fs::File::open(path).map_err(|e| at(e.to_string()))?;
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| at(e.to_string()))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(at(format!(
            "larger than {} KB: not an answers file (see docs/answers.md)",
            MAX_BYTES / 1024
        )));
    }
    parse_answers(&bytes).map_err(at)
}

/// The answers in the text of an answers file (see [`read_answers`]).
pub fn parse_answers(bytes: &[u8]) -> Result<Answers, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "not UTF-8 text (byte {} cannot be read): save the file as UTF-8",
            e.valid_up_to()
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut de = serde_json::Deserializer::from_str(text);
    let Entries(entries) = Entries::deserialize(&mut de).map_err(json_error)?;
    de.end().map_err(json_error)?;
    let mut raw = BTreeMap::new();
    for (key, value) in entries {
        // The name first: an unknown question is said as such, whatever its value.
        let Some(fact) = Fact::from_name(&key) else {
            return Err(format!(
                "answer '{}': no such question (see docs/answers.md for the names)",
                snippet(&key)
            ));
        };
        let bad = |message: String| format!("answer '{key}': {message}");
        let rv = match value {
            serde_json::Value::Bool(b) => RawValue::Bool(b),
            serde_json::Value::String(s) if s.chars().count() > QUOTE => {
                return Err(bad(format!(
                    "the text '{}' is too long for any answer",
                    snippet(&s)
                )))
            }
            serde_json::Value::String(s) => RawValue::Text(s),
            serde_json::Value::Null => continue, // null = "I don't know"
            serde_json::Value::Number(n) => match (n.as_i64(), fact.kind()) {
                (Some(i), FactKind::Money) if i < 0 => {
                    return Err(bad(format!("{i} yuan is negative")))
                }
                (Some(i), _) => RawValue::Int(i),
                (None, _) if n.is_u64() || n.as_f64().is_some_and(|f| f.abs() >= 1e15) => {
                    return Err(bad(format!("{} is far too large", snippet(&n.to_string()))))
                }
                // Money with decimals must be text so it is never read through a float.
                (None, _) => {
                    let n = snippet(&n.to_string());
                    return Err(bad(format!(
                        "write {n} as text (e.g. \"{n}\") or a whole number"
                    )));
                }
            },
            serde_json::Value::Array(_) => {
                return Err(bad("a list is not an answer (see docs/answers.md)".into()))
            }
            serde_json::Value::Object(_) => {
                return Err(bad(
                    "an object is not an answer (see docs/answers.md)".into()
                ))
            }
        };
        raw.insert(key, rv);
    }
    Answers::from_raw(&raw).map_err(|e| e.to_string())
}

fn json_error(e: serde_json::Error) -> String {
    format!("not valid JSON: {e}")
}

/// The entries of a JSON object in order, refusing a key given twice.
struct Entries(Vec<(String, serde_json::Value)>);

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Entries, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Entries;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object of answers (see docs/answers.md)")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries, A::Error> {
                let mut entries: Vec<(String, serde_json::Value)> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    if entries.iter().any(|(k, _)| *k == key) {
                        return Err(de::Error::custom(format!(
                            "the answer '{}' is given twice",
                            snippet(&key)
                        )));
                    }
                    let value = map.next_value()?;
                    entries.push((key, value));
                }
                Ok(Entries(entries))
            }
        }
        d.deserialize_map(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        parse_answers(text.as_bytes()).unwrap_err()
    }

    #[test]
    fn a_question_given_twice_is_refused_by_name() {
        let e = err(r#"{"home_region":"530326","tuopin": true, "tuopin": false}"#);
        assert!(e.contains("'tuopin' is given twice"), "{e}");
        assert!(e.contains("line 1"), "{e}");
        let e = err(r#"{"home_region":"530326","home_region":"44"}"#);
        assert!(e.contains("'home_region' is given twice"), "{e}");
    }

    #[test]
    fn errors_quote_at_most_80_characters() {
        let long = "x".repeat(5_000_000);
        for json in [
            format!(r#"{{"tuopin": "{long}"}}"#),
            format!(r#"{{"home_region": "{long}"}}"#),
            format!(r#"{{"{long}": true}}"#),
            format!(r#"{{"{long}": [{}0]}}"#, "0,".repeat(1000)),
            format!(r#"{{"age": 1{}}}"#, "0".repeat(1000)),
        ] {
            let e = err(&json);
            assert!(e.len() < 200, "{} bytes: {}", e.len(), &e[..200]);
            assert!(!e.contains(&"x".repeat(QUOTE)), "{e}");
        }
        assert!(err(r#"{"unknown": [0, 0]}"#).contains("no such question"));
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let a = parse_answers("\u{feff}{\"tuopin\": true}".as_bytes()).unwrap();
        assert_eq!(a.get(Fact::Tuopin), Some(wugong::Value::Bool(true)));
    }

    #[test]
    fn negative_and_huge_numbers_say_so() {
        assert!(err(r#"{"ticket_price": -5}"#).contains("-5 yuan is negative"));
        assert!(err(r#"{"age": 18446744073709551615}"#).contains("far too large"));
    }

    #[test]
    fn an_oversized_file_is_refused_before_it_is_read() {
        let dir = std::env::temp_dir().join(format!("answers-file-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("big.json");
        std::fs::write(&path, vec![b' '; MAX_BYTES as usize + 10]).unwrap();
        let e = read_answers(&path).unwrap_err();
        assert!(e.contains("larger than 1024 KB"), "{e}");
        let _ = std::fs::remove_dir_all(dir);
    }
}
