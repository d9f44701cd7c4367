//! The hiring committee view: load a panel's scorecards, see where the panel agrees and where
//! it does not, who said what, calibration signals, and candidates side by side.
//!
//! Its own page and bundle, `committee.html` (works on any static host); `?blind=<interviewer>`
//! keeps each candidate's panel hidden until that interviewer's own submitted scorecard for that
//! candidate is loaded.

pub mod charts;
pub mod rubric;
pub mod state;

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::core::classifier::FlagCache;
use crate::core::committee::choice::{is_greenhouse, set_aside_note, GREENHOUSE_HINT};
use crate::core::committee::{
    natural_sorted, person_key, reordered, to_markdown, who_said_what_in, Blind, CandidateReport,
    CommitteeRecommendation, CommitteeReport, ComparisonRow, InterviewerSummary, Leaning,
};
use crate::core::engine::{fixed2, Decision, Greenhouse};
use crate::core::scorecard::{bidi_balanced, bidi_isolate, utc_minute, Rating, Scorecard};
use crate::core::Rubric;
use crate::web::components::recommendation::{decision_class, headline, hire_below_level};
use crate::web::hooks::use_file_drop;
use crate::web::storage::{DraftStore, FULL, PREFIX};
use charts::{HeatMap, ProfileChart};
use state::{not_in, read_set, unlike, CommitteeAction, CommitteeState, Keep};

/// A save of the loaded set waiting to run (see `CommitteeView`).
type PendingSave = Rc<std::cell::RefCell<Option<Box<dyn FnOnce()>>>>;

/// Runs the pending save, if there is one. Taken out first: the save may dispatch, and nothing
/// may hold the cell while it runs.
fn run_pending(pending: &PendingSave) {
    let save = pending.borrow_mut().take();
    if let Some(save) = save {
        save();
    }
}

/// The attribute that marks the "who said what" disclosures opened for printing.
const PRINT_OPENED: &str = "data-sc-print-opened";

/// Opens every closed "who said what" disclosure before printing, so that no note is lost on
/// paper, and closes them again afterwards. (Chromium can show a closed disclosure's content
/// with CSS alone, see committee.css; other browsers cannot.)
fn open_for_print(opening: bool) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let selector =
        if opening { "details.sc-committee__who:not([open])".to_string() } else { format!("details[{PRINT_OPENED}]") };
    let Ok(nodes) = document.query_selector_all(&selector) else { return };
    for i in 0..nodes.length() {
        if let Some(el) = nodes.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            if opening {
                let _ = el.set_attribute(PRINT_OPENED, "");
                let _ = el.set_attribute("open", "");
            } else {
                let _ = el.remove_attribute(PRINT_OPENED);
                let _ = el.remove_attribute("open");
            }
        }
    }
}

/// The scorecard loaded from `source`, if it loaded.
fn card_from<'a>(cards: &'a [(String, Rc<Scorecard>)], source: &str) -> Option<&'a Scorecard> {
    cards.iter().find(|(label, _)| label == source).map(|(_, c)| &**c)
}

/// Moves the keyboard off a Remove button that is about to go with its row: to the next row's
/// Remove (the previous row's after the last), or to `fallback` when no row is left. Done before
/// the row is removed; the rows are keyed, so the button focused is the one that stays.
fn focus_after_remove(e: &MouseEvent, fallback: &NodeRef) {
    let next = e
        .target_dyn_into::<web_sys::Element>()
        .and_then(|button| button.closest("li").ok().flatten())
        .and_then(|row| row.next_element_sibling().or_else(|| row.previous_element_sibling()))
        .and_then(|row| row.query_selector("button").ok().flatten())
        .and_then(|button| button.dyn_into::<HtmlElement>().ok())
        .or_else(|| fallback.cast::<HtmlElement>());
    if let Some(next) = next {
        let _ = next.focus();
    }
}

/// The element of the page with this id, to move the keyboard to.
fn by_id(id: &str) -> Option<HtmlElement> {
    web_sys::window()?.document()?.get_element_by_id(id)?.dyn_into().ok()
}

/// The set this tab last read or saved under `key`, from which another tab's change is told
/// ([`CommitteeState::base`]); empty when nothing was there or it does not read.
fn base_of(store: &DraftStore, key: &str, rubric: &Rubric) -> Rc<Vec<state::Source>> {
    Rc::new(store.known(key).and_then(|t| read_set(&t, rubric)).unwrap_or_default())
}

/// The text a set is saved as (`None`: nothing to save): each scorecard's label and text, but
/// for those refused for their size or with no text (a file that could not be read).
fn set_text(sources: &[state::Source]) -> Option<String> {
    let items: Vec<(&str, &str)> = sources
        .iter()
        .filter(|s| s.too_large.is_none() && !s.text.is_empty())
        .map(|s| (s.label.as_str(), s.text.as_str()))
        .collect();
    (!items.is_empty()).then(|| serde_json::to_string(&items).unwrap_or_default())
}

/// "1 scorecard", "2 scorecards".
fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// User text (a name, a step, a file name) set among other words: in a `<bdi>`, an isolate of
/// its own taking its direction from its first letter, so that neither its direction controls
/// (a U+202E RIGHT-TO-LEFT OVERRIDE) nor its right-to-left letters can reorder the words and
/// buttons around it. Where no element can go (an attribute, a sentence built as one string),
/// `bidi_isolate` does the same with U+2068 ... U+2069.
pub(crate) fn bdi(text: &str) -> Html {
    html! { <bdi>{ bidi_balanced(text).into_owned() }</bdi> }
}

/// A note (`level` None) or an observation (with its level's label) as the committee reads it.
/// One the flagger found a bias risk in is folded away behind the reason, as the scorer's exports
/// leave it out: a remark on age, family, origin or looks should not weigh in the decision by
/// being read first. Its text is one click away, for whoever takes it up with the interviewer.
pub(crate) fn evidence_text(text: &str, bias_risk: bool, level: Option<String>) -> Html {
    let level = level.map(|l| format!(" ({l})")).unwrap_or_default();
    if bias_risk {
        return html! {
            <details class="sc-committee__withheld">
                <summary>{ format!("Not shown: flagged as a bias risk, not evidence of the job{level}") }</summary>
                <p dir="auto">{ text.to_string() }</p>
            </details>
        };
    }
    html! { <>{ bdi(text) }{ level }</> }
}

/// The mark of a scorecard made against another version of the rubric than the one the view
/// counts it under: "rubric version 2 (this view uses version 1)".
fn version_text(version: u32, counted_under: u32) -> String {
    format!("rubric version {version} (this view uses version {counted_under})")
}

/// Why `what` (the set, the rubric) could not be saved in full storage, and what takes the room
/// there: itself (`set` characters), or what else the site keeps (`others`, an estimate: the
/// scorer's drafts, other rubrics' sets).
pub(super) fn room_taken(what: &str, set: usize, others: usize) -> String {
    // The number and its unit on one line.
    let size = |n: usize| {
        if n >= 1_000_000 {
            format!("{}.{}\u{a0}MB", n / 1_000_000, n / 100_000 % 10)
        } else {
            format!("{}\u{a0}KB", n.div_ceil(1000))
        }
    };
    format!("{FULL}: {what} needs {}, and what else this site keeps there takes about {}", size(set), size(others))
}

/// A plain button (`type="button"`): one copy of the element's code for the page's several
/// (each `html!` element is code of its own in the wasm; see `components::button`).
fn action(class: &'static str, onclick: Callback<MouseEvent>, label: String) -> Html {
    html! { <button type="button" {class} {onclick}>{ label }</button> }
}

/// What a set (`now`) changed of the files that did not load, against `before` (`state::unlike`):
/// `lead` then "files that did not load: 1 added, 0 removed", closed with ")" when `lead` opens
/// one; "" when it changed none. Such a file is no scorecard, but it may be all another tab
/// changed, which "0 added, 0 removed" alone would hide.
fn unloaded(now: &[state::Source], before: &[state::Source], lead: &str) -> String {
    match (unlike(now, before, false), unlike(before, now, false)) {
        (0, 0) => String::new(),
        (a, r) => format!(
            "{lead}files that did not load: {a} added, {r} removed{}",
            if lead.ends_with('(') { ")" } else { "" }
        ),
    }
}

/// A notice about the saved set (`role` "alert" or "status"), with its buttons.
fn notice(role: &'static str, testid: &'static str, text: String, buttons: Html) -> Html {
    html! {
        <div class="sc-notice sc-committee__elsewhere" {role} data-testid={testid}>
            <p>{ text }</p>
            <div class="sc-toolbar__actions">{ buttons }</div>
        </div>
    }
}

/// The names the exports download under.
const MARKDOWN_FILE: &str = "committee-summary.md";
const JSON_FILE: &str = "committee-report.json";

/// Copies `text` to the clipboard; `done` hears whether the browser allowed it. (Not the
/// scorer's `embed::clipboard`: its JavaScript half is a file the committee's page does not ship.)
fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    use wasm_bindgen::closure::Closure;
    // Undefined outside a secure context: refused, as a denied permission is.
    let clipboard = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).ok())
        .filter(|c| c.is_object())
        .map(|c| c.unchecked_into::<web_sys::Clipboard>());
    let Some(clipboard) = clipboard else { return done(false) };
    let done = Rc::new(std::cell::Cell::new(Some(done)));
    let answer = |ok: bool| {
        let done = done.clone();
        Closure::once_into_js(move |_: wasm_bindgen::JsValue| {
            if let Some(done) = done.take() {
                done(ok);
            }
        })
    };
    // (Through the promise's own `then`: js-sys's `then2` wants closures kept alive by hand.)
    let promise = clipboard.write_text(text);
    let then = js_sys::Reflect::get(&promise, &"then".into()).ok().and_then(|t| t.dyn_into::<js_sys::Function>().ok());
    if then.is_none_or(|then| then.call2(&promise, &answer(true), &answer(false)).is_err()) {
        if let Some(done) = done.take() {
            done(false);
        }
    }
}

