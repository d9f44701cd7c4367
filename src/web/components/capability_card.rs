//! One capability: its three level descriptors as a labeled radio group, "Not assessed", and
//! the interviewer's evidence note.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::core::classifier::has_bias_risk;
use crate::core::rubric::Capability;
use crate::core::scorecard::Rating;
use crate::web::components::observations::{bias_flagged, flag_note, observation_list, removed_from, withheld};
use crate::web::components::{class_names, part_id, room, FULL};
use crate::web::state::{Action, ScorerContext};

/// The modifier class of a rating, for colour and print marks.
fn rating_class(r: Rating) -> &'static str {
    match r {
        Rating::NotAssessed => "sc-m-not-assessed",
        Rating::NeedsImprovement => "sc-m-needs-improvement",
        Rating::Meets => "sc-m-meets",
        Rating::Exceeds => "sc-m-exceeds",
    }
}

/// A card for one capability.
/// (A view function, keyed by the capability id; see `header` for why not a component.)
pub fn capability_card(state: &ScorerContext, cap: &Capability, id_prefix: &str) -> Html {
    let current = state.card.rating(&cap.id);
    let note = state.card.note(&cap.id).to_string();
    let disabled = state.read_only();
    let base = part_id(id_prefix, &cap.id);
    let unevidenced = state.recommendation.unevidenced.contains(&cap.id);
    let contradicted = state.recommendation.contradicted.contains(&cap.id);
    let drafted = state.drafted.contains(&cap.id);
    let observations: Vec<_> = state.card.observations_for(&cap.id).collect();
    let left_out = observations.iter().filter(|o| bias_flagged(state, o)).count();
    // Read in the reducer; an empty note has none (missing evidence is said elsewhere).
    let note_flags = state.note_flags_of(&cap.id);

    // Confirms a drafted rating: the Confirm button, and a click on the option already chosen
    // (a radio already checked fires no change event).
    let confirm_now = {
        let state = state.clone();
        let capability = cap.id.clone();
        Callback::from(move |()| state.dispatch(Action::Rate { capability: capability.clone(), level: current }))
    };
    let confirm = confirm_now.reform(|_: MouseEvent| ());
    let option = |rating: Rating| {
        let id = part_id(&base, rating.id());
        let onchange = {
            let state = state.clone();
            let capability = cap.id.clone();
            Callback::from(move |_: Event| {
                state.dispatch(Action::Rate { capability: capability.clone(), level: rating })
            })
        };
        let descriptor = cap.descriptor(rating).map(str::to_string);
        let checked = current == rating;
        let onclick = (drafted && checked).then(|| confirm.clone());
        // The keyboard's way to choose it again: Space or Enter on the chosen option (browsers
        // send no click for a radio that is already checked).
        let onkeydown = (drafted && checked).then(|| {
            let confirm_now = confirm_now.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == " " || e.key() == "Enter" {
                    e.prevent_default();
                    confirm_now.emit(());
                }
            })
        });
        // Named by the level alone, described by the rubric's text for it: the whole label as
        // the name would be read in full (up to 250 characters) at every arrow key.
        let (name_id, text_id) = (part_id(&id, "name"), part_id(&id, "text"));
        html! {
            <li ~className={class_names(&["sc-option", rating_class(rating), if checked { "sc-is-checked" } else { "" }])}>
                <input class="sc-option__input" type="radio" id={id.clone()} name={base.clone()}
                    value={rating.id()} {checked} {disabled} {onchange} {onclick} {onkeydown}
                    aria-labelledby={name_id.clone()} aria-describedby={descriptor.is_some().then(|| text_id.clone())} />
                <label class="sc-option__label" for={id}>
                    <span class="sc-option__level" id={name_id}>{ state.rubric.level_label(rating).to_string() }</span>
                    if let Some(text) = descriptor {
                        <span class="sc-option__text" id={text_id}>{ text }</span>
                    }
                </label>
            </li>
        }
    };

    let oninput = {
        let state = state.clone();
        let capability = cap.id.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            state.dispatch(Action::Note { capability: capability.clone(), text: area.value() });
        })
    };
    // A read-only card asks for nothing (the panel says what it does not cover).
    let hint = match (disabled, unevidenced) {
        (true, _) => "",
        (_, true) => "Rated without evidence: add what you observed.",
        _ => "Describe observed behaviour, not impressions.",
    };
    // A read-only card says nothing of room (its length is checked on import).
    let (left, full) = if disabled { Default::default() } else { room(&note) };
    let note_id = part_id(&base, "note");
    let hint_id = part_id(&base, "hint");
    let flags_id = part_id(&base, "flags");
    let drafted_id = part_id(&base, "drafted");
    let fold = state.locked && has_bias_risk(note_flags);
    html! {
        <section key={cap.id.clone()} ~className={class_names(&["sc-card", rating_class(current)])} aria-labelledby={part_id(&base, "title")}>
            // Named by the capability alone (the legend also holds the current rating and the
            // Confirm button, which would all be read as the group's name), described by the
            // drafted mark while there is one.
            <fieldset class="sc-card__fieldset" aria-labelledby={part_id(&base, "title")} aria-describedby={drafted.then(|| drafted_id.clone())}>
                <legend class="sc-card__legend">
                    <h2 class="sc-card__title" id={part_id(&base, "title")}>{ cap.name.clone() }</h2>
                    <span class="sc-card__current">
                        { format!("Rating: {}", state.rubric.level_label(current)) }
                        if drafted {
                            <span class="sc-badge" id={drafted_id}>{ "Drafted" }<span class="sc-visually-hidden">{ ", not confirmed" }</span></span>
                            if !disabled {
                                <button type="button" class="sc-button sc-m-small" onclick={confirm.clone()}
                                    aria-label={format!("Confirm the drafted rating of {}", cap.name)}>{ "Confirm" }</button>
                            }
                        }
                    </span>
                </legend>
                <ul class="sc-options" role="presentation">
                    { for Rating::LEVELS.into_iter().map(&option) }
                    { option(Rating::NotAssessed) }
                </ul>
            </fieldset>
            // A note with a bias risk does not print (as it is left out of the exports).
            <div ~className={if has_bias_risk(note_flags) { "sc-card__note sc-m-bias" } else { "sc-card__note" }}>
                <label class="sc-field__label" for={note_id.clone()}>{ format!("Evidence for {}", cap.name) }</label>
                { withheld(fold, html! {
                    <textarea class="sc-card__textarea" id={note_id} value={note} {disabled} {oninput}
                        rows="3" maxlength="10000" aria-describedby={format!("{hint_id} {flags_id}")}
                        placeholder="What did the candidate say or do? Quote the example." />
                }) }
                <p ~className={if unevidenced { "sc-card__hint sc-is-warning" } else { "sc-card__hint" }} id={hint_id}>{ format!("{hint}{left}") }</p>
                // One node however many flags: Yew matches unkeyed siblings from the end, so a
                // list that grows in place would shift the textarea and replace it, losing focus.
                // Described by the textarea, so a warning that appears while typing is read with it.
                <div class="sc-card__flags" id={flags_id}>
                    // Folded, none: a reason quotes the words folded away (see `withheld`).
                    { for (if fold { &[] } else { note_flags }).iter().map(flag_note) }
                    // Full: said at once, and with the box (its description).
                    if full {
                        <p class="sc-card__hint sc-is-warning" role="alert">{ FULL }</p>
                    }
                </div>
                if contradicted {
                    <p class="sc-card__hint sc-is-warning" role="note">{ "The observations below read differently from this rating: check it." }</p>
                }
            </div>
            if !observations.is_empty() || !removed_from(state, Some(&cap.id)).is_empty() {
                <div class="sc-card__observations">
                    // The print leaves a bias risk out, and counts what it shows (print.css).
                    <h3 class="sc-card__subtitle" data-print={(left_out > 0).then(|| format!("Observations ({}; {left_out} left out as a bias risk)", observations.len() - left_out))}>
                        { format!("Observations ({})", observations.len()) }
                    </h3>
                    { observation_list(state, &observations, Some(&cap.id), id_prefix) }
                </div>
            }
        </section>
    }
}
