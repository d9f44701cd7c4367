//! The scorecard document: the versioned JSON format integrators rely on.
//!
//! Input is read field by field from a `serde_json::Value` rather than through a derived
//! deserializer, so that every error names the field at fault
//! (`ratings.technical_expertise.level: unknown level "great"`). Only `format`, `version` and
//! `ratings` are required; a hand-written file works. Output is always the full, current version.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::rubric::Rubric;

/// The format marker of every scorecard document.
pub const FORMAT: &str = "interview-scorecard";
/// The newest document version this build writes and reads.
pub const VERSION: u64 = 1;

/// Limits on what a document may hold; larger input is refused with a message, never truncated.
pub const MAX_DOCUMENT_BYTES: usize = 1024 * 1024;
/// The longest note or observation text accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 10_000;
/// The most observations one scorecard may carry.
pub const MAX_OBSERVATIONS: usize = 500;
/// The longest name, id or step field, in characters.
pub const MAX_FIELD_CHARS: usize = 200;

/// A rating of one capability. Ordered: `NotAssessed < NeedsImprovement < Meets < Exceeds`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    #[default]
    NotAssessed,
    NeedsImprovement,
    Meets,
    Exceeds,
}

impl Rating {
    /// The three rated levels, lowest first.
    pub const LEVELS: [Rating; 3] = [Rating::NeedsImprovement, Rating::Meets, Rating::Exceeds];
    /// All four values, lowest first.
    pub const ALL: [Rating; 4] = [Rating::NotAssessed, Rating::NeedsImprovement, Rating::Meets, Rating::Exceeds];

    /// The stable id used in files.
    pub fn id(self) -> &'static str {
        match self {
            Rating::NotAssessed => "not_assessed",
            Rating::NeedsImprovement => "needs_improvement",
            Rating::Meets => "meets",
            Rating::Exceeds => "exceeds",
        }
    }

    /// A default display label.
    pub fn label(self) -> &'static str {
        match self {
            Rating::NotAssessed => "Not assessed",
            Rating::NeedsImprovement => "Needs Improvement",
            Rating::Meets => "Meets Expectations",
            Rating::Exceeds => "Exceeds Expectations",
        }
    }

    /// Parses a stable id.
    pub fn from_id(id: &str) -> Option<Rating> {
        Rating::ALL.into_iter().find(|r| r.id() == id)
    }

    /// Points in the engine's score: needs improvement 0, meets 1, exceeds 2; none if unrated.
    pub fn points(self) -> Option<f64> {
        match self {
            Rating::NotAssessed => None,
            Rating::NeedsImprovement => Some(0.0),
            Rating::Meets => Some(1.0),
            Rating::Exceeds => Some(2.0),
        }
    }
}

/// Who a person on the scorecard is. Both fields are optional; `name` is what people see.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
}

impl Person {
    /// The id if there is one, else the name, without the spaces around it: what groups
    /// scorecards by person. A name of spaces only names nobody (empty).
    pub fn key(&self) -> &str {
        let id = self.id.trim();
        if id.is_empty() {
            self.name.trim()
        } else {
            id
        }
    }

    /// The name if there is one, else the id: how a page names the person.
    pub fn display_name(&self) -> &str {
        if self.name.trim().is_empty() {
            &self.id
        } else {
            &self.name
        }
    }

    /// True when neither id nor name is set.
    pub fn is_empty(&self) -> bool {
        self.id.is_empty() && self.name.is_empty()
    }
}

/// The interview this scorecard is for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interview {
    /// The step's name, such as "System design".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub step: String,
    /// The interview date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
}

/// Which rubric (and which version of it) the scorecard was made against.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RubricRef {
    pub id: String,
    pub version: u32,
}

/// The rating of one capability and the interviewer's evidence note.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingEntry {
    pub level: Rating,
    #[serde(default)]
    pub note: String,
    /// Drafted from the observations and not yet confirmed by the interviewer (`"drafted":
    /// true`, written only when true). A submitted scorecard holds none: the reader refuses one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub drafted: bool,
}

/// Who set an observation's tag.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TagSource {
    /// Suggested by the classifier and not yet confirmed.
    #[default]
    Suggested,
    /// Set or confirmed by the interviewer; never overwritten by a suggestion.
    Interviewer,
}

/// One thing the interviewer observed, tagged with a capability and a level.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    /// Unique within the scorecard.
    pub id: String,
    pub text: String,
    /// The capability it is evidence for, if tagged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capability: Option<String>,
    /// The level it reads as; `NotAssessed` when untagged.
    #[serde(default)]
    pub level: Rating,
    /// Who set the tag.
    #[serde(default)]
    pub source: TagSource,
}

/// A scorecard: one interviewer's ratings of one candidate for one interview step.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    pub format: String,
    pub version: u64,
    pub rubric: RubricRef,
    pub candidate: Person,
    pub interviewer: Person,
    pub interview: Interview,
    /// Keyed by capability id; a capability absent here is `not_assessed`.
    pub ratings: Ratings,
    pub observations: Vec<Observation>,
    /// Time of submission, an RFC 3339 date-time such as `2026-11-25T20:16:32.123Z` (see
    /// [`is_date_time`]); `None` while a draft.
    pub submitted_at: Option<String>,
}

