//! The rubric: the embedded L4 document is faithful to the seed, and bad rubrics are refused
//! with specific errors.

use scorecard::core::rubric::{Rubric, DEFAULT_RUBRIC_JSON};
use scorecard::core::scorecard::Rating;
use serde_json::Value;

const SEED: &str = include_str!("../../data/seed/l4-senior-software-engineer.txt");

#[test]
fn default_rubric_is_valid_and_has_the_stable_ids() {
    let r = Rubric::default_rubric().expect("embedded rubric validates");
    let ids: Vec<&str> = r.capabilities.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        ["technical_expertise", "project_ownership", "business_impact", "communication_collaboration", "mentorship_support", "leadership_process"]
    );
    let names: Vec<&str> = r.capabilities.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        ["Technical Expertise", "Project Ownership", "Business Impact", "Communication & Collaboration", "Mentorship & Support", "Leadership & Process Improvement"]
    );
    assert_eq!(r.title, "L4 Senior Software Engineer");
    assert_eq!(r.traits.items.len(), 10);
}

/// Every descriptor, highlight and trait is word for word in the seed, with only the seed's
/// stray punctuation (". ." and "}") fixed.
#[test]
fn default_rubric_carries_the_seed_word_for_word() {
    let seed = SEED.replace(". .", ".").replace("engineer}", "engineer");
    let r = Rubric::default_rubric().unwrap();
    for cap in &r.capabilities {
        for level in Rating::LEVELS {
            let text = cap.descriptor(level).unwrap();
            assert!(seed.contains(text), "{} {} not in the seed: {text}", cap.id, level.id());
            assert!(!text.contains(". ."), "stray punctuation fixed in {}", cap.id);
        }
        assert!(seed.contains(&format!("\n{} |", cap.name)), "capability name {} in the seed table", cap.name);
    }
    for line in r.highlights.iter().chain(&r.traits.items) {
        assert!(seed.contains(&format!("- {line}\n")), "not in the seed: {line}");
    }
    assert!(seed.contains(&r.summary));
    assert!(seed.contains(&r.traits.intro));
}

/// Applies `edit` to the default rubric's JSON and expects `from_json` to fail with `expected`.
fn check_error(edit: impl Fn(&mut Value), expected: &str) {
    let mut v: Value = serde_json::from_str(DEFAULT_RUBRIC_JSON).unwrap();
    edit(&mut v);
    let err = Rubric::from_json(&v.to_string()).expect_err(expected).to_string();
    assert!(err.contains(expected), "expected {expected:?} in {err:?}");
}

#[test]
fn bad_rubrics_get_specific_errors() {
    check_error(|v| v["capabilities"][1]["id"] = "technical_expertise".into(), "capabilities: duplicate id \"technical_expertise\"");
    check_error(|v| v["policy"]["core"][0] = "coding".into(), "policy.core: unknown capability \"coding\"");
    check_error(|v| v["levels"][1]["id"] = "meet".into(), "levels[1].id: unknown level \"meet\"; expected needs_improvement, meets or exceeds");
    check_error(|v| v["policy"]["weights"]["typing_speed"] = 1.into(), "policy.weights: unknown capability \"typing_speed\"");
    check_error(|v| v["capabilities"][2]["descriptors"]["meets"] = "".into(), "capabilities[2] (business_impact).descriptors.meets: missing text");
    check_error(
        |v| {
            v["capabilities"][0]["descriptors"].as_object_mut().unwrap().remove("exceeds");
        },
        "descriptors.exceeds: missing text",
    );
    check_error(|v| v["format"] = "ladder".into(), "format: expected \"scorecard-rubric\", found \"ladder\"");
    check_error(|v| v["schema_version"] = 2.into(), "schema_version: this build reads rubric schema version 1, found 2");
    check_error(|v| v["capabilities"][0]["id"] = "Tech Skills".into(), "must be lower_snake_case");
    check_error(|v| v["policy"]["weights"]["business_impact"] = (-1.0).into(), "policy.weights.business_impact");
    check_error(|v| v["policy"]["bands"][0]["min_score"] = 7.into(), "policy.bands[0].min_score: must be between 0 and 2");
    check_error(|v| v["policy"]["bands"] = Value::Array(vec![]), "policy.bands: the list is empty; a rubric needs at least one hiring band");
    check_error(|v| v["capabilities"] = Value::Array(vec![]), "capabilities: the list is empty; a rubric needs at least one capability");
    check_error(|v| v["policy"]["min_assessed"] = 9.into(), "policy.min_assessed: 9 is more than the 6 capabilities");
    check_error(|v| v["capabilities"] = "six".into(), "rubric is not valid");
    let err = Rubric::from_json("{ not json").unwrap_err().to_string();
    assert!(err.starts_with("rubric is not valid"), "{err}");
    // A ladder document given where a rubric file belongs (the widget's `rubric` attribute) is
    // named as such, with the command that converts it.
    let seed = include_str!("../../data/seed/l4-senior-software-engineer.txt");
    let err = Rubric::from_json(seed).unwrap_err().to_string();
    assert!(err.contains("not JSON: this is text") && err.contains("scorecard rubric"), "{err}");
}

