//! Administrative regions (GB/T 2260 codes). A code's prefix is its parent: 530326 会泽县
//! lies in 5303 曲靖市, which lies in 53 云南省. Only the regions the documents cover are
//! listed below province level; every province is listed so any worker can answer.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    pub code: &'static str,
    pub name: &'static str,
    pub name_en: &'static str,
}

macro_rules! regions {
    ($( $code:literal $name:literal $en:literal ),* $(,)?) => {
        /// Every region a worker can choose, parents before children.
        pub const REGIONS: &[Region] = &[ $( Region { code: $code, name: $name, name_en: $en } ),* ];
    };
}

regions! {
    "11" "北京市" "Beijing", "12" "天津市" "Tianjin", "13" "河北省" "Hebei",
    "14" "山西省" "Shanxi",
    "1401" "太原市" "Taiyuan", "1402" "大同市" "Datong", "1403" "阳泉市" "Yangquan",
    "1404" "长治市" "Changzhi", "1405" "晋城市" "Jincheng", "1406" "朔州市" "Shuozhou",
    "1407" "晋中市" "Jinzhong", "1408" "运城市" "Yuncheng", "1409" "忻州市" "Xinzhou",
    "140902" "忻府区" "Xinfu", "140921" "定襄县" "Dingxiang", "140922" "五台县" "Wutai",
    "140923" "代县" "Dai", "140924" "繁峙县" "Fanshi", "140925" "宁武县" "Ningwu",
    "140926" "静乐县" "Jingle", "140927" "神池县" "Shenchi", "140928" "五寨县" "Wuzhai",
    "140929" "岢岚县" "Kelan", "140930" "河曲县" "Hequ", "140931" "保德县" "Baode",
    "140932" "偏关县" "Pianguan", "140981" "原平市" "Yuanping",
    "1410" "临汾市" "Linfen", "1411" "吕梁市" "Lüliang",
    "15" "内蒙古自治区" "Inner Mongolia", "21" "辽宁省" "Liaoning", "22" "吉林省" "Jilin",
    "23" "黑龙江省" "Heilongjiang", "31" "上海市" "Shanghai", "32" "江苏省" "Jiangsu",
    "33" "浙江省" "Zhejiang", "34" "安徽省" "Anhui", "35" "福建省" "Fujian", "36" "江西省" "Jiangxi",
    "37" "山东省" "Shandong", "41" "河南省" "Henan", "42" "湖北省" "Hubei", "43" "湖南省" "Hunan",
    "44" "广东省" "Guangdong", "45" "广西壮族自治区" "Guangxi", "46" "海南省" "Hainan",
    "50" "重庆市" "Chongqing", "51" "四川省" "Sichuan", "52" "贵州省" "Guizhou",
    "53" "云南省" "Yunnan",
    "5301" "昆明市" "Kunming", "5303" "曲靖市" "Qujing",
    "530302" "麒麟区" "Qilin", "530303" "沾益区" "Zhanyi", "530304" "马龙区" "Malong",
    "530322" "陆良县" "Luliang", "530323" "师宗县" "Shizong", "530324" "罗平县" "Luoping",
    "530325" "富源县" "Fuyuan", "530326" "会泽县" "Huize", "530381" "宣威市" "Xuanwei",
    "5304" "玉溪市" "Yuxi", "5305" "保山市" "Baoshan", "5306" "昭通市" "Zhaotong",
    "5307" "丽江市" "Lijiang", "5308" "普洱市" "Pu'er", "5309" "临沧市" "Lincang",
    "5323" "楚雄彝族自治州" "Chuxiong", "5325" "红河哈尼族彝族自治州" "Honghe",
    "5326" "文山壮族苗族自治州" "Wenshan", "5328" "西双版纳傣族自治州" "Xishuangbanna",
    "5329" "大理白族自治州" "Dali", "5331" "德宏傣族景颇族自治州" "Dehong",
    "5333" "怒江傈僳族自治州" "Nujiang", "5334" "迪庆藏族自治州" "Diqing",
    "54" "西藏自治区" "Tibet", "61" "陕西省" "Shaanxi", "62" "甘肃省" "Gansu", "63" "青海省" "Qinghai",
    "64" "宁夏回族自治区" "Ningxia", "65" "新疆维吾尔自治区" "Xinjiang",
}

/// The code of the whole country, used by national documents.
pub const NATIONAL: &str = "national";

pub fn find(code: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.code == code)
}

/// The regions directly inside `parent` (provinces for `None`).
pub fn children(parent: Option<&str>) -> impl Iterator<Item = &'static Region> + '_ {
    REGIONS.iter().filter(move |r| match parent {
        None => r.code.len() == 2,
        Some(p) => r.code.len() == p.len() + 2 && r.code.starts_with(p),
    })
}

/// "云南省 曲靖市 会泽县" for 530326.
pub fn full_name(code: &str, english: bool) -> String {
    let mut parts = Vec::new();
    for len in [2, 4, 6] {
        if code.len() >= len {
            if let Some(r) = find(&code[..len]) {
                parts.push(if english { r.name_en } else { r.name });
            }
        }
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_has_its_parent_listed() {
        for r in REGIONS {
            assert!(matches!(r.code.len(), 2 | 4 | 6), "{}", r.code);
            if r.code.len() > 2 {
                assert!(
                    find(&r.code[..r.code.len() - 2]).is_some(),
                    "parent of {}",
                    r.code
                );
            }
        }
        assert_eq!(children(None).count(), 31);
        assert_eq!(full_name("530326", false), "云南省 曲靖市 会泽县");
    }
}
