//! The leveling engine: sanity cases, a table of outcomes, and monotonicity over every
//! combination of ratings.

use scorecard::core::engine::{evaluate, Decision, Greenhouse};
use scorecard::core::scorecard::{Rating, RatingEntry, Scorecard};
use scorecard::core::{recommend, Rubric};

const N: Rating = Rating::NotAssessed;
const NI: Rating = Rating::NeedsImprovement;
const M: Rating = Rating::Meets;
const E: Rating = Rating::Exceeds;

fn rubric() -> Rubric {
    Rubric::default_rubric().unwrap()
}

/// A card rated in the rubric's capability order.
fn card(r: &Rubric, ratings: [Rating; 6]) -> Scorecard {
    let mut c = Scorecard::new(r);
    for (cap, level) in r.capabilities.iter().zip(ratings) {
        if level != N {
            c.ratings.insert(cap.id.clone(), RatingEntry { level, note: "observed".into(), ..Default::default() });
        }
    }
    c
}

/// Ratings in order TE, PO, BI, CC, MS, LP -> (decision, level, consider, greenhouse).
fn check(ratings: [Rating; 6], decision: &str, level: Option<&str>, consider: Option<&str>, greenhouse: &str) {
    let r = rubric();
    let rec = recommend(&r, &card(&r, ratings));
    let got = (rec.decision.id(), rec.level.as_deref(), rec.consider_level.as_deref(), rec.greenhouse.id());
    assert_eq!(got, (decision, level, consider, greenhouse), "{ratings:?}: {:#?}", rec.rationale);
}

#[test]
fn sanity() {
    check([M; 6], "hire", Some("L4"), None, "yes");
    check([E; 6], "hire", Some("L4"), Some("L5"), "strong_yes");
    check([NI; 6], "no_hire", None, None, "definitely_not");
    check([N; 6], "insufficient_evidence", None, None, "no_decision");
}

#[test]
fn outcome_table() {
    // Too little evidence: three of six rated, the policy wants four.
    check([E, E, E, N, N, N], "insufficient_evidence", None, None, "no_decision");
    // Four rated, all meets: enough.
    check([M, M, M, M, N, N], "hire", Some("L4"), None, "yes");
    // One weakness outside the core is tolerated at L4.
    check([M, M, NI, M, M, M], "hire", Some("L4"), None, "yes");
    // A weak core capability blocks L4 but not L3; L3 is a No for the L4 role as posted.
    check([NI, M, M, M, M, M], "hire", Some("L3"), None, "no");
    // Two weaknesses: L3.
    check([M, M, NI, M, NI, M], "hire", Some("L3"), None, "no");
    // Mostly weak: no hire, but not "definitely not".
    check([M, NI, NI, M, NI, M], "no_hire", None, None, "no");
    // Exceeds everywhere but one non-core meets: still L4, no L5 (the L5 band wants all six exceeding core and no weakness... and a score of 1.7).
    check([E, E, E, E, E, M], "hire", Some("L4"), Some("L5"), "strong_yes");
    check([E, E, M, E, M, M], "hire", Some("L4"), None, "yes");
    // Unassessed core capability: L4 needs the core at meets, so L3; but this interview did not
    // cover it, which is no evidence against the candidate: Greenhouse hears no decision.
    check([N, M, M, M, M, M], "hire", Some("L3"), None, "no_decision");
    // The reviewer's strong single-step card: nothing below meets, two core capabilities not
    // covered: no decision, not a No.
    check([M, N, E, N, E, E], "hire", Some("L3"), None, "no_decision");
    // A core capability rated below meets is evidence: still a No.
    check([NI, N, E, M, E, E], "hire", Some("L3"), None, "no");
}

