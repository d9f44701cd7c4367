//! Warnings about a note itself: impressions with no observed behaviour (`non_behavioral`) and
//! remarks about protected or irrelevant personal traits (`bias_risk`).
//!
//! Both detectors are lexical and written by hand, for precision: a flag interrupts an
//! interviewer, so a false one costs trust. `bias_risk` fires on phrases about age, family,
//! pregnancy, speech and accent, appearance, nationality or origin, religion, gender, health or
//! disability and sexual orientation, each phrase chosen so that ordinary engineering notes
//! ("race condition", "child process", "new grads", "teams in Berlin", "the young service",
//! "mentored a recent grad", "looked at the logs", "the age-out of old records", "the team from
//! India") do not match. Parental leave and native English count only when said of the
//! candidate, not of a teammate or of the people the candidate works with.
//! A fit or affinity verdict about the candidate ("great culture fit", "she'd fit right in",
//! "would mesh well with the team", "reminds me of myself", "one of us", "our kind of engineer",
//! "vibes were off") is a `bias_risk` too, alone or beside behaviour: it judges likeness to the
//! team or to the interviewer, not the job (`own_fit_verdict`; not when quoted, asked by the
//! candidate, or said of work).
//! So is a verdict on how the candidate comes across, their presence, gravitas or lack of polish
//! ("lacks executive presence", "presence was weak in the room", "Presence: weak.", "she lacks
//! polish", "Lacks polish but shipped the migration", "lacks executive polish", "needs more polish
//! as a person", "not polished enough for the client"), alone or beside behaviour (`presence_verdict`): vague
//! style feedback that describes nothing done and is given unevenly by gender, race and class
//! (sources in docs/WHY-classifier.md). Not a chat system's presence ("Presence was lacking, so
//! she added a heartbeat"), nor one judged somewhere other than with people ("in the
//! prototype", "no presence in her design"), nor reported after it ("Presence was lacking, she
//! said, in the product she inherited"); "polish" only personal, or lacking and said of the candidate, never of work ("the UI lacks
//! polish", "Built a working CLI but lacks polish"), nor the language ("lacks Polish"); a bare
//! "Lacks polish." may be the code's and stays an impression. A name is no verdict ("Gravitas
//! Ventures hired her": a capital before another at a sentence's start, no lack after it).
//! A role's "material" ("not leadership material") is an impression: its role word names no work
//! (`impression_frames`); not a role's material as a thing ("Senior material was covered").
//! `non_behavioral` fires when a note holds no sign of something the candidate did or said: no
//! action verb from a broad lexicon, no technical noun, no number, no quotation, no action towards
//! a person ("talked over me"). Bias flags come before it, and replace it. A note the detector
//! cannot read (mostly not in Latin letters, no word it knows, or three or more function words
//! of French, Spanish, German, Portuguese, Italian or Dutch, more than its English ones) does
//! not get it.

use std::sync::OnceLock;

use serde::Serialize;

use super::fxhash::{FxHashMap, FxHashSet};
use super::text::{tokenize, Token};
use super::Span;

/// The kind of warning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    /// An impression that describes no observed behaviour ("seems smart", "great energy").
    NonBehavioral,
    /// A remark about age, family, health, origin, religion, gender or looks.
    BiasRisk,
}

impl FlagKind {
    /// The stable id used in files: `non_behavioral` or `bias_risk`.
    pub fn id(self) -> &'static str {
        match self {
            FlagKind::NonBehavioral => "non_behavioral",
            FlagKind::BiasRisk => "bias_risk",
        }
    }
}

/// One warning about a note, with a short reason for the interviewer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Flag {
    pub kind: FlagKind,
    /// One sentence: what was found and what to do instead.
    pub reason: String,
    /// The words that raised it, when there are specific ones.
    pub span: Option<Span>,
}

/// Bias-prone phrases by category, separated by `;`. Each phrase is a sequence of words
/// (lowercase, after the tokenizer's expansion); `a|b` lists alternatives; a trailing `*` matches
/// any word start.
const BIAS: &[(&str, &str)] = &[
    ("age", "age; aged; elderly; retirement; retire; retiring; retired; boomer; millennial; millennials; too old; too young; years old; year old; year olds; grey|gray|white hair; grey|gray|greying|graying; older guy|man|woman|lady|candidate|engineer|person|folks|worker|gentleman; bit older; much older; older; old|older|young|younger for; old; long in the tooth; past his|her|their prime; over|under|past|pushing|nearly|almost dozens; early|mid|late 20s|30s|40s|50s|60s|70s|twenties|thirties|forties|fifties|sixties|seventies; dozens; young|energetic guy|man|woman|lady|person|culture|team|candidate|engineer|dev|developer|hire|grad|graduate|talent|blood|gun|crowd|kid|professional|looking|speaker|presenter; fit|match|senior for our|a young team; young and energetic; young and he|she is|was not; younger guy|man|woman|lady|person|candidate|engineer|team|crowd|folks|people|than; looks young|old; looks|looked very|too|barely|so young|old|older|younger|youthful; very young; so young; bit younger; much younger; young; younger; youngster; youngsters; youthful; energetic; fresh blood; fresh faced; fresh out of; recent|fresh grad|graduate|grads|graduates; recent college|university|uni grad|graduate; out of college; out of school; out of university; out of uni; digital native; gen z; over the hill; years left in his|her|their career; years left in him; working years left; overqualified; set in his|her|their ways; in his|her|their 20s|30s|40s|50s|60s|70s|twenties|thirties|forties|fifties|sixties|seventies; in his|her|their early|mid|late 20s|30s|40s|50s|60s|70s|twenties|thirties|forties|fifties|sixties|seventies; dozens something"),
    ("family or parental status", "kids; children; toddler*; newborn; baby; babies; daycare; childcare; child care; school run; childless; grandkids; grandchildren; widow; widowed; widower; single; got engaged; recently|just|newly engaged; mom; mum; mother; moms; mothers; dad; father; dads; fathers; parent; parents; parenthood; married; marriage; wife; husband; spouse; fiance; fiancee; divorced; divorce; a|her|his|their family; family plans|planning|commitments|obligations|reasons|situation|life; maternity; paternity; parental leave"),
    ("pregnancy", "pregnant; pregnancy; expecting a baby; expecting"),
    ("language, accent or speech", "accent; accents; accented; first language; native speaker; native english; non native; native level|fluency|proficiency; second language; english is not; english isn't; broken english; barely|hardly|poor|weak|bad|limited|rough|shaky|halting|basic|fluent|perfect|excellent|heavy english; his|her|their english; english skills|proficiency|fluency|ability; speaks|spoke|speak|speaking english; english was|is hard|poor|weak|limited|bad|difficult|rough|shaky; language barrier|barriers; english; stutter*; lisp; voice; soft spoken"),
    ("appearance", "appearance; his|her|their looks; good looks; looks aside; polished|professional look|looks; looks|looked professional|unprofessional|polished|presentable|scruffy|tired; looks|looked very|so|quite|too professional|unprofessional|polished|presentable|scruffy|tired; overweight; fat; obese; skinny; attractive; good looking; handsome; beautiful; pretty girl|woman|face; well dressed; well groomed; presentable; unkempt; scruffy; disheveled|dishevelled; sharp dresser; dress sense; dresses well|nicely|sharply|professionally; dressed; outfit; clothes; tattoo*; piercing*; hair; beard; looks the part; height; makeup; weight; hoodie; hoodies; flip flop*; flipflop*; sweatpants; sweatshirt; sneakers; jeans; t shirt; tshirt; in a suit; wore a suit; wearing a suit"),
    // Where someone studied or worked before says nothing of what they did in the interview, and
    // it favours those who look like the interviewer's own path (affinity bias). Worded about the
    // candidate's path, not the work: "helped a bootcamp grad ramp up" is mentoring.
    ("education or former employer", "college degree; cs degree; computer science degree; no degree; without a degree; real degree; degree from; self taught; went to a bootcamp; only a bootcamp; ivy league; top tier school|schools|university|universities|college|colleges|company|companies|firm|firms; top school|schools|university|universities; ex google|facebook|meta|amazon|apple|microsoft|netflix; faang; stanford; harvard; pedigree; went to stanford|harvard|mit|berkeley|oxford|cambridge|princeton|yale; graduated from"),
    ("nationality or origin", "for someone|somebody from *; surprisingly|unexpectedly articulate|eloquent|fluent; surprisingly|unexpectedly well spoken; really from; from originally; where he|she|they is|was|are from; where he|she|they from; where is|was|are he|she|they from; citizen; citizens; green card; work permit; foreign; foreigner; foreigners; immigrant; immigrants; immigration; visa; citizenship; nationality; ethnic; ethnicity; race; racial; not from here; originally from; from here originally; country of origin; cultural adjustment; studied|born|raised|grew|educated in|up; he|she|they|is|are|being russian|indian|chinese|mexican|african|asian|arab|latino|latina|hispanic|nigerian|pakistani|brazilian|polish|ukrainian|korean|japanese|vietnamese|filipino|iranian|turkish|european|american|british|french|german|italian|spanish|israeli|irish; russian|indian|chinese|mexican|african|asian|arab|latino|hispanic guy|man|woman|lady|people|folks|candidate|accent|background|name; from india|china|russia|mexico|nigeria|pakistan|bangladesh|brazil|poland|ukraine|korea|japan|vietnam|philippines|iran|iraq|turkey|israel|ireland|germany|france|italy|spain|portugal|romania|egypt|kenya|ghana|ethiopia|colombia|argentina|venezuela|cuba|africa|asia|europe|overseas|abroad"),
    ("religion", "church; mosque; temple; synagogue; religious; religion; pray; prays; praying; prayer; prayers; ramadan; fasting; muslim; christian; jewish; jew; hindu; sikh; buddhist; atheist; sabbath; kosher; halal; headscarf; hijab; turban; yarmulke; kippah; faith; bible; quran; devout; pious; catholic; mormon; evangelical"),
    ("gender", "for a|an woman|girl|lady|female; as a woman; woman|female|lady|girl engineer|developer|candidate|dev; typical woman|women|female|girl|girls|lady; like a girl; girl; girls; the guys; of the guys; gender; maternal; motherly; feminine; masculine; male dominated; bossy; emotional; shrill; aggressive for"),
    ("health or disability", "adhd; autism; autistic; asperger*; dyslexia; dyslexic; disability; disabled; wheelchair; blind; deaf; hearing aid; medical leave; sick leave; medical condition; illness; chronic; cancer; depression; depressed; anxiety; mental health; diabetes; diabetic; health; health issues|problems|condition; therapy; medication; crutches; surgery; sick; on the spectrum; neurodivergent; bipolar; ptsd; hearing|visually impaired; mental illness; a cane"),
    ("sexual orientation", "gay; lesbian; bisexual; queer; transgender; boyfriend; girlfriend; same sex"),
];

/// One compiled bias phrase: its category and, per word, the alternatives (a trailing `*` marks
/// a prefix).
struct Phrase {
    category: &'static str,
    elements: Vec<Vec<&'static str>>,
}

/// The compiled bias lexicon: phrases indexed by their exact first words, plus the phrases whose
/// first word is a prefix pattern.
struct BiasLexicon {
    phrases: Vec<Phrase>,
    /// Keyed by `String`, like the cue lexicon's index, so that both share one copy of the
    /// hash map code in the wasm.
    by_first: FxHashMap<String, Vec<usize>>,
    prefixed: Vec<usize>,
}

fn bias_lexicon() -> &'static BiasLexicon {
    static LEX: OnceLock<BiasLexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut lex = BiasLexicon { phrases: Vec::new(), by_first: FxHashMap::default(), prefixed: Vec::new() };
        for (category, phrases) in BIAS {
            for phrase in phrases.split(';').map(str::trim).filter(|p| !p.is_empty()) {
                let elements: Vec<Vec<&'static str>> = phrase.split(' ').map(|e| e.split('|').collect()).collect();
                let idx = lex.phrases.len();
                for alt in elements.first().into_iter().flatten() {
                    if alt.ends_with('*') {
                        lex.prefixed.push(idx);
                    } else {
                        lex.by_first.entry(alt.to_string()).or_default().push(idx);
                    }
                }
                lex.phrases.push(Phrase { category, elements });
            }
        }
        lex.prefixed.dedup();
        lex
    })
}

