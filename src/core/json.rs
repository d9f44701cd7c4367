//! A JSON reader: text to [`serde_json::Value`], with the error's line and column.
//!
//! Every document the widget reads (scorecards, rubrics, embed options, the on-demand module's
//! replies, drafts) goes through here rather than through serde_json's own parser. The reason
//! is size: the widget never needs serde's generic deserialisation machinery, and leaving it
//! out (with the float formatter its error messages reach) saves the widget's first download
//! about 10 KB gzip. serde_json provides the `Value` type; [`write`] writes it back, also by
//! hand, for the same reason.
//!
//! It reads RFC 8259 JSON exactly: no comments, no trailing commas, no single quotes, nothing
//! after the value but white space. Nesting deeper than [`MAX_DEPTH`] is refused (no input can
//! exhaust the stack), as are lone UTF-16 surrogates in `\u` escapes and numbers too large for
//! a double. Unlike serde_json, which keeps the last of two equal keys, it refuses an object
//! with a duplicate key (`duplicate key "level" at line 4 column 9`, at the second key): a
//! scorecard with two ratings of one capability must not silently lose one. Its other messages
//! follow serde_json's ("EOF while parsing a string at line 3 column 7"), so every reader of
//! JSON in this crate reports errors the same way. Integers are read exactly
//! (`u64` or `i64`, as serde_json does); a number with a fraction or an exponent is exact when
//! it has at most 15 significant digits and an exponent within ±22, which covers every number
//! in a rubric or a scorecard, and otherwise within a few units in the last place.

use std::fmt;

use serde_json::map::Entry;
use serde_json::{Map, Number, Value};

use super::scorecard::clip;

/// Arrays and objects may nest this deep at most; one more level is refused, as serde_json
/// refuses it (its recursion limit of 128 counts down to zero, so it reads 127 levels).
pub const MAX_DEPTH: usize = 127;

/// Each item of a JSON list read by `read` (given its index, for the error's path), or the first
/// error: a loop, where `.enumerate().map(..).collect::<Result<Vec<_>, _>>()` makes a
/// `GenericShunt` and a `Vec` collector of its own for every item type (about 1 KB of wasm
/// each; five in the rubric reader alone).
pub fn each<T>(items: &[Value], mut read: impl FnMut(usize, &Value) -> Result<T, String>) -> Result<Vec<T>, String> {
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        out.push(read(i, item)?);
    }
    Ok(out)
}

/// Why a text is not JSON, and where (1-based line and column, in bytes, as serde_json counts).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub line: usize,
    pub column: usize,
    pub message: &'static str,
    /// For "duplicate key": the key, clipped for quoting ([`clip`]); shown after the message.
    pub key: Option<Box<str>>,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message)?;
        if let Some(key) = &self.key {
            write!(f, " \"{key}\"")?;
        }
        write!(f, " at line {} column {}", self.line, self.column)
    }
}

impl std::error::Error for JsonError {}

/// `message`, a [`JsonError`]'s (ending "at line L column C"), as a person finds the place in
/// `text`: for a text of one line, such as a line of JSON lines read on its own and named by its
/// line of the file, "at column C", since its "line 1" is not the file's.
pub fn position_in(text: &str, message: String) -> String {
    if text.contains('\n') {
        message
    } else {
        message.replacen(" at line 1 column ", " at column ", 1)
    }
}

/// `value` as compact JSON text, as `serde_json::to_string` writes it (see [`write`]).
pub fn to_text(value: &Value) -> String {
    write(value, false)
}

