//! Ladder documents (the seed's text format) read into rubrics: the seed reads into exactly the
//! embedded rubric, another level gets a renumbered policy, and malformed documents are refused
//! with the line at fault.

use scorecard::core::ladder::{looks_like_ladder, rubric_from_ladder, LadderError};
use scorecard::core::Rubric;

const SEED: &str = include_str!("../../data/seed/l4-senior-software-engineer.txt");

fn default() -> Rubric {
    Rubric::default_rubric().expect("embedded rubric")
}

fn read(text: &str) -> Result<Rubric, LadderError> {
    rubric_from_ladder(text, &default()).map(|l| l.rubric)
}

fn err(text: &str) -> LadderError {
    read(text).expect_err("should be refused")
}

/// A small ladder for another level, written the way the seed is.
const L5: &str = "L5 Staff Software Engineer
Staff engineers set technical direction across several teams.
- Sets direction for a group of teams
- Grows senior engineers
Expectations
Capability | Needs Improvement | Meets Expectations | Exceeds Expectations |
---|---|---|---|
Technical Expertise | Needs help on cross-team designs. | Owns the architecture of a product area. | Shapes the architecture of the organisation. |
Project Ownership | Delivers only with close support. | Leads multi-quarter programs. | Leads the company's hardest programs. |
Operational Excellence | Leaves incidents to others. | Runs its services reliably. | Sets the reliability bar of the organisation. |
What makes a good L5 engineer?
You may hear that they:
- Make the teams around them better
";

#[test]
fn the_seed_reads_into_exactly_the_embedded_rubric() {
    let ladder = rubric_from_ladder(SEED, &default()).expect("the seed reads");
    let mut embedded = default();
    embedded.source_json.clear();
    assert_eq!(ladder.rubric, embedded);
    // The seed's two stray marks are fixed and said so, with their lines.
    assert!(ladder.notes.iter().any(|n| n.starts_with("line 13:") && n.contains("\". .\"")), "{:?}", ladder.notes);
    assert!(ladder.notes.iter().any(|n| n.starts_with("line 20:") && n.contains('}')), "{:?}", ladder.notes);
    assert!(ladder.notes.iter().any(|n| n.contains("unchanged")), "{:?}", ladder.notes);
}

/// The seed's rubric writes as the embedded rubric file, byte for byte (pretty-printed, with a
/// final line break, as `scorecard rubric` prints it), so an integrator can `cmp` the two: the
/// weights in the capabilities' order, and a band's defaults (`min_assessed` 0, no limit on
/// needs improvement) left out as the file leaves them. A band with no limit used to be written
/// as 18446744073709551615, above the schema's maximum.
#[test]
fn the_seed_writes_byte_for_byte_as_the_embedded_rubric_file() {
    let ladder = rubric_from_ladder(SEED, &default()).unwrap();
    let written = serde_json::to_string_pretty(&ladder.rubric).unwrap() + "\n";
    assert_eq!(written, scorecard::core::rubric::DEFAULT_RUBRIC_JSON);
    // Written from the rubric read from the file, the same.
    assert_eq!(serde_json::to_string_pretty(&default()).unwrap() + "\n", scorecard::core::rubric::DEFAULT_RUBRIC_JSON);
    // A policy band that sets no limit on needs improvement writes none, and reads back the same.
    let mut base = default();
    base.policy.bands[2].max_needs_improvement = usize::MAX;
    let r = rubric_from_ladder(SEED, &base).unwrap().rubric;
    let text = serde_json::to_string_pretty(&r).unwrap();
    assert!(!text.contains("18446744073709551615"), "{text}");
    let mut again = Rubric::from_json(&text).unwrap();
    again.source_json.clear();
    assert_eq!(again, r);
}

#[test]
fn the_seed_reads_the_same_with_crlf_a_bom_blank_lines_and_markdown_bars() {
    let variant = format!(
        "\u{feff}\r\n{}",
        SEED.lines()
            .map(|l| if l.contains(" | ") { format!("| {l}") } else { l.to_string() })
            .collect::<Vec<_>>()
            .join("\r\n\r\n")
    );
    assert_eq!(read(&variant).unwrap(), read(SEED).unwrap());
}

