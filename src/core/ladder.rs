//! Reading a ladder document, the text format the default rubric came from
//! (`data/seed/l4-senior-software-engineer.txt`), into a [`Rubric`].
//!
//! Recruiting teams keep their ladders as documents like that one: a title that starts with the
//! level, a summary, the level's headline expectations, a table of capabilities by level, the
//! traits of a strong hire and guidance for managers. [`rubric_from_ladder`] reads such a document
//! so that another ladder or level loads without anyone retyping it as JSON; the command-line tool
//! prints the result as a rubric file (`scorecard rubric`) and takes a ladder wherever it takes
//! `--rubric`.
//!
//! A ladder says nothing about the leveling policy, so the policy comes from a base rubric (the
//! embedded L4 one unless the caller gives another), with its levels renumbered for the ladder's
//! level. Every such choice is reported in [`Ladder::notes`], so nobody mistakes it for part of
//! the document.
//!
//! A capability whose heading is the seed's name for it, or a name the Greenhouse import's
//! synonym table gives it ("Technical Skills"), keeps the stable id the classifier and the
//! policy know, so the policy's core rule and weight for it still apply (`capability_ids`). The
//! policy's rules for a capability no heading is are left out, and said, since they can change a
//! verdict ([`Ladder::unused_policy`]).
//!
//! The grammar, line by line (blank lines are ignored everywhere):
//!
//! ```text
//! L5 Staff Software Engineer            title: the level code, then the role
//! Staff engineers ...                   summary: text lines up to the first list item
//! - Sets technical direction ...        highlights: "- ", "* " or "• " items
//! Expectations                          optional headings before the table
//! Capability | Needs Improvement | Meets Expectations | Exceeds Expectations |
//! ---|---|---|---|                      optional
//! Technical Expertise | ... | ... | ... |
//! What makes a good L5 engineer?        traits (optional): title, intro text, items
//! When someone talks about ...
//! - ...
//! Managing L5 Staff Software Engineers  guidance (optional): title, intro text, then sections,
//! The primary goal ...                  each a title line and its items
//! Key approaches
//! - ...
//! ```
//!
//! The section after the table is the guidance when its title says so ("Managing ...",
//! "Guidance ...", "... for managers", not a question) or, with any other title but the traits'
//! ("What makes ...", "... traits ...", a question), when a list in it has a title line; then
//! the ladder has no traits. Otherwise it is the traits, and a section after them the guidance.
//!
//! Like the rest of the core, nothing here panics on input: every problem is a [`LadderError`]
//! naming the line.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::interchange::greenhouse::{normalize, SYNONYMS};
use super::rubric::{
    Capability, Descriptors, Guidance, GuidanceSection, LevelLabel, Policy, Rubric, Traits, RUBRIC_FORMAT,
};
use super::scorecard::{clip, Rating};

/// The largest ladder document read, in bytes (the same limit as a rubric file).
pub const MAX_LADDER_BYTES: usize = super::rubric::MAX_RUBRIC_BYTES;

/// A ladder read into a rubric, with what the reader chose or changed on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Ladder {
    /// The rubric, validated. Its `source_json` is empty: the caller serialises it if it needs
    /// the text.
    pub rubric: Rubric,
    /// One line per choice the document did not make (the policy, capability ids) and per fix of
    /// stray punctuation, with the line it concerns. Meant for a person to read before using the
    /// rubric.
    pub notes: Vec<String>,
    /// The capabilities the base policy makes core or weighs other than 1 that no capability of
    /// the ladder is (by name or by a name in the synonym table), sorted: their rules are left
    /// out, which can change a verdict. [`Ladder::verdict_note`] says it in one sentence.
    pub unused_policy: Vec<String>,
}

impl Ladder {
    /// One sentence for a caller that uses the rubric without showing every note (`--rubric
    /// LADDER`): the policy rules left out because no capability of the ladder takes them, which
    /// can change a verdict. `None` when every such rule applies.
    pub fn verdict_note(&self) -> Option<String> {
        let ids = self.unused_policy.iter().map(|id| clip(id)).collect::<Vec<_>>();
        let (last, rest) = ids.split_last()?;
        let list = if rest.is_empty() { last.clone() } else { format!("{} or {last}", rest.join(", ")) };
        Some(format!(
            "no capability of this ladder is {list}, so the policy's core rule or weight for {} does not apply, which can change the verdict (`scorecard rubric` on the ladder lists every choice)",
            if rest.is_empty() { "it" } else { "them" }
        ))
    }
}

