//! The leveling engine: from a scorecard's ratings (and its evidence) to a decision, a level,
//! the equivalent Greenhouse overall recommendation, a confidence and a rationale.
//!
//! The policy is data in the rubric (see [`super::rubric::Policy`]); the reasons for it are in
//! docs/WHY.md. The outcome is monotonic: raising any rated capability never lowers it, which
//! `tests/core.rs` proves over every combination of ratings.

use serde::Serialize;

use super::rubric::{Band, Rubric};
use super::scorecard::{Rating, Scorecard, TagSource};

/// The hiring decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Hire,
    NoHire,
    InsufficientEvidence,
}

impl Decision {
    pub fn id(self) -> &'static str {
        match self {
            Decision::Hire => "hire",
            Decision::NoHire => "no_hire",
            Decision::InsufficientEvidence => "insufficient_evidence",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Decision::Hire => "Hire",
            Decision::NoHire => "No hire",
            Decision::InsufficientEvidence => "Insufficient evidence",
        }
    }
}

/// Greenhouse's overall recommendation scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Greenhouse {
    NoDecision,
    DefinitelyNot,
    No,
    Yes,
    StrongYes,
}

impl Greenhouse {
    pub fn id(self) -> &'static str {
        match self {
            Greenhouse::DefinitelyNot => "definitely_not",
            Greenhouse::No => "no",
            Greenhouse::Yes => "yes",
            Greenhouse::StrongYes => "strong_yes",
            Greenhouse::NoDecision => "no_decision",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Greenhouse::DefinitelyNot => "Definitely not",
            Greenhouse::No => "No",
            Greenhouse::Yes => "Yes",
            Greenhouse::StrongYes => "Strong yes",
            Greenhouse::NoDecision => "No decision",
        }
    }

    pub fn from_id(id: &str) -> Option<Greenhouse> {
        [Greenhouse::DefinitelyNot, Greenhouse::No, Greenhouse::Yes, Greenhouse::StrongYes, Greenhouse::NoDecision]
            .into_iter()
            .find(|g| g.id() == id)
    }
}

/// What the engine recommends for one scorecard (or one panel).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Recommendation {
    pub decision: Decision,
    /// The level to hire at; `None` unless the decision is `hire`.
    pub level: Option<String>,
    /// A higher level worth a calibration conversation, such as "L5".
    pub consider_level: Option<String>,
    pub greenhouse: Greenhouse,
    /// Between 0 and 1: how firmly the evidence supports this outcome.
    pub confidence: f64,
    /// Weighted mean of the assessed ratings (0 to 2); `None` when nothing is rated.
    pub score: Option<f64>,
    /// Sentences a hiring manager needs: what carried the outcome, what is missing, what would
    /// change it.
    pub rationale: Vec<String>,
    /// The lines of `rationale` that list `unassessed` and `unevidenced` ("Not assessed: …",
    /// "Rated without evidence …"), empty when neither does: the widget's panel lists those
    /// under "Still to do" instead. Not part of the JSON.
    #[serde(skip)]
    pub todo_lines: std::ops::Range<usize>,
    /// Capabilities with no rating.
    pub unassessed: Vec<String>,
    /// Capabilities rated with neither a note nor an observation behind them.
    pub unevidenced: Vec<String>,
    /// Capabilities whose observations read two or more levels away from the rating, or one level
    /// away on average.
    pub contradicted: Vec<String>,
}

