//! Bad policy data fails loudly: each malformed fixture names its file and field.

use selfcheck::load;

fn load_fixture(name: &str) -> Result<wugong::policy::Document, load::LoadError> {
    let path = format!("tests/fixtures/malformed/{name}");
    let text = std::fs::read_to_string(&path).unwrap();
    load::document(&path, &text)
}

/// (fixture, field the error must name, words the message must contain)
const CASES: &[(&str, &str, &str)] = &[
    (
        "unknown_fact.toml",
        "measure[0] (ok-1).when.all[0].fact",
        "unknown fact 'tuopinn'",
    ),
    ("bad_date.toml", "document.issued", "2021-02-30"),
    (
        "until_before_from.toml",
        "document.valid_until",
        "before valid_from",
    ),
    (
        "negative_money.toml",
        "measure[0] (ok-1).amount.up_to",
        "negative",
    ),
    (
        "non_decimal_money.toml",
        "measure[0] (ok-1).amount.up_to",
        "not an amount of money",
    ),
    (
        "float_money.toml",
        "measure[0] (ok-1).amount.up_to",
        "not as a floating-point number",
    ),
    ("duplicate_id.toml", "measure[1].id", "duplicate id 'dup-1'"),
    (
        "missing_citation.toml",
        "measure[0] (ok-1).clause",
        "is missing",
    ),
    (
        "empty_citation.toml",
        "measure[0] (ok-1).clause",
        "is empty",
    ),
    (
        "unknown_field.toml",
        "measure[0] (ok-1).sumary",
        "unknown field",
    ),
    (
        "unknown_region.toml",
        "document.region",
        "unknown region '9999'",
    ),
    (
        "wrong_check.toml",
        "measure[0] (ok-1).when.all[0].is",
        "does not fit fact 'age'",
    ),
    (
        "unknown_option.toml",
        "measure[0] (ok-1).when.all[0].in[0]",
        "'mars' is not an option",
    ),
    (
        // Home or work region within 44, in a document for 53.
        "place_outside_region.toml",
        "measure[0] (ok-1).when",
        "outside the document's region",
    ),
    (
        "employer_no_english.toml",
        "measure[0] (ok-1).when.all[0].en",
        "is missing",
    ),
    (
        "zero_max_months.toml",
        "measure[0] (ok-1).amount.max_months",
        "at least 1 (or left out)",
    ),
    (
        "no_start_date.toml",
        "document.valid_from",
        "needed when the text gives no issued date",
    ),
];

#[test]
fn the_valid_fixture_loads() {
    let doc = load_fixture("valid.toml").unwrap();
    assert_eq!(doc.measures.len(), 1);
    assert_eq!(doc.id, "valid");
}

