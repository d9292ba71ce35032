//! One question per screen, with big buttons, "I don't know", back and a progress hint.

use wugong::answers::{impossible_on, parse_value};
use wugong::fact::FactKind;
use wugong::region::{self, Region};
use wugong::{Fact, Question, RawValue, Value, Verdict};
use yew::prelude::*;

use crate::catalogue;
use crate::controls::Speak;
use crate::state::{Action, State};
use crate::text::{prompt, tr};

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub state: UseReducerHandle<State>,
    pub question: Question,
}

#[component]
pub fn QuestionView(props: &QuestionProps) -> Html {
    let state = &props.state;
    let english = state.english;
    let q = props.question;
    let (title, hint) = prompt(q, english);
    let facts = q.facts();

    let input = if q == Question::Home {
        html! { <RegionPicker state={state.clone()} /> }
    } else if facts.len() > 1 {
        html! { <MultiCheck state={state.clone()} facts={facts.clone()} /> }
    } else {
        let fact = facts[0];
        match fact.kind() {
            FactKind::Bool => yes_no(state, fact),
            FactKind::Choice(options) => choices(state, fact, options),
            _ => html! { <ValueInput state={state.clone()} fact={fact} /> },
        }
    };

    let skip = {
        let state = state.clone();
        let facts = facts.clone();
        Callback::from(move |_| state.dispatch(Action::Skip(facts.clone())))
    };
    let back = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Back))
    };
    let results = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::ShowResults))
    };

    html! {
        <section class="question" aria-labelledby="q-title" data-testid="question" data-question={format!("{q:?}")} data-step={state.steps.to_string()}>
            <Progress state={state.clone()} />
            <h1 id="q-title">{ title }</h1>
            if !hint.is_empty() { <p class="hint">{ hint }</p> }
            <Speak text={format!("{title} {hint}")} english={english} />
            { input }
            <div class="row nav">
                if !state.history.is_empty() {
                    <button class="secondary" onclick={back} data-testid="back">{ tr(english, "← 上一步", "← Back") }</button>
                }
                <button class="secondary" onclick={skip} data-testid="skip">{ tr(english, "不知道，跳过", "I don't know") }</button>
                <button class="secondary" onclick={results} data-testid="see-results">{ tr(english, "看结果", "See results") }</button>
            </div>
        </section>
    }
}

/// "Question 3 · 12 of 40 results settled": how far along the worker is.
#[component]
fn Progress(props: &StateOnly) -> Html {
    let s = &props.state;
    // Before the rules arrive (on the first question) there is nothing to count yet.
    let Some(catalogue) = catalogue() else {
        return html! {};
    };
    let eval = catalogue.evaluate(&s.answers, s.as_of());
    let current: Vec<_> = eval
        .outcomes
        .iter()
        .filter(|o| o.status.is_current() && o.measure.audience == wugong::policy::Audience::Worker)
        .collect();
    let open = current
        .iter()
        .filter(|o| matches!(o.verdict, Verdict::Undetermined { .. }))
        .count();
    let settled = current.len() - open;
    let asked: wugong::QuestionSet = s.answers.iter().map(|(f, _)| f.question()).collect();
    let n = asked.len() + 1;
    html! {
        <div class="progress" data-testid="progress">
            <span>{ if s.english { format!("Question {n}") } else { format!("第 {n} 题") } }</span>
            <progress max={current.len().to_string()} value={settled.to_string()} aria-label={tr(s.english, "已确定的项目", "results settled")}></progress>
            <span>{ if s.english { format!("{settled} of {} settled", current.len()) } else { format!("已确定 {settled}/{} 项", current.len()) } }</span>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct StateOnly {
    pub state: UseReducerHandle<State>,
}

fn yes_no(state: &UseReducerHandle<State>, fact: Fact) -> Html {
    let english = state.english;
    let current = state.answers.get(fact);
    let pick = |v: bool| {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Answer(vec![(fact, Some(Value::Bool(v)))])))
    };
    html! {
        <div class="choices">
            <button class={classes!("choice", (current == Some(Value::Bool(true))).then_some("chosen"))} onclick={pick(true)} data-testid="yes">{ tr(english, "是", "Yes") }</button>
            <button class={classes!("choice", (current == Some(Value::Bool(false))).then_some("chosen"))} onclick={pick(false)} data-testid="no">{ tr(english, "不是", "No") }</button>
        </div>
    }
}

