//! The rules as a compact binary "pack" for the browser.
//!
//! Why not JSON through serde: serde's derived deserialisers for the policy types cost
//! the wasm about 27 KB gzip — more than a fifth of the whole widget — while this
//! hand-written reader costs a few KB. The pack is written natively from documents the
//! loader has already checked (`selfcheck pack`, run by the web build) and read back in
//! the browser. A damaged or foreign file is an error naming the byte where reading
//! stopped, never a panic (see the round-trip and fuzz tests).
//!
//! The English titles and summaries (and the question screens' English words, ids
//! `q<screen number>`) go in a second file (`WGE1`, see [`EnglishText`]), fetched only
//! when someone reads in English.
//!
//! Layout: the magic `WGR4`, then the documents, then the tables of `policies/data/`
//! ([`Tables`]: deadlines, implications, warnings, the question screens' words — a
//! question screen is its number in `Question::ALL` — and the area codes), then a 64-bit FNV-1a checksum of all
//! that came before (little-endian), so that a file altered on the way — a proxy, a
//! flipped byte — is refused instead of showing a wrong amount. Any change of one byte
//! changes the checksum. Integers are LEB128; strings are a length then UTF-8; options a
//! 0/1 byte then the value; lists a count then the items; enums one byte, the tag from
//! their table in `tags.rs`; decimals
//! rust_decimal's 16-byte form; dates year, month, day.

use std::fmt;

use rust_decimal::Decimal;

use crate::amount::AmountShape;
use crate::amount::{AmountRule, DayTier};
use crate::catalogue::{QuestionText, Tables};
use crate::condition::{Check, Condition, EmployerCondition, Test};
use crate::condition::{CheckShape, ConditionShape};
use crate::date::Date;
use crate::deadline::{DeadlineSpec, Whose, Words};
use crate::fact::Question;
use crate::implication::{Implication, Warning};
use crate::money::Money;
use crate::policy::{Document, Measure, Phone, Reading};
use crate::tags::Named;

pub const MAGIC: &[u8; 4] = b"WGR4";
pub const ENGLISH_MAGIC: &[u8; 4] = b"WGE1";
/// Deeper condition trees than this are refused rather than recursed into.
const MAX_DEPTH: u32 = 32;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackError {
    pub at: usize,
    pub what: &'static str,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "rules file damaged at byte {}: {}", self.at, self.what)
    }
}

impl std::error::Error for PackError {}

/// A measure's English title and summary. The widget ships them in a file of their own,
/// fetched only when someone switches to English: a quarter of the rules' size that
/// Chinese readers need not download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnglishText {
    pub id: String,
    pub title: String,
    pub summary: Option<String>,
}

/// FNV-1a, 64 bits: each step is a bijection of the state, so one changed byte always
/// gives another sum.
pub fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

// ---------------------------------------------------------------- reading

/// Reads with a sticky error: after the first problem every read returns a placeholder
/// and consumes nothing, and the caller checks `error` once at the end. Why not `?` on
/// every field: that version spent 11 KB of wasm on unwinding half-built measures.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    error: Option<PackError>,
}

