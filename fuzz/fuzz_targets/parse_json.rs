//! Fuzzes the crate's own JSON reader (`core::json`, which reads every document the widget
//! sees) against serde_json's: every text is accepted or refused alike, with the same message
//! and position, and the same value (doubles outside the exact range may differ in the last
//! bits: neither reader promises correct rounding there). The one intended difference: ours
//! refuses a duplicate key, which serde_json resolves by keeping the last value.
//!
//! It also fuzzes the crate's writer (`core::json::write`): what ours reads, written compact
//! and pretty, reads back (by serde_json) to the same value (a double within serde_json's own
//! rounding of long decimals).
#![no_main]

use libfuzzer_sys::fuzz_target;
use scorecard::core::json::{parse, write, JsonError};
use scorecard::core::scorecard::clip;
use serde_json::Value;

/// True when ours refused `text` for a duplicate key where serde_json accepted it, or refused it
/// further on: ours stops after the second key's value, reporting the key. The error must point
/// at a key of that name.
/// (The same check as tests/core/json.rs.)
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

/// The same value; a double as `write` promises it (the same from 0.00001 up, within 10^-22
/// below), read back by serde_json, which rounds a long decimal within an ulp or so (the
/// writer's exactness is tested with Rust's own parser in tests/core/json.rs).
fn written_back(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() => {
            let (x, y) = (x.as_f64().unwrap_or(f64::NAN), y.as_f64().unwrap_or(f64::NAN));
            x == y || ((x - y) / x).abs() < 1e-14 || (x.abs() < 1e-5 && (x - y).abs() <= 1e-22)
        }
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| written_back(a, b)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| written_back(v, w)))
        }
        _ => a == b,
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match (serde_json::from_str::<Value>(text), parse(text)) {
        (a, Err(b)) if duplicate_key_first(text, a.as_ref().err(), &b) => {}
        (Ok(a), Ok(b)) => {
            assert!(close(&a, &b), "different values: serde_json {a}, ours {b}");
            for pretty in [false, true] {
                let written = write(&b, pretty);
                let back: Value =
                    serde_json::from_str(&written).unwrap_or_else(|e| panic!("wrote {written:?}, not JSON: {e}"));
                assert!(written_back(&b, &back), "wrote {b} as {written}, read back {back}");
            }
        }
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "different errors"),
        (a, b) => panic!("serde_json {a:?}, ours {b:?}"),
    }
});
