//! The rubric's "What makes a good L4 engineer?" traits, as help the interviewer can open.

use yew::prelude::*;

use crate::core::Rubric;

/// A disclosure with the level's summary and traits.
pub fn traits_help(rubric: &Rubric) -> Html {
    let traits = &rubric.traits;
    if traits.items.is_empty() && rubric.summary.is_empty() {
        return html! {};
    }
    html! {
        <details class="sc-help">
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
