//! The scorer view: the provider of its state, its layout, and its side effects (restoring and
//! autosaving the draft).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::scorecard::bidi_isolate;
use crate::core::{Recommendation, Rubric, Scorecard};
use crate::web::assist::Assistance;
use crate::web::components::toolbar::{behind_banner, clear_of_banner, Delete, SavedList};
use crate::web::components::{
    capability_card, header, part_id, recommendation_bar, recommendation_panel, toolbar, traits_help, QuickEntry,
    TransferPanel,
};
use crate::web::state::{Action, SaveStatus, ScorerContext, ScorerState, SUBMITTED_MARK};
use crate::web::storage::{DraftStore, Loaded};

/// How a scorer is set up, apart from its rubric. The embedding module keeps one per widget and
/// hands it down whole, so the widget and the scorer never disagree on a default.
#[derive(Clone, PartialEq)]
pub struct ScorerSettings {
    /// A prefix for element ids, unique per widget on the page (default "sc").
    pub id_prefix: AttrValue,
    /// Save drafts in the browser and restore the last one (default on). Turned on later, the
    /// saved draft is restored if nothing has been typed yet, else the card on screen is saved.
    pub autosave: bool,
    /// Called with the card, its recommendation and whether it is the card as opened (on mount,
    /// or a saved draft restored when autosave is turned on) rather than a change, on mount and
    /// after every change (the embedding module keeps the card for `getValue` and tells the host
    /// of changes only).
    pub on_change: Callback<(Scorecard, Rc<Recommendation>, bool)>,
    /// Called with the card and its recommendation when the interviewer submits.
    pub on_submit: Callback<(Scorecard, Rc<Recommendation>)>,
    /// Header values the host supplies, read on mount: a host that changes them switches to
    /// that scorecard (`Root` keys the scorer by them, so a new one mounts and restores its draft).
    pub preset: Preset,
    /// A card the host sets (`setValue`), with a generation number that changes on every set.
    /// Generation 0 is the card to open with (`mount`'s `value`): shown as mounted, in place of a
    /// saved draft, and neither saved nor told to the host until an edit.
    pub value: Option<(u32, Rc<Scorecard>)>,
    /// Refuse every edit (the host's read-only mode).
    pub read_only: bool,
}

impl Default for ScorerSettings {
    fn default() -> Self {
        ScorerSettings {
            id_prefix: AttrValue::Static("sc"),
            autosave: true,
            on_change: Callback::noop(),
            on_submit: Callback::noop(),
            preset: Preset::default(),
            value: None,
            read_only: false,
        }
    }
}

/// Props of [`Scorer`].
#[derive(Properties, PartialEq)]
pub struct ScorerProps {
    /// The rubric to score against.
    pub rubric: Rc<Rubric>,
    #[prop_or_default]
    pub settings: ScorerSettings,
}

/// Header values an embedding host supplies.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Preset {
    pub candidate: Option<String>,
    pub interviewer: Option<String>,
    pub step: Option<String>,
}

/// Why a document cannot be shown under the names a host gave: it names another candidate,
/// interviewer or step (as drafts are keyed: trimmed, case aside) than the host's options do,
/// and than the card `shown` does (whose names the interviewer may have corrected). Names are
/// compared, not ids (the options are names): a document naming a person by id only, as a
/// Greenhouse file names the candidate, is not refused. The field, the document's name and the option's. A
/// host's `mount` and `setValue` refuse such a document, and so does the interviewer's import
/// in a widget whose names the host set: it is another scorecard, which would take this one's
/// place where the host cannot bring it back.
pub(crate) fn conflict<'a>(
    card: &'a Scorecard,
    preset: &'a Preset,
    shown: Option<&Scorecard>,
) -> Option<(&'static str, &'a str, &'a str)> {
    let same = |a: &str, b: &str| DraftStore::key_part(a) == DraftStore::key_part(b);
    let fields = [
        ("candidate", card.candidate.name.as_str(), &preset.candidate, shown.map(|s| s.candidate.name.as_str())),
        (
            "interviewer",
            card.interviewer.name.as_str(),
            &preset.interviewer,
            shown.map(|s| s.interviewer.name.as_str()),
        ),
        ("step", card.interview.step.as_str(), &preset.step, shown.map(|s| s.interview.step.as_str())),
    ];
    fields.into_iter().find_map(|(field, given, option, shown)| {
        let option = option.as_deref().filter(|o| !o.trim().is_empty())?;
        (!given.trim().is_empty() && !same(given, option) && !shown.is_some_and(|s| same(given, s)))
            .then_some((field, given, option))
    })
}

/// The marks kept beside the draft: its drafted ratings, and whether it was submitted once.
fn marks(state: &ScorerState) -> Vec<String> {
    let mut marks = state.drafted.clone();
    if state.submitted_once {
        marks.push(SUBMITTED_MARK.into());
    }
    marks
}

/// A saved draft that could not be read: its key, its text and why (see `kept_aside`).
type Unreadable = (String, String, String);