/// Moves the keyboard to the element `id` (one that stays), from a button that is about to go:
/// the keyboard is not left on the page's body.
pub fn focus_id(id: &str) {
    if let Some(e) = by_id(id) {
        let _ = e.focus();
    }
}

/// Where the loaded set is kept between visits: under the page's rubric, whichever rubric the
/// committee chose to analyse it against (that one is kept beside it: `rubric::rubric_key`).
fn storage_key(rubric: &Rubric) -> String {
    format!("{PREFIX}committee:{}", rubric.id)
}

/// Props of [`CommitteeView`].
#[derive(Properties, PartialEq)]
pub struct CommitteeViewProps {
    pub rubric: Rc<Rubric>,
    /// Blind mode: the interviewer (id or name) who must submit before seeing the panel.
    #[prop_or_default]
    pub blind: Option<String>,
}

/// The committee view.
#[function_component]
pub fn CommitteeView(props: &CommitteeViewProps) -> Html {
    let rubric = props.rubric.clone();
    let state = use_reducer(move || CommitteeState::new(rubric));
    let store = use_memo((), |_| DraftStore::open());
    let restored = use_mut_ref(|| false);
    // The save of the latest set, until it has run: a newer change replaces it, and leaving the
    // page runs it at once.
    let pending: PendingSave = use_mut_ref(|| None);
    // The set on screen, and the one the save was last asked for (or restored) with: apart from
    // a change's render until its effects run, which Yew puts off to a later task when it yields
    // to the browser (after 16 ms of work). A storage event in between finds the change waiting
    // to be saved all the same (the listener below).
    let shown = use_mut_ref(|| (Rc::<Vec<state::Source>>::default(), 0));
    let asked = use_mut_ref(|| (Rc::<Vec<state::Source>>::default(), 0));
    *shown.borrow_mut() = (state.sources.clone(), state.resaves);
    // What the page says of the rubric's keeping (a sentence): why the chosen one could not be
    // saved, or why the saved one (or another tab's) could not be read. Whether this tab holds a
    // rubric storage does not (its save failed): another tab's is then not taken in its place.
    let rubric_problem = use_state(|| None::<String>);
    let rubric_unsaved = use_mut_ref(|| false);
    let paste = use_state(String::new);
    // The export shown, with the name of its file, and what its Copy or Download last did.
    let output = use_state(|| None::<(&'static str, String)>);
    let exported = use_state(|| None::<String>);
    // Files chosen or dropped whose text has not arrived yet, and what the status line (a live
    // region) last said: while a batch is read it keeps saying that, so that a screen reader
    // hears the batch's outcome once rather than a count for every file.
    let reading = use_mut_ref(|| 0usize);
    let announced = use_mut_ref(String::new);
    let file_input = use_node_ref();
    let paste_box = use_node_ref();
    // What a paste held that could not be read goes back in the box (`CommitteeState::unread`):
    // each paste's own, by pointer, so the same text failing twice is put back twice.
    {
        let (paste, unread) = (paste.clone(), state.unread.clone());
        use_effect_with(unread.as_ref().map(|u| Rc::as_ptr(u) as usize), move |_| {
            if let Some(text) = unread {
                paste.set((*text).clone());
            }
        });
    }

    // Print all candidates: every candidate's section is laid out (hidden on screen) only from
    // the click until the print is done, so that the screen never pays for it.
    let packet = use_state(|| false);
    // Each print asked for, counted: the print runs once the view shows what it asked for (the
    // packet or not). A count rather than the packet's flag, so that a print the browser ignored
    // (no afterprint) leaves neither button stuck.
    let prints = use_state(|| 0u32);
    // Once the view shows what was asked for, print it (the beforeprint listener opens its
    // disclosures).
    use_effect_with(*prints, |&n| {
        if n > 0 {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        }
    });

    // Restore the saved set once; then save it after every change, when the browser is idle:
    // writing a panel of 200 scorecards (about 400 KB of JSON) takes several milliseconds, and
    // the committee should see the scorecard it added first. A save still pending when the page
    // is left (closed, reloaded, navigated away) runs then (the listener is below).
    //
    // Another tab or window may save the set too. What this tab read or wrote last is known
    // (`DraftStore::read_known`); a save finding something else there writes nothing, and the
    // committee chooses (`CommitteeAction::Elsewhere`): another tab's newer set is never
    // overwritten silently. (A set equal to the one stored, such as another tab's just taken, is
    // not written again.)
    {
        let (state, store, restored, pending, page, problem, asked) = (
            state.clone(),
            store.clone(),
            restored.clone(),
            pending.clone(),
            props.rubric.clone(),
            rubric_problem.clone(),
            asked.clone(),
        );
        use_effect_with((state.sources.clone(), state.resaves), move |deps| {
            asked.borrow_mut().clone_from(deps);
            let sources = &deps.0;
            let key = storage_key(&page);
            if !*restored.borrow() {
                *restored.borrow_mut() = true;
                // The rubric saved with the set first: the set is read against it.
                let rubric = rubric::take_saved(&state, &store, &page, state.rubric.clone(), &problem);
                if let Some(sources) = store.read_known(&key).and_then(|text| read_set(&text, &rubric)) {
                    state.dispatch(CommitteeAction::Restore { sources });
                }
                return;
            }
            let sources = sources.clone();
            *pending.borrow_mut() = Some(Box::new(move || {
                let text = set_text(&sources);
                let stored = store.stored(&key);
                let result = if stored == text {
                    store.accept(&key);
                    Ok(())
                } else if store.changed_since(&key) {
                    // Unless this tab's set is the one it last knew stored (it only restored or
                    // took it): nothing of its own to keep, and the other set, on its way in a
                    // storage event, is taken then.
                    if text != store.known(&key) {
                        let theirs = stored.map_or(Some(Vec::new()), |t| read_set(&t, &state.rubric)).map(Rc::new);
                        state.dispatch(CommitteeAction::Elsewhere {
                            theirs,
                            base: base_of(&store, &key, &state.rubric),
                            waiting: true,
                        });
                    }
                    return;
                } else if let Some(text) = text {
                    // Full: said with what takes the room, this set or what else the site keeps.
                    store.set(&key, &text).map_err(|e| {
                        if e == FULL {
                            room_taken("this set", text.len(), store.held_besides(&key))
                        } else {
                            e
                        }
                    })
                } else {
                    store.remove(&key);
                    Ok(())
                };
                let problem = result.err();
                if problem != state.save_problem {
                    state.dispatch(CommitteeAction::SaveProblem { reason: problem });
                }
            }));
            crate::web::storage::when_idle(move || run_pending(&pending));
        });
    }
    // Which set to keep, once another tab changed it while this one had a change to save: this
    // tab's, the other's, or both. What storage holds now is taken as known, so the save that
    // follows writes (the other set is read again: it may have changed since).
    let resolve = |how: u8| {
        let (state, store, page) = (state.clone(), store.clone(), props.rubric.clone());
        Callback::from(move |_: MouseEvent| {
            let key = storage_key(&page);
            let theirs = store.stored(&key).map_or(Some(Vec::new()), |t| read_set(&t, &state.rubric)).map(Rc::new);
            let keep = match (how, theirs) {
                (0, _) => Keep::Mine,
                (1, Some(theirs)) => Keep::Theirs(theirs),
                (_, Some(theirs)) => Keep::Both(theirs),
                // Unreadable now: asked again, with only this tab's set to keep.
                (_, None) => {
                    return state.dispatch(CommitteeAction::Elsewhere {
                        theirs: None,
                        base: base_of(&store, &key, &state.rubric),
                        waiting: true,
                    })
                }
            };
            store.accept(&key);
            state.dispatch(CommitteeAction::Resolve { keep });
            focus_id("scc-files");
        })
    };
    let (on_keep_mine, on_keep_theirs, on_keep_both) = (resolve(0), resolve(1), resolve(2));
    let on_put_back = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(CommitteeAction::PutBack);
            focus_id("scc-files");
        })
    };
    // This tab's set, not saved while the choice is open, goes with the page: leaving asks first.
    crate::web::hooks::use_leave_guard(state.elsewhere.is_some());
    // Whether this tab holds a set storage does not (refused, or a choice open): another tab's
    // set is then not taken in its place (the storage listener reads it; see `Elsewhere`).
    let holding = use_mut_ref(|| false);
    *holding.borrow_mut() = state.save_problem.is_some() || state.elsewhere.is_some();
    // The rubric in use now, for the listener set on the first render: another tab's set is
    // read against the rubric this tab analyses with, which the committee may have changed.
    let in_use = use_mut_ref(|| state.rubric.clone());
    *in_use.borrow_mut() = state.rubric.clone();

    // The chosen rubric is saved with the set whenever it changes (not on mount: the saved one is
    // read then). Why it could not be, if it could not: it stays in use in this tab.
    {
        let (store, page, problem, unsaved, first) =
            (store.clone(), props.rubric.clone(), rubric_problem.clone(), rubric_unsaved.clone(), use_mut_ref(|| true));
        use_effect_with(state.rubric_from.clone(), move |from| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                let saved = rubric::save_rubric(&store, &page, from.as_deref());
                let was = std::mem::replace(&mut *unsaved.borrow_mut(), saved.is_err());
                // A rubric followed from storage (another tab's, or the built-in one after
                // another tab's could not be read) changes nothing stored, and keeps what the
                // page says about it, set in the same render.
                if was || saved != Ok(false) {
                    problem.set(saved.err().map(|p| {
                        format!("The rubric is not saved in this browser ({p}); it is in use until you close the tab.")
                    }));
                }
            }
        });
    }

    // Files whose text has arrived, kept until the batch is read, then added in the order they
    // were chosen: reads finish in any order, and the panel's columns follow the order of adding.
    let arrived = use_mut_ref(Vec::<(u32, String, Result<String, String>)>::new);
    let files = use_file_drop(true, None, {
        let (state, reading) = (state.clone(), reading.clone());
        // A file that could not be read, or is not text, is listed as not loaded, saying why.
        Rc::new(move |place: u32, name: String, text: Result<String, String>| {
            let left = reading.borrow().saturating_sub(1);
            *reading.borrow_mut() = left;
            arrived.borrow_mut().push((place, name, text));
            if left == 0 {
                let mut batch = std::mem::take(&mut *arrived.borrow_mut());
                batch.sort_by_key(|(place, _, _)| *place);
                for (_, name, text) in batch {
                    state.dispatch(match text {
                        Ok(text) => CommitteeAction::Add { label: Some(name), text },
                        Err(error) => CommitteeAction::Unreadable { label: name, error },
                    });
                }
            }
        })
    });
    // The hook calls back once per file (it refuses none: no size limit here), so a batch is
    // done when as many files have arrived as were chosen or dropped.
    let on_files_change = {
        let (state, reading, on_change) = (state.clone(), reading.clone(), files.on_change.clone());
        Callback::from(move |e: Event| {
            if *reading.borrow() == 0 {
                state.dispatch(CommitteeAction::Begin);
            }
            let input: HtmlInputElement = e.target_unchecked_into();
            *reading.borrow_mut() += input.files().map_or(0, |f| f.length() as usize);
            on_change.emit(e);
        })
    };
    let on_files_drop = {
        let (state, reading, on_drop) = (state.clone(), reading.clone(), files.on_drop.clone());
        Callback::from(move |e: DragEvent| {
            if *reading.borrow() == 0 {
                state.dispatch(CommitteeAction::Begin);
            }
            *reading.borrow_mut() += e.data_transfer().and_then(|d| d.files()).map_or(0, |f| f.length() as usize);
            on_drop.emit(e);
        })
    };
    // The page's listeners, while the view is mounted. A save still pending when the page is
    // left runs then. Printing opens every disclosure before and closes them after, when the
    // packet goes too.
    //
    // Files dropped anywhere on the page load as on the load box: a drop the page does not take
    // makes the browser open the file in place of the view, and once a panel is loaded the box
    // is far above. Only a drag that carries files is taken, so that text dragged into the paste
    // box drops as text. The first render's handler serves for good: all it reaches is stable
    // (the reducer's dispatch, refs). (With the other listeners: an effect of its own cost the
    // bundle 300 bytes.)
    {
        let (pending, packet, on_files_drop) = (pending.clone(), packet.setter(), on_files_drop.clone());
        let (state, key, store, holding, in_use, shown, asked) = (
            state.clone(),
            storage_key(&props.rubric),
            store.clone(),
            holding.clone(),
            in_use.clone(),
            shown.clone(),
            asked.clone(),
        );
        let (page, rubric_key, problem, unsaved) =
            (props.rubric.clone(), rubric::rubric_key(&props.rubric), rubric_problem.clone(), rubric_unsaved.clone());
        use_effect_with((), move |_| {
            // Another tab or window saved the set (or cleared this site's storage): taken here at
            // once when this tab has nothing waiting to be saved, else held for the committee to
            // choose (the reducer tells which: `CommitteeAction::Elsewhere`).
            let waiting = pending.clone();
            // (Its fields read by name: web-sys's `StorageEvent` would be one more feature to build.
            // A `key` of null is storage cleared.)
            let storage = move |e: &Event| {
                let field = |name: &str| js_sys::Reflect::get(e, &name.into()).ok().and_then(|v| v.as_string());
                // Another tab chose another rubric (none: the page's own), or storage was cleared:
                // this tab follows, as it reads what is saved on opening, unless its own rubric is
                // not saved (it would be lost). Before the set, so that a set saved with the
                // rubric is read against it.
                if field("key").is_none_or(|k| k == rubric_key) {
                    if *unsaved.borrow() {
                        problem.set(Some(format!(
                            "Another tab changed the rubric; this tab keeps {}, which is not saved in this browser.",
                            rubric::rubric_name(&in_use.borrow())
                        )));
                    } else {
                        let current = in_use.borrow().clone();
                        *in_use.borrow_mut() = rubric::take_saved(&state, &store, &page, current, &problem);
                    }
                }
                if field("key").is_some_and(|k| k != key) {
                    return;
                }
                let rubric = in_use.borrow().clone();
                let theirs = field("newValue").map_or(Some(Vec::new()), |t| read_set(&t, &rubric)).map(Rc::new);
                // Waiting only if its set is not the one storage last held as this tab knows
                // (restored, taken, or saved): a save queued after a Restore or a take writes
                // nothing new, and asking then would ask about a change this tab never made.
                let waiting = (waiting.borrow().is_some() || *shown.borrow() != *asked.borrow())
                    && set_text(&shown.borrow().0) != store.known(&key);
                // Taken (as the reducer decides too): what storage holds is then this tab's, so
                // that a change made before the next save is not taken for another tab's.
                // Otherwise held, with the set both changed (read only then: a whole panel).
                let base = if theirs.is_some() && !waiting && !*holding.borrow() {
                    store.accept(&key);
                    Rc::default()
                } else {
                    base_of(&store, &key, &rubric)
                };
                state.dispatch(CommitteeAction::Elsewhere { theirs, base, waiting });
            };
            let drag = move |e: &Event| {
                if e.dyn_ref::<DragEvent>()
                    .and_then(DragEvent::data_transfer)
                    .is_some_and(|d| d.types().includes(&"Files".into(), 0))
                {
                    e.prevent_default();
                    if e.type_() == "drop" {
                        on_files_drop.emit(e.clone().unchecked_into());
                    }
                }
            };
            let listeners = web_sys::window().map(|w| {
                let options = gloo::events::EventListenerOptions::enable_prevent_default();
                [
                    gloo::events::EventListener::new(&w, "pagehide", move |_| run_pending(&pending)),
                    gloo::events::EventListener::new(&w, "storage", storage),
                    gloo::events::EventListener::new(&w, "beforeprint", |_| open_for_print(true)),
                    gloo::events::EventListener::new(&w, "afterprint", move |_| {
                        open_for_print(false);
                        packet.set(false);
                    }),
                    gloo::events::EventListener::new_with_options(&w, "dragover", options, drag.clone()),
                    gloo::events::EventListener::new_with_options(&w, "drop", options, drag),
                ]
            });
            move || drop(listeners)
        });
    }
    let on_paste_input = {
        let paste = paste.clone();
        Callback::from(move |e: InputEvent| paste.set(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };
    let on_paste_add = {
        let (state, paste, paste_box) = (state.clone(), paste.clone(), paste_box.clone());
        Callback::from(move |_: MouseEvent| {
            if !paste.trim().is_empty() {
                // The button disables itself once the box is emptied: the keyboard goes back to
                // the box (the status line says what was added), not to the page. Emptied first:
                // focusing a box that still holds 200 scorecards costs a layout of all their text.
                if let Some(area) = paste_box.cast::<HtmlTextAreaElement>() {
                    area.set_value("");
                    let _ = area.focus();
                }
                state.dispatch(CommitteeAction::Begin);
                state.dispatch(CommitteeAction::Add { label: None, text: (*paste).clone() });
                paste.set(String::new());
            }
        })
    };
    // "Clear all" asks first (every loaded scorecard goes, from this browser too, with no undo).
    // The keyboard goes to Cancel, the choice that loses nothing (two presses of Enter must not
    // wipe the set), and Escape cancels; the keyboard then goes back to Clear all, or to the
    // file input once all is cleared (the button disables itself).
    let confirming = use_state(|| false);
    {
        let first = use_mut_ref(|| true);
        use_effect_with(*confirming, move |&asking| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            let id = if asking { "scc-clear-no" } else { "scc-clear" };
            if let Some(b) = by_id(id).filter(|b| !b.has_attribute("disabled")) {
                let _ = b.focus();
            }
        });
    }
    // A candidate chosen in the comparison: the keyboard goes to their heading, at the top of
    // the window (with many candidates their section starts thousands of pixels below the
    // table, and choosing one would otherwise change nothing in view; focus alone brought the
    // heading only just into view, at the foot of the window, and the section under it not).
    use_effect_with(state.chosen, |&n| {
        if let Some(heading) = by_id("scc-cand").filter(|_| n > 0) {
            heading.scroll_into_view();
            let _ = heading.focus();
        }
    });
    let on_clear_ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let on_clear_cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let on_clear_key = {
        let confirming = confirming.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                confirming.set(false);
            }
        })
    };
    let on_clear = {
        let (state, file_input, confirming) = (state.clone(), file_input.clone(), confirming.clone());
        Callback::from(move |_: MouseEvent| {
            state.dispatch(CommitteeAction::Clear);
            confirming.set(false);
            if let Some(input) = file_input.cast::<HtmlElement>() {
                let _ = input.focus();
            }
        })
    };
    let on_markdown = {
        let (state, output, exported) = (state.clone(), output.clone(), exported.clone());
        Callback::from(move |_: MouseEvent| {
            exported.set(None);
            output.set(Some((MARKDOWN_FILE, to_markdown(&state.report))));
        })
    };
    let on_json = {
        let (state, output, exported) = (state.clone(), output.clone(), exported.clone());
        Callback::from(move |_: MouseEvent| {
            exported.set(None);
            output.set(Some((JSON_FILE, serde_json::to_string_pretty(&*state.report).unwrap_or_default())));
        })
    };
    // The export's Copy and Download say what they did. The clipboard may be refused (no
    // permission, an insecure page): the text stays in its box, selectable.
    let on_copy = {
        let (output, exported) = (output.clone(), exported.clone());
        Callback::from(move |_: MouseEvent| {
            let Some((_, text)) = &*output else { return };
            let exported = exported.clone();
            copy_text(text, move |ok| {
                exported.set(Some(if ok {
                    "Copied.".into()
                } else {
                    "This browser did not allow copying: select the text in the box and copy it (Ctrl+C or ⌘C).".into()
                }));
            });
        })
    };
    let on_download = {
        let (output, exported) = (output.clone(), exported.clone());
        Callback::from(move |_: MouseEvent| {
            let Some((file, text)) = &*output else { return };
            let mime = if *file == JSON_FILE { "application/json" } else { "text/markdown" };
            exported.set(Some(match crate::web::components::transfer::download(file, mime, text) {
                Ok(()) => format!("Downloaded as {file}."),
                Err(e) => format!("Could not download ({e}): select the text in the box and copy it."),
            }));
        })
    };
    let print = |all: bool| {
        let (packet, prints) = (packet.clone(), prints.clone());
        Callback::from(move |_: MouseEvent| {
            packet.set(all);
            prints.set(prints.wrapping_add(1));
        })
    };
    let (on_print, on_print_all) = (print(false), print(true));

    let report = &state.report;
    // Blind mode: a candidate's panel stays hidden until this interviewer's own submitted
    // scorecard for that candidate is loaded. The keys of the candidates it hides.
    let blind = props.blind.as_deref().map(|w| w.trim().to_lowercase()).filter(|w| !w.is_empty());
    // The interviewer the address names, as the committee joins them (`CommitteeReport::blind`):
    // a name several share names none, and the page asks for an id.
    let b = blind.as_deref().map(|who| report.blind(who));
    let named: &[&InterviewerSummary] = b.as_ref().map_or(&[], |b| &b.named);
    let ambiguous = b.as_ref().is_some_and(|b| b.ambiguous());
    let hidden: Rc<Vec<String>> = Rc::new(match &b {
        None => Vec::new(),
        Some(b) => report.candidates.iter().filter(|c| b.hides(c)).map(|c| c.candidate.clone()).collect(),
    });
    // Named as the comparison names them: the id when there is no name, and beside a name two
    // candidates share.
    let display = |c: &Rc<CandidateReport>| report.candidate_label(&c.candidate).to_string();
    let selected = state.selected.clone().and_then(|k| report.candidates.iter().find(|c| c.candidate == k).cloned());
    let loaded = state.cards.len();
    let mut status = if loaded == 0 && report.failed.is_empty() {
        "No scorecards loaded yet.".to_string()
    } else if loaded == 0 {
        "No scorecards loaded.".to_string()
    } else {
        let drafts: usize = report.candidates.iter().map(|c| c.drafts.len()).sum();
        format!(
            "{loaded} scorecard{} loaded, {} counted, {} candidate{}.{}",
            if loaded == 1 { "" } else { "s" },
            report.counted,
            report.candidates.len(),
            if report.candidates.len() == 1 { "" } else { "s" },
            // Said in the same words as the comparison's key and each candidate's rationale.
            if drafts == 0 {
                String::new()
            } else {
                format!(" {} not counted: not yet submitted.", count(drafts, "draft"))
            }
        )
    };
    if !state.skipped.is_empty() {
        const SHOWN: usize = 3;
        let more = state.skipped.len().saturating_sub(SHOWN);
        status.push_str(&format!(
            " Already loaded, not added again: {}{}.",
            state.skipped.iter().take(SHOWN).cloned().collect::<Vec<_>>().join(", "),
            if more > 0 { format!(" and {more} more") } else { String::new() }
        ));
    }
    // Set aside for another rubric: which, and what to do.
    let set_aside = set_aside_note(report, loaded);
    if let Some(note) = &set_aside {
        status.push(' ');
        status.push_str(note);
    }
    if state.over_limit > 0 {
        status.push_str(&format!(
            " {} not added: the view holds at most {} scorecards.",
            count(state.over_limit, "scorecard"),
            state::MAX_SOURCES
        ));
    }
    if state.unread.is_some() {
        status.push_str(" What could not be read of the paste is back in the paste box, to correct and add again.");
    }
    if let Some(p) = &state.save_problem {
        status.push_str(&format!(" Not saved in this browser ({p}); the set lasts until you close the tab."));
    }
    if *reading.borrow() == 0 {
        *announced.borrow_mut() = status;
    }

    html! {
        <div class={classes!("sc-app", "sc-committee", packet.then_some("sc-m-print-all"))}>
            <header class="sc-header">
                <div class="sc-header__title">
                    <h1 class="sc-header__heading">{ "Hiring committee" }</h1>
                    <p class="sc-header__role">{ format!("{}\u{a0}·\u{a0}{}", state.rubric.role, state.rubric.level) }</p>
                </div>
                <nav class="sc-nav" aria-label="Views"><a class="sc-link" href="./">{ "Score a candidate" }</a></nav>
            </header>

            <main class="sc-committee__main">
                <section class="sc-transfer sc-committee__load" aria-labelledby="scc-load">
                    <h2 class="sc-rec__title" id="scc-load">{ "Scorecards" }</h2>
                    <p class="sc-card__hint">{ "Drop scorecard files anywhere on this page, choose them, or paste JSON or share links (one per line). Nothing leaves this browser." }</p>
                    <rubric::RubricChoice state={state.clone()} page={props.rubric.clone()} problem={(*rubric_problem).clone()} />
                    <div class="sc-committee__loadrow">
                        <div class="sc-field">
                            <label class="sc-field__label" for="scc-files">{ "Files" }</label>
                            <input class="sc-transfer__file" id="scc-files" type="file" multiple=true accept=".json,.jsonl,application/json"
                                onchange={on_files_change} ref={file_input.clone()} />
                        </div>
                        <div class="sc-field sc-committee__paste">
                            <label class="sc-field__label" for="scc-paste">{ "Paste" }</label>
                            <textarea class="sc-card__textarea" id="scc-paste" rows="2" value={(*paste).clone()} oninput={on_paste_input} ref={paste_box.clone()} />
                        </div>
                        <div class="sc-toolbar__actions">
                            <button type="button" class="sc-button sc-m-primary" onclick={on_paste_add} disabled={paste.trim().is_empty()}>{ "Add pasted" }</button>
                            if *confirming {
                                <span class="sc-toolbar__actions" role="group" aria-labelledby="scc-clear-q" onkeydown={on_clear_key}>
                                    <span id="scc-clear-q">{ format!("Remove all {} loaded scorecard{} from this view and this browser?", state.cards.len(), if state.cards.len() == 1 { "" } else { "s" }) }</span>
                                    <button type="button" class="sc-button" id="scc-clear-yes" onclick={on_clear}>{ "Remove all" }</button>
                                    <button type="button" class="sc-button" id="scc-clear-no" onclick={on_clear_cancel}>{ "Cancel" }</button>
                                </span>
                            } else {
                                <button type="button" class="sc-button" id="scc-clear" onclick={on_clear_ask} disabled={state.sources.is_empty()}>{ "Clear all" }</button>
                            }
                        </div>
                    </div>
                    <p class="sc-committee__status" role="status" data-testid="load-status">{ announced.borrow().clone() }</p>
                    // Another tab changed the saved set while this one had a change to save: nothing
                    // is saved until the committee chooses, and nothing is chosen for them.
                    if let Some(theirs) = &state.elsewhere {
                        { notice("alert", "elsewhere", match theirs {
                            // A file that did not load is no scorecard, but it may be all the other tab
                            // changed: said for each tab, as the notice below says it.
                            Some(t) => format!("Not saved: another tab or window changed these scorecards after this tab last saved them. \
                                The other tab added {} and removed {}{}; this tab added {} and removed {}{}. Until you choose, this tab's set is kept in this tab only.",
                                count(not_in(t, &state.base), "scorecard"), not_in(&state.base, t), unloaded(t, &state.base, " ("),
                                not_in(&state.sources, &state.base), not_in(&state.base, &state.sources), unloaded(&state.sources, &state.base, " (")),
                            None => "Not saved: another tab or window saved scorecards this tab cannot read. Until you choose, this tab's set is kept in this tab only.".to_string(),
                        }, html! { <>
                            if let Some(t) = theirs {
                                { action("sc-button sc-m-primary", on_keep_both, format!("Keep both tabs' changes ({})", count(not_in(&state::merged(&state.sources, t, &state.base), &[]), "scorecard"))) }
                                { action("sc-button", on_keep_theirs, format!("Use the other tab's ({})", not_in(t, &[]))) }
                            }
                            { action("sc-button", on_keep_mine, format!("Keep this tab's ({}), replacing the other", not_in(&state.sources, &[]))) }
                        </> }) }
                    }
                    // This tab took the set another tab saved (it had nothing unsaved): said, and its
                    // own offered back until it changes the set.
                    if let Some(before) = &state.replaced {
                        // A file that did not load is no scorecard, but it is what changed when
                        // another tab's batch held only such files: said, not "0 added, 0 removed".
                        { notice("status", "replaced", format!("Another tab or window changed these scorecards; this tab now shows them: {} added, {} removed{}.",
                            not_in(&state.sources, before), not_in(before, &state.sources), unloaded(&state.sources, before, "; ")),
                            if not_in(before, &[]) > 0 { action("sc-button", on_put_back, format!("Put back this tab's {}", count(not_in(before, &[]), "scorecard"))) } else { Html::default() }) }
                    }
                    if !state.cards.is_empty() {
                        <LoadedList state={state.clone()} file_input={file_input.clone()} />
                    }
                    // Shown (and announced) once the batch being read is done, like the status line.
                    if !report.failed.is_empty() && *reading.borrow() == 0 {
                        <div class="sc-committee__failed" role="alert">
                            <h3 class="sc-rec__subtitle">{ format!("{} did not load", report.failed.len()) }</h3>
                            <ul>{ for report.failed.iter().map(|f| {
                                let (state, file_input) = (state.clone(), file_input.clone());
                                let label = f.source.clone();
                                // The button goes with its row: focus goes to the next row's Remove, or
                                // to the file input when none is left, as after Clear all.
                                let remove = Callback::from(move |e: MouseEvent| {
                                    focus_after_remove(&e, &file_input);
                                    state.dispatch(CommitteeAction::Remove { label: label.clone() });
                                });
                                html! { <li key={f.source.clone()}><strong>{ bdi(&f.source) }</strong>{ format!(": {} ", f.error) }
                                    <button type="button" class="sc-button sc-m-small sc-m-quiet" onclick={remove}
                                        aria-label={format!("Remove {}", bidi_isolate(&f.source))}>{ "Remove" }</button></li> }
                            }) }</ul>
                        </div>
                    }
                    if !report.duplicates.is_empty() {
                        <details class="sc-committee__aside">
                            <summary>{ format!("{} repeated scorecard{} (same candidate, interviewer and step): the one submitted last counts; set aside: {}", report.duplicates.len(),
                                if report.duplicates.len() == 1 { "" } else { "s" },
                                report.duplicates.iter().flat_map(|d| d.dropped.iter().map(|s| bidi_isolate(s))).collect::<Vec<_>>().join(", ")) }</summary>
                            <ul>{ for report.duplicates.iter().map(|d| {
                                // Named as the rest of the page names them: the kept scorecard has the names.
                                let kept = card_from(&state.cards, &d.kept);
                                let candidate = report.candidate_label(&d.candidate).to_string();
                                let interviewer = report.member_label(&d.interviewer, kept.map_or("", |c| c.interviewer.display_name()));
                                // When each was submitted: the kept one is the latest, so a revision reads as one.
                                let when = |source: &str| match card_from(&state.cards, source).map(|c| c.submitted_at.as_deref()) {
                                    // To the minute (a revision is often submitted the same day), every time in
                                    // UTC: written in different offsets, the kept one could read as the earlier.
                                    Some(Some(at)) => format!("{} (submitted {})", bidi_isolate(source), utc_minute(at).unwrap_or_else(|| bidi_isolate(at).into_owned())),
                                    Some(None) => format!("{} (draft)", bidi_isolate(source)),
                                    None => bidi_isolate(source).into_owned(),
                                };
                                html! {
                                    <li>{ format!("{} by {} ({}): kept {}, set aside {}", bidi_isolate(&candidate), bidi_isolate(interviewer), bidi_isolate(&d.step), when(&d.kept),
                                        d.dropped.iter().map(|s| when(s)).collect::<Vec<_>>().join(", ")) }</li>
                                }
                            }) }</ul>
                        </details>
                    }
                    if !report.other_rubric.is_empty() {
                        <details class="sc-committee__aside" open=true>
                            <summary>{ format!("{} made against another rubric, shown apart", report.other_rubric.len()) }</summary>
                            <ul>{ for report.other_rubric.iter().map(|o| {
                                let card = card_from(&state.cards, &o.source);
                                let candidate = card.map_or(o.candidate.clone(), |c| c.candidate.display_name().to_string());
                                let interviewer = card.map_or(o.interviewer.clone(), |c| c.interviewer.display_name().to_string());
                                html! {
                                    <li>{ format!("{}: rubric \"{}\" v{} · {} by {}", bidi_isolate(&o.source), bidi_isolate(&o.rubric_id), o.rubric_version,
                                        bidi_isolate(&candidate), bidi_isolate(&interviewer)) }</li>
                                }
                            }) }</ul>
                        </details>
                    }
                    if !report.unidentified.is_empty() {
                        <details class="sc-committee__aside" open=true>
                            <summary>{ format!("{} not counted: no candidate named", report.unidentified.len()) }</summary>
                            <ul>{ for report.unidentified.iter().map(|source| html! {
                                // A Greenhouse export: what it is and how to bring it in, as the scorer says.
                                <li>{ if state.sources.iter().any(|s| &s.label == source && is_greenhouse(&s.text)) {
                                    format!("{}: names no candidate: {GREENHOUSE_HINT}.", bidi_isolate(source))
                                } else {
                                    format!("{}: names no candidate (no candidate id or name), so it belongs to no panel", bidi_isolate(source))
                                } }</li>
                            }) }</ul>
                        </details>
                    }
                </section>

                if let Some(blind) = &b {
                    <p class="sc-notice sc-committee__blind" data-testid="blind-mode">
                        { format!("Blind mode for {}: a candidate's panel (the other interviewers' ratings and notes, the committee outcome and calibration) \
                            stays hidden until your own submitted scorecard for that candidate is loaded here, so that the others cannot sway your judgement.",
                            // Named as the committee names them ("Sam Lee (s-2)" beside a namesake),
                            // else as their scorecards name them, once one is loaded.
                            match named {
                                [one] => bidi_isolate(&one.label).into_owned(),
                                _ => state.cards.iter().map(|(_, c)| &c.interviewer)
                                    .find(|p| !p.name.trim().is_empty() && blind.names(p))
                                    .map_or_else(|| bidi_isolate(props.blind.as_deref().unwrap_or_default().trim()).into_owned(), |p| bidi_isolate(p.name.trim()).into_owned()),
                            }) }
                        if ambiguous {
                            <strong data-testid="blind-ambiguous">{ format!(" {} interviewers go by \"{}\": {}. Every panel stays hidden until the address names you by your id (?blind=<id>).",
                                named.len(), bidi_isolate(props.blind.as_deref().unwrap_or_default().trim()),
                                named.iter().map(|i| bidi_isolate(&i.label).into_owned()).collect::<Vec<_>>().join(", ")) }</strong>
                        }
                        if !hidden.is_empty() {
                            { format!(" Hidden now: {}. The Markdown and JSON exports and the interviewers' calibration across panels are hidden while any panel is; a print shows what this page shows.",
                                // In the order the comparison lists them.
                                in_order(report, &hidden).iter().filter(|r| hidden.contains(&r.candidate)).map(|r| bidi_isolate(&r.label).into_owned()).collect::<Vec<_>>().join(", ")) }
                        }
                        // A name that matches no interviewer hides every panel for good: say so.
                        if !state.cards.is_empty() && !state.cards.iter().any(|(_, c)| blind.names(&c.interviewer)) {
                            <strong data-testid="blind-unknown">{ format!(" No loaded scorecard is by an interviewer with the id or full name \"{}\": check the name in the address (?blind=).",
                                bidi_isolate(props.blind.as_deref().unwrap_or_default().trim())) }</strong>
                        }
                    </p>
                }
                if report.candidates.is_empty() {
                    <p class="sc-committee__empty" data-testid="committee-empty">{ match (&set_aside, loaded) {
                        (Some(note), _) => note.clone(),
                        (None, 0) => "Load scorecards to compare the panel.".to_string(),
                        (None, _) => "No loaded scorecard is counted in a panel yet: the lists above say why.".to_string(),
                    } }</p>
                } else {
                    if report.comparison.len() > 1 {
                        <Comparison state={state.clone()} hidden={hidden.clone()} />
                    }
                    if let Some(c) = selected {
                        if hidden.contains(&c.candidate) {
                            if let Some(b) = &b { { blind_section(&c, &display(&c), b, "scc") } }
                        } else {
                            <CandidateSection cards={panel_cards(&state.cards, &c)} name={display(&c)} members={member_labels(report, &c)} candidate={c} rubric={state.rubric.clone()} flags={state.flags.clone()}
                                back={report.comparison.len() > 1} />
                        }
                    }
                    if hidden.is_empty() {
                        if report.candidates.len() > 1 && !report.interviewers.is_empty() {
                            <Interviewers report={report.clone()} />
                        }
                    }
                    if *packet {
                        // Every candidate, in the comparison's order, each from a new page.
                        <div class="sc-committee__packet" data-testid="print-packet">
                            { for in_order(report, &hidden).into_iter().enumerate().filter_map(|(i, row)| {
                                let c = report.candidates.iter().find(|c| c.candidate == row.candidate)?;
                                let prefix = AttrValue::from(format!("scc-p{i}"));
                                Some(if hidden.contains(&c.candidate) {
                                    b.as_ref().map_or_else(Html::default, |b| blind_section(c, &row.label, b, &prefix))
                                } else {
                                    html! { <CandidateSection key={c.candidate.clone()} candidate={c.clone()} name={row.label.clone()} rubric={state.rubric.clone()}
                                        cards={panel_cards(&state.cards, c)} flags={state.flags.clone()} members={member_labels(report, c)} {prefix} /> }
                                })
                            }) }
                        </div>
                    }
                    // The exports hold every panel, so they wait until blind mode hides none; a print
                    // holds what the screen shows, and hides what it hides.
                    <section class="sc-transfer" aria-labelledby="scc-export">
                        <h2 class="sc-rec__title" id="scc-export">{ "Export" }</h2>
                        <div class="sc-transfer__buttons">
                            if hidden.is_empty() {
                                <button type="button" class="sc-button sc-m-small" onclick={on_markdown}>{ "Markdown summary" }</button>
                                <button type="button" class="sc-button sc-m-small" onclick={on_json}>{ "JSON report" }</button>
                            }
                            if report.candidates.len() > 1 {
                                <button type="button" class="sc-button sc-m-small" onclick={on_print}>{ "Print selected candidate" }</button>
                                <button type="button" class="sc-button sc-m-small" onclick={on_print_all}>{ "Print all candidates" }</button>
                            } else {
                                <button type="button" class="sc-button sc-m-small" onclick={on_print}>{ "Print" }</button>
                            }
                        </div>
                        if let (true, Some((file, text))) = (hidden.is_empty(), &*output) {
                            <label class="sc-field__label" for="scc-out">{ if *file == JSON_FILE { "JSON report" } else { "Markdown summary" } }</label>
                            <textarea class="sc-card__textarea" id="scc-out" readonly=true rows="8" value={text.clone()} />
                            <div class="sc-transfer__copy">
                                { action("sc-button sc-m-small", on_copy, "Copy".into()) }
                                { action("sc-button sc-m-small", on_download, format!("Download {file}")) }
                                <p class="sc-card__hint" role="status" data-testid="export-status">{ (*exported).clone().unwrap_or_else(|| "Or select the text and copy it (Ctrl+C or ⌘C).".into()) }</p>
                            </div>
                        }
                    </section>
                }
            </main>
        </div>
    }
}

