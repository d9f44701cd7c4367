#!/usr/bin/env bash
# Runs every test layer, installing whatever tools are missing first:
#   0. lint: rustfmt's check and clippy (warnings are errors) in every configuration that is built;
#   1. native: the core and the command-line tool (cargo test);
#   2. components: wasm-bindgen-test in headless Chromium;
#   3. a fuzz smoke test: each cargo-fuzz target briefly (the long runs are in BENCHMARKS.md);
#   4. end to end: the release build served on 127.0.0.1, driven by Playwright in Chromium,
#      after the size budget on the build output is checked.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh --browser
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
cargo fetch --locked --quiet

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "0/4 lint (cargo fmt --check; cargo clippy, warnings as errors)"
cargo fmt --check
(cd fuzz && cargo fmt --check)
# Warnings fail the run on the toolchain this was verified with (rustc 1.95, toolchain.md); a newer
# clippy brings new lints, so there its warnings are printed for the next change, not failed on.
deny="-D warnings"
case "$(cargo clippy --version)" in
  "clippy 0.1.95 "*) ;;
  *) printf 'clippy is not 0.1.95 (%s): its warnings are printed, not failed on\n' "$(cargo clippy --version)"; deny="" ;;
esac
# shellcheck disable=SC2086 # $deny is two words or none
lint() { cargo clippy --locked --quiet "$@" -- $deny; }
lint --tests --bins --examples                                               # core, CLI, native tests
lint --target wasm32-unknown-unknown --features widget --bin scorecard-web   # the widget
lint --target wasm32-unknown-unknown --features web --bin scorecard-committee
lint --target wasm32-unknown-unknown --no-default-features --features extras --lib  # on-demand module
lint --target wasm32-unknown-unknown --features web --test web               # component tests

step "1/4 native tests (core and CLI)"
cargo test --locked

step "2/4 component tests (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --locked --target wasm32-unknown-unknown --features web --test web

step "3/4 fuzz smoke test (each target ${FUZZ_SECONDS:=15}s)"
FUZZ_SECONDS="$FUZZ_SECONDS" fuzz/smoke.sh

step "4/4 release build, size budget, end-to-end tests"
scripts/build.sh
scripts/check-size.sh
# A test that hangs (a wait whose condition never comes) fails after two minutes, not at CI's limit;
# the longest passing test takes about 10 s. (Node before 20.11 has no --test-timeout.)
limit=()
if node --help | grep -q -- '--test-timeout'; then limit=(--test-timeout=120000); fi
node --test --test-concurrency=1 "${limit[@]}" tests/e2e/
