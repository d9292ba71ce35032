//! The app: reads where the worker was (a share link, stored answers, the history
//! entry after a reload), runs the effects that talk to the browser (storage, history,
//! fetching the rules) and lays out the page. The decisions are in `state.rs`.

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};

use wugong::{share, Answers, Fact, Value};
use yew::prelude::*;

use crate::browser;
use crate::footer::{footer, FooterProps};
use crate::header::header;
use crate::multi_check;
use crate::place::Place;
use crate::question::{question_view, QuestionProps};
use crate::raw::Raw;
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

/// What the effects saw after the last render (`None` before the first): each runs when
/// its part has changed, as a `use_effect_with` on that part would. The app is mounted
/// once a page.
struct Seen {
    answers: (Answers, bool),
    settings: (bool, u16, bool),
    screen: (Screen, Option<&'static str>),
    steps: u32,
    attempts: (u32, u32),
    english: bool,
}

thread_local! {
    static SEEN: Cell<Option<Seen>> = const { Cell::new(None) };
}

fn effects(state: &UseReducerHandle<State>) {
    let now = Seen {
        answers: (state.answers.clone(), state.save),
        settings: (state.english, state.text_scale, state.save),
        screen: (state.screen, state.region_list()),
        steps: state.steps,
        attempts: (state.rules_attempt, state.regions_attempt),
        english: state.english,
    };
    let last = SEEN.take();
    let first = last.is_none();
    let changed = |part: fn(&Seen, &Seen) -> bool| last.as_ref().is_none_or(|l| part(l, &now));
    let english = state.english;
    // Persist answers on every change (once they may be saved: `State::save`); an empty
    // set removes the stored copy. Full storage is said once; print and copy still work.
    if changed(|l, n| l.answers != n.answers) && state.save {
        if state.answers.is_empty() {
            browser::remove(browser::ANSWERS_KEY);
        } else if !browser::save(browser::ANSWERS_KEY, &share::encode(&state.answers))
            && !FULL_SAID.swap(true, Ordering::Relaxed)
        {
            state.dispatch(Action::Notice(Some(storage_full(english).into())));
        }
    }
    if changed(|l, n| l.settings != n.settings) {
        browser::set_root_font_size(state.text_scale);
        browser::set_document_lang(english);
        if state.save {
            browser::save(
                browser::SETTINGS_KEY,
                &format!(
                    "lang={};scale={}",
                    if english { "en" } else { "zh" },
                    state.text_scale
                ),
            );
        }
    }
    // A new screen, or the next list of places. (Every screen change counts a step;
    // none has been made on the first screen.)
    if changed(|l, n| l.screen != n.screen) {
        browser::scroll_to_top(state.steps > 0);
    }
    // Every screen is a history entry: back and forward move between them, and a
    // reload finds the place in the current entry.
    if changed(|l, n| l.steps != n.steps) {
        let place = Place::of(state).encode();
        match state.nav {
            Nav::Push => browser::record_place(&place, true),
            Nav::Replace => browser::record_place(&place, false),
            Nav::Back => browser::go_back(),
            Nav::Keep => {}
        }
    }
    if first {
        let dispatcher = state.dispatcher();
        browser::on_history_move(move |place| {
            if let Some(p) = place.as_deref().and_then(Place::decode) {
                dispatcher.dispatch(Action::Restore {
                    screen: p.screen,
                    depth: p.depth,
                    list: p.list,
                });
            }
        });
    }
    // The rules, fetched after the first render (again after "try again"); the English
    // texts once someone reads in English.
    // A retry fetches past every cache (`rules_file::load`); the regions file is
    // fetched only until it has arrived, the rules only until they have.
    if changed(|l, n| l.attempts != n.attempts) {
        rules_file::load(
            RulesFile::Regions,
            state.regions_attempt > 0,
            state.dispatcher(),
        );
        if state.catalogue().is_none() {
            rules_file::load(
                RulesFile::Rules,
                state.rules_attempt > 0,
                state.dispatcher(),
            )
        }
    }
    if changed(|l, n| l.english != n.english) && english {
        rules_file::load(RulesFile::English, false, state.dispatcher())
    }
    // A tap on the first question in index.html before the app had loaded (issue 18):
    // the app's first screen is that question for the visitors it was shown to, and the
    // same button is tapped on it (after the history entry is recorded, above).
    if first {
        browser::early_tap(
            state.screen == Screen::Ask(wugong::Question::Home) && state.region_list().is_none(),
        );
    }
    SEEN.set(Some(now));
    // After every render: an embedding page resizes its iframe to fit.
    browser::post_height_to_parent();
}

/// The page's one click handler. Every button carries what it does: `data-pick` an
/// answer on a question screen (its place in `picks`, `choices::pick`), `data-ask`,
/// `data-speak` and `data-act` on the result page (`results::clicked`), `data-do` the
/// rest, in the header, the notice, the question screens, the rules-pending screen and
/// the footer. Most are escaped HTML (`crate::raw`); those that stay `html!` (the
/// language switch, "clear": their labels change under the finger) carry `data-do` too.
/// One closure for the page instead of one per screen and button: each costs the wasm.
fn on_click(state: UseReducerHandle<State>, picks: Vec<Option<Value>>) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        let Some(button) = browser::clicked_button(&e) else {
            return;
        };
        let english = state.english;
        let question = match state.screen {
            Screen::Ask(q) => q,
            _ => wugong::Question::Home,
        };
        if let Some(i) = button.get_attribute("data-pick") {
            // One fact is answered by the buttons (a choice, or a region level).
            if let Some(value) = i.parse::<usize>().ok().and_then(|i| picks.get(i)) {
                state.dispatch(Action::Answer(vec![(question.facts()[0], *value)]));
            }
            return;
        }
        if results::clicked(&button, &state) {
            return;
        }
        let size = |delta: i16| (state.text_scale as i16 + delta).clamp(100, 200) as u16;
        state.dispatch(match button.get_attribute("data-do").as_deref() {
            Some("results") => Action::ShowResults,
            Some("smaller") => Action::SetTextScale(size(-25)),
            Some("larger") => Action::SetTextScale(size(25)),
            Some("lang") => Action::SetEnglish(!english),
            Some("dismiss") => Action::Notice(None),
            Some("keep-shared") => Action::KeepShared,
            Some("shared-day") => Action::SetAsOf(state.shared_on),
            Some("back") => Action::Back,
            Some("skip") => Action::Skip(question.facts()),
            Some("retry-regions") => Action::RetryRegions,
            Some("retry-rules") => Action::RetryRules,
            Some("say") => {
                let (title, hint) = crate::text::prompt(question, english);
                let mut said = String::from(title);
                said.push(' ');
                said.push_str(hint);
                return browser::speak(&said, english);
            }
            Some("ticks-no") => multi_check::ticks(&state, question, true),
            Some("ticks-unsure") => multi_check::ticks(&state, question, false),
            Some("share") => {
                // With the date: opened later or elsewhere, it shows the same result.
                let mut link = browser::page_address();
                link.push('#');
                link.push_str(&share::encode_shared(&state.answers, Some(state.as_of())));
                browser::copy(&link);
                Action::ShareLink(link)
            }
            Some("print") => Action::ShowPrint,
            // Clearing also forgets the share link and the confirmation.
            Some("clear") if state.confirm_clear => Action::Clear,
            Some("clear") => Action::ConfirmClear,
            Some("today") => Action::SetAsOf(None),
            _ => return,
        });
    })
}

