//! Amounts: rules, worked payments and their one text (rate × count = total).

use super::*;

fn m(s: &str) -> Money {
    Money::parse(s).unwrap()
}

fn with(fact: Fact, v: Value) -> Answers {
    let mut a = Answers::new();
    a.set(fact, v).unwrap();
    a
}

#[test]
fn ticket_is_paid_up_to_the_cap() {
    let rule = AmountRule::TicketUpTo(m("500"));
    assert_eq!(
        rule.compute(&with(Fact::TicketPrice, Value::Money(m("420.50")))),
        Amount::Exact(m("420.50"))
    );
    assert_eq!(
        rule.compute(&with(Fact::TicketPrice, Value::Money(m("500.01")))),
        Amount::Exact(m("500"))
    );
    assert_eq!(rule.compute(&Answers::new()), Amount::UpTo(m("500")));
}

#[test]
fn tiered_days_150_then_100_capped_at_4000() {
    let rule = AmountRule::PerDay {
        tiers: vec![
            DayTier {
                through_day: Some(10),
                rate: m("150"),
            },
            DayTier {
                through_day: None,
                rate: m("100"),
            },
        ],
        cap: Some(m("4000")),
    };
    let days = |n| rule.compute(&with(Fact::TrainingDays, Value::Count(n)));
    assert_eq!(days(10), Amount::Exact(m("1500")));
    assert_eq!(days(11), Amount::Exact(m("1600")));
    assert_eq!(days(35), Amount::Exact(m("4000")));
    assert_eq!(days(36), Amount::Exact(m("4000")));
    assert_eq!(days(34), Amount::Exact(m("3900")));
}

#[test]
fn percent_of_wage_counts_at_most_the_capped_months() {
    let rule = AmountRule::PercentOfWage {
        percent: Decimal::from(20),
        max_months: Some(6),
    };
    let mut a = with(Fact::MonthlyWage, Value::Money(m("3333.33")));
    a.set(Fact::StableMonths, Value::Count(8)).unwrap();
    // 20% of 3333.33 is 666.666; times 6 months is 3999.996, rounded to the fen.
    assert_eq!(rule.compute(&a), Amount::Exact(m("4000.00")));
}

fn per_day(rate: &str, cap: Option<&str>) -> AmountRule {
    AmountRule::PerDay {
        tiers: vec![DayTier {
            through_day: None,
            rate: m(rate),
        }],
        cap: cap.map(m),
    }
}

#[test]
fn a_per_day_amount_shows_rate_times_days_equals_total() {
    let rule = per_day("15", None);
    let p = rule.payment(
        Frequency::PerDay,
        &with(Fact::TrainingDays, Value::Count(8)),
    );
    assert_eq!(p.text(false), "每天15元 × 8天 = 120元");
    assert_eq!(p.text(true), "15 yuan a day × 8 days = 120 yuan");
    assert_eq!(
        (p.rate, p.count, p.total),
        (Some(m("15")), Some(8), Some(m("120")))
    );
    assert_eq!(p.unit, Frequency::PerDay);
    let p = rule.payment(Frequency::PerDay, &Answers::new());
    assert_eq!(p.text(false), "每天15元，按天数算");
    assert_eq!(p.text(true), "15 yuan a day, by the number of days");
    assert_eq!((p.count, p.total), (None, None));
}

#[test]
fn a_cap_is_shown_after_the_total() {
    let rule = per_day("100", Some("4000"));
    let days = |n| {
        rule.payment(
            Frequency::PerDay,
            &with(Fact::TrainingDays, Value::Count(n)),
        )
    };
    assert_eq!(
        days(16).text(false),
        "每天100元 × 16天 = 1600元，最多4000元"
    );
    assert_eq!(
        days(45).text(false),
        "每天100元 × 45天 = 4500元，超过上限，按最多4000元算"
    );
    assert_eq!(days(45).total, Some(m("4000")));
    assert_eq!(
        rule.payment(Frequency::PerDay, &Answers::new()).text(false),
        "每天100元，按天数算，最多4000元"
    );
}

#[test]
fn tiers_show_each_step() {
    let rule = AmountRule::PerDay {
        tiers: vec![
            DayTier {
                through_day: Some(10),
                rate: m("150"),
            },
            DayTier {
                through_day: None,
                rate: m("100"),
            },
        ],
        cap: Some(m("4000")),
    };
    let p = rule.payment(
        Frequency::PerDay,
        &with(Fact::TrainingDays, Value::Count(12)),
    );
    assert_eq!(
        p.text(false),
        "每天150元 × 10天 + 每天100元 × 2天 = 1700元，最多4000元"
    );
    assert_eq!(
        rule.payment(Frequency::PerDay, &Answers::new()).text(false),
        "第1–10天每天150元，第11天起每天100元，按天数算，最多4000元"
    );
}

