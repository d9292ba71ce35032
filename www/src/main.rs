//! 务工自查 — the web widget. It asks one question at a time and shows what the engine
//! (`wugong`) decides. Nothing leaves the phone: answers live in localStorage and in
//! share links' `#fragment`, which browsers never send to a server.
//!
//! One view per file, each given only what it shows (and the dispatcher when it
//! changes something): `app` is the only Yew component (its hooks talk to the browser)
//! and lays out the page; `question` and its inputs (`choices`, `value_input`,
//! `multi_check`, `region_picker`, `progress`); `header`, `footer`, `speak`,
//! `rules_pending`; `results` (the result page). The others are view functions, many
//! writing escaped HTML (`raw`) answered by the app's one click handler
//! (`app::on_click`): each component type cost about 0.8 KB gzip (docs/size.md). The state and its reducer
//! (`state`, `place`) are plain Rust, tested natively, and hold what the inputs hold
//! until answered; the rules reach the views through the state or a prop
//! (`catalogue_context`); `browser` wraps the web APIs.

mod app;
mod browser;
mod catalogue_context;
mod choices;
mod footer;
mod header;
mod multi_check;
mod place;
mod progress;
mod question;
mod raw;
mod region_picker;
mod results;
mod rules_file;
mod rules_pending;
mod speak;
mod state;
mod text;
mod value_input;

pub use rules_file::{english_text, question_text};

// SAFETY: the widget's wasm runs single-threaded.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

/// Shown instead of a frozen page if anything in the widget panics.
#[cfg(target_arch = "wasm32")]
const FAILURE_HTML: &str = r#"<div class="app"><main class="failure" data-testid="failure">
<h1>页面出错了 / Something went wrong</h1>
<p>很抱歉，页面出了问题。你的权益不受影响。</p>
<p>可以拨打人社服务热线咨询：<a class="call" href="tel:12333">☎ 12333</a></p>
<p>Sorry, this page failed. Call the human-resources hotline <a href="tel:12333">12333</a> for help.</p>
<p><a href="./">重新打开 / Reload</a></p></main></div>"#;

/// Natively: the app's first render for a new visitor (no answers, no address
/// parameters, Chinese), as HTML on stdout. scripts/post_build.mjs writes it into
/// index.html, so the first question shows before any script has run: the same
/// component, views and data as the widget, through Yew's server renderer.
/// With `place`: the history entry the app records on that screen (`Place`), which
/// www/early.js compares with a reloaded page's, so that a reload on the first question
/// shows the page's copy too (the app restores exactly that screen from it).
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    if std::env::args().nth(1).as_deref() == Some("place") {
        println!("{}", place::Place::of(&app::initial_state()).encode());
        return;
    }
    let html = futures::executor::block_on(
        yew::LocalServerRenderer::<app::App>::new()
            .hydratable(false)
            .render(),
    );
    println!("{html}");
}

#[cfg(target_arch = "wasm32")]
fn main() {
    // Through Yew: a hook set with std::panic::set_hook is replaced by Yew's own when the
    // app is rendered, and the page would freeze instead of saying what to do.
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("务工自查 failed: {info}").into());
        if let Some(body) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
        {
            body.set_inner_html(FAILURE_HTML);
        }
    }));
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(el) => {
            el.set_inner_html("");
            yew::Renderer::<app::App>::with_root(el).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}
