//! # 务工自查 — the rules engine
//!
//! Decides which subsidies, protections and complaint channels apply to a migrant or
//! rural worker, from partial answers, on a given date. Pure Rust with no web
//! dependency: the same code runs natively (`cargo test`, the `selfcheck` CLI) and in the
//! browser (the `www/` widget), which only renders what this crate decides.
//!
//! The flow: [`load`] reads `policies/*.toml` into [`policy::Document`]s;
//! [`catalogue::Catalogue`] holds them; [`Catalogue::evaluate`] gives an
//! [`evaluate::Outcome`] per measure (verdict, status on the date, amount, deadlines);
//! [`Catalogue::next_question`] picks what to ask next.

pub mod amount;
pub mod answers;
#[cfg(feature = "load")]
pub mod cases;
pub mod catalogue;
pub mod condition;
pub mod date;
pub mod deadline;
pub mod evaluate;
pub mod fact;
#[cfg(feature = "load")]
pub mod load;
pub mod money;
pub mod order;
pub mod pack;
pub mod policy;
pub mod region;
pub mod share;
#[cfg(feature = "load")]
pub mod static_page;

pub use answers::{Answers, RawValue, Value};
pub use catalogue::Catalogue;
pub use date::Date;
pub use evaluate::{Coverage, Evaluation, Outcome, Status, Verdict};
pub use fact::{Fact, FactSet, Question, QuestionSet};
pub use money::Money;
