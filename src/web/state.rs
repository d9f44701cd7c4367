//! The scorer view's state and its reducer.
//!
//! `reduce` is pure: it forwards to the core (`Scorecard`, `engine::recommend`) and returns the
//! next state. The recommendation is derived here, once per change, so rendering never computes.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::engine::{recommend, Recommendation};
use crate::core::scorecard::{Rating, RatingEntry, Scorecard};
use crate::core::Rubric;

/// Where the draft is kept, as the user should understand it.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Nothing to save yet.
    Idle,
    /// Saved in this browser.
    Saved,
    /// Kept in this tab only; the reason says why (blocked or full storage).
    MemoryOnly { reason: String },
    /// Autosave is off (an embedding host turned it off).
    Off,
}

/// The scorer view's state.
#[derive(Clone, Debug, PartialEq)]
pub struct ScorerState {
    pub rubric: Rc<Rubric>,
    pub card: Scorecard,
    /// Derived from `card` by every `reduce`.
    pub recommendation: Rc<Recommendation>,
    pub save: SaveStatus,
    /// A message for the user that is not an error of theirs (a draft restored, a corrupt draft
    /// kept aside).
    pub notice: Option<String>,
    /// True when the host asked for a read-only widget.
    pub locked: bool,
}

/// Everything that can happen in the scorer view.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetCandidate { name: String },
    SetInterviewer { name: String },
    SetStep { step: String },
    SetDate { date: String },
    Rate { capability: String, level: Rating },
    Note { capability: String, text: String },
    Submit { at: String },
    Reopen,
    /// Replace the whole card (a restored draft, or the host's `setValue`).
    Load { card: Scorecard, notice: Option<String> },
    Saved { status: SaveStatus },
    DismissNotice,
    /// The host turns read-only mode on or off.
    Lock { locked: bool },
}

impl ScorerState {
    pub fn new(rubric: Rc<Rubric>, card: Scorecard) -> Self {
        let recommendation = Rc::new(recommend(&rubric, &card));
        ScorerState { rubric, card, recommendation, save: SaveStatus::Idle, notice: None, locked: false }
    }

    /// True when edits are refused: submitted, or locked by the host.
    pub fn read_only(&self) -> bool {
        self.locked || self.card.submitted_at.is_some()
    }
}

impl Reducible for ScorerState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let editable = !self.read_only();
        let mut card_changed = false;
        match action {
            Action::SetCandidate { name } if editable => {
                next.card.candidate.name = name;
                card_changed = true;
            }
            Action::SetInterviewer { name } if editable => {
                next.card.interviewer.name = name;
                card_changed = true;
            }
            Action::SetStep { step } if editable => {
                next.card.interview.step = step;
                card_changed = true;
            }
            Action::SetDate { date } if editable => {
                next.card.interview.date = date;
                card_changed = true;
            }
            Action::Rate { capability, level } if editable => {
                if next.rubric.capability(&capability).is_some() {
                    let entry = next.card.ratings.entry(capability.clone()).or_insert_with(RatingEntry::default);
                    entry.level = level;
                    if entry.level == Rating::NotAssessed && entry.note.is_empty() {
                        next.card.ratings.remove(&capability);
                    }
                    card_changed = true;
                }
            }
            Action::Note { capability, text } if editable => {
                if next.rubric.capability(&capability).is_some() {
                    let entry = next.card.ratings.entry(capability.clone()).or_insert_with(RatingEntry::default);
                    entry.note = text;
                    if entry.level == Rating::NotAssessed && entry.note.is_empty() {
                        next.card.ratings.remove(&capability);
                    }
                    card_changed = true;
                }
            }
            Action::Submit { at } if editable => {
                next.card.submitted_at = Some(at);
                card_changed = true;
            }
            Action::Reopen if !self.locked => {
                next.card.submitted_at = None;
                card_changed = true;
            }
            Action::Load { card, notice } => {
                next.card = card;
                next.notice = notice;
                card_changed = true;
            }
            Action::Saved { status } => next.save = status,
            Action::DismissNotice => next.notice = None,
            Action::Lock { locked } => next.locked = locked,
            // Edits to a read-only card are dropped: the UI disables those controls anyway.
            _ => return self,
        }
        if card_changed {
            next.recommendation = Rc::new(recommend(&next.rubric, &next.card));
        }
        Rc::new(next)
    }
}

/// The handle components use to read the state and say what happened.
pub type ScorerContext = UseReducerHandle<ScorerState>;

/// The scorer view's state, from the nearest provider.
#[hook]
pub fn use_scorer() -> ScorerContext {
    // The app always renders components under the provider; a missing one is a programming
    // error caught by the component tests.
    use_context::<ScorerContext>().expect("use_scorer outside ScorerProvider")
}
