//! `scorecard convert`, `scorecard link` and `scorecard unlink`: the interchange formats of
//! `scorecard::core::interchange` on the command line. Results go to stdout; the Greenhouse
//! attribute mapping report and all errors go to stderr.

use std::process::ExitCode;

use scorecard::core::interchange::link::{decode_link_json, MAX_LINK_INPUT_CHARS};
use scorecard::core::interchange::{
    decode_link, encode_link, encode_link_url, export_greenhouse, export_json, export_markdown, import_auto, import_greenhouse, import_json,
    text_bias_risk, BiasLeftOut, Format, ImportError, MatchKind, LINK_PREFIX,
};
use scorecard::core::scorecard::{clip, MAX_DOCUMENT_BYTES};
use scorecard::core::{Rubric, Scorecard};
use serde_json::Value;

use crate::common::{label, read_document, rubric, Args, Failure};

/// The one input file of a command (`-` or nothing for stdin), refusing more than one.
fn one_input(args: &Args, command: &str) -> Result<String, Failure> {
    match args.positional.as_slice() {
        [] => Ok("-".to_string()),
        [one] => Ok(one.clone()),
        more => Err(Failure::Usage(format!("{command} takes one FILE, found {}", more.len()))),
    }
}

/// Reads a scorecard from `path` in the format `from`, printing the mapping report for
/// Greenhouse input to stderr unless `quiet`, and its warnings (what was not imported) always.
fn load(path: &str, from: &str, rubric: &Rubric, quiet: bool) -> Result<Scorecard, Failure> {
    let text = only_item(read_document(path, MAX_DOCUMENT_BYTES, "a scorecard or Greenhouse document")?);
    let at = &label(path);
    let invalid = |e: scorecard::core::interchange::ImportError| Failure::Invalid(format!("{at}: {e}"));
    match from {
        // A Greenhouse object given as --from json fails on its missing "format": say what it is.
        "json" => import_json(&text, rubric).map_err(|e| {
            let greenhouse = scorecard::core::json::parse(&text).ok().and_then(|v| scorecard::core::interchange::detect(&v).ok()) == Some(Format::Greenhouse);
            let hint = if greenhouse { " (this is a Greenhouse scorecard: use --from greenhouse, or --from auto)" } else { "" };
            Failure::Invalid(format!("{at}: {e}{hint}"))
        }),
        "greenhouse" => {
            let g = import_greenhouse(&text, rubric).map_err(invalid)?;
            report(at, &g.mappings, &g.warnings, quiet);
            Ok(g.card)
        }
        "auto" => {
            let imported = import_auto(&text, rubric).map_err(invalid)?;
            if imported.format == Format::Greenhouse {
                report(at, &imported.mappings, &imported.warnings, quiet);
            }
            Ok(imported.card)
        }
        other => Err(Failure::Usage(format!("--from: unknown format \"{}\"; expected json, greenhouse or auto", clip(other)))),
    }
}

/// A JSON list of one object as that object's text, whatever it is (a scorecard document, a
/// Greenhouse object): the Greenhouse import reads a list of one (as its list endpoints return),
/// and a scorecard document is read alike. Any other text is returned as it is.
fn only_item(text: String) -> String {
    if !text.trim_start().starts_with('[') {
        return text;
    }
    match scorecard::core::json::parse(&text) {
        Ok(Value::Array(items)) => match items.as_slice() {
            [item @ Value::Object(_)] => scorecard::core::json::to_text(item),
            _ => text,
        },
        _ => text,
    }
}

