#!/usr/bin/env sh
# Bundles styles/index.css and the files it @imports, in order, into target/css/scorecard.css,
# and that bundle followed by styles/committee.css into target/css/committee.css (the committee
# view's page; host pages embedding the widget never download its rules). Trunk runs this as a
# pre-build hook (Trunk.toml); each page then fetches one stylesheet, and the embedded widget
# can adopt scorecard.css into its shadow root.
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
cat "$out" styles/committee.css > target/css/committee.css.tmp
mv target/css/committee.css.tmp target/css/committee.css
