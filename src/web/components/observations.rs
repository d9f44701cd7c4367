//! Observations: the quick-entry box, and each observation with its suggested tag, the words that
//! drove the suggestion (highlighted), warnings about the note, and one-click accept or retag.

use web_sys::{HtmlSelectElement, HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

use crate::core::classifier::{has_bias_risk, Flag, FlagKind, Span};
use crate::core::notes::list_items;
use crate::core::notes::removal_slot;
use crate::core::scorecard::{Observation, Rating, TagSource, MAX_OBSERVATIONS};
use crate::web::assist::Assistance;
use crate::web::components::{button, class_names, on_click, part_id, room, FULL};
use crate::web::state::{slots, Action, Removed, ScorerContext};

/// Props of [`QuickEntry`].
#[derive(Properties, PartialEq)]
pub struct QuickEntryProps {
    /// The scorer's state.
    pub state: ScorerContext,
    /// A prefix for element ids, unique per widget on the page.
    pub id_prefix: AttrValue,
}

/// The box where the interviewer types what they saw.
#[function_component]
pub fn QuickEntry(props: &QuickEntryProps) -> Html {
    let state = &props.state;
    let text = use_state(String::new);
    // Set when an observation is added, cleared when the next one is typed: the message says
    // where the new one went (a tagged one moves to its capability's card, out of sight). It
    // holds the count of the state's last `after` then: once another action is done (a retag, an
    // accept, a removal), the message is no longer news, and may no longer be true.
    // With it, how many observations the card held before.
    let added = use_state(|| None::<(Option<u32>, usize)>);
    let now = state.after.as_ref().map(|a| a.count);
    let disabled = state.read_only();
    let id = part_id(&props.id_prefix, "observe");
    let count = state.card.observations.len();
    // A list of notes (a paste from a doc) is added as one observation per item: Enter and Add
    // do that, "Add as one" keeps it whole.
    let items = list_items(&text).len();
    // The card holds as many observations as a document may: what is typed stays in the box.
    let full = count + items.max(1) > MAX_OBSERVATIONS;
    let add = {
        let (state, text, added) = (state.clone(), text.clone(), added.clone());
        move |whole: bool| {
            let n = if whole { 1 } else { items.max(1) };
            if count + n <= MAX_OBSERVATIONS && !text.trim().is_empty() {
                let t = (*text).clone();
                state.dispatch(if whole { Action::ObserveAsOne { text: t } } else { Action::Observe { text: t } });
                text.set(String::new());
                added.set(Some((now, count)));
            }
        }
    };
    let oninput = {
        let (text, added) = (text.clone(), added.clone());
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value());
            added.set(None);
        })
    };
    // Text typed and not yet added would go with the page: while there is some, leaving the
    // page (a reload, closing the tab) asks first; New scorecard and Open wait for it
    // (`Action::SwitchHeld`).
    crate::web::hooks::use_leave_guard(!text.trim().is_empty());
    // The box's room, and whether it is full, which the status below says (see `room`).
    let (left, full_box) = room(&text);
    // New scorecard or Open pressed with text in the box (`Action::SwitchHeld`): said here until
    // the text is added or cleared.
    let held = state.after.as_ref().is_some_and(|a| a.focus == "observe") && !text.trim().is_empty();
    let before = added.filter(|(at, _)| *at == now).map(|(_, n)| n);
    let where_added = match state.card.observations.last().filter(|_| before.is_some() && !full) {
        // A list that does not fit is refused whole: "Add as one" may still fit it.
        _ if full && count < MAX_OBSERVATIONS => "This list has more notes than this card has room for: add it as one, or remove some observations first.".to_string(),
        _ if full => format!("This card holds {MAX_OBSERVATIONS} observations, the most it can: remove one to add another."),
        _ if full_box => FULL.to_string(),
        _ if held => "Not switched: this observation belongs to this scorecard. Add it (Enter) or clear it, then start or open another.".to_string(),
        _ if items > 1 => format!("This is a list of {items} notes: Enter adds each as an observation of its own; Add as one keeps it whole."),
        Some(_) if count > before.unwrap_or(count) + 1 => format!(
            "Added {} observations, one per note of the list, each tagged on its own{}: check their tags below.",
            count - before.unwrap_or(count),
            if matches!(state.assist, Assistance::Loading) { " once the classifier has loaded" } else { "" }
        ),
        Some(o) if o.source == TagSource::Suggested && o.capability.is_none() && matches!(state.assist, Assistance::Loading) => {
            "Added. It is tagged once the classifier has loaded: it is listed below meanwhile.".to_string()
        }
        Some(o) => match o.capability.as_deref().and_then(|c| state.rubric.capability(c)) {
            Some(c) => format!("Added to {}: it is on that card below, with its tag.", c.name),
            // A flagged note is said to be so here, where a screen reader hears it: its warning
            // below is not announced, and the keyboard stays in the box.
            None => match state.analysis(&o.text) {
                Some(Ok(c)) if !c.flags.is_empty() => format!("Added, not tagged. {}. It is listed below.", c.flags.first().map(flag_words).unwrap_or_default()),
                _ => "Added, not tagged to a capability: it is listed below.".to_string(),
            },
        },
        None => String::new(),
    };
    let onkeydown = {
        let add = add.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && !e.shift_key() && !e.is_composing() {
                e.prevent_default();
                add(false);
            }
        })
    };
    let onclick = {
        let add = add.clone();
        Callback::from(move |_: MouseEvent| add(false))
    };
    let on_whole = Callback::from(move |_: MouseEvent| add(true));
    let on_draft = on_click(state, String::new(), |_| Action::DraftRatings);
    let untagged: Vec<&Observation> = state.card.observations.iter().filter(|o| o.capability.is_none()).collect();
    // Read-only (submitted, locked by the host, opened from a share link): nothing to type, only
    // the untagged observations to show.
    if disabled && untagged.is_empty() {
        return Html::default();
    }
    html! {
        <section class="sc-observe" aria-labelledby={part_id(&id, "title")}>
            <h2 class="sc-observe__title" id={part_id(&id, "title")}>{ "Observations" }</h2>
            if !disabled {
                <label class="sc-field__label" for={id.clone()}>{ "What did you observe?" }</label>
                <div class="sc-observe__row">
                    <textarea class="sc-card__textarea sc-observe__input" id={id.clone()} rows="2" value={(*text).clone()}
                        {oninput} {onkeydown} maxlength="10000" aria-describedby={part_id(&id, "hint")}
                        placeholder="e.g. Ran the weekly sync with four teams and kept a risk log" />
                    <button type="button" class="sc-button sc-m-primary" {onclick} disabled={full}>{ if items > 1 { "Add each" } else { "Add" } }</button>
                    if items > 1 && count < MAX_OBSERVATIONS {
                        { button("sc-button", None, on_whole, "Add as one") }
                    }
                </div>
                <p class="sc-card__hint" id={part_id(&id, "hint")}>
                    { format!("Enter adds it, Shift+Enter starts a new line. Each one is tagged with the capability and level it reads as; check the tag.{left}") }
                </p>
                <p ~className={if held { "sc-card__hint sc-observe__added sc-is-warning" } else { "sc-card__hint sc-observe__added" }} role="status">{ where_added }</p>
                if let Assistance::Failed(_) = &state.assist {
                    <p class="sc-card__hint sc-is-warning" role="status">
                        { format!("{} Tag each observation yourself; everything else works.", state.assist.unavailable("Tag suggestions")) }
                    </p>
                }
                <div class="sc-observe__actions">
                    <button type="button" class="sc-button" onclick={on_draft} disabled={count == 0}>
                        { "Draft ratings from observations" }
                    </button>
                    <span class="sc-observe__count">{ format!("{count} observation{}", if count == 1 { "" } else { "s" }) }</span>
                </div>
            }
            if !untagged.is_empty() || !removed_from(state, None).is_empty() {
                <h3 class="sc-rec__subtitle">{ "Not tagged to a capability" }</h3>
                { observation_list(state, &untagged, None, &props.id_prefix) }
            }
        </section>
    }
}

