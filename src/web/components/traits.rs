//! The rubric's "What makes a good L4 engineer?" traits, as help the interviewer can open.

use yew::prelude::*;

use crate::web::state::use_scorer;

/// Props of [`TraitsHelp`].
#[derive(Properties, PartialEq)]
pub struct TraitsHelpProps {
    /// Extra classes from the caller.
    #[prop_or_default]
    pub class: Classes,
}

/// A disclosure with the level's summary and traits.
#[function_component]
pub fn TraitsHelp(props: &TraitsHelpProps) -> Html {
    let state = use_scorer();
    let rubric = &state.rubric;
    let traits = &rubric.traits;
    if traits.items.is_empty() && rubric.summary.is_empty() {
        return html! {};
    }
    html! {
        <details class={classes!("sc-help", props.class.clone())}>
            <summary class="sc-help__summary">
                { if traits.title.is_empty() { format!("What makes a good {}?", rubric.level) } else { traits.title.clone() } }
            </summary>
            <div class="sc-help__body">
                if !rubric.summary.is_empty() {
                    <p>{ rubric.summary.clone() }</p>
                }
                if !traits.intro.is_empty() {
                    <p>{ traits.intro.clone() }</p>
                }
                <ul>
                    { for traits.items.iter().map(|t| html! { <li>{ t.clone() }</li> }) }
                </ul>
            </div>
        </details>
    }
}
