//! Every amount that is a rate (per day, per month, a share of the wage) is shown as
//! rate × count = total, never as a total with a rate's unit ("120元 每天"): in the
//! engine's text (which the widget's card, print-out and copy-as-text show), the CLI's
//! text and JSON, and the plain fallback page. Each such measure is rendered with the
//! count answered and without.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

use wugong::amount::{AmountRule, Basis, Frequency, Payment};
use wugong::answers::{Answers, RawValue};
use wugong::{Catalogue, Date};

const AS_OF: &str = "2022-07-15";

/// Rates an amount counts: per day, per month, per year, or a share of the wage.
fn is_rate(m: &wugong::policy::Measure) -> bool {
    m.amount.is_some()
        && matches!(
            m.frequency,
            Some(Frequency::PerDay | Frequency::PerMonth | Frequency::PerYear)
        )
        || m.amount.is_some()
            && matches!(
                m.amount,
                Some(AmountRule::PerDay { .. } | AmountRule::PercentOfWage { .. })
            )
}

/// The answers that make every count known, and none.
fn answers(with_count: bool) -> BTreeMap<String, RawValue> {
    let mut raw = BTreeMap::new();
    if with_count {
        raw.insert("training_days".into(), RawValue::Int(8));
        raw.insert("stable_months".into(), RawValue::Int(4));
        raw.insert("monthly_wage".into(), RawValue::Text("3000".into()));
        raw.insert("ticket_price".into(), RawValue::Text("420.50".into()));
    }
    raw
}

fn number_after(text: &str) -> Option<String> {
    let n: String = text
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    (!n.is_empty()).then_some(n)
}

fn number_before(text: &str) -> Option<String> {
    let rev: String = text
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    (!rev.is_empty()).then(|| rev.chars().rev().collect())
}

/// Fails if `text` pairs a figure that is not a rate with a rate's unit.
fn assert_no_total_with_rate_unit(id: &str, text: &str, p: &Payment) {
    let mut rates: Vec<String> = p.rate.iter().map(|r| r.to_string()).collect();
    rates.extend(p.tiers.iter().map(|t| t.rate.to_string()));
    rates.extend(p.steps.iter().map(|s| s.rate.to_string()));
    if let (Some(min), Frequency::PerDay | Frequency::PerMonth | Frequency::PerYear) =
        (p.min, p.unit)
    {
        rates.push(min.to_string());
    }
    for unit in ["每天", "每月", "每年"] {
        for (at, _) in text.match_indices(unit) {
            if let Some(n) = number_after(&text[at + unit.len()..]) {
                assert!(
                    rates.contains(&n),
                    "{id}: '{text}' shows {n} with {unit}, but {n} is not its rate ({rates:?})"
                );
            }
        }
        for glue in ["元 ", "元", "元，"] {
            assert!(
                !text.contains(&format!("{glue}{unit}")) || text.contains("第"),
                "{id}: '{text}' puts {unit} after a figure"
            );
        }
    }
    for unit in [" yuan a day", " yuan a month", " yuan a year"] {
        for (at, _) in text.match_indices(unit) {
            if let Some(n) = number_before(&text[..at]) {
                assert!(
                    rates.contains(&n),
                    "{id}: '{text}' shows {n}{unit}, but {n} is not its rate"
                );
            }
        }
    }
    if let (Some(_), Some(total)) = (p.count, p.total) {
        let shown = p.uncapped.unwrap_or(total);
        assert!(
            text.contains(&format!("= {shown}元")) || text.contains(&format!("= {shown} yuan")),
            "{id}: '{text}' does not end its sum with the total {shown}"
        );
    }
}

/// The policies with every condition removed, so that every measure is eligible and
/// shows its amount from the answers.
fn unconditional_policies() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("amounts-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir("policies").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let mut doc: toml::Table = std::fs::read_to_string(&path).unwrap().parse().unwrap();
            if let Some(toml::Value::Array(ms)) = doc.get_mut("measure") {
                for m in ms {
                    m.as_table_mut()
                        .unwrap()
                        .insert("when".into(), toml::toml! { always = true }.into());
                }
            }
            std::fs::write(
                dir.join(path.file_name().unwrap()),
                toml::to_string(&doc).unwrap(),
            )
            .unwrap();
        }
    }
    dir
}

fn answers_file(with_count: bool) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("amounts-test-answers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("answers-{with_count}.json"));
    let json: serde_json::Map<String, serde_json::Value> = answers(with_count)
        .into_iter()
        .map(|(k, v)| {
            let v = match v {
                RawValue::Int(n) => serde_json::Value::from(n),
                RawValue::Text(t) => serde_json::Value::from(t),
                RawValue::Bool(b) => serde_json::Value::from(b),
            };
            (k, v)
        })
        .collect();
    std::fs::write(&path, serde_json::to_string(&json).unwrap()).unwrap();
    path
}

