//! The app: reads where the worker was (a share link, stored answers, the history
//! entry after a reload), runs the effects that talk to the browser (storage, history,
//! fetching the rules) and lays out the page. The decisions are in `state.rs`.

use std::sync::atomic::{AtomicBool, Ordering};

use wugong::{share, Fact, Value};
use yew::prelude::*;

use crate::browser;
use crate::footer::{footer, FooterProps};
use crate::header::header;
use crate::place::Place;
use crate::question::{question_view, QuestionProps};
use crate::results;
use crate::rules_file::{self, RulesFile};
use crate::rules_pending::rules_pending;
use crate::state::{Action, Nav, Rules, Screen, State};
use crate::text::tr;

/// Said for a share link that cannot be read, whatever is wrong with it (never its text).
pub fn link_broken(english: bool) -> &'static str {
    tr(
        english,
        "这个链接打不开，请让对方重新分享。",
        "This link cannot be opened. Please ask the person who sent it to share it again.",
    )
}

/// Said for stored answers that cannot be read.
pub fn stored_broken(english: bool) -> &'static str {
    tr(
        english,
        "手机上保存的回答读不出来，已经清除，请重新回答。",
        "The answers saved on this phone could not be read and were cleared. Please answer again.",
    )
}

/// Said once when the phone's storage refuses the answers (it is full).
pub fn storage_full(english: bool) -> &'static str {
    tr(
        english,
        "手机存储满了，答案没有存下来；可以用“复制文字”或“打印”留一份。",
        "Storage full: answers not saved; copy or print them.",
    )
}

/// State on first load: a share link is shown over stored answers, as someone else's
/// result, without replacing them (`State::shared`); either, if broken, is said in one
/// plain line and ignored. After a reload, the history entry gives the
/// screen, the skipped questions and the date.
pub(crate) fn initial_state() -> State {
    let mut s = State::new(browser::today());
    let settings = browser::load(browser::SETTINGS_KEY).unwrap_or_default();
    s.english = settings.split(';').any(|p| p == "lang=en");
    s.text_scale = settings
        .split(';')
        .find_map(|p| p.strip_prefix("scale=")?.parse::<u16>().ok())
        .unwrap_or(100)
        .clamp(100, 200);
    match browser::query_param("lang").as_deref() {
        Some("en") => s.english = true,
        Some("zh") => s.english = false,
        _ => {}
    }
    s.embedded = browser::query_param("embed").as_deref() == Some("1");
    // Inside a frame nothing is written before a tap inside it (`State::save`).
    let framed = s.embedded || browser::framed();
    let today = s.today;
    // Everything below passes the one gate (`State::gate`, issue 14): what cannot be
    // true is said in one plain line and left out; the rest opens.
    let mut refused = Vec::new();
    let mut link_date = false;

    let mut from_link = false;
    if let Some(fragment) = browser::fragment() {
        match share::decode_shared(&fragment) {
            Ok(shared) => {
                s.answers = shared.answers;
                s.shared = true;
                // Worked out for today; the day it was shared is said, with a way back
                // to it (the banner). A `?date=` in the address is not used for it.
                // Its date passes the gate's range like any other (`as_of_refused`).
                s.shared_on = shared
                    .as_of
                    .filter(|d| match wugong::answers::as_of_refused(*d) {
                        Some(r) => {
                            refused.push(r);
                            false
                        }
                        None => *d != today,
                    });
                link_date = true;
                from_link = true;
            }
            Err(_) => s.notice = Some(link_broken(s.english).into()),
        }
        browser::clear_fragment();
    }
    if !from_link {
        if let Some(stored) = browser::load(browser::ANSWERS_KEY) {
            match share::decode(&stored) {
                Ok(a) => s.answers = a,
                Err(_) => {
                    s.notice = Some(stored_broken(s.english).into());
                    if !framed {
                        browser::remove(browser::ANSWERS_KEY);
                    }
                }
            }
        }
    }
    // ?date=2024-06-01: in range, and no answer may be impossible on it (else the date
    // is not used; the answers stay). A link's own date wins.
    if let Some(text) = browser::query_param("date").filter(|_| !link_date) {
        match wugong::answers::parse_as_of(&text) {
            Ok(d) => match s.answers.date_refused(d) {
                Some(r) => refused.push(r),
                None => s.as_of_override = Some(d).filter(|d| *d != today),
            },
            Err(r) => refused.push(r),
        }
    }
    // An office can link with its region preselected: ?region=530326
    if s.answers.get(Fact::HomeRegion).is_none() {
        if let Some(code) =
            browser::query_param("region").and_then(|c| wugong::region::find_or_parent(&c))
        {
            let _ = s.answers.set(Fact::HomeRegion, Value::Region(code.code));
        }
    }
    let place = browser::current_place().and_then(|p| Place::decode(&p));
    match place {
        Some(p) if !from_link => {
            s.screen = p.screen;
            s.depth = p.depth;
            s.region_restored = Some(p.list);
            s.skipped = p.skipped;
            s.as_of_override = p.as_of.filter(|d| *d != today);
            if s.screen == Screen::Waiting {
                s.screen = s.next_screen();
            }
        }
        _ if from_link || s.answers.len() > 1 => s.screen = Screen::Results,
        _ => s.screen = s.next_screen(),
    }
    s.gate(refused);
    s.save = !framed && !from_link;
    s.nav = Nav::Replace;
    s
}

