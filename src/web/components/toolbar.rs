//! The toolbar: where the draft is saved, notices, and Submit / Reopen.

use yew::prelude::*;

use crate::web::app::SavedCard;
use crate::web::components::{button, class_names, on_click, part_id};
use crate::web::state::{Action, SaveStatus, ScorerContext};

/// A step of deleting a scorecard from Your scorecards: ask (its key, and the question, which is
/// said), cancel (the row's index, whose Delete takes the keyboard back), delete (its key and
/// title), or undo the last deletion.
#[derive(Clone, Debug, PartialEq)]
pub enum Delete {
    Ask(String, &'static str),
    Cancel(usize),
    Confirm(String, String),
    Undo,
}

/// What Your scorecards shows, and the callbacks it calls: the cards while the list is open
/// (`None`: closed), and the one that opens (`true`) or closes it; the key of the card whose
/// deletion is being asked, the title of the one deleted last (with Undo), and `on_delete`.
pub struct SavedList<'a> {
    pub cards: Option<&'a [SavedCard]>,
    pub on_list: &'a Callback<bool>,
    pub deleting: Option<&'a str>,
    pub deleted: Option<&'a str>,
    pub on_delete: &'a Callback<Delete>,
}

/// "Your scorecards": those saved in this browser, newest interview first, each with Open (the
/// one on screen is marked instead) and Delete, which asks first (the keyboard on Cancel;
/// Escape cancels) and can be undone. Read only while open. Returns the disclosure, which sits
/// among the actions, and the list, which takes the toolbar's width below them: inside the
/// disclosure, the list would take the actions' row and move the buttons when it opens.
fn saved_list(
    state: &ScorerContext,
    list: SavedList,
    switch: &dyn Fn(Option<String>) -> Option<Callback<MouseEvent>>,
    id_prefix: &str,
) -> (Html, Html) {
    let SavedList { cards: saved, on_list, deleting, deleted, on_delete } = list;
    let open = saved.is_some();
    let toggle = on_list.reform(move |e: MouseEvent| {
        // The list is the state's: the details element follows it.
        e.prevent_default();
        !open
    });
    // The key the card on screen is saved under: its names' unless they clash with another saved
    // card's (a refused save), when it stays under its previous key, or is saved nowhere.
    let this = match &state.save {
        SaveStatus::Conflict { kept, .. } => kept.clone().unwrap_or_default(),
        _ => crate::web::storage::DraftStore::card_key(&state.rubric.id, &state.card),
    };
    let disclosure = html! {
        <details class="sc-saved" {open}>
            <summary onclick={toggle} id={part_id(id_prefix, "saved")}>{ "Your scorecards" }</summary>
        </details>
    };
    let step = |d: Delete| on_delete.reform(move |_: MouseEvent| d.clone());
    // Escape answers the question as Cancel does.
    let escape = |i: usize| {
        let on_delete = on_delete.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                on_delete.emit(Delete::Cancel(i));
            }
        })
    };
    let list = html! {
        if let Some(cards) = saved {
            <ul class="sc-saved__list" aria-labelledby={part_id(id_prefix, "saved")}>
                // (Its title and Undo are said as the keyboard goes to Undo: see `Scorer`'s `on_delete`.)
                if let Some(title) = deleted {
                    <li class="sc-saved__item sc-saved__deleted">
                        { format!("Deleted: {title}") }
                        { button("sc-button sc-m-small", Some(part_id(id_prefix, "del-undo")), step(Delete::Undo), "Undo") }
                    </li>
                }
                if cards.is_empty() {
                    <li>{ "None saved in this browser yet." }</li>
                }
                { for cards.iter().enumerate().map(|(i, c)| {
                    // While its deletion is asked, the question takes the place of its details,
                    // and is said as the keyboard goes to Cancel.
                    let asking = deleting == Some(c.key.as_str());
                    let question = if c.key == this {
                        "Delete this scorecard, open now, from this browser? A blank one takes its place."
                    } else {
                        "Delete this scorecard from this browser?"
                    };
                    html! {
                        <li class="sc-saved__item" onkeydown={asking.then(|| escape(i))}>
                            <span class="sc-saved__title">{ c.title.clone() }</span>
                            <span ~className={if asking { "sc-saved__detail sc-is-asking" } else { "sc-saved__detail" }}>{ if asking { question.to_string() } else { c.detail.clone() } }</span>
                            if asking {
                                { button("sc-button sc-m-small sc-m-danger", None, step(Delete::Confirm(c.key.clone(), c.title.clone())), "Delete") }
                                { button("sc-button sc-m-small", Some(part_id(id_prefix, "del-cancel")), step(Delete::Cancel(i)), "Cancel") }
                            } else {
                                if c.key == this {
                                    <span class="sc-saved__this">{ "open now" }</span>
                                } else if let Some(onclick) = switch(Some(c.key.clone())) {
                                    <button type="button" class="sc-button sc-m-small" {onclick} aria-label={format!("Open {}", c.title)}>{ "Open" }</button>
                                }
                                <button type="button" class="sc-button sc-m-small sc-m-quiet" id={part_id(id_prefix, &format!("del-{i}"))}
                                    onclick={step(Delete::Ask(c.key.clone(), question))} aria-label={format!("Delete {}", c.title)}>{ "Delete" }</button>
                            }
                        </li>
                    }
                }) }
            </ul>
        }
    };
    (disclosure, list)
}

