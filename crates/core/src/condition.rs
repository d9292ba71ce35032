//! Conditions are a typed tree (all / any / not over tests of single facts), evaluated
//! in three-valued logic so that partial answers give partial but never wrong verdicts.
//!
//! Over 400 lines with its tests: the tree, its evaluation with reasons, and the plain
//! words each reason is told in are one thing.

use crate::answers::{Answers, Value};
use crate::date::Date;
use crate::fact::{Fact, FactKind};
use crate::money::Money;
use crate::region;
use crate::words::Word;

#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Condition {
    /// No condition: applies to everyone in the document's region.
    Always,
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
    Test(Test),
    /// Something only the employer knows (how many people it hired, whether it organised
    /// the training). Always unknown, never asked: the measure can be "may qualify" at
    /// best, and the card says what it depends on.
    Employer(EmployerCondition),
    /// A dated branch: met on the day checked up to and including this date, then not
    /// (`{ until = "2020-04-20" }`). Where one programme ran everywhere until a date and
    /// then everywhere but one county, one measure says so, and a worker who answered
    /// only the province is not left "undetermined" twice before that date
    /// (yrsf-2017-100-transport; issue 16). Never missing: the date is known.
    Until(Date),
}

/// What a measure depends on that the worker cannot answer: 「要看单位：…」.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct EmployerCondition {
    pub zh: String,
    pub en: String,
}

impl EmployerCondition {
    /// "要看单位：单位招了50名以上脱贫劳动力" / "Depends on the employer: …".
    pub fn describe(&self, english: bool) -> String {
        let what = if english { &self.en } else { &self.zh };
        Word::DependsOnTheEmployer.fill(english, &[("what", what)])
    }
}

/// A test of one fact.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Test {
    pub fact: Fact,
    pub check: Check,
}

#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Check {
    Is(bool),
    /// A choice fact is one of these options.
    OneOf(Vec<String>),
    /// A region fact lies within one of these region codes.
    Within(Vec<String>),
    AtLeast(u32),
    AtMost(u32),
    MoneyAtLeast(Money),
    MoneyAtMost(Money),
    OnOrAfter(Date),
    OnOrBefore(Date),
}

/// Kleene's three-valued truth: adding answers only ever turns `Unknown` into a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tri {
    True,
    False,
    Unknown,
}

/// One test as it came out, with the answer it was checked against.
#[derive(Clone, Debug, PartialEq)]
pub struct Reason<'a> {
    pub test: &'a Test,
    /// True when the test sits under a `not`, so it was wanted false.
    pub negated: bool,
    pub answer: Option<Value>,
}

impl Reason<'_> {
    /// The answer alone, for "why it applies": "脱贫人口：是".
    pub fn answered(&self, english: bool) -> String {
        let t = &self.test;
        let label = if english {
            t.fact.label_en()
        } else {
            t.fact.label_zh()
        };
        let answer = self
            .answer
            .map(|v| v.describe(t.fact, english))
            .unwrap_or_default();
        if english {
            format!("{label}: {answer}")
        } else {
            format!("{label}：{answer}")
        }
    }

    /// A short plain sentence: "脱贫人口：是（需要：是）".
    pub fn describe(&self, english: bool) -> String {
        let t = &self.test;
        let need = if self.negated {
            t.check.describe_negated(t.fact, english)
        } else {
            t.check.describe(t.fact, english)
        };
        Word::ReasonNeeded.fill(
            english,
            &[("answer", &self.answered(english)), ("need", &need)],
        )
    }
}

impl Check {
    pub fn describe(&self, fact: Fact, english: bool) -> String {
        let unit = match fact.kind() {
            _ if fact == Fact::Age => {
                if english {
                    "years old"
                } else {
                    "岁"
                }
            }
            crate::fact::FactKind::Count(u) => unit_text(u, english),
            _ => "",
        };
        let join = |v: &Vec<String>, f: &dyn Fn(&str) -> String| {
            v.iter()
                .map(|s| f(s))
                .collect::<Vec<_>>()
                .join(if english { " or " } else { "或" })
        };
        match (self, english) {
            (Check::Is(true), false) => "是".into(),
            (Check::Is(false), false) => "否".into(),
            (Check::Is(b), true) => if *b { "yes" } else { "no" }.into(),
            (Check::OneOf(v), _) => join(v, &|c| fact.choice_label(c, english)),
            (Check::Within(v), _) => join(v, &|c| {
                if c == region::NATIONAL {
                    "全国".into()
                } else {
                    region::full_name(c, english)
                }
            }),
            (Check::AtLeast(n), _) => {
                Word::NeedAtLeast.fill(english, &[("n", &n.to_string()), ("unit", unit)])
            }
            (Check::AtMost(n), _) => {
                Word::NeedAtMost.fill(english, &[("n", &n.to_string()), ("unit", unit)])
            }
            (Check::MoneyAtLeast(m), _) => {
                Word::NeedMoneyAtLeast.fill(english, &[("n", &m.to_string())])
            }
            (Check::MoneyAtMost(m), _) => {
                Word::NeedMoneyAtMost.fill(english, &[("n", &m.to_string())])
            }
            (Check::OnOrAfter(d), _) => {
                Word::NeedOnOrAfter.fill(english, &[("date", &d.to_string())])
            }
            (Check::OnOrBefore(d), _) => {
                Word::NeedOnOrBefore.fill(english, &[("date", &d.to_string())])
            }
        }
    }
}

