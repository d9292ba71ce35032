//! Administrative regions (GB/T 2260 codes). A code's prefix is its parent: 530326 会泽县
//! lies in 5303 曲靖市, which lies in 53 云南省. The list is data: every province and
//! prefecture-level division, and counties where a document needs them, in
//! `policies/data/regions.toml`, turned by `build.rs` into compact text embedded here
//! (`code|name|English name` a line, `*` before the code of a region the documents cover).

/// The regions, parents before children, as written by `build.rs`: `4101郑州市` a line,
/// `*` first when covered; the English names line by line in the same order (empty in
/// the wasm below province level: those come with the English texts file).
const DATA: &str = include_str!(concat!(env!("OUT_DIR"), "/regions.txt"));
const DATA_EN: &str = include_str!(concat!(env!("OUT_DIR"), "/regions_en.txt"));

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    pub code: &'static str,
    /// Empty where this build does not carry it: see [`Region::name`].
    name: &'static str,
    name_en: &'static str,
    /// Holds or lies within the region of a local document (worked out from the
    /// documents when the engine is built).
    pub covered: bool,
}

impl Region {
    /// The Chinese name: from this build's data, else from the regions file (the wasm
    /// carries only the provinces'), else the code.
    pub fn name(&self) -> &'static str {
        match (self.name, NAMES.get().and_then(|lookup| lookup(self.code))) {
            ("", Some((zh, _))) => zh,
            ("", None) => self.code,
            (name, _) => name,
        }
    }

    /// The English name, found the same way (the Chinese one until the file arrives).
    pub fn name_en(&self) -> &'static str {
        match (
            self.name_en,
            NAMES.get().and_then(|lookup| lookup(self.code)),
        ) {
            ("", Some((_, en))) => en,
            ("", None) => self.name(),
            (en, _) => en,
        }
    }

    /// Whether the name is known yet (the regions file may still be on its way).
    pub fn named(&self) -> bool {
        !self.name.is_empty() || NAMES.get().and_then(|lookup| lookup(self.code)).is_some()
    }
}

/// Where names not carried by this build come from: the widget's lookup in the regions
/// file, set when that file arrives: code → (Chinese, English).
#[allow(clippy::type_complexity)]
static NAMES: std::sync::OnceLock<fn(&str) -> Option<(&'static str, &'static str)>> =
    std::sync::OnceLock::new();

/// Sets that lookup (once).
pub fn set_names(lookup: fn(&str) -> Option<(&'static str, &'static str)>) {
    let _ = NAMES.set(lookup);
}

/// Every region's names, for the regions file (native builds carry all): code, Chinese,
/// English.
pub fn names() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    all().iter().map(|r| (r.code, r.name, r.name_en))
}

/// "云南省、山西省 忻州市": the places local documents cover (none inside another),
/// worked out from the documents' regions when the engine is built (`build.rs`).
pub fn covered_names(english: bool) -> &'static str {
    if english {
        COVERED_EN
    } else {
        COVERED_ZH
    }
}

include!(concat!(env!("OUT_DIR"), "/covered.rs"));

/// Every region's English name, for the English texts file (native builds carry all).
pub fn english_names() -> impl Iterator<Item = (&'static str, &'static str)> {
    all().iter().map(|r| (r.code, r.name_en))
}

static TABLE: std::sync::OnceLock<Vec<Region>> = std::sync::OnceLock::new();

/// Every region a worker can choose, parents before children (read once).
pub fn all() -> &'static [Region] {
    TABLE.get_or_init(|| {
        let mut english = DATA_EN.lines();
        let mut out = Vec::new();
        for line in DATA.lines() {
            let (covered, line) = match line.strip_prefix('*') {
                Some(rest) => (true, rest),
                None => (false, line),
            };
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            let (code, name) = line.split_at(digits);
            out.push(Region {
                code,
                name,
                name_en: english.next().unwrap_or(""),
                covered,
            });
        }
        out
    })
}

/// The code of the whole country, used by national documents.
pub const NATIONAL: &str = "national";

pub fn find(code: &str) -> Option<&'static Region> {
    // The list is in ascending order of code (checked by `build.rs`): a binary search,
    // not 500 string comparisons (a card's local number looks its place up; issue 18).
    let all = all();
    all.binary_search_by(|r| r.code.cmp(code))
        .ok()
        .map(|i| &all[i])
}

/// A region by code; a county code whose prefecture lists no counties is read as that
/// prefecture (410102 → 4101 郑州市): counties are listed only where a document covers
/// one, and a worker, an office's link or an old saved answer may still give a county.
pub fn find_or_parent(code: &str) -> Option<&'static Region> {
    find(code).or_else(|| {
        let parent = code.get(..4).filter(|_| code.len() == 6)?;
        find(parent).filter(|p| children(Some(p.code)).next().is_none())
    })
}

