//! `selfcheck`: the engine on the command line.
//!
//! One file for all subcommands (about 680 lines): each is a short arm of one `match`
//! over the same loaded catalogue; the text printer for `check` is most of it.
//!
//! ```text
//! selfcheck check ANSWERS.json --as-of YYYY-MM-DD [--format text|json]
//! selfcheck policies [--format json]
//! selfcheck lint [DIR]
//! selfcheck cases [DIR] [--policies DIR]
//! ```
//! Exit codes: 0 fine, 1 a check found problems (lint, cases), 2 bad input.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use selfcheck::cases;
use serde::Serialize;
use wugong::amount::Payment;
use wugong::deadline::Deadline;
use wugong::evaluate::{in_group, Evaluation, Group, Outcome, Status, Verdict};
use wugong::tags::Named;
use wugong::{Answers, Catalogue, Coverage, Date, FactSet};

const USAGE: &str = "usage:
  selfcheck check ANSWERS.json --as-of YYYY-MM-DD [--format text|json] [--policies DIR]
  selfcheck policies [--format json] [--policies DIR]
  selfcheck lint [DIR]
  selfcheck cases [DIR] [--policies DIR]
  selfcheck schema            (JSON Schema of the answers file)
  selfcheck render-static [--as-of YYYY-MM-DD] [--css FILE] [--out FILE]   (plain HTML of every rule)
  selfcheck hotlines-html                                               (the hotlines line old browsers see, for www/detect.js)
  selfcheck pack --out FILE --english-out FILE [--regions-out FILE] [--policies DIR]   (the checked policies as the widget's rules files; the region names)
Answers format: docs/answers.md";

/// `println!` that ends quietly when the reader has gone (`selfcheck check … | head`):
/// a closed pipe is not an error, and never a panic.
macro_rules! say {
    () => { emit(format_args!("\n")) };
    ($($t:tt)*) => { emit(format_args!("{}\n", format_args!($($t)*))) };
}

/// `print!` with the same care.
macro_rules! say_raw {
    ($($t:tt)*) => { emit(format_args!($($t)*)) };
}

fn emit(args: std::fmt::Arguments) {
    use std::io::Write;
    if let Err(e) = std::io::stdout().lock().write_fmt(args) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("selfcheck: cannot write the output: {e}");
        std::process::exit(1);
    }
}

struct Args {
    positional: Vec<String>,
    options: BTreeMap<String, String>,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut positional = Vec::new();
    let mut options = BTreeMap::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if let Some(name) = a.strip_prefix("--") {
            let (k, v) = match name.split_once('=') {
                Some((k, v)) => (k.to_string(), v.to_string()),
                None => (
                    name.to_string(),
                    it.next()
                        .cloned()
                        .ok_or(format!("--{name} needs a value"))?,
                ),
            };
            if ![
                "as-of",
                "format",
                "policies",
                "css",
                "out",
                "english-out",
                "regions-out",
            ]
            .contains(&k.as_str())
            {
                return Err(format!("unknown option --{k}"));
            }
            options.insert(k, v);
        } else {
            positional.push(a.clone());
        }
    }
    Ok(Args {
        positional,
        options,
    })
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match run(&argv) {
        Ok(code) => {
            use std::io::Write;
            match std::io::stdout().flush() {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => ExitCode::from(1),
                _ => code,
            }
        }
        Err(msg) => {
            eprintln!("selfcheck: {msg}");
            ExitCode::from(2)
        }
    }
}

fn catalogue(args: &Args) -> Result<Catalogue, String> {
    match args.options.get("policies") {
        Some(dir) => selfcheck::catalogue_from_dir(Path::new(dir)),
        None => selfcheck::embedded(),
    }
    .map_err(|e| e.to_string())
}

fn json_format(args: &Args) -> Result<bool, String> {
    match args.options.get("format").map(String::as_str) {
        None | Some("text") => Ok(false),
        Some("json") => Ok(true),
        Some(other) => Err(format!("--format must be text or json, not '{other}'")),
    }
}

