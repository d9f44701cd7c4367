//! Custom hooks shared by the views.

pub mod use_file_drop;

pub use use_file_drop::{use_file_drop, FileDrop};
