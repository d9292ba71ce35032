//! The reducer, natively (`cargo test -p wugong-www`), on a small catalogue built here.

use wugong::condition::{Check, Condition, Test};
use wugong::policy::{Audience, Document, Kind, Measure};
use wugong::{Catalogue, Date, Fact, Question, Value};

use super::*;
use crate::catalogue_context::CatalogueRef;
use crate::place::Place;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn is(fact: Fact) -> Condition {
    Condition::Test(Test {
        fact,
        check: Check::Is(true),
    })
}

/// One subsidy for veterans who work in a workshop.
fn rules() -> CatalogueRef {
    let measure = Measure {
        title: "补贴".into(),
        title_en: "subsidy".into(),
        ..Measure::bare(
            "money",
            Kind::Subsidy,
            Audience::Worker,
            Condition::All(vec![is(Fact::Veteran), is(Fact::WorkshopJob)]),
        )
    };
    let mut catalogue =
        Catalogue::new(vec![Document::bare("53", d("2020-01-01"), vec![measure])]).unwrap();
    // policies/data/implications.toml's: 脱贫人口 counts as 建档立卡.
    catalogue.implications = vec![wugong::implication::Implication {
        when: Fact::Tuopin,
        then: Fact::Jiandang,
        documents: vec!["test".into()],
    }];
    CatalogueRef::keep(catalogue)
}

fn start() -> State {
    State::new(d("2024-06-01"))
}

fn answer(s: State, fact: Fact, v: Value) -> State {
    reduce(s, Action::Answer(vec![(fact, Some(v))]))
}

/// On the events screen (right after the home region), "只是看看我能领什么".
fn just_looking(s: State) -> State {
    assert_eq!(s.screen, Screen::Ask(Question::Events));
    let events = Question::Events.facts();
    let ticks = s
        .catalogue()
        .map(|c| c.ticks(&events, &[], true))
        .unwrap_or_default();
    reduce(s, Action::Ticks(ticks))
}

#[test]
fn before_the_rules_only_the_region_is_asked_then_it_waits() {
    let s = start();
    assert_eq!(s.screen, Screen::Ask(Question::Home));
    let s = answer(s, Fact::HomeRegion, Value::Region("53"));
    assert_eq!(s.screen, Screen::Waiting);
    assert_eq!((s.depth, s.nav), (1, Nav::Push));
    // The rules arrive: the waiting entry becomes the next question, not a new entry.
    let s = reduce(s, Action::RulesReady(rules()));
    assert_eq!(s.screen, Screen::Ask(Question::Events));
    assert_eq!((s.depth, s.nav), (1, Nav::Replace));
    let s = just_looking(s);
    assert_eq!(s.screen, Screen::Ask(Question::Groups));
    assert_eq!((s.depth, s.nav), (2, Nav::Push));
}

#[test]
fn each_answer_is_a_new_history_entry_and_back_goes_through_the_browser() {
    let mut s = start();
    s = reduce(s, Action::RulesReady(rules()));
    s = answer(s, Fact::HomeRegion, Value::Region("53"));
    assert_eq!(
        (s.screen, s.depth, s.nav),
        (Screen::Ask(Question::Events), 1, Nav::Push)
    );
    s = just_looking(s);
    assert_eq!(
        (s.screen, s.depth, s.nav),
        (Screen::Ask(Question::Groups), 2, Nav::Push)
    );
    let steps = s.steps;
    s = answer(s, Fact::Veteran, Value::Bool(true));
    assert_eq!((s.screen, s.depth), (Screen::Ask(Question::Workshop), 3));
    assert!(s.steps > steps);
    // Back asks the browser; its popstate brings the entry back.
    s = reduce(s, Action::Back);
    assert_eq!(s.nav, Nav::Back);
    assert_eq!(
        s.screen,
        Screen::Ask(Question::Workshop),
        "unchanged until popstate"
    );
    s = reduce(
        s,
        Action::Restore {
            screen: Screen::Ask(Question::Groups),
            depth: 2,
            list: None,
        },
    );
    assert_eq!(
        (s.screen, s.depth, s.nav),
        (Screen::Ask(Question::Groups), 2, Nav::Keep)
    );
    // Forward: the same.
    s = reduce(
        s,
        Action::Restore {
            screen: Screen::Ask(Question::Workshop),
            list: None,
            depth: 3,
        },
    );
    assert_eq!(s.screen, Screen::Ask(Question::Workshop));
    // The answers stay whatever the browser does.
    assert_eq!(s.answers.get(Fact::Veteran), Some(Value::Bool(true)));
    s = answer(s, Fact::WorkshopJob, Value::Bool(true));
    assert_eq!((s.screen, s.depth), (Screen::Results, 4));
}

