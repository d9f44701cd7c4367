#!/usr/bin/env bash
# Fails when the built widget outgrows its budgets (gzip bytes; bytes are stable for a given
# toolchain, so this is safe in CI):
#   .ci/size-budget         what a host page downloads before the widget is interactive: the
#                           widget's wasm, its JS (bindings, custom element, loader snippet), CSS;
#   .ci/size-budget-extras  the on-demand module (classifier, import and export formats) that
#                           the widget fetches after its first paint;
#   .ci/size-budget-committee  the committee view's own bundle (wasm and JS), which host pages
#                           never load: a budget against regressions, not a download target.
# It also fails when the classifier's model is found inside the widget's own wasm (it belongs to
# the on-demand module), or when core's float formatter, `Value`'s `Display` or the `str` slicing
# panic is (see the end of this file).
set -euo pipefail
cd "$(dirname "$0")/.."
status=0

# Sums the gzip bytes of the given files, printing each; the total goes to the variable named $1.
sum_gzip() {
  local var=$1 total=0 f n
  shift
  for f in "$@"; do
    [ -f "$f" ] || { echo "missing: $f (run scripts/build.sh first)" >&2; exit 1; }
    n=$(gzip -9c "$f" | wc -c)
    printf '%8d bytes gzip  %s\n' "$n" "$f"
    total=$((total + n))
  done
  printf -v "$var" '%d' "$total"
}

check() {
  local name=$1 total=$2 budget_file=$3 budget
  budget=$(tr -dc '0-9' <"$budget_file")
  printf '%8d bytes gzip  %s total (budget %d, %s)\n\n' "$total" "$name" "$budget" "$budget_file"
  if [ "$total" -gt "$budget" ]; then
    echo "$name: over its budget by $((total - budget)) bytes: shrink the build or justify raising $budget_file" >&2
    status=1
  fi
}

sum_gzip initial dist/scorecard-web_bg.wasm dist/scorecard-web.js dist/scorecard-element.js \
  dist/snippets/*/src/web/js/extras-loader.js dist/scorecard.css
check "widget, first download" "$initial" .ci/size-budget
sum_gzip later dist/scorecard-extras_bg.wasm dist/scorecard-extras.js
check "on-demand module" "$later" .ci/size-budget-extras

sum_gzip committee dist/scorecard-committee_bg.wasm dist/scorecard-committee.js
check "committee view" "$committee" .ci/size-budget-committee

# The model file starts with this header line; its bytes belong in the on-demand module only.
header=$(head -n 1 data/model/classifier.txt)
if grep -qF "$header" dist/scorecard-web_bg.wasm; then
  echo "the classifier's model is inside the widget's wasm: it must stay in the on-demand module" >&2
  status=1
fi
grep -qF "$header" dist/scorecard-extras_bg.wasm || { echo "the on-demand module has no classifier model" >&2; status=1; }

# Core's float formatter keeps "NaN" and "inf" side by side in its data; the widget has none of
# its own. Finding them means some `{}` of an f64 is reachable from the widget, which costs about
# 8 KB gzip: format the number with engine::fixed2 or through the JSON writer instead.
if grep -qaF "NaNinf" dist/scorecard-web_bg.wasm; then
  echo "the widget's wasm links core's float formatter: an f64 is formatted with {} somewhere it reaches" >&2
  status=1
fi
# One more sentinel of formatting the widget does not need (BENCHMARKS.md, "Size": 1.3 KB gzip
# when it was removed, with what it brings): serde_json's "fmt error" is linked by `Value`'s
# `Display` (`value.to_string()`, `{}` of a `Value`), whose error path keeps `str`'s and
# `char`'s `Debug`. Write JSON with `core::json::to_text` instead. (`str` slicing's panic, "is
# not a char boundary", brings the same `Debug`; Yew 0.23's listener names slice that way, so
# it cannot be checked for until a Yew release fixes that: BENCHMARKS.md.)
if grep -qaF "fmt error" dist/scorecard-web_bg.wasm; then
  echo "the widget's wasm links serde_json's Display for Value (\"fmt error\"): write JSON with core::json::to_text" >&2
  status=1
fi
exit "$status"
