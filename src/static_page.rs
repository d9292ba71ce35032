//! A plain HTML page of every rule, made at build time by the native engine from the
//! same policies: for phones that cannot run the widget (old WeChat kernels, JavaScript
//! off). It asks nothing; it lists hotlines, deadlines, protections and every programme
//! by region with amount, conditions, status on the build date and source.

use std::fmt::Write;

use wugong::amount::Frequency;
use wugong::answers::Answers;
use wugong::catalogue::Catalogue;
use wugong::date::Date;
use wugong::evaluate::status_on;
use wugong::policy::{Audience, Document, Kind, Measure};
use wugong::region;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn region_name(code: &str) -> String {
    if code == region::NATIONAL {
        "全国".into()
    } else {
        region::full_name(code, false)
    }
}

fn measure_item(out: &mut String, doc: &Document, m: &Measure, as_of: Date, hotline: &str) {
    let status = status_on(m, doc, as_of);
    let class = if status.is_current() {
        "current"
    } else {
        "ended"
    };
    let _ = write!(
        out,
        "<li class=\"{class}\"><strong>{}</strong>",
        esc(&m.title)
    );
    if let Some(text) = amount_text(m) {
        let _ = write!(out, " <span class=\"amount\">{}</span>", esc(&text));
    }
    let _ = write!(
        out,
        "<br><span class=\"status\">{}</span>",
        esc(&status.describe(false, hotline))
    );
    let _ = write!(out, "<br>{}", esc(&m.summary));
    let _ = write!(out, "<br><small>条件：{}</small>", esc(&m.when.describe()));
    if let Some(t) = m.terms_line(false) {
        let _ = write!(out, "<br><small>{}</small>", esc(&t));
    }
    if let Some(r) = &m.reading {
        let _ = write!(out, "<br><small>我们的理解：{}</small>", esc(&r.text));
    }
    let _ = write!(
        out,
        "<br><small>怎么办：{} — {}</small>",
        esc(&m.apply_where),
        esc(&m.apply_how)
    );
    let _ = writeln!(
        out,
        "<br><small>依据：{}</small></li>",
        esc(&wugong::report::source_line(doc, &m.clause, false))
    );
}

/// The amount as the widget shows it before any answer ("每天15元，按天数算").
pub fn amount_text(m: &Measure) -> Option<String> {
    let frequency = m.frequency.unwrap_or(Frequency::OneOff);
    m.amount
        .as_ref()
        .map(|rule| rule.payment(frequency, &Answers::new()).text(false))
}

