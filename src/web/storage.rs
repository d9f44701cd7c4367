//! Draft storage in the browser: `localStorage` when the browser allows it, memory otherwise.
//!
//! Storage can be blocked (sandboxed iframes, privacy modes: `window.localStorage` throws), full
//! or read-only (`setItem` throws) or hold data that no longer parses. None of these may crash
//! the page or lose what was typed: what storage refused is kept in memory, and read back before
//! what storage holds, the caller shows the reason, and a corrupt value is moved aside under a
//! `…:corrupt:<time>` key rather than deleted. Storage that refuses writes is still read: what
//! it holds stays listed and opened.

use std::cell::RefCell;

use crate::core::{Rubric, Scorecard};

/// The prefix of every key this app writes.
pub const PREFIX: &str = "scorecard:v1:";

/// Why [`DraftStore::set`] failed when browser storage is over its quota.
pub const FULL: &str = "browser storage is full";

/// Where drafts go.
pub struct DraftStore {
    local: Option<web_sys::Storage>,
    /// The values storage refused (all of them, where it is blocked), by key: this tab's
    /// unsaved work, which [`DraftStore::get`] reads before storage, and a reload would lose.
    memory: RefCell<Vec<(String, String)>>,
    /// What browser storage held under a key when this store last wrote it there or read it:
    /// what [`DraftStore::changed_elsewhere`] compares with (a write that failed is not there).
    known: RefCell<Vec<(String, String)>>,
    /// Keys browser storage was known to hold nothing under, when this store last read, removed
    /// or accepted them (see [`DraftStore::changed_since`]).
    absent: RefCell<Vec<String>>,
    /// Keys holding a draft that could not be read nor copied aside: never written over.
    kept: RefCell<Vec<String>>,
    /// Why `local` is missing or refused a first write, when it is or did.
    pub blocked_reason: Option<String>,
    /// Why storage refused the last write (full, say), when it did: a new card says at once that
    /// it will not be saved either (`on_switch` in app.rs), rather than "Not saved yet".
    pub refused: std::cell::Cell<Option<&'static str>>,
}

/// What loading a draft found.
pub enum Loaded {
    Nothing,
    Draft(Scorecard),
    /// The stored `text` did not parse (`error`); it is left where it is, for
    /// [`DraftStore::set_aside`].
    Corrupt {
        text: String,
        error: String,
    },
}

impl DraftStore {
    /// Opens `localStorage`, checking that a write works (it is read all the same when one does
    /// not: full or read-only); falls back to memory when it is blocked.
    pub fn open() -> DraftStore {
        let mut store = DraftStore {
            local: None,
            memory: RefCell::new(Vec::new()),
            known: RefCell::new(Vec::new()),
            absent: RefCell::new(Vec::new()),
            kept: RefCell::new(Vec::new()),
            blocked_reason: None,
            refused: Default::default(),
        };
        let Some(window) = web_sys::window() else {
            store.blocked_reason = Some("no browser window".into());
            return store;
        };
        // `local_storage()` returns Err when the browser throws on access (blocked storage).
        match window.local_storage() {
            Ok(Some(s)) => {
                let probe = format!("{PREFIX}probe");
                if s.set_item(&probe, "1").is_ok() {
                    let _ = s.remove_item(&probe);
                } else {
                    store.blocked_reason = Some("this browser refuses to save (storage is full or read-only)".into());
                }
                store.local = Some(s);
            }
            Ok(None) | Err(_) => {
                store.blocked_reason = Some("this browser blocks storage for this page".into());
            }
        }
        store
    }

    /// The key of a draft: by rubric, candidate, interviewer and interview step, so one
    /// interviewer's two steps with one candidate are two drafts. A card with no step keeps the
    /// key drafts had before the step was part of it.
    pub fn draft_key(rubric_id: &str, candidate: &str, interviewer: &str, step: &str) -> String {
        let key = format!("{PREFIX}draft:{rubric_id}:{}:{}", Self::key_part(candidate), Self::key_part(interviewer));
        if step.trim().is_empty() {
            key
        } else {
            format!("{key}:{}", Self::key_part(step))
        }
    }

    /// A name or step as a draft key holds it: trimmed, ASCII lowercase, with `%` and the key's
    /// separator `:` escaped (else candidate "Ada:Grace" and interviewer "x" would share a key
    /// with candidate "Ada", interviewer "Grace:x"). Two values with the same part name the same
    /// draft.
    pub fn key_part(s: &str) -> String {
        s.trim().to_ascii_lowercase().replace('%', "%25").replace(':', "%3a")
    }

    /// The key of `card`'s draft (see `draft_key`).
    pub fn card_key(rubric_id: &str, card: &Scorecard) -> String {
        Self::draft_key(rubric_id, card.candidate.key(), card.interviewer.key(), &card.interview.step)
    }