/// The saved draft of the scorer's card, if there is one (the draft under the card's key when
/// the host names the candidate and interviewer, else the one open last): the `Load` that shows
/// it. Read only: a corrupt one is the `Err`, left where it is for `kept_aside` (the card shown
/// stays unsaved). Opened as the card as mounted is (see `opening` in `Scorer`), a draft is
/// neither saved again nor told to the host as a change.
fn restore(
    store: &DraftStore,
    rubric: &Rubric,
    card: &Scorecard,
    preset: &Preset,
    saved_key: &RefCell<Option<String>>,
) -> Result<Option<Action>, Unreadable> {
    // A new card, saved nowhere yet: its first save must not overwrite another (see `save`).
    let Some((key, adopted)) = draft_to_open(store, &rubric.id, card, preset) else {
        *saved_key.borrow_mut() = Some(String::new());
        return Ok(None);
    };
    let step = DraftStore::key_part(&card.interview.step);
    // Saving under another key (a rename, or the legacy key's successor) moves this draft.
    *saved_key.borrow_mut() = Some(key.clone());
    match store.load_draft(&key, rubric) {
        Loaded::Nothing => Ok(None),
        Loaded::Draft(card) if adopted && DraftStore::key_part(&card.interview.step) != step => {
            // The legacy draft belongs to another step: leave it where it is.
            *saved_key.borrow_mut() = None;
            Ok(None)
        }
        Loaded::Draft(card) => {
            let drafted = store.load_drafted(&key);
            // A submitted card is not a draft: it is shown as submitted, with nothing to say. One
            // imported from a share link, whose page leaves that said (`AFTER_SWITCH`), is not
            // the interviewer's draft restored.
            let notice = if card.submitted_at.is_some() {
                None
            } else if session_mark().as_deref() == Some(FROM_LINK) {
                Some("Imported from the share link.")
            } else if !drafted.iter().any(|d| d != SUBMITTED_MARK) {
                Some("Your draft was restored.")
            } else {
                Some("Your draft was restored. Ratings drafted from your observations are marked: confirm or change them before you submit.")
            };
            Ok(Some(Action::Load { card, notice: notice.map(str::to_string), drafted }))
        }
        Loaded::Corrupt { text, error } => {
            // The card shown is a new one, saved nowhere yet: renaming it must not move (remove)
            // what is under the unreadable draft's key.
            *saved_key.borrow_mut() = Some(String::new());
            Err((key, text, error))
        }
    }
}

/// Moves an unreadable draft aside (`DraftStore::set_aside`): the `Load` of `card`, the card
/// shown, with a notice saying where the draft is kept.
fn kept_aside(store: &DraftStore, card: &Scorecard, (key, text, error): Unreadable) -> Action {
    let kept_as = store.set_aside(&key, &text, &now_iso());
    // The key holds the names: isolated, so that a direction override in one cannot reorder
    // the sentence.
    let at = bidi_isolate(&kept_as);
    Action::Load {
        drafted: Vec::new(),
        card: card.clone(),
        notice: Some(if kept_as == key {
            format!("A saved draft could not be read ({error}). The browser's storage is full, so it could not be copied aside: it stays as it is under \"{at}\", and nothing is saved over it. You are starting afresh.")
        } else {
            format!(
                "A saved draft could not be read ({error}). It was kept aside as \"{at}\"; you are starting afresh."
            )
        }),
    }
}

/// The saved draft a scorer showing `card` opens, and whether it is under the older key without
/// the step. A card named by candidate and interviewer gets the draft of those names (for a step,
/// one saved before the step was part of the key, when only that one exists: it is this card's
/// only if its step is this step). Otherwise, the draft open last, when it is of the names and
/// step the host gave (`preset`; none on the standalone page, whose remembered interviewer is
/// not a host's choice: Open and a share link's import leave that pointer for the reload to
/// follow); a step-less key then is this card's only if its step is this step. Both `restore`
/// and the embedding's `getValue` before the first render go by it.
pub(crate) fn draft_to_open(
    store: &DraftStore,
    rubric_id: &str,
    card: &Scorecard,
    preset: &Preset,
) -> Option<(String, bool)> {
    let named = !card.candidate.key().is_empty() && !card.interviewer.key().is_empty();
    if !named {
        // The pointer to the last one is followed only to a draft of this rubric: a value
        // planted there must not make the widget read, move or remove another key. A host that
        // gives some of the names (a candidate, not yet the interviewer) opens the last draft
        // only if it is of those names: another candidate's card is not this one's.
        let ours = format!("{}draft:{rubric_id}:", crate::web::storage::PREFIX);
        let given = [&preset.candidate, &preset.interviewer, &preset.step]
            .map(|g| DraftStore::key_part(g.as_deref().unwrap_or("")));
        let key = store.get(&DraftStore::last_key(rubric_id)).filter(|k| k.starts_with(&ours))?;
        let mut parts = key.get(ours.len()..).unwrap_or("").split(':');
        let [candidate, interviewer, step] = [parts.next(), parts.next(), parts.next()];
        let fits = |g: &String, part: Option<&str>| g.is_empty() || part == Some(g.as_str());
        // A key without a step (saved before the step was in keys) is checked by its card's step.
        let adopted = step.is_none() && !given[2].is_empty();
        return (fits(&given[0], candidate) && fits(&given[1], interviewer) && (adopted || fits(&given[2], step)))
            .then_some((key, adopted));
    }
    let key = DraftStore::card_key(rubric_id, card);
    let legacy = DraftStore::draft_key(rubric_id, card.candidate.key(), card.interviewer.key(), "");
    if !card.interview.step.trim().is_empty() && store.get(&key).is_none() && store.get(&legacy).is_some() {
        return Some((legacy, true));
    }
    Some((key, false))
}

