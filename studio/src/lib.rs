//! # 务工自查 rules studio
//!
//! A county office writes a policy document (the TOML of `policies/README.md`) in the
//! browser, sees it checked as it types, runs its persona cases and a sample worker,
//! previews the result page a worker would see, and exports the file, the rules files
//! and a widget folder to upload. Everything runs in this wasm: the tools crate's
//! loader, cross-file checks, case runner and rules-file writer (`selfcheck`), the core
//! (`wugong`), and the widget's own result views (`results.rs` includes them). The page
//! (`studio/studio.js`) calls the functions below with text and gets JSON or bytes.

use std::cell::OnceCell;

use serde_json::{json, Value as Json};
use toml::{Table, Value as Toml};
use wasm_bindgen::prelude::*;

use selfcheck::load::LoadError;
use wugong::catalogue::Tables;
use wugong::policy::Document;
use wugong::{Catalogue, Date, Report};

#[path = "../../www/src/raw.rs"]
mod raw;
mod results;
#[path = "../../www/src/text.rs"]
#[allow(dead_code)]
mod text;
mod zh;

include!(concat!(env!("OUT_DIR"), "/seeds.rs"));

/// The widget's English texts are not in the studio: the preview is in Chinese.
pub fn english_text(_measure_id: &str) -> Option<&'static wugong::pack::EnglishText> {
    None
}

/// The question screens' words built in (`policies/data/questions.toml`), in Chinese.
pub fn question_text(q: wugong::Question, _english: bool) -> Option<(&'static str, &'static str)> {
    static QUESTIONS: std::sync::OnceLock<Vec<wugong::catalogue::QuestionText>> =
        std::sync::OnceLock::new();
    let t = QUESTIONS
        .get_or_init(|| {
            selfcheck::embedded_tables()
                .map(|t| t.questions)
                .unwrap_or_default()
        })
        .iter()
        .find(|t| t.question == q)?;
    Some((&t.zh, &t.hint))
}

thread_local! {
    /// The documents and tables built in (`policies/`), read once.
    static BASE: OnceCell<Result<(Vec<Document>, Tables), LoadError>> = const { OnceCell::new() };
}

fn base() -> Result<(Vec<Document>, Tables), LoadError> {
    BASE.with(|b| {
        b.get_or_init(|| {
            let docs = selfcheck::POLICY_FILES
                .iter()
                .map(|(path, text)| selfcheck::load::document(path, text))
                .collect::<Result<Vec<_>, _>>()?;
            Ok((docs, selfcheck::embedded_tables()?))
        })
        .clone()
    })
}

/// The file name an id gives (`policies/<id>.toml`), as errors and the loader name it.
fn file_of(id: &str) -> String {
    format!("policies/{}.toml", id.trim())
}

/// The built-in documents with `doc` in place of the one of its id (or added), checked
/// across files as `selfcheck pack` checks them.
fn with_document(doc: &Document) -> Result<(Vec<Document>, Tables, Catalogue), LoadError> {
    let (mut docs, tables) = base()?;
    docs.retain(|d| d.id != doc.id);
    docs.push(doc.clone());
    let catalogue = selfcheck::checked(docs.clone(), tables.clone())?;
    selfcheck::names_resolve(&catalogue)?;
    Ok((docs, tables, catalogue))
}

/// The error as the clerk reads it: line, column, the field in Chinese, the message in
/// Chinese (the loader's words after it).
fn error_json(e: &LoadError, source: &str) -> Json {
    let at = e.at.or_else(|| zh::find_field(source, &e.field));
    let at = zh::the_value(source, at, &e.message).or(at);
    json!({
        "line": at.map(|a| a.0),
        "column": at.map(|a| a.1),
        "field": e.field,
        "field_zh": zh::field(&e.field),
        "message": e.message,
        "text": zh::describe(e, at),
    })
}

