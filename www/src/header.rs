//! The page header: title (back to the results), text size, language.

use yew::prelude::*;

use crate::raw::Raw;
use crate::text::tr;

/// A view function, not a component (no state of its own). The title and the text-size
/// buttons are escaped HTML (`crate::raw`); every button is answered by the app's one
/// click handler (`data-do`, `app::on_click`). The language switch stays `html!`: its
/// label changes under the finger, and a raw part is replaced whole, which would lose
/// its focus.
pub fn header(english: bool) -> Html {
    let mut title = Raw::default();
    title.el(
        "button",
        "class=\"title link\" data-testid=\"title\" data-do=\"results\"",
        tr(english, "务工自查", "Worker self-check"),
    );
    let mut tools = Raw::default();
    for (what, id, label, zh, en) in [
        ("smaller", "text-smaller", "A−", "字小一点", "Smaller text"),
        ("larger", "text-larger", "A+", "字大一点", "Larger text"),
    ] {
        tools
            .open("button", "class=\"tool\"")
            .attr("data-do", what)
            .attr("data-testid", id)
            .attr("aria-label", tr(english, zh, en))
            .gt()
            .text(label)
            .close("button");
    }
    html! {
        <header class="top">
            { title.html() }
            <div class="tools">
                { tools.html() }
                <button class="tool" data-do="lang" data-testid="lang" lang={if english { "zh-CN" } else { "en" }}>{ if english { "中文" } else { "English" } }</button>
            </div>
        </header>
    }
}
