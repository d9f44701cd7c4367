//! The committee recommendation: the leveling engine run on the panel's consensus ratings, with
//! the disagreements the outcome rests on named and the confidence lowered by them.
//!
//! The committee gets no policy of its own. Its consensus ratings go into a synthetic scorecard
//! and through [`engine::recommend`], so a panel and a single interviewer are judged by the same
//! bands. Each contested capability is then re-evaluated at its lowest and highest view to say
//! what the outcome would have been had that view held. An outcome that rests on a split gets
//! Greenhouse's plain answer ("No", "Yes"), never its strongest.

use std::collections::HashMap;

use super::consensus::{counts, median, step};
use super::{CapabilityRow, CommitteeRecommendation, Contest, LeftOut, OutcomeSummary, PanelMember};
use crate::core::engine::{self, evaluate, join_names, Decision, Greenhouse, Outcome};
use crate::core::rubric::Rubric;
use crate::core::scorecard::{clip, Observation, Person, Rating, RatingEntry, Scorecard};

/// Confidence taken off for each capability whose lowest or highest view changes the outcome.
pub const PIVOTAL_PENALTY: f64 = 0.15;
/// Confidence taken off for each two-level disagreement that does not change the outcome.
pub const DISAGREEMENT_PENALTY: f64 = 0.08;
/// Confidence taken off for each other one-level split.
pub const SPLIT_PENALTY: f64 = 0.02;
/// The disagreement penalty never takes confidence below this.
pub const CONFIDENCE_FLOOR: f64 = 0.05;

/// The name the synthetic committee scorecard gives as its interviewer.
pub const COMMITTEE_NAME: &str = "Committee";

