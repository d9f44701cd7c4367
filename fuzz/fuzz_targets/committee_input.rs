//! Fuzzes what a committee adds (a file, a paste): `split_input` into documents, each read by
//! `parse_for_panel`, then the analysis and its Markdown over whatever loaded.
//!
//! Beyond "never panics", it checks that every document `split_input` gives is text of the
//! input (it cuts, never invents), and that the report counts what loaded.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use scorecard::core::committee::{analyze, parse_for_panel, split_input, to_markdown};
use scorecard::core::Rubric;

fn rubric() -> &'static Rubric {
    static RUBRIC: OnceLock<Rubric> = OnceLock::new();
    RUBRIC.get_or_init(|| Rubric::default_rubric().expect("the embedded rubric is valid"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut cards = Vec::new();
    for (at, item) in split_input("fuzz.json", text) {
        // A list's items are written again (compact); everything else is cut from the input.
        if !text.trim_start().starts_with('[') {
            assert!(text.contains(item.as_str()), "{at}: not a part of the input");
        }
        if let Ok(card) = parse_for_panel(&item, rubric()) {
            cards.push((at, card));
        }
    }
    let report = analyze(rubric(), &cards, None);
    assert_eq!(report.scorecards, cards.len());
    let _ = to_markdown(&report);
});
