#!/usr/bin/env bash
# Release build for static hosting: trunk build --release, then precompressed .gz/.br
# copies for nginx, the CSP hashes of the inline loader script, and a size report.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO"

# The standard library is compiled with the app (cargo's build-std, pinned nightly: see
# RELEASE_TOOLCHAIN in env.sh) instead of taken precompiled for speed: optimised for size
# (opt-level "z" and std's own `optimize_for_size` choices), without the file/line/column
# strings of every panic location, and with panics that abort at once (`immediate-abort`: no
# hook, no message formatting; 11 KB brotli). A panic still shows the "app stopped" banner:
# the wasm traps and index.html's script makes it, with the trap's stack (README "Size":
# 448.7 → 422.1 KB brotli for the first two, before the code splitting). The target's rustflags
# in the environment are added to those of .cargo/config.toml (`erase_components`); RUSTFLAGS
# would replace them. Its own target directory keeps these artefacts apart from the stable ones
# of `trunk serve` and the tests.
# RELEASE_STD=prebuilt builds with stable's precompiled std instead (for comparisons).
if [ "${RELEASE_STD:-min}" != prebuilt ]; then
  export RUSTUP_TOOLCHAIN="$RELEASE_TOOLCHAIN"
  export CARGO_UNSTABLE_BUILD_STD="std,panic_abort"
  export CARGO_UNSTABLE_BUILD_STD_FEATURES="optimize_for_size"
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zlocation-detail=none -Zunstable-options -Cpanic=immediate-abort"
  export CARGO_TARGET_DIR="$REPO/target/release-min"
fi

# The split build (scripts/split-wasm.sh, SPLIT=0 skips it) links with relocations kept. Trunk's
# build gets the same flags, so the split build reuses every compiled dependency (and the
# standard library) and compiles only the app again, with its `split` feature.
if [ "${SPLIT:-1}" != 0 ]; then
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:-} -Clink-args=--emit-relocs"
fi

trunk build --release --minify --offline >"${TMPDIR:-/tmp}/glance-share-trunk.log" 2>&1 || {
  cat "${TMPDIR:-/tmp}/glance-share-trunk.log"
  exit 1
}

# SPLIT=0 keeps Trunk's single wasm (no code splitting).
if [ "${SPLIT:-1}" != 0 ]; then
  scripts/split-wasm.sh >"${TMPDIR:-/tmp}/glance-share-split.log" 2>&1 || {
    cat "${TMPDIR:-/tmp}/glance-share-split.log"
    exit 1
  }
fi

# One stylesheet instead of Trunk's one per file of style/ (README "Size": brotli compresses
# them better together, 5,484 → 4,175 B, and the first load makes five requests fewer). The
# files are joined in the order index.html links them, so the cascade is the same; the name
# carries the content's hash like Trunk's own (nginx's immutable cache rule). `trunk serve`
# keeps the separate files.
# In the split build, style/pages.css (the pages off the first screen) is not linked: it is
# named in <meta name=page-styles>, and the app adds it with the first of those pages' code
# (src/lazy_pages.rs; README "Size": 1 KB brotli less on the first load). It is the last
# stylesheet, so the cascade is the same either way.
python3 - "$REPO/dist" "${SPLIT:-1}" <<'PY'
import base64, hashlib, os, re, sys
dist, split = sys.argv[1], sys.argv[2] != "0"
page = f"{dist}/index.html"
html = open(page, encoding="utf-8").read()
link = re.compile(r'<link href=/([\w.-]+\.css) integrity=\S+ rel=stylesheet>')
names = link.findall(html)
if not names or len(names) != html.count("rel=stylesheet") or not names[-1].startswith("pages-"):
    sys.exit(f"index.html links stylesheets in a form this step does not know: {names}")
later = names[-1:] if split else []
first = names[: len(names) - len(later)]
def write(prefix, files):
    css = "".join(open(f"{dist}/{n}", encoding="utf-8").read() for n in files)
    name = f"{prefix}-{hashlib.sha256(css.encode()).hexdigest()[:16]}.css"
    open(f"{dist}/{name}", "w", encoding="utf-8").write(css)
    return name, "sha384-" + base64.b64encode(hashlib.sha384(css.encode()).digest()).decode()
joined, integrity = write("style", first)
# The joined file's link where the first one was; the others go.
at = link.search(html).start()
tail = link.sub("", html[at:])
if later:
    pages, _ = write("pages", later)
    tail = f"<meta content=/{pages} name=page-styles>" + tail
html = html[:at] + f"<link href=/{joined} integrity={integrity} rel=stylesheet>" + tail
open(page, "w", encoding="utf-8").write(html)
for n in names:
    os.remove(f"{dist}/{n}")
PY

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

# The split build: what each page off the first screen fetches on its first visit (read from
# the loader as the splitter wrote it, before minifying and naming).
loader="${CARGO_TARGET_DIR:-$REPO/target}/split/out/split/__wasm_split.js"
if [ "${SPLIT:-1}" != 0 ] && [ -f "$loader" ]; then
  python3 - "$loader" "$REPO/dist" <<'PY'
import glob, re, sys
loader, dist = sys.argv[1:]
text = open(loader, encoding="utf-8").read()
def br(f):
    # dist names the file after the set's content: split_x.wasm -> split_x-<hex>.wasm
    (path,) = glob.glob(f"{dist}/{f[:-len('.wasm')]}-*.wasm.br")
    return len(open(path, "rb").read())
chunks = dict(re.findall(r'const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\./([^"]+)"', text))
for page, own, deps in re.findall(r'export const __wasm_split_load_(\w+?) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\./([^"]+)".*?\n, \[([^\]]*)\]\)\)', text, re.S):
    shared = sum(br(chunks[d.strip()]) for d in deps.split(",") if d.strip())
    print(f"page module {page}: {br(own)} B brotli, + {shared} B shared with other pages")
PY
fi
