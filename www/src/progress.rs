//! "About 4 more questions": how far the worker has to go, counted by the engine
//! (`Catalogue::questions_left`). A skip always brings it down.

use wugong::{Answers, Date, FactSet};
use yew::prelude::*;

use crate::catalogue_context::CatalogueRef;

/// A view function, not a component: it has no state of its own (see `results/mod.rs`
/// on what each component type costs). `None` before the rules arrive.
pub fn progress(
    catalogue: Option<CatalogueRef>,
    answers: &Answers,
    skipped: &FactSet,
    as_of: Date,
    english: bool,
) -> Html {
    // Before the rules arrive (on the first question) there is nothing to count yet.
    let Some(CatalogueRef(catalogue)) = catalogue else {
        return html! {};
    };
    let left = catalogue.questions_left(answers, as_of, skipped);
    let text = match (left, english) {
        (0 | 1, false) => "这是最后一题".to_string(),
        (0 | 1, true) => "Last question".to_string(),
        (n, false) => format!("大约还有 {n} 题"),
        (n, true) => format!("About {n} more questions"),
    };
    html! {
        <p class="progress" data-testid="progress" data-left={left.to_string()}>{ text }</p>
    }
}
