//! Calibration signals: how each panel member's ratings sit against the rest of the panel, and
//! how well they are backed.
//!
//! Leniency is measured on shared capabilities only: for each capability a member and at least
//! one other member rated, the member's level minus the mean level of the others. The mean of
//! those differences is reported; at or beyond [`LENIENCY_THRESHOLD`] levels, with at least
//! [`MIN_SHARED`] shared ratings, the member is called lenient or severe. The per-capability sums
//! are computed once per panel, so the cost is linear in the panel's size.

use std::collections::{BTreeMap, BTreeSet};

use super::verdict::words;
use super::{
    consensus::step, evidence_count, CapabilityRow, FlaggedText, Flagger, InterviewerSummary, Leaning,
    MemberCalibration,
};
use crate::core::engine::{fixed2, join_names};
use crate::core::rubric::Rubric;
use crate::core::scorecard::{clip, Rating, Scorecard};

/// A mean difference from the rest of the panel at or beyond this many levels is a lean.
pub const LENIENCY_THRESHOLD: f64 = 0.75;
/// Fewer shared ratings than this give no leniency judgement.
pub const MIN_SHARED: usize = 3;
/// The same level on every rated capability is a signal only with at least this many rated.
pub const MIN_UNIFORM: usize = 4;

/// Running totals per interviewer across every panel, for [`InterviewerSummary`].
#[derive(Default)]
pub struct Across {
    by_key: BTreeMap<String, Totals>,
}

#[derive(Default)]
struct Totals {
    /// The names their scorecards give, in the order added: those with the interviewer's id,
    /// once one is added (a name-only scorecard's spelling never names someone with an id).
    names: Vec<String>,
    scorecards: usize,
    candidates: usize,
    last_candidate: Option<String>,
    shared: usize,
    difference_sum: f64,
    unevidenced: usize,
    uniform: usize,
    flagged: usize,
    /// For an interviewer named without an id: how many interviewers with an id have the name
    /// (two or more: which one this is cannot be told).
    namesakes: usize,
    /// `names` are those of scorecards with the interviewer's id.
    name_with_id: bool,
    /// Panels (candidates) on which a scorecard of theirs was called lenient, or severe, on its
    /// own, and whether the current panel (`last_candidate`) already counts in each.
    lenient_panels: usize,
    severe_panels: usize,
    lenient_here: bool,
    severe_here: bool,
}

/// What one panel member adds to their interviewer's totals in [`Across`]: kept with a cached
/// panel (see `PanelCache`), so that a panel analysed before adds the same as when it was.
#[derive(Clone, Debug)]
pub struct Contribution {
    /// The interviewer's key ([`person_key`](super::person_key)).
    key: String,
    /// The interviewer's name as the scorecard gives it.
    pub(super) name: String,
    /// The scorecard names its interviewer without an id.
    pub(super) by_name: bool,
    shared: usize,
    difference_sum: f64,
    unevidenced: usize,
    uniform: bool,
    flagged: usize,
    /// The member's leaning on this panel alone.
    leaning: Leaning,
}

impl Across {
    /// Adds one panel member's calibration to their interviewer's totals (members named by no
    /// interviewer add nothing). Panels must be added in candidate order, and members in panel
    /// order, for the same sums. `namesakes`, for a member named without an id, are the ids of
    /// the interviewers of that name: with exactly one, the member is that interviewer; with
    /// more, they stay apart under their name, and their summary says why.
    pub fn add(&mut self, c: &Contribution, candidate: &str, namesakes: Option<&BTreeSet<&str>>) {
        let (key, namesakes) = match namesakes.map(|ids| (ids.len(), ids.first())) {
            Some((1, Some(id))) => (*id, 0),
            Some((n, _)) => (c.key.as_str(), n),
            None => (c.key.as_str(), 0),
        };
        if key.is_empty() {
            return;
        }
        // Looked up before inserting: most interviewers are already there, and a key is only
        // copied for a new one.
        if !self.by_key.contains_key(key) {
            self.by_key.insert(key.to_string(), Totals::default());
        }
        let Some(t) = self.by_key.get_mut(key) else { return };
        // Named as the scorecards with the id spell it, whichever panel comes first.
        if !c.by_name && !t.name_with_id {
            t.names.clear();
            t.name_with_id = true;
        }
        if c.by_name != t.name_with_id {
            t.names.push(c.name.clone());
        }
        t.namesakes = t.namesakes.max(namesakes);
        t.scorecards += 1;
        if t.last_candidate.as_deref() != Some(candidate) {
            t.candidates += 1;
            t.last_candidate = Some(candidate.to_string());
            t.lenient_here = false;
            t.severe_here = false;
        }
        // A panel that called them lenient (or severe) counts once, whatever the number of
        // their scorecards on it.
        match c.leaning {
            Leaning::Lenient if !t.lenient_here => {
                t.lenient_here = true;
                t.lenient_panels += 1;
            }
            Leaning::Severe if !t.severe_here => {
                t.severe_here = true;
                t.severe_panels += 1;
            }
            _ => {}
        }
        t.shared += c.shared;
        t.difference_sum += c.difference_sum;
        t.unevidenced += c.unevidenced;
        t.uniform += usize::from(c.uniform);
        t.flagged += c.flagged;
    }