/// A scorecard's ratings keyed by capability id, sorted by it: a map over a list. A rubric has
/// a handful of capabilities, and the widget links no `BTreeMap` code for them (BENCHMARKS.md,
/// "Size"). Written and read as a JSON object.
#[derive(Clone, Default, PartialEq)]
pub struct Ratings(Vec<(String, RatingEntry)>);

impl Ratings {
    fn find(&self, capability: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(capability))
    }

    pub fn get(&self, capability: &str) -> Option<&RatingEntry> {
        self.find(capability).ok().map(|i| &self.0[i].1)
    }

    pub fn get_mut(&mut self, capability: &str) -> Option<&mut RatingEntry> {
        self.find(capability).ok().map(|i| &mut self.0[i].1)
    }

    /// The entry of a capability, added empty (not assessed, no note) when absent.
    pub fn slot(&mut self, capability: &str) -> &mut RatingEntry {
        let i = self.find(capability).unwrap_or_else(|i| {
            self.0.insert(i, (capability.to_string(), RatingEntry::default()));
            i
        });
        &mut self.0[i].1
    }

    /// Sets a capability's entry, returning the one it replaces.
    pub fn insert(&mut self, capability: String, entry: RatingEntry) -> Option<RatingEntry> {
        match self.find(&capability) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, entry)),
            Err(i) => {
                self.0.insert(i, (capability, entry));
                None
            }
        }
    }

    pub fn remove(&mut self, capability: &str) -> Option<RatingEntry> {
        self.find(capability).ok().map(|i| self.0.remove(i).1)
    }

    /// The entries in capability-id order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &RatingEntry)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut RatingEntry> {
        self.0.iter_mut().map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn clear(&mut self) {
        self.0.clear()
    }

    /// The capabilities whose rating is drafted and not yet confirmed, in id order.
    pub fn drafted(&self) -> impl Iterator<Item = &String> {
        self.iter().filter(|(_, e)| e.drafted).map(|(c, _)| c)
    }

    /// Takes the drafted marks off every rating, returning their capabilities (the scorer keeps
    /// them in its own list while a card is on screen).
    pub fn take_drafted(&mut self) -> Vec<String> {
        let ids = self.drafted().cloned().collect();
        self.values_mut().for_each(|e| e.drafted = false);
        ids
    }
}

impl<'a> IntoIterator for &'a Ratings {
    type Item = (&'a String, &'a RatingEntry);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, RatingEntry)>,
        fn(&'a (String, RatingEntry)) -> (&'a String, &'a RatingEntry),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl FromIterator<(String, RatingEntry)> for Ratings {
    /// A later entry for the same capability replaces an earlier one, as in a map.
    fn from_iter<I: IntoIterator<Item = (String, RatingEntry)>>(entries: I) -> Self {
        let mut ratings = Ratings::default();
        for (k, v) in entries {
            ratings.insert(k, v);
        }
        ratings
    }
}

impl fmt::Debug for Ratings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Serialize for Ratings {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for Ratings {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(std::collections::BTreeMap::<String, RatingEntry>::deserialize(d)?.into_iter().collect())
    }
}

/// What is wrong with a scorecard document, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScorecardError {
    /// The field path, such as `ratings.technical_expertise.level`; empty for the whole document.
    pub path: String,
    /// What was expected and what was found.
    pub message: String,
}

impl ScorecardError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        ScorecardError { path: path.into(), message: message.into() }
    }
}

impl fmt::Display for ScorecardError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for ScorecardError {}

impl Scorecard {
    /// An empty draft against a rubric.
    pub fn new(rubric: &Rubric) -> Self {
        Scorecard {
            format: FORMAT.into(),
            version: VERSION,
            rubric: RubricRef { id: rubric.id.clone(), version: rubric.version },
            ..Scorecard::default()
        }
    }

    /// The rating of a capability (`NotAssessed` when absent).
    pub fn rating(&self, capability: &str) -> Rating {
        self.ratings.get(capability).map_or(Rating::NotAssessed, |r| r.level)
    }

    /// The note of a capability ("" when absent).
    pub fn note(&self, capability: &str) -> &str {
        self.ratings.get(capability).map_or("", |r| r.note.as_str())
    }

    /// Fills in what this document leaves out from `open`, the card it replaces on screen: the
    /// candidate and interviewer (each when it names nobody), the step and the date (when
    /// empty). A minimal document (an import, a host's `setValue`) must not blank what the card
    /// shows, nor move it to a nameless draft's key.
    pub fn fill_missing_from(&mut self, open: &Scorecard) {
        if self.candidate.key().is_empty() {
            self.candidate = open.candidate.clone();
        }
        if self.interviewer.key().is_empty() {
            self.interviewer = open.interviewer.clone();
        }
        if self.interview.step.trim().is_empty() {
            self.interview.step = open.interview.step.clone();
        }
        if self.interview.date.is_empty() {
            self.interview.date = open.interview.date.clone();
        }
    }

