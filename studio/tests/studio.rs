//! The studio's functions natively: a seed document loads with its cases passing, a
//! broken field is named with its line in Chinese, the preview is the widget's page.

use serde_json::Value;

fn check(id: &str, doc: &str, cases: &str, worker: &str) -> Value {
    serde_json::from_str(&wugong_studio::check(id, doc, cases, worker)).unwrap()
}

/// The seed document 云人社通〔2021〕49号 with `from` replaced by `to` once, and the line
/// (from 1) where `to` is.
fn seed_with(from: &str, to: &str) -> (String, String, usize) {
    let seed: Value = serde_json::from_str(&wugong_studio::seed("yrst-2021-49")).unwrap();
    let doc = seed["document"].as_str().unwrap().to_string();
    let changed = doc.replacen(from, to, 1);
    assert_ne!(changed, doc);
    let line = changed.lines().position(|l| l.contains(to)).unwrap() + 1;
    (doc, changed, line)
}

const WORKER: &str = r#"who = "会泽县脱贫劳动力，在广东打工4个月"
as_of = "2021-09-01"
[answers]
home_region = "530326"
tuopin = true
work_place = "cross_province"
stable_months = 4
outwork_subsidy_this_year = false
"#;

#[test]
fn a_seed_loads_and_its_cases_pass() {
    let seed: Value = serde_json::from_str(&wugong_studio::seed("yrst-2021-49")).unwrap();
    let doc = seed["document"].as_str().unwrap();
    let cases = seed["cases"].as_str().unwrap();
    assert!(cases.contains("[[case]]"), "{cases}");
    let r = check("yrst-2021-49", doc, cases, WORKER);
    assert_eq!(r["errors"], serde_json::json!([]), "{r}");
    let results = r["cases"]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for c in results {
        assert_eq!(c["pass"], true, "{c}");
    }
    let html = r["preview"]["html"].as_str().unwrap();
    assert!(
        html.contains("data-testid=\"results\"") || html.contains("查询结果"),
        "{html}"
    );
    assert!(html.contains("yrst-2021-49-transport"));
}

#[test]
fn a_broken_field_names_its_line_in_chinese() {
    let (_, broken, line) = seed_with("fact = \"tuopin\"", "fact = \"tuopim\"");
    let r = check("yrst-2021-49", &broken, "", WORKER);
    let e = &r["errors"][0];
    assert_eq!(e["line"], line, "{e}");
    let text = e["text"].as_str().unwrap();
    assert!(text.contains(&format!("第 {line} 行")), "{text}");
    assert!(text.contains("没有这个情况名"), "{text}");
    assert!(text.contains("条件 when"), "{text}");
}

#[test]
fn a_failing_case_fails_and_the_preview_follows_the_worker() {
    let seed: Value = serde_json::from_str(&wugong_studio::seed("yrst-2021-49")).unwrap();
    let doc = seed["document"].as_str().unwrap();
    let case = r#"[[case]]
who = "only 2 months"
as_of = "2021-09-01"
[case.answers]
home_region = "530326"
tuopin = true
work_place = "cross_province"
stable_months = 2
[case.expect.yrst-2021-49-transport]
verdict = "eligible"
"#;
    let r = check("yrst-2021-49", doc, case, WORKER);
    assert_eq!(r["cases"]["results"][0]["pass"], false, "{r}");
    let eligible = r["preview"]["html"].as_str().unwrap().to_string();
    let r2 = check(
        "yrst-2021-49",
        doc,
        case,
        &WORKER.replace("stable_months = 4", "stable_months = 2"),
    );
    assert_ne!(r2["preview"]["html"].as_str().unwrap(), eligible);
}

#[test]
fn the_template_loads_once_the_clerk_fills_the_dates() {
    let t = wugong_studio::template(
        "hz-2026-1",
        "会泽县人社局",
        "530326",
        "0874-5123456",
        "会泽县人社局一楼",
        "2026-12-06",
    );
    let r = check("hz-2026-1", &t, "", WORKER);
    assert!(
        r["errors"][0]["text"].as_str().unwrap().contains("issued"),
        "{r}"
    );
    let filled = t.replace(
        "issued = \"（印发日期，文件上写的，如 2026-03-01；没写就删掉这一行，改填 valid_from）\"",
        "issued = \"2026-03-01\"",
    );
    let r = check("hz-2026-1", &filled, "", WORKER);
    assert_eq!(r["errors"], serde_json::json!([]), "{r}");
    let rules = wugong_studio::pack("hz-2026-1", &filled);
    let (docs, _) = wugong::pack::decode(&rules).unwrap();
    assert!(docs.iter().any(|d| d.id == "hz-2026-1"));
    // Its English file keeps the build's regions' English names (the studio's wasm has
    // only the provinces'), besides the new measure's English.
    let region = |code: &str, name: &str| wugong::pack::EnglishText {
        id: format!("region:{code}"),
        title: name.into(),
        summary: None,
    };
    let base = selfcheck::pack::encode_english(&[
        region("4101", "Zhengzhou"),
        region("530326", "Huize County"),
    ]);
    let english =
        wugong::pack::decode_english(&wugong_studio::pack_english("hz-2026-1", &filled, &base))
            .unwrap();
    for (code, name) in [("4101", "Zhengzhou"), ("530326", "Huize County")] {
        assert!(
            english.contains(&region(code, name)),
            "region:{code} in the exported English file"
        );
    }
    assert!(english.iter().any(|t| t.id == "hz-2026-1-subsidy"));
    assert!(wugong_studio::pack_english("hz-2026-1", &filled, b"not a file").is_empty());
}

#[test]
fn a_typed_id_with_a_quote_stays_one_toml_string() {
    let t = wugong_studio::template("hz\"x", "会泽县人社局", "530326", "", "", "2026-12-06");
    let doc: toml::Table = toml::from_str(&t).expect("the template is TOML whatever the id");
    assert_eq!(doc["measure"][0]["id"].as_str(), Some("hz\"x-subsidy"));
}

#[test]
fn a_wrong_type_is_said_in_chinese_on_its_line() {
    let (_, broken, line) = seed_with("valid_until = \"2025-12-31\"", "valid_until = 2025");
    let r = check("yrst-2021-49", &broken, "", WORKER);
    let e = &r["errors"][0];
    assert_eq!(e["line"], line, "{e}");
    let text = e["text"].as_str().unwrap();
    assert!(
        text.starts_with(&format!(
            "第 {line} 行第 1 列 · 字段「文件信息 document › 截止日期 valid_until」："
        )),
        "{text}"
    );
    assert!(!text.contains("这里有问题"), "{text}");
}

#[test]
fn an_id_taken_by_another_document_is_found_on_its_line() {
    let seed: Value = serde_json::from_str(&wugong_studio::seed("yrst-2021-49")).unwrap();
    let doc = seed["document"].as_str().unwrap();
    // The second measure takes an id of another document.
    let second = doc.match_indices("\nid = \"").nth(1).unwrap().0 + 1;
    let end = second + doc[second..].find('\n').unwrap();
    let broken = format!(
        "{}id = \"rsbf-2021-26-transport\"{}",
        &doc[..second],
        &doc[end..]
    );
    let line = broken[..second].matches('\n').count() + 1;
    let r = check("yrst-2021-49", &broken, "", WORKER);
    let e = &r["errors"][0];
    assert_eq!(e["line"], line, "{e}");
}