#[test]
fn at_the_first_screen_back_does_nothing() {
    let s = reduce(start(), Action::Back);
    assert_eq!((s.screen, s.depth), (Screen::Ask(Question::Home), 0));
    assert_ne!(s.nav, Nav::Back);
}

#[test]
fn i_dont_know_moves_on_and_is_remembered() {
    let mut s = reduce(start(), Action::RulesReady(rules()));
    s = answer(s, Fact::HomeRegion, Value::Region("53"));
    s = just_looking(s);
    s = reduce(s, Action::Skip(Question::Groups.facts()));
    assert!(s.skipped.contains(Fact::Veteran));
    // The subsidy needs the skipped answer: nothing else is worth asking.
    assert_eq!(s.screen, Screen::Results);
    // Answering it later takes it off the skipped list.
    s = reduce(s, Action::Ask(Question::Groups));
    s = answer(s, Fact::Veteran, Value::Bool(true));
    assert!(!s.skipped.contains(Fact::Veteran));
    assert_eq!(s.screen, Screen::Ask(Question::Workshop));
}

#[test]
fn the_next_question_comes_from_the_state_s_rules_not_a_global() {
    let s = answer(start(), Fact::HomeRegion, Value::Region("44"));
    assert_eq!(s.screen, Screen::Waiting);
    let s = reduce(s, Action::RulesReady(rules()));
    // Guangdong: the Yunnan subsidy does not apply, nothing to ask after the events.
    let s = just_looking(s);
    assert_eq!(s.screen, Screen::Results);
}

#[test]
fn clear_forgets_everything_and_starts_again() {
    let mut s = reduce(start(), Action::RulesReady(rules()));
    s = answer(s, Fact::HomeRegion, Value::Region("53"));
    s = reduce(s, Action::Skip(vec![Fact::Veteran]));
    s = reduce(s, Action::Clear);
    assert!(s.answers.is_empty() && s.skipped.is_empty());
    assert_eq!((s.screen, s.nav), (Screen::Ask(Question::Home), Nav::Push));
}

#[test]
fn a_refused_answer_is_said_plainly() {
    let s = answer(start(), Fact::Age, Value::Count(5000));
    let notice = s.notice.unwrap();
    assert!(!notice.contains("age") && !notice.contains('_'), "{notice}");
}

#[test]
fn another_date_is_recorded_in_the_current_entry() {
    let s = reduce(start(), Action::SetAsOf(Some(d("2022-08-01"))));
    assert_eq!(s.as_of(), d("2022-08-01"));
    assert_eq!(s.nav, Nav::Replace);
    let s = reduce(s, Action::SetAsOf(Some(d("2024-06-01"))));
    assert_eq!(s.as_of_override, None, "today is no override");
}

#[test]
fn unticked_boxes_stay_unknown_and_are_not_asked_again() {
    let rules = rules();
    let s = reduce(start(), Action::RulesReady(rules));
    let s = just_looking(answer(s, Fact::HomeRegion, Value::Region("53")));
    let screen = Question::Groups.facts();
    let s = reduce(
        s,
        Action::Ticks(rules.0.ticks(&screen, &[Fact::Veteran], false)),
    );
    assert_eq!(s.answers.get(Fact::Veteran), Some(Value::Bool(true)));
    assert_eq!(
        s.answers.get(Fact::Tuopin),
        None,
        "unticked is unknown, not no"
    );
    assert!(s.skipped.contains(Fact::Tuopin));
    assert_ne!(s.screen, Screen::Ask(Question::Groups));
    // 其他都没有: no, but for what a ticked box implies (脱贫人口 → 建档立卡).
    let s = reduce(
        s,
        Action::Ticks(rules.0.ticks(&screen, &[Fact::Tuopin], true)),
    );
    assert_eq!(s.answers.get(Fact::Veteran), Some(Value::Bool(false)));
    assert_eq!(s.answers.get(Fact::Jiandang), None);
}