/// Props shared by the sections.
#[derive(Properties, PartialEq)]
pub struct SectionProps {
    pub state: UseReducerHandle<CommitteeState>,
}

/// A candidate blind mode hides: the name (`name`, as the comparison names them), and why nothing
/// else is shown. `prefix` begins the heading's id ("scc" on screen).
fn blind_section(c: &CandidateReport, name: &str, b: &Blind<'_>, prefix: &str) -> Html {
    let id = format!("{prefix}-cand");
    html! {
        <section key={c.candidate.clone()} class="sc-committee__candidate" aria-labelledby={id.clone()}>
            <h2 class="sc-committee__name" {id} dir="auto" tabindex="-1">{ name.to_string() }</h2>
            <p class="sc-notice sc-committee__blindnote" role="status" data-testid="blind">{ blind_notice(c, name, b) }</p>
        </section>
    }
}

/// The comparison's rows in the order the table shows them, which the printed packet follows:
/// the report's, then the candidates blind mode hides (`hidden`), by name: their place in the
/// order would tell their outcome.
fn in_order<'a>(report: &'a CommitteeReport, hidden: &[String]) -> Vec<&'a ComparisonRow> {
    let (mut rows, last): (Vec<_>, Vec<_>) = report.comparison.iter().partition(|r| !hidden.contains(&r.candidate));
    let keys: Vec<[&str; 5]> = last.iter().map(|r| [r.label.as_str(), &r.candidate, "", "", ""]).collect();
    let order = natural_sorted(&keys);
    rows.extend(reordered(last, order));
    rows
}

