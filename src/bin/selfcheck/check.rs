//! `selfcheck check`: the worker's [`Report`] as text or JSON. Everything here renders
//! what the core decided (crates/core/src/report.rs): the actions, the deadlines told,
//! the groups with one card per benefit; nothing is grouped or ranked here.

use serde::Serialize;
use wugong::actions::{Action, Item};
use wugong::amount::Payment;
use wugong::deadline::{Deadline, Told};
use wugong::evaluate::{Group, Outcome, Status, Verdict};
use wugong::policy::Phone;
use wugong::report::source_line;
use wugong::tags::Named;
use wugong::{Answers, Coverage, Date, Fact, Report};

/// The whole check: what `--format json` prints.
pub fn json(report: &Report, answers: &Answers, next: Option<Fact>) -> serde_json::Value {
    let view = CheckView {
        as_of: report.as_of(),
        coverage: report.eval.coverage,
        not_covered: report.not_covered().map(|n| {
            let phone = n.phone.map(|p| p.number.as_str()).unwrap_or_default();
            format!("{}{phone}{}", n.before, n.after)
        }),
        next_question: next.map(|f| f.name()),
        deadlines: Deadline::all(&report.catalogue.deadlines, answers, report.as_of()),
        actions: report
            .actions
            .iter()
            .map(|a| ActionView::new(report, a))
            .collect(),
        told: report.told.iter().map(ToldView::new).collect(),
        groups: Group::ALL
            .iter()
            .filter_map(|g| {
                let cards: Vec<CardView> = report
                    .cards_in(*g)
                    .map(|c| CardView::new(report, c))
                    .collect();
                (!cards.is_empty()).then(|| GroupView {
                    group: *g,
                    title: g.title(report.english),
                    cards,
                })
            })
            .collect(),
        measures: report.eval.outcomes.iter().map(OutcomeView::new).collect(),
    };
    serde_json::to_value(&view).unwrap_or_default()
}

#[derive(Serialize)]
struct ActionView<'a> {
    /// The outcome it is about.
    measure: &'a str,
    verb: &'static str,
    title: &'a str,
    amount: Option<&'a str>,
    place: &'a str,
    by: Option<&'a str>,
    phones: &'a [Phone],
    materials: &'a [String],
}

impl<'a> ActionView<'a> {
    fn new(report: &'a Report, a: &'a Action) -> ActionView<'a> {
        ActionView {
            measure: report.eval.outcomes[a.outcome].id,
            verb: a.verb,
            title: &a.title,
            amount: a.amount.as_deref(),
            place: &a.place,
            by: a.by.as_deref(),
            phones: &a.phones,
            materials: &a.materials,
        }
    }
}

#[derive(Serialize)]
struct ToldView<'a> {
    kind: &'a str,
    line: &'a str,
    cite: &'a str,
    passed: bool,
    advice: bool,
}

impl<'a> ToldView<'a> {
    fn new(t: &'a Told) -> ToldView<'a> {
        ToldView {
            kind: &t.id,
            line: &t.line,
            cite: &t.cite,
            passed: t.passed,
            advice: t.advice,
        }
    }
}

#[derive(Serialize)]
struct GroupView<'a> {
    group: Group,
    title: &'static str,
    cards: Vec<CardView<'a>>,
}

/// One card: its lead measure and every further source, each with its own status.
#[derive(Serialize)]
struct CardView<'a> {
    measures: Vec<&'a str>,
    title: &'a str,
    sources: Vec<SourceView>,
}

#[derive(Serialize)]
struct SourceView {
    measure: String,
    status: &'static str,
    status_text: String,
    source: String,
}

