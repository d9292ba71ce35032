//! Evaluating every measure for one worker: a full answer set and an empty one.
//! Target: at most 20 µs each natively (issue 18; the widget re-evaluates on every
//! answer). Figures and how they were measured: docs/size.md, "Evaluation time".

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use wugong::{Answers, Date, Fact, FactSet, Money, Value};

fn full_answers() -> Answers {
    let mut a = Answers::new();
    let date = |s: &str| Value::Date(s.parse().unwrap());
    let set: &[(Fact, Value)] = &[
        (Fact::HomeRegion, Value::Region("530326")),
        (Fact::Age, Value::Count(38)),
        (Fact::Sex, Value::Choice("male")),
        (Fact::Household, Value::Choice("rural")),
        (Fact::Tuopin, Value::Bool(true)),
        (Fact::Jiandang, Value::Bool(true)),
        (Fact::Relocated, Value::Bool(false)),
        (Fact::WorkPlace, Value::Choice("cross_province")),
        (Fact::OrganisedOutput, Value::Bool(true)),
        (Fact::StableMonths, Value::Count(5)),
        (Fact::TicketPrice, Value::Money(Money::yuan(420))),
        (Fact::Unemployed, Value::Bool(false)),
        (Fact::ProblemUnpaidWages, Value::Bool(true)),
        (Fact::StillEmployed, Value::Bool(false)),
        (Fact::JobEndDate, date("2024-01-20")),
        (Fact::DisputeDate, date("2023-12-15")),
        (Fact::TrainingDays, Value::Count(12)),
        (Fact::BusinessStartDate, date("2022-05-01")),
    ];
    for (f, v) in set {
        a.set(*f, *v).unwrap();
    }
    for f in Fact::ALL.iter().filter(|f| !f.is_derived()) {
        if a.get(*f).is_none() {
            if let wugong::fact::FactKind::Bool = f.kind() {
                a.set(*f, Value::Bool(false)).unwrap();
            }
        }
    }
    a
}

fn bench(c: &mut Criterion) {
    let catalogue = selfcheck::embedded().unwrap();
    let as_of: Date = "2024-06-01".parse().unwrap();
    let full = full_answers();
    let empty = Answers::new();
    c.bench_function("evaluate all measures, full answers", |b| {
        b.iter(|| catalogue.evaluate(black_box(&full), as_of).outcomes.len())
    });
    c.bench_function("evaluate all measures, no answers", |b| {
        b.iter(|| catalogue.evaluate(black_box(&empty), as_of).outcomes.len())
    });
    c.bench_function("next question, no answers", |b| {
        b.iter(|| catalogue.next_question(black_box(&empty), as_of, &FactSet::new()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
