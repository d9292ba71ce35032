//! Every answered question, with a button to change it (collapsed with a count).

use wugong::{Answers, Question, QuestionSet, Value};
use yew::prelude::*;

use crate::text::{prompt, tr};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub answers: Answers,
    pub english: bool,
    pub on_ask: Callback<Question>,
}

#[component]
pub fn MyAnswers(props: &Props) -> Html {
    let english = props.english;
    let answers = &props.answers;
    let questions: QuestionSet = answers.iter().map(|(f, _)| f.question()).collect();
    if questions.is_empty() {
        return html! {};
    }
    html! {
        <details class="group my-answers" data-testid="my-answers">
            <summary><h2>{ tr(english, "我的回答（可以改）", "My answers (tap to change)") }</h2></summary>
            <ul>
                { for questions.iter().map(|q| {
                    let values: Vec<String> = q.facts().into_iter().filter_map(|f| {
                        let v = answers.get(f)?;
                        Some(if q.facts().len() > 1 {
                            if v == Value::Bool(true) { (if english { f.label_en() } else { f.label_zh() }).to_string() } else { return None }
                        } else { v.describe(f, english) })
                    }).collect();
                    let shown = if values.is_empty() { tr(english, "都不是", "none").to_string() } else { values.join("、") };
                    let on_ask = props.on_ask.clone();
                    html! { <li><span class="q">{ prompt(q, english).0 }</span> <span class="a">{ shown }</span>
                        <button class="link" onclick={move |_| on_ask.emit(q)} data-testid={format!("change-{q:?}")}>{ tr(english, "改", "Change") }</button></li> }
                }) }
            </ul>
        </details>
    }
}
