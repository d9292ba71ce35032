//! The answers in a short text, for share links (in the URL fragment, never sent to a
//! server) and for storage on the phone.
//!
//! Format 2 (written now): `2.` and base64url of bytes — an optional evaluation date,
//! then per answer a fact code from [`CODES`] and its value (yes/no and options as one
//! byte, numbers as varints, amounts and region codes as short text), then a 2-byte checksum so a
//! link cut short in a chat app is refused rather than read with answers missing. It is
//! compact and not readable at a glance ("tuopin=1" told anyone looking over a shoulder
//! what a worker had answered); it is still the worker's data, and the share screen
//! says so. Format 1 (`v1;home_region=530326;tuopin=1`), of older links and storage, is
//! still read. Decoding never panics: anything malformed is one line and nothing is
//! applied. The widget never shows that line (it may quote the text): it says the link
//! cannot be opened.

use crate::answers::{as_of_refused, parse_value, Answers, RawValue, Refusal, Value};
use crate::date::Date;
use crate::fact::{Fact, FactKind, FactSet};
use crate::money::Money;

pub const VERSION: &str = "v1";
/// The prefix of format 2.
pub const VERSION_2: &str = "2.";

/// Longest text accepted; a real answer set is a few hundred bytes.
pub const MAX_LEN: usize = 4096;

/// The facts' codes in format 2: a fact's position in this list. Append only — a code
/// once given never changes, or old links would read as other answers.
pub const CODES: &[Fact] = &[
    Fact::HomeRegion,
    Fact::Age,
    Fact::Sex,
    Fact::Household,
    Fact::Tuopin,
    Fact::Jiandang,
    Fact::Monitored,
    Fact::Dibao,
    Fact::ZeroEmploymentFamily,
    Fact::Disabled,
    Fact::Relocated,
    Fact::ReturningMigrant,
    Fact::Graduate,
    Fact::Lianghousheng,
    Fact::Veteran,
    Fact::WorkPlace,
    Fact::OrganisedOutput,
    Fact::StableMonths,
    Fact::ContractMonths,
    Fact::WorkshopJob,
    Fact::SmallFirmJob,
    Fact::FlexibleEmployment,
    Fact::MonthlyWage,
    Fact::Unemployed,
    Fact::UnemployedMonths,
    Fact::RegisteredUnemployed,
    Fact::UiPaidYears,
    Fact::LostJobInvoluntarily,
    Fact::HasBusiness,
    Fact::BusinessStartDate,
    Fact::BusinessMonths,
    Fact::FirstBusiness,
    Fact::BusinessProfitable,
    Fact::BusinessForm,
    Fact::AttendedTraining,
    Fact::TrainingDays,
    Fact::TrainingCertificate,
    Fact::TrainingsThisYear,
    Fact::TicketPrice,
    Fact::ProblemUnpaidWages,
    Fact::ProblemDismissed,
    Fact::ProblemInjury,
    Fact::ProblemIllegalFees,
    Fact::ProblemDiscrimination,
    Fact::ProblemFraud,
    Fact::ProblemNoContract,
    Fact::ProblemNoSocialInsurance,
    Fact::DisputeDate,
    Fact::InjuryDate,
    Fact::StillEmployed,
    Fact::JobEndDate,
    Fact::CanLeaveHome,
    Fact::LabourCapacity,
    // Was `has_public_post` ("another public-welfare post"): the same answer.
    Fact::OtherPublicPost,
    // Audit 2026-11-30 engine items 3–8 (branch audit-engine).
    Fact::BusinessCalendarMonth,
    Fact::NearRetirement,
    Fact::UiBenefitUsedUp,
    Fact::UiInsured,
    Fact::HardToEmploy,
    Fact::WorkRegion,
    // The facts of branch facts-regions.
    Fact::CountyPublicPost,
    Fact::FamilyDisabledOrIll,
    Fact::WantsToGoOut,
    Fact::ResettledTo,
    // Second readings 2026-11-30 (branch second-reading-fixes).
    Fact::JobMonths,
    // Issue 16, where a measure looks (branch where).
    Fact::BusinessRegion,
    Fact::InsuranceRegion,
    // What brought the worker (issue 17, branch ev).
    Fact::EventUnpaidWages,
    Fact::EventInjury,
    Fact::EventNoWork,
    Fact::EventGoOut,
    Fact::EventLearnTrade,
    Fact::EventStartBusiness,
    Fact::EventHardship,
    // Issue 16, the missing facts (branch facts).
    Fact::MassLayoff,
    Fact::OutworkSubsidyThisYear,
    Fact::IncomeCollapsed,
    Fact::LoanRepayTrouble,
    Fact::VocationalSchool,
    Fact::TrainingFree,
    Fact::YearsSinceSchool,
    Fact::JobSeeking,
    Fact::VillagePost,
    Fact::HouseholdOnPost,
];

