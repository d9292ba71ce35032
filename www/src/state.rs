//! All app state goes through one reducer. The engine decides; the state only records
//! what the worker said and where they are. Pure: no browser call, no global — the
//! catalogue arrives with `Action::RulesReady` — so `cargo test -p wugong-www` runs it
//! natively (tests at the end). The browser's history follows the screens: the reducer
//! says how (`Nav`), the app's effect does it (`app.rs`).

use std::rc::Rc;

use wugong::answers::Refusal;
use wugong::share::Shared;
use wugong::{Answers, Catalogue, Date, Fact, FactSet, Question, Value};
use yew::prelude::*;

use crate::catalogue_context::CatalogueRef;
use crate::rules_file::Failure;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Ask(Question),
    Results,
    Print,
    /// The next step needs the rules, which are still loading.
    Waiting,
}

/// The rules file, fetched after the first screen (see `rules_file.rs`).
#[derive(Clone, Debug, PartialEq)]
pub enum Rules {
    Loading,
    Ready(CatalogueRef),
    /// Why not: the network, or a damaged file.
    Failed(Failure),
}

/// How the last screen change goes into the browser's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nav {
    /// A new entry: back returns to the screen before.
    Push,
    /// Rewrite the current entry (first load, a screen that only replaced "waiting").
    Replace,
    /// The worker asked to go back: the browser goes back, and its `popstate` restores.
    Back,
    /// Nothing to record (the browser itself moved: back, forward).
    Keep,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub answers: Answers,
    /// Questions the worker said "I don't know" to: never asked again unless chosen.
    pub skipped: FactSet,
    pub screen: Screen,
    /// This screen's place in the browser's history (0: the first screen of the visit).
    pub depth: u32,
    pub nav: Nav,
    /// Counts screen changes (the history effect and tests wait on it).
    pub steps: u32,
    pub today: Date,
    /// "Check another date", or the date of a shared link: evaluate as of this day.
    pub as_of_override: Option<Date>,
    pub english: bool,
    /// Text size in percent of the phone's default.
    pub text_scale: u16,
    /// One line shown at the top (a broken share link, bad stored data, …).
    pub notice: Option<String>,
    /// What the gate refused before the answers' labels had arrived with the rules (the
    /// wasm does not carry them: `wugong::labels::set`): said in the notice once
    /// they have (`State::say_refused`).
    pub refused: Vec<Refusal>,
    /// `?embed=1`: shown inside an office's page, without our header.
    pub embedded: bool,
    /// Showing answers from someone's share link: kept in memory only, never over the
    /// worker's own saved answers, until she taps "存成我的" (`Action::KeepShared`).
    pub shared: bool,
    /// The day a shared link was made, when not today: the result is worked out for
    /// today, and the banner offers that day instead (issue 14: a result is for a date).
    pub shared_on: Option<Date>,
    /// Whether answers and settings may be written to the phone's storage. Not for a
    /// share link (above), nor inside a frame or with `?embed=1` before a tap inside it:
    /// another site's page must not be able to plant answers (issue 15, D5).
    pub save: bool,
    pub rules: Rules,
    /// Counts fetches of the rules file ("try again" starts another).
    pub rules_attempt: u32,
    /// The English file has arrived (`rules_file::english_text`: the measures' texts and
    /// the questions' words) or failed for good (they stay Chinese). Until then an
    /// English reader's screens after the first wait with the rules.
    pub english_texts: bool,
    /// The regions file has arrived: every prefecture has its name.
    pub regions_ready: bool,
    /// The regions file did not arrive whole: the county picker offers to try again.
    pub regions_failed: bool,
    /// Counts fetches of the regions file (its "try again" starts another).
    pub regions_attempt: u32,
    // What the screens' inputs hold until they are answered. Here rather than in
    // components of their own: the app is the widget's only component (each component
    // type cost about 0.8 KB gzip of Yew's machinery, see `results/mod.rs`).
    /// The boxes ticked on this screen of tick boxes (`None`: as the answers say).
    pub ticking: Option<Vec<Fact>>,
    /// Why the value typed on this screen was not taken.
    pub input_error: Option<String>,
    /// The share link made by "share" (shown to copy by hand).
    pub share_link: Option<String>,
    /// "Clear my answers" was tapped once: the next tap clears.
    pub confirm_clear: bool,
    /// "大约还有 N 题": the smallest count shown on this walk — it never rises (a tick
    /// can open questions); counted afresh on the first question (`None`: no rules yet).
    pub left: Option<usize>,
    /// A region list brought back by the browser's back or forward (`Some(None)`: the
    /// provinces); else the list follows the answer (`State::region_list`).
    pub region_restored: Option<Option<&'static str>>,
}

