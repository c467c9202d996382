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
RUSTFLAGS="--cfg erase_components -Clink-args=--emit-relocs" cargo build --offline --release \
  --target wasm32-unknown-unknown --bin glance-share --features split --target-dir target/split
work="$REPO/target/split/out"
rm -rf "$work" && mkdir -p "$work/split" "$work/pkg"
wasm-split-cli target/split/wasm32-unknown-unknown/release/glance-share.wasm "$work/split" \
  --target web --out-name "$name"
wasm-bindgen --target web --keep-lld-exports --no-demangle --no-typescript \
  --out-dir "$work/pkg" --out-name "$name" "$work/split/$name.wasm"
cp "$work/pkg/$name.js" "$work/pkg/${name}_bg.wasm" dist/
cp "$work"/split/split_*.wasm "$work/split/__wasm_split.js" dist/
for f in dist/"${name}"_bg.wasm dist/split_*.wasm; do
  "$REPO/.tools/node_modules/.bin/wasm-opt" -Oz --enable-bulk-memory \
    --enable-nontrapping-float-to-int "$f" -o "$f"
done
# Trunk's name hashes Trunk's own output. The split files get a name from their own content,
# as the immutable cache rule (deploy/nginx/cache-map.conf) expects: a change of the split
# tooling alone must not reuse a cached name. The chunks and __wasm_split.js carry no hex
# suffix, so they are revalidated (no-cache) and always match the main module.
hash="$(cat dist/"${name}"_bg.wasm dist/split_*.wasm "$work/pkg/$name.js" dist/__wasm_split.js \
  | sha256sum | cut -c1-16)"
new="glance-share-$hash"
# Only the file names: the wasm's import module name ("./<name>_bg.js") stays as linked.
sed -i "s/$name\.js/$new.js/g; s/${name}_bg\.wasm/${new}_bg.wasm/g" \
  dist/index.html dist/__wasm_split.js "dist/$name.js"
rm -f dist/"$name".js.* dist/"${name}"_bg.wasm.*
mv "dist/$name.js" "dist/$new.js"
mv "dist/${name}_bg.wasm" "dist/${new}_bg.wasm"
name="$new"
# Trunk's preload links carry sha384 integrity hashes of its own files: replace them.
python3 - "dist/index.html" "dist/$name.js" "dist/${name}_bg.wasm" <<'PY'
import base64, hashlib, re, sys
page, *files = sys.argv[1:]
html = open(page, encoding="utf-8").read()
for f in files:
    url = "/" + f.split("/", 1)[1]
    digest = base64.b64encode(hashlib.sha384(open(f, "rb").read()).digest()).decode()
    html, n = re.subn(r'(href="' + re.escape(url) + r'"[^>]*integrity=")[^"]*"', r"\g<1>sha384-" + digest + '"', html)
    assert n == 1, f"no integrity link for {url}"
open(page, "w", encoding="utf-8").write(html)
PY
