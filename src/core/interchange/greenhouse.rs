//! The Greenhouse Harvest scorecard object, both ways.
//!
//! Export writes one attribute per capability (named as the rubric names it, type `"Skills"`),
//! the `ratings` grouping, the engine's overall recommendation, and the observations as the
//! answer to the built-in "Key Take-Aways" question. Import reads attributes whatever the hiring
//! team named them: each name is matched to a capability exactly, through a small synonym table,
//! or by word overlap, and the caller gets a report of which rule matched each attribute.
//! Everything that matches no capability becomes untagged observations for the classifier.
//!
//! Rating scales (see docs/interchange.md for the reasons):
//!
//! | ours              | to Greenhouse | from Greenhouse            |
//! |-------------------|---------------|----------------------------|
//! | needs_improvement | `no`          | `definitely_not`, `no`, `mixed` |
//! | meets             | `yes`         | `yes`                      |
//! | exceeds           | `strong_yes`  | `strong_yes`               |
//! | not_assessed      | `no_decision` | `no_decision`, null        |

use serde::Serialize;
use serde_json::{json, Map, Value};

use super::{parse_json, ImportError, UNCONFIRMED};
use crate::core::engine::Greenhouse;
use crate::core::rubric::Rubric;
use crate::core::scorecard::{
    clip, is_date_time, kind, Observation, Person, Rating, RatingEntry, Scorecard, TagSource, FORMAT, MAX_FIELD_CHARS,
    MAX_OBSERVATIONS, MAX_TEXT_CHARS,
};

/// The attribute type written on export.
pub const ATTRIBUTE_TYPE: &str = "Skills";
/// The built-in question whose answer carries the observations.
pub const KEY_TAKE_AWAYS: &str = "Key Take-Aways";
/// The most attributes or questions read from one object.
pub const MAX_ITEMS: usize = 200;

/// Greenhouse's per-attribute rating scale, lowest first (`no_decision` last: no rating).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GhRating {
    DefinitelyNot,
    No,
    Mixed,
    Yes,
    StrongYes,
    NoDecision,
}

impl GhRating {
    /// Every value, in Greenhouse's order.
    pub const ALL: [GhRating; 6] = [
        GhRating::DefinitelyNot,
        GhRating::No,
        GhRating::Mixed,
        GhRating::Yes,
        GhRating::StrongYes,
        GhRating::NoDecision,
    ];

    /// The id Greenhouse uses.
    pub fn id(self) -> &'static str {
        match self {
            GhRating::DefinitelyNot => "definitely_not",
            GhRating::No => "no",
            GhRating::Mixed => "mixed",
            GhRating::Yes => "yes",
            GhRating::StrongYes => "strong_yes",
            GhRating::NoDecision => "no_decision",
        }
    }

    /// Parses a Greenhouse id.
    pub fn from_id(id: &str) -> Option<GhRating> {
        GhRating::ALL.into_iter().find(|r| r.id() == id)
    }

    /// Our level for this rating. `mixed` reads as needs improvement: "meets" is a positive claim
    /// that a mixed rating does not make (docs/interchange.md).
    pub fn to_rating(self) -> Rating {
        match self {
            GhRating::DefinitelyNot | GhRating::No | GhRating::Mixed => Rating::NeedsImprovement,
            GhRating::Yes => Rating::Meets,
            GhRating::StrongYes => Rating::Exceeds,
            GhRating::NoDecision => Rating::NotAssessed,
        }
    }

    /// Greenhouse's rating for our level.
    pub fn from_rating(r: Rating) -> GhRating {
        match r {
            Rating::NeedsImprovement => GhRating::No,
            Rating::Meets => GhRating::Yes,
            Rating::Exceeds => GhRating::StrongYes,
            Rating::NotAssessed => GhRating::NoDecision,
        }
    }
}

/// How an attribute name was matched to a capability.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The name is the capability's name or id (ignoring case, punctuation and "and"/"&").
    Exact,
    /// The name is in the synonym table.
    Synonym,
    /// Most of the name's words resemble one capability's words, and no other capability's as much.
    Similar,
    /// No capability: its note became observations.
    Unmatched,
}

/// The report line for one Greenhouse attribute.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AttributeMapping {
    /// The attribute's name as it came.
    pub attribute: String,
    /// The capability id it was mapped to.
    pub capability: Option<String>,
    /// Which rule matched.
    pub how: MatchKind,
    /// The Greenhouse rating it carried (`no_decision` when blank).
    pub rating: String,
}

/// What [`import_greenhouse`] read.
#[derive(Clone, Debug, PartialEq)]
pub struct GreenhouseImport {
    /// The scorecard, validated against the rubric. Imported observations are untagged, except
    /// Key Take-Aways lines in this module's own export form, whose tag is restored.
    pub card: Scorecard,
    /// One entry per attribute, in input order.
    pub mappings: Vec<AttributeMapping>,
    /// The overall recommendation Greenhouse held; the engine recomputes its own.
    pub overall_recommendation: Option<Greenhouse>,
    /// What was read but not carried over, one sentence each.
    pub warnings: Vec<String>,
}

// ---------------------------------------------------------------------------------------------
// Export.

