//! The observation classifier: from one interviewer note to a capability, a level, a confidence,
//! the words that carried the decision, and warnings about the note itself.
//!
//! It is a small linear model over hand-normalised text, trained on the labelled corpus in
//! `data/corpus/train` by `scorecard classifier train` and embedded in the binary from
//! `data/model/classifier.txt`. Nothing is fetched at run time, the result is deterministic, and
//! every decision can be traced to weighted words and cues. docs/WHY-classifier.md gives the
//! reasons for the design.
//!
//! Evidence spans are byte ranges into the original text, always on `char` boundaries, so
//! `text.get(span.start..span.end)` is always `Some`.
//!
//! Modules: [`text`] normalises and tokenises, [`cues`] holds the hand-written lexicons,
//! [`features`] builds the sparse vectors, [`model`] scores them and reads the model file,
//! [`train`] fits and evaluates, [`flags`] detects impressions and bias-prone remarks, and
//! [`draft`] tags a scorecard's observations and drafts its ratings.

pub mod cues;
pub mod draft;
pub mod features;
pub mod flags;
pub mod fxhash;
pub mod model;
pub mod text;
pub mod train;

use std::fmt;
use std::sync::OnceLock;

use serde::Serialize;

pub use draft::{draft, draft_ratings, draft_ratings_with, tag_observations, Drafts, Evidence};
pub use flags::{detect_flags, flagged, has_bias_risk, Flag, FlagCache, FlagKind};
pub use model::Model;

use crate::core::scorecard::{Rating, MAX_TEXT_CHARS};

/// The embedded model's text (see [`model`] for the format).
pub const EMBEDDED_MODEL: &str = include_str!("../../../data/model/classifier.txt");

/// The most evidence spans returned for one note.
pub const MAX_EVIDENCE: usize = 4;

/// Below this probability a note's level is a guess: on the held-out split, levels read with
/// less were right half the time (21 of 41 notes), against two in three from 0.5 to 0.7 and 97 in
/// 100 above. A suggested tag with such a level drafts no rating ([`draft::Evidence::UnsureLevel`])
/// and the widget says the level is unsure rather than how sure the tag is.
pub const MIN_LEVEL_CONFIDENCE: f64 = 0.5;

/// A highlighted part of the note: a byte range on char boundaries, and why it counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Span {
    /// Byte offset of the first byte, on a char boundary.
    pub start: usize,
    /// Byte offset just past the last byte, on a char boundary.
    pub end: usize,
    /// What the words are evidence of, such as "topic: mentorship_support" or
    /// "level: exceeds (organisation-wide scope)".
    pub label: String,
}

/// What the classifier reads in a note.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Classification {
    /// The capability id, one of the model's classes (the default rubric's capability ids).
    pub capability: String,
    /// The level the note reads as: needs improvement, meets or exceeds (never not assessed).
    pub level: Rating,
    /// Between 0 and 1: the probability of this capability and this level together.
    pub confidence: f64,
    /// The probability of the capability alone; 0 when the model knows none of the note's words
    /// (a note in another language, say): the capability is then its prior, not a reading.
    pub capability_confidence: f64,
    /// The probability of the level alone; 0 when the model knows none of the note's words that
    /// bear on the level, and the level is then meets, where a hand tag starts.
    pub level_confidence: f64,
    /// The words that carried the decision, strongest first, at most [`MAX_EVIDENCE`].
    pub evidence: Vec<Span>,
    /// Warnings about the note itself; empty for a sound note.
    pub flags: Vec<Flag>,
}

impl Classification {
    /// Whether the reading is offered as the note's tag: the one rule of the widget, [`draft`] and
    /// `scorecard classify`. Not for a flagged note: an impression or a bias-prone remark is not
    /// evidence of behaviour, so it stays untagged (its flags say why) until the interviewer tags
    /// it. Nor for a note with no word known to the model: it is never tagged from the prior alone.
    pub fn suggests_tag(&self) -> bool {
        self.flags.is_empty() && self.capability_confidence > 0.0
    }