#[test]
fn another_level_gets_its_own_ids_and_a_renumbered_policy() {
    let ladder = rubric_from_ladder(L5, &default()).unwrap();
    let r = &ladder.rubric;
    assert_eq!(
        (r.id.as_str(), r.level.as_str(), r.role.as_str()),
        ("l5-staff-software-engineer", "L5", "Staff Software Engineer")
    );
    let ids: Vec<&str> = r.capabilities.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["technical_expertise", "project_ownership", "operational_excellence"]);
    assert_eq!(r.capabilities[2].descriptors.exceeds, "Sets the reliability bar of the organisation.");
    assert_eq!(r.highlights, ["Sets direction for a group of teams", "Grows senior engineers"]);
    assert_eq!(r.traits.items, ["Make the teams around them better"]);
    assert_eq!(r.guidance, None);
    // The L4 policy moved up one level: L4+L5 -> L5+L6, L3 -> L4.
    let bands: Vec<(&str, Option<&str>)> =
        r.policy.bands.iter().map(|b| (b.level.as_str(), b.consider.as_deref())).collect();
    assert_eq!(bands, [("L5", Some("L6")), ("L5", None), ("L4", None)]);
    // Only the capabilities this ladder has keep their weights and core places, and no count
    // asks for more capabilities than there are.
    assert!(r.policy.weights.iter().all(|(id, _)| ids.contains(&id.as_str())));
    assert_eq!(r.policy.core, ["technical_expertise", "project_ownership"]);
    // The counts keep their proportion: the base's "4 of 6" is "2 of 3", its top band's "6 of 6"
    // is "3 of 3", and the notes say so.
    assert_eq!(r.policy.min_assessed, 2);
    assert_eq!(r.policy.bands.iter().map(|b| b.min_assessed).max(), Some(3));
    assert!(
        ladder.notes.iter().any(|n| n.contains(
            "3 capabilities instead of 6, so the counts to assess keep their proportion: at least 2 assessed"
        )),
        "{:?}",
        ladder.notes
    );
    assert!(ladder.notes.iter().any(|n| n.contains("moved by 1")), "{:?}", ladder.notes);
    assert!(ladder.notes.iter().any(|n| n.contains("operational_excellence")), "{:?}", ladder.notes);
    assert!(ladder.notes.iter().any(|n| n.contains("communication_collaboration")), "{:?}", ladder.notes);
    // And the engine runs on it: all meets is a hire at L5.
    let card = scorecard::core::Scorecard::from_json(
        r#"{"format":"interview-scorecard","version":1,"ratings":{"technical_expertise":{"level":"meets"},"project_ownership":{"level":"meets"},"operational_excellence":{"level":"meets"}}}"#,
        r,
    )
    .unwrap();
    let rec = scorecard::core::recommend(r, &card);
    assert_eq!(rec.level.as_deref(), Some("L5"), "{rec:?}");
    // Two of the three rated is enough for a decision, as four of six is for the base.
    let two = scorecard::core::Scorecard::from_json(
        r#"{"format":"interview-scorecard","version":1,"ratings":{"technical_expertise":{"level":"exceeds"},"project_ownership":{"level":"exceeds"}}}"#,
        r,
    )
    .unwrap();
    assert_ne!(scorecard::core::recommend(r, &two).decision, scorecard::core::engine::Decision::InsufficientEvidence);
}

#[test]
fn a_level_code_numbered_otherwise_keeps_only_the_bands_for_its_own_level() {
    let doc = L5.replacen("L5 Staff", "Staff2 Staff", 1);
    let ladder = rubric_from_ladder(&doc, &default()).unwrap();
    assert_eq!(ladder.rubric.level, "Staff2");
    assert!(ladder.rubric.policy.bands.iter().all(|b| b.level == "Staff2" && b.consider.is_none()));
    assert_eq!(ladder.rubric.policy.bands.len(), 2);
    assert!(ladder.notes.iter().any(|n| n.contains("not numbered alike")), "{:?}", ladder.notes);
}

