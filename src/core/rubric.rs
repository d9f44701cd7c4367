//! The leveling rubric as data: capabilities, their three level descriptors, the traits of a
//! strong hire at this level, and the leveling policy the engine applies.
//!
//! The default rubric ("L4 Senior Software Engineer") is embedded at compile time from
//! `data/rubrics/l4-senior-software-engineer.json`. Any other rubric in the same format loads
//! through [`Rubric::from_json`] and is checked by [`Rubric::validate`], which names what is wrong.

use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

use super::scorecard::{clip, Rating};

/// The embedded default rubric's JSON text.
pub const DEFAULT_RUBRIC_JSON: &str = include_str!("../../data/rubrics/l4-senior-software-engineer.json");

/// The format marker every rubric file carries.
pub const RUBRIC_FORMAT: &str = "scorecard-rubric";

/// The largest rubric file accepted, in bytes. Real ladders are a few kilobytes.
pub const MAX_RUBRIC_BYTES: usize = 512 * 1024;

/// A leveling rubric for one role and level. Two are equal when their content is (see the
/// `PartialEq` below). Written as a rubric file by its `Serialize` below.
#[derive(Clone, Debug)]
pub struct Rubric {
    /// Always [`RUBRIC_FORMAT`].
    pub format: String,
    /// Version of the rubric file format; this build reads version 1.
    pub schema_version: u32,
    /// Stable id of the rubric, such as `l4-senior-software-engineer`.
    pub id: String,
    /// Version of this rubric's content; scorecards record it.
    pub version: u32,
    /// Display title, such as "L4 Senior Software Engineer".
    pub title: String,
    /// The role, such as "Senior Software Engineer".
    pub role: String,
    /// The level this rubric describes, such as "L4".
    pub level: String,
    /// What the level means, in a paragraph.
    pub summary: String,
    /// The level's headline expectations.
    pub highlights: Vec<String>,
    /// Display labels of the three rating levels.
    pub levels: Vec<LevelLabel>,
    /// The capabilities, in display order.
    pub capabilities: Vec<Capability>,
    /// The traits of a strong hire at this level, shown to interviewers as help.
    pub traits: Traits,
    /// Guidance for managers; carried for completeness, not used by the engine.
    pub guidance: Option<Guidance>,
    /// The leveling policy.
    pub policy: Policy,
    /// The JSON text this rubric was read from, as [`Rubric::from_json`] received it. The widget
    /// hands it to its on-demand module (import and export), which reads it again there. Never
    /// serialised; empty for a rubric built any other way.
    pub source_json: String,
}

/// A rubric as a rubric file, its fields in the order of the embedded one, and so is what
/// `scorecard rubric` prints: the seed ladder's rubric writes (pretty, with a final line break)
/// byte for byte as `data/rubrics/l4-senior-software-engineer.json`. The policy's weights, kept
/// sorted by id as read, are written in the capabilities' order; a band's `min_assessed` of 0 and
/// unlimited `max_needs_improvement`, the values a file leaving them out reads as, are left out.
impl Serialize for Rubric {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        // Taken apart, so that a field added later cannot be left out unseen.
        let Rubric {
            format,
            schema_version,
            id,
            version,
            title,
            role,
            level,
            summary,
            highlights,
            levels,
            capabilities,
            traits,
            guidance,
            policy,
            source_json: _,
        } = self;
        let mut out = s.serialize_struct("Rubric", 14)?;
        out.serialize_field("format", format)?;
        out.serialize_field("schema_version", schema_version)?;
        out.serialize_field("id", id)?;
        out.serialize_field("version", version)?;
        out.serialize_field("title", title)?;
        out.serialize_field("role", role)?;
        out.serialize_field("level", level)?;
        out.serialize_field("summary", summary)?;
        out.serialize_field("highlights", highlights)?;
        out.serialize_field("levels", levels)?;
        out.serialize_field("capabilities", capabilities)?;
        out.serialize_field("traits", traits)?;
        match guidance {
            Some(g) => out.serialize_field("guidance", g)?,
            None => out.skip_field("guidance")?,
        }
        out.serialize_field("policy", &PolicyFile { policy, capabilities })?;
        out.end()
    }
}

