//! Interchange: scorecard JSON, Greenhouse, Markdown, share links, migration, the bad-input
//! corpus in tests/bad_inputs/, and the JSON Schema in schema/. Cases are data, each concern
//! through one helper.

use std::path::{Path, PathBuf};

use scorecard::core::interchange::greenhouse::{html_blocks, match_attribute, GhRating};
use scorecard::core::interchange::link::{base64url_decode, base64url_encode, decode_link_json, MAX_LINK_INPUT_CHARS};
use scorecard::core::interchange::markdown::escape_line;
use scorecard::core::interchange::{
    decode_link, detect, encode_link, encode_link_url, export_greenhouse, export_json, export_markdown, import_auto,
    import_greenhouse, import_json, migrate, text_bias_risk, BiasLeftOut, Format, ImportError, LinkError, MatchKind,
    MAX_LINK_CHARS,
};
use scorecard::core::scorecard::{
    Interview, Person, RubricRef, TagSource, FORMAT, MAX_DOCUMENT_BYTES, MAX_FIELD_CHARS, MAX_OBSERVATIONS,
    MAX_TEXT_CHARS, VERSION,
};
use scorecard::core::{recommend, Observation, Rating, RatingEntry, Rubric, Scorecard};
use serde_json::{json, Value};

use crate::support::{validate, Rng};

fn rubric() -> Rubric {
    Rubric::default_rubric().expect("the embedded rubric is valid")
}

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

// ---------------------------------------------------------------------------------------------
// Sample documents.

/// Texts that stress escaping and encoding: Unicode, HTML and script, Markdown syntax, quotes.
const TEXTS: &[&str] = &[
    "Designed the cache layer and explained the eviction trade-offs.",
    "Zoë Ñúñez walked through the rollout plan — calmly.",
    "李小龙 asked about failure modes first; 很好.",
    "مريم قادت مراجعة التصميم",
    "🦀 Rust & <b>bold</b> claims about ownership",
    "<script>alert('x')</script>",
    "[click me](javascript:alert(1)) and ![img](http://evil.example/x.png)",
    "<img src=x onerror=alert(1)>",
    "# Not a heading\n- not a list\n1. not numbered",
    "quote \" and backslash \\ and `code` and *stars* and _under_",
    "&amp; &lt;b&gt; entities stay text",
    "tab\tseparated | pipes | here ~~strike~~",
    "a\u{7}bell and \u{200b}zero width",
    "Multi-line note\nsecond line\n\nthird after a blank",
    "https://example.com/should-not-become-a-hidden-link",
    "   padded with spaces   ",
    "===",
];

/// One of the sample texts, picked by the generator.
fn sample_text(rng: &mut Rng) -> String {
    TEXTS[rng.below(TEXTS.len())].to_string()
}

/// `n` valid scorecards: the first few hand-made (empty, full, hostile), the rest generated.
fn sample_cards(n: usize) -> Vec<Scorecard> {
    let rubric = rubric();
    let mut cards = vec![Scorecard::new(&rubric)];
    let mut full = Scorecard::new(&rubric);
    full.candidate = Person { id: "4711".into(), name: "Zoë Ñúñez".into() };
    full.interviewer = Person { id: "emp-9".into(), name: "Grace Brewster Hopper".into() };
    full.interview = Interview { step: "System design".into(), date: "2024-05-01".into() };
    full.submitted_at = Some("2024-05-01T15:30:00Z".into());
    for (i, cap) in rubric.capabilities.iter().enumerate() {
        let level = Rating::ALL[i % 4];
        full.ratings.insert(cap.id.clone(), RatingEntry { level, note: TEXTS[i].to_string(), ..Default::default() });
        full.observations.push(Observation {
            id: format!("o{}", i + 1),
            text: TEXTS[i + 4].to_string(),
            capability: Some(cap.id.clone()),
            level: Rating::LEVELS[i % 3],
            source: if i % 2 == 0 { TagSource::Interviewer } else { TagSource::Suggested },
        });
    }
    full.observations.push(Observation {
        id: "free".into(),
        text: "Untagged <em>remark</em>".into(),
        ..Observation::default()
    });
    cards.push(full);

    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    while cards.len() < n {
        let mut c = Scorecard::new(&rubric);
        if rng.below(2) == 0 {
            c.candidate = Person {
                id: if rng.below(2) == 0 { rng.next().to_string() } else { String::new() },
                name: sample_text(&mut rng).chars().take(40).collect(),
            };
        }
        if rng.below(2) == 0 {
            c.interviewer.name = sample_text(&mut rng).chars().take(40).collect();
        }
        if rng.below(2) == 0 {
            c.interview.step = sample_text(&mut rng).chars().take(60).collect();
            c.interview.date = format!("20{:02}-{:02}-{:02}", rng.below(30), 1 + rng.below(12), 1 + rng.below(28));
        }
        for cap in &rubric.capabilities {
            let level = Rating::ALL[rng.below(4)];
            let note = if rng.below(3) == 0 { String::new() } else { sample_text(&mut rng) };
            if level != Rating::NotAssessed || !note.is_empty() {
                c.ratings.insert(cap.id.clone(), RatingEntry { level, note, ..Default::default() });
            }
        }
        for i in 0..rng.below(8) {
            let tagged = rng.below(3) != 0;
            c.observations.push(Observation {
                id: format!("o{}", i + 1),
                text: sample_text(&mut rng),
                capability: tagged.then(|| rubric.capabilities[rng.below(rubric.capabilities.len())].id.clone()),
                level: if tagged { Rating::ALL[rng.below(4)] } else { Rating::NotAssessed },
                source: if rng.below(2) == 0 { TagSource::Interviewer } else { TagSource::Suggested },
            });
        }
        if rng.below(2) == 0 {
            c.submitted_at = Some("2024-06-30T09:00:00+02:00".into());
        }
        cards.push(c);
    }
    cards
}

// ---------------------------------------------------------------------------------------------
// Scorecard JSON.

#[test]
fn json_export_then_import_gives_the_same_document() {
    let rubric = rubric();
    for (i, card) in sample_cards(300).iter().enumerate() {
        let text = export_json(card);
        let back = import_json(&text, &rubric).unwrap_or_else(|e| panic!("card {i}: {e}\n{text}"));
        assert_eq!(&back, card, "card {i} changed in the round trip");
        assert_eq!(export_json(&back), text, "card {i}: a second export differs");
    }
}

#[test]
fn import_auto_tells_the_formats_apart() {
    let rubric = rubric();
    let card = &sample_cards(2)[1];
    let json_doc = import_auto(&export_json(card), &rubric).expect("scorecard JSON");
    assert_eq!((json_doc.format, &json_doc.card), (Format::Scorecard, card));
    let gh = serde_json::to_string(&export_greenhouse(card, &rubric)).unwrap_or_default();
    let from_gh = import_auto(&gh, &rubric).expect("Greenhouse JSON");
    assert_eq!(from_gh.format, Format::Greenhouse);
    assert_eq!(from_gh.mappings.len(), rubric.capabilities.len());
    let err = detect(&json!({"name": "x"})).expect_err("neither format");
    assert!(err.to_string().contains("neither a scorecard document"), "{err}");
    assert_eq!(detect(&json!([{"attributes": []}])), Ok(Format::Greenhouse));
}

/// Checks that `text` is refused by `import_json` with a message containing `expected`.
fn check_json_error(text: &str, expected: &str) {
    let err = import_json(text, &rubric()).expect_err("must be refused");
    let msg = err.to_string();
    assert!(msg.contains(expected), "message {msg:?} lacks {expected:?}");
}

#[test]
fn limits_are_enforced_with_messages() {
    let big = format!(
        "{{\"format\": \"{FORMAT}\", \"version\": 1, \"ratings\": {{}}, \"pad\": \"{}\"}}",
        "x".repeat(MAX_DOCUMENT_BYTES)
    );
    check_json_error(&big, &format!("document is {} bytes; the limit is {MAX_DOCUMENT_BYTES}", big.len()));
    let note = "n".repeat(MAX_TEXT_CHARS + 1);
    let doc =
        json!({"format": FORMAT, "version": 1, "ratings": {"technical_expertise": {"level": "meets", "note": note}}});
    check_json_error(
        &doc.to_string(),
        &format!("ratings.technical_expertise.note: {} characters; the limit is {MAX_TEXT_CHARS}", MAX_TEXT_CHARS + 1),
    );
    let many: Vec<Value> = (0..=MAX_OBSERVATIONS).map(|i| json!({"id": format!("o{i}"), "text": "seen"})).collect();
    let doc = json!({"format": FORMAT, "version": 1, "ratings": {}, "observations": many});
    check_json_error(
        &doc.to_string(),
        &format!("observations: {} observations; the limit is {MAX_OBSERVATIONS}", MAX_OBSERVATIONS + 1),
    );
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    check_json_error(&deep, "recursion limit exceeded");
    let name = "é".repeat(MAX_FIELD_CHARS + 1);
    let doc = json!({"format": FORMAT, "version": 1, "ratings": {}, "candidate": {"name": name}});
    check_json_error(
        &doc.to_string(),
        &format!("candidate.name: {} characters; the limit is {MAX_FIELD_CHARS}", MAX_FIELD_CHARS + 1),
    );
    // At the limits, documents are accepted.
    let doc = json!({"format": FORMAT, "version": 1, "ratings": {"technical_expertise": {"level": "meets", "note": "ü".repeat(MAX_TEXT_CHARS)}}});
    assert!(import_json(&doc.to_string(), &rubric()).is_ok());
    // A value (a host's `setValue`) or compact text within the limit whose document as this app
    // writes it (a saved draft, a download) is over it is refused: else it is saved and never read
    // back. Each observation is within its own limit; together they are not.
    let observations =
        |n: usize| (0..n).map(|i| json!({"id": format!("o{i}"), "text": "y".repeat(9_000)})).collect::<Vec<Value>>();
    let doc = json!({"format": FORMAT, "version": 1, "ratings": {}, "observations": observations(200)});
    let e = scorecard::core::interchange::read_value(doc, &rubric()).unwrap_err().to_string();
    assert!(
        e.starts_with("document is ")
            && e.ends_with(&format!(" bytes as this app writes it; the limit is {MAX_DOCUMENT_BYTES}")),
        "{e}"
    );
    // The last size whose compact text is within the limit and whose written document is not.
    let over = (100..=116).find(|n| {
        let doc = json!({"format": FORMAT, "version": 1, "ratings": {}, "observations": observations(*n)});
        doc.to_string().len() <= MAX_DOCUMENT_BYTES && import_json(&doc.to_string(), &rubric()).is_err()
    });
    let fits = json!({"format": FORMAT, "version": 1, "ratings": {}, "observations": observations(100)});
    let card = import_json(&fits.to_string(), &rubric()).unwrap();
    assert!(card.to_json().len() <= MAX_DOCUMENT_BYTES);
    assert!(over.is_some(), "no compact document within the limit is over it written out");
}

// ---------------------------------------------------------------------------------------------
// Migration.

/// Checks that a document migrates and imports to the expected card (or error message).
fn check_migration(doc: Value, expected: Result<Scorecard, &str>) {
    let got = import_json(&doc.to_string(), &rubric());
    match (got, expected) {
        (Ok(card), Ok(want)) => assert_eq!(card, want),
        (Err(e), Err(want)) => assert!(e.to_string().contains(want), "message {:?} lacks {want:?}", e.to_string()),
        (got, want) => panic!("for {doc}: got {got:?}, expected {want:?}"),
    }
}

