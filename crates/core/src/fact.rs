//! The facts a worker can tell us. Every condition in `policies/` is about one of these;
//! a name not listed here is a load error.
//!
//! Over 400 lines because it is a table: one line per fact (name, kind, question screen)
//! and the screens' order. Their words (labels, options' labels) are data:
//! `policies/data/facts.toml`.

/// What kind of value a fact holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactKind {
    /// An administrative region code (2, 4 or 6 digits) or `other`.
    Region,
    Bool,
    /// A whole number with a unit ("years", "months", "days", "times").
    Count(&'static str),
    Money,
    Date,
    /// One of a fixed set of options, by code (their labels: `Fact::choice_label`). The
    /// order is kept in share links and storage: new options go last.
    Choice(&'static [&'static str]),
}

macro_rules! facts {
    ($( $variant:ident = $name:literal, $kind:expr, $q:ident; )*) => {
        /// A fact about the worker or their situation.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Fact { $( $variant, )* }

        impl Fact {
            pub const ALL: &'static [Fact] = &[ $( Fact::$variant, )* ];

            /// The name used in policy files and answers files.
            pub fn name(self) -> &'static str {
                match self { $( Fact::$variant => $name, )* }
            }
            pub fn kind(self) -> FactKind {
                match self { $( Fact::$variant => $kind, )* }
            }
            /// The question screen that asks this fact.
            pub fn question(self) -> Question {
                match self { $( Fact::$variant => Question::$q, )* }
            }
        }

        /// The rules-file tag of a fact is its place in this list.
        impl $crate::tags::Named for Fact {
            const TABLE: &'static [(u8, &'static str, Fact)] =
                &[ $( (Fact::$variant as u8, $name, Fact::$variant), )* ];
            const FALLBACK: Fact = Fact::HomeRegion;
            fn tag(self) -> u8 {
                self as u8
            }
            fn name(self) -> &'static str {
                Fact::name(self)
            }
            fn from_tag(tag: u8) -> Option<Fact> {
                Fact::ALL.get(usize::from(tag)).copied()
            }
            fn from_name(name: &str) -> Option<Fact> {
                Fact::from_name(name)
            }
        }

        /// By name, for the CLI's JSON.
        #[cfg(feature = "serde")]
        impl serde::Serialize for Fact {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.name())
            }
        }
    };
}

const SEX: &[&str] = &["male", "female"];
const HOUSEHOLD: &[&str] = &["rural", "urban"];
const WORK_PLACE: &[&str] = &["cross_province", "in_province_outside_county", "in_county"];
const BUSINESS_FORM: &[&str] = &["individual", "partnership", "small_firm"];
const LABOUR_CAPACITY: &[&str] = &["full", "weak", "none"];

const RESETTLED_TO: &[&str] = &["town", "village"];

