//! One page to print or save: the actions with amount, where, what to bring and by
//! when; the deadlines as what can still be done; what to apply for, may qualify for,
//! and whom to call. "Copy as text" copies this page's text (WeChat can clear
//! localStorage, and iOS in-app browsers keep nothing offline).

use wugong::actions::{Action, Item};
use wugong::deadline::Told;
use wugong::evaluate::Group;
use wugong::Evaluation;

use super::raw::Raw;
use crate::text::tr;

/// What this view shows.
pub struct Props<'a> {
    pub eval: &'a Evaluation<'static>,
    pub items: &'a [Item],
    pub actions: &'a [Action],
    pub told: &'a [Told],
    pub english: bool,
}

/// Drawn by the result page's component (one component type for both saves its share
/// of the wasm). Its buttons carry `data-act` for the page's click handler.
pub fn print_view(r: &mut Raw, props: Props<'_>) {
    let english = props.english;
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
    let as_of = props.eval.as_of;
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
            eval: props.eval,
            actions: props.actions,
            english,
            bring: true,
        },
    );
    if !props.told.is_empty() {
        super::deadlines::deadlines(
            r,
            super::deadlines::Props {
                told: props.told,
                english,
            },
        );
    }
    let where_ = tr(english, "去哪里：", "Where: ");
    let bring = tr(english, "要带：", "Bring: ");
    for g in [Group::ApplyNow, Group::MayQualify, Group::Contacts] {
        let items: Vec<&Item> = props
            .items
            .iter()
            .filter(|it| it.group == g && !props.actions.iter().any(|a| a.outcome == it.members[0]))
            .collect();
        if items.is_empty() {
            continue;
        }
        r.el("h2", "", g.title(english)).open("ul", "").gt();
        for it in items {
            let o = &props.eval.outcomes[it.members[0]];
            let m = o.measure;
            r.open("li", "").gt().el("strong", "", &m.title);
            if let Some(a) = o.amount_text(english) {
                r.text(" — ").text(&a);
            }
            if g != Group::Contacts {
                r.open("br", "").gt().text(where_).text(&m.apply_where);
                if !m.materials.is_empty() {
                    r.open("br", "")
                        .gt()
                        .text(bring)
                        .text(&m.materials.join("、"));
                }
            }
            for p in &m.phones {
                r.text(" ").call(&p.dial, &p.number);
            }
            r.close("li");
        }
        r.close("ul");
    }
    r.close("div");
}