/// `value` as JSON text: compact, or (`pretty`) with two spaces of indentation per level, one
/// member or item per line and `": "` after keys, as serde_json's pretty printer writes it.
///
/// Written by hand rather than through serde_json's serializer: that brings its formatter
/// machinery and a float printer to the widget, which writes no float but a confidence and a
/// score (about 1.6 KB of its gzip download), and `Value`'s `Display`, whose `io::Write`
/// adapter keeps `str`'s and `char`'s `Debug`. Strings are escaped as serde_json escapes them
/// (`"`, `\`, and control characters, as `\n`-style escapes or `\u00XX`); integers are exact;
/// a float is written by [`write_float`].
pub fn write(value: &Value, pretty: bool) -> String {
    let mut out = String::new();
    write_value(&mut out, value, pretty.then_some(0));
    out
}

fn write_value(out: &mut String, value: &Value, indent: Option<usize>) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => out.push_str(&u.to_string()),
            (None, Some(i)) => out.push_str(&i.to_string()),
            _ => write_float(out, n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => write_str(out, s),
        Value::Array(items) => write_seq(out, ('[', ']'), items.len(), indent, items.iter().map(|v| (None, v))),
        Value::Object(map) => write_seq(out, ('{', '}'), map.len(), indent, map.iter().map(|(k, v)| (Some(k), v))),
    }
}

/// An array's items or an object's members (with their keys) between `brackets`.
fn write_seq<'a>(
    out: &mut String,
    brackets: (char, char),
    len: usize,
    indent: Option<usize>,
    items: impl Iterator<Item = (Option<&'a String>, &'a Value)>,
) {
    out.push(brackets.0);
    let inner = indent.map(|n| n + 1);
    for (i, (key, value)) in items.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if let Some(n) = inner {
            out.push('\n');
            out.push_str(&"  ".repeat(n));
        }
        if let Some(key) = key {
            write_str(out, key);
            out.push_str(if indent.is_some() { ": " } else { ":" });
        }
        write_value(out, value, inner);
    }
    if let Some(n) = indent.filter(|_| len > 0) {
        out.push('\n');
        out.push_str(&"  ".repeat(n));
    }
    out.push(brackets.1);
}

/// A JSON string literal, escaped as serde_json escapes it.
fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A finite double as a JSON number that reads back to the same double: the shortest decimal
/// of at most 22 places that does (checked with the reader's exact path: at most 15 significant
/// digits), else its exact value rounded to 17 significant digits (at most 22 places), which
/// reads back to it for every value from 0.00001 up and is within 10^-22 of it below; from 2^53
/// up a double is whole, and its digits are written in full. `null` for what JSON cannot hold
/// (infinities and NaN, which no `Value` holds). Without core's float printer, which is most of
/// what this writer saves; unlike it, never in exponent form ("0.0000001", not "1e-7").
pub fn write_float(out: &mut String, x: f64) {
    if !x.is_finite() {
        out.push_str("null");
        return;
    }
    if x.is_sign_negative() {
        out.push('-');
    }
    let x = x.abs();
    if x >= 9_007_199_254_740_992.0 {
        out.push_str(&whole_digits(x));
        out.push_str(".0");
        return;
    }
    // The first number of places whose digits read back, or that gives 17 significant digits;
    // else 22.
    let (mut places, mut digits) = (22, 0);
    for p in 0..=22u32 {
        digits = scaled(x, p);
        places = p;
        if digits >= 10_000_000_000_000_000 || (digits < 1 << 53 && (digits as f64) / POWERS[p as usize] == x) {
            break;
        }
    }
    // (Below 10^17 + 1: 17 digits at most, or 22 places of a value below 0.00001.) At least one
    // digit before the point.
    let (places, text) = (places as usize, (digits as u64).to_string());
    let text = format!("{}{text}", "0".repeat((places + 1).saturating_sub(text.len())));
    let (whole, fraction) = text.split_at(text.len() - places);
    out.push_str(whole);
    out.push('.');
    // (Trailing zeros of the 17 digits say nothing.)
    let fraction = fraction.trim_end_matches('0');
    out.push_str(if fraction.is_empty() { "0" } else { fraction });
}