#[test]
fn version_0_drafts_migrate_to_version_1() {
    let rubric = rubric();
    let mut want = Scorecard::new(&rubric);
    want.candidate.name = "Ada Lovelace".into();
    want.interviewer.name = "Grace Hopper".into();
    want.interview = Interview { step: "System design".into(), date: "2024-05-01".into() };
    want.ratings.insert(
        "technical_expertise".into(),
        RatingEntry { level: Rating::Meets, note: "Designed the cache layer.".into(), ..Default::default() },
    );
    want.ratings.insert(
        "business_impact".into(),
        RatingEntry { level: Rating::NotAssessed, note: "Did not come up.".into(), ..Default::default() },
    );
    want.ratings.insert(
        "mentorship_support".into(),
        RatingEntry { level: Rating::Exceeds, note: String::new(), ..Default::default() },
    );
    want.observations.push(Observation {
        id: "o1".into(),
        text: "Asked about failure modes first.".into(),
        ..Observation::default()
    });
    want.observations.push(Observation {
        id: "late".into(),
        text: "Tagged in a late draft".into(),
        capability: Some("technical_expertise".into()),
        level: Rating::Meets,
        source: TagSource::Interviewer,
    });
    let v0 = json!({
        "format": FORMAT, "version": 0, "rubric": "l4-senior-software-engineer",
        "candidate": "Ada Lovelace", "interviewer": "Grace Hopper",
        "step": "System design", "date": "2024-05-01",
        "ratings": {"technical_expertise": "meets", "mentorship_support": "exceeds"},
        "notes": {"technical_expertise": "Designed the cache layer.", "business_impact": "Did not come up."},
        "observations": ["Asked about failure modes first.",
                         {"id": "late", "text": "Tagged in a late draft", "capability": "technical_expertise", "level": "meets", "source": "interviewer"}],
        "submitted_at": null
    });
    check_migration(v0, Ok(want));
    let minimal = Scorecard::new(&rubric);
    check_migration(json!({"format": FORMAT, "version": 0}), Ok(minimal));
    check_migration(
        json!({"format": FORMAT, "version": 0, "ratings": {"technical_expertise": {"level": "meets"}}}),
        Err("(reading a version 0 draft)"),
    );
    check_migration(
        json!({"format": FORMAT, "version": 0, "observations": [3]}),
        Err("observations[0]: expected a string or an object, found a number"),
    );
    check_migration(
        json!({"format": FORMAT, "version": 0, "ratings": {"technical_expertise": "superb"}}),
        Err("unknown level \"superb\""),
    );
    check_migration(json!({"format": FORMAT, "version": 0, "step": 5}), Err("step: expected a string, found a number"));
    check_migration(
        json!({"format": FORMAT, "version": VERSION + 1, "ratings": {}}),
        Err(&format!(
            "version {} was written by a newer Scorecard; this one ({}) reads versions 0 to {VERSION}",
            VERSION + 1,
            env!("CARGO_PKG_VERSION")
        )),
    );
}

#[test]
fn migrate_leaves_current_and_foreign_values_alone() {
    let current = sample_cards(2)[1].to_value();
    assert_eq!(migrate(current.clone()), Ok(current));
    for other in
        [json!([1]), json!({"format": "resume", "version": 0}), json!({"format": FORMAT, "version": "0"}), json!(null)]
    {
        assert_eq!(migrate(other.clone()), Ok(other));
    }
    let err = migrate(json!({"format": FORMAT, "version": 99})).expect_err("newer");
    assert_eq!(err.path, "version");
    assert!(err.message.contains("Open it with a Scorecard release that reads version 99."), "{err}");
}

// ---------------------------------------------------------------------------------------------
// Greenhouse.

/// Checks the rating scale both ways.
fn check_gh_rating(gh: &str, ours: Rating) {
    let r = GhRating::from_id(gh).unwrap_or_else(|| panic!("{gh} is a Greenhouse rating"));
    assert_eq!(r.to_rating(), ours, "{gh}");
}

#[test]
fn greenhouse_rating_scale() {
    for (gh, ours) in [
        ("definitely_not", Rating::NeedsImprovement),
        ("no", Rating::NeedsImprovement),
        ("mixed", Rating::NeedsImprovement),
        ("yes", Rating::Meets),
        ("strong_yes", Rating::Exceeds),
        ("no_decision", Rating::NotAssessed),
    ] {
        check_gh_rating(gh, ours);
    }
    for (ours, gh) in [
        (Rating::NeedsImprovement, "no"),
        (Rating::Meets, "yes"),
        (Rating::Exceeds, "strong_yes"),
        (Rating::NotAssessed, "no_decision"),
    ] {
        assert_eq!(GhRating::from_rating(ours).id(), gh);
        // Every level survives the trip out and back.
        assert_eq!(GhRating::from_rating(ours).to_rating(), ours);
    }
}

/// Checks how an attribute name is matched.
fn check_match(name: &str, capability: Option<&str>, how: MatchKind) {
    let (got, got_how) = match_attribute(name, &rubric());
    assert_eq!((got.as_deref(), got_how), (capability, how), "attribute {name:?}");
}

#[test]
fn attribute_names_match_capabilities() {
    use MatchKind::*;
    for (name, cap, how) in [
        ("Technical Expertise", Some("technical_expertise"), Exact),
        ("technical_expertise", Some("technical_expertise"), Exact),
        ("Communication & Collaboration", Some("communication_collaboration"), Exact),
        ("communication and collaboration", Some("communication_collaboration"), Exact),
        ("LEADERSHIP & PROCESS IMPROVEMENT", Some("leadership_process"), Exact),
        ("Communication", Some("communication_collaboration"), Synonym),
        ("Project Management", Some("project_ownership"), Synonym),
        ("Technical Skills", Some("technical_expertise"), Synonym),
        ("Coding", Some("technical_expertise"), Synonym),
        ("Mentoring", Some("mentorship_support"), Synonym),
        ("Coaching", Some("mentorship_support"), Synonym),
        ("Business Acumen", Some("business_impact"), Synonym),
        ("Product Sense", Some("business_impact"), Synonym),
        ("Leadership", Some("leadership_process"), Synonym),
        ("Process", Some("leadership_process"), Synonym),
        ("Problem Solver", Some("technical_expertise"), Synonym),
        ("Leadership Skills", Some("leadership_process"), Synonym),
        ("Written communication", Some("communication_collaboration"), Similar),
        ("Mentors others", Some("mentorship_support"), Similar),
        ("Ownership & Delivery", Some("project_ownership"), Similar),
        ("Business impact awareness", Some("business_impact"), Similar),
        ("Culture Fit", None, Unmatched),
        ("Technical leadership", None, Unmatched),
        ("", None, Unmatched),
        ("&&&", None, Unmatched),
        ("Überzeugungskraft", None, Unmatched),
    ] {
        check_match(name, cap, how);
    }
}

#[test]
fn greenhouse_export_has_the_harvest_shape() {
    let rubric = rubric();
    let card = &sample_cards(2)[1];
    let gh = export_greenhouse(card, &rubric);
    let attrs = gh["attributes"].as_array().expect("attributes");
    assert_eq!(attrs.len(), rubric.capabilities.len());
    for (a, cap) in attrs.iter().zip(&rubric.capabilities) {
        assert_eq!(a["name"], cap.name.as_str());
        assert_eq!(a["type"], "Skills");
        assert_eq!(a["rating"], GhRating::from_rating(card.rating(&cap.id)).id());
        assert_eq!(a["note"], card.note(&cap.id));
        // The grouping lists each rated attribute under its rating.
        let rating = a["rating"].as_str().unwrap_or("");
        if rating != "no_decision" {
            assert!(gh["ratings"][rating].as_array().is_some_and(|l| l.contains(&a["name"])), "{rating}");
        }
    }
    let keys: Vec<&String> = gh["ratings"].as_object().expect("ratings").keys().collect();
    assert_eq!(keys, ["definitely_not", "mixed", "no", "strong_yes", "yes"]);
    assert_eq!(gh["overall_recommendation"], recommend(&rubric, card).greenhouse.id());
    assert_eq!(gh["interviewer"]["first_name"], "Grace");
    assert_eq!(gh["interviewer"]["last_name"], "Brewster Hopper");
    assert_eq!(gh["interviewer"]["employee_id"], "emp-9");
    assert_eq!(gh["interviewer"]["id"], Value::Null);
    assert_eq!(gh["candidate_id"], 4711);
    assert_eq!(gh["interview"], "System design");
    assert_eq!(gh["interviewed_at"], "2024-05-01T12:00:00Z");
    assert_eq!(gh["submitted_at"], "2024-05-01T15:30:00Z");
    let q = &gh["questions"][0];
    assert_eq!((q["id"].clone(), q["question"].clone()), (Value::Null, json!("Key Take-Aways")));
    let answer = q["answer"].as_str().expect("answer");
    assert!(answer.starts_with("<ul><li>Technical Expertise (Needs Improvement): "), "{answer}");
    // A tag the interviewer has not confirmed is not passed off as theirs; one whose level the
    // classifier cannot tell (its stored level a guess) shows no level, as on the page.
    assert!(
        answer.contains("<li>Leadership &amp; Process Improvement (Exceeds Expectations; suggested, not confirmed): "),
        "{answer}"
    );
    assert!(answer.contains("<li>Project Ownership (suggested, not confirmed): "), "{answer}");
    assert!(!answer.contains("<script") && !answer.contains("<b>") && answer.contains("&lt;script&gt;"), "{answer}");
    // An empty scorecard still has every attribute, unrated, and no answer.
    let empty = export_greenhouse(&Scorecard::new(&rubric), &rubric);
    assert!(empty["attributes"]
        .as_array()
        .is_some_and(|a| a.iter().all(|x| x["rating"] == "no_decision" && x["note"].is_null())));
    assert_eq!(empty["questions"][0]["answer"], Value::Null);
    assert_eq!(empty["overall_recommendation"], "no_decision");
}

/// The observations a Greenhouse round trip should give back: each line of each observation,
/// white space collapsed; the first line keeps the tag and who set it (an untagged line reads as
/// `Suggested`, the default).
fn expected_after_greenhouse(card: &Scorecard, rubric: &Rubric) -> Vec<(String, Option<String>, Rating, TagSource)> {
    // The export lists them in the rubric's order of capabilities, the untagged last, each
    // capability's in the card's order.
    let rank = |o: &&Observation| {
        o.capability
            .as_deref()
            .and_then(|c| rubric.capabilities.iter().position(|x| x.id == c))
            .unwrap_or(rubric.capabilities.len())
    };
    // Those the flag detector flags are left out: a bias risk, and an impression, which the
    // widget says is not evidence of behaviour (no take-away).
    let mut observations: Vec<&Observation> =
        card.observations.iter().filter(|o| scorecard::core::classifier::detect_flags(&o.text).is_empty()).collect();
    observations.sort_by_key(rank);
    let mut out = Vec::new();
    for o in observations {
        // One observation each, its lines as written (white space collapsed as HTML does, the
        // blank lines at its ends dropped, those within it kept).
        let lines: Vec<String> = o.text.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
        let (Some(first), Some(last)) =
            (lines.iter().position(|l| !l.is_empty()), lines.iter().rposition(|l| !l.is_empty()))
        else {
            continue;
        };
        let text = lines[first..=last].join("\n");
        // A suggested level the classifier cannot tell is a guess: exported as no level.
        let guess = o.source == TagSource::Suggested
            && scorecard::core::classifier::classify(&o.text).is_ok_and(|c| c.level_unsure());
        if o.capability.is_some() {
            out.push((text, o.capability.clone(), if guess { Rating::NotAssessed } else { o.level }, o.source));
        } else {
            out.push((text, None, Rating::NotAssessed, TagSource::Suggested));
        }
    }
    out
}

/// A Greenhouse id written with a zero fraction (1042.0, as pandas writes a column with a gap)
/// reads as the id 1042, as it does in a scorecard document; a fraction is refused.
#[test]
fn greenhouse_ids_with_a_zero_fraction_read_as_whole_numbers() {
    let rubric = rubric();
    let mut gh = export_greenhouse(&sample_cards(1)[0], &rubric);
    gh["candidate_id"] = json!(1042.0);
    let read = import_greenhouse(&gh.to_string(), &rubric).expect("reads");
    assert_eq!(read.card.candidate.id, "1042");
    gh["candidate_id"] = json!(1042.5);
    let e = import_greenhouse(&gh.to_string(), &rubric).expect_err("a fraction is not an id");
    assert!(e.to_string().contains("candidate_id: a number that is not a whole number"), "{e}");
}

/// A number read as an id keeps its digits or is refused, in a scorecard document as in a
/// Greenhouse object: `99999999999999999999999` was read as "99999999999999991611392.0", another
/// id, which `compare` would group and a share link would carry.
#[test]
fn numeric_ids_keep_their_digits_or_are_refused() {
    let rubric = rubric();
    // The number as written: serde_json would write it back in its own form.
    let doc = |id: &str| {
        let mut card = sample_cards(1)[0].clone();
        card.candidate.id = "<id>".into();
        export_json(&card).replace("\"<id>\"", id)
    };
    for (written, read) in [
        ("1042", "1042"),
        ("1042.0", "1042"),
        ("1.042e3", "1042"),
        ("-7", "-7"),
        ("18446744073709551615", "18446744073709551615"),
        ("999999999999999.0", "999999999999999"),
    ] {
        let card = import_json(&doc(written), &rubric).unwrap_or_else(|e| panic!("{written}: {e}"));
        assert_eq!(card.candidate.id, read, "{written}");
        let mut gh = export_greenhouse(&sample_cards(1)[0], &rubric);
        gh["candidate_id"] = serde_json::from_str(written).expect("a number");
        assert_eq!(
            import_greenhouse(&gh.to_string(), &rubric).expect("reads").card.candidate.id,
            read,
            "Greenhouse {written}"
        );
    }
    for written in ["99999999999999999999999", "1e20", "9007199254740991.0", "1e15", "12345678901234567890e0", "1042.5"]
    {
        let e = import_json(&doc(written), &rubric).expect_err(written);
        assert!(
            e.to_string()
                .contains("candidate.id: a number that is not a whole number, or too large to keep its digits"),
            "{written}: {e}"
        );
        let mut gh = export_greenhouse(&sample_cards(1)[0], &rubric);
        gh["candidate_id"] = serde_json::from_str(written).expect("a number");
        let e = import_greenhouse(&gh.to_string(), &rubric).expect_err(written);
        assert!(e.to_string().contains("candidate_id: a number that is not"), "Greenhouse {written}: {e}");
    }
}

