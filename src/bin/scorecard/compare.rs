//! `scorecard compare`: the committee view of a set of scorecards, as one JSON document.
//!
//! A file may hold one scorecard, a JSON list of them, JSON lines, or documents written one after
//! another, as the committee page reads a file (`split_input`), or share links, as `convert`
//! reads them (`read_items`): each is named by its place,
//! `file.json [2]` or `file.jsonl:3`; each may be a scorecard document or a Greenhouse object,
//! read as `recommend` and `convert` read one ([`read_greenhouse`]: what its import does not
//! carry is said on stderr). Every scorecard is loaded on its own: a file that cannot be
//! read, or a scorecard (or JSONL line) that does not parse, is listed under `failed` with its
//! error and the rest are still analyzed.
//! Scorecards made against another rubric are listed under `other_rubric`, those naming no
//! candidate under `unidentified`; each of these, and each failure, is named on stderr too. The
//! exit code is 0 when at least one scorecard is counted (failures are in the document), and 1
//! when none is: every input failed, was set aside, or is a draft, or the inputs hold no
//! scorecard. A usage error is 2 as everywhere.

use std::process::ExitCode;

use scorecard::core::classifier::FlagCache;
use scorecard::core::committee::{analyze, parse_for_panel, LoadFailure};
use scorecard::core::scorecard::clip;
use scorecard::core::{Rubric, Scorecard};

use crate::common::{
    greenhouse_message, label, read_greenhouse, read_items, read_without_jsonl, rubric, Args, Failure, Part,
};

/// One scorecard's text as a panel reads it ([`parse_for_panel`]), except a Greenhouse scorecard
/// object, read as `recommend` and `convert` read it: the same import, with what it did not
/// carry said on stderr ([`read_greenhouse`]) rather than dropped silently.
fn read_one(text: &str, rubric: &Rubric, source: &str) -> Result<Scorecard, String> {
    read_greenhouse(text, rubric, source)
        .map(|read| read.map(|(card, _)| card).map_err(|e| greenhouse_message(&e)))
        .unwrap_or_else(|| parse_for_panel(text, rubric).map_err(|e| e.to_string()))
}

/// Runs `scorecard compare [--jsonl] [--compact] [--rubric FILE] [FILE...|-]`.
pub fn compare(rest: &[String]) -> Result<ExitCode, Failure> {
    let args = Args::parse_stdin_default(rest, &["--jsonl", "--compact"], &["--rubric"])?;
    let rubric = rubric(&args)?;
    let paths = args.inputs();

    let mut cards: Vec<(String, Scorecard)> = Vec::new();
    let mut failed: Vec<LoadFailure> = Vec::new();
    // Said after the failures, so that it is the last thing seen.
    let mut hints: Vec<String> = Vec::new();
    for path in &paths {
        let label = &label(path);
        // One scorecard, a list, JSON lines, documents one after another or share links, or with
        // --jsonl each line on its own (even a line that is not UTF-8 text), each read on its own
        // (and held to a scorecard document's size by `parse_for_panel`): `read_items`.
        let read = read_items(path, args.flag("--jsonl"));
        let before = cards.len();
        for item in read.items {
            if item.skipped() {
                continue;
            }
            let read = match &item.part {
                // A document among others says on which line of the file it starts: its own line
                // numbers count from there.
                Part::Text(text, _) => read_one(text, &rubric, &item.source).map_err(|e| item.locate(e)),
                _ => Err(item.text().err().unwrap_or_default()),
            };
            match read {
                Ok(card) => cards.push((item.source, card)),
                Err(error) => failed.push(LoadFailure { source: item.source, error }),
            }
        }
        if read.pretty && cards.len() == before {
            hints.push(read_without_jsonl(label));
        }
    }

    // The classifier's flag detector marks notes that are not evidence of behaviour, as in the
    // committee view, so calibration signals name them.
    let flags = FlagCache::default();
    let flagger = |text: &str| flags.ids(text);
    let mut report = analyze(&rubric, &cards, Some(&flagger));
    // Listed in the report, and named on stderr as every command names a bad input, for a
    // pipeline that reads only the report: what could not be read, and what was set aside (a
    // wrong --rubric, an export without the candidate), which would otherwise give an empty
    // report and success.
    for f in &failed {
        eprintln!("scorecard: {}: {}", f.source, f.error);
    }
    for o in &report.other_rubric {
        eprintln!("scorecard: {}: not counted: made against rubric \"{}\", not \"{}\" (to count it, give its rubric with --rubric)", o.source, o.rubric_id, clip(&rubric.id));
    }
    for source in &report.unidentified {
        eprintln!("scorecard: {source}: not counted: it names no candidate (neither an id nor a name)");
    }
    // Scorecards were read but none counts: say why in one line (drafts are not named above:
    // they are listed with their candidate).
    if report.counted == 0 && !cards.is_empty() {
        let drafts: usize = report.candidates.iter().map(|c| c.drafts.len()).sum();
        let reasons = [
            (report.other_rubric.len(), "made against another rubric"),
            (report.unidentified.len(), "naming no candidate"),
            (drafts, "not yet submitted"),
        ];
        let reasons: Vec<String> =
            reasons.iter().filter(|(n, _)| *n > 0).map(|(n, why)| format!("{n} {why}")).collect();
        eprintln!("scorecard: no scorecard counted of the {} read: {}", cards.len(), reasons.join(", "));
    }
    for hint in &hints {
        eprintln!("scorecard: {hint}");
    }
    let none_counted = report.counted == 0;
    report.failed = failed;

    let json =
        if args.flag("--compact") { serde_json::to_string(&report) } else { serde_json::to_string_pretty(&report) };
    let json = json.map_err(|e| Failure::Invalid(format!("cannot write the report: {e}")))?;
    outln!("{json}");
    Ok(if none_counted { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