/// A policy as its rubric writes it: the weights in its capabilities' order.
struct PolicyFile<'a> {
    policy: &'a Policy,
    capabilities: &'a [Capability],
}

impl Serialize for PolicyFile<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let Policy { min_assessed, core, weights, bands, strong_no_below } = self.policy;
        let known = |id: &str| self.capabilities.iter().any(|c| c.id == id);
        let in_order = self.capabilities.iter().filter_map(|c| weights.iter().find(|(id, _)| *id == c.id));
        let ordered: Vec<(String, f64)> =
            in_order.chain(weights.iter().filter(|(id, _)| !known(id))).cloned().collect();
        let mut out = s.serialize_struct("Policy", 5)?;
        out.serialize_field("min_assessed", min_assessed)?;
        out.serialize_field("core", core)?;
        out.serialize_field("weights", &Weights(&ordered))?;
        out.serialize_field("bands", bands)?;
        out.serialize_field("strong_no_below", strong_no_below)?;
        out.end()
    }
}

/// Weights written as a JSON object, in their list's order.
struct Weights<'a>(&'a [(String, f64)]);

impl Serialize for Weights<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        as_object(self.0, s)
    }
}

/// The same rubric is the same content, whatever text it was read from: `source_json` is left
/// out, so that one file pretty-printed, minified or written back from an object (a widget host
/// passing its configuration again) is equal, and any change of content (a wording, a level, a
/// weight) is not. Read numbers compare as numbers: a weight written `1.0` or `1` is the same.
impl PartialEq for Rubric {
    fn eq(&self, o: &Rubric) -> bool {
        // Taken apart, so that a field added later cannot be left out of the comparison unseen.
        let Rubric {
            format,
            schema_version,
            id,
            version,
            title,
            role,
            level,
            summary,
            highlights,
            levels,
            capabilities,
            traits,
            guidance,
            policy,
            source_json: _,
        } = self;
        *format == o.format
            && *schema_version == o.schema_version
            && *id == o.id
            && *version == o.version
            && *title == o.title
            && *role == o.role
            && *level == o.level
            && *summary == o.summary
            && *highlights == o.highlights
            && *levels == o.levels
            && *capabilities == o.capabilities
            && *traits == o.traits
            && *guidance == o.guidance
            && *policy == o.policy
    }
}

/// The display label of one rating level.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LevelLabel {
    /// `needs_improvement`, `meets` or `exceeds`.
    pub id: String,
    /// Such as "Meets Expectations".
    pub label: String,
}

/// One capability of the rubric.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Capability {
    /// Stable id used in every file format, such as `technical_expertise`.
    pub id: String,
    /// Display name, such as "Technical Expertise".
    pub name: String,
    /// What the capability looks like at each level, word for word from the ladder.
    pub descriptors: Descriptors,
}

/// The three level descriptors of a capability.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Descriptors {
    pub needs_improvement: String,
    pub meets: String,
    pub exceeds: String,
}

/// "What makes a good L4 engineer?" and its list.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Traits {
    pub title: String,
    pub intro: String,
    pub items: Vec<String>,
}

/// Manager guidance sections of a ladder document.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Guidance {
    pub title: String,
    pub intro: String,
    pub sections: Vec<GuidanceSection>,
}

/// One titled list of guidance.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct GuidanceSection {
    pub title: String,
    pub items: Vec<String>,
}

