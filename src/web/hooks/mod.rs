//! Custom hooks shared by the views.

pub mod use_file_drop;
pub mod use_leave_guard;

pub use use_file_drop::{use_file_drop, FileDrop};
pub use use_leave_guard::use_leave_guard;
