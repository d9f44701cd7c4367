//! One component per file. Each takes `<Name>Props` and reads shared state through
//! `use_scorer()` where it needs to act.

pub mod capability_card;
pub mod header;
pub mod observations;
pub mod recommendation;
pub mod toolbar;
pub mod traits;
pub mod transfer;

pub use capability_card::CapabilityCard;
pub use header::Header;
pub use observations::{ObservationList, QuickEntry};
pub use recommendation::RecommendationPanel;
pub use toolbar::Toolbar;
pub use traits::TraitsHelp;
pub use transfer::TransferPanel;
