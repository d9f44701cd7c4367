//! The pure core: everything the widget and the command-line tool know about scorecards.
//!
//! Architecture invariant: nothing under `src/core` uses `yew`, `web_sys`, `gloo`,
//! `wasm_bindgen` or `js_sys`, and nothing here performs I/O. The native test build compiles this
//! module without those crates in the dependency graph, and `tests/architecture.rs` scans the
//! sources, so the invariant is checked rather than hoped for.
//!
//! Nothing in the core panics on input: every fallible entry point returns a `Result` whose error
//! names the field or line at fault.

pub mod classifier;
pub mod committee;
pub mod engine;
pub mod interchange;
pub mod json;
pub mod ladder;
pub mod notes;
pub mod rubric;
pub mod scorecard;
pub mod wire;

pub use engine::{recommend, Decision, Greenhouse, Recommendation};
pub use rubric::{Rubric, RubricError};
pub use scorecard::{Observation, Rating, RatingEntry, Scorecard, ScorecardError};
