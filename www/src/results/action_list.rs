//! "先做这几件事": the engine's short list, one line each of what, how much, where and
//! by when, with the number to tap.

use wugong::actions::Action;
use wugong::words::Word;
use wugong::Evaluation;

use crate::raw::Raw;

/// What this view shows.
pub struct Props<'a> {
    pub eval: &'a Evaluation<'a>,
    pub actions: &'a [Action],
    pub english: bool,
    /// Also what to bring (the print view).
    pub bring: bool,
}

pub fn action_list(r: &mut Raw, props: Props<'_>) {
    let english = props.english;
    if props.actions.is_empty() {
        return;
    }
    r.open("section", "class=\"todo\" data-testid=\"actions\"")
        .gt();
    r.el("h2", "", Word::DoTheseFirst.get(english));
    r.open("ol", "").gt();
    for a in props.actions {
        r.open("li", "data-testid=\"action\"").gt();
        r.open("p", "class=\"what\"")
            .gt()
            .text(a.verb)
            .text(Word::Colon.get(english));
        // In English, the programme's English title once that file is in.
        let en = if english {
            crate::english_text(&props.eval.outcomes[a.outcome].measure.id)
        } else {
            None
        };
        r.el("strong", "", en.map_or(&a.title, |t| &t.title))
            .close("p");
        if let Some(amount) = &a.amount {
            r.el(
                "p",
                "class=\"amount\" data-testid=\"action-amount\"",
                amount,
            );
        }
        r.open("p", "class=\"where\"").gt();
        r.el("span", "class=\"k\"", Word::Where.get(english))
            .text(&a.place)
            .close("p");
        if props.bring && !a.materials.is_empty() {
            r.open("p", "").gt();
            r.el("span", "class=\"k\"", Word::Bring.get(english))
                .text(&a.materials.join("、"))
                .close("p");
        }
        if let Some(by) = &a.by {
            r.open("p", "class=\"by\" data-testid=\"action-by\"").gt();
            r.el("span", "class=\"k\"", Word::When.get(english))
                .text(by)
                .close("p");
        }
        for p in &a.phones {
            r.call(&p.dial, &p.number);
        }
        r.close("li");
    }
    r.close("ol").close("section");
}
