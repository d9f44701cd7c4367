//! `scorecard recommend` and `scorecard validate`.

use std::process::ExitCode;

use scorecard::core::interchange::import_json;
use scorecard::core::scorecard::MAX_DOCUMENT_BYTES;
use scorecard::core::{recommend as engine_recommend, Rubric, Scorecard};
use serde_json::json;

use crate::common::{label, print_line, read_document, read_input, rubric, Args, Failure};

/// Each scorecard with the source it came from ("file" or "file:line"), read as every import
/// reads a document: an older version is migrated, a newer one refused with the release to use.
fn load_all(args: &Args, rubric: &Rubric) -> Result<Vec<(String, Scorecard)>, Failure> {
    let paths = if args.positional.is_empty() { vec!["-".to_string()] } else { args.positional.clone() };
    let mut out = Vec::new();
    for path in &paths {
        let label = label(path);
        // A JSON lines stream holds many scorecards; a file holds one.
        let text = if args.flag("--jsonl") { read_input(path)? } else { read_document(path, MAX_DOCUMENT_BYTES, "a scorecard document")? };
        if args.flag("--jsonl") {
            for (i, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let at = format!("{label}:{}", i + 1);
                let card = import_json(line, rubric).map_err(|e| Failure::Invalid(format!("{at}: {e}")))?;
                out.push((at, card));
            }
        } else {
            let card = import_json(&text, rubric).map_err(|e| Failure::Invalid(format!("{label}: {e}")))?;
            out.push((label.to_string(), card));
        }
    }
    Ok(out)
}

pub fn recommend(rest: &[String]) -> Result<ExitCode, Failure> {
    let args = Args::parse(rest, &["--jsonl"], &["--rubric"])?;
    let rubric = rubric(&args)?;
    for (source, card) in load_all(&args, &rubric)? {
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
    Ok(ExitCode::SUCCESS)
}

pub fn validate(rest: &[String]) -> Result<ExitCode, Failure> {
    let args = Args::parse(rest, &["--jsonl"], &["--rubric"])?;
    if args.positional.is_empty() {
        return Err(Failure::Usage("validate needs at least one FILE (or - for stdin)".into()));
    }
    let rubric = rubric(&args)?;
    let cards = load_all(&args, &rubric)?;
    for (source, _) in &cards {
        outln!("{source}: valid");
    }
    Ok(ExitCode::SUCCESS)
}
