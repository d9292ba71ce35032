//! The name tables (`tags::named!`) of the evaluation's enums: [`Group`] (not in the
//! rules file: the tags only number the rows), and the shapes of a [`Status`] and a
//! [`Verdict`] (their names in cases and the CLI's JSON). A child of `evaluate.rs`, in a
//! file of its own to keep that one short.

use super::{Group, Status, Verdict};

crate::tags::named!(Group {
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

/// Which kind of [`Status`] a value is (the names in cases and the CLI's JSON).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StatusShape {
    InForce,
    InForceNoEndStated,
    Ended,
    NotYetInForce,
    AskFirst,
}

crate::tags::named!(StatusShape {
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

crate::tags::named!(VerdictShape {
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
