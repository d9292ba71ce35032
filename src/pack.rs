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

const MAGIC: &[u8; 4] = b"WGR1";
const ENGLISH_MAGIC: &[u8; 4] = b"WGE1";
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

// ---------------------------------------------------------------- writing

struct Writer(Vec<u8>);

impl Writer {
    fn uint(&mut self, mut n: u64) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }
    fn byte(&mut self, b: u8) {
        self.0.push(b);
    }
    fn str(&mut self, s: &str) {
        self.uint(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }
    /// 0, or 1 and the value.
    fn opt<T>(&mut self, v: Option<T>, write: impl FnOnce(&mut Self, T)) {
        match v {
            Some(v) => {
                self.byte(1);
                write(self, v);
            }
            None => self.byte(0),
        }
    }
    fn strs(&mut self, v: &[String]) {
        self.uint(v.len() as u64);
        for s in v {
            self.str(s);
        }
    }
    fn decimal(&mut self, d: Decimal) {
        self.0.extend_from_slice(&d.serialize());
    }
    fn money(&mut self, m: Money) {
        self.decimal(m.0);
    }
    fn date(&mut self, d: Date) {
        self.uint(d.year() as u64);
        self.byte(d.month());
        self.byte(d.day());
    }
    fn condition(&mut self, c: &Condition) {
        match c {
            Condition::Always => self.byte(0),
            Condition::All(v) | Condition::Any(v) => {
                self.byte(if matches!(c, Condition::All(_)) { 1 } else { 2 });
                self.uint(v.len() as u64);
                for c in v {
                    self.condition(c);
                }
            }
            Condition::Not(c) => {
                self.byte(3);
                self.condition(c);
            }
            Condition::Test(t) => {
                self.byte(4);
                self.byte(fact_index(t.fact));
                self.check(&t.check);
            }
        }
    }
    fn check(&mut self, c: &Check) {
        match c {
            Check::Is(b) => {
                self.byte(0);
                self.byte(*b as u8);
            }
            Check::OneOf(v) => {
                self.byte(1);
                self.strs(v);
            }
            Check::Within(v) => {
                self.byte(2);
                self.strs(v);
            }
            Check::AtLeast(n) => {
                self.byte(3);
                self.uint(*n as u64);
            }
            Check::AtMost(n) => {
                self.byte(4);
                self.uint(*n as u64);
            }
            Check::MoneyAtLeast(m) => {
                self.byte(5);
                self.money(*m);
            }
            Check::MoneyAtMost(m) => {
                self.byte(6);
                self.money(*m);
            }
            Check::OnOrAfter(d) => {
                self.byte(7);
                self.date(*d);
            }
            Check::OnOrBefore(d) => {
                self.byte(8);
                self.date(*d);
            }
        }
    }
    fn amount(&mut self, a: &AmountRule) {
        match a {
            AmountRule::Fixed(m) => {
                self.byte(0);
                self.money(*m);
            }
            AmountRule::UpTo(m) => {
                self.byte(1);
                self.money(*m);
            }
            AmountRule::AtLeast(m) => {
                self.byte(2);
                self.money(*m);
            }
            AmountRule::Between { min, max } => {
                self.byte(3);
                self.money(*min);
                self.money(*max);
            }
            AmountRule::TicketUpTo(m) => {
                self.byte(4);
                self.money(*m);
            }
            AmountRule::PerDay { tiers, cap } => {
                self.byte(5);
                self.uint(tiers.len() as u64);
                for t in tiers {
                    self.opt(t.through_day, |w, d| w.uint(d as u64));
                    self.money(t.rate);
                }
                self.opt(*cap, Self::money);
            }
            AmountRule::PercentOfWage {
                percent,
                max_months,
            } => {
                self.byte(6);
                self.decimal(*percent);
                self.uint(*max_months as u64);
            }
            AmountRule::LoanUpTo(m) => {
                self.byte(7);
                self.money(*m);
            }
        }
    }
    fn measure(&mut self, m: &Measure) {
        self.str(&m.id);
        self.byte(kind_index(m.kind));
        self.byte(matches!(m.audience, Audience::Employer) as u8);
        self.str(&m.title);
        self.str(&m.title_en);
        self.str(&m.summary);
        self.opt(m.summary_en.as_deref(), Self::str);
        self.str(&m.clause);
        self.condition(&m.when);
        self.opt(m.amount.as_ref(), Self::amount);
        self.opt(m.frequency, |w, f| w.byte(frequency_index(f)));
        self.str(&m.apply_where);
        self.str(&m.apply_how);
        self.strs(&m.materials);
        self.opt(m.note.as_deref(), Self::str);
        self.opt(m.valid_from, Self::date);
        self.opt(m.valid_until, Self::date);
        self.uint(m.deadlines.len() as u64);
        for d in &m.deadlines {
            self.byte(deadline_index(*d));
        }
        self.uint(m.phones.len() as u64);
        for p in &m.phones {
            self.str(&p.number);
            self.str(&p.dial);
            self.opt(p.note.as_deref(), Self::str);
        }
    }
    fn document(&mut self, d: &Document) {
        self.str(&d.id);
        self.str(&d.number);
        self.str(&d.title);
        self.str(&d.issuer);
        self.str(&d.region);
        self.date(d.issued);
        self.date(d.valid_from);
        self.opt(d.valid_until, Self::date);
        self.opt(d.validity_note.as_deref(), Self::str);
        self.str(&d.source);
        self.date(d.checked);
        self.uint(d.measures.len() as u64);
        for m in &d.measures {
            self.measure(m);
        }
    }
}

