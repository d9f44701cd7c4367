//! Asking before the page goes while it holds work kept nowhere else.

use yew::prelude::*;

/// While `on` is true, leaving the page (a reload, closing the tab, following a link) makes the
/// browser ask first (`beforeunload`). The observation box uses it for text typed and not added;
/// the scorer for a card kept in this tab only (storage full or blocked, names of another saved
/// card, changed in another tab).
#[hook]
pub fn use_leave_guard(on: bool) {
    use_effect_with(on, |&on| {
        let guard = on.then(web_sys::window).flatten().map(|w| {
            // Not passive (gloo's default), or the browser ignores prevent_default.
            gloo::events::EventListener::new_with_options(
                &w,
                "beforeunload",
                gloo::events::EventListenerOptions::enable_prevent_default(),
                |e| {
                    e.prevent_default();
                    // Older browsers ask only when the event carries a return value.
                    let _ = js_sys::Reflect::set(e, &"returnValue".into(), &"".into());
                },
            )
        });
        move || drop(guard)
    });
}
