//! The observation classifier: the committed model matches its training data, the held-out
//! targets hold, negation, hedges and scope cues move the level, evidence spans are valid, flags
//! are precise, drafting never overrides the interviewer, and leveling from notes is sane.

use std::path::Path;

use scorecard::core::classifier::{
    self, classify, detect_flags, draft, draft_ratings, embedded_model, tag_observations, text, train, ClassifyError,
    FlagKind, Model,
};
use scorecard::core::scorecard::{Observation, Rating, RatingEntry, TagSource, MAX_TEXT_CHARS};
use scorecard::core::{recommend, Decision, Rubric, Scorecard};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Reads every `*.jsonl` file of a corpus directory, in file-name order (as the CLI does).
fn corpus(dir: &Path) -> Vec<train::Example> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        // The CLI names files by their path as given; names only appear in error messages.
        let text = std::fs::read_to_string(&f).unwrap();
        out.extend(train::parse_corpus(&f.display().to_string(), &text).unwrap());
    }
    out
}

#[test]
fn embedded_model_parses() {
    let m = embedded_model().expect("the embedded model parses");
    assert_eq!(m.level.classes, ["needs_improvement", "meets", "exceeds"]);
    assert_eq!(m.capability.classes.len(), 6);
    let rubric = Rubric::default_rubric().unwrap();
    for c in &m.capability.classes {
        assert!(rubric.capability(c).is_some(), "model class {c} is a rubric capability");
    }
}

/// Retraining from `data/corpus/train` gives the committed model byte for byte. If this fails,
/// run `scorecard classifier train` and rebuild.
#[test]
fn committed_model_matches_training_data() {
    let examples = corpus(&root().join("data/corpus/train"));
    assert!(examples.len() > 1000, "the training corpus is there");
    let model = train::train(&examples, &train::TrainConfig::default());
    let text = model.to_text();
    let on_disk = std::fs::read_to_string(root().join("data/model/classifier.txt")).unwrap();
    assert!(text == on_disk, "data/model/classifier.txt is stale: run `scorecard classifier train`");
    assert!(text == classifier::EMBEDDED_MODEL, "the binary embeds a stale model: rebuild");
}

