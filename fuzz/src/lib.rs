//! What the fuzz targets share. Each target is its own binary; this library is linked into each.

use std::sync::OnceLock;

use scorecard::core::Rubric;

/// The embedded default rubric, read once per process.
pub fn rubric() -> &'static Rubric {
    static RUBRIC: OnceLock<Rubric> = OnceLock::new();
    RUBRIC.get_or_init(|| Rubric::default_rubric().expect("the embedded rubric is valid"))
}