    /// True when the interviewer has written nothing that leaving the card would lose: nothing
    /// rated, noted or observed, no candidate and no interview step. (The interviewer's name and
    /// the date are filled in on every new card; a card prepared ahead, named with no rating
    /// yet, is not blank.)
    pub fn is_blank(&self) -> bool {
        self.ratings.is_empty()
            && self.observations.is_empty()
            && self.candidate.key().is_empty()
            && self.interview.step.trim().is_empty()
    }

    /// Observations tagged with a capability.
    pub fn observations_for<'a>(&'a self, capability: &'a str) -> impl Iterator<Item = &'a Observation> + 'a {
        self.observations.iter().filter(move |o| o.capability.as_deref() == Some(capability))
    }

    /// The document as pretty JSON, in the current version.
    pub fn to_json(&self) -> String {
        super::json::write(&self.to_value(), true)
    }

    /// The document as a JSON value, omitting empty optional parts.
    ///
    /// Written out field by field rather than through the derived `Serialize` impls (which give
    /// the same value; a test compares them): the widget calls this on every change, and the
    /// derived code through serde's value serializer costs it kilobytes of wasm.
    pub fn to_value(&self) -> Value {
        let text = |s: &str| Value::String(s.to_string());
        let fields = |pairs: &[(&str, &str)]| {
            let mut m = Map::new();
            for (k, v) in pairs.iter().filter(|(_, v)| !v.is_empty()) {
                m.insert((*k).to_string(), text(v));
            }
            Value::Object(m)
        };
        let mut m = Map::new();
        m.insert("format".into(), FORMAT.into());
        m.insert("version".into(), VERSION.into());
        if !self.rubric.id.is_empty() {
            let mut r = Map::new();
            r.insert("id".into(), text(&self.rubric.id));
            r.insert("version".into(), self.rubric.version.into());
            m.insert("rubric".into(), Value::Object(r));
        }
        if !self.candidate.is_empty() {
            m.insert("candidate".into(), fields(&[("id", &self.candidate.id), ("name", &self.candidate.name)]));
        }
        if !self.interviewer.is_empty() {
            m.insert("interviewer".into(), fields(&[("id", &self.interviewer.id), ("name", &self.interviewer.name)]));
        }
        if self.interview != Interview::default() {
            m.insert("interview".into(), fields(&[("step", &self.interview.step), ("date", &self.interview.date)]));
        }
        let mut ratings = Map::new();
        for (capability, entry) in &self.ratings {
            let mut e = Map::new();
            e.insert("level".into(), text(entry.level.id()));
            e.insert("note".into(), text(&entry.note));
            if entry.drafted {
                e.insert("drafted".into(), Value::Bool(true));
            }
            ratings.insert(capability.clone(), Value::Object(e));
        }
        m.insert("ratings".into(), Value::Object(ratings));
        let observations = self
            .observations
            .iter()
            .map(|o| {
                let mut e = Map::new();
                e.insert("id".into(), text(&o.id));
                e.insert("text".into(), text(&o.text));
                if let Some(c) = &o.capability {
                    e.insert("capability".into(), text(c));
                }
                e.insert("level".into(), text(o.level.id()));
                e.insert(
                    "source".into(),
                    text(match o.source {
                        TagSource::Suggested => "suggested",
                        TagSource::Interviewer => "interviewer",
                    }),
                );
                Value::Object(e)
            })
            .collect();
        m.insert("observations".into(), Value::Array(observations));
        m.insert("submitted_at".into(), self.submitted_at.as_ref().map_or(Value::Null, |s| Value::String(s.clone())));
        Value::Object(m)
    }

    /// The card, if the document this app writes of it (a saved draft, a download) is within
    /// [`MAX_DOCUMENT_BYTES`], the limit every reader holds a document to: a card read from a
    /// value (a host's, compact JSON, a Greenhouse object) could be larger written out, and then
    /// be saved and never read back.
    #[inline(never)]
    pub fn within_limit(self) -> Result<Scorecard, ScorecardError> {
        let bytes = self.to_json().len();
        if bytes > MAX_DOCUMENT_BYTES {
            return Err(ScorecardError::new(
                "",
                format!("document is {bytes} bytes as this app writes it; the limit is {MAX_DOCUMENT_BYTES}"),
            ));
        }
        Ok(self)
    }

    /// Parses a document and checks it against a rubric.
    pub fn from_json(text: &str, rubric: &Rubric) -> Result<Scorecard, ScorecardError> {
        if text.len() > MAX_DOCUMENT_BYTES {
            return Err(ScorecardError::new(
                "",
                format!("document is {} bytes; the limit is {MAX_DOCUMENT_BYTES}", text.len()),
            ));
        }
        let value = super::json::parse(text).map_err(|e| ScorecardError::new("", format!("not JSON: {e}")))?;
        Scorecard::from_value(&value, rubric)
    }

    /// Reads a document from a JSON value and checks it against a rubric.
    pub fn from_value(value: &Value, rubric: &Rubric) -> Result<Scorecard, ScorecardError> {
        let obj = value.as_object().ok_or_else(|| ScorecardError::new("", expected("a JSON object", value)))?;
        match obj.get("format") {
            Some(Value::String(f)) if f == FORMAT => {}
            Some(Value::String(f)) => {
                return Err(ScorecardError::new("format", format!("expected \"{FORMAT}\", found \"{}\"", clip(f))))
            }
            Some(other) => return Err(ScorecardError::new("format", expected("a string", other))),
            None => return Err(ScorecardError::new("format", format!("missing; expected \"{FORMAT}\""))),
        }
        let version = match obj.get("version") {
            Some(Value::Number(n)) => match whole_number(n) {
                Some(v) if v >= 1 => v,
                // Every reader migrates a document first (`interchange::migrate`), which makes
                // version 0 a 1: only a caller that skips it gets here.
                Some(0) => {
                    return Err(ScorecardError::new("version", "version 0 is read through interchange::migrate"))
                }
                // From 0, as the readers take it. Written through the JSON writer
                // (`json::to_text`): `Number`'s `Display` would bring in the float formatter
                // (about 9 KB of wasm) for this one message.
                _ => {
                    return Err(ScorecardError::new(
                        "version",
                        format!(
                            "expected a whole number from 0, found {}",
                            super::json::to_text(&Value::Number(n.clone()))
                        ),
                    ))
                }
            },
            Some(other) => return Err(ScorecardError::new("version", expected("a number", other))),
            None => return Err(ScorecardError::new("version", "missing; expected a number such as 1")),
        };
        if version > VERSION {
            return Err(ScorecardError::new(
                "version",
                format!(
                    "version {version} was written by a newer Scorecard; this one reads versions 1 to {VERSION}. \
                     Open it with a Scorecard release that reads version {version}."
                ),
            ));
        }
        let mut card = Scorecard::new(rubric);
        if let Some(r) = obj.get("rubric") {
            let ro = r.as_object().ok_or_else(|| ScorecardError::new("rubric", expected("an object", r)))?;
            let id = opt_str(ro, "id", Parent::Field("rubric"))?;
            if !id.is_empty() && id != rubric.id {
                return Err(ScorecardError::new(
                    "rubric.id",
                    format!("this scorecard was made against rubric \"{}\", not \"{}\"", clip(&id), rubric.id),
                ));
            }
            if let Some(v) = ro.get("version") {
                card.rubric.version = whole_value(v)
                    .and_then(|v| u32::try_from(v).ok())
                    .ok_or_else(|| ScorecardError::new("rubric.version", expected("a whole number", v)))?;
            }
        }
        card.candidate = person(obj, "candidate")?;
        card.interviewer = person(obj, "interviewer")?;
        if let Some(i) = obj.get("interview") {
            let io = i.as_object().ok_or_else(|| ScorecardError::new("interview", expected("an object", i)))?;
            card.interview.step = opt_str(io, "step", Parent::Field("interview"))?;
            card.interview.date = opt_str(io, "date", Parent::Field("interview"))?;
            let date = &card.interview.date;
            match iso_date(date) {
                Some(true) => {}
                _ if date.is_empty() => {}
                // In the form, but no day ("2024-02-30", month 13): said so, not the form.
                shaped => {
                    return Err(ScorecardError::new(
                        "interview.date",
                        format!(
                            "expected {}, found \"{}\"",
                            if shaped.is_some() { "a day of the calendar" } else { "YYYY-MM-DD" },
                            clip(date)
                        ),
                    ))
                }
            }
        }
        let ratings = obj
            .get("ratings")
            .ok_or_else(|| ScorecardError::new("ratings", "missing; expected an object keyed by capability id"))?;
        let ratings = ratings
            .as_object()
            .ok_or_else(|| ScorecardError::new("ratings", expected("an object keyed by capability id", ratings)))?;
        for (cap, entry) in ratings {
            let at = Parent::Rating(cap);
            if rubric.capability(cap).is_none() {
                // (Pushed, not a `join` of `&str`s: the widget links `join` for `String`s only.)
                let mut message = String::from("unknown capability; expected one of ");
                for (i, c) in rubric.capabilities.iter().enumerate() {
                    if i > 0 {
                        message.push_str(", ");
                    }
                    message.push_str(&c.id);
                }
                return Err(ScorecardError::new(at.path(), message));
            }
            let eo = entry.as_object().ok_or_else(|| {
                ScorecardError::new(at.path(), expected("an object {\"level\": ..., \"note\": ...}", entry))
            })?;
            let level = match eo.get("level") {
                Some(Value::String(s)) => rating(s, at)?,
                Some(Value::Null) | None => Rating::NotAssessed,
                Some(other) => return Err(ScorecardError::new(at.sub("level"), expected("a string", other))),
            };
            let note = opt_text(eo, "note", at, MAX_TEXT_CHARS)?;
            let drafted = match eo.get("drafted") {
                Some(Value::Bool(b)) => *b && level != Rating::NotAssessed,
                Some(Value::Null) | None => false,
                Some(other) => return Err(ScorecardError::new(at.sub("drafted"), expected("true or false", other))),
            };
            if level != Rating::NotAssessed || !note.is_empty() {
                card.ratings.insert(cap.clone(), RatingEntry { level, note, drafted });
            }
        }
        if let Some(list) = obj.get("observations") {
            let arr = list.as_array().ok_or_else(|| ScorecardError::new("observations", expected("a list", list)))?;
            if arr.len() > MAX_OBSERVATIONS {
                return Err(ScorecardError::new(
                    "observations",
                    format!("{} observations; the limit is {MAX_OBSERVATIONS}", arr.len()),
                ));
            }
            // Ids given in the document, so that one made up for an observation without an id
            // never takes one of them ("o1" for the first, unless a later one is called "o1").
            let given: Vec<&str> = arr.iter().filter_map(|item| item.get("id").and_then(Value::as_str)).collect();
            for (i, item) in arr.iter().enumerate() {
                let at = Parent::Observation(i);
                let oo = item.as_object().ok_or_else(|| ScorecardError::new(at.path(), expected("an object", item)))?;
                let text = opt_text(oo, "text", at, MAX_TEXT_CHARS)?;
                if text.trim().is_empty() {
                    return Err(ScorecardError::new(at.sub("text"), "missing; an observation needs its text"));
                }
                let mut id = opt_str(oo, "id", at)?;
                if id.is_empty() {
                    let mut n = i + 1;
                    id = format!("o{n}");
                    while given.contains(&id.as_str()) || card.observations.iter().any(|o| o.id == id) {
                        n += 1;
                        id = format!("o{n}");
                    }
                }
                if card.observations.iter().any(|o| o.id == id) {
                    return Err(ScorecardError::new(
                        at.sub("id"),
                        format!("duplicate observation id \"{}\"", clip(&id)),
                    ));
                }
                let capability = match oo.get("capability") {
                    Some(Value::String(c)) if c.is_empty() => None,
                    Some(Value::String(c)) => {
                        if rubric.capability(c).is_none() {
                            return Err(ScorecardError::new(
                                at.sub("capability"),
                                format!("unknown capability \"{}\"", clip(c)),
                            ));
                        }
                        Some(c.clone())
                    }
                    Some(Value::Null) | None => None,
                    Some(other) => return Err(ScorecardError::new(at.sub("capability"), expected("a string", other))),
                };
                let level = match oo.get("level") {
                    Some(Value::String(s)) => rating(s, at)?,
                    Some(Value::Null) | None => Rating::NotAssessed,
                    Some(other) => return Err(ScorecardError::new(at.sub("level"), expected("a string", other))),
                };
                let source = match oo.get("source") {
                    Some(Value::String(s)) if s == "interviewer" => TagSource::Interviewer,
                    Some(Value::String(s)) if s == "suggested" => TagSource::Suggested,
                    Some(Value::Null) | None => TagSource::Suggested,
                    Some(other) => {
                        return Err(ScorecardError::new(
                            at.sub("source"),
                            format!("expected \"suggested\" or \"interviewer\", found {}", short(other)),
                        ))
                    }
                };
                card.observations.push(Observation { id, text, capability, level, source });
            }
        }
        card.submitted_at = match obj.get("submitted_at") {
            Some(Value::String(s)) if s.is_empty() => None,
            Some(Value::String(s)) if s.len() <= 64 && is_date_time(s) => Some(s.clone()),
            Some(Value::String(s)) => {
                return Err(ScorecardError::new(
                    "submitted_at",
                    format!("expected an ISO-8601 time such as 2024-05-01T14:00:00Z, found \"{}\"", clip(s)),
                ))
            }
            Some(Value::Null) | None => None,
            Some(other) => return Err(ScorecardError::new("submitted_at", expected("a string or null", other))),
        };
        // Submitting confirms every rating: a drafted one in a submitted card would be counted by
        // a committee as the interviewer's own.
        if let Some(cap) = card.ratings.drafted().next().filter(|_| card.submitted_at.is_some()) {
            return Err(ScorecardError::new(
                Parent::Rating(cap).sub("drafted"),
                "a submitted scorecard holds no drafted rating: confirm it (remove \"drafted\") or remove submitted_at",
            ));
        }
        Ok(card)
    }
}

