//! Fuzzes the ladder reader: ladder documents (the seed's text format) a team writes by hand.
//!
//! Beyond "never panics": a ladder that reads is a valid rubric, which writes to JSON that reads
//! back to the same rubric, and the engine takes it at every uniform rating.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scorecard::core::ladder::rubric_from_ladder;
use scorecard::core::{recommend, Rating, Rubric, Scorecard};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(base) = Rubric::default_rubric() else { return };
    let Ok(ladder) = rubric_from_ladder(text, &base) else { return };
    let rubric = ladder.rubric;
    rubric.validate().expect("a ladder reads into a valid rubric");
    let written = serde_json::to_string(&rubric).expect("a rubric writes as JSON");
    let mut again = Rubric::from_json(&written).expect("a written rubric reads back");
    again.source_json.clear();
    assert_eq!(again, rubric, "the ladder's rubric changed in a JSON round trip");
    for rating in [Rating::NotAssessed, Rating::NeedsImprovement, Rating::Meets, Rating::Exceeds] {
        let mut card = Scorecard::new(&rubric);
        for capability in &rubric.capabilities {
            card.ratings.slot(&capability.id).level = rating;
        }
        let _ = recommend(&rubric, &card);
    }
});
