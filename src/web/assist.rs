//! What the scorer asks of its on-demand module: reading observations (the classifier and the
//! note warnings) and moving scorecards in and out (Greenhouse, Markdown, share links, import).
//!
//! The scorer's state holds an [`Assistance`]: loading, ready with an [`Assist`], or failed with
//! the reason. The reducer calls a ready `Assist` like any pure function (same text, same
//! reading); until it is ready, observations wait untagged and are tagged the moment it arrives.
//! The widget's `Assist` is the on-demand wasm module (`crate::web::embed::loader`); tests may
//! supply one built on the core directly.

use std::fmt;
use std::rc::Rc;

use crate::core::classifier::{Classification, Flag};
use crate::core::interchange::Imported;
use crate::core::{Rubric, Scorecard};

/// The classifier and the interchange formats, wherever they run.
pub trait Assist {
    /// The classifier's reading of one note, or why it cannot read it.
    fn classify(&self, text: &str) -> Result<Classification, String>;
    /// The warnings a note raises (impressions, bias-prone remarks); empty for a sound note.
    fn flags(&self, text: &str) -> Vec<Flag>;
    /// A scorecard document, Greenhouse scorecard or share link, read against `rubric`.
    fn import(&self, text: &str, rubric: &Rubric) -> Result<Imported, String>;
    /// The card as `greenhouse` JSON, `markdown`, or a share `link` on the page address `base`.
    fn export(&self, format: &str, card: &Scorecard, rubric: &Rubric, base: &str) -> Result<String, String>;
}

/// Whether the scorer can call on its [`Assist`] yet.
#[derive(Clone, Default)]
pub enum Assistance {
    /// Still loading (the first moments after the page opens).
    #[default]
    Loading,
    Ready(Rc<dyn Assist>),
    /// It could not be loaded: the reason, for the interviewer.
    Failed(String),
}

impl Assistance {
    /// The assist, when it is ready.
    pub fn ready(&self) -> Option<&dyn Assist> {
        match self {
            Assistance::Ready(a) => Some(a.as_ref()),
            _ => None,
        }
    }

    /// What to tell someone who asked for it before it is ready, or when it failed.
    pub fn unavailable(&self, what: &str) -> String {
        match self {
            Assistance::Ready(_) => String::new(),
            Assistance::Loading => format!("{what}: still loading; try again in a moment."),
            Assistance::Failed(reason) => format!("{what}: unavailable ({reason})."),
        }
    }
}

impl PartialEq for Assistance {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Assistance::Loading, Assistance::Loading) => true,
            (Assistance::Ready(a), Assistance::Ready(b)) => std::ptr::addr_eq(Rc::as_ptr(a), Rc::as_ptr(b)),
            (Assistance::Failed(a), Assistance::Failed(b)) => a == b,
            _ => false,
        }
    }
}

impl fmt::Debug for Assistance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Assistance::Loading => f.write_str("Loading"),
            Assistance::Ready(_) => f.write_str("Ready"),
            Assistance::Failed(reason) => write!(f, "Failed({reason:?})"),
        }
    }
}
