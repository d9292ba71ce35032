//! Every answered question, with a button to change it (collapsed). The buttons carry
//! the question (`data-ask`); the result page's click handler opens it.

use wugong::words::Word;
use wugong::{Answers, QuestionSet, Value};

use crate::raw::Raw;
use crate::text::prompt;

/// What this view shows.
pub struct Props<'a> {
    pub answers: &'a Answers,
    pub english: bool,
}

pub fn my_answers(r: &mut Raw, props: Props<'_>) {
    let english = props.english;
    let answers = props.answers;
    let questions: QuestionSet = answers.iter().map(|(f, _)| f.question()).collect();
    if questions.is_empty() {
        return;
    }
    r.open(
        "details",
        "class=\"group my-answers\" data-testid=\"my-answers\"",
    )
    .gt();
    r.open("summary", "")
        .gt()
        .el("h2", "", Word::MyAnswers.get(english))
        .close("summary");
    r.open("ul", "").gt();
    for q in questions.iter() {
        let facts = q.facts();
        let values: Vec<String> = facts
            .iter()
            .filter_map(|f| {
                let v = answers.get(*f)?;
                if facts.len() == 1 {
                    Some(v.describe(*f, english))
                } else if v == Value::Bool(true) {
                    Some((if english { f.label_en() } else { f.label_zh() }).to_string())
                } else {
                    None
                }
            })
            .collect();
        let shown = if values.is_empty() {
            Word::None.get(english).to_string()
        } else {
            values.join("、")
        };
        r.open("li", "")
            .gt()
            .el("span", "class=\"q\"", prompt(q, english).0);
        r.el("span", "class=\"a\"", &shown);
        r.open("button", "class=\"link\"")
            .attr("data-ask", &(q as usize).to_string())
            .attr("data-testid", &format!("change-{q:?}"))
            .gt()
            .text(Word::Change.get(english))
            .close("button")
            .close("li");
    }
    r.close("ul").close("details");
}