    /// One summary per named interviewer, ordered by key. Scorecards that name no interviewer
    /// cannot be attributed to one person and are left out.
    pub fn summaries(self) -> Vec<InterviewerSummary> {
        self.by_key
            .into_iter()
            .map(|(key, t)| {
                let mean = (t.shared > 0).then(|| round2(t.difference_sum / t.shared as f64));
                let leaning = leaning(mean, t.shared);
                let mut signals = Vec::new();
                // Someone who never shared a rating with anyone (alone on each panel) has no one
                // to be compared with: nothing to say, as on a panel of one.
                if t.shared > 0 {
                    // A lean some panels call, which the sum over all of them does not reach, is
                    // said first: a bare "in line" would read as the check clearing them.
                    match (leaning, panels_flagging(t.lenient_panels, t.severe_panels, t.candidates)) {
                        (Leaning::InLine, Some(on)) => signals.push(format!(
                            "Possibly {on} taken alone; {} levels from the rest of their panels on average over all {} shared ratings, under the {} threshold.",
                            signed(mean.unwrap_or(0.0)),
                            t.shared,
                            fixed2(LENIENCY_THRESHOLD)
                        )),
                        (_, on) => {
                            signals.extend(lean_sentence(leaning, mean, t.shared, "across their panels"));
                            signals.extend(on.map(|on| format!("Possibly {on} taken alone.")));
                        }
                    }
                }
                if t.unevidenced > 0 {
                    signals.push(format!("{} rating{} without evidence.", t.unevidenced, plural(t.unevidenced)));
                }
                if t.uniform > 0 {
                    signals.push(format!("{} scorecard{} with the same rating everywhere.", t.uniform, plural(t.uniform)));
                }
                if t.flagged > 0 {
                    signals.push(format!("{} note{} or observation{} flagged as not evidence of behaviour.", t.flagged, plural(t.flagged), plural(t.flagged)));
                }
                if t.namesakes > 1 {
                    signals.push(format!(
                        "Named without an id on these scorecards, and {} interviewers with an id have this name: counted apart from them.",
                        t.namesakes
                    ));
                }
                InterviewerSummary {
                    interviewer: key,
                    // The spelling most of them use, as a candidate's.
                    name: super::panel_name(&mut t.names.iter().map(String::as_str)).to_string(),
                    // Set by the report, which knows every interviewer's name.
                    label: String::new(),
                    scorecards: t.scorecards,
                    candidates: t.candidates,
                    shared: t.shared,
                    mean_difference: mean,
                    leaning,
                    lenient_panels: t.lenient_panels,
                    severe_panels: t.severe_panels,
                    unevidenced: t.unevidenced,
                    uniform_scorecards: t.uniform,
                    flagged: t.flagged,
                    signals,
                }
            })
            .collect()
    }
}

