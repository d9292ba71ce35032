//! "About 4 more questions": how far the worker has to go, counted by the engine
//! (`Catalogue::questions_left`), kept by the reducer as the smallest shown on this walk
//! (`State::left`): it never rises. A skip always brings it down.

use crate::raw::Raw;

/// `left`: the reducer's count (`State::left`, never rising within a walk); nothing
/// before the rules arrive.
pub fn progress(r: &mut Raw, left: Option<usize>, english: bool) {
    let Some(left) = left else {
        return;
    };
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