/// The scorecard as a Greenhouse Harvest scorecard object.
///
/// Fields Greenhouse assigns (`id`, `created_at`, `updated_at`, `application_id`) are null.
pub fn export_greenhouse(card: &Scorecard, rubric: &Rubric) -> Value {
    let mut attributes = Vec::new();
    let mut groups: Vec<(GhRating, Vec<Value>)> = GhRating::ALL[..5].iter().map(|r| (*r, Vec::new())).collect();
    for cap in &rubric.capabilities {
        let rating = GhRating::from_rating(card.rating(&cap.id));
        // A note with a bias risk stays out of the ATS, as such observations do below.
        let note = Some(card.note(&cap.id)).filter(|n| !super::text_bias_risk(n)).unwrap_or_default();
        attributes.push(json!({
            "name": cap.name,
            "type": ATTRIBUTE_TYPE,
            "note": if note.is_empty() { Value::Null } else { Value::String(note.to_string()) },
            "rating": rating.id(),
        }));
        if let Some((_, names)) = groups.iter_mut().find(|(r, _)| *r == rating) {
            names.push(Value::String(cap.name.clone()));
        }
    }
    // Inserted one by one: collecting into the map would sort first, with its own copy of the
    // sort code (about 1 KB of wasm).
    let mut ratings = Map::new();
    for (r, names) in groups {
        ratings.insert(r.id().to_string(), Value::Array(names));
    }

    // Observations with a bias risk stay out of the ATS (`super::bias_risk`), and so do those
    // flagged as an impression (`super::impression`): the widget says they are not evidence of
    // behaviour, so they are no take-away. The rest in the
    // rubric's order of capabilities, the untagged last, each capability's as written: a
    // recruiter reads them beside the attributes. (Each inserted after those of its rank or
    // before: a sort would bring its own copy of the sort code.)
    let rank = |o: &Observation| {
        o.capability.as_deref().and_then(|c| rubric.capabilities.iter().position(|x| x.id == c)).unwrap_or(usize::MAX)
    };
    let mut kept: Vec<&Observation> = Vec::new();
    for o in card.observations.iter().filter(|o| crate::core::classifier::detect_flags(&o.text).is_empty()) {
        kept.insert(kept.partition_point(|k| rank(k) <= rank(o)), o);
    }
    let take_aways = if kept.is_empty() {
        Value::Null
    } else {
        let items: String =
            kept.iter().map(|o| format!("<li>{}</li>", escape_html(&observation_line(o, rubric)))).collect();
        Value::String(format!("<ul>{items}</ul>"))
    };
    let step = &card.interview.step;
    let person = export_person(&card.interviewer);
    json!({
        "id": null,
        "created_at": null,
        "updated_at": null,
        // Noon UTC: the same calendar day in every time zone from UTC-11 to UTC+11 (midnight UTC
        // is the evening before in the Americas).
        "interviewed_at": if card.interview.date.is_empty() { Value::Null } else { Value::String(format!("{}T12:00:00Z", card.interview.date)) },
        "submitted_at": card.submitted_at,
        "interview": if step.is_empty() { Value::Null } else { Value::String(step.clone()) },
        "interview_step": if step.is_empty() { Value::Null } else { json!({ "id": null, "name": step }) },
        "candidate_id": numeric_id(&card.candidate.id),
        "application_id": null,
        "submitted_by": person.clone(),
        "interviewer": person,
        // From the ratings alone (`engine::vote`): evidence moves the confidence, not this.
        "overall_recommendation": crate::core::engine::vote(rubric, card).greenhouse.id(),
        "attributes": attributes,
        "ratings": ratings,
        "questions": [{ "id": null, "question": KEY_TAKE_AWAYS, "answer": take_aways }],
    })
}

/// One observation as a Key Take-Aways line: `Capability (Level label): text` when tagged,
/// `Capability (Level label; suggested, not confirmed): text` when the tag is the classifier's
/// and the interviewer has not confirmed it, so nobody reading the ATS takes it for theirs.
fn observation_line(o: &Observation, rubric: &Rubric) -> String {
    let Some(cap) = o.capability.as_deref().and_then(|c| rubric.capability(c)) else {
        // An untagged text that reads as a tagged line ("Technical Expertise (Exceeds
        // Expectations): …", pasted from a previous export) would come back with that tag, the
        // interviewer's, which nobody gave: it goes out marked, and comes back untagged.
        return if reads_marked(&o.text, rubric) { format!("{UNTAGGED}{}", o.text) } else { o.text.clone() };
    };
    match super::tag_words(super::shown_level(o, rubric), o.source == TagSource::Suggested) {
        Some(words) => format!("{} ({words}): {}", cap.name, o.text),
        None => format!("{}: {}", cap.name, o.text),
    }
}

fn export_person(p: &Person) -> Value {
    if p.is_empty() {
        return Value::Null;
    }
    let (first, last) = match p.name.trim().split_once(char::is_whitespace) {
        Some((f, l)) => (f.to_string(), l.trim().to_string()),
        None => (p.name.trim().to_string(), String::new()),
    };
    let numeric = numeric_id(&p.id);
    json!({
        "id": numeric,
        "first_name": first,
        "last_name": last,
        "name": p.name,
        // An id that is not a Greenhouse user id travels as the employee id.
        "employee_id": if numeric.is_null() && !p.id.is_empty() { Value::String(p.id.clone()) } else { Value::Null },
    })
}

/// A Greenhouse id (an integer) for our id text, or null. Only an id written as the integer
/// itself counts: "007" or "+42" would come back as "7" and "42", and match nothing.
fn numeric_id(id: &str) -> Value {
    id.parse::<u64>().ok().filter(|n| n.to_string() == id).map_or(Value::Null, Value::from)
}

/// Escapes text for an HTML answer field.
fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Import.

/// Reads a Greenhouse scorecard object (or a list holding exactly one) from JSON text.
pub fn import_greenhouse(text: &str, rubric: &Rubric) -> Result<GreenhouseImport, ImportError> {
    let value = parse_json(text, "Greenhouse scorecard")?;
    import_greenhouse_value(&value, rubric)
}

