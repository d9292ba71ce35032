//! The loader's problems in the clerk's words: where (line, column), which field (its
//! Chinese name, the key after it), and what is wrong, in Chinese, with the loader's
//! own words kept after it for whoever helps the clerk.

use selfcheck::load::LoadError;

/// The fields of a policy file (`policies/README.md`) in Chinese.
const FIELDS: &[(&str, &str)] = &[
    ("document", "文件信息"),
    ("number", "文号"),
    ("title", "标题"),
    ("issuer", "发文单位"),
    ("region", "地区代码"),
    ("issued", "印发日期"),
    ("valid_from", "开始日期"),
    ("valid_until", "截止日期"),
    ("standing", "长期有效"),
    ("validity_note", "有效期说明"),
    ("note", "备注"),
    ("source", "原文出处"),
    ("checked", "核对日期"),
    ("id", "编号"),
    ("kind", "类别"),
    ("audience", "对象"),
    ("title_en", "英文标题"),
    ("summary", "简介"),
    ("summary_en", "英文简介"),
    ("clause", "条款"),
    ("frequency", "发放频次"),
    ("apply_where", "去哪里办"),
    ("apply_how", "怎么办"),
    ("materials", "要带的材料"),
    ("source_lines", "原文行号"),
    ("benefit", "同一补贴"),
    ("done_when", "已办好的条件"),
    ("deadlines", "期限"),
    ("phones", "电话"),
    ("dial", "拨打号码"),
    ("reading", "我们的理解"),
    ("text", "文字"),
    ("numbers", "数字"),
    ("amount", "金额"),
    ("when", "条件"),
    ("place", "看哪个地区"),
    ("fact", "情况"),
    ("all", "全部满足"),
    ("any", "满足一项"),
    ("not", "不满足"),
    ("is", "是否"),
    ("in", "其中之一"),
    ("within", "地区范围"),
    ("at_least", "至少"),
    ("at_most", "至多"),
    ("on_or_after", "不早于"),
    ("on_or_before", "不晚于"),
    ("fixed", "固定金额"),
    ("up_to", "最多"),
    ("between", "范围"),
    ("per_day", "按天"),
    ("cap", "封顶"),
    ("rate", "每天金额"),
    ("through_day", "到第几天"),
    ("percent_of_wage", "工资百分比"),
    ("max_months", "最多月数"),
    ("ticket_up_to", "车票最多"),
    ("loan_up_to", "贷款最多"),
    ("term", "术语"),
];

/// `measure[0] (id).when.all[1].fact` → "第1条措施（id）› 条件 when › 全部满足 all 第2项 › 情况 fact".
pub fn field(path: &str) -> String {
    if path.is_empty() {
        return String::new();
    }
    let mut parts = Vec::new();
    let mut rest = path;
    if let Some(r) = rest.strip_prefix("measure[") {
        let close = r.find(']').unwrap_or(r.len());
        let n: usize = r[..close].parse().unwrap_or(0);
        let mut after = &r[(close + 1).min(r.len())..];
        let mut label = format!("第{}条措施", n + 1);
        if let Some(a) = after.strip_prefix(" (") {
            let end = a.find(')').unwrap_or(a.len());
            label.push_str(&format!("（{}）", &a[..end]));
            after = &a[(end + 1).min(a.len())..];
        }
        parts.push(label);
        rest = after.trim_start_matches('.');
    }
    for seg in rest.split('.').filter(|s| !s.is_empty()) {
        let (key, index) = match seg.find('[') {
            Some(i) => (&seg[..i], Some(&seg[i..])),
            None => (seg, None),
        };
        let zh = FIELDS.iter().find(|(k, _)| *k == key).map(|(_, z)| *z);
        let mut label = match zh {
            Some(z) => format!("{z} {key}"),
            None => key.to_string(),
        };
        for i in index.unwrap_or("").split(']').filter(|s| !s.is_empty()) {
            if let Ok(n) = i.trim_start_matches('[').parse::<usize>() {
                label.push_str(&format!(" 第{}项", n + 1));
            }
        }
        parts.push(label);
    }
    parts.join(" › ")
}

