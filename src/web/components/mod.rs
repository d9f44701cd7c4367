//! The scorer's parts, one per file. Parts without state of their own are view functions over
//! the scorer's state handle (`header`, `toolbar`, `traits_help`, `capability_card`,
//! `observation_list`, `recommendation_panel`): every component type costs the widget several
//! kilobytes of wasm, and these re-render with the state anyway. The parts with local state
//! (`QuickEntry`: the text being typed; `TransferPanel`: the pending import) are components
//! that take the handle as a prop.

pub mod capability_card;
pub mod header;
pub mod observations;
pub mod recommendation;
pub mod toolbar;
pub mod traits;
pub mod transfer;

pub use capability_card::capability_card;
pub use header::header;
pub use observations::{observation_list, QuickEntry};
pub use recommendation::{recommendation_bar, recommendation_panel};
pub use toolbar::toolbar;
pub use traits::traits_help;
pub use transfer::TransferPanel;
