//! Hand-written cue lexicons: phrases that signal a capability's topic or a level's scope.
//!
//! The learned weights cover the words of the training notes; these lexicons carry what the
//! training notes cannot: synonyms and phrasings an interviewer may use that the corpus never
//! did. Each cue becomes one feature ("#scope_org"), so a phrase the model has never seen still
//! lands on a weight learned from the phrases it has. Patterns are written as plain words and
//! stemmed with the same stemmer as the notes, so "mentored" and "mentoring" match "mentor".
//!
//! A pattern is a sequence of elements separated by spaces; an element lists alternatives
//! separated by `|`. Consecutive elements may be up to [`MAX_GAP`] tokens apart but never cross a
//! clause. A level cue matched under negation ("did not need hints") becomes its opposite cue
//! (`help` to `independent`), or the same name with `!` when it has none.

use std::sync::OnceLock;

use super::flags::one_of;
use super::fxhash::FxHashMap;
use super::text::Token;

/// The most tokens allowed between two elements of a pattern.
pub const MAX_GAP: usize = 2;

/// Whether a cue speaks to the capability (topic) or to the level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    Topic,
    Level,
}

/// The lexicon source: `T name: patterns` for topics, `L name>opposite: patterns` for levels.
const LEXICON: &str = "
T tech: architecture; system design; database; schema; query; index; cache|caching; latency; throughput; scale|scalability|scalable; concurrency; race condition; lock; queue; distributed; consistency; replication; shard|sharding|partition; algorithm; data structure; complexity; code; coding; debug|debugging; bug; test|testing; api; endpoint; protocol; memory; cpu; performance; kubernetes; container; microservice; service; backend; frontend; compiler; rust|java|python|golang|typescript|javascript|kotlin|scala|sql|postgres|mysql|redis|kafka; framework; library; refactor; abstraction; interface; trade off; failure mode; edge case; idempotent|idempotency; retry; timeout; load balancer; rate limiter; storage; network; security; encryption; production; incident; outage; root cause; design pattern; type system; runtime; pipeline; deploy|deployment; infrastructure; garbage collection; heap; profile|profiler|profiling; thread|threads|threading; async|asynchronous; deadlock; big o; hash|hashing|hashmap; tree; graph; recursion; nosql; graphql; grpc; rest; websocket; event|events; stream|streaming; batch; etl; cdn; dns; tls; oauth; jwt; eviction; invalidation; read replica|replicas; failover; backpressure; circuit breaker; observability; logging; tracing; monitoring; terraform; docker; aws|gcp|azure; serverless; orm; n+1; pagination; binary search; unit test|tests; integration test|tests; mock|mocks; generics; jvm; kernel; linux; react; css; render|rendering; mobile; ios; android; swift; coding exercise; whiteboard; implementation; implement|implemented; hypothesis; stack trace; heap dump; print statement|statements; regression; sloppy; typo; off by one; null; exception; error handling; data model; normalization; transaction|transactions; isolation; acid; eventual consistency; cap theorem; message broker; consumer; producer; load test; benchmark; optimization|optimize; bottleneck; hot path; memory leak; cpu bound; io bound; design exercise; system design round; tenant|tenants; multi tenant; hot tenant|tenants; noisy neighbor|neighbors; hot key|keys|shard|shards|partition|partitions|spot; p99|p95|p50|p999|percentile|percentiles; tail latency; capacity planning|estimate|estimates|estimation; back of envelope; estimate|estimated|estimating|size|sized|sizing|calculate|calculated ... storage|disk|bandwidth|memory|qps|throughput|capacity|bytes|gb|tb|servers|machines|nodes; ask|asked|asking ... sla|slo|slas|uptime|availability|qps|rps|traffic|load|throughput|p99|percentile|requests
T proj: project; deadline; milestone; timeline; schedule; scope; risk; deliver|delivery; ship; launch; estimate; plan|planning|roadmap; prioritize|priority|priorities; dependency|dependencies; quarter; sprint; status; tracking; blocker|blocked; slip|slipped; stakeholder update; rollout; cutover; migration; kickoff; ownership|own|owned; drove; coordinate|coordinated; execution; on time; ahead of schedule; behind schedule; resource; staffing; critical path; go live; escalate|escalation; kickoff; jira; ticket|tickets; backlog; triage; scope creep; cut scope; descope; mvp; phase|phased; contingency; buffer; risk log; risk register; burndown; handoff; launch date; fixed date; delegate|delegated; assign|assigned; status report; weekly update; standup; unblock|unblocked; dependency team; vendor; contractor; slipped; slipping; on track; off track; tracked; tracker; project plan; workstream|workstreams; end to end; accountable|accountability; follow through; drove to completion; landed; wrapped up; derisk; de risk; spike; timebox; estimate|estimates|estimation; overran; delay|delayed; crunch
T biz: business; objectives; okr; revenue; customer|customers|client|clients; user|users; cost|costs; money; budget; market; competitor|competitive; product strategy; product direction; roadmap; pricing; churn; customer|user|users|revenue|logo|net retention; retention rate|rates|curve|curves|number|numbers|metric|metrics|cohort|cohorts; conversion; growth; metric|metrics|kpi; roi; return on investment; sales; deal; contract; customer|customers|enterprise|key|strategic|big|major|large|largest|top|new|biggest|paying|churned account|accounts; account manager|managers|management|executive|executives|team; enterprise; commercial; profit|margin; value; impact; outcome; strategy|strategic; company goal; product sense; segment; adoption rate; experiment; a b test; funnel; engagement; support ticket; compliance; regulation|regulatory; upsell; premium; tier|tiers; subscription; arr; mrr; runway; market share; user research; customer interview|interviews; nps; cost of delay; opportunity cost; tco; unit economics; monetize|monetization; b2b; saas; product line; go to market; differentiator; feature request|requests; analytics; data driven; north star; who is the customer; customer need|needs|pain; business case; business goal|goals; business value; bottom line; pay off; payback; investment; prioritize by impact; revenue impact; cost saving|savings; cloud bill; spend; savings; expansion; renewal; deal; partner integration; trade show; product market fit; pivot; ab test; hypothesis driven
T comm: communicate|communication|communicator|comms; explain|explanation; stakeholder|stakeholders; align|alignment|aligned|misaligned; cross functional; product manager; designer|designers|design team; non technical; non engineer|engineers; audience; present|presented|presentation; written|writing|wrote; document|doc|memo|rfc|writeup|faq|guide|summary; listen|listened|listening; disagree|disagreement|disagreed; conflict|friction; feedback; negotiate; persuade|convince|convinced; consensus; meeting; bridge; translate|translator; clarify|clarifying; jargon; status update|updates; demo; email|slack; sync|syncs; tradeoff; trade off; collaborate|collaboration|collaborative; partner|partnered; relationship; push back; expectation|expectations; tell|told|notify|notified|inform|informed|heads up; loop in|looped in; kept informed; articulate; summarize; context setting; facilitate|facilitator|facilitation; objection|objections; agenda; walkthrough; walk through; analogy; verbal; concise; follow; rambling|rambled; talk to|with; talked to|with; sat down with; in a room; went around; one sided; customer success; support team; sales team; marketing; exec team; execs; leadership; business audience; legal; security team; visibility; transparent|transparency; surprise|surprised; misunderstanding; assumption|assumptions; handoff; kickoff meeting; written update; decision log; escalate; diplomatic|tact; empathy; respectful
T comm_act: explain|explained|tell|told|present|presented|notify|notified|inform|informed|update|updated|brief|briefed|pitch|pitched|summarize|summarized|communicate|communicated|write|wrote|walk|walked|convince|convinced|persuade ... product|pm|designer|designers|design|support|sales|marketing|customer|customers|exec|execs|executive|executives|leadership|stakeholder|stakeholders|legal|finance|audience|recruiter|non|partner|partners|other|team|teams|consumer|consumers|client|clients|vp|director
T ment: mentor|mentee|mentorship; hiring decision|decisions|panel|committee|process|bar|loop; phone screen; offer|offers; committee; coach|coaching; teach|taught; junior|juniors; new grad|grads; intern|interns; onboard|onboarding; pair|pairing; grow|growth; career; promotion|promoted; sponsor; interview|interviewing|interviewer; hire|hiring; candidate; panel; bar raiser; 1:1; one on one; guidance; advice; support; feedback; review|reviews; learn|learning; skill; develop|development; confidence; lunch and learn; office hour; study group; teammate; pip; performance review; sponsor; advocate for; new hire|hires; buddy; ramp up; ramp; shadow|shadowing; reverse shadow; brown bag; tech talk; workshop; curriculum; bootcamp; apprentice|apprenticeship; mid level; stretch; hiring committee; rubric; interview loop; calibration; debrief; take home; question bank; recruiter|recruiters|recruiting; struggling engineer|engineers; grow|grew; level up; unblock junior; patient|patience; explain to junior; career growth; career ladder; promotion packet; mentee|mentees; office hours; lunch and learn; code review feedback; teaching moment; confidence
T lead: process; workflow; tooling; tool|tools; developer experience; ci; cd; continuous integration; build time; code review; best practice; standard|standards; guideline|guidelines; convention; retro|retrospective; postmortem; blameless; runbook; on call; rotation; ritual; standup; template; checklist; automation|automate; linter|lint; playbook; practice|practices; initiative; working group; guild; rfc process; release process; incident process; improvement|improve|improved; efficiency; velocity; friction; toil; adopt|adoption; engineering culture; ci pipeline; flaky; pre commit; hook|hooks; code owners; codeowners; release train; cadence; ticket workflow; kanban; scrum; rotation; incident review; slo; quality bar; linting; formatting; monorepo; build system; dev environment; local setup; golden path; paved road; scaffolding; dev portal; internal platform; adr; status quo; inefficiency; cycle time; lead time; dora; deploy frequency; working agreement; definition of done; planning ritual; ways of working; team norm|norms; on call; pager; alerting; runbook|runbooks; retro action|actions; action items; process change; proposed process; championed; standardize|standardized; consolidate; migrate team; guild; community of practice; engineering excellence; tech debt day; hackathon
L scope_org: org wide; organization wide; company wide; engineering wide; across org|company|engineering|organization|department|departments|orgs|business; whole org|company|engineering|department; entire org|company|engineering|department|fleet; all of engineering; every team|squad|product; all teams|squads|products; org level; company level; company standard; org standard; all hands; cross org; multiple|several|many|other orgs|departments|divisions; industry; leadership team; executive; vp|vps|cto|ceo|director|directors; hundreds engineers|people|developers; dozens teams|engineers
L scope_multi>scope_team: multiple|several|many|other|dozens|two teams|squads|groups|services|systems; across teams|squads|services|systems; cross team; sibling|partner|neighboring|adjacent|downstream|upstream teams; other team; between teams; platform; several engineers|people|developers
L scope_team: own team; her|his|their|the team; within team; team level; teammates; for team; team use|uses|used|adopted; peers use|used
L adopt_wide: widely adopted|used; adopted by|across; become|became standard|default; now standard|default; everyone use|uses; eagerly adopted; copied|reused|cloned by; rolled out to|across; other teams adopted|use|used|copied; standard across; default for; industry
L ahead: ahead of schedule|plan|time|deadline; early; before deadline; under budget; weeks early; beat deadline|estimate
L on_time>late: on time; on schedule; on track; hit deadline|date; met deadline|date; within budget; as planned
L late>on_time: slipped; slip; missed deadline|date|target; late; behind schedule; over budget; overran; took longer; multifold estimate; delay|delayed
L help>independent: need hint|hints|help|prompt|prompting|nudge|nudging|guidance|push|handholding|direction; with hint|hints|prompting|nudging|help; after hint|hints|prompting; have to nudge|push|prompt|remind|explain|point|steer|walk|ask|spell|guide|drag|tell; only when asked|prompted|pushed|pressed; when prompted|nudged|pushed|pressed; rely on; relies on; wait for; waited for; waits for; depend on; depends on; ask me; asked me for; lean on; hand holding; spoon fed; heavy guidance; significant input; frequent input
L independent: unprompted; without prompting|prompted|hint|hints|help|asking|asked|nudging|guidance|handholding; without being asked|prompted|told; no hint|hints|prompting|nudging|handholding; no hand holding; no help|guidance need|needed|required; on own; independently; proactively; proactive; self driven; self directed; own initiative; took initiative; before asked; before I asked; volunteered
L struggle>capable: struggle|struggled|struggling; trouble|troubles; difficulty|difficulties; confused|confusion; vague; shallow; hand wavy; superficial; generic; hesitant; unclear; stuck; lost; wrong; incorrect; mistake|mistakes; defensive; blamed|blame; dismissive; reactive; inconsistent; sporadic; avoid|avoided|avoids; reluctant; weak; poor|poorly; limited; surface level; textbook; buzzword|buzzwords; could not; can not; not able; unable; fail|failed|fails; miss|missed|misses; overlooked; ignore|ignored; no plan|idea|thought|sense|awareness|answer|example; not sure; unsure; rarely; seldom; basic; naive; rambling; rambled; disorganized; messy; gap|gaps; concern|concerning; red flag; not ready; below bar; hesitated; froze; flustered; give|gave|gives|giving up; rushed; skipped; forgot; guess|guessed; talk|speak|spoke over me|us|people|other|everyone|interviewer; interrupt me|us|people|other|everyone|interviewer; cut me|us|people off
L capable: solid; good; clear|clearly; reasonable; competent; sensible; appropriate; correct|correctly; thoughtful; structured; methodical; well reasoned; crisp; concise; practical; pragmatic; sound; careful; effective|effectively; consistent|consistently; reliable|reliably; steady; capable; comfortable; confident|confidently
L strong: exceptional; outstanding; excellent; impressive; remarkable; deep|deeply; expert|expertise; mastery; world class; go to person; go to; staff level; principal; beyond; above and beyond; raised the bar; sets the bar; best; brilliant; standout; rare; top; visionary; anticipated|anticipates|foresaw; years out|ahead; conference; give|gave talk; published; patent; open source; recognized|recognised; award; invited; sought after; influential; influence|influenced; transformed|transformative; pioneered; spearheaded; championed; architected; founded; created; invented
L rubric_exceeds: anticipate|anticipated|anticipates|anticipating|foresaw|foresee|foresees; saw ... coming; future business|customer need|needs; future need|needs; ahead of curve; influence|influenced|influences|influencing|shaped|reshaped|changed|steered|set ... roadmap; roadmap ... influence|influenced|changed|reshaped|shifted|reworked|reprioritized|revised|rewritten|updated; reworked|reprioritized|revised|dropped|cut ... roadmap; technical insight|insights; innovation|innovations|innovative|innovate|innovated; bridge|bridges|bridged|bridging|glue|liaison|connector ... team|teams|engineering|product|design|departments|groups|orgs; facilitate|facilitated|facilitates|facilitating ... alignment|communication between|across; mentor|mentors|mentored|mentoring|train|trains|trained|training|coach|coaches|coached|coaching|teach|teaches|taught other|new|fellow|the|junior|our mentor|mentors|interviewer|interviewers; train|trains|trained|training|coach|coaches|coached|coaching|calibrate|calibrates|calibrated|calibrating interviewer|interviewers|mentor|mentors; mentor|mentors of mentor|mentors; mentor|mentors|mentored|mentoring|coach|coaches|coached|coaching ... pm|pms|product|designer|designers|analyst|analysts; cross functional peer|peers; career development; to promotion; got|get|were|was promoted; hiring decision|decisions; active role ... hiring|interviewing|interview; design|designed|built|wrote|created|rewrote|overhauled ... interview|hiring loop|loops|rubric|rubrics|process|question|questions; rewrite|rewrote|rewritten|rewriting|redesign|redesigned|revamp|revamped|curate|curated|curates|maintain|maintains|own|owns ... question|interview bank|banks|loop|loops|rubric|rubrics|questions; dozens|hundreds interview|interviews|candidates; interview|interviewed|interviews dozens|hundreds; hiring committee|committees; bar raiser|raisers; cross functional process|processes|workflow|workflows; lead|leads|led by example; best in class; best of breed; set|sets|setting the standard|tone|example|bar; became|become|becomes|now the template|blueprint|model|reference|standard|default; template|blueprint|model for other|others|rest; adopted|copied|reused|followed|picked by others|other|multiple|several|engineers|teams; others adopted|adopt|copied|reused|followed|picked; other teams|engineers|groups|squads adopted|adopt|copied|reused|followed|picked|switch|switched|migrate|migrated|standardize|standardized; eagerly|enthusiastically|voluntarily|quickly adopted|adopt|picked; process|practice|practices|workflow|format|framework|frameworks|pattern|patterns|library|approach|convention|conventions|tool|tooling ... adopted|copied|reused|picked; exceptional|outstanding|excellent|flawless|impeccable|superb quality; flawless|flawlessly|impeccable|spotless launch|rollout|delivery|delivered|shipped|cutover|migration; consistently|repeatedly|always deliver|delivers|delivered|ship|ships|shipped|finish|finishes|finished ... early|ahead
L inquire: clarify question|q|requirement|assumption|constraint|scope; good|great|sharp|smart|thoughtful|probing|right question|q; check|confirm|validate assumption|requirement; ask|asked|asking|enquired|inquired ... load|traffic|qps|rps|requests|throughput|sla|slo|slas|target|targets|requirement|requirements|user|users|scale|constraint|constraints|limit|limits|budget|latency|peak|volume|ratio|mix|availability|uptime|dataset|growth|input|inputs|usage|expected|retention|durability; start|started|began|begin|opened|open|kicked ... ask|asking|clarify|clarifying|confirm|confirming|check|checking; first|opening|initial question|questions ... load|traffic|qps|requests|throughput|sla|target|requirement|requirements|user|users|scale|constraint|constraints|limit|limits|budget|latency|peak|volume|availability|uptime|expected
L measured: percent; thousands; hundreds; multifold; money; million; saved; reduced|cut|improved latency|cost|time; revenue; metric|metrics
";

