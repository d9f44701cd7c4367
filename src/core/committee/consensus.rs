//! The capability matrix of one panel: each member's level and evidence, and per capability the
//! consensus level, the spread and the disagreement flag.
//!
//! The consensus is the lower median of the assessed ratings: the middle rating when their
//! number is odd, the lower of the two middle ratings when it is even. A hire must be earned, so
//! a tie between two views resolves to the lower one. docs/WHY-committee.md gives the reasons.

use super::{bias_risk, evidence_count, flagged_count, observation_view, CapabilityRow, Cell, Flagger};
use crate::core::rubric::Rubric;
use crate::core::scorecard::{Rating, Scorecard};

/// Two members this many levels apart on a capability is a disagreement.
pub const DISAGREEMENT_LEVELS: u8 = 2;

/// A rating's position on the three-level scale (needs improvement 0, meets 1, exceeds 2).
pub fn step(r: Rating) -> Option<u8> {
    match r {
        Rating::NotAssessed => None,
        Rating::NeedsImprovement => Some(0),
        Rating::Meets => Some(1),
        Rating::Exceeds => Some(2),
    }
}

/// The consensus, lowest and highest assessed rating, and spread in levels of a set of ratings.
/// Unassessed entries are ignored; with none assessed, everything is `not_assessed` and the
/// spread is `None`.
pub fn summarize(levels: &[Rating]) -> (Rating, Rating, Rating, Option<u8>) {
    let mut assessed: Vec<Rating> = levels.iter().copied().filter(|r| *r != Rating::NotAssessed).collect();
    if assessed.is_empty() {
        return (Rating::NotAssessed, Rating::NotAssessed, Rating::NotAssessed, None);
    }
    assessed.sort_unstable();
    let lower_median = assessed.get((assessed.len() - 1) / 2).copied().unwrap_or(Rating::NotAssessed);
    let low = assessed.first().copied().unwrap_or(Rating::NotAssessed);
    let high = assessed.last().copied().unwrap_or(Rating::NotAssessed);
    let spread = match (step(low), step(high)) {
        (Some(l), Some(h)) => Some(h.saturating_sub(l)),
        _ => None,
    };
    (lower_median, low, high, spread)
}

/// One row per rubric capability, cells in panel order, then the drafts' cells, which count in
/// nothing else. `pivotal` is left false here; the committee verdict sets it once it knows which
/// capabilities the outcome rests on.
pub fn matrix(rubric: &Rubric, members: &[(&str, &Scorecard)], drafts: &[(&str, &Scorecard)], flagger: Flagger<'_>) -> Vec<CapabilityRow> {
    rubric
        .capabilities
        .iter()
        .map(|cap| {
            let cells_of = |cards: &[(&str, &Scorecard)]| -> Vec<Cell> {
                cards
                    .iter()
                    .map(|(_, card)| Cell {
                        interviewer: super::person_key(&card.interviewer),
                        level: card.rating(&cap.id),
                        evidence: evidence_count(card, &cap.id, flagger),
                        flagged: flagged_count(card, &cap.id, flagger),
                        note: card.note(&cap.id).to_string(),
                        note_bias_risk: bias_risk(flagger, card.note(&cap.id)),
                        observations: card.observations_for(&cap.id).map(|o| observation_view(o, flagger)).collect(),
                    })
                    .collect()
            };
            let cells = cells_of(members);
            let levels: Vec<Rating> = cells.iter().map(|c| c.level).collect();
            let (consensus, low, high, spread) = summarize(&levels);
            CapabilityRow {
                capability: cap.id.clone(),
                name: cap.name.clone(),
                core: rubric.policy.core.contains(&cap.id),
                assessed_by: levels.iter().filter(|r| **r != Rating::NotAssessed).count(),
                evidence: cells.iter().map(|c| c.evidence).sum(),
                cells,
                drafts: cells_of(drafts),
                consensus,
                low,
                high,
                spread,
                disagreement: spread.is_some_and(|s| s >= DISAGREEMENT_LEVELS),
                pivotal: false,
            }
        })
        .collect()
}
