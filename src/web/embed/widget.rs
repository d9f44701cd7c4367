//! The widget's side of the page: `mount`, the [`Widget`] handle, and the standalone and
//! committee pages. See the module docs of [`crate::web::embed`].

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use serde_json::{Map, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use crate::core::interchange::read_value;
use crate::core::scorecard::MAX_FIELD_CHARS;
use crate::core::{Recommendation, Rubric, Scorecard};
use crate::web::app::{Preset, Scorer, ScorerSettings};
use crate::web::components::button;
use crate::web::storage::{DraftStore, Loaded};

/// How long `scorecard:change` waits for typing to pause.
const CHANGE_DEBOUNCE_MS: u32 = 300;

/// Options a host passes to `mount` and `update` (JSON-shaped, camelCase keys; an unknown key is
/// refused by name, with the option it is probably a misspelling of, and so is a known key of
/// the wrong type).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EmbedOptions {
    /// An inline rubric object (a URL is resolved by the JavaScript wrapper before it gets here);
    /// `null` is the embedded default rubric.
    pub rubric: Option<Value>,
    pub candidate: Option<String>,
    pub interviewer: Option<String>,
    pub step: Option<String>,
    /// An initial scorecard document.
    pub value: Option<Value>,
    pub read_only: Option<bool>,
    pub autosave: Option<bool>,
    /// The theme's class, `sc-theme-light` or `sc-theme-dark`; `Some(None)` (`null`): the
    /// system's light or dark.
    pub theme: Option<Option<&'static str>>,
}

impl EmbedOptions {
    /// Reads options from their JSON (`null` or missing: all defaults). Written out rather than
    /// derived: a derived reader costs the widget about 5 KB of wasm.
    pub fn from_value(value: &Value) -> Result<EmbedOptions, String> {
        let o = match value {
            Value::Null => return Ok(EmbedOptions::default()),
            Value::Object(o) => o,
            _ => return Err("expected an object of options".into()),
        };
        // An option spelled otherwise (`readonly` for `readOnly`) would be ignored, leaving an
        // editable card the host meant to lock: refuse it, naming what it is probably meant as.
        for key in o.keys() {
            if !OPTIONS.contains(&key.as_str()) {
                let hint = if key == "density" { " (set the class sc-m-compact on the element)" } else { "" };
                let near = near(key, &OPTIONS).map_or_else(String::new, |k| format!("; did you mean {k}?"));
                return Err(format!("{key}: not an option{hint}{near}; the options are rubric, candidate, interviewer, step, value (mount only), readOnly, autosave, theme"));
            }
        }
        let given = |key: &str| o.get(key).filter(|v| !v.is_null());
        // Names and the step have the document's limit: the card must read back in (`setValue`).
        let text = |key: &str, path: &str| match given(key) {
            None => Ok(None),
            Some(Value::String(s)) => match s.chars().count() {
                n if n > MAX_FIELD_CHARS => Err(format!("{path}: {n} characters; the limit is {MAX_FIELD_CHARS}")),
                _ => Ok(Some(s.clone())),
            },
            Some(_) => Err(format!("{key}: expected text")),
        };
        let flag = |key: &str| match given(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(format!("{key}: expected true or false")),
        };
        Ok(EmbedOptions {
            // An explicit `null` is kept: `update({ rubric: null })` goes back to the default.
            rubric: o.get("rubric").cloned(),
            candidate: text("candidate", "candidate.name")?,
            interviewer: text("interviewer", "interviewer.name")?,
            step: text("step", "interview.step")?,
            value: given("value").cloned(),
            read_only: flag("readOnly")?,
            autosave: flag("autosave")?,
            theme: match o.get("theme") {
                None => None,
                Some(Value::Null) => Some(None),
                Some(v) => {
                    Some(Some(v.as_str().and_then(theme_class).ok_or("theme: expected \"light\", \"dark\" or null")?))
                }
            },
        })
    }
}

/// The host's names and step: each option's key, its path in the document (how a refusal of its
/// length begins) and what the interviewer calls it.
const NAMED: [(&str, &str, &str); 3] = [
    ("candidate", "candidate.name", "candidate"),
    ("interviewer", "interviewer.name", "interviewer"),
    ("step", "interview.step", "interview step"),
];

/// The keys of [`EmbedOptions`], as JavaScript spells them.
const OPTIONS: [&str; 8] = ["rubric", "candidate", "interviewer", "step", "value", "readOnly", "autosave", "theme"];

/// The events a host can listen to.
const EVENTS: [&str; 5] =
    ["scorecard:ready", "scorecard:rubric", "scorecard:change", "scorecard:submit", "scorecard:error"];

/// The name among `known` that `name` is probably a misspelling of: case aside, the two share
/// all but at most two characters of the longer, at its start and its end (`readonly`,
/// `candidat`, `scorecard:chnage`). Cheaper than an edit distance, which is all it needs to be.
fn near<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    let a = name.as_bytes();
    known.iter().copied().find(|k| {
        let b = k.as_bytes();
        let same = |(x, y): &(&u8, &u8)| x.eq_ignore_ascii_case(y);
        let shared =
            a.iter().zip(b).take_while(same).count() + a.iter().rev().zip(b.iter().rev()).take_while(same).count();
        a.len().max(b.len()) <= shared.min(a.len().min(b.len())) + 2
    })
}

/// What the host hears about, by event name.
type Listeners = Rc<RefCell<Vec<(String, js_sys::Function)>>>;

/// Props of [`Root`].
#[derive(Properties, PartialEq, Clone)]
pub struct RootProps {
    /// The rubric, or the reason it could not be loaded.
    pub rubric: Result<Rc<Rubric>, String>,
    /// Everything else the scorer is set up with.
    #[prop_or_default]
    pub settings: ScorerSettings,
    /// A scorecard opened from a share link (`#sc1=…`), or why the link could not be read.
    #[prop_or_default]
    pub shared: Option<Result<Rc<Scorecard>, String>>,
    /// Counts the host's changes of rubric, so that a rubric changed in content but not in id
    /// or version still mounts a new scorer.
    #[prop_or_default]
    pub rubric_generation: u32,
    /// Set by `destroy`. Yew creates and renders a root on its scheduler's next run, after the
    /// turn that mounted it: a widget destroyed before that (mount, destroy and mount again in
    /// one turn, as React StrictMode does) would otherwise still render, editable and saving.
    #[prop_or_default]
    pub gone: Rc<Cell<bool>>,
    /// Why the host's last request for another candidate, interviewer or step was refused
    /// (`update`): said above the scorer, which is still the card named on it, until an update
    /// is accepted (the host's page may name the one it asked for meanwhile).
    #[prop_or_default]
    pub refused: Option<String>,
    /// Whether the host's last request for another rubric could not be read (`update`): said
    /// above the scorer, which stays on its rubric with what was typed, until a rubric is accepted.
    #[prop_or_default]
    pub rubric_refused: bool,
}

