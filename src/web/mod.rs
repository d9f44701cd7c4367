//! The Yew app: views, their reducers, side effects, and the one embedding module.
//!
//! Each view has one reducer (`state`) whose `reduce` forwards to pure core functions. Side
//! effects (saving drafts, telling the host page) run in `use_effect_with` hooks, never inside
//! `reduce`. Everything JavaScript sees passes through [`embed`].

//!
//! With only the `extras` feature (the on-demand module's build) nothing here but
//! [`embed::extras`] is compiled: no Yew at all.

#[cfg(feature = "web")]
pub mod app;
#[cfg(feature = "web")]
pub mod assist;
#[cfg(feature = "web")]
pub mod committee;
#[cfg(feature = "web")]
pub mod components;
pub mod embed;
#[cfg(feature = "web")]
pub mod hooks;
#[cfg(feature = "web")]
pub mod state;
#[cfg(feature = "web")]
pub mod storage;

/// `f` as the one closure type the browser calls once (the widget's timers, a load of the
/// on-demand module, a file read): each closure type handed to wasm-bindgen's `Closure::once`
/// or to gloo's `Timeout` is a copy of their glue in the wasm, so they all get this one.
#[cfg(feature = "web")]
pub(crate) fn once(f: impl FnOnce() + 'static) -> Box<dyn FnOnce()> {
    Box::new(f)
}

/// Whether `hay` holds `needle`, by a byte scan: `str::contains` with a string pattern links
/// the Two-Way searcher, about 1.6 KB of the widget's wasm, for two short keys. Only the Yew
/// side uses it (drafts in `storage`, share links in `embed::widget`), so the on-demand
/// module's build (`extras` without `web`) leaves it out.
#[cfg(feature = "web")]
pub(crate) fn holds(hay: &str, needle: &str) -> bool {
    hay.as_bytes().windows(needle.len().max(1)).any(|w| w == needle.as_bytes())
}