/// What a link or the stored copy holds.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Shared {
    pub answers: Answers,
    /// The date the sharer evaluated on: opened later, the link shows the same result.
    pub as_of: Option<Date>,
}

impl Shared {
    /// The one gate (issue 14) for a link or the stored copy: a date outside
    /// [`Date::FIRST`]..=[`Date::LAST`] is dropped (the result is then for `otherwise`,
    /// today), then every answer that cannot be true on the date worked out for
    /// ([`Answers::gate`]). Each is said in `refused`, in the worker's words; the rest
    /// opens.
    pub fn gate(&mut self, otherwise: Date, refused: &mut Vec<Refusal>) {
        if let Some(r) = self.as_of.and_then(as_of_refused) {
            refused.push(r);
            self.as_of = None;
        }
        self.answers.gate(self.as_of.unwrap_or(otherwise), refused);
    }
}

/// The answers, without a date (storage).
pub fn encode(answers: &Answers) -> String {
    encode_shared(answers, None)
}

/// The answers and the date they were evaluated on (share links).
pub fn encode_shared(answers: &Answers, as_of: Option<Date>) -> String {
    let mut bytes = vec![as_of.is_some() as u8];
    if let Some(d) = as_of {
        put_date(&mut bytes, d);
    }
    for (fact, value) in answers.iter() {
        let Some(code) = CODES.iter().position(|f| *f == fact) else {
            continue;
        };
        bytes.push(code as u8);
        match value {
            Value::Bool(b) => bytes.push(b as u8),
            Value::Count(n) => put_varint(&mut bytes, n),
            // The amount's digits as written ("420.50"): exact, and no decimal
            // arithmetic in the wasm.
            Value::Money(m) => put_text(&mut bytes, &m.to_string()),
            Value::Date(d) => put_date(&mut bytes, d),
            Value::Choice(c) => {
                let i = match fact.kind() {
                    FactKind::Choice(opts) => opts.iter().position(|o| *o == c).unwrap_or(0),
                    _ => 0,
                };
                bytes.push(i as u8);
            }
            Value::Region(r) => put_text(&mut bytes, r),
        }
    }
    sealed(&bytes)
}

/// Format 2 of any body: `2.`, base64url of the body and its checksum. The encoder's
/// last step, and how tests and the fuzz targets forge links that pass the checksum.
pub fn sealed(body: &[u8]) -> String {
    let mut bytes = body.to_vec();
    bytes.extend(checksum(body));
    let mut out = String::from(VERSION_2);
    base64_encode(&bytes, &mut out);
    out
}

/// Reads either format; the date, if any, is dropped.
pub fn decode(text: &str) -> Result<Answers, String> {
    decode_shared(text).map(|s| s.answers)
}

/// Reads either format. The message says what was wrong, in one line (for logs and
/// tests; it may quote the text, so the widget does not show it).
pub fn decode_shared(text: &str) -> Result<Shared, String> {
    if text.len() > MAX_LEN {
        return Err(format!(
            "the saved answers are too long ({} characters)",
            text.len()
        ));
    }
    match text.strip_prefix(VERSION_2) {
        Some(payload) => decode_2(payload),
        None => decode_1(text).map(|answers| Shared {
            answers,
            as_of: None,
        }),
    }
}

