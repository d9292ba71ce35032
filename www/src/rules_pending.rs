//! "Loading the rules…", or why they did not load, with a retry and the hotline.

use yew::prelude::*;

use crate::raw::Raw;
use crate::rules_file::Failure;
use crate::text::tr;

/// `failed`: why the rules did not load, once they failed. Escaped HTML (`crate::raw`):
/// its one button is answered by the app's click handler (`data-do`).
pub fn rules_pending(english: bool, failed: Option<Failure>) -> Html {
    let mut r = Raw::default();
    let Some(why) = failed else {
        r.open(
            "section",
            "class=\"pending\" aria-busy=\"true\" data-testid=\"rules-loading\"",
        )
        .gt()
        .el(
            "p",
            "",
            tr(english, "正在载入补贴和权益规定…", "Loading the rules…"),
        )
        .close("section");
        return r.html();
    };
    let damaged = why == Failure::Damaged;
    r.open(
        "section",
        "class=\"pending\" role=\"alert\" data-testid=\"rules-failed\"",
    )
    .attr("data-why", if damaged { "damaged" } else { "network" })
    .gt();
    r.el(
        "h1",
        "",
        tr(english, "规定没有下载成功", "The rules did not download"),
    );
    // In the worker's words: what went wrong, never the engine's (English) reason.
    r.open("p", "").gt();
    r.text(if damaged {
        tr(
            english,
            "下载的文件坏了（有的WiFi要先登录）。",
            "The file arrived damaged (Wi-Fi login?). ",
        )
    } else {
        tr(english, "可能是网络不好。", "The connection may be poor. ")
    });
    r.text(tr(english, "你的回答还在。", "Your answers are kept."))
        .close("p");
    r.el(
        "button",
        "class=\"primary\" data-testid=\"rules-retry\" data-do=\"retry-rules\"",
        tr(english, "再试一次", "Try again"),
    );
    r.open("p", "").gt();
    r.el(
        "a",
        "href=\"fallback.html\"",
        tr(
            english,
            "看简单版（全部补贴和求助电话）",
            "See the plain version (every programme and hotline)",
        ),
    );
    r.close("p").open("p", "").gt();
    r.text(tr(
        english,
        "也可以拨打人社服务热线 ",
        "Or call the hotline ",
    ));
    r.open("a", "class=\"call\" href=\"tel:12333\"")
        .gt()
        .text("☎ 12333")
        .close("a")
        .close("p");
    r.close("section");
    r.html()
}