impl Recommendation {
    /// The recommendation as JSON, the same value as its derived `Serialize` gives (a test
    /// compares them), written out so the widget carries no serde serializer for it.
    pub fn to_value(&self) -> serde_json::Value {
        use serde_json::{Map, Value};
        let texts = |list: &[String]| Value::Array(list.iter().cloned().map(Value::String).collect());
        let mut m = Map::new();
        m.insert("decision".into(), Value::from(self.decision.id()));
        m.insert("level".into(), self.level.clone().map_or(Value::Null, Value::String));
        m.insert("consider_level".into(), self.consider_level.clone().map_or(Value::Null, Value::String));
        m.insert("greenhouse".into(), Value::from(self.greenhouse.id()));
        m.insert("confidence".into(), Value::from(self.confidence));
        m.insert("score".into(), self.score.map_or(Value::Null, Value::from));
        m.insert("rationale".into(), texts(&self.rationale));
        m.insert("unassessed".into(), texts(&self.unassessed));
        m.insert("unevidenced".into(), texts(&self.unevidenced));
        m.insert("contradicted".into(), texts(&self.contradicted));
        Value::Object(m)
    }
}

/// The bare outcome of the policy for one set of ratings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome {
    pub decision: Decision,
    /// Index into `policy.bands` of the band reached, for a hire.
    pub band: Option<usize>,
    pub score: Option<f64>,
    pub assessed: usize,
}

impl Outcome {
    /// A total order on decided outcomes: 0 for no hire, then bands from last to first.
    /// `None` for insufficient evidence, which is not comparable.
    pub fn rank(&self, bands: usize) -> Option<usize> {
        match self.decision {
            Decision::InsufficientEvidence => None,
            Decision::NoHire => Some(0),
            Decision::Hire => self.band.map(|b| bands - b),
        }
    }
}

/// Applies the rubric's policy to ratings given as (capability id, rating) pairs.
///
/// Capabilities missing from `ratings` are not assessed. Unknown ids are ignored.
pub fn evaluate(rubric: &Rubric, rating_of: &dyn Fn(&str) -> Rating) -> Outcome {
    let policy = &rubric.policy;
    let mut weight_sum = 0.0;
    let mut points_sum = 0.0;
    let mut assessed = 0;
    let mut needs_improvement = 0;
    for cap in &rubric.capabilities {
        let r = rating_of(&cap.id);
        if let Some(p) = r.points() {
            let w = rubric.weight(&cap.id);
            weight_sum += w;
            points_sum += w * p;
            assessed += 1;
            if r == Rating::NeedsImprovement {
                needs_improvement += 1;
            }
        }
    }
    if assessed == 0 || assessed < policy.min_assessed {
        let score = (weight_sum > 0.0).then(|| points_sum / weight_sum);
        return Outcome { decision: Decision::InsufficientEvidence, band: None, score, assessed };
    }
    let score = points_sum / weight_sum;
    let band = policy
        .bands
        .iter()
        .position(|b| holds(rubric, b, score, needs_improvement, rating_of) && assessed >= b.min_assessed);
    Outcome {
        decision: if band.is_some() { Decision::Hire } else { Decision::NoHire },
        band,
        score: Some(score),
        assessed,
    }
}

/// Whether a band's conditions other than how many capabilities are assessed hold.
fn holds(
    rubric: &Rubric,
    band: &Band,
    score: f64,
    needs_improvement: usize,
    rating_of: &dyn Fn(&str) -> Rating,
) -> bool {
    // A small tolerance so that a score of exactly the threshold is not lost to rounding.
    score + 1e-9 >= band.min_score
        && needs_improvement <= band.max_needs_improvement
        && band.core_at_least.is_none_or(|min| rubric.policy.core.iter().all(|c| rating_of(c) >= min))
}

/// Recommends an outcome for a scorecard, weighing its ratings and the evidence behind them,
/// every note and observation counted as evidence. Where the classifier's flags are at hand,
/// [`recommend_with`] counts only those it does not flag.
pub fn recommend(rubric: &Rubric, card: &Scorecard) -> Recommendation {
    recommend_read(rubric, card, &|_| Reading::Evidence)
}

