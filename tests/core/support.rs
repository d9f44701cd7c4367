//! What several test modules share: running the built command-line tool, and a validator for
//! the JSON Schemas in schema/.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use scorecard::core::scorecard::{is_date_time, is_iso_date};
use serde_json::Value;

/// Runs the built `scorecard` binary with `args`, feeding it `stdin` from a thread (so a large
/// input cannot deadlock against a full stdout pipe), and returns what it did.
pub fn run_cli(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the scorecard binary runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    let bytes = stdin.to_vec();
    // A command that exits before reading all of stdin closes the pipe; that is fine here.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().expect("the binary finishes");
    writer.join().expect("the stdin writer finishes");
    out
}

/// A small deterministic generator (xorshift64), so generated test inputs are the same on every
/// run. The seed must not be zero.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n` (which must not be zero).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

// ---------------------------------------------------------------------------------------------
// JSON Schema.

/// A validator for the subset of JSON Schema 2020-12 the scorecard and rubric schemas use
/// (schema/). Returns the first violation as "path: reason".
pub fn validate(schema: &Value, root: &Value, value: &Value, path: &str) -> Result<(), String> {
    let schema = match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let name = r.strip_prefix("#/$defs/").unwrap_or_else(|| panic!("unsupported $ref {r}"));
            &root["$defs"][name]
        }
        None => schema,
    };
    if let Some(t) = schema.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => panic!("bad type"),
        };
        let ok = types.iter().any(|t| match *t {
            "null" => value.is_null(),
            "boolean" => value.is_boolean(),
            "string" => value.is_string(),
            "number" => value.is_number(),
            // JSON Schema's integer is a number with no fraction, written 4 or 4.0.
            "integer" => {
                value.is_u64() || value.is_i64() || value.as_f64().is_some_and(|f| f.is_finite() && f.fract() == 0.0)
            }
            "array" => value.is_array(),
            "object" => value.is_object(),
            _ => panic!("bad type {t}"),
        });
        if !ok {
            return Err(format!("{path}: type is not {types:?}"));
        }
    }
    if let Some(c) = schema.get("const") {
        if c != value {
            return Err(format!("{path}: not {c}"));
        }
    }
    if let Some(Value::Array(options)) = schema.get("enum") {
        if !options.contains(value) {
            return Err(format!("{path}: not one of {options:?}"));
        }
    }
    if let Some(Value::Array(options)) = schema.get("anyOf") {
        if !options.iter().any(|s| validate(s, root, value, path).is_ok()) {
            return Err(format!("{path}: matches no anyOf branch"));
        }
    }
    if let (Some(max), Value::String(s)) = (schema.get("maxLength").and_then(Value::as_u64), value) {
        if s.chars().count() as u64 > max {
            return Err(format!("{path}: longer than {max}"));
        }
    }
    if let (Some(pattern), Value::String(s)) = (schema.get("pattern").and_then(Value::as_str), value) {
        // No regex engine here: each pattern the schema uses has its Rust meaning in this table,
        // the same function the code uses where there is one.
        let ok = match pattern {
            DATE_PATTERN => is_iso_date(s),
            DATE_TIME_PATTERN => is_date_time(s),
            "\\S" => !s.trim().is_empty(),
            // The rubric's capability ids; their length is the schema's maxLength.
            SNAKE_ID_PATTERN => {
                s.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
                    && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            }
            other => panic!("pattern {other} has no Rust meaning in this test"),
        };
        if !ok {
            return Err(format!("{path}: does not match {pattern}"));
        }
    }
    if let Value::Number(n) = value {
        let n = n.as_f64().unwrap_or(f64::NAN);
        let bound = |key: &str| schema.get(key).and_then(Value::as_f64);
        if bound("minimum").is_some_and(|min| n < min) {
            return Err(format!("{path}: below {}", schema["minimum"]));
        }
        if bound("exclusiveMinimum").is_some_and(|min| n <= min) {
            return Err(format!("{path}: not above {}", schema["exclusiveMinimum"]));
        }
        if bound("maximum").is_some_and(|max| n > max) {
            return Err(format!("{path}: above {}", schema["maximum"]));
        }
    }
    if let Value::Array(items) = value {
        if let Some(min) = schema.get("minItems").and_then(Value::as_u64) {
            if (items.len() as u64) < min {
                return Err(format!("{path}: fewer than {min} items"));
            }
        }
        if let Some(max) = schema.get("maxItems").and_then(Value::as_u64) {
            if items.len() as u64 > max {
                return Err(format!("{path}: more than {max} items"));
            }
        }
        if let Some(item_schema) = schema.get("items") {
            for (i, item) in items.iter().enumerate() {
                validate(item_schema, root, item, &format!("{path}[{i}]"))?;
            }
        }
    }
    if let Value::Object(map) = value {
        if let Some(Value::Array(required)) = schema.get("required") {
            for r in required.iter().filter_map(Value::as_str) {
                if !map.contains_key(r) {
                    return Err(format!("{path}: missing {r}"));
                }
            }
        }
        let props = schema.get("properties").and_then(Value::as_object);
        for (k, v) in map {
            match props.and_then(|p| p.get(k)) {
                Some(s) => validate(s, root, v, &format!("{path}.{k}"))?,
                None => match schema.get("additionalProperties") {
                    Some(Value::Bool(false)) => return Err(format!("{path}: unexpected {k}")),
                    Some(s @ Value::Object(_)) => validate(s, root, v, &format!("{path}.{k}"))?,
                    _ => {}
                },
            }
        }
    }
    Ok(())
}

/// The schema's patterns for a date and for a date-time: exact, month lengths and leap years
/// included, so that they mean what `is_iso_date` and `is_date_time` do.
const DATE_PATTERN: &str = "^([0-9]{4}-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))|([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29)$";
const DATE_TIME_PATTERN: &str = "^([0-9]{4}-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))|([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29)(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])?)?$";

/// The rubric schema's pattern for a capability id (lower_snake_case, as `is_snake_id`).
const SNAKE_ID_PATTERN: &str = "^[a-z][a-z0-9_]*$";
