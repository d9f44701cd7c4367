//! The messages between the widget and its on-demand module.
//!
//! The widget's first download holds only the scorer. The observation classifier and the import
//! and export formats (Greenhouse, Markdown, share links) are a second wasm module,
//! `scorecard-extras`, that the widget loads after its first paint (ARCHITECTURE.md, "Two wasm
//! modules"). The two modules share no memory, so they talk in JSON text: the on-demand module
//! encodes its replies with the `encode_*` functions here and the widget reads them with the
//! `decode_*` ones. Keeping both halves in one place lets a native test check that every reply
//! survives the trip.
//!
//! Every reply is `{"ok": <value>}` or `{"error": "<message for people>"}`. A decoder given
//! anything else returns an error that says what was wrong; it never panics.

use serde_json::{json, Map, Value};

/// The version of these messages. Change it whenever a request or a reply changes shape: the
/// widget refuses an on-demand module that answers with another one (a stale copy from a cache,
/// a half-finished upgrade) by name, rather than misreading its replies.
pub const PROTOCOL: &str = "scorecard-wire 1";

use super::classifier::{Classification, ClassifyError, Flag, FlagKind, Span};
use super::interchange::{AttributeMapping, Format, ImportError, Imported, MatchKind};
use super::rubric::Rubric;
use super::scorecard::{Rating, Scorecard};

/// `{"ok": value}`.
pub fn reply_ok(value: Value) -> String {
    super::json::to_text(&json!({ "ok": value }))
}

/// `{"error": message}`.
pub fn reply_error(message: &str) -> String {
    super::json::to_text(&json!({ "error": message }))
}

/// The `ok` value of a reply, or its error message.
fn open_reply(text: &str) -> Result<Value, String> {
    let value = super::json::parse(text).map_err(|e| format!("the on-demand module sent broken JSON ({e})"))?;
    let Value::Object(mut fields) = value else {
        return Err("the on-demand module sent a reply that is not an object".into());
    };
    // `get_mut(..).map(Value::take)` is `remove` here (the map is dropped after), without
    // linking `BTreeMap` removal for serde_json's maps into the widget.
    if let Some(ok) = fields.get_mut("ok").map(Value::take) {
        return Ok(ok);
    }
    match fields.get_mut("error").map(Value::take) {
        Some(Value::String(message)) => Err(message),
        _ => Err("the on-demand module sent a reply with neither \"ok\" nor \"error\"".into()),
    }
}

fn object<'a>(value: &'a Value, what: &str) -> Result<&'a Map<String, Value>, String> {
    value.as_object().ok_or_else(|| format!("{what}: expected an object"))
}

fn text_field(fields: &Map<String, Value>, key: &str) -> Result<String, String> {
    fields.get(key).and_then(Value::as_str).map(str::to_string).ok_or_else(|| format!("{key}: expected a string"))
}

fn number_field(fields: &Map<String, Value>, key: &str) -> Result<f64, String> {
    fields.get(key).and_then(Value::as_f64).ok_or_else(|| format!("{key}: expected a number"))
}

fn offset_field(fields: &Map<String, Value>, key: &str) -> Result<usize, String> {
    fields
        .get(key)
        .and_then(Value::as_u64)
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| format!("{key}: expected a byte offset"))
}

fn list<'a>(fields: &'a Map<String, Value>, key: &str) -> Result<&'a Vec<Value>, String> {
    fields.get(key).and_then(Value::as_array).ok_or_else(|| format!("{key}: expected a list"))
}

// ---------------------------------------------------------------------------------------------
// Classification and flags.

fn span_value(s: &Span) -> Value {
    json!({ "start": s.start, "end": s.end, "label": s.label })
}

fn flag_value(f: &Flag) -> Value {
    json!({ "kind": f.kind.id(), "reason": f.reason, "span": f.span.as_ref().map(span_value) })
}

fn decode_span(value: &Value) -> Result<Span, String> {
    let f = object(value, "span")?;
    Ok(Span { start: offset_field(f, "start")?, end: offset_field(f, "end")?, label: text_field(f, "label")? })
}

fn decode_flag(value: &Value) -> Result<Flag, String> {
    let f = object(value, "flag")?;
    let kind = match f.get("kind").and_then(Value::as_str) {
        Some("non_behavioral") => FlagKind::NonBehavioral,
        Some("bias_risk") => FlagKind::BiasRisk,
        _ => return Err("flag kind: expected \"non_behavioral\" or \"bias_risk\"".into()),
    };
    let span = match f.get("span") {
        None | Some(Value::Null) => None,
        Some(s) => Some(decode_span(s)?),
    };
    Ok(Flag { kind, reason: text_field(f, "reason")?, span })
}

