//! Checks the architecture invariants that the compiler alone does not.

use std::fs;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable source dir").flatten() {
        let p = entry.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The core names no browser crate. (The native build also compiles it without them.)
#[test]
fn core_uses_no_browser_crate() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core"), &mut files);
    assert!(files.len() >= 3, "found the core sources");
    let forbidden = ["yew", "web_sys", "gloo", "wasm_bindgen", "js_sys"];
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in forbidden {
                let hit = code
                    .match_indices(word)
                    .any(|(i, _)| {
                        let before = code[..i].chars().next_back();
                        let after = code[i + word.len()..].chars().next();
                        !before.is_some_and(|c| c.is_alphanumeric() || c == '_') && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
                    });
                assert!(!hit, "{}:{} uses {word}: the core must stay browser-free", file.display(), n + 1);
            }
        }
    }
}

/// Every `#[wasm_bindgen]` item lives in the one embedding module.
#[test]
fn javascript_boundary_is_one_module() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        if text.contains("#[wasm_bindgen") {
            assert!(file.ends_with("src/web/embed.rs"), "{} exports to JavaScript; only src/web/embed.rs may", file.display());
        }
    }
}
