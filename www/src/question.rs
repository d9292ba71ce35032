//! One question per screen, with big buttons, "I don't know", back, "see results" and
//! how many questions are left.

use wugong::fact::FactKind;
use wugong::{Answers, Date, FactSet, Question, Value};
use yew::prelude::*;

use crate::catalogue_context::CatalogueRef;
use crate::choices::Choices;
use crate::multi_check::MultiCheck;
use crate::progress::Progress;
use crate::region_picker::RegionPicker;
use crate::speak::Speak;
use crate::state::{Action, State};
use crate::text::{prompt, tr};
use crate::value_input::ValueInput;

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    /// The rules, for the progress line (`None` before they arrive).
    pub catalogue: Option<CatalogueRef>,
    pub question: Question,
    pub answers: Answers,
    pub skipped: FactSet,
    pub as_of: Date,
    pub english: bool,
    /// Counts screen changes (browser tests wait on it).
    pub step: u32,
    pub can_go_back: bool,
    /// The regions file has arrived (the region picker names every prefecture).
    pub names_ready: bool,
    /// The regions file did not arrive whole.
    pub names_failed: bool,
    pub dispatcher: UseReducerDispatcher<State>,
}

#[component]
pub fn QuestionView(props: &QuestionProps) -> Html {
    let english = props.english;
    let q = props.question;
    let (title, hint) = prompt(q, english);
    let facts = q.facts();
    let dispatcher = &props.dispatcher;

    // The home region, or where the worker works or lives now.
    let input = if facts.len() == 1 && facts[0].kind() == FactKind::Region {
        let fact = facts[0];
        let current = match props.answers.get(fact) {
            Some(Value::Region(code)) => Some(code),
            _ => None,
        };
        html! { <RegionPicker {fact} {current} {english} names_ready={props.names_ready} names_failed={props.names_failed} dispatcher={dispatcher.clone()} /> }
    } else if facts.len() > 1 {
        let ticked: Vec<_> = facts
            .iter()
            .copied()
            .filter(|f| props.answers.get(*f) == Some(Value::Bool(true)))
            .collect();
        html! { <MultiCheck facts={facts.clone()} {ticked} {english} catalogue={props.catalogue} dispatcher={dispatcher.clone()} /> }
    } else {
        let fact = facts[0];
        let current = props.answers.get(fact);
        match fact.kind() {
            FactKind::Bool | FactKind::Choice(_) => {
                html! { <Choices {fact} {current} {english} dispatcher={dispatcher.clone()} /> }
            }
            _ => {
                html! { <ValueInput {fact} {current} as_of={props.as_of} {english} dispatcher={dispatcher.clone()} /> }
            }
        }
    };

    let skip = {
        let dispatcher = dispatcher.clone();
        let facts = facts.clone();
        Callback::from(move |_| dispatcher.dispatch(Action::Skip(facts.clone())))
    };
    let back = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_| dispatcher.dispatch(Action::Back))
    };
    let results = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_| dispatcher.dispatch(Action::ShowResults))
    };

    // As soon as the first thing to do about the worker's events is known (the engine's
    // `Report::first_for_events`), it is on every question screen, with its number.
    let first = props.catalogue.and_then(|c| {
        let report = wugong::Report::new(c.0, &props.answers, props.as_of, english);
        let a = report.first_for_events()?;
        let mut r = crate::results::Raw::default();
        r.open("p", "class=\"first-step\" data-testid=\"first-step\"")
            .gt();
        r.el("span", "class=\"k\"", tr(english, "先做：", "First: "));
        r.el("strong", "", &a.title);
        for p in &a.phones {
            r.text(" ").call(&p.dial, &p.number);
        }
        r.close("p");
        Some(r.html())
    });
    html! {
        <section class="question" aria-labelledby="q-title" data-testid="question" data-question={format!("{q:?}")} data-step={props.step.to_string()}>
            { for first }
            <Progress catalogue={props.catalogue} answers={props.answers.clone()} skipped={props.skipped} as_of={props.as_of} {english} />
            <h1 id="q-title">{ title }</h1>
            if !hint.is_empty() { <p class="hint">{ hint }</p> }
            <Speak text={format!("{title} {hint}")} {english} />
            { input }
            <div class="row nav">
                if props.can_go_back {
                    <button class="secondary" onclick={back} data-testid="back">{ tr(english, "← 上一步", "← Back") }</button>
                }
                <button class="secondary" onclick={skip} data-testid="skip">{ tr(english, "不知道，跳过", "I don't know") }</button>
                <button class="secondary" onclick={results} data-testid="see-results">{ tr(english, "看结果", "See results") }</button>
            </div>
        </section>
    }
}