    /// Whether the level is a guess: below [`MIN_LEVEL_CONFIDENCE`], or read from no word.
    pub fn level_unsure(&self) -> bool {
        self.level_confidence < MIN_LEVEL_CONFIDENCE
    }
}

/// How the leveling engine counts a text, as the embedded classifier reads it
/// ([`crate::core::engine::recommend_read`]): flagged (an impression, a bias risk: not
/// evidence), evidence whose level is a guess ([`Classification::level_unsure`]: a suggested
/// tag's level on it counts for no level), or evidence. A text it cannot read is evidence,
/// unless the flag detector flags it.
pub fn reading(text: &str) -> crate::core::engine::Reading {
    use crate::core::engine::Reading;
    match classify(text) {
        Ok(c) if !c.flags.is_empty() => Reading::Flagged,
        Ok(c) if c.level_unsure() => Reading::LevelUnsure,
        Ok(_) => Reading::Evidence,
        Err(_) if flagged(text) => Reading::Flagged,
        Err(_) => Reading::Evidence,
    }
}

/// Why a note could not be classified.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClassifyError {
    /// The note is empty or only white space.
    Empty,
    /// The note is longer than [`MAX_TEXT_CHARS`] characters: (its length).
    TooLong(usize),
    /// The note holds no letters or digits to read.
    NoWords,
    /// The embedded model could not be read (never expected: a test parses it).
    ModelUnavailable(String),
}

impl fmt::Display for ClassifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClassifyError::Empty => write!(f, "the note is empty; write what the candidate said or did"),
            ClassifyError::TooLong(n) => write!(f, "the note is {n} characters; the limit is {MAX_TEXT_CHARS}"),
            ClassifyError::NoWords => write!(f, "the note has no words to classify"),
            ClassifyError::ModelUnavailable(m) => write!(f, "the classifier model is unavailable: {m}"),
        }
    }
}

impl std::error::Error for ClassifyError {}

/// The embedded model, parsed once. An unreadable model is reported, never a panic.
pub fn embedded_model() -> Result<&'static Model, ClassifyError> {
    static MODEL: OnceLock<Result<Model, String>> = OnceLock::new();
    MODEL.get_or_init(|| Model::parse(EMBEDDED_MODEL)).as_ref().map_err(|e| ClassifyError::ModelUnavailable(e.clone()))
}

/// Classifies one note with the embedded model.
///
/// ```
/// use scorecard::core::classifier::classify;
/// let c = classify("Mentors two new grads on her team and meets them weekly.").unwrap();
/// assert_eq!(c.capability, "mentorship_support");
/// ```
pub fn classify(text: &str) -> Result<Classification, ClassifyError> {
    classify_with(embedded_model()?, text)
}

/// Classifies one note with a given model (a freshly trained one, for instance).
pub fn classify_with(model: &Model, text: &str) -> Result<Classification, ClassifyError> {
    if text.trim().is_empty() {
        return Err(ClassifyError::Empty);
    }
    let chars = text.chars().count();
    if chars > MAX_TEXT_CHARS {
        return Err(ClassifyError::TooLong(chars));
    }
    let tokens = text::tokenize(text);
    if tokens.is_empty() {
        return Err(ClassifyError::NoWords);
    }
    let feats = features::extract(&tokens);
    let cap_rows = model.capability.lookup(&feats.capability);
    let lvl_rows = model.level.lookup(&feats.level);
    let (ci, mut cp) = read_head(&model.capability, &feats.capability, &cap_rows);
    let (li, mut lp) = read_head(&model.level, &feats.level, &lvl_rows);
    // Lines about different capabilities (a pasted list kept as one note): whatever one tag the
    // whole reads as is a guess, never a confident one, and its level says nothing drafted.
    if several_topics(model, text) {
        cp = cp.min(MULTI_TOPIC_CONFIDENCE);
        lp = lp.min(MULTI_TOPIC_CONFIDENCE);
    }
    let capability = model.capability.classes.get(ci).cloned().unwrap_or_default();
    let level = model.level.classes.get(li).and_then(|l| Rating::from_id(l)).unwrap_or(Rating::Meets);
    let scored = Scored { tokens: &tokens, feats: &feats, cap_rows: &cap_rows, lvl_rows: &lvl_rows };
    let evidence = evidence(text, &scored, ci, li, &capability, level);
    let flags = flags::detect(text, &tokens);
    let round = |x: f32| (f64::from(x) * 100.0).round() / 100.0;
    Ok(Classification {
        capability,
        level,
        confidence: round(cp * lp),
        capability_confidence: round(cp),
        level_confidence: round(lp),
        evidence,
        flags,
    })
}

