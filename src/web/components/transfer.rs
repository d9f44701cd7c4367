//! Moving scorecards in and out: download as JSON or for Greenhouse, Markdown and share links to
//! copy, print, and import by file picker, drag and drop or paste.
//!
//! Import never replaces the draft without asking: a readable file becomes a pending import the
//! interviewer confirms or cancels, and a file that fails leaves the draft untouched with a
//! message that names the file and the field.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::core::classifier::has_bias_risk;
use crate::core::interchange::{self, Format, Imported, MatchKind};
use crate::core::scorecard::{bidi_isolate, Scorecard, MAX_DOCUMENT_BYTES};
use crate::web::app::{conflict, Preset};
use crate::web::components::{button, part_id};
use crate::web::hooks::use_file_drop;
use crate::web::state::{Action, SaveStatus, ScorerContext, SUBMITTED_MARK};
use crate::web::storage::DraftStore;

/// Props of [`TransferPanel`].
#[derive(Properties, PartialEq)]
pub struct TransferPanelProps {
    /// The scorer's state.
    pub state: ScorerContext,
    /// A prefix for element ids, unique per widget on the page.
    pub id_prefix: AttrValue,
    /// Called with the import's draft key before an import naming other people (another draft
    /// key) replaces the card on screen: that is another scorecard, not this one renamed, so this
    /// one stays saved under its own names (the scorer's `on_other_card`), and the import is
    /// saved under its key, over a card saved there.
    pub on_other_card: Callback<String>,
    /// Whether this browser holds a card under a draft key (the question says it is replaced).
    pub is_saved: Callback<String, bool>,
    /// The names an embedding host gave the card: an import naming others is refused
    /// (`app::conflict`), as the host's own `setValue` of it would be.
    pub preset: Preset,
}

/// An import waiting for confirmation, and where it came from. Kept apart from [`Output`], so
/// that an export pressed meanwhile does not drop the question.
#[derive(Clone, PartialEq)]
struct Pending {
    source: String,
    imported: Rc<Imported>,
}

/// What the panel shows below its buttons (and below an import question).
#[derive(Clone, PartialEq)]
enum Output {
    None,
    /// Text to copy (Markdown or a share link), with a heading, and what it says of the text
    /// (a share link's flagged remarks).
    Copy {
        title: &'static str,
        text: String,
        note: String,
    },
    /// A message: (is it an error, text).
    Message {
        error: bool,
        text: String,
    },
    /// The refusal of an export while ratings drafted from observations wait to be confirmed:
    /// written from the drafts still waiting each time it is shown, and gone with the last.
    Drafted,
    /// A message already announced elsewhere (the toolbar's notice after an import): shown
    /// here, where the interviewer is, but not announced twice.
    Done {
        text: String,
    },
}

/// `source` at the start of a sentence: "the pasted text" or "the pasted link" capitalised, a
/// file name as it is (even "the x.json").
fn at_start(source: &str) -> String {
    match source.strip_prefix("the pasted ") {
        Some(rest @ ("text" | "link")) => format!("The pasted {rest}"),
        _ => source.to_string(),
    }
}

/// Offers a text as a file download (also the committee's exports).
pub(crate) fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser refused to make the file")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "the browser refused to make the file")?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").map_err(|_| "no link")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// A file name made of safe characters from the candidate's name.
fn file_stem(candidate: &str) -> String {
    let mut s = String::new();
    for part in candidate
        .chars()
        .map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect::<String>()
        .split('-')
    {
        if !part.is_empty() {
            if !s.is_empty() {
                s.push('-');
            }
            s.push_str(part);
        }
    }
    if s.is_empty() {
        "scorecard".into()
    } else {
        format!("scorecard-{}", s.chars().take(40).collect::<String>())
    }
}

/// `answered` (see `TransferPanel`) one more.
fn moved_on(answered: &UseStateHandle<Option<(Option<u32>, usize)>>) {
    answered.set(Some((None, answered.map_or(1, |(_, n)| n + 1))));
}

/// Focuses `node` each time `key` changes to a value other than 0. The panel's two focus
/// effects (the question when it comes, what happened after an answer) share this one hook, so
/// that the wasm holds one effect type for both rather than one each.
#[hook]
fn use_focus_on(node: &NodeRef, key: usize) {
    let node = node.clone();
    use_effect_with(key, move |&key| {
        if let Some(e) = node.cast::<web_sys::HtmlElement>().filter(|_| key != 0) {
            let _ = e.focus();
        }
    });
}

