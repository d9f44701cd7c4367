#!/usr/bin/env bash
# Builds the widget and the committee view (release profile, the embedded L4 rubric as default)
# and serves them on http://127.0.0.1:8080/ , installing whatever tools are missing first.
#   http://127.0.0.1:8080/                    the interviewer's scorecard
#   http://127.0.0.1:8080/committee.html      the hiring committee view
#   http://127.0.0.1:8080/examples/ats/       the widget embedded in an example ATS page
# PORT=9000 scripts/serve.sh serves on another port.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
cargo fetch --locked --quiet
scripts/build.sh
exec node tests/e2e/server.mjs dist "${PORT:-8080}"