/// Only an id written as the integer itself becomes a Greenhouse id: "007" would come back as
/// "7" and match a different person.
#[test]
fn greenhouse_ids_are_only_ids_written_as_integers() {
    let rubric = rubric();
    let mut card = sample_cards(1)[0].clone();
    for (id, candidate_id, interviewer_id, employee_id) in [
        ("42", Value::from(42u64), Value::from(42u64), Value::Null),
        ("007", Value::Null, Value::Null, Value::from("007")),
        ("+42", Value::Null, Value::Null, Value::from("+42")),
    ] {
        card.candidate.id = id.into();
        card.interviewer.id = id.into();
        card.interviewer.name = "Ann Lee".into();
        let gh = export_greenhouse(&card, &rubric);
        assert_eq!(
            (&gh["candidate_id"], &gh["interviewer"]["id"], &gh["interviewer"]["employee_id"]),
            (&candidate_id, &interviewer_id, &employee_id),
            "{id}"
        );
    }
}

/// Observations with a bias risk stay out of the Greenhouse and Markdown exports (bound for the
/// ATS and the debrief), and the Markdown says how many; the scorecard document keeps them.
#[test]
fn ats_bound_exports_leave_out_observations_with_a_bias_risk() {
    let rubric = rubric();
    let mut card = Scorecard::new(&rubric);
    for (i, text) in [
        "She is a young mom so might not handle on-call",
        "Designed the retry queue and walked me through its failure modes.",
    ]
    .into_iter()
    .enumerate()
    {
        card.observations.push(Observation {
            id: format!("o{i}"),
            text: text.into(),
            capability: None,
            level: Rating::NotAssessed,
            source: TagSource::Suggested,
        });
    }
    let gh = export_greenhouse(&card, &rubric).to_string();
    assert!(!gh.contains("young mom") && gh.contains("retry queue"), "{gh}");
    let md = export_markdown(&card, &rubric);
    assert!(!md.contains("young mom") && md.contains("retry queue"), "{md}");
    assert!(md.contains("_Flagged as a bias risk and left out: 1 observation._"), "{md}");
    assert!(export_json(&card).contains("young mom"));

    // A capability's evidence note with a bias risk stays out too, and is named; a sound note
    // on another capability is kept.
    let (first, second) = (&rubric.capabilities[0], &rubric.capabilities[1]);
    card.ratings.insert(
        first.id.clone(),
        RatingEntry {
            level: Rating::Meets,
            note: "Strong systems answers, though he is close to retirement age.".into(),
            ..Default::default()
        },
    );
    card.ratings.insert(
        second.id.clone(),
        RatingEntry {
            level: Rating::Meets,
            note: "Owned the billing migration end to end.".into(),
            ..Default::default()
        },
    );
    let gh = export_greenhouse(&card, &rubric);
    assert_eq!(gh["attributes"][0]["note"], Value::Null, "{gh}");
    assert_eq!(gh["attributes"][1]["note"], "Owned the billing migration end to end.");
    let md = export_markdown(&card, &rubric);
    assert!(
        !md.contains("retirement")
            && md.contains("billing migration")
            && md.contains("_Evidence left out: flagged as a bias risk._"),
        "{md}"
    );
    let expected = format!("_Flagged as a bias risk and left out: 1 observation and the evidence for {}._", first.name);
    assert!(md.contains(&expected), "{md}");
    let left = BiasLeftOut::of(&card, &rubric, text_bias_risk);
    assert_eq!((left.observations, left.notes.clone()), (1, vec![first.name.clone()]));
    assert!(BiasLeftOut::of(&Scorecard::new(&rubric), &rubric, text_bias_risk).summary().is_none());
}

/// An older file's stored level guess (a suggested tag whose level the classifier cannot tell,
/// which the engine counts for no level) is no level in the exports either, as on the page
/// ("Level?"); a level the classifier can tell, and the interviewer's own, are kept.
#[test]
fn exports_show_no_level_for_a_stored_guess() {
    let rubric = rubric();
    let guessed = "Hosted an intern";
    assert!(scorecard::core::classifier::classify(guessed).expect("reads").level_unsure(), "the fixture is a guess");
    let mut card = Scorecard::new(&rubric);
    let tag = |id: &str, text: &str, source| Observation {
        id: id.into(),
        text: text.into(),
        capability: Some("mentorship_support".into()),
        level: Rating::Meets,
        source,
    };
    card.observations.push(tag("o1", guessed, TagSource::Suggested));
    card.observations.push(tag(
        "o2",
        "Mentors two new grads on her team and meets them weekly for code review coaching.",
        TagSource::Suggested,
    ));
    let md = export_markdown(&card, &rubric);
    assert!(md.contains("- Hosted an intern _(suggested, not confirmed)_\n"), "{md}");
    assert!(md.contains("weekly for code review coaching. _(Meets Expectations; suggested, not confirmed)_"), "{md}");
    let gh = export_greenhouse(&card, &rubric);
    let answer = gh["questions"][0]["answer"].as_str().expect("take-aways").to_string();
    assert!(
        answer.contains("<li>Mentorship &amp; Support (suggested, not confirmed): Hosted an intern</li>"),
        "{answer}"
    );
    assert!(
        answer.contains("<li>Mentorship &amp; Support (Meets Expectations; suggested, not confirmed): Mentors"),
        "{answer}"
    );
    // Read back from Greenhouse, the guess stays no level, still a suggestion.
    let back = import_greenhouse(&gh.to_string(), &rubric).expect("reads").card;
    let o = back.observations.iter().find(|o| o.text == guessed).expect("kept");
    assert_eq!((o.level, o.source), (Rating::NotAssessed, TagSource::Suggested));
    // The interviewer's own tag on the same text keeps its level.
    card.observations[0].source = TagSource::Interviewer;
    assert!(export_markdown(&card, &rubric).contains("- Hosted an intern _(Meets Expectations)_\n"));
}

/// A guard, not the proof of a fix: an observation the interviewer tagged without a level is no
/// evidence for the engine, and is exported with no level, as the interviewer's. The engine and
/// the exports did so already before a move kept "Level?"; since moves now make such tags
/// often, this keeps it so.
#[test]
fn guard_an_interviewer_tag_without_a_level_stays_no_evidence_and_exports_no_level() {
    let rubric = rubric();
    let mut card = Scorecard::new(&rubric);
    card.ratings.insert(
        "technical_expertise".into(),
        RatingEntry { level: Rating::Meets, note: String::new(), ..Default::default() },
    );
    card.observations.push(Observation {
        id: "o1".into(),
        text: "Hosted an intern".into(),
        capability: Some("technical_expertise".into()),
        level: Rating::NotAssessed,
        source: TagSource::Interviewer,
    });
    let read = scorecard::core::engine::recommend_read(&rubric, &card, &scorecard::core::classifier::reading);
    assert!(read.unevidenced.contains(&"technical_expertise".to_string()), "{:?}", read.unevidenced);
    assert!(export_markdown(&card, &rubric).contains("- Hosted an intern\n"));
    let gh = export_greenhouse(&card, &rubric);
    assert_eq!(gh["questions"][0]["answer"], "<ul><li>Technical Expertise: Hosted an intern</li></ul>");
    let back = import_greenhouse(&gh.to_string(), &rubric).expect("reads").card;
    assert_eq!(
        (back.observations[0].level, back.observations[0].source),
        (Rating::NotAssessed, TagSource::Interviewer)
    );
}

/// Impressions ("seems really smart") are left out of the Markdown as they are of Greenhouse's
/// Key Take-Aways (the widget says they are not evidence of behaviour), and the summary says
/// how many, under the heading that counts what was left out as a bias risk.
#[test]
fn markdown_leaves_out_impressions_and_says_how_many() {
    let rubric = rubric();
    let mut card = Scorecard::new(&rubric);
    let untagged = |id: &str, text: &str| Observation {
        id: id.into(),
        text: text.into(),
        capability: None,
        level: Rating::NotAssessed,
        source: TagSource::Suggested,
    };
    card.observations.push(untagged("o1", "Seems really smart"));
    card.observations.push(untagged("o2", "Seems very smart and has a great attitude"));
    card.observations.push(untagged("o3", "Designed the retry queue and walked me through its failure modes."));
    assert!(
        card.observations[..2].iter().all(scorecard::core::interchange::impression),
        "the fixtures are impressions"
    );
    let md = export_markdown(&card, &rubric);
    assert!(!md.contains("smart") && md.contains("retry queue"), "{md}");
    let sentence = "_Flagged as not evidence of behaviour (impressions) and left out: 2 observations._";
    assert!(md.trim_end().ends_with(&format!("### Left out of this summary\n\n{sentence}")), "{md}");
    // Beside a bias risk, both are said under the one heading.
    card.observations.push(untagged("o4", "He is too old to keep up with our stack"));
    let md = export_markdown(&card, &rubric);
    let both =
        format!("### Left out of this summary\n\n_Flagged as a bias risk and left out: 1 observation._\n{sentence}\n");
    assert!(md.ends_with(&both), "{md}");
    assert_eq!(md.matches("### Left out").count(), 1);
    // The document keeps them: it is the interviewer's own record.
    assert!(export_json(&card).contains("Seems really smart"));
}

/// What the Markdown left out as a bias risk is said under a heading of its own, not in the
/// last capability's section, where it would read as said of that capability (with every
/// capability rated, the last section is Leadership's), nor among the other observations.
#[test]
fn markdown_says_what_it_left_out_under_its_own_heading() {
    let rubric = rubric();
    let mut card = Scorecard::new(&rubric);
    for cap in &rubric.capabilities {
        card.ratings
            .insert(cap.id.clone(), RatingEntry { level: Rating::Meets, note: String::new(), ..Default::default() });
    }
    let untagged = |id: &str, text: &str| Observation {
        id: id.into(),
        text: text.into(),
        capability: None,
        level: Rating::NotAssessed,
        source: TagSource::Suggested,
    };
    card.observations.push(untagged("o1", "He is too old to keep up with our stack"));
    // The section a line is in: the text of the `###` heading above it.
    let section_of = |md: &str, needle: &str| -> Option<String> {
        let at = md.find(needle)?;
        let heading = md[..at].rfind("\n### ")?;
        Some(md[heading + 5..].lines().next()?.to_string())
    };
    let md = export_markdown(&card, &rubric);
    assert!(!md.contains("too old"), "{md}");
    let sentence = "_Flagged as a bias risk and left out: 1 observation._";
    assert_eq!(section_of(&md, sentence).as_deref(), Some("Left out of this summary"), "{md}");
    assert!(md.trim_end().ends_with(sentence), "{md}");
    // Beside untagged observations, it is apart from them too.
    card.observations.push(untagged("o2", "Asked who reviews the on-call runbook."));
    let md = export_markdown(&card, &rubric);
    assert_eq!(section_of(&md, "on-call runbook").as_deref(), Some("Other observations"), "{md}");
    assert_eq!(section_of(&md, sentence).as_deref(), Some("Left out of this summary"), "{md}");
    // Nothing left out, no such heading.
    card.observations.remove(0);
    assert!(!export_markdown(&card, &rubric).contains("Left out"));
}

