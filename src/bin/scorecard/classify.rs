//! `scorecard classify`, `scorecard draft` and `scorecard classifier train|eval|cv|bench`.
//!
//! `classify` and `draft` read JSON lines on stdin (or a file), each line through the crate's JSON
//! reader (`core::json`), which refuses duplicate keys as every other reader does. A bad record in
//! `classify` is named on stderr (stdout holds classifications only) and the batch goes on; the
//! exit code is 1 if any record was bad.

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::time::Instant;

use scorecard::core::classifier::{self, flags, train, Classification, Flag, FlagKind, Model};
use scorecard::core::engine::recommend_read as engine_recommend_read;
use scorecard::core::scorecard::{clip, kind, Rating};
use scorecard::core::{json as core_json, Scorecard};
use serde_json::{json, Map, Value};

use crate::common::{label, print_line, read_input, read_jsonl, rubric, Args, Failure};

const DEFAULT_CORPUS: &str = "data/corpus/train";
const DEFAULT_MODEL: &str = "data/model/classifier.txt";
const DEFAULT_HELDOUT: &str = "data/corpus/heldout.jsonl";
const DEFAULT_FLAGS: &str = "data/corpus/flags.jsonl";

/// The JSON form of one classification: evidence spans carry their byte range and their text.
/// A note that suggests no tag ([`Classification::suggests_tag`]: flagged as an impression or a
/// bias risk, or with no word the model knows), as the widget and `draft` leave it untagged, has
/// its capability, level and confidences null and no evidence; its flags say why, if any.
pub fn classification_json(id: &Value, text: &str, c: &Classification) -> Value {
    let flags: Vec<Value> = c.flags.iter().map(flag_json).collect();
    if !c.suggests_tag() {
        return json!({"id": id, "capability": null, "level": null, "confidence": null, "level_confidence": null, "evidence": [], "flags": flags});
    }
    let evidence: Vec<Value> = c
        .evidence
        .iter()
        .map(|s| json!({"start": s.start, "end": s.end, "text": text.get(s.start..s.end).unwrap_or(""), "label": s.label}))
        .collect();
    json!({
        "id": id,
        "capability": c.capability,
        "level": c.level.id(),
        "confidence": c.confidence,
        // Below classifier::MIN_LEVEL_CONFIDENCE the level is a guess, and drafting leaves it out.
        "level_confidence": c.level_confidence,
        "evidence": evidence,
        "flags": flags,
    })
}

/// The JSON form of one flag: its kind, its reason, and the byte range it points at, if any.
fn flag_json(f: &Flag) -> Value {
    let mut m = Map::new();
    m.insert("kind".into(), f.kind.id().into());
    m.insert("reason".into(), f.reason.clone().into());
    if let Some(s) = &f.span {
        m.insert("start".into(), s.start.into());
        m.insert("end".into(), s.end.into());
    }
    Value::Object(m)
}

/// A record that cannot be classified: named on stderr with its line (`stdin:4: not JSON: ...`)
/// and its id when it has one, as `recommend` and `compare` name a bad input. Stdout holds only
/// classifications, so that `jq .capability` never reads an error as an untagged note; a
/// record's result is matched to its input by its `id`, and the exit code is 1.
fn refuse(label: &str, n: usize, id: &Value, message: String) {
    let id = match id {
        Value::Null => String::new(),
        id => format!(" (id {})", clip(&serde_json::to_string(id).unwrap_or_default())),
    };
    eprintln!("scorecard: {label}:{n}{id}: {message}");
}

