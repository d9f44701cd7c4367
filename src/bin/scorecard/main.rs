//! `scorecard`: the command-line tool. It runs the same core as the widget.
//!
//! Exit codes: 0 success, 1 invalid input, 2 usage error. It never panics on input: every
//! subcommand returns a `Result`, and a panic hook turns anything unforeseen into exit 1 with a
//! message rather than Rust's 101.

mod classify;
mod common;
mod compare;
mod convert;
mod recommend;

use std::process::ExitCode;

use common::{Failure, USAGE};

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        eprintln!("scorecard: internal error: {info}");
        std::process::exit(1);
    }));
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = run(&args);
    match result {
        Ok(code) => code,
        Err(Failure::Usage(msg)) => {
            eprintln!("scorecard: {msg}\n\n{USAGE}");
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
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        "-V" | "--version" => {
            println!("scorecard {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        other => Err(Failure::Usage(format!("unknown command \"{}\"", scorecard::core::scorecard::clip(other)))),
    }
}