/// Calibration of every member of one panel, in panel order, with what each adds to its
/// interviewer's totals across panels ([`Across::add`]).
pub fn members(
    rubric: &Rubric,
    members: &[(&str, &Scorecard)],
    matrix: &[CapabilityRow],
    flagger: Flagger<'_>,
) -> Vec<(MemberCalibration, Contribution)> {
    // Per capability: the sum and count of the assessed levels on the whole panel.
    let totals: Vec<(u32, u32)> = matrix
        .iter()
        .map(|row| {
            row.cells
                .iter()
                .filter_map(|c| step(c.level))
                .fold((0u32, 0u32), |(s, n), l| (s.saturating_add(u32::from(l)), n.saturating_add(1)))
        })
        .collect();
    let name_of = |id: &str| rubric.capability(id).map_or(id.to_string(), |c| c.name.clone());
    members
        .iter()
        .map(|(source, card)| {
            let mut rated = 0usize;
            let mut shared = 0usize;
            let mut difference_sum = 0.0;
            let mut unevidenced = Vec::new();
            let mut levels_given: Vec<Rating> = Vec::new();
            for (cap, (sum, count)) in rubric.capabilities.iter().zip(&totals) {
                let Some(own) = step(card.rating(&cap.id)) else { continue };
                rated += 1;
                levels_given.push(card.rating(&cap.id));
                if evidence_count(card, &cap.id, flagger) == 0 {
                    unevidenced.push(cap.id.clone());
                }
                if *count >= 2 {
                    let others = f64::from(sum.saturating_sub(u32::from(own))) / f64::from(count - 1);
                    difference_sum += f64::from(own) - others;
                    shared += 1;
                }
            }
            let mean = (shared > 0).then(|| round2(difference_sum / shared as f64));
            let lean = leaning(mean, shared);
            let uniform = match levels_given.first() {
                Some(first) if levels_given.len() >= MIN_UNIFORM && levels_given.iter().all(|l| l == first) => {
                    Some(*first)
                }
                _ => None,
            };
            let flagged = flag_texts(card, flagger);

            let mut signals = Vec::new();
            // Alone on a panel there is nobody to compare with: no sentence. Otherwise too few
            // shared ratings is said, so that "no signal" is not read as "in line".
            if members.len() > 1 && rated > 0 {
                signals.extend(lean_sentence(lean, mean, shared, "on this panel"));
            }
            if !unevidenced.is_empty() {
                signals.push(format!(
                    "Rated without evidence: {}.",
                    join_names(unevidenced.iter().map(|id| name_of(id)).collect())
                ));
            }
            if let Some(level) = uniform {
                signals.push(format!("Gave all {rated} rated capabilities the same rating ({}).", words(level)));
            }
            if !flagged.is_empty() {
                // Which texts, so the committee can find them: quoted, clipped, at most three.
                const SHOWN: usize = 3;
                // A text with a bias risk is not repeated (the summary is pasted into debriefs);
                // where it is and why is enough to find it.
                let quoted: Vec<String> = flagged
                    .iter()
                    .take(SHOWN)
                    .map(|f| {
                        let place = match (&f.capability, f.kind.as_str()) {
                            (Some(cap), "note") => format!("{} note", name_of(cap)),
                            (Some(cap), _) => format!("observation on {}", name_of(cap)),
                            (None, _) => "observation".to_string(),
                        };
                        // Once each: a note can carry two bias flags (kids and an accent).
                        let mut why: Vec<&str> = Vec::new();
                        for w in f.flags.iter().map(|id| flag_words(id)) {
                            if !why.contains(&w) {
                                why.push(w);
                            }
                        }
                        if f.flags.iter().any(|id| id == "bias_risk") {
                            format!("a text not repeated here ({place}; {})", why.join(", "))
                        } else {
                            format!("\"{}\" ({place}; {})", clip(&f.text), why.join(", "))
                        }
                    })
                    .collect();
                let more = flagged.len().saturating_sub(SHOWN);
                signals.push(format!(
                    "{} note{} or observation{} flagged as not evidence of behaviour: {}{}.",
                    flagged.len(),
                    plural(flagged.len()),
                    plural(flagged.len()),
                    quoted.join(", "),
                    if more > 0 { format!(" and {more} more") } else { String::new() }
                ));
            }

            let key = super::person_key(&card.interviewer);
            let contribution = Contribution {
                key: key.clone(),
                name: card.interviewer.name.clone(),
                by_name: card.interviewer.id.trim().is_empty(),
                shared,
                difference_sum,
                unevidenced: unevidenced.len(),
                uniform: uniform.is_some(),
                flagged: flagged.len(),
                leaning: lean,
            };

            let calibration = MemberCalibration {
                interviewer: key.to_string(),
                source: source.to_string(),
                rated,
                shared,
                mean_difference: mean,
                leaning: lean,
                unevidenced,
                uniform,
                flagged,
                signals,
            };
            (calibration, contribution)
        })
        .collect()
}

