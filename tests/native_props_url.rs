//! Property tests (issue 11, "decoders cannot panic"): query strings and the catalog's
//! `ImageQuery` read from any URL without panicking, and survive a trip through the URL
//! unchanged. Every property runs 10,000 generated cases.
#![cfg(not(target_arch = "wasm32"))]

use glance_share::api::image_query::{
    list_images_path, CatalogView, DateBound, ImageQuery, SortKey, PAGE_SIZES,
};
use glance_share::api::url::{encode, parse_query_string, query_string};
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

/// Any unicode text (proptest's `char` strategy favours the awkward ones); cheaper than
/// `any::<String>()`, which goes through a regex.
fn text() -> impl Strategy<Value = String> + Clone {
    prop::collection::vec(any::<char>(), 0..16).prop_map(String::from_iter)
}

/// Text made of the characters that mean something in a query string, percent escapes
/// valid and broken (`%zz`, a lone `%`, half a UTF-8 sequence), and a little unicode.
fn query_like() -> impl Strategy<Value = String> + Clone {
    prop::collection::vec(
        select(
            &[
                "&", "=", "?", "+", "%", "%2", "%20", "%zz", "%C3", "%C3%A9", "%E9", "%FF", "%00",
                "%26", "%3D", "%2B", "a", "view", "tag", "1", " ", "é", "镜", "\u{0}", "#",
            ][..],
        ),
        0..16,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    #[test]
    fn parse_query_string_never_panics(query in prop_oneof![text(), query_like()]) {
        let pairs = parse_query_string(&query);
        // Never more pairs than `&`-separated pieces.
        prop_assert!(pairs.len() <= query.matches('&').count() + 1);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// Any pairs, written as a query string and read back, are the same pairs in the same
    /// order (repeated keys included).
    #[test]
    fn query_string_round_trips(pairs in prop::collection::vec(
        (prop_oneof![text(), query_like()], prop_oneof![text(), query_like()]),
        0..6,
    )) {
        let query = query_string(&pairs);
        prop_assert_eq!(parse_query_string(&query), pairs.clone());
        prop_assert_eq!(parse_query_string(&format!("?{query}")), pairs);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// Encoding leaves only unreserved characters and escapes, and decodes back exactly.
    #[test]
    fn encode_is_safe_and_reversible(value in prop_oneof![text(), query_like()]) {
        let encoded = encode(&value);
        prop_assert!(
            encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.~%".contains(&b)),
            "{}", encoded
        );
        let decoded = percent_encoding::percent_decode_str(&encoded)
            .decode_utf8()
            .map(|d| d.into_owned());
        prop_assert_eq!(decoded.ok(), Some(value.clone()));
        let unreserved = value.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.~".contains(&b));
        prop_assert_eq!(encoded == value, unreserved);
    }
}

/// Keys the catalog reads from its URL, and one it does not.
const URL_KEYS: &[&str] = &[
    "view",
    "limit",
    "marker",
    "sort",
    "dir",
    "name",
    "status",
    "visibility",
    "disk_format",
    "container_format",
    "tag",
    "protected",
    "hidden",
    "size_min",
    "size_max",
    "created",
    "updated",
    "q",
    "page",
];

/// Values a hand-edited URL may hold for those keys.
fn url_value() -> impl Strategy<Value = String> + Clone {
    prop_oneof![
        3 => select(&[
            "", " ", "mine", "shared", "all", "public", "25", "50", "100", "0", "-1", "asc",
            "desc", "name", "size", "true", "false", "TRUE", "after:2026-11-01",
            "before:2026-11-30", "after:2026-1-01", "after:", "before:２０２６-11-30",
            "between:2026-11-01", "18446744073709551615", "18446744073709551616",
            "-9223372036854775808", "1e3", "+5", " 5",
        ][..]).prop_map(str::to_string),
        2 => text(),
        1 => any::<u64>().prop_map(|n| n.to_string()),
        1 => any::<i64>().prop_map(|n| n.to_string()),
        1 => query_like(),
    ]
}

fn url_pairs() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec(
        (select(URL_KEYS).prop_map(str::to_string), url_value()),
        0..10,
    )
}

fn read(pairs: &[(String, String)]) -> ImageQuery {
    ImageQuery::from_url_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// Whatever the URL holds, the query read from it is written back to a URL that reads
    /// as the same query, and gives a Glance request with one limit and one sort.
    #[test]
    fn image_query_from_any_url_is_stable(pairs in url_pairs(), project in text()) {
        let q = read(&pairs);
        prop_assert!(PAGE_SIZES.contains(&q.limit));
        let written = q.to_url_pairs();
        prop_assert_eq!(read(&written), q.clone());
        // Through the URL's text as well.
        prop_assert_eq!(read(&parse_query_string(&query_string(&written))), q.clone());
        let glance = q.to_glance_pairs(&project);
        for key in ["limit", "sort_key", "sort_dir"] {
            prop_assert_eq!(glance.iter().filter(|(k, _)| k == key).count(), 1, "{}", key);
        }
        prop_assert!(glance.iter().filter(|(k, _)| k == "visibility").count() <= 1);
        prop_assert!(list_images_path(&q, &project).starts_with("/v2/images?"));
        let _ = q.first_page();
    }
}

/// A non-empty text without surrounding whitespace (what the URL reader keeps).
fn kept_text() -> impl Strategy<Value = String> + Clone {
    text().prop_map(|t| {
        let t = t.trim();
        if t.is_empty() {
            "x".to_string()
        } else {
            t.to_string()
        }
    })
}

fn date_bound() -> impl Strategy<Value = DateBound> {
    (any::<bool>(), prop::collection::vec(b'0'..=b'9', 8)).prop_map(|(after, d)| {
        let d = String::from_utf8_lossy(&d).into_owned();
        DateBound {
            after,
            date: format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..]),
        }
    })
}