/// The `level` of the rating or observation at `at`.
fn rating(s: &str, at: Parent<'_>) -> Result<Rating, ScorecardError> {
    Rating::from_id(s).ok_or_else(|| {
        ScorecardError::new(
            at.sub("level"),
            format!("unknown level \"{}\"; expected needs_improvement, meets, exceeds or not_assessed", clip(s)),
        )
    })
}

fn person(obj: &Map<String, Value>, field: &str) -> Result<Person, ScorecardError> {
    match obj.get(field) {
        None | Some(Value::Null) => Ok(Person::default()),
        // A plain string is accepted as the name, for hand-written files.
        Some(Value::String(name)) => {
            Ok(Person { id: String::new(), name: bounded(name, MAX_FIELD_CHARS, || field.to_string())? })
        }
        Some(Value::Object(o)) => {
            Ok(Person { id: opt_str(o, "id", Parent::Field(field))?, name: opt_str(o, "name", Parent::Field(field))? })
        }
        Some(other) => Err(ScorecardError::new(field, expected("an object {\"id\", \"name\"} or a name", other))),
    }
}

fn opt_str(obj: &Map<String, Value>, key: &str, at: Parent<'_>) -> Result<String, ScorecardError> {
    opt_text(obj, key, at, MAX_FIELD_CHARS)
}

