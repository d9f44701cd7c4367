//! The scorer view's state and its reducer.
//!
//! `reduce` is pure: it forwards to the core (`Scorecard`, `engine::recommend`) and to the
//! ready [`Assist`] (the classifier, a function of the text alone), and returns the next state.
//! The recommendation and the readings of notes are derived here, once per change, so rendering
//! never computes.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::classifier::{self, Classification, Flag};
use crate::core::engine::{recommend_read, Reading, Recommendation};
use crate::core::notes::{forget_slot, list_items, removal_slot, restore_index, MAX_UNDO};
use crate::core::scorecard::{Observation, Rating, Scorecard, TagSource, MAX_OBSERVATIONS};
use crate::core::Rubric;
use crate::web::assist::Assistance;
use crate::web::components::part_id;

/// The warnings of each evidence note that raises any: (capability id, warnings).
pub type NoteFlags = Vec<(String, Vec<Flag>)>;

/// What the classifier read in one observation text, or why it could not.
pub type Analysis = Result<Rc<Classification>, String>;

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
    /// The names were changed to those of another scorecard saved in this browser (under
    /// `key`), which is never overwritten: this card stays saved under its previous key
    /// (`kept`, that key), or, never saved yet, in this tab only.
    Conflict { key: String, kept: Option<String> },
    /// Another tab, window or widget saved this scorecard after this one read or saved it:
    /// not overwritten until the interviewer chooses (the card stays in this tab meanwhile).
    ChangedElsewhere,
}

/// When the notice stops applying and goes by itself (it also goes on Dismiss, on a successful
/// Submit and when another notice replaces it).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum NoticeUntil {
    /// Until dismissed or replaced.
    #[default]
    Dismissed,
    /// About drafted ratings: goes once none is left to confirm.
    Confirmed,
    /// A refused Submit for a missing name or rating: goes once all are there.
    Complete,
    /// Drafting asked for while the on-demand module loads: once it is loaded, the ratings are
    /// drafted while this notice stands (or the notice says why they cannot be).
    Loaded,
    /// A refused Submit for an observation edit still open: goes once none is (saved or
    /// cancelled).
    Edited,
}

/// The scorer view's state.
#[derive(Clone, Debug)]
pub struct ScorerState {
    pub rubric: Rc<Rubric>,
    pub card: Scorecard,
    /// Derived from `card` by every `reduce`.
    pub recommendation: Rc<Recommendation>,
    pub save: SaveStatus,
    /// A message for the user that is not an error of theirs (a draft restored, a corrupt draft
    /// kept aside).
    pub notice: Option<String>,
    /// When `notice` no longer applies.
    pub notice_until: NoticeUntil,
    /// True once the card has been submitted, also after Reopen (kept beside the draft, with
    /// the drafted marks): its candidate, interviewer and step then stay as submitted, so a
    /// reopened card is corrected, never turned into another candidate's (which would move it).
    pub submitted_once: bool,
    /// True once Submit was pressed on this card and refused for a missing name or rating: the
    /// header then warns of a missing step, also after the refusal is dismissed.
    pub submit_tried: bool,
    /// True when the host asked for a read-only widget.
    pub locked: bool,
    /// The classifier and formats, once loaded (see [`crate::web::assist`]).
    pub assist: Assistance,
    /// The classifier's reading of each observation, keyed by its text. Derived in `reduce`;
    /// empty until the assist is ready.
    pub analyses: Rc<Readings>,
    /// The warnings each capability's evidence note raises, by capability id (a short list; see
    /// `note_flags_of`). Derived in `reduce`.
    pub note_flags: Rc<NoteFlags>,
    /// Capabilities whose rating was drafted from observations and not yet confirmed. (A list,
    /// not a set: a handful of ids, and one fewer collection type in the wasm.)
    pub drafted: Vec<String>,
    /// What the last action did, for screen readers, and where the keyboard goes next: set by
    /// the actions whose control disappears or moves (Accept, a retag to another card, Confirm,
    /// Submit, Reopen), which would otherwise drop focus to the page and say nothing.
    pub after: Option<After>,
    /// The observations removed, oldest first, each until it is put back with its Undo (shown
    /// where it was) or the card is submitted or replaced; at most [`MAX_UNDO`], the oldest
    /// forgotten first.
    pub removed: Vec<Rc<Removed>>,
    /// The observations whose text is being edited in place: (id, the text in its box). Several
    /// may be open: opening one never closes another with what was typed in it.
    pub editing: Vec<(String, String)>,
}