fn run(argv: &[String]) -> Result<ExitCode, String> {
    let Some((command, rest)) = argv.split_first() else {
        return Err(USAGE.into());
    };
    let args = parse_args(rest)?;
    match command.as_str() {
        "check" => {
            let [file] = args.positional.as_slice() else {
                return Err(format!("check needs one answers file\n{USAGE}"));
            };
            let as_of: Date = args
                .options
                .get("as-of")
                .ok_or("check needs --as-of YYYY-MM-DD (the date to evaluate on)")?
                .parse()
                .map_err(|e| format!("--as-of: {e}"))?;
            let json = json_format(&args)?;
            let answers = selfcheck::answers_file::read_answers(Path::new(file))?;
            // Answers that cannot be true on the date (an injury after it, 8 months of
            // work by July) are refused by name, like the widget's question screen does.
            answers
                .check_on(as_of)
                .map_err(|r| format!("{file}: {}", wugong::answers::AnswerError::from(r)))?;
            let cat = catalogue(&args)?;
            let mut eval = cat.evaluate(&answers, as_of);
            eval.add_almost(&answers);
            let next = cat.next_question(&answers, as_of, &FactSet::new());
            if json {
                let view = CheckView {
                    as_of,
                    coverage: eval.coverage,
                    next_question: next.map(|f| f.name()),
                    deadlines: Deadline::all(&answers, as_of),
                    measures: eval.outcomes.iter().map(OutcomeView::new).collect(),
                };
                say!(
                    "{}",
                    serde_json::to_string_pretty(&view).map_err(|e| e.to_string())?
                );
            } else {
                print_check(&eval, &answers, next);
            }
            Ok(ExitCode::SUCCESS)
        }
        "policies" => {
            let cat = catalogue(&args)?;
            if json_format(&args)? {
                say!(
                    "{}",
                    serde_json::to_string_pretty(&cat.documents).map_err(|e| e.to_string())?
                );
            } else {
                for d in &cat.documents {
                    let until = d
                        .valid_until
                        .map_or("none stated".to_string(), |u| u.to_string());
                    say!(
                        "{}  {}  [{} · {} · {} → {}]",
                        d.number,
                        d.title,
                        d.issuer,
                        d.region,
                        d.valid_from,
                        until
                    );
                    for m in &d.measures {
                        say!(
                            "    {:<44} {:<10} {:<8} {}  {}",
                            m.id,
                            m.kind.name(),
                            m.audience.name(),
                            m.clause,
                            m.title
                        );
                    }
                }
                let n: usize = cat.documents.iter().map(|d| d.measures.len()).sum();
                say!("{} documents, {n} measures", cat.documents.len());
            }
            Ok(ExitCode::SUCCESS)
        }
        "lint" => {
            let dir = args
                .positional
                .first()
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("policies"));
            match selfcheck::catalogue_from_dir(&dir) {
                Ok(cat) => {
                    let n: usize = cat.documents.iter().map(|d| d.measures.len()).sum();
                    say!(
                        "{}: {} documents, {n} measures, all valid",
                        dir.display(),
                        cat.documents.len()
                    );
                    Ok(ExitCode::SUCCESS)
                }
                Err(e) => {
                    eprintln!("{e}");
                    Ok(ExitCode::from(1))
                }
            }
        }
        "cases" => {
            let dir = args
                .positional
                .first()
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("tests/cases"));
            let cat = catalogue(&args)?;
            let all = cases::read_dir(&dir)?;
            let mut failed = 0;
            for case in &all {
                let problems = cases::check(&cat, case);
                if !problems.is_empty() {
                    failed += 1;
                    say!("FAIL {} ({})", case.file, case.who);
                    for p in problems {
                        say!("    {p}");
                    }
                }
            }
            let gaps = cases::uncovered(&cat, &all);
            for g in &gaps {
                say!("GAP  {g}");
            }
            say!(
                "{} passed, {} failed; {} coverage gaps",
                all.len() - failed,
                failed,
                gaps.len()
            );
            Ok(if failed == 0 && gaps.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        "render-static" => {
            let as_of: Date = match args.options.get("as-of") {
                Some(d) => d.parse().map_err(|e| format!("--as-of: {e}"))?,
                None => today(),
            };
            let cat = catalogue(&args)?;
            let page = selfcheck::static_page::render(
                &cat,
                as_of,
                args.options.get("css").map(String::as_str),
            );
            match args.options.get("out") {
                Some(path) => std::fs::write(path, page).map_err(|e| format!("{path}: {e}"))?,
                None => say_raw!("{page}"),
            }
            Ok(ExitCode::SUCCESS)
        }
        "hotlines-html" => {
            // What www/detect.js shows an old browser: generated at build time from
            // policies/hotlines.toml (scripts/post_build.mjs).
            let cat = catalogue(&args)?;
            say!("{}", selfcheck::static_page::hotlines_html(&cat));
            Ok(ExitCode::SUCCESS)
        }
        "pack" => {
            let dir = args
                .options
                .get("policies")
                .map(PathBuf::from)
                .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("policies"));
            let docs = selfcheck::load::documents_in(&dir).map_err(|e| e.to_string())?;
            // Checked across files as the widget will (unique ids); shipped unwrapped,
            // because the widget builds its own Catalogue from them.
            Catalogue::new(docs.clone()).map_err(|e| e.to_string())?;
            let path = args.options.get("out").ok_or("pack needs --out FILE")?;
            let english_path = args
                .options
                .get("english-out")
                .ok_or("pack needs --english-out FILE")?;
            let mut docs = docs;
            let english = selfcheck::pack::take_english(&mut docs);
            std::fs::write(path, selfcheck::pack::encode(&docs))
                .map_err(|e| format!("{path}: {e}"))?;
            std::fs::write(english_path, selfcheck::pack::encode_english(&english))
                .map_err(|e| format!("{english_path}: {e}"))?;
            // The regions' names (policies/data/regions.toml): the phone's wasm carries
            // only the provinces'. Same format as the English
            // texts: id `region:CODE`, title the Chinese name, summary the English one.
            if let Some(regions_path) = args.options.get("regions-out") {
                let names: Vec<_> = wugong::region::names()
                    .map(|(code, zh, en)| wugong::pack::EnglishText {
                        id: format!("region:{code}"),
                        title: zh.to_string(),
                        summary: Some(en.to_string()),
                    })
                    .collect();
                std::fs::write(regions_path, selfcheck::pack::encode_english(&names))
                    .map_err(|e| format!("{regions_path}: {e}"))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        "schema" => {
            say!(
                "{}",
                serde_json::to_string_pretty(&answers_schema()).map_err(|e| e.to_string())?
            );
            Ok(ExitCode::SUCCESS)
        }
        "help" | "--help" | "-h" => {
            say!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command '{other}'\n{USAGE}")),
    }
}

#[derive(Serialize)]
struct CheckView<'a> {
    as_of: Date,
    coverage: Coverage,
    next_question: Option<&'static str>,
    deadlines: Vec<Deadline>,
    measures: Vec<OutcomeView<'a>>,
}

#[derive(Serialize)]
struct AlmostView {
    from: Date,
    waiting_for: Vec<&'static str>,
    in_force_then: bool,
    text: String,
    text_en: String,
}

#[derive(Serialize)]
struct AmountView<'a> {
    #[serde(flatten)]
    payment: &'a Payment,
    text: String,
    text_en: String,
}