/// The text field `key` of the object at `at`.
fn opt_text(obj: &Map<String, Value>, key: &str, at: Parent<'_>, max: usize) -> Result<String, ScorecardError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => bounded(s, max, || at.sub(key)),
        // Ids are often numbers in ATS exports; accept them as text (see `id_text`).
        Some(Value::Number(n)) if max == MAX_FIELD_CHARS => {
            id_text(n).ok_or_else(|| ScorecardError::new(at.sub(key), ID_DIGITS))
        }
        Some(other) => Err(ScorecardError::new(at.sub(key), expected("a string", other))),
    }
}

/// `s`, unless it is longer than `max` characters; `path` names it in the error.
fn bounded(s: &str, max: usize, path: impl FnOnce() -> String) -> Result<String, ScorecardError> {
    let n = s.chars().count();
    if n > max {
        return Err(ScorecardError::new(path(), format!("{n} characters; the limit is {max}")));
    }
    Ok(s.to_string())
}

/// A JSON number read as a whole number of 0 or more: `1`, and also `1.0` or `1e0`, which are the
/// same number (JSON Schema's `"type": "integer"` accepts them too). A fraction (`1.5`), a negative
/// number and one beyond `u64` are `None`.
pub fn whole_number(n: &serde_json::Number) -> Option<u64> {
    if let Some(v) = n.as_u64() {
        return Some(v);
    }
    let f = n.as_f64()?;
    // 2^64 is the first float above u64::MAX; `as` would saturate rather than refuse.
    ((0.0..18_446_744_073_709_551_616.0).contains(&f) && f.fract() == 0.0).then_some(f as u64)
}

