//! The committee view's state and its reducer: the loaded sources, the scorecards read from
//! them, and the report the core derives from those.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::classifier::detect_flags;
use crate::core::committee::{analyze, parse_for_panel, CommitteeReport, LoadFailure};
use crate::core::interchange::link::{decode_link_json, LINK_PREFIX};
use crate::core::scorecard::{Scorecard, MAX_DOCUMENT_BYTES};
use crate::core::Rubric;

/// The most scorecards one committee view holds.
pub const MAX_SOURCES: usize = 2_000;

/// One loaded scorecard text and where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// A file name, "pasted #3", or "file.json [2]" for the second item of a file.
    pub label: String,
    pub text: String,
    /// Set instead of keeping the text when the input was too large to hold.
    pub too_large: Option<usize>,
}

/// The committee view's state.
#[derive(Clone, Debug, PartialEq)]
pub struct CommitteeState {
    pub rubric: Rc<Rubric>,
    pub sources: Vec<Source>,
    /// Derived from `sources` in `reduce`.
    pub report: Rc<CommitteeReport>,
    /// Derived from `sources`: the scorecards that loaded, with their labels.
    pub cards: Rc<Vec<(String, Scorecard)>>,
    /// The candidate key shown in detail.
    pub selected: Option<String>,
    /// Why the loaded set could not be saved in the browser, if it could not.
    pub save_problem: Option<String>,
    /// How many pastes so far, for labels.
    pub pastes: usize,
}

/// Everything that can happen in the committee view.
#[derive(Clone, Debug, PartialEq)]
pub enum CommitteeAction {
    /// Text from a file or the paste box; it may hold one document, a JSON list of documents,
    /// JSON lines, or share links one per line.
    Add { label: Option<String>, text: String },
    Remove { label: String },
    Clear,
    Select { candidate: String },
    /// The saved set, read back on mount.
    Restore { sources: Vec<Source> },
    SaveProblem { reason: Option<String> },
}

impl CommitteeState {
    pub fn new(rubric: Rc<Rubric>) -> Self {
        let report = Rc::new(analyze(&rubric, &[], None));
        let mut s = CommitteeState {
            rubric,
            sources: Vec::new(),
            report,
            cards: Rc::new(Vec::new()),
            selected: None,
            save_problem: None,
            pastes: 0,
        };
        s.derive();
        s
    }

    /// Reads every source and analyses the panel. A source that fails becomes a line in
    /// `report.failed`; it never removes the others.
    fn derive(&mut self) {
        let mut cards = Vec::new();
        let mut failed = Vec::new();
        for s in &self.sources {
            let result = match s.too_large {
                Some(n) => Err(format!("{n} bytes is more than the {MAX_DOCUMENT_BYTES} a scorecard may have")),
                None => read(&s.text, &self.rubric),
            };
            match result {
                Ok(card) => cards.push((s.label.clone(), card)),
                Err(error) => failed.push(LoadFailure { source: s.label.clone(), error }),
            }
        }
        let flagger = |text: &str| detect_flags(text).into_iter().map(|f| f.kind.id().to_string()).collect::<Vec<String>>();
        let mut report = analyze(&self.rubric, &cards, Some(&flagger));
        report.failed = failed;
        if self.selected.as_ref().is_none_or(|k| !report.candidates.iter().any(|c| &c.candidate == k)) {
            self.selected = report.candidates.first().map(|c| c.candidate.clone());
        }
        self.report = Rc::new(report);
        self.cards = Rc::new(cards);
    }
}

/// Reads one scorecard: a share link or a JSON document.
fn read(text: &str, rubric: &Rubric) -> Result<Scorecard, String> {
    let text = text.trim();
    if text.contains(LINK_PREFIX) && !text.starts_with('{') {
        let json = decode_link_json(text).map_err(|e| e.to_string())?;
        return parse_for_panel(&json, rubric).map_err(|e| e.to_string());
    }
    parse_for_panel(text, rubric).map_err(|e| e.to_string())
}

/// Splits what was added into one text per scorecard.
fn split(text: &str) -> Vec<String> {
    let trimmed = text.trim();
    if trimmed.starts_with('[') {
        if let Ok(serde_json::Value::Array(items)) = crate::core::json::parse(trimmed) {
            return items.iter().map(|v| v.to_string()).collect();
        }
    }
    let lines: Vec<&str> = trimmed.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let one_per_line = lines.len() > 1
        && lines.iter().all(|l| (l.starts_with('{') && l.ends_with('}')) || l.contains(LINK_PREFIX));
    if one_per_line {
        lines.into_iter().map(str::to_string).collect()
    } else {
        vec![trimmed.to_string()]
    }
}

impl Reducible for CommitteeState {
    type Action = CommitteeAction;

    fn reduce(self: Rc<Self>, action: CommitteeAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            CommitteeAction::Add { label, text } => {
                let label = label.unwrap_or_else(|| {
                    next.pastes += 1;
                    format!("pasted #{}", next.pastes)
                });
                if text.len() > MAX_DOCUMENT_BYTES * 16 {
                    next.sources.retain(|s| s.label != label);
                    next.sources.push(Source { label, text: String::new(), too_large: Some(text.len()) });
                } else {
                    let items = split(&text);
                    let many = items.len() > 1;
                    for (i, item) in items.into_iter().enumerate() {
                        if next.sources.len() >= MAX_SOURCES {
                            break;
                        }
                        let label = if many { format!("{label} [{}]", i + 1) } else { label.clone() };
                        // The same label again replaces the earlier text (a file loaded twice).
                        next.sources.retain(|s| s.label != label);
                        next.sources.push(Source { label, text: item, too_large: None });
                    }
                }
                next.derive();
            }
            CommitteeAction::Remove { label } => {
                next.sources.retain(|s| s.label != label);
                next.derive();
            }
            CommitteeAction::Clear => {
                next.sources.clear();
                next.derive();
            }
            CommitteeAction::Select { candidate } => next.selected = Some(candidate),
            CommitteeAction::Restore { sources } => {
                next.sources = sources;
                next.pastes = next.sources.iter().filter(|s| s.label.starts_with("pasted #")).count();
                next.derive();
            }
            CommitteeAction::SaveProblem { reason } => next.save_problem = reason,
        }
        Rc::new(next)
    }
}
