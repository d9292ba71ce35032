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

/// The worked example of the README: the 会泽 脱贫 worker in Guangdong.
const HUIZE: &str = "docs/examples/huize-tuopin-guangdong.json";

/// `selfcheck check` of the worked example on 2026-11-23, with `extra` arguments.
fn check_huize(extra: &[&str]) -> (i32, String, String) {
    let mut args = vec!["check", HUIZE, "--as-of", "2026-11-23"];
    args.extend_from_slice(extra);
    selfcheck(&args)
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
    let (code, out, err) = check_huize(&[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("evaluated as of 2026-11-23"));
    assert!(out.contains("来源 source:"));
    // Job ended 2026-09-30 with wages owed: the legal limit is one year from then.
    assert!(out.contains("2027-09-30"), "{out}");
}

#[test]
fn check_json_is_machine_readable() {
    let (code, out, _) = check_huize(&["--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["as_of"], "2026-11-23");
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
    let (code, _, err) = selfcheck(&["check", HUIZE, "--as-of", "23/11/2026"]);
    assert_eq!(code, 2);
    assert!(err.contains("--as-of"), "{err}");
}

#[test]
fn impossible_answers_are_refused_by_name_in_chinese_and_english() {
    let cases = [
        // A past event after the date.
        (r#"{"injury_date": "2026-12-01"}"#, "injury_date", "还没到"),
        (
            r#"{"dispute_date": "2027-01-01"}"#,
            "dispute_date",
            "has not happened",
        ),
        (
            r#"{"job_end_date": "2026-11-24"}"#,
            "job_end_date",
            "还没到",
        ),
        (
            r#"{"business_start_date": "2030-01-01"}"#,
            "business_start_date",
            "还没到",
        ),
        // 50 months this year; 12 by November is more than have begun.
        (r#"{"stable_months": 50}"#, "stable_months", "超过了12"),
        (r#"{"stable_months": 12}"#, "stable_months", "11个月"),
        (r#"{"age": 300}"#, "age", "please check"),
        // A 28-digit wage: refused, not a panic.
        (
            r#"{"monthly_wage": "9999999999999999999999999999"}"#,
            "monthly_wage",
            "1000万元",
        ),
        (
            r#"{"ticket_price": 99999999}"#,
            "ticket_price",
            "10,000,000",
        ),
    ];
    for (json, field, words) in cases {
        let f = temp_file("impossible.json", json);
        let (code, out, err) = selfcheck(&["check", &f, "--as-of", "2026-11-23"]);
        assert_eq!(code, 2, "{json}: {out}");
        assert!(out.is_empty(), "{json}");
        assert!(
            err.contains(field) && err.contains(words) && !err.contains("panicked"),
            "{json}: {err}"
        );
    }
    // The same answers are fine on a date when they are possible.
    let f = temp_file(
        "possible.json",
        r#"{"injury_date": "2026-12-01", "stable_months": 12}"#,
    );
    let (code, _, err) = selfcheck(&["check", &f, "--as-of", "2026-12-01"]);
    assert_eq!(code, 0, "{err}");
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
    let (docs, tables) = wugong::pack::decode(&std::fs::read(&rules).unwrap()).unwrap();
    let texts = wugong::pack::decode_english(&std::fs::read(&english).unwrap()).unwrap();
    let measures: Vec<_> = docs.iter().flat_map(|d| &d.measures).collect();
    // One text per measure, then one per question screen after the first (its words:
    // the Chinese in the rules file, the English in the English file), then one per
    // label of a fact or an option (policies/data/facts.toml, the same way), then every
    // region's English name.
    let region_count = wugong::region::all().len();
    assert_eq!(
        measures.len() + tables.questions.len() + tables.labels.len() + region_count,
        texts.len()
    );
    let first_label = measures.len() + tables.questions.len();
    for (place, (l, t)) in tables.labels.iter().zip(&texts[first_label..]).enumerate() {
        assert_eq!(t.id, format!("f{place}"));
        assert!(l.en.is_empty() && !l.zh.is_empty() && !t.title.is_empty());
    }
    assert_eq!(tables.questions.len(), wugong::Question::COUNT - 1);
    for (q, t) in tables.questions.iter().zip(&texts[measures.len()..]) {
        assert_eq!(t.id, format!("q{}", q.question as usize));
        assert!(q.en.is_empty() && !q.zh.is_empty() && !t.title.is_empty());
    }
    // Every region's Chinese name in the regions file (the wasm carries only the
    // provinces' and the covered places'), its English name in the English file only.
    let regions = wugong::pack::decode_english(&std::fs::read(&regions).unwrap()).unwrap();
    assert_eq!(regions.len(), region_count);
    assert!(regions
        .iter()
        .any(|t| t.id == "region:4101" && t.title == "郑州市" && t.summary.is_none()));
    assert!(texts
        .iter()
        .any(|t| t.id == "region:4101" && t.title == "Zhengzhou"));
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
    // The same notice as the widget's (crates/core/src/report.rs), with the hotline from data.
    assert!(out.contains("当地补贴请问 12333 或县人社局"), "{out}");
}

#[test]
fn almost_eligible_says_from_when_in_text_and_json() {
    let f = temp_file(
        "almost.json",
        r#"{"home_region": "530326", "jiandang": true, "work_place": "cross_province", "stable_months": 1, "outwork_subsidy_this_year": false}"#,
    );
    let (code, out, err) = selfcheck(&["check", &f, "--as-of", "2021-06-01", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let m = v["measures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "hrsf-2020-38-outwork-cross-province")
        .unwrap();
    assert_eq!(m["verdict"], "not_eligible");
    assert_eq!(m["almost"]["from"], "2021-08-01");
    assert_eq!(
        m["almost"]["waiting_for"],
        serde_json::json!(["stable_months"])
    );
    assert_eq!(m["almost"]["in_force_then"], true);
    // A measure failing on the place of work has no date to wait for.
    let other = v["measures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "hrsf-2020-38-outwork-in-province")
        .unwrap();
    assert!(other["almost"].is_null());
    let (_, text, _) = selfcheck(&["check", &f, "--as-of", "2021-06-01"]);
    assert!(text.contains("再干2个月（2021-08-01起）可以申请"), "{text}");
}

#[test]
fn check_groups_like_the_widget_and_never_calls_an_ended_programme_eligible() {
    // On 2026-11-23 the 2021 transport subsidy (to 2025-12-31) has ended.
    let (code, out, err) = check_huize(&[]);
    assert_eq!(code, 0, "{err}");
    let cat = selfcheck::embedded().unwrap();
    let answers = {
        let text = std::fs::read_to_string(HUIZE).unwrap();
        let json: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&text).unwrap();
        let map = json
            .into_iter()
            .map(|(k, v)| {
                let v = match v {
                    serde_json::Value::Bool(b) => wugong::RawValue::Bool(b),
                    serde_json::Value::Number(n) => wugong::RawValue::Int(n.as_i64().unwrap()),
                    serde_json::Value::String(t) => wugong::RawValue::Text(t),
                    other => panic!("{other}"),
                };
                (k, v)
            })
            .collect();
        wugong::Answers::from_raw(&map).unwrap()
    };
    let report = wugong::Report::new(&cat, &answers, "2026-11-23".parse().unwrap(), false);
    // The groups in the widget's order, each with the report's count of cards.
    let mut at = 0;
    for g in wugong::evaluate::Group::ALL {
        let n = report.cards_in(g).count();
        if n == 0 {
            continue;
        }
        let heading = format!("== {} ({n}) — {} ==", g.title(false), g.title(true));
        let found = out[at..]
            .find(&heading)
            .unwrap_or_else(|| panic!("'{heading}' missing or out of order"));
        at += found;
    }
    for block in out.split("\n[").skip(1) {
        if block.contains("已于 ") && block.contains("结束——") {
            assert!(
                !block.starts_with("符合"),
                "an ended programme shown as eligible:\n{block}"
            );
        }
    }
    assert!(out.contains("[已结束 ended] 脱贫人口到外省打工"), "{out}");
    // The summary is printed with each measure.
    assert!(out.contains("  内容 what: "));
}

#[test]
fn conditions_and_missing_answers_read_naturally() {
    let f = temp_file(
        "natural.json",
        r#"{"home_region": "530326", "jiandang": true, "has_public_post": true, "problem_unpaid_wages": true}"#,
    );
    let (code, out, err) = selfcheck(&["check", &f, "--as-of", "2021-06-01"]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("不是是") && !out.contains("不是否"), "{out}");
    assert!(
        out.contains("已在领其他政府公益性岗位的补贴（如生态护林员）：是（需要：否）"),
        "{out}"
    );
    // Whether the worker is still employed is a yes/no, not a date to fill in; the
    // timeline lists it with what is needed.
    assert!(
        out.contains("申请劳动仲裁的法定期限: 回答“还在这家单位干”就能算出"),
        "{out}"
    );
    assert!(!out.contains("填上日期"));
}

#[test]
fn not_yet_in_force_is_not_called_ended() {
    // 国发〔2019〕28号 applies from 2019-12-13: on 2019-06-01 its measures are not yet in
    // force, which is not "ended" (second reading A, C3). Years of contributions read
    // 「年」, an age 「岁」 (C4).
    let f = temp_file(
        "not-yet.json",
        r#"{"home_region": "530302", "age": 40, "sex": "female", "unemployed": true, "registered_unemployed": true, "ui_paid_years": 0}"#,
    );
    let (code, out, err) = selfcheck(&["check", &f, "--as-of", "2019-06-01"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("[还没施行 not yet in force] 没工作想找工作"),
        "{out}"
    );
    assert!(!out.contains("[已结束 ended] 没工作想找工作"), "{out}");
    assert!(!out.contains("岁/年"), "{out}");
    let (code, out, err) = selfcheck(&["check", &f, "--as-of", "2020-06-01"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("失业保险交了几年：0（需要：至少1年）"),
        "{out}"
    );
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_selfcheck"))
        .args(["check", HUIZE, "--as-of", "2026-11-23"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Like `| head -c 100`: read a little, then close the pipe.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 100];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(out.status.code(), Some(0), "{err}");
}

#[test]
fn what_only_the_employer_knows_is_named_and_never_eligible() {
    // A Xinzhou 脱贫 worker with a job: the 50-hire award depends on the employer.
    let answers = temp_file(
        "employer.json",
        r#"{"home_region": "140981", "tuopin": true, "unemployed": false}"#,
    );
    let (code, out, err) = selfcheck(&["check", &answers, "--as-of", "2022-06-01"]);
    assert_eq!(code, 0, "{err}");
    let block = out
        .split("\n\n")
        .find(|b| b.contains("(xinzhou-2022-plan-hiring-award-50)"))
        .expect("the award is listed");
    assert!(block.contains("待定 undetermined"), "{block}");
    assert!(
        block.contains("要看单位：单位招用的脱贫劳动力达到50人及以上"),
        "{block}"
    );
    assert!(
        !block.contains("还需要回答"),
        "nothing to ask the worker: {block}"
    );
    let (code, out, _) = selfcheck(&[
        "check",
        &answers,
        "--as-of",
        "2022-06-01",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let m = v["measures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "xinzhou-2022-plan-hiring-award-50")
        .unwrap();
    assert_eq!(m["verdict"], "undetermined");
    assert_eq!(m["missing"], serde_json::json!([]));
    assert_eq!(
        m["depends_on_employer"],
        serde_json::json!(["要看单位：单位招用的脱贫劳动力达到50人及以上"])
    );
}

#[test]
fn check_prints_our_reading() {
    let answers = temp_file(
        "xinzhou-reading.json",
        r#"{"home_region": "140902", "tuopin": true, "work_place": "cross_province", "stable_months": 3}"#,
    );
    let (code, out, err) = selfcheck(&["check", &answers, "--as-of", "2022-08-01"]);
    assert_eq!(code, 0, "{err}");
    // The plan states no end date; ours (end of 2022) is shown as ours.
    assert!(
        out.contains("我们的理解 our reading: 文件没写截止日期；方案的目标写的是2022年"),
        "{out}"
    );
    let (_, json, _) = selfcheck(&[
        "check",
        &answers,
        "--as-of",
        "2022-08-01",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let m = v["measures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "xinzhou-2022-plan-transport-cross-province")
        .unwrap();
    assert!(m["reading"]
        .as_str()
        .unwrap()
        .starts_with("文件没写截止日期"));
    assert!(m["summary"].as_str().is_some_and(|s| !s.is_empty()));
}

#[test]
fn the_plain_page_shows_our_readings() {
    let (code, out, err) = selfcheck(&["render-static", "--as-of", "2022-08-01"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("我们的理解：文件没写截止日期；方案的目标写的是2022年"),
        "no reading on the plain page"
    );
}

/// The widget's share text gives the CLI the very answers the widget had: the same
/// report as the answers file (what the browser test compares with the print view).
#[test]
fn a_share_text_is_the_same_check_as_its_answers_file() {
    let (code, from_file, err) = check_huize(&["--format", "json"]);
    assert_eq!(code, 0, "{err}");
    // The example file, through the share format.
    let text = std::fs::read_to_string(HUIZE).unwrap();
    let map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&text).unwrap();
    let raw: std::collections::BTreeMap<String, wugong::RawValue> = map
        .into_iter()
        .filter_map(|(k, x)| {
            let v = match x {
                serde_json::Value::Bool(b) => wugong::RawValue::Bool(b),
                serde_json::Value::Number(n) => wugong::RawValue::Int(n.as_i64().unwrap()),
                serde_json::Value::String(t) => wugong::RawValue::Text(t),
                _ => return None,
            };
            Some((k, v))
        })
        .collect();
    let link = wugong::share::encode(&wugong::Answers::from_raw(&raw).unwrap());
    let (code, from_link, err) = selfcheck(&[
        "check",
        "--link",
        &link,
        "--as-of",
        "2026-11-23",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(from_link, from_file);
    let (code, _, err) = selfcheck(&["check", "--link", "2.garbage", "--as-of", "2026-11-23"]);
    assert_eq!(code, 2);
    assert!(err.contains("--link"), "{err}");
}

/// Issue 15, D11–D12: `selfcheck check` refuses a question given twice by name, never
/// echoes a huge value, refuses a huge file unread, and reads a file with a BOM.
#[test]
fn answers_files_are_read_strictly_and_errors_stay_short() {
    let f = temp_file(
        "twice.json",
        r#"{"home_region":"530326","tuopin": true, "tuopin": false}"#,
    );
    let (code, out, err) = selfcheck(&["check", &f, "--as-of", "2026-11-23"]);
    assert_eq!(code, 2, "{out}");
    assert!(err.contains("'tuopin' is given twice"), "{err}");

    let long = "9".repeat(5_000_000);
    for (name, json) in [
        ("long-value.json", format!(r#"{{"home_region": "{long}"}}"#)),
        ("long-key.json", format!(r#"{{"x{long}": true}}"#)),
    ] {
        let f = temp_file(name, &json);
        let (code, _, err) = selfcheck(&["check", &f, "--as-of", "2026-11-23"]);
        assert_eq!(code, 2);
        assert!(err.len() < 400, "{name}: {} bytes of stderr", err.len());
    }
    let f = temp_file("huge.json", &" ".repeat(2 << 20));
    let (code, _, err) = selfcheck(&["check", &f, "--as-of", "2026-11-23"]);
    assert_eq!(code, 2);
    assert!(err.contains("larger than 1024 KB"), "{err}");

    let f = temp_file(
        "bom.json",
        "\u{feff}{\"home_region\": \"530326\", \"tuopin\": true}",
    );
    let (code, _, err) = selfcheck(&["check", &f, "--as-of", "2026-11-23"]);
    assert_eq!(code, 0, "{err}");
}

/// Issue 15, D13: a TOML syntax error and a bad field name the file, line and column;
/// an unreadable file is named, not its folder.
#[test]
fn lint_errors_say_where() {
    let dir = std::env::temp_dir().join(format!("selfcheck-lint-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for e in std::fs::read_dir("policies").unwrap() {
        let p = e.unwrap().path();
        if p.is_file() {
            std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
        }
    }
    if std::path::Path::new("policies/data").is_dir() {
        std::fs::create_dir_all(dir.join("data")).unwrap();
        for e in std::fs::read_dir("policies/data").unwrap() {
            let p = e.unwrap().path();
            std::fs::copy(&p, dir.join("data").join(p.file_name().unwrap())).unwrap();
        }
    }
    let file = dir.join("gf-2019-28.toml");
    let good = std::fs::read_to_string(&file).unwrap();
    let lint = || selfcheck(&["lint", dir.to_str().unwrap()]);

    std::fs::write(&file, good.replacen("\n[[measure]]", "\n[[measure]\n", 1)).unwrap();
    let (code, _, err) = lint();
    let line = good.lines().position(|l| l == "[[measure]]").unwrap() + 1;
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(&format!("gf-2019-28.toml:{line}:")) && err.contains("not valid TOML"),
        "{err}"
    );

    std::fs::write(&file, good.replacen("issuer = ", "issuer = 5 #", 1)).unwrap();
    let (_, _, err) = lint();
    let line = good
        .lines()
        .position(|l| l.starts_with("issuer = "))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!("gf-2019-28.toml:{line}:1: document.issuer")),
        "{err}"
    );

    std::fs::write(&file, &good).unwrap();
    std::fs::write(dir.join("zz-garbage.toml"), [0xff, 0xfe, 0x00]).unwrap();
    let (_, _, err) = lint();
    assert!(err.contains("zz-garbage.toml"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
