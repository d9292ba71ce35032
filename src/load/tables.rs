//! Reading the tables of `policies/data/` that speak across documents — the statutory
//! deadlines (`deadlines.toml`), the implications between the documents' terms
//! (`implications.toml`), the warnings (`warnings.toml`) and the question screens' words
//! (`questions.toml`) — into the core's
//! [`Tables`], which the rules file carries beside the documents. Errors name the file
//! and the field, like the documents' (`policies/data/deadlines.toml: deadline[2].from: …`).
//!
//! A deadline's texts are templates: `{period}` is its own period ("1年", "30天";
//! "1 year", "30 days" in English) and `{period:ID}` another deadline's, put in here
//! so that a period is written once, as `years`/`days`. `ahead` and `passed` keep
//! `{date}` and `{days}`, which the engine fills in when it tells the deadline.

use serde::Deserialize;
use toml::Table;

use wugong::catalogue::{QuestionText, Tables};
use wugong::deadline::{DeadlineSpec, Whose, Words};
use wugong::fact::FactKind;
use wugong::fact::Question;
use wugong::implication::{Implication, Warning};

use super::value::{texts, Count, FactName, Text};
use super::{from_table, Bad, LoadError};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDeadlines {
    deadline: Vec<RawDeadline>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum RawWhose {
    Worker,
    Employer,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDeadline {
    id: Text,
    from: FactName,
    years: Option<Count>,
    days: Option<Count>,
    #[serde(default)]
    wages_owed_from_job_end: bool,
    whose: RawWhose,
    #[serde(default)]
    advice: bool,
    procedure: Text,
    title: Text,
    title_en: Text,
    rule: Text,
    rule_en: Text,
    cite: Text,
    ahead: Text,
    ahead_en: Text,
    passed: Text,
    passed_en: Text,
    while_employed: Option<Text>,
    while_employed_en: Option<Text>,
    while_employed_short: Option<Text>,
    while_employed_short_en: Option<Text>,
    #[serde(default)]
    calls: Vec<Text>,
    #[serde(default)]
    calls_after: Vec<Text>,
    #[serde(default)]
    once_passed_drop: Vec<Text>,
    /// For maintainers: where the period was verified. Not in the rules file.
    #[allow(dead_code)]
    source: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawImplications {
    implication: Vec<RawImplication>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawImplication {
    #[serde(rename = "if")]
    when: FactName,
    then: FactName,
    documents: Vec<Text>,
    /// For maintainers: the text that ties the terms, and its lines. Not in the rules file.
    #[allow(dead_code)]
    clause: Text,
    #[allow(dead_code)]
    source: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWarnings {
    warning: Vec<RawWarning>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWarning {
    measure: Text,
    wants: FactName,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestions {
    /// The hint of every screen of tick boxes (`tick = true`): it names the buttons
    /// there are (`www/src/multi_check.rs`).
    tick_hint: Text,
    tick_hint_en: Text,
    question: Vec<RawQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    /// The screen's name in the core (`Question` in `crates/core/src/fact.rs`).
    screen: Text,
    zh: Text,
    en: Text,
    hint: Option<Text>,
    hint_en: Option<Text>,
    #[serde(default)]
    tick: bool,
}

/// "1年", "30天", "1年30天"; "1 year", "2 years", "30 days".
fn period(years: u32, days: u32, english: bool) -> String {
    let mut parts = Vec::new();
    if years > 0 {
        parts.push(match (english, years) {
            (false, y) => format!("{y}年"),
            (true, 1) => "1 year".to_string(),
            (true, y) => format!("{y} years"),
        });
    }
    if days > 0 {
        parts.push(match (english, days) {
            (false, d) => format!("{d}天"),
            (true, 1) => "1 day".to_string(),
            (true, d) => format!("{d} days"),
        });
    }
    parts.join(if english { " and " } else { "" })
}

/// The placeholders of a text: `{period}`, `{period:ID}`, and, where `dated`, `{date}`
/// and `{days}`. Periods put in; anything else in braces is an error.
fn fill(
    text: &str,
    own: (u32, u32),
    all: &[(String, (u32, u32))],
    english: bool,
    dated: bool,
) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            return Err("a '{' without '}'".into());
        };
        let name = &rest[open + 1..open + close];
        match name.split_once(':') {
            None if name == "period" => out.push_str(&period(own.0, own.1, english)),
            None if dated && (name == "date" || name == "days") => {
                out.push_str(&rest[open..=open + close])
            }
            Some(("period", id)) => match all.iter().find(|(i, _)| i == id) {
                Some((_, (y, d))) => out.push_str(&period(*y, *d, english)),
                None => return Err(format!("{{period:{id}}}: no deadline '{id}'")),
            },
            _ => {
                let allowed = if dated {
                    "{period}, {period:ID}, {date} and {days}"
                } else {
                    "{period} and {period:ID}"
                };
                return Err(format!("unknown placeholder {{{name}}} (here: {allowed})"));
            }
        }
        rest = &rest[open + close + 1..];
    }
    if rest.contains('}') {
        return Err("a '}' without '{'".into());
    }
    out.push_str(rest);
    Ok(out)
}

/// The numbers of five or more digits in a text (hotlines: 12333, 12348).
fn numbers(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|n| n.len() >= 5)
        .collect()
}

fn deadlines(raw: RawDeadlines) -> Result<Vec<DeadlineSpec>, Bad> {
    let periods: Vec<(String, (u32, u32))> = raw
        .deadline
        .iter()
        .map(|d| {
            let n = |c: &Option<Count>| c.as_ref().map_or(0, |c| c.0);
            (d.id.0.clone(), (n(&d.years), n(&d.days)))
        })
        .collect();
    let mut out = Vec::new();
    for (i, d) in raw.deadline.into_iter().enumerate() {
        let at = |field: &str| format!("deadline[{i}].{field}");
        let own = periods[i].1;
        if !d.id.0.bytes().all(|c| c.is_ascii_lowercase() || c == b'_') {
            return Err((at("id"), "may use only a-z and '_'".into()));
        }
        if own == (0, 0) {
            return Err((at("years"), "a deadline needs years or days".into()));
        }
        if d.from.0.kind() != FactKind::Date {
            return Err((at("from"), format!("'{}' is not a date", d.from.0.name())));
        }
        let words = |zh: Option<Text>, en: Option<Text>, name: &str, dated: bool| {
            let one = |t: Option<Text>, field: String, english: bool| match t {
                Some(t) => fill(&t.0, own, &periods, english, dated).map_err(|e| (at(&field), e)),
                None => Ok(String::new()),
            };
            Ok::<Words, Bad>(Words {
                zh: one(zh, name.to_string(), false)?,
                en: one(en, format!("{name}_en"), true)?,
            })
        };
        let while_employed = words(
            d.while_employed,
            d.while_employed_en,
            "while_employed",
            false,
        )?;
        let while_employed_short = words(
            d.while_employed_short,
            d.while_employed_short_en,
            "while_employed_short",
            false,
        )?;
        let needed = [&while_employed, &while_employed_short]
            .iter()
            .all(|w| !w.zh.is_empty() && !w.en.is_empty());
        if d.wages_owed_from_job_end != needed {
            let m = "while_employed, while_employed_short and their _en go with wages_owed_from_job_end = true, and only with it";
            return Err((at("while_employed"), m.into()));
        }
        let calls = texts(d.calls);
        let calls_after = texts(d.calls_after);
        let spec = DeadlineSpec {
            id: d.id.0,
            from: d.from.0,
            years: own.0,
            days: own.1,
            wages_owed_from_job_end: d.wages_owed_from_job_end,
            whose: match d.whose {
                RawWhose::Worker => Whose::Worker,
                RawWhose::Employer => Whose::Employer,
            },
            advice: d.advice,
            procedure: d.procedure.0,
            title: words(Some(d.title), Some(d.title_en), "title", false)?,
            rule: words(Some(d.rule), Some(d.rule_en), "rule", false)?,
            cite: d.cite.0,
            ahead: words(Some(d.ahead), Some(d.ahead_en), "ahead", true)?,
            passed: words(Some(d.passed), Some(d.passed_en), "passed", true)?,
            while_employed,
            while_employed_short,
            calls,
            calls_after,
            once_passed_drop: texts(d.once_passed_drop),
        };
        // A number said in a line is one the worker can tap beside it.
        for (field, w, calls) in [
            ("ahead", &spec.ahead, &spec.calls),
            ("while_employed", &spec.while_employed, &spec.calls),
            ("passed", &spec.passed, &spec.calls_after),
        ] {
            for n in numbers(&w.zh).into_iter().chain(numbers(&w.en)) {
                if !calls.iter().any(|c| c == n) {
                    let list = if field == "passed" {
                        "calls_after"
                    } else {
                        "calls"
                    };
                    return Err((at(field), format!("says {n}, which is not in {list}")));
                }
            }
        }
        out.push(spec);
    }
    Ok(out)
}

fn implications(raw: RawImplications) -> Result<Vec<Implication>, Bad> {
    let mut out = Vec::new();
    for (i, r) in raw.implication.into_iter().enumerate() {
        for (f, name) in [(r.when.0, "if"), (r.then.0, "then")] {
            if f.kind() != FactKind::Bool {
                let m = format!("'{}' is not a yes/no fact", f.name());
                return Err((format!("implication[{i}].{name}"), m));
            }
        }
        out.push(Implication {
            when: r.when.0,
            then: r.then.0,
            documents: texts(r.documents),
        });
    }
    Ok(out)
}

fn warnings(raw: RawWarnings) -> Result<Vec<Warning>, Bad> {
    let mut out = Vec::new();
    for (i, r) in raw.warning.into_iter().enumerate() {
        if r.wants.0.kind() != FactKind::Bool {
            let m = format!("'{}' is not a yes/no fact", r.wants.0.name());
            return Err((format!("warning[{i}].wants"), m));
        }
        out.push(Warning {
            measure: r.measure.0,
            wants: r.wants.0,
        });
    }
    Ok(out)
}

/// Every question screen but the home region's (the first screen, before the rules:
/// its words are in the wasm, `www/src/text.rs`) once, in any order.
fn questions(raw: RawQuestions) -> Result<Vec<QuestionText>, Bad> {
    let mut out: Vec<QuestionText> = Vec::new();
    for (i, r) in raw.question.into_iter().enumerate() {
        let at = |field: &str| format!("question[{i}].{field}");
        let Some(q) = Question::ALL
            .iter()
            .copied()
            .find(|q| format!("{q:?}") == r.screen.0)
        else {
            return Err((at("screen"), format!("no question screen '{}'", r.screen.0)));
        };
        if q == Question::Home {
            let m = "the home region is asked before the rules arrive: its words are in www/src/text.rs";
            return Err((at("screen"), m.into()));
        }
        if out.iter().any(|o| o.question == q) {
            return Err((at("screen"), format!("'{}' given twice", r.screen.0)));
        }
        if r.tick && (r.hint.is_some() || r.hint_en.is_some()) {
            return Err((
                at("tick"),
                "a tick screen has the tick hint, not its own".into(),
            ));
        }
        if r.hint.is_none() && r.hint_en.is_some() {
            return Err((
                at("hint_en"),
                "an English hint without a Chinese one".into(),
            ));
        }
        let text = |t: Option<Text>| t.map(|t| t.0).unwrap_or_default();
        let (hint, hint_en) = if r.tick {
            (raw.tick_hint.0.clone(), raw.tick_hint_en.0.clone())
        } else {
            (text(r.hint), text(r.hint_en))
        };
        out.push(QuestionText {
            question: q,
            zh: r.zh.0,
            hint,
            en: r.en.0,
            hint_en,
        });
    }
    if let Some(q) = Question::ALL
        .iter()
        .skip(1)
        .find(|q| !out.iter().any(|o| o.question == **q))
    {
        return Err((
            "question".into(),
            format!("no words for the screen '{q:?}'"),
        ));
    }
    Ok(out)
}

/// One data file through `convert`; errors name `policies/data/<name>`.
fn one<R: serde::de::DeserializeOwned, T>(
    name: &str,
    text: &str,
    convert: impl FnOnce(R) -> Result<T, Bad>,
) -> Result<T, LoadError> {
    let file = format!("policies/data/{name}");
    let error = super::data_error(&file, text);
    let table: Table = text.parse().map_err(|e: toml::de::Error| {
        error((String::new(), format!("not valid TOML: {}", e.message())))
    })?;
    convert(from_table(table).map_err(error)?).map_err(error)
}

/// The four data files' texts read into [`Tables`] (cross-file checks — a deadline a
/// measure names exists, a warning's measure exists — are `Catalogue::with_tables`').
pub fn tables(
    deadlines_toml: &str,
    implications_toml: &str,
    warnings_toml: &str,
    questions_toml: &str,
) -> Result<Tables, LoadError> {
    Ok(Tables {
        deadlines: one("deadlines.toml", deadlines_toml, deadlines)?,
        implications: one("implications.toml", implications_toml, implications)?,
        warnings: one("warnings.toml", warnings_toml, warnings)?,
        questions: one("questions.toml", questions_toml, questions)?,
        // Checked and built into the core natively (crates/core/build.rs); the rules
        // file carries them for the widget, whose wasm does not.
        area_codes: wugong::region::area_codes()
            .map(|(p, a)| (p.to_string(), a.to_string()))
            .collect(),
        local_numbers: wugong::region::local_numbers().map(String::from).collect(),
        // The same for the facts' labels (policies/data/facts.toml).
        labels: wugong::words::label_keys()
            .map(|k| {
                let (zh, en) = k.built_in();
                wugong::deadline::Words {
                    zh: zh.into(),
                    en: en.into(),
                }
            })
            .collect(),
    })
}

/// The tables from `dir/data/` (`dir` the policies folder); a folder without `data/`
/// (policy files copied elsewhere to try an edit) gets those built into this binary.
pub fn tables_in(dir: &std::path::Path) -> Result<Tables, LoadError> {
    if !dir.join("data").is_dir() {
        return crate::embedded_tables();
    }
    let read = |name: &str| {
        let path = dir.join("data").join(name);
        std::fs::read_to_string(&path).map_err(|e| LoadError {
            file: path.display().to_string(),
            field: String::new(),
            message: e.to_string(),
            at: None,
        })
    };
    tables(
        &read("deadlines.toml")?,
        &read("implications.toml")?,
        &read("warnings.toml")?,
        &read("questions.toml")?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_put_in_and_other_placeholders_refused() {
        let all = vec![("other".to_string(), (2, 0))];
        assert_eq!(
            fill(
                "{period}内；另一个{period:other}",
                (0, 30),
                &all,
                false,
                false
            )
            .unwrap(),
            "30天内；另一个2年"
        );
        assert_eq!(
            fill(
                "{date} ({days} days left, {period})",
                (1, 0),
                &all,
                true,
                true
            )
            .unwrap(),
            "{date} ({days} days left, 1 year)"
        );
        assert!(fill("{date}", (1, 0), &all, false, false).is_err());
        assert!(fill("{period:none}", (1, 0), &all, false, false).is_err());
        assert!(fill("{period", (1, 0), &all, false, false).is_err());
        assert_eq!(numbers("打 12333 问，或打 12348；60天"), ["12333", "12348"]);
    }

    #[test]
    fn a_mistake_in_the_deadlines_names_file_and_field() {
        let [deadlines, implications, warnings, questions] = crate::DATA_FILES;
        let with = |from: &str, to: &str| {
            assert!(deadlines.contains(from), "{from}");
            let text = deadlines.replacen(from, to, 1);
            tables(&text, implications, warnings, questions)
                .unwrap_err()
                .to_string()
        };
        let e = with(
            "calls_after = [\"12333\", \"12348\"]",
            "calls_after = [\"12333\"]",
        );
        assert!(
            e.starts_with("policies/data/deadlines.toml: deadline[0].passed: says 12348"),
            "{e}"
        );
        let e = with("法定期限{period}", "法定期限{perid}");
        assert!(
            e.contains("deadline[0].ahead: unknown placeholder {perid}"),
            "{e}"
        );
        let e = with("whose = \"employer\"", "whose = \"boss\"");
        assert!(e.contains("deadline[2].whose"), "{e}");
        let e = with("from = \"injury_date\"", "from = \"tuopin\"");
        assert!(
            e.contains("deadline[2].from: 'tuopin' is not a date"),
            "{e}"
        );
    }

    #[test]
    fn every_question_screen_after_the_first_has_words_once() {
        let [deadlines, implications, warnings, questions] = crate::DATA_FILES;
        let t = tables(deadlines, implications, warnings, questions).unwrap();
        assert_eq!(t.questions.len(), Question::COUNT - 1);
        let with = |from: &str, to: &str| {
            assert!(questions.contains(from), "{from}");
            let text = questions.replacen(from, to, 1);
            tables(deadlines, implications, warnings, &text)
                .unwrap_err()
                .to_string()
        };
        let e = with("screen = \"Age\"", "screen = \"Agee\"");
        assert!(
            e.contains("question[0].screen: no question screen 'Agee'"),
            "{e}"
        );
        let e = with("screen = \"Age\"", "screen = \"Home\"");
        assert!(e.contains("www/src/text.rs"), "{e}");
        let e = with("screen = \"Age\"", "screen = \"Sex\"");
        assert!(e.contains("given twice"), "{e}");
    }
}
