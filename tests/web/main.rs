//! Component tests: the scorer mounted into a fresh element in headless Chromium, driven through
//! the DOM as a person would (click a label, type into a field), with assertions on what renders.
//! Run by `scripts/test.sh` as `cargo test --target wasm32-unknown-unknown --features web --test web`.
#![cfg(all(target_arch = "wasm32", feature = "web"))]

use std::rc::Rc;
use std::time::Duration;

use scorecard::core::Rubric;
use scorecard::web::app::{Scorer, ScorerProps, ScorerSettings};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A mounted scorer; unmounted and its element removed on drop.
struct Mounted {
    root: Element,
    handle: Option<yew::AppHandle<Scorer>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
        self.root.remove();
    }
}

impl Mounted {
    fn q(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).ok().flatten()
    }

    fn text(&self, selector: &str) -> String {
        self.q(selector).and_then(|e| e.text_content()).unwrap_or_default()
    }

    fn click(&self, selector: &str) {
        let el = self.q(selector).unwrap_or_else(|| panic!("no element {selector}"));
        el.unchecked_into::<HtmlElement>().click();
    }

    fn type_into(&self, selector: &str, value: &str) {
        let el = self.q(selector).unwrap_or_else(|| panic!("no element {selector}"));
        if let Some(area) = el.dyn_ref::<HtmlTextAreaElement>() {
            area.set_value(value);
        } else {
            el.unchecked_ref::<HtmlInputElement>().set_value(value);
        }
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let ev = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
        el.dispatch_event(&ev).unwrap();
    }
}

fn rubric() -> Rc<Rubric> {
    Rc::new(Rubric::default_rubric().expect("embedded rubric"))
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Runs a snippet of JavaScript in the test page (to simulate storage faults).
fn js(code: &str) {
    js_sys::Function::new_no_args(code).call0(&wasm_bindgen::JsValue::NULL).unwrap();
}

fn mount(props: ScorerProps) -> Mounted {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<Scorer>::with_root_and_props(root.clone(), props).render();
    Mounted { root, handle: Some(handle) }
}

fn props(autosave: bool) -> ScorerProps {
    yew::props!(ScorerProps { rubric: rubric(), settings: ScorerSettings { autosave, ..ScorerSettings::default() } })
}

/// Yields to the browser until `cond` holds, checking every 5 ms; fails naming `what` after 30 s
/// (Playwright's limit for a wait in the end-to-end tests): a limit in turns ran out after about
/// a second on a loaded machine.
async fn until(what: &str, cond: impl Fn() -> bool) {
    let start = js_sys::Date::now();
    while !cond() {
        assert!(js_sys::Date::now() - start < 30_000.0, "timed out waiting for: {what}");
        yew::platform::time::sleep(Duration::from_millis(5)).await;
    }
}

#[wasm_bindgen_test]
async fn renders_every_capability_with_the_rubric_text() {
    storage().clear().unwrap();
    let m = mount(props(false));
    until("six cards", || m.root.query_selector_all(".sc-card").map(|l| l.length()).unwrap_or(0) == 6).await;
    let r = rubric();
    for cap in &r.capabilities {
        let card = m.text(&format!("#sc-{}-title", cap.id));
        assert_eq!(card, cap.name);
        let meets = m.text(&format!("label[for=\"sc-{}-meets\"] .sc-option__text", cap.id));
        assert_eq!(meets, cap.descriptors.meets, "descriptor of {}", cap.id);
    }
    assert_eq!(m.text("[data-testid=decision]"), "Insufficient evidence");
}

#[wasm_bindgen_test]
async fn rating_updates_the_recommendation() {
    storage().clear().unwrap();
    let m = mount(props(false));
    until("cards", || m.q("#sc-technical_expertise-meets").is_some()).await;
    let r = rubric();
    for cap in &r.capabilities {
        m.click(&format!("label[for=\"sc-{}-meets\"]", cap.id));
    }
    until("hire at L4", || m.text("[data-testid=decision]") == "Hire at L4").await;
    assert_eq!(m.text("[data-testid=greenhouse]"), "Yes");
    assert!(m.text("[data-testid=todo-unevidenced]").contains("Technical Expertise"));

    m.type_into("#sc-technical_expertise-note", "Led the queue migration across three services.");
    until("evidence counted", || !m.text("[data-testid=todo-unevidenced]").contains("Technical Expertise")).await;

    for cap in &r.capabilities {
        m.click(&format!("label[for=\"sc-{}-needs_improvement\"]", cap.id));
    }
    until("no hire", || m.text("[data-testid=decision]") == "No hire").await;
    assert_eq!(m.text("[data-testid=greenhouse]"), "Definitely not");
}

#[wasm_bindgen_test]
async fn the_panel_lists_what_is_unrated_and_unevidenced_once_under_still_to_do() {
    storage().clear().unwrap();
    let m = mount(props(false));
    until("cards", || m.q("#sc-technical_expertise-meets").is_some()).await;
    for cap in ["technical_expertise", "project_ownership", "business_impact", "communication_collaboration"] {
        m.click(&format!("label[for=\"sc-{cap}-meets\"]"));
    }
    until("a decision", || m.text("[data-testid=decision]") != "Insufficient evidence").await;
    assert_eq!(
        m.text("[data-testid=todo-unrated]"),
        "No rating yet: Mentorship & Support and Leadership & Process Improvement"
    );
    assert!(m.text("[data-testid=todo-unevidenced]").starts_with("No evidence yet: Technical Expertise"));
    let why: Vec<String> = (0..)
        .map_while(|i| m.root.query_selector_all("[data-testid=rationale] li").ok()?.item(i)?.text_content())
        .collect();
    assert!(why[0].starts_with("Hire at L4"), "{why:?}");
    assert!(
        !why.iter().any(|l| l.starts_with("Not assessed: ") || l.starts_with("Rated without evidence ")),
        "{why:?}"
    );
}

#[wasm_bindgen_test]
async fn submit_makes_the_card_read_only_until_reopened() {
    storage().clear().unwrap();
    let m = mount(props(false));
    until("cards", || m.q(".sc-button.sc-m-primary").is_some()).await;
    m.type_into("#sc-candidate", "Ada Lovelace");
    m.type_into("#sc-interviewer", "Grace Hopper");
    m.click("label[for=\"sc-business_impact-exceeds\"]");
    m.click(".sc-button.sc-m-primary");
    until("submitted", || m.q("[data-testid=submitted]").is_some()).await;
    let input = |sel: &str| m.q(sel).map(|e| e.unchecked_into::<HtmlInputElement>());
    until("ratings locked after submit", || input("#sc-business_impact-meets").is_some_and(|r| r.disabled())).await;
    until("note locked after submit", || {
        m.q("#sc-business_impact-note").is_some_and(|e| e.unchecked_into::<HtmlTextAreaElement>().disabled())
    })
    .await;
    m.click(".sc-toolbar__actions .sc-button");
    until("reopened", || m.q("[data-testid=submitted]").is_none()).await;
    until("ratings editable again", || input("#sc-business_impact-meets").is_some_and(|r| !r.disabled())).await;
    let checked = input("#sc-business_impact-exceeds").unwrap();
    assert!(checked.checked(), "the rating survives submit and reopen");
}

#[wasm_bindgen_test]
async fn autosaves_and_restores_a_draft() {
    storage().clear().unwrap();
    {
        let m = mount(props(true));
        until("cards", || m.q("#sc-candidate").is_some()).await;
        m.type_into("#sc-candidate", "Ada Lovelace");
        m.click("label[for=\"sc-project_ownership-exceeds\"]");
        until("saved", || m.text("[data-testid=save-status]") == "Saved in this browser").await;
        until("stored", || {
            (0..storage().length().unwrap_or(0))
                .filter_map(|i| storage().key(i).ok().flatten())
                .any(|k| k.contains("ada lovelace"))
        })
        .await;
    }
    let m = mount(props(true));
    until("restored", || {
        m.q("#sc-project_ownership-exceeds").is_some_and(|e| e.unchecked_into::<HtmlInputElement>().checked())
    })
    .await;
    // Components re-render in separate scheduler turns: wait for each, do not assume one pass.
    until("name restored", || {
        m.q("#sc-candidate").is_some_and(|e| e.unchecked_into::<HtmlInputElement>().value() == "Ada Lovelace")
    })
    .await;
    until("restored notice", || m.text(".sc-notice").contains("restored")).await;
}

#[wasm_bindgen_test]
async fn blocked_storage_keeps_working_in_memory() {
    storage().clear().unwrap();
    js("window.__realLS = Object.getOwnPropertyDescriptor(window, 'localStorage') || Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage');
        Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('blocked', 'SecurityError'); } });");
    let m = mount(props(true));
    until("cards", || m.q("#sc-candidate").is_some()).await;
    m.type_into("#sc-technical_expertise-note", "Wrote the rollout plan.");
    until("memory warning", || m.text("[data-testid=save-status]").contains("blocks storage")).await;
    let note: HtmlTextAreaElement = m.q("#sc-technical_expertise-note").unwrap().unchecked_into();
    assert_eq!(note.value(), "Wrote the rollout plan.", "what was typed is kept");
    drop(m);
    js("delete window.localStorage; if (!('localStorage' in window)) Object.defineProperty(window, 'localStorage', window.__realLS);");
}