#[test]
fn malformed_ladders_are_refused_with_the_line_at_fault() {
    let cases: Vec<(String, usize, &str)> = vec![
        (String::new(), 0, "empty"),
        ("\n\n  \n".into(), 0, "empty"),
        (L5.replacen("L5 Staff Software Engineer", "Staff Software Engineer", 1), 1, "must start with the level code"),
        (L5.replacen("L5 Staff Software Engineer", "- L5 Staff", 1), 1, "first line must be the title"),
        (L5.lines().take(4).collect::<Vec<_>>().join("\n"), 0, "no capability table"),
        (
            L5.replacen("Expectations\n", "Expectations\nMore\nAnd more\n", 1),
            7,
            "expected the capability table's header",
        ),
        (L5.replacen("| Exceeds Expectations |", "|", 1), 6, "header has 3 columns"),
        (L5.replacen("Runs its services reliably. |", "", 1), 10, "this row has 3 columns"),
        (L5.replacen("Needs help on cross-team designs.", " ", 1), 8, "no \"Needs Improvement\" text"),
        (L5.replacen("Operational Excellence |", "Technical  expertise |", 1), 10, "repeats a capability"),
        (L5.replacen("Operational Excellence |", " |", 1), 10, "no capability name"),
        (L5.lines().take(6).collect::<Vec<_>>().join("\n"), 6, "no capability rows"),
        (
            format!("{L5}Managing L5s\nIntro\nKey approaches\n- One\nA title\nand its second line\n- Two\n"),
            18,
            "a list's title must be one line",
        ),
        (format!("{L5}Managing L5s\nKey approaches\n- One\nDangling text\n"), 17, "a section needs a list"),
    ];
    for (doc, line, needle) in cases {
        let e = err(&doc);
        assert!(e.to_string().contains(needle), "{doc:?}\n-> {e}");
        assert_eq!(e.line, line, "{doc:?}\n-> {e}");
    }
}

#[test]
fn hostile_ladders_never_panic() {
    let mut docs: Vec<String> = vec![
        "L4 x\n|".into(),
        "L4 x\n||||".into(),
        "L4 x\n| a | b | c | d |\n|---|".into(),
        "L99999999999999999999 Role\nA | B | C | D\nx | y | z | w".into(),
        "Lé4 Role\nA | B | C | D\nx | y | z | w".into(),
        "L4 Ŕôlé\nA | B | C | D\n日本語 | y | z | w\n- \n*".into(),
        format!("L4 x\n{}", "A | B | C | D\n".repeat(3)),
        "L4 x\nA | B | C | D\n{ | } | [ | ]".into(),
        "\u{feff}".into(),
        "{\"format\": \"scorecard-rubric\"}".into(),
    ];
    // Every prefix of the seed, cut at a line boundary and in the middle of lines.
    for cut in (0..SEED.len()).step_by(97).filter(|i| SEED.is_char_boundary(*i)) {
        docs.push(SEED[..cut].to_string());
    }
    for doc in &docs {
        // Either a rubric that validates, or an error: never a panic.
        if let Ok(r) = read(doc) {
            r.validate().unwrap();
        }
    }
    assert!(read(&"x".repeat(600 * 1024)).unwrap_err().to_string().contains("limit"));
    // As many rows as the size limit allows, all one synonym, or a synonym and its capability:
    // refused as repeats, without a note per pair of rows first.
    let started = std::time::Instant::now();
    for rows in [
        "Coding | y | z | w\n".repeat(25_000),
        format!("Technical Expertise | y | z | w\n{}", "Coding | y | z | w\n".repeat(25_000)),
    ] {
        let e = err(&format!("L4 x\nA | B | C | D\n{rows}"));
        assert!(e.to_string().contains("repeats a capability"), "{e}");
    }
    assert!(started.elapsed() < std::time::Duration::from_secs(20), "{:?}", started.elapsed());
}

#[test]
fn json_and_ladders_are_told_apart_by_their_first_character() {
    assert!(looks_like_ladder(SEED));
    assert!(looks_like_ladder("\u{feff}L4 x"));
    assert!(!looks_like_ladder(scorecard::core::rubric::DEFAULT_RUBRIC_JSON));
    assert!(!looks_like_ladder(" \n\t{}"));
    assert!(!looks_like_ladder("   "));
}