/// The decimal digits of a whole double from 2^53 up (m * 2^e with e > 0): m doubled e times,
/// in base 10^9 limbs.
fn whole_digits(x: f64) -> String {
    const BASE: u64 = 1_000_000_000;
    let (m, e) = parts(x);
    let mut limbs = vec![(m % BASE) as u32, (m / BASE % BASE) as u32, (m / BASE / BASE) as u32];
    for _ in 0..e.max(0) {
        let mut carry = 0;
        for limb in limbs.iter_mut() {
            let v = u64::from(*limb) * 2 + carry;
            *limb = (v % BASE) as u32;
            carry = v / BASE;
        }
        if carry > 0 {
            limbs.push(carry as u32);
        }
    }
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    let mut out = limbs.last().map_or_else(String::new, u32::to_string);
    for limb in limbs.iter().rev().skip(1) {
        let part = limb.to_string();
        out.push_str(&"0".repeat(9 - part.len()));
        out.push_str(&part);
    }
    out
}

/// `|x|` as m * 2^e exactly, m an integer below 2^53 (subnormals included).
fn parts(x: f64) -> (u64, i32) {
    let bits = x.abs().to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), biased - 1075)
    }
}

/// `x` times 10^`places`, rounded half to even, exactly (`x` = m * 2^e, in integers): for
/// `x` below 2^53 and at most 22 places the product stays below 2^128.
pub(crate) fn scaled(x: f64, places: u32) -> u128 {
    let (m, e) = parts(x);
    let product = u128::from(m) * 10u128.pow(places);
    if e >= 0 {
        product << e.min(64)
    } else if -e >= 128 {
        0
    } else {
        let k = (-e) as u32;
        let q = product >> k;
        let rem = product - (q << k);
        let half = 1u128 << (k - 1);
        if rem > half || (rem == half && q & 1 == 1) {
            q + 1
        } else {
            q
        }
    }
}

/// Parses one JSON value from `text`.
///
/// ```
/// let v = scorecard::core::json::parse(r#"{"a": [1, -2, 2.5, "é\n", null]}"#).unwrap();
/// assert_eq!(v["a"][2].as_f64(), Some(2.5));
/// let e = scorecard::core::json::parse("{\"a\": }").unwrap_err();
/// assert_eq!(e.to_string(), "expected value at line 1 column 7");
/// let e = scorecard::core::json::parse(r#"{"a": 1, "a": 2}"#).unwrap_err();
/// assert_eq!(e.to_string(), r#"duplicate key "a" at line 1 column 10"#);
/// ```
pub fn parse(text: &str) -> Result<Value, JsonError> {
    let mut p = Parser { text: text.as_bytes(), at: 0, depth: 0 };
    let value = p.value()?;
    p.skip_space();
    if p.at < p.text.len() {
        return Err(p.error_here("trailing characters"));
    }
    Ok(value)
}

/// Reads consecutive JSON values from `text`: documents one after another, separated by white
/// space or by nothing (concatenated JSON, such as pretty-printed scorecards pasted one after
/// the other, or JSON lines). Each value comes with the byte range it spans in `text`, from its
/// first byte to its last. The iterator ends where only white space is left, and after the
/// first error, whose line and column are counted in the whole of `text`: once a value is
/// broken, where the next one starts cannot be told.
///
/// ```
/// use scorecard::core::json::values;
/// let text = "{\"a\": 1}\n{\n  \"b\": 2\n}\n";
/// let read: Vec<_> = values(text).collect::<Result<_, _>>().unwrap();
/// assert_eq!(read.len(), 2);
/// assert_eq!(&text[read[1].0.clone()], "{\n  \"b\": 2\n}");
/// let e = values("{} {\"a\": }").nth(1).unwrap().unwrap_err();
/// assert_eq!(e.to_string(), "expected value at line 1 column 10");
/// ```
pub fn values(text: &str) -> Values<'_> {
    Values { parser: Parser { text: text.as_bytes(), at: 0, depth: 0 }, done: false }
}