/// How the engine counts a note or an observation, as the classifier reads its text
/// ([`recommend_read`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Evidence, as every text is where no classifier is at hand.
    Evidence,
    /// Flagged as a bias risk or as no behaviour: not evidence at all.
    Flagged,
    /// Evidence of its capability whose level the classifier cannot tell: on a suggested tag
    /// (not the interviewer's) the level is a guess, and counts for no level: it neither backs
    /// the rating nor agrees or disagrees with it. The interviewer's own tag counts as ever.
    LevelUnsure,
}

/// [`recommend`], with `flagged` saying which texts (evidence notes, observations) the
/// classifier flags as a bias risk or as no behaviour: those are not evidence (the flag says so
/// to the interviewer, and no export bound for an ATS carries a bias risk), so a rating whose
/// only support they are is rated without evidence, and an observation among them neither
/// agrees with its rating nor contradicts it.
pub fn recommend_with(rubric: &Rubric, card: &Scorecard, flagged: &dyn Fn(&str) -> bool) -> Recommendation {
    recommend_read(rubric, card, &|t: &str| if flagged(t) { Reading::Flagged } else { Reading::Evidence })
}

/// [`recommend_with`], with what the classifier reads in each text as a [`Reading`]: flagged
/// texts are not evidence, and the level of a suggested tag the classifier cannot tell is no
/// level (docs/WHY.md).
pub fn recommend_read(rubric: &Rubric, card: &Scorecard, read: &dyn Fn(&str) -> Reading) -> Recommendation {
    recommend_as(rubric, card, read, Voice::Interview)
}

/// Whose ratings the engine reads, which its reasons name: one interviewer's scorecard, or a
/// committee's consensus ([`crate::core::committee`]), whose reasons must not speak of "this
/// interview" or ask for a note nobody on the panel can add to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Voice {
    Interview,
    Panel,
}