impl Check {
    /// What a test under a `not` needs, said plainly as the opposite test: "否",
    /// "不超过2个月", "2024-03-01或以后", "不是在本县打工".
    pub fn describe_negated(&self, fact: Fact, english: bool) -> String {
        let opposite = match self {
            Check::Is(b) => Check::Is(!*b),
            Check::AtLeast(n) if *n > 0 => Check::AtMost(n - 1),
            Check::AtMost(n) if *n < u32::MAX => Check::AtLeast(n + 1),
            Check::OnOrAfter(d) => Check::OnOrBefore(d.plus_days(-1)),
            Check::OnOrBefore(d) => Check::OnOrAfter(d.plus_days(1)),
            _ => {
                let not = if english { "not " } else { "不是" };
                return not.to_string() + &self.describe(fact, english);
            }
        };
        opposite.describe(fact, english)
    }
}

fn unit_text(unit: &str, english: bool) -> &'static str {
    match (unit, english) {
        ("years", false) => "年",
        ("months", false) => "个月",
        ("days", false) => "天",
        ("times", false) => "次",
        ("years", true) => "years",
        ("months", true) => "months",
        ("days", true) => "days",
        _ => "times",
    }
}

/// What an evaluation found: the tests met, the tests failed, the facts still missing.
/// Only the parts that decided the result are kept.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trace<'a> {
    pub met: Vec<Reason<'a>>,
    pub failed: Vec<Reason<'a>>,
    /// Sorted, without repeats (a small vector is cheaper than a set here).
    pub missing: Vec<Fact>,
    /// What only the employer knows, still open.
    pub employer: Vec<&'a EmployerCondition>,
}

/// Region matching: the answer may be coarser than the test (a province when the test
/// names a county); then the result is unknown until the worker says more.
pub fn region_within(answer: &str, wanted: &str) -> Tri {
    if wanted == region::NATIONAL || answer.starts_with(wanted) {
        Tri::True
    } else if wanted.starts_with(answer) {
        Tri::Unknown
    } else {
        Tri::False
    }
}

impl Test {
    pub fn eval(&self, answers: &Answers, as_of: Date) -> Tri {
        self.holds(answers.value_on(self.fact, as_of))
    }

    /// Whether `value`, the answer to its fact, passes.
    fn holds(&self, value: Option<Value>) -> Tri {
        let Some(value) = value else {
            return Tri::Unknown;
        };
        let b = |x: bool| if x { Tri::True } else { Tri::False };
        match (&self.check, value) {
            (Check::Is(want), Value::Bool(v)) => b(*want == v),
            (Check::OneOf(opts), Value::Choice(c)) => b(opts.iter().any(|o| o == c)),
            (Check::Within(codes), Value::Region(r)) => {
                let mut result = Tri::False;
                for c in codes {
                    match region_within(r, c) {
                        Tri::True => return Tri::True,
                        Tri::Unknown => result = Tri::Unknown,
                        Tri::False => {}
                    }
                }
                result
            }
            (Check::AtLeast(n), Value::Count(v)) => b(v >= *n),
            (Check::AtMost(n), Value::Count(v)) => b(v <= *n),
            (Check::MoneyAtLeast(m), Value::Money(v)) => b(v >= *m),
            (Check::MoneyAtMost(m), Value::Money(v)) => b(v <= *m),
            (Check::OnOrAfter(d), Value::Date(v)) => b(v >= *d),
            (Check::OnOrBefore(d), Value::Date(v)) => b(v <= *d),
            // The loader rejects checks of the wrong type for a fact, so this cannot
            // happen with loaded policies; stay safe rather than panic.
            _ => Tri::Unknown,
        }
    }
}

