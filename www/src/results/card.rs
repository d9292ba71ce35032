//! One card per thing a worker can get: the lead measure's title, amount, status and
//! why; how to apply; and every document that grants it, each with its status.

use wugong::evaluate::Outcome;
use wugong::{Question, QuestionSet, Verdict};
use yew::prelude::*;

use super::read_aloud::ReadAloud;
use super::Shared;
use crate::text::{prompt, tr};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub eval: Shared,
    /// Indexes into the evaluation; the first leads.
    pub members: Vec<usize>,
    pub english: bool,
    pub on_ask: Callback<Question>,
}

/// "会人社发〔2020〕38号 三（一），会泽县人社局，印发日期 2020-05-01".
fn source_line(o: &Outcome, english: bool) -> String {
    let d = o.document;
    let issued = if english {
        format!("issued {}", d.issued)
    } else {
        format!("印发日期：{}", d.issued)
    };
    format!("{} {}，{}，{issued}", d.number, o.measure.clause, d.issuer)
}

#[component]
pub fn Card(props: &Props) -> Html {
    let english = props.english;
    let outcomes: Vec<&Outcome> = props
        .members
        .iter()
        .map(|i| &props.eval.0.outcomes[*i])
        .collect();
    let o = outcomes[0];
    let m = o.measure;
    let amount = o.amount_text(english);
    let (why, failed, missing): (Vec<String>, Vec<String>, QuestionSet) = match &o.verdict {
        Verdict::NotEligible { failed } => (
            vec![],
            failed.iter().map(|r| r.describe(english)).collect(),
            QuestionSet::new(),
        ),
        Verdict::Undetermined { missing } => (
            o.met.iter().map(|r| r.answered(english)).collect(),
            vec![],
            missing.iter().map(|f| f.question()).collect(),
        ),
        Verdict::Eligible => (
            o.met.iter().map(|r| r.answered(english)).collect(),
            vec![],
            QuestionSet::new(),
        ),
    };
    // In English, once its file is in; until then (or if it fails) the Chinese text.
    let en = if english {
        crate::english_text(&m.id)
    } else {
        None
    };
    let summary = en
        .and_then(|t| t.summary.clone())
        .unwrap_or_else(|| m.summary.clone());
    let spoken = format!(
        "{}。{}。{}",
        m.title,
        summary,
        amount.clone().unwrap_or_default()
    );
    let ids: Vec<&str> = outcomes.iter().map(|o| o.id).collect();
    html! {
        <article class={classes!("card", o.verdict.name(), o.status.name())} data-testid="card" data-measure={o.id.to_string()} data-measures={ids.join(" ")} data-verdict={o.verdict.name()}>
            <h3>{ &m.title }</h3>
            if let Some(t) = en { <p class="gloss">{ &t.title }</p> }
            if let Some(a) = amount { <p class="amount" data-testid="amount">{ a }</p> }
            <p class={classes!("status", o.status.name())} data-testid="status">{ o.status.describe(english) }</p>
            <p class="summary">{ summary }</p>
            if !why.is_empty() {
                <div class="why"><h4>{ tr(english, "你的情况", "Your answers") }</h4>
                    <ul>{ for why.iter().map(|w| html! { <li>{ w }</li> }) }</ul></div>
            }
            if !failed.is_empty() {
                <div class="why-not"><h4>{ tr(english, "为什么不符合", "Why not") }</h4>
                    <ul>{ for failed.iter().map(|w| html! { <li>{ w }</li> }) }</ul></div>
            }
            if !missing.is_empty() {
                <div class="missing"><h4>{ tr(english, "还要确认", "Still to check") }</h4>
                    <ul>{ for missing.iter().map(|q| {
                        let on_ask = props.on_ask.clone();
                        html! { <li><button class="link" onclick={move |_| on_ask.emit(q)}>{ prompt(q, english).0 }</button></li> }
                    }) }</ul></div>
            }
            if !m.phones.is_empty() {
                <div class="phones">{ for m.phones.iter().map(|p| html! {
                    <p>
                        <a class="call" href={format!("tel:{}", p.dial)} data-testid="call">{ format!("☎ {}", p.number) }</a>
                        if let Some(n) = &p.note { <span class="phone-note">{ n }</span> }
                    </p>
                }) }</div>
            }
            <ul class="card-deadlines">{ for o.deadlines.iter().filter_map(|d| d.tell(english)).map(|t| html! { <li>{ t.line }</li> }) }</ul>
            <details class="how">
                <summary>{ tr(english, "怎么申请、要带什么、依据", "How to apply, what to bring, source") }</summary>
                if english {
                    <p class="zh-only" data-testid="in-chinese">{ "Where to go, how to apply and what to bring are in Chinese below: show them at the office, or call 12333." }</p>
                }
                <p><strong>{ tr(english, "去哪里：", "Where: ") }</strong>{ &m.apply_where }</p>
                <p><strong>{ tr(english, "怎么办：", "How: ") }</strong>{ &m.apply_how }</p>
                if !m.materials.is_empty() {
                    <p><strong>{ tr(english, "要带：", "Bring: ") }</strong>{ m.materials.join("、") }</p>
                }
                <div class="source" data-testid="source">
                    <strong>{ tr(english, "依据：", "Source: ") }</strong>
                    { for outcomes.iter().map(|s| html! {
                        <p>
                            { source_line(s, english) }<br/>{ format!("《{}》", s.document.title) }
                            if s.id != o.id { <br/>{ s.status.describe(english) } }
                            if let Some(v) = &s.document.validity_note { <br/><small>{ v }</small> }
                        </p>
                    }) }
                </div>
            </details>
            <ReadAloud text={spoken} english={english} />
        </article>
    }
}
