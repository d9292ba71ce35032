//! One page to print or save: the actions with amount, where, what to bring, by when
//! and whom to call; the deadlines as what can still be done. "Copy as text" copies this page's text (WeChat can clear
//! localStorage, and iOS in-app browsers keep nothing offline).

use wugong::Report;

use crate::raw::Raw;
use crate::text::tr;

/// Drawn by the result page's component (one component type for both saves its share
/// of the wasm). Its buttons carry `data-act` for the page's click handler.
pub fn print_view(r: &mut Raw, report: &Report<'static>) {
    let english = report.english;
    r.open("div", "class=\"row no-print\"").gt();
    r.el(
        "button",
        "class=\"secondary\" data-act=\"back\"",
        tr(english, "← 返回", "← Back"),
    );
    r.el(
        "button",
        "class=\"primary\" data-act=\"print\"",
        tr(english, "打印 / 存为PDF", "Print / save as PDF"),
    );
    r.el(
        "button",
        "class=\"secondary\" data-act=\"copy\" data-testid=\"copy-summary\"",
        tr(english, "复制文字", "Copy as text"),
    );
    r.close("div");
    r.open("div", "class=\"share-box no-print\" hidden").gt();
    r.el(
        "label",
        "for=\"summary-text\"",
        tr(
            english,
            "已复制。如果没有复制成功，长按下面的文字复制：",
            "Copied. If not, press and hold the text below to copy it:",
        ),
    );
    r.el(
        "textarea",
        "id=\"summary-text\" readonly rows=\"8\" data-testid=\"summary-text\"",
        "",
    );
    r.close("div");
    r.open("div", "class=\"print-body\" data-testid=\"print-body\"")
        .gt();
    r.el("h1", "", tr(english, "务工自查结果", "Self-check summary"));
    let as_of = report.as_of();
    r.el(
        "p",
        "",
        &if english {
            format!("Rules as of {as_of}")
        } else {
            format!("按 {as_of} 的规定")
        },
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
