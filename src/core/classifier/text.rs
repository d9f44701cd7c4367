//! Text normalisation for the classifier: from a raw note to a list of tokens.
//!
//! Each token keeps the byte range of the word it came from in the original text, so evidence can
//! be highlighted exactly. Normalisation lowercases, splits contractions ("didn't" becomes "did
//! not"), expands the abbreviations interviewers use ("PM", "x-team", "eng mgr", "w/o"), maps
//! numbers to coarse quantity words ("4 teams" reads as "several teams"), folds British spellings
//! and strips suffixes with a small stemmer written for this vocabulary. It then marks the
//! tokens that sit inside a negation ("did not need hints") and lowers the weight of the part of
//! a sentence that a contrast overrides ("maybe not org-level yet, but ...").
//!
//! Everything here works on `char`s and byte offsets taken from `char_indices`, so no slice ever
//! falls inside a character, whatever the input.

use std::sync::OnceLock;

use super::flags::one_of;
use super::fxhash::{FxHashMap, FxHashSet};

/// One normalised word of a note.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// The normalised word: lowercase, expanded, but not stemmed.
    pub word: String,
    /// The stem used as a feature.
    pub stem: String,
    /// Byte offset of the start of the source word in the original text (a char boundary).
    pub start: usize,
    /// Byte offset just past the end of the source word (a char boundary).
    pub end: usize,
    /// True for function words that carry no topic on their own.
    pub stop: bool,
    /// True inside the scope of a negation such as "not", "never" or "without".
    pub neg: bool,
    /// Index of the clause (text between commas, semicolons, dashes, full stops...).
    pub clause: u32,
    /// Index of the sentence.
    pub sentence: u32,
    /// How much the token counts towards the level: lower before a contrast ("..., but").
    pub weight: f32,
}

/// The most characters analysed; longer texts are refused by the caller before this point.
pub const MAX_CHARS: usize = 10_000;

/// The weight of tokens that a later contrast in the same sentence overrides.
pub const CONTRAST_WEIGHT: f32 = 0.5;

/// How many content words a negation reaches.
const NEGATION_REACH: usize = 4;

/// A raw word: its byte range, its lowercase text and what separates it from the word before.
struct Raw {
    start: usize,
    end: usize,
    text: String,
    /// The separator before this word starts a new clause.
    clause_break: bool,
    /// The separator before this word ends a sentence.
    sentence_break: bool,
    /// The separator before this word, if it is a single character such as '/' or '-'.
    joiner: Option<char>,
}

/// Whether a character belongs to a word: ASCII letters and digits, and every non-ASCII
/// character that is not white space, punctuation, a symbol or an emoji. Written with ranges
/// instead of `char::is_alphanumeric`, whose Unicode tables would add kilobytes to the wasm for
/// a model whose vocabulary is English.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    let u = c as u32;
    !matches!(u,
        0x80..=0xBF            // Latin-1 controls, punctuation and symbols
        | 0xD7 | 0xF7          // multiplication and division signs
        | 0x2000..=0x2BFF      // general punctuation, symbols, arrows, shapes, dingbats
        | 0x2E00..=0x2E7F      // supplemental punctuation
        | 0x3000..=0x303F      // CJK punctuation
        | 0xD800..=0xF8FF      // surrogates and private use
        | 0xFE00..=0xFE0F      // variation selectors
        | 0xFE30..=0xFE6F      // compatibility and small forms
        | 0xFEFF               // byte order mark
        | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 // fullwidth punctuation
        | 0xFFF0..=0xFFFF      // specials
        | 0x1F000..=0x1FAFF    // emoji and pictographs
        | 0xE0000..=0xE007F    // tags
    )
}

/// White space, ASCII and Unicode.
fn is_space(c: char) -> bool {
    c.is_ascii_whitespace()
        || matches!(c as u32, 0x85 | 0xA0 | 0x1680 | 0x2000..=0x200B | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000)
}

