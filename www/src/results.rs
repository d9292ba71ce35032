//! The results, grouped the way a clerk would explain them, and a one-page summary.

use wugong::deadline::{Deadline, Due};
use wugong::evaluate::{Group, Outcome, Status};
use wugong::{Coverage, QuestionSet, Verdict};
use yew::prelude::*;

use crate::catalogue_context::use_catalogue;
use crate::speak::Speak;
use crate::state::{Action, State, StateOnly};
use crate::text::{prompt, tr};

/// The engine's heading for a group (the CLI prints the same).
fn group_title(g: Group, english: bool) -> &'static str {
    g.title(english)
}

#[component]
pub fn Results(props: &StateOnly) -> Html {
    let state = &props.state;
    let english = state.english;
    let as_of = state.as_of();
    // The app shows these views only once the rules are in.
    let Some(catalogue) = use_catalogue() else {
        return html! {};
    };
    let eval = catalogue.evaluate(&state.answers, as_of);
    let next = catalogue.next_question(&state.answers, as_of, &state.skipped);

    let continue_btn = next.map(|f| {
        let state = state.clone();
        let q = f.question();
        let onclick = Callback::from(move |_| state.dispatch(Action::Ask(q)));
        html! { <button class="primary" {onclick} data-testid="continue">{ tr(english, "继续回答，结果更准 →", "Keep answering for a clearer result →") }</button> }
    });

    let timeline: Vec<Deadline> = Deadline::all(&state.answers, as_of)
        .into_iter()
        .filter(|d| !matches!(d.due, Due::NeedsDates { .. }))
        .collect();

    html! {
        <section class="results" data-testid="results">
            <h1>{ tr(english, "查询结果", "Your results") }</h1>
            <p class="as-of" data-testid="as-of">
                { if english { format!("Rules as of {as_of}") } else { format!("按 {as_of} 的规定计算") } }
            </p>
            if eval.coverage == Coverage::NotCovered {
                <p class="warning" data-testid="not-covered">
                    { if english {
                        format!("Only local subsidies of {} are included. Yours are not — call ", wugong::region::covered_names(true))
                    } else {
                        format!("这里只收录了{}的地方补贴。你户口所在地的补贴没有收录——当地补贴请问 ", wugong::region::covered_names(false))
                    } }
                    <a href="tel:12333" class="call">{ "12333" }</a>
                    { tr(english, " 或县人社局。下面是全国都适用的权益和求助渠道。", " or ask the county HR office. Below are the protections and channels that apply everywhere.") }
                </p>
            }
            { for continue_btn }
            if !timeline.is_empty() { <Timeline deadlines={timeline} english={english} /> }
            { for Group::ALL.iter().map(|g| group_section(state, &eval.outcomes, *g)) }
            <MyAnswers state={state.clone()} />
        </section>
    }
}

