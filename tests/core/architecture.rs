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
                let hit = code.match_indices(word).any(|(i, _)| {
                    let before = code[..i].chars().next_back();
                    let after = code[i + word.len()..].chars().next();
                    !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                        && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
                });
                assert!(!hit, "{}:{} uses {word}: the core must stay browser-free", file.display(), n + 1);
            }
        }
    }
}

/// Every `#[wasm_bindgen]` item lives in the one embedding module (`src/web/embed/`: the
/// widget's exports, its loader for the on-demand module, and that module's exports).
#[test]
fn javascript_boundary_is_one_module() {
    let mut files = Vec::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    rust_files(&src, &mut files);
    let mut found = 0;
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        if text.contains("#[wasm_bindgen") || text.contains("wasm_bindgen)]") {
            found += 1;
            assert!(
                file.starts_with(src.join("web/embed")),
                "{} talks to JavaScript; only src/web/embed/ may",
                file.display()
            );
        }
    }
    assert!(found >= 3, "found the embedding module's files");
}

/// The widget's first download holds no classifier and no import or export format: those are
/// the on-demand module's (`src/web/embed/extras.rs` over `core::wire`). Any other file under
/// `src/web` that names them, except the committee view's own bundle, would pull them back into
/// the widget. (scripts/check-size.sh also
/// checks the built widget for the model's bytes.)
#[test]
fn widget_leaves_classifier_and_formats_to_the_on_demand_module() {
    let mut files = Vec::new();
    let web = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web");
    rust_files(&web, &mut files);
    let heavy = [
        "classifier::classify",
        "detect_flags",
        "tag_observations",
        "embedded_model",
        "draft_ratings(",
        "greenhouse::",
        "export_greenhouse",
        "import_greenhouse",
        "export_markdown",
        "encode_link",
        "decode_link",
        "import_auto",
        "wire::serve_",
    ];
    let mut checked = 0;
    // The committee view is its own bundle (committee.html) and may read notes itself.
    let committee = web.join("committee");
    for file in files.iter().filter(|f| !f.ends_with("embed/extras.rs") && !f.starts_with(&committee)) {
        checked += 1;
        let text = fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in heavy {
                assert!(
                    !code.contains(word),
                    "{}:{} names {word}: leave it to the on-demand module",
                    file.display(),
                    n + 1
                );
            }
        }
    }
    assert!(checked >= 10, "found the web sources");
}

/// The command-line tool writes its output through `out!`/`outln!` (`common::write_stdout`),
/// which ends quietly when the reader has gone away; `print!` and `println!` panic there instead
/// (`tests/core/cli.rs` runs the tool into a closed pipe).
#[test]
fn command_line_tool_prints_only_through_its_writer() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/bin/scorecard"), &mut files);
    assert!(files.len() >= 5, "found the tool's sources");
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let bare = |mac: &str| {
                code.match_indices(mac).any(|(i, _)| !code[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_'))
            };
            assert!(
                !bare("println!") && !bare("print!"),
                "{}:{} uses print!/println!: use outln!/out!",
                file.display(),
                n + 1
            );
        }
    }
}
