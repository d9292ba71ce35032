//! Reading `policies/*.toml` into checked [`Document`]s. Every mistake is reported with
//! the file and the field path, e.g.
//! `policies/yn-2021-49.toml: measure[2].when.all[1].fact: unknown fact 'stabel_months'`.

use std::fmt;

use rust_decimal::Decimal;
use toml::{Table, Value as Toml};

use wugong::amount::{AmountRule, DayTier, Frequency};
use wugong::condition::{Check, Condition, Test};
use wugong::date::Date;
use wugong::deadline::DeadlineKind;
use wugong::fact::{Fact, FactKind};
use wugong::money::Money;
use wugong::policy::{Audience, Document, Kind, Measure, Phone};
use wugong::region;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    pub file: String,
    pub field: String,
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}: {}: {}", self.file, self.field, self.message)
        }
    }
}

impl std::error::Error for LoadError {}

type R<T> = Result<T, LoadError>;

/// Where we are in a file, for error messages.
#[derive(Clone)]
struct At<'a> {
    file: &'a str,
    path: String,
}

impl<'a> At<'a> {
    fn err<T>(&self, message: impl Into<String>) -> R<T> {
        Err(LoadError {
            file: self.file.to_string(),
            field: self.path.clone(),
            message: message.into(),
        })
    }
    fn key(&self, k: &str) -> At<'a> {
        let path = if self.path.is_empty() {
            k.to_string()
        } else {
            format!("{}.{k}", self.path)
        };
        At {
            file: self.file,
            path,
        }
    }
    fn index(&self, i: usize) -> At<'a> {
        At {
            file: self.file,
            path: format!("{}[{i}]", self.path),
        }
    }
}

/// A table being read: each key is taken once; keys left over are typos.
struct Fields<'t, 'a> {
    table: &'t Table,
    at: At<'a>,
    taken: Vec<&'static str>,
}

impl<'t, 'a> Fields<'t, 'a> {
    fn new(value: &'t Toml, at: At<'a>) -> R<Fields<'t, 'a>> {
        match value {
            Toml::Table(table) => Ok(Fields {
                table,
                at,
                taken: vec![],
            }),
            other => at.err(format!("expected a table, found {}", other.type_str())),
        }
    }

    fn opt(&mut self, k: &'static str) -> Option<(&'t Toml, At<'a>)> {
        self.taken.push(k);
        self.table.get(k).map(|v| (v, self.at.key(k)))
    }

    fn req(&mut self, k: &'static str) -> R<(&'t Toml, At<'a>)> {
        match self.opt(k) {
            Some(x) => Ok(x),
            None => self.at.key(k).err("is missing"),
        }
    }

    fn text(&mut self, k: &'static str) -> R<String> {
        let (v, at) = self.req(k)?;
        text(v, &at)
    }

    fn opt_text(&mut self, k: &'static str) -> R<Option<String>> {
        self.opt(k).map(|(v, at)| text(v, &at)).transpose()
    }

    fn date(&mut self, k: &'static str) -> R<Date> {
        let (v, at) = self.req(k)?;
        date(v, &at)
    }

    fn opt_date(&mut self, k: &'static str) -> R<Option<Date>> {
        self.opt(k).map(|(v, at)| date(v, &at)).transpose()
    }

    fn array(&mut self, k: &'static str) -> R<Vec<(&'t Toml, At<'a>)>> {
        match self.opt(k) {
            None => Ok(vec![]),
            Some((Toml::Array(items), at)) => Ok(items
                .iter()
                .enumerate()
                .map(|(i, v)| (v, at.index(i)))
                .collect()),
            Some((other, at)) => at.err(format!("expected a list, found {}", other.type_str())),
        }
    }

    /// Fails on any key not taken.
    fn finish(self) -> R<()> {
        for k in self.table.keys() {
            if !self.taken.contains(&k.as_str()) {
                return self.at.key(k).err(format!(
                    "unknown field (known here: {})",
                    self.taken.join(", ")
                ));
            }
        }
        Ok(())
    }
}

fn text(v: &Toml, at: &At) -> R<String> {
    match v {
        Toml::String(s) if !s.trim().is_empty() => Ok(s.clone()),
        Toml::String(_) => at.err("is empty"),
        other => at.err(format!("expected text, found {}", other.type_str())),
    }
}

