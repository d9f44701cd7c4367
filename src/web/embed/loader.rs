//! The widget's side of its on-demand module: loads `scorecard-extras` once per page (through
//! `src/web/js/extras-loader.js`) and calls it as an [`Assist`]. Requests and replies are JSON
//! text, shaped and read by [`crate::core::wire`].

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::classifier::{Classification, Flag};
use crate::core::interchange::Imported;
use crate::core::{wire, Rubric, Scorecard};
use crate::web::assist::Assist;

#[wasm_bindgen(module = "/src/web/js/extras-loader.js")]
extern "C" {
    #[wasm_bindgen(js_name = loadExtras)]
    fn load_extras(protocol: &str, on_ready: &js_sys::Function, on_error: &js_sys::Function);
    #[wasm_bindgen(js_name = callExtras, catch)]
    fn call_extras(name: &str, a: &str, b: &str, c: &str, d: &str) -> Result<String, JsValue>;
    /// The panel beside the cards (toolbar.css) scrolls on its own when taller than the window,
    /// and a focus moving into it (the share link's box) scrolls it: the page scrolled back up,
    /// its top (the recommendation) stayed out of view. From now on, in the widget mounted into
    /// `element`, it shows its top again as the page (or a host's scrolling element in the same
    /// document: scroll events inside a host's own shadow root do not reach it) brings it back
    /// from stuck to where it starts, beside the top of the cards; only then, so a panel the user
    /// scrolled while it sits there stays as they left it. (`keepPanelTop` in extras-loader.js:
    /// a scroll listener of the page's written in Rust cost the widget 500 bytes.)
    #[wasm_bindgen(js_name = keepPanelTop)]
    pub fn keep_panel_top(element: &web_sys::Element);
}

/// The loaded on-demand module.
struct Extras;

/// A thrown JavaScript value as a sentence.
fn js_message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

fn call(name: &str, a: &str, b: &str, c: &str, d: &str) -> Result<String, String> {
    call_extras(name, a, b, c, d).map_err(|e| format!("the import and suggestion module failed: {}", js_message(&e)))
}

impl Assist for Extras {
    fn classify(&self, text: &str) -> Result<Classification, String> {
        wire::decode_classification(&call("classify", text, "", "", "")?)
    }

    fn flags(&self, text: &str) -> Vec<Flag> {
        call("flags", text, "", "", "").and_then(|reply| wire::decode_flags(&reply)).unwrap_or_default()
    }

    fn import(&self, text: &str, rubric: &Rubric) -> Result<Imported, String> {
        wire::decode_import(&call("importScorecard", text, &rubric.source_json, "", "")?, rubric)
    }

    fn export(&self, format: &str, card: &Scorecard, rubric: &Rubric, base: &str) -> Result<String, String> {
        wire::decode_text(&call("exportScorecard", format, &card.to_json(), &rubric.source_json, base)?)
    }
}

/// Loads the on-demand module (once per page; later calls reuse it) and calls `done` with it, or
/// with why it could not be loaded (including a module that speaks another [`wire::PROTOCOL`]).
pub fn load(done: impl FnOnce(Result<Rc<dyn Assist>, String>) + 'static) {
    load_boxed(Box::new(done));
}

/// What [`load`] calls when the module has loaded or failed to.
type Done = Box<dyn FnOnce(Result<Rc<dyn Assist>, String>)>;

/// [`load`] of one type, whichever `done` its caller gives (see [`crate::web::once`]).
fn load_boxed(done: Done) {
    let done = Rc::new(std::cell::RefCell::new(Some(done)));
    let on_ready = {
        let done = done.clone();
        Closure::once_into_js(crate::web::once(move || {
            if let Some(f) = done.borrow_mut().take() {
                f(Ok(Rc::new(Extras)));
            }
        }))
    };
    let on_error = Closure::once_into_js(move |message: String| {
        if let Some(f) = done.borrow_mut().take() {
            f(Err(message));
        }
    });
    load_extras(wire::PROTOCOL, on_ready.unchecked_ref(), on_error.unchecked_ref());
}
