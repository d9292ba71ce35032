//! The facts a worker can tell us. Every condition in `policies/` is about one of these;
//! a name not listed here is a load error.
//!
//! Over 400 lines because it is a table: one line per fact (name, kind, labels in two
//! languages, question screen) and the screens' order.

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
    /// One of a fixed set of options.
    Choice(&'static [(&'static str, &'static str, &'static str)]),
}

macro_rules! facts {
    ($( $variant:ident = $name:literal, $kind:expr, $zh:literal, $en:literal, $q:ident; )*) => {
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
            /// Plain Chinese label, as shown to the worker.
            pub fn label_zh(self) -> &'static str {
                match self { $( Fact::$variant => $zh, )* }
            }
            pub fn label_en(self) -> &'static str {
                match self { $( Fact::$variant => $en, )* }
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

const SEX: &[(&str, &str, &str)] = &[("male", "男", "male"), ("female", "女", "female")];
const HOUSEHOLD: &[(&str, &str, &str)] = &[
    ("rural", "农村户口", "rural household"),
    ("urban", "城镇户口", "urban household"),
];
const WORK_PLACE: &[(&str, &str, &str)] = &[
    (
        "cross_province",
        "在外省打工",
        "working in another province",
    ),
    (
        "in_province_outside_county",
        "在本省、但不在本县打工",
        "in my province, outside my county",
    ),
    ("in_county", "在本县打工", "in my home county"),
];
const BUSINESS_FORM: &[(&str, &str, &str)] = &[
    ("individual", "个人或个体户", "on my own / sole trader"),
    ("partnership", "和别人合伙", "partnership"),
    ("small_firm", "小微企业", "small business"),
];
const LABOUR_CAPACITY: &[(&str, &str, &str)] = &[
    ("full", "能正常干活", "full capacity"),
    ("weak", "弱劳动力或半劳动力", "weak or half capacity"),
    ("none", "无劳动能力", "cannot work"),
];

const RESETTLED_TO: &[(&str, &str, &str)] = &[
    (
        "town",
        "城镇（县城、集镇的安置点）",
        "a town (county town or market-town site)",
    ),
    ("village", "农村（中心村等农村安置点）", "a village site"),
];

facts! {
    HomeRegion = "home_region", FactKind::Region, "户口所在地", "where your household is registered", Home;
    Age = "age", FactKind::Count("years"), "年龄", "age", Age;
    Sex = "sex", FactKind::Choice(SEX), "性别", "sex", Sex;
    Household = "household", FactKind::Choice(HOUSEHOLD), "户口类型", "household registration type", Household;

    Tuopin = "tuopin", FactKind::Bool, "脱贫人口（含脱贫户家庭成员）", "person lifted out of poverty (脱贫人口)", Groups;
    Jiandang = "jiandang", FactKind::Bool, "建档立卡贫困劳动力（已经脱贫的也算）", "registered poor worker (建档立卡), lifted out of poverty or not", Groups;
    Monitored = "monitored", FactKind::Bool, "防返贫监测对象（防止返贫致贫对象）", "monitored for falling back into poverty", Groups;
    Dibao = "dibao", FactKind::Bool, "低保家庭", "minimum-living-allowance household (低保)", Groups;
    ZeroEmploymentFamily = "zero_employment_family", FactKind::Bool, "零就业家庭", "household with nobody employed", Groups;
    Disabled = "disabled", FactKind::Bool, "残疾人", "person with a disability", Groups;
    Relocated = "relocated", FactKind::Bool, "易地扶贫搬迁户", "relocated for poverty alleviation (易地搬迁)", Groups;
    ReturningMigrant = "returning_migrant", FactKind::Bool, "返乡农民工", "migrant worker who came home", Groups;
    Graduate = "graduate", FactKind::Bool, "高校毕业生", "college graduate", Groups;
    Lianghousheng = "lianghousheng", FactKind::Bool, "两后生（初中、高中毕业未继续升学）", "school leaver not going on to study (两后生)", Groups;
    Veteran = "veteran", FactKind::Bool, "退役军人", "military veteran", Groups;

    WorkPlace = "work_place", FactKind::Choice(WORK_PLACE), "在哪里打工", "where you work", WorkPlace;
    OrganisedOutput = "organised_output", FactKind::Bool, "通过政府或劳务公司组织外出", "went out through organised labour output", Organised;
    StableMonths = "stable_months", FactKind::Count("months"), "今年稳定干了几个月", "months of stable work this year", StableMonths;
    ContractMonths = "contract_months", FactKind::Count("months"), "劳动合同签了几个月", "length of your labour contract (months)", Contract;
    WorkshopJob = "workshop_job", FactKind::Bool, "在扶贫车间（就业帮扶车间）上班", "works in a poverty-alleviation workshop", Workshop;
    SmallFirmJob = "small_firm_job", FactKind::Bool, "在小微企业上班", "works for a small or micro business", SmallFirm;
    FlexibleEmployment = "flexible_employment", FactKind::Bool, "灵活就业（打零工、自己干、没有固定单位）", "in flexible work (odd jobs, self-employed, no fixed employer)", Situation;
    MonthlyWage = "monthly_wage", FactKind::Money, "每月工资", "monthly wage", Wage;

    Unemployed = "unemployed", FactKind::Bool, "现在没有工作", "out of work now", Situation;
    UnemployedMonths = "unemployed_months", FactKind::Count("months"), "没工作几个月了", "months out of work", UnemployedMonths;
    RegisteredUnemployed = "registered_unemployed", FactKind::Bool, "已做失业登记", "registered as unemployed", Situation;
    UiPaidYears = "ui_paid_years", FactKind::Count("years"), "失业保险交了几年", "years of unemployment-insurance contributions", UiPaid;
    LostJobInvoluntarily = "lost_job_involuntarily", FactKind::Bool, "不是自己要走的（被辞退、合同到期等）", "lost the job not by your own choice", Situation;

    HasBusiness = "has_business", FactKind::Bool, "自己做生意（开店、个体户、办公司、搞养殖等）", "runs own business", Situation;
    BusinessStartDate = "business_start_date", FactKind::Date, "生意（个体户、公司）开业日期", "date your business opened", Business;
    BusinessMonths = "business_months", FactKind::Count("months"), "生意已经开了几个月", "months your business has been running", Business;
    FirstBusiness = "first_business", FactKind::Bool, "第一次创业", "first business you have started", FirstBusiness;
    BusinessProfitable = "business_profitable", FactKind::Bool, "生意有盈利", "business makes a profit", Profitable;
    BusinessForm = "business_form", FactKind::Choice(BUSINESS_FORM), "创业形式", "form of the business", BusinessForm;

    AttendedTraining = "attended_training", FactKind::Bool, "参加了（或要参加）技能培训", "attends or attended skills training", Situation;
    TrainingDays = "training_days", FactKind::Count("days"), "参加培训的天数", "days of training", TrainingDays;
    TrainingCertificate = "training_certificate", FactKind::Bool, "培训后拿到证书", "got a certificate after training", Certificate;
    TrainingsThisYear = "trainings_this_year", FactKind::Count("times"), "今年已享受培训补贴的次数", "subsidised trainings already this year", TrainingsThisYear;

    TicketPrice = "ticket_price", FactKind::Money, "外出车票钱", "ticket price to your workplace", Ticket;

    ProblemUnpaidWages = "problem_unpaid_wages", FactKind::Bool, "工资被拖欠、克扣", "wages unpaid or docked", Problems;
    ProblemDismissed = "problem_dismissed", FactKind::Bool, "被辞退、被裁员", "dismissed or laid off", Problems;
    ProblemInjury = "problem_injury", FactKind::Bool, "干活受伤或得了职业病", "injured at work or occupational disease", Problems;
    ProblemIllegalFees = "problem_illegal_fees", FactKind::Bool, "被乱收费（押金、介绍费等）", "charged illegal fees (deposits, job fees)", Problems;
    ProblemDiscrimination = "problem_discrimination", FactKind::Bool, "找工作受歧视", "discriminated against when job-hunting", Problems;
    ProblemFraud = "problem_fraud", FactKind::Bool, "遇到黑中介、招工骗局", "cheated by a fake agency or job scam", Problems;
    ProblemNoContract = "problem_no_contract", FactKind::Bool, "没签劳动合同", "no labour contract", Problems;
    ProblemNoSocialInsurance = "problem_no_social_insurance", FactKind::Bool, "没给交社保", "no social insurance paid", Problems;

    DisputeDate = "dispute_date", FactKind::Date, "知道权益被侵害的日期（如该发工资没发的那天）", "date you learned your rights were violated", DisputeDate;
    InjuryDate = "injury_date", FactKind::Date, "受伤或确诊职业病的日期", "date of the injury or diagnosis", InjuryDate;
    StillEmployed = "still_employed", FactKind::Bool, "还在这家单位干", "still working for that employer", StillEmployed;
    JobEndDate = "job_end_date", FactKind::Date, "离职（劳动关系结束）的日期", "date the job ended", JobEndDate;

    CanLeaveHome = "can_leave_home", FactKind::Bool, "能离开家外出打工", "able to leave home to work", CanLeaveHome;
    LabourCapacity = "labour_capacity", FactKind::Choice(LABOUR_CAPACITY), "劳动能力", "ability to work", LabourCapacity;
    // Two kinds of post the documents tell apart (云南乡村公共服务岗位通知 二（三）2, seed 000
    // line 149: already paid by another government post → must leave; 会人社发〔2018〕119号
    // 七（三）: the county's own post holders are insured by the township).
    OtherPublicPost = "other_public_post", FactKind::Bool, "已在领其他政府公益性岗位的补贴（如生态护林员）", "already paid by another government public-welfare post (e.g. forest ranger)", HasPublicPost;
    CountyPublicPost = "county_public_post", FactKind::Bool, "已经在本县的乡村公益性岗位（乡村公共服务岗位）上干", "already holds the county's own village public-service post", HasPublicPost;

    // Added for the 2026-11-30 audit (docs/audits/2026-11-30.md, "Engine support needed").
    BusinessCalendarMonth = "business_calendar_month", FactKind::Count("months"), "生意开到第几个月（登记当月算第1个月）", "month of the business (the month it was registered is month 1)", Business;
    NearRetirement = "near_retirement", FactKind::Bool, "离法定退休年龄不到1年", "less than a year from the statutory retirement age", NearRetirement;
    UiBenefitUsedUp = "ui_benefit_used_up", FactKind::Bool, "失业保险金已经领完（领到期）", "unemployment benefit has run out", UiBenefitUsedUp;
    UiInsured = "ui_insured", FactKind::Bool, "交过失业保险（交了多久都算）", "has paid unemployment insurance (any length of time)", UiInsured;
    HardToEmploy = "hard_to_employ", FactKind::Bool, "已被认定为就业困难人员（人社部门认定的）", "recognised as having employment difficulties (就业困难人员)", Groups;
    WorkRegion = "work_region", FactKind::Region, "现在打工或常住的地方", "where you work or live now", WorkRegion;

    // 会人社发〔2018〕119号 四 2、3 (seed 000 lines 404–405); 云南乡村公共服务岗位通知 (line 141).
    FamilyDisabledOrIll = "family_disabled_or_ill", FactKind::Bool, "家里有残疾人或重病病人", "a family member is disabled or seriously ill", FamilyCare;
    // 人社部发〔2021〕26号（四）、云人社通〔2021〕49号（四）“有集中外出务工需求”; 转移就业注意事项 三 (age 16).
    WantsToGoOut = "wants_to_go_out", FactKind::Bool, "想外出打工", "wants to go out to work", WantsToGoOut;
    // 云政办发〔2020〕36号（十）: 易地扶贫搬迁至城镇 (seed 000 line 107).
    ResettledTo = "resettled_to", FactKind::Choice(RESETTLED_TO), "易地搬迁安置在哪里", "where you were resettled", Resettlement;

    // Months in the current job so far, across calendar years (stable_months counts this
    // year only, for the measures whose text says 当年/每年). For 「稳定就业半年以上」
    // (忻州 plan, seed 003 line 34) and 「履行劳动合同三个月以上」 (云人社发〔2017〕100号,
    // seed 002 line 66), which set no calendar-year limit (second readings A and B).
    JobMonths = "job_months", FactKind::Count("months"), "这份工作已经干了几个月", "months in your current job so far", JobMonths;

    // Issue 16, "where a measure looks": a measure tests the home region unless its
    // `place` says otherwise. The place a business is registered (个体户、公司登记地,
    // 曲政办发〔2021〕15号（一）, seed 000 line 337: its taxes are that place's) and the
    // place social insurance is paid (参保地, 云政办发〔2020〕36号（五）, line 99).
    BusinessRegion = "business_region", FactKind::Region, "生意（个体户、公司）登记在哪里", "where your business is registered", BusinessRegion;
    InsuranceRegion = "insurance_region", FactKind::Region, "社保在哪里交（参保地）", "where your social insurance is paid", InsuranceRegion;
    // What brought the worker (issue 17): the first screen after the home region. Which
    // questions, answers and measures go with each is data: policies/data/events.toml.
    EventUnpaidWages = "event_unpaid_wages", FactKind::Bool, "工资被拖欠、克扣", "wages unpaid or docked", Events;
    EventInjury = "event_injury", FactKind::Bool, "干活受伤、职业病", "injured at work, occupational disease", Events;
    EventNoWork = "event_no_work", FactKind::Bool, "被辞退、没活干了", "dismissed, or no work any more", Events;
    EventGoOut = "event_go_out", FactKind::Bool, "想出去打工", "I want to go out to work", Events;
    EventLearnTrade = "event_learn_trade", FactKind::Bool, "想学门手艺", "I want to learn a trade", Events;
    EventStartBusiness = "event_start_business", FactKind::Bool, "想回家创业、做生意", "I want to go home and start a business", Events;
    EventHardship = "event_hardship", FactKind::Bool, "家里困难", "my family is in hardship", Events;

    // Issue 16, the facts real workers needed and could not give (docs/audits/2026-12-06.md,
    // "Missing facts (issue 16)"). Each is used by the measures whose texts name it.
    // 国发〔2019〕28号（四） 经济性裁员 (seed 000 line 25): a layoff of a group, not one dismissal.
    MassLayoff = "mass_layoff", FactKind::Bool, "单位成批裁员（经济性裁员）", "group layoff", MassLayoff;
    // 「每人每年可享受一次」 (002 line 68), 「每年享受1次」 (001 line 47), 「每年最多可享受1次」 (000 line 472), 「当年…一次性」 (003 line 33).
    OutworkSubsidyThisYear = "outwork_subsidy_this_year", FactKind::Bool, "今年已领过外出务工补助", "going-out subsidy this year", OutworkSubsidyThisYear;
    // 「因疫情等原因导致收入骤减或支出骤增的“返贫”劳动力」 (000 lines 102, 520).
    IncomeCollapsed = "income_collapsed", FactKind::Bool, "因疫情等收入骤减或开支骤增", "income fell sharply", IncomeCollapsed;
    // 「受疫情严重影响停工停产导致无法按期还款的创业担保贷款借款人」 (004 line 61).
    LoanRepayTrouble = "loan_repay_trouble", FactKind::Bool, "疫情停工还不上创业担保贷款", "start-up loan unpaid", LoanRepayTrouble;
    // 读技工院校 (000 line 82; 001 line 77; 002 line 54).
    VocationalSchool = "vocational_school", FactKind::Bool, "在读或要读技工学校", "at a technical school", VocationalSchool;
    // 「参加免费技能培训」 (曲政办发〔2021〕15号（八）, 000 line 356).
    TrainingFree = "training_free", FactKind::Bool, "培训是免费的", "free training", TrainingFree;
    // 「离校2年内未就业高校毕业生」 (000 line 362); 「应届」 (line 107).
    YearsSinceSchool = "years_since_school", FactKind::Count("years"), "离校几年（今年毕业算0）", "years since leaving school", YearsSinceSchool;
    // 「有就业要求、处于失业状态」 (000 line 42).
    JobSeeking = "job_seeking", FactKind::Bool, "正在找工作", "looking for work", JobSeeking;
    // 乡村公共服务岗位 退出机制 3、4 (000 lines 150–151): on the posts screen.
    VillagePost = "village_post", FactKind::Bool, "在村（组）任职、领财政补贴", "paid village post", HasPublicPost;
    HouseholdOnPost = "household_on_post", FactKind::Bool, "家里已有人干乡村公共服务岗位", "family on a village post", HasPublicPost;
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
            FactKind::Choice(opts) => opts.iter().find(|o| o.0 == code).map(|o| o.0),
            _ => None,
        }
    }

    pub fn choice_label(self, code: &str, english: bool) -> String {
        match self.kind() {
            FactKind::Choice(opts) => opts
                .iter()
                .find(|o| o.0 == code)
                .map(|o| if english { o.2 } else { o.1 }.to_string())
                .unwrap_or_else(|| code.to_string()),
            _ => code.to_string(),
        }
    }
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

    #[test]
    fn every_question_asks_something() {
        for f in Fact::ALL {
            assert!(!f.question().facts().is_empty(), "{:?}", f.question());
        }
    }
}