/// What a review found the first version dropping or damaging: a list straight after the
/// guidance's title, a summary's last sentence before the table, punctuation that is not stray,
/// bands that cannot be renumbered, and level codes that overflow.
#[test]
fn nothing_is_dropped_or_damaged_silently() {
    let base = default();
    // A summary of two sentences with no heading before the table keeps both.
    let doc = L5.replacen(
        "- Sets direction for a group of teams\n- Grows senior engineers\nExpectations\n",
        "It has two sentences.\n",
        1,
    );
    let r = read(&doc).unwrap();
    assert_eq!(r.summary, "Staff engineers set technical direction across several teams. It has two sentences.");
    // A list straight after the guidance's title is kept, untitled.
    let r = read(&format!("{L5}Managing L5s\n- g1\n- g2\n")).unwrap();
    let g = r.guidance.expect("guidance");
    assert_eq!((g.title.as_str(), g.sections.len(), g.sections[0].title.as_str()), ("Managing L5s", 1, ""));
    assert_eq!(g.sections[0].items, ["g1", "g2"]);
    // ". ." is only fixed at the end of a text; braces only when one stands alone.
    let r =
        read(&L5.replacen("Owns the architecture of a product area.", "Knows Java. .NET and {a} and b}", 1)).unwrap();
    assert_eq!(r.capabilities[0].descriptors.meets, "Knows Java. .NET and {a} and b}");
    // An L0 ladder cannot have the base's band a level below: it is left out, and said.
    let ladder = rubric_from_ladder(&L5.replacen("L5 Staff", "L0 Junior", 1), &base).unwrap();
    assert!(ladder.rubric.policy.bands.iter().all(|b| b.level == "L0"), "{:?}", ladder.rubric.policy.bands);
    assert!(ladder.notes.iter().any(|n| n.contains("band for L3 left out")), "{:?}", ladder.notes);
    // A base whose level code is absurd never overflows: its bands cannot be renumbered.
    let mut odd = base.clone();
    odd.level = "L9223372036854775807".into();
    for band in &mut odd.policy.bands {
        band.level = "L-9223372036854775808".into();
    }
    let ladder = rubric_from_ladder(L5, &odd).unwrap();
    assert!(ladder.rubric.policy.bands.iter().all(|b| b.level == "L5"), "{:?}", ladder.rubric.policy.bands);
    // A Markdown table whose header has a leading bar and three columns is three columns.
    let e = err(&L5.replacen(
        "Capability | Needs Improvement | Meets Expectations | Exceeds Expectations |",
        "| Capability | NI | M |",
        1,
    ));
    assert!(e.to_string().contains("header has 3 columns"), "{e}");
    // JSON, an object or a list, is not a ladder.
    assert!(!looks_like_ladder("[{}]"));
}

/// A level code written in lower case ("l5") is written as the policy writes its levels, so the
/// rubric's level, its title and its bands agree: the QA pass saw "L4 is below this rubric's l5".
#[test]
fn a_level_code_in_another_case_is_written_as_the_policy_writes_it() {
    let lower = SEED.replacen("L4 Senior Software Engineer", "l5 Staff Software Engineer", 1);
    let ladder = rubric_from_ladder(&lower, &default()).unwrap();
    let r = &ladder.rubric;
    assert_eq!(
        (r.level.as_str(), r.title.as_str(), r.id.as_str()),
        ("L5", "L5 Staff Software Engineer", "l5-staff-software-engineer")
    );
    let bands: Vec<&str> =
        r.policy.bands.iter().flat_map(|b| [Some(b.level.as_str()), b.consider.as_deref()]).flatten().collect();
    assert_eq!(bands, ["L5", "L6", "L5", "L4"]);
    assert!(
        ladder
            .notes
            .iter()
            .any(|n| n == "line 1: the level code \"l5\" read as \"L5\", as the policy writes its levels"),
        "{:?}",
        ladder.notes
    );
    // Two needs improvement and four meets: L4, below this L5 rubric, said in one case.
    let card = r#"{"format":"interview-scorecard","version":1,"ratings":{"technical_expertise":{"level":"meets"},"project_ownership":{"level":"meets"},"business_impact":{"level":"needs_improvement"},"communication_collaboration":{"level":"meets"},"mentorship_support":{"level":"needs_improvement"},"leadership_process":{"level":"meets"}}}"#;
    let rec = scorecard::core::recommend(r, &scorecard::core::Scorecard::from_json(card, r).unwrap());
    assert_eq!(rec.level.as_deref(), Some("L4"), "{rec:?}");
    assert!(rec.rationale.iter().any(|l| l.contains("L4 is below this rubric's L5")), "{:?}", rec.rationale);
    assert!(!rec.rationale.iter().any(|l| l.contains("l5")), "{:?}", rec.rationale);
    // A code the policy does not number alike keeps its case: it is the ladder's own.
    assert_eq!(read(&L5.replacen("L5 Staff", "Staff2 Staff", 1)).unwrap().level, "Staff2");
}