/// One compiled pattern: its cue, its elements' alternative stems.
struct Pattern {
    cue: usize,
    elements: Vec<Vec<String>>,
    /// Per element: it may sit anywhere later in the clause (written `...` before it).
    far: Vec<bool>,
    /// The pattern spells out its own negation ("could not", "no plan"): only a negation
    /// before its first word turns it around.
    self_negating: bool,
}

/// One cue: its feature name, kind and what it becomes under negation.
pub struct Cue {
    pub name: String,
    pub kind: CueKind,
    pub negated: Option<String>,
}

/// The compiled lexicon: cues, patterns, and patterns indexed by the stems of their first element.
pub struct Lexicon {
    pub cues: Vec<Cue>,
    patterns: Vec<Pattern>,
    pub(super) by_first: FxHashMap<String, Vec<usize>>,
}

/// A cue found in a note: which cue, which tokens, whether negated.
#[derive(Clone, Debug)]
pub struct CueMatch {
    /// The feature name to emit: "#tech", "#scope_org", "#independent", "!#capable".
    pub feature: String,
    pub kind: CueKind,
    /// Index of the first and last matched token.
    pub first: usize,
    pub last: usize,
    /// A negation turned the cue into its opposite ("did not need hints": `#help` read as
    /// `#independent`).
    pub reversed: bool,
}

