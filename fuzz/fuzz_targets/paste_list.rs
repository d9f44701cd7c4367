//! Fuzzes the rules for observations an interviewer pastes and removes (`core::notes`).
//!
//! Beyond "never panics":
//! - a pasted text is read as a list of at least two items or as no list; each item is
//!   trimmed, non-empty, and made only of the text's own lines (markers taken off): it cuts,
//!   never invents;
//! - removals and their Undo, driven by the input in any order, with observations added
//!   between them and the oldest removal forgotten past `MAX_UNDO`: once everything left is
//!   undone, the card holds exactly what was never forgotten, in the order it was first listed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scorecard::core::notes::{forget_slot, list_items, removal_slot, restore_index, MAX_UNDO};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let items = list_items(text);
        assert!(items.is_empty() || items.len() >= 2, "a list of one item: {items:?}");
        for item in &items {
            assert!(!item.is_empty() && item.trim() == item, "an item not trimmed: {item:?}");
            for line in item.lines() {
                assert!(!line.is_empty() && text.contains(line), "{line:?} is not a line of the paste");
            }
        }
    }

    // The card: ids in the order they were first listed (an added observation goes last).
    let mut card: Vec<u32> = (0..4).collect();
    let mut next = 4u32;
    let mut removed: Vec<(u32, usize)> = Vec::new();
    let mut forgotten: Vec<u32> = Vec::new();
    for byte in data.iter().take(64) {
        match byte % 3 {
            0 if !card.is_empty() => {
                let i = usize::from(byte / 3) % card.len();
                let id = card.remove(i);
                let slots: Vec<usize> = removed.iter().map(|r| r.1).collect();
                removed.push((id, removal_slot(i, &slots)));
                if removed.len() > MAX_UNDO {
                    let (old, slot) = removed.remove(0);
                    let mut slots: Vec<usize> = removed.iter().map(|r| r.1).collect();
                    forget_slot(slot, &mut slots);
                    for (r, s) in removed.iter_mut().zip(slots) {
                        r.1 = s;
                    }
                    forgotten.push(old);
                }
            }
            1 if !removed.is_empty() => {
                let (id, slot) = removed.remove(usize::from(byte / 3) % removed.len());
                let slots: Vec<usize> = removed.iter().map(|r| r.1).collect();
                card.insert(restore_index(slot, &slots, card.len()), id);
            }
            _ => {
                card.push(next);
                next += 1;
            }
        }
    }
    while let Some((id, slot)) = removed.pop() {
        let slots: Vec<usize> = removed.iter().map(|r| r.1).collect();
        card.insert(restore_index(slot, &slots, card.len()), id);
    }
    let expected: Vec<u32> = (0..next).filter(|id| !forgotten.contains(id)).collect();
    assert_eq!(card, expected, "undoing every removal left did not give back the card's order");
});
