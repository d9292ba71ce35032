//! Writes the rules file the browser reads with [`wugong::pack::decode`]: the documents
//! the loader has checked and the tables of `policies/data/` (deadlines, implications,
//! warnings), in the layout described in `crates/core/src/pack.rs`. Maintainers' fields
//! (a document's `note` and `source`, a measure's `note` and `source_lines`, a deadline's
//! and an implication's `source` and `clause`) are not written.
//! Native only (run by `selfcheck pack` in the web build), so the wasm carries the reader alone.

use rust_decimal::Decimal;

use wugong::amount::AmountRule;
use wugong::catalogue::Tables;
use wugong::condition::{Check, Condition};
use wugong::date::Date;
use wugong::deadline::{DeadlineSpec, Whose, Words};
use wugong::money::Money;
use wugong::pack::{checksum, EnglishText, ENGLISH_MAGIC, MAGIC};
use wugong::policy::{Document, Measure};
use wugong::tags::Named;

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
    /// An enum's tag, from its table in `wugong::tags`.
    fn tag(&mut self, t: impl Named) {
        self.byte(t.tag());
    }
    fn condition(&mut self, c: &Condition) {
        self.tag(c.shape());
        match c {
            Condition::Always => {}
            Condition::All(v) | Condition::Any(v) => {
                self.uint(v.len() as u64);
                for c in v {
                    self.condition(c);
                }
            }
            Condition::Not(c) => self.condition(c),
            Condition::Test(t) => {
                self.tag(t.fact);
                self.check(&t.check);
            }
            Condition::Employer(e) => {
                self.str(&e.zh);
                self.str(&e.en);
            }
            Condition::Until(d) => self.date(*d),
        }
    }
    fn check(&mut self, c: &Check) {
        self.tag(c.shape());
        match c {
            Check::Is(b) => self.byte(*b as u8),
            Check::OneOf(v) | Check::Within(v) => self.strs(v),
            Check::AtLeast(n) | Check::AtMost(n) => self.uint(*n as u64),
            Check::MoneyAtLeast(m) | Check::MoneyAtMost(m) => self.money(*m),
            Check::OnOrAfter(d) | Check::OnOrBefore(d) => self.date(*d),
        }
    }
    fn amount(&mut self, a: &AmountRule) {
        self.tag(a.shape());
        match a {
            AmountRule::Fixed(m)
            | AmountRule::UpTo(m)
            | AmountRule::AtLeast(m)
            | AmountRule::TicketUpTo(m)
            | AmountRule::LoanUpTo(m) => self.money(*m),
            AmountRule::Between { min, max } => {
                self.money(*min);
                self.money(*max);
            }
            AmountRule::PerDay { tiers, cap } => {
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
                self.decimal(*percent);
                // 0 for "no most": the loader refuses max_months = 0, so it is free.
                self.uint(max_months.unwrap_or(0) as u64);
            }
        }
    }
    fn measure(&mut self, m: &Measure) {
        self.str(&m.id);
        self.tag(m.kind);
        self.tag(m.audience);
        self.str(&m.title);
        self.str(&m.title_en);
        self.str(&m.summary);
        self.opt(m.summary_en.as_deref(), Self::str);
        self.str(&m.clause);
        self.condition(&m.when);
        self.opt(m.amount.as_ref(), Self::amount);
        self.opt(m.frequency, Self::tag);
        self.str(&m.apply_where);
        self.str(&m.apply_how);
        self.strs(&m.materials);
        // `note` and `source_lines` are for maintainers: not in the rules file.
        self.opt(m.reading.as_ref(), |w, r| {
            w.str(&r.text);
            w.strs(&r.numbers);
        });
        self.opt(m.benefit.as_deref(), Self::str);
        self.opt(m.done_when.as_ref(), Self::condition);
        self.opt(m.valid_from, Self::date);
        self.opt(m.valid_until, Self::date);
        self.strs(&m.deadlines);
        self.uint(m.phones.len() as u64);
        for p in &m.phones {
            self.str(&p.number);
            self.str(&p.dial);
            self.opt(p.note.as_deref(), Self::str);
        }
        self.strs(&m.terms);
    }
    fn document(&mut self, d: &Document) {
        self.str(&d.id);
        self.str(&d.number);
        self.str(&d.title);
        self.str(&d.issuer);
        self.str(&d.region);
        self.opt(d.issued, Self::date);
        self.date(d.valid_from);
        self.opt(d.valid_until, Self::date);
        self.opt(d.validity_note.as_deref(), Self::str);
        self.opt(d.ask_first_from, Self::date);
        // `note` and `source` are for maintainers: not in the rules file.
        self.date(d.checked);
        self.uint(d.measures.len() as u64);
        for m in &d.measures {
            self.measure(m);
        }
    }
}

