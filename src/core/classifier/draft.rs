//! Drafting a scorecard from observations: tag each observation with the classifier, then
//! propose a rating for every capability that has evidence.
//!
//! Two rules protect the interviewer's own work: an observation whose tag came from the
//! interviewer is never changed, and a rating that is already set is never overwritten. Only
//! capabilities still `not_assessed` receive a drafted rating.
//!
//! A note the classifier flags (an impression such as "seems smart", or a bias-prone remark) is
//! not evidence of behaviour: it is left untagged, as the widget leaves it, so it drafts nothing
//! until the interviewer tags it. So is a note the model knows no word of. A suggested tag whose
//! level is a guess ([`Classification::level_unsure`]) drafts nothing either.

use super::{classify_with, embedded_model, Classification, Model};
use crate::core::rubric::Rubric;
use crate::core::scorecard::{Rating, Scorecard, TagSource};

/// The weight of an observation the interviewer tagged, against a suggested tag's confidence.
pub const INTERVIEWER_WEIGHT: f64 = 1.0;

/// The least weight a suggested tag counts for, however unsure the classifier was.
pub const MIN_SUGGESTED_WEIGHT: f64 = 0.2;

/// Tags every observation whose tag is a suggestion (not the interviewer's) with the embedded
/// classifier. Returns how many observations were tagged. Observations the classifier cannot read
/// (an empty text, or no word the model knows), notes it flags ([`super::detect_flags`]) and
/// capabilities the rubric does not have are left untagged.
pub fn tag_observations(rubric: &Rubric, card: &mut Scorecard) -> usize {
    match embedded_model() {
        Ok(model) => tag_observations_with(model, rubric, card),
        Err(_) => 0,
    }
}

/// [`tag_observations`] with a given model.
pub fn tag_observations_with(model: &Model, rubric: &Rubric, card: &mut Scorecard) -> usize {
    let mut tagged = 0;
    for o in card.observations.iter_mut().filter(|o| o.source != TagSource::Interviewer) {
        match classify_with(model, &o.text) {
            Ok(c) if c.suggests_tag() && rubric.capability(&c.capability).is_some() => {
                // A level the classifier cannot tell is a guess: the tag names the capability
                // and leaves the level for the interviewer ("level?"), as the widget does.
                o.level = if c.level_unsure() { Rating::NotAssessed } else { c.level };
                o.capability = Some(c.capability);
                o.source = TagSource::Suggested;
                tagged += 1;
            }
            _ => {
                o.capability = None;
                o.level = Rating::NotAssessed;
            }
        }
    }
    tagged
}

/// Proposes a level for every capability that has tagged observations and no rating yet: the
/// evidence-weighted mean of its observations' levels (needs improvement 0, meets 1, exceeds 2),
/// rounded to the nearest level, halves rounding up; none where the observations disagree
/// (needs improvement and exceeds both read: see [`Drafts::split`]). Interviewer tags weigh
/// [`INTERVIEWER_WEIGHT`]; suggested ones weigh the classifier's confidence in them, and none
/// when their level is a guess (see [`Drafts::unsure`]). Ratings already set are never changed.
/// Returns the capability ids that received a draft.
pub fn draft_ratings(rubric: &Rubric, card: &mut Scorecard) -> Vec<String> {
    let model = embedded_model().ok();
    draft_ratings_with(rubric, card, |text| match model.map(|m| classify_with(m, text)) {
        Some(Ok(c)) => Evidence::of(&c),
        _ if super::has_bias_risk(&super::detect_flags(text)) => Evidence::BiasRisk,
        _ => Evidence::Confidence(None),
    })
    .drafted
}

/// What [`draft_ratings_with`] did: the capabilities it drafted a rating for, those it left
/// unrated because their observations disagree (some read needs improvement, some exceeds
/// expectations: a mean of the two would be a level that no observation supports), and those
/// it left unrated because their only evidence is tags without a level, or suggested ones whose
/// level the classifier could not tell ("Paired with me on the bug" says what the candidate
/// did, not how well), and
/// those whose every observation has a bias risk (never evidence, with a level or without).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drafts {
    pub drafted: Vec<String>,
    pub split: Vec<String>,
    pub unsure: Vec<String>,
    pub biased: Vec<String>,
}