#[test]
fn a_document_without_an_issue_date_starts_on_valid_from() {
    let path = "tests/fixtures/undated.toml";
    let doc = load::document(path, &std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(doc.issued, None);
    assert_eq!(doc.valid_from.to_string(), "2021-03-01");
}

#[test]
fn the_optional_measure_fields_load() {
    let path = "tests/fixtures/full.toml";
    let doc = load::document(path, &std::fs::read_to_string(path).unwrap()).unwrap();
    let m = &doc.measures[0];
    assert_eq!(m.kind, wugong::policy::Kind::Advice);
    assert_eq!(m.note.as_deref(), Some("只给维护者看"));
    assert_eq!(m.source_lines.as_deref(), Some("12-14, 20"));
    assert_eq!(m.benefit.as_deref(), Some("test-benefit"));
    let r = m.reading.as_ref().unwrap();
    assert_eq!(
        (r.text.as_str(), r.numbers.clone()),
        ("我们按满3个月算。", vec!["3".to_string()])
    );
    // The rules file keeps what workers see and drops what maintainers read.
    let tables = wugong::catalogue::Tables::default();
    let back = wugong::pack::decode(&selfcheck::pack::encode(
        std::slice::from_ref(&doc),
        &tables,
    ))
    .unwrap()
    .0;
    assert_eq!(back, vec![selfcheck::pack::as_shipped(&doc)]);
    assert_eq!(back[0].measures[0].note, None);
    assert_eq!(back[0].measures[0].reading, m.reading);
}

#[test]
fn each_malformed_fixture_names_file_and_field() {
    for (file, field, words) in CASES {
        let err = load_fixture(file).expect_err(file);
        assert_eq!(
            err.file,
            format!("tests/fixtures/malformed/{file}"),
            "{file}"
        );
        assert_eq!(err.field, *field, "{file}: {err}");
        assert!(
            err.message.contains(words),
            "{file}: message was: {}",
            err.message
        );
        // The printed form carries both, for a build log.
        let shown = err.to_string();
        assert!(shown.contains(file) && shown.contains(field), "{shown}");
    }
}

#[test]
fn a_duplicate_id_across_two_files_names_both() {
    let text = std::fs::read_to_string("tests/fixtures/malformed/valid.toml").unwrap();
    let err =
        selfcheck::catalogue_from_files(&[("policies/a.toml", &text), ("policies/b.toml", &text)])
            .unwrap_err();
    assert_eq!(err.file, "policies/b.toml");
    assert!(
        err.message.contains("duplicate id 'ok-1'") && err.message.contains("a.toml"),
        "{err}"
    );
}

#[test]
fn text_that_is_not_toml_is_reported_not_panicked() {
    let err = load::document("policies/x.toml", "[document\nnumber = ").unwrap_err();
    assert_eq!(err.file, "policies/x.toml");
    assert!(err.message.contains("not valid TOML"));
}

#[test]
fn a_bad_case_file_names_file_and_field() {
    let ok = "who = \"x\"\nas_of = \"2024-01-01\"\n";
    let cases = [
        (format!("{ok}whom = 1\n"), "whom: unknown field"),
        ("as_of = \"2024-01-01\"\n".to_string(), "who: is missing"),
        (
            format!("{ok}[expect.a]\nverdict = \"eligble\"\n"),
            "expect.a.verdict: 'eligble' is not one of eligible, not_eligible, undetermined",
        ),
        (
            format!("{ok}[expect.a]\ngroup = \"apply\"\n"),
            "expect.a.group: 'apply' is not one of apply_now,",
        ),
        (
            format!("{ok}[expect.a]\nmissing = [\"stabel_months\"]\n"),
            "expect.a.missing[0]: 'stabel_months' is not one of",
        ),
        (
            format!("{ok}[deadlines]\narbitration = \"2025-01-01\"\n"),
            "deadlines.arbitration: unknown deadline",
        ),
        (
            format!("{ok}[answers]\nage = 1.5\n"),
            "answers.age: unsupported value",
        ),
    ];
    for (text, want) in cases {
        let err = selfcheck::cases::parse("tests/cases/x.toml", &text).unwrap_err();
        assert!(
            err.starts_with(&format!("tests/cases/x.toml: {want}")),
            "{text}\n→ {err}"
        );
    }
}

#[test]
fn source_lines_and_reading_figures_are_checked() {
    let full = std::fs::read_to_string("tests/fixtures/full.toml").unwrap();
    let cases = [
        (
            "source_lines = \"12-14, 20\"",
            "source_lines = \"14-12\"",
            "measure[0] (ok-1).source_lines",
        ),
        (
            "source_lines = \"12-14, 20\"",
            "source_lines = \"第12行\"",
            "measure[0] (ok-1).source_lines",
        ),
        (
            "numbers = [\"3\"]",
            "numbers = [\"三\"]",
            "measure[0] (ok-1).reading.numbers[0]",
        ),
        (
            "numbers = [\"3\"]",
            "numbers = [3]",
            "measure[0] (ok-1).reading.numbers[0]",
        ),
        (
            "text = \"我们按满3个月算。\"",
            "",
            "measure[0] (ok-1).reading.text",
        ),
        (
            "benefit = \"test-benefit\"",
            "benefit = \"Test Benefit\"",
            "measure[0] (ok-1).benefit",
        ),
        (
            "issued = \"2021-01-01\"",
            "issued = \"2021-01-01\"\nvalid_from = \"2020-13-01\"",
            "document.valid_from",
        ),
    ];
    for (from, to, field) in cases {
        assert!(full.contains(from), "{from}");
        let text = full.replacen(from, to, 1);
        let err = load::document("tests/fixtures/full.toml", &text).expect_err(to);
        assert_eq!(err.field, field, "{to}: {err}");
    }
}

#[test]
fn a_home_or_work_place_test_replaces_the_home_region_test() {
    use wugong::answers::{Answers, Value};
    use wugong::evaluate::Verdict;
    use wugong::Fact;
    let text = std::fs::read_to_string("tests/fixtures/malformed/place_outside_region.toml")
        .unwrap()
        .replace("[\"44\"]", "[\"53\"]");
    let catalogue = one_document("inside.toml", &text);
    let (d, m) = catalogue.measures().next().unwrap();
    let verdict = |a: &Answers| first_verdict(&catalogue, a);
    // Home in Guangdong, work in Yunnan: the document's region (53) is met by the work place.
    let mut a = Answers::new();
    a.set(Fact::HomeRegion, Value::Region("44")).unwrap();
    a.set(Fact::Tuopin, Value::Bool(true)).unwrap();
    assert_eq!(verdict(&a), "undetermined");
    assert!(matches!(
        catalogue.evaluate_measure(d, m, &a, "2022-01-01".parse().unwrap()).verdict,
        Verdict::Undetermined { ref missing } if missing == &[Fact::WorkRegion]
    ));
    a.set(Fact::WorkRegion, Value::Region("53")).unwrap();
    assert_eq!(verdict(&a), "eligible");
    a.set(Fact::WorkRegion, Value::Region("44")).unwrap();
    assert_eq!(verdict(&a), "not_eligible");
}

// ------------------------------------------------------------ defined terms (issue 16)

/// A one-measure document whose condition is `when` (TOML lines).
fn with_when(when: &str) -> String {
    format!(
        r#"[document]
number = "测试"
title = "测试"
issuer = "测试"
region = "53"
valid_from = "2020-01-01"
valid_until = "none stated"
source = "test"
checked = "2026-12-06"

[[measure]]
id = "t-1"
kind = "service"
audience = "worker"
title = "t"
title_en = "t"
summary = "t"
clause = "一"
apply_where = "w"
apply_how = "h"

[measure.when]
{when}
"#
    )
}

#[test]
fn a_term_is_expanded_and_its_plain_name_kept_on_the_measure() {
    let doc = load::document(
        "t.toml",
        &with_when(
            "all = [{ fact = \"attended_training\", is = true }, { term = \"yn-hard-to-employ-2019\" }]",
        ),
    )
    .unwrap();
    let m = &doc.measures[0];
    assert_eq!(m.terms.len(), 1);
    assert!(m.terms[0].starts_with("就业困难人员（"), "{:?}", m.terms);
    assert!(m.when.mentions(wugong::Fact::HardToEmploy));
    assert!(m.when.mentions(wugong::Fact::UnemployedMonths));
    // Named twice, shown once.
    let doc = load::document(
        "t.toml",
        &with_when("any = [{ term = \"yn-hard-to-employ-2019\" }, { not = { term = \"yn-hard-to-employ-2019\" } }]"),
    )
    .unwrap();
    assert_eq!(doc.measures[0].terms.len(), 1);
}

#[test]
fn an_unknown_term_or_a_term_with_a_check_is_refused() {
    let err = load::document("t.toml", &with_when("term = \"no-such-term\"")).unwrap_err();
    assert_eq!(err.field, "measure[0] (t-1).when.term");
    assert!(err.message.contains("unknown term 'no-such-term'"), "{err}");
    let err = load::document(
        "t.toml",
        &with_when("term = \"yn-hard-to-employ-2019\"\nis = true"),
    )
    .unwrap_err();
    assert!(err.message.contains("stands alone"), "{err}");
}

#[test]
fn a_term_written_out_instead_of_named_is_refused() {
    let written = load::terms::all().unwrap()[0].when.clone();
    let wugong::condition::Condition::Any(_) = written else {
        panic!("the first term is an any")
    };
    // The same condition as the first term, written out by hand.
    let text = std::fs::read_to_string("policies/data/terms.toml").unwrap();
    let start = text.find("[term.when]\n").unwrap() + "[term.when]\n".len();
    let end = text[start..].find("\n]\n").unwrap() + start + 2;
    let err = load::document("t.toml", &with_when(&text[start..end])).unwrap_err();
    assert!(err.message.contains("written out"), "{err}");
    assert!(err.message.contains("yn-hard-to-employ-2019"), "{err}");
}

#[test]
fn a_term_defined_twice_is_refused() {
    let one = r#"[[term]]
id = "a"
name = "甲"
name_en = "a"
document = "d"
clause = "一"
source_lines = "1"
[term.when]
fact = "disabled"
is = true
"#;
    let err = load::terms::parse(&format!("{one}\n{one}")).unwrap_err();
    assert_eq!(err.field, "term[1].id");
    assert!(err.message.contains("defined twice"), "{err}");
    // Another id for the same document and clause: still one clause, two definitions.
    let err = load::terms::parse(&format!(
        "{one}\n{}",
        one.replace("id = \"a\"", "id = \"b\"")
    ))
    .unwrap_err();
    assert_eq!(err.field, "term[1].clause");
    // A term may name a term defined above it (2020's range = 2019's + two groups), and
    // takes its condition; it may not name itself or one defined below it.
    let b = one
        .replace("id = \"a\"", "id = \"b\"")
        .replace("clause = \"一\"", "clause = \"二\"")
        .replace("fact = \"disabled\"\nis = true", "term = \"a\"");
    let terms = load::terms::parse(&format!("{one}\n{b}")).unwrap();
    assert_eq!(terms[1].when, terms[0].when);
    let err = load::terms::parse(&one.replace("fact = \"disabled\"\nis = true", "term = \"a\""))
        .unwrap_err();
    assert!(err.message.contains("unknown term 'a'"), "{err}");
    let err = load::terms::parse(&format!("{b}\n{one}")).unwrap_err();
    assert!(err.message.contains("unknown term 'a'"), "{err}");
}

/// One group of people written out in two measures (not as a term) is refused by lint:
/// the next fix would reach one copy and miss the other (audit 2026-12-06 row 1).
#[test]
fn a_group_written_out_in_two_measures_is_refused() {
    let group = "any = [\n  { fact = \"disabled\", is = true },\n  { fact = \"dibao\", is = true },\n  { fact = \"tuopin\", is = true },\n  { fact = \"monitored\", is = true },\n]";
    let one = with_when(group);
    let two = one.replace("id = \"t-1\"", "id = \"t-2\"");
    assert_ne!(one, two, "the fixture's measure id is t-1");
    let a = load::document("policies/a.toml", &one).unwrap();
    let b = load::document("policies/b.toml", &two).unwrap();
    let err =
        load::terms::shared_definitions(&[a.clone(), b], load::terms::all().unwrap()).unwrap_err();
    assert!(err.2.contains("also written out in t-1"), "{err:?}");
    // Three tests are not yet a definition; one measure alone is fine.
    load::terms::shared_definitions(&[a], load::terms::all().unwrap()).unwrap();
    let small = with_when(&group.replace("  { fact = \"monitored\", is = true },\n", ""));
    let c = load::document("policies/c.toml", &small).unwrap();
    let d = load::document(
        "policies/d.toml",
        &small.replace("id = \"t-1\"", "id = \"t-2\""),
    )
    .unwrap();
    load::terms::shared_definitions(&[c, d], load::terms::all().unwrap()).unwrap();
}

// ------------------------------------------------------------ where a measure looks (issue 16)

/// `with_when`'s document with `place = …` before its condition (and its region swapped).
fn with_place(place: &str, region: &str, when: &str) -> String {
    with_when(when)
        .replace("region = \"53\"", &format!("region = \"{region}\""))
        .replace(
            "[measure.when]",
            &format!("place = {place}\n\n[measure.when]"),
        )
}

/// A catalogue of the one document `text`.
fn one_document(name: &str, text: &str) -> wugong::catalogue::Catalogue {
    wugong::catalogue::Catalogue::new(vec![load::document(name, text).unwrap()]).unwrap()
}

/// The verdict of the catalogue's first measure on 2022-01-01, by name.
fn first_verdict(
    catalogue: &wugong::catalogue::Catalogue,
    a: &wugong::answers::Answers,
) -> &'static str {
    let (d, m) = catalogue.measures().next().unwrap();
    catalogue
        .evaluate_measure(d, m, a, "2022-01-01".parse().unwrap())
        .verdict
        .name()
}

