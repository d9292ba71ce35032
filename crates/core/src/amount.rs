//! How much a measure pays, and how that is worked out from the answers.
//!
//! Longer than most files (about 620 lines of code, tests after): the rule, the worked
//! payment (rate × count = total, caps, bounds) and its one text in Chinese and English
//! belong together, so that what is shown can only be what was computed.

use crate::words::Word;
use rust_decimal::Decimal;

use crate::answers::{Answers, Value};
use crate::fact::Fact;
use crate::money::Money;

/// Names and tags: the `named!` table at the end of this file.
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
    /// A share of `monthly_wage` for each month of `stable_months`, at most `max_months`
    /// when the document sets a most (`None`: it sets none, and none is shown).
    PercentOfWage {
        percent: Decimal,
        max_months: Option<u32>,
    },
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
}

impl AmountRule {
    /// The facts that make the amount exact.
    pub fn facts(&self) -> Vec<Fact> {
        match self {
            AmountRule::TicketUpTo(_) => vec![Fact::TicketPrice],
            AmountRule::PerDay { .. } => vec![Fact::TrainingDays],
            AmountRule::PercentOfWage { .. } => vec![Fact::MonthlyWage, Fact::StableMonths],
            _ => vec![],
        }
    }

    /// The total (or its bound) for one person. Cases compare this; the worker sees
    /// [`AmountRule::payment`], which also shows the rate and the count.
    pub fn compute(&self, answers: &Answers) -> Amount {
        self.payment(Frequency::OneOff, answers).amount()
    }

    /// The amount as shown: rate × count = total, with the bound and the unit.
    /// `frequency` is the measure's (what one rate is counted per).
    pub fn payment(&self, frequency: Frequency, answers: &Answers) -> Payment {
        let mut p = Payment::new(frequency);
        // A figure with a rate unit is a rate; a one-off figure is the total.
        let figure = |p: &mut Payment, bound: Bound, m: Money| {
            p.bound = bound;
            if frequency == Frequency::OneOff {
                p.total = Some(m);
            } else {
                p.rate = Some(m);
            }
        };
        match self {
            AmountRule::Fixed(m) => figure(&mut p, Bound::Exact, *m),
            AmountRule::UpTo(m) => figure(&mut p, Bound::UpTo, *m),
            AmountRule::AtLeast(m) => figure(&mut p, Bound::AtLeast, *m),
            AmountRule::LoanUpTo(m) => figure(&mut p, Bound::LoanUpTo, *m),
            AmountRule::Between { min, max } => {
                figure(&mut p, Bound::Between, *max);
                p.min = Some(*min);
            }
            AmountRule::TicketUpTo(cap) => {
                p.basis = Basis::Ticket;
                p.cap = Some(*cap);
                match answers.get(Fact::TicketPrice) {
                    Some(Value::Money(price)) => {
                        p.ticket = Some(price);
                        figure(&mut p, Bound::Exact, price.min(*cap));
                    }
                    _ => figure(&mut p, Bound::UpTo, *cap),
                }
            }
            AmountRule::PerDay { tiers, cap } => {
                p.basis = Basis::PerDay;
                p.count_unit = Some(CountUnit::Days);
                p.unit = Frequency::PerDay;
                p.cap = *cap;
                p.tiers = tiers.clone();
                p.rate = tiers.first().map(|t| t.rate);
                match answers.get(Fact::TrainingDays) {
                    Some(Value::Count(days)) => {
                        p.count = Some(days);
                        p.steps = day_steps(tiers, days);
                        let raw = sum_steps(&p.steps);
                        p.uncapped = raw;
                        p.total = raw.map(|t| cap.map_or(t, |c| t.min(c)));
                        p.bound = if p.total.is_some() {
                            Bound::Exact
                        } else {
                            Bound::Unknown
                        };
                    }
                    _ => {
                        p.bound = if cap.is_some() {
                            Bound::UpTo
                        } else {
                            Bound::Unknown
                        }
                    }
                }
            }
            AmountRule::PercentOfWage {
                percent,
                max_months,
            } => {
                p.basis = Basis::WageShare;
                p.count_unit = Some(CountUnit::Months);
                p.percent = Some(*percent);
                p.max_count = *max_months;
                p.bound = Bound::Unknown;
                if let Some(Value::Count(months)) = answers.get(Fact::StableMonths) {
                    p.count = Some(max_months.map_or(months, |max| months.min(max)));
                }
                if let Some(Value::Money(wage)) = answers.get(Fact::MonthlyWage) {
                    p.wage = Some(wage);
                    // percent × 0.01, exact (no division); the monthly share is shown
                    // rounded to the fen, the total is worked on the unrounded share and
                    // rounded once.
                    let share = wage
                        .checked_times(*percent)
                        .and_then(|w| w.checked_times(Decimal::new(1, 2)));
                    if let Some(share) = share {
                        p.rate = Some(share.round_to_fen());
                        if let Some(months) = p.count {
                            p.total = share
                                .checked_times(Decimal::from(months))
                                .map(Money::round_to_fen);
                            p.uncapped = p.total;
                            if p.total.is_some() {
                                p.bound = Bound::Exact;
                            }
                        }
                    }
                }
            }
        }
        p
    }
}

