//! The `selfcheck` binary as a user runs it.

use std::process::Command;

fn selfcheck(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_selfcheck"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn temp_file(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("selfcheck-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn check_prints_verdicts_sources_and_deadlines() {
    let (code, out, err) = selfcheck(&[
        "check",
        "docs/examples/huize-tuopin-guangdong.json",
        "--as-of",
        "2026-11-23",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("evaluated as of 2026-11-23"));
    assert!(out.contains("来源 source:"));
    // Job ended 2026-09-30 with wages owed: the legal limit is one year from then.
    assert!(out.contains("2027-09-30"), "{out}");
}

#[test]
fn check_json_is_machine_readable() {
    let (code, out, _) = selfcheck(&[
        "check",
        "docs/examples/huize-tuopin-guangdong.json",
        "--as-of",
        "2024-06-01",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["as_of"], "2024-06-01");
    assert_eq!(v["coverage"], "covered");
    let measures = v["measures"].as_array().unwrap();
    assert!(measures
        .iter()
        .all(|m| m["source"].as_str().is_some_and(|s| !s.is_empty())));
    let limit = v["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "arbitration_limit")
        .unwrap();
    assert_eq!(limit["due"]["date"], "2027-09-30");
}

#[test]
fn bad_answers_name_the_field_and_exit_2() {
    let cases = [
        (r#"{"stable_months": "four"}"#, "stable_months"),
        (r#"{"ticket_price": 420.5}"#, "ticket_price"),
        (r#"{"home_region": "000000"}"#, "home_region"),
        (r#"{"favourite": true}"#, "favourite"),
        (r#"{"dispute_date": "2026-13-01"}"#, "dispute_date"),
    ];
    for (json, field) in cases {
        let f = temp_file("bad.json", json);
        let (code, out, err) = selfcheck(&["check", &f, "--as-of", "2026-11-23"]);
        assert_eq!(code, 2, "{json}");
        assert!(out.is_empty());
        assert!(
            err.contains(field) && !err.contains("panicked"),
            "{json}: {err}"
        );
    }
    let f = temp_file("notjson.json", "{ not json");
    let (code, _, err) = selfcheck(&["check", &f, "--as-of", "2026-11-23"]);
    assert_eq!(code, 2);
    assert!(err.contains("not valid JSON"), "{err}");
    let (code, _, err) = selfcheck(&[
        "check",
        "docs/examples/huize-tuopin-guangdong.json",
        "--as-of",
        "23/11/2026",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("--as-of"), "{err}");
}

#[test]
fn null_means_not_known() {
    let f = temp_file("null.json", r#"{"home_region": "530326", "tuopin": null}"#);
    let (code, _, err) = selfcheck(&["check", &f, "--as-of", "2026-11-23"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn policies_lists_every_document_with_its_number() {
    let (code, out, _) = selfcheck(&["policies"]);
    assert_eq!(code, 0);
    for number in [
        "云人社通〔2021〕49号",
        "云人社发〔2017〕100号",
        "云人社发〔2022〕57号",
        "国发〔2019〕28号",
        "人社部发〔2021〕26号",
        "云政办发〔2020〕36号",
        "曲政办发〔2021〕15号",
        "会人社发〔2018〕119号",
        "会人社发〔2020〕38号",
    ] {
        assert!(
            out.contains(number),
            "{number} missing from `selfcheck policies`"
        );
    }
}

#[test]
fn lint_reports_a_broken_folder() {
    let (code, out, _) = selfcheck(&["lint", "policies"]);
    assert_eq!(code, 0, "{out}");
    let (code, _, err) = selfcheck(&["lint", "tests/fixtures/malformed"]);
    assert_eq!(code, 1);
    assert!(err.contains("tests/fixtures/malformed/"), "{err}");
}

#[test]
fn the_documented_schema_matches_the_facts() {
    let (code, out, _) = selfcheck(&["schema"]);
    assert_eq!(code, 0);
    let committed = std::fs::read_to_string("docs/answers.schema.json").unwrap();
    assert_eq!(
        out.trim(),
        committed.trim(),
        "docs/answers.schema.json is stale: run `cargo run -- schema > docs/answers.schema.json`"
    );
}

#[test]
fn pack_writes_the_rules_and_the_english_texts_for_the_widget() {
    let rules = temp_file("rules.bin", "");
    let english = temp_file("rules-en.bin", "");
    let regions = temp_file("regions.bin", "");
    let (code, _, err) = selfcheck(&[
        "pack",
        "--out",
        &rules,
        "--english-out",
        &english,
        "--regions-out",
        &regions,
    ]);
    assert_eq!(code, 0, "{err}");
    let docs = wugong::pack::decode(&std::fs::read(&rules).unwrap()).unwrap();
    let texts = wugong::pack::decode_english(&std::fs::read(&english).unwrap()).unwrap();
    let measures: Vec<_> = docs.iter().flat_map(|d| &d.measures).collect();
    assert_eq!(measures.len(), texts.len());
    // Every region's names in the regions file (the wasm carries only the provinces'
    // and the covered places').
    let regions = wugong::pack::decode_english(&std::fs::read(&regions).unwrap()).unwrap();
    assert_eq!(regions.len(), wugong::region::all().len());
    assert!(regions.iter().any(|t| t.id == "region:4101"
        && t.title == "郑州市"
        && t.summary.as_deref() == Some("Zhengzhou")));
    assert!(measures.len() > 150);
    // Each measure's English is in the English file, not the rules file.
    for (m, t) in measures.iter().zip(&texts) {
        assert_eq!(m.id, t.id);
        assert!(m.title_en.is_empty() && !t.title.is_empty(), "{}", m.id);
    }
    // Without the second path it says what is missing.
    let (code, _, err) = selfcheck(&["pack", "--out", &rules]);
    assert_ne!(code, 0);
    assert!(err.contains("--english-out"), "{err}");
}

#[test]
fn a_henan_city_is_accepted_and_gets_the_national_results() {
    let path = temp_file(
        "henan.json",
        r#"{"home_region": "4101", "problem_unpaid_wages": true}"#,
    );
    let (code, out, err) =
        selfcheck(&["check", &path, "--as-of", "2026-11-23", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["coverage"], "not_covered");
    let (code, out, _) = selfcheck(&["check", &path, "--as-of", "2026-11-23"]);
    assert_eq!(code, 0);
    assert!(out.contains("当地补贴请打 12333"), "{out}");
}