/// The most a note whose lines read as different capabilities is sure of its capability or its
/// level: below [`MIN_LEVEL_CONFIDENCE`], so its level is a guess and drafts nothing.
pub const MULTI_TOPIC_CONFIDENCE: f32 = 0.3;

/// Whether two lines of `text` read as different capabilities, each from words the model knows.
fn several_topics(model: &Model, text: &str) -> bool {
    if !text.contains('\n') {
        return false;
    }
    let mut first = None;
    for line in text.lines() {
        let tokens = text::tokenize(line);
        if tokens.is_empty() {
            continue;
        }
        let feats = features::extract(&tokens);
        let (ci, p) = read_head(&model.capability, &feats.capability, &model.capability.lookup(&feats.capability));
        if p > 0.0 && *first.get_or_insert(ci) != ci {
            return true;
        }
    }
    false
}

/// The bare prediction used by evaluation: capability and level, no evidence or flags.
pub(crate) struct Prediction {
    pub capability: String,
    pub level: Rating,
}

pub(crate) fn predict(model: &Model, text: &str) -> Option<Prediction> {
    let tokens = text::tokenize(text);
    let feats = features::extract(&tokens);
    let (ci, _) = read_head(&model.capability, &feats.capability, &model.capability.lookup(&feats.capability));
    let (li, _) = read_head(&model.level, &feats.level, &model.level.lookup(&feats.level));
    Some(Prediction {
        capability: model.capability.classes.get(ci)?.clone(),
        level: Rating::from_id(model.level.classes.get(li)?)?,
    })
}

/// The class a head reads in a note and its probability. A head that knows none of the note's
/// features has only its biases to go on, which say what training notes with no known word
/// tended to be, not what this note says: it reads with probability 0, the level head meets (where a hand tag starts), the capability head its prior (never
/// suggested as a tag: [`Classification::suggests_tag`]).
fn read_head(head: &model::Head, feats: &[features::Feature], rows: &[Option<&[f32]>]) -> (usize, f32) {
    let (i, p) = argmax(&model::softmax(&head.logits_at(feats, rows)));
    if rows.iter().any(Option::is_some) {
        return (i, p);
    }
    (head.classes.iter().position(|c| c == Rating::Meets.id()).unwrap_or(i), 0.0)
}

/// Index and value of the largest element; the first on ties, so results are deterministic.
fn argmax(p: &[f32]) -> (usize, f32) {
    let mut best = (0, f32::NEG_INFINITY);
    for (i, &v) in p.iter().enumerate() {
        if v > best.1 {
            best = (i, v);
        }
    }
    (best.0, best.1.max(0.0))
}

/// A human description of a level cue, for evidence labels.
fn cue_label(feature: &str) -> Option<&'static str> {
    Some(match feature {
        "#scope_org" => "organisation-wide scope",
        "#scope_multi" => "scope beyond one team",
        "#scope_team" => "scope of one team",
        "#adopt_wide" => "adopted widely",
        "#ahead" => "ahead of schedule",
        "#on_time" => "on time",
        "#late" => "late or slipped",
        "#help" => "needed help or prompting",
        "#independent" => "worked without help",
        "#struggle" | "!#capable" => "struggled",
        "#capable" | "!#struggle" => "sound work",
        "#strong" => "exceptional",
        "#measured" => "measured outcome",
        "#rubric_exceeds" => "the rubric's exceeds wording",
        "#inquire" => "clarified before acting",
        _ => return None,
    })
}