/// [`recommend_read`], its reasons worded for `voice`.
pub fn recommend_as(rubric: &Rubric, card: &Scorecard, read: &dyn Fn(&str) -> Reading, voice: Voice) -> Recommendation {
    let panel = voice == Voice::Panel;
    let flagged = |t: &str| read(t) == Reading::Flagged;
    let rating_of = |id: &str| card.rating(id);
    let outcome = evaluate(rubric, &rating_of);
    let name = |id: &str| rubric.capability(id).map_or(id.to_string(), |c| c.name.clone());

    let mut unassessed = Vec::new();
    let mut unevidenced = Vec::new();
    let mut contradicted = Vec::new();
    // Capabilities whose every observation reads at the rating's level. Those whose observations
    // read at more than one level without contradicting it (split evidence) add nothing.
    let mut agreeing = 0usize;
    // Whether a rating without evidence has a flagged note or observation: the line that lists
    // them says flagged ones do not count. (One tagged without a level, or with a guessed one,
    // shows "Level?" beside it.)
    let mut only_flagged = false;
    for cap in &rubric.capabilities {
        let r = card.rating(&cap.id);
        // The levels of its observations, flagged ones and guessed levels left out. (A loop: a
        // `collect` through one more filter is one more instantiation of `Vec`'s collecting code
        // in the widget.)
        let mut obs: Vec<Rating> = Vec::new();
        let mut set_aside = false;
        for o in card.observations_for(&cap.id) {
            match read(&o.text) {
                Reading::Flagged => set_aside = true,
                Reading::LevelUnsure if o.source == TagSource::Suggested => {}
                _ if o.level == Rating::NotAssessed => {}
                _ => obs.push(o.level),
            }
        }
        if r == Rating::NotAssessed {
            unassessed.push(cap.id.clone());
            continue;
        }
        let note = card.note(&cap.id);
        if (note.trim().is_empty() || flagged(note)) && obs.is_empty() {
            // (A note that is not blank here is flagged.)
            only_flagged |= !note.trim().is_empty() || set_aside;
            unevidenced.push(cap.id.clone());
        }
        if !obs.is_empty() {
            let rp = r.points().unwrap_or(0.0);
            let mean = obs.iter().filter_map(|l| l.points()).sum::<f64>() / obs.len() as f64;
            let far = obs.iter().any(|l| (l.points().unwrap_or(0.0) - rp).abs() >= 2.0);
            if far || (mean - rp).abs() >= 1.0 {
                contradicted.push(cap.id.clone());
            } else if obs.iter().all(|l| *l == r) {
                agreeing += 1;
            }
        }
    }

    let policy = &rubric.policy;
    let band = outcome.band.and_then(|b| policy.bands.get(b));
    let level = band.map(|b| b.level.clone());
    let consider_level = band.and_then(|b| b.consider.clone());
    let Greenhoused { greenhouse, held_back, core_unrated } = greenhouse_of(rubric, card, &outcome);

    let total = rubric.capabilities.len().max(1) as f64;
    let coverage = outcome.assessed as f64 / total;
    let confidence = if outcome.decision == Decision::InsufficientEvidence {
        (0.1 + 0.2 * coverage).min(0.3)
    } else {
        let evidenced = (outcome.assessed - unevidenced.len()) as f64 / outcome.assessed.max(1) as f64;
        let margin = margin(rubric, &outcome);
        let c = 0.1 + 0.3 * coverage + 0.25 * margin + 0.25 * evidenced + 0.03 * agreeing as f64
            - 0.12 * contradicted.len() as f64;
        c.clamp(0.05, 0.97)
    };

    let mut rationale = Vec::new();
    let list = |ids: &[String]| join_names(ids.iter().map(|id| name(id)).collect());
    match outcome.decision {
        Decision::InsufficientEvidence => rationale.push(format!(
            "Not enough evidence to decide: {} of {} capabilities rated; the policy needs at least {}.",
            outcome.assessed,
            rubric.capabilities.len(),
            policy.min_assessed.max(1)
        )),
        Decision::NoHire => {
            rationale.push(format!(
                "No hire: a score of {} of 2 across {} rated capabilities does not reach the lowest hiring band{}.",
                fixed2(shown(outcome.score.unwrap_or(0.0))),
                outcome.assessed,
                policy
                    .bands
                    .iter()
                    .map(|b| b.min_score)
                    .reduce(f64::min)
                    .map_or(String::new(), |m| format!(" (at least {})", fixed2(m)))
            ));
            if !held_back {
                let below = greenhouse == Greenhouse::DefinitelyNot;
                rationale.push(format!(
                    "In Greenhouse terms: {}, for a score {} {}.",
                    greenhouse.label(),
                    if below { "below" } else { "of at least" },
                    fixed2(policy.strong_no_below)
                ));
            }
        }
        Decision::Hire => {
            let lvl = level.clone().unwrap_or_default();
            // Worded as the headline is ("Hire below level: L3"), so the first reason does not
            // read as a second outcome; what holds it below comes right after it.
            rationale.push(format!(
                "{}: a score of {} of 2 across {} rated capabilities.",
                headline(Decision::Hire, Some(&lvl), hire_below_level(Decision::Hire, greenhouse)),
                fixed2(shown(outcome.score.unwrap_or(0.0))),
                outcome.assessed
            ));
            if held_back {
                rationale.push(held_back_sentence(rubric, card, &core_unrated, &list, panel));
            }
            if level_below(&lvl, &rubric.level) && !held_back {
                rationale.push(format!(
                    "{lvl} is below this rubric's {}: in Greenhouse terms that is a No for the {} role as posted.",
                    rubric.level, rubric.level
                ));
            }
            if let Some(c) = &consider_level {
                rationale.push(format!(
                    "Consider {c}: every core capability exceeds expectations and nothing needs improvement; an {} interview cannot confirm {c} on its own, so calibrate before offering it.",
                    rubric.level
                ));
            }
        }
    }
    // A higher band this card reaches but for how many capabilities it assesses (all six rated
    // exceeds expectations, say, with four rated): said, so that its absence has a reason, and
    // so that nobody rates what they did not observe to reach it; the what-ifs below never
    // suggest rating an unassessed capability.
    let at = |r: Rating| -> Vec<String> {
        rubric.capabilities.iter().filter(|c| card.rating(&c.id) == r).map(|c| c.id.clone()).collect()
    };
    let exceeds = at(Rating::Exceeds);
    let weak = at(Rating::NeedsImprovement);
    if let (Some(score), Some(now)) = (outcome.score, outcome.rank(policy.bands.len())) {
        // (A loop, not an iterator chain: less code in the widget.)
        for (i, b) in policy.bands.iter().enumerate() {
            if policy.bands.len() - i <= now {
                break;
            }
            if let (Some(c), true) =
                (&b.consider, outcome.assessed < b.min_assessed && holds(rubric, b, score, weak.len(), &rating_of))
            {
                let all = if b.min_assessed >= rubric.capabilities.len() { "all " } else { "" };
                rationale.push(format!(
                    "{c} to consider needs {all}{} capabilities assessed; {} {}.{}",
                    b.min_assessed,
                    if panel { "the panel assesses" } else { "this card assesses" },
                    outcome.assessed,
                    if panel { "" } else { " Rate only what you observed." }
                ));
                break;
            }
        }
    }
    if outcome.decision != Decision::InsufficientEvidence {
        if !exceeds.is_empty() {
            rationale.push(format!("Strongest: {} (exceeds expectations).", list(&exceeds)));
        }
        if !weak.is_empty() {
            rationale.push(format!("Needs improvement: {}.", list(&weak)));
        }
        let core_below: Vec<String> = policy
            .core
            .iter()
            .filter(|c| card.rating(c) != Rating::NotAssessed && card.rating(c) < Rating::Meets)
            .cloned()
            .collect();
        if !core_below.is_empty() {
            rationale.push(format!("Core capability below meets expectations: {}.", list(&core_below)));
        }
        // An unrated core capability fails a band's core condition just as a low rating does;
        // without this sentence a solid card drops a level with no reason given.
        // (Held back, it was said with the outcome.)
        if !held_back && !core_unrated.is_empty() && policy.bands.iter().any(|b| b.core_at_least.is_some()) {
            rationale.push(format!(
                "Core capability not assessed: {}; a hiring band that needs its core capabilities at a level counts it as not reached.",
                list(&core_unrated)
            ));
        }
    }
    let todo_start = rationale.len();
    if !unassessed.is_empty() {
        rationale.push(format!("Not assessed: {}.", list(&unassessed)));
    }
    if !unevidenced.is_empty() {
        let flagged = if only_flagged { "; a flagged one is not evidence" } else { "" };
        rationale.push(if panel {
            format!("Rated without evidence by anyone on the panel: {}.", list(&unevidenced))
        } else {
            format!("Rated without evidence (add a note or an observation{flagged}): {}.", list(&unevidenced))
        });
    }
    let todo_lines = todo_start..rationale.len();
    for id in &contradicted {
        rationale.push(format!(
            "The observations for {} do not match its rating of {}; check the rating against the notes.",
            name(id),
            rubric.level_label(card.rating(id)).to_ascii_lowercase()
        ));
    }
    rationale.extend(what_would_change(rubric, card, &outcome, panel));

    Recommendation {
        decision: outcome.decision,
        level,
        consider_level,
        greenhouse,
        confidence: (confidence * 100.0).round() / 100.0,
        score: outcome.score.map(shown),
        rationale,
        todo_lines,
        unassessed,
        unevidenced,
        contradicted,
    }
}

