//! Seeds for the studio: every policy file of `policies/` (already in the tools crate)
//! comes with up to four persona cases of `tests/cases/` that expect something of its
//! measures, so a clerk who opens a seed document sees its cases run.

use std::{env, fs, path::Path};

const PER_DOCUMENT: usize = 4;

fn main() {
    // The widget's raw.rs, included by results.rs, leaves out what needs Yew.
    println!("cargo:rustc-check-cfg=cfg(wugong_studio)");
    println!("cargo:rustc-cfg=wugong_studio");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let (policies, cases) = (root.join("policies"), root.join("tests/cases"));
    println!("cargo:rerun-if-changed={}", policies.display());
    println!("cargo:rerun-if-changed={}", cases.display());
    let toml_in = |dir: &Path| {
        let mut v: Vec<_> = fs::read_dir(dir)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_else(|_| Vec::new());
        v.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|x| x == "toml"));
        v.sort();
        v
    };
    let case_files: Vec<(String, String)> = toml_in(&cases)
        .into_iter()
        .filter_map(|p| Some((p.display().to_string(), fs::read_to_string(&p).ok()?)))
        .collect();
    let mut out = String::from(
        "/// (policy file name, [case file path]) for the seed documents.\npub const SEED_CASES: &[(&str, &[&str])] = &[\n",
    );
    for p in toml_in(&policies) {
        let Ok(text) = fs::read_to_string(&p) else {
            continue;
        };
        let ids: Vec<String> = text
            .lines()
            .filter_map(|l| l.trim().strip_prefix("id = \""))
            .filter_map(|l| l.split('"').next())
            .map(|id| format!("[expect.{id}]"))
            .collect();
        let name = p
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        out.push_str(&format!("    (\"policies/{name}\", &["));
        let chosen = case_files
            .iter()
            .filter(|(_, t)| ids.iter().any(|id| t.contains(id.as_str())))
            .take(PER_DOCUMENT);
        for (path, _) in chosen {
            out.push_str(&format!("include_str!({path:?}), "));
        }
        out.push_str("]),\n");
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap_or_default()).join("seeds.rs");
    if let Err(e) = fs::write(dest, out) {
        panic!("studio build.rs: {e}");
    }
}
