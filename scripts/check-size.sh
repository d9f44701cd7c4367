#!/usr/bin/env bash
# Fails when the gzip size of the built widget (what a host page downloads: its wasm, JS, the
# custom-element module and CSS in dist/) exceeds the budget in .ci/size-budget (bytes). Bytes
# are stable for a given toolchain, so this is safe in CI. The committee view is its own bundle,
# downloaded only by committee.html; its size is reported, not budgeted.
set -euo pipefail
cd "$(dirname "$0")/.."
budget=$(tr -dc '0-9' < .ci/size-budget)
total=0
for f in dist/scorecard-web_bg.wasm dist/scorecard-web.js dist/scorecard-element.js dist/scorecard.css; do
  [ -f "$f" ] || continue
  n=$(gzip -9c "$f" | wc -c)
  printf '%8d bytes gzip  %s\n' "$n" "$f"
  total=$((total + n))
done
printf '%8d bytes gzip  total (budget %d)\n' "$total" "$budget"
for f in dist/scorecard-committee_bg.wasm dist/scorecard-committee.js; do
  [ -f "$f" ] && printf '%8d bytes gzip  %s (committee view, not budgeted)\n' "$(gzip -9c "$f" | wc -c)" "$f"
done
if [ "$total" -gt "$budget" ]; then
  echo "size budget exceeded by $((total - budget)) bytes: shrink the build or justify raising .ci/size-budget" >&2
  exit 1
fi
