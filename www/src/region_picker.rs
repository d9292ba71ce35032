//! Province, then city, then county. Each tap records the answer so far; the engine
//! asks again only if a finer level matters.

use wugong::region::{self, Region};
use wugong::Value;

use crate::choices::pick;
use crate::raw::Raw;
use crate::text::tr;

/// `parent`: the region whose places are listed, `None` for the provinces
/// (`State::region_list`: each level is a history entry). Drawn again on every change of
/// the state, the regions file's arrival included; its buttons carry `data-pick` (see
/// [`crate::choices::pick`]).
pub fn region_picker(
    r: &mut Raw,
    picks: &mut Vec<Option<Value>>,
    parent: Option<&'static str>,
    english: bool,
    names_failed: bool,
) {
    let mut options: Vec<&Region> = region::children(parent).collect();
    // The places the documents cover come first (worked out from the documents' regions
    // when the engine is built, so this screen needs no rules file).
    wugong::order::sort_by_key(&mut options, |r| !r.covered);
    r.open("div", "class=\"regions\"").gt();
    if let Some(p) = parent {
        r.open("p", "class=\"chosen-region\"").gt();
        r.text(&region::full_name(p, english));
        pick(
            r,
            picks,
            "class=\"link\" data-testid=\"region-restart\"",
            None,
        )
        .gt()
        .text(tr(english, "重新选", "Start over"))
        .close("button");
        r.close("p");
    }
    // The prefectures' names come with the regions file, just after the page; if it did
    // not arrive whole, say so and offer to try again (`data-do="retry-regions"`).
    if options.iter().any(|r| !r.named()) && names_failed {
        r.open(
            "p",
            "class=\"hint\" role=\"alert\" data-testid=\"regions-failed\"",
        )
        .gt()
        .text(tr(
            english,
            "地名没有下载成功。",
            "Place names did not load. ",
        ));
        r.el(
            "button",
            "class=\"link\" data-testid=\"regions-retry\" data-do=\"retry-regions\"",
            tr(english, "再试一次", "Try again"),
        );
        r.close("p");
    } else if options.iter().any(|r| !r.named()) {
        r.el(
            "p",
            "class=\"hint\" role=\"status\" data-testid=\"regions-loading\"",
            tr(
                english,
                "正在下载地名……也可以不选，直接点“不知道，跳过”。",
                "Loading place names… or go on with \"I don't know\".",
            ),
        );
    } else {
        r.open("div", "class=\"choices grid\"").gt();
        for o in options {
            pick(r, picks, "class=\"choice\"", Some(Value::Region(o.code)))
                .attr("data-testid", &format!("region-{}", o.code))
                .gt()
                .text(if english { o.name_en() } else { o.name() })
                .close("button");
        }
        r.close("div");
    }
    r.close("div");
}
