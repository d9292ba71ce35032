//! "Loading the rules…", or why they did not load, with a retry and the hotline.

use yew::prelude::*;

use crate::rules_file::Failure;
use crate::state::{Action, State};
use crate::text::tr;

#[derive(Properties, PartialEq)]
pub struct RulesPendingProps {
    pub english: bool,
    /// Why the rules did not load, once they failed.
    pub failed: Option<Failure>,
    pub dispatcher: UseReducerDispatcher<State>,
}

#[component]
pub fn RulesPending(props: &RulesPendingProps) -> Html {
    let english = props.english;
    let retry = {
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |_| dispatcher.dispatch(Action::RetryRules))
    };
    match &props.failed {
        // In the worker's words: what went wrong, never the engine's (English) reason.
        Some(why) => html! {
            <section class="pending" role="alert" data-testid="rules-failed" data-why={if *why == Failure::Damaged { "damaged" } else { "network" }}>
                <h1>{ tr(english, "规定没有下载成功", "The rules did not download") }</h1>
                <p>{ if *why == Failure::Damaged {
                    tr(english, "下载的文件坏了（有的WiFi要先登录）。", "The file arrived damaged (Wi-Fi login?). ")
                } else {
                    tr(english, "可能是网络不好。", "The connection may be poor. ")
                } }{ tr(english, "你的回答还在。", "Your answers are kept.") }</p>
                <button class="primary" onclick={retry} data-testid="rules-retry">{ tr(english, "再试一次", "Try again") }</button>
                <p><a href="fallback.html">{ tr(english, "看简单版（全部补贴和求助电话）", "See the plain version (every programme and hotline)") }</a></p>
                <p>{ tr(english, "也可以拨打人社服务热线 ", "Or call the hotline ") }<a class="call" href="tel:12333">{ "☎ 12333" }</a></p>
            </section>
        },
        None => html! {
            <section class="pending" aria-busy="true" data-testid="rules-loading">
                <p>{ tr(english, "正在载入补贴和权益规定…", "Loading the rules…") }</p>
            </section>
        },
    }
}