/// A flag as the interviewer reads it: a warning sign, what kind of problem, then the
/// classifier's reason.
pub fn flag_text(f: &Flag) -> String {
    format!("⚠ {}", flag_words(f))
}

/// A flag under its note or observation (one element for both, see `button`).
pub fn flag_note(f: &Flag) -> Html {
    html! { <p class="sc-obs__flag" role="note">{ flag_text(f) }</p> }
}

/// [`flag_text`] without the sign, as a sentence says it.
fn flag_words(f: &Flag) -> String {
    match f.kind {
        FlagKind::NonBehavioral => {
            format!(
                "Not evidence of behaviour: {}",
                f.reason.strip_prefix("no observed behaviour: ").unwrap_or(&f.reason)
            )
        }
        FlagKind::BiasRisk => format!("Bias risk: {}", f.reason),
    }
}

/// A list of observations, each keyed by its id. (View functions rather than components; see
/// `header` for why.)
/// `capability` is the list's (`None`: not tagged); each observation removed from it that can
/// still be put back is shown where it was, with its Undo.
pub fn observation_list(
    state: &ScorerContext,
    observations: &[&Observation],
    capability: Option<&str>,
    id_prefix: &str,
) -> Html {
    let removed = removed_from(state, capability);
    let mut items = Vec::with_capacity(observations.len() + removed.len());
    // Each removal stands where it was among the card's observations and the removals
    // (`notes::removal_slot`): shown before the first observation of this list after it.
    let all = slots(&state.removed);
    let mut next = 0;
    for o in observations {
        if next < removed.len() {
            let at = state.card.observations.iter().position(|x| x.id == o.id).unwrap_or(0);
            let slot = removal_slot(at, &all);
            while next < removed.len() && removed[next].index < slot {
                items.push(undo_item(state, removed[next], id_prefix));
                next += 1;
            }
        }
        items.push(observation_item(state, o, id_prefix));
    }
    for r in &removed[next..] {
        items.push(undo_item(state, r, id_prefix));
    }
    html! {
        <ul class="sc-obs-list">{ for items }</ul>
    }
}