#[test]
fn held_out_targets_hold() {
    let path = root().join("data/corpus/heldout.jsonl");
    let examples = train::parse_corpus("heldout.jsonl", &std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(examples.len() >= 300, "the held-out split is there");
    let ev = train::evaluate(embedded_model().unwrap(), &examples);
    assert!(ev.capability_accuracy >= 0.85, "capability accuracy {:.3} < 0.85", ev.capability_accuracy);
    assert!(ev.level_accuracy >= 0.75, "level accuracy {:.3} < 0.75", ev.level_accuracy);
    assert!(ev.joint_accuracy >= 0.65, "joint accuracy {:.3} < 0.65", ev.joint_accuracy);
    let total: usize = ev.capability_confusion.iter().flatten().sum();
    assert_eq!(total, examples.len(), "every note lands in the confusion matrix");
}

#[test]
fn model_text_round_trips_and_errors_name_the_line() {
    let m = embedded_model().unwrap();
    let again = Model::parse(&m.to_text()).unwrap();
    assert_eq!(&again, m);
    let cases: &[(&str, &str)] = &[
        ("", "line 1"),
        ("scorecard-classifier 1\nscale 0\n", "line 2"),
        ("scorecard-classifier 1\nscale 100\nhead capability a b\nbias 1 2\nx\t1 2\n", "without \"end\""),
        ("scorecard-classifier 1\nscale 100\nhead capability a b\nbias 1 2\nx\t1 q\nend\n", "line 5"),
        ("scorecard-classifier 1\nscale 100\nhead capability a b\nbias 1 2\nx\t1\nend\n", "line 5"),
        (
            "scorecard-classifier 1\nscale 100\nhead capability a b\nbias 1 2\nhead level x y\nbias 0 0\nend\n",
            "level head",
        ),
    ];
    for (text, expected) in cases {
        let err = Model::parse(text).unwrap_err();
        assert!(err.contains(expected), "{text:?}: {err} should mention {expected}");
    }
    // A feature may be named like a section keyword.
    let tricky = "scorecard-classifier 1\nscale 100\nhead capability a b\nbias 0 0\nhead count\t1 -1\nend x\t2 0\nhead level needs_improvement meets exceeds\nbias 0 0 0\nend\n";
    let parsed = Model::parse(tricky).unwrap();
    assert!(parsed.capability.row("head count").is_some() && parsed.capability.row("end x").is_some());
}

/// One classification case: the note, the capability, the level.
fn check(note: &str, capability: &str, level: Rating) {
    let c = classify(note).unwrap();
    assert_eq!((c.capability.as_str(), c.level), (capability, level), "{note}");
    assert!((0.0..=1.0).contains(&c.confidence), "{note}: confidence {}", c.confidence);
}

#[test]
fn capabilities_and_levels_of_clear_notes() {
    use Rating::*;
    let cases: &[(&str, &str, Rating)] = &[
        ("Mentors two new grads on her team and meets them weekly.", "mentorship_support", Meets),
        ("Explained trade-offs to a non-technical PM clearly.", "communication_collaboration", Meets),
        ("Needed hints at every step of the rate limiter design.", "technical_expertise", NeedsImprovement),
        ("Never once mentioned cost or customers when choosing the architecture.", "business_impact", NeedsImprovement),
        ("Delivered the migration on time.", "project_ownership", Meets),
        ("Delivered the migration two weeks ahead of schedule across four teams.", "project_ownership", Exceeds),
        (
            "Rolled out the new on-call process across the whole engineering org; every team adopted it.",
            "leadership_process",
            Exceeds,
        ),
        ("hasn't mentored anyone and never takes part in interviews", "mentorship_support", NeedsImprovement),
    ];
    for (note, cap, level) in cases {
        check(note, cap, *level);
    }
}

#[test]
fn negation_hedges_and_scope_move_the_level() {
    use Rating::*;
    // Pairs that differ only in a negation, a hedge or a scope cue.
    let cases: &[(&str, Rating)] = &[
        ("Solved the rate limiter design and did not need hints at any point.", Exceeds),
        ("Solved the rate limiter design but needed hints at every point.", NeedsImprovement),
        ("Built a framework her own team uses.", Meets),
        ("Built a framework that every team in the company adopted.", Exceeds),
        ("Maybe not org-level yet, but she drove the new on-call process for her team and the team uses it.", Meets),
        ("Drove the new on-call process for the whole org; every team uses it.", Exceeds),
    ];
    for (note, level) in cases {
        assert_eq!(classify(note).unwrap().level, *level, "{note}");
    }
}

#[test]
fn abbreviations_and_typos_read_like_the_long_form() {
    // The same note in shorthand and in full reads the same.
    let pairs: &[(&str, &str)] = &[
        (
            "explained tradeoffs to the PM and eng mgr",
            "explained trade-offs to the product manager and engineering manager",
        ),
        ("ran x-team syncs w/ design", "ran cross-team syncs with design"),
        ("didnt need hints on the db schema", "did not need hints on the database schema"),
    ];
    for (short, long) in pairs {
        let (a, b) = (classify(short).unwrap(), classify(long).unwrap());
        assert_eq!((a.capability, a.level), (b.capability, b.level), "{short} vs {long}");
    }
}

/// One tokenizer case: the note and the stems it yields, negated stems prefixed with `!`.
fn check_tokens(note: &str, expected: &[&str]) {
    let got: Vec<String> = text::tokenize(note)
        .into_iter()
        .filter(|t| !t.stop)
        .map(|t| if t.neg { format!("!{}", t.stem) } else { t.stem })
        .collect();
    assert_eq!(got, expected, "{note}");
}

#[test]
fn tokenizer_normalises_expands_and_marks_negation() {
    check_tokens("Didn't need hints", &["not", "!need", "!hint"]);
    check_tokens("w/o prompting, mentored 3 new grads", &["without", "!prompt", "mentor", "several", "new", "grad"]);
    check_tokens("x-team PM", &["cross", "team", "product", "manager"]);
    check_tokens("prioritised the organisation's roadmap", &["prioritiz", "org", "roadmap"]);
    check_tokens("never mentioned cost. Led teams", &["never", "!mention", "!cost", "lead", "team"]);
}

/// The level features of a note, by name.
fn level_features(note: &str) -> Vec<String> {
    classifier::features::extract(&text::tokenize(note)).level.into_iter().map(|f| f.name).collect()
}

/// A negated weakness ("did not need hints", "had no trouble") is good news: it reads as
/// working without help, and its negator does not count as a sign of a weak answer.
#[test]
fn negated_needs_improvement_cues_do_not_read_as_needs_improvement() {
    // "needed no hints" denies the need itself, like "did not need hints".
    check_tokens("needed no hints", &["!need", "no", "!hint"]);
    let cases: &[(&str, &str, &str)] = &[
        ("Did not need hints.", "#independent", "~not"),
        ("needed no hints", "#independent", "~no"),
        ("had no trouble with concurrency", "#capable", "~no"),
        ("didnt need any hints on the graph problem, optimal soln + tests", "#independent", "~not"),
        ("she covered retries, backoff, idempotency keys w/o me asking", "#independent", "~without"),
        ("covered retries without me asking", "#independent", "~without"),
        ("no hints needed, and brought up observability", "#independent", "~no"),
        ("brought up observability unprompted", "#independent", "~no"),
    ];
    for (note, cue, negator) in cases {
        let f = level_features(note);
        assert!(f.iter().any(|n| n == cue), "{note}: {cue} in {f:?}");
        assert!(!f.iter().any(|n| n == negator), "{note}: no {negator} in {f:?}");
        assert_ne!(classify(note).unwrap().level, Rating::NeedsImprovement, "{note}");
    }
    assert_eq!(
        classify("didnt need any hints on the graph problem, optimal soln + tests").unwrap().capability,
        "technical_expertise"
    );
    // A negation that is bad news still is, and so is needing hints.
    for note in [
        "Needed hints at every step of the rate limiter design.",
        "could not explain the design",
        "never mentioned cost",
    ] {
        assert_eq!(classify(note).unwrap().level, Rating::NeedsImprovement, "{note}");
    }
}

/// "ahead" is early only in "ahead of schedule" (of plan, of the deadline...) or after a span of
/// time, not in "went ahead without telling them".
#[test]
fn ahead_means_early_only_ahead_of_something() {
    check_tokens("just went ahead w/o telling them", &["without", "!tell"]);
    check_tokens("charged ahead on assumptions", &["charg", "assumption"]);
    check_tokens("landed two weeks ahead of schedule", &["land", "two", "week", "ahead", "schedul"]);
    check_tokens("finished a month ahead", &["finish", "month", "ahead"]);
    let note = "disagreed w/ the design lead and just went ahead w/o telling them, caused a week of rework";
    assert!(!level_features(note).iter().any(|f| f.contains("ahead")), "{note}");
    assert_ne!(classify(note).unwrap().level, Rating::Exceeds, "{note}");
    assert!(level_features("Delivered it ahead of schedule.").iter().any(|f| f == "#ahead"));
}

/// The topic features of a note, by name.
fn capability_features(note: &str) -> Vec<String> {
    classifier::features::extract(&text::tokenize(note)).capability.into_iter().map(|f| f.name).collect()
}

/// Words of the interview or of everyday speech that share a form with a cue: "by her own
/// account" is her story, not a customer account; "data retention" is storage, not customer
/// retention; "the project deep dive" is a part of the interview, not depth shown.
#[test]
fn idioms_do_not_read_as_business_or_depth_cues() {
    check_tokens("PRs needed rework by her own account", &["pull", "request", "need", "rework"]);
    check_tokens("took cost into account", &["take", "cost"]);
    check_tokens("only covered the deep-dive", &["only", "cover", "dive"]);
    for note in [
        "her PRs needed significant rework by her own account - 'my lead rewrote most of it'",
        "designed the retention policy of the logs and the compaction job",
    ] {
        assert!(!capability_features(note).iter().any(|f| f == "#biz"), "{note}");
        assert_ne!(classify(note).unwrap().capability, "business_impact", "{note}");
    }
    for note in
        ["grew the two biggest enterprise accounts", "raised user retention by 5%", "after analysing retention curves"]
    {
        assert!(capability_features(note).iter().any(|f| f == "#biz"), "{note}");
    }
    assert!(!level_features("we only covered the project deep dive").iter().any(|f| f == "#strong"));
    assert!(level_features("went deep on consensus and failover").iter().any(|f| f == "#strong"));
}

#[test]
fn evidence_spans_are_char_boundaries_for_any_text() {
    let notes = [
        "Mentored 3 new grads — all promoted; café-style office hours ☕ for the whole org",
        "résumé naïve 日本語 explained trade-offs to the PM 🚀🚀 and set up a design review",
        "didn\u{2019}t need hints; handled the cache invalidation edge cases \u{1F600}",
        "x\u{0301}y\u{0301} led the migration across five teams ahead of schedule",
    ];
    for note in notes {
        let c = classify(note).unwrap();
        assert!(!c.evidence.is_empty(), "{note}: some evidence");
        for s in c.evidence.iter().chain(c.flags.iter().filter_map(|f| f.span.as_ref())) {
            let part = note.get(s.start..s.end);
            assert!(
                part.is_some_and(|p| !p.trim().is_empty()),
                "{note}: span {}..{} is not a char range",
                s.start,
                s.end
            );
        }
    }
}

#[test]
fn bad_notes_are_errors_not_panics() {
    let long = "a".repeat(MAX_TEXT_CHARS + 1);
    let cases: &[(&str, ClassifyError)] = &[
        ("", ClassifyError::Empty),
        ("  \n\t ", ClassifyError::Empty),
        ("🚀🚀 !!! ---", ClassifyError::NoWords),
        (&long, ClassifyError::TooLong(MAX_TEXT_CHARS + 1)),
    ];
    for (note, expected) in cases {
        assert_eq!(classify(note).unwrap_err(), *expected, "{:?}", note.get(..20));
    }
    // Odd but valid input classifies, deterministically.
    for note in ["a", "'", "x-", "w/", "1:1", "100%+", "$", "not not not", &"word ".repeat(1999)] {
        let (a, b) = (classify(note), classify(note));
        assert_eq!(a, b, "{note:?}");
    }
}

/// One flag case: the note and the flag kinds expected (empty for a sound note).
fn check_flags(note: &str, expected: &[FlagKind]) {
    let got: Vec<FlagKind> = detect_flags(note).into_iter().map(|f| f.kind).collect();
    assert_eq!(got, expected, "{note}");
    for f in detect_flags(note) {
        assert!(f.reason.len() > 10 && f.reason.len() < 200, "{note}: a short reason, got {:?}", f.reason);
    }
}

/// A note written in French, Spanish, German, Italian, Portuguese or Dutch is not read as an
/// English one: its English-looking words ("a", "on", "Migration") used to leave no action verb
/// the detector knows, and a French account of a design got "no observed behaviour", which keeps
/// it from counting. English notes with a few such words ("x and y", "Les", "LA") are still read.
#[test]
fn a_note_in_another_language_is_not_told_it_reports_no_behaviour() {
    use FlagKind::*;
    for note in [
        "A conçu le système de paiement et a expliqué les compromis clairement.",
        "Ha guidato il team nella migrazione e ha spiegato i compromessi con chiarezza.",
        "Liderou a migração do banco de dados com muito cuidado e não deixou nada para trás.",
        "Hat die Migration der Datenbank selbst geplant und das Team jede Woche informiert.",
        "Heeft de migratie van de database gepland en het team elke week geïnformeerd.",
    ] {
        check_flags(note, &[]);
    }
    // Nor are English notes naming people whose names hold those words, or with "ha" and "la".
    for note in [
        "Les Paul fan; seems like a nice guy.",
        "Great energy in the LA office, y'know, very likeable.",
        "João da Silva dos Santos seemed nice.",
        "Great energy, Maria del Carmen y Ruiz.",
        "Pieter van der Berg van het Hof seemed great.",
        "Seemed smart, ha. Very likeable, ha.",
        "Ooh la la, very impressive.",
    ] {
        check_flags(note, &[NonBehavioral]);
    }
}

#[test]
fn flags_catch_impressions_and_bias_but_not_sound_notes() {
    use FlagKind::*;
    let cases: &[(&str, &[FlagKind])] = &[
        ("explained trade-offs to a non-technical PM", &[]),
        ("mentors new grads", &[]),
        ("Found the race condition in the counter and fixed it with a compare-and-swap.", &[]),
        ("Killed the child process cleanly and restarted the parent node.", &[]),
        ("Coordinated with teams in Berlin and Bangalore on the API.", &[]),
        ("Just got married, probably planning a family soon.", &[BiasRisk]),
        ("seems smart", &[NonBehavioral]),
        ("great culture fit, good vibes", &[BiasRisk]),
        ("Would love to work with her!", &[NonBehavioral]),
        ("She mentioned she's pregnant, timing could be tricky.", &[BiasRisk]),
        ("Heavy accent, hard to follow at times.", &[BiasRisk]),
        ("Probably too old to keep up with our pace.", &[BiasRisk]),
        ("Goes to church on Sundays so weekend deploys are out.", &[BiasRisk]),
        // Systems retire, text has accents, services come in families, products have kids'
        // editions (a reviewer's four false alarms); the same words of a person still flag.
        ("Planned the retirement of the legacy billing service.", &[]),
        ("He retired the old API with a migration guide.", &[]),
        ("Fixed search for accented characters in the search index.", &[]),
        ("Split the monolith into a family of microservices.", &[]),
        ("Built the kids education app onboarding flow.", &[]),
        ("She is close to retirement.", &[BiasRisk]),
        ("She has two kids so might not travel.", &[BiasRisk]),
        ("He has a family to support, so salary matters.", &[BiasRisk]),
        // And the same words in a personal sense, which a first version of those rules missed.
        ("He's probably only a few years from retirement, so the long roadmap worries me.", &[BiasRisk]),
        ("She is retiring the year after next.", &[BiasRisk]),
        ("She has a family of five, so relocation is unlikely.", &[BiasRisk]),
        ("Worried her kids education will limit relocation.", &[BiasRisk]),
        ("His kids safety is his priority so no on-call.", &[BiasRisk]),
        ("Strong accent, text was hard to follow.", &[BiasRisk]),
    ];
    for (note, expected) in cases {
        check_flags(note, expected);
    }
}

/// "age" in a compound is not a person's age; parental leave and native English are flagged when
/// said of the candidate, not of a teammate or the people they work with; origin given as "from
/// <country>" of the candidate and age given as a decade are flagged, places and counts not.
#[test]
fn bias_flags_tell_the_candidate_from_others_and_catch_origin_and_decades() {
    use FlagKind::*;
    let cases: &[(&str, &[FlagKind])] = &[
        ("handled the age-out of old records in the retention design, good GDPR awareness", &[]),
        ("set up aging data alerts for the stale partitions", &[]),
        ("set the cache max-age headers correctly", &[]),
        ("talked about supporting a teammate returning from parental leave by restructuring the on-call schedule and pairing w/ her", &[]),
        ("clear communicator w/ the non-native English speakers on the offshore team - wrote things down, used diagrams", &[]),
        ("worked with the team from India on the billing API", &[]),
        ("migrated 30-something services to the new cluster", &[]),
        // Places, counts and other people, not the candidate (a final review's cases).
        ("He moved from Japan region to US region in the design", &[]),
        ("He moved from Spain-based hosting to AWS", &[]),
        ("Our users are from India mostly, so she added a CDN", &[]),
        ("most traffic came from Brazil during the incident", &[]),
        ("From Japan, latency was 300ms, so she proposed edge caching", &[]),
        ("The attack was from Russia and she led the response", &[]),
        ("She came from Poland office to run the migration", &[]),
        ("He managed 30-something engineers across two sites", &[]),
        ("He mentored two juniors in their 20s through their first launch", &[]),
        ("Age is a concern here.", &[BiasRisk]),
        ("She is going on parental leave soon, so timing is bad.", &[BiasRisk]),
        ("candidate's on parental leave until March", &[BiasRisk]),
        ("Non-native speaker, hard to follow at times.", &[BiasRisk]),
        ("his native English made the presentation easy", &[BiasRisk]),
        ("he is originally from India so probably fine with the late calls to US", &[BiasRisk]),
        ("she's from Brazil, might want to move back", &[BiasRisk]),
        ("he's in his 50s, not sure he'd keep up", &[BiasRisk]),
        ("in her late 40s, steady", &[BiasRisk]),
        ("30-something, solid on the coding round", &[BiasRisk]),
    ];
    for (note, expected) in cases {
        check_flags(note, expected);
    }
    assert_eq!(
        first_flag("she is from India so probably fine with the late calls"),
        Some((BiasRisk, "from India".to_string()))
    );
    // Known miss, left for precision: a note that opens with "from India so ..." names no
    // person, like "From Japan, latency was 300ms" (a place), and is not flagged.
    assert_eq!(first_flag("he's in his 50s"), Some((BiasRisk, "in his 50s".to_string())));
    assert_eq!(first_flag("30-something, solid"), Some((BiasRisk, "30-something".to_string())));
}

/// The first flag of a note: its kind and the words it quotes.
fn first_flag(note: &str) -> Option<(FlagKind, String)> {
    let f = detect_flags(note).into_iter().next()?;
    let quoted = f.span.as_ref().and_then(|s| note.get(s.start..s.end)).unwrap_or("").to_string();
    Some((f.kind, quoted))
}

#[test]
fn flags_catch_age_coded_words_appearance_and_fit_verdicts() {
    use FlagKind::*;
    // True positives: the kind of the first flag and the words it quotes.
    let hits: &[(&str, FlagKind, &str)] = &[
        // A bias flag replaces the impression flag ("great") and names the protected trait.
        ("great culture fit, young and energetic", BiasRisk, "young and energetic"),
        ("young and energetic", BiasRisk, "young and energetic"),
        ("GREAT CULTURE FIT, YOUNG AND ENERGETIC", BiasRisk, "YOUNG AND ENERGETIC"),
        ("Young, hungry, energetic.", BiasRisk, "Young"),
        ("She's young and hungry, would grow fast here.", BiasRisk, "young"),
        ("Seems young for the role.", BiasRisk, "young for"),
        ("He's a young engineer with lots of potential.", BiasRisk, "young engineer"),
        ("a bit younger than the rest of the team", BiasRisk, "bit younger"),
        ("Energetic! Loved the conversation.", BiasRisk, "Energetic"),
        ("Fresh out of college, so probably cheap.", BiasRisk, "Fresh out of college"),
        ("She's a recent grad, so expect less depth.", BiasRisk, "recent grad"),
        ("As a recent graduate he lacks depth.", BiasRisk, "recent graduate"),
        ("Overqualified for this role.", BiasRisk, "Overqualified"),
        ("Very polished appearance", BiasRisk, "appearance"),
        ("Polished look, confident.", BiasRisk, "Polished look"),
        ("Very well-dressed, good looks.", BiasRisk, "well-dressed"),
        ("He's very attractive.", BiasRisk, "attractive"),
        // Fit verdicts are not behaviour and judge likeness to the team, the way affinity bias
        // enters a scorecard: a bias risk (so a hand tag does not count them in a rating or send
        // them to the ATS), quoting the verdict, not "great".
        ("Great culture fit.", BiasRisk, "culture fit"),
        ("great culture fit, good vibes", BiasRisk, "culture fit"),
        ("Not sure he'd fit in here.", BiasRisk, "fit in"),
        ("Not a culture fit.", BiasRisk, "Not a culture fit"),
        ("not a good fit for us", BiasRisk, "not a good fit"),
        ("Would fit right in.", BiasRisk, "fit right in"),
        // The interviewer's own verdict beside behaviour would reach the ATS with it: flagged, and
        // the reason says that taking it out lets the rest count.
        ("Shipped the cache rewrite, great culture fit overall", BiasRisk, "culture fit"),
        ("Led the migration across five teams; would fit right in with us.", BiasRisk, "fit right in"),
        ("Walked me through the rollback plan and the metrics. Team fit is strong.", BiasRisk, "Team fit"),
        ("Designed the retry queue herself; I think she'd fit in here.", BiasRisk, "fit in"),
        // Found by a re-test: verdicts in other words.
        ("Ran the incident review; he'd be a good fit for the team", BiasRisk, "good fit"),
        ("Shipped the cache rewrite, not a good fit for us", BiasRisk, "good fit"),
        ("Shipped the cache rewrite and fits our culture", BiasRisk, "fits our culture"),
        ("Reviewed 40 PRs a week, fits in well with the team", BiasRisk, "fits in"),
        ("Reviewed 40 PRs a week. I don't think she'd fit in", BiasRisk, "fit in"),
        ("Shipped the cache rewrite, great personality fit", BiasRisk, "personality fit"),
        ("Shipped the cache rewrite, culturefit", BiasRisk, "culturefit"),
        // Still caught as before.
        ("Heavy accent, hard to follow at times.", BiasRisk, "accent"),
        ("Has young kids, so may not want to do oncall.", BiasRisk, "kids"),
        ("digital native", BiasRisk, "digital native"),
        ("Older candidate", BiasRisk, "Older candidate"),
        ("Very polished, clearly has 'it'.", NonBehavioral, "polished"),
    ];
    for (note, kind, quoted) in hits {
        assert_eq!(first_flag(note), Some((*kind, quoted.to_string())), "{note}");
    }
    let reason = &detect_flags("Great culture fit.")[0].reason;
    assert!(reason.contains("\"culture fit\"") && reason.contains("bias"), "{reason}");
    let reason = &detect_flags("Shipped the cache rewrite, great culture fit overall")[0].reason;
    assert!(reason.contains("\"culture fit\"") && reason.contains("take it out"), "{reason}");
    // "young kids" is a family remark, not one about the candidate's age: one flag, not two.
    assert_eq!(detect_flags("Has young kids, so may not want to do oncall.").len(), 1);
    // Several traits: one bias flag each, in the order of the note, and no impression flag.
    let kinds: Vec<String> =
        detect_flags("Young and energetic mom, very polished appearance.").into_iter().map(|f| f.reason).collect();
    assert_eq!(kinds.len(), 3, "{kinds:?}");
    assert!(kinds[0].contains("age") && kinds[1].contains("family") && kinds[2].contains("appearance"), "{kinds:?}");

    // True negatives: behaviour, and words that share a form with the lexicon's.
    let sound = [
        "Designed the sharded cache and led the rollout across three teams",
        "Looked at the logs first and found the leak",
        "Looks at the query plan before adding an index; looked into the slow join herself.",
        // "young" qualifies a system, not a person: not flagged, and so is "He explained ...",
        // where a pronoun is nearby but "young" still modifies a noun that is not a person.
        "Explained why the young service needed load tests",
        "He explained why the young codebase needed more tests before the launch.",
        "Mentored a recent hire",
        // Recent grads the candidate works with are not the candidate's age.
        "Mentors two recent grads on her team and meets them weekly.",
        "Onboarded a recent grad and paired with her daily on the billing service.",
        "Mentors young engineers on his team through code review.",
        "Mentored a young engineer through her first on-call rotation.",
        // "energetic" is age-coded said of the person; of a session it is not about them.
        "energetic debugging session",
        "Ran fresh out of ideas on the cache design, then asked me for a hint and fixed it.",
        "The appearance of the bug in the logs was intermittent; he bisected it to a race in the retry loop.",
        "Designed an attractive pricing option for the enterprise tier and sold it to sales.",
        "Had no view on how the team should fit tech debt into sprint planning.",
        "NB: the junior he mentored left the team; he said 'not a fit' w/o any reflection on his part",
        // A verdict the note reports, and fit said of the work, beside behaviour: no flag.
        "Asked why the last hire left, he couldn't articulate why beyond 'not a culture fit' and moved on",
        "Told me the reorg failed because of \"team fit\" and could not say more",
        "Chose a trie, a good fit for prefix search, and benchmarked it against a sorted array",
        "Explained how the new service would fit in with the existing ingest pipeline",
        "Not a good fit for Kafka, he said, and moved the audit log to Postgres with a migration plan",
        // Found by a re-test: work that fits, and notes about fit hiring rather than verdicts.
        "Her change would fit right in with our existing pipeline",
        "I think the new index would fit in here, under the 64 MB cap",
        "Rewrote the allocator so the team fit the release deadline",
        "Explained how the team fit testing into each sprint",
        "Described why culture fit interviews are biased and proposed structured rubrics",
        "Argued that team fit should not be an interview criterion",
        "Picked Postgres as a good fit for the team's reporting needs and wrote the migration",
        // Found by a code review: things that fit, and fit hiring judged as a practice.
        "Wrote a retry helper for the client, which fits in nicely with the existing code.",
        "Refactored the parser; it fits in well with the rest of the codebase.",
        "Argued that culture fit is a poor hiring criterion and proposed structured rubrics.",
        "Picked Go as a good fit for the team.",
        "Good energy in the pairing session: thought out loud, tested assumptions, took my hints quickly.",
        "youngest person on the team to ship a feature end to end; wrote the design doc herself",
        // Found in review: design work and idioms that share words with appearance and age.
        "Gave the dashboard a polished look before the demo",
        "Explained why the mockups gave a professional look impossible for the admin UI",
        "Made an appearance at every incident review and wrote the postmortems",
        "Recent grads on the team found her design docs easy to follow",
    ];
    for note in sound {
        check_flags(note, &[]);
    }
}

/// Affinity verdicts in other words than "fit" (a reviewer's misses and their neighbours): getting
/// on with the team ("mesh", "gel", "click", "get along"), likeness to the interviewer ("reminds
/// me of myself", "a lot like me", the beer test, "vibes"), "one of us", "not right for us",
/// "cultural match", "personality fit", "fits our mould". Flagged alone or beside behaviour, and
/// quoted; the same words about work, about the practice, in compounds or quoted stay sound.
#[test]
fn flags_catch_affinity_verdicts_in_other_words() {
    use FlagKind::*;
    let hits: &[(&str, &str)] = &[
        ("She'd mesh well with the team.", "mesh well with the team"),
        ("Don't think she'd mesh with the team.", "mesh with the team"),
        ("Would gel with us.", "gel with us"),
        ("Good cultural match.", "cultural match"),
        ("Not a good cultural match for us.", "cultural match"),
        ("Reminds me of myself.", "Reminds me of myself"),
        ("Reminds me of me when I started.", "Reminds me of me"),
        ("He reminds me of a younger version of myself.", "reminds me of a younger version of myself"),
        ("He's a lot like me.", "like me"),
        ("Would get along great with the team.", "get along great with the team"),
        ("He'd get along with the rest of the team.", "get along with the rest of the team"),
        ("one of us", "one of us"),
        ("Feels like one of us.", "one of us"),
        ("I could see myself grabbing a beer with him.", "beer with him"),
        ("Wouldn't want to grab a beer with him.", "beer with him"),
        ("Someone I'd grab a beer with.", "beer with"),
        ("vibe", "vibe"),
        ("Great vibes.", "vibes"),
        ("good vibes overall", "vibes"),
        ("Not sure he'd click with the team.", "click with the team"),
        ("Just didn't click with him.", "click with him"),
        ("Personality fit.", "Personality fit"),
        ("Doesn't fit our mould.", "fit our mould"),
        ("Doesn't fit the mold.", "fit the mold"),
        ("Gut feeling he's not right for us.", "right for us"),
        ("Not the right fit for us.", "right fit"),
        // Beside behaviour, the verdict would reach the ATS with it.
        ("Shipped the cache rewrite on time; she'd mesh well with the team.", "mesh well with the team"),
        ("Led the migration across five teams. Good cultural match.", "cultural match"),
        ("Debugged the flaky test in ten minutes; reminds me of me when I started.", "reminds me of me"),
        ("Wrote the design doc and ran its review; he's a lot like me.", "like me"),
        ("Fixed the race in the retry loop. Feels like one of us.", "one of us"),
        ("Walked me through the rollback plan. I could see myself grabbing a beer with him.", "beer with him"),
        ("Designed the rate limiter well, great vibes.", "vibes"),
        ("Explained the trade-offs clearly, not sure he'd click with the team.", "click with the team"),
        ("Shipped the billing migration; doesn't fit our mold.", "fit our mold"),
        ("Reviewed 40 PRs a week, but gut feeling he's not right for us.", "right for us"),
        ("Shipped the cache rewrite, strong personality fit", "personality fit"),
    ];
    for (note, quoted) in hits {
        assert_eq!(first_flag(note), Some((BiasRisk, quoted.to_string())), "{note}");
    }
    let reason = &detect_flags("Reminds me of myself.")[0].reason;
    assert!(
        reason.contains("\"Reminds me of myself\"") && reason.contains("likeness") && reason.contains("to you"),
        "{reason}"
    );
    // "the guys" is a gender remark, caught as such: one flag.
    assert_eq!(first_flag("would get along great with the guys"), Some((BiasRisk, "the guys".to_string())));

    let sound = [
        // The same words about work.
        "She explained why the design meshes well with the existing services.",
        "Set up the service mesh and migrated traffic to it without downtime.",
        "Chose a trie, a good match for the problem, and benchmarked it against a sorted array.",
        "Picked Go as a good match for the team.",
        "The API he designed reminds me of GraphQL; he explained how he batched the resolvers.",
        "She mentored juniors who were a lot like her old team.",
        "Users click with one hand on mobile, so she moved the button.",
        "Once the design clicked, she sped up and finished early.",
        "Built a vibe-coding prototype in a day, then rewrote it with tests before the demo.",
        "He vibe coded the prototype, then rewrote it with tests.",
        "Picked the right tool for the team and documented why.",
        "Postgres is right for us, he argued, and wrote the migration.",
        "She paired with one of us on the flaky test and found the race.",
        "One of us had to restart the server, and she wrote the runbook after.",
        "He grabs a beer with his reports on Fridays and uses it to ask for feedback.",
        "He gets along with the PM and negotiated the scope cut.",
        // Clicking with nobody named is understanding; a match or a fit of work (a code review's
        // false alarms).
        "I hinted at the index and she clicked.",
        "Once I drew the diagram, she clicked.",
        "She clicked immediately and wrote the query.",
        "Matches the team's conventions; wrote tests first.",
        "Tests: match the team style.",
        "Good match here for a B-tree, and she built it.",
        "Chose a heap, a good fit here for a B-tree workload.",
        "Her patch fits the team's conventions and passed review.",
        // The practice, the candidate's own questions, and quoted speech.
        "We discussed why culture-fit interviews are biased.",
        "He asked whether the team has a beer-Friday culture.",
        "She asked whether she would get along with the team and what the on-call load looks like.",
        "He said his last manager called him 'one of us' and it made him uncomfortable.",
        "Told me his old lead wrote \"she'd mesh well with the team\" in every review, so he pushed for a rubric.",
    ];
    for note in sound {
        check_flags(note, &[]);
    }
}

/// The affinity verdicts the rules above still missed, and two false alarms on work: "like me
/// when I started" opening its clause, vibes judged ("vibes were off", "bad vibes from him"), a
/// trailing "though", "our kind of engineer", and a verdict after an asking word once the
/// question has ended ("I asked about testing and honestly he's not one of us"). The
/// candidate's own questions, the same words about work, and "one-click rollback" or "meshed
/// the two datasets" (no longer `non_behavioral`) stay sound.
#[test]
fn flags_catch_leftover_affinity_verdicts_and_not_work() {
    use FlagKind::*;
    let hits: &[(&str, &str)] = &[
        ("Like me when I started, she asked lots of questions about the deploy pipeline.", "Like me"),
        ("Like me back when I was junior, she wanted to rewrite everything.", "Like me"),
        ("Vibes were off.", "Vibes were off"),
        ("The vibes were off with him, though he answered the SQL questions.", "vibes were off with him"),
        ("Got bad vibes from him.", "vibes from him"),
        ("Gave off a weird vibe.", "vibe"),
        ("Good vibes from her; she walked me through the cache design.", "vibes from her"),
        ("Not right for us though.", "right for us"),
        ("Fixed the flaky test fast, but he's not one of us though.", "one of us"),
        ("Shipped the cache rewrite; not a culture fit though.", "culture fit"),
        ("Shipped the cache rewrite, not a great fit for the team though.", "great fit"),
        ("Our kind of engineer.", "Our kind of engineer"),
        ("He's our kind of person.", "our kind of person"),
        ("Built the rate limiter in an hour; exactly our kind of engineer.", "our kind of engineer"),
        ("She's our type of person.", "our type of person"),
        ("I asked about testing and honestly he's not one of us.", "one of us"),
        ("Asked about our stack and would mesh well with the team.", "mesh well with the team"),
        ("He asked about the roadmap and I could see myself grabbing a beer with him.", "beer with him"),
        ("Meshed really well with the team.", "Meshed really well with the team"),
        ("Very similar to me when I started: scrappy, asks forgiveness not permission.", "similar to me"),
        ("Her vibe was off in the debugging round.", "vibe was off"),
        ("Asked so many good questions about our deploys, he'd fit right in.", "fit right in"),
    ];
    for (note, quoted) in hits {
        assert_eq!(first_flag(note), Some((BiasRisk, quoted.to_string())), "{note}");
    }
    let sound = [
        // A comparison opening its clause, and "like" without "me".
        "Like me, he prefers Postgres for this; he wrote the migration and its tests.",
        "Like me at Stripe, she ran Kafka in production and explained how she sized the partitions.",
        "She asked what on-call was like when I started, then asked how we page.",
        // Vibes of a thing, of the team, or in a compound.
        "The vibe of the codebase was messy, so she refactored the module boundaries first.",
        "Ran a vibe check on the model outputs, then wrote real evals with labelled cases.",
        "The dashboard she built has a clean retro vibe and loads in 200ms.",
        "She said the team's vibes were off after the reorg, so she set up weekly syncs.",
        "The vibe was off in the room after the outage review, so I kept the debugging round short.",
        "Her approach was similar to mine: normalise first, denormalise for the hot reads.",
        "She asked whether she'd fit right in with a team this senior; I told her how we pair new hires.",
        "She demoed the migration plan to the team and answered every question: good vibes from the team.",
        // "right for us though" and "our kind of" said of work.
        "Postgres is right for us though, he argued, and wrote the migration.",
        "Said the old CI was not right for the team though, and moved the builds to a cache.",
        "Postgres handles our kind of workload, he argued, and benchmarked it.",
        "Asked what our kind of engineer does day to day, then asked about the pager load.",
        // The candidate's questions, continued by "and whether" / "and if".
        "She asked: is the team a good fit for me?",
        "She asked about the on-call load and whether she would fit in with the team.",
        "He asked about our stack and if he'd mesh well with the team.",
        "She asked how on-call works so she could tell whether she'd fit in with the team.",
        // Work: rollback is a work noun, and meshing things is doing something.
        "Added one-click rollback.",
        "She meshed the two datasets.",
        "She meshed the two datasets",
        "Meshed their two event streams into one topic.",
    ];
    for note in sound {
        check_flags(note, &[]);
    }
}

/// "Lacks executive presence" and its neighbours: a verdict on how the candidate comes across
/// (presence, gravitas), coded language that invites bias, flagged as a bias risk alone or beside
/// behaviour (so it reaches no export with the behaviour). The same words about work, the
/// presence of a thing, a company's presence somewhere, and executives as an audience stay sound.
#[test]
fn flags_catch_presence_and_gravitas_verdicts_and_not_work() {
    use FlagKind::*;
    let hits: &[(&str, &str)] = &[
        ("Lacks executive presence", "Lacks executive presence"),
        ("Lacks executive presence.", "Lacks executive presence"),
        ("No executive presence.", "No executive presence"),
        ("Lacks gravitas", "Lacks gravitas"),
        ("No gravitas.", "No gravitas"),
        ("Doesn't have presence.", "Doesn't have presence"),
        ("Doesn't have much presence", "Doesn't have much presence"),
        ("Strong exec presence.", "Strong exec presence"),
        ("She has real leadership presence", "has real leadership presence"),
        ("Not much gravitas in the room.", "Not much gravitas"),
        ("Solid design of the queue, but lacks executive presence.", "lacks executive presence"),
        ("Walked me through the cache design; no executive presence though.", "no executive presence"),
        ("He lacked presence", "lacked presence"),
        ("she lacks presence", "lacks presence"),
        ("Good design answers, but lacks executive presence", "lacks executive presence"),
        // QA cli4: a place after a lack or a negation is where the verdict was made, not a
        // company's markets; and every "presence" of a note is read, not only the first.
        ("lacks presence in meetings", "lacks presence"),
        ("Lacks presence in front of senior leadership", "Lacks presence"),
        ("Has no presence in meetings", "Has no presence"),
        ("little presence on the call", "little presence"),
        ("Wrote the presence service; lacks executive presence", "lacks executive presence"),
    ];
    for (note, quoted) in hits {
        assert_eq!(first_flag(note), Some((BiasRisk, quoted.to_string())), "{note}");
        let reason = &detect_flags(note)[0].reason;
        assert!(reason.contains("judges how the candidate comes across, not the job"), "{note}: {reason}");
    }
    // The whole reason, said as a sentence.
    assert_eq!(
        detect_flags("Lacks executive presence")[0].reason,
        "\"Lacks executive presence\" judges how the candidate comes across, not the job, and invites bias; take it out so that the rest of this note counts as evidence"
    );
    let sound = [
        "Presented the design to executives clearly.",
        "Presented the migration plan to the executive team and answered their questions on cost.",
        "Wrote a presence check so the cache does not read missing keys.",
        "Checked for the presence of the config key before reading it.",
        "Built the presence service that shows who is online, and load tested it to 50k users.",
        "Explained that the company has presence in 12 markets, so the rollout needed per-region flags.",
        "Asked how to build executive presence as a new manager, then asked about our promotion process.",
        "She said 'lacks executive presence' was the feedback she got at her last job, and how she asked for specifics.",
        "Grew our web presence by shipping the docs site in a week.",
        // QA cli4: a bare "has" judges nothing, a name is no verdict, and the candidate's
        // question is not the interviewer's.
        "Explained how the chat client shows whether a friend has presence",
        "Worked at Gravitas Ventures for three years",
        "The candidate wanted to know about executive presence expectations for the role",
        "Asked about executive presence expectations for the role",
        "Added a has-a presence of tests to the review checklist: the presence of tests is required.",
        "Wrote the presence service in Rust.",
        "Explained the company has presence in 12 markets.",
        "She has a presence on the team that everyone relies on for the on-call rota.",
        "Showed strong presence in code reviews by catching the race in the cache.",
    ];
    for note in sound {
        check_flags(note, &[]);
    }
}

/// A review's misses: a presence judged after it ("presence was lacking") or through "much of
/// a", flagged as the verdicts before it are; and a name at a sentence's start ("Gravitas
/// Ventures hired her"), which was flagged. Chat, online and market presence, the presence of a
/// thing, a presence judged in a design, and the candidate's question stay sound.
#[test]
fn flags_catch_presence_judged_after_it_and_not_a_name_at_a_sentence_start() {
    use FlagKind::*;
    let hits: &[(&str, &str)] = &[
        ("Presence was lacking.", "Presence was lacking"),
        ("presence was lacking", "presence was lacking"),
        ("Her presence was lacking in the debrief.", "presence was lacking"),
        ("His presence was a bit lacklustre.", "presence was a bit lacklustre"),
        ("Good design answers. Presence was weak in the room, though.", "Presence was weak"),
        ("Not much of a presence.", "Not much of a presence"),
        ("Not much of a presence in the room.", "Not much of a presence"),
        ("Lacked presence in the room.", "Lacked presence"),
        ("Little presence.", "Little presence"),
        ("No real presence.", "No real presence"),
        ("Gravitas is lacking.", "Gravitas is lacking"),
        // A capital at a sentence's start before no other capitalised word is still the word.
        ("Gravitas: none.", "Gravitas"),
        ("No gravitas.", "No gravitas"),
        ("Shipped the cache. Gravitas was lacking.", "Gravitas was lacking"),
    ];
    for (note, quoted) in hits {
        assert_eq!(first_flag(note), Some((BiasRisk, quoted.to_string())), "{note}");
    }
    let sound = [
        "Gravitas Ventures hired her to lead the data platform migration.",
        "Worked at Gravitas Ventures for three years",
        "Chat presence was weak under load, so she added heartbeats to the presence service.",
        "Online presence was weak, so she proposed a partner channel and sized it.",
        "Market presence was weak, so she proposed a reseller channel and sized its revenue.",
        "Found the presence of a race condition in the cache and fixed it with a lock.",
        "Checked for the presence of the key before reading it.",
        "Presence was weak in her design: no heartbeats, so stale users showed as online.",
        "The presence was stale after a reconnect, so she set a TTL on the presence cache.",
        "She asked whether presence was lacking in our chat app before designing the heartbeat.",
        "Not much of a presence check in the code, so she added one.",
    ];
    for note in sound {
        check_flags(note, &[]);
    }
    // The name alone describes no work; it is no bias remark either.
    assert!(!classifier::has_bias_risk(&detect_flags("Gravitas Ventures hired her.")));
}

/// "Not leadership material" is a verdict with no observed behaviour: an impression, like "not
/// L4 material", though "leadership" is a topic word. With behaviour beside it the note is
/// evidence; a role's material written or prepared is work.
#[test]
fn role_material_is_an_impression_unless_the_note_reports_behaviour() {
    use FlagKind::*;
    for note in [
        "Not leadership material.",
        "Not leadership material",
        "Not management material.",
        "Isn't lead material.",
        "Not senior material.",
        "Not leadership material for a team this size.",
        "Definitely leadership material.",
        "Future tech lead material.",
    ] {
        assert_eq!(first_flag(note), Some((NonBehavioral, "material".to_string())), "{note}");
    }
    for note in [
        "Not leadership material: let the junior take the blame for the outage.",
        "He is staff material: led the migration across three teams and mentored two juniors.",
        "Wrote the leadership material for the offsite and ran the session.",
        "Built the onboarding material for new hires.",
        "Presented the leadership training material to the managers.",
    ] {
        check_flags(note, &[]);
    }
}

/// "Lacks polish" said of the candidate is a verdict on how they come across, as presence is,
/// and vague feedback of the kind that falls unevenly by gender, race and class: a bias risk
/// beside behaviour too. Said of work ("the UI lacks polish") it is evidence; with no subject and
/// nothing else ("Lacks polish.") it may be the code's, and stays an impression.
#[test]
fn lacking_polish_said_of_the_candidate_is_a_bias_risk_and_of_work_is_not() {
    use FlagKind::*;
    let hits: &[(&str, &str)] = &[
        ("Lacks polish but shipped the migration.", "Lacks polish"),
        ("Lacks polish, but shipped the migration on time.", "Lacks polish"),
        ("She lacks polish.", "lacks polish"),
        ("Candidate lacks polish", "lacks polish"),
        ("I think he lacks polish but he wrote clean tests.", "lacks polish"),
        ("Lacks polish and needed hints on indexing.", "Lacks polish"),
        ("He has no polish.", "has no polish"),
    ];
    for (note, quoted) in hits {
        assert_eq!(first_flag(note), Some((BiasRisk, quoted.to_string())), "{note}");
        assert!(detect_flags(note)[0].reason.contains("how the candidate comes across"), "{note}");
    }
    let sound = [
        "The UI lacks polish, so she listed the fixes before the demo.",
        "The dashboard works but lacks polish; she said she would fix the spacing after the launch.",
        "Her demo lacked polish, but she walked me through the data model and it was right.",
        "Built the dashboard; it lacks polish in the error messages, which she called out.",
        "Refactored the parser but it lacks polish; she listed what she would clean up.",
        // After the candidate's action a lack of polish with no subject of its own may be the
        // work's (a review's reading): not flagged.
        "Shipped the migration on time but lacks polish.",
        "Spent the last ten minutes on polish: error messages and retries.",
        "Polished the error messages before the demo.",
        "A polished look for the dashboard: she built the design system in a week.",
    ];
    for note in sound {
        check_flags(note, &[]);
    }
    // No subject, nothing else: an impression (not quoted: "polish" is no impression word, so
    // that "Speaks Polish" is not called one).
    assert_eq!(first_flag("Lacks polish."), Some((NonBehavioral, String::new())));
}

/// A review of the presence, polish and material rules (precision first). A presence judged
/// after it is a verdict only before the clause's end, a hedge or a social setting ("in the
/// room"), in a note with no word of a chat system's presence, and not in reported speech; a
/// subjectless lack of polish only before the candidate's action, not after it (the work's);
/// a capital "Polish" within a sentence is the language; "Gravitas Lacking" is no name; a role's
/// "material" frames only the role, and not as a subject, before a verb or a noun.
#[test]
fn presence_polish_and_material_verdicts_keep_to_people() {
    use FlagKind::*;
    let hits: &[(&str, FlagKind, &str)] = &[
        ("Presence was weak in the room.", BiasRisk, "Presence was weak"),
        ("Her presence felt rather weak in the panel.", BiasRisk, "presence felt rather weak"),
        ("Presence is lacking in interviews.", BiasRisk, "Presence is lacking"),
        ("Presence was kind of lacking.", BiasRisk, "Presence was kind of lacking"),
        ("Presence felt weak.", BiasRisk, "Presence felt weak"),
        ("Presence was lacking, but she designed the cache well.", BiasRisk, "Presence was lacking"),
        ("She designed the cache well. Presence was lacking though.", BiasRisk, "Presence was lacking"),
        ("Presence was minimal on the call but she wrote a correct LRU cache.", BiasRisk, "Presence was minimal"),
        ("Gravitas Lacking.", BiasRisk, "Gravitas Lacking"),
        ("Gravitas Is Lacking.", BiasRisk, "Gravitas Is Lacking"),
        ("GRAVITAS LACKING.", BiasRisk, "GRAVITAS LACKING"),
        ("Presence Seemed Weak, but she coded well.", BiasRisk, "Presence Seemed Weak"),
        ("She lacks polish in meetings.", BiasRisk, "lacks polish"),
        ("He lacks polish on camera.", BiasRisk, "lacks polish"),
        ("He lacks polish but wrote clean tests.", BiasRisk, "lacks polish"),
        ("Lacked polish, but shipped the migration.", BiasRisk, "Lacked polish"),
        ("Not senior material.", NonBehavioral, "material"),
        ("Real leadership material.", NonBehavioral, "material"),
    ];
    for (note, kind, quoted) in hits {
        assert_eq!(first_flag(note), Some((*kind, quoted.to_string())), "{note}");
    }
    let sound = [
        // A chat system's presence, or one judged somewhere else than with people.
        "Designed the chat backend. Presence was lacking, so she added a presence service.",
        "Presence was weak, so she added a heartbeat every 30 seconds.",
        "Presence was poor on mobile; she profiled the websocket reconnects.",
        "Presence was lacking in the prototype.",
        "Presence was weak in the mobile client.",
        "Presence was nonexistent in the MVP.",
        "Designed a chat system. Presence was weak: only polling.",
        "Presence was lacking on the Slack integration until she fixed the websocket.",
        "Presence was minimal in her first draft, then she added typing indicators.",
        "Their presence was weak in the chat app, so she proposed websockets.",
        "Her presence was weak in the first version of the design.",
        "His presence was lacking from standup, so she covered the on-call.",
        "She told us her manager said her presence was lacking.",
        // Polish after the work, maybe the work's.
        "Submitted the take-home, works but lacks polish.",
        "Submitted the take-home: works but lacks polish.",
        "Built a working CLI but lacks polish.",
        "Demoed the dashboard and lacks polish.",
        "Wrote the take-home in Go but lacks polish.",
        "Finished all three parts, but lacks polish.",
        "Reviewed the PR and lacks polish.",
        "Implemented the API quickly but lacks polish.",
        // A role's material beside behaviour, or material that is a thing.
        "Not senior material but she debugged the race condition.",
        "Not leadership material since she let the junior take the blame for the outage.",
        "Senior material was covered in the first hour.",
        "Executive material was shared beforehand.",
        "Management material for the new hire onboarding was written by her.",
        "Leadership material for the offsite was hers.",
        "A staff material change to the schema was needed.",
        "Staff material costs were cut by 20% after her migration.",
        "Lead material in the repo was missing, she added a README.",
        "Not leadership material. She interrupted me 3 times.",
    ];
    for note in sound {
        check_flags(note, &[]);
    }
    // Polish the language: no bias verdict, and no impression quoted; as before these rules.
    for note in ["She lacks Polish, so the Warsaw role is out.", "Speaks Polish and German.", "Fluent in Polish."] {
        assert!(!classifier::has_bias_risk(&detect_flags(note)), "{note}");
        assert!(detect_flags(note).iter().all(|f| f.span.is_none()), "{note}");
    }
    check_flags("Polish: fluent.", &[]);
    // A presence judged past a colon and an executive polish were misses: now verdicts (see
    // `presence_labels_personal_polish_and_reported_speech`). A subjectless polish with no
    // action after it and no personal qualifier is still not read ("meetings" counts as a topic).
    for note in ["Presence: weak.", "Her presence: lacking.", "Lacks executive polish."] {
        check_flags(note, &[BiasRisk]);
    }
    check_flags("Lacks polish in meetings.", &[]);
}

/// A review's misses and false flags on presence and polish: a presence judged in a label
/// ("Presence: weak.", "Presence in the room: weak."), or by a grade before it ("Weak
/// presence."); a personal polish ("executive polish", "polish as a person", "not polished
/// enough for the client"). Not reported speech after it ("Presence was lacking, she said, in
/// the product she inherited"), a presence in a thing ("No presence in her design"), a label
/// whose value is work ("Presence: heartbeat every 30s"), a name before an apposition.
#[test]
fn presence_labels_personal_polish_and_reported_speech() {
    use FlagKind::*;
    let hits: &[(&str, &str)] = &[
        // Past a colon, a dash or a question mark; after a social setting.
        ("Presence: weak.", "Presence: weak"),
        ("Her presence: lacking.", "presence: lacking"),
        ("Presence - weak.", "Presence - weak"),
        ("Presence? Lacking.", "Presence? Lacking"),
        ("Presence: strong.", "Presence: strong"),
        ("Presence in the room: weak.", "Presence in the room: weak"),
        ("His presence on the call: poor.", "presence on the call: poor"),
        ("Presence: weak, but designed the cache well.", "Presence: weak"),
        ("Presence in the room was weak.", "Presence in the room was weak"),
        ("Executive presence: lacking.", "Executive presence"),
        // A grade before it, or a lack through "in".
        ("Weak presence.", "Weak presence"),
        ("Poor presence on the call.", "Poor presence"),
        ("Strong presence in meetings.", "Strong presence"),
        ("Lacking in presence.", "Lacking in presence"),
        ("Lacks presence in front of senior leadership", "Lacks presence"),
        // A personal polish: qualified or as a person, or not
        // polished said of the candidate or before an audience.
        ("Lacks executive polish.", "Lacks executive polish"),
        ("Executive polish: none.", "Executive polish"),
        ("Executive polish is lacking.", "Executive polish"),
        ("Needs more executive polish.", "executive polish"),
        ("Needs more polish as a person.", "polish"),
        ("Not very polished as a person.", "Not very polished"),
        ("Not polished enough for the client.", "Not polished"),
        ("She's not polished enough for this role.", "not polished"),
        ("He isn't very polished.", "isn't very polished"),
        // Reported by the interviewer is still the interviewer's.
        ("Presence was weak, I said.", "Presence was weak"),
        // Passed on from someone else, or heard by the candidate, it is a verdict on the
        // candidate all the same, and the packet would carry it (a review's finding).
        ("Lacks executive presence, her manager told us.", "Lacks executive presence"),
        ("No gravitas, the panel said.", "No gravitas"),
        ("No executive presence, according to the panel.", "No executive presence"),
        ("Presence was lacking, she said, in the room.", "Presence was lacking"),
        ("Presence was weak, her manager told her, so she asked for a stretch project.", "Presence was weak"),
        ("Lacks executive presence, her skip told her, and she asked for a coach.", "Lacks executive presence"),
    ];
    for (note, quoted) in hits {
        assert_eq!(first_flag(note), Some((BiasRisk, quoted.to_string())), "{note}");
        assert!(detect_flags(note)[0].reason.contains("how the candidate comes across"), "{note}");
    }
    let sound = [
        // Said, then placed in a thing: the candidate speaking of a product.
        "Presence was lacking, she said, in the product she inherited.",
        // A chat system's presence beside its last-seen times, receipts or fan-out.
        "Presence: weak. No TTL on the last-seen timestamps, so stale users never expire.",
        "Presence: weak - no plan for fan-out to 10k followers.",
        "Presence: lacking. Read receipts: good.",
        // A presence in a thing, not with people.
        "No presence in her design at all, so users looked online forever.",
        "Little presence in the codebase before her refactor, so tests were sparse.",
        "No presence in the logs, so she added structured logging.",
        "Strong presence in code reviews: caught two races.",
        // Labels whose value is work, or a chat system's presence.
        "Presence: heartbeat every 30s, TTL 90s.",
        "Presence: handled with a Redis TTL.",
        "Presence: weak on mobile, so she added a reconnect backoff.",
        "Presence: missing from the design until she added heartbeats.",
        "Presence: low priority, she deferred it to v2.",
        "Weak presence detection in the MVP; she added heartbeats.",
        // Polish of work, even with an audience or a qualifier of work.
        "The deck was not polished enough for the client, so she reworked it overnight.",
        "Her demo wasn't polished enough for the execs; she listed the fixes.",
        "Not polished enough yet, so she rewrote the CLI help text.",
        "The UI needs more polish as a product.",
        "Added polish to the executive dashboard before the launch.",
        "Polish pass on the UI: she fixed spacing and empty states.",
        // A name before an apposition.
        "Gravitas, the payments startup, hired her to lead the ledger rewrite.",
        "Gravitas, a fintech, hired her to lead payments.",
    ];
    for note in sound {
        check_flags(note, &[]);
    }
    // Still ambiguous, still impressions: the bare lack of polish may be the code's.
    for note in ["Polish: lacking.", "Not polished enough.", "Lacks the polish we expect of a senior."] {
        check_flags(note, &[NonBehavioral]);
    }
}

/// "Attractive" of the candidate, named or not ("Very attractive.", "attractive woman"), is a
/// remark on appearance; of a thing named before it, after it or as a label ("the offer was
/// attractive", "attractive API", "Pricing: attractive") it is not. "Comes across as" is read
/// past to the candidate, as "seems" is.
#[test]
fn attractive_is_the_candidates_only_when_nothing_else_is_named() {
    use FlagKind::*;
    for note in [
        "Very attractive.",
        "Attractive candidate.",
        "Attractive woman, confident.",
        "She is very attractive but rambled.",
        "Attractive smile.",
        "Comes across as too young for this.",
        "Comes across as too old for a startup.",
    ] {
        assert_eq!(detect_flags(note).first().map(|f| f.kind), Some(BiasRisk), "{note}");
    }
    for note in [
        "Very attractive pricing model she proposed.",
        "Attractive API: small surface, clear errors.",
        "She found the pricing model attractive and rebuilt the forecast around it.",
        "The offer was very attractive to the partner team, so she sized it.",
        "Made caching more attractive to other teams by writing the adapter.",
        "The service comes across as too old for the new runtime.",
        "Age of the data: she added a max-age header to the cache.",
    ] {
        check_flags(note, &[]);
    }
    check_flags("Pricing: attractive.", &[]);
}

/// A reviewer's misses (typed into the widget, counted in drafted ratings and exported) and
/// their neighbours: age said as "old/young for <a role>", "too old", a bare age, "over 50", a
/// decade; backhanded compliments and questions about origin; a second language; pregnancy,
/// marital status, religion, disability and citizenship. Each with the behavioural notes that
/// share its words and must stay sound.
#[test]
fn bias_flags_catch_bare_ages_backhanded_compliments_and_their_neighbours() {
    use FlagKind::*;
    let hits: &[(&str, &str)] = &[
        ("He is quite old for a startup", "old for"),
        ("Pretty old for this role", "old for"),
        ("Old for a new grad", "Old for"),
        ("Seems a bit old for a junior role", "old for"),
        ("Seems a bit young to lead a team.", "young"),
        ("Too old for this pace", "Too old"),
        ("He is 58 and might not keep up", "58"),
        ("he's 62, close to the end of his career", "62"),
        ("she is 45 so probably wants stability", "45"),
        ("Over 50 but sharp", "Over 50"),
        ("he's under 30 so lots of runway", "under 30"),
        ("late forties, solid answers", "late forties"),
        ("a 58-year-old candidate", "year-old"),
        ("58 years old", "years old"),
        ("Aged 61", "Aged"),
        ("bit long in the tooth", "long in the tooth"),
        ("very articulate for someone from there", "for someone from there"),
        ("articulate for someone from Nigeria", "for someone from Nigeria"),
        ("Surprisingly articulate.", "Surprisingly articulate"),
        ("Where is he really from?", "really from"),
        ("where's she from originally", "where's she from originally"),
        ("English is his second language", "second language"),
        ("needs native-level English", "native-level"),
        ("good for a woman", "for a woman"),
        ("a bit emotional, typical woman", "typical woman"),
        ("She's expecting in the spring", "expecting"),
        ("He is single so can travel", "single"),
        ("recently engaged, may relocate", "recently engaged"),
        ("wears a cross, very devout", "devout"),
        ("he's on the spectrum", "on the spectrum"),
        ("walks with a cane", "a cane"),
        ("not a US citizen", "citizen"),
        ("green card holder", "green card"),
    ];
    for (note, quoted) in hits {
        assert_eq!(first_flag(note), Some((BiasRisk, quoted.to_string())), "{note}");
    }
    let sound = [
        "Cut latency by 58 ms on the checkout path",
        "Handled 50 requests per second on a single node",
        "Owns over 50 services in the platform",
        "Over 50 engineers adopted her framework",
        "over 60 percent of the tests were flaky until she fixed them",
        "Mentored a junior over 50 sessions",
        "Under 30 minutes to restore the database during the drill",
        "Refactored a 10-year-old codebase without regressions",
        "The API is 15 years old and he still migrated it safely",
        "Deprecated the old API and migrated clients",
        "Rewrote the legacy system in two sprints",
        "Added tests to the young codebase before launch",
        "He explained why the old scheduler was too old for the new hardware",
        "Too old a version of Postgres; he led the upgrade",
        "Aged the cache entries out after 10 minutes",
        "He is 3 weeks into the migration and on track",
        "Latency was 58 and she brought it to 20",
        "Reduced p99 from 120ms to 58ms",
        "Partnered with folks from the data team on the schema",
        "Wrote an articulate design doc for the migration",
        "Articulate for someone new to the codebase",
        "He worked with someone from India on the billing API",
        "Single-handedly migrated the billing DB",
        "Recently engaged the security team on the audit",
        "Expecting traffic spikes, he added autoscaling",
        "She is expecting a 2x traffic increase and planned capacity",
        "Treats observability as a first-class citizen",
        "gov project: didnt know what the citizen facing KPI was, or that there even was one",
        "Compared the options on the spectrum of consistency models",
        "Where the requests are really from: he traced them to a bot",
        "Supported a teammate through their cancer treatment by covering on-call",
        "Her old team shipped the same feature",
    ];
    for note in sound {
        check_flags(note, &[]);
    }
}

/// A fit verdict is a bias risk: tagged by hand, it still weighs nothing in a drafted rating.
#[test]
fn a_fit_verdict_tagged_by_hand_does_not_move_a_drafted_rating() {
    let r = rubric();
    let mut card = Scorecard::new(&r);
    for (i, (text, level)) in [
        ("Great culture fit.", Rating::Exceeds),
        ("Mentors two new grads on her team and meets them weekly.", Rating::Meets),
    ]
    .into_iter()
    .enumerate()
    {
        card.observations.push(Observation {
            id: format!("o{i}"),
            text: text.into(),
            capability: Some("mentorship_support".into()),
            level,
            source: TagSource::Interviewer,
        });
    }
    assert_eq!(draft_ratings(&r, &mut card), ["mentorship_support"]);
    assert_eq!(card.rating("mentorship_support"), Rating::Meets);
}

fn rubric() -> Rubric {
    Rubric::default_rubric().unwrap()
}

fn card_from(notes: &[&str]) -> Scorecard {
    let mut card = Scorecard::new(&rubric());
    for (i, n) in notes.iter().enumerate() {
        card.observations.push(Observation {
            id: format!("o{}", i + 1),
            text: n.to_string(),
            ..Observation::default()
        });
    }
    card
}

#[test]
fn drafting_never_overrides_the_interviewer() {
    let r = rubric();
    let mut card = card_from(&[
        "Needed hints at every step of the rate limiter design.",
        "Built a caching framework that every team in the company adopted.",
        "Mentors two new grads on her team and meets them weekly.",
    ]);
    // The interviewer tagged the second note themselves, against the classifier's reading.
    card.observations[1].capability = Some("leadership_process".into());
    card.observations[1].level = Rating::Meets;
    card.observations[1].source = TagSource::Interviewer;
    // And rated technical expertise by hand.
    card.ratings.insert(
        "technical_expertise".into(),
        RatingEntry { level: Rating::Exceeds, note: "my call".into(), ..Default::default() },
    );

    assert_eq!(tag_observations(&r, &mut card), 2);
    assert_eq!(card.observations[1].capability.as_deref(), Some("leadership_process"));
    assert_eq!(card.observations[1].level, Rating::Meets);
    assert_eq!(card.observations[1].source, TagSource::Interviewer);
    assert_eq!(card.observations[0].capability.as_deref(), Some("technical_expertise"));
    assert_eq!(card.observations[0].source, TagSource::Suggested);

    let drafted = draft_ratings(&r, &mut card);
    assert_eq!(card.rating("technical_expertise"), Rating::Exceeds, "a set rating is never overwritten");
    assert_eq!(card.note("technical_expertise"), "my call");
    assert!(!drafted.contains(&"technical_expertise".to_string()));
    assert_eq!(card.rating("leadership_process"), Rating::Meets);
    assert_eq!(card.rating("mentorship_support"), Rating::Meets);
    assert_eq!(card.rating("business_impact"), Rating::NotAssessed, "no evidence, no rating");
    // Drafting again changes nothing.
    let before = card.clone();
    draft(&r, &mut card);
    assert_eq!(card, before);
}

#[test]
fn drafted_ratings_are_the_weighted_mean_of_the_evidence() {
    let r = rubric();
    let cases: &[(&[Rating], Rating)] = &[
        // Needs improvement and exceeds together are split evidence: no draft.
        (&[Rating::Exceeds, Rating::Exceeds, Rating::NeedsImprovement], Rating::NotAssessed),
        (&[Rating::Exceeds, Rating::Meets, Rating::Meets], Rating::Meets),
        (&[Rating::Exceeds, Rating::Meets], Rating::Exceeds),
        (&[Rating::NeedsImprovement, Rating::Meets], Rating::Meets),
        (&[Rating::NeedsImprovement, Rating::NeedsImprovement, Rating::Meets], Rating::NeedsImprovement),
    ];
    for (levels, expected) in cases {
        let mut card = Scorecard::new(&r);
        for (i, l) in levels.iter().enumerate() {
            card.observations.push(Observation {
                id: format!("o{i}"),
                text: "note".into(),
                capability: Some("business_impact".into()),
                level: *l,
                source: TagSource::Interviewer,
            });
        }
        draft_ratings(&r, &mut card);
        assert_eq!(card.rating("business_impact"), *expected, "{levels:?}");
    }
}

const JUNIOR: &[&str] = &[
    "Needed several hints to get a working solution for the caching question; no eviction story.",
    "Struggled to explain why the query was slow even after I pointed at the missing index.",
    "Has only worked on tickets assigned by his lead; couldn't describe how the project was planned or tracked.",
    "When his feature slipped he found out at the sprint review; didn't flag the risk earlier.",
    "Couldn't say who the customers of his product were or how the feature made money.",
    "Got defensive when I pushed back on his design and didn't explain his reasoning.",
    "Hasn't mentored anyone and has never taken part in interviews.",
    "Never suggested any improvement to the team's workflow; says the process is someone else's job.",
];

const STAFF: &[&str] = &[
    "Designed the event-sourcing framework her org now uses for every new service; three other teams adopted it on their own and their delivery sped up noticeably.",
    "Led a two-quarter migration across five teams and delivered it three weeks ahead of schedule, juggling competing priorities with a clear decision log.",
    "Saw 18 months ahead that enterprise customers would need data residency, built the case with revenue numbers, and shaped the company roadmap around it.",
    "Acts as the bridge between eng, product and design across the org; runs the cross-team design reviews and explains trade-offs to execs without jargon.",
    "Mentors senior engineers and PMs on other teams through career growth; sits on the hiring committee and rewrote our interview rubric.",
    "Drove an org-wide overhaul of the release process with product and QA; cycle time dropped by half and every team follows it now.",
    "In the system design round she handled multi-region consistency, failure modes and capacity planning without any hints. Staff-level depth.",
    "Anticipated a pricing change from a competitor and proposed a feature that became a new revenue line for the company.",
];

#[test]
fn leveling_from_notes_separates_junior_from_staff() {
    let r = rubric();
    let mut junior = card_from(JUNIOR);
    draft(&r, &mut junior);
    let rec = recommend(&r, &junior);
    assert!(
        !(rec.decision == Decision::Hire && rec.level.as_deref() == Some("L4")),
        "junior notes must not come out as hire at L4: {rec:?}"
    );

    let mut staff = card_from(STAFF);
    draft(&r, &mut staff);
    let rec = recommend(&r, &staff);
    assert_eq!(rec.decision, Decision::Hire, "{rec:?}");
    let ok = (rec.level.as_deref() == Some("L4") && rec.consider_level.as_deref() == Some("L5"))
        || rec.level.as_deref() == Some("L5");
    assert!(ok, "staff notes must come out as hire at L4 with L5 to consider, or L5: {rec:?}");
}

/// Runs the built CLI with some stdin.
fn run_cli(args: &[&str], stdin: &str) -> std::process::Output {
    crate::support::run_cli(args, stdin.as_bytes())
}

#[test]
fn cli_classify_reports_bad_records_and_goes_on() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"Mentors two new grads on her team.\"}\n",
        "\n",
        "{\"id\": 2, \"text\": \"   \"}\n",
        "{\"id\": 3, \"text\": 42}\n",
        "not json\n",
        "{\"id\": \"e\", \"text\": \"seems smart\"}\n",
    );
    let out = run_cli(&["classify"], input);
    assert_eq!(out.status.code(), Some(1), "a bad record makes the exit code 1");
    let lines: Vec<serde_json::Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2, "one line per good record, blank lines skipped: {lines:?}");
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["capability"], "mentorship_support");
    assert!(lines[0]["evidence"].as_array().is_some_and(|e| !e.is_empty()));
    assert_eq!(lines[1]["id"], "e");
    assert_eq!(lines[1]["flags"][0]["kind"], "non_behavioral");
    // Stdout holds classifications only (as recommend and compare keep it): no error object a
    // `jq .capability` would read as an untagged note.
    assert!(lines.iter().all(|l| l.get("error").is_none() && l.get("capability").is_some()), "{lines:?}");

    // Each bad record is named on stderr, by its line and its id.
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 3, "{err}");
    assert!(err.contains("scorecard: stdin:3 (id 2): the note is empty"), "{err}");
    assert!(err.contains("scorecard: stdin:4 (id 3): \"text\" must be a string"), "{err}");
    assert!(err.contains("scorecard: stdin:5: not JSON: "), "{err}");

    let ok = run_cli(&["classify"], "{\"id\": 1, \"text\": \"Delivered the migration on time.\"}\n");
    assert_eq!(ok.status.code(), Some(0));
}

