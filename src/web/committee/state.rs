//! The committee view's state and its reducer: the loaded sources, the scorecards read from
//! them, and the report the core derives from those.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::core::classifier::FlagCache;
use crate::core::committee::choice::{is_rubric_file, read_rubric};
use crate::core::committee::{
    analyze, analyze_with, identity, identity_of, parse_for_panel, split_input, CommitteeReport, LoadFailure,
    PanelCache, Piece,
};
use crate::core::interchange::link::{decode_link_json, LINK_PREFIX};
use crate::core::ladder::looks_like_ladder;
use crate::core::scorecard::{bidi_isolate, Scorecard, MAX_DOCUMENT_BYTES};
use crate::core::Rubric;

/// The most scorecards one committee view holds.
pub const MAX_SOURCES: usize = 2_000;

/// One loaded scorecard text, where it came from, and what reading it gave. It is read once,
/// when it is added: a panel of 200 scorecards is not parsed again when one more arrives.
#[derive(Clone, Debug)]
pub struct Source {
    /// A file name, "Pasted text 3" ("Pasted text 3, line 2" and "Pasted text 3, item 2" for its
    /// second line or document: said in words, for a committee), "file.jsonl:2" for the second
    /// line of a JSON lines file, or
    /// "file.json [2]" for the second item of a JSON list or the second of documents written
    /// one after another ([`split_input`]). Unique in the view: a second file of the same name
    /// is "file.json (2)".
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
        Source::kept(label, text, read)
    }

    /// A source cut from a file ([`split_input`]): an error names the line of the file the
    /// document starts on, as `scorecard compare` does. A pasted document's error does not: it
    /// goes back in the paste box, where its lines count from its first.
    fn piece(label: String, piece: Piece, file: bool, rubric: &Rubric) -> Source {
        let read = read(&piece.text, rubric).map(Rc::new).map_err(|e| if file { piece.locate(e) } else { e });
        Source::kept(label, piece.text, read)
    }

    /// A source with its reading. A document refused for its size (over [`MAX_DOCUMENT_BYTES`],
    /// the limit `parse_for_panel` holds it to) keeps its name, size and error, not its text: a
    /// few such files would fill browser storage, and the panel beside them could not be saved.
    fn kept(label: String, text: String, read: Result<Rc<Scorecard>, String>) -> Source {
        match read {
            Err(_) if text.len() > MAX_DOCUMENT_BYTES => {
                Source { label, too_large: Some(text.len()), text: String::new(), read }
            }
            read => Source { label, text, too_large: None, read },
        }
    }

    /// A file that could not be read, or is not text (nothing of it is kept, or saved).
    fn unreadable(label: String, error: String) -> Source {
        Source { label, text: String::new(), too_large: None, read: Err(error) }
    }

    /// Which scorecard this is (candidate, interviewer, step: [`identity`]), from its reading,
    /// or read leniently from its text when it failed; `None` when that cannot be told.
    fn about(&self) -> Option<String> {
        match &self.read {
            Ok(card) => identity(card),
            Err(_) => identity_of(&self.text),
        }
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
    /// What the latest batch held that was already loaded, and so was not added again: one
    /// description each ("a.json", "copy.json (same as a.json)"), each file name isolated
    /// (`bidi_isolate`) for the status line. Cleared by `Begin`.
    pub skipped: Vec<String>,
    /// Scorecards of the latest batch not added because the view holds [`MAX_SOURCES`].
    pub over_limit: usize,
    /// The documents of the latest paste that could not be read, as pasted (one after another):
    /// put back in the paste box, to correct and add again. Their errors are listed as for a file.
    pub unread: Option<Rc<String>>,
    /// How many times a candidate was chosen in the comparison: after each, the view moves the
    /// keyboard to the candidate's heading, bringing their section into view.
    pub chosen: u32,
    /// The classifier's flags for each note text already read, so that adding one scorecard
    /// does not re-read the notes of all the others. Only ever grows by pure results. Shared
    /// with the candidate section, which lays out more of the notes it has read.
    pub flags: Rc<FlagCache>,
    /// Each candidate's report from the last analysis with the scorecards it was made from, so
    /// that a revision or one more scorecard analyses one panel again, not all of them.
    panels: Rc<RefCell<PanelCache<Rc<Scorecard>>>>,
    /// Another tab or window changed the saved set while this tab's own change was waiting to be
    /// saved (or could not be): this tab saves nothing until the committee chooses which set to
    /// keep ([`CommitteeAction::Resolve`]). The other tab's set, `None` when it cannot be read.
    pub elsewhere: Option<Option<Rc<Vec<Source>>>>,
    /// With `elsewhere`: the set this tab last read or saved, from which both tabs changed it.
    /// What each tab added and removed is told against it, and keeping both keeps both tabs'
    /// changes, removals included ([`merged`]). Empty when nothing was saved before.
    pub base: Rc<Vec<Source>>,
    /// This tab's set before it took the one another tab saved (this tab had nothing unsaved):
    /// offered back ([`CommitteeAction::PutBack`]) until this tab changes the set.
    pub replaced: Option<Rc<Vec<Source>>>,
    /// Counts the choices to keep this tab's set over another tab's: each one saves it again,
    /// though the sources are the same.
    pub resaves: u32,
    /// The document the rubric in use was loaded from, when it is not the page's own
    /// ([`CommitteeAction::UseRubric`]); kept to save it with the set.
    pub rubric_from: Option<Rc<RubricDocument>>,
    /// The page's own rubric: the policy a ladder document takes.
    page: Rc<Rubric>,
}

