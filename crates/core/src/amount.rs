//! How much a measure pays, and how that is worked out from the answers.

use rust_decimal::Decimal;

use crate::answers::{Answers, Value};
use crate::fact::Fact;
use crate::money::Money;

/// Names and tags: `tags.rs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frequency {
    OneOff,
    PerYear,
    PerMonth,
    PerDay,
}

impl Frequency {
    pub fn describe(self, english: bool) -> &'static str {
        match (self, english) {
            (Frequency::OneOff, false) => "一次性",
            (Frequency::PerYear, false) => "每年",
            (Frequency::PerMonth, false) => "每月",
            (Frequency::PerDay, false) => "每天",
            (Frequency::OneOff, true) => "one-off",
            (Frequency::PerYear, true) => "per year",
            (Frequency::PerMonth, true) => "per month",
            (Frequency::PerDay, true) => "per day",
        }
    }
}

/// One step of a per-day rate: `rate` for the days up to `through_day` (the last step
/// has no end).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DayTier {
    pub through_day: Option<u32>,
    pub rate: Money,
}

/// The rule a document gives for the amount.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum AmountRule {
    /// Exactly this much.
    Fixed(Money),
    /// Up to this much; the local office sets the figure.
    UpTo(Money),
    /// At least this much (a floor the document sets, e.g. a post's monthly pay).
    AtLeast(Money),
    /// Between two figures, set by something the answers do not capture (e.g. the
    /// certificate's level).
    Between { min: Money, max: Money },
    /// The ticket price, but no more than `cap`.
    TicketUpTo(Money),
    /// A daily rate times `training_days`, in tiers, optionally capped.
    PerDay {
        tiers: Vec<DayTier>,
        cap: Option<Money>,
    },
    /// A share of `monthly_wage` for each month of `stable_months`, at most `max_months`.
    PercentOfWage { percent: Decimal, max_months: u32 },
    /// A loan, not a grant: the most that can be borrowed.
    LoanUpTo(Money),
}

/// The amount for one person: exact when the answers allow, else a bound.
#[derive(Clone, Debug, PartialEq)]
pub enum Amount {
    Exact(Money),
    UpTo(Money),
    AtLeast(Money),
    Between(Money, Money),
    LoanUpTo(Money),
    /// The rule needs answers that are missing and has no cap to show.
    NeedsAnswers,
}

impl Amount {
    /// The most it can be, for ranking; `None` for a loan or an unknown sum.
    pub fn upper_bound(&self) -> Option<Money> {
        match self {
            Amount::Exact(m) | Amount::UpTo(m) | Amount::AtLeast(m) | Amount::Between(_, m) => {
                Some(*m)
            }
            Amount::LoanUpTo(_) | Amount::NeedsAnswers => None,
        }
    }

    pub fn describe(&self, english: bool) -> String {
        match (self, english) {
            (Amount::Exact(m), false) => format!("{m}元"),
            (Amount::Exact(m), true) => format!("{m} yuan"),
            (Amount::UpTo(m), false) => format!("最多{m}元"),
            (Amount::UpTo(m), true) => format!("up to {m} yuan"),
            (Amount::AtLeast(m), false) => format!("不少于{m}元"),
            (Amount::AtLeast(m), true) => format!("at least {m} yuan"),
            (Amount::Between(a, b), false) => format!("{a}–{b}元"),
            (Amount::Between(a, b), true) => format!("{a}–{b} yuan"),
            (Amount::LoanUpTo(m), false) => format!("贷款最多{m}元"),
            (Amount::LoanUpTo(m), true) => format!("loan of up to {m} yuan"),
            (Amount::NeedsAnswers, false) => "金额要看你的情况".into(),
            (Amount::NeedsAnswers, true) => "amount depends on your answers".into(),
        }
    }
}

