//! Interchange: moving a scorecard in and out of the widget.
//!
//! Four formats share one error type, [`ImportError`]:
//! - the scorecard JSON document itself ([`import_json`], [`export_json`]), lossless both ways;
//! - a Greenhouse Harvest scorecard object ([`greenhouse`]), the shape applicant tracking systems
//!   hold, mapped attribute by attribute with a report of how each name was matched;
//! - a Markdown summary for pasting into an ATS note or a chat ([`markdown`]), export only;
//! - a share link that carries the whole scorecard in a URL fragment ([`link`]).
//!
//! Every import path runs the same steps: size check, parse, [`migrate`] to the current version,
//! then [`Scorecard::from_value`] for validation against the rubric. Limits come from
//! [`crate::core::scorecard`] (`MAX_DOCUMENT_BYTES`, `MAX_TEXT_CHARS`, `MAX_OBSERVATIONS`), and no
//! input is ever truncated to fit: it is refused with a message that names the limit.
//! The mapping rules and what does not survive each format are in docs/interchange.md.

pub mod greenhouse;
pub mod link;
pub mod markdown;
pub mod migrate;

use std::fmt;

use serde_json::Value;

use super::rubric::Rubric;
use super::scorecard::{Scorecard, ScorecardError, MAX_DOCUMENT_BYTES};

pub use greenhouse::{
    export_greenhouse, import_greenhouse, import_greenhouse_value, AttributeMapping, GreenhouseImport, MatchKind,
};
pub use link::{decode_link, encode_link, encode_link_url, LinkError, LINK_PREFIX, MAX_LINK_CHARS};
pub use markdown::export_markdown;
pub use migrate::migrate;

/// What an exported tag that the interviewer has not confirmed (a [`TagSource::Suggested`] one)
/// says of itself, in the Greenhouse and Markdown exports, so that nobody reading the ATS takes
/// the classifier's guess for the interviewer's judgement.
///
/// [`TagSource::Suggested`]: super::scorecard::TagSource::Suggested
pub const UNCONFIRMED: &str = "suggested, not confirmed";

/// What an exported observation's tag says in parentheses: its level label, with [`UNCONFIRMED`]
/// after it when `unconfirmed`; `None` when there is nothing to say.
pub(crate) fn tag_words(level: Option<&str>, unconfirmed: bool) -> Option<String> {
    match (level, unconfirmed) {
        (None, false) => None,
        (Some(level), false) => Some(level.to_string()),
        (None, true) => Some(UNCONFIRMED.to_string()),
        (Some(level), true) => Some(format!("{level}; {UNCONFIRMED}")),
    }
}

/// The level an exported observation shows, as the widget shows it: none when it has none, nor
/// when its tag is a suggestion whose level the classifier cannot tell (a guess an older file
/// stored: the engine counts it for no level, `engine::recommend_read`, and the page shows
/// "Level?").
pub(crate) fn shown_level<'a>(o: &super::scorecard::Observation, rubric: &'a super::Rubric) -> Option<&'a str> {
    let guess = o.source == super::scorecard::TagSource::Suggested
        && super::classifier::classify(&o.text).is_ok_and(|c| c.level_unsure());
    (o.level != super::scorecard::Rating::NotAssessed && !guess).then(|| rubric.level_label(o.level))
}