impl Writer {
    fn words(&mut self, w: &Words) {
        self.str(&w.zh);
        self.str(&w.en);
    }
    fn deadline(&mut self, d: &DeadlineSpec) {
        self.str(&d.id);
        self.tag(d.from);
        self.uint(u64::from(d.years));
        self.uint(u64::from(d.days));
        self.byte(d.wages_owed_from_job_end as u8);
        self.byte((d.whose == Whose::Employer) as u8);
        self.byte(d.advice as u8);
        self.str(&d.procedure);
        self.words(&d.title);
        self.words(&d.rule);
        self.str(&d.cite);
        self.words(&d.ahead);
        self.words(&d.passed);
        self.words(&d.while_employed);
        self.words(&d.while_employed_short);
        self.strs(&d.calls);
        self.strs(&d.calls_after);
        self.strs(&d.once_passed_drop);
    }
    fn tables(&mut self, t: &Tables) {
        self.uint(t.deadlines.len() as u64);
        for d in &t.deadlines {
            self.deadline(d);
        }
        self.uint(t.implications.len() as u64);
        for i in &t.implications {
            self.tag(i.when);
            self.tag(i.then);
            self.strs(&i.documents);
        }
        self.uint(t.warnings.len() as u64);
        for w in &t.warnings {
            self.str(&w.measure);
            self.tag(w.wants);
        }
        self.uint(t.questions.len() as u64);
        for q in &t.questions {
            self.uint(q.question as u64);
            for s in [&q.zh, &q.hint, &q.en, &q.hint_en] {
                self.str(s);
            }
        }
        self.uint(t.area_codes.len() as u64);
        for (prefecture, area) in &t.area_codes {
            self.str(prefecture);
            self.str(area);
        }
        self.strs(&t.local_numbers);
        self.uint(t.labels.len() as u64);
        for w in &t.labels {
            self.words(w);
        }
    }
}

/// What the rules file keeps of a document: all but the maintainers' fields (`note`
/// and `source`; a measure's `note` and `source_lines`). `decode(&encode(docs, t)).0`
/// equals `docs` mapped through this.
pub fn as_shipped(d: &Document) -> Document {
    let mut d = d.clone();
    d.note = None;
    d.source = String::new();
    for m in &mut d.measures {
        m.note = None;
        m.source_lines = None;
    }
    d
}

/// The documents and the tables as a pack.
pub fn encode(docs: &[Document], tables: &Tables) -> Vec<u8> {
    framed(MAGIC, docs.len(), |w| {
        docs.iter().for_each(|d| w.document(d));
        w.tables(tables);
    })
}

