//! What every subcommand shares: the usage text, failures, option parsing and reading input.

use std::io::Read;

use scorecard::core::committee::{split_input, Piece};
use scorecard::core::interchange::greenhouse::import_greenhouse_value;
use scorecard::core::interchange::{decode_text, detect, Format, ImportError};
use scorecard::core::ladder::{looks_like_ladder, rubric_from_ladder};
use scorecard::core::rubric::MAX_RUBRIC_BYTES;
use scorecard::core::scorecard::clip;
use scorecard::core::wire::looks_like_link;
use scorecard::core::{Rubric, Scorecard};

use crate::links::{join_wrapped_links, link_groups, link_json, starts_link, Group};

/// Each command: its name, its synopsis, and what it does, as `scorecard <command> --help` prints
/// it and `scorecard --help` lists it.
pub const COMMANDS: [(&str, &str, &str); 10] = [
    (
        "recommend",
        "[--jsonl] [--rubric FILE] [FILE...|-]",
        "One JSON line per scorecard: source, candidate, interviewer, decision, level, consider_level,
greenhouse, confidence, score, rationale, and drafted (the capabilities whose rating was drafted
from observations and is not confirmed yet; the rationale says so too). Stdin when no FILE.
A file may hold one scorecard, a JSON list of them, JSON lines, or documents one after another
(\"file [2]\" is its second); --jsonl reads each line on its own (\"file:3\"). Each may be a
scorecard document or a Greenhouse scorecard object, read as `convert --from greenhouse` reads
it, with what it does not carry said on stderr. A FILE of share links is read as convert reads
it (one per line, wrapped over lines, in a list; other text named on stderr as skipped), and
with --jsonl a line that is a link too (a link wrapped over lines joined). Each scorecard that
cannot be read is named on stderr and the rest are still printed, then exit 1; so is an input
holding no scorecard.",
    ),
    (
        "validate",
        "[--json] [--jsonl] [--rubric FILE] FILE...|-",
        "Checks every scorecard, read as recommend reads them (Greenhouse objects, share links too):
\"SOURCE: valid\" on stdout for each good one, each bad one named on stderr with its field;
exit 1 if any is invalid or an input holds none. --json writes instead one JSON line per
scorecard, and per input that holds none: {\"source\", \"file\", \"valid\", \"errors\",
\"warnings\"}, each error and warning {\"code\", \"path\", \"message\"}. Error codes: unreadable,
too_large, not_text, no_scorecard, not_json, invalid (path: the field), greenhouse (path: the
field it names, if any), link (a share link that cannot be read), rubric (--rubric FILE cannot
be read or is not a rubric: the one line, its source the rubric's; nothing is checked), usage
(the command line is wrong: the one line, its source \"command line\"; exit 2); warning code:
not_carried (what a Greenhouse import did not carry). Stderr and the exit code are the
same with --json.",
    ),
    (
        "classify",
        "[FILE|-]",
        "JSON lines {\"id\", \"text\"} in (stdin when no FILE); one JSON line out per note: id, capability,
level, confidence, level_confidence, evidence, flags (a flagged note is left untagged:
capability, level and confidence null). Stdout holds these only: a record that cannot be
classified is named on stderr (\"file:LINE (id ID): why\"), the others are still classified, then
exit 1; match results to notes by their id.",
    ),
    (
        "draft",
        "[--rubric FILE] [FILE|-]",
        "JSON lines of observations {\"text\", \"id\"?} in (stdin when no FILE); one scorecard out, its
observations tagged, its ratings drafted from them (each marked \"drafted\": true until a person
confirms it) and a recommendation.",
    ),
    (
        "classifier",
        "train|eval|cv|bench [options]",
        "Retrain, evaluate or time the observation classifier. The default files are the repository's
(data/corpus, data/model): run it from the repository's root, or name them (--corpus, --heldout,
--flags, --model, --file).
  scorecard classifier train [--corpus DIR] [--out FILE] [hyper-parameters as for cv; defaults are the shipped model's]
  scorecard classifier eval [--heldout FILE] [--flags FILE] [--corpus DIR] [--model FILE]
  scorecard classifier cv [--corpus DIR] [--folds N] [--errors] [--cap-l1 X] [--cap-l2 X] [--level-l1 X] [--level-l2 X] [--iterations N] [--nb-weight X] [--prune X] [--min-df N] [--scale N]
  scorecard classifier bench [--file FILE] [--rounds N]",
    ),
    (
        "compare",
        "[--jsonl] [--compact] [--rubric FILE] [FILE...|-]",
        "One JSON committee report: per candidate the matrix, consensus, disagreements, calibration and
recommendation. Files are read as recommend reads them (Greenhouse objects, what they do not
carry said on stderr, and share links too); unreadable scorecards are listed under \"failed\";
each one not counted (unreadable, another rubric, no candidate) is named on stderr; exit 1 if
none is counted.",
    ),
    (
        "convert",
        "[--from auto|json|greenhouse] [--to json|greenhouse|markdown] [--quiet] [--jsonl] [--rubric FILE] [FILE...|-]",
        "Converts scorecards. Defaults: --from auto (a scorecard document or a Greenhouse scorecard
object, whichever each is), --to json, stdin when no FILE. On stderr, the Greenhouse attribute
mapping (--quiet drops it) and what was not carried. One scorecard in gives one document out
(pretty JSON, or Markdown). Several (several FILEs; a list, such as Greenhouse's
GET /v1/scorecards returns; JSON lines; documents one after another; or --jsonl, each line on
its own, a link wrapped over lines joined) give one result per scorecard, in order: JSON on
one line each, Markdown one document after another. A FILE of share links (one per line,
wrapped over lines, in a list, as pasted from chat or mail) gives the scorecard each holds,
read as unlink reads it; JSON between links is read too, other text is named on stderr as
skipped, not a failure. Each that cannot be converted is named on stderr by its place
(\"file [2]\", \"file:3\"), the others are still written, then exit 1.",
    ),
    (
        "link",
        "[--base URL] [--jsonl] [--rubric FILE] FILE...|-",
        "The share-link fragment of each scorecard (the full URL with --base), one line each. A FILE,
or - for stdin, is needed; files are read as convert reads them (Greenhouse objects too, what
their import does not carry said on stderr; a FILE of share links gives each link again,
re-encoded, on --base if given), and each scorecard that cannot be linked is named on stderr
(then exit 1).",
    ),
    (
        "unlink",
        "[--jsonl] [--rubric FILE] URL...|-",
        "The scorecard a share link holds, as JSON; - reads one link from stdin (wrapped over lines
too). Several links (arguments, or with --jsonl one link per line of each FILE or of stdin, a
link wrapped over lines joined) give one scorecard per line, in order; each that cannot be read
is named on stderr (\"link 2\", \"file:3\"), the others are still written, then exit 1.",
    ),
    (
        "rubric",
        "[--policy-from FILE] [--quiet] [LADDER|-]",
        "A ladder document (the default rubric's text format) as a rubric file on stdout; the choices
made for it on stderr (--quiet drops them).",
    ),
];

/// What the help of every command that takes `--rubric` says of it (the whole usage too).
const RUBRIC_NOTE: &str = "--rubric FILE takes a rubric file or a ladder document (its policy: the embedded rubric's,
renumbered for the ladder's level; `scorecard rubric` shows it; a core rule or weight of that
policy no capability of the ladder takes is said in one line on stderr).";

/// What every command's help ends with.
const NOTES: &str = "Output goes to stdout, every message to stderr.
exit codes: 0 success, 1 invalid input, 2 usage error";

/// The widest line of the help, in characters: under a terminal's 100 columns.
const HELP_WIDTH: usize = 99;

/// `scorecard --help`: every command, its synopsis and what it does, re-wrapped ([`reflow`]) to
/// [`HELP_WIDTH`] under the indent.
pub fn usage() -> String {
    let mut out =
        String::from("usage: scorecard <command> [options]   (scorecard <command> --help: one command)\n\ncommands:\n");
    for (name, synopsis, what) in COMMANDS {
        for line in reflow(&format!("  {name} {synopsis}"), HELP_WIDTH, false) {
            out.push_str(&format!("{line}\n"));
        }
        for line in reflow(what, HELP_WIDTH - 6, true) {
            out.push_str(&format!("      {line}\n"));
        }
    }
    out.push_str(&format!("\n{RUBRIC_NOTE}\n\n{NOTES}"));
    out
}

/// `text` in lines of at most `width` characters. A line that starts with a space is a synopsis
/// ("  scorecard classifier cv [--corpus DIR] ..."): broken before a "[" when too long, its next
/// lines indented under its first "[". The other lines, when `paragraphs`, are joined and filled
/// again word by word; else kept as written.
fn reflow(text: &str, width: usize, paragraphs: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.starts_with(' ') {
            fill(std::mem::take(&mut words).into_iter().map(str::to_string), width, "", &mut out);
            out.extend(wrap_synopsis(line, width));
        } else if paragraphs {
            words.extend(line.split_whitespace());
        } else {
            out.push(line.to_string());
        }
    }
    fill(words.into_iter().map(str::to_string), width, "", &mut out);
    out
}

/// A synopsis ("usage: scorecard convert [--from ...] ...", indented or not) in lines of at most
/// `width` characters, broken before a "[", the lines after the first under its first "[".
fn wrap_synopsis(line: &str, width: usize) -> Vec<String> {
    let indent = line.len() - line.trim_start().len();
    let mut units = line.trim_start().split(" [");
    let head = format!("{}{}", " ".repeat(indent), units.next().unwrap_or_default());
    let hang = " ".repeat(head.chars().count() + 1);
    let mut out = Vec::new();
    fill(std::iter::once(head).chain(units.map(|u| format!("[{u}"))), width, &hang, &mut out);
    out
}

/// Lays `units` out on lines of at most `width` characters (a unit longer than that alone on its
/// line), separated by a space, the lines after the first starting with `hang`.
fn fill(units: impl Iterator<Item = String>, width: usize, hang: &str, out: &mut Vec<String>) {
    let mut line = String::new();
    for unit in units {
        if !line.trim_start().is_empty() && line.chars().count() + 1 + unit.chars().count() > width {
            out.push(std::mem::replace(&mut line, hang.to_string()));
        }
        if !line.trim_start().is_empty() {
            line.push(' ');
        }
        line.push_str(&unit);
    }
    if !line.trim().is_empty() {
        out.push(line);
    }
}

/// The synopsis line of a command, "usage: scorecard NAME ...", if it is one.
pub fn synopsis(cmd: &str) -> Option<String> {
    COMMANDS
        .iter()
        .find(|(name, _, _)| *name == cmd)
        .map(|(name, synopsis, _)| format!("usage: scorecard {name} {synopsis}"))
}

/// `scorecard <command> --help`: the command's synopsis, what it does, and the notes (what
/// `--rubric` takes only for a command that takes it: not `classify`, `classifier`, `rubric`).
pub fn command_usage(cmd: &str) -> Option<String> {
    let (_, options, what) = COMMANDS.iter().find(|(name, _, _)| *name == cmd)?;
    // As written, but for a synopsis in it too long for the width (the classifier's).
    let what = reflow(what, HELP_WIDTH, false).join("\n");
    let rubric = if options.contains("--rubric") { format!("{RUBRIC_NOTE}\n\n") } else { String::new() };
    Some(format!("{}\n\n{what}\n\n{rubric}{NOTES}", wrap_synopsis(&synopsis(cmd)?, HELP_WIDTH).join("\n")))
}

/// Why a command failed.
pub enum Failure {
    /// The command line is wrong: exit 2.
    Usage(String),
    /// The input is wrong: exit 1.
    Invalid(String),
}

/// The largest input read from one file or stdin.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// The first argument of the command line that is not UTF-8 text (a file named in Latin-1): as
/// Rust's `Debug` writes it (`"caf\xE9.json"`), and as it is among the arguments, made text (its
/// bytes that are not UTF-8 read as U+FFFD). [`Args::parse`] refuses it as a usage error, saying
/// what it is ([`not_utf8`]).
pub static NOT_UTF8: std::sync::OnceLock<(String, String)> = std::sync::OnceLock::new();

/// The options whose value names a file to read: an argument there that is not UTF-8 text is a
/// file to rename ([`not_utf8`]).
const FILE_OPTIONS: [&str; 7] = ["--rubric", "--policy-from", "--corpus", "--heldout", "--flags", "--model", "--file"];

/// What is said of the argument `lossy` that is not UTF-8 text (`shown` as [`NOT_UTF8`] holds it),
/// by what it is among `args` as [`Args::parse`] reads them: a FILE (or URL) operand, to rename or
/// give on stdin; an option's value (`--base URL`, `--rubric=FILE`), named by its option, a file
/// to rename only if the option reads one; or an option, which no command has (all are ASCII).
fn not_utf8(args: &[String], valued: &[&str], shown: &str, lossy: &str) -> String {
    let operand = format!("the argument {shown} is not UTF-8 text; rename the file, or give it on stdin (- < FILE)");
    let value = |option: &str| {
        let what = if FILE_OPTIONS.contains(&option) { "rename the file" } else { "give it as UTF-8 text" };
        format!("the argument {shown}, the value of {option}, is not UTF-8 text; {what}")
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let named = a.split_once('=').map(|(name, _)| name).filter(|name| valued.contains(name));
        if a == lossy {
            return match named {
                Some(option) => value(option),
                None if a.starts_with('-') && a != "-" => format!("unknown option {shown} (not UTF-8 text)"),
                None => operand,
            };
        }
        if named.is_none() && valued.contains(&a.as_str()) && it.next().is_some_and(|v| v == lossy) {
            return value(a);
        }
    }
    operand
}

/// Parsed options: flags, `--name value` pairs, and positional arguments.
pub struct Args {
    pub flags: Vec<String>,
    pub values: Vec<(String, String)>,
    pub positional: Vec<String>,
}

impl Args {
    /// Splits arguments. `flags` lists the options that take no value, `valued` those that take one.
    pub fn parse(args: &[String], flags: &[&str], valued: &[&str]) -> Result<Args, Failure> {
        if let Some((shown, lossy)) = NOT_UTF8.get() {
            return Err(Failure::Usage(not_utf8(args, valued, shown, lossy)));
        }
        let mut out = Args { flags: Vec::new(), values: Vec::new(), positional: Vec::new() };
        let mut it = args.iter();
        while let Some(a) = it.next() {
            if a == "-" || !a.starts_with('-') {
                out.positional.push(a.clone());
            } else if a == "--" {
                out.positional.extend(it.by_ref().cloned());
            } else if let Some((name, value)) = a.split_once('=').filter(|(n, _)| valued.contains(n)) {
                out.set_value(name, value)?;
            } else if valued.contains(&a.as_str()) {
                // `--rubric --jsonl` is a forgotten value, not a file named "--jsonl".
                let v = it
                    .next()
                    .filter(|v| !v.starts_with("--"))
                    .ok_or_else(|| Failure::Usage(format!("{a} needs a value")))?;
                out.set_value(a, v)?;
            } else if flags.contains(&a.as_str()) {
                out.flags.push(a.clone());
            } else {
                return Err(Failure::Usage(format!("unknown option \"{}\"", scorecard::core::scorecard::clip(a))));
            }
        }
        // `--rubric - -` too: stdin is one stream, whichever option reads it.
        if out.positional.iter().chain(out.values.iter().map(|(_, v)| v)).filter(|p| *p == "-").count() > 1 {
            return Err(Failure::Usage("stdin (-) can be read only once".into()));
        }
        Ok(out)
    }

    /// [`Args::parse`] for a command that reads stdin when no FILE is given (`recommend`,
    /// `compare`, `convert`, `draft`): there `--rubric -` with no FILE is a usage error, since
    /// the rubric would take stdin and leave the scorecards an empty one. (`validate`, `link` and
    /// `unlink` read nothing without a FILE or URL, and say that.)
    pub fn parse_stdin_default(args: &[String], flags: &[&str], valued: &[&str]) -> Result<Args, Failure> {
        let out = Args::parse(args, flags, valued)?;
        if out.positional.is_empty() && out.value("--rubric") == Some("-") {
            return Err(Failure::Usage(
                "stdin (-) can be read only once: --rubric - reads it, so name the input FILE".into(),
            ));
        }
        Ok(out)
    }

    /// The inputs named, or stdin (`-`) when none is.
    pub fn inputs(&self) -> Vec<String> {
        if self.positional.is_empty() {
            vec!["-".to_string()]
        } else {
            self.positional.clone()
        }
    }

    fn set_value(&mut self, name: &str, value: &str) -> Result<(), Failure> {
        if value.is_empty() {
            return Err(Failure::Usage(format!("{name} needs a value")));
        }
        if self.value(name).is_some() {
            return Err(Failure::Usage(format!("{name} is given twice")));
        }
        self.values.push((name.to_string(), value.to_string()));
        Ok(())
    }

    pub fn flag(&self, name: &str) -> bool {
        self.flags.iter().any(|f| f == name)
    }

    pub fn value(&self, name: &str) -> Option<&str> {
        self.values.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// How messages and the output name an input: its path, or "stdin" for `-`. A control or
/// invisible formatting character in the path is shown escaped (`\u001b`), as quoted input
/// text is, so that a file's name cannot send a terminal sequence or break a line in two.
pub fn label(path: &str) -> String {
    if path == "-" {
        "stdin".to_string()
    } else {
        scorecard::core::scorecard::escape_hidden(path)
    }
}

/// Why an input (a file, or stdin) could not be read, by kind: its code (`validate --json`) and
/// its message are both told from the kind ([`ReadFailure::code`], [`ReadFailure::message`]),
/// never from the message's words, so that rewording one cannot change a code.
pub enum ReadError {
    /// It cannot be opened or read: the system's reason.
    Unreadable(std::io::Error),
    /// It is over its limit, in bytes; `what`, when not empty, says whose limit it is ("a rubric
    /// file").
    TooLarge { limit: u64, what: &'static str },
    /// It is not UTF-8 text: why ([`decode_text`]'s message).
    NotText(String),
    /// It holds no scorecard; `empty` when it is white space alone.
    NoScorecard { empty: bool },
}

/// An input that could not be read: how it is named ([`label`]) and why ([`ReadError`]). Said as
/// "LABEL: MESSAGE" (its `Display`), as every failure names its input.
pub struct ReadFailure {
    pub label: String,
    pub error: ReadError,
}

impl ReadFailure {
    fn new(path: &str, error: ReadError) -> ReadFailure {
        ReadFailure { label: label(path), error }
    }

    /// The stable code of the failure (`validate --json`).
    pub fn code(&self) -> &'static str {
        match self.error {
            ReadError::Unreadable(_) => "unreadable",
            ReadError::TooLarge { .. } => "too_large",
            ReadError::NotText(_) => "not_text",
            ReadError::NoScorecard { .. } => "no_scorecard",
        }
    }

    /// What is said of the input after its label.
    pub fn message(&self) -> String {
        match &self.error {
            ReadError::Unreadable(e) => format!("cannot read: {e}"),
            ReadError::TooLarge { limit, what: "" } => format!("larger than {limit} bytes"),
            ReadError::TooLarge { limit, what } => format!("larger than {limit} bytes, the limit of {what}"),
            ReadError::NotText(e) => e.clone(),
            ReadError::NoScorecard { empty: true } => format!("empty: {NO_SCORECARD}"),
            ReadError::NoScorecard { empty: false } => NO_SCORECARD.to_string(),
        }
    }
}

impl std::fmt::Display for ReadFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.label, self.message())
    }
}

/// A command that cannot go on without the input fails with its message: exit 1.
impl From<ReadFailure> for Failure {
    fn from(e: ReadFailure) -> Failure {
        Failure::Invalid(e.to_string())
    }
}

/// Reads a file, or stdin for `-`, as UTF-8 text, with a size cap.
pub fn read_input(path: &str) -> Result<String, ReadFailure> {
    read_at_most(path, MAX_INPUT_BYTES, "an input; split it into smaller files")
}

/// Reads one document of a kind with its own size limit (a scorecard, a rubric): no more than
/// one byte past the limit is read, so `/dev/zero` or a huge file is refused without holding it.
pub fn read_document(path: &str, limit: usize, what: &'static str) -> Result<String, ReadFailure> {
    read_at_most(path, limit as u64, what)
}

/// The bytes of a file, or of stdin for `-`, refused past `limit` (`what`, when given, says whose
/// limit it is): no more than one byte past it is read, so `/dev/zero` is refused too.
fn read_bytes(path: &str, limit: u64, what: &'static str) -> Result<Vec<u8>, ReadFailure> {
    let mut bytes = Vec::new();
    let res = if path == "-" {
        std::io::stdin().lock().take(limit + 1).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
    };
    res.map_err(|e| ReadFailure::new(path, ReadError::Unreadable(e)))?;
    if bytes.len() as u64 > limit {
        return Err(ReadFailure::new(path, ReadError::TooLarge { limit, what }));
    }
    if let Some(encoding) = other_encoding(&bytes) {
        return Err(ReadFailure::new(path, ReadError::NotText(format!("{encoding}; save it as UTF-8"))));
    }
    Ok(bytes)
}

/// The encoding of text that is not UTF-8 but UTF-16 or UTF-32, with its byte-order mark or
/// without, as every reader refuses it (whole or as JSON lines, a file or stdin): "UTF-16 text",
/// "UTF-32 text (without a byte-order mark)". Read as UTF-8 it held NUL bytes, and was said to be
/// "not JSON: key must be a string", or line by line "not UTF-8 text (byte 1 of the line)".
///
/// Without a mark, it is told by its first code units (up to 4 of UTF-32, else up to 8 of
/// UTF-16): in each, a character that is not NUL beside zero bytes, on the same side in every unit,
/// as `{"format"` or `# Ladder` is written. No text holds NUL, so a unit of zeros (UTF-32 read as
/// UTF-16) or one with no zero byte ends it: a binary file whose second byte is 0 is left to the
/// UTF-8 reader, which names its first byte that is not UTF-8, as it refuses UTF-16 that starts
/// with characters holding no zero byte (CJK) without naming it.
fn other_encoding(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        // UTF-32LE's mark starts as UTF-16LE's does: no text starts with NUL, so it is UTF-32.
        [0xff, 0xfe, 0, 0, ..] | [0, 0, 0xfe, 0xff, ..] => return Some("UTF-32 text"),
        [0xff, 0xfe, ..] | [0xfe, 0xff, ..] => return Some("UTF-16 text"),
        _ => {}
    }
    // The first `first` units of `size` bytes, each a character's bytes (not all zero) beside
    // zero bytes: all on the little-endian side (the character first) or all on the other.
    let aligned = |size: usize, first: usize| {
        let units: Vec<(&[u8], &[u8])> = bytes.chunks_exact(size).take(first).map(|u| u.split_at(size / 2)).collect();
        let zero = |half: &[u8]| half.iter().all(|b| *b == 0);
        !units.is_empty()
            && (units.iter().all(|(lo, hi)| !zero(lo) && zero(hi))
                || units.iter().all(|(lo, hi)| zero(lo) && !zero(hi)))
    };
    if aligned(4, 4) {
        Some("UTF-32 text (without a byte-order mark)")
    } else if aligned(2, 8) {
        Some("UTF-16 text (without a byte-order mark)")
    } else {
        None
    }
}

fn read_at_most(path: &str, limit: u64, what: &'static str) -> Result<String, ReadFailure> {
    let bytes = read_bytes(path, limit, what)?;
    // UTF-8 (its byte-order mark dropped), as the page reads a file; anything else is refused.
    decode_text(&bytes).map_err(|e| ReadFailure::new(path, ReadError::NotText(e)))
}

/// One line of a JSON lines input: its 1-based number, and its text or why it is not text.
pub type NumberedLine = (usize, Result<String, String>);

/// Reads a JSON lines input (a file, or stdin for `-`) as numbered lines (1-based), each decoded
/// on its own: a line that is not UTF-8 is an error for that line alone, so one bad byte in an
/// export does not cost the rest of the batch. A byte-order mark and `\r` line ends are dropped.
pub fn read_jsonl(path: &str) -> Result<Vec<NumberedLine>, ReadFailure> {
    let bytes = read_bytes(path, MAX_INPUT_BYTES, "a JSON lines input; split it into smaller files")?;
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    Ok(body
        .split(|b| *b == b'\n')
        .enumerate()
        .map(|(i, line)| {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            let text = std::str::from_utf8(line)
                .map(|t| t.strip_prefix('\u{feff}').unwrap_or(t).to_string())
                .map_err(|e| format!("not UTF-8 text (byte {} of the line)", e.valid_up_to() + 1));
            (i + 1, text)
        })
        .collect())
}

/// What `recommend`, `validate` and `compare` say of an input that holds no scorecard (an empty
/// file, blank lines, `[]`): an export that produced nothing is not a pass.
pub const NO_SCORECARD: &str = "no scorecard in it";

/// An input read whole (without --jsonl), as `recommend`, `validate` and `compare` read it: up
/// to the input limit, then cut into one text per scorecard ([`split_input`]), each held to the
/// document limit by its reader. Its text is returned too. An input of white space alone is
/// "empty: no scorecard in it" (not JSON's "EOF while parsing"), an empty list "no scorecard in it".
pub fn read_scorecards(path: &str) -> Result<(String, Vec<Piece>), ReadFailure> {
    let text = read_input(path)?;
    if text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}').is_empty() {
        return Err(ReadFailure::new(path, ReadError::NoScorecard { empty: true }));
    }
    let pieces = split_input(&label(path), &text);
    if pieces.is_empty() {
        return Err(ReadFailure::new(path, ReadError::NoScorecard { empty: false }));
    }
    Ok((text, pieces))
}