/// Reads an already parsed Greenhouse scorecard object.
pub fn import_greenhouse_value(value: &Value, rubric: &Rubric) -> Result<GreenhouseImport, ImportError> {
    let obj = match value {
        Value::Object(o) => o,
        Value::Array(items) => match items.as_slice() {
            [Value::Object(o)] => o,
            [] => return Err(ImportError::invalid("", "expected a Greenhouse scorecard object, found an empty list")),
            [other] => {
                return Err(ImportError::invalid(
                    "[0]",
                    format!("expected a Greenhouse scorecard object, found {}", kind(other)),
                ))
            }
            _ => {
                return Err(ImportError::invalid(
                    "",
                    format!(
                        "expected one Greenhouse scorecard object, found a list of {}; convert them one at a time",
                        items.len()
                    ),
                ))
            }
        },
        other => {
            return Err(ImportError::invalid(
                "",
                format!("expected a Greenhouse scorecard object, found {}", kind(other)),
            ))
        }
    };
    if obj.get("format").and_then(Value::as_str) == Some(FORMAT) {
        return Err(ImportError::invalid(
            "format",
            "this is a scorecard document, not a Greenhouse scorecard; import it as JSON",
        ));
    }

    let mut card = Scorecard::new(rubric);
    let mut warnings = Vec::new();

    // Who, what, when.
    for field in ["id", "candidate_id", "application_id"] {
        id_field(obj.get(field), field)?;
    }
    card.candidate.id = id_field(obj.get("candidate_id"), "candidate_id")?;
    card.interviewer = match obj.get("interviewer") {
        Some(v) if !v.is_null() => import_person(v, "interviewer")?,
        _ => Person::default(),
    };
    let submitted_by = match obj.get("submitted_by") {
        Some(v) if !v.is_null() => import_person(v, "submitted_by")?,
        _ => Person::default(),
    };
    if card.interviewer.is_empty() {
        card.interviewer = submitted_by;
    }
    card.interview.step = opt_string(obj.get("interview"), "interview", MAX_FIELD_CHARS)?;
    match obj.get("interview_step") {
        None | Some(Value::Null) => {}
        Some(Value::Object(s)) => {
            id_field(s.get("id"), "interview_step.id")?;
            let name = opt_string(s.get("name"), "interview_step.name", MAX_FIELD_CHARS)?;
            if card.interview.step.is_empty() {
                card.interview.step = name;
            }
        }
        Some(other) => {
            return Err(ImportError::invalid(
                "interview_step",
                format!("expected an object {{id, name}}, found {}", kind(other)),
            ))
        }
    }
    for field in ["created_at", "updated_at"] {
        opt_string(obj.get(field), field, MAX_FIELD_CHARS)?;
    }
    let interviewed_at = time_field(obj.get("interviewed_at"), "interviewed_at")?;
    card.interview.date = interviewed_at.get(..10).unwrap_or("").to_string();
    let submitted_at = time_field(obj.get("submitted_at"), "submitted_at")?;
    card.submitted_at = (!submitted_at.is_empty()).then_some(submitted_at);
    let overall_recommendation = match obj.get("overall_recommendation") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.is_empty() => Some(Greenhouse::NoDecision),
        Some(Value::String(s)) => Some(Greenhouse::from_id(s).ok_or_else(|| {
            ImportError::invalid(
                "overall_recommendation",
                format!(
                    "unknown recommendation \"{}\"; expected definitely_not, no, yes, strong_yes or no_decision",
                    clip(s)
                ),
            )
        })?),
        Some(other) => {
            return Err(ImportError::invalid(
                "overall_recommendation",
                format!("expected a string, found {}", kind(other)),
            ))
        }
    };

    // The `ratings` grouping, used for attributes whose own rating is blank.
    let grouped = read_grouping(obj.get("ratings"))?;

    // Attributes.
    let attrs = match obj.get("attributes") {
        Some(Value::Array(a)) => a,
        Some(Value::Null) | None => {
            return Err(ImportError::invalid(
                "attributes",
                "missing; a Greenhouse scorecard has a list of attributes {name, type, note, rating}",
            ))
        }
        Some(other) => {
            return Err(ImportError::invalid(
                "attributes",
                format!("expected a list of attributes, found {}", kind(other)),
            ))
        }
    };
    if attrs.len() > MAX_ITEMS {
        return Err(ImportError::invalid(
            "attributes",
            format!("{} attributes; the limit is {MAX_ITEMS}", attrs.len()),
        ));
    }
    let mut mappings = Vec::new();
    let mut texts: Vec<(String, Option<LineTag>)> = Vec::new();
    // For each capability: the attributes mapped to it.
    let mut mapped: Vec<(String, Vec<MappedAttribute>)> = Vec::new();
    for (i, item) in attrs.iter().enumerate() {
        let path = format!("attributes[{i}]");
        let a = item.as_object().ok_or_else(|| {
            ImportError::invalid(
                &path,
                format!("expected an object {{name, type, note, rating}}, found {}", kind(item)),
            )
        })?;
        let name = opt_string(a.get("name"), &format!("{path}.name"), MAX_FIELD_CHARS)?;
        if name.trim().is_empty() {
            return Err(ImportError::invalid(format!("{path}.name"), "missing; every attribute needs a name"));
        }
        opt_string(a.get("type"), &format!("{path}.type"), MAX_FIELD_CHARS)?;
        let note = opt_string(a.get("note"), &format!("{path}.note"), MAX_TEXT_CHARS)?;
        let gh = match a.get("rating") {
            Some(Value::String(s)) if s.is_empty() => GhRating::NoDecision,
            Some(Value::String(s)) => GhRating::from_id(s).ok_or_else(|| {
                ImportError::invalid(
                    format!("{path}.rating"),
                    format!(
                        "unknown rating \"{}\"; expected definitely_not, no, mixed, yes, strong_yes or no_decision",
                        clip(s)
                    ),
                )
            })?,
            // Listed under two ratings, the lowest is kept (the cautious reading, as for two
            // attributes of one capability), and said.
            Some(Value::Null) | None => {
                // (A scan with `as u8`, not `min` and a list: about 500 bytes less wasm.)
                let (mut r, mut first, mut several) = (GhRating::NoDecision, None, false);
                for (n, g) in &grouped {
                    if *n == name {
                        several |= *first.get_or_insert(*g) != *g;
                        if (*g as u8) < (r as u8) {
                            r = *g;
                        }
                    }
                }
                if several {
                    warnings.push(format!(
                        "attribute \"{}\" has no rating of its own and is listed under several ratings: the lowest, {}, is kept",
                        clip(&name),
                        r.id()
                    ));
                }
                r
            }
            Some(other) => {
                return Err(ImportError::invalid(
                    format!("{path}.rating"),
                    format!("expected a string, found {}", kind(other)),
                ))
            }
        };
        let (capability, how) = match_attribute(&name, rubric);
        match &capability {
            Some(cap) => {
                let slot = match mapped.iter().position(|(c, _)| c == cap) {
                    Some(p) => p,
                    None => {
                        mapped.push((cap.clone(), Vec::new()));
                        mapped.len() - 1
                    }
                };
                if let Some((_, list)) = mapped.get_mut(slot) {
                    list.push(MappedAttribute { name: name.clone(), rating: gh.to_rating(), given: gh.id(), note });
                }
            }
            None => {
                if note.trim().is_empty() {
                    if gh != GhRating::NoDecision {
                        warnings.push(format!(
                            "attribute \"{}\" ({}) matches no capability and has no note; its rating is not imported",
                            clip(&name),
                            gh.id()
                        ));
                    }
                } else {
                    if gh != GhRating::NoDecision {
                        warnings.push(format!(
                            "attribute \"{}\" ({}) matches no capability: its note became observations, its rating is not imported",
                            clip(&name),
                            gh.id()
                        ));
                    }
                    let prefix = label_prefix(&name);
                    for line in note.lines() {
                        for piece in split_long(line, MAX_TEXT_CHARS - prefix.chars().count()) {
                            texts.push((format!("{prefix}{piece}"), None));
                            // Stop at once: many short lines must not build thousands first.
                            if texts.len() > MAX_OBSERVATIONS {
                                return Err(too_many_observations());
                            }
                        }
                    }
                }
            }
        }
        mappings.push(AttributeMapping { attribute: name, capability, how, rating: gh.id().to_string() });
    }

    // A name in the grouping that no attribute has: its rating has nothing to go to.
    for (i, (n, r)) in grouped.iter().enumerate() {
        if !mappings.iter().any(|m| m.attribute == *n) && !grouped.iter().take(i).any(|(e, _)| e == n) {
            warnings.push(format!(
                "ratings.{} lists \"{}\", which is no attribute's name; it is not imported",
                r.id(),
                clip(n)
            ));
        }
    }

    // Several attributes may map to one capability: the lowest rating given wins (the cautious
    // reading), and their notes are joined, each under its attribute's name.
    for (cap, list) in mapped {
        let level =
            list.iter().map(|a| a.rating).filter(|r| *r != Rating::NotAssessed).min().unwrap_or(Rating::NotAssessed);
        // Said when it decides something: the ratings of the attributes differ.
        if list.iter().any(|a| a.rating != Rating::NotAssessed && a.rating != level) {
            let names: Vec<String> =
                list.iter().map(|a| format!("\"{}\" ({})", clip(a.name.trim()), a.given)).collect();
            warnings.push(format!(
                "{} {} map to {}: the lowest of their ratings is kept, {}{}",
                crate::core::engine::join_names(names),
                if list.len() == 2 { "both" } else { "all" },
                rubric.capability(&cap).map_or(cap.as_str(), |c| c.name.as_str()),
                level.id(),
                if list.iter().any(|a| a.given == "mixed") { " (\"mixed\" reads as needs improvement)" } else { "" }
            ));
        }
        let with_notes: Vec<&MappedAttribute> = list.iter().filter(|a| !a.note.trim().is_empty()).collect();
        let note = match with_notes.as_slice() {
            [] => String::new(),
            [only] if list.len() == 1 => only.note.clone(),
            several => {
                several.iter().map(|a| format!("{}: {}", a.name.trim(), a.note)).collect::<Vec<_>>().join("\n\n")
            }
        };
        let chars = note.chars().count();
        if chars > MAX_TEXT_CHARS {
            return Err(ImportError::invalid(
                "attributes",
                format!("the notes of the attributes mapped to {cap} add up to {chars} characters; the limit is {MAX_TEXT_CHARS}"),
            ));
        }
        if level != Rating::NotAssessed || !note.is_empty() {
            card.ratings.insert(cap, RatingEntry { level, note, ..Default::default() });
        }
    }

    // Questions: Key Take-Aways lines keep the tag this module's export gave them; other
    // answers become untagged observations prefixed with their question. Private notes stay out.
    match obj.get("questions") {
        None | Some(Value::Null) => {}
        Some(Value::Array(qs)) => {
            if qs.len() > MAX_ITEMS {
                return Err(ImportError::invalid(
                    "questions",
                    format!("{} questions; the limit is {MAX_ITEMS}", qs.len()),
                ));
            }
            for (i, q) in qs.iter().enumerate() {
                let path = format!("questions[{i}]");
                let qo = q.as_object().ok_or_else(|| {
                    ImportError::invalid(
                        &path,
                        format!("expected an object {{id, question, answer}}, found {}", kind(q)),
                    )
                })?;
                id_field(qo.get("id"), &format!("{path}.id"))?;
                let question = opt_string(qo.get("question"), &format!("{path}.question"), MAX_TEXT_CHARS)?;
                let answer = opt_string(qo.get("answer"), &format!("{path}.answer"), MAX_TEXT_CHARS * 10)?;
                let answer = html_blocks(&answer);
                if answer.is_empty() {
                    continue;
                }
                let key = normalize(&question).join(" ");
                if key == "private notes" {
                    warnings.push(format!("{path} \"Private Notes\" is private to its author and is not imported"));
                    continue;
                }
                let take_aways = key == "key take aways" || key == "key takeaways";
                let prefix =
                    if take_aways || question.trim().is_empty() { String::new() } else { label_prefix(&question) };
                // Lines longer than an observation may be are cut into pieces within the limit;
                // the label is short enough to leave most of it.
                let room = MAX_TEXT_CHARS - prefix.chars().count();
                // One observation per block: a list item's lines stay one observation, as the
                // export wrote it.
                for line in &answer {
                    let (text, tag) =
                        if take_aways { parse_observation_line(line, rubric) } else { (line.clone(), None) };
                    for piece in split_long(&text, room) {
                        texts.push((format!("{prefix}{piece}"), tag.clone()));
                        if texts.len() > MAX_OBSERVATIONS {
                            return Err(too_many_observations());
                        }
                    }
                }
            }
        }
        Some(other) => {
            return Err(ImportError::invalid(
                "questions",
                format!("expected a list of questions, found {}", kind(other)),
            ))
        }
    }

    // Every text is within MAX_TEXT_CHARS: `split_long` cut the longer lines.
    for (i, (text, tag)) in texts.into_iter().enumerate() {
        let (capability, level, source) = match tag {
            Some((c, l, source)) => (Some(c), l, source),
            None => (None, Rating::NotAssessed, TagSource::Suggested),
        };
        card.observations.push(Observation { id: format!("o{}", i + 1), text, capability, level, source });
    }

    // The same validation every document gets, as the last word on limits and shapes.
    let card = Scorecard::from_value(&card.to_value(), rubric)?;
    let card = card.within_limit()?;
    Ok(GreenhouseImport { card, mappings, overall_recommendation, warnings })
}