/// What is wrong with a ladder document: the line (1-based; 0 when it concerns the whole
/// document) and what to do about it.
#[derive(Clone, Debug, PartialEq)]
pub struct LadderError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for LadderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "ladder: {}", self.message)
        } else {
            write!(f, "ladder line {}: {}", self.line, self.message)
        }
    }
}

impl std::error::Error for LadderError {}

fn error(line: usize, message: impl Into<String>) -> LadderError {
    LadderError { line, message: message.into() }
}

/// True when `text` looks like a ladder document rather than JSON: its first character that is
/// not white space is not `{` or `[`. Callers that accept either format use this to choose a reader.
pub fn looks_like_ladder(text: &str) -> bool {
    text.trim_start_matches('\u{feff}').trim_start().chars().next().is_some_and(|c| c != '{' && c != '[')
}

/// The stable ids of the capabilities the classifier and every file format know, by the names
/// the seed ladder gives them. A ladder that uses these names gets these ids, so its scorecards
/// and the classifier's tags line up with the default rubric's.
const KNOWN_CAPABILITIES: [(&str, &str); 6] = [
    ("technical expertise", "technical_expertise"),
    ("project ownership", "project_ownership"),
    ("business impact", "business_impact"),
    ("communication & collaboration", "communication_collaboration"),
    ("mentorship & support", "mentorship_support"),
    ("leadership & process improvement", "leadership_process"),
];

/// One non-blank line of the document: its 1-based number and its text, trimmed.
#[derive(Clone, Copy)]
struct Line<'a> {
    number: usize,
    text: &'a str,
}

impl<'a> Line<'a> {
    /// The text of a list item ("- ", "* " or "• "), without its marker.
    fn item(&self) -> Option<&'a str> {
        ["- ", "* ", "• "].iter().find_map(|m| self.text.strip_prefix(m)).map(str::trim)
    }

    fn is_table_row(&self) -> bool {
        self.text.contains('|')
    }
}