fn date(v: &Toml, at: &At) -> R<Date> {
    match v {
        Toml::String(s) => s.parse().or_else(|e: wugong::date::DateError| at.err(e.0)),
        Toml::Datetime(d) => d
            .to_string()
            .parse()
            .or_else(|e: wugong::date::DateError| at.err(e.0)),
        other => at.err(format!(
            "expected a date \"YYYY-MM-DD\", found {}",
            other.type_str()
        )),
    }
}

/// Money from text or a whole number; floats are refused because they are inexact.
fn money(v: &Toml, at: &At) -> R<Money> {
    match v {
        Toml::String(s) => Money::parse(s).or_else(|e| at.err(e)),
        Toml::Integer(n) if *n >= 0 => Ok(Money::yuan(*n)),
        Toml::Integer(n) => at.err(format!("{n} is negative; amounts of money cannot be")),
        Toml::Float(_) => {
            at.err("write money as text, e.g. \"420.50\", not as a floating-point number")
        }
        other => at.err(format!(
            "expected an amount of money as text, found {}",
            other.type_str()
        )),
    }
}

fn count(v: &Toml, at: &At) -> R<u32> {
    match v {
        Toml::Integer(n) if (0..=100_000).contains(n) => Ok(*n as u32),
        other => at.err(format!("expected a whole number ≥ 0, found {other}")),
    }
}

fn strings(v: &Toml, at: &At) -> R<Vec<String>> {
    match v {
        Toml::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, x)| text(x, &at.index(i)))
            .collect(),
        other => at.err(format!(
            "expected a list of text, found {}",
            other.type_str()
        )),
    }
}

fn choose<T: Copy>(v: &Toml, at: &At, options: &[(&str, T)]) -> R<T> {
    let s = text(v, at)?;
    match options.iter().find(|o| o.0 == s) {
        Some(o) => Ok(o.1),
        None => {
            let names: Vec<_> = options.iter().map(|o| o.0).collect();
            at.err(format!("'{s}' is not one of {}", names.join(", ")))
        }
    }
}

fn region_code(s: &str, at: &At) -> R<String> {
    if s == region::NATIONAL || region::find(s).is_some() {
        Ok(s.to_string())
    } else {
        at.err(format!(
            "unknown region '{s}' (use a code from crates/core/src/region.rs or 'national')"
        ))
    }
}

/// The `*.toml` files directly in a folder, in name order (so results are stable).
pub fn toml_files(dir: &std::path::Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    Ok(paths)
}

/// Reads and checks every `*.toml` in a folder, in name order. Errors name the file.
pub fn documents_in(dir: &std::path::Path) -> R<Vec<Document>> {
    let io = |e: std::io::Error| LoadError {
        file: dir.display().to_string(),
        field: String::new(),
        message: e.to_string(),
    };
    let paths = toml_files(dir).map_err(io)?;
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).map_err(io)?;
            document(&p.display().to_string(), &text)
        })
        .collect()
}