/// A JSON lines input as `recommend`, `validate` and `compare` read it ([`read_jsonl`]).
pub struct JsonLines {
    /// Each line that is not blank: its source ("file:3"), and its text or why it is not text.
    pub records: Vec<(String, Result<String, String>)>,
    /// The input starts as a pretty-printed document does: its first line is "{" alone, which
    /// no scorecard is. When no line of it is read, say [`read_without_jsonl`].
    pub pretty: bool,
}

/// Reads a JSON lines input; one with no line but blank ones is "no scorecard in it". A share
/// link a mail client wrapped over lines is one record, named by its first line
/// ([`join_wrapped_links`]: the lines joined to it are never a scorecard's).
pub fn read_records(path: &str) -> Result<JsonLines, ReadFailure> {
    let lines = join_wrapped_links(read_jsonl(path)?);
    let label = &label(path);
    let records: Vec<_> = lines
        .into_iter()
        .filter(|(_, l)| l.as_ref().map_or(true, |l| !l.trim().is_empty()))
        .map(|(n, l)| (format!("{label}:{n}"), l))
        .collect();
    if records.is_empty() {
        return Err(ReadFailure::new(path, ReadError::NoScorecard { empty: false }));
    }
    let pretty = records.first().is_some_and(|(_, l)| l.as_ref().is_ok_and(|l| l.trim() == "{"));
    Ok(JsonLines { records, pretty })
}