fn group_section(
    state: &UseReducerHandle<State>,
    outcomes: &[Outcome<'static>],
    group: Group,
) -> Html {
    let english = state.english;
    // Grouped and ordered by the engine, as the CLI prints them.
    let items = wugong::evaluate::in_group(outcomes, group);
    if items.is_empty() {
        return html! {};
    }
    let cards = html! { <>{ for items.iter().map(|o| card(state, o)) }</> };
    // Spelled out: `to_lowercase` would ship Unicode case tables (5 KB) in the wasm.
    let slug = match group {
        Group::Warning => "warning",
        Group::ApplyNow => "applynow",
        Group::MayQualify => "mayqualify",
        Group::Protections => "protections",
        Group::Contacts => "contacts",
        Group::Employer => "employer",
        Group::Ended => "ended",
        Group::NotForYou => "notforyou",
    };
    let title = group_title(group, english);
    if matches!(group, Group::NotForYou | Group::Employer) {
        html! {
            <details class={classes!("group", slug)} data-testid={format!("group-{slug}")}>
                <summary><h2>{ title }{ format!(" ({})", items.len()) }</h2></summary>
                { cards }
            </details>
        }
    } else {
        html! {
            <section class={classes!("group", slug)} data-testid={format!("group-{slug}")}>
                <h2>{ title }</h2>
                // The group holds ended programmes and ones not yet in force on the date:
                // the hint speaks of those it shows (not yet in force is not ended).
                if group == Group::Ended && items.iter().any(|o| matches!(o.status, Status::Ended { .. })) {
                    <p class="hint">{ tr(english,
                        "已结束的项目，文件期限已过。是否还在继续，请问 12333 或县人社局。",
                        "Ended programmes: their stated periods are over. Ask 12333 or the county HR office whether they continue.") }</p>
                }
                if group == Group::Ended && items.iter().any(|o| matches!(o.status, Status::NotYetInForce { .. })) {
                    <p class="hint">{ tr(english,
                        "写着“起才施行”的项目，在你选的日期还没开始，不是已结束。",
                        "Programmes marked \"not in force until\" had not started on the date you chose; they have not ended.") }</p>
                }
                { cards }
            </section>
        }
    }
}

/// The engine's one amount text: rate × count = total ("每天15元 × 8天 = 120元").
fn amount_line(o: &Outcome, english: bool) -> Option<String> {
    o.amount_text(english)
}

fn card(state: &UseReducerHandle<State>, o: &Outcome<'static>) -> Html {
    let english = state.english;
    let m = o.measure;
    let d = o.document;
    let amount = amount_line(o, english);
    let why: Vec<String> = o.met.iter().map(|r| r.describe(english)).collect();
    let (failed, missing) = match &o.verdict {
        Verdict::NotEligible { failed } => (
            failed
                .iter()
                .map(|r| r.describe(english))
                .collect::<Vec<_>>(),
            vec![],
        ),
        Verdict::Undetermined { missing } => (vec![], missing.clone()),
        Verdict::Eligible => (vec![], vec![]),
    };
    let missing_questions: QuestionSet = missing.iter().map(|f| f.question()).collect();
    // In English, once its file is in; until then (or if it fails) the Chinese text.
    let english_en = if english {
        crate::english_text(&m.id)
    } else {
        None
    };
    let source = format!(
        "{} {}，{}，{}",
        d.number,
        m.clause,
        d.issuer,
        d.issued_text(english)
    );
    let spoken = format!(
        "{}。{}。{}{}",
        m.title,
        m.summary,
        amount.clone().unwrap_or_default(),
        if o.status.is_current() {
            String::new()
        } else {
            format!("。{}", o.status.describe(english))
        }
    );
    html! {
        <article class={classes!("card", o.verdict.name(), o.status.name())} data-testid="card" data-measure={m.id.clone()} data-verdict={o.verdict.name()}>
            <h3>{ &m.title }</h3>
            if let Some(t) = english_en { <p class="gloss">{ &t.title }</p> }
            if let Some(a) = amount { <p class="amount" data-testid="amount">{ a }</p> }
            <p class={classes!("status", o.status.name())} data-testid="status">{ o.status.describe(english) }</p>
            <p class="summary">{ english_en.and_then(|t| t.summary.clone()).unwrap_or_else(|| m.summary.clone()) }</p>
            if !why.is_empty() && !matches!(o.verdict, Verdict::NotEligible { .. }) {
                <div class="why"><h4>{ tr(english, "为什么适用你", "Why it applies") }</h4>
                    <ul>{ for why.iter().map(|w| html! { <li>{ w.clone() }</li> }) }</ul></div>
            }
            if !failed.is_empty() {
                <div class="why-not"><h4>{ tr(english, "为什么不符合", "Why not") }</h4>
                    <ul>{ for failed.iter().map(|w| html! { <li>{ w.clone() }</li> }) }</ul></div>
            }
            if !missing_questions.is_empty() {
                <div class="missing"><h4>{ tr(english, "还要确认", "Still to check") }</h4>
                    <ul>{ for missing_questions.iter().map(|q| {
                        let state = state.clone();
                        let onclick = Callback::from(move |_| state.dispatch(Action::Ask(q)));
                        html! { <li><button class="link" {onclick}>{ prompt(q, english).0 }</button></li> }
                    }) }</ul></div>
            }
            { for o.depends_on_employer.iter().map(|e| html! {
                <p class="depends" data-testid="depends-on-employer">{ tr(english, "要看单位：", "Depends on the employer: ") }{ if english { &e.en } else { &e.zh } }</p>
            }) }
            if !m.phones.is_empty() {
                <div class="phones">{ for m.phones.iter().map(|p| html! {
                    <p>
                        <a class="call" href={format!("tel:{}", p.dial)} data-testid="call">{ format!("☎ {}", p.number) }</a>
                        if let Some(n) = &p.note { <span class="phone-note">{ n.clone() }</span> }
                    </p>
                }) }</div>
            }
            if !o.deadlines.is_empty() {
                <ul class="card-deadlines">{ for o.deadlines.iter().map(|dl| html! {
                    <li>{ format!("{}：{}", dl.kind.title(english), dl.due.describe(english)) }</li>
                }) }</ul>
            }
            <details class="how">
                <summary>{ tr(english, "怎么申请、要带什么、依据", "How to apply, what to bring, source") }</summary>
                <p><strong>{ tr(english, "去哪里：", "Where: ") }</strong>{ &m.apply_where }</p>
                <p><strong>{ tr(english, "怎么办：", "How: ") }</strong>{ &m.apply_how }</p>
                if !m.materials.is_empty() {
                    <p><strong>{ tr(english, "要带：", "Bring: ") }</strong>{ m.materials.join("、") }</p>
                }
                if let Some(n) = &m.note { <p class="note"><strong>{ tr(english, "说明：", "Note: ") }</strong>{ n.clone() }</p> }
                <p class="source" data-testid="source"><strong>{ tr(english, "依据：", "Source: ") }</strong>{ source }<br/>{ format!("《{}》", d.title) }</p>
            </details>
            <Speak text={spoken} english={english} />
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct TimelineProps {
    deadlines: Vec<Deadline>,
    english: bool,
}

/// The worker's own deadlines, earliest first.
#[component]
fn Timeline(props: &TimelineProps) -> Html {
    let english = props.english;
    html! {
        <section class="timeline" data-testid="timeline">
            <h2>{ tr(english, "你的期限", "Your deadlines") }</h2>
            <ol>
                { for props.deadlines.iter().map(|d| {
                    let passed = matches!(d.due, Due::On { days_left, .. } if days_left < 0);
                    html! {
                        <li class={classes!(passed.then_some("passed"))} data-testid={format!("deadline-{}", wugong::tags::Named::name(d.kind))}>
                            <strong class="when">{ d.due.describe(english) }</strong>
                            <span class="what">{ d.kind.title(english) }</span>
                            <span class="rule">{ d.kind.rule(english) }</span>
                            <span class="cite">{ d.kind.cite() }</span>
                        </li>
                    }
                }) }
            </ol>
            <p class="hint">{ tr(english,
                "劳动仲裁不收费，写字有困难可以口头申请（劳动争议调解仲裁法第五十三条、第二十八条）。",
                "Labour arbitration is free, and you may apply orally if writing is hard (Arbitration Law arts. 53, 28).") }</p>
        </section>
    }
}

/// Every answered question, with a button to change it.
#[component]
fn MyAnswers(props: &StateOnly) -> Html {
    let state = &props.state;
    let english = state.english;
    let questions: QuestionSet = state.answers.iter().map(|(f, _)| f.question()).collect();
    if questions.is_empty() {
        return html! {};
    }
    html! {
        <section class="my-answers" data-testid="my-answers">
            <h2>{ tr(english, "我的回答（可以改）", "My answers (tap to change)") }</h2>
            <ul>
                { for questions.iter().map(|q| {
                    let values: Vec<String> = q.facts().into_iter().filter_map(|f| {
                        let v = state.answers.get(f)?;
                        Some(if q.facts().len() > 1 {
                            if v == wugong::Value::Bool(true) { (if english { f.label_en() } else { f.label_zh() }).to_string() } else { return None }
                        } else { v.describe(f, english) })
                    }).collect();
                    let shown = if values.is_empty() { tr(english, "都不是", "none").to_string() } else { values.join("、") };
                    let state = state.clone();
                    let onclick = Callback::from(move |_| state.dispatch(Action::Ask(q)));
                    html! { <li><span class="q">{ prompt(q, english).0 }</span> <span class="a">{ shown }</span>
                        <button class="link" {onclick} data-testid={format!("change-{q:?}")}>{ tr(english, "改", "Change") }</button></li> }
                }) }
            </ul>
        </section>
    }
}

/// One page to print or save: what to apply for, deadlines and whom to call.
#[component]
pub fn PrintView(props: &StateOnly) -> Html {
    let state = &props.state;
    let copied = use_state(|| false);
    let english = state.english;
    let as_of = state.as_of();
    let Some(catalogue) = use_catalogue() else {
        return html! {};
    };
    let eval = catalogue.evaluate(&state.answers, as_of);
    let back = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Back))
    };
    let print = Callback::from(|_| crate::browser::print());
    let entry = |o: &Outcome| {
        let amount = amount_line(o, english)
            .map(|a| format!(" — {a}"))
            .unwrap_or_default();
        format!(
            "{}{amount}（{} {}）",
            o.measure.title, o.document.number, o.measure.clause
        )
    };
    let timeline: Vec<Deadline> = Deadline::all(&state.answers, as_of)
        .into_iter()
        .filter(|d| matches!(d.due, Due::On { .. } | Due::NotWhileEmployed))
        .collect();
    let groups = [
        Group::Warning,
        Group::ApplyNow,
        Group::MayQualify,
        Group::Protections,
        Group::Contacts,
    ];
    let heading = tr(english, "务工自查结果", "Self-check summary");
    let dated = if english {
        format!("Rules as of {as_of}")
    } else {
        format!("按 {as_of} 的规定")
    };
    let hotlines = tr(
        english,
        "有问题打 12333（人社）、12348（法律服务）、010-12351（工会）。",
        "Questions: call 12333 (HR), 12348 (legal services), 010-12351 (trade union).",
    );
    // The same summary as text, to paste into a chat or a note: WeChat can clear
    // localStorage, and iOS in-app browsers keep nothing offline.
    let text = {
        let mut t = format!("{heading}\n{dated}\n");
        for g in groups {
            let lines: Vec<String> = eval
                .outcomes
                .iter()
                .filter(|o| o.group() == g)
                .map(entry)
                .collect();
            if !lines.is_empty() {
                t += &format!("\n{}\n", group_title(g, english));
                for l in lines {
                    t += &format!("- {l}\n");
                }
            }
        }
        if !timeline.is_empty() {
            t += &format!("\n{}\n", tr(english, "期限", "Deadlines"));
            for d in &timeline {
                t += &format!("- {}：{}\n", d.kind.title(english), d.due.describe(english));
            }
        }
        t + "\n" + hotlines
    };
    let copy = {
        let text = text.clone();
        let copied = copied.clone();
        Callback::from(move |_| {
            crate::browser::copy(&text);
            copied.set(true);
        })
    };
    html! {
        <section class="print-view" data-testid="print-view">
            <div class="row no-print">
                <button class="secondary" onclick={back}>{ tr(english, "← 返回", "← Back") }</button>
                <button class="primary" onclick={print}>{ tr(english, "打印 / 存为PDF", "Print / save as PDF") }</button>
                <button class="secondary" onclick={copy} data-testid="copy-summary">{ tr(english, "复制文字", "Copy as text") }</button>
            </div>
            if *copied {
                <div class="share-box no-print">
                    <label for="summary-text">{ tr(english, "已复制。如果没有复制成功，长按下面的文字复制：", "Copied. If not, press and hold the text below to copy it:") }</label>
                    <textarea id="summary-text" readonly=true rows="8" value={text} data-testid="summary-text" />
                </div>
            }
            <h1>{ heading }</h1>
            <p>{ dated }</p>
            for g in groups {
                <h2>{ group_title(g, english) }</h2>
                <ul>{ for eval.outcomes.iter().filter(|o| o.group() == g).map(|o| html! { <li>{ entry(o) }</li> }) }</ul>
            }
            if !timeline.is_empty() {
                <h2>{ tr(english, "期限", "Deadlines") }</h2>
                <ul>{ for timeline.iter().map(|d| html! { <li>{ format!("{}：{}", d.kind.title(english), d.due.describe(english)) }</li> }) }</ul>
            }
            <p>{ hotlines }</p>
        </section>
    }
}