/// Everything the studio shows for the text it holds: the document's problems (at most
/// one: the loader stops at the first), its measures, its cases run with pass/fail, and
/// the sample worker's result page as the widget writes it.
#[wasm_bindgen]
pub fn check(id: &str, document: &str, cases: &str, worker: &str) -> String {
    let file = file_of(id);
    let doc = match zh::check_id(id)
        .map_err(|m| LoadError {
            file: file.clone(),
            field: String::new(),
            message: m,
            at: None,
        })
        .and_then(|_| selfcheck::load::document(&file, document))
    {
        Ok(d) => d,
        Err(e) => return json!({ "errors": [error_json(&e, document)] }).to_string(),
    };
    let catalogue = match with_document(&doc) {
        Ok((_, _, c)) => c,
        Err(e) => return json!({ "errors": [error_json(&e, document)] }).to_string(),
    };
    let measures: Vec<Json> = doc
        .measures
        .iter()
        .map(|m| json!({ "id": m.id, "title": m.title }))
        .collect();
    json!({
        "errors": [],
        "document": { "number": doc.number, "title": doc.title, "measures": measures },
        "cases": run_cases(&catalogue, cases),
        "preview": preview(&catalogue, worker),
    })
    .to_string()
}

/// The `[[case]]` entries of the cases box, each run as `selfcheck cases` runs a file.
fn run_cases(catalogue: &Catalogue, text: &str) -> Json {
    let list = match case_tables(text) {
        Ok(l) => l,
        Err(e) => return json!({ "error": e, "results": [] }),
    };
    let results: Vec<Json> = list
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let name = format!("用例{}", i + 1);
            match selfcheck::cases::parse(&name, &t.to_string()) {
                Ok(case) => {
                    let problems = selfcheck::cases::check(catalogue, &case);
                    json!({ "who": case.who, "pass": problems.is_empty(), "problems": problems })
                }
                Err(e) => json!({ "who": name, "pass": false, "problems": [zh::case_error(&e)] }),
            }
        })
        .collect();
    json!({ "error": null, "results": results })
}

/// The tables of `[[case]]` in the cases box.
fn case_tables(text: &str) -> Result<Vec<Table>, String> {
    let table: Table = text
        .parse()
        .map_err(|e: toml::de::Error| zh::toml_error("用例", text, &e))?;
    match table.get("case") {
        None => Ok(vec![]),
        Some(Toml::Array(items)) => items
            .iter()
            .map(|v| match v {
                Toml::Table(t) => Ok(t.clone()),
                _ => Err("每个用例要写成 [[case]]".to_string()),
            })
            .collect(),
        Some(_) => Err("每个用例要写成 [[case]]".to_string()),
    }
}

/// The sample worker's result page, by the widget's own views.
fn preview(catalogue: &Catalogue, worker: &str) -> Json {
    let case = match selfcheck::cases::parse("样例工人", worker) {
        Ok(c) => c,
        Err(e) => return json!({ "error": zh::case_error(&e) }),
    };
    if let Err(r) = case.answers.check_on(case.as_of) {
        return json!({ "error": format!("样例工人的回答不可能：{}", r.text(false)) });
    }
    let report = Report::new(catalogue, &case.answers, case.as_of, false);
    let next = catalogue.next_question(&case.answers, case.as_of, &wugong::FactSet::new());
    let html = results::page(&report, &case.answers, next);
    json!({ "error": null, "html": html })
}

/// The rules file of the widget with this document added (or in place of its older
/// version), or empty if the document does not load.
#[wasm_bindgen]
pub fn pack(id: &str, document: &str) -> Vec<u8> {
    match packed(id, document) {
        Some((docs, tables, _)) => selfcheck::pack::encode(&docs, &tables),
        None => Vec::new(),
    }
}

/// The English texts' file that goes with [`pack`]'s rules file, or empty if the
/// document does not load: the measures', questions' and labels' English, and the
/// regions' English names (`region:CODE`) carried over from the build's own English file
/// `base` (the CLI's `pack` writes them there; this wasm carries only the provinces').
#[wasm_bindgen]
pub fn pack_english(id: &str, document: &str, base: &[u8]) -> Vec<u8> {
    let Some((_, _, mut texts)) = packed(id, document) else {
        return Vec::new();
    };
    let Ok(base) = wugong::pack::decode_english(base) else {
        return Vec::new();
    };
    texts.extend(base.into_iter().filter(|t| t.id.starts_with("region:")));
    selfcheck::pack::encode_english(&texts)
}

/// The documents and tables with this one added, their English texts taken out.
fn packed(
    id: &str,
    document: &str,
) -> Option<(Vec<Document>, Tables, Vec<wugong::pack::EnglishText>)> {
    let doc = selfcheck::load::document(&file_of(id), document).ok()?;
    let (mut docs, mut tables, _) = with_document(&doc).ok()?;
    let texts = selfcheck::pack::take_english(&mut docs, &mut tables);
    Some((docs, tables, texts))
}