fn decode_flag_list(values: &[Value]) -> Result<Vec<Flag>, String> {
    super::json::each(values, |_, v| decode_flag(v))
}

/// The on-demand module's reply to "classify this note".
pub fn encode_classification(result: &Result<Classification, ClassifyError>) -> String {
    match result {
        Ok(c) => reply_ok(json!({
            "capability": c.capability,
            "level": c.level.id(),
            "confidence": c.confidence,
            "capability_confidence": c.capability_confidence,
            "level_confidence": c.level_confidence,
            "evidence": c.evidence.iter().map(span_value).collect::<Vec<_>>(),
            "flags": c.flags.iter().map(flag_value).collect::<Vec<_>>(),
        })),
        Err(e) => reply_error(&e.to_string()),
    }
}

/// Reads [`encode_classification`]'s reply: the classification, or why there is none.
pub fn decode_classification(text: &str) -> Result<Classification, String> {
    let value = open_reply(text)?;
    let f = object(&value, "classification")?;
    let level =
        f.get("level").and_then(Value::as_str).and_then(Rating::from_id).ok_or("level: expected a rating id")?;
    Ok(Classification {
        capability: text_field(f, "capability")?,
        level,
        confidence: number_field(f, "confidence")?,
        capability_confidence: number_field(f, "capability_confidence")?,
        level_confidence: number_field(f, "level_confidence")?,
        evidence: super::json::each(list(f, "evidence")?, |_, v| decode_span(v))?,
        flags: decode_flag_list(list(f, "flags")?)?,
    })
}

/// The on-demand module's reply to "which warnings does this note raise".
pub fn encode_flags(flags: &[Flag]) -> String {
    reply_ok(flags.iter().map(flag_value).collect())
}

/// Reads [`encode_flags`]'s reply.
pub fn decode_flags(text: &str) -> Result<Vec<Flag>, String> {
    let value = open_reply(text)?;
    decode_flag_list(value.as_array().ok_or("flags: expected a list")?)
}

// ---------------------------------------------------------------------------------------------
// Import and export.

fn match_kind_id(how: MatchKind) -> &'static str {
    match how {
        MatchKind::Exact => "exact",
        MatchKind::Synonym => "synonym",
        MatchKind::Similar => "similar",
        MatchKind::Unmatched => "unmatched",
    }
}

/// The on-demand module's reply to "import this text": the format, the scorecard document and,
/// for Greenhouse input, how each attribute was mapped and what was left out.
pub fn encode_import(result: &Result<Imported, ImportError>) -> String {
    match result {
        Ok(i) => reply_ok(json!({
            "format": match i.format { Format::Scorecard => "scorecard", Format::Greenhouse => "greenhouse" },
            "card": i.card.to_value(),
            "mappings": i.mappings.iter().map(|m| json!({
                "attribute": m.attribute, "capability": m.capability, "how": match_kind_id(m.how), "rating": m.rating,
            })).collect::<Vec<_>>(),
            "warnings": i.warnings,
        })),
        Err(e) => reply_error(&e.to_string()),
    }
}

/// Reads [`encode_import`]'s reply. The scorecard is validated against `rubric` again here, so
/// the widget never holds a card its own checks did not pass.
pub fn decode_import(text: &str, rubric: &Rubric) -> Result<Imported, String> {
    let value = open_reply(text)?;
    let f = object(&value, "import")?;
    let format = match f.get("format").and_then(Value::as_str) {
        Some("scorecard") => Format::Scorecard,
        Some("greenhouse") => Format::Greenhouse,
        _ => return Err("format: expected \"scorecard\" or \"greenhouse\"".into()),
    };
    let card = Scorecard::from_value(f.get("card").unwrap_or(&Value::Null), rubric).map_err(|e| e.to_string())?;
    let mut mappings = Vec::new();
    for m in list(f, "mappings")? {
        let m = object(m, "mapping")?;
        let how = match m.get("how").and_then(Value::as_str) {
            Some("exact") => MatchKind::Exact,
            Some("synonym") => MatchKind::Synonym,
            Some("similar") => MatchKind::Similar,
            Some("unmatched") => MatchKind::Unmatched,
            _ => return Err("how: expected exact, synonym, similar or unmatched".into()),
        };
        let capability = match m.get("capability") {
            None | Some(Value::Null) => None,
            Some(_) => Some(text_field(m, "capability")?),
        };
        mappings.push(AttributeMapping {
            attribute: text_field(m, "attribute")?,
            capability,
            how,
            rating: text_field(m, "rating")?,
        });
    }
    // Absent from a reply that has none to give.
    let mut warnings = Vec::new();
    if f.contains_key("warnings") {
        for w in list(f, "warnings")? {
            warnings.push(w.as_str().ok_or("warnings: expected text")?.to_string());
        }
    }
    Ok(Imported { format, card, mappings, warnings })
}

