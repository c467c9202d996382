#!/usr/bin/env bash
# Release build for static hosting: trunk build --release, then precompressed .gz/.br
# copies for nginx, the CSP hashes of the inline loader script, and a size report.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO"

trunk build --release --offline >"${TMPDIR:-/tmp}/glance-share-trunk.log" 2>&1 || {
  cat "${TMPDIR:-/tmp}/glance-share-trunk.log"
  exit 1
}

# sha256 of every inline <script> of index.html, for the Content-Security-Policy.
python3 - "$REPO/dist/index.html" >"$REPO/dist/csp-script-hashes.txt" <<'PY'
import base64, hashlib, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
hashes = []
for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S):
    if "src=" in attrs:
        continue
    digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
    hashes.append(f"'sha256-{digest}'")
print(" ".join(hashes))
PY

for f in "$REPO"/dist/*.{wasm,js,css,html,svg,json}; do
  [ -f "$f" ] || continue
  gzip -9 -k -f "$f"
  brotli -q 11 -k -f "$f"
done

wasm="$(ls "$REPO"/dist/*_bg.wasm)"
js="$(ls "$REPO"/dist/glance-share-*.js)"
size() { stat -c %s "$1"; }
printf 'bundle size: wasm %d B raw, %d B gzip -9, %d B brotli -11; js %d B raw, %d B brotli\n' \
  "$(size "$wasm")" "$(size "$wasm.gz")" "$(size "$wasm.br")" "$(size "$js")" "$(size "$js.br")"
