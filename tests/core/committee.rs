//! Committee analysis: consensus, spread and disagreement, duplicates, other rubrics,
//! calibration signals, the committee recommendation, who said what, the side-by-side view, the
//! `scorecard compare` command, and a scale check over ten thousand scorecards.
//!
//! Panels are written as data in a small notation: a scorecard is `"candidate interviewer step:
//! te=M po=e+2 ..."`, where the two-letter code names a capability, the letter is the level
//! (`n` needs improvement, `m` meets, `e` exceeds), an upper-case letter adds a note, and `+k`
//! adds k tagged observations.

use scorecard::core::committee::{
    analyze, parse_for_panel, split_input, to_markdown, who_said_what, who_said_what_in, CommitteeReport, Leaning,
    Piece,
};
use scorecard::core::engine::Decision;
use scorecard::core::scorecard::{instant, utc_minute, Observation, Person, RatingEntry, TagSource};
use scorecard::core::{Rating, Rubric, Scorecard};
use serde_json::Value;

fn rubric() -> Rubric {
    Rubric::default_rubric().expect("the embedded rubric is valid")
}

const CODES: [(&str, &str); 6] = [
    ("te", "technical_expertise"),
    ("po", "project_ownership"),
    ("bi", "business_impact"),
    ("cc", "communication_collaboration"),
    ("ms", "mentorship_support"),
    ("lp", "leadership_process"),
];

fn cap(code: &str) -> &'static str {
    CODES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, id)| *id)
        .unwrap_or_else(|| panic!("unknown capability code {code}"))
}

fn level(letter: char) -> Rating {
    match letter.to_ascii_lowercase() {
        'n' => Rating::NeedsImprovement,
        'm' => Rating::Meets,
        'e' => Rating::Exceeds,
        other => panic!("unknown level letter {other}"),
    }
}

/// Builds a scorecard from `"candidate interviewer step: te=M po=e+2"`; `_` for an empty
/// candidate or interviewer.
fn card(spec: &str) -> Scorecard {
    let rubric = rubric();
    let (head, ratings) = spec.split_once(':').unwrap_or((spec, ""));
    let mut head = head.split_whitespace();
    let person = |s: Option<&str>| match s {
        Some("_") | None => Person::default(),
        Some(key) => Person { id: key.to_string(), name: format!("Name of {key}") },
    };
    let mut c = Scorecard::new(&rubric);
    c.candidate = person(head.next());
    c.interviewer = person(head.next());
    c.interview.step = head.next().unwrap_or("").to_string();
    c.submitted_at = Some("2026-11-02T10:00:00Z".into());
    for token in ratings.split_whitespace() {
        let (code, rest) = token.split_once('=').expect("code=level");
        let (lvl, obs) = rest.split_once('+').unwrap_or((rest, "0"));
        let letter = lvl.chars().next().expect("a level letter");
        let id = cap(code);
        let note = if letter.is_ascii_uppercase() { format!("Evidence for {id}.") } else { String::new() };
        c.ratings.insert(id.to_string(), RatingEntry { level: level(letter), note, ..Default::default() });
        for k in 0..obs.parse::<usize>().expect("observation count") {
            c.observations.push(Observation {
                id: format!("{code}{k}"),
                text: format!("Observed {id} #{k}."),
                capability: Some(id.to_string()),
                level: level(letter),
                source: TagSource::Interviewer,
            });
        }
    }
    c
}

fn panel(specs: &[&str]) -> Vec<(String, Scorecard)> {
    specs.iter().enumerate().map(|(i, s)| (format!("card{}", i + 1), card(s))).collect()
}

fn report(specs: &[&str]) -> CommitteeReport {
    analyze(&rubric(), &panel(specs), None)
}

/// The consensus, spread, disagreement flag and evidence of one capability of the first candidate.
fn row(r: &CommitteeReport, id: &str) -> (Rating, Option<u8>, bool, usize) {
    let c = r.candidates.first().expect("a candidate");
    let m = c.matrix.iter().find(|m| m.capability == id).expect("a row");
    (m.consensus, m.spread, m.disagreement, m.evidence)
}

#[test]
fn consensus_spread_and_disagreement() {
    use Rating::*;
    // (technical_expertise as rated by each member, consensus, spread, disagreement)
    let cases: &[(&[&str], Rating, Option<u8>, bool)] = &[
        (&["m"], Meets, Some(0), false),
        (&["m", "e"], Meets, Some(1), false),
        (&["e", "m"], Meets, Some(1), false),
        (&["n", "e"], NeedsImprovement, Some(2), true),
        (&["n", "m", "e"], Meets, Some(2), true),
        (&["e", "e", "m"], Exceeds, Some(1), false),
        (&["e", "e", "m", "m"], Meets, Some(1), false),
        (&["n", "n", "m"], NeedsImprovement, Some(1), false),
        (&["-", "e"], Exceeds, Some(0), false),
        (&["-", "-"], NotAssessed, None, false),
    ];
    fn check(levels: &[&str], consensus: Rating, spread: Option<u8>, disagreement: bool) {
        let specs: Vec<String> = levels
            .iter()
            .enumerate()
            .map(
                |(i, l)| if *l == "-" { format!("ada i{i} s{i}: po=m") } else { format!("ada i{i} s{i}: te={l} po=m") },
            )
            .collect();
        let specs: Vec<&str> = specs.iter().map(String::as_str).collect();
        let r = report(&specs);
        let got = row(&r, "technical_expertise");
        assert_eq!((got.0, got.1, got.2), (consensus, spread, disagreement), "ratings {levels:?}");
        let flagged = r.candidates[0].disagreements.contains(&"technical_expertise".to_string());
        assert_eq!(flagged, disagreement, "disagreements list for {levels:?}");
        let unassessed = r.candidates[0].unassessed.contains(&"technical_expertise".to_string());
        assert_eq!(unassessed, consensus == NotAssessed, "unassessed list for {levels:?}");
    }
    for (levels, consensus, spread, disagreement) in cases {
        check(levels, *consensus, *spread, *disagreement);
    }
}

#[test]
fn evidence_counts_observations_and_a_note() {
    // (one member's rating of technical_expertise, evidence in its cell)
    let cases = [("te=m", 0), ("te=M", 1), ("te=m+2", 2), ("te=M+3", 4)];
    fn check(spec: &str, expected: usize) {
        let r = report(&[&format!("ada alice s: {spec}")]);
        let cell = &r.candidates[0].matrix[0].cells[0];
        assert_eq!(cell.evidence, expected, "{spec}");
        // The cell carries the observations it counts, for the heat map to open to.
        assert_eq!(cell.observations.len() + usize::from(!cell.note.is_empty()), expected, "{spec}");
        assert_eq!(row(&r, "technical_expertise").3, expected, "{spec}");
    }
    for (spec, expected) in cases {
        check(spec, expected);
    }
}

#[test]
fn grouping_duplicates_and_other_rubrics() {
    struct Case {
        cards: &'static [(&'static str, Option<&'static str>)],
        other_rubric: &'static [usize],
        /// Each candidate with the scorecards kept for them, counted (submitted) or drafts.
        candidates: &'static [(&'static str, usize)],
        duplicates: &'static [(&'static str, &'static [&'static str])],
        unidentified: &'static [&'static str],
    }
    let cases = [
        // Two candidates, no duplicates.
        Case {
            cards: &[("ada alice a: te=m", None), ("bo alice a: te=m", None), ("ada bob b: te=m", None)],
            other_rubric: &[],
            candidates: &[("ada", 2), ("bo", 1)],
            duplicates: &[],
            unidentified: &[],
        },
        // The later submission wins, whatever the load order.
        Case {
            cards: &[
                ("ada alice a: te=m", Some("2026-11-02T09:00:00Z")),
                ("ada alice a: te=e", Some("2026-11-02T11:00:00Z")),
            ],
            other_rubric: &[],
            candidates: &[("ada", 1)],
            duplicates: &[("card2", &["card1"])],
            unidentified: &[],
        },
        Case {
            cards: &[
                ("ada alice a: te=e", Some("2026-11-02T11:00:00Z")),
                ("ada alice a: te=m", Some("2026-11-02T09:00:00Z")),
            ],
            other_rubric: &[],
            candidates: &[("ada", 1)],
            duplicates: &[("card1", &["card2"])],
            unidentified: &[],
        },
        // Equal times keep the first loaded; a draft loses to a submitted scorecard.
        Case {
            cards: &[
                ("ada alice a: te=m", Some("2026-11-02T09:00:00Z")),
                ("ada alice a: te=e", Some("2026-11-02T09:00:00Z")),
                ("ada alice a: te=n", None),
            ],
            other_rubric: &[],
            candidates: &[("ada", 1)],
            duplicates: &[("card1", &["card2", "card3"])],
            unidentified: &[],
        },
        // Another step by the same interviewer is not a duplicate; neither are two anonymous ones.
        Case {
            cards: &[
                ("ada alice a: te=m", None),
                ("ada alice b: te=m", None),
                ("ada _ a: te=m", None),
                ("ada _ a: te=m", None),
            ],
            other_rubric: &[],
            candidates: &[("ada", 4)],
            duplicates: &[],
            unidentified: &[],
        },
        // Another rubric is set apart before duplicates are looked for; no candidate is set apart.
        Case {
            cards: &[
                ("ada alice a: te=m", None),
                ("ada alice a: te=e", Some("2026-12-01T00:00:00Z")),
                ("_ bob a: te=m", None),
            ],
            other_rubric: &[1],
            candidates: &[("ada", 1)],
            duplicates: &[],
            unidentified: &["card3"],
        },
    ];
    fn check(case: &Case) {
        let mut cards: Vec<(String, Scorecard)> = case
            .cards
            .iter()
            .enumerate()
            .map(|(i, (spec, at))| {
                let mut c = card(spec);
                c.submitted_at = at.map(String::from);
                (format!("card{}", i + 1), c)
            })
            .collect();
        for &i in case.other_rubric {
            cards[i].1.rubric.id = "l5-staff-software-engineer".into();
        }
        let r = analyze(&rubric(), &cards, None);
        let got: Vec<(&str, usize)> =
            r.candidates.iter().map(|c| (c.candidate.as_str(), c.panel.len() + c.drafts.len())).collect();
        assert_eq!(got, case.candidates, "candidates of {:?}", case.cards);
        let dups: Vec<(&str, Vec<&str>)> =
            r.duplicates.iter().map(|d| (d.kept.as_str(), d.dropped.iter().map(String::as_str).collect())).collect();
        let want: Vec<(&str, Vec<&str>)> = case.duplicates.iter().map(|(k, d)| (*k, d.to_vec())).collect();
        assert_eq!(dups, want, "duplicates of {:?}", case.cards);
        let other: Vec<String> = r.other_rubric.iter().map(|o| o.source.clone()).collect();
        let want_other: Vec<String> = case.other_rubric.iter().map(|i| format!("card{}", i + 1)).collect();
        assert_eq!(other, want_other, "other rubric of {:?}", case.cards);
        assert_eq!(r.unidentified, case.unidentified, "unidentified of {:?}", case.cards);
        // Drafts are kept with their candidate but not counted.
        let kept: usize = case.candidates.iter().map(|(_, n)| n).sum();
        let drafts: usize = r.candidates.iter().map(|c| c.drafts.len()).sum();
        assert_eq!(r.counted + drafts, kept);
        assert!(r
            .candidates
            .iter()
            .all(|c| c.panel.iter().all(|m| m.submitted_at.is_some())
                && c.drafts.iter().all(|m| m.submitted_at.is_none())));
        assert_eq!(r.scorecards, case.cards.len());
        // The kept scorecard is the one whose ratings count.
        if let Some((kept, _)) = case.duplicates.first() {
            let source = &r.candidates[0].panel[0].source;
            assert_eq!(source, kept);
        }
    }
    for case in &cases {
        check(case);
    }
}

#[test]
fn a_document_of_another_rubric_loads_as_other_rubric() {
    let rubric = rubric();
    // (document, expected: Ok(rubric id) or Err(substring of the error))
    let cases: [(&str, Result<&str, &str>); 4] = [
        (
            r#"{"format":"interview-scorecard","version":1,"rubric":{"id":"l5-staff","version":3},
               "candidate":{"id":7,"name":"Ada"},"interviewer":"Dan","ratings":{"architecture":{"level":"exceeds"}}}"#,
            Ok("l5-staff"),
        ),
        (
            r#"{"format":"interview-scorecard","version":1,"rubric":{"id":"l4-senior-software-engineer"},
               "ratings":{"technical_expertise":{"level":"meets"}}}"#,
            Ok("l4-senior-software-engineer"),
        ),
        (
            r#"{"format":"interview-scorecard","version":1,"ratings":{"architecture":{"level":"meets"}}}"#,
            Err("ratings.architecture"),
        ),
        ("{not json", Err("not JSON, so not a scorecard (key must be a string at column 2)")),
    ];
    fn check(rubric: &Rubric, text: &str, expected: Result<&str, &str>) {
        match (parse_for_panel(text, rubric), expected) {
            (Ok(card), Ok(id)) => assert_eq!(card.rubric.id, id, "{text}"),
            (Err(e), Err(part)) => assert!(e.to_string().contains(part), "{e} should mention {part}"),
            (got, want) => panic!("{text}: got {got:?}, expected {want:?}"),
        }
    }
    for (text, expected) in cases {
        check(&rubric, text, expected);
    }
    // A document saved by an earlier release is migrated, as every import does; one of another
    // rubric is still told apart after migration.
    let v0 = r#"{"format":"interview-scorecard","version":0,"rubric":"l4-senior-software-engineer","candidate":"Ada",
                 "ratings":{"technical_expertise":"exceeds"},"notes":{"technical_expertise":"Led the cache rewrite."}}"#;
    let card = parse_for_panel(v0, &rubric).expect("a version 0 document loads");
    assert_eq!(
        (card.candidate.key(), card.rating("technical_expertise"), card.note("technical_expertise")),
        ("Ada", Rating::Exceeds, "Led the cache rewrite.")
    );
    check(&rubric, &v0.replace("l4-senior-software-engineer", "l5-staff"), Ok("l5-staff"));
    check(&rubric, &v0.replace("\"version\":0", "\"version\":9"), Err("newer Scorecard"));

    let other = parse_for_panel(cases[0].0, &rubric).expect("reads");
    assert_eq!((other.candidate.key(), other.interviewer.key(), other.rubric.version), ("7", "Dan", 3));
    let r = analyze(&rubric, &[("x.json".into(), other)], None);
    assert_eq!(r.other_rubric.len(), 1);
    assert!(r.candidates.is_empty());
}

#[test]
fn calibration_signals() {
    struct Case {
        panel: &'static [&'static str],
        member: usize,
        leaning: Leaning,
        shared: usize,
        unevidenced: usize,
        uniform: Option<Rating>,
        flagged: usize,
    }
    let cases = [
        // A member a full level above two others on four shared capabilities is lenient.
        Case {
            panel: &["ada a s1: te=E po=E bi=E cc=M", "ada b s2: te=M po=M bi=M cc=M", "ada c s3: te=M po=M bi=M cc=M"],
            member: 0,
            leaning: Leaning::Lenient,
            shared: 4,
            unevidenced: 0,
            uniform: None,
            flagged: 0,
        },
        // And the mirror image is severe.
        Case {
            panel: &["ada a s1: te=N po=N bi=N", "ada b s2: te=M po=M bi=M", "ada c s3: te=E po=M bi=M"],
            member: 0,
            leaning: Leaning::Severe,
            shared: 3,
            unevidenced: 0,
            uniform: None,
            flagged: 0,
        },
        // Two thirds of a level above on average is within the threshold.
        Case {
            panel: &["ada a s1: te=E po=E bi=M", "ada b s2: te=M po=M bi=M"],
            member: 0,
            leaning: Leaning::InLine,
            shared: 3,
            unevidenced: 0,
            uniform: None,
            flagged: 0,
        },
        // Two shared ratings are not enough to judge, however far apart.
        Case {
            panel: &["ada a s1: te=E po=E bi=E", "ada b s2: te=N po=N"],
            member: 0,
            leaning: Leaning::NotEnoughShared,
            shared: 2,
            unevidenced: 0,
            uniform: None,
            flagged: 0,
        },
        // Ratings without a note or an observation are counted; evidence by observation counts.
        Case {
            panel: &["ada a s1: te=m po=m+1 bi=M"],
            member: 0,
            leaning: Leaning::NotEnoughShared,
            shared: 0,
            unevidenced: 1,
            uniform: None,
            flagged: 0,
        },
        // Four identical ratings are a signal; three are not.
        Case {
            panel: &["ada a s1: te=M po=M bi=M cc=M"],
            member: 0,
            leaning: Leaning::NotEnoughShared,
            shared: 0,
            unevidenced: 0,
            uniform: Some(Rating::Meets),
            flagged: 0,
        },
        Case {
            panel: &["ada a s1: te=M po=M bi=M"],
            member: 0,
            leaning: Leaning::NotEnoughShared,
            shared: 0,
            unevidenced: 0,
            uniform: None,
            flagged: 0,
        },
        // The flagger sees notes and observations: here two notes and one observation. What it
        // flags is not evidence: Mentorship (its note and its observation flagged) and
        // Leadership (its note) are rated without evidence, as Business Impact is.
        Case {
            panel: &["ada a s1: te=M ms=E+1 lp=M bi=n", "ada b s2: te=M"],
            member: 0,
            leaning: Leaning::NotEnoughShared,
            shared: 1,
            unevidenced: 3,
            uniform: None,
            flagged: 3,
        },
    ];
    let flagger = |text: &str| -> Vec<String> {
        if text.contains("mentorship") || text.contains("leadership") {
            vec!["culture_fit".to_string()]
        } else {
            Vec::new()
        }
    };
    fn check(case: &Case, flagger: &dyn Fn(&str) -> Vec<String>) {
        let r = analyze(&rubric(), &panel(case.panel), Some(flagger));
        let m = &r.candidates[0].calibration[case.member];
        assert_eq!(m.leaning, case.leaning, "leaning in {:?}: {m:?}", case.panel);
        assert_eq!(m.shared, case.shared, "shared in {:?}", case.panel);
        assert_eq!(m.unevidenced.len(), case.unevidenced, "unevidenced in {:?}", case.panel);
        assert_eq!(m.uniform, case.uniform, "uniform in {:?}", case.panel);
        assert_eq!(m.flagged.len(), case.flagged, "flagged in {:?}: {:?}", case.panel, m.flagged);
        let lean_said = m.signals.iter().any(|s| s.contains("possibly"));
        assert_eq!(lean_said, matches!(case.leaning, Leaning::Lenient | Leaning::Severe), "signals {:?}", m.signals);
    }
    for case in &cases {
        check(case, &flagger);
    }
}

