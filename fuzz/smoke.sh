#!/usr/bin/env bash
# Runs each fuzz target briefly (default 20 s, or $FUZZ_SECONDS) from the committed seeds, for CI.
# Installs cargo-fuzz when it is missing. Only stable Rust is needed: RUSTC_BOOTSTRAP=1 lets
# stable rustc take the -Z flags that cargo-fuzz passes (sanitizer, coverage instrumentation).
# Exits non-zero if a target finds a crash; the crashing input is in fuzz/artifacts/<target>/.
set -euo pipefail

cd "$(dirname "$0")"
seconds="${FUZZ_SECONDS:-20}"
targets=(import_json import_greenhouse decode_link read_rubric read_ladder parse_json committee_input paste_list)

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz/smoke.sh: installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

export RUSTC_BOOTSTRAP=1
cargo fuzz build -O
for target in "${targets[@]}"; do
  echo "fuzz/smoke.sh: $target for ${seconds}s"
  # A fresh corpus directory each run keeps CI independent of earlier runs; the seeds are read-only.
  work="$(mktemp -d)"
  status=0
  cargo fuzz run -O "$target" "$work" "seeds/$target" -- \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    >"$work.log" 2>&1 || status=$?
  grep -E "^(#[0-9]+.*DONE|Done [0-9]+ runs)|stat::number_of_executed_units|panicked|ERROR|SUMMARY" "$work.log" || true
  if [ "$status" -ne 0 ]; then
    tail -n 40 "$work.log" >&2
  fi
  rm -f "$work.log"
  rm -rf "$work"
  if [ "$status" -ne 0 ]; then
    echo "fuzz/smoke.sh: $target failed (exit $status); see fuzz/artifacts/$target/" >&2
    exit 1
  fi
done
echo "fuzz/smoke.sh: all targets ran ${seconds}s without a crash"
