//! The scorecard document: what is accepted, what is refused and with which message.

use scorecard::core::scorecard::{
    bidi_balanced, bidi_isolate, clip, is_date_time, is_iso_date, Rating, RatingEntry, Ratings, Scorecard,
    MAX_OBSERVATIONS, MAX_TEXT_CHARS,
};
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
    check(
        r#"{"format":"interview-scorecard","version":1,"ratings":{"business_impact":{"level":"not_assessed"}}}"#,
        Ok(0),
    );
    check(
        r#"{"format":"interview-scorecard","version":1,"candidate":"Ada","ratings":{"business_impact":{"note":"only a note"}}}"#,
        Ok(1),
    );
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
    let doc = format!(
        r#"{{"format":"interview-scorecard","version":1,"ratings":{{"business_impact":{{"note":"{long}"}}}}}}"#
    );
    check(&doc, Err("ratings.business_impact.note: 10001 characters; the limit is 10000"));
    let many: Vec<String> = (0..=MAX_OBSERVATIONS).map(|i| format!(r#"{{"text":"n{i}"}}"#)).collect();
    let doc =
        format!(r#"{{"format":"interview-scorecard","version":1,"ratings":{{}},"observations":[{}]}}"#, many.join(","));
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
    card.ratings.insert(
        "technical_expertise".into(),
        scorecard::core::RatingEntry {
            level: Rating::Exceeds,
            note: "</script><script>alert(1)</script>\u{202e}".into(),
            ..Default::default()
        },
    );
    card.observations.push(scorecard::core::Observation {
        id: "o1".into(),
        text: "Ran the weekly sync".into(),
        capability: Some("project_ownership".into()),
        level: Rating::Meets,
        source: Default::default(),
    });
    card.submitted_at = Some("2026-11-25T10:00:00.000Z".into());
    let again = Scorecard::from_json(&card.to_json(), &r).expect("round trip");
    assert_eq!(again, card);
}

#[test]
fn dates_must_exist() {
    for date in
        ["2024-02-29", "2000-02-29", "2023-02-28", "2026-01-31", "2026-04-30", "2026-12-31", "1999-11-30", "0000-02-29"]
    {
        assert!(is_iso_date(date), "{date}");
    }
    for date in [
        "2026-02-30",
        "2023-02-29",
        "1900-02-29",
        "2100-02-29",
        "2026-04-31",
        "2026-06-31",
        "2026-09-31",
        "2026-11-31",
        "2026-00-10",
        "2026-13-01",
        "2026-01-00",
        "2026-01-32",
        "2026-1-01",
        "2026/01/01",
        "+026-01-01",
        "2026-01-01 ",
        "２０２６-01-01",
    ] {
        assert!(!is_iso_date(date), "{date}");
    }
    check(
        r#"{"format":"interview-scorecard","version":1,"ratings":{},"interview":{"date":"2026-02-30"}}"#,
        Err("interview.date: expected a day of the calendar, found \"2026-02-30\""),
    );
    // The form, but a month that is none, is no day either; a date not in the form says the form.
    for (date, message) in [
        ("2026-13-01", "interview.date: expected a day of the calendar, found \"2026-13-01\""),
        ("2026-1-01", "interview.date: expected YYYY-MM-DD, found \"2026-1-01\""),
        ("2026/01/01", "interview.date: expected YYYY-MM-DD, found \"2026/01/01\""),
        ("２０２６-01-01", "interview.date: expected YYYY-MM-DD, found \"２０２６-01-01\""),
    ] {
        let doc =
            format!(r#"{{"format":"interview-scorecard","version":1,"ratings":{{}},"interview":{{"date":"{date}"}}}}"#);
        check(&doc, Err(message));
    }
    check(r#"{"format":"interview-scorecard","version":1,"ratings":{},"interview":{"date":"2024-02-29"}}"#, Ok(0));
}

#[test]
fn submitted_at_must_be_a_whole_iso_time() {
    // What the widget writes (JavaScript's `toISOString`), the other forms RFC 3339 allows, and
    // what earlier documents may hold (a bare date, a time without an offset).
    for time in [
        "2026-11-25T20:16:32.123Z",
        "2024-05-01T15:00:00Z",
        "2024-05-01T10:00:00+02:00",
        "2024-05-01T10:00:00-11:30",
        "2016-12-31T23:59:60Z",
        "2024-02-29T00:00:00.000000001+00:00",
        "2024-05-01T23:59:59.5-23:59",
        "2024-05-01",
        "2024-05-01T10:00:00",
        "2024-05-01T10:00:00.5",
    ] {
        assert!(is_date_time(time), "{time}");
        let doc = format!(r#"{{"format":"interview-scorecard","version":1,"ratings":{{}},"submitted_at":"{time}"}}"#);
        assert_eq!(Scorecard::from_json(&doc, &rubric()).unwrap().submitted_at.as_deref(), Some(time));
    }
    for time in [
        "2024-02-30T25:61:99Z",
        "2024-05-01T10:00:00+99:99",
        "2024-05-01<script>alert(1)</script> lol",
        "2024-02-30",
        "2024-05-01T",
        "2024-05-01T24:00:00Z",
        "2024-05-01T10:60:00Z",
        "2024-05-01T10:00:61Z",
        "2024-05-01T10:00:00.Z",
        "2024-05-01T10:00:00+0200",
        "2024-05-01T10:00:00+24:00",
        "2024-05-01T10:00:00+02:60",
        "2024-05-01 10:00:00Z",
        "2024-05-01t10:00:00z",
        "2024-05-01T10:00:00ZZ",
        "2024-05-01T10:00:00Z ",
        "2023-02-29T10:00:00Z",
        "2024-05-01T1:00:00Z",
        "2024-05-01T10:00",
    ] {
        assert!(!is_date_time(time), "{time}");
        let doc = format!(r#"{{"format":"interview-scorecard","version":1,"ratings":{{}},"submitted_at":"{time}"}}"#);
        check(
            &doc,
            Err(&format!(
                "submitted_at: expected an ISO-8601 time such as 2024-05-01T14:00:00Z, found \"{}\"",
                clip(time)
            )),
        );
    }
    check(r#"{"format":"interview-scorecard","version":1,"ratings":{},"submitted_at":""}"#, Ok(0));
    check(r#"{"format":"interview-scorecard","version":1,"ratings":{},"submitted_at":null}"#, Ok(0));
    // Within the 64-character limit whatever its fraction.
    let long = format!("2024-05-01T10:00:00.{}Z", "0".repeat(44));
    assert_eq!(long.len(), 65);
    check(
        &format!(r#"{{"format":"interview-scorecard","version":1,"ratings":{{}},"submitted_at":"{long}"}}"#),
        Err(&format!(
            "submitted_at: expected an ISO-8601 time such as 2024-05-01T14:00:00Z, found \"{}\"",
            clip(&long)
        )),
    );
}

/// A document with two ratings of one capability is refused: it must not silently lose one.
#[test]
fn a_duplicate_key_is_refused_not_resolved() {
    let doc = "{\"format\":\"interview-scorecard\",\"version\":1,\"ratings\":{\n\"technical_expertise\":{\"level\":\"exceeds\"},\n\"technical_expertise\":{\"level\":\"needs_improvement\"}}}";
    check(doc, Err("not JSON: duplicate key \"technical_expertise\" at line 3 column 1"));
    let doc = r#"{"format":"interview-scorecard","version":1,"ratings":{"business_impact":{"level":"meets","level":"exceeds"}}}"#;
    check(doc, Err("not JSON: duplicate key \"level\" at line 1 column 91"));
}

/// Quoted user text is cut to 60 characters with its control characters escaped: an escape
/// sequence, a NUL or a line break in a level name must not reach a terminal or split a line.
#[test]
fn quoted_user_text_is_clipped_and_escaped() {
    assert_eq!(clip("plain é 🚀"), "plain é 🚀");
    assert_eq!(
        clip("\u{1b}[31mred\u{1b}[0m\0\n\r\t\u{7f}\u{9b}"),
        "\\u001b[31mred\\u001b[0m\\u0000\\u000a\\u000d\\u0009\\u007f\\u009b"
    );
    // Bidirectional overrides and isolates would show the quoted text reordered, zero-width
    // characters and a byte-order mark would hide that it differs from what it looks like.
    assert_eq!(clip("evil\u{202e}txt.exe\u{2066}x\u{2069}"), "evil\\u202etxt.exe\\u2066x\\u2069");
    assert_eq!(clip("a\u{200b}b\u{200d}c\u{feff}d\u{061c}e\u{2060}"), "a\\u200bb\\u200dc\\ufeffd\\u061ce\\u2060");
    // Line and paragraph separators break a line as surely as a line feed.
    assert_eq!(clip("one\u{2028}two\u{2029}three\u{ad}"), "one\\u2028two\\u2029three\\u00ad");
    // Visible characters near those ranges stay as they are.
    assert_eq!(clip("\u{2010}\u{2030}\u{2070}"), "\u{2010}\u{2030}\u{2070}");
    assert_eq!(clip(&"y".repeat(61)), format!("{}…", "y".repeat(60)));
    assert_eq!(clip(&format!("{}\u{1b}", "y".repeat(59))), format!("{}\\u001b", "y".repeat(59)));
    check(
        r#"{"format":"interview-scorecard","version":1,"ratings":{"business_impact":{"level":"\u001b[2J\u0000great\n"}}}"#,
        Err("ratings.business_impact.level: unknown level \"\\u001b[2J\\u0000great\\u000a\"; expected needs_improvement, meets, exceeds or not_assessed"),
    );
    let err = Scorecard::from_json(
        r#"{"format":"interview-scorecard","version":1,"ratings":{"\u001b]0;x\u0007":{}}}"#,
        &rubric(),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.starts_with("ratings.\\u001b]0;x\\u0007: unknown capability") && !err.chars().any(char::is_control),
        "{err}"
    );
}

/// Names set among other words are isolated only when they could reorder them, with their own
/// isolates balanced: a stray U+2069 would close the isolate around the name, an isolate left
/// open would run past it, a paragraph separator would end both.
#[test]
fn names_are_isolated_with_their_isolates_balanced() {
    assert_eq!(bidi_isolate("Ada Byron"), "Ada Byron");
    assert_eq!(bidi_isolate("Ada \u{202e}RTL"), "\u{2068}Ada \u{202e}RTL\u{2069}");
    assert_eq!(bidi_isolate("\u{5e9}\u{5dc}\u{5d5}\u{5dd}.json"), "\u{2068}\u{5e9}\u{5dc}\u{5d5}\u{5dd}.json\u{2069}");
    assert_eq!(bidi_isolate("Wes \u{2069}\u{202e}Stray"), "\u{2068}Wes \u{202e}Stray\u{2069}");
    assert_eq!(bidi_balanced("a\u{2067}b\u{2069}\u{2069}c\u{2066}d"), "a\u{2067}b\u{2069}c\u{2066}d\u{2069}");
    assert_eq!(bidi_balanced("one\u{2029}two\nthree"), "one two three");
    assert!(matches!(bidi_balanced("plain \u{202e}override"), std::borrow::Cow::Borrowed(_)));
}

/// A whole number written with a zero fraction (`1.0`, `1e0`) is the same number: JSON Schema's
/// `"type": "integer"` (the schema's `version` and `rubric.version`) accepts it, and so does the
/// code. A fraction, a negative number, or a number out of range is still refused.
#[test]
fn whole_numbers_may_be_written_with_a_zero_fraction() {
    use scorecard::core::scorecard::whole_number;
    let doc = |version: &str, rubric_version: &str| {
        format!(
            r#"{{"format":"interview-scorecard","version":{version},"rubric":{{"version":{rubric_version}}},"ratings":{{"business_impact":{{"level":"meets"}}}}}}"#
        )
    };
    for (version, rubric_version) in
        [("1", "3"), ("1.0", "3.0"), ("1e0", "3e0"), ("10e-1", "0.3e1"), ("1.000", "0"), ("1.0", "-0.0")]
    {
        let text = doc(version, rubric_version);
        let card = Scorecard::from_json(&text, &rubric()).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(card.version, 1, "{text}");
        assert_eq!(card.rubric.version, rubric_version.parse::<f64>().unwrap() as u32, "{text}");
        // Every import path (which migrates first) reads it too, and writes it back as 1.
        let imported =
            scorecard::core::interchange::import_json(&text, &rubric()).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(imported, card);
        assert_eq!(imported.to_value()["version"], serde_json::json!(1));
    }
    for (version, rubric_version, message) in [
        ("1.5", "3", "version: expected a whole number from 0, found 1.5"),
        ("-1.0", "3", "version: expected a whole number from 0, found -1.0"),
        ("-1", "3", "version: expected a whole number from 0, found -1"),
        ("0.5e0", "3", "version: expected a whole number from 0, found 0.5"),
        ("1e400", "3", "not JSON: number out of range at line 1 column 47"),
        (
            "2.0",
            "3",
            "version: version 2 was written by a newer Scorecard; this one reads versions 1 to 1. Open it with a Scorecard release that reads version 2.",
        ),
        ("1", "2.5", "rubric.version: expected a whole number, found a number"),
        ("1", "-3.0", "rubric.version: expected a whole number, found a number"),
        ("1", "5e9", "rubric.version: expected a whole number, found a number"),
        ("1", "\"3\"", "rubric.version: expected a whole number, found a string"),
    ] {
        check(&doc(version, rubric_version), Err(message));
    }
    let n = |text: &str| whole_number(&serde_json::from_str(text).unwrap());
    assert_eq!(n("18446744073709551615"), Some(u64::MAX));
    assert_eq!(n("1.8e19"), Some(18_000_000_000_000_000_000));
    assert_eq!(n("1.8446744073709552e19"), None, "2^64 is beyond u64");
    assert_eq!(n("0.1e1"), Some(1));
    assert_eq!(n("1e-300"), None);
}

/// Observations without an id get one that no other observation of the document holds: a
/// schema-valid mix of given and missing ids is read, not refused as a duplicate.
#[test]
fn made_up_observation_ids_never_take_a_given_one() {
    let r = rubric();
    let doc =
        |obs: &str| format!(r#"{{"format":"interview-scorecard","version":1,"ratings":{{}},"observations":{obs}}}"#);
    let card = Scorecard::from_json(&doc(r#"[{"text":"a"},{"id":"o1","text":"b"}]"#), &r).unwrap();
    assert_eq!(card.observations.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(), ["o2", "o1"]);
    let card = Scorecard::from_json(&doc(r#"[{"id":"o2","text":"a"},{"text":"b"},{"text":"c"}]"#), &r).unwrap();
    assert_eq!(card.observations.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(), ["o2", "o3", "o4"]);
    // Two given ids that are the same are still refused.
    let e = Scorecard::from_json(&doc(r#"[{"id":"x","text":"a"},{"id":"x","text":"b"}]"#), &r).unwrap_err();
    assert!(e.to_string().contains("duplicate observation id"), "{e}");
}

/// A numeric id reads the same however the number is written: 1042, 1042.0 and 1.042e3 are one
/// candidate.
#[test]
fn numeric_ids_read_the_same_however_they_are_written() {
    let r = rubric();
    for id in ["1042", "1042.0", "1.042e3"] {
        let card = Scorecard::from_json(
            &format!(r#"{{"format":"interview-scorecard","version":1,"ratings":{{}},"candidate":{{"id":{id}}}}}"#),
            &r,
        )
        .unwrap();
        assert_eq!(card.candidate.id, "1042", "{id}");
    }
}

#[test]
fn a_minimal_document_keeps_what_the_open_card_says_of_whom_and_when() {
    let open = Scorecard::from_json(
        r#"{"format":"interview-scorecard","version":1,"candidate":{"name":"Ada"},"interviewer":{"id":"u7","name":"Grace"},
            "interview":{"step":"System design","date":"2026-11-26"},"ratings":{"business_impact":{"level":"meets"}}}"#,
        &rubric(),
    )
    .unwrap();
    // Nothing said of whom or when: all of it is the open card's; its ratings are not.
    let mut card = Scorecard::from_json(
        r#"{"format":"interview-scorecard","version":1,"ratings":{"technical_expertise":{"level":"exceeds"}}}"#,
        &rubric(),
    )
    .unwrap();
    card.fill_missing_from(&open);
    assert_eq!(
        (&card.candidate, &card.interviewer, &card.interview),
        (&open.candidate, &open.interviewer, &open.interview)
    );
    assert_eq!(card.ratings.keys().collect::<Vec<_>>(), ["technical_expertise"]);
    // What the document does say stays: a candidate by id only is named, a step without a date
    // takes only the date.
    let mut card = Scorecard::from_json(
        r#"{"format":"interview-scorecard","version":1,"candidate":{"id":"c-42"},"interview":{"step":"Coding"},"ratings":{}}"#,
        &rubric(),
    )
    .unwrap();
    card.fill_missing_from(&open);
    assert_eq!((card.candidate.id.as_str(), card.candidate.name.as_str()), ("c-42", ""));
    assert_eq!((card.interview.step.as_str(), card.interview.date.as_str()), ("Coding", "2026-11-26"));
    assert_eq!(card.interviewer, open.interviewer);
    // A date the document gives is never replaced.
    let mut card = Scorecard::from_json(
        r#"{"format":"interview-scorecard","version":1,"interview":{"date":"2026-01-02"},"ratings":{}}"#,
        &rubric(),
    )
    .unwrap();
    card.fill_missing_from(&open);
    assert_eq!((card.interview.step.as_str(), card.interview.date.as_str()), ("System design", "2026-01-02"));
    // Names and a step of spaces only name nobody: the open card's are kept, as for none.
    let mut card = Scorecard::from_json(
        r#"{"format":"interview-scorecard","version":1,"candidate":{"name":"   "},"interviewer":{"id":" ","name":"\t"},"interview":{"step":"  "},"ratings":{}}"#,
        &rubric(),
    )
    .unwrap();
    assert_eq!((card.candidate.key(), card.interviewer.key()), ("", ""));
    card.fill_missing_from(&open);
    assert_eq!(
        (&card.candidate, &card.interviewer, card.interview.step.as_str()),
        (&open.candidate, &open.interviewer, "System design")
    );
    // The key leaves out the spaces around a name: "Ada " and "Ada" are one person.
    let ada = |name: &str| scorecard::core::scorecard::Person { id: String::new(), name: name.into() };
    assert_eq!(ada(" Ada Lovelace ").key(), ada("Ada Lovelace").key());
}

/// `Ratings` is a map kept as a sorted list: lookups, replacement, removal and the order of its
/// entries must be a map's, and it reads and writes as a JSON object.
#[test]
fn ratings_behave_as_a_sorted_map() {
    let e = |level| RatingEntry { level, note: String::new(), ..Default::default() };
    let mut r: Ratings = [
        ("b".to_string(), e(Rating::Meets)),
        ("a".into(), e(Rating::Exceeds)),
        ("b".into(), e(Rating::NeedsImprovement)),
    ]
    .into_iter()
    .collect();
    assert_eq!(r.keys().collect::<Vec<_>>(), ["a", "b"], "sorted, and a later entry replaces an earlier one");
    assert_eq!(r.get("b").map(|x| x.level), Some(Rating::NeedsImprovement));
    assert_eq!(r.insert("b".into(), e(Rating::Meets)).map(|x| x.level), Some(Rating::NeedsImprovement));
    assert_eq!(r.insert("ab".into(), e(Rating::Meets)), None);
    r.slot("0").note = "first".into();
    r.slot("ab").note = "kept".into();
    assert_eq!(r.keys().collect::<Vec<_>>(), ["0", "a", "ab", "b"]);
    assert_eq!((r.get("ab").map(|x| (x.level, x.note.as_str()))), Some((Rating::Meets, "kept")));
    assert_eq!(r.remove("a").map(|x| x.level), Some(Rating::Exceeds));
    assert_eq!(r.remove("a"), None);
    assert_eq!((r.len(), r.get("zz")), (3, None));
    assert_eq!(format!("{r:?}").matches(": RatingEntry").count(), 3, "{r:?}");

    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(
        json.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()),
        Some(vec!["0".into(), "ab".into(), "b".into()])
    );
    assert_eq!(serde_json::from_value::<Ratings>(json).unwrap(), r);
}

/// A rating drafted from observations and not confirmed stays drafted through the file: it is
/// read and written as `"drafted": true`, and a submitted scorecard may hold none, or a committee
/// would count the classifier's level as the interviewer's.
#[test]
fn drafted_ratings_survive_the_file_and_never_in_a_submitted_card() {
    let doc = |submitted: &str, drafted: &str| {
        format!(
            r#"{{"format":"interview-scorecard","version":1,{submitted}"ratings":{{"technical_expertise":{{"level":"meets","drafted":{drafted}}},"business_impact":{{"level":"exceeds"}}}}}}"#
        )
    };
    let card = Scorecard::from_json(&doc("", "true"), &rubric()).unwrap();
    assert!(card.ratings.get("technical_expertise").unwrap().drafted);
    assert!(!card.ratings.get("business_impact").unwrap().drafted);
    let written = card.to_json();
    assert_eq!(
        written.matches("\"drafted\": true").count() + written.matches("\"drafted\":true").count(),
        1,
        "{written}"
    );
    assert_eq!(Scorecard::from_json(&written, &rubric()).unwrap(), card);
    for (submitted, drafted) in [("", "false"), ("", "null"), (r#""submitted_at":"2026-11-20T10:00:00Z","#, "false")] {
        assert!(Scorecard::from_json(&doc(submitted, drafted), &rubric())
            .unwrap()
            .ratings
            .iter()
            .all(|(_, e)| !e.drafted));
    }
    check(&doc(r#""submitted_at":"2026-11-20T10:00:00Z","#, "true"),
        Err("ratings.technical_expertise.drafted: a submitted scorecard holds no drafted rating: confirm it (remove \"drafted\") or remove submitted_at"));
    check(&doc("", "\"yes\""), Err("ratings.technical_expertise.drafted: expected true or false, found a string"));
    // Nothing drafted in a rating that is not assessed.
    let unrated = r#"{"format":"interview-scorecard","version":1,"ratings":{"technical_expertise":{"level":"not_assessed","note":"n","drafted":true}}}"#;
    assert!(!Scorecard::from_json(unrated, &rubric()).unwrap().ratings.get("technical_expertise").unwrap().drafted);
}

/// A pasted list of notes is read as its items (QA M9); a note over several lines without
/// markers, or a single item, is one note.
#[test]
fn a_list_of_notes_is_read_as_its_items() {
    use scorecard::core::notes::list_items;
    let qa = "- Asked about expected QPS before designing\n- Needed two hints on cache staleness\n- Mentors two juniors weekly\n- Missed the billing deadline by a month";
    assert_eq!(
        list_items(qa),
        [
            "Asked about expected QPS before designing",
            "Needed two hints on cache staleness",
            "Mentors two juniors weekly",
            "Missed the billing deadline by a month"
        ]
    );
    assert_eq!(list_items("* One\r\n\r\n  * Two  \n"), ["One", "Two"], "CRLF, blank lines and indentation");
    assert_eq!(list_items("• Led the sync\n• Kept a risk log"), ["Led the sync", "Kept a risk log"]);
    assert_eq!(
        list_items("1. Led the sync\n2) Kept a risk log\n10. Shipped"),
        ["Led the sync", "Kept a risk log", "Shipped"]
    );
    assert_eq!(
        list_items("- Led the sync across\n  three teams\n- Kept a risk log"),
        ["Led the sync across\nthree teams", "Kept a risk log"],
        "a wrapped line continues its item"
    );
    // Found by the `paste_list` fuzz target: an item began with a line break.
    assert_eq!(
        list_items("1.\n   Led the sync\n2. Kept a risk log"),
        ["Led the sync", "Kept a risk log"],
        "a marker alone on its line"
    );
    // "+ " is no marker here (the command line takes it before a share link, not the widget): a
    // "+ good / - bad" note stays one.
    for one in [
        "",
        "- Only one item",
        "Led the sync\nKept a risk log",
        "She said:\n- one\n- two",
        "-5% latency\n-3% cost",
        "1.5x faster\n2.0x cheaper",
        "- \n- ",
        "1234. no\n5678. no",
        "+ Led the sync\n- Missed the deadline",
    ] {
        assert!(list_items(one).is_empty(), "{one:?} is one note");
    }
    // Never panics, whatever the bytes.
    for s in ["-", "•", "1", "12)", "- é\n– ü", "\n\n", "9)\u{a0}x\n9)\tY"] {
        let _ = list_items(s);
    }
}

/// Each removal is undone in its place, whatever the order (QA M11).
#[test]
fn a_removed_observation_goes_back_in_its_place_in_any_order() {
    use scorecard::core::notes::{forget_slot, removal_slot, restore_index};
    // a b c d e: b removed, then c, then a, then e.
    let mut card = vec!["a", "b", "c", "d", "e"];
    let mut removed: Vec<(&str, usize)> = Vec::new();
    for gone in ["b", "c", "a", "e"] {
        let i = card.iter().position(|x| *x == gone).unwrap();
        card.remove(i);
        let slots: Vec<usize> = removed.iter().map(|r| r.1).collect();
        removed.push((gone, removal_slot(i, &slots)));
    }
    assert_eq!(removed, [("b", 1), ("c", 2), ("a", 0), ("e", 4)], "each at its place in a b c d e");
    // Undone in another order: each back in its place.
    for back in ["b", "e", "a", "c"] {
        let at = removed.iter().position(|r| r.0 == back).unwrap();
        let (_, slot) = removed.remove(at);
        let slots: Vec<usize> = removed.iter().map(|r| r.1).collect();
        card.insert(restore_index(slot, &slots, card.len()), back);
    }
    assert_eq!(card, ["a", "b", "c", "d", "e"]);
    // An observation of the card stands after the removals before it.
    assert_eq!(removal_slot(1, &[0, 1]), 3);
    assert_eq!(removal_slot(0, &[2]), 0);
    // One added after a removal at the end goes after it.
    assert_eq!(restore_index(4, &[], 5), 4);
    assert_eq!(restore_index(9, &[], 2), 2, "never past the end");
    // The oldest forgotten: those after it move up.
    let mut slots = [3, 1, 5];
    forget_slot(2, &mut slots);
    assert_eq!(slots, [2, 1, 4]);
}