/// A scorecard's Greenhouse recommendation, and why it may be held back.
struct Greenhoused {
    greenhouse: Greenhouse,
    /// Below the rubric's level only because core capabilities went unassessed.
    held_back: bool,
    /// The core capabilities the card does not rate.
    core_unrated: Vec<String>,
}

/// The Greenhouse recommendation of a card whose ratings give `outcome`.
fn greenhouse_of(rubric: &Rubric, card: &Scorecard, outcome: &Outcome) -> Greenhoused {
    let policy = &rubric.policy;
    let band = outcome.band.and_then(|b| policy.bands.get(b));
    // Below the rubric's level only because core capabilities went unassessed (with each rated
    // meets expectations the card would reach it): this interview did not cover them, which is
    // not evidence against the candidate, so Greenhouse hears no decision rather than a No.
    let below_target = |o: &Outcome| match o.decision {
        Decision::InsufficientEvidence => false,
        Decision::NoHire => true,
        Decision::Hire => {
            o.band.and_then(|b| policy.bands.get(b)).is_some_and(|b| level_below(&b.level, &rubric.level))
        }
    };
    let core_unrated: Vec<String> =
        policy.core.iter().filter(|c| card.rating(c) == Rating::NotAssessed).cloned().collect();
    let held_back = !core_unrated.is_empty()
        && below_target(outcome)
        && !below_target(&evaluate(rubric, &|id: &str| {
            if core_unrated.iter().any(|c| c == id) {
                Rating::Meets
            } else {
                card.rating(id)
            }
        }));
    let greenhouse = match outcome.decision {
        Decision::InsufficientEvidence => Greenhouse::NoDecision,
        _ if held_back => Greenhouse::NoDecision,
        Decision::NoHire if outcome.score.unwrap_or(0.0) < policy.strong_no_below => Greenhouse::DefinitelyNot,
        Decision::NoHire => Greenhouse::No,
        Decision::Hire if band.is_some_and(|b| b.consider.is_some()) => Greenhouse::StrongYes,
        Decision::Hire if band.is_some_and(|b| level_below(&b.level, &rubric.level)) => Greenhouse::No,
        Decision::Hire => Greenhouse::Yes,
    };
    Greenhoused { greenhouse, held_back, core_unrated }
}