/// The longest question or attribute name put before an answer or a note in an observation; a
/// longer one is cut, so the text after it always has most of the observation's room.
const MAX_LABEL_CHARS: usize = 200;

/// "Question: " in front of an answer's observations, the question cut to [`MAX_LABEL_CHARS`].
fn label_prefix(label: &str) -> String {
    let label = label.trim();
    match label.char_indices().nth(MAX_LABEL_CHARS) {
        Some((end, _)) => format!("{}…: ", &label[..end]),
        None => format!("{label}: "),
    }
}

fn too_many_observations() -> ImportError {
    ImportError::invalid("", format!("the notes and answers make more than {MAX_OBSERVATIONS} observations, the limit"))
}

/// Cuts a line into trimmed pieces of at most `room` characters (`room` above 0): at the last
/// sentence end (". ", "? " or "! ") in the second half of a piece, else at the last ASCII white
/// space, else after `room` characters. A line within `room` is one piece; a blank line, none.
fn split_long(line: &str, room: usize) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut rest = line.trim();
    while !rest.is_empty() {
        // Byte offsets: `limit` after `room` characters, `next` after one more (a cut may fall
        // on the character just after the piece: the space of a sentence end, or a space).
        let mut offsets = rest.char_indices().map(|(i, _)| i).skip(room);
        let Some(limit) = offsets.next() else {
            pieces.push(rest);
            break;
        };
        // Byte scans rather than `rfind` with a string pattern, whose searcher costs the on-demand
        // module about 1 KB. ASCII bytes are character boundaries.
        let window = rest.as_bytes().get(..offsets.next().unwrap_or(rest.len())).unwrap_or_default();
        let sentence = window
            .windows(2)
            .rposition(|w| matches!(w, [b'.' | b'?' | b'!', b' ']))
            .map(|i| i + 1)
            .filter(|&i| i >= limit / 2);
        let cut =
            sentence.or_else(|| window.iter().rposition(u8::is_ascii_whitespace)).filter(|&i| i > 0).unwrap_or(limit);
        let (Some(piece), Some(after)) = (rest.get(..cut), rest.get(cut..)) else {
            pieces.push(rest);
            break;
        };
        pieces.push(piece.trim_end());
        rest = after.trim_start();
    }
    pieces
}

