//! Runs every persona case in `tests/cases/` against the policies built into the crate,
//! and checks that every measure has a case where it applies and one where it does not.

use std::path::Path;

use selfcheck::cases;

#[test]
fn every_persona_case_gets_the_expected_verdicts() {
    let catalogue = selfcheck::embedded().expect("policies load");
    let all = cases::read_dir(Path::new("tests/cases")).expect("cases parse");
    assert!(
        all.len() >= 60,
        "only {} persona cases; at least 60 are required",
        all.len()
    );
    let mut report = Vec::new();
    for case in &all {
        for p in cases::check(&catalogue, case) {
            report.push(format!("{} ({}): {p}", case.file, case.who));
        }
    }
    assert!(
        report.is_empty(),
        "{} mismatches:\n{}",
        report.len(),
        report.join("\n")
    );
}

#[test]
fn every_measure_has_an_eligible_and_a_not_eligible_case() {
    let catalogue = selfcheck::embedded().expect("policies load");
    let all = cases::read_dir(Path::new("tests/cases")).expect("cases parse");
    let gaps = cases::uncovered(&catalogue, &all);
    assert!(
        gaps.is_empty(),
        "measures without cases:\n{}",
        gaps.join("\n")
    );
}

#[test]
fn the_policies_folder_lints_clean() {
    let catalogue =
        selfcheck::catalogue_from_dir(Path::new("policies")).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        catalogue.documents.len() >= 14,
        "expected every source document, got {}",
        catalogue.documents.len()
    );
}