/// Whether the shared view asks to replace the draft, and the answer last given (see
/// [`shared_view`]). Kept by `Root`, whose hooks they are.
struct SharedAsk {
    asking: UseStateHandle<bool>,
    answered: UseStateHandle<Option<bool>>,
}

/// A scorecard opened from a share link: read-only, with an offer to import it as a draft. A
/// broken link says why and shows the interviewer's own scorecard instead. (A view function of
/// `Root`'s, which keeps its state: a component type of its own costs the widget more wasm.)
fn shared_view(shared: &Result<Rc<Scorecard>, String>, rubric: &Result<Rc<Rubric>, String>, ask: SharedAsk) -> Html {
    let SharedAsk { asking, answered } = ask;
    let rubric = match rubric {
        Ok(r) => r.clone(),
        Err(_) => return rubric_error(),
    };
    let card = match shared {
        Ok(card) => card.clone(),
        Err(e) => {
            return html! {
                <>
                    <div class="sc-app sc-shared"><p class="sc-notice" role="alert">{ format!("This share link could not be opened: {e}. Nothing was changed; your own scorecard is below.") }</p></div>
                    <Scorer rubric={rubric} />
                </>
            }
        }
    };
    let store = crate::web::storage::DraftStore::open();
    let key = crate::web::storage::DraftStore::card_key(&rubric.id, &card);
    let exists = store.get(&key).is_some();
    let import = {
        let (card, rubric, key) = (card.clone(), rubric.clone(), key.clone());
        Callback::from(move |_: MouseEvent| {
            let store = crate::web::storage::DraftStore::open();
            let mut draft = (*card).clone();
            draft.submitted_at = None;
            let saved = store
                .set(&key, &draft.to_json())
                .and_then(|_| store.set(&crate::web::storage::DraftStore::last_key(&rubric.id), &key));
            if let Some(w) = web_sys::window() {
                match saved {
                    Ok(()) => {
                        // The draft restored says where it came from (see `restore`).
                        if let Ok(Some(s)) = w.session_storage() {
                            let _ = s.set_item(crate::web::app::AFTER_SWITCH, crate::web::app::FROM_LINK);
                        }
                        let _ = w.location().set_hash("");
                        let _ = w.location().reload();
                    }
                    Err(e) => {
                        let _ = w.alert_with_message(&format!(
                            "The scorecard could not be saved as a draft: {e}. Download it as JSON instead."
                        ));
                    }
                }
            }
        })
    };
    let ask = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(true))
    };
    let cancel = {
        let (asking, answered) = (asking.clone(), answered.clone());
        Callback::from(move |()| {
            asking.set(false);
            answered.set(Some(false));
        })
    };
    // Escape answers the question as Cancel does.
    let on_escape = {
        let cancel = cancel.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                cancel.emit(());
            }
        })
    };
    let cancel = cancel.reform(|_: MouseEvent| ());
    html! {
        <>
            <div class="sc-app sc-shared">
                <div class="sc-notice" role="status">
                    <span>{ "You are viewing a shared scorecard. It is read-only here; it came inside the link and was never sent to a server." }</span>
                    if *asking {
                        <span class="sc-toolbar__actions" onkeydown={on_escape}>
                            <span>{ "Replace your draft for this candidate, interviewer and step?" }</span>
                            { button("sc-button sc-m-primary", Some("sc-shared-replace".into()), import.clone(), "Replace and import") }
                            { button("sc-button", None, cancel, "Cancel") }
                        </span>
                    } else {
                        { button("sc-button sc-m-primary", Some("sc-shared-import".into()), if exists { ask } else { import }, "Import as my draft") }
                    }
                </div>
            </div>
            <Scorer {rubric} settings={ScorerSettings { value: Some((0, card)), read_only: true, autosave: false, ..ScorerSettings::default() }} />
        </>
    }
}

/// The top of the app: the scorer, or a clear error when the rubric does not load.
#[function_component]
pub fn Root(props: &RootProps) -> Html {
    // The shared view's question (see `shared_view`).
    let asking = use_state(|| false);
    // The button pressed goes as the question comes, and back: the keyboard follows, to the
    // question's first answer, then back to the offer (`None`: the page has just opened).
    let answered = use_state(|| None::<bool>);
    use_effect_with((*asking, *answered), |&(asking, answered)| {
        let target = match (asking, answered) {
            (true, _) => Some("sc-shared-replace"),
            (false, Some(_)) => Some("sc-shared-import"),
            (false, None) => None,
        };
        let el = target.and_then(|id| web_sys::window()?.document()?.get_element_by_id(id));
        if let Some(b) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = b.focus();
        }
    });
    if props.gone.get() {
        return html! {};
    }
    if let Some(shared) = &props.shared {
        return shared_view(shared, &props.rubric, SharedAsk { asking, answered });
    }
    match &props.rubric {
        Ok(rubric) => {
            // Another rubric, candidate, interviewer or step from the host is another scorecard:
            // a new scorer mounts and restores that one's draft, and the one before stays saved
            // under its own key (it used to be renamed, carrying its ratings to the next candidate).
            let p = &props.settings.preset;
            let part = |v: &Option<String>| v.as_deref().map_or_else(|| "\u{0}".to_string(), |s| format!("={s}"));
            let key = format!(
                "{}@{}#{}\u{1f}{}\u{1f}{}\u{1f}{}",
                rubric.id,
                rubric.version,
                props.rubric_generation,
                part(&p.candidate),
                part(&p.interviewer),
                part(&p.step)
            );
            // Where the element says a rubric did not load (scorecard-element.js), and as it
            // does. (The scorer in a list of its own: its key never meets the notice's place.)
            // Not kept in view while the cards scroll, nor scrolled to: `role="alert"` says it
            // when it comes; the interviewer can do nothing about it but tell someone, so a
            // sticky banner would cover the cards for the rest of the interview (on a phone, and
            // over the sticky panel beside them); and the host's page scrolls only when it asks.
            html! {
                <>
                    if let Some(text) = &props.refused { { alert(text.clone()) } }
                    // For the interviewer: what happened and what to do. The integrator's detail is
                    // in `scorecard:error` and the console (`update`).
                    if props.rubric_refused { { alert(format!("The page asked for another rubric, which could not be read: this scorecard stays on {}. Please tell whoever looks after this page.", rubric.title)) } }
                    <><Scorer {key} rubric={rubric.clone()} settings={props.settings.clone()} /></>
                </>
            }
        }
        Err(_) => rubric_error(),
    }
}