/// Moves the English texts out of `docs` (leaving empty titles and no summaries) and
/// out of the question screens' words of `tables` (id `q<screen number>`, the hint as
/// the summary, none if there is no hint) and its labels (id `f<place>`).
pub fn take_english(docs: &mut [Document], tables: &mut Tables) -> Vec<EnglishText> {
    let measures = docs
        .iter_mut()
        .flat_map(|d| d.measures.iter_mut())
        .map(|m| EnglishText {
            id: m.id.clone(),
            title: std::mem::take(&mut m.title_en),
            summary: m.summary_en.take(),
        });
    let questions = tables.questions.iter_mut().map(|q| EnglishText {
        id: wugong::catalogue::QuestionText::english_id(q.question),
        title: std::mem::take(&mut q.en),
        summary: Some(std::mem::take(&mut q.hint_en)).filter(|h| !h.is_empty()),
    });
    let labels = tables
        .labels
        .iter_mut()
        .enumerate()
        .map(|(place, w)| EnglishText {
            id: wugong::catalogue::label_english_id(place),
            title: std::mem::take(&mut w.en),
            summary: None,
        });
    measures.chain(questions).chain(labels).collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use wugong::pack::decode_english;

    fn dir() -> &'static std::path::Path {
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/policies"))
    }

    fn policies() -> Vec<Document> {
        crate::load::documents_in(dir()).expect("policies load")
    }

    fn tables() -> Tables {
        crate::load::tables_in(dir()).expect("data tables load")
    }

    /// The documents with the tables, as a pack.
    fn encode(docs: &[Document]) -> Vec<u8> {
        super::encode(docs, &tables())
    }

    fn decode(bytes: &[u8]) -> Result<Vec<Document>, wugong::pack::PackError> {
        wugong::pack::decode(bytes).map(|(docs, _)| docs)
    }

    #[test]
    fn every_policy_and_table_survives_the_round_trip() {
        let docs = policies();
        let pack = encode(&docs);
        let shipped: Vec<_> = docs.iter().map(as_shipped).collect();
        let (back, tables) = wugong::pack::decode(&pack).expect("pack reads");
        assert_eq!(back, shipped);
        assert_eq!(tables, self::tables());
        // Every flag and both kinds of deadline are in the data, so all are read back.
        assert!(tables.deadlines.iter().any(|d| d.advice));
        assert!(tables.deadlines.iter().any(|d| d.wages_owed_from_job_end));
        assert!(tables
            .deadlines
            .iter()
            .any(|d| d.whose == wugong::deadline::Whose::Employer));
        assert!(!tables.implications.is_empty() && !tables.warnings.is_empty());
        assert!(!tables.questions.is_empty());
        assert!(tables
            .area_codes
            .iter()
            .any(|(p, a)| p == "1409" && a == "0350"));
        assert_eq!(tables.local_numbers, ["12333"]);
    }

    #[test]
    fn the_english_file_and_the_chinese_one_make_the_whole() {
        let whole: Vec<_> = policies().iter().map(as_shipped).collect();
        let mut chinese = whole.clone();
        let mut tables = tables();
        let english = take_english(&mut chinese, &mut tables);
        let (chinese, questions, labels) = wugong::pack::decode(&super::encode(&chinese, &tables))
            .map(|(d, t)| (d, t.questions, t.labels))
            .unwrap();
        let english = decode_english(&encode_english(&english)).unwrap();
        // The labels: Chinese in the rules, English in the English file.
        let all = self::tables().labels;
        assert_eq!(labels.len(), wugong::words::label_keys().count());
        for (place, (l, whole)) in labels.iter().zip(&all).enumerate() {
            assert!(l.en.is_empty() && l.zh == whole.zh && !l.zh.is_empty());
            let id = wugong::catalogue::label_english_id(place);
            let t = english.iter().find(|t| t.id == id).expect("English label");
            assert_eq!(t.title, whole.en);
        }
        // The question screens' words: Chinese in the rules, English in the English file.
        for (q, whole) in questions.iter().zip(&self::tables().questions) {
            assert!(q.en.is_empty() && q.hint_en.is_empty() && !q.zh.is_empty());
            let id = wugong::catalogue::QuestionText::english_id(q.question);
            let t = english.iter().find(|t| t.id == id).expect("English words");
            assert_eq!(
                (&q.zh, &q.hint, &t.title, t.summary.as_deref().unwrap_or("")),
                (&whole.zh, &whole.hint, &whole.en, whole.hint_en.as_str())
            );
        }
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
            "extra bytes after the tables"
        );
    }
}