#[derive(Serialize)]
struct OutcomeView<'a> {
    id: &'a str,
    title: &'a str,
    kind: &'static str,
    audience: &'static str,
    verdict: &'static str,
    /// Where the widget shows it: apply_now, may_qualify, protections, contacts,
    /// employer, ended, not_for_you.
    group: Group,
    status: &'static str,
    status_date: Option<Date>,
    reasons: Vec<String>,
    failed: Vec<String>,
    missing: Vec<&'static str>,
    /// What only the employer knows ("要看单位：…"): the measure stays undetermined.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    depends_on_employer: Vec<String>,
    /// rate × count = total, each a field, and the text every screen shows.
    amount: Option<AmountView<'a>>,
    amount_text: Option<String>,
    frequency: Option<&'static str>,
    deadlines: Vec<Deadline>,
    /// Not eligible yet; time alone makes it so from `from`.
    almost: Option<AlmostView>,
    source: String,
    summary: &'a str,
    /// Our interpretation where the text alone does not settle the rule (我们的理解).
    reading: Option<&'a str>,
    apply_where: &'a str,
    apply_how: &'a str,
    materials: &'a [String],
    note: Option<&'a str>,
}

impl<'a> OutcomeView<'a> {
    fn new(o: &'a Outcome<'a>) -> OutcomeView<'a> {
        let m = o.measure;
        OutcomeView {
            id: o.id,
            title: &m.title,
            kind: m.kind.name(),
            audience: m.audience.name(),
            verdict: o.verdict.name(),
            group: o.group(),
            status: o.status.name(),
            status_date: match o.status {
                Status::InForce { until } => until,
                Status::Ended { on } => Some(on),
                Status::NotYetInForce { from } => Some(from),
            },
            reasons: o.met.iter().map(|r| r.describe(false)).collect(),
            failed: match &o.verdict {
                Verdict::NotEligible { failed } => {
                    failed.iter().map(|r| r.describe(false)).collect()
                }
                _ => vec![],
            },
            missing: match &o.verdict {
                Verdict::Undetermined { missing } => missing.iter().map(|f| f.name()).collect(),
                _ => vec![],
            },
            depends_on_employer: o
                .depends_on_employer
                .iter()
                .map(|e| e.describe(false))
                .collect(),
            amount: o.payment.as_ref().map(|p| AmountView {
                payment: p,
                text: p.text(false),
                text_en: p.text(true),
            }),
            amount_text: o.amount_text(false),
            frequency: m.frequency.map(|f| f.describe(true)),
            deadlines: o.deadlines.clone(),
            almost: o.almost.as_ref().map(|a| AlmostView {
                from: a.from,
                waiting_for: a.waiting_for.iter().map(|f| f.name()).collect(),
                in_force_then: a.in_force_then,
                text: a.describe(false),
                text_en: a.describe(true),
            }),
            source: source_line(o),
            summary: &m.summary,
            reading: m.reading.as_ref().map(|r| r.text.as_str()),
            apply_where: &m.apply_where,
            apply_how: &m.apply_how,
            materials: &m.materials,
            note: m.note.as_deref(),
        }
    }
}

