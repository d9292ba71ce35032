//! Administrative regions (GB/T 2260 codes). A code's prefix is its parent: 530326 会泽县
//! lies in 5303 曲靖市, which lies in 53 云南省. The list is data: every province and
//! prefecture-level division, and counties where a document needs them, in
//! `policies/data/regions.toml`, turned by `build.rs` into compact text embedded here
//! (`code|name|English name` a line, `*` before the code of a region the documents cover).

/// The regions, parents before children, as written by `build.rs`: `4101郑州市` a line,
/// `*` first when covered; the English names line by line in the same order.
const DATA: &str = include_str!(concat!(env!("OUT_DIR"), "/regions.txt"));
const DATA_EN: &str = include_str!(concat!(env!("OUT_DIR"), "/regions_en.txt"));

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    pub code: &'static str,
    pub name: &'static str,
    pub name_en: &'static str,
    /// Holds or lies within the region of a local document (worked out from the
    /// documents when the engine is built).
    pub covered: bool,
}

/// English names that arrived with the English texts file (the wasm build leaves most
/// prefectures' English names out of `DATA_EN`): (code, name).
static ENGLISH: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();

/// Takes the English names of the English texts file (entries `region:CODE`).
pub fn set_english(names: Vec<(String, String)>) {
    let _ = ENGLISH.set(names);
}

/// Every region's English name, for the English texts file (native builds carry all).
pub fn english_names() -> impl Iterator<Item = (&'static str, &'static str)> {
    all().map(|r| (r.code, r.name_en))
}

/// Every region a worker can choose, parents before children.
pub fn all() -> impl Iterator<Item = Region> {
    DATA.lines().zip(DATA_EN.lines()).map(|(line, name_en)| {
        let covered = line.starts_with('*');
        let line = line.trim_start_matches('*');
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        let (code, name) = line.split_at(digits);
        let name_en = match name_en {
            // Not in this build: from the English texts file, else the Chinese name.
            "" => ENGLISH
                .get()
                .and_then(|v| v.iter().find(|(c, _)| c == code))
                .map_or(name, |(_, n)| n.as_str()),
            n => n,
        };
        Region {
            code,
            name,
            name_en,
            covered,
        }
    })
}

/// The code of the whole country, used by national documents.
pub const NATIONAL: &str = "national";

pub fn find(code: &str) -> Option<Region> {
    all().find(|r| r.code == code)
}

/// The regions directly inside `parent` (provinces for `None`).
pub fn children(parent: Option<&str>) -> impl Iterator<Item = Region> + '_ {
    all().filter(move |r| match parent {
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
        let prefectures = all().filter(|r| r.code.len() == 4).count();
        assert_eq!(prefectures, 333 + 4);
        assert_eq!(full_name("4101", false), "河南省 郑州市");
        // 济源市, directly under Henan, is one choice; no county level below it.
        assert_eq!(full_name("4190", true), "Henan Jiyuan");
        assert!(find("419001").is_none());
    }

    #[test]
    fn coverage_comes_from_the_documents() {
        let covered: Vec<_> = children(None)
            .filter(|r| r.covered)
            .map(|r| r.code)
            .collect();
        assert_eq!(covered, ["14", "53"]);
        assert!(find("1409").unwrap().covered && !find("1401").unwrap().covered);
        assert!(find("530326").unwrap().covered && !find("44").unwrap().covered);
    }
}
