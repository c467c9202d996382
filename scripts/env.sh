# Sourced by the other scripts: paths and tool locations shared by all of them.
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
export PATH="$CARGO_HOME/bin:$REPO/.tools/node_modules/.bin:$PATH"
export VENV="${VENV:-$REPO/.venv}"
export STACK_DIR="${STACK_DIR:-$REPO/.stack}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132"
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' "$REPO/Cargo.lock")"
