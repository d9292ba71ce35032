//! One card per thing a worker can get: the lead measure's title, amount, status and
//! the answers behind it; how to apply; and every document that grants it, each with
//! its status and validity note. Written as escaped HTML ([`Raw`]); its buttons
//! (questions still to answer, read aloud) are answered by the result page's one click
//! handler (`data-ask`, `data-speak`).

use wugong::evaluate::Outcome;
use wugong::words::Word;
use wugong::{Evaluation, QuestionSet, Verdict};

use super::read_aloud::read_aloud;
use crate::raw::Raw;
use crate::text::prompt;

/// What this view shows.
pub struct Props<'a> {
    pub eval: &'a Evaluation<'a>,
    /// Indexes into the evaluation; the first leads.
    pub members: &'a [usize],
    pub english: bool,
}

fn list(r: &mut Raw, class: &str, title: &str, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    r.open("div", "")
        .attr("class", class)
        .gt()
        .el("h4", "", title)
        .open("ul", "")
        .gt();
    for l in lines {
        r.el("li", "", l);
    }
    r.close("ul").close("div");
}

/// "会人社发〔2020〕38号 三（一），会泽县人社局，印发日期：2020-05-01".
fn source(r: &mut Raw, o: &Outcome, lead: bool, english: bool, hotline: &str) {
    let d = o.document;
    r.open("p", "").gt();
    r.text(&wugong::report::source_line(d, &o.measure.clause, english));
    r.open("br", "").gt().text(&format!("《{}》", d.title));
    if !lead {
        r.open("br", "")
            .gt()
            .text(&o.status.describe(english, hotline));
    }
    if let Some(v) = &d.validity_note {
        r.open("br", "").gt().el("small", "", v);
    }
    r.close("p");
}