/// Whether the full-storage notice was shown (once a visit).
static FULL_SAID: AtomicBool = AtomicBool::new(false);

#[component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);

    // Persist answers on every change (once they may be saved: `State::save`); an empty
    // set removes the stored copy. Full storage is said once; print and copy still work.
    use_effect_with((state.answers.clone(), state.save), {
        let dispatcher = state.dispatcher();
        let english = state.english;
        move |(answers, save)| {
            if !*save {
            } else if answers.is_empty() {
                browser::remove(browser::ANSWERS_KEY);
            } else if !browser::save(browser::ANSWERS_KEY, &share::encode(answers))
                && !FULL_SAID.swap(true, Ordering::Relaxed)
            {
                dispatcher.dispatch(Action::Notice(Some(storage_full(english).into())));
            }
        }
    });
    use_effect_with(
        (state.english, state.text_scale, state.save),
        |(english, scale, save)| {
            browser::set_root_font_size(*scale);
            browser::set_document_lang(*english);
            if *save {
                browser::save(
                    browser::SETTINGS_KEY,
                    &format!("lang={};scale={scale}", if *english { "en" } else { "zh" }),
                );
            }
        },
    );
    // A new screen, or the next list of places. (Every screen change counts a step;
    // none has been made on the first screen.)
    use_effect_with((state.screen, state.region_list()), {
        let changed = state.steps > 0;
        move |_| browser::scroll_to_top(changed)
    });
    // Every screen is a history entry: back and forward move between them, and a
    // reload finds the place in the current entry.
    use_effect_with(state.steps, {
        let place = Place::of(&state).encode();
        let nav = state.nav;
        move |_| match nav {
            Nav::Push => browser::record_place(&place, true),
            Nav::Replace => browser::record_place(&place, false),
            Nav::Back => browser::go_back(),
            Nav::Keep => {}
        }
    });
    use_effect_with((), {
        let dispatcher = state.dispatcher();
        move |_| {
            browser::on_history_move(move |place| {
                if let Some(p) = place.as_deref().and_then(Place::decode) {
                    dispatcher.dispatch(Action::Restore {
                        screen: p.screen,
                        depth: p.depth,
                        list: p.list,
                    });
                }
            })
        }
    });
    // The rules, fetched after the first render (again after "try again"); the English
    // texts once someone reads in English.
    // A retry fetches past every cache (`rules_file::load`); the regions file is
    // fetched only until it has arrived, the rules only until they have. (One effect
    // for both: each costs the wasm.)
    use_effect_with((state.rules_attempt, state.regions_attempt), {
        let dispatcher = state.dispatcher();
        let have_rules = state.catalogue().is_some();
        move |(rules, regions)| {
            rules_file::load(RulesFile::Regions, *regions > 0, dispatcher.clone());
            if !have_rules {
                rules_file::load(RulesFile::Rules, *rules > 0, dispatcher)
            }
        }
    });
    use_effect_with(state.english, {
        let dispatcher = state.dispatcher();
        move |english| {
            if *english {
                rules_file::load(RulesFile::English, false, dispatcher)
            }
        }
    });
    // A tap on the first question in index.html before the app had loaded (issue 18):
    // the app's first screen is that question for the visitors it was shown to, and the
    // same button is tapped on it (after the history entry is recorded, above).
    use_effect_with((), {
        let first =
            state.screen == Screen::Ask(wugong::Question::Home) && state.region_list().is_none();
        move |_| browser::early_tap(first)
    });
    // After every render: an embedding page resizes its iframe to fit.
    use_effect(browser::post_height_to_parent);

    let english = state.english;
    let dispatcher = state.dispatcher();
    let catalogue = match &state.rules {
        Rules::Ready(c) => Some(*c),
        _ => None,
    };
    let keep_shared = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_| dispatcher.dispatch(Action::KeepShared))
    };
    let shared_day = {
        let dispatcher = dispatcher.clone();
        let day = state.shared_on;
        Callback::from(move |_| dispatcher.dispatch(Action::SetAsOf(day)))
    };
    let dismiss = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_| dispatcher.dispatch(Action::Notice(None)))
    };
    // In English, the screens after the first wait for the English file too (the
    // questions' words and the measures' texts), so no Chinese shows in their place.
    let ready = catalogue.is_some() && (!english || state.english_texts);
    let body = match state.screen {
        // The first question needs no rules; everything else waits for them.
        Screen::Ask(q) if q == wugong::Question::Home || ready => question_view(QuestionProps {
            question: q,
            catalogue,
            answers: state.answers.clone(),
            left: state.left,
            region_list: state.region_list(),
            as_of: state.as_of(),
            english,
            step: state.steps,
            can_go_back: state.depth > 0,
            ticking: state.ticking.clone(),
            input_error: state.input_error.clone(),
            names_failed: state.regions_failed,
            dispatcher: dispatcher.clone(),
        }),
        _ if !ready => {
            let failed = match &state.rules {
                Rules::Failed(why) => Some(*why),
                _ => None,
            };
            rules_pending(english, failed, &dispatcher)
        }
        Screen::Results | Screen::Print => results::results(&state),
        Screen::Ask(_) | Screen::Waiting => html! {},
    };
    let rules_state = match state.rules {
        Rules::Loading => "loading",
        Rules::Ready(_) => "ready",
        Rules::Failed(_) => "failed",
    };
    html! {
        <div class="app" data-rules={rules_state}>
            // ?embed=1: an office's page already has its own header.
            if !state.embedded {
                { header(english, state.text_scale, &dispatcher) }
            }
            // A notice, or else the line that says a share link's answers are someone
            // else's, with "存成我的" (one element for both: each costs the wasm).
            if let Some((n, keep)) = state.notice.clone().map(|n| (n, false)).or_else(|| {
                state.shared.then(|| {
                    let text = match state.shared_on {
                        Some(d) if english => format!("Someone's result, shared on {d}, worked out for today."),
                        Some(d) => format!("别人 {d} 分享的结果，现在按今天算。"),
                        None => tr(english, "别人分享的结果", "Someone's shared result").into(),
                    };
                    (text, true)
                })
            }) {
                <p class="notice" role="alert" data-testid={if keep { "shared" } else { "notice" }}>
                    <span>{ n }</span>
                    if keep && state.shared_on.is_some() && state.as_of_override != state.shared_on {
                        <button class="link" onclick={shared_day} data-testid="shared-day">{ tr(english, "看分享那天的", "See that day's") }</button>
                    }
                    if keep {
                        <button class="link" onclick={keep_shared} data-testid="keep-shared">{ tr(english, "存成我的", "Keep as mine") }</button>
                    } else {
                        <button class="link" onclick={dismiss} aria-label={tr(english, "关闭提示", "Dismiss")}>{ "×" }</button>
                    }
                </p>
            }
            <main id="main">{ body }</main>
            { footer(FooterProps {
                english,
                answers: state.answers.clone(),
                as_of: state.as_of(),
                date_chosen: state.as_of_override.is_some(),
                printing: state.screen == Screen::Print,
                share_link: state.share_link.clone(),
                confirm_clear: state.confirm_clear,
                dispatcher,
                data_date: state.catalogue().and_then(|c| c.data_date()),
            }) }
        </div>
    }
}