impl AmountRule {
    /// The rule in plain Chinese, for pages that show it without answers.
    pub fn describe_rule(&self) -> String {
        match self {
            AmountRule::Fixed(m) => format!("{m}元"),
            AmountRule::UpTo(m) => format!("最多{m}元"),
            AmountRule::AtLeast(m) => format!("不少于{m}元"),
            AmountRule::Between { min, max } => format!("{min}–{max}元"),
            AmountRule::TicketUpTo(m) => format!("按车票报，最多{m}元"),
            AmountRule::LoanUpTo(m) => format!("贷款最多{m}元"),
            AmountRule::PercentOfWage {
                percent,
                max_months,
            } => format!("工资的{percent}%，最多{max_months}个月"),
            AmountRule::PerDay { tiers, cap } => {
                let mut parts = Vec::new();
                let mut from = 1;
                for t in tiers {
                    match t.through_day {
                        Some(to) => {
                            parts.push(format!("第{from}–{to}天每天{}元", t.rate));
                            from = to + 1;
                        }
                        None if from == 1 => parts.push(format!("每天{}元", t.rate)),
                        None => parts.push(format!("第{from}天起每天{}元", t.rate)),
                    }
                }
                let cap = cap.map(|c| format!("，最多{c}元")).unwrap_or_default();
                format!("{}{cap}", parts.join("，"))
            }
        }
    }

    /// The facts that make the amount exact.
    pub fn facts(&self) -> Vec<Fact> {
        match self {
            AmountRule::TicketUpTo(_) => vec![Fact::TicketPrice],
            AmountRule::PerDay { .. } => vec![Fact::TrainingDays],
            AmountRule::PercentOfWage { .. } => vec![Fact::MonthlyWage, Fact::StableMonths],
            _ => vec![],
        }
    }

    pub fn compute(&self, answers: &Answers) -> Amount {
        match self {
            AmountRule::Fixed(m) => Amount::Exact(*m),
            AmountRule::UpTo(m) => Amount::UpTo(*m),
            AmountRule::AtLeast(m) => Amount::AtLeast(*m),
            AmountRule::Between { min, max } => Amount::Between(*min, *max),
            AmountRule::LoanUpTo(m) => Amount::LoanUpTo(*m),
            AmountRule::TicketUpTo(cap) => match answers.get(Fact::TicketPrice) {
                Some(Value::Money(price)) => Amount::Exact(price.min(*cap)),
                _ => Amount::UpTo(*cap),
            },
            AmountRule::PerDay { tiers, cap } => match answers.get(Fact::TrainingDays) {
                Some(Value::Count(days)) => {
                    let total = per_day_total(tiers, days);
                    Amount::Exact(cap.map_or(total, |c| total.min(c)))
                }
                _ => match cap {
                    Some(c) => Amount::UpTo(*c),
                    None => Amount::NeedsAnswers,
                },
            },
            AmountRule::PercentOfWage {
                percent,
                max_months,
            } => {
                match (
                    answers.get(Fact::MonthlyWage),
                    answers.get(Fact::StableMonths),
                ) {
                    (Some(Value::Money(wage)), Some(Value::Count(months))) => {
                        let months = months.min(*max_months);
                        let share = wage.times(*percent / Decimal::ONE_HUNDRED);
                        Amount::Exact(share.times(Decimal::from(months)).round_to_fen())
                    }
                    _ => Amount::NeedsAnswers,
                }
            }
        }
    }
}

/// Sum of the daily rates over `days`, tier by tier.
fn per_day_total(tiers: &[DayTier], days: u32) -> Money {
    let mut total = Money::ZERO;
    let mut counted = 0u32;
    for tier in tiers {
        let end = tier.through_day.unwrap_or(u32::MAX).min(days);
        if end > counted {
            total = total + tier.rate.times(Decimal::from(end - counted));
            counted = end;
        }
    }
    total
}

#[cfg(test)]
mod tests {
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
            max_months: 6,
        };
        let mut a = with(Fact::MonthlyWage, Value::Money(m("3333.33")));
        a.set(Fact::StableMonths, Value::Count(8)).unwrap();
        // 20% of 3333.33 is 666.666; times 6 months is 3999.996, rounded to the fen.
        assert_eq!(rule.compute(&a), Amount::Exact(m("4000.00")));
    }
}