#[test]
fn a_wage_share_shows_the_monthly_share_times_months() {
    let rule = AmountRule::PercentOfWage {
        percent: Decimal::from(20),
        max_months: Some(6),
    };
    let mut a = with(Fact::MonthlyWage, Value::Money(m("3000")));
    a.set(Fact::StableMonths, Value::Count(8)).unwrap();
    let p = rule.payment(Frequency::OneOff, &a);
    assert_eq!(
        p.text(false),
        "每月600元（工资3000元的20%） × 6个月 = 3600元"
    );
    assert_eq!(
        (p.rate, p.count, p.total),
        (Some(m("600")), Some(6), Some(m("3600")))
    );
    let p = rule.payment(Frequency::OneOff, &Answers::new());
    assert_eq!(p.text(false), "每月工资的20%，按干了几个月算，最多6个月");
    assert_eq!(p.amount(), Amount::NeedsAnswers);
}

#[test]
fn a_wage_share_without_a_most_shows_none() {
    // 云政办发〔2020〕36号 (seed 000 line 102): 15% of the wages paid, no month cap.
    let rule = AmountRule::PercentOfWage {
        percent: Decimal::from(15),
        max_months: None,
    };
    let p = rule.payment(Frequency::OneOff, &Answers::new());
    assert_eq!(p.text(false), "每月工资的15%，按干了几个月算");
    assert_eq!(
        p.text(true),
        "15% of the monthly wage, by the months worked"
    );
    assert_eq!(p.max_count, None);
    let mut a = with(Fact::MonthlyWage, Value::Money(m("2000")));
    a.set(Fact::StableMonths, Value::Count(11)).unwrap();
    let p = rule.payment(Frequency::OneOff, &a);
    assert_eq!(
        p.text(false),
        "每月300元（工资2000元的15%） × 11个月 = 3300元"
    );
}

#[test]
fn stated_figures_keep_their_unit() {
    let text = |rule: AmountRule, f| rule.payment(f, &Answers::new()).text(false);
    assert_eq!(
        text(AmountRule::Fixed(m("500")), Frequency::PerMonth),
        "每月500元"
    );
    assert_eq!(
        text(AmountRule::AtLeast(m("800")), Frequency::PerMonth),
        "每月不少于800元"
    );
    assert_eq!(
        text(AmountRule::UpTo(m("1000")), Frequency::PerYear),
        "每年最多1000元"
    );
    assert_eq!(
        text(AmountRule::UpTo(m("10000")), Frequency::OneOff),
        "最多10000元（一次性）"
    );
    assert_eq!(
        text(AmountRule::LoanUpTo(m("200000")), Frequency::OneOff),
        "贷款最多20万元"
    );
    assert_eq!(
        text(
            AmountRule::Between {
                min: m("200"),
                max: m("800")
            },
            Frequency::OneOff
        ),
        "200–800元（一次性）"
    );
    assert_eq!(
        text(AmountRule::TicketUpTo(m("500")), Frequency::PerYear),
        "每年按车票报，最多500元"
    );
}

#[test]
fn huge_answers_give_no_total_and_no_panic() {
    // Answers are bounded (at most 10,000,000 yuan); a rule's own figures could
    // still overflow, and then the total is unknown rather than a panic.
    let rule = AmountRule::PercentOfWage {
        percent: Decimal::from_i128_with_scale(10i128.pow(27), 0),
        max_months: Some(6),
    };
    let mut a = with(Fact::MonthlyWage, Value::Money(m("10000000")));
    a.set(Fact::StableMonths, Value::Count(6)).unwrap();
    let p = rule.payment(Frequency::OneOff, &a);
    assert_eq!((p.total, p.amount()), (None, Amount::NeedsAnswers));
    let _ = p.text(false);
    let rule = per_day(&"9".repeat(28), None);
    let p = rule.payment(
        Frequency::PerDay,
        &with(Fact::TrainingDays, Value::Count(1000)),
    );
    assert_eq!((p.total, p.amount()), (None, Amount::NeedsAnswers));
    let _ = p.text(true);
}
