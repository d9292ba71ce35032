//! 务工自查 — the web widget. It asks one question at a time and shows what the engine
//! (`wugong`) decides. Nothing leaves the phone: answers live in localStorage and in
//! share links' `#fragment`, which browsers never send to a server.

mod browser;
mod catalogue_context;
mod controls;
mod question;
mod results;
mod state;
mod text;

use std::sync::OnceLock;

use wugong::pack::EnglishText;
use wugong::{share, Answers, Catalogue, Fact, Question, Value};
use yew::prelude::*;

use crate::state::{Action, Rules, Screen, State};
use crate::text::tr;

/// The rules, once their file has arrived. They are not in the wasm: the first question
/// (the home region) needs none, so the page shows it sooner on a slow line and fetches
/// the rules while the worker reads it.
static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();

pub fn catalogue() -> Option<&'static Catalogue> {
    CATALOGUE.get()
}

/// The measures' English titles and summaries, fetched when someone switches to English.
static ENGLISH: OnceLock<Vec<EnglishText>> = OnceLock::new();

pub fn english_text(measure_id: &str) -> Option<&'static EnglishText> {
    ENGLISH.get()?.iter().find(|t| t.id == measure_id)
}

#[derive(Clone, Copy, PartialEq)]
enum RulesFile {
    Rules,
    English,
}

/// Fetches and reads one of the rules files unless it is already in, then tells the app.
/// (One function for both files: each async function adds its own state machine to the
/// wasm.)
fn load(file: RulesFile, dispatcher: UseReducerDispatcher<State>) {
    let loaded = match file {
        RulesFile::Rules => CATALOGUE.get().is_some(),
        RulesFile::English => ENGLISH.get().is_some(),
    };
    if loaded {
        if file == RulesFile::Rules {
            dispatcher.dispatch(Action::RulesReady);
        }
        return;
    }
    yew::platform::spawn_local(async move {
        let meta = match file {
            RulesFile::Rules => "wugong-rules",
            RulesFile::English => "wugong-rules-en",
        };
        let result = match browser::file_named(meta) {
            Some(url) => browser::fetch_bytes(&url)
                .await
                .and_then(|bytes| match file {
                    RulesFile::Rules => install_rules(&bytes),
                    RulesFile::English => {
                        let texts =
                            wugong::pack::decode_english(&bytes).map_err(|e| e.to_string())?;
                        let _ = ENGLISH.set(texts);
                        Ok(())
                    }
                }),
            None => Err(format!("the page names no {meta} file")),
        };
        dispatcher.dispatch(match (file, result) {
            (RulesFile::Rules, Ok(())) => Action::RulesReady,
            (RulesFile::Rules, Err(e)) => Action::RulesFailed(e),
            (RulesFile::English, Ok(())) => Action::EnglishReady,
            // Programme texts stay in Chinese; the interface is in English anyway.
            (RulesFile::English, Err(e)) => Action::Notice(Some(e)),
        });
    });
}

/// Reads the rules file (checked when it was built; a damaged one is reported).
fn install_rules(bytes: &[u8]) -> Result<(), String> {
    let docs = wugong::pack::decode(bytes).map_err(|e| e.to_string())?;
    let catalogue = Catalogue::new(docs).map_err(|e| e.to_string())?;
    let _ = CATALOGUE.set(catalogue);
    Ok(())
}

/// State on first load: a share link wins over stored answers; either, if broken, is
/// reported in one line and ignored.
fn initial_state() -> State {
    let today = browser::today();
    let mut notice = None;
    let settings = browser::load(browser::SETTINGS_KEY).unwrap_or_default();
    let mut english = settings.split(';').any(|p| p == "lang=en");
    let text_scale = settings
        .split(';')
        .find_map(|p| p.strip_prefix("scale=")?.parse::<u16>().ok())
        .unwrap_or(100)
        .clamp(100, 200);
    match browser::query_param("lang").as_deref() {
        Some("en") => english = true,
        Some("zh") => english = false,
        _ => {}
    }
    let as_of_override = browser::query_param("date").and_then(|d| d.parse().ok());

    let mut answers = Answers::new();
    let mut from_link = false;
    if let Some(fragment) = browser::fragment() {
        match share::decode(&fragment) {
            Ok(a) => {
                answers = a;
                from_link = true;
            }
            Err(e) => {
                notice = Some(format!(
                    "{}{e}",
                    tr(
                        english,
                        "分享链接有问题，已忽略：",
                        "The shared link is broken and was ignored: "
                    )
                ));
            }
        }
        browser::clear_fragment();
    }
    if !from_link {
        if let Some(stored) = browser::load(browser::ANSWERS_KEY) {
            match share::decode(&stored) {
                Ok(a) => answers = a,
                Err(e) => {
                    notice = Some(format!(
                        "{}{e}",
                        tr(
                            english,
                            "保存的回答有问题，已忽略：",
                            "Your saved answers were unreadable and were ignored: "
                        )
                    ));
                    browser::remove(browser::ANSWERS_KEY);
                }
            }
        }
    }
    // An office can link with its region preselected: ?region=530326
    if answers.get(Fact::HomeRegion).is_none() {
        if let Some(code) = browser::query_param("region").and_then(|c| wugong::region::find(&c)) {
            let _ = answers.set(Fact::HomeRegion, Value::Region(code.code));
        }
    }
    let mut s = State {
        answers,
        skipped: wugong::FactSet::new(),
        screen: Screen::Ask(Question::Home),
        history: vec![],
        steps: 0,
        today,
        as_of_override,
        english,
        text_scale,
        notice,
        embedded: browser::query_param("embed").as_deref() == Some("1"),
        rules: Rules::Loading,
        rules_attempt: 0,
        english_texts: false,
    };
    s.screen = if from_link || s.answers.len() > 1 {
        Screen::Results
    } else {
        s.next_screen()
    };
    s
}