/// Builds the committee recommendation and marks the matrix rows the outcome rests on. The
/// matrix holds the `members`' submitted scorecards; `drafts`, not counted, are named, and so
/// are the members that name no interviewer, counted but never checked for repeats.
///
/// `alone` is the one scorecard of a panel of one: its consensus is its ratings, so the engine
/// reads that scorecard itself, its observations against its ratings as the scorer does (with
/// `flagger`'s flags not counted), and a panel of one gets the confidence its interviewer saw. A larger panel's
/// observations back each interviewer's own rating, not the consensus: they are not read so.
pub fn committee(
    rubric: &Rubric,
    candidate: &Person,
    matrix: &mut [CapabilityRow],
    members: &[PanelMember],
    drafts: &[PanelMember],
    alone: Option<&Scorecard>,
    flagger: super::Flagger<'_>,
) -> CommitteeRecommendation {
    let panel_size = members.len();
    // A panel of one: its consensus is its ratings, so the engine reads the scorecard itself.
    let panel;
    let card = match alone {
        Some(one) => one,
        None => {
            panel = synthetic(rubric, candidate, matrix);
            &panel
        }
    };
    let read = |t: &str| match flagger {
        Some(f) if alone.is_some() && !f(t).is_empty() => engine::Reading::Flagged,
        _ => engine::Reading::Evidence,
    };
    let mut rec = engine::recommend_as(
        rubric,
        card,
        &read,
        if alone.is_some() { engine::Voice::Interview } else { engine::Voice::Panel },
    );
    let consensus: HashMap<String, Rating> = matrix.iter().map(|r| (r.capability.clone(), r.consensus)).collect();
    let at = |id: &str| consensus.get(id).copied().unwrap_or(Rating::NotAssessed);
    let now = evaluate(rubric, &at);
    let bands = rubric.policy.bands.len();

    let mut contested = Vec::new();
    for row in matrix.iter().filter(|r| r.spread.is_some_and(|s| s >= 1)) {
        let with = |r: Rating| evaluate(rubric, &|id: &str| if id == row.capability { r } else { at(id) });
        let (low, high) = (with(row.low), with(row.high));
        contested.push(Contest {
            capability: row.capability.clone(),
            name: row.name.clone(),
            low: row.low,
            high: row.high,
            consensus: row.consensus,
            pivotal: !same(&low, &now) || !same(&high, &now),
            if_low: summary(rubric, &low),
            if_high: summary(rubric, &high),
        });
    }
    let (all_low, all_high) = if contested.is_empty() {
        (None, None)
    } else {
        let view = |high: bool| {
            evaluate(rubric, &|id: &str| match contested.iter().find(|c| c.capability == id) {
                Some(c) if high => c.high,
                Some(c) => c.low,
                None => at(id),
            })
        };
        (Some(view(false)), Some(view(true)))
    };
    // Splits that change nothing one at a time may still change the outcome all together (one
    // member rated every capability a level above another): then those that moved decide it
    // together, and are marked as the outcome resting on them.
    let flips = |o: &Option<Outcome>| o.as_ref().is_some_and(|o| !same(o, &now));
    let decided_together: Vec<String> = if contested.iter().any(|c| c.pivotal) {
        Vec::new()
    } else {
        let (low, high) = (flips(&all_low), flips(&all_high));
        contested
            .iter()
            .filter(|c| (low && c.low != c.consensus) || (high && c.high != c.consensus))
            .map(|c| c.capability.clone())
            .collect()
    };
    for row in matrix.iter_mut() {
        row.pivotal = contested.iter().any(|c| c.pivotal && c.capability == row.capability)
            || decided_together.contains(&row.capability);
    }

    let before = rec.confidence;
    let penalty: f64 = contested
        .iter()
        .map(|c| {
            let two_levels = matrix.iter().any(|r| r.capability == c.capability && r.disagreement);
            if c.pivotal {
                PIVOTAL_PENALTY
            } else if two_levels {
                DISAGREEMENT_PENALTY
            } else {
                SPLIT_PENALTY
            }
        })
        .sum::<f64>()
        // The splits that decide the outcome together cost what one deciding split costs.
        + if decided_together.is_empty() { 0.0 } else { PIVOTAL_PENALTY };
    if penalty > 0.0 {
        rec.confidence = (((before - penalty).max(CONFIDENCE_FLOOR).min(before)) * 100.0).round() / 100.0;
    }

    let mut said = vec![if panel_size == 0 {
        "No submitted scorecard yet: the committee has no rating to weigh.".to_string()
    } else {
        format!(
            "Committee view of {panel_size} {}scorecard{}: each capability at the lower median of the panel's ratings.",
            if drafts.is_empty() { "" } else { "submitted " },
            if panel_size == 1 { "" } else { "s" }
        )
    }];
    // A member as the reasons name one: the interviewer (or the key, or where the scorecard came
    // from) and the step. Quoted as messages quote user text: a direction override or isolate in
    // a name would reorder the rest of the sentence, so it is shown as its escape.
    // (`between` and `after` go around the step: ", " in a list, " (" and ")" in a sentence.)
    let who_of = |d: &PanelMember, between: &str, after: &str| {
        let name =
            if d.interviewer_name.trim().is_empty() { d.interviewer.as_str() } else { d.interviewer_name.trim() };
        let name = if name.is_empty() { d.source.as_str() } else { name };
        if d.step.trim().is_empty() {
            clip(name)
        } else {
            format!("{}{between}{}{after}", clip(name), clip(d.step.trim()))
        }
    };
    if !drafts.is_empty() {
        let who: Vec<String> = drafts.iter().map(|d| who_of(d, ", ", "")).collect();
        let one = drafts.len() == 1;
        said.push(format!(
            "Not counted: {} draft{} not yet submitted ({}); {} ratings count once {} submitted.",
            drafts.len(),
            if one { "" } else { "s" },
            who.join("; "),
            if one { "its" } else { "their" },
            if one { "it is" } else { "they are" }
        ));
    }
    // A scorecard naming no interviewer is counted, but nothing tells whether two of them are one
    // interview entered twice: said, with where each came from, so the committee can check.
    let unnamed: Vec<String> = members.iter().filter(|m| m.interviewer.is_empty()).map(|m| clip(&m.source)).collect();
    if !unnamed.is_empty() {
        let one = unnamed.len() == 1;
        said.push(format!(
            "Counted, though {} no interviewer: {}. {} cannot be checked for repeats: a scorecard submitted twice without its interviewer counts twice.",
            if one { "1 scorecard names" } else { "these scorecards name" },
            unnamed.join("; "),
            if one { "It" } else { "They" }
        ));
    }
    let mut minor = Vec::new();
    for c in &contested {
        let split = format!("{} vs {}", words(c.low), words(c.high));
        let two_levels = matrix.iter().any(|r| r.capability == c.capability && r.disagreement);
        if c.pivotal {
            let mut parts = Vec::new();
            if c.if_low.description != describe(rubric, &now) {
                parts.push(format!("had the lower view held, the outcome would be {}", c.if_low.description));
            }
            if c.if_high.description != describe(rubric, &now) {
                parts.push(format!("had the higher view held, the outcome would be {}", c.if_high.description));
            }
            said.push(format!("{} is contested ({split}); {}.", c.name, parts.join("; ")));
        } else if two_levels && decided_together.is_empty() {
            said.push(format!(
                "{} is split two levels ({split}); the outcome holds whichever view prevails, but the committee should discuss it.",
                c.name
            ));
        } else if two_levels {
            said.push(format!("{} is split two levels ({split}); alone, it does not change the outcome.", c.name));
        } else {
            minor.push(c.name.clone());
        }
    }
    if !minor.is_empty() {
        let alone = if decided_together.is_empty() {
            " without changing the outcome"
        } else {
            ", none changing the outcome alone"
        };
        said.push(format!("Split by one level{alone}: {}.", join_names(minor)));
    }
    if contested.len() > 1 {
        for (o, which) in [(&all_low, "lower"), (&all_high, "higher")] {
            if let Some(o) = o.as_ref().filter(|o| !same(o, &now)) {
                said.push(format!(
                    "{}ad every contested capability taken its {which} view, the outcome would be {}.",
                    if decided_together.is_empty() { "H" } else { "The splits decide the outcome together: h" },
                    describe(rubric, o)
                ));
            }
        }
    }
    // Leave-one-out: a panel of three or more whose outcome one scorecard decides. Each member's
    // scorecard is set aside in turn and the consensus taken again; those whose absence changes
    // the outcome are named, so the committee knows whose evidence to read first. (With two
    // members, the other's vote is already on the page.) Each row's levels are counted once, so
    // a member's turn costs one evaluation, not a pass over the panel: a panel of 10,000 took 20 s
    // the other way. The members whose absence gives one outcome share a sentence, at most
    // `NAMED` of them by name.
    let mut if_left_out = Vec::new();
    if panel_size >= 3 {
        let counted: Vec<[usize; 3]> = matrix.iter().map(|r| counts(r.cells.iter().map(|c| c.level))).collect();
        let mut groups: Vec<(OutcomeSummary, Vec<String>)> = Vec::new();
        for (i, m) in members.iter().enumerate() {
            let without = |upper: bool| {
                evaluate(rubric, &|id: &str| {
                    let Some(k) = matrix.iter().position(|r| r.capability == id) else { return Rating::NotAssessed };
                    let mut n = counted[k];
                    if let Some(own) = matrix[k].cells.get(i).and_then(|c| step(c.level)) {
                        n[own as usize] -= 1;
                    }
                    median(n, upper)
                })
            };
            // Named only when the outcome moves whichever way the even panel left behind breaks
            // its tie: otherwise it is the lower median's rule that moves it, not the member (each
            // of a two-to-one majority would be named, and nobody of the minority).
            let o = without(false);
            if !same(&o, &now) && !same(&without(true), &now) {
                let o = summary(rubric, &o);
                if_left_out.push(LeftOut { source: m.source.clone(), outcome: o.clone() });
                let name = who_of(m, " (", ")");
                match groups.iter_mut().find(|(g, _)| g.description == o.description) {
                    Some((_, names)) => names.push(name),
                    None => groups.push((o, vec![name])),
                }
            }
        }
        for (o, names) in groups {
            let more = names.len().saturating_sub(NAMED);
            let mut who = names.into_iter().take(NAMED).collect::<Vec<_>>().join(", or of ");
            if more > 0 {
                who.push_str(&format!(", or of {more} other{}", if more == 1 { "" } else { "s" }));
            }
            said.push(format!(
                "Rests on one scorecard: without that of {who}, the outcome would be {}.",
                o.description
            ));
        }
    }
    if rec.confidence < before {
        said.push(format!(
            "Confidence lowered from {}% to {}% by the panel's disagreement.",
            engine::percent(before),
            engine::percent(rec.confidence)
        ));
    }
    // Greenhouse's strongest answers say the panel leaves no doubt: an outcome that a split
    // decides (alone or with the others) gets the plain one, and the rationale says why.
    let softer = match rec.greenhouse {
        Greenhouse::DefinitelyNot => Some(Greenhouse::No),
        Greenhouse::StrongYes => Some(Greenhouse::Yes),
        _ => None,
    };
    if let Some(g) = softer.filter(|_| contested.iter().any(|c| c.pivotal) || !decided_together.is_empty()) {
        said.push(format!(
            "Greenhouse: \"{}\" rather than \"{}\", since the outcome rests on the panel's splits.",
            g.label(),
            rec.greenhouse.label()
        ));
        rec.greenhouse = g;
    }
    let first = rec.rationale.len().min(1);
    // The lines said go after the first, before the to-do lines: those move down with the rest.
    let n = said.len();
    rec.todo_lines = rec.todo_lines.start + n..rec.todo_lines.end + n;
    rec.rationale.splice(first..first, said);

    CommitteeRecommendation {
        rank: now.rank(bands),
        recommendation: rec,
        confidence_before_disagreement: before,
        contested,
        decided_together,
        if_lower_views_held: all_low.map(|o| summary(rubric, &o)),
        if_higher_views_held: all_high.map(|o| summary(rubric, &o)),
        if_left_out,
    }
}

