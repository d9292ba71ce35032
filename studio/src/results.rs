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
#[path = "../../www/src/results/page.rs"]
mod page;

pub use page::{count, page};

mod read_aloud {
    use crate::raw::Raw;

    /// As the widget where the browser cannot speak: no button.
    pub fn read_aloud(_: &mut Raw, _: &str, _: bool) {}
}
