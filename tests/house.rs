//! The house (issue 14): no import circle between the files of `crates/core`. A module
//! that needs another which needs it back knows more than it should (the review of
//! 2026-12-06 §2 found `answers ↔ implication` and the `tags.rs` hub). Read from the
//! source: every `crate::<module>` outside the tests; a `#[path]` child (evaluate_names)
//! counts as its parent.

use std::collections::{BTreeMap, BTreeSet};

fn edges() -> BTreeMap<String, BTreeSet<String>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/core/src");
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.extension().is_some_and(|e| e == "rs") && name != "lib" {
            files.insert(name, std::fs::read_to_string(&path).unwrap());
        }
    }
    // Children included with `#[path]` belong to the module that includes them.
    let parent = |name: &str| -> String {
        files
            .iter()
            .find(|(_, text)| text.contains(&format!("#[path = \"{name}.rs\"]")))
            .map_or(name.to_string(), |(p, _)| p.clone())
    };
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (name, text) in &files {
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let from = parent(name);
        let deps = edges.entry(from.clone()).or_default();
        for piece in code.split("crate::").skip(1) {
            let module: String = piece
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            if files.contains_key(&module) && parent(&module) != from {
                deps.insert(parent(&module));
            }
        }
    }
    edges
}

#[test]
fn no_module_of_the_core_depends_on_itself() {
    let edges = edges();
    assert!(edges.len() > 15, "{edges:?}");
    // Depth-first from every module: reaching it again is a circle.
    for start in edges.keys() {
        let mut stack: Vec<Vec<&String>> = vec![vec![start]];
        let mut seen = BTreeSet::new();
        while let Some(path) = stack.pop() {
            let last = *path.last().unwrap();
            for next in edges.get(last).into_iter().flatten() {
                if next == start {
                    let names: Vec<&str> = path.iter().map(|s| s.as_str()).collect();
                    panic!("import circle: {} → {start}", names.join(" → "));
                }
                if seen.insert(next) {
                    let mut longer = path.clone();
                    longer.push(next);
                    stack.push(longer);
                }
            }
        }
    }
}
