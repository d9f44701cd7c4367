//! Committee analysis: what a hiring panel's scorecards say together.
//!
//! [`analyze`] takes any number of scorecards, each with a source label (a file name, or
//! `file:line`), and returns one [`CommitteeReport`]:
//!
//! - scorecards are grouped by candidate ([`person_key`]: the id, or the name as compared, case,
//!   spacing and the encoding of accents aside, when there is no id); scorecards made against
//!   another rubric, scorecards that name no candidate, and duplicate scorecards (same
//!   candidate, interviewer and interview step, compared so too) are reported apart and never
//!   counted twice; drafts (no `submitted_at`) are listed with their candidate but not counted:
//!   the matrix, the consensus, the recommendation and calibration are the submitted scorecards';
//! - per candidate, a matrix of capabilities by panel member, the consensus level, spread and
//!   disagreement flag of each capability, and the capabilities nobody assessed;
//! - a committee recommendation from the same engine and policy as a single scorecard, built from
//!   the consensus ratings, with sentences naming the disagreements the outcome rests on and a
//!   confidence lowered by them;
//! - calibration signals per panel member and per interviewer across panels (leniency or
//!   severity, ratings without evidence, the same rating everywhere, flagged notes);
//! - the candidates side by side.
//!
//! [`who_said_what`] lays out every panel member's notes and observations for one capability.
//! The reasons for every rule are in docs/WHY-committee.md.
//!
//! Grouping is hash- and tree-based and per-candidate work is linear in the panel size, so ten
//! thousand scorecards cost well under a second (see BENCHMARKS.md, "Committee"). Nothing here
//! performs I/O or panics on input.

mod calibration;
pub mod choice;
mod consensus;
mod identity;
mod markdown;
mod verdict;

pub use identity::{person_key, same_name};
pub use markdown::to_markdown;

use std::borrow::Borrow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;

use serde::Serialize;
use serde_json::Value;

use super::engine::{vote, Decision, Greenhouse, Recommendation};
use super::rubric::Rubric;
use super::scorecard::{clip, Observation, Person, Rating, Scorecard, ScorecardError, TagSource, MAX_DOCUMENT_BYTES};

pub use calibration::{LENIENCY_THRESHOLD, MIN_SHARED, MIN_UNIFORM};
pub use consensus::DISAGREEMENT_LEVELS;
pub use verdict::{COMMITTEE_NAME, CONFIDENCE_FLOOR, DISAGREEMENT_PENALTY, PIVOTAL_PENALTY, SPLIT_PENALTY};

/// A detector of non-behavioural language: returns the names of the flags it raises for a text
/// (empty when the text is fine). The classifier provides one; `None` skips the check.
pub type Flagger<'a> = Option<&'a dyn Fn(&str) -> Vec<String>>;

/// Everything the committee needs to see about a set of scorecards.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CommitteeReport {
    /// The rubric the panel is judged against.
    pub rubric: RubricSummary,
    /// The rubric's capabilities in display order: the rows of every matrix.
    pub capabilities: Vec<CapabilityInfo>,
    /// Scorecards given to the analysis, including those reported apart.
    pub scorecards: usize,
    /// Scorecards that count: submitted, not duplicates, not of another rubric, naming a candidate.
    pub counted: usize,
    /// One report per candidate, ordered by candidate key. Shared: [`analyze_with`] reuses the
    /// report of a panel that did not change.
    pub candidates: Vec<Rc<CandidateReport>>,
    /// The candidates side by side: strongest committee outcome first, then the higher confidence
    /// (as shown, in whole percent), then by name (numbers by value, [`natural_order`]).
    pub comparison: Vec<ComparisonRow>,
    /// Calibration of each interviewer across every panel they sat on, ordered by key.
    pub interviewers: Vec<InterviewerSummary>,
    /// Duplicate scorecards and which one was kept, by candidate, interviewer and step as the
    /// views name them (numbers by value, [`natural_order`]).
    pub duplicates: Vec<Duplicate>,
    /// Scorecards made against a different rubric, left out of every panel.
    pub other_rubric: Vec<OtherRubric>,
    /// Sources of scorecards that name no candidate (neither id nor name), left out.
    pub unidentified: Vec<String>,
    /// Inputs that could not be read or parsed. [`analyze`] leaves this empty; callers that load
    /// documents (the CLI, the web app) add their failures here.
    pub failed: Vec<LoadFailure>,
    /// How the committee names the interviewers of drafts who are not in `interviewers` (they
    /// have no counted scorecard), as (key, label): named with the others, so that a draft's
    /// column and a namesake's read apart ([`CommitteeReport::member_label`]).
    #[serde(skip)]
    pub drafters: Vec<(String, String)>,
}

/// Which rubric a report is for.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RubricSummary {
    pub id: String,
    pub version: u32,
    pub title: String,
    pub role: String,
    pub level: String,
}

/// One capability of the rubric, as a matrix row header.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CapabilityInfo {
    pub id: String,
    pub name: String,
    /// True for the policy's core capabilities.
    pub core: bool,
    /// Its weight in the score.
    pub weight: f64,
}

/// The analysis of one candidate's panel.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CandidateReport {
    /// The candidate's key ([`person_key`]): id, or the name as compared when there is no id
    /// ("priya raman" for a panel that writes "Priya Raman"; [`name`](Self::name) is how to show it).
    pub candidate: String,
    /// The candidate's name as the panel's scorecards spell it most often, counted or not (on a
    /// tie, a properly capitalised spelling, then the first loaded); "" when none gives one.
    pub name: String,
    /// The panel: one member per counted (submitted) scorecard, in load order. Matrix cells and
    /// calibration entries follow this order.
    pub panel: Vec<PanelMember>,
    /// Drafts (scorecards without `submitted_at`) of this candidate, in load order: shown, but not
    /// counted in the matrix, the consensus, the recommendation or calibration until submitted.
    pub drafts: Vec<PanelMember>,
    /// One row per rubric capability, in rubric order.
    pub matrix: Vec<CapabilityRow>,
    /// Capabilities nobody on the panel assessed.
    pub unassessed: Vec<String>,
    /// Capabilities flagged as a disagreement (two levels apart).
    pub disagreements: Vec<String>,
    /// Calibration signals, one entry per panel member.
    pub calibration: Vec<MemberCalibration>,
    /// The committee's recommendation from the consensus ratings.
    pub committee: CommitteeRecommendation,
    /// Who said what, for every capability that is disagreed on or that the outcome rests on.
    pub discuss: Vec<WhoSaidWhat>,
}

/// One scorecard on a panel.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PanelMember {
    /// Where the scorecard came from.
    pub source: String,
    /// The interviewer's key ([`person_key`]: id, or the name as compared); "" when the scorecard
    /// names nobody.
    pub interviewer: String,
    pub interviewer_name: String,
    /// The interview step, such as "System design".
    pub step: String,
    pub submitted_at: Option<String>,
    /// The version of the rubric the scorecard says it was made against. One of another version
    /// than the report's rubric (`CommitteeReport::rubric`) is counted under it all the same
    /// (a version keeps the rubric's capability ids); the views say so where they list it.
    pub rubric_version: u32,
    /// What the engine recommends from this scorecard alone: the member's vote.
    pub decision: Decision,
    pub greenhouse: Greenhouse,
    pub score: Option<f64>,
}

/// One capability across the panel.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CapabilityRow {
    pub capability: String,
    pub name: String,
    pub core: bool,
    /// One cell per panel member, in panel order.
    pub cells: Vec<Cell>,
    /// One cell per draft of the candidate ([`CandidateReport::drafts`]), in that order: shown
    /// beside the panel's, and counted in none of the figures below.
    pub drafts: Vec<Cell>,
    /// How many members assessed it.
    pub assessed_by: usize,
    /// The committee's level: the lower median of the assessed ratings; `not_assessed` if none.
    pub consensus: Rating,
    /// Lowest and highest assessed rating; `not_assessed` when nobody assessed it.
    pub low: Rating,
    pub high: Rating,
    /// Highest minus lowest assessed rating, in levels (0 to 2); `None` when nobody assessed it.
    pub spread: Option<u8>,
    /// True when two members are two levels apart (needs improvement against exceeds).
    pub disagreement: bool,
    /// True when the committee outcome would change had the lowest or the highest view of this
    /// capability been the consensus; or, when no split changes it alone, had every split taken
    /// its lowest (or highest) view together and this one moved with them (see
    /// [`CommitteeRecommendation::decided_together`]).
    pub pivotal: bool,
    /// Pieces of evidence behind it across the panel.
    pub evidence: usize,
}