/// A number given as an id, as text. A whole number reads the same however it is written
/// (pandas writes 1042 as 1042.0, and `1.042e3` is 1042 too), so one candidate stays one. `None`
/// ([`ID_DIGITS`] says why) for a fraction, for a whole number of 16 digits or more written
/// with a fraction or an exponent, and for any beyond 64 bits: those are read as a float, only
/// roughly (`json` reads 15 significant digits exactly), and an id read with other digits would
/// name someone else.
pub fn id_text(n: &serde_json::Number) -> Option<String> {
    if let Some(v) = n.as_u64() {
        return Some(v.to_string());
    }
    if let Some(v) = n.as_i64() {
        return Some(v.to_string());
    }
    let f = n.as_f64()?;
    (f.fract() == 0.0 && f.abs() < 1e15).then(|| (f as i64).to_string())
}

/// Why a number is not read as an id (see [`id_text`]).
pub const ID_DIGITS: &str =
    "a number that is not a whole number, or too large to keep its digits: write the id as a string, in quotes";

/// [`whole_number`] for any JSON value: `None` unless it is a whole number.
pub fn whole_value(v: &Value) -> Option<u64> {
    match v {
        Value::Number(n) => whole_number(n),
        _ => None,
    }
}

/// The object a field is read from: its path is spelled out only when an error names it, so
/// that reading a valid scorecard formats no path (a committee reads hundreds at once).
#[derive(Clone, Copy)]
enum Parent<'a> {
    /// A top-level field such as `interview` or `candidate`.
    Field(&'a str),
    /// `ratings.<capability>`.
    Rating(&'a str),
    /// `observations[<i>]`.
    Observation(usize),
}

impl Parent<'_> {
    fn path(self) -> String {
        match self {
            Parent::Field(f) => f.to_string(),
            Parent::Rating(cap) => format!("ratings.{}", clip(cap)),
            Parent::Observation(i) => format!("observations[{i}]"),
        }
    }

    /// `{path}.{key}`, the path of a field inside this object (one function for the reader's
    /// dozen, as [`expected`]).
    fn sub(self, key: &str) -> String {
        format!("{}.{key}", self.path())
    }
}

/// `expected {what}, found {the kind of v}`: the message for a field of the wrong JSON type.
/// One function for the readers' two dozen such messages rather than a `format!` each, which
/// the widget's first download would carry inline.
pub fn expected(what: &str, v: &Value) -> String {
    format!("expected {what}, found {}", kind(v))
}

