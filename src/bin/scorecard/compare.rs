//! `scorecard compare`: the committee view of a set of scorecards, as one JSON document.
//!
//! A file may hold one scorecard, a JSON list of them, JSON lines, or documents written one after
//! another, as the committee page reads a file ([`split_input`]): each is named by its place,
//! `file.json [2]` or `file.jsonl:3`. Every scorecard is loaded on its own: a file that cannot be
//! read, or a scorecard (or JSONL line) that does not parse, is listed under `failed` with its
//! error and the rest are still analyzed.
//! Scorecards made against another rubric are listed under `other_rubric`. The exit code is 0
//! when at least one scorecard loaded (failures are in the document, and each is named on
//! stderr), and 1 when inputs were given and every one of them failed; a usage error is 2 as
//! everywhere.

use std::process::ExitCode;

use scorecard::core::classifier::FlagCache;
use scorecard::core::committee::{analyze, parse_for_panel, LoadFailure};
use scorecard::core::Scorecard;

use crate::common::{label, read_records, read_scorecards, read_without_jsonl, rubric, Args, Failure};

/// Runs `scorecard compare [--jsonl] [--compact] [--rubric FILE] [FILE...|-]`.
pub fn compare(rest: &[String]) -> Result<ExitCode, Failure> {
    let args = Args::parse(rest, &["--jsonl", "--compact"], &["--rubric"])?;
    let rubric = rubric(&args)?;
    let paths = if args.positional.is_empty() { vec!["-".to_string()] } else { args.positional.clone() };

    let mut cards: Vec<(String, Scorecard)> = Vec::new();
    let mut failed: Vec<LoadFailure> = Vec::new();
    // Said after the failures, so that it is the last thing seen.
    let mut hints: Vec<String> = Vec::new();
    for path in &paths {
        let label = &label(path);
        let unread = |failure: Failure| match failure {
            Failure::Invalid(message) => {
                let error = message.strip_prefix(&format!("{label}: ")).unwrap_or(&message).to_string();
                Ok(LoadFailure { source: label.to_string(), error })
            }
            usage => Err(usage),
        };
        // A JSON lines stream holds many scorecards, each line read on its own, even a line that
        // is not UTF-8 text.
        if args.flag("--jsonl") {
            match read_records(path) {
                Ok(lines) => {
                    let before = cards.len();
                    for (at, line) in lines.records {
                        match line.and_then(|line| parse_for_panel(&line, &rubric).map_err(|e| e.to_string())) {
                            Ok(card) => cards.push((at, card)),
                            Err(error) => failed.push(LoadFailure { source: at, error }),
                        }
                    }
                    if lines.pretty && cards.len() == before {
                        hints.push(read_without_jsonl(label));
                    }
                }
                Err(e) => failed.push(unread(e)?),
            }
            continue;
        }
        let pieces = match read_scorecards(path) {
            Ok((_, pieces)) => pieces,
            Err(e) => {
                failed.push(unread(e)?);
                continue;
            }
        };
        // One scorecard, a list, JSON lines or documents one after another, each read on its
        // own (and held to a scorecard document's size by `parse_for_panel`).
        for piece in pieces {
            let source = format!("{label}{}", piece.at);
            match parse_for_panel(&piece.text, &rubric) {
                Ok(card) => cards.push((source, card)),
                Err(e) => {
                    // A document among others says on which line of the file it starts: its
                    // own line numbers count from there.
                    let error = piece.locate(e.to_string());
                    failed.push(LoadFailure { source, error });
                }
            }
        }
    }

    // The classifier's flag detector marks notes that are not evidence of behaviour, as in the
    // committee view, so calibration signals name them.
    let flags = FlagCache::default();
    let flagger = |text: &str| flags.ids(text);
    let mut report = analyze(&rubric, &cards, Some(&flagger));
    let all_failed = cards.is_empty() && !failed.is_empty();
    // Listed in the report, and named on stderr as every command names a bad input, for a
    // pipeline that reads only the report.
    for f in &failed {
        eprintln!("scorecard: {}: {}", f.source, f.error);
    }
    for hint in &hints {
        eprintln!("scorecard: {hint}");
    }
    report.failed = failed;

    let json = if args.flag("--compact") { serde_json::to_string(&report) } else { serde_json::to_string_pretty(&report) };
    let json = json.map_err(|e| Failure::Invalid(format!("cannot write the report: {e}")))?;
    outln!("{json}");
    Ok(if all_failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
