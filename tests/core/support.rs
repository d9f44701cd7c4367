//! What several test modules share: running the built command-line tool.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs the built `scorecard` binary with `args`, feeding it `stdin` from a thread (so a large
/// input cannot deadlock against a full stdout pipe), and returns what it did.
pub fn run_cli(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the scorecard binary runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    let bytes = stdin.to_vec();
    // A command that exits before reading all of stdin closes the pipe; that is fine here.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().expect("the binary finishes");
    writer.join().expect("the stdin writer finishes");
    out
}

/// A small deterministic generator (xorshift64), so generated test inputs are the same on every
/// run. The seed must not be zero.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n` (which must not be zero).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}
