//! `scorecard convert`, `scorecard link` and `scorecard unlink`: the interchange formats of
//! `scorecard::core::interchange` on the command line. Results go to stdout; the Greenhouse
//! attribute mapping report and all errors go to stderr. Each takes a batch (several FILEs or
//! links, a list, JSON lines, --jsonl): one result per line, each failure named by its place,
//! exit 1 if any failed.

use std::process::ExitCode;

use scorecard::core::interchange::link::MAX_LINK_INPUT_CHARS;
use scorecard::core::interchange::{
    encode_link, encode_link_url, export_greenhouse, export_json, export_markdown, import_auto, import_greenhouse,
    import_json, text_bias_risk, BiasLeftOut, Format, ImportError, MatchKind, LINK_PREFIX,
};
use scorecard::core::json::position_in;
use scorecard::core::scorecard::clip;
use scorecard::core::{Rubric, Scorecard};

use crate::common::{
    greenhouse_message, import_message, label, read_document, read_items, read_records, read_without_jsonl, rubric,
    Args, Failure, Item, Part, ReadError,
};
use crate::links::link_json;

/// A file read with --jsonl that starts as a pretty-printed document does: its label, and the
/// range of its lines among the inputs.
type Pretty = (String, std::ops::Range<usize>);

/// The inputs of `convert` and `link`, read as `recommend`, `validate` and `compare` read theirs
/// ([`read_items`]): each FILE (`-` or nothing for stdin) may hold one scorecard, a JSON list of
/// them (the Greenhouse list `GET /v1/scorecards` returns), JSON lines, documents one after
/// another, or share links (as pasted from chat or mail: each link decoded to its document, prose
/// between them skipped: [`Item::skipped`]), each named by its place; with --jsonl, each line is
/// read on its own (a share link too). Also whether this is a batch (more than one scorecard,
/// more than one FILE, or --jsonl), for which each result is written on one line; and the files
/// read with --jsonl that start as a pretty-printed document does, with the range of their
/// inputs, for [`batch_exit`] to say "read it without --jsonl" when none of them read.
fn inputs(args: &Args) -> (Vec<Item>, bool, Vec<Pretty>) {
    let paths = args.inputs();
    let mut out = Vec::new();
    let mut pretty = Vec::new();
    let jsonl = args.flag("--jsonl");
    for path in &paths {
        let read = read_items(path, jsonl);
        let start = out.len();
        out.extend(read.items);
        if read.pretty {
            pretty.push((label(path), start..out.len()));
        }
    }
    let batch = jsonl || paths.len() > 1 || out.iter().filter(|i| !matches!(i.part, Part::Prose(_))).count() > 1;
    (out, batch, pretty)
}

/// An error in reading an input, said with its source (and where its lines count from).
fn error(input: &Item, e: String) -> String {
    format!("{}: {}", input.source, input.locate(e))
}

/// Reads one scorecard's text in the format `from`, printing the mapping report for Greenhouse
/// input to stderr unless `quiet`, and its warnings (what was not imported) always.
fn load(text: &str, at: &str, from: &str, rubric: &Rubric, quiet: bool) -> Result<Scorecard, String> {
    // A text of one line (a line of JSON lines, named "file:3") says "at column C", not "at line
    // 1", as `recommend`, `validate` and `compare` say it ([`position_in`]).
    let invalid = |e: ImportError| match e {
        ImportError::NotJson { message, .. } => format!("not JSON: {}", position_in(text, message)),
        e => import_message(&e),
    };
    match from {
        // A Greenhouse object given as --from json fails on its missing "format": say what it is.
        "json" => import_json(text, rubric).map_err(|e| {
            let e = invalid(e);
            let hint = if is_greenhouse(text) {
                " (this is a Greenhouse scorecard: use --from greenhouse, or --from auto)"
            } else {
                ""
            };
            format!("{e}{hint}")
        }),
        // And a scorecard document given as --from greenhouse: the core says "import it as
        // JSON"; say how here.
        "greenhouse" => {
            let g = import_greenhouse(text, rubric).map_err(|e| {
                let scorecard = matches!(&e, ImportError::Invalid(e) if e.path == "format");
                format!("{}{}", invalid(e), if scorecard { " (--from json, or --from auto)" } else { "" })
            })?;
            report(at, &g.mappings, &g.warnings, quiet);
            Ok(g.card)
        }
        _ => {
            // Said as `recommend`, `validate` and `compare` say it: what was read as Greenhouse
            // (an object with "attributes" or "overall_recommendation") is named so.
            let imported = import_auto(text, rubric).map_err(|e| {
                if is_greenhouse(text) {
                    greenhouse_message(&e)
                } else {
                    invalid(e)
                }
            })?;
            if imported.format == Format::Greenhouse {
                report(at, &imported.mappings, &imported.warnings, quiet);
            }
            Ok(imported.card)
        }
    }
}