/// Where the lines of a part's text are in its file, for its errors ([`Item::locate`]).
#[derive(Clone, Copy)]
pub enum Lines {
    /// Its own: it is the whole input, a line of it, an item of a list, or a share link's.
    Own,
    /// One of documents one after another, starting on this line of the file: its errors count
    /// lines from its first, and say where that is ([`Piece::locate`]), as the committee page does.
    From(usize),
    /// JSON among share links, starting on this line of the file: its errors say the file's line.
    File(usize),
}

/// What one part of an input is ([`read_items`]).
pub enum Part {
    /// Text to read as one scorecard: a document, a Greenhouse object, or the document a share
    /// link holds; and where its lines are in the file ([`Lines`]).
    Text(String, Lines),
    /// The input cannot be read, or holds no scorecard.
    Unread(ReadFailure),
    /// A line of JSON lines that is not UTF-8 text: why.
    NotText(String),
    /// A share link that cannot be read: why ([`link_json`]).
    BadLink(String),
    /// Text between share links that is neither a link nor JSON (a greeting, "thanks!"): its
    /// first line. No scorecard, so no failure: named on stderr as skipped ([`Item::skipped`]).
    Prose(String),
}

/// One part of an input: where it is ("file", "file [2]", "file:3"), and what it is.
pub struct Item {
    pub source: String,
    pub part: Part,
}

