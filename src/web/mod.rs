//! The Yew app: views, their reducers, side effects, and the one embedding module.
//!
//! Each view has one reducer (`state`) whose `reduce` forwards to pure core functions. Side
//! effects (saving drafts, telling the host page) run in `use_effect_with` hooks, never inside
//! `reduce`. Everything JavaScript sees passes through [`embed`].

pub mod app;
pub mod committee;
pub mod components;
pub mod embed;
pub mod hooks;
pub mod state;
pub mod storage;
