//! The leveling rubric as data: capabilities, their three level descriptors, the traits of a
//! strong hire at this level, and the leveling policy the engine applies.
//!
//! The default rubric ("L4 Senior Software Engineer") is embedded at compile time from
//! `data/rubrics/l4-senior-software-engineer.json`. Any other rubric in the same format loads
//! through [`Rubric::from_json`] and is checked by [`Rubric::validate`], which names what is wrong.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use super::scorecard::Rating;

/// The embedded default rubric's JSON text.
pub const DEFAULT_RUBRIC_JSON: &str = include_str!("../../data/rubrics/l4-senior-software-engineer.json");

/// The format marker every rubric file carries.
pub const RUBRIC_FORMAT: &str = "scorecard-rubric";

/// The largest rubric file accepted, in bytes. Real ladders are a few kilobytes.
pub const MAX_RUBRIC_BYTES: usize = 512 * 1024;

/// A leveling rubric for one role and level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    #[serde(default)]
    pub summary: String,
    /// The level's headline expectations.
    #[serde(default)]
    pub highlights: Vec<String>,
    /// Display labels of the three rating levels.
    #[serde(default = "default_levels")]
    pub levels: Vec<LevelLabel>,
    /// The capabilities, in display order.
    pub capabilities: Vec<Capability>,
    /// The traits of a strong hire at this level, shown to interviewers as help.
    #[serde(default)]
    pub traits: Traits,
    /// Guidance for managers; carried for completeness, not used by the engine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<Guidance>,
    /// The leveling policy.
    pub policy: Policy,
    /// The JSON text this rubric was read from, as [`Rubric::from_json`] received it. The widget
    /// hands it to its on-demand module (import and export), which reads it again there. Never
    /// serialised; empty for a rubric built any other way.
    #[serde(skip)]
    pub source_json: String,
}

/// The display label of one rating level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LevelLabel {
    /// `needs_improvement`, `meets` or `exceeds`.
    pub id: String,
    /// Such as "Meets Expectations".
    pub label: String,
}

/// One capability of the rubric.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Capability {
    /// Stable id used in every file format, such as `technical_expertise`.
    pub id: String,
    /// Display name, such as "Technical Expertise".
    pub name: String,
    /// What the capability looks like at each level, word for word from the ladder.
    pub descriptors: Descriptors,
}

/// The three level descriptors of a capability.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Descriptors {
    #[serde(default)]
    pub needs_improvement: String,
    #[serde(default)]
    pub meets: String,
    #[serde(default)]
    pub exceeds: String,
}

/// "What makes a good L4 engineer?" and its list.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Traits {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub intro: String,
    #[serde(default)]
    pub items: Vec<String>,
}

/// Manager guidance sections of a ladder document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Guidance {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub intro: String,
    #[serde(default)]
    pub sections: Vec<GuidanceSection>,
}

/// One titled list of guidance.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GuidanceSection {
    pub title: String,
    #[serde(default)]
    pub items: Vec<String>,
}

/// The leveling policy: how ratings become a decision and a level. See docs/WHY.md.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Policy {
    /// Fewer assessed capabilities than this gives `insufficient_evidence`.
    pub min_assessed: usize,
    /// Capabilities that must reach a band's `core_at_least` level.
    #[serde(default)]
    pub core: Vec<String>,
    /// Weight of each capability in the score; a capability not listed weighs 1.
    #[serde(default)]
    pub weights: BTreeMap<String, f64>,
    /// Hiring bands, any order; the engine picks the highest band whose every condition holds.
    pub bands: Vec<Band>,
    /// A no-hire whose score is below this is `definitely_not` in Greenhouse terms.
    #[serde(default)]
    pub strong_no_below: f64,
}

/// One hiring band: a level and the conditions to reach it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Band {
    /// The level offered in this band, such as "L4".
    pub level: String,
    /// A higher level worth considering (a calibration loop), such as "L5".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consider: Option<String>,
    /// Weighted mean of the assessed ratings (needs improvement 0, meets 1, exceeds 2).
    pub min_score: f64,
    /// At most this many capabilities rated needs improvement.
    #[serde(default = "unbounded")]
    pub max_needs_improvement: usize,
    /// Every core capability rated at least this; `not_assessed` fails it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub core_at_least: Option<Rating>,
    /// At least this many capabilities assessed (on top of the policy's `min_assessed`).
    #[serde(default)]
    pub min_assessed: usize,
}

fn unbounded() -> usize {
    usize::MAX
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
            RubricError::WrongFormat(found) => {
                write!(f, "format: expected \"{RUBRIC_FORMAT}\", found \"{found}\"")
            }
            RubricError::UnsupportedVersion(v) => {
                write!(f, "schema_version: this build reads rubric schema version 1, found {v}")
            }
            RubricError::Missing(path) => write!(f, "{path}: missing text"),
            RubricError::DuplicateCapability(id) => write!(f, "capabilities: duplicate id \"{id}\""),
            RubricError::BadCapabilityId(id) => {
                write!(f, "capabilities: id \"{id}\" must be lower_snake_case letters, digits and _")
            }
            RubricError::UnknownCapability(field, id) => {
                write!(f, "{field}: unknown capability \"{id}\"")
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
        let mut rubric: Rubric = serde_json::from_str(text).map_err(|e| RubricError::Parse(e.to_string()))?;
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
            return Err(RubricError::Missing("capabilities".into()));
        }
        let mut seen = BTreeSet::new();
        for (i, cap) in self.capabilities.iter().enumerate() {
            if !is_snake_id(&cap.id) {
                return Err(RubricError::BadCapabilityId(cap.id.clone()));
            }
            if !seen.insert(cap.id.as_str()) {
                return Err(RubricError::DuplicateCapability(cap.id.clone()));
            }
            if cap.name.trim().is_empty() {
                return Err(RubricError::Missing(format!("capabilities[{i}].name")));
            }
            for rating in Rating::LEVELS {
                if cap.descriptor(rating).map_or(true, |t| t.trim().is_empty()) {
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
            if !seen.contains(id.as_str()) {
                return Err(RubricError::UnknownCapability("policy.core".into(), id.clone()));
            }
        }
        for (id, weight) in &policy.weights {
            if !seen.contains(id.as_str()) {
                return Err(RubricError::UnknownCapability("policy.weights".into(), id.clone()));
            }
            if !(weight.is_finite() && *weight > 0.0 && *weight <= 100.0) {
                return Err(RubricError::BadPolicy(
                    format!("policy.weights.{id}"),
                    format!("weight must be a number above 0 and at most 100, found {weight}"),
                ));
            }
        }
        if policy.bands.is_empty() {
            return Err(RubricError::Missing("policy.bands".into()));
        }
        for (i, band) in policy.bands.iter().enumerate() {
            if band.level.trim().is_empty() {
                return Err(RubricError::Missing(format!("policy.bands[{i}].level")));
            }
            if !(band.min_score.is_finite() && (0.0..=2.0).contains(&band.min_score)) {
                return Err(RubricError::BadPolicy(
                    format!("policy.bands[{i}].min_score"),
                    format!("must be between 0 and 2, found {}", band.min_score),
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
                format!("must be between 0 and 2, found {}", policy.strong_no_below),
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
        self.policy.weights.get(id).copied().unwrap_or(1.0)
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
