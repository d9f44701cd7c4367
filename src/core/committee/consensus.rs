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
    let n = counts(levels.iter().copied());
    let held = || LEVELS.into_iter().zip(n).filter(|(_, k)| *k > 0).map(|(l, _)| l);
    let (Some(low), Some(high)) = (held().next(), held().next_back()) else {
        return (Rating::NotAssessed, Rating::NotAssessed, Rating::NotAssessed, None);
    };
    let spread = match (step(low), step(high)) {
        (Some(l), Some(h)) => Some(h.saturating_sub(l)),
        _ => None,
    };
    (median(n, false), low, high, spread)
}

/// The assessed levels, in [`step`]'s order.
const LEVELS: [Rating; 3] = [Rating::NeedsImprovement, Rating::Meets, Rating::Exceeds];

/// How many of `levels` are at each assessed level, in [`step`]'s order (unassessed ones are
/// not counted).
pub fn counts(levels: impl IntoIterator<Item = Rating>) -> [usize; 3] {
    let mut n = [0; 3];
    for k in levels.into_iter().filter_map(step) {
        n[usize::from(k)] += 1;
    }
    n
}

/// The lower (or `upper`) median of ratings counted by level ([`counts`]): the lower is the
/// consensus, the middle rating of an odd number, the lower of the two middle ones of an even
/// number; `not_assessed` of none. (The committee's leave-one-out takes a member's level off a
/// row's counts and asks both, `verdict`.)
pub fn median(n: [usize; 3], upper: bool) -> Rating {
    let total: usize = n.iter().sum();
    let mut at = if upper { total / 2 } else { total.saturating_sub(1) / 2 };
    for (level, k) in LEVELS.into_iter().zip(n) {
        if total > 0 && at < k {
            return level;
        }
        at = at.saturating_sub(k);
    }
    Rating::NotAssessed
}

/// One row per rubric capability, cells in panel order, then the drafts' cells, which count in
/// nothing else. `pivotal` is left false here; the committee verdict sets it once it knows which
/// capabilities the outcome rests on.
pub fn matrix(
    rubric: &Rubric,
    members: &[(&str, &Scorecard)],
    drafts: &[(&str, &Scorecard)],
    flagger: Flagger<'_>,
) -> Vec<CapabilityRow> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_medians_and_bounds_of_counts_are_those_of_the_sorted_ratings() {
        // Every panel of up to six members over the three levels and none, against the
        // definitions read off the sorted assessed ratings.
        let levels = [Rating::NotAssessed, Rating::NeedsImprovement, Rating::Meets, Rating::Exceeds];
        for size in 0..=6u32 {
            for code in 0..4usize.pow(size) {
                let panel: Vec<Rating> = (0..size).map(|d| levels[code / 4usize.pow(d) % 4]).collect();
                let mut sorted: Vec<Rating> = panel.iter().copied().filter(|r| *r != Rating::NotAssessed).collect();
                sorted.sort_unstable();
                let at = |k: Option<usize>| k.and_then(|k| sorted.get(k)).copied().unwrap_or(Rating::NotAssessed);
                let n = counts(panel.iter().copied());
                assert_eq!(median(n, false), at(sorted.len().checked_sub(1).map(|m| m / 2)), "{panel:?}");
                assert_eq!(median(n, true), at(Some(sorted.len() / 2)), "{panel:?}");
                let (consensus, low, high, spread) = summarize(&panel);
                assert_eq!(
                    (consensus, low, high),
                    (median(n, false), at(Some(0)), at(sorted.len().checked_sub(1))),
                    "{panel:?}"
                );
                assert_eq!(spread, step(high).zip(step(low)).map(|(h, l)| h - l), "{panel:?}");
            }
        }
    }
}