facts! {
    HomeRegion = "home_region", FactKind::Region, Home;
    Age = "age", FactKind::Count("years"), Age;
    Sex = "sex", FactKind::Choice(SEX), Sex;
    Household = "household", FactKind::Choice(HOUSEHOLD), Household;

    Tuopin = "tuopin", FactKind::Bool, Groups;
    Jiandang = "jiandang", FactKind::Bool, Groups;
    Monitored = "monitored", FactKind::Bool, Groups;
    Dibao = "dibao", FactKind::Bool, Groups;
    ZeroEmploymentFamily = "zero_employment_family", FactKind::Bool, Groups;
    Disabled = "disabled", FactKind::Bool, Groups;
    Relocated = "relocated", FactKind::Bool, Groups;
    ReturningMigrant = "returning_migrant", FactKind::Bool, Groups;
    Graduate = "graduate", FactKind::Bool, Groups;
    Lianghousheng = "lianghousheng", FactKind::Bool, Groups;
    Veteran = "veteran", FactKind::Bool, Groups;

    WorkPlace = "work_place", FactKind::Choice(WORK_PLACE), WorkPlace;
    OrganisedOutput = "organised_output", FactKind::Bool, Organised;
    StableMonths = "stable_months", FactKind::Count("months"), StableMonths;
    ContractMonths = "contract_months", FactKind::Count("months"), Contract;
    WorkshopJob = "workshop_job", FactKind::Bool, Workshop;
    SmallFirmJob = "small_firm_job", FactKind::Bool, SmallFirm;
    FlexibleEmployment = "flexible_employment", FactKind::Bool, Situation;
    MonthlyWage = "monthly_wage", FactKind::Money, Wage;

    Unemployed = "unemployed", FactKind::Bool, Situation;
    UnemployedMonths = "unemployed_months", FactKind::Count("months"), UnemployedMonths;
    RegisteredUnemployed = "registered_unemployed", FactKind::Bool, Situation;
    UiPaidYears = "ui_paid_years", FactKind::Count("years"), UiPaid;
    LostJobInvoluntarily = "lost_job_involuntarily", FactKind::Bool, Situation;

    HasBusiness = "has_business", FactKind::Bool, Situation;
    BusinessStartDate = "business_start_date", FactKind::Date, Business;
    BusinessMonths = "business_months", FactKind::Count("months"), Business;
    FirstBusiness = "first_business", FactKind::Bool, FirstBusiness;
    BusinessProfitable = "business_profitable", FactKind::Bool, Profitable;
    BusinessForm = "business_form", FactKind::Choice(BUSINESS_FORM), BusinessForm;

    AttendedTraining = "attended_training", FactKind::Bool, Situation;
    TrainingDays = "training_days", FactKind::Count("days"), TrainingDays;
    TrainingCertificate = "training_certificate", FactKind::Bool, Certificate;
    TrainingsThisYear = "trainings_this_year", FactKind::Count("times"), TrainingsThisYear;

    TicketPrice = "ticket_price", FactKind::Money, Ticket;

    ProblemUnpaidWages = "problem_unpaid_wages", FactKind::Bool, Problems;
    ProblemDismissed = "problem_dismissed", FactKind::Bool, Problems;
    ProblemInjury = "problem_injury", FactKind::Bool, Problems;
    ProblemIllegalFees = "problem_illegal_fees", FactKind::Bool, Problems;
    ProblemDiscrimination = "problem_discrimination", FactKind::Bool, Problems;
    ProblemFraud = "problem_fraud", FactKind::Bool, Problems;
    ProblemNoContract = "problem_no_contract", FactKind::Bool, Problems;
    ProblemNoSocialInsurance = "problem_no_social_insurance", FactKind::Bool, Problems;

    DisputeDate = "dispute_date", FactKind::Date, DisputeDate;
    InjuryDate = "injury_date", FactKind::Date, InjuryDate;
    StillEmployed = "still_employed", FactKind::Bool, StillEmployed;
    JobEndDate = "job_end_date", FactKind::Date, JobEndDate;

    CanLeaveHome = "can_leave_home", FactKind::Bool, CanLeaveHome;
    LabourCapacity = "labour_capacity", FactKind::Choice(LABOUR_CAPACITY), LabourCapacity;
    // Two kinds of post the documents tell apart (云南乡村公共服务岗位通知 二（三）2, seed 000
    // line 149: already paid by another government post → must leave; 会人社发〔2018〕119号
    // 七（三）: the county's own post holders are insured by the township).
    OtherPublicPost = "other_public_post", FactKind::Bool, HasPublicPost;
    CountyPublicPost = "county_public_post", FactKind::Bool, HasPublicPost;

    // Added for the 2026-11-30 audit (docs/audits/2026-11-30.md, "Engine support needed").
    BusinessCalendarMonth = "business_calendar_month", FactKind::Count("months"), Business;
    NearRetirement = "near_retirement", FactKind::Bool, NearRetirement;
    UiBenefitUsedUp = "ui_benefit_used_up", FactKind::Bool, UiBenefitUsedUp;
    UiInsured = "ui_insured", FactKind::Bool, UiInsured;
    HardToEmploy = "hard_to_employ", FactKind::Bool, Groups;
    WorkRegion = "work_region", FactKind::Region, WorkRegion;

    // 会人社发〔2018〕119号 四 2、3 (seed 000 lines 404–405); 云南乡村公共服务岗位通知 (line 141).
    FamilyDisabledOrIll = "family_disabled_or_ill", FactKind::Bool, FamilyCare;
    // 人社部发〔2021〕26号（四）、云人社通〔2021〕49号（四）“有集中外出务工需求”; 转移就业注意事项 三 (age 16).
    WantsToGoOut = "wants_to_go_out", FactKind::Bool, WantsToGoOut;
    // 云政办发〔2020〕36号（十）: 易地扶贫搬迁至城镇 (seed 000 line 107).
    ResettledTo = "resettled_to", FactKind::Choice(RESETTLED_TO), Resettlement;

    // Months in the current job so far, across calendar years (stable_months counts this
    // year only, for the measures whose text says 当年/每年). For 「稳定就业半年以上」
    // (忻州 plan, seed 003 line 34) and 「履行劳动合同三个月以上」 (云人社发〔2017〕100号,
    // seed 002 line 66), which set no calendar-year limit (second readings A and B).
    JobMonths = "job_months", FactKind::Count("months"), JobMonths;

    // Issue 16, "where a measure looks": a measure tests the home region unless its
    // `place` says otherwise. The place a business is registered (个体户、公司登记地,
    // 曲政办发〔2021〕15号（一）, seed 000 line 337: its taxes are that place's) and the
    // place social insurance is paid (参保地, 云政办发〔2020〕36号（五）, line 99).
    BusinessRegion = "business_region", FactKind::Region, BusinessRegion;
    InsuranceRegion = "insurance_region", FactKind::Region, InsuranceRegion;
    // What brought the worker (issue 17): the first screen after the home region. Which
    // questions, answers and measures go with each is data: policies/data/events.toml.
    EventUnpaidWages = "event_unpaid_wages", FactKind::Bool, Events;
    EventInjury = "event_injury", FactKind::Bool, Events;
    EventNoWork = "event_no_work", FactKind::Bool, Events;
    EventGoOut = "event_go_out", FactKind::Bool, Events;
    EventLearnTrade = "event_learn_trade", FactKind::Bool, Events;
    EventStartBusiness = "event_start_business", FactKind::Bool, Events;
    EventHardship = "event_hardship", FactKind::Bool, Events;

    // Issue 16, the facts real workers needed and could not give (docs/audits/2026-12-06.md,
    // "Missing facts (issue 16)"). Each is used by the measures whose texts name it.
    // 国发〔2019〕28号（四） 经济性裁员 (seed 000 line 25): a layoff of a group, not one dismissal.
    MassLayoff = "mass_layoff", FactKind::Bool, MassLayoff;
    // 「每人每年可享受一次」 (002 line 68), 「每年享受1次」 (001 line 47), 「每年最多可享受1次」 (000 line 472), 「当年…一次性」 (003 line 33).
    OutworkSubsidyThisYear = "outwork_subsidy_this_year", FactKind::Bool, OutworkSubsidyThisYear;
    // 「因疫情等原因导致收入骤减或支出骤增的“返贫”劳动力」 (000 lines 102, 520).
    IncomeCollapsed = "income_collapsed", FactKind::Bool, IncomeCollapsed;
    // 「受疫情严重影响停工停产导致无法按期还款的创业担保贷款借款人」 (004 line 61).
    LoanRepayTrouble = "loan_repay_trouble", FactKind::Bool, LoanRepayTrouble;
    // 读技工院校 (000 line 82; 001 line 77; 002 line 54).
    VocationalSchool = "vocational_school", FactKind::Bool, VocationalSchool;
    // 「参加免费技能培训」 (曲政办发〔2021〕15号（八）, 000 line 356).
    TrainingFree = "training_free", FactKind::Bool, TrainingFree;
    // 「离校2年内未就业高校毕业生」 (000 line 362); 「应届」 (line 107).
    YearsSinceSchool = "years_since_school", FactKind::Count("years"), YearsSinceSchool;
    // 「有就业要求、处于失业状态」 (000 line 42).
    JobSeeking = "job_seeking", FactKind::Bool, JobSeeking;
    // 乡村公共服务岗位 退出机制 3、4 (000 lines 150–151): on the posts screen.
    VillagePost = "village_post", FactKind::Bool, HasPublicPost;
    HouseholdOnPost = "household_on_post", FactKind::Bool, HasPublicPost;
}

