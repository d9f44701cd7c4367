//! The rubric: the embedded L4 document is faithful to the seed, and bad rubrics are refused
//! with specific errors.

use scorecard::core::rubric::{Rubric, DEFAULT_RUBRIC_JSON};
use scorecard::core::scorecard::Rating;
use serde_json::{json, Value};

use crate::support::validate;

const SEED: &str = include_str!("../../data/seed/l4-senior-software-engineer.txt");

#[test]
fn default_rubric_is_valid_and_has_the_stable_ids() {
    let r = Rubric::default_rubric().expect("embedded rubric validates");
    let ids: Vec<&str> = r.capabilities.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "technical_expertise",
            "project_ownership",
            "business_impact",
            "communication_collaboration",
            "mentorship_support",
            "leadership_process"
        ]
    );
    let names: Vec<&str> = r.capabilities.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Technical Expertise",
            "Project Ownership",
            "Business Impact",
            "Communication & Collaboration",
            "Mentorship & Support",
            "Leadership & Process Improvement"
        ]
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

/// A whole number written with a fraction of zero (`2.0`, as tools that hold every number as a
/// float write it) is the same number, as in scorecards and JSON Schema; a real fraction is not.
#[test]
fn whole_numbers_may_be_written_as_floats() {
    let mut v: Value = serde_json::from_str(DEFAULT_RUBRIC_JSON).unwrap();
    v["version"] = 3.0.into();
    v["policy"]["min_assessed"] = 4.0.into();
    let r = Rubric::from_json(&v.to_string()).unwrap();
    assert_eq!((r.version, r.policy.min_assessed), (3, 4));
    check_error(
        |v| v["policy"]["min_assessed"] = 2.5.into(),
        "policy.min_assessed: expected a whole number of 0 or more",
    );
    check_error(|v| v["version"] = (-1.0).into(), "version: expected a whole number of 0 or more");
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
    check_error(
        |v| v["capabilities"][1]["id"] = "technical_expertise".into(),
        "capabilities: duplicate id \"technical_expertise\"",
    );
    check_error(|v| v["policy"]["core"][0] = "coding".into(), "policy.core: unknown capability \"coding\"");
    check_error(
        |v| v["levels"][1]["id"] = "meet".into(),
        "levels[1].id: unknown level \"meet\"; expected needs_improvement, meets or exceeds",
    );
    check_error(
        |v| v["policy"]["weights"]["typing_speed"] = 1.into(),
        "policy.weights: unknown capability \"typing_speed\"",
    );
    check_error(
        |v| v["capabilities"][2]["descriptors"]["meets"] = "".into(),
        "capabilities[2] (business_impact).descriptors.meets: missing text",
    );
    check_error(
        |v| {
            v["capabilities"][0]["descriptors"].as_object_mut().unwrap().remove("exceeds");
        },
        "descriptors.exceeds: missing text",
    );
    check_error(|v| v["format"] = "ladder".into(), "format: expected \"scorecard-rubric\", found \"ladder\"");
    check_error(
        |v| v["schema_version"] = 2.into(),
        "schema_version: this build reads rubric schema version 1, found 2",
    );
    check_error(|v| v["capabilities"][0]["id"] = "Tech Skills".into(), "must be lower_snake_case");
    check_error(|v| v["policy"]["weights"]["business_impact"] = (-1.0).into(), "policy.weights.business_impact");
    check_error(
        |v| v["policy"]["bands"][0]["min_score"] = 7.into(),
        "policy.bands[0].min_score: must be between 0 and 2",
    );
    check_error(
        |v| v["policy"]["bands"] = Value::Array(vec![]),
        "policy.bands: the list is empty; a rubric needs at least one hiring band",
    );
    check_error(
        |v| v["capabilities"] = Value::Array(vec![]),
        "capabilities: the list is empty; a rubric needs at least one capability",
    );
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
    check_error(
        |v| v["policy"]["bands"][2]["min_score"] = 1.5.into(),
        "policy.bands[2].min_score: bands go from the highest to the lowest; 1.5 is above bands[1]'s 0.8",
    );
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
    assert_eq!(
        err,
        format!(
            "capabilities: id \"{}…\" must be lower_snake_case letters, digits and _, at most 64 characters",
            &long[..60]
        )
    );
    check_error(
        |v| v["policy"]["core"][0] = format!("{long}\u{1b}").into(),
        &format!("policy.core: unknown capability \"{}…\"", &long[..60]),
    );
    check_error(
        |v| v["policy"]["weights"][&long] = 1.into(),
        &format!("policy.weights: unknown capability \"{}…\"", &long[..60]),
    );
    check_error(
        |v| v["policy"]["weights"]["a\u{1b}[2Jb"] = "heavy".into(),
        "policy.weights.a\\u001b[2Jb: expected a number",
    );
    check_error(
        |v| v["format"] = "\u{1b}]0;pwned\u{7}\n\0".into(),
        "format: expected \"scorecard-rubric\", found \"\\u001b]0;pwned\\u0007\\u000a\\u0000\"",
    );
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

    check_error(
        |v| v["capabilities"][3]["name"] = 5.into(),
        "rubric is not valid: capabilities[3].name: expected text",
    );
    check_error(
        |v| v["policy"]["bands"][1]["core_at_least"] = "great".into(),
        "policy.bands[1].core_at_least: expected needs_improvement, meets or exceeds",
    );
    check_error(
        |v| v["policy"]["bands"][0]["min_score"] = "high".into(),
        "policy.bands[0].min_score: expected a number",
    );
    check_error(|v| v["policy"]["min_assessed"] = (-2).into(), "policy.min_assessed: expected a whole number");
    check_error(|v| v["traits"]["items"][2] = Value::Bool(true), "traits.items[2]: expected text");
    check_error(
        |v| {
            v.as_object_mut().unwrap().remove("policy");
        },
        "policy: missing",
    );
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

// ---------------------------------------------------------------------------------------------
// The rubric's JSON Schema (schema/rubric.v1.schema.json) says what `Rubric::from_json` accepts.

fn rubric_schema() -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/rubric.v1.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("schema file")).expect("schema is JSON")
}