impl Item {
    /// Says on stderr that this part is text skipped among share links, when it is one.
    pub fn skipped(&self) -> bool {
        let Part::Prose(first) = &self.part else { return false };
        eprintln!("scorecard: {}: skipped, neither a share link nor a scorecard: \"{}\"", self.source, clip(first));
        true
    }

    /// An error in reading this part's text, saying where in the file its lines are ([`Lines`]).
    pub fn locate(&self, error: String) -> String {
        match self.part {
            Part::Text(_, Lines::From(line)) => {
                Piece { at: String::new(), text: String::new(), line: Some(line) }.locate(error)
            }
            Part::Text(_, Lines::File(first)) => on_file_line(error, first),
            _ => error,
        }
    }

    /// Its text, or why it has none: the failure's message, said after its source.
    pub fn text(&self) -> Result<&str, String> {
        match &self.part {
            Part::Text(text, _) => Ok(text),
            Part::Unread(e) => Err(e.message()),
            Part::NotText(why) | Part::BadLink(why) => Err(why.clone()),
            Part::Prose(first) => Err(first.clone()),
        }
    }
}

/// A JSON reader's error ("not JSON: … at line L column C", as `compare` says it in parentheses)
/// in a text that starts on line `first` of its file, with L made the file's line. Any other
/// error is left as it is: only the reader's position ends an error so (a quoted value, which
/// may hold any words, is followed by its closing quote).
fn on_file_line(error: String, first: usize) -> String {
    let Some(at) = error.rfind(" at line ").filter(|_| error.contains("not JSON")) else { return error };
    let (head, tail) = error.split_at(at + " at line ".len());
    let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
    let (line, rest) = tail.split_at(digits);
    let column = rest.strip_prefix(" column ").map(|r| r.trim_start_matches(|c: char| c.is_ascii_digit()));
    match (line.parse::<usize>(), column) {
        (Ok(line), Some("" | ")")) if digits > 0 => {
            format!("{head}{}{rest}", line.saturating_add(first.saturating_sub(1)))
        }
        _ => error,
    }
}

