//! The rules file: any document the types can hold (every variant of every enum, every
//! amount rule, nested conditions, optional fields present and absent) comes back from
//! the writer (`selfcheck::pack`) and the reader (`wugong::pack`) as it went in; each
//! enum's tags are pinned, so a swapped pair in the reader, the writer or a table fails.

use std::collections::BTreeSet;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use rust_decimal::Decimal;

use selfcheck::pack::{as_shipped, encode, encode_english, take_english};
use wugong::amount::AmountShape;
use wugong::amount::{AmountRule, DayTier, Frequency};
use wugong::catalogue::Tables;
use wugong::condition::{Check, Condition, EmployerCondition, Test};
use wugong::condition::{CheckShape, ConditionShape};
use wugong::pack::{decode, decode_english};
use wugong::policy::{Audience, Document, Kind, Measure, Phone, Reading};
use wugong::tags::Named;
use wugong::{Date, Fact, Money};

fn every<T: Named + std::fmt::Debug>() -> impl Strategy<Value = T> {
    proptest::sample::select(T::TABLE.iter().map(|r| r.2).collect::<Vec<T>>())
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), "\\PC{0,12}", "[a-z0-9-]{1,20}"]
}

fn texts() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(text(), 0..4)
}

fn date() -> impl Strategy<Value = Date> {
    (1i32..=9999, 1u8..=12, 1u8..=31)
        .prop_filter_map("a real date", |(y, m, d)| Date::new(y, m, d).ok())
}

fn decimal() -> impl Strategy<Value = Decimal> {
    (any::<i64>(), 0u32..=28).prop_map(|(n, scale)| Decimal::new(n, scale))
}

fn money() -> impl Strategy<Value = Money> {
    decimal().prop_map(Money)
}

fn check() -> impl Strategy<Value = Check> {
    prop_oneof![
        any::<bool>().prop_map(Check::Is),
        texts().prop_map(Check::OneOf),
        texts().prop_map(Check::Within),
        any::<u32>().prop_map(Check::AtLeast),
        any::<u32>().prop_map(Check::AtMost),
        money().prop_map(Check::MoneyAtLeast),
        money().prop_map(Check::MoneyAtMost),
        date().prop_map(Check::OnOrAfter),
        date().prop_map(Check::OnOrBefore),
    ]
}

fn condition() -> impl Strategy<Value = Condition> {
    let leaf = prop_oneof![
        Just(Condition::Always),
        (every::<Fact>(), check()).prop_map(|(fact, check)| Condition::Test(Test { fact, check })),
        (text(), text()).prop_map(|(zh, en)| Condition::Employer(EmployerCondition { zh, en })),
        date().prop_map(Condition::Until),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Condition::All),
            prop::collection::vec(inner.clone(), 0..4).prop_map(Condition::Any),
            inner.prop_map(|c| Condition::Not(Box::new(c))),
        ]
    })
}

fn amount() -> impl Strategy<Value = AmountRule> {
    let tier = (proptest::option::of(any::<u32>()), money())
        .prop_map(|(through_day, rate)| DayTier { through_day, rate });
    prop_oneof![
        money().prop_map(AmountRule::Fixed),
        money().prop_map(AmountRule::UpTo),
        money().prop_map(AmountRule::AtLeast),
        (money(), money()).prop_map(|(min, max)| AmountRule::Between { min, max }),
        money().prop_map(AmountRule::TicketUpTo),
        (
            prop::collection::vec(tier, 0..4),
            proptest::option::of(money())
        )
            .prop_map(|(tiers, cap)| AmountRule::PerDay { tiers, cap }),
        // No most, or a most of at least 1 month (0 is the rules file's "no most").
        (decimal(), proptest::option::of(1..=u32::MAX)).prop_map(|(percent, max_months)| {
            AmountRule::PercentOfWage {
                percent,
                max_months,
            }
        }),
        money().prop_map(AmountRule::LoanUpTo),
    ]
}

fn phone() -> impl Strategy<Value = Phone> {
    (text(), text(), proptest::option::of(text())).prop_map(|(number, dial, note)| Phone {
        number,
        dial,
        note,
    })
}

