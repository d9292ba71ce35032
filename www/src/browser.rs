//! The few browser services the widget uses: storage, the address bar, speech, the
//! clipboard, printing. Each fails quietly (returns None/false) where the browser lacks it.

use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wugong::Date;

/// Versioned keys: a later format uses a new key and ignores these.
pub const ANSWERS_KEY: &str = "wugong.answers.v1";
pub const SETTINGS_KEY: &str = "wugong.settings.v1";

#[cfg(target_arch = "wasm32")]
fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Natively (the first question written into index.html at build time, `main.rs`) there
/// is no browser: every service below reports itself missing, as in a private mode.
#[cfg(not(target_arch = "wasm32"))]
fn window() -> Option<web_sys::Window> {
    None
}

fn storage() -> Option<web_sys::Storage> {
    // Private modes and some in-app browsers throw on access: treat as no storage.
    window()?.local_storage().ok().flatten()
}

pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Stores a value; false when the phone refused it (its storage is full). Where there
/// is no storage at all (private modes) there is nothing to say: true.
pub fn save(key: &str, value: &str) -> bool {
    storage().is_none_or(|s| s.set_item(key, value).is_ok())
}

pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// The URL fragment without '#', percent-decoded.
pub fn fragment() -> Option<String> {
    let hash = window()?.location().hash().ok()?;
    let raw = hash.strip_prefix('#')?;
    if raw.is_empty() {
        return None;
    }
    js_sys::decode_uri_component(raw)
        .ok()
        .and_then(|s| s.as_string())
        .or_else(|| Some(raw.to_string()))
}

/// Removes the fragment from the address bar without reloading.
pub fn clear_fragment() {
    if let Some(w) = window() {
        if let (Ok(history), Ok(path), Ok(search)) =
            (w.history(), w.location().pathname(), w.location().search())
        {
            let _ = history.replace_state_with_url(
                &JsValue::NULL,
                "",
                Some(&format!("{path}{search}")),
            );
        }
    }
}

/// Records where the worker is in the browser's history: a new entry (back returns to
/// the one before) or the current one rewritten. The state is a short string
/// (`place.rs`); the address stays as it is.
pub fn record_place(place: &str, new_entry: bool) {
    let Some(history) = window().and_then(|w| w.history().ok()) else {
        return;
    };
    let state = JsValue::from_str(place);
    let _ = if new_entry {
        history.push_state(&state, "")
    } else {
        history.replace_state(&state, "")
    };
}

/// What [`record_place`] stored in the current entry (after a reload), if anything.
pub fn current_place() -> Option<String> {
    window()?.history().ok()?.state().ok()?.as_string()
}

pub fn go_back() {
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.back();
    }
}

/// Calls `f` with the entry's stored place whenever the browser moves through the
/// history (back, forward, Android's back button). For the page's whole life.
pub fn on_history_move(f: impl Fn(Option<String>) + 'static) {
    use wasm_bindgen::closure::Closure;
    let Some(w) = window() else { return };
    let listener = Closure::<dyn Fn()>::new(move || f(current_place()));
    let _ = w.add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// A file of this build named by `<meta name="wugong-…">` in index.html (the rules files,
/// written there by scripts/post_build.mjs with their hashed names).
pub fn file_named(meta: &str) -> Option<String> {
    window()?
        .document()?
        .query_selector(&format!("meta[name={meta}]"))
        .ok()??
        .get_attribute("content")
        .filter(|u| !u.is_empty())
}

/// Fetches a file from this site: None when the network or the server failed (no
/// answer, or not 200). What went wrong is not kept: the worker is told in her words.
pub async fn fetch_bytes(url: &str) -> Option<Vec<u8>> {
    use wasm_bindgen_futures::JsFuture;
    let response: web_sys::Response = JsFuture::from(window()?.fetch_with_str(url))
        .await
        .ok()?
        .unchecked_into();
    if response.status() != 200 {
        return None;
    }
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// True when this build's service worker serves the page, so it opens offline. False in
/// browsers without service workers (iOS in-app browsers) and on the very first visit.
pub fn offline_ready() -> bool {
    let Some(w) = window() else { return false };
    let nav = w.navigator();
    js_sys::Reflect::get(&nav, &JsValue::from_str("serviceWorker"))
        .ok()
        .filter(|sw| !sw.is_undefined())
        .and_then(|sw| js_sys::Reflect::get(&sw, &JsValue::from_str("controller")).ok())
        .is_some_and(|c| !c.is_null() && !c.is_undefined())
}

/// A tap on the first question written into index.html, made before the app had
/// loaded: `www/early.js` keeps the button's `data-testid`; the same button is tapped
/// now, on the app's first screen (`replay`: it is the same screen), or forgotten. Once
/// a page: the app is mounted once.
pub fn early_tap(replay: bool) {
    let Some(w) = window() else { return };
    let Some(id) = js_sys::Reflect::get(&w, &JsValue::from_str("wugongTap"))
        .ok()
        .and_then(|v| v.as_string())
    else {
        return;
    };
    if let Some(button) = w.document().filter(|_| replay).and_then(|d| {
        d.query_selector(&format!("[data-testid=\"{id}\"]"))
            .ok()
            .flatten()
    }) {
        button.unchecked_into::<web_sys::HtmlElement>().click();
    }
}

/// The button a click was on (or inside), for a handler of a whole screen.
pub fn clicked_button(e: &web_sys::MouseEvent) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    let el = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    el.closest("button").ok().flatten()
}

/// The first input of the form an event came from (a submit).
pub fn form_input(e: &web_sys::Event) -> Option<web_sys::HtmlInputElement> {
    e.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .query_selector("input")
        .ok()??
        .dyn_into()
        .ok()
}

/// A query parameter of the page address (`?date=…`, `?lang=en`).
pub fn query_param(name: &str) -> Option<String> {
    let search = window()?.location().search().ok()?;
    search.trim_start_matches('?').split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == name).then(|| {
            js_sys::decode_uri_component(v)
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_default()
        })
    })
}