#[test]
fn leniency_accumulates_across_panels() {
    // Alice is one level above the panel on two capabilities for each of two candidates: no
    // panel alone has three shared ratings, but together they make four.
    let r =
        report(&["ada alice s: te=E po=E", "ada bob s: te=M po=M", "bo alice s: te=E po=E", "bo carol s: te=M po=M"]);
    let alice = r.interviewers.iter().find(|i| i.interviewer == "alice").expect("alice");
    assert_eq!((alice.scorecards, alice.candidates, alice.shared), (2, 2, 4));
    assert_eq!(alice.mean_difference, Some(1.0));
    assert_eq!(alice.leaning, Leaning::Lenient);
    assert!(r.candidates.iter().all(|c| c.calibration[0].leaning == Leaning::NotEnoughShared));
    let bob = r.interviewers.iter().find(|i| i.interviewer == "bob").expect("bob");
    assert_eq!(bob.leaning, Leaning::NotEnoughShared);
}

/// Scorecards that name no interviewer are counted, each named by its source rather than a
/// blank heading, and the rationale says plainly that they cannot be checked for repeats (QA M1).
#[test]
fn scorecards_naming_no_interviewer_are_named_by_source_and_said_to_be_unchecked() {
    let mut cards =
        panel(&["ada anna coding: te=M po=M bi=M", "ada _ design: te=N po=N bi=N", "ada _ design: te=N po=N bi=N"]);
    cards[2].1.submitted_at = Some("2026-11-21T10:00:00Z".into());
    let r = analyze(&rubric(), &cards, None);
    assert_eq!(r.counted, 3);
    assert!(r.duplicates.is_empty());
    let c = &r.candidates[0];
    let labels: Vec<String> = c.panel.iter().map(|m| r.panel_label(m).into_owned()).collect();
    assert_eq!(labels, ["Name of anna", "(no interviewer) · card2", "(no interviewer) · card3"]);
    assert!(
        c.committee.recommendation.rationale.iter().any(|l| l
            == "Counted, though these scorecards name no interviewer: card2; card3. They cannot be checked for repeats: a scorecard submitted twice without its interviewer counts twice."),
        "{:?}",
        c.committee.recommendation.rationale
    );
    let md = to_markdown(&r);
    assert!(md.contains("| Capability | Name of anna | (no interviewer) · card2 | (no interviewer) · card3 |"), "{md}");
    assert!(md.contains("counts twice"), "{md}");
    // One alone is said in the singular; a named panel says nothing of it.
    let r = report(&["ada anna coding: te=M", "ada _ design: te=N"]);
    assert!(r.candidates[0]
        .committee
        .recommendation
        .rationale
        .iter()
        .any(|l| l.starts_with("Counted, though 1 scorecard names no interviewer: card2. It cannot")));
    let r = report(&["ada anna coding: te=M", "ada bob design: te=N"]);
    assert!(!r.candidates[0].committee.recommendation.rationale.iter().any(|l| l.contains("no interviewer")));
}

/// Panels that call an interviewer severe on their own, when all their shared ratings together
/// stay under the threshold: the line across panels says so, with the figure, rather than a
/// bare "in line" that reads as the check clearing them (QA M7). Every lean sentence, in line
/// or not, carries the mean difference and the shared ratings it is taken over.
#[test]
fn a_lean_some_panels_call_is_said_across_panels_with_its_figure() {
    let r = report(&[
        "ada hal s: te=N po=N bi=N",
        "ada bob s: te=M po=M bi=M",
        "ada cy s: te=M po=M bi=M",
        "bo hal s: te=N po=N bi=N",
        "bo bob s: te=M po=M bi=M",
        "bo cy s: te=M po=M bi=M",
        "cal hal s: te=M po=M bi=M",
        "cal bob s: te=M po=M bi=M",
        "cal cy s: te=M po=M bi=M",
    ]);
    let severe: Vec<Leaning> = r.candidates.iter().map(|c| c.calibration[0].leaning).collect();
    assert_eq!(severe, [Leaning::Severe, Leaning::Severe, Leaning::InLine]);
    let hal = r.interviewers.iter().find(|i| i.interviewer == "hal").expect("hal");
    assert_eq!((hal.leaning, hal.mean_difference, hal.shared), (Leaning::InLine, Some(-0.67), 9));
    assert_eq!((hal.lenient_panels, hal.severe_panels), (0, 2));
    assert_eq!(
        hal.signals[0],
        "Possibly severe on 2 of 3 panels taken alone; \u{2212}0.67 levels from the rest of their panels on average over all 9 shared ratings, under the 0.75 threshold."
    );
    // In line on a panel, and across panels: with the figure.
    assert_eq!(
        r.candidates[2].calibration[0].signals[0],
        "In line: 0.00 levels from the rest of the panel on average over 3 shared ratings on this panel, within the 0.75 threshold."
    );
    let bob = r.interviewers.iter().find(|i| i.interviewer == "bob").expect("bob");
    assert_eq!((bob.lenient_panels, bob.severe_panels), (0, 0));
    assert_eq!(bob.signals[0], "In line: +0.33 levels from the rest of the panel on average over 9 shared ratings across their panels, within the 0.75 threshold.");
    // Severe across panels too: both said.
    let r = report(&[
        "ada hal s: te=N po=N bi=N",
        "ada bob s: te=M po=M bi=M",
        "bo hal s: te=N po=N bi=N",
        "bo bob s: te=M po=M bi=M",
    ]);
    let hal = r.interviewers.iter().find(|i| i.interviewer == "hal").expect("hal");
    assert_eq!(hal.leaning, Leaning::Severe);
    assert!(hal.signals[0].starts_with("Rates 1.00 levels below the rest of the panel on average over 6 shared ratings across their panels: possibly severe."), "{:?}", hal.signals);
    assert_eq!(hal.signals[1], "Possibly severe on 2 of 2 panels taken alone.");
    // Too few shared ratings: the figure is given all the same.
    let r = report(&["ada hal s: te=N po=N", "ada bob s: te=M po=M"]);
    assert_eq!(
        r.candidates[0].calibration[0].signals[0],
        "Shares 2 ratings with other interviewers on this panel: too few to tell whether they rate high or low (\u{2212}1.00 levels from the rest of the panel on average; 3 are needed)."
    );
}

/// An interviewer named by name only on one panel (a scorecard from the scorer's page) and with
/// their id on another is one interviewer across panels, as within a panel: one leniency line,
/// with both panels' shared ratings. Two ids with that name leave the name-only scorecards apart,
/// and their line says why.
#[test]
fn an_interviewer_named_without_an_id_is_one_interviewer_across_panels() {
    let mut cards =
        panel(&["ada alice s: te=E po=E", "ada bob s: te=M po=M", "bo _ s: te=E po=E", "bo carol s: te=M po=M"]);
    cards[2].1.interviewer = Person { id: String::new(), name: "name of  Alice".into() };
    let r = analyze(&rubric(), &cards, None);
    let keys: Vec<&str> = r.interviewers.iter().map(|i| i.interviewer.as_str()).collect();
    assert_eq!(keys, ["alice", "bob", "carol"]);
    let alice = &r.interviewers[0];
    assert_eq!((alice.scorecards, alice.candidates, alice.shared, alice.leaning), (2, 2, 4, Leaning::Lenient));
    assert_eq!(alice.name, "Name of alice");
    // The name is as the scorecard with the id spells it, also when the name-only one's panel
    // comes first.
    let mut first =
        panel(&["ada _ s: te=E po=E", "ada bob s: te=M po=M", "bo alice s: te=E po=E", "bo carol s: te=M po=M"]);
    first[0].1.interviewer = Person { id: String::new(), name: "name of  Alice".into() };
    let r = analyze(&rubric(), &first, None);
    assert_eq!(
        r.interviewers.iter().map(|i| (i.interviewer.as_str(), i.name.as_str(), i.scorecards)).collect::<Vec<_>>()[0],
        ("alice", "Name of alice", 2)
    );
    // Another interviewer with an id and the same name: which one sat on Bo's panel is unknown.
    cards.push(("card5".into(), card("cy alicia s: te=M")));
    cards[4].1.interviewer.name = "Name of alice".into();
    let r = analyze(&rubric(), &cards, None);
    let mut keys: Vec<&str> = r.interviewers.iter().map(|i| i.interviewer.as_str()).collect();
    keys.sort_unstable();
    // Keyed by the name as compared (case and spacing aside), shown as written.
    assert_eq!(keys, ["alice", "alicia", "bob", "carol", "name of alice"]);
    let apart = r.interviewers.iter().find(|i| i.interviewer == "name of alice").unwrap();
    assert_eq!(apart.name, "name of  Alice");
    assert_eq!((apart.scorecards, apart.shared), (1, 2));
    assert!(
        apart.signals.iter().any(|s| s.contains("2 interviewers with an id have this name: counted apart")),
        "{:?}",
        apart.signals
    );
    let alice = r.interviewers.iter().find(|i| i.interviewer == "alice").unwrap();
    assert!(alice.signals.iter().all(|s| !s.contains("counted apart")), "{:?}", alice.signals);
    // Bo's panel analysed before Alice's id was loaded is reused from the cache, and joined.
    use scorecard::core::committee::{analyze_with, PanelCache};
    use std::rc::Rc;
    let shared: Vec<(String, Rc<Scorecard>)> =
        cards.into_iter().take(4).map(|(label, card)| (label, Rc::new(card))).collect();
    let mut cache = PanelCache::default();
    let before = analyze_with(&rubric(), &shared[1..], None, &mut cache);
    assert!(before.interviewers.iter().any(|i| i.interviewer == "name of alice"));
    let after = analyze_with(&rubric(), &shared, None, &mut cache);
    assert!(Rc::ptr_eq(&before.candidates[1], &after.candidates[1]), "Bo's panel is reused");
    assert_eq!(after, analyze(&rubric(), &shared, None));
    assert_eq!(
        after.interviewers.iter().map(|i| i.interviewer.as_str()).collect::<Vec<_>>(),
        ["alice", "bob", "carol"]
    );
}

#[test]
fn committee_recommendation() {
    struct Case {
        panel: &'static [&'static str],
        decision: Decision,
        level: Option<&'static str>,
        /// Words the rationale must contain, and words it must not.
        says: &'static [&'static str],
        never: &'static [&'static str],
        /// Whether the confidence is below the engine's own.
        lowered: bool,
    }
    let cases = [
        Case {
            panel: &[
                "ada a s1: te=M po=M bi=M cc=M ms=M lp=M",
                "ada b s2: te=M po=M bi=M cc=M ms=M lp=M",
                "ada c s3: te=M po=M bi=M cc=M ms=M lp=M",
            ],
            decision: Decision::Hire,
            level: Some("L4"),
            says: &["Hire at L4", "Committee view of 3 scorecards"],
            never: &["contested", "split", "Confidence lowered"],
            lowered: false,
        },
        // Split needs improvement against exceeds on a core capability: the lower median holds,
        // the split is named, and the higher view would have changed the outcome.
        Case {
            panel: &["bo a s1: te=N po=M bi=M cc=M ms=M lp=M", "bo b s2: te=E po=M bi=M cc=M ms=M lp=M"],
            decision: Decision::Hire,
            level: Some("L3"),
            says: &[
                "Technical Expertise is contested (needs improvement vs exceeds)",
                "had the higher view held, the outcome would be hire at L4",
            ],
            never: &["had the lower view held"],
            lowered: true,
        },
        // A two-level split that does not move the outcome is still named.
        Case {
            panel: &["cy a s1: te=E po=M bi=N cc=M ms=M lp=M", "cy b s2: te=E po=M bi=E cc=M ms=M lp=M", "cy c s3: te=E po=M bi=M cc=M ms=M lp=M"],
            decision: Decision::Hire,
            level: Some("L4"),
            says: &["Business Impact is split two levels (needs improvement vs exceeds)"],
            never: &["contested"],
            lowered: true,
        },
        // One-level splits that change nothing are listed together.
        Case {
            panel: &["di a s1: te=M po=M bi=M cc=M ms=E lp=M", "di b s2: te=M po=M bi=M cc=M ms=M lp=E"],
            decision: Decision::Hire,
            level: Some("L4"),
            says: &["Split by one level without changing the outcome: Mentorship & Support and Leadership & Process Improvement."],
            never: &["contested"],
            lowered: true,
        },
        // With three views the median sits between them and both sides are reported.
        Case {
            panel: &[
                "ed a s1: te=E po=E bi=E cc=E ms=E lp=E",
                "ed b s2: te=E po=M bi=E cc=E ms=E lp=E",
                "ed c s3: te=E po=E bi=E cc=E ms=E lp=E",
            ],
            decision: Decision::Hire,
            level: Some("L4"),
            says: &["Project Ownership is contested (meets vs exceeds); had the lower view held, the outcome would be hire at L4."],
            never: &[],
            lowered: true,
        },
        // A core capability nobody on the panel rated holds the hire below the level: the
        // reasons name the panel, not "this interview" or "the card", and ask nobody for a note.
        Case {
            panel: &["ga a s1: po=M bi=M cc=m ms=M lp=M", "ga b s2: po=M bi=M cc=m ms=M lp=M"],
            decision: Decision::Hire,
            level: Some("L3"),
            says: &[
                "Core capability not assessed: Technical Expertise; no one on the panel assessed it, so",
                "rated meets expectations, the panel would reach L4.",
                "Rated without evidence by anyone on the panel: Communication & Collaboration.",
            ],
            never: &["this interview", "the card", "add a note"],
            lowered: false,
        },
        // Too little rated for a decision, however unanimous.
        Case {
            panel: &["fa a s1: te=M po=M", "fa b s2: te=M po=M"],
            decision: Decision::InsufficientEvidence,
            level: None,
            says: &["Not enough evidence to decide", "A decision needs 2 more capabilities rated by the panel."],
            never: &["Rate 2"],
            lowered: false,
        },
    ];
    fn check(case: &Case) {
        let r = report(case.panel);
        let c = &r.candidates[0].committee;
        let rec = &c.recommendation;
        let text = rec.rationale.join(" ");
        assert_eq!(rec.decision, case.decision, "{:?}: {text}", case.panel);
        // The lines the panel says go before the to-do lines, which `todo_lines` still points at.
        let todo: Vec<&String> = rec
            .rationale
            .iter()
            .filter(|l| l.starts_with("Not assessed: ") || l.starts_with("Rated without evidence "))
            .collect();
        assert_eq!(rec.rationale[rec.todo_lines.clone()].iter().collect::<Vec<_>>(), todo, "{:?}: {text}", case.panel);
        assert_eq!(rec.level.as_deref(), case.level, "{:?}: {text}", case.panel);
        for s in case.says {
            assert!(text.contains(s), "{:?}: rationale should say {s:?}: {text}", case.panel);
        }
        for s in case.never {
            assert!(!text.contains(s), "{:?}: rationale should not say {s:?}: {text}", case.panel);
        }
        assert_eq!(
            rec.confidence < c.confidence_before_disagreement,
            case.lowered,
            "{:?}: confidence {} vs {}",
            case.panel,
            rec.confidence,
            c.confidence_before_disagreement
        );
        assert!(rec.confidence >= 0.05 && rec.confidence <= 0.97);
    }
    for case in &cases {
        check(case);
    }
}