/// The whole page. `css` is the stylesheet's file name, if any.
pub fn render(catalogue: &Catalogue, as_of: Date, css: Option<&str>) -> String {
    // The notice and the hotline come from the core's report, as on the result page.
    let everyone = wugong::Report::new(catalogue, &Answers::new(), as_of, false);
    let hotline = everyone.eval.hotline_number();
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>务工自查（简单版）— 补贴、权益、求助电话</title>\n");
    if let Some(css) = css {
        let _ = writeln!(out, "<link rel=\"stylesheet\" href=\"{}\">", esc(css));
    }
    out.push_str("</head><body><div class=\"app static\"><main data-testid=\"static-page\">\n<h1>务工自查（简单版）</h1>\n");
    let _ = writeln!(
        out,
        "<p>你的手机浏览器打不开互动版。这里列出全部规定，按 {as_of} 的情况写明是否有效。想一题一题地自查，请把微信更新到最新版，或点右上角“…”选“在浏览器打开”。</p>"
    );

    out.push_str("<h2>遇到问题找谁</h2>\n<ul class=\"phones\">\n");
    let mut seen = std::collections::BTreeSet::new();
    for (_, m) in catalogue.measures() {
        for p in &m.phones {
            if seen.insert(p.dial.clone()) {
                let note = p
                    .note
                    .as_deref()
                    .map(|n| format!("——{}", esc(n)))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "<li><a class=\"call\" href=\"tel:{}\">☎ {}</a> {}{note}</li>",
                    esc(&p.dial),
                    esc(&p.number),
                    esc(&m.title)
                );
            }
        }
    }
    // A local number (12333) from a mobile needs the area code: each place's, as the
    // core dials it for a worker whose region is known (policies/data/area_codes.toml).
    for (_, m) in catalogue.measures() {
        for p in m.phones.iter().filter(|p| region::needs_area_code(&p.dial)) {
            if !seen.insert(format!("local {}", p.dial)) {
                continue;
            }
            let links: Vec<String> = region::area_codes()
                .map(|(code, _)| {
                    let local = p.local(Some(code));
                    format!(
                        "<a href=\"tel:{}\">{} {}</a>",
                        esc(&local.dial),
                        esc(region::find(code).map_or(code, |r| r.name())),
                        esc(&local.number)
                    )
                })
                .collect();
            let _ = writeln!(
                out,
                "<li>用手机打{}要先拨当地区号：{}；其他地方，拨“区号-{}”。</li>",
                esc(&p.number),
                links.join("、"),
                esc(&p.number)
            );
        }
    }
    out.push_str("</ul>\n<h2>期限，别错过</h2>\n<ul>\n");
    for k in &catalogue.deadlines {
        let _ = writeln!(
            out,
            "<li><strong>{}</strong>：{} <small>（{}）</small></li>",
            esc(&k.title.zh),
            esc(&k.rule.zh),
            esc(&k.cite)
        );
    }
    // That arbitration is free and may be applied for orally is said by its measure
    // (law-labour-dispute-arbitration.toml) in the national list below, not here.
    out.push_str("</ul>\n");

    out.push_str("<h2>全国都有的权益和求助渠道</h2>\n<ul>\n");
    for (doc, m) in catalogue.measures().filter(|(d, m)| {
        d.region == region::NATIONAL
            && matches!(m.kind, Kind::Protection | Kind::Channel | Kind::Advice)
    }) {
        measure_item(&mut out, doc, m, as_of, hotline);
    }
    let n = wugong::report::coverage_for_everyone(false, everyone.hotline_phone());
    let call = n
        .phone
        .map(|p| format!("<a href=\"tel:{}\">{}</a>", esc(&p.dial), esc(&p.number)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "</ul>\n<h2>各地的补贴和服务</h2>\n<p>{}{call}{}</p>",
        esc(&n.before),
        esc(n.after)
    );
    let mut regions: Vec<&str> = catalogue
        .documents
        .iter()
        .map(|d| d.region.as_str())
        .collect();
    regions.sort_by_key(|r| (*r != region::NATIONAL, r.len(), r.to_string()));
    regions.dedup();
    for r in regions {
        let items: Vec<(&Document, &Measure)> = catalogue
            .measures()
            .filter(|(d, m)| {
                d.region == r
                    && m.audience == Audience::Worker
                    && matches!(m.kind, Kind::Subsidy | Kind::Service | Kind::Advice)
            })
            .collect();
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "<details><summary><h3>{}（{} 项）</h3></summary><ul>",
            esc(&region_name(r)),
            items.len()
        );
        for (doc, m) in items {
            measure_item(&mut out, doc, m, as_of, hotline);
        }
        out.push_str("</ul></details>\n");
    }
    out.push_str(
        "<h2>单位或组织者可以领的（找工作时有用）</h2>\n<details><summary>展开</summary><ul>\n",
    );
    for (doc, m) in catalogue
        .measures()
        .filter(|(_, m)| m.audience == Audience::Employer)
    {
        measure_item(&mut out, doc, m, as_of, hotline);
    }
    let data_date = catalogue
        .data_date()
        .map(|d| d.to_string())
        .unwrap_or_default();
    let _ = write!(out, "</ul></details>\n<p class=\"meta\">规定更新于 {data_date}。本页由同一套规则在发布时生成。</p>\n</main></div></body></html>\n");
    out
}

/// The hotlines as one line of HTML, for the message an old browser shows before any
/// rules can load (`www/detect.js`, filled in by the web build): the phones of the
/// national hotlines document, in its order, so a changed number is a data change.
pub fn hotlines_html(catalogue: &Catalogue) -> String {
    let links: Vec<String> = catalogue
        .documents
        .iter()
        .filter(|d| d.id == "hotlines")
        .flat_map(|d| d.measures.iter())
        .flat_map(|m| m.phones.iter().map(move |p| (m, p)))
        .map(|(m, p)| {
            // The title names the number first ("12333 人社服务热线"): keep what follows.
            let what = m.title.trim_start_matches(p.number.as_str()).trim();
            format!(
                "<a class=\"call\" href=\"tel:{}\">☎ {}</a> {}",
                esc(&p.dial),
                esc(&p.number),
                esc(what)
            )
        })
        .collect();
    format!("<p>有问题可以打电话：{}。</p>", links.join("，"))
}
