#!/usr/bin/env sh
# Bundles styles/index.css and the files it @imports, in order, into target/css/scorecard.css.
# Trunk runs this as a pre-build hook (Trunk.toml); browsers then fetch one stylesheet, and the
# embedded widget can adopt that one file into its shadow root.
set -eu
cd "$(dirname "$0")/.."
mkdir -p target/css
out=target/css/scorecard.css
tmp="$out.tmp"
: > "$tmp"
for f in $(sed -n 's/^@import "\(.*\)";$/\1/p' styles/index.css); do
  [ -f "styles/$f" ] || { echo "build-css: styles/index.css imports missing styles/$f" >&2; exit 1; }
  cat "styles/$f" >> "$tmp"
done
mv "$tmp" "$out"
