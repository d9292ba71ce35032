//! Edges that the review of 2026-12-06 (§8) found untested: each test here failed with
//! one of its surviving mutants applied (M15, M20; M02, M07 and M21 are killed by the
//! core's unit tests in condition.rs, money.rs and share_tests.rs).

use rust_decimal::Decimal;
use wugong::actions::items;
use wugong::amount::{Amount, AmountRule};
use wugong::condition::{Check, Condition, Test};
use wugong::evaluate::Group;
use wugong::policy::{Audience, Document, Kind, Measure};
use wugong::{Answers, Catalogue, Date, Fact, Money, Value};

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn is(fact: Fact) -> Condition {
    Condition::Test(Test {
        fact,
        check: Check::Is(true),
    })
}

/// M15: a share of the wage pays, in the year a measure takes effect, for the months
/// from its first month through the evaluation month — April to June is three.
#[test]
fn a_wage_share_counts_the_first_month_in_force() {
    let measure = Measure {
        amount: Some(AmountRule::PercentOfWage {
            percent: Decimal::from(15),
            max_months: None,
        }),
        ..Measure::bare("share", Kind::Subsidy, Audience::Worker, Condition::Always)
    };
    // In force from 2020-04-21, as hrsf-2020-38.
    let c = Catalogue::new(vec![Document::bare(
        "national",
        d("2020-04-21"),
        vec![measure],
    )])
    .unwrap();
    let mut a = Answers::new();
    a.set(Fact::MonthlyWage, Value::Money(Money::yuan(3000)))
        .unwrap();
    a.set(Fact::StableMonths, Value::Count(6)).unwrap();
    let total = |as_of: &str| c.evaluate(&a, d(as_of)).outcomes[0].amount.clone();
    // 3000 × 15 % × 3 months (April, May, June).
    assert_eq!(total("2020-06-30"), Some(Amount::Exact(Money::yuan(1350))));
    // In force from its first day: April alone is one month.
    assert_eq!(total("2020-04-21"), Some(Amount::Exact(Money::yuan(450))));
    // A later year: the six months answered.
    assert_eq!(total("2021-06-30"), Some(Amount::Exact(Money::yuan(2700))));
}

/// M20: a card with one source the worker qualifies under and one that still needs
/// answers is "apply now", led by the source they qualify under, and comes before
/// "may qualify" cards, whatever the file order.
#[test]
fn a_merged_card_takes_the_best_group_and_leads_with_it() {
    let subsidy = |id: &str, when: Condition, benefit: &str| Measure {
        benefit: Some(benefit.into()),
        ..Measure::bare(id, Kind::Subsidy, Audience::Worker, when)
    };
    let c = Catalogue::new(vec![Document::bare(
        "national",
        d("2020-01-01"),
        vec![
            subsidy("other-open", is(Fact::Veteran), "other"),
            subsidy("open", is(Fact::Dibao), "transport"),
            subsidy("met", is(Fact::Tuopin), "transport"),
        ],
    )])
    .unwrap();
    let mut a = Answers::new();
    a.set(Fact::Tuopin, Value::Bool(true)).unwrap();
    let eval = c.evaluate(&a, d("2024-06-01"));
    let cards = items(&eval);
    let ids = |i: usize| -> Vec<&str> {
        cards[i]
            .members
            .iter()
            .map(|m| eval.outcomes[*m].id)
            .collect()
    };
    assert_eq!(cards.len(), 2);
    assert_eq!(cards[0].group, Group::ApplyNow);
    assert_eq!(ids(0), ["met", "open"]);
    assert_eq!(cards[1].group, Group::MayQualify);
    assert_eq!(ids(1), ["other-open"]);
}
