# Sourced by the other scripts: paths and tool locations shared by all of them.
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
export PATH="$CARGO_HOME/bin:$REPO/.tools/node_modules/.bin:$PATH"
# Debian installs nginx in /usr/sbin, which is not on every user's PATH (nor on a bare `env -i`).
case ":$PATH:" in *:/usr/sbin:*) ;; *) export PATH="$PATH:/usr/sbin:/sbin" ;; esac
export VENV="${VENV:-$REPO/.venv}"
export STACK_DIR="${STACK_DIR:-$REPO/.stack}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

TRUNK_VERSION="0.21.14"
# The release build (scripts/build-release.sh) compiles the standard library itself with size
# options (cargo's build-std), which needs a nightly toolchain with rust-src: pinned, so every
# release build is made by the same compiler. Development, clippy and the tests use stable.
RELEASE_TOOLCHAIN="nightly-2026-05-20"
BINARYEN_VERSION="132"
# esbuild minifies the release build's JavaScript (glue and module loader, scripts/split-wasm.sh).
ESBUILD_VERSION="0.25.12"
# wasm-split-cli (crate wasm_split_cli_support) for the code splitting of the release build.
WASM_SPLIT_VERSION="0.2.4"
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' "$REPO/Cargo.lock")"

# Every port the stack, nginx and the e2e tests use, shifted by PORT_OFFSET (default 0), so a
# second checkout can run its whole test command beside a running dev stack:
#   PORT_OFFSET=100 scripts/test.sh   → Keystone 5100, Glance 9392, nginx 8181/8182, …
PORT_OFFSET="${PORT_OFFSET:-0}"
export KEYSTONE_PORT="${KEYSTONE_PORT:-$((5000 + PORT_OFFSET))}"
export GLANCE_PORT="${GLANCE_PORT:-$((9292 + PORT_OFFSET))}"
export PROXY_PORT="${PROXY_PORT:-$((8081 + PORT_OFFSET))}"
export CORS_PORT="${CORS_PORT:-$((8082 + PORT_OFFSET))}"
# HTTPS test sites of scripts/nginx.sh: the app, its http→https redirect, Glance's trusted and
# untrusted TLS fronts, and the app whose Glance is the untrusted one.
export TLS_PORT="${TLS_PORT:-$((8084 + PORT_OFFSET))}"
export TLS_REDIRECT_PORT="${TLS_REDIRECT_PORT:-$((8085 + PORT_OFFSET))}"
export TLS_UPSTREAM_PORT="${TLS_UPSTREAM_PORT:-$((8086 + PORT_OFFSET))}"
export TLS_ROGUE_UPSTREAM_PORT="${TLS_ROGUE_UPSTREAM_PORT:-$((8087 + PORT_OFFSET))}"
export TLS_ROGUE_SITE_PORT="${TLS_ROGUE_SITE_PORT:-$((8088 + PORT_OFFSET))}"
export WEB_DOWNLOAD_PORT="${WEB_DOWNLOAD_PORT:-$((8093 + PORT_OFFSET))}"
export KEYSTONE_URL="${KEYSTONE_URL:-http://127.0.0.1:$KEYSTONE_PORT}"
export GLANCE_URL="${GLANCE_URL:-http://127.0.0.1:$GLANCE_PORT}"
export APP_URL="${APP_URL:-http://127.0.0.1:$PROXY_PORT}"
export CORS_APP_URL="${CORS_APP_URL:-http://127.0.0.1:$CORS_PORT}"
if [ "$PORT_OFFSET" != 0 ] && [ -z "${CORS_ORIGINS:-}" ]; then
  export CORS_ORIGINS="http://127.0.0.1:$PROXY_PORT,http://localhost:$PROXY_PORT,http://127.0.0.1:$CORS_PORT,http://localhost:$CORS_PORT"
fi
