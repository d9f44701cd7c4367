//! `scorecard recommend` and `scorecard validate`.

use std::process::ExitCode;

use scorecard::core::committee::split_input;
use scorecard::core::interchange::{detect, import_json, parse_json, Format};
use scorecard::core::{recommend as engine_recommend, Rubric, Scorecard};
use serde_json::json;

use crate::common::{jsonl_hint, label, print_line, read_input, read_jsonl, rubric, Args, Failure};

/// Each input with the source it came from ("file" or "file:line") and the scorecard read from
/// it, or why it could not be read (read as every import reads a document: an older version is
/// migrated, a newer one refused with the release to use). One bad file or line does not stop
/// the others: batch work wants every verdict at once.
fn load_all(args: &Args, rubric: &Rubric) -> Vec<(String, Result<Scorecard, String>)> {
    let paths = if args.positional.is_empty() { vec!["-".to_string()] } else { args.positional.clone() };
    let mut out = Vec::new();
    for path in &paths {
        let label = &label(path);
        // A JSON lines stream holds many scorecards, each line read on its own (even a line that
        // is not UTF-8 text). The reader's message names the input already.
        if args.flag("--jsonl") {
            match read_jsonl(path) {
                Ok(lines) => {
                    for (n, line) in lines {
                        let at = format!("{label}:{n}");
                        match line {
                            Ok(line) if line.trim().is_empty() => {}
                            Ok(line) => out.push((at.clone(), import_json(&line, rubric).map_err(|e| format!("{at}: {e}")))),
                            Err(e) => out.push((at.clone(), Err(format!("{at}: {e}")))),
                        }
                    }
                }
                Err(Failure::Invalid(e) | Failure::Usage(e)) => out.push((label.to_string(), Err(e))),
            }
            continue;
        }
        // A file may hold a list of scorecards, JSON lines, or documents one after another, read
        // as `scorecard compare` and the committee page read them (`split_input`), each named by
        // its place ("file [2]", "file:3"): the file up to the input limit, each scorecard held
        // to the document limit by `import_json`.
        match read_input(path) {
            Ok(text) => {
                let items = split_input(label, &text);
                let hint = if items.len() == 1 { jsonl_hint(&text) } else { "" };
                for piece in items {
                    let source = format!("{label}{}", piece.at);
                    let card = import_json(&piece.text, rubric).map_err(|e| format!("{source}: {}{hint}{}", piece.locate(e.to_string()), greenhouse_hint(&piece.text)));
                    out.push((source, card));
                }
            }
            Err(Failure::Invalid(e) | Failure::Usage(e)) => out.push((label.to_string(), Err(e))),
        }
    }
    out
}

/// A hint for a Greenhouse scorecard given where a scorecard document belongs: how to read it.
fn greenhouse_hint(text: &str) -> &'static str {
    match parse_json(text, "document").map(|v| detect(&v)) {
        Ok(Ok(Format::Greenhouse)) => " (this is a Greenhouse scorecard: `scorecard convert --from greenhouse` reads it)",
        _ => "",
    }
}

/// Reports each input that could not be read on stderr; exit 1 if there was one, else 0.
fn report_failures(failures: &[String]) -> ExitCode {
    for e in failures {
        eprintln!("scorecard: {e}");
    }
    if failures.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

pub fn recommend(rest: &[String]) -> Result<ExitCode, Failure> {
    let args = Args::parse(rest, &["--jsonl"], &["--rubric"])?;
    let rubric = rubric(&args)?;
    let mut failures = Vec::new();
    for (source, card) in load_all(&args, &rubric) {
        let card = match card {
            Ok(card) => card,
            Err(e) => {
                failures.push(e);
                continue;
            }
        };
        let r = engine_recommend(&rubric, &card);
        print_line(&json!({
            "source": source,
            "candidate": card.candidate.key(),
            "interviewer": card.interviewer.key(),
            "decision": r.decision,
            "level": r.level,
            "consider_level": r.consider_level,
            "greenhouse": r.greenhouse,
            "confidence": r.confidence,
            "score": r.score,
            "rationale": r.rationale,
        }));
    }
    Ok(report_failures(&failures))
}

pub fn validate(rest: &[String]) -> Result<ExitCode, Failure> {
    let args = Args::parse(rest, &["--jsonl"], &["--rubric"])?;
    if args.positional.is_empty() {
        return Err(Failure::Usage("validate needs at least one FILE (or - for stdin)".into()));
    }
    let rubric = rubric(&args)?;
    let mut failures = Vec::new();
    for (source, card) in load_all(&args, &rubric) {
        match card {
            Ok(_) => outln!("{source}: valid"),
            Err(e) => failures.push(e),
        }
    }
    Ok(report_failures(&failures))
}
