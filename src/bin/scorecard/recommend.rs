//! `scorecard recommend` and `scorecard validate`.

use std::process::ExitCode;

use scorecard::core::engine::recommend_read as engine_recommend_read;
use scorecard::core::interchange::{import_json, ImportError};
use scorecard::core::json::position_in;
use scorecard::core::{Rubric, Scorecard};
use serde_json::json;

use crate::common::{
    greenhouse_message, import_message, label, print_line, read_greenhouse, read_items, read_without_jsonl, rubric,
    Args, Failure, Part,
};

/// Why a scorecard, or an input, could not be read: a stable code (`validate --json`), the field
/// at fault when there is one, and the message, said after the source.
struct Problem {
    code: &'static str,
    path: Option<String>,
    message: String,
}

/// Each scorecard read, or why it could not be: its source ("file", "file [2]", "file:3"), the
/// input it came from, and the scorecard with what its Greenhouse import did not carry (said on
/// stderr already), or the problem.
struct Loaded {
    source: String,
    file: String,
    card: Result<(Scorecard, Vec<String>), Problem>,
}

/// Each input with the source it came from ("file" or "file:line") and the scorecard read from
/// it, or why it could not be read (read as every import reads a document: an older version is
/// migrated, a newer one refused with the release to use). One bad file or line does not stop
/// the others: batch work wants every verdict at once. Also the hints to give after the errors
/// (a pretty-printed file read with --jsonl).
fn load_all(args: &Args, rubric: &Rubric) -> (Vec<Loaded>, Vec<String>) {
    let paths = args.inputs();
    let mut out = Vec::new();
    let mut hints = Vec::new();
    for path in &paths {
        let label = &label(path);
        // One scorecard, a list, JSON lines, documents one after another or share links, each
        // named by its place ("file [2]", "file:3"), or with --jsonl each line read on its own
        // (even a line that is not UTF-8 text), as every command reads them (`read_items`): the
        // file up to the input limit, each scorecard held to the document limit by `import_json`.
        let read = read_items(path, args.flag("--jsonl"));
        let mut any = false;
        for item in &read.items {
            if item.skipped() {
                continue;
            }
            let card = match &item.part {
                Part::Text(text, _) => read_one(text, rubric, &item.source).map_err(|e| {
                    let p = problem(text, e);
                    Problem { message: format!("{}{}", item.locate(p.message), read.hint), ..p }
                }),
                // An input that cannot be read: its code and message are told from the kind of
                // failure.
                Part::Unread(e) => Err(Problem { code: e.code(), path: None, message: e.message() }),
                Part::NotText(message) => Err(Problem { code: "not_text", path: None, message: message.clone() }),
                Part::BadLink(message) => Err(Problem { code: "link", path: None, message: message.clone() }),
                Part::Prose(_) => continue,
            };
            any |= card.is_ok();
            out.push(Loaded { source: item.source.clone(), file: label.clone(), card });
        }
        if read.pretty && !any {
            hints.push(read_without_jsonl(label));
        }
    }
    (out, hints)
}

/// Why one scorecard could not be read: an import error, or the Greenhouse import's message.
enum Unread {
    Import(ImportError),
    Greenhouse(ImportError),
}

/// One scorecard's text, a scorecard document or a Greenhouse scorecard object, read as
/// `convert` reads it (the Greenhouse import's warnings on stderr, after `source`, and returned).
fn read_one(text: &str, rubric: &Rubric, source: &str) -> Result<(Scorecard, Vec<String>), Unread> {
    match read_greenhouse(text, rubric, source) {
        Some(read) => read.map_err(Unread::Greenhouse),
        None => import_json(text, rubric).map(|card| (card, Vec::new())).map_err(Unread::Import),
    }
}

/// An import error as a person finds its place: a text of one line (a line of JSON lines) says
/// "at column C", as `compare` says it ([`position_in`]); with its code and field.
fn problem(text: &str, e: Unread) -> Problem {
    let (code, path) = match &e {
        Unread::Import(ImportError::TooLarge { .. }) => ("too_large", None),
        Unread::Import(ImportError::NotJson { .. }) => ("not_json", None),
        Unread::Import(ImportError::Invalid(e)) => ("invalid", Some(e.path.clone()).filter(|p| !p.is_empty())),
        // Not from a document read here: a share link's failure is `Part::BadLink`, code "link".
        Unread::Import(ImportError::Link(_)) => ("link", None),
        // The field a Greenhouse import names ("attributes[2].rating"), kept as a document's is.
        Unread::Greenhouse(ImportError::Invalid(e)) => ("greenhouse", Some(e.path.clone()).filter(|p| !p.is_empty())),
        Unread::Greenhouse(_) => ("greenhouse", None),
    };
    let message = match e {
        Unread::Import(ImportError::NotJson { message, .. }) => format!("not JSON: {}", position_in(text, message)),
        Unread::Import(e) => import_message(&e),
        Unread::Greenhouse(e) => greenhouse_message(&e),
    };
    Problem { code, path, message }
}