/// What a reader checks the rationale against: a shown score never equals a threshold it does
/// not reach, No and Definitely not say why, and losing only the level to consider says so.
#[test]
fn rationale_numbers_and_phrases_match_the_outcome() {
    let r = rubric();
    for code in 0..4usize.pow(6) {
        let ratings: [Rating; 6] = std::array::from_fn(|i| Rating::ALL[(code / 4usize.pow(i as u32)) % 4]);
        let rec = recommend(&r, &card(&r, ratings));
        let text = rec.rationale.join("\n");
        match rec.greenhouse {
            Greenhouse::DefinitelyNot => assert!(
                text.contains("In Greenhouse terms: Definitely not, for a score below 0.35."),
                "{ratings:?}: {text}"
            ),
            Greenhouse::No if rec.decision == Decision::NoHire => {
                assert!(text.contains("In Greenhouse terms: No, for a score of at least 0.35."), "{ratings:?}: {text}")
            }
            _ => {}
        }
        // The score shown against the Definitely-not threshold agrees with the grade.
        if let (Some(score), Decision::NoHire) = (rec.score, rec.decision) {
            assert_eq!(score < 0.35, rec.greenhouse == Greenhouse::DefinitelyNot, "{ratings:?}: {score}");
        }
        assert!(
            !text.contains("Would drop to hire at L4 if") || rec.level.as_deref() != Some("L4"),
            "{ratings:?}: {text}"
        );
    }
    let text = recommend(&r, &card(&r, [E, E, E, E, E, E])).rationale.join("\n");
    assert!(text.contains("Would lose L5 to consider if"), "{text}");
    let text = recommend(&r, &card(&r, [M, N, E, N, E, E])).rationale.join("\n");
    assert!(text.contains("Core capabilities not assessed: Project Ownership and Communication & Collaboration; this interview did not cover them,"), "{text}");
    // A hire held below the rubric's level says so in the headline's words, and why right after.
    let rec = recommend(&r, &card(&r, [N, M, E, M, E, E]));
    assert_eq!((rec.decision, rec.greenhouse), (Decision::Hire, Greenhouse::NoDecision), "{:?}", rec.rationale);
    let lead = format!("{}: a score of", scorecard::core::engine::headline(rec.decision, rec.level.as_deref(), true));
    assert!(lead.starts_with("Hire below level: ") && rec.rationale[0].starts_with(&lead), "{:?}", rec.rationale);
    assert!(
        rec.rationale[1]
            .starts_with("Core capability not assessed: Technical Expertise; this interview did not cover it"),
        "{:?}",
        rec.rationale
    );
    // One with observations was covered: not rated (drafting leaves one whose observations
    // disagree), and the sentence says so rather than contradict the observations beside it.
    let mut observed_card = card(&r, [N, M, E, M, E, E]);
    observed_card.observations.push(observed(
        "o1",
        "technical_expertise",
        E,
        scorecard::core::scorecard::TagSource::Interviewer,
    ));
    let rec = recommend(&r, &observed_card);
    assert_eq!((rec.decision, rec.greenhouse), (Decision::Hire, Greenhouse::NoDecision), "{:?}", rec.rationale);
    assert!(rec.rationale[1].starts_with("Core capability not rated: Technical Expertise, though it has observations, so in Greenhouse terms there is no decision for the L4 role yet"), "{:?}", rec.rationale);
    let mut both = card(&r, [M, N, E, N, E, E]);
    both.observations.push(observed(
        "o1",
        "communication_collaboration",
        N,
        scorecard::core::scorecard::TagSource::Suggested,
    ));
    let text = recommend(&r, &both).rationale.join("\n");
    assert!(text.contains("Core capabilities not rated: Communication & Collaboration, though it has observations, and Project Ownership, which this interview did not cover, so"), "{text}");
}

/// Raising any one rated capability never lowers the outcome; neither does rating an
/// unassessed capability "exceeds". Checked over all 4^6 combinations.
#[test]
fn monotonic_over_every_combination() {
    let r = rubric();
    let bands = r.policy.bands.len();
    let mut checked = 0;
    for code in 0..4usize.pow(6) {
        let ratings: Vec<Rating> = (0..6).map(|i| Rating::ALL[(code / 4usize.pow(i)) % 4]).collect();
        let rating_of = |ratings: &[Rating]| {
            let ratings = ratings.to_vec();
            let ids: Vec<String> = r.capabilities.iter().map(|c| c.id.clone()).collect();
            move |id: &str| ids.iter().position(|c| c == id).map_or(N, |i| ratings[i])
        };
        let before = evaluate(&r, &rating_of(&ratings));
        for i in 0..6 {
            let raises: &[Rating] = match ratings[i] {
                N => &[E],
                NI => &[M, E],
                M => &[E],
                E => &[],
            };
            for &up in raises {
                let mut raised = ratings.clone();
                raised[i] = up;
                let after = evaluate(&r, &rating_of(&raised));
                if let (Some(a), Some(b)) = (before.rank(bands), after.rank(bands)) {
                    assert!(
                        b >= a,
                        "raising {} from {:?} to {up:?} in {ratings:?} lowered the outcome",
                        r.capabilities[i].id,
                        ratings[i]
                    );
                    checked += 1;
                }
                if before.decision != Decision::InsufficientEvidence && ratings[i] != N {
                    assert_ne!(after.decision, Decision::InsufficientEvidence);
                }
            }
        }
    }
    assert!(checked > 10_000, "compared {checked} pairs");
}

