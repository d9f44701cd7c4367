//! The messages between the widget and its on-demand module (`core::wire`): every reply the
//! module can send reads back to the same value in the widget, and nothing the widget could be
//! handed (a broken, truncated or foreign reply) makes the decoder panic.

use scorecard::core::classifier::{classify, detect_flags};
use scorecard::core::interchange::{encode_link_url, export_greenhouse, export_markdown, Format, MatchKind};
use scorecard::core::scorecard::{Observation, Rating, Scorecard, TagSource};
use scorecard::core::wire::{self, decode_classification, decode_flags, decode_import, decode_text};
use scorecard::core::Rubric;

fn rubric() -> Rubric {
    Rubric::default_rubric().expect("the embedded rubric is valid")
}

fn notes(file: &str) -> Vec<String> {
    let text =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).expect("corpus file");
    text.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect()
}

fn sample_card(rubric: &Rubric) -> Scorecard {
    let mut card = Scorecard::new(rubric);
    card.candidate.name = "Zoë <script>alert(1)</script> Ñúñez".into();
    card.interviewer.name = "Grace \"Amazing\" Hopper".into();
    for (i, cap) in rubric.capabilities.iter().enumerate() {
        let entry = card.ratings.slot(&cap.id);
        entry.level = Rating::ALL[i % 4];
        entry.note = format!("Note {i}: line one\nline two & <b>three</b>");
    }
    card.observations.push(Observation {
        id: "o1".into(),
        text: "Mentors two new grads weekly.".into(),
        capability: Some("mentorship_support".into()),
        level: Rating::Meets,
        source: TagSource::Interviewer,
    });
    card
}

#[test]
fn every_classification_survives_the_trip() {
    let heldout = notes("data/corpus/heldout.jsonl");
    assert!(heldout.len() >= 300, "held-out notes found");
    let mut with_evidence = 0;
    for note in heldout.iter().chain(notes("data/corpus/flags.jsonl").iter()) {
        let direct = classify(note).expect("a corpus note classifies");
        with_evidence += usize::from(!direct.evidence.is_empty());
        let reply = wire::serve_classify(note);
        assert_eq!(decode_classification(&reply), Ok(direct), "{note}");
    }
    assert!(with_evidence > 300, "the replies carry evidence spans");
}

#[test]
fn classifier_refusals_arrive_as_their_message() {
    for (text, says) in [("", "empty"), ("   ", "empty"), ("!!! ??? ...", "no words")] {
        let err = decode_classification(&wire::serve_classify(text)).expect_err(text);
        assert!(err.contains(says), "{text:?}: {err}");
    }
}

#[test]
fn flags_survive_the_trip() {
    let mut flagged = 0;
    for note in notes("data/corpus/flags.jsonl") {
        let direct = detect_flags(&note);
        flagged += usize::from(!direct.is_empty());
        assert_eq!(decode_flags(&wire::serve_flags(&note)), Ok(direct), "{note}");
    }
    assert!(flagged >= 40, "the flag corpus raises flags ({flagged})");
}

#[test]
fn exports_match_the_core_formats() {
    let rubric = rubric();
    let card = sample_card(&rubric);
    let json = card.to_json();
    let export =
        |format: &str| decode_text(&wire::serve_export(format, &json, &rubric.source_json, "https://ats.example/p"));
    assert_eq!(export("markdown"), Ok(export_markdown(&card, &rubric)));
    assert_eq!(export("greenhouse"), Ok(serde_json::to_string_pretty(&export_greenhouse(&card, &rubric)).unwrap()));
    assert_eq!(export("link"), encode_link_url(&card, "https://ats.example/p").map_err(|e| e.to_string()));
    let err = export("pdf").expect_err("unknown format");
    assert!(err.contains("unknown export format \"pdf\""), "{err}");
    let err =
        decode_text(&wire::serve_export("markdown", "{not json", &rubric.source_json, "")).expect_err("broken card");
    assert!(err.contains("the scorecard could not be read"), "{err}");
    let err = decode_text(&wire::serve_export("markdown", &json, "{\"format\": 1}", "")).expect_err("broken rubric");
    assert!(err.contains("the rubric could not be read"), "{err}");
}

