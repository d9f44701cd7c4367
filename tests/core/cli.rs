//! The command-line tool, run as a user would: exit codes, messages, and no panics on any input.

use std::process::Output;

fn run(args: &[&str], stdin: &[u8]) -> Output {
    crate::support::run_cli(args, stdin)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const ALL_MEETS: &str = r#"{"format":"interview-scorecard","version":1,"candidate":{"id":"c1","name":"Ada"},"ratings":{"technical_expertise":{"level":"meets","note":"x"},"project_ownership":{"level":"meets"},"business_impact":{"level":"meets"},"communication_collaboration":{"level":"meets"},"mentorship_support":{"level":"meets"},"leadership_process":{"level":"meets"}}}"#;

#[test]
fn recommend_prints_one_json_line_per_scorecard() {
    let o = run(&["recommend", "-"], ALL_MEETS.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["decision"], "hire");
    assert_eq!(v["level"], "L4");
    assert_eq!(v["greenhouse"], "yes");
    assert_eq!(v["candidate"], "c1");
    assert!(v["confidence"].as_f64().unwrap() > 0.0);
    assert!(v["rationale"].as_array().unwrap().len() >= 2);

    let jsonl = format!("{ALL_MEETS}\n\n{}\n", ALL_MEETS.replace("\"meets\"", "\"needs_improvement\""));
    let o = run(&["recommend", "--jsonl"], jsonl.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["decision"], "no_hire");
    assert_eq!(lines[1]["source"], "stdin:3");
}

#[test]
fn validate_names_file_and_field() {
    let dir = std::env::temp_dir().join(format!("scorecard-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.json");
    let bad = dir.join("bad.json");
    std::fs::write(&good, ALL_MEETS).unwrap();
    std::fs::write(
        &bad,
        ALL_MEETS.replace("\"business_impact\":{\"level\":\"meets\"}", "\"business_impact\":{\"level\":\"stellar\"}"),
    )
    .unwrap();
    let o = run(&["validate", good.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("good.json: valid"));
    // Every file is checked: a bad or missing one does not hide the verdict on the others.
    let missing = dir.join("missing.json");
    let o = run(&["validate", bad.to_str().unwrap(), missing.to_str().unwrap(), good.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("bad.json: ratings.business_impact.level: unknown level \"stellar\""),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("missing.json: cannot read"), "{}", stderr(&o));
    assert!(stdout(&o).contains("good.json: valid"), "{}", stdout(&o));
    // recommend too: the good file's recommendation is printed, the bad one named.
    let o = run(&["recommend", bad.to_str().unwrap(), good.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("bad.json: ratings.business_impact.level"), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 1);
    assert!(lines[0]["source"].as_str().unwrap().ends_with("good.json"));
    // And a JSON lines stream with a bad line in the middle: the others are all answered.
    let stream = format!(
        "{ALL_MEETS}\n{{\"format\":\"interview-scorecard\",\"version\":1,\"ratings\":{{\"x\":{{}}}}}}\n{ALL_MEETS}\n"
    );
    let o = run(&["recommend", "--jsonl"], stream.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("stdin:2: ratings.x: unknown capability"), "{}", stderr(&o));
    let sources: Vec<String> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["source"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(sources, ["stdin:1", "stdin:3"]);
    std::fs::remove_dir_all(&dir).ok();
}

/// `scorecard classify big.jsonl | head -1`: the reader leaves after one line. The tool stops
/// quietly with exit 0, as Unix tools do, instead of a panic ("failed printing to stdout").
#[test]
fn a_reader_that_leaves_early_ends_the_command_quietly() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .arg("classify")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the scorecard binary runs");
    // The read end closes before the tool has read a line, so its first write meets a closed pipe.
    drop(child.stdout.take());
    let mut input = child.stdin.take().expect("stdin is piped");
    let line = "{\"id\":\"a\",\"text\":\"Designed the cache layer and led its rollout\"}\n";
    // The tool may stop reading once its output is gone; a failed write here is expected then.
    let _ = input.write_all(line.repeat(2000).as_bytes());
    drop(input);
    let out = child.wait_with_output().expect("the binary finishes");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "", "nothing to report when the reader has left");
}

/// Every command reads a document as an import does: an older version is migrated (as
/// `convert` always did), a newer one refused with the release that reads it.
#[test]
fn older_documents_are_migrated_by_every_command() {
    let v0 = r#"{"format":"interview-scorecard","version":0,"rubric":"l4-senior-software-engineer","candidate":"Ada",
        "ratings":{"technical_expertise":"meets","project_ownership":"meets","business_impact":"meets","communication_collaboration":"meets"}}"#;
    let o = run(&["validate", "-"], v0.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(&["recommend", "-"], v0.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!((v["candidate"].as_str(), v["decision"].as_str()), (Some("Ada"), Some("hire")));
    // Submitted, so that the committee counts it.
    let o = run(
        &["compare", "-"],
        v0.replace("\"candidate\":\"Ada\"", "\"candidate\":\"Ada\",\"submitted_at\":\"2024-05-01T10:00:00Z\"")
            .as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(report["failed"].as_array().map(Vec::len), Some(0), "{report}");
    let o = run(&["validate", "-"], v0.replace("\"version\":0", "\"version\":9").as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("was written by a newer Scorecard"), "{}", stderr(&o));
}

#[test]
fn usage_errors_exit_2() {
    let cases: [(&[&str], &str); 14] = [
        (&[], "no command given"),
        (&["frobnicate"], "unknown command"),
        (&["recommend", "--bogus"], "unknown option \"--bogus\""),
        (&["validate"], "needs at least one FILE"),
        (&["recommend", "--rubric"], "--rubric needs a value"),
        // An empty value, or the next option taken for the value, is a forgotten value.
        (&["recommend", "--rubric="], "--rubric needs a value"),
        (&["recommend", "--rubric", "--jsonl", "x.json"], "--rubric needs a value"),
        (&["recommend", "--rubric", "a.json", "--rubric", "b.json"], "--rubric is given twice"),
        (&["validate", "-", "-"], "stdin (-) can be read only once"),
        (&["recommend", "--rubric", "-", "-"], "stdin (-) can be read only once"),
        (&["bogus", "--help"], "unknown command \"bogus\""),
        (
            &["link", "--base", "https://ats.example/a\nb", "x.json"],
            "--base must be a URL with no spaces or line breaks",
        ),
        (&["link", "--base", "notaurl", "x.json"], "--base must be the http(s) address of the widget's page"),
        (&["link", "--base", "https://", "x.json"], "--base must be the http(s) address of the widget's page"),
    ];
    for (args, message) in cases {
        let o = run(args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(message), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("usage: scorecard"), "{args:?}");
    }
}

/// What a Greenhouse import leaves out is reported whether the format is named or detected.
#[test]
fn convert_reports_what_a_greenhouse_import_leaves_out() {
    let gh = r#"{"id": 1, "candidate_id": 7, "interviewer": {"id": 6, "name": "Grace Hopper"}, "overall_recommendation": "yes",
        "attributes": [{"name": "Technical Expertise", "type": "Skills", "note": "Designed the cache.", "rating": "yes"}],
        "questions": [{"id": null, "question": "Private Notes", "answer": "Salary expectations are high."}]}"#;
    for from in ["greenhouse", "auto"] {
        let o = run(&["convert", "--from", from, "-"], gh.as_bytes());
        assert_eq!(o.status.code(), Some(0), "{from}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("\"Private Notes\" is private to its author and is not imported"),
            "{from}: {}",
            stderr(&o)
        );
        assert!(!stdout(&o).contains("Salary"), "{from}");
    }
    // Named as JSON, it is refused, and the message says what it is.
    let o = run(&["convert", "--from", "json", "-"], gh.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("format: missing; expected \"interview-scorecard\" (this is a Greenhouse scorecard: use --from greenhouse, or --from auto)"), "{}", stderr(&o));
    // `validate` and `recommend` read it through the same import, and say what it leaves out.
    for command in ["validate", "recommend"] {
        let o = run(&[command, "-"], gh.as_bytes());
        assert_eq!(o.status.code(), Some(0), "{command}: {}", stderr(&o));
        assert!(
            stderr(&o).contains(
                "scorecard: stdin: questions[0] \"Private Notes\" is private to its author and is not imported"
            ),
            "{command}: {}",
            stderr(&o)
        );
    }
}

/// A Greenhouse export leaves a bias-risk note out and says so on stderr (with `--quiet` too).
#[test]
fn convert_to_greenhouse_reports_what_it_leaves_out_as_a_bias_risk() {
    let gh = r#"{"id": 1, "candidate_id": 7, "interviewer": {"id": 6, "name": "Grace Hopper"}, "overall_recommendation": "yes",
        "attributes": [{"name": "Technical Expertise", "type": "Skills", "note": "She is a young mom so might not handle on-call.", "rating": "yes"},
                       {"name": "Project Ownership", "type": "Skills", "note": "Owned the billing migration.", "rating": "yes"}]}"#;
    let o = run(&["convert", "--to", "greenhouse", "-"], gh.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("flagged as a bias risk and left out: the evidence for Technical Expertise"),
        "{}",
        stderr(&o)
    );
    assert!(!stdout(&o).contains("young mom") && stdout(&o).contains("billing migration"), "{}", stdout(&o));
    let o = run(&["convert", "--quiet", "--to", "greenhouse", "-"], gh.as_bytes());
    assert!(
        stderr(&o).contains("flagged as a bias risk and left out: the evidence for Technical Expertise"),
        "{}",
        stderr(&o)
    );
}

/// Impressions ("Seems really smart.") are left out of Key Take-Aways, and stderr says how many.
#[test]
fn convert_to_greenhouse_reports_the_impressions_it_leaves_out() {
    let doc = r#"{"format": "interview-scorecard", "version": 1, "ratings": {},
        "observations": [{"text": "Seems really smart."}, {"text": "Walked through the rollback plan step by step."}]}"#;
    let o = run(&["convert", "--to", "greenhouse", "-"], doc.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("flagged as not evidence of behaviour and left out of Key Take-Aways: 1 observation"),
        "{}",
        stderr(&o)
    );
    assert!(!stdout(&o).contains("really smart") && stdout(&o).contains("rollback plan"), "{}", stdout(&o));
}

/// `--quiet` drops the per-attribute mapping report of a Greenhouse import, not the warnings
/// about what was not imported: in batch work those are what matter.
#[test]
fn convert_quiet_keeps_the_warnings() {
    let gh = r#"{"id": 1, "candidate_id": 7, "interviewer": {"id": 6, "name": "Grace Hopper"}, "overall_recommendation": "yes",
        "attributes": [{"name": "Technical Expertise", "type": "Skills", "note": "Designed the cache.", "rating": "mixed"}],
        "questions": [{"id": null, "question": "Private Notes", "answer": "Salary expectations are high."}]}"#;
    for from in ["greenhouse", "auto"] {
        let o = run(&["convert", "--quiet", "--from", from, "-"], gh.as_bytes());
        assert_eq!(o.status.code(), Some(0), "{from}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(err.contains("\"Private Notes\" is private to its author and is not imported"), "{from}: {err}");
        assert!(!err.contains("-> technical_expertise"), "{from}: {err}");
        let loud = stderr(&run(&["convert", "--from", from, "-"], gh.as_bytes()));
        assert!(loud.contains("attribute \"Technical Expertise\" -> technical_expertise (exact)"), "{from}: {loud}");
        assert_eq!(
            loud.lines().filter(|l| !l.contains("\" -> ")).collect::<Vec<_>>(),
            err.lines().collect::<Vec<_>>(),
            "{from}"
        );
    }
}

/// A rubric is read no further than its limit (a byte past it), so an endless input is refused
/// at once instead of being held in memory first. A file of scorecards is read as `compare`
/// reads it, up to the input limit, and each scorecard in it is held to the document limit.
#[test]
fn a_document_is_read_no_further_than_its_limit() {
    let big = vec![b' '; 1024 * 1024 + 10];
    // 3,500 scorecards in a list (about 1.2 MB) are 3,500 documents, each well within its limit.
    let list = format!("[{}]", vec![ALL_MEETS; 3500].join(",\n"));
    assert!(list.len() > 1024 * 1024);
    for command in ["validate", "recommend"] {
        let o = run(&[command, "-"], list.as_bytes());
        assert_eq!(o.status.code(), Some(0), "{command}: {}", stderr(&o));
        assert_eq!(stdout(&o).lines().count(), 3500, "{command}");
    }
    // One document over the limit is refused, naming it.
    let one = ALL_MEETS.replace("\"note\":\"x\"", &format!("\"note\":\"x{}\"", " ".repeat(1024 * 1024)));
    let o = run(&["validate", "-"], one.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("stdin: document is 1048"), "{}", stderr(&o));
    assert!(stderr(&o).contains("bytes; the limit is 1048576"), "{}", stderr(&o));
    let o = run(&["recommend", "--rubric", "-", "x.json"], &big[..600 * 1024]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("stdin: larger than 524288 bytes, the limit of a rubric file"), "{}", stderr(&o));
}

/// `--help` after any command prints its usage on stdout and succeeds.
#[test]
fn help_after_a_command_prints_usage() {
    for (args, usage) in [
        (&["compare", "--help"][..], "usage: scorecard compare"),
        (&["recommend", "-h"][..], "usage: scorecard recommend"),
        (&["classifier", "train", "--help"][..], "scorecard classifier train"),
    ] {
        let o = run(args, b"");
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(stdout(&o).contains(usage), "{args:?}: {}", stdout(&o));
    }
}