/// What one scorecard votes: the decision, Greenhouse recommendation and shown score of its
/// [`recommend`]ation, without the rationale and confidence (the committee's panel members, 200
/// of them, need only these).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Vote {
    pub decision: Decision,
    pub greenhouse: Greenhouse,
    pub score: Option<f64>,
}

/// The [`Vote`] of a scorecard: the same decision, Greenhouse recommendation and score as
/// [`recommend`] gives it.
pub fn vote(rubric: &Rubric, card: &Scorecard) -> Vote {
    let outcome = evaluate(rubric, &|id: &str| card.rating(id));
    let greenhouse = greenhouse_of(rubric, card, &outcome).greenhouse;
    Vote { decision: outcome.decision, greenhouse, score: outcome.score.map(shown) }
}

/// A score as it is shown: two decimals, rounded down (within the engine's tolerance), so that a
/// score just under a threshold never reads as the threshold itself (0.348 is 0.34 under a band
/// from 0.35, not 0.35).
fn shown(score: f64) -> f64 {
    ((score + 1e-9) * 100.0).floor() / 100.0
}

/// How far the score sits from the thresholds around it, scaled to 0..1.
fn margin(rubric: &Rubric, outcome: &Outcome) -> f64 {
    let score = outcome.score.unwrap_or(0.0);
    let nearest = rubric.policy.bands.iter().map(|b| (score - b.min_score).abs()).fold(f64::INFINITY, f64::min);
    if nearest.is_finite() {
        (nearest / 0.5).min(1.0)
    } else {
        0.5
    }
}