impl Reader<'_> {
    fn fail(&mut self, what: &'static str) {
        if self.error.is_none() {
            self.error = Some(PackError { at: self.at, what });
        }
        // Nothing more is read: every list is empty from here.
        self.at = self.bytes.len();
    }
    fn byte(&mut self) -> u8 {
        match self.bytes.get(self.at) {
            Some(&b) => {
                self.at += 1;
                b
            }
            None => {
                self.fail("ends too early");
                0
            }
        }
    }
    fn flag(&mut self) -> bool {
        match self.byte() {
            0 => false,
            1 => true,
            _ => {
                self.fail("expected 0 or 1");
                false
            }
        }
    }
    fn uint(&mut self) -> u64 {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte();
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return n;
            }
        }
        self.fail("number too long");
        0
    }
    fn u32(&mut self) -> u32 {
        let n = self.uint();
        u32::try_from(n).unwrap_or_else(|_| {
            self.fail("number too large");
            0
        })
    }
    /// A list length, refused when the rest of the file could not hold that many items.
    fn len(&mut self) -> usize {
        let n = self.uint();
        if n > (self.bytes.len() - self.at) as u64 {
            self.fail("list longer than the file");
            return 0;
        }
        n as usize
    }
    fn str(&mut self) -> String {
        let n = self.len();
        let start = self.at;
        match std::str::from_utf8(&self.bytes[start..start + n]) {
            Ok(s) => {
                self.at += n;
                s.to_string()
            }
            Err(_) => {
                self.fail("text is not UTF-8");
                String::new()
            }
        }
    }
    fn opt_str(&mut self) -> Option<String> {
        self.flag().then(|| self.str())
    }
    fn strs(&mut self) -> Vec<String> {
        let n = self.len();
        (0..n).map(|_| self.str()).collect()
    }
    fn decimal(&mut self) -> Decimal {
        let Some(raw) = self.bytes.get(self.at..self.at + 16) else {
            self.fail("ends too early");
            return Decimal::ZERO;
        };
        let mut b = [0u8; 16];
        b.copy_from_slice(raw);
        // Flags byte 0 and 1 unused, byte 2 the scale (at most 28), byte 3 the sign.
        if b[0] != 0 || b[1] != 0 || b[2] > 28 || b[3] & 0x7f != 0 {
            self.fail("not a decimal");
            return Decimal::ZERO;
        }
        self.at += 16;
        Decimal::deserialize(b)
    }
    fn money(&mut self) -> Money {
        Money(self.decimal())
    }
    fn date(&mut self) -> Date {
        let year = self.u32();
        let month = self.byte();
        let day = self.byte();
        match i32::try_from(year)
            .ok()
            .and_then(|y| Date::new(y, month, day).ok())
        {
            Some(d) => d,
            None => {
                self.fail("not a date");
                Date::PLACEHOLDER
            }
        }
    }
    fn opt_date(&mut self) -> Option<Date> {
        self.flag().then(|| self.date())
    }
    /// A tag from an enum's table (`tags.rs`).
    fn tag<T: Named>(&mut self, what: &'static str) -> T {
        let b = self.byte();
        T::from_tag(b).unwrap_or_else(|| {
            self.fail(what);
            T::FALLBACK
        })
    }
    /// A question screen by its number.
    fn question(&mut self) -> Question {
        let n = self.uint();
        usize::try_from(n)
            .ok()
            .and_then(|n| Question::ALL.get(n))
            .copied()
            .unwrap_or_else(|| {
                self.fail("unknown question");
                Question::Home
            })
    }
    fn condition(&mut self, depth: u32) -> Condition {
        if depth > MAX_DEPTH {
            self.fail("conditions nested too deep");
            return Condition::Always;
        }
        match self.tag("unknown condition") {
            ConditionShape::Always => Condition::Always,
            ConditionShape::All => Condition::All(self.conditions(depth)),
            ConditionShape::Any => Condition::Any(self.conditions(depth)),
            ConditionShape::Not => Condition::Not(Box::new(self.condition(depth + 1))),
            ConditionShape::Test => {
                let fact = self.tag("unknown fact");
                Condition::Test(Test {
                    fact,
                    check: self.check(),
                })
            }
            ConditionShape::Employer => Condition::Employer(EmployerCondition {
                zh: self.str(),
                en: self.str(),
            }),
            ConditionShape::Until => Condition::Until(self.date()),
        }
    }
    fn conditions(&mut self, depth: u32) -> Vec<Condition> {
        let n = self.len();
        (0..n).map(|_| self.condition(depth + 1)).collect()
    }
    fn check(&mut self) -> Check {
        match self.tag("unknown check") {
            CheckShape::Is => Check::Is(self.flag()),
            CheckShape::OneOf => Check::OneOf(self.strs()),
            CheckShape::Within => Check::Within(self.strs()),
            CheckShape::AtLeast => Check::AtLeast(self.u32()),
            CheckShape::AtMost => Check::AtMost(self.u32()),
            CheckShape::MoneyAtLeast => Check::MoneyAtLeast(self.money()),
            CheckShape::MoneyAtMost => Check::MoneyAtMost(self.money()),
            CheckShape::OnOrAfter => Check::OnOrAfter(self.date()),
            CheckShape::OnOrBefore => Check::OnOrBefore(self.date()),
        }
    }
    fn amount(&mut self) -> AmountRule {
        match self.tag("unknown amount rule") {
            AmountShape::Fixed => AmountRule::Fixed(self.money()),
            AmountShape::UpTo => AmountRule::UpTo(self.money()),
            AmountShape::AtLeast => AmountRule::AtLeast(self.money()),
            AmountShape::Between => AmountRule::Between {
                min: self.money(),
                max: self.money(),
            },
            AmountShape::TicketUpTo => AmountRule::TicketUpTo(self.money()),
            AmountShape::PerDay => {
                let n = self.len();
                let tiers = (0..n)
                    .map(|_| DayTier {
                        through_day: self.flag().then(|| self.u32()),
                        rate: self.money(),
                    })
                    .collect();
                let cap = self.flag().then(|| self.money());
                AmountRule::PerDay { tiers, cap }
            }
            AmountShape::PercentOfWage => AmountRule::PercentOfWage {
                percent: self.decimal(),
                // 0 stands for "no most" (the loader refuses a most of 0 months).
                max_months: Some(self.u32()).filter(|n| *n > 0),
            },
            AmountShape::LoanUpTo => AmountRule::LoanUpTo(self.money()),
        }
    }
    fn measure(&mut self) -> Measure {
        Measure {
            id: self.str(),
            kind: self.tag("unknown kind"),
            audience: self.tag("unknown audience"),
            title: self.str(),
            title_en: self.str(),
            summary: self.str(),
            summary_en: self.opt_str(),
            clause: self.str(),
            when: self.condition(0),
            amount: self.flag().then(|| self.amount()),
            frequency: self.flag().then(|| self.tag("unknown frequency")),
            apply_where: self.str(),
            apply_how: self.str(),
            materials: self.strs(),
            // Maintainers' fields stay out of the rules file.
            note: None,
            source_lines: None,
            reading: self.flag().then(|| Reading {
                text: self.str(),
                numbers: self.strs(),
            }),
            benefit: self.opt_str(),
            done_when: self.flag().then(|| self.condition(0)),
            valid_from: self.opt_date(),
            valid_until: self.opt_date(),
            deadlines: self.strs(),
            phones: {
                let n = self.len();
                (0..n)
                    .map(|_| Phone {
                        number: self.str(),
                        dial: self.str(),
                        note: self.opt_str(),
                    })
                    .collect()
            },
            terms: self.strs(),
        }
    }
    fn document(&mut self) -> Document {
        Document {
            id: self.str(),
            number: self.str(),
            title: self.str(),
            issuer: self.str(),
            region: self.str(),
            issued: self.opt_date(),
            valid_from: self.date(),
            valid_until: self.opt_date(),
            validity_note: self.opt_str(),
            ask_first_from: self.opt_date(),
            // Maintainers' fields stay out of the rules file.
            note: None,
            source: String::new(),
            checked: self.date(),
            measures: {
                let n = self.len();
                (0..n).map(|_| self.measure()).collect()
            },
        }
    }
}