/// Reads one policy file. `file` is the path shown in errors; the document id is its stem.
pub fn document(file: &str, source: &str) -> R<Document> {
    let top = At {
        file,
        path: String::new(),
    };
    let value: Toml = match source.parse::<Table>() {
        Ok(t) => Toml::Table(t),
        Err(e) => return top.err(format!("not valid TOML: {}", e.message())),
    };
    let id = file
        .rsplit('/')
        .next()
        .unwrap_or(file)
        .trim_end_matches(".toml")
        .to_string();
    let mut f = Fields::new(&value, top.clone())?;
    let mut doc_fields = {
        let (v, at) = f.req("document")?;
        Fields::new(v, at)?
    };
    let number = doc_fields.text("number")?;
    let title = doc_fields.text("title")?;
    let issuer = doc_fields.text("issuer")?;
    let region = {
        let (v, at) = doc_fields.req("region")?;
        region_code(&text(v, &at)?, &at)?
    };
    let issued = doc_fields.date("issued")?;
    let valid_from = doc_fields.opt_date("valid_from")?.unwrap_or(issued);
    let valid_until = match doc_fields.req("valid_until")? {
        (Toml::String(s), _) if s == "none stated" => None,
        (v, at) => {
            let until = date(v, &at)?;
            if until < valid_from {
                return at.err(format!("{until} is before valid_from {valid_from}"));
            }
            Some(until)
        }
    };
    let validity_note = doc_fields.opt_text("validity_note")?;
    let source_ref = doc_fields.text("source")?;
    let checked = doc_fields.date("checked")?;
    doc_fields.finish()?;

    let mut measures = Vec::new();
    for (v, at) in f.array("measure")? {
        measures.push(measure(v, at, valid_from)?);
    }
    if measures.is_empty() {
        return top
            .key("measure")
            .err("a document needs at least one [[measure]]");
    }
    f.finish()?;
    let mut seen = std::collections::BTreeSet::new();
    for (i, m) in measures.iter().enumerate() {
        if !seen.insert(m.id.clone()) {
            return top
                .key("measure")
                .index(i)
                .key("id")
                .err(format!("duplicate id '{}'", m.id));
        }
    }
    Ok(Document {
        id,
        number,
        title,
        issuer,
        region,
        issued,
        valid_from,
        valid_until,
        validity_note,
        source: source_ref,
        checked,
        measures,
    })
}

const KINDS: &[(&str, Kind)] = &[
    ("subsidy", Kind::Subsidy),
    ("service", Kind::Service),
    ("protection", Kind::Protection),
    ("channel", Kind::Channel),
];
const AUDIENCES: &[(&str, Audience)] = &[
    ("worker", Audience::Worker),
    ("employer", Audience::Employer),
];
const FREQUENCIES: &[(&str, Frequency)] = &[
    ("one_off", Frequency::OneOff),
    ("per_year", Frequency::PerYear),
    ("per_month", Frequency::PerMonth),
    ("per_day", Frequency::PerDay),
];

fn measure(v: &Toml, at: At, doc_from: Date) -> R<Measure> {
    let mut f = Fields::new(v, at.clone())?;
    let id = f.text("id")?;
    if !id
        .bytes()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
    {
        return at
            .key("id")
            .err(format!("'{id}' may use only a-z, 0-9 and '-'"));
    }
    // Name the measure in later errors so a reader can find it.
    let at = At {
        file: at.file,
        path: format!("{} ({id})", at.path),
    };
    f.at = at.clone();
    let kind = {
        let (v, a) = f.req("kind")?;
        choose(v, &a, KINDS)?
    };
    let audience = {
        let (v, a) = f.req("audience")?;
        choose(v, &a, AUDIENCES)?
    };
    let title = f.text("title")?;
    let title_en = f.text("title_en")?;
    let summary = f.text("summary")?;
    let summary_en = f.opt_text("summary_en")?;
    let clause = f.text("clause")?;
    let when = {
        let (v, a) = f.req("when")?;
        condition(v, a)?
    };
    let amount = f.opt("amount").map(|(v, a)| amount(v, a)).transpose()?;
    let frequency = f
        .opt("frequency")
        .map(|(v, a)| choose(v, &a, FREQUENCIES))
        .transpose()?;
    if amount.is_some() && frequency.is_none() {
        return at
            .key("frequency")
            .err("is missing (an amount needs one_off, per_year, per_month or per_day)");
    }
    let apply_where = f.text("apply_where")?;
    let apply_how = f.text("apply_how")?;
    let materials = match f.opt("materials") {
        Some((v, a)) => strings(v, &a)?,
        None => vec![],
    };
    let note = f.opt_text("note")?;
    let valid_from = f.opt_date("valid_from")?;
    let valid_until = f.opt_date("valid_until")?;
    if let Some(until) = valid_until {
        let from = valid_from.unwrap_or(doc_from);
        if until < from {
            return at
                .key("valid_until")
                .err(format!("{until} is before the start {from}"));
        }
    }
    let deadlines = f
        .array("deadlines")?
        .into_iter()
        .map(|(v, a)| {
            // The deadlines of policies/data/deadlines.toml, by id.
            let known: Vec<(&str, DeadlineKind)> =
                DeadlineKind::all().map(|k| (k.name(), k)).collect();
            choose(v, &a, &known)
        })
        .collect::<R<Vec<_>>>()?;
    let mut phones = Vec::new();
    for (v, a) in f.array("phones")? {
        let mut p = Fields::new(v, a.clone())?;
        let number = p.text("number")?;
        let dial = p.opt_text("dial")?.unwrap_or_else(|| number.clone());
        if !dial.bytes().all(|c| c.is_ascii_digit() || c == b'-') {
            return a
                .key("dial")
                .err(format!("'{dial}' must be digits and '-' only"));
        }
        let note = p.opt_text("note")?;
        p.finish()?;
        phones.push(Phone { number, dial, note });
    }
    f.finish()?;
    Ok(Measure {
        id,
        kind,
        audience,
        title,
        title_en,
        summary,
        summary_en,
        clause,
        when,
        amount,
        frequency,
        apply_where,
        apply_how,
        materials,
        note,
        valid_from,
        valid_until,
        deadlines,
        phones,
    })
}