/// An input as every command that reads scorecards reads it ([`read_items`]).
pub struct Items {
    /// Its parts, in order.
    pub items: Vec<Item>,
    /// Read with --jsonl, it starts as a pretty-printed document does ([`JsonLines::pretty`]).
    pub pretty: bool,
    /// For an input read whole that holds one scorecard, what to add to its error: the
    /// [`jsonl_hint`].
    pub hint: &'static str,
}

/// Reads an input (a file, or stdin for `-`) as `recommend`, `validate`, `compare`, `convert`
/// and `link` all read it. Whole ([`read_scorecards`]): one scorecard, a JSON list of them, JSON
/// lines, or documents one after another, each named by its place; or, when a line starts a
/// share link, share links as people paste them from chat or mail, cut into links, JSON and
/// prose by [`link_groups`], each named by its line ("file:2"; a lone link by the file), each link
/// read to the document it holds ([`link_json`]). With `jsonl` ([`read_records`]), each line on
/// its own, a line that is a share link (a wrapped one joined) read so too. An input that cannot
/// be read is one item, [`Part::Unread`].
pub fn read_items(path: &str, jsonl: bool) -> Items {
    let label = label(path);
    // A share link's part: the document it holds, or why it cannot be read.
    let link = |text: &str| link_json(text).map_or_else(Part::BadLink, |json| Part::Text(json, Lines::Own));
    let unread = |e: ReadFailure| Items {
        items: vec![Item { source: label.clone(), part: Part::Unread(e) }],
        pretty: false,
        hint: "",
    };
    if jsonl {
        return match read_records(path) {
            Ok(lines) => Items {
                items: lines
                    .records
                    .into_iter()
                    .map(|(source, text)| {
                        let part = match text {
                            Ok(text) if looks_like_link(&text) => link(&text),
                            Ok(text) => Part::Text(text, Lines::Own),
                            Err(why) => Part::NotText(why),
                        };
                        Item { source, part }
                    })
                    .collect(),
                pretty: lines.pretty,
                hint: "",
            },
            Err(e) => unread(e),
        };
    }
    match read_scorecards(path) {
        Ok((text, _)) if text.lines().any(starts_link) => {
            let groups = link_groups(&label, &text);
            let alone = groups.len() == 1 && matches!(groups.first(), Some((_, Group::Link(_))));
            let items = groups
                .into_iter()
                .map(|(at, group)| {
                    let source = if alone { label.clone() } else { format!("{label}{at}") };
                    let part = match group {
                        Group::Link(text) => link(&text),
                        Group::Json(text, first) => Part::Text(text, Lines::File(first)),
                        Group::Prose(first) => Part::Prose(first),
                    };
                    Item { source, part }
                })
                .collect();
            Items { items, pretty: false, hint: "" }
        }
        Ok((text, pieces)) => Items {
            hint: if pieces.len() == 1 { jsonl_hint(&text) } else { "" },
            items: pieces
                .into_iter()
                .map(|p| Item {
                    source: format!("{label}{}", p.at),
                    part: Part::Text(p.text, p.line.map_or(Lines::Own, Lines::From)),
                })
                .collect(),
            pretty: false,
        },
        Err(e) => unread(e),
    }
}

