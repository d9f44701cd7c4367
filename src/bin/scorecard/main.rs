//! `scorecard`: the command-line tool. It runs the same core as the widget.
//!
//! Exit codes: 0 success, 1 invalid input, 2 usage error. It never panics on input: every
//! subcommand returns a `Result`, and a panic hook turns anything unforeseen into exit 1 with a
//! message rather than Rust's 101.

/// `print!` for the tool's output, through `common::write_stdout`: unlike `print!`, a reader
/// that has gone away (`scorecard classify big.jsonl | head`) ends the command quietly instead
/// of panicking. `tests/core/architecture.rs` keeps `print!` and `println!` out of the tool.
macro_rules! out {
    ($($arg:tt)*) => { $crate::common::write_stdout(format_args!($($arg)*)) };
}

/// `println!` for the tool's output; see `out!`.
macro_rules! outln {
    () => { $crate::common::write_stdout(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::common::write_stdout(format_args!("{}\n", format_args!($($arg)*))) };
}

mod classify;
mod common;
mod compare;
mod convert;
mod links;
mod recommend;
mod rubric;

use std::process::ExitCode;

use common::{command_usage, synopsis, usage, Failure};

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        // Not eprintln!: with stderr closed too it would panic inside the hook and abort.
        use std::io::Write;
        let _ = writeln!(std::io::stderr(), "scorecard: internal error: {info}");
        std::process::exit(1);
    }));
    // Not `std::env::args()`, which panics on an argument that is not UTF-8 (a file named in
    // Latin-1): such an argument is a usage error, said by the command's `Args::parse`.
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| {
            a.into_string().unwrap_or_else(|a| {
                let lossy = a.to_string_lossy().into_owned();
                let _ = common::NOT_UTF8.set((format!("{a:?}"), lossy.clone()));
                lossy
            })
        })
        .collect();
    let result = run(&args);
    match result {
        Ok(code) => code,
        // The command's own synopsis, not the whole usage: a batch log gets three lines, not
        // thirty. Without a known command, the list of commands.
        Err(Failure::Usage(msg)) => {
            let cmd = args.first().map(String::as_str).unwrap_or("");
            match synopsis(cmd) {
                Some(synopsis) => eprintln!("scorecard: {msg}\n{synopsis}\n(`scorecard {cmd} --help` says more)"),
                None => eprintln!("scorecard: {msg}\n\n{}", usage()),
            }
            ExitCode::from(2)
        }
        Err(Failure::Invalid(msg)) => {
            eprintln!("scorecard: {msg}");
            ExitCode::from(1)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, Failure> {
    let Some((cmd, rest)) = args.split_first() else {
        return Err(Failure::Usage("no command given".into()));
    };
    // `scorecard compare --help` asks for help, wherever it comes before a `--`; an unknown
    // command is still an error.
    if command_usage(cmd).is_some() && rest.iter().take_while(|a| *a != "--").any(|a| a == "--help" || a == "-h") {
        outln!("{}", command_usage(cmd).unwrap_or_else(usage));
        return Ok(ExitCode::SUCCESS);
    }
    match cmd.as_str() {
        "recommend" => recommend::recommend(rest),
        "validate" => recommend::validate(rest),
        "classify" => classify::classify(rest),
        "draft" => classify::draft(rest),
        "classifier" => classify::classifier(rest),
        "convert" => convert::convert(rest),
        "link" => convert::link(rest),
        "unlink" => convert::unlink(rest),
        "compare" => compare::compare(rest),
        "rubric" => rubric::rubric_command(rest),
        // `scorecard help convert` is `scorecard convert --help`, as `git help commit` is; a
        // command there that is none is an unknown command, as `git help nosuchcmd` says.
        "-h" | "--help" | "help" => {
            let help = match rest.first().map(String::as_str) {
                None | Some("-h" | "--help" | "help") => usage(),
                Some(c) => command_usage(c).ok_or_else(|| unknown_command(c))?,
            };
            outln!("{help}");
            Ok(ExitCode::SUCCESS)
        }
        "-V" | "--version" => {
            outln!("scorecard {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        other => Err(unknown_command(other)),
    }
}

fn unknown_command(name: &str) -> Failure {
    Failure::Usage(format!("unknown command \"{}\"", scorecard::core::scorecard::clip(name)))
}
