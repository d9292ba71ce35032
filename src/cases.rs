//! Persona cases: files a caseworker can read — who, on what date, what they answered,
//! and what the engine must decide. `tests/persona.rs` runs every file in `tests/cases/`;
//! `selfcheck cases DIR` runs them from the command line.
//!
//! ```toml
//! who = "会泽县脱贫劳动力，在广东打工4个月"
//! as_of = "2021-09-01"
//! [answers]
//! home_region = "530326"
//! tuopin = true
//! [expect.yrst-2021-49-transport]
//! verdict = "eligible"          # eligible | not_eligible | undetermined
//! status = "in_force"           # in_force | in_force_no_end_stated | ask_first | ended | not_yet_in_force
//! amount = "up to 1000"         # "1000" | "up to 1000" | "at least 800" | "800 to 6000" | "loan up to 200000"
//!                               # or the line shown: "每天15元 × 8天 = 120元"
//! missing = ["stable_months"]   # for undetermined: exactly these facts
//! almost = "2021-08-01"         # not eligible yet, eligible by time alone from then;
//!                               # "2021-08-01, ended by then" | "no"
//! group = "apply_now"           # where the widget shows it: apply_now | may_qualify | protections |
//!                               # contacts | employer | ended | not_for_you | warning
//! [deadlines]
//! arbitration_limit = "2027-03-10"   # a date, "not while employed", or "needs dates"
//! ```

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use toml::{Table, Value as Toml};

use wugong::amount::Amount;
use wugong::answers::{Answers, RawValue};
use wugong::catalogue::Catalogue;
use wugong::date::Date;
use wugong::deadline::{Deadline, Due};
use wugong::evaluate::{Group, Verdict};
use wugong::evaluate::{StatusShape, VerdictShape};
use wugong::fact::Fact;
use wugong::tags::Named;

use crate::load::{from_table, ByName, Text, TomlDate};