#[wasm_bindgen_test]
async fn full_storage_says_so_and_keeps_the_text() {
    storage().clear().unwrap();
    js("window.__realSet = Storage.prototype.setItem;
        Storage.prototype.setItem = function (k, v) { if (k.endsWith('probe')) return window.__realSet.call(this, k, v); throw new DOMException('full', 'QuotaExceededError'); };");
    let m = mount(props(true));
    until("cards", || m.q("#sc-candidate").is_some()).await;
    m.type_into("#sc-business_impact-note", "Tied the cache work to churn numbers.");
    until("full warning", || m.text("[data-testid=save-status]").contains("storage is full")).await;
    let note: HtmlTextAreaElement = m.q("#sc-business_impact-note").unwrap().unchecked_into();
    assert_eq!(note.value(), "Tied the cache work to churn numbers.");
    drop(m);
    js("Storage.prototype.setItem = window.__realSet;");
}

/// Mounts the scorer as the standalone page's (its root is `#scorecard-app`), which offers
/// Your scorecards and New scorecard.
fn mount_page() -> Mounted {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    root.set_id("scorecard-app");
    document.body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<Scorer>::with_root_and_props(root.clone(), props(true)).render();
    Mounted { root, handle: Some(handle) }
}

/// Storage that refuses every write (full, or read-only) is still read: the card open last is
/// opened as saved, Your scorecards lists every stored card and opens it, and a card storage
/// refuses stays in this tab: listed as such, never lost by opening another, opened again
/// with what was typed. New scorecard stays.
#[wasm_bindgen_test]
async fn storage_that_refuses_writes_still_lists_and_opens_the_saved_cards() {
    storage().clear().unwrap();
    let key = |c: &str, step: &str| format!("scorecard:v1:draft:l4-senior-software-engineer:{c}:grace hopper:{step}");
    let doc = |c: &str, step: &str, date: &str, at: &str| {
        format!(
            r#"{{"format": "interview-scorecard", "version": 1, "candidate": {{"name": "{c}"}}, "interviewer": {{"name": "Grace Hopper"}}, "interview": {{"step": "{step}", "date": "{date}"}}, "ratings": {{"business_impact": {{"level": "meets"}}}}{at}}}"#
        )
    };
    let ada = doc("Ada", "System design", "2026-11-26", r#", "submitted_at": "2026-11-26T10:00:00Z""#);
    storage().set_item(&key("ada", "system design"), &ada).unwrap();
    storage().set_item(&key("bo", "coding"), &doc("Bo", "Coding", "2026-11-25", "")).unwrap();
    storage().set_item(&key("carla", "behavioral"), &doc("Carla", "Behavioral", "2026-11-20", "")).unwrap();
    storage().set_item("scorecard:v1:last:l4-senior-software-engineer", &key("ada", "system design")).unwrap();
    js("window.__realSet = Storage.prototype.setItem;
        Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };");
    let m = mount_page();
    let candidate = || m.q("#sc-candidate").map(|c| c.unchecked_into::<HtmlInputElement>().value());
    let status = || m.text("[data-testid=save-status]");
    until("the card open last", || candidate().as_deref() == Some("Ada")).await;
    until("said to be saved", || status() == "Saved in this browser").await;
    m.click("#sc-saved");
    until("the list", || m.q(".sc-saved__list").is_some()).await;
    let titles = || {
        m.root
            .query_selector_all(".sc-saved__title")
            .map(|l| (0..l.length()).filter_map(|i| l.item(i)?.text_content()).collect::<Vec<_>>())
            .unwrap()
    };
    assert_eq!(titles(), ["Ada · System design", "Bo · Coding", "Carla · Behavioral"]);

    // An edit storage refuses: kept here, and the list and New stay.
    m.click("#sc-reopen");
    until("reopened", || {
        m.q("#sc-business_impact-note").is_some_and(|n| !n.unchecked_into::<HtmlTextAreaElement>().disabled())
    })
    .await;
    m.type_into("#sc-business_impact-note", "Typed while storage is full.");
    // (Refused: the note is on the card, so it was saved, storage refusing it.)
    until("refused", || {
        status().contains("storage is full") && m.text("#sc-business_impact-hint").starts_with("Describe")
    })
    .await;
    assert!(m.q("#sc-new").is_some(), "New scorecard stays");
    until("listed as kept here", || {
        m.text(".sc-saved__item .sc-saved__detail").ends_with("draft · kept in this tab only")
    })
    .await;

    // Another card opens (in place: a reload would lose the refused edit), saved as it was.
    m.click("button[aria-label=\"Open Bo · Coding\"]");
    until("Bo's card", || candidate().as_deref() == Some("Bo")).await;
    until("said to be saved", || status() == "Saved in this browser").await;
    // ... and the edited one opens again with what was typed, still refused.
    m.click("button[aria-label=\"Open Ada · System design\"]");
    until("Ada's card again", || candidate().as_deref() == Some("Ada")).await;
    let note = || m.q("#sc-business_impact-note").unwrap().unchecked_into::<HtmlTextAreaElement>().value();
    until("what was typed", || note() == "Typed while storage is full.").await;
    until("refused again", || status().contains("storage is full")).await;
    assert!(m.q("[data-testid=submitted]").is_none(), "still reopened");

    // New scorecard: a blank card, by the same interviewer; the edited card is still listed.
    m.click("#sc-new");
    until("a blank card", || candidate().as_deref() == Some("")).await;
    assert_eq!(m.q("#sc-interviewer").unwrap().unchecked_into::<HtmlInputElement>().value(), "Grace Hopper");
    // Nothing can be saved: said at once, as when the page opened, not "Not saved yet".
    assert_eq!(status(), "Not saved: this browser refuses to save (storage is full or read-only). Your work is kept in this tab only: Download JSON to keep a copy.");
    assert_eq!(titles().len(), 3);
    assert_eq!(
        storage().get_item(&key("ada", "system design")).unwrap().as_deref(),
        Some(ada.as_str()),
        "storage holds what it held"
    );
    drop(m);
    js("Storage.prototype.setItem = window.__realSet;");
}

/// A save that storage refused is not taken for another tab's: the next save still says the
/// storage is full, not that the card changed elsewhere.
#[wasm_bindgen_test]
async fn a_refused_save_is_not_mistaken_for_another_tab() {
    storage().clear().unwrap();
    let key = "scorecard:v1:draft:l4-senior-software-engineer:x:y";
    storage().set_item("scorecard:v1:last:l4-senior-software-engineer", key).unwrap();
    storage().set_item(key, r#"{"format": "interview-scorecard", "version": 1, "candidate": {"name": "x"}, "interviewer": {"name": "y"}, "ratings": {}}"#).unwrap();
    let m = mount(props(true));
    until("restored", || m.q("#sc-candidate").is_some_and(|c| c.unchecked_into::<HtmlInputElement>().value() == "x"))
        .await;
    js("window.__realSet = Storage.prototype.setItem;
        Storage.prototype.setItem = function (k, v) { if (k.endsWith('probe')) return window.__realSet.call(this, k, v); throw new DOMException('full', 'QuotaExceededError'); };");
    m.type_into("#sc-business_impact-note", "Tied the cache work to churn numbers.");
    until("full warning", || m.text("[data-testid=save-status]").contains("storage is full")).await;
    // Room again: the next change saves, over the draft this tab read (nobody else wrote it).
    js("Storage.prototype.setItem = window.__realSet;");
    m.type_into("#sc-business_impact-note", "Tied the cache work to churn numbers, twice.");
    let status = || m.text("[data-testid=save-status]");
    until("the next save", || status().contains("Saved in this browser") || status().contains("another tab")).await;
    assert_eq!(status(), "Saved in this browser");
    assert!(storage().get_item(key).unwrap().unwrap().contains("twice"));
    drop(m);
}

#[wasm_bindgen_test]
async fn corrupt_draft_is_kept_aside_not_deleted() {
    storage().clear().unwrap();
    let key = "scorecard:v1:draft:l4-senior-software-engineer:x:y";
    storage().set_item("scorecard:v1:last:l4-senior-software-engineer", key).unwrap();
    storage().set_item(key, "{\"format\": \"interview-scorecard\", \"version\": 1, \"ratings\": {").unwrap();
    let m = mount(props(true));
    until("notice", || m.text(".sc-notice").contains("kept aside")).await;
    let s = storage();
    let kept: Vec<String> =
        (0..s.length().unwrap()).filter_map(|i| s.key(i).ok().flatten()).filter(|k| k.contains(":corrupt:")).collect();
    assert_eq!(kept.len(), 1, "the unreadable value is kept under a corrupt key");
    assert!(s.get_item(&kept[0]).unwrap().unwrap().starts_with("{\"format\""));
}

/// With storage full, an unreadable draft cannot be copied aside: it stays under its key, the
/// notice says so, and nothing is saved over it.
#[wasm_bindgen_test]
async fn corrupt_draft_in_full_storage_stays_where_it_is() {
    storage().clear().unwrap();
    let key = "scorecard:v1:draft:l4-senior-software-engineer:x:y";
    let corrupt = "{\"format\": \"interview-scorecard\", \"version\": 1, \"ratings\": {";
    storage().set_item("scorecard:v1:last:l4-senior-software-engineer", key).unwrap();
    storage().set_item(key, corrupt).unwrap();
    js("window.__realSet = Storage.prototype.setItem;
        Storage.prototype.setItem = function (k, v) { if (k.endsWith('probe')) return window.__realSet.call(this, k, v); throw new DOMException('full', 'QuotaExceededError'); };");
    let m = mount(props(true));
    until("notice", || m.text(".sc-notice").contains("could not be copied aside")).await;
    js("Storage.prototype.setItem = window.__realSet;");
    // Room again; the card on screen is renamed (a rename moves a draft, removing the old key)
    // and then given the same names: still neither removed nor written over.
    m.type_into("#sc-candidate", "Ada");
    until("saved", || m.text("[data-testid=save-status]").contains("Saved")).await;
    assert_eq!(storage().get_item(key).unwrap().as_deref(), Some(corrupt), "a rename does not remove it");
    m.type_into("#sc-candidate", "x");
    m.type_into("#sc-interviewer", "y");
    until("refused", || m.text("[data-testid=save-status]").starts_with("Not saved")).await;
    assert_eq!(storage().get_item(key).unwrap().as_deref(), Some(corrupt));
    drop(m);
}

/// The pointer to the draft open last is followed only to one of this rubric's drafts: a key
/// planted there (the host's own data) is neither read, moved nor removed.
#[wasm_bindgen_test]
async fn a_planted_last_pointer_is_not_followed() {
    storage().clear().unwrap();
    storage().set_item("scorecard:v1:last:l4-senior-software-engineer", "host:session").unwrap();
    storage().set_item("host:session", "not a scorecard").unwrap();
    let m = mount(props(true));
    until("cards", || m.q("#sc-candidate").is_some()).await;
    m.type_into("#sc-technical_expertise-note", "Wrote the rollout plan.");
    until("saved", || m.text("[data-testid=save-status]").contains("Saved")).await;
    assert_eq!(storage().get_item("host:session").unwrap().as_deref(), Some("not a scorecard"));
    let s = storage();
    assert!((0..s.length().unwrap()).filter_map(|i| s.key(i).ok().flatten()).all(|k| !k.contains(":corrupt:")));
    drop(m);
}

/// A colon in a name cannot make two cards share a key.
#[wasm_bindgen_test]
fn draft_keys_escape_their_separator() {
    use scorecard::web::storage::DraftStore;
    let a = DraftStore::draft_key("r", "Ada:Grace", "x", "");
    let b = DraftStore::draft_key("r", "Ada", "Grace:x", "");
    assert_ne!(a, b);
    assert_eq!(DraftStore::key_part(" 100%:Done "), "100%25%3adone");
}

/// The classifier's speed in the browser, for BENCHMARKS.md (printed, not asserted: timing
/// limits do not belong in tests). What is asserted is that every held-out note classifies.
#[wasm_bindgen_test]
fn classifier_speed_in_the_browser() {
    let heldout = include_str!("../../data/corpus/heldout.jsonl");
    let notes: Vec<String> = heldout
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    assert!(notes.len() >= 300);
    let perf = web_sys::window().unwrap().performance().unwrap();
    // One warm-up pass parses the embedded model.
    for n in &notes {
        assert!(scorecard::core::classifier::classify(n).is_ok(), "{n}");
    }
    let rounds = 5;
    let t0 = perf.now();
    for _ in 0..rounds {
        for n in &notes {
            let _ = scorecard::core::classifier::classify(n);
        }
    }
    let per_note_us = (perf.now() - t0) * 1000.0 / (rounds * notes.len()) as f64;
    wasm_bindgen_test::console_log!(
        "classifier in the browser: {per_note_us:.1} µs per note over {} notes",
        rounds * notes.len()
    );
}

/// The classifier and formats run on the core directly: what the on-demand module does, without
/// loading it (the reducer cannot tell the difference).
struct CoreAssist;

impl scorecard::web::assist::Assist for CoreAssist {
    fn classify(&self, text: &str) -> Result<scorecard::core::classifier::Classification, String> {
        scorecard::core::classifier::classify(text).map_err(|e| e.to_string())
    }
    fn flags(&self, text: &str) -> Vec<scorecard::core::classifier::Flag> {
        scorecard::core::classifier::detect_flags(text)
    }
    fn import(&self, text: &str, rubric: &Rubric) -> Result<scorecard::core::interchange::Imported, String> {
        scorecard::core::wire::decode_import(&scorecard::core::wire::serve_import(text, &rubric.source_json), rubric)
    }
    fn export(
        &self,
        format: &str,
        card: &scorecard::core::Scorecard,
        rubric: &Rubric,
        base: &str,
    ) -> Result<String, String> {
        scorecard::core::wire::decode_text(&scorecard::core::wire::serve_export(
            format,
            &card.to_json(),
            &rubric.source_json,
            base,
        ))
    }
}

/// Observations and notes written before the classifier arrives wait, untagged and unread, and
/// are read the moment it does; a tag the interviewer set is never replaced.
#[wasm_bindgen_test]
fn observations_wait_for_the_classifier_and_keep_the_interviewers_tags() {
    use scorecard::core::classifier::FlagKind;
    use scorecard::web::assist::Assistance;
    use scorecard::web::state::{Action, ScorerState};
    use yew::Reducible;

    let rubric = rubric();
    let card = scorecard::core::Scorecard::new(&rubric);
    let state = Rc::new(ScorerState::new(rubric, card));
    let state =
        state.reduce(Action::Observe { text: "Mentors two new grads on her team and meets them weekly.".into() });
    let state =
        state.reduce(Action::Observe { text: "Ran the weekly sync with four teams and kept a risk log.".into() });
    let state = state.reduce(Action::Note {
        capability: "technical_expertise".into(),
        text: "Seems smart, great culture fit.".into(),
    });
    assert!(state.card.observations.iter().all(|o| o.capability.is_none()), "untagged while loading");
    assert!(state.analyses.is_empty() && state.note_flags.is_empty(), "nothing read while loading");
    // The interviewer files the second one under no capability, by hand, before the classifier comes.
    let id = state.card.observations[1].id.clone();
    let state = state.reduce(Action::Retag { id, capability: None, level: scorecard::core::Rating::NotAssessed });

    let state = state.reduce(Action::AssistReady { assist: Assistance::Ready(Rc::new(CoreAssist)) });
    let first = &state.card.observations[0];
    assert_eq!(first.capability.as_deref(), Some("mentorship_support"), "tagged on arrival");
    assert_eq!(state.card.observations[1].capability, None, "the interviewer's choice stands");
    assert_eq!(state.analyses.len(), 2, "both texts read");
    let flags = state.note_flags_of("technical_expertise");
    assert!(!flags.is_empty(), "the note's impression is flagged");
    // "great culture fit" is a fit verdict, which is a bias risk.
    assert_eq!(flags[0].kind, FlagKind::BiasRisk);

    // Once loaded, a new observation is tagged at once.
    let state = state
        .reduce(Action::Observe { text: "Wrote the design doc for the billing migration and ran its review.".into() });
    assert!(state.card.observations[2].capability.is_some());

    // A failed load leaves observations untagged and says why.
    let fresh = Rc::new(ScorerState::new(Rc::clone(&state.rubric), scorecard::core::Scorecard::new(&state.rubric)));
    let failed = fresh
        .reduce(Action::Observe { text: "Mentors two new grads on her team.".into() })
        .reduce(Action::AssistReady { assist: Assistance::Failed("blocked by the host".into()) });
    assert_eq!(failed.card.observations[0].capability, None);
    assert!(failed.assist.unavailable("Tag suggestions").contains("blocked by the host"));
}

/// Drafting checks each observation for a bias risk, which needs the on-demand module: before it
/// is loaded, or when it failed, drafting says so and drafts nothing; once loaded, a hand-tagged
/// note with a bias risk gives no weight.
#[wasm_bindgen_test]
fn drafting_waits_for_the_bias_check_and_skips_what_it_flags() {
    use scorecard::core::scorecard::TagSource;
    use scorecard::core::Rating;
    use scorecard::web::assist::Assistance;
    use scorecard::web::state::{Action, ScorerState};
    use yew::Reducible;

    let rubric = rubric();
    let mut card = scorecard::core::Scorecard::new(&rubric);
    for (i, (text, level)) in [
        ("She is a young mom so might not handle on-call", Rating::NeedsImprovement),
        ("Probably too old to keep up with our pace.", Rating::NeedsImprovement),
        ("Mentors two new grads on her team and meets them weekly.", Rating::Meets),
    ]
    .into_iter()
    .enumerate()
    {
        card.observations.push(scorecard::core::Observation {
            id: format!("o{i}"),
            text: text.into(),
            capability: Some("mentorship_support".into()),
            level,
            source: TagSource::Interviewer,
        });
    }
    let state = Rc::new(ScorerState::new(rubric.clone(), card));
    let early = state.clone().reduce(Action::DraftRatings);
    assert_eq!(early.card.rating("mentorship_support"), Rating::NotAssessed);
    assert!(
        early.notice.as_deref().is_some_and(|n| n.starts_with("Drafting ratings in a moment")),
        "{:?}",
        early.notice
    );
    // Asked for while loading, drafting happens once the module is there, with the bias check.
    let loaded = early.clone().reduce(Action::AssistReady { assist: Assistance::Ready(Rc::new(CoreAssist)) });
    assert_eq!(
        loaded.card.rating("mentorship_support"),
        Rating::Meets,
        "drafted on load, the flagged notes give no weight"
    );
    assert!(
        loaded.notice.as_deref().is_some_and(|n| n.starts_with("Drafted from your observations: Mentorship")),
        "{:?}",
        loaded.notice
    );
    // Dismissed meanwhile, the request goes with its notice: nothing is drafted.
    let dismissed = early
        .clone()
        .reduce(Action::DismissNotice)
        .reduce(Action::AssistReady { assist: Assistance::Ready(Rc::new(CoreAssist)) });
    assert_eq!(dismissed.card.rating("mentorship_support"), Rating::NotAssessed);
    assert_eq!(dismissed.notice, None);
    // The module failing to load says so in place of the promise.
    let gone = early.clone().reduce(Action::AssistReady { assist: Assistance::Failed("blocked by the host".into()) });
    assert_eq!(gone.card.rating("mentorship_support"), Rating::NotAssessed);
    assert!(
        gone.notice.as_deref().is_some_and(|n| n.starts_with("Drafting ratings: unavailable (blocked by the host)")),
        "{:?}",
        gone.notice
    );
    let failed = state
        .clone()
        .reduce(Action::AssistReady { assist: Assistance::Failed("blocked by the host".into()) })
        .reduce(Action::DraftRatings);
    assert_eq!(failed.card.rating("mentorship_support"), Rating::NotAssessed);
    assert!(failed.notice.as_deref().is_some_and(|n| n.contains("blocked by the host")), "{:?}", failed.notice);
    let ready = state
        .reduce(Action::AssistReady { assist: Assistance::Ready(Rc::new(CoreAssist)) })
        .reduce(Action::DraftRatings);
    // Counted, the two flagged notes would make it needs improvement.
    assert_eq!(ready.card.rating("mentorship_support"), Rating::Meets, "the flagged notes give no weight");
}

/// Split evidence (needs improvement and exceeds on one capability) drafts nothing there, and the
/// notice names it beside what was drafted.
#[wasm_bindgen_test]
fn split_evidence_is_named_and_not_drafted() {
    use scorecard::core::scorecard::TagSource;
    use scorecard::core::{Observation, Rating};
    use scorecard::web::assist::Assistance;
    use scorecard::web::state::{Action, ScorerState};
    use yew::Reducible;

    let rubric = rubric();
    let mut card = scorecard::core::Scorecard::new(&rubric);
    for (i, (cap, level)) in [
        ("technical_expertise", Rating::Exceeds),
        ("technical_expertise", Rating::NeedsImprovement),
        ("mentorship_support", Rating::Meets),
    ]
    .into_iter()
    .enumerate()
    {
        card.observations.push(Observation {
            id: format!("o{i}"),
            text: format!("Observed behaviour number {i}."),
            capability: Some(cap.into()),
            level,
            source: TagSource::Interviewer,
        });
    }
    let state = Rc::new(ScorerState::new(rubric.clone(), card))
        .reduce(Action::AssistReady { assist: Assistance::Ready(Rc::new(CoreAssist)) });
    let state = state.reduce(Action::DraftRatings);
    assert_eq!(state.card.rating("technical_expertise"), Rating::NotAssessed);
    assert_eq!(state.drafted, vec!["mentorship_support".to_string()]);
    assert_eq!(
        state.notice.as_deref(),
        Some("Drafted from your observations: Mentorship & Support. Confirm or change each one. Not drafted: your observations of Technical Expertise disagree (some read needs improvement, some exceeds expectations); rate it yourself.")
    );

    // Two capabilities split: "rate them".
    let mut card = scorecard::core::Scorecard::new(&rubric);
    for (i, (cap, level)) in [
        ("technical_expertise", Rating::Exceeds),
        ("technical_expertise", Rating::NeedsImprovement),
        ("business_impact", Rating::Exceeds),
        ("business_impact", Rating::NeedsImprovement),
    ]
    .into_iter()
    .enumerate()
    {
        card.observations.push(Observation {
            id: format!("o{i}"),
            text: format!("Observed behaviour number {i}."),
            capability: Some(cap.into()),
            level,
            source: TagSource::Interviewer,
        });
    }
    let state = Rc::new(ScorerState::new(rubric.clone(), card))
        .reduce(Action::AssistReady { assist: Assistance::Ready(Rc::new(CoreAssist)) });
    let state = state.reduce(Action::DraftRatings);
    assert!(state.drafted.is_empty());
    assert_eq!(
        state.notice.as_deref(),
        Some("Not drafted: your observations of Technical Expertise and Business Impact disagree (some read needs improvement, some exceeds expectations); rate them yourself.")
    );
}

/// The QA pass's notes: two good ones drafted Technical Expertise and Mentorship & Support as
/// needs improvement. Now the sure one drafts meets; a suggested tag whose level the classifier
/// could not tell ("Hosted an intern": what, not how well) drafts nothing and is named; a note in
/// Hebrew is neither tagged nor flagged.
#[wasm_bindgen_test]
fn guessed_levels_and_unreadable_notes_draft_nothing() {
    use scorecard::core::Rating;
    use scorecard::web::assist::Assistance;
    use scorecard::web::state::{Action, ScorerState};
    use yew::Reducible;

    let rubric = rubric();
    let mut state = Rc::new(ScorerState::new(rubric.clone(), scorecard::core::Scorecard::new(&rubric)))
        .reduce(Action::AssistReady { assist: Assistance::Ready(Rc::new(CoreAssist)) });
    for text in [
        "Asked clarifying questions before coding",
        "Paired with me on the bug and found the race condition in 10 minutes",
        "Hosted an intern",
        "הוביל את ההגירה עם שלושה צוותים",
    ] {
        state = state.reduce(Action::Observe { text: text.into() });
    }
    let tags: Vec<_> = state.card.observations.iter().map(|o| o.capability.as_deref()).collect();
    assert_eq!(tags, [Some("technical_expertise"), Some("technical_expertise"), Some("mentorship_support"), None]);
    let hebrew = state.analysis(&state.card.observations[3].text).and_then(|a| a.as_ref().ok()).expect("read");
    assert!(hebrew.flags.is_empty() && !hebrew.suggests_tag(), "{hebrew:?}");
    let state = state.reduce(Action::DraftRatings);
    assert_eq!(state.card.rating("technical_expertise"), Rating::Meets);
    assert_eq!(state.card.rating("mentorship_support"), Rating::NotAssessed);
    assert_eq!(
        state.notice.as_deref(),
        Some("Drafted from your observations: Technical Expertise. Confirm or change each one. Not drafted: the observations of Mentorship & Support have no level yet (\"Level?\"); set their levels or rate it yourself.")
    );
}

/// A rating drafted from observations is the classifier's until the interviewer confirms it:
/// Submit is refused while one is unconfirmed, choosing its level again confirms it, and a
/// loaded card keeps marks only on capabilities it rates.
#[wasm_bindgen_test]
fn drafted_ratings_are_confirmed_before_the_card_submits() {
    use scorecard::core::Rating;
    use scorecard::web::assist::Assistance;
    use scorecard::web::state::{Action, ScorerState};
    use yew::Reducible;

    let rubric = rubric();
    let state = Rc::new(ScorerState::new(rubric.clone(), scorecard::core::Scorecard::new(&rubric)));
    let state = state.reduce(Action::AssistReady { assist: Assistance::Ready(Rc::new(CoreAssist)) });
    let state =
        state.reduce(Action::Observe { text: "Mentors two new grads on her team and meets them weekly.".into() });
    let state = state.reduce(Action::SetCandidate { name: "Ada Lovelace".into() });
    let state = state.reduce(Action::SetInterviewer { name: "Grace Hopper".into() });
    let state = state.reduce(Action::DraftRatings);
    assert_eq!(state.drafted, vec!["mentorship_support".to_string()]);
    let level = state.card.rating("mentorship_support");
    assert_ne!(level, Rating::NotAssessed);

    let refused = state.clone().reduce(Action::Submit { at: "2026-11-25T10:00:00Z".into() });
    assert_eq!(refused.card.submitted_at, None, "not submitted with a drafted rating");
    assert!(
        refused.notice.as_deref().is_some_and(|n| n.starts_with("Not submitted") && n.contains("Mentorship & Support")),
        "{:?}",
        refused.notice
    );

    // A restored draft keeps the marks of rated capabilities only.
    let restored = state.clone().reduce(Action::Load {
        card: state.card.clone(),
        notice: None,
        drafted: vec!["mentorship_support".into(), "business_impact".into()],
    });
    assert_eq!(restored.drafted, vec!["mentorship_support".to_string()]);
    let other = state.clone().reduce(Action::Load {
        card: scorecard::core::Scorecard::new(&rubric),
        notice: None,
        drafted: Vec::new(),
    });
    assert!(other.drafted.is_empty(), "another card has no marks");

    // Its evidence retagged to another capability, the drafted rating is withdrawn: it is not
    // left to be confirmed without evidence.
    let id = state.card.observations[0].id.clone();
    let moved = state.clone().reduce(Action::Retag {
        id: id.clone(),
        capability: Some("business_impact".into()),
        level: Rating::Meets,
    });
    assert!(moved.drafted.is_empty());
    assert_eq!(moved.card.rating("mentorship_support"), Rating::NotAssessed);
    assert_eq!(moved.card.rating("business_impact"), Rating::NotAssessed, "nothing drafted where it went");
    // Said with the move, for a screen reader: the rating changed on another card.
    assert_eq!(
        moved.after.as_ref().map(|a| a.message.as_str()),
        Some("Moved to Business Impact. The rating drafted for Mentorship & Support was withdrawn: no observation supports it now.")
    );
    // Its level set to none where it is: withdrawn, and said on its own.
    let unrated = state.clone().reduce(Action::Retag {
        id: id.clone(),
        capability: Some("mentorship_support".into()),
        level: Rating::NotAssessed,
    });
    assert!(unrated.drafted.is_empty());
    assert_eq!(
        unrated.after.as_ref().map(|a| (a.message.as_str(), a.focus.as_str())),
        Some(("The rating drafted for Mentorship & Support was withdrawn: no observation supports it now.", ""))
    );
    // Removed, likewise.
    let removed = state.clone().reduce(Action::RemoveObservation { id });
    assert!(removed.drafted.is_empty());
    assert_eq!(removed.card.rating("mentorship_support"), Rating::NotAssessed);
    assert!(removed.after.as_ref().is_some_and(|a| a
        .message
        .starts_with("Observation removed. The rating drafted for Mentorship & Support was withdrawn")));

    let confirmed = refused.reduce(Action::Rate { capability: "mentorship_support".into(), level });
    assert!(confirmed.drafted.is_empty());
    assert_eq!(confirmed.notice, None, "the refusal no longer applies once nothing is drafted");
    assert_eq!(confirmed.card.rating("mentorship_support"), level, "confirming keeps the level");
    let submitted = confirmed.reduce(Action::Submit { at: "2026-11-25T10:00:00Z".into() });
    assert_eq!(submitted.card.submitted_at.as_deref(), Some("2026-11-25T10:00:00Z"));
}

/// A card with no candidate, no interviewer or no rating is not submitted: the refusal names
/// what is missing, the keyboard goes to the first of it, and the refusal goes once all are
/// there; a successful Submit clears any notice.
#[wasm_bindgen_test]
fn a_blank_card_is_refused_and_notices_go_when_they_no_longer_apply() {
    use scorecard::core::Rating;
    use scorecard::web::state::{Action, ScorerState};
    use yew::Reducible;

    let rubric = rubric();
    let at = || Action::Submit { at: "2026-11-25T10:00:00Z".into() };
    let blank = Rc::new(ScorerState::new(rubric.clone(), scorecard::core::Scorecard::new(&rubric)));
    let refused = blank.reduce(at());
    assert_eq!(refused.card.submitted_at, None);
    assert_eq!(refused.notice.as_deref(), Some("Not submitted: add the candidate's name and the interviewer's name, and rate at least one capability first."));
    assert_eq!(refused.after.as_ref().map(|a| a.focus.as_str()), Some("candidate"));
    let again = refused.clone().reduce(at());
    assert_ne!(again.notice, refused.notice, "the same refusal twice is still a change, so it is announced");
    assert_ne!(
        again.after.as_ref().map(|a| a.count),
        refused.after.as_ref().map(|a| a.count),
        "and the focus moves again"
    );

    let candidate = refused.reduce(Action::SetCandidate { name: "Ada Lovelace".into() }).reduce(at());
    assert_eq!(
        candidate.notice.as_deref(),
        Some("Not submitted: add the interviewer's name and rate at least one capability first.")
    );
    assert_eq!(candidate.after.as_ref().map(|a| a.focus.as_str()), Some("interviewer"));
    let named = candidate.reduce(Action::SetInterviewer { name: "Grace Hopper".into() }).reduce(at());
    assert_eq!(named.notice.as_deref(), Some("Not submitted: rate at least one capability first."));
    assert_eq!(named.after.as_ref().map(|a| a.focus.as_str()), Some("technical_expertise-not_assessed"));
    // A note without a rating is not a rating.
    let noted =
        named.reduce(Action::Note { capability: "business_impact".into(), text: "Asked who it was for.".into() });
    assert!(noted.notice.is_some(), "still missing a rating");
    let rated = noted.reduce(Action::Rate { capability: "business_impact".into(), level: Rating::Meets });
    assert_eq!(rated.notice, None, "nothing missing: the refusal goes");
    // The interviewer's name alone missing (blank is missing): refused, the keyboard there.
    let nobody = rated.clone().reduce(Action::SetInterviewer { name: "  ".into() }).reduce(at());
    assert_eq!(nobody.card.submitted_at, None);
    assert_eq!(nobody.notice.as_deref(), Some("Not submitted: add the interviewer's name first."));
    assert_eq!(nobody.after.as_ref().map(|a| a.focus.as_str()), Some("interviewer"));
    assert_eq!(
        nobody.reduce(Action::SetInterviewer { name: "Grace Hopper".into() }).notice,
        None,
        "named: the refusal goes"
    );

    let restored = rated.clone().reduce(Action::Load {
        card: rated.card.clone(),
        notice: Some("Your draft was restored.".into()),
        drafted: Vec::new(),
    });
    let submitted = restored.reduce(at());
    assert_eq!(submitted.card.submitted_at.as_deref(), Some("2026-11-25T10:00:00Z"));
    assert_eq!(submitted.notice, None, "a successful Submit clears the notice");
    // Reopened, the names stay as submitted.
    let reopened = submitted.reduce(Action::Reopen);
    assert!(reopened.submitted_once);
    let renamed = reopened.clone().reduce(Action::SetCandidate { name: "Sam Lee".into() });
    assert_eq!(renamed.card.candidate.name, "Ada Lovelace");
    let rerated = reopened.reduce(Action::Rate { capability: "business_impact".into(), level: Rating::Exceeds });
    assert_eq!(rerated.card.rating("business_impact"), Rating::Exceeds, "ratings can be corrected");
}

/// Removing an observation leaves Undo where it was, with the keyboard on it; Undo puts it
/// back in its place (under a new id if one added since took its id), and both are said.
#[wasm_bindgen_test]
fn removing_an_observation_can_be_undone_in_place() {
    use scorecard::core::Rating;
    use scorecard::web::state::{Action, ScorerState};
    use yew::Reducible;

    let rubric = rubric();
    let mut state = Rc::new(ScorerState::new(rubric.clone(), scorecard::core::Scorecard::new(&rubric)));
    for text in ["One", "Two", "Three"] {
        state = state.reduce(Action::Observe { text: text.into() });
    }
    let ids: Vec<String> = state.card.observations.iter().map(|o| o.id.clone()).collect();
    let texts = |s: &ScorerState| s.card.observations.iter().map(|o| o.text.clone()).collect::<Vec<_>>();
    let focus = |s: &ScorerState| s.after.as_ref().map(|a| (a.focus.clone(), a.message.clone()));
    let state = state.reduce(Action::RemoveObservation { id: ids[0].clone() });
    let serial = state.removed[0].serial;
    assert_eq!(focus(&state), Some((format!("undo-{serial}"), "Observation removed.".to_string())));
    assert_eq!(state.removed.last().map(|r| r.index), Some(0), "shown where it was");
    let state = state.reduce(Action::UndoRemove { serial });
    assert_eq!(texts(&state), ["One", "Two", "Three"], "back in its place");
    assert_eq!(focus(&state), Some((format!("{}-cap", ids[0]), "Observation restored.".to_string())));
    assert!(state.removed.is_empty());

    // The last one, then a new one takes its id: Undo gives it another.
    let state = state.reduce(Action::RemoveObservation { id: ids[2].clone() });
    assert_eq!(state.removed.last().map(|r| r.index), Some(2), "shown at the end of its list");
    let serial = state.removed[0].serial;
    let state = state.reduce(Action::Observe { text: "Four".into() });
    assert_eq!(state.card.observations[2].id, ids[2]);
    let state = state.reduce(Action::UndoRemove { serial });
    assert_eq!(texts(&state), ["One", "Two", "Three", "Four"]);
    let mut unique: Vec<&String> = state.card.observations.iter().map(|o| &o.id).collect();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 4, "ids stay unique");

    // Submitting ends it: a submitted card is not edited.
    let state = state.reduce(Action::RemoveObservation { id: ids[1].clone() });
    let state = state
        .reduce(Action::SetCandidate { name: "Ada".into() })
        .reduce(Action::SetInterviewer { name: "Grace".into() });
    let state = state.reduce(Action::Rate { capability: "business_impact".into(), level: Rating::Meets });
    assert!(!state.removed.is_empty(), "other edits keep it");
    let state = state.reduce(Action::Submit { at: "2026-11-26T10:00:00Z".into() });
    assert!(state.removed.is_empty());
}

/// Every removal stays undoable, in any order, each back in its place; the oldest are forgotten
/// past `MAX_UNDO` (QA M11: a second removal discarded the first one's Undo).
#[wasm_bindgen_test]
fn each_removal_can_be_undone_in_any_order() {
    use scorecard::core::notes::MAX_UNDO;
    use scorecard::web::state::{Action, ScorerState};
    use yew::Reducible;

    let rubric = rubric();
    let mut state = Rc::new(ScorerState::new(rubric.clone(), scorecard::core::Scorecard::new(&rubric)));
    let all = ["a", "b", "c", "d", "e", "f", "g", "h"];
    for text in all {
        state = state.reduce(Action::Observe { text: text.into() });
    }
    let texts = |s: &ScorerState| s.card.observations.iter().map(|o| o.text.clone()).collect::<Vec<_>>();
    let id = |s: &ScorerState, t: &str| s.card.observations.iter().find(|o| o.text == t).map(|o| o.id.clone()).unwrap();
    // b then c (neighbours), then a.
    for t in ["b", "c", "a"] {
        let i = id(&state, t);
        state = state.reduce(Action::RemoveObservation { id: i });
    }
    assert_eq!(state.removed.len(), 3);
    let serial =
        |s: &ScorerState, t: &str| s.removed.iter().find(|r| r.observation.text == t).map(|r| r.serial).unwrap();
    // The first removed first, then the last, then the middle one.
    for t in ["b", "a", "c"] {
        let n = serial(&state, t);
        state = state.reduce(Action::UndoRemove { serial: n });
    }
    assert_eq!(texts(&state), all, "each back in its place");
    assert!(state.removed.is_empty());

    // Bounded: the oldest removals are forgotten.
    for t in all {
        let i = id(&state, t);
        state = state.reduce(Action::RemoveObservation { id: i });
    }
    assert_eq!(state.removed.len(), MAX_UNDO);
    assert_eq!(state.removed[0].observation.text, all[all.len() - MAX_UNDO]);
    let serials: Vec<u32> = state.removed.iter().map(|r| r.serial).collect();
    for n in serials.into_iter().rev() {
        state = state.reduce(Action::UndoRemove { serial: n });
    }
    assert_eq!(texts(&state), &all[all.len() - MAX_UNDO..]);
}

/// The card on screen loaded again only to say something (another tab's unreadable version kept
/// aside, with "Keep this version") keeps its open edit and its Undo rows; another card does not.
#[wasm_bindgen_test]
fn the_same_card_loaded_again_keeps_its_edit_and_undo() {
    use scorecard::web::assist::Assistance;
    use scorecard::web::state::{Action, ScorerState};
    use yew::Reducible;

    let rubric = rubric();
    let state = Rc::new(ScorerState::new(rubric.clone(), scorecard::core::Scorecard::new(&rubric)))
        .reduce(Action::AssistReady { assist: Assistance::Ready(Rc::new(CoreAssist)) })
        .reduce(Action::Observe { text: "Led the migration across 3 teams.".into() })
        .reduce(Action::Observe { text: "Wrote the design doc.".into() })
        .reduce(Action::Observe { text: "Ran the retro.".into() });
    let (first, last) = (state.card.observations[0].id.clone(), state.card.observations[2].id.clone());
    let state =
        state.reduce(Action::RemoveObservation { id: last }).reduce(Action::EditObservation { id: first.clone() });
    assert!(state.edit_text(&first).is_some() && !state.removed.is_empty());
    let same = state.clone().reduce(Action::Load {
        card: state.card.clone(),
        notice: Some("kept aside".into()),
        drafted: Vec::new(),
    });
    assert!(same.edit_text(&first).is_some(), "the edit stays open");
    assert_eq!(same.removed.len(), 1, "the Undo row stays");
    assert_eq!(same.notice.as_deref(), Some("kept aside"));
    let other = state.reduce(Action::Load {
        card: scorecard::core::Scorecard::new(&rubric),
        notice: None,
        drafted: Vec::new(),
    });
    assert!(other.edit_text(&first).is_none() && other.removed.is_empty());
}

/// An observation is edited in place: a suggested tag is read again from the new text, the
/// interviewer's own tag is kept, an emptied text is refused, Cancel leaves it as it was, and
/// the keyboard and the status say each step (QA M10).
#[wasm_bindgen_test]
fn an_observation_is_edited_in_place_and_read_again() {
    use scorecard::core::scorecard::TagSource;
    use scorecard::core::Rating;
    use scorecard::web::assist::Assistance;
    use scorecard::web::state::{Action, ScorerState};
    use yew::Reducible;

    let rubric = rubric();
    let state = Rc::new(ScorerState::new(rubric.clone(), scorecard::core::Scorecard::new(&rubric)))
        .reduce(Action::AssistReady { assist: Assistance::Ready(Rc::new(CoreAssist)) })
        .reduce(Action::Observe { text: "First".into() })
        .reduce(Action::Observe {
            text: "Led the migration across 3 teams, very articulate and a good culture fit.".into(),
        })
        .reduce(Action::Observe { text: "Last".into() });
    let id = state.card.observations[1].id.clone();
    let focus = |s: &ScorerState| s.after.as_ref().map(|a| (a.focus.clone(), a.message.clone())).unwrap_or_default();
    assert_eq!(state.card.observations[1].capability, None, "flagged: left untagged");

    let editing = state.reduce(Action::EditObservation { id: id.clone() });
    assert_eq!(
        focus(&editing),
        (format!("{id}-editor"), "Editing the observation: Enter saves it, Escape cancels.".to_string())
    );
    let typed = editing.reduce(Action::EditText {
        id: id.clone(),
        text: "Led the payments migration across 3 teams and kept a weekly risk log shared with product.".into(),
    });
    // Typing changes nothing on the card; another change keeps what was typed.
    let typed = typed
        .reduce(Action::SetCandidate { name: "Ada".into() })
        .reduce(Action::SetInterviewer { name: "Grace".into() });
    assert!(typed.edit_text(&id).is_some_and(|t| t.starts_with("Led the payments")));
    let refused = typed
        .clone()
        .reduce(Action::Rate { capability: "business_impact".into(), level: Rating::Meets })
        .reduce(Action::Submit { at: "2026-11-26T10:00:00Z".into() });
    assert!(refused.card.submitted_at.is_none(), "not submitted while an edit is open");
    assert!(refused.notice.as_deref().is_some_and(|n| n.contains("editing")), "{:?}", refused.notice);
    assert_eq!(focus(&refused).0, format!("{id}-editor"));

    // Cancel: as it was.
    let cancelled = typed.clone().reduce(Action::CancelEdit { id: id.clone() });
    assert_eq!(cancelled.card, typed.card);
    assert!(cancelled.editing.is_empty());
    assert_eq!(focus(&cancelled).0, format!("{id}-edit"));

    // Saved: in its place, read again, tagged as the new text reads.
    let saved = typed.reduce(Action::SaveObservation { id: id.clone() });
    let o = &saved.card.observations[1];
    assert_eq!(
        (o.id.as_str(), o.text.as_str()),
        (id.as_str(), "Led the payments migration across 3 teams and kept a weekly risk log shared with product.")
    );
    assert_eq!(o.capability.as_deref(), Some("project_ownership"));
    assert_eq!(o.source, TagSource::Suggested);
    assert!(saved.analysis(&o.text).is_some_and(|a| a.as_ref().is_ok_and(|c| c.flags.is_empty())));
    assert_eq!(
        focus(&saved),
        (format!("{id}-edit"), "Observation changed and read again: suggested for Project Ownership.".to_string())
    );
    assert!(saved.editing.is_empty());

    // The interviewer's own tag is kept through an edit.
    let mine = saved.reduce(Action::Retag {
        id: id.clone(),
        capability: Some("business_impact".into()),
        level: Rating::Exceeds,
    });
    let edited = mine
        .reduce(Action::EditObservation { id: id.clone() })
        .reduce(Action::EditText { id: id.clone(), text: "Mentors two juniors weekly.".into() })
        .reduce(Action::SaveObservation { id: id.clone() });
    let o = &edited.card.observations[1];
    assert_eq!(
        (o.capability.as_deref(), o.level, o.source),
        (Some("business_impact"), Rating::Exceeds, TagSource::Interviewer)
    );
    assert_eq!(focus(&edited).1, "Observation changed; your tag, Business Impact, is kept.");

    // Emptied: refused, still editing; nothing is removed by an edit.
    let emptied = edited
        .reduce(Action::EditObservation { id: id.clone() })
        .reduce(Action::EditText { id: id.clone(), text: "  ".into() })
        .reduce(Action::SaveObservation { id: id.clone() });
    assert_eq!(emptied.card.observations.len(), 3);
    assert_eq!(emptied.card.observations[1].text, "Mentors two juniors weekly.");
    assert!(emptied.edit_text(&id).is_some());
    assert_eq!(focus(&emptied).0, format!("{id}-editor"));
}

/// A list of notes is added as one observation per note, each read on its own; Add as one
/// keeps it whole, read with no confidence (QA M9).
#[wasm_bindgen_test]
fn a_list_of_notes_is_added_one_observation_per_note() {
    use scorecard::web::assist::Assistance;
    use scorecard::web::state::{Action, ScorerState};
    use yew::Reducible;

    let rubric = rubric();
    let list = "- Asked about expected QPS before designing\n- Needed two hints on cache staleness\n- Mentors two juniors weekly\n- Missed the billing deadline by a month";
    let ready = Rc::new(ScorerState::new(rubric.clone(), scorecard::core::Scorecard::new(&rubric)))
        .reduce(Action::AssistReady { assist: Assistance::Ready(Rc::new(CoreAssist)) });
    let split = ready.clone().reduce(Action::Observe { text: list.into() });
    let texts: Vec<&str> = split.card.observations.iter().map(|o| o.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Asked about expected QPS before designing",
            "Needed two hints on cache staleness",
            "Mentors two juniors weekly",
            "Missed the billing deadline by a month"
        ]
    );
    let ids: Vec<&str> = split.card.observations.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["o1", "o2", "o3", "o4"]);
    assert_eq!(split.card.observations[2].capability.as_deref(), Some("mentorship_support"));

    let whole = ready.reduce(Action::ObserveAsOne { text: list.into() });
    assert_eq!(whole.card.observations.len(), 1);
    let reading = whole.analysis(list).and_then(|a| a.as_ref().ok()).cloned().unwrap();
    assert!(reading.confidence <= 0.3 && reading.level_unsure(), "{reading:?}");
}
