//! Header and footer controls: language, text size, the evaluation date, share, print,
//! clear; and the read-aloud button.

use wugong::{share, Date};
use yew::prelude::*;

use crate::browser;
use crate::catalogue;
use crate::question::StateOnly;
use crate::state::{Action, Screen};
use crate::text::tr;

#[component]
pub fn Header(props: &StateOnly) -> Html {
    let state = &props.state;
    let english = state.english;
    let toggle_lang = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::SetEnglish(!english)))
    };
    let size = |delta: i16| {
        let state = state.clone();
        let next = (state.text_scale as i16 + delta).clamp(100, 200) as u16;
        Callback::from(move |_| state.dispatch(Action::SetTextScale(next)))
    };
    let home = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::ShowResults))
    };
    html! {
        <header class="top">
            <button class="title link" onclick={home}>{ tr(english, "务工自查", "Worker self-check") }</button>
            <div class="tools">
                <button class="tool" onclick={size(-25)} aria-label={tr(english, "字小一点", "Smaller text")} data-testid="text-smaller">{ "A−" }</button>
                <button class="tool" onclick={size(25)} aria-label={tr(english, "字大一点", "Larger text")} data-testid="text-larger">{ "A+" }</button>
                <button class="tool" onclick={toggle_lang} data-testid="lang" lang={if english { "zh-CN" } else { "en" }}>{ if english { "中文" } else { "English" } }</button>
            </div>
        </header>
    }
}

#[component]
pub fn Footer(props: &StateOnly) -> Html {
    let state = &props.state;
    let english = state.english;
    let share_link = use_state(|| None::<String>);
    let confirm_clear = use_state(|| false);
    let date_ref = use_node_ref();

    let make_link = {
        let state = state.clone();
        let share_link = share_link.clone();
        Callback::from(move |_| {
            let link = format!(
                "{}#{}",
                browser::page_address(),
                share::encode(&state.answers)
            );
            browser::copy(&link);
            share_link.set(Some(link));
        })
    };
    let print = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::ShowPrint))
    };
    let clear = {
        let state = state.clone();
        let confirm_clear = confirm_clear.clone();
        let share_link = share_link.clone();
        Callback::from(move |_| {
            if *confirm_clear {
                state.dispatch(Action::Clear);
                share_link.set(None);
                confirm_clear.set(false);
            } else {
                confirm_clear.set(true);
            }
        })
    };
    let set_date = {
        let state = state.clone();
        let date_ref = date_ref.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = browser::input_value(&date_ref);
            match text.parse::<Date>() {
                Ok(d) => state.dispatch(Action::SetAsOf(Some(d))),
                Err(e) => state.dispatch(Action::Notice(Some(e.to_string()))),
            }
        })
    };
    let reset_date = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::SetAsOf(None)))
    };
    let data_date = catalogue()
        .and_then(|c| c.data_date())
        .map(|d| d.to_string())
        .unwrap_or_default();
    html! {
        <footer class="bottom">
            if state.screen != Screen::Print {
                <div class="row actions">
                    <button class="secondary" onclick={make_link} data-testid="share">{ tr(english, "分享结果", "Share") }</button>
                    <button class="secondary" onclick={print} data-testid="print">{ tr(english, "保存 / 打印 / 复制", "Save / print / copy") }</button>
                    <button class="secondary danger" onclick={clear} data-testid="clear">
                        { if *confirm_clear { tr(english, "确定清除我的回答？", "Really clear my answers?") } else { tr(english, "清除我的回答", "Clear my answers") } }
                    </button>
                </div>
            }
            if let Some(link) = &*share_link {
                <div class="share-box">
                    <label for="share-link">{ tr(english, "复制这个链接发给别人（回答只在链接里，不会上传）：", "Copy this link (your answers stay in the link, nothing is uploaded):") }</label>
                    <input id="share-link" readonly=true value={link.clone()} data-testid="share-link" />
                </div>
            }
            <details class="as-of-control" data-testid="as-of-control">
                <summary>{ tr(english, "按其他日期查看", "Check another date") }</summary>
                <form onsubmit={set_date} class="row">
                    <label for="as-of-date" class="visually-hidden">{ tr(english, "日期", "Date") }</label>
                    <input id="as-of-date" type="date" ref={date_ref} value={state.as_of().to_string()} data-testid="as-of-input" />
                    <button type="submit" class="secondary" data-testid="as-of-apply">{ tr(english, "用这个日期", "Use this date") }</button>
                    if state.as_of_override.is_some() {
                        <button type="button" class="link" onclick={reset_date}>{ tr(english, "回到今天", "Back to today") }</button>
                    }
                </form>
            </details>
            <p class="meta">
                if !data_date.is_empty() {
                    { if english { format!("Rules updated on {data_date}. ") } else { format!("规定更新于 {data_date}。") } }
                }
                { tr(english, "全部在你手机上计算，你的回答不会上传。", "Everything is worked out on your phone; your answers are not sent anywhere.") }
                // Said only where it is true: a service worker controls this page.
                if browser::offline_ready() {
                    <span data-testid="offline-ready">{ tr(english, "这个页面已存在手机上，没有网络也能打开。", " This page is saved on your phone and opens without a network.") }</span>
                }
            </p>
        </footer>
    }
}

#[derive(Properties, PartialEq)]
pub struct SpeakProps {
    pub text: AttrValue,
    pub english: bool,
}

/// Reads the text aloud; hidden where the browser cannot speak.
#[component]
pub fn Speak(props: &SpeakProps) -> Html {
    if !browser::speech_available() {
        return html! {};
    }
    let text = props.text.clone();
    let english = props.english;
    let onclick = Callback::from(move |_| browser::speak(&text, english));
    html! {
        <button class="speak" {onclick} data-testid="speak" aria-label={tr(english, "读给我听", "Read aloud")}>{ tr(english, "▶ 读给我听", "▶ Read aloud") }</button>
    }
}