/// Lowercases the letters that matter for matching (ASCII, Latin-1, Greek, Cyrillic) without
/// the full Unicode case tables; other characters are kept as they are.
pub fn fold_case(c: char) -> char {
    let u = c as u32;
    let folded = match u {
        0x41..=0x5A => u + 0x20,
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        0x391..=0x3A9 => u + 0x20,
        0x410..=0x42F => u + 0x20,
        0x400..=0x40F => u + 0x50,
        _ => u,
    };
    char::from_u32(folded).unwrap_or(c)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}' | '`')
}

/// Splits the text into raw words with their separators.
fn raw_words(text: &str) -> Vec<Raw> {
    let chars: Vec<(usize, char)> = text.char_indices().take(MAX_CHARS).collect();
    let end_of =
        |i: usize| chars.get(i).map_or(text.len().min(chars.last().map_or(0, |(b, c)| b + c.len_utf8())), |(b, _)| *b);
    let mut out = Vec::new();
    let mut i = 0;
    let mut gap_start = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        let currency = matches!(c, '$' | '\u{20ac}' | '\u{a3}');
        if !(is_word_char(c) || currency) {
            i += 1;
            continue;
        }
        // The separator between the previous word and this one.
        let gap = chars.get(gap_start..i).unwrap_or(&[]);
        let sentence_break = gap.iter().any(|(_, c)| matches!(c, '.' | '!' | '?' | ';' | '\n' | '\u{2026}'));
        let clause_break = sentence_break
            || gap.iter().any(|(_, c)| {
                matches!(
                    c,
                    ',' | ':'
                        | '('
                        | ')'
                        | '['
                        | ']'
                        | '"'
                        | '\u{201c}'
                        | '\u{201d}'
                        | '\u{2014}'
                        | '\u{2013}'
                        | '|'
                        | '+'
                        | '&'
                        | '*'
                )
            })
            || gap.windows(2).any(|w| matches!((w[0].1, w[1].1), (' ', '-') | ('-', ' ') | ('-', '-')));
        // "x-team" and "w/ the team" keep their joiner: the one mark right after the word.
        let joiner = match gap.first() {
            Some((_, c)) if !is_space(*c) && gap.get(1).is_none_or(|(_, n)| is_space(*n)) => Some(*c),
            _ => None,
        };
        let start = b;
        let mut j = i;
        // (Room for most words at once: growing it was a tenth of the tokenizer's time.)
        let mut word = String::with_capacity(16);
        if currency {
            j += 1;
            word.push_str("money");
        } else {
            while j < chars.len() {
                let (_, c) = chars[j];
                let prev_alnum = j > i && is_word_char(chars[j - 1].1);
                let next = chars.get(j + 1).map(|(_, c)| *c);
                if is_word_char(c) {
                    word.push(fold_case(c));
                } else if is_apostrophe(c) && prev_alnum && next.is_some_and(|n| is_word_char(n) && !n.is_ascii_digit())
                {
                    word.push('\'');
                } else if matches!(c, '.' | ',')
                    && j > i
                    && chars[j - 1].1.is_ascii_digit()
                    && next.is_some_and(|n| n.is_ascii_digit())
                {
                    // Keep "0.4" and "1,000" whole.
                } else if matches!(c, '+' | '%') && j > i && chars[j - 1].1.is_ascii_digit() {
                    word.push(c);
                    j += 1;
                    break;
                } else {
                    break;
                }
                j += 1;
            }
        }
        let end = end_of(j);
        out.push(Raw { start, end, text: word, clause_break, sentence_break, joiner });
        gap_start = j;
        i = j;
    }
    out
}

/// Splits a contraction into its words: "didn't" to ("did", Some("not")), "she's" to ("she",
/// None). Borrowed, not allocated: every word of every note goes through here.
fn split_contraction(word: &str) -> (&str, Option<&'static str>) {
    // (By bytes: `split_once`'s searcher cost more than the rest of this for a short word.)
    let Some((base, suffix)) =
        word.bytes().position(|b| b == b'\'').and_then(|at| Some((word.get(..at)?, word.get(at + 1..)?)))
    else {
        return (word, None);
    };
    if suffix == "t" {
        let stem = match base {
            "can" | "ca" => "can",
            "won" | "wo" => "will",
            "shan" | "sha" => "shall",
            "ain" => "is",
            b => b.strip_suffix('n').unwrap_or(b),
        };
        return (stem, Some("not"));
    }
    (base, None)
}

/// Contractions written without an apostrophe, one a line: `verb: form`.
const BARE_CONTRACTIONS: &str = "
did: didnt
does: doesnt
do: dont
can: cant
could: couldnt
would: wouldnt
should: shouldnt
is: isnt
was: wasnt
were: werent
are: arent
has: hasnt
have: havent
had: hadnt
will: wont
is: aint
need: neednt
";

/// Abbreviations and shorthand, one expansion a line: `expansion: forms`.
const ABBREVIATIONS: &str = "
product manager: pm pms pmm
product owner: po
engineering manager: em ems
engineering: eng engg
engineers: engs
manager: mgr mngr
managers: mgrs
management: mgmt
cross functional: xfn xfunc crossfunctional
cross team: xteam crossteam
system: sys
architecture: arch
performance: perf
infrastructure: infra
production: prod
developer: dev
developers: devs
developer experience: devex dx
user experience: ux
user interface: ui
database: db dbs
kubernetes: k8s
service: svc svcs
requirements: req reqs reqts
years: yr yrs
months: mo mos mths
weeks: wk wks
quarter: qtr q1 q2 q3 q4
half: h1 h2
people: ppl
department: dept depts
because: bc b/c cuz cos
though: tho
through: thru
in my opinion: imo imho
to be honest: tbh
junior: jr
senior: sr
individual contributor: ic ics
tech lead: tl tls
vp: vps
executive: execs exec
on call: oncall
postmortem: postmortem postmortems pm's
pull request: pr prs mr mrs cr crs
end to end: e2e
return on investment: roi
metrics: kpi kpis
objectives: okr okrs
revenue: rev
urgent: asap
with: w
without: w/o
approximately: approx
government: govt
operations: ops
configuration: config
documents: docs
document: doc
estimate: eta
one on one: 1:1 1on1 oneonone
expert: sme smes
machine learning: ai
machine learning: ml
";

/// Maps a number (digits, possibly with "+" or "%") to a coarse quantity word.
fn quantity(word: &str) -> Option<&'static str> {
    let first = word.chars().next()?;
    if !first.is_ascii_digit() {
        return None;
    }
    if word.ends_with('%') {
        return Some("percent");
    }
    let digits: String =
        word.chars().take_while(|c| c.is_ascii_digit() || *c == ',').filter(char::is_ascii_digit).collect();
    let rest = &word[word
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == ',' || *c == '.'))
        .map_or(word.len(), |(i, _)| i)..];
    let value: u64 = if digits.len() > 12 { u64::MAX } else { digits.parse().unwrap_or(0) };
    let size = match value {
        0 => "zero",
        1 => "one",
        2 => "two",
        3..=9 => "several",
        10..=99 => "dozens",
        100..=999 => "hundreds",
        _ => "thousands",
    };
    match rest {
        "" | "+" => Some(size),
        "x" => Some("multifold"),
        "k" | "m" | "mm" | "b" | "bn" => Some("thousands"),
        "yr" | "yrs" | "y" => Some("years"),
        "mo" | "mos" => Some("months"),
        "wk" | "wks" | "w" => Some("weeks"),
        "d" | "days" => Some("days"),
        "ms" => Some("latency"),
        "h" | "hr" | "hrs" => Some("hours"),
        "st" | "nd" | "rd" | "th" => Some("ordinal"),
        _ => None,
    }
}

/// Number words mapped like digits, one quantity a line: `quantity: words`.
const NUMBER_WORDS: &str = "
several: three four five six seven eight nine few handful
dozens: ten eleven twelve fifteen twenty thirty forty fifty dozen dozens
hundreds: hundred hundreds
thousands: thousand thousands million millions billion billions
multifold: twice double doubled triple tripled tenfold
";

/// Number words mapped like digits.
fn number_word(word: &str) -> Option<&'static str> {
    tables().numbers.get(word).copied()
}

/// Function words: they join features but carry no topic.
const STOPWORDS: &str = "
a an the of to in on at for with by from as and
or it its this that these those he she him her his hers they
them their theirs i me my we us our you your is am are
was were be been being have has had do does did would could should
will shall can may also so then than just very really about into onto
what which who whom whose there here if s t some any all up
out one once again too quite pretty much even still own himself herself themselves
myself itself etc eg ie e g because since though although but however yet
while when how why where get got go went make made thing things something
lot lots bit way kind sort like
";

/// The word tables, as hash maps built once: a `match` over hundreds of strings compiles to a
/// chain of comparisons, which is slow in the size-optimised wasm build.
struct Tables {
    irregular: FxHashMap<&'static str, &'static str>,
    /// The expansion as written, words separated by single spaces (a `&str` value, like the
    /// other maps, so that they share one copy of the hash map code in the wasm).
    abbreviations: FxHashMap<&'static str, &'static str>,
    bare: FxHashMap<&'static str, &'static str>,
    numbers: FxHashMap<&'static str, &'static str>,
    stopwords: FxHashSet<&'static str>,
    negators: FxHashSet<&'static str>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    // Each table line is `value: keys`; a malformed line (none is) would simply be skipped.
    fn lines(table: &'static str) -> impl Iterator<Item = (&'static str, std::str::SplitWhitespace<'static>)> {
        table.lines().filter_map(|l| l.split_once(':')).map(|(v, keys)| (v.trim(), keys.split_whitespace()))
    }
    TABLES.get_or_init(|| Tables {
        irregular: lines(IRREGULAR).flat_map(|(stem, forms)| forms.map(move |f| (f, stem))).collect(),
        abbreviations: lines(ABBREVIATIONS).flat_map(|(exp, forms)| forms.map(move |f| (f, exp))).collect(),
        bare: lines(BARE_CONTRACTIONS).flat_map(|(verb, forms)| forms.map(move |f| (f, verb))).collect(),
        numbers: lines(NUMBER_WORDS).flat_map(|(quantity, words)| words.map(move |w| (w, quantity))).collect(),
        stopwords: STOPWORDS.split_whitespace().collect(),
        negators: NEGATORS.split_whitespace().collect(),
    })
}

/// Function words: they join features but carry no topic.
pub fn is_stopword(w: &str) -> bool {
    tables().stopwords.contains(w)
}

/// Irregular forms and words the suffix rules would get wrong.
fn irregular(w: &str) -> Option<&'static str> {
    tables().irregular.get(w).copied()
}

/// Abbreviations and shorthand, expanded: the words of the expansion.
fn abbreviation(w: &str) -> Option<std::str::Split<'static, char>> {
    tables().abbreviations.get(w).map(|exp| exp.split(' '))
}

/// Contractions written without an apostrophe: the verb before "not".
fn bare_contraction(w: &str) -> Option<&'static str> {
    tables().bare.get(w).copied()
}

/// Words that open a negation scope.
const NEGATORS: &str = "not no never without nor neither hardly barely none nothing nobody lack lacks lacked lacking unable fail fails failed zero seldom rarely";

/// Words that open a negation scope.
pub(crate) fn is_negator(w: &str) -> bool {
    tables().negators.contains(w)
}

/// Words that override what came before them in the sentence. "yet", "though" and "still" count
/// only when they open a clause ("..., yet she"), not in "hasn't shipped yet".
fn is_contrast(w: &str, clause_initial: bool) -> bool {
    one_of("but however nonetheless nevertheless", w) || (clause_initial && one_of("yet though still", w))
}

/// Words that make their own clause subordinate when they open a sentence.
fn is_concessive(w: &str) -> bool {
    one_of("although though despite while whilst even", w)
}

/// Irregular forms and words the suffix rules would get wrong, one stem a line: `stem: forms`.
/// Kept as one string rather than a table of `&str` so the wasm carries no pointer per word.
const IRREGULAR: &str = "
lead: led leads leading lead
run: ran run runs running
write: wrote written writes writing write
build: built builds building build
teach: taught teaches teaching teach
think: thought thinks thinking think
bring: brought brings bringing bring
take: took taken takes taking take
give: gave given gives giving give
do: did does done doing do
have: had has having have
be: was were is are been being am be
say: said says saying say
see: saw seen sees seeing see
get: got gotten gets getting get
tell: told tells telling tell
know: knew known knows knowing know
drive: drove driven drives driving drive
choose: chose chosen chooses choosing choose
speak: spoke spoken speaks speaking speak
grow: grew grown grows growing grow growth
keep: kept keeps keeping keep
feel: felt feels feeling feel
meet: met meets meet
meeting: meeting meetings
send: sent sends sending send
spend: spent spends spending spend
hold: held holds holding hold
begin: began begun begins beginning begin
find: found finds finding find
understand: understood understands understanding understand
catch: caught catches catching catch
seek: sought seeks seeking seek
stand: stood stands standing stand
leave: left leaves leaving leave
lose: lost loses losing lose
mean: meant means mean
pay: paid pays paying pay
sell: sold sells selling sell
win: won wins winning win
break: broke broken breaks breaking break
become: became becomes becoming become
come: came comes coming come
go: went goes going gone go
make: made makes making make
feed: fed feeds feeding feed
set: set sets setting
put: put puts putting
cut: cut cuts cutting
ship: shipped ships shipping ship
use: used uses using use usage
add: added adds adding add
need: needed needs needing need
org: org orgs organization organizations organisation organisations organizational organisational organization's
adopt: adoption adopted adopts adopting adopt
decide: decision decisions decided decides deciding decide
describe: description described describes describing describe
explain: explanation explanations explained explains explaining explain
business: business businesses
process: process processes processing processed
analyze: analysis analyses analyzed analysed analyzing analysing analyze analyse
hire: hires hiring hired hire
team: teams team
mentor: mentorship mentoring mentored mentors mentor
leader: leadership leader leaders
own: ownership owner owners owned owns owning own
ahead: ahead
early: early earlier
data: data
news: news
series: series
";

/// Letters of a word contain a vowel.
fn has_vowel(s: &str) -> bool {
    s.chars().any(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
}

/// Folds common British spellings to American ones ("prioritise" to "prioritize").
fn americanize(w: &str) -> String {
    let mut s = w.to_string();
    for (from, to) in [("isation", "ization"), ("yse", "yze"), ("ysed", "yzed"), ("ysing", "yzing"), ("our", "or")] {
        if from == "our" {
            // "behaviour", "favour", "colour": but not "four", "hour", "your", "tour", "pour".
            if s.len() > 6 && s.ends_with("our") {
                s.truncate(s.len() - 1);
                s.truncate(s.len() - 1);
                s.push('r');
            } else if let Some(p) = s.find("ours").filter(|_| s.len() > 7 && s.ends_with("ours")) {
                s.replace_range(p..p + 4, "ors");
            }
            continue;
        }
        if let Some(base) = s.strip_suffix(from) {
            s = format!("{base}{to}");
        }
    }
    for suffix in ["ise", "ised", "ises", "ising"] {
        if let Some(base) = s.strip_suffix(suffix) {
            let verb =
                ["al", "it", "tim", "nim", "xim", "gn", "ar", "on", "il", "as", "ior", "rd", "om", "ic", "en", "ag"]
                    .iter()
                    .any(|e| base.ends_with(e));
            let not_verb = ["prom", "premi", "compromi", "surpri", "advert", "expert", "enterpr", "otherw"]
                .iter()
                .any(|e| base.ends_with(e));
            if verb && !not_verb && base.len() >= 4 {
                s = format!("{base}{}", suffix.replacen("is", "iz", 1));
            }
            break;
        }
    }
    s
}

/// A light stemmer written for interview notes: conflates inflections and a few derivations.
pub fn stem(word: &str) -> String {
    if let Some(s) = irregular(word) {
        return s.to_string();
    }
    if word.len() <= 3 || !word.is_ascii() || word.bytes().any(|b| b.is_ascii_digit()) {
        return word.to_string();
    }
    // Byte windows rather than `str::contains`, whose searcher costs more than these short
    // words (the same answer: the patterns are ASCII).
    let bytes = word.as_bytes();
    let british = bytes.windows(2).any(|p| p == b"is" || p == b"ys") || bytes.windows(3).any(|p| p == b"our");
    let mut w = if british { americanize(word) } else { word.to_string() };
    // Plurals and third person.
    if w.len() > 4 && w.ends_with("ies") {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.ends_with("sses") {
        w.truncate(w.len() - 2);
    } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w.pop();
    }
    // Past tense and participles.
    let mut stripped = false;
    if w.len() > 4 && w.ends_with("ied") {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.ends_with("eed") {
        // "agreed", "proceed": keep.
    } else if w.len() >= 5 && w.ends_with("ed") && has_vowel(&w[..w.len() - 2]) {
        w.truncate(w.len() - 2);
        stripped = true;
    } else if w.len() >= 6 && w.ends_with("ing") && has_vowel(&w[..w.len() - 3]) {
        w.truncate(w.len() - 3);
        stripped = true;
    }
    if stripped {
        let b = w.as_bytes();
        let n = b.len();
        if n >= 3 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z' | b'f' | b'e' | b'o') {
            w.pop();
        }
    }
    // Adverbs and derivations.
    if w.len() >= 7 && w.ends_with("ly") {
        w.truncate(w.len() - 2);
        if w.ends_with("al") && w.len() > 6 {
            // "technically" to "technic", like "technical".
        }
    }
    for (suffix, replacement, min) in [
        ("ization", "iz", 4),
        ("ational", "at", 4),
        ("ation", "at", 3),
        ("ment", "", 4),
        ("ness", "", 4),
        ("ship", "", 4),
        ("ability", "", 4),
        ("able", "", 4),
        ("ible", "", 4),
        ("ful", "", 4),
        ("ive", "", 4),
        ("ity", "", 4),
        ("ize", "iz", 4),
    ] {
        if w.len() >= suffix.len() + min && w.ends_with(suffix) {
            w.truncate(w.len() - suffix.len());
            w.push_str(replacement);
            break;
        }
    }
    if w.ends_with("entat") {
        // "documentation" and "implementation" to "document" and "implement".
        w.truncate(w.len() - 2);
    }
    if w.len() > 4 && w.ends_with('e') && !w.ends_with("ee") {
        w.pop();
    }
    w
}

/// A word after contraction splitting and expansion, before stemming, with its source span.
struct Expanded<'a> {
    /// Borrowed from the raw word or from the tables: the token's own copy is the only one.
    word: &'a str,
    start: usize,
    end: usize,
    clause_break: bool,
    sentence_break: bool,
}

/// Expands raw words into normalised words.
fn expand<'a>(raws: &'a [Raw]) -> Vec<Expanded<'a>> {
    let mut out: Vec<Expanded<'a>> = Vec::new();
    let mut i = 0;
    while i < raws.len() {
        let r = &raws[i];
        let next = raws.get(i + 1);
        let push = |out: &mut Vec<Expanded<'a>>, words: &[&'static str], start: usize, end: usize, first: bool| {
            for (k, w) in words.iter().enumerate() {
                let lead = first && k == 0;
                out.push(Expanded {
                    word: w,
                    start,
                    end,
                    clause_break: lead && r.clause_break,
                    sentence_break: lead && r.sentence_break,
                });
            }
        };
        // Slash and hyphen shorthand spanning two raw words: "w/o", "b/c", "x-team", "1:1".
        if let Some(n) = next {
            let pair: Option<&[&str]> = match (r.text.as_str(), n.joiner, n.text.as_str()) {
                ("w", Some('/'), "o") => Some(&["without"]),
                ("b", Some('/'), "c") => Some(&["because"]),
                ("x", Some('-' | '/'), _) => Some(&["cross"]),
                ("cross", Some('-'), "functional" | "team" | "org" | "department") => Some(&["cross"]),
                ("1", Some(':'), "1" | "1s") => Some(&["one", "on", "one"]),
                ("on", Some('-'), "call") => Some(&["on"]),
                ("post", Some('-'), "mortem" | "mortems") => Some(&["postmortem"]),
                ("non", Some('-'), _) => Some(&["non"]),
                _ => None,
            };
            if let Some(words) = pair {
                let consumes = !matches!(r.text.as_str(), "x" | "cross" | "on" | "non");
                let end = if consumes { n.end } else { r.end };
                push(&mut out, words, r.start, end, true);
                i += if consumes { 2 } else { 1 };
                continue;
            }
        }
        if r.text == "w" && next.is_some_and(|n| n.joiner == Some('/')) {
            push(&mut out, &["with"], r.start, r.end, true);
            i += 1;
            continue;
        }
        // The words of the raw word, each pushed as it is found (the first carries the breaks).
        let (first, not) = split_contraction(&r.text);
        let mut lead = true;
        let mut emit = |out: &mut Vec<Expanded<'a>>, word: &'a str| {
            out.push(Expanded {
                word,
                start: r.start,
                end: r.end,
                clause_break: lead && r.clause_break,
                sentence_break: lead && r.sentence_break,
            });
            lead = false;
        };
        for p in std::iter::once(first).chain(not) {
            if let Some(base) = bare_contraction(p) {
                emit(&mut out, base);
                emit(&mut out, "not");
            } else if let Some(exp) = abbreviation(p) {
                exp.for_each(|w| emit(&mut out, w));
            } else if let Some(q) = quantity(p).or_else(|| number_word(p)) {
                emit(&mut out, q);
            } else if !p.is_empty() {
                emit(&mut out, p);
            }
        }
        i += 1;
    }
    out
}

/// Turns a note into tokens: normalised, stemmed, with negation scope and contrast weights.
pub fn tokenize(text: &str) -> Vec<Token> {
    let raws = raw_words(text);
    let expanded = expand(&raws);
    let mut tokens: Vec<Token> = Vec::with_capacity(expanded.len());
    let mut clause = 0u32;
    let mut sentence = 0u32;
    for (k, e) in expanded.into_iter().enumerate() {
        if k > 0 && e.clause_break {
            clause += 1;
        }
        if k > 0 && e.sentence_break {
            sentence += 1;
        }
        let stop = is_stopword(e.word);
        let stem = stem(e.word);
        tokens.push(Token {
            word: e.word.to_string(),
            stem,
            start: e.start,
            end: e.end,
            stop,
            neg: false,
            clause,
            sentence,
            weight: 1.0,
        });
    }
    mark_senses(&mut tokens);
    mark_negation(&mut tokens);
    mark_contrast(&mut tokens);
    tokens
}

/// Drops the senses of a word that would read as something else: "ahead" means early only in
/// "ahead of schedule" (or of the deadline, of plan, of it) and after a span of time ("three
/// weeks ahead"); "went ahead without telling them" or "charged ahead" says nothing about the
/// schedule, so there it is a function word.
///
/// Likewise "account" in "by her own account", "per his account" or "take into account" is a
/// story or a consideration, not a customer account; and a "deep dive" names a part of the
/// interview ("only covered the project deep dive"), not depth shown by the candidate, so its
/// "deep" is not read as the word of praise.
///
/// A "failing test" or a "failed build" is what the candidate debugs: "fail" before such a noun
/// is neither the struggle cue nor a negator.
fn mark_senses(tokens: &mut [Token]) {
    for i in 0..tokens.len() {
        let clause = tokens[i].clause;
        let same = |t: &&Token| t.clause == clause;
        let next = tokens.get(i + 1).filter(same).map_or("", |t| t.stem.as_str());
        let prev = if i == 0 { "" } else { tokens.get(i - 1).filter(same).map_or("", |t| t.stem.as_str()) };
        let before = if i < 2 { "" } else { tokens.get(i - 2).filter(same).map_or("", |t| t.stem.as_str()) };
        match tokens[i].stem.as_str() {
            "ahead" => {
                let early = next == "of" || one_of("day week month quarter year sprint way well far time", prev);
                if !early {
                    tokens[i].stop = true;
                }
            }
            "account" => {
                let story =
                    one_of("own his her their my per by into sided firsthand", prev) || one_of("by per", before);
                if story {
                    tokens[i].stop = true;
                }
            }
            "deep" if matches!(next, "dive" | "div") => {
                tokens[i].stem = "dive".to_string();
                tokens[i].stop = true;
            }
            // "I asked", "when asked": the interviewer's question, whose answer is the evidence;
            // the candidate's own questions ("asked clarifying questions") keep the word.
            // So is "asked how she'd decide", "asked what he would cut": a question about the
            // candidate, who is named after the asking word in its clause. A word made a function
            // word here starts no cue (`cues::find`), so neither is read as the candidate's own
            // question (`#inquire`: "asked what the latency target was").
            "ask"
                if one_of("i we when was were been being", prev)
                    || tokens[i + 1..]
                        .iter()
                        .take_while(|t| t.clause == clause)
                        .take(6)
                        .any(|t| one_of("he she him his her they", &t.word)) =>
            {
                tokens[i].stop = true
            }
            // A failing test is a thing the candidate works on, not a failure of the candidate:
            // neither the struggle cue nor a negation of the noun.
            "fail" if one_of("test build job case check request deploy pipelin node run", next) => {
                tokens[i].word = "failing".to_string();
                tokens[i].stem = "failing".to_string();
                tokens[i].stop = true;
            }
            _ => {}
        }
    }
}

