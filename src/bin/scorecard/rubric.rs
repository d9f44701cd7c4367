//! `scorecard rubric`: a ladder document (the seed's text format) as a rubric file.
//!
//! The rubric goes to stdout as JSON, ready to save, review and load with `--rubric` or the
//! widget's `rubric` attribute; what the reader chose or fixed (the policy, capability ids, stray
//! punctuation) goes to stderr, one line each prefixed `scorecard: ` as every message of the tool
//! is, unless `--quiet`.

use std::process::ExitCode;

use scorecard::core::ladder::{looks_like_ladder, rubric_from_ladder, MAX_LADDER_BYTES};

use crate::common::{label, load_rubric, read_document, Args, Failure};

/// Runs `scorecard rubric [--policy-from RUBRIC] [--quiet] [LADDER|-]`.
pub fn rubric_command(rest: &[String]) -> Result<ExitCode, Failure> {
    let args = Args::parse(rest, &["--quiet"], &["--policy-from"])?;
    if args.positional.len() > 1 {
        return Err(Failure::Usage("rubric reads one ladder document".into()));
    }
    let path = args.positional.first().map_or("-", String::as_str);
    if path == "-" && args.value("--policy-from") == Some("-") {
        return Err(Failure::Usage(
            "stdin (-) can be read only once: give the ladder or --policy-from as a file".into(),
        ));
    }
    // The policy comes from `--policy-from` (read like `--rubric`), else the embedded rubric.
    let base = load_rubric(args.value("--policy-from"), args.flag("--quiet"))?;
    let text = read_document(path, MAX_LADDER_BYTES, "a ladder document")?;
    if text.trim().is_empty() {
        return Err(Failure::Invalid(format!(
            "{}: empty: a ladder document starts with the level's title, then a line per capability (see data/seed/)",
            label(path)
        )));
    }
    if !looks_like_ladder(&text) {
        return Err(Failure::Invalid(format!(
            "{}: this is JSON (a rubric file already?), not a ladder document",
            label(path)
        )));
    }
    let ladder = rubric_from_ladder(&text, &base).map_err(|e| Failure::Invalid(format!("{}: {e}", label(path))))?;
    let json = serde_json::to_string_pretty(&ladder.rubric)
        .map_err(|e| Failure::Invalid(format!("cannot write the rubric: {e}")))?;
    if !args.flag("--quiet") {
        for note in &ladder.notes {
            eprintln!("scorecard: {}: {note}", label(path));
        }
    }
    outln!("{json}");
    Ok(ExitCode::SUCCESS)
}