/// One-step changes that would move the outcome up or down: the "what would change it" sentences.
fn what_would_change(rubric: &Rubric, card: &Scorecard, outcome: &Outcome, panel: bool) -> Vec<String> {
    let bands = rubric.policy.bands.len();
    let Some(now) = outcome.rank(bands) else {
        let missing = rubric.policy.min_assessed.saturating_sub(outcome.assessed);
        let them = if missing == 1 { "y" } else { "ies" };
        return if missing > 0 {
            // (Nobody at the committee's table can rate: the panel is told what it lacks.)
            vec![if panel {
                format!("A decision needs {missing} more capabilit{them} rated by the panel.")
            } else {
                format!("Rate {missing} more capabilit{them} to get a decision.")
            }]
        } else {
            Vec::new()
        };
    };
    let describe = |o: &Outcome| match o.band.and_then(|b| rubric.policy.bands.get(b)) {
        Some(b) => match &b.consider {
            Some(c) => format!("hire at {} with {c} to consider", b.level),
            None => format!("hire at {}", b.level),
        },
        None => "no hire".to_string(),
    };
    // Group the one-step changes by the outcome they lead to, so each sentence reads
    // "Would become X if A or B were rated Y".
    // Losing only the level to consider keeps the level: "would lose L5 to consider", not
    // "would drop to hire at L4" under a headline that already says hire at L4.
    let current = outcome.band.and_then(|b| rubric.policy.bands.get(b));
    // Likewise gaining it: "would gain L5 to consider", not "would rise to hire at L4 with L5
    // to consider" under a headline that already says hire at L4.
    let phrase = |o: &Outcome, up: bool| match (current, o.band.and_then(|b| rubric.policy.bands.get(b))) {
        (Some(c), Some(n)) if c.level == n.level && (if up { c } else { n }).consider.is_none() => {
            let (verb, which) = if up { ("gain", n) } else { ("lose", c) };
            format!("{verb} {} to consider", which.consider.as_deref().unwrap_or_default())
        }
        _ => format!("{} {}", if up { "rise to" } else { "drop to" }, describe(o)),
    };
    let mut changes: Vec<(bool, (String, String), Vec<String>)> = Vec::new();
    for cap in &rubric.capabilities {
        let current = card.rating(&cap.id);
        let steps = match current {
            Rating::NeedsImprovement => [Some(Rating::Meets), None],
            Rating::Meets => [Some(Rating::Exceeds), Some(Rating::NeedsImprovement)],
            Rating::Exceeds => [None, Some(Rating::Meets)],
            // Not one for an unassessed capability: "would rise if X were rated meets" invites
            // rating what the interview did not observe. What it holds back is said apart (an
            // unrated core capability; a band that needs more capabilities assessed).
            Rating::NotAssessed => [None, None],
        };
        for target in steps.into_iter().flatten() {
            let changed = evaluate(rubric, &|id: &str| if id == cap.id { target } else { card.rating(id) });
            let Some(r) = changed.rank(bands) else { continue };
            if r == now {
                continue;
            }
            let key = (phrase(&changed, r > now), rubric.level_label(target).to_ascii_lowercase());
            match changes.iter_mut().find(|(_, k, _)| *k == key) {
                Some((_, _, names)) => names.push(cap.name.clone()),
                None => changes.push((r > now, key, vec![cap.name.clone()])),
            }
        }
    }
    // Upward changes first: they say what the candidate would need to show.
    // (A stable partition rather than `sort_by_key`, whose sort code costs 2 KB of wasm.)
    let (mut ordered, downs): (Vec<_>, Vec<_>) = changes.into_iter().partition(|(up, _, _)| *up);
    ordered.extend(downs);
    ordered
        .into_iter()
        .map(|(_, key, names)| {
            let who = match names.len() {
                1 => names[0].clone(),
                n => format!("{} or {}", names[..n - 1].join(", "), names[n - 1]),
            };
            format!("Would {} if {who} were rated {}.", key.0, key.1)
        })
        .collect()
}

/// Compares career levels such as "L3" and "L4" by their number; unknown shapes are not below.
fn level_below(a: &str, b: &str) -> bool {
    let num = |s: &str| s.trim_start_matches(|c: char| !c.is_ascii_digit()).parse::<u32>().ok();
    matches!((num(a), num(b)), (Some(x), Some(y)) if x < y)
}