/// Stems every word of a pattern element.
fn stem_phrase(words: &str) -> Vec<String> {
    super::text::tokenize(words).into_iter().map(|t| t.stem).collect()
}

fn compile() -> Lexicon {
    let mut lex = Lexicon { cues: Vec::new(), patterns: Vec::new(), by_first: FxHashMap::default() };
    for line in LEXICON.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let Some((head, body)) = line.split_once(':') else { continue };
        let mut head_words = head.split_whitespace();
        let kind = match head_words.next() {
            Some("T") => CueKind::Topic,
            _ => CueKind::Level,
        };
        let spec = head_words.next().unwrap_or("unnamed");
        let (name, negated) = match spec.split_once('>') {
            Some((n, neg)) => (n.to_string(), Some(format!("#{neg}"))),
            None => (spec.to_string(), None),
        };
        let cue = lex.cues.len();
        lex.cues.push(Cue { name: format!("#{name}"), kind, negated });
        for pattern in body.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            let mut elements: Vec<Vec<String>> = Vec::new();
            let mut far = Vec::new();
            let mut next_far = false;
            for element in pattern.split_whitespace() {
                if element == "..." {
                    next_far = true;
                    continue;
                }
                // An alternative may expand to several words ("1:1" to "one on one"): keep its
                // first stem as the element and let the rest follow as their own elements only
                // when the element has no alternatives.
                let alts: Vec<Vec<String>> = element.split('|').map(stem_phrase).filter(|s| !s.is_empty()).collect();
                if alts.len() == 1 {
                    for s in alts.into_iter().flatten() {
                        elements.push(vec![s]);
                        far.push(std::mem::take(&mut next_far));
                    }
                } else if !alts.is_empty() {
                    elements.push(alts.into_iter().filter_map(|a| a.into_iter().next()).collect());
                    far.push(std::mem::take(&mut next_far));
                }
            }
            if elements.is_empty() {
                continue;
            }
            let idx = lex.patterns.len();
            for first in &elements[0] {
                let list = lex.by_first.entry(first.clone()).or_default();
                if !list.contains(&idx) {
                    list.push(idx);
                }
            }
            let self_negating = pattern.split_whitespace().any(|w| one_of("not no never without unable", w));
            lex.patterns.push(Pattern { cue, elements, far, self_negating });
        }
    }
    lex
}