impl Condition {
    /// The truth value alone, allocating nothing (the hot path).
    pub fn truth(&self, answers: &Answers, as_of: Date) -> Tri {
        match self {
            Condition::Always => Tri::True,
            Condition::Employer(_) => Tri::Unknown,
            Condition::Until(d) if as_of <= *d => Tri::True,
            Condition::Until(_) => Tri::False,
            Condition::Test(t) => t.eval(answers, as_of),
            Condition::Not(c) => match c.truth(answers, as_of) {
                Tri::True => Tri::False,
                Tri::False => Tri::True,
                Tri::Unknown => Tri::Unknown,
            },
            Condition::All(cs) => {
                let mut result = Tri::True;
                for c in cs {
                    match c.truth(answers, as_of) {
                        Tri::False => return Tri::False,
                        Tri::Unknown => result = Tri::Unknown,
                        Tri::True => {}
                    }
                }
                result
            }
            Condition::Any(cs) => {
                let mut result = Tri::False;
                for c in cs {
                    match c.truth(answers, as_of) {
                        Tri::True => return Tri::True,
                        Tri::Unknown => result = Tri::Unknown,
                        Tri::False => {}
                    }
                }
                result
            }
        }
    }

    /// The truth value and what decided it.
    pub fn eval<'a>(&'a self, answers: &Answers, as_of: Date) -> (Tri, Trace<'a>) {
        let mut trace = Trace::default();
        let t = self.explain(answers, as_of, None, false, &mut trace);
        (t, trace)
    }

    /// Records the tests that explain this node's truth (`known`, when the caller has
    /// worked it out) and returns it: for a decided all/any, the branches that decided
    /// it (every branch when each one counted); for an open one, the open branches and
    /// their missing facts. An all/any works out its branches' truths once, for its own
    /// truth and for which branches to explain (a test is not checked twice per level).
    fn explain<'a>(
        &'a self,
        answers: &Answers,
        as_of: Date,
        known: Option<Tri>,
        negated: bool,
        out: &mut Trace<'a>,
    ) -> Tri {
        match self {
            // A date is no answer: nothing to ask, and the branch beside it says why.
            Condition::Always | Condition::Until(_) => self.truth(answers, as_of),
            Condition::Employer(e) => {
                out.employer.push(e);
                Tri::Unknown
            }
            Condition::Test(test) => {
                // Looked up when needed: an open test (the usual one) records no answer.
                let answer = || answers.value_on(test.fact, as_of);
                let result = known.unwrap_or_else(|| test.holds(answer()));
                let reason = || Reason {
                    test,
                    negated,
                    answer: answer(),
                };
                match (result, negated) {
                    (Tri::Unknown, _) => {
                        // The age may settle near_retirement: asked first.
                        let f = match test.fact {
                            Fact::NearRetirement if answers.get(Fact::Age).is_none() => Fact::Age,
                            f => f.asked_as(),
                        };
                        if let Err(at) = out.missing.binary_search(&f) {
                            out.missing.insert(at, f);
                        }
                    }
                    (Tri::True, false) | (Tri::False, true) => out.met.push(reason()),
                    (Tri::False, false) | (Tri::True, true) => out.failed.push(reason()),
                }
                result
            }
            Condition::Not(inner) => {
                let not = |t: Tri| match t {
                    Tri::True => Tri::False,
                    Tri::False => Tri::True,
                    Tri::Unknown => Tri::Unknown,
                };
                not(inner.explain(answers, as_of, known.map(not), !negated, out))
            }
            Condition::All(children) | Condition::Any(children) => {
                // The value that settles it: false for all, true for any.
                let settles = if matches!(self, Condition::All(_)) {
                    Tri::False
                } else {
                    Tri::True
                };
                // The branches' truths, worked out once (the first 16; a longer list,
                // which no policy has, works the rest out twice).
                let mut truths = [Tri::Unknown; 16];
                for (t, c) in truths.iter_mut().zip(children) {
                    *t = c.truth(answers, as_of);
                }
                let truth = |i: usize, c: &Condition| match truths.get(i) {
                    Some(t) => *t,
                    None => c.truth(answers, as_of),
                };
                let result = known.unwrap_or_else(|| {
                    let mut result = match settles {
                        Tri::False => Tri::True,
                        _ => Tri::False,
                    };
                    for (i, c) in children.iter().enumerate() {
                        match truth(i, c) {
                            t if t == settles => return settles,
                            Tri::Unknown => result = Tri::Unknown,
                            _ => {}
                        }
                    }
                    result
                });
                // Every branch explains a result it did not settle (all true for all,
                // all false for any); otherwise the branches with the same truth do.
                for (i, c) in children.iter().enumerate() {
                    let t = truth(i, c);
                    if t == result {
                        c.explain(answers, as_of, Some(t), negated, out);
                    }
                }
                result
            }
        }
    }

    /// A place test of its own — an `any` of region tests, at least one of them not on
    /// the home region, such as 「户籍地、常住地、求职就业地在我省」 (home or work region
    /// within 53) or the business's place alone (a `place` in the policy file, which the
    /// loader writes as such an `any`) — at the top or directly under a top-level `all`:
    /// its tests. `None` when there is none; then the document's region applies to the
    /// home region (issue 16, "where a measure looks").
    pub fn place_test(&self) -> Option<&[Condition]> {
        fn place_test(c: &Condition) -> Option<&[Condition]> {
            let Condition::Any(cs) = c else { return None };
            let region_test = |c: &Condition, not_home: bool| {
                matches!(c, Condition::Test(Test { fact, check: Check::Within(_) })
                    if fact.kind() == FactKind::Region && !(not_home && *fact == Fact::HomeRegion))
            };
            (cs.iter().all(|c| region_test(c, false)) && cs.iter().any(|c| region_test(c, true)))
                .then_some(cs.as_slice())
        }
        match self {
            Condition::All(cs) => cs.iter().find_map(place_test),
            other => place_test(other),
        }
    }

    /// Whether some part of it only the employer can settle (then it is never met).
    pub fn depends_on_employer(&self) -> bool {
        match self {
            Condition::Employer(_) => true,
            Condition::Always | Condition::Test(_) | Condition::Until(_) => false,
            Condition::Not(c) => c.depends_on_employer(),
            Condition::All(cs) | Condition::Any(cs) => cs.iter().any(|c| c.depends_on_employer()),
        }
    }

    /// The last days of its dated branches (`until`), in the order written.
    pub fn until_dates(&self) -> Vec<Date> {
        fn walk(c: &Condition, out: &mut Vec<Date>) {
            match c {
                Condition::Until(d) => out.push(*d),
                Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| walk(c, out)),
                Condition::Not(c) => walk(c, out),
                Condition::Always | Condition::Test(_) | Condition::Employer(_) => {}
            }
        }
        let mut out = Vec::new();
        walk(self, &mut out);
        out
    }

    /// Whether any test in the tree is about `fact`.
    pub fn mentions(&self, fact: Fact) -> bool {
        match self {
            Condition::Always | Condition::Employer(_) | Condition::Until(_) => false,
            Condition::Test(t) => t.fact == fact,
            Condition::Not(c) => c.mentions(fact),
            Condition::All(cs) | Condition::Any(cs) => cs.iter().any(|c| c.mentions(fact)),
        }
    }

    /// The condition in plain Chinese, for pages that list rules without answers.
    pub fn describe(&self) -> String {
        match self {
            Condition::Always => "所有人".into(),
            Condition::Employer(e) => e.describe(false),
            Condition::Until(d) => format!("到{d}为止"),
            Condition::Test(t) => {
                let label = t.fact.label_zh();
                match &t.check {
                    Check::Is(true) => label.to_string(),
                    Check::Is(false) => format!("不是{label}"),
                    other => format!("{label}：{}", other.describe(t.fact, false)),
                }
            }
            Condition::Not(c) => format!("不符合（{}）", c.describe()),
            Condition::All(cs) => cs
                .iter()
                .map(|c| c.describe())
                .collect::<Vec<_>>()
                .join("；"),
            Condition::Any(cs) => format!(
                "以下任一：{}",
                cs.iter()
                    .map(|c| c.describe())
                    .collect::<Vec<_>>()
                    .join(" / ")
            ),
        }
    }
}

