//! The rubric the committee analyses against: which one is in use, a control to load another (a
//! rubric file or a ladder document, as the command-line tool's `--rubric` takes), and the way
//! back to the page's own. The chosen rubric's document is kept in the browser beside the saved
//! set and read again on the next visit. Reading and checking are the core's
//! ([`crate::core::committee::choice`]).

use std::rc::Rc;

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::state::{CommitteeAction, CommitteeState, RubricDocument};
use crate::core::committee::choice::read_rubric;
use crate::core::scorecard::bidi_isolate;
use crate::core::Rubric;
use crate::web::hooks::use_file_drop;
use crate::web::storage::{DraftStore, FULL, PREFIX};

/// Where the chosen rubric's document is kept (name and text), beside the set of the page's
/// rubric `page`. No key: the page's own rubric is in use.
pub fn rubric_key(page: &Rubric) -> String {
    format!("{PREFIX}committee-rubric:{}", page.id)
}

/// A saved rubric (`[name, text]`, as [`save_rubric`] writes it) read against the page's rubric
/// (a ladder takes its policy); else why not: what was stored and why it does not read.
pub fn read_saved(saved: &str, page: &Rubric) -> Result<(Rc<Rubric>, Rc<RubricDocument>), String> {
    let (name, text) = serde_json::from_str::<(String, String)>(saved)
        .map_err(|_| "it is not a saved rubric document, a name and a text".to_string())?;
    let loaded = read_rubric(&text, page).map_err(|e| format!("\"{}\": {e}", bidi_isolate(&name)))?;
    Ok((Rc::new(loaded.rubric), Rc::new(RubricDocument { name, text, note: loaded.note })))
}

/// Analyses against the rubric saved with the set ([`read_saved`]), or the page's own when none
/// is, in place of `current`, and returns it: on opening the page, and when another tab changes
/// it. One that no longer
/// reads is moved aside (`DraftStore::set_aside`, as the scorer does with a draft), so nothing
/// the committee chose is lost, and `problem` says what was stored and why it does not read.
pub fn take_saved(
    state: &UseReducerHandle<CommitteeState>,
    store: &DraftStore,
    page: &Rc<Rubric>,
    current: Rc<Rubric>,
    problem: &UseStateHandle<Option<String>>,
) -> Rc<Rubric> {
    let key = rubric_key(page);
    let (rubric, from) = match store.get(&key).map(|saved| (read_saved(&saved, page), saved)) {
        Some((Ok((rubric, from)), _)) => (rubric, Some(from)),
        None => (page.clone(), None),
        Some((Err(why), saved)) => {
            let kept = store.set_aside(&key, &saved, &crate::web::app::now_iso());
            let how = if kept == key { "storage is full, so it stays as it is under" } else { "it is kept aside as" };
            problem.set(Some(format!("The rubric saved for this committee could not be read ({why}); {how} \"{kept}\". The analysis uses the built-in {}.", rubric_name(page))));
            (page.clone(), None)
        }
    };
    // (The page's own again, already in use: nothing to read again.)
    if from.is_some() || !Rc::ptr_eq(&rubric, &current) {
        state.dispatch(CommitteeAction::UseRubric { rubric: rubric.clone(), from });
    }
    rubric
}

/// Saves the document of the rubric in use (or forgets it, for the page's own): whether that
/// changed what is stored (not when this tab took the rubric from storage, following another
/// tab). The error is the storage's: the rubric stays in use, in this tab.
pub fn save_rubric(store: &DraftStore, page: &Rubric, from: Option<&RubricDocument>) -> Result<bool, String> {
    let key = rubric_key(page);
    let stored = store.get(&key);
    match from {
        None => {
            store.remove(&key);
            Ok(stored.is_some())
        }
        Some(d) => {
            let text = serde_json::to_string(&(&d.name, &d.text)).unwrap_or_default();
            if stored.as_deref() == Some(text.as_str()) {
                return Ok(false);
            }
            // Full: what takes the room, as for the set (the scorer's drafts, other sets).
            store.set(&key, &text).map(|()| true).map_err(|e| {
                if e == FULL {
                    super::room_taken("this rubric", text.len(), store.held_besides(&key))
                } else {
                    e
                }
            })
        }
    }
}

/// "L5 Staff Software Engineer (l5-staff-software-engineer v1)".
pub fn rubric_name(r: &Rubric) -> String {
    format!("{} ({} v{})", bidi_isolate(&r.title), bidi_isolate(&r.id), r.version)
}

/// Props of [`RubricChoice`].
#[derive(Properties, PartialEq)]
pub struct RubricChoiceProps {
    pub state: UseReducerHandle<CommitteeState>,
    /// The page's own rubric: the way back, and the policy a ladder takes.
    pub page: Rc<Rubric>,
    /// Why the chosen rubric could not be kept in this browser, or the saved one (or another
    /// tab's) read, if it could not: a sentence.
    #[prop_or_default]
    pub problem: Option<String>,
}