/// The leveling policy: how ratings become a decision and a level. See docs/WHY.md.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Policy {
    /// Fewer assessed capabilities than this gives `insufficient_evidence`.
    pub min_assessed: usize,
    /// Capabilities that must reach a band's `core_at_least` level.
    pub core: Vec<String>,
    /// Weight of each capability in the score, sorted by id; a capability not listed weighs 1.
    /// A list rather than a map: the widget links no `BTreeMap` code for a handful of entries
    /// (BENCHMARKS.md, "Size"). Written as a JSON object.
    #[serde(serialize_with = "as_object")]
    pub weights: Vec<(String, f64)>,
    /// Hiring bands, listed from the highest to the lowest: the engine takes the first band whose
    /// conditions all hold, and [`Outcome::rank`](super::engine::Outcome::rank) ranks the first
    /// highest. [`Rubric::validate`] refuses a band whose `min_score` is above the one before it.
    pub bands: Vec<Band>,
    /// A no-hire whose score is below this is `definitely_not` in Greenhouse terms.
    pub strong_no_below: f64,
}

fn as_object<S: serde::Serializer>(weights: &[(String, f64)], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(weights.iter().map(|(k, v)| (k, v)))
}

/// One hiring band: a level and the conditions to reach it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Band {
    /// The level offered in this band, such as "L4".
    pub level: String,
    /// A higher level worth considering (a calibration loop), such as "L5".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consider: Option<String>,
    /// Weighted mean of the assessed ratings (needs improvement 0, meets 1, exceeds 2).
    pub min_score: f64,
    /// At most this many capabilities rated needs improvement; `usize::MAX` when the file leaves
    /// it out (and then left out when written).
    #[serde(skip_serializing_if = "is_unlimited")]
    pub max_needs_improvement: usize,
    /// Every core capability rated at least this; `not_assessed` fails it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub core_at_least: Option<Rating>,
    /// At least this many capabilities assessed (on top of the policy's `min_assessed`).
    #[serde(skip_serializing_if = "is_zero")]
    pub min_assessed: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

fn is_unlimited(n: &usize) -> bool {
    *n == usize::MAX
}

fn default_levels() -> Vec<LevelLabel> {
    [("needs_improvement", "Needs Improvement"), ("meets", "Meets Expectations"), ("exceeds", "Exceeds Expectations")]
        .into_iter()
        .map(|(id, label)| LevelLabel { id: id.into(), label: label.into() })
        .collect()
}

/// What is wrong with a rubric file.
#[derive(Clone, Debug, PartialEq)]
pub enum RubricError {
    /// Not JSON, or JSON that does not fit the rubric shape.
    Parse(String),
    /// Larger than [`MAX_RUBRIC_BYTES`].
    TooLarge(usize),
    /// The `format` marker is not [`RUBRIC_FORMAT`].
    WrongFormat(String),
    /// A `schema_version` this build does not read.
    UnsupportedVersion(u32),
    /// A required text is empty: the field path.
    Missing(String),
    /// A required list is empty: the field path and what it must hold.
    Empty(String, &'static str),
    /// Two capabilities share an id.
    DuplicateCapability(String),
    /// A capability id that is not lower_snake_case.
    BadCapabilityId(String),
    /// The policy names a capability the rubric does not have: (field, id).
    UnknownCapability(String, String),
    /// A policy value out of range: (field, explanation).
    BadPolicy(String, String),
}

impl fmt::Display for RubricError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RubricError::Parse(m) => write!(f, "rubric is not valid: {m}"),
            RubricError::TooLarge(n) => write!(f, "rubric is {n} bytes; the limit is {MAX_RUBRIC_BYTES}"),
            // User text is quoted through `clip`: cut to 60 characters, control characters escaped.
            RubricError::WrongFormat(found) => {
                write!(f, "format: expected \"{RUBRIC_FORMAT}\", found \"{}\"", clip(found))
            }
            RubricError::UnsupportedVersion(v) => {
                write!(f, "schema_version: this build reads rubric schema version 1, found {v}")
            }
            RubricError::Missing(path) => write!(f, "{path}: missing text"),
            RubricError::Empty(path, what) => {
                write!(f, "{path}: the list is empty; a rubric needs at least one {what}")
            }
            RubricError::DuplicateCapability(id) => write!(f, "capabilities: duplicate id \"{}\"", clip(id)),
            RubricError::BadCapabilityId(id) => {
                write!(
                    f,
                    "capabilities: id \"{}\" must be lower_snake_case letters, digits and _, at most 64 characters",
                    clip(id)
                )
            }
            RubricError::UnknownCapability(field, id) => {
                write!(f, "{field}: unknown capability \"{}\"", clip(id))
            }
            RubricError::BadPolicy(field, why) => write!(f, "{field}: {why}"),
        }
    }
}

