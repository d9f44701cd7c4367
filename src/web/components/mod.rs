//! The scorer's parts, one per file. Parts without state of their own are view functions over
//! the scorer's state handle (`header`, `toolbar`, `traits_help`, `capability_card`,
//! `observation_list`, `recommendation_panel`): every component type costs the widget several
//! kilobytes of wasm, and these re-render with the state anyway. The parts with local state
//! (`QuickEntry`: the text being typed; `TransferPanel`: the pending import) are components
//! that take the handle as a prop.

use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes};

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

/// What a note or observation box holding `text` says of its room, at the end of the hint it is
/// described by: nothing until fewer than 1,000 characters are left, then how many; and whether
/// it is full (counted in UTF-16 code units, as its `maxlength` counts them).
pub fn room(text: &str) -> (String, bool) {
    // The limit every reader enforces (`maxlength` on the boxes is the same number).
    let left = crate::core::scorecard::MAX_TEXT_CHARS.saturating_sub(text.encode_utf16().count());
    (if left < 1000 { format!(" {left} of 10,000 characters left.") } else { String::new() }, left == 0)
}

/// Said when a box is full (an evidence note's as an alert among the warnings it is described by,
/// the observation box's in its status line): the browser drops what goes beyond `maxlength`
/// without a word, the end of a long paste or of text dropped in included. (Neither is told
/// apart: a box also fills by typing, when nothing was left out.)
pub const FULL: &str = "This box is full: it holds 10,000 characters. Any text pasted or dropped in beyond that was left out, and nothing more can be typed.";

/// A button of the widget's (`type="button"`, so it never submits a host page's form) with its
/// classes, its id if it has one, what a click does and its label. One place builds the plain
/// ones: each `html!` element is code of its own in the wasm (about 450 bytes), so 18 copies
/// cost the widget more than 18 calls (519 bytes gzip). Buttons with more attributes stay
/// written out: a second helper for the five with an `aria-label` saved nothing.
/// Its attributes are set on the element `html!` builds, under the keys `html!` gives them
/// (`class` a plain attribute, as a literal `class="..."` is): `class={class}` would go through
/// Yew's `Classes` (see `class_names`), and `~className` would be undone when Yew patches a
/// button with a literal class into this one (its `class` attribute removed after the property
/// is set).
pub fn button(class: &'static str, id: Option<String>, onclick: Callback<MouseEvent>, label: &'static str) -> Html {
    let mut node = html! { <button {onclick}>{ label }</button> };
    // (Just built: the only handle to its tag.)
    if let Some(tag) = match &mut node {
        Html::VTag(tag) => std::rc::Rc::get_mut(tag),
        _ => None,
    } {
        tag.set_attributes(Attributes::Dynamic {
            keys: &["type", "id", "class"],
            values: Box::new([
                Some(AttributeOrProperty::Static("button")),
                id.map(|id| AttributeOrProperty::Attribute(id.into())),
                Some(AttributeOrProperty::Static(class)),
            ]),
        });
    }
    node
}

/// What a click on one of the scorer's buttons does when all it does is send the reducer an
/// action: `make(arg)`, `arg` the observation's id where the action names one (else empty). One
/// closure type for the eight such buttons (an observation's Accept, Edit, Save, Cancel and
/// Remove, Draft ratings, Reopen, the notice's Dismiss) instead of one each: every closure type
/// is code of its own (its call, its drop, its `Rc`).
pub fn on_click(
    state: &crate::web::state::ScorerContext,
    arg: String,
    make: fn(String) -> crate::web::state::Action,
) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_: MouseEvent| state.dispatch(make(arg.clone())))
}

/// Class names joined by spaces, the empty ones left out (as `classes!` joins them), for an
/// element's `~className`: set as the DOM property, which is the `class` attribute. Only where
/// no element of the same tag with a `class` attribute can take its place (another branch of an
/// `if` or `match`, an item of the same list): Yew patching one into the other sets the new
/// element's property, then removes the old one's attribute (or, the other way round, sets
/// `className` to `undefined`). Such a rival sets its class as `~className` too (the transfer
/// panel's messages, an Undo row beside the observations). `html!`
/// turns any `class={..}` that is not a literal into Yew's `Classes`, an `IndexSet` whose
/// hashing, splitting and joining code cost the widget's first download 2.8 KB gzip for its
/// dozen elements whose classes change (BENCHMARKS.md, "Size"). Only for HTML elements with at
/// least one class: an SVG element's `className` is no string (setting it does nothing), and an
/// empty `className` still writes `class=""` where an empty `classes!` writes no attribute.
/// (The committee view, whose charts are SVG, keeps `classes!`.)
pub fn class_names(names: &[&str]) -> String {
    let mut out = String::new();
    for name in names.iter().filter(|n| !n.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(name);
    }
    out
}

/// The id `{base}-{part}`: an element's within the widget (`base` its id prefix) or within a
/// card or observation (`base` that one's id). Pushed rather than `format!`ted: the ids are
/// many, and each `format!` is its own code; nor `concat` of `&str`s, whose joiner
/// (`join_generic_copy`) the widget's joins of `String`s already link for that type only.
pub fn part_id(base: &str, part: &str) -> String {
    let mut id = String::with_capacity(base.len() + 1 + part.len());
    id.push_str(base);
    id.push('-');
    id.push_str(part);
    id
}