#[test]
fn greenhouse_round_trip_keeps_ratings_notes_and_tagged_observations() {
    let rubric = rubric();
    for (i, card) in sample_cards(200).iter().enumerate() {
        let text = serde_json::to_string(&export_greenhouse(card, &rubric)).unwrap_or_default();
        let g = import_greenhouse(&text, &rubric).unwrap_or_else(|e| panic!("card {i}: {e}"));
        let back = &g.card;
        for cap in &rubric.capabilities {
            assert_eq!(back.rating(&cap.id), card.rating(&cap.id), "card {i} {}", cap.id);
            assert_eq!(
                back.note(&cap.id),
                if card.note(&cap.id).trim().is_empty() { "" } else { card.note(&cap.id) },
                "card {i}"
            );
        }
        assert!(g.mappings.iter().all(|m| m.how == MatchKind::Exact), "card {i}: {:?}", g.mappings);
        let got: Vec<(String, Option<String>, Rating, TagSource)> =
            back.observations.iter().map(|o| (o.text.clone(), o.capability.clone(), o.level, o.source)).collect();
        assert_eq!(got, expected_after_greenhouse(card, &rubric), "card {i}");
        assert_eq!(back.interviewer.name, card.interviewer.name, "card {i}");
        assert_eq!(back.interviewer.id, card.interviewer.id, "card {i}");
        assert_eq!(back.interview, card.interview, "card {i}");
        assert_eq!(back.submitted_at, card.submitted_at, "card {i}");
        let numeric = card.candidate.id.parse::<u64>().is_ok();
        assert_eq!(back.candidate.id, if numeric { card.candidate.id.clone() } else { String::new() }, "card {i}");
        assert_eq!(g.overall_recommendation.map(|r| r.id()), Some(recommend(&rubric, card).greenhouse.id()));
    }
}

/// An untagged observation whose text reads as a tagged line (pasted from an earlier export)
/// comes back untagged with its text as written: a round trip confirms no tag nobody gave. The
/// mark it travels with is taken off only where it was put.
#[test]
fn greenhouse_untagged_text_that_reads_as_a_tag_comes_back_untagged() {
    let rubric = rubric();
    let texts = [
        "Technical Expertise (Exceeds Expectations): copied from the resume",
        "Technical Expertise: copied the design from the resume",
        "Project Ownership (suggested, not confirmed): copied",
        "Untagged: Business Impact (Meets Expectations): twice marked",
        "Untagged: plain words",
        "Walked through the rollback plan: with a colon",
    ];
    let mut card = Scorecard::new(&rubric);
    for (i, text) in texts.iter().enumerate() {
        card.observations.push(Observation { id: format!("o{i}"), text: text.to_string(), ..Observation::default() });
    }
    let text = export_greenhouse(&card, &rubric).to_string();
    assert!(text.contains("Untagged: Technical Expertise (Exceeds Expectations): copied"), "{text}");
    assert!(
        text.contains("<li>Walked through the rollback plan: with a colon</li>"),
        "a line that reads as no tag goes as written: {text}"
    );
    let back = import_greenhouse(&text, &rubric).expect("reads").card;
    let got: Vec<(&str, Option<&str>, Rating)> =
        back.observations.iter().map(|o| (o.text.as_str(), o.capability.as_deref(), o.level)).collect();
    let want: Vec<(&str, Option<&str>, Rating)> = texts.iter().map(|t| (*t, None, Rating::NotAssessed)).collect();
    assert_eq!(got, want);
    // A line someone wrote "Untagged: ..." in Greenhouse itself keeps its words.
    let g = import_greenhouse(&greenhouse_with("Key Take-Aways", "<p>Untagged: asked good questions</p>", ""), &rubric)
        .expect("reads");
    assert_eq!(
        g.card.observations.iter().map(|o| o.text.as_str()).collect::<Vec<_>>(),
        ["Untagged: asked good questions"]
    );
}

/// Key Take-Aways lines go back to the capability whose whole name starts them, the longest
/// when one capability's name begins another's ("Technical" and "Technical: Systems", whose
/// line also reads as a "Technical" line), whatever the rubric's order.
#[test]
fn greenhouse_take_aways_go_to_the_longest_capability_name_that_starts_them() {
    let mut v: Value = serde_json::from_str(scorecard::core::rubric::DEFAULT_RUBRIC_JSON).unwrap();
    for (i, name) in
        ["Technical", "Technical: Systems", "Leadership", "Leadership & Process Improvement"].into_iter().enumerate()
    {
        v["capabilities"][i]["name"] = name.into();
    }
    let rubric = Rubric::from_json(&v.to_string()).expect("the custom rubric is valid");
    let (short, long) = (&rubric.capabilities[0], &rubric.capabilities[1]);
    let mut card = Scorecard::new(&rubric);
    let tags = [
        (long, Rating::Meets, TagSource::Interviewer),
        (long, Rating::Exceeds, TagSource::Suggested),
        (long, Rating::NotAssessed, TagSource::Interviewer),
        (long, Rating::NotAssessed, TagSource::Suggested),
        (short, Rating::Meets, TagSource::Interviewer),
        (short, Rating::NotAssessed, TagSource::Interviewer),
        (&rubric.capabilities[2], Rating::Meets, TagSource::Interviewer),
        (&rubric.capabilities[3], Rating::NeedsImprovement, TagSource::Interviewer),
    ];
    for (i, (cap, level, source)) in tags.into_iter().enumerate() {
        let text = format!("Drew the queue, take {i}.");
        card.observations.push(Observation {
            id: format!("o{i}"),
            text,
            capability: Some(cap.id.clone()),
            level,
            source,
        });
    }
    let text = export_greenhouse(&card, &rubric).to_string();
    assert!(text.contains("Technical: Systems (Meets Expectations): Drew the queue, take 0."), "{text}");
    let back = import_greenhouse(&text, &rubric).expect("reads").card;
    let got: Vec<(String, Option<String>, Rating, TagSource)> =
        back.observations.iter().map(|o| (o.text.clone(), o.capability.clone(), o.level, o.source)).collect();
    assert_eq!(got, expected_after_greenhouse(&card, &rubric));
}

#[test]
fn greenhouse_import_maps_a_foreign_scorecard() {
    let rubric = rubric();
    let harvest = json!({
        "id": 211, "created_at": "2024-05-02T10:00:00.000Z", "updated_at": "2024-05-02T10:00:00.000Z",
        "interviewed_at": "2024-05-01T14:00:00.000Z", "submitted_at": "2024-05-02T09:58:00.000Z",
        "interview": "Onsite: System Design", "interview_step": {"id": 7, "name": "Onsite"},
        "candidate_id": 9001, "application_id": 9002,
        "submitted_by": {"id": 5, "first_name": "Ann", "last_name": "Admin", "name": "Ann Admin", "employee_id": null},
        "interviewer": {"id": 6, "first_name": "Grace", "last_name": "Hopper", "name": null, "employee_id": "E-6"},
        "overall_recommendation": "yes",
        "attributes": [
            {"name": "Communication", "type": "Skills", "note": "Explained trade-offs clearly.", "rating": "strong_yes"},
            {"name": "Collaboration", "type": "Skills", "note": "Pushed back politely.", "rating": "mixed"},
            {"name": "Coding", "type": "Skills", "note": null, "rating": "yes"},
            {"name": "Project Management", "type": "Qualifications", "note": "", "rating": null},
            {"name": "Culture Fit", "type": "Personality Traits", "note": "Curious.\nAsked about on-call.", "rating": "yes"},
            {"name": "Humility", "type": "Personality Traits", "note": null, "rating": "strong_yes"},
            {"name": "Product Sense", "type": "Skills", "note": null, "rating": "no_decision"}
        ],
        "ratings": {"definitely_not": [], "no": [], "mixed": ["Collaboration"], "yes": ["Coding", "Culture Fit"], "strong_yes": ["Communication", "Humility", "Project Management"]},
        "questions": [
            {"id": null, "question": "Key Take-Aways", "answer": "<p>Strong on <b>design</b>.</p><ul><li>Technical Expertise (Exceeds Expectations): built &lt;a cache&gt;</li><li>Would  hire<script>alert(1)</script></li></ul>"},
            {"id": null, "question": "Private Notes", "answer": "Salary expectations are high."},
            {"id": 12, "question": "Did they ask good questions?", "answer": "Yes &amp; many.<br>About the team."},
            {"id": 13, "question": "Empty", "answer": null}
        ]
    });
    let g = import_greenhouse(&harvest.to_string(), &rubric).expect("imports");
    let map: Vec<(&str, Option<&str>, MatchKind, &str)> =
        g.mappings.iter().map(|m| (m.attribute.as_str(), m.capability.as_deref(), m.how, m.rating.as_str())).collect();
    assert_eq!(
        map,
        [
            ("Communication", Some("communication_collaboration"), MatchKind::Synonym, "strong_yes"),
            ("Collaboration", Some("communication_collaboration"), MatchKind::Synonym, "mixed"),
            ("Coding", Some("technical_expertise"), MatchKind::Synonym, "yes"),
            ("Project Management", Some("project_ownership"), MatchKind::Synonym, "strong_yes"),
            ("Culture Fit", None, MatchKind::Unmatched, "yes"),
            ("Humility", None, MatchKind::Unmatched, "strong_yes"),
            ("Product Sense", Some("business_impact"), MatchKind::Synonym, "no_decision"),
        ]
    );
    let card = &g.card;
    // Two attributes on one capability: the lower rating, both notes under their names.
    assert_eq!(card.rating("communication_collaboration"), Rating::NeedsImprovement);
    assert_eq!(
        card.note("communication_collaboration"),
        "Communication: Explained trade-offs clearly.\n\nCollaboration: Pushed back politely."
    );
    assert_eq!(card.rating("technical_expertise"), Rating::Meets);
    // A blank rating is read from the grouping.
    assert_eq!(card.rating("project_ownership"), Rating::Exceeds);
    assert_eq!(card.rating("business_impact"), Rating::NotAssessed);
    let obs: Vec<(&str, Option<&str>, Rating)> =
        card.observations.iter().map(|o| (o.text.as_str(), o.capability.as_deref(), o.level)).collect();
    assert_eq!(
        obs,
        [
            ("Culture Fit: Curious.", None, Rating::NotAssessed),
            ("Culture Fit: Asked about on-call.", None, Rating::NotAssessed),
            ("Strong on design.", None, Rating::NotAssessed),
            ("built <a cache>", Some("technical_expertise"), Rating::Exceeds),
            ("Would hire", None, Rating::NotAssessed),
            ("Did they ask good questions?: Yes & many.", None, Rating::NotAssessed),
            ("Did they ask good questions?: About the team.", None, Rating::NotAssessed),
        ]
    );
    assert!(card.observations.iter().all(|o| o.capability.is_some() == (o.source == TagSource::Interviewer)));
    assert_eq!(card.interviewer, Person { id: "6".into(), name: "Grace Hopper".into() });
    assert_eq!(card.candidate.id, "9001");
    assert_eq!(card.interview, Interview { step: "Onsite: System Design".into(), date: "2024-05-01".into() });
    assert_eq!(card.submitted_at.as_deref(), Some("2024-05-02T09:58:00.000Z"));
    assert_eq!(card.rubric, RubricRef { id: rubric.id.clone(), version: rubric.version });
    assert_eq!(g.overall_recommendation.map(|r| r.id()), Some("yes"));
    assert!(g.warnings.iter().any(|w| w.contains("Private Notes")), "{:?}", g.warnings);
    assert!(
        g.warnings.iter().any(|w| w.contains("\"Humility\" (strong_yes) matches no capability")),
        "{:?}",
        g.warnings
    );
    // What the import decided is said: an unmatched attribute's rating dropped although its note
    // came in, and two attributes' ratings on one capability reduced to the lower.
    assert!(g.warnings.iter().any(|w| w == "attribute \"Culture Fit\" (yes) matches no capability: its note became observations, its rating is not imported"), "{:?}", g.warnings);
    assert!(g.warnings.iter().any(|w| w == "\"Communication\" (strong_yes) and \"Collaboration\" (mixed) both map to Communication & Collaboration: the lowest of their ratings is kept, needs_improvement (\"mixed\" reads as needs improvement)"), "{:?}", g.warnings);
    assert!(!card.observations.iter().any(|o| o.text.contains("Salary")));
    // A list holding one scorecard, as GET /v1/applications/{id}/scorecards returns, is accepted.
    let listed = import_greenhouse(&json!([harvest]).to_string(), &rubric).expect("a list of one");
    assert_eq!(&listed.card, card);
}

/// A Greenhouse object with one question and its answer, and one unmatched attribute's note.
fn greenhouse_with(question: &str, answer: &str, note: &str) -> String {
    json!({
        "attributes": [{"name": "Culture Fit", "type": "Skills", "note": note, "rating": null}],
        "questions": [{"id": 1, "question": question, "answer": answer}],
    })
    .to_string()
}

/// The observation texts of an import, without their prefix.
fn observations_after(text: &str, prefix: &str) -> Vec<String> {
    let g = import_greenhouse(text, &rubric()).unwrap_or_else(|e| panic!("{e}"));
    g.card
        .observations
        .iter()
        .map(|o| o.text.strip_prefix(prefix).unwrap_or_else(|| panic!("{:?} lacks {prefix:?}", o.text)).to_string())
        .collect()
}

