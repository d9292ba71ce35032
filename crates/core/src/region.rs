//! Administrative regions (GB/T 2260 codes). A code's prefix is its parent: 530326 会泽县
//! lies in 5303 曲靖市, which lies in 53 云南省. The list is data: every province and
//! prefecture-level division, and counties where a document needs them, in
//! `policies/data/regions.toml`, turned by `build.rs` into compact text embedded here
//! (`code|name|English name` a line, `*` before the code of a region the documents cover).

/// The regions, parents before children, as written by `build.rs`.
const DATA: &str = include_str!(concat!(env!("OUT_DIR"), "/regions.txt"));

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    pub code: &'static str,
    pub name: &'static str,
    pub name_en: &'static str,
    /// Holds or lies within the region of a local document (worked out from the
    /// documents when the engine is built).
    pub covered: bool,
}

fn parse(line: &'static str) -> Region {
    let (code, rest) = line.split_once('|').unwrap_or((line, ""));
    let (name, name_en) = rest.split_once('|').unwrap_or((rest, rest));
    let covered = code.starts_with('*');
    Region {
        code: code.trim_start_matches('*'),
        name,
        name_en,
        covered,
    }
}

/// Every region a worker can choose, parents before children.
pub fn all() -> impl Iterator<Item = Region> {
    DATA.lines().map(parse)
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
        // GB/T 2260 (2021): 333 prefecture-level divisions, plus the four groups of
        // county-level units directly under a province (济源, 仙桃…, Hainan, Xinjiang).
        let prefectures = all().filter(|r| r.code.len() == 4).count();
        assert_eq!(prefectures, 333 + 4);
        assert_eq!(full_name("4101", false), "河南省 郑州市");
        assert_eq!(
            full_name("419001", true),
            "Henan county-level units under the province Jiyuan"
        );
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
