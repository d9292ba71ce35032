//! Checks every policy file with the engine's loader and hands the widget the documents
//! as JSON. A malformed policy fails the web build here, naming the file and the field.

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("www/ sits in the repository")
        .join("policies");
    println!("cargo:rerun-if-changed={}", dir.display());
    let fail = |e: &dyn std::fmt::Display| -> ! {
        eprintln!("policy error: {e}");
        panic!("policy error: {e}");
    };
    let docs = wugong::load::documents_in(&dir).unwrap_or_else(|e| fail(&e));
    for d in &docs {
        println!("cargo:rerun-if-changed={}/{}.toml", dir.display(), d.id);
    }
    // Checked across files too (ids unique), but shipped as read: the widget wraps
    // regions itself when it builds its Catalogue.
    if let Err(e) = wugong::Catalogue::new(docs.clone()) {
        fail(&e);
    }
    let json = serde_json::to_string(&docs).expect("documents serialise");
    fs::write(
        Path::new(&env::var("OUT_DIR").unwrap()).join("policies.json"),
        json,
    )
    .unwrap();
}