/// One panel member's view of one capability.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cell {
    /// The member's interviewer key ([`person_key`]).
    pub interviewer: String,
    pub level: Rating,
    /// Observations tagged with the capability, plus one for a non-empty note, each unless the
    /// flagger flags it ([`evidence_count`]): the evidence the rating rests on.
    pub evidence: usize,
    /// The note and observations the flagger flags ([`flagged_count`]): shown, not evidence.
    pub flagged: usize,
    pub note: String,
    /// The flagger found a bias risk in the note (see [`ObservationView::bias_risk`]).
    pub note_bias_risk: bool,
    /// The observations tagged with the capability, in the scorecard's order: what the cell
    /// opens to beside the note.
    pub observations: Vec<ObservationView>,
}

/// The committee's recommendation for one candidate.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CommitteeRecommendation {
    /// The engine's recommendation on the consensus ratings, with the committee's sentences
    /// added to its rationale and its confidence lowered by disagreement.
    pub recommendation: Recommendation,
    /// The outcome's place in the policy's order: 0 for no hire, higher for each better band;
    /// `None` for insufficient evidence. Sorts candidates.
    pub rank: Option<usize>,
    /// The engine's confidence before the disagreement penalty.
    pub confidence_before_disagreement: f64,
    /// Every capability the panel is split on (spread of one level or more), in rubric order.
    pub contested: Vec<Contest>,
    /// The contested capabilities that decide the outcome together: when no single split changes
    /// it but all of them at their lowest, or at their highest, view would, those whose view
    /// moved. Empty otherwise. Costs the confidence what one pivotal split costs.
    pub decided_together: Vec<String>,
    /// The outcome had every contested capability taken its lowest view; `None` when nothing is
    /// contested.
    pub if_lower_views_held: Option<OutcomeSummary>,
    /// The outcome had every contested capability taken its highest view.
    pub if_higher_views_held: Option<OutcomeSummary>,
    /// In a panel of three or more, the members whose scorecard alone decides the outcome: with
    /// it set aside and the consensus taken again, the outcome differs. Panel order.
    pub if_left_out: Vec<LeftOut>,
}

/// A member whose scorecard the outcome rests on, and the outcome without it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LeftOut {
    /// The scorecard's source, as [`PanelMember::source`].
    pub source: String,
    pub outcome: OutcomeSummary,
}

impl CommitteeRecommendation {
    /// Whether an outcome is the committee's own: the same decision and level.
    pub fn is_outcome(&self, o: &OutcomeSummary) -> bool {
        let r = &self.recommendation;
        o.decision == r.decision && o.level == r.level && o.consider_level == r.consider_level
    }
}

/// A capability the panel is split on and what each side of the split would mean.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Contest {
    pub capability: String,
    pub name: String,
    pub low: Rating,
    pub high: Rating,
    pub consensus: Rating,
    /// The outcome with this capability at its lowest view, the others at consensus.
    pub if_low: OutcomeSummary,
    /// The outcome with this capability at its highest view, the others at consensus.
    pub if_high: OutcomeSummary,
    /// True when either view changes the committee outcome.
    pub pivotal: bool,
}

/// A bare outcome of the policy, for "had X held, the outcome would be Y".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OutcomeSummary {
    pub decision: Decision,
    pub level: Option<String>,
    pub consider_level: Option<String>,
    /// Such as "hire at L4 with L5 to consider" or "no hire".
    pub description: String,
}

/// Whether a panel member rates above or below the rest of the panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Leaning {
    /// On average at least [`LENIENCY_THRESHOLD`] levels above the others.
    Lenient,
    /// On average at least [`LENIENCY_THRESHOLD`] levels below the others.
    Severe,
    /// Within the threshold.
    InLine,
    /// Fewer than [`MIN_SHARED`] ratings shared with the others: no judgement.
    NotEnoughShared,
}

/// Calibration signals for one panel member on one candidate.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MemberCalibration {
    pub interviewer: String,
    pub source: String,
    /// Capabilities this member rated.
    pub rated: usize,
    /// Capabilities this member and at least one other member rated.
    pub shared: usize,
    /// Mean of (this member's level minus the others' mean level) over shared capabilities,
    /// rounded to two decimals; `None` when nothing is shared.
    pub mean_difference: Option<f64>,
    pub leaning: Leaning,
    /// Capabilities rated with neither a note nor a tagged observation.
    pub unevidenced: Vec<String>,
    /// The one level given to every rated capability, when at least [`MIN_UNIFORM`] are rated.
    pub uniform: Option<Rating>,
    /// Notes and observations the flagger raised flags on.
    pub flagged: Vec<FlaggedText>,
    /// The signals as sentences, empty when there is nothing to say.
    pub signals: Vec<String>,
}

/// A note or observation with the flags raised on it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FlaggedText {
    /// `note` or `observation`.
    pub kind: String,
    /// The capability it belongs to, if any.
    pub capability: Option<String>,
    /// The observation id; "" for a note.
    pub id: String,
    pub text: String,
    pub flags: Vec<String>,
}

/// One interviewer's calibration across every panel they sat on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InterviewerSummary {
    pub interviewer: String,
    pub name: String,
    /// How the committee names the interviewer, as [`ComparisonRow::label`] names a candidate.
    pub label: String,
    /// Counted scorecards by this interviewer.
    pub scorecards: usize,
    /// Distinct candidates they rated.
    pub candidates: usize,
    /// Shared ratings summed over their panels.
    pub shared: usize,
    /// Mean difference from the rest of each panel over all shared ratings.
    pub mean_difference: Option<f64>,
    pub leaning: Leaning,
    /// Their panels (candidates) on which a scorecard of theirs was called lenient, or severe,
    /// on that panel alone ([`MemberCalibration::leaning`]): said beside the leaning across
    /// panels, which a lean on some panels may not reach.
    pub lenient_panels: usize,
    pub severe_panels: usize,
    /// Ratings given without evidence, over all their scorecards.
    pub unevidenced: usize,
    /// Their scorecards with the same level everywhere (at least [`MIN_UNIFORM`] rated).
    pub uniform_scorecards: usize,
    /// Their notes and observations that raised flags.
    pub flagged: usize,
    pub signals: Vec<String>,
}

/// Candidates side by side: one row per candidate.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ComparisonRow {
    pub candidate: String,
    pub name: String,
    /// How the committee names the candidate everywhere (see [`shown_names`]): the name, the
    /// key when there is none (a candidate known only by id), and the key beside a name another
    /// candidate of the report also has ("Sam Lee (p-1)").
    pub label: String,
    pub decision: Decision,
    pub level: Option<String>,
    pub consider_level: Option<String>,
    pub greenhouse: Greenhouse,
    pub score: Option<f64>,
    pub confidence: f64,
    /// Counted (submitted) scorecards.
    pub panel_size: usize,
    /// Drafts loaded for the candidate, not counted.
    pub drafts: usize,
    /// The consensus of every rubric capability, in rubric order.
    pub profile: Vec<ProfileCell>,
}

/// One capability of a candidate's profile.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProfileCell {
    pub capability: String,
    pub consensus: Rating,
    pub spread: Option<u8>,
    pub disagreement: bool,
}

/// A set of duplicate scorecards: same candidate, interviewer and interview step (compared as
/// names are, [`same_name`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Duplicate {
    /// The candidate's and the interviewer's keys, as the report's candidates and interviewers
    /// carry them.
    pub candidate: String,
    pub interviewer: String,
    /// The step as the scorecard kept writes it.
    pub step: String,
    /// The source of the scorecard kept: the latest `submitted_at`, the first loaded on a tie.
    pub kept: String,
    /// The sources left out, in load order.
    pub dropped: Vec<String>,
}