#[test]
fn rationale_says_what_carried_it_and_what_would_change_it() {
    let r = rubric();
    let mut c = card(&r, [E, M, NI, M, N, M]);
    c.ratings.get_mut("communication_collaboration").unwrap().note.clear();
    let rec = recommend(&r, &c);
    let text = rec.rationale.join("\n");
    assert!(text.contains("Hire at L4: a score of"), "{text}");
    assert!(text.contains("Strongest: Technical Expertise (exceeds expectations)."), "{text}");
    assert!(text.contains("Needs improvement: Business Impact."), "{text}");
    assert!(text.contains("Not assessed: Mentorship & Support."), "{text}");
    assert!(
        text.contains("Rated without evidence (add a note or an observation): Communication & Collaboration."),
        "{text}"
    );
    assert!(text.contains("Would drop to hire at L3 if"), "{text}");
    assert_eq!(rec.unassessed, ["mentorship_support"]);
    assert_eq!(rec.unevidenced, ["communication_collaboration"]);
    // The widget's panel leaves these two lines out of "Why" (its "Still to do" lists them).
    assert_eq!(
        rec.rationale[rec.todo_lines.clone()],
        [
            "Not assessed: Mentorship & Support.",
            "Rated without evidence (add a note or an observation): Communication & Collaboration."
        ]
    );
    assert!(rec.confidence > 0.0 && rec.confidence < 1.0);
}

/// A solid card with one core capability unrated is held a level down by the core condition: the
/// rationale says so and what rating it would take, instead of only "Not assessed".
#[test]
fn an_unrated_core_capability_is_named_as_the_reason_and_the_way_up() {
    let r = rubric();
    let rec = recommend(&r, &card(&r, [M, M, M, N, M, M]));
    assert_eq!((rec.decision, rec.level.as_deref()), (Decision::Hire, Some("L3")));
    let text = rec.rationale.join("\n");
    assert!(text.contains("Core capability not assessed: Communication & Collaboration;"), "{text}");
    // No what-if asks for a rating of what the interview did not assess: rating it meets would
    // reach L4, but saying so invites rating what nobody observed (the core sentence says why
    // the card stays at L3).
    assert!(!text.contains("if Communication & Collaboration were rated"), "{text}");
    // An unrated capability that is not core gets no such sentence.
    let text = recommend(&r, &card(&r, [M, M, M, M, N, M])).rationale.join("\n");
    assert!(!text.contains("Core capability not assessed"), "{text}");
}

#[test]
fn evidence_moves_confidence() {
    let r = rubric();
    let bare = {
        let mut c = card(&r, [M; 6]);
        c.ratings.values_mut().for_each(|e| e.note.clear());
        recommend(&r, &c)
    };
    let noted = recommend(&r, &card(&r, [M; 6]));
    assert!(noted.confidence > bare.confidence, "notes raise confidence: {} vs {}", noted.confidence, bare.confidence);

    let mut contradicted = card(&r, [M; 6]);
    contradicted.observations.push(scorecard::core::Observation {
        id: "o1".into(),
        text: "needed help with every design decision".into(),
        capability: Some("technical_expertise".into()),
        level: Rating::NeedsImprovement,
        source: Default::default(),
    });
    contradicted.ratings.get_mut("technical_expertise").unwrap().level = E;
    let rec = recommend(&r, &contradicted);
    assert_eq!(rec.contradicted, ["technical_expertise"]);
    assert!(rec.rationale.iter().any(|s| s.contains("do not match its rating")));
    assert!(rec.confidence < noted.confidence);
    assert_eq!(rec.greenhouse, Greenhouse::Yes);
}