/// Reads a ladder document. `base` supplies the leveling policy (renumbered for the ladder's
/// level): pass the rubric whose policy the team uses, or the embedded default.
pub fn rubric_from_ladder(text: &str, base: &Rubric) -> Result<Ladder, LadderError> {
    if text.len() > MAX_LADDER_BYTES {
        return Err(error(0, format!("the document is {} bytes; the limit is {MAX_LADDER_BYTES}", text.len())));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<Line> = text
        .lines()
        .enumerate()
        .map(|(i, t)| Line { number: i + 1, text: t.trim() })
        .filter(|l| !l.text.is_empty())
        .collect();
    let mut notes = Vec::new();
    let mut at = 0;

    // The title: the level code, then the role.
    let title_line = *lines.first().ok_or_else(|| error(0, "the document is empty"))?;
    if title_line.item().is_some() || title_line.is_table_row() {
        return Err(error(
            title_line.number,
            "the first line must be the title, such as \"L5 Staff Software Engineer\"",
        ));
    }
    let title = tidy(title_line, &mut notes);
    let (level, role) = split_title(&title).ok_or_else(|| {
        error(
            title_line.number,
            format!(
                "the title \"{}\" must start with the level code, such as \"L5 Staff Software Engineer\"",
                clip(&title)
            ),
        )
    })?;
    // A level code in another case than the policy's ("l5" beside its "L4") is written as the
    // policy writes it, in the title too, so that the rubric's level and its bands' read alike
    // ("L4 is below this rubric's L5", not "... l5").
    let (level, title) = match as_written_by(&level, &base.level) {
        Some(code) => {
            notes.push(format!(
                "line {}: the level code \"{}\" read as \"{code}\", as the policy writes its levels",
                title_line.number,
                clip(&level)
            ));
            let rest = title.get(level.len()..).unwrap_or_default().to_string();
            (code.clone(), format!("{code}{rest}"))
        }
        None => (level, title),
    };
    at += 1;

    // The summary: text lines up to the first list item or the table.
    let summary = paragraph(&lines, &mut at, &mut notes);
    let highlights = items(&lines, &mut at, &mut notes);

    // Headings before the table ("Expectations") are skipped; the table must follow.
    let mut headings = 0;
    while lines.get(at).is_some_and(|l| !l.is_table_row() && l.item().is_none()) && headings < 2 {
        at += 1;
        headings += 1;
    }
    let header = match lines.get(at) {
        Some(l) if l.is_table_row() => *l,
        Some(l) => {
            return Err(error(
                l.number,
                "expected the capability table's header, such as \"Capability | Needs Improvement | Meets Expectations | Exceeds Expectations |\"",
            ))
        }
        None => return Err(error(0, "no capability table: a ladder needs a table of capabilities by level")),
    };
    at += 1;
    let markdown = header.text.starts_with('|');
    let header_cells = cells(header.text, markdown);
    if header_cells.len() != 4 {
        return Err(error(
            header.number,
            format!(
                "the table's header has {} columns; it needs 4: the capability, then Needs Improvement, Meets and Exceeds",
                header_cells.len()
            ),
        ));
    }
    let levels: Vec<LevelLabel> = Rating::LEVELS
        .iter()
        .zip(&header_cells[1..])
        .map(|(rating, label)| LevelLabel { id: rating.id().to_string(), label: label.to_string() })
        .collect();
    if let Some(empty) = levels.iter().position(|l| l.label.is_empty()) {
        return Err(error(header.number, format!("the table's header has no label for column {}", empty + 2)));
    }
    // The separator row under the header, as in Markdown.
    if lines.get(at).is_some_and(|l| l.is_table_row() && l.text.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))) {
        at += 1;
    }

    // The rows first, then their ids: whether a name in the synonym table takes a stable id
    // depends on the other rows (see `capability_ids`).
    let mut rows = Vec::new();
    while let Some(row) = lines.get(at).filter(|l| l.is_table_row()).copied() {
        at += 1;
        let row_cells = cells(row.text, markdown);
        if row_cells.len() != 4 {
            return Err(error(
                row.number,
                format!(
                    "this row has {} columns; each capability needs 4: its name, then its Needs Improvement, Meets and Exceeds text",
                    row_cells.len()
                ),
            ));
        }
        let name = tidy(Line { number: row.number, text: row_cells[0] }, &mut notes);
        if name.is_empty() {
            return Err(error(row.number, "this row has no capability name"));
        }
        let mut texts = Vec::with_capacity(3);
        for (cell, label) in row_cells[1..].iter().zip(&levels) {
            let t = tidy(Line { number: row.number, text: cell }, &mut notes);
            if t.is_empty() {
                return Err(error(row.number, format!("{} has no \"{}\" text", clip(&name), clip(&label.label))));
            }
            texts.push(t);
        }
        rows.push((row.number, name, texts));
    }
    let names: Vec<(usize, &str)> = rows.iter().map(|(number, name, _)| (*number, name.as_str())).collect();
    let resolved = capability_ids(&names, base, &mut notes);
    let mut capabilities = Vec::new();
    let mut ids = BTreeSet::new();
    for ((number, name, texts), id) in rows.into_iter().zip(resolved) {
        if !ids.insert(id.clone()) {
            return Err(error(
                number,
                format!("\"{}\" repeats a capability already in the table (id \"{id}\")", clip(&name)),
            ));
        }
        let mut texts = texts.into_iter();
        capabilities.push(Capability {
            id,
            name,
            descriptors: Descriptors {
                needs_improvement: texts.next().unwrap_or_default(),
                meets: texts.next().unwrap_or_default(),
                exceeds: texts.next().unwrap_or_default(),
            },
        });
    }
    if capabilities.is_empty() {
        return Err(error(header.number, "the table has a header but no capability rows"));
    }

    // The traits of a strong hire: a title, an intro, a list. Both sections after the table are
    // optional, so the first is recognised by what it is, not by coming first: guidance for
    // managers straight after the table is the guidance, and the ladder has no traits.
    let mut traits = Traits::default();
    let example = format!("such as \"What makes a good {} engineer?\"", clip(&level));
    match lines.get(at).filter(|l| l.item().is_none()).copied() {
        Some(l) if is_guidance_title(l.text) || (!is_traits_title(l.text) && has_titled_list(&lines, at)) => notes.push(format!(
            "line {}: \"{}\" read as guidance for managers; the ladder has no traits of a strong hire (a section {example} before it)",
            l.number,
            clip(l.text)
        )),
        Some(l) => {
            traits.title = tidy(l, &mut notes);
            at += 1;
            traits.intro = paragraph(&lines, &mut at, &mut notes);
            traits.items = items(&lines, &mut at, &mut notes);
            if !is_traits_title(l.text) {
                notes.push(format!("line {}: \"{}\" read as the traits of a strong hire (a section {example})", l.number, clip(&traits.title)));
            }
        }
        None if at == lines.len() => notes.push(format!("the ladder has no traits of a strong hire (a section {example} after the table)")),
        // A list straight after the table: refused below.
        None => {}
    }

    // Guidance for managers: a title, an intro, then titled lists. Of the text lines before a
    // list, the last is the list's title and any before it are the intro.
    let mut guidance = None;
    if let Some(l) = lines.get(at).filter(|l| l.item().is_none()).copied() {
        at += 1;
        let mut g = Guidance { title: tidy(l, &mut notes), intro: String::new(), sections: Vec::new() };
        while at < lines.len() {
            let start = at;
            while lines.get(at).is_some_and(|l| l.item().is_none()) {
                at += 1;
            }
            let texts: Vec<String> = lines[start..at].iter().map(|l| tidy(*l, &mut notes)).collect();
            let list = items(&lines, &mut at, &mut notes);
            match texts.split_last() {
                Some((title, intro)) if !list.is_empty() => {
                    if !intro.is_empty() {
                        if g.sections.is_empty() && g.intro.is_empty() {
                            g.intro = intro.join(" ");
                        } else if is_traits_title(lines[start].text) {
                            return Err(error(lines[start].number, "the traits of a strong hire come before the guidance for managers, straight after the table"));
                        } else {
                            return Err(error(
                                lines[start].number,
                                "text between two lists of the guidance: a list's title must be one line",
                            ));
                        }
                    }
                    g.sections.push(GuidanceSection { title: title.clone(), items: list });
                }
                // A list with no title line of its own (straight after the guidance's title):
                // kept, untitled.
                None if !list.is_empty() => g.sections.push(GuidanceSection { title: String::new(), items: list }),
                // Text with no list after it: the guidance's intro, if nothing came before it.
                _ if g.sections.is_empty() && g.intro.is_empty() => g.intro = texts.join(" "),
                _ => {
                    return Err(error(
                        lines[start].number,
                        "text after the last list of the guidance; a section needs a list under it",
                    ))
                }
            }
        }
        guidance = Some(g);
    }
    if let Some(l) = lines.get(at) {
        return Err(error(l.number, "unexpected text after the document's last section"));
    }

    let (policy, unused_policy) = renumbered_policy(base, &level, &capabilities, &mut notes);
    let id = slug(&title);
    let rubric = Rubric {
        format: RUBRIC_FORMAT.to_string(),
        schema_version: 1,
        id,
        version: 1,
        title,
        role,
        level,
        summary,
        highlights,
        levels,
        capabilities,
        traits,
        guidance,
        policy,
        source_json: String::new(),
    };
    rubric.validate().map_err(|e| error(0, e.to_string()))?;
    Ok(Ladder { rubric, notes, unused_policy })
}

