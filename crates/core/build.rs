//! Turns the data files beside `policies/` into compact text the engine embeds, so the
//! wasm carries no TOML parser and rule knowledge lives in data:
//!
//! - `policies/data/regions.toml` (GB/T 2260 codes and names) → `regions.txt`, one line
//!   per region, the code then the Chinese name (`4101郑州市`), with a leading `*` on the
//!   code of every region that holds or lies within a document's region (read from
//!   `policies/*.toml`), so the region picker can put the covered places first before
//!   the rules file has arrived; and `regions_en.txt`, the English names line by line in
//!   the same order (names apart from codes compress better: 0.7 KB less wasm, gzip).
//!   For the wasm, names below province level are left out except where covered.
//!
//! - `policies/data/events.toml` (what brought the worker: the answers, questions and
//!   numbers that go with each) → `events.rs`, a Rust table (a fact name that is not a
//!   fact fails to compile).
//!
//! - `policies/data/facts.toml` (the facts' labels and their options') → `labels.rs`,
//!   natively; the widget's wasm gets them with the rules files (feature
//!   `labels-in-rules`).
//!
//! The deadlines, implications and warnings of `policies/data/` are not compiled in:
//! they travel in the rules file (the tools crate's `src/load/tables.rs` reads them).
//!
//! The files are written by people (or by `scripts/regions-from-npm.mjs`): a mistake
//! stops the build with the file, line and what is wrong. Only std is used here.

use std::{env, fs, path::Path};

