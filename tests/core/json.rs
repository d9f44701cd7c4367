//! The crate's JSON reader against serde_json's: the same value for every valid text, an error
//! for every invalid one (with serde_json's message and position where they can be compared),
//! and no panic or stack exhaustion on anything.

use std::path::Path;

use scorecard::core::json::{parse, MAX_DEPTH};
use serde_json::Value;

use crate::support::Rng;

fn json_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = entry.path();
        if p.is_dir() {
            json_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "json" || e == "jsonl") {
            out.push(p);
        }
    }
}

/// Every text in the repository's JSON and JSON-lines files, and each line of the latter.
fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["data", "tests", "schema", "examples"] {
        json_files(&root.join(dir), &mut files);
    }
    let mut texts = Vec::new();
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else { continue };
        if f.extension().is_some_and(|e| e == "jsonl") {
            texts.extend(text.lines().map(str::to_string));
        }
        texts.push(text);
    }
    texts
}


const PIECES: &[&str] = &[
    "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud83e", "\\udd80", "\\n", "\\x", "true", "tru", "null", "false", "0", "-",
    "-0", "01", "1.", ".5", "1e", "1e+", "2.5e-3", "123456789012345678901234567890", "1e400", "-1e-400", "é", "🦀", " ", "\n",
    "\t", "\u{1}", "\"a\"", "\"k\":", "[1,]", "{\"a\":1,}", "//", "/*", "'", "NaN", "Infinity", "\u{feff}",
];

#[test]
fn reads_the_repository_corpus_exactly_as_serde_json_does() {
    let texts = corpus();
    assert!(texts.len() > 2000, "found the corpus ({} texts)", texts.len());
    let (mut valid, mut invalid) = (0, 0);
    for text in &texts {
        match (serde_json::from_str::<Value>(text), parse(text)) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a, b, "{text}");
                valid += 1;
            }
            (Err(a), Err(b)) => {
                assert_eq!((a.line(), a.column()), (b.line, b.column), "{text}: {a} / {b}");
                assert_eq!(a.to_string(), b.to_string(), "{text}");
                invalid += 1;
            }
            (a, b) => panic!("{text:?}: serde_json {a:?}, ours {b:?}"),
        }
    }
    assert!(valid > 2000 && invalid > 10, "{valid} valid, {invalid} invalid");
}

/// Random texts stitched from JSON's pieces and from mutations of real documents: every one is
/// accepted or refused alike, with the same value, message and position.
#[test]
fn agrees_with_serde_json_on_random_and_mutated_texts() {
    let mut rng = Rng(0x5eed_cafe_f00d_d00d);
    let docs = corpus();
    let mut disagreements = Vec::new();
    for round in 0..40_000 {
        let text = if round % 2 == 0 {
            (0..rng.below(12) + 1).map(|_| PIECES[rng.below(PIECES.len())]).collect::<String>()
        } else {
            let doc = &docs[rng.below(docs.len())];
            let mut chars: Vec<char> = doc.chars().collect();
            if chars.is_empty() {
                continue;
            }
            for _ in 0..rng.below(3) + 1 {
                let i = rng.below(chars.len());
                match rng.below(3) {
                    0 => {
                        chars.remove(i);
                    }
                    1 => chars.insert(i, PIECES[rng.below(PIECES.len())].chars().next().unwrap_or(' ')),
                    _ => chars.truncate(i),
                }
                if chars.is_empty() {
                    break;
                }
            }
            chars.into_iter().collect()
        };
        let same = match (serde_json::from_str::<Value>(&text), parse(&text)) {
            (Ok(a), Ok(b)) => close(&a, &b),
            (Err(a), Err(b)) => a.to_string() == b.to_string(),
            _ => false,
        };
        if !same {
            disagreements.push(text);
        }
    }
    assert!(disagreements.is_empty(), "{} disagreements, first: {:?}", disagreements.len(), &disagreements[..disagreements.len().min(5)]);
}

/// Equal, except that doubles outside the exact range (more than 15 significant digits or an
/// exponent beyond ±22) may differ in the last bits: neither reader promises correct rounding
/// there (serde_json does only with its `float_roundtrip` feature).
fn close(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() || y.is_f64() => {
            let (x, y) = (x.as_f64().unwrap_or(f64::NAN), y.as_f64().unwrap_or(f64::NAN));
            x == y || ((x - y) / x).abs() < 1e-14
        }
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| close(a, b)),
        (Value::Object(x), Value::Object(y)) => x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| close(v, w))),
        _ => a == b,
    }
}

#[test]
fn numbers_are_exact_where_documents_need_them() {
    for text in ["0", "-0", "7", "-7", "18446744073709551615", "-9223372036854775808", "1.7", "0.8", "0.5", "-0.25", "2e3", "1.5E-2",
        "12345.678901234", "3.141592653589793", "1e22", "1e-22", "18446744073709551616", "0.1", "100.0"] {
        assert_eq!(parse(text).unwrap(), serde_json::from_str::<Value>(text).unwrap(), "{text}");
    }
    assert_eq!(parse("1e400").unwrap_err().message, "number out of range");
}

#[test]
fn nesting_is_bounded_and_deep_input_is_refused_not_a_crash() {
    let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(parse(&ok).is_ok());
    let deep = "[".repeat(MAX_DEPTH + 1);
    assert_eq!(parse(&deep).unwrap_err().message, "recursion limit exceeded");
    let very_deep = "{\"a\":".repeat(1_000_000);
    assert_eq!(parse(&very_deep).unwrap_err().message, "recursion limit exceeded");
}