/// The same state, not an equal one: `reduce` makes a new state for every change, so whether the
/// scorer's state changed is whether it is another value. This is what the scorer's handle
/// compares (`UseReducerHandle`'s `PartialEq`, through the `Rc`s it took when the scorer
/// rendered) to tell whether `QuickEntry` and `TransferPanel`, which take it as a prop, render
/// again. Compared field by field, that was every observation, the card and the rubric at each
/// render, and about 1.6 KB of the widget's wasm.
impl PartialEq for ScorerState {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// See [`ScorerState::removed`].
#[derive(Clone, Debug, PartialEq)]
pub struct Removed {
    /// Names its Undo (`undo-<serial>`): ids of observations may be taken again.
    pub serial: u32,
    pub observation: Observation,
    /// Where it was among all the card's observations and the other removals still to undo
    /// (`notes::removal_slot`): Undo is shown there, and puts it back there.
    pub index: usize,
    /// The drafted ratings its removal withdrew (no other observation supported them), as they
    /// were: Undo drafts them again, unless the capability has been rated since.
    pub withdrawn: Vec<(String, crate::core::RatingEntry)>,
}

/// See [`ScorerState::after`].
#[derive(Clone, Debug, PartialEq)]
pub struct After {
    /// Counts the actions, so that the same message twice is still a change to announce and
    /// the same focus target twice is still a move.
    pub count: u32,
    /// Said politely (toolbar's status region).
    pub message: String,
    /// The element to focus, by its id without the widget's prefix (`o3-cap`, `submit`).
    pub focus: String,
}

/// Everything that can happen in the scorer view.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetCandidate {
        name: String,
    },
    SetInterviewer {
        name: String,
    },
    SetStep {
        step: String,
    },
    SetDate {
        date: String,
    },
    Rate {
        capability: String,
        level: Rating,
    },
    Note {
        capability: String,
        text: String,
    },
    Submit {
        at: String,
    },
    Reopen,
    /// Replace the whole card (a restored draft, or the host's `setValue`), with the ratings of
    /// it still drafted and unconfirmed (a restored draft's; none for any other card).
    Load {
        card: Scorecard,
        notice: Option<String>,
        drafted: Vec<String>,
    },
    Saved {
        status: SaveStatus,
    },
    DismissNotice,
    /// New scorecard or Open was pressed while an observation is typed and not added: nothing
    /// switches, the page says why and the keyboard goes to the box.
    SwitchHeld,
    /// The host turns read-only mode on or off.
    Lock {
        locked: bool,
    },
    /// A new observation; the classifier suggests its tag. A list of notes (`notes::list_items`)
    /// is added as one observation per item.
    Observe {
        text: String,
    },
    /// The interviewer sets an observation's tag (it becomes theirs).
    Retag {
        id: String,
        capability: Option<String>,
        level: Rating,
    },
    /// The interviewer confirms the suggested tag.
    AcceptTag {
        id: String,
    },
    RemoveObservation {
        id: String,
    },
    /// Put a removed observation back where it was, by its removal's serial.
    UndoRemove {
        serial: u32,
    },
    /// Add an observation as one, also a list (see `Observe`).
    ObserveAsOne {
        text: String,
    },
    /// Edit an observation's text in place.
    EditObservation {
        id: String,
    },
    /// What the edit box of an observation holds, as it is typed.
    EditText {
        id: String,
        text: String,
    },
    /// Leave the edit, the text as it was.
    CancelEdit {
        id: String,
    },
    /// Save the edited text: the classifier reads it again (a suggested tag is suggested afresh;
    /// the interviewer's own tag is kept).
    SaveObservation {
        id: String,
    },
    /// Propose ratings for unrated capabilities from their observations.
    DraftRatings,
    /// The classifier and formats loaded, or could not be.
    AssistReady {
        assist: Assistance,
    },
    /// Says `message` politely and moves the keyboard to `focus` (see `after`): for controls
    /// kept outside this state that come and go (Your scorecards' Delete, its question and Undo).
    Say {
        message: String,
        focus: String,
    },
}

impl ScorerState {
    /// The warnings the evidence note of `capability` raises (none while the classifier loads).
    pub fn note_flags_of(&self, capability: &str) -> &[Flag] {
        self.note_flags.iter().find(|(c, _)| c == capability).map_or(&[], |(_, f)| f.as_slice())
    }

    pub fn new(rubric: Rc<Rubric>, mut card: Scorecard) -> Self {
        // A document's drafted marks (a host's value, a share link) are kept in `drafted`, as
        // `reduce` keeps a loaded card's: the card in the state holds none (see `card_out`).
        let drafted = card.ratings.take_drafted();
        // Nothing is flagged before the on-demand module has loaded.
        let recommendation = Rc::new(recommend_read(&rubric, &card, &|_| Reading::Evidence));
        ScorerState {
            rubric,
            card,
            recommendation,
            save: SaveStatus::Idle,
            notice: None,
            notice_until: NoticeUntil::Dismissed,
            submitted_once: false,
            submit_tried: false,
            locked: false,
            assist: Assistance::Loading,
            analyses: Rc::default(),
            note_flags: Rc::default(),
            drafted,
            after: None,
            removed: Vec::new(),
            editing: Vec::new(),
        }
    }

    /// What the edit box of observation `id` holds, while it is edited.
    pub fn edit_text(&self, id: &str) -> Option<&str> {
        self.editing.iter().find(|(e, _)| e == id).map(|(_, t)| t.as_str())
    }