/// What the committee chose when another tab changed the saved set ([`CommitteeState::elsewhere`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Keep {
    /// This tab's set, saved over the other.
    Mine,
    /// The other tab's set, read again when chosen (this tab's is offered back).
    Theirs(Rc<Vec<Source>>),
    /// Both tabs' changes ([`merged`]): this tab's set without what the other removed, then what
    /// the other added.
    Both(Rc<Vec<Source>>),
}

/// A rubric document the committee loaded (a rubric file or a ladder document): its name, its
/// text (saved, and read again on the next visit) and what reading it noted.
#[derive(Clone, Debug, PartialEq)]
pub struct RubricDocument {
    pub name: String,
    pub text: String,
    /// For a ladder, the policy rules it leaves out ([`crate::core::committee::choice::LoadedRubric::note`]).
    pub note: Option<String>,
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
            && self.skipped == other.skipped
            && self.over_limit == other.over_limit
            && self.unread == other.unread
            && self.chosen == other.chosen
            && self.elsewhere == other.elsewhere
            && Rc::ptr_eq(&self.base, &other.base)
            && self.replaced.as_ref().map(Rc::as_ptr) == other.replaced.as_ref().map(Rc::as_ptr)
            && self.resaves == other.resaves
            && self.rubric_from == other.rubric_from
    }
}

/// Everything that can happen in the committee view.
#[derive(Clone, Debug, PartialEq)]
pub enum CommitteeAction {
    /// A batch of files or a paste is about to be added: forgets what the previous batch
    /// skipped.
    Begin,
    /// Text from a file or the paste box; it may hold one document, a JSON list of documents,
    /// JSON lines, documents one after another, or share links one per line ([`split_input`]).
    /// A scorecard whose text is already loaded is not added again (it is listed in `skipped`); a file named like one already loaded is added
    /// under a numbered label.
    Add {
        label: Option<String>,
        text: String,
    },
    /// A file that could not be read, or is not text: listed as not loaded, saying why.
    Unreadable {
        label: String,
        error: String,
    },
    Remove {
        label: String,
    },
    Clear,
    Select {
        candidate: String,
    },
    /// The saved set, read back on mount.
    Restore {
        sources: Vec<Source>,
    },
    SaveProblem {
        reason: Option<String>,
    },
    /// Another tab or window saved another set (`theirs`; `None`: one this tab cannot read).
    /// Taken in place of this tab's when this tab has nothing unsaved (not `waiting` to save,
    /// nor refused by storage), this tab's being offered back; otherwise held apart, and this
    /// tab saves nothing until the committee chooses ([`CommitteeAction::Resolve`]).
    /// `base` is the set both changed ([`CommitteeState::base`]).
    Elsewhere {
        theirs: Option<Rc<Vec<Source>>>,
        base: Rc<Vec<Source>>,
        waiting: bool,
    },
    Resolve {
        keep: Keep,
    },
    /// Back to the set this tab had before it took another tab's.
    PutBack,
    /// Analyse against another rubric (`from`: the document it was loaded from), or the page's
    /// own (`from: None`): every loaded scorecard is read again against it.
    UseRubric {
        rubric: Rc<Rubric>,
        from: Option<Rc<RubricDocument>>,
    },
}