/// The 16 hex digits a rules file is named by (`rules-<hex>.bin`): its checksum, in
/// its last 8 bytes (scripts/fnv.mjs `trailerHex`).
#[wasm_bindgen]
pub fn trailer_hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .rev()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The checksum of any file, as 16 hex digits (names the start script of an export).
#[wasm_bindgen]
pub fn checksum_hex(bytes: &[u8]) -> String {
    format!("{:016x}", wugong::pack::checksum(bytes))
}

/// The seed documents: `[{ file, number, title }]`.
#[wasm_bindgen]
pub fn seeds() -> String {
    let docs = base().map(|b| b.0).unwrap_or_default();
    let list: Vec<Json> = docs
        .iter()
        .map(|d| json!({ "id": d.id, "number": d.number, "title": d.title }))
        .collect();
    Json::Array(list).to_string()
}

/// A seed document's text and its cases as `[[case]]` entries: `{ document, cases }`.
#[wasm_bindgen]
pub fn seed(id: &str) -> String {
    let file = file_of(id);
    let document = selfcheck::POLICY_FILES
        .iter()
        .find(|(p, _)| *p == file)
        .map_or("", |(_, t)| *t);
    let cases: String = SEED_CASES
        .iter()
        .find(|(p, _)| *p == file)
        .map(|(_, cases)| cases.iter().map(|c| as_case(c)).collect())
        .unwrap_or_default();
    json!({ "document": document, "cases": cases }).to_string()
}

/// A case file (`tests/cases/*.toml`) as an entry of the cases box (`[[case]]`), or
/// empty if it is not TOML.
#[wasm_bindgen]
pub fn as_case(text: &str) -> String {
    let Ok(table) = text.parse::<Table>() else {
        return String::new();
    };
    let mut file = Table::new();
    file.insert("case".into(), Toml::Array(vec![Toml::Table(table)]));
    toml::to_string(&file).map_or(String::new(), |t| format!("{t}\n"))
}

/// Whether a file opened from disk is a document (`[document]`), a case (`who = …`) or
/// neither.
#[wasm_bindgen]
pub fn kind_of(text: &str) -> String {
    match text.parse::<Table>() {
        Ok(t) if t.contains_key("document") => "document",
        Ok(t) if t.contains_key("who") => "case",
        Ok(t) if t.contains_key("case") => "cases",
        _ => "unknown",
    }
    .into()
}

/// A new document from the template: the office's name, region, hotline and address
/// filled in, the rest marked （…） for the clerk. Dates are left for the clerk: the
/// studio never writes a document's date itself.
#[wasm_bindgen]
pub fn template(
    id: &str,
    office: &str,
    region: &str,
    hotline: &str,
    address: &str,
    today: &str,
) -> String {
    let q = |s: &str| toml::Value::String(s.trim().to_string()).to_string();
    let id = id.trim();
    let phones = if hotline.trim().is_empty() {
        String::new()
    } else {
        format!("phones = [{{ number = {} }}]\n", q(hotline))
    };
    let checked = today.parse::<Date>().map_or_else(
        |_| "（今天的日期，如 2026-12-06）".into(),
        |d| d.to_string(),
    );
    format!(
        r#"# 一份文件一个 .toml。（…）里的内容请换成文件里的原话整理出的内容。
[document]
number = "（文号，如 会人社发〔2026〕1号）"
title = "（文件标题）"
issuer = {office}
region = {region}
issued = "（印发日期，文件上写的，如 2026-03-01；没写就删掉这一行，改填 valid_from）"
valid_until = "none stated"
source = "（原文放在哪里，如 县人社局文件柜 2026-1号）"
checked = {checked}

[[measure]]
id = {measure_id}
kind = "subsidy"
audience = "worker"
title = "（补贴名称，如 一次性求职补贴）"
title_en = "(English title)"
summary = "（一两句话：谁能领、领多少）"
clause = "（条款，如 第三条）"
frequency = "one_off"
apply_where = {address}
apply_how = "（怎么申请）"
materials = ["身份证"]
{phones}
[measure.amount]
up_to = "1000"

[measure.when]
all = [{{ fact = "tuopin", is = true }}]
"#,
        // Quoted like every typed field: an id with a quote or a backslash stays one string.
        measure_id = q(&format!("{id}-subsidy")),
        office = q(office),
        region = q(region),
        address = q(address),
        checked = q(&checked),
    )
}