/// Issue 14: the other-date box passes the one gate. A date out of range, or one on
/// which an answer cannot be true, is said plainly and not used; the answers stay.
#[test]
fn another_date_passes_the_gate() {
    let s = answer(start(), Fact::InjuryDate, Value::Date(d("2024-05-01")));
    let s = reduce(s, Action::SetAsOf(Some(d("2024-01-01"))));
    let notice = s.notice.clone().unwrap();
    assert!(
        notice.contains("还没到") && notice.ends_with("这个日期没有用上。"),
        "{notice}"
    );
    assert!(!notice.contains("injury_date"), "{notice}");
    assert_eq!(s.as_of_override, None);
    assert_eq!(
        s.answers.get(Fact::InjuryDate),
        Some(Value::Date(d("2024-05-01")))
    );
    let s = reduce(s, Action::SetAsOf(Some(Date::new(9999, 12, 31).unwrap())));
    assert!(
        s.notice.clone().unwrap().contains("9999-12-31没有用上"),
        "{:?}",
        s.notice
    );
    assert_eq!(s.as_of_override, None);
    let s = reduce(s, Action::SetAsOf(Some(d("2024-05-01"))));
    assert_eq!(s.as_of_override, Some(d("2024-05-01")));
}

/// Issue 14: what a link, storage or the address brings passes the same gate: each
/// value left out is said after any notice already there, and the rest opens.
#[test]
fn a_link_or_stored_answers_pass_the_gate_and_the_rest_opens() {
    let mut s = start();
    s.answers
        .set(Fact::HomeRegion, Value::Region("53"))
        .unwrap();
    s.answers
        .set(Fact::InjuryDate, Value::Date(d("2027-06-01")))
        .unwrap();
    s.as_of_override = Some(Date::new(9999, 12, 31).unwrap());
    s.notice = Some("先说的。".into());
    s.gate(vec![]);
    assert_eq!(s.as_of_override, None);
    assert_eq!(s.answers.get(Fact::InjuryDate), None);
    assert_eq!(s.answers.get(Fact::HomeRegion), Some(Value::Region("53")));
    let notice = s.notice.unwrap();
    assert!(notice.starts_with("先说的。"), "{notice}");
    assert!(notice.contains("9999-12-31没有用上"), "{notice}");
    assert!(notice.ends_with("这一项没有用上。"), "{notice}");
    // Nothing to say: no notice.
    let mut s = start();
    s.gate(vec![]);
    assert_eq!(s.notice, None);
}

/// Issue 15, D5: a share link's answers are not saved over the worker's own until she
/// taps "存成我的", whatever else she taps; "清除" ends the shared view.
#[test]
fn shared_answers_are_saved_only_when_kept() {
    let mut s = start();
    s.shared = true;
    s.save = false;
    let s = reduce(s, Action::RulesReady(rules()));
    let s = reduce(
        s,
        Action::Answer(vec![(Fact::Veteran, Some(Value::Bool(true)))]),
    );
    assert!(
        s.shared && !s.save,
        "an answer inside a shared view saves nothing"
    );
    let s = reduce(s, Action::SetEnglish(true));
    assert!(!s.save);
    let kept = reduce(s.clone(), Action::KeepShared);
    assert!(!kept.shared && kept.save);
    assert_eq!(kept.answers, s.answers, "kept as they were");
    let cleared = reduce(s, Action::Clear);
    assert!(!cleared.shared && cleared.save);
}

/// Issue 15, D5: inside a frame nothing is saved before a tap inside it.
#[test]
fn a_framed_page_saves_after_a_tap_only() {
    let mut s = start();
    s.save = false;
    let s = reduce(s, Action::RulesReady(rules()));
    assert!(!s.save, "arriving rules are not a tap");
    let s = reduce(
        s,
        Action::Answer(vec![(Fact::Veteran, Some(Value::Bool(true)))]),
    );
    assert!(s.save);
}