    /// Drafts a rating for each capability whose observations agree, and says what it drafted
    /// and what it left (split, unsure or biased evidence). Needs the on-demand module's readings.
    fn draft_from_observations(&mut self) {
        let next = self;
        // The classifier's confidence in each suggested tag weighs its observation; the
        // readings are already here, so drafting needs no classifier call. A text with no
        // reading (too long to classify) is still checked for a bias risk.
        let analyses = next.analyses.clone();
        let assist = next.assist.clone();
        let evidence = |text: &str| match reading(&analyses, text).and_then(|a| a.as_ref().ok()) {
            Some(c) => classifier::Evidence::of(c),
            None if assist.ready().is_some_and(|a| classifier::has_bias_risk(&a.flags(text))) => {
                classifier::Evidence::BiasRisk
            }
            None => classifier::Evidence::Confidence(None),
        };
        let classifier::Drafts { drafted, split, unsure, biased } =
            classifier::draft_ratings_with(&next.rubric, &mut next.card, evidence);
        let names = |ids: &[String]| {
            crate::core::engine::join_names(
                ids.iter().filter_map(|id| next.rubric.capability(id)).map(|c| c.name.clone()).collect(),
            )
        };
        // "Rate it yourself" of one capability, "rate them" of several.
        let them = |ids: &[String]| if ids.len() == 1 { "it" } else { "them" };
        let mut notice = if drafted.is_empty() && split.is_empty() && unsure.is_empty() && biased.is_empty() {
            "Nothing to draft: every capability with observations already has a rating.".to_string()
        } else if drafted.is_empty() {
            String::new()
        } else {
            format!("Drafted from your observations: {}. Confirm or change each one.", names(&drafted))
        };
        if !split.is_empty() {
            notice = format!(
                "{notice}{}Not drafted: your observations of {} disagree (some read needs improvement, some exceeds expectations); rate {} yourself.",
                if notice.is_empty() { "" } else { " " },
                names(&split),
                them(&split)
            );
        }
        if !unsure.is_empty() {
            notice = format!(
                "{notice}{}Not drafted: the observations of {} have no level yet (\"Level?\"); set their levels or rate {} yourself.",
                if notice.is_empty() { "" } else { " " },
                names(&unsure),
                them(&unsure)
            );
        }
        if !biased.is_empty() {
            notice = format!(
                "{notice}{}Not drafted: every observation of {} has a bias risk, which never counts; rate {} yourself from other evidence.",
                if notice.is_empty() { "" } else { " " },
                names(&biased),
                them(&biased)
            );
        }
        next.notice = Some(notice);
        for id in drafted {
            if !next.drafted.contains(&id) {
                next.drafted.push(id);
            }
        }
        // About the drafted ratings while any is left to confirm.
        next.notice_until = if next.drafted.is_empty() { NoticeUntil::Dismissed } else { NoticeUntil::Confirmed };
    }

    /// Records what an action did and where focus goes (see `after`).
    fn did(&mut self, message: String, focus: String) {
        let count = self.after.as_ref().map_or(0, |a| a.count + 1);
        self.after = Some(After { count, message, focus });
    }

    /// A capability's name, or its id when the rubric has none by that id.
    fn capability_name(&self, id: &str) -> String {
        self.rubric.capability(id).map_or_else(|| id.to_string(), |c| c.name.clone())
    }

    /// The classifier's reading of an observation's text.
    pub fn analysis(&self, text: &str) -> Option<&Analysis> {
        reading(&self.analyses, text)
    }

    /// The card as it leaves the scorer (a download, a share link, a host's value): its drafted
    /// ratings marked `"drafted": true`, so that they stay drafted wherever it is opened.
    pub fn card_out(&self) -> Scorecard {
        let mut card = self.card.clone();
        for c in &self.drafted {
            if let Some(e) = card.ratings.get_mut(c) {
                e.drafted = true;
            }
        }
        card
    }

    /// Why the card cannot be submitted yet: ratings drafted from observations and not
    /// confirmed.
    pub fn unconfirmed_notice(&self) -> String {
        let names = self.drafted.iter().filter_map(|id| self.rubric.capability(id)).map(|c| c.name.clone()).collect();
        format!(
            "Not submitted: confirm or change the ratings drafted from your observations first ({}). Press Confirm on each card, or choose another level.",
            crate::core::engine::join_names(names)
        )
    }

    /// True when edits are refused: submitted, or locked by the host.
    pub fn read_only(&self) -> bool {
        self.locked || self.card.submitted_at.is_some()
    }

    /// True when the candidate, interviewer and step cannot change (see `submitted_once`).
    pub fn names_fixed(&self) -> bool {
        self.read_only() || self.submitted_once
    }