/// What the widget shows when its rubric does not load: for the interviewer, who can do nothing
/// about it but tell someone. The integrator's detail is in `scorecard:error` and the
/// console (`mount`).
fn rubric_error() -> Html {
    alert("This scorecard cannot open: the rubric this page gave it could not be read. Please tell whoever looks after this page.".into())
}

/// `message`, said in the console too: a rubric the interviewer is told only that it could not be
/// read, whose detail the integrator may not be listening for.
fn logged(message: String) -> String {
    web_sys::console::error_2(&"scorecard:".into(), &message.as_str().into());
    message
}

/// A notice in the widget's frame, above the scorer or in its place, read out as it appears.
fn alert(text: String) -> Html {
    html! { <div class="sc-app"><p class="sc-notice" role="alert">{ text }</p></div> }
}

/// Mounted widgets on this page, for unique element ids.
static NEXT_ID: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);

/// A mounted widget, as the host page holds it.
#[cfg_attr(feature = "widget", wasm_bindgen)]
pub struct Widget {
    handle: RefCell<Option<yew::AppHandle<Root>>>,
    props: RefCell<RootProps>,
    element: Element,
    listeners: Listeners,
    value: Rc<RefCell<Scorecard>>,
    generation: Cell<u32>,
    pending: Pending,
    /// Whether a `theme` option set the element's theme class, which `destroy` then removes.
    themed: Cell<bool>,
}

/// A card and its recommendation, as `scorecard:change` reports them.
type Change = (Scorecard, Rc<Recommendation>);

/// A change the host has not heard of yet (`scorecard:change` waits for a pause in typing), and
/// the timer that will tell it.
#[derive(Clone, Default)]
struct Pending {
    change: Rc<RefCell<Option<Change>>>,
    timer: Rc<RefCell<Option<Timeout>>>,
    /// Whether a `setValue` has not reached the scorer yet (no card reported since).
    unshown: Rc<Cell<bool>>,
    /// The rubric the next scorer shows, as `scorecard:ready` and `scorecard:rubric` name it.
    rubric: Rc<RefCell<Value>>,
    /// What the next scorer's first card tells the host once it is on screen: `scorecard:ready`
    /// (the widget's first), `scorecard:rubric` (a rubric switched to later), or nothing ("").
    announce: Rc<Cell<&'static str>>,
}

impl Pending {
    /// The change the host has not heard of yet, taken (and its timer stopped).
    fn take(&self) -> Option<Change> {
        self.timer.borrow_mut().take();
        self.change.borrow_mut().take()
    }
}

/// Parses a JavaScript value as JSON through `JSON.stringify` (no serde glue in the wasm).
fn to_json(value: &JsValue) -> Result<Value, String> {
    let text = js_sys::JSON::stringify(value).map_err(|_| "options could not be read as JSON".to_string())?;
    let text = text.as_string().unwrap_or_default();
    if text.is_empty() || text == "undefined" {
        return Ok(Value::Null);
    }
    crate::core::json::parse(&text).map_err(|e| format!("options are not JSON: {e}"))
}

/// Turns JSON into a JavaScript object for an event's `detail`.
fn to_js(value: &Value) -> JsValue {
    js_sys::JSON::parse(&crate::core::json::to_text(value)).unwrap_or(JsValue::NULL)
}

fn js_error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

/// Tells the host: a bubbling, composed `CustomEvent` on `element` and every `on(...)` callback.
fn emit(element: &Element, listeners: &Listeners, name: &str, detail: &Value) {
    let detail = to_js(detail);
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = element.dispatch_event(&event);
    }
    // Clone first: a callback may call `off`, which borrows the list.
    let callbacks: Vec<js_sys::Function> =
        listeners.borrow().iter().filter(|(n, _)| n == name).map(|(_, f)| f.clone()).collect();
    for f in callbacks {
        if let Err(e) = f.call1(&JsValue::NULL, &detail) {
            report(&e);
        }
    }
}

/// The classes of the light and dark themes (styles/tokens.css), which a host may also set itself.
const THEMES: [&str; 2] = ["sc-theme-light", "sc-theme-dark"];

/// The class of the theme named `name` ("light" or "dark").
fn theme_class(name: &str) -> Option<&'static str> {
    match name {
        "light" => Some(THEMES[0]),
        "dark" => Some(THEMES[1]),
        _ => None,
    }
}

/// Sets the class of a theme (one of [`THEMES`]) on `element`; `None`: the system's light or dark.
fn set_theme(element: &Element, theme: Option<&str>) {
    let classes = element.class_list();
    for t in THEMES {
        let _ = classes.remove_1(t);
    }
    if let Some(t) = theme {
        let _ = classes.add_1(t);
    }
}

/// [`emit`] on the next turn, unless the widget is `gone` by then.
fn emit_later(element: &Element, listeners: &Listeners, gone: &Rc<Cell<bool>>, name: &'static str, detail: Value) {
    let (element, listeners, gone) = (element.clone(), listeners.clone(), gone.clone());
    Timeout::new(
        0,
        crate::web::once(move || {
            if !gone.get() {
                emit(&element, &listeners, name, &detail);
            }
        }),
    )
    .forget();
}

/// Reports an exception a host's listener threw, as the browser reports one thrown in an event
/// listener (`reportError`: the console and the window's `error` event), and carries on.
fn report(error: &JsValue) {
    let global = js_sys::global();
    match js_sys::Reflect::get(&global, &"reportError".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        Some(f) => drop(f.call1(&global, error)),
        None => web_sys::console::error_2(&"scorecard: a listener threw".into(), error),
    }
}

/// A JSON object from its fields. Built directly rather than with `json!`, which calls
/// `to_value(..).unwrap()` for every field that is not a literal: the unwrap's panic message
/// formatting costs the widget kilobytes of wasm.
fn object<const N: usize>(fields: [(&str, Value); N]) -> Value {
    let mut map = Map::new();
    for (key, value) in fields {
        map.insert(key.to_string(), value);
    }
    Value::Object(map)
}

/// `{ "message": text }`, the payload of error events.
fn error_detail(text: String) -> Value {
    object([("message", Value::String(text))])
}

/// The `{ rubric: { id, version } }` payload of ready and rubric events.
fn rubric_detail(rubric: &Rubric) -> Value {
    object([("rubric", object([("id", Value::from(rubric.id.clone())), ("version", Value::from(rubric.version))]))])
}

/// The `{ value, recommendation }` payload of change and submit events.
fn card_payload(card: &Scorecard, recommendation: &Recommendation) -> Value {
    object([("value", card.to_value()), ("recommendation", recommendation.to_value())])
}