pub enum Action {
    /// Set (Some) or forget (None) facts, then go to the next useful question.
    Answer(Vec<(Fact, Option<Value>)>),
    /// "I don't know": leave these facts unknown and move on.
    Skip(Vec<Fact>),
    /// A screen of tick boxes (`wugong::implication::ticks`): set the facts given a value,
    /// leave the others unknown without asking them again, then move on.
    Ticks(Vec<(Fact, Option<Value>)>),
    /// Go to a question (to change an answer).
    Ask(Question),
    ShowResults,
    ShowPrint,
    /// The back button: the browser goes back (its history holds the screens).
    Back,
    /// The browser moved to one of our history entries (back, forward).
    Restore {
        screen: Screen,
        depth: u32,
        /// On a region screen, the list it showed (`State::region_list`).
        list: Option<&'static str>,
    },
    /// Forget every answer (the stored copy is cleared by the effect that saves).
    Clear,
    SetAsOf(Option<Date>),
    SetEnglish(bool),
    SetTextScale(u16),
    Notice(Option<String>),
    RulesReady(CatalogueRef),
    RulesFailed(Failure),
    /// The English texts arrived: show them.
    EnglishReady,
    /// The regions file arrived: show the prefectures' names.
    RegionsReady,
    RetryRules,
    /// "存成我的": the shared answers become the worker's own, and are saved.
    KeepShared,
    /// The regions file did not arrive whole.
    RegionsFailed,
    RetryRegions,
    /// A tick box changed, on a screen of them (`ticked`: the boxes ticked when the
    /// screen opened); nothing is answered until "OK".
    Tick {
        fact: Fact,
        ticked: Vec<Fact>,
    },
    /// The value typed was not taken, and why.
    InputError(String),
    ShareLink(String),
    /// "Clear my answers", tapped the first time.
    ConfirmClear,
}

impl State {
    /// A fresh state on `today`, on the first question.
    pub fn new(today: Date) -> State {
        State {
            answers: Answers::new(),
            skipped: FactSet::new(),
            screen: Screen::Ask(Question::Home),
            depth: 0,
            nav: Nav::Replace,
            steps: 0,
            today,
            as_of_override: None,
            english: false,
            text_scale: 100,
            notice: None,
            refused: Vec::new(),
            embedded: false,
            shared: false,
            shared_on: None,
            save: true,
            rules: Rules::Loading,
            rules_attempt: 0,
            english_texts: false,
            regions_ready: false,
            regions_failed: false,
            regions_attempt: 0,
            ticking: None,
            input_error: None,
            share_link: None,
            confirm_clear: false,
            left: None,
            region_restored: None,
        }
    }

    pub fn as_of(&self) -> Date {
        self.as_of_override.unwrap_or(self.today)
    }