/// An ISO-8601 time as the interviewer's clock shows it, with that clock's offset from UTC:
/// "2026-11-25 16:54 UTC+01:00", "… UTC−05:00" (the stored value is UTC). Without the offset a
/// committee member elsewhere could not tell when that was. The value itself when the browser
/// cannot read it.
fn local_time(at: &str) -> String {
    let d = js_sys::Date::new(&at.into());
    let year = d.get_full_year();
    // Every part of an unreadable time (NaN) reads as 0.
    if year == 0 {
        return at.to_string();
    }
    // Minutes ahead of UTC (the browser gives those behind it).
    let ahead = -(d.get_timezone_offset() as i32);
    let sign = if ahead < 0 { "\u{2212}" } else { "+" };
    let m = ahead.unsigned_abs();
    format!(
        "{year:04}-{:02}-{:02} {:02}:{:02} UTC{sign}{:02}:{:02}",
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes(),
        m / 60,
        m % 60
    )
}

/// A card changed in another tab (`SaveStatus::ChangedElsewhere`) is saved no more until the
/// interviewer chooses: said at the top of the cards, where it stays in view while they scroll
/// and type (sticky), with the two choices. The toolbar's status line, a live region, announces
/// it; the keyboard stays where it is, in the middle of a sentence maybe.
pub fn behind_banner(state: &ScorerContext, id_prefix: &str, on_resolve: &Callback<bool>) -> Html {
    if state.save != SaveStatus::ChangedElsewhere {
        return Html::default();
    }
    html! {
        <div class="sc-behind" data-testid="behind">
            <p>{ "Not saved: this scorecard was changed in another tab or window. What you type here is kept in this tab only until you choose." }</p>
            { button("sc-button sc-m-small", Some(part_id(id_prefix, "theirs")), on_resolve.reform(|_: MouseEvent| false), "Show the other version") }
            { button("sc-button sc-m-small", None, on_resolve.reform(|_: MouseEvent| true), "Keep this version (replaces the other)") }
        </div>
    }
}

/// While the banner is shown (see [`behind_banner`]), what takes the keyboard in the cards is
/// scrolled out from under it: a browser scrolls a focused element into view only when it is out
/// of the window, not when a sticky element covers it.
pub fn clear_of_banner(state: &ScorerContext) -> Option<Callback<FocusEvent>> {
    (state.save == SaveStatus::ChangedElsewhere).then(|| {
        Callback::from(|e: FocusEvent| {
            let target: web_sys::Element = e.target_unchecked_into();
            let banner = target.closest(".sc-cards").ok().flatten().and_then(|c| c.first_element_child());
            if let (Some(banner), Some(window)) = (banner, web_sys::window()) {
                let (t, b) = (target.get_bounding_client_rect(), banner.get_bounding_client_rect());
                if t.top() < b.bottom() + 4.0 && t.bottom() > b.top() {
                    window.scroll_by_with_x_and_y(0.0, t.top() - b.bottom() - 8.0);
                }
            }
        })
    })
}