/// Whether `text` is read as a Greenhouse scorecard object by `--from auto` (on an error only).
fn is_greenhouse(text: &str) -> bool {
    scorecard::core::json::parse(text).ok().and_then(|v| scorecard::core::interchange::detect(&v).ok())
        == Some(Format::Greenhouse)
}

/// One stderr line per Greenhouse attribute, how it was mapped (unless `quiet`), then one per
/// warning: what was not imported, which `--quiet` does not hide.
fn report(at: &str, mappings: &[scorecard::core::interchange::AttributeMapping], warnings: &[String], quiet: bool) {
    for m in mappings.iter().filter(|_| !quiet) {
        match (&m.capability, m.how) {
            (Some(cap), how) => {
                eprintln!("scorecard: {at}: attribute \"{}\" -> {cap} ({})", clip(&m.attribute), how_label(how))
            }
            // Without a note, the warnings below say its rating was not imported.
            (None, _) => eprintln!(
                "scorecard: {at}: attribute \"{}\" -> no capability; its note, if any, became observations",
                clip(&m.attribute)
            ),
        }
    }
    for w in warnings {
        eprintln!("scorecard: {at}: {w}");
    }
}

fn how_label(how: MatchKind) -> &'static str {
    match how {
        MatchKind::Exact => "exact",
        MatchKind::Synonym => "synonym",
        MatchKind::Similar => "similar",
        MatchKind::Unmatched => "unmatched",
    }
}

/// `scorecard convert [--from json|greenhouse|auto] [--to json|greenhouse|markdown] [--quiet] [--jsonl] [--rubric FILE] [FILE...|-]`
///
/// One scorecard in (one FILE holding one document) gives its conversion as before: pretty JSON
/// or Markdown. A batch ([`inputs`]) gives one result per scorecard, in input order, each JSON
/// result on one line (Markdown documents one after another); one that cannot be converted is
/// named on stderr with its place ("file [2]", "file:3") and the others are still converted,
/// then exit 1.
pub fn convert(rest: &[String]) -> Result<ExitCode, Failure> {
    let args = Args::parse_stdin_default(rest, &["--quiet", "--jsonl"], &["--from", "--to", "--rubric"])?;
    let from = args.value("--from").unwrap_or("auto");
    let to = args.value("--to").unwrap_or("json");
    if !["json", "greenhouse", "markdown"].contains(&to) {
        return Err(Failure::Usage(format!(
            "--to: unknown format \"{}\"; expected json, greenhouse or markdown",
            clip(to)
        )));
    }
    if !["json", "greenhouse", "auto"].contains(&from) {
        return Err(Failure::Usage(format!(
            "--from: unknown format \"{}\"; expected json, greenhouse or auto",
            clip(from)
        )));
    }
    let rubric = rubric(&args)?;
    let (inputs, batch, pretty) = inputs(&args);
    let (mut done, mut written) = (Vec::new(), false);
    for input in inputs.iter().filter(|i| !i.skipped()) {
        match convert_one(input, from, to, &rubric, args.flag("--quiet"), batch) {
            Ok(result) => {
                // Markdown documents one after another, a blank line between them (not after
                // the last: the output ends as one document does).
                if to == "markdown" && written {
                    outln!();
                }
                out!("{result}");
                written = true;
                done.push(true);
            }
            Err(e) if !batch => return Err(Failure::Invalid(error(input, e))),
            Err(e) => {
                done.push(false);
                eprintln!("scorecard: {}", error(input, e));
            }
        }
    }
    Ok(batch_exit(&done, &pretty))
}

/// The exit code of a batch whose inputs were `done` or not: 1 when any failed (after a summary
/// line when there were several), else 0. Last, as `recommend` and `compare` say it, the hint for
/// a `pretty` file read with --jsonl of which no line was read.
fn batch_exit(done: &[bool], pretty: &[Pretty]) -> ExitCode {
    let (failed, of) = (done.iter().filter(|d| !**d).count(), done.len());
    if failed == 0 {
        return ExitCode::SUCCESS;
    }
    if failed == of && of > 1 {
        eprintln!("scorecard: none of the {of} done (each named above)");
    } else if of > 1 {
        eprintln!("scorecard: {failed} of {of} not done (each named above); the others were written");
    }
    for (label, range) in pretty {
        if !done.get(range.clone()).unwrap_or_default().iter().any(|d| *d) {
            eprintln!("scorecard: {}", read_without_jsonl(label));
        }
    }
    ExitCode::from(1)
}