// Names and tags (`tags::Named`): the shapes of a condition and a check.

/// Which kind of [`Condition`] a value is; the names are the policy files' keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ConditionShape {
    Always,
    All,
    Any,
    Not,
    Test,
    Employer,
    Until,
}

crate::tags::named!(ConditionShape {
    Always = 0, "always";
    All = 1, "all";
    Any = 2, "any";
    Not = 3, "not";
    Test = 4, "fact";
    Employer = 5, "depends_on_employer";
    Until = 6, "until";
});

impl Condition {
    pub fn shape(&self) -> ConditionShape {
        match self {
            Condition::Always => ConditionShape::Always,
            Condition::All(_) => ConditionShape::All,
            Condition::Any(_) => ConditionShape::Any,
            Condition::Not(_) => ConditionShape::Not,
            Condition::Test(_) => ConditionShape::Test,
            Condition::Employer(_) => ConditionShape::Employer,
            Condition::Until(_) => ConditionShape::Until,
        }
    }
}

/// Which kind of [`Check`] a value is. The names are the policy files' keys: a count and
/// an amount of money share `at_least` / `at_most` (the fact's kind tells them apart).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CheckShape {
    Is,
    OneOf,
    Within,
    AtLeast,
    AtMost,
    MoneyAtLeast,
    MoneyAtMost,
    OnOrAfter,
    OnOrBefore,
}