/// The export and import panel.
#[function_component]
pub fn TransferPanel(props: &TransferPanelProps) -> Html {
    let state = props.state.clone();
    let output = use_state(|| Output::None);
    let pending = use_state(|| None::<Pending>);
    // Whether the last Copy worked: `None` until one is pressed for the text shown.
    let copied = use_state(|| None::<bool>);
    let paste = use_state(String::new);
    // Whether the message shown is about the pasted text (then the box is marked invalid and
    // points at the message, until it is edited).
    let pasted = use_state(|| false);
    let question = use_node_ref();
    // After Replace or Cancel their buttons are gone: the keyboard goes to what happened.
    let said = use_node_ref();
    // How many times an answer sent the keyboard to what happened: the effect runs again at
    // each. Counted as `Some((None, n))`, in the state type of `QuickEntry`'s `added`: each
    // state type of a `use_state` brings its own reducer and glue to the widget's wasm (see
    // `moved_on`).
    let answered = use_state(|| None::<(Option<u32>, usize)>);
    use_focus_on(&said, answered.map_or(0, |(_, n)| n));
    use_focus_on(&question, usize::from(pending.is_some()));
    let id = |s: &str| part_id(&props.id_prefix, s);

    let card = state.card_out();
    let stem = file_stem(card.candidate.key());
    let on_json = {
        let (card, output, stem) = (card.clone(), output.clone(), stem.clone());
        Callback::from(move |_: MouseEvent| {
            match download(&format!("{stem}.json"), "application/json", &interchange::export_json(&card)) {
                Err(e) => output.set(Output::Message { error: true, text: format!("Could not download: {e}") }),
                // A refusal shown for another export no longer applies to this one.
                Ok(()) if matches!(&*output, Output::Message { error: true, .. } | Output::Drafted) => {
                    output.set(Output::None)
                }
                Ok(()) => {}
            }
        })
    };
    // Greenhouse, Markdown and share links come from the on-demand module (crate::web::assist).
    let export = {
        let (state, output, answered) = (state.clone(), output.clone(), answered.clone());
        // A refusal is said below the buttons, which a long panel may put below the window: the
        // keyboard goes to it (the answered effect), which brings it into view.
        let refuse = move |out: Output| {
            output.set(out);
            moved_on(&answered);
        };
        move |format: &str, card: &Scorecard| -> Option<String> {
            // What goes to the ATS or a debrief carries only ratings the interviewer stands by,
            // as Submit does; the share link is the interviewer's own copy, drafts and all.
            if format != "link" && !state.drafted.is_empty() {
                refuse(Output::Drafted);
                return None;
            }
            let Some(assist) = state.assist.ready() else {
                refuse(Output::Message { error: true, text: state.assist.unavailable("Export") });
                return None;
            };
            let base = web_sys::window()
                .and_then(|w| w.location().href().ok())
                .map(|h| h.split('#').next().unwrap_or_default().to_string())
                .unwrap_or_default();
            match assist.export(format, card, &state.rubric, &base) {
                Ok(text) => Some(text),
                Err(e) => {
                    refuse(Output::Message { error: true, text: format!("Could not export: {e}") });
                    None
                }
            }
        }
    };
    let on_greenhouse = {
        let (export, output, stem, state) = (export.clone(), output.clone(), stem.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(text) = export("greenhouse", &state.card_out()) else { return };
            if let Err(e) = download(&format!("{stem}-greenhouse.json"), "application/json", &text) {
                output.set(Output::Message { error: true, text: format!("Could not download: {e}") });
                return;
            }
            // The file leaves bias-risk notes out without a trace: say what went (the export
            // has succeeded, so the on-demand module is ready).
            let left_out = state.assist.ready().and_then(|a| {
                interchange::BiasLeftOut::of(&state.card, &state.rubric, |t| {
                    !t.is_empty() && has_bias_risk(&a.flags(t))
                })
                .summary()
            });
            // Greenhouse takes the candidate from the application a scorecard is attached to: the
            // file names none, and the committee view could not place it.
            let mut left_out =
                left_out.map_or_else(String::new, |what| format!(" Flagged as a bias risk and left out: {what}."));
            // Impressions ("seems smart") are no take-away either: the export leaves them out.
            let impressions = state.assist.ready().map_or(0, |a| {
                state
                    .card
                    .observations
                    .iter()
                    .filter(|o| {
                        let flags = a.flags(&o.text);
                        !flags.is_empty() && !has_bias_risk(&flags)
                    })
                    .count()
            });
            if impressions > 0 {
                left_out.push_str(&format!(
                    " Impressions (not evidence of behaviour) left out of Key Take-Aways: {impressions}."
                ));
            }
            output.set(Output::Message {
                error: false,
                text: format!("Downloaded for Greenhouse.{left_out} The file carries no candidate name: attach it to the candidate's application in Greenhouse. For the committee view, download JSON."),
            });
        })
    };
    let on_markdown = {
        let (export, output, copied, state) = (export.clone(), output.clone(), copied.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(text) = export("markdown", &state.card_out()) {
                copied.set(None);
                output.set(Output::Copy { title: "Markdown summary", text, note: String::new() });
            }
        })
    };
    // The share link is the interviewer's own copy, and carries everything, notes flagged as a
    // bias risk too (which the Greenhouse and Markdown exports leave out): said as it is made
    // (and announced), with how its reader sees them, folded away (`observations::withheld`).
    let on_link = {
        let (export, output, copied, state) = (export.clone(), output.clone(), copied.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            let card = state.card_out();
            if let Some(text) = export("link", &card) {
                copied.set(None);
                let what = state.assist.ready().and_then(|a| {
                    interchange::BiasLeftOut::of(&card, &state.rubric, |t| !t.is_empty() && has_bias_risk(&a.flags(t)))
                        .summary()
                });
                let note = what.map_or_else(String::new, |what| {
                    format!("This link includes {what} flagged as a bias risk. Whoever opens it sees them folded away, one click from their text.")
                });
                if !note.is_empty() {
                    state.dispatch(Action::Say { message: note.clone(), focus: String::new() });
                }
                output.set(Output::Copy {
                    title: "Share link (the scorecard travels in the link; no server sees it)",
                    text,
                    note,
                });
            }
        })
    };
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });

    // Reads a document, a Greenhouse scorecard or a share link (the on-demand module tells them
    // apart and suggests tags for Greenhouse notes) into a pending import, or a message that
    // leaves the draft alone.
    let take_text: Rc<dyn Fn(String, String, bool)> = {
        let (state, output, pending, preset, answered) =
            (state.clone(), output.clone(), pending.clone(), props.preset.clone(), answered.clone());
        Rc::new(move |source: String, text: String, file: bool| {
            let result = match state.assist.ready() {
                Some(assist) => assist.import(&text, &state.rubric),
                None => Err(state.assist.unavailable("Import")),
            };
            // A new file or paste replaces a question still open about an earlier one.
            let (question, said) = match result {
                Ok(mut imported) => {
                    keep_names(&mut imported, &state.card);
                    match conflict(&imported.card, &preset, Some(&state.card)) {
                        // Said as in the sentence of any refused import: "<source>: … ."
                        Some((field, given, option)) => (None, Output::Message {
                            error: true,
                            text: format!(
                                "{}: its {field} is \"{}\", and the page this scorecard is on sets its {field} as \"{}\": import it where that scorecard belongs. Your draft is unchanged.",
                                at_start(&source),
                                bidi_isolate(given),
                                bidi_isolate(option)
                            ),
                        }),
                        None => (Some(Pending { source, imported: Rc::new(imported) }), Output::None),
                    }
                }
                Err(e) => (
                    None,
                    Output::Message {
                        error: true,
                        text: format!("{}: {}. Your draft is unchanged.", at_start(&source), plain_error(&e)),
                    },
                ),
            };
            // A file refused is said below the box, which the panel's own scrolling (beside the
            // cards it scrolls when taller than the window) may hold out of view: the keyboard
            // goes to it, which brings it into view, as for an export's refusal. (After a paste,
            // the keyboard stays in the box, to correct it, just above the message.)
            if file && question.is_none() {
                moved_on(&answered);
            }
            pending.set(question);
            output.set(said);
        })
    };
    let files = use_file_drop(false, Some(MAX_DOCUMENT_BYTES), {
        let (take_text, output, pasted, answered) =
            (take_text.clone(), output.clone(), pasted.clone(), answered.clone());
        Rc::new(move |_, name: String, text: Result<String, String>| {
            pasted.set(false);
            // Said in sentences ("… holds a scorecard for …", "Imported from …").
            let name = bidi_isolate(&name).into_owned();
            match text {
                Ok(text) => take_text(name, text, true),
                Err(e) => {
                    output.set(Output::Message { error: true, text: format!("{name}: {e}. Your draft is unchanged.") });
                    moved_on(&answered);
                }
            }
        })
    });
    let on_paste_input = {
        let (paste, pasted) = (paste.clone(), pasted.clone());
        Callback::from(move |e: InputEvent| {
            paste.set(e.target_unchecked_into::<HtmlTextAreaElement>().value());
            pasted.set(false);
        })
    };
    let on_paste_import = {
        let (paste, take_text, pasted) = (paste.clone(), take_text.clone(), pasted.clone());
        Callback::from(move |_: MouseEvent| {
            pasted.set(true);
            let text = (*paste).trim().to_string();
            let source = if crate::core::wire::looks_like_link(&text) { "the pasted link" } else { "the pasted text" };
            take_text(source.into(), text, false);
        })
    };
    // A pending import naming other people than the card on screen (another draft key) is
    // another scorecard: the one on screen stays saved under its own names (`on_other_card`).
    let imported_key =
        pending.as_ref().map(|p| DraftStore::card_key(&state.rubric.id, &p.imported.card)).unwrap_or_default();
    let other = pending.is_some() && imported_key != DraftStore::card_key(&state.rubric.id, &state.card);
    // Another card of the import's names is saved in this browser (the interviewer's own file,
    // imported again): the import replaces it, and the question says so.
    let replaces = other && props.is_saved.emit(imported_key.clone());
    let on_confirm = {
        let (state, output, paste, answered, on_other_card, pending, imported_key) = (
            state.clone(),
            output.clone(),
            paste.clone(),
            answered.clone(),
            props.on_other_card.clone(),
            pending.clone(),
            imported_key.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            moved_on(&answered);
            if let Some(Pending { source, imported }) = &*pending {
                // The same scorecard replaced keeps its names fixed if it was submitted before.
                let drafted = if other {
                    on_other_card.emit(imported_key.clone());
                    Vec::new()
                } else if state.submitted_once {
                    vec![SUBMITTED_MARK.to_string()]
                } else {
                    Vec::new()
                };
                state.dispatch(Action::Load {
                    card: imported.card.clone(),
                    notice: Some(format!("Imported from {source}.")),
                    drafted,
                });
                paste.set(String::new());
                output.set(Output::Done { text: format!("Imported from {source}.") });
                pending.set(None);
            }
        })
    };
    let on_cancel = {
        let (output, answered, pending) = (output.clone(), answered.clone(), pending.clone());
        Callback::from(move |_: ()| {
            moved_on(&answered);
            pending.set(None);
            output.set(Output::Message { error: false, text: "Import cancelled; your draft is unchanged.".into() })
        })
    };
    // Escape answers the question as Cancel does, as in any dialog.
    let on_escape = {
        let on_cancel = on_cancel.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                on_cancel.emit(());
            }
        })
    };

    let body = match &*output {
        Output::None => html! {},
        Output::Copy { title, text, note } => {
            let on_copy = {
                let (copied, text) = (copied.clone(), text.clone());
                Callback::from(move |_: MouseEvent| {
                    let copied = copied.clone();
                    crate::web::embed::clipboard::copy(&text, move |ok| copied.set(Some(ok)));
                })
            };
            html! {
                <div class="sc-transfer__out">
                    <label class="sc-field__label" for={id("out")}>{ *title }</label>
                    // Said when the link is made (and announced: see `on_link`), before the link.
                    <p class="sc-card__hint sc-is-warning" id={id("out-note")}>{ note.clone() }</p>
                    <textarea class="sc-card__textarea" id={id("out")} readonly=true rows="6" value={text.clone()} aria-describedby={id("out-note")} />
                    <div class="sc-transfer__copy">
                        { button("sc-button sc-m-small", None, on_copy, "Copy") }
                        <p class="sc-card__hint" role="status">{ match *copied {
                            Some(true) => "Copied.",
                            Some(false) => "This browser did not allow copying: select the text and copy it (Ctrl+C or ⌘C).",
                            None => "Or select it and copy (Ctrl+C or ⌘C).",
                        } }</p>
                    </div>
                </div>
            }
        }
        Output::Drafted if state.drafted.is_empty() => html! {},
        out @ (Output::Drafted | Output::Message { .. }) => {
            let (error, text) = match out {
                Output::Message { error, text } => (*error, text.clone()),
                _ => {
                    let names = state
                        .drafted
                        .iter()
                        .filter_map(|id| state.rubric.capability(id))
                        .map(|c| c.name.clone())
                        .collect();
                    (
                        true,
                        format!(
                            "Not exported: confirm or change the ratings drafted from your observations first ({}).",
                            crate::core::engine::join_names(names)
                        ),
                    )
                }
            };
            html! {
                <p ~className={if error { "sc-transfer__msg sc-is-error" } else { "sc-transfer__msg" }} id={id("msg")} role={if error { "alert" } else { "status" }}
                    tabindex="-1" ref={said.clone()}>{ text }</p>
            }
        }
        // Its class set as the other message's is (`class_names`: the `<p>` of one is patched
        // into the other's).
        Output::Done { text } => {
            html! { <p ~className="sc-transfer__msg" tabindex="-1" ref={said.clone()}>{ text.clone() }</p> }
        }
    };
    let question_body = match &*pending {
        None => html! {},
        Some(Pending { source, imported }) => {
            let c = &imported.card;
            // Another scorecard does not take the place of this one where it is saved.
            let kept = other && matches!(state.save, SaveStatus::Saved | SaveStatus::Conflict { kept: Some(_), .. });
            html! {
                <div class="sc-transfer__pending" role="alertdialog" aria-labelledby={id("pending")} onkeydown={on_escape}>
                    // Focused when it appears (see the effect above): the question is read, and
                    // Tab goes on to its buttons.
                    <p id={id("pending")} tabindex="-1" ref={question.clone()}>
                        { format!("{} holds a{} scorecard for {} by {}, with {} rating{} and {} observation{}. {}",
                            at_start(source),
                            if imported.format == Format::Greenhouse { " Greenhouse" } else { "" },
                            or_unknown(c.candidate.display_name()), or_unknown(c.interviewer.display_name()),
                            c.ratings.len(), if c.ratings.len() == 1 { "" } else { "s" },
                            c.observations.len(), if c.observations.len() == 1 { "" } else { "s" },
                            match (kept, replaces) {
                                (_, true) => "It replaces the scorecard saved in this browser for the same candidate, interviewer and step. Open it?",
                                (true, _) => "Open it in place of this scorecard, which stays saved in this browser?",
                                _ => "Replace your current draft with it?",
                            }) }
                    </p>
                    if !imported.mappings.is_empty() {
                        <ul class="sc-transfer__mappings">
                            { for imported.mappings.iter().map(|m| html! {
                                <li>{ match (&m.capability, m.how) {
                                    (Some(cap), how) => format!("“{}” → {} ({})", m.attribute,
                                        state.rubric.capability(cap).map_or(cap.clone(), |c| c.name.clone()),
                                        match how { MatchKind::Exact => "same name", MatchKind::Synonym => "known synonym", MatchKind::Similar => "similar name", MatchKind::Unmatched => "" }),
                                    (None, _) => format!("“{}” → no capability: its note became observations", m.attribute),
                                } }</li>
                            }) }
                        </ul>
                    }
                    // What the Greenhouse reader left out (a private note), said before the replace.
                    if !imported.warnings.is_empty() {
                        <ul class="sc-transfer__mappings">
                            { for imported.warnings.iter().map(|w| html! { <li>{ w.clone() }</li> }) }
                        </ul>
                    }
                    <div class="sc-toolbar__actions">
                        { button("sc-button sc-m-primary", None, on_confirm, match (kept, replaces) { (_, true) => "Replace the saved one", (true, _) => "Open it", _ => "Replace my draft" }) }
                        { button("sc-button", None, on_cancel.reform(|_: MouseEvent| ()), "Cancel") }
                    </div>
                </div>
            }
        }
    };
    let locked = state.read_only();
    let paste_refused = *pasted && matches!(&*output, Output::Message { error: true, .. });
    html! {
        <section class="sc-transfer" aria-labelledby={id("transfer")}>
            <h2 class="sc-rec__title" id={id("transfer")}>{ "Share and export" }</h2>
            <div class="sc-transfer__buttons">
                { button("sc-button sc-m-small", None, on_json, "Download JSON") }
                { button("sc-button sc-m-small", None, on_greenhouse, "Download for Greenhouse") }
                { button("sc-button sc-m-small", None, on_markdown, "Markdown summary") }
                { button("sc-button sc-m-small", None, on_link, "Share link") }
                { button("sc-button sc-m-small", None, on_print, "Print") }
            </div>
            // Read-only (submitted, locked by the host, opened from a share link): nothing to
            // import into.
            if !locked {
                <details class="sc-transfer__import" ondrop={files.on_drop} ondragover={files.on_dragover}>
                    <summary>{ "Import a scorecard" }</summary>
                    <p class="sc-card__hint">{ "A scorecard JSON file, a Greenhouse scorecard, or a share link. Drop a file here, choose one, or paste." }</p>
                    <label class="sc-field__label" for={id("file")}>{ "File" }</label>
                    <input class="sc-transfer__file" type="file" id={id("file")} accept=".json,application/json" onchange={files.on_change} />
                    <label class="sc-field__label" for={id("paste")}>{ "Or paste JSON or a share link" }</label>
                    <textarea class="sc-card__textarea" id={id("paste")} rows="3" value={(*paste).clone()} oninput={on_paste_input}
                        aria-invalid={paste_refused.then_some("true")} aria-describedby={paste_refused.then(|| id("msg"))} />
                    <button type="button" class="sc-button sc-m-small" onclick={on_paste_import} disabled={paste.trim().is_empty()}>{ "Import pasted text" }</button>
                </details>
            }
            { question_body }
            { body }
        </section>
    }
}