/// Answers may be ten times an observation's limit: a long paragraph is cut at sentence ends,
/// else at white space, else anywhere, into observations within the limit.
#[test]
fn long_greenhouse_answers_are_split_within_the_observation_limit() {
    let sentences = [
        "The candidate walked through the design of the ingest pipeline. ",
        "Why a queue? ",
        "Back-pressure mattered! ",
    ];
    // 203 rounds of the three sentences: 20,502 characters, no line break.
    let paragraph: String = sentences.iter().cycle().take(609).copied().collect::<String>().trim_end().to_string();
    assert_eq!(paragraph.chars().count(), 20_502);
    let words = paragraph.replace(['.', '?', '!'], ",");
    let no_spaces = "x".repeat(20_500);
    let wide = "é🚀".repeat(10_250);
    for (name, answer) in
        [("sentences", &paragraph), ("words", &words), ("no spaces", &no_spaces), ("multi-byte", &wide)]
    {
        let pieces = observations_after(&greenhouse_with("Q", answer, ""), "Q: ");
        assert_eq!(pieces.len(), 3, "{name}: {:?}", pieces.iter().map(|p| p.chars().count()).collect::<Vec<_>>());
        assert!(pieces.iter().all(|p| p.chars().count() + 3 <= MAX_TEXT_CHARS && !p.is_empty()), "{name}");
        let joiner = if answer.contains(' ') { " " } else { "" };
        assert_eq!(&pieces.join(joiner), answer, "{name}: nothing is lost or added");
        match name {
            "sentences" => assert!(pieces.iter().all(|p| p.ends_with(['.', '?', '!'])), "cut at sentence ends"),
            "words" => assert!(pieces[..2].iter().all(|p| p.chars().count() > 9_900), "cut at the last space"),
            _ => assert_eq!(pieces[0].chars().count(), MAX_TEXT_CHARS - 3),
        }
    }
    // The largest answer accepted, untitled: every observation within the limit.
    let largest = "y".repeat(MAX_TEXT_CHARS * 10);
    assert_eq!(observations_after(&greenhouse_with("", &largest, ""), "").len(), 10);
    // A long Key Take-Aways line keeps its tag on every piece.
    let tagged = format!("<li>Technical Expertise (Exceeds Expectations): {paragraph}</li>");
    let g = import_greenhouse(&greenhouse_with("Key Take-Aways", &tagged, ""), &rubric()).expect("imports");
    assert_eq!(g.card.observations.len(), 3);
    assert!(g
        .card
        .observations
        .iter()
        .all(|o| o.capability.as_deref() == Some("technical_expertise") && o.level == Rating::Exceeds));
    // A note at the limit with its attribute's name in front is split too.
    let note = "z ".repeat(MAX_TEXT_CHARS / 2).trim_end().to_string();
    assert_eq!(observations_after(&greenhouse_with("Q", "", &note), "Culture Fit: ").len(), 2);
    // A very long question is cut in the label, so the answer keeps its room (a question of 9,999
    // characters once made one observation per character of the answer).
    let long_q = "q".repeat(MAX_TEXT_CHARS - 1);
    let obs = observations_after(
        &greenhouse_with(&long_q, &"An answer. ".repeat(900), ""),
        &format!("{}…: ", "q".repeat(200)),
    );
    assert_eq!(obs.len(), 2, "{} pieces", obs.len());
    // Many short lines stop at the observation limit without building the rest first.
    let many = "x<br>".repeat(20_000);
    let err = import_greenhouse(&greenhouse_with(&long_q, &many, ""), &rubric()).unwrap_err().to_string();
    assert_eq!(err, "the notes and answers make more than 500 observations, the limit");
}

/// Checks the HTML-to-text conversion, its blocks a line each.
fn check_html(html: &str, text: &str) {
    assert_eq!(html_blocks(html).join("\n"), text, "for {html:?}");
}

#[test]
fn html_is_stripped_to_text() {
    for (html, text) in [
        ("plain text", "plain text"),
        ("<p>One</p><p>Two</p>", "One\nTwo"),
        ("a<br>b<br/>c<BR >d", "a\nb\nc\nd"),
        ("<ul><li>x</li><li> y </li></ul>", "x\ny"),
        ("<b>bold</b> and <i>it</i>", "bold and it"),
        ("<script>alert(1)</script>after", "after"),
        ("<SCRIPT type='x'>if (a < b) {}</ScRiPt >after", "after"),
        ("<style>p { color: red }</style>text", "text"),
        ("<!-- hidden -->shown", "shown"),
        ("<!-- never closed", ""),
        ("a < b and c > d", "a < b and c > d"),
        ("1 <2", "1 <2"),
        ("&lt;b&gt; &amp;amp; &quot;q&quot; &#39;s&#39; &#x1F980; &#128512;", "<b> &amp; \"q\" 's' 🦀 😀"),
        ("&bogus; & alone &#xZZ; &#0; &#xD800;", "&bogus; & alone &#xZZ; \u{fffd} \u{fffd}"),
        ("&nbsp;&nbsp;spaced&nbsp;", "spaced"),
        ("unterminated <a href='x", "unterminated"),
        ("<script>never closed", ""),
        ("Zoë <i>李</i> مريم", "Zoë 李 مريم"),
        ("é&", "é&"),
        ("<a href=\"javascript:alert(1)\">link</a>", "link"),
        ("line\n\n\nnext", "line\nnext"),
    ] {
        check_html(html, text);
    }
}

// ---------------------------------------------------------------------------------------------
// Markdown.

/// Checks the escaping of one line of user text.
fn check_escape(text: &str, escaped: &str) {
    assert_eq!(escape_line(text), escaped, "for {text:?}");
}

#[test]
fn markdown_escapes_user_text() {
    for (text, escaped) in [
        ("plain words", "plain words"),
        // No autolinks: bare URLs, www. names and e-mail addresses.
        ("see https://evil.example/x and www.evil.example", "see https\\://evil.example/x and www\\.evil.example"),
        ("mail ada@example.com", "mail ada\\@example.com"),
        ("Note: a www-less host", "Note: a www-less host"),
        ("awww.example stays", "awww.example stays"),
        // Direction overrides and isolates are dropped.
        ("Sam \u{202e}gnidoC\u{202c} Lee \u{2067}x\u{2069}", "Sam gnidoC Lee x"),
        ("[click](javascript:alert(1))", "\\[click\\](javascript:alert(1))"),
        ("![img](x.png)", "\\!\\[img\\](x.png)"),
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("*bold* _it_ `code` ~~s~~", "\\*bold\\* \\_it\\_ \\`code\\` \\~\\~s\\~\\~"),
        ("# heading", "\\# heading"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("> quote", "\\> quote"),
        ("1. first", "1\\. first"),
        ("12) twelfth", "12\\) twelfth"),
        ("===", "\\==="),
        ("a | b", "a \\| b"),
        ("&amp; entity", "\\&amp; entity"),
        ("&#38; and &#x26; numeric", "\\&#38; and \\&#x26; numeric"),
        // Neither starts an entity or an image: shown as typed.
        ("Communication & Collaboration, R&D: wow!", "Communication & Collaboration, R&D: wow!"),
        ("back\\slash", "back\\\\slash"),
        ("    indented code", "indented code"),
        ("Zoë 李 🦀 mid-word 3.5", "Zoë 李 🦀 mid-word 3.5"),
        ("bell\u{7}", "bell "),
    ] {
        check_escape(text, escaped);
    }
}

/// True when `md` has no unescaped character from `chars`.
fn no_unescaped(md: &str, chars: &[char]) -> bool {
    let mut escaped = false;
    for c in md.chars() {
        if !escaped && chars.contains(&c) {
            return false;
        }
        escaped = !escaped && c == '\\';
    }
    true
}

/// True when no unescaped "&" in `md` starts an entity or character reference ("&amp;",
/// "&#38;") and no unescaped "!" starts an image ("!["): a bare "&" or "!" is text.
fn no_entity_or_image(md: &str) -> bool {
    let mut escaped = false;
    for (at, c) in md.char_indices() {
        if !escaped {
            let rest = &md[at + c.len_utf8()..];
            let name = rest.strip_prefix('#').unwrap_or(rest);
            let len = name.bytes().take_while(u8::is_ascii_alphanumeric).count();
            if (c == '&' && len > 0 && name[len..].starts_with(';')) || (c == '!' && rest.starts_with('[')) {
                return false;
            }
        }
        escaped = !escaped && c == '\\';
    }
    true
}

#[test]
fn markdown_summary_has_every_part_and_no_injected_markup() {
    let rubric = rubric();
    let mut card = sample_cards(2)[1].clone();
    card.candidate.name = "[Eve](https://evil.example) <img src=x>".into();
    let md = export_markdown(&card, &rubric);
    assert!(
        md.starts_with(
            "## Scorecard: \\[Eve\\](https\\://evil.example) \\<img src=x\\> (L4 Senior Software Engineer)\n"
        ),
        "{md}"
    );
    assert!(md.contains("**Interview:** System design, 2024-05-01"), "{md}");
    assert!(md.contains("**Interviewer:** Grace Brewster Hopper"), "{md}");
    assert!(md.contains("**Status:** submitted 2024-05-01 15:30 UTC"), "{md}");
    let mut offset = card.clone();
    offset.submitted_at = Some("2024-05-01T09:00:00.5+05:30".into());
    assert!(export_markdown(&offset, &rubric).contains("**Status:** submitted 2024-05-01 09:00 UTC+05:30"));
    let r = recommend(&rubric, &card);
    assert!(md.contains(&format!("Greenhouse: {}", r.greenhouse.label())), "{md}");
    for cap in &rubric.capabilities {
        assert!(
            md.contains(&format!("### {}: {}", cap.name, rubric.level_label(card.rating(&cap.id)))),
            "{}\n{md}",
            cap.id
        );
    }
    assert!(md.contains("### Other observations\n\n- Untagged \\<em\\>remark\\</em\\>"), "{md}");
    // The interviewer's own tag shows its level; the classifier's, not yet confirmed, says so.
    assert!(md.contains("- 🦀 Rust & \\<b\\>bold\\</b\\> claims about ownership _(Needs Improvement)_\n"), "{md}");
    assert!(md.contains("and \\_under\\_ _(Exceeds Expectations; suggested, not confirmed)_"), "{md}");
    // One whose level the classifier cannot tell (a stored guess) shows no level, as on the page.
    assert!(md.contains("- \\<script\\>alert('x')\\</script\\> _(suggested, not confirmed)_"), "{md}");
    // Untagged observations have no tag to confirm.
    assert!(md.contains("- Untagged \\<em\\>remark\\</em\\>\n"), "{md}");
    // Whatever the user typed, no link, image, HTML tag or code span can open.
    for line in md.lines() {
        assert!(
            no_unescaped(line, &['<', '[', ']', '`', '|']) && no_entity_or_image(line),
            "unescaped markup in {line:?}"
        );
    }
    // A multi-line observation stays inside its list item: continuation lines are indented hard
    // breaks, and no blank line ends the item. (One that describes behaviour: the sample's own,
    // which describes none, is left out as an impression.)
    let mut card = card.clone();
    let text = "# Not a heading: led the rollout\n- not a list: wrote the plan\n1. not numbered";
    card.observations.push(Observation {
        id: "o9".into(),
        text: text.into(),
        capability: Some("mentorship_support".into()),
        level: Rating::Meets,
        source: TagSource::Interviewer,
    });
    let md = export_markdown(&card, &rubric);
    assert!(md.contains("- \\# Not a heading: led the rollout  \n  \\- not a list: wrote the plan  \n  1\\. not numbered _(Meets Expectations)_"), "{md}");
    // An empty scorecard still summarises.
    let empty = export_markdown(&Scorecard::new(&rubric), &rubric);
    assert!(empty.starts_with("## Scorecard: L4 Senior Software Engineer\n\n**Status:** draft\n\n**Recommendation:** Insufficient evidence"), "{empty}");
    assert!(!empty.contains("Other observations"));
}

#[test]
fn markdown_never_lets_generated_text_escape() {
    let rubric = rubric();
    for card in sample_cards(150) {
        let md = export_markdown(&card, &rubric);
        for line in md.lines() {
            assert!(
                no_unescaped(line, &['<', '>', '[', ']', '`', '|']) && no_entity_or_image(line),
                "unescaped markup in {line:?}"
            );
            assert!(!line.starts_with("    "), "indented code block: {line:?}");
        }
        assert!(md.ends_with('\n') && !md.ends_with("\n\n"));
    }
}

// ---------------------------------------------------------------------------------------------
// Share links.

#[test]
fn share_links_round_trip() {
    let rubric = rubric();
    for (i, card) in sample_cards(200).iter().enumerate() {
        let link = encode_link(card).unwrap_or_else(|e| panic!("card {i}: {e}"));
        assert!(link.starts_with("#sc1=") && link.len() <= MAX_LINK_CHARS, "card {i}: {link}");
        assert!(link[5..].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "card {i}: {link}");
        assert_eq!(&decode_link(&link, &rubric).unwrap_or_else(|e| panic!("card {i}: {e}")), card, "card {i}");
        let url = encode_link_url(card, "https://hr.example/widget?x=1#old").expect("fits");
        assert!(url.starts_with("https://hr.example/widget?x=1#sc1="), "{url}");
        assert_eq!(&decode_link(&url, &rubric).expect("url"), card);
    }
    let card = &sample_cards(2)[1];
    let link = encode_link(card).expect("fits");
    // The forms a link arrives in: bare fragment, with other parameters, wrapped by a mail client,
    // with the '=' percent-encoded.
    for form in [
        link.trim_start_matches('#').to_string(),
        format!("https://x.example/#a=1&{}", link.trim_start_matches('#')),
        format!("  {}\n", link),
        format!("{}\n{}", &link[..40], &link[40..]),
        link.replacen("sc1=", "sc1%3D", 1),
        // As people paste it: in angle brackets (mail clients, Markdown), ending a sentence.
        format!("<https://x.example/{link}>"),
        format!("{link}."),
        format!(" <{link}>, \n"),
    ] {
        assert_eq!(&decode_link(&form, &rubric).unwrap_or_else(|e| panic!("{form}: {e}")), card);
    }
}

#[test]
fn base64url_round_trips_every_length() {
    let bytes: Vec<u8> = (0..=255u8).collect();
    for n in 0..bytes.len() {
        let enc = base64url_encode(&bytes[..n]);
        assert_eq!(enc.len(), (n * 4).div_ceil(3));
        assert_eq!(base64url_decode(&enc), Ok(bytes[..n].to_vec()), "length {n}");
    }
}

/// Checks that decoding `link` fails with `expected`.
fn check_link_error(link: &str, expected: LinkError) {
    assert_eq!(decode_link_json(link), Err(expected.clone()), "for {link:?}");
    assert_eq!(decode_link(link, &rubric()), Err(ImportError::Link(expected)));
}

#[test]
fn broken_links_have_specific_errors() {
    let card = &sample_cards(2)[1];
    let link = encode_link(card).expect("fits");
    let data = link.trim_start_matches("#sc1=");
    check_link_error("https://scorecard.example/", LinkError::NotALink);
    check_link_error("", LinkError::NotALink);
    check_link_error("#sc12=abc", LinkError::NewerFormat { prefix: "sc12".into() });
    check_link_error("#sc1=ab*cd", LinkError::BadCharacter { found: '*', position: 3 });
    check_link_error("#sc1=é", LinkError::BadCharacter { found: 'é', position: 1 });
    check_link_error("#sc1=", LinkError::Truncated);
    // Cut at every length: always truncated (or, rarely, a damaged final block), never a panic.
    for cut in 1..data.len() {
        let err = decode_link_json(&format!("#sc1={}", &data[..cut])).expect_err("cut link");
        assert!(matches!(err, LinkError::Truncated | LinkError::Corrupt { .. }), "cut at {cut}: {err:?}");
    }
    assert_eq!(decode_link_json(&format!("#sc1={}", &data[..data.len() / 2])), Err(LinkError::Truncated));
    // Damage each character in turn: the checksum or the stream catches every change.
    for i in 0..data.len() {
        let mut damaged: Vec<char> = data.chars().collect();
        damaged[i] = if damaged[i] == 'A' { 'B' } else { 'A' };
        let damaged: String = damaged.into_iter().collect();
        match decode_link_json(&format!("#sc1={damaged}")) {
            Err(_) => {}
            // The last character may carry only padding bits, which change nothing.
            Ok(json) => {
                assert_eq!(base64url_decode(&damaged), base64url_decode(data), "damage at {i} went unnoticed: {json}")
            }
        }
    }
    let bomb = format!("#sc1={}", base64url_encode(&miniz_oxide_like_bomb()));
    check_link_error(&bomb, LinkError::TooLargeDecompressed { limit: MAX_DOCUMENT_BYTES });
    let huge = format!("#sc1={}", "A".repeat(2 * MAX_DOCUMENT_BYTES + 1));
    check_link_error(&huge, LinkError::InputTooLarge { bytes: huge.len() });
}

/// Bytes after the end of the zlib stream (text glued to a link, a second stream) are refused,
/// not silently ignored.
#[test]
fn data_after_the_compressed_stream_is_refused() {
    let card = &sample_cards(2)[1];
    let link = encode_link(card).expect("fits");
    let bytes = base64url_decode(link.trim_start_matches("#sc1=")).expect("base64url");
    for extra in [&[0u8][..], b"garbage", &bytes] {
        check_link_error(
            &format!("#sc1={}", base64url_encode(&[bytes.as_slice(), extra].concat())),
            LinkError::TrailingData,
        );
    }
    assert_eq!(
        LinkError::TrailingData.to_string(),
        "share link is corrupt: data follows the end of the compressed scorecard; copy the link alone, without what follows it"
    );
    // Text pasted onto the link is refused however it lines up with the base64 groups.
    for tail in ["Thanks", "x", "ok bye", "AAAA", "AAA", "AA"] {
        let glued = format!("{link}{tail}");
        assert!(decode_link_json(&glued).is_err(), "{glued}");
    }
    assert_eq!(&decode_link(&link, &rubric()).expect("the link alone reads"), card);
}

/// A zlib stream of 4 MiB of zeros, built with the same crate the links use.
fn miniz_oxide_like_bomb() -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(&vec![0u8; 4 * 1024 * 1024], 9)
}