pub fn card(r: &mut Raw, props: Props<'_>) {
    let english = props.english;
    let outcomes: Vec<&Outcome> = props
        .members
        .iter()
        .map(|i| &props.eval.outcomes[*i])
        .collect();
    let o = outcomes[0];
    let m = o.measure;
    let ids: Vec<&str> = outcomes.iter().map(|o| o.id).collect();
    r.open("article", "data-testid=\"card\"")
        .attr(
            "class",
            &format!("card {} {}", o.verdict.name(), o.status.name()),
        )
        .attr("data-measure", o.id)
        .attr("data-measures", &ids.join(" "))
        .attr("data-verdict", o.verdict.name())
        .gt();
    // In English, once its file is in; until then (or if it fails) the Chinese text.
    let en = if english {
        crate::english_text(&m.id)
    } else {
        None
    };
    r.el("h3", "", &m.title);
    if let Some(t) = en {
        r.el("p", "class=\"gloss\"", &t.title);
    }
    let lead_amount = o.amount_text(english);
    if let Some(a) = &lead_amount {
        r.el("p", "class=\"amount\" data-testid=\"amount\"", a);
    }
    // Another document on this card that states a different figure says so here, by
    // name: the worker sees every amount, not only the lead source's.
    for other in &outcomes[1..] {
        if let Some(a) = other
            .amount_text(english)
            .filter(|a| Some(a) != lead_amount.as_ref())
        {
            r.el(
                "p",
                "class=\"amount other\" data-testid=\"amount-other\"",
                &format!("{}：{a}", other.document.number),
            );
        }
    }
    r.open("p", "data-testid=\"status\"")
        .attr("class", &format!("status {}", o.status.name()))
        .gt()
        .text(&props.eval.status_text(o, english))
        .close("p");
    if let Some(almost) = &o.almost {
        r.el(
            "p",
            "class=\"almost\" data-testid=\"almost\"",
            &almost.describe(english),
        );
    }
    let summary = en.and_then(|t| t.summary.as_deref()).unwrap_or(&m.summary);
    r.el("p", "class=\"summary\"", summary);
    match &o.verdict {
        Verdict::NotEligible { failed } => {
            let lines: Vec<String> = failed.iter().map(|x| x.describe(english)).collect();
            list(r, "why-not", Word::WhyNot.get(english), &lines);
        }
        _ => {
            let lines: Vec<String> = o.met.iter().map(|x| x.answered(english)).collect();
            list(r, "why", Word::YourAnswers.get(english), &lines);
        }
    }
    // What only the employer can say ("要看单位：…"): never asked, always said.
    for e in &o.depends_on_employer {
        r.open("p", "class=\"depends\" data-testid=\"depends-on-employer\"")
            .gt();
        r.text(&e.describe(english)).close("p");
    }
    // Questions that would settle it: buttons the page's click handler answers.
    if let Verdict::Undetermined { missing } = &o.verdict {
        let questions: QuestionSet = missing.iter().map(|f| f.question()).collect();
        r.open("div", "class=\"missing\"")
            .gt()
            .el("h4", "", Word::StillToCheck.get(english));
        r.open("ul", "").gt();
        for q in questions.iter() {
            r.open("li", "").gt().open("button", "class=\"link\"");
            r.attr("data-ask", &(q as usize).to_string())
                .gt()
                .text(prompt(q, english).0);
            r.close("button").close("li");
        }
        r.close("ul").close("div");
    }
    // As this worker dials them: 0874-12333 where the region is known (the core decides).
    if !o.phones.is_empty() {
        r.open("div", "class=\"phones\"").gt();
        for p in &o.phones {
            r.open("p", "").gt().call(&p.dial, &p.number);
            if let Some(n) = &p.note {
                r.el("span", "class=\"phone-note\"", n);
            }
            r.close("p");
        }
        r.close("div");
    }
    let told: Vec<String> = o
        .deadlines
        .iter()
        .filter_map(|d| d.tell(english))
        .map(|t| t.line)
        .collect();
    list(r, "card-deadlines", Word::Deadlines.get(english), &told);
    if let Some(terms) = m.terms_line(english) {
        r.el("p", "class=\"terms\"", &terms);
    }
    if let Some(reading) = &m.reading {
        r.el(
            "p",
            "class=\"reading\"",
            &format!("{}{}", Word::OurReading.get(english), reading.text),
        );
    }
    r.open("details", "class=\"how\"").gt();
    r.el("summary", "", Word::HowToApply.get(english));
    if english {
        r.el(
            "p",
            "class=\"zh-only\" data-testid=\"in-chinese\"",
            "The details below are in Chinese: show them at the office, or call 12333.",
        );
    }
    let mut field = |k: &str, v: &str| {
        r.open("p", "").gt().el("strong", "", k).text(v).close("p");
    };
    field(Word::Where.get(english), &m.apply_where);
    field(Word::How.get(english), &m.apply_how);
    if !m.materials.is_empty() {
        field(Word::Bring.get(english), &m.materials.join("、"));
    }
    r.open("div", "class=\"source\" data-testid=\"source\"")
        .gt();
    r.el("strong", "", Word::Source.get(english));
    for (i, s) in outcomes.iter().enumerate() {
        source(r, s, i == 0, english, props.eval.hotline_number());
    }
    r.close("div").close("details");
    // Read aloud as shown: every document's own figure, not only the lead's.
    let mut amount = lead_amount.unwrap_or_default();
    for other in &outcomes[1..] {
        if let Some(a) = other.amount_text(english) {
            if !has_text(&amount, &a) {
                amount = format!("{amount}。{}：{a}", other.document.number);
            }
        }
    }
    read_aloud(r, &format!("{}。{amount}。{summary}", m.title), english);
    r.close("article");
}

/// `hay.contains(needle)` without `str`'s pattern searcher (two-way search: 1.3 KB of
/// wasm for this one use).
fn has_text(hay: &str, needle: &str) -> bool {
    needle.is_empty()
        || hay
            .as_bytes()
            .windows(needle.len())
            .any(|w| w == needle.as_bytes())
}