/// What drafting knows of an observation's text: a bias risk (age, family, origin, appearance:
/// never evidence, whoever tagged it), the classifier's confidence in it (`None` when it cannot
/// say), or that the classifier could not tell its level ([`MIN_LEVEL_CONFIDENCE`]): a
/// suggested tag's level is then a guess and weighs nothing, while the interviewer's own tag
/// counts as ever. An impression the interviewer tagged by hand ("strong on SQL" reads as one)
/// still counts: the interviewer chose it, and the widget never suggests a tag for one.
///
/// [`MIN_LEVEL_CONFIDENCE`]: super::MIN_LEVEL_CONFIDENCE
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Evidence {
    BiasRisk,
    Confidence(Option<f64>),
    UnsureLevel,
}

impl Evidence {
    /// What a classifier reading says of its note, for drafting.
    pub fn of(c: &Classification) -> Evidence {
        if super::has_bias_risk(&c.flags) {
            Evidence::BiasRisk
        } else if c.level_unsure() {
            Evidence::UnsureLevel
        } else {
            Evidence::Confidence(Some(c.confidence))
        }
    }
}

/// [`draft_ratings`] with what the classifier read in each observation given by `evidence`.
/// The widget passes the readings it already holds, so drafting needs no model of its own.
/// Observations with a bias risk weigh nothing, even when the interviewer tagged them: a rating
/// is never drafted from a note about someone's age or family.
pub fn draft_ratings_with(rubric: &Rubric, card: &mut Scorecard, evidence: impl Fn(&str) -> Evidence) -> Drafts {
    let mut out = Drafts::default();
    for cap in &rubric.capabilities {
        if card.rating(&cap.id) != Rating::NotAssessed {
            continue;
        }
        let mut weight_sum = 0.0;
        let mut points_sum = 0.0;
        let (mut low, mut high, mut unsure, mut biased) = (false, false, false, false);
        for o in card.observations_for(&cap.id) {
            let evidence = evidence(&o.text);
            // A bias risk never counts, with a level or without: it is named as such, not as a
            // level still to set (setting one would change nothing).
            if evidence == Evidence::BiasRisk {
                biased = true;
                continue;
            }
            let Some(points) = o.level.points() else {
                // A tag without a level ("Level?"): the classifier could not tell it (a guess is
                // never stored as a level), and the interviewer has not chosen one yet (moving
                // the observation to this capability keeps it without).
                unsure = true;
                continue;
            };
            let weight = match (evidence, o.source) {
                (_, TagSource::Interviewer) => INTERVIEWER_WEIGHT,
                (Evidence::UnsureLevel, TagSource::Suggested) => {
                    unsure = true;
                    continue;
                }
                (Evidence::Confidence(c), TagSource::Suggested) => c.map_or(0.5, |c| c.max(MIN_SUGGESTED_WEIGHT)),
                (Evidence::BiasRisk, TagSource::Suggested) => continue, // (checked above)
            };
            weight_sum += weight;
            points_sum += weight * points;
            low |= o.level == Rating::NeedsImprovement;
            high |= o.level == Rating::Exceeds;
        }
        if weight_sum <= 0.0 {
            if unsure {
                out.unsure.push(cap.id.clone());
            } else if biased {
                out.biased.push(cap.id.clone());
            }
            continue;
        }
        if low && high {
            out.split.push(cap.id.clone());
            continue;
        }
        let mean = points_sum / weight_sum;
        let level = if mean >= 1.5 - 1e-9 {
            Rating::Exceeds
        } else if mean >= 0.5 - 1e-9 {
            Rating::Meets
        } else {
            Rating::NeedsImprovement
        };
        let entry = card.ratings.slot(&cap.id);
        (entry.level, entry.drafted) = (level, true);
        out.drafted.push(cap.id.clone());
    }
    out
}

/// Tags the observations, then drafts the ratings: [`tag_observations`] and [`draft_ratings`].
/// Returns the capability ids that received a drafted rating.
pub fn draft(rubric: &Rubric, card: &mut Scorecard) -> Vec<String> {
    tag_observations(rubric, card);
    draft_ratings(rubric, card)
}