/// A title that says it is the traits of a strong hire: a question ("What makes a good L5
/// engineer?"), or one that says "what makes" or "traits".
fn is_traits_title(text: &str) -> bool {
    let lower = text.to_lowercase();
    text.ends_with('?') || lower.starts_with("what makes") || lower.contains("traits")
}

/// A title that says it is guidance for managers: "Managing L5 Staff Software Engineers",
/// "Manager guidance", "Guidance for managers". A question is not ("What makes a good M1
/// manager?" is an engineering manager ladder's traits).
fn is_guidance_title(text: &str) -> bool {
    let lower = text.to_lowercase();
    !text.ends_with('?')
        && (lower.starts_with("manag") || lower.starts_with("guidance") || lower.contains("for managers"))
}

/// Whether the section whose title is at `at` has a titled list, as the guidance's are and the
/// traits' one list is not: of two or more text lines before its first list, the last ends no
/// sentence ("Key approaches").
fn has_titled_list(lines: &[Line], at: usize) -> bool {
    let texts: Vec<&Line> = lines.iter().skip(at + 1).take_while(|l| l.item().is_none()).collect();
    let before_a_list = lines.get(at + 1 + texts.len()).is_some_and(|l| l.item().is_some());
    before_a_list && texts.len() >= 2 && texts.last().is_some_and(|l| !l.text.ends_with(['.', '!', '?', ':', ';']))
}