#[test]
fn a_core_capability_observed_but_rated_by_nobody_is_not_called_unassessed() {
    // Drafting leaves a capability whose observations disagree unrated: a panel where everyone
    // did so has observations of it, and the committee says so, as one card's reasons do.
    let mut cards = panel(&["ha a s1: po=M bi=M cc=M ms=M lp=M", "ha b s2: po=M bi=M cc=M ms=M lp=M"]);
    cards[1].1.observations.push(Observation {
        id: "t".into(),
        text: "Designed the retry queue.".into(),
        capability: Some(cap("te").into()),
        ..Default::default()
    });
    let r = analyze(&rubric(), &cards, None);
    let text = r.candidates[0].committee.recommendation.rationale.join(" ");
    assert!(text.contains("Core capability not rated: Technical Expertise, though it has observations, so"), "{text}");
    assert!(text.contains("the panel would reach L4"), "{text}");
    assert!(!text.contains("assessed it") && !text.contains("this interview"), "{text}");
}

#[test]
fn an_outcome_one_scorecard_decides_names_it() {
    struct Case {
        why: &'static str,
        panel: &'static [&'static str],
        /// The sources named, and a sentence the reasons must hold when any is.
        named: &'static [&'static str],
        says: &'static str,
    }
    let cases = [
        Case {
            why: "two needs improvement against one: without either, the tie left falls to the lower view anyway",
            panel: &["ja a s1: te=N po=M bi=M cc=M ms=M lp=M", "ja b s2: te=N po=M bi=M cc=M ms=M lp=M", "ja c s3: te=E po=M bi=M cc=M ms=M lp=M"],
            named: &[],
            says: "",
        },
        Case {
            why: "one member alone holds the consensus down on two capabilities",
            panel: &[
                "ka a s1: te=M po=M bi=M cc=M ms=M lp=M",
                "ka b s2: te=N po=N bi=M cc=M ms=M lp=M",
                "ka c s3: te=M po=N bi=M cc=M ms=M lp=M",
                "ka d s4: te=N po=M bi=M cc=M ms=M lp=M",
            ],
            named: &["card2"],
            says: "Rests on one scorecard: without that of Name of b (s2), the outcome would be hire at L4.",
        },
        Case {
            why: "a two-to-one majority: without either of the two, the tie left breaks down by the lower median's rule, not because of that member",
            panel: &["na a s1: te=M po=M bi=M cc=M ms=M lp=M", "na b s2: te=M po=M bi=M cc=M ms=M lp=M", "na c s3: te=N po=M bi=M cc=M ms=M lp=M"],
            named: &[],
            says: "",
        },
        Case {
            why: "two members whose absence gives one outcome share its sentence",
            panel: &[
                "ma a s1: te=N po=M bi=M cc=M ms=M lp=M",
                "ma b s2: te=N po=M bi=M cc=M ms=M lp=M",
                "ma c s3: te=M po=M bi=M cc=M ms=M lp=M",
                "ma d s4: te=M po=M bi=M cc=M ms=M lp=M",
            ],
            named: &["card1", "card2"],
            says: "Rests on one scorecard: without that of Name of a (s1), or of Name of b (s2), the outcome would be hire at L4.",
        },
        Case {
            why: "a panel of two: the other's vote is on the page",
            panel: &["la a s1: te=N po=M bi=M cc=M ms=M lp=M", "la b s2: te=E po=M bi=M cc=M ms=M lp=M"],
            named: &[],
            says: "",
        },
    ];
    for case in &cases {
        let r = report(case.panel);
        let c = &r.candidates[0].committee;
        let text = c.recommendation.rationale.join(" ");
        assert_eq!(
            c.if_left_out.iter().map(|l| l.source.as_str()).collect::<Vec<_>>(),
            case.named,
            "{}: {text}",
            case.why
        );
        assert_eq!(text.matches("Rests on one").count(), usize::from(!case.named.is_empty()), "{}: {text}", case.why);
        assert!(text.contains(case.says), "{}: {text}", case.why);
    }
}

#[test]
fn the_committee_uses_the_engine_on_consensus_ratings() {
    // The committee of one scorecard decides exactly as that scorecard does.
    let rubric = rubric();
    for spec in [
        "x a s: te=E po=E bi=E cc=E ms=E lp=E",
        "x a s: te=N po=N bi=M cc=N ms=M lp=M",
        "x a s: te=M po=E bi=M cc=M ms=N lp=M",
    ] {
        let one = card(spec);
        let alone = scorecard::core::recommend(&rubric, &one);
        let r = analyze(&rubric, &[("x".into(), one)], None);
        let rec = &r.candidates[0].committee.recommendation;
        assert_eq!(
            (rec.decision, &rec.level, &rec.consider_level, rec.greenhouse),
            (alone.decision, &alone.level, &alone.consider_level, alone.greenhouse),
            "{spec}"
        );
        assert_eq!(r.candidates[0].panel[0].decision, alone.decision);
    }
}

#[test]
fn pivotal_rows_and_discussion() {
    let r = report(&["bo a s1: te=N po=M bi=M cc=M ms=M lp=M", "bo b s2: te=E po=M bi=M cc=M ms=E lp=M"]);
    let c = &r.candidates[0];
    let pivotal: Vec<&str> = c.matrix.iter().filter(|m| m.pivotal).map(|m| m.capability.as_str()).collect();
    assert_eq!(pivotal, ["technical_expertise"]);
    let discussed: Vec<&str> = c.discuss.iter().map(|d| d.capability.as_str()).collect();
    assert_eq!(discussed, ["technical_expertise"]);
    let contested: Vec<(&str, bool)> =
        c.committee.contested.iter().map(|x| (x.capability.as_str(), x.pivotal)).collect();
    assert_eq!(contested, [("technical_expertise", true), ("mentorship_support", false)]);
    assert_eq!(c.committee.if_higher_views_held.as_ref().map(|o| o.description.as_str()), Some("hire at L4"));
}

/// One member rates every capability a level above the other: no split changes the outcome
/// alone, all of them together do. The committee must not read that as a settled no hire.
/// The Markdown lists candidates in the comparison's order (outcome, confidence, name), as the
/// committee view and its printed packet do, not by key.
#[test]
fn markdown_follows_the_comparison_order() {
    let r = report(&[
        "al a s1: te=N po=N bi=M cc=N",
        "al b s2: te=N po=M bi=M cc=N",
        "zo a s1: te=E po=M bi=M cc=M",
        "zo b s2: te=M po=M bi=M cc=M",
    ]);
    let order: Vec<&str> = r.comparison.iter().map(|c| c.candidate.as_str()).collect();
    assert_eq!(order, ["zo", "al"], "the hire first");
    let md = scorecard::core::committee::to_markdown(&r);
    let at = |name: &str| md.find(&format!("\n## {name}\n")).unwrap_or_else(|| panic!("{name} in {md}"));
    assert!(at(r.candidate_label("zo")) < at(r.candidate_label("al")), "{md}");
    assert!(md.contains("Candidates in the committee view's order: by outcome, then confidence, then name."), "{md}");
}

#[test]
fn splits_that_decide_the_outcome_only_together_are_marked_and_cost_confidence() {
    let r = report(&["jo a s1: te=M po=M bi=M cc=M ms=M lp=M", "jo b s2: te=N po=N bi=N cc=N ms=N lp=N"]);
    let c = &r.candidates[0];
    let rec = &c.committee.recommendation;
    assert_eq!(rec.decision, Decision::NoHire);
    assert!(c.committee.contested.iter().all(|x| !x.pivotal), "no split decides it alone");
    assert_eq!(c.committee.decided_together, CODES.map(|(_, id)| id.to_string()));
    assert!(c.matrix.iter().all(|m| m.pivotal), "every row is marked");
    assert_eq!(c.discuss.len(), 6, "and discussed");
    let expected = c.committee.confidence_before_disagreement
        - 6.0 * scorecard::core::committee::SPLIT_PENALTY
        - scorecard::core::committee::PIVOTAL_PENALTY;
    assert!((rec.confidence - expected).abs() < 0.006, "{} vs {expected}", rec.confidence);
    let text = rec.rationale.join(" ");
    assert!(text.contains("Split by one level, none changing the outcome alone: Technical Expertise,"), "{text}");
    assert!(text.contains("The splits decide the outcome together: had every contested capability taken its higher view, the outcome would be hire at L4."), "{text}");
    assert!(!text.contains("without changing the outcome"), "{text}");
    let (low, high) =
        (c.committee.if_lower_views_held.as_ref().unwrap(), c.committee.if_higher_views_held.as_ref().unwrap());
    assert!(c.committee.is_outcome(low) && !c.committee.is_outcome(high));
    let md = scorecard::core::committee::to_markdown(&r);
    assert!(md.contains("- Contested, decides the outcome with the other splits: Technical Expertise"), "{md}");
    // Needs improvement everywhere is a "Definitely not" for one interviewer; resting on the
    // splits, the committee's is a plain "No", and it says why.
    assert_eq!(c.panel[1].greenhouse, scorecard::core::Greenhouse::DefinitelyNot);
    assert_eq!(rec.greenhouse, scorecard::core::Greenhouse::No);
    assert!(
        text.contains(
            "Greenhouse: \"No\" rather than \"Definitely not\", since the outcome rests on the panel's splits."
        ),
        "{text}"
    );
    assert_eq!(r.comparison[0].greenhouse, scorecard::core::Greenhouse::No);

    // A split that decides alone is pivotal on its own, and nothing is decided "together".
    let r = report(&["bo a s1: te=N po=M bi=M cc=M ms=M lp=M", "bo b s2: te=E po=M bi=M cc=M ms=E lp=M"]);
    assert!(r.candidates[0].committee.decided_together.is_empty());
    // A panel that agrees keeps Greenhouse's strongest answer.
    let r = report(&["al a s1: te=N po=N bi=N cc=N ms=N lp=N", "al b s2: te=N po=N bi=N cc=N ms=N lp=N"]);
    assert_eq!(r.candidates[0].committee.recommendation.greenhouse, scorecard::core::Greenhouse::DefinitelyNot);
}

#[test]
fn who_said_what_lines_up_every_member() {
    let cards =
        panel(&["ada alice coding: te=N+2 po=M", "ada bob design: te=E", "ada carol people: po=M", "bo dan x: te=M"]);
    let rubric = rubric();
    let w = who_said_what(&rubric, &cards, "ada", "technical_expertise", None).expect("found");
    let got: Vec<(&str, Rating, usize, bool)> = w
        .statements
        .iter()
        .map(|s| (s.interviewer.as_str(), s.level, s.observations.len(), s.note.is_empty()))
        .collect();
    assert_eq!(
        got,
        [
            ("alice", Rating::NeedsImprovement, 2, false),
            ("bob", Rating::Exceeds, 0, false),
            ("carol", Rating::NotAssessed, 0, true)
        ]
    );
    assert_eq!((w.consensus, w.spread, w.name.as_str()), (Rating::NeedsImprovement, Some(2), "Technical Expertise"));
    assert!(who_said_what(&rubric, &cards, "nobody", "technical_expertise", None).is_none());
    assert!(who_said_what(&rubric, &cards, "ada", "no_such_capability", None).is_none());
}

#[test]
fn candidates_side_by_side() {
    let r = report(&[
        "weak a s: te=N po=N bi=N cc=N ms=N lp=N",
        "strong a s: te=E po=E bi=E cc=E ms=E lp=E",
        "solid a s: te=M po=M bi=M cc=M ms=M lp=M",
        "thin a s: te=M",
        "solid2 a s: te=M po=M bi=M cc=M ms=M lp=E",
    ]);
    let order: Vec<&str> = r.comparison.iter().map(|c| c.candidate.as_str()).collect();
    assert_eq!(order, ["strong", "solid2", "solid", "weak", "thin"]);
    let strong = &r.comparison[0];
    assert_eq!(strong.consider_level.as_deref(), Some("L5"));
    assert_eq!(strong.profile.len(), 6);
    assert!(strong.profile.iter().all(|p| p.consensus == Rating::Exceeds));
    // The report's candidates stay in key order.
    let keys: Vec<&str> = r.candidates.iter().map(|c| c.candidate.as_str()).collect();
    assert_eq!(keys, ["solid", "solid2", "strong", "thin", "weak"]);
}

#[test]
fn serialized_field_names_are_snake_case() {
    let r = report(&["ada a s: te=M po=E", "ada b s: te=N po=E"]);
    let v = serde_json::to_value(&r).expect("serializes");
    fn walk(v: &Value, path: &str) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    assert!(k.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'), "{path}.{k}");
                    walk(x, &format!("{path}.{k}"));
                }
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, path)),
            _ => {}
        }
    }
    walk(&v, "");
    assert_eq!(v["candidates"][0]["matrix"][0]["consensus"], "needs_improvement");
    assert_eq!(v["candidates"][0]["calibration"][0]["leaning"], "not_enough_shared");
    assert_eq!(v["comparison"][0]["decision"], "insufficient_evidence");
}

/// A deterministic synthetic set, the Rust twin of tests/fixtures/committee/gen.py: `n`
/// scorecards over `candidates` candidates, one interview step and interviewer per round, one in
/// 47 a resubmission of the candidate's first step, ratings from a xorshift generator.
pub fn synthetic(n: usize, candidates: usize) -> Vec<(String, Scorecard)> {
    let rubric = rubric();
    let candidates = candidates.max(1);
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..n)
        .map(|i| {
            let mut c = Scorecard::new(&rubric);
            let cand = i % candidates;
            let round = if i % 47 == 46 { 0 } else { i / candidates };
            let interviewer = (cand + round * 7) % 40;
            c.candidate = Person { id: format!("c{cand}"), name: format!("Candidate {cand}") };
            c.interviewer = Person { id: format!("i{interviewer}"), name: String::new() };
            c.interview.step = format!("step{round}");
            c.submitted_at = Some(format!("2026-11-{:02}T10:00:00Z", 1 + (i % 28)));
            let bias = match interviewer % 10 {
                0 => 1,
                1 => -1,
                _ => (next() % 3) as i64 - 1,
            };
            for cap in &rubric.capabilities {
                let roll = next() % 10;
                if roll == 0 {
                    continue;
                }
                let lvl = (1 + bias + (roll as i64 % 3) - 1).clamp(0, 2);
                let level = [Rating::NeedsImprovement, Rating::Meets, Rating::Exceeds][lvl as usize];
                let note = if next() % 4 == 0 { String::new() } else { format!("Evidence {i} for {}.", cap.id) };
                c.ratings.insert(cap.id.clone(), RatingEntry { level, note, ..Default::default() });
            }
            (format!("gen:{i}"), c)
        })
        .collect()
}

#[test]
fn ten_thousand_scorecards() {
    let cards = synthetic(10_000, 2_000);
    let r = analyze(&rubric(), &cards, None);
    assert_eq!(r.scorecards, 10_000);
    let dropped: usize = r.duplicates.iter().map(|d| d.dropped.len()).sum();
    assert_eq!(r.counted + dropped, 10_000);
    assert!(dropped > 0, "the generator makes resubmissions");
    assert_eq!(r.candidates.len(), 2_000);
    assert_eq!(r.comparison.len(), 2_000);
    assert!(r
        .candidates
        .iter()
        .all(|c| c.matrix.len() == 6 && c.matrix.iter().all(|m| m.cells.len() == c.panel.len())));
}