/// One question screen. Several facts can share a screen (e.g. the groups a person
/// belongs to are ticked on one list), so the widget asks fewer questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Question {
    Home,
    Age,
    Sex,
    Household,
    Groups,
    WorkPlace,
    Organised,
    StableMonths,
    Contract,
    Workshop,
    SmallFirm,
    Wage,
    Situation,
    UnemployedMonths,
    UiPaid,
    Business,
    FirstBusiness,
    Profitable,
    BusinessForm,
    TrainingDays,
    Certificate,
    TrainingsThisYear,
    Ticket,
    Problems,
    DisputeDate,
    InjuryDate,
    StillEmployed,
    JobEndDate,
    CanLeaveHome,
    LabourCapacity,
    HasPublicPost,
    // The benefit before retirement: most out-of-work people answer "no" to the first
    // and are not asked the second.
    UiBenefitUsedUp,
    NearRetirement,
    UiInsured,
    WorkRegion,
    FamilyCare,
    WantsToGoOut,
    Resettlement,
    JobMonths,
    BusinessRegion,
    InsuranceRegion,
    /// What brought the worker: asked right after the home region (`ask.rs`).
    Events,
    // Issue 16. After `Events`: a screen's place in this list is kept in the page's
    // history (`www/src/place.rs`), so new screens are appended.
    MassLayoff,
    OutworkSubsidyThisYear,
    IncomeCollapsed,
    LoanRepayTrouble,
    VocationalSchool,
    TrainingFree,
    YearsSinceSchool,
    JobSeeking,
}