/// The consensus ratings as a scorecard the engine can read. A capability's note summarises the
/// panel's ratings and evidence, and is left empty when nobody gave evidence, so the engine still
/// reports it as rated without evidence. A capability nobody rated but someone observed gets one
/// untagged-level observation, so the engine says "not rated, though it has observations" of it,
/// as it does of one interviewer's card, rather than that nobody assessed it.
fn synthetic(rubric: &Rubric, candidate: &Person, matrix: &[CapabilityRow]) -> Scorecard {
    let mut card = Scorecard::new(rubric);
    card.candidate = candidate.clone();
    card.interviewer = Person { id: String::new(), name: COMMITTEE_NAME.into() };
    card.interview.step = COMMITTEE_NAME.into();
    for row in matrix
        .iter()
        .filter(|r| r.consensus == Rating::NotAssessed && r.cells.iter().any(|c| !c.observations.is_empty()))
    {
        card.observations.push(Observation { capability: Some(row.capability.clone()), ..Default::default() });
    }
    for row in matrix.iter().filter(|r| r.consensus != Rating::NotAssessed) {
        let note = if row.evidence == 0 {
            String::new()
        } else {
            let counts: Vec<String> = Rating::LEVELS
                .into_iter()
                .filter_map(|l| {
                    let n = row.cells.iter().filter(|c| c.level == l).count();
                    (n > 0).then(|| format!("{n} {}", words(l)))
                })
                .collect();
            format!(
                "Committee consensus of {} rating{} ({}) with {} piece{} of evidence.",
                row.assessed_by,
                if row.assessed_by == 1 { "" } else { "s" },
                counts.join(", "),
                row.evidence,
                if row.evidence == 1 { "" } else { "s" }
            )
        };
        card.ratings.insert(row.capability.clone(), RatingEntry { level: row.consensus, note, ..Default::default() });
    }
    card
}