/// The cells of a table row, trimmed, without the empty cell after a trailing bar. In a table
/// written Markdown's way (its header starts with a bar, "| a | b |"), the empty cell before each
/// row's leading bar goes too; otherwise a row starting with a bar has an empty first cell (no
/// capability name), and is refused as such.
fn cells(row: &str, markdown: bool) -> Vec<&str> {
    let row = row.trim();
    let row = row.strip_suffix('|').unwrap_or(row);
    let row = if markdown { row.strip_prefix('|').unwrap_or(row) } else { row };
    row.split('|').map(str::trim).collect()
}

/// Text lines joined with spaces, up to the next list item or table row. The line just before
/// the table is the table's heading ("Expectations"), not part of the text, unless it ends a
/// sentence.
fn paragraph(lines: &[Line], at: &mut usize, notes: &mut Vec<String>) -> String {
    let mut parts = Vec::new();
    while let Some(l) = lines.get(*at).filter(|l| l.item().is_none() && !l.is_table_row()) {
        if lines.get(*at + 1).is_some_and(Line::is_table_row) && !l.text.ends_with(['.', '!', '?', ':', ';']) {
            break;
        }
        parts.push(tidy(*l, notes));
        *at += 1;
    }
    parts.join(" ")
}

/// Consecutive list items.
fn items(lines: &[Line], at: &mut usize, notes: &mut Vec<String>) -> Vec<String> {
    let mut out = Vec::new();
    while let Some(l) = lines.get(*at) {
        let Some(item) = l.item() else { break };
        out.push(tidy(Line { number: l.number, text: item }, notes));
        *at += 1;
    }
    out
}

/// The text with the stray punctuation the seed ladder has fixed and noted: ". ." ending a
/// sentence at the end of the text ("teams. ."), and a lone brace with no partner anywhere in the
/// text ("engineer}"). Anything else is left as written ("Java. .NET", "{a} and b}").
fn tidy(line: Line, notes: &mut Vec<String>) -> String {
    let mut text = line.text.trim().to_string();
    if text.ends_with(". .") {
        text.truncate(text.len() - 2);
        notes.push(format!("line {}: \". .\" at the end read as \".\"", line.number));
    }
    for (open, close) in [('{', '}'), ('[', ']')] {
        let opens = text.matches(open).count();
        let closes = text.matches(close).count();
        if opens + closes == 1 {
            let stray = if opens == 1 { open } else { close };
            text = text.replace(stray, "");
            notes.push(format!("line {}: a stray \"{stray}\" removed", line.number));
        }
    }
    text.trim().to_string()
}

/// "L5 Staff Software Engineer" -> ("L5", "Staff Software Engineer"). The level code is letters
/// then digits (L5, E6, IC4), at most 8 characters.
fn split_title(title: &str) -> Option<(String, String)> {
    let (code, role) = title.split_once(char::is_whitespace)?;
    let valid = code.len() <= 8 && level_parts(code).is_some_and(|(letters, _)| !letters.is_empty());
    let role = role.trim();
    (valid && !role.is_empty()).then(|| (code.to_string(), role.to_string()))
}

/// A level code split into its letters (upper-cased) and number: "L4" -> ("L", 4). `None` unless
/// it is ASCII letters then ASCII digits (no sign), the number fitting in an `i64`.
fn level_parts(code: &str) -> Option<(String, i64)> {
    let digits = code.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let letters = code.get(..code.len() - digits.len())?;
    Some((letters.to_ascii_uppercase(), digits.parse().ok()?))
}