/// The hint for an input read with --jsonl that is a pretty-printed document, none of whose
/// lines was read: said after the lines' errors, so that it is the last thing seen.
pub fn read_without_jsonl(label: &str) -> String {
    format!("{label}: no line is a scorecard, and the file starts as a pretty-printed document does: read it without --jsonl")
}

/// A hint for a file of JSON lines read as one document: " (one scorecard per line? use
/// --jsonl)" when its second non-blank line starts a JSON object, else nothing.
pub fn jsonl_hint(text: &str) -> &'static str {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let first = lines.next().map(str::trim);
    let second = lines.next().map(str::trim);
    if first.is_some_and(|l| l.starts_with('{') && l.ends_with('}')) && second.is_some_and(|l| l.starts_with('{')) {
        " (one scorecard per line? use --jsonl)"
    } else {
        ""
    }
}

/// Why there is no rubric to read scorecards against: what is named (the `--rubric` file's
/// label, or "embedded rubric") and the message said after it. `validate --json` writes it as
/// one failed line (code `rubric`), the other commands fail with it (exit 1).
pub struct RubricFailure {
    pub source: String,
    pub message: String,
}

impl std::fmt::Display for RubricFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.source, self.message)
    }
}

impl From<RubricFailure> for Failure {
    fn from(e: RubricFailure) -> Failure {
        Failure::Invalid(e.to_string())
    }
}

