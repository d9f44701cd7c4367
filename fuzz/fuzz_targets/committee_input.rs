//! Fuzzes what a committee adds (a file, a paste): `split_input` into documents, each read by
//! `parse_for_panel`, then the analysis and its Markdown over whatever loaded.
//!
//! Beyond "never panics", it checks that every document `split_input` gives is text of the
//! input (it cuts, never invents), and that the report counts what loaded.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scorecard::core::committee::{analyze, parse_for_panel, split_input, to_markdown};
use scorecard_fuzz::rubric;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut cards = Vec::new();
    for piece in split_input("fuzz.json", text) {
        // A list's items are written again (compact); everything else is cut from the input.
        if !text.trim_start().starts_with('[') {
            assert!(text.contains(piece.text.as_str()), "{}: not a part of the input", piece.at);
        }
        // A document's line is the line its text starts on (which it may share with the end of
        // the document before it): that line holds the document's first line.
        if let Some(line) = piece.line {
            let first = piece.text.lines().next().unwrap_or("");
            assert!(text.lines().nth(line - 1).is_some_and(|l| l.contains(first)), "{}: not at line {line}", piece.at);
        }
        if let Ok(card) = parse_for_panel(&piece.text, rubric()) {
            cards.push((piece.at, card));
        }
    }
    let report = analyze(rubric(), &cards, None);
    assert_eq!(report.scorecards, cards.len());
    let _ = to_markdown(&report);
});