/// Describes a JSON value's type for an error message.
pub fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn short(v: &Value) -> String {
    match v {
        Value::String(s) => format!("\"{}\"", clip(s)),
        other => kind(other).to_string(),
    }
}

/// Cuts a user-supplied string for quoting in an error message: at most 60 characters (then
/// `…`), with each control character (an escape, a NUL, a line break) and each invisible
/// formatting character (bidirectional overrides and isolates, zero-width spaces and joiners, a
/// byte-order mark) shown as its JSON escape (`\u001b`, `\u202e`), so no message can carry a
/// live terminal sequence, break a line, or show its text reordered or with hidden characters.
pub fn clip(s: &str) -> String {
    shown(s, 60)
}

/// `s` whole, each control and invisible formatting character escaped as [`clip`] escapes it:
/// for a name that must be shown in full, such as the path of a file the command-line tool
/// names in a message or in its output.
pub fn escape_hidden(s: &str) -> String {
    shown(s, usize::MAX)
}

/// [`clip`] at `max` characters.
fn shown(s: &str, max: usize) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        if c.is_control() || is_invisible_format(c) {
            // All of these are in the Basic Multilingual Plane: four hex digits.
            out.push_str("\\u");
            out.extend([12, 8, 4, 0].map(|shift| char::from_digit(((c as u32) >> shift) & 15, 16).unwrap_or('0')));
        } else {
            out.push(c);
        }
    }
    out
}

/// The characters that change how text around them is shown without showing themselves, or
/// break a line without being a control character: the soft hyphen, the Arabic letter mark,
/// the Mongolian vowel separator, zero-width space, non-joiner and joiner, the direction marks,
/// the line and paragraph separators, embeddings, overrides and isolates, the word joiner and
/// invisible operators, and the byte-order mark (zero-width no-break space).
fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{00ad}' | '\u{061c}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// User text (a name, a file name) made safe to set inside an isolate among other words: its
/// directional isolates balanced (a U+2069 POP DIRECTIONAL ISOLATE that closes nothing in it is
/// dropped, and one is added for each isolate it leaves open), and each paragraph separator a
/// space. Otherwise a stray U+2069 would close the isolate around it early, an isolate it opens
/// would run on past it, and a paragraph separator would end the isolate with the paragraph, and
/// its overrides could then reorder the words around it. Borrowed when nothing needs changing.
pub fn bidi_balanced(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(|c| matches!(c, '\u{2066}'..='\u{2069}') || is_paragraph_separator(c)) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 3);
    push_balanced(&mut out, s);
    std::borrow::Cow::Owned(out)
}

/// A character that ends a paragraph (or a line) where text is laid out: [`bidi_balanced`]
/// makes each a space.
fn is_paragraph_separator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{1c}'..='\u{1e}' | '\u{85}' | '\u{2029}')
}

/// Pushes `s` onto `out` as [`bidi_balanced`] returns it (one pass, for it and [`bidi_isolate`]).
fn push_balanced(out: &mut String, s: &str) {
    let mut open = 0usize;
    for c in s.chars() {
        out.push(match c {
            '\u{2066}'..='\u{2068}' => {
                open += 1;
                c
            }
            '\u{2069}' if open == 0 => continue,
            '\u{2069}' => {
                open -= 1;
                c
            }
            c if is_paragraph_separator(c) => ' ',
            c => c,
        });
    }
    for _ in 0..open {
        out.push('\u{2069}');
    }
}

/// User text set among other words in plain text (an attribute such as `title` or `aria-label`,
/// a status line), where no `<bdi>` can hold it: between U+2068 FIRST STRONG ISOLATE and U+2069
/// POP DIRECTIONAL ISOLATE, balanced as [`bidi_balanced`] does, when it holds anything that
/// could reorder the words around it (a direction mark, embedding, override or isolate, or a
/// right-to-left letter). Otherwise as it is, so that plain names stay plain text.
pub fn bidi_isolate(s: &str) -> std::borrow::Cow<'_, str> {
    let sensitive = |c: char| {
        matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2029}'
            | '\u{0590}'..='\u{08ff}' | '\u{fb1d}'..='\u{fdff}' | '\u{fe70}'..='\u{fefe}' | '\u{10800}'..='\u{10fff}' | '\u{1e800}'..='\u{1efff}')
    };
    if !s.chars().any(sensitive) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::from('\u{2068}');
    push_balanced(&mut out, s);
    out.push('\u{2069}');
    std::borrow::Cow::Owned(out)
}

/// The value of a run of ASCII digits; `None` if a byte is not a digit.
fn digits_value(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |n, &d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
}

/// True for `YYYY-MM-DD` naming a day that exists: February 29 only in leap years (divisible by
/// 4, except centuries not divisible by 400).
pub fn is_iso_date(s: &str) -> bool {
    iso_date(s) == Some(true)
}