/// Whether a pattern element matches a word.
fn element_matches(element: &[&str], word: &str) -> bool {
    // By bytes ('*' is ASCII): asked for every word of every note, and `strip_suffix` decodes
    // the last character of each alternative first.
    element.iter().any(|alt| match alt.as_bytes().split_last() {
        Some((b'*', prefix)) => word.as_bytes().starts_with(prefix),
        _ => *alt == word,
    })
}

/// Finds bias-prone phrases: (category, first token, last token), one per category.
fn bias_matches(text: &str, tokens: &[Token]) -> Vec<(&'static str, usize, usize)> {
    let lex = bias_lexicon();
    let mut out: Vec<(&'static str, usize, usize)> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let exact = lex.by_first.get(t.word.as_str()).map_or(&[][..], Vec::as_slice);
        for &p in exact.iter().chain(lex.prefixed.iter()) {
            let Some(phrase) = lex.phrases.get(p) else { continue };
            let found = out.iter().position(|(c, _, _)| *c == phrase.category);
            // One flag per category; a later phrase of it that overlaps the one found ("Looks
            // very", then "very young") widens the words quoted.
            if found.is_some_and(|f| out[f].2 < i) {
                continue;
            }
            let ok =
                phrase.elements.iter().enumerate().all(|(k, e)| {
                    tokens.get(i + k).is_some_and(|u| u.clause == t.clause && element_matches(e, &u.word))
                });
            if !ok || !plausible(text, tokens, i, phrase.elements.len()) {
                continue;
            }
            let last = i + phrase.elements.len() - 1;
            if let Some(f) = found {
                // (Not to a function word: "Too old" rather than "Too old for".)
                if !tokens[last].stop {
                    out[f].2 = out[f].2.max(last);
                }
                continue;
            }
            // Kept ordered by (first token, category), a unique key, by insertion: a sort would
            // bring its own copy of the sort code (about 1 KB of wasm) for a handful of items.
            let at = out.partition_point(|(c, first, _)| (*first, *c) < (i, phrase.category));
            out.insert(at, (phrase.category, i, last));
        }
    }
    out
}

/// Rules out technical or everyday uses of a word that shares its form with a protected trait.
fn plausible(text: &str, tokens: &[Token], i: usize, len: usize) -> bool {
    let word = tokens.get(i).map_or("", |t| t.word.as_str());
    let next = tokens.get(i + 1).map_or("", |t| t.word.as_str());
    let prev = if i == 0 { "" } else { tokens.get(i - 1).map_or("", |t| t.word.as_str()) };
    match word {
        // "He is quite old for a startup", "Pretty old for this role", "too young to lead": age
        // said of a person. "The service is too old for the new runtime", "too old a version",
        // "Her old team": of a thing. So the words before must lead back to a person or to the
        // start of the clause, and a fragment must not be about a thing ("old for a codebase").
        "old" | "older" | "young" | "younger" if len == 2 && next == "for" => (person_subject(tokens, i, true) || named(text, tokens, i)) && !work_thing_near(tokens, i + 2, 3),
        // A fragment's "too old to be maintained" (upgraded, patched, supported) is a thing's:
        // "too old to be maintained, she replaced the cron jobs" (not "too old to be retrained").
        "too" if len == 2 => {
            !one_of("a an", next_in_clause(tokens, i, 2))
                && (subject_at(tokens, i).map_or(
                    !done_to_thing(next_in_clause(tokens, i, 3), next_in_clause(tokens, i, 4)),
                    |k| person_at(tokens, k),
                ) || named(text, tokens, i + 1))
                && !work_thing_near(tokens, i + 3, 3)
        }
        // "He's old and slow", "She seems a bit old to learn a new stack": a person, never a
        // fragment ("Old API, needs an upgrade").
        // ("they" is as often the libraries as the candidate: "they are old and unmaintained";
        // but only a person changes careers or is a junior, said within the next few words: "They
        // seem old to be switching careers", "They seem old to be a junior".)
        "old" => (person_subject(tokens, i, false) || named(text, tokens, i))
            && (!tokens[..i].iter().rev().take(3).any(|t| t.word == "they") || tokens.iter().skip(i).take(5).any(|t| one_of("career junior", &t.stem)))
            && match next_in_clause(tokens, i, 1) {
                // ("old to learn", not "old to this codebase": a verb after "to".)
                "to" => !one_of(DETERMINERS, next_in_clause(tokens, i, 2)) && !one_of(OWNERS, next_in_clause(tokens, i, 2)),
                n => ends_or(n, CONJ),
            },
        // A bare age: "He is 58 and ...", "he's 62", "she is forty". Not "latency was 58", "He
        // is 3 weeks in" or "is 58 ms faster": a number from 16 to 99 after a verb of being of a
        // person, ending its clause or followed by a conjunction.
        "dozens" if len == 1 => {
            bare_age(text, tokens, i)
                && one_of("is was he she they turned turns turning nearly almost only just", prev)
                && person_subject(tokens, i, false)
                && (ends_or(next_in_clause(tokens, i, 1), CONJ) || one_of("years yrs yo", next))
        }
        // "Over 50 but sharp", "he's under 30": not "over 50 services", "under 30 minutes",
        // "over 20 years of experience" or "handled over 50".
        "over" | "under" | "past" | "pushing" | "nearly" | "almost" if len == 2 => {
            bare_age(text, tokens, i + 1)
                && person_subject(tokens, i, true)
                && ends_or(next_in_clause(tokens, i, 2), CONJ)
                && next_in_clause(tokens, i, 3) != "counting"
        }
        // "late forties", "she's in her mid-50s" (that one as "in her"): of a person, not "the
        // late 50s of latency".
        "early" | "mid" | "late" if len == 2 => person_subject(tokens, i, true),
        // "a 58-year-old candidate", "58 years old", "he is 58 years old": a person. "a
        // 10-year-old codebase", "the codebase is 10 years old": a thing.
        "year" | "years" if next == "old" => {
            let after = next_in_clause(tokens, i, 2);
            let at = if i > 0 && tokens.get(i - 1).is_some_and(|t| Some(t.clause) == tokens.get(i).map(|u| u.clause)) { i - 1 } else { i };
            one_of("candidate guy man woman lady person engineer dev developer hire applicant mom dad", after)
                || ((after.is_empty() || tokens.get(i + 2).is_some_and(|t| t.stop)) && person_subject(tokens, at, true))
        }
        // "Aged 61", "middle-aged": not "aged the cache entries out".
        "aged" => prev == "middle" || tokens.get(i + 1).is_some_and(|t| t.word == "dozens" || text.get(t.start..t.end).is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))),
        // "articulate for someone from there", "for someone from Nigeria": a backhanded
        // compliment about origin. Not "for someone from the data team" or "from outside".
        "for" if len == 4 && one_of("someone somebody", next) => origin_place(tokens.get(i + 3).map_or("", |t| t.word.as_str())),
        // "Where is he really from?", "where's she from originally": not "it is really from the
        // cache".
        "really" | "from" if len == 2 && one_of("from originally", next) => {
            let clause = tokens.get(i).map(|t| t.clause);
            // "where" within four words before, with a person between it and here.
            let mut person = false;
            tokens[..i].iter().rev().take(4).take_while(|t| Some(t.clause) == clause).any(|t| {
                person |= one_of("he she they candidate", &t.word);
                t.word == "where" && person
            })
        }
        // "She is a parent of two", "a single parent", "her parents": a family. "The parent
        // supervisor never reaped its child processes", "a parent commit": a thing's parent,
        // named before another noun. Likewise "the component re-renders its children".
        "parent" | "parents" => {
            let prev2 = if i >= 2 { tokens[i - 2].word.as_str() } else { "" };
            !one_of("node nodes process class component company org team ticket epic commit branch directory folder", next)
                && (one_of("her his their single working new busy proud young elderly aging ageing as being become became becoming", prev)
                    || (one_of("a an", prev) && one_of("as is was being", prev2))
                    || ends_or(next_in_clause(tokens, i, 1), "of and so but or now already yet though who"))
        }
        // "He is single so can travel": not "single-threaded", "a single node".
        "single" => {
            !hyphenated(text, tokens, i, i + 1)
                && one_of("is was he she still", prev)
                && person_subject(tokens, i, false)
                && ends_or(next_in_clause(tokens, i, 1), CONJ)
        }
        // "recently engaged, may relocate", "got engaged": not "engaged the security team".
        "got" | "recently" | "just" | "newly" if len == 2 => ends_or(next_in_clause(tokens, i, 2), "to and so but last recently"),
        // "she's expecting in the spring": not "expecting traffic spikes".
        "expecting" if len == 1 => {
            person_subject(tokens, i, false)
                && ends_or(next_in_clause(tokens, i, 1), "soon in twins again this next later and so but")
        }
        // "not a US citizen", "citizens only": not "a first-class citizen", "a good citizen of the
        // codebase", "the citizen-facing KPI".
        "citizen" | "citizens" => {
            !one_of("class first second good corporate", prev)
                && ends_or(next_in_clause(tokens, i, 1), "and so but yet or only now")
                && !hyphenated(text, tokens, i, i + 1)
        }
        // "on the spectrum": not "on the spectrum of options".
        "on" if len == 3 => !one_of("of between from", next_in_clause(tokens, i, 3)),
        // Health said of a teammate ("covered on-call for a teammate through their cancer
        // treatment") is how the candidate supports others.
        "cancer" | "illness" | "depression" | "anxiety" | "medical" | "diabetes" | "diabetic" | "mental" => !said_of_others(tokens, i, len),
        // "age-out of old records", "max-age", "the age of the data", "the age distribution of
        // open tickets", "ticket age": a compound or a thing's age, not a person's.
        "age" if len == 1 => {
            let compound = hyphenated(text, tokens, i, i + 1) || (prev != "middle" && i > 0 && hyphenated(text, tokens, i - 1, i));
            !(compound
                || one_of("out off distribution histogram column verification", next)
                || one_of("ticket message cache data max", prev)
                || (next == "of" && work_thing_after(tokens, i, 2)))
        }
        // "in his 50s" is matched as words; "30-something" reaches here as "dozens something":
        // a decade said of a person, not "30-something services".
        "dozens" => {
            let raw = tokens.get(i).and_then(|t| text.get(t.start..t.end)).unwrap_or("");
            let decade = one_of("20 30 40 50 60 70 twenty thirty forty fifty sixty seventy", raw.to_ascii_lowercase().as_str());
            let after = tokens.get(i + 2).filter(|t| Some(t.clause) == tokens.get(i).map(|u| u.clause));
            // A singular person ("a 30-something engineer"); a plural is a count ("30-something
            // engineers" on a team).
            let of_person = after.is_none_or(|t| {
                t.stop || (is_person_noun(&t.word) && !t.word.ends_with('s')) || one_of("guy man woman lady", &t.word)
            });
            decade && of_person && (describes_candidate(tokens, i) || person_context(tokens, i))
        }
        // Parental leave and speaking English natively are the candidate's business when said of
        // them, but "supporting a teammate returning from parental leave" or "clear with the
        // non-native English speakers" describes how they work with others.
        "parental" | "native" | "non" | "second" => !said_of_others(tokens, i, len),
        // "in his 50s" of the candidate; "mentored two juniors in their 20s" of others.
        "in" => !said_of_others(tokens, i, len),
        // "she is from India", "his family is originally from Poland": a person's origin. "the
        // team from India", "traffic came from Brazil", "moved from Japan region to US region",
        // "From Japan, latency was 300ms": places, not people. So: a word for the candidate
        // earlier in the clause, a verb of being or coming just before, and the country not
        // qualifying a noun after it ("Poland office", "Spain-based hosting").
        "from" => {
            let clause = tokens.get(i).map(|t| t.clause);
            let person = tokens[..i].iter().rev().take_while(|t| Some(t.clause) == clause).take(5).any(|t| {
                one_of("he she his her cand candidate", &t.word)
            });
            // ("she's from" reaches here as "she from": the tokenizer drops the 's.)
            let verb = one_of("is was originally moved relocated came comes immigrated he she", prev);
            let after = tokens.get(i + 2).filter(|t| Some(t.clause) == clause);
            let bare = after.is_none_or(|t| t.stop) && !hyphenated(text, tokens, i + 1, i + 2);
            person && verb && bare
        }
        "race" => one_of("his her their of on by", prev) && !one_of("condition conditions detector free", next),
        "disabled" => one_of("is was being a physically", prev) || one_of("person candidate veteran people", next),
        "weight" => one_of("his her their lose lost gained", prev),
        "voice" => one_of(OWNERS, prev),
        // ("she's older": the tokenizer keeps "she" of "she's"; "Older clients break on the new
        // SDK", "Older versions leaked": things, a word of content after it, but people:
        // "Older candidates tend to struggle here", "The older candidates we saw were slower";
        // not "The older engineers on the team helped her", others described.)
        "older" if len == 1 => {
            (i == 0 || one_of("is was bit much an he she", prev) || prev == "the" && next == "candidates")
                && (tokens.get(i + 1).is_none_or(|t| t.stop || t.clause != tokens[i].clause) || person_at(tokens, i + 1))
        }
        // "young and energetic", "she's young", "She is very energetic": about the person. "the
        // young service", "young kids" (a family remark, caught as such), "an energetic
        // debugging session", "Young team: ...", "the team is young and she ...": not about the
        // candidate's age (a thing after it, or as the subject before it past the hedges). A
        // young team in a fit verdict or a contrast is a phrase ("too senior for our young
        // team", "our team is young and she is not"); "energetic" before a person is too
        // ("Energetic speaker", "An energetic engineer."). A subject the lexicons know is a
        // thing ("Kubernetes was young when she adopted it"); a name is a person ("Juan is
        // young.": `named`).
        "young" | "younger" | "energetic" if len == 1 => {
            let clause = tokens.get(i).map_or(0, |u| u.clause);
            let next = tokens.get(i + 1).filter(|t| t.clause == clause);
            let at = subject_at(tokens, i);
            // (A plural is described, not judged: "The juniors are young and eager; gave them
            // starter tickets".)
            let person = at.is_none_or(|k| person_at(tokens, k) && !tokens[k].word.ends_with('s'));
            // A subject that is no person is a thing when the lexicons or [`THINGS`] know it, or
            // when a determiner opens its noun phrase, one or two words before it, which a name
            // never has ("The lead time seems young", "Our dev environment is young"; not "Her
            // face looks young", "The candidate's face looks young": someone's).
            let det = |k: usize| tokens.get(k).is_some_and(|t| one_of(DETERMINERS, &t.word));
            let thing = |k: usize| {
                tokens.get(k).is_some_and(|s| one_of(THINGS, &s.word) || tech(s) || !s.stop && (det(k.wrapping_sub(1)) || det(k.wrapping_sub(2)) && !(tokens[k - 1].stop || one_of(PERSONS, &tokens[k - 1].word))))
            };
            next.is_none_or(|t| t.stop || one_of("ish looking", &t.word))
                && (person || !at.is_some_and(thing))
                && (clause_initial(tokens, i)
                    || person_context(tokens, i)
                    || person
                    || named(text, tokens, i)
                    || one_of("seem seems quite pretty rather fairly really still relatively", prev))
        }
        // A young team is a fit verdict ("Better suited to a young team", "Would fit well in a
        // younger team") but as the label of the team she joined ("Young team: she onboarded
        // three new hires") or what she did something for ("She built the onboarding docs for
        // our young team": an action earlier in the clause) or what did something ("The young
        // team shipped the feature, she led the rollout": an action right after it, not "needs"
        // or "ships", a fit remark's present); an energetic one is a thing of its work.
        "young" | "younger" | "energetic" if len == 2 && next == "team" => {
            let clause = tokens.get(i).map(|t| t.clause);
            word != "energetic"
                && !text.get(tokens.get(i + 1).map_or(0, |t| t.end)..).unwrap_or("").trim_start().starts_with(':')
                && !tokens.iter().enumerate().any(|(k, t)| {
                    (k < i || k == i + 2 && !t.word.ends_with('s')) && Some(t.clause) == clause && lexicon_hit(&word_sets().0, &t.stem)
                })
        }
        // ("our team is young and she is not", "... she is not so she may struggle"; not "...
        // she is not afraid to push back", "... she is not so sure".)
        "young" if len == 5 => {
            let n = next_in_clause(tokens, i, 5);
            n.is_empty() || one_of(CONJ, n) && one_of("he she we they i it", next_in_clause(tokens, i, 6))
        }
        // ("The young candidate fixed the bug": the candidate is the one interviewed, whoever
        // says it; "mentored a young engineer" is someone else, and so are "coached a young
        // candidate", "ran the young candidate program" and "The young candidate pool".)
        "young" | "younger" if one_of("candidate engineer dev developer hire grad graduate professional", next) => {
            describes_candidate(tokens, i)
                || next == "candidate"
                    && i >= 1
                    && clause_initial(tokens, i - 1)
                    && one_of("the this our", &tokens[i - 1].word)
                    && !one_of("pool pools program programs programme pipeline pipelines", next_in_clause(tokens, i, 2))
        }
        // "she's a recent grad", "Recent graduate, ...": describes the candidate. "mentored a
        // recent grad", "onboards recent grads": describes the people they work with.
        // Plural ("Recent grads on the team found ...") is about other people, even at the start.
        "recent" | "fresh" if len >= 2 && next != "out" && next != "blood" && next != "faced" => {
            !next.ends_with('s') && describes_candidate(tokens, i)
        }
        // ("fresh out of a migration project": a piece of work ends its clause; not "fresh out of
        // a data science bootcamp".)
        "fresh" if len == 3 => {
            !one_of("ideas time options patience money budget steam runway", tokens.get(i + 3).map_or("", |t| t.word.as_str()))
                // (The head of what follows: "a migration project" ends in work, "a PhD and ..." not.)
                && !{
                    let mut k = i + 3;
                    while tokens.get(k).is_some_and(|t| t.stop) {
                        k += 1;
                    }
                    while tokens.get(k + 1).is_some_and(|t| !t.stop && t.clause == tokens[i].clause) {
                        k += 1;
                    }
                    tokens.get(k).is_some_and(|t| t.clause == tokens[i].clause && lexicon_hit(&word_sets().1, &t.stem))
                }
        }
        // "retired the old API", "the retirement of the legacy billing service", "retired the
        // old cron jobs": systems are retired too. Of a person ("a few years from retirement", "she is retiring the year
        // after next"), age: so only a thing of work right after it rules it out.
        // Retiring "from" the team, the company, work, is a person's; from a project, an API or a
        // team's on-call, a duty's end ("Retiring from the old API was her idea").
        "retirement" | "retire" | "retiring" | "retired" if len == 1 => {
            next_in_clause(tokens, i, 1) == "from"
                && ((2..4).any(|k| one_of("team company industry workforce work job", next_in_clause(tokens, i, k)))
                    || !work_thing_after(tokens, i + 1, 1))
                || !work_thing_after(tokens, i, 1)
        }
        // "accented characters in the search index", "an accent colour": text and design. The
        // next word must be in the same clause: "Strong accent, text was hard to follow".
        "accent" | "accents" | "accented" if len == 1 => !one_of(
            "character characters char chars letter letters glyph glyphs mark marks string strings text input names search insensitive \
             folding color colour colors colours bar border",
            next_in_clause(tokens, i, 1),
        ),
        // "a family of microservices": a kind of thing. "a family of five": someone's family.
        "a" if len == 2 => !(tokens.get(i + 2).is_some_and(|t| t.word == "of") && work_thing_after(tokens, i, 3)),
        // "the kids education app", "child nodes", "re-renders its children": a product or a
        // tree. "her kids", "two children": the candidate's family, whatever follows.
        "kids" | "children" | "child" if len == 1 => {
            one_of("her his their my our your two three four five young small little", prev)
                || prev != "its" && !one_of(
                    "education educational app apps product products game games content platform site website mode section account \
                     accounts feature features market segment catalog catalogue video videos books learning profile profiles node nodes \
                     element elements component components process processes thread threads task tasks table tables record records span \
                     spans ticket tickets of",
                    next_in_clause(tokens, i, 1),
                )
        }
        // "Looks very young", "he looked tired": the candidate. "The dashboard she built looks
        // very polished", "the old UI looked tired": a thing of work.
        "looks" | "looked" if len >= 2 => clause_initial(tokens, i) || person_subject(tokens, i, true),
        // Not "the appearance of the bug", not "made an appearance at every review".
        "appearance" => next != "of" && prev != "an",
        // "a polished look" of a dashboard is design work; of the candidate, appearance.
        "polished" | "professional" => person_context(tokens, i) || describes_candidate(tokens, i),
        // "He's very attractive", "Very attractive.", "an attractive woman": the candidate, whom
        // a note is about when it names nothing else. Not a thing named after it ("attractive
        // pricing", "an attractive API"), before it ("the offer was attractive", "found it
        // attractive") or as a label ("Pricing: attractive"), nor what appeals "to" someone.
        "attractive" => {
            let label = text.get(..tokens.get(i).map_or(0, |t| t.start)).unwrap_or("").trim_end().ends_with(':');
            one_of("candidate guy man woman lady girl person face smile", next)
                || (next_in_clause(tokens, i, 1).is_empty() || tokens.get(i + 1).is_some_and(|t| t.stop) && next != "to") && person_subject(tokens, i, !label)
        }
        // A label of the trait, graded: "English: broken.", "Health: bad back", "Health: not
        // great"; not "English copy: weak", "Health: green", "Health: poor on the ingest
        // cluster", nor a service's health, told by a word of monitoring in the eight words
        // after the grade, whole ("Health: good, covered readiness probes", "Health: poor; she
        // proposed circuit breakers"; not "apparently", "not alert" or "the system design round").
        "english" | "health" if len == 1 => {
            clause_initial(tokens, i)
                && matches!(tokens.get(i..i + 2), Some([l, g]) if l.clause != g.clause && label_gap(text, l, g)
                    && one_of("broken bad poor weak limited basic thick heavy halting shaky rough strong good fluent lacking none not concerning tired", &g.word))
                && if word == "health" {
                    !tokens.iter().skip(i + 2).take(8).any(|t| {
                        one_of("service services endpoint endpoints probe probes cluster clusters monitoring monitors dashboard dashboards alerting alerts check checks pod pods node nodes server servers uptime latency breaker breakers readiness liveness", &t.word)
                    })
                } else {
                    !work_thing_after(tokens, i + 1, 0)
                }
        }
        "blind" | "sick" | "chronic" | "emotional" | "fasting" | "faith" | "temple" | "hair" | "dressed" | "height" | "therapy"
        | "surgery" => person_context(tokens, i) && !said_of_others(tokens, i, len),
        _ => true,
    }
}

