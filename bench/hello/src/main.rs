//! The size baseline: a greeting and a counter, the least a Yew app with state and an event
//! listener needs. Nothing here should grow; it measures what Yew itself costs.

use yew::prelude::*;

/// A greeting and a button that counts its clicks.
#[function_component]
fn Hello() -> Html {
    let count = use_state(|| 0u32);
    let onclick = {
        let count = count.clone();
        Callback::from(move |_| count.set(*count + 1))
    };
    html! {
        <main class="hello">
            <h1>{ "Hello" }</h1>
            <button {onclick}>{ "Clicked " }{ *count }</button>
        </main>
    }
}

fn main() {
    yew::Renderer::<Hello>::new().render();
}