    pub fn catalogue(&self) -> Option<&'static Catalogue> {
        match self.rules {
            Rules::Ready(c) => Some(c.0),
            _ => None,
        }
    }

    /// Where to go after an answer: the engine's next question, or the results. Before
    /// the rules arrive only the home region can be asked (it always comes first).
    pub fn next_screen(&self) -> Screen {
        let Some(catalogue) = self.catalogue() else {
            let region_open = self.answers.get(Fact::HomeRegion).is_none()
                && !self.skipped.contains(Fact::HomeRegion);
            return if region_open {
                Screen::Ask(Question::Home)
            } else {
                Screen::Waiting
            };
        };
        match catalogue.next_question(&self.answers, self.as_of(), &self.skipped) {
            Some(f) => Screen::Ask(f.question()),
            None => Screen::Results,
        }
    }

    /// The one gate (issue 14) for what arrived without the question screen — a share
    /// link, the stored answers, a date in the address or the history: the date must be
    /// in range and every answer possible on it (`Shared::gate`). Each value left out is
    /// said in the notice, after `refused` (what was refused before: `?date=`); the rest
    /// opens.
    pub fn gate(&mut self, mut refused: Vec<Refusal>) {
        let mut shared = Shared {
            answers: std::mem::take(&mut self.answers),
            as_of: self.as_of_override,
        };
        shared.gate(self.today, &mut refused);
        self.answers = shared.answers;
        self.as_of_override = shared.as_of;
        self.refused.append(&mut refused);
        self.say_refused();
    }

    /// Adds what the gate refused to the notice once the answers' labels are there in
    /// the reader's language: the rules file's Chinese, and for English the English file
    /// (or, if that failed, the Chinese labels).
    ///
    /// A refusal that names no answer (the date to work out for) needs no label: it is
    /// said at once, so a refused `?date=` is said even if the rules never arrive.
    pub fn say_refused(&mut self) {
        let ready = wugong::fact::labels_ready(self.english)
            || (self.english_texts && wugong::fact::labels_ready(false));
        let (now, later) = std::mem::take(&mut self.refused)
            .into_iter()
            .partition::<Vec<_>, _>(|r| ready || r.fact.is_none());
        self.refused = later;
        for r in now {
            let notice = self.notice.get_or_insert_with(String::new);
            if !notice.is_empty() {
                notice.push(' ');
            }
            notice.push_str(&r.text(self.english));
        }
    }

    /// On a region screen, the region whose places are listed (`None`: the provinces):
    /// the answer's, when it has places inside, unless the history brought a list back.
    pub fn region_list(&self) -> Option<&'static str> {
        if let Some(list) = self.region_restored {
            return list;
        }
        let Screen::Ask(q) = self.screen else {
            return None;
        };
        match self.answers.get(q.facts()[0]) {
            Some(Value::Region(c)) => {
                Some(c).filter(|c| wugong::region::children(Some(c)).next().is_some())
            }
            _ => None,
        }
    }

    /// Moves to `screen` as a new history entry; the same screen again is one only for
    /// another region list (the next level: back returns to the list before).
    fn go(self, screen: Screen) -> State {
        let list = self.region_list();
        self.go_from(screen, list)
    }

    /// [`State::go`] from the region list shown before the answer (`list`).
    fn go_from(mut self, screen: Screen, list: Option<&'static str>) -> State {
        // A screen's inputs start afresh, the same screen's too (the next region level).
        self.ticking = None;
        self.input_error = None;
        self.region_restored = None;
        if self.screen != screen || self.region_list() != list {
            self.steps += 1;
            // "Waiting for the rules" is never an entry of its own.
            if self.screen == Screen::Waiting {
                self.nav = Nav::Replace;
            } else {
                self.depth += 1;
                self.nav = Nav::Push;
            }
            self.screen = screen;
        }
        self
    }
}

/// One plain line for an answer the engine refused (it never shows the engine's words,
/// which name facts by their identifiers).
pub fn refused_answer(english: bool) -> String {
    crate::text::tr(
        english,
        "这个回答没有记下，请重新填写。",
        "That answer was not saved; please enter it again.",
    )
    .into()
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(reduce((*self).clone(), action))
    }
}

/// The reducer itself, on plain values; then the count of questions left, which only
/// goes down until the walk starts again on the first question.
pub fn reduce(s: State, action: Action) -> State {
    let mut s = step(s, action);
    if let (Screen::Ask(q), Some(c)) = (s.screen, s.catalogue()) {
        let now = c.questions_left(&s.answers, s.as_of(), &s.skipped);
        s.left = Some(match s.left {
            Some(shown) if q != Question::Home => shown.min(now),
            _ => now,
        });
    }
    s
}