    /// Why the card cannot be submitted for want of the candidate's or the interviewer's name or
    /// any rating, and the element to focus (the first thing missing); `None` when none is
    /// missing. Both names are required: a submitted card keeps them (`names_fixed`), and the
    /// committee tells a panel's scorecards apart by who wrote them.
    pub fn incomplete(&self) -> Option<(String, String)> {
        let card = &self.card;
        let mut names = Vec::new();
        let mut focus = None;
        for (name, field, missing) in [
            ("the candidate's name", "candidate", card.candidate.display_name().trim().is_empty()),
            ("the interviewer's name", "interviewer", card.interviewer.display_name().trim().is_empty()),
        ] {
            if missing {
                names.push(name);
                focus.get_or_insert(field.to_string());
            }
        }
        let unrated = self.rubric.capabilities.iter().all(|c| card.rating(&c.id) == Rating::NotAssessed);
        if names.is_empty() && !unrated {
            return None;
        }
        let mut text = String::from("Not submitted: ");
        for (i, name) in names.iter().enumerate() {
            // (Pushed one by one: `join` would link its own copy of the joining code.)
            text.push_str(if i == 0 { "add " } else { " and " });
            text.push_str(name);
        }
        if unrated {
            if !names.is_empty() {
                text.push_str(if names.len() > 1 { ", and " } else { " and " });
            }
            text.push_str("rate at least one capability");
            focus.get_or_insert_with(|| {
                self.rubric.capabilities.first().map_or_else(String::new, |c| c.id.clone() + "-not_assessed")
            });
        }
        text.push_str(" first.");
        Some((text, focus.unwrap_or_default()))
    }

    /// Shows `text` as the notice; the same refusal twice still changes the alert (a trailing
    /// no-break space), or it would not be announced again.
    fn refuse(&mut self, text: String, until: NoticeUntil) {
        self.notice = Some(if self.notice.as_deref() == Some(text.as_str()) { format!("{text}\u{a0}") } else { text });
        self.notice_until = until;
    }
}

/// Kept among a draft's drafted marks (which hold capability ids) when it has been submitted
/// once: see [`ScorerState::submitted_once`].
pub const SUBMITTED_MARK: &str = "@submitted";

