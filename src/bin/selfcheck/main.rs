//! `selfcheck`: the engine on the command line.
//!
//! This file parses the arguments and runs each subcommand; `check.rs` renders the
//! worker's report (text and JSON), `schema.rs` writes the answers file's JSON Schema.
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
use wugong::tags::Named;
use wugong::{Catalogue, Date, FactSet};

const USAGE: &str = "usage:
  selfcheck check ANSWERS.json --as-of YYYY-MM-DD [--format text|json] [--policies DIR]
  selfcheck check --link SHARE-TEXT --as-of YYYY-MM-DD [--format text|json]   (the widget's share text)
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
    () => { $crate::emit(format_args!("\n")) };
    ($($t:tt)*) => { $crate::emit(format_args!("{}\n", format_args!($($t)*))) };
}

/// `print!` with the same care.
macro_rules! say_raw {
    ($($t:tt)*) => { $crate::emit(format_args!($($t)*)) };
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

mod check;
mod schema;

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
                "link",
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
            // An answers file, or `--link TEXT`: the widget's share text (what its link
            // carries after '#', and what it stores), so the CLI and the widget can be
            // compared on the very same answers.
            let link = args.options.get("link");
            let file = match (args.positional.as_slice(), link) {
                ([file], None) => file.as_str(),
                ([], Some(_)) => "--link",
                _ => return Err(format!("check needs one answers file or --link\n{USAGE}")),
            };
            let as_of: Date = args
                .options
                .get("as-of")
                .ok_or("check needs --as-of YYYY-MM-DD (the date to evaluate on)")?
                .parse()
                .map_err(|e| format!("--as-of: {e}"))?;
            let json = json_format(&args)?;
            let answers = match link {
                Some(text) => wugong::share::decode(text.trim_start_matches('#'))
                    .map_err(|e| format!("--link: {e}"))?,
                None => selfcheck::answers_file::read_answers(Path::new(file))?,
            };
            // Answers that cannot be true on the date (an injury after it, 8 months of
            // work by July) are refused by name, like the widget's question screen does.
            answers
                .check_on(as_of)
                .map_err(|r| format!("{file}: {r}"))?;
            let cat = catalogue(&args)?;
            let report = wugong::Report::new(&cat, &answers, as_of, false);
            let next = cat.next_question(&answers, as_of, &FactSet::new());
            if json {
                say!(
                    "{}",
                    serde_json::to_string_pretty(&check::json(&report, &answers, next))
                        .map_err(|e| e.to_string())?
                );
            } else {
                check::print(&report, next);
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
                None => Date::today_utc(),
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
            let tables = selfcheck::load::tables_in(&dir).map_err(|e| e.to_string())?;
            // Checked across files as the widget will (unique ids, the tables' names);
            // shipped unwrapped, because the widget builds its own Catalogue from them.
            let cat =
                selfcheck::checked(docs.clone(), tables.clone()).map_err(|e| e.to_string())?;
            selfcheck::names_resolve(&cat).map_err(|e| e.to_string())?;
            let path = args.options.get("out").ok_or("pack needs --out FILE")?;
            let english_path = args
                .options
                .get("english-out")
                .ok_or("pack needs --english-out FILE")?;
            let (mut docs, mut tables) = (docs, tables);
            let mut english = selfcheck::pack::take_english(&mut docs, &mut tables);
            std::fs::write(path, selfcheck::pack::encode(&docs, &tables))
                .map_err(|e| format!("{path}: {e}"))?;
            // The regions' names (policies/data/regions.toml): the phone's wasm carries
            // only the provinces'. The Chinese names in a file of their own, fetched with
            // the rules (id `region:CODE`, title the name); the English names go with
            // the English texts, fetched only by those who read English (3 KB gzip less
            // for everyone else).
            let regions = |english_names: bool| {
                wugong::region::names().map(move |(code, zh, en)| wugong::pack::EnglishText {
                    id: format!("region:{code}"),
                    title: if english_names { en } else { zh }.to_string(),
                    summary: None,
                })
            };
            english.extend(regions(true));
            std::fs::write(english_path, selfcheck::pack::encode_english(&english))
                .map_err(|e| format!("{english_path}: {e}"))?;
            if let Some(regions_path) = args.options.get("regions-out") {
                let names: Vec<_> = regions(false).collect();
                std::fs::write(regions_path, selfcheck::pack::encode_english(&names))
                    .map_err(|e| format!("{regions_path}: {e}"))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        "schema" => {
            say!(
                "{}",
                serde_json::to_string_pretty(&schema::answers_schema())
                    .map_err(|e| e.to_string())?
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
