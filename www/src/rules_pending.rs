//! "Loading the rules…", or why they did not load, with a retry and the hotline.

use yew::prelude::*;

use crate::state::{Action, State};
use crate::text::tr;

/// `failed`: why the rules did not load, once they failed. A view function, not a
/// component (no state of its own).
pub fn rules_pending(
    english: bool,
    failed: Option<AttrValue>,
    dispatcher: &UseReducerDispatcher<State>,
) -> Html {
    let retry = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_| dispatcher.dispatch(Action::RetryRules))
    };
    match failed {
        Some(why) => html! {
            <section class="pending" role="alert" data-testid="rules-failed">
                <h1>{ tr(english, "规定没有下载成功", "The rules did not download") }</h1>
                <p>{ tr(english, "可能是网络不好。你的回答还在。", "The connection may be poor. Your answers are kept.") }</p>
                <p class="hint">{ why }</p>
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
