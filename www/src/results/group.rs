//! A group of cards, collapsed with its count ("你享有的权益 12 项").

use wugong::actions::Item;
use wugong::evaluate::Group;
use wugong::Evaluation;

use super::card::{card, Props as CardProps};
use crate::raw::Raw;

/// What this view shows.
pub struct Props<'a> {
    pub group: Group,
    /// Every card of the result; this view shows those of its group.
    pub items: &'a [Item],
    pub eval: &'a Evaluation<'a>,
    pub english: bool,
}

/// " 18 项" after a group's title (here and on the ended programmes' list).
pub fn count(n: usize, english: bool) -> String {
    wugong::words::Word::Count.fill(english, &[("n", &n.to_string())])
}

/// Spelled out: `to_lowercase` would ship Unicode case tables (5 KB) in the wasm.
pub fn slug(g: Group) -> &'static str {
    match g {
        Group::Warning => "warning",
        Group::ApplyNow => "applynow",
        Group::MayQualify => "mayqualify",
        Group::AskFirst => "askfirst",
        Group::Advice => "advice",
        Group::Protections => "protections",
        Group::Contacts => "contacts",
        Group::Employer => "employer",
        Group::Ended => "ended",
        Group::NotForYou => "notforyou",
    }
}

pub fn group(r: &mut Raw, props: Props<'_>) {
    let items: Vec<&Item> = props
        .items
        .iter()
        .filter(|it| it.group == props.group)
        .collect();
    if items.is_empty() {
        return;
    }
    let english = props.english;
    let slug = slug(props.group);
    // A warning (e.g. below the minimum working age) is never folded away.
    r.open(
        "details",
        if props.group == Group::Warning {
            "open"
        } else {
            ""
        },
    )
    .attr("class", &format!("group {slug}"))
    .attr("data-testid", &format!("group-{slug}"))
    .gt();
    r.open("summary", "")
        .gt()
        .open("h2", "")
        .gt()
        .text(props.group.title(english));
    r.el("span", "class=\"count\"", &count(items.len(), english));
    r.close("h2").close("summary");
    for it in items {
        card(
            r,
            CardProps {
                eval: props.eval,
                members: &it.members,
                english,
            },
        );
    }
    r.close("details");
}
