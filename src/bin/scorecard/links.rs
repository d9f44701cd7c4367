//! Share links in a file, as people paste them from chat or mail (one per line, wrapped over
//! lines by a mail client, in a list, in parentheses, with a message between them): how a text is
//! cut into links, JSON and prose ([`link_groups`]), how a JSON lines input joins a link wrapped
//! over its lines ([`join_wrapped_links`]), and how a link is read ([`link_json`]). Every command
//! that reads scorecards reads links through these (`common::read_items`), and `unlink` too.

use scorecard::core::committee::split_input;
use scorecard::core::interchange::link::{decode_link_json, LinkError};
use scorecard::core::interchange::MAX_LINK_CHARS;
use scorecard::core::notes::marker_len;
use scorecard::core::wire::looks_like_link;

/// A part of a text of share links ([`link_groups`]).
pub enum Group {
    /// A link, its lines joined when a mail client wrapped it.
    Link(String),
    /// JSON text (a scorecard, a Greenhouse object), and the line of the file it starts on.
    Json(String, usize),
    /// Lines that are neither: their first line.
    Prose(String),
}

/// A line of a list without its marker, and trimmed: the markers of a list of notes pasted in
/// the widget ([`marker_len`]: "- ", "* ", "• ", "– ", "· ", "1. ", "2) "), and Markdown's
/// "+ ", which the widget does not take for one (it would split a "+ good / - bad" note). Before
/// them, a quote's markers, as mail and chat quote a message: "> ", nested "> > " or ">> ". (No
/// link starts with ">", and the lines of a quoted link after its first keep theirs: the decoder
/// skips ">".)
pub fn unbulleted(line: &str) -> &str {
    let t = line.trim().trim_start_matches(|c: char| c == '>' || c.is_whitespace());
    match marker_len(t) {
        Some(n) => t.get(n..).unwrap_or_default().trim(),
        None => t.strip_prefix("+ ").map_or(t, str::trim_start),
    }
}

/// A link as pasted in parentheses ("(https://…#sc1=…)."), without them: the core's decoder
/// (which the web pages download) skips a leading `<` and a trailing `>` and punctuation, not
/// parentheses, so the command line drops them. No `)` is base64url, nor matters before the `#`.
pub fn unparenthesized(link: &str) -> std::borrow::Cow<'_, str> {
    match link.trim().strip_prefix('(') {
        Some(inner) => inner.replace(')', "").into(),
        None => link.into(),
    }
}

/// A line that starts a share link (in a list, in parentheses too).
pub fn starts_link(line: &str) -> bool {
    looks_like_link(&unparenthesized(unbulleted(line)))
}

/// A line that may be more of a link a mail client wrapped: base64url (and standard base64's
/// `+ / =`) and what the decoder skips (white space, `> . , ; : ! ?`), or a closing parenthesis.
/// No JSON object, list or string is such a line (`{`, `[` and `"` are none of these).
fn wrapped_part(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.chars().all(|c| c.is_ascii_alphanumeric() || "-_+/=.,;:!?>) \t".contains(c))
}

/// A link that starts with `first` (trimmed), the number of the lines of `rest` that are more of
/// it, and whether it reads with them: of the lines after it that may be more of it
/// ([`wrapped_part`], and not the start of another link), as many as make it read, the fewest
/// that do (a message of words only, "thanks, see you Monday", may look like more of it), or all
/// of them when it never reads.
///
/// The fewest are looked for among the first [`TRIED`] lines within [`SEARCHED`] characters
/// only (then all are tried at once): each try decodes the link so far, so trying every line of
/// a file of a link and a million lines of base64url would take hours, and 8,000 one-character
/// lines after each of a file's links took seconds per link. Scorecard makes no link longer than
/// [`MAX_LINK_CHARS`], so every link it made, wrapped by mail clients, indented or quoted, is
/// within them.
fn join_link(first: &str, rest: &[&str]) -> (String, usize, bool) {
    let wraps = rest.iter().take_while(|l| !starts_link(l) && wrapped_part(l)).count();
    let reads = |link: &str| decode_link_json(&unparenthesized(link)).is_ok();
    let mut link = first.to_string();
    let mut k = 0;
    let mut read = reads(&link);
    while let Some(line) = rest.get(k).filter(|_| !read && k < wraps && k < TRIED && link.len() <= SEARCHED) {
        link.push('\n');
        link.push_str(line);
        k += 1;
        read = reads(&link);
    }
    if !read && k < wraps {
        // It did not read within the lines searched: all of them, as it may with more.
        for line in rest.get(k..wraps).unwrap_or_default() {
            link.push('\n');
            link.push_str(line);
        }
        k = wraps;
        read = reads(&link);
    }
    (link, k, read)
}

/// The characters of a wrapped link among which [`join_link`] looks for its end: twice the
/// longest link Scorecard makes, for the line breaks, quoting (`> `) and indentation mail adds.
const SEARCHED: usize = 2 * MAX_LINK_CHARS;

/// The most lines after a link's first that [`join_link`] tries it with: [`SEARCHED`] at 16
/// characters a line (a link of [`MAX_LINK_CHARS`] wrapped at 32 columns under an indent or a
/// quote, as a review wrapped a real one, needs 260).
const TRIED: usize = SEARCHED / 16;