/// Walks back from token `i` over copulas, hedges and degree words ("is", "seems", "quite", "a
/// bit", "probably", "too"): true when that leads to a person ("he", "she", "the candidate", "the
/// developer": [`person_at`]) or, if `fragment`, to the start of the clause ("Pretty old for
/// this role"); false at a thing ("the scheduler was too old").
fn person_subject(tokens: &[Token], i: usize, fragment: bool) -> bool {
    subject_at(tokens, i).map_or(fragment, |k| person_at(tokens, k))
}

/// The word at `k` is a person: one of [`PERSONS`], or of [`ROLES`] but not someone else's
/// ("her manager", "his hiring manager": [`OWNERS`] one or two words before it), and a manager
/// only as "the (new) manager": a compound is a thing or someone else ("the package manager",
/// "our manager", "the product manager"); or an "and"
/// or "but" opening its clause before a hedge, or before a verb of being or a modal without a
/// comma ("He debugged the race condition but is kind of old for the team"), with no other
/// subject's copula in the words before ("She found the library was unmaintained, and is too
/// old for our stack": the library's), in a note whose first word is a person or an
/// action: their shared subject ("She designed the cache, wrote the tests, and is too young for
/// this"; not "Finished all three parts, but lacks polish", which may be the work's).
#[inline(never)]
fn person_at(tokens: &[Token], k: usize) -> bool {
    let w = |j: usize| tokens.get(j).map_or("", |t| t.word.as_str());
    // A plural ("the interns", "these candidates") or "they" is the candidate's group or the
    // candidate only in a note that calls no one "he" or "she": beside them, it is others, or
    // things ("They were too old to support the new API, so she replaced them").
    let one = w(k).strip_suffix('s').filter(|s| one_of(ROLES, s) || one_of(PERSONS, s)).unwrap_or(w(k));
    let open = |j: usize| one_of("the a an this that new", w(j));
    let alone = !tokens.iter().any(|t| one_of("he she", &t.word));
    (one_of(PERSONS, one)
        || one_of(ROLES, one)
            && !one_of(OWNERS, w(k.wrapping_sub(1)))
            && !one_of(OWNERS, w(k.wrapping_sub(2)))
            // "the (new) manager", "the leads"; "the hiring manager", "the tech lead", "Team lead
            // ...", "hiring manager is ...", "staff eng ...": as often someone else as the
            // candidate, so, like a plural, alone.
            && match one {
                "manager" | "lead" | "engineering" => {
                    alone
                        && (one != "engineering" && open(k.wrapping_sub(1)) && (one == "manager" || one != w(k))
                            || one_of("hiring engineering tech team developer staff senior principal", w(k.wrapping_sub(1)))
                                && (open(k.wrapping_sub(2)) || clause_initial(tokens, k.wrapping_sub(1))))
                }
                _ => true,
            })
        && (one == w(k) && w(k) != "they" || alone)
        || k > 0
            && one_of("and but", w(k))
            && (clause_initial(tokens, k) && one_of(HEDGES, w(k + 1)) || one_of(BEING, w(k + 1)))
            && tokens.get(k.saturating_sub(8).max(2)..k).is_none_or(|s| !s.iter().any(|t| one_of(BEING, &t.word)))
            && (person_at(tokens, 0) || lexicon_hit(&word_sets().0, &tokens[0].stem))
}