/// What blind mode hides of a candidate, and why.
fn blind_notice(c: &CandidateReport, name: &str, b: &Blind<'_>) -> String {
    let name = bidi_isolate(name);
    let others = c.panel.iter().chain(&c.drafts).filter(|m| !b.is_mine(m)).count();
    let own = match b.own_scorecard(c) {
        Some(false) => {
            " Your scorecard for them is loaded but is a draft: submit it, then load the submitted scorecard."
        }
        _ => "",
    };
    format!(
        "Blind mode: {name}'s panel is hidden ({} from other interviewers loaded). Their ratings, notes, the committee outcome and calibration \
         are shown once your own submitted scorecard for {name} is loaded here, so that they cannot sway your judgement.{own}",
        count(others, "scorecard")
    )
}

/// Props of [`LoadedList`].
#[derive(Properties, PartialEq)]
pub struct LoadedListProps {
    pub state: UseReducerHandle<CommitteeState>,
    /// Where the keyboard goes when the last one is removed.
    pub file_input: NodeRef,
}

/// The scorecards loaded, each with where it came from, whom it is about, whether it was
/// submitted, and a Remove button. Closed by default; its rows are only built while it is open
/// (a panel may hold hundreds).
#[function_component]
fn LoadedList(props: &LoadedListProps) -> Html {
    let state = &props.state;
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            open.set(e.target_dyn_into::<web_sys::Element>().is_some_and(|d| d.has_attribute("open")))
        })
    };
    let drafts = state.cards.iter().filter(|(_, c)| c.submitted_at.is_none()).count();
    html! {
        <details class="sc-committee__aside sc-committee__sources" open={*open} {ontoggle}>
            <summary>{ format!("Loaded scorecards ({}{})", state.cards.len(), if drafts > 0 { format!(", {}", count(drafts, "draft")) } else { String::new() }) }</summary>
            if *open {
                <ul data-testid="loaded">{ for state.cards.iter().map(|(label, card)| {
                    let (s, file_input, key) = (state.clone(), props.file_input.clone(), label.clone());
                    let remove = Callback::from(move |e: MouseEvent| {
                        focus_after_remove(&e, &file_input);
                        s.dispatch(CommitteeAction::Remove { label: key.clone() });
                    });
                    // Named as the rest of the page names them: namesakes with their ids.
                    let report = &state.report;
                    let key = person_key(&card.interviewer);
                    let who = report.member_label(&key, card.interviewer.display_name());
                    let candidate = person_key(&card.candidate);
                    let whom = report.comparison.iter().find(|r| r.candidate == candidate).map_or(card.candidate.display_name(), |r| r.label.as_str());
                    html! {
                        <li key={label.clone()}>
                            <strong>{ bdi(label) }</strong>{ ": " }{ bdi(whom) }{ " by " }
                            if who.is_empty() { { "no interviewer named" } } else { { bdi(who) } }
                            if !card.interview.step.trim().is_empty() { { " (" }{ bdi(&card.interview.step) }{ ")" } }
                            // Made against another version of this rubric: counted under this one,
                            // which says so.
                            if card.rubric.id == state.rubric.id && card.rubric.version != state.rubric.version {
                                { " · " }<span class="sc-committee__version" data-testid="rubric-version">{ version_text(card.rubric.version, state.rubric.version) }</span>
                            }
                            { " · " }
                            // In UTC to the minute, as the repeated scorecards say it: the date as
                            // written could be another day than the one they show.
                            if let Some(at) = &card.submitted_at {
                                { format!("submitted {}", utc_minute(at).unwrap_or_else(|| bidi_isolate(at).into_owned())) }
                            } else {
                                <span class="sc-committee__draft">{ "draft, not submitted" }</span>
                            }
                            { " " }
                            <button type="button" class="sc-button sc-m-small sc-m-quiet" onclick={remove}
                                aria-label={format!("Remove {}", bidi_isolate(label))}>{ "Remove" }</button>
                        </li>
                    }
                }) }</ul>
            }
        </details>
    }
}

