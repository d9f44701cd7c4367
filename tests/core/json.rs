//! The crate's JSON reader against serde_json's: the same value for every valid text, an error
//! for every invalid one (with serde_json's message and position where they can be compared),
//! and no panic or stack exhaustion on anything. The one intended difference: ours refuses a
//! duplicate key, which serde_json resolves by keeping the last value.

use std::path::Path;

use scorecard::core::json::{parse, values, JsonError, MAX_DEPTH};
use scorecard::core::scorecard::clip;
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
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "\\u",
    "\\ud83e",
    "\\udd80",
    "\\n",
    "\\x",
    "true",
    "tru",
    "null",
    "false",
    "0",
    "-",
    "-0",
    "01",
    "1.",
    ".5",
    "1e",
    "1e+",
    "2.5e-3",
    "123456789012345678901234567890",
    "1e400",
    "-1e-400",
    "é",
    "🦀",
    " ",
    "\n",
    "\t",
    "\u{1}",
    "\"a\"",
    "\"k\":",
    "[1,]",
    "{\"a\":1,}",
    "//",
    "/*",
    "'",
    "NaN",
    "Infinity",
    "\u{feff}",
    "\"k\":1,\"k\":",
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
            (a, Err(b)) if duplicate_key_first(text, a.as_ref().err(), &b) => invalid += 1,
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
            (a, Err(b)) if duplicate_key_first(&text, a.as_ref().err(), &b) => true,
            (Ok(a), Ok(b)) => close(&a, &b),
            (Err(a), Err(b)) => a.to_string() == b.to_string(),
            _ => false,
        };
        if !same {
            disagreements.push(text);
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} disagreements, first: {:?}",
        disagreements.len(),
        &disagreements[..disagreements.len().min(5)]
    );
}

/// True when ours refused `text` for a duplicate key where serde_json (which keeps the last of
/// equal keys) accepted it, or refused it further on: ours stops after the second key's value,
/// reporting the key. The error must point at a key of that name.
fn duplicate_key_first(text: &str, serde_error: Option<&serde_json::Error>, ours: &JsonError) -> bool {
    if ours.message != "duplicate key"
        || serde_error.is_some_and(|a| (a.line(), a.column()) <= (ours.line, ours.column))
    {
        return false;
    }
    // The byte the error points at (columns count from 1) starts the second key's string.
    let line_start: usize = text.split_inclusive('\n').take(ours.line - 1).map(str::len).sum();
    let Some(at) = text.get(line_start + ours.column - 1..) else { return false };
    let key = serde_json::Deserializer::from_str(at).into_iter::<String>().next().and_then(Result::ok);
    key.is_some_and(|k| ours.key.as_deref() == Some(clip(&k).as_str()))
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
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| close(v, w)))
        }
        _ => a == b,
    }
}