/// A verb of being or a modal: what a subject-less "and" or "but" goes on with ("... but is too
/// old", "... and might be too young"), and what another subject's clause has.
const BEING: &str = "is was are were seems seemed looks looked might may could";

/// Words that give a person or a thing to someone else ("her manager", "her face").
const OWNERS: &str = "her his their";

/// Words that open a noun phrase, which a name never has ("the lead time", "this codebase").
const DETERMINERS: &str = "the a an this that these those our its your my";

/// The words [`person_subject`] reads as the candidate.
const PERSONS: &str = "he she they candidate cand guy man woman lady person kid boy student";

/// People by their role, which the lexicons know as words of work: "The developer seems young",
/// "The manager seems young" are said of a person, not a thing; but not of the candidate when
/// someone's ("Her manager seems young, so she set up the process herself": [`person_at`]). A
/// manager, a lead and a "staff eng" (read "staff engineering") are the candidate only in a
/// note with no "he" or "she" ("The manager seems young, so she set up the process herself" is
/// her manager's age, someone else's): "the (new) manager", "the leads" (a plural: "The lead
/// time seems young" is a metric), or after "hiring", "tech", "team", "dev", "eng" (read
/// "developer", "engineering"), "staff", "senior" or "principal" that opens its noun phrase or
/// clause ("hiring manager is too young to judge this", "staff eng seems young"). A plural is a
/// person too ("The interns are too young"), in a note with no "he" or "she".
const ROLES: &str =
    "engineer developer dev manager lead engineering hire intern junior senior applicant interviewee grad graduate professional";

/// The word that walking back from token `i` over [`HEDGES`] leads to in its clause, by its
/// index: `None` at the clause's start (or past six of them).
fn subject_at(tokens: &[Token], i: usize) -> Option<usize> {
    let clause = tokens.get(i)?.clause;
    (i.saturating_sub(6)..i)
        .rev()
        .map_while(|k| tokens.get(k).filter(|t| t.clause == clause).map(|t| (k, t)))
        .find(|(_, t)| !one_of(HEDGES, &t.word))
        .map(|(k, _)| k)
}

/// Walking back from token `i` as [`subject_at`] does, a one-word subject that is a name: the
/// note's first word before a singular copula ("Juan is young", "maria looks old", "priya was
/// old for the role"), written as a name (its second character no capital or digit: not
/// "COBOL", "S3"), no word of the lexicons (not "Python", "Redis", "Latency": [`tech`]) nor of
/// [`THINGS`] (not "Perl", "Dashboard"); and the note says nothing else, past "for ..." or "to
/// ..." in the clause (not a thing's use: "Ruby is old for this kind of workload", where a name
/// is as likely a technology; but "Priya is too old for this workload") or a last clause of
/// "he"/"she"/"they" and a modal, or "so" and how they do something.
/// A word neither knows reads as a name ("Bamboo is old." is knowingly flagged as age), so only
/// alone in its note, where a thing's note is mostly `non_behavioral` anyway: not "Bamboo is
/// old, she moved CI to GitHub Actions".
fn named(text: &str, tokens: &[Token], i: usize) -> bool {
    // Or a last clause of "he", "she" or "they" (one candidate's, in a note about them) and a
    // modal, what the age is said to bring: "Juan is young, so they may struggle", "Juan is old
    // for the role, so he may struggle", "Juan is old to be a junior, so ..." (not "..., so she
    // moved CI to GitHub Actions"); after "so", a verb and how ("..., so he moved fast").
    let word = |k: usize| tokens.get(k).map_or("", |t| t.word.as_str());
    let c = tokens.get(i).map(|t| t.clause);
    let mut k = i + 1;
    if one_of("for to", word(k)) {
        while tokens.get(k).is_some_and(|t| Some(t.clause) == c) {
            k += 1;
        }
    }
    let so = word(k) == "so";
    let k = k + usize::from(so || one_of("and but", word(k)));
    let on = matches!((tokens.get(k..), tokens.last()), (Some([p, m, rest @ ..]), Some(l)) if one_of("he she they", &p.word)
        && p.clause == l.clause
        && (one_of("may might could would will", &m.word) || so && matches!(rest, [w] if w.word.ends_with("ly") || one_of("fast slow well hard", &w.word))));
    subject_at(tokens, i) == Some(0)
        && matches!((tokens.get(..2), tokens.last()), (Some([t, c]), Some(l)) if one_of("is was looks looked seems seemed", &c.word)
            && (on || l.clause == c.clause)
            && !t.stop
            && !tech(t)
            && !one_of(THINGS, &t.word)
            && text.as_bytes().get(t.start + 1).is_some_and(|&b| b > b'Z'))
        // "for ..." a person, not a thing's use: "Ruby is old for this kind of workload".
        && (on
            // ("Bamboo seemed old to be used here", "to be supported": a thing's use.)
            || word(i + 1) == "to" && !done_to_thing(word(i + 2), word(i + 3))
            || word(i + 1).is_empty()
            || word(i + 1) == "for"
                && !work_thing_near(tokens, i + 2, tokens.len())
                && (word(i.wrapping_sub(1)) == "too" || !tokens[i..].iter().any(|t| one_of("workload traffic load", &t.stem))))
}

/// "to be maintained" (upgraded, patched, supported, used): what is done to a thing, not to a
/// person ("too old to be maintained, she replaced the cron jobs", "Bamboo seemed old to be used
/// here"; not "too old to be retrained").
fn done_to_thing(be: &str, verb: &str) -> bool {
    be == "be" && one_of("maintained upgraded patched supported used", verb)
}

/// Things said to be young or old that the lexicons do not know: "Dashboard looks old", "Vue
/// is young but she made it work", "Hadoop is old". Not a thing that is also a first name
/// ("Ruby", "Django", "Julia", "Pascal", "Travis").
const THINGS: &str = "team company startup org product codebase code service system app dashboard branding equipment laptop website server repo monolith setup resume version experience syntax portfolio background degree knowledge skillset technology field ecosystem everything perl jenkins vue node elixir php cobol grafana
     haskell erlang hadoop jquery fortran angular rails struts flask webpack mongo mainframe windows unix excel oracle";

/// A content word the detector knows: a negator, an impression, an action or a work noun.
fn known(t: &Token) -> bool {
    let sets = word_sets();
    super::text::is_negator(&t.word)
        || impression_words().contains(t.word.as_str())
        || lexicon_hit(&sets.0, &t.stem)
        || lexicon_hit(&sets.1, &t.stem)
}

/// A content word of the lexicons, or the first word of a cue ("python", "redis", "kafka",
/// "framework"): a thing of work, not a person's name.
fn tech(t: &Token) -> bool {
    !t.stop && (known(t) || super::cues::lexicon().by_first.get(&t.stem).is_some_and(|p| !p.is_empty()))
}

/// Copulas, hedges and degree words, read past between a person and what is said of them ("she
/// is quite", "presence was a bit lacking", "is definitely leadership material").
const HEDGES: &str = "is was are were be being seems seem seemed looks looked feels felt quite pretty rather fairly very a bit little too way much \
     somewhat kind sort of probably maybe likely definitely just still also already now really perhaps clearly obviously \
     honestly getting well not might may turned turns turning nearly almost only barely over under comes came across as";

/// Words that may follow an age and end what is said of it ("he is 58 and ...").
const CONJ: &str = "and so but or now already yet though ish";

