//! The worker's deadlines, told as what they can still do: the legal limit first, the
//! 60-day date only while it is ahead and only as advice, a passed date said plainly with
//! what remains possible. The words are the engine's (`Deadline::told`).

use wugong::deadline::Told;
use wugong::words::Word;

use crate::raw::Raw;

/// What this view shows.
pub struct Props<'a> {
    pub told: &'a [Told],
    pub english: bool,
}

pub fn deadlines(r: &mut Raw, props: Props<'_>) {
    let english = props.english;
    r.open("section", "class=\"timeline\" data-testid=\"timeline\"")
        .gt();
    r.el("h2", "", Word::YourDeadlines.get(english));
    r.open("ul", "").gt();
    for t in props.told {
        let class = match (t.advice, t.passed) {
            (true, _) => "advice",
            (_, true) => "passed",
            _ => "",
        };
        r.open("li", "")
            .attr("class", class)
            .attr("data-testid", &format!("deadline-{}", t.id))
            .gt();
        r.el("p", "class=\"when\"", &t.line);
        if t.passed {
            r.open("p", "").gt();
            for n in &t.calls {
                r.call(n, n);
            }
            r.close("p");
        }
        r.el("p", "class=\"cite\"", &t.cite).close("li");
    }
    r.close("ul").close("section");
}