/// A note or observation the classifier flags (a bias risk, an impression) is not evidence: a
/// rating it alone supports is rated without evidence, and the confidence is the bare card's.
/// A QA pass found "Young mom with two kids, very energetic." raising confidence from 40% to 65%
/// like a behavioural note, and a hand-tagged remark about family to 77%.
#[test]
fn flagged_notes_and_observations_are_not_evidence() {
    use scorecard::core::classifier::flagged;
    use scorecard::core::engine::recommend_with;
    let r = rubric();
    let with_notes = |note: &str| {
        let mut c = card(&r, [M, M, M, M, N, N]);
        c.ratings.values_mut().for_each(|e| e.note = note.into());
        c
    };
    let bare = recommend_with(&r, &with_notes(""), &flagged);
    let sound = recommend_with(
        &r,
        &with_notes("Walked through the rollback plan step by step and named the owner of each step."),
        &flagged,
    );
    assert!(sound.confidence > bare.confidence, "{} vs {}", sound.confidence, bare.confidence);
    assert!(sound.unevidenced.is_empty());
    for note in ["Young mom with two kids, very energetic.", "Seems smart."] {
        assert!(flagged(note), "{note}");
        let rec = recommend_with(&r, &with_notes(note), &flagged);
        assert_eq!(rec.confidence, bare.confidence, "{note}");
        assert_eq!(rec.unevidenced.len(), 4, "{note}: {:?}", rec.unevidenced);
        assert!(
            rec.rationale.iter().any(|l| l
                .starts_with("Rated without evidence (add a note or an observation; a flagged one is not evidence)")),
            "{note}: {:?}",
            rec.rationale
        );
        // Without the flags, as before: counted.
        assert!(recommend(&r, &with_notes(note)).confidence > bare.confidence);
    }
    assert!(
        bare.rationale.iter().any(|l| l.starts_with("Rated without evidence (add a note or an observation): ")),
        "{:?}",
        bare.rationale
    );
    // A remark about family, tagged by hand to every rated capability at its rating.
    let mut tagged = with_notes("");
    for (i, cap) in r.capabilities.iter().take(4).enumerate() {
        tagged.observations.push(scorecard::core::Observation {
            id: format!("o{i}"),
            text: "She is a single mom, so on-call may be hard for her.".into(),
            capability: Some(cap.id.clone()),
            level: M,
            source: scorecard::core::scorecard::TagSource::Interviewer,
        });
    }
    let rec = recommend_with(&r, &tagged, &flagged);
    assert_eq!((rec.confidence, rec.unevidenced.len()), (bare.confidence, 4));
}

/// A committee reads each panel member's vote with `engine::vote`, which skips the rationale:
/// it must give the decision, Greenhouse recommendation and score that `recommend` gives, for
/// every combination of ratings (unrated core capabilities included) and with or without notes.
#[test]
fn vote_is_recommend_without_the_rationale() {
    use scorecard::core::engine::vote;
    let r = rubric();
    for code in 0..4usize.pow(6) {
        let ratings: [Rating; 6] = std::array::from_fn(|i| Rating::ALL[(code / 4usize.pow(i as u32)) % 4]);
        let mut c = card(&r, ratings);
        for noted in [true, false] {
            if !noted {
                c.ratings.values_mut().for_each(|e| e.note.clear());
            }
            let (rec, v) = (recommend(&r, &c), vote(&r, &c));
            assert_eq!((v.decision, v.greenhouse, v.score), (rec.decision, rec.greenhouse, rec.score), "{ratings:?}");
        }
    }
}

/// An observation tagged to a capability at `level`.
fn observed(
    id: &str,
    capability: &str,
    level: Rating,
    source: scorecard::core::scorecard::TagSource,
) -> scorecard::core::Observation {
    scorecard::core::Observation {
        id: id.into(),
        text: format!("Walked through the plan, take {id}."),
        capability: Some(capability.into()),
        level,
        source,
    }
}