/// Props of [`Interviewers`].
#[derive(Properties)]
pub struct InterviewersProps {
    pub report: Rc<CommitteeReport>,
}

/// Equal when the summaries are: a change that leaves every interviewer's summary as it was
/// does not lay the list out again.
impl PartialEq for InterviewersProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report) || self.report.interviewers == other.report.interviewers
    }
}

/// Each interviewer's calibration across every panel they sat on. A component, so that it is
/// rendered again only when a summary changed.
#[function_component]
fn Interviewers(props: &InterviewersProps) -> Html {
    let report = &props.report;
    let line = |i: &InterviewerSummary| {
        // With the id beside a name two interviewers share, which would read as one otherwise.
        let name = i.label.clone();
        let what = format!(" ({}, {})", count(i.scorecards, "scorecard"), count(i.candidates, "candidate"));
        // No signal is "in line" only when there was someone to compare with.
        let said = match (i.signals.is_empty(), i.leaning) {
            (false, _) => i.signals.join(" "),
            (true, Leaning::NotEnoughShared) => "no ratings shared with another interviewer to compare.".to_string(),
            (true, _) => "in line with the rest of their panels.".to_string(),
        };
        html! {
            // Marked also when only some panels call them lenient or severe (the line says so).
            <li class={classes!((matches!(i.leaning, Leaning::Lenient | Leaning::Severe) || i.lenient_panels + i.severe_panels > 0).then_some("sc-is-warning"))}>
                <strong>{ bdi(&name) }</strong>{ format!("{what}: {said}") }
            </li>
        }
    };
    html! {
        <section class="sc-transfer sc-committee__across" aria-labelledby="scc-across">
            <h2 class="sc-rec__title" id="scc-across">{ "Interviewers across panels" }</h2>
            <p class="sc-card__hint">{ "How each interviewer rates against the rest of every panel they sat on, over all the ratings they share with them." }</p>
            <ul class="sc-committee__calibration" data-testid="interviewers">{ for report.interviewers.iter().map(line) }</ul>
        </section>
    }
}