/// Words that can carry weight in the model (the training notes use them more at one level than
/// another) but explain nothing to the interviewer when highlighted alone: prepositions and
/// verbs of starting and ending ("Walked me through", "within a minute", "Started by asking").
/// A phrase that holds one of them and a content word ("before proposing") is still shown.
const BARE_WORDS: &str = "through within before after during around over under until via per upon toward towards end start began begin come came comes";

/// Whether every token of a piece is a function word or one of [`BARE_WORDS`].
fn bare(tokens: &[text::Token], first: usize, last: usize) -> bool {
    tokens.get(first..=last).is_some_and(|ts| {
        ts.iter().all(|t| t.stop || BARE_WORDS.split_ascii_whitespace().any(|w| w == t.word || w == t.stem))
    })
}

/// A note's tokens and features with their looked-up weight rows.
struct Scored<'a> {
    tokens: &'a [text::Token],
    feats: &'a features::Features,
    cap_rows: &'a [Option<&'a [f32]>],
    lvl_rows: &'a [Option<&'a [f32]>],
}

/// Picks the words that pushed hardest towards the chosen capability and level, and merges
/// neighbouring ones into phrases.
fn evidence(text: &str, scored: &Scored<'_>, ci: usize, li: usize, capability: &str, level: Rating) -> Vec<Span> {
    let tokens = scored.tokens;
    // Score every feature, then spread its score over the tokens it covers.
    struct Piece {
        first: usize,
        last: usize,
        score: f32,
        label: String,
    }
    let mut pieces: Vec<Piece> = Vec::new();
    for (f, row) in scored.feats.capability.iter().zip(scored.cap_rows) {
        let s = model::Head::contribution(*row, f.value, ci);
        if s > 0.0 {
            pieces.push(Piece { first: f.first, last: f.last, score: s, label: format!("topic: {capability}") });
        }
    }
    for (f, row) in scored.feats.level.iter().zip(scored.lvl_rows) {
        let s = model::Head::contribution(*row, f.value, li);
        if s > 0.0 {
            let label = match cue_label(&f.name) {
                Some(d) => format!("level: {} ({d})", level.id()),
                None if f.name.starts_with('!') => format!("level: {} (negated)", level.id()),
                None => format!("level: {}", level.id()),
            };
            pieces.push(Piece { first: f.first, last: f.last, score: s, label });
        }
    }
    pieces.sort_unstable_by(|a, b| b.score.total_cmp(&a.score).then(a.first.cmp(&b.first)));
    // The two heads weigh on different scales, so each gets its own share of the spans: topic
    // words first, then the words that set the level.
    let mut chosen: Vec<Piece> = Vec::new();
    for (prefix, share) in [("topic", MAX_EVIDENCE - MAX_EVIDENCE / 2), ("level", MAX_EVIDENCE / 2)] {
        let mut taken = 0;
        let mut top = None;
        for p in pieces.iter().filter(|p| p.label.starts_with(prefix) && !bare(tokens, p.first, p.last)) {
            let top = *top.get_or_insert(p.score);
            if taken >= share || p.score < top * 0.25 {
                break;
            }
            // Merge with an overlapping or adjacent piece of the same label.
            if let Some(c) =
                chosen.iter_mut().find(|c| c.label == p.label && p.first <= c.last + 1 && c.first <= p.last + 1)
            {
                c.first = c.first.min(p.first);
                c.last = c.last.max(p.last);
                continue;
            }
            if chosen.iter().any(|c| p.first <= c.last && c.first <= p.last) {
                continue;
            }
            chosen.push(Piece { first: p.first, last: p.last, score: p.score, label: p.label.clone() });
            taken += 1;
        }
    }
    chosen
        .into_iter()
        .filter_map(|p| {
            let start = tokens.get(p.first)?.start;
            let end = tokens.get(p.last)?.end;
            // Offsets come from char_indices, so this always holds; checked for safety.
            text.get(start..end)?;
            Some(Span { start, end, label: p.label })
        })
        .collect()
}