#[test]
fn numbers_are_exact_where_documents_need_them() {
    for text in [
        "0",
        "-0",
        "7",
        "-7",
        "18446744073709551615",
        "-9223372036854775808",
        "1.7",
        "0.8",
        "0.5",
        "-0.25",
        "2e3",
        "1.5E-2",
        "12345.678901234",
        "3.141592653589793",
        "1e22",
        "1e-22",
        "18446744073709551616",
        "0.1",
        "100.0",
    ] {
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
    // Exactly serde_json's limit, with the same message and position (the fuzz target
    // parse_json found ours one level more lenient, and a carriage return shifting the column).
    for n in [MAX_DEPTH, MAX_DEPTH + 1, MAX_DEPTH + 2] {
        for text in [
            format!("{}{}", "[".repeat(n), "]".repeat(n)),
            format!("\r{}", "[".repeat(n)),
            format!("{}{{\"a\":1}}", "[".repeat(n)),
        ] {
            let theirs = serde_json::from_str::<Value>(&text).map(|_| ()).map_err(|e| e.to_string());
            assert_eq!(parse(&text).map(|_| ()).map_err(|e| e.to_string()), theirs, "{n} levels: {text:?}");
        }
    }
    let very_deep = "{\"a\":".repeat(1_000_000);
    assert_eq!(parse(&very_deep).unwrap_err().message, "recursion limit exceeded");
}

#[test]
fn duplicate_keys_are_refused_at_the_second_key() {
    let err = |text: &str| parse(text).unwrap_err().to_string();
    assert_eq!(err(r#"{"a":1,"a":2}"#), r#"duplicate key "a" at line 1 column 8"#);
    // Equal after escapes are resolved; nested objects are checked too.
    assert_eq!(err(r#"{"a":1,"\u0061":2}"#), r#"duplicate key "a" at line 1 column 8"#);
    let card = "{\"format\": \"interview-scorecard\", \"version\": 1, \"ratings\": {\n  \"technical_expertise\": {\"level\": \"exceeds\"},\n  \"technical_expertise\": {\"level\": \"needs_improvement\"}\n}}";
    assert_eq!(err(card), r#"duplicate key "technical_expertise" at line 3 column 3"#);
    assert_eq!(err(r#"[{"x": {"b": null, "c": [], "b": {}}}]"#), r#"duplicate key "b" at line 1 column 29"#);
    assert_eq!(err(r#"{"":1,"":2}"#), r#"duplicate key "" at line 1 column 7"#);
    // The key is quoted clipped, and with its control characters escaped.
    let long = "k".repeat(100);
    assert_eq!(
        err(&format!(r#"{{"{long}":1,"{long}":2}}"#)),
        format!("duplicate key \"{}…\" at line 1 column 107", &long[..60])
    );
    assert_eq!(err(r#"{"\u001b[2J":1,"\u001b[2J":2}"#), r#"duplicate key "\u001b[2J" at line 1 column 16"#);
    let e = parse(r#"{"a":1,"a":2}"#).unwrap_err();
    assert_eq!((e.message, e.key.as_deref()), ("duplicate key", Some("a")));
    // Equal keys in different objects, and keys that differ only in case, are fine.
    for text in [r#"[{"a":1},{"a":2}]"#, r#"{"a":{"a":1}}"#, r#"{"a":1,"A":2}"#, r#"{"a":1,"a ":2}"#] {
        assert_eq!(parse(text).unwrap(), serde_json::from_str::<Value>(text).unwrap(), "{text}");
    }
    // A syntax error before the duplicate is reported as serde_json reports it.
    assert_eq!(err(r#"{"a":1,"b":tru,"a":2}"#), "expected ident at line 1 column 15");
    // What the differential tests count as agreement: serde_json accepts the text or refuses it
    // after the second key.
    for (text, agree) in [
        (r#"{"a":1,"a":2}"#, true),
        ("{\"a\":1,\n \"a\":2 x", true),
        (r#"{"a":1,"a":2,}"#, true),
        (r#"{"a":1,"b":2}"#, false),
    ] {
        let agrees = match (serde_json::from_str::<Value>(text), parse(text)) {
            (a, Err(b)) => duplicate_key_first(text, a.as_ref().err(), &b),
            _ => false,
        };
        assert_eq!(agrees, agree, "{text}");
    }
}

/// `json::to_text` writes what `Value`'s `Display` writes (the widget uses it instead, for size).
#[test]
fn to_text_matches_value_display() {
    use scorecard::core::json::to_text;
    use serde_json::{json, Value};
    let values = [
        json!(null),
        json!(true),
        json!(0),
        json!(-17),
        json!(u64::MAX),
        json!(i64::MIN),
        Value::from(0.1),
        Value::from(2.0),
        Value::from(-0.0),
        Value::from(1e300),
        Value::from(1.5e-7),
        Value::from(f64::NAN),
        json!("quote \" backslash \\ tab \t nul \u{0} bidi \u{202e} é"),
        json!({"b": [1, 2.5, {"c": null}], "a": "x", "": []}),
    ];
    for v in &values {
        // The same text, but for a float's digits ("0.00000015" for serde_json's "1.5e-7"):
        // then the same value.
        let (ours, theirs) = (to_text(v), v.to_string());
        if v.is_f64() && ours != theirs {
            assert_eq!(serde_json::from_str::<Value>(&ours).unwrap(), *v, "{ours} / {theirs}");
        } else {
            assert_eq!(ours, theirs);
        }
    }
}

/// The writer gives serde_json's text, compact and pretty, for every document of the corpus
/// without a fraction (scorecards, rubrics' ids and texts, the classifier's corpora), and for
/// strings with every escape; with floats, the same value.
#[test]
fn writes_what_serde_json_writes() {
    use scorecard::core::json::write;
    let mut compared = 0;
    for text in corpus() {
        let Ok(value) = serde_json::from_str::<Value>(&text) else { continue };
        for pretty in [false, true] {
            let ours = write(&value, pretty);
            let theirs =
                if pretty { serde_json::to_string_pretty(&value) } else { serde_json::to_string(&value) }.unwrap();
            if ours != theirs {
                // Only a float's digits may differ (serde_json prints "1e-5", ours "0.00001"):
                // the value read back is the same.
                assert_eq!(serde_json::from_str::<Value>(&ours).ok().as_ref(), Some(&value), "{text}");
                assert!(theirs.contains(['.', 'e']), "{text}: {ours} vs {theirs}");
            }
            compared += 1;
        }
    }
    assert!(compared > 4000, "{compared}");
    let tricky = Value::String("\"quoted\" \\ back\nline\r\t tab \u{8}\u{c}\u{1}\u{1f} é 🦀 \u{202e}".into());
    assert_eq!(write(&tricky, false), serde_json::to_string(&tricky).unwrap());
    let nested = serde_json::json!({ "a": [], "b": {}, "c": [1, [2, {}], { "d": null }], "e": -3, "f": true, "g": u64::MAX, "h": i64::MIN });
    assert_eq!(write(&nested, true), serde_json::to_string_pretty(&nested).unwrap());
    assert_eq!(write(&nested, false), serde_json::to_string(&nested).unwrap());
}

/// Floats read back to the same double: every short decimal, every double from 0.00001 up to
/// 2^53 and beyond, and the ones the widget writes (a confidence, a score); below, within
/// 10^-22.
#[test]
fn floats_are_written_to_read_back_the_same() {
    use scorecard::core::json::write;
    let back = |x: f64| -> f64 {
        let text = write(&Value::from(x), false);
        let read: f64 = text.parse().unwrap_or_else(|e| panic!("{x:e}: {text}: {e}"));
        assert!(!text.contains('e') && text.contains('.'), "{x:e}: {text}");
        read
    };
    for (x, text) in [
        (0.0, "0.0"),
        (-0.0, "-0.0"),
        (1.0, "1.0"),
        (0.5, "0.5"),
        (0.1, "0.1"),
        (1.75, "1.75"),
        (-2.5, "-2.5"),
        (0.74, "0.74"),
        (1e15, "1000000000000000.0"),
        (123.456, "123.456"),
        (0.1 + 0.2, "0.30000000000000004"),
        (1e-7, "0.0000001"),
        (2f64.powi(60), "1152921504606846976.0"),
    ] {
        assert_eq!(write(&Value::from(x), false), text, "{x:e}");
    }
    let mut rng = Rng(0xf10a_7000_0000_0001);
    for _ in 0..200_000 {
        // A short decimal: up to 15 digits, up to 12 places.
        let digits = rng.below(1_000_000_000_000_000) as f64;
        let x = digits / 10f64.powi(rng.below(13) as i32);
        assert_eq!(back(x).to_bits(), x.to_bits(), "{x:e}");
        // Any double from 0.00001 up, from its bits.
        let y = f64::from_bits(0x3ee4_f8b5_88e3_68f1 + (rng.next() % (0x4340_0000_0000_0000 - 0x3ee4_f8b5_88e3_68f1)));
        assert_eq!(back(y).to_bits(), y.to_bits(), "{y:e}");
        // A whole double from 2^53 up, to the largest.
        let z = f64::from_bits(0x4340_0000_0000_0000 + rng.next() % (0x7fef_ffff_ffff_ffff - 0x4340_0000_0000_0000));
        assert_eq!(back(z), z, "{z:e}");
        // Below 0.00001: within 10^-22.
        let w = f64::from_bits(rng.next() % 0x3ee4_f8b5_88e3_68f1);
        assert!((back(w) - w).abs() <= 1e-22, "{w:e}");
    }
}

/// Consecutive values: each with its span, whatever separates them (white space or nothing);
/// a broken one ends the reading with its position in the whole text.
#[test]
fn values_reads_documents_one_after_another() {
    let text = "{\n  \"a\": 1\n}\n{\n  \"b\": [2, 3]\n}{\"c\":null}\t\r\n 4 \"five\"  \n";
    let read: Vec<_> = values(text).collect::<Result<_, _>>().expect("every value reads");
    let spans: Vec<&str> = read.iter().map(|(r, _)| &text[r.clone()]).collect();
    assert_eq!(spans, ["{\n  \"a\": 1\n}", "{\n  \"b\": [2, 3]\n}", "{\"c\":null}", "4", "\"five\""]);
    for (range, value) in &read {
        assert_eq!(Ok(value.clone()), parse(&text[range.clone()]), "each value is its text's value");
    }
    // Nothing, or only white space: no value, and no error.
    assert_eq!(values("").count(), 0);
    assert_eq!(values(" \n\t ").count(), 0);
    // One value is what `parse` reads.
    let one: Vec<_> = values(" {\"a\": 1} ").collect();
    assert_eq!(one, vec![Ok((1..9, parse("{\"a\": 1}").unwrap()))]);
    // The second document is broken on its third line, the text's fifth: the error says so, in
    // the whole text's lines, and nothing is read after it.
    let broken = "{\"a\": 1}\n{\n  \"b\": 2,\n}\n{\"c\": 3}\n";
    let read: Vec<_> = values(broken).collect();
    assert_eq!(read.len(), 2, "{read:?}");
    assert!(read[0].is_ok());
    assert_eq!(read[1].as_ref().unwrap_err().to_string(), "trailing comma at line 4 column 1");
    // A document cut short by the next one's start.
    let cut = "{\"a\": 1\n{\"b\": 2}";
    let err = values(cut).next().unwrap().unwrap_err();
    assert_eq!(err.to_string(), "expected `,` or `}` at line 2 column 1");
    // A value nested too deep in the second document is refused there, as `parse` refuses it.
    let deep = format!("{{}} {}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    let read: Vec<_> = values(&deep).collect();
    assert!(read[0].is_ok() && read[1].as_ref().is_err_and(|e| e.message == "recursion limit exceeded"), "{read:?}");
    // Each value is read from depth zero: a hundred shallow documents in a row are all read.
    let many = "[[1]] ".repeat(100);
    assert_eq!(values(&many).filter(Result::is_ok).count(), 100);
}
