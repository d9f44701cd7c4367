#!/usr/bin/env bash
# Builds the release widget (dist/) and the minimal Yew app in bench/hello (bench/hello/dist/),
# then prints what a browser downloads for each: wasm, JS and CSS, gzip -9 and brotli -q 11
# bytes, the totals, and how many times bigger the widget is than the hello app (the floor any
# Yew app pays). Sizes are of the compressed stream alone (no file name in the gzip header), as
# a web server sends them.
#
# Usage: scripts/size-report.sh [--check] [--no-build]
#   --check     exit 1 when the widget's total gzip bytes exceed the budget in .ci/size-budget
#   --no-build  measure dist/ and bench/hello/dist/ as they are, without building
#
# Needs the tools that scripts/bootstrap.sh installs (trunk, wasm-bindgen, wasm-opt). Brotli
# comes from python3's `brotli` module or the `brotli` command; when neither is there the script
# tries `pip install brotli` once, and otherwise prints the gzip columns only, with a note.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"

check=false
build=true
for arg in "$@"; do
  case "$arg" in
    --check) check=true ;;
    --no-build) build=false ;;
    -h | --help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "size-report: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

say() { printf '\033[1msize-report:\033[0m %s\n' "$*" >&2; }

# The hello app must be built exactly like the widget, or the ratio means nothing.
profile() { sed -n '/^\[profile\.release\]/,/^\[/p' "$1" | grep -v '^\[' | grep -v '^#' | grep -v '^$'; }
opt_params() { grep -o 'data-wasm-opt[a-z-]*="[^"]*"' "$1"; }
if [ "$(profile Cargo.toml)" != "$(profile bench/hello/Cargo.toml)" ]; then
  say "warning: [profile.release] differs between Cargo.toml and bench/hello/Cargo.toml"
fi
if [ "$(opt_params index.html)" != "$(opt_params bench/hello/index.html)" ]; then
  say "warning: the wasm-opt settings differ between index.html and bench/hello/index.html"
fi