/// Timing of the core analysis for BENCHMARKS.md. Run with
/// `cargo test --profile native --test core committee::bench -- --ignored --nocapture`.
#[test]
#[ignore]
fn bench() {
    let rubric = rubric();
    for (n, candidates) in [(200, 30), (10_000, 2_000), (10_000, 1)] {
        let cards = synthetic(n, candidates);
        let runs = if n <= 200 { 200 } else { 5 };
        let start = std::time::Instant::now();
        let mut counted = 0;
        for _ in 0..runs {
            counted += analyze(&rubric, &cards, None).counted;
        }
        let per = start.elapsed() / runs;
        println!("committee::analyze {n} scorecards / {candidates} candidates: {per:?} per run ({counted} counted over {runs} runs)");
    }
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/committee/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> (i32, Value, String) {
    let out = crate::support::run_cli(args, b"");
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out.status.code().unwrap_or(-1), json, String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn cli_compare() {
    let files = [
        "sample/ada-alice.json",
        "sample/ada-bob.json",
        "sample/ada-carol.json",
        "sample/ada-dan-staff-rubric.json",
        "sample/bo-alice.json",
        "sample/bo-dan.json",
        "sample/bo-dan-resubmitted.json",
        "sample/broken.json",
        "sample/missing.json",
    ];
    let paths: Vec<String> = files.iter().map(|f| fixture(f)).collect();
    let mut args = vec!["compare"];
    args.extend(paths.iter().map(String::as_str));
    /// A command line and what its report must hold.
    struct CliCase<'a> {
        args: Vec<&'a str>,
        code: i32,
        /// Lengths of `candidates`, `duplicates`, `other_rubric` and `failed`.
        lengths: [usize; 4],
    }
    let jsonl = fixture("panel.jsonl");
    let broken = fixture("sample/broken.json");
    let cases = [
        CliCase { args: args.clone(), code: 0, lengths: [2, 1, 1, 2] },
        CliCase { args: vec!["compare", "--jsonl", "--compact", jsonl.as_str()], code: 0, lengths: [2, 1, 1, 1] },
        CliCase { args: vec!["compare", broken.as_str()], code: 1, lengths: [0, 0, 0, 1] },
    ];
    fn check(case: &CliCase<'_>) {
        let (got, v, err) = run(&case.args);
        assert_eq!(got, case.code, "{:?}: {err}", case.args);
        let len = |k: &str| v[k].as_array().map_or(usize::MAX, Vec::len);
        assert_eq!(
            [len("candidates"), len("duplicates"), len("other_rubric"), len("failed")],
            case.lengths,
            "{:?}",
            case.args
        );
    }
    for case in &cases {
        check(case);
    }

    let (_, v, err) = run(&args);
    // Each input that failed or was set aside is named on stderr too, one line each, as other
    // commands do.
    assert_eq!(err.lines().count(), 3, "{err}");
    assert!(
        err.lines().all(|l| l.starts_with("scorecard: ")
            && (l.contains("broken.json: ")
                || l.contains("missing.json: cannot read")
                || l.contains("staff-rubric.json: not counted"))),
        "{err}"
    );
    let bo = &v["candidates"][1];
    assert_eq!(bo["candidate"], "c-bo");
    assert_eq!(bo["disagreements"][0], "technical_expertise");
    let rationale = bo["committee"]["recommendation"]["rationale"].to_string();
    assert!(rationale.contains("Technical Expertise is contested"), "{rationale}");
    assert_eq!(v["candidates"][0]["committee"]["recommendation"]["level"], "L4");
    assert_eq!(v["duplicates"][0]["kept"], fixture("sample/bo-dan-resubmitted.json"));
    let failed = v["failed"].to_string();
    assert!(failed.contains("unknown level") && failed.contains("cannot read"), "{failed}");

    // Standard input, and a usage error.
    let text = std::fs::read_to_string(fixture("sample/ada-alice.json")).expect("fixture");
    let out = crate::support::run_cli(&["compare", "-"], text.as_bytes());
    let v: Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(v["candidates"][0]["panel"][0]["source"], "stdin");
    assert_eq!(run(&["compare", "--bogus"]).0, 2);
}

/// `scorecard compare` reads a file of scorecards written one after another (the committee
/// page's downloads put together), as the page does: each document is named by its place in the
/// file, and one that fails is named with the line of the file it starts on, the others still
/// counted. Exit 1 only when nothing loads; never a crash, whatever the file holds.
#[test]
fn cli_compare_reads_documents_one_after_another() {
    let dir = std::env::temp_dir().join(format!("scorecard-compare-documents-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pretty = |spec: &str| {
        let text = card(spec).to_json();
        scorecard::core::json::write(&scorecard::core::json::parse(&text).unwrap(), true)
    };
    let (a, b, c) = (
        pretty("c1 ann coding: te=M po=m bi=m cc=m"),
        pretty("c1 bob design: te=E po=m bi=m cc=m"),
        pretty("c1 cy talk: te=m po=m bi=m cc=m"),
    );
    let write = |name: &str, text: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_string()
    };

    let all = write("panel.json", &format!("{a}\n{b}\n{c}\n"));
    let (code, v, err) = run(&["compare", &all]);
    assert_eq!(code, 0, "{err}");
    assert_eq!((v["scorecards"].as_u64(), v["counted"].as_u64()), (Some(3), Some(3)), "{v}");
    let sources: Vec<&str> =
        v["candidates"][0]["panel"].as_array().unwrap().iter().map(|m| m["source"].as_str().unwrap()).collect();
    assert_eq!(sources, [format!("{all} [1]"), format!("{all} [2]"), format!("{all} [3]")]);

    // The second one is no scorecard (a level misspelt): it is named, with the line it starts on;
    // the first and third count.
    let bad = b.replace("\"exceeds\"", "\"great\"");
    let second_starts = a.lines().count() + 1;
    let middle = write("middle.json", &format!("{a}\n{bad}\n{c}\n"));
    let (code, v, err) = run(&["compare", &middle]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(v["counted"].as_u64(), Some(2), "{v}");
    assert_eq!(v["failed"][0]["source"].as_str(), Some(format!("{middle} [2]").as_str()));
    let error = v["failed"][0]["error"].as_str().unwrap();
    assert!(error.starts_with("ratings.technical_expertise.level: unknown level \"great\""), "{error}");
    assert!(error.ends_with(&format!("; this document starts at line {second_starts} of the file")), "{error}");
    assert_eq!(err.trim(), format!("scorecard: {middle} [2]: {error}"));

    // The second one is cut short: the third starts on the next line that starts with "{", so
    // the first and third count and the second fails alone, its line counted from its own start.
    let cut = b.trim_end().strip_suffix('}').unwrap().trim_end();
    let broken = write("broken.json", &format!("{a}\n{cut}\n{c}"));
    let (code, v, err) = run(&["compare", &broken]);
    assert_eq!(code, 0, "{err}");
    assert_eq!((v["counted"].as_u64(), v["failed"].as_array().map(Vec::len)), (Some(2), Some(1)), "{v}");
    assert_eq!(v["failed"][0]["source"].as_str(), Some(format!("{broken} [2]").as_str()));
    assert_eq!(v["candidates"][0]["panel"][1]["source"].as_str(), Some(format!("{broken} [3]").as_str()));
    let error = v["failed"][0]["error"].as_str().unwrap();
    assert_eq!(
        error,
        format!(
            "not JSON, so not a scorecard (EOF while parsing an object at line {} column {}); those lines are counted from where this document starts, line {} of the file",
            cut.lines().count(),
            cut.lines().last().unwrap().len(),
            second_starts
        )
    );

    // Every document bad: nothing to analyse, exit 1. Odd texts fail cleanly, never a crash.
    let none = write("none.json", &format!("{bad}\n{bad}"));
    let (code, v, _) = run(&["compare", &none]);
    assert_eq!((code, v["failed"].as_array().map(Vec::len)), (1, Some(2)), "{v}");
    for odd in [
        "",
        "{}{",
        "}{",
        "[",
        "{\"a\":1}]",
        "{}\n{}",
        "[{}, 1, \"x\", null]",
        "{} {} []",
        "\u{feff}{}{\"format\":",
        &"[".repeat(200),
        &"{\"a\":".repeat(300),
    ] {
        let path = write("odd.json", odd);
        let (code, v, err) = run(&["compare", &path]);
        assert_eq!(code, 1, "{odd:?}: {err}");
        assert!(v["failed"].as_array().is_some_and(|f| !f.is_empty()), "{odd:?}: {v}");
        assert!(err.lines().all(|l| l.starts_with(&format!("scorecard: {path}"))), "{odd:?}: {err}");
    }

    // The same file with --jsonl: every line fails, and stderr says to read it without.
    let out = crate::support::run_cli(&["compare", "--jsonl", &all], b"");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains(&format!("scorecard: {all}: no line is a scorecard, and the file starts as a pretty-printed document does: read it without --jsonl")), "{err}");

    // `validate` and `recommend` read such a file as `compare` does: each document named by its
    // place, a bad one among them failing alone.
    let cli = |args: &[&str]| {
        let out = crate::support::run_cli(args, b"");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, out, err) = cli(&["validate", &all]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 3, "{out}");
    let (code, out, err) = cli(&["recommend", &middle]);
    assert_eq!(code, 1);
    let sources: Vec<String> = out
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["source"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(sources, [format!("{middle} [1]"), format!("{middle} [3]")]);
    assert!(
        err.starts_with(&format!(
            "scorecard: {middle} [2]: ratings.technical_expertise.level: unknown level \"great\""
        )),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// `scorecard compare` runs the classifier's flag detector over notes, so a note that is not
/// evidence of behaviour shows in that interviewer's calibration.
#[test]
fn cli_compare_flags_non_behavioural_notes() {
    let dir = std::env::temp_dir().join(format!("scorecard-compare-flags-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let card = |who: &str, note: &str| {
        format!(
            r#"{{"format":"interview-scorecard","version":1,"candidate":{{"id":"c1"}},"interviewer":{{"id":"{who}"}},
               "interview":{{"step":"{who}"}},"submitted_at":"2026-11-02T10:00:00Z","ratings":{{"technical_expertise":{{"level":"meets","note":"{note}"}},
               "project_ownership":{{"level":"meets"}},"business_impact":{{"level":"meets"}},"communication_collaboration":{{"level":"meets"}}}}}}"#
        )
    };
    let a = dir.join("a.json");
    let b = dir.join("b.json");
    std::fs::write(&a, card("ann", "seems smart, great culture fit")).unwrap();
    std::fs::write(&b, card("ben", "Designed the retry queue and walked me through its failure modes.")).unwrap();
    let (code, report, err) = run(&["compare", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let calibration = report["candidates"][0]["calibration"].as_array().expect("calibration");
    let flagged = |who: &str| {
        calibration.iter().find(|m| m["interviewer"] == who).map_or(0, |m| m["flagged"].as_array().map_or(0, Vec::len))
    };
    assert_eq!(flagged("ann"), 1, "{calibration:#?}");
    assert_eq!(flagged("ben"), 0);
    std::fs::remove_dir_all(&dir).ok();
}

/// A revision is kept over the scorecard it replaces when it is later in time, whatever offset
/// each was written with: 11:30-08:00 is 19:30 UTC, after 18:10Z, though it sorts before it as
/// text.
#[test]
fn the_later_submission_is_kept_across_time_zones() {
    let mut cards = panel(&["c1 ann loop: te=n po=m bi=m cc=m", "c1 ann loop: te=e po=m bi=m cc=m"]);
    cards[0].1.submitted_at = Some("2026-11-03T18:10:00.000Z".into());
    cards[1].1.submitted_at = Some("2026-11-03T11:30:00-08:00".into());
    let r = analyze(&rubric(), &cards, None);
    assert_eq!(r.duplicates.len(), 1);
    assert_eq!((r.duplicates[0].kept.as_str(), r.duplicates[0].dropped.clone()), ("card2", vec!["card1".to_string()]));
    assert_eq!(row(&r, "technical_expertise").0, Rating::Exceeds);
    // And the other way round: an offset ahead of UTC makes the later-looking text earlier.
    cards[1].1.submitted_at = Some("2026-11-03T20:00:00+05:00".into());
    let r = analyze(&rubric(), &cards, None);
    assert_eq!(r.duplicates[0].kept, "card1");

    use scorecard::core::scorecard::instant;
    assert_eq!(instant("1970-01-01T00:00:00Z"), Some((0, 0)));
    assert_eq!(instant("1970-01-01"), Some((0, 0)));
    assert_eq!(instant("2000-03-01T00:00:00Z"), Some((951_868_800, 0)));
    assert_eq!(instant("2026-11-03T11:30:00.5-08:00"), instant("2026-11-03T19:30:00.500Z"));
    assert_eq!(
        instant("2026-11-03T19:30:00.123456789999Z"),
        Some((instant("2026-11-03T19:30:00Z").unwrap().0, 123_456_789))
    );
    assert_eq!(instant("2026-02-30T00:00:00Z"), None);
    // A leap second sorts after :59 and before the next minute, with or without a fraction.
    assert!(instant("2016-12-31T23:59:60.5Z") < instant("2017-01-01T00:00:00.2Z"));
    assert!(instant("2016-12-31T23:59:60Z") < instant("2017-01-01T00:00:00Z"));
    assert!(instant("2016-12-31T23:59:59.9Z") < instant("2016-12-31T23:59:60Z"));
    assert_eq!(instant("yesterday"), None);
}

/// One interviewer's scorecard names the candidate by name only: it joins the candidate of that
/// name rather than making a second row with the same name, unless two ids share the name.
#[test]
fn a_scorecard_without_the_candidate_id_joins_the_candidate_of_that_name() {
    let mut cards =
        panel(&["c1 ann a: te=m po=m bi=m cc=m", "c1 ben b: te=m po=m bi=m cc=m", "_ cal c: te=n po=m bi=m cc=m"]);
    cards[2].1.candidate = Person { id: String::new(), name: "  name OF c1 ".into() };
    let r = analyze(&rubric(), &cards, None);
    assert_eq!(r.candidates.len(), 1, "{:?}", r.candidates.iter().map(|c| &c.candidate).collect::<Vec<_>>());
    assert_eq!(r.candidates[0].panel.len(), 3);
    assert!(
        who_said_what(&rubric(), &cards, "c1", "technical_expertise", None).is_some_and(|w| w.statements.len() == 3)
    );
    // Two candidates with that name and different ids: the name-only scorecard stays apart.
    cards[1].1.candidate.id = "c2".into();
    let r = analyze(&rubric(), &cards, None);
    assert_eq!(r.candidates.len(), 3);
}

/// The same interviewer's scorecard for the same step, once with their id and once by name only
/// (as the scorer's page writes it), counts once: the later one, as for any repeated scorecard.
/// Two interviewers who share a name and have different ids are not joined.
#[test]
fn a_scorecard_without_the_interviewer_id_repeats_that_interviewers_scorecard() {
    let mut cards = panel(&[
        "c1 e1 design: te=m po=m bi=m cc=m",
        "c1 e2 coding: te=m po=m bi=m cc=m",
        "c1 _ design: te=e po=m bi=m cc=m",
    ]);
    cards[2].1.interviewer = Person { id: String::new(), name: " name of E1".into() };
    cards[2].1.submitted_at = Some("2026-11-03T10:00:00Z".into());
    let r = analyze(&rubric(), &cards, None);
    assert_eq!(r.candidates[0].panel.len(), 2, "{:?}", r.candidates[0].panel);
    let dups: Vec<(&str, Vec<&str>)> =
        r.duplicates.iter().map(|d| (d.kept.as_str(), d.dropped.iter().map(String::as_str).collect())).collect();
    assert_eq!(dups, [("card3", vec!["card1"])]);
    let counted: Vec<&str> = r.candidates[0].panel.iter().map(|m| m.source.as_str()).collect();
    assert_eq!(counted, ["card2", "card3"], "the later scorecard counts, once");
    // Another step by that interviewer is not a repeat.
    cards[2].1.interview.step = "coding".into();
    assert_eq!(analyze(&rubric(), &cards, None).candidates[0].panel.len(), 3);
    // Two interviewers named alike with different ids: the name-only scorecard stays apart.
    cards[2].1.interview.step = "design".into();
    cards[1].1.interviewer.name = "Name of e1".into();
    let r = analyze(&rubric(), &cards, None);
    assert_eq!((r.candidates[0].panel.len(), r.duplicates.len()), (3, 0));
}

/// A Greenhouse scorecard object (an ATS export) loads into a panel like the import box reads it.
#[test]
fn a_greenhouse_scorecard_joins_the_panel() {
    let rubric = rubric();
    let mut original = card("1001 ann onsite: te=M po=m bi=m cc=e");
    original.interviewer.id = "77".into();
    let gh = scorecard::core::interchange::greenhouse::export_greenhouse(&original, &rubric).to_string();
    let read = parse_for_panel(&gh, &rubric).expect("a Greenhouse object loads");
    assert_eq!(read.candidate.id, "1001");
    assert_eq!(read.interviewer.key(), "77");
    assert_eq!(read.rating("communication_collaboration"), Rating::Exceeds);
    let bad = parse_for_panel(r#"{"attributes": 5}"#, &rubric).unwrap_err().to_string();
    assert!(bad.contains("attributes"), "{bad}");
}

/// Scorecards pasted one after another as the scorer downloads them (pretty-printed), with or
/// without white space between them, are one scorecard each, each text as written; a broken one
/// is named by its place and the ones before it still load. JSON lines, lists and a lone
/// document are split as before.
#[test]
fn documents_one_after_another_are_split_into_scorecards() {
    let rubric = rubric();
    let (a, b, c) = (
        card("c1 ann coding: te=M").to_json(),
        card("c2 bob coding: te=E").to_json(),
        card("c3 cy coding: te=n").to_json(),
    );
    let places = |items: &[Piece]| items.iter().map(|p| p.at.clone()).collect::<Vec<_>>();
    let candidate =
        |text: &str| parse_for_panel(text, &rubric).map(|c| c.candidate.key().to_string()).map_err(|e| e.to_string());
    for text in [format!("{a}\n{b}\n{c}\n"), format!("\n  {a}{b}\r\n\r\n{c}")] {
        let items = split_input("pasted #1", &text);
        assert_eq!(places(&items), [" [1]", " [2]", " [3]"], "{text}");
        assert_eq!(items.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(), [a.as_str(), b.as_str(), c.as_str()]);
        let read: Vec<_> = items.iter().map(|p| candidate(&p.text)).collect();
        assert_eq!(read, [Ok("c1".to_string()), Ok("c2".to_string()), Ok("c3".to_string())]);
        // Each document's line is the line of the text its "{" is on.
        let mut after = 0;
        for p in &items {
            let at = after + text[after..].find(p.text.as_str()).unwrap();
            after = at + p.text.len();
            assert_eq!(p.line, Some(text[..at].matches('\n').count() + 1), "{}", p.at);
        }
    }
    // The second is cut short: the first loads; the second does not, and its error points
    // into it (counted from its own first line); the third, after it, loads.
    let cut = b.trim_end().strip_suffix('}').unwrap().trim_end();
    let items = split_input("both.json", &format!("{a}\n{cut}\n{c}"));
    assert_eq!(places(&items), [" [1]", " [2]", " [3]"]);
    assert_eq!(candidate(&items[0].text), Ok("c1".to_string()));
    assert_eq!(items[1].text, cut);
    let lines_of_b = cut.lines().count();
    assert_eq!(
        candidate(&items[1].text),
        Err(format!(
            "not JSON, so not a scorecard (EOF while parsing an object at line {lines_of_b} column {})",
            cut.lines().last().unwrap().len()
        ))
    );
    assert_eq!(candidate(&items[2].text), Ok("c3".to_string()));
    // Its error says where it starts in the file, to find the line there: after a's lines.
    let located = items[1].locate(candidate(&items[1].text).unwrap_err());
    let starts = a.lines().count() + 1;
    assert!(
        located.ends_with(&format!(
            "; those lines are counted from where this document starts, line {starts} of the file"
        )),
        "{located}"
    );
    assert_eq!(
        items[1].locate("no candidate".into()),
        format!("no candidate; this document starts at line {starts} of the file")
    );
    // Cut short with no document after it: the rest is the one broken text.
    let items = split_input("both.json", &format!("{a}\n{cut}\n"));
    assert_eq!(places(&items), [" [1]", " [2]"]);
    assert_eq!(items[1].text, cut);
    // A pretty document alone, or followed by something that is no document: one text, and the
    // error of a single document.
    assert_eq!(split_input("a.json", &format!("{a}\n")), [Piece { at: String::new(), text: a.clone(), line: None }]);
    // After a blank line, with it, for its errors to name the text's lines.
    assert_eq!(
        split_input("a.json", &format!("\n{a}\n")),
        [Piece { at: String::new(), text: format!("\n{a}"), line: None }]
    );
    let trailing = split_input("a.json", &format!("{a}\n]"));
    assert_eq!(places(&trailing), [""]);
    let lines_of_a = a.lines().count();
    assert_eq!(
        candidate(&trailing[0].text),
        Err(format!("not JSON, so not a scorecard (trailing characters at line {} column 1)", lines_of_a + 1))
    );
    // JSON lines, with a bad line among them: one text per line, the others still read.
    let compact = |t: &str| scorecard::core::json::to_text(&scorecard::core::json::parse(t).unwrap());
    let jsonl = format!("{}\n{{\"broken\": \n{}\n", compact(&a), compact(&c));
    let items = split_input("pasted #2", &jsonl);
    assert_eq!(places(&items), [":1", ":2", ":3"]);
    assert!(candidate(&items[1].text).is_err());
    assert_eq!(candidate(&items[2].text), Ok("c3".to_string()));
    // A pretty document then a compact one on the last line: documents, not lines.
    let items = split_input("pasted #3", &format!("{a}\n{}\n", compact(&b)));
    assert_eq!(places(&items), [" [1]", " [2]"]);
    assert_eq!(candidate(&items[1].text), Ok("c2".to_string()));
    // A list: one text per item.
    let items = split_input("list.json", &format!("[{a}, {b}]"));
    assert_eq!(places(&items), [" [1]", " [2]"]);
    assert_eq!(candidate(&items[1].text), Ok("c2".to_string()));
}

/// The times beside a duplicate are said in one zone: a revision written at 05:00-08:00 is
/// 13:00 UTC, after the 10:00Z it replaces, and reads so.
#[test]
fn submission_times_are_shown_in_utc() {
    assert_eq!(utc_minute("2026-11-20T05:00:00-08:00").as_deref(), Some("2026-11-20 13:00 UTC"));
    assert_eq!(utc_minute("2026-11-20T10:00:00Z").as_deref(), Some("2026-11-20 10:00 UTC"));
    // Across a day, a month and a year, either way; seconds and fractions dropped, not rounded.
    assert_eq!(utc_minute("2026-12-31T20:30:59.999-05:30").as_deref(), Some("2027-01-01 02:00 UTC"));
    assert_eq!(utc_minute("2024-03-01T01:15:00+02:00").as_deref(), Some("2024-02-29 23:15 UTC"));
    assert_eq!(
        utc_minute("2026-11-03T18:10:00").as_deref(),
        Some("2026-11-03 18:10 UTC"),
        "no offset reads as UTC, as instant reads it"
    );
    assert_eq!(utc_minute("2016-12-31T23:59:60Z").as_deref(), Some("2016-12-31 23:59 UTC"));
    assert_eq!(utc_minute("2026-11-20").as_deref(), Some("2026-11-20"), "a bare date stays a date");
    assert_eq!(utc_minute("yesterday"), None);
    assert_eq!(utc_minute("2026-02-30T10:00:00Z"), None);
    // Every shown time is the instant's minute, over a century of days and offsets either way.
    for day in (0..36_600i64).step_by(7) {
        let (y, rest) = (1970 + day / 366, day % 366);
        let (month, d) = (1 + rest % 12, 1 + rest % 28);
        for (h, off) in [(0, "-12:00"), (7, "+05:45"), (23, "+14:00"), (12, "Z")] {
            let at = format!("{y:04}-{month:02}-{d:02}T{h:02}:{:02}:17{off}", rest % 60);
            let shown = utc_minute(&at).unwrap_or_else(|| panic!("{at} is a time"));
            let back = format!("{}:00Z", shown.strip_suffix(" UTC").unwrap().replacen(' ', "T", 1));
            let (s, _) = instant(&at).unwrap();
            assert_eq!(instant(&back), Some((s - s.rem_euclid(60), 0)), "{at} shown as {shown}");
        }
    }
}

/// The comparison is in an order the committee can check by eye: outcome, then the confidence
/// it shows (highest first), then name. Ordered by the score, which it does not show, one
/// outcome's confidences read out of order (38%, 39%, 30%, 45%).
#[test]
fn the_comparison_is_ordered_by_outcome_then_confidence_then_name() {
    let specs = [
        "k01 a s: te=M po=M bi=M cc=M ms=M lp=M",
        "k02 a s: te=M po=E bi=M cc=M ms=M lp=M",
        "k02 b t: te=M po=m bi=M cc=M ms=M lp=M",
        "k03 a s: te=E po=E bi=E cc=M ms=M lp=M",
        "k03 b t: te=m po=m bi=m cc=M ms=M lp=M",
        "k04 a s: te=M po=M bi=M cc=E ms=E lp=E",
        "k05 a s: te=M po=M bi=M cc=M",
        "k06 a s: te=E po=M bi=M cc=M ms=M lp=M",
        "k06 b t: te=M po=M bi=M cc=M ms=M lp=n",
        "k07 a s: te=M po=M bi=M cc=M ms=M lp=M",
        "k07 b t: te=M po=M bi=M cc=M ms=M lp=M",
        "k08 a s: te=M po=m bi=m cc=m ms=m lp=m",
        "k09 a s: te=E po=E bi=M cc=M ms=M lp=M",
        "k09 b t: te=m po=m bi=M cc=M ms=E lp=E",
        "k10 a s: te=N po=N bi=N cc=N ms=N lp=N",
        "k11 a s: te=N po=M bi=N cc=N ms=N lp=N",
        "k11 b t: te=n po=m bi=N cc=M ms=N lp=N",
        "k12 a s: te=M",
    ];
    let r = report(&specs);
    let pct = |x: f64| scorecard::core::engine::percent(x);
    let rank = |key: &str| {
        r.candidates.iter().find(|c| c.candidate == key).and_then(|c| c.committee.rank).map_or(0, |n| n + 1)
    };
    let shown: Vec<(usize, u32, &str)> =
        r.comparison.iter().map(|c| (rank(&c.candidate), pct(c.confidence), c.label.as_str())).collect();
    let mut sorted = shown.clone();
    sorted.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
    assert_eq!(shown, sorted, "outcome, then confidence, then name");
    // The score would have put them in another order: a higher score with a lower confidence.
    let by_score =
        r.comparison.windows(2).any(|w| rank(&w[0].candidate) == rank(&w[1].candidate) && w[0].score < w[1].score);
    assert!(by_score, "the panel tells the two orders apart: {shown:?}");
    // Equal confidences, as shown, are in name order whatever their keys.
    let mut tie = panel(&["z-key a s: te=M po=M bi=M cc=M ms=M lp=M", "a-key a s: te=M po=M bi=M cc=M ms=M lp=M"]);
    tie[0].1.candidate.name = "Ada".into();
    tie[1].1.candidate.name = "Bea".into();
    let r = analyze(&rubric(), &tie, None);
    assert_eq!(r.comparison.iter().map(|c| c.label.as_str()).collect::<Vec<_>>(), ["Ada", "Bea"]);
}

/// A candidate known by id only is named by the id wherever the name goes; two people with one
/// name are told apart by their ids, and one known by that name only says it has none.
#[test]
fn people_are_named_by_id_when_nameless_and_with_it_when_names_collide() {
    use scorecard::core::committee::{shown_names, to_markdown};
    let mut cards = panel(&[
        "p-1 e1 coding: te=M po=M bi=M cc=M",
        "p-2 e2 coding: te=E po=E bi=M cc=M",
        "p-3 e3 design: te=M po=M bi=M cc=M",
        "42 e1 design: te=M po=M bi=M cc=M",
        "p-9 e9 coding: te=M po=M bi=M cc=M",
    ]);
    for (i, name) in [(0, "Sam Lee"), (1, "Sam Lee"), (2, "sam  LEE"), (4, "Ria Kay")] {
        cards[i].1.candidate.name = name.into();
    }
    // The third names the candidate by name only, and two ids go with that name: apart.
    cards[2].1.candidate.id = String::new();
    cards[3].1.candidate.name = String::new();
    for (i, name) in [(0, "Pat Kim"), (1, "Pat Kim"), (2, "Cid"), (3, "Pat Kim"), (4, "Ola")] {
        cards[i].1.interviewer.name = name.into();
    }
    let r = analyze(&rubric(), &cards, None);
    let label = |key: &str| r.candidate_label(key).to_string();
    assert_eq!(label("p-1"), "Sam Lee (p-1)");
    assert_eq!(label("p-2"), "Sam Lee (p-2)");
    // Keyed by the name as compared; named as written.
    assert_eq!(label("sam lee"), "sam  LEE (no id)");
    assert_eq!(label("42"), "42");
    assert_eq!(label("p-9"), "Ria Kay");
    let interviewers: Vec<(&str, &str)> =
        r.interviewers.iter().map(|i| (i.interviewer.as_str(), i.label.as_str())).collect();
    // Listed by what the page shows.
    assert_eq!(interviewers, [("e3", "Cid"), ("e9", "Ola"), ("e1", "Pat Kim (e1)"), ("e2", "Pat Kim (e2)")]);
    let md = to_markdown(&r);
    for heading in ["## Sam Lee (p-1)", "## Sam Lee (p-2)", "## sam  LEE (no id)", "## 42", "## Ria Kay"] {
        assert!(md.lines().any(|l| l == heading), "{heading} in {md}");
    }
    assert!(!md.lines().any(|l| l == "## "), "{md}");
    // The rule on its own: a blank name is the key, and never clashes with a name.
    let people = [("a", "Bo"), ("b", " "), ("c", "bo"), ("Bo", "Bo"), ("d", "Di")];
    assert_eq!(shown_names(&people), ["Bo (a)", "b", "bo (c)", "Bo (no id)", "Di"]);
}

/// Two interviewers of one name on one panel read apart wherever the panel's members are named
/// (the Markdown's matrix and calibration lines, and the view through `member_label`), as they
/// do across panels; one known by name only says so, and a draft's interviewer, not listed
/// across panels, is named by the scorecard.
#[test]
fn namesakes_on_one_panel_are_told_apart_in_its_matrix() {
    use scorecard::core::committee::to_markdown;
    let mut cards = panel(&[
        "c1 s-1 coding: te=M po=M bi=M cc=M",
        "c1 s-2 design: te=N po=N bi=N cc=N",
        "c1 ola talk: te=E po=E bi=E cc=E",
        "c1 dee d: te=m",
    ]);
    for (i, name) in [(0, "Sam Lee"), (1, "Sam Lee"), (2, "Ola"), (3, "Sam Lee")] {
        cards[i].1.interviewer.name = name.into();
    }
    cards[3].1.submitted_at = None;
    let r = analyze(&rubric(), &cards, None);
    let c = &r.candidates[0];
    let members: Vec<&str> =
        c.panel.iter().chain(&c.drafts).map(|m| r.member_label(&m.interviewer, &m.interviewer_name)).collect();
    // The draft's interviewer too: not listed across panels, but one of the panel's Sam Lees.
    assert_eq!(members, ["Sam Lee (s-1)", "Sam Lee (s-2)", "Ola", "Sam Lee (dee)"]);
    let md = to_markdown(&r);
    assert!(md.contains("| Capability | Sam Lee (s-1) | Sam Lee (s-2) | Ola | Consensus | Spread |"), "{md}");
    assert!(md.lines().any(|l| l.starts_with("- Sam Lee (s-2): ")), "{md}");
    assert!(!md.lines().any(|l| l.starts_with("- Sam Lee: ")), "{md}");
    // A member named by name only, with two ids for the name, is the one "with no id".
    cards[1].1.interviewer.id = String::new();
    let mut third = card("c2 s-3 x: te=m");
    third.interviewer.name = "Sam Lee".into();
    cards.push(("card5".into(), third));
    let r = analyze(&rubric(), &cards, None);
    let c = &r.candidates[0];
    let members: Vec<&str> = c.panel.iter().map(|m| r.member_label(&m.interviewer, &m.interviewer_name)).collect();
    assert_eq!(members, ["Sam Lee (s-1)", "Sam Lee (no id)", "Ola"]);
    // Nobody named: the key, which is empty.
    assert_eq!(r.member_label("", ""), "");
}

/// One interviewer's submitted scorecard and another's draft, both "Sam Lee": the heat map's two
/// columns were both headed "Sam Lee" (the draft's interviewer is not listed across panels, so
/// the name looked unshared). Both are told apart, across panels too; a draft by the name alone,
/// which is the one Sam Lee with an id, is that Sam Lee and stays unmarked.
#[test]
fn a_drafts_interviewer_is_told_apart_from_a_namesake_on_the_panel() {
    let mut cards =
        panel(&["c1 s-1 coding: te=M po=M bi=M cc=M", "c1 ola talk: te=E po=E bi=E cc=E", "c1 s-9 design: te=m"]);
    for (i, name) in [(0, "Sam Lee"), (1, "Ola"), (2, "sam  lee")] {
        cards[i].1.interviewer.name = name.into();
    }
    cards[2].1.submitted_at = None;
    let r = analyze(&rubric(), &cards, None);
    let c = &r.candidates[0];
    let members: Vec<String> = c.panel.iter().chain(&c.drafts).map(|m| r.panel_label(m).into_owned()).collect();
    assert_eq!(members, ["Sam Lee (s-1)", "Ola", "sam  lee (s-9)"]);
    assert_eq!(r.interviewer_label("s-1"), Some("Sam Lee (s-1)"));
    assert!(
        to_markdown(&r).contains("| Capability | Sam Lee (s-1) | Ola | Consensus | Spread |"),
        "{}",
        to_markdown(&r)
    );
    // By name alone: the Sam Lee of the one id that goes with the name.
    cards[2].1.interviewer.id = String::new();
    let r = analyze(&rubric(), &cards, None);
    let c = &r.candidates[0];
    let members: Vec<String> = c.panel.iter().chain(&c.drafts).map(|m| r.panel_label(m).into_owned()).collect();
    assert_eq!(members, ["Sam Lee", "Ola", "sam  lee"]);
}

/// A scorecard made against another version of the rubric is counted under the rubric in use
/// (a version keeps the capability ids), and carries its version, which the Markdown says; one
/// of the same version says nothing.
#[test]
fn a_scorecard_of_another_rubric_version_is_counted_and_marked() {
    use scorecard::core::committee::to_markdown;
    let rubric = rubric();
    let cards = panel(&["c1 ann a: te=M po=M bi=M cc=M", "c1 ben b: te=E po=M bi=M cc=M"]);
    let mut doc: Value = serde_json::from_str(&cards[1].1.to_json()).unwrap();
    doc["rubric"]["version"] = 2.into();
    let v2 = parse_for_panel(&doc.to_string(), &rubric).expect("another version of the rubric reads");
    assert_eq!(v2.rubric.version, 2);
    let mut cards = cards;
    cards[1].1 = v2;
    let r = analyze(&rubric, &cards, None);
    assert_eq!(r.counted, 2);
    assert_eq!(r.candidates[0].panel.iter().map(|m| m.rubric_version).collect::<Vec<_>>(), [1, 2]);
    let md = to_markdown(&r);
    let marks: Vec<&str> = md.lines().filter(|l| l.contains("rubric version")).collect();
    assert_eq!(marks, ["- Name of ben (card2): made against rubric version 2, counted under version 1"], "{md}");
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["candidates"][0]["panel"][1]["rubric_version"], 2);
    // The same version: no mark.
    cards[1].1.rubric.version = rubric.version;
    assert!(!to_markdown(&analyze(&rubric, &cards, None)).contains("rubric version"));
}

/// Too few shared ratings is said, not left silent (which reads as "in line"); flagged notes are
/// quoted, so the committee can find them.
#[test]
fn calibration_says_too_few_shared_ratings_and_quotes_flagged_notes() {
    let cards = panel(&["c1 ann a: te=m po=m bi=m cc=m ms=m", "c1 dan d: te=n po=n"]);
    let flagger = |t: &str| -> Vec<String> {
        if t.contains("#0") {
            vec!["non_behavioral".into()]
        } else {
            Vec::new()
        }
    };
    let r = analyze(&rubric(), &cards, None);
    let dan = r.candidates[0].calibration.iter().find(|m| m.interviewer == "dan").unwrap();
    assert_eq!(dan.leaning, Leaning::NotEnoughShared);
    assert!(
        dan.signals.iter().any(|s| s.starts_with("Shares 2 ratings with other interviewers on this panel: too few")),
        "{:?}",
        dan.signals
    );
    // Alone on a panel: nobody to compare with, nothing said, on the panel or across panels.
    let alone = report(&["c9 eve e: te=m po=m bi=m cc=m", "c8 eve e: te=m po=m bi=m cc=m"]);
    assert!(
        !alone.candidates[0].calibration[0].signals.iter().any(|s| s.starts_with("Shares")),
        "{:?}",
        alone.candidates[0].calibration[0].signals
    );
    assert!(
        !alone.interviewers[0].signals.iter().any(|s| s.starts_with("Shares")),
        "{:?}",
        alone.interviewers[0].signals
    );

    let cards = panel(&["c1 ann a: te=m+1 po=m bi=m cc=m", "c1 ben b: te=m po=m bi=m cc=m"]);
    let r = analyze(&rubric(), &cards, Some(&flagger));
    let ann = r.candidates[0].calibration.iter().find(|m| m.interviewer == "ann").unwrap();
    assert!(
        ann.signals.iter().any(|s| s.contains(
            "\"Observed technical_expertise #0.\" (observation on Technical Expertise; an impression, not behaviour)"
        )),
        "{:?}",
        ann.signals
    );
    // A text with a bias risk is placed, not repeated.
    // (Two bias flags on one text, as a note naming kids and an accent gets: said once.)
    let biased = |t: &str| -> Vec<String> {
        if t.contains("#0") {
            vec!["bias_risk".into(), "bias_risk".into()]
        } else {
            Vec::new()
        }
    };
    let r = analyze(&rubric(), &cards, Some(&biased));
    let ann = r.candidates[0].calibration.iter().find(|m| m.interviewer == "ann").unwrap();
    let said = ann.signals.join(" ");
    assert!(
        said.contains("a text not repeated here (observation on Technical Expertise; bias risk)")
            && !said.contains("#0"),
        "{said}"
    );
}

/// The Markdown summary names who each calibration signal is about, gives both sides of a split
/// and whether it decides the outcome, and lists everything not counted.
#[test]
fn the_markdown_summary_names_people_both_sides_and_what_was_left_out() {
    use scorecard::core::committee::{to_markdown, LoadFailure};
    let mut cards = panel(&[
        "c1 ann a: te=N po=M bi=M cc=M ms=M lp=M",
        "c1 ben b: te=M po=M bi=M cc=M ms=M lp=M",
        "c1 dan d: te=m po=n",
        "c1 ann a: te=N po=M bi=M cc=M ms=M lp=M",
        "_ eve e: te=m",
    ]);
    cards[3].0 = "ann-again.json".into();
    let mut r = analyze(&rubric(), &cards, None);
    r.failed.push(LoadFailure {
        source: "broken.json".into(),
        error: "not JSON: expected a value at line 1 column 1".into(),
    });
    let md = to_markdown(&r);
    let contest = md.lines().find(|l| l.starts_with("- Contested")).unwrap_or_else(|| panic!("{md}"));
    assert!(contest.contains("if the lower view held:") && contest.contains("if the higher:"), "{contest}");
    assert!(md.contains("- Name of dan: Shares 2 ratings with other interviewers on this panel"), "{md}");
    // Named as the page names them, not by their keys ("c1 / ann").
    assert!(md.contains("- Name of c1 / Name of ann / a: kept card1, set aside ann-again.json"), "{md}");
    assert!(md.contains("- card5: names no candidate"), "{md}");
    assert!(md.contains("- broken.json: not JSON: expected a value"), "{md}");
    // A split that moves the outcome says so.
    let split = report(&["c1 ann a: te=n po=M bi=M cc=M ms=M lp=M", "c1 ben b: te=m po=M bi=M cc=M ms=M lp=M"]);
    let pivotal = split.candidates[0].committee.contested.iter().any(|c| c.pivotal);
    assert!(pivotal, "Technical Expertise is core: needs improvement there moves the level");
    assert!(
        to_markdown(&split).contains("- Contested, decides the outcome: Technical Expertise"),
        "{}",
        to_markdown(&split)
    );
}

/// A draft (no `submitted_at`) is not the interviewer's final word: it is listed with its
/// candidate, and left out of the matrix, the consensus, the recommendation, calibration and the
/// panel size, which the rationale and the Markdown say. A candidate with drafts only is listed,
/// with no submitted scorecard to weigh.
#[test]
fn drafts_are_listed_but_not_counted() {
    let mut cards = panel(&[
        "c1 ann a: te=M po=M bi=M cc=M ms=M lp=M",
        "c1 ben b: te=M po=M bi=M cc=M ms=M lp=M",
        "c1 vic c: te=N po=N bi=N cc=N ms=N lp=N",
        "c2 vic a: te=E po=E bi=E cc=E",
    ]);
    cards[2].1.submitted_at = None;
    cards[3].1.submitted_at = None;
    let r = analyze(&rubric(), &cards, Some(&|_: &str| Vec::new()));
    assert_eq!((r.scorecards, r.counted), (4, 2));
    let c1 = &r.candidates[0];
    assert_eq!(c1.panel.iter().map(|m| m.source.as_str()).collect::<Vec<_>>(), ["card1", "card2"]);
    assert_eq!(c1.drafts.iter().map(|m| m.source.as_str()).collect::<Vec<_>>(), ["card3"]);
    // Vic's needs improvement everywhere would split the panel and sink the outcome if counted.
    assert_eq!(row(&r, "technical_expertise"), (Rating::Meets, Some(0), false, 2));
    assert!(c1.matrix.iter().all(|m| m.cells.len() == 2 && m.assessed_by == 2));
    // The draft's ratings are in the matrix beside the panel's (the heat map's draft column),
    // counted in no figure of the row.
    let te = &c1.matrix[0];
    let draft: Vec<(&str, Rating, usize, &str)> =
        te.drafts.iter().map(|x| (x.interviewer.as_str(), x.level, x.evidence, x.note.as_str())).collect();
    assert_eq!(draft, [("vic", Rating::NeedsImprovement, 1, "Evidence for technical_expertise.")]);
    assert_eq!((te.evidence, te.low), (2, Rating::Meets));
    let rec = &c1.committee.recommendation;
    assert_eq!((rec.decision, rec.level.as_deref()), (Decision::Hire, Some("L4")));
    assert!(c1.committee.contested.is_empty() && c1.disagreements.is_empty());
    assert_eq!(
        rec.rationale[1],
        "Committee view of 2 submitted scorecards: each capability at the lower median of the panel's ratings."
    );
    assert_eq!(
        rec.rationale[2],
        "Not counted: 1 draft not yet submitted (Name of vic, c); its ratings count once it is submitted."
    );
    assert_eq!(c1.calibration.iter().map(|m| m.interviewer.as_str()).collect::<Vec<_>>(), ["ann", "ben"]);
    // Vic's only scorecards are drafts: no calibration across panels either.
    assert!(r.interviewers.iter().all(|i| i.interviewer != "vic"), "{:?}", r.interviewers);
    // The side-by-side view counts the submitted scorecards and the drafts apart.
    let side = |key: &str| r.comparison.iter().find(|row| row.candidate == key).map(|row| (row.panel_size, row.drafts));
    assert_eq!(side("c1"), Some((2, 1)));
    assert_eq!(side("c2"), Some((0, 1)));
    // Drafts only: named, nothing counted, insufficient evidence, and said why.
    let c2 = &r.candidates[1];
    assert_eq!((c2.name.as_str(), c2.panel.len(), c2.drafts.len()), ("Name of c2", 0, 1));
    assert_eq!(c2.committee.recommendation.decision, Decision::InsufficientEvidence);
    assert!(c2.matrix.iter().all(|m| m.consensus == Rating::NotAssessed && m.cells.is_empty()));
    let levels: Vec<Rating> = c2.matrix.iter().flat_map(|m| m.drafts.iter().map(|x| x.level)).collect();
    assert_eq!(
        levels,
        [Rating::Exceeds, Rating::Exceeds, Rating::Exceeds, Rating::Exceeds, Rating::NotAssessed, Rating::NotAssessed]
    );
    assert_eq!(
        c2.committee.recommendation.rationale[1],
        "No submitted scorecard yet: the committee has no rating to weigh."
    );
    assert!(
        c2.committee.recommendation.rationale[2].starts_with("Not counted: 1 draft not yet submitted (Name of vic, a)")
    );
    // Who said what lists the counted scorecards only.
    let who = who_said_what(&rubric(), &cards, "c1", "technical_expertise", None).unwrap();
    assert_eq!(who.statements.iter().map(|s| s.source.as_str()).collect::<Vec<_>>(), ["card1", "card2"]);
    let md = scorecard::core::committee::to_markdown(&r);
    assert!(md.contains("panel of 2; 1 draft not counted)"), "{md}");
    assert!(md.contains("- Not counted: 1 draft not yet submitted"), "{md}");
    // A name with a direction override is quoted as messages quote user text, escaped: it would
    // reorder the rest of the sentence on screen.
    let mut hostile = cards.clone();
    hostile[2].1.interviewer.name = "Vic \u{202e}RTL".into();
    let r = analyze(&rubric(), &hostile, None);
    assert_eq!(
        r.candidates[0].committee.recommendation.rationale[2],
        "Not counted: 1 draft not yet submitted (Vic \\u202eRTL, c); its ratings count once it is submitted."
    );
    // Submitted, the same interview counts.
    cards[2].1.submitted_at = Some("2026-11-03T10:00:00Z".into());
    let r = analyze(&rubric(), &cards, None);
    assert_eq!((r.counted, r.candidates[0].panel.len(), r.candidates[0].drafts.len()), (3, 3, 0));
    assert!(r.candidates[0].matrix.iter().all(|m| m.cells.len() == 3 && m.drafts.is_empty()));
    assert_eq!(row(&r, "technical_expertise").0, Rating::Meets);
    assert_eq!(row(&r, "technical_expertise").1, Some(1));
}

/// `who_said_what_in`, given a candidate's panel as the report lists it, says what
/// `who_said_what` says after sorting every scorecard again.
#[test]
fn who_said_what_in_a_known_panel_is_who_said_what() {
    let cards = panel(&[
        "c1 ann a: te=N+1 po=M",
        "c2 ann a: te=e",
        "c1 ben b: te=e+2 po=n",
        "c1 ann a: te=M",
        "c1 cat c: po=E",
    ]);
    let r = analyze(&rubric(), &cards, None);
    let c = &r.candidates[0];
    let members: Vec<(&str, &Scorecard)> =
        c.panel.iter().map(|m| (m.source.as_str(), &cards.iter().find(|(s, _)| *s == m.source).unwrap().1)).collect();
    for cap in ["technical_expertise", "project_ownership", "leadership_process"] {
        assert_eq!(
            who_said_what_in(&rubric(), "c1", &members, cap, None),
            who_said_what(&rubric(), &cards, "c1", cap, None),
            "{cap}"
        );
    }
    assert_eq!(who_said_what_in(&rubric(), "c1", &members, "no_such_capability", None), None);
}

/// `analyze_with` gives the report `analyze` gives, and reuses the report of every candidate
/// whose panel holds the same scorecards: after a revision only that candidate's report is new,
/// and the interviewers' totals across panels are the same as from scratch.
#[test]
fn a_cached_analysis_is_the_analysis_and_redoes_only_the_changed_panel() {
    use scorecard::core::committee::{analyze_with, PanelCache};
    use std::rc::Rc;
    let specs = [
        "c1 ann a: te=N+1 po=M bi=m cc=M",
        "c1 ben b: te=e+2 po=n bi=M cc=m",
        "c2 ann a: te=M po=E+1 bi=M cc=M ms=n",
        "c2 cat b: te=M po=m bi=N cc=M",
        "c3 ben a: te=E po=E bi=E cc=E ms=E lp=E",
        "c3 cat b: te=n po=n bi=n cc=n",
    ];
    let mut cards: Vec<(String, Rc<Scorecard>)> =
        panel(&specs).into_iter().map(|(label, card)| (label, Rc::new(card))).collect();
    let flagger = |text: &str| -> Vec<String> {
        if text.contains("#1") {
            vec!["non_behavioral".into()]
        } else {
            Vec::new()
        }
    };
    let rubric = rubric();
    let mut cache = PanelCache::default();
    let first = analyze_with(&rubric, &cards, Some(&flagger), &mut cache);
    assert_eq!(first, analyze(&rubric, &cards, Some(&flagger)));
    // Ann revises c2's scorecard: a later submission supersedes it.
    let mut revised = (*cards[2].1).clone();
    revised.ratings.get_mut("technical_expertise").unwrap().level = Rating::Exceeds;
    revised.submitted_at = Some("2026-12-01T09:00:00Z".into());
    cards.push(("revised".into(), Rc::new(revised)));
    let second = analyze_with(&rubric, &cards, Some(&flagger), &mut cache);
    assert_eq!(second, analyze(&rubric, &cards, Some(&flagger)));
    assert_ne!(first.interviewers, second.interviewers, "Ann's totals changed");
    let same: Vec<bool> = first.candidates.iter().zip(&second.candidates).map(|(a, b)| Rc::ptr_eq(a, b)).collect();
    assert_eq!(same, [true, false, true], "only c2 is analysed again");
    // The same scorecard read again (another `Rc`, as when a source is removed and added back)
    // is analysed again, never taken for the old one; a panel gone leaves the cache.
    cards[0].1 = Rc::new((*cards[0].1).clone());
    cards.retain(|(label, _)| label != "card5" && label != "card6");
    let third = analyze_with(&rubric, &cards, Some(&flagger), &mut cache);
    assert_eq!(third, analyze(&rubric, &cards, Some(&flagger)));
    assert_eq!(third.candidates.len(), 2);
    assert!(
        !Rc::ptr_eq(&second.candidates[0], &third.candidates[0])
            && Rc::ptr_eq(&second.candidates[1], &third.candidates[1])
    );
    assert_eq!(format!("{cache:?}"), "PanelCache(2 panels)");
    // The same scorecards of a panel in another load order: the first loaded names the candidate
    // (a draft's "Al" before a submitted "Alice"), so it is analysed again.
    let mut draft = card("c9 dan d: te=m");
    draft.submitted_at = None;
    draft.candidate.name = "Al".into();
    let mut submitted = card("c9 eve e: te=m");
    submitted.candidate.name = "Alice".into();
    let (draft, submitted) = (("d".to_string(), Rc::new(draft)), ("s".to_string(), Rc::new(submitted)));
    let mut cache = PanelCache::default();
    for order in [vec![draft.clone(), submitted.clone()], vec![submitted, draft]] {
        assert_eq!(analyze_with(&rubric, &order, None, &mut cache), analyze(&rubric, &order, None));
    }
    // Owned scorecards are copied into the cache, so nothing is ever reused, and the report is
    // still the same.
    let owned: Vec<(String, Scorecard)> = panel(&specs);
    let mut cache = PanelCache::default();
    let a = analyze_with(&rubric, &owned, None, &mut cache);
    let b = analyze_with(&rubric, &owned, None, &mut cache);
    assert_eq!(a, b);
    assert!(a.candidates.iter().zip(&b.candidates).all(|(x, y)| !Rc::ptr_eq(x, y)));
}

/// With the classifier's flagger, a note or observation with a bias risk is marked wherever the
/// report lays it out (the matrix's cells, drafts included, who said what, on demand or
/// discussed), for the view to fold it away; a sound one is not, and without a flagger none is.
#[test]
fn bias_risk_texts_are_marked_wherever_they_are_laid_out() {
    let flags = scorecard::core::classifier::FlagCache::default();
    let flagger = |t: &str| flags.ids(t);
    let mut cards = panel(&["c1 ann a: te=N+2 po=M", "c1 ben b: te=E+1", "c1 cy c: te=m"]);
    let biased = "She is a mother of two, so she may struggle with the on-call rotation.";
    cards[0].1.ratings.get_mut("technical_expertise").unwrap().note = biased.into();
    cards[0].1.observations[1].text = "Seemed a bit old for a fast-moving team.".into();
    // A draft's cell is laid out too.
    cards[2].1.submitted_at = None;
    cards[2].1.ratings.get_mut("technical_expertise").unwrap().note = biased.into();

    let r = analyze(&rubric(), &cards, Some(&flagger));
    let c = &r.candidates[0];
    let row = c.matrix.iter().find(|m| m.capability == "technical_expertise").unwrap();
    let ann = &row.cells[0];
    assert!(ann.note_bias_risk);
    assert_eq!(ann.observations.iter().map(|o| o.bias_risk).collect::<Vec<_>>(), [false, true]);
    assert!(!row.cells[1].note_bias_risk && !row.cells[1].observations[0].bias_risk);
    assert!(row.drafts[0].note_bias_risk);
    // Split two levels: discussed, with the same marks.
    let who = c.discuss.iter().find(|w| w.capability == "technical_expertise").expect("discussed");
    assert!(
        who.statements[0].note_bias_risk
            && who.statements[0].observations[1].bias_risk
            && !who.statements[1].note_bias_risk
    );
    // On demand, as discussed.
    let again = who_said_what(&rubric(), &cards, "c1", "technical_expertise", Some(&flagger)).unwrap();
    assert_eq!(&again, who);
    // A sound note on another capability is not marked.
    let po = c.matrix.iter().find(|m| m.capability == "project_ownership").unwrap();
    assert!(!po.cells[0].note_bias_risk);

    let plain = analyze(&rubric(), &cards, None);
    let row = plain.candidates[0].matrix.iter().find(|m| m.capability == "technical_expertise").unwrap();
    assert!(!row.cells[0].note_bias_risk && !row.cells[0].observations[1].bias_risk);
}

/// Both Markdown summaries word an outcome as the screens do: a hire below the rubric's level
/// reads "Hire below level: L3", never a plain "Hire at L3".
#[test]
fn markdown_summaries_word_a_hire_below_level_as_the_screens_do() {
    use scorecard::core::committee::to_markdown;
    use scorecard::core::engine::{headline, hire_below_level, recommend};
    use scorecard::core::interchange::export_markdown;
    let rubric = rubric();
    let cards: Vec<(String, Scorecard)> = ["bo-alice.json", "bo-dan.json", "bo-dan-resubmitted.json"]
        .iter()
        .map(|f| {
            (
                f.to_string(),
                parse_for_panel(&std::fs::read_to_string(fixture(&format!("sample/{f}"))).unwrap(), &rubric).unwrap(),
            )
        })
        .collect();
    let report = analyze(&rubric, &cards, None);
    let rec = &report.candidates[0].committee.recommendation;
    assert!(hire_below_level(rec.decision, rec.greenhouse), "the fixture's Bo Chen is a hire below level: {rec:?}");
    let md = to_markdown(&report);
    assert!(md.contains("**Hire below level: L3"), "{md}");
    assert!(!md.contains("**Hire at L3"), "{md}");

    // One scorecard of such a panel, summarised on its own.
    let card = cards
        .iter()
        .map(|(_, c)| c)
        .find(|c| {
            let r = recommend(&rubric, c);
            hire_below_level(r.decision, r.greenhouse)
        })
        .expect("one of Bo Chen's scorecards is a hire below level on its own");
    let r = recommend(&rubric, card);
    let md = export_markdown(card, &rubric);
    let said = headline(r.decision, r.level.as_deref(), true);
    assert!(said.starts_with("Hire below level: ") && md.contains(&format!("**Recommendation:** {said}")), "{md}");
}

/// People are listed as a reader looks for them: numbers in names by value, letters without
/// regard to case.
/// A candidate is named by the spelling most of the panel's scorecards use, not by the first
/// loaded; on a tie, by a properly capitalised spelling, then by the first loaded. Spellings that
/// differ only in spacing or in how an accent is encoded are one; blank names and drafts' names
/// count as any other.
#[test]
fn a_candidate_is_named_by_the_spelling_most_scorecards_use() {
    let rubric = rubric();
    let named = |names: &[&str]| {
        let mut cards = panel(&["c1 ann a: te=m", "c1 ben b: te=m", "c1 cy c: te=m", "c1 dee d: te=m"]);
        cards.truncate(names.len());
        for ((_, card), name) in cards.iter_mut().zip(names) {
            card.candidate.name = name.to_string();
        }
        let r = analyze(&rubric, &cards, None);
        (r.candidates[0].name.clone(), r.comparison[0].label.clone())
    };
    let cases: [(&[&str], &str); 13] = [
        (&["ria KAY", "Ria Kay", "Ria Kay"], "Ria Kay"),
        (&["ria KAY", "Ria  Kay ", "Ria Kay"], "Ria  Kay"),
        (&["ria kay", "ria kay", "Ria Kay"], "ria kay"),
        // A tie: the properly capitalised spelling, whichever came first.
        (&["ria KAY", "Ria Kay"], "Ria Kay"),
        (&["RIA KAY", "Ria Kay", "ria kay"], "Ria Kay"),
        (&["ria kay", "Ria van Dijk"], "Ria van Dijk"),
        (&["Ria KAY", "ria kay", "Ria Kay", "RIA KAY"], "Ria Kay"),
        (&["élodie durand", "ÉLODIE DURAND", "Élodie Durand"], "Élodie Durand"),
        (&["ЛЕВ ТОЛСТОЙ", "Лев Толстой"], "Лев Толстой"),
        // A decomposed "é" (e and U+0301) and a composed one are one spelling: they look the same.
        (
            &["josé núñez", "josé núñez", "Jose\u{301} Nu\u{301}n\u{303}ez", "José Núñez"],
            "Jose\u{301} Nu\u{301}n\u{303}ez",
        ),
        // Then the first loaded.
        (&["Ria Kay", "Maria Kay"], "Ria Kay"),
        (&["RIA KAY", "ria kay"], "RIA KAY"),
        (&["", " ", "ria kay"], "ria kay"),
    ];
    for (names, expected) in cases {
        assert_eq!(named(names), (expected.to_string(), expected.to_string()), "{names:?}");
    }
    assert_eq!(named(&["", " "]).0, "");
    // A draft's spelling counts as a submitted one's.
    let mut cards = panel(&["c1 ann a: te=m", "c1 ben b: te=m", "c1 cy c: te=m"]);
    for ((_, card), name) in cards.iter_mut().zip(["ria KAY", "Ria Kay", "Ria Kay"]) {
        card.candidate.name = name.to_string();
    }
    cards[2].1.submitted_at = None;
    assert_eq!(analyze(&rubric, &cards, None).candidates[0].name, "Ria Kay");
}

#[test]
fn names_are_ordered_with_numbers_by_value() {
    use scorecard::core::committee::natural_order;
    let mut names = vec![
        "Interviewer 10",
        "interviewer 2",
        "Interviewer 1",
        "Ann",
        "ann b",
        "Interviewer 02x",
        "Zoe",
        "Interviewer 002",
    ];
    names.sort_by(|a, b| natural_order(a, b));
    assert_eq!(
        names,
        [
            "Ann",
            "ann b",
            "Interviewer 1",
            "interviewer 2",
            "Interviewer 002",
            "Interviewer 02x",
            "Interviewer 10",
            "Zoe"
        ]
    );
}

/// Wherever the report lists candidates or interviewers by name, numbers go by value, as in the
/// interviewers across panels: the comparison's ties (and so the Markdown's sections) and the
/// duplicates, which were in the keys' text order ("Candidate 10" before "Candidate 2").
#[test]
fn candidates_and_duplicates_are_listed_with_numbers_by_value() {
    // Two candidates of one outcome and confidence, keyed so that the keys' order is not the
    // names', each with a repeated scorecard by Interviewer 2 and one by Interviewer 10.
    let mut cards = panel(&[
        "k-1 i-10 coding: te=M po=M bi=M cc=M ms=M lp=M",
        "k-1 i-2 design: te=M po=M bi=M cc=M ms=M lp=M",
        "k-2 i-10 coding: te=M po=M bi=M cc=M ms=M lp=M",
        "k-2 i-2 design: te=M po=M bi=M cc=M ms=M lp=M",
        "k-1 i-10 coding: te=M po=M bi=M cc=M ms=M lp=M",
        "k-1 i-2 design: te=M po=M bi=M cc=M ms=M lp=M",
        "k-2 i-2 design: te=M po=M bi=M cc=M ms=M lp=M",
    ]);
    for (_, card) in &mut cards {
        card.candidate.name = if card.candidate.id == "k-1" { "Candidate 10" } else { "Candidate 2" }.into();
        card.interviewer.name = if card.interviewer.id == "i-10" { "Interviewer 10" } else { "Interviewer 2" }.into();
    }
    let r = analyze(&rubric(), &cards, None);
    assert_eq!(r.comparison.iter().map(|c| c.label.as_str()).collect::<Vec<_>>(), ["Candidate 2", "Candidate 10"]);
    let dups: Vec<(&str, &str)> =
        r.duplicates.iter().map(|d| (r.candidate_label(&d.candidate), r.member_label(&d.interviewer, ""))).collect();
    assert_eq!(
        dups,
        [("Candidate 2", "Interviewer 2"), ("Candidate 10", "Interviewer 2"), ("Candidate 10", "Interviewer 10")]
    );
    let md = to_markdown(&r);
    let at = |line: &str| md.find(line).unwrap_or_else(|| panic!("{line} in {md}"));
    assert!(at("\n## Candidate 2\n") < at("\n## Candidate 10\n"), "{md}");
    assert!(at("- Candidate 2 / Interviewer 2 / design") < at("- Candidate 10 / Interviewer 2 / design"), "{md}");
    assert!(at("- Candidate 10 / Interviewer 2 / design") < at("- Candidate 10 / Interviewer 10 / coding"), "{md}");
}

/// Blind mode resolves the address to the committee's interviewers: a name two of them share
/// opens no panel; an id opens that interviewer's panels, a scorecard naming them without the id
/// included (the committee joins it to the one id that goes with the name); a name or id that no
/// counted scorecard has falls back to the scorecards that name it (a draft's).
#[test]
fn blind_mode_is_for_one_interviewer_as_the_committee_joins_them() {
    let named = |spec: &str, id: &str, name: &str| {
        let mut c = card(spec);
        c.interviewer = Person { id: id.into(), name: name.into() };
        c
    };
    let cards: Vec<(String, Scorecard)> = [
        named("zed x coding: te=M po=M bi=M cc=M", "s-1", "Sam Lee"),
        card("zed ola talk: te=M po=M bi=M cc=M"),
        named("yan x design: te=M po=M bi=M cc=M", "s-2", "Sam Lee"),
        card("yan ola talk: te=M po=M bi=M cc=M"),
        named("yan x coding: te=M po=M bi=M cc=M", "t-3", "Tom Ortiz"),
        named("xu x coding: te=M po=M bi=M cc=M", "", "tom  ortiz"),
        card("xu ola talk: te=M po=M bi=M cc=M"),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, c)| (format!("s{i}"), c))
    .collect();
    let r = analyze(&rubric(), &cards, None);
    let hidden = |who: &str| {
        let b = r.blind(who);
        let mut h: Vec<&str> = r.candidates.iter().filter(|c| b.hides(c)).map(|c| c.candidate.as_str()).collect();
        h.sort();
        h
    };
    let shared = r.blind(" sam LEE ");
    assert!(shared.ambiguous());
    assert_eq!(shared.named.iter().map(|i| i.label.as_str()).collect::<Vec<_>>(), ["Sam Lee (s-1)", "Sam Lee (s-2)"]);
    assert_eq!(hidden("Sam Lee"), ["xu", "yan", "zed"]);
    assert_eq!(hidden("s-2"), ["xu", "zed"]);
    assert_eq!(hidden("S-2"), ["xu", "zed"], "an id in any case");
    assert_eq!(hidden("t-3"), ["zed"], "Tom's scorecard for xu names him without the id");
    assert_eq!(hidden("Tom Ortiz"), ["zed"]);
    assert_eq!(hidden("nobody"), ["xu", "yan", "zed"]);
    // Only a draft for a candidate: hidden, and the draft is theirs.
    let mut draft = named("wu x coding: te=M po=M bi=M cc=M", "d-9", "Dee");
    draft.submitted_at = None;
    let r = analyze(
        &rubric(),
        &[("d".to_string(), draft), ("o".to_string(), card("wu ola talk: te=M po=M bi=M cc=M"))],
        None,
    );
    let b = r.blind("dee");
    assert!(b.named.is_empty(), "no counted scorecard of theirs");
    assert_eq!(b.own_scorecard(&r.candidates[0]), Some(false));
    assert!(b.hides(&r.candidates[0]));
}

/// A person named without an id is keyed by the name as compared: the spellings of one name that
/// differ only in case, spacing or how an accent is encoded (a decomposed "é", e and U+0301, as
/// macOS and some ATS exports write it) are one candidate, one panel, named by the spelling most
/// of its scorecards use; two different names stay apart, accents included.
#[test]
fn case_space_and_decomposed_spellings_of_a_candidate_are_one_panel() {
    let rubric = rubric();
    // Composed (NFC) and decomposed (NFD) "José Núñez".
    let (nfc, nfd) = ("José Núñez", "Jose\u{301} Nu\u{301}n\u{303}ez");
    assert_ne!(nfc, nfd);
    let names =
        ["Priya Raman", "Priya Raman ", "priya raman", "Priya  Raman", nfd, nfc, nfd, "Priya Rama", "Jose Nunez"];
    let cards: Vec<(String, Scorecard)> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let mut c = card(&format!("_ e{i} coding: te=M po=M bi=M cc=M"));
            c.candidate = Person { id: String::new(), name: name.to_string() };
            (format!("card{}", i + 1), c)
        })
        .collect();
    let r = analyze(&rubric, &cards, None);
    let panels: Vec<(&str, &str, usize)> =
        r.candidates.iter().map(|c| (c.candidate.as_str(), c.name.as_str(), c.panel.len())).collect();
    assert_eq!(
        panels,
        [
            ("jose nunez", "Jose Nunez", 1),
            ("josé núñez", nfd, 3),
            ("priya rama", "Priya Rama", 1),
            ("priya raman", "Priya Raman", 4)
        ]
    );
    // One row each, named as the panel is, with no "(no id)": nobody else goes by the name.
    let mut labels: Vec<&str> = r.comparison.iter().map(|row| row.label.as_str()).collect();
    labels.sort_unstable();
    assert_eq!(labels, ["Jose Nunez", nfd, "Priya Rama", "Priya Raman"]);
    assert_eq!(r.counted, names.len());
    assert!(r.duplicates.is_empty());
    // The candidate's key is written composed, whichever form was loaded first.
    let key = &r.candidates[1].candidate;
    assert_eq!(key.chars().count(), "josé núñez".chars().count());
    // The majority spelling wins over the one loaded first.
    let mut cards = cards;
    cards.swap(0, 2);
    let r = analyze(&rubric, &cards, None);
    let priya = r.candidates.iter().find(|c| c.candidate == "priya raman").unwrap();
    assert_eq!((priya.name.as_str(), priya.panel.len()), ("Priya Raman", 4));
    // Where the name-only candidate shares the name with two candidates with ids, the spellings
    // still make one candidate, told apart as the one with no id.
    for (id, i) in [("p-1", 7), ("p-2", 8)] {
        cards[i].1.candidate = Person { id: id.into(), name: "Priya Raman".into() };
    }
    let r = analyze(&rubric, &cards, None);
    assert_eq!(r.candidate_label("priya raman"), "Priya Raman (no id)");
    assert_eq!(r.candidate_label("p-1"), "Priya Raman (p-1)");
    assert_eq!(r.candidates.iter().find(|c| c.candidate == "priya raman").map(|c| c.panel.len()), Some(4));
}

/// One interviewer's revision of a scorecard whose step differs from the earlier one only in
/// case or spacing, or whose interviewer is named by name only in another case or spacing,
/// replaces it and is listed as a duplicate: the interviewer counts once. Another step, or
/// another interviewer's name, is not a revision.
#[test]
fn a_revision_whose_step_or_name_differs_in_case_or_spacing_replaces_the_earlier_one() {
    let rubric = rubric();
    let at = |spec: &str, step: &str, interviewer: &str, time: &str| {
        let mut c = card(spec);
        c.interview.step = step.into();
        if !interviewer.is_empty() {
            c.interviewer = Person { id: String::new(), name: interviewer.into() };
        }
        c.submitted_at = Some(time.into());
        c
    };
    let cards: Vec<(String, Scorecard)> = [
        at("c1 e1 x: te=n po=n bi=n cc=n", "Behavioural", "", "2026-11-02T09:00:00Z"),
        at("c1 e1 x: te=m po=m bi=m cc=m", "behavioural ", "", "2026-11-02T10:00:00Z"),
        at("c1 e1 x: te=e po=e bi=e cc=e", "  Behavioural", "", "2026-11-02T11:00:00Z"),
        at("c1 _ x: te=n po=n bi=n cc=n", "System  design", "Pat Kim ", "2026-11-02T09:00:00Z"),
        at("c1 _ x: te=m po=m bi=m cc=m", "system design", "pat  KIM", "2026-11-02T10:00:00Z"),
        at("c1 _ x: te=m po=m bi=m cc=m", "Re\u{301}sume\u{301} deep dive", "Zoe\u{308}", "2026-11-02T09:00:00Z"),
        at("c1 _ x: te=m po=m bi=m cc=m", "Résumé deep dive", "Zoë", "2026-11-02T10:00:00Z"),
        // Not revisions: another step, another interviewer.
        at("c1 e1 x: te=m po=m bi=m cc=m", "Behavioural 2", "", "2026-11-02T12:00:00Z"),
        at("c1 _ x: te=m po=m bi=m cc=m", "system design", "Pat Kimball", "2026-11-02T12:00:00Z"),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, c)| (format!("card{}", i + 1), c))
    .collect();
    let r = analyze(&rubric, &cards, None);
    let dups: Vec<(&str, &str, &str, Vec<&str>)> = r
        .duplicates
        .iter()
        .map(|d| {
            (d.interviewer.as_str(), d.step.as_str(), d.kept.as_str(), d.dropped.iter().map(String::as_str).collect())
        })
        .collect();
    assert_eq!(
        dups,
        [
            ("e1", "  Behavioural", "card3", vec!["card1", "card2"]),
            ("pat kim", "system design", "card5", vec!["card4"]),
            ("zoë", "Résumé deep dive", "card7", vec!["card6"]),
        ]
    );
    let c = &r.candidates[0];
    let counted: Vec<&str> = c.panel.iter().map(|m| m.source.as_str()).collect();
    assert_eq!(counted, ["card3", "card5", "card7", "card8", "card9"]);
    // The panel does not disagree with itself: only the last word of e1 counts.
    assert_eq!(row(&r, "technical_expertise").0, Rating::Meets);
    assert!(c.disagreements.is_empty(), "{:?}", c.disagreements);
    // The interviewers are named as their scorecards spell them.
    let interviewers: Vec<(&str, &str)> =
        r.interviewers.iter().map(|i| (i.interviewer.as_str(), i.label.as_str())).collect();
    assert_eq!(
        interviewers,
        [("e1", "Name of e1"), ("pat kim", "pat  KIM"), ("pat kimball", "Pat Kimball"), ("zoë", "Zoë")]
    );
    let md = scorecard::core::committee::to_markdown(&r);
    assert!(md.contains("- Name of c1 / pat  KIM / system design: kept card5, set aside card4\n"), "{md}");
}

/// An interviewer named by name only is one interviewer across panels whatever the case,
/// spacing or encoding of the name: one line of calibration, named by the spelling most of
/// their scorecards use. Blind mode finds them the same way.
#[test]
fn an_interviewer_spelt_two_ways_is_one_interviewer_across_panels() {
    let rubric = rubric();
    let by = |spec: &str, name: &str| {
        let mut c = card(spec);
        c.interviewer = Person { id: String::new(), name: name.into() };
        c
    };
    let cards: Vec<(String, Scorecard)> = [
        // The first panel spells the name otherwise than the other two.
        by("ada _ s: te=E po=E", "zoe\u{308}  ortiz"),
        card("ada bob s: te=M po=M"),
        by("bo _ s: te=E po=E", "Zoë Ortiz"),
        card("bo carol s: te=M po=M"),
        by("cy _ s: te=E po=E", "Zoë Ortiz "),
        card("cy dan s: te=M po=M"),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, c)| (format!("card{}", i + 1), c))
    .collect();
    let r = analyze(&rubric, &cards, None);
    let zoe: Vec<_> = r.interviewers.iter().filter(|i| i.interviewer == "zoë ortiz").collect();
    assert_eq!(zoe.len(), 1, "{:?}", r.interviewers.iter().map(|i| &i.interviewer).collect::<Vec<_>>());
    assert_eq!((zoe[0].name.as_str(), zoe[0].scorecards, zoe[0].candidates, zoe[0].shared), ("Zoë Ortiz", 3, 3, 6));
    assert_eq!(zoe[0].leaning, Leaning::Lenient);
    assert_eq!(r.interviewers.len(), 4);
    let b = r.blind("ZOE\u{308}   ORTIZ");
    assert_eq!(b.named.len(), 1);
    assert!(r.candidates.iter().all(|c| !b.hides(c)));
}

