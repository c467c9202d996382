#!/usr/bin/env bash
# Code splitting for the release build (README "Size"), run by scripts/build-release.sh after
# `trunk build --release`: builds the wasm again with the `split` feature and relocations kept,
# splits every `#[lazy]` function into its own chunk (wasm-split-cli, installed by
# scripts/setup.sh), runs wasm-bindgen with lld exports kept and wasm-opt, and puts the result in
# place of Trunk's wasm and JS under the same names (with new integrity hashes in index.html).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO"

js="$(ls dist/glance-share-*.js)"
name="$(basename "$js" .js)"
# Same target directory and flags as Trunk's build (build-release.sh adds
# `-Clink-args=--emit-relocs` before it): only the app is compiled again, with `split`.
case " ${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:-} " in
  *" -Clink-args=--emit-relocs "*) ;;
  *) export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:-} -Clink-args=--emit-relocs" ;;
esac
cargo build --offline --release --target wasm32-unknown-unknown --bin glance-share --features split
raw="${CARGO_TARGET_DIR:-$REPO/target}/wasm32-unknown-unknown/release/glance-share.wasm"
work="${CARGO_TARGET_DIR:-$REPO/target}/split/out"
rm -rf "$work" && mkdir -p "$work/split" "$work/pkg"
wasm-split-cli "$raw" "$work/split" \
  --target web --out-name "$name"
wasm-bindgen --target web --keep-lld-exports --no-demangle --no-typescript \
  --out-dir "$work/pkg" --out-name "$name" "$work/split/$name.wasm"
# The split output: the main module (bound by wasm-bindgen), one module per lazy page
# (split_*.wasm), the code several pages share (chunk_*.wasm) and the loader that fetches
# them (__wasm_split.js, imported by the main JS).
rm -f dist/__wasm_split*.js* dist/split_*.wasm* dist/chunk_*.wasm*
cp "$work/pkg/$name.js" "$work/pkg/${name}_bg.wasm" dist/
cp "$work"/split/split_*.wasm "$work"/split/chunk_*.wasm "$work/split/__wasm_split.js" dist/
# The JavaScript minified (wasm-bindgen's glue and the loader: 9.5 + 1.0 KB brotli before,
# README "Size"). Import paths and the import object's keys are strings, which stay.
for f in "dist/$name.js" dist/__wasm_split.js; do
  # Two commands, not `a && b`: under `set -e` a failing esbuild must stop the build.
  "$REPO/.tools/node_modules/.bin/esbuild" --minify --format=esm --log-level=error \
    "$f" --outfile="$f.min"
  mv "$f.min" "$f"
done
# The main wasm (the first load) is optimised for its brotli size rather than its raw size:
# -O2 without the three passes that make code less alike (merging similar functions into one
# with extra parameters, inlining, and sinking locals into expressions) is 9 % larger raw but
# 4.7 KB smaller brotli than -Oz (README "Size"). The page modules are not in the first load and
# gain nothing from it: -Oz keeps them smallest raw.
"$REPO/.tools/node_modules/.bin/wasm-opt" -O2 --skip-pass=merge-similar-functions \
  --skip-pass=inlining-optimizing --skip-pass=simplify-locals --enable-bulk-memory \
  --enable-nontrapping-float-to-int "dist/${name}_bg.wasm" -o "dist/${name}_bg.wasm"
for f in dist/split_*.wasm dist/chunk_*.wasm; do
  "$REPO/.tools/node_modules/.bin/wasm-opt" -Oz --enable-bulk-memory \
    --enable-nontrapping-float-to-int "$f" -o "$f"
done
# The main wasm's imports from the glue renamed $0, $1, … in both files, without
# wasm-bindgen's hashes, and the closures' exports $r0, $r1, … instead of their Rust symbol
# names (scripts/short-import-names.py; README "Size": 6.9 KB brotli less on the first load).
python3 "$REPO/scripts/short-import-names.py" "dist/$name.js" "dist/${name}_bg.wasm"
# Every file gets a name from the content of the whole set, as the immutable cache rule
# (deploy/nginx/cache-map.conf: "-<hex>" before the extension) expects: a tab opened before a
# new release keeps loading its own release's chunks, never a newer chunk that would not fit
# its main module. Trunk's hash names Trunk's own output, not this one.
# The main wasm's import module names ("w" for the glue, "./__wasm_split.js" for the loader)
# stay: only file names and the references to them change.
python3 - dist "$name" <<'PY'
import base64, glob, hashlib, os, re, sys
dist, name = sys.argv[1:]
split = sorted(glob.glob(f"{dist}/split_*.wasm") + glob.glob(f"{dist}/chunk_*.wasm"))
main_js, main_wasm, loader = f"{dist}/{name}.js", f"{dist}/{name}_bg.wasm", f"{dist}/__wasm_split.js"
digest = hashlib.sha256()
for f in [main_js, main_wasm, loader, *split]:
    digest.update(open(f, "rb").read())
tag = digest.hexdigest()[:16]
new = f"glance-share-{tag}"
renames = {f"{name}.js": f"{new}.js", f"{name}_bg.wasm": f"{new}_bg.wasm"}
for f in split:
    stem = os.path.basename(f)[:-len(".wasm")]
    renames[f"{stem}.wasm"] = f"{stem}-{tag}.wasm"
def rewrite(path):
    text = open(path, encoding="utf-8").read()
    for old, repl in renames.items():
        # Quoted, or unquoted in Trunk's minified index.html (ends at a space or ">").
        text = re.sub(r"(?<=[\"'/])" + re.escape(old) + r"(?=[\"'\s>])", repl, text)
    # The loader by its import statements only: "./__wasm_split.js" is also the name under
    # which the main wasm imports it (the key of its import object), and that must stay.
    text = re.sub(r'from ?"\./__wasm_split\.js"', f'from"./__wasm_split-{tag}.js"', text)
    open(path, "w", encoding="utf-8").write(text)
for path in [f"{dist}/index.html", main_js, loader]:
    rewrite(path)
for f in glob.glob(f"{dist}/{name}.js.*") + glob.glob(f"{dist}/{name}_bg.wasm.*"):
    os.remove(f)
for old, repl in [*renames.items(), ("__wasm_split.js", f"__wasm_split-{tag}.js")]:
    os.rename(f"{dist}/{old}", f"{dist}/{repl}")
# Trunk's preload links carry sha384 integrity hashes of its own files: replace them.
html = open(f"{dist}/index.html", encoding="utf-8").read()
for f in (f"{new}.js", f"{new}_bg.wasm"):
    sri = base64.b64encode(hashlib.sha384(open(f"{dist}/{f}", "rb").read()).digest()).decode()
    html, n = re.subn(r'(href="?/' + re.escape(f) + r'[\s">][^>]*integrity=)(?:"[^"]*"|[^\s>]*)',
                      r'\g<1>"sha384-' + sri + '"', html)
    assert n == 1, f"no integrity link for {f}"
open(f"{dist}/index.html", "w", encoding="utf-8").write(html)
PY