/// The removals from the list of `capability` that can be put back, in the order they stood.
pub fn removed_from<'a>(state: &'a ScorerContext, capability: Option<&str>) -> Vec<&'a Removed> {
    let mut out: Vec<&Removed> = Vec::new();
    if !state.read_only() {
        for r in state.removed.iter().filter(|r| r.observation.capability.as_deref() == capability) {
            out.insert(out.partition_point(|x| x.index < r.index), r);
        }
    }
    out
}

fn undo_item(state: &ScorerContext, r: &Removed, id_prefix: &str) -> Html {
    let onclick = {
        let (state, serial) = (state.clone(), r.serial);
        Callback::from(move |_: MouseEvent| state.dispatch(Action::UndoRemove { serial }))
    };
    let serial = r.serial.to_string();
    let undo = part_id("undo", &serial);
    let text_id = part_id(id_prefix, &part_id("removed", &serial));
    html! {
        // (Its class set as an observation's is, `~className`: see `class_names`.)
        <li key={undo.clone()} ~className="sc-removed">
            <p class="sc-removed__text" id={text_id.clone()}>{ "Removed: " }<q>{ r.observation.text.clone() }</q></p>
            <div class="sc-obs__tag">
                <button type="button" class="sc-button sc-m-small" id={part_id(id_prefix, &undo)} {onclick}
                    aria-label="Undo remove" aria-describedby={text_id}>{ "Undo" }</button>
            </div>
        </li>
    }
}

/// The text split into plain and highlighted parts; overlapping spans are merged away.
fn highlight(text: &str, spans: &[Span]) -> Html {
    // Ordered by start, equal starts in their given order, by insertion: there are only a few,
    // and a stable sort would bring its own copy of the sort code (about 1 KB of wasm).
    let mut sorted: Vec<&Span> = Vec::new();
    for s in spans.iter().filter(|s| s.start < s.end && text.get(s.start..s.end).is_some()) {
        sorted.insert(sorted.partition_point(|t| t.start <= s.start), s);
    }
    let spans = sorted;
    let mut out = Vec::new();
    let mut at = 0;
    for s in spans {
        if s.start < at {
            continue;
        }
        out.push(html! { { text.get(at..s.start).unwrap_or("").to_string() } });
        out.push(html! { <mark class="sc-obs__mark" title={s.label.clone()}>{ text.get(s.start..s.end).unwrap_or("").to_string() }</mark> });
        at = s.end;
    }
    out.push(html! { { text.get(at..).unwrap_or("").to_string() } });
    out.into_iter().collect::<Html>()
}

/// Whether the classifier flags the observation as a bias risk: it is then left out of the
/// print and of the exports bound for an ATS.
pub fn bias_flagged(state: &ScorerContext, o: &Observation) -> bool {
    matches!(state.analysis(&o.text), Some(Ok(c)) if !c.suggests_tag() && has_bias_risk(&c.flags))
}