/// A scorecard made against another rubric.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OtherRubric {
    pub source: String,
    pub rubric_id: String,
    pub rubric_version: u32,
    pub candidate: String,
    pub interviewer: String,
    pub step: String,
}

/// An input that could not be used, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LoadFailure {
    pub source: String,
    pub error: String,
}

/// Every panel member's evidence on one capability, side by side.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WhoSaidWhat {
    pub candidate: String,
    pub capability: String,
    pub name: String,
    pub consensus: Rating,
    pub spread: Option<u8>,
    /// One statement per panel member, in panel order, including members who did not rate it.
    pub statements: Vec<Statement>,
}

/// What one panel member said about one capability.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Statement {
    pub interviewer: String,
    pub interviewer_name: String,
    pub source: String,
    pub step: String,
    pub level: Rating,
    pub note: String,
    /// The flagger found a bias risk in the note (see [`ObservationView::bias_risk`]).
    pub note_bias_risk: bool,
    /// Observations tagged with the capability, in the scorecard's order.
    pub observations: Vec<ObservationView>,
}

/// An observation as shown to the committee.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ObservationView {
    pub id: String,
    pub text: String,
    pub level: Rating,
    pub source: TagSource,
    /// The flagger found a bias risk in the text (age, family, origin, looks, ...): the
    /// committee view keeps such a text folded away behind the reason, as the scorer's exports
    /// leave it out, so that it does not reach the decision by being read first. Always false
    /// without a flagger.
    pub bias_risk: bool,
}

/// One candidate's scorecards, in load order: those counted (submitted) and the drafts.
pub(crate) struct Panel<'a> {
    pub key: String,
    pub members: Vec<(&'a str, &'a Scorecard)>,
    pub drafts: Vec<(&'a str, &'a Scorecard)>,
    /// Where its scorecards, counted or not, are in the input, in load order.
    pub at: Vec<usize>,
    /// The first scorecard loaded, counted or not.
    pub first: Option<&'a Scorecard>,
    /// The candidate's name ([`panel_name`]) from its scorecards, counted or not ("" when none).
    pub name: &'a str,
}

/// The result of sorting the input into panels and the scorecards reported apart.
struct Sorted<'a> {
    panels: Vec<Panel<'a>>,
    duplicates: Vec<Duplicate>,
    other_rubric: Vec<OtherRubric>,
    unidentified: Vec<String>,
    /// The ids given with each interviewer's name (as [`same_name`] writes it), for members
    /// named without an id.
    interviewer_ids: HashMap<String, BTreeSet<&'a str>>,
}

/// Analyzes a set of scorecards against a rubric.
///
/// `cards` pairs each scorecard with its source label; a scorecard may be held in an `Rc` (the
/// committee view keeps each one read once and shares it between analyses). `flagger`, when
/// given, is run on every note and observation of the counted scorecards; its flags become
/// calibration signals.
pub fn analyze<C: Borrow<Scorecard>>(rubric: &Rubric, cards: &[(String, C)], flagger: Flagger<'_>) -> CommitteeReport {
    analyze_inner(rubric, cards, flagger, &mut |_| None, &mut |_, _, _| {})
}

/// The candidates' reports of an earlier [`analyze_with`], each with the scorecards it was made
/// from, so that the next analysis of a changed set redoes only the panels that changed: a
/// committee that loads one more scorecard, or a revision, pays for one panel, not for all.
///
/// A panel is reused when it holds the same scorecards, by address, under the same sources, in
/// the same order. The cache holds those scorecards (a `C` such as `Rc<Scorecard>` keeps them
/// alive, so an address is never another scorecard's; with owned scorecards nothing is ever
/// reused). Use one cache with one rubric and one flagger, which must be a function of the text
/// only, as the classifier's is.
pub struct PanelCache<C> {
    panels: HashMap<String, CachedPanel<C>>,
}

/// Says how many panels it holds, not what.
impl<C> std::fmt::Debug for PanelCache<C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PanelCache({} panels)", self.panels.len())
    }
}

impl<C> Default for PanelCache<C> {
    fn default() -> Self {
        PanelCache { panels: HashMap::new() }
    }
}

struct CachedPanel<C> {
    /// Its scorecards with their sources, in load order: the order breaks a tie between two
    /// spellings of the candidate's name, so the same scorecards in another order are another
    /// panel.
    cards: Vec<(String, C)>,
    report: Rc<CandidateReport>,
    across: Vec<calibration::Contribution>,
}

/// [`analyze`], reusing from `cache` the report of every panel whose scorecards did not change,
/// and leaving in it this analysis's panels. The report is the one [`analyze`] gives.
pub fn analyze_with<C: Borrow<Scorecard> + Clone>(
    rubric: &Rubric,
    cards: &[(String, C)],
    flagger: Flagger<'_>,
    cache: &mut PanelCache<C>,
) -> CommitteeReport {
    let mut old = std::mem::take(&mut cache.panels);
    let mut reuse = |panel: &Panel<'_>| {
        let hit = old.get(&panel.key).is_some_and(|c| {
            c.cards.len() == panel.at.len()
                && c.cards.iter().zip(panel.at.iter().filter_map(|&i| cards.get(i))).all(
                    |((label, kept), (source, card))| label == source && std::ptr::eq(kept.borrow(), card.borrow()),
                )
        });
        hit.then(|| old.remove(&panel.key)).flatten().map(|c| {
            let reused = (c.report.clone(), c.across.clone());
            cache.panels.insert(panel.key.clone(), c);
            reused
        })
    };
    let mut fresh = Vec::new();
    let report = analyze_inner(rubric, cards, flagger, &mut reuse, &mut |panel, report, across| {
        let held =
            panel.at.iter().filter_map(|&i| cards.get(i)).map(|(label, card)| (label.clone(), card.clone())).collect();
        fresh.push((panel.key.clone(), CachedPanel { cards: held, report: report.clone(), across: across.to_vec() }));
    });
    cache.panels.extend(fresh);
    report
}

/// A panel's report and what its members add across panels, when known from before.
type Reused = Option<(Rc<CandidateReport>, Vec<calibration::Contribution>)>;
/// Told of each panel analysed afresh, with its report and contributions.
type Keep<'k> = dyn FnMut(&Panel<'_>, &Rc<CandidateReport>, &[calibration::Contribution]) + 'k;