/// An import error as the interviewer reads it. A parser's complaint ("not JSON: expected ident
/// at line 1 column 2") says where reading stopped, not what the text is: lead with that, and
/// keep the parser's detail in brackets, in words, for whoever has to fix the file.
fn plain_error(e: &str) -> String {
    let e = e.trim_end_matches('.');
    match e.strip_prefix("not JSON: ") {
        Some(detail) => {
            let mut detail = detail.to_string();
            for (parser, words) in [
                ("EOF while parsing", "the text ends inside"),
                ("expected value", "no JSON value starts"),
                ("expected ident", "a word other than true, false or null"),
                ("trailing characters", "more text after the end"),
            ] {
                if let Some(rest) = detail.strip_prefix(parser) {
                    detail = words.to_string() + rest;
                }
            }
            format!("not JSON, so it is not a scorecard, a Greenhouse scorecard or a share link ({detail})")
        }
        None => e.to_string(),
    }
}

/// An imported document that names no candidate or interviewer (a Greenhouse scorecard names
/// the candidate by an id at most) keeps the open card's, and its step and date, as the host's
/// `setValue` does (`Scorecard::fill_missing_from`): else Replace would make the card a nameless
/// one, under another key, with the card it replaced gone from storage. The question then names
/// them. A card still without a candidate's name (none, or an ATS's id only, which may not be
/// the open card's candidate) comes in as a draft, for the interviewer to name it: Submit
/// refuses a card without one, and a submitted card's name could not be typed.
fn keep_names(imported: &mut Imported, open: &crate::core::Scorecard) {
    let card = &mut imported.card;
    card.fill_missing_from(open);
    if card.submitted_at.is_some() && card.candidate.name.trim().is_empty() {
        card.submitted_at = None;
        imported
            .warnings
            .push("It was submitted without a candidate's name: it comes in as a draft, to name and submit.".into());
    }
}

/// A name in the import question: isolated (`bidi_isolate`), so that a direction override in
/// it cannot reorder the question.
fn or_unknown(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_empty() {
        "an unnamed person".into()
    } else {
        bidi_isolate(s)
    }
}