/// The outcome as the scorer's own recommendation panel words it (a hire below the rubric's
/// level, which Greenhouse records as a No, reads "Hire below level: L3"), with any level to
/// consider.
fn outcome_text(
    decision: Decision,
    level: &Option<String>,
    consider: &Option<String>,
    greenhouse: Greenhouse,
) -> String {
    let text = headline(decision, level.as_deref(), hire_below_level(decision, greenhouse));
    match (decision, consider) {
        (Decision::Hire, Some(c)) => format!("{text}, {c} to consider"),
        _ => text,
    }
}

/// A share as a whole percentage with its sign, as the headline shows confidence.
fn percent(x: f64) -> String {
    format!("{}%", crate::core::engine::percent(x))
}

/// Props of [`Comparison`].
#[derive(Properties, PartialEq)]
pub struct ComparisonProps {
    pub state: UseReducerHandle<CommitteeState>,
    /// Candidates blind mode hides: named, nothing else shown, listed last.
    #[prop_or_default]
    pub hidden: Rc<Vec<String>>,
}

/// The comparison's caption: its order (the report's, `compare_candidates`), then what it shows.
const ORDER: &str =
    "Candidates by outcome, then confidence (highest first), then name; with panel size and consensus per capability";
/// The order, on screen (the caption, which says it to screen readers, is hidden).
const ORDER_SHORT: &str = "In order of outcome, then confidence (highest first), then name.";