fn embedded() -> Value {
    serde_json::from_str(DEFAULT_RUBRIC_JSON).expect("the embedded rubric is JSON")
}

/// Asserts that the schema and the reader both accept `doc`, or both refuse it.
fn check_both(schema: &Value, doc: &Value, accepted: bool, what: &str) {
    let by_schema = validate(schema, schema, doc, "$");
    let by_code = Rubric::from_json(&doc.to_string());
    assert_eq!(by_schema.is_ok(), accepted, "{what}: the schema says {by_schema:?}");
    assert_eq!(by_code.is_ok(), accepted, "{what}: the reader says {:?}", by_code.err());
}

/// One field of a rubric document, found by walking it with the schema.
struct Field {
    /// JSON pointer to the field, such as `/policy/bands/0/consider`.
    pointer: String,
    /// The field in the schema's terms, such as `policy.bands[].consider`.
    name: String,
    required: bool,
}

/// The schema with `$ref` followed (local `#/$defs/` references only).
fn resolve<'a>(schema: &'a Value, root: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => &root["$defs"][r.strip_prefix("#/$defs/").expect("a local $ref")],
        None => schema,
    }
}

/// Every field of `value` the schema describes (named properties, and the entries of an
/// `additionalProperties` map such as `policy.weights`), items of lists included.
fn fields(schema: &Value, root: &Value, value: &Value, pointer: &str, name: &str, out: &mut Vec<Field>) {
    let schema = resolve(schema, root);
    match value {
        Value::Object(map) => {
            let required: Vec<&str> = schema
                .get("required")
                .and_then(Value::as_array)
                .map_or(Vec::new(), |r| r.iter().filter_map(Value::as_str).collect());
            for (key, v) in map {
                let (sub, field_name) = match schema.get("properties").and_then(|p| p.get(key)) {
                    Some(sub) => (sub, if name.is_empty() { key.clone() } else { format!("{name}.{key}") }),
                    None => match schema.get("additionalProperties") {
                        Some(sub @ Value::Object(_)) => (sub, format!("{name}.*")),
                        _ => panic!("{pointer}/{key}: a field the schema does not describe"),
                    },
                };
                let field_pointer = format!("{pointer}/{key}");
                out.push(Field {
                    pointer: field_pointer.clone(),
                    name: field_name.clone(),
                    required: required.contains(&key.as_str()),
                });
                fields(sub, root, v, &field_pointer, &field_name, out);
            }
        }
        Value::Array(items) => {
            if let Some(sub) = schema.get("items") {
                for (i, item) in items.iter().enumerate() {
                    fields(sub, root, item, &format!("{pointer}/{i}"), &format!("{name}[]"), out);
                }
            }
        }
        _ => {}
    }
}