/// `w` is one of the words of `list` (separated by spaces or line breaks).
pub(super) fn one_of(list: &'static str, w: &str) -> bool {
    // Each list is read once into a set, kept by its address and length (the same text: it is
    // static). Scanning the lists was a fifth of the time the flags of a committee took, most
    // of it [`FRAMES`], asked at every word of every note.
    thread_local! {
        static SETS: std::cell::RefCell<Vec<(&'static str, FxHashSet<&'static str>)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    SETS.with(|sets| {
        let mut sets = sets.borrow_mut();
        let at = sets.iter().position(|(l, _)| std::ptr::eq(*l, list)).unwrap_or_else(|| {
            sets.push((list, list.split_ascii_whitespace().collect()));
            sets.len() - 1
        });
        sets.get(at).is_some_and(|(_, set)| set.contains(w))
    })
}

/// `w` ends the clause ("") or is one of the words of `list`.
fn ends_or(w: &str, list: &'static str) -> bool {
    w.is_empty() || one_of(list, w)
}

/// A number of a person's age (16 to 99, in digits or as a word that maps to "dozens").
fn bare_age(text: &str, tokens: &[Token], i: usize) -> bool {
    let Some(t) = tokens.get(i).filter(|t| t.word == "dozens") else { return false };
    let raw = text.get(t.start..t.end).unwrap_or("");
    raw.parse::<u32>().is_ok_and(|n| (16..=99).contains(&n))
        || one_of("twenty thirty forty fifty", &raw.to_ascii_lowercase())
}

/// A place that says where a person comes from: "there", "abroad", or a country of the "from
/// <country>" phrase.
fn origin_place(word: &str) -> bool {
    let lex = bias_lexicon();
    one_of("there abroad overseas that those such", word)
        || lex
            .by_first
            .get("from")
            .into_iter()
            .flatten()
            .filter_map(|&p| lex.phrases.get(p))
            .any(|p| p.elements.len() == 2 && p.elements.get(1).is_some_and(|e| e.len() > 10 && e.contains(&word)))
}

/// A thing of work among the `n` words from `i`, in the clause of `i - 1`: "old for a codebase",
/// "too old for the new runtime"; not a team or a role named by one ("too old for the systems
/// team", "old for the API role": a person's place).
fn work_thing_near(tokens: &[Token], i: usize, n: usize) -> bool {
    let clause = tokens.get(i.wrapping_sub(1)).map(|t| t.clause);
    let mut near = tokens.iter().skip(i).take(n).take_while(|t| Some(t.clause) == clause);
    near.clone().any(|t| {
        "cod servic system api runtim hardwar librar version databas framework"
            .split(' ')
            .any(|w| t.stem.starts_with(w))
    }) && !near.any(|t| one_of("team role job position", &t.word))
}

/// The word after the phrase at `i..i + len`, if it is in the same clause; "" otherwise.
fn next_in_clause(tokens: &[Token], i: usize, len: usize) -> &str {
    let clause = tokens.get(i).map(|t| t.clause);
    tokens.get(i + len).filter(|t| Some(t.clause) == clause).map_or("", |t| t.word.as_str())
}

/// A thing of work (a service, an API, a string...) within the four words after the phrase at
/// `i..i + len`, in its clause: what is being retired, or what a family of things is made of.
fn work_thing_after(tokens: &[Token], i: usize, len: usize) -> bool {
    let clause = tokens.get(i).map(|t| t.clause);
    tokens.iter().skip(i + len).take(4).take_while(|t| Some(t.clause) == clause).any(|t| {
        let s = t.stem.as_str();
        lexicon_hit(&word_sets().1, s) || "cron servic system api endpoint legacy librar module version cluster server charact string node process component packag depend pipelin platform product featur app"
            .split(' ')
            .any(|w| s.starts_with(w) || s.ends_with(w))
    })
}

/// Two tokens are written as one hyphenated word ("age-out").
fn hyphenated(text: &str, tokens: &[Token], a: usize, b: usize) -> bool {
    match (tokens.get(a), tokens.get(b)) {
        (Some(x), Some(y)) => text.get(x.end..y.start) == Some("-"),
        _ => false,
    }
}

/// Nouns for people other than the candidate.
fn is_person_noun(w: &str) -> bool {
    one_of(
        "teammate teammates colleague colleagues coworker coworkers peer peers report reports mentee mentees junior juniors intern \
         interns hire hires member members someone somebody people folks speaker speakers engineer engineers developers employee \
         employees staff customers users manager managers contractor contractors vendor vendors client clients",
        w,
    )
}

/// The phrase at `i..i + len` is said of someone other than the candidate: a person named before
/// it in its clause ("a teammate returning from parental leave"), or the people it qualifies
/// ("the non-native English speakers"). A pronoun after such a person refers to them.
fn said_of_others(tokens: &[Token], i: usize, len: usize) -> bool {
    let Some(clause) = tokens.get(i).map(|t| t.clause) else { return false };
    let before = tokens[..i].iter().rev().take_while(|t| t.clause == clause).any(|t| is_person_noun(&t.word));
    let after = tokens.get(i + len..).unwrap_or(&[]).iter().take(2).take_while(|t| t.clause == clause);
    before || after.filter(|t| !t.stop).any(|t| is_person_noun(&t.word) && t.word.ends_with('s'))
}

/// The token opens its clause: a fragment such as "young and energetic" describes the candidate.
fn clause_initial(tokens: &[Token], i: usize) -> bool {
    i == 0 || tokens.get(i - 1).map(|t| t.clause) != tokens.get(i).map(|t| t.clause)
}

/// The phrase at `i` describes the candidate ("he's a recent grad", "as a recent graduate",
/// "Recent grad, ...") rather than someone else ("mentored a recent grad").
fn describes_candidate(tokens: &[Token], i: usize) -> bool {
    let word = |k: usize| tokens.get(k).map_or("", |t| t.word.as_str());
    let subject = |w: &str| one_of("is was are were he she they being as just only still seems seemed looks looked", w);
    if clause_initial(tokens, i) || subject(word(i.wrapping_sub(1))) {
        return true;
    }
    i >= 2
        && one_of("a an very fairly pretty quite relatively only just", word(i.wrapping_sub(1)))
        && (subject(word(i.wrapping_sub(2))) || clause_initial(tokens, i - 1))
}

/// The word sits near a reference to a person, so an ambiguous word is probably about them.
fn person_context(tokens: &[Token], i: usize) -> bool {
    let clause = tokens.get(i).map_or(0, |t| t.clause);
    let lo = i.saturating_sub(4);
    tokens
        .iter()
        .skip(lo)
        .take(9)
        .filter(|t| t.clause == clause)
        .any(|t| one_of("he she his her him they their candidate guy woman man person seemed looks looked", &t.word))
        || i == 0
}

/// Stems of verbs that report something the candidate did or said.
const ACTIONS: &str = "
ask answer walk explain describe design build write run lead propos suggest handl trac
debug fix implement refactor migrat ship deliver launch coordinat organiz review test measur profil
benchmark diagnos identify spot catch notic mention say tell talk discuss present demo draw
diagram sketch cod pair mentor coach teach onboard interview push disagre negotiat convinc align
escalat prioritiz plan estimat scop cut split choose pick compar weigh consider referenc cit
shar show demonstrat reason clarify question challeng simplify optimiz deploy monitor automat document record
track follow volunteer cover switch restat start finish complet solv struggl stuck froze need
prompt nudg wait rely blam ignor miss forgot forget skip avoid fail drive own
set introduc creat establish champion advocat adopt roll train publish contribut prepar read research
manag handl resolv investigat prototyp pilot instrument alert partner collaborat facilitat chair host invit
recommend argu defend justify admit acknowledg realiz assum recover backtrack iterat sav reduc increas
improv grow cancel rewrite rewrot replac retir deprecat standardiz unblock help support guide sponsor recruit
ran led wrote built took gave made brought caught drew spoke chose went came
found kept held sent spent ask mov pull flag raise rais gather collect analyz
model spec draft edit merg block refus declin agre accept bring send spend get
dismiss interrupt rambl hesitat guess jump assign delegat schedul meet escalat stay listen respond
repli email messag call page cancel understand learn practic retro postmortem
";

/// Technical or work nouns whose presence means the note is about concrete work.
const WORK_NOUNS: &str = "
system database schema query index cach latency api queue servic cod bug test design
architectur project deadline migrat incident outag postmortem customer revenu cost roadmap stakeholder doc document
pull request review pipelin deploy releas metric user product feature sprint milestone team junior
intern grad exampl question problem solution trade tradeoff algorithm data model framework tool process
workflow platform infrastructur scal performanc security budget interview manager engineer mentee memo rfc diagram
whiteboard rollback
";

/// Impression words worth quoting in the reason of a non-behavioural flag.
const IMPRESSIONS: &str = "
seem seemed seems felt feel feeling vibe vibes fit smart bright sharp personable nice
likeable liked loved love impressive gut sense energy spark passion passionate hungry arrogant polished
rockstar click mesh material player attitude personality meh solid strong great good reminds off
arrogant difficult sense ok okay fine lgtm loves enjoys enthusiastic excited eager keen curious interested
fascinated obsessed
";

/// True when one of the flags is a bias risk: what keeps a note out of drafted ratings and of
/// the exports bound for an ATS, whoever tagged it.
pub fn has_bias_risk(flags: &[Flag]) -> bool {
    flags.iter().any(|f| f.kind == FlagKind::BiasRisk)
}

/// Detects the flags of a note from its text. Empty for a sound note.
pub fn detect_flags(text: &str) -> Vec<Flag> {
    detect(text, &tokenize(text))
}

/// Whether a note is flagged (a bias risk, or no behaviour), so not evidence: what
/// `engine::recommend_with` is given wherever the classifier is at hand.
pub fn flagged(text: &str) -> bool {
    !detect_flags(text).is_empty()
}

/// The ids of the flags [`detect_flags`] raises on texts (`bias_risk`, `non_behavioral`),
/// remembered by text: the committee analysis's flagger, which reads a note once for the
/// calibration and again for each place it lays the note out, and the committee view, which
/// analyses again on every change.
#[derive(Debug, Default)]
pub struct FlagCache(std::cell::RefCell<FxHashMap<String, Vec<String>>>);

impl FlagCache {
    pub fn ids(&self, text: &str) -> Vec<String> {
        if let Some(ids) = self.0.borrow().get(text) {
            return ids.clone();
        }
        let ids: Vec<String> = detect_flags(text).into_iter().map(|f| f.kind.id().to_string()).collect();
        self.0.borrow_mut().insert(text.to_string(), ids.clone());
        ids
    }
}

/// Detects flags from tokens already computed.
pub(crate) fn detect(text: &str, tokens: &[Token]) -> Vec<Flag> {
    let mut flags = Vec::new();
    let span_of = |first: usize, last: usize, label: &str| -> Option<Span> {
        let start = tokens.get(first)?.start;
        let end = tokens.get(last)?.end;
        text.get(start..end)?;
        Some(Span { start, end, label: label.to_string() })
    };
    // Bias flags come first: they are the ones to act on.
    let bias = bias_matches(text, tokens);
    for &(category, first, last) in &bias {
        let words = match (tokens.get(first), tokens.get(last)) {
            (Some(a), Some(b)) => text.get(a.start..b.end).unwrap_or(""),
            _ => "",
        };
        flags.push(Flag {
            kind: FlagKind::BiasRisk,
            reason: format!(
                "mentions {category} (\"{words}\"), which is not evidence of the job; rate what the candidate did"
            ),
            span: span_of(first, last, category),
        });
    }
    // A remark about a protected trait already says the note is not evidence; one warning is
    // enough, and it is the more important one.
    if bias.is_empty() {
        // "Very passionate about distributed systems": the topic is what the impression is
        // about, not work the candidate did, so the words of such a frame are no behaviour.
        let framed = impression_frames(tokens);
        // The cues are looked for only when the words alone show no behaviour.
        let acted = has_behaviour(text, tokens, &framed);
        let mut cues = if acted { Vec::new() } else { super::cues::find(tokens) };
        cues.retain(|m| !framed.get(m.first).copied().unwrap_or(false));
        let behaviour = acted || has_topic(&cues, tokens);
        let quote = |first: usize, last: usize| match (tokens.get(first), tokens.get(last)) {
            (Some(a), Some(b)) => text.get(a.start..b.end).unwrap_or(&a.word).to_string(),
            _ => String::new(),
        };
        // A fit verdict judges likeness to the team, the way affinity bias enters a scorecard: a
        // bias risk, so that tagging it by hand does not count it in a rating or send it to the
        // ATS (see docs/WHY-classifier.md). Beside observed behaviour ("shipped the cache
        // rewrite, great culture fit overall") it would reach the ATS with the behaviour, so it
        // is flagged there too, but only when unmistakable ("a good fit for prefix search" is
        // about a data structure) and not when the note quotes it ("he said 'not a fit'").
        // Affinity verdicts in other words ("she'd mesh well with the team", "reminds me of
        // myself", "one of us") have only the strict form, with or without behaviour.
        let fit = if behaviour {
            own_fit_verdict(text, tokens)
        } else {
            fit_phrase(tokens).or_else(|| own_fit_verdict(text, tokens))
        };
        // Looked for only when the note gets the non-behavioural flag, whose reason quotes it.
        let impression = || tokens.iter().position(|t| impression_words().contains(t.word.as_str()));
        let then = if behaviour {
            "take it out so that the rest of this note counts as evidence"
        } else {
            "rate what the candidate did or said"
        };
        // "Lacks executive presence", "no gravitas": how the candidate comes across, a verdict
        // as coded as a fit verdict, and flagged the same way, alone or beside behaviour.
        let presence = || {
            presence_verdict(text, tokens)
                .map(|(first, last)| (first, last, "how the candidate comes across", "presence or polish"))
        };
        let flag = if let Some((first, last, judges, label)) =
            fit.map(|(first, last)| (first, last, "likeness to the team or to you", "culture fit")).or_else(presence)
        {
            Some((
                FlagKind::BiasRisk,
                format!("\"{}\" judges {judges}, not the job, and invites bias; {then}", quote(first, last)),
                span_of(first, last, label),
            ))
        } else if behaviour || !legible(text, tokens, &cues) {
            None
        } else if let Some(i) = impression() {
            Some((
                FlagKind::NonBehavioral,
                format!(
                    "no observed behaviour: \"{}\" is an impression; write what the candidate did or said",
                    quote(i, i)
                ),
                span_of(i, i, "impression"),
            ))
        } else {
            Some((
                FlagKind::NonBehavioral,
                "no observed behaviour: write what the candidate did or said".to_string(),
                None,
            ))
        };
        if let Some((kind, reason, span)) = flag {
            flags.push(Flag { kind, reason, span });
        }
    }
    flags
}

/// A "fit" verdict ("culture fit", "fit in here", "not a fit", "would fit right in"): the first
/// and last tokens of the phrase to quote. "fits in memory" or a bare "fit" is not a verdict.
/// Asked of a note with no behaviour; [`own_fit_verdict`] asks more of one with behaviour.
fn fit_phrase(tokens: &[Token]) -> Option<(usize, usize)> {
    let word = |k: usize| tokens.get(k).map_or("", |t| t.word.as_str());
    let i = tokens.iter().position(|t| one_of("fit fits fitting", &t.word))?;
    let clause = tokens.get(i)?.clause;
    let same = |k: usize| tokens.get(k).is_some_and(|t| t.clause == clause);
    let mut first = i;
    if same(i.wrapping_sub(1))
        && one_of("culture cultural team good great bad poor natural perfect", word(i.wrapping_sub(1)))
    {
        first = i.wrapping_sub(1);
    }
    if same(first.wrapping_sub(2)) && word(first.wrapping_sub(1)) == "a" && word(first.wrapping_sub(2)) == "not" {
        first -= 2;
    }
    let last = match (word(i + 1), word(i + 2)) {
        ("in", _) if same(i + 1) => i + 1,
        ("right", "in") if same(i + 2) => i + 2,
        _ => i,
    };
    let verdict = first < i || (last > i && (!same(last + 1) || one_of("here there with well", word(last + 1))));
    verdict.then_some((first, last))
}

/// The interviewer's own fit verdict in a note that also reports behaviour: the first and last
/// tokens to quote. Stricter than [`fit_phrase`], since such a note also talks about work that
/// may "fit": a verdict must be about a person or the team, and not quoted ("he said 'not a
/// fit'"). Caught: "team fit is strong", "great culture fit overall", "culturefit", "she'd fit
/// right in", "fits in well with the team", "I don't think she'd fit in", "a good fit for the
/// team", "fits our culture", "doesn't fit our mould", "good cultural match". Not: "her change
/// would fit right in with our pipeline", "the team fit the deadline", "culture fit interviews
/// are biased", "a good fit for prefix search", "a good match for the problem".
/// Also the affinity verdicts in other words, which a note without behaviour is asked too: see
/// `affinity` below.
fn own_fit_verdict(text: &str, tokens: &[Token]) -> Option<(usize, usize)> {
    let word = |k: usize| tokens.get(k).map_or("", |t| t.word.as_str());
    let stem = |k: usize| tokens.get(k).map_or("", |t| t.stem.as_str());
    let same =
        |a: usize, b: usize| matches!((tokens.get(a), tokens.get(b)), (Some(x), Some(y)) if x.clause == y.clause);
    let next = |k: usize| next_in_clause(tokens, k, 1);
    // One of the words of `list` before `k` in its clause.
    let before_has = |k: usize, list: &'static str| (0..k).any(|j| same(j, k) && one_of(list, word(j)));
    // A team word within three words after `k` that ends the phrase ("for the team", "with us
    // overall", "for us though"; not "for the team's reporting needs"). "with the rest of the
    // team" is read from "of".
    let team_at = |k: usize| {
        let k = if word(k + 2) == "rest" && word(k + 3) == "of" { k + 3 } else { k };
        (k + 1..k + 4).find(|&j| {
            same(k, j)
                && one_of("us team culture company everyone everybody here org group", word(j))
                && ends_or(next(j), "overall here too and already though")
        })
    };
    let team_after = |k: usize| team_at(k).is_some();
    // Nothing but a person, hedges and function words between the clause's start and `k`: "she
    // would", "I think he'd", or no subject at all ("would fit right in"); not "her change would".
    let person = |k: usize| {
        let mut j = k;
        while j > 0 && same(j - 1, k) {
            j -= 1;
            let w = word(j);
            // A person, or "and"/"but" joining this to what the note's subject did ("shipped
            // the rewrite and fits our culture").
            if one_of("he she they candidate and but", w) {
                return true;
            }
            // A thing ("it fits in well", "which fits in nicely", "that culture fit is ..."), a
            // named subject, or anything else that is not a hedge or a function word.
            if one_of("it this that which these those its", w)
                || !(tokens[j].stop
                    || one_of(
                        "i think would will could probably definitely really totally easily likely sure not feel believe guess very a great good \
                         strong solid excellent perfect natural poor bad seems seemed feels felt already truly exactly instantly never off gives \
                         gave got weird strange odd",
                        w,
                    ))
            {
                return false;
            }
        }
        true
    };
    // Getting on with the team or with the interviewer, after the verb at `i` and its adverbs:
    // "with" and the team (not "her team", the candidate's own) or a person ending the clause,
    // or, when `alone` (words that mean nothing else: "great vibes", "we'd get along"), the
    // clause's end or "from" a person ("bad vibes from him"). The last token to quote.
    let along = |i: usize, alone: bool| {
        let mut j = i;
        while same(i, j + 1)
            && one_of(
                "well great nicely fine perfectly really right so easily immediately instantly naturally",
                word(j + 1),
            )
        {
            j += 1;
        }
        let (w, who) = (next(j), next(j + 1));
        if alone && ends_or(w, "here there overall") {
            Some(j)
        } else if w != "with" && !(alone && w == "from") {
            None
        } else if next(j + 2).is_empty() && one_of("him her them me", who) {
            Some(j + 2)
        } else if w == "from" || one_of("his her their", who) {
            // Vibes "from the team" are the team's, not a verdict on the candidate.
            None
        } else {
            team_at(j + 1)
        }
    };
    // Affinity verdicts in other words than "fit", each said of a person or of no named subject
    // (`person`): "the design meshes well with the existing services" and "the API reminds me of
    // GraphQL" are about work.
    let affinity = |i: usize| -> Option<(usize, usize)> {
        let (w, s) = (word(i), stem(i));
        let prev = if i > 0 && same(i - 1, i) { word(i - 1) } else { "" };
        if one_of("mesh gel gell click vibe vib", s) {
            // "she'd mesh well with the team", "would gel with us", "not sure he'd click with the
            // team", "didn't click with him", "great vibes", "gave off a weird vibe". A noun after
            // a determiner ("the service mesh", "one click") or in a compound ("vibe-coding",
            // "vibe coded") is something else; so is clicking, meshing or gelling with nobody
            // named ("I hinted at the index and she clicked": she understood). Vibes judged are
            // the verdict whatever the determiner ("the vibes were off"; not "the vibe of the
            // codebase was messy").
            let vibe = s.starts_with("vib");
            let judged = vibe
                && one_of("is was are were felt seemed", next(i))
                && one_of("off weird strange odd bad wrong good great", next(i + 1));
            if !person(i)
                || hyphenated(text, tokens, i, i + 1)
                || (!judged && one_of("the a an one our this your its", prev))
            {
                return None;
            }
            // The candidate's own vibe judged is the verdict wherever it was felt ("her vibe was
            // off in the debugging round").
            if judged && one_of("her his their", prev) {
                return Some((i, i + 2));
            }
            along(i + 2 * usize::from(judged), vibe).map(|last| (i, last))
        } else if w == "along" && stem(i.wrapping_sub(1)) == "get" && person(i - 1) {
            // "would get along great with the team".
            along(i, true).map(|last| (i - 1, last))
        } else if w == "like"
            && one_of("me myself us", next(i))
            && (if prev.is_empty() {
                next(i) == "me" && next(i + 1 + usize::from(next(i + 1) == "back")) == "when"
            } else {
                ends_or(next(i + 1), "when at back in")
            })
            && person(i)
        {
            // "he's a lot like me", "just like me when I started", and opening its clause "Like
            // me (back) when I started, she ..."; not "a lot like her old team", "explained it
            // like me" or a comparison that opens its clause ("Like me, he prefers Postgres",
            // "Like me at Stripe, she ran Kafka").
            Some((i, i + 1))
        } else if w == "similar"
            && next(i) == "to"
            && one_of("me myself us", next(i + 1))
            && ends_or(next(i + 2), "when at back in")
            && person(i)
        {
            // "very similar to me when I started"; not "similar to me in how she splits the
            // work up" (a way of working, named).
            Some((i, i + 2))
        } else if s == "remind" && next(i) == "me" && next(i + 1) == "of" && person(i) {
            // "reminds me of myself", "of me when I started", "of a younger version of myself".
            let mut k = i + 3;
            while same(i, k) && one_of("a my younger young earlier own version of", word(k)) {
                k += 1;
            }
            (same(i, k) && one_of("me myself self", word(k))).then_some((i, k))
        } else if w == "us" && i >= 2 && word(i - 1) == "of" && word(i - 2) == "one" && same(i - 2, i) {
            // "feels like one of us", "he's one of us"; not "paired with one of us", "written by
            // one of us" or "one of us owns the pipeline".
            let after = ends_or(next(i), "already here too though");
            (after && person(i - 2) && !one_of("by with to from for of at on", word(i.wrapping_sub(3))))
                .then_some((i - 2, i))
        } else if w == "right" && next(i) == "for" && person(i) {
            // "gut feeling he's not right for us".
            team_at(i).map(|last| (i, last))
        } else if prev == "our"
            && one_of("kind sort type", w)
            && next(i) == "of"
            && one_of("engineer person people guy developer dev hire folks", next(i + 1))
            && ends_or(next(i + 2), "though too already")
            && person(i - 1)
        {
            // "he's our kind of engineer", "not our kind of person"; not "our kind of workload"
            // or "what kind of engineer we hire".
            Some((i - 1, i + 2))
        } else if one_of("beer pint drink", s) && next(i) == "with" && ends_or(next(i + 1), "him her them") {
            // The beer test: "I could see myself grabbing a beer with him", "someone I'd have a
            // beer with". Not what the candidate does with others ("he grabs a beer with them on
            // Fridays"): no third person before, unless the interviewer is there too.
            (before_has(i, "i we myself you") || !before_has(i, "he she they candidate"))
                .then_some((i, i + 1 + usize::from(!next(i + 1).is_empty())))
        } else {
            None
        }
    };
    (0..tokens.len()).find_map(|i| {
        let w = word(i);
        let before = if i > 0 && same(i - 1, i) { word(i - 1) } else { "" };
        let span = if !one_of("fit fits fitting fitted culturefit match matches", w) {
            affinity(i)
        } else if w == "culturefit" {
            // One word, the verdict itself.
            Some((i, i))
        } else if one_of("culture cultural team personality", before) {
            // (A "match" is only this form's: "matches the team's conventions", "a good match
            // here for a B-tree" are about work.)
            // "team fit is strong", "great culture fit overall", "good cultural match", "not a
            // culture fit for us": the phrase ends its clause or is judged; "team fit the
            // deadline", "culture fit interviews" are about something else.
            // A judgement ("is strong") only of the note's own verdict: "argued that culture fit
            // is a poor criterion" is about the practice.
            let judged = one_of("is was seems looks", next(i)) && person(i - 1);
            (judged
                || ends_or(next(i), "overall here wise yes no strong good great though")
                || (next(i) == "for" && team_after(i)))
            .then_some((i - 1, i))
        } else if w.starts_with("match") {
            None
        } else if next(i) == "in" || (next(i) == "right" && next(i + 1) == "in") {
            // "she'd fit right in", "fits in well with the team", "I don't think she'd fit in".
            let last = if next(i) == "in" { i + 1 } else { i + 2 };
            let after = next(last);
            (person(i)
                && (ends_or(after, "here there well nicely fine perfectly great")
                    || (after == "with" && team_after(last))))
            .then_some((i, last))
        } else if one_of("good great bad poor perfect natural strong solid excellent right", before) {
            // "a good fit for the team", "not a good fit for us", "would be a great fit here",
            // "not the right fit for us".
            let here = next(i) == "here" && ends_or(next(i + 1), "overall too already");
            (person(i - 1) && (here || (one_of("for with", next(i)) && team_after(i)))).then_some((i - 1, i))
        } else {
            // "fits our culture", "fits the team", "doesn't fit our mould"; not "fits the team's
            // conventions" (the phrase must end its clause).
            let ends = ends_or(next(i + 2), "overall well perfectly too already");
            (person(i) && one_of("our the their", next(i)) && one_of("culture team mold mould", next(i + 1)) && ends)
                .then_some((i, i + 2))
        };
        // Not quoted, and not the candidate's question ("she asked whether she'd fit in with the
        // team", "wanted to know if he'd mesh with the team", "asked about on-call and whether
        // she'd fit in"). The question ends at an "and" or a "but" that no question word
        // follows: "I asked about testing and honestly he's not one of us" is a verdict. The
        // question itself opens with a question word after the asking: "asked so many good
        // questions about our deploys, he'd fit right in" is a verdict after a remark.
        span.filter(|&(first, _)| {
            let asks = "if whether how what why who";
            let clause: Vec<usize> = (0..first)
                .rev()
                .take_while(|&j| same(j, first) && (!one_of("and but", word(j)) || one_of(asks, word(j + 1))))
                .collect();
            let question = clause.iter().any(|&j| {
                one_of("asked ask asks asking wondered curious wanted", word(j))
                    && clause.iter().any(|&k| k > j && one_of(asks, word(k)))
            });
            !question && !quoted(text, tokens.get(first).map_or(0, |t| t.start))
        })
    })
}

/// A verdict on the candidate's presence or gravitas ("lacks executive presence", "no gravitas",
/// "doesn't have much presence", "strong exec presence", "weak presence", "lacks presence in
/// meetings", "Presence: weak."), or their lack of polish ("she lacks polish", "lacks executive
/// polish", "needs more polish as a person", "not polished enough for the client"): the first
/// and last tokens to quote, for the first of the note's "presence", "gravitas", "polish" and
/// "polished" that is one. Never for a bare presence placed in a product after a clause of
/// saying ("..., she said, in the product she inherited"); a verdict passed on ("..., her
/// manager told her", "..., the panel said") is one.
/// "presence" needs a word that judges it just before: "executive", "leadership", "stage"...; or
/// a lack, a negation or a quantifier ("lacks", "no", "little", "doesn't have", "has real",
/// "strong", "not much of a"), not a bare "have" ("a friend has presence" in a chat client), after which it must
/// end its clause or be followed by a function word. "in", "on" or "at" after it only before a
/// social setting ("lacks presence in meetings", "strong presence in meetings"; not "no presence
/// in her design", "the company has presence in 12 markets", "strong presence in code
/// reviews"); "of" or "across" only after a lack or a negation. Or a grade after it (a lack,
/// "weak", "none", "strong"...), past a social setting ("presence in the room was weak") and,
/// for "presence", past a colon, a dash or a question mark ("Presence: weak.", "Her presence in
/// the room: lacking."), of the candidate's presence
/// or of a presence no one owns, then the clause's end, a hedge or a social setting, in a note
/// with no word of a chat system ("presence was lacking", "her presence was weak in the room",
/// "Presence was lacking, but she designed the cache well"; not "chat presence was weak", "the
/// presence was stale", "presence was weak in her design", "Presence was weak, so she added a
/// heartbeat", nor reported: "her manager said her presence was lacking").
/// "the presence of the key", "a presence check",
/// "our web presence" and "presented to executives" are not verdicts. Not when quoted, asked by
/// the candidate ("asked how to build executive presence", "wanted to know about executive
/// presence"), or a name ("Gravitas Ventures": capitalised within a sentence, or at its start
/// before another capitalised word that is no lack, with nothing judging it; "lacks Polish"
/// within a sentence is the language).
/// "polish" personal ("executive polish", "polish as a person": the candidate's whoever writes
/// it), or lacking and said of the candidate, never of a place but a social setting: a
/// person before the lack ("she lacks polish", "he lacks polish on camera"), or no subject and
/// the candidate's action after it ("Lacks polish but shipped the migration"); not "the UI lacks
/// polish", "it lacks polish", "lacks polish in the error messages", "Shipped the migration but
/// lacks polish" (after the action it may be the work's), nor a bare "Lacks polish." (maybe the
/// code's: an impression, `non_behavioral`). "polished" only as a person, or not polished and
/// said of the candidate ("she's not polished enough") or of no one before an audience ("Not
/// polished enough for the client"); not of work ("the deck was not polished enough for the
/// client"), nor a bare "Not polished enough." (an impression).
fn presence_verdict(text: &str, tokens: &[Token]) -> Option<(usize, usize)> {
    let heads = tokens.iter().enumerate().filter(|(_, t)| one_of("presence gravitas polish polished", &t.word));
    heads.map(|(last, _)| last).find_map(|last| {
        let head = tokens.get(last)?;
        let polish = head.word.starts_with("polish");
        // The word at `k` in the head's clause, else "".
        let word = |k: usize| word_in(tokens, head.clause, k);
        // ("not much of a presence", "lack of presence", "lacking in presence": read past "of
        // a", and "in" after a lack; "she's not very polished": the hedges of a person, as
        // `person_subject` reads them.)
        let before: &'static str = if head.word == "polished" {
            HEDGES
        } else {
            "lack lacks lacked lacking no zero little much any real enough have has had executive leadership stage boardroom commanding strong weak poor low not does did do of a"
        };
        let mut first = last;
        while first > 0 && (one_of(before, word(first - 1)) || (word(first - 1) == "in" && one_of("lacks lacked lacking", word(first.wrapping_sub(2))))) {
            first -= 1;
        }
        let lack = (first..last).any(|k| one_of("lack lacks lacked lacking no zero little not", word(k)));
        // A bare "have" (with "does", "did", "a", "of", "in") judges nothing: "has presence" is a company's or a chat user's.
        let judged = (first..last).any(|k| !one_of("have has had does did do of a in", word(k)));
        let fin = |k: usize| judged_at(tokens, head.clause, k);
        // After a lack or praise before it: the clause's end, a function word, "in", "on" or
        // "at" only before a social setting ("lacks presence in meetings"; not "no presence in
        // her design", "strong presence in code reviews"), "of" or "across" only after a lack.
        let ends = word(last + 1).is_empty()
            || tokens.get(last + 1).is_some_and(|t| t.stop && if one_of("in on at", &t.word) { fin(last + 1) } else { lack || !one_of("of across", &t.word) });
        // (A chat system's design review names presence beside last-seen times, typing
        // indicators, read receipts, fan-out and expiry.)
        // ("offline" is not one: "we took it offline"; "offline mode" is, by "mode".)
        let chat = tokens.iter().any(|t| one_of("heartbeat websocket poll chat online service status seen typing ttl expiri expiry fanout mode", &t.stem))
            || tokens.windows(2).any(|w| matches!(w, [a, b] if matches!((a.word.as_str(), b.stem.as_str()), ("fan", "out") | ("read", "receipt") | ("gossip", "protocol"))));
        // Of the candidate's presence or of one no one owns ("presence", "her presence"); not
        // "chat presence".
        let own = |k: usize| ends_or(word(k.wrapping_sub(1)), "her his their");
        // Past a social setting after the head ("presence in the room ...").
        let mut s = last + 1;
        if one_of("in on at during", word(s)) && fin(s) {
            s = after_article(tokens, head.clause, s + 1) + 1;
        }
        // "Presence was lacking", "her presence was weak in the room", "presence in the room was
        // weak": a grade after it, then `fin`, in a note with no word of a chat system's presence.
        // Or a label: "Presence: weak.", "Her presence in the room: lacking.", "Presence - weak":
        // the grade past a colon, a dash or a question mark.
        let after = tokens.get(s).filter(|n| {
            own(last)
                && !polish
                && !chat
                && (n.clause == head.clause
                    || head.word == "presence" && tokens.get(s - 1).is_some_and(|p| label_gap(text, p, n)))
        });
        let after = after.and_then(|n| graded(tokens, n.clause, s));
        let end = after.unwrap_or(last);
        // After the polish, past an "enough": "as a person".
        let k0 = last + 1 + usize::from(word(last + 1) == "enough");
        let who = after_article(tokens, head.clause, k0 + 1);
        let personal = word(k0) == "as" && one_of("person individual human communicator presenter speaker leader", word(who)) && fin(who + 1);
        let verdict = if head.word == "polished" {
            // Not polished, said of the candidate ("she's not polished enough"), or of no one
            // before an audience ("Not polished enough for the client"); not of work ("the deck
            // was not polished enough for the client"), nor bare ("Not polished enough.": maybe
            // the code's, an impression).
            let audience = word(k0) == "for" && one_of("client clients customer customers executive executives leadership us role", word(after_article(tokens, head.clause, k0 + 1)));
            personal || (lack && ((fin(k0) && person_subject(tokens, first, false)) || (audience && person_subject(tokens, first, true))))
        } else if polish {
            // Polish said of the candidate: a person before the lack ("she lacks polish"), or no
            // subject and the candidate's action after it ("Lacks polish(,) but shipped the
            // migration"); not after the action, where it may be the work's. A personal polish
            // ("executive polish", "polish as a person") is the candidate's whoever says it.
            let acts = matches!(tokens.get(last + 1..last + 3), Some([c, v]) if one_of("and but", &c.word) && (v.word.ends_with("ed") || one_of(PAST, &v.word)));
            let qualified = one_of("executive leadership personal", word(last.wrapping_sub(1)));
            personal || (qualified && graded(tokens, head.clause, last + 1).is_some()) || (fin(last + 1) && (qualified || (lack && person_subject(tokens, first, acts))))
        } else {
            head.word == "gravitas" || one_of("executive leadership stage boardroom commanding", word(last.wrapping_sub(1))) || (judged && ends) || after.is_some()
        };
        let asked = tokens.get(..first)?.iter().enumerate().any(|(j, t)| {
            t.clause == head.clause && (one_of("asked ask asks asking wondered said told", &t.word) || (t.word == "know" && word(j.wrapping_sub(1)) == "to" && one_of("wanted want wants wanting", word(j.wrapping_sub(2)))))
        });
        // Reported after it, of a thing: a bare "presence" (not gravitas, polish or an executive
        // presence, never a product's), a clause of saying after it in its sentence, then "in" or
        // "on" a product ("Presence was lacking, she said, in the product she inherited", "...,
        // she told me, in the old app"). Reported of nothing ("..., the panel said", "..., her
        // manager told us", "..., according to the recruiter, in general") it is a verdict on the
        // candidate passed on.
        let c = tokens.get(end).map_or(head.clause, |t| t.clause);
        let bare = head.word == "presence" && !one_of("executive exec leadership stage boardroom commanding", word(last.wrapping_sub(1)));
        let reported = bare
            && (end + 1..end + 9).any(|v| {
                tokens.get(v).is_some_and(|t| {
                    t.sentence == head.sentence
                        && t.clause != c
                        && one_of("in on was is for", &t.word)
                        && tokens.get(v - 1).is_some_and(|p| p.clause != t.clause)
                        && tokens.get(end + 1..v).is_some_and(|said| said.iter().any(|w| one_of("said told explained mentioned admitted according", &w.word)))
                        && (v + 1..v + 4).any(|k| tokens.get(k).is_some_and(|n| n.clause == t.clause && one_of(PRODUCTS, &n.stem)))
                })
            });
        // A name: "Worked at Gravitas Ventures" (a capital within a sentence, nothing judging
        // it), "Gravitas Ventures hired her" (at a sentence's start, before another capital that
        // is no lack after it: "Gravitas Is Lacking" and "Gravitas: none" are verdicts),
        // "Gravitas, the payments startup, ..." (before an apposition); "lacks Polish" (within
        // a sentence) is the language.
        let before = text.get(..head.start).unwrap_or("").trim_end();
        let capital = |t: &Token| text.as_bytes().get(t.start).is_some_and(u8::is_ascii_uppercase);
        let named = after.is_none() && tokens.get(last + 1).is_some_and(|n| {
            (n.clause == head.clause && capital(n)) || (one_of("the a an", &n.word) && text.get(head.end..n.start) == Some(", "))
        });
        let name = (first == last || polish) && capital(head) && (named || (!before.is_empty() && !before.ends_with(['.', '!', '?', ':', ';'])));
        (verdict && !asked && !reported && !name && !quoted(text, tokens.get(first)?.start)).then_some((first, end))
    })
}