crate::tags::named!(CheckShape {
    Is = 0, "is";
    OneOf = 1, "in";
    Within = 2, "within";
    AtLeast = 3, "at_least";
    AtMost = 4, "at_most";
    MoneyAtLeast = 5, "at_least";
    MoneyAtMost = 6, "at_most";
    OnOrAfter = 7, "on_or_after";
    OnOrBefore = 8, "on_or_before";
});

impl Check {
    pub fn shape(&self) -> CheckShape {
        match self {
            Check::Is(_) => CheckShape::Is,
            Check::OneOf(_) => CheckShape::OneOf,
            Check::Within(_) => CheckShape::Within,
            Check::AtLeast(_) => CheckShape::AtLeast,
            Check::AtMost(_) => CheckShape::AtMost,
            Check::MoneyAtLeast(_) => CheckShape::MoneyAtLeast,
            Check::MoneyAtMost(_) => CheckShape::MoneyAtMost,
            Check::OnOrAfter(_) => CheckShape::OnOrAfter,
            Check::OnOrBefore(_) => CheckShape::OnOrBefore,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn test(fact: Fact, check: Check) -> Condition {
        Condition::Test(Test { fact, check })
    }

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn an_age_reads_in_sui_and_a_count_of_years_in_nian() {
        assert_eq!(Check::AtLeast(16).describe(Fact::Age, false), "至少16岁");
        assert_eq!(
            Check::AtLeast(1).describe(Fact::UiPaidYears, false),
            "至少1年"
        );
        assert_eq!(
            Check::AtMost(4).describe(Fact::UiPaidYears, false),
            "不超过4年"
        );
        assert_eq!(
            Check::AtLeast(5).describe(Fact::UiPaidYears, true),
            "at least 5 years"
        );
        assert_eq!(
            Check::AtLeast(3).describe(Fact::JobMonths, false),
            "至少3个月"
        );
    }

    /// Review 2026-12-06 M02: a money threshold holds on the threshold itself, for at
    /// most and at least, and fails a fen beyond it.
    #[test]
    fn a_money_threshold_includes_the_amount_itself() {
        let wage = |s: &str| {
            let mut a = Answers::new();
            a.set(Fact::MonthlyWage, Value::Money(Money::parse(s).unwrap()))
                .unwrap();
            a
        };
        let at = |check: Check, s: &str| {
            Test {
                fact: Fact::MonthlyWage,
                check,
            }
            .eval(&wage(s), d("2025-01-01"))
        };
        let most = || Check::MoneyAtMost(Money::yuan(2000));
        let least = || Check::MoneyAtLeast(Money::yuan(2000));
        assert_eq!(at(most(), "2000"), Tri::True);
        assert_eq!(at(most(), "1999.99"), Tri::True);
        assert_eq!(at(most(), "2000.01"), Tri::False);
        assert_eq!(at(least(), "2000"), Tri::True);
        assert_eq!(at(least(), "2000.01"), Tri::True);
        assert_eq!(at(least(), "1999.99"), Tri::False);
        assert_eq!(
            Test {
                fact: Fact::MonthlyWage,
                check: most()
            }
            .eval(&Answers::new(), d("2025-01-01")),
            Tri::Unknown
        );
    }

    #[test]
    fn all_is_false_as_soon_as_one_part_fails_even_with_unknowns() {
        let c = Condition::All(vec![
            test(Fact::Tuopin, Check::Is(true)),
            test(Fact::StableMonths, Check::AtLeast(3)),
        ]);
        let mut a = Answers::new();
        a.set(Fact::Tuopin, Value::Bool(false)).unwrap();
        let (t, trace) = c.eval(&a, d("2025-01-01"));
        assert_eq!(t, Tri::False);
        assert_eq!(trace.failed.len(), 1);
        assert!(
            trace.missing.is_empty(),
            "a failed measure needs no more answers"
        );
    }

    #[test]
    fn unknown_lists_the_missing_facts() {
        let c = Condition::All(vec![
            test(Fact::Tuopin, Check::Is(true)),
            test(Fact::StableMonths, Check::AtLeast(3)),
        ]);
        let mut a = Answers::new();
        a.set(Fact::Tuopin, Value::Bool(true)).unwrap();
        let (t, trace) = c.eval(&a, d("2025-01-01"));
        assert_eq!(t, Tri::Unknown);
        assert_eq!(
            trace.missing.into_iter().collect::<Vec<_>>(),
            vec![Fact::StableMonths]
        );
    }

    #[test]
    fn a_province_answer_leaves_a_county_test_open() {
        assert_eq!(region_within("53", "530326"), Tri::Unknown);
        assert_eq!(region_within("530326", "53"), Tri::True);
        assert_eq!(region_within("44", "53"), Tri::False);
    }

    #[test]
    fn not_reports_the_inner_test_as_failed() {
        let c = Condition::Not(Box::new(test(Fact::OtherPublicPost, Check::Is(true))));
        let mut a = Answers::new();
        a.set(Fact::OtherPublicPost, Value::Bool(true)).unwrap();
        let (t, trace) = c.eval(&a, d("2025-01-01"));
        assert_eq!(t, Tri::False);
        // Read naturally: "needed: no", never "needed: not yes" (不是是).
        let text = trace.failed[0].describe(false);
        assert!(
            text.ends_with("（需要：否）") && !text.contains("不是是"),
            "{text}"
        );
        assert!(trace.failed[0].describe(true).ends_with("(needed: no)"));
        let c = Condition::Not(Box::new(test(Fact::StableMonths, Check::AtLeast(3))));
        let mut a = Answers::new();
        a.set(Fact::StableMonths, Value::Count(5)).unwrap();
        let (_, trace) = c.eval(&a, d("2025-06-01"));
        let text = trace.failed[0].describe(false);
        assert!(text.ends_with("（需要：不超过2个月）"), "{text}");
    }

    #[test]
    fn an_employer_condition_is_never_met_and_never_asked() {
        let employer = Condition::Employer(EmployerCondition {
            zh: "单位组织的培训".into(),
            en: "training organised by the employer".into(),
        });
        let c = Condition::All(vec![test(Fact::Tuopin, Check::Is(true)), employer.clone()]);
        let mut a = Answers::new();
        a.set(Fact::Tuopin, Value::Bool(true)).unwrap();
        let (t, trace) = c.eval(&a, d("2025-01-01"));
        assert_eq!(
            t,
            Tri::Unknown,
            "every answer given, still only 'may qualify'"
        );
        assert!(trace.missing.is_empty(), "nothing to ask");
        assert_eq!(trace.employer.len(), 1);
        assert_eq!(
            trace.employer[0].describe(false),
            "要看单位：单位组织的培训"
        );
        // A failed worker condition still settles it.
        a.set(Fact::Tuopin, Value::Bool(false)).unwrap();
        let (t, trace) = c.eval(&a, d("2025-01-01"));
        assert_eq!(t, Tri::False);
        assert!(trace.employer.is_empty());
        // Under `not` it stays open too; as another branch of `any`, a met branch wins.
        assert_eq!(
            Condition::Not(Box::new(employer.clone())).truth(&a, d("2025-01-01")),
            Tri::Unknown
        );
        let any = Condition::Any(vec![employer, test(Fact::Tuopin, Check::Is(false))]);
        assert_eq!(any.truth(&a, d("2025-01-01")), Tri::True);
    }

    #[test]
    fn business_months_come_from_the_start_date_and_the_evaluation_date() {
        let c = test(Fact::BusinessMonths, Check::AtLeast(12));
        let mut a = Answers::new();
        a.set(Fact::BusinessStartDate, Value::Date(d("2024-03-01")))
            .unwrap();
        assert_eq!(c.eval(&a, d("2025-02-28")).0, Tri::False);
        assert_eq!(c.eval(&a, d("2025-03-01")).0, Tri::True);
        let (_, trace) = c.eval(&Answers::new(), d("2025-03-01"));
        assert!(trace.missing.contains(&Fact::BusinessStartDate));
    }
}
