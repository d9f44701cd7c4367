//! Scorecard: an interview-scorecard widget and command-line tool.
//!
//! The crate is split in two on purpose. [`core`] is plain Rust: the rubric, the observation
//! classifier, the leveling engine, the interchange formats and the committee analysis. It never
//! touches a browser and is tested natively. `web` (behind the `web` feature) is the Yew app and
//! the one embedding module through which JavaScript sees it, including the exports of the
//! widget's on-demand module (feature `extras`). See ARCHITECTURE.md.

pub mod core;

#[cfg(any(feature = "web", feature = "extras"))]
pub mod web;

/// The allocator of both wasm modules: talc instead of Rust's default dlmalloc, for bytes (every
/// host page downloads the allocator; 2.8 KB gzip less) and a faster first render (BENCHMARKS.md,
/// "Size").
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics"), any(feature = "web", feature = "extras")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