fn condition(v: &Toml, at: At) -> R<Condition> {
    let mut f = Fields::new(v, at.clone())?;
    let shapes = ["always", "all", "any", "not", "fact"];
    let present: Vec<_> = shapes
        .iter()
        .filter(|k| f.table.contains_key(**k))
        .collect();
    if present.len() != 1 {
        return at.err("needs exactly one of: always = true, all = [...], any = [...], not = {...}, fact = \"...\"");
    }
    let c = match *present[0] {
        "always" => match f.req("always")? {
            (Toml::Boolean(true), _) => Condition::Always,
            (_, a) => return a.err("write always = true, or give conditions"),
        },
        "all" | "any" => {
            let key = if *present[0] == "all" { "all" } else { "any" };
            let items = f.array(key)?;
            if items.is_empty() {
                return at.key(key).err("an empty list decides nothing");
            }
            let cs = items
                .into_iter()
                .map(|(v, a)| condition(v, a))
                .collect::<R<Vec<_>>>()?;
            if key == "all" {
                Condition::All(cs)
            } else {
                Condition::Any(cs)
            }
        }
        "not" => {
            let (v, a) = f.req("not")?;
            Condition::Not(Box::new(condition(v, a)?))
        }
        _ => Condition::Test(test(&mut f)?),
    };
    f.finish()?;
    Ok(c)
}

fn test(f: &mut Fields) -> R<Test> {
    let (v, at) = f.req("fact")?;
    let name = text(v, &at)?;
    let fact = match Fact::from_name(&name) {
        Some(fact) => fact,
        None => {
            return at.err(format!(
                "unknown fact '{name}' (facts are listed in crates/core/src/fact.rs)"
            ))
        }
    };
    let checks = [
        "is",
        "in",
        "within",
        "at_least",
        "at_most",
        "on_or_after",
        "on_or_before",
    ];
    let present: Vec<_> = checks
        .iter()
        .copied()
        .filter(|k| f.table.contains_key(*k))
        .collect();
    if present.len() != 1 {
        return f.at.err(format!(
            "fact '{name}' needs exactly one check of: {}",
            checks.join(", ")
        ));
    }
    let key = present[0];
    let (v, a) = f.req(key)?;
    let check = match (key, fact.kind()) {
        ("is", FactKind::Bool) => match v {
            Toml::Boolean(b) => Check::Is(*b),
            _ => return a.err("expected true or false"),
        },
        ("in", FactKind::Choice(_)) => {
            let opts = strings(v, &a)?;
            for (i, o) in opts.iter().enumerate() {
                if fact.choice_option(o).is_none() {
                    return a
                        .index(i)
                        .err(format!("'{o}' is not an option of '{name}'"));
                }
            }
            Check::OneOf(opts)
        }
        ("within", FactKind::Region) => {
            let codes = strings(v, &a)?;
            for (i, c) in codes.iter().enumerate() {
                region_code(c, &a.index(i))?;
            }
            Check::Within(codes)
        }
        ("at_least", FactKind::Count(_)) => Check::AtLeast(count(v, &a)?),
        ("at_most", FactKind::Count(_)) => Check::AtMost(count(v, &a)?),
        ("at_least", FactKind::Money) => Check::MoneyAtLeast(money(v, &a)?),
        ("at_most", FactKind::Money) => Check::MoneyAtMost(money(v, &a)?),
        ("on_or_after", FactKind::Date) => Check::OnOrAfter(date(v, &a)?),
        ("on_or_before", FactKind::Date) => Check::OnOrBefore(date(v, &a)?),
        _ => {
            return a.err(format!(
                "'{key}' does not fit fact '{name}' ({})",
                kind_name(fact.kind())
            ))
        }
    };
    Ok(Test { fact, check })
}