/// The word at `k` if it is in clause `c`, else "". (Called, not inlined: asked at many places
/// of [`presence_verdict`], where each inlined copy cost the wasm more than the call.)
#[inline(never)]
fn word_in(tokens: &[Token], c: u32, k: usize) -> &str {
    tokens.get(k).filter(|t| t.clause == c).map_or("", |t| t.word.as_str())
}

/// `k`, or the word after it when the word at `k` is an article ("in the room", "as a person").
fn after_article(tokens: &[Token], c: u32, k: usize) -> usize {
    k + usize::from(one_of("the a an this our", word_in(tokens, c, k)))
}

/// Things a presence may be a feature of, as stems ("in the old app", "on the legacy client").
const PRODUCTS: &str = "app product client design system servic featur version releas prototyp codebas build api platform mvp beta modul page ui ux websit site compon tool user";

/// Where a presence or a polish is judged, from `k` in clause `c`: the clause's end, a
/// conjunction or a hedge, or a social setting ("in the room", "on the call", "in meetings");
/// not "in the prototype", "on mobile", "from standup", "in her design".
fn judged_at(tokens: &[Token], c: u32, k: usize) -> bool {
    let w = word_in(tokens, c, k);
    ends_or(w, "and but though too overall honestly")
        || (one_of("in on at during", w)
            && one_of(
                "room debrief panel meeting meetings interview interviews call calls camera video standup front",
                word_in(tokens, c, after_article(tokens, c, k + 1)),
            ))
}

