//! Scorecard: an interview-scorecard widget and command-line tool.
//!
//! The crate is split in two on purpose. [`core`] is plain Rust: the rubric, the observation
//! classifier, the leveling engine, the interchange formats and the committee analysis. It never
//! touches a browser and is tested natively. `web` (behind the `web` feature) is the Yew app and
//! the one embedding module through which JavaScript sees it. See ARCHITECTURE.md.

pub mod core;

#[cfg(feature = "web")]
pub mod web;