fn measure() -> impl Strategy<Value = Measure> {
    let who = (
        text(),
        every::<Kind>(),
        every::<Audience>(),
        text(),
        text(),
        text(),
        proptest::option::of(text()),
        text(),
    );
    let rule = (
        condition(),
        proptest::option::of(amount()),
        proptest::option::of(every::<Frequency>()),
        text(),
        text(),
        texts(),
        texts(),
    );
    let extra = (
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::option::of(
            (text(), texts()).prop_map(|(text, numbers)| Reading { text, numbers }),
        ),
        proptest::option::of(text()),
        proptest::option::of(date()),
        proptest::option::of(date()),
        texts(),
        prop::collection::vec(phone(), 0..3),
        proptest::option::of(condition()),
    );
    (who, rule, extra).prop_map(
        |(
            (id, kind, audience, title, title_en, summary, summary_en, clause),
            (when, amount, frequency, apply_where, apply_how, materials, terms),
            (
                note,
                source_lines,
                reading,
                benefit,
                valid_from,
                valid_until,
                deadlines,
                phones,
                done_when,
            ),
        )| Measure {
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
            source_lines,
            reading,
            benefit,
            done_when,
            valid_from,
            valid_until,
            deadlines,
            phones,
            terms,
        },
    )
}

fn document() -> impl Strategy<Value = Document> {
    (
        (text(), text(), text(), text(), text()),
        (
            proptest::option::of(date()),
            date(),
            proptest::option::of(date()),
            proptest::option::of(text()),
            proptest::option::of(text()),
            text(),
            date(),
        ),
        prop::collection::vec(measure(), 0..4),
    )
        .prop_map(
            |(
                (id, number, title, issuer, region),
                (issued, valid_from, valid_until, validity_note, note, source, checked),
                measures,
            )| Document {
                id,
                number,
                title,
                issuer,
                region,
                issued,
                valid_from,
                valid_until,
                validity_note,
                // Derived by the loader; its own round trip is the valid_until one.
                ask_first_from: valid_until,
                note,
                source,
                checked,
                measures,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_documents_come_back_as_they_went_in(docs in prop::collection::vec(document(), 0..3)) {
        let shipped: Vec<Document> = docs.iter().map(as_shipped).collect();
        let none = Tables::default();
        prop_assert_eq!(decode(&encode(&docs, &none)).expect("reads").0, shipped.clone());

        // Split into the Chinese file and the English one, and merged back.
        let mut chinese = docs.clone();
        let english = take_english(&mut chinese, &mut Tables::default());
        let mut back = decode(&encode(&chinese, &none)).expect("reads").0;
        let english = decode_english(&encode_english(&english)).expect("reads");
        let mut texts = english.into_iter();
        for m in back.iter_mut().flat_map(|d| d.measures.iter_mut()) {
            let t = texts.next().expect("one text per measure");
            prop_assert_eq!(&t.id, &m.id);
            m.title_en = t.title;
            m.summary_en = t.summary;
        }
        prop_assert_eq!(back, shipped);
    }
}

/// The strategies above reach every shape (a variant added to the core but not here
/// fails this).
#[test]
fn the_generators_reach_every_variant() {
    let mut runner = TestRunner::deterministic();
    let sample = |s: &dyn Fn(&mut TestRunner) -> usize,
                  runner: &mut TestRunner|
     -> BTreeSet<usize> { (0..2000).map(|_| s(runner)).collect() };
    let conditions = sample(
        &|r| condition().new_tree(r).unwrap().current().shape() as usize,
        &mut runner,
    );
    assert_eq!(conditions.len(), ConditionShape::TABLE.len());
    let checks = sample(
        &|r| check().new_tree(r).unwrap().current().shape() as usize,
        &mut runner,
    );
    assert_eq!(checks.len(), CheckShape::TABLE.len());
    let amounts = sample(
        &|r| amount().new_tree(r).unwrap().current().shape() as usize,
        &mut runner,
    );
    assert_eq!(amounts.len(), AmountShape::TABLE.len());
}

// ---------------------------------------------------------------- pinned tags

/// A small document to vary one field of at a time.
fn base() -> Document {
    let d = |s: &str| s.parse::<Date>().unwrap();
    Document {
        id: "d".into(),
        number: "n".into(),
        title: "t".into(),
        issuer: "i".into(),
        region: "53".into(),
        issued: Some(d("2021-01-01")),
        valid_from: d("2021-01-01"),
        valid_until: None,
        validity_note: None,
        ask_first_from: None,
        note: None,
        source: "s".into(),
        checked: d("2026-01-01"),
        measures: vec![Measure {
            id: "m".into(),
            kind: Kind::Subsidy,
            audience: Audience::Worker,
            title: "t".into(),
            title_en: "t".into(),
            summary: "s".into(),
            summary_en: None,
            clause: "c".into(),
            when: Condition::Always,
            amount: Some(AmountRule::Fixed(Money::yuan(1))),
            frequency: Some(Frequency::OneOff),
            apply_where: "w".into(),
            apply_how: "h".into(),
            materials: vec![],
            note: None,
            source_lines: None,
            reading: None,
            benefit: None,
            done_when: None,
            valid_from: None,
            valid_until: None,
            deadlines: vec!["arbitration_safe".into()],
            phones: vec![],
            terms: vec![],
        }],
    }
}

/// For each variant (set into `base()` by `set`), the byte the writer puts where the
/// variants differ, and what the reader makes of the file. The writer's byte must be the
/// pinned tag, and the reader must give back the variant that was written.
fn pinned<T: PartialEq + std::fmt::Debug + Clone>(
    variants: &[(T, u8)],
    set: impl Fn(&mut Measure, T),
    get: impl Fn(&Measure) -> T,
) {
    let enc = |v: &T| {
        let mut doc = base();
        set(&mut doc.measures[0], v.clone());
        encode(&[doc], &Tables::default())
    };
    let (a, b) = (enc(&variants[0].0), enc(&variants[1].0));
    let at = a
        .iter()
        .zip(&b)
        .position(|(x, y)| x != y)
        .expect("two variants encode differently");
    for (v, tag) in variants {
        let bytes = enc(v);
        assert_eq!(
            bytes[at], *tag,
            "{v:?} is written with tag {}, pinned {tag}",
            bytes[at]
        );
        let (back, _) = decode(&bytes).expect("reads");
        assert_eq!(
            &get(&back[0].measures[0]),
            v,
            "tag {tag} reads as another variant"
        );
    }
}

#[test]
fn every_tag_is_pinned_and_decodes_to_the_variant_that_encoded_it() {
    use AmountRule as A;
    use Check as C;
    let m = Money::yuan;
    pinned(
        &[
            (Kind::Subsidy, 0),
            (Kind::Service, 1),
            (Kind::Protection, 2),
            (Kind::Channel, 3),
            (Kind::Advice, 4),
        ],
        |x, v| x.kind = v,
        |x| x.kind,
    );
    pinned(
        &[(Audience::Worker, 0), (Audience::Employer, 1)],
        |x, v| x.audience = v,
        |x| x.audience,
    );
    pinned(
        &[
            (Frequency::OneOff, 0),
            (Frequency::PerYear, 1),
            (Frequency::PerMonth, 2),
            (Frequency::PerDay, 3),
        ],
        |x, v| x.frequency = Some(v),
        |x| x.frequency.unwrap(),
    );
    let d = "2024-02-29".parse::<Date>().unwrap();
    pinned(
        &[
            (C::Is(true), 0),
            (C::OneOf(vec!["a".into()]), 1),
            (C::Within(vec!["53".into()]), 2),
            (C::AtLeast(3), 3),
            (C::AtMost(3), 4),
            (C::MoneyAtLeast(m(3)), 5),
            (C::MoneyAtMost(m(3)), 6),
            (C::OnOrAfter(d), 7),
            (C::OnOrBefore(d), 8),
        ],
        |x, v| {
            x.when = Condition::Test(Test {
                fact: Fact::Age,
                check: v,
            })
        },
        |x| match &x.when {
            Condition::Test(t) => t.check.clone(),
            other => panic!("{other:?}"),
        },
    );
    let test = Condition::Test(Test {
        fact: Fact::Tuopin,
        check: C::Is(true),
    });
    pinned(
        &[
            (Condition::Always, 0),
            (Condition::All(vec![test.clone()]), 1),
            (Condition::Any(vec![test.clone()]), 2),
            (Condition::Not(Box::new(test.clone())), 3),
            (test, 4),
            (
                Condition::Employer(EmployerCondition {
                    zh: "单位组织的培训".into(),
                    en: "training organised by the employer".into(),
                }),
                5,
            ),
        ],
        |x, v| x.when = v,
        |x| x.when.clone(),
    );
    pinned(
        &[
            (A::Fixed(m(5)), 0),
            (A::UpTo(m(5)), 1),
            (A::AtLeast(m(5)), 2),
            (
                A::Between {
                    min: m(5),
                    max: m(6),
                },
                3,
            ),
            (A::TicketUpTo(m(5)), 4),
            (
                A::PerDay {
                    tiers: vec![DayTier {
                        through_day: Some(10),
                        rate: m(5),
                    }],
                    cap: None,
                },
                5,
            ),
            (
                A::PercentOfWage {
                    percent: Decimal::from(15),
                    max_months: Some(6),
                },
                6,
            ),
            (A::LoanUpTo(m(5)), 7),
        ],
        |x, v| x.amount = Some(v),
        |x| x.amount.clone().unwrap(),
    );
    // A fact's tag is its place in `Fact::ALL` (the `facts!` table in fact.rs).
    let facts: Vec<(Fact, u8)> = Fact::ALL.iter().map(|f| (*f, f.tag())).collect();
    assert!(facts
        .iter()
        .enumerate()
        .all(|(i, (_, t))| usize::from(*t) == i));
    pinned(
        &facts,
        |x, f| {
            x.when = Condition::Test(Test {
                fact: f,
                check: C::Is(true),
            })
        },
        |x| match &x.when {
            Condition::Test(t) => t.fact,
            other => panic!("{other:?}"),
        },
    );
}

/// Tags unique, names unique (but for the check keys money shares with counts), and
/// every row reads back as itself. (Here, not in `tags.rs`: the tables live beside their
/// enums, and `tags.rs` imports none of them.)
fn sound<T: Named + std::fmt::Debug>(shared_names: &[&str]) {
    for (i, (tag, name, v)) in T::TABLE.iter().enumerate() {
        assert_eq!(v.tag(), *tag, "{v:?}");
        assert_eq!(v.name(), *name, "{v:?}");
        assert_eq!(T::from_tag(*tag), Some(*v), "{v:?}");
        if !shared_names.contains(name) {
            assert_eq!(T::from_name(name), Some(*v), "{v:?}");
        }
        for (tag2, name2, v2) in &T::TABLE[i + 1..] {
            assert_ne!(tag, tag2, "{v:?} and {v2:?} share a tag");
            assert!(
                name != name2 || shared_names.contains(name),
                "{v:?} and {v2:?} share a name"
            );
        }
    }
    assert_eq!(T::from_tag(T::TABLE.len() as u8 + 100), None);
}

#[test]
fn every_table_is_sound() {
    use wugong::evaluate::{Group, StatusShape, VerdictShape};
    sound::<Kind>(&[]);
    sound::<Audience>(&[]);
    sound::<Frequency>(&[]);
    sound::<Group>(&[]);
    sound::<Fact>(&[]);
    sound::<ConditionShape>(&[]);
    sound::<CheckShape>(&["at_least", "at_most"]);
    sound::<AmountShape>(&[]);
    sound::<StatusShape>(&[]);
    sound::<VerdictShape>(&[]);
    assert_eq!(Group::TABLE.len(), Group::ALL.len());
    assert_eq!(Fact::TABLE.len(), Fact::ALL.len());
}
