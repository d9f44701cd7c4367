#!/usr/bin/env bash
# Installs what building and testing Scorecard needs, skipping whatever is already installed at
# the right version. Everything comes from crates.io, npm and Debian's packages: nothing is
# downloaded from anywhere else, and Trunk is told never to fetch tools itself (Trunk.toml).
#
# Usage: scripts/bootstrap.sh [--browser]   (--browser adds Chromium and chromedriver for tests)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The wasm-bindgen CLI must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

say() { printf '\033[1mbootstrap:\033[0m %s\n' "$*" >&2; }
apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if [ ! -f /tmp/.scorecard-apt-updated ]; then $sudo apt-get update -qq && touch /tmp/.scorecard-apt-updated; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}
have_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q "$2"; }

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

if ! command -v cargo >/dev/null 2>&1; then
  say "cargo is missing: install Rust with rustup first (the machine image normally has it)"; exit 1
fi
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
# rustfmt and clippy: the lint layer of scripts/test.sh (a minimal rustup profile leaves them out).
for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    say "adding the $component component"
    rustup component add "$component"
  fi
done
if ! have_version wasm-bindgen "$WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes)"
  # Not --locked: its lock file pins a version that is no longer on crates.io.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi
if ! have_version trunk "$TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 11 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  say "installing node and npm from Debian"
  apt_install nodejs npm
fi
if [ ! -x node_modules/.bin/wasm-opt ] || ! node_modules/.bin/wasm-opt --version | grep -q 'version 132' \
   || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/@axe-core/playwright ] \
   || [ ! -x node_modules/.bin/terser ]; then
  say "installing npm tools (binaryen for wasm-opt, terser, playwright-core, axe-core)"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "${1:-}" = "--browser" ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing chromium and chromium-driver from Debian"
    apt_install chromium chromium-driver
  fi
fi
say "tools ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}')"
