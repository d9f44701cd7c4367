//! A Markdown summary of a scorecard, for pasting into an ATS note or a chat.
//!
//! Export only. Every piece of user text (names, notes, observations) is escaped, so a pasted
//! summary shows exactly what was typed and cannot carry a link, an image, HTML or a heading of
//! its own: CommonMark's backslash escapes cover the inline syntax, and a character that would
//! start a block at the beginning of a line (`#`, `-`, `1.` ...) is escaped there too.

use crate::core::engine::{headline, hire_below_level, percent, recommend_read};
use crate::core::rubric::Rubric;
use crate::core::scorecard::{is_date_time, Observation, Scorecard, TagSource};

/// An RFC 3339 time as a reader writes it, in its own offset: `2026-11-26T03:18:42.674Z` is
/// "2026-11-26 03:18 UTC", `…T09:00:00+05:30` is "… 09:00 UTC+05:30". Anything else as given.
fn readable_time(at: &str) -> String {
    if !is_date_time(at) || at.len() < 20 {
        return at.to_string();
    }
    let zone = if at.ends_with(['Z', 'z']) {
        "UTC".to_string()
    } else {
        format!("UTC{}", at.get(at.len() - 6..).unwrap_or_default())
    };
    format!("{} {} {zone}", at.get(..10).unwrap_or_default(), at.get(11..16).unwrap_or_default())
}