/// `code` with the letters of `policy` when the two differ only in case ("l5", "L4" -> "L5");
/// `None` when they are the same, or other letters, or either is not letters then digits.
fn as_written_by(code: &str, policy: &str) -> Option<String> {
    let letters = |c: &str| {
        c.get(..c.len() - c.trim_start_matches(|ch: char| ch.is_ascii_alphabetic()).len()).map(str::to_string)
    };
    let (ours, theirs) = (letters(code)?, letters(policy)?);
    level_parts(code)?;
    level_parts(policy)?;
    let digits = code.get(ours.len()..)?;
    (ours != theirs && ours.eq_ignore_ascii_case(&theirs)).then(|| format!("{theirs}{digits}"))
}

/// The level code `code` moved `by` steps: ("L4", 1) -> "L5", keeping the code's own letters.
/// `None` when it is not letters then digits, or would go below 0.
fn shift_level(code: &str, by: i64) -> Option<String> {
    let (_, n) = level_parts(code)?;
    let digits = code.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let letters = code.get(..code.len() - digits.len())?;
    let shifted = n.checked_add(by).filter(|s| *s >= 0)?;
    Some(format!("{letters}{shifted}"))
}

/// The difference between two level codes with the same letters: ("L4", "L6") -> 2.
fn level_distance(from: &str, to: &str) -> Option<i64> {
    let (fp, fnum) = level_parts(from)?;
    let (tp, tnum) = level_parts(to)?;
    (fp == tp).then(|| tnum.checked_sub(fnum)).flatten()
}

/// The ids of the table's capabilities, given as (line, name), in order, each choice that is not
/// the name of a capability the policy knows said in `notes`:
///
/// - a name that is one of the base rubric's capabilities, by name or id, or one of the seed's
///   (compared as the Greenhouse import compares names: [`normalize`]), gets that id;
/// - a name in the synonym table the Greenhouse import uses ([`SYNONYMS`]: "Technical Skills",
///   "Communication") gets the stable id it names, so that the policy's core rule and weight for
///   it, and the classifier's tags, still apply; unless another row is that capability by name,
///   or is also a synonym of it: then neither takes it, since which one is meant is the writer's
///   to say;
/// - any other name gets an id of its own ([`slug_id`]).
fn capability_ids(names: &[(usize, &str)], base: &Rubric, notes: &mut Vec<String>) -> Vec<String> {
    // The names compared with, normalised once.
    let base_names: Vec<(Vec<String>, Vec<String>, &str)> =
        base.capabilities.iter().map(|c| (normalize(&c.name), normalize(&c.id), c.id.as_str())).collect();
    let seed_names: Vec<(Vec<String>, &str)> =
        KNOWN_CAPABILITIES.iter().map(|(known, id)| (normalize(known), *id)).collect();
    let synonyms: Vec<(String, &str)> = SYNONYMS.iter().map(|(syn, id)| (normalize(syn).join(" "), *id)).collect();
    let matched: Vec<(Option<String>, Option<&str>)> = names
        .iter()
        .map(|(_, name)| {
            let words = normalize(name);
            if words.is_empty() {
                return (None, None);
            }
            let exact = base_names
                .iter()
                .find(|(by_name, by_id, _)| *by_name == words || *by_id == words)
                .map(|(_, _, id)| (*id).to_string())
                .or_else(|| seed_names.iter().find(|(known, _)| *known == words).map(|(_, id)| (*id).to_string()));
            let phrase = words.join(" ");
            let synonym =
                if exact.is_some() { None } else { synonyms.iter().find(|(syn, _)| *syn == phrase).map(|(_, id)| *id) };
            (exact, synonym)
        })
        .collect();
    // For each stable id a synonym names: the first row that is it by name, and the rows that
    // are a synonym of it.
    let mut claims: BTreeMap<&str, (Option<usize>, Vec<usize>)> = BTreeMap::new();
    for (i, (_, synonym)) in matched.iter().enumerate() {
        if let Some(stable) = synonym {
            claims.entry(stable).or_default().1.push(i);
        }
    }
    for (i, (exact, _)) in matched.iter().enumerate() {
        if let Some(claim) = exact.as_deref().and_then(|id| claims.get_mut(id)) {
            claim.0.get_or_insert(i);
        }
    }
    let quoted =
        |j: usize| names.get(j).map_or_else(String::new, |(n, other)| format!("\"{}\" (line {n})", clip(other)));
    let mut ids = Vec::with_capacity(names.len());
    for (i, ((number, name), (exact, synonym))) in names.iter().zip(&matched).enumerate() {
        let id = match (exact, synonym.and_then(|stable| claims.get(stable).map(|claim| (stable, claim)))) {
            (Some(id), _) => {
                if !base.policy.core.contains(id) && !base.policy.weights.iter().any(|(k, _)| k == id) {
                    notes.push(format!(
                        "line {number}: capability \"{}\" is {id}: {}",
                        clip(name),
                        policy_for(base, id)
                    ));
                }
                id.clone()
            }
            (None, Some((stable, (None, rows)))) if rows.len() == 1 => {
                notes.push(format!(
                    "line {number}: \"{}\" read as {stable}, a name for it in the synonym table: {}",
                    clip(name),
                    policy_for(base, stable)
                ));
                stable.to_string()
            }
            (None, Some((stable, (by_name, rows)))) => {
                let id = slug_id(name, i);
                let why = match by_name {
                    Some(j) => format!("but {} is that capability", quoted(*j)),
                    None => {
                        // (This row is one of `rows`: the others are the rest.)
                        let first = rows.iter().find(|j| **j != i).map_or_else(String::new, |j| quoted(*j));
                        match rows.len().saturating_sub(1) {
                            0 | 1 => format!("as is {first}: neither is read as it"),
                            n => format!("as are {first} and {} more: none of them is read as it", n - 1),
                        }
                    }
                };
                notes.push(format!(
                    "line {number}: \"{}\" is a name for {stable} in the synonym table, {why}; it has the id {id} (scorecards use it): {}",
                    clip(name),
                    policy_for(base, &id)
                ));
                id
            }
            (None, None) => {
                let id = slug_id(name, i);
                notes.push(format!(
                    "line {number}: capability \"{}\" has the id {id} (scorecards use it): {}",
                    clip(name),
                    policy_for(base, &id)
                ));
                id
            }
        };
        ids.push(id);
    }
    ids
}

