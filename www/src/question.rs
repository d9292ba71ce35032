//! One question per screen, with big buttons, "I don't know", back, "see results" and
//! how many questions are left.

use wugong::fact::FactKind;
use wugong::{Answers, Date, Fact, FactSet, Question, Value};
use yew::prelude::*;

use crate::catalogue_context::CatalogueRef;
use crate::choices::choices;
use crate::multi_check::multi_check;
use crate::progress::progress;
use crate::region_picker::region_picker;
use crate::speak::speak;
use crate::state::{Action, State};
use crate::text::{prompt, tr};
use crate::value_input::value_input;

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
    /// The boxes ticked so far on a screen of tick boxes (`State::ticking`).
    pub ticking: Option<Vec<Fact>>,
    /// Why a value typed was not taken (`State::input_error`).
    pub input_error: Option<String>,
    pub dispatcher: UseReducerDispatcher<State>,
}

/// A view function, not a component, like its inputs (what they hold until answered
/// is in the state). The section is keyed by the question, so a new question gets new
/// inputs.
pub fn question_view(props: QuestionProps) -> Html {
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
        region_picker(fact, current, english, dispatcher)
    } else if facts.len() > 1 {
        let answered: Vec<_> = facts
            .iter()
            .copied()
            .filter(|f| props.answers.get(*f) == Some(Value::Bool(true)))
            .collect();
        multi_check(
            facts.clone(),
            answered,
            props.ticking.as_ref(),
            english,
            props.catalogue,
            dispatcher,
        )
    } else {
        let fact = facts[0];
        let current = props.answers.get(fact);
        match fact.kind() {
            FactKind::Bool | FactKind::Choice(_) => choices(fact, current, english, dispatcher),
            _ => value_input(
                fact,
                current,
                props.as_of,
                english,
                props.input_error.as_deref(),
                dispatcher,
            ),
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

    html! {
        <section key={q as usize} class="question" aria-labelledby="q-title" data-testid="question" data-question={format!("{q:?}")} data-step={props.step.to_string()}>
            { progress(props.catalogue, &props.answers, &props.skipped, props.as_of, english) }
            <h1 id="q-title">{ title }</h1>
            if !hint.is_empty() { <p class="hint">{ hint }</p> }
            { speak(format!("{title} {hint}"), english) }
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
