//! "About 4 more questions": how far the worker has to go, counted by the engine
//! (`Catalogue::questions_left`). A skip always brings it down.

use wugong::{Answers, Date, FactSet};

use crate::catalogue_context::CatalogueRef;
use crate::raw::Raw;

/// Nothing before the rules arrive (on the first question there is nothing to count
/// yet).
pub fn progress(
    r: &mut Raw,
    catalogue: Option<CatalogueRef>,
    answers: &Answers,
    skipped: &FactSet,
    as_of: Date,
    english: bool,
) {
    let Some(CatalogueRef(catalogue)) = catalogue else {
        return;
    };
    let left = catalogue.questions_left(answers, as_of, skipped);
    let text = match (left, english) {
        (0 | 1, false) => "这是最后一题".to_string(),
        (0 | 1, true) => "Last question".to_string(),
        (n, false) => format!("大约还有 {n} 题"),
        (n, true) => format!("About {n} more questions"),
    };
    r.open("p", "class=\"progress\" data-testid=\"progress\"")
        .attr("data-left", &left.to_string())
        .gt()
        .text(&text)
        .close("p");
}
