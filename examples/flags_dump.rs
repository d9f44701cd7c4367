//! Prints, for each text, its tokens and the flags `detect_flags` raises (kinds, reasons, spans),
//! so that a change to the tokenizer or to the flag detector's machinery can be shown to change
//! no result: dump before, dump after, compare byte for byte (see BENCHMARKS.md, "Classifier").
//!
//! Input: one JSON string a line (a note's text), from standard input or from the files named.
//!
//! ```sh
//! cargo run --release --example flags_dump -- /tmp/texts.jsonl > /tmp/flags.dump
//! ```

use std::io::{BufRead, Write};

use scorecard::core::classifier::{detect_flags, text::tokenize};

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    let readers: Vec<Box<dyn BufRead>> = if files.is_empty() {
        vec![Box::new(std::io::stdin().lock())]
    } else {
        files
            .iter()
            .map(|f| Box::new(std::io::BufReader::new(std::fs::File::open(f).expect("open"))) as Box<dyn BufRead>)
            .collect()
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for reader in readers {
        for line in reader.lines() {
            let line = line.expect("read");
            if line.trim().is_empty() {
                continue;
            }
            let text: String = serde_json::from_str(&line).expect("one JSON string a line");
            writeln!(out, "{line}").unwrap();
            for t in tokenize(&text) {
                writeln!(out, "  {t:?}").unwrap();
            }
            for f in detect_flags(&text) {
                writeln!(out, "  => {f:?}").unwrap();
            }
        }
    }
}