impl Payment {
    /// Counts at most `months` months of a wage share: the months answered are those
    /// worked this calendar year, and a measure pays only for months it was in force.
    pub fn limit_months(&mut self, months: u32) {
        if self.basis != Basis::WageShare || self.count.is_none_or(|c| c <= months) {
            return;
        }
        self.count = Some(months);
        let share = match (self.wage, self.percent) {
            (Some(w), Some(pc)) => w
                .checked_times(pc)
                .and_then(|w| w.checked_times(Decimal::new(1, 2))),
            _ => None,
        };
        self.total = share
            .and_then(|s| s.checked_times(Decimal::from(months)))
            .map(Money::round_to_fen);
        self.uncapped = self.total;
    }
}

/// What a multiplied amount counts: days of training or months of work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CountUnit {
    Days,
    Months,
}

/// How the shown figure is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Bound {
    Exact,
    UpTo,
    AtLeast,
    /// From `min` to the figure.
    Between,
    /// A loan, not a grant: the most that can be borrowed.
    LoanUpTo,
    /// The total needs answers that are missing (the rate is still shown).
    Unknown,
}

/// How the figure is worked out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Basis {
    /// A figure the document states.
    Stated,
    /// The ticket price, up to a cap.
    Ticket,
    /// A daily rate times the days of training.
    PerDay,
    /// A share of the monthly wage times the months worked.
    WageShare,
}

/// One rate × count step of a per-day amount.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Step {
    pub rate: Money,
    pub count: u32,
}

/// An amount as shown to the worker: a rate (per day, month or year) times a count
/// makes a total, and a total is never shown with a rate's unit. Every screen and
/// print-out uses [`Payment::text`].
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Payment {
    pub bound: Bound,
    pub basis: Basis,
    /// What `rate` is counted per: `per_day`, `per_month`, `per_year`; `one_off` has
    /// no rate, only a total.
    pub unit: Frequency,
    /// The figure per unit (for `between`, the upper one; `min` is the lower). For a
    /// wage share, the share of the answered wage.
    pub rate: Option<Money>,
    pub min: Option<Money>,
    /// How many units are counted, when the rule multiplies and the answers tell.
    pub count: Option<u32>,
    pub count_unit: Option<CountUnit>,
    /// The most units counted (a wage share's months).
    pub max_count: Option<u32>,
    /// The whole amount: rate × count (after the cap), or the one-off figure.
    pub total: Option<Money>,
    /// rate × count before the cap.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub uncapped: Option<Money>,
    /// The most paid in all.
    pub cap: Option<Money>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub tiers: Vec<DayTier>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub steps: Vec<Step>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub percent: Option<Decimal>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub wage: Option<Money>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub ticket: Option<Money>,
}

impl Payment {
    fn new(unit: Frequency) -> Payment {
        Payment {
            bound: Bound::Unknown,
            basis: Basis::Stated,
            unit,
            rate: None,
            min: None,
            count: None,
            count_unit: None,
            max_count: None,
            total: None,
            uncapped: None,
            cap: None,
            tiers: Vec::new(),
            steps: Vec::new(),
            percent: None,
            wage: None,
            ticket: None,
        }
    }

    /// The total, or its bound, without the rate: what persona cases compare.
    pub fn amount(&self) -> Amount {
        match self.basis {
            Basis::PerDay | Basis::WageShare => match (self.total, self.cap) {
                (Some(t), _) => Amount::Exact(t),
                (None, Some(c)) => Amount::UpTo(c),
                (None, None) => Amount::NeedsAnswers,
            },
            Basis::Stated | Basis::Ticket => {
                let Some(figure) = self.total.or(self.rate) else {
                    return Amount::NeedsAnswers;
                };
                match self.bound {
                    Bound::Exact => Amount::Exact(figure),
                    Bound::UpTo => Amount::UpTo(figure),
                    Bound::AtLeast => Amount::AtLeast(figure),
                    Bound::Between => Amount::Between(self.min.unwrap_or(figure), figure),
                    Bound::LoanUpTo => Amount::LoanUpTo(figure),
                    Bound::Unknown => Amount::NeedsAnswers,
                }
            }
        }
    }