/// Reports each input that could not be read on stderr, then the hints; exit 1 if there was one,
/// else 0.
fn report_failures(failures: &[String], hints: &[String]) -> ExitCode {
    for e in failures.iter().chain(hints) {
        eprintln!("scorecard: {e}");
    }
    if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

pub fn recommend(rest: &[String]) -> Result<ExitCode, Failure> {
    let args = Args::parse_stdin_default(rest, &["--jsonl"], &["--rubric"])?;
    let rubric = rubric(&args)?;
    let mut failures = Vec::new();
    let (cards, hints) = load_all(&args, &rubric);
    for Loaded { source, card, .. } in cards {
        let card = match card {
            Ok((card, _)) => card,
            Err(p) => {
                failures.push(format!("{source}: {}", p.message));
                continue;
            }
        };
        // What the classifier flags (a bias risk, no behaviour) is not evidence, as on the page.
        let mut r = engine_recommend_read(&rubric, &card, &scorecard::core::classifier::reading);
        // Ratings drafted from observations (`scorecard draft`) and not yet confirmed count as
        // the engine counts them, but the verdict is not the interviewer's until they are: the
        // output names them and the rationale says so after its first line, as `compare` says
        // that drafts are not counted. (`convert` to Greenhouse or Markdown refuses such a card.)
        let drafted: Vec<&String> = card.ratings.drafted().collect();
        if !drafted.is_empty() {
            let names = drafted
                .iter()
                .map(|c| rubric.capability(c).map_or_else(|| c.to_string(), |c| c.name.clone()))
                .collect();
            let one = drafted.len() == 1;
            let line = format!(
                "Drafted from observations and not yet confirmed: {}; {} the interviewer's rating{} until confirmed.",
                scorecard::core::engine::join_names(names),
                if one { "it is not" } else { "they are not" },
                if one { "" } else { "s" }
            );
            let at = r.rationale.len().min(1);
            r.rationale.insert(at, line);
            r.todo_lines = r.todo_lines.start + 1..r.todo_lines.end + 1;
        }
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
            "drafted": drafted,
        }));
    }
    Ok(report_failures(&failures, &hints))
}

/// `scorecard validate [--json] [--jsonl] [--rubric FILE] FILE...|-`. With --json, one JSON line
/// per scorecard and per input that holds none, in order: its source and file, whether it is
/// valid, its errors and warnings, each with a stable code (`Problem`, `ReadFailure::code`);
/// stderr and the exit code as without it.
pub fn validate(rest: &[String]) -> Result<ExitCode, Failure> {
    // A program reading --json reads stdout: a usage error, or a rubric that cannot be had, is
    // one failed line there too, in the shape of an input's ("usage": its source "command line"),
    // before the same message on stderr and exit 2 or 1. --json is looked for as `Args::parse`
    // takes a flag (before a `--`), since a usage error may be what stops it.
    let json = rest.iter().take_while(|a| *a != "--").any(|a| a == "--json");
    let failed = |source: &str, code: &str, message: &str| {
        if json {
            let error = json!({"code": code, "path": null, "message": message});
            print_line(&json!({"source": source, "file": source, "valid": false, "errors": [error], "warnings": []}));
        }
    };
    let usage = |e: Failure| {
        if let Failure::Usage(message) = &e {
            failed("command line", "usage", message);
        }
        e
    };
    let args = Args::parse(rest, &["--json", "--jsonl"], &["--rubric"]).map_err(usage)?;
    if args.positional.is_empty() {
        return Err(usage(Failure::Usage("validate needs at least one FILE (or - for stdin)".into())));
    }
    let rubric = rubric(&args).inspect_err(|e| failed(&e.source, "rubric", &e.message))?;
    let mut failures = Vec::new();
    let (cards, hints) = load_all(&args, &rubric);
    for Loaded { source, file, card } in cards {
        let coded =
            |code: &str, path: &Option<String>, message: &str| json!({"code": code, "path": path, "message": message});
        let (errors, warnings) = match &card {
            Ok((_, warnings)) => (vec![], warnings.iter().map(|w| coded("not_carried", &None, w)).collect()),
            Err(p) => {
                failures.push(format!("{source}: {}", p.message));
                (vec![coded(p.code, &p.path, &p.message)], vec![])
            }
        };
        if json {
            print_line(
                &json!({"source": source, "file": file, "valid": card.is_ok(), "errors": errors, "warnings": warnings}),
            );
        } else if card.is_ok() {
            outln!("{source}: valid");
        }
    }
    Ok(report_failures(&failures, &hints))
}
