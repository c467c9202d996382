#!/usr/bin/env bash
# Installs everything the app, the dev stack and the tests need, from the package registries
# only (crates.io, PyPI, npm, Debian). Idempotent: each step is skipped when already at the
# right version, so a second run takes seconds.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO"

step() { printf '[setup] %s\n' "$*"; }

# --- Rust: wasm target, trunk, wasm-bindgen-cli -----------------------------------------
if ! rustup target list --installed | grep -x wasm32-unknown-unknown >/dev/null; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
if ! rustup target list --installed --toolchain "$RELEASE_TOOLCHAIN" 2>/dev/null | grep -x wasm32-unknown-unknown >/dev/null \
  || ! rustup component list --installed --toolchain "$RELEASE_TOOLCHAIN" 2>/dev/null | grep '^rust-src' >/dev/null; then
  step "installing $RELEASE_TOOLCHAIN with rust-src and the wasm target, for release builds (under a minute)"
  rustup toolchain install "$RELEASE_TOOLCHAIN" --profile minimal --target wasm32-unknown-unknown --component rust-src
fi
# The standard library's own dependencies, so the release build can run --offline.
rustup run "$RELEASE_TOOLCHAIN" cargo fetch -q --manifest-path \
  "$(rustup run "$RELEASE_TOOLCHAIN" rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  step "installing trunk $TRUNK_VERSION (about 5 minutes)"
  # --locked: newer trunk releases need a newer rustc than this machine's.
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  # Not --locked: its lockfile pins a crate version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# The wasm splitter of the release build (scripts/split-wasm.sh): the binary of the library
# cargo-leptos uses for `--split`.
if ! cargo install --list | grep "^wasm_split_cli_support v$WASM_SPLIT_VERSION:" >/dev/null; then
  step "installing wasm-split-cli $WASM_SPLIT_VERSION (about 9 minutes)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

# --- wasm-opt from npm (Debian's binaryen 108 breaks the app at run time) ---------------
if ! "$REPO/.tools/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  step "installing wasm-opt (npm binaryen@$BINARYEN_VERSION)"
  mkdir -p "$REPO/.tools"
  npm install --no-audit --no-fund --prefix "$REPO/.tools" "binaryen@$BINARYEN_VERSION"
fi
if ! "$REPO/.tools/node_modules/.bin/esbuild" --version 2>/dev/null | grep -qx "$ESBUILD_VERSION"; then
  step "installing esbuild $ESBUILD_VERSION (npm), which minifies the release build's JavaScript"
  mkdir -p "$REPO/.tools"
  npm install --no-audit --no-fund --prefix "$REPO/.tools" "esbuild@$ESBUILD_VERSION"
fi

# --- Debian packages: Chromium + driver for browser tests, nginx for static hosting -----
# fonts-noto-cjk: without a CJK font headless Chromium draws the Chinese UI as boxes (screenshots).
PACKAGES=(chromium chromium-driver nginx libnginx-mod-http-brotli-static brotli curl fonts-noto-cjk)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- Python venv with the real Keystone and Glance -------------------------------------
PY_PACKAGES="glance==33.0.0 keystone==30.0.0 uwsgi python-openstackclient"
if [ "$(cat "$VENV/.installed" 2>/dev/null)" != "$PY_PACKAGES" ]; then
  step "creating the Keystone + Glance venv in $VENV"
  python3 -m venv "$VENV"
  # uwsgi is built from source and embeds the libpython it was built against. pip's wheel
  # cache cannot tell two CPython 3.11 builds apart (pyenv's and Debian's share the wheel
  # tag), and a uwsgi built for the other one fails to import the standard library
  # ("No module named '_socket'"). So uwsgi is always built for this venv's interpreter.
  "$VENV/bin/pip" install -q --disable-pip-version-check --no-cache-dir uwsgi
  "$VENV/bin/pip" install -q --disable-pip-version-check $PY_PACKAGES
  echo "$PY_PACKAGES" >"$VENV/.installed"
fi

# --- npm packages for the end-to-end tests ---------------------------------------------
# (Playwright, axe-core.) Reinstalled whenever package-lock.json differs from the copy kept
# by the last install (npm's own node_modules/.package-lock.json never equals it: it has no
# root entry), so a package added to package.json + its lock is picked up on the next run.
E2E_STAMP="$REPO/tests/e2e/node_modules/.setup-package-lock.json"
if [ ! -x "$REPO/tests/e2e/node_modules/.bin/playwright" ] \
  || ! cmp -s "$REPO/tests/e2e/package-lock.json" "$E2E_STAMP"; then
  step "installing the e2e test packages (npm ci)"
  # Playwright drives Debian's Chromium; its own browser download is disabled.
  (cd "$REPO/tests/e2e" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  cp "$REPO/tests/e2e/package-lock.json" "$E2E_STAMP"
fi

# --- Crates, so later builds work offline ------------------------------------------------
cargo fetch --locked -q
step "ready"