fn decode_2(payload: &str) -> Result<Shared, String> {
    let bytes = base64_decode(payload).ok_or("not a link of this page")?;
    let (body, sum) = bytes
        .split_at_checked(bytes.len().saturating_sub(2))
        .filter(|(b, _)| !b.is_empty())
        .ok_or("too short")?;
    if checksum(body)[..] != *sum {
        return Err("damaged or cut short".into());
    }
    let mut r = Reader { bytes: body, at: 0 };
    let flags = r.byte()?;
    if flags > 1 {
        return Err("unknown flags".into());
    }
    let as_of = if flags == 1 { Some(r.date()?) } else { None };
    let mut answers = Answers::new();
    let mut given = FactSet::new();
    while r.at < r.bytes.len() {
        let code = r.byte()? as usize;
        let fact = *CODES.get(code).ok_or("unknown answer")?;
        if !given.insert(fact) {
            return Err(format!("answer '{}' is given twice", fact.name()));
        }
        let value = match fact.kind() {
            FactKind::Bool => match r.byte()? {
                0 => Value::Bool(false),
                1 => Value::Bool(true),
                _ => return Err(format!("answer '{}' must be yes or no", fact.name())),
            },
            FactKind::Count(_) => Value::Count(r.varint()?),
            FactKind::Money => Value::Money(Money::parse(&r.text()?).map_err(|_| "not an amount")?),
            FactKind::Date => Value::Date(r.date()?),
            FactKind::Choice(opts) => {
                Value::Choice(opts.get(r.byte()? as usize).ok_or("unknown option")?)
            }
            FactKind::Region => Value::Region(
                crate::region::find(&r.text()?)
                    .ok_or("unknown region")?
                    .code,
            ),
        };
        answers
            .set(fact, value)
            .map_err(|e| format!("answer '{}': not a valid value", e.field))?;
    }
    Ok(Shared { answers, as_of })
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, String> {
        let b = *self.bytes.get(self.at).ok_or("cut short")?;
        self.at += 1;
        Ok(b)
    }
    fn varint(&mut self) -> Result<u32, String> {
        let mut n: u32 = 0;
        for shift in [0, 7, 14, 21, 28] {
            let b = self.byte()?;
            let part = (b & 0x7f) as u32;
            if shift == 28 && part > 0x0f {
                return Err("number too large".into());
            }
            n |= part << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err("number too long".into())
    }
    /// A length byte and that many bytes of ASCII.
    fn text(&mut self) -> Result<String, String> {
        let len = self.byte()? as usize;
        let bytes = self.bytes.get(self.at..self.at + len).ok_or("cut short")?;
        self.at += len;
        Ok(bytes.iter().map(|b| *b as char).collect())
    }
    fn date(&mut self) -> Result<Date, String> {
        // Not `as i32`: a varint over 2^31 would be a negative year (−1 panicked in
        // `plus_months`). Years 0..=9999 are dates; the gate refuses those outside
        // `Date::FIRST..=Date::LAST` with a plain line.
        let year = i32::try_from(self.varint()?)
            .ok()
            .filter(|y| *y <= 9999)
            .ok_or("not a date")?;
        let (month, day) = (self.byte()?, self.byte()?);
        Date::new(year, month, day).map_err(|e| e.0)
    }
}

fn put_varint(out: &mut Vec<u8>, mut n: u32) {
    loop {
        let b = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// At most 255 bytes (a money amount or a region code is far shorter).
fn put_text(out: &mut Vec<u8>, text: &str) {
    let bytes = &text.as_bytes()[..text.len().min(255)];
    out.push(bytes.len() as u8);
    out.extend_from_slice(bytes);
}

fn put_date(out: &mut Vec<u8>, d: Date) {
    put_varint(out, d.year().max(0) as u32);
    out.push(d.month());
    out.push(d.day());
}

/// Fletcher-16 (starting at 1, so zeros do not sum to zero): catches a cut or changed character, not an attacker (nothing here is
/// secret, and every value is checked again when read).
fn checksum(bytes: &[u8]) -> [u8; 2] {
    let (mut a, mut b) = (1u16, 0u16);
    for x in bytes {
        a = (a + *x as u16) % 255;
        b = (b + a) % 255;
    }
    [b as u8, a as u8]
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding: every character is safe in a URL fragment.
fn base64_encode(bytes: &[u8], out: &mut String) {
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (*b as u32) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(BASE64[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
}

fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut n, mut bits) = (0u32, 0);
    for c in text.bytes() {
        let v = BASE64.iter().position(|x| *x == c)? as u32;
        n = n << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((n >> bits) as u8);
            n &= (1 << bits) - 1;
        }
    }
    // Leftover bits must be zero padding of a well-formed text.
    (n == 0 && bits < 6).then_some(out)
}

/// A short, printable piece of untrusted text for a message.
fn snippet(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).take(30).collect()
}

/// Reads format 1: `v1;home_region=530326;tuopin=1;ticket_price=420.50`.
fn decode_1(text: &str) -> Result<Answers, String> {
    let mut parts = text.split(';');
    match parts.next() {
        Some(VERSION) => {}
        Some(other) => return Err(format!("unknown format '{}'", snippet(other))),
        None => return Err("empty".into()),
    }
    let mut answers = Answers::new();
    let mut given = FactSet::new();
    for part in parts.filter(|p| !p.is_empty()) {
        let Some((name, value)) = part.split_once('=') else {
            return Err(format!("'{}' has no value", snippet(part)));
        };
        let Some(fact) = Fact::from_name(name) else {
            return Err(format!("unknown answer '{}'", snippet(name)));
        };
        let rv = match fact.kind() {
            FactKind::Bool => match value {
                "1" => RawValue::Bool(true),
                "0" => RawValue::Bool(false),
                _ => return Err(format!("answer '{name}' must be 1 or 0")),
            },
            FactKind::Count(_) => match value.parse::<i64>() {
                Ok(n) => RawValue::Int(n),
                Err(_) => return Err(format!("answer '{name}' must be a whole number")),
            },
            _ => RawValue::Text(value.to_string()),
        };
        if !given.insert(fact) {
            return Err(format!("answer '{name}' is given twice"));
        }
        let checked =
            parse_value(fact, &rv).and_then(|v| answers.set(fact, v).map_err(|e| e.message));
        if let Err(message) = checked {
            // Values from the text can appear in the message: keep it one printable line.
            return Err(format!("answer '{name}': {message}")
                .chars()
                .filter(|c| !c.is_control())
                .take(150)
                .collect());
        }
    }
    Ok(answers)
}

#[cfg(test)]
#[path = "share_tests.rs"]
mod tests;
