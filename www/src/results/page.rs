//! The result page's text, from the one report: the numbers to tap, the warnings, the
//! first things to do, the deadlines, then every group of cards and the answers given.
//! Pure escaped HTML ([`crate::raw::Raw`]), no Yew: the rules studio (`studio/`)
//! includes these views to preview a worker's result exactly as the widget writes it.
//!
//! A macro rather than a function: expanded where the widget wrote the page before
//! (`results` in mod.rs), the widget's wasm stays byte for byte what it was (as a
//! function, even inlined, the constants moved and the first screen grew by 33 bytes).
//! Where it is used, `Group`, `tr` and the views (`group`, `action_list`, `deadlines`,
//! `ended_list`, `my_answers`) must be in scope.

/// `page!(r, report, answers, english, as_of, next)`: writes the page into the [`Raw`]
/// `r` for `report` (a `wugong::Report`), the worker's `answers`, in English or not, on
/// the date `as_of`; `next` (an `Option<Fact>`, evaluated where it is needed) is the
/// question that would make the result clearer.
macro_rules! page {
    ($r:ident, $report:expr, $answers:expr, $english:ident, $as_of:ident, $next:expr) => {{
        $r.el("h1", "", wugong::words::Word::YourResults.get($english));
        $r.el(
            "p",
            "class=\"as-of\" data-testid=\"as-of\"",
            &wugong::words::Word::RulesAsOf.fill($english, &[("date", &$as_of.to_string())]),
        );
        // The numbers to tap for what brought the worker (the engine's list, 12333 first).
        if !$report.calls.is_empty() {
            $r.open("p", "class=\"calls\" data-testid=\"calls\"").gt();
            $r.el(
                "span",
                "class=\"k\"",
                wugong::words::Word::CallFirst.get($english),
            );
            for p in &$report.calls {
                $r.call(&p.dial, &p.number);
            }
            $r.close("p");
        }
        let eval = &$report.eval;
        let items = &$report.cards;
        let todo = &$report.actions;
        let told = &$report.told;
        // What the worker must know before anything else (the engine's warnings) leads.
        group::group(
            &mut $r,
            group::Props {
                group: Group::Warning,
                items,
                eval,
                english: $english,
            },
        );
        action_list::action_list(
            &mut $r,
            action_list::Props {
                eval,
                actions: todo,
                english: $english,
                bring: false,
            },
        );
        // After the first things to do, so that they are on the first screen.
        if let Some(n) = $report.not_covered() {
            $r.open("p", "class=\"warning\" data-testid=\"not-covered\"")
                .gt();
            $r.text(&n.before);
            if let Some(p) = n.phone {
                $r.call(&p.dial, &p.number);
            }
            $r.text(n.after);
            $r.close("p");
        }
        if !told.is_empty() {
            deadlines::deadlines(
                &mut $r,
                deadlines::Props {
                    told,
                    english: $english,
                },
            );
        }
        if let Some(f) = $next {
            $r.open("button", "class=\"primary\" data-testid=\"continue\"")
                .attr("data-ask", &(f.question() as usize).to_string())
                .gt()
                .text(wugong::words::Word::KeepAnswering.get($english))
                .close("button");
        }
        // Ended programmes as a compact list, in the groups' order.
        for g in Group::ALL {
            if g == Group::Warning {
                continue;
            }
            if g == Group::Ended {
                ended_list::ended_list(
                    &mut $r,
                    ended_list::Props {
                        items,
                        eval,
                        english: $english,
                    },
                );
            } else {
                group::group(
                    &mut $r,
                    group::Props {
                        group: g,
                        items,
                        eval,
                        english: $english,
                    },
                );
            }
        }
        my_answers::my_answers(
            &mut $r,
            my_answers::Props {
                answers: $answers,
                english: $english,
            },
        );
    }};
}
