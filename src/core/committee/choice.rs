//! The rubric a committee analyses against, when it is not the built-in one, and what to say
//! about scorecards the analysis sets aside.
//!
//! A panel scored on another ladder or level is analysed against that ladder's rubric: the
//! committee loads it as the command-line tool's `--rubric` takes it, a rubric file (JSON) or a
//! ladder document ([`read_rubric`]). Scorecards made against a rubric other than the one in use
//! are set aside; [`set_aside_note`] names the rubrics they were made against, so that the
//! committee knows which to load. A Greenhouse export names no candidate (the ATS attaches it to
//! an application); [`is_greenhouse`] tells one, so the view can say how to bring it in.
//!
//! Like the rest of the core, nothing here panics on input or performs I/O.

use serde_json::Value;

use super::CommitteeReport;
use crate::core::interchange::{detect, Format};
use crate::core::ladder::{looks_like_ladder, rubric_from_ladder};
use crate::core::rubric::{Rubric, MAX_RUBRIC_BYTES, RUBRIC_FORMAT};
use crate::core::scorecard::{bidi_isolate, clip};

/// A rubric read from a document the committee loaded.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedRubric {
    pub rubric: Rubric,
    /// For a ladder document, the sentence about policy rules left out, which can change a
    /// verdict ([`crate::core::ladder::Ladder::verdict_note`]); `None` for a rubric file.
    pub note: Option<String>,
}

/// Reads a rubric file (JSON) or a ladder document, whichever `text` holds, as the command-line
/// tool's `--rubric` does: a ladder takes its leveling policy from `base` (the built-in rubric).
/// The error says what is wrong and where; a scorecard given in place of a rubric is named as one.
pub fn read_rubric(text: &str, base: &Rubric) -> Result<LoadedRubric, String> {
    if text.trim().is_empty() {
        return Err("the document is empty; a rubric is a rubric file (JSON) or a ladder document".into());
    }
    if text.len() > MAX_RUBRIC_BYTES {
        return Err(format!("the document is {} bytes; a rubric may have at most {MAX_RUBRIC_BYTES}", text.len()));
    }
    if looks_like_ladder(text) {
        let ladder = rubric_from_ladder(text, base).map_err(|e| format!("not a usable ladder document ({e})"))?;
        let note = ladder.verdict_note();
        return Ok(LoadedRubric { rubric: ladder.rubric, note });
    }
    // A scorecard (or a Greenhouse scorecard) where a rubric belongs: said as such, not as a
    // rubric field that is missing.
    if let Ok(value) = crate::core::json::parse(text) {
        let format = value.get("format").and_then(Value::as_str);
        if format != Some(RUBRIC_FORMAT) && detect(&value).is_ok() {
            return Err("this is a scorecard, not a rubric: load it with the scorecards".into());
        }
    }
    Rubric::from_json(text)
        .map(|rubric| LoadedRubric { rubric, note: None })
        .map_err(|e| format!("not a usable rubric file ({e})"))
}

/// True when `text` is a rubric file (JSON whose `format` is the rubric format), as one might
/// drop among scorecards. Cheap for a scorecard: it is parsed only when it names the format.
pub fn is_rubric_file(text: &str) -> bool {
    text.len() <= MAX_RUBRIC_BYTES
        && text.contains(RUBRIC_FORMAT)
        && crate::core::json::parse(text).is_ok_and(|v| v.get("format").and_then(Value::as_str) == Some(RUBRIC_FORMAT))
}

/// True when `text` is a Greenhouse scorecard object (or a list of them), as the scorer's
/// "Download for Greenhouse" writes one.
pub fn is_greenhouse(text: &str) -> bool {
    text.len() <= crate::core::scorecard::MAX_DOCUMENT_BYTES
        && text.contains("\"attributes\"")
        && crate::core::json::parse(text).is_ok_and(|v| detect(&v).is_ok_and(|f| f == Format::Greenhouse))
}

/// What the committee is told about a Greenhouse export that names no candidate: what it is,
/// and how to bring the scorecard in (the scorer page's words on downloading one).
pub const GREENHOUSE_HINT: &str = "a Greenhouse export, which carries no candidate (Greenhouse attaches it to the candidate's application). \
To compare it here, load the scorecard's JSON instead (Download JSON in the scorer), or import this file in the scorer, name the candidate and download JSON";

