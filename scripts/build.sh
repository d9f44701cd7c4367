#!/usr/bin/env bash
# Builds both bundles into dist/ (release profile, wasm-opt): the widget from index.html, and the
# committee view from committee.html, whose files are then copied beside the widget's. Two Trunk
# runs because Trunk builds one page per run and replaces its dist folder each time.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
trunk build --release --dist target/dist-committee committee.html
trunk build --release
cp target/dist-committee/index.html dist/committee.html
cp target/dist-committee/scorecard-committee.js \
   target/dist-committee/scorecard-committee_bg.wasm dist/
