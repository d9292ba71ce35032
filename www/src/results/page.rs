//! The result page's text, from the one report: the numbers to tap, the warnings, the
//! first things to do, the deadlines, then every group of cards and the answers given.
//! Pure escaped HTML ([`Raw`]), no Yew: the rules studio (`studio/`) includes these
//! views to preview a worker's result exactly as the widget writes it.

use wugong::evaluate::Group;
use wugong::{Answers, Question, Report};

use super::{action_list, deadlines, ended_list, group, my_answers};
use crate::raw::Raw;
use crate::text::tr;

/// " 18 项" after a group's title.
pub fn count(n: usize, english: bool) -> String {
    if english {
        format!(" ({n})")
    } else {
        format!(" {n} 项")
    }
}

/// The page for `report`; `next`, the question that would make it clearer, if any.
pub fn page(r: &mut Raw, report: &Report<'_>, answers: &Answers, next: Option<Question>) {
    let english = report.english;
    let as_of = report.as_of();
    r.el("h1", "", tr(english, "查询结果", "Your results"));
    r.el(
        "p",
        "class=\"as-of\" data-testid=\"as-of\"",
        &if english {
            format!("Rules as of {as_of}")
        } else {
            format!("按 {as_of} 的规定计算")
        },
    );
    // The numbers to tap for what brought the worker (the engine's list, 12333 first).
    if !report.calls.is_empty() {
        r.open("p", "class=\"calls\" data-testid=\"calls\"").gt();
        r.el(
            "span",
            "class=\"k\"",
            tr(english, "有问题先打电话：", "Call first: "),
        );
        for p in &report.calls {
            r.call(&p.dial, &p.number);
        }
        r.close("p");
    }
    let eval = &report.eval;
    let items = &report.cards;
    let todo = &report.actions;
    let told = &report.told;
    // What the worker must know before anything else (the engine's warnings) leads.
    group::group(
        r,
        group::Props {
            group: Group::Warning,
            items,
            eval,
            english,
        },
    );
    action_list::action_list(
        r,
        action_list::Props {
            eval,
            actions: todo,
            english,
            bring: false,
        },
    );
    // After the first things to do, so that they are on the first screen.
    if let Some(n) = report.not_covered() {
        r.open("p", "class=\"warning\" data-testid=\"not-covered\"")
            .gt();
        r.text(&n.before);
        if let Some(p) = n.phone {
            r.call(&p.dial, &p.number);
        }
        r.text(n.after);
        r.close("p");
    }
    if !told.is_empty() {
        deadlines::deadlines(r, deadlines::Props { told, english });
    }
    if let Some(q) = next {
        r.open("button", "class=\"primary\" data-testid=\"continue\"")
            .attr("data-ask", &(q as usize).to_string())
            .gt()
            .text(tr(
                english,
                "继续回答，结果更准 →",
                "Keep answering for a clearer result →",
            ))
            .close("button");
    }
    // Ended programmes as a compact list, in the groups' order.
    for g in Group::ALL {
        if g == Group::Warning {
            continue;
        }
        if g == Group::Ended {
            ended_list::ended_list(
                r,
                ended_list::Props {
                    items,
                    eval,
                    english,
                },
            );
        } else {
            group::group(
                r,
                group::Props {
                    group: g,
                    items,
                    eval,
                    english,
                },
            );
        }
    }
    my_answers::my_answers(r, my_answers::Props { answers, english });
}