/// `scorecard classify`: one JSON line out per record in.
pub fn classify(rest: &[String]) -> Result<ExitCode, Failure> {
    let args = Args::parse(rest, &[], &[])?;
    let path = single_input(&args, "classify")?;
    let label = &label(&path);
    let mut bad = 0usize;
    for (n, line) in read_jsonl(&path)? {
        let line = match line {
            Ok(line) if line.trim().is_empty() => continue,
            Ok(line) => line,
            Err(e) => {
                bad += 1;
                refuse(label, n, &Value::Null, e.to_string());
                continue;
            }
        };
        let record: Value = match core_json::parse(&line) {
            Ok(v) => v,
            Err(e) => {
                bad += 1;
                refuse(label, n, &Value::Null, format!("not JSON: {}", core_json::position_in(&line, e.to_string())));
                continue;
            }
        };
        let id = record.get("id").cloned().unwrap_or(Value::Null);
        let text = match record.get("text") {
            Some(Value::String(s)) => s,
            Some(other) => {
                bad += 1;
                refuse(label, n, &id, format!("\"text\" must be a string, found {}", kind(other)));
                continue;
            }
            None if !record.is_object() => {
                bad += 1;
                refuse(
                    label,
                    n,
                    &Value::Null,
                    format!("expected an object {{\"id\", \"text\"}}, found {}", kind(&record)),
                );
                continue;
            }
            // A scorecard given where notes belong (`classify cards.jsonl`): say what it is.
            None if record.get("format").and_then(Value::as_str) == Some(scorecard::core::scorecard::FORMAT) => {
                bad += 1;
                let what = "\"text\" is missing: this is a scorecard document, not a note {\"id\", \"text\"}";
                refuse(label, n, &id, format!("{what} (`scorecard recommend` reads scorecards)"));
                continue;
            }
            None => {
                bad += 1;
                refuse(label, n, &id, "\"text\" is missing".into());
                continue;
            }
        };
        match classifier::classify(text) {
            Ok(c) => print_line(&classification_json(&id, text, &c)),
            Err(e) => {
                bad += 1;
                refuse(label, n, &id, e.to_string());
            }
        }
    }
    Ok(if bad == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// `scorecard draft`: observations in, one scorecard with tags, drafted ratings and a
/// recommendation out.
pub fn draft(rest: &[String]) -> Result<ExitCode, Failure> {
    let args = Args::parse_stdin_default(rest, &[], &["--rubric"])?;
    let path = single_input(&args, "draft")?;
    let rubric = rubric(&args)?;
    let input = read_input(&path)?;
    let label = &label(&path);
    let mut observations = Vec::new();
    let mut lines_of = Vec::new();
    for (i, line) in input.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("{label}:{}", i + 1);
        let v: Value = core_json::parse(line).map_err(|e| {
            Failure::Invalid(format!("{at}: not JSON: {}", core_json::position_in(line, e.to_string())))
        })?;
        if !v.is_object() {
            return Err(Failure::Invalid(format!("{at}: expected an object {{\"text\", \"id\"}}, found {}", kind(&v))));
        }
        observations.push(v);
        lines_of.push(at);
    }
    if observations.is_empty() {
        return Err(Failure::Invalid(format!("{label}: no observations to draft from")));
    }
    let doc = json!({"format": "interview-scorecard", "version": 1, "ratings": {}, "observations": observations});
    let mut card = Scorecard::from_value(&doc, &rubric).map_err(|e| {
        // Point at the input line rather than the assembled document.
        let at = e.path.strip_prefix("observations[").and_then(|p| p.split_once(']')).and_then(|(n, rest)| {
            Some((lines_of.get(n.parse::<usize>().ok()?)?.clone(), rest.trim_start_matches('.').to_string()))
        });
        match at {
            Some((line, field)) if !field.is_empty() => Failure::Invalid(format!("{line}: {field}: {}", e.message)),
            Some((line, _)) => Failure::Invalid(format!("{line}: {}", e.message)),
            None => Failure::Invalid(format!("{label}: {e}")),
        }
    })?;
    classifier::draft(&rubric, &mut card);
    let recommendation = engine_recommend_read(&rubric, &card, &classifier::reading);
    let mut value = card.to_value();
    if let Value::Object(m) = &mut value {
        // A flagged note was left untagged and drafted nothing; its flags say why, as the widget
        // shows them beside it. (A scorecard reader ignores the extra field.)
        if let Some(Value::Array(list)) = m.get_mut("observations") {
            for (o, v) in card.observations.iter().zip(list.iter_mut()) {
                let found = flags::detect_flags(&o.text);
                if let Value::Object(ov) = v {
                    if !found.is_empty() {
                        ov.insert("flags".into(), Value::Array(found.iter().map(flag_json).collect()));
                    }
                }
            }
        }
        m.insert("recommendation".into(), serde_json::to_value(&recommendation).unwrap_or(Value::Null));
    }
    outln!("{}", serde_json::to_string_pretty(&value).unwrap_or_default());
    Ok(ExitCode::SUCCESS)
}

/// `scorecard classifier ...`.
pub fn classifier(rest: &[String]) -> Result<ExitCode, Failure> {
    let Some((sub, rest)) = rest.split_first() else {
        return Err(Failure::Usage("classifier needs a subcommand: train, eval, cv or bench".into()));
    };
    match sub.as_str() {
        "train" => train_cmd(rest),
        "eval" => eval_cmd(rest),
        "cv" => cv_cmd(rest),
        "bench" => bench_cmd(rest),
        // `scorecard classifier --help` is main's, from the table of commands, as every command's.
        "help" => {
            outln!("{}", crate::common::command_usage("classifier").unwrap_or_default());
            Ok(ExitCode::SUCCESS)
        }
        other => Err(Failure::Usage(format!(
            "unknown classifier subcommand \"{}\"; expected train, eval, cv or bench",
            scorecard::core::scorecard::clip(other)
        ))),
    }
}

/// The one input path of a command: a FILE, `-`, or stdin when none is given.
fn single_input(args: &Args, cmd: &str) -> Result<String, Failure> {
    match args.positional.as_slice() {
        [] => Ok("-".into()),
        [one] => Ok(one.clone()),
        _ => Err(Failure::Usage(format!("{cmd} reads one FILE (or - for stdin)"))),
    }
}

/// Reads every `*.jsonl` file of a corpus directory, in file-name order.
pub fn load_corpus(dir: &str) -> Result<Vec<train::Example>, Failure> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Failure::Invalid(format!("{dir}: cannot read the corpus directory: {e}")))?;
    let mut files: Vec<std::path::PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(Failure::Invalid(format!("{dir}: no .jsonl files")));
    }
    let mut out = Vec::new();
    for f in files {
        let name = f.display().to_string();
        let text = read_input(&name)?;
        out.extend(train::parse_corpus(&name, &text).map_err(Failure::Invalid)?);
    }
    Ok(out)
}