fn rubric_from(options: &EmbedOptions) -> Result<Rc<Rubric>, String> {
    match &options.rubric {
        // Text where a rubric object belongs (`mount`'s JavaScript fetches URLs before this, and
        // passes documents on): a rubric's JSON text is read; anything else is named for what it is.
        // After a NUL, the reason `mount`'s JavaScript could not load a rubric URL: shown and told
        // as the reason a rubric object cannot be read is.
        Some(Value::String(s)) if s.starts_with('\0') => Err(s[1..].to_string()),
        Some(Value::String(s)) if s.trim_start().starts_with('{') => Rubric::from_json(s).map(Rc::new).map_err(|e| e.to_string()),
        Some(Value::String(s)) if s.bytes().any(|b| b == b'\n') => Err("this is a ladder document (text), not a rubric file: `scorecard rubric LADDER.txt > rubric.json` converts it to one".into()),
        Some(Value::String(s)) => Err(format!(
            "\"{s}\" is text, not a rubric object: a rubric URL is taken only by mount() and the element's rubric attribute; fetch it and pass the object"
        )),
        Some(v @ (Value::Number(_) | Value::Bool(_) | Value::Array(_))) => Err(crate::core::scorecard::expected("a rubric object, its JSON text or (for mount()) its URL", v)),
        Some(v) if !v.is_null() => Rubric::from_json(&crate::core::json::to_text(v)).map(Rc::new).map_err(|e| e.to_string()),
        _ => Rubric::default_rubric().map(Rc::new).map_err(|e| e.to_string()),
    }
}

/// `mount`'s `value`, with what it leaves out (candidate, interviewer, step) taken from the
/// host's options: only `format`, `version` and `ratings` are required, and a minimal document
/// must not blank the names the host gave (nor move the draft to a nameless key). (`setValue`
/// takes them, and the date, from the card shown.)
fn with_preset(mut card: Scorecard, preset: &Preset) -> Scorecard {
    card.fill_missing_from(&named(Scorecard::default(), preset));
    card
}

/// `card` with the host's names and step (none given: empty).
fn named(mut card: Scorecard, preset: &Preset) -> Scorecard {
    card.candidate.name = preset.candidate.clone().unwrap_or_default();
    card.interviewer.name = preset.interviewer.clone().unwrap_or_default();
    card.interview.step = preset.step.clone().unwrap_or_default();
    card
}

/// The card a scorer mounted with these settings shows first, as `Scorer` restores it (app.rs):
/// when autosaving, the saved draft of these names (for a card without both names, the one open
/// last; for a step, also a draft saved before the step was in its key), else a new card. So
/// `getValue` answers for the scorecard `update` switched to at once, before Yew renders it.
fn first_card(rubric: &Rubric, preset: &Preset, autosave: bool) -> Scorecard {
    let mut card = named(Scorecard::new(rubric), preset);
    card.interview.date = crate::web::app::today();
    if !autosave {
        return card;
    }
    let store = DraftStore::open();
    // The draft the scorer's `restore` opens, read by the same `load_draft`.
    let saved =
        crate::web::app::draft_to_open(&store, &rubric.id, &card, preset).and_then(|(key, adopted)| {
            match store.load_draft(&key, rubric) {
                Loaded::Draft(saved) => (!adopted
                    || DraftStore::key_part(&saved.interview.step) == DraftStore::key_part(&card.interview.step))
                .then_some(saved),
                Loaded::Nothing | Loaded::Corrupt { .. } => None,
            }
        });
    saved.unwrap_or(card)
}

/// [`crate::web::app::conflict`] said to the host: `… the document` ends it.
fn conflict(card: &Scorecard, preset: &Preset, shown: Option<&Scorecard>) -> Option<String> {
    let (field, given, option) = crate::web::app::conflict(card, preset, shown)?;
    Some(format!(
        "its {field} is \"{given}\" but the {field} option is \"{option}\"; give the same in both, or leave it out of"
    ))
}