fn main() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let policies = manifest.join("../../policies");
    let out_dir = env::var("OUT_DIR").unwrap();
    println!("cargo:rerun-if-changed={}", policies.display());

    // The documents' regions: the `region = "…"` line of every policy file.
    let mut doc_regions: Vec<String> = Vec::new();
    let mut files: Vec<_> = fs::read_dir(&policies)
        .expect("policies/ folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    for p in &files {
        println!("cargo:rerun-if-changed={}", p.display());
        let text = fs::read_to_string(p).unwrap();
        for line in text.lines() {
            if let Some(v) = line.trim().strip_prefix("region = ") {
                let v = v.trim().trim_matches('"');
                if v != "national" {
                    doc_regions.push(v.to_string());
                }
            }
        }
    }

    let path = policies.join("data/regions.toml");
    println!("cargo:rerun-if-changed={}", path.display());
    let text = fs::read_to_string(&path).expect("policies/data/regions.toml");
    let (mut out, mut out_en) = (String::new(), String::new());
    let wasm = env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32"));
    let mut codes: Vec<String> = Vec::new();
    let mut names: Vec<(String, String, String)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line == "regions = [" || line == "]" {
            continue;
        }
        let row = line
            .strip_prefix('[')
            .and_then(|l| l.strip_suffix("],"))
            .unwrap_or_else(|| {
                fail(
                    REGIONS_TOML,
                    n,
                    line,
                    "expected [\"code\", \"name\", \"English name\"],",
                )
            });
        let cells: Vec<&str> = row
            .strip_prefix('"')
            .and_then(|r| r.strip_suffix('"'))
            .map_or(vec![], |r| r.split("\", \"").collect());
        let [code, name, en] = cells[..] else {
            fail(REGIONS_TOML, n, line, "expected three quoted cells")
        };
        if !matches!(code.len(), 2 | 4 | 6) || !code.bytes().all(|b| b.is_ascii_digit()) {
            fail(REGIONS_TOML, n, line, "a code has 2, 4 or 6 digits");
        }
        if name.is_empty() || en.is_empty() || (name.to_string() + en).contains(['|', '"']) {
            fail(
                REGIONS_TOML,
                n,
                line,
                "names must be non-empty, without | or quotes",
            );
        }
        if codes.iter().any(|c| c == code) {
            fail(REGIONS_TOML, n, line, "code listed twice");
        }
        // `region::find` searches the list by halves.
        if codes.last().is_some_and(|last| last.as_str() >= code) {
            fail(REGIONS_TOML, n, line, "codes must be in ascending order");
        }
        if code.len() > 2 && !codes.iter().any(|c| *c == code[..code.len() - 2]) {
            fail(REGIONS_TOML, n, line, "its parent must be listed before it");
        }
        codes.push(code.to_string());
        names.push((code.to_string(), name.to_string(), en.to_string()));
        let covered = doc_regions
            .iter()
            .any(|d| d.starts_with(code) || code.starts_with(d.as_str()));
        let star = if covered { "*" } else { "" };
        // The phone's wasm carries the names of the provinces only; the prefectures' and
        // counties' (2.3 KB, gzip) come in the regions file fetched with the rules
        // (`selfcheck pack --regions-out`). Every code is here, so answers are checked
        // before that file arrives, and the covered flags order the picker.
        let name = if wasm && code.len() > 2 { "" } else { name };
        out.push_str(&format!("{star}{code}{name}\n"));
        // English names below province level also come with the regions file (1.5 KB
        // less wasm, gzip). Native builds carry them all.
        let en = if wasm && code.len() > 2 { "" } else { en };
        out_en.push_str(&format!("{en}\n"));
    }
    for d in &doc_regions {
        if !codes.contains(d) {
            panic!("a document's region {d} is not in policies/data/regions.toml");
        }
    }
    // The places covered, named ("山西省 忻州市、云南省"), without those inside another.
    let mut roots: Vec<&String> = doc_regions
        .iter()
        .filter(|r| {
            !doc_regions
                .iter()
                .any(|o| o.len() < r.len() && r.starts_with(o.as_str()))
        })
        .collect();
    roots.sort();
    roots.dedup();
    let full = |code: &str, col: usize| {
        [2, 4, 6]
            .iter()
            .filter(|l| code.len() >= **l)
            .filter_map(|l| names.iter().find(|n| n.0 == code[..*l]))
            .map(|n| if col == 0 { n.1.clone() } else { n.2.clone() })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let zh: Vec<String> = roots.iter().map(|r| full(r, 0)).collect();
    let en: Vec<String> = roots.iter().map(|r| full(r, 1)).collect();
    fs::write(
        Path::new(&out_dir).join("covered.rs"),
        format!(
            "const COVERED_ZH: &str = {:?};\nconst COVERED_EN: &str = {:?};\n",
            zh.join("、"),
            en.join(", ")
        ),
    )
    .unwrap();
    area_codes(&policies.join("data/area_codes.toml"), &out_dir, &codes);
    fs::write(Path::new(&out_dir).join("regions.txt"), out).unwrap();
    fs::write(Path::new(&out_dir).join("regions_en.txt"), out_en).unwrap();
    let policy_text = files
        .iter()
        .map(|p| fs::read_to_string(p).unwrap())
        .collect::<String>();
    events(&policies.join("data/events.toml"), &out_dir, &policy_text);
    labels(&policies.join("data/facts.toml"), &out_dir);
    words(&policies.join("data/words.toml"), &out_dir);
}

