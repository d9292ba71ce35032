//! Interface words in plain Chinese, with an English translation. Policy titles stay
//! Chinese with their English gloss; everything else switches.

use wugong::Question;

/// Picks the Chinese or English text.
pub fn tr(english: bool, zh: &'static str, en: &'static str) -> &'static str {
    if english {
        en
    } else {
        zh
    }
}

/// The hint of every screen of tick boxes: it names the buttons there are
/// (`multi_check.rs`).
const TICK_ZH: &str = "可以选好几个，选完点“就这些，其他都不是”。都不是就点“以上都没有”；拿不准的不用选，点“有的我不清楚”。";
const TICK_EN: &str = "Tick all that apply, then \"That's all\". None? \"None of the above\". Not sure about some? \"Some I'm not sure about\".";

/// The question as asked on screen, and a short hint.
pub fn prompt(q: Question, english: bool) -> (&'static str, &'static str) {
    use Question::*;
    let (zh, zh_hint, en, en_hint) = match q {
        Home => (
            "你的户口在哪里？",
            "先选省，需要时再选市、县。",
            "Where is your household registered?",
            "Pick the province, then the city and county if asked.",
        ),
        Age => ("你今年多大？", "填周岁。", "How old are you?", "Years."),
        Sex => ("你是男的还是女的？", "", "Are you a man or a woman?", ""),
        Household => (
            "你是农村户口还是城镇户口？",
            "",
            "Rural or urban household registration?",
            "",
        ),
        Groups => (
            "下面哪些说的是你？",
            TICK_ZH,
            "Which of these describe you?",
            TICK_EN,
        ),
        WorkPlace => (
            "你在哪里打工？",
            "和你户口所在的县比。",
            "Where do you work?",
            "Compared with your home county.",
        ),
        Organised => (
            "你是跟着政府或劳务公司组织出去打工的吗？",
            "",
            "Did you go out to work through an organised programme (government or labour agency)?",
            "",
        ),
        StableMonths => (
            "今年你在同一个地方稳定干了几个月？",
            "填月数。",
            "How many months have you worked steadily this year?",
            "Months.",
        ),
        Contract => (
            "你的劳动合同签了多长时间？",
            "填月数，1年就填12。",
            "How long is your labour contract?",
            "Months; one year is 12.",
        ),
        Workshop => (
            "你在扶贫车间（就业帮扶车间）上班吗？",
            "",
            "Do you work in a poverty-alleviation workshop?",
            "",
        ),
        SmallFirm => (
            "你上班的单位是小微企业吗？",
            "",
            "Is your employer a small or micro business?",
            "",
        ),
        Wage => (
            "你每月工资多少钱？",
            "填元。",
            "What is your monthly wage?",
            "Yuan.",
        ),
        Situation => (
            "你现在的情况，下面哪些说的是你？",
            TICK_ZH,
            "Which of these describe your situation now?",
            TICK_EN,
        ),
        UnemployedMonths => (
            "你没工作几个月了？",
            "填月数。",
            "How many months have you been out of work?",
            "Months.",
        ),
        UiPaid => (
            "单位给你交失业保险交了几年？",
            "填年数，不到1年填0。",
            "How many years of unemployment insurance were paid for you?",
            "Years; under one year is 0.",
        ),
        Business => (
            "你的生意（个体户、小店、公司）是哪天开业的？",
            "",
            "When did your business open?",
            "",
        ),
        FirstBusiness => (
            "这是你第一次创业吗？",
            "",
            "Is this the first business you have started?",
            "",
        ),
        Profitable => (
            "你的生意现在赚钱吗？",
            "",
            "Does your business make a profit?",
            "",
        ),
        BusinessForm => ("你是怎么创业的？", "", "How is your business set up?", ""),
        TrainingDays => (
            "你参加的技能培训一共几天？",
            "填天数。",
            "How many days of skills training did you attend?",
            "Days.",
        ),
        Certificate => (
            "你拿到过技能证书吗？",
            "职业资格证、技能等级证、培训合格证都算；参加了培训的，说这次培训的证书。",
            "Do you have a skills certificate?",
            "A vocational qualification, skill-level or training certificate; after a course, the one from that course.",
        ),
        TrainingsThisYear => (
            "今年你已经领过几次培训补贴？",
            "没有就填0。",
            "How many training subsidies have you had this year?",
            "0 if none.",
        ),
        Ticket => (
            "你去打工地方的车票多少钱？",
            "填元，比如 420.5。",
            "How much was your ticket to your workplace?",
            "Yuan, e.g. 420.5.",
        ),
        Problems => (
            "打工时遇到下面的问题了吗？",
            TICK_ZH,
            "Have you had any of these problems at work?",
            TICK_EN,
        ),
        DisputeDate => (
            "你是哪天知道自己权益受损的？",
            "比如该发工资却没发的那天、被辞退的那天、单位不管工伤待遇的那天。",
            "When did you learn your rights were violated?",
            "E.g. the payday that was missed, the day you were dismissed, the day the employer refused injury benefits.",
        ),
        InjuryDate => (
            "你是哪天受伤（或确诊职业病）的？",
            "",
            "When were you injured (or diagnosed)?",
            "",
        ),
        StillEmployed => (
            "你现在还在这家单位干吗？",
            "",
            "Do you still work for that employer?",
            "",
        ),
        JobEndDate => (
            "你是哪天离开这家单位的？",
            "劳动关系结束的那天。",
            "When did the job end?",
            "",
        ),
        CanLeaveHome => (
            "你能离开家去外地打工吗？",
            "比如要照顾老人孩子、身体不好就选“不能”。",
            "Can you leave home to work elsewhere?",
            "Choose \"no\" if you must care for family or are unwell.",
        ),
        LabourCapacity => ("你的劳动能力怎么样？", "", "How able are you to work?", ""),
        HasPublicPost => (
            "你或家里人已经有这些岗位吗？",
            TICK_ZH,
            "Do you or your family already hold these posts?",
            TICK_EN,
        ),
        FamilyCare => (
            "你家里有残疾人或重病病人吗？",
            "有残疾证或医院证明的家人。",
            "Is someone in your family disabled or seriously ill?",
            "A family member with a disability certificate or a hospital certificate.",
        ),
        WantsToGoOut => (
            "你想外出打工吗？",
            "去外县、外省打工。",
            "Do you want to go out to work?",
            "To another county or province.",
        ),
        Resettlement => (
            "你家易地搬迁，搬到了哪里？",
            "",
            "Where was your family resettled?",
            "",
        ),
        NearRetirement => (
            "你离法定退休年龄不到1年了吗？",
            "不清楚哪天退休，可以问社保局或打12333。",
            "Are you less than a year from the statutory retirement age?",
            "Not sure? Ask the social-insurance office or call 12333.",
        ),
        UiBenefitUsedUp => (
            "你的失业保险金已经领完了吗？",
            "",
            "Has your unemployment benefit run out?",
            "",
        ),
        UiInsured => (
            "单位（或你自己）给你交过失业保险吗？",
            "交了多久都算，不到1年也算。",
            "Has unemployment insurance ever been paid for you (by an employer or yourself)?",
            "Any length of time counts, even under a year.",
        ),
        WorkRegion => (
            "你现在在哪里打工或常住？",
            "先选省，需要时再选市、县。",
            "Where do you work or live now?",
            "Pick the province, then the city and county if asked.",
        ),
        // The same hint as the home region's (one string in the wasm).
        BusinessRegion => (
            "你的生意（个体户、公司）是在哪里登记的？",
            "先选省，需要时再选市、县。",
            "Where is your business registered?",
            "Pick the province, then the city and county if asked.",
        ),
        InsuranceRegion => (
            "你的社保在哪里交？",
            "先选省，需要时再选市、县。",
            "Where is your social insurance paid?",
            "Pick the province, then the city and county if asked.",
        ),
        Events => (
            "你现在最想弄清楚什么？",
            "可以选好几个。",
            "What do you most want to find out now?",
            "Tick all that apply.",
        ),
        MassLayoff => ("单位是一次裁了一批人吗？", "", "Was a group laid off?", ""),
        OutworkSubsidyThisYear => ("今年领过外出打工补助了吗？", "", "Had a going-out subsidy this year?", ""),
        IncomeCollapsed => ("因为疫情等，你家收入突然大减或开支突然大增了吗？", "", "Income fell or costs rose sharply?", ""),
        LoanRepayTrouble => ("你的创业担保贷款因为疫情停工还不上吗？", "", "Start-up loan unpaid after an epidemic stoppage?", ""),
        VocationalSchool => ("你在读或要读技工学校吗？", "", "At a technical school?", ""),
        TrainingFree => ("这次培训是免费的吗？", "", "Is the training free?", ""),
        YearsSinceSchool => ("你离开学校几年了？", "今年毕业填0。", "Years since leaving school?", "0 this year."),
        JobSeeking => ("你在找工作吗？", "", "Looking for work?", ""),
        JobMonths => (
            "这份工作你已经干了几个月？",
            "去年开始干的也算。",
            "Months in your current job so far?",
            "Count last year's months too.",
        ),
    };
    if english {
        (en, en_hint)
    } else {
        (zh, zh_hint)
    }
}
