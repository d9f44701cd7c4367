//! Pictures of the panel, drawn by the app: the matrix as a heat map (a real table, so screen
//! readers and black-and-white prints read it), and a capability profile chart in SVG with the
//! same numbers in a table behind it.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::committee::{CandidateReport, Cell, PanelMember};
use crate::core::scorecard::Rating;
use crate::core::Rubric;

/// The heat-map class of a rating.
pub fn rating_class(r: Rating) -> &'static str {
    match r {
        Rating::NotAssessed => "sc-m-not-assessed",
        Rating::NeedsImprovement => "sc-m-needs-improvement",
        Rating::Meets => "sc-m-meets",
        Rating::Exceeds => "sc-m-exceeds",
    }
}

/// Props of the charts.
#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub candidate: Rc<CandidateReport>,
    /// For the level labels, the rubric's own ("Meets Expectations"), as the scorer shows them.
    pub rubric: Rc<Rubric>,
}

/// Capabilities by interviewer; each cell shows the level and what evidence it has, and opens to
/// the note.
#[function_component]
pub fn HeatMap(props: &ChartProps) -> Html {
    let c = &props.candidate;
    let short = |r: Rating| props.rubric.level_label(r).to_string();
    let member = |m: &PanelMember| if m.interviewer_name.is_empty() { m.interviewer.clone() } else { m.interviewer_name.clone() };
    html! {
        <section aria-labelledby="scc-matrix">
            <h3 class="sc-committee__h3" id="scc-matrix">{ "Ratings by interviewer" }</h3>
            <div class="sc-table-wrap">
                <table class="sc-table sc-heatmap" data-testid="matrix">
                    <caption class="sc-visually-hidden">{ format!("Ratings of {} by capability and interviewer, with consensus and spread", c.name) }</caption>
                    <thead><tr>
                        <th scope="col">{ "Capability" }</th>
                        // Read as "Alice Moss, Coding": the step is on a line of its own on screen.
                        { for c.panel.iter().map(|m| html! {
                            <th scope="col">{ member(m) }<span class="sc-visually-hidden">{ ", " }</span>
                                <span class="sc-table__sub">{ m.step.clone() }</span></th>
                        }) }
                        <th scope="col">{ "Consensus" }</th><th scope="col">{ "Spread" }</th>
                    </tr></thead>
                    <tbody>
                        { for c.matrix.iter().map(|row| html! {
                            <tr class={classes!(row.disagreement.then_some("sc-is-disputed"))}>
                                <th scope="row">{ row.name.clone() }{ if row.core { " (core)" } else { "" } }
                                    if row.disagreement { <span class="sc-badge">{ "disagree" }</span> }</th>
                                // Cells follow the panel's order. A disclosure reached by Tab is read
                                // without its row and column headers: its name says whose and what.
                                { for row.cells.iter().zip(&c.panel).map(|(cell, m)| html! {
                                    <td class={classes!("sc-heat", rating_class(cell.level))}>
                                        if cell.note.is_empty() {
                                            <span>{ short(cell.level) }{ evidence(cell) }</span>
                                        } else {
                                            <details><summary><span class="sc-visually-hidden">{ format!("{}, {}: ", member(m), row.name) }</span>
                                                { short(cell.level) }{ evidence(cell) }</summary>
                                                <p class="sc-committee__note">{ cell.note.clone() }</p></details>
                                        }
                                    </td>
                                }) }
                                <td class={classes!("sc-heat", rating_class(row.consensus))}><strong>{ short(row.consensus) }</strong></td>
                                <td>{ row.spread.map_or("–".to_string(), |s| s.to_string()) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// What a cell's evidence is: its note (at most one) and the observations tagged with it.
fn evidence(cell: &Cell) -> String {
    let notes = usize::from(!cell.note.trim().is_empty()).min(cell.evidence);
    let observations = cell.evidence - notes;
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    match (notes, observations) {
        (0, 0) => " · no evidence".into(),
        (0, o) => format!(" · {}", count(o, "observation")),
        (n, 0) => format!(" · {}", count(n, "note")),
        (n, o) => format!(" · {}, {}", count(n, "note"), count(o, "observation")),
    }
}

/// Horizontal bars of the consensus per capability, with whiskers for the panel's range.
#[function_component]
pub fn ProfileChart(props: &ChartProps) -> Html {
    let c = &props.candidate;
    let short = |r: Rating| props.rubric.level_label(r).to_string();
    let level = |r: Rating| -> f64 {
        match r {
            Rating::NotAssessed => 0.0,
            Rating::NeedsImprovement => 1.0,
            Rating::Meets => 2.0,
            Rating::Exceeds => 3.0,
        }
    };
    let (label_w, bar_w, row_h) = (240.0, 220.0, 28.0);
    let height = row_h * c.matrix.len() as f64 + 30.0;
    let x = |v: f64| label_w + v / 3.0 * bar_w;
    html! {
        <figure class="sc-chart">
            // The chart keeps a minimum width so its labels stay readable on a phone; narrower,
            // it scrolls sideways inside this box (focusable, so the keyboard can scroll it too).
            <div class="sc-chart__scroll" tabindex="0" role="group" aria-label={format!("Capability profile of {}", c.name)}>
            <svg class="sc-chart__svg" viewBox={format!("0 0 {} {height}", label_w + bar_w + 40.0)} role="img"
                aria-label={format!("Capability profile of {}: consensus per capability; the table below holds the same numbers", c.name)}>
                { for (1..=3).map(|v| html! {
                    <line class="sc-chart__grid" x1={x(v as f64).to_string()} x2={x(v as f64).to_string()} y1="0" y2={(height - 24.0).to_string()} />
                }) }
                { for c.matrix.iter().enumerate().map(|(i, row)| {
                    let y = i as f64 * row_h + 4.0;
                    html! {
                        <g>
                            <text class="sc-chart__label" x={(label_w - 8.0).to_string()} y={(y + 15.0).to_string()} text-anchor="end">{ row.name.clone() }</text>
                            <rect class={classes!("sc-chart__bar", rating_class(row.consensus))} x={label_w.to_string()} y={y.to_string()}
                                width={(x(level(row.consensus)) - label_w).max(0.0).to_string()} height={(row_h - 10.0).to_string()} />
                            if row.spread.unwrap_or(0) > 0 {
                                <line class="sc-chart__range" x1={x(level(row.low)).to_string()} x2={x(level(row.high)).to_string()}
                                    y1={(y + 9.0).to_string()} y2={(y + 9.0).to_string()} />
                            }
                        </g>
                    }
                }) }
                { for [(1, "NI"), (2, "Meets"), (3, "Exceeds")].into_iter().map(|(v, t)| html! {
                    <text class="sc-chart__axis" x={x(v as f64).to_string()} y={(height - 8.0).to_string()} text-anchor="middle">{ t }</text>
                }) }
            </svg>
            </div>
            <figcaption class="sc-card__hint">{ "Bars: the panel's consensus. Lines: the range of the panel's ratings." }</figcaption>
            // Wrapped: a table ignores the 1 px width that hides other elements.
            <div class="sc-visually-hidden"><table>
                <caption>{ format!("Capability profile of {}", c.name) }</caption>
                <tr><th scope="col">{ "Capability" }</th><th scope="col">{ "Consensus" }</th><th scope="col">{ "Lowest" }</th><th scope="col">{ "Highest" }</th></tr>
                { for c.matrix.iter().map(|row| html! {
                    <tr><th scope="row">{ row.name.clone() }</th><td>{ short(row.consensus) }</td><td>{ short(row.low) }</td><td>{ short(row.high) }</td></tr>
                }) }
            </table></div>
        </figure>
    }
}