/// Candidates side by side.
#[function_component]
fn Comparison(props: &ComparisonProps) -> Html {
    let state = &props.state;
    let caps = &state.report.capabilities;
    // Choosing a candidate replaces the section below the table; a screen reader hears which
    // candidate it now shows. Empty until then: the region is in the page before it changes.
    let announcement = use_state(String::new);
    // Hidden candidates last, by name: their place in the order would tell their outcome.
    let rows = in_order(&state.report, &props.hidden);
    let visible = || {
        state.report.candidates.iter().filter(|c| !props.hidden.contains(&c.candidate)).flat_map(|c| c.matrix.iter())
    };
    let (disagree_any, pivotal_any) = (visible().any(|r| r.disagreement), visible().any(|r| r.pivotal));
    let drafts_any = state.report.comparison.iter().any(|r| r.drafts > 0 && !props.hidden.contains(&r.candidate));
    html! {
        <section class="sc-transfer sc-committee__compare" aria-labelledby="scc-compare">
            <h2 class="sc-rec__title" id="scc-compare">{ "Candidates for this role" }</h2>
            // The order said, for everyone: it could otherwise read as a ranking within an outcome.
            <p class="sc-card__hint" aria-hidden="true" data-testid="compare-order">{ ORDER_SHORT }</p>
            // Focusable: on a narrow screen the table scrolls sideways in this box, and the
            // keyboard must be able to scroll it (only the first column has buttons).
            <div class="sc-table-wrap" tabindex="0" role="region" aria-label="Candidates side by side (scrolls sideways)">
                <table class="sc-table">
                    <caption class="sc-visually-hidden">{ ORDER }</caption>
                    <thead><tr>
                        <th scope="col">{ "Candidate" }</th><th scope="col">{ "Outcome" }</th><th scope="col">{ "Confidence" }</th>
                        <th scope="col">{ "Panel" }<span class="sc-visually-hidden">{ " (submitted scorecards)" }</span></th>
                        { for caps.iter().map(|c| html! { <th scope="col" class="sc-table__cap">{ c.name.clone() }</th> }) }
                    </tr></thead>
                    // One component per row: when one scorecard changes, only its candidate's
                    // row (and any that moved) is laid out again.
                    <tbody>
                        { for rows.into_iter().map(|row| html! {
                            <CompareRow key={row.candidate.clone()} report={state.report.clone()} candidate={AttrValue::from(row.candidate.clone())}
                                rubric={state.rubric.clone()} current={state.selected.as_deref() == Some(row.candidate.as_str())}
                                hidden={props.hidden.contains(&row.candidate)} dispatch={state.dispatcher()} announce={announcement.setter()} />
                        }) }
                    </tbody>
                </table>
            </div>
            // A key for the eye; each cell says it in words to a screen reader.
            if disagree_any || pivotal_any {
                <p class="sc-card__hint sc-committee__key" aria-hidden="true">
                    if disagree_any { { "⚠ the panel is two levels apart. " } }
                    if pivotal_any { { "◆ the outcome rests on this split: its lowest or highest view would change it, alone or with the other ◆ splits." } }
                </p>
            }
            // What "+1 draft", "+2 drafts" mean, and that drafts are not counted: in words for
            // everyone, of any number (a row's count is its own).
            if drafts_any {
                <p class="sc-card__hint sc-committee__key" data-testid="drafts-key">
                    <span class="sc-committee__draft">{ "+N drafts" }</span>
                    { ": N scorecards loaded but not yet submitted. Drafts are not counted: the panel size, the consensus, \
                        the outcome and its confidence are those of the submitted scorecards only." }
                </p>
            }
            <p class="sc-visually-hidden" role="status" data-testid="compare-status">{ (*announcement).clone() }</p>
        </section>
    }
}

/// Props of [`CompareRow`].
#[derive(Properties)]
pub struct CompareRowProps {
    /// The report the row is read from, with the candidate's key.
    pub report: Rc<CommitteeReport>,
    pub candidate: AttrValue,
    pub rubric: Rc<Rubric>,
    /// The candidate shown below the table.
    pub current: bool,
    /// Hidden by blind mode.
    pub hidden: bool,
    pub dispatch: UseReducerDispatcher<CommitteeState>,
    pub announce: UseStateSetter<String>,
}

impl CompareRowProps {
    /// The row, and whether each of its capabilities decides the outcome (the comparison rows do
    /// not say: the candidate's report does, found by key, the reports being ordered by key).
    fn row(&self) -> Option<(&ComparisonRow, Vec<bool>)> {
        let row = self.report.comparison.iter().find(|r| r.candidate == *self.candidate)?;
        let candidates = &self.report.candidates;
        let matrix = candidates
            .binary_search_by(|c| c.candidate.as_str().cmp(&self.candidate))
            .ok()
            .and_then(|i| candidates.get(i))
            .map(|c| c.matrix.as_slice())
            .unwrap_or_default();
        let pivotal = row
            .profile
            .iter()
            .enumerate()
            .map(|(i, p)| matrix.get(i).is_some_and(|m| m.pivotal && m.capability == p.capability))
            .collect();
        Some((row, pivotal))
    }
}

/// Equal when the row shows the same: a row re-renders only when its own candidate changed, not
/// whenever any scorecard of the panel set does.
impl PartialEq for CompareRowProps {
    fn eq(&self, other: &Self) -> bool {
        self.candidate == other.candidate
            && self.current == other.current
            && self.hidden == other.hidden
            && Rc::ptr_eq(&self.rubric, &other.rubric)
            && self.dispatch == other.dispatch
            && self.announce == other.announce
            && self.report.capabilities.len() == other.report.capabilities.len()
            && (Rc::ptr_eq(&self.report, &other.report) || self.row() == other.row())
    }
}

/// One candidate in the comparison.
#[function_component]
fn CompareRow(props: &CompareRowProps) -> Html {
    let Some((row, pivotal)) = props.row() else { return Html::default() };
    let columns = props.report.capabilities.len();
    let name = row.label.clone();
    let select = {
        let (dispatch, announce, key, name) =
            (props.dispatch.clone(), props.announce.clone(), row.candidate.clone(), name.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(CommitteeAction::Select { candidate: key.clone() });
            announce.set(format!("Showing {}", bidi_isolate(&name)));
        })
    };
    let current = props.current;
    html! {
        <tr class={classes!(current.then_some("sc-is-current"))}>
            // The candidate shown below is marked by a filled cell with a bar (the
            // focus ring stays the keyboard's) and, for screen readers, aria-current.
            <th scope="row"><button type="button" class="sc-button sc-m-small sc-m-quiet" onclick={select}
                aria-current={current.then_some("true")} id={current.then_some("scc-current")}>{ name.clone() }</button></th>
            if props.hidden {
                <td colspan={(3 + columns).to_string()} class="sc-committee__hidden">
                    { format!("Hidden (blind mode) until your own submitted scorecard for {} is loaded", bidi_isolate(&name)) }</td>
            } else {
                <td class={classes!(hire_below_level(row.decision, row.greenhouse).then_some("sc-is-below"))}>
                    { outcome_text(row.decision, &row.level, &row.consider_level, row.greenhouse) }</td>
                <td>{ percent(row.confidence) }</td>
                // Drafts are shown beside the count, in words: they are not counted.
                <td>{ row.panel_size }
                    if row.drafts > 0 {
                        <span class="sc-committee__draft" data-testid="panel-drafts">{ format!(" +{}", count(row.drafts, "draft")) }</span>
                        <span class="sc-visually-hidden">{ " (not submitted, not counted)" }</span>
                    }
                </td>
                { for row.profile.iter().zip(pivotal).map(|(p, pivotal)| html! {
                    <td class={classes!("sc-heat", charts::rating_class(p.consensus), pivotal.then_some("sc-is-pivotal"))}>
                        { props.rubric.level_label(p.consensus).to_string() }
                        if p.disagreement {
                            <span aria-hidden="true">{ " ⚠" }</span><span class="sc-visually-hidden">{ ", panel disagrees" }</span>
                        }
                        if pivotal {
                            <span aria-hidden="true">{ " ◆" }</span><span class="sc-visually-hidden">{ ", decides the outcome" }</span>
                        }
                    </td>
                }) }
            }
        </tr>
    }
}

/// What a split that decides the outcome only with the others would change (see
/// `CommitteeRecommendation::decided_together`).
fn together_text(c: &CommitteeRecommendation) -> String {
    let views = [("lowest", &c.if_lower_views_held), ("highest", &c.if_higher_views_held)];
    let changed: Vec<String> = views
        .iter()
        .filter_map(|(which, o)| {
            o.as_ref()
                .filter(|o| !c.is_outcome(o))
                .map(|o| format!("had every split taken its {which} view, it would be {}", o.description))
        })
        .collect();
    format!(
        "Alone this split does not change the outcome, but with the other marked splits it does: {}.",
        changed.join("; ")
    )
}