impl Question {
    /// How many question screens there are (they index arrays in `next_question`).
    pub const COUNT: usize = Question::JobSeeking as usize + 1;
    pub const ALL: [Question; Question::COUNT] = [
        Question::Home,
        Question::Age,
        Question::Sex,
        Question::Household,
        Question::Groups,
        Question::WorkPlace,
        Question::Organised,
        Question::StableMonths,
        Question::Contract,
        Question::Workshop,
        Question::SmallFirm,
        Question::Wage,
        Question::Situation,
        Question::UnemployedMonths,
        Question::UiPaid,
        Question::Business,
        Question::FirstBusiness,
        Question::Profitable,
        Question::BusinessForm,
        Question::TrainingDays,
        Question::Certificate,
        Question::TrainingsThisYear,
        Question::Ticket,
        Question::Problems,
        Question::DisputeDate,
        Question::InjuryDate,
        Question::StillEmployed,
        Question::JobEndDate,
        Question::CanLeaveHome,
        Question::LabourCapacity,
        Question::HasPublicPost,
        Question::UiBenefitUsedUp,
        Question::NearRetirement,
        Question::UiInsured,
        Question::WorkRegion,
        Question::FamilyCare,
        Question::WantsToGoOut,
        Question::Resettlement,
        Question::JobMonths,
        Question::BusinessRegion,
        Question::InsuranceRegion,
        Question::Events,
        Question::MassLayoff,
        Question::OutworkSubsidyThisYear,
        Question::IncomeCollapsed,
        Question::LoanRepayTrouble,
        Question::VocationalSchool,
        Question::TrainingFree,
        Question::YearsSinceSchool,
        Question::JobSeeking,
    ];

    /// The facts this screen sets, in display order.
    pub fn facts(self) -> Vec<Fact> {
        Fact::ALL
            .iter()
            .copied()
            .filter(|f| f.question() == self && !f.is_derived())
            .collect()
    }
}

impl Fact {
    pub fn from_name(name: &str) -> Option<Fact> {
        match name {
            // The name before the two kinds of post were told apart (it meant "another
            // public-welfare post"): old share links, storage and answers files still read.
            "has_public_post" => Some(Fact::OtherPublicPost),
            _ => Fact::ALL.iter().copied().find(|f| f.name() == name),
        }
    }