/// The compiled lexicon, built once.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(compile)
}

/// Finds every cue in a token list. Each cue is reported at most once per starting token.
pub fn find(tokens: &[Token]) -> Vec<CueMatch> {
    let lex = lexicon();
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        // A content word whose sense was dropped (`text::mark_senses`: the interviewer's "I
        // asked", "went ahead") starts no cue; true function words ("on time") still do.
        if t.stop && !super::text::is_stopword(&t.word) {
            continue;
        }
        let Some(candidates) = lex.by_first.get(&t.stem) else { continue };
        for &p in candidates {
            let Some(pattern) = lex.patterns.get(p) else { continue };
            let Some((last, negated)) = match_at(tokens, i, pattern) else { continue };
            let Some(cue) = lex.cues.get(pattern.cue) else { continue };
            let reversed = negated && cue.kind == CueKind::Level;
            let feature = if reversed {
                cue.negated.clone().unwrap_or_else(|| format!("!{}", cue.name))
            } else {
                cue.name.clone()
            };
            if out.iter().any(|m: &CueMatch| m.feature == feature && m.last >= i) {
                continue;
            }
            out.push(CueMatch { feature, kind: cue.kind, first: i, last, reversed });
        }
    }
    out
}

/// Tries a pattern starting at token `i`: the index of the last matched token and whether the
/// match is negated (a matched token in a negation scope, or a negator inside a gap).
fn match_at(tokens: &[Token], i: usize, pattern: &Pattern) -> Option<(usize, bool)> {
    let first = tokens.get(i)?;
    let clause = first.clause;
    let mut negated = first.neg;
    let mut pos = i;
    for (e, element) in pattern.elements.iter().enumerate().skip(1) {
        let mut found = None;
        let reach = if pattern.far.get(e).copied().unwrap_or(false) { tokens.len() } else { pos + 1 + MAX_GAP };
        for j in pos + 1..=reach.min(tokens.len().saturating_sub(1)) {
            let t = tokens.get(j)?;
            if t.clause != clause {
                break;
            }
            if element.contains(&t.stem) {
                found = Some(j);
                break;
            }
        }
        let j = found?;
        if !pattern.self_negating {
            for t in tokens.get(pos + 1..=j)? {
                negated |= t.neg || one_of("not no never without", &t.word);
            }
        }
        pos = j;
    }
    Some((pos, negated))
}