/// The values of a text one after another: see [`values`].
pub struct Values<'a> {
    parser: Parser<'a>,
    done: bool,
}

impl Iterator for Values<'_> {
    type Item = Result<(std::ops::Range<usize>, Value), JsonError>;

    fn next(&mut self) -> Option<Self::Item> {
        let p = &mut self.parser;
        p.skip_space();
        if self.done || p.at >= p.text.len() {
            return None;
        }
        let start = p.at;
        match p.value() {
            Ok(value) => Some(Ok((start..p.at, value))),
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

struct Parser<'a> {
    text: &'a [u8],
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    /// An error found at byte `at`, reported as serde_json does: at the position after that
    /// byte was read (the end of the text for EOF), so a newline read ends at column 0 of the
    /// next line.
    fn error_at(&self, at: usize, message: &'static str) -> JsonError {
        let read = &self.text[..(at + 1).min(self.text.len())];
        let line = 1 + read.iter().filter(|&&b| b == b'\n').count();
        let line_start = read.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        JsonError { line, column: read.len() - line_start, message, key: None }
    }

    fn error_here(&self, message: &'static str) -> JsonError {
        self.error_at(self.at, message)
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// Consumes `word` (after its first byte was seen) or reports what was expected.
    fn literal(&mut self, word: &[u8], value: Value) -> Result<Value, JsonError> {
        for &b in word {
            match self.peek() {
                None => return Err(self.error_here("EOF while parsing a value")),
                Some(c) if c == b => self.at += 1,
                Some(_) => return Err(self.error_here("expected ident")),
            }
        }
        Ok(value)
    }

    fn value(&mut self) -> Result<Value, JsonError> {
        self.skip_space();
        match self.peek() {
            None => Err(self.error_here("EOF while parsing a value")),
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.literal(b"true", Value::Bool(true)),
            Some(b'f') => self.literal(b"false", Value::Bool(false)),
            Some(b'n') => self.literal(b"null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error_here("expected value")),
        }
    }

    fn enter(&mut self) -> Result<(), JsonError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error_here("recursion limit exceeded"));
        }
        self.at += 1;
        Ok(())
    }

    fn array(&mut self) -> Result<Value, JsonError> {
        self.enter()?;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek().is_none() {
            return Err(self.error_here("EOF while parsing a list"));
        }
        if self.peek() == Some(b']') {
            self.at += 1;
            self.depth -= 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.skip_space();
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.skip_space();
                    if self.peek() == Some(b']') {
                        return Err(self.error_here("trailing comma"));
                    }
                }
                Some(b']') => {
                    self.at += 1;
                    self.depth -= 1;
                    return Ok(Value::Array(items));
                }
                None => return Err(self.error_here("EOF while parsing a list")),
                Some(_) => return Err(self.error_here("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self) -> Result<Value, JsonError> {
        self.enter()?;
        let mut fields = Map::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            self.depth -= 1;
            return Ok(Value::Object(fields));
        }
        let mut first = true;
        loop {
            match self.peek() {
                Some(b'"') => {}
                None if first => return Err(self.error_here("EOF while parsing an object")),
                None => return Err(self.error_here("EOF while parsing a value")),
                Some(_) => return Err(self.error_here("key must be a string")),
            }
            first = false;
            let key_at = self.at;
            let key = self.string()?;
            self.skip_space();
            match self.peek() {
                Some(b':') => self.at += 1,
                None => return Err(self.error_here("EOF while parsing an object")),
                Some(_) => return Err(self.error_here("expected `:`")),
            }
            let value = self.value()?;
            match fields.entry(key) {
                Entry::Vacant(slot) => {
                    slot.insert(value);
                }
                // Reported at the second key, once its value is read (as serde_json would read it).
                Entry::Occupied(first) => {
                    return Err(JsonError {
                        key: Some(clip(first.key()).into()),
                        ..self.error_at(key_at, "duplicate key")
                    })
                }
            }
            self.skip_space();
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.skip_space();
                    if self.peek() == Some(b'}') {
                        return Err(self.error_here("trailing comma"));
                    }
                }
                Some(b'}') => {
                    self.at += 1;
                    self.depth -= 1;
                    return Ok(Value::Object(fields));
                }
                None => return Err(self.error_here("EOF while parsing an object")),
                Some(_) => return Err(self.error_here("expected `,` or `}`")),
            }
        }
    }

    /// Four hex digits of a `\u` escape. Like serde_json, it takes the next four bytes whatever
    /// they are and reports a bad one after them.
    fn hex4(&mut self) -> Result<u16, JsonError> {
        let Some(bytes) = self.text.get(self.at..self.at + 4) else {
            self.at = self.text.len();
            return Err(self.error_here("EOF while parsing a string"));
        };
        let mut n: u16 = 0;
        let mut valid = true;
        for &b in bytes {
            let digit = match b {
                b'0'..=b'9' => b - b'0',
                b'a'..=b'f' => b - b'a' + 10,
                b'A'..=b'F' => b - b'A' + 10,
                _ => {
                    valid = false;
                    0
                }
            };
            n = n.wrapping_mul(16).wrapping_add(u16::from(digit));
        }
        self.at += 4;
        if valid {
            Ok(n)
        } else {
            Err(self.error_at(self.at - 1, "invalid escape"))
        }
    }

    /// A string, from its opening quote; returns its text with escapes resolved.
    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            // Copy the run of plain bytes up to the next quote, backslash or control character.
            let start = self.at;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // The text is a &str and the run stops only at ASCII bytes, so the run is whole UTF-8.
            out.push_str(std::str::from_utf8(&self.text[start..self.at]).unwrap_or_default());
            match self.peek() {
                None => return Err(self.error_here("EOF while parsing a string")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let Some(escape) = self.peek() else { return Err(self.error_here("EOF while parsing a string")) };
                    self.at += 1;
                    match escape {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => out.push(self.unicode_escape()?),
                        _ => return Err(self.error_at(self.at - 1, "invalid escape")),
                    }
                }
                Some(_) => {
                    return Err(self.error_here("control character (\\u0000-\\u001F) found while parsing a string"))
                }
            }
        }
    }

    /// The character of a `\uXXXX` escape (after the `u`), joining a surrogate pair.
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                for expected in [b'\\', b'u'] {
                    match self.peek() {
                        None => return Err(self.error_here("EOF while parsing a string")),
                        Some(b) if b == expected => self.at += 1,
                        Some(_) => return Err(self.error_here("unexpected end of hex escape")),
                    }
                }
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error_at(self.at - 1, "lone leading surrogate in hex escape"));
                }
                0x10000 + ((u32::from(first) - 0xD800) << 10) + (u32::from(second) - 0xDC00)
            }
            // serde_json's message for a trailing surrogate alone, too.
            0xDC00..=0xDFFF => return Err(self.error_at(self.at - 1, "lone leading surrogate in hex escape")),
            n => u32::from(n),
        };
        char::from_u32(code).ok_or_else(|| self.error_at(self.at - 1, "invalid unicode code point"))
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<Value, JsonError> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let int_start = self.at;
        match self.peek() {
            Some(b'0') => {
                self.at += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.error_here("invalid number"));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            None => return Err(self.error_here("EOF while parsing a value")),
            Some(_) => return Err(self.error_here("invalid number")),
        }
        let int_end = self.at;
        let mut frac = (self.at, self.at);
        if self.peek() == Some(b'.') {
            self.at += 1;
            let from = self.at;
            if self.digits() == 0 {
                return Err(self.error_here(if self.peek().is_none() {
                    "EOF while parsing a value"
                } else {
                    "invalid number"
                }));
            }
            frac = (from, self.at);
        }
        let mut exponent: i64 = 0;
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            let minus = match self.peek() {
                Some(b'-') => {
                    self.at += 1;
                    true
                }
                Some(b'+') => {
                    self.at += 1;
                    false
                }
                _ => false,
            };
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error_here(if self.peek().is_none() {
                    "EOF while parsing a value"
                } else {
                    "invalid number"
                }));
            }
            // As serde_json: an exponent beyond i32 is out of range for a non-zero number with a
            // positive exponent, and zero otherwise.
            let zero = self.text[int_start..self.at].iter().all(|&b| !b.is_ascii_digit() || b == b'0');
            while let Some(d @ b'0'..=b'9') = self.peek() {
                self.at += 1;
                let d = i64::from(d - b'0');
                if exponent > (i64::from(i32::MAX) - d) / 10 {
                    if !minus && !zero {
                        return Err(self.error_at(self.at - 1, "number out of range"));
                    }
                    self.digits();
                    let zero = Number::from_f64(if negative { -0.0 } else { 0.0 });
                    return Ok(zero.map_or(Value::Null, Value::Number));
                }
                exponent = exponent * 10 + d;
            }
            if minus {
                exponent = -exponent;
            }
        }
        let integral = frac.0 == frac.1 && self.at == int_end;
        let int_digits = &self.text[int_start..int_end];
        if integral {
            // Exact integers, as serde_json keeps them: u64 when not negative, i64 when it is.
            let mut n: u64 = 0;
            let fits =
                int_digits.iter().all(|&d| match n.checked_mul(10).and_then(|m| m.checked_add(u64::from(d - b'0'))) {
                    Some(m) => {
                        n = m;
                        true
                    }
                    None => false,
                });
            if fits {
                if !negative {
                    return Ok(Value::Number(Number::from(n)));
                }
                if n == 0 {
                    // serde_json reads "-0" as the double -0.0.
                    return Ok(Number::from_f64(-0.0).map_or(Value::Null, Value::Number));
                }
                if n <= i64::MAX as u64 + 1 {
                    return Ok(Value::Number(Number::from((n as i64).wrapping_neg())));
                }
            }
        }
        // A double: the significant digits as an integer and a power of ten.
        let mut mantissa: u64 = 0;
        let mut significant = 0;
        let mut scale: i64 = 0;
        let frac_digits = &self.text[frac.0..frac.1];
        for (i, &d) in int_digits.iter().chain(frac_digits).enumerate() {
            let in_fraction = i >= int_digits.len();
            if mantissa == 0 && d == b'0' {
                if in_fraction {
                    scale -= 1;
                }
                continue;
            }
            if significant < 19 {
                mantissa = mantissa * 10 + u64::from(d - b'0');
                significant += 1;
                if in_fraction {
                    scale -= 1;
                }
            } else if !in_fraction {
                scale += 1;
            }
        }
        let power = exponent + scale;
        let magnitude = if mantissa == 0 {
            0.0
        } else if mantissa < (1 << 53) && (-22..=22).contains(&power) {
            // Both factors are exact doubles, so one correctly rounded operation.
            let m = mantissa as f64;
            if power >= 0 {
                m * POWERS[power as usize]
            } else {
                m / POWERS[(-power) as usize]
            }
        } else {
            let m = mantissa as f64;
            let p = power.clamp(-400, 400) as i32;
            if p >= 0 {
                m * 10f64.powi(p)
            } else {
                // Divide in two steps so that a tiny result is not lost to an overflowing power.
                m / 10f64.powi((-p).min(300)) / 10f64.powi((-p - (-p).min(300)).max(0))
            }
        };
        let value = if negative { -magnitude } else { magnitude };
        Number::from_f64(value).map(Value::Number).ok_or_else(|| self.error_at(self.at - 1, "number out of range"))
    }
}

/// 10^0 to 10^22, each an exact double.
const POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];