/// `policies/data/words.toml` → `words.rs`: `enum Word` (one variant per `[[word]]`, its
/// id in CamelCase) and, natively, each word's (Chinese, English); the widget's wasm
/// (feature `labels-in-rules`) gets them with the rules files, after the labels.
fn words(path: &Path, out_dir: &str) {
    let in_rules = env::var("CARGO_FEATURE_LABELS_IN_RULES").is_ok()
        && env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32"));
    let (mut variants, mut texts) = (String::new(), String::new());
    let mut ids: Vec<String> = Vec::new();
    for row in tables(path, "word") {
        let v = pick(&row, &["id", "zh", "en"], &[], "words.toml");
        if v.iter().any(|s| s.is_empty()) {
            panic!("policies/data/words.toml: each word needs id, zh and en");
        }
        if ids.contains(&v[0]) {
            panic!("policies/data/words.toml: {} given twice", v[0]);
        }
        ids.push(v[0].clone());
        let name = variant(&v[0]);
        variants.push_str(&format!("    {name},\n"));
        texts.push_str(&format!(
            "        Word::{name} => ({:?}, {:?}),\n",
            v[1], v[2]
        ));
    }
    let all: Vec<String> = ids
        .iter()
        .map(|i| format!("Word::{}", variant(i)))
        .collect();
    let built_in = if in_rules {
        "const WORDS_BUILT_IN: bool = false;\nfn built_in_word(_: Word) -> (&'static str, &'static str) {\n    (\"\", \"\")\n}\n".to_string()
    } else {
        format!("const WORDS_BUILT_IN: bool = true;\n/// (Chinese, English).\nfn built_in_word(word: Word) -> (&'static str, &'static str) {{\n    match word {{\n{texts}    }}\n}}\n")
    };
    fs::write(
        Path::new(out_dir).join("words.rs"),
        format!(
            "// From policies/data/words.toml (crates/core/build.rs).\n/// A word of `policies/data/words.toml`, by its id.\n#[derive(Clone, Copy, Debug, PartialEq, Eq)]\npub enum Word {{\n{variants}}}\nimpl Word {{\n    pub const ALL: &'static [Word] = &[{}];\n}}\n{built_in}",
            all.join(", ")
        ),
    )
    .unwrap();
}

/// `policies/data/facts.toml` → `labels.rs`: each fact's label and each choice option's,
/// (Chinese, English), as `match`es on the fact (a fact left out, or a name that is not a
/// fact, fails to compile). The widget's wasm (feature `labels-in-rules`, www/Cargo.toml)
/// gets them with the rules file and the English file instead (`fact::set_labels`): the
/// first screen needs none.
fn labels(path: &Path, out_dir: &str) {
    let in_rules = env::var("CARGO_FEATURE_LABELS_IN_RULES").is_ok()
        && env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32"));
    let (mut facts, mut choices, mut options) = (String::new(), String::new(), String::new());
    for row in tables(path, "fact") {
        let v = pick(&row, &["name", "zh", "en"], &[], "facts.toml");
        if v.iter().any(|s| s.is_empty()) {
            panic!("policies/data/facts.toml: each fact needs name, zh and en");
        }
        facts.push_str(&format!(
            "        Fact::{} => ({:?}, {:?}),\n",
            variant(&v[0]),
            v[1],
            v[2]
        ));
    }
    for row in tables(path, "choice") {
        let v = pick(&row, &["fact", "code", "zh", "en"], &[], "facts.toml");
        if v.iter().any(|s| s.is_empty()) {
            panic!("policies/data/facts.toml: each choice needs fact, code, zh and en");
        }
        let fact = variant(&v[0]);
        choices.push_str(&format!(
            "        (Fact::{fact}, {:?}) => ({:?}, {:?}),\n",
            v[1], v[2], v[3]
        ));
        options.push_str(&format!("    (Fact::{fact}, {:?}),\n", v[1]));
    }
    let code = if in_rules {
        "/// Not built in: they come with the rules (`set_labels`).\nconst BUILT_IN: bool = false;\nfn built_in_label(_: Fact) -> (&'static str, &'static str) {\n    (\"\", \"\")\n}\nfn built_in_choice(_: Fact, _: &str) -> (&'static str, &'static str) {\n    (\"\", \"\")\n}\n".to_string()
    } else {
        format!(
            "const BUILT_IN: bool = true;\n/// (Chinese, English).\nfn built_in_label(fact: Fact) -> (&'static str, &'static str) {{\n    match fact {{\n{facts}    }}\n}}\n/// (Chinese, English); (\"\", \"\") for a code not listed (a test checks every option is).\nfn built_in_choice(fact: Fact, code: &str) -> (&'static str, &'static str) {{\n    match (fact, code) {{\n{choices}        _ => (\"\", \"\"),\n    }}\n}}\n#[cfg(test)]\nconst CHOICES_LISTED: &[(Fact, &str)] = &[\n{options}];\n"
        )
    };
    fs::write(
        Path::new(out_dir).join("labels.rs"),
        format!("// From policies/data/facts.toml (crates/core/build.rs).\n{code}"),
    )
    .unwrap();
}