/// The session-storage item that New scorecard and Open leave for the reloaded page: focus
/// the candidate field. The share link's Import as my draft leaves it too, set to `FROM_LINK`,
/// and the draft restored says where it came from.
pub(crate) const AFTER_SWITCH: &str = "scorecard:focus-candidate";
pub(crate) const FROM_LINK: &str = "link";

/// This tab's session storage.
fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The value of the `AFTER_SWITCH` mark, if the page before this one left it.
fn session_mark() -> Option<String> {
    session()?.get_item(AFTER_SWITCH).ok()?
}

/// Writes the card under `key`, its marks beside it, and `key` as the last one open. The marks
/// are written also when storage refuses the card: kept in memory with it, they come back with
/// it when it is opened again in this tab.
fn write(store: &DraftStore, rubric_id: &str, key: &str, card: &Scorecard, marks: &[String]) -> Result<(), String> {
    let marks = store.save_drafted(key, marks);
    store.set(key, &card.to_json()).and_then(|_| store.set(&DraftStore::last_key(rubric_id), key)).and(marks)
}

/// Saves the card under its draft key (and its marks beside it), remembers that key as the last
/// one open, and removes the copy under the previous key when the card was renamed.
///
/// `saved_key` is where the card was saved last: an empty key for a new card saved nowhere yet,
/// `None` for a card that is its own whatever is saved under its names (a host's value). A
/// rename of the others to the names of another saved scorecard never overwrites it: the card
/// stays saved under its previous key (a new one, in the tab) until its names change, and the
/// status says so.
pub(crate) fn save(
    store: &DraftStore,
    saved_key: &RefCell<Option<String>>,
    rubric_id: &str,
    card: &Scorecard,
    marks: &[String],
) -> SaveStatus {
    let key = DraftStore::card_key(rubric_id, card);
    let previous = saved_key.borrow().clone();
    if previous.as_deref() == Some(key.as_str()) && store.changed_elsewhere(&key) {
        return SaveStatus::ChangedElsewhere;
    }
    if let Some(p) = previous.as_ref().filter(|p| **p != key && store.get(&key).is_some()) {
        let kept = (!p.is_empty() && write(store, rubric_id, p, &with_names_of(store, p, card), marks).is_ok())
            .then(|| p.clone());
        return SaveStatus::Conflict { key, kept };
    }
    let result = write(store, rubric_id, &key, card, marks);
    if let Some(prev) = saved_key.borrow_mut().replace(key.clone()).filter(|p| *p != key) {
        if result.is_ok() {
            store.remove(&prev);
            let _ = store.save_drafted(&prev, &[]);
        } else {
            // Refused under the new names too: what this tab kept under the old ones is this
            // card a keystroke ago, and would be listed as a card of its own (one per letter
            // typed into a name). What storage holds under them stays: it is all a reload keeps.
            store.forget_unsaved(&prev);
        }
    }
    match result {
        Ok(()) => SaveStatus::Saved,
        Err(reason) => SaveStatus::MemoryOnly { reason },
    }
}

/// The card with the candidate, interviewer and step of the copy saved under `key`: how a card
/// whose new names clash is kept under its previous key, so that it is found again by the names
/// that key stands for, not shown under another card's. Unchanged when there is no such copy.
fn with_names_of(store: &DraftStore, key: &str, card: &Scorecard) -> Scorecard {
    let mut copy = card.clone();
    let Some(saved) = store.get(key).and_then(|t| crate::core::json::parse(&t).ok()) else { return copy };
    copy.candidate = person_of(saved.get("candidate"));
    copy.interviewer = person_of(saved.get("interviewer"));
    copy.interview.step = text_of(saved.get("interview").and_then(|i| i.get("step")));
    copy
}

/// A text field of a stored document, read leniently (anything else is empty).
fn text_of(v: Option<&serde_json::Value>) -> String {
    v.and_then(serde_json::Value::as_str).unwrap_or_default().to_string()
}

/// A person of a stored document (a name, or `{id, name}`), read leniently.
fn person_of(v: Option<&serde_json::Value>) -> crate::core::scorecard::Person {
    use crate::core::scorecard::Person;
    match v {
        Some(serde_json::Value::String(name)) => Person { id: String::new(), name: name.clone() },
        Some(o) => Person { id: text_of(o.get("id")), name: text_of(o.get("name")) },
        None => Person::default(),
    }
}

/// One scorecard saved in this browser, as the standalone page lists them.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedCard {
    pub key: String,
    /// "Ada Lovelace · System design", each part isolated when it holds direction controls or
    /// right-to-left letters (`bidi_isolate`).
    pub title: String,
    /// "Grace Hopper · 2026-11-24 · submitted", and "· kept in this tab only" after a card
    /// storage refused.
    pub detail: String,
    /// The interview date, for the order (newest first).
    date: String,
}

/// The scorecards of `rubric_id` saved in this browser (or kept in this tab where storage refused
/// them), newest interview first.
pub fn saved_cards(store: &DraftStore, rubric_id: &str) -> Vec<SavedCard> {
    let mut out: Vec<SavedCard> = Vec::new();
    for (key, text, unsaved) in store.drafts(rubric_id) {
        let Ok(doc) = crate::core::json::parse(&text) else { continue };
        let interview = doc.get("interview");
        let field = |k: &str| text_of(interview.and_then(|i| i.get(k)));
        let (mut candidate, step, date) = (person_of(doc.get("candidate")).name, field("step"), field("date"));
        // A card whose candidate is not named (yet, or any more) is listed as such, to open or
        // delete: its step alone would read as the candidate's name.
        if candidate.trim().is_empty() {
            candidate = "Unnamed candidate".into();
        }
        let title = isolated(&[&candidate, &step], " · ");
        let status = if doc.get("submitted_at").is_some_and(|v| !v.is_null()) { "submitted" } else { "draft" };
        let detail = isolated(
            &[
                &person_of(doc.get("interviewer")).name,
                &date,
                status,
                if unsaved { "kept in this tab only" } else { "" },
            ],
            " · ",
        );
        let card = SavedCard { key, title, detail, date };
        // Inserted in order (a sort would bring its own copy of the sort code).
        let at = out.partition_point(|c| c.date >= card.date);
        out.insert(at, card);
    }
    out
}