fn source_line(o: &Outcome) -> String {
    let d = o.document;
    format!(
        "{} {}，{}，{}（{}）",
        d.number,
        o.measure.clause,
        d.issuer,
        d.issued_text(false),
        d.title
    )
}

/// The label in front of a measure: what its group says, so an ended programme is
/// never called eligible. The group "ended (or not yet started)" holds both: a measure
/// not yet in force on the date is labelled so, not "ended" (second reading A, C3).
fn label(o: &Outcome) -> &'static str {
    match (o.group(), &o.verdict) {
        (Group::Ended, _) if matches!(o.status, Status::NotYetInForce { .. }) => {
            "还没施行 not yet in force"
        }
        (Group::Ended, _) => "已结束 ended",
        (Group::NotForYou, _) => "不符合 not eligible",
        (_, Verdict::Eligible) => "符合 eligible",
        (_, _) => "待定 undetermined",
    }
}

fn print_deadline(d: &Deadline) {
    say!(
        "  ⏰ {}: {} — {}",
        d.kind.title(false),
        d.due.describe(false),
        d.kind.cite()
    );
}

/// The results as the widget shows them: grouped and ordered by the engine, each with
/// its summary, amount, reasons, what is missing, when it will apply, and its source.
fn print_check(eval: &Evaluation, answers: &Answers, next: Option<wugong::Fact>) {
    let as_of = eval.as_of;
    say!("务工自查 — 按 {as_of} 的规定评估 (evaluated as of {as_of})");
    if eval.coverage == Coverage::NotCovered {
        say!("注意：你户口所在地的地方补贴没有收录，只显示全国通用的权益和求助渠道。当地补贴请打 12333 或问县人社局。");
    }
    if let Some(f) = next {
        say!(
            "下一个问题 (next question): {} — {}",
            f.name(),
            f.label_zh()
        );
    }
    // Every deadline that applies: dated ones, and those that still need an answer,
    // with what is needed.
    let timeline = Deadline::all(answers, as_of);
    if !timeline.is_empty() {
        say!("\n期限 deadlines:");
        for d in &timeline {
            print_deadline(d);
        }
    }
    for group in Group::ALL {
        let items = in_group(&eval.outcomes, group);
        if items.is_empty() {
            continue;
        }
        say!(
            "\n== {} ({}) — {} ==",
            group.title(false),
            items.len(),
            group.title(true)
        );
        for o in items {
            print_outcome(o);
        }
    }
}