impl Reducible for ScorerState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let editable = !self.read_only();
        let mut card_changed = false;
        let split = matches!(action, Action::Observe { .. });
        let loaded = matches!(action, Action::Load { .. });
        match action {
            Action::SetCandidate { name } if !self.names_fixed() => {
                next.card.candidate.name = name;
                card_changed = true;
            }
            Action::SetInterviewer { name } if !self.names_fixed() => {
                next.card.interviewer.name = name;
                card_changed = true;
            }
            Action::SetStep { step } if !self.names_fixed() => {
                next.card.interview.step = step;
                card_changed = true;
            }
            Action::SetDate { date } if editable => {
                next.card.interview.date = date;
                card_changed = true;
            }
            Action::Rate { capability, level } if editable => {
                if self.drafted.contains(&capability) {
                    // Confirming removes the Confirm button: the keyboard goes to the rating.
                    let what = if level == self.card.rating(&capability) { "confirmed" } else { "chosen" };
                    let message =
                        format!("{}: {} {what}.", next.capability_name(&capability), next.rubric.level_label(level));
                    next.did(message, part_id(&capability, level.id()));
                }
                next.drafted.retain(|c| *c != capability);
                if next.rubric.capability(&capability).is_some() {
                    let entry = next.card.ratings.slot(&capability);
                    entry.level = level;
                    if entry.level == Rating::NotAssessed && entry.note.is_empty() {
                        next.card.ratings.remove(&capability);
                    }
                    card_changed = true;
                }
            }
            Action::Note { capability, text } if editable => {
                if next.rubric.capability(&capability).is_some() {
                    let entry = next.card.ratings.slot(&capability);
                    entry.note = text;
                    if entry.level == Rating::NotAssessed && entry.note.is_empty() {
                        next.card.ratings.remove(&capability);
                    }
                    card_changed = true;
                }
            }
            // A card with no candidate or no rating says nothing: refused, naming what is
            // missing, and the keyboard goes to the first of it.
            Action::Submit { .. } if editable && self.incomplete().is_some() => {
                let (text, focus) = self.incomplete().unwrap_or_default();
                next.submit_tried = true;
                next.refuse(text, NoticeUntil::Complete);
                next.did(String::new(), focus);
            }
            // An edit still open would be lost with its editor: saved or cancelled first.
            Action::Submit { .. } if editable && !self.editing.is_empty() => {
                next.refuse(
                    "Not submitted: save (Enter) or cancel (Escape) the observation you are editing first.".into(),
                    NoticeUntil::Edited,
                );
                next.did(String::new(), self.editing.first().map(|(id, _)| part_id(id, "editor")).unwrap_or_default());
            }
            // Drafted ratings are the classifier's guesses until the interviewer confirms them:
            // they are not submitted as the interviewer's own.
            Action::Submit { .. } if editable && !self.drafted.is_empty() => {
                next.refuse(self.unconfirmed_notice(), NoticeUntil::Confirmed);
            }
            Action::Submit { at } if editable => {
                next.card.submitted_at = Some(at);
                next.submitted_once = true;
                // Whatever it said (a refusal, a restored draft) is over.
                next.notice = None;
                next.removed.clear();
                next.editing.clear();
                next.did("Scorecard submitted. It is read-only until you reopen it; the candidate, interviewer and step stay as submitted.".into(), "reopen".into());
                card_changed = true;
            }
            Action::Reopen if !self.locked => {
                next.card.submitted_at = None;
                next.did(
                    "Reopened: you can change the ratings and evidence again; the names stay as submitted.".into(),
                    "submit".into(),
                );
                card_changed = true;
            }
            Action::Load { card, notice, drafted } => {
                // Another card: its edits and removals are not this one's. The same card loaded
                // again (to say something about it: another tab's version kept aside) keeps them.
                if card != next.card {
                    next.removed.clear();
                    next.editing.clear();
                }
                // The drafted marks may also hold SUBMITTED_MARK.
                next.submitted_once = card.submitted_at.is_some() || drafted.iter().any(|d| d == SUBMITTED_MARK);
                next.drafted = drafted.into_iter().filter(|c| card.rating(c) != Rating::NotAssessed).collect();
                next.card = card;
                next.notice = notice;
                next.notice_until =
                    if next.drafted.is_empty() { NoticeUntil::Dismissed } else { NoticeUntil::Confirmed };
                // Another card: what the last action on the previous one did is no longer news.
                next.after = None;
                card_changed = true;
            }
            // Nothing changes: the same state, so Yew skips the re-render (every mount
            // dispatches `Lock` with the host's setting, usually the current one, and every
            // autosave dispatches `Saved`, usually unchanged).
            Action::Saved { status } if status == self.save => return self,
            Action::Lock { locked } if locked == self.locked => return self,
            Action::Saved { status } => next.save = status,
            Action::DismissNotice => {
                next.notice = None;
                // Its button goes with it: the keyboard goes on to the toolbar's main action.
                next.did(String::new(), if self.card.submitted_at.is_some() { "reopen" } else { "submit" }.into());
            }
            // Said under the box, where the keyboard goes (`QuickEntry`), while it holds the text.
            Action::SwitchHeld => next.did(String::new(), "observe".into()),
            Action::Say { message, focus } => next.did(message, focus),
            Action::Lock { locked } => next.locked = locked,
            Action::Observe { text } | Action::ObserveAsOne { text } if editable => {
                let whole = text.trim().to_string();
                let mut items = if split { list_items(&whole) } else { Vec::new() };
                if items.is_empty() {
                    items.push(whole);
                }
                // All or nothing: what does not fit stays in the box.
                if items[0].is_empty() || next.card.observations.len() + items.len() > MAX_OBSERVATIONS {
                    return self;
                }
                for text in items {
                    let id = next_observation_id(&next.card);
                    // Untagged until the classifier reads it: now if it is loaded, else when it is.
                    next.card.observations.push(Observation { id, text, ..Observation::default() });
                }
                suggest_tags(&mut next);
                card_changed = true;
            }
            Action::EditObservation { id } if editable => {
                let Some(o) = self.card.observations.iter().find(|o| o.id == id) else { return self };
                next.did("Editing the observation: Enter saves it, Escape cancels.".into(), part_id(&id, "editor"));
                if self.edit_text(&id).is_none() {
                    next.editing.push((id, o.text.clone()));
                }
            }
            Action::EditText { id, text } => {
                let Some(e) = next.editing.iter_mut().find(|(e, _)| *e == id) else { return self };
                e.1 = text;
            }
            Action::CancelEdit { id } if self.edit_text(&id).is_some() => {
                next.editing.retain(|(e, _)| *e != id);
                next.did("Edit cancelled: the observation is as it was.".into(), part_id(&id, "edit"));
            }
            Action::SaveObservation { id } if editable => {
                let Some(text) = self.edit_text(&id).map(|t| t.trim().to_string()) else { return self };
                let Some(o) = next.card.observations.iter_mut().find(|o| o.id == id) else { return self };
                if text.is_empty() {
                    // Nothing is removed by an edit: Remove does that, with its Undo.
                    next.did(
                        "An observation cannot be empty: write it again, or press Escape and Remove it.".into(),
                        part_id(&id, "editor"),
                    );
                    return Rc::new(next);
                }
                next.editing.retain(|(e, _)| *e != id);
                if o.text == text {
                    // (Not returned from here: the edit closed, a notice about it goes below.)
                    next.did("Observation unchanged.".into(), part_id(&id, "edit"));
                } else {
                    o.text = text;
                    let mine = o.source == TagSource::Interviewer;
                    if !mine {
                        // A suggestion was the old text's: the new text is read afresh.
                        o.capability = None;
                        o.level = Rating::NotAssessed;
                    }
                    suggest_tags(&mut next);
                    let o = next.card.observations.iter().find(|o| o.id == id).cloned().unwrap_or_default();
                    let flagged =
                        next.analysis(&o.text).and_then(|a| a.as_ref().ok()).is_some_and(|c| !c.flags.is_empty());
                    let said = match o.capability.as_deref() {
                        _ if flagged => "Observation changed. It is still flagged: see its warning.".to_string(),
                        Some(c) if mine => {
                            format!("Observation changed; your tag, {}, is kept.", next.capability_name(c))
                        }
                        Some(c) => {
                            format!("Observation changed and read again: suggested for {}.", next.capability_name(c))
                        }
                        None if matches!(next.assist, Assistance::Loading) => {
                            "Observation changed; it is tagged once the classifier has loaded.".to_string()
                        }
                        None => "Observation changed: not tagged to a capability.".to_string(),
                    };
                    next.did(said, part_id(&id, "edit"));
                    card_changed = true;
                }
            }
            Action::Retag { id, capability, level } if editable => {
                if let Some(o) = next.card.observations.iter_mut().find(|o| o.id == id) {
                    let moved = o.capability != capability;
                    o.capability = capability.filter(|c| self.rubric.capability(c).is_some());
                    o.level = level;
                    o.source = TagSource::Interviewer;
                    card_changed = true;
                    if moved {
                        // The observation moves to another card: its menu keeps the focus there.
                        let message = match o.capability.clone() {
                            Some(c) => format!("Moved to {}.", next.capability_name(&c)),
                            None => "Moved to Not tagged to a capability.".to_string(),
                        };
                        next.did(message, part_id(&id, "cap"));
                    }
                }
            }
            Action::AcceptTag { id } if editable => {
                if let Some(o) = next.card.observations.iter_mut().find(|o| o.id == id) {
                    o.source = TagSource::Interviewer;
                    card_changed = true;
                    // The Accept button goes: the keyboard goes to the level it accepted.
                    next.did("Tag accepted.".into(), part_id(&id, "level"));
                }
            }
            Action::RemoveObservation { id } if editable => {
                // Its Remove button goes: the keyboard goes to the next observation in the same
                // list (else the one before), or to the observation box when the list is empty.
                // Its Remove button goes: the Undo shown in its place takes the keyboard.
                let Some(index) = self.card.observations.iter().position(|o| o.id == id) else { return self };
                let gone = next.card.observations.remove(index);
                let serial = self.removed.last().map_or(0, |r| r.serial.wrapping_add(1));
                let index = removal_slot(index, &slots(&self.removed));
                next.removed.push(Rc::new(Removed { serial, observation: gone, index, withdrawn: Vec::new() }));
                // Bounded: the oldest removal is forgotten first, and the others' places close up.
                if next.removed.len() > MAX_UNDO {
                    let oldest = next.removed.remove(0);
                    let mut s = slots(&next.removed);
                    forget_slot(oldest.index, &mut s);
                    for (r, i) in next.removed.iter_mut().zip(s) {
                        if r.index != i {
                            Rc::make_mut(r).index = i;
                        }
                    }
                }
                next.editing.retain(|(e, _)| *e != id);
                next.did("Observation removed.".into(), format!("undo-{serial}"));
                card_changed = true;
            }
            Action::UndoRemove { serial } if editable => {
                let Some(at) = next.removed.iter().position(|r| r.serial == serial) else { return self };
                let r = next.removed.remove(at);
                let mut o = r.observation.clone();
                let clash = next.card.observations.iter().find(|x| x.id == o.id).map(|x| x.text == o.text);
                // Unless an import brought the same observation back meanwhile; one added since
                // may have taken its id.
                if clash != Some(true) {
                    if clash.is_some() {
                        o.id = next_observation_id(&next.card);
                    }
                    let focus = o.id.clone() + "-cap";
                    let index = restore_index(r.index, &slots(&next.removed), next.card.observations.len());
                    next.card.observations.insert(index, o);
                    let mut said = "Observation restored.".to_string();
                    let redrafted: Vec<String> = r
                        .withdrawn
                        .iter()
                        .filter(|(c, _)| next.card.rating(c) == Rating::NotAssessed)
                        .map(|(c, _)| c.clone())
                        .collect();
                    for (c, e) in r.withdrawn.iter().filter(|(c, _)| redrafted.contains(c)) {
                        next.card.ratings.slot(c).level = e.level;
                        if !next.drafted.contains(c) {
                            next.drafted.push(c.clone());
                        }
                    }
                    if !redrafted.is_empty() {
                        let names = crate::core::engine::join_names(
                            redrafted.iter().map(|c| next.capability_name(c)).collect(),
                        );
                        said = format!(
                            "Observation restored, and the rating drafted from it for {names}, still to confirm."
                        );
                    }
                    next.did(said, focus);
                    card_changed = true;
                }
            }
            Action::AssistReady { assist } => {
                next.assist = assist;
                if editable {
                    suggest_tags(&mut next);
                }
                card_changed = next.card != self.card;
                // Everything is read afresh: nothing was read while the classifier was loading.
                next.analyses = Rc::new(analyse(&next.assist, &next.analyses, &next.card));
                next.note_flags = Rc::new(note_flags(&next.assist, None, &next.card));
                // Flagged notes now known, they stop counting as evidence.
                next.recommendation = recommendation(&next);
                // Drafting asked for while loading, its notice still up (not dismissed or
                // replaced): done now, or said to be impossible.
                if editable && self.notice.is_some() && self.notice_until == NoticeUntil::Loaded {
                    if next.assist.ready().is_some() {
                        next.draft_from_observations();
                        card_changed = true;
                    } else {
                        next.notice = Some(next.assist.unavailable("Drafting ratings"));
                        next.notice_until = NoticeUntil::Dismissed;
                    }
                }
            }
            Action::DraftRatings if editable && matches!(next.assist, Assistance::Loading) => {
                // Drafting checks every observation for a bias risk first, which needs the
                // on-demand module: without it a note about someone's family could count. So it
                // waits for the module, and this notice is the promise: `AssistReady` drafts while
                // it stands (dismissed or replaced, nothing is drafted).
                next.notice = Some("Drafting ratings in a moment, once the classifier has loaded: it checks each observation for a bias risk first.".into());
                next.notice_until = NoticeUntil::Loaded;
            }
            Action::DraftRatings if editable && next.assist.ready().is_none() => {
                next.notice = Some(next.assist.unavailable("Drafting ratings"));
                next.notice_until = NoticeUntil::Dismissed;
            }
            Action::DraftRatings if editable => {
                next.draft_from_observations();
                card_changed = true;
            }
            // Edits to a read-only card are dropped: the UI disables those controls anyway.
            _ => return self,
        }
        // The card's own drafted marks (an imported document's, a host's value, the drafting
        // itself) join the list the scorer keeps: the card on screen holds none (see `card_out`).
        if card_changed {
            for c in next.card.ratings.take_drafted() {
                if !next.drafted.contains(&c) {
                    next.drafted.push(c);
                }
            }
        }
        // A drafted rating stands on its observations: once none is tagged to its capability
        // (retagged elsewhere, removed), it is withdrawn rather than left to be confirmed
        // without evidence. (A note the interviewer wrote under it keeps the entry, unrated.)
        if card_changed && !next.drafted.is_empty() && next.card.observations != self.card.observations {
            let card = &mut next.card;
            let mut withdrawn = Vec::new();
            next.drafted.retain(|c| {
                let evidenced = card.observations_for(c).any(|o| o.level != Rating::NotAssessed);
                if !evidenced {
                    match card.ratings.get(c).map(|e| e.note.trim().is_empty()) {
                        Some(true) => drop(card.ratings.remove(c)),
                        Some(false) => card.ratings.slot(c).level = Rating::NotAssessed,
                        None => {}
                    }
                    withdrawn.push(c.clone());
                }
                evidenced
            });
            // Withdrawn by a removal: Undo puts them back with the observation.
            if let Some(r) = next
                .removed
                .last_mut()
                .filter(|r| !withdrawn.is_empty() && self.removed.last().is_none_or(|b| !Rc::ptr_eq(b, r)))
            {
                Rc::make_mut(r).withdrawn =
                    withdrawn.iter().filter_map(|c| self.card.ratings.get(c).map(|e| (c.clone(), e.clone()))).collect();
            }
            // Said with what caused it (a move, a removal), or on its own: the rating changes
            // where the interviewer is not looking.
            if !withdrawn.is_empty() {
                let said = format!(
                    "The rating drafted for {} was withdrawn: no observation supports it now.",
                    crate::core::engine::join_names(withdrawn.iter().map(|c| next.capability_name(c)).collect())
                );
                match next.after.as_mut().filter(|a| self.after.as_ref().is_none_or(|b| b.count != a.count)) {
                    Some(a) => {
                        a.message.push(' ');
                        a.message.push_str(&said);
                    }
                    None => next.did(said, String::new()),
                }
            }
        }
        // A card that becomes editable (loaded, as from a file; reopened; unlocked by the host) has
        // its stored guesses cleared as `suggest_tags` clears them elsewhere, so what is stored is
        // what is shown ("Level?"): a move or an Accept then keeps no guessed level.
        if (loaded || !editable) && !next.read_only() {
            suggest_tags(&mut next);
            card_changed |= next.card != self.card;
        }
        // A notice about drafts names those still to confirm: one confirmed or withdrawn leaves it.
        // (A notice this action set, a loaded card's, is left as it is.)
        if matches!(next.notice_until, NoticeUntil::Confirmed)
            && next.notice.is_some()
            && next.notice == self.notice
            && next.drafted.len() < self.drafted.len()
            && !next.drafted.is_empty()
        {
            let names = crate::core::engine::join_names(next.drafted.iter().map(|c| next.capability_name(c)).collect());
            next.notice =
                Some(format!("Still to confirm, drafted from your observations: {names}. Confirm or change each one."));
        }
        // A notice about drafts goes once they are confirmed; a refusal for a missing name or
        // rating, once both are there; "still loading", once loading is over; a refusal for an
        // open edit, once every edit is saved or cancelled.
        let over = match next.notice_until {
            NoticeUntil::Dismissed => false,
            NoticeUntil::Confirmed => next.drafted.is_empty(),
            NoticeUntil::Complete => next.incomplete().is_none(),
            NoticeUntil::Loaded => !matches!(next.assist, Assistance::Loading),
            NoticeUntil::Edited => next.editing.is_empty(),
        };
        if over {
            next.notice = None;
            next.notice_until = NoticeUntil::Dismissed;
        }
        if card_changed {
            if next.card.observations != self.card.observations {
                // `next.analyses` already holds what `suggest_tags` read for this change.
                next.analyses = Rc::new(analyse(&next.assist, &next.analyses, &next.card));
            }
            if next.card.ratings != self.card.ratings {
                next.note_flags = Rc::new(note_flags(&next.assist, Some((&self.note_flags, &self.card)), &next.card));
            }
            next.recommendation = recommendation(&next);
        }
        Rc::new(next)
    }
}

