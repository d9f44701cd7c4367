//! The scorecard document: what is accepted, what is refused and with which message.

use scorecard::core::scorecard::{Rating, Scorecard, MAX_OBSERVATIONS, MAX_TEXT_CHARS};
use scorecard::core::Rubric;

fn rubric() -> Rubric {
    Rubric::default_rubric().unwrap()
}

/// Parses `input`; `expected` is `Ok(n)` for a valid document with n ratings, or `Err(message)`
/// for the exact error text.
fn check(input: &str, expected: Result<usize, &str>) {
    let got = Scorecard::from_json(input, &rubric()).map(|c| c.ratings.len()).map_err(|e| e.to_string());
    match (&got, &expected) {
        (Ok(n), Ok(m)) => assert_eq!(n, m, "{input}"),
        (Err(e), Err(m)) => assert_eq!(e, m, "{input}"),
        _ => panic!("for {input}\n expected {expected:?}\n got {got:?}"),
    }
}

#[test]
fn minimal_hand_written_files_work() {
    check(r#"{"format":"interview-scorecard","version":1,"ratings":{}}"#, Ok(0));
    check(r#"{"format":"interview-scorecard","version":1,"ratings":{"business_impact":{"level":"meets"}}}"#, Ok(1));
    check(r#"{"format":"interview-scorecard","version":1,"ratings":{"business_impact":{"level":"not_assessed"}}}"#, Ok(0));
    check(r#"{"format":"interview-scorecard","version":1,"candidate":"Ada","ratings":{"business_impact":{"note":"only a note"}}}"#, Ok(1));
}

#[test]
fn bad_documents_name_the_field() {
    let cases: &[(&str, &str)] = &[
        ("[]", "expected a JSON object, found a list"),
        ("{", "not JSON: EOF while parsing an object at line 1 column 1"),
        (r#"{"version":1,"ratings":{}}"#, "format: missing; expected \"interview-scorecard\""),
        (r#"{"format":"greenhouse","version":1,"ratings":{}}"#, "format: expected \"interview-scorecard\", found \"greenhouse\""),
        (r#"{"format":"interview-scorecard","ratings":{}}"#, "version: missing; expected a number such as 1"),
        (r#"{"format":"interview-scorecard","version":"1","ratings":{}}"#, "version: expected a number, found a string"),
        (
            r#"{"format":"interview-scorecard","version":7,"ratings":{}}"#,
            "version: version 7 was written by a newer Scorecard; this one reads versions 1 to 1. Open it with a Scorecard release that reads version 7.",
        ),
        (r#"{"format":"interview-scorecard","version":1}"#, "ratings: missing; expected an object keyed by capability id"),
        (r#"{"format":"interview-scorecard","version":1,"ratings":[]}"#, "ratings: expected an object keyed by capability id, found a list"),
        (
            r#"{"format":"interview-scorecard","version":1,"ratings":{"coding":{"level":"meets"}}}"#,
            "ratings.coding: unknown capability; expected one of technical_expertise, project_ownership, business_impact, communication_collaboration, mentorship_support, leadership_process",
        ),
        (
            r#"{"format":"interview-scorecard","version":1,"ratings":{"business_impact":{"level":"great"}}}"#,
            "ratings.business_impact.level: unknown level \"great\"; expected needs_improvement, meets, exceeds or not_assessed",
        ),
        (r#"{"format":"interview-scorecard","version":1,"ratings":{"business_impact":"meets"}}"#, "ratings.business_impact: expected an object {\"level\": ..., \"note\": ...}, found a string"),
        (r#"{"format":"interview-scorecard","version":1,"ratings":{"business_impact":{"level":3}}}"#, "ratings.business_impact.level: expected a string, found a number"),
        (r#"{"format":"interview-scorecard","version":1,"ratings":{"business_impact":{"note":true}}}"#, "ratings.business_impact.note: expected a string, found a boolean"),
        (r#"{"format":"interview-scorecard","version":1,"ratings":{},"observations":{}}"#, "observations: expected a list, found an object"),
        (r#"{"format":"interview-scorecard","version":1,"ratings":{},"observations":[{"text":""}]}"#, "observations[0].text: missing; an observation needs its text"),
        (
            r#"{"format":"interview-scorecard","version":1,"ratings":{},"observations":[{"id":"a","text":"x"},{"id":"a","text":"y"}]}"#,
            "observations[1].id: duplicate observation id \"a\"",
        ),
        (r#"{"format":"interview-scorecard","version":1,"ratings":{},"observations":[{"text":"x","capability":"vibes"}]}"#, "observations[0].capability: unknown capability \"vibes\""),
        (r#"{"format":"interview-scorecard","version":1,"ratings":{},"interview":{"date":"yesterday"}}"#, "interview.date: expected YYYY-MM-DD, found \"yesterday\""),
        (r#"{"format":"interview-scorecard","version":1,"ratings":{},"rubric":{"id":"l7-principal"}}"#, "rubric.id: this scorecard was made against rubric \"l7-principal\", not \"l4-senior-software-engineer\""),
        (r#"{"format":"interview-scorecard","version":1,"ratings":{},"submitted_at":42}"#, "submitted_at: expected a string or null, found a number"),
        (r#"{"format":"interview-scorecard","version":1,"ratings":{},"candidate":[1]}"#, "candidate: expected an object {\"id\", \"name\"} or a name, found a list"),
    ];
    for (input, message) in cases {
        check(input, Err(message));
    }
}

#[test]
fn absurd_sizes_are_refused_not_truncated() {
    let long = "x".repeat(MAX_TEXT_CHARS + 1);
    let doc = format!(r#"{{"format":"interview-scorecard","version":1,"ratings":{{"business_impact":{{"note":"{long}"}}}}}}"#);
    check(&doc, Err("ratings.business_impact.note: 10001 characters; the limit is 10000"));
    let many: Vec<String> = (0..=MAX_OBSERVATIONS).map(|i| format!(r#"{{"text":"n{i}"}}"#)).collect();
    let doc = format!(r#"{{"format":"interview-scorecard","version":1,"ratings":{{}},"observations":[{}]}}"#, many.join(","));
    check(&doc, Err("observations: 501 observations; the limit is 500"));
    let deep = "[".repeat(100_000);
    assert!(Scorecard::from_json(&deep, &rubric()).is_err(), "deep nesting is an error, not a stack overflow");
}

#[test]
fn hostile_text_is_kept_as_text_and_round_trips() {
    let r = rubric();
    let mut card = Scorecard::new(&r);
    card.candidate.name = "<img src=x onerror=alert(1)> Zoë 🚀".into();
    card.interviewer.id = "E-42".into();
    card.interview.step = "System design \"final\"".into();
    card.interview.date = "2026-11-25".into();
    card.ratings.insert("technical_expertise".into(), scorecard::core::RatingEntry { level: Rating::Exceeds, note: "</script><script>alert(1)</script>\u{202e}".into() });
    card.observations.push(scorecard::core::Observation { id: "o1".into(), text: "Ran the weekly sync".into(), capability: Some("project_ownership".into()), level: Rating::Meets, source: Default::default() });
    card.submitted_at = Some("2026-11-25T10:00:00.000Z".into());
    let again = Scorecard::from_json(&card.to_json(), &r).expect("round trip");
    assert_eq!(again, card);
}