fn print_outcome(o: &Outcome) {
    let m = o.measure;
    say!("\n[{}] {} ({})", label(o), m.title, m.id);
    let status = format!("{} ({})", o.status.describe(false), o.status.describe(true));
    say!("  状态 status: {status}");
    say!("  内容 what: {}", m.summary);
    if let Some(r) = &m.reading {
        say!("  我们的理解 our reading: {}", r.text);
    }
    if let Some(a) = o.amount_text(false) {
        say!("  金额 amount: {a}");
    }
    for r in &o.met {
        say!("  ✓ {}", r.describe(false));
    }
    match &o.verdict {
        Verdict::NotEligible { failed } => failed
            .iter()
            .for_each(|r| say!("  ✗ {}", r.describe(false))),
        Verdict::Undetermined { missing } => {
            if !missing.is_empty() {
                let names: Vec<_> = missing.iter().map(|f| f.label_zh()).collect();
                say!("  ? 还需要回答 missing: {}", names.join("、"));
            }
            for e in &o.depends_on_employer {
                say!("  ? {}", e.describe(false));
            }
        }
        Verdict::Eligible => {}
    }
    if let Some(a) = &o.almost {
        say!("  ⏳ {}", a.describe(false));
    }
    for d in &o.deadlines {
        print_deadline(d);
    }
    for p in &m.phones {
        say!(
            "  ☎ {} (dial {}){}",
            p.number,
            p.dial,
            p.note
                .as_deref()
                .map(|n| format!(" — {n}"))
                .unwrap_or_default()
        );
    }
    say!("  怎么办 how: {} — {}", m.apply_where, m.apply_how);
    if !m.materials.is_empty() {
        say!("  材料 materials: {}", m.materials.join("；"));
    }
    if let Some(n) = &m.note {
        say!("  说明 note: {n}");
    }
    say!("  来源 source: {}", source_line(o));
}

/// The JSON Schema of an answers file, made from the fact list so it cannot drift.
fn answers_schema() -> serde_json::Value {
    use serde_json::json;
    use wugong::fact::FactKind;
    let mut props = serde_json::Map::new();
    for f in wugong::Fact::ALL.iter().filter(|f| !f.is_derived()) {
        let mut p = match f.kind() {
            FactKind::Bool => json!({"type": ["boolean", "null"]}),
            FactKind::Count(unit) => {
                json!({"type": ["integer", "null"], "minimum": 0, "description": unit})
            }
            FactKind::Money => {
                json!({"type": ["string", "integer", "null"], "pattern": "^[0-9]+(\\.[0-9]{1,2})?$", "minimum": 0, "description": "yuan, as text"})
            }
            FactKind::Date => {
                json!({"type": ["string", "null"], "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "format": "date"})
            }
            FactKind::Choice(opts) => {
                json!({"enum": opts.iter().map(|o| serde_json::Value::from(o.0)).chain([serde_json::Value::Null]).collect::<Vec<_>>()})
            }
            FactKind::Region => {
                json!({"enum": wugong::region::all().iter().map(|r| serde_json::Value::from(r.code)).chain([serde_json::Value::Null]).collect::<Vec<_>>()})
            }
        };
        p["title"] = json!(format!("{} — {}", f.label_zh(), f.label_en()));
        props.insert(f.name().to_string(), p);
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "务工自查 answers",
        "description": "A worker's answers. Leave a fact out, or set it to null, when it is not known.",
        "type": "object",
        "additionalProperties": false,
        "properties": props,
    })
}

/// Today in UTC, from the system clock (only for the static page's default date).
fn today() -> Date {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0);
    Date::new(1970, 1, 1).expect("epoch").plus_days(days as i64)
}
