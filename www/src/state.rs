//! All app state goes through one reducer. The engine decides; the state only records
//! what the worker said and where they are.

use std::rc::Rc;

use wugong::{Answers, Date, Fact, FactSet, Question, Value};
use yew::Reducible;

use crate::catalogue;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Ask(Question),
    Results,
    Print,
    /// The next step needs the rules, which are still loading.
    Waiting,
}

/// The rules file, fetched after the first screen (see `main::catalogue`).
#[derive(Clone, Debug, PartialEq)]
pub enum Rules {
    Loading,
    Ready,
    /// Why not, in one line.
    Failed(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub answers: Answers,
    /// Questions the worker said "I don't know" to: never asked again unless chosen.
    pub skipped: FactSet,
    pub screen: Screen,
    /// Screens visited, for "back".
    pub history: Vec<Screen>,
    /// Counts screen changes (tests wait on it).
    pub steps: u32,
    pub today: Date,
    /// "Check another date": evaluate as of this day instead of today.
    pub as_of_override: Option<Date>,
    pub english: bool,
    /// Text size in percent of the phone's default.
    pub text_scale: u16,
    /// One line shown at the top (a broken share link, bad stored data, …).
    pub notice: Option<String>,
    /// `?embed=1`: shown inside an office's page, without our header.
    pub embedded: bool,
    pub rules: Rules,
    /// Counts fetches of the rules file ("try again" starts another).
    pub rules_attempt: u32,
    /// The English texts of the measures have arrived (`main::english_text`).
    pub english_texts: bool,
    /// The regions file has arrived: every prefecture has its name.
    pub regions_ready: bool,
}

pub enum Action {
    /// Set (Some) or forget (None) facts, then go to the next useful question.
    Answer(Vec<(Fact, Option<Value>)>),
    /// "I don't know": leave these facts unknown and move on.
    Skip(Vec<Fact>),
    /// A screen of tick boxes (`wugong::answers::ticks`): set the facts given a value,
    /// leave the others unknown without asking them again, then move on.
    Ticks(Vec<(Fact, Option<Value>)>),
    /// Go to a question (to change an answer).
    Ask(Question),
    ShowResults,
    ShowPrint,
    Back,
    /// Forget every answer (the stored copy is cleared by the effect that saves).
    Clear,
    SetAsOf(Option<Date>),
    SetEnglish(bool),
    SetTextScale(u16),
    Notice(Option<String>),
    RulesReady,
    RulesFailed(String),
    /// The English texts arrived: show them.
    EnglishReady,
    /// The regions file arrived: show the prefectures' names.
    RegionsReady,
    RetryRules,
}

impl State {
    pub fn as_of(&self) -> Date {
        self.as_of_override.unwrap_or(self.today)
    }

    /// Where to go after an answer: the engine's next question, or the results. Before
    /// the rules arrive only the home region can be asked (it always comes first).
    pub fn next_screen(&self) -> Screen {
        let Some(catalogue) = catalogue() else {
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

    fn go(mut self, screen: Screen) -> State {
        if self.screen != screen {
            self.steps += 1;
            self.history.push(self.screen);
            if self.history.len() > 60 {
                self.history.remove(0);
            }
        }
        self.screen = screen;
        self
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        let s = match action {
            Action::Answer(pairs) => {
                for (fact, value) in pairs {
                    s.skipped.remove(fact);
                    match value {
                        Some(v) => {
                            if let Err(e) = s.answers.set(fact, v) {
                                s.notice = Some(e.to_string());
                            }
                        }
                        None => s.answers.remove(fact),
                    }
                }
                let next = s.next_screen();
                s.go(next)
            }
            Action::Ticks(pairs) => {
                for (fact, value) in pairs {
                    s.answers.remove(fact);
                    s.skipped.remove(fact);
                    match value {
                        Some(v) => {
                            if let Err(e) = s.answers.set(fact, v) {
                                s.notice = Some(e.to_string());
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
                if let Some(prev) = s.history.pop() {
                    s.screen = prev;
                    s.steps += 1;
                }
                s
            }
            Action::Clear => State {
                answers: Answers::new(),
                skipped: FactSet::new(),
                screen: Screen::Ask(Question::Home),
                history: vec![],
                steps: s.steps + 1,
                notice: None,
                ..s
            },
            Action::SetAsOf(d) => {
                s.as_of_override = d.filter(|d| *d != s.today);
                s
            }
            Action::SetEnglish(e) => {
                s.english = e;
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
            Action::RulesReady => {
                s.rules = Rules::Ready;
                if s.screen == Screen::Waiting {
                    s.screen = s.next_screen();
                    s.steps += 1;
                }
                s
            }
            Action::RegionsReady => {
                s.regions_ready = true;
                s
            }
            Action::EnglishReady => {
                s.english_texts = true;
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
        };
        Rc::new(s)
    }
}