/// `policies/data/area_codes.toml` → `area_codes.rs`: the local numbers a mobile dials
/// with an area code, and each prefecture's 区号 (natively; the widget's wasm gets them
/// with the rules file, 0.x KB gzip less on its first screen).
fn area_codes(path: &Path, out_dir: &str, regions: &[String]) {
    println!("cargo:rerun-if-changed={}", path.display());
    let text = fs::read_to_string(path).expect("policies/data/area_codes.toml");
    let (mut numbers, mut rows) = (Vec::new(), Vec::new());
    for (n, line) in text.lines().enumerate() {
        let line = line.split(" #").next().unwrap_or("").trim();
        if line.is_empty() || line.starts_with('#') || line == "area_codes = [" || line == "]" {
            continue;
        }
        if let Some(list) = line
            .strip_prefix("numbers = [")
            .and_then(|l| l.strip_suffix(']'))
        {
            for v in list.split(',') {
                let v = v.trim().trim_matches('"');
                if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
                    fail(AREA_CODES_TOML, n, line, "numbers are digits");
                }
                numbers.push(v.to_string());
            }
            continue;
        }
        let cells: Vec<&str> = line
            .strip_prefix("[\"")
            .and_then(|l| l.strip_suffix("\"],"))
            .map_or(vec![], |r| r.split("\", \"").collect());
        let [code, area] = cells[..] else {
            fail(
                AREA_CODES_TOML,
                n,
                line,
                "expected [\"prefecture code\", \"area code\"],",
            )
        };
        if code.len() != 4 || !regions.iter().any(|r| r == code) {
            fail(
                AREA_CODES_TOML,
                n,
                line,
                "a prefecture code of policies/data/regions.toml",
            );
        }
        if !(3..=4).contains(&area.len())
            || !area.starts_with('0')
            || !area.bytes().all(|b| b.is_ascii_digit())
        {
            fail(
                AREA_CODES_TOML,
                n,
                line,
                "an area code is 0 and two or three digits",
            );
        }
        if rows.iter().any(|(c, _): &(String, String)| c == code) {
            fail(AREA_CODES_TOML, n, line, "prefecture listed twice");
        }
        rows.push((code.to_string(), area.to_string()));
    }
    // The widget's wasm (feature `area-codes-in-rules`, www/Cargo.toml) gets the table
    // with the rules file instead (`region::set_area_codes`): the first screen needs none.
    let in_rules = env::var("CARGO_FEATURE_AREA_CODES_IN_RULES").is_ok()
        && env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32"));
    if in_rules {
        (numbers, rows) = (Vec::new(), Vec::new());
    }
    fs::write(
        Path::new(out_dir).join("area_codes.rs"),
        format!(
            "/// Local numbers dialled with an area code from a mobile.\nconst LOCAL_NUMBERS: &[&str] = &{numbers:?};\n/// (prefecture, 区号).\nconst AREA_CODES: &[(&str, &str)] = &{rows:?};\n"
        ),
    )
    .unwrap();
}

const REGIONS_TOML: &str = "policies/data/regions.toml";
const AREA_CODES_TOML: &str = "policies/data/area_codes.toml";

/// Stops the build naming the data file and line at fault.
fn fail(file: &str, n: usize, line: &str, what: &str) -> ! {
    panic!("{file}:{}: {what}: {line}", n + 1)
}

