//! The recommendation panel: decision, level, confidence and rationale, updated as the
//! interviewer rates. A polite live region announces changes of outcome to screen readers.

use yew::prelude::*;

use crate::core::engine::{fixed2, join_names, Decision};
use crate::web::state::ScorerState;

/// The live recommendation.
pub fn recommendation_panel(state: &ScorerState) -> Html {
    let rec = &state.recommendation;
    let rubric = &state.rubric;
    let decision_class = match rec.decision {
        Decision::Hire => "sc-m-hire",
        Decision::NoHire => "sc-m-no-hire",
        Decision::InsufficientEvidence => "sc-m-insufficient",
    };
    let headline = match (&rec.decision, &rec.level) {
        (Decision::Hire, Some(level)) => format!("Hire at {level}"),
        (d, _) => d.label().to_string(),
    };
    let names = |ids: &[String]| join_names(ids.iter().map(|id| rubric.capability(id).map_or(id.clone(), |c| c.name.clone())).collect());
    let percent = (rec.confidence * 100.0).round() as u32;
    // What the live region says: the outcome only, so screen readers are not flooded.
    let announcement = format!(
        "Recommendation: {headline}{}. Confidence {percent} percent.",
        rec.consider_level.as_ref().map_or(String::new(), |c| format!(", {c} to consider"))
    );
    html! {
        <aside class={classes!("sc-rec", decision_class)} aria-labelledby="sc-rec-title">
            <h2 class="sc-rec__title" id="sc-rec-title">{ "Recommendation" }</h2>
            <p class="sc-visually-hidden" role="status" aria-live="polite" aria-atomic="true">{ announcement }</p>
            <div class="sc-rec__outcome">
                <span class="sc-rec__decision" data-testid="decision">{ headline }</span>
                if let Some(c) = &rec.consider_level {
                    <span class="sc-rec__consider">{ format!("{c} to consider") }</span>
                }
            </div>
            <dl class="sc-rec__facts">
                <div><dt>{ "Greenhouse" }</dt><dd data-testid="greenhouse">{ rec.greenhouse.label() }</dd></div>
                <div><dt>{ "Score" }</dt><dd>{ rec.score.map_or("–".to_string(), |s| format!("{} / 2", fixed2(s))) }</dd></div>
                <div>
                    <dt>{ "Confidence" }</dt>
                    <dd>
                        <meter class="sc-rec__meter" min="0" max="100" low="40" high="70" optimum="100"
                            value={percent.to_string()} aria-label="Confidence">{ format!("{percent}%") }</meter>
                        <span class="sc-rec__percent" data-testid="confidence">{ format!("{percent}%") }</span>
                    </dd>
                </div>
            </dl>
            <h3 class="sc-rec__subtitle">{ "Why" }</h3>
            <ul class="sc-rec__rationale" data-testid="rationale">
                { for rec.rationale.iter().map(|s| html! { <li>{ s.clone() }</li> }) }
            </ul>
            if !rec.unassessed.is_empty() || !rec.unevidenced.is_empty() {
                <div class="sc-rec__todo">
                    <h3 class="sc-rec__subtitle">{ "Still to do" }</h3>
                    <ul>
                        if !rec.unassessed.is_empty() {
                            <li data-testid="todo-unrated">{ format!("No rating yet: {}", names(&rec.unassessed)) }</li>
                        }
                        if !rec.unevidenced.is_empty() {
                            <li data-testid="todo-unevidenced">{ format!("No evidence yet: {}", names(&rec.unevidenced)) }</li>
                        }
                    </ul>
                </div>
            }
        </aside>
    }
}
