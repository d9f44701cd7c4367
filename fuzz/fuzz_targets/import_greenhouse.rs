//! Fuzzes the Greenhouse scorecard importer: attribute matching, HTML stripping, limits.
//!
//! Whatever imports must be a valid scorecard: its JSON export imports back unchanged, and its
//! Greenhouse export imports again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scorecard::core::interchange::{export_greenhouse, export_json, import_greenhouse, import_json};
use scorecard_fuzz::rubric;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(imported) = import_greenhouse(text, rubric()) else { return };
    let card = imported.card;
    let again = import_json(&export_json(&card), rubric()).expect("an imported scorecard exports as valid JSON");
    assert_eq!(again, card, "the JSON round trip changed the imported scorecard");
    let out = serde_json::to_string(&export_greenhouse(&card, rubric())).expect("serializes");
    let _ = import_greenhouse(&out, rubric());
});