fn amount(v: &Toml, at: At) -> R<AmountRule> {
    let mut f = Fields::new(v, at.clone())?;
    let shapes = [
        "fixed",
        "up_to",
        "at_least",
        "between",
        "ticket_up_to",
        "per_day",
        "percent_of_wage",
        "loan_up_to",
    ];
    let present: Vec<_> = shapes
        .iter()
        .copied()
        .filter(|k| f.table.contains_key(*k))
        .collect();
    if present.len() != 1 {
        return at.err(format!("needs exactly one of: {}", shapes.join(", ")));
    }
    let rule = match present[0] {
        "fixed" => AmountRule::Fixed(money_field(&mut f, "fixed")?),
        "up_to" => AmountRule::UpTo(money_field(&mut f, "up_to")?),
        "at_least" => AmountRule::AtLeast(money_field(&mut f, "at_least")?),
        "ticket_up_to" => AmountRule::TicketUpTo(money_field(&mut f, "ticket_up_to")?),
        "loan_up_to" => AmountRule::LoanUpTo(money_field(&mut f, "loan_up_to")?),
        "between" => {
            let (v, a) = f.req("between")?;
            match v {
                Toml::Array(xs) if xs.len() == 2 => {
                    let (min, max) = (money(&xs[0], &a.index(0))?, money(&xs[1], &a.index(1))?);
                    if min > max {
                        return a.err(format!("{min} is more than {max}"));
                    }
                    AmountRule::Between { min, max }
                }
                _ => return a.err("expected [\"min\", \"max\"]"),
            }
        }
        "per_day" => {
            let mut tiers = Vec::new();
            for (v, a) in f.array("per_day")? {
                let mut t = Fields::new(v, a.clone())?;
                let through_day = t
                    .opt("through_day")
                    .map(|(v, a)| count(v, &a))
                    .transpose()?;
                let rate = {
                    let (v, a) = t.req("rate")?;
                    money(v, &a)?
                };
                t.finish()?;
                tiers.push(DayTier { through_day, rate });
            }
            if tiers.is_empty() {
                return at
                    .key("per_day")
                    .err("needs at least one { rate = \"...\" }");
            }
            let cap = f.opt("cap").map(|(v, a)| money(v, &a)).transpose()?;
            AmountRule::PerDay { tiers, cap }
        }
        _ => {
            let (v, a) = f.req("percent_of_wage")?;
            let percent = match v {
                Toml::String(s) => s
                    .parse::<Decimal>()
                    .ok()
                    .filter(|p| *p > Decimal::ZERO && *p <= Decimal::ONE_HUNDRED),
                Toml::Integer(n) if (1..=100).contains(n) => Some(Decimal::from(*n)),
                _ => None,
            };
            let Some(percent) = percent else {
                return a.err("expected a percentage between 0 and 100, e.g. \"15\"");
            };
            let (v, a) = f.req("max_months")?;
            AmountRule::PercentOfWage {
                percent,
                max_months: count(v, &a)?,
            }
        }
    };
    f.finish()?;
    Ok(rule)
}

fn money_field(f: &mut Fields, k: &'static str) -> R<Money> {
    let (v, a) = f.req(k)?;
    money(v, &a)
}

fn kind_name(k: FactKind) -> &'static str {
    match k {
        FactKind::Region => "a region: use within",
        FactKind::Bool => "yes/no: use is",
        FactKind::Count(_) => "a number: use at_least or at_most",
        FactKind::Money => "money: use at_least or at_most",
        FactKind::Date => "a date: use on_or_after or on_or_before",
        FactKind::Choice(_) => "a choice: use in",
    }
}
