#!/usr/bin/env bash
# Builds the widget (release profile, the embedded L4 rubric as default) and serves it on
# http://127.0.0.1:8080/ , installing whatever tools are missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
cargo fetch --locked --quiet
exec trunk serve --release "$@"
