//! The committee summary as Markdown, for pasting into a debrief note or a chat.

use super::CommitteeReport;
use crate::core::engine::fixed2;
use crate::core::interchange::markdown::{escape_block, escape_line};
use crate::core::scorecard::Rating;

fn level(r: Rating) -> &'static str {
    match r {
        Rating::NotAssessed => "–",
        Rating::NeedsImprovement => "NI",
        Rating::Meets => "Meets",
        Rating::Exceeds => "Exceeds",
    }
}

/// One section per candidate: the committee outcome and its reasons, the matrix, contested
/// capabilities, and calibration signals; then what was set aside.
pub fn to_markdown(report: &CommitteeReport) -> String {
    let mut out = format!("# Hiring committee: {}\n\n", escape_line(&report.rubric.title));
    out.push_str(&format!("{} scorecards loaded, {} counted.\n", report.scorecards, report.counted));
    for c in &report.candidates {
        let rec = &c.committee.recommendation;
        let name = if c.name.is_empty() { &c.candidate } else { &c.name };
        out.push_str(&format!("\n## {}\n\n", escape_line(name)));
        let outcome = match (&rec.level, &rec.consider_level) {
            (Some(l), Some(k)) => format!("{} at {l}, {k} to consider", rec.decision.label()),
            (Some(l), None) => format!("{} at {l}", rec.decision.label()),
            _ => rec.decision.label().to_string(),
        };
        out.push_str(&format!(
            "**{outcome}** (Greenhouse: {}; confidence {}%; panel of {})\n\n",
            rec.greenhouse.label(),
            crate::core::engine::percent(rec.confidence),
            c.panel.len()
        ));
        for line in &rec.rationale {
            out.push_str(&format!("- {}\n", escape_line(line)));
        }
        out.push_str("\n| Capability |");
        for m in &c.panel {
            let who = if m.interviewer_name.is_empty() { &m.interviewer } else { &m.interviewer_name };
            out.push_str(&format!(" {} |", escape_line(who)));
        }
        out.push_str(" Consensus | Spread |\n|---|");
        out.push_str(&"---|".repeat(c.panel.len() + 2));
        out.push('\n');
        for row in &c.matrix {
            out.push_str(&format!("| {}{} |", escape_line(&row.name), if row.disagreement { " ⚠" } else { "" }));
            for cell in &row.cells {
                out.push_str(&format!(" {} |", level(cell.level)));
            }
            out.push_str(&format!(" {} | {} |\n", level(row.consensus), row.spread.map_or("–".to_string(), |s| s.to_string())));
        }
        for contest in &c.committee.contested {
            out.push_str(&format!(
                "\n- Contested: {} ({} vs {}); {}\n",
                escape_line(&contest.name),
                level(contest.low),
                level(contest.high),
                escape_line(&contest.if_low.description)
            ));
        }
        let signals: Vec<String> = c.calibration.iter().flat_map(|m| m.signals.iter().cloned()).collect();
        if !signals.is_empty() {
            out.push_str("\n**Calibration**\n\n");
            for s in signals {
                out.push_str(&format!("- {}\n", escape_block(&s, "  ")));
            }
        }
        if let Some(score) = rec.score {
            out.push_str(&format!("\nPanel score {} of 2.\n", fixed2(score)));
        }
    }
    if !report.duplicates.is_empty() {
        out.push_str("\n## Duplicates (counted once)\n\n");
        for d in &report.duplicates {
            out.push_str(&format!("- {} / {} / {}: kept {}\n", escape_line(&d.candidate), escape_line(&d.interviewer), escape_line(&d.step), escape_line(&d.kept)));
        }
    }
    if !report.other_rubric.is_empty() {
        out.push_str("\n## Other rubrics (not mixed in)\n\n");
        for o in &report.other_rubric {
            out.push_str(&format!("- {} ({})\n", escape_line(&o.source), escape_line(&o.rubric_id)));
        }
    }
    out
}