/// Tags every observation that waits for a suggestion (suggested, no capability yet) with the
/// classifier's reading, when the classifier is loaded. A note that is not evidence of
/// behaviour is not evidence for a capability: it stays untagged, with its warning, until the
/// interviewer tags it.
///
/// The readings go into `state.analyses` (tagging changes no text), so each text is classified
/// once per change, not once here and again by `analyse`.
fn suggest_tags(state: &mut ScorerState) {
    if state.assist.ready().is_none() {
        return;
    }
    state.analyses = Rc::new(analyse(&state.assist, &state.analyses, &state.card));
    for o in state.card.observations.iter_mut().filter(|o| o.source == TagSource::Suggested) {
        let Some(Ok(c)) = reading(&state.analyses, &o.text) else { continue };
        if o.capability.is_none() && c.suggests_tag() && state.rubric.capability(&c.capability).is_some() {
            o.capability = Some(c.capability.clone());
            o.level = c.level;
        }
        // A level the classifier cannot tell is a guess: the tag leaves it for the interviewer
        // ("Level?"), also where a draft saved before this rule holds the guess.
        if c.level_unsure() {
            o.level = Rating::NotAssessed;
        }
    }
}

/// Classifies every observation text not already read, dropping texts no longer present.
/// Nothing is read until the classifier is loaded.
fn analyse(assist: &Assistance, previous: &Readings, card: &Scorecard) -> Readings {
    let mut out = Readings::new();
    let Some(assist) = assist.ready() else { return out };
    for o in &card.observations {
        // Kept sorted by inserting in place (no sort call: that would link a copy of the sort
        // code), so every lookup is a binary search even at MAX_OBSERVATIONS.
        if let Err(at) = position(&out, &o.text) {
            let a = reading(previous, &o.text).cloned().unwrap_or_else(|| assist.classify(&o.text).map(Rc::new));
            out.insert(at, (o.text.clone(), a));
        }
    }
    out
}

