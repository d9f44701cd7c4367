//! Fuzzes the rubric reader: other ladders and levels load as data, from files a user picks.
//!
//! Beyond "never panics": a rubric that reads writes back to JSON that reads to the same rubric,
//! and the engine and the Markdown export take it at every uniform rating.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scorecard::core::engine::evaluate;
use scorecard::core::interchange::export_markdown;
use scorecard::core::{recommend, Rating, Rubric, Scorecard};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(rubric) = Rubric::from_json(text) else { return };
    let written = serde_json::to_string(&rubric).expect("a rubric writes as JSON");
    let mut again = Rubric::from_json(&written).expect("a written rubric reads back");
    // Each keeps the text it was read from.
    again.source_json = rubric.source_json.clone();
    assert_eq!(again, rubric, "the rubric's JSON round trip changed it");
    for rating in [Rating::NotAssessed, Rating::NeedsImprovement, Rating::Meets, Rating::Exceeds] {
        let _ = evaluate(&rubric, &|_| rating);
        let mut card = Scorecard::new(&rubric);
        for capability in &rubric.capabilities {
            card.ratings.slot(&capability.id).level = rating;
        }
        let _ = recommend(&rubric, &card);
        let _ = export_markdown(&card, &rubric);
    }
});