/// What one case file says, checked.
#[derive(Clone, Debug)]
pub struct Case {
    pub file: String,
    pub who: String,
    pub as_of: Date,
    pub answers: Answers,
    pub expect: BTreeMap<String, Expect>,
    /// Deadline ids of policies/data/deadlines.toml and the date expected.
    pub deadlines: BTreeMap<String, String>,
    pub next_question: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct Expect {
    pub verdict: Option<String>,
    pub status: Option<String>,
    pub amount: Option<String>,
    pub missing: Option<Vec<String>>,
    /// Where the widget shows it (`Outcome::group()`): apply_now, may_qualify, …
    pub group: Option<String>,
    /// "2024-08-01" (eligible from then by time alone), "2024-08-01, ended by then",
    /// or "no".
    pub almost: Option<String>,
}

pub fn amount_text(a: &Amount) -> String {
    match a {
        Amount::Exact(m) => m.to_string(),
        Amount::UpTo(m) => format!("up to {m}"),
        Amount::AtLeast(m) => format!("at least {m}"),
        Amount::Between(a, b) => format!("{a} to {b}"),
        Amount::LoanUpTo(m) => format!("loan up to {m}"),
        Amount::NeedsAnswers => "needs answers".into(),
    }
}

pub fn due_text(d: &Due) -> String {
    match d {
        Due::On { date, .. } => date.to_string(),
        Due::NotWhileEmployed => "not while employed".into(),
        Due::NeedsDates { .. } => "needs dates".into(),
    }
}

fn field_err(file: &str, field: &str, msg: impl std::fmt::Display) -> String {
    format!("{file}: {field}: {msg}")
}

/// A case file as written; names are checked against the core's tables as it is read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCase {
    who: Text,
    as_of: TomlDate,
    #[serde(default)]
    answers: BTreeMap<String, Toml>,
    #[serde(default)]
    expect: BTreeMap<String, RawExpect>,
    #[serde(default)]
    deadlines: BTreeMap<String, String>,
    next_question: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExpect {
    verdict: Option<ByName<VerdictShape>>,
    status: Option<ByName<StatusShape>>,
    amount: Option<String>,
    missing: Option<Vec<ByName<Fact>>>,
    group: Option<ByName<Group>>,
    almost: Option<String>,
}

pub fn parse(file: &str, text: &str) -> Result<Case, String> {
    let table: Table = text
        .parse()
        .map_err(|e: toml::de::Error| format!("{file}: not valid TOML: {}", e.message()))?;
    let raw: RawCase = from_table(table).map_err(|(field, msg)| field_err(file, &field, msg))?;
    let mut answers = BTreeMap::new();
    for (k, v) in raw.answers {
        let rv = match v {
            Toml::Boolean(b) => RawValue::Bool(b),
            Toml::Integer(n) => RawValue::Int(n),
            Toml::String(s) => RawValue::Text(s),
            other => {
                return Err(field_err(
                    file,
                    &format!("answers.{k}"),
                    format!("unsupported value {other}"),
                ))
            }
        };
        answers.insert(k, rv);
    }
    let answers = Answers::from_raw(&answers)
        .map_err(|e| field_err(file, &format!("answers.{}", e.field), e.message))?;
    let expect = raw
        .expect
        .into_iter()
        .map(|(id, x)| {
            let x = Expect {
                verdict: x.verdict.map(|v| v.0.name().to_string()),
                status: x.status.map(|v| v.0.name().to_string()),
                amount: x.amount,
                missing: x
                    .missing
                    .map(|m| m.into_iter().map(|f| f.0.name().to_string()).collect()),
                group: x.group.map(|g| g.0.name().to_string()),
                almost: x.almost,
            };
            (id, x)
        })
        .collect();
    let mut deadlines = BTreeMap::new();
    // The deadlines of policies/data/deadlines.toml built into this binary.
    let known: Vec<String> = crate::embedded_tables()
        .map(|t| t.deadlines.into_iter().map(|d| d.id).collect())
        .unwrap_or_default();
    for (k, v) in raw.deadlines {
        if !known.contains(&k) {
            return Err(field_err(
                file,
                &format!("deadlines.{k}"),
                format!("unknown deadline (one of {})", known.join(", ")),
            ));
        }
        deadlines.insert(k, v);
    }
    Ok(Case {
        file: file.to_string(),
        who: raw.who.0,
        as_of: raw.as_of.0,
        answers,
        expect,
        deadlines,
        next_question: raw.next_question,
    })
}

/// Runs one case; returns the mismatches (empty when it passes).
pub fn check(catalogue: &Catalogue, case: &Case) -> Vec<String> {
    let mut problems = Vec::new();
    // A case's answers must be possible on its date, as the widget and the CLI demand.
    if let Err(r) = case.answers.check_on(case.as_of) {
        problems.push(format!(
            "answers: {}",
            wugong::answers::AnswerError::from(r)
        ));
    }
    let mut eval = catalogue.evaluate(&case.answers, case.as_of);
    eval.add_almost(&case.answers);
    for (id, x) in &case.expect {
        let Some(o) = eval.outcomes.iter().find(|o| o.id == id) else {
            problems.push(format!("{id}: no such measure"));
            continue;
        };
        if let Some(v) = &x.verdict {
            if o.verdict.name() != v {
                problems.push(format!(
                    "{id}: verdict is {} ({:?}), expected {v}",
                    o.verdict.name(),
                    o.verdict
                ));
            }
        }
        if let Some(s) = &x.status {
            if o.status.name() != s {
                problems.push(format!("{id}: status is {}, expected {s}", o.status.name()));
            }
        }
        if let Some(g) = &x.group {
            if o.group().name() != g {
                problems.push(format!("{id}: group is {}, expected {g}", o.group().name()));
            }
        }
        if let Some(a) = &x.amount {
            let got = o
                .amount
                .as_ref()
                .map(amount_text)
                .unwrap_or_else(|| "none".into());
            // Either the total ("120", "up to 4000") or the shown line
            // ("每天15元 × 8天 = 120元").
            let shown = o.amount_text(false);
            if &got != a && shown.as_deref() != Some(a.as_str()) {
                problems.push(format!(
                    "{id}: amount is {got} ({}), expected {a}",
                    shown.unwrap_or_default()
                ));
            }
        }
        if let Some(want) = &x.almost {
            let got = match &o.almost {
                None => "no".to_string(),
                Some(a) if a.in_force_then => a.from.to_string(),
                Some(a) => format!("{}, ended by then", a.from),
            };
            if &got != want {
                problems.push(format!("{id}: almost is {got}, expected {want}"));
            }
        }
        if let Some(m) = &x.missing {
            let got: BTreeSet<String> = match &o.verdict {
                Verdict::Undetermined { missing } => {
                    missing.iter().map(|f| f.name().to_string()).collect()
                }
                _ => BTreeSet::new(),
            };
            let want: BTreeSet<String> = m.iter().cloned().collect();
            if got != want {
                problems.push(format!(
                    "{id}: missing facts are {got:?}, expected {want:?}"
                ));
            }
        }
    }
    for (id, want) in &case.deadlines {
        let Some(spec) = catalogue.deadline(id) else {
            problems.push(format!("no deadline {id} in the catalogue"));
            continue;
        };
        let got = due_text(&Deadline::compute(spec, &case.answers, case.as_of).due);
        if &got != want {
            problems.push(format!("deadline {id}: got {got}, expected {want}"));
        }
    }
    if let Some(want) = &case.next_question {
        let got = catalogue.next_question(&case.answers, case.as_of, &wugong::fact::FactSet::new());
        let got = got.map(Fact::name).unwrap_or("none");
        if got != want {
            problems.push(format!("next_question is {got}, expected {want}"));
        }
    }
    problems
}

/// Measures that no case shows as eligible, or (unless unconditional) none as not
/// eligible.
pub fn uncovered(catalogue: &Catalogue, cases: &[Case]) -> Vec<String> {
    let mut gaps = Vec::new();
    for (_, m) in catalogue.measures() {
        let verdicts: BTreeSet<&str> = cases
            .iter()
            .filter_map(|c| c.expect.get(&m.id))
            .filter_map(|x| x.verdict.as_deref())
            .collect();
        // A measure that depends on the employer is never eligible: its best case is
        // "undetermined" with every worker question answered.
        if m.when.depends_on_employer() {
            if !verdicts.contains("undetermined") {
                gaps.push(format!(
                    "{}: no case where only the employer's part is open",
                    m.id
                ));
            }
        } else if !verdicts.contains("eligible") {
            gaps.push(format!("{}: no case where it is eligible", m.id));
        }
        // A measure with no condition at all (a national hotline) applies to everyone,
        // so no case can show it as not eligible.
        if !verdicts.contains("not_eligible") && m.when != wugong::condition::Condition::Always {
            gaps.push(format!("{}: no case where it is not eligible", m.id));
        }
    }
    gaps
}

/// Reads every `*.toml` below `dir`.
pub fn read_dir(dir: &std::path::Path) -> Result<Vec<Case>, String> {
    let paths = crate::load::toml_files(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
            parse(&p.display().to_string(), &text)
        })
        .collect()
}
