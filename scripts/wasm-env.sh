# Sourced by scripts/build.sh and scripts/size-report.sh before they build wasm, so that the
# widget and the minimal Yew app are compiled alike.
#
# Panic locations name their source files; a dependency's path starts with the registry's folder
# ($CARGO_HOME/registry/src/index.crates.io-<hash>/), so every byte of $HOME ended up in the
# wasm, and its size depended on the machine. Those prefixes are cut (the crate and the file
# stay: "yew-0.23.0/src/html/mod.rs").
remap=""
for dir in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
  remap="$remap --remap-path-prefix=$dir="
done
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:-}$remap"
unset remap
