//! Worker text and maintainer text. Every text in the rules file reaches a worker's
//! screen; maintainers' fields (a document's `note` and `source`, a measure's `note`
//! and `source_lines`, the data tables' `source` and `clause`) never go in it. This
//! decodes the rules file the web build writes and reads every string in it for what
//! only a maintainer writes: file and seed references, section signs, line numbers.

use wugong::condition::Condition;
use wugong::pack::decode;

/// What a maintainer's wording gives away, and why a worker should not see it.
fn maintainer_words(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    for w in [
        "shared/",
        "seeds",
        "seed ",
        "§",
        "legal-facts",
        ".toml",
        ".md",
        "commit ",
        "lawrefbook",
        "汇编",
    ] {
        if lower.contains(w) {
            return Some(format!("'{w}'"));
        }
    }
    // Line references: "第450–543行", "第15-53行", "line 81", "lines 89-94".
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c == '第' {
            let rest: String = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit() || matches!(c, '–' | '-' | '—' | '、' | ','))
                .collect();
            if !rest.is_empty() && chars.get(i + 1 + rest.chars().count()) == Some(&'行') {
                return Some(format!("a line reference 第{rest}行"));
            }
        }
    }
    for w in ["line ", "lines "] {
        if let Some(at) = lower.find(w) {
            if lower[at + w.len()..].starts_with(|c: char| c.is_ascii_digit()) {
                return Some("a line reference".into());
            }
        }
    }
    None
}

fn condition_texts<'a>(c: &'a Condition, out: &mut Vec<(String, &'a str)>) {
    match c {
        Condition::Employer(e) => {
            out.push(("when.employer".into(), &e.zh));
            out.push(("when.employer_en".into(), &e.en));
        }
        Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| condition_texts(c, out)),
        Condition::Not(c) => condition_texts(c, out),
        Condition::Always | Condition::Test(_) | Condition::Until(_) => {}
    }
}

#[test]
fn no_maintainer_text_or_file_reference_reaches_the_rules_file() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("policies");
    let docs = selfcheck::load::documents_in(&dir).unwrap();
    let tables = selfcheck::load::tables_in(&dir).unwrap();
    let (docs, tables) = decode(&selfcheck::pack::encode(&docs, &tables)).unwrap();
    let mut texts: Vec<(String, &str)> = Vec::new();
    for d in &docs {
        let at = |f: &str| format!("policies/{}.toml: {f}", d.id);
        assert!(
            d.source.is_empty() && d.note.is_none(),
            "{}",
            at("source/note")
        );
        for (f, t) in [
            ("number", &d.number),
            ("title", &d.title),
            ("issuer", &d.issuer),
        ] {
            texts.push((at(f), t));
        }
        if let Some(v) = &d.validity_note {
            texts.push((at("validity_note"), v));
        }
        for m in &d.measures {
            assert!(m.note.is_none() && m.source_lines.is_none(), "{}", m.id);
            let mut own: Vec<(String, &str)> = vec![
                ("title".into(), &m.title),
                ("title_en".into(), &m.title_en),
                ("summary".into(), &m.summary),
                ("clause".into(), &m.clause),
                ("apply_where".into(), &m.apply_where),
                ("apply_how".into(), &m.apply_how),
            ];
            own.extend(
                m.summary_en
                    .iter()
                    .map(|t| ("summary_en".into(), t.as_str())),
            );
            own.extend(m.materials.iter().map(|t| ("materials".into(), t.as_str())));
            own.extend(
                m.reading
                    .iter()
                    .map(|r| ("reading".into(), r.text.as_str())),
            );
            for p in &m.phones {
                own.push(("phones.number".into(), &p.number));
                own.extend(p.note.iter().map(|t| ("phones.note".into(), t.as_str())));
            }
            condition_texts(&m.when, &mut own);
            for (f, t) in own {
                texts.push((at(&format!("{} {f}", m.id)), t));
            }
        }
    }
    for s in &tables.deadlines {
        let at = |f: &str| format!("policies/data/deadlines.toml: {} {f}", s.id);
        texts.push((at("cite"), &s.cite));
        for (f, w) in [
            ("title", &s.title),
            ("rule", &s.rule),
            ("ahead", &s.ahead),
            ("passed", &s.passed),
            ("while_employed", &s.while_employed),
            ("while_employed_short", &s.while_employed_short),
        ] {
            texts.push((at(f), &w.zh));
            texts.push((at(&format!("{f}_en")), &w.en));
        }
    }
    assert!(texts.len() > 1000, "every text is read: {}", texts.len());
    let bad: Vec<String> = texts
        .iter()
        .filter_map(|(at, t)| maintainer_words(t).map(|w| format!("{at}: {w} in “{t}”")))
        .collect();
    assert!(
        bad.is_empty(),
        "maintainer text reaches workers:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_scan_finds_what_it_looks_for() {
    for t in [
        "汇编里没有印落款日期",
        "（legal-facts §6.3，部分核实）",
        "见 shared/seeds/000_9b5c9f678a5fe2c0.txt",
        "第450–543行",
        "source line 81",
        "policies/data/deadlines.toml",
    ] {
        assert!(maintainer_words(t).is_some(), "{t}");
    }
    for t in [
        "文件写明有效期到2021年12月31日。",
        "第十七条第二款",
        "第3年起",
        "online",
    ] {
        assert_eq!(maintainer_words(t), None, "{t}");
    }
}