fn selfcheck(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_selfcheck"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_rate_is_shown_as_rate_times_count_everywhere() {
    let dir = unconditional_policies();
    let cat: Catalogue = selfcheck::catalogue_from_dir(&dir).unwrap();
    let as_of: Date = AS_OF.parse().unwrap();
    let mut checked = 0;
    for with_count in [false, true] {
        let a = Answers::from_raw(&answers(with_count)).unwrap();
        let eval = cat.evaluate(&a, as_of);
        let file = answers_file(with_count);
        let file = file.to_str().unwrap();
        let policies = dir.to_str().unwrap();
        let text = selfcheck(&["check", file, "--as-of", AS_OF, "--policies", policies]);
        let json: serde_json::Value = serde_json::from_str(&selfcheck(&[
            "check",
            file,
            "--as-of",
            AS_OF,
            "--policies",
            policies,
            "--format",
            "json",
        ]))
        .unwrap();
        let measures = json["measures"].as_array().unwrap();
        for o in eval.outcomes.iter().filter(|o| is_rate(o.measure)) {
            let id = o.id;
            let p = o.payment.as_ref().expect("a rate has an amount");
            for english in [false, true] {
                let shown = o.amount_text(english).unwrap();
                assert_no_total_with_rate_unit(id, &shown, p);
            }
            let shown = o.amount_text(false).unwrap();
            if with_count && matches!(p.basis, Basis::PerDay | Basis::WageShare) {
                assert!(p.count.is_some() && p.total.is_some(), "{id}: {shown}");
                assert!(
                    shown.contains(" × ") && shown.contains(" = "),
                    "{id}: {shown}"
                );
            }
            if !with_count && matches!(p.basis, Basis::PerDay | Basis::WageShare) {
                assert!(p.total.is_none() && !shown.contains(" = "), "{id}: {shown}");
            }
            // The CLI's text: the engine's line under the measure's heading.
            let block = text
                .split("\n\n")
                .find(|b| b.contains(&format!("({id})")))
                .unwrap_or_else(|| panic!("{id} not in the CLI text"));
            assert!(
                block.contains(&format!("金额 amount: {shown}\n")),
                "{id}: CLI shows\n{block}\nnot {shown}"
            );
            // The CLI's JSON: the same line, and each part as its own field.
            let m = measures.iter().find(|m| m["id"] == id).unwrap();
            let amount = &m["amount"];
            assert_eq!(amount["text"], shown.as_str(), "{id}");
            let field = |k: &str| amount[k].as_str().map(|t| wugong::Money::parse(t).unwrap());
            assert_eq!(field("rate"), p.rate, "{id}");
            assert_eq!(field("total"), p.total, "{id}");
            assert_eq!(amount["count"].as_u64(), p.count.map(u64::from), "{id}");
            let unit = match p.unit {
                Frequency::OneOff => "one_off",
                Frequency::PerYear => "per_year",
                Frequency::PerMonth => "per_month",
                Frequency::PerDay => "per_day",
            };
            assert_eq!(amount["unit"], unit, "{id}");
            if let (Some(rate), Some(count), Some(total), Basis::PerDay, 1) =
                (p.rate, p.count, p.total, p.basis, p.tiers.len())
            {
                let raw = rate.checked_times(count.into()).unwrap();
                assert_eq!(total, p.cap.map_or(raw, |c| raw.min(c)), "{id}");
            }
            checked += 1;
        }
    }
    assert!(checked >= 40, "only {checked} renderings checked");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_fallback_page_shows_each_rate_with_its_unit_and_no_total() {
    let cat = selfcheck::embedded().unwrap();
    let as_of: Date = AS_OF.parse().unwrap();
    let page = selfcheck::static_page::render(&cat, as_of, None);
    let mut n = 0;
    for (_, m) in cat.measures().filter(|(_, m)| is_rate(m)) {
        let shown = selfcheck::static_page::amount_text(m).unwrap();
        let p = m
            .amount
            .as_ref()
            .unwrap()
            .payment(m.frequency.unwrap(), &Answers::new());
        assert_no_total_with_rate_unit(&m.id, &shown, &p);
        assert!(
            page.contains(&format!("<span class=\"amount\">{shown}</span>")),
            "{}: the page does not show '{shown}'",
            m.id
        );
        n += 1;
    }
    assert!(n >= 20, "{n}");
    // No amount on the page pairs a figure with a rate unit after it.
    for bad in ["元 每天", "元 每月", "元 每年", "元每天"] {
        assert!(!page.contains(bad), "the page shows '{bad}'");
    }
}

#[test]
fn the_checker_catches_a_total_with_a_rate_unit() {
    let rule = AmountRule::PerDay {
        tiers: vec![wugong::amount::DayTier {
            through_day: None,
            rate: wugong::Money::yuan(15),
        }],
        cap: None,
    };
    let mut a = Answers::new();
    a.set(wugong::Fact::TrainingDays, wugong::Value::Count(8))
        .unwrap();
    let p = rule.payment(Frequency::PerDay, &a);
    let caught = std::panic::catch_unwind(|| assert_no_total_with_rate_unit("x", "120元 每天", &p));
    assert!(caught.is_err());
    let caught = std::panic::catch_unwind(|| assert_no_total_with_rate_unit("x", "每天120元", &p));
    assert!(caught.is_err());
    assert_no_total_with_rate_unit("x", "每天15元 × 8天 = 120元", &p);
}