/// The parts that are not blank, joined by `separator`, each isolated (`bidi_isolate`): a
/// direction override in a name must not reorder the parts after it, nor the text around.
fn isolated(parts: &[&str], separator: &str) -> String {
    let mut out = String::new();
    for part in parts.iter().filter(|p| !p.trim().is_empty()) {
        if !out.is_empty() {
            out.push_str(separator);
        }
        out.push_str(&bidi_isolate(part));
    }
    out
}

/// A scorecard deleted from Your scorecards, kept for Undo: its key, its stored text and drafted
/// marks, its title as listed, and whether it was the card open then.
struct Deleted {
    key: String,
    text: String,
    marks: Vec<String>,
    title: String,
    open: bool,
}

/// Where the interviewer's name is kept for the next new scorecard (the standalone page).
fn interviewer_key(rubric_id: &str) -> String {
    format!("{}interviewer:{rubric_id}", crate::web::storage::PREFIX)
}

/// Moves the keyboard to the element with the id `id` inside `root`, this widget's element: the
/// widget may sit in a shadow root, where `document.getElementById` does not look.
pub(crate) fn focus_within(root: Option<web_sys::Element>, id: &str) {
    let target = root.and_then(|r| r.query_selector(&format!("#{id}")).ok().flatten());
    if let Some(t) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = t.focus();
    }
}