impl From<ReadFailure> for RubricFailure {
    fn from(e: ReadFailure) -> RubricFailure {
        RubricFailure { message: e.message(), source: e.label }
    }
}

/// The rubric named by `--rubric FILE`, or the embedded default: [`load_rubric`] (`--quiet`, for
/// the commands that take it, silences its note).
pub fn rubric(args: &Args) -> Result<Rubric, RubricFailure> {
    load_rubric(args.value("--rubric"), args.flag("--quiet"))
}

/// The rubric in a file (`-` for stdin), or the embedded default for `None`. The file may be a
/// rubric (JSON) or a ladder document, read with the embedded rubric's policy; a ladder for which
/// a rule of that policy goes unused (no capability of the ladder is one the policy makes core or
/// weighs) is said in one line on stderr unless `quiet`, since it can change the verdict, and
/// stdout is kept for the command's output.
pub fn load_rubric(path: Option<&str>, quiet: bool) -> Result<Rubric, RubricFailure> {
    let embedded = || {
        Rubric::default_rubric().map_err(|e| RubricFailure { source: "embedded rubric".into(), message: e.to_string() })
    };
    let Some(path) = path else { return embedded() };
    let text = read_document(path, MAX_RUBRIC_BYTES, "a rubric file")?;
    let label = label(path);
    let invalid = |e: String| RubricFailure { source: label.clone(), message: e };
    if looks_like_ladder(&text) {
        let ladder = rubric_from_ladder(&text, &embedded()?).map_err(|e| invalid(e.to_string()))?;
        if let Some(note) = ladder.verdict_note().filter(|_| !quiet) {
            eprintln!("scorecard: {label}: {note}");
        }
        return Ok(ladder.rubric);
    }
    // Two mistakes said as what they are, not as a missing field: nothing in the file, and a
    // scorecard where the rubric belongs (`--rubric card.json rubric.json`).
    if text.trim().is_empty() {
        return Err(invalid("empty: no rubric in it (a rubric file or a ladder document)".into()));
    }
    Rubric::from_json(&text).map_err(|e| {
        let value = scorecard::core::json::parse(&text).ok();
        match value.as_ref().and_then(|v| v.get("format")).and_then(serde_json::Value::as_str) {
            Some(scorecard::core::scorecard::FORMAT) => {
                invalid("this is a scorecard document, not a rubric (a rubric file or a ladder document)".into())
            }
            _ => invalid(e.to_string()),
        }
    })
}

/// Writes the tool's output (`out!`, `outln!`). When the reader has gone away (a closed pipe,
/// as with `| head`), the command stops quietly with exit 0, as Unix tools do: what was asked for
/// was read. Any other failure to write (a full disk) is exit 1 with a message; nothing is lost
/// silently.
pub fn write_stdout(args: std::fmt::Arguments) {
    use std::io::Write;
    let Err(e) = std::io::stdout().lock().write_fmt(args) else { return };
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("scorecard: cannot write the output: {e}");
    std::process::exit(1);
}

/// Prints one JSON value on its own line.
pub fn print_line(value: &serde_json::Value) {
    outln!("{}", serde_json::to_string(value).unwrap_or_default());
}