/// A presence judged after it, from `k` in clause `c`: hedges, then a lack or a grade, then
/// [`judged_at`] ("was a bit lacking", ": weak, but"). The grade's index.
fn graded(tokens: &[Token], c: u32, mut k: usize) -> Option<usize> {
    // A score ("2/5", "7/10", "2 out of 5", "1 of 5": numbers, as the tokenizer reads them) is
    // a grade too: its last.
    const NUMBERS: &str = "zero one two several dozens out of";
    while one_of(HEDGES, word_in(tokens, c, k))
        || one_of(NUMBERS, word_in(tokens, c, k)) && one_of(NUMBERS, word_in(tokens, c, k + 1))
    {
        k += 1;
    }
    (one_of("lacking lacklustre lackluster weak poor minimal underwhelming nonexistent none low missing strong good zero one two several dozens", word_in(tokens, c, k))
        && judged_at(tokens, c, k + 1))
    .then_some(k)
}

/// Between two tokens, a label's mark: a colon, a dash (of any width), a question mark or "="
/// ("Presence: weak.", "English - broken", "Presence? Lacking.").
fn label_gap(text: &str, a: &Token, b: &Token) -> bool {
    text.get(a.end..b.start)
        .is_some_and(|gap| gap.bytes().any(|b| matches!(b, b':' | b'-' | b'?' | b'=' | 0x93 | 0x94)))
}

