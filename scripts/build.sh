#!/usr/bin/env bash
# Builds everything into dist/ (release profile, wasm-opt): the widget from index.html, the
# committee view from committee.html (its files copied beside the widget's), and the widget's
# on-demand module (scorecard-extras: the classifier and the import and export formats), which
# the widget fetches after its first paint. Two Trunk runs because Trunk builds one page per run
# and replaces its dist folder each time; the on-demand module is a plain cargo + wasm-bindgen +
# wasm-opt build because no page links it: the widget imports it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# shellcheck source=scripts/wasm-env.sh
. scripts/wasm-env.sh
trunk build --release --dist target/dist-committee committee.html
trunk build --release
cp target/dist-committee/index.html dist/committee.html
cp target/dist-committee/scorecard-committee.js target/dist-committee/committee.css \
   target/dist-committee/scorecard-committee_bg.wasm target/dist-committee/start-scorecard-committee.js dist/
# Neither page may start its app with an inline script (the documented CSP forbids them):
# Trunk.toml's pattern_script loads start-*.js instead. Fail the build if one slipped back in.
if grep -qiE '<script( type="?module"?)?>' dist/index.html dist/committee.html; then
  echo "dist/index.html or dist/committee.html has an inline script: the documented CSP blocks it" >&2
  exit 1
fi

# iframe mode trusts, besides its own origin, only the origins its page lists (never those in
# its address, which the framing page writes): SCORECARD_ORIGINS="https://ats.example.com,..."
if [ -n "${SCORECARD_ORIGINS:-}" ]; then
  case "$SCORECARD_ORIGINS" in *[\"\<\>\&\|#]*) echo "SCORECARD_ORIGINS: origins only, comma-separated" >&2; exit 1 ;; esac
  # (Trunk's minifier rewrites the tag: <meta name=scorecard-origins>.)
  sed -i -E "s#<meta[^>]*name=\"?scorecard-origins\"?[^>]*>#<meta name=\"scorecard-origins\" content=\"$SCORECARD_ORIGINS\">#" dist/index.html
  grep -q "content=\"$SCORECARD_ORIGINS\"" dist/index.html || { echo "SCORECARD_ORIGINS: dist/index.html has no scorecard-origins meta" >&2; exit 1; }
fi

# The on-demand module: the library as a cdylib (a bin would keep none of its exports), with
# the same wasm-opt settings as the widget (read from index.html).
cargo rustc --release --locked --offline --lib --crate-type cdylib --target wasm32-unknown-unknown \
  --no-default-features --features extras
rm -rf target/extras
wasm-bindgen --target web --no-typescript --out-name scorecard-extras --out-dir target/extras \
  target/wasm32-unknown-unknown/release/scorecard.wasm
opt_params=$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html)
# shellcheck disable=SC2086 # the parameters are a list of flags
wasm-opt -Oz $opt_params target/extras/scorecard-extras_bg.wasm -o dist/scorecard-extras_bg.wasm
cp target/extras/scorecard-extras.js dist/

# Short names for what each wasm module imports from its wasm-bindgen glue and for the closure
# shims it exports, in the wasm and in the glue (wasm-bindgen's carry 16 hex digits of hash each;
# about 5 KB gzip of the widget's first download). See the script's header.
node scripts/shorten-wasm-names.mjs dist/scorecard-web_bg.wasm dist/scorecard-web.js dist/scorecard-web.d.ts
node scripts/shorten-wasm-names.mjs dist/scorecard-committee_bg.wasm dist/scorecard-committee.js
node scripts/shorten-wasm-names.mjs dist/scorecard-extras_bg.wasm dist/scorecard-extras.js

# The stylesheets in ASCII, for host pages in other encodings (see the script).
node scripts/ascii-css.mjs

# Minify the JavaScript: Trunk's minifier cannot parse wasm-bindgen's output and leaves it as
# written (it says so in a warning). terser reads ES modules; exported names are kept. The pages
# carry no subresource-integrity hashes (data-integrity="none" in index.html and
# committee.html), which this would invalidate: the files are served from the page's own
# origin, so such hashes protect nothing that the page itself does not.
for f in dist/scorecard-web.js dist/scorecard-extras.js dist/scorecard-committee.js dist/scorecard-element.js \
  dist/snippets/*/src/web/js/*.js; do
  terser "$f" --module --compress --mangle --output "$f.min" && mv "$f.min" "$f"
done