/// Props of [`CandidateSection`].
#[derive(Properties)]
pub struct CandidateSectionProps {
    pub candidate: Rc<CandidateReport>,
    /// How the page names the candidate (`ComparisonRow::label`): the id when there is no name,
    /// and beside a name another candidate has.
    pub name: AttrValue,
    pub rubric: Rc<Rubric>,
    /// The candidate's counted scorecards with their sources, in panel order (see
    /// [`panel_cards`]): for who said what on the capabilities the report does not discuss.
    pub cards: Rc<Vec<(String, Rc<Scorecard>)>>,
    /// What the section's element ids begin with: "scc" on screen, "scc-p3" for the fourth
    /// candidate of the printed packet.
    #[prop_or(AttrValue::Static("scc"))]
    pub prefix: AttrValue,
    /// The state's flags by text (`CommitteeState::flags`), for who said what on the
    /// capabilities the report does not discuss: their notes were read by the analysis.
    pub flags: Rc<FlagCache>,
    /// How the page names each panel member, then each draft's interviewer ([`member_labels`]).
    pub members: Rc<Vec<String>>,
    /// Whether the section offers a way back to the comparison above it (on screen, with
    /// several candidates).
    #[prop_or_default]
    pub back: bool,
}

/// Equal when the section shows the same: the same rubric, the same scorecards (each read once
/// and shared, so compared by pointer) and an equal report. A change to another candidate's
/// panel leaves this section as it is.
impl PartialEq for CandidateSectionProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.rubric, &other.rubric)
            && Rc::ptr_eq(&self.flags, &other.flags)
            && self.prefix == other.prefix
            && self.name == other.name
            && self.members == other.members
            && self.back == other.back
            && self.cards.len() == other.cards.len()
            && self.cards.iter().zip(other.cards.iter()).all(|((a, x), (b, y))| a == b && Rc::ptr_eq(x, y))
            && (Rc::ptr_eq(&self.candidate, &other.candidate) || self.candidate == other.candidate)
    }
}

/// How the page names each member of a candidate's panel, then each draft's interviewer
/// (`CommitteeReport::member_label`): as the interviewers across panels, so that two of one name
/// read apart in the heat map, who said what and calibration.
fn member_labels(report: &CommitteeReport, c: &CandidateReport) -> Rc<Vec<String>> {
    Rc::new(c.panel.iter().chain(&c.drafts).map(|m| report.panel_label(m).into_owned()).collect())
}

/// A candidate's counted scorecards in panel order, each with its source: looked up by source
/// (unique in the view) among the loaded ones. The drafts' ratings are in the report.
fn panel_cards(cards: &[(String, Rc<Scorecard>)], c: &CandidateReport) -> Rc<Vec<(String, Rc<Scorecard>)>> {
    Rc::new(c.panel.iter().filter_map(|m| cards.iter().find(|(label, _)| *label == m.source).cloned()).collect())
}

/// One candidate: the committee outcome, the matrix as a heat map, the profile chart, who said
/// what, and calibration signals.
#[function_component]
fn CandidateSection(props: &CandidateSectionProps) -> Html {
    let c = &props.candidate;
    let rubric = &props.rubric;
    let rec = &c.committee.recommendation;
    let name = props.name.to_string();
    let names = |ids: &[String]| {
        ids.iter().map(|id| rubric.capability(id).map_or(id.clone(), |x| x.name.clone())).collect::<Vec<_>>().join(", ")
    };
    let decision_class = decision_class(rec.decision, hire_below_level(rec.decision, rec.greenhouse));
    let label = |r: Rating| rubric.level_label(r).to_string();
    // Interviewers as the heat map names them (by their scorecard's source, unique on the page);
    // the name, or the key, when not found.
    let member = |source: &str, key: &str, name: &str| {
        c.panel
            .iter()
            .position(|p| p.source == source)
            .and_then(|i| props.members.get(i))
            .cloned()
            .unwrap_or_else(|| if name.trim().is_empty() { key.to_string() } else { name.to_string() })
    };
    let id = |part: &str| format!("{}-{part}", props.prefix);
    // The panel's scorecards in panel order, for the capabilities the report does not discuss
    // (not found by sorting every loaded scorecard again).
    let members: Vec<(&str, &Scorecard)> =
        props.cards.iter().map(|(source, card)| (source.as_str(), &**card)).collect();
    html! {
        <section class="sc-committee__candidate" aria-labelledby={id("cand")}>
            // Focusable: choosing the candidate in the comparison moves the keyboard here.
            <h2 class="sc-committee__name" id={id("cand")} dir="auto" tabindex="-1">{ name.clone() }</h2>
            // To the candidate's own row (its button is `scc-current`): the browser brings it
            // into view and the keyboard's next Tab goes on from there, to the next candidate.
            // A plain link: a handler to focus the button cost 200 bytes.
            if props.back {
                <a class="sc-link sc-committee__back" href="#scc-current">{ "Back to the comparison" }</a>
            }
            <div class="sc-committee__grid">
                <div class={classes!("sc-rec", decision_class)}>
                    <h3 class="sc-rec__title">{ "Committee recommendation" }</h3>
                    <div class="sc-rec__outcome"><span class="sc-rec__decision" data-testid="committee-decision">{ outcome_text(rec.decision, &rec.level, &rec.consider_level, rec.greenhouse) }</span></div>
                    <dl class="sc-rec__facts">
                        <div><dt>{ "Greenhouse" }</dt><dd>{ rec.greenhouse.label() }</dd></div>
                        <div><dt>{ "Score" }</dt><dd>{ rec.score.map_or("–".to_string(), |s| format!("{} / 2", fixed2(s))) }</dd></div>
                        <div><dt>{ "Confidence" }</dt><dd>{ percent(rec.confidence) }</dd></div>
                    </dl>
                    <ul class="sc-rec__rationale" data-testid="committee-rationale">{ for rec.rationale.iter().map(|s| html! { <li>{ s.clone() }</li> }) }</ul>
                    if !c.unassessed.is_empty() {
                        <p class="sc-card__hint sc-is-warning">{ format!("Nobody assessed: {}", names(&c.unassessed)) }</p>
                    }
                </div>
                <ProfileChart candidate={c.clone()} name={props.name.clone()} rubric={rubric.clone()} />
            </div>
            <HeatMap candidate={c.clone()} name={props.name.clone()} rubric={rubric.clone()} prefix={props.prefix.clone()} members={props.members.clone()} />
            <section aria-labelledby={id("who")}>
                <h3 class="sc-committee__h3" id={id("who")}>{ "Who said what" }</h3>
                { for c.matrix.iter().map(|row| {
                    // The report already holds the capabilities to discuss; the others are laid
                    // out on demand.
                    let who = c.discuss.iter().find(|w| w.capability == row.capability).cloned()
                        .or_else(|| who_said_what_in(rubric, &c.candidate, &members, &row.capability, Some(&|t: &str| props.flags.ids(t))));
                    let contest = c.committee.contested.iter().find(|x| x.pivotal && x.capability == row.capability);
                    let together = c.committee.decided_together.contains(&row.capability);
                    html! {
                        <details class={classes!("sc-committee__who", row.pivotal.then_some("sc-is-pivotal"))} open={row.disagreement || row.pivotal}>
                            <summary>
                                { format!("{} — consensus: {}", row.name, label(row.consensus)) }
                                if row.disagreement { <span class="sc-badge">{ "Panel disagrees" }</span> }
                                if row.pivotal { <span class="sc-badge sc-m-pivotal">{ "Decides the outcome" }</span> }
                            </summary>
                            if let Some(x) = contest {
                                <p class="sc-committee__pivot" data-testid="pivot">
                                    { format!("This split decides the outcome: with the lowest view ({}) it would be {}; with the highest ({}), {}.",
                                        label(x.low), x.if_low.description, label(x.high), x.if_high.description) }
                                </p>
                            }
                            if together {
                                <p class="sc-committee__pivot" data-testid="pivot">
                                    { together_text(&c.committee) }
                                </p>
                            }
                            if let Some(w) = who {
                                <ul class="sc-committee__statements">{ for w.statements.iter().map(|s| html! {
                                    <li>
                                        // "Sam Lee (s-1), Coding: ...", as the heat map's columns read.
                                        <strong>{ bdi(&member(&s.source, &s.interviewer, &s.interviewer_name)) }
                                            if !s.step.trim().is_empty() { { ", " }{ bdi(&s.step) } }
                                            { format!(": {}", label(s.level)) }</strong>
                                        if let Some(v) = c.panel.iter().find(|p| p.source == s.source).map(|p| p.rubric_version).filter(|v| *v != rubric.version) {
                                            { " · " }<span class="sc-committee__version" data-testid="rubric-version">{ version_text(v, rubric.version) }</span>
                                        }
                                        if !s.note.is_empty() { <div class="sc-committee__note" dir="auto">{ evidence_text(&s.note, s.note_bias_risk, None) }</div> }
                                        if !s.observations.is_empty() {
                                            <ul>{ for s.observations.iter().map(|o| html! { <li>{ evidence_text(&o.text, o.bias_risk, Some(label(o.level))) }</li> }) }</ul>
                                        }
                                    </li>
                                }) }</ul>
                            }
                        </details>
                    }
                }) }
            </section>
            <section aria-labelledby={id("cal")}>
                <h3 class="sc-committee__h3" id={id("cal")}>{ "Calibration" }</h3>
                <ul class="sc-committee__calibration" data-testid="calibration">
                    { for c.calibration.iter().map(|m| html! {
                        <li class={classes!(matches!(m.leaning, Leaning::Lenient | Leaning::Severe).then_some("sc-is-warning"))}>
                            <strong>{ bdi(&member(&m.source, &m.interviewer, "")) }</strong>
                            { match (m.signals.is_empty(), m.leaning) {
                                (false, _) => format!(": {}", m.signals.join(" ")),
                                (true, Leaning::NotEnoughShared) => ": no ratings shared with another interviewer to compare.".to_string(),
                                (true, _) => ": in line with the panel.".to_string(),
                            } }
                        </li>
                    }) }
                </ul>
            </section>
        </section>
    }
}
