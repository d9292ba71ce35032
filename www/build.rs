//! Checks every policy file with the engine's loader and hands the widget the documents
//! as JSON. A malformed policy fails the web build here, naming the file and the field.

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../policies");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut paths: Vec<_> = fs::read_dir(&dir)
        .expect("policies/ folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let mut docs = Vec::new();
    for p in &paths {
        println!("cargo:rerun-if-changed={}", p.display());
        let name = format!("policies/{}", p.file_name().unwrap().to_string_lossy());
        let text = fs::read_to_string(p).expect("readable policy file");
        match wugong::load::document(&name, &text) {
            Ok(doc) => docs.push(doc),
            Err(e) => {
                eprintln!("policy error: {e}");
                panic!("policy error: {e}");
            }
        }
    }
    if let Err(e) = wugong::Catalogue::new(docs.clone()) {
        panic!("policy error: {e}");
    }
    let json = serde_json::to_string(&docs).expect("documents serialise");
    fs::write(
        Path::new(&env::var("OUT_DIR").unwrap()).join("policies.json"),
        json,
    )
    .unwrap();
}
