//! # 务工自查 — the rules engine
//!
//! Decides which subsidies, protections and complaint channels apply to a migrant or
//! rural worker, from partial answers, on a given date. Pure Rust with no web
//! dependency: the same code runs natively (`cargo test`, the `selfcheck` CLI) and in the
//! browser (the `www/` widget), which only renders what this crate decides.
//!
//! This is the core crate: everything the phone runs and nothing else. The policies
//! reach it as [`policy::Document`]s — natively from the tools crate's TOML loader
//! (`src/load.rs` at the top of the repository), in the browser from the packed rules
//! file read by [`pack::decode`]. [`catalogue::Catalogue`] holds them; [`Catalogue::evaluate`] gives an
//! [`evaluate::Outcome`] per measure (verdict, status on the date, amount, deadlines);
//! [`Catalogue::next_question`] picks what to ask next.

pub mod actions;
pub mod amount;
pub mod answers;
pub mod ask;
pub mod catalogue;
pub mod condition;
pub mod date;
pub mod deadline;
pub mod evaluate;
pub mod events;
pub mod fact;
pub mod implication;
pub mod labels;
pub mod money;
pub mod order;
pub mod pack;
pub mod policy;
pub mod region;
pub mod report;
pub mod share;
pub mod tags;
pub mod words;

pub use answers::{Answers, RawValue, Value};
pub use ask::MIN_SETTLED;
pub use catalogue::Catalogue;
pub use date::Date;
pub use evaluate::{Coverage, Evaluation, Outcome, Status, Verdict};
pub use fact::{Fact, FactSet, Question, QuestionSet};
pub use money::Money;
pub use report::Report;