/// The page address without fragment, for share links.
pub fn page_address() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .map(|h| h.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn today() -> Date {
    Date::today_utc()
}

#[cfg(target_arch = "wasm32")]
pub fn today() -> Date {
    let d = js_sys::Date::new_0();
    Date::new(
        d.get_full_year() as i32,
        d.get_month() as u8 + 1,
        d.get_date() as u8,
    )
    // A phone's clock always gives a valid day. (Not `unwrap`: formatting the error
    // would bring Debug into the wasm.)
    .unwrap_or_else(|_| match Date::new(2026, 1, 1) {
        Ok(d) => d,
        Err(_) => unreachable!(),
    })
}

/// Natively true: the page written at build time has the read-aloud button, which the
/// page's first script hides where the browser cannot speak (`www/early.js`).
pub fn speech_available() -> bool {
    if cfg!(not(target_arch = "wasm32")) {
        return true;
    }
    let Some(w) = window() else { return false };
    js_sys::Reflect::has(&w, &JsValue::from_str("speechSynthesis")).unwrap_or(false)
        && js_sys::Reflect::has(&w, &JsValue::from_str("SpeechSynthesisUtterance")).unwrap_or(false)
}

pub fn speak(text: &str, english: bool) {
    if !speech_available() {
        return;
    }
    let Some(synth) = window().and_then(|w| w.speech_synthesis().ok()) else {
        return;
    };
    synth.cancel();
    if let Ok(u) = web_sys::SpeechSynthesisUtterance::new_with_text(text) {
        u.set_lang(if english { "en-US" } else { "zh-CN" });
        u.set_rate(0.9);
        synth.speak(&u);
    }
}

pub fn print() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}

/// Copies text; returns false where the clipboard API is missing (then the text is
/// shown selected for a long-press copy).
pub fn copy(text: &str) -> bool {
    let Some(w) = window() else { return false };
    let nav = w.navigator();
    if !js_sys::Reflect::has(&nav, &JsValue::from_str("clipboard")).unwrap_or(false) {
        return false;
    }
    let _ = nav.clipboard().write_text(text);
    true
}

pub fn set_root_font_size(percent: u16) {
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        if let Ok(el) = root.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.style().set_property("font-size", &format!("{percent}%"));
        }
    }
}

pub fn set_document_lang(english: bool) {
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", if english { "en" } else { "zh-CN" });
    }
}

/// A new screen starts at its top. Inside a frame, whose page scrolls rather than the
/// frame, the new question is scrolled into view of that page (not on the first screen:
/// the office's page does not jump on load).
pub fn scroll_to_top(changed: bool) {
    let Some(w) = window() else { return };
    if !framed() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    } else if let Some(main) = w
        .document()
        .and_then(|d| d.get_element_by_id("main"))
        .filter(|_| changed)
    {
        main.scroll_into_view();
    }
}

/// True inside a frame (another page shows the widget).
pub fn framed() -> bool {
    let Some(w) = window() else { return false };
    match w.parent() {
        Ok(Some(parent)) => !js_sys::Object::is(&parent, &w),
        _ => false,
    }
}

/// In an iframe, tells the parent page how tall the widget is, so it can fit it without
/// a scroll bar. Only the height is sent — never an answer.
pub fn post_height_to_parent() {
    let Some(w) = window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    if js_sys::Object::is(&parent, &w) {
        return;
    }
    // The content's own height (the root's box), not the scroll height, which is never
    // less than the frame's current height: a shorter screen gets a shorter frame.
    let Some(height) = w
        .document()
        .and_then(|d| d.document_element())
        .map(|e| e.unchecked_into::<web_sys::HtmlElement>().offset_height())
    else {
        return;
    };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &message,
        &JsValue::from_str("type"),
        &JsValue::from_str("wugong-height"),
    );
    let _ = js_sys::Reflect::set(
        &message,
        &JsValue::from_str("height"),
        &JsValue::from(height),
    );
    let _ = parent.post_message(&message, "*");
}