    /// The key that keeps which ratings of the draft under `draft_key` were drafted from
    /// observations and are not yet confirmed (capability ids, one per line). Not part of the
    /// scorecard document: it is the interviewer's own progress, and a submitted card has none.
    fn drafted_key(draft_key: &str) -> String {
        // Slicing, not `replacen`: a substring search would link about 2 KB of searcher code.
        format!("{PREFIX}drafted/{}", draft_key.get(PREFIX.len()..).unwrap_or(draft_key))
    }

    /// The key that remembers which draft was open last.
    pub fn last_key(rubric_id: &str) -> String {
        format!("{PREFIX}last:{rubric_id}")
    }

    /// Reads a raw value: the one storage refused last, else the one it holds.
    pub fn get(&self, key: &str) -> Option<String> {
        self.unsaved(key).or_else(|| self.local.as_ref()?.get_item(key).ok().flatten())
    }

    /// The value storage refused under `key`, if the last write there failed.
    pub fn unsaved(&self, key: &str) -> Option<String> {
        self.memory.borrow().iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    }

    /// True when a write failed in this tab and has not succeeded since: a reload would lose it.
    pub fn holds_unsaved(&self) -> bool {
        !self.memory.borrow().is_empty()
    }

    /// Keeps `value` under `key` in `list` (the memory fallback, or what storage is known to hold).
    fn keep(list: &RefCell<Vec<(String, String)>>, key: &str, value: &str) {
        let mut list = list.borrow_mut();
        list.retain(|(k, _)| k != key);
        list.push((key.to_string(), value.to_string()));
    }

    /// True when browser storage holds, under `key`, another value than the one this store last
    /// wrote or read there, or a value where it last read nothing: another tab, window or widget
    /// saved the same scorecard since. (Two widgets of one card, both opened blank, are the
    /// second case: the second to save would overwrite the first's card.) [`Self::changed_since`]
    /// but for a removal, which is no such change: the card is saved again.
    pub fn changed_elsewhere(&self, key: &str) -> bool {
        self.stored(key).is_some_and(|now| self.changed_from(key, Some(&now)))
    }

    /// Takes what browser storage holds under `key` as known (the user chose to replace it).
    pub fn accept(&self, key: &str) {
        self.note(key, self.stored(key).as_deref());
    }

    /// What browser storage itself holds under `key` (not what it refused, kept in this tab).
    pub fn stored(&self, key: &str) -> Option<String> {
        self.local.as_ref()?.get_item(key).ok().flatten()
    }

    /// What this store last read, wrote or accepted under `key` (`None`: nothing there, or never
    /// read): what another tab's change is a change from.
    pub fn known(&self, key: &str) -> Option<String> {
        self.known.borrow().iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    }

    /// Reads what browser storage holds under `key`, as known ([`DraftStore::changed_since`]).
    pub fn read_known(&self, key: &str) -> Option<String> {
        let now = self.stored(key);
        self.note(key, now.as_deref());
        now
    }

    /// Remembers that browser storage holds `value` under `key` (`None`: nothing).
    fn note(&self, key: &str, value: Option<&str>) {
        self.absent.borrow_mut().retain(|k| k != key);
        match value {
            Some(v) => Self::keep(&self.known, key, v),
            None => {
                self.known.borrow_mut().retain(|(k, _)| k != key);
                self.absent.borrow_mut().push(key.to_string());
            }
        }
    }

    /// True when browser storage holds under `key` another value than this store last read,
    /// wrote, removed or accepted there, nothing included: another tab or window wrote or
    /// removed it since. False for a key this store never read.
    pub fn changed_since(&self, key: &str) -> bool {
        self.changed_from(key, self.stored(key).as_deref())
    }

    /// [`Self::changed_since`] with what storage holds under `key` already read (`now`): a
    /// card's value is read once per save.
    fn changed_from(&self, key: &str, now: Option<&str>) -> bool {
        if let Some((_, v)) = self.known.borrow().iter().find(|(k, _)| k == key) {
            return now != Some(v.as_str());
        }
        now.is_some() && self.absent.borrow().iter().any(|k| k == key)
    }

    /// The drafts of rubric `rubric_id`: (key, document text, whether storage refused it), those
    /// storage refused first, then those it holds, in storage order. Drafts kept aside as
    /// corrupt are not among them.
    pub fn drafts(&self, rubric_id: &str) -> Vec<(String, String, bool)> {
        let prefix = format!("{PREFIX}draft:{rubric_id}:");
        let ours = |k: &String| k.starts_with(&prefix) && !super::holds(k, ":corrupt:");
        let mut out: Vec<_> =
            self.memory.borrow().iter().filter(|(k, _)| ours(k)).map(|(k, v)| (k.clone(), v.clone(), true)).collect();
        if let Some(s) = &self.local {
            for k in (0..s.length().unwrap_or(0)).filter_map(|i| s.key(i).ok().flatten()) {
                if ours(&k) && self.unsaved(&k).is_none() {
                    out.extend(s.get_item(&k).ok().flatten().map(|v| (k, v, false)));
                }
            }
        }
        out
    }