fn analyze_inner<C: Borrow<Scorecard>>(
    rubric: &Rubric,
    cards: &[(String, C)],
    flagger: Flagger<'_>,
    reuse: &mut dyn FnMut(&Panel<'_>) -> Reused,
    keep: &mut Keep<'_>,
) -> CommitteeReport {
    let sorted = sort(rubric, cards);
    let counted = sorted.panels.iter().map(|p| p.members.len()).sum();
    let mut candidates = Vec::with_capacity(sorted.panels.len());
    let mut across = calibration::Across::default();
    for panel in &sorted.panels {
        let (report, contributions) = match reuse(panel) {
            Some(known) => known,
            None => {
                let (report, contributions) = candidate_report(rubric, panel, flagger);
                let report = Rc::new(report);
                keep(panel, &report, &contributions);
                (report, contributions)
            }
        };
        // In candidate order, members in panel order: the same sums, reused or not. A member
        // named without an id is the interviewer of that name, as in `sort`: resolved here, not
        // in the cached contribution, since the id may come from another panel.
        for c in &contributions {
            let namesakes = c.by_name.then(|| sorted.interviewer_ids.get(&same_name(&c.name))).flatten();
            across.add(c, &panel.key, namesakes);
        }
        candidates.push(report);
    }
    let comparison = compare_candidates(&candidates);
    let mut interviewers = across.summaries();
    // The interviewers of drafts who have no counted scorecard are named with them, so that a
    // draft by another "Sam Lee" reads apart from the one listed. (Not one named by name only
    // whose name goes with one id: that is the interviewer of the id, as `sort` joins them.)
    let mut drafters: Vec<(String, String)> = Vec::new();
    for m in candidates.iter().flat_map(|c| &c.drafts) {
        let joined = || {
            m.interviewer == same_name(&m.interviewer_name)
                && sorted.interviewer_ids.get(&m.interviewer).is_some_and(|ids| ids.len() == 1)
        };
        let known =
            |key: &String| interviewers.iter().any(|i| &i.interviewer == key) || drafters.iter().any(|(k, _)| k == key);
        if !m.interviewer.is_empty() && !known(&m.interviewer) && !joined() {
            drafters.push((m.interviewer.clone(), m.interviewer_name.trim().to_string()));
        }
    }
    let people: Vec<(&str, &str)> = interviewers
        .iter()
        .map(|i| (i.interviewer.as_str(), i.name.as_str()))
        .chain(drafters.iter().map(|(k, n)| (k.as_str(), n.as_str())))
        .collect();
    let mut labels = shown_names(&people).into_iter();
    for (i, label) in interviewers.iter_mut().zip(labels.by_ref()) {
        i.label = label;
    }
    for ((_, name), label) in drafters.iter_mut().zip(labels) {
        *name = label;
    }
    // In the order a reader looks for them: by what the page shows, numbers by value
    // ("Interviewer 2" before "Interviewer 10").
    let keys: Vec<[&str; 5]> = interviewers.iter().map(|i| [i.label.as_str(), &i.interviewer, "", "", ""]).collect();
    let order = natural_sorted(&keys);
    let interviewers = reordered(interviewers, order);
    let mut report = CommitteeReport {
        rubric: RubricSummary {
            id: rubric.id.clone(),
            version: rubric.version,
            title: rubric.title.clone(),
            role: rubric.role.clone(),
            level: rubric.level.clone(),
        },
        capabilities: rubric
            .capabilities
            .iter()
            .map(|c| CapabilityInfo {
                id: c.id.clone(),
                name: c.name.clone(),
                core: rubric.policy.core.contains(&c.id),
                weight: rubric.weight(&c.id),
            })
            .collect(),
        scorecards: cards.len(),
        counted,
        candidates,
        comparison,
        interviewers,
        duplicates: Vec::new(),
        other_rubric: sorted.other_rubric,
        unidentified: sorted.unidentified,
        failed: Vec::new(),
        drafters,
    };
    // Listed as the views name them, numbers by value, as the interviewers are: by candidate,
    // interviewer and step (keys last, for namesakes).
    let keys: Vec<[&str; 5]> = sorted
        .duplicates
        .iter()
        .map(|d| {
            [
                report.candidate_label(&d.candidate),
                report.member_label(&d.interviewer, ""),
                &d.step,
                &d.candidate,
                &d.interviewer,
            ]
        })
        .collect();
    let order = natural_sorted(&keys);
    report.duplicates = reordered(sorted.duplicates, order);
    report
}

/// The positions of a list's items in the order of their keys: each key's texts compared in
/// turn by [`natural_order`], then as written (keys that differ only so, as "Design 02" and
/// "Design 2", keep one order), then by position. Every list of the report that a reader
/// looks through by name is put in order by this one function (the interviewers, the
/// duplicates, the candidates blind mode hides): each `sort_by` of its own would be another
/// copy of the standard library's sort in the committee's wasm (about 800 bytes of gzip).
pub fn natural_sorted(keys: &[[&str; 5]]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| match (keys.get(a), keys.get(b)) {
        (Some(x), Some(y)) => {
            x.iter().zip(y).map(|(x, y)| natural_order(x, y)).find(|o| o.is_ne()).unwrap_or_else(|| x.cmp(y))
        }
        _ => a.cmp(&b),
    });
    order
}

/// `items` at the positions `order` gives ([`natural_sorted`]), each once.
pub fn reordered<T>(items: Vec<T>, order: Vec<usize>) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots.get_mut(i)?.take()).collect()
}

/// Every panel member's notes and observations on one capability of one candidate, using the
/// same grouping, duplicate and draft rules as [`analyze`] (drafts are not counted, so not
/// listed). `candidate` is the candidate's key, as [`CandidateReport::candidate`] gives it. `None`
/// when the candidate has no scorecard or the rubric has no such capability.
pub fn who_said_what<C: Borrow<Scorecard>>(
    rubric: &Rubric,
    cards: &[(String, C)],
    candidate: &str,
    capability: &str,
    flagger: Flagger<'_>,
) -> Option<WhoSaidWhat> {
    rubric.capability(capability)?;
    let sorted = sort(rubric, cards);
    let panel = sorted.panels.iter().find(|p| p.key == candidate)?;
    Some(statements(rubric, &panel.key, &panel.members, capability, flagger))
}

/// [`who_said_what`] for a panel already sorted: `members` are the candidate's counted
/// scorecards in panel order with their sources (a [`CandidateReport`]'s `panel`), so that a
/// view showing one candidate does not sort every scorecard again for each capability. `None`
/// when the rubric has no such capability.
pub fn who_said_what_in(
    rubric: &Rubric,
    candidate: &str,
    members: &[(&str, &Scorecard)],
    capability: &str,
    flagger: Flagger<'_>,
) -> Option<WhoSaidWhat> {
    rubric.capability(capability)?;
    Some(statements(rubric, candidate, members, capability, flagger))
}

/// One scorecard's text cut from what a committee adds ([`split_input`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Where it was, to be put after the source's label: "", ":3", " [3]".
    pub at: String,
    pub text: String,
    /// For one of documents written one after another, the line of the input it starts on
    /// (1-based): its own errors count lines from its first line.
    pub line: Option<usize>,
}

impl Piece {
    /// An error in reading this piece, saying where in the input its line numbers count from
    /// (so that a person can find the line in the file), as `scorecard compare` and the
    /// committee page both report it.
    pub fn locate(&self, error: String) -> String {
        match self.line {
            Some(line) if error.contains(" at line ") => {
                format!("{error}; those lines are counted from where this document starts, line {line} of the file")
            }
            Some(line) => format!("{error}; this document starts at line {line} of the file"),
            None => error,
        }
    }
}

/// Splits what a committee adds (a file's or the paste box's text) into one text per scorecard
/// ([`Piece`]), each with where it was in the text, to be put after the source's label: "" for the whole
/// text, ":3" for line 3 of JSON lines, " [3]" for the third item of a JSON list or the third of
/// documents one after another. Each text is then read on its own ([`parse_for_panel`]).
///
/// - A JSON list: one text per item.
/// - JSON lines, read as `scorecard compare --jsonl` reads them, each line on its own, so one bad
///   line is reported as `file:line` and does not stop the others. Text is JSON lines when the
///   file is named `.jsonl` or `.ndjson`, or when it has several lines, its first or last line is
///   a whole scorecard (a JSON object or a share link) by itself, and every line is one by its
///   looks (a JSON object's braces, or a share link), or the text is not documents one after
///   another.
/// - Documents one after another (concatenated JSON: the view's own pretty-printed downloads
///   pasted together, or files put together with `cat`, each after its byte-order mark: one
///   between documents is white space), when a second document starts after the first: one text per document,
///   each exactly as written. When one cannot be read, where the next starts cannot be told
///   for sure: the next line that starts with "{" is taken as the next document's start (the
///   rest of the text when there is none), so that the broken one fails alone, with the error's
///   line and column counted from its first line, and the documents after it are read.
/// - Otherwise the whole text is one document (a pretty-printed one whose first line is "{"),
///   with one error if it is broken; a JSON one as written, with the blank lines before it, so
///   that its error names the text's line.
pub fn split_input(label: &str, text: &str) -> Vec<Piece> {
    let trimmed = text.trim();
    if trimmed.starts_with('[') {
        if let Ok(Value::Array(items)) = super::json::parse(trimmed) {
            let many = items.len() > 1;
            return items
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    piece(if many { format!(" [{}]", i + 1) } else { String::new() }, super::json::to_text(v), None)
                })
                .collect();
        }
    }
    let lines: Vec<(usize, &str)> =
        text.lines().map(|l| skip_blank(l).trim_end()).enumerate().filter(|(_, l)| !l.is_empty()).collect();
    let by_line = || lines.iter().map(|(i, l)| piece(format!(":{}", i + 1), l.to_string(), None)).collect();
    let link = |l: &str| l.contains(super::interchange::link::LINK_PREFIX);
    let braced = |l: &str| link(l) || (l.starts_with('{') && l.ends_with('}'));
    let whole = |l: &str| link(l) || (braced(l) && super::json::parse(l).is_ok());
    let lower = label.to_ascii_lowercase();
    if (lower.ends_with(".jsonl") || lower.ends_with(".ndjson")) && !lines.is_empty() {
        return by_line();
    }
    let looks_like_lines = lines.len() > 1
        && (lines.first().is_some_and(|(_, l)| whole(l)) || lines.last().is_some_and(|(_, l)| whole(l)));
    if looks_like_lines && lines.iter().all(|(_, l)| braced(l)) {
        return by_line();
    }
    // The trimmed text's first line, to count documents' lines in the whole text.
    let first_line = text.get(..text.len() - text.trim_start().len()).map_or(0, |blank| blank.matches('\n').count());
    match documents(trimmed) {
        // A broken document among lines that each look whole on their own is a bad line.
        Some((items, complete)) if complete || !looks_like_lines => {
            items.into_iter().map(|p| Piece { line: p.line.map(|l| first_line + l), ..p }).collect()
        }
        _ if looks_like_lines => by_line(),
        // A JSON document, an object or a list that does not read, keeps the blank lines before
        // it, so that its errors name the text's lines (the committee page's and `scorecard`'s
        // alike), not lines counted from its own: nor "at column C" alone for one of one line.
        _ => vec![piece(
            String::new(),
            (if trimmed.starts_with(['{', '[']) { text.trim_end() } else { trimmed }).to_string(),
            None,
        )],
    }
}