/// Bands are listed from the highest to the lowest and the engine takes the first that holds:
/// reversed bands would make every hire the lowest band, so they are refused.
#[test]
fn bands_must_go_from_the_highest_to_the_lowest() {
    check_error(
        |v| {
            let bands = v["policy"]["bands"].as_array_mut().unwrap();
            bands.reverse();
        },
        "policy.bands[1].min_score: bands go from the highest to the lowest; 0.8 is above bands[0]'s 0.5",
    );
    check_error(|v| v["policy"]["bands"][2]["min_score"] = 1.5.into(), "policy.bands[2].min_score: bands go from the highest to the lowest; 1.5 is above bands[1]'s 0.8");
    // Equal minimum scores are fine: the other conditions tell such bands apart.
    let mut v: Value = serde_json::from_str(DEFAULT_RUBRIC_JSON).unwrap();
    v["policy"]["bands"][1]["min_score"] = 1.7.into();
    assert!(Rubric::from_json(&v.to_string()).is_ok());
}

/// User text quoted in a rubric error is cut to 60 characters and its control characters are
/// escaped: a message must never carry a 100 KB id or a live terminal escape.
#[test]
fn rubric_errors_quote_user_text_clipped_and_escaped() {
    let long = "x".repeat(100_000);
    let mut v: Value = serde_json::from_str(DEFAULT_RUBRIC_JSON).unwrap();
    v["capabilities"][0]["id"] = long.clone().into();
    let err = Rubric::from_json(&v.to_string()).unwrap_err().to_string();
    assert_eq!(err, format!("capabilities: id \"{}…\" must be lower_snake_case letters, digits and _, at most 64 characters", &long[..60]));
    check_error(|v| v["policy"]["core"][0] = format!("{long}\u{1b}").into(), &format!("policy.core: unknown capability \"{}…\"", &long[..60]));
    check_error(|v| v["policy"]["weights"][&long] = 1.into(), &format!("policy.weights: unknown capability \"{}…\"", &long[..60]));
    check_error(|v| v["policy"]["weights"]["a\u{1b}[2Jb"] = "heavy".into(), "policy.weights.a\\u001b[2Jb: expected a number");
    check_error(|v| v["format"] = "\u{1b}]0;pwned\u{7}\n\0".into(), "format: expected \"scorecard-rubric\", found \"\\u001b]0;pwned\\u0007\\u000a\\u0000\"");
    let err = Rubric::from_json(&format!("{{\"{long}\": 1, \"{long}\": 2}}")).unwrap_err().to_string();
    assert_eq!(err, format!("rubric is not valid: duplicate key \"{}…\" at line 1 column 100009", &long[..60]));
}

/// Another ladder in the same format loads and drives the engine with no code change.
#[test]
fn another_rubric_loads_without_code_changes() {
    let text = r#"{
      "format": "scorecard-rubric", "schema_version": 1, "id": "l2-sre", "version": 3,
      "title": "L2 Site Reliability Engineer", "role": "Site Reliability Engineer", "level": "L2",
      "capabilities": [
        {"id": "operations", "name": "Operations", "descriptors": {"needs_improvement": "a", "meets": "b", "exceeds": "c"}},
        {"id": "automation", "name": "Automation", "descriptors": {"needs_improvement": "d", "meets": "e", "exceeds": "f"}}
      ],
      "policy": {"min_assessed": 2, "core": ["operations"], "bands": [{"level": "L2", "min_score": 1.0, "core_at_least": "meets"}]}
    }"#;
    let r = Rubric::from_json(text).expect("valid");
    let card = scorecard::core::Scorecard::from_json(
        r#"{"format":"interview-scorecard","version":1,"ratings":{"operations":{"level":"meets"},"automation":{"level":"exceeds"}}}"#,
        &r,
    )
    .unwrap();
    let rec = scorecard::core::recommend(&r, &card);
    assert_eq!(rec.decision, scorecard::core::Decision::Hire);
    assert_eq!(rec.level.as_deref(), Some("L2"));
}

/// The rubric reader is written out by hand (no derived code in the widget): it must read back
/// everything the rubric serialises to, and name the path of a field of the wrong shape.
#[test]
fn the_reader_reads_what_the_rubric_writes_and_names_bad_fields() {
    let rubric = Rubric::default_rubric().unwrap();
    let written = serde_json::to_string(&rubric).unwrap();
    let mut again = Rubric::from_json(&written).expect("a written rubric reads back");
    assert_ne!(again.source_json, rubric.source_json, "each keeps the text it was read from");
    again.source_json = rubric.source_json.clone();
    assert_eq!(again, rubric);

    check_error(|v| v["capabilities"][3]["name"] = 5.into(), "rubric is not valid: capabilities[3].name: expected text");
    check_error(|v| v["policy"]["bands"][1]["core_at_least"] = "great".into(), "policy.bands[1].core_at_least: expected");
    check_error(|v| v["policy"]["bands"][0]["min_score"] = "high".into(), "policy.bands[0].min_score: expected a number");
    check_error(|v| v["policy"]["min_assessed"] = (-2).into(), "policy.min_assessed: expected a whole number");
    check_error(|v| v["traits"]["items"][2] = Value::Bool(true), "traits.items[2]: expected text");
    check_error(|v| { v.as_object_mut().unwrap().remove("policy"); }, "policy: missing");
    check_error(|v| v["schema_version"] = 1.5.into(), "schema_version: expected a whole number");
    // Optional parts may be left out or null.
    let mut v: Value = serde_json::from_str(&rubric.source_json).unwrap();
    for key in ["summary", "highlights", "levels", "traits", "guidance"] {
        v[key] = Value::Null;
    }
    let lean = Rubric::from_json(&v.to_string()).expect("optional parts are optional");
    assert_eq!(lean.levels.len(), 3, "default level labels");
    assert!(lean.traits.items.is_empty() && lean.guidance.is_none());
}