/// An attribute mapped to a capability, kept until all attributes are read.
struct MappedAttribute {
    name: String,
    rating: Rating,
    /// The rating as Greenhouse gave it ("mixed").
    given: &'static str,
    note: String,
}

/// A tag read back from a Key Take-Aways line: capability id, level, and who set it.
type LineTag = (String, Rating, TagSource);

/// Reads a Key Take-Aways line back into text and tag, in any of [`observation_line`]'s forms,
/// where `Name` is a capability's name exactly. Any other line is untagged. When the line reads
/// as more than one capability's ("Technical: Systems: ..." is a "Technical" line too), the
/// longest name wins, whatever the rubric's order: the shorter reading takes part of the other
/// capability's name for text.
fn parse_observation_line(line: &str, rubric: &Rubric) -> (String, Option<LineTag>) {
    if let Some(text) = line.strip_prefix(UNTAGGED).filter(|t| reads_marked(t, rubric)) {
        return (text.to_string(), None);
    }
    let mut best = None;
    let mut longest = 0;
    for cap in &rubric.capabilities {
        let Some(rest) = line.strip_prefix(cap.name.as_str()).filter(|_| cap.name.len() > longest) else { continue };
        for level in [Rating::NotAssessed].into_iter().chain(Rating::LEVELS) {
            match tag_form(rest, level, rubric) {
                Some((source, text)) if !text.trim().is_empty() => {
                    best = Some((text, cap, level, source));
                    longest = cap.name.len();
                    break;
                }
                _ => {}
            }
        }
    }
    match best {
        Some((text, cap, level, source)) => (text.to_string(), Some((cap.id.clone(), level, source))),
        None => (line.to_string(), None),
    }
}

/// How an untagged Key Take-Aways line starts when its text would otherwise read as a tagged
/// one (see [`observation_line`]).
const UNTAGGED: &str = "Untagged: ";

