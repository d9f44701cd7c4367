//! The recommendation panel: decision, level, confidence and rationale, updated as the
//! interviewer rates. A polite live region announces changes of outcome to screen readers.

use yew::prelude::*;

use crate::core::engine::{fixed2, join_names, Decision};
pub use crate::core::engine::{headline, hire_below_level};
use crate::web::components::{class_names, part_id};
use crate::web::state::ScorerState;

/// The modifier class of an outcome: green for a hire, red for no hire, amber for a hire below
/// the rubric's level, grey for insufficient evidence.
pub fn decision_class(decision: Decision, below: bool) -> &'static str {
    match decision {
        Decision::Hire if below => "sc-m-below",
        Decision::Hire => "sc-m-hire",
        Decision::NoHire => "sc-m-no-hire",
        Decision::InsufficientEvidence => "sc-m-insufficient",
    }
}

/// The live recommendation.
pub fn recommendation_panel(state: &ScorerState, id_prefix: &str) -> Html {
    let title_id = part_id(id_prefix, "rec-title");
    let rec = &state.recommendation;
    let rubric = &state.rubric;
    let below = hire_below_level(rec.decision, rec.greenhouse);
    let decision_class = decision_class(rec.decision, below);
    let headline = headline(rec.decision, rec.level.as_deref(), below);
    let names = |ids: &[String]| {
        join_names(ids.iter().map(|id| rubric.capability(id).map_or(id.clone(), |c| c.name.clone())).collect())
    };
    let todo = if state.read_only() {
        ["Gaps in the evidence", "Not assessed: ", "Not evidenced: "]
    } else {
        ["Still to do", "No rating yet: ", "No evidence yet: "]
    };
    let percent = crate::core::engine::percent(rec.confidence);
    let shown = format!("{percent}%");
    // Nothing rated yet: there is no confidence to speak of, only the engine's floor.
    let nothing_rated = rec.unassessed.len() >= rubric.capabilities.len();
    // Ratings drafted from observations are the classifier's until confirmed: an outcome that
    // rests on them says so, beside the headline and in what is announced.
    let drafted = state.drafted.len();
    let provisional = (drafted > 0).then(|| {
        format!("Rests on {drafted} drafted rating{} not yet confirmed.", if drafted == 1 { "" } else { "s" })
    });
    // What the live region says: the outcome only, so screen readers are not flooded.
    let mut announcement = format!(
        "Recommendation: {}. {}",
        outcome_text(state),
        if nothing_rated { "Nothing rated yet.".to_string() } else { format!("Confidence {percent} percent.") }
    );
    if let Some(p) = &provisional {
        announcement = format!("{announcement} {p}");
    }
    html! {
        <aside ~className={class_names(&["sc-rec", decision_class])} aria-labelledby={title_id.clone()}>
            <h2 class="sc-rec__title" id={title_id} tabindex="-1">{ "Recommendation" }</h2>
            <p class="sc-visually-hidden" role="status" aria-live="polite" aria-atomic="true">{ announcement }</p>
            <div class="sc-rec__outcome">
                <span class="sc-rec__decision" data-testid="decision">{ headline }</span>
                if let Some(c) = &rec.consider_level {
                    <span class="sc-rec__consider">{ format!("{c} to consider") }</span>
                }
            </div>
            if let Some(p) = provisional {
                <p class="sc-rec__provisional" data-testid="provisional">{ p }</p>
            }
            <dl class="sc-rec__facts">
                <div><dt>{ "Greenhouse" }</dt><dd data-testid="greenhouse">{ rec.greenhouse.label() }</dd></div>
                <div><dt>{ "Score" }</dt><dd>{ rec.score.map_or("–".to_string(), |s| format!("{} / 2", fixed2(s))) }</dd></div>
                <div>
                    <dt>{ "Confidence" }</dt>
                    // The value first and the bar beside it, so the three values share a baseline.
                    <dd class="sc-rec__confidence">
                        <span class="sc-rec__percent" data-testid="confidence">{ if nothing_rated { "–".to_string() } else { shown.clone() } }</span>
                        if !nothing_rated {
                            <meter class="sc-rec__meter" min="0" max="100" low="40" high="70" optimum="100"
                                value={percent.to_string()} aria-label="Confidence">{ shown }</meter>
                        }
                    </dd>
                </div>
            </dl>
            <h3 class="sc-rec__subtitle">{ "Why" }</h3>
            // Not what "Still to do" lists below (`todo_lines`): each list once.
            <ul class="sc-rec__rationale" data-testid="rationale">
                { for rec.rationale.iter().enumerate().filter(|(i, _)| !rec.todo_lines.contains(i)).map(|(_, s)| html! { <li>{ s.clone() }</li> }) }
            </ul>
            // A read-only card (submitted, locked, shared) has nothing left to do: its reader is
            // told what it does not cover, not asked to add it.
            if !rec.unassessed.is_empty() || !rec.unevidenced.is_empty() {
                <div class="sc-rec__todo">
                    <h3 class="sc-rec__subtitle">{ todo[0] }</h3>
                    <ul>
                        if !rec.unassessed.is_empty() {
                            <li data-testid="todo-unrated">{ format!("{}{}", todo[1], names(&rec.unassessed)) }</li>
                        }
                        if !rec.unevidenced.is_empty() {
                            <li data-testid="todo-unevidenced">{ format!("{}{}", todo[2], names(&rec.unevidenced)) }</li>
                        }
                    </ul>
                </div>
            }
        </aside>
    }
}

/// Where the panel is out of sight (one column, at the end of the cards): the outcome in one
/// line, kept at the bottom of the view while the cards scroll, so a rating's effect is seen
/// where it is made. It takes the keyboard to the panel. Hidden where the panel sits beside the
/// cards, and in print.
pub fn recommendation_bar(state: &ScorerState, id_prefix: &str) -> Html {
    let rec = &state.recommendation;
    let below = hire_below_level(rec.decision, rec.greenhouse);
    let text = outcome_text(state);
    let title = part_id(id_prefix, "rec-title");
    let onclick = Callback::from(move |e: MouseEvent| {
        let button: web_sys::Element = e.target_unchecked_into();
        crate::web::app::focus_within(button.closest(".sc-app").ok().flatten(), &title);
    });
    html! {
        <button type="button" ~className={class_names(&["sc-recbar", decision_class(rec.decision, below)])} {onclick}>
            <span class="sc-recbar__decision">{ text }</span>
            <span class="sc-recbar__more">{ format!("Greenhouse: {} · See why", rec.greenhouse.label()) }</span>
        </button>
    }
}

/// The outcome in words, "Hire at L4, L5 to consider": what the live region announces and the
/// bar shows.
fn outcome_text(state: &ScorerState) -> String {
    let rec = &state.recommendation;
    let headline = headline(rec.decision, rec.level.as_deref(), hire_below_level(rec.decision, rec.greenhouse));
    match &rec.consider_level {
        Some(c) => format!("{headline}, {c} to consider"),
        None => headline,
    }
}
