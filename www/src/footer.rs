//! The page footer: share, print, clear; another evaluation date; where the answers
//! are kept and how fresh the rules are.

use wugong::{share, Answers, Date};
use yew::prelude::*;

use crate::browser;
use crate::raw::Raw;
use crate::state::{Action, State};
use crate::text::tr;

pub struct FooterProps {
    pub english: bool,
    pub answers: Answers,
    /// The date evaluated on; `date_chosen` when it is not today.
    pub as_of: Date,
    pub date_chosen: bool,
    /// On the print view the actions are left out.
    pub printing: bool,
    /// The link made by "share" (`State::share_link`).
    pub share_link: Option<String>,
    /// "Clear my answers" was tapped once (`State::confirm_clear`).
    pub confirm_clear: bool,
    pub dispatcher: UseReducerDispatcher<State>,
    /// When the rules were last updated (once they are in).
    pub data_date: Option<Date>,
}

/// A view function, not a component: what it holds is in the state.
pub fn footer(props: FooterProps) -> Html {
    let english = props.english;
    // Share and print: escaped HTML (`crate::raw`) answered by one handler (`data-do`).
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
    let on_actions = {
        let answers = props.answers.clone();
        let as_of = props.as_of;
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |e: MouseEvent| {
            match crate::browser::clicked_button(&e)
                .and_then(|b| b.get_attribute("data-do"))
                .as_deref()
            {
                Some("share") => {
                    // With the date: opened later or elsewhere, it shows the same result.
                    let link = format!(
                        "{}#{}",
                        browser::page_address(),
                        share::encode_shared(&answers, Some(as_of))
                    );
                    browser::copy(&link);
                    dispatcher.dispatch(Action::ShareLink(link));
                }
                Some("print") => dispatcher.dispatch(Action::ShowPrint),
                _ => {}
            }
        })
    };
    let clear = {
        let dispatcher = props.dispatcher.clone();
        let confirm_clear = props.confirm_clear;
        // Clearing also forgets the share link and the confirmation.
        Callback::from(move |_| {
            dispatcher.dispatch(if confirm_clear {
                Action::Clear
            } else {
                Action::ConfirmClear
            })
        })
    };
    let set_date = {
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = browser::form_input_value(&e);
            // The range and the answers are checked by the reducer (the one gate).
            dispatcher.dispatch(match wugong::answers::parse_as_of(&text) {
                Ok(d) => Action::SetAsOf(Some(d)),
                Err(r) => Action::Notice(Some(r.text(english))),
            })
        })
    };
    let reset_date = {
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |_| dispatcher.dispatch(Action::SetAsOf(None)))
    };
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
    html! {
        <footer class="bottom">
            if !props.printing {
                <div class="row actions" onclick={on_actions}>
                    { actions.html() }
                    <button class="secondary danger" onclick={clear} data-testid="clear">
                        { if props.confirm_clear { tr(english, "确定清除我的回答？", "Really clear my answers?") } else { tr(english, "清除我的回答", "Clear my answers") } }
                    </button>
                </div>
            }
            if let Some(link) = &props.share_link {
                <div class="share-box">
                    <label for="share-link">{ tr(english, "复制这个链接发给别人。链接里有你的回答和查看日期，只发给你信任的人。回答不会上传。", "Copy this link. It holds your answers and the date: send it only to people you trust. Nothing is uploaded.") }</label>
                    <input id="share-link" readonly=true value={link.clone()} data-testid="share-link" />
                </div>
            }
            <details class="as-of-control" data-testid="as-of-control">
                <summary>{ tr(english, "按其他日期查看", "Check another date") }</summary>
                <form onsubmit={set_date} class="row">
                    <label for="as-of-date" class="visually-hidden">{ tr(english, "日期", "Date") }</label>
                    <input id="as-of-date" type="date" value={date_box} data-testid="as-of-input" />
                    <button type="submit" class="secondary" data-testid="as-of-apply">{ tr(english, "用这个日期", "Use this date") }</button>
                    if props.date_chosen {
                        <button type="button" class="link" onclick={reset_date}>{ tr(english, "回到今天", "Back to today") }</button>
                    }
                </form>
            </details>
            { meta.html() }
        </footer>
    }
}