/// The summary: header, recommendation, each capability with level, note and observations,
/// then untagged observations, then what was left out as a bias risk.
pub fn export_markdown(card: &Scorecard, rubric: &Rubric) -> String {
    let mut out = String::new();
    let who = if !card.candidate.name.is_empty() { &card.candidate.name } else { &card.candidate.id };
    if who.is_empty() {
        out.push_str(&format!("## Scorecard: {}\n\n", escape_line(&rubric.title)));
    } else {
        out.push_str(&format!("## Scorecard: {} ({})\n\n", escape_line(who), escape_line(&rubric.title)));
    }
    let mut facts = Vec::new();
    let interview: Vec<&str> =
        [card.interview.step.as_str(), card.interview.date.as_str()].into_iter().filter(|s| !s.is_empty()).collect();
    if !interview.is_empty() {
        facts.push(format!("**Interview:** {}", escape_line(&interview.join(", "))));
    }
    let interviewer = card.interviewer.key();
    if !card.interviewer.name.is_empty() || !interviewer.is_empty() {
        let name = if card.interviewer.name.is_empty() { interviewer } else { &card.interviewer.name };
        facts.push(format!("**Interviewer:** {}", escape_line(name)));
    }
    facts.push(match &card.submitted_at {
        Some(at) => format!("**Status:** submitted {}", escape_line(&readable_time(at))),
        None => "**Status:** draft".to_string(),
    });
    out.push_str(&facts.join("  \n"));
    out.push_str("\n\n");

    // What the classifier flags is not evidence, as in the widget (`recommend_with`).
    let r = recommend_read(rubric, card, &crate::core::classifier::reading);
    // Worded as the widget's headline ("Hire below level: L3" where the screen says so).
    let decision = headline(
        r.decision,
        r.level.as_deref().map(escape_line).as_deref(),
        hire_below_level(r.decision, r.greenhouse),
    );
    let consider = r.consider_level.as_deref().map(|l| format!(" (consider {})", escape_line(l))).unwrap_or_default();
    out.push_str(&format!(
        "**Recommendation:** {decision}{consider} · Greenhouse: {} · confidence {}%\n\n",
        r.greenhouse.label(),
        // As the widget shows it (`percent`, a whole number): no float printing in the module.
        percent(r.confidence)
    ));
    for sentence in &r.rationale {
        out.push_str(&format!("- {}\n", escape_block(sentence, "  ")));
    }
    if !r.rationale.is_empty() {
        out.push('\n');
    }

    // Observations with a bias risk stay out of the summary (`super::bias_risk`), and so do
    // impressions (`super::impression`), as from Greenhouse's Key Take-Aways: the widget says
    // they are not evidence of behaviour. Each counted below.
    let mut kept: Vec<&Observation> = Vec::new();
    let mut left_out = super::BiasLeftOut::default();
    let mut impressions = 0;
    for o in &card.observations {
        let flags = crate::core::classifier::detect_flags(&o.text);
        if crate::core::classifier::has_bias_risk(&flags) {
            left_out.observations += 1;
        } else if !flags.is_empty() {
            impressions += 1;
        } else {
            kept.push(o);
        }
    }
    for cap in &rubric.capabilities {
        let level = card.rating(&cap.id);
        out.push_str(&format!("### {}: {}\n\n", escape_line(&cap.name), rubric.level_label(level)));
        let note = card.note(&cap.id);
        if super::text_bias_risk(note) {
            left_out.notes.push(cap.name.clone());
            out.push_str("_Evidence left out: flagged as a bias risk._\n\n");
        } else if !note.trim().is_empty() {
            out.push_str(&escape_block(note, ""));
            out.push_str("\n\n");
        }
        let mut any = false;
        for o in kept.iter().filter(|o| o.capability.as_deref() == Some(cap.id.as_str())) {
            out.push_str(&observation_item(o, rubric));
            any = true;
        }
        if any {
            out.push('\n');
        }
    }
    let untagged: Vec<&&Observation> =
        kept.iter().filter(|o| o.capability.as_deref().is_none_or(|c| rubric.capability(c).is_none())).collect();
    if !untagged.is_empty() {
        out.push_str("### Other observations\n\n");
        for o in untagged {
            out.push_str(&observation_item(o, rubric));
        }
        out.push('\n');
    }
    // Under a heading of its own: after the last capability's section, the sentence would read
    // as said of that capability.
    let bias = left_out.summary();
    if bias.is_some() || impressions > 0 {
        out.push_str("### Left out of this summary\n\n");
    }
    if let Some(left_out) = bias {
        out.push_str(&format!("_Flagged as a bias risk and left out: {left_out}._\n"));
    }
    if impressions > 0 {
        out.push_str(&format!(
            "_Flagged as not evidence of behaviour (impressions) and left out: {impressions} observation{}._\n",
            if impressions == 1 { "" } else { "s" }
        ));
    }
    // One trailing newline.
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

/// One observation as a list item, with the level it reads as; a tag the interviewer has not
/// confirmed says so (untagged observations have nothing to confirm).
fn observation_item(o: &Observation, rubric: &Rubric) -> String {
    let tagged = o.capability.as_deref().is_some_and(|c| rubric.capability(c).is_some());
    let tag = super::tag_words(super::shown_level(o, rubric), tagged && o.source == TagSource::Suggested)
        .map_or_else(String::new, |words| format!(" _({words})_"));
    format!("- {}{tag}\n", escape_block(&o.text, "  "))
}

/// Escapes text of several lines: each line is escaped, empty lines are dropped (they would
/// end the paragraph or list item), and lines are joined by hard breaks with `indent` before
/// each continuation line.
pub fn escape_block(text: &str, indent: &str) -> String {
    text.lines().map(escape_line).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(&format!("  \n{indent}"))
}

/// True when `rest` (what follows a "&") would make it an entity or character reference:
/// a name or "#" and digits, then ";".
fn entity_follows(rest: &str) -> bool {
    let name = rest.strip_prefix('#').unwrap_or(rest);
    let len = name.bytes().take_while(u8::is_ascii_alphanumeric).count();
    len > 0 && name[len..].starts_with(';')
}

/// Escapes one line of user text so that Markdown shows it literally.
///
/// Leading and trailing white space is trimmed (four leading spaces would make a code block).
pub fn escape_line(line: &str) -> String {
    let line = line.trim();
    let mut out = String::with_capacity(line.len() + 8);
    for (at, c) in line.char_indices() {
        let at_start = at == 0;
        let rest = &line[at..];
        match c {
            // Bare URLs ("https://", "www.") and e-mail addresses, which renderers with
            // autolinks (GitHub, Slack) would turn into links: a summary carries no link.
            ':' if rest.starts_with("://") => out.push_str("\\:"),
            '.' if out.ends_with("www")
                && out[..out.len() - 3].chars().next_back().is_none_or(|p| !p.is_alphanumeric()) =>
            {
                out.push_str("\\.")
            }
            '@' => out.push_str("\\@"),
            // Direction overrides and isolates would reorder the text around them.
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {}
            // Inline syntax anywhere: emphasis, code, links, HTML, tables, strike-through, and
            // the escape character itself; an image's "!" and an entity's "&" only where they
            // would start one ("![", "&amp;"): "Communication & Collaboration" pasted into a
            // chat or an ATS field that shows Markdown as text must not read "\&".
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '!' if rest.starts_with("![") => out.push_str("\\!"),
            '&' if entity_follows(&rest[1..]) => out.push_str("\\&"),
            // Block syntax at the start of a line: headings, lists, setext underlines.
            '#' | '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            // An ordered list marker: digits followed by '.' or ')' at the start of the line.
            '.' | ')' if out.chars().all(|d| d.is_ascii_digit()) && !out.is_empty() => {
                out.push('\\');
                out.push(c);
            }
            // Control characters, tab included, become spaces: they have no place in a summary.
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