/// Why an import failed. `Display` gives one line meant for people, naming the field at fault:
///
/// - `TooLarge`: `document is 2000000 bytes; the limit is 1048576`
/// - `NotJson`: `not JSON: expected value at line 1 column 1`
/// - `Invalid`: `ratings.technical_expertise.level: unknown level "great"; expected ...`
///   (the path is omitted when the whole document is at fault)
/// - `Link`: `share link is truncated: ...` (see [`LinkError`])
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The input is larger than the limit; nothing was parsed.
    TooLarge {
        /// What was too large, such as "document" or "Greenhouse scorecard".
        what: &'static str,
        /// Its size in bytes.
        bytes: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The input is not JSON. `line` and `column` are 1-based, as serde_json counts them.
    NotJson {
        /// The line of the first error.
        line: usize,
        /// The column of the first error.
        column: usize,
        /// The reader's description, which already ends with "at line L column C".
        message: String,
    },
    /// The JSON does not fit the format: the field path and what was expected.
    Invalid(ScorecardError),
    /// A share link that cannot be decoded.
    Link(LinkError),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { what, bytes, limit } => write!(f, "{what} is {bytes} bytes; the limit is {limit}"),
            ImportError::NotJson { message, .. } => write!(f, "not JSON: {message}"),
            ImportError::Invalid(e) => write!(f, "{e}"),
            ImportError::Link(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ImportError {}

impl From<ScorecardError> for ImportError {
    fn from(e: ScorecardError) -> Self {
        ImportError::Invalid(e)
    }
}

impl From<LinkError> for ImportError {
    fn from(e: LinkError) -> Self {
        ImportError::Link(e)
    }
}

impl ImportError {
    /// A shorthand for an [`ImportError::Invalid`] at a field path.
    pub fn invalid(path: impl Into<String>, message: impl Into<String>) -> Self {
        ImportError::Invalid(ScorecardError::new(path, message))
    }
}

/// Which format an input holds, as [`detect`] sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A scorecard document (any version this build can migrate).
    Scorecard,
    /// A Greenhouse Harvest scorecard object, or a list holding one.
    Greenhouse,
}

/// True when an observation's text carries a bias risk (age, family, origin, appearance...).
/// The exports bound for an applicant tracking system or a debrief (Greenhouse, Markdown) leave
/// such observations out, as the printed scorecard does: they are not evidence, and the widget
/// never tags them. The scorecard document and share links keep them: they are the
/// interviewer's own record.
pub fn bias_risk(o: &super::scorecard::Observation) -> bool {
    text_bias_risk(&o.text)
}

/// True when a text (an observation, or a capability's evidence note) carries a bias risk.
pub fn text_bias_risk(text: &str) -> bool {
    super::classifier::has_bias_risk(&super::classifier::detect_flags(text))
}

/// True when an observation's text is flagged as an impression rather than behaviour ("seems
/// really smart", "great attitude") and carries no bias risk: the Greenhouse export leaves it
/// out of Key Take-Aways, since the widget itself says it is not evidence of behaviour.
pub fn impression(o: &super::scorecard::Observation) -> bool {
    let flags = super::classifier::detect_flags(&o.text);
    !flags.is_empty() && !super::classifier::has_bias_risk(&flags)
}

/// What the exports bound for an ATS or a debrief leave out of a card as a bias risk: the
/// number of observations, and the names of the capabilities whose evidence note is left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BiasLeftOut {
    pub observations: usize,
    pub notes: Vec<String>,
}

impl BiasLeftOut {
    /// Reads the card with `flagged`, which says whether one text has a bias risk (the core's
    /// [`text_bias_risk`], or the widget's on-demand classifier).
    pub fn of(card: &super::scorecard::Scorecard, rubric: &super::Rubric, flagged: impl Fn(&str) -> bool) -> Self {
        BiasLeftOut {
            observations: card.observations.iter().filter(|o| flagged(&o.text)).count(),
            notes: rubric.capabilities.iter().filter(|c| flagged(card.note(&c.id))).map(|c| c.name.clone()).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.observations == 0 && self.notes.is_empty()
    }

    /// "2 observations and the evidence for Business Impact", or None when nothing is left out.
    pub fn summary(&self) -> Option<String> {
        let mut parts = Vec::new();
        if self.observations > 0 {
            parts.push(format!("{} observation{}", self.observations, if self.observations == 1 { "" } else { "s" }));
        }
        if !self.notes.is_empty() {
            parts.push(format!("the evidence for {}", super::engine::join_names(self.notes.clone())));
        }
        (!parts.is_empty()).then(|| parts.join(" and "))
    }
}

/// The text of a file's bytes, as the command-line tool and the page's file inputs both read a
/// file: UTF-8, as JSON exchanged between systems is (RFC 8259), without its byte-order mark.
/// Anything else is refused, never read with replacement characters: UTF-16 (what Windows
/// editors call "Unicode") by name, other bytes by the first (1-based) that is not UTF-8; both
/// say how to fix it.
pub fn decode_text(bytes: &[u8]) -> Result<String, String> {
    if let [0xff, 0xfe, ..] | [0xfe, 0xff, ..] = bytes {
        return Err("UTF-16 text; save it as UTF-8".to_string());
    }
    // Bytes are counted in the file, its mark included.
    let (mark, text) = bytes.strip_prefix("\u{feff}".as_bytes()).map_or((0, bytes), |rest| (3, rest));
    std::str::from_utf8(text)
        .map(str::to_string)
        .map_err(|e| format!("not UTF-8 text (byte {}); save it as UTF-8", mark + e.valid_up_to() + 1))
}

/// Parses JSON text after checking its size against [`MAX_DOCUMENT_BYTES`].
///
/// [`crate::core::json`] refuses nesting deeper than 127 levels, so parsing is bounded too.
pub fn parse_json(text: &str, what: &'static str) -> Result<Value, ImportError> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(ImportError::TooLarge { what, bytes: text.len(), limit: MAX_DOCUMENT_BYTES });
    }
    // A byte-order mark is what some editors put first; it is not content.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    super::json::parse(text).map_err(|e| ImportError::NotJson {
        line: e.line,
        column: e.column,
        message: e.to_string(),
    })
}

