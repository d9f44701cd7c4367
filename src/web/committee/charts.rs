//! Pictures of the panel, drawn by the app: the matrix as a heat map (a real table, so screen
//! readers and black-and-white prints read it), and a capability profile chart in SVG with the
//! same numbers in a table behind it.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::committee::{CandidateReport, Cell};
use crate::core::scorecard::{bidi_isolate, Rating};
use crate::core::Rubric;

use super::{bdi, evidence_text};

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
#[derive(Properties)]
pub struct ChartProps {
    pub candidate: Rc<CandidateReport>,
    /// How the page names the candidate (the id when there is no name), for the captions.
    pub name: AttrValue,
    /// For the level labels, the rubric's own ("Meets Expectations"), as the scorer shows them.
    pub rubric: Rc<Rubric>,
    /// What the section's element ids begin with: "scc" on screen, another for each candidate
    /// of the printed packet (every candidate at once), so that no id is on the page twice.
    #[prop_or(AttrValue::Static("scc"))]
    pub prefix: AttrValue,
    /// How the page names each panel member, then each draft's interviewer, in that order
    /// (`CommitteeReport::member_label`): the heat map's column headers. A member missing here
    /// is named by the scorecard's name.
    #[prop_or_default]
    pub members: Rc<Vec<String>>,
}

/// The rubric by pointer (there is one), the report by pointer, then by value.
impl PartialEq for ChartProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.rubric, &other.rubric)
            && self.prefix == other.prefix
            && self.name == other.name
            && self.members == other.members
            && (Rc::ptr_eq(&self.candidate, &other.candidate) || self.candidate == other.candidate)
    }
}