/// Whether an untagged text goes out marked [`UNTAGGED`]: when it reads as a tagged line, or
/// starts with the mark itself (so that the import, which takes the mark off only then, gives
/// back the text as written; a line someone wrote "Untagged: …" in Greenhouse keeps its words).
fn reads_marked(text: &str, rubric: &Rubric) -> bool {
    text.starts_with(UNTAGGED) || parse_observation_line(text, rubric).1.is_some()
}

/// What follows a capability's name in one of [`observation_line`]'s forms with this level:
/// who set the tag, and the text. Prefixes only: no string search, no allocation.
fn tag_form<'a>(rest: &'a str, level: Rating, rubric: &Rubric) -> Option<(TagSource, &'a str)> {
    if level == Rating::NotAssessed {
        if let Some(text) = rest.strip_prefix(": ") {
            return Some((TagSource::Interviewer, text));
        }
        return Some((TagSource::Suggested, rest.strip_prefix(" (")?.strip_prefix(UNCONFIRMED)?.strip_prefix("): ")?));
    }
    let after = rest.strip_prefix(" (")?.strip_prefix(rubric.level_label(level))?;
    match after.strip_prefix("; ").and_then(|a| a.strip_prefix(UNCONFIRMED)) {
        Some(a) => Some((TagSource::Suggested, a.strip_prefix("): ")?)),
        None => Some((TagSource::Interviewer, after.strip_prefix("): ")?)),
    }
}

/// The `ratings` grouping object as (attribute name, rating) pairs.
fn read_grouping(v: Option<&Value>) -> Result<Vec<(String, GhRating)>, ImportError> {
    let mut out = Vec::new();
    let obj = match v {
        None | Some(Value::Null) => return Ok(out),
        Some(Value::Object(o)) => o,
        Some(other) => {
            return Err(ImportError::invalid(
                "ratings",
                format!("expected an object of attribute names grouped by rating, found {}", kind(other)),
            ))
        }
    };
    for (key, names) in obj {
        let path = format!("ratings.{}", clip(key));
        let r = GhRating::from_id(key).ok_or_else(|| {
            ImportError::invalid(
                &path,
                "unknown rating; expected definitely_not, no, mixed, yes, strong_yes or no_decision",
            )
        })?;
        let list = match names {
            Value::Array(l) => l,
            Value::Null => continue,
            other => {
                return Err(ImportError::invalid(
                    &path,
                    format!("expected a list of attribute names, found {}", kind(other)),
                ))
            }
        };
        if list.len() > MAX_ITEMS {
            return Err(ImportError::invalid(&path, format!("{} names; the limit is {MAX_ITEMS}", list.len())));
        }
        for (i, n) in list.iter().enumerate() {
            match n {
                Value::String(s) => out.push((s.clone(), r)),
                other => {
                    return Err(ImportError::invalid(
                        format!("{path}[{i}]"),
                        format!("expected an attribute name, found {}", kind(other)),
                    ))
                }
            }
        }
    }
    Ok(out)
}

fn import_person(v: &Value, field: &str) -> Result<Person, ImportError> {
    let o = v.as_object().ok_or_else(|| {
        ImportError::invalid(
            field,
            format!("expected an object {{id, first_name, last_name, name, employee_id}}, found {}", kind(v)),
        )
    })?;
    let id = id_field(o.get("id"), &format!("{field}.id"))?;
    let employee_id = opt_string(o.get("employee_id"), &format!("{field}.employee_id"), MAX_FIELD_CHARS)?;
    let first = opt_string(o.get("first_name"), &format!("{field}.first_name"), MAX_FIELD_CHARS)?;
    let last = opt_string(o.get("last_name"), &format!("{field}.last_name"), MAX_FIELD_CHARS)?;
    let mut name = opt_string(o.get("name"), &format!("{field}.name"), MAX_FIELD_CHARS)?;
    if name.trim().is_empty() {
        name = format!("{} {}", first.trim(), last.trim()).trim().to_string();
        if name.chars().count() > MAX_FIELD_CHARS {
            return Err(ImportError::invalid(
                format!("{field}.name"),
                format!("first and last name together exceed {MAX_FIELD_CHARS} characters"),
            ));
        }
    }
    Ok(Person { id: if id.is_empty() { employee_id } else { id }, name })
}

/// An id field: a whole number (Greenhouse's ids), a string, or null; returned as text.
fn id_field(v: Option<&Value>, path: &str) -> Result<String, ImportError> {
    match v {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => bounded(s, path, MAX_FIELD_CHARS),
        // 1042.0 (as pandas writes a column with a gap) is the id 1042, as in scorecard documents.
        Some(Value::Number(n)) => crate::core::scorecard::id_text(n)
            .ok_or_else(|| ImportError::invalid(path, crate::core::scorecard::ID_DIGITS)),
        Some(other) => Err(ImportError::invalid(path, format!("expected a whole number id, found {}", kind(other)))),
    }
}

/// A string field that may be absent or null.
fn opt_string(v: Option<&Value>, path: &str, max: usize) -> Result<String, ImportError> {
    match v {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => bounded(s, path, max),
        Some(other) => Err(ImportError::invalid(path, format!("expected a string or null, found {}", kind(other)))),
    }
}

/// An ISO-8601 time field, in RFC 3339's form as Greenhouse writes it ("" when absent).
fn time_field(v: Option<&Value>, path: &str) -> Result<String, ImportError> {
    let s = opt_string(v, path, 64)?;
    if !s.is_empty() && !is_date_time(&s) {
        return Err(ImportError::invalid(
            path,
            format!("expected an ISO-8601 time such as 2024-05-01T14:00:00Z, found \"{}\"", clip(&s)),
        ));
    }
    Ok(s)
}