/// Marks the tokens in the scope of each negation.
fn mark_negation(tokens: &mut [Token]) {
    let mut i = 0;
    while i < tokens.len() {
        let w = tokens[i].word.as_str();
        let opens = is_negator(w)
            && !(w == "not" && tokens.get(i + 1).is_some_and(|t| matches!(t.word.as_str(), "only" | "just")))
            && !(w == "no" && tokens.get(i + 1).is_some_and(|t| matches!(t.word.as_str(), "doubt" | "matter")));
        if !opens {
            i += 1;
            continue;
        }
        let clause = tokens[i].clause;
        // "needed no hints", "required no guidance": the need itself is denied, as in "did not
        // need hints".
        if matches!(w, "no" | "zero")
            && i > 0
            && tokens[i - 1].clause == clause
            && matches!(tokens[i - 1].stem.as_str(), "need" | "requir")
        {
            tokens[i - 1].neg = true;
        }
        // "without" and "no" govern a noun phrase ("without prompting", "no eviction story");
        // "not" and "never" govern a verb and what follows it.
        let reach = match w {
            "without" => 1,
            "no" | "none" | "zero" | "lack" | "lacks" | "lacked" | "lacking" => 2,
            _ => NEGATION_REACH,
        };
        let mut reached = 0;
        let mut j = i + 1;
        while j < tokens.len() && reached < reach {
            let t = &tokens[j];
            if t.clause != clause || is_contrast(&t.word, false) {
                break;
            }
            if is_negator(&t.word) {
                // A second negation starts its own scope.
                break;
            }
            tokens[j].neg = true;
            if !tokens[j].stop {
                reached += 1;
            }
            j += 1;
        }
        i = j.max(i + 1);
    }
}

/// Lowers the weight of what a contrast overrides: everything before "but" in its sentence,
/// and the clause a sentence-opening "although" introduces.
fn mark_contrast(tokens: &mut [Token]) {
    for i in 0..tokens.len() {
        let w = tokens[i].word.as_str();
        let sentence = tokens[i].sentence;
        let sentence_start = i == 0 || tokens[i - 1].sentence != sentence;
        if sentence_start && is_concessive(w) {
            let clause = tokens[i].clause;
            for t in tokens[i..].iter_mut().take_while(|t| t.clause == clause) {
                t.weight = t.weight.min(CONTRAST_WEIGHT);
            }
        } else if !sentence_start && is_contrast(w, tokens[i - 1].clause != tokens[i].clause) {
            for t in tokens[..i].iter_mut().rev().take_while(|t| t.sentence == sentence) {
                t.weight = t.weight.min(CONTRAST_WEIGHT);
            }
        }
    }
}
