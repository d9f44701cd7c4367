//! The scorecard header: candidate, role and level, interviewer, interview step and date.
//!
//! A view function rather than a component, like the other parts of the scorer that keep no
//! state of their own: each component type costs the widget several kilobytes of wasm, and
//! these re-render with the scorer's state anyway.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::scorecard::Rating;
use crate::web::components::part_id;
use crate::web::state::{Action, ScorerContext};

/// A text input bound to one header field: `id` (also the label's `for`), the visible label,
/// the current value, the input type ("text" or "date"), the autocomplete hint, and the action
/// each input sends.
fn field(
    state: &ScorerContext,
    id: String,
    label: &'static str,
    value: &str,
    kind: &'static str,
    autocomplete: &'static str,
    make: fn(String) -> Action,
) -> Html {
    // The names (the text fields) of a card submitted once stay as submitted; its date does not.
    let disabled = if kind == "date" { state.read_only() } else { state.names_fixed() };
    let oninput = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            state.dispatch(make(input.value()));
        })
    };
    // On paper a text field prints as this text, which wraps (an input's value cannot: an
    // unbroken name of 80 letters was cut); on screen it is not drawn, nor in the accessibility
    // tree, and a date prints as its field (print.css, base.css).
    html! {
        <div class="sc-field">
            <label class="sc-field__label" for={id.clone()}>{ label }</label>
            <input class="sc-field__input" {id} type={kind} value={value.to_string()} {disabled} {oninput}
                {autocomplete} maxlength="200" />
            <span class="sc-field__print">{ value }</span>
        </div>
    }
}

/// The step's warning, in the hint's live region or (made by Submit alone) beside it.
const NO_STEP: &str =
    " No interview step yet: name it (e.g. System design) so that the committee can tell this interview from the candidate's others.";

/// The header. `standalone` is true on the widget's own page (not in a frame), which links the
/// committee view.
pub fn header(state: &ScorerContext, id_prefix: &str, standalone: bool) -> Html {
    let card = &state.card;
    let rubric = &state.rubric;
    let id = |s: &str| part_id(id_prefix, s);
    // A submitted card keeps its names, also once reopened (see `ScorerState::submitted_once`).
    let reopened = state.names_fixed() && !state.read_only();
    // A fresh card asks for the step quietly; once it has a rating, a note or an observation, or
    // Submit was pressed (and refused), a missing step is a warning: by then the interviewer has
    // had the chance to type it, and the card is on its way to the committee. (Another notice,
    // an import's, says nothing of the step.)
    let nameless_step = !state.names_fixed() && card.interview.step.trim().is_empty();
    let content = !card.observations.is_empty()
        || card.ratings.iter().any(|(_, e)| e.level != Rating::NotAssessed || !e.note.trim().is_empty());
    let warn = nameless_step && (content || state.submit_tried);
    let hint = if reopened {
        Some("Submitted before: the candidate, interviewer and step stay as submitted. To score someone else, start a new scorecard.")
    } else if state.names_fixed() {
        None
    } else {
        Some("Check the names before you submit: the candidate, interviewer and step stay as submitted.")
    };
    html! {
        <header class="sc-header">
            <div class="sc-header__title">
                <h1 class="sc-header__heading">{ "Interview scorecard" }</h1>
                <p class="sc-header__role">
                    <span class="sc-visually-hidden">{ "Role and level: " }</span>
                    // The level keeps its line and the word before it: "· L4" alone on the next would read as a
                    // stray (a space before the dot let it wrap there in a phone's host column).
                    { format!("{}\u{a0}·\u{a0}{}", rubric.role, rubric.level) }
                    if standalone {
                        <a class="sc-link sc-header__nav" href="committee.html">{ "Hiring committee view" }</a>
                    }
                </p>
            </div>
            <div class="sc-header__fields">
                { field(state, id("candidate"), "Candidate", &card.candidate.name, "text", "off", |name| Action::SetCandidate { name }) }
                { field(state, id("interviewer"), "Interviewer", &card.interviewer.name, "text", "name", |name| Action::SetInterviewer { name }) }
                { field(state, id("step"), "Interview step", &card.interview.step, "text", "off", |step| Action::SetStep { step }) }
                { field(state, id("date"), "Date", &card.interview.date, "date", "off", |date| Action::SetDate { date }) }
            </div>
            // Said before Submit (which it describes), as it is after: the names cannot change once
            // submitted. A card without a step is not refused, only told what the step is for.
            // The warning is said (a live region of its own) when the card's first rating, note
            // or observation makes it one: once, not again while the interviewer goes on typing
            // (its words do not change). Made by Submit's refusal on a card with nothing on it,
            // it is shown outside that region, not said beside the refusal (an alert), and goes
            // into it, said, with the card's first content.
            if let Some(hint) = hint {
                <p ~className={if warn { "sc-card__hint sc-header__hint sc-is-warning" } else { "sc-card__hint sc-header__hint" }} id={id("names-hint")}>{ hint }{
                    match (nameless_step, warn) {
                        (true, false) => " Name the interview step (e.g. System design) so that the committee can tell this interview from the candidate's others.",
                        (true, true) if !content => NO_STEP,
                        _ => "",
                    }
                }<span aria-live="polite">{ if warn && content { NO_STEP } else { "" } }</span></p>
            }
        </header>
    }
}