fn train_cmd(rest: &[String]) -> Result<ExitCode, Failure> {
    let mut valued = vec!["--corpus", "--out"];
    valued.extend(HYPER);
    let args = Args::parse(rest, &[], &valued)?;
    let corpus = args.value("--corpus").unwrap_or(DEFAULT_CORPUS);
    let out = args.value("--out").unwrap_or(DEFAULT_MODEL);
    let examples = load_corpus(corpus).map_err(|e| default_hint(&args, "--corpus", e))?;
    // A model trained on nothing cannot be loaded again: refuse rather than write it.
    if examples.is_empty() {
        return Err(Failure::Invalid(format!("{corpus}: the corpus holds no notes")));
    }
    let model = train::train(&examples, &config_from(&args)?);
    let text = model.to_text();
    std::fs::write(out, &text).map_err(|e| Failure::Invalid(format!("{out}: cannot write: {e}")))?;
    eprintln!(
        "trained on {} notes: {} capability features, {} level features; wrote {} bytes to {out}",
        examples.len(),
        model.capability.names.len(),
        model.level.names.len(),
        text.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// A failure to read the default of `option` (a path in the repository) with how to give it.
fn default_hint(args: &Args, option: &str, e: Failure) -> Failure {
    match e {
        Failure::Invalid(e) if args.value(option).is_none() => Failure::Invalid(format!(
            "{e} (the default {option}, a path in the repository: run from the repository's root, or give {option})"
        )),
        other => other,
    }
}

/// The file an option names, or its default in the repository, read: a default that cannot be
/// read (the command run outside the repository) says how to give the file instead.
fn read_default<'a>(args: &'a Args, option: &str, default: &'a str) -> Result<(&'a str, String), Failure> {
    let path = args.value(option).unwrap_or(default);
    let text = read_input(path).map_err(|e| default_hint(args, option, e.into()))?;
    Ok((path, text))
}

fn load_model(args: &Args) -> Result<Model, Failure> {
    match args.value("--model") {
        Some(path) => Model::parse(&read_input(path)?).map_err(|e| Failure::Invalid(format!("{}: {e}", label(path)))),
        None => classifier::embedded_model().cloned().map_err(|e| Failure::Invalid(format!("embedded model: {e}"))),
    }
}

fn pct(x: f64) -> String {
    format!("{:.3}", x)
}

/// Prints an evaluation: accuracies and both confusion matrices.
fn print_evaluation(title: &str, ev: &train::Evaluation) {
    outln!("{title}: {} notes", ev.count);
    outln!("  capability accuracy {}", pct(ev.capability_accuracy));
    outln!("  level accuracy      {}", pct(ev.level_accuracy));
    outln!("  joint accuracy      {}", pct(ev.joint_accuracy));
    let short = |s: &str| s.split('_').map(|w| w.get(..4).unwrap_or(w)).collect::<Vec<_>>().join("_");
    outln!("  capability confusion (rows: true, columns: predicted)");
    out!("  {:>22}", "");
    for c in &ev.capabilities {
        out!(" {:>9}", short(c));
    }
    outln!();
    for (c, row) in ev.capabilities.iter().zip(&ev.capability_confusion) {
        out!("  {:>22}", c.get(..22).unwrap_or(c));
        for n in row {
            out!(" {n:>9}");
        }
        outln!();
    }
    outln!("  level confusion (rows: true, columns: predicted)");
    outln!("  {:>22} {:>9} {:>9} {:>9}", "", "needs_imp", "meets", "exceeds");
    for (l, row) in train::LEVEL_CLASSES.iter().zip(&ev.level_confusion) {
        outln!("  {:>22} {:>9} {:>9} {:>9}", l.id(), row[0], row[1], row[2]);
    }
}

fn eval_cmd(rest: &[String]) -> Result<ExitCode, Failure> {
    let args = Args::parse(rest, &[], &["--heldout", "--flags", "--corpus", "--model"])?;
    let model = load_model(&args)?;
    let (heldout, text) = read_default(&args, "--heldout", DEFAULT_HELDOUT)?;
    let examples = train::parse_corpus(heldout, &text).map_err(Failure::Invalid)?;
    print_evaluation(&format!("held-out {heldout}"), &train::evaluate(&model, &examples));

    let (flags_path, text) = read_default(&args, "--flags", DEFAULT_FLAGS)?;
    let flag_report = flag_eval(flags_path, &text)?;
    outln!("flags {flags_path}");
    for line in flag_report {
        outln!("  {line}");
    }
    // Every training note describes behaviour, so any flag on one is a false alarm: a precision
    // check on notes the flag detector was never tuned against.
    let corpus = args.value("--corpus").unwrap_or(DEFAULT_CORPUS);
    if let Ok(train_notes) = load_corpus(corpus) {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for e in &train_notes {
            for f in flags::detect_flags(&e.text) {
                *counts.entry(f.kind.id()).or_default() += 1;
            }
        }
        outln!(
            "  false alarms on the {} behavioural training notes: non_behavioral {}, bias_risk {}",
            train_notes.len(),
            counts.get("non_behavioral").unwrap_or(&0),
            counts.get("bias_risk").unwrap_or(&0)
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Precision and recall of each flag kind on a labelled flag file.
pub fn flag_eval(source: &str, text: &str) -> Result<Vec<String>, Failure> {
    let mut tp = [0usize; 2];
    let mut fp = [0usize; 2];
    let mut fne = [0usize; 2];
    let mut none_flagged = 0;
    let mut none_total = 0;
    let kinds = [FlagKind::NonBehavioral, FlagKind::BiasRisk];
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value =
            core_json::parse(line).map_err(|e| Failure::Invalid(format!("{source}:{}: not JSON: {e}", i + 1)))?;
        let (Some(note), Some(label)) = (v.get("text").and_then(Value::as_str), v.get("flag").and_then(Value::as_str))
        else {
            return Err(Failure::Invalid(format!("{source}:{}: expected {{\"text\", \"flag\"}}", i + 1)));
        };
        let found = flags::detect_flags(note);
        if label == "none" {
            none_total += 1;
            none_flagged += (!found.is_empty()) as usize;
        }
        for (k, kind) in kinds.iter().enumerate() {
            let has = found.iter().any(|f| f.kind == *kind);
            let is = label == kind.id();
            match (is, has) {
                (true, true) => tp[k] += 1,
                (false, true) => fp[k] += 1,
                (true, false) => fne[k] += 1,
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for (k, kind) in kinds.iter().enumerate() {
        let p = tp[k] as f64 / (tp[k] + fp[k]).max(1) as f64;
        let r = tp[k] as f64 / (tp[k] + fne[k]).max(1) as f64;
        out.push(format!(
            "{:<15} precision {} recall {} (tp {}, fp {}, fn {})",
            kind.id(),
            pct(p),
            pct(r),
            tp[k],
            fp[k],
            fne[k]
        ));
    }
    out.push(format!("sound notes flagged: {none_flagged} of {none_total}"));
    Ok(out)
}

/// The hyper-parameter options shared by `train` and `cv`; defaults are the shipped ones.
const HYPER: [&str; 9] = [
    "--cap-l1",
    "--cap-l2",
    "--level-l1",
    "--level-l2",
    "--iterations",
    "--nb-weight",
    "--prune",
    "--min-df",
    "--scale",
];

fn config_from(args: &Args) -> Result<train::TrainConfig, Failure> {
    let mut config = train::TrainConfig::default();
    for name in HYPER {
        let Some(v) = args.value(name) else { continue };
        let x = v.parse::<f64>().ok().filter(|x| x.is_finite() && *x >= 0.0);
        let x = x.ok_or_else(|| Failure::Usage(format!("{name} needs a number of 0 or more, found \"{v}\"")))?;
        match name {
            "--cap-l1" => config.cap_l1 = x,
            "--cap-l2" => config.cap_l2 = x,
            "--level-l1" => config.level_l1 = x,
            "--level-l2" => config.level_l2 = x,
            "--nb-weight" => config.nb_weight = x,
            "--prune" => config.prune = x,
            "--min-df" => config.min_df = (x as usize).max(1),
            "--scale" => config.scale = (x as f32).clamp(1.0, 10_000.0),
            _ => config.iterations = (x as usize).clamp(1, 100_000),
        }
    }
    Ok(config)
}

/// The settings as the options that give them, for a report the reader can re-run.
fn describe(c: &train::TrainConfig) -> String {
    format!(
        "--cap-l1 {} --cap-l2 {} --level-l1 {} --level-l2 {} --iterations {} --nb-weight {} --prune {} --min-df {} --scale {}",
        c.cap_l1, c.cap_l2, c.level_l1, c.level_l2, c.iterations, c.nb_weight, c.prune, c.min_df, c.scale
    )
}

fn cv_cmd(rest: &[String]) -> Result<ExitCode, Failure> {
    let mut valued = vec!["--corpus", "--folds"];
    valued.extend(HYPER);
    let args = Args::parse(rest, &["--errors"], &valued)?;
    let corpus = args.value("--corpus").unwrap_or(DEFAULT_CORPUS);
    let examples = load_corpus(corpus).map_err(|e| default_hint(&args, "--corpus", e))?;
    let config = config_from(&args)?;
    let folds = match args.value("--folds") {
        Some(f) => f
            .parse::<usize>()
            .ok()
            .filter(|f| (2..=50).contains(f))
            .ok_or_else(|| Failure::Usage(format!("--folds needs a whole number from 2 to 50, found \"{f}\"")))?,
        None => 5,
    };
    let show = args.flag("--errors");
    let ev = train::cross_validate_with_errors(&examples, &config, folds, &mut |e, (c, l)| {
        if show {
            outln!("{}/{} -> {}/{}: {}", e.capability, e.level.id(), c, l.id(), e.text);
        }
    });
    print_evaluation(&format!("{folds}-fold cross-validation on {corpus} with {}", describe(&config)), &ev);
    Ok(ExitCode::SUCCESS)
}

fn bench_cmd(rest: &[String]) -> Result<ExitCode, Failure> {
    let args = Args::parse(rest, &[], &["--file", "--rounds"])?;
    let (file, text) = read_default(&args, "--file", DEFAULT_HELDOUT)?;
    let rounds: usize = match args.value("--rounds") {
        Some(r) => r.parse().map_err(|_| Failure::Usage(format!("--rounds needs a whole number, found \"{r}\"")))?,
        None => 20,
    };
    let notes: Vec<String> = text
        .lines()
        .filter_map(|l| core_json::parse(l).ok())
        .filter_map(|v| v.get("text").and_then(Value::as_str).map(str::to_string))
        .collect();
    if notes.is_empty() {
        return Err(Failure::Invalid(format!("{file}: no notes with a \"text\"")));
    }
    // Load the model outside the timing, as the widget does once.
    let start = Instant::now();
    let model = classifier::embedded_model().map_err(|e| Failure::Invalid(e.to_string()))?;
    let load = start.elapsed();
    let mut checksum = 0.0;
    let start = Instant::now();
    for _ in 0..rounds.max(1) {
        for n in &notes {
            if let Ok(c) = classifier::classify_with(model, n) {
                checksum += c.confidence;
                checksum += if c.level == Rating::Exceeds { 1.0 } else { 0.0 };
            }
        }
    }
    let elapsed = start.elapsed();
    let per = elapsed.as_secs_f64() * 1e6 / (rounds.max(1) * notes.len()) as f64;
    let raw = classifier::EMBEDDED_MODEL.len();
    outln!("model load (parse, once): {:.2} ms", load.as_secs_f64() * 1e3);
    outln!(
        "classify: {per:.1} µs per note (mean over {} notes x {} rounds, mean length {} chars; checksum {checksum:.1})",
        notes.len(),
        rounds.max(1),
        notes.iter().map(|n| n.chars().count()).sum::<usize>() / notes.len()
    );
    outln!("embedded model: {raw} bytes raw (gzip: run `gzip -9 -c {DEFAULT_MODEL} | wc -c`)");
    Ok(ExitCode::SUCCESS)
}