fn bounded(s: &str, path: &str, max: usize) -> Result<String, ImportError> {
    let n = s.chars().count();
    if n > max {
        return Err(ImportError::invalid(path, format!("{n} characters; the limit is {max}")));
    }
    Ok(s.to_string())
}

// ---------------------------------------------------------------------------------------------
// Matching attribute names to capabilities.

/// Attribute names hiring teams use, mapped to the default rubric's capability ids. Phrases are
/// compared after [`normalize`]; entries whose capability the rubric lacks are ignored. The ladder
/// reader (`core::ladder`) reads capability headings through this table too: one table, so that a
/// name the import understands is the same capability in a ladder.
pub const SYNONYMS: &[(&str, &str)] = &[
    ("technical skills", "technical_expertise"),
    ("technical ability", "technical_expertise"),
    ("technical knowledge", "technical_expertise"),
    ("technical", "technical_expertise"),
    ("coding", "technical_expertise"),
    ("programming", "technical_expertise"),
    ("engineering", "technical_expertise"),
    ("problem solving", "technical_expertise"),
    ("problem solver", "technical_expertise"),
    ("system design", "technical_expertise"),
    ("architecture", "technical_expertise"),
    ("code quality", "technical_expertise"),
    ("project management", "project_ownership"),
    ("ownership", "project_ownership"),
    ("execution", "project_ownership"),
    ("delivery", "project_ownership"),
    ("planning", "project_ownership"),
    ("accountability", "project_ownership"),
    ("business acumen", "business_impact"),
    ("product sense", "business_impact"),
    ("product thinking", "business_impact"),
    ("customer focus", "business_impact"),
    ("business", "business_impact"),
    ("impact", "business_impact"),
    ("communication", "communication_collaboration"),
    ("collaboration", "communication_collaboration"),
    ("teamwork", "communication_collaboration"),
    ("stakeholder management", "communication_collaboration"),
    ("interpersonal", "communication_collaboration"),
    ("mentoring", "mentorship_support"),
    ("mentorship", "mentorship_support"),
    ("coaching", "mentorship_support"),
    ("teaching", "mentorship_support"),
    ("developing others", "mentorship_support"),
    ("leadership", "leadership_process"),
    ("process", "leadership_process"),
    ("process improvement", "leadership_process"),
    ("influence", "leadership_process"),
];

/// Words that carry no meaning for matching.
const STOP_WORDS: &[&str] =
    &["and", "of", "the", "a", "an", "in", "for", "to", "with", "skills", "skill", "ability", "abilities", "overall"];

/// Lower-case words of a name, without punctuation or [`STOP_WORDS`].
pub fn normalize(name: &str) -> Vec<String> {
    let lowered: String = name.chars().map(fold_lower).map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    lowered.split_whitespace().filter(|w| !STOP_WORDS.contains(w)).map(str::to_string).collect()
}

/// Lowercases a letter of the Latin (ASCII, Latin-1, Extended-A and Extended Additional, and
/// fullwidth), Greek, Cyrillic and Armenian alphabets as `char::to_lowercase` does; other
/// characters are kept as they are. Written with ranges for size: the full Unicode case tables
/// add about 6 KB (gzip) to the widget, for names that are almost always in these scripts.
fn fold_lower(c: char) -> char {
    let u = c as u32;
    let even = u % 2 == 0;
    let folded = match u {
        // Blocks where an upper-case letter and its lower case are neighbours, the upper one on
        // an even code point (U+0130, the dotted I, lowercases to two characters: kept as is)...
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if even => u + 1, // Latin Extended-A
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if even => u + 1, // Cyrillic
        0x1E00..=0x1E95 | 0x1EA0..=0x1EFF if even => u + 1,             // Latin Extended Additional
        // ...or on an odd one.
        0x139..=0x148 | 0x179..=0x17E | 0x4C1..=0x4CE if !even => u + 1,
        0x178 => 0xFF,
        0x3A2 => u, // Unassigned, between capital rho and sigma.
        0x386 => 0x3AC,
        0x388..=0x38A => u + 37,
        0x38C => 0x3CC,
        0x38E..=0x38F => u + 63,
        0x3AA..=0x3AB => u + 0x20,
        0x4C0 => 0x4CF,
        0x531..=0x556 => u + 0x30,
        0x1E9E => 0xDF,
        0xFF21..=0xFF3A => u + 0x20,
        _ => return crate::core::classifier::text::fold_case(c),
    };
    char::from_u32(folded).unwrap_or(c)
}

/// True when two words are the same or share a long prefix ("mentor" and "mentoring").
fn similar_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    common >= 4 && common + 3 >= shorter
}

/// Matches an attribute name to a capability of the rubric, saying how.
pub fn match_attribute(name: &str, rubric: &Rubric) -> (Option<String>, MatchKind) {
    let words = normalize(name);
    if words.is_empty() {
        return (None, MatchKind::Unmatched);
    }
    for cap in &rubric.capabilities {
        if words == normalize(&cap.name) || words == normalize(&cap.id) {
            return (Some(cap.id.clone()), MatchKind::Exact);
        }
    }
    let phrase = words.join(" ");
    for (syn, id) in SYNONYMS {
        if phrase == normalize(syn).join(" ") && rubric.capability(id).is_some() {
            return (Some((*id).to_string()), MatchKind::Synonym);
        }
    }
    // Word overlap: the share of the name's words that resemble a word of the capability's name,
    // id or synonyms. The best capability wins if it covers at least half of the words and no
    // other capability covers as many.
    let scores: Vec<(usize, &str)> = rubric
        .capabilities
        .iter()
        .map(|cap| {
            let mut vocabulary = normalize(&cap.name);
            vocabulary.extend(normalize(&cap.id));
            for (syn, id) in SYNONYMS {
                if *id == cap.id {
                    vocabulary.extend(normalize(syn));
                }
            }
            let hits = words.iter().filter(|w| vocabulary.iter().any(|v| similar_word(w, v))).count();
            (hits, cap.id.as_str())
        })
        .collect();
    // A scan rather than a sort, whose code costs about 1 KB of wasm: the first capability with
    // the most hits, if no other has as many.
    let best = scores.iter().map(|s| s.0).max().unwrap_or(0);
    let mut winners = scores.iter().filter(|s| s.0 == best);
    match (winners.next(), winners.next()) {
        (Some((_, id)), None) if best > 0 && best * 2 >= words.len() => (Some((*id).to_string()), MatchKind::Similar),
        _ => (None, MatchKind::Unmatched),
    }
}

