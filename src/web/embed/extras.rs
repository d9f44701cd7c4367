//! The on-demand module's exports (`scorecard-extras`, built with the `extras` feature and no
//! Yew): the classifier and the import and export formats, text in and JSON text out. The
//! widget calls them through `src/web/js/extras-loader.js` and [`super::loader`]; the replies'
//! shape and their decoding live in [`crate::core::wire`].

use wasm_bindgen::prelude::*;

use crate::core::wire;

/// The message version this module speaks ([`wire::PROTOCOL`]); the loader checks it first.
#[wasm_bindgen(js_name = wireProtocol)]
pub fn wire_protocol() -> String {
    wire::PROTOCOL.to_string()
}

/// Classifies one note: `{"ok": classification}` or `{"error": message}`.
#[wasm_bindgen]
pub fn classify(text: &str) -> String {
    wire::serve_classify(text)
}

/// The warnings one note raises: `{"ok": [flag, ...]}`.
#[wasm_bindgen]
pub fn flags(text: &str) -> String {
    wire::serve_flags(text)
}

/// Imports a scorecard document, a Greenhouse scorecard or a share link against a rubric's JSON
/// (empty: the default rubric).
#[wasm_bindgen(js_name = importScorecard)]
pub fn import_scorecard(text: &str, rubric_json: &str) -> String {
    wire::serve_import(text, rubric_json)
}

/// Exports a scorecard document as `greenhouse`, `markdown` or `link` (on the page address `base`).
#[wasm_bindgen(js_name = exportScorecard)]
pub fn export_scorecard(format: &str, card_json: &str, rubric_json: &str, base: &str) -> String {
    wire::serve_export(format, card_json, rubric_json, base)
}