/// A byte-order mark (Windows editors write one) is not part of the document. A draft from no
/// observations at all is refused (as an input holding no scorecard is refused by `validate`,
/// `recommend` and `compare`: `an_input_with_no_scorecard_is_refused`).
#[test]
fn byte_order_marks_are_skipped_and_a_draft_needs_observations() {
    let o = run(&["validate", "-"], format!("\u{feff}{ALL_MEETS}").as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(&["draft", "-"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("stdin: no observations to draft from"), "{}", stderr(&o));
    // Bytes that are not UTF-8 are refused, naming the first (1-based, as for a line of a
    // batch), and UTF-16 by name, as the page refuses them.
    let utf16: Vec<u8> = [0xff, 0xfe].into_iter().chain(ALL_MEETS.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let o = run(&["validate", "-"], &utf16);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("stdin: UTF-16 text; save it as UTF-8"), "{}", stderr(&o));
    let o = run(&["validate", "-"], b"{\"a\": \"\xe9\"}");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("stdin: not UTF-8 text (byte 8); save it as UTF-8"), "{}", stderr(&o));
}

/// Random bytes, truncated documents and hostile JSON: exit 1 with a message, never a panic.
#[test]
fn never_panics_on_garbage() {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut inputs: Vec<Vec<u8>> = (0..20).map(|n| (0..n * 37).map(|_| next() as u8).collect()).collect();
    for cut in [1, 10, 50, 100, 200] {
        inputs.push(ALL_MEETS.as_bytes()[..cut].to_vec());
    }
    inputs.push(b"\xff\xfe\x00".to_vec());
    inputs.push("[".repeat(50_000).into_bytes());
    inputs.push(br#"{"format":"interview-scorecard","version":18446744073709551616,"ratings":{}}"#.to_vec());
    for input in inputs {
        for args in [&["recommend"][..], &["recommend", "--jsonl"][..], &["validate", "-"][..]] {
            let o = run(args, &input);
            assert_eq!(o.status.code(), Some(1), "{args:?} on {:?}: {}", String::from_utf8_lossy(&input), stderr(&o));
            assert!(stderr(&o).starts_with("scorecard: "), "a message, not a panic: {}", stderr(&o));
        }
    }
}

/// `scorecard rubric` turns the seed ladder into a rubric file equal to the embedded one, says
/// what it chose on stderr, and `--rubric` takes a ladder document directly.
#[test]
fn a_ladder_document_becomes_a_rubric_and_loads_with_rubric() {
    let seed = include_str!("../../data/seed/l4-senior-software-engineer.txt");
    let o = run(&["rubric", "-"], seed.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut printed = scorecard::core::Rubric::from_json(&stdout(&o)).expect("the printed rubric loads");
    let mut embedded = scorecard::core::Rubric::default_rubric().unwrap();
    printed.source_json.clear();
    embedded.source_json.clear();
    assert_eq!(printed, embedded);
    // Byte for byte the embedded rubric file, as README says: `cmp` finds no difference.
    assert!(o.stdout == include_bytes!("../../data/rubrics/l4-senior-software-engineer.json"), "{}", stdout(&o));
    assert!(stderr(&o).contains("stdin: line 13: \". .\" at the end read as \".\""), "{}", stderr(&o));
    // Said as every message of the tool is: after "scorecard: ".
    assert!(stderr(&o).lines().all(|l| l.starts_with("scorecard: stdin: ")), "{}", stderr(&o));
    assert!(stderr(&run(&["rubric", "--quiet", "-"], seed.as_bytes())).is_empty());

    // An L5 ladder: the policy comes from the embedded L4 rubric, moved up a level, and the
    // recommendation is for L5.
    let l5 = seed.replace("L4 Senior", "L5 Staff").replace("good L4", "good L5");
    let dir = std::env::temp_dir().join(format!("scorecard-ladder-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ladder = dir.join("l5.txt");
    std::fs::write(&ladder, &l5).unwrap();
    let o = run(&["recommend", "--rubric", ladder.to_str().unwrap(), "-"], ALL_MEETS.as_bytes());
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!((v["decision"].as_str(), v["level"].as_str()), (Some("hire"), Some("L5")), "{v}");

    // A broken ladder names the line; one ladder per run.
    let o = run(&["rubric", "-"], b"L4 Role\nCapability | A | B |\n");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("stdin: ladder line 2: the table's header has 3 columns"), "{}", stderr(&o));
    let o = run(&["rubric", "a.txt", "b.txt"], b"");
    assert_eq!(o.status.code(), Some(2));
    // Nothing, or only blanks, is said to be empty (not "JSON").
    for empty in [&b""[..], b" \n\t\n"] {
        let o = run(&["rubric", "-"], empty);
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).starts_with("scorecard: stdin: empty: a ladder document starts with"), "{}", stderr(&o));
    }
    // A rubric file is not a ladder; stdin cannot be both the ladder and the policy.
    let o = run(&["rubric", "-"], scorecard::core::rubric::DEFAULT_RUBRIC_JSON.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("stdin: this is JSON (a rubric file already?), not a ladder document"),
        "{}",
        stderr(&o)
    );
    let o = run(&["rubric", "--policy-from", "-"], seed.as_bytes());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("stdin (-) can be read only once"), "{}", stderr(&o));
}

/// A ladder given straight to `--rubric` is read with the embedded policy and its choices are not
/// printed; one that leaves a rule of that policy unused (a core capability or a weight no row
/// takes) changes verdicts, so every command says so in one line on stderr, stdout staying the
/// command's output. A ladder whose capabilities the policy all knows, by name or by a name in the
/// synonym table, says nothing; `--quiet` (convert) silences the line.
#[test]
fn a_ladder_given_to_rubric_says_when_a_policy_rule_goes_unused() {
    let seed = include_str!("../../data/seed/l4-senior-software-engineer.txt");
    let dir = std::env::temp_dir().join(format!("scorecard-ladder-note-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_string()
    };
    let card = write("card.json", ALL_MEETS);
    let craft = write("craft.txt", &seed.replace("\nTechnical Expertise |", "\nEngineering Craft |"));
    let skills = write("skills.txt", &seed.replace("\nTechnical Expertise |", "\nTechnical Skills |"));
    let plain = write("seed.txt", seed);
    // Submitted, so that `compare` counts it (a panel of drafts alone counts nothing: exit 1).
    let craft_card = write(
        "craft-card.json",
        &ALL_MEETS.replace("technical_expertise", "engineering_craft").replacen(
            '{',
            "{\"submitted_at\": \"2026-11-20T10:00:00Z\", ",
            1,
        ),
    );
    let runs: Vec<(Vec<&str>, &str)> = vec![
        (vec!["recommend", "--rubric", &craft, &craft_card], ""),
        (vec!["validate", "--rubric", &craft, &craft_card], ""),
        (vec!["compare", "--rubric", &craft, &craft_card], ""),
        (vec!["convert", "--rubric", &craft, &craft_card], ""),
        (vec!["link", "--rubric", &craft, &craft_card], ""),
        (vec!["draft", "--rubric", &craft], "{\"text\":\"Led the migration of the billing service.\"}\n"),
    ];
    let note = format!("scorecard: {craft}: no capability of this ladder is technical_expertise, so the policy's core rule or weight for it does not apply");
    for (args, input) in &runs {
        let o = run(args, input.as_bytes());
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        let err = stderr(&o);
        assert_eq!(err.lines().filter(|l| l.starts_with(&note)).count(), 1, "{args:?}: {err}");
        assert!(!stdout(&o).contains("no capability of this ladder"), "{args:?}: {}", stdout(&o));
    }
    // recommend's stdout is still one JSON line.
    let o = run(&["recommend", "--rubric", &craft, &craft_card], b"");
    let _: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("one JSON line");
    // Nothing to say for the seed, nor for a heading the synonym table reads as the stable id.
    for ladder in [&plain, &skills] {
        let o = run(&["recommend", "--rubric", ladder, &card], b"");
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(stderr(&o), "", "{ladder}");
    }
    let o = run(&["convert", "--quiet", "--rubric", &craft, &craft_card], b"");
    assert_eq!((o.status.code(), stderr(&o)), (Some(0), String::new()));
    std::fs::remove_dir_all(&dir).ok();
}

/// One line of a JSON lines batch that is not UTF-8 (a Latin-1 name in an export) is an error
/// for that line alone; the rest of the batch is still read. Without --jsonl, lines of scorecards
/// are read as lines too.
#[test]
fn a_bad_byte_costs_one_line_of_a_batch_not_the_batch() {
    let mut batch = format!("{ALL_MEETS}\n{ALL_MEETS}\n").into_bytes();
    batch.extend_from_slice(b"{\"format\": \"interview-scorecard\", \"candidate\": \"Jos\xe9\"}\r\n");
    batch.extend_from_slice(format!("{ALL_MEETS}\n").as_bytes());
    let o = run(&["recommend", "--jsonl"], &batch);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o).lines().count(), 3, "{}", stdout(&o));
    assert!(stderr(&o).contains("stdin:3: not UTF-8 text (byte 52 of the line)"), "{}", stderr(&o));
    let o = run(&["compare", "--jsonl", "--compact"], &batch);
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!((v["scorecards"].as_u64(), v["failed"][0]["source"].as_str()), (Some(3), Some("stdin:3")), "{v}");
    let o = run(&["classify"], b"{\"id\":1,\"text\":\"Led the migration\"}\n\xff\n");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("scorecard: stdin:2: not UTF-8 text (byte 1 of the line)"), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 1, "{}", stdout(&o));

    // Scorecards one per line without --jsonl are read as lines, as `compare` reads them.
    let o = run(&["validate", "-"], format!("{ALL_MEETS}\n{ALL_MEETS}\n").as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 2, "{}", stdout(&o));
    assert!(stdout(&o).contains("stdin:2"), "{}", stdout(&o));
}

/// `classify` suggests a tag only where the widget and `draft` would tag the note: a flagged
/// note ("great culture fit" is a bias risk, "seems smart" an impression) gets no capability,
/// level or confidence, and keeps its flags; a sound note is classified as before.
#[test]
fn classify_suggests_no_tag_for_a_flagged_note_as_draft_does() {
    let notes = [
        ("bias", "great culture fit"),
        ("old", "He is too old to keep up with our stack"),
        ("impression", "seems smart"),
        ("sound", "Mentors two new grads on her team and meets them weekly."),
    ];
    let input: String =
        notes.iter().map(|(id, text)| format!("{}\n", serde_json::json!({"id": id, "text": text}))).collect();
    let o = run(&["classify"], input.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), notes.len(), "{}", stdout(&o));
    let kinds = |v: &serde_json::Value| -> Vec<String> {
        v["flags"].as_array().unwrap().iter().map(|f| f["kind"].as_str().unwrap().to_string()).collect()
    };
    for v in &lines[..3] {
        assert!(!kinds(v).is_empty(), "a flagged note keeps its flags: {v}");
        assert_eq!(
            (&v["capability"], &v["level"], &v["confidence"]),
            (&serde_json::Value::Null, &serde_json::Value::Null, &serde_json::Value::Null),
            "{v}"
        );
        assert_eq!(v["evidence"], serde_json::json!([]), "{v}");
    }
    assert!(kinds(&lines[0]).contains(&"bias_risk".to_string()), "{}", lines[0]);
    assert_eq!(
        (lines[3]["capability"].as_str(), lines[3]["level"].as_str()),
        (Some("mentorship_support"), Some("meets")),
        "{}",
        lines[3]
    );
    assert!(lines[3]["confidence"].as_f64().is_some_and(|c| c > 0.0) && kinds(&lines[3]).is_empty(), "{}", lines[3]);

    // `draft` tags exactly the notes `classify` suggests a tag for.
    let o = run(&["draft"], input.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let card: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let drafted: Vec<Option<&str>> =
        card["observations"].as_array().unwrap().iter().map(|o| o["capability"].as_str()).collect();
    let classified: Vec<Option<&str>> = lines.iter().map(|v| v["capability"].as_str()).collect();
    assert_eq!(drafted, classified);
}

/// A fresh directory for one test's files (tests run in parallel in one process).
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("scorecard-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A file's name is shown with its control characters escaped, as quoted input text is: an
/// escape sequence in a name does not reach the terminal, and a line break does not split a
/// `NAME: valid` line or a message in two.
#[test]
fn file_names_are_shown_with_control_characters_escaped() {
    let dir = scratch("names");
    let good = dir.join("evil\u{1b}[31mred\nline.json");
    let bad = dir.join("bad\u{202e}.json");
    std::fs::write(&good, ALL_MEETS).unwrap();
    std::fs::write(&bad, "{").unwrap();
    let o = run(&["validate", good.to_str().unwrap(), bad.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(1));
    let shown = |p: &std::path::Path| {
        p.to_str().unwrap().replace('\u{1b}', "\\u001b").replace('\n', "\\u000a").replace('\u{202e}', "\\u202e")
    };
    assert_eq!(stdout(&o), format!("{}: valid\n", shown(&good)));
    assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
    assert!(stderr(&o).starts_with(&format!("scorecard: {}: not JSON", shown(&bad))), "{}", stderr(&o));
    let o = run(&["convert", bad.to_str().unwrap()], b"");
    assert!(stderr(&o).starts_with(&format!("scorecard: {}: ", shown(&bad))), "{}", stderr(&o));
    assert!(!stderr(&o).contains('\u{202e}'), "{}", stderr(&o));
    std::fs::remove_dir_all(&dir).ok();
}

/// An input holding no scorecard (an empty file, blank lines, an empty list), with or without
/// --jsonl, is refused by `validate`, `recommend` and `compare` alike: an export that produced
/// nothing does not pass a check in CI. An empty file is said to be empty, not "EOF while
/// parsing".
#[test]
fn an_input_with_no_scorecard_is_refused() {
    let cases: [(&[u8], &[&str], &str); 6] = [
        (b"", &["--jsonl"], "stdin: no scorecard in it"),
        (b"\n  \r\n\n", &["--jsonl"], "stdin: no scorecard in it"),
        (b"", &[], "stdin: empty: no scorecard in it"),
        (b"\xef\xbb\xbf\n \n\n", &[], "stdin: empty: no scorecard in it"),
        (b"[]", &[], "stdin: no scorecard in it"),
        (b" [ ]\n", &[], "stdin: no scorecard in it"),
    ];
    for (input, options, message) in cases {
        for command in ["validate", "recommend", "compare"] {
            let args: Vec<&str> = [command].iter().chain(options).chain(&["-"]).copied().collect();
            let o = run(&args, input);
            assert_eq!(o.status.code(), Some(1), "{args:?} on {input:?}: {}", stderr(&o));
            assert!(
                stderr(&o).lines().any(|l| l == format!("scorecard: {message}")),
                "{args:?} on {input:?}: {}",
                stderr(&o)
            );
            if command != "compare" {
                assert!(stdout(&o).is_empty(), "{args:?}: {}", stdout(&o));
            }
        }
    }
}

/// A pretty-printed document read with --jsonl: every command says to read it without (the
/// batch forms of convert and link too), after the errors of its lines, so that the hint is the last thing on the terminal. A line's error
/// says "at column C", as `compare` says it: "line 1" would not be the file's line.
#[test]
fn jsonl_errors_end_with_the_hint_and_say_the_column() {
    // Submitted, so that `compare` counts it.
    let submitted = ALL_MEETS.replacen('{', "{\"submitted_at\":\"2026-11-02T10:00:00Z\",", 1);
    let pretty = serde_json::to_string_pretty(&serde_json::from_str::<serde_json::Value>(&submitted).unwrap()).unwrap();
    for command in ["validate", "recommend", "compare", "convert", "link"] {
        let o = run(&[command, "--jsonl", "-"], pretty.as_bytes());
        assert_eq!(o.status.code(), Some(1), "{command}");
        let err = stderr(&o);
        assert!(err.lines().count() > 5, "{command}: {err}");
        assert_eq!(err.lines().last(), Some("scorecard: stdin: no line is a scorecard, and the file starts as a pretty-printed document does: read it without --jsonl"), "{command}: {err}");
        // Without --jsonl, the same text is one scorecard.
        assert_eq!(run(&[command, "-"], pretty.as_bytes()).status.code(), Some(0), "{command}");
    }
    let lines = format!("{submitted}\n{submitted} x\n");
    for args in [
        &["validate", "--jsonl", "-"][..],
        &["recommend", "--jsonl", "-"],
        &["validate", "-"],
        &["compare", "--jsonl", "-"],
    ] {
        let o = run(args, lines.as_bytes());
        assert_eq!(o.status.code(), Some(if args[0] == "compare" { 0 } else { 1 }), "{args:?}");
        let column = submitted.len() + 2;
        assert!(
            stderr(&o).contains("stdin:2: not JSON")
                && stderr(&o).contains(&format!("trailing characters at column {column}")),
            "{args:?}: {}",
            stderr(&o)
        );
        assert!(!stderr(&o).contains("line 1"), "{args:?}: {}", stderr(&o));
    }
}

/// `compare` names on stderr each scorecard it sets aside (made against another rubric, naming
/// no candidate), and exits 1 when none is counted: a wrong --rubric in a script is an error,
/// not an empty report and success.
#[test]
fn compare_names_what_it_sets_aside_and_fails_when_nothing_counts() {
    let dir = scratch("aside");
    let fixture = |name: &str| format!("{}/tests/fixtures/committee/sample/{name}", env!("CARGO_MANIFEST_DIR"));
    let (alice, staff) = (fixture("ada-alice.json"), fixture("ada-dan-staff-rubric.json"));
    let o = run(&["compare", &alice, &staff], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o).lines().collect::<Vec<_>>(), [format!("scorecard: {staff}: not counted: made against rubric \"l5-staff-software-engineer\", not \"l4-senior-software-engineer\" (to count it, give its rubric with --rubric)")]);

    // The wrong rubric: nothing counts.
    let other = dir.join("other.json");
    std::fs::write(
        &other,
        scorecard::core::rubric::DEFAULT_RUBRIC_JSON.replacen("\"l4-senior-software-engineer\"", "\"l4-other\"", 1),
    )
    .unwrap();
    let o = run(&["compare", "--rubric", other.to_str().unwrap(), &alice], b"");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(report["counted"], 0);
    assert!(
        stderr(&o).contains(&format!(
            "scorecard: {alice}: not counted: made against rubric \"l4-senior-software-engineer\", not \"l4-other\""
        )),
        "{}",
        stderr(&o)
    );
    assert!(
        stderr(&o).ends_with("scorecard: no scorecard counted of the 1 read: 1 made against another rubric\n"),
        "{}",
        stderr(&o)
    );

    // No candidate.
    let mut card: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&alice).unwrap()).unwrap();
    card.as_object_mut().unwrap().remove("candidate");
    let anon = dir.join("anon.json");
    std::fs::write(&anon, card.to_string()).unwrap();
    let anon = anon.to_str().unwrap();
    let o = run(&["compare", anon], b"");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o)
            .contains(&format!("scorecard: {anon}: not counted: it names no candidate (neither an id nor a name)")),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).ends_with("of the 1 read: 1 naming no candidate\n"), "{}", stderr(&o));
    // Beside a counted one, it is named and the exit is 0.
    let o = run(&["compare", anon, &alice], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));

    // Drafts only: listed with their candidate, but nothing is counted.
    let o = run(&["compare", "-"], ALL_MEETS.as_bytes());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(stderr(&o), "scorecard: no scorecard counted of the 1 read: 1 not yet submitted\n");
    std::fs::remove_dir_all(&dir).ok();
}

