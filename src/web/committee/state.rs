//! The committee view's state and its reducer: the loaded sources, the scorecards read from
//! them, and the report the core derives from those.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::core::classifier::detect_flags;
use crate::core::committee::{analyze, parse_for_panel, CommitteeReport, LoadFailure};
use crate::core::interchange::link::{decode_link_json, LINK_PREFIX};
use crate::core::scorecard::{Scorecard, MAX_DOCUMENT_BYTES};
use crate::core::Rubric;

/// The most scorecards one committee view holds.
pub const MAX_SOURCES: usize = 2_000;

/// One loaded scorecard text, where it came from, and what reading it gave. It is read once,
/// when it is added: a panel of 200 scorecards is not parsed again when one more arrives.
#[derive(Clone, Debug)]
pub struct Source {
    /// A file name, "pasted #3", or "file.json [2]" for the second item of a file.
    pub label: String,
    pub text: String,
    /// Set instead of keeping the text when the input was too large to hold.
    pub too_large: Option<usize>,
    /// The scorecard read from `text`, or why it could not be read. Derived from `text`; the
    /// scorecard is shared with every analysis, never copied.
    pub read: Result<Rc<Scorecard>, String>,
}

impl Source {
    /// A source read against `rubric`: a share link or a JSON document.
    pub fn new(label: String, text: String, rubric: &Rubric) -> Source {
        let read = read(&text, rubric).map(Rc::new);
        Source { label, text, too_large: None, read }
    }

    /// A source too large to hold: its text is dropped and it is listed as not loaded.
    fn too_large(label: String, bytes: usize) -> Source {
        let read = Err(format!("{bytes} bytes is more than the {MAX_DOCUMENT_BYTES} a scorecard may have"));
        Source { label, text: String::new(), too_large: Some(bytes), read }
    }
}

/// Equal when label and text are: the reading is a function of the text.
impl PartialEq for Source {
    fn eq(&self, other: &Self) -> bool {
        self.label == other.label && self.text == other.text && self.too_large == other.too_large
    }
}

impl Eq for Source {}

/// The committee view's state.
#[derive(Clone, Debug)]
pub struct CommitteeState {
    pub rubric: Rc<Rubric>,
    /// Shared, not copied, between states: `Rc` compares by pointer first for `Eq` contents, so
    /// the save effect's dependency check costs nothing when the sources did not change.
    pub sources: Rc<Vec<Source>>,
    /// Derived from `sources` in `reduce`.
    pub report: Rc<CommitteeReport>,
    /// Derived from `sources`: the scorecards that loaded, with their labels.
    pub cards: Rc<Vec<(String, Rc<Scorecard>)>>,
    /// The candidate key shown in detail.
    pub selected: Option<String>,
    /// Why the loaded set could not be saved in the browser, if it could not.
    pub save_problem: Option<String>,
    /// How many pastes so far, for labels.
    pub pastes: usize,
    /// The classifier's flags for each note text already read, so that adding one scorecard
    /// does not re-read the notes of all the others. Only ever grows by pure results.
    flags: Rc<RefCell<HashMap<String, Vec<String>>>>,
}

/// Equal when the same sources, report and selection: the derived parts are compared by
/// pointer (they are rebuilt together, from the sources, by `derive`). Yew compares states
/// whenever a view that takes the state re-renders; comparing 200 scorecards' texts and
/// reports field by field there cost more than the render.
impl PartialEq for CommitteeState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.rubric, &other.rubric)
            && Rc::ptr_eq(&self.sources, &other.sources)
            && Rc::ptr_eq(&self.report, &other.report)
            && Rc::ptr_eq(&self.cards, &other.cards)
            && self.selected == other.selected
            && self.save_problem == other.save_problem
            && self.pastes == other.pastes
    }
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
        let report = Rc::new(analyze::<Scorecard>(&rubric, &[], None));
        let mut s = CommitteeState {
            rubric,
            sources: Rc::new(Vec::new()),
            report,
            cards: Rc::new(Vec::new()),
            selected: None,
            save_problem: None,
            pastes: 0,
            flags: Rc::default(),
        };
        s.derive();
        s
    }

    /// Analyses the panel from the sources' readings. A source that failed becomes a line in
    /// `report.failed`; it never removes the others.
    fn derive(&mut self) {
        let mut cards = Vec::new();
        let mut failed = Vec::new();
        for s in self.sources.iter() {
            match &s.read {
                Ok(card) => cards.push((s.label.clone(), card.clone())),
                Err(error) => failed.push(LoadFailure { source: s.label.clone(), error: error.clone() }),
            }
        }
        let memo = self.flags.clone();
        let flagger = move |text: &str| {
            if let Some(flags) = memo.borrow().get(text) {
                return flags.clone();
            }
            let flags: Vec<String> = detect_flags(text).into_iter().map(|f| f.kind.id().to_string()).collect();
            memo.borrow_mut().insert(text.to_string(), flags.clone());
            flags
        };
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
                let sources = Rc::make_mut(&mut next.sources);
                if text.len() > MAX_DOCUMENT_BYTES * 16 {
                    sources.retain(|s| s.label != label);
                    sources.push(Source::too_large(label, text.len()));
                } else {
                    let items = split(&text);
                    let many = items.len() > 1;
                    for (i, item) in items.into_iter().enumerate() {
                        if sources.len() >= MAX_SOURCES {
                            break;
                        }
                        let label = if many { format!("{label} [{}]", i + 1) } else { label.clone() };
                        // The same label again replaces the earlier text (a file loaded twice).
                        sources.retain(|s| s.label != label);
                        sources.push(Source::new(label, item, &next.rubric));
                    }
                }
                next.derive();
            }
            CommitteeAction::Remove { label } => {
                Rc::make_mut(&mut next.sources).retain(|s| s.label != label);
                next.derive();
            }
            CommitteeAction::Clear => {
                next.sources = Rc::default();
                next.flags = Rc::default();
                next.derive();
            }
            CommitteeAction::Select { candidate } => next.selected = Some(candidate),
            CommitteeAction::Restore { sources } => {
                next.sources = Rc::new(sources);
                next.pastes = next.sources.iter().filter(|s| s.label.starts_with("pasted #")).count();
                next.derive();
            }
            CommitteeAction::SaveProblem { reason } => next.save_problem = reason,
        }
        Rc::new(next)
    }
}
