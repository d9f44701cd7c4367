//! The embedding module: everything JavaScript sees passes through here.
//!
//! For now it mounts the scorer into the page's `#app` element. The custom element, the
//! `mount(element, options)` API and the iframe bridge are added here as well, so that the
//! boundary with JavaScript stays in one place.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::Rubric;
use crate::web::app::Scorer;

/// Props of [`Root`].
#[derive(Properties, PartialEq)]
pub struct RootProps {
    /// The rubric, or the reason it could not be loaded.
    pub rubric: Result<Rc<Rubric>, String>,
}

/// The top of the app: the scorer, or a clear error when the rubric does not load.
#[function_component]
pub fn Root(props: &RootProps) -> Html {
    match &props.rubric {
        Ok(rubric) => html! { <Scorer rubric={rubric.clone()} /> },
        Err(e) => html! {
            <div class="sc-app"><p class="sc-notice" role="alert">{ format!("The rubric could not be loaded: {e}") }</p></div>
        },
    }
}

/// Mounts the scorer with the embedded default rubric into `#app` (or `<body>`).
pub fn start_page() {
    let rubric = Rubric::default_rubric().map(Rc::new).map_err(|e| e.to_string());
    let document = web_sys::window().and_then(|w| w.document());
    let root = document.as_ref().and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(el) => {
            yew::Renderer::<Root>::with_root_and_props(el, RootProps { rubric }).render();
        }
        None => {
            yew::Renderer::<Root>::with_props(RootProps { rubric }).render();
        }
    }
}