impl<'a> CardView<'a> {
    fn new(report: &'a Report, card: &'a Item) -> CardView<'a> {
        let outcomes: Vec<&Outcome> = report.members(card).collect();
        CardView {
            measures: outcomes.iter().map(|o| o.id).collect(),
            title: &outcomes[0].measure.title,
            sources: outcomes
                .iter()
                .map(|o| SourceView {
                    measure: o.id.to_string(),
                    status: o.status.name(),
                    status_text: report.eval.status_text(o, report.english),
                    source: source_line(o.document, &o.measure.clause, report.english),
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
struct CheckView<'a> {
    as_of: Date,
    coverage: Coverage,
    #[serde(skip_serializing_if = "Option::is_none")]
    not_covered: Option<String>,
    next_question: Option<&'static str>,
    /// Every statutory deadline the answers touch, dated or still needing a date.
    deadlines: Vec<Deadline<'a>>,
    /// At most five things to do first, as the widget's top box.
    actions: Vec<ActionView<'a>>,
    /// The deadlines told, as the widget's deadline section.
    told: Vec<ToldView<'a>>,
    /// The groups with one card per benefit, in the widget's order.
    groups: Vec<GroupView<'a>>,
    measures: Vec<OutcomeView<'a>>,
}

#[derive(Serialize)]
struct AlmostView {
    from: Date,
    waiting_for: Vec<&'static str>,
    in_force_then: bool,
    text: String,
    text_en: String,
}

#[derive(Serialize)]
struct AmountView<'a> {
    #[serde(flatten)]
    payment: &'a Payment,
    text: String,
    text_en: String,
}

#[derive(Serialize)]
struct OutcomeView<'a> {
    id: &'a str,
    title: &'a str,
    kind: &'static str,
    audience: &'static str,
    verdict: &'static str,
    /// Where the widget shows it: apply_now, may_qualify, protections, contacts,
    /// employer, ended, not_for_you.
    group: Group,
    status: &'static str,
    status_date: Option<Date>,
    reasons: Vec<String>,
    failed: Vec<String>,
    missing: Vec<&'static str>,
    /// What only the employer knows ("要看单位：…"): the measure stays undetermined.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    depends_on_employer: Vec<String>,
    /// rate × count = total, each a field, and the text every screen shows.
    amount: Option<AmountView<'a>>,
    amount_text: Option<String>,
    frequency: Option<&'static str>,
    deadlines: Vec<Deadline<'a>>,
    /// Not eligible yet; time alone makes it so from `from`.
    almost: Option<AlmostView>,
    source: String,
    summary: &'a str,
    /// Our interpretation where the text alone does not settle the rule (我们的理解).
    reading: Option<&'a str>,
    apply_where: &'a str,
    apply_how: &'a str,
    materials: &'a [String],
    note: Option<&'a str>,
}

impl<'a> OutcomeView<'a> {
    fn new(o: &'a Outcome<'a>) -> OutcomeView<'a> {
        let m = o.measure;
        OutcomeView {
            id: o.id,
            title: &m.title,
            kind: m.kind.name(),
            audience: m.audience.name(),
            verdict: o.verdict.name(),
            group: o.group(),
            status: o.status.name(),
            status_date: match o.status {
                Status::InForce { until } => until,
                Status::Ended { on } => Some(on),
                Status::NotYetInForce { from } => Some(from),
                Status::AskFirst { since } => Some(since),
            },
            reasons: o.met.iter().map(|r| r.describe(false)).collect(),
            failed: match &o.verdict {
                Verdict::NotEligible { failed } => {
                    failed.iter().map(|r| r.describe(false)).collect()
                }
                _ => vec![],
            },
            missing: match &o.verdict {
                Verdict::Undetermined { missing } => missing.iter().map(|f| f.name()).collect(),
                _ => vec![],
            },
            depends_on_employer: o
                .depends_on_employer
                .iter()
                .map(|e| e.describe(false))
                .collect(),
            amount: o.payment.as_ref().map(|p| AmountView {
                payment: p,
                text: p.text(false),
                text_en: p.text(true),
            }),
            amount_text: o.amount_text(false),
            frequency: m.frequency.map(|f| f.describe(true)),
            deadlines: o.deadlines.clone(),
            almost: o.almost.as_ref().map(|a| AlmostView {
                from: a.from,
                waiting_for: a.waiting_for.iter().map(|f| f.name()).collect(),
                in_force_then: a.in_force_then,
                text: a.describe(false),
                text_en: a.describe(true),
            }),
            source: format!(
                "{}（{}）",
                source_line(o.document, &m.clause, false),
                o.document.title
            ),
            summary: &m.summary,
            reading: m.reading.as_ref().map(|r| r.text.as_str()),
            apply_where: &m.apply_where,
            apply_how: &m.apply_how,
            materials: &m.materials,
            note: m.note.as_deref(),
        }
    }
}

/// The label in front of a measure: what its group says, so an ended programme is
/// never called eligible. The group "ended (or not yet started)" holds both: a measure
/// not yet in force on the date is labelled so, not "ended" (second reading A, C3).
fn label(o: &Outcome) -> &'static str {
    match (o.group(), &o.verdict) {
        (Group::Ended, _) if matches!(o.status, Status::NotYetInForce { .. }) => {
            "还没施行 not yet in force"
        }
        (Group::Ended, _) => "已结束 ended",
        (Group::AskFirst, _) => "先问问 ask first",
        (Group::NotForYou, _) => "不符合 not eligible",
        (_, Verdict::Eligible) => "符合 eligible",
        (_, _) => "待定 undetermined",
    }
}