if $build; then
  for tool in trunk wasm-bindgen wasm-opt terser; do
    command -v "$tool" >/dev/null 2>&1 || { say "$tool is missing: run scripts/bootstrap.sh first"; exit 1; }
  done
  # Trunk runs cargo offline (Trunk.toml), so the crates must be in the local cache first.
  cargo fetch --locked --quiet
  cargo fetch --locked --quiet --manifest-path bench/hello/Cargo.toml
  say "building the widget and its on-demand module (scripts/build.sh)"
  scripts/build.sh >/dev/null 2>"${TMPDIR:-/tmp}/size-report-widget.log" \
    || { cat "${TMPDIR:-/tmp}/size-report-widget.log" >&2; exit 1; }
  say "building bench/hello (trunk build --release)"
  # shellcheck source=scripts/wasm-env.sh
  . scripts/wasm-env.sh
  # The same target directory as the widget, so Yew and its dependencies compile only once.
  (cd bench/hello && CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}" trunk build --release) \
    >/dev/null 2>"${TMPDIR:-/tmp}/size-report-hello.log" \
    || { cat "${TMPDIR:-/tmp}/size-report-hello.log" >&2; exit 1; }
  # The same short import and export names and JavaScript minification as scripts/build.sh
  # gives the widget.
  node scripts/shorten-wasm-names.mjs bench/hello/dist/hello_bg.wasm bench/hello/dist/hello.js
  for f in bench/hello/dist/*.js; do
    terser "$f" --module --compress --mangle --output "$f.min" && mv "$f.min" "$f"
  done
fi

# Brotli: python3's module, else the command, else one quiet attempt to install the module.
br_py() { python3 -c 'import brotli' >/dev/null 2>&1; }
brotli_note=""
if ! br_py && ! command -v brotli >/dev/null 2>&1; then
  python3 -m pip install --quiet brotli >/dev/null 2>&1 || true
  if ! br_py; then
    brotli_note="brotli columns skipped: neither python3's brotli module nor the brotli command is available (pip install brotli, or apt-get install brotli)"
  fi
fi
gz() { gzip -9 <"$1" | wc -c | tr -d ' '; }
br() {
  if br_py; then
    python3 -c 'import brotli, sys; print(len(brotli.compress(open(sys.argv[1], "rb").read(), quality=11)))' "$1"
  elif command -v brotli >/dev/null 2>&1; then
    brotli -c -q 11 "$1" | wc -c | tr -d ' '
  else
    echo 0
  fi
}

# Sums raw, gzip and brotli bytes of the files matching a glob; prints "raw gzip brotli".
measure() {
  local raw=0 g=0 b=0 f
  for f in $1; do
    [ -f "$f" ] || continue
    raw=$((raw + $(wc -c <"$f")))
    g=$((g + $(gz "$f")))
    b=$((b + $(br "$f")))
  done
  echo "$raw $g $b"
}

for d in dist bench/hello/dist; do
  ls "$d"/*.wasm >/dev/null 2>&1 || { say "$d has no .wasm: build first (run without --no-build)"; exit 1; }
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else printf "-" }'; }
row() { printf '%-6s %10s %10s %10s %10s %10s %10s %8s\n' "$@"; }
row "" "ours raw" "ours gz" "ours br" "hello raw" "hello gz" "hello br" "gz ratio"
or=0 og=0 ob=0 hr=0 hg=0 hb=0
# Ours: what a host page downloads before the widget is interactive (the committee view is its
# own bundle; the on-demand module comes after the first paint and is reported below).
widget_wasm="dist/scorecard-web_bg.wasm"
widget_js="dist/scorecard-web.js dist/scorecard-element.js $(echo dist/snippets/*/src/web/js/*.js)"
widget_css="dist/scorecard.css"
for kind in wasm js css; do
  files="widget_$kind"
  read -r o_raw o_gz o_br < <(measure "${!files}")
  read -r h_raw h_gz h_br < <(measure "bench/hello/dist/*.$kind")
  or=$((or + o_raw)) og=$((og + o_gz)) ob=$((ob + o_br))
  hr=$((hr + h_raw)) hg=$((hg + h_gz)) hb=$((hb + h_br))
  if [ -n "$brotli_note" ]; then o_br="-" h_br="-"; fi
  row "$kind" "$o_raw" "$o_gz" "$o_br" "$h_raw" "$h_gz" "$h_br" "$(ratio "$o_gz" "$h_gz")"
done
if [ -n "$brotli_note" ]; then
  row "total" "$or" "$og" "-" "$hr" "$hg" "-" "$(ratio "$og" "$hg")"
  echo "note: $brotli_note"
else
  row "total" "$or" "$og" "$ob" "$hr" "$hg" "$hb" "$(ratio "$og" "$hg")"
  echo "brotli ratio ours/hello: $(ratio "$ob" "$hb")"
fi

# The on-demand module (classifier, import and export formats), fetched after the first paint.
read -r e_raw e_gz e_br < <(measure "dist/scorecard-extras_bg.wasm dist/scorecard-extras.js")
if [ -n "$brotli_note" ]; then e_br="-"; fi
row "later" "$e_raw" "$e_gz" "$e_br" "" "" "" ""
echo "later: the on-demand module (dist/scorecard-extras*), fetched after the widget is on screen"

budget=$(tr -dc '0-9' <.ci/size-budget)
over=$((og - budget))
if [ "$over" -gt 0 ]; then
  echo "budget: $og bytes gzip, $over over the budget of $budget (.ci/size-budget)"
else
  echo "budget: $og bytes gzip, $((-over)) under the budget of $budget (.ci/size-budget)"
fi
if $check && [ "$over" -gt 0 ]; then
  echo "size budget exceeded: shrink the build or justify raising .ci/size-budget" >&2
  exit 1
fi