/// A Greenhouse scorecard object where a scorecard belongs (`recommend`, `validate`, `compare`,
/// `convert`, `link`): read through the same import as `convert --from greenhouse`, with the same
/// attribute mapping. `None` when `text` is not a Greenhouse object (a scorecard document, or
/// anything else, which the caller's own reader then reports); else the scorecard, or why the
/// Greenhouse import refused it ([`greenhouse_message`] says it). What the import did not carry (an attribute matching no
/// capability, "mixed", private notes) is said on stderr, one line per item, after `source`, and
/// returned with the scorecard (`validate --json` lists them).
pub fn read_greenhouse(
    text: &str,
    rubric: &Rubric,
    source: &str,
) -> Option<Result<(Scorecard, Vec<String>), ImportError>> {
    // Cheap test first: a scorecard document never holds these keys, and most inputs are those.
    // Past a document's size it is not read here: the caller's reader refuses it, saying so.
    // Either key makes an object a Greenhouse one for `detect`, as for `convert --from auto`.
    let keys = ["\"attributes\"", "\"overall_recommendation\""];
    if text.len() > scorecard::core::scorecard::MAX_DOCUMENT_BYTES || !keys.iter().any(|k| text.contains(k)) {
        return None;
    }
    let value = scorecard::core::json::parse(text).ok().filter(serde_json::Value::is_object)?;
    if detect(&value).ok()? != Format::Greenhouse {
        return None;
    }
    Some(match import_greenhouse_value(&value, rubric) {
        Ok(g) => {
            warn_greenhouse(source, &g.warnings);
            Ok((g.card, g.warnings))
        }
        // Typed, so that `validate --json` keeps the field it names ([`greenhouse_message`]).
        Err(e) => Err(e),
    })
}

/// An import's refusal as the command line says it: a scorecard made against another rubric
/// (`rubric.id`) says how to read it, as `compare` says how to count it.
pub fn import_message(e: &ImportError) -> String {
    let other_rubric = matches!(e, ImportError::Invalid(e) if e.path == "rubric.id");
    format!("{e}{}", if other_rubric { " (to read it, give its rubric with --rubric)" } else { "" })
}

/// How a Greenhouse import's refusal is said: "Greenhouse scorecard: " and the import's message.
pub fn greenhouse_message(e: &ImportError) -> String {
    format!("Greenhouse scorecard: {e}")
}

/// The warnings of a Greenhouse import (what was read and not carried), one stderr line each.
pub fn warn_greenhouse(source: &str, warnings: &[String]) {
    for w in warnings {
        eprintln!("scorecard: {source}: {w}");
    }
}

#[cfg(test)]
mod tests {
    use super::{on_file_line, ReadError, ReadFailure, NO_SCORECARD};

    /// A JSON reader's position is made the file's line, as each command words it; a position
    /// in a quoted value (which may hold any words) and any other error are left as they are.
    #[test]
    fn a_json_error_is_put_on_the_files_line() {
        let cases = [
            ("not JSON: expected value at line 3 column 1", "not JSON: expected value at line 7 column 1"),
            (
                "not JSON, so not a scorecard (expected value at line 3 column 12)",
                "not JSON, so not a scorecard (expected value at line 7 column 12)",
            ),
            (
                "not JSON: duplicate key \"a at line 1 column 1\" at line 2 column 5",
                "not JSON: duplicate key \"a at line 1 column 1\" at line 6 column 5",
            ),
            ("not JSON: trailing characters at column 4", "not JSON: trailing characters at column 4"),
            (
                "ratings.x.level: unknown level \"not JSON at line 1 column 1\"; expected meets",
                "ratings.x.level: unknown level \"not JSON at line 1 column 1\"; expected meets",
            ),
            ("not JSON: \"x at line 1 column 1\"", "not JSON: \"x at line 1 column 1\""),
            (
                "not JSON: at line 99999999999999999999999 column 1",
                "not JSON: at line 99999999999999999999999 column 1",
            ),
        ];
        for (error, want) in cases {
            assert_eq!(on_file_line(error.to_string(), 5), want);
        }
        assert_eq!(on_file_line("not JSON: x at line 3 column 1".into(), 0), "not JSON: x at line 3 column 1");
    }

    /// Each kind of read failure has its code and its message, told from the kind alone: a
    /// message's words (or a file's name holding a message's words) cannot change a code.
    #[test]
    fn each_kind_of_read_failure_has_its_code_and_message() {
        let fail = |error| ReadFailure { label: "x: cannot read: larger than no scorecard in it".into(), error };
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "No such file or directory (os error 2)");
        let cases = [
            (
                fail(ReadError::Unreadable(io)),
                "unreadable",
                "cannot read: No such file or directory (os error 2)".to_string(),
            ),
            (fail(ReadError::TooLarge { limit: 10, what: "" }), "too_large", "larger than 10 bytes".to_string()),
            (
                fail(ReadError::TooLarge { limit: 10, what: "a rubric file" }),
                "too_large",
                "larger than 10 bytes, the limit of a rubric file".to_string(),
            ),
            (
                fail(ReadError::NotText("UTF-16 text; save it as UTF-8".into())),
                "not_text",
                "UTF-16 text; save it as UTF-8".to_string(),
            ),
            (
                fail(ReadError::NotText(format!("cannot read: larger than 3 bytes: {NO_SCORECARD}"))),
                "not_text",
                format!("cannot read: larger than 3 bytes: {NO_SCORECARD}"),
            ),
            (fail(ReadError::NoScorecard { empty: true }), "no_scorecard", "empty: no scorecard in it".to_string()),
            (fail(ReadError::NoScorecard { empty: false }), "no_scorecard", "no scorecard in it".to_string()),
        ];
        for (failure, code, message) in cases {
            assert_eq!((failure.code(), failure.message()), (code, message.clone()));
            assert_eq!(failure.to_string(), format!("x: cannot read: larger than no scorecard in it: {message}"));
        }
    }
}