/// What is wrong, in Chinese, from the loader's message.
pub fn message(m: &str) -> String {
    const KNOWN: &[(&str, &str)] = &[
        (
            "not valid TOML",
            "格式不对（TOML）：引号、括号或等号可能少了或多了",
        ),
        ("is missing", "缺了这一项，要填上"),
        ("unknown field", "没有这个字段，可能写错了名字"),
        (
            "unknown fact",
            "没有这个情况名，可能写错了（情况名见 policies/README.md）",
        ),
        ("unknown region", "没有这个地区代码"),
        ("unknown term", "没有这个术语"),
        ("unknown place", "没有这个地区类别"),
        ("unknown variant", "不是可选的值之一"),
        ("duplicate id", "编号重复了，每条措施的编号要不一样"),
        ("is named twice", "写了两次"),
        ("expected a date", "要写日期，如 2026-03-01"),
        ("expected text", "要写文字，用英文引号括起来"),
        ("expected true or false", "要写 true（是）或 false（否）"),
        (
            "expected an amount of money",
            "钱数要写成带引号的数字，如 \"1000\"",
        ),
        ("write money as text", "钱数要写成带引号的数字，如 \"1000\""),
        ("expected a whole number", "要写不带小数的整数"),
        ("is before", "截止日期早于开始日期"),
        ("is not one of", "不是可选的值之一"),
        ("is not an option", "不是这个情况的可选值"),
        ("may use only a-z", "编号只能用小写英文字母、数字和 -"),
        ("does not fit fact", "这个检查和情况的类型不配"),
        ("needs exactly one", "要写且只写一种"),
        ("is empty", "不能空着"),
        ("must be digits", "电话号码只能有数字和 -"),
        (
            "is outside the document's region",
            "这个地区不在文件的地区之内",
        ),
        (
            "a document needs at least one",
            "一份文件至少要有一条措施 [[measure]]",
        ),
        ("no deadline", "没有这个期限"),
        ("is more than", "最小值比最大值还大"),
        ("is negative", "钱数不能是负数"),
        ("a check goes with", "检查要跟在情况 fact 后面"),
        ("yes/no: use is", "是否类的情况要用 is = true 或 false"),
        ("a choice: use in", "选项类的情况要用 in = [...]"),
        ("a region: use within", "地区要用 within = [...]"),
        (
            "a number: use at_least or at_most",
            "数字要用 at_least 或 at_most",
        ),
        (
            "money: use at_least or at_most",
            "钱数要用 at_least 或 at_most",
        ),
        (
            "a date: use on_or_after or on_or_before",
            "日期要用 on_or_after 或 on_or_before",
        ),
        (
            "the home region is the default",
            "默认就是户籍地，不用写 place",
        ),
        (
            "national document",
            "全国性文件的措施不看地区，不用写 place",
        ),
        ("文件名", "文件名只能用小写英文字母、数字和 -"),
        (
            "invalid type",
            "类型不对：文字和日期要用英文引号括起来，是否写 true 或 false，数字不加引号",
        ),
        ("invalid value", "这个值不对"),
    ];
    KNOWN
        .iter()
        .find(|(en, _)| m.contains(en))
        .map_or_else(|| "这里有问题".to_string(), |(_, zh)| zh.to_string())
}

/// The whole line the clerk reads: "第 12 行第 5 列 · 第1条措施（…）› 条件 when：…（原文：…）".
pub fn describe(e: &LoadError, at: Option<(usize, usize)>) -> String {
    let mut out = String::new();
    if let Some((line, column)) = at {
        out.push_str(&format!("第 {line} 行第 {column} 列"));
    }
    let f = field(&e.field);
    if !f.is_empty() {
        if !out.is_empty() {
            out.push_str(" · ");
        }
        out.push_str(&format!("字段「{f}」"));
    }
    if !out.is_empty() {
        out.push('：');
    }
    out.push_str(&message(&e.message));
    out.push_str(&format!("（{}）", e.message));
    out
}

/// Where a field the loader could not place is written (an error found across files,
/// e.g. an id another document has): the first line that sets its last key, in its
/// measure (`measure[i]…`: from the i-th `[[measure]]`) or from the top.
pub fn find_field(source: &str, field: &str) -> Option<(usize, usize)> {
    let key = field
        .rsplit(['.', '['])
        .find(|k| !k.is_empty() && !k.ends_with(']') && !k.starts_with('('))?;
    let key = key.split(' ').next()?;
    let measure = field
        .strip_prefix("measure[")
        .and_then(|r| r.split(']').next())
        .and_then(|n| n.parse::<usize>().ok());
    let from = match measure {
        Some(i) => {
            source
                .lines()
                .enumerate()
                .filter(|(_, l)| l.trim_end() == "[[measure]]")
                .nth(i)?
                .0
        }
        None => 0,
    };
    source.lines().enumerate().skip(from).find_map(|(i, l)| {
        let t = l.trim_start();
        let sets = t.strip_prefix(key)?.trim_start().starts_with('=');
        sets.then_some((i + 1, l.len() - t.len() + 1))
    })
}

/// The document's name (its file name without `.toml`), as the loader's ids are written.
pub fn check_id(id: &str) -> Result<(), String> {
    let ok = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(format!("文件名 '{id}' may use only a-z, 0-9 and '-'"))
    }
}

/// A case's or the sample worker's problem ("用例1: answers.age: …").
pub fn case_error(e: &str) -> String {
    let (field, msg) = match e.splitn(3, ": ").collect::<Vec<_>>()[..] {
        [_, field, msg] => (field, msg),
        _ => ("", e),
    };
    if field.is_empty() || field.starts_with("not valid TOML") {
        return format!("{}（{e}）", message(e));
    }
    format!("字段「{field}」：{}（{msg}）", message(msg))
}

/// A TOML syntax error of the cases box, with its line and column.
pub fn toml_error(what: &str, text: &str, e: &toml::de::Error) -> String {
    let at = e.span().map(|s| {
        let before = &text[..s.start.min(text.len())];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        format!("第 {line} 行第 {col} 列：")
    });
    format!(
        "{what}{}格式不对（TOML）（{}）",
        at.unwrap_or_default(),
        e.message().trim_end()
    )
}

/// The loader places a field by its key at the start of a line, else at its measure's
/// `[[measure]]`; a value written inline (`{ fact = "stabel_months", … }`) is found here:
/// the first line from there, within the measure, with the value the message quotes.
pub fn the_value(
    source: &str,
    at: Option<(usize, usize)>,
    message: &str,
) -> Option<(usize, usize)> {
    let (from, _) = at?;
    let value = message.split('\'').nth(1).filter(|v| !v.is_empty())?;
    let quoted = format!("\"{value}\"");
    source
        .lines()
        .enumerate()
        .skip(from - 1)
        .take_while(|(i, l)| *i + 1 == from || !l.starts_with("[[measure]]"))
        .find_map(|(i, l)| {
            let at = l.find(&quoted)?;
            Some((i + 1, l[..at].chars().count() + 2))
        })
}
