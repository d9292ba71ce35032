//! One table per enum: the rules-file tag and the name (in policy files, cases, the CLI's
//! output) of every variant, written once. The loader, the rules-file writer and reader,
//! the case runner and the CLI all go through these tables.
//!
//! Each `named!` block below generates, from the same rows, an exhaustive `match` both
//! ways (so a variant left out is a compile error) and the `TABLE` the native tools list
//! names from. The reader uses only `from_tag`, a `match` on numbers, so the names do not
//! reach the wasm unless the widget shows them anyway.
//!
//! Enums that carry data (a [`Check`], a [`Condition`], an [`AmountRule`], a [`Status`], a
//! [`Verdict`]) get a fieldless *shape* enum here: the table is the shape's, and
//! `shape()` says which row a value is. The tags are the rules file's format: change one
//! and the pinned-bytes test in `tests/roundtrip.rs` fails until `pack::MAGIC` is bumped.
//!
//! [`Check`]: crate::condition::Check
//! [`Condition`]: crate::condition::Condition
//! [`AmountRule`]: crate::amount::AmountRule
//! [`Status`]: crate::evaluate::Status
//! [`Verdict`]: crate::evaluate::Verdict

use crate::amount::{AmountRule, Frequency};
use crate::condition::{Check, Condition};
use crate::evaluate::{Group, Status, Verdict};
use crate::policy::{Audience, Kind};

/// A fieldless enum with a rules-file tag and a name per variant.
pub trait Named: Copy + Eq + Sized + 'static {
    /// (tag, name, variant), one row per variant, in tag order.
    const TABLE: &'static [(u8, &'static str, Self)];
    /// What the reader returns after a bad tag (it has failed already).
    const FALLBACK: Self;
    fn tag(self) -> u8;
    fn name(self) -> &'static str;
    fn from_tag(tag: u8) -> Option<Self>;
    fn from_name(name: &str) -> Option<Self> {
        Self::TABLE.iter().find(|r| r.1 == name).map(|r| r.2)
    }
    /// "a, b, c": the names, for error messages.
    fn names() -> String {
        let names: Vec<&str> = Self::TABLE.iter().map(|r| r.1).collect();
        names.join(", ")
    }
}

/// `named!(Type { Variant = tag, "name"; … })`.
macro_rules! named {
    ($ty:ident { $first:ident = $ftag:literal, $fname:literal; $( $v:ident = $tag:literal, $name:literal; )* }) => {
        impl $crate::tags::Named for $ty {
            const TABLE: &'static [(u8, &'static str, Self)] =
                &[($ftag, $fname, $ty::$first), $( ($tag, $name, $ty::$v), )*];
            const FALLBACK: Self = $ty::$first;
            fn tag(self) -> u8 {
                match self { $ty::$first => $ftag, $( $ty::$v => $tag, )* }
            }
            fn name(self) -> &'static str {
                match self { $ty::$first => $fname, $( $ty::$v => $name, )* }
            }
            fn from_tag(tag: u8) -> Option<Self> {
                match tag { $ftag => Some($ty::$first), $( $tag => Some($ty::$v), )* _ => None }
            }
        }

        /// By name, for the CLI's JSON.
        #[cfg(feature = "serde")]
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str($crate::tags::Named::name(*self))
            }
        }
    };
}

named!(Kind {
    Subsidy = 0, "subsidy";
    Service = 1, "service";
    Protection = 2, "protection";
    Channel = 3, "channel";
    Advice = 4, "advice";
});

named!(Audience {
    Worker = 0, "worker";
    Employer = 1, "employer";
});

named!(Frequency {
    OneOff = 0, "one_off";
    PerYear = 1, "per_year";
    PerMonth = 2, "per_month";
    PerDay = 3, "per_day";
});

// Not in the rules file: the tags only number the rows.
named!(Group {
    ApplyNow = 0, "apply_now";
    MayQualify = 1, "may_qualify";
    Protections = 2, "protections";
    Contacts = 3, "contacts";
    Employer = 4, "employer";
    Ended = 5, "ended";
    NotForYou = 6, "not_for_you";
    Warning = 7, "warning";
    Advice = 8, "advice";
    AskFirst = 9, "ask_first";
});

/// Which kind of [`Condition`] a value is; the names are the policy files' keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ConditionShape {
    Always,
    All,
    Any,
    Not,
    Test,
    Employer,
}

named!(ConditionShape {
    Always = 0, "always";
    All = 1, "all";
    Any = 2, "any";
    Not = 3, "not";
    Test = 4, "fact";
    Employer = 5, "depends_on_employer";
});

impl Condition {
    pub fn shape(&self) -> ConditionShape {
        match self {
            Condition::Always => ConditionShape::Always,
            Condition::All(_) => ConditionShape::All,
            Condition::Any(_) => ConditionShape::Any,
            Condition::Not(_) => ConditionShape::Not,
            Condition::Test(_) => ConditionShape::Test,
            Condition::Employer(_) => ConditionShape::Employer,
        }
    }
}

