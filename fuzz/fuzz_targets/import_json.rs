//! Fuzzes the scorecard JSON importer (size check, parse, migrate, validate).
//!
//! Beyond "never panics", it checks a property: whatever imports, exports and imports again to
//! the same scorecard, and every export format accepts it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scorecard::core::interchange::{encode_link, export_greenhouse, export_json, export_markdown, import_json};
use scorecard_fuzz::rubric;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(card) = import_json(text, rubric()) else { return };
    let again = import_json(&export_json(&card), rubric()).expect("an exported document imports");
    assert_eq!(again, card, "the JSON round trip changed the document");
    let _ = export_markdown(&card, rubric());
    let _ = export_greenhouse(&card, rubric());
    let _ = encode_link(&card);
});