impl std::error::Error for RubricError {}

impl Rubric {
    /// The embedded default rubric (L4 Senior Software Engineer).
    ///
    /// The embedded file is validated by the test suite, so this cannot fail at run time; should
    /// it ever, the error is returned, never a panic.
    pub fn default_rubric() -> Result<Rubric, RubricError> {
        Rubric::from_json(DEFAULT_RUBRIC_JSON)
    }

    /// Parses and validates a rubric file.
    pub fn from_json(text: &str) -> Result<Rubric, RubricError> {
        if text.len() > MAX_RUBRIC_BYTES {
            return Err(RubricError::TooLarge(text.len()));
        }
        if super::ladder::looks_like_ladder(text) {
            // A ladder document where a rubric file was expected (the widget's `rubric`
            // attribute): say what it is and how to convert it, not "expected a value".
            return Err(RubricError::Parse(
                "not JSON: this is text; if it is a ladder document, `scorecard rubric LADDER.txt > rubric.json` converts it to a rubric file".into(),
            ));
        }
        let value = super::json::parse(text).map_err(|e| RubricError::Parse(e.to_string()))?;
        let mut rubric = read::rubric(&value).map_err(RubricError::Parse)?;
        rubric.validate()?;
        rubric.source_json = text.to_string();
        Ok(rubric)
    }