#[test]
fn a_place_tests_the_named_region_instead_of_the_home_region() {
    use wugong::answers::{Answers, Value};
    use wugong::Fact;
    let text = with_place(
        "[\"business\"]",
        "5303",
        "fact = \"has_business\"\nis = true",
    );
    let catalogue = one_document("t.toml", &text);
    let (_, m) = catalogue.measures().next().unwrap();
    assert!(!m.when.mentions(Fact::HomeRegion), "{:?}", m.when);
    let verdict = |a: &Answers| first_verdict(&catalogue, a);
    // Hukou in Kunming, business registered in Qujing: in; the other way round: out.
    let mut a = Answers::new();
    a.set(Fact::HomeRegion, Value::Region("5301")).unwrap();
    a.set(Fact::HasBusiness, Value::Bool(true)).unwrap();
    assert_eq!(verdict(&a), "undetermined");
    a.set(Fact::BusinessRegion, Value::Region("530302"))
        .unwrap();
    assert_eq!(verdict(&a), "eligible");
    a.set(Fact::HomeRegion, Value::Region("530302")).unwrap();
    a.set(Fact::BusinessRegion, Value::Region("5301")).unwrap();
    assert_eq!(verdict(&a), "not_eligible");
    // Several places: any of them.
    let text = with_place("[\"home\", \"insurance\"]", "5303", "always = true");
    let catalogue = one_document("t.toml", &text);
    let mut a = Answers::new();
    a.set(Fact::HomeRegion, Value::Region("5301")).unwrap();
    a.set(Fact::InsuranceRegion, Value::Region("5303")).unwrap();
    assert_eq!(first_verdict(&catalogue, &a), "eligible");
}

