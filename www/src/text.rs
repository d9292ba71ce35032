//! Interface words in plain Chinese, with an English translation. Policy titles stay
//! Chinese with their English gloss; everything else switches.

use wugong::Question;

/// Picks the Chinese or English text.
pub fn tr(english: bool, zh: &'static str, en: &'static str) -> &'static str {
    if english {
        en
    } else {
        zh
    }
}

/// The question as asked on screen, and a short hint. The home region's words are here:
/// it is the first screen, shown before the rules arrive. Every other screen's words come
/// with the rules (`policies/data/questions.toml`; the English with the English file,
/// and the Chinese until it has arrived): `crate::question_text`.
pub fn prompt(q: Question, english: bool) -> (&'static str, &'static str) {
    if q == Question::Home {
        return if english {
            (
                "Where is your household registered?",
                "Pick the province, then the city and county if asked.",
            )
        } else {
            ("你的户口在哪里？", "先选省，需要时再选市、县。")
        };
    }
    crate::question_text(q, english).unwrap_or(("", ""))
}