/// `s` from its first character that is not white space between documents: JSON's, and a
/// byte-order mark, which a file saved by a Windows editor starts with, so that documents put
/// together with `cat` have one before each.
fn skip_blank(s: &str) -> &str {
    let s = s.trim_start();
    s.strip_prefix('\u{feff}').map_or(s, str::trim_start)
}

fn piece(at: String, text: String, line: Option<usize>) -> Piece {
    Piece { at, text, line }
}

/// The documents of a text written one after another, each with its place (" [2]") and the line
/// it starts on (1-based), and whether every one was read; `None` unless a first document is read and a second one (an object)
/// starts after it: a document followed by anything else stays one text, whose error says
/// "trailing characters".
fn documents(text: &str) -> Option<(Vec<Piece>, bool)> {
    let next_start =
        |from: usize| text.get(from..).map_or(text.len(), |rest| from + (rest.len() - skip_blank(rest).len()));
    let mut read = super::json::values(text);
    let first = read.next()?.ok()?.0;
    if !text.get(next_start(first.end)..).is_some_and(|rest| rest.starts_with('{')) {
        return None;
    }
    let line_of = |at: usize| text.get(..at).map_or(0, |before| before.matches('\n').count()) + 1;
    let mut items = vec![piece(" [1]".to_string(), text.get(first.clone()).unwrap_or_default().to_string(), Some(1))];
    let (mut start, mut complete) = (next_start(first.end), true);
    while let Some(rest) = text.get(start..).filter(|r| !r.is_empty()) {
        let place = format!(" [{}]", items.len() + 1);
        match super::json::values(rest).next() {
            None => break,
            Some(Ok((range, _))) => {
                // Its first character: a document's text starts at its "{".
                let at = start + range.start;
                items.push(piece(place, rest.get(range.clone()).unwrap_or_default().to_string(), Some(line_of(at))));
                start = next_start(start + range.end);
            }
            Some(Err(_)) => {
                // Where the next document starts cannot be told for sure: the next line that
                // starts with "{" is taken as its start (a document written on its own starts
                // so; what it holds is indented), so that one broken document does not take the
                // good ones after it with it. Without such a line, the rest is one text.
                complete = false;
                let end = rest
                    .get(1..)
                    .and_then(|r| r.find("\n{").into_iter().chain(r.find("\n\u{feff}{")).min())
                    .map_or(rest.len(), |i| i + 2);
                items.push(piece(
                    place,
                    rest.get(..end).unwrap_or_default().trim_end().to_string(),
                    Some(line_of(start)),
                ));
                start = next_start(start + end);
            }
        }
    }
    Some((items, complete))
}

/// Reads one scorecard document for a committee.
///
/// A document of the given rubric is migrated if older and read and checked in full by [`Scorecard::from_value`]. A
/// document made against another rubric cannot be checked against this one, so only who and
/// what it is about is read (rubric, candidate, interviewer, interview step, submission time);
/// [`analyze`] then reports it under `other_rubric` instead of failing the whole load.
pub fn parse_for_panel(text: &str, rubric: &Rubric) -> Result<Scorecard, ScorecardError> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(ScorecardError::new(
            "",
            format!("document is {} bytes; the limit is {MAX_DOCUMENT_BYTES}", text.len()),
        ));
    }
    // Said as the scorer's import says it; a line of JSON lines is read on its own, so its
    // "line 1" would point nowhere (the source's label names the line).
    let value = super::json::parse(text).map_err(|e| {
        let e = super::json::position_in(text, e.to_string());
        ScorecardError::new("", format!("not JSON, so not a scorecard ({e})"))
    })?;
    // A Greenhouse scorecard object (what an ATS export holds) is read as the import box reads
    // it, with the same attribute mapping; its candidate id, interviewer and time come along.
    if let Ok(super::interchange::Format::Greenhouse) = super::interchange::detect(&value) {
        return super::interchange::greenhouse::import_greenhouse_value(&value, rubric).map(|g| g.card).map_err(|e| {
            match e {
                super::interchange::ImportError::Invalid(e) => e,
                other => ScorecardError::new("", format!("Greenhouse scorecard: {other}")),
            }
        });
    }
    // An older document is migrated first, as every import does (a panel may hold scorecards
    // saved by an earlier release), so its rubric is read where the current version keeps it.
    let value = super::interchange::migrate(value)?;
    let other = value
        .get("rubric")
        .and_then(|r| r.get("id"))
        .and_then(Value::as_str)
        .filter(|id| !id.is_empty() && *id != rubric.id);
    match other {
        Some(id) => Ok(header_only(&value, id)),
        None => Scorecard::from_value(&value, rubric),
    }
}

/// Which scorecard `card` is, as [`analyze`] tells a repeat (a revision, a duplicate): its
/// candidate, interviewer and interview step (people by [`Person::key`]), one per line (a key
/// of one string is smaller in the wasm than three). `None` when it names no candidate or no
/// interviewer.
pub fn identity(card: &Scorecard) -> Option<String> {
    let (candidate, interviewer) = (card.candidate.key(), card.interviewer.key());
    (!candidate.is_empty() && !interviewer.is_empty())
        .then(|| [candidate, interviewer, &card.interview.step].join("\n"))
}

/// [`identity`] read leniently from a document that may not read as a scorecard (an unknown
/// level, a missing field): what the committee page matches a failed paste's correction by.
/// `None` when the text is not a JSON object, or names no candidate or no interviewer.
pub fn identity_of(text: &str) -> Option<String> {
    let value = super::json::parse(text.trim()).ok().filter(Value::is_object)?;
    identity(&header_only(&value, ""))
}

/// The identity fields of a document of another rubric, read leniently and clipped.
fn header_only(value: &Value, rubric_id: &str) -> Scorecard {
    let text = |v: Option<&Value>| -> String {
        match v {
            Some(Value::String(s)) => clip(s),
            Some(Value::Number(n)) => n.to_string(),
            _ => String::new(),
        }
    };
    let person = |v: Option<&Value>| -> Person {
        match v {
            Some(Value::String(s)) => Person { id: String::new(), name: clip(s) },
            Some(Value::Object(o)) => Person { id: text(o.get("id")), name: text(o.get("name")) },
            _ => Person::default(),
        }
    };
    let mut card = Scorecard::default();
    card.rubric.id = clip(rubric_id);
    card.rubric.version = value
        .get("rubric")
        .and_then(|r| r.get("version"))
        .and_then(crate::core::scorecard::whole_value)
        .and_then(|v| u32::try_from(v).ok())
        .unwrap_or(0);
    card.candidate = person(value.get("candidate"));
    card.interviewer = person(value.get("interviewer"));
    card.interview.step = text(value.get("interview").and_then(|i| i.get("step")));
    card.submitted_at = value.get("submitted_at").and_then(Value::as_str).map(clip);
    card
}

