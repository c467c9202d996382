//! Property tests (issue 11, "decoders cannot panic"): what the user types into the sharing
//! box, the web-download URL, and the file name made from an
//! image's name, never panic and keep their promises. Every property runs 10,000 cases.
#![cfg(not(target_arch = "wasm32"))]

use glance_share::api::checksum::file_name;
use glance_share::api::import::check_url;
use glance_share::api::members::{check_entries, split_entries, EntryProblem};
use proptest::prelude::*;
use proptest::sample::select;

/// The settings every property starts from: no regression files are written into the source
/// tree (each panic found gets its own unit test instead).
fn base() -> ProptestConfig {
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Text built from pieces that mean something to these parsers, and any characters.
fn typed(pieces: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => select(pieces).prop_map(str::to_string),
            1 => any::<char>().prop_map(String::from),
        ],
        0..12,
    )
    .prop_map(|p| p.concat())
}

const ENTRY_PIECES: &[&str] = &[
    ",",
    ";",
    " ",
    "\n",
    "\t",
    "\u{3000}",
    "，",
    "、",
    "p1",
    "p2",
    "owner",
    "demo",
    "a-b_c.d",
    "x/y",
    "é",
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// Every entry is one non-blank piece; an entry without a problem is a well-formed id,
    /// not the owner, not a member yet, and not sent twice.
    #[test]
    fn member_entries_are_checked(
        input in typed(ENTRY_PIECES),
        members in prop::collection::vec(select(&["p1", "p2", "x"][..]).prop_map(str::to_string), 0..3),
        known_demo in any::<bool>(),
    ) {
        let known: Vec<(String, String)> = if known_demo {
            vec![("p2".into(), "demo".into())]
        } else {
            Vec::new()
        };
        let entries = check_entries(&input, "owner", &members, &known);
        prop_assert_eq!(entries.len(), split_entries(&input).len());
        let mut accepted = Vec::new();
        for e in &entries {
            prop_assert!(!e.input.is_empty());
            prop_assert!(!e.input.contains([',', ';', '，', '、', '；']) && !e.input.contains(char::is_whitespace));
            if e.problem.is_none() {
                prop_assert!(e.project_id.len() <= 64);
                prop_assert!(e.project_id.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)));
                prop_assert!(e.project_id != "owner" && !members.contains(&e.project_id));
                // What is added can later be removed from a browser.
                prop_assert!(glance_share::api::url::path_segment(&e.project_id).is_some());
                prop_assert!(!accepted.contains(&e.project_id));
                accepted.push(e.project_id.clone());
            } else if e.problem == Some(EntryProblem::Duplicate) {
                prop_assert!(entries.iter().filter(|o| o.project_id == e.project_id).count() > 1);
            }
        }
    }
}

const URL_PIECES: &[&str] = &[
    "http://",
    "https://",
    "HTTPS://",
    "ftp://",
    "file:///",
    " ",
    "/",
    "host",
    "镜像.example",
    ":8080",
    "?a=b",
    "#",
    "\u{0}",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// A web-download URL is accepted only as http(s) with a host, trimmed.
    #[test]
    fn web_download_urls_are_http_with_a_host(url in typed(URL_PIECES)) {
        if let Ok(u) = check_url(&url) {
            let lower = u.to_ascii_lowercase();
            let rest = lower.strip_prefix("http://").or_else(|| lower.strip_prefix("https://"));
            prop_assert!(rest.is_some_and(|h| !h.is_empty() && !h.starts_with('/')), "{}", u);
            prop_assert_eq!(u.trim(), u.as_str());
        }
    }
}

const NAME_PIECES: &[&str] = &[
    "cirros", ".", "..", "/", "\\", ":", "*", "?", "\"", "<", ">", "|", "\n", " ", ".qcow2",
    ".QCOW2", "镜像", "\u{7f}",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// The download's file name never holds a character file systems refuse, never starts
    /// or ends with a dot, and ends with the disk format.
    #[test]
    fn download_file_names_are_safe(
        name in prop::option::of(typed(NAME_PIECES)),
        id in "[0-9a-f]{8}-[0-9a-f]{4}",
        format in prop::option::of(select(&["qcow2", "raw", "iso", " ", ""][..])),
    ) {
        let file = file_name(name.as_deref(), &id, format);
        prop_assert!(!file.is_empty());
        prop_assert!(
            !file.contains(['/', '\\', ':', '*', '?', '"', '<', '>', '|']) && !file.contains(char::is_control),
            "{:?}", file
        );
        prop_assert!(!file.starts_with('.'), "{:?}", file);
        if let Some(f) = format.map(str::trim).filter(|f| !f.is_empty()) {
            prop_assert!(file.to_ascii_lowercase().ends_with(&format!(".{f}")), "{:?}", file);
        }
    }
}