/// Capabilities by interviewer; each cell shows the level and what evidence it has, and opens to
/// it: the note and the observations. A capability the outcome rests on is marked. Drafts (scorecards not submitted) are
/// not counted: their columns come after the consensus and the spread, marked in their header
/// and in each of their cells' names and tooltips.
#[function_component]
pub fn HeatMap(props: &ChartProps) -> Html {
    let c = &props.candidate;
    let short = |r: Rating| props.rubric.level_label(r).to_string();
    // Each member as the page names them (`members`), the panel's then the drafts': two
    // interviewers of one name read apart, as in the interviewers across panels.
    let names: Vec<String> = c
        .panel
        .iter()
        .chain(&c.drafts)
        .enumerate()
        .map(|(i, m)| {
            props.members.get(i).cloned().unwrap_or_else(|| {
                if m.interviewer_name.is_empty() {
                    m.interviewer.clone()
                } else {
                    m.interviewer_name.clone()
                }
            })
        })
        .collect();
    let draft_names = names.get(c.panel.len()..).unwrap_or_default();
    let id = format!("{}-matrix", props.prefix);
    // A cell: the level and its evidence, opening to the note and observations; `draft` marks a
    // draft's.
    let cell = |row_name: &str, cell: &Cell, name: &str, draft: bool| {
        // Plain text (a tooltip, words for screen readers): the name isolated as `<bdi>` would.
        let who = bidi_isolate(name).into_owned();
        let whose =
            if draft { format!("{who}, {row_name} (draft, not counted)") } else { format!("{who}, {row_name}") };
        html! {
            <td class={classes!("sc-heat", rating_class(cell.level), draft.then_some("sc-is-draft"))}
                title={format!("{whose}: {}{}", short(cell.level), evidence(cell))}>
                if cell.note.is_empty() && cell.observations.is_empty() {
                    <span>{ short(cell.level) }{ evidence(cell) }
                        if draft { <span class="sc-visually-hidden">{ ", draft, not counted" }</span> }</span>
                } else {
                    <details><summary><span class="sc-visually-hidden">{ format!("{whose}: ") }</span>
                        { short(cell.level) }{ evidence(cell) }</summary>
                        if !cell.note.is_empty() { <div class="sc-committee__note" dir="auto">{ evidence_text(&cell.note, cell.note_bias_risk, None) }</div> }
                        // As who said what lists them.
                        if !cell.observations.is_empty() {
                            <ul class="sc-heat__obs">{ for cell.observations.iter().map(|o| html! { <li>{ evidence_text(&o.text, o.bias_risk, Some(short(o.level))) }</li> }) }</ul>
                        }
                    </details>
                }
            </td>
        }
    };
    html! {
        <section aria-labelledby={id.clone()}>
            <h3 class="sc-committee__h3" {id}>{ "Ratings by interviewer" }</h3>
            // Focusable: narrower than the table, it scrolls sideways, and the keyboard must reach
            // the columns on the right (cells without evidence have nothing to focus).
            <div class="sc-table-wrap" tabindex="0" role="region" aria-label="Ratings table (scrolls sideways)" onfocusin={Callback::from(clear_of_sticky)}>
                <table class="sc-table sc-heatmap" data-testid="matrix">
                    <caption class="sc-visually-hidden">{ format!("Ratings of {} by capability and interviewer, with consensus and spread{}", bidi_isolate(&props.name),
                        if c.drafts.is_empty() { "" } else { "; then drafts, not counted" }) }</caption>
                    <thead><tr>
                        <th scope="col">{ "Capability" }</th>
                        // Read as "Alice Moss, Coding": the step is on a line of its own on screen.
                        { for c.panel.iter().zip(&names).map(|(m, name)| html! {
                            <th scope="col">{ bdi(name) }<span class="sc-visually-hidden">{ ", " }</span>
                                <span class="sc-table__sub">{ bdi(&m.step) }</span></th>
                        }) }
                        <th scope="col">{ "Consensus" }</th><th scope="col">{ "Spread" }</th>
                        { for c.drafts.iter().zip(draft_names).map(|(m, name)| html! {
                            <th scope="col" class="sc-is-draft">{ bdi(name) }<span class="sc-visually-hidden">{ ", " }</span>
                                <span class="sc-table__sub">{ bdi(&m.step) }</span><span class="sc-visually-hidden">{ ", " }</span>
                                <span class="sc-table__sub sc-committee__draft">{ "draft, not counted" }</span></th>
                        }) }
                    </tr></thead>
                    <tbody>
                        { for c.matrix.iter().map(|row| html! {
                            <tr class={classes!(row.disagreement.then_some("sc-is-disputed"), row.pivotal.then_some("sc-is-pivotal"))}>
                                <th scope="row">{ row.name.clone() }{ if row.core { " (core)" } else { "" } }
                                    if row.disagreement { <span class="sc-badge">{ "disagree" }</span> }
                                    if row.pivotal { <span class="sc-badge sc-m-pivotal">{ "decides outcome" }</span> }</th>
                                // Cells follow the panel's order. A disclosure reached by Tab is read
                                // without its row and column headers: its name says whose and what.
                                { for row.cells.iter().zip(&names).map(|(x, name)| cell(&row.name, x, name, false)) }
                                <td class={classes!("sc-heat", rating_class(row.consensus))}><strong>{ short(row.consensus) }</strong></td>
                                <td>{ row.spread.map_or("–".to_string(), |s| s.to_string()) }</td>
                                { for row.drafts.iter().zip(draft_names).map(|(x, name)| cell(&row.name, x, name, true)) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// A cell that takes the keyboard's focus is scrolled out from under the table's sticky first
/// column, and whole into the box: a browser scrolls a focused element into view only when
/// little or none of it is in the box, and not when a sticky cell covers it (Shift+Tab back along
/// a scrolled row left the cell under the column; Tab, the next one cut at the box's end). The
/// cell is brought to the box's end: going left, the columns before it come into view. Offsets
/// are in the table, where the first `td` starts at the end of the first column.
fn clear_of_sticky(e: FocusEvent) {
    use wasm_bindgen::JsCast;
    let target: web_sys::Element = e.target_unchecked_into();
    // The keyboard's focus only: a click focuses on mousedown, and moving the cell then would
    // send its mouseup, so the click, to another cell.
    if !target.matches(":focus-visible").unwrap_or(false) {
        return;
    }
    if let Ok(Some(cell)) = target.closest("td") {
        // The box: the table's parent.
        if let Ok(Some(wrap)) = cell.closest(".sc-table-wrap") {
            if let Ok(Some(first)) = wrap.query_selector("td") {
                let [cell, wrap, first] = [cell, wrap, first].map(|e| e.unchecked_into::<web_sys::HtmlElement>());
                // The scroll that puts the cell's start at the first column's end, and its end at
                // the box's end. Under the first column, or past the box's end: brought to the
                // box's end (a cell wider than the box: its start).
                let start = cell.offset_left() - first.offset_left();
                let end = cell.offset_left() + cell.offset_width() - wrap.offset_width();
                let scroll = wrap.scroll_left();
                if scroll > start || scroll < end {
                    wrap.set_scroll_left(end.min(start));
                }
            }
        }
    }
}

/// What a cell's evidence is: its note (at most one) and the observations tagged with it, and
/// how many of them are flagged, so not counted as evidence (`Cell::flagged`).
fn evidence(cell: &Cell) -> String {
    let notes = usize::from(!cell.note.trim().is_empty());
    let observations = cell.observations.len();
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    let mut said = match (notes, observations) {
        (0, 0) => " · no evidence".into(),
        (0, o) => format!(" · {}", count(o, "observation")),
        (n, 0) => format!(" · {}", count(n, "note")),
        (n, o) => format!(" · {}, {}", count(n, "note"), count(o, "observation")),
    };
    if cell.flagged > 0 {
        said.push_str(&format!("; {} flagged, not evidence", cell.flagged));
    }
    said
}

/// The profile chart's geometry: labels beside the bars (wide) or above them (narrow, so that a
/// phone shows the whole chart, axis included, at a readable size without scrolling).
#[derive(Clone, Copy, PartialEq)]
enum Layout {
    Wide,
    Narrow,
}

/// Horizontal bars of the consensus per capability, with lines for the panel's range. Drawn
/// twice, wide and narrow; the stylesheet shows the one that fits the chart's width.
#[function_component]
pub fn ProfileChart(props: &ChartProps) -> Html {
    let c = &props.candidate;
    let short = |r: Rating| props.rubric.level_label(r).to_string();
    html! {
        <figure class="sc-chart">
            { plot(c, &props.name, Layout::Wide) }
            { plot(c, &props.name, Layout::Narrow) }
            <figcaption class="sc-card__hint">{ "Bars: the panel's consensus. Lines: the range of the panel's ratings, lowest to highest." }</figcaption>
            // Wrapped: a table ignores the 1 px width that hides other elements.
            <div class="sc-visually-hidden"><table>
                <caption>{ format!("Capability profile of {}", bidi_isolate(&props.name)) }</caption>
                <tr><th scope="col">{ "Capability" }</th><th scope="col">{ "Consensus" }</th><th scope="col">{ "Lowest" }</th><th scope="col">{ "Highest" }</th></tr>
                { for c.matrix.iter().map(|row| html! {
                    <tr><th scope="row">{ row.name.clone() }</th><td>{ short(row.consensus) }</td><td>{ short(row.low) }</td><td>{ short(row.high) }</td></tr>
                }) }
            </table></div>
        </figure>
    }
}

/// One drawing of the profile chart.
fn plot(c: &CandidateReport, name: &str, layout: Layout) -> Html {
    let level = |r: Rating| -> f64 {
        match r {
            Rating::NotAssessed => 0.0,
            Rating::NeedsImprovement => 1.0,
            Rating::Meets => 2.0,
            Rating::Exceeds => 3.0,
        }
    };
    // Where the bars start, how long a bar of "exceeds" is, the width, the height of a row, and
    // where in a row the label's baseline, the bar and its height, and the range line are.
    let (left, bar_w, width, row_h, label_y, bar_y, bar_h, line_y) = match layout {
        Layout::Wide => (240.0, 220.0, 500.0, 28.0, 15.0, 0.0, 18.0, 9.0),
        Layout::Narrow => (4.0, 270.0, 300.0, 40.0, 12.0, 17.0, 16.0, 25.0),
    };
    let height = row_h * c.matrix.len() as f64 + 30.0;
    let x = |v: f64| left + v / 3.0 * bar_w;
    let (label_x, anchor) = match layout {
        Layout::Wide => (left - 8.0, "end"),
        Layout::Narrow => (left, "start"),
    };
    let class = match layout {
        Layout::Wide => "sc-m-wide",
        Layout::Narrow => "sc-m-narrow",
    };
    html! {
        <svg class={classes!("sc-chart__svg", class)} viewBox={format!("0 0 {width} {height}")} role="img"
            aria-label={format!("Capability profile of {}: consensus per capability; the table below holds the same numbers", bidi_isolate(name))}>
            { for (1..=3).map(|v| html! {
                <line class="sc-chart__grid" x1={x(v as f64).to_string()} x2={x(v as f64).to_string()} y1="0" y2={(height - 24.0).to_string()} />
            }) }
            { for c.matrix.iter().enumerate().map(|(i, row)| {
                let y = i as f64 * row_h + 4.0;
                // A line from the lowest to the highest rating with a cap at each end, on a halo
                // of the surface colour so that it stands out on the bar as on the background.
                let (x1, x2, ly) = (x(level(row.low)), x(level(row.high)), y + line_y);
                let range = format!("M{x1} {}V{}M{x1} {ly}H{x2}M{x2} {}V{}", ly - 6.0, ly + 6.0, ly - 6.0, ly + 6.0);
                html! {
                    <g>
                        <text class="sc-chart__label" x={label_x.to_string()} y={(y + label_y).to_string()} text-anchor={anchor}>{ row.name.clone() }</text>
                        <rect class={classes!("sc-chart__bar", rating_class(row.consensus))} x={left.to_string()} y={(y + bar_y).to_string()}
                            width={(x(level(row.consensus)) - left).max(0.0).to_string()} height={bar_h.to_string()} />
                        if row.spread.unwrap_or(0) > 0 {
                            <path class="sc-chart__halo" d={range.clone()} />
                            <path class="sc-chart__range" d={range} />
                        }
                    </g>
                }
            }) }
            { for [(1, "NI"), (2, "Meets"), (3, "Exceeds")].into_iter().map(|(v, t)| html! {
                <text class="sc-chart__axis" x={x(v as f64).to_string()} y={(height - 8.0).to_string()} text-anchor="middle">{ t }</text>
            }) }
        </svg>
    }
}