/// One sentence on the scorecards set aside for another rubric, naming each rubric (id and
/// version) and saying to load it; `None` when none was. `loaded` is how many scorecards were
/// read, those set aside among them.
pub fn set_aside_note(report: &CommitteeReport, loaded: usize) -> Option<String> {
    let aside = report.other_rubric.len();
    if aside == 0 {
        return None;
    }
    // Each rubric once, in the order the scorecards name them, with how many name it.
    let mut rubrics: Vec<(&str, u32, usize)> = Vec::new();
    for o in &report.other_rubric {
        match rubrics.iter_mut().find(|(id, v, _)| *id == o.rubric_id && *v == o.rubric_version) {
            Some(r) => r.2 += 1,
            None => rubrics.push((&o.rubric_id, o.rubric_version, 1)),
        }
    }
    let name = |id: &str, v: u32| format!("{} v{v}", bidi_isolate(&clip(id)));
    let who = if aside == loaded {
        if aside == 1 {
            "The 1 scorecard was".to_string()
        } else {
            format!("All {aside} scorecards were")
        }
    } else {
        format!("{aside} of {loaded} scorecards {}", if aside == 1 { "was" } else { "were" })
    };
    let them = if aside == 1 { "it" } else { "them" };
    // Beside counted scorecards, said to be set aside: "load that rubric" alone would read as
    // advice for the whole set.
    let apart = if aside == loaded {
        ""
    } else if aside == 1 {
        ", so it is set aside"
    } else {
        ", so they are set aside"
    };
    Some(match rubrics.as_slice() {
        [(id, v, _)] => format!("{who} made against {}{apart}; load that rubric to compare {them}.", name(id, *v)),
        _ => format!(
            "{who} made against other rubrics ({}){apart}; load one of them to compare its scorecards.",
            rubrics.iter().map(|(id, v, n)| format!("{}: {n}", name(id, *v))).collect::<Vec<_>>().join(", ")
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::committee::analyze;
    use crate::core::scorecard::Scorecard;

    const LADDER: &str = include_str!("../../../data/seed/l4-senior-software-engineer.txt");

    fn base() -> Rubric {
        Rubric::default_rubric().unwrap()
    }

    /// The seed ladder, retitled for another level: another rubric id.
    fn l5_ladder() -> String {
        LADDER.replacen("L4 Senior Software Engineer", "L5 Staff Software Engineer", 1)
    }

    #[test]
    fn reads_a_rubric_file_and_a_ladder_document() {
        let json = read_rubric(&base().source_json, &base()).unwrap();
        assert_eq!(json.rubric.id, base().id);
        assert_eq!(json.note, None);
        let ladder = read_rubric(&l5_ladder(), &base()).unwrap();
        assert_eq!(ladder.rubric.id, "l5-staff-software-engineer");
        assert!(ladder.rubric.title.contains("L5"), "{}", ladder.rubric.title);
    }

    #[test]
    fn a_malformed_rubric_gets_a_specific_error() {
        let e = read_rubric("{\"format\": \"scorecard-rubric\"", &base()).unwrap_err();
        assert!(e.starts_with("not a usable rubric file ("), "{e}");
        let bad = base().source_json.replacen("\"capabilities\"", "\"capabilitiez\"", 1);
        let e = read_rubric(&bad, &base()).unwrap_err();
        assert!(e.contains("capabilities"), "{e}");
        let e = read_rubric("L5 Staff Software Engineer\nno table here\n", &base()).unwrap_err();
        assert!(e.starts_with("not a usable ladder document (ladder"), "{e}");
        assert!(read_rubric("  \n", &base()).unwrap_err().contains("empty"));
        let huge = "x".repeat(MAX_RUBRIC_BYTES + 1);
        assert!(read_rubric(&huge, &base()).unwrap_err().contains("at most"));
        // A scorecard where the rubric belongs.
        let card = Scorecard::new(&base()).to_json();
        assert_eq!(
            read_rubric(&card, &base()).unwrap_err(),
            "this is a scorecard, not a rubric: load it with the scorecards"
        );
        assert!(read_rubric("{\"attributes\": []}", &base()).unwrap_err().contains("scorecard, not a rubric"));
    }

    #[test]
    fn tells_rubric_files_and_greenhouse_exports() {
        assert!(is_rubric_file(&base().source_json));
        assert!(!is_rubric_file(&Scorecard::new(&base()).to_json()));
        assert!(!is_rubric_file("\"scorecard-rubric\" {"));
        assert!(is_greenhouse("{\"attributes\": [], \"candidate_id\": null}"));
        assert!(is_greenhouse("[{\"attributes\": []}]"));
        assert!(!is_greenhouse(&Scorecard::new(&base()).to_json()));
        assert!(!is_greenhouse("{\"attributes\": "));
    }

    fn card(rubric: &str, candidate: &str, interviewer: &str) -> (String, Scorecard) {
        let mut c = Scorecard::new(&base());
        c.rubric.id = rubric.into();
        c.candidate.name = candidate.into();
        c.interviewer.name = interviewer.into();
        c.submitted_at = Some("2026-01-01T00:00:00Z".into());
        (format!("{interviewer}.json"), c)
    }

    #[test]
    fn names_the_rubrics_the_set_aside_scorecards_were_made_against() {
        let r = base();
        let l5 = "l5-staff-software-engineer";
        let all: Vec<_> = ["Anna", "Bo", "Cleo"].iter().map(|i| card(l5, "Nora", i)).collect();
        let report = analyze(&r, &all, None);
        assert_eq!(
            set_aside_note(&report, 3).as_deref(),
            Some("All 3 scorecards were made against l5-staff-software-engineer v1; load that rubric to compare them.")
        );
        let one = analyze(&r, &all[..1], None);
        assert_eq!(
            set_aside_note(&one, 1).as_deref(),
            Some("The 1 scorecard was made against l5-staff-software-engineer v1; load that rubric to compare it.")
        );
        let mut mixed = all.clone();
        mixed.push(card("l3-engineer", "Nora", "Dee"));
        mixed.push(card(&r.id, "Nora", "Eve"));
        let report = analyze(&r, &mixed, None);
        assert_eq!(
            set_aside_note(&report, 5).as_deref(),
            Some("4 of 5 scorecards were made against other rubrics (l5-staff-software-engineer v1: 3, l3-engineer v1: 1), so they are set aside; load one of them to compare its scorecards.")
        );
        let report = analyze(&r, &mixed[3..], None);
        assert_eq!(
            set_aside_note(&report, 2).as_deref(),
            Some("1 of 2 scorecards was made against l3-engineer v1, so it is set aside; load that rubric to compare it.")
        );
        let none = analyze(&r, &mixed[4..], None);
        assert_eq!(set_aside_note(&none, 1), None);
    }
}