/// The regions directly inside `parent` (provinces for `None`).
pub fn children(parent: Option<&str>) -> impl Iterator<Item = &'static Region> + '_ {
    all().iter().filter(move |r| match parent {
        None => r.code.len() == 2,
        Some(p) => r.code.len() == p.len() + 2 && r.code.starts_with(p),
    })
}

include!(concat!(env!("OUT_DIR"), "/area_codes.rs"));

/// The area codes and local numbers from the rules file: the widget's wasm carries none
/// of its own (`build.rs`, feature `area-codes-in-rules`).
static FROM_RULES: std::sync::OnceLock<AreaCodes> = std::sync::OnceLock::new();

/// Each prefecture with its area code, and the local numbers a mobile dials with one.
type AreaCodes = (Vec<(String, String)>, Vec<String>);

/// Gives the area codes that came with the rules file (`Tables::area_codes`); the first
/// call counts.
pub fn set_area_codes(codes: Vec<(String, String)>, local_numbers: Vec<String>) {
    let _ = FROM_RULES.set((codes, local_numbers));
}

/// The long-distance area code (长途区号) of a region, from `policies/data/area_codes.toml`:
/// its prefecture's (a county shares it). `None` for a province or a prefecture not listed.
pub fn area_code(code: &str) -> Option<&'static str> {
    let prefecture = code.get(..4)?;
    area_codes()
        .find(|(c, _)| *c == prefecture)
        .map(|(_, area)| area)
}

/// Every prefecture with its area code, in the data file's order.
pub fn area_codes() -> impl Iterator<Item = (&'static str, &'static str)> {
    let from_rules = FROM_RULES.get().map_or(&[][..], |(c, _)| &c[..]);
    AREA_CODES
        .iter()
        .copied()
        .chain(from_rules.iter().map(|(c, a)| (c.as_str(), a.as_str())))
}

/// The local numbers a mobile dials after an area code (`numbers` of the data file).
pub fn local_numbers() -> impl Iterator<Item = &'static str> {
    let from_rules = FROM_RULES.get().map_or(&[][..], |(_, n)| &n[..]);
    LOCAL_NUMBERS
        .iter()
        .copied()
        .chain(from_rules.iter().map(String::as_str))
}

/// Whether `number` is a local number that a mobile dials after an area code (12333:
/// 「此号码为本地固定电话号码，长途或移动电话拨打需在此号码前加拨…区号」).
pub fn needs_area_code(number: &str) -> bool {
    local_numbers().any(|n| n == number)
}

/// "云南省 曲靖市 会泽县" for 530326.
pub fn full_name(code: &str, english: bool) -> String {
    let mut parts = Vec::new();
    for len in [2, 4, 6] {
        // `get`, not `[..len]`: a code from a forged rules file may not be ASCII, and
        // slicing inside a character panics.
        if let Some(r) = code.get(..len).and_then(find) {
            parts.push(if english { r.name_en() } else { r.name() });
        }
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_has_its_parent_listed() {
        for r in all() {
            assert!(matches!(r.code.len(), 2 | 4 | 6), "{}", r.code);
            assert!(!r.name.is_empty() && !r.name_en.is_empty(), "{}", r.code);
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

    #[test]
    fn every_prefecture_is_there() {
        // GB/T 2260 (2021): 333 prefecture-level divisions, plus the county-level units
        // directly under a province, one choice per province (济源, 仙桃…, Hainan, Xinjiang).
        let prefectures = all().iter().filter(|r| r.code.len() == 4).count();
        assert_eq!(prefectures, 333 + 4);
        assert_eq!(full_name("4101", false), "河南省 郑州市");
        // 济源市, directly under Henan, is one choice; no county level below it.
        assert_eq!(full_name("4190", true), "Henan Jiyuan");
        assert!(find("419001").is_none());
        // Counties of every prefecture a document names (忻州, Yunnan's 16: issue 16);
        // others read as their prefecture.
        assert_eq!(find_or_parent("140981").map(|r| r.code), Some("140981"));
        assert_eq!(full_name("140922", false), "山西省 忻州市 五台县");
        assert_eq!(find_or_parent("530621").map(|r| r.code), Some("530621"));
        assert_eq!(find_or_parent("140199").map(|r| r.code), Some("1401"));
        assert_eq!(find_or_parent("410102").map(|r| r.code), Some("4101"));
        assert_eq!(find_or_parent("530326").map(|r| r.code), Some("530326"));
        assert!(
            find_or_parent("530399").is_none(),
            "Qujing lists its counties"
        );
        assert!(find_or_parent("999999").is_none());
    }

    #[test]
    fn coverage_comes_from_the_documents() {
        assert_eq!(covered_names(false), "山西省 忻州市、云南省");
        assert_eq!(covered_names(true), "Shanxi Xinzhou, Yunnan");
        let covered: Vec<_> = children(None)
            .filter(|r| r.covered)
            .map(|r| r.code)
            .collect();
        assert_eq!(covered, ["14", "53"]);
        assert!(find("1409").unwrap().covered && !find("1401").unwrap().covered);
        assert!(find("530326").unwrap().covered && !find("44").unwrap().covered);
    }
}