fn image_query() -> impl Strategy<Value = ImageQuery> {
    let page = (
        select(CatalogView::ALL.to_vec()),
        select(PAGE_SIZES.to_vec()),
        // The page's position: none (the first page), after a marker, or before an image.
        prop_oneof![
            Just((None, None)),
            kept_text().prop_map(|m| (Some(m), None)),
            kept_text().prop_map(|b| (None, Some(b))),
        ],
        select(SortKey::ALL.to_vec()),
        any::<bool>(),
        prop::option::of(kept_text()),
        any::<bool>(),
    );
    let filters = (
        prop::option::of(kept_text()),
        prop::option::of(kept_text()),
        prop::option::of(kept_text()),
        prop::option::of(kept_text()),
        prop::option::of(kept_text()),
        prop::collection::vec(kept_text(), 0..3),
    );
    let bounds = (
        prop::option::of(any::<bool>()),
        prop::option::of(any::<bool>()),
        // Sizes Glance can hold (a signed 64-bit column): a larger bound in an address is read
        // as the largest (tests/native_api.rs).
        prop::option::of(0..=i64::MAX.unsigned_abs()),
        prop::option::of(0..=i64::MAX.unsigned_abs()),
        prop::option::of(date_bound()),
        prop::option::of(date_bound()),
    );
    (page, filters, bounds).prop_map(
        |(
            (view, limit, (marker, before), sort_key, ascending, contains, more_filters),
            (name, status, visibility, disk_format, container_format, tags),
            (protected, hidden, size_min, size_max, created, updated),
        )| ImageQuery {
            view,
            limit,
            marker,
            before,
            sort_key,
            ascending,
            name,
            status,
            visibility,
            disk_format,
            container_format,
            tags,
            protected,
            hidden,
            size_min,
            size_max,
            created,
            updated,
            contains,
            more_filters,
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// Any query the catalog can hold survives the URL exactly: bookmarks and reloads show
    /// the same view.
    #[test]
    fn image_query_round_trips_through_the_url(q in image_query()) {
        let url = query_string(&q.to_url_pairs());
        prop_assert_eq!(read(&parse_query_string(&url)), q.clone());
        if let Some(b) = &q.created {
            prop_assert_eq!(DateBound::parse(&b.to_url()), Some(b.clone()));
            let glance = q.to_glance_pairs("p");
            let sent = glance.iter().find(|(k, _)| k == "created_at").map(|(_, v)| v.clone());
            prop_assert_eq!(sent, Some(b.to_glance()));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..base() })]
    /// "More filters" open or closed asks Glance the same; each chip's removal takes away
    /// that filter and nothing else, from the first page, keeping the form's look.
    #[test]
    fn chips_remove_one_filter_each_and_more_is_never_sent(q in image_query()) {
        let flipped = ImageQuery { more_filters: !q.more_filters, ..q.clone() };
        prop_assert_eq!(q.to_glance_pairs("p"), flipped.to_glance_pairs("p"));
        prop_assert_eq!(q.listed(), flipped.listed());
        let filters = q.active_filters();
        for (i, f) in filters.iter().enumerate() {
            let rest = q.without(f);
            let first = filters.iter().position(|g| g == f).unwrap_or(i);
            let mut expected = filters.clone();
            expected.remove(first);
            prop_assert_eq!(rest.active_filters(), expected);
            prop_assert_eq!(rest.marker, None);
            prop_assert_eq!(rest.more_filters, q.more_filters);
            prop_assert_eq!(rest.view, q.view);
        }
    }
}

/// Greek capitals and small letters: `Σ` lower-cases to `ς` at the end of a word and to `σ`
/// elsewhere, so a piece can change when it is cut out of a name.
fn greek() -> impl Strategy<Value = String> + Clone {
    prop::collection::vec(select(&['Σ', 'σ', 'ς', 'Α', 'α', ' ', 'x'][..]), 0..5)
        .prop_map(String::from_iter)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// "Name contains" never panics on any text and finds any piece of a name, whatever the
    /// case of either.
    #[test]
    fn contains_finds_any_piece_of_the_name(
        before in prop_oneof![text(), greek()],
        piece in prop_oneof![text(), greek()],
        after in prop_oneof![text(), greek()],
        upper in any::<bool>(),
    ) {
        let typed = if upper { piece.to_uppercase() } else { piece.to_lowercase() };
        let q = ImageQuery { contains: Some(typed.clone()), ..ImageQuery::default() };
        let name = format!("{before}{piece}{after}");
        let _ = DateBound::parse(&name);
        prop_assert!(q.contains_matches(&name), "{:?} in {:?}", typed, name);
    }
}

// Regressions.

/// "Name contains" lower-cased the typed text and the name each as a whole, and a capital
/// sigma lower-cases by its place in the word (`ς` at the end, `σ` inside): "ΑΣ" did not find
/// "ΑΣΑ".
#[test]
fn contains_finds_a_final_sigma_inside_a_name() {
    let q = ImageQuery {
        contains: Some("ΑΣ".into()),
        ..ImageQuery::default()
    };
    assert!(q.contains_matches("ΑΣΑ"));
    assert!(q.contains_matches("ασα"));
    assert!(!q.contains_matches("ΑΒΑ"));
    // Typed in lower case, with the final form, and letters whose cases differ in length.
    let typed = |c: &str| ImageQuery {
        contains: Some(c.into()),
        ..ImageQuery::default()
    };
    assert!(typed("ας").contains_matches("ΑΣΑ"));
    assert!(typed("µ").contains_matches("ΜΑ"));
    assert!(typed("STRASSE").contains_matches("straße-image"));
}