/// Which kind of [`Check`] a value is. The names are the policy files' keys: a count and
/// an amount of money share `at_least` / `at_most` (the fact's kind tells them apart).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CheckShape {
    Is,
    OneOf,
    Within,
    AtLeast,
    AtMost,
    MoneyAtLeast,
    MoneyAtMost,
    OnOrAfter,
    OnOrBefore,
}

named!(CheckShape {
    Is = 0, "is";
    OneOf = 1, "in";
    Within = 2, "within";
    AtLeast = 3, "at_least";
    AtMost = 4, "at_most";
    MoneyAtLeast = 5, "at_least";
    MoneyAtMost = 6, "at_most";
    OnOrAfter = 7, "on_or_after";
    OnOrBefore = 8, "on_or_before";
});

impl Check {
    pub fn shape(&self) -> CheckShape {
        match self {
            Check::Is(_) => CheckShape::Is,
            Check::OneOf(_) => CheckShape::OneOf,
            Check::Within(_) => CheckShape::Within,
            Check::AtLeast(_) => CheckShape::AtLeast,
            Check::AtMost(_) => CheckShape::AtMost,
            Check::MoneyAtLeast(_) => CheckShape::MoneyAtLeast,
            Check::MoneyAtMost(_) => CheckShape::MoneyAtMost,
            Check::OnOrAfter(_) => CheckShape::OnOrAfter,
            Check::OnOrBefore(_) => CheckShape::OnOrBefore,
        }
    }
}

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

named!(AmountShape {
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

/// Which kind of [`Status`] a value is (the names in cases and the CLI's JSON).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StatusShape {
    InForce,
    InForceNoEndStated,
    Ended,
    NotYetInForce,
    AskFirst,
}

named!(StatusShape {
    InForce = 0, "in_force";
    InForceNoEndStated = 1, "in_force_no_end_stated";
    Ended = 2, "ended";
    NotYetInForce = 3, "not_yet_in_force";
    AskFirst = 4, "ask_first";
});

impl Status {
    pub fn shape(&self) -> StatusShape {
        match self {
            Status::InForce { until: Some(_) } => StatusShape::InForce,
            Status::InForce { until: None } => StatusShape::InForceNoEndStated,
            Status::Ended { .. } => StatusShape::Ended,
            Status::NotYetInForce { .. } => StatusShape::NotYetInForce,
            Status::AskFirst { .. } => StatusShape::AskFirst,
        }
    }
}

/// Which kind of [`Verdict`] a value is (the names in cases and the CLI's JSON).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VerdictShape {
    Eligible,
    NotEligible,
    Undetermined,
}

named!(VerdictShape {
    Eligible = 0, "eligible";
    NotEligible = 1, "not_eligible";
    Undetermined = 2, "undetermined";
});

impl Verdict<'_> {
    pub fn shape(&self) -> VerdictShape {
        match self {
            Verdict::Eligible => VerdictShape::Eligible,
            Verdict::NotEligible { .. } => VerdictShape::NotEligible,
            Verdict::Undetermined { .. } => VerdictShape::Undetermined,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fact::Fact;

    /// Tags unique, names unique (but for the check keys money shares with counts), and
    /// every row reads back as itself.
    fn sound<T: Named + std::fmt::Debug>(shared_names: &[&str]) {
        for (i, (tag, name, v)) in T::TABLE.iter().enumerate() {
            assert_eq!(v.tag(), *tag, "{v:?}");
            assert_eq!(v.name(), *name, "{v:?}");
            assert_eq!(T::from_tag(*tag), Some(*v), "{v:?}");
            if !shared_names.contains(name) {
                assert_eq!(T::from_name(name), Some(*v), "{v:?}");
            }
            for (tag2, name2, v2) in &T::TABLE[i + 1..] {
                assert_ne!(tag, tag2, "{v:?} and {v2:?} share a tag");
                assert!(
                    name != name2 || shared_names.contains(name),
                    "{v:?} and {v2:?} share a name"
                );
            }
        }
        assert_eq!(T::from_tag(T::TABLE.len() as u8 + 100), None);
    }

    #[test]
    fn every_table_is_sound() {
        sound::<Kind>(&[]);
        sound::<Audience>(&[]);
        sound::<Frequency>(&[]);
        sound::<Group>(&[]);
        sound::<Fact>(&[]);
        sound::<ConditionShape>(&[]);
        sound::<CheckShape>(&["at_least", "at_most"]);
        sound::<AmountShape>(&[]);
        sound::<StatusShape>(&[]);
        sound::<VerdictShape>(&[]);
        assert_eq!(Group::TABLE.len(), Group::ALL.len());
        assert_eq!(Fact::TABLE.len(), Fact::ALL.len());
    }
}