/// Files that each start with a byte-order mark (saved by a Windows editor), put together with
/// `cat`: the mark between two documents is white space, whether they are pretty-printed (with
/// CRLF line ends) or one per line, and after a broken one.
#[test]
fn documents_put_together_with_their_byte_order_marks_are_read_each() {
    let pretty = serde_json::to_string_pretty(&serde_json::from_str::<serde_json::Value>(ALL_MEETS).unwrap())
        .unwrap()
        .replace('\n', "\r\n");
    let file = format!("\u{feff}{pretty}\r\n");
    for input in [file.repeat(3), format!("\u{feff}{ALL_MEETS}\n").repeat(3)] {
        let o = run(&["validate", "-"], input.as_bytes());
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(stdout(&o).lines().count(), 3, "{}", stdout(&o));
    }
    // A broken one fails alone: the next starts on the next line starting with "{", after its mark.
    let cut = &pretty[..pretty.len() - 3];
    let o = run(&["validate", "-"], format!("{file}\u{feff}{cut}\r\n{file}").as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "stdin [1]: valid\nstdin [3]: valid\n");
    assert!(stderr(&o).starts_with("scorecard: stdin [2]: not JSON"), "{}", stderr(&o));
}

/// A Greenhouse export carries no candidate but a whole-number `candidate_id` (Greenhouse takes
/// the candidate from the application): what does not go is said on stderr, even with --quiet.
#[test]
fn convert_to_greenhouse_says_the_candidate_is_not_carried() {
    let with = |candidate: &str| {
        ALL_MEETS.replace(r#""candidate":{"id":"c1","name":"Ada"}"#, &format!(r#""candidate":{candidate}"#))
    };
    let cases = [
        (with(r#"{"id":"c-ada","name":"Ada Byron"}"#), Some("the candidate's name \"Ada Byron\" and id \"c-ada\" are not carried (its candidate_id takes a whole number only): Greenhouse takes the candidate from the application")),
        (with(r#"{"id":"1042","name":"Ada Lovelace"}"#), Some("the candidate's name \"Ada Lovelace\" is not carried: Greenhouse takes the candidate from the application")),
        (with(r#"{"id":"cand_123"}"#), Some("the candidate's id \"cand_123\" is not carried (its candidate_id takes a whole number only): Greenhouse")),
        (with(r#"{"id":"1042"}"#), None),
    ];
    for (card, said) in &cases {
        for quiet in [&[][..], &["--quiet"]] {
            let args: Vec<&str> =
                ["convert", "--to", "greenhouse"].iter().chain(quiet).chain(&["-"]).copied().collect();
            let o = run(&args, card.as_bytes());
            assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
            match said {
                Some(said) => {
                    assert!(stderr(&o).starts_with(&format!("scorecard: stdin: {said}")), "{args:?}: {}", stderr(&o))
                }
                None => assert_eq!(stderr(&o), "", "{args:?}"),
            }
        }
    }
    // Markdown carries the candidate: nothing to say.
    assert_eq!(stderr(&run(&["convert", "--to", "markdown", "-"], cases[0].0.as_bytes())), "");
}

/// `convert` and `link` read a list holding one scorecard document as they read a list holding
/// one Greenhouse object: as the one it holds; a longer list is a batch.
#[test]
fn convert_and_link_read_a_list_of_one_as_its_item() {
    let gh = r#"{"id": 1, "candidate_id": 7, "interviewer": {"id": 6, "name": "Grace Hopper"}, "overall_recommendation": "yes",
        "attributes": [{"name": "Technical Expertise", "type": "Skills", "note": "Designed the cache.", "rating": "yes"}]}"#;
    for one in [ALL_MEETS, gh] {
        let list = format!("[\n  {one}\n]\n");
        for args in [&["convert", "-"][..], &["convert", "--to", "markdown", "-"], &["link", "-"]] {
            let o = run(args, list.as_bytes());
            let alone = run(args, one.as_bytes());
            assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
            assert_eq!(
                (o.status.code(), stdout(&o), stderr(&o)),
                (alone.status.code(), stdout(&alone), stderr(&alone)),
                "{args:?}"
            );
        }
    }
    let o = run(&["convert", "--from", "json", "-"], format!("[{ALL_MEETS}]").as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // A list of two is a batch: one line each.
    let o = run(&["convert", "-"], format!("[{ALL_MEETS},{ALL_MEETS}]").as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 2, "{}", stdout(&o));
}

/// `unlink` reads a link as people paste it: ending a sentence, in angle brackets (mail clients,
/// Markdown autolinks). Text after it is named as such, not as a truncated link.
#[test]
fn unlink_reads_a_link_as_pasted() {
    let link = stdout(&run(&["link", "--base", "https://hr.example/sc", "-"], ALL_MEETS.as_bytes())).trim().to_string();
    let card = run(&["unlink", &link], b"");
    assert_eq!(card.status.code(), Some(0), "{}", stderr(&card));
    // QA cli4: in parentheses too, which the command line drops (the core's decoder does not).
    for pasted in [
        format!("{link}."),
        format!("<{link}>"),
        format!("<{link}>."),
        format!("{link},"),
        format!("  {link}!\n"),
        format!("({link})"),
        format!("({link})."),
    ] {
        let o = run(&["unlink", &pasted], b"");
        assert_eq!(o.status.code(), Some(0), "{pasted}: {}", stderr(&o));
        assert_eq!(stdout(&o), stdout(&card), "{pasted}");
        let o = run(&["unlink", "-"], pasted.as_bytes());
        assert_eq!(stdout(&o), stdout(&card), "stdin: {pasted}");
    }
    let o = run(&["unlink", &format!("{link} thanks")], b"");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), "scorecard: text follows the share link; copy the link alone, without what follows it\n");
}

/// A version below 0 is refused saying what is read: from 0 (a version 0 draft is migrated, as
/// `older_documents_are_migrated_by_every_command` checks), not from 1.
#[test]
fn the_version_message_says_what_is_read() {
    let o = run(&["validate", "-"], ALL_MEETS.replace("\"version\":1", "\"version\":-1").as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("stdin: version: expected a whole number from 0, found -1"), "{}", stderr(&o));
}

/// `unlink` given the name of a file that holds a link says how to read the link in it.
#[test]
fn unlink_given_a_file_says_how_to_read_it() {
    let dir = scratch("unlink-file");
    let file = dir.join("link.txt");
    std::fs::write(&file, stdout(&run(&["link", "-"], ALL_MEETS.as_bytes()))).unwrap();
    let file = file.to_str().unwrap();
    let o = run(&["unlink", file], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(&format!("(\"{file}\" is a file: `scorecard unlink - < FILE` reads the link in it, `scorecard unlink --jsonl FILE` one link per line)")), "{}", stderr(&o));
    // As it says: the link in it, read either way.
    let o = run(&["unlink", "--jsonl", file], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    std::fs::remove_dir_all(&dir).ok();
}

/// A Greenhouse scorecard object with what its import cannot carry: a "mixed" rating, an
/// attribute that matches no capability, private notes.
const GREENHOUSE: &str = r#"{"id": 123, "candidate_id": 555, "interview": "Onsite", "interviewed_at": "2026-10-01T10:00:00Z",
 "submitted_at": "2026-10-02T01:00:00.000Z", "interviewer": {"id": 8, "name": "Jo Park"},
 "attributes": [
   {"name": "Communication", "type": "Skills", "note": "clear", "rating": "strong_yes"},
   {"name": "Collaboration", "type": "Skills", "note": "meh", "rating": "mixed"},
   {"name": "Technical leadership", "type": "Skills", "note": null, "rating": "no"}
 ],
 "questions": [{"id": null, "question": "Private Notes", "answer": "salary expectations high"}]}"#;

/// QA M3: `recommend`, `validate` and `compare` read a Greenhouse object alike, through the
/// import `convert --from greenhouse` uses, and each says on stderr, naming the input, what the
/// import did not carry (compare used to read it silently, recommend and validate refused it).
#[test]
fn every_command_reads_a_greenhouse_object_and_says_what_it_drops() {
    for command in ["recommend", "validate", "compare"] {
        let o = run(&[command, "-"], GREENHOUSE.as_bytes());
        assert_eq!(o.status.code(), Some(0), "{command}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(
            err.contains("scorecard: stdin: \"Communication\" (strong_yes) and \"Collaboration\" (mixed) both map to"),
            "{command}: {err}"
        );
        assert!(err.contains("(\"mixed\" reads as needs improvement)"), "{command}: {err}");
        assert!(
            err.contains("scorecard: stdin: attribute \"Technical leadership\" (no) matches no capability"),
            "{command}: {err}"
        );
        assert!(
            err.contains(
                "scorecard: stdin: questions[0] \"Private Notes\" is private to its author and is not imported"
            ),
            "{command}: {err}"
        );
        // No mapping report: that is `convert`'s.
        assert!(!err.contains("-> communication_collaboration"), "{command}: {err}");
    }
    // Same reading, same verdict: recommend and convert's import agree.
    let rec: serde_json::Value =
        serde_json::from_str(stdout(&run(&["recommend", "-"], GREENHOUSE.as_bytes())).trim()).unwrap();
    let converted = run(&["convert", "--quiet", "-"], GREENHOUSE.as_bytes());
    let again: serde_json::Value =
        serde_json::from_str(stdout(&run(&["recommend", "-"], &converted.stdout)).trim()).unwrap();
    assert_eq!(
        (&rec["decision"], &rec["score"], &rec["candidate"]),
        (&again["decision"], &again["score"], &again["candidate"])
    );
    // In a file of several, each is named by its place; JSON lines too.
    let list = format!("[{GREENHOUSE}, {ALL_MEETS}]");
    let o = run(&["recommend", "-"], list.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("scorecard: stdin [1]: questions[0] \"Private Notes\""), "{}", stderr(&o));
    let lines = format!("{}\n{ALL_MEETS}\n", GREENHOUSE.replace('\n', ""));
    let o = run(&["validate", "--jsonl", "-"], lines.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("scorecard: stdin:1: questions[0] \"Private Notes\""), "{}", stderr(&o));
    assert_eq!(stdout(&o), "stdin:1: valid\nstdin:2: valid\n");
}

/// QA M4: a verdict from ratings drafted from observations and not confirmed says so: the
/// `drafted` field lists them and the rationale's second line names them.
#[test]
fn recommend_names_the_ratings_still_drafted() {
    let drafted = ALL_MEETS.replace(
        r#""technical_expertise":{"level":"meets","note":"x"}"#,
        r#""technical_expertise":{"level":"meets","note":"x","drafted":true}"#,
    );
    assert_ne!(drafted, ALL_MEETS);
    let o = run(&["recommend", "-"], drafted.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["drafted"], serde_json::json!(["technical_expertise"]));
    assert_eq!(v["rationale"][1], "Drafted from observations and not yet confirmed: Technical Expertise; it is not the interviewer's rating until confirmed.");
    assert!(v["rationale"][0].as_str().unwrap().starts_with("Hire at L4"), "{v}");
    // None drafted: an empty list, and no such line.
    let v: serde_json::Value =
        serde_json::from_str(stdout(&run(&["recommend", "-"], ALL_MEETS.as_bytes())).trim()).unwrap();
    assert_eq!(v["drafted"], serde_json::json!([]));
    assert!(!v["rationale"].to_string().contains("Drafted"), "{v}");
}

/// QA M12: `convert`, `link` and `unlink` take a batch: several FILEs, a list (the Greenhouse
/// list `GET /v1/scorecards` returns), JSON lines or --jsonl give one result per line; one that
/// fails is named by its place on stderr, the others are still written, then exit 1. One
/// scorecard in still gives one pretty document.
#[test]
fn convert_link_and_unlink_take_a_batch() {
    let lines = |o: &Output| {
        stdout(o)
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect::<Vec<_>>()
    };
    // A Greenhouse list of two: two scorecards, one per line.
    let list = format!("[{GREENHOUSE}, {}]", GREENHOUSE.replace("555", "556"));
    let o = run(&["convert", "--quiet", "-"], list.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = lines(&o);
    assert_eq!(out.iter().map(|v| v["candidate"]["id"].clone()).collect::<Vec<_>>(), ["555", "556"]);
    // Its warnings name each by its place (--quiet drops the mapping only).
    assert!(stderr(&o).contains("scorecard: stdin [2]: questions[0] \"Private Notes\""), "{}", stderr(&o));
    // A bad one among them: the others are written, it is named, exit 1.
    let list = format!("[{GREENHOUSE}, {{\"attributes\": 3}}, {ALL_MEETS}]");
    let o = run(&["convert", "--quiet", "--to", "greenhouse", "-"], list.as_bytes());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(lines(&o).len(), 2);
    assert!(stderr(&o).contains("scorecard: stdin [2]: "), "{}", stderr(&o));
    assert!(stderr(&o).lines().last().unwrap().contains("1 of 3 not done"), "{}", stderr(&o));
    // --jsonl: each line on its own, named file:line.
    let o = run(&["convert", "--jsonl", "-"], format!("{ALL_MEETS}\nnot json\n\n{ALL_MEETS}\n").as_bytes());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(lines(&o).len(), 2);
    assert!(stderr(&o).contains("scorecard: stdin:2: not JSON"), "{}", stderr(&o));
    // One scorecard: the pretty document, as before.
    let o = run(&["convert", "-"], ALL_MEETS.as_bytes());
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).lines().count() > 5, "{}", stdout(&o));

    // Several FILEs, for convert and link; a missing one is named, the others done.
    let dir = std::env::temp_dir().join(format!("scorecard-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b) = (dir.join("a.json"), dir.join("b.json"));
    std::fs::write(&a, ALL_MEETS).unwrap();
    std::fs::write(&b, GREENHOUSE).unwrap();
    let missing = dir.join("missing.json");
    let (a, b, missing) = (a.to_str().unwrap(), b.to_str().unwrap(), missing.to_str().unwrap());
    let o = run(&["convert", "--quiet", a, b], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(lines(&o).len(), 2);
    let o = run(&["link", a, missing, b], b"");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let links: Vec<String> = stdout(&o).lines().map(str::to_string).collect();
    assert_eq!(links.len(), 2, "{links:?}");
    assert!(links.iter().all(|l| l.starts_with("#sc1=")), "{links:?}");
    assert!(stderr(&o).contains("missing.json: cannot read"), "{}", stderr(&o));
    std::fs::remove_dir_all(&dir).ok();

    // unlink: several links as arguments, or one per line with --jsonl.
    let o = run(&["unlink", &links[0], &links[1]], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = lines(&o);
    assert_eq!((out[0]["candidate"]["id"].as_str(), out[1]["candidate"]["id"].as_str()), (Some("c1"), Some("555")));
    let o = run(&["unlink", "--jsonl", "-"], format!("{}\nnot a link\n{}\n", links[0], links[1]).as_bytes());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(lines(&o).len(), 2);
    assert!(stderr(&o).contains("scorecard: stdin:2: not a share link"), "{}", stderr(&o));
    let o = run(&["unlink", "--jsonl", "-"], b"\n\n");
    assert_eq!((o.status.code(), stderr(&o).as_str()), (Some(1), "scorecard: stdin: no share link in it\n"));
    let o = run(&["unlink", &links[0], "nope"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("scorecard: link 2: not a share link"), "{}", stderr(&o));
}

/// QA L4: `scorecard <command> --help` describes that command; a usage error prints the
/// message and the command's synopsis, not the whole usage; the classifier's commands say how to
/// find their files outside the repository.
#[test]
fn help_is_per_command_and_usage_errors_are_short() {
    let o = run(&["recommend", "--help"], b"");
    assert_eq!(o.status.code(), Some(0));
    let help = stdout(&o);
    assert!(help.starts_with("usage: scorecard recommend [--jsonl] [--rubric FILE] [FILE...|-]"), "{help}");
    assert!(help.contains("drafted") && help.contains("exit codes"), "{help}");
    assert!(!help.contains("usage: scorecard <command>"), "{help}");
    let help = stdout(&run(&["convert", "-h"], b""));
    assert!(help.contains("--from auto") && help.contains("--to json, stdin when no FILE"), "{help}");
    // The full usage lists every command.
    let all = stdout(&run(&["--help"], b""));
    for command in
        ["recommend", "validate", "classify", "draft", "classifier", "compare", "convert", "link", "unlink", "rubric"]
    {
        assert!(all.contains(&format!("\n  {command} ")), "{command}: {all}");
    }
    let o = run(&["recommend", "--bogus"], b"");
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 3, "{err}");
    assert!(err.starts_with("scorecard: unknown option \"--bogus\"\nusage: scorecard recommend "), "{err}");

    let dir = std::env::temp_dir().join(format!("scorecard-nowhere-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for sub in ["eval", "bench"] {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_scorecard"))
            .args(["classifier", sub])
            .current_dir(&dir)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{sub}");
        let err = stderr(&o);
        assert!(
            err.contains("run from the repository's root, or give --")
                && err.contains("data/corpus/heldout.jsonl: cannot read"),
            "{sub}: {err}"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// `validate --json`: one JSON object per scorecard (and per input that holds none), with its
/// source, its file, whether it is valid, and each error and warning with a stable code; the
/// exit codes and the messages on stderr are those of the plain form.
#[test]
fn validate_json_writes_one_object_per_input_with_coded_errors() {
    use serde_json::{json, Value};
    let dir = scratch("validate-json");
    let good = dir.join("good.json");
    let bad = dir.join("bad.json");
    let empty = dir.join("empty.json");
    let broken = dir.join("broken.json");
    let gh = dir.join("gh.json");
    let missing = dir.join("missing.json");
    std::fs::write(&good, ALL_MEETS).unwrap();
    std::fs::write(
        &bad,
        format!(
            "{ALL_MEETS}\n{}",
            ALL_MEETS
                .replace("\"business_impact\":{\"level\":\"meets\"}", "\"business_impact\":{\"level\":\"stellar\"}")
        ),
    )
    .unwrap();
    std::fs::write(&empty, "  \n").unwrap();
    std::fs::write(&broken, "{\"format\": ").unwrap();
    std::fs::write(&gh, GREENHOUSE).unwrap();
    let paths: Vec<&str> = [&good, &bad, &empty, &broken, &gh, &missing].iter().map(|p| p.to_str().unwrap()).collect();
    let mut args = vec!["validate", "--json"];
    args.extend(&paths);
    let o = run(&args, b"");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let lines: Vec<Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let sources: Vec<&str> = lines.iter().map(|v| v["source"].as_str().unwrap()).collect();
    let want: Vec<String> = vec![
        paths[0].into(),
        format!("{}:1", paths[1]),
        format!("{}:2", paths[1]),
        paths[2].into(),
        paths[3].into(),
        paths[4].into(),
        paths[5].into(),
    ];
    assert_eq!(sources, want);
    let files: Vec<&str> = lines.iter().map(|v| v["file"].as_str().unwrap()).collect();
    assert_eq!(files, [paths[0], paths[1], paths[1], paths[2], paths[3], paths[4], paths[5]]);
    let valid: Vec<bool> = lines.iter().map(|v| v["valid"].as_bool().unwrap()).collect();
    assert_eq!(valid, [true, true, false, false, false, true, false]);
    assert_eq!(lines[0], json!({"source": paths[0], "file": paths[0], "valid": true, "errors": [], "warnings": []}));
    let codes: Vec<Vec<&str>> = lines
        .iter()
        .map(|v| v["errors"].as_array().unwrap().iter().map(|e| e["code"].as_str().unwrap()).collect())
        .collect();
    assert_eq!(
        codes,
        [vec![], vec![], vec!["invalid"], vec!["no_scorecard"], vec!["not_json"], vec![], vec!["unreadable"]]
    );
    let field = &lines[2]["errors"][0];
    assert_eq!(field["path"], "ratings.business_impact.level");
    assert!(
        field["message"].as_str().unwrap().starts_with("ratings.business_impact.level: unknown level \"stellar\""),
        "{field}"
    );
    assert_eq!(lines[3]["errors"][0]["message"], "empty: no scorecard in it");
    assert_eq!(lines[3]["errors"][0]["path"], Value::Null);
    // What the Greenhouse import did not carry: warnings, the card still valid.
    let warnings = lines[5]["warnings"].as_array().unwrap();
    assert!(warnings.len() >= 3 && warnings.iter().all(|w| w["code"] == "not_carried"), "{warnings:?}");
    assert!(
        warnings.iter().any(|w| w["message"].as_str().unwrap().contains("\"Private Notes\" is private to its author")),
        "{warnings:?}"
    );
    // stderr says what it always said, stdout holds JSON only.
    let plain = run(&["validate"].into_iter().chain(paths.iter().copied()).collect::<Vec<_>>(), b"");
    assert_eq!(stderr(&o), stderr(&plain));
    assert_eq!(plain.status.code(), Some(1));
    // A JSON lines stream: a line that is not UTF-8 text, and the exit code 0 when all are valid.
    let o = run(&["validate", "--json", "--jsonl", "-"], format!("{ALL_MEETS}\n\u{0}\n").as_bytes());
    assert_eq!(o.status.code(), Some(1));
    let mut stream = format!("{ALL_MEETS}\n").into_bytes();
    stream.extend(b"{\"a\": \"\xe9\"}\n");
    let o = run(&["validate", "--jsonl", "--json", "-"], &stream);
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!((lines[0]["source"].as_str(), lines[0]["valid"].as_bool()), (Some("stdin:1"), Some(true)));
    assert_eq!(
        (lines[1]["source"].as_str(), lines[1]["file"].as_str(), lines[1]["errors"][0]["code"].as_str()),
        (Some("stdin:2"), Some("stdin"), Some("not_text"))
    );
    let o = run(&["validate", "--json", good.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 1);
    // A usage error stays one.
    assert_eq!(run(&["validate", "--json"], b"").status.code(), Some(2));
    // QA cli4: the code is told from the message after the file's name, which may hold any
    // words: UTF-16 text is not_text whatever the file is called.
    let utf16: Vec<u8> = [0xff, 0xfe].into_iter().chain("{}".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    for name in ["notes: larger than usual.json", "a: cannot read: b.json", "x: no scorecard in it"] {
        let file = dir.join(name);
        std::fs::write(&file, &utf16).unwrap();
        let o = run(&["validate", "--json", file.to_str().unwrap()], b"");
        let line: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
        assert_eq!(line["errors"][0]["code"], "not_text", "{name}: {line}");
    }
    // QA cli4: a Greenhouse object the import refuses keeps the field its message names.
    let o = run(
        &["validate", "--json", "-"],
        GREENHOUSE
            .replace("\"interview\": \"Onsite\",", "\"overall_recommendation\": 5, \"interview\": \"Onsite\",")
            .as_bytes(),
    );
    let line: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let error = &line["errors"][0];
    assert_eq!(
        (error["code"].as_str(), error["path"].as_str()),
        (Some("greenhouse"), Some("overall_recommendation")),
        "{line}"
    );
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .starts_with("Greenhouse scorecard: overall_recommendation: expected a string"),
        "{line}"
    );
    // The help says it.
    let help = stdout(&run(&["validate", "--help"], b""));
    assert!(help.starts_with("usage: scorecard validate [--json] [--jsonl]") && help.contains("\"valid\""), "{help}");
    std::fs::remove_dir_all(&dir).ok();
}

/// `convert` reads a file of share links as `unlink` reads them: one link (as pasted, wrapped
/// over lines too), or one per line, each named by its line; `--jsonl` reads a link on a line.
/// `link` reads them the same way and writes each link again (with --base, on that base).
#[test]
fn convert_and_link_read_share_links_in_a_file() {
    let dir = scratch("links-in-a-file");
    let url = stdout(&run(&["link", "--base", "https://hr.example/sc", "-"], ALL_MEETS.as_bytes())).trim().to_string();
    let other = ALL_MEETS.replace("\"meets\"", "\"needs_improvement\"");
    let fragment = stdout(&run(&["link", "-"], other.as_bytes())).trim().to_string();
    let card = stdout(&run(&["unlink", &url], b""));
    let compact = |link: &str| stdout(&run(&["unlink", link, link], b"")).lines().next().unwrap().to_string();
    let write = |name: &str, text: &str| {
        let file = dir.join(name);
        std::fs::write(&file, text).unwrap();
        file.to_str().unwrap().to_string()
    };
    // One link, as pasted from chat or mail, or wrapped over lines.
    let wrapped: String =
        url.chars().collect::<Vec<_>>().chunks(60).map(|c| c.iter().collect::<String>() + "\n").collect();
    for (name, text) in [("one.txt", format!("<{url}>.\n")), ("wrapped.txt", wrapped)] {
        let one = write(name, &text);
        let o = run(&["convert", &one], b"");
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
        assert_eq!(stdout(&o), card, "{name}");
        let o = run(&["link", &one], b"");
        assert_eq!(
            (o.status.code(), stdout(&o).trim()),
            (Some(0), &url[url.find('#').unwrap()..]),
            "{name}: {}",
            stderr(&o)
        );
    }
    let o = run(&["convert", "-"], url.as_bytes());
    assert_eq!((o.status.code(), stdout(&o)), (Some(0), card.clone()), "{}", stderr(&o));
    // A link moved to another base.
    let one = dir.join("one.txt");
    let o = run(&["link", "--base", "https://other.example/scorecard/", one.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("https://other.example/scorecard/#sc1="), "{}", stdout(&o));
    assert_eq!(stdout(&run(&["unlink", stdout(&o).trim()], b"")), card);
    // One link per line: one result each, named by its line.
    let batch = write("batch.txt", &format!("{url}\n\n{fragment},\n"));
    let o = run(&["convert", &batch], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), format!("{}\n{}\n", compact(&url), compact(&fragment)));
    let o = run(&["convert", "--jsonl", &batch], b"");
    assert_eq!(stdout(&o), format!("{}\n{}\n", compact(&url), compact(&fragment)), "{}", stderr(&o));
    let o = run(&["convert", "--to", "markdown", &batch], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).matches("# Scorecard").count(), 2, "{}", stdout(&o));
    let o = run(&["link", &batch], b"");
    assert_eq!(stdout(&o), format!("{}\n{fragment}\n", &url[url.find('#').unwrap()..]), "{}", stderr(&o));
    // A bad link costs its line only; text after a link is named as such.
    let bad = write("bad.txt", &format!("{url}\n#sc1=eNpL$LQ\n{url} thanks\n"));
    let o = run(&["convert", &bad], b"");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o).lines().count(), 1, "{}", stdout(&o));
    let err = stderr(&o);
    assert!(err.contains(&format!("scorecard: {bad}:2: share link is corrupt: character '$'")), "{err}");
    assert!(err.contains(&format!("scorecard: {bad}:3: text follows the share link")), "{err}");
    // A link with a message on the next line, as chat pastes it: the message is named as
    // skipped, not the link called corrupt, and it is no failure: the one scorecard was written.
    let thanks = write("thanks.txt", &format!("{url}\nthanks, see you Monday\n"));
    let o = run(&["convert", &thanks], b"");
    assert_eq!((o.status.code(), stdout(&o)), (Some(0), card.clone()), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        format!("scorecard: {thanks}:2: skipped, neither a share link nor a scorecard: \"thanks, see you Monday\"\n")
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// QA cli4: a file of share links is cut into its parts line by line: a line that starts a link
/// starts one, the lines that may be more of it (a mail client's wrapping) join it, and any other
/// line ends it and is read as it would be without links (JSON) or named as skipped text.
#[test]
fn a_file_of_links_is_cut_where_each_link_ends() {
    let dir = scratch("links-cut");
    let bob = std::fs::read_to_string("tests/fixtures/committee/sample/ada-bob.json").unwrap();
    let alice = std::fs::read_to_string("tests/fixtures/committee/sample/ada-alice.json").unwrap();
    let url = stdout(&run(&["link", "--base", "https://ats.example.com/sc/", "-"], bob.as_bytes())).trim().to_string();
    let fragment = stdout(&run(&["link", "-"], alice.as_bytes())).trim().to_string();
    let compact = |link: &str| stdout(&run(&["unlink", link, link], b"")).lines().next().unwrap().to_string();
    let both = format!("{}\n{}\n", compact(&url), compact(&fragment));
    let write = |name: &str, text: &str| {
        let file = dir.join(name);
        std::fs::write(&file, text).unwrap();
        file.to_str().unwrap().to_string()
    };
    let fold = |text: &str| {
        text.lines()
            .flat_map(|l| {
                l.as_bytes().chunks(76).map(|c| String::from_utf8(c.to_vec()).unwrap() + "\n").collect::<Vec<_>>()
            })
            .collect::<String>()
    };
    // Two links, each wrapped by a mail client.
    let wrapped = write("wrapped.txt", &fold(&format!("{url}\n{fragment}\n")));
    assert!(std::fs::read_to_string(&wrapped).unwrap().lines().count() > 10);
    let o = run(&["convert", &wrapped], b"");
    assert_eq!((o.status.code(), stdout(&o), stderr(&o)), (Some(0), both.clone(), String::new()));
    let o = run(&["link", &wrapped], b"");
    assert_eq!((o.status.code(), stdout(&o).lines().count()), (Some(0), 2), "{}", stderr(&o));
    // A link, then a scorecard on one line: both read, without --jsonl.
    let mixed = write("mixed.txt", &format!("{url}\n{}\n", compact(&fragment)));
    let o = run(&["convert", &mixed], b"");
    assert_eq!((o.status.code(), stdout(&o), stderr(&o)), (Some(0), both.clone(), String::new()));
    // A pretty-printed document after a link: named by the line it starts on when broken.
    let broken = write("broken.txt", &format!("{url}\n{{\n  \"format\": \n}}\n"));
    let o = run(&["convert", &broken], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).starts_with(&format!("scorecard: {broken}:2: ")), "{}", stderr(&o));
    // A list of links, bulleted, with a greeting and thanks: the links read, the prose skipped.
    let list = write("list.txt", &format!("Here you go:\n{url}\n- <{fragment}>.\n\nthanks!\n"));
    let o = run(&["convert", &list], b"");
    assert_eq!((o.status.code(), stdout(&o)), (Some(0), both.clone()), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        format!("scorecard: {list}:1: skipped, neither a share link nor a scorecard: \"Here you go:\"\nscorecard: {list}:5: skipped, neither a share link nor a scorecard: \"thanks!\"\n")
    );
    let o = run(&["convert", &write("parens.txt", &format!("({url})\n- ({fragment}).\n"))], b"");
    assert_eq!((o.status.code(), stdout(&o)), (Some(0), both.clone()), "{}", stderr(&o));
    let o = run(&["convert", &write("bullets.txt", &format!("{url}\n- {fragment}\n"))], b"");
    assert_eq!((o.status.code(), stdout(&o)), (Some(0), both.clone()), "{}", stderr(&o));
    // Prose after two links is skipped, not a failed scorecard; a bad link still fails.
    let o = run(&["convert", &write("prose.txt", &format!("{url}\n{fragment}\nthanks!\n"))], b"");
    assert_eq!((o.status.code(), stdout(&o)), (Some(0), both.clone()), "{}", stderr(&o));
    assert!(!stderr(&o).contains("not done"), "{}", stderr(&o));
    let o = run(&["convert", &write("bad.txt", &format!("{url}\n#sc1=eNpL$LQ\nthanks!\n"))], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("1 of 2 not done"), "{}", stderr(&o));
    std::fs::remove_dir_all(&dir).ok();
}

/// The table of commands is the one source of every help text: `classifier --help` and
/// `classifier help` print its entry (the subcommands' options included, listed in the full usage
/// too), and a classifier usage error is as short as every command's.
#[test]
fn the_classifiers_help_comes_from_the_table_of_commands() {
    let help = stdout(&run(&["classifier", "--help"], b""));
    assert!(help.starts_with("usage: scorecard classifier train|eval|cv|bench [options]"), "{help}");
    assert!(
        help.contains("\n  scorecard classifier eval [--heldout FILE] [--flags FILE]") && help.contains("exit codes"),
        "{help}"
    );
    assert_eq!(stdout(&run(&["classifier", "help"], b"")), help);
    // classify and draft are described once, by their own help.
    assert!(!help.contains("scorecard classify") && !help.contains("scorecard draft"), "{help}");
    assert!(
        stdout(&run(&["--help"], b"")).contains("\n        scorecard classifier bench [--file FILE] [--rounds N]\n")
    );
    // QA cli4: every line of every help under 100 characters, the classifier's synopses and
    // convert's too.
    let commands =
        ["recommend", "validate", "classify", "draft", "classifier", "compare", "convert", "link", "unlink", "rubric"];
    for args in std::iter::once(vec!["--help"]).chain(commands.iter().map(|c| vec![*c, "--help"])) {
        let help = stdout(&run(&args, b""));
        let wide: Vec<&str> = help.lines().filter(|l| l.chars().count() >= 100).collect();
        assert!(wide.is_empty(), "{args:?}: {wide:#?}");
    }
    for args in [&["classifier"][..], &["classifier", "retrain"][..]] {
        let o = run(args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&o).lines().count(), 3, "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("train, eval, cv or bench\nusage: scorecard classifier "),
            "{args:?}: {}",
            stderr(&o)
        );
    }
}

/// `recommend`, `validate` and `compare` read a file of share links exactly as `convert` does
/// (one link as pasted, wrapped by a mail client, in a bulleted list with prose between, which
/// is skipped and no failure); a bad link is one failure, coded "link" by `validate --json`.
#[test]
fn recommend_validate_and_compare_read_share_links_as_convert_does() {
    use serde_json::Value;
    let dir = scratch("links-everywhere");
    let bob = std::fs::read_to_string("tests/fixtures/committee/sample/ada-bob.json").unwrap();
    let alice = std::fs::read_to_string("tests/fixtures/committee/sample/ada-alice.json").unwrap();
    let url = stdout(&run(&["link", "--base", "https://ats.example.com/sc/", "-"], bob.as_bytes())).trim().to_string();
    let fragment = stdout(&run(&["link", "-"], alice.as_bytes())).trim().to_string();
    let write = |name: &str, text: &str| {
        let file = dir.join(name);
        std::fs::write(&file, text).unwrap();
        file.to_str().unwrap().to_string()
    };
    let documents = write("documents.json", &format!("{bob}\n{alice}\n"));
    // What recommend says of the documents themselves, but for the source.
    let verdicts = |o: &Output| -> Vec<Value> {
        stdout(o)
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .map(|mut v| {
                v["source"] = Value::Null;
                v
            })
            .collect()
    };
    let want = verdicts(&run(&["recommend", &documents], b""));
    assert_eq!(want.len(), 2);
    let fold = |text: &str| {
        text.lines()
            .flat_map(|l| {
                l.as_bytes().chunks(60).map(|c| String::from_utf8(c.to_vec()).unwrap() + "\n").collect::<Vec<_>>()
            })
            .collect::<String>()
    };
    // One link as pasted: named by the file.
    let one = write("one.txt", &format!("<{url}>.\n"));
    let o = run(&["recommend", &one], b"");
    assert_eq!((o.status.code(), verdicts(&o)), (Some(0), want[..1].to_vec()), "{}", stderr(&o));
    assert!(stdout(&o).contains(&format!("\"source\":\"{one}\"")), "{}", stdout(&o));
    let o = run(&["validate", &one], b"");
    assert_eq!((o.status.code(), stdout(&o)), (Some(0), format!("{one}: valid\n")), "{}", stderr(&o));
    // Wrapped by a mail client, and in a bulleted list with prose between: the prose skipped.
    let wrapped = write("wrapped.txt", &fold(&format!("{url}\n{fragment}\n")));
    let list = write("list.txt", &format!("Here you go:\n- {url}\n* <{fragment}>.\n\nthanks!\n"));
    for file in [&wrapped, &list] {
        let o = run(&["recommend", file], b"");
        assert_eq!((o.status.code(), verdicts(&o)), (Some(0), want.clone()), "{file}: {}", stderr(&o));
        let o = run(&["validate", "--json", file], b"");
        assert_eq!(o.status.code(), Some(0), "{file}: {}", stderr(&o));
        assert!(
            stdout(&o).lines().all(|l| l.contains("\"valid\":true")) && stdout(&o).lines().count() == 2,
            "{file}: {}",
            stdout(&o)
        );
        let o = run(&["compare", "--compact", file], b"");
        assert_eq!(o.status.code(), Some(0), "{file}: {}", stderr(&o));
        let report: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
        assert_eq!(report["counted"], 2, "{file}: {report}");
    }
    let skipped = format!("scorecard: {list}:1: skipped, neither a share link nor a scorecard: \"Here you go:\"\nscorecard: {list}:5: skipped, neither a share link nor a scorecard: \"thanks!\"\n");
    for command in ["recommend", "validate", "convert"] {
        assert_eq!(stderr(&run(&[command, &list], b"")), skipped, "{command}");
    }
    let o = run(&["validate", &list], b"");
    assert_eq!(stdout(&o), format!("{list}:2: valid\n{list}:3: valid\n"));
    // Every marker of a list of notes the widget splits (numbered, en dash, middle dot), and "+ ".
    for (name, text) in [
        ("numbered.txt", format!("1. {url}\n2) <{fragment}>\n")),
        ("dashes.txt", format!("\u{2013} {url}\n\u{b7}\t{fragment}\n")),
        ("plus.txt", format!("+ {url}\n+ {fragment}\n")),
    ] {
        let file = write(name, &text);
        for command in ["validate", "convert"] {
            let o = run(&[command, &file], b"");
            assert_eq!(
                (o.status.code(), stderr(&o), stdout(&o).lines().count()),
                (Some(0), String::new(), 2),
                "{command} {name}"
            );
        }
    }
    // From stdin too.
    let o = run(&["recommend", "-"], fold(&url).as_bytes());
    assert_eq!((o.status.code(), verdicts(&o)), (Some(0), want[..1].to_vec()), "{}", stderr(&o));
    // A bad link is one failure among the others, with the message `convert` gives it.
    let bad = write("bad.txt", &format!("{url}\n#sc1=eNpL$LQ\n"));
    let said = format!("scorecard: {bad}:2: share link is corrupt: character '$'");
    for command in ["recommend", "validate", "compare", "convert"] {
        let o = run(&[command, &bad], b"");
        assert!(stderr(&o).contains(&said), "{command}: {}", stderr(&o));
        assert_eq!(o.status.code(), Some(if command == "compare" { 0 } else { 1 }), "{command}: {}", stderr(&o));
    }
    let o = run(&["validate", "--json", &bad], b"");
    let lines: Vec<Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2, "{}", stdout(&o));
    assert_eq!(
        (lines[1]["source"].as_str(), lines[1]["errors"][0]["code"].as_str()),
        (Some(format!("{bad}:2").as_str()), Some("link")),
        "{}",
        lines[1]
    );
    let report: Value = serde_json::from_str(&stdout(&run(&["compare", &bad], b""))).unwrap();
    assert_eq!(
        (report["counted"].as_u64(), report["failed"][0]["source"].as_str()),
        (Some(1), Some(format!("{bad}:2").as_str())),
        "{report}"
    );
    // The bad-input corpus's links: each refused by validate with the message convert gives,
    // coded "link" (or "invalid" for the document a link holds).
    for entry in std::fs::read_dir("tests/bad_inputs").unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        if !name.starts_with("link-") {
            continue;
        }
        let path = path.to_str().unwrap();
        let converted = run(&["convert", path], b"");
        let o = run(&["validate", "--json", path], b"");
        assert_eq!((o.status.code(), stderr(&o)), (Some(1), stderr(&converted)), "{name}");
        let line: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
        let code = if name == "link-invalid-document.txt" { "invalid" } else { "link" };
        assert_eq!(line["errors"][0]["code"], code, "{name}: {line}");
        assert_eq!(run(&["recommend", path], b"").status.code(), Some(1), "{name}");
        assert_eq!(run(&["compare", path], b"").status.code(), Some(1), "{name}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// With --jsonl, a share link a mail client wrapped over lines is one record, named by its first
/// line, in every command that reads JSON lines; a line of JSON after it is still read on its own,
/// and a link that reads on its line takes no line after it.
#[test]
fn jsonl_reads_a_wrapped_link_as_one_record() {
    let dir = scratch("jsonl-wrapped");
    let bob = std::fs::read_to_string("tests/fixtures/committee/sample/ada-bob.json").unwrap();
    let alice = std::fs::read_to_string("tests/fixtures/committee/sample/ada-alice.json").unwrap();
    let url = stdout(&run(&["link", "--base", "https://ats.example.com/sc/", "-"], bob.as_bytes())).trim().to_string();
    let fragment = stdout(&run(&["link", "-"], alice.as_bytes())).trim().to_string();
    let compact = |link: &str| stdout(&run(&["unlink", link, link], b"")).lines().next().unwrap().to_string();
    let wrapped: Vec<String> = url.as_bytes().chunks(60).map(|c| String::from_utf8(c.to_vec()).unwrap()).collect();
    assert!(wrapped.len() > 3);
    // The wrapped link, a scorecard on one line, a link on one line.
    let text = format!("{}\n{}\n{fragment}\n", wrapped.join("\n"), compact(&fragment));
    let file = dir.join("links.jsonl");
    std::fs::write(&file, &text).unwrap();
    let file = file.to_str().unwrap();
    let json_line = wrapped.len() + 1;
    let o = run(&["validate", "--jsonl", file], b"");
    assert_eq!(
        (o.status.code(), stdout(&o)),
        (Some(0), format!("{file}:1: valid\n{file}:{json_line}: valid\n{file}:{}: valid\n", json_line + 1)),
        "{}",
        stderr(&o)
    );
    let o = run(&["convert", "--jsonl", file], b"");
    assert_eq!(
        (o.status.code(), stdout(&o)),
        (Some(0), format!("{}\n{}\n{}\n", compact(&url), compact(&fragment), compact(&fragment))),
        "{}",
        stderr(&o)
    );
    let o = run(&["unlink", "--jsonl", file], b"");
    assert_eq!(o.status.code(), Some(1), "a line of JSON is no link: {}", stderr(&o));
    assert_eq!(stdout(&o).lines().next(), Some(compact(&url).as_str()));
    let o = run(&["recommend", "--jsonl", file], b"");
    assert_eq!((o.status.code(), stdout(&o).lines().count()), (Some(0), 3), "{}", stderr(&o));
    let o = run(&["compare", "--jsonl", "--compact", file], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Three read (the last two the same scorecard: one is kept as a duplicate).
    assert!(stdout(&o).contains("\"scorecards\":3,\"counted\":2"), "{}", stdout(&o));
    // A link that reads on its line is not joined to the line after it, which fails on its own.
    let o = run(&["validate", "--jsonl", "-"], format!("{url}\nthanks\n").as_bytes());
    assert_eq!((o.status.code(), stdout(&o)), (Some(1), "stdin:1: valid\n".to_string()));
    assert!(stderr(&o).starts_with("scorecard: stdin:2: not JSON"), "{}", stderr(&o));
    // A blank line ends a wrapped link: what follows it is read on its own.
    let o = run(&["validate", "--jsonl", "-"], format!("{}\n\n{}\n", wrapped[0], wrapped[1..].join("\n")).as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).starts_with("scorecard: stdin:1: share link is truncated"), "{}", stderr(&o));
    assert!(stderr(&o).contains("scorecard: stdin:3: not JSON"), "{}", stderr(&o));
    std::fs::remove_dir_all(&dir).ok();
}

/// `validate --json` codes each kind of input that cannot be read by its kind (whatever the
/// file is called), and a `--rubric` that cannot be had is a failed line on stdout too, in the
/// same shape, with the message stderr gives it and exit 1, so that a program reading stdout
/// sees why nothing was checked.
#[test]
fn validate_json_codes_each_kind_of_failure_and_a_bad_rubric() {
    use serde_json::{json, Value};
    let dir = scratch("validate-codes");
    let write = |name: &str, bytes: &[u8]| {
        let file = dir.join(name);
        std::fs::write(&file, bytes).unwrap();
        file.to_str().unwrap().to_string()
    };
    let utf16: Vec<u8> = [0xff, 0xfe].into_iter().chain("{}".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let missing = dir.join("no scorecard in it.json").to_str().unwrap().to_string();
    // A file that is not there: named by its path, coded "unreadable", and said "cannot read:"
    // with the system's reason for a file not found, in whatever words the system has for it
    // (Linux's end in "(os error 2)", which this test does not expect).
    let reason = std::fs::File::open(&missing).unwrap_err();
    assert_eq!(reason.kind(), std::io::ErrorKind::NotFound);
    let not_found = format!("cannot read: {reason}");
    let o = run(&["validate", "--json", &missing], b"");
    assert_eq!(o.status.code(), Some(1));
    let line: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let want = json!({"source": missing, "file": missing, "valid": false, "errors": [{"code": "unreadable", "path": null, "message": not_found}], "warnings": []});
    assert_eq!(line, want);
    assert_eq!(stderr(&o), format!("scorecard: {missing}: {not_found}\n"));
    let cases = [
        (write("cannot read: x.json", &utf16), "not_text", "UTF-16 text; save it as UTF-8"),
        (write("not UTF-8.json", b"{\"a\": \"\xe9\"}"), "not_text", "not UTF-8 text (byte 8); save it as UTF-8"),
        (write("larger than 1 bytes.json", b" \n "), "no_scorecard", "empty: no scorecard in it"),
        (write("list.json", b"[]"), "no_scorecard", "no scorecard in it"),
    ];
    for (path, code, message) in &cases {
        let o = run(&["validate", "--json", path], b"");
        assert_eq!(o.status.code(), Some(1), "{path}");
        let line: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
        let want = json!({"source": path, "file": path, "valid": false, "errors": [{"code": code, "path": null, "message": message}], "warnings": []});
        assert_eq!(line, want);
        assert_eq!(stderr(&o), format!("scorecard: {path}: {message}\n"));
    }
    let o = run(&["validate", "--json", "--jsonl", "-"], b"\n\n");
    let line: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(
        (line["errors"][0]["code"].as_str(), line["errors"][0]["message"].as_str()),
        (Some("no_scorecard"), Some("no scorecard in it"))
    );
    // A --rubric that cannot be read, or is not a rubric: one line, nothing else checked.
    let card = write("card.json", ALL_MEETS.as_bytes());
    let bad = write("bad-rubric.json", b"{");
    let big = vec![b' '; 600 * 1024];
    for (rubric, stdin, message) in [
        (bad.as_str(), &b""[..], "rubric is not valid: EOF while parsing an object at line 1 column 1"),
        (missing.as_str(), &b""[..], not_found.as_str()),
        ("-", &big[..], "larger than 524288 bytes, the limit of a rubric file"),
    ] {
        let o = run(&["validate", "--json", "--rubric", rubric, &card], stdin);
        let plain = run(&["validate", "--rubric", rubric, &card], stdin);
        assert_eq!((o.status.code(), plain.status.code()), (Some(1), Some(1)), "{rubric}");
        let source = if rubric == "-" { "stdin" } else { rubric };
        assert_eq!(stderr(&o), format!("scorecard: {source}: {message}\n"), "{rubric}");
        assert_eq!(stderr(&o), stderr(&plain), "{rubric}");
        assert_eq!(stdout(&plain), "", "{rubric}");
        let lines: Vec<Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        let want = json!({"source": source, "file": source, "valid": false, "errors": [{"code": "rubric", "path": null, "message": message}], "warnings": []});
        assert_eq!(lines, [want], "{rubric}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// The lines a wrapped link takes are the fewest with which it reads: a wrapped link followed by
/// a message of words takes its own lines only (the message is skipped); and a link followed by
/// a hundred thousand lines that may be more of it, which never reads, is refused without a
/// decoding per line (which took hours): as every line joined in a file read whole, alone with
/// --jsonl; the fewest are looked for among the first 16,000 characters, twice the longest link
/// Scorecard makes.
#[test]
fn a_wrapped_link_takes_the_fewest_lines_that_read() {
    let dir = scratch("links-fewest");
    let bob = std::fs::read_to_string("tests/fixtures/committee/sample/ada-bob.json").unwrap();
    let url = stdout(&run(&["link", "--base", "https://ats.example.com/sc/", "-"], bob.as_bytes())).trim().to_string();
    let wrapped: Vec<String> = url.as_bytes().chunks(50).map(|c| String::from_utf8(c.to_vec()).unwrap()).collect();
    let file = dir.join("message.txt");
    std::fs::write(&file, format!("{}\nthanks see you Monday\n", wrapped.join("\n"))).unwrap();
    let file = file.to_str().unwrap();
    let o = run(&["validate", file], b"");
    assert_eq!((o.status.code(), stdout(&o)), (Some(0), format!("{file}:1: valid\n")), "{}", stderr(&o));
    let line = wrapped.len() + 1;
    assert_eq!(
        stderr(&o),
        format!("scorecard: {file}:{line}: skipped, neither a share link nor a scorecard: \"thanks see you Monday\"\n")
    );
    let o = run(&["validate", "--jsonl", file], b"");
    assert_eq!(stdout(&o), format!("{file}:1: valid\n"), "{}", stderr(&o));
    assert!(stderr(&o).starts_with(&format!("scorecard: {file}:{line}: not JSON")), "{}", stderr(&o));
    // Wrapped narrowly under an indent, in more lines than a link of the longest at 32 columns
    // (a review's case): still its own lines, the message after it skipped.
    let start = url.find("#sc1=").unwrap() + 9;
    let narrow: Vec<String> = std::iter::once(url[..start].to_string())
        .chain(url.as_bytes()[start..].chunks(1).map(|c| format!("  {}", String::from_utf8(c.to_vec()).unwrap())))
        .collect();
    assert!(narrow.len() > 260, "{}", narrow.len());
    std::fs::write(dir.join("narrow.txt"), format!("{}\n  thanks, see you Monday\n", narrow.join("\n"))).unwrap();
    let narrow_file = dir.join("narrow.txt");
    let o = run(&["validate", narrow_file.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("skipped, neither a share link nor a scorecard: \"thanks, see you Monday\""),
        "{}",
        stderr(&o)
    );
    // Never reads: every line is taken, in a file read whole and with --jsonl alike (none is
    // JSON on its own), and the decoder refuses it for its size: one record, not 100,001.
    let long = format!("#sc1=eNpL\n{}", format!("{}\n", "A".repeat(76)).repeat(100_000));
    let o = run(&["convert", "-"], long.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), "scorecard: stdin: share link input is 7700009 bytes; the limit is 2097152\n");
    let o = run(&["validate", "--jsonl", "-"], long.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), "scorecard: stdin:1: share link input is 7700009 bytes; the limit is 2097152\n");
    std::fs::remove_dir_all(&dir).ok();
}

/// With --jsonl, the lines after a share link join it only when the link then reads: after a
/// link that never reads (cut when copied), a line that only looks like more of it (`42`,
/// `null`, a word) keeps its own record, read and refused on its own under its own number, in
/// every command that reads JSON lines; a wrapped link that reads still takes its lines.
#[test]
fn jsonl_joins_a_line_to_a_link_only_when_the_link_then_reads() {
    use serde_json::Value;
    let bob = std::fs::read_to_string("tests/fixtures/committee/sample/ada-bob.json").unwrap();
    let url = stdout(&run(&["link", "--base", "https://ats.example.com/sc/", "-"], bob.as_bytes())).trim().to_string();
    let cut = &url[..url.find("#sc1=").unwrap() + 40];
    let text = format!("{cut}\n42\nnull\nthanks\n{ALL_MEETS}\n");
    let said = |o: &Output| {
        stderr(o)
            .lines()
            .filter_map(|l| l.strip_prefix("scorecard: stdin:"))
            .map(|l| l.split(':').next().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    for command in ["recommend", "validate", "compare", "convert"] {
        let o = run(&[command, "--jsonl", "-"], text.as_bytes());
        assert_eq!(said(&o), ["1", "2", "3", "4"], "{command}: {}", stderr(&o));
        assert!(stderr(&o).starts_with("scorecard: stdin:1: share link is truncated"), "{command}: {}", stderr(&o));
        assert!(stderr(&o).contains("scorecard: stdin:2: expected a "), "{command}: {}", stderr(&o));
        assert!(stderr(&o).contains("scorecard: stdin:4: not JSON"), "{command}: {}", stderr(&o));
    }
    let o = run(&["validate", "--json", "--jsonl", "-"], text.as_bytes());
    let lines: Vec<Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let coded: Vec<(&str, &str)> = lines
        .iter()
        .map(|v| (v["source"].as_str().unwrap(), v["errors"][0]["code"].as_str().unwrap_or("valid")))
        .collect();
    assert_eq!(
        coded,
        [
            ("stdin:1", "link"),
            ("stdin:2", "invalid"),
            ("stdin:3", "invalid"),
            ("stdin:4", "not_json"),
            ("stdin:5", "valid")
        ]
    );
    // A wrapped link that reads takes its lines, and no more: the `42` after it is its own.
    let wrapped: Vec<&str> = url.as_bytes().chunks(60).map(|c| std::str::from_utf8(c).unwrap()).collect();
    let o = run(&["validate", "--jsonl", "-"], format!("{}\n42\n", wrapped.join("\n")).as_bytes());
    assert_eq!(stdout(&o), "stdin:1: valid\n", "{}", stderr(&o));
    assert_eq!(said(&o), [(wrapped.len() + 1).to_string()], "{}", stderr(&o));
}

/// Review: a wrapped link damaged in its middle (a character changed, or a line lost) is one
/// record, said to be corrupt, as before lines that never read stopped being joined to it; its
/// lines are not each a record "not JSON". And a file of link lines is read in one pass.
#[test]
fn a_damaged_wrapped_link_is_one_corrupt_record() {
    let bob = std::fs::read_to_string("tests/fixtures/committee/sample/ada-bob.json").unwrap();
    let url = stdout(&run(&["link", "--base", "https://ats.example.com/sc/", "-"], bob.as_bytes())).trim().to_string();
    let mut wrapped: Vec<String> =
        url.as_bytes().chunks(40).map(|c| std::str::from_utf8(c).unwrap().to_string()).collect();
    assert!(wrapped.len() > 6, "{}", wrapped.len());
    let mid = wrapped.len() / 2;
    let changed = wrapped[mid].replace('A', "B").replace('a', "b").replace('Q', "R");
    assert_ne!(changed, wrapped[mid]);
    let mut lost = wrapped.clone();
    lost.remove(mid);
    wrapped[mid] = changed;
    for lines in [wrapped, lost] {
        let o = run(&["validate", "--jsonl", "-"], format!("{}\n42\n", lines.join("\n")).as_bytes());
        let err = stderr(&o);
        let said: Vec<&str> = err.lines().collect();
        assert_eq!(said.len(), 2, "{err}");
        assert!(said[0].starts_with("scorecard: stdin:1: share link is corrupt"), "{}", stderr(&o));
        assert!(said[1].starts_with(&format!("scorecard: stdin:{}: ", lines.len() + 1)), "{}", stderr(&o));
    }
    // A final review: damaged, its last wrapped line JSON by chance ("0", at 22 columns): still
    // one record, said to be corrupt, not cut short and a number.
    let alice = std::fs::read_to_string("tests/fixtures/committee/sample/bo-alice.json").unwrap();
    let url =
        stdout(&run(&["link", "--base", "https://ats.example.com/sc/", "-"], alice.as_bytes())).trim().to_string();
    // The link's first line up to its data and some of it, then lines of 22: the last is one.
    let data = url.find("#sc1=").unwrap() + 5;
    let first = url.len() - 1 - 22 * ((url.len() - data) / 22 - 1);
    let mut lines: Vec<String> = std::iter::once(url[..first].to_string())
        .chain(url.as_bytes()[first..].chunks(22).map(|c| std::str::from_utf8(c).unwrap().to_string()))
        .collect();
    assert_eq!(lines.last().map(String::as_str), Some("0"), "the fixture's link ends in a digit");
    let mid = lines.len() / 2;
    lines[mid] = lines[mid].replace('A', "B").replace('a', "b").replace('Q', "R").replace('g', "h");
    let o = run(&["validate", "--jsonl", "-"], format!("{}\n", lines.join("\n")).as_bytes());
    assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
    assert!(stderr(&o).starts_with("scorecard: stdin:1: share link is corrupt"), "{}", stderr(&o));
    // 20,000 link lines one after another: each its own record (the collection of the lines
    // that may be more of a link stops at the next link; it took 17.7 s).
    let many: String = (0..20_000).map(|n| format!("#sc1=AAAA{n}\n")).collect();
    let o = run(&["validate", "--jsonl", "-"], many.as_bytes());
    assert_eq!(stderr(&o).lines().count(), 20_000);
}

/// A quoted message's blank lines (">" alone) are blank, not text skipped.
#[test]
fn a_quoted_blank_line_is_blank() {
    let bob = std::fs::read_to_string("tests/fixtures/committee/sample/ada-bob.json").unwrap();
    let url = stdout(&run(&["link", "--base", "https://ats.example.com/sc/", "-"], bob.as_bytes())).trim().to_string();
    let o = run(&["validate", "-"], format!(">\n> {url}\n>\n> >\n").as_bytes());
    assert_eq!((o.status.code(), stdout(&o), stderr(&o)), (Some(0), "stdin: valid\n".to_string(), String::new()));
}

/// A share link pasted from a quoted message (Markdown's "> ", nested "> > " or ">> ", before a
/// list marker too), as mail and chat quote one, is read as a link in a list is: its lines after
/// the first keep their "> ", which the decoder skips; the quoted prose is skipped.
#[test]
fn a_quoted_link_is_read_as_a_listed_one() {
    let dir = scratch("links-quoted");
    let bob = std::fs::read_to_string("tests/fixtures/committee/sample/ada-bob.json").unwrap();
    let alice = std::fs::read_to_string("tests/fixtures/committee/sample/ada-alice.json").unwrap();
    let url = stdout(&run(&["link", "--base", "https://ats.example.com/sc/", "-"], bob.as_bytes())).trim().to_string();
    let fragment = stdout(&run(&["link", "-"], alice.as_bytes())).trim().to_string();
    let compact = |link: &str| stdout(&run(&["unlink", link, link], b"")).lines().next().unwrap().to_string();
    let quoted: Vec<String> =
        url.as_bytes().chunks(60).map(|c| format!("> {}", std::str::from_utf8(c).unwrap())).collect();
    let file = dir.join("quoted.txt");
    std::fs::write(
        &file,
        format!("> Here you go:\n{}\n> > {fragment}\n>> - <{fragment}>.\n> thanks\n", quoted.join("\n")),
    )
    .unwrap();
    let file = file.to_str().unwrap();
    let o = run(&["convert", file], b"");
    assert_eq!(
        (o.status.code(), stdout(&o)),
        (Some(0), format!("{}\n{}\n{}\n", compact(&url), compact(&fragment), compact(&fragment))),
        "{}",
        stderr(&o)
    );
    let last = quoted.len() + 4;
    let skipped = format!(
        "scorecard: {file}:1: skipped, neither a share link nor a scorecard: \"> Here you go:\"\nscorecard: {file}:{last}: skipped, neither a share link nor a scorecard: \"> thanks\"\n"
    );
    assert_eq!(stderr(&o), skipped);
    let o = run(&["validate", file], b"");
    assert_eq!(
        (o.status.code(), stdout(&o)),
        (Some(0), format!("{file}:2: valid\n{file}:{}: valid\n{file}:{}: valid\n", last - 2, last - 1)),
        "{}",
        stderr(&o)
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// JSON after a share link says where its error is by the file's line, not by its own: a
/// pretty-printed document, and documents one after another, in every command.
#[test]
fn json_after_a_link_is_named_by_the_files_lines() {
    let dir = scratch("links-json-lines");
    let bob = std::fs::read_to_string("tests/fixtures/committee/sample/ada-bob.json").unwrap();
    let url = stdout(&run(&["link", "--base", "https://ats.example.com/sc/", "-"], bob.as_bytes())).trim().to_string();
    let write = |name: &str, text: &str| {
        let file = dir.join(name);
        std::fs::write(&file, text).unwrap();
        file.to_str().unwrap().to_string()
    };
    // Line 4 of the file is the `}` where a value is expected (line 3 of the document).
    let one = write("one.txt", &format!("{url}\n{{\n  \"format\": \n}}\n"));
    // The second document starts on line 6; its `}` is line 8 of the file.
    let two = write("two.txt", &format!("{url}\nhello\n{{\n  \"format\": \"interview-scorecard\", \"version\": 1, \"ratings\": {{}}\n}}\n{{\n  \"format\":\n}}\n"));
    for (file, at, line) in [(&one, 2, 4), (&two, 6, 8)] {
        for command in ["recommend", "validate", "convert"] {
            let o = run(&[command, file], b"");
            let said = format!("scorecard: {file}:{at}: not JSON: expected value at line {line} column 1\n");
            assert!(stderr(&o).contains(&said), "{command}: {said:?} not in {}", stderr(&o));
        }
        let report: serde_json::Value = serde_json::from_str(&stdout(&run(&["compare", file], b""))).unwrap();
        assert_eq!(
            report["failed"][0]["error"],
            format!("not JSON, so not a scorecard (expected value at line {line} column 1)"),
            "{report}"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// `validate --json` writes a usage error (an unknown option, a missing FILE or value) as one
/// failed line on stdout too, code "usage", in the shape of a bad --rubric's line, with the
/// message stderr gives it; stderr and the exit code 2 are those of the plain form. A `--json`
/// after `--` is a file's name, not the flag.
#[test]
fn validate_json_writes_a_usage_error_as_a_line_too() {
    use serde_json::{json, Value};
    for (args, message) in [
        (&["validate", "--json", "--bogus", "x.json"][..], "unknown option \"--bogus\""),
        (&["validate", "--json"][..], "validate needs at least one FILE (or - for stdin)"),
        (&["validate", "--rubric", "--json", "x.json"][..], "--rubric needs a value"),
        (&["validate", "--jsonl", "--json", "-", "-"][..], "stdin (-) can be read only once"),
    ] {
        let o = run(args, b"");
        let plain: Vec<&str> = args.iter().copied().filter(|a| *a != "--json").collect();
        let p = run(&plain, b"");
        assert_eq!((o.status.code(), p.status.code()), (Some(2), Some(2)), "{args:?}");
        assert!(
            stderr(&o).starts_with(&format!("scorecard: {message}\nusage: scorecard validate ")),
            "{args:?}: {}",
            stderr(&o)
        );
        // (Without --json, `--rubric x.json` is no forgotten value: that case says another.)
        if !args.contains(&"--rubric") {
            assert_eq!(stderr(&o), stderr(&p), "{args:?}");
        }
        assert_eq!(stdout(&p), "", "{args:?}");
        let lines: Vec<Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        let want = json!({"source": "command line", "file": "command line", "valid": false, "errors": [{"code": "usage", "path": null, "message": message}], "warnings": []});
        assert_eq!(lines, [want], "{args:?}");
    }
    let o = run(&["validate", "--", "--json"], b"");
    assert_eq!((o.status.code(), stdout(&o)), (Some(1), String::new()), "{}", stderr(&o));
}

/// Inputs made of the pieces of pasted share links (quoted, listed, wrapped, cut, with `42`,
/// `null`, JSON and random bytes between) never make a command that reads links panic: exit 0 or
/// 1, with a message.
#[test]
fn link_shaped_garbage_never_panics() {
    let mut rng = crate::support::Rng(0x9e37_79b9_7f4a_7c15);
    let bob = std::fs::read_to_string("tests/fixtures/committee/sample/ada-bob.json").unwrap();
    let url = stdout(&run(&["link", "--base", "https://ats.example.com/sc/", "-"], bob.as_bytes())).trim().to_string();
    let pieces: Vec<String> = vec![
        "> ".into(),
        "> > ".into(),
        ">>".into(),
        "- ".into(),
        "1. ".into(),
        "(".into(),
        "<".into(),
        "42".into(),
        "null".into(),
        "{".into(),
        "}".into(),
        "[".into(),
        "\"".into(),
        "thanks".into(),
        "#sc1=".into(),
        "https://x/#sc1=".into(),
        url[..url.len() / 2].into(),
        url[url.len() / 2..].into(),
        url.clone(),
        ALL_MEETS.into(),
        "\n".into(),
        "\n".into(),
        "\n".into(),
        " ".into(),
    ];
    let forms: [&[&str]; 6] = [
        &["validate", "-"],
        &["validate", "--json", "--jsonl", "-"],
        &["recommend", "--jsonl", "-"],
        &["compare", "--jsonl", "-"],
        &["convert", "-"],
        &["unlink", "--jsonl", "-"],
    ];
    for round in 0..40 {
        let mut input = Vec::new();
        for _ in 0..rng.below(60) + 1 {
            if rng.below(8) == 0 {
                input.extend((0..rng.below(12)).map(|_| rng.next() as u8));
            } else {
                input.extend(pieces[rng.below(pieces.len())].as_bytes());
            }
        }
        let form = forms[round % forms.len()];
        let o = run(form, &input);
        assert!(
            [0, 1].contains(&o.status.code().unwrap_or(101)),
            "{form:?} on {:?}: {}",
            String::from_utf8_lossy(&input),
            stderr(&o)
        );
        assert!(!stderr(&o).contains("internal error") && !stderr(&o).contains("panicked"), "{form:?}: {}", stderr(&o));
        assert!(o.status.code() == Some(0) || stderr(&o).starts_with("scorecard: "), "{form:?}: {}", stderr(&o));
    }
}

/// QA cli2: a command's help explains `--rubric FILE` only when the command takes `--rubric`:
/// `classify`, `classifier` and `rubric` refuse it as an unknown option, so their help must not
/// describe it; the full usage and the commands that take it still do.
#[test]
fn help_describes_rubric_only_for_commands_that_take_it() {
    let note = "--rubric FILE takes a rubric file or a ladder document";
    for cmd in ["classify", "classifier", "rubric"] {
        let help = stdout(&run(&[cmd, "--help"], b""));
        assert!(!help.contains("--rubric") && help.contains("exit codes"), "{cmd}: {help}");
        assert_eq!(run(&[cmd, "--rubric", "x.json"], b"").status.code(), Some(2), "{cmd}");
    }
    for cmd in ["recommend", "validate", "compare", "convert", "link", "unlink", "draft"] {
        let help = stdout(&run(&[cmd, "--help"], b""));
        assert!(help.contains(note) && help.contains("exit codes"), "{cmd}: {help}");
    }
    assert!(stdout(&run(&["--help"], b"")).contains(note));
}

/// QA cli2: a line of JSON lines is named by its line of the file ("stdin:2"), so a JSON error
/// in it says "at column C", as `recommend`, `validate` and `compare` say it: `convert`, `link`,
/// `classify` and `draft` said "at line 1 column C", the line of the line. A document of several
/// lines keeps its line.
#[test]
fn a_json_error_in_one_line_says_its_column_alone_in_every_command() {
    let jsonl = format!("{ALL_MEETS}\n{{\"format\": x}}\n");
    for cmd in ["recommend", "validate", "compare", "convert", "link"] {
        let o = run(&[cmd, "--jsonl", "-"], jsonl.as_bytes());
        let err = stderr(&o);
        assert!(err.contains("stdin:2: not JSON") && err.contains("expected value at column 12"), "{cmd}: {err}");
        assert!(!err.contains("line 1"), "{cmd}: {err}");
    }
    let notes = "{\"id\":\"n1\",\"text\":\"Led the migration\"}\nnot json\n";
    for cmd in ["classify", "draft"] {
        let o = run(&[cmd, "-"], notes.as_bytes());
        assert_eq!(o.status.code(), Some(1), "{cmd}");
        assert!(stderr(&o).contains("stdin:2: not JSON: expected ident at column 2\n"), "{cmd}: {}", stderr(&o));
    }
    let o = run(&["convert", "-"], b"{\n \"format\": x\n}\n");
    assert!(stderr(&o).contains("expected value at line 2 column 12"), "{}", stderr(&o));
}

/// QA cli2: a file of one document after blank lines (an editor's, a heredoc's) names the file's
/// line of a JSON error, not the line counted from the document's first: the reader trims the
/// blank lines away before parsing.
#[test]
fn a_json_error_after_blank_lines_names_the_files_line() {
    let text = b"\n\n{\n \"format\": x\n}\n";
    for cmd in ["recommend", "validate", "compare", "convert", "link"] {
        let o = run(&[cmd, "-"], text);
        assert_eq!(o.status.code(), Some(1), "{cmd}");
        assert!(stderr(&o).contains("expected value at line 4 column 12"), "{cmd}: {}", stderr(&o));
    }
    // Review of the cli2 fixes: a document of one line after blank lines too (an object, or a
    // list that does not read, of one line or more). Its text, one line, lost "line 1" to the
    // one-line rule ("at column C", as a line of JSON lines says it, named by its line) before
    // its line was put on the file's, and said "at column 12" alone; a list counted from its own
    // first line.
    let dir = scratch("blank-lines");
    let file = dir.join("one-line.json");
    for (text, want) in [
        ("\n\n{\"format\": x}\n", "expected value at line 3 column 12"),
        ("\n\n[{\"format\": x}]\n", "expected value at line 3 column 13"),
        ("\n\n[\n{\"format\": x}]\n", "expected value at line 4 column 12"),
    ] {
        std::fs::write(&file, text).unwrap();
        for input in ["-", file.to_str().unwrap()] {
            for cmd in ["recommend", "validate", "compare", "convert", "link"] {
                let o = run(&[cmd, input], text.as_bytes());
                assert_eq!(o.status.code(), Some(1), "{cmd}");
                assert!(stderr(&o).contains(want), "{cmd} {input} {text:?}: {}", stderr(&o));
            }
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// QA cli2: an object read as a Greenhouse scorecard by `convert --from auto` (one with
/// "overall_recommendation" and no "attributes", such as a Merge scorecard, whose interviewer is
/// an id) is refused with the same message by every command, saying it was read as Greenhouse:
/// `recommend`, `validate` and `compare` said `format: missing` of it, and `convert` and `link`
/// named the field without saying which format it was checked against.
#[test]
fn every_command_names_an_object_read_as_greenhouse_alike() {
    let merge = br#"{"id":"a1","interviewer":"i9","overall_recommendation":"STRONG_YES","remote_was_deleted":false}"#;
    let want = "stdin: Greenhouse scorecard: interviewer: expected an object {id, first_name, last_name, name, employee_id}, found a string\n";
    for cmd in ["recommend", "validate", "compare", "convert", "link"] {
        let o = run(&[cmd, "-"], merge);
        assert_eq!(o.status.code(), Some(1), "{cmd}");
        assert!(stderr(&o).contains(want), "{cmd}: {}", stderr(&o));
    }
    let o = run(&["validate", "--json", "-"], merge);
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(
        (v["errors"][0]["code"].as_str(), v["errors"][0]["path"].as_str()),
        (Some("greenhouse"), Some("interviewer"))
    );
}

/// QA cli2: `scorecard unlink -` names stdin in its errors, as every command does; says that
/// empty stdin holds no link (not "not a share link"); and given the links of a batch, one per
/// line (`scorecard link a.json b.json | scorecard unlink -`), says how to read each, rather than
/// that text follows the first.
#[test]
fn unlink_from_stdin_names_it_and_says_how_to_read_several_links() {
    let links = stdout(&run(&["link", "--jsonl", "-"], format!("{ALL_MEETS}\n{ALL_MEETS}\n").as_bytes()));
    assert_eq!(links.lines().count(), 2);
    let o = run(&["unlink", "-"], links.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "scorecard: stdin: 2 share links, one per line, where - reads one: `scorecard unlink --jsonl -` reads each\n"
    );
    assert_eq!(stdout(&run(&["unlink", "--jsonl", "-"], links.as_bytes())).lines().count(), 2);
    for empty in [&b""[..], b"\n  \n"] {
        let o = run(&["unlink", "-"], empty);
        assert_eq!(o.status.code(), Some(1));
        assert_eq!(stderr(&o), "scorecard: stdin: empty: no share link in it\n");
    }
    let o = run(&["unlink", "-"], b"#sc1=eNpL$LQ\n");
    assert!(stderr(&o).starts_with("scorecard: stdin: share link is corrupt: character '$'"), "{}", stderr(&o));
}

/// QA cli2: an argument that is not UTF-8 (a file named in Latin-1, as old archives and shares
/// hold) is a usage error naming it, exit 2, by every command (`validate --json` writes its usage
/// line), not Rust's panic in `std::env::args` (said as "internal error").
#[cfg(unix)]
#[test]
fn an_argument_that_is_not_utf8_is_a_usage_error() {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.json");
    for cmd in
        [&["validate"][..], &["validate", "--json"], &["recommend"], &["convert", "--to", "markdown"], &["classify"]]
    {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_scorecard")).args(cmd).arg(name).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{cmd:?}: {}", stderr(&o));
        assert!(
            stderr(&o).starts_with("scorecard: the argument \"caf\\xE9.json\" is not UTF-8 text; rename the file"),
            "{cmd:?}: {}",
            stderr(&o)
        );
        assert!(!stderr(&o).contains("internal error"), "{cmd:?}");
        if cmd.contains(&"--json") {
            let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
            assert_eq!(v["errors"][0]["code"], "usage");
        }
    }
}

/// Review of the cli2 fixes: an argument that is not UTF-8 text is said by what it is: a file
/// operand to rename, an option's value named by its option (a file to rename only when the
/// option reads one: not `--base`'s URL), an option that no command has. Each said "rename the
/// file".
#[cfg(unix)]
#[test]
fn an_argument_that_is_not_utf8_is_said_by_what_it_is() {
    use std::os::unix::ffi::OsStrExt;
    let arg = |bytes: &'static [u8]| std::ffi::OsStr::from_bytes(bytes);
    let cases: [(&[&std::ffi::OsStr], &str); 7] = [
        (
            &[arg(b"link"), arg(b"--base"), arg(b"http://x/\xe9"), arg(b"-")],
            "the argument \"http://x/\\xE9\", the value of --base, is not UTF-8 text; give it as UTF-8 text",
        ),
        (
            &[arg(b"link"), arg(b"--base=http://x/\xe9"), arg(b"-")],
            "the argument \"--base=http://x/\\xE9\", the value of --base, is not UTF-8 text; give it as UTF-8 text",
        ),
        (
            &[arg(b"recommend"), arg(b"--rubric"), arg(b"caf\xe9.json"), arg(b"-")],
            "the argument \"caf\\xE9.json\", the value of --rubric, is not UTF-8 text; rename the file",
        ),
        (
            &[arg(b"classifier"), arg(b"eval"), arg(b"--model"), arg(b"caf\xe9.json")],
            "the argument \"caf\\xE9.json\", the value of --model, is not UTF-8 text; rename the file",
        ),
        (&[arg(b"validate"), arg(b"--js\xe9n"), arg(b"-")], "unknown option \"--js\\xE9n\" (not UTF-8 text)"),
        // After "--" every argument is a FILE, as after an option's value.
        (
            &[arg(b"convert"), arg(b"--"), arg(b"--caf\xe9.json")],
            "the argument \"--caf\\xE9.json\" is not UTF-8 text; rename the file, or give it on stdin (- < FILE)",
        ),
        (
            &[arg(b"link"), arg(b"--base"), arg(b"http://x/"), arg(b"caf\xe9.json")],
            "the argument \"caf\\xE9.json\" is not UTF-8 text; rename the file, or give it on stdin (- < FILE)",
        ),
    ];
    for (args, want) in cases {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_scorecard")).args(args).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).starts_with(&format!("scorecard: {want}\n")), "{args:?}: {}", stderr(&o));
    }
}

/// QA cli2: a `--rubric` (or `--policy-from`) file that is empty, or that is a scorecard (the
/// arguments swapped: `--rubric card.json rubric.json`), is said to be so, not "EOF while parsing
/// a value at line 1 column 0" or "capabilities: missing".
#[test]
fn a_rubric_that_is_empty_or_a_scorecard_is_named_so() {
    let dir = scratch("rubric-mistakes");
    let card = dir.join("card.json");
    std::fs::write(&card, ALL_MEETS).unwrap();
    let empty = dir.join("empty.json");
    std::fs::write(&empty, "\n").unwrap();
    let (card, empty) = (card.to_str().unwrap(), empty.to_str().unwrap());
    for (file, want) in [
        (card, "this is a scorecard document, not a rubric (a rubric file or a ladder document)"),
        (empty, "empty: no rubric in it (a rubric file or a ladder document)"),
    ] {
        for args in [
            &["recommend", "--rubric", file, card][..],
            &["draft", "--rubric", file, "-"],
            &["rubric", "--policy-from", file, "-"],
        ] {
            let o = run(args, b"");
            assert_eq!(o.status.code(), Some(1), "{args:?}");
            assert_eq!(stderr(&o), format!("scorecard: {file}: {want}\n"), "{args:?}");
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// QA cli2: a batch converted to Markdown is the documents with a blank line between them, and
/// ends as one document ends (one line break): it ended with a blank line, so that
/// `convert --to markdown a.json b.json` was not `cat` of the two documents converted alone.
#[test]
fn a_markdown_batch_has_a_blank_line_between_documents_and_none_after() {
    let one = stdout(&run(&["convert", "--to", "markdown", "-"], ALL_MEETS.as_bytes()));
    assert!(one.ends_with('\n') && !one.ends_with("\n\n"), "{one:?}");
    let two = stdout(&run(
        &["convert", "--to", "markdown", "--jsonl", "-"],
        format!("{ALL_MEETS}\n{ALL_MEETS}\n").as_bytes(),
    ));
    assert_eq!(two, format!("{one}\n{one}"));
    // A failure first writes nothing, not a blank line.
    let o = run(&["convert", "--to", "markdown", "--jsonl", "-"], format!("{{}}\n{ALL_MEETS}\n").as_bytes());
    assert_eq!((o.status.code(), stdout(&o)), (Some(1), one.clone()));
}

/// QA cli2: an input over the tool's limit (`/dev/zero`, a runaway export) says that the size is
/// a limit and what to do, as the JSON lines reader and the rubric reader say theirs; it said
/// "larger than 268435456 bytes" alone.
#[cfg(unix)]
#[test]
fn an_input_over_the_limit_says_it_is_the_limit() {
    for cmd in [&["validate", "/dev/zero"][..], &["convert", "/dev/zero"], &["draft", "/dev/zero"]] {
        let o = run(cmd, b"");
        assert_eq!(o.status.code(), Some(1), "{cmd:?}");
        assert_eq!(
            stderr(&o),
            "scorecard: /dev/zero: larger than 268435456 bytes, the limit of an input; split it into smaller files\n",
            "{cmd:?}"
        );
    }
}

/// QA cli2: a scorecard document given as `--from greenhouse` says which option reads it, as a
/// Greenhouse object given as `--from json` does; the core's "import it as JSON" named no option.
#[test]
fn a_scorecard_given_as_greenhouse_names_the_option_that_reads_it() {
    let o = run(&["convert", "--from", "greenhouse", "-"], ALL_MEETS.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "scorecard: stdin: format: this is a scorecard document, not a Greenhouse scorecard; import it as JSON (--from json, or --from auto)\n"
    );
}

/// QA cli2: a file saved as UTF-16 without its byte-order mark (as some Windows tools write it)
/// is named as UTF-16, as one with its mark is, by every reader (whole, JSON lines, a rubric);
/// it read as UTF-8 holding NUL bytes and was said to be "not JSON: key must be a string".
#[test]
fn utf16_without_a_byte_order_mark_is_named_so() {
    let utf16 = |big: bool| -> Vec<u8> {
        ALL_MEETS.encode_utf16().flat_map(|u| if big { u.to_be_bytes() } else { u.to_le_bytes() }).collect()
    };
    for big in [false, true] {
        for args in [
            &["validate", "-"][..],
            &["convert", "--jsonl", "-"],
            &["classify", "-"],
            &["recommend", "--rubric", "-", "/dev/null"],
        ] {
            let o = run(args, &utf16(big));
            assert_eq!(o.status.code(), Some(1), "{args:?}");
            assert_eq!(
                stderr(&o),
                "scorecard: stdin: UTF-16 text (without a byte-order mark); save it as UTF-8\n",
                "{args:?}"
            );
        }
    }
}

/// QA cli2: `--rubric -` with no FILE is a usage error (exit 2) in the commands that read stdin
/// without a FILE: they read the scorecards from the stream the rubric had taken, and said
/// "stdin: empty: no scorecard in it" (exit 1). With a FILE it still works.
#[test]
fn rubric_from_stdin_needs_the_input_named() {
    let rubric =
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/rubrics/l4-senior-software-engineer.json")).unwrap();
    for cmd in ["recommend", "compare", "convert", "draft"] {
        let o = run(&[cmd, "--rubric", "-"], &rubric);
        assert_eq!(o.status.code(), Some(2), "{cmd}: {}", stderr(&o));
        assert!(
            stderr(&o).starts_with(
                "scorecard: stdin (-) can be read only once: --rubric - reads it, so name the input FILE\n"
            ),
            "{cmd}: {}",
            stderr(&o)
        );
    }
    // Review of the cli2 fixes: the commands that read nothing without a FILE (or a URL) say so,
    // as they did: stdin is not theirs to read.
    for (cmd, want) in [
        ("validate", "validate needs at least one FILE (or - for stdin)"),
        ("link", "link needs a scorecard FILE (or - for stdin)"),
        ("unlink", "unlink needs a share URL or fragment (or - for stdin)"),
    ] {
        let o = run(&[cmd, "--rubric", "-"], &rubric);
        assert_eq!(o.status.code(), Some(2), "{cmd}: {}", stderr(&o));
        assert!(stderr(&o).starts_with(&format!("scorecard: {want}\n")), "{cmd}: {}", stderr(&o));
    }
    let dir = scratch("rubric-stdin");
    let card = dir.join("card.json");
    std::fs::write(&card, ALL_MEETS).unwrap();
    let o = run(&["recommend", "--rubric", "-", card.to_str().unwrap()], &rubric);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    std::fs::remove_dir_all(&dir).ok();
}

/// QA cli2: `scorecard help convert` (as `git help commit`) prints convert's help, not the
/// whole usage; `scorecard help` alone still prints the whole usage.
#[test]
fn help_followed_by_a_command_prints_that_commands_help() {
    let convert = stdout(&run(&["convert", "--help"], b""));
    for args in [&["help", "convert"][..], &["--help", "convert"], &["-h", "convert"]] {
        let o = run(args, b"");
        assert_eq!((o.status.code(), stdout(&o)), (Some(0), convert.clone()), "{args:?}");
    }
    assert!(stdout(&run(&["help"], b"")).starts_with("usage: scorecard <command> [options]"));
    // Review of the cli2 fixes: a command there that is none is an unknown command (exit 2, the
    // usage on stderr, nothing on stdout), as `git help nosuchcmd` says; it printed the usage
    // and exited 0. Help on help is the usage.
    for args in [&["help", "nosuchcmd"][..], &["--help", "nosuchcmd"], &["-h", "nosuchcmd", "convert"]] {
        let o = run(args, b"");
        assert_eq!((o.status.code(), stdout(&o)), (Some(2), String::new()), "{args:?}");
        assert!(stderr(&o).starts_with("scorecard: unknown command \"nosuchcmd\"\n\nusage: scorecard"), "{args:?}");
    }
    for args in [&["help", "help"][..], &["help", "--help"], &["--help", "-h"]] {
        let o = run(args, b"");
        assert_eq!((o.status.code(), stdout(&o)), (Some(0), stdout(&run(&["help"], b""))), "{args:?}");
    }
}

/// QA cli2: a scorecard made against another rubric says how to read it, in every command that
/// reads one (as `compare` says how to count it); it said which rubric it was made against and
/// stopped there.
#[test]
fn a_scorecard_of_another_rubric_says_to_give_its_rubric() {
    let other = ALL_MEETS.replace("\"version\":1,", "\"version\":1,\"rubric\":{\"id\":\"l5-staff\"},");
    let want = "stdin: rubric.id: this scorecard was made against rubric \"l5-staff\", not \"l4-senior-software-engineer\" (to read it, give its rubric with --rubric)\n";
    for cmd in ["recommend", "validate", "convert", "link"] {
        let o = run(&[cmd, "-"], other.as_bytes());
        assert_eq!(o.status.code(), Some(1), "{cmd}");
        assert!(stderr(&o).ends_with(want), "{cmd}: {}", stderr(&o));
    }
}

/// QA cli2: `classify` given scorecards (`classify cards.jsonl`, meaning `recommend`) says that a
/// line is a scorecard document, not a note, rather than only that its "text" is missing.
#[test]
fn classify_given_a_scorecard_says_it_is_one() {
    let o = run(&["classify", "-"], format!("{ALL_MEETS}\n").as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "scorecard: stdin:1: \"text\" is missing: this is a scorecard document, not a note {\"id\", \"text\"} (`scorecard recommend` reads scorecards)\n"
    );
    let o = run(&["classify", "-"], b"{\"id\":\"n1\"}\n");
    assert_eq!(stderr(&o), "scorecard: stdin:1 (id \"n1\"): \"text\" is missing\n");
}

/// Review of the cli2 fixes: UTF-16 with its byte-order mark is refused as UTF-16 by the JSON
/// lines readers too (a file or stdin), as docs/interchange.md says of every reader: they split
/// the bytes into lines before decoding, and said "file:1: not UTF-8 text (byte 1 of the line)",
/// then "file:2: not JSON" for what followed.
#[test]
fn utf16_with_its_byte_order_mark_is_named_so_by_every_reader() {
    let dir = scratch("utf16-mark");
    let file = dir.join("u16bom.json");
    for (mark, big) in [([0xff, 0xfe], false), ([0xfe, 0xff], true)] {
        let utf16: Vec<u8> = mark
            .into_iter()
            .chain(format!("{ALL_MEETS}\n{ALL_MEETS}\n").encode_utf16().flat_map(|u| {
                if big {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            }))
            .collect();
        std::fs::write(&file, &utf16).unwrap();
        let path = file.to_str().unwrap();
        for (args, label) in [
            (&["validate", "--jsonl", path][..], path),
            (&["validate", "--jsonl", "-"], "stdin"),
            (&["recommend", "--jsonl", "-"], "stdin"),
            (&["convert", "--jsonl", path], path),
            (&["unlink", "--jsonl", "-"], "stdin"),
            (&["classify", path], path),
            (&["classify", "-"], "stdin"),
            (&["validate", path], path),
        ] {
            let o = run(args, &utf16);
            assert_eq!(o.status.code(), Some(1), "{args:?}");
            assert_eq!(stderr(&o), format!("scorecard: {label}: UTF-16 text; save it as UTF-8\n"), "{args:?}");
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// Review of the cli2 fixes: UTF-16 without its mark is told by its first code units, not by
/// its first two bytes alone, which also called UTF-32 and any binary file whose second byte is
/// 0 "UTF-16 text". UTF-32 is named as such, with its mark or without; a binary file is not
/// UTF-8 at its first such byte; UTF-16 without a mark, even one character long, is still UTF-16.
#[test]
fn only_utf16_is_named_utf16() {
    let utf32 = |big: bool, text: &str| -> Vec<u8> {
        text.chars().flat_map(|c| if big { (c as u32).to_be_bytes() } else { (c as u32).to_le_bytes() }).collect()
    };
    let utf16 = |text: &str| -> Vec<u8> { text.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    let with_mark = |big: bool| [utf32(big, "\u{feff}"), utf32(big, ALL_MEETS)].concat();
    let cases: [(Vec<u8>, &str); 9] = [
        (utf32(false, ALL_MEETS), "UTF-32 text (without a byte-order mark); save it as UTF-8"),
        (utf32(true, ALL_MEETS), "UTF-32 text (without a byte-order mark); save it as UTF-8"),
        (utf32(false, "{"), "UTF-32 text (without a byte-order mark); save it as UTF-8"),
        (with_mark(false), "UTF-32 text; save it as UTF-8"),
        (with_mark(true), "UTF-32 text; save it as UTF-8"),
        (b"\x89\x00\x0d\x0a\x1a\x0a\x00\x00".to_vec(), "not UTF-8 text (byte 1); save it as UTF-8"),
        (b"{\x00\"\x00\xfa\xce".to_vec(), "not UTF-8 text (byte 5); save it as UTF-8"),
        (utf16("{"), "UTF-16 text (without a byte-order mark); save it as UTF-8"),
        (utf16("{\"é\": 1}"), "UTF-16 text (without a byte-order mark); save it as UTF-8"),
    ];
    for (bytes, want) in cases {
        for args in [&["validate", "-"][..], &["recommend", "--rubric", "-", "/dev/null"]] {
            let o = run(args, &bytes);
            assert_eq!((o.status.code(), stderr(&o)), (Some(1), format!("scorecard: stdin: {want}\n")), "{args:?}");
        }
        // A JSON lines reader names the encoding alike; a binary file, the line's byte.
        let o = run(&["classify", "-"], &bytes);
        if want.starts_with("UTF") {
            assert_eq!(stderr(&o), format!("scorecard: stdin: {want}\n"), "{bytes:?}");
        } else {
            assert!(stderr(&o).starts_with("scorecard: stdin:1: not UTF-8 text (byte"), "{}", stderr(&o));
        }
    }
}