    /// The one plain line every screen shows: "每天15元 × 8天 = 120元",
    /// "每天15元，按天数算", "每月不少于800元", "最多10000元（一次性）".
    pub fn text(&self, english: bool) -> String {
        use Frequency::{PerDay, PerMonth};
        let mut l = Line {
            t: String::new(),
            en: english,
        };
        match self.basis {
            Basis::PerDay => {
                match (self.count, self.total) {
                    (Some(_), Some(total)) => {
                        if self.steps.is_empty() {
                            l.rate(PerDay, self.rate.unwrap_or(Money::ZERO));
                            l.times(CountUnit::Days, 0);
                        }
                        for (i, step) in self.steps.iter().enumerate() {
                            if i > 0 {
                                l.both(" + ");
                            }
                            l.rate(PerDay, step.rate);
                            l.times(CountUnit::Days, step.count);
                        }
                        l.both(" = ");
                        l.yuan(self.uncapped.unwrap_or(total));
                    }
                    _ => {
                        if self.tiers.len() > 1 {
                            l.tiers(&self.tiers);
                        } else if let Some(r) = self.rate {
                            l.rate(PerDay, r);
                        }
                        l.w(Word::AmountByDays);
                    }
                }
                if let Some(c) = self.cap {
                    if matches!((self.uncapped, self.total), (Some(raw), Some(t)) if raw > t) {
                        l.w(Word::AmountCappedAt);
                        l.yuan(c);
                        l.s("算", "");
                    } else {
                        l.w(Word::AmountAtMost);
                        l.yuan(c);
                    }
                }
            }
            Basis::WageShare => {
                let pct = self.percent.unwrap_or_default();
                match (self.rate, self.wage) {
                    (Some(r), Some(w)) => {
                        l.rate(PerMonth, r);
                        if english {
                            l.both(" (");
                            l.n(pct);
                            l.both("% of the wage ");
                            l.yuan(w);
                            l.both(")");
                        } else {
                            l.both("（工资");
                            l.yuan(w);
                            l.both("的");
                            l.n(pct);
                            l.both("%）");
                        }
                    }
                    _ => {
                        l.s("每月工资的", "");
                        l.n(pct);
                        l.s("%", "% of the monthly wage");
                    }
                }
                match (self.count, self.total) {
                    (Some(n), total) => {
                        l.times(CountUnit::Months, n);
                        if let Some(t) = total {
                            l.both(" = ");
                            l.yuan(t);
                        }
                    }
                    _ => match self.max_count {
                        Some(1) => l.w(Word::AmountForOneMonth),
                        Some(max) => {
                            l.w(Word::AmountByMonthsAtMost);
                            l.count(CountUnit::Months, max);
                        }
                        // The document sets no most: none is shown.
                        None => l.w(Word::AmountByMonths),
                    },
                }
            }
            Basis::Ticket => {
                let cap = self.cap.unwrap_or(Money::ZERO);
                match self.ticket {
                    Some(price) => {
                        l.rate(self.unit, price.min(cap));
                        l.w(Word::AmountTicketOpen);
                        l.yuan(price);
                        l.w(Word::AmountAtMost);
                        l.yuan(cap);
                        l.s("）", ")");
                    }
                    None => {
                        l.pre(self.unit);
                        l.w(Word::AmountTicketAtMost);
                        l.yuan(cap);
                        l.suf(self.unit);
                    }
                }
            }
            Basis::Stated => {
                let Some(figure) = self.total.or(self.rate) else {
                    l.w(Word::AmountDepends);
                    return l.done();
                };
                if self.bound == Bound::LoanUpTo {
                    l.w(Word::AmountLoanUpTo);
                    l.yuan(figure);
                    return l.done();
                }
                l.pre(self.unit);
                match self.bound {
                    Bound::UpTo => l.w(Word::AmountUpTo),
                    Bound::AtLeast => l.w(Word::AmountAtLeast),
                    Bound::Between => {
                        l.n(self.min.unwrap_or(figure));
                        l.both("–");
                    }
                    _ => {}
                }
                l.yuan(figure);
                l.suf(self.unit);
                if self.unit == Frequency::OneOff {
                    l.w(Word::AmountOneOff);
                }
            }
        }
        l.done()
    }
}

/// An amount line being written in one language. Both languages share one code path,
/// with the words from small tables (fewer format calls keep the wasm small).
struct Line {
    t: String,
    en: bool,
}

