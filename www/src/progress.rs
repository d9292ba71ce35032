//! "About 4 more questions": how far the worker has to go, counted by the engine
//! (`Catalogue::questions_left`). A skip always brings it down.

use wugong::{Answers, Date, FactSet};
use yew::prelude::*;

use crate::catalogue_context::use_catalogue;

#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    pub answers: Answers,
    pub skipped: FactSet,
    pub as_of: Date,
    pub english: bool,
}

#[component]
pub fn Progress(props: &ProgressProps) -> Html {
    // Before the rules arrive (on the first question) there is nothing to count yet.
    let Some(catalogue) = use_catalogue() else {
        return html! {};
    };
    let left = catalogue.questions_left(&props.answers, props.as_of, &props.skipped);
    let text = match (left, props.english) {
        (0 | 1, false) => "这是最后一题".to_string(),
        (0 | 1, true) => "Last question".to_string(),
        (n, false) => format!("大约还有 {n} 题"),
        (n, true) => format!("About {n} more questions"),
    };
    html! {
        <p class="progress" data-testid="progress" data-left={left.to_string()}>{ text }</p>
    }
}