/// Which interview a scorecard is of: its candidate's and interviewer's keys, and the step as
/// names are compared ([`same_name`]).
type Interview<'k> = (&'k str, String, String);

/// Sorts scorecards into panels by candidate, setting aside other rubrics, unidentified
/// candidates and duplicates.
fn sort<'a, C: Borrow<Scorecard>>(rubric: &Rubric, cards: &'a [(String, C)]) -> Sorted<'a> {
    let mut other_rubric = Vec::new();
    let mut unidentified = Vec::new();
    let mut kept: Vec<bool> = vec![false; cards.len()];
    // A person named without an id is keyed by their name as compared (`person_key`: case,
    // spacing and the encoding of accents aside), so that "Priya Raman" and "priya  raman" are
    // one candidate. A scorecard that names a person by name only (the scorer's page has no id
    // fields) joins the person of that name whose other scorecards carry an id, when exactly one
    // id goes with the name; otherwise one candidate would show as two rows of the same name,
    // and one interviewer's two scorecards for the same step would both count.
    let mut candidate_ids: HashMap<String, BTreeSet<&'a str>> = HashMap::new();
    let mut interviewer_ids: HashMap<String, BTreeSet<&'a str>> = HashMap::new();
    for (_, card) in cards {
        let card: &'a Scorecard = card.borrow();
        if card.rubric.id != rubric.id {
            continue;
        }
        for (person, ids) in [(&card.candidate, &mut candidate_ids), (&card.interviewer, &mut interviewer_ids)] {
            if !person.id.trim().is_empty() && !person.name.trim().is_empty() {
                ids.entry(same_name(&person.name)).or_default().insert(person.id.trim());
            }
        }
    }
    let key_of = |person: &Person, ids: &HashMap<String, BTreeSet<&str>>| -> String {
        let key = person_key(person);
        match ids.get(&key).filter(|ids| ids.len() == 1 && person.id.trim().is_empty()).and_then(|ids| ids.first()) {
            Some(id) => id.to_string(),
            None => key,
        }
    };
    // Each scorecard's candidate, worked out once.
    let candidate_keys: Vec<String> =
        cards.iter().map(|(_, card)| key_of(&card.borrow().candidate, &candidate_ids)).collect();
    let candidate_key = |i: usize| candidate_keys.get(i).map_or("", String::as_str);
    // For each (candidate, interviewer, step), the step compared as names are: the index of the
    // scorecard kept and those dropped.
    let mut seen: HashMap<Interview<'_>, (usize, Vec<usize>)> = HashMap::new();
    for (i, (source, card)) in cards.iter().enumerate() {
        let card: &'a Scorecard = card.borrow();
        if card.rubric.id != rubric.id {
            other_rubric.push(OtherRubric {
                source: source.clone(),
                rubric_id: card.rubric.id.clone(),
                rubric_version: card.rubric.version,
                candidate: card.candidate.key().to_string(),
                interviewer: card.interviewer.key().to_string(),
                step: card.interview.step.clone(),
            });
            continue;
        }
        if candidate_key(i).is_empty() {
            unidentified.push(source.clone());
            continue;
        }
        // A scorecard that names no interviewer cannot be shown to repeat another one.
        if card.interviewer.key().is_empty() {
            set(&mut kept, i, true);
            continue;
        }
        let key = (candidate_key(i), key_of(&card.interviewer, &interviewer_ids), same_name(&card.interview.step));
        match seen.get_mut(&key) {
            None => {
                seen.insert(key, (i, Vec::new()));
                set(&mut kept, i, true);
            }
            Some((best, dropped)) => {
                let current = cards.get(*best).and_then(|(_, c)| c.borrow().submitted_at.as_deref());
                // A submitted scorecard beats a draft; a strictly later moment beats an earlier
                // one (compared as instants: offsets differ); on a tie the first loaded stays.
                // (`None`, a draft, sorts first; a time `instant` cannot read, only possible for
                // a card built in code, sorts before every valid one.)
                let moment = |at: Option<&str>| at.map(crate::core::scorecard::instant);
                if moment(card.submitted_at.as_deref()) > moment(current) {
                    set(&mut kept, *best, false);
                    dropped.push(*best);
                    *best = i;
                    set(&mut kept, i, true);
                } else {
                    dropped.push(i);
                }
            }
        }
    }
    let source_of = |i: usize| cards.get(i).map_or(String::new(), |(s, _)| s.clone());
    let duplicates: Vec<Duplicate> = seen
        .into_iter()
        .filter(|(_, (_, dropped))| !dropped.is_empty())
        .map(|((cand, who, _), (best, mut dropped))| {
            dropped.sort_unstable();
            Duplicate {
                candidate: cand.to_string(),
                interviewer: who,
                // As the scorecard kept writes it.
                step: cards.get(best).map_or(String::new(), |(_, c)| c.borrow().interview.step.clone()),
                kept: source_of(best),
                dropped: dropped.into_iter().map(source_of).collect(),
            }
        })
        .collect();
    // (Ordered by `analyze_inner`, by the names the views show.)

    let mut panels: BTreeMap<&str, Vec<(usize, &'a str, &'a Scorecard)>> = BTreeMap::new();
    for (i, ((source, card), keep)) in cards.iter().zip(&kept).enumerate() {
        let card: &'a Scorecard = card.borrow();
        if *keep {
            panels.entry(candidate_key(i)).or_default().push((i, source.as_str(), card));
        }
    }
    Sorted {
        panels: panels
            .into_iter()
            .map(|(key, all)| {
                let first = all.first().map(|(_, _, card)| *card);
                let name = panel_name(&mut all.iter().map(|(_, _, card)| card.candidate.name.as_str()));
                // A draft is not the interviewer's final word: it is shown, not counted.
                let at = all.iter().map(|(i, _, _)| *i).collect();
                let (members, drafts): (Vec<_>, Vec<_>) =
                    all.into_iter().partition(|(_, _, card)| card.submitted_at.is_some());
                let strip = |list: Vec<(usize, &'a str, &'a Scorecard)>| {
                    list.into_iter().map(|(_, source, card)| (source, card)).collect()
                };
                Panel { key: key.to_string(), members: strip(members), drafts: strip(drafts), at, first, name }
            })
            .collect(),
        duplicates,
        other_rubric,
        unidentified,
        interviewer_ids,
    }
}

/// The name a panel gives its candidate, from the names its scorecards give in load order
/// (blank ones left out, each trimmed): the spelling most of them use (spellings that differ
/// only in spacing, or in how an accent is encoded, are one: they look the same); on a tie, one
/// properly capitalised ([`well_capitalised`]), then the first loaded. "" when none gives a
/// name. So three scorecards saying "Ria Kay" are not named "ria KAY" by the one loaded first.
/// (Also an interviewer's name across panels, from the names their scorecards give.)
fn panel_name<'a>(names: &mut dyn Iterator<Item = &'a str>) -> &'a str {
    // Each spelling as first given, in that order, as compared, and how many give it. (A list:
    // a panel's scorecards spell a name in one or two ways.)
    let mut spellings: Vec<(&'a str, String, usize)> = Vec::new();
    for name in names.map(str::trim).filter(|n| !n.is_empty()) {
        let spelt = identity::spelling(name);
        match spellings.iter_mut().find(|(_, s, _)| *s == spelt) {
            Some((_, _, n)) => *n += 1,
            None => spellings.push((name, spelt, 1)),
        }
    }
    // The most given; on a tie the properly capitalised; then the first (`max_by` keeps the last
    // of equals, so it goes through them from the last).
    spellings
        .into_iter()
        .rev()
        .max_by(|(a, _, n), (b, _, m)| n.cmp(m).then_with(|| well_capitalised(a).cmp(&well_capitalised(b))))
        .map_or("", |(name, _, _)| name)
}