/// One stderr line per Greenhouse attribute, how it was mapped (unless `quiet`), then one per
/// warning: what was not imported, which `--quiet` does not hide.
fn report(at: &str, mappings: &[scorecard::core::interchange::AttributeMapping], warnings: &[String], quiet: bool) {
    for m in mappings.iter().filter(|_| !quiet) {
        match (&m.capability, m.how) {
            (Some(cap), how) => eprintln!("scorecard: {at}: attribute \"{}\" -> {cap} ({})", clip(&m.attribute), how_label(how)),
            // Without a note, the warnings below say its rating was not imported.
            (None, _) => eprintln!("scorecard: {at}: attribute \"{}\" -> no capability; its note, if any, became observations", clip(&m.attribute)),
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

/// `scorecard convert [--from json|greenhouse|auto] [--to json|greenhouse|markdown] [--rubric FILE] [--quiet] [FILE|-]`
pub fn convert(rest: &[String]) -> Result<ExitCode, Failure> {
    let args = Args::parse(rest, &["--quiet"], &["--from", "--to", "--rubric"])?;
    let from = args.value("--from").unwrap_or("auto");
    let to = args.value("--to").unwrap_or("json");
    if !["json", "greenhouse", "markdown"].contains(&to) {
        return Err(Failure::Usage(format!("--to: unknown format \"{}\"; expected json, greenhouse or markdown", clip(to))));
    }
    if !["json", "greenhouse", "auto"].contains(&from) {
        return Err(Failure::Usage(format!("--from: unknown format \"{}\"; expected json, greenhouse or auto", clip(from))));
    }
    let path = one_input(&args, "convert")?;
    let rubric = rubric(&args)?;
    let card = load(&path, from, &rubric, args.flag("--quiet"))?;
    // What goes to the ATS or a debrief carries only ratings the interviewer stands by, as in
    // the widget: ratings drafted from observations (`scorecard draft`) are confirmed first.
    let drafted: Vec<String> = card.ratings.drafted().filter_map(|c| rubric.capability(c)).map(|c| c.name.clone()).collect();
    if to != "json" && !drafted.is_empty() {
        return Err(Failure::Invalid(format!(
            "{}: not converted to {to}: confirm the ratings drafted from observations first ({}): remove their \"drafted\": true",
            label(&path),
            scorecard::core::engine::join_names(drafted)
        )));
    }
    // The Greenhouse export leaves bias-risk notes out silently in the file itself (the
    // Markdown says so in its text): say what went, as the warnings do on import, even with
    // --quiet.
    if to == "greenhouse" {
        if let Some(left_out) = BiasLeftOut::of(&card, &rubric, text_bias_risk).summary() {
            eprintln!("scorecard: {}: flagged as a bias risk and left out: {left_out}", label(&path));
        }
        let impressions = card.observations.iter().filter(|o| scorecard::core::interchange::impression(o)).count();
        if impressions > 0 {
            eprintln!(
                "scorecard: {}: flagged as not evidence of behaviour and left out of Key Take-Aways: {impressions} observation{}",
                label(&path),
                if impressions == 1 { "" } else { "s" }
            );
        }
    }
    match to {
        "json" => outln!("{}", export_json(&card)),
        "greenhouse" => {
            let gh = export_greenhouse(&card, &rubric);
            if let Some(lost) = candidate_not_carried(&card, !gh["candidate_id"].is_null()) {
                eprintln!("scorecard: {}: {lost}", label(&path));
            }
            outln!("{}", scorecard::core::json::write(&gh, true));
        }
        _ => out!("{}", export_markdown(&card, &rubric)),
    }
    Ok(ExitCode::SUCCESS)
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

/// `scorecard link [--base URL] [--rubric FILE] FILE`: the share-link fragment, or a full URL.
pub fn link(rest: &[String]) -> Result<ExitCode, Failure> {
    let args = Args::parse(rest, &[], &["--base", "--rubric"])?;
    if args.positional.is_empty() {
        return Err(Failure::Usage("link needs a scorecard FILE (or - for stdin)".into()));
    }
    let path = one_input(&args, "link")?;
    // A link is one line: white space or a control character would break it in two. And it is
    // opened in a browser: the base is the address of the page that serves the widget.
    if let Some(base) = args.value("--base") {
        if base.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(Failure::Usage("--base must be a URL with no spaces or line breaks".into()));
        }
        let lower = base.to_ascii_lowercase();
        if !(lower.starts_with("https://") || lower.starts_with("http://")) || base.len() <= "http://".len() + usize::from(lower.starts_with("https")) {
            return Err(Failure::Usage(format!("--base must be the http(s) address of the widget's page, such as https://ats.example.com/scorecard/; found \"{}\"", clip(base))));
        }
    }
    let rubric = rubric(&args)?;
    let card = load(&path, "json", &rubric, true)?;
    let made = match args.value("--base") {
        Some(base) => encode_link_url(&card, base),
        None => encode_link(&card),
    };
    let link = made.map_err(|e| Failure::Invalid(format!("{}: {e}", label(&path))))?;
    outln!("{link}");
    Ok(ExitCode::SUCCESS)
}

/// `scorecard unlink [--rubric FILE] URL`: the scorecard a share link holds, as JSON. `-` reads
/// the link from stdin.
pub fn unlink(rest: &[String]) -> Result<ExitCode, Failure> {
    let args = Args::parse(rest, &[], &["--rubric"])?;
    let link = match args.positional.as_slice() {
        [one] if one == "-" => read_document("-", MAX_LINK_INPUT_CHARS, "a share link")?,
        [one] => one.clone(),
        [] => return Err(Failure::Usage("unlink needs a share URL or fragment (or - for stdin)".into())),
        more => return Err(Failure::Usage(format!("unlink takes one URL, found {}", more.len()))),
    };
    let rubric = rubric(&args)?;
    let card = decode_link(&link, &rubric).map_err(|e| {
        // Text pasted with the link (a message: "… thanks"), which the decoder reads as more of
        // its data (white space is skipped: mail clients wrap links) and calls truncated or
        // corrupt: when the link before the first space reads alone, say so instead. Here rather
        // than in the core, whose wasm the web pages download.
        let alone = link.trim().split_once(' ').map(|(alone, _)| alone);
        if matches!(e, ImportError::Link(_)) && alone.is_some_and(|alone| decode_link_json(alone).is_ok()) {
            return Failure::Invalid("text follows the share link; copy the link alone, without what follows it".into());
        }
        // A file's name given where the link belongs: say how to read the link it holds.
        let file = link != "-" && !link.contains(LINK_PREFIX) && std::path::Path::new(&link).is_file();
        let hint = if file { format!(" (\"{}\" is a file: `scorecard unlink - < FILE` reads the link in it)", label(&link)) } else { String::new() };
        Failure::Invalid(format!("{e}{hint}"))
    })?;
    outln!("{}", export_json(&card));
    Ok(ExitCode::SUCCESS)
}