/// True when the outcome is a hire at a level below the rubric's own: the engine then maps it to
/// a Greenhouse "No" for the role as posted, or "No decision" when only core capabilities this
/// interview did not assess hold it there (see `engine::recommend`); either way the headline
/// must not read as a plain hire.
pub fn hire_below_level(decision: Decision, greenhouse: Greenhouse) -> bool {
    decision == Decision::Hire && matches!(greenhouse, Greenhouse::No | Greenhouse::NoDecision)
}

/// Why a hire is held below the rubric's level: a core capability the interview did not cover,
/// or one it has observations of and no rating (the interviewer's to rate: drafting leaves one
/// whose observations disagree), which "did not cover" would contradict beside its observations.
/// A `panel`'s consensus names the panel, not "this interview" and "the card".
fn held_back_sentence(
    rubric: &Rubric,
    card: &Scorecard,
    core_unrated: &[String],
    list: &dyn Fn(&[String]) -> String,
    panel: bool,
) -> String {
    let (observed, uncovered): (Vec<String>, Vec<String>) =
        core_unrated.iter().cloned().partition(|c| card.observations_for(c).next().is_some());
    let them = |ids: &[String], one: &'static str, many: &'static str| if ids.len() == 1 { one } else { many };
    let who = if panel { "no one on the panel assessed" } else { "this interview did not cover" };
    let what = if observed.is_empty() {
        format!("not assessed: {}; {who} {}", list(&uncovered), them(&uncovered, "it", "them"))
    } else {
        let mut what =
            format!("not rated: {}, though {} observations", list(&observed), them(&observed, "it has", "they have"));
        if !uncovered.is_empty() {
            what.push_str(&format!(", and {}, which {who}", list(&uncovered)));
        }
        what
    };
    format!(
        "Core capabilit{} {what}, so in Greenhouse terms there is no decision for the {} role yet: rated meets expectations, {} would reach {}.",
        them(core_unrated, "y", "ies"),
        rubric.level,
        if panel { "the panel" } else { "the card" },
        rubric.level
    )
}

/// The headline of a recommendation: "Hire at L4", "Hire below level: L3", "No hire"...
/// Shared by the scorer, the committee view and both Markdown summaries, so all word the same
/// outcome the same way.
pub fn headline(decision: Decision, level: Option<&str>, below: bool) -> String {
    match (decision, level) {
        (Decision::Hire, Some(level)) if below => format!("Hire below level: {level}"),
        (Decision::Hire, Some(level)) => format!("Hire at {level}"),
        (d, _) => d.label().to_string(),
    }
}

/// "A", "A and B", "A, B and C".
pub fn join_names(names: Vec<String>) -> String {
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        n => format!("{} and {}", names[..n - 1].join(", "), names[n - 1]),
    }
}

/// A share from 0 to 1 as a whole percentage (rounded; below 0 is 0), as every view shows
/// confidence.
pub fn percent(x: f64) -> u32 {
    (x * 100.0).round() as u32
}

/// Formats `x` with exactly two decimals, exactly as `format!("{x:.2}")` does (the exact binary
/// value rounded half to even), without pulling the float-printing code of `core::fmt` into the
/// WebAssembly build. Values of 1e15 and more, and non-finite ones, use the JSON number text.
pub fn fixed2(x: f64) -> String {
    if !x.is_finite() {
        return "not a number".to_string();
    }
    if x.abs() >= 1e15 {
        let mut out = String::new();
        super::json::write_float(&mut out, x);
        return out;
    }
    // Below 1e17, so the narrowing is exact and the division stays in 64 bits.
    let cents = super::json::scaled(x, 2) as u64;
    let sign = if x.is_sign_negative() { "-" } else { "" };
    format!("{sign}{}.{:02}", cents / 100, cents % 100)
}