    /// Facts computed from other facts and the evaluation date; never asked directly.
    pub fn is_derived(self) -> bool {
        matches!(self, Fact::BusinessMonths | Fact::BusinessCalendarMonth)
    }

    /// The fact a person answers so that this one becomes known.
    pub fn asked_as(self) -> Fact {
        match self {
            Fact::BusinessMonths | Fact::BusinessCalendarMonth => Fact::BusinessStartDate,
            f => f,
        }
    }

    /// The option code of a choice fact, checked.
    pub fn choice_option(self, code: &str) -> Option<&'static str> {
        match self.kind() {
            FactKind::Choice(opts) => opts.iter().find(|o| **o == code).copied(),
            _ => None,
        }
    }

    /// Plain Chinese label, as shown to the worker ("" in the widget until the rules
    /// have arrived: `labels::set`).
    pub fn label_zh(self) -> &'static str {
        if BUILT_IN {
            return built_in_label(self).0;
        }
        crate::labels::get(false, self as usize).unwrap_or("")
    }

    /// The English label (in the widget, the Chinese one until the English file has
    /// arrived).
    pub fn label_en(self) -> &'static str {
        if BUILT_IN {
            return built_in_label(self).1;
        }
        crate::labels::get(true, self as usize).unwrap_or_else(|| self.label_zh())
    }

    pub fn label(self, english: bool) -> &'static str {
        if english {
            self.label_en()
        } else {
            self.label_zh()
        }
    }

    /// The label built into this binary (natively; "" in the widget's wasm).
    pub fn built_in_label(self) -> (&'static str, &'static str) {
        built_in_label(self)
    }

    /// An option's label built into this binary (natively; "" in the widget's wasm).
    pub fn built_in_choice(self, code: &str) -> (&'static str, &'static str) {
        built_in_choice(self, code)
    }

    /// An option's label; the code itself if it is not an option of this fact.
    pub fn choice_label(self, code: &str, english: bool) -> String {
        let Some(code) = self.choice_option(code) else {
            return code.to_string();
        };
        let label = if BUILT_IN {
            let (zh, en) = built_in_choice(self, code);
            if english {
                en
            } else {
                zh
            }
        } else {
            let at = Fact::ALL.len() + choice_place(self, code);
            crate::labels::get(english, at)
                .or_else(|| crate::labels::get(false, at))
                .unwrap_or("")
        };
        label.to_string()
    }
}

// The labels: policies/data/facts.toml, built in natively (crates/core/build.rs).
include!(concat!(env!("OUT_DIR"), "/labels.rs"));

/// The place of the first word of `policies/data/words.toml` in `words::label_keys`: after
/// every fact and every option.
pub fn words_from() -> usize {
    Fact::ALL.len() + choice_place(Fact::HomeRegion, "")
}

/// The place of an option among every choice fact's options, in `Fact::ALL` order (for a
/// fact that is no choice, the count of them all).
fn choice_place(fact: Fact, code: &str) -> usize {
    let mut at = 0;
    for f in Fact::ALL {
        if let FactKind::Choice(opts) = f.kind() {
            if *f == fact {
                return at + opts.iter().position(|o| *o == code).unwrap_or(0);
            }
            at += opts.len();
        }
    }
    at
}

/// Whether the labels in this language are there: always natively; in the widget once
/// the rules file (Chinese) or the English file has arrived.
pub fn labels_ready(english: bool) -> bool {
    BUILT_IN || crate::labels::has(english)
}

/// A set of facts or of question screens, one bit each. Why not a `BTreeSet`: every
/// B-tree instantiation costs the wasm a few KB, and there are only a few dozen of each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BitSet<T> {
    /// 128 bits: there are more than 64 facts.
    bits: u128,
    of: std::marker::PhantomData<T>,
}

/// What a [`BitSet`] can hold: a fieldless enum listed in declaration order.
pub trait Member: Copy + 'static {
    const ALL: &'static [Self];
    fn bit(self) -> u32;
}