impl Reader<'_> {
    fn words(&mut self) -> Words {
        Words {
            zh: self.str(),
            en: self.str(),
        }
    }
    fn deadline(&mut self) -> DeadlineSpec {
        DeadlineSpec {
            id: self.str(),
            from: self.tag("unknown fact"),
            years: self.u32(),
            days: self.u32(),
            wages_owed_from_job_end: self.flag(),
            whose: if self.flag() {
                Whose::Employer
            } else {
                Whose::Worker
            },
            advice: self.flag(),
            procedure: self.str(),
            title: self.words(),
            rule: self.words(),
            cite: self.str(),
            ahead: self.words(),
            passed: self.words(),
            while_employed: self.words(),
            while_employed_short: self.words(),
            calls: self.strs(),
            calls_after: self.strs(),
            once_passed_drop: self.strs(),
        }
    }
    fn tables(&mut self) -> Tables {
        let n = self.len();
        let deadlines = (0..n).map(|_| self.deadline()).collect();
        let n = self.len();
        let implications = (0..n)
            .map(|_| Implication {
                when: self.tag("unknown fact"),
                then: self.tag("unknown fact"),
                documents: self.strs(),
            })
            .collect();
        let n = self.len();
        let warnings = (0..n)
            .map(|_| Warning {
                measure: self.str(),
                wants: self.tag("unknown fact"),
            })
            .collect();
        let n = self.len();
        let questions = (0..n)
            .map(|_| QuestionText {
                question: self.question(),
                zh: self.str(),
                hint: self.str(),
                en: self.str(),
                hint_en: self.str(),
            })
            .collect();
        let n = self.len();
        let area_codes = (0..n).map(|_| (self.str(), self.str())).collect();
        let local_numbers = self.strs();
        let n = self.len();
        Tables {
            deadlines,
            implications,
            warnings,
            questions,
            area_codes,
            local_numbers,
            labels: (0..n).map(|_| self.words()).collect(),
        }
    }
}

/// Reads a rules file (written natively by the tools crate's `pack::encode`): the
/// documents and the tables of `policies/data/`, for [`crate::Catalogue::with_tables`].
pub fn decode(bytes: &[u8]) -> Result<(Vec<Document>, Tables), PackError> {
    read_framed(bytes, MAGIC, "extra bytes after the tables", |r| {
        let n = r.len();
        let documents = (0..n).map(|_| r.document()).collect();
        (documents, r.tables())
    })
}

/// Reads the English texts file (the tools crate's `pack::encode_english`).
pub fn decode_english(bytes: &[u8]) -> Result<Vec<EnglishText>, PackError> {
    read_framed(
        bytes,
        ENGLISH_MAGIC,
        "extra bytes after the last text",
        |r| {
            let n = r.len();
            (0..n)
                .map(|_| EnglishText {
                    id: r.str(),
                    title: r.str(),
                    summary: r.opt_str(),
                })
                .collect()
        },
    )
}

/// Checks the magic and the checksum, then reads the body.
fn read_framed<T>(
    bytes: &[u8],
    magic: &[u8; 4],
    extra: &'static str,
    read: impl FnOnce(&mut Reader) -> T,
) -> Result<T, PackError> {
    let fail = |at, what| Err(PackError { at, what });
    if !bytes.starts_with(magic) || bytes.len() < magic.len() + 8 {
        return fail(0, "not a rules file");
    }
    let (body, sum) = bytes.split_at(bytes.len() - 8);
    if sum != checksum(body).to_le_bytes() {
        return fail(
            body.len(),
            "checksum does not match (the file was changed on the way)",
        );
    }
    let mut r = Reader {
        bytes: body,
        at: magic.len(),
        error: None,
    };
    let items = read(&mut r);
    match r.error {
        Some(e) => Err(e),
        None if r.at != body.len() => fail(r.at, extra),
        None => Ok(items),
    }
}