/// True when the byte offset `at` is inside a quotation that opens before it: double quotes
/// (straight or curly), or single quotes that open after a space and close before one (an
/// apostrophe inside a word, as in "couldn't", is neither).
fn quoted(text: &str, at: usize) -> bool {
    let mut open = false;
    let mut prev = ' ';
    for (i, c) in text.get(..at).unwrap_or("").char_indices() {
        match c {
            '"' => open = !open,
            '\u{201c}' => open = true,
            '\u{201d}' => open = false,
            '\'' | '\u{2018}' | '\u{2019}' => {
                let next = text.get(i + c.len_utf8()..).and_then(|t| t.chars().next()).unwrap_or(' ');
                if !open && !super::text::is_word_char(prev) {
                    open = true;
                } else if open && !super::text::is_word_char(next) {
                    open = false;
                }
            }
            _ => {}
        }
        prev = c;
    }
    open
}

/// Impression words that take a topic as their object: "passionate about coding", "interested
/// in databases", "keen to learn Rust", "loves Rust".
const FRAMES: &str =
    "passionate enthusiastic excited eager keen curious interested fascinated obsessed passion love loves loved enjoys";

/// Past tenses that open a new predicate after "and": "excited about the problem and sketched
/// three designs" reports work again (besides any word ending in "ed").
const PAST: &str =
    "wrote built ran led took gave made found drew spoke chose went came kept held sent spent caught brought";

/// Which tokens belong to an impression frame: an impression word from [`FRAMES`] and its
/// object, to the end of its clause or to an "and", "but" or "then" that a past tense follows.
/// Its topic words ("passionate about distributed systems") are what the impression is about,
/// not something the candidate was seen doing. Likewise a role's "material" and the role, only
/// those ("not leadership material", "isn't senior material for this team"): a verdict, whose
/// role word ("leadership") names no work the candidate did; not "wrote the leadership
/// material" or "the onboarding material" (only after hedges, a person or the clause's start),
/// nor "Senior material was covered" or "a staff material change" (only before the clause's
/// end or a conjunction, "for" or "to"); what follows is read as any words are ("Not senior
/// material but she debugged the race condition" reports behaviour).
fn impression_frames(tokens: &[Token]) -> Vec<bool> {
    let mut framed = vec![false; tokens.len()];
    for (i, t) in tokens.iter().enumerate() {
        if t.word == "material" {
            // Only the role and "material", after hedges, a person or the clause's start
            // (`person_subject`: not "wrote the leadership material"), before the clause's end
            // or a conjunction: "a staff material change", "Senior material was covered" and,
            // at the clause's start, "Leadership material for the offsite" are things.
            let mut start = i;
            while start > 0 && tokens[start - 1].clause == t.clause && one_of("leadership management manager managerial lead tech senior staff principal executive director promotion future real natural", &tokens[start - 1].word) {
                start -= 1;
            }
            let next = next_in_clause(tokens, i, 1);
            if start < i
                && person_subject(tokens, start, true)
                && (next.is_empty()
                    || !clause_initial(tokens, start) && one_of("for but and since because so though yet to", next))
            {
                framed[start..=i].fill(true);
            }
        }
        if framed[i] || !one_of(FRAMES, &t.word) {
            continue;
        }
        // A verb of liking takes its object directly; the adjectives through a preposition.
        let direct = one_of("love loves loved enjoys", &t.word);
        let next = tokens.get(i + 1).filter(|n| n.clause == t.clause).map_or("", |n| n.word.as_str());
        if !(direct || one_of("about in for by with to", next)) {
            continue;
        }
        let mut k = i;
        while k < tokens.len() && tokens[k].clause == t.clause {
            let w = tokens[k].word.as_str();
            if k > i && one_of("and but then", w) {
                let after = tokens.get(k + 1).filter(|n| n.clause == t.clause).map_or("", |n| n.word.as_str());
                if after.ends_with("ed") || one_of(PAST, after) {
                    break;
                }
            }
            framed[k] = true;
            k += 1;
        }
    }
    framed
}

/// Words of the topic lexicons that are also verdicts ("strong hire", "culture fit"): a topic cue
/// made of one of these alone is no sign of observed work.
fn verdict_word(w: &str) -> bool {
    one_of("hire hiring candidate fit culture value impact support feedback team growth grow", w)
}

/// True when the note names a capability's subject matter through the topic lexicons ("no sense
/// of customer impact", "weak on concurrency"): a judgement about something specific, which the
/// interviewer can back with the conversation, rather than a bare impression.
fn has_topic(cues: &[super::cues::CueMatch], tokens: &[Token]) -> bool {
    cues.iter().any(|m| {
        m.kind == super::cues::CueKind::Topic
            && !(m.first == m.last && tokens.get(m.first).is_some_and(|t| verdict_word(&t.word)))
    })
}

/// True when the note reports something the candidate did or said, outside its impression
/// frames (`framed`).
fn has_behaviour(text: &str, tokens: &[Token], framed: &[bool]) -> bool {
    // A quotation of the candidate is behaviour ("he said \"it's fine\"").
    let quotes = text.chars().filter(|c| matches!(c, '"' | '\u{201c}' | '\u{201d}')).count();
    if quotes >= 2 {
        return true;
    }
    let sets = word_sets();
    let outside = |k: usize| !framed.get(k).copied().unwrap_or(false);
    let words = (0..tokens.len()).filter(|&k| outside(k)).count();
    let enough = |actions: usize, nouns: usize| actions >= 1 && (nouns >= 1 || words >= 5) || nouns >= 2;
    let mut actions = 0;
    let mut nouns = 0;
    for (k, t) in tokens.iter().enumerate().filter(|(k, _)| outside(*k)) {
        let s = t.stem.as_str();
        if one_of("several dozen hundreds thousands percent multifold money", s) {
            return true;
        }
        // Meshing things ("meshed the two datasets") is work; meshing well or with the team is
        // an impression, or a verdict that `own_fit_verdict` reads.
        // ("listed", "lists", "listing": not "listless", nor "a list".)
        if lexicon_hit(&sets.0, s)
            || (s == "list" && t.word.len() > 4)
            || (s == "mesh"
                && one_of("the a two both their his her its them these those", next_in_clause(tokens, k, 1)))
        {
            actions += 1;
        }
        if lexicon_hit(&sets.1, s) {
            nouns += 1;
        }
        // The counts only grow: once enough, the rest of the note changes nothing.
        if enough(actions, nouns) {
            return true;
        }
    }
    // Conduct towards someone is behaviour however short the note: an action with a person
    // after it in its clause ("talked over me", "interrupted the other interviewer", "walked me
    // through it").
    let person = |o: &Token| is_person_noun(&o.word) || one_of("me us him her them everyone interviewer", &o.word);
    actions > 0
        && tokens.iter().enumerate().any(|(k, t)| {
            outside(k)
                && lexicon_hit(&sets.0, &t.stem)
                && tokens[k + 1..].iter().take(3).any(|o| o.clause == t.clause && person(o))
        })
}

/// Whether the detector can read the note: mostly words in Latin letters, one of them a word it
/// knows (an English function word or negator, a word of its lexicons, or a cue such as "early").
/// A note in Hebrew, Russian or Chinese, in Spanish with no such word, or in French, Spanish,
/// German, Portuguese, Italian or Dutch with three or more of their function words, more than
/// its English ones (not counting a name's particles, beside a capital), gets no
/// `non_behavioral` flag: saying it reports no behaviour would be a guess about words the
/// detector cannot read.
fn legible(text: &str, tokens: &[Token], cues: &[super::cues::CueMatch]) -> bool {
    // A note in French, Italian or Portuguese has English-looking words too ("a", "i", "do"), so
    // the other language's own function words decide: three or more, and more of them than
    // English ones, and it is not read as English.
    // Between capitals, past other particles, such a word is a name's particle ("João da Silva",
    // "Maria del Carmen y Ruiz", "van der Berg"), and a note about that person is still English
    // (a German noun's capital after "das" is not on both sides). The English words counted
    // against them include impressions ("nice", "smart"), so "Great guy, es muy nice" is English.
    let english_word = |t: &Token| t.stop || impression_words().contains(t.word.as_str());
    let english = tokens.iter().filter(|t| english_word(t)).count();
    // A name in lower case is the note's subject: the words before its first English word, when
    // that is a verb of being or seeming ("maria de la cruz y los santos seemed nice").
    let subject =
        tokens.iter().find(|t| english_word(t)).filter(|t| one_of("is was seems seemed looks looked", &t.word));
    let capital = |t: &Token| {
        subject.is_some_and(|s| t.end <= s.start) || text.as_bytes().get(t.start).is_some_and(u8::is_ascii_uppercase)
    };
    let named = |t: &&Token| !one_of(NAME_PARTICLES, &t.word);
    let foreign = tokens
        .iter()
        .enumerate()
        .filter(|&(k, t)| {
            one_of(FOREIGN_FUNCTION_WORDS, &t.word)
                && !(tokens.get(..k).and_then(|b| b.iter().rev().find(named)).is_some_and(capital)
                    && tokens.get(k + 1..).and_then(|a| a.iter().find(named)).is_some_and(capital))
        })
        .count();
    // An English impression in a clause of its own, two English words and none of another
    // language's, is read whatever the rest: "He seemed confident, la crème de la crème". Asked
    // only of a note otherwise foreign; each clause read once (a token's clause never decreases).
    let impression = || {
        tokens.chunk_by(|a, b| a.clause == b.clause).any(|c| {
            c.iter().any(|u| impression_words().contains(u.word.as_str()))
                && c.iter().filter(|u| english_word(u)).count() >= 2
                && !c.iter().any(|u| one_of(FOREIGN_FUNCTION_WORDS, &u.word))
        })
    };
    if foreign > english && (foreign >= 3 || (foreign == 2 && english == 0)) && !impression() {
        return false;
    }
    // Below U+0250 (Latin and its extensions) a character's UTF-8 bytes are all below 0xC9.
    2 * tokens.iter().filter(|t| t.word.bytes().all(|b| b < 0xC9)).count() > tokens.len()
        && (!cues.is_empty() || tokens.iter().any(|t| t.stop || known(t)))
}

/// Function words of the languages besides English an interviewer is likeliest to write notes in
/// with Latin letters (French, Spanish, German, Portuguese, Italian, Dutch), none of them a word an
/// English note would use as often ("die", "den", "hat", "van", "mit", "os" are left out):
/// what tells such a note from English, whose function words ("a", "on", "in") some of them
/// share. Some are names' particles ("da", "del", "der"), not counted beside a capital.
const FOREIGN_FUNCTION_WORDS: &str = "la le les des de et est une du dans avec qui que à el los las y del por para con una es muy
    der das und ist nicht ein eine zu auf für dem não com uma muito da dos il di che è della nella gli nel ha het een en niet aan";

/// Words that join the parts of a name ("da", "van der", "de la"): skipped when looking for the
/// capitals around one of [`FOREIGN_FUNCTION_WORDS`].
const NAME_PARTICLES: &str = "da das de del della der di do dos du el la le van von y het ten ter den";

/// The words of [`IMPRESSIONS`], as a set: looked up for every word of a note, where scanning
/// the list was most of the time a committee of 200 scorecards took to flag its notes.
fn impression_words() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| IMPRESSIONS.split_whitespace().collect())
}

/// The stems of [`ACTIONS`] and [`WORK_NOUNS`], as sets.
fn word_sets() -> &'static (FxHashSet<&'static str>, FxHashSet<&'static str>) {
    static SETS: OnceLock<(FxHashSet<&'static str>, FxHashSet<&'static str>)> = OnceLock::new();
    SETS.get_or_init(|| (ACTIONS.split_whitespace().collect(), WORK_NOUNS.split_whitespace().collect()))
}

/// A stem is in the set, or starts with an entry of four letters or more.
fn lexicon_hit(set: &FxHashSet<&'static str>, stem: &str) -> bool {
    if set.contains(stem) {
        return true;
    }
    stem.char_indices().map(|(i, _)| i).filter(|&i| i >= 4).any(|i| stem.get(..i).is_some_and(|p| set.contains(p)))
}