/// Whether a name is written as names are: its first letter upper-case, some letter lower-case,
/// and no word of two letters or more all upper-case. "Ria Kay" and "Ria van Dijk" are; "ria
/// kay", "RIA KAY" and "ria KAY" are not. (A letter is upper-case when lowering it changes it,
/// through the table `same_name`'s lowering already brings; Unicode's letter and case property
/// tables would add kilobytes to the committee's wasm for a tie-break. A letter without case,
/// as in Chinese, counts as not upper-case.)
fn well_capitalised(name: &str) -> bool {
    let letter =
        |c: &char| if c.is_ascii() { c.is_ascii_alphabetic() } else { crate::core::classifier::text::is_word_char(*c) };
    let upper = |c: char| c.to_lowercase().next() != Some(c);
    let letters = || name.chars().filter(letter);
    let shouted = |word: &str| {
        let mut letters = word.chars().filter(letter);
        letters.clone().nth(1).is_some() && letters.all(upper)
    };
    letters().next().is_some_and(upper) && letters().any(|c| !upper(c)) && !name.split_whitespace().any(shouted)
}

/// How the committee names each of a list of people, given as (key, name): the name, or the key
/// when the name is blank; and when another person of the list shows the same name (compared as
/// scorecards are joined by name, [`same_name`]: ignoring case, spacing and how accents are
/// encoded), the key beside it, "Sam Lee (p-1)", or "Sam Lee (no id)" for one known by that
/// name only (whose key is the name as compared, [`person_key`]), so that two people never read
/// as one. (An id that is the name as compared, such as "sam lee", reads as no id.)
pub fn shown_names(people: &[(&str, &str)]) -> Vec<String> {
    // (A slice, not an iterator: each caller's iterator type made a copy of this, its hash map
    // included, in the committee's wasm.)
    fn shown<'a>(&(key, name): &(&'a str, &'a str)) -> &'a str {
        if name.trim().is_empty() {
            key
        } else {
            name
        }
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for p in people {
        *seen.entry(same_name(shown(p))).or_default() += 1;
    }
    people
        .iter()
        .map(|p @ &(key, name)| {
            let text = shown(p);
            match seen.get(&same_name(text)) {
                Some(n) if *n > 1 && text == name && same_name(key) == same_name(name) => format!("{name} (no id)"),
                Some(n) if *n > 1 && text == name => format!("{name} ({key})"),
                _ => text.to_string(),
            }
        })
        .collect()
}

impl CommitteeReport {
    /// How the committee names the candidate of this key ([`ComparisonRow::label`]); the key for
    /// a candidate the report does not hold.
    pub fn candidate_label<'a>(&'a self, key: &'a str) -> &'a str {
        self.comparison.iter().find(|r| r.candidate == key).map_or(key, |r| r.label.as_str())
    }

    /// How the committee names the interviewer of this key ([`InterviewerSummary::label`]);
    /// `None` for one the report does not list (a scorecard naming no interviewer).
    pub fn interviewer_label(&self, key: &str) -> Option<&str> {
        self.interviewers.iter().find(|i| i.interviewer == key).map(|i| i.label.as_str())
    }

    /// How the committee names a panel member (of a [`PanelMember`] or a [`Statement`], by its
    /// interviewer's key and name): as [`interviewer_label`](Self::interviewer_label) does, so
    /// that two interviewers of one name on a panel read apart in its heat map as they do across
    /// panels; else (a draft's interviewer, who is not listed) the name, or the key without one.
    pub fn member_label<'a>(&'a self, key: &'a str, name: &'a str) -> &'a str {
        self.interviewer_label(key)
            .or_else(|| self.drafters.iter().find(|(k, _)| k == key).map(|(_, label)| label.as_str()))
            .unwrap_or(if name.trim().is_empty() { key } else { name })
    }

    /// How the committee names a panel member or a draft: as [`member_label`](Self::member_label),
    /// and one whose scorecard names no interviewer by where it came from, "(no interviewer) ·
    /// Pasted text 2", so that two such columns never read as one blank heading.
    pub fn panel_label<'a>(&'a self, m: &'a PanelMember) -> std::borrow::Cow<'a, str> {
        match self.member_label(&m.interviewer, &m.interviewer_name) {
            "" => format!("{NO_INTERVIEWER} · {}", m.source).into(),
            label => label.into(),
        }
    }
}

/// What names a scorecard that names no interviewer, before its source ([`CommitteeReport::panel_label`]).
pub const NO_INTERVIEWER: &str = "(no interviewer)";

/// Blind mode's interviewer (`?blind=` in the committee view): the one a text names, by id or
/// full name, as the committee joins interviewers. See [`CommitteeReport::blind`].
pub struct Blind<'a> {
    /// The text as names are compared ([`same_name`]).
    who: String,
    /// The report's interviewers the text names: one, or several sharing a name (none is then
    /// the one), or none (none of their scorecards is counted yet).
    pub named: Vec<&'a InterviewerSummary>,
    /// The keys panel members carry for the one named: their key, and their name when no other
    /// interviewer goes by it (a scorecard naming them without an id is theirs, as the committee
    /// joins it across panels).
    keys: Vec<&'a str>,
}

impl CommitteeReport {
    /// Blind mode for the interviewer `who` names (an id or a full name, in any case).
    pub fn blind<'a>(&'a self, who: &str) -> Blind<'a> {
        let who = same_name(who);
        let named: Vec<&InterviewerSummary> = self
            .interviewers
            .iter()
            .filter(|i| same_name(&i.interviewer) == who || same_name(&i.name) == who)
            .collect();
        let keys = match named[..] {
            [one] => {
                let alone =
                    self.interviewers.iter().filter(|j| same_name(&j.name) == same_name(&one.name)).count() == 1;
                std::iter::once(one.interviewer.as_str()).chain(alone.then_some(one.name.trim())).collect()
            }
            _ => Vec::new(),
        };
        Blind { who, named, keys }
    }
}

impl Blind<'_> {
    /// Several interviewers share the name given: none of them is the one, and every panel stays
    /// hidden until an id is given.
    pub fn ambiguous(&self) -> bool {
        self.named.len() > 1
    }

    /// Whether a panel member is the blind-mode interviewer: one of their keys, or, when none of
    /// their scorecards is counted yet, whoever has the id or name given.
    pub fn is_mine(&self, m: &PanelMember) -> bool {
        match &self.keys[..] {
            [] => same_name(&m.interviewer) == self.who || same_name(&m.interviewer_name) == self.who,
            keys => keys.iter().any(|k| same_name(k) == same_name(&m.interviewer)),
        }
    }

    /// Whether a person (a loaded scorecard's interviewer) has the id or name given, compared as
    /// the committee compares names.
    pub fn names(&self, p: &Person) -> bool {
        same_name(&p.id) == self.who || same_name(&p.name) == self.who
    }

    /// Whether the interviewer has a scorecard on this candidate's panel: `Some(true)` submitted,
    /// `Some(false)` only a draft, `None` none.
    pub fn own_scorecard(&self, c: &CandidateReport) -> Option<bool> {
        let own: Vec<&PanelMember> = c.panel.iter().chain(&c.drafts).filter(|m| self.is_mine(m)).collect();
        (!own.is_empty()).then(|| own.iter().any(|m| m.submitted_at.is_some()))
    }

    /// Whether blind mode hides this candidate's panel: until the interviewer's own submitted
    /// scorecard for them is loaded, and always while the name given is ambiguous.
    pub fn hides(&self, c: &CandidateReport) -> bool {
        self.ambiguous() || self.own_scorecard(c) != Some(true)
    }
}