/// Every property the schema names, in the terms of [`Field::name`].
fn schema_properties(schema: &Value, root: &Value, name: &str, out: &mut Vec<String>) {
    let schema = resolve(schema, root);
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        for (key, sub) in props {
            let field_name = if name.is_empty() { key.clone() } else { format!("{name}.{key}") };
            out.push(field_name.clone());
            schema_properties(sub, root, &field_name, out);
        }
    }
    if let Some(sub @ Value::Object(_)) = schema.get("additionalProperties") {
        out.push(format!("{name}.*"));
        schema_properties(sub, root, &format!("{name}.*"), out);
    }
    if let Some(sub) = schema.get("items") {
        schema_properties(sub, root, &format!("{name}[]"), out);
    }
}

/// `doc` without the field at `pointer`.
fn without(doc: &Value, pointer: &str) -> Value {
    let mut doc = doc.clone();
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    doc.pointer_mut(parent).and_then(Value::as_object_mut).expect("an object").remove(key).expect("the field is there");
    doc
}

/// `doc` with `value` at `pointer`.
fn with(doc: &Value, pointer: &str, value: Value) -> Value {
    let mut doc = doc.clone();
    *doc.pointer_mut(pointer).expect("the field is there") = value;
    doc
}

#[test]
fn the_embedded_rubric_and_every_rubric_file_fit_the_schema() {
    let schema = rubric_schema();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(schema["properties"]["format"]["const"], scorecard::core::rubric::RUBRIC_FORMAT);
    check_both(&schema, &embedded(), true, "the embedded rubric");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(root.join("data/rubrics"))
        .expect("data/rubrics")
        .map(|e| e.expect("an entry").path())
        .collect();
    files.push(root.join("examples/ats/sre-rubric.json"));
    for path in files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("readable")).expect("JSON");
        check_both(&schema, &doc, true, &path.display().to_string());
    }
    // README's minimal rubric.
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let example = readme
        .split("A minimal rubric:\n\n```json\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("README has the example");
    check_both(&schema, &serde_json::from_str(example).expect("JSON"), true, "README's minimal rubric");
}

#[test]
fn schema_and_reader_agree_on_every_required_and_optional_field() {
    let schema = rubric_schema();
    let doc = embedded();
    let mut found = Vec::new();
    fields(&schema, &schema, &doc, "", "", &mut found);
    for field in &found {
        let what = format!("{} ({}) left out", field.pointer, if field.required { "required" } else { "optional" });
        check_both(&schema, &without(&doc, &field.pointer), !field.required, &what);
        // A value of the wrong type: refused by both, required or not.
        let wrong = match doc.pointer(&field.pointer) {
            Some(Value::String(_)) => json!(7),
            Some(Value::Number(_)) => json!("7"),
            Some(Value::Array(_)) => json!({}),
            Some(Value::Object(_)) => json!([]),
            other => panic!("{}: no wrong type for {other:?}", field.pointer),
        };
        check_both(
            &schema,
            &with(&doc, &field.pointer, wrong.clone()),
            false,
            &format!("{} as {wrong}", field.pointer),
        );
        // Null is leaving an optional field out; for a required one, it is missing; a weight is
        // a number.
        let null_ok = !field.required && !field.name.ends_with(".*");
        check_both(&schema, &with(&doc, &field.pointer, Value::Null), null_ok, &format!("{} as null", field.pointer));
    }
    // Every field the schema names was tried: the embedded rubric uses them all.
    let mut named = Vec::new();
    schema_properties(&schema, &schema, "", &mut named);
    for name in named {
        assert!(found.iter().any(|f| f.name == name), "{name} is not in the embedded rubric, so it was not tried");
    }
    let required: Vec<&str> =
        found.iter().filter(|f| f.required && !f.pointer.contains("/1")).map(|f| f.name.as_str()).collect();
    assert!(
        required.contains(&"capabilities[].descriptors.meets") && required.contains(&"policy.bands[].min_score"),
        "{required:?}"
    );
}

