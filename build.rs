//! Lists `policies/*.toml` so the native engine and the CLI carry the policies inside
//! the binary. (The wasm widget gets them as a rules file written by `selfcheck pack`.)

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("policies");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("policies/ folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut out = String::from("/// (path shown in errors, file text) for every policy file.\npub const POLICY_FILES: &[(&str, &str)] = &[\n");
    for p in &files {
        println!("cargo:rerun-if-changed={}", p.display());
        let name = p.file_name().unwrap().to_string_lossy();
        out.push_str(&format!(
            "    (\"policies/{name}\", include_str!({:?})),\n",
            p.display().to_string()
        ));
    }
    out.push_str("];\n/// The tables of policies/data/ the rules file carries: deadlines, implications, warnings, the question screens' words.\npub const DATA_FILES: [&str; 4] = [\n");
    for name in [
        "deadlines.toml",
        "implications.toml",
        "warnings.toml",
        "questions.toml",
    ] {
        let p = dir.join("data").join(name);
        println!("cargo:rerun-if-changed={}", p.display());
        out.push_str(&format!(
            "    include_str!({:?}),\n",
            p.display().to_string()
        ));
    }
    out.push_str("];\n");
    fs::write(
        Path::new(&env::var("OUT_DIR").unwrap()).join("policy_files.rs"),
        out,
    )
    .unwrap();
}