/// An observation's text being edited: Enter (or Save) saves it, Shift+Enter starts a new line,
/// Escape (or Cancel) leaves it as it was. What is typed is kept in the state (`editing`), so no
/// other change to the card resets it. (One element: each costs the widget's wasm its own code.)
fn observation_editor(state: &ScorerContext, o: &Observation, base: &str) -> Html {
    let oninput = {
        let (state, id) = (state.clone(), o.id.clone());
        Callback::from(move |e: InputEvent| {
            state.dispatch(Action::EditText {
                id: id.clone(),
                text: e.target_unchecked_into::<HtmlTextAreaElement>().value(),
            });
        })
    };
    let onkeydown = {
        let (state, id) = (state.clone(), o.id.clone());
        Callback::from(move |e: KeyboardEvent| {
            let id = id.clone();
            if e.key() == "Enter" && !e.shift_key() && !e.is_composing() {
                e.prevent_default();
                state.dispatch(Action::SaveObservation { id });
            } else if e.key() == "Escape" {
                e.prevent_default();
                state.dispatch(Action::CancelEdit { id });
            }
        })
    };
    html! {
        <textarea class="sc-card__textarea sc-obs__editor" id={part_id(base, "editor")} rows="2" value={state.edit_text(&o.id).unwrap_or_default().to_string()}
            {oninput} {onkeydown} maxlength="10000" aria-label="Edit the observation: Enter saves, Shift+Enter starts a new line, Escape cancels" />
    }
}

/// `shown` folded away behind "Not shown: flagged as a bias risk" when `fold`, one click from its
/// text: in a card only shown (locked by the host, opened from a share link), a remark on age,
/// family, origin or looks is not what its reader meets first, as in the committee view and
/// print; the interviewer's own card shows it with its warning, to take it out. Folded, its
/// flags are not shown either: their reasons quote the words that raised them ("kids"), which
/// would tell what the fold keeps back (the committee view shows the summary alone too).
pub fn withheld(fold: bool, shown: Html) -> Html {
    if !fold {
        return shown;
    }
    html! {
        <details class="sc-withheld">
            <summary>{ "Not shown: flagged as a bias risk, not evidence of the job" }</summary>
            { shown }
        </details>
    }
}