impl Line {
    fn s(&mut self, zh: &str, en: &str) {
        self.t.push_str(if self.en { en } else { zh });
    }
    /// A word of policies/data/words.toml.
    fn w(&mut self, word: Word) {
        self.t.push_str(word.get(self.en));
    }
    fn both(&mut self, s: &str) {
        self.t.push_str(s);
    }
    fn n(&mut self, n: impl std::fmt::Display) {
        use std::fmt::Write;
        let _ = write!(self.t, "{n}");
    }
    /// "420.50元"; in Chinese a round sum of 10万 or more in 万 ("20万元"), as the
    /// documents write it (no arithmetic: the digits lose their last four zeros).
    fn yuan(&mut self, m: Money) {
        let digits = m.to_string();
        match digits
            .strip_suffix("0000")
            .filter(|w| !self.en && w.len() > 1)
        {
            Some(wan) => {
                self.both(wan);
                self.both("万元");
            }
            None => {
                self.both(&digits);
                self.s("元", " yuan");
            }
        }
    }
    /// "每天" before a figure in Chinese.
    fn pre(&mut self, unit: Frequency) {
        if !self.en && unit != Frequency::OneOff {
            self.both(unit.describe(false));
        }
    }
    /// " a day" after a figure in English.
    fn suf(&mut self, unit: Frequency) {
        if self.en {
            self.both(match unit {
                Frequency::OneOff => "",
                Frequency::PerYear => " a year",
                Frequency::PerMonth => " a month",
                Frequency::PerDay => " a day",
            });
        }
    }
    /// "每天15元" / "15 yuan a day".
    fn rate(&mut self, unit: Frequency, m: Money) {
        self.pre(unit);
        self.yuan(m);
        self.suf(unit);
    }
    fn count(&mut self, unit: CountUnit, n: u32) {
        self.n(n);
        let one = n == 1;
        match unit {
            CountUnit::Days => self.s("天", if one { " day" } else { " days" }),
            CountUnit::Months => self.s("个月", if one { " month" } else { " months" }),
        }
    }
    /// " × 8天".
    fn times(&mut self, unit: CountUnit, n: u32) {
        self.both(" × ");
        self.count(unit, n);
    }
    /// "第1–10天每天150元，第11天起每天100元".
    fn tiers(&mut self, tiers: &[DayTier]) {
        let mut from = 1;
        for (i, t) in tiers.iter().enumerate() {
            if i > 0 {
                self.s("，", "; ");
            }
            match t.through_day {
                Some(to) => {
                    self.s("第", "days ");
                    self.n(from);
                    self.both("–");
                    self.n(to);
                    self.s("天", ": ");
                    from = to + 1;
                }
                None if from == 1 => {}
                None => {
                    self.s("第", "from day ");
                    self.n(from);
                    self.s("天起", ": ");
                }
            }
            self.rate(Frequency::PerDay, t.rate);
        }
    }
    fn done(self) -> String {
        self.t
    }
}

/// The days at each rate, tier by tier (steps with no days left out).
fn day_steps(tiers: &[DayTier], days: u32) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut counted = 0u32;
    for tier in tiers {
        let end = tier.through_day.unwrap_or(u32::MAX).min(days);
        if end > counted {
            steps.push(Step {
                rate: tier.rate,
                count: end - counted,
            });
            counted = end;
        }
    }
    steps
}

/// The sum of rate × count; None if it does not fit.
fn sum_steps(steps: &[Step]) -> Option<Money> {
    let mut total = Money::ZERO;
    for s in steps {
        total = total.checked_add(s.rate.checked_times(Decimal::from(s.count))?)?;
    }
    Some(total)
}

// Names and tags (`tags::Named`).

crate::tags::named!(Frequency {
    OneOff = 0, "one_off";
    PerYear = 1, "per_year";
    PerMonth = 2, "per_month";
    PerDay = 3, "per_day";
});

/// Which kind of [`AmountRule`] a value is; the names are the policy files' keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AmountShape {
    Fixed,
    UpTo,
    AtLeast,
    Between,
    TicketUpTo,
    PerDay,
    PercentOfWage,
    LoanUpTo,
}

crate::tags::named!(AmountShape {
    Fixed = 0, "fixed";
    UpTo = 1, "up_to";
    AtLeast = 2, "at_least";
    Between = 3, "between";
    TicketUpTo = 4, "ticket_up_to";
    PerDay = 5, "per_day";
    PercentOfWage = 6, "percent_of_wage";
    LoanUpTo = 7, "loan_up_to";
});

impl AmountRule {
    pub fn shape(&self) -> AmountShape {
        match self {
            AmountRule::Fixed(_) => AmountShape::Fixed,
            AmountRule::UpTo(_) => AmountShape::UpTo,
            AmountRule::AtLeast(_) => AmountShape::AtLeast,
            AmountRule::Between { .. } => AmountShape::Between,
            AmountRule::TicketUpTo(_) => AmountShape::TicketUpTo,
            AmountRule::PerDay { .. } => AmountShape::PerDay,
            AmountRule::PercentOfWage { .. } => AmountShape::PercentOfWage,
            AmountRule::LoanUpTo(_) => AmountShape::LoanUpTo,
        }
    }
}

#[cfg(test)]
#[path = "amount_tests.rs"]
mod tests;