/// The page's one submit handler: the other date's form (its box `as-of-date`, in the
/// footer) or a question's value form (`value_input::submitted`).
fn on_submit(state: UseReducerHandle<State>) -> Callback<SubmitEvent> {
    Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        let Some(input) = browser::form_input(&e) else {
            return;
        };
        let text = input.value();
        let english = state.english;
        state.dispatch(if input.id() == "as-of-date" {
            // The range and the answers are checked by the reducer (the one gate).
            match wugong::answers::parse_as_of(&text) {
                Ok(d) => Action::SetAsOf(Some(d)),
                Err(r) => Action::Notice(Some(r.text(english))),
            }
        } else if let Screen::Ask(q) = state.screen {
            crate::value_input::submitted(q.facts()[0], &text, state.as_of(), english)
        } else {
            return;
        });
    })
}

/// A notice, or else the line that says a share link's answers are someone else's, with
/// "存成我的" (one line for both). Escaped HTML: its buttons go when tapped.
fn notice(r: &mut Raw, state: &State) {
    let english = state.english;
    let keep = state.notice.is_none();
    let text = match (&state.notice, state.shared_on) {
        (Some(n), _) => n.clone(),
        _ if !state.shared => return,
        (None, Some(d)) if english => {
            format!("Someone's result, shared on {d}, worked out for today.")
        }
        (None, Some(d)) => format!("别人 {d} 分享的结果，现在按今天算。"),
        (None, None) => tr(english, "别人分享的结果", "Someone's shared result").into(),
    };
    r.open("p", "class=\"notice\" role=\"alert\"")
        .attr("data-testid", if keep { "shared" } else { "notice" })
        .gt()
        .el("span", "", &text);
    if keep && state.shared_on.is_some() && state.as_of_override != state.shared_on {
        r.el(
            "button",
            "class=\"link\" data-testid=\"shared-day\" data-do=\"shared-day\"",
            tr(english, "看分享那天的", "See that day's"),
        );
    }
    if keep {
        r.el(
            "button",
            "class=\"link\" data-testid=\"keep-shared\" data-do=\"keep-shared\"",
            tr(english, "存成我的", "Keep as mine"),
        );
    } else {
        r.open("button", "class=\"link\" data-do=\"dismiss\"")
            .attr("aria-label", tr(english, "关闭提示", "Dismiss"))
            .gt()
            .text("×")
            .close("button");
    }
    r.close("p");
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);

    // The effects that talk to the browser, after every render: one effect that
    // compares what it last saw by hand (`Seen`) rather than one `use_effect_with` per
    // dependency, each of which instantiates Yew's effect machinery for its own type
    // (docs/size.md). In the order they were written as effects of their own.
    use_effect({
        let state = state.clone();
        move || effects(&state)
    });
    let english = state.english;
    let dispatcher = state.dispatcher();
    let catalogue = match &state.rules {
        Rules::Ready(c) => Some(*c),
        _ => None,
    };
    // In English, the screens after the first wait for the English file too (the
    // questions' words and the measures' texts), so no Chinese shows in their place.
    let ready = catalogue.is_some() && (!english || state.english_texts);
    // What each `data-pick` button answers, by its place (`choices::pick`).
    let mut picks = Vec::new();
    let body = match state.screen {
        // The first question needs no rules; everything else waits for them.
        Screen::Ask(q) if q == wugong::Question::Home || ready => question_view(
            QuestionProps {
                question: q,
                catalogue,
                answers: &state.answers,
                left: state.left,
                region_list: state.region_list(),
                as_of: state.as_of(),
                english,
                step: state.steps,
                can_go_back: state.depth > 0,
                ticking: state.ticking.as_ref(),
                input_error: state.input_error.as_deref(),
                names_failed: state.regions_failed,
                dispatcher: dispatcher.clone(),
            },
            &mut picks,
        ),
        _ if !ready => {
            let failed = match &state.rules {
                Rules::Failed(why) => Some(*why),
                _ => None,
            };
            rules_pending(english, failed)
        }
        Screen::Results | Screen::Print => results::results(&state),
        Screen::Ask(_) | Screen::Waiting => html! {},
    };
    let rules_state = match state.rules {
        Rules::Loading => "loading",
        Rules::Ready(_) => "ready",
        Rules::Failed(_) => "failed",
    };
    let mut top = Raw::default();
    notice(&mut top, &state);
    let onclick = on_click(state.clone(), picks);
    let onsubmit = on_submit(state.clone());
    html! {
        <div class="app" data-rules={rules_state} {onclick} {onsubmit}>
            // ?embed=1: an office's page already has its own header.
            if !state.embedded {
                { header(english) }
            }
            { top.html() }
            <main id="main">{ body }</main>
            { footer(FooterProps {
                english,
                as_of: state.as_of(),
                date_chosen: state.as_of_override.is_some(),
                printing: state.screen == Screen::Print,
                share_link: state.share_link.as_deref(),
                confirm_clear: state.confirm_clear,
                data_date: state.catalogue().and_then(|c| c.data_date()),
            }) }
        </div>
    }
}