/// Converts one scorecard: the text to write, ending with a line break (JSON on one line in a
/// `batch`).
fn convert_one(
    input: &Item,
    from: &str,
    to: &str,
    rubric: &Rubric,
    quiet: bool,
    batch: bool,
) -> Result<String, String> {
    let text = input.text()?;
    let at = &input.source;
    let card = load(text, at, from, rubric, quiet)?;
    // What goes to the ATS or a debrief carries only ratings the interviewer stands by, as in
    // the widget: ratings drafted from observations (`scorecard draft`) are confirmed first.
    let drafted: Vec<String> =
        card.ratings.drafted().filter_map(|c| rubric.capability(c)).map(|c| c.name.clone()).collect();
    if to != "json" && !drafted.is_empty() {
        return Err(format!(
            "not converted to {to}: confirm the ratings drafted from observations first ({}): remove their \"drafted\": true",
            scorecard::core::engine::join_names(drafted)
        ));
    }
    // The Greenhouse export leaves bias-risk notes out silently in the file itself (the
    // Markdown says so in its text): say what went, as the warnings do on import, even with
    // --quiet.
    if to == "greenhouse" {
        if let Some(left_out) = BiasLeftOut::of(&card, rubric, text_bias_risk).summary() {
            eprintln!("scorecard: {at}: flagged as a bias risk and left out: {left_out}");
        }
        let impressions = card.observations.iter().filter(|o| scorecard::core::interchange::impression(o)).count();
        if impressions > 0 {
            eprintln!(
                "scorecard: {at}: flagged as not evidence of behaviour and left out of Key Take-Aways: {impressions} observation{}",
                if impressions == 1 { "" } else { "s" }
            );
        }
    }
    Ok(match to {
        "json" if batch => format!("{}\n", scorecard::core::json::write(&card.to_value(), false)),
        "json" => format!("{}\n", export_json(&card)),
        "greenhouse" => {
            let gh = export_greenhouse(&card, rubric);
            if let Some(lost) = candidate_not_carried(&card, !gh["candidate_id"].is_null()) {
                eprintln!("scorecard: {at}: {lost}");
            }
            format!("{}\n", scorecard::core::json::write(&gh, !batch))
        }
        _ => export_markdown(&card, rubric),
    })
}

/// What a Greenhouse export does not carry of the candidate, said as a warning: Greenhouse's
/// scorecard has no candidate but its `candidate_id` (a whole number), so the name never goes,
/// nor an id such as "c-ada"; in a batch, such a scorecard could not be tied back to anyone.
fn candidate_not_carried(card: &Scorecard, id_carried: bool) -> Option<String> {
    let c = &card.candidate;
    let name = (!c.name.is_empty()).then(|| format!("name \"{}\"", clip(&c.name)));
    let id_lost = !c.id.is_empty() && !id_carried;
    let id = id_lost.then(|| format!("id \"{}\"", clip(&c.id)));
    let (what, verb) = match (name, id) {
        (Some(name), Some(id)) => (format!("{name} and {id}"), "are"),
        (Some(one), None) | (None, Some(one)) => (one, "is"),
        (None, None) => return None,
    };
    let why = if id_lost { " (its candidate_id takes a whole number only)" } else { "" };
    Some(format!("the candidate's {what} {verb} not carried{why}: Greenhouse takes the candidate from the application"))
}

/// `scorecard link [--base URL] [--rubric FILE] [--jsonl] FILE...|-`: the share-link fragment,
/// or a full URL, one line per scorecard; the inputs are read as `convert` reads them
/// ([`inputs`]), and one that cannot be linked is named on stderr (then exit 1). A share link
/// given to it is written again, re-encoded (on `--base` when given), not refused: that makes a
/// fragment a full link or moves a link to another address, and checks it on the way.
pub fn link(rest: &[String]) -> Result<ExitCode, Failure> {
    let args = Args::parse(rest, &["--jsonl"], &["--base", "--rubric"])?;
    if args.positional.is_empty() {
        return Err(Failure::Usage("link needs a scorecard FILE (or - for stdin)".into()));
    }
    // A link is one line: white space or a control character would break it in two. And it is
    // opened in a browser: the base is the address of the page that serves the widget.
    if let Some(base) = args.value("--base") {
        if base.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(Failure::Usage("--base must be a URL with no spaces or line breaks".into()));
        }
        let lower = base.to_ascii_lowercase();
        if !(lower.starts_with("https://") || lower.starts_with("http://"))
            || base.len() <= "http://".len() + usize::from(lower.starts_with("https"))
        {
            return Err(Failure::Usage(format!("--base must be the http(s) address of the widget's page, such as https://ats.example.com/scorecard/; found \"{}\"", clip(base))));
        }
    }
    let rubric = rubric(&args)?;
    let (inputs, batch, pretty) = inputs(&args);
    let mut done = Vec::new();
    for input in inputs.iter().filter(|i| !i.skipped()) {
        let made = input.text().and_then(|text| {
            // A scorecard document or a Greenhouse object, as every command reads one.
            let card = load(text, &input.source, "auto", &rubric, true)?;
            let made = match args.value("--base") {
                Some(base) => encode_link_url(&card, base),
                None => encode_link(&card),
            };
            made.map_err(|e| e.to_string())
        });
        match made {
            Ok(link) => {
                outln!("{link}");
                done.push(true);
            }
            Err(e) if !batch => return Err(Failure::Invalid(error(input, e))),
            Err(e) => {
                done.push(false);
                eprintln!("scorecard: {}", error(input, e));
            }
        }
    }
    Ok(batch_exit(&done, &pretty))
}