/// The documents as a pack.
pub fn encode(docs: &[Document]) -> Vec<u8> {
    framed(MAGIC, docs.len(), |w| {
        docs.iter().for_each(|d| w.document(d))
    })
}

/// A measure's English title and summary. The widget ships them in a file of their own,
/// fetched only when someone switches to English: a quarter of the rules' size that
/// Chinese readers need not download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnglishText {
    pub id: String,
    pub title: String,
    pub summary: Option<String>,
}

/// Moves the English texts out of `docs` (leaving empty titles and no summaries).
pub fn take_english(docs: &mut [Document]) -> Vec<EnglishText> {
    docs.iter_mut()
        .flat_map(|d| d.measures.iter_mut())
        .map(|m| EnglishText {
            id: m.id.clone(),
            title: std::mem::take(&mut m.title_en),
            summary: m.summary_en.take(),
        })
        .collect()
}

/// The English texts as a file of their own.
pub fn encode_english(texts: &[EnglishText]) -> Vec<u8> {
    framed(ENGLISH_MAGIC, texts.len(), |w| {
        for t in texts {
            w.str(&t.id);
            w.str(&t.title);
            w.opt(t.summary.as_deref(), Writer::str);
        }
    })
}

/// Magic, count, the items, then the checksum of all that.
fn framed(magic: &[u8; 4], count: usize, items: impl FnOnce(&mut Writer)) -> Vec<u8> {
    let mut w = Writer(magic.to_vec());
    w.uint(count as u64);
    items(&mut w);
    let sum = checksum(&w.0);
    w.0.extend_from_slice(&sum.to_le_bytes());
    w.0
}

/// FNV-1a, 64 bits: each step is a bijection of the state, so one changed byte always
/// gives another sum.
fn checksum(bytes: &[u8]) -> u64 {
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
                    .map(|_| self.pick(&DeadlineKind::ALL, "unknown deadline"))
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

/// Reads a pack written by [`encode`].
pub fn decode(bytes: &[u8]) -> Result<Vec<Document>, PackError> {
    read_framed(bytes, MAGIC, "extra bytes after the last document", |r| {
        r.document()
    })
}

/// Reads the English texts written by [`encode_english`].
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
fn kind_index(k: Kind) -> u8 {
    index(&KINDS, &k)
}
fn frequency_index(f: Frequency) -> u8 {
    index(&FREQUENCIES, &f)
}
fn deadline_index(d: DeadlineKind) -> u8 {
    index(&DeadlineKind::ALL, &d)
}
fn fact_index(f: Fact) -> u8 {
    index(Fact::ALL, &f)
}

#[cfg(all(test, feature = "load"))]
mod tests {
    use super::*;

    fn policies() -> Vec<Document> {
        crate::load::documents_in(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/policies"
        )))
        .expect("policies load")
    }

    #[test]
    fn every_policy_survives_the_round_trip() {
        let docs = policies();
        let pack = encode(&docs);
        assert_eq!(decode(&pack).expect("pack reads"), docs);
    }

    #[test]
    fn the_english_file_and_the_chinese_one_make_the_whole() {
        let whole = policies();
        let mut chinese = whole.clone();
        let english = take_english(&mut chinese);
        let chinese = decode(&encode(&chinese)).unwrap();
        let english = decode_english(&encode_english(&english)).unwrap();
        assert!(chinese
            .iter()
            .flat_map(|d| &d.measures)
            .all(|m| m.title_en.is_empty() && m.summary_en.is_none()));
        let mut merged = chinese;
        for m in merged.iter_mut().flat_map(|d| d.measures.iter_mut()) {
            let t = english
                .iter()
                .find(|t| t.id == m.id)
                .expect("every measure has English");
            m.title_en = t.title.clone();
            m.summary_en = t.summary.clone();
        }
        assert_eq!(merged, whole);
        // Neither file reads as the other.
        assert!(decode(&encode_english(&[])).is_err());
        assert!(decode_english(&encode(&whole)).is_err());
    }

    #[test]
    fn a_cut_or_altered_pack_is_an_error_not_a_panic() {
        let pack = encode(&policies());
        for cut in [0, 3, 4, 5, 100, pack.len() / 2, pack.len() - 1] {
            assert!(decode(&pack[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = pack.clone();
        longer.push(0);
        assert!(decode(&longer)
            .unwrap_err()
            .what
            .starts_with("checksum does not match"));
        // A changed amount is refused, not shown.
        let mut changed = pack.clone();
        changed[pack.len() / 3] ^= 1;
        assert!(decode(&changed)
            .unwrap_err()
            .what
            .starts_with("checksum does not match"));
        let mut foreign = pack.clone();
        foreign[0] = b'{';
        assert_eq!(
            decode(&foreign).unwrap_err().to_string(),
            "rules file damaged at byte 0: not a rules file"
        );
    }

    #[test]
    fn deeply_nested_conditions_are_refused() {
        let mut docs = policies();
        let mut when = Condition::Always;
        for _ in 0..100 {
            when = Condition::Not(Box::new(when));
        }
        docs[0].measures[0].when = when;
        assert_eq!(
            decode(&encode(&docs)).unwrap_err().what,
            "conditions nested too deep"
        );
    }

    #[test]
    fn trailing_bytes_inside_a_valid_checksum_are_refused() {
        let mut body = encode(&policies());
        body.truncate(body.len() - 8);
        body.push(0);
        let sum = checksum(&body);
        body.extend_from_slice(&sum.to_le_bytes());
        assert_eq!(
            decode(&body).unwrap_err().what,
            "extra bytes after the last document"
        );
    }
}