/// The counts' note is grammatical for a ladder of one capability.
#[test]
fn a_ladder_of_one_capability_is_said_in_the_singular() {
    let one: String = L5.lines().take(8).map(|l| format!("{l}\n")).collect();
    let ladder = rubric_from_ladder(&one, &default()).unwrap();
    assert_eq!(ladder.rubric.capabilities.len(), 1);
    assert!(
        ladder.notes.iter().any(|n| n.starts_with("policy: 1 capability instead of 6, so the counts")),
        "{:?}",
        ladder.notes
    );
    assert!(!ladder.notes.iter().any(|n| n.contains("1 capabilities")), "{:?}", ladder.notes);
}

/// Levels are numbered from 1: moving the L4 policy down to an L1 ladder leaves out the band
/// that would be for L0 (the base's "hire below level" at L3), and says so.
#[test]
fn no_band_is_moved_below_the_first_level() {
    let l1 = L5.replace("L5 Staff Software Engineer", "L1 Software Engineer").replace("L5", "L1");
    let ladder = rubric_from_ladder(&l1, &default()).unwrap();
    assert_eq!(ladder.rubric.level, "L1");
    assert!(ladder.rubric.policy.bands.iter().all(|b| b.level != "L0"), "{:?}", ladder.rubric.policy.bands);
    assert!(
        ladder
            .notes
            .iter()
            .any(|n| n.contains("the band for L3 left out: it would be for L0, below the ladder's first level")),
        "{:?}",
        ladder.notes
    );
}

/// A capability the ladder names otherwise than the seed ("Technical Skills", "Communication")
/// is the same capability when the synonym table the Greenhouse import uses says so: it keeps
/// its stable id, so the policy's core rule and weight still apply and the same ratings get the
/// same verdict. The QA pass found such a ladder flipping a card held at L3 by its technical
/// rating to an L4 hire, with notes saying the policy entries were "not in this ladder".
#[test]
fn a_capability_renamed_with_a_known_name_keeps_its_stable_id_and_policy() {
    let renamed = SEED
        .replace("\nTechnical Expertise |", "\nTechnical Skills |")
        .replace("\nCommunication & Collaboration |", "\nCommunication |");
    let ladder = rubric_from_ladder(&renamed, &default()).unwrap();
    let r = &ladder.rubric;
    let embedded = default();
    let ids: Vec<&str> = r.capabilities.iter().map(|c| c.id.as_str()).collect();
    let stable: Vec<&str> = embedded.capabilities.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, stable);
    assert_eq!(
        (r.capabilities[0].name.as_str(), r.capabilities[3].name.as_str()),
        ("Technical Skills", "Communication")
    );
    assert_eq!(r.policy, embedded.policy);
    assert!(ladder.unused_policy.is_empty(), "{:?}", ladder.unused_policy);
    assert_eq!(ladder.verdict_note(), None);
    // Each such reading is said, with what of the policy applies; nothing is said to be left out.
    for needle in [
        "line 13: \"Technical Skills\" read as technical_expertise, a name for it in the synonym table: the policy's core rule and weight apply",
        "line 16: \"Communication\" read as communication_collaboration, a name for it in the synonym table: the policy's core rule and weight apply",
    ] {
        assert!(ladder.notes.iter().any(|n| n == needle), "{needle}\n{:?}", ladder.notes);
    }
    assert!(!ladder.notes.iter().any(|n| n.contains("left out") || n.contains("no capability")), "{:?}", ladder.notes);
    // The verdict is the embedded rubric's: a card that misses the core rule on its technical
    // rating stays below L4.
    let card = r#"{"format":"interview-scorecard","version":1,"ratings":{"technical_expertise":{"level":"needs_improvement"},"project_ownership":{"level":"exceeds"},"business_impact":{"level":"exceeds"},"communication_collaboration":{"level":"meets"},"mentorship_support":{"level":"exceeds"},"leadership_process":{"level":"exceeds"}}}"#;
    let ours = scorecard::core::recommend(r, &scorecard::core::Scorecard::from_json(card, r).unwrap());
    let theirs =
        scorecard::core::recommend(&embedded, &scorecard::core::Scorecard::from_json(card, &embedded).unwrap());
    assert_eq!(
        (ours.decision, ours.level.clone(), ours.greenhouse),
        (theirs.decision, theirs.level.clone(), theirs.greenhouse)
    );
    assert_ne!(ours.level.as_deref(), Some("L4"), "{ours:?}");
}