/// `scorecard unlink [--rubric FILE] [--jsonl] URL...|-`: the scorecard a share link holds, as
/// JSON. `-` reads one link from stdin (a link a mail client wrapped over lines too). Several
/// links (arguments, or with --jsonl one per line of each FILE or stdin) give one scorecard per
/// line, in order; one that cannot be read is named on stderr ("link 2", "file:3"), the others
/// are still written, then exit 1.
pub fn unlink(rest: &[String]) -> Result<ExitCode, Failure> {
    let args = Args::parse(rest, &["--jsonl"], &["--rubric"])?;
    if args.positional.is_empty() {
        return Err(Failure::Usage("unlink needs a share URL or fragment (or - for stdin)".into()));
    }
    let links: Vec<(String, Result<String, String>)> = if args.flag("--jsonl") {
        let mut links = Vec::new();
        for path in &args.positional {
            match read_records(path) {
                Ok(lines) => {
                    links.extend(lines.records.into_iter().map(|(at, l)| (at, l.map(|l| l.trim().to_string()))))
                }
                Err(e) => {
                    // What it reads is links: an input of blank lines holds none.
                    let message = if matches!(e.error, ReadError::NoScorecard { .. }) {
                        "no share link in it".to_string()
                    } else {
                        e.message()
                    };
                    links.push((e.label, Err(message)));
                }
            }
        }
        links
    } else {
        let mut links = Vec::new();
        for (i, one) in args.positional.iter().enumerate() {
            let text =
                if one == "-" { read_document("-", MAX_LINK_INPUT_CHARS, "a share link") } else { Ok(one.clone()) };
            // Nothing on stdin is no link, said so (as with --jsonl), not "not a share link".
            let text = text.map_err(|e| e.message()).and_then(|t| match t.trim().is_empty() {
                true if one == "-" => Err("empty: no share link in it".to_string()),
                _ => Ok(t),
            });
            links.push((if one == "-" { "stdin".to_string() } else { format!("link {}", i + 1) }, text));
        }
        links
    };
    let batch = args.flag("--jsonl") || links.len() > 1;
    let rubric = rubric(&args)?;
    let mut done = Vec::new();
    for (source, link) in &links {
        match link.clone().and_then(|link| unlink_one(&link, &rubric)) {
            Ok(card) if batch => {
                outln!("{}", scorecard::core::json::write(&card.to_value(), false));
                done.push(true);
            }
            Ok(card) => {
                outln!("{}", export_json(&card));
                done.push(true);
            }
            // One link alone: its message as before, with no "link 1"; stdin named, as every
            // command names it, and when it holds one link per line (`scorecard link a b |`),
            // how to read them.
            Err(e) if !batch => {
                return Err(Failure::Invalid(
                    match link {
                        Ok(text) if source == "stdin" => {
                            match text.lines().filter(|l| l.contains(LINK_PREFIX)).count() {
                            links @ 2.. => format!(
                                "stdin: {links} share links, one per line, where - reads one: `scorecard unlink --jsonl -` reads each"
                            ),
                            _ => format!("stdin: {e}"),
                        }
                        }
                        Err(_) => format!("stdin: {e}"),
                        Ok(_) => e,
                    },
                ))
            }
            Err(e) => {
                done.push(false);
                eprintln!("scorecard: {source}: {e}");
            }
        }
    }
    Ok(batch_exit(&done, &[]))
}

/// The scorecard one share link holds, or why it cannot be read.
fn unlink_one(link: &str, rubric: &Rubric) -> Result<Scorecard, String> {
    let json = link_json(link).map_err(|e| {
        // A file's name given where the link belongs: say how to read the links it holds.
        let file = link != "-" && !link.contains(LINK_PREFIX) && std::path::Path::new(link).is_file();
        let hint = if file { format!(" (\"{}\" is a file: `scorecard unlink - < FILE` reads the link in it, `scorecard unlink --jsonl FILE` one link per line)", label(link)) } else { String::new() };
        format!("{e}{hint}")
    })?;
    import_json(&json, rubric).map_err(|e| import_message(&e))
}