/// Runs the flagger over a scorecard's notes (in rubric-independent key order) and observations.
fn flag_texts(card: &Scorecard, flagger: Flagger<'_>) -> Vec<FlaggedText> {
    let Some(f) = flagger else { return Vec::new() };
    let mut out = Vec::new();
    for (cap, entry) in &card.ratings {
        if entry.note.trim().is_empty() {
            continue;
        }
        let flags = f(&entry.note);
        if !flags.is_empty() {
            out.push(FlaggedText {
                kind: "note".into(),
                capability: Some(cap.clone()),
                id: String::new(),
                text: entry.note.clone(),
                flags,
            });
        }
    }
    for o in &card.observations {
        let flags = f(&o.text);
        if !flags.is_empty() {
            out.push(FlaggedText {
                kind: "observation".into(),
                capability: o.capability.clone(),
                id: o.id.clone(),
                text: o.text.clone(),
                flags,
            });
        }
    }
    out
}

fn leaning(mean: Option<f64>, shared: usize) -> Leaning {
    match mean {
        Some(m) if shared >= MIN_SHARED && m >= LENIENCY_THRESHOLD => Leaning::Lenient,
        Some(m) if shared >= MIN_SHARED && m <= -LENIENCY_THRESHOLD => Leaning::Severe,
        _ if shared >= MIN_SHARED => Leaning::InLine,
        _ => Leaning::NotEnoughShared,
    }
}

/// Words for a flag id of the classifier's flag detector.
fn flag_words(id: &str) -> &str {
    match id {
        "non_behavioral" => "an impression, not behaviour",
        "bias_risk" => "bias risk",
        other => other,
    }
}

/// What a member's ratings say against the rest of the panel (`where_`: "on this panel",
/// "across their panels"), always with the mean difference and the number of shared ratings it
/// is taken over, so that "in line" is never read as a verdict without its figure.
fn lean_sentence(lean: Leaning, mean: Option<f64>, shared: usize, where_: &str) -> Option<String> {
    let m = mean.unwrap_or(0.0);
    let threshold = fixed2(LENIENCY_THRESHOLD);
    match lean {
        Leaning::NotEnoughShared if shared == 0 => {
            Some(format!("Shares no ratings with other interviewers {where_}: too few to tell whether they rate high or low."))
        }
        Leaning::NotEnoughShared => Some(format!(
            "Shares {shared} rating{} with other interviewers {where_}: too few to tell whether they rate high or low ({} levels from the rest of the panel on average; {MIN_SHARED} are needed).",
            plural(shared),
            signed(m)
        )),
        Leaning::Lenient => Some(format!(
            "Rates {} levels above the rest of the panel on average over {shared} shared ratings {where_}: possibly lenient.",
            fixed2(m.abs())
        )),
        Leaning::Severe => Some(format!(
            "Rates {} levels below the rest of the panel on average over {shared} shared ratings {where_}: possibly severe.",
            fixed2(m.abs())
        )),
        Leaning::InLine => Some(format!(
            "In line: {} levels from the rest of the panel on average over {shared} shared ratings {where_}, within the {threshold} threshold.",
            signed(m)
        )),
    }
}

/// Across panels: on how many of their panels (`of`) a scorecard of theirs was called lenient
/// or severe on that panel alone ("severe on 2 of 3 panels"); `None` when none was.
fn panels_flagging(lenient: usize, severe: usize, of: usize) -> Option<String> {
    let on = match (lenient, severe) {
        (0, 0) => return None,
        (l, 0) => format!("lenient on {l}"),
        (0, s) => format!("severe on {s}"),
        (l, s) => format!("lenient on {l} and severe on {s}"),
    };
    Some(format!("{on} of {of} panel{}", plural(of)))
}

/// A mean difference with its sign: "+0.20", "\u{2212}0.70" (a minus sign), "0.00".
fn signed(m: f64) -> String {
    let digits = fixed2(m.abs());
    if digits == "0.00" {
        digits
    } else if m < 0.0 {
        format!("\u{2212}{digits}")
    } else {
        format!("+{digits}")
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