thread_local! {
    /// The elements that hold a live widget: a second `mount` into one is refused.
    static LIVE: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

/// Mounts a scorer into `element` with the given options and returns its handle.
#[cfg_attr(feature = "widget", wasm_bindgen)]
pub fn mount(element: Element, options: JsValue) -> Result<Widget, JsValue> {
    if LIVE.with(|live| live.borrow().iter().any(|e| js_sys::Object::is(e, &element))) {
        return Err(js_error("mount: this element already holds a live scorecard widget; destroy() its handle first, or mount into another element"));
    }
    let raw = to_json(&options).map_err(|e| js_error(&e))?;
    let options = EmbedOptions::from_value(&raw).map_err(|e| js_error(&format!("mount options: {e}")))?;
    let listeners: Listeners = Rc::new(RefCell::new(Vec::new()));
    let rubric = rubric_from(&options);
    let preset = Preset {
        candidate: options.candidate.clone(),
        interviewer: options.interviewer.clone(),
        step: options.step.clone(),
    };
    let mut initial = None;
    if let (Some(v), Ok(r)) = (&options.value, &rubric) {
        let card = read_value(v.clone(), r).map_err(|e| js_error(&format!("value: {e}")))?;
        if let Some(message) = conflict(&card, &preset, None) {
            return Err(js_error(&format!("mount options: value: {message} value")));
        }
        initial = Some((0, Rc::new(with_preset(card, &preset))));
    }
    // What `getValue` answers until the scorer reports its first card: that card already.
    let first = match (&initial, &rubric) {
        (Some((_, card)), _) => (**card).clone(),
        (None, Ok(r)) => first_card(r, &preset, options.autosave.unwrap_or(true)),
        _ => Scorecard::default(),
    };
    let value = Rc::new(RefCell::new(first));
    let id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);

    let pending = Pending::default();
    pending.announce.set("scorecard:ready");
    if let Ok(r) = &rubric {
        *pending.rubric.borrow_mut() = rubric_detail(r);
    }
    let gone: Rc<Cell<bool>> = Rc::default();
    let on_change = {
        let (element, listeners, value, pending, gone) =
            (element.clone(), listeners.clone(), value.clone(), pending.clone(), gone.clone());
        Callback::from(move |(card, recommendation, opened): (Scorecard, Rc<Recommendation>, bool)| {
            // A card reported while a host's `setValue` has not reached the scorer yet (the
            // scorer's effects of the card before it, run late) is older than that value:
            // `getValue` keeps answering with the value set.
            if !pending.unshown.replace(false) {
                *value.borrow_mut() = card.clone();
            }
            // The card as a scorer opened it (its mount: new, the host's value or the saved
            // draft; or a draft restored when autosave is turned on) is not a change: the host
            // hears about changes only, and, once a new scorer's rubric is on screen, which one it
            // is (once, on the next turn, out of Yew's effects: a listener may call the handle).
            if opened {
                let name = pending.announce.replace("");
                if !name.is_empty() {
                    emit_later(&element, &listeners, &gone, name, pending.rubric.borrow().clone());
                }
                return;
            }
            *pending.change.borrow_mut() = Some((card, recommendation));
            let (element, listeners, pending_change) = (element.clone(), listeners.clone(), pending.change.clone());
            // Replacing the timeout cancels the previous one: one event per pause in typing.
            *pending.timer.borrow_mut() = Some(Timeout::new(
                CHANGE_DEBOUNCE_MS,
                crate::web::once(move || {
                    let change = pending_change.borrow_mut().take();
                    if let Some((card, recommendation)) = change {
                        emit(&element, &listeners, "scorecard:change", &card_payload(&card, &recommendation));
                    }
                }),
            ));
        })
    };
    let on_submit = {
        let (element, listeners) = (element.clone(), listeners.clone());
        Callback::from(move |(card, recommendation): (Scorecard, Rc<Recommendation>)| {
            emit(&element, &listeners, "scorecard:submit", &card_payload(&card, &recommendation));
        })
    };
    let props = RootProps {
        rubric: rubric.clone(),
        settings: ScorerSettings {
            // The first widget on a page keeps the plain prefix, so the standalone page's ids are stable.
            id_prefix: if id == 1 { AttrValue::Static("sc") } else { AttrValue::from(format!("sc{id}")) },
            preset,
            value: initial,
            read_only: options.read_only.unwrap_or(false),
            autosave: options.autosave.unwrap_or(true),
            on_change,
            on_submit,
        },
        shared: None,
        rubric_generation: 0,
        gone: gone.clone(),
        refused: None,
        rubric_refused: false,
    };
    LIVE.with(|live| live.borrow_mut().push(element.clone()));
    // The theme's default tokens hang off this class (styles/tokens.css).
    let _ = element.class_list().add_1("sc-theme");
    if let Some(t) = options.theme {
        set_theme(&element, t);
    }
    let handle = yew::Renderer::<Root>::with_root_and_props(element.clone(), props.clone()).render();
    super::loader::keep_panel_top(&element);
    let widget = Widget {
        handle: RefCell::new(Some(handle)),
        props: RefCell::new(props),
        element: element.clone(),
        listeners: listeners.clone(),
        value,
        generation: Cell::new(1),
        pending,
        themed: Cell::new(options.theme.is_some()),
    };
    // `scorecard:ready` is told once the scorer is on screen (`on_change`); a rubric that does
    // not load is told on the next turn, so that `on(...)` set right after `mount` hears either.
    if let Err(e) = rubric {
        emit_later(
            &element,
            &listeners,
            &gone,
            "scorecard:error",
            error_detail(logged(format!("The rubric could not be loaded: {e}"))),
        );
    }
    Ok(widget)
}

// Every method takes `&self`, its state in cells: a host's listener, called from inside a
// method (a change told at a switch or at destroy, an error event), may call the handle again,
// and wasm-bindgen refuses a second call into an object that one holds `&mut`. No cell is
// borrowed while a listener runs.
#[cfg_attr(feature = "widget", wasm_bindgen)]
impl Widget {
    /// The current scorecard document.
    #[cfg_attr(feature = "widget", wasm_bindgen(js_name = getValue))]
    pub fn get_value(&self) -> Result<JsValue, JsValue> {
        self.alive()?;
        Ok(to_js(&self.value.borrow().to_value()))
    }

    /// Replaces the scorecard. What the document leaves out (names, step, date) is taken from
    /// the card shown. An invalid document, or one naming another candidate, interviewer or step than the
    /// host's options (as `mount` refuses its `value`), is refused with an error naming the field
    /// (also sent as `scorecard:error`), and the current card is left untouched.
    #[cfg_attr(feature = "widget", wasm_bindgen(js_name = setValue))]
    pub fn set_value(&self, value: JsValue) -> Result<(), JsValue> {
        self.alive()?;
        // Read before any cell is borrowed: `JSON.stringify` runs the host's `toJSON`s.
        let value = to_json(&value);
        let result = {
            let (props, shown) = (self.props.borrow(), self.value.borrow());
            value.and_then(|v| {
                let rubric = props.rubric.as_ref().map_err(|e| e.clone())?;
                let mut card = read_value(v, rubric).map_err(|e| e.to_string())?;
                if let Some(message) = conflict(&card, &props.settings.preset, Some(&shown)) {
                    return Err(format!("{message} the document"));
                }
                card.fill_missing_from(&shown);
                Ok(card)
            })
        };
        match result {
            Ok(card) => {
                // A card equal to the one shown changes nothing, and the scorer will not report it.
                let differs = *self.value.borrow() != card;
                self.pending.unshown.set(differs);
                self.generation.set(self.generation.get() + 1);
                *self.value.borrow_mut() = card.clone();
                self.props.borrow_mut().settings.value = Some((self.generation.get(), Rc::new(card)));
                self.rerender();
                Ok(())
            }
            Err(message) => {
                emit(&self.element, &self.listeners, "scorecard:error", &error_detail(format!("setValue: {message}")));
                Err(js_error(&format!("setValue: {message}")))
            }
        }
    }

