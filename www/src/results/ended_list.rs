//! Programmes that ended on the date (or had not started), which the worker would or
//! might have qualified for: one line each (title, amount, end date, whom to ask), not
//! full cards, collapsed with a count.

use wugong::actions::Item;
use wugong::amount::Amount;
use wugong::evaluate::Group;
use wugong::Evaluation;

use crate::raw::Raw;

/// What this view shows.
pub struct Props<'a> {
    /// Every card of the result; this view lists the ended ones.
    pub items: &'a [Item],
    pub eval: &'a Evaluation<'a>,
    pub english: bool,
}

pub fn ended_list(r: &mut Raw, props: Props<'_>) {
    let english = props.english;
    let items: Vec<&Item> = props
        .items
        .iter()
        .filter(|it| it.group == Group::Ended)
        .collect();
    if items.is_empty() {
        return;
    }
    r.open(
        "details",
        "class=\"group ended\" data-testid=\"group-ended\"",
    )
    .gt();
    r.open("summary", "")
        .gt()
        .open("h2", "")
        .gt()
        .text(Group::Ended.title(english));
    r.el(
        "span",
        "class=\"count\"",
        &super::group::count(items.len(), english),
    );
    r.close("h2").close("summary");
    r.open("ul", "class=\"ended-list\"").gt();
    for it in items {
        let o = &props.eval.outcomes[it.members[0]];
        r.open("li", "data-testid=\"ended-item\"")
            .attr("data-measure", o.id)
            .gt();
        r.el("span", "class=\"t\"", &o.measure.title);
        if let Some(a) = o
            .amount_text(english)
            .filter(|_| o.amount != Some(Amount::NeedsAnswers))
        {
            r.el("span", "class=\"a\"", &a);
        }
        r.el("span", "class=\"d\"", &props.eval.status_text(o, english))
            .close("li");
    }
    r.close("ul").close("details");
}