impl CommitteeState {
    pub fn new(rubric: Rc<Rubric>) -> Self {
        // Of the type `derive` analyses (`Rc`s), though the list is empty: with another type the
        // analysis is compiled twice (3 KB of gzip in the page's wasm, for an empty report).
        let report = Rc::new(analyze::<Rc<Scorecard>>(&rubric, &[], None));
        let mut s = CommitteeState {
            rubric: rubric.clone(),
            sources: Rc::new(Vec::new()),
            report,
            cards: Rc::new(Vec::new()),
            selected: None,
            save_problem: None,
            pastes: 0,
            skipped: Vec::new(),
            over_limit: 0,
            unread: None,
            chosen: 0,
            flags: Rc::default(),
            panels: Rc::default(),
            elsewhere: None,
            base: Rc::default(),
            replaced: None,
            resaves: 0,
            rubric_from: None,
            page: rubric.clone(),
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
        let flags = self.flags.clone();
        let flagger = move |text: &str| flags.ids(text);
        let mut report = analyze_with(&self.rubric, &cards, Some(&flagger), &mut self.panels.borrow_mut());
        report.failed = failed;
        if self.selected.as_ref().is_none_or(|k| !report.candidates.iter().any(|c| &c.candidate == k)) {
            self.selected = report.candidates.first().map(|c| c.candidate.clone());
        }
        self.report = Rc::new(report);
        self.cards = Rc::new(cards);
    }
}

impl CommitteeState {
    /// Shows `sources`, a set read from storage (on mount, or saved by another tab).
    fn take(&mut self, sources: Rc<Vec<Source>>) {
        self.sources = sources;
        self.pastes = self
            .sources
            .iter()
            .filter_map(|s| file_of(&s.label).strip_prefix(PASTED).and_then(|n| n.parse::<usize>().ok()))
            .max()
            .unwrap_or(0);
        self.skipped.clear();
        self.over_limit = 0;
        self.unread = None;
        self.derive();
    }
}

/// How many of the scorecards of `a` (by text: those a set saves) `b` does not hold, for the
/// choices offered when another tab changed the set. Documents that did not read are listed as
/// not loaded, and are no scorecards to count.
/// (A loop, not a hash set, which cost the page's wasm kilobytes: `==` on texts of other lengths
/// stops at the length.)
pub fn not_in(a: &[Source], b: &[Source]) -> usize {
    unlike(a, b, true)
}

/// How many of `a`'s documents, of those that read (`read`) or of those that did not, `b` does not
/// hold: the second for saying that another tab's change was only a file that did not load,
/// which [`not_in`] does not count.
pub fn unlike(a: &[Source], b: &[Source], read: bool) -> usize {
    a.iter().filter(|s| s.read.is_ok() == read && !s.text.is_empty() && !b.iter().any(|o| o.text == s.text)).count()
}

/// Both tabs' changes to `base`, the set both started from: `mine` without what `theirs` removed
/// from it, then what `theirs` added to it, each added once. A removal in either tab stays
/// removed: taking every scorecard of both brought back those the other tab had removed.
/// Documents are told apart by their text; one with none (refused for its size) stays.
/// (A saved set holds no source without its text. A loop, not a hash set: `==` on texts of
/// other lengths stops at the length.)
pub fn merged(mine: &[Source], theirs: &[Source], base: &[Source]) -> Vec<Source> {
    let has = |set: &[Source], s: &Source| set.iter().any(|o| o.text == s.text);
    let mut all: Vec<Source> =
        mine.iter().filter(|s| s.text.is_empty() || has(theirs, s) || !has(base, s)).cloned().collect();
    for s in theirs {
        if !s.text.is_empty() && !has(&all, s) && !has(mine, s) && !has(base, s) {
            let label = if all.iter().any(|o| o.label == s.label) {
                unique_label(&all, file_of(&s.label).to_string())
            } else {
                s.label.clone()
            };
            all.push(Source { label, ..s.clone() });
        }
    }
    all
}

/// Reads a saved set (`[[label, text], ...]`) against `rubric`; `None` when it cannot be read.
pub fn read_set(text: &str, rubric: &Rubric) -> Option<Vec<Source>> {
    let items = serde_json::from_str::<Vec<(String, String)>>(text).ok()?;
    Some(items.into_iter().map(|(label, text)| Source::new(label, text, rubric)).collect())
}

/// Reads one scorecard: a share link or a JSON document.
fn read(text: &str, rubric: &Rubric) -> Result<Scorecard, String> {
    let trimmed = text.trim();
    if trimmed.contains(LINK_PREFIX) && !trimmed.starts_with('{') {
        let json = decode_link_json(trimmed).map_err(|e| e.to_string())?;
        return parse_for_panel(&json, rubric).map_err(|e| e.to_string());
    }
    // Not trimmed at the start: a document after blank lines names the file's line of an error.
    parse_for_panel(text.trim_end(), rubric).map_err(|e| e.to_string())
}

/// The label of pasted text, before its number.
const PASTED: &str = "Pasted text ";

/// Where in pasted text a document was, in words: ", line 3" for `split_input`'s ":3", ", item 3"
/// for its " [3]" (a file keeps those: its name is a file name).
fn pasted_at(at: &str) -> String {
    match at.strip_prefix(':') {
        Some(n) => format!(", line {n}"),
        None => {
            at.strip_prefix(" [").and_then(|n| n.strip_suffix(']')).map_or_else(String::new, |n| format!(", item {n}"))
        }
    }
}

/// The file a label names: the label without its line (":3", ", line 3") or item (" [3]",
/// ", item 3") suffix.
pub fn file_of(label: &str) -> &str {
    let digits = |n: &str| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit());
    if let Some((file, n)) = label.strip_suffix(']').and_then(|l| l.rsplit_once(" [")) {
        if digits(n) {
            return file;
        }
    }
    for sep in [", line ", ", item ", ":"] {
        if let Some((file, n)) = label.rsplit_once(sep) {
            // The words are pasted text's only: a file of its own may be named "Notes, line 2".
            if digits(n) && !file.is_empty() && (sep == ":" || file.starts_with(PASTED)) {
                return file;
            }
        }
    }
    label
}