/// One observation.
fn observation_item(state: &ScorerContext, o: &Observation, id_prefix: &str) -> Html {
    let disabled = state.read_only();
    let analysis = state.analysis(&o.text).cloned();
    let base = part_id(id_prefix, &o.id);
    let suggested = o.source == TagSource::Suggested && o.capability.is_some();

    let on_capability = {
        let (state, id, level) = (state.clone(), o.id.clone(), o.level);
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let capability = (!v.is_empty()).then_some(v);
            // Its level moves with it: "Level?" stays "Level?", no evidence for a level until
            // the interviewer picks one (never a level they did not choose).
            state.dispatch(Action::Retag { id: id.clone(), capability, level });
        })
    };
    let on_level = {
        let (state, id, capability) = (state.clone(), o.id.clone(), o.capability.clone());
        Callback::from(move |e: Event| {
            let level = Rating::from_id(&e.target_unchecked_into::<HtmlSelectElement>().value()).unwrap_or_default();
            state.dispatch(Action::Retag { id: id.clone(), capability: capability.clone(), level });
        })
    };
    let on_accept = on_click(state, o.id.clone(), |id| Action::AcceptTag { id });
    let on_remove = on_click(state, o.id.clone(), |id| Action::RemoveObservation { id });
    let on_edit = on_click(state, o.id.clone(), |id| Action::EditObservation { id });
    let editing = !disabled && state.edit_text(&o.id).is_some();
    let on_save = on_click(state, o.id.clone(), |id| Action::SaveObservation { id });
    let on_cancel = on_click(state, o.id.clone(), |id| Action::CancelEdit { id });
    // Waiting for the classifier (the on-demand module still loading): said on the note itself,
    // which would otherwise look untagged and sound.
    let reading =
        o.source == TagSource::Suggested && o.capability.is_none() && matches!(state.assist, Assistance::Loading);

    let (text, confidence, flags) = match &analysis {
        // A flagged note is not evidence of a capability: highlighting the words that would have
        // tagged it would say the opposite of its flag.
        Some(Ok(c)) if c.suggests_tag() => (highlight(&o.text, &c.evidence), Some(c), Vec::new()),
        Some(Ok(c)) => (html! { { o.text.clone() } }, Some(c), c.flags.clone()),
        _ => (html! { { o.text.clone() } }, None, Vec::new()),
    };
    // Read-only (submitted, locked by the host, opened from a share link): the card is shown, not
    // edited, so the editing buttons are left out rather than shown disabled.
    let current = o.capability.clone().unwrap_or_default();
    // A suggested level the classifier cannot tell is a guess (a card opened read-only may hold
    // one from before guesses were left out): shown as no level.
    let shown = if suggested && confidence.is_some_and(|c| c.level_unsure()) { Rating::NotAssessed } else { o.level };
    // Its menus and buttons are read with the observation they act on, and the suggestion's
    // certainty (the names alone, "Capability", "Accept", say nothing of which one).
    // The text, or while it is edited its box (the menus and Remove stay described by it).
    let text_id = part_id(&base, if editing { "editor" } else { "text" });
    let described = if suggested { format!("{text_id} {base}-source") } else { text_id.clone() };
    let fold = state.locked && has_bias_risk(&flags);
    html! {
        <li key={o.id.clone()} ~className={class_names(&["sc-obs", if suggested { "sc-m-suggested" } else { "sc-m-confirmed" }, if flags.is_empty() { "" } else { "sc-m-flagged" }, if has_bias_risk(&flags) { "sc-m-bias" } else { "" }])}>
            if editing {
                { observation_editor(state, o, &base) }
            } else {
                { withheld(fold, html! { <p class="sc-obs__text" id={part_id(&base, "text")}>{ text }</p> }) }
            }
            <div class="sc-obs__tag">
                <label class="sc-visually-hidden" for={part_id(&base, "cap")}>{ "Capability" }</label>
                <select class="sc-select" id={part_id(&base, "cap")} onchange={on_capability} {disabled} aria-describedby={described.clone()}>
                    <option value="" selected={current.is_empty()}>{ "No capability" }</option>
                    { for state.rubric.capabilities.iter().map(|c| html! {
                        <option value={c.id.clone()} selected={c.id == current}>{ c.name.clone() }</option>
                    }) }
                </select>
                // An untagged observation has no level to choose.
                if o.capability.is_some() {
                    <label class="sc-visually-hidden" for={part_id(&base, "level")}>{ "Level" }</label>
                    <select class="sc-select" id={part_id(&base, "level")} onchange={on_level} {disabled} aria-describedby={described.clone()}>
                        // No level yet (the classifier could not tell it, or a file gave none):
                        // "Level?", never a level the interviewer did not choose.
                        if shown == Rating::NotAssessed {
                            <option value={Rating::NotAssessed.id()} selected=true>{ "Level?" }</option>
                        }
                        { for Rating::LEVELS.into_iter().map(|r| html! {
                            <option value={r.id()} selected={shown == r}>{ state.rubric.level_label(r).to_string() }</option>
                        }) }
                    </select>
                }
                if suggested {
                    <span class="sc-obs__source" id={part_id(&base, "source")}>
                        // Once submitted (or only shown), the certainty is history: what a reader
                        // needs is that the interviewer never confirmed the tag.
                        if disabled { { "Suggested, not confirmed" } } else {
                            // A guessed level drafts nothing: that is said instead of how sure the tag is.
                            { format!("Suggested{}", confidence.map_or(String::new(), |c| if c.level_unsure() {
                                " · level unsure".into()
                            } else {
                                format!(" · {}% sure", crate::core::engine::percent(c.confidence))
                            })) }
                        }
                    </span>
                    if !disabled {
                        <button type="button" class="sc-button sc-m-small" onclick={on_accept}
                            aria-label="Accept the suggested tag" aria-describedby={described.clone()}>{ "Accept" }</button>
                    }
                } else if o.capability.is_some() || reading {
                    <span class="sc-obs__source">{ if reading { "Tagging…" } else { "Your tag" } }</span>
                }
                if editing {
                    { button("sc-button sc-m-small sc-m-primary", None, on_save, "Save") }
                    { button("sc-button sc-m-small", None, on_cancel, "Cancel") }
                } else if !disabled {
                    <button type="button" class="sc-button sc-m-small sc-m-quiet" id={part_id(&base, "edit")} onclick={on_edit}
                        aria-label="Edit this observation" aria-describedby={part_id(&base, "text")}>{ "Edit" }</button>
                }
                if !disabled {
                    <button type="button" class="sc-button sc-m-small sc-m-quiet" onclick={on_remove}
                        aria-label="Remove this observation" aria-describedby={text_id}>{ "Remove" }</button>
                }
            </div>
            // One node however many flags (see capability_card: siblings would shift otherwise).
            // Folded, none: a reason quotes the words that raised it (see `withheld`).
            <>{ for (if fold { &[] } else { flags.as_slice() }).iter().map(flag_note) }</>
        </li>
    }
}