// ---------------------------------------------------------------------------------------------
// HTML to text.

/// Elements whose start or end begins a new line.
const BLOCK_TAGS: &[&str] = &[
    "br",
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "hr",
    "section",
];

/// Turns the basic HTML of a Greenhouse answer into plain text, one text per block.
///
/// Tags are removed (the contents of `script`, `style` and comments with them), common entities
/// are decoded, block elements and line breaks end a block, runs of white space become one
/// space, and empty blocks are dropped. Within a list item (`<li>`) a `<br>` or a line break is
/// a line of the item, not a new block: the export writes a multi-line observation as one item
/// with `<br>`s, and it comes back as one text with its lines (its blank lines inside it kept).
/// A `<` that does not start a tag is kept as text. The result is text, to be shown as text:
/// nothing of it is ever interpreted as markup.
pub fn html_blocks(html: &str) -> Vec<String> {
    // Blocks end at '\n'; a line within a list item ends at '\r' (a '\r' of the text itself is
    // white space, made a space).
    let mut out = String::with_capacity(html.len());
    let mut item = false;
    let push = |out: &mut String, text: &str, item: bool| {
        out.extend(text.chars().map(|c| match c {
            '\r' => ' ',
            '\n' if item => '\r',
            c => c,
        }))
    };
    let mut rest = html;
    while let Some(i) = rest.find(['<', '&']) {
        push(&mut out, rest.get(..i).unwrap_or(""), item);
        rest = rest.get(i..).unwrap_or("");
        if rest.starts_with('&') {
            let (decoded, used) = entity(rest);
            push(&mut out, &decoded, item);
            rest = rest.get(used..).unwrap_or("");
            continue;
        }
        // `rest` starts with '<'.
        let after = rest.get(1..).unwrap_or("");
        if after.starts_with("!--") {
            rest = after.find("-->").and_then(|e| after.get(e + 3..)).unwrap_or("");
            continue;
        }
        let starts_tag =
            after.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!' || c == '?');
        if !starts_tag {
            out.push('<');
            rest = after;
            continue;
        }
        let Some(end) = after.find('>') else {
            // An unterminated tag: drop it rather than show half of it.
            rest = "";
            break;
        };
        let tag = after.get(..end).unwrap_or("");
        rest = after.get(end + 1..).unwrap_or("");
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if !closing && (name == "script" || name == "style") {
            // Skip past the matching end tag, whatever its case.
            let close = format!("</{name}");
            rest = match find_ignoring_ascii_case(rest, &close) {
                Some(p) => {
                    let from_close = rest.get(p..).unwrap_or("");
                    from_close.find('>').and_then(|e| from_close.get(e + 1..)).unwrap_or("")
                }
                None => "",
            };
            continue;
        }
        if name == "br" && item {
            out.push('\r');
        } else if BLOCK_TAGS.contains(&name.as_str()) {
            out.push('\n');
            // In an item from its start tag to its end, or to the end of its list (`</li>` may
            // be left out).
            if matches!(name.as_str(), "li" | "ul" | "ol") {
                item = name == "li" && !closing;
            }
        }
    }
    push(&mut out, rest, item);
    // Blocks with their white space collapsed, and their lines: blank ones kept between lines,
    // not at the ends. (One pass, not `split` and `split_whitespace`: smaller wasm.)
    let mut blocks = Vec::new();
    let (mut text, mut space, mut breaks) = (String::new(), false, 0);
    for c in out.chars().chain(['\n']) {
        match c {
            '\n' => {
                if !text.is_empty() {
                    blocks.push(std::mem::take(&mut text));
                }
                (space, breaks) = (false, 0);
            }
            '\r' => {
                breaks += usize::from(!text.is_empty());
                space = false;
            }
            c if c.is_whitespace() => space = !text.is_empty(),
            c => {
                if breaks > 0 {
                    text.push_str(&"\n".repeat(breaks));
                } else if space {
                    text.push(' ');
                }
                (space, breaks) = (false, 0);
                text.push(c);
            }
        }
    }
    blocks
}

/// The byte offset of `needle` (which starts with an ASCII character) in `hay`, ignoring ASCII
/// case. The offset is a character boundary because the match starts with an ASCII byte.
fn find_ignoring_ascii_case(hay: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    if needle.is_empty() {
        return Some(0);
    }
    hay.as_bytes().windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

/// Decodes the entity at the start of `s` (which starts with '&'): the text and the bytes used.
fn entity(s: &str) -> (String, usize) {
    let literal = ("&".to_string(), 1);
    // The ';' must come within the longest entity we decode; ';' is ASCII, so its byte position
    // is a character boundary.
    let Some(semi) = s.bytes().take(12).position(|b| b == b';') else {
        return literal;
    };
    let name = s.get(1..semi).unwrap_or("");
    let decoded = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => {
            let number = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok()
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse::<u32>().ok()
            } else {
                None
            };
            number.map(|n| char::from_u32(n).filter(|c| *c != '\0').unwrap_or('\u{fffd}'))
        }
    };
    match decoded {
        Some(c) => (c.to_string(), semi + 1),
        None => literal,
    }
}