/// Whether a label is pasted text's: "Pasted text 3", or "pasted #3" in a set saved before the
/// labels were words.
fn is_pasted(label: &str) -> bool {
    let file = file_of(label);
    file.starts_with(PASTED) || file.starts_with("pasted #")
}

/// `label`, or "label (2)", "label (3)"... when a file of that name is already loaded.
fn unique_label(sources: &[Source], label: String) -> String {
    let taken = |l: &str| sources.iter().any(|s| file_of(&s.label) == l);
    if !taken(&label) {
        return label;
    }
    (2..).map(|n| format!("{label} ({n})")).find(|l| !taken(l)).unwrap_or(label)
}

impl Reducible for CommitteeState {
    type Action = CommitteeAction;

    fn reduce(self: Rc<Self>, action: CommitteeAction) -> Rc<Self> {
        // Nothing to forget: the same state, so nothing re-renders.
        if matches!(action, CommitteeAction::Begin) && self.skipped.is_empty() && self.over_limit == 0 {
            return self;
        }
        // A rubric file dropped or pasted with the scorecards, or a ladder document dropped
        // (a text file): the analysis uses it. A rubric file that cannot be used is listed as not
        // loaded, saying why; a text file that is no ladder is read as scorecards (share links).
        // A pasted rubric file that cannot be used goes back in the paste box, to correct, as a
        // pasted scorecard that cannot be read does.
        let mut put_back = None;
        let action = match action {
            CommitteeAction::Add { label, text } => {
                let ladder = label
                    .as_deref()
                    .is_some_and(|l| [".txt", ".md"].iter().any(|x| l.to_ascii_lowercase().ends_with(x)))
                    && looks_like_ladder(&text);
                if is_rubric_file(&text) || ladder {
                    let name = label.clone().unwrap_or_else(|| "pasted rubric".into());
                    match read_rubric(&text, &self.page) {
                        Ok(r) => CommitteeAction::UseRubric {
                            rubric: Rc::new(r.rubric),
                            from: Some(Rc::new(RubricDocument { name, text, note: r.note })),
                        },
                        Err(error) if !ladder => {
                            if label.is_none() {
                                put_back = Some(Rc::new(text));
                            }
                            CommitteeAction::Unreadable { label: name, error: format!("a rubric file, {error}") }
                        }
                        Err(_) => CommitteeAction::Add { label, text },
                    }
                } else {
                    CommitteeAction::Add { label, text }
                }
            }
            a => a,
        };
        let mut next = (*self).clone();
        // A change made in this tab: the set it had before taking another tab's is no longer
        // offered back (putting it back would undo the change).
        if matches!(
            action,
            CommitteeAction::Add { .. }
                | CommitteeAction::Unreadable { .. }
                | CommitteeAction::Remove { .. }
                | CommitteeAction::Clear
        ) {
            next.replaced = None;
        }
        match action {
            CommitteeAction::Begin => {
                next.skipped.clear();
                next.over_limit = 0;
                next.unread = None;
            }
            CommitteeAction::Add { label, text } => {
                let pasted = label.is_none();
                let label = label.unwrap_or_else(|| {
                    next.pastes += 1;
                    format!("{PASTED}{}", next.pastes)
                });
                let sources = Rc::make_mut(&mut next.sources);
                if text.len() > MAX_DOCUMENT_BYTES * 16 {
                    let label = unique_label(sources, label);
                    sources.push(Source::too_large(label, text.len()));
                } else {
                    let items = split_input(&label, &text);
                    let at = |a: &str| if pasted { pasted_at(a) } else { a.to_string() };
                    // Items whose text is already loaded (or earlier in this text) are left out,
                    // blank lines before a document aside (split_input keeps them for its lines);
                    // the rest are added under the file's name, numbered if a file of that name
                    // is already loaded.
                    let base = unique_label(sources, label.clone());
                    // An empty JSON list: listed as not loaded, as a file that is not text is.
                    if items.is_empty() {
                        sources
                            .push(Source::unreadable(base.clone(), "holds no scorecard (an empty JSON list)".into()));
                    }
                    let mut fresh: Vec<Piece> = Vec::new();
                    let mut same: Vec<(String, String)> = Vec::new();
                    let mut unread: Vec<String> = Vec::new();
                    for item in items {
                        let text = &item.text;
                        let loaded = sources
                            .iter()
                            .find(|s| {
                                s.too_large.is_none() && !text.is_empty() && s.text.trim_start() == text.trim_start()
                            })
                            .map(|s| {
                                // Pasted again and still unreadable: back in the box with the rest.
                                if pasted && s.read.is_err() {
                                    unread.push(text.clone());
                                }
                                s.label.clone()
                            });
                        let repeated = || {
                            fresh
                                .iter()
                                .find(|p| !text.is_empty() && p.text.trim_start() == text.trim_start())
                                .map(|p| format!("{base}{}", at(&p.at)))
                        };
                        match loaded.or_else(repeated) {
                            Some(first) => same.push((format!("{label}{}", at(&item.at)), first)),
                            None => fresh.push(item),
                        }
                    }
                    if fresh.is_empty() && same.len() > 1 {
                        next.skipped.push(format!("{} (all {} scorecards)", bidi_isolate(&label), same.len()));
                    } else {
                        // Each name isolated: the status line sets them among its own words.
                        next.skipped.extend(same.into_iter().map(|(l, first)| {
                            if l == first {
                                bidi_isolate(&l).into_owned()
                            } else {
                                format!("{} (same as {})", bidi_isolate(&l), bidi_isolate(&first))
                            }
                        }));
                    }
                    let mut added: Vec<Source> = Vec::new();
                    for item in fresh {
                        if sources.len() + added.len() >= MAX_SOURCES {
                            next.over_limit += 1;
                            continue;
                        }
                        let source = Source::piece(format!("{base}{}", at(&item.at)), item, !pasted, &next.rubric);
                        // (One refused for its size is not put back: its text is not kept.)
                        if pasted && source.read.is_err() && source.too_large.is_none() {
                            unread.push(source.text.clone());
                        }
                        added.push(source);
                    }
                    // A pasted document that failed, pasted again (corrected in the box, or
                    // from elsewhere): its old error goes, and the new paste's reading is listed
                    // (its error, if it fails again). The same paste is the same scorecard, as
                    // the committee tells a repeat: candidate, interviewer and step. One too
                    // broken to tell whom it is about stays listed until removed.
                    if pasted {
                        let again: Vec<_> = added.iter().filter_map(Source::about).collect();
                        sources.retain(|s| {
                            s.read.is_ok() || !is_pasted(&s.label) || s.about().is_none_or(|a| !again.contains(&a))
                        });
                    }
                    sources.extend(added);
                    next.unread = (!unread.is_empty()).then(|| Rc::new(unread.join("\n")));
                }
                next.derive();
            }
            CommitteeAction::Unreadable { label, error } => {
                let sources = Rc::make_mut(&mut next.sources);
                let label = unique_label(sources, label);
                sources.push(Source::unreadable(label, error));
                if put_back.is_some() {
                    next.unread = put_back;
                }
                next.derive();
            }
            CommitteeAction::Remove { label } => {
                Rc::make_mut(&mut next.sources).retain(|s| s.label != label);
                next.skipped.clear();
                next.over_limit = 0;
                next.derive();
            }
            CommitteeAction::Clear => {
                next.sources = Rc::default();
                next.flags = Rc::default();
                next.panels = Rc::default();
                next.skipped.clear();
                next.over_limit = 0;
                next.derive();
            }
            CommitteeAction::Select { candidate } => {
                next.selected = Some(candidate);
                next.chosen = next.chosen.wrapping_add(1);
            }
            CommitteeAction::Restore { sources } => next.take(Rc::new(sources)),
            CommitteeAction::SaveProblem { reason } => next.save_problem = reason,
            CommitteeAction::Elsewhere { theirs, base, waiting } => match theirs {
                // Nothing of this tab's would be lost: the other tab's set is shown, this one's offered back.
                Some(theirs) if !waiting && next.save_problem.is_none() && next.elsewhere.is_none() => {
                    if next.replaced.is_none() {
                        next.replaced = Some(next.sources.clone());
                    }
                    next.take(theirs);
                }
                theirs => {
                    next.elsewhere = Some(theirs);
                    next.base = base;
                }
            },
            CommitteeAction::Resolve { keep } => {
                next.elsewhere = None;
                match keep {
                    Keep::Mine => next.resaves = next.resaves.wrapping_add(1),
                    Keep::Theirs(theirs) => {
                        next.replaced = Some(next.sources.clone());
                        next.take(theirs);
                    }
                    Keep::Both(theirs) => {
                        let all = merged(&next.sources, &theirs, &next.base);
                        next.take(Rc::new(all));
                    }
                }
            }
            CommitteeAction::PutBack => {
                if let Some(mine) = next.replaced.take() {
                    next.take(mine);
                }
            }
            CommitteeAction::UseRubric { rubric, from } => {
                // Each scorecard read again: whether it counts, and how, depends on the rubric.
                // A source with no text (unreadable, or refused for its size) stays as it is. The
                // set offered back after another tab's was taken is read again too.
                let again = |sources: &[Source]| -> Rc<Vec<Source>> {
                    Rc::new(
                        sources
                            .iter()
                            .map(|s| {
                                if s.text.is_empty() {
                                    s.clone()
                                } else {
                                    Source::new(s.label.clone(), s.text.clone(), &rubric)
                                }
                            })
                            .collect(),
                    )
                };
                next.sources = again(&next.sources);
                next.replaced = next.replaced.as_deref().map(|r| again(r));
                next.rubric = rubric;
                next.rubric_from = from;
                // The panel cache holds one rubric's analyses.
                next.panels = Rc::default();
                next.derive();
            }
        }
        Rc::new(next)
    }
}