    /// Checks everything the engine and the UI rely on, naming the first problem found.
    pub fn validate(&self) -> Result<(), RubricError> {
        if self.format != RUBRIC_FORMAT {
            return Err(RubricError::WrongFormat(self.format.clone()));
        }
        if self.schema_version != 1 {
            return Err(RubricError::UnsupportedVersion(self.schema_version));
        }
        for (field, value) in [("id", &self.id), ("title", &self.title), ("level", &self.level)] {
            if value.trim().is_empty() {
                return Err(RubricError::Missing(field.into()));
            }
        }
        if self.capabilities.is_empty() {
            return Err(RubricError::Empty("capabilities".into(), "capability"));
        }
        // The ids seen so far, sorted (a `BTreeSet` would add its own code to the widget).
        let mut seen: Vec<&str> = Vec::with_capacity(self.capabilities.len());
        for (i, cap) in self.capabilities.iter().enumerate() {
            if !is_snake_id(&cap.id) {
                return Err(RubricError::BadCapabilityId(cap.id.clone()));
            }
            match seen.binary_search(&cap.id.as_str()) {
                Ok(_) => return Err(RubricError::DuplicateCapability(cap.id.clone())),
                Err(at) => seen.insert(at, cap.id.as_str()),
            }
            if cap.name.trim().is_empty() {
                return Err(RubricError::Missing(format!("capabilities[{i}].name")));
            }
            for rating in Rating::LEVELS {
                if cap.descriptor(rating).is_none_or(|t| t.trim().is_empty()) {
                    return Err(RubricError::Missing(format!(
                        "capabilities[{i}] ({}).descriptors.{}",
                        cap.id,
                        rating.id()
                    )));
                }
            }
        }
        let policy = &self.policy;
        if policy.min_assessed > self.capabilities.len() {
            return Err(RubricError::BadPolicy(
                "policy.min_assessed".into(),
                format!("{} is more than the {} capabilities", policy.min_assessed, self.capabilities.len()),
            ));
        }
        for id in &policy.core {
            if seen.binary_search(&id.as_str()).is_err() {
                return Err(RubricError::UnknownCapability("policy.core".into(), id.clone()));
            }
        }
        for (id, weight) in &policy.weights {
            if seen.binary_search(&id.as_str()).is_err() {
                return Err(RubricError::UnknownCapability("policy.weights".into(), id.clone()));
            }
            if !(weight.is_finite() && *weight > 0.0 && *weight <= 100.0) {
                return Err(RubricError::BadPolicy(
                    format!("policy.weights.{id}"),
                    format!(
                        "weight must be a number above 0 and at most 100, found {}",
                        super::json::to_text(&Value::from(*weight))
                    ),
                ));
            }
        }
        if policy.bands.is_empty() {
            return Err(RubricError::Empty("policy.bands".into(), "hiring band"));
        }
        for (i, band) in policy.bands.iter().enumerate() {
            if band.level.trim().is_empty() {
                return Err(RubricError::Missing(format!("policy.bands[{i}].level")));
            }
            if !(band.min_score.is_finite() && (0.0..=2.0).contains(&band.min_score)) {
                return Err(RubricError::BadPolicy(
                    format!("policy.bands[{i}].min_score"),
                    // Numbers in messages go through the JSON writer (`json::to_text`), not `f64`'s
                    // `Display`, which would bring the float formatter (about 9 KB) into the widget.
                    format!("must be between 0 and 2, found {}", super::json::to_text(&Value::from(band.min_score))),
                ));
            }
            // The engine takes the first band that holds: a band listed below a lower one could
            // only be reached by a weaker scorecard.
            if let Some(above) =
                i.checked_sub(1).and_then(|j| policy.bands.get(j)).filter(|above| band.min_score > above.min_score)
            {
                return Err(RubricError::BadPolicy(
                    format!("policy.bands[{i}].min_score"),
                    format!(
                        "bands go from the highest to the lowest; {} is above bands[{}]'s {}",
                        super::json::to_text(&Value::from(band.min_score)),
                        i - 1,
                        super::json::to_text(&Value::from(above.min_score))
                    ),
                ));
            }
            if band.core_at_least == Some(Rating::NotAssessed) {
                return Err(RubricError::BadPolicy(
                    format!("policy.bands[{i}].core_at_least"),
                    "must be needs_improvement, meets or exceeds".into(),
                ));
            }
            if band.min_assessed > self.capabilities.len() {
                return Err(RubricError::BadPolicy(
                    format!("policy.bands[{i}].min_assessed"),
                    format!("{} is more than the {} capabilities", band.min_assessed, self.capabilities.len()),
                ));
            }
        }
        if !(policy.strong_no_below.is_finite() && (0.0..=2.0).contains(&policy.strong_no_below)) {
            return Err(RubricError::BadPolicy(
                "policy.strong_no_below".into(),
                format!(
                    "must be between 0 and 2, found {}",
                    super::json::to_text(&Value::from(policy.strong_no_below))
                ),
            ));
        }
        Ok(())
    }

    /// The capability with this id.
    pub fn capability(&self, id: &str) -> Option<&Capability> {
        self.capabilities.iter().find(|c| c.id == id)
    }

    /// The weight of a capability in the score.
    pub fn weight(&self, id: &str) -> f64 {
        self.policy.weights.iter().find(|(k, _)| k == id).map_or(1.0, |(_, w)| *w)
    }

    /// The display label of a rating level ("Meets Expectations"); "Not assessed" for none.
    pub fn level_label(&self, rating: Rating) -> &str {
        self.levels.iter().find(|l| l.id == rating.id()).map_or(rating.label(), |l| l.label.as_str())
    }
}

impl Capability {
    /// The descriptor text for a level; `None` for `not_assessed`.
    pub fn descriptor(&self, rating: Rating) -> Option<&str> {
        match rating {
            Rating::NotAssessed => None,
            Rating::NeedsImprovement => Some(&self.descriptors.needs_improvement),
            Rating::Meets => Some(&self.descriptors.meets),
            Rating::Exceeds => Some(&self.descriptors.exceeds),
        }
    }
}

/// True for a non-empty lower_snake_case identifier.
pub fn is_snake_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && id.as_bytes()[0].is_ascii_lowercase()
}

