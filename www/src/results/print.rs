//! One page to print or save: the actions with amount, where, what to bring, by when
//! and whom to call; the deadlines as what can still be done. "Copy as text" copies this page's text (WeChat can clear
//! localStorage, and iOS in-app browsers keep nothing offline).

use wugong::words::Word;
use wugong::Report;

use crate::raw::Raw;

/// Drawn by the result page's component (one component type for both saves its share
/// of the wasm). Its buttons carry `data-act` for the page's click handler.
pub fn print_view(r: &mut Raw, report: &Report<'static>) {
    let english = report.english;
    r.open("div", "class=\"row no-print\"").gt();
    r.el(
        "button",
        "class=\"secondary\" data-act=\"back\"",
        Word::BackArrow.get(english),
    );
    r.el(
        "button",
        "class=\"primary\" data-act=\"print\"",
        Word::PrintSaveAsPdf.get(english),
    );
    r.el(
        "button",
        "class=\"secondary\" data-act=\"copy\" data-testid=\"copy-summary\"",
        Word::CopyAsText.get(english),
    );
    r.close("div");
    r.open("div", "class=\"share-box no-print\" hidden").gt();
    r.el("label", "for=\"summary-text\"", Word::Copied.get(english));
    r.el(
        "textarea",
        "id=\"summary-text\" readonly rows=\"8\" data-testid=\"summary-text\"",
        "",
    );
    r.close("div");
    r.open("div", "class=\"print-body\" data-testid=\"print-body\"")
        .gt();
    r.el("h1", "", Word::SelfCheckSummary.get(english));
    let as_of = report.as_of();
    r.el(
        "p",
        "",
        &Word::PrintRulesAsOf.fill(english, &[("date", &as_of.to_string())]),
    );
    super::action_list::action_list(
        r,
        super::action_list::Props {
            eval: &report.eval,
            actions: &report.actions,
            english,
            bring: true,
        },
    );
    if !report.told.is_empty() {
        super::deadlines::deadlines(
            r,
            super::deadlines::Props {
                told: &report.told,
                english,
            },
        );
    }
    r.close("div");
}