/// Reads a scorecard document: size check, parse, [`migrate`], then validation against the rubric.
///
/// This is what the widget's "Import" and the command-line tool call for scorecard JSON.
pub fn import_json(text: &str, rubric: &Rubric) -> Result<Scorecard, ImportError> {
    let value = parse_json(text, "document")?;
    import_value(value, rubric)
}

/// Migrates and validates an already parsed scorecard document.
pub fn import_value(value: Value, rubric: &Rubric) -> Result<Scorecard, ImportError> {
    Ok(read_value(value, rubric)?)
}

/// [`import_value`] with its error as it comes: a [`ScorecardError`], which `import_value` wraps
/// as [`ImportError::Invalid`] (the same message).
///
/// [`read_value`] and [`read_json`] are for the widget, which reads scorecard documents (drafts,
/// a host's value) but never share links: those are read by its on-demand module. Formatting an
/// [`ImportError`] would bring [`LinkError`]'s messages, and with them `char`'s `Debug` and its
/// Unicode tables, into the widget's first download (BENCHMARKS.md, "Size").
pub fn read_value(value: Value, rubric: &Rubric) -> Result<Scorecard, ScorecardError> {
    let value = migrate(value)?;
    Scorecard::from_value(&value, rubric)?.within_limit()
}

/// [`import_json`] with its error as a [`ScorecardError`] that reads the same as the
/// [`ImportError`] would (see [`read_value`]; a path-less error for the size and JSON checks).
pub fn read_json(text: &str, rubric: &Rubric) -> Result<Scorecard, ScorecardError> {
    let value = parse_json(text, "document").map_err(|e| match e {
        ImportError::TooLarge { what, bytes, limit } => {
            ScorecardError::new("", format!("{what} is {bytes} bytes; the limit is {limit}"))
        }
        ImportError::NotJson { message, .. } => ScorecardError::new("", format!("not JSON: {message}")),
        // `parse_json` returns neither of these.
        ImportError::Invalid(e) => e,
        ImportError::Link(_) => ScorecardError::new("", "not a scorecard document"),
    })?;
    read_value(value, rubric)
}

/// The scorecard as pretty JSON in the current version; [`import_json`] reads it back unchanged.
pub fn export_json(card: &Scorecard) -> String {
    card.to_json()
}

/// Tells which format a parsed value holds, or says what it looks like instead.
pub fn detect(value: &Value) -> Result<Format, ImportError> {
    let obj = match value {
        Value::Object(o) => o,
        Value::Array(items) if items.first().is_some_and(|v| v.get("attributes").is_some()) => {
            return Ok(Format::Greenhouse)
        }
        other => {
            return Err(ImportError::invalid(
                "",
                format!(
                    "expected a scorecard document or a Greenhouse scorecard object, found {}",
                    super::scorecard::kind(other)
                ),
            ))
        }
    };
    if obj.contains_key("format") || obj.contains_key("version") {
        Ok(Format::Scorecard)
    } else if obj.contains_key("attributes") || obj.contains_key("overall_recommendation") {
        Ok(Format::Greenhouse)
    } else {
        Err(ImportError::invalid(
            "",
            "neither a scorecard document (no \"format\" field) nor a Greenhouse scorecard (no \"attributes\" field)",
        ))
    }
}

/// What [`import_auto`] read: the scorecard, its format, and for Greenhouse input how each
/// attribute was mapped (empty for a scorecard document).
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The format the input was in.
    pub format: Format,
    /// The scorecard, validated against the rubric.
    pub card: Scorecard,
    /// For Greenhouse input, one entry per attribute in input order.
    pub mappings: Vec<AttributeMapping>,
    /// For Greenhouse input, what was left out and why (private notes, unknown ratings).
    pub warnings: Vec<String>,
}

/// Reads a scorecard document or a Greenhouse scorecard object, whichever the text holds.
///
/// The widget's import box calls this so a user can paste either without choosing.
pub fn import_auto(text: &str, rubric: &Rubric) -> Result<Imported, ImportError> {
    let value = parse_json(text, "document")?;
    match detect(&value)? {
        Format::Scorecard => Ok(Imported {
            format: Format::Scorecard,
            card: import_value(value, rubric)?,
            mappings: Vec::new(),
            warnings: Vec::new(),
        }),
        Format::Greenhouse => {
            let g = import_greenhouse_value(&value, rubric)?;
            Ok(Imported { format: Format::Greenhouse, card: g.card, mappings: g.mappings, warnings: g.warnings })
        }
    }
}