#[test]
fn imports_read_documents_greenhouse_and_links() {
    let rubric = rubric();
    let card = sample_card(&rubric);

    let doc = decode_import(&wire::serve_import(&card.to_json(), &rubric.source_json), &rubric).expect("document");
    assert_eq!((doc.format, &doc.card, doc.mappings.len()), (Format::Scorecard, &card, 0));

    let link = encode_link_url(&card, "https://ats.example/p").expect("link");
    let shared = decode_import(&wire::serve_import(&link, &rubric.source_json), &rubric).expect("link");
    assert_eq!(shared.card, card);

    // A Greenhouse scorecard: one attribute per capability, and a note that maps to none.
    let mut gh = export_greenhouse(&card, &rubric);
    gh["attributes"].as_array_mut().unwrap().push(serde_json::json!({
        "name": "Culture add", "type": "Skills", "note": "Ran the on-call rota for two teams and wrote the runbook.", "rating": "yes"
    }));
    // A private note is left out, and the widget is told so (the reply carries the warning).
    gh["questions"] =
        serde_json::json!([{"id": null, "question": "Private Notes", "answer": "Salary expectations are high."}]);
    let imported =
        decode_import(&wire::serve_import(&gh.to_string(), &rubric.source_json), &rubric).expect("greenhouse");
    assert_eq!(imported.format, Format::Greenhouse);
    assert!(
        imported.warnings.iter().any(|w| w.contains("\"Private Notes\" is private to its author and is not imported")),
        "{:?}",
        imported.warnings
    );
    assert!(!imported.card.to_json().contains("Salary"), "the private note is not in the card");
    assert_eq!(imported.mappings.len(), rubric.capabilities.len() + 1);
    assert!(imported.mappings[..rubric.capabilities.len()]
        .iter()
        .all(|m| m.how == MatchKind::Exact && m.capability.is_some()));
    let culture = imported.mappings.last().unwrap();
    assert_eq!(
        (culture.attribute.as_str(), culture.how, culture.capability.as_deref()),
        ("Culture add", MatchKind::Unmatched, None)
    );
    // Its note became an observation, and the on-demand module suggested a tag for it.
    let suggested = imported
        .card
        .observations
        .iter()
        .find(|o| o.text.contains("on-call rota"))
        .expect("the unmatched note is an observation");
    assert_eq!(suggested.source, TagSource::Suggested);
    assert!(suggested.capability.is_some(), "a tag was suggested: {suggested:?}");

    let err = decode_import(
        &wire::serve_import("{\"format\": \"interview-scorecard\", \"version\": 9}", &rubric.source_json),
        &rubric,
    )
    .expect_err("a newer version");
    assert!(err.contains('9'), "{err}");
    let err = decode_import(&wire::serve_import("#sc1=AAAA", &rubric.source_json), &rubric).expect_err("a broken link");
    assert!(err.contains("share link"), "{err}");

    // A link as chat apps paste it, in angle brackets, is a link.
    let wrapped = format!("  <{link}>\n");
    assert!(wire::looks_like_link(&wrapped));
    assert_eq!(
        decode_import(&wire::serve_import(&wrapped, &rubric.source_json), &rubric).expect("wrapped link").card,
        card
    );
    // And at a sentence's end, as the CLI and the committee page read it (`link::as_pasted`).
    let ended = format!("<{link}>.");
    assert!(wire::looks_like_link(&ended));
    assert_eq!(
        decode_import(&wire::serve_import(&ended, &rubric.source_json), &rubric).expect("link and a period").card,
        card
    );
    // The Markdown summary pasted back is named as such, not called a broken link.
    let md = export_markdown(&card, &rubric);
    assert!(!wire::looks_like_link(&md));
    let err = decode_import(&wire::serve_import(&md, &rubric.source_json), &rubric).expect_err("markdown");
    assert!(err.contains("Markdown summary"), "{err}");
}

/// The widget re-validates an imported card against its own rubric: a card for another rubric's
/// capabilities is refused even when the on-demand module accepted it.
#[test]
fn the_widget_validates_an_imported_card_again() {
    let rubric = rubric();
    let other = Rubric::from_json(&rubric.source_json.replace("mentorship_support", "quantum_tunnelling"))
        .expect("the altered rubric is valid");
    let mut card = Scorecard::new(&other);
    card.ratings.slot("quantum_tunnelling").level = Rating::Meets;
    let reply = wire::serve_import(&card.to_json(), &other.source_json);
    assert!(decode_import(&reply, &other).is_ok());
    let err = decode_import(&reply, &rubric).expect_err("the widget's rubric has no such capability");
    assert!(err.contains("quantum_tunnelling"), "{err}");
}

/// Whatever arrives instead of a reply, the decoders say what is wrong and never panic.
#[test]
fn broken_replies_are_errors_not_panics() {
    let rubric = rubric();
    let good = wire::serve_classify("Mentors two new grads weekly.");
    let mut replies: Vec<String> = vec![
        String::new(),
        "null".into(),
        "[]".into(),
        "\"ok\"".into(),
        "{}".into(),
        "{\"error\": 5}".into(),
        "{\"ok\": null}".into(),
        "{\"ok\": {\"capability\": 1}}".into(),
        "{\"ok\": {\"level\": \"great\"}}".into(),
        "{\"ok\": [{\"kind\": \"rude\", \"reason\": \"x\"}]}".into(),
        "{\"ok\": {\"format\": \"lever\", \"card\": {}, \"mappings\": []}}".into(),
        "{\"ok\": {\"format\": \"scorecard\", \"card\": {}, \"mappings\": []}}".into(),
        "{\"ok\": {\"format\": \"greenhouse\", \"card\": null, \"mappings\": [{\"how\": \"psychic\"}]}}".into(),
    ];
    // Every prefix of a real reply: a reply cut short in transit.
    replies.extend((0..good.len()).filter(|&i| good.is_char_boundary(i)).map(|i| good[..i].to_string()));
    for reply in &replies {
        assert!(decode_classification(reply).is_err(), "{reply}");
        assert!(decode_flags(reply).is_err() || reply.contains("\"ok\": ["), "{reply}");
        assert!(decode_import(reply, &rubric).is_err(), "{reply}");
        assert!(decode_text(reply).is_err(), "{reply}");
    }
    assert_eq!(decode_classification("{\"error\": \"the note is empty\"}"), Err("the note is empty".to_string()));
}