/// A text holding share links, cut into its parts, each with its place (":LINE", " [2]" after
/// it for an item of a JSON list). A line that starts a link ([`starts_link`]) starts a part; the
/// lines after it that may be more of it are joined to it ([`join_link`]). Any other line ends
/// the link: the lines from it to the next link are read as they would be without links, JSON
/// documents ([`split_input`]) from the first line that starts as one does, and lines before
/// that are prose, skipped.
pub fn link_groups(label: &str, text: &str) -> Vec<(String, Group)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut groups = Vec::new();
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        // (A quoted message's blank lines are ">" alone.)
        if line.trim_start_matches(|c: char| c == '>' || c.is_whitespace()).is_empty() {
            i += 1;
            continue;
        }
        let rest = lines.get(i + 1..).unwrap_or_default();
        if starts_link(line) {
            let (link, k, _) = join_link(unbulleted(line), rest);
            groups.push((format!(":{}", i + 1), Group::Link(link)));
            i += k + 1;
            continue;
        }
        let end = i + 1 + rest.iter().position(|l| starts_link(l)).unwrap_or(rest.len());
        let json = |l: &&str| l.trim_start().trim_start_matches('\u{feff}').starts_with(['{', '[']);
        let from = (i..end).find(|&j| lines.get(j).is_some_and(json)).unwrap_or(end);
        if from > i {
            groups.push((format!(":{}", i + 1), Group::Prose(line.trim().to_string())));
        }
        if from < end {
            let text = lines.get(from..end).unwrap_or_default().join("\n");
            for p in split_input(label, &text) {
                // Its line in the file: a line's own, a document's first, else the text's first.
                let at = p.at.strip_prefix(':').and_then(|n| n.parse::<usize>().ok()).or(p.line).unwrap_or(1) + from;
                let item = if p.at.starts_with(" [") && p.line.is_none() { p.at.clone() } else { String::new() };
                groups.push((format!(":{at}{item}"), Group::Json(p.text, at)));
            }
        }
        i = end;
    }
    groups
}

/// The lines of a JSON lines input (numbered, 1-based, each text or why it is not text), with
/// each share link a mail client wrapped over lines joined into one: a line that is a link
/// ([`looks_like_link`]) takes the lines right after it that can only be more of it, as a file of
/// links read whole does ([`join_link`]: no blank line between, no other link, only the
/// characters of a link). Such a line is never a JSON object, list or string, so no scorecard's
/// line is taken; and lines are taken only when the link does not read without them and reads
/// with them, so a link on one line is read as before, and a line of a link that never reads
/// (`42`, `null`, a word) keeps its own record, and its own error, under its own number. The
/// joined link keeps the number of its first line.
pub fn join_wrapped_links(lines: Vec<(usize, Result<String, String>)>) -> Vec<(usize, Result<String, String>)> {
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    while let Some((n, line)) = lines.get(i) {
        let link = line.as_ref().ok().filter(|l| looks_like_link(l));
        let Some(link) = link else {
            out.push((*n, line.clone()));
            i += 1;
            continue;
        };
        // The lines right after it that may be more of it (as `join_link` takes them), up to a
        // blank line, one that is not text or one that starts another link: collected up to the
        // first that cannot be, or every link of a file of them would collect the rest of it.
        let rest: Vec<&str> = lines
            .get(i + 1..)
            .unwrap_or_default()
            .iter()
            .map_while(|(_, l)| {
                l.as_deref().ok().filter(|l| !l.trim().is_empty() && !starts_link(l) && wrapped_part(l))
            })
            .collect();
        let (joined, k, read) = join_link(link.trim(), &rest);
        // One that never reads keeps the lines before the first that is JSON on its own (`42`,
        // `null`): that one and those after it are records of their own, and a link damaged in
        // the middle is still said to be corrupt, not cut short with its lines called not JSON.
        // (Unless only with them it is a whole stream whose checksum fails: a link damaged in its
        // middle whose last wrapped line is JSON by chance, "0".)
        let (joined, k) = if read {
            (joined, k)
        } else {
            let upto = |n: usize| rest.iter().take(n).fold(link.trim().to_string(), |joined, l| joined + "\n" + l);
            let j =
                rest.iter().take(k).take_while(|l| serde_json::from_str::<serde::de::IgnoredAny>(l).is_err()).count();
            let before = upto(j);
            if j < k && !damaged(&before) && damaged(&joined) {
                (joined, k)
            } else {
                (before, j)
            }
        };
        out.push((*n, Ok(joined)));
        i += k + 1;
    }
    out
}

/// A link whose data is all there and damaged: it decompresses to its end and the checksum
/// fails. (A link cut short is not, nor one with other text glued to it: their streams end early
/// or break.)
fn damaged(link: &str) -> bool {
    matches!(decode_link_json(&unparenthesized(link)), Err(LinkError::Corrupt { detail }) if detail.contains("checksum"))
}

/// The scorecard document a share link holds, as JSON text, read by the core's decoder (which
/// skips a leading `<`, a trailing `>` and punctuation; parentheses are dropped here:
/// [`unparenthesized`]), or why it cannot be read. Text
/// pasted with the link (a message: "… thanks"), which the decoder reads as more of its data
/// (white space is skipped: mail clients wrap links) and calls truncated or corrupt, is named as
/// such when the link before the first space or line break reads alone. Here rather than in the core, whose
/// wasm the web pages download.
pub fn link_json(link: &str) -> Result<String, String> {
    let link = &*unparenthesized(link);
    decode_link_json(link).map_err(|e| {
        let alone = link.trim().split_once(char::is_whitespace).map(|(alone, _)| alone);
        if alone.is_some_and(|alone| decode_link_json(alone).is_ok()) {
            return "text follows the share link; copy the link alone, without what follows it".into();
        }
        e.to_string()
    })
}