/// A name the synonym table does not know keeps an id of its own, and the notes say accurately
/// what the policy then does: its rules for the capability no one takes do not apply (said per
/// capability, and in one sentence for `--rubric`), and the new capability weighs 1 and is not
/// core. A known name that another row already is, by name or as another synonym, takes nothing:
/// which one is meant is the writer's to say.
#[test]
fn names_the_table_does_not_know_or_that_collide_get_their_own_ids_and_accurate_notes() {
    let renamed = SEED.replace("\nTechnical Expertise |", "\nEngineering Craft |");
    let ladder = rubric_from_ladder(&renamed, &default()).unwrap();
    assert_eq!(ladder.rubric.capabilities[0].id, "engineering_craft");
    assert!(!ladder.rubric.policy.core.iter().any(|c| c == "technical_expertise"));
    for needle in [
        "line 13: capability \"Engineering Craft\" has the id engineering_craft (scorecards use it): the policy does not know it, so it weighs 1 and is not core",
        "policy: no capability of this ladder is technical_expertise: its core rule and weight do not apply",
    ] {
        assert!(ladder.notes.iter().any(|n| n == needle), "{needle}\n{:?}", ladder.notes);
    }
    assert_eq!(ladder.unused_policy, ["technical_expertise"]);
    let note = ladder.verdict_note().expect("a note for --rubric");
    assert!(note.starts_with("no capability of this ladder is technical_expertise, so the policy's core rule or weight for it does not apply"), "{note}");

    // The L5 ladder has no communication, mentorship, business or leadership capability: the
    // rules that can change a verdict are listed (core, or a weight other than 1), and the notes
    // say of each what is left out.
    let ladder = rubric_from_ladder(L5, &default()).unwrap();
    assert_eq!(ladder.unused_policy, ["communication_collaboration", "mentorship_support"]);
    assert!(
        ladder
            .notes
            .iter()
            .any(|n| n == "policy: no capability of this ladder is business_impact: its weight does not apply"),
        "{:?}",
        ladder.notes
    );
    assert!(ladder
        .verdict_note()
        .unwrap()
        .contains("communication_collaboration or mentorship_support, so the policy's core rule or weight for them"));

    // A synonym of a capability another row is by name keeps its own id.
    let doc = L5.replacen("Operational Excellence |", "Coding |", 1);
    let ladder = rubric_from_ladder(&doc, &default()).unwrap();
    assert_eq!(ladder.rubric.capabilities[2].id, "coding");
    assert!(
        ladder.notes.iter().any(|n| n.starts_with("line 10: \"Coding\" is a name for technical_expertise in the synonym table, but \"Technical Expertise\" (line 8) is that capability; it has the id coding")),
        "{:?}",
        ladder.notes
    );
    // Two synonyms of one capability: neither takes it, and its rules are said to go unused.
    let doc =
        L5.replacen("Technical Expertise |", "Coding |", 1).replacen("Operational Excellence |", "System Design |", 1);
    let ladder = rubric_from_ladder(&doc, &default()).unwrap();
    let ids: Vec<&str> = ladder.rubric.capabilities.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["coding", "project_ownership", "system_design"]);
    assert!(ladder.notes.iter().any(|n| n.contains("\"Coding\" is a name for technical_expertise in the synonym table, as is \"System Design\" (line 10): neither is read as it")), "{:?}", ladder.notes);
    assert!(ladder.unused_policy.contains(&"technical_expertise".to_string()), "{:?}", ladder.unused_policy);
    // The same synonym twice is still a repeated capability.
    let e =
        err(&L5.replacen("Technical Expertise |", "Coding |", 1).replacen("Operational Excellence |", "Coding |", 1));
    assert!(e.to_string().contains("repeats a capability"), "{e}");

    // A base rubric (`--policy-from`) with ids of its own: a capability it has by name gets its
    // id, so its rules apply.
    let mut base = default();
    base.capabilities[0].id = "craft".into();
    base.policy.core[0] = "craft".into();
    base.policy.weights.iter_mut().find(|(id, _)| id == "technical_expertise").unwrap().0 = "craft".into();
    base.policy.weights.sort_by(|a, b| a.0.cmp(&b.0));
    let ladder = rubric_from_ladder(SEED, &base).unwrap();
    assert_eq!(ladder.rubric.capabilities[0].id, "craft");
    assert_eq!(ladder.rubric.policy, base.policy);
    assert!(ladder.unused_policy.is_empty());
}