/// Split evidence (observations at more than one level, none two away from the rating) adds
/// nothing to the confidence; only observations that all read at the rating's level add. A QA
/// pass saw a card whose every capability had observations on both sides of its rating reach
/// 97%, the maximum, because "not contradicting" counted as agreeing.
#[test]
fn split_observations_do_not_raise_the_confidence() {
    use scorecard::core::scorecard::TagSource::Interviewer;
    let r = rubric();
    let base = card(&r, [M; 6]);
    let plain = recommend(&r, &base);
    let mut split = base.clone();
    let mut agreeing = base.clone();
    for (i, c) in r.capabilities.iter().enumerate() {
        split.observations.push(observed(&format!("a{i}"), &c.id, M, Interviewer));
        split.observations.push(observed(&format!("b{i}"), &c.id, if i % 2 == 0 { NI } else { E }, Interviewer));
        agreeing.observations.push(observed(&format!("a{i}"), &c.id, M, Interviewer));
    }
    let (split, agreeing) = (recommend(&r, &split), recommend(&r, &agreeing));
    assert_eq!(split.confidence, plain.confidence, "{:?}", split.rationale);
    assert!(split.contradicted.is_empty());
    assert!(agreeing.confidence > plain.confidence, "{} vs {}", agreeing.confidence, plain.confidence);
}

/// With every rated capability exceeds but not all six rated, the card says that L5 to consider
/// needs all six assessed, and no what-if suggests rating the capability nobody observed. A QA
/// pass saw nothing said with four rated, and "Would rise to hire at L4 with L5 to consider if
/// Leadership & Process Improvement were rated meets expectations" with five.
#[test]
fn l5_to_consider_says_it_needs_every_capability_assessed() {
    let r = rubric();
    for (ratings, n) in [([E, E, E, E, N, N], 4), ([E, E, E, E, E, N], 5)] {
        let rec = recommend(&r, &card(&r, ratings));
        assert_eq!((rec.level.as_deref(), rec.consider_level.as_deref()), (Some("L4"), None));
        let text = rec.rationale.join("\n");
        let line = format!(
            "L5 to consider needs all 6 capabilities assessed; this card assesses {n}. Rate only what you observed."
        );
        assert!(text.contains(&line), "{text}");
        assert!(!text.contains("were rated meets expectations") && !text.contains("rise"), "{text}");
    }
    // Not said where L5 is out of reach anyway, nor once it is reached.
    for ratings in [[M, M, M, M, N, N], [E; 6]] {
        let text = recommend(&r, &card(&r, ratings)).rationale.join("\n");
        assert!(!text.contains("capabilities assessed; this card assesses"), "{text}");
    }
    // Gaining the level to consider, all six rated, reads as that, not as a rise to the level
    // the headline already says.
    let text = recommend(&r, &card(&r, [M, E, E, E, E, E])).rationale.join("\n");
    assert!(
        text.contains("Would gain L5 to consider if Technical Expertise were rated exceeds expectations."),
        "{text}"
    );
    assert!(!text.contains("rise to hire at L4 with L5"), "{text}");
}

/// A suggested tag whose level the classifier cannot tell (a document written before such
/// levels were left out holds the guess) counts for no level: it neither backs the rating nor
/// raises the confidence. The interviewer's own tag of the same text counts. A QA pass saw "Got
/// flustered ... gave up" stored as meets and raise the confidence from 40% to 49%.
#[test]
fn a_guessed_level_is_not_evidence_for_a_level() {
    use scorecard::core::classifier::reading;
    use scorecard::core::engine::{recommend_read, Reading};
    use scorecard::core::scorecard::TagSource;
    let r = rubric();
    // (The QA note itself, "Got flustered ... gave up", now reads as needs improvement.)
    let text = "Talked about the cache layer for a while.";
    assert_eq!(reading(text), Reading::LevelUnsure);
    let mut bare = card(&r, [M, M, M, M, N, N]);
    bare.ratings.values_mut().for_each(|e| e.note.clear());
    let with = |source: TagSource| {
        let mut c = bare.clone();
        c.observations.push(scorecard::core::Observation {
            id: "o1".into(),
            text: text.into(),
            capability: Some("technical_expertise".into()),
            level: M,
            source,
        });
        recommend_read(&r, &c, &reading)
    };
    let none = recommend_read(&r, &bare, &reading);
    let guessed = with(TagSource::Suggested);
    assert_eq!(guessed.confidence, none.confidence);
    assert!(guessed.unevidenced.iter().any(|c| c == "technical_expertise"), "{:?}", guessed.unevidenced);
    let chosen = with(TagSource::Interviewer);
    assert!(chosen.confidence > none.confidence);
    assert!(!chosen.unevidenced.iter().any(|c| c == "technical_expertise"));
}
