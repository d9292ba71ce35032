//! The page footer: share, print, clear; another evaluation date; where the answers
//! are kept and how fresh the rules are.

use wugong::Date;
use yew::prelude::*;

use crate::browser;
use crate::raw::Raw;
use crate::text::tr;

pub struct FooterProps<'a> {
    pub english: bool,
    /// The date evaluated on; `date_chosen` when it is not today.
    pub as_of: Date,
    pub date_chosen: bool,
    /// On the print view the actions are left out.
    pub printing: bool,
    /// The link made by "share" (`State::share_link`).
    pub share_link: Option<&'a str>,
    /// "Clear my answers" was tapped once (`State::confirm_clear`).
    pub confirm_clear: bool,
    /// When the rules were last updated (once they are in).
    pub data_date: Option<Date>,
}

/// A view function, not a component: what it holds is in the state. Its buttons are
/// answered by the app's one click handler (`data-do`, `app::on_click`), the other
/// date's form by its one submit handler (`app::on_submit`).
pub fn footer(props: FooterProps) -> Html {
    let english = props.english;
    // Share and print: escaped HTML (`crate::raw`). "Clear" stays `html!`: its label
    // changes under the finger (a raw part is replaced whole, and would lose the focus).
    let mut actions = Raw::default();
    actions.el(
        "button",
        "class=\"secondary\" data-testid=\"share\" data-do=\"share\"",
        tr(english, "分享结果", "Share"),
    );
    actions.el(
        "button",
        "class=\"secondary\" data-testid=\"print\" data-do=\"print\"",
        tr(english, "保存 / 打印 / 复制", "Save / print / copy"),
    );
    // Static text as escaped HTML (`crate::raw`).
    let mut meta = Raw::default();
    meta.open("p", "class=\"meta\"").gt();
    if let Some(d) = props.data_date {
        meta.text(&if english {
            format!("Rules updated on {d}. ")
        } else {
            format!("规定更新于 {d}。")
        });
    }
    meta.text(tr(
        english,
        "全部在你手机上计算，你的回答不会上传。",
        "Everything is worked out on your phone; your answers are not sent anywhere.",
    ));
    // Said only where it is true: a service worker controls this page.
    if browser::offline_ready() {
        meta.el(
            "span",
            "data-testid=\"offline-ready\"",
            tr(
                english,
                "这个页面已存在手机上，没有网络也能打开。",
                " This page is saved on your phone and opens without a network.",
            ),
        );
    }
    meta.close("p");
    // The page written at build time (index.html) leaves the box empty: the build's date
    // would be stale by the time a worker opens it, before the app fills in today.
    let date_box = if cfg!(target_arch = "wasm32") {
        props.as_of.to_string()
    } else {
        String::new()
    };
    // The share box (a read-only link, replaced only when the link or the language
    // changes), the other date's label and buttons: escaped HTML too; the date box
    // typed into and the `<details>` (open or not) stay `html!`.
    let mut share_box = Raw::default();
    if let Some(link) = props.share_link {
        share_box.open("div", "class=\"share-box\"").gt().el(
            "label",
            "for=\"share-link\"",
            tr(english, "复制这个链接发给别人。链接里有你的回答和查看日期，只发给你信任的人。回答不会上传。", "Copy this link. It holds your answers and the date: send it only to people you trust. Nothing is uploaded."),
        );
        share_box
            .open(
                "input",
                "id=\"share-link\" readonly data-testid=\"share-link\"",
            )
            .attr("value", link)
            .gt()
            .close("div");
    }
    let mut summary = Raw::default();
    summary
        .el(
            "summary",
            "",
            tr(english, "按其他日期查看", "Check another date"),
        )
        .el(
            "label",
            "for=\"as-of-date\" class=\"visually-hidden\"",
            tr(english, "日期", "Date"),
        );
    let mut date_buttons = Raw::default();
    date_buttons.el(
        "button",
        "type=\"submit\" class=\"secondary\" data-testid=\"as-of-apply\"",
        tr(english, "用这个日期", "Use this date"),
    );
    if props.date_chosen {
        date_buttons.el(
            "button",
            "type=\"button\" class=\"link\" data-do=\"today\"",
            tr(english, "回到今天", "Back to today"),
        );
    }
    html! {
        <footer class="bottom">
            if !props.printing {
                <div class="row actions">
                    { actions.html() }
                    <button class="secondary danger" data-do="clear" data-testid="clear">
                        { if props.confirm_clear { tr(english, "确定清除我的回答？", "Really clear my answers?") } else { tr(english, "清除我的回答", "Clear my answers") } }
                    </button>
                </div>
            }
            { share_box.html() }
            <details class="as-of-control" data-testid="as-of-control">
                { summary.html() }
                <form class="row">
                    <input id="as-of-date" type="date" value={date_box} data-testid="as-of-input" />
                    { date_buttons.html() }
                </form>
            </details>
            { meta.html() }
        </footer>
    }
}
