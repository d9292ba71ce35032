//! The widget's own result views (`www/src/results/`), included as they are: the
//! preview is the page a worker sees, written by the same code from the same report.
//! Only the read-aloud button differs: the studio shows none (a clerk's preview reads
//! nothing aloud), as the widget does where the browser has no speech.
#![allow(dead_code)]

#[path = "../../www/src/results/action_list.rs"]
mod action_list;
#[path = "../../www/src/results/card.rs"]
mod card;
#[path = "../../www/src/results/deadlines.rs"]
mod deadlines;
#[path = "../../www/src/results/ended_list.rs"]
mod ended_list;
#[path = "../../www/src/results/group.rs"]
mod group;
#[path = "../../www/src/results/my_answers.rs"]
mod my_answers;
#[macro_use]
#[path = "../../www/src/results/page.rs"]
mod page;

use wugong::evaluate::Group;
use wugong::{Answers, Fact, Report};

use crate::raw::Raw;

/// The widget's result page for `report` (its `page!`, as `results` in the widget's
/// mod.rs writes it), as HTML text.
pub fn page(report: &Report<'_>, answers: &Answers, next: Option<Fact>) -> String {
    let (english, as_of) = (report.english, report.as_of());
    let mut r = Raw::default();
    page!(r, report, answers, english, as_of, next);
    r.into_string()
}

mod read_aloud {
    use crate::raw::Raw;

    /// As the widget where the browser cannot speak: no button.
    pub fn read_aloud(_: &mut Raw, _: &str, _: bool) {}
}
