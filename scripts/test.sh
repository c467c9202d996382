#!/usr/bin/env bash
# The one command that runs every test layer on a fresh machine (README, .ci/run):
#   setup → lint (fmt, clippy) → native cargo tests → component tests in headless Chromium
#   → release build → real Keystone + Glance + nginx → Playwright journeys.
# Ends with one line "N passed, N failed" summing every layer; exits non-zero on any failure.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO"

PASSED=0
FAILED=0
LOG_DIR="$REPO/target/test-logs"
mkdir -p "$LOG_DIR"

layer() { printf '\n===== %s =====\n' "$*"; }
count() { # passed failed
  PASSED=$((PASSED + $1))
  FAILED=$((FAILED + $2))
}
# Adds up every "test result: ok. N passed; M failed" line of a cargo test log.
count_cargo() {
  local p f
  p=$(grep -Eo 'test result: [a-zA-Z]+\. [0-9]+ passed' "$1" | awk '{s+=$4} END {print s+0}')
  f=$(grep -Eo '[0-9]+ failed' "$1" | awk '{s+=$1} END {print s+0}')
  echo "$p $f"
}
check() { # name command... : a single pass/fail check
  local name="$1"; shift
  if "$@" >"$LOG_DIR/$name.log" 2>&1; then
    echo "ok   $name"; count 1 0
  else
    echo "FAIL $name"; tail -n 60 "$LOG_DIR/$name.log"; count 0 1
  fi
}
cleanup() {
  "$REPO/scripts/nginx.sh" stop >/dev/null 2>&1 || true
  if [ "${KEEP_STACK:-}" != "1" ]; then "$REPO/scripts/stack.sh" stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

layer "setup"
"$REPO/scripts/setup.sh" || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }

# Start the real services early: they come up while the Rust layers run.
layer "Keystone + Glance"
"$REPO/scripts/stack.sh" start >"$LOG_DIR/stack.log" 2>&1 &
STACK_PID=$!

layer "lint"
check rustfmt cargo fmt --all -- --check
check clippy-wasm cargo clippy --offline --target wasm32-unknown-unknown --all-targets -- -D warnings
# The release build's code splitting (src/lazy_pages.rs) compiles other code under `split`.
check clippy-wasm-split cargo clippy --offline --target wasm32-unknown-unknown --features split -- -D warnings
check clippy-native cargo clippy --offline --all-targets -- -D warnings

layer "native tests (cargo test)"
cargo test --offline 2>&1 | tee "$LOG_DIR/native.log" | grep -E '^(test result|test .* FAILED|failures:)' || true
read -r p f < <(count_cargo "$LOG_DIR/native.log")
grep -q 'error\[' "$LOG_DIR/native.log" && f=$((f + 1))
echo "native: $p passed, $f failed"; count "$p" "$f"

layer "component tests (wasm-bindgen-test in headless Chromium)"
cargo test --offline --target wasm32-unknown-unknown --test web 2>&1 | tee "$LOG_DIR/web.log" | grep -E '^(test |test result)' || true
read -r p f < <(count_cargo "$LOG_DIR/web.log")
[ "$p" -eq 0 ] && f=$((f + 1)) # a run that executed nothing is a failure
echo "components: $p passed, $f failed"; count "$p" "$f"

layer "release build"
if "$REPO/scripts/build-release.sh" 2>&1 | tee "$LOG_DIR/build.log"; then
  count 1 0
  BUILD_OK=1
  check first-load-budget "$REPO/scripts/first-load-budget.sh"
  tail -n 1 "$LOG_DIR/first-load-budget.log"
else
  count 0 1
  BUILD_OK=0
fi

layer "end-to-end (Playwright, Debian Chromium, nginx + real Keystone + Glance)"
if wait "$STACK_PID"; then
  tail -n 3 "$LOG_DIR/stack.log"
  STACK_OK=1
else
  cat "$LOG_DIR/stack.log"; count 0 1
  STACK_OK=0
fi
if [ "$BUILD_OK" = 1 ] && [ "$STACK_OK" = 1 ] && "$REPO/scripts/nginx.sh" start; then
  rm -f "$REPO/tests/e2e/results.json" "$REPO/tests/e2e/axe-summary.txt"
  (cd "$REPO/tests/e2e" && npx playwright test) 2>&1 | tee "$LOG_DIR/e2e.log" | grep -vE '^\s*$' | tail -n 80
  read -r p f < <(python3 - "$REPO/tests/e2e/results.json" <<'PY'
import json, sys
try:
    s = json.load(open(sys.argv[1]))["stats"]
    print(s.get("expected", 0) + s.get("flaky", 0), s.get("unexpected", 0) + (1 if s.get("expected", 0) == 0 else 0))
except Exception:
    print(0, 1)
PY
  )
  # axe-core's violation counts per screen (specs/a11y-axe.spec.js), which the tail above may cut.
  if [ -s "$REPO/tests/e2e/axe-summary.txt" ]; then
    echo "accessibility (axe-core, per screen):"; grep -v '^#' "$REPO/tests/e2e/axe-summary.txt" | sed 's/^/  /'
  fi
  echo "e2e: $p passed, $f failed"; count "$p" "$f"
else
  echo "e2e not run: build, stack or nginx failed"; count 0 1
fi

echo
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