/// Names and steps are compared in one form: case and white space aside, and every Latin-1 and
/// Latin Extended-A letter with an accent (U+00C0..=U+017F) the same composed or decomposed.
/// (The decomposed forms were written by Python's `unicodedata.normalize("NFD", ...)`.)
#[test]
fn names_are_compared_composed_ignoring_case_and_spacing() {
    use scorecard::core::committee::same_name;
    let composed = NFC;
    let decomposed = NFD;
    assert_eq!(composed.chars().count(), 161);
    assert_eq!(decomposed.chars().count(), 2 * 161);
    let mut pairs = decomposed.chars();
    for c in composed.chars() {
        let nfd: String = pairs.by_ref().take(2).collect();
        // Composed and lowered: "É" written as E and U+0301 is "é" (and "İ" is "i" and its dot,
        // its lower case, written either way).
        let lower: String = c.to_lowercase().collect();
        assert_eq!(same_name(&nfd), lower, "{c} as {nfd:?}");
        assert_eq!(same_name(&c.to_string()), lower, "{c}");
    }
    assert_eq!(same_name(decomposed), composed.to_lowercase());
    let cases = [
        ("  Priya \t Raman\n", "priya raman"),
        ("JOSE\u{301} NU\u{301}N\u{303}EZ", "josé núñez"),
        ("İ", "i\u{307}"),
        ("I\u{307}", "i\u{307}"),
        // A mark on no letter, or on one it makes none of in this range, stays as written.
        ("\u{301}e", "\u{301}e"),
        ("q\u{301}", "q\u{301}"),
        ("e\u{301}\u{301}", "é\u{301}"),
        ("Æ Ø ß Ł", "æ ø ß ł"),
        ("", ""),
        ("   ", ""),
    ];
    for (name, compared) in cases {
        assert_eq!(same_name(name), compared, "{name:?}");
    }
    // Different names stay different.
    for (a, b) in [("José", "Jose"), ("Müller", "Muller"), ("Ana", "Anna"), ("Li Na", "Lina")] {
        assert_ne!(same_name(a), same_name(b));
    }
}