impl Member for Fact {
    const ALL: &'static [Fact] = Fact::ALL;
    fn bit(self) -> u32 {
        self as u32
    }
}

impl Member for Question {
    const ALL: &'static [Question] = &Question::ALL;
    fn bit(self) -> u32 {
        self as u32
    }
}

const _: () = assert!(
    Fact::ALL.len() <= 128 && Question::COUNT <= 128,
    "a BitSet holds 128"
);

pub type FactSet = BitSet<Fact>;
pub type QuestionSet = BitSet<Question>;

impl<T: Member> BitSet<T> {
    pub fn new() -> Self {
        BitSet {
            bits: 0,
            of: std::marker::PhantomData,
        }
    }
    /// Adds `item`; false if it was already there.
    pub fn insert(&mut self, item: T) -> bool {
        let had = self.contains(item);
        self.bits |= 1u128 << item.bit();
        !had
    }
    pub fn remove(&mut self, item: T) {
        self.bits &= !(1u128 << item.bit());
    }
    pub fn contains(self, item: T) -> bool {
        self.bits & (1u128 << item.bit()) != 0
    }
    pub fn is_empty(self) -> bool {
        self.bits == 0
    }
    pub fn len(self) -> usize {
        self.bits.count_ones() as usize
    }
    /// The members in declaration order.
    pub fn iter(self) -> impl Iterator<Item = T> {
        T::ALL.iter().copied().filter(move |t| self.contains(*t))
    }
}

impl<T: Member> Default for BitSet<T> {
    fn default() -> Self {
        BitSet::new()
    }
}

impl<T: Member> FromIterator<T> for BitSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut set = BitSet::new();
        set.extend(iter);
        set
    }
}

impl<T: Member> Extend<T> for BitSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        for t in iter {
            self.insert(t);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_round_trip() {
        for f in Fact::ALL {
            assert_eq!(Fact::from_name(f.name()), Some(*f));
        }
        assert_eq!(
            Fact::from_name("has_public_post"),
            Some(Fact::OtherPublicPost)
        );
        let mut names: Vec<_> = Fact::ALL.iter().map(|f| f.name()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Fact::ALL.len());
    }

    #[test]
    fn fact_sets_hold_every_fact() {
        let all: FactSet = Fact::ALL.iter().copied().collect();
        assert_eq!(all.len(), Fact::ALL.len());
        assert_eq!(all.iter().collect::<Vec<_>>(), Fact::ALL);
        let mut set = FactSet::new();
        assert!(set.insert(Fact::OtherPublicPost));
        assert!(!set.insert(Fact::OtherPublicPost));
        assert!(set.contains(Fact::OtherPublicPost) && !set.contains(Fact::HomeRegion));
        set.remove(Fact::OtherPublicPost);
        assert!(set.is_empty());
        let screens: QuestionSet = Fact::ALL.iter().map(|f| f.question()).collect();
        assert_eq!(screens.len(), Question::COUNT);
        assert_eq!(screens.iter().collect::<Vec<_>>(), Question::ALL);
        assert!(Question::ALL.windows(2).all(|w| w[0] < w[1]));
    }

    /// policies/data/facts.toml gives every fact and every option its words, and no
    /// option that is not one.
    #[test]
    fn every_fact_and_option_has_its_words() {
        for key in crate::words::label_keys() {
            let (zh, en) = key.built_in();
            assert!(!zh.is_empty() && !en.is_empty());
        }
        for (fact, code) in CHOICES_LISTED {
            assert!(fact.choice_option(code).is_some(), "{fact:?} {code}");
        }
        assert_eq!(Fact::Sex.choice_label("female", false), "女");
        assert_eq!(
            Fact::WorkPlace.choice_label("in_county", true),
            "in my home county"
        );
        assert_eq!(Fact::Sex.choice_label("other", true), "other");
        assert_eq!(Fact::Age.label_zh(), "年龄");
        assert!(labels_ready(true));
    }

    #[test]
    fn every_question_asks_something() {
        for f in Fact::ALL {
            assert!(!f.question().facts().is_empty(), "{:?}", f.question());
        }
    }
}