#[test]
fn links_over_the_limit_are_refused_not_cut() {
    let rubric = rubric();
    let mut card = Scorecard::new(&rubric);
    let mut rng = Rng(42);
    // Incompressible text: random letters.
    for i in 0..20 {
        let text: String = (0..600).map(|_| char::from(b'a' + rng.below(26) as u8)).collect();
        card.observations.push(Observation { id: format!("o{i}"), text, ..Observation::default() });
    }
    match encode_link(&card) {
        Err(LinkError::TooLong { chars, limit }) => {
            assert!(chars > limit && limit == MAX_LINK_CHARS);
            let msg = LinkError::TooLong { chars, limit }.to_string();
            assert!(msg.contains("Export the scorecard as a JSON file instead"), "{msg}");
        }
        other => panic!("expected TooLong, got {other:?}"),
    }
    // A long base URL counts too.
    let small = &sample_cards(2)[1];
    let base = format!("https://x.example/{}", "p".repeat(MAX_LINK_CHARS));
    assert!(matches!(encode_link_url(small, &base), Err(LinkError::TooLong { .. })));
}

// ---------------------------------------------------------------------------------------------
// The bad-input corpus: every file through the core, then through the CLI.

struct BadInput {
    file: String,
    kind: String,
    expected: String,
}

fn corpus() -> Vec<BadInput> {
    let manifest = std::fs::read_to_string(repo("tests/bad_inputs/expected.tsv")).expect("manifest");
    let rows: Vec<BadInput> = manifest
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 3, "manifest line {l:?}");
            BadInput { file: cols[0].into(), kind: cols[1].into(), expected: cols[2].into() }
        })
        .collect();
    // Every file in the folder is in the manifest, and the other way round.
    let mut files: Vec<String> = std::fs::read_dir(repo("tests/bad_inputs"))
        .expect("corpus folder")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|f| f != "expected.tsv")
        .collect();
    files.sort();
    let mut listed: Vec<String> = rows.iter().map(|r| r.file.clone()).collect();
    listed.sort();
    assert_eq!(files, listed, "tests/bad_inputs and expected.tsv disagree");
    rows
}