/// The `[[header]]` tables of a data file, each as (key, value) pairs in file order.
/// Values: "text", a whole number, true/false, or a one-line ["text", …] list (kept
/// as text joined by commas). Nothing else is accepted.
fn tables(path: &Path, header: &str) -> Vec<Vec<(String, String)>> {
    println!("cargo:rerun-if-changed={}", path.display());
    let file = path.file_name().unwrap().to_string_lossy().to_string();
    let text = fs::read_to_string(path).unwrap_or_else(|_| panic!("policies/data/{file}"));
    let where_ = |n: usize| format!("policies/data/{file}:{}", n + 1);
    let unquote = |v: &str| {
        v.strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .map(|s| s.replace("\\\"", "\"").replace("\\\\", "\\"))
    };
    let mut rows: Vec<Vec<(String, String)>> = Vec::new();
    // Inside a `[[header]]` table (Some(true)), another one (Some(false)), or before any.
    let mut ours = None;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with("[[") {
            ours = Some(line == format!("[[{header}]]"));
            if ours == Some(true) {
                rows.push(Vec::new());
            }
            continue;
        }
        if ours == Some(false) {
            continue;
        }
        let (key, value) = line
            .split_once(" = ")
            .unwrap_or_else(|| panic!("{}: expected key = value", where_(n)));
        let row = rows
            .last_mut()
            .unwrap_or_else(|| panic!("{}: before the first [[{header}]]", where_(n)));
        let value = if let Some(s) = unquote(value) {
            s
        } else if value == "true" || value == "false" || value.parse::<u32>().is_ok() {
            value.to_string()
        } else if let Some(list) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            list.split(", ")
                .map(|v| unquote(v).unwrap_or_else(|| panic!("{}: a list of \"text\"", where_(n))))
                .collect::<Vec<_>>()
                .join(",")
        } else {
            panic!(
                "{}: expected \"text\", a whole number, true, false or a list",
                where_(n)
            )
        };
        if value.contains('|') || value.contains('\n') {
            panic!("{}: no | or line break in values", where_(n));
        }
        if row.iter().any(|(k, _)| k == key) {
            panic!("{}: {key} given twice", where_(n));
        }
        row.push((key.to_string(), value));
    }
    rows
}

/// The row's values for `keys` in that order ("" where absent); an unknown key stops
/// the build.
fn pick(row: &[(String, String)], keys: &[&str], ignored: &[&str], file: &str) -> Vec<String> {
    for (k, _) in row {
        if !keys.contains(&k.as_str()) && !ignored.contains(&k.as_str()) {
            panic!("policies/data/{file}: unknown key {k}");
        }
    }
    keys.iter()
        .map(|k| {
            row.iter()
                .find(|(r, _)| r == k)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        })
        .collect()
}

/// `Event { fact, sets, facts, call }` per `[[event]]`.
fn events(path: &Path, out_dir: &str, policy_text: &str) {
    let mut out = String::new();
    for row in tables(path, "event") {
        let v = pick(&row, &["fact", "sets", "facts", "call"], &[], "events.toml");
        if v[0].is_empty() || v[2].is_empty() || v[3].is_empty() {
            panic!("policies/data/events.toml: each event needs fact, facts and call");
        }
        let facts = |list: &str| {
            list.split(',')
                .filter(|f| !f.is_empty())
                .map(|f| format!("Fact::{}", variant(f)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        for m in v[3].split(',') {
            if !policy_text.contains(&format!("id = \"{m}\"")) {
                panic!("policies/data/events.toml: no measure '{m}' in policies/");
            }
        }
        let call: Vec<String> = v[3].split(',').map(|m| format!("{m:?}")).collect();
        out.push_str(&format!(
            "    Event {{ fact: Fact::{}, sets: &[{}], facts: &[{}], call: &[{}] }},\n",
            variant(&v[0]),
            facts(&v[1]),
            facts(&v[2]),
            call.join(", ")
        ));
    }
    fs::write(
        Path::new(out_dir).join("events.rs"),
        format!("// From policies/data/events.toml (crates/core/build.rs).\npub const EVENTS: &[Event] = &[\n{out}];\n"),
    )
    .unwrap();
}

/// The `Fact` variant of a fact's name (`wants_to_go_out` → `WantsToGoOut`): a name that
/// is not a fact fails to compile, naming it.
fn variant(name: &str) -> String {
    name.split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}
