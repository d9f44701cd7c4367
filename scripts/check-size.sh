#!/usr/bin/env bash
# Fails when the gzip size of the built widget (wasm + JS + CSS in dist/) exceeds the budget in
# .ci/size-budget (bytes). Bytes are stable for a given toolchain, so this is safe in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
budget=$(tr -dc '0-9' < .ci/size-budget)
total=0
for f in dist/*.wasm dist/*.js dist/*.css; do
  [ -f "$f" ] || continue
  n=$(gzip -9c "$f" | wc -c)
  printf '%8d bytes gzip  %s\n' "$n" "$f"
  total=$((total + n))
done
printf '%8d bytes gzip  total (budget %d)\n' "$total" "$budget"
if [ "$total" -gt "$budget" ]; then
  echo "size budget exceeded by $((total - budget)) bytes: shrink the build or justify raising .ci/size-budget" >&2
  exit 1
fi