#[test]
fn schema_and_reader_agree_on_limits() {
    let schema = rubric_schema();
    let doc = embedded();
    let long_id = "a".repeat(64);
    let too_long = "a".repeat(65);
    let cases: [(&str, Value, bool); 33] = [
        ("/format", json!("scorecard-rubrik"), false),
        ("/schema_version", json!(2), false),
        ("/schema_version", json!(1.5), false),
        ("/id", json!("  "), false),
        ("/title", json!(""), false),
        ("/level", json!("\t"), false),
        ("/role", json!(""), true),
        ("/version", json!(-1), false),
        ("/version", json!(4294967295u64), true),
        ("/version", json!(4294967296u64), false),
        ("/capabilities", json!([]), false),
        ("/capabilities/0/name", json!(" "), false),
        ("/capabilities/0/descriptors/exceeds", json!(""), false),
        ("/levels/0/id", json!("meet"), false),
        ("/levels/0/label", json!(""), true),
        ("/policy/min_assessed", json!(-1), false),
        ("/policy/min_assessed", json!(1.5), false),
        // A whole number with a zero fraction is that number, in JSON Schema as in the reader.
        ("/policy/min_assessed", json!(2.0), true),
        ("/version", json!(3.0), true),
        ("/policy/bands", json!([]), false),
        ("/policy/bands/0/level", json!(" "), false),
        ("/policy/bands/0/min_score", json!(2), true),
        ("/policy/bands/0/min_score", json!(2.01), false),
        ("/policy/bands/2/min_score", json!(0), true),
        ("/policy/bands/2/min_score", json!(-0.1), false),
        ("/policy/bands/1/max_needs_improvement", json!(-1), false),
        ("/policy/bands/0/core_at_least", json!("not_assessed"), false),
        ("/policy/bands/0/core_at_least", json!("great"), false),
        ("/policy/weights/business_impact", json!(100), true),
        ("/policy/weights/business_impact", json!(100.5), false),
        ("/policy/weights/business_impact", json!(0), false),
        ("/policy/strong_no_below", json!(2), true),
        ("/policy/strong_no_below", json!(2.5), false),
    ];
    for (pointer, value, accepted) in cases {
        check_both(&schema, &with(&doc, pointer, value.clone()), accepted, &format!("{pointer} = {value}"));
    }
    // Capability ids: lower_snake_case, starting with a letter, at most 64 characters.
    for (id, accepted) in [
        (long_id.as_str(), true),
        (too_long.as_str(), false),
        ("system_design_2", true),
        ("System", false),
        ("2fa", false),
        ("a-b", false),
        ("", false),
    ] {
        let mut doc = doc.clone();
        let extra = json!({ "id": id, "name": "Extra", "descriptors": { "needs_improvement": "a", "meets": "b", "exceeds": "c" } });
        doc["capabilities"].as_array_mut().expect("a list").push(extra);
        check_both(&schema, &doc, accepted, &format!("capability id {id:?}"));
    }
}

/// The widget's `update({ rubric })` switches only when the rubric differs: the same content in
/// another text (the file pretty-printed, the JSON an object is written back as: keys sorted,
/// `1.0` as `1`) is equal; a change of content is not.
#[test]
fn rubrics_are_equal_by_content_not_by_text() {
    let pretty = Rubric::default_rubric().unwrap();
    let value: Value = serde_json::from_str(DEFAULT_RUBRIC_JSON).unwrap();
    let compact = Rubric::from_json(&scorecard::core::json::to_text(&value)).unwrap();
    assert_ne!(pretty.source_json, compact.source_json);
    assert_eq!(pretty, compact);
    let changed = |edit: fn(&mut Value)| {
        let mut v = value.clone();
        edit(&mut v);
        Rubric::from_json(&v.to_string()).unwrap()
    };
    assert_ne!(pretty, changed(|v| v["policy"]["weights"]["business_impact"] = json!(1.1)));
    assert_ne!(pretty, changed(|v| v["levels"][2]["label"] = json!("Well above the bar")));
    assert_ne!(pretty, changed(|v| v["capabilities"][0]["descriptors"]["meets"] = json!("Reworded.")));
}