fn choices(
    state: &UseReducerHandle<State>,
    fact: Fact,
    options: &'static [(&'static str, &'static str, &'static str)],
) -> Html {
    let english = state.english;
    let current = state.answers.get(fact);
    html! {
        <div class="choices">
            { for options.iter().map(|(code, zh, en)| {
                let state = state.clone();
                let code: &'static str = code;
                let onclick = Callback::from(move |_| state.dispatch(Action::Answer(vec![(fact, Some(Value::Choice(code)))])));
                let chosen = current == Some(Value::Choice(code));
                html! { <button class={classes!("choice", chosen.then_some("chosen"))} {onclick} data-testid={format!("choice-{code}")}>{ if english { *en } else { *zh } }</button> }
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct FactProps {
    state: UseReducerHandle<State>,
    fact: Fact,
}

/// A number, an amount of money or a date, typed in and checked by the engine's parser.
#[component]
fn ValueInput(props: &FactProps) -> Html {
    let english = props.state.english;
    let fact = props.fact;
    let error = use_state(|| None::<String>);
    let input_ref = use_node_ref();
    let current = props.state.answers.get(fact).map(|v| match v {
        Value::Money(m) => m.to_string(),
        Value::Date(d) => d.to_string(),
        Value::Count(n) => n.to_string(),
        _ => String::new(),
    });
    let (kind, mode, placeholder) = match fact.kind() {
        FactKind::Date => ("date", "numeric", "2026-03-01"),
        FactKind::Money => ("text", "decimal", "0.00"),
        _ => ("number", "numeric", "0"),
    };
    let onsubmit = {
        let state = props.state.clone();
        let error = error.clone();
        let input_ref = input_ref.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = crate::browser::input_value(&input_ref);
            let text = text.trim().to_string();
            let raw = match fact.kind() {
                FactKind::Count(_) => match text.parse::<i64>() {
                    Ok(n) => RawValue::Int(n),
                    Err(_) => {
                        error.set(Some(
                            tr(english, "请填一个整数。", "Please enter a whole number.").into(),
                        ));
                        return;
                    }
                },
                _ => RawValue::Text(text),
            };
            match parse_value(fact, &raw) {
                // A value that cannot be true on the date (an injury after it, more
                // months this year than have begun, a 28-digit wage): the engine's
                // message, and the screen stays.
                Ok(v) => match impossible_on(fact, &v, state.as_of()) {
                    Some(r) => error.set(Some(r.text(english).to_string())),
                    None => {
                        error.set(None);
                        state.dispatch(Action::Answer(vec![(fact, Some(v))]));
                    }
                },
                Err(msg) => error.set(Some(if english {
                    msg
                } else {
                    format!("填写有误：{msg}")
                })),
            }
        })
    };
    let id = format!("input-{}", fact.name());
    html! {
        <form class="value-form" {onsubmit}>
            <label for={id.clone()} class="visually-hidden">{ if english { fact.label_en() } else { fact.label_zh() } }</label>
            <input id={id} ref={input_ref} type={kind} inputmode={mode} placeholder={placeholder}
                value={current.unwrap_or_default()} data-testid="value-input" min="0" />
            if let Some(msg) = &*error { <p class="error" role="alert" data-testid="input-error">{ msg.clone() }</p> }
            <button type="submit" class="primary" data-testid="ok">{ tr(english, "确定", "OK") }</button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct MultiProps {
    state: UseReducerHandle<State>,
    facts: Vec<Fact>,
}

/// Several yes/no facts on one screen: ticked means yes, unticked means no.
#[component]
fn MultiCheck(props: &MultiProps) -> Html {
    let english = props.state.english;
    let ticked = {
        let answers = props.state.answers.clone();
        let facts = props.facts.clone();
        use_state(move || {
            facts
                .into_iter()
                .filter(|f| answers.get(*f) == Some(Value::Bool(true)))
                .collect::<Vec<Fact>>()
        })
    };
    let submit = |all_no: bool| {
        let state = props.state.clone();
        let facts = props.facts.clone();
        let ticked = ticked.clone();
        Callback::from(move |_| {
            let pairs = facts
                .iter()
                .map(|f| (*f, Some(Value::Bool(!all_no && ticked.contains(f)))))
                .collect();
            state.dispatch(Action::Answer(pairs));
        })
    };
    html! {
        <div class="multi">
            <ul class="checks">
                { for props.facts.iter().map(|f| {
                    let f = *f;
                    let checked = ticked.contains(&f);
                    let toggle = {
                        let ticked = ticked.clone();
                        Callback::from(move |_| {
                            let mut v = (*ticked).clone();
                            if let Some(i) = v.iter().position(|x| *x == f) { v.remove(i); } else { v.push(f); }
                            ticked.set(v);
                        })
                    };
                    let id = format!("check-{}", f.name());
                    html! {
                        <li>
                            <input type="checkbox" id={id.clone()} {checked} onchange={toggle} data-testid={id.clone()} />
                            <label for={id}>{ if english { f.label_en() } else { f.label_zh() } }</label>
                        </li>
                    }
                }) }
            </ul>
            <div class="row">
                <button class="primary" onclick={submit(false)} data-testid="ok">{ tr(english, "确定", "OK") }</button>
                <button class="secondary" onclick={submit(true)} data-testid="none">{ tr(english, "都不是 / 都没有", "None of these") }</button>
            </div>
        </div>
    }
}

/// Province, then city, then county. Each tap records the answer so far; the engine
/// asks again only if a finer level matters.
#[component]
fn RegionPicker(props: &StateOnly) -> Html {
    let state = &props.state;
    let english = state.english;
    let current = match state.answers.get(Fact::HomeRegion) {
        Some(Value::Region(code)) => Some(code),
        _ => None,
    };
    // Show the children of the current answer when it has any, else the provinces.
    let parent = current.filter(|c| region::children(Some(c)).next().is_some());
    let mut options: Vec<&Region> = region::children(parent).collect();
    if parent.is_none() {
        // The provinces whose documents are covered come first.
        wugong::order::sort_by_key(&mut options, |r| !matches!(r.code, "53" | "14"));
    }
    let pick = |code: &'static str| {
        let state = state.clone();
        Callback::from(move |_| {
            state.dispatch(Action::Answer(vec![(
                Fact::HomeRegion,
                Some(Value::Region(code)),
            )]))
        })
    };
    let restart = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Answer(vec![(Fact::HomeRegion, None)])))
    };
    html! {
        <div class="regions">
            if let Some(p) = parent {
                <p class="chosen-region">
                    { region::full_name(p, english) }
                    <button class="link" onclick={restart} data-testid="region-restart">{ tr(english, "重新选", "Start over") }</button>
                </p>
            }
            <div class="choices grid">
                { for options.into_iter().map(|r| html! {
                    <button class="choice" onclick={pick(r.code)} data-testid={format!("region-{}", r.code)}>
                        { if english { r.name_en } else { r.name } }
                    </button>
                }) }
            </div>
        </div>
    }
}