/// The classifier's readings, one per distinct observation text, sorted by text. A sorted list
/// rather than a map: a map type of its own cost the widget 3,432 bytes of wasm (1,406 gzip,
/// the wasm measured alone: BTreeMap's insert, search, remove and drop code for that type).
pub type Readings = Vec<(String, Analysis)>;

fn position(readings: &Readings, text: &str) -> Result<usize, usize> {
    readings.binary_search_by(|(t, _)| t.as_str().cmp(text))
}

/// The reading of `text`, if it has been read.
fn reading<'a>(readings: &'a Readings, text: &str) -> Option<&'a Analysis> {
    position(readings, text).ok().map(|i| &readings[i].1)
}

/// The warnings each non-empty evidence note raises, by capability id. With `before` (the
/// previous warnings and card), a note whose text did not change keeps its warnings: typing in
/// one note reads that note alone, not all of them on every key.
fn note_flags(assist: &Assistance, before: Option<(&NoteFlags, &Scorecard)>, card: &Scorecard) -> NoteFlags {
    let mut out = Vec::new();
    let Some(assist) = assist.ready() else { return out };
    for (capability, entry) in &card.ratings {
        if !entry.note.trim().is_empty() {
            let flags = match before {
                Some((flags, old)) if old.note(capability) == entry.note => {
                    flags.iter().find(|(c, _)| c == capability).map(|(_, f)| f.clone()).unwrap_or_default()
                }
                _ => assist.flags(&entry.note),
            };
            if !flags.is_empty() {
                out.push((capability.clone(), flags));
            }
        }
    }
    out
}