/// Which rubric is in use, and the control to load another or go back to the page's own.
#[function_component]
pub fn RubricChoice(props: &RubricChoiceProps) -> Html {
    let state = &props.state;
    // Why the latest document could not be used: nothing changed.
    let error = use_state(|| None::<String>);
    let pasting = use_state(|| false);
    let paste = use_state(String::new);
    // Uses the document's rubric, or says why it cannot (and changes nothing): true when used.
    let choose: Rc<dyn Fn(String, String) -> bool> = {
        let (state, page, error) = (state.clone(), props.page.clone(), error.clone());
        Rc::new(move |name: String, text: String| match read_rubric(&text, &page) {
            Ok(loaded) => {
                error.set(None);
                let from = RubricDocument { name, text, note: loaded.note };
                state
                    .dispatch(CommitteeAction::UseRubric { rubric: Rc::new(loaded.rubric), from: Some(Rc::new(from)) });
                true
            }
            Err(e) => {
                error.set(Some(format!(
                    "{}: {e}. Nothing changed: the analysis still uses {}.",
                    bidi_isolate(&name),
                    rubric_name(&state.rubric)
                )));
                false
            }
        })
    };
    let file = use_file_drop(false, None, {
        let (choose, error) = (choose.clone(), error.clone());
        Rc::new(move |_, name: String, text: Result<String, String>| match text {
            Ok(text) => {
                choose(name, text);
            }
            Err(e) => error.set(Some(format!("{}: {e}. Nothing changed.", bidi_isolate(&name)))),
        })
    });
    let on_builtin = {
        let (state, page, error) = (state.clone(), props.page.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            error.set(None);
            state.dispatch(CommitteeAction::UseRubric { rubric: page.clone(), from: None });
            super::focus_id("scc-rubric-file");
        })
    };
    let on_paste_open = {
        let pasting = pasting.clone();
        Callback::from(move |_: MouseEvent| pasting.set(!*pasting))
    };
    let on_paste_input = {
        let paste = paste.clone();
        Callback::from(move |e: InputEvent| paste.set(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };
    let on_paste_use = {
        let (choose, paste, pasting) = (choose.clone(), paste.clone(), pasting.clone());
        Callback::from(move |_: MouseEvent| {
            // Kept in the box when it could not be used, to correct.
            if choose("pasted rubric".into(), (*paste).clone()) {
                paste.set(String::new());
                pasting.set(false);
                super::focus_id("scc-rubric-file");
            }
        })
    };
    let own = state.rubric_from.is_none();
    html! {
        <div class="sc-committee__rubric" data-testid="rubric-choice">
            <p class="sc-committee__rubric-in-use" data-testid="rubric-in-use">
                <strong>{ "Rubric: " }</strong>{ rubric_name(&state.rubric) }
                { match &state.rubric_from {
                    None => ", built in. Scorecards made against another rubric are set aside: load that rubric (a rubric file or a ladder document) to compare them.".to_string(),
                    Some(d) => format!(", loaded from {}.{}", bidi_isolate(&d.name), d.note.as_ref().map(|n| format!(" Note: {n}.")).unwrap_or_default()),
                } }
            </p>
            <div class="sc-committee__loadrow">
                <div class="sc-field">
                    <label class="sc-field__label" for="scc-rubric-file">{ "Load a rubric (rubric JSON or ladder text)" }</label>
                    <input class="sc-transfer__file" id="scc-rubric-file" type="file" accept=".json,.txt,.md,application/json,text/plain" onchange={file.on_change.clone()} />
                </div>
                <div class="sc-toolbar__actions">
                    <button type="button" class="sc-button" aria-expanded={pasting.to_string()} onclick={on_paste_open}>{ "Paste a rubric" }</button>
                    if !own {
                        <button type="button" class="sc-button" data-testid="rubric-builtin" onclick={on_builtin}>{ format!("Use the built-in {}", props.page.level) }</button>
                    }
                </div>
            </div>
            if *pasting {
                <div class="sc-field">
                    <label class="sc-field__label" for="scc-rubric-paste">{ "Rubric JSON or ladder text" }</label>
                    <textarea class="sc-card__textarea" id="scc-rubric-paste" rows="4" value={(*paste).clone()} oninput={on_paste_input} />
                    <div class="sc-toolbar__actions">
                        <button type="button" class="sc-button sc-m-primary" onclick={on_paste_use} disabled={paste.trim().is_empty()}>{ "Use pasted rubric" }</button>
                    </div>
                </div>
            }
            if let Some(e) = &*error {
                <p class="sc-committee__rubric-error" role="alert" data-testid="rubric-error">{ e.clone() }</p>
            }
            if let Some(p) = &props.problem {
                <p class="sc-committee__rubric-error" role="status" data-testid="rubric-problem">{ p.clone() }</p>
            }
        </div>
    }
}