    /// Changes options after mounting: candidate, interviewer, step, readOnly, autosave, theme
    /// (`"light"`, `"dark"`, `null`: the system's), rubric (`null`: back to the embedded default).
    pub fn update(&self, options: JsValue) -> Result<(), JsValue> {
        self.alive()?;
        let o = to_json(&options)
            .and_then(|raw| EmbedOptions::from_value(&raw))
            .map_err(|e| format!("update options: {e}"));
        // Everything is checked before anything changes: a refused update changes nothing.
        let mut unread = false;
        let checked = o.and_then(|o| {
            if o.value.is_some() {
                return Err("update options: value: use setValue(doc) to replace the scorecard".to_string());
            }
            let rubric = match &o.rubric {
                // (A reason after a NUL is the custom element's: a rubric URL that did not load, told as it is.)
                Some(r) => Some(rubric_from(&o).map_err(|e| {
                    unread = true;
                    if matches!(r, Value::String(s) if s.starts_with('\0')) {
                        e
                    } else {
                        format!("update: the rubric could not be loaded: {e}")
                    }
                })?),
                None => None,
            };
            Ok((o, rubric))
        });
        let (o, rubric) = match checked {
            Ok(ok) => ok,
            Err(message) => {
                // Another candidate, interviewer or step refused (a name over the limit): the
                // host's page may name it already, so the card says it is still the one named
                // on it. (The host hears why, as of any refusal.)
                let said = message.strip_prefix("update options: ").and_then(|m| {
                    NAMED.iter().find_map(|&(key, path, label)| {
                        Some((label, m.strip_prefix(path).or_else(|| m.strip_prefix(key))?.strip_prefix(": ")?))
                    })
                });
                if let Some((label, why)) = said {
                    self.props.borrow_mut().refused = Some(format!("The page asked for another {label}, whose name was refused: {why}. This scorecard is still the one named on it."));
                }
                // A rubric that cannot be read is said above the card too (`Root`), or the
                // interviewer would see nothing of it (an iframe's parent, a host that handles no
                // errors), and its detail in the console.
                if unread {
                    self.props.borrow_mut().rubric_refused = true;
                    logged(message.clone());
                }
                if said.is_some() || unread {
                    self.rerender();
                }
                emit(&self.element, &self.listeners, "scorecard:error", &error_detail(message.clone()));
                return Err(js_error(&message));
            }
        };
        // The scorecard being left, as it was set up: a value it never showed is saved under
        // its own names if it was autosaving.
        let (left, switched) = {
            let mut props = self.props.borrow_mut();
            // A name accepted now is the host's answer to the refusal; a theme or a read-only
            // switch is not (the card is still not the one the page names).
            if o.candidate.is_some() || o.interviewer.is_some() || o.step.is_some() {
                props.refused = None;
            }
            // A rubric accepted (the one shown, or the default, included) is the answer to one refused.
            props.rubric_refused &= rubric.is_none();
            let left = (props.rubric.as_ref().ok().map(|r| r.id.clone()), props.settings.autosave);
            let settings = &mut props.settings;
            let before = settings.preset.clone();
            let preset = &mut settings.preset;
            if o.candidate.is_some() {
                preset.candidate = o.candidate;
            }
            if o.interviewer.is_some() {
                preset.interviewer = o.interviewer;
            }
            if o.step.is_some() {
                preset.step = o.step;
            }
            if let Some(r) = o.read_only {
                settings.read_only = r;
            }
            if let Some(a) = o.autosave {
                settings.autosave = a;
            }
            if let Some(t) = o.theme {
                set_theme(&self.element, t);
                self.themed.set(true);
            }
            let mut switched = before != props.settings.preset;
            // The same content is the same rubric, whatever its text (`Rubric`'s `PartialEq`): a
            // host passing its configuration again switches nothing.
            if let Some(r) = rubric.filter(|r| props.rubric.as_ref().ok() != Some(r)) {
                // Told once the new rubric is on screen; before the first, `scorecard:ready` names it.
                *self.pending.rubric.borrow_mut() = rubric_detail(&r);
                if self.pending.announce.get() != "scorecard:ready" {
                    self.pending.announce.set("scorecard:rubric");
                }
                props.rubric = Ok(r);
                props.rubric_generation += 1;
                switched = true;
            }
            (left, switched)
        };
        if switched {
            // Another scorecard (see `Root`). The host hears the last change of the one it
            // leaves now, not after a pause that the switch would cut short; the new scorer's
            // first card is its mount, not a change.
            self.flush();
            // A value set for the previous scorecard does not carry over. One the scorer never
            // showed (set just before this switch, in the same turn) is saved as the scorer
            // would have saved it.
            let value = self.props.borrow_mut().settings.value.take();
            if let (Some((_, card)), true, (Some(rubric_id), true)) = (value, self.pending.unshown.replace(false), left)
            {
                let store = crate::web::storage::DraftStore::open();
                let _ = crate::web::app::save(&store, &RefCell::new(None), &rubric_id, &card, &[]);
            }
            // `getValue` answers for the scorecard switched to from now on, not once Yew has
            // rendered it (its scorer reports the same card when it mounts).
            let props = self.props.borrow();
            if let Ok(rubric) = &props.rubric {
                *self.value.borrow_mut() = first_card(rubric, &props.settings.preset, props.settings.autosave);
            }
        }
        self.rerender();
        Ok(())
    }

    /// Calls `callback(detail)` for every event named `event`. An unknown event name (one that
    /// would never fire) and a callback that is not a function are refused.
    pub fn on(&self, event: String, callback: JsValue) -> Result<(), JsValue> {
        self.alive()?;
        let callback = check_listener("on", &event, callback)?;
        self.listeners.borrow_mut().push((event, callback));
        Ok(())
    }

    /// Stops calling `callback` for `event` (after `destroy`, there is nothing left to stop). An
    /// unknown event name and a callback that is not a function are refused, as by `on`: either
    /// is a host's bug (it meant the function it passed to `on`), which a silent no-op would hide.
    pub fn off(&self, event: String, callback: JsValue) -> Result<(), JsValue> {
        let callback = check_listener("off", &event, callback)?;
        self.listeners.borrow_mut().retain(|(n, f)| !(n == &event && *f == callback));
        Ok(())
    }

    /// Unmounts the widget, empties its element and drops every listener. A change the host has
    /// not heard of yet is told first: removing the widget within the pause after typing must
    /// not lose the last edit. The handle refuses every call after this.
    pub fn destroy(&self) {
        if self.handle.borrow().is_none() {
            return;
        }
        // Told while the handle still answers: the listener may read it.
        self.flush();
        let Some(h) = self.handle.borrow_mut().take() else { return };
        self.props.borrow().gone.set(true);
        h.destroy();
        LIVE.with(|live| live.borrow_mut().retain(|e| !js_sys::Object::is(e, &self.element)));
        self.listeners.borrow_mut().clear();
        self.element.set_inner_html("");
        let _ = self.element.class_list().remove_1("sc-theme");
        if self.themed.get() {
            set_theme(&self.element, None);
        }
    }

    /// Tells the host now of a change still waiting for the pause in typing.
    fn flush(&self) {
        if let Some((card, recommendation)) = self.pending.take() {
            emit(&self.element, &self.listeners, "scorecard:change", &card_payload(&card, &recommendation));
        }
    }

    /// The error every call on a destroyed handle gets.
    fn alive(&self) -> Result<(), JsValue> {
        match *self.handle.borrow() {
            Some(_) => Ok(()),
            None => Err(js_error("this scorecard widget was destroyed; mount a new one")),
        }
    }

    fn rerender(&self) {
        let props = self.props.borrow().clone();
        if let Some(h) = self.handle.borrow_mut().as_mut() {
            h.update(props);
        }
    }
}

