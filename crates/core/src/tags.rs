//! One table per enum: the rules-file tag and the name (in policy files, cases, the CLI's
//! output) of every variant, written once beside the enum with `named!`. The loader, the
//! rules-file writer and reader, the case runner and the CLI all go through these tables.
//!
//! Each `named!` block generates, from the same rows, an exhaustive `match` both ways (so
//! a variant left out is a compile error) and the `TABLE` the native tools list names
//! from. The reader uses only `from_tag`, a `match` on numbers, so the names do not reach
//! the wasm unless the widget shows them anyway.
//!
//! Enums that carry data (a `Check`, a `Condition`, an `AmountRule`, a `Status`, a
//! `Verdict`) get a fieldless *shape* enum beside them: the table is the shape's, and
//! `shape()` says which row a value is. The tags are the rules file's format: change one
//! and the pinned-bytes test in `tests/roundtrip.rs` fails until `pack::MAGIC` is bumped;
//! `tests/roundtrip.rs` also checks every table is sound.

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

// The tables are written beside their enums (policy.rs, amount.rs, condition.rs,
// evaluate_names.rs, fact.rs, deadline.rs): this file imports nothing of the crate, so
// no module depends on itself through it.
pub(crate) use named;
