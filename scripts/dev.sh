#!/usr/bin/env bash
# The one command to run the app: installs what is missing, starts the local real Keystone +
# Glance with demo data, and serves the app with `trunk serve` on http://127.0.0.1:8080.
#   scripts/dev.sh                    local stack (default)
#   scripts/dev.sh my-cloud.json      another cloud: serve with that config.json instead
#                                     (the cloud must allow this origin by CORS, see README)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO"
"$REPO/scripts/setup.sh"
if [ -n "${1:-}" ]; then
  APP_CONFIG="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
  export APP_CONFIG
  echo "Serving with $APP_CONFIG"
else
  "$REPO/scripts/stack.sh" start
  python3 - "$STACK_DIR/seed.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print("\nDemo logins (domain Default):")
for u in s["users"].values():
    print(f"  {u['name']:<6} / {u['password']:<11} projects: {', '.join(u['projects'])}")
print(f"  admin  / {s['admin']['password']:<11} project: admin")
PY
  echo "Stop the stack later with: scripts/stack.sh stop"
fi
echo "App: http://127.0.0.1:8080"
exec trunk serve --offline