/// The listener `on` or `off` (`method`) was given for `event`, refusing an event name no widget
/// fires (naming the one it is probably a misspelling of) and a listener that is not a function.
fn check_listener(method: &str, event: &str, callback: JsValue) -> Result<js_sys::Function, JsValue> {
    if !EVENTS.contains(&event) {
        let hint = near(event, &EVENTS).map_or_else(String::new, |e| format!("; did you mean {e}?"));
        return Err(js_error(&format!("{method}: no event is named {event}{hint}; the events are scorecard:ready, scorecard:rubric, scorecard:change, scorecard:submit, scorecard:error")));
    }
    callback.dyn_into().map_err(|_| js_error(&format!("{method}: the listener of {event} is not a function")))
}

/// The standalone page: mounts into `#scorecard-app`, and with `?embed=iframe` bridges to the
/// parent window. Does nothing on a page without that element (a host using `mount`).
pub fn start_page() {
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    let Some(root) = document.get_element_by_id("scorecard-app") else { return };
    let params = web_sys::UrlSearchParams::new_with_str(&window.location().search().unwrap_or_default()).ok();
    let param = |name: &str| params.as_ref().and_then(|p| p.get(name));
    let text = |name: &str| param(name).map_or(Value::Null, Value::String);
    let options_js = to_js(&object([
        ("candidate", text("candidate")),
        ("interviewer", text("interviewer")),
        ("step", text("step")),
        ("readOnly", Value::Bool(param("readonly").as_deref() == Some("1"))),
    ]));
    let hash = window.location().hash().unwrap_or_default();
    if crate::web::holds(&hash, crate::core::interchange::LINK_PREFIX) {
        // A shared scorecard is shown on its own, without autosave or a host bridge. Reading the
        // link needs the on-demand module, so the page waits for it (a moment, from the cache).
        let rubric = Rubric::default_rubric().map(Rc::new).map_err(|e| e.to_string());
        let _ = root.class_list().add_1("sc-theme");
        super::loader::load(move |assist| {
            let shared = match (&rubric, assist) {
                (Ok(r), Ok(a)) => a.import(&hash, r).map(|imported| Rc::new(imported.card)),
                (Err(e), _) => Err(e.clone()),
                (Ok(_), Err(e)) => Err(format!("the link reader could not be loaded ({e})")),
            };
            let props = RootProps {
                rubric,
                settings: ScorerSettings::default(),
                shared: Some(shared),
                rubric_generation: 0,
                gone: Rc::default(),
                refused: None,
                rubric_refused: false,
            };
            yew::Renderer::<Root>::with_root_and_props(root, props).render();
        });
        reload_on_hash_change();
        return;
    }
    // A value the address gives that the page does not take is said in the console, as the
    // element's attributes are (scorecard-element.js), not ignored in silence.
    for (name, allowed) in [("readonly", ["1", "0"]), ("theme", ["light", "dark"])] {
        if let Some(v) = param(name).filter(|v| !allowed.contains(&v.as_str())) {
            web_sys::console::warn_1(
                &format!(
                    "scorecard: {name}={v} in the address is not one of {}|{}: ignored, as if not set",
                    allowed[0], allowed[1]
                )
                .into(),
            );
        }
    }
    // A host page with its own light/dark switch passes ?theme=light|dark to the iframe.
    if let Some(class) = param("theme").as_deref().and_then(theme_class) {
        set_theme(&root, Some(class));
        if let Some(body) = document.body() {
            set_theme(&body, Some(class));
        }
    }
    let widget = match mount(root.clone(), options_js) {
        Ok(w) => w,
        Err(e) => {
            // Options from this page's address that the widget refuses (a name over the limit):
            // said on the page, as text, rather than a blank page.
            let message = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
            if let (Ok(app), Ok(p)) = (document.create_element("div"), document.create_element("p")) {
                app.set_class_name("sc-app");
                p.set_class_name("sc-notice");
                let _ = p.set_attribute("role", "alert");
                p.set_text_content(Some(&format!("This scorecard could not be opened from this address: {message}")));
                let _ = app.append_child(&p);
                let _ = root.append_child(&app);
            }
            return;
        }
    };
    // Opened as a page of its own rather than in a frame, there is no parent to talk to (a page
    // that trusted itself would post to itself, and answer its own messages, forever).
    let framed =
        web_sys::window().and_then(|w| w.parent().ok().flatten().map(|p| !js_sys::Object::is(&p, &w))).unwrap_or(false);
    if param("embed").as_deref() == Some("iframe") && framed {
        // Comma-separated lists of origins. Each entry is read as a URL and reduced to its
        // origin, as browsers write `event.origin`: `https://ats.example.com/` (a trailing slash,
        // a path) is `https://ats.example.com`. An entry that is no URL is said so and never matches.
        let origins_of = |list: &str| -> Vec<String> {
            list.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| match web_sys::Url::new(s) {
                    Ok(u) => u.origin(),
                    Err(_) => {
                        web_sys::console::warn_1(
                            &format!("scorecard: origins: {s} is not an origin (scheme://host[:port])").into(),
                        );
                        s.to_string()
                    }
                })
                .collect()
        };
        // Trust comes from the deployment, never from this page's address, which the framing
        // page writes (any page could frame the widget naming itself): this page's own origin
        // and those its <meta name="scorecard-origins"> lists (`SCORECARD_ORIGINS` at build
        // time). `?origins=` can only narrow that list.
        let meta = document
            .query_selector("meta[name=scorecard-origins]")
            .ok()
            .flatten()
            .and_then(|m| m.get_attribute("content"));
        let mut deployed = origins_of(&meta.unwrap_or_default());
        deployed.extend(web_sys::window().and_then(|w| w.location().origin().ok()));
        let asked = origins_of(&param("origins").unwrap_or_default());
        let origins = if asked.is_empty() {
            deployed
        } else {
            asked
                .into_iter()
                .filter(|o| {
                    let ok = deployed.contains(o);
                    if !ok {
                        web_sys::console::warn_1(&format!("scorecard: origins: {o} is not among the origins this deployment trusts (its <meta name=\"scorecard-origins\">); ignored").into());
                    }
                    ok
                })
                .collect()
        };
        bridge_to_parent(widget, origins);
    } else {
        // The page owns the widget for its whole life.
        std::mem::forget(widget);
        reload_on_hash_change();
    }
}

/// A share link opened in a tab that shows the page changes only its fragment, which loads
/// nothing: the page reloads when its fragment changes (the page uses no other fragment), so a
/// link is shown as when it opens a tab, and leaving one shows the interviewer's own scorecard
/// again. Every change is saved as it is made, so the reload loses nothing.
fn reload_on_hash_change() {
    let Some(window) = web_sys::window() else { return };
    let reload = Closure::once_into_js(crate::web::once(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    }));
    window.set_onhashchange(Some(reload.unchecked_ref()));
}