/// The core's message for one input of a kind.
fn core_error(kind: &str, text: &str) -> String {
    let rubric = rubric();
    let result = match kind {
        "json" => import_json(text, &rubric).map(|_| ()),
        "greenhouse" => import_greenhouse(text, &rubric).map(|_| ()),
        "link" => decode_link(text, &rubric).map(|_| ()),
        other => panic!("unknown kind {other}"),
    };
    match result {
        Ok(()) => panic!("a bad input was accepted: {}", text.chars().take(200).collect::<String>()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn bad_inputs_are_refused_by_the_core_with_their_message() {
    let rows = corpus();
    assert!(rows.len() >= 40, "the corpus shrank to {}", rows.len());
    for row in rows {
        let text = std::fs::read_to_string(repo(&format!("tests/bad_inputs/{}", row.file))).expect("corpus file");
        let msg = core_error(&row.kind, &text);
        assert!(msg.contains(&row.expected), "{}: message {msg:?} lacks {:?}", row.file, row.expected);
    }
}

/// The widget reads drafts and a host's value with `read_json` and `read_value`, which return a
/// `ScorecardError` instead of an `ImportError` (so that the widget links no share-link
/// messages): the same cards, and errors that read exactly the same.
#[test]
fn read_json_and_read_value_match_import_json() {
    use scorecard::core::interchange::{import_value, read_json, read_value};
    let rubric = rubric();
    let big = format!(
        "{{\"format\": \"{FORMAT}\", \"version\": 1, \"ratings\": {{}}, \"pad\": \"{}\"}}",
        "x".repeat(MAX_DOCUMENT_BYTES)
    );
    let mut texts: Vec<String> = corpus()
        .into_iter()
        .filter(|row| row.kind == "json")
        .map(|row| std::fs::read_to_string(repo(&format!("tests/bad_inputs/{}", row.file))).expect("corpus file"))
        .collect();
    assert!(texts.len() >= 10, "only {} json inputs", texts.len());
    texts.extend([
        big,
        "\u{feff}{}".into(),
        "{\"a\": }".into(),
        json!({"format": FORMAT, "version": 0, "rubric": "l4-senior-software-engineer", "ratings": {"technical_expertise": "meets"}}).to_string(),
        json!({"format": FORMAT, "version": VERSION + 1, "ratings": {}}).to_string(),
        json!({"format": FORMAT, "version": 1, "ratings": {}, "candidate": {"id": 12345, "name": "Ada"}}).to_string(),
        export_json(&Scorecard::new(&rubric)),
    ]);
    for text in &texts {
        let want = import_json(text, &rubric).map_err(|e| e.to_string());
        assert_eq!(read_json(text, &rubric).map_err(|e| e.to_string()), want, "read_json: {text:.200}");
        if let Ok(value) = scorecard::core::json::parse(text.strip_prefix('\u{feff}').unwrap_or(text)) {
            let want = import_value(value.clone(), &rubric).map_err(|e| e.to_string());
            assert_eq!(read_value(value, &rubric).map_err(|e| e.to_string()), want, "read_value: {text:.200}");
        }
    }
}

/// Runs the CLI; returns (exit code, stdout, stderr).
fn run_cli(args: &[&str], stdin: &str) -> (i32, String, String) {
    let out = crate::support::run_cli(args, stdin.as_bytes());
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The CLI arguments that read one corpus file of a kind.
fn cli_args(kind: &str, path: &str, text: &str) -> Vec<String> {
    match kind {
        "json" => vec!["convert".into(), "--from".into(), "json".into(), path.into()],
        "greenhouse" => {
            vec!["convert".into(), "--from".into(), "greenhouse".into(), "--to".into(), "markdown".into(), path.into()]
        }
        _ => vec!["unlink".into(), text.trim().into()],
    }
}

/// Checks that the CLI refuses an input with exit code 1 and the message on stderr.
fn check_cli_refuses(args: &[String], expected: &str, what: &str) {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, stdout, stderr) = run_cli(&args, "");
    assert_eq!(code, 1, "{what}: exit code {code}, stderr {stderr}");
    assert!(
        stderr.starts_with("scorecard: ") && stderr.contains(expected),
        "{what}: stderr {stderr:?} lacks {expected:?}"
    );
    assert!(stdout.is_empty(), "{what}: printed {stdout:?}");
}

#[test]
fn bad_inputs_make_the_cli_exit_1_with_the_message() {
    for row in corpus() {
        let path = repo(&format!("tests/bad_inputs/{}", row.file));
        let text = std::fs::read_to_string(&path).expect("corpus file");
        let args = cli_args(&row.kind, &path.to_string_lossy(), &text);
        // The CLI reads a file as every command reads one (`read_scorecards`): an empty one is
        // said to be empty before any parser sees it, a list is read item by item.
        // A JSON error in a file of one line says its column alone, as in a line of JSON lines.
        let one_line = row.expected.replacen(" at line 1 column ", " at column ", 1);
        let expected = match row.file.as_str() {
            "empty.json" => "empty: no scorecard in it",
            "top-level-list.json" => "top-level-list.json [1]: expected a JSON object, found a number",
            _ if !text.trim_end().contains('\n') => &one_line,
            _ => &row.expected,
        };
        // A Greenhouse list of two, which the core refuses, is what the CLI's batch form reads:
        // one result each (`convert_link_and_unlink_take_a_batch`).
        if row.file == "gh-two-scorecards.json" {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let (code, _, stderr) = run_cli(&args, "");
            assert_eq!(code, 0, "{stderr}");
            assert!(stderr.contains("gh-two-scorecards.json [2]: "), "{stderr}");
            continue;
        }
        check_cli_refuses(&args, expected, &row.file);
        // A file holding a share link: `convert` and `link` read it as `unlink` reads the link,
        // with the same message.
        if row.kind == "link" {
            for cmd in ["convert", "link"] {
                check_cli_refuses(
                    &[cmd.into(), path.to_string_lossy().into_owned()],
                    expected,
                    &format!("{cmd} {}", row.file),
                );
            }
        }
        // `validate --json`: exit 1, each object not valid with a known code and the message
        // stderr gives it.
        if row.kind == "json" {
            let (code, stdout, stderr) = run_cli(&["validate", "--json", &path.to_string_lossy()], "");
            assert_eq!(code, 1, "validate --json {}: {stderr}", row.file);
            let objects: Vec<Value> = stdout.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
            assert!(objects.iter().any(|o| o["valid"] == false), "validate --json {}: {stdout}", row.file);
            for o in objects.iter().filter(|o| o["valid"] == false) {
                let e = &o["errors"][0];
                let codes =
                    ["unreadable", "too_large", "not_text", "no_scorecard", "not_json", "invalid", "greenhouse"];
                assert!(codes.contains(&e["code"].as_str().unwrap_or("")), "validate --json {}: {o}", row.file);
                let said = format!(
                    "scorecard: {}: {}\n",
                    o["source"].as_str().unwrap_or(""),
                    e["message"].as_str().unwrap_or("")
                );
                assert!(stderr.contains(&said), "validate --json {}: {said:?} not in {stderr:?}", row.file);
            }
        }
    }
}

/// Every command, in every form that reads a file, on every file of the bad-input corpus: exit
/// 0, 1 or 2 with a message, never a panic (Rust's 101, or the hook's "internal error").
#[test]
fn every_command_exits_0_1_or_2_on_the_bad_input_corpus() {
    let forms: &[&[&str]] = &[
        &["recommend"],
        &["recommend", "--jsonl"],
        &["validate"],
        &["validate", "--json"],
        &["validate", "--json", "--jsonl"],
        &["compare"],
        &["compare", "--jsonl"],
        &["convert"],
        &["convert", "--jsonl"],
        &["convert", "--to", "markdown"],
        &["convert", "--from", "greenhouse", "--to", "greenhouse"],
        &["link"],
        &["link", "--jsonl", "--base", "https://hr.example/sc"],
        &["unlink", "--jsonl"],
        &["classify"],
        &["draft"],
        &["rubric"],
    ];
    for row in corpus() {
        let path = repo(&format!("tests/bad_inputs/{}", row.file)).to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).expect("corpus file");
        for form in forms {
            for stdin in [false, true] {
                let mut args = form.to_vec();
                args.push(if stdin { "-" } else { &path });
                let (code, _, stderr) = run_cli(&args, if stdin { &text } else { "" });
                assert!([0, 1, 2].contains(&code), "{args:?} on {}: exit {code}: {stderr}", row.file);
                assert!(
                    !stderr.contains("internal error") && !stderr.contains("panicked"),
                    "{args:?} on {}: {stderr}",
                    row.file
                );
                assert!(code == 0 || stderr.starts_with("scorecard: "), "{args:?} on {}: {stderr}", row.file);
            }
        }
    }
}

#[test]
fn absurd_inputs_make_the_cli_exit_1() {
    let dir = std::env::temp_dir().join(format!("scorecard-interchange-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let big = dir.join("big.json");
    let text = format!(
        "{{\"format\": \"{FORMAT}\", \"version\": 1, \"ratings\": {{}}, \"pad\": \"{}\"}}",
        " ".repeat(MAX_DOCUMENT_BYTES)
    );
    std::fs::write(&big, &text).expect("write");
    let big = big.to_string_lossy().into_owned();
    // `convert` and `link` read a file as every command does (several scorecards may be in it),
    // each scorecard held to the document limit.
    let too_big = format!("bytes; the limit is {MAX_DOCUMENT_BYTES}");
    check_cli_refuses(&["convert".into(), big.clone()], &too_big, "big json");
    check_cli_refuses(
        &["convert".into(), "--from".into(), "greenhouse".into(), big.clone()],
        &too_big,
        "big greenhouse",
    );
    check_cli_refuses(&["link".into(), big], &too_big, "big link source");
    let deep = dir.join("deep.json");
    std::fs::write(&deep, format!("{}{}", "{\"a\":".repeat(50_000), "}".repeat(50_000))).expect("write");
    check_cli_refuses(
        &["convert".into(), deep.to_string_lossy().into_owned()],
        "recursion limit exceeded",
        "deep json",
    );
    let many = dir.join("many.json");
    let obs: Vec<Value> = (0..=MAX_OBSERVATIONS).map(|i| json!({"id": format!("o{i}"), "text": "x"})).collect();
    std::fs::write(&many, json!({"format": FORMAT, "version": 1, "ratings": {}, "observations": obs}).to_string())
        .expect("write");
    check_cli_refuses(
        &["convert".into(), many.to_string_lossy().into_owned()],
        "observations: 501 observations; the limit is 500",
        "many",
    );
    let long_link = format!("#sc1={}", "A".repeat(2 * MAX_DOCUMENT_BYTES + 1));
    let link_file = dir.join("link.txt");
    std::fs::write(&link_file, &long_link).expect("write");
    // The link is read from stdin: it is too long for a command line.
    let (code, _, stderr) = run_cli(&["unlink", "-"], &long_link);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(&format!("stdin: larger than {MAX_LINK_INPUT_CHARS} bytes, the limit of a share link")),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cli_converts_links_and_reports_mappings() {
    let rubric = rubric();
    let card = &sample_cards(2)[1];
    let dir = std::env::temp_dir().join(format!("scorecard-interchange-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("card.json");
    std::fs::write(&file, export_json(card)).expect("write");
    let path = file.to_string_lossy().into_owned();

    let (code, json_out, _) = run_cli(&["convert", "--from", "json", "--to", "json", &path], "");
    assert_eq!((code, json_out.trim_end()), (0, export_json(card).as_str()));

    let (code, gh, stderr) = run_cli(&["convert", "--to", "greenhouse", &path], "");
    assert_eq!(code, 0, "{stderr}");
    let expected: Value = export_greenhouse(card, &rubric);
    assert_eq!(serde_json::from_str::<Value>(&gh).ok(), Some(expected));

    // Greenhouse in through stdin: the mapping report goes to stderr, the document to stdout.
    let (code, back, stderr) = run_cli(&["convert", "--from", "greenhouse", "-"], &gh);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("attribute \"Technical Expertise\" -> technical_expertise (exact)"), "{stderr}");
    let back = import_json(&back, &rubric).expect("valid output");
    assert_eq!(back.ratings, card.ratings.iter().map(|(k, v)| (k.clone(), v.clone())).collect());
    let (_, _, quiet) = run_cli(&["convert", "--from", "greenhouse", "--quiet", "-"], &gh);
    assert!(quiet.is_empty(), "{quiet}");

    let (code, md, _) = run_cli(&["convert", "--to", "markdown", &path], "");
    assert_eq!((code, md), (0, export_markdown(card, &rubric)));

    let (code, link, _) = run_cli(&["link", &path], "");
    assert_eq!((code, link.trim_end()), (0, encode_link(card).expect("fits").as_str()));
    let (code, url, _) = run_cli(&["link", "--base", "https://hr.example/sc", &path], "");
    assert_eq!(code, 0);
    assert!(url.starts_with("https://hr.example/sc#sc1="), "{url}");
    let (code, json_back, stderr) = run_cli(&["unlink", url.trim()], "");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(import_json(&json_back, &rubric).as_ref(), Ok(card));

    // Usage errors exit 2.
    for args in [
        vec!["convert", "--to", "pdf", path.as_str()],
        vec!["convert", "--from", "lever", path.as_str()],
        vec!["link"],
        vec!["unlink"],
    ] {
        let (code, _, stderr) = run_cli(&args, "");
        assert_eq!(code, 2, "{args:?}: {stderr}");
    }
    // Several FILEs are a batch: one result per line.
    let (code, lines, _) = run_cli(&["convert", path.as_str(), path.as_str()], "");
    assert_eq!((code, lines.lines().count()), (0, 2), "{lines}");
    let (_, help, _) = run_cli(&["help"], "");
    for command in ["convert", "link", "unlink"] {
        assert!(help.lines().any(|l| l.trim_start().starts_with(command)), "usage lacks {command}: {help}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------------------------
// The JSON Schema.

fn schema() -> Value {
    serde_json::from_str(&std::fs::read_to_string(repo("schema/scorecard.v1.schema.json")).expect("schema file"))
        .expect("schema is JSON")
}

#[test]
fn schema_states_the_same_constants_as_the_code() {
    let s = schema();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(s["properties"]["format"]["const"], FORMAT);
    assert_eq!(s["properties"]["version"]["const"], VERSION);
    assert_eq!(s["required"], json!(["format", "version", "ratings"]));
    let levels: Vec<&str> = Rating::ALL.iter().map(|r| r.id()).collect();
    assert_eq!(s["$defs"]["level"]["anyOf"][0]["enum"], json!(levels));
    assert_eq!(s["properties"]["observations"]["maxItems"], MAX_OBSERVATIONS);
    assert_eq!(s["$defs"]["rating"]["properties"]["note"]["maxLength"], MAX_TEXT_CHARS);
    assert_eq!(s["$defs"]["observation"]["properties"]["text"]["maxLength"], MAX_TEXT_CHARS);
    assert_eq!(s["$defs"]["field"]["anyOf"][0]["maxLength"], MAX_FIELD_CHARS);
}

/// Checks that the schema and `Scorecard::from_value` agree on one document.
fn check_schema(doc: Value, accepted: bool) {
    let s = schema();
    let by_schema = validate(&s, &s, &doc, "$");
    let by_code = Scorecard::from_value(&doc, &rubric());
    assert_eq!(by_code.is_ok(), accepted, "code on {doc}: {by_code:?}");
    assert_eq!(by_schema.is_ok(), accepted, "schema on {doc}: {by_schema:?}");
}

#[test]
fn schema_accepts_what_the_code_accepts() {
    for card in sample_cards(150) {
        check_schema(card.to_value(), true);
    }
    let base = || json!({"format": FORMAT, "version": 1, "ratings": {"technical_expertise": {"level": "meets", "note": "ok"}}});
    let with = |key: &str, v: Value| {
        let mut d = base();
        d[key] = v;
        d
    };
    for (doc, accepted) in [
        (base(), true),
        (with("candidate", json!("Ada")), true),
        (with("candidate", json!({"id": 12, "name": "Ada"})), true),
        (with("candidate", json!(12)), false),
        (with("interview", json!({"step": "Onsite", "date": "2024-02-29"})), true),
        (with("interview", json!({"step": "Onsite", "date": "2024-02-30"})), false),
        (with("interview", json!({"date": "2023-02-29"})), false),
        (with("interview", json!({"date": "2024-13-01"})), false),
        (with("interview", json!({"date": "yesterday"})), false),
        (with("interview", json!({"date": ""})), true),
        (with("submitted_at", json!("2024-05-01T10:00:00Z")), true),
        (with("submitted_at", json!("2026-11-25T20:16:32.123Z")), true),
        (with("submitted_at", json!("2024-05-01T10:00:00-07:00")), true),
        (with("submitted_at", json!("2024-02-30T25:61:99Z")), false),
        (with("submitted_at", json!("2024-05-01T10:00:00+99:99")), false),
        (with("submitted_at", json!("2024-05-01<script>alert(1)</script> lol")), false),
        (with("submitted_at", json!("2024-05-01")), true),
        (with("submitted_at", json!("2024-02-30")), false),
        (with("submitted_at", json!("")), true),
        (with("submitted_at", json!("soon")), false),
        (with("submitted_at", json!(5)), false),
        (with("observations", json!([{"text": "x"}])), true),
        (
            with("observations", json!([{"text": "x", "level": null, "capability": null, "source": "interviewer"}])),
            true,
        ),
        (with("observations", json!([{"text": "x", "source": "robot"}])), false),
        (with("observations", json!([{"id": "o1"}])), false),
        (with("observations", json!([{"text": "   "}])), false),
        (with("observations", json!({"o1": "x"})), false),
        (with("ratings", json!({"technical_expertise": {"level": "great"}})), false),
        (with("ratings", json!({"technical_expertise": {"level": null}})), true),
        (with("ratings", json!({"technical_expertise": {"note": 3}})), false),
        (with("ratings", json!({"technical_expertise": "meets"})), false),
        (with("ratings", json!([])), false),
        (with("rubric", json!({"id": "l4-senior-software-engineer", "version": 1})), true),
        (with("rubric", json!({"version": -1})), false),
        (with("version", json!(2)), false),
        (with("version", json!("1")), false),
        (with("format", json!("resume")), false),
        (with("unknown_extension", json!({"kept": false})), true),
        (json!({"format": FORMAT, "version": 1}), false),
        (json!([]), false),
    ] {
        check_schema(doc, accepted);
    }
}

// ---------------------------------------------------------------------------------------------
// Timings, for BENCHMARKS.md ("## Interchange"). Run with
// `cargo test --profile native --test core interchange::bench -- --ignored --nocapture`.

/// A scorecard of typical size: six notes of a sentence or two, twelve tagged observations.
fn typical_card() -> Scorecard {
    let rubric = rubric();
    let mut card = sample_cards(2)[1].clone();
    card.observations.clear();
    for (i, cap) in rubric.capabilities.iter().enumerate() {
        card.ratings.insert(
            cap.id.clone(),
            RatingEntry { level: Rating::LEVELS[i % 3], note: cap.descriptors.meets.clone(), ..Default::default() },
        );
    }
    for i in 0..12 {
        let cap = &rubric.capabilities[i % rubric.capabilities.len()];
        card.observations.push(Observation {
            id: format!("o{}", i + 1),
            text: format!("{} (seen in answer {})", rubric.traits.items[i % rubric.traits.items.len()], i + 1),
            capability: Some(cap.id.clone()),
            level: Rating::Meets,
            source: TagSource::Interviewer,
        });
    }
    card
}

/// The mean time of `f` over `runs` runs, in microseconds.
fn time_us(runs: u32, mut f: impl FnMut()) -> f64 {
    let start = std::time::Instant::now();
    for _ in 0..runs {
        f();
    }
    start.elapsed().as_secs_f64() * 1e6 / f64::from(runs)
}

#[test]
#[ignore = "timings for BENCHMARKS.md; run with --ignored --nocapture"]
fn bench() {
    let rubric = rubric();
    let card = typical_card();
    let json_text = export_json(&card);
    let gh_text = serde_json::to_string(&export_greenhouse(&card, &rubric)).unwrap_or_default();
    let link = encode_link(&card).expect("fits");
    let bomb = format!("#sc1={}", base64url_encode(&miniz_oxide_like_bomb()));
    let big_note = json!({"format": FORMAT, "version": 1, "ratings": {}, "observations":
        (0..MAX_OBSERVATIONS).map(|i| json!({"id": format!("o{i}"), "text": "x".repeat(2000)})).collect::<Vec<_>>()})
    .to_string();
    println!(
        "typical scorecard: {} bytes of JSON, {} bytes as Greenhouse, link {} characters",
        json_text.len(),
        gh_text.len(),
        link.len()
    );
    let n = 2000;
    let rows = [
        ("import_json (typical)", time_us(n, || assert!(import_json(&json_text, &rubric).is_ok()))),
        ("export_json (typical)", time_us(n, || assert!(!export_json(&card).is_empty()))),
        ("import_greenhouse (typical)", time_us(n, || assert!(import_greenhouse(&gh_text, &rubric).is_ok()))),
        ("export_greenhouse (typical)", time_us(n, || assert!(export_greenhouse(&card, &rubric).is_object()))),
        ("export_markdown (typical)", time_us(n, || assert!(!export_markdown(&card, &rubric).is_empty()))),
        ("encode_link (typical)", time_us(n, || assert!(encode_link(&card).is_ok()))),
        ("decode_link (typical)", time_us(n, || assert!(decode_link(&link, &rubric).is_ok()))),
        (
            "decode_link (compression bomb, stops at 1 MiB)",
            time_us(20, || assert!(decode_link(&bomb, &rubric).is_err())),
        ),
        (
            "import_json (1,000,000-byte document, 500 observations)",
            time_us(20, || {
                let _ = import_json(&big_note, &rubric);
            }),
        ),
    ];
    for (what, us) in rows {
        println!("{what}: {us:.1} µs");
    }
}

/// `Scorecard::to_value` and `Recommendation::to_value` are written out by hand for the widget's
/// size; they must give exactly what the derived `Serialize` impls give.
#[test]
fn hand_written_values_match_the_derived_serialisation() {
    let rubric = rubric();
    let cards = sample_cards(300);
    let mut with_observations = 0;
    for card in &cards {
        let derived = |v: serde_json::Result<Value>| v.expect("plain data serialises");
        let mut expected = serde_json::Map::new();
        expected.insert("format".into(), "interview-scorecard".into());
        expected.insert("version".into(), 1.into());
        if !card.rubric.id.is_empty() {
            expected.insert("rubric".into(), derived(serde_json::to_value(&card.rubric)));
        }
        for (key, person) in [("candidate", &card.candidate), ("interviewer", &card.interviewer)] {
            if !person.is_empty() {
                expected.insert(key.into(), derived(serde_json::to_value(person)));
            }
        }
        if card.interview != Default::default() {
            expected.insert("interview".into(), derived(serde_json::to_value(&card.interview)));
        }
        expected.insert("ratings".into(), derived(serde_json::to_value(&card.ratings)));
        expected.insert("observations".into(), derived(serde_json::to_value(&card.observations)));
        expected.insert("submitted_at".into(), derived(serde_json::to_value(&card.submitted_at)));
        assert_eq!(card.to_value(), Value::Object(expected));
        with_observations += usize::from(!card.observations.is_empty());

        let rec = recommend(&rubric, card);
        assert_eq!(rec.to_value(), derived(serde_json::to_value(&rec)));
    }
    assert!(with_observations > 100, "the samples carry observations");
}

/// A file's bytes are text as the command-line tool and the page's file inputs both read them:
/// UTF-8, its byte-order mark dropped; anything else is refused, UTF-16 by name and other bytes
/// by the first that is not text, rather than read with replacement characters.
#[test]
fn a_files_bytes_are_utf8_text() {
    use scorecard::core::interchange::decode_text;
    let text = "{\"name\": \"Zoë 李\"}";
    assert_eq!(decode_text(text.as_bytes()).as_deref(), Ok(text));
    assert_eq!(decode_text(format!("\u{feff}{text}").as_bytes()).as_deref(), Ok(text));
    assert_eq!(decode_text(b"").as_deref(), Ok(""));
    // Latin-1 (a name in a Windows-1252 export), random bytes, UTF-16 either way round.
    assert_eq!(decode_text(b"{\"a\": \"\xe9\"}"), Err("not UTF-8 text (byte 8); save it as UTF-8".to_string()));
    assert_eq!(decode_text(&[0x80, 0x00]), Err("not UTF-8 text (byte 1); save it as UTF-8".to_string()));
    // Counted in the file: a byte-order mark before it is three bytes.
    assert_eq!(
        decode_text(b"\xef\xbb\xbf{\"a\": \"\xe9\"}"),
        Err("not UTF-8 text (byte 11); save it as UTF-8".to_string())
    );
    let le: Vec<u8> = [0xff, 0xfe].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let be: Vec<u8> = [0xfe, 0xff].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
    assert_eq!(decode_text(&le), Err("UTF-16 text; save it as UTF-8".to_string()));
    assert_eq!(decode_text(&be), Err("UTF-16 text; save it as UTF-8".to_string()));
}

/// Observations flagged as an impression ("Seems really smart.") are no Key Take-Away: the
/// widget itself says they are not evidence of behaviour. A QA pass found the take-aways made of
/// nothing else.
#[test]
fn greenhouse_take_aways_leave_impressions_out() {
    let rubric = rubric();
    let mut card = Scorecard::new(&rubric);
    for (i, text) in [
        "Seems really smart.",
        "Great attitude, a real rockstar engineer.",
        "Walked through the rollback plan step by step.",
    ]
    .iter()
    .enumerate()
    {
        card.observations.push(Observation { id: format!("o{i}"), text: text.to_string(), ..Observation::default() });
    }
    assert!(scorecard::core::interchange::impression(&card.observations[0]));
    assert!(!scorecard::core::interchange::impression(&card.observations[2]));
    let gh = export_greenhouse(&card, &rubric);
    assert_eq!(
        gh["questions"][0]["answer"], "<ul><li>Walked through the rollback plan step by step.</li></ul>",
        "{gh}"
    );
    card.observations.truncate(2);
    assert_eq!(export_greenhouse(&card, &rubric)["questions"][0]["answer"], Value::Null);
}

/// A multi-line observation goes out as one Key Take-Aways item with `<br>`s, and comes back as
/// one observation with its lines (its blank line too): a second export writes the same answer.
/// Its lines read apart, the second ("shared weekly") read as an impression and was left out.
#[test]
fn greenhouse_multi_line_observation_survives_a_second_trip() {
    let rubric = rubric();
    let mut card = Scorecard::new(&rubric);
    let text = "Wrote the migration runbook for the on-call rotation.\n\nshared weekly";
    card.observations.push(Observation {
        id: "o1".into(),
        text: text.into(),
        capability: Some("technical_expertise".into()),
        level: Rating::Exceeds,
        source: TagSource::Interviewer,
    });
    let first = export_greenhouse(&card, &rubric);
    let back = import_greenhouse(&first.to_string(), &rubric).expect("imports").card;
    let got: Vec<(&str, Option<&str>, Rating)> =
        back.observations.iter().map(|o| (o.text.as_str(), o.capability.as_deref(), o.level)).collect();
    assert_eq!(got, [(text, Some("technical_expertise"), Rating::Exceeds)]);
    let second = export_greenhouse(&back, &rubric);
    assert_eq!(second["questions"], first["questions"]);
    assert_eq!(
        first["questions"][0]["answer"],
        "<ul><li>Technical Expertise (Exceeds Expectations): Wrote the migration runbook for the on-call \
         rotation.<br><br>shared weekly</li></ul>"
    );
}

/// A list item's lines are one text; lines elsewhere (`<br>`, a plain text's line breaks, other
/// blocks) are texts of their own, as a hand-written answer's lines are.
#[test]
fn html_blocks_keep_a_list_items_lines_together() {
    for (html, blocks) in [
        ("<ul><li>a<br>b</li><li> c </li></ul>", vec!["a\nb", "c"]),
        ("<ul><li>a<br><br>b<br></li></ul>", vec!["a\n\nb"]),
        ("<ul>\n  <li>\n    a\n    b\n  </li>\n</ul>", vec!["a\nb"]),
        ("<ul><li>a<br>b<li>c<br>d</ul>e<br>f", vec!["a\nb", "c\nd", "e", "f"]),
        ("<p>a<br>b</p>", vec!["a", "b"]),
        ("one\ntwo\r\nthree", vec!["one", "two", "three"]),
        ("<li>a&#10;b&#13;c</li>", vec!["a\nb c"]),
    ] {
        assert_eq!(html_blocks(html), blocks, "for {html:?}");
    }
}

/// The `ratings` grouping's silent choices are said: an attribute without a rating of its own
/// listed under two ratings takes the lowest, naming it; a name no attribute has is ignored,
/// named. (Before, the first rating in key order was taken, silently: strong_yes over yes.)
#[test]
fn greenhouse_grouping_warns_what_it_chose_and_ignored() {
    let rubric = rubric();
    let gh = json!({
        "attributes": [
            {"name": "Communication", "type": "Skills", "note": null, "rating": null},
            {"name": "Technical Expertise", "type": "Skills", "note": null, "rating": null},
        ],
        "ratings": {
            "strong_yes": ["Communication", "Technical Expertise"],
            "yes": ["Communication", "Curiosity"],
            "no": ["Technical Expertise"],
        },
    });
    let g = import_greenhouse(&gh.to_string(), &rubric).expect("imports");
    assert_eq!(g.card.rating("communication_collaboration"), Rating::Meets);
    assert_eq!(g.card.rating("technical_expertise"), Rating::NeedsImprovement);
    assert_eq!(
        g.warnings,
        [
            "attribute \"Communication\" has no rating of its own and is listed under several ratings: the \
             lowest, yes, is kept",
            "attribute \"Technical Expertise\" has no rating of its own and is listed under several ratings: \
             the lowest, no, is kept",
            "ratings.yes lists \"Curiosity\", which is no attribute's name; it is not imported",
        ]
    );
}