#[test]
fn a_wrong_place_is_refused() {
    let refused = |place: &str, region: &str, when: &str, words: &str| {
        let err = load::document("t.toml", &with_place(place, region, when)).unwrap_err();
        assert!(err.field.starts_with("measure[0] (t-1).place"), "{err}");
        assert!(err.message.contains(words), "{place}: {err}");
    };
    refused("[\"shop\"]", "53", "always = true", "unknown place 'shop'");
    refused("[\"home\"]", "53", "always = true", "default");
    refused("[\"work\", \"work\"]", "53", "always = true", "named twice");
    refused("[\"business\"]", "national", "always = true", "national");
    refused(
        "[\"business\"]",
        "53",
        "any = [{ fact = \"home_region\", within = [\"53\"] }, { fact = \"work_region\", within = [\"53\"] }]",
        "place test of its own",
    );
}

/// A dated branch (`until`) must end inside the measure's period, or it decides nothing.
#[test]
fn a_dated_branch_outside_the_period_is_refused() {
    let when = "any = [\n  { until = \"2020-04-20\" },\n  { fact = \"disabled\", is = true },\n]";
    let text = with_when(when);
    let doc = load::document("t.toml", &text);
    // The fixture document's period decides: a date before its start is refused.
    let early = with_when(&when.replace("2020-04-20", "1990-01-01"));
    let err = load::document("t.toml", &early).unwrap_err();
    assert!(err.message.contains("decides nothing"), "{err}");
    // Inside the period it loads as Condition::Until.
    let doc = doc.unwrap();
    let m = &doc.measures[0];
    assert_eq!(m.when.until_dates(), vec!["2020-04-20".parse().unwrap()]);
    // With another shape beside it, it is refused.
    let both = with_when("until = \"2020-04-20\"\nfact = \"disabled\"\nis = true");
    assert!(load::document("t.toml", &both).is_err());
}