/// For text in the form `YYYY-MM-DD`, whether it names a day that exists ([`is_iso_date`]);
/// `None` for other text.
fn iso_date(s: &str) -> Option<bool> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (year, month, day) = (digits_value(&b[0..4])?, digits_value(&b[5..7])?, digits_value(&b[8..10])?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    };
    Some((1..=days).contains(&day))
}

/// A time of submission as the committee shows it beside another: converted to UTC, to the
/// minute, "2026-11-20 13:00 UTC" for "2026-11-20T05:00:00-08:00" (and for "...T13:00:00Z"), so
/// that two times in different offsets read in one zone and compare by eye as [`instant`]
/// compares them. A time without an offset is read as UTC, as [`instant`] reads it; a bare date
/// stays a date. `None` for anything [`is_date_time`] refuses.
pub fn utc_minute(s: &str) -> Option<String> {
    let (seconds, _) = instant(s)?;
    let (days, in_day) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    // Days since 1970-01-01 to the civil date (the inverse of `instant`'s civil-to-days).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let date = format!("{year:04}-{month:02}-{day:02}");
    if s.len() == 10 {
        return Some(date);
    }
    Some(format!("{date} {:02}:{:02} UTC", in_day / 3600, in_day % 3600 / 60))
}

/// The moment a time of submission names, for comparing two of them: seconds since 1970-01-01
/// UTC and the fraction in nanoseconds (digits past the ninth are ignored). An offset is applied
/// ("11:30:00-08:00" is 19:30 UTC); a time without one, and a bare date (midnight), are read as
/// UTC. `None` for anything [`is_date_time`] refuses. Comparing the text instead puts
/// "2026-11-03T11:30:00-08:00" before "2026-11-03T18:10:00Z", which is 80 minutes earlier.
pub fn instant(s: &str) -> Option<(i64, u32)> {
    if !is_date_time(s) {
        return None;
    }
    let b = s.as_bytes();
    let num = |from: usize, to: usize| b.get(from..to).and_then(digits_value).map(i64::from);
    let (year, month, day) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
    // Days from 1970-01-01 to the date (the proleptic Gregorian calendar's civil-to-days).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    if b.len() == 10 {
        return Some((days * 86_400, 0));
    }
    // A leap second (":60") is the last instant of its minute's 59th second, so that it sorts
    // after :59 and before the next minute.
    let leap = num(17, 19)? == 60;
    let mut seconds = days * 86_400 + num(11, 13)? * 3600 + num(14, 16)? * 60 + num(17, 19)?.min(59);
    let mut nanos = 0u32;
    let mut rest = &b[19..];
    if let [b'.', fraction @ ..] = rest {
        let n = fraction.iter().take_while(|d| d.is_ascii_digit()).count();
        for i in 0..9 {
            nanos = nanos * 10 + fraction.get(i).filter(|_| i < n).map_or(0, |d| u32::from(d - b'0'));
        }
        rest = &fraction[n..];
    }
    if leap {
        nanos = 999_999_999;
    }
    if let [sign @ (b'+' | b'-'), ..] = rest {
        let offset = num(b.len() - 5, b.len() - 3)? * 3600 + num(b.len() - 2, b.len())? * 60;
        // "-08:00" is eight hours behind UTC: add them to reach UTC.
        seconds += if *sign == b'-' { offset } else { -offset };
    }
    Some((seconds, nanos))
}

/// True for an ISO 8601 time of submission: an RFC 3339 date-time `YYYY-MM-DDTHH:MM:SS` (a real
/// date, hours 00-23, minutes 00-59, seconds 00-60 for a leap second), an optional `.` and
/// fraction digits, then `Z` or an offset `+HH:MM` / `-HH:MM`, which JavaScript's `toISOString`
/// writes ("2026-11-25T20:16:32.123Z"). Also, as documents written before this check was exact
/// may hold them and nothing is gained by refusing them: a bare date (`2024-05-01`) and a time
/// without an offset. Upper-case `T` and `Z` only; anything after the time is refused.
pub fn is_date_time(s: &str) -> bool {
    let b = s.as_bytes();
    let two = |at: usize, max: u32| b.get(at..at + 2).and_then(digits_value).is_some_and(|n| n <= max);
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    if b.len() == 10 {
        return is_iso_date(s);
    }
    if !(s.get(..10).is_some_and(is_iso_date)
        && at(10, b'T')
        && two(11, 23)
        && at(13, b':')
        && two(14, 59)
        && at(16, b':')
        && two(17, 60))
    {
        return false;
    }
    let mut rest = b.get(19..).unwrap_or_default();
    if let [b'.', fraction @ ..] = rest {
        let n = fraction.iter().take_while(|d| d.is_ascii_digit()).count();
        if n == 0 {
            return false;
        }
        rest = fraction.get(n..).unwrap_or_default();
    }
    match rest {
        [] | [b'Z'] => true,
        // `rest` is the last six bytes of `b`.
        [b'+' | b'-', _, _, b':', _, _] => two(b.len() - 5, 23) && two(b.len() - 2, 59),
        _ => false,
    }
}