/// The current time as ISO-8601, from the browser clock.
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Today's date as YYYY-MM-DD in the interviewer's time zone.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// The interviewer's scoring view.
#[function_component]
pub fn Scorer(props: &ScorerProps) -> Html {
    let settings = &props.settings;
    let rubric = props.rubric.clone();
    let preset = settings.preset.clone();
    let read_only = settings.read_only;
    let opened = settings.value.clone().filter(|(g, _)| *g == 0).map(|(_, card)| card);
    let given = opened.is_some();
    // The widget's own page (no host names): see `standalone` below.
    let standalone_page = settings.autosave
        && preset.candidate.is_none()
        && web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("scorecard-app")).is_some();
    let store = use_memo((), |_| DraftStore::open());
    // The key the current draft was last saved under, so a renamed draft moves rather than forks.
    // `None` for a host's value: a scorecard of its own, whatever is saved under its names.
    let saved_key: Rc<RefCell<Option<String>>> = use_mut_ref(|| None);
    // Whether the card has changed since the scorer mounted (an edit, a restored draft, a set value).
    let edited = use_mut_ref(move || given);
    // The saved draft, when it could not be read as the scorer was first rendered: it is then
    // kept aside (copied, a storage write) by the mount effect, not while rendering.
    let unreadable = use_mut_ref(|| None::<Unreadable>);
    let autosave = settings.autosave;
    let state: ScorerContext = use_reducer({
        let (store, saved_key, edited, unreadable) =
            (store.clone(), saved_key.clone(), edited.clone(), unreadable.clone());
        move || {
            if let Some(card) = opened {
                let mut state = ScorerState::new(rubric, (*card).clone());
                state.submitted_once = card.submitted_at.is_some();
                state.locked = read_only;
                return state;
            }
            let mut card = Scorecard::new(&rubric);
            card.interview.date = today();
            card.candidate.name = preset.candidate.unwrap_or_default();
            // On its own page a new card starts with the name of whoever scored the last one.
            let remembered = || if standalone_page { store.get(&interviewer_key(&rubric.id)) } else { None };
            card.interviewer.name = preset.interviewer.or_else(remembered).unwrap_or_default();
            card.interview.step = preset.step.unwrap_or_default();
            // The saved draft of these names is the card to open with, as a host's value is: the
            // card as mounted, neither saved again nor told as a change until an edit. Read once,
            // here; one that does not parse is moved aside by the mount effect (a storage write).
            let mut state = ScorerState::new(rubric, card);
            match if autosave {
                restore(&store, &state.rubric, &state.card, &settings.preset, &saved_key)
            } else {
                Ok(None)
            } {
                Ok(Some(load)) => {
                    state = Rc::unwrap_or_clone(Rc::new(state).reduce(load));
                    state.save = SaveStatus::Saved;
                    *edited.borrow_mut() = true;
                }
                Ok(None) => {}
                Err(draft) => *unreadable.borrow_mut() = Some(draft),
            }
            state.locked = read_only;
            state
        }
    });

    // On mount, once: say where the card is kept, then load the classifier and formats (the
    // on-demand module) now that the scorer is on screen. (One effect for both: each effect is
    // a type of its own in the widget's wasm.)
    {
        let state = state.clone();
        let (store, unreadable) = (store.clone(), unreadable.clone());
        let prefix = settings.id_prefix.clone();
        use_effect_with((), move |_| {
            if autosave {
                // (A draft restored is saved: storage that refuses writes is still read. An edit says
                // when it is refused.)
                if let Some(reason) = store.blocked_reason.as_ref().filter(|_| state.save != SaveStatus::Saved) {
                    state.dispatch(Action::Saved { status: SaveStatus::MemoryOnly { reason: reason.clone() } });
                }
                // A saved draft that could not be read is kept aside, and the page says so.
                if let Some(draft) = unreadable.take() {
                    state.dispatch(kept_aside(&store, &state.card, draft));
                }
                // After New scorecard or Open (a reload of the standalone page), the keyboard starts
                // at the candidate's name rather than at the top of the page.
                if let Some(s) = session().filter(|_| session_mark().is_some()) {
                    let _ = s.remove_item(AFTER_SWITCH);
                    let input = web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.get_element_by_id(&part_id(&prefix, "candidate")));
                    if let Some(i) = input.and_then(|i| i.dyn_into::<web_sys::HtmlElement>().ok()) {
                        let _ = i.focus();
                    }
                }
            } else {
                state.dispatch(Action::Saved { status: SaveStatus::Off });
            }
            crate::web::embed::loader::load(move |result| {
                let assist = match result {
                    Ok(assist) => Assistance::Ready(assist),
                    Err(reason) => Assistance::Failed(reason),
                };
                state.dispatch(Action::AssistReady { assist });
            });
        });
    }

    // Autosave and tell the host after every change of the card. The card as opened (as mounted:
    // new, the host's value or the saved draft; or a draft restored when autosave is turned on)
    // is reported as such, and not saved: nothing has been written since it was read, and writing
    // it would cost every page load a serialisation, two storage writes and a re-render for the
    // status line, and tell the host of a change nobody made.
    let opening = use_mut_ref(|| true);
    // A card opened in place (see `on_switch`): the keyboard goes to its candidate's name once
    // it is on screen (a reopened card's, disabled until then, takes no focus before).
    let refocus = use_mut_ref(|| false);
    let root = use_node_ref();
    // The scorecards saved in this browser, for Your scorecards while it is open (`None`:
    // closed): read when it opens, and again after each change of the card (an import, a card
    // opened in place, an edit storage refused), once it is saved.
    let saved_list = use_state(|| None::<Rc<Vec<SavedCard>>>);
    {
        let state = state.clone();
        let store = store.clone();
        let saved_key = saved_key.clone();
        let edited = edited.clone();
        let opening = opening.clone();
        let saved_list = saved_list.clone();
        let (refocus, root, prefix) = (refocus.clone(), root.clone(), settings.id_prefix.clone());
        let on_change = settings.on_change.clone();
        use_effect_with((state.card.clone(), state.drafted.clone(), state.submitted_once), move |(card, _, _)| {
            let opened = std::mem::replace(&mut *opening.borrow_mut(), false);
            // The state's recommendation belongs to this card: no need to compute it again.
            on_change.emit((state.card_out(), state.recommendation.clone(), opened));
            if !opened {
                *edited.borrow_mut() = true;
                if autosave {
                    let status = save(&store, &saved_key, &state.rubric.id, card, &marks(&state));
                    // An unchanged status is a no-op in `reduce` (no re-render).
                    state.dispatch(Action::Saved { status });
                }
            }
            if saved_list.is_some() {
                saved_list.set(Some(Rc::new(saved_cards(&store, &state.rubric.id))));
            }
            if std::mem::take(&mut *refocus.borrow_mut()) {
                focus_within(root.cast(), &part_id(&prefix, "candidate"));
            }
        });
    }

    // The host's options after mount, in one effect (each effect is a type of its own in the
    // widget's wasm), each part only when its option changed, in this order:
    // - a host that turns autosave on gets the saved draft back if nothing has been typed yet
    //   (saving the untouched card would overwrite it), else the card on screen is saved at once;
    //   one that turns it off sees the status line say so (what was saved stays saved);
    // - the read-only flag (`Lock` changes nothing when the flag is as it was);
    // - setValue: a set value (generation other than 0, a new one at each set) loads once, when
    //   its generation is new.
    // (Its header values are read once, on mount: a host that changes them switches to another
    // scorecard, and `Root` mounts a new scorer.)
    {
        let state = state.clone();
        let store = store.clone();
        let saved_key = saved_key.clone();
        let edited = edited.clone();
        let opening = opening.clone();
        let preset = settings.preset.clone();
        let value = settings.value.clone();
        let generation = value.as_ref().map_or(0, |(g, _)| *g);
        // Autosave and the value's generation as the effect last saw them (as mounted at first).
        let last = use_mut_ref(|| (settings.autosave, 0u32));
        use_effect_with((settings.autosave, settings.read_only, generation), move |&(on, locked, generation)| {
            let (was_on, was_generation) = last.replace((on, generation));
            let switch_autosave = || {
                if on && !*edited.borrow() {
                    match restore(&store, &state.rubric, &state.card, &preset, &saved_key) {
                        Ok(Some(load)) => {
                            // Opened as on mount: saved as it is, and not a change. (A draft equal to
                            // the card shown changes nothing, and reports nothing.)
                            *edited.borrow_mut() = true;
                            *opening.borrow_mut() = !matches!(&load, Action::Load { card, .. } if *card == state.card);
                            state.dispatch(load);
                            state.dispatch(Action::Saved { status: SaveStatus::Saved });
                            return;
                        }
                        Ok(None) => {}
                        Err(draft) => state.dispatch(kept_aside(&store, &state.card, draft)),
                    }
                }
                let status = if on {
                    save(&store, &saved_key, &state.rubric.id, &state.card, &marks(&state))
                } else {
                    SaveStatus::Off
                };
                state.dispatch(Action::Saved { status });
            };
            if on != was_on {
                switch_autosave();
            }
            state.dispatch(Action::Lock { locked });
            if let Some((_, card)) = value.filter(|_| generation != was_generation && generation != 0) {
                // The host's document is a scorecard of its own, not the open draft renamed:
                // saving it under its names must not remove the draft it replaced on screen.
                *saved_key.borrow_mut() = None;
                // A change, saved and told, also when autosave came on in the same turn and its
                // restored draft was about to be reported as the card as opened.
                *opening.borrow_mut() = false;
                state.dispatch(Action::Load { card: (*card).clone(), notice: None, drafted: Vec::new() });
            }
        });
    }

    let on_submit: Callback<()> = {
        let state = state.clone();
        let cb = settings.on_submit.clone();
        Callback::from(move |_| {
            let at = now_iso();
            if !state.drafted.is_empty() || state.incomplete().is_some() {
                // Refused in `reduce`, which says why; the host hears of a submission only.
                state.dispatch(Action::Submit { at });
                return;
            }
            let mut card = state.card.clone();
            card.submitted_at = Some(at.clone());
            state.dispatch(Action::Submit { at });
            // Submitting changes no rating, so the recommendation stands.
            cb.emit((card, state.recommendation.clone()));
        })
    };

    // The widget's own page links the committee view; a host page does not, nor the page in a
    // frame (iframe mode), which the link would navigate away from the host's integration.
    let (standalone, framed) = *use_memo((), |_| {
        let window = web_sys::window();
        let framed = window
            .as_ref()
            .and_then(|w| w.parent().ok().flatten().map(|p| !js_sys::Object::is(&p, w)))
            .unwrap_or(false);
        (window.and_then(|w| w.document()).and_then(|d| d.get_element_by_id("scorecard-app")).is_some(), framed)
    });
    // New scorecard (`None`) and Open the saved scorecard (its key), on the standalone page
    // without a host's names: the page reloads with that one as the last open, or none (a blank
    // card). The card on screen is saved already, or kept in memory where storage refused it (the
    // toolbar offers neither otherwise); one that holds nothing goes. A reload would lose what
    // storage refused, and open the card storage points to: where it refuses the pointer or any
    // of this tab's work, the card is switched in place, and what was refused stays in memory
    // (listed in Your scorecards, and opened again from there).
    let on_switch =
        (standalone && settings.preset.candidate.is_none() && settings.preset.interviewer.is_none()).then(|| {
            let (state, store, saved_key, opening, refocus) =
                (state.clone(), store.clone(), saved_key.clone(), opening.clone(), refocus.clone());
            let blank = state.card.is_blank();
            let interviewer = state.card.interviewer.name.trim().to_string();
            let (root, observe) = (root.clone(), format!("#{}", part_id(&settings.id_prefix, "observe")));
            Callback::from(move |key: Option<String>| {
                // An observation typed and not added belongs to this card: the switch waits for it
                // (a reload would otherwise ask with the browser's own "Leave site?", and lose it).
                let typed = root.cast::<web_sys::Element>().and_then(|r| r.query_selector(&observe).ok().flatten());
                if typed
                    .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
                    .is_some_and(|t| !t.value().trim().is_empty())
                {
                    state.dispatch(Action::SwitchHeld);
                    return;
                }
                let rubric = &state.rubric;
                // Whether storage refused this card's last save, read before the writes below: the
                // interviewer's name written again, the same bytes, fits even in full storage.
                let refusing = store.refused.get();
                if let Some(k) = saved_key.borrow().as_ref().filter(|_| blank) {
                    store.remove(k);
                }
                if !interviewer.is_empty() {
                    let _ = store.set(&interviewer_key(&rubric.id), &interviewer);
                }
                let last = DraftStore::last_key(&rubric.id);
                let pointed = match &key {
                    Some(k) => store.set(&last, k).is_ok(),
                    None => {
                        store.remove(&last);
                        true
                    }
                };
                if pointed && !store.holds_unsaved() {
                    if let Some(s) = session() {
                        let _ = s.set_item(AFTER_SWITCH, "1");
                    }
                    if let Some(w) = web_sys::window() {
                        let _ = w.location().reload();
                    }
                    return;
                }
                let mut card = Scorecard::new(rubric);
                card.interview.date = today();
                card.interviewer.name = interviewer.clone();
                // A new card where storage refuses writes (from the start, or full since) says so at
                // once, as the page does when it opens (not "Not saved yet", which would wait for an
                // edit to tell). (Switched in place, this tab holds a card storage refused.)
                let (mut drafted, mut status) = (
                    Vec::new(),
                    store
                        .blocked_reason
                        .clone()
                        .or_else(|| refusing.map(String::from))
                        .map_or(SaveStatus::Idle, |reason| SaveStatus::MemoryOnly { reason }),
                );
                if let Some(k) = &key {
                    // (Gone or unreadable since the list was read: it stays where it is.)
                    let Loaded::Draft(saved) = store.load_draft(k, rubric) else { return };
                    (card, drafted, status) = (saved, store.load_drafted(k), SaveStatus::Saved);
                }
                // A card storage holds is opened as on mount, not saved again (see `opening`); one
                // it refused is saved again, and the status says how that went.
                let refused = key.as_ref().is_some_and(|k| store.unsaved(k).is_some());
                // (The same card shown again changes nothing: no effect runs to take either.)
                let changed = card != state.card;
                *opening.borrow_mut() = !refused && changed;
                *refocus.borrow_mut() = changed;
                *saved_key.borrow_mut() = Some(key.unwrap_or_default());
                state.dispatch(Action::Load { card, notice: None, drafted });
                if !refused {
                    state.dispatch(Action::Saved { status });
                }
            })
        });
    let on_list = {
        let (saved_list, store, rubric_id) = (saved_list.clone(), store.clone(), state.rubric.id.clone());
        Callback::from(move |open: bool| saved_list.set(open.then(|| Rc::new(saved_cards(&store, &rubric_id)))))
    };
    // Delete in Your scorecards: asked first (`deleting`, the key asked about), then the card and
    // its marks are removed from storage, nothing else, and kept here for Undo (`deleted`) until
    // the next deletion. The card open now, deleted, gives way to a blank one in place (the
    // interviewer's name kept, as New scorecard keeps it); Undo opens it again if that one is
    // still blank, else leaves it in the list. (No key, empty, is asked about none: a `String`
    // state, as the observation box's, rather than a hook type of its own for `Option<String>`.)
    // `deleted` is no state of its own either: it changes only where the list is read again
    // (`relist`, a state change), which renders it; a state type of its own cost the widget's
    // wasm about 1.3 KB raw.
    let deleting = use_state(String::new);
    let deleted = use_mut_ref(|| None::<Deleted>);
    let on_delete = {
        let (state, store, saved_key, opening, saved_list) =
            (state.clone(), store.clone(), saved_key.clone(), opening.clone(), saved_list.clone());
        let (deleting, deleted) = (deleting.clone(), deleted.clone());
        let say = {
            let state = state.clone();
            move |message: String, focus: String| state.dispatch(Action::Say { message, focus })
        };
        Callback::from(move |step: Delete| {
            let rubric = &state.rubric;
            let relist = || saved_list.set(Some(Rc::new(saved_cards(&store, &rubric.id))));
            match step {
                Delete::Ask(key, question) => {
                    deleting.set(key);
                    say(question.into(), "del-cancel".into());
                }
                Delete::Cancel(i) => {
                    deleting.set(String::new());
                    say("Not deleted.".into(), format!("del-{i}"));
                }
                Delete::Confirm(key, title) => {
                    deleting.set(String::new());
                    // (Gone since the list was read: nothing to delete.)
                    let Some(text) = store.get(&key) else { return relist() };
                    let marks = store.load_drafted(&key);
                    store.remove(&key);
                    let _ = store.save_drafted(&key, &[]);
                    let open = saved_key.borrow().as_deref() == Some(key.as_str());
                    if open {
                        let mut card = Scorecard::new(rubric);
                        card.interview.date = today();
                        card.interviewer.name = state.card.interviewer.name.clone();
                        // A new card, saved nowhere yet, and not saved until it is edited.
                        *saved_key.borrow_mut() = Some(String::new());
                        *opening.borrow_mut() = true;
                        state.dispatch(Action::Load { card, notice: None, drafted: Vec::new() });
                        state.dispatch(Action::Saved { status: SaveStatus::Idle });
                    }
                    let said = format!(
                        "Deleted {title}{}. Undo brings it back.",
                        if open { "; a blank scorecard is open" } else { "" }
                    );
                    *deleted.borrow_mut() = Some(Deleted { key, text, marks, title, open });
                    relist();
                    say(said, "del-undo".into());
                }
                Delete::Undo => {
                    let Some(d) = deleted.take() else { return };
                    // Never over a card saved since under the same names.
                    if store.get(&d.key).is_some() {
                        relist();
                        return say("Not restored: a scorecard for the same candidate, interviewer and step has been saved since it was deleted.".into(), "saved".into());
                    }
                    let saved = store.set(&d.key, &d.text).and(store.save_drafted(&d.key, &d.marks));
                    let reopen = d.open && state.card.is_blank();
                    if reopen {
                        if let Loaded::Draft(card) = store.load_draft(&d.key, rubric) {
                            *saved_key.borrow_mut() = Some(d.key.clone());
                            *opening.borrow_mut() = true;
                            state.dispatch(Action::Load { card, notice: None, drafted: d.marks.clone() });
                            state.dispatch(Action::Saved {
                                status: match saved {
                                    Ok(()) => SaveStatus::Saved,
                                    Err(reason) => SaveStatus::MemoryOnly { reason },
                                },
                            });
                        }
                    }
                    relist();
                    say(
                        format!("Restored {}{}.", d.title, if reopen { ", and open again" } else { "" }),
                        "saved".into(),
                    );
                }
            }
        })
    };
    // A card another tab saved meanwhile (`SaveStatus::ChangedElsewhere`): keep this version,
    // replacing the other, or show the other one instead. The two buttons go with the question:
    // the keyboard goes on to Submit.
    let on_resolve = {
        let (state, store, saved_key, root, prefix) =
            (state.clone(), store.clone(), saved_key.clone(), root.clone(), settings.id_prefix.clone());
        Callback::from(move |keep: bool| {
            focus_within(root.cast(), &part_id(&prefix, "submit"));
            let Some(key) = saved_key.borrow().clone().filter(|k| !k.is_empty()) else { return };
            // (The other version may be gone or unreadable by now: then this one is saved, an
            // unreadable one kept aside first.)
            match if keep { Loaded::Nothing } else { store.load_draft(&key, &state.rubric) } {
                Loaded::Draft(card) => {
                    let drafted = store.load_drafted(&key);
                    let notice = "This is the version saved in the other tab or window.".to_string();
                    state.dispatch(Action::Load { card, notice: Some(notice), drafted });
                    state.dispatch(Action::Saved { status: SaveStatus::Saved });
                }
                other => {
                    // An unreadable other version is kept aside, and the notice says where (as on
                    // mount); where storage is full it stays as it is, and nothing is saved over it.
                    if let Loaded::Corrupt { text, error } = other {
                        let kept_as = store.set_aside(&key, &text, &now_iso());
                        let full = kept_as == key;
                        let notice = if full {
                            format!("The version saved in the other tab or window could not be read ({error}), and the browser's storage is full, so it stays as it is and this version is kept in this tab only.")
                        } else {
                            format!("The version saved in the other tab or window could not be read ({error}). It was kept aside as \"{}\"; this version is saved.", bidi_isolate(&kept_as))
                        };
                        state.dispatch(Action::Load {
                            card: state.card.clone(),
                            notice: Some(notice),
                            drafted: marks(&state),
                        });
                        if full {
                            return;
                        }
                    }
                    store.accept(&key);
                    let status = save(&store, &saved_key, &state.rubric.id, &state.card, &marks(&state));
                    state.dispatch(Action::Saved { status });
                }
            }
        })
    };
    // An import naming other people replaces the card on screen, not the one saved, which stays
    // under its key. It is saved as a new card, or, when this browser holds a card of its names
    // (the interviewer's own file, imported again), over that one, as the question said.
    let is_saved = {
        let store = store.clone();
        Callback::from(move |key: String| store.get(&key).is_some())
    };
    let on_other_card = {
        let (saved_key, store) = (saved_key.clone(), store.clone());
        Callback::from(move |key: String| {
            let replaces = store.get(&key).is_some();
            if replaces {
                store.accept(&key);
            }
            *saved_key.borrow_mut() = Some(if replaces { key } else { String::new() });
        })
    };
    // Work kept in this tab only (storage refused it, or the card is not saved under its names,
    // or another tab saved it meanwhile) goes with the page: leaving asks first, as the status
    // line says.
    // So does an observation's edit not yet saved.
    let edit_held =
        state.editing.iter().any(|(id, t)| state.card.observations.iter().any(|o| o.id == *id && o.text != *t));
    crate::web::hooks::use_leave_guard(
        edit_held
            || store.holds_unsaved()
            || (!state.card.is_blank()
                && matches!(state.save, SaveStatus::Conflict { kept: None, .. } | SaveStatus::ChangedElsewhere)),
    );
    let prefix = settings.id_prefix.clone();
    let submitted = state.card.submitted_at.is_some();

    // After an action whose control goes away or moves (see `ScorerState::after`), the
    // keyboard goes where the state says, within this widget (it may sit in a shadow root).
    {
        let (root, prefix) = (root.clone(), prefix.clone());
        use_effect_with(state.after.clone(), move |after| {
            if let Some(a) = after {
                focus_within(root.cast(), &part_id(&prefix, &a.focus));
            }
        });
    }
    // On its own page the cards are the page's main content; embedded, the host page has its
    // own <main>, and the widget is a region named after whose scorecard it is (two widgets
    // side by side are told apart).
    let names = isolated(&[state.card.candidate.display_name(), state.card.interviewer.display_name()], ", ");
    let region_label = (!standalone).then(|| {
        if names.is_empty() {
            "Interview scorecard".to_string()
        } else {
            format!("Interview scorecard: {names}")
        }
    });
    // The parts without state of their own are view functions over the state (see
    // components/header.rs); the two with local state are components that receive it.
    html! {
        <div ~className={if submitted { "sc-app sc-is-submitted" } else { "sc-app" }} ref={root} role={(!standalone).then_some("region")} aria-label={region_label}
            data-assist={match state.assist { Assistance::Loading => "loading", Assistance::Ready(_) => "ready", Assistance::Failed(_) => "failed" }}>
            { header(&state, &prefix, standalone && !framed) }
            { toolbar(&state, &on_submit, &prefix, on_switch.as_ref(), SavedList {
                cards: saved_list.as_deref().map(Vec::as_slice),
                on_list: &on_list,
                deleting: (!deleting.is_empty()).then_some(deleting.as_str()),
                deleted: deleted.borrow().as_ref().map(|d| d.title.as_str()),
                on_delete: &on_delete,
            }) }
            <div class="sc-layout">
                // role="main" rather than a <main> chosen at run time: Yew's dynamic tags cost
                // the widget more wasm than the attribute.
                <div class="sc-cards" role={standalone.then_some("main")} onfocusin={clear_of_banner(&state)}>
                    { behind_banner(&state, &prefix, &on_resolve) }
                    { traits_help(&state.rubric) }
                    <QuickEntry state={state.clone()} id_prefix={prefix.clone()} />
                    { for state.rubric.capabilities.iter().map(|c| capability_card(&state, c, &prefix)) }
                    { recommendation_bar(&state, &prefix) }
                </div>
                <div class="sc-layout__aside">
                    { recommendation_panel(&state, &prefix) }
                    <TransferPanel state={state.clone()} id_prefix={prefix.clone()} {on_other_card} {is_saved} preset={settings.preset.clone()} />
                </div>
            </div>
        </div>
    }
}