fn step(mut s: State, action: Action) -> State {
    // A tap of the worker's own inside the page: from now on it may save (a share link's
    // answers wait for "存成我的"; "清除" ends the shared view).
    if matches!(action, Action::KeepShared | Action::Clear)
        || (!s.shared
            && matches!(
                action,
                Action::Answer(_)
                    | Action::Ticks(_)
                    | Action::Skip(_)
                    | Action::SetAsOf(_)
                    | Action::SetEnglish(_)
                    | Action::SetTextScale(_)
            ))
    {
        s.shared = false;
        s.save = true;
    }
    match action {
        Action::Answer(pairs) => {
            let list = s.region_list();
            for (fact, value) in pairs {
                s.skipped.remove(fact);
                match value {
                    Some(v) => {
                        if s.answers.set(fact, v).is_err() {
                            s.notice = Some(refused_answer(s.english));
                        }
                    }
                    None => s.answers.remove(fact),
                }
            }
            let next = s.next_screen();
            s.go_from(next, list)
        }
        Action::Ticks(pairs) => {
            for (fact, value) in pairs {
                s.answers.remove(fact);
                s.skipped.remove(fact);
                match value {
                    Some(v) => {
                        if s.answers.set(fact, v).is_err() {
                            s.notice = Some(refused_answer(s.english));
                        }
                    }
                    None => {
                        s.skipped.insert(fact);
                    }
                }
            }
            let next = s.next_screen();
            s.go(next)
        }
        Action::Skip(facts) => {
            s.skipped.extend(facts);
            let next = s.next_screen();
            s.go(next)
        }
        Action::Ask(q) => s.go(Screen::Ask(q)),
        Action::ShowResults => s.go(Screen::Results),
        Action::ShowPrint => s.go(Screen::Print),
        Action::Back => {
            if s.depth > 0 {
                s.nav = Nav::Back;
                s.steps += 1;
            }
            s
        }
        Action::Restore {
            screen,
            depth,
            list,
        } => {
            s.region_restored = Some(list);
            s.screen = match screen {
                // Waiting is never stored; a stored question waits for the rules itself.
                Screen::Waiting => s.next_screen(),
                other => other,
            };
            s.depth = depth;
            s.ticking = None;
            s.input_error = None;
            s.nav = Nav::Keep;
            s.steps += 1;
            s
        }
        Action::Clear => {
            let cleared = State {
                answers: Answers::new(),
                skipped: FactSet::new(),
                notice: None,
                refused: Vec::new(),
                share_link: None,
                confirm_clear: false,
                ..s
            };
            cleared.go(Screen::Ask(Question::Home))
        }
        Action::SetAsOf(d) => {
            // The other-date box: a date out of range, or one on which an answer cannot
            // be true, is not used; the answers stay (issue 14).
            if let Some(r) = d.and_then(|d| s.answers.date_refused(d)) {
                s.notice = Some(r.text(s.english));
                return s;
            }
            s.as_of_override = d.filter(|d| *d != s.today);
            // Record the date in this history entry (reload keeps it).
            s.nav = Nav::Replace;
            s.steps += 1;
            s
        }
        Action::SetEnglish(e) => {
            s.english = e;
            s.say_refused();
            s
        }
        Action::SetTextScale(p) => {
            s.text_scale = p.clamp(100, 200);
            s
        }
        Action::Notice(n) => {
            s.notice = n;
            s
        }
        Action::RulesReady(catalogue) => {
            s.rules = Rules::Ready(catalogue);
            s.say_refused();
            if s.screen == Screen::Waiting {
                s.screen = s.next_screen();
                s.nav = Nav::Replace;
                s.steps += 1;
            }
            s
        }
        Action::EnglishReady => {
            s.english_texts = true;
            s.say_refused();
            s
        }
        Action::RegionsReady => {
            s.regions_ready = true;
            s
        }
        Action::RulesFailed(why) => {
            s.rules = Rules::Failed(why);
            s
        }
        Action::RetryRules => {
            s.rules = Rules::Loading;
            s.rules_attempt += 1;
            s
        }
        Action::KeepShared => s,
        Action::RegionsFailed => {
            s.regions_failed = true;
            s
        }
        Action::RetryRegions => {
            s.regions_failed = false;
            s.regions_attempt += 1;
            s
        }
        Action::Tick { fact, ticked } => {
            let v = s.ticking.get_or_insert(ticked);
            match v.iter().position(|x| *x == fact) {
                Some(i) => {
                    v.remove(i);
                }
                None => v.push(fact),
            }
            s
        }
        Action::InputError(why) => {
            s.input_error = Some(why);
            s
        }
        Action::ShareLink(link) => {
            s.share_link = Some(link);
            s
        }
        Action::ConfirmClear => {
            s.confirm_clear = true;
            s
        }
    }
}

#[cfg(test)]
#[path = "state_tests.rs"]
mod tests;