/// What the base rubric's policy says of a capability, for the notes.
fn policy_for(base: &Rubric, id: &str) -> &'static str {
    let core = base.policy.core.iter().any(|c| c == id);
    let weighted = base.policy.weights.iter().any(|(k, _)| k == id);
    match (core, weighted) {
        (true, true) => "the policy's core rule and weight apply",
        (true, false) => "the policy's core rule applies; it weighs 1",
        (false, true) => "the policy's weight applies; it is not core",
        (false, false) => "the policy does not know it, so it weighs 1 and is not core",
    }
}

/// An id of its own for a capability name: the name in lower_snake_case ("Operational
/// Excellence" -> `operational_excellence`), else `capability_N`.
fn slug_id(name: &str, index: usize) -> String {
    let key = name.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ").replace(" and ", " & ");
    let words: Vec<String> =
        key.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect();
    let mut id = words.join("_");
    id.truncate(64);
    let id = id.trim_end_matches('_').to_string();
    if id.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        id
    } else {
        format!("capability_{}", index + 1)
    }
}

/// "L4 Senior Software Engineer" -> `l4-senior-software-engineer`.
fn slug(title: &str) -> String {
    let words: Vec<String> = title
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let id = words.join("-");
    if id.is_empty() {
        "ladder".to_string()
    } else {
        id
    }
}

