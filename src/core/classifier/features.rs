//! Feature extraction: from tokens to the two sparse vectors the model scores.
//!
//! The capability vector holds topic evidence: stems, bigrams of neighbouring content stems and
//! topic cues, ignoring negation ("never mentioned cost" is still about business impact). The
//! level vector holds judgement evidence: the same stems marked `!` inside a negation, negators
//! themselves, bigrams, and level cues, each weighted down when a later contrast overrides it.
//! Both vectors are scaled to unit length so that long and short notes weigh alike.

use super::cues::{self, CueKind};
use super::flags::one_of;
use super::text::Token;

/// One feature of a note, with the tokens it came from (for evidence).
#[derive(Clone, Debug, PartialEq)]
pub struct Feature {
    pub name: String,
    pub value: f32,
    /// Index of the first token of its first occurrence.
    pub first: usize,
    /// Index of the last token of its first occurrence.
    pub last: usize,
}

/// Both feature vectors of one note.
#[derive(Clone, Debug, Default)]
pub struct Features {
    pub capability: Vec<Feature>,
    pub level: Vec<Feature>,
}

/// Words that open a negation and are worth a level feature of their own.
fn is_negation_word(w: &str) -> bool {
    one_of("not no never without nothing none unable rarely barely hardly", w)
}

/// Level cues that read as sound work when negated or when they spell out a negation ("did not
/// need hints", "had no trouble", "without me asking", "no hints"): their negation is good news.
fn is_positive_cue(feature: &str) -> bool {
    one_of("#independent #capable #on_time", feature)
}

/// The negators whose negation makes a positive level cue: "not" in "did not need hints" turns
/// `#help` into `#independent`, "no" in "no hints" is part of `#independent`. Their `~not` and
/// `~no` features, which the training notes tie to weak answers, are left out for these.
fn double_negatives(tokens: &[Token], matches: &[cues::CueMatch]) -> Vec<usize> {
    let mut out = Vec::new();
    for m in matches.iter().filter(|m| m.kind == CueKind::Level && is_positive_cue(&m.feature)) {
        let inside = (m.first..=m.last).filter(|&k| tokens.get(k).is_some_and(|t| is_negation_word(&t.word)));
        out.extend(inside);
        if !m.reversed {
            continue;
        }
        // The negator before the cue: back over the negated words and function words of its
        // clause ("did not need any hints", "never once needed prompting").
        let clause = tokens.get(m.first).map_or(0, |t| t.clause);
        let mut k = m.first;
        while k > 0 {
            k -= 1;
            let Some(t) = tokens.get(k) else { break };
            if t.clause != clause {
                break;
            }
            if is_negation_word(&t.word) {
                out.push(k);
                break;
            }
            if !(t.neg || t.stop) {
                break;
            }
        }
    }
    out
}

/// A feature list under construction. Repeats are merged once at the end by sorting, which is
/// cheaper than a map for the few dozen features of a note.
#[derive(Default)]
struct Builder {
    list: Vec<Feature>,
}

impl Builder {
    /// Adds a feature occurrence.
    fn add(&mut self, name: String, value: f32, first: usize, last: usize) {
        self.list.push(Feature { name, value, first, last });
    }

    /// The features by name, each once: the largest value and the first occurrence's span.
    fn finish(mut self) -> Vec<Feature> {
        self.list.sort_unstable_by(|a, b| a.name.cmp(&b.name).then(a.first.cmp(&b.first)));
        let mut out: Vec<Feature> = Vec::with_capacity(self.list.len());
        for f in self.list {
            match out.last_mut() {
                Some(prev) if prev.name == f.name => prev.value = prev.value.max(f.value),
                _ => out.push(f),
            }
        }
        out
    }
}

/// Scales a vector to unit length.
fn normalize(list: &mut [Feature]) {
    let norm: f32 = list.iter().map(|f| f.value * f.value).sum::<f32>().sqrt();
    if norm > 0.0 {
        for f in list.iter_mut() {
            f.value /= norm;
        }
    }
}

/// Extracts both feature vectors from a token list.
pub fn extract(tokens: &[Token]) -> Features {
    let mut cap = Builder::default();
    let mut lvl = Builder::default();
    let content: Vec<usize> =
        (0..tokens.len()).filter(|&i| !tokens[i].stop && !is_negation_word(&tokens[i].word)).collect();
    for &i in &content {
        let t = &tokens[i];
        if t.stem.chars().count() < 2 {
            continue;
        }
        cap.add(t.stem.clone(), 1.0, i, i);
        let name = if t.neg { format!("!{}", t.stem) } else { t.stem.clone() };
        lvl.add(name, t.weight, i, i);
    }
    for pair in content.windows(2) {
        let (a, b) = (&tokens[pair[0]], &tokens[pair[1]]);
        if a.clause != b.clause || pair[1] - pair[0] > 3 {
            continue;
        }
        cap.add(format!("{} {}", a.stem, b.stem), 1.0, pair[0], pair[1]);
        let name = if a.neg || b.neg { format!("!{} {}", a.stem, b.stem) } else { format!("{} {}", a.stem, b.stem) };
        lvl.add(name, a.weight.min(b.weight), pair[0], pair[1]);
    }
    let matches = cues::find(tokens);
    let positive = double_negatives(tokens, &matches);
    for (i, t) in tokens.iter().enumerate() {
        if is_negation_word(&t.word) && !positive.contains(&i) {
            lvl.add(format!("~{}", t.word), t.weight, i, i);
        }
    }
    for m in matches {
        let weight = tokens.get(m.first).map_or(1.0, |t| t.weight);
        match m.kind {
            CueKind::Topic => cap.add(m.feature, 1.0, m.first, m.last),
            CueKind::Level => lvl.add(m.feature, weight, m.first, m.last),
        }
    }
    let (mut cap, mut lvl) = (cap.finish(), lvl.finish());
    normalize(&mut cap);
    normalize(&mut lvl);
    Features { capability: cap, level: lvl }
}