/// Save state, notices and the submit button. `on_submit` is called when the interviewer
/// submits; the app stamps the time and tells the host. `on_switch` (the standalone page's)
/// starts a new scorecard (`None`) or opens the saved one whose names were typed (its key).
/// `list` is Your scorecards (see [`SavedList`]); the standalone page offers it.
pub fn toolbar(
    state: &ScorerContext,
    on_submit: &Callback<()>,
    id_prefix: &str,
    on_switch: Option<&Callback<Option<String>>>,
    list: SavedList,
) -> Html {
    let (save_text, save_class) = match &state.save {
        SaveStatus::Idle => ("Not saved yet".to_string(), "sc-m-idle"),
        SaveStatus::Saved => ("Saved in this browser".to_string(), "sc-m-saved"),
        // What to do about it, or closing the tab loses the card: its JSON is the copy to keep.
        SaveStatus::MemoryOnly { reason } => (format!("Not saved: {reason}. Your work is kept in this tab only: Download JSON to keep a copy."), "sc-m-warning"),
        SaveStatus::Off => ("Autosave is off".to_string(), "sc-m-idle"),
        SaveStatus::Conflict { kept: Some(_), .. } => (
            "Not saved under these names: another scorecard with this candidate, interviewer and step is saved in this browser, and is left as it is. This one stays saved under the names it had before: change the names, or open the other one.".to_string(),
            "sc-m-warning",
        ),
        SaveStatus::ChangedElsewhere => (
            "Not saved: this scorecard was changed in another tab or window after this one opened it. What you see here is kept in this tab until you choose.".to_string(),
            "sc-m-warning",
        ),
        // A new card rated before it is named meets the last one left unnamed (New scorecard
        // keeps the interviewer): the name is what is missing.
        SaveStatus::Conflict { .. } if state.card.candidate.key().is_empty() => (
            "Not saved yet: another scorecard without a candidate's name is saved in this browser, and is left as it is. Name the candidate to save this one; until then it is kept in this tab only.".to_string(),
            "sc-m-warning",
        ),
        SaveStatus::Conflict { .. } => (
            "Not saved under these names: another scorecard with this candidate, interviewer and step is saved in this browser, and is left as it is. This one is kept in this tab only until you change the names.".to_string(),
            "sc-m-warning",
        ),
    };
    let blank = state.card.is_blank();
    // Leaving a card kept nowhere would lose it: neither is offered then. (One storage refused
    // is kept in memory, listed and opened again in this tab: see `DraftStore::drafts`.)
    let saved = blank
        || matches!(
            state.save,
            SaveStatus::Idle
                | SaveStatus::Saved
                | SaveStatus::MemoryOnly { .. }
                | SaveStatus::Conflict { kept: Some(_), .. }
        );
    let switch = |key: Option<String>| {
        on_switch.filter(|_| saved && !state.locked).map(|cb| {
            let cb = cb.clone();
            Callback::from(move |_: MouseEvent| cb.emit(key.clone()))
        })
    };
    let open = match &state.save {
        SaveStatus::Conflict { key, .. } => switch(Some(key.clone())),
        _ => None,
    };
    let on_new = switch(None);
    let (disclosure, list) =
        if on_new.is_some() { saved_list(state, list, &switch, id_prefix) } else { Default::default() };
    let submitted = state.card.submitted_at.clone();
    let on_submit = {
        let cb = on_submit.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let on_reopen = on_click(state, String::new(), |_| Action::Reopen);
    let on_dismiss = on_click(state, String::new(), |_| Action::DismissNotice);
    html! {
        <div class="sc-toolbar">
            // Locked by the host or opened from a share link: nothing is edited, so nothing to
            // save or submit; the editing controls are left out rather than shown disabled.
            if !state.locked {
                <p ~className={class_names(&["sc-save", save_class])} data-testid="save-status" role="status">{ save_text }</p>
            }
            if let Some(onclick) = open {
                { button("sc-button", Some(part_id(id_prefix, "open")), onclick, "Open the saved scorecard") }
            }
            <div class="sc-toolbar__actions">
                { disclosure }
                if let Some(onclick) = on_new {
                    { button("sc-button", Some(part_id(id_prefix, "new")), onclick, "New scorecard") }
                }
                if let Some(at) = submitted {
                    // In the interviewer's own time (the stored value is UTC).
                    <span class="sc-submitted" data-testid="submitted">{ format!("Submitted {}", local_time(&at)) }</span>
                    if !state.locked {
                        { button("sc-button", Some(part_id(id_prefix, "reopen")), on_reopen, "Reopen") }
                    }
                } else if !state.locked {
                    // Described by the header's hint: the names stay as submitted.
                    <button type="button" class="sc-button sc-m-primary" id={part_id(id_prefix, "submit")} onclick={on_submit}
                        aria-describedby={part_id(id_prefix, "names-hint")}>{ "Submit scorecard" }</button>
                }
            </div>
            // Below the buttons, not above them: a notice (Submit refused, a draft restored)
            // does not move Submit from under the pointer that pressed it.
            if let Some(notice) = &state.notice {
                <div class="sc-notice" role="alert">
                    <span>{ notice.clone() }</span>
                    { button("sc-button sc-m-quiet", None, on_dismiss, "Dismiss") }
                </div>
            }
            { list }
            // What the last action did (a confirmed rating, a moved observation, a submission),
            // said politely; always present, as a live region must be before it changes. A
            // repeated message alternates a trailing no-break space, so it is still a change.
            <p class="sc-visually-hidden" role="status">
                { state.after.as_ref().map_or(String::new(), |a| if a.count % 2 == 1 { format!("{}\u{a0}", a.message) } else { a.message.clone() }) }
            </p>
        </div>
    }
}
