#!/usr/bin/env python3
"""Short import names for the release build's main wasm and its JavaScript glue.

wasm-bindgen names each function the wasm imports from its glue after the JavaScript it
wraps plus a 64-bit hash (`__wbg_navigator_c17f443a6fe5d38d`), and every one of the ~270
imports also carries the glue's module name (`./glance-share-<hash>_bg.js`). The hashes
are random to a compressor, and they are in the first load twice: in the wasm's import
section and as the keys of the glue's import object. This step renames them to `$0`, `$1`, …
and the module to `w`, in both files at once (README "Size" has what it saves). The
closures' entry points the wasm exports under their Rust symbol names (~150 characters each)
become `$r0`, `$r1`, … the same way.

Run by scripts/split-wasm.sh on the minified glue and the optimised wasm, before the files
are named after their content. It refuses (exit 1, the build fails) anything it does not
recognise: an import name that is not exactly one key of the glue's import object, an export
the glue does not call exactly once, a new name that the glue already uses, an import kind it
cannot copy.

Usage: short-import-names.py GLUE.js MAIN_bg.wasm
"""
import re
import sys


def read_leb(data: bytes, at: int) -> tuple[int, int]:
    """An unsigned LEB128 number at `at`: (value, position after it)."""
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def leb(value: int) -> bytes:
    """`value` as unsigned LEB128."""
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def name_at(data: bytes, at: int) -> tuple[str, int]:
    length, at = read_leb(data, at)
    return data[at : at + length].decode("utf-8"), at + length


def encoded_name(name: str) -> bytes:
    raw = name.encode("utf-8")
    return leb(len(raw)) + raw


def descriptor_end(data: bytes, at: int) -> int:
    """Where an import's descriptor (the byte after its name) ends."""
    kind = data[at]
    at += 1
    if kind == 0:  # function: type index
        return read_leb(data, at)[1]
    if kind in (1, 2):  # table (reference type, limits) or memory (limits)
        if kind == 1:
            at += 1
        flags = data[at]
        at = read_leb(data, at + 1)[1]
        return read_leb(data, at)[1] if flags & 1 else at
    if kind == 3:  # global: value type, mutability
        return at + 2
    sys.exit(f"short-import-names: import kind {kind} not known")


def sections(wasm: bytes):
    """(id, start of contents, end of contents) of each section."""
    at = 8
    while at < len(wasm):
        section_id = wasm[at]
        size, start = read_leb(wasm, at + 1)
        yield section_id, start, start + size
        at = start + size


def imports(wasm: bytes, start: int, end: int):
    """(module, name, descriptor bytes) of each import in the import section."""
    count, at = read_leb(wasm, start)
    for _ in range(count):
        module, at = name_at(wasm, at)
        name, at = name_at(wasm, at)
        descriptor_start, at = at, descriptor_end(wasm, at)
        yield module, name, wasm[descriptor_start:at]
    if at != end:
        sys.exit("short-import-names: the import section has bytes this step does not know")


def short_names():
    """$0 … $9, $a … $z, $10, … (base 36): never an identifier esbuild makes."""
    n = 0
    while True:
        digits, rest = "", n
        while True:
            digits = "0123456789abcdefghijklmnopqrstuvwxyz"[rest % 36] + digits
            rest //= 36
            if not rest:
                break
        yield "$" + digits
        n += 1


def exports(wasm: bytes, start: int, end: int):
    """(name, kind and index bytes) of each export in the export section."""
    count, at = read_leb(wasm, start)
    for _ in range(count):
        name, at = name_at(wasm, at)
        kind_start = at
        at = read_leb(wasm, at + 1)[1]
        yield name, wasm[kind_start:at]
    if at != end:
        sys.exit("short-import-names: the export section has bytes this step does not know")


def replace_section(wasm: bytes, section: tuple[int, int], body: bytes) -> bytes:
    """`wasm` with the contents of the section at `section` replaced by `body` (its size too,
    whose own length may change)."""
    start, end = section
    size_start = start - 1
    while wasm[size_start - 1] & 0x80:
        size_start -= 1
    return wasm[:size_start] + leb(len(body)) + body + wasm[end:]


def rename_in_glue(glue: str, name: str, short: str, pattern: str) -> str:
    """`glue` with its one occurrence of `pattern` (around `name`) naming `short` instead;
    exits when there is not exactly one, or when `short` is in the glue already."""
    found = re.compile(pattern.format(re.escape(name)))
    if len(found.findall(glue)) != 1 or re.search(r"(?<![\w$])" + re.escape(short) + r"(?![\w$])", glue):
        sys.exit(f"short-import-names: {name} is not found once in the glue, or {short} is taken")
    return found.sub(lambda m: m.group(0).replace(name, short), glue)


def main(glue_path: str, wasm_path: str) -> None:
    glue = open(glue_path, encoding="utf-8").read()
    wasm = open(wasm_path, "rb").read()
    (section,) = [(s, e) for i, s, e in sections(wasm) if i == 2]
    entries = list(imports(wasm, *section))
    modules = {m for m, _, _ in entries if m.endswith("_bg.js")}
    if len(modules) != 1:
        sys.exit(f"short-import-names: expected one glue module, found {sorted(modules)}")
    (module,) = modules
    quoted_module = f'"{module}":'
    if glue.count(quoted_module) != 1:
        sys.exit(f"short-import-names: {module} is not one key of the glue's import object")
    glue = glue.replace(quoted_module, '"w":')
    new_names = short_names()
    renamed = {}
    rebuilt = bytearray()
    for entry_module, name, descriptor in entries:
        if entry_module == module:
            short = renamed.setdefault(name, next(new_names))
            glue = rename_in_glue(glue, name, short, r"(?<![\w$]){}:")
            entry_module, name = "w", short
        rebuilt += encoded_name(entry_module) + encoded_name(name) + descriptor
    out = replace_section(wasm, section, leb(len(entries)) + bytes(rebuilt))

    # The closures' entry points the glue calls are exported under their Rust symbol names
    # (`_RINvNv…6invoke…`, ~150 characters each, called once from the glue as `x.<name>(`):
    # renamed `$r0`, `$r1`, … the same way. The other exports keep their names (the loader of
    # the split modules and wasm-bindgen's start code ask for them).
    (section,) = [(s, e) for i, s, e in sections(out) if i == 7]
    entries = list(exports(out, *section))
    short_exports = ("$r" + n[1:] for n in short_names())
    rebuilt = bytearray()
    renamed_exports = 0
    for name, kind_and_index in entries:
        if name.startswith("_R"):
            short = next(short_exports)
            glue = rename_in_glue(glue, name, short, r"\.{}\(")
            name = short
            renamed_exports += 1
        rebuilt += encoded_name(name) + kind_and_index
    out = replace_section(out, section, leb(len(entries)) + bytes(rebuilt))

    open(wasm_path, "wb").write(out)
    open(glue_path, "w", encoding="utf-8").write(glue)
    print(f"short-import-names: {len(renamed)} imports and {renamed_exports} exports renamed, wasm {len(wasm)} -> {len(out)} B")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
