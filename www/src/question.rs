//! One question per screen, with big buttons, "I don't know", back, "see results" and
//! how many questions are left.

use wugong::fact::FactKind;
use wugong::{Answers, Date, Fact, Question, Value};
use yew::prelude::*;

use crate::catalogue_context::CatalogueRef;
use crate::choices::choices;
use crate::multi_check::multi_check;
use crate::progress::progress;
use crate::raw::Raw;
use crate::region_picker::region_picker;
use crate::speak::speak;
use crate::state::State;
use crate::text::{prompt, tr};
use crate::value_input::value_input;

pub struct QuestionProps<'a> {
    /// The rules, for the progress line (`None` before they arrive).
    pub catalogue: Option<CatalogueRef>,
    pub question: Question,
    pub answers: &'a Answers,
    /// "About N more questions" (`State::left`).
    pub left: Option<usize>,
    /// On a region screen, the region whose places are listed (`State::region_list`).
    pub region_list: Option<&'static str>,
    pub as_of: Date,
    pub english: bool,
    /// Counts screen changes (browser tests wait on it).
    pub step: u32,
    pub can_go_back: bool,
    /// The boxes ticked so far on a screen of tick boxes (`State::ticking`).
    pub ticking: Option<&'a Vec<Fact>>,
    /// Why a value typed was not taken (`State::input_error`).
    pub input_error: Option<&'a str>,
    /// The regions file did not arrive whole (the region picker offers to try again).
    pub names_failed: bool,
    pub dispatcher: UseReducerDispatcher<State>,
}

/// A view function, not a component, like its inputs (what they hold until answered
/// is in the state). The section is keyed by the question, so a new question gets new
/// inputs. Its buttons are escaped HTML (`crate::raw`) answered by the app's one click
/// handler (`app::on_click`): `data-pick` an answer (its value's place in `picks`,
/// `choices::pick`), `data-do` the rest; the inputs typed into or ticked are `html!`
/// with their own handlers.
pub fn question_view(props: QuestionProps, picks: &mut Vec<Option<Value>>) -> Html {
    let english = props.english;
    let q = props.question;
    let (title, hint) = prompt(q, english);
    let facts = q.facts();
    let dispatcher = &props.dispatcher;

    let mut top = Raw::default();
    // As soon as the first thing to do about the worker's events is known (the engine's
    // `Report::first_for_events`), it is on every question screen, with its number.
    if let Some(c) = props.catalogue {
        let report = wugong::Report::new(c.0, props.answers, props.as_of, english);
        if let Some(a) = report.first_for_events() {
            top.open("p", "class=\"first-step\" data-testid=\"first-step\"")
                .gt();
            top.el("span", "class=\"k\"", tr(english, "先做：", "First: "));
            top.el("strong", "", &a.title);
            for p in &a.phones {
                top.text(" ").call(&p.dial, &p.number);
            }
            top.close("p");
        }
    }
    progress(&mut top, props.left, english);
    top.el("h1", "id=\"q-title\"", title);
    if !hint.is_empty() {
        top.el("p", "class=\"hint\"", hint);
    }
    speak(&mut top, english);

    let mut buttons = Raw::default();
    // The home region, or where the worker works or lives now.
    let input = if facts.len() == 1 && facts[0].kind() == FactKind::Region {
        region_picker(
            &mut buttons,
            picks,
            props.region_list,
            english,
            props.names_failed,
        );
        html! {}
    } else if facts.len() > 1 {
        let answered = crate::multi_check::answered(&facts, props.answers);
        multi_check(facts.clone(), answered, props.ticking, english, dispatcher)
    } else {
        let fact = facts[0];
        let current = props.answers.get(fact);
        match fact.kind() {
            FactKind::Bool | FactKind::Choice(_) => {
                choices(&mut buttons, picks, fact, current, english);
                html! {}
            }
            _ => value_input(fact, current, english, props.input_error),
        }
    };

    let mut nav = Raw::default();
    nav.open("div", "class=\"row nav\"").gt();
    if props.can_go_back {
        nav.el(
            "button",
            "class=\"secondary\" data-testid=\"back\" data-do=\"back\"",
            tr(english, "← 上一步", "← Back"),
        );
    }
    nav.el(
        "button",
        "class=\"secondary\" data-testid=\"skip\" data-do=\"skip\"",
        tr(english, "不知道，跳过", "I don't know"),
    );
    nav.el(
        "button",
        "class=\"secondary\" data-testid=\"see-results\" data-do=\"results\"",
        tr(english, "看结果", "See results"),
    );
    nav.close("div");

    html! {
        <section key={q as usize} class="question" aria-labelledby="q-title" data-testid="question" data-question={format!("{q:?}")} data-step={props.step.to_string()}>
            { top.html() }
            { buttons.html() }
            { input }
            { nav.html() }
        </section>
    }
}
