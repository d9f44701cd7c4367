//! The toolbar: where the draft is saved, notices, and Submit / Reopen.

use yew::prelude::*;

use crate::web::state::{Action, SaveStatus, ScorerContext};

/// Save state, notices and the submit button. `on_submit` is called when the interviewer
/// submits; the app stamps the time and tells the host.
pub fn toolbar(state: &ScorerContext, on_submit: &Callback<()>, id_prefix: &str) -> Html {
    let (save_text, save_class) = match &state.save {
        SaveStatus::Idle => ("Not saved yet".to_string(), "sc-m-idle"),
        SaveStatus::Saved => ("Saved in this browser".to_string(), "sc-m-saved"),
        SaveStatus::MemoryOnly { reason } => (format!("Not saved: {reason}. Your work is kept in this tab only."), "sc-m-warning"),
        SaveStatus::Off => ("Autosave is off".to_string(), "sc-m-idle"),
    };
    let submitted = state.card.submitted_at.clone();
    let on_submit = {
        let cb = on_submit.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let on_reopen = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Reopen))
    };
    let on_dismiss = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::DismissNotice))
    };
    html! {
        <div class="sc-toolbar">
            if let Some(notice) = &state.notice {
                <div class="sc-notice" role="alert">
                    <span>{ notice.clone() }</span>
                    <button type="button" class="sc-button sc-m-quiet" onclick={on_dismiss}>{ "Dismiss" }</button>
                </div>
            }
            // Locked by the host or opened from a share link: nothing is edited, so nothing to
            // save or submit; the editing controls are left out rather than shown disabled.
            if !state.locked {
                <p class={classes!("sc-save", save_class)} data-testid="save-status" role="status">{ save_text }</p>
            }
            <div class="sc-toolbar__actions">
                if let Some(at) = submitted {
                    <span class="sc-submitted" data-testid="submitted">{ format!("Submitted {}", at.get(..16).unwrap_or(&at).replace('T', " ")) }</span>
                    if !state.locked {
                        <button type="button" class="sc-button" id={format!("{id_prefix}-reopen")} onclick={on_reopen}>{ "Reopen" }</button>
                    }
                } else if !state.locked {
                    <button type="button" class="sc-button sc-m-primary" id={format!("{id_prefix}-submit")} onclick={on_submit}>{ "Submit scorecard" }</button>
                }
            </div>
            // What the last action did (a confirmed rating, a moved observation, a submission),
            // said politely; always present, as a live region must be before it changes. A
            // repeated message alternates a trailing no-break space, so it is still a change.
            <p class="sc-visually-hidden" role="status">
                { state.after.as_ref().map_or(String::new(), |a| if a.count % 2 == 1 { format!("{}\u{a0}", a.message) } else { a.message.clone() }) }
            </p>
        </div>
    }
}