fn print_deadline(d: &Deadline) {
    say!(
        "  ⏰ {}: {} — {}",
        d.spec.title.zh,
        d.describe(false),
        d.spec.cite
    );
}

/// The results as the widget shows them: the actions, the deadlines told, then every
/// group with one card per benefit (each of its sources in full), all from the report.
pub fn print(report: &Report, next: Option<Fact>) {
    let as_of = report.as_of();
    say!("务工自查 — 按 {as_of} 的规定评估 (evaluated as of {as_of})");
    if let Some(n) = report.not_covered() {
        let phone = n.phone.map(|p| p.number.as_str()).unwrap_or_default();
        say!("注意：{}{phone}{}", n.before, n.after);
    }
    if let Some(f) = next {
        say!(
            "下一个问题 (next question): {} — {}",
            f.name(),
            f.label_zh()
        );
    }
    if !report.actions.is_empty() {
        say!("\n先做这几件事 do these first:");
        for (n, a) in report.actions.iter().enumerate() {
            say!("  {}. {}：{}", n + 1, a.verb, a.title);
            if let Some(x) = &a.amount {
                say!("     金额 amount: {x}");
            }
            say!("     去哪里 where: {}", a.place);
            if let Some(b) = &a.by {
                say!("     期限 by: {b}");
            }
            for p in &a.phones {
                say!("     ☎ {} (dial {})", p.number, p.dial);
            }
        }
    }
    if !report.told.is_empty() {
        say!("\n期限 deadlines:");
        for t in &report.told {
            say!("  ⏰ {} — {}", t.line, t.cite);
        }
    }
    for group in Group::ALL {
        let cards: Vec<&Item> = report.cards_in(group).collect();
        if cards.is_empty() {
            continue;
        }
        say!(
            "\n== {} ({}) — {} ==",
            group.title(false),
            cards.len(),
            group.title(true)
        );
        for c in cards {
            for (n, o) in report.members(c).enumerate() {
                if n > 0 {
                    say!("  + 同一项的另一份文件 (another source of the same benefit):");
                }
                print_outcome(o, report.eval.hotline_number());
            }
        }
    }
}

fn print_outcome(o: &Outcome, hotline: &str) {
    let m = o.measure;
    say!("\n[{}] {} ({})", label(o), m.title, m.id);
    let status = format!(
        "{} ({})",
        o.status.describe(false, hotline),
        o.status.describe(true, hotline)
    );
    say!("  状态 status: {status}");
    say!("  内容 what: {}", m.summary);
    if let Some(t) = m.terms_line(false) {
        say!("  {t}");
    }
    if let Some(r) = &m.reading {
        say!("  我们的理解 our reading: {}", r.text);
    }
    if let Some(a) = o.amount_text(false) {
        say!("  金额 amount: {a}");
    }
    for r in &o.met {
        say!("  ✓ {}", r.describe(false));
    }
    match &o.verdict {
        Verdict::NotEligible { failed } => failed
            .iter()
            .for_each(|r| say!("  ✗ {}", r.describe(false))),
        Verdict::Undetermined { missing } => {
            if !missing.is_empty() {
                let names: Vec<_> = missing.iter().map(|f| f.label_zh()).collect();
                say!("  ? 还需要回答 missing: {}", names.join("、"));
            }
            for e in &o.depends_on_employer {
                say!("  ? {}", e.describe(false));
            }
        }
        Verdict::Eligible => {}
    }
    if let Some(a) = &o.almost {
        say!("  ⏳ {}", a.describe(false));
    }
    for d in &o.deadlines {
        print_deadline(d);
    }
    // As this worker dials them (0874-12333 where the region is known: the core decides).
    for p in &o.phones {
        say!(
            "  ☎ {} (dial {}){}",
            p.number,
            p.dial,
            p.note
                .as_deref()
                .map(|n| format!(" — {n}"))
                .unwrap_or_default()
        );
    }
    say!("  怎么办 how: {} — {}", m.apply_where, m.apply_how);
    if !m.materials.is_empty() {
        say!("  材料 materials: {}", m.materials.join("；"));
    }
    if let Some(n) = &m.note {
        say!("  说明 note: {n}");
    }
    say!(
        "  来源 source: {}（{}）",
        source_line(o.document, &m.clause, false),
        o.document.title
    );
}