/// The composed Latin letters of U+00C0..=U+017F that are a letter and one mark, in order.
const NFC: &str = "\
        ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀ\
        āĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľ\
        ŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽž";
/// The same letters decomposed: each a letter and its mark.
const NFD: &str = "\
        A\u{300}A\u{301}A\u{302}A\u{303}A\u{308}A\u{30A}C\u{327}E\u{300}E\u{301}E\u{302}E\u{308}I\u{300}\
        I\u{301}I\u{302}I\u{308}N\u{303}O\u{300}O\u{301}O\u{302}O\u{303}O\u{308}U\u{300}U\u{301}U\u{302}\
        U\u{308}Y\u{301}a\u{300}a\u{301}a\u{302}a\u{303}a\u{308}a\u{30A}c\u{327}e\u{300}e\u{301}e\u{302}\
        e\u{308}i\u{300}i\u{301}i\u{302}i\u{308}n\u{303}o\u{300}o\u{301}o\u{302}o\u{303}o\u{308}u\u{300}\
        u\u{301}u\u{302}u\u{308}y\u{301}y\u{308}A\u{304}a\u{304}A\u{306}a\u{306}A\u{328}a\u{328}C\u{301}\
        c\u{301}C\u{302}c\u{302}C\u{307}c\u{307}C\u{30C}c\u{30C}D\u{30C}d\u{30C}E\u{304}e\u{304}E\u{306}\
        e\u{306}E\u{307}e\u{307}E\u{328}e\u{328}E\u{30C}e\u{30C}G\u{302}g\u{302}G\u{306}g\u{306}G\u{307}\
        g\u{307}G\u{327}g\u{327}H\u{302}h\u{302}I\u{303}i\u{303}I\u{304}i\u{304}I\u{306}i\u{306}I\u{328}\
        i\u{328}I\u{307}J\u{302}j\u{302}K\u{327}k\u{327}L\u{301}l\u{301}L\u{327}l\u{327}L\u{30C}l\u{30C}\
        N\u{301}n\u{301}N\u{327}n\u{327}N\u{30C}n\u{30C}O\u{304}o\u{304}O\u{306}o\u{306}O\u{30B}o\u{30B}\
        R\u{301}r\u{301}R\u{327}r\u{327}R\u{30C}r\u{30C}S\u{301}s\u{301}S\u{302}s\u{302}S\u{327}s\u{327}\
        S\u{30C}s\u{30C}T\u{327}t\u{327}T\u{30C}t\u{30C}U\u{303}u\u{303}U\u{304}u\u{304}U\u{306}u\u{306}\
        U\u{30A}u\u{30A}U\u{30B}u\u{30B}U\u{328}u\u{328}W\u{302}w\u{302}Y\u{302}y\u{302}Y\u{308}Z\u{301}\
        z\u{301}Z\u{307}z\u{307}Z\u{30C}z\u{30C}";