/// What the screens' inputs hold lives in the state (the app is the only component):
/// ticks start from the answers and are dropped on the next screen, a refused value's
/// reason too; clearing forgets the share link and the confirmation.
#[test]
fn inputs_held_until_answered() {
    let mut s = State::new(d("2026-06-01"));
    s = reduce(s, Action::RulesReady(rules()));
    s = reduce(s, Action::Ask(Question::Groups));
    let answered = vec![Fact::Veteran];
    s = reduce(
        s,
        Action::Tick {
            fact: Fact::Tuopin,
            ticked: answered.clone(),
        },
    );
    assert_eq!(s.ticking, Some(vec![Fact::Veteran, Fact::Tuopin]));
    s = reduce(
        s,
        Action::Tick {
            fact: Fact::Veteran,
            ticked: answered,
        },
    );
    assert_eq!(s.ticking, Some(vec![Fact::Tuopin]));
    s = reduce(s, Action::InputError("why".into()));
    s = reduce(s, Action::Skip(Question::Groups.facts()));
    assert_eq!((s.ticking.clone(), s.input_error.clone()), (None, None));
    s = reduce(s, Action::ShareLink("link".into()));
    s = reduce(s, Action::ConfirmClear);
    assert!(s.confirm_clear);
    s = reduce(s, Action::Clear);
    assert_eq!((s.share_link.clone(), s.confirm_clear), (None, false));
}

#[test]
fn the_count_of_questions_left_never_rises_until_the_first_question() {
    let mut s = reduce(start(), Action::RulesReady(rules()));
    let counted = |s: &State| {
        s.catalogue()
            .unwrap()
            .questions_left(&s.answers, s.as_of(), &s.skipped)
    };
    assert_eq!(s.left, Some(counted(&s)));
    s = answer(s, Fact::HomeRegion, Value::Region("53"));
    s = just_looking(s);
    assert_eq!(s.screen, Screen::Ask(Question::Groups));
    let at_groups = s.left.unwrap();
    assert_eq!(at_groups, counted(&s));
    // Not a veteran: nothing left to ask; then changed back to yes: the engine counts
    // one more question again, the screen does not.
    s = answer(s, Fact::Veteran, Value::Bool(false));
    s = reduce(s, Action::Ask(Question::Groups));
    assert_eq!(s.left, Some(0));
    s = answer(s, Fact::Veteran, Value::Bool(true));
    assert_eq!(s.screen, Screen::Ask(Question::Workshop));
    assert!(counted(&s) > 0);
    assert_eq!(s.left, Some(0), "never rises");
    // Clearing starts a new walk: counted afresh.
    s = reduce(s, Action::Clear);
    assert_eq!(s.left, Some(counted(&s)));
    assert!(s.left.unwrap() > 0);
}

#[test]
fn each_region_level_is_a_history_entry() {
    // A document of 曲靖 only: in 云南, the city matters.
    let measure = Measure::bare("m", Kind::Subsidy, Audience::Worker, is(Fact::Veteran));
    let catalogue =
        Catalogue::new(vec![Document::bare("5303", d("2020-01-01"), vec![measure])]).unwrap();
    let mut s = reduce(start(), Action::RulesReady(CatalogueRef::keep(catalogue)));
    assert_eq!((s.region_list(), s.depth), (None, 0));
    // 云南 has cities: its list is a new entry, back returns to the provinces.
    s = answer(s, Fact::HomeRegion, Value::Region("53"));
    assert_eq!(s.screen, Screen::Ask(Question::Home), "the cities of 云南");
    assert_eq!(
        (s.region_list(), s.depth, s.nav),
        (Some("53"), 1, Nav::Push)
    );
    assert_eq!(Place::of(&s).list, Some("53"));
    s = reduce(s, Action::Back);
    assert_eq!(s.nav, Nav::Back);
    s = reduce(
        s,
        Action::Restore {
            screen: Screen::Ask(Question::Home),
            depth: 0,
            list: None,
        },
    );
    assert_eq!((s.region_list(), s.depth), (None, 0), "the provinces again");
    // A province again from there: again one entry further.
    s = answer(s, Fact::HomeRegion, Value::Region("53"));
    assert_eq!(
        (s.region_list(), s.depth, s.nav),
        (Some("53"), 1, Nav::Push)
    );
    // The city: the next question, one more entry.
    s = answer(s, Fact::HomeRegion, Value::Region("5303"));
    assert_eq!((s.screen, s.depth), (Screen::Ask(Question::Events), 2));
}
