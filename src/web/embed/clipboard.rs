//! Copying text to the clipboard, for the export panel's Markdown summary and share link.
//! The JavaScript is `copyText` in `src/web/js/extras-loader.js` (that file is loaded anyway).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(module = "/src/web/js/extras-loader.js")]
extern "C" {
    #[wasm_bindgen(js_name = copyText)]
    fn copy_text(text: &str, done: &js_sys::Function);
}

/// Copies `text`; `done` hears whether the browser allowed it.
pub fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
    let done = Closure::once_into_js(done);
    copy_text(text, done.unchecked_ref());
}
