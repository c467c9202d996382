//! Rules the release build relies on, checked on the sources.
//!
//! The release build compiles with `-Zfmt-debug=none` (scripts/build-release.sh, README
//! "Size"): every `Debug` impl prints nothing there. Text the app shows must therefore never
//! come from `{:?}`, `{:#?}` or `dbg!`: it would be blank for users while every test of the
//! debug build still saw it.

use std::fs;
use std::path::Path;

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    let Ok(entries) = fs::read_dir(dir) else {
        panic!("cannot read {}", dir.display());
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = fs::read_to_string(&path).unwrap_or_default();
            out.push((path.display().to_string(), text));
        }
    }
}

#[test]
fn the_app_never_shows_debug_formatting() {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 50, "src/ not found: {}", files.len());
    for (path, text) in &files {
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for pattern in [":?}", ":#?}", "dbg!("] {
                assert!(
                    !code.contains(pattern),
                    "{path}:{}: `{pattern}` prints nothing in the release build: {line}",
                    n + 1
                );
            }
        }
    }
}

#[test]
fn the_release_build_is_the_one_these_rules_are_for() {
    let script = include_str!("../scripts/build-release.sh");
    assert!(script.contains("-Zfmt-debug=none"));
}