/// Reading a rubric from parsed JSON, field by field. Written out rather than derived: derived
/// deserialisers cost the widget about 10 KB of wasm, and these errors name the field's path.
/// Optional fields may be missing or `null`; unknown fields are ignored.
mod read {
    use super::*;
    use crate::core::json::each;

    type Fields = Map<String, Value>;

    fn object<'a>(value: &'a Value, path: &str) -> Result<&'a Fields, String> {
        value.as_object().ok_or_else(|| format!("{path}: expected an object"))
    }

    fn join(path: &str, key: &str) -> String {
        if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        }
    }

    /// A field that may be missing or null.
    fn optional<'a>(o: &'a Fields, key: &str) -> Option<&'a Value> {
        o.get(key).filter(|v| !v.is_null())
    }

    fn required<'a>(o: &'a Fields, path: &str, key: &str) -> Result<&'a Value, String> {
        optional(o, key).ok_or_else(|| format!("{}: missing", join(path, key)))
    }

    fn text(value: &Value, path: &str) -> Result<String, String> {
        value.as_str().map(str::to_string).ok_or_else(|| format!("{path}: expected text"))
    }

    fn text_field(o: &Fields, path: &str, key: &str) -> Result<String, String> {
        text(required(o, path, key)?, &join(path, key))
    }

    fn text_or_empty(o: &Fields, path: &str, key: &str) -> Result<String, String> {
        optional(o, key).map_or(Ok(String::new()), |v| text(v, &join(path, key)))
    }

    fn list<'a>(value: &'a Value, path: &str) -> Result<&'a Vec<Value>, String> {
        value.as_array().ok_or_else(|| format!("{path}: expected a list"))
    }

    fn texts(o: &Fields, path: &str, key: &str) -> Result<Vec<String>, String> {
        let Some(v) = optional(o, key) else { return Ok(Vec::new()) };
        let path = join(path, key);
        each(list(v, &path)?, |i, t| text(t, &format!("{path}[{i}]")))
    }

    fn count(value: &Value, path: &str) -> Result<u64, String> {
        // `4.0` is the same number as `4` (and a JSON Schema integer), as scorecards read it.
        crate::core::scorecard::whole_value(value)
            .ok_or_else(|| format!("{path}: expected a whole number of 0 or more"))
    }

    fn whole<T: TryFrom<u64>>(o: &Fields, path: &str, key: &str, default: Option<T>) -> Result<T, String> {
        let path_key = join(path, key);
        match (optional(o, key), default) {
            (None, Some(d)) => Ok(d),
            (None, None) => Err(format!("{path_key}: missing")),
            (Some(v), _) => T::try_from(count(v, &path_key)?).map_err(|_| format!("{path_key}: too large")),
        }
    }

    fn number(o: &Fields, path: &str, key: &str, default: Option<f64>) -> Result<f64, String> {
        let path_key = join(path, key);
        match (optional(o, key), default) {
            (None, Some(d)) => Ok(d),
            (None, None) => Err(format!("{path_key}: missing")),
            (Some(v), _) => v.as_f64().ok_or_else(|| format!("{path_key}: expected a number")),
        }
    }

    pub(super) fn rubric(value: &Value) -> Result<Rubric, String> {
        let o = object(value, "rubric")?;
        let levels = match optional(o, "levels") {
            None => default_levels(),
            Some(v) => each(list(v, "levels")?, |i, l| {
                let path = format!("levels[{i}]");
                let l = object(l, &path)?;
                let id = text_field(l, &path, "id")?;
                // A misspelt id ("meet") would leave that level with the default label, silently.
                if !Rating::LEVELS.iter().any(|r| r.id() == id) {
                    return Err(format!(
                        "{path}.id: unknown level \"{}\"; expected needs_improvement, meets or exceeds",
                        clip(&id)
                    ));
                }
                Ok(LevelLabel { id, label: text_field(l, &path, "label")? })
            })?,
        };
        let capabilities = each(list(required(o, "", "capabilities")?, "capabilities")?, |i, c| {
            let path = format!("capabilities[{i}]");
            let c = object(c, &path)?;
            let d_path = format!("{path}.descriptors");
            let d = object(required(c, &path, "descriptors")?, &d_path)?;
            Ok(Capability {
                id: text_field(c, &path, "id")?,
                name: text_field(c, &path, "name")?,
                descriptors: Descriptors {
                    needs_improvement: text_or_empty(d, &d_path, "needs_improvement")?,
                    meets: text_or_empty(d, &d_path, "meets")?,
                    exceeds: text_or_empty(d, &d_path, "exceeds")?,
                },
            })
        })?;
        let traits = match optional(o, "traits") {
            None => Traits::default(),
            Some(t) => {
                let t = object(t, "traits")?;
                Traits {
                    title: text_or_empty(t, "traits", "title")?,
                    intro: text_or_empty(t, "traits", "intro")?,
                    items: texts(t, "traits", "items")?,
                }
            }
        };
        let guidance = match optional(o, "guidance") {
            None => None,
            Some(g) => {
                let g = object(g, "guidance")?;
                let sections = match optional(g, "sections") {
                    None => Vec::new(),
                    Some(v) => each(list(v, "guidance.sections")?, |i, s| {
                        let path = format!("guidance.sections[{i}]");
                        let s = object(s, &path)?;
                        Ok(GuidanceSection { title: text_field(s, &path, "title")?, items: texts(s, &path, "items")? })
                    })?,
                };
                Some(Guidance {
                    title: text_or_empty(g, "guidance", "title")?,
                    intro: text_or_empty(g, "guidance", "intro")?,
                    sections,
                })
            }
        };
        Ok(Rubric {
            format: text_field(o, "", "format")?,
            schema_version: whole(o, "", "schema_version", None)?,
            id: text_field(o, "", "id")?,
            version: whole(o, "", "version", None)?,
            title: text_field(o, "", "title")?,
            role: text_field(o, "", "role")?,
            level: text_field(o, "", "level")?,
            summary: text_or_empty(o, "", "summary")?,
            highlights: texts(o, "", "highlights")?,
            levels,
            capabilities,
            traits,
            guidance,
            policy: policy(required(o, "", "policy")?)?,
            source_json: String::new(),
        })
    }

    fn policy(value: &Value) -> Result<Policy, String> {
        let p = object(value, "policy")?;
        let mut weights = Vec::new();
        if let Some(w) = optional(p, "weights") {
            // (A JSON object's keys come sorted and once each.)
            for (id, weight) in object(w, "policy.weights")? {
                let weight =
                    weight.as_f64().ok_or_else(|| format!("policy.weights.{}: expected a number", clip(id)))?;
                weights.push((id.clone(), weight));
            }
        }
        let bands = each(list(required(p, "policy", "bands")?, "policy.bands")?, |i, b| {
            let path = format!("policy.bands[{i}]");
            let b = object(b, &path)?;
            let core_at_least =
                match optional(b, "core_at_least") {
                    None => None,
                    Some(v) => Some(v.as_str().and_then(Rating::from_id).ok_or_else(|| {
                        format!("{path}.core_at_least: expected needs_improvement, meets or exceeds")
                    })?),
                };
            let consider = optional(b, "consider").map(|v| text(v, &format!("{path}.consider"))).transpose()?;
            Ok(Band {
                level: text_field(b, &path, "level")?,
                consider,
                min_score: number(b, &path, "min_score", None)?,
                max_needs_improvement: whole(b, &path, "max_needs_improvement", Some(usize::MAX))?,
                core_at_least,
                min_assessed: whole(b, &path, "min_assessed", Some(0))?,
            })
        })?;
        Ok(Policy {
            min_assessed: whole(p, "policy", "min_assessed", None)?,
            core: texts(p, "policy", "core")?,
            weights,
            bands,
            strong_no_below: number(p, "policy", "strong_no_below", Some(0.0))?,
        })
    }
}
