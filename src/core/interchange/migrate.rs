//! Document versions and the migration of older ones to the current version.
//!
//! Every scorecard document carries `"version"`. This build writes [`VERSION`] and reads every
//! version from 0 up to it: [`migrate`] rewrites an older document step by step, one version at a
//! time, as plain JSON, and [`Scorecard::from_value`](crate::core::Scorecard::from_value) then
//! validates the result. A newer version is refused with a message saying which release reads it.
//!
//! Version 0 is the pre-release draft shape, kept so that drafts saved by early builds open:
//!
//! ```json
//! { "format": "interview-scorecard", "version": 0,
//!   "rubric": "l4-senior-software-engineer",
//!   "candidate": "Ada Lovelace", "interviewer": "Grace Hopper",
//!   "step": "System design", "date": "2024-05-01",
//!   "ratings": { "technical_expertise": "meets" },
//!   "notes": { "technical_expertise": "Designed the cache layer." },
//!   "observations": [ "Asked about failure modes first." ],
//!   "submitted_at": null }
//! ```
//!
//! Version 1 nests each note with its rating (`ratings.X = {level, note}`), moves `step` and
//! `date` into `interview`, makes `rubric` an object `{id, version}`, and makes each observation
//! an object with an `id`. The full mapping is in docs/interchange.md.

use serde_json::{Map, Value};

use crate::core::scorecard::{clip, expected, ScorecardError, FORMAT, VERSION};

/// The oldest document version this build migrates.
pub const OLDEST_VERSION: u64 = 0;

/// Brings a scorecard document to the current [`VERSION`].
///
/// A current document is returned unchanged. A value that is not a scorecard document at all
/// (not an object, another `format`, a `version` that is not a whole number) is also returned
/// unchanged, so that validation reports it with its usual message. A version newer than
/// [`VERSION`] is refused.
pub fn migrate(value: Value) -> Result<Value, ScorecardError> {
    let mut value = value;
    let Some(version) = document_version(&value) else {
        return Ok(value);
    };
    if version > VERSION {
        return Err(newer_version(version));
    }
    let mut at = version;
    while at < VERSION {
        value = match at {
            0 => v0_to_v1(value)?,
            // Every version below VERSION has a step above; this arm is never reached.
            _ => return Err(ScorecardError::new("version", format!("no migration from version {at}"))),
        };
        at += 1;
    }
    Ok(value)
}

/// The message for a document written by a newer build, shared with every import path.
pub fn newer_version(version: u64) -> ScorecardError {
    ScorecardError::new(
        "version",
        format!(
            "version {version} was written by a newer Scorecard; this one ({}) reads versions {OLDEST_VERSION} to {VERSION}. \
             Open it with a Scorecard release that reads version {version}.",
            env!("CARGO_PKG_VERSION")
        ),
    )
}

/// The version of a scorecard document, or `None` when the value is not one this module should
/// touch.
fn document_version(value: &Value) -> Option<u64> {
    let obj = value.as_object()?;
    if obj.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return None;
    }
    // 1.0 is 1, as JSON Schema reads it (see `whole_number`).
    obj.get("version").and_then(crate::core::scorecard::whole_value)
}

/// Version 0 (the draft shape) to version 1.
fn v0_to_v1(value: Value) -> Result<Value, ScorecardError> {
    let Value::Object(mut old) = value else {
        return Err(ScorecardError::new("", "expected a JSON object"));
    };
    // Fields are taken out of `old` with `get_mut(..).map(Value::take)` rather than `remove`:
    // the same values, and the widget links no `BTreeMap` removal for serde_json's maps.
    let mut new = Map::new();
    new.insert("format".into(), FORMAT.into());
    new.insert("version".into(), 1.into());

    // The rubric was named by its id alone.
    match old.get_mut("rubric").map(Value::take) {
        Some(Value::String(id)) => {
            let mut r = Map::new();
            r.insert("id".into(), Value::String(id));
            new.insert("rubric".into(), Value::Object(r));
        }
        Some(Value::Null) | None => {}
        Some(other) => return Err(v0_error("rubric", expected("the rubric id as a string", &other))),
    }

    // People were names; version 1 still accepts a plain name, so they are carried over as they are.
    for field in ["candidate", "interviewer", "submitted_at"] {
        if let Some(v) = old.get_mut(field).map(Value::take) {
            new.insert(field.into(), v);
        }
    }

    // The step and date were top-level fields.
    let mut interview = Map::new();
    for field in ["step", "date"] {
        match old.get_mut(field).map(Value::take) {
            Some(Value::String(s)) => {
                interview.insert(field.into(), Value::String(s));
            }
            Some(Value::Null) | None => {}
            Some(other) => return Err(v0_error(field, expected("a string", &other))),
        }
    }
    if !interview.is_empty() {
        new.insert("interview".into(), Value::Object(interview));
    }

    // Ratings were a flat map of level ids; notes lived in a map of their own.
    let mut ratings = Map::new();
    match old.get_mut("ratings").map(Value::take) {
        Some(Value::Object(flat)) => {
            for (cap, level) in flat {
                let level = match level {
                    Value::String(s) => Value::String(s),
                    Value::Null => Value::Null,
                    other => {
                        return Err(v0_error(
                            &format!("ratings.{}", clip(&cap)),
                            expected("a level such as \"meets\"", &other),
                        ))
                    }
                };
                let mut entry = Map::new();
                entry.insert("level".into(), level);
                ratings.insert(cap, Value::Object(entry));
            }
        }
        Some(Value::Null) | None => {}
        Some(other) => return Err(v0_error("ratings", expected("an object of levels keyed by capability id", &other))),
    }
    match old.get_mut("notes").map(Value::take) {
        Some(Value::Object(notes)) => {
            for (cap, note) in notes {
                let note = match note {
                    Value::String(s) => s,
                    Value::Null => continue,
                    other => return Err(v0_error(&format!("notes.{}", clip(&cap)), expected("a string", &other))),
                };
                let entry = ratings.entry(cap).or_insert_with(|| Value::Object(Map::new()));
                if let Value::Object(e) = entry {
                    e.insert("note".into(), Value::String(note));
                }
            }
        }
        Some(Value::Null) | None => {}
        Some(other) => return Err(v0_error("notes", expected("an object of notes keyed by capability id", &other))),
    }
    new.insert("ratings".into(), Value::Object(ratings));

    // Observations were plain strings; objects (written by late drafts) are kept as they are.
    match old.get_mut("observations").map(Value::take) {
        Some(Value::Array(items)) => {
            let mut list = Vec::with_capacity(items.len());
            for (i, item) in items.into_iter().enumerate() {
                match item {
                    Value::String(text) => {
                        let mut o = Map::new();
                        o.insert("id".into(), Value::String(format!("o{}", i + 1)));
                        o.insert("text".into(), Value::String(text));
                        list.push(Value::Object(o));
                    }
                    obj @ Value::Object(_) => list.push(obj),
                    other => {
                        return Err(v0_error(&format!("observations[{i}]"), expected("a string or an object", &other)))
                    }
                }
            }
            new.insert("observations".into(), Value::Array(list));
        }
        Some(Value::Null) | None => {}
        Some(other) => return Err(v0_error("observations", expected("a list", &other))),
    }
    Ok(Value::Object(new))
}

fn v0_error(path: &str, message: String) -> ScorecardError {
    ScorecardError::new(path, format!("{message} (reading a version 0 draft)"))
}
