//! The embedding module: everything JavaScript sees passes through here.
//!
//! The widget is two wasm modules (ARCHITECTURE.md, "Two wasm modules"): the scorer a host page
//! downloads first, and an on-demand module with the classifier and the import and export
//! formats, loaded after the first paint. This module holds every crossing between them and
//! JavaScript:
//!
//! - [`widget`]: what a host page calls. `mount(element, options)` returns a [`Widget`] handle
//!   with `getValue`, `setValue`, `update`, `on`, `off` and `destroy` (the shape of Stripe
//!   Elements or Cal.com embeds). Events `scorecard:ready`, `scorecard:change` (debounced),
//!   `scorecard:submit` and `scorecard:error` reach the host twice: as `CustomEvent`s that bubble
//!   and cross shadow roots (`composed`), dispatched on the mount element, and through `on(...)`
//!   callbacks. The payload (`event.detail`) is plain JSON: `{ value, recommendation }` or
//!   `{ message }`. The standalone page (`index.html`) mounts into `#scorecard-app`; with
//!   `?embed=iframe` it talks to its parent window with `postMessage`, checking `event.origin`
//!   against the allow-list in `?origins=` and always posting to an explicit origin, never `*`.
//!   The committee page (`committee.html`, its own bundle) mounts the committee view. The
//!   host-facing exports exist only in the widget bundle (cargo feature `widget`).
//! - [`loader`]: the widget's side of the on-demand module: loads it once per page and calls it,
//!   as an [`crate::web::assist::Assist`].
//! - [`extras`]: the on-demand module's own exports (cargo feature `extras`, no Yew), thin
//!   wrappers over [`crate::core::wire`].
//!
//! - [`clipboard`]: copying the export panel's text.
//!
//! `src/web/js/scorecard-element.js` defines the `<interview-scorecard>` custom element on top
//! of `mount`, inside a shadow root; `src/web/js/extras-loader.js` fetches the on-demand module
//! (and copies to the clipboard).

#[cfg(feature = "web")]
pub mod clipboard;
#[cfg(feature = "extras")]
pub mod extras;
#[cfg(feature = "web")]
pub mod loader;
#[cfg(feature = "web")]
pub mod widget;

#[cfg(feature = "web")]
pub use widget::*;