/// The traits and the guidance are both optional, so the section after the table is recognised
/// by what it is. The QA pass deleted the seed's "What makes a good L4 engineer?" block: the
/// managers' guidance became the traits, "Key approaches" was glued into their intro, and the
/// guidance was titled by one of its own sections, with no word said.
#[test]
fn a_ladder_without_traits_reads_its_guidance_as_guidance() {
    let start = SEED.find("What makes a good L4 engineer?").unwrap();
    let end = SEED.find("Managing L4 Senior Software Engineers").unwrap();
    let no_traits = format!("{}{}", &SEED[..start], &SEED[end..]);
    let embedded = default();
    let ladder = rubric_from_ladder(&no_traits, &embedded).unwrap();
    assert_eq!(ladder.rubric.traits, scorecard::core::rubric::Traits::default());
    assert_eq!(ladder.rubric.guidance, embedded.guidance);
    assert!(
        ladder.notes.iter().any(|n| n
            == "line 19: \"Managing L4 Senior Software Engineers\" read as guidance for managers; the ladder has no traits of a strong hire (a section such as \"What makes a good L4 engineer?\" before it)"),
        "{:?}",
        ladder.notes
    );
    // Titled otherwise, the guidance is still told by its titled lists.
    let leading = no_traits.replace("Managing L4 Senior", "Leading L4 Senior");
    let r = read(&leading).unwrap();
    assert_eq!(r.traits, scorecard::core::rubric::Traits::default());
    let g = r.guidance.expect("guidance");
    assert_eq!(g.title, "Leading L4 Senior Software Engineers");
    assert_eq!(
        (g.intro.as_str(), g.sections[0].title.as_str()),
        (embedded.guidance.as_ref().unwrap().intro.as_str(), "Key approaches")
    );

    // Traits titled otherwise are still the traits, and said to be read as them.
    let ladder =
        rubric_from_ladder(&L5.replacen("What makes a good L5 engineer?", "Signs of a strong L5", 1), &default())
            .unwrap();
    assert_eq!((ladder.rubric.traits.title.as_str(), ladder.rubric.traits.items.len()), ("Signs of a strong L5", 1));
    assert!(
        ladder
            .notes
            .iter()
            .any(|n| n.starts_with("line 11: \"Signs of a strong L5\" read as the traits of a strong hire")),
        "{:?}",
        ladder.notes
    );
    // An engineering manager's ladder: its traits' question names managers, and are the traits.
    let m1 = format!(
        "{}Managing M1s\nKey approaches\n- Coach them\n",
        L5.replace("L5 Staff Software Engineer", "M1 Engineering Manager")
            .replace("good L5 engineer?", "good M1 manager?")
    );
    let r = read(&m1).unwrap();
    assert_eq!(
        (r.traits.title.as_str(), r.guidance.map(|g| g.title)),
        ("What makes a good M1 manager?", Some("Managing M1s".to_string()))
    );
    // No section after the table: no traits, and said.
    let table_only: String = L5.lines().take(10).map(|l| format!("{l}\n")).collect();
    let ladder = rubric_from_ladder(&table_only, &default()).unwrap();
    assert!(ladder.rubric.traits.items.is_empty() && ladder.rubric.guidance.is_none());
    assert!(
        ladder.notes.iter().any(|n| n.starts_with("the ladder has no traits of a strong hire")),
        "{:?}",
        ladder.notes
    );
    // The traits after the guidance are refused at their title.
    let reversed = format!("{table_only}Managing L5s\nKey approaches\n- One\nWhat makes a good L5 engineer?\nYou may hear that they:\n- Two\n");
    let e = err(&reversed);
    assert_eq!(e.line, 14, "{e}");
    assert!(e.to_string().contains("the traits of a strong hire come before the guidance"), "{e}");
}
