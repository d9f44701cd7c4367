//! The scorecard header: candidate, role and level, interviewer, interview step and date.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::web::state::{use_scorer, Action};

/// A text input bound to one header field.
#[derive(Properties, PartialEq)]
pub struct FieldProps {
    /// The input's id, also used by its label.
    pub id: AttrValue,
    /// The visible label.
    pub label: AttrValue,
    /// The current value.
    pub value: AttrValue,
    /// The input type ("text" or "date").
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    /// Disabled when the scorecard is read-only.
    pub disabled: bool,
    /// Called with the new value on every input.
    pub on_change: Callback<String>,
    /// Autocomplete hint for the browser.
    #[prop_or(AttrValue::Static("off"))]
    pub autocomplete: AttrValue,
}

#[function_component]
fn Field(props: &FieldProps) -> Html {
    let on_change = props.on_change.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        on_change.emit(input.value());
    });
    html! {
        <div class="sc-field">
            <label class="sc-field__label" for={props.id.clone()}>{ props.label.clone() }</label>
            <input class="sc-field__input" id={props.id.clone()} type={props.kind.clone()}
                value={props.value.clone()} disabled={props.disabled} {oninput}
                autocomplete={props.autocomplete.clone()} maxlength="200" />
        </div>
    }
}

/// Props of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// A prefix for element ids, unique per widget on the page.
    pub id_prefix: AttrValue,
}

/// The header block of the scorer.
#[function_component]
pub fn Header(props: &HeaderProps) -> Html {
    let state = use_scorer();
    let disabled = state.read_only();
    let card = &state.card;
    let rubric = &state.rubric;
    let id = |s: &str| AttrValue::from(format!("{}-{s}", props.id_prefix));
    // The link to the committee view belongs to the standalone page, not to a host's page.
    let standalone = *use_memo((), |_| {
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("scorecard-app")).is_some()
    });
    let send = |make: fn(String) -> Action| {
        let state = state.clone();
        Callback::from(move |v: String| state.dispatch(make(v)))
    };
    html! {
        <header class="sc-header">
            <div class="sc-header__title">
                <h1 class="sc-header__heading">{ "Interview scorecard" }</h1>
                <p class="sc-header__role">
                    <span class="sc-visually-hidden">{ "Role and level: " }</span>
                    { format!("{} · {}", rubric.role, rubric.level) }
                    if standalone {
                        <a class="sc-link sc-header__nav" href="committee.html">{ "Hiring committee view" }</a>
                    }
                </p>
            </div>
            <div class="sc-header__fields">
                <Field id={id("candidate")} label="Candidate" value={card.candidate.name.clone()} {disabled}
                    on_change={send(|name| Action::SetCandidate { name })} />
                <Field id={id("interviewer")} label="Interviewer" value={card.interviewer.name.clone()} {disabled}
                    on_change={send(|name| Action::SetInterviewer { name })} autocomplete="name" />
                <Field id={id("step")} label="Interview step" value={card.interview.step.clone()} {disabled}
                    on_change={send(|step| Action::SetStep { step })} />
                <Field id={id("date")} label="Date" kind="date" value={card.interview.date.clone()} {disabled}
                    on_change={send(|date| Action::SetDate { date })} />
            </div>
        </header>
    }
}