#[test]
fn a_failed_document_is_identified_as_the_scorecard_it_would_be_when_its_names_can_be_read() {
    use scorecard::core::committee::{identity, identity_of};
    let id = |c: &str, i: &str, s: &str| Some(format!("{c}\n{i}\n{s}"));
    // An unknown level: not a scorecard, but whom it is about reads as a loaded one would.
    let bad = r#"{"format": "interview-scorecard", "version": 1, "candidate": {"id": "c-1", "name": "Zed"},
        "interviewer": {"name": " Uma "}, "interview": {"step": "Coding"}, "ratings": {"technical_expertise": {"level": "strong"}}}"#;
    assert!(parse_for_panel(bad, &rubric()).is_err());
    assert_eq!(identity_of(bad), id("c-1", "Uma", "Coding"));
    let good = bad.replace("strong", "exceeds");
    assert_eq!(identity(&parse_for_panel(&good, &rubric()).unwrap()), identity_of(bad));
    // People as plain strings, and no step.
    assert_eq!(identity_of(r#"{"candidate": "Zed", "interviewer": "Uma", "ratings": 3}"#), id("Zed", "Uma", ""));
    // Nothing to tell it by: not JSON, not an object, or a person missing.
    for text in [
        r#"{"candidate": "Zed", "interviewer": "#,
        "[]",
        "\"Zed\"",
        r#"{"candidate": "Zed"}"#,
        r#"{"candidate": " ", "interviewer": "Uma"}"#,
    ] {
        assert_eq!(identity_of(text), None, "{text}");
    }
}

/// A panel of one gets the confidence its interviewer saw: the committee reads the scorecard's
/// observations against its ratings as the scorer does (flags not counted). A QA pass saw 97%
/// on the scorer and 87% in the committee for one card.
#[test]
fn a_panel_of_one_has_the_scorers_confidence() {
    use scorecard::core::engine::recommend_with;
    let rubric = rubric();
    let flagger = |t: &str| {
        scorecard::core::classifier::detect_flags(t).iter().map(|f| f.kind.id().to_string()).collect::<Vec<String>>()
    };
    let flagged = |t: &str| !flagger(t).is_empty();
    let mut one = card("c1 ann s1: te=M po=M bi=E cc=M ms=E lp=M");
    let obs = [
        ("technical_expertise", Rating::Meets, "Proposed sharding by tenant id and called out the hot-tenant risk."),
        ("project_ownership", Rating::Meets, "Ran the payments migration with a weekly risk review."),
        ("project_ownership", Rating::NeedsImprovement, "Missed the billing deadline by a month and told nobody."),
        (
            "business_impact",
            Rating::Exceeds,
            "Showed the PM data that the feature would cannibalise the enterprise plan.",
        ),
        ("communication_collaboration", Rating::NeedsImprovement, "Got defensive when I questioned the design."),
        ("mentorship_support", Rating::NeedsImprovement, "Never helps the junior engineers on her team."),
        ("leadership_process", Rating::Meets, "Seems really smart."),
    ];
    for (i, (c, level, text)) in obs.iter().enumerate() {
        one.observations.push(Observation {
            id: format!("o{i}"),
            text: text.to_string(),
            capability: Some(c.to_string()),
            level: *level,
            source: TagSource::Interviewer,
        });
    }
    let scorer = recommend_with(&rubric, &one, &flagged);
    let f: &dyn Fn(&str) -> Vec<String> = &flagger;
    let r = analyze(&rubric, &[("a.json".to_string(), one.clone())], Some(f));
    let committee = &r.candidates[0].committee;
    assert_eq!(committee.recommendation.confidence, scorer.confidence, "{:?}", committee.recommendation.rationale);
    assert_eq!(committee.recommendation.contradicted, scorer.contradicted);
    // A panel of two reads no interviewer's observations against the consensus.
    let two = card("c1 bo s2: te=M po=M bi=E cc=M ms=E lp=M");
    let r = analyze(&rubric, &[("a.json".to_string(), one), ("b.json".to_string(), two)], Some(f));
    assert!(r.candidates[0].committee.recommendation.contradicted.is_empty());
}

/// QA cli3: a file of one document after blank lines names the file's line of a JSON error, as
/// `scorecard` says it: `split_input` trimmed the blank lines away, and the committee page counted
/// from the document's first line.
#[test]
fn a_json_error_after_blank_lines_names_the_files_line() {
    let rubric = rubric();
    let pieces = split_input("a.json", "\n\n{\n \"format\": x\n}\n");
    let [piece] = pieces.as_slice() else { panic!("{pieces:?}") };
    let error = parse_for_panel(&piece.text, &rubric).map(|_| ()).unwrap_err().to_string();
    assert!(error.ends_with("at line 4 column 12)"), "{error}");
    assert_eq!(piece.locate(error.clone()), error);
    // Without blank lines before it, the text's lines are the file's: as they were.
    let piece = &split_input("a.json", "{\n \"format\": x\n}\n")[0];
    let error = parse_for_panel(&piece.text, &rubric).map(|_| ()).unwrap_err().to_string();
    assert_eq!(piece.locate(error.clone()), error);
    assert!(error.contains("at line 2 column 12"), "{error}");
    // Review of the cli2 fixes: a list that does not read, after blank lines, names the text's
    // line too; one of one line said "at column 13" alone, a longer one counted from its "[".
    for (text, want) in
        [("\n\n[{\"format\": x}]\n", "at line 3 column 13)"), ("\n\n[\n{\"format\": x}]", "at line 4 column 12)")]
    {
        let pieces = split_input("a.json", text);
        let [piece] = pieces.as_slice() else { panic!("{pieces:?}") };
        let error = parse_for_panel(&piece.text, &rubric).map(|_| ()).unwrap_err().to_string();
        assert!(error.ends_with(want), "{text:?}: {error}");
    }
}