/// The recommendation for the state's card. What the classifier flags (a bias risk, or no
/// behaviour: `note_flags`, `analyses`) is not counted as evidence (`recommend_with`); until the
/// on-demand module has loaded nothing is flagged, and every note counts.
/// A suggested level the classifier cannot tell is a guess, and counts for no level (`Reading`).
fn recommendation(state: &ScorerState) -> Rc<Recommendation> {
    let read = |text: &str| {
        if state.note_flags.iter().any(|(c, _)| state.card.note(c) == text) {
            return Reading::Flagged;
        }
        match reading(&state.analyses, text) {
            Some(Ok(c)) if !c.flags.is_empty() => Reading::Flagged,
            Some(Ok(c)) if c.level_unsure() => Reading::LevelUnsure,
            _ => Reading::Evidence,
        }
    };
    Rc::new(recommend_read(&state.rubric, &state.card, &read))
}

/// The places of the removals still to undo (see [`Removed::index`]).
pub fn slots(removed: &[Rc<Removed>]) -> Vec<usize> {
    let mut out = Vec::with_capacity(removed.len());
    for r in removed {
        out.push(r.index);
    }
    out
}

/// The next free observation id: `o` and one more than the highest number in use.
fn next_observation_id(card: &Scorecard) -> String {
    let max = card.observations.iter().filter_map(|o| o.id.strip_prefix('o')?.parse::<u32>().ok()).max().unwrap_or(0);
    format!("o{}", max.saturating_add(1))
}

/// The handle the scorer's views read the state from and dispatch actions to. The scorer passes
/// it down explicitly (a context provider would be one more component type in the wasm).
pub type ScorerContext = UseReducerHandle<ScorerState>;
