//! The committee summary as Markdown, for pasting into a debrief note or a chat.

use super::CommitteeReport;
use crate::core::engine::{fixed2, headline, hire_below_level};
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
    // In the comparison's order (outcome, confidence, name), as the committee view and its
    // printed packet show them; a candidate it does not list (none) after them.
    let listed =
        |c: &&std::rc::Rc<super::CandidateReport>| report.comparison.iter().any(|r| r.candidate == c.candidate);
    let ordered =
        report.comparison.iter().filter_map(|r| report.candidates.iter().find(|c| c.candidate == r.candidate));
    if report.candidates.len() > 1 {
        out.push_str("Candidates in the committee view's order: by outcome, then confidence, then name.\n");
    }
    for c in ordered.chain(report.candidates.iter().filter(|c| !listed(c))) {
        let rec = &c.committee.recommendation;
        out.push_str(&format!("\n## {}\n\n", escape_line(report.candidate_label(&c.candidate))));
        // Worded as the committee view's headline ("Hire below level: L3").
        let outcome = headline(
            rec.decision,
            rec.level.as_deref().map(escape_line).as_deref(),
            hire_below_level(rec.decision, rec.greenhouse),
        );
        let outcome = match &rec.consider_level {
            Some(k) if rec.level.is_some() => format!("{outcome}, {} to consider", escape_line(k)),
            _ => outcome,
        };
        out.push_str(&format!(
            "**{outcome}** (Greenhouse: {}; confidence {}%; panel of {}{})\n\n",
            rec.greenhouse.label(),
            crate::core::engine::percent(rec.confidence),
            c.panel.len(),
            match c.drafts.len() {
                0 => String::new(),
                1 => "; 1 draft not counted".to_string(),
                n => format!("; {n} drafts not counted"),
            }
        ));
        for line in &rec.rationale {
            out.push_str(&format!("- {}\n", escape_line(line)));
        }
        out.push_str("\n| Capability |");
        // Named as across panels: two interviewers of one name are told apart.
        for m in &c.panel {
            out.push_str(&format!(" {} |", escape_line(&report.panel_label(m))));
        }
        out.push_str(" Consensus | Spread |\n|---|");
        out.push_str(&"---|".repeat(c.panel.len() + 2));
        out.push('\n');
        for row in &c.matrix {
            out.push_str(&format!("| {}{} |", escape_line(&row.name), if row.disagreement { " ⚠" } else { "" }));
            for cell in &row.cells {
                out.push_str(&format!(" {} |", level(cell.level)));
            }
            out.push_str(&format!(
                " {} | {} |\n",
                level(row.consensus),
                row.spread.map_or("–".to_string(), |s| s.to_string())
            ));
        }
        // A scorecard made against another version of the rubric is counted under this one: said.
        let versions: Vec<String> = c
            .panel
            .iter()
            .filter(|m| m.rubric_version != report.rubric.version)
            .map(|m| {
                let who = report.member_label(&m.interviewer, &m.interviewer_name);
                let who = if who.is_empty() {
                    escape_line(&report.panel_label(m))
                } else {
                    format!("{} ({})", escape_line(who), escape_line(&m.source))
                };
                format!(
                    "- {who}: made against rubric version {}, counted under version {}\n",
                    m.rubric_version, report.rubric.version
                )
            })
            .collect();
        if !versions.is_empty() {
            out.push('\n');
            out.push_str(&versions.concat());
        }
        for contest in &c.committee.contested {
            // Both sides of the split, and whether it decides the outcome.
            out.push_str(&format!(
                "\n- Contested{}: {} ({} vs {}, consensus {}); if the lower view held: {}; if the higher: {}\n",
                match () {
                    _ if contest.pivotal => ", decides the outcome",
                    _ if c.committee.decided_together.contains(&contest.capability) =>
                        ", decides the outcome with the other splits",
                    _ => "",
                },
                escape_line(&contest.name),
                level(contest.low),
                level(contest.high),
                level(contest.consensus),
                escape_line(&contest.if_low.description),
                escape_line(&contest.if_high.description)
            ));
        }
        // Calibration entries follow the panel's order: each signal under the interviewer's name.
        let mut calibration = String::new();
        for (m, member) in c.calibration.iter().zip(&c.panel) {
            let who = report.panel_label(member);
            for s in &m.signals {
                calibration.push_str(&format!("- {}: {}\n", escape_line(&who), escape_block(s, "  ")));
            }
        }
        if !calibration.is_empty() {
            out.push_str("\n**Calibration**\n\n");
            out.push_str(&calibration);
        }
        if let Some(score) = rec.score {
            out.push_str(&format!("\nPanel score {} of 2.\n", fixed2(score)));
        }
    }
    let across: Vec<String> = report
        .interviewers
        .iter()
        .flat_map(|i| {
            i.signals.iter().map(move |s| format!("- {}: {}\n", escape_line(&i.label), escape_block(s, "  ")))
        })
        .collect();
    if !across.is_empty() {
        out.push_str("\n## Interviewers across their panels\n\n");
        out.push_str(&across.concat());
    }
    if !report.duplicates.is_empty() {
        out.push_str("\n## Duplicates (counted once)\n\n");
        for d in &report.duplicates {
            let dropped: Vec<String> = d.dropped.iter().map(|s| escape_line(s)).collect();
            // Named as the page names them (labels), not by their keys; one the report does not
            // list (whose scorecards are drafts) as the scorecard kept names them.
            let kept = report
                .candidates
                .iter()
                .filter(|c| c.candidate == d.candidate)
                .flat_map(|c| c.panel.iter().chain(&c.drafts))
                .find(|m| m.source == d.kept);
            let interviewer = report.member_label(&d.interviewer, kept.map_or("", |m| m.interviewer_name.trim()));
            out.push_str(&format!(
                "- {} / {} / {}: kept {}, set aside {}\n",
                escape_line(report.candidate_label(&d.candidate)),
                escape_line(interviewer),
                escape_line(&d.step),
                escape_line(&d.kept),
                dropped.join(", ")
            ));
        }
    }
    if !report.other_rubric.is_empty() {
        out.push_str("\n## Other rubrics (not mixed in)\n\n");
        for o in &report.other_rubric {
            out.push_str(&format!("- {} ({})\n", escape_line(&o.source), escape_line(&o.rubric_id)));
        }
    }
    if !report.unidentified.is_empty() || !report.failed.is_empty() {
        out.push_str("\n## Not counted\n\n");
        for source in &report.unidentified {
            out.push_str(&format!("- {}: names no candidate\n", escape_line(source)));
        }
        for f in &report.failed {
            out.push_str(&format!("- {}: {}\n", escape_line(&f.source), escape_line(&f.error)));
        }
    }
    out
}