/// The base rubric's policy for the ladder's level: its bands' levels moved by the distance
/// between the two levels, weights and core capabilities kept for the capabilities the ladder
/// has, and the counts of capabilities to assess kept in proportion to the ladder's number of
/// capabilities ("4 of 6" is "3 of 4", rounded up). Each change is noted.
fn renumbered_policy(
    base: &Rubric,
    level: &str,
    capabilities: &[Capability],
    notes: &mut Vec<String>,
) -> (Policy, Vec<String>) {
    let mut policy = base.policy.clone();
    let (k, base_k) = (capabilities.len(), base.capabilities.len().max(1));
    // n of the base's capabilities, as many of the ladder's in the same proportion (rounded up).
    let scaled = |n: usize| if k == base_k { n.min(k) } else { (n.min(base_k) * k).div_ceil(base_k).min(k) };
    let mut counts = Vec::new();
    // Levels are numbered from 1 (L1, E1, IC1): a band moved to level 0 is for no one, unless
    // the ladder itself is numbered from 0.
    let from_zero = level_parts(level).is_some_and(|(_, n)| n == 0);
    let has = |id: &str| capabilities.iter().any(|c| c.id == id);
    let distance = level_distance(&base.level, level);
    match distance {
        Some(0) => notes.push(format!("policy: the leveling policy of \"{}\", unchanged", clip(&base.title))),
        Some(d) => notes.push(format!(
            "policy: the leveling policy of \"{}\" with its levels moved by {d} ({} -> {})",
            clip(&base.title),
            clip(&base.level),
            clip(level)
        )),
        None => notes.push(format!(
            "policy: the leveling policy of \"{}\"; its bands for {} are for {} here, and bands for other levels are left out, since \"{}\" and \"{}\" are not numbered alike",
            clip(&base.title),
            clip(&base.level),
            clip(level),
            clip(&base.level),
            clip(level)
        )),
    }
    let mut bands = Vec::new();
    for band in &policy.bands {
        let mut band = band.clone();
        match distance {
            Some(d) => {
                let Some(moved) = shift_level(&band.level, d) else {
                    notes.push(format!(
                        "policy: the band for {} left out: it has no level {d} steps away",
                        clip(&band.level)
                    ));
                    continue;
                };
                if !from_zero && level_parts(&moved).is_some_and(|(_, n)| n == 0) {
                    notes.push(format!(
                        "policy: the band for {} left out: it would be for {moved}, below the ladder's first level",
                        clip(&band.level)
                    ));
                    continue;
                }
                band.level = moved;
                band.consider = band.consider.as_deref().and_then(|c| shift_level(c, d));
            }
            None if band.level == base.level => {
                band.level = level.to_string();
                band.consider = None;
            }
            None => continue,
        }
        let before = band.min_assessed;
        band.min_assessed = scaled(before);
        if band.min_assessed != before {
            counts.push(format!("the band for {} {} -> {}", clip(&band.level), before, band.min_assessed));
        }
        bands.push(band);
    }
    if bands.is_empty() {
        // Every band was for a level that could not be renumbered: keep one band at the ladder's
        // level so the rubric can still say hire or no hire.
        if let Some(first) = policy.bands.iter().find(|b| b.consider.is_none()).or(policy.bands.first()) {
            let mut band = first.clone();
            band.level = level.to_string();
            band.consider = None;
            band.min_assessed = scaled(band.min_assessed);
            bands.push(band);
        }
    }
    policy.bands = bands;
    // What the policy says of capabilities no capability of the ladder is (none has its name, nor
    // a name the synonym table gives it): left out, each said. Those whose rule can change a
    // verdict (core, or weighted other than 1) are returned too.
    let dropped: BTreeSet<&String> =
        policy.weights.iter().map(|(id, _)| id).chain(policy.core.iter()).filter(|id| !has(id)).collect();
    let mut unused = Vec::new();
    for id in dropped {
        let core = policy.core.contains(id);
        let weight = policy.weights.iter().find(|(k, _)| k == id).map(|(_, w)| *w);
        let what = match (core, weight) {
            (true, Some(_)) => "its core rule and weight do not apply",
            (true, None) => "its core rule does not apply",
            (false, _) => "its weight does not apply",
        };
        notes.push(format!("policy: no capability of this ladder is {}: {what}", clip(id)));
        if core || weight.is_some_and(|w| w != 1.0) {
            unused.push(id.clone());
        }
    }
    policy.weights.retain(|(id, _)| has(id));
    policy.core.retain(|id| has(id));
    let before = policy.min_assessed;
    policy.min_assessed = scaled(before);
    if policy.min_assessed != before {
        counts.insert(
            0,
            format!("at least {} assessed for any decision (the base asks {before} of {base_k})", policy.min_assessed),
        );
    }
    if !counts.is_empty() {
        let plural = |n: usize| if n == 1 { "1 capability".to_string() } else { format!("{n} capabilities") };
        notes.push(format!(
            "policy: {} instead of {base_k}, so the counts to assess keep their proportion: {}",
            plural(k),
            counts.join("; ")
        ));
    }
    (policy, unused)
}