    /// Writes a raw value. On failure the value is kept in memory and the reason returned.
    pub fn set(&self, key: &str, value: &str) -> Result<(), String> {
        Self::keep(&self.memory, key, value);
        if self.kept.borrow().iter().any(|k| k == key) {
            return Err("a saved draft under these names could not be read, and is kept as it is".into());
        }
        match &self.local {
            Some(s) => s
                .set_item(key, value)
                .map(|()| {
                    // (Storage that takes writes again, once room is made, is no longer refusing.)
                    self.refused.set(None);
                    self.memory.borrow_mut().retain(|(k, _)| k != key);
                    self.note(key, Some(value))
                })
                .map_err(|e| {
                    let name =
                        js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
                    let reason = if name == "QuotaExceededError" { FULL } else { "the browser refused to save" };
                    self.refused.set(Some(reason));
                    reason.into()
                }),
            None => Err(self.blocked_reason.clone().unwrap_or_else(|| "storage unavailable".into())),
        }
    }

    /// About how much browser storage holds besides the value under `key` (its quota counts the
    /// characters of keys and values), to say what fills it: storage as one JSON text, less that
    /// value. The quotes inside values, escaped, count twice; a loop over the keys cost the
    /// committee's bundle 200 bytes more.
    pub fn held_besides(&self, key: &str) -> usize {
        let Some(s) = &self.local else { return 0 };
        let all = js_sys::JSON::stringify(s).ok().and_then(|t| t.as_string()).map_or(0, |t| t.len());
        all.saturating_sub(s.get_item(key).ok().flatten().map_or(0, |v| v.len()))
    }

    /// The capabilities of the draft under `draft_key` whose ratings are drafted and not yet
    /// confirmed (kept under [`DraftStore::drafted_key`], one id per line).
    pub fn load_drafted(&self, draft_key: &str) -> Vec<String> {
        self.get(&Self::drafted_key(draft_key)).map_or_else(Vec::new, |ids| ids.lines().map(str::to_string).collect())
    }

    /// Keeps `ids` as the drafted ratings of the draft under `draft_key`; none removes the key.
    pub fn save_drafted(&self, draft_key: &str, ids: &[String]) -> Result<(), String> {
        let key = Self::drafted_key(draft_key);
        if ids.is_empty() {
            self.remove(&key);
            Ok(())
        } else {
            self.set(&key, &ids.join("\n"))
        }
    }

    /// Forgets what storage refused under the draft key `key` and its marks, leaving what
    /// storage holds there.
    pub fn forget_unsaved(&self, key: &str) {
        let marks = Self::drafted_key(key);
        self.memory.borrow_mut().retain(|(k, _)| k != key && *k != marks);
    }

    /// Removes a value.
    pub fn remove(&self, key: &str) {
        // An unreadable draft that could not be copied aside is never removed either.
        if self.kept.borrow().iter().any(|k| k == key) {
            return;
        }
        self.memory.borrow_mut().retain(|(k, _)| k != key);
        if let Some(s) = &self.local {
            if s.remove_item(key).is_ok() {
                self.note(key, None);
            }
        }
    }

    /// Loads and parses the draft under `key`. A corrupt value is only reported: reading writes
    /// nothing, so the scorer reads its draft once, while it first renders, and leaves moving
    /// a corrupt one aside (`set_aside`) to its mount effect.
    pub fn load_draft(&self, key: &str, rubric: &Rubric) -> Loaded {
        let Some(text) = self.get(key) else {
            // Read as empty: a card saved there since is another's (`changed_elsewhere`).
            if self.local.is_some() {
                self.note(key, None);
            }
            return Loaded::Nothing;
        };
        // Drafts go through the same import as files (`read_json` is `import_json` with the error
        // as a `ScorecardError`), so an older draft is migrated on load.
        match crate::core::interchange::read_json(&text, rubric) {
            Ok(card) => {
                // (What storage refused is not what it holds.)
                if self.local.is_some() && self.unsaved(key).is_none() {
                    Self::keep(&self.known, key, &text);
                }
                Loaded::Draft(card)
            }
            Err(e) => Loaded::Corrupt { text, error: e.to_string() },
        }
    }

    /// Moves the unreadable `text` under `key` aside, under `key:corrupt:<now>`, and returns
    /// the key it is kept under. Kept, not deleted: someone may still recover it by hand. Where
    /// it cannot be copied aside (full storage), it stays where it is, never written over, and
    /// that is `key` itself.
    pub fn set_aside(&self, key: &str, text: &str, now: &str) -> String {
        let aside = format!("{key}:corrupt:{now}");
        if self.set(&aside, text).is_ok() {
            self.remove(key);
            aside
        } else {
            self.kept.borrow_mut().push(key.to_string());
            key.to_string()
        }
    }
}

/// Runs `f` once the browser is idle after its next frames (at most 500 ms from now), or in the
/// next task where there is no `requestIdleCallback` (Safari). For saves that should not hold
/// up the paint of the change they save.
pub fn when_idle(f: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else { return };
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(500);
    if window.request_idle_callback_with_options(callback.unchecked_ref(), &options).is_err() {
        let _ = window.set_timeout_with_callback(callback.unchecked_ref());
    }
}