#[component]
fn App() -> Html {
    let state = use_reducer(initial_state);

    // Persist answers on every change; an empty set removes the stored copy.
    use_effect_with(state.answers.clone(), |answers| {
        if answers.is_empty() {
            browser::remove(browser::ANSWERS_KEY);
        } else {
            browser::save(browser::ANSWERS_KEY, &share::encode(answers));
        }
    });
    use_effect_with((state.english, state.text_scale), |(english, scale)| {
        browser::set_root_font_size(*scale);
        browser::set_document_lang(*english);
        browser::save(
            browser::SETTINGS_KEY,
            &format!("lang={};scale={scale}", if *english { "en" } else { "zh" }),
        );
    });
    use_effect_with(state.screen, |_| browser::scroll_to_top());
    // The rules, fetched after the first render (again after "try again"); the English
    // texts once someone reads in English.
    use_effect_with(state.rules_attempt, {
        let dispatcher = state.dispatcher();
        move |_| load(RulesFile::Rules, dispatcher)
    });
    use_effect_with(state.english, {
        let dispatcher = state.dispatcher();
        move |english| {
            if *english {
                load(RulesFile::English, dispatcher)
            }
        }
    });
    // After every render: an embedding page resizes its iframe to fit.
    use_effect(browser::post_height_to_parent);

    let english = state.english;
    let dismiss = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Notice(None)))
    };
    let body = match state.screen {
        // The first question needs no rules; everything else waits for them.
        Screen::Ask(q) if q == Question::Home || catalogue().is_some() => {
            html! { <question::QuestionView state={state.clone()} question={q} /> }
        }
        _ if catalogue().is_none() => html! { <RulesPending state={state.clone()} /> },
        Screen::Results => html! { <results::Results state={state.clone()} /> },
        Screen::Print => html! { <results::PrintView state={state.clone()} /> },
        Screen::Ask(_) | Screen::Waiting => html! {},
    };
    html! {
        <div class="app" data-rules={match state.rules { Rules::Loading => "loading", Rules::Ready => "ready", Rules::Failed(_) => "failed" }}>
            // ?embed=1: an office's page already has its own header.
            if !state.embedded { <controls::Header state={state.clone()} /> }
            if let Some(n) = &state.notice {
                <p class="notice" role="alert" data-testid="notice">
                    <span>{ n.clone() }</span>
                    <button class="link" onclick={dismiss} aria-label={tr(english, "关闭提示", "Dismiss")}>{ "×" }</button>
                </p>
            }
            <ContextProvider<catalogue_context::CatalogueContext> context={catalogue().map(catalogue_context::CatalogueRef)}>
                <main id="main">{ body }</main>
            </ContextProvider<catalogue_context::CatalogueContext>>
            <controls::Footer state={state.clone()} />
        </div>
    }
}

/// "Loading the rules…", or why they did not load, with a retry and the hotline.
#[component]
fn RulesPending(props: &question::StateOnly) -> Html {
    let state = &props.state;
    let english = state.english;
    let retry = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::RetryRules))
    };
    match &state.rules {
        Rules::Failed(why) => html! {
            <section class="pending" role="alert" data-testid="rules-failed">
                <h1>{ tr(english, "规定没有下载成功", "The rules did not download") }</h1>
                <p>{ tr(english, "可能是网络不好。你的回答还在。", "The connection may be poor. Your answers are kept.") }</p>
                <p class="hint">{ why.clone() }</p>
                <button class="primary" onclick={retry} data-testid="rules-retry">{ tr(english, "再试一次", "Try again") }</button>
                <p><a href="fallback.html">{ tr(english, "看简单版（全部补贴和求助电话）", "See the plain version (every programme and hotline)") }</a></p>
                <p>{ tr(english, "也可以拨打人社服务热线 ", "Or call the hotline ") }<a class="call" href="tel:12333">{ "☎ 12333" }</a></p>
            </section>
        },
        _ => html! {
            <section class="pending" aria-busy="true" data-testid="rules-loading">
                <p>{ tr(english, "正在载入补贴和权益规定…", "Loading the rules…") }</p>
            </section>
        },
    }
}

/// Shown instead of a frozen page if anything in the widget panics.
const FAILURE_HTML: &str = r#"<div class="app"><main class="failure" data-testid="failure">
<h1>页面出错了 / Something went wrong</h1>
<p>很抱歉，页面出了问题。你的权益不受影响。</p>
<p>可以拨打人社服务热线咨询：<a class="call" href="tel:12333">☎ 12333</a></p>
<p>Sorry, this page failed. Call the human-resources hotline <a href="tel:12333">12333</a> for help.</p>
<p><a href="./">重新打开 / Reload</a></p></main></div>"#;

fn main() {
    std::panic::set_hook(Box::new(|info| {
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
            yew::Renderer::<App>::with_root(el).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