/// The on-demand module's reply to "export this scorecard": the text, or why not.
pub fn encode_text(result: Result<String, String>) -> String {
    match result {
        Ok(text) => reply_ok(Value::String(text)),
        Err(e) => reply_error(&e),
    }
}

/// Reads [`encode_text`]'s reply.
pub fn decode_text(text: &str) -> Result<String, String> {
    match open_reply(text)? {
        Value::String(s) => Ok(s),
        _ => Err("the on-demand module sent an export that is not text".into()),
    }
}

// ---------------------------------------------------------------------------------------------
// The on-demand module's operations: text in, a reply out. `src/web/embed/extras.rs` exports
// them to JavaScript unchanged; the command-line tool and the tests can call them natively.

/// The rubric a request carries, as JSON text. The widget always sends its own rubric's text
/// ([`Rubric::source_json`]); the on-demand module embeds none, which keeps it smaller.
fn request_rubric(rubric_json: &str) -> Result<Rubric, String> {
    if rubric_json.trim().is_empty() {
        return Err("the rubric could not be read: none was sent".into());
    }
    Rubric::from_json(rubric_json).map_err(|e| format!("the rubric could not be read: {e}"))
}

/// Classifies one note: [`encode_classification`] of the embedded classifier's reading.
pub fn serve_classify(text: &str) -> String {
    encode_classification(&super::classifier::classify(text))
}

/// The warnings one note raises (impressions, bias-prone remarks): [`encode_flags`].
pub fn serve_flags(text: &str) -> String {
    encode_flags(&super::classifier::detect_flags(text))
}

/// True when pasted text is a share link rather than a document: a URL, or the fragment
/// (`#sc1=…` or `sc1=…`). A Markdown summary ("## Scorecard: …") is not one.
pub fn looks_like_link(text: &str) -> bool {
    let t = super::interchange::link::as_pasted(text);
    let prefix = super::interchange::LINK_PREFIX;
    t.starts_with("http") || t.strip_prefix('#').unwrap_or(t).starts_with(prefix)
}

/// Imports a scorecard document, a Greenhouse scorecard or a share link, whichever `text` is,
/// against the rubric in `rubric_json`. Greenhouse notes arrive as untagged
/// observations, so their tags are suggested here: [`encode_import`].
pub fn serve_import(text: &str, rubric_json: &str) -> String {
    let rubric = match request_rubric(rubric_json) {
        Ok(r) => r,
        Err(e) => return reply_error(&e),
    };
    let result = if looks_like_link(text) {
        super::interchange::decode_link(super::interchange::link::as_pasted(text), &rubric).map(|card| Imported {
            format: Format::Scorecard,
            card,
            mappings: Vec::new(),
            warnings: Vec::new(),
        })
    } else if super::interchange::link::as_pasted(text).starts_with('#') {
        // The Markdown summary this app writes, pasted back: say what it is, not "not JSON".
        Err(super::interchange::ImportError::invalid(
            "",
            "this is a Markdown summary, which cannot be read back; import the scorecard's JSON file, a Greenhouse scorecard or a share link",
        ))
    } else {
        super::interchange::import_auto(text, &rubric).map(|mut imported| {
            if imported.format == Format::Greenhouse {
                super::classifier::tag_observations(&rubric, &mut imported.card);
            }
            imported
        })
    };
    encode_import(&result)
}

/// Exports the scorecard document `card_json` as `format`: `greenhouse` (Harvest JSON),
/// `markdown`, or `link` (a share link on `base`, the page's address): [`encode_text`].
pub fn serve_export(format: &str, card_json: &str, rubric_json: &str, base: &str) -> String {
    let result = request_rubric(rubric_json).and_then(|rubric| {
        let card = super::interchange::import_json(card_json, &rubric)
            .map_err(|e| format!("the scorecard could not be read: {e}"))?;
        match format {
            "greenhouse" => Ok(super::json::write(&super::interchange::export_greenhouse(&card, &rubric), true)),
            "markdown" => Ok(super::interchange::export_markdown(&card, &rubric)),
            "link" => super::interchange::encode_link_url(&card, base).map_err(|e| e.to_string()),
            other => Err(format!("unknown export format \"{other}\"; expected greenhouse, markdown or link")),
        }
    });
    encode_text(result)
}