/// The most members a leave-one-out sentence names; the rest are counted.
const NAMED: usize = 3;

/// Two outcomes are the same when they reach the same decision and band.
fn same(a: &Outcome, b: &Outcome) -> bool {
    a.decision == b.decision && a.band == b.band
}

fn summary(rubric: &Rubric, o: &Outcome) -> OutcomeSummary {
    let band = o.band.and_then(|b| rubric.policy.bands.get(b));
    OutcomeSummary {
        decision: o.decision,
        level: band.map(|b| b.level.clone()),
        consider_level: band.and_then(|b| b.consider.clone()),
        description: describe(rubric, o),
    }
}

/// "hire at L4 with L5 to consider", "hire at L4", "no hire" or "insufficient evidence".
fn describe(rubric: &Rubric, o: &Outcome) -> String {
    match (o.decision, o.band.and_then(|b| rubric.policy.bands.get(b))) {
        (Decision::Hire, Some(b)) => match &b.consider {
            Some(c) => format!("hire at {} with {c} to consider", b.level),
            None => format!("hire at {}", b.level),
        },
        (Decision::Hire, None) => "hire".into(),
        (Decision::NoHire, _) => "no hire".into(),
        (Decision::InsufficientEvidence, _) => "insufficient evidence".into(),
    }
}

/// A rating in running text: "needs improvement", "meets", "exceeds", "not assessed".
pub fn words(r: Rating) -> &'static str {
    match r {
        Rating::NotAssessed => "not assessed",
        Rating::NeedsImprovement => "needs improvement",
        Rating::Meets => "meets",
        Rating::Exceeds => "exceeds",
    }
}