/// Text order with runs of digits compared by value and ASCII letters without regard to case:
/// "Interviewer 2" < "interviewer 10".
pub fn natural_order(a: &str, b: &str) -> std::cmp::Ordering {
    let (mut a, mut b) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (a.peek().copied(), b.peek().copied()) {
            (None, None) => return std::cmp::Ordering::Equal,
            (None, Some(_)) => return std::cmp::Ordering::Less,
            (Some(_), None) => return std::cmp::Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let number = |it: &mut std::iter::Peekable<std::str::Chars<'_>>| {
                    let mut digits = String::new();
                    while let Some(d) = it.next_if(char::is_ascii_digit) {
                        digits.push(d);
                    }
                    digits
                };
                let (x, y) = (number(&mut a), number(&mut b));
                let (x, y) = (x.trim_start_matches('0'), y.trim_start_matches('0'));
                let order = x.len().cmp(&y.len()).then_with(|| x.cmp(y));
                if order.is_ne() {
                    return order;
                }
            }
            (Some(x), Some(y)) => {
                // (ASCII case only: Unicode's case tables would add kilobytes to the committee's
                // wasm for the order of a list.)
                let order = x.to_ascii_lowercase().cmp(&y.to_ascii_lowercase());
                if order.is_ne() {
                    return order;
                }
                a.next();
                b.next();
            }
        }
    }
}

fn set(flags: &mut [bool], i: usize, value: bool) {
    if let Some(f) = flags.get_mut(i) {
        *f = value;
    }
}

/// Pieces of evidence for a capability on a scorecard, as the engine counts them
/// (`engine::recommend_with`): a non-empty note, and each tagged observation with a level;
/// none that the flagger flags (a bias risk or no behaviour is not evidence).
pub fn evidence_count(card: &Scorecard, capability: &str, flagger: Flagger<'_>) -> usize {
    let counts = |text: &str| flagger.is_none_or(|f| f(text).is_empty());
    let note = card.note(capability);
    card.observations_for(capability).filter(|o| o.level != Rating::NotAssessed && counts(&o.text)).count()
        + usize::from(!note.trim().is_empty() && counts(note))
}

/// The note and tagged observations of a capability that the flagger flags, so not evidence
/// ([`evidence_count`]).
pub fn flagged_count(card: &Scorecard, capability: &str, flagger: Flagger<'_>) -> usize {
    let Some(f) = flagger else { return 0 };
    let flagged = |text: &str| !text.trim().is_empty() && !f(text).is_empty();
    card.observations_for(capability).filter(|o| flagged(&o.text)).count() + usize::from(flagged(card.note(capability)))
}

fn candidate_report(
    rubric: &Rubric,
    panel: &Panel<'_>,
    flagger: Flagger<'_>,
) -> (CandidateReport, Vec<calibration::Contribution>) {
    let name = panel.name.to_string();
    let member = |(source, card): &(&str, &Scorecard)| {
        // The member's vote only: the rationale `recommend` also writes is not shown here.
        let r = vote(rubric, card);
        PanelMember {
            source: source.to_string(),
            interviewer: person_key(&card.interviewer),
            interviewer_name: card.interviewer.name.clone(),
            step: card.interview.step.clone(),
            submitted_at: card.submitted_at.clone(),
            rubric_version: card.rubric.version,
            decision: r.decision,
            greenhouse: r.greenhouse,
            score: r.score,
        }
    };
    let members: Vec<PanelMember> = panel.members.iter().map(member).collect();
    let drafts: Vec<PanelMember> = panel.drafts.iter().map(member).collect();
    let mut matrix = consensus::matrix(rubric, &panel.members, &panel.drafts, flagger);
    let candidate_person = panel.first.map(|c| c.candidate.clone()).unwrap_or_default();
    let alone = match panel.members.as_slice() {
        [(_, card)] => Some(*card),
        _ => None,
    };
    let committee = verdict::committee(rubric, &candidate_person, &mut matrix, &members, &drafts, alone, flagger);
    let (calibration, contributions) =
        calibration::members(rubric, &panel.members, &matrix, flagger).into_iter().unzip();
    let unassessed = matrix.iter().filter(|r| r.assessed_by == 0).map(|r| r.capability.clone()).collect();
    let disagreements = matrix.iter().filter(|r| r.disagreement).map(|r| r.capability.clone()).collect();
    let discuss = matrix
        .iter()
        .filter(|r| r.disagreement || r.pivotal)
        .map(|r| statements(rubric, &panel.key, &panel.members, &r.capability, flagger))
        .collect();
    let report = CandidateReport {
        candidate: panel.key.clone(),
        name,
        panel: members,
        drafts,
        matrix,
        unassessed,
        disagreements,
        calibration,
        committee,
        discuss,
    };
    (report, contributions)
}

fn statements(
    rubric: &Rubric,
    candidate: &str,
    members: &[(&str, &Scorecard)],
    capability: &str,
    flagger: Flagger<'_>,
) -> WhoSaidWhat {
    let levels: Vec<Rating> = members.iter().map(|(_, c)| c.rating(capability)).collect();
    let (consensus, _, _, spread) = consensus::summarize(&levels);
    WhoSaidWhat {
        candidate: candidate.to_string(),
        capability: capability.to_string(),
        name: rubric.capability(capability).map_or(capability.to_string(), |c| c.name.clone()),
        consensus,
        spread,
        statements: members
            .iter()
            .map(|(source, card)| Statement {
                interviewer: person_key(&card.interviewer),
                interviewer_name: card.interviewer.name.clone(),
                source: source.to_string(),
                step: card.interview.step.clone(),
                level: card.rating(capability),
                note: card.note(capability).to_string(),
                note_bias_risk: bias_risk(flagger, card.note(capability)),
                observations: card.observations_for(capability).map(|o| observation_view(o, flagger)).collect(),
            })
            .collect(),
    }
}

fn observation_view(o: &Observation, flagger: Flagger<'_>) -> ObservationView {
    ObservationView {
        id: o.id.clone(),
        text: o.text.clone(),
        level: o.level,
        source: o.source,
        bias_risk: bias_risk(flagger, &o.text),
    }
}

/// Whether the flagger finds a bias risk in a text (never without a flagger, nor in a blank one).
fn bias_risk(flagger: Flagger<'_>, text: &str) -> bool {
    !text.trim().is_empty() && flagger.is_some_and(|f| f(text).iter().any(|id| id == "bias_risk"))
}

fn compare_candidates(candidates: &[Rc<CandidateReport>]) -> Vec<ComparisonRow> {
    let mut rows: Vec<(Option<usize>, ComparisonRow)> = candidates
        .iter()
        .map(|c| {
            let r = &c.committee.recommendation;
            let rank = c.committee.rank;
            let row = ComparisonRow {
                candidate: c.candidate.clone(),
                name: c.name.clone(),
                label: String::new(),
                decision: r.decision,
                level: r.level.clone(),
                consider_level: r.consider_level.clone(),
                greenhouse: r.greenhouse,
                score: r.score,
                confidence: r.confidence,
                panel_size: c.panel.len(),
                drafts: c.drafts.len(),
                profile: c
                    .matrix
                    .iter()
                    .map(|m| ProfileCell {
                        capability: m.capability.clone(),
                        consensus: m.consensus,
                        spread: m.spread,
                        disagreement: m.disagreement,
                    })
                    .collect(),
            };
            (rank, row)
        })
        .collect();
    let people: Vec<(&str, &str)> = rows.iter().map(|(_, r)| (r.candidate.as_str(), r.name.as_str())).collect();
    let labels = shown_names(&people);
    for ((_, row), label) in rows.iter_mut().zip(labels) {
        row.label = label;
    }
    // Strongest outcome first (undecided candidates last), then the higher confidence as shown
    // (whole percent), then by name (then key). Every key is a column the committee sees, so the
    // order can be checked by eye and read for what it is: within one outcome, the surest first.
    // Not the score, which the table does not show: candidates of one outcome ordered by a
    // hidden number showed their confidences out of order (38%, 39%, 30%, 45%) and read as a
    // ranking within the outcome that the committee could neither see nor check; and a score
    // between two panels of different sizes and splits is no finer judgement than the outcome.
    rows.sort_by(|(ra, a), (rb, b)| {
        rb.map(|r| r + 1)
            .unwrap_or(0)
            .cmp(&ra.map(|r| r + 1).unwrap_or(0))
            .then(super::engine::percent(b.confidence).cmp(&super::engine::percent(a.confidence)))
            .then_with(|| natural_order(&a.label, &b.label))
            .then_with(|| a.candidate.cmp(&b.candidate))
    });
    rows.into_iter().map(|(_, r)| r).collect()
}
