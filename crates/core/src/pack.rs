//! The rules as a compact binary "pack" for the browser.
//!
//! Why not JSON through serde: serde's derived deserialisers for the policy types cost
//! the wasm about 27 KB gzip — more than a fifth of the whole widget — while this
//! hand-written reader costs a few KB. The pack is written natively from documents the
//! loader has already checked (`selfcheck pack`, run by the web build) and read back in
//! the browser. A damaged or foreign file is an error naming the byte where reading
//! stopped, never a panic (see the round-trip and fuzz tests).
//!
//! The English titles and summaries go in a second file (`WGE1`, see [`EnglishText`]),
//! fetched only when someone reads in English.
//!
//! Layout: the magic `WGR1`, then the documents, then a 64-bit FNV-1a checksum of all
//! that came before (little-endian), so that a file altered on the way — a proxy, a
//! flipped byte — is refused instead of showing a wrong amount. Any change of one byte
//! changes the checksum. Integers are LEB128; strings are a length then UTF-8; options a
//! 0/1 byte then the value; lists a count then the items; enums one byte; decimals
//! rust_decimal's 16-byte form; dates year, month, day.

use std::fmt;

use rust_decimal::Decimal;

use crate::amount::{AmountRule, DayTier, Frequency};
use crate::condition::{Check, Condition, Test};
use crate::date::Date;
use crate::deadline::DeadlineKind;
use crate::fact::Fact;
use crate::money::Money;
use crate::policy::{Audience, Document, Kind, Measure, Phone};

pub const MAGIC: &[u8; 4] = b"WGR1";
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
    fn condition(&mut self, depth: u32) -> Condition {
        if depth > MAX_DEPTH {
            self.fail("conditions nested too deep");
            return Condition::Always;
        }
        match self.byte() {
            0 => Condition::Always,
            tag @ (1 | 2) => {
                let n = self.len();
                let v = (0..n).map(|_| self.condition(depth + 1)).collect();
                if tag == 1 {
                    Condition::All(v)
                } else {
                    Condition::Any(v)
                }
            }
            3 => Condition::Not(Box::new(self.condition(depth + 1))),
            4 => {
                let fact = self.pick(Fact::ALL, "unknown fact");
                Condition::Test(Test {
                    fact,
                    check: self.check(),
                })
            }
            _ => {
                self.fail("unknown condition");
                Condition::Always
            }
        }
    }
    fn check(&mut self) -> Check {
        match self.byte() {
            0 => Check::Is(self.flag()),
            1 => Check::OneOf(self.strs()),
            2 => Check::Within(self.strs()),
            3 => Check::AtLeast(self.u32()),
            4 => Check::AtMost(self.u32()),
            5 => Check::MoneyAtLeast(self.money()),
            6 => Check::MoneyAtMost(self.money()),
            7 => Check::OnOrAfter(self.date()),
            8 => Check::OnOrBefore(self.date()),
            _ => {
                self.fail("unknown check");
                Check::Is(false)
            }
        }
    }
    fn amount(&mut self) -> AmountRule {
        match self.byte() {
            0 => AmountRule::Fixed(self.money()),
            1 => AmountRule::UpTo(self.money()),
            2 => AmountRule::AtLeast(self.money()),
            3 => AmountRule::Between {
                min: self.money(),
                max: self.money(),
            },
            4 => AmountRule::TicketUpTo(self.money()),
            5 => {
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
            6 => AmountRule::PercentOfWage {
                percent: self.decimal(),
                max_months: self.u32(),
            },
            7 => AmountRule::LoanUpTo(self.money()),
            _ => {
                self.fail("unknown amount rule");
                AmountRule::Fixed(Money::ZERO)
            }
        }
    }
    fn pick<T: Copy>(&mut self, all: &[T], what: &'static str) -> T {
        let i = self.byte() as usize;
        match all.get(i) {
            Some(&t) => t,
            None => {
                self.fail(what);
                all[0]
            }
        }
    }
    fn measure(&mut self) -> Measure {
        Measure {
            id: self.str(),
            kind: self.pick(&KINDS, "unknown kind"),
            audience: self.pick(&[Audience::Worker, Audience::Employer], "unknown audience"),
            title: self.str(),
            title_en: self.str(),
            summary: self.str(),
            summary_en: self.opt_str(),
            clause: self.str(),
            when: self.condition(0),
            amount: self.flag().then(|| self.amount()),
            frequency: self
                .flag()
                .then(|| self.pick(&FREQUENCIES, "unknown frequency")),
            apply_where: self.str(),
            apply_how: self.str(),
            materials: self.strs(),
            note: self.opt_str(),
            valid_from: self.opt_date(),
            valid_until: self.opt_date(),
            deadlines: {
                let n = self.len();
                (0..n)
                    .map(|_| {
                        let i = self.byte();
                        DeadlineKind::from_index(i).unwrap_or_else(|| {
                            self.fail("unknown deadline");
                            DeadlineKind::from_index(0).expect("a deadline")
                        })
                    })
                    .collect()
            },
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
        }
    }
    fn document(&mut self) -> Document {
        Document {
            id: self.str(),
            number: self.str(),
            title: self.str(),
            issuer: self.str(),
            region: self.str(),
            issued: self.date(),
            valid_from: self.date(),
            valid_until: self.opt_date(),
            validity_note: self.opt_str(),
            source: self.str(),
            checked: self.date(),
            measures: {
                let n = self.len();
                (0..n).map(|_| self.measure()).collect()
            },
        }
    }
}

/// Reads a rules file (written natively by the tools crate's `pack::encode`).
pub fn decode(bytes: &[u8]) -> Result<Vec<Document>, PackError> {
    read_framed(bytes, MAGIC, "extra bytes after the last document", |r| {
        r.document()
    })
}

/// Reads the English texts file (the tools crate's `pack::encode_english`).
pub fn decode_english(bytes: &[u8]) -> Result<Vec<EnglishText>, PackError> {
    read_framed(
        bytes,
        ENGLISH_MAGIC,
        "extra bytes after the last text",
        |r| EnglishText {
            id: r.str(),
            title: r.str(),
            summary: r.opt_str(),
        },
    )
}

/// Checks the magic and the checksum, then reads a count and that many items.
fn read_framed<T>(
    bytes: &[u8],
    magic: &[u8; 4],
    extra: &'static str,
    mut item: impl FnMut(&mut Reader) -> T,
) -> Result<Vec<T>, PackError> {
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
    let n = r.len();
    let items: Vec<T> = (0..n).map(|_| item(&mut r)).collect();
    match r.error {
        Some(e) => Err(e),
        None if r.at != body.len() => fail(r.at, extra),
        None => Ok(items),
    }
}

const KINDS: [Kind; 4] = [
    Kind::Subsidy,
    Kind::Service,
    Kind::Protection,
    Kind::Channel,
];
const FREQUENCIES: [Frequency; 4] = [
    Frequency::OneOff,
    Frequency::PerYear,
    Frequency::PerMonth,
    Frequency::PerDay,
];

fn index<T: PartialEq>(all: &[T], t: &T) -> u8 {
    all.iter()
        .position(|x| x == t)
        .expect("every variant is listed") as u8
}
pub fn kind_index(k: Kind) -> u8 {
    index(&KINDS, &k)
}
pub fn frequency_index(f: Frequency) -> u8 {
    index(&FREQUENCIES, &f)
}
pub fn deadline_index(d: DeadlineKind) -> u8 {
    d.index()
}
pub fn fact_index(f: Fact) -> u8 {
    index(Fact::ALL, &f)
}