/// The committee page (`committee.html`): mounts the committee view into `#scorecard-committee`.
/// `?blind=<interviewer>` keeps the panel hidden until that interviewer's own submitted
/// scorecard is loaded.
pub fn start_committee_page() {
    let Some(window) = web_sys::window() else { return };
    let Some(root) = window.document().and_then(|d| d.get_element_by_id("scorecard-committee")) else { return };
    let params = web_sys::UrlSearchParams::new_with_str(&window.location().search().unwrap_or_default()).ok();
    let blind = params.and_then(|p| p.get("blind")).filter(|b| !b.trim().is_empty());
    let _ = root.class_list().add_1("sc-theme");
    match Rubric::default_rubric() {
        Ok(rubric) => {
            let props = crate::web::committee::CommitteeViewProps { rubric: Rc::new(rubric), blind };
            yew::Renderer::<crate::web::committee::CommitteeView>::with_root_and_props(root, props).render();
        }
        Err(e) => root.set_text_content(Some(&format!("The rubric could not be loaded: {e}"))),
    }
}

/// The iframe bridge. Only origins in `allowed` are heard and posted to; anything else is
/// ignored and reported to the (allowed) parent as `scorecard:error`.
fn bridge_to_parent(widget: Widget, allowed: Vec<String>) {
    let Some(window) = web_sys::window() else { return };
    let parent = window.parent().ok().flatten();
    let body = window.document().and_then(|d| d.body());
    // Post to the parent only at explicit origins, never "*": the referrer's if it is allowed;
    // without a referrer (a host with `referrerpolicy="no-referrer"`), each allowed origin, of
    // which the browser delivers only the parent's; and once the parent has written from an
    // allowed origin, that origin alone. With no allow-list nothing is ever posted.
    let referrer_origin =
        window.document().map(|d| d.referrer()).and_then(|r| web_sys::Url::new(&r).ok()).map(|u| u.origin());
    let targets: Rc<RefCell<Vec<String>>> = Rc::new(RefCell::new(
        referrer_origin.filter(|o| allowed.contains(o)).map_or_else(|| allowed.clone(), |o| vec![o]),
    ));
    let post: Rc<dyn Fn(Value)> = {
        let parent = parent.clone();
        let targets = targets.clone();
        Rc::new(move |message: Value| {
            if let Some(p) = &parent {
                let message = to_js(&message);
                for t in targets.borrow().iter() {
                    let _ = p.post_message(&message, t);
                }
            }
        })
    };
    for name in EVENTS {
        let post = post.clone();
        let f = Closure::<dyn Fn(JsValue)>::new(move |detail: JsValue| {
            let detail = to_json(&detail).unwrap_or(Value::Null);
            post(object([("type", Value::from(name)), ("detail", detail)]));
        });
        let _ = widget.on(name.to_string(), f.as_ref().clone());
        f.forget();
    }
    let widget = Rc::new(widget);
    // An iframe removed by its host (or its tab closed) within the typing pause: the parent hears
    // the last change now, as `destroy` tells it for `mount`; after this the change is lost.
    let flush = {
        let widget = widget.clone();
        Closure::<dyn Fn()>::new(move || widget.flush())
    };
    for event in ["pagehide", "visibilitychange"] {
        let _ = window.add_event_listener_with_callback(event, flush.as_ref().unchecked_ref());
    }
    flush.forget();
    // The parent sizes the frame to the document: its height in whole CSS pixels, told after
    // the first render (a ResizeObserver's first call) and whenever it changes.
    if let Some(html) = window.document().and_then(|d| d.document_element()) {
        let (post, target, last) = (post.clone(), html.clone(), Cell::new(0));
        let resized = Closure::<dyn Fn()>::new(move || {
            let height = target.get_bounding_client_rect().height().ceil() as i32;
            if last.replace(height) != height {
                post(object([
                    ("type", Value::from("scorecard:resize")),
                    ("detail", object([("height", Value::from(height))])),
                ]));
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(resized.as_ref().unchecked_ref()) {
            observer.observe(&html);
            std::mem::forget(observer);
        }
        resized.forget();
    }
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        let origin = event.origin();
        if !allowed.contains(&origin) {
            let message = if allowed.is_empty() {
                format!("ignored a message from {origin}: no origin is trusted (this page's own, or its scorecard-origins meta, narrowed by ?origins=)")
            } else {
                format!(
                    "ignored a message from {origin}, which is not in the allow-list (origins: {})",
                    allowed.join(", ")
                )
            };
            web_sys::console::warn_1(&format!("scorecard: {message}").into());
            post(object([("type", Value::from("scorecard:error")), ("detail", error_detail(message))]));
            return;
        }
        // The parent has written: its origin is where everything goes from now on (a message
        // from another window, even at an allowed origin, does not redirect the parent's).
        if parent.as_ref().is_some_and(|p| event.source().is_some_and(|s| js_sys::Object::is(p.as_ref(), s.as_ref()))) {
            *targets.borrow_mut() = vec![origin];
        }
        let message = match to_json(&event.data()) {
            Ok(message) => message,
            Err(e) => {
                // Not JSON-shaped (a cycle, a function): say so, rather than "unknown type".
                post(object([
                    ("type", Value::from("scorecard:error")),
                    ("detail", error_detail(format!("a message could not be read: {e}"))),
                ]));
                return;
            }
        };
        let w = &widget;
        match message.get("type").and_then(Value::as_str) {
            Some("scorecard:getValue") => post(object([
                ("type", Value::from("scorecard:value")),
                ("detail", object([("value", w.value.borrow().to_value())])),
            ])),
            Some("scorecard:setValue") => {
                let _ = w.set_value(to_js(message.get("value").unwrap_or(&Value::Null)));
            }
            Some("scorecard:update") => {
                let options = message.get("options").unwrap_or(&Value::Null);
                // The page around the widget takes its theme too (its background shows below it).
                if let (Ok(()), Some(theme), Some(body)) = (w.update(to_js(options)), options.get("theme"), &body) {
                    set_theme(body, theme.as_str().and_then(theme_class));
                }
            }
            _ => {
                let kind = message.get("type").map_or_else(|| "none".to_string(), crate::core::json::to_text);
                let text = format!(
                    "unknown message type {kind}; expected scorecard:getValue, scorecard:setValue or scorecard:update"
                );
                post(object([("type", Value::from("scorecard:error")), ("detail", error_detail(text))]))
            }
        }
    });
    window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref()).ok();
    on_message.forget();
}