#[test]
fn cli_draft_prints_a_scorecard_with_a_recommendation() {
    let input: String = STAFF.iter().map(|n| serde_json::json!({ "text": n }).to_string() + "\n").collect();
    let out = run_cli(&["draft"], &input);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["format"], "interview-scorecard");
    assert_eq!(v["observations"].as_array().unwrap().len(), STAFF.len());
    assert_eq!(v["observations"][0]["source"], "suggested");
    assert_eq!(v["recommendation"]["decision"], "hire");
    // The output is a valid scorecard again.
    let mut doc = v.clone();
    doc.as_object_mut().unwrap().remove("recommendation");
    let card = Scorecard::from_value(&doc, &rubric()).expect("a valid scorecard");
    // Its ratings are drafted, marked so, and stay drafted when read again.
    assert!(!card.ratings.is_empty() && card.ratings.iter().all(|(_, e)| e.drafted), "{:?}", card.ratings);
    let drafted = v["ratings"].as_object().unwrap().values().filter(|e| e["drafted"] == true).count();
    assert_eq!(drafted, card.ratings.len());
    // What goes to an ATS or a debrief waits until they are confirmed.
    let dir = std::env::temp_dir().join(format!("scorecard-draft-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("drafted.json");
    std::fs::write(&file, doc.to_string()).unwrap();
    for to in ["greenhouse", "markdown"] {
        let out = run_cli(&["convert", "--to", to, file.to_str().unwrap()], "");
        assert_eq!(out.status.code(), Some(1), "{to}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!("not converted to {to}: confirm the ratings drafted from observations first (")),
            "{err}"
        );
        assert!(out.stdout.is_empty());
    }
    assert_eq!(run_cli(&["convert", "--to", "json", file.to_str().unwrap()], "").status.code(), Some(0));
    std::fs::remove_dir_all(&dir).unwrap();

    let bad = run_cli(&["draft"], "{\"text\": \"fine\"}\n{\"text\": \"\"}\n");
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("stdin:2"), "{}", String::from_utf8_lossy(&bad.stderr));
}

/// A note the classifier flags is not evidence of behaviour: drafting leaves it untagged (also
/// when it arrived with a suggested tag) and drafts nothing from it, as the widget does; a sound
/// note beside it is tagged and drafts as before.
#[test]
fn flagged_notes_stay_untagged_and_draft_nothing() {
    let r = rubric();
    let flagged = "seems smart";
    let biased = "Great culture fit, young and energetic; led the migration across five teams";
    assert!(!classify(flagged).unwrap().flags.is_empty() && !classify(biased).unwrap().flags.is_empty());
    let mut card = card_from(&[flagged, biased, "Led the migration across five teams and delivered early"]);
    // A tag suggested earlier (by another build, say) is read again like any suggestion.
    card.observations[0].capability = Some("business_impact".into());
    card.observations[0].level = Rating::Exceeds;

    assert_eq!(tag_observations(&r, &mut card), 1);
    for o in &card.observations[..2] {
        assert_eq!(
            (o.capability.as_deref(), o.level, o.source),
            (None, Rating::NotAssessed, TagSource::Suggested),
            "{}",
            o.text
        );
    }
    assert_eq!(card.observations[2].capability.as_deref(), Some("project_ownership"));

    let mut card = card_from(&[flagged, biased]);
    assert!(draft(&r, &mut card).is_empty(), "{:?}", card.ratings);
    assert_eq!(card.observations.len(), 2, "flagged notes are kept");
    assert!(card.ratings.is_empty());
}

/// A flagged note the interviewer tagged by hand still weighs nothing in a drafted rating: the
/// reviewer's "young mom" note tagged needs improvement pulled Mentorship down from meets.
#[test]
fn a_flagged_note_tagged_by_hand_does_not_move_a_drafted_rating() {
    let r = rubric();
    let biased = "She is a young mom so might not handle on-call";
    assert!(!classify(biased).unwrap().flags.is_empty());
    let mut card = Scorecard::new(&r);
    for (i, (text, level)) in [
        (biased, Rating::NeedsImprovement),
        ("Mentors two new grads on her team and meets them weekly.", Rating::Meets),
    ]
    .into_iter()
    .enumerate()
    {
        card.observations.push(Observation {
            id: format!("o{i}"),
            text: text.into(),
            capability: Some("mentorship_support".into()),
            level,
            source: TagSource::Interviewer,
        });
    }
    assert_eq!(draft_ratings(&r, &mut card), ["mentorship_support"]);
    assert_eq!(card.rating("mentorship_support"), Rating::Meets);
    // With only the flagged note, nothing is drafted.
    card.ratings.clear();
    card.observations.truncate(1);
    assert!(draft_ratings(&r, &mut card).is_empty());
}

/// `scorecard draft` keeps a flagged note, untagged, with its flags, and drafts no rating from it.
#[test]
fn cli_draft_leaves_flagged_notes_untagged_with_their_flags() {
    let out = run_cli(
        &["draft"],
        "{\"text\": \"seems smart\"}\n{\"text\": \"Led the migration across five teams and delivered early\"}\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let o = &v["observations"][0];
    assert_eq!(o["text"], "seems smart");
    assert!(o.get("capability").is_none(), "{o}");
    assert_eq!(o["level"], "not_assessed");
    assert_eq!(o["flags"][0]["kind"], "non_behavioral");
    assert!(v["ratings"].get("business_impact").is_none(), "{}", v["ratings"]);
    assert_eq!(v["observations"][1]["capability"], "project_ownership");
    assert!(v["observations"][1].get("flags").is_none());
    assert_eq!(v["ratings"]["project_ownership"]["level"], "exceeds");
    // The output is still a scorecard.
    let mut doc = v.clone();
    doc.as_object_mut().unwrap().remove("recommendation");
    assert!(Scorecard::from_value(&doc, &rubric()).is_ok());
}

/// `classify` and `draft` read each line with the crate's JSON reader: a duplicate key is
/// refused, naming the line and the key, not read as its last value.
#[test]
fn cli_classify_and_draft_refuse_duplicate_keys() {
    let input = "{\"id\": 1, \"text\": \"Led the migration across five teams\"}\n{\"id\": 2, \"text\": \"seems smart\", \"text\": \"Led the migration\"}\n";
    let out = run_cli(&["classify"], input);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["capability"], "project_ownership");
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(e.contains("scorecard: stdin:2: not JSON: duplicate key \"text\""), "{e}");

    let out = run_cli(&["draft"], input);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(e.contains("stdin:2: not JSON: duplicate key \"text\""), "{e}");
}

/// The rubric describes Exceeds per capability in more than scope words: anticipating needs and
/// influencing the roadmap, bridging teams, training interviewers and mentors, taking part in
/// hiring decisions, leading by example, cross-functional processes, delivering early. Notes
/// that paraphrase those descriptors read as exceeds through the `#rubric_exceeds` cue (before
/// the cue they read as meets or lower), while ordinary good work stays meets.
#[test]
fn rubric_exceeds_wording_reads_as_exceeds_and_plain_work_stays_meets() {
    let model = embedded_model().unwrap();
    let exceeds = [
        "She trains the other interviewers on the team.",
        "Takes an active role in hiring decisions.",
        "Designed the interview loop and the rubric for backend hiring.",
        "Leads by example on developer experience and advocates for best in class tooling.",
        "Led an initiative to improve the cross-functional release process with product and QA.",
        "Consistently delivers complex projects early.",
    ];
    for note in exceeds {
        let features = classifier::features::extract(&text::tokenize(note));
        assert!(features.level.iter().any(|f| f.name == "#rubric_exceeds"), "{note}: no #rubric_exceeds cue");
        assert_eq!(classify(note).unwrap().level, Rating::Exceeds, "{note}");
        // The rubric wording carries it: of the note's words and cues, the cue pushes hardest
        // towards exceeds. (Whether the note would still read as exceeds without the cue
        // depends on its other words: "delivers ... early" and "best in class" are exceeds
        // words of their own.)
        let push = |f: &classifier::features::Feature| {
            classifier::model::Head::contribution(model.level.row(&f.name), f.value, 2)
        };
        let top = features.level.iter().max_by(|a, b| push(a).total_cmp(&push(b))).map(|f| f.name.as_str());
        assert_eq!(top, Some("#rubric_exceeds"), "{note}");
    }
    let meets = [
        "Helped a teammate with a bug.",
        "Mentored a junior engineer on the team.",
        "Participated in interviews and wrote clear feedback.",
        "Delivered the project on time.",
        "Explained the trade-offs to the product manager clearly.",
        "Followed the team's code review standard.",
        "Talked with the product manager about the roadmap.",
    ];
    for note in meets {
        assert_eq!(classify(note).unwrap().level, Rating::Meets, "{note}");
    }
    // Negated, the wording is no praise.
    let note = "She did not anticipate the customer need and the roadmap slipped.";
    assert_eq!(classify(note).unwrap().level, Rating::NeedsImprovement, "{note}");
}

/// The classifier's context rules look at the words around a cue ("from" before a country, "in
/// their" before a decade, "ahead", "account", a hyphen before "age"), so they index near the
/// start and the end of a note. Thousands of notes made of those words, punctuation and
/// boundaries, in a fixed pseudo-random order: none panics, and every span is a piece of its
/// note.
#[test]
fn context_rules_never_panic_at_the_edges_of_a_note() {
    const WORDS: &[&str] = &[
        "from",
        "India",
        "Brazil",
        "in",
        "their",
        "his",
        "her",
        "50s",
        "30-something",
        "twenties",
        "ahead",
        "of",
        "went",
        "account",
        "by",
        "own",
        "age",
        "-age",
        "age-out",
        "max-age",
        "parental",
        "leave",
        "native",
        "non-native",
        "English",
        "she",
        "he",
        "is",
        "was",
        "moved",
        "came",
        "did",
        "not",
        "need",
        "no",
        "hints",
        "without",
        "asking",
        "deep",
        "dive",
        "roadmap",
        "influenced",
        "trains",
        "interviewers",
        "teammate",
        "juniors",
        "engineers",
        ",",
        ".",
        ";",
        "-",
        "'s",
        "w/o",
        "(",
        ")",
        "\"",
        "—",
        "é",
        "🚀",
        "like",
        "me",
        "when",
        "back",
        "vibes",
        "were",
        "our",
        "kind",
        "asked",
        "and",
        "though",
        "meshed",
        "the",
        "right",
        "us",
        // The presence, polish, health, age-of-a-thing and other-language rules' words.
        "Presence:",
        "presence",
        "Presence",
        "2/5",
        "10/10",
        "out",
        "5",
        "polish",
        "as",
        "a",
        "communicator",
        "Health:",
        "health",
        "endpoint",
        "English:",
        "broken",
        "young",
        "energetic",
        "team",
        "session",
        "offline",
        "users",
        "mode",
        "said",
        "she",
        "told",
        "listless",
        "listed",
        "la",
        "crème",
        "de",
        "seemed",
        "nice",
        "priya",
        "y",
        "los",
        "?",
        ":",
    ];
    let mut seed: u64 = 0x5eed;
    let mut next = |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    for _ in 0..4000 {
        let len = 1 + next(8);
        let mut note = String::new();
        for k in 0..len {
            if k > 0 && next(3) != 0 {
                note.push(' ');
            }
            note.push_str(WORDS[next(WORDS.len())]);
        }
        for f in detect_flags(&note) {
            if let Some(s) = &f.span {
                assert!(note.get(s.start..s.end).is_some(), "{note:?}: flag span {}..{}", s.start, s.end);
            }
        }
        if let Ok(c) = classify(&note) {
            for s in &c.evidence {
                assert!(note.get(s.start..s.end).is_some(), "{note:?}: evidence span {}..{}", s.start, s.end);
            }
        }
    }
}

/// Observations that read needs improvement and exceeds on one capability draft nothing: the
/// mean would be meets, a level no observation supports. The capability is named as split.
#[test]
fn split_evidence_drafts_no_rating_and_is_named() {
    use scorecard::core::classifier::{draft_ratings_with, Drafts, Evidence};
    let r = rubric();
    let mut card = Scorecard::new(&r);
    let tag = |i: usize, cap: &str, level: Rating| Observation {
        id: format!("o{i}"),
        text: format!("note {i}"),
        capability: Some(cap.into()),
        level,
        source: TagSource::Interviewer,
    };
    card.observations.push(tag(0, "technical_expertise", Rating::Exceeds));
    card.observations.push(tag(1, "technical_expertise", Rating::NeedsImprovement));
    card.observations.push(tag(2, "project_ownership", Rating::Exceeds));
    card.observations.push(tag(3, "project_ownership", Rating::Meets));
    let drafts = draft_ratings_with(&r, &mut card, |_| Evidence::Confidence(Some(0.9)));
    assert_eq!(
        drafts,
        Drafts {
            drafted: vec!["project_ownership".into()],
            split: vec!["technical_expertise".into()],
            unsure: vec![],
            biased: vec![]
        }
    );
    assert_eq!(card.rating("technical_expertise"), Rating::NotAssessed);
    // A bias-risk note is no evidence either way: without it the evidence agrees.
    let drafts = draft_ratings_with(&r, &mut card, |t| {
        if t == "note 1" {
            Evidence::BiasRisk
        } else {
            Evidence::Confidence(Some(0.9))
        }
    });
    assert_eq!(drafts.drafted, ["technical_expertise"]);
    assert_eq!(card.rating("technical_expertise"), Rating::Exceeds);
    // A capability whose only observations with a level have a bias risk is named as such, not
    // as "nothing to draft".
    card.observations.push(tag(4, "mentorship_support", Rating::NeedsImprovement));
    let drafts = draft_ratings_with(&r, &mut card, |t| {
        if t == "note 4" {
            Evidence::BiasRisk
        } else {
            Evidence::Confidence(Some(0.9))
        }
    });
    assert_eq!((drafts.drafted.len(), drafts.biased), (0, vec!["mentorship_support".to_string()]));
    assert_eq!(card.rating("mentorship_support"), Rating::NotAssessed);
    // Also without a level ("Level?", as a flagged remark moved to a capability is): a bias
    // risk, not a level still to set, since no level would make it count.
    card.observations[4].level = Rating::NotAssessed;
    let drafts = draft_ratings_with(&r, &mut card, |t| {
        if t == "note 4" {
            Evidence::BiasRisk
        } else {
            Evidence::Confidence(Some(0.9))
        }
    });
    assert_eq!(
        drafts,
        Drafts { drafted: vec![], split: vec![], unsure: vec![], biased: vec!["mentorship_support".into()] }
    );
}

/// A QA pass drafted Technical Expertise and Mentorship & Support as needs improvement from two
/// plainly good notes: the level head read "asked" as the interviewer's probing of a weak answer
/// and had nothing else to go on, and short notes in training were mostly needs improvement. The
/// QA notes and paraphrases of them (`data/corpus/short-notes.jsonl`, never trained on): no note
/// labelled meets or exceeds reads as a sure needs improvement, so none drafts one.
#[test]
fn short_positive_notes_never_read_as_a_sure_needs_improvement() {
    let text = std::fs::read_to_string(root().join("data/corpus/short-notes.jsonl")).unwrap();
    let examples = train::parse_corpus("short-notes.jsonl", &text).unwrap();
    assert!(examples.len() >= 20, "the short notes are there");
    for e in examples.iter().filter(|e| e.level != Rating::NeedsImprovement) {
        let c = classify(&e.text).unwrap();
        assert!(
            c.level != Rating::NeedsImprovement || c.level_unsure(),
            "{}: {:?} at {}",
            e.text,
            c.level,
            c.level_confidence
        );
    }
    let ev = train::evaluate(embedded_model().unwrap(), &examples);
    assert!(ev.level_accuracy >= 0.9, "short-note level accuracy {:.3}", ev.level_accuracy);

    // The widget's scenario: the two notes, then "Draft ratings from observations".
    let r = rubric();
    let mut card = card_from(&[
        "Asked clarifying questions before coding",
        "Paired with me on the bug and found the race condition in 10 minutes",
    ]);
    draft(&r, &mut card);
    assert_eq!(card.observations[0].capability.as_deref(), Some("technical_expertise"));
    assert_eq!(card.rating("technical_expertise"), Rating::Meets, "{:?}", card.observations);
    for (id, entry) in &card.ratings {
        assert_ne!(entry.level, Rating::NeedsImprovement, "{id} drafted as needs improvement");
    }
}

/// A suggested tag whose level is a guess (below `MIN_LEVEL_CONFIDENCE`) drafts nothing: the
/// capability is named as unsure unless other evidence rates it. The interviewer's own tag on
/// the same note counts as ever.
#[test]
fn a_guessed_level_drafts_nothing_and_is_named() {
    use scorecard::core::classifier::{draft_ratings_with, Drafts, Evidence};
    let r = rubric();
    let tag = |i: usize, cap: &str, level: Rating, source: TagSource| Observation {
        id: format!("o{i}"),
        text: format!("note {i}"),
        capability: Some(cap.into()),
        level,
        source,
    };
    let mut card = Scorecard::new(&r);
    card.observations.push(tag(0, "mentorship_support", Rating::NeedsImprovement, TagSource::Suggested));
    card.observations.push(tag(1, "technical_expertise", Rating::NeedsImprovement, TagSource::Suggested));
    card.observations.push(tag(2, "technical_expertise", Rating::Meets, TagSource::Suggested));
    card.observations.push(tag(3, "project_ownership", Rating::Exceeds, TagSource::Interviewer));
    let unsure = |t: &str| if t == "note 2" { Evidence::Confidence(Some(0.8)) } else { Evidence::UnsureLevel };
    let drafts = draft_ratings_with(&r, &mut card, unsure);
    assert_eq!(
        drafts,
        Drafts {
            drafted: vec!["technical_expertise".into(), "project_ownership".into()],
            split: vec![],
            unsure: vec!["mentorship_support".into()],
            biased: vec![],
        }
    );
    assert_eq!(card.rating("mentorship_support"), Rating::NotAssessed);
    assert_eq!(card.rating("technical_expertise"), Rating::Meets, "the guessed needs improvement weighs nothing");
    assert_eq!(
        card.rating("project_ownership"),
        Rating::Exceeds,
        "the interviewer's tag counts whatever the classifier read"
    );

    // A tag without a level drafts nothing, whoever set it (the interviewer moved it from
    // "Level?" without choosing one): named as such, not "nothing to draft".
    let mut card = Scorecard::new(&r);
    card.observations.push(tag(0, "technical_expertise", Rating::NotAssessed, TagSource::Interviewer));
    let drafts = draft_ratings_with(&r, &mut card, |_| Evidence::Confidence(Some(0.9)));
    assert_eq!(
        drafts,
        Drafts { drafted: vec![], split: vec![], unsure: vec!["technical_expertise".into()], biased: vec![] }
    );
    assert_eq!(card.rating("technical_expertise"), Rating::NotAssessed);

    // What a reading says for drafting: its flags first, then how sure its level is.
    let sure = classify("Wrote tests for the edge cases without being asked.").unwrap();
    assert!(!sure.level_unsure() && sure.suggests_tag(), "{sure:?}");
    assert_eq!(Evidence::of(&sure), Evidence::Confidence(Some(sure.confidence)));
    let guess =
        classifier::Classification { level_confidence: classifier::MIN_LEVEL_CONFIDENCE - 0.01, ..sure.clone() };
    assert_eq!(Evidence::of(&guess), Evidence::UnsureLevel);
    assert_eq!(Evidence::of(&classify("She is a young mom so might not handle on-call").unwrap()), Evidence::BiasRisk);
}

/// A note the model knows no word of (another language) is no reading: it is neither flagged as
/// an impression nor tagged from the model's prior, and its level is not a needs improvement
/// read from nothing. English notes the detector can read are still flagged.
#[test]
fn notes_the_classifier_cannot_read_are_neither_flagged_nor_tagged() {
    let foreign = [
        "הוביל את ההגירה עם שלושה צוותים",
        "Провёл миграцию с тремя командами",
        "带领三个团队完成了迁移",
        "Lideró la migración con tres equipos",
    ];
    for note in foreign {
        assert!(detect_flags(note).is_empty(), "{note}: {:?}", detect_flags(note));
        let c = classify(note).unwrap();
        assert_eq!((c.confidence, c.capability_confidence, c.level_confidence), (0.0, 0.0, 0.0), "{note}");
        assert_eq!(c.level, Rating::Meets, "{note}: no level read from nothing");
        assert!(!c.suggests_tag() && c.level_unsure() && c.evidence.is_empty(), "{note}: {c:?}");
    }
    let r = rubric();
    let mut card = card_from(&foreign);
    assert_eq!(tag_observations(&r, &mut card), 0);
    assert!(draft(&r, &mut card).is_empty() && card.ratings.is_empty());
    // The same rules still read English impressions and non-answers.
    for note in ["ok", "No opinion", "N/A", "meh", "seems smart", "Seemed fine to me."] {
        check_flags(note, &[FlagKind::NonBehavioral]);
    }
    // A bias remark needs no other English word to be caught.
    check_flags("Young and energetic", &[FlagKind::BiasRisk]);
}

/// Conduct towards someone is behaviour however short: "Talked over me repeatedly" was flagged
/// as no behaviour (an action, no work noun, four words). Its level reads needs improvement.
#[test]
fn conduct_towards_someone_is_behaviour() {
    for note in [
        "Talked over me repeatedly",
        "Interrupted the other interviewer twice.",
        "Cut me off mid-sentence.",
        "Never listened to her teammate.",
        "Walked me through it.",
    ] {
        check_flags(note, &[]);
    }
    for note in ["Talked over me repeatedly", "Kept interrupting the other interviewer."] {
        let c = classify(note).unwrap();
        assert_eq!(c.level, Rating::NeedsImprovement, "{note}: {c:?}");
    }
    // An action alone, or with a thing, is what it was.
    check_flags("Talked a good game.", &[FlagKind::NonBehavioral]);
    // Said of work, the conduct words are not conduct: "talked over the options" is a discussion.
    assert!(!level_features("Talked over the options with the PM.").iter().any(|f| f.contains("struggle")));
}

/// A failing test is what the candidate debugs, not a failure of the candidate; the
/// interviewer's own "I asked" is not the candidate asking.
#[test]
fn failing_things_and_the_interviewers_questions_are_not_the_candidates() {
    assert!(!level_features("Fixed the failing test in the pipeline.")
        .iter()
        .any(|f| f == "#struggle" || f.starts_with('!')));
    assert!(level_features("Failed to fix the test.").iter().any(|f| f == "#struggle" || f.starts_with('!')));
    assert!(!level_features("I asked about caching; she covered eviction.").iter().any(|f| f == "ask"));
    assert!(level_features("Asked clarifying questions about the load.").iter().any(|f| f == "#inquire"));
    assert!(level_features("Didn't ask clarifying questions about the load.").iter().any(|f| f == "!#inquire"));
}

/// A process's or a component's parent and children are not a family; a person's are. A bias
/// flag quotes every word of its phrase where two of its phrases overlap.
#[test]
fn parents_and_children_of_things_are_not_a_family_and_quotes_cover_overlapping_phrases() {
    use FlagKind::*;
    let hits: &[(&str, &str)] = &[
        ("She is a single parent of two, so travel is hard.", "parent"),
        ("As a parent she gets why we need predictable on-call.", "parent"),
        ("He's a parent.", "parent"),
        ("Her parents live with her.", "parents"),
        ("He has two children at home.", "children"),
        ("Looks very young for a senior role.", "Looks very young"),
    ];
    for (note, quoted) in hits {
        assert_eq!(first_flag(note), Some((BiasRisk, quoted.to_string())), "{note}");
    }
    for note in [
        "Found why zombie processes piled up: the parent supervisor never called waitpid on its child processes; she fixed it and added a test.",
        "Fixed a leak where child processes were never reaped by the parent process, and wrote the regression test.",
        "Rebased onto the parent commit and split the change into three reviewable patches.",
        "Said the old service is a parent process of the workers and drew how it restarts them.",
        "The component re-renders its children on every keystroke; she memoised the list and measured the frame time.",
    ] {
        assert!(!detect_flags(note).iter().any(|f| f.kind == BiasRisk), "{note}: {:?}", detect_flags(note));
    }
}

/// "Looks very ..." is about age only when an age word follows; how the candidate looks is
/// appearance; how a thing of work looks is neither.
#[test]
fn looks_of_the_candidate_are_flagged_with_the_right_reason_and_looks_of_work_are_not() {
    let flagged: &[(&str, &str)] = &[
        ("Looks very professional.", "mentions appearance"),
        ("Looks professional, good energy.", "mentions appearance"),
        ("He looked tired all day.", "mentions appearance"),
        ("Looks very young for a senior role.", "mentions age"),
        ("She looks too old for this team.", "mentions age"),
    ];
    for (note, reason) in flagged {
        let flags = detect_flags(note);
        assert!(
            flags.iter().any(|f| f.kind == FlagKind::BiasRisk && f.reason.starts_with(reason)),
            "{note}: {flags:?}"
        );
        assert!(
            !flags.iter().any(|f| f.reason.starts_with("mentions age")) || *reason == "mentions age",
            "{note}: {flags:?}"
        );
    }
    for note in [
        "The dashboard she built looks very polished and two teams adopted it.",
        "His design doc looks professional and complete, with rollback steps.",
        "The old UI looked tired, so he redesigned the settings flow and measured task time.",
    ] {
        assert!(!detect_flags(note).iter().any(|f| f.kind == FlagKind::BiasRisk), "{note}: {:?}", detect_flags(note));
    }
}

/// A list kept as one note whose lines read as different capabilities is never tagged with
/// confidence, and its level drafts nothing (QA M9: 90% sure of Mentorship, Needs improvement).
#[test]
fn a_note_of_several_topics_is_never_read_confidently() {
    use scorecard::core::classifier::{classify, MULTI_TOPIC_CONFIDENCE};
    let qa = "- Asked about expected QPS before designing\n- Needed two hints on cache staleness\n- Mentors two juniors weekly\n- Missed the billing deadline by a month";
    let c = classify(qa).unwrap();
    assert!(c.confidence <= f64::from(MULTI_TOPIC_CONFIDENCE), "{c:?}");
    assert!(c.level_unsure(), "{c:?}");
    // The same lines one by one read as they did; so does a single line.
    let alone = classify("Mentors two juniors weekly").unwrap();
    assert!(alone.confidence > f64::from(MULTI_TOPIC_CONFIDENCE), "{alone:?}");
    // Two lines about one capability keep their confidence.
    let one = classify("Designed a sharded queue\nthat two other teams adopted and run in production").unwrap();
    let joined = classify("Designed a sharded queue that two other teams adopted and run in production").unwrap();
    assert_eq!(one.capability, joined.capability);
    assert!(one.confidence > f64::from(MULTI_TOPIC_CONFIDENCE), "{one:?}");
}

/// A first-time interviewer's QA pass (2026-11-27): notes on asking about load, users or the
/// SLA up front read as needs improvement, and clear notes got the wrong capability or level.
/// Those notes and paraphrases of them written before the fix are
/// `data/corpus/interviewer-notes.jsonl`, which is never trained on.
#[test]
fn interviewer_notes_read_as_the_rubric_says() {
    let text = std::fs::read_to_string(root().join("data/corpus/interviewer-notes.jsonl")).unwrap();
    let examples = train::parse_corpus("interviewer-notes.jsonl", &text).unwrap();
    assert!(examples.len() >= 40, "the interviewer's notes are there");
    let ev = train::evaluate(embedded_model().unwrap(), &examples);
    assert!(ev.capability_accuracy >= 0.9, "capability accuracy {:.3}", ev.capability_accuracy);
    assert!(ev.level_accuracy >= 0.85, "level accuracy {:.3}", ev.level_accuracy);

    // Asking about the load, the users or the SLA first is what the rubric wants: a sure meets,
    // about the technical design (or, for the users, the business).
    for note in [
        "Started by asking what the p99 latency target was.",
        "Asked what the p99 latency target was.",
        "Began by asking who the users were.",
        "Started by asking about the SLA.",
        "First question was about expected traffic.",
    ] {
        let c = classify(note).unwrap();
        assert!(c.suggests_tag(), "{note}: {c:?}");
        assert_eq!(c.level, Rating::Meets, "{note}: {c:?}");
        assert!(!c.level_unsure(), "{note}: {c:?}");
        assert!(matches!(c.capability.as_str(), "technical_expertise" | "business_impact"), "{note}: {c:?}");
    }
    check("Started by asking about the SLA.", "technical_expertise", Rating::Meets);
    // The capability and level the rubric's wording gives.
    check(
        "Could not estimate storage for a year of events even with help.",
        "technical_expertise",
        Rating::NeedsImprovement,
    );
    check(
        "Proposed sharding by tenant id and called out the hot-tenant risk; suggested a separate pool for the top 5 customers.",
        "technical_expertise",
        Rating::Meets,
    );
    check(
        "Has done about 40 interviews and helped rewrite our system design question bank.",
        "mentorship_support",
        Rating::Exceeds,
    );
    check("Convinced two other teams to adopt her schema registry.", "technical_expertise", Rating::Exceeds);
    // Influencing the roadmap: business impact, and never a needs improvement (the model reads
    // meets and exceeds nearly evenly here, so the level is unsure and drafts nothing).
    let c =
        classify("Showed the PM data that the feature would cannibalise the enterprise tier; the roadmap was changed.")
            .unwrap();
    assert_eq!(c.capability, "business_impact", "{c:?}");
    assert_ne!(c.level, Rating::NeedsImprovement, "{c:?}");
}

/// The candidate's own question about requirements is the `#inquire` cue, whatever its words;
/// a question about the candidate ("asked how she would ...") is the interviewer's, and neither
/// the cue nor a word of the level.
#[test]
fn the_candidates_questions_about_requirements_are_inquiry_and_the_interviewers_are_not() {
    for note in [
        "Asked what the expected traffic was.",
        "Started by asking about the SLA.",
        "Her first question was about the latency target.",
    ] {
        assert!(level_features(note).iter().any(|f| f == "#inquire"), "{note}: {:?}", level_features(note));
    }
    assert!(level_features("Never asked about the expected load.").iter().any(|f| f == "!#inquire"));
    for note in [
        "Asked how she would handle twice the traffic.",
        "I asked what the SLA was and he guessed.",
        "When asked about the expected load, he froze.",
    ] {
        let f = level_features(note);
        assert!(!f.iter().any(|f| f == "#inquire" || f == "ask"), "{note}: {f:?}");
    }
}

/// An impression about a topic ("passionate about distributed systems") is no behaviour: the
/// topic is what the impression is about. Remarks on the candidate's English are a language
/// bias risk, and a school remains one of education, not an impression.
#[test]
fn impressions_about_a_topic_are_not_behaviour_and_language_remarks_are_a_bias_risk() {
    use FlagKind::*;
    for note in [
        "Hard worker, very passionate about coding.",
        "Very passionate about distributed systems.",
        "Really enthusiastic about machine learning.",
        "Keen to learn Kubernetes.",
        "Loves Rust.",
    ] {
        check_flags(note, &[NonBehavioral]);
        assert!(!classify(note).unwrap().suggests_tag(), "{note}");
    }
    for note in [
        "Passionate about testing: wrote property tests for the parser unprompted.",
        "Got excited about the caching problem and sketched three eviction policies.",
        "Interested in the on-call rotation, asked how pages are routed.",
        "Was interested in the product and interviewed three customers before designing.",
    ] {
        check_flags(note, &[]);
    }
    for note in [
        "Barely spoke English.",
        "His English was hard to follow.",
        "Poor English, but solid design.",
        "Her English is limited.",
    ] {
        let flags = detect_flags(note);
        assert!(
            flags.iter().any(|f| f.kind == BiasRisk && f.reason.starts_with("mentions language, accent or speech")),
            "{note}: {flags:?}"
        );
    }
    for note in [
        "Explained the consistency model in plain English to the PM.",
        "Wrote the English and Spanish copy for the onboarding flow.",
    ] {
        check_flags(note, &[]);
    }
    let flags = detect_flags("Graduated from Stanford, so strong fundamentals.");
    assert!(flags.iter().any(|f| f.reason.starts_with("mentions education or former employer")), "{flags:?}");
}

/// The highlighted words are words that explain the tag, not a bare preposition or "started".
#[test]
fn highlighted_words_are_not_bare_function_words() {
    for note in [
        "Walked me through the payments migration she led: 3 teams, one quarter, weekly risk review with product.",
        "Spotted the N+1 query in my sample code within a minute.",
        "Started by asking about the SLA.",
        "Spoke clearly and summarized the trade-offs at the end without being asked.",
        "Comes from a top-tier company so bar is met.",
    ] {
        let c = classify(note).unwrap();
        assert!(!c.evidence.is_empty(), "{note}");
        for s in &c.evidence {
            let words = note[s.start..s.end].to_lowercase();
            assert!(
                !matches!(words.as_str(), "through" | "within" | "started" | "end" | "before" | "comes"),
                "{note}: {words:?}"
            );
        }
    }
}

/// A note whose level the classifier cannot tell is tagged with its capability and no level
/// ("level?"), never with the guess; drafting names its capability as unsure rather than
/// saying there is nothing to draft. The document keeps the tag as it is, round trip included.
#[test]
fn a_guessed_level_is_left_out_of_the_tag() {
    use scorecard::core::classifier::{draft_ratings_with, tag_observations, Evidence};
    let rubric = Rubric::default_rubric().unwrap();
    let mut card = Scorecard::new(&rubric);
    for (i, text) in ["Talked about the cache layer for a while.", "Hosted an intern"].iter().enumerate() {
        card.observations.push(Observation { id: format!("o{i}"), text: text.to_string(), ..Observation::default() });
    }
    assert_eq!(tag_observations(&rubric, &mut card), 2);
    for o in &card.observations {
        assert!(o.capability.is_some(), "{o:?}");
        assert_eq!((o.level, o.source), (Rating::NotAssessed, TagSource::Suggested), "{o:?}");
    }
    let back = Scorecard::from_json(&card.to_json(), &rubric).unwrap();
    assert_eq!(back, card);
    let drafts = draft_ratings_with(&rubric, &mut card, |_| Evidence::Confidence(Some(0.9)));
    assert!(drafts.drafted.is_empty());
    assert_eq!(drafts.unsure.len(), 2, "{drafts:?}");
}

/// A fourth review's false flags: "young" of a team, a codebase or a company is not the
/// candidate's age; "energetic" of a session or a cadence is not about the person (of the
/// person it still is); a presence the candidate reports of a design or of offline users is a
/// product's. The same words of the candidate stay bias risks.
#[test]
fn young_and_energetic_of_things_and_a_products_presence_are_not_flagged() {
    use FlagKind::*;
    for note in [
        "Young team: she onboarded three new hires in her first month",
        "The team is young and she set up the review rotation for it.",
        "Her team is young, so she wrote the onboarding guide.",
        "The codebase is young and she added the first integration tests.",
        "The company is young and he built its first CI pipeline.",
        "An energetic debugging session: she bisected the regression in ten minutes.",
        "Energetic release cadence; she shipped weekly behind flags.",
        "Energetic discussion about caching; she defended write-through with numbers.",
        "No presence, she said, was the old design's flaw.",
        "Presence was weak, she said, for offline users.",
    ] {
        check_flags(note, &[]);
    }
    let hits: &[(&str, &str)] = &[
        ("She is very energetic.", "energetic"),
        ("Very energetic, asked good questions.", "energetic"),
        ("She seemed energetic and eager.", "energetic"),
        ("He's an energetic engineer.", "energetic engineer"),
        ("Energetic guy, talked fast.", "Energetic guy"),
        ("Energetic: no.", "Energetic"),
        ("She is young and the team is senior.", "young"),
        ("Young, but she led the migration.", "Young"),
    ];
    for (note, quoted) in hits {
        assert_eq!(first_flag(note), Some((BiasRisk, quoted.to_string())), "{note}");
        assert!(detect_flags(note)[0].reason.starts_with("mentions age"), "{note}");
    }
    // Still verdicts: a presence said to be the candidate's gap, or weak for a role.
    for note in ["No presence, she said, was her biggest gap.", "Presence was weak, her manager said, for a senior."] {
        assert_eq!(detect_flags(note).first().map(|f| f.kind), Some(BiasRisk), "{note}");
    }
}

/// A fourth review's misses: a presence graded by a score in a label ("Presence: 2/5."), a
/// polish judged "as a communicator", an English impression beside a French phrase, a name in
/// lower case with a name's particles, and the label form of a trait with no phrase of its own
/// ("English: broken.", "Health: bad back"); and "listed the fixes" is behaviour.
#[test]
fn scores_labels_lower_case_names_and_foreign_phrases_do_not_hide_a_verdict() {
    use FlagKind::*;
    for (note, quoted) in [
        ("Presence: 2/5.", "Presence: 2/5"),
        ("Presence - 3/10", "Presence - 3/10"),
        ("Her presence was 2/5.", "presence was 2/5"),
        ("Presence? 10/10.", "Presence? 10/10"),
        ("Lacks polish as a communicator", "Lacks polish"),
        ("Needs more polish as a presenter.", "polish"),
    ] {
        assert_eq!(first_flag(note), Some((BiasRisk, quoted.to_string())), "{note}");
        assert!(detect_flags(note)[0].reason.contains("how the candidate comes across"), "{note}");
    }
    for (note, category) in [
        ("English: broken.", "language, accent or speech"),
        ("English: fluent.", "language, accent or speech"),
        ("Accent: thick.", "language, accent or speech"),
        ("Health: bad back", "health or disability"),
        ("Health - poor.", "health or disability"),
    ] {
        let flags = detect_flags(note);
        assert!(
            flags.len() == 1
                && flags[0].kind == BiasRisk
                && flags[0].reason.starts_with(&format!("mentions {category}")),
            "{note}: {flags:?}"
        );
    }
    for note in
        ["He seemed confident, la crème de la crème", "maria de la cruz y los santos seemed nice", "priya seemed nice"]
    {
        check_flags(note, &[NonBehavioral]);
    }
    for note in [
        // Not a score, not a label, not a person's polish or health.
        "Presence: 2/5 nodes reporting after the deploy.",
        "It lacks polish as an engineer would expect, so she listed the gaps.",
        "English copy: weak, so she rewrote the onboarding strings.",
        "Health: green across all services after her fix.",
        "Health checks: poor coverage, so she added readiness probes.",
        "she listed the fixes for the CLI",
        // Still read as other languages: no English impression, no name in subject position.
        "A conçu le système de paiement et a expliqué les compromis clairement.",
        "Ha guidato il team.",
        "Lideró la migración de la base de datos y explicó los riesgos.",
    ] {
        check_flags(note, &[]);
    }
}

/// A fifth review's regressions of the fourth's rules, and misses that predate them: "offline"
/// anywhere hid a presence verdict (only "offline users", "offline mode"... are a chat system's);
/// a young team in a fit verdict or a contrast with the candidate, and "energetic" of the
/// person before a role noun, lost their age flag; "listless" read as the action "list"; a
/// service's "Health: good, covered readiness probes" read as the candidate's health; and
/// "Health: not great" or "Health: tired, coughing." were missed.
#[test]
fn rev1_review_regressions() {
    use FlagKind::*;
    for note in [
        "Presence was lacking; we took the follow-up offline.",
        "Presence: weak, and he dropped offline twice.",
        "Presence: weak. She designed the sharding scheme and we took the rest offline.",
    ] {
        let flags = detect_flags(note);
        assert!(
            flags.len() == 1 && flags[0].kind == BiasRisk && flags[0].reason.contains("how the candidate comes across"),
            "{note}: {flags:?}"
        );
    }
    for note in [
        "Probably too senior for our young team, though she designed the sharding scheme well.",
        "Not a match for a young and energetic team; she explained the cache design clearly.",
        "She designed the sharding scheme, but our team is young and she is not.",
        "Energetic speaker; she designed the sharding scheme.",
        "An energetic presenter, kept the room engaged.",
        "Great match for our young team.",
        "An energetic engineer.",
    ] {
        let flags = detect_flags(note);
        assert!(
            flags.len() == 1 && flags[0].kind == BiasRisk && flags[0].reason.starts_with("mentions age"),
            "{note}: {flags:?}"
        );
    }
    for note in [
        "Health: not great",
        "Health: concerning, mentioned surgery",
        "Health: tired, coughing.",
        "Health: bad back, probably from the long commute.",
    ] {
        let flags = detect_flags(note);
        assert!(
            flags.len() == 1 && flags[0].kind == BiasRisk && flags[0].reason.starts_with("mentions health"),
            "{note}: {flags:?}"
        );
    }
    check_flags("Seemed listless and low energy.", &[NonBehavioral]);
    // A chat system's offline mode is no verdict on the candidate.
    assert!(!classifier::has_bias_risk(&detect_flags("Presence was weak, so she added offline mode.")));
    for note in [
        "Presence was weak, she said, for offline users",
        "Took the discussion offline after she proposed the sharding scheme.",
        "Presence was weak in offline mode, so she added a local cache.",
        "Young team: she onboarded three new hires in her first month",
        "The team is young and she is not afraid to push back; she led the migration.",
        "She built the onboarding docs for our young team.",
        "An energetic debugging session: she bisected the regression in ten minutes.",
        "Energetic release cadence; she shipped weekly behind flags.",
        "An energetic debate on consistency; she argued for quorum reads.",
        "She mentored an energetic intern through the migration.",
        "Listing the risks, she prioritized the migration first.",
        "Health: good, covered readiness probes and alerting.",
        "Health: bad, so she added a health endpoint.",
        "Health: poor; she proposed circuit breakers.",
        "Health: not monitored, so she added readiness probes.",
    ] {
        check_flags(note, &[]);
    }
}

/// An English impression in a long clause beside foreign-looking words is flagged once, at any
/// length. (What it costs is measured, not asserted here: BENCHMARKS.md, "Classifier", has the
/// 1,000- and 10,000-character figures of "nice la nice la ...".)
#[test]
fn an_impression_in_a_long_clause_beside_foreign_words_is_flagged() {
    for n in [1_000, 10_000] {
        let text = "nice la ".repeat(n / 8 + 1).chars().take(n).collect::<String>();
        assert_eq!(detect_flags(&text).len(), 1, "{n} characters: an English impression");
    }
}

/// A seventh session's misses and false flags: a name as the whole note's subject ("Juan is
/// young.", "maria looks old.", "priya was old for the role"; not a word the lexicons know:
/// "Python looks old"), a presence scored in words ("Presence: 2 out of 5"), "young and she is
/// not" before a new clause ("... so she may struggle"), and "young" of a technology the
/// lexicons know beside the candidate's action ("Kubernetes was young when she adopted it").
/// A young team stays flagged where it is a fit remark, and "young and energetic" whatever it
/// describes (docs/WHY-classifier.md).
#[test]
fn names_scores_in_words_and_technologies_with_old_or_young() {
    for note in [
        "Juan is young.",
        "maria looks old.",
        "priya was old for the role",
        "Juan is old for this level.",
        "José is young.",
        "Priya seems too young for the role.",
        "The team is young and she is not so she may struggle",
        "Our team is young and he is not but he is keen",
        "The team is young and energetic.",
        "Better suited to a young team.",
        "Would fit well in a younger team.",
        "We want a young team here.",
        "Not a match for a young and energetic team.",
        "Juan is young, so he may struggle",
        "Juan is young so he may struggle",
        "Maria is old, so she might not keep up.",
        "Priya is young, so she could struggle with on-call.",
        "Juan is old, he would struggle with the pace.",
        "Ming is young.",
        "Ling looks old for the role.",
        "Ruby is young.",
        "Priya is too young for this level.",
        "She is too old for this kind of workload.",
        "He is too young for this level of responsibility.",
        // People named by their role, which the lexicons know as words of work.
        "The developer seems young.",
        "Our new engineer seems young.",
        "The senior engineer looks young.",
        "The intern seems young.",
        "The new hire seems young.",
        "New hire seems young.",
        "The developer is young.",
        "The intern is young.",
        // A photo, a voice or a mindset called young is the person's.
        "Photo looks young.",
        "Voice is young.",
        "Mindset is old.",
    ] {
        let flags = detect_flags(note);
        assert!(
            flags.len() == 1 && flags[0].kind == FlagKind::BiasRisk && flags[0].reason.starts_with("mentions age"),
            "{note}: {flags:?}"
        );
    }
    for (note, quoted) in [
        ("Presence: 2 out of 5", "Presence: 2 out of 5"),
        ("Presence: 1 of 5", "Presence: 1 of 5"),
        ("Her presence was 2 out of 5.", "presence was 2 out of 5"),
        ("Presence: 10 out of 10.", "Presence: 10 out of 10"),
    ] {
        assert_eq!(first_flag(note), Some((FlagKind::BiasRisk, quoted.to_string())), "{note}");
    }
    for note in [
        // Things the lexicons do not know, alone in a note: not read as a name.
        "Setup looks old.",
        "Resume looks old.",
        "The lead time is young.",
        // A manager or a lead is as often someone else's.
        "Her hiring manager seems young, so she had to set up the process herself.",
        "Python 2 looks old, so she ported the scripts to Python 3.",
        "Python looks old",
        "Our monitoring is young, so she added alerting on the queue depth.",
        "Her presentation had presence of mind: she paused to check the numbers.",
        "The presence check failed, so she added a retry.",
        "She joined a young startup and built its billing from scratch.",
        "She replaced the old-school unit tests with property tests.",
        "She deprecated the old API and moved every client off it.",
        "She refactored the old module into three services.",
        "Redis is young for this use case, she argued, and picked Postgres.",
        "Redis is young for this use case",
        "Kafka was old for the workload, so she proposed Pulsar.",
        "Java is old but she wrote clean code.",
        "COBOL looks old, yet she migrated the batch jobs safely.",
        "Kubernetes was young when she adopted it.",
        "The framework is young and she contributed patches upstream.",
        "Mobile is young at this company and she built the first app.",
        "The schema is old and she migrated it.",
        "Presence: 2 out of 5 nodes reporting after the deploy.",
        "Presence: 3 of 5 replicas healthy, so she paged the on-call.",
        "The presence indicator was 2 out of 5 seconds late; she fixed the heartbeat.",
        "Health checks: 2 out of 5 passing, so she rolled back.",
        "The team is young and she is not afraid of legacy code.",
        "The team is young and she is not so sure about pairing, she said.",
        "The team is young and she is not yet onboarded, so she shadowed me.",
        "Jenkins is old, so she moved CI to GitHub Actions.",
        "Codebase is old, she added tests.",
        "Perl is old, she rewrote the scripts in Go.",
        "Laptop was old so the build was slow; she cached the dependencies.",
        "Node is old for this level of traffic, she said, and proposed Go.",
        "Vue is young but she shipped the whole frontend with it.",
        "Elixir is young and she contributed patches upstream.",
        "Jenkins was young when she adopted it.",
        "Dashboard is old, so she rebuilt it in React.",
        "Monolith is old, so she split out the billing service.",
        "Equipment was old, so she wrote a simulator.",
        "Elixir is young, so she wrote the missing client library herself.",
        "Jenkins is old, so she may move CI to GitHub Actions, she said.",
    ] {
        check_flags(note, &[]);
    }
    // A thing the lexicons miss but the list knows, alone in its note, is no person's age: the
    // note only reports no behaviour (Ruby, also a first name, is not on the list: "Ruby is
    // young." is an age flag, and only a thing's use makes it the language: below).
    for note in [
        "Equipment is old",
        "Perl is old.",
        "Jenkins is old",
        "Vue is young",
        "Node is old for this level of traffic",
        "Elixir is young but she made it work",
        "Codebase is old.",
        "Laptop is old.",
        "Server is old.",
        "Php is old.",
        "Perl is old, so she may rewrite the scripts in Go.",
        "Version is old.",
        "Experience is old.",
    ] {
        check_flags(note, &[FlagKind::NonBehavioral]);
    }
}

/// Asserts each note gets exactly one flag, an age remark.
fn check_age(notes: &[&str]) {
    for note in notes {
        let flags = detect_flags(note);
        assert!(
            flags.len() == 1 && flags[0].kind == FlagKind::BiasRisk && flags[0].reason.starts_with("mentions age"),
            "{note}: {flags:?}"
        );
    }
}

/// An eighth session's young subjects: a noun after a determiner is a thing unless it names a
/// person ("The lead time seems young", "The dev environment seems young" were age flags), and
/// a manager or a dev is a person unless someone's ("The manager seems young" was missed; "Her
/// hiring manager seems young, ..." stays sound). "Dev seems young, she still shipped it" stays
/// an age flag: "Dev" is a name or a developer, a person either way.
#[test]
fn young_nouns_after_a_determiner_are_things_and_managers_people() {
    check_age(&[
        "The manager seems young",
        "The new manager is too old for this role.",
        "The dev seems young.",
        "The student seems young.",
        "The developer is too old for this.",
        "Dev seems young, she still shipped it",
        "Her face looks young.",
        "The candidate's face looks young.",
        "Honestly, Juan seems young.",
    ]);
    for note in [
        "The lead time seems young",
        "The dev environment seems young",
        "The lead time looks young.",
        "Our dev environment is young.",
        "The build pipeline seems young.",
        "The test suite seems young, so she added property tests.",
        "Her hiring manager seems young, so she had to set up the process herself.",
        "Her manager seems young, so she set up the review process herself.",
    ] {
        assert!(!classifier::has_bias_risk(&detect_flags(note)), "{note}: {:?}", detect_flags(note));
    }
}

/// An age remark in a clause of its own after a list of what the candidate did, with no subject
/// of its own: the note's ("..., and is too young for this"). Not a bare lack after an action,
/// which may be the work's ("Finished all three parts, but lacks polish"), nor a thing named as
/// the clause's subject.
#[test]
fn an_age_remark_sharing_the_notes_subject_in_a_later_clause_is_flagged() {
    check_age(&[
        "She designed the cache, wrote the tests, and she is too young for this",
        "She designed the cache, wrote the tests, and is too young for this",
        "Designed the cache, wrote the tests, but is too old for a startup.",
        "He reviewed the design, paired with me, and seems a bit young.",
    ]);
    for note in [
        "Finished all three parts, but lacks polish.",
        "She rewrote the scheduler, but it is too old for the new hardware.",
        "The library is maintained, but is too old for the new runtime.",
    ] {
        assert!(!classifier::has_bias_risk(&detect_flags(note)), "{note}: {:?}", detect_flags(note));
    }
}

/// A name's note may go on after "for ..." to what the age is said to bring ("Juan is old for
/// the role, so he may struggle"), or after "so" to how the person does something ("Juan is
/// young, so he moved fast"); not to what was done to a thing ("Bamboo is old, so she replaced
/// it"). A thing's use after "for" makes the subject a technology ("Ruby is old for this kind of
/// workload": only `non_behavioral`), and "they" stays an age remark with "too ... to".
#[test]
fn a_names_age_before_what_it_is_said_to_bring_and_a_technologys_use() {
    check_age(&[
        "Juan is young, so he moved fast",
        "Maria is young, so she learns quickly.",
        "Juan is old for the role, so he may struggle",
        "Priya was old for the team, so she might not keep up.",
        "Juan is old so he may struggle",
        "They are probably too old to learn Rust",
        "they might be too young to lead",
        "Ruby is young.",
        "She is too old for this kind of workload.",
    ]);
    for note in ["Ruby is old for this kind of workload", "Node is old for this level of traffic"] {
        check_flags(note, &[FlagKind::NonBehavioral]);
    }
    for note in [
        "Ruby is old for this kind of workload, so she proposed Go.",
        "Bamboo is old, so she replaced it.",
        "Bamboo is old, so she moved CI to GitHub Actions.",
    ] {
        check_flags(note, &[]);
    }
}

/// Technologies that notes call old, alone in a note, report no behaviour and no one's age.
#[test]
fn old_technologies_alone_are_no_ones_age() {
    for note in [
        "Hadoop is old",
        "jQuery seems old",
        "jquery is old.",
        "Haskell is old",
        "Erlang is old.",
        "Fortran is old",
        "Angular is old.",
        "Windows is old.",
    ] {
        check_flags(note, &[FlagKind::NonBehavioral]);
    }
    check_flags("Haskell is old, so she rewrote the parser in Rust.", &[]);
    check_age(&["Ruby is young.", "Juan is old."]);
}

/// A manager is a person as "the (new) manager", not in a compound: "the package manager" is a
/// thing and "our manager", "the product manager" someone else, so these sound notes were age
/// flags once "manager" became a role.
#[test]
fn compound_managers_are_things_or_someone_else() {
    for note in [
        "The service manager is old, so he replaced it with systemd.",
        "The package manager seems old, so she upgraded npm.",
        "The window manager is too old for Wayland, so he switched.",
        "Our manager seems young, so she owned the rollout.",
        "The product manager seems young, so she wrote the spec with him.",
    ] {
        assert!(!classifier::has_bias_risk(&detect_flags(note)), "{note}: {:?}", detect_flags(note));
    }
    check_age(&[
        "The manager seems a bit young for the scope.",
        "This manager is too old for this.",
        "A manager seems young here.",
    ]);
}

/// An "and" or "but" before a verb of being or a modal shares the note's subject without a
/// comma too ("He debugged the race condition but is kind of old for the team" was missed),
/// but not past another subject's copula ("She found the library was unmaintained, and is too
/// old for our stack" is the library's, and was an age flag).
#[test]
fn and_or_but_share_the_subject_without_a_comma_not_past_another_copula() {
    check_age(&[
        "He debugged the race condition but is kind of old for the team.",
        "Refactored the parser and seems a bit young for ownership of it.",
        "She shipped the feature but might be too young to lead it.",
        "He is solid technically but seems too old to adapt.",
        "She designed the cache, wrote the tests, and is too young for this",
    ]);
    for note in [
        "She found the library was unmaintained, and is too old for our stack.",
        "She found the service was slow and is too old for the load, so she proposed a rewrite.",
        "She found the library is unmaintained and is too old for our Node version.",
    ] {
        assert!(!classifier::has_bias_risk(&detect_flags(note)), "{note}: {:?}", detect_flags(note));
    }
}

/// "old to" a verb is a person's age as "too old to" is: "She seems a bit old to learn a new
/// stack" was missed; "from old to new", "the old to the new" are not about a person.
#[test]
fn old_to_do_something_is_age() {
    check_age(&[
        "She seems a bit old to learn a new stack.",
        "He is kind of old to switch careers.",
        "The candidate is old to be starting out as a junior.",
    ]);
    for note in [
        "She migrated the schema from old to new without downtime.",
        "The service is old to begin with, so she rewrote it.",
    ] {
        check_flags(note, &[]);
    }
    // "old to" a place, not a verb: new to it, not an age (the final review).
    let flags = detect_flags("He is old to this codebase and navigated it quickly.");
    assert!(flags.iter().all(|f| f.kind != FlagKind::BiasRisk), "{flags:?}");
}

/// A thing of work naming a team or a role after "for" is a person's place, not a thing's use:
/// "She is too old for the systems team" was missed; "The library is too old for the API team"
/// stays a thing's age.
#[test]
fn a_team_named_by_a_thing_of_work_is_a_persons_place() {
    check_age(&[
        "She is too old for the systems team.",
        "The candidate is old for the API team.",
        "He is too young for the database role.",
    ]);
    check_flags("The library is too old for the API team, so she upgraded it.", &[]);
}

/// "she's older" is "she is older" (the tokenizer keeps "she" of "she's"): it was missed.
#[test]
fn shes_older_is_age() {
    check_age(&["She's older.", "He's older and might not keep up."]);
    check_flags("He's upgrading older clients to the new SDK.", &[]);
}

/// "young candidate" is the one interviewed when it leads its clause or describes them: "The
/// young candidate fixed the bug in 10 minutes" was missed; "mentored a young engineer" stays
/// someone else, and so do "coached a young candidate", a candidate program and a pool (the
/// first review flagged them once "candidate" skipped the check).
#[test]
fn the_young_candidate_is_age() {
    check_age(&["The young candidate fixed the bug in 10 minutes.", "Our younger candidate asked sharp questions."]);
    for note in [
        "She mentored a young engineer through the migration.",
        "He coached a young candidate through a mock interview and gave concrete feedback.",
        "She ran the young candidate program for the bootcamp and improved its completion rate.",
        "The young candidate pool was strong this quarter; she stood out for her design.",
    ] {
        check_flags(note, &[]);
    }
}

/// A plural of people ("The interns are too young", "These candidates seem too old for a
/// startup") was missed: a plural or "they" is the candidate or their group when the note calls no
/// one "he" or "she"; beside one it is others or things ("They were too old to support the new
/// API, so she replaced them" was an age flag). A thing after "too old for" is read as far as
/// after "old for" ("They are too old for the new runtime" was an age flag).
#[test]
fn plural_people_are_age_alone_and_they_beside_he_or_she_is_not_the_candidate() {
    check_age(&[
        "The interns are too young",
        "These candidates seem too old for a startup",
        "Both candidates seem too young for this role",
        "The juniors are too young to lead",
        "The candidates are too old.",
        "They are too young for this role",
    ]);
    for note in [
        "The interns are young and she mentored them through their first release.",
        "The students were too young to follow the talk, so she simplified it.",
        "Her juniors are too young to be on call, so she covers nights.",
        "They were too old to support the new API, so she replaced them.",
        "They are too old to be supported, so she pinned the versions.",
        "They are too old for the new runtime, so he upgraded them.",
        "The libraries are too old for our stack, so she upgraded them.",
        "The juniors are young and eager; gave them starter tickets.",
    ] {
        check_flags(note, &[]);
    }
}

/// A lead or a manager named by two words is a person: "The tech lead seems young" was missed.
/// As often someone else as the candidate, so only alone, like a plural: "The tech lead seemed
/// young, so she wrote the design doc with him" is about a colleague, and "the lead time" is a
/// metric.
#[test]
fn a_tech_lead_or_hiring_manager_is_a_person() {
    check_age(&[
        "The tech lead seems young",
        "The team lead seems young",
        "The dev lead seems young",
        "The eng lead is too old for this",
        "Tech lead seems young.",
        "The new tech lead is too old for a startup.",
        "The hiring manager seems young",
        "The engineering manager is too old for a startup",
    ]);
    for note in [
        "Her tech lead seems young, so she ran the planning herself.",
        "The tech lead seemed young, so she wrote the design doc with him.",
        "Our tech lead seems young, so she owned the rollout.",
        "Our hiring manager seems young, so she set up the process herself.",
        "The tech lead time metric is too old, so she replaced it.",
        "Team lead: she ran standups for six engineers.",
        "The lead time seems young",
    ] {
        check_flags(note, &[]);
    }
}

/// A name's age before "to" a verb ("Juan is old to be a junior") or with "they" in the clause
/// after ("Juan is young, so they may struggle": a note about one candidate says "they" of them),
/// and "too old for this workload" of a name ("for this kind of workload" alone is a
/// technology's use, but not after "too") were missed. "old to" a place is no age.
#[test]
fn a_names_age_to_be_something_with_they_and_too_old_for_a_workload() {
    check_age(&[
        "Juan is old to be a junior",
        "Juan is young to be a lead",
        "Maria is old to be starting out.",
        "Juan is old to be a junior, so he may struggle",
        "Juan is young, so they may struggle",
        "Priya seems too young, so they might struggle.",
        "Priya is too old for this workload",
        "Priya is too old for this kind of workload",
    ]);
    check_flags("Ruby is old for this kind of workload", &[FlagKind::NonBehavioral]);
    check_flags("He is old to this codebase", &[FlagKind::NonBehavioral]);
    check_flags("Bamboo is old, so they moved CI to GitHub Actions.", &[]);
}

/// "Older" opening a note before a thing is the thing's ("Older clients break on the new SDK"
/// was an age flag); "years left in her career" is an age remark (it was missed).
#[test]
fn older_things_and_years_left_in_a_career() {
    for note in [
        "Older clients break on the new SDK, so he added a compatibility shim.",
        "Older versions leaked memory; she bisected it.",
        "She has two years left on the contract and wants to grow.",
    ] {
        check_flags(note, &[]);
    }
    check_age(&[
        "Older, but sharp.",
        "Older than most of the team, might not fit.",
        "She's older, so she may struggle.",
        "She only has a few years left in her career.",
        "He has maybe ten years left in his career.",
    ]);
}

/// A thing's age named by a compound ("the age distribution of open tickets", "ticket age",
/// "an age column") was an age flag on notes of work; a person's age stays one. "Grafana" is a
/// technology, no name ("Grafana seems young, so she added alerts" was an age flag).
#[test]
fn a_things_age_and_grafana_are_no_ones_age() {
    for note in [
        "She built a dashboard for the age distribution of open tickets.",
        "She plotted ticket age by team and cut the median by half.",
        "He added an age column to the cache table.",
        "The age histogram showed stale entries; she added eviction.",
        "She reduced the average message age in the queue from 9 s to 2 s.",
        "Grafana seems young, so she added alerts.",
        "She worked on the age verification flow for the signup page.",
    ] {
        check_flags(note, &[]);
    }
    check_flags("Grafana seems young.", &[FlagKind::NonBehavioral]);
    check_age(&[
        "Age is a concern for this role.",
        "Consider his age: 58.",
        "Her age might be an issue.",
        "Mentioned age twice.",
    ]);
}

/// "Older" before people stays age ("Older candidates tend to struggle here") where "Older
/// clients break on the new SDK" is a thing's (the previous commit's "Older <thing>" rule let it
/// through).
#[test]
fn older_people_stay_age() {
    check_age(&["Older candidates tend to struggle here.", "Older engineers struggle with the pace."]);
    check_flags("Older users churned after the redesign; she ran interviews.", &[]);
}

/// A young team that did something ("The young team shipped the feature, she led the rollout":
/// an action right after it, past tense) is the team's description, no fit verdict; "A young
/// team like ours needs ..." and "a young team that ships daily" stay age-coded fit remarks.
#[test]
fn a_young_team_that_did_something_is_no_fit_verdict() {
    for note in [
        "The young team shipped the feature in two weeks, she led the rollout",
        "our young team shipped v2 with her help",
        "young team built the service in a month, she joined later and fixed the cache",
    ] {
        check_flags(note, &[]);
    }
    check_age(&[
        "A young team like ours needs someone with more energy",
        "Not sure she'd fit with a young team that ships daily",
        "young team would eat him alive",
    ]);
}

/// "max age" written without its hyphen is a header's or a cookie's ("max age header was wrong,
/// she fixed it" was an age flag).
#[test]
fn max_age_is_a_setting() {
    check_flags("max age header was wrong, she fixed it", &[]);
    check_flags("the max age rule in the cache is too old", &[]);
    check_age(&["age is a concern for this role"]);
}

/// "hiring manager", "eng manager", "team manager", "hiring lead" opening a telegraphic note are
/// people, as "Team lead ..." was ("hiring manager is too young to judge this" was missed);
/// "package manager too old, upgraded npm" stays sound.
#[test]
fn a_two_word_role_opening_a_note_is_a_person() {
    check_age(&[
        "hiring manager is too young to judge this",
        "eng manager seems too old",
        "team manager seems young",
        "hiring lead seems young",
    ]);
    check_flags("package manager too old, upgraded npm", &[]);
    check_flags("Team lead seems young, she handled it well", &[]);
}

/// A fragment's "too old to be maintained" (upgraded, patched, supported) is a thing's ("too old
/// to be maintained, she replaced the cron jobs with a queue" was an age flag); "too old to be
/// retrained" and a person's "too old to be supported" stay age.
#[test]
fn too_old_to_be_maintained_is_a_things() {
    for note in [
        "too old to be maintained, she replaced the cron jobs with a queue",
        "too old to be upgraded in place, so she did a blue green deploy",
    ] {
        check_flags(note, &[]);
    }
    check_age(&[
        "too old to be retrained",
        "he's too old to be hired here",
        "She is too old to be supported on this team",
        "the candidate is too old to be supported, honestly",
    ]);
}

/// The cls12 review's misses: "they" before a career change or a junior's place ("They seem old
/// to be switching careers"), "The older candidates we saw", "staff eng" (read "staff
/// engineering"), "The leads" alone in a note, and "years left in him" were not flagged.
#[test]
fn a_career_change_older_candidates_a_staff_eng_the_leads_and_years_left_are_age() {
    check_age(&[
        "They seem old to be switching careers",
        "they seem old to switch careers",
        "They seem old to be a junior",
        "The older candidates we saw were slower",
        "staff eng seems young",
        "senior eng seems too old for this",
        "The leads are too young",
        "He doesn't have many years left in him",
        "not many working years left",
    ]);
    // "they" is still the libraries' where nothing says a person ("They are old to be running in
    // prod"); others' age and a candidate the note calls "she" beside a role are no one's here.
    for note in [
        "They are old to be running in prod",
        "She coached the older candidates in mock interviews",
        "The older engineers on the team helped her",
        "staff eng seems young, she still led the design",
        "The leads are old, she cleaned up the CRM",
    ] {
        check_flags(note, &[]);
    }
}

/// The cls12 review's false alarms: cron jobs retired ("She retired the old cron jobs": "cron" is
/// a thing of work, "retire" an action), "fresh out of" a piece of work ending its clause, a technology's "old to be used", and the manager of a candidate the note
/// calls "she" ("The manager seems young, so she set up the process herself": someone else's
/// age, as "Her manager seems young, ..." was) were age flags.
#[test]
fn a_retired_thing_fresh_out_of_work_a_tools_use_and_someone_elses_manager_are_no_age() {
    for note in [
        "She retired the old cron jobs",
        "fresh out of a migration project, she explained the cutover plan",
        "Fresh out of an incident review, she walked me through the timeline",
        "The manager seems young, so she set up the process herself",
        "The manager is too old, she said, so she took over the planning",
    ] {
        check_flags(note, &[]);
    }
    for note in
        ["Bamboo seemed old to be used here", "Bamboo is old to be maintained", "Bamboo is too old to be used here"]
    {
        check_flags(note, &[FlagKind::NonBehavioral]);
    }
    check_age(&[
        "He is retiring this year",
        "She is retiring from the team next year",
        "She is retiring the year after next",
        "He retired the year his daughter was born",
        "fresh out of a data science bootcamp",
        "fresh out of a software engineering degree",
        "Juan is old to be honest",
        "Juan seemed old to be hired here",
        "The manager seems young",
    ]);
}

/// rev14's review of those rules: retiring "from" anything was age, and "fresh out of" looked at
/// the clause's last word, so a PhD before "... her code review" read as a piece of work.
#[test]
fn retiring_from_a_duty_is_no_age_and_fresh_out_of_reads_what_follows_it() {
    for note in [
        "Retiring from the old API was her idea and she drove the migration",
        "He is retiring from the project next quarter and handed over the runbooks",
        "She is retiring from the project lead role to focus on the migration",
        "She retired from the platform team's on-call and trained her replacement",
        "He is fresh out of a migration project and explained the cutover plan clearly",
    ] {
        check_flags(note, &[]);
    }
    check_age(&[
        "She's fresh out of a PhD and it shows in her code review",
        "He retired from the company last year",
        "She is retiring from the team next year",
    ]);
}
