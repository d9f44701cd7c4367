//! Plain-text rules for the observations an interviewer adds, edits and removes: a pasted list
//! read as its items, and where a removed observation goes back among the ones left. Plain Rust
//! over strings and ids, so the widget's reducer keeps only the bookkeeping and the rules are
//! tested natively (`tests/core/scorecard.rs`).

/// The most removals the widget keeps to undo: older ones are forgotten, the oldest first.
pub const MAX_UNDO: usize = 5;

/// The length in bytes of a list marker at the start of `line` (after its indentation, counted
/// in), with the white space after it: "- ", "* ", "• ", "– ", "1. ", "2) ". `None` for a line
/// that does not start with one: the marker needs the space after it ("-5% latency" is no item)
/// or the line's end. The command line strips the same markers before a share link in a list
/// (`unbulleted` in `src/bin/scorecard/links.rs`), and "+ " besides, which is not one here: a
/// pasted "+ good / - bad" note stays one observation in the widget.
pub fn marker_len(line: &str) -> Option<usize> {
    let body = line.trim_start();
    let indent = line.len() - body.len();
    let mut chars = body.char_indices();
    let (_, first) = chars.next()?;
    let after = if matches!(first, '-' | '*' | '•' | '–' | '·') {
        first.len_utf8()
    } else if first.is_ascii_digit() {
        // Up to three digits, then "." or ")".
        let digits = body.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 3 || !matches!(body.as_bytes().get(digits), Some(b'.' | b')')) {
            return None;
        }
        digits + 1
    } else {
        return None;
    };
    let rest = &body[after..];
    let gap = rest.len() - rest.trim_start().len();
    // A marker alone on its line counts: its text is on the lines below it.
    (gap > 0 || rest.is_empty()).then_some(indent + after + gap)
}

/// The items of a list of notes (one per line, each after a marker: "- ", "* ", "• ", "1."),
/// markers taken off, each trimmed; a line without a marker continues the item above it (a
/// wrapped line). Empty when `text` is not such a list: fewer than two items, or a first line
/// with no marker (a note that mentions a list is one note). Lines without markers are one note
/// written over several lines, and stay one observation.
pub fn list_items(text: &str) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            continue;
        }
        match marker_len(line) {
            Some(n) => items.push(line[n..].trim().to_string()),
            None => match items.last_mut() {
                Some(item) => {
                    // A marker alone on its line ("1." above its text) starts an empty item.
                    if !item.is_empty() {
                        item.push('\n');
                    }
                    item.push_str(line.trim());
                }
                None => return Vec::new(),
            },
        }
    }
    items.retain(|i| !i.is_empty());
    if items.len() < 2 {
        items.clear();
    }
    items
}

/// Where an observation removed at `index` (among those left on the card) stands among the
/// card's observations and the removals still to undo, each at such a place (`removed`): the
/// list as it was, removed ones included. An observation of the card is placed so too, to show
/// a removal's Undo where the observation was. Each removal keeps its place in that list,
/// whatever is undone in whatever order, and one added later goes after them all.
pub fn removal_slot(index: usize, removed: &[usize]) -> usize {
    let mut slot = index;
    // The removals before it push it back; a few at most (`MAX_UNDO`), so a few rounds.
    for _ in 0..=removed.len() {
        let before = removed.iter().filter(|r| **r <= slot).count();
        if index + before == slot {
            break;
        }
        slot = index + before;
    }
    slot
}

/// Where the removal at `slot` goes back among the observations on the card: after as many as
/// stand before it, `removed` being the other removals' slots (see [`removal_slot`]).
pub fn restore_index(slot: usize, removed: &[usize], len: usize) -> usize {
    slot.saturating_sub(removed.iter().filter(|r| **r < slot).count()).min(len)
}

/// The slots of the removals left when the one at `slot` is forgotten (the oldest, past
/// [`MAX_UNDO`]): those after it move up one.
pub fn forget_slot(slot: usize, removed: &mut [usize]) {
    for r in removed.iter_mut().filter(|r| **r > slot) {
        *r -= 1;
    }
}
