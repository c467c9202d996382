//! Property tests (issue 11, "decoders cannot panic"): everything that decodes an answer of
//! Glance or Keystone, or the app's `config.json`, takes any text without panicking and keeps
//! its invariants. Inputs are arbitrary text and bytes, and near-valid JSON: the real field
//! names with values of the wrong type, huge and negative numbers, unicode, deep nesting.
//! Every property runs 10,000 generated cases.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use glance_share::api::config::{parse_config, AppConfig, Interface};
use glance_share::api::endpoint::{
    glance_base, image_endpoint, select_endpoint, CatalogEndpoint, CatalogError, CatalogService,
};
use glance_share::api::error::{strip_html, ApiError, ErrorKind};
use glance_share::api::import::{import_state, offered_methods, ImportState, ImportTask, TaskList};
use glance_share::api::keystone::{decode_projects, decode_token};
use glance_share::model::{
    Image, ImagePage, ImageStatus, Member, MemberStatus, MemberTable, MembersBody, Visibility,
};
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::Value;

/// The settings every property starts from: no regression files are written into the source
/// tree (each panic found gets its own unit test instead).
fn base() -> ProptestConfig {
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------
// Generators of JSON text. They avoid `any::<String>()` and regex strategies in the hot
// paths: those go through regex-syntax, which is slow unoptimised, and the 10,000 cases of
// every property must run in a debug build in seconds.

/// Any unicode text (proptest's `char` strategy favours the awkward ones).
fn text() -> impl Strategy<Value = String> + Clone {
    prop::collection::vec(any::<char>(), 0..24).prop_map(String::from_iter)
}

/// `n` decimal digits for `n` in `len`.
fn digits(len: std::ops::Range<usize>) -> impl Strategy<Value = String> + Clone {
    prop::collection::vec(b'0'..=b'9', len).prop_map(|d| String::from_utf8_lossy(&d).into_owned())
}

/// Text of chars from `alphabet`.
fn word(
    alphabet: &'static [char],
    len: std::ops::Range<usize>,
) -> impl Strategy<Value = String> + Clone {
    prop::collection::vec(select(alphabet), len).prop_map(String::from_iter)
}

const LOWER: &[char] = &['a', 'b', 'e', 'i', 'm', 'n', 'o', 's', 't', 'x', 'z', '_'];

/// `s` as a JSON string literal (quotes and escapes).
fn quoted(s: &str) -> String {
    Value::String(s.to_string()).to_string()
}

/// Every field name the decoders read, so generated objects hit real fields.
const FIELD_NAMES: &[&str] = &[
    // Glance images, pages, members, tasks, errors, import info.
    "id",
    "name",
    "status",
    "visibility",
    "size",
    "virtual_size",
    "disk_format",
    "container_format",
    "owner",
    "created_at",
    "updated_at",
    "protected",
    "os_hidden",
    "tags",
    "checksum",
    "os_hash_algo",
    "os_hash_value",
    "min_disk",
    "min_ram",
    "stores",
    "self",
    "file",
    "schema",
    "locations",
    "direct_url",
    "os_glance_failed_import",
    "images",
    "next",
    "first",
    "members",
    "member_id",
    "image_id",
    "tasks",
    "message",
    "request_id",
    "title",
    "code",
    "error",
    "import-methods",
    "value",
    // Keystone tokens and projects.
    "token",
    "expires_at",
    "user",
    "project",
    "domain",
    "domain_id",
    "roles",
    "catalog",
    "methods",
    "type",
    "endpoints",
    "interface",
    "region",
    "region_id",
    "url",
    "projects",
    "enabled",
    // config.json.
    "auth_url",
    "region_name",
    "image_endpoint_override",
    "user_domain_name",
    "project_domain_name",
    "cloud_name",
];

/// String values the decoders give a meaning to, plus awkward ones.
const WORDS: &[&str] = &[
    "",
    " ",
    "active",
    "queued",
    "importing",
    "killed",
    "pending",
    "accepted",
    "rejected",
    "public",
    "private",
    "shared",
    "community",
    "failure",
    "success",
    "image",
    "identity",
    "internal",
    "admin",
    "publicURL",
    "RegionOne",
    "glance-direct",
    "web-download",
    "copy-image",
    "https://glance.example/v2/",
    "/image",
    "/",
    "2026-11-25T16:00:00Z",
    "9999-99-99T99:99:99Z",
    "<br /><br />",
    "<head><title>x</title></head>",
    "&lt;script&gt;",
    "镜像",
    "\u{0}",
    "\u{feff}",
    "\u{10ffff}",
];

/// JSON leaves of every type, with numbers at and beyond the edges of u64/i64/f64.
fn json_leaf() -> impl Strategy<Value = String> + Clone {
    prop_oneof![
        3 => select(WORDS).prop_map(quoted),
        2 => text().prop_map(|s| quoted(&s)),
        1 => select(&[
            "null", "true", "false", "0", "-0", "1", "-1", "0.5", "-1.5", "1e3", "1E-7",
            "18446744073709551615", "18446744073709551616", "-9223372036854775808",
            "-9223372036854775809", "1e308", "1e309", "-1e400", "4.9e-324", "1e-400",
            "123456789012345678901234567890", "[]", "{}", "\"\\ud800\"", "\"\\udc00\\ud800\"",
            "\"\\u0000\"", "\"\\n\\t\\\"\"",
        ][..]).prop_map(str::to_string),
        1 => any::<i64>().prop_map(|n| n.to_string()),
        1 => any::<u64>().prop_map(|n| n.to_string()),
        1 => any::<f64>().prop_map(|x| Value::from(x).to_string()),
        1 => (any::<bool>(), digits(15..45), digits(0..5), prop::option::of(digits(1..4))).prop_map(
            |(neg, whole, frac, exp)| {
                let sign = if neg { "-" } else { "" };
                let frac = if frac.is_empty() { frac } else { format!(".{frac}") };
                let exp = exp.map(|e| format!("e{e}")).unwrap_or_default();
                format!("{sign}{whole}{frac}{exp}")
            }
        ),
    ]
}

/// `[[[…]]]` or `{"images":{"images":…}}` nested `depth` times: beyond serde_json's limit
/// of 128 the parse must fail cleanly, not overflow the stack.
fn deep_json() -> impl Strategy<Value = String> + Clone {
    (0usize..200, select(FIELD_NAMES), any::<bool>()).prop_map(|(depth, key, array)| {
        if array {
            format!("{}{}", "[".repeat(depth), "]".repeat(depth))
        } else {
            let open = format!("{{{}:", quoted(key));
            format!("{}null{}", open.repeat(depth), "}".repeat(depth))
        }
    })
}

/// A key for a generated object: mostly a real field name.
fn json_key() -> impl Strategy<Value = String> + Clone {
    prop_oneof![
        6 => select(FIELD_NAMES).prop_map(quoted),
        1 => text().prop_map(|s| quoted(&s)),
    ]
}

/// Any JSON value as text, a few levels deep, objects keyed mostly by real field names.
fn json_value() -> impl Strategy<Value = String> + Clone {
    let leaf = prop_oneof![20 => json_leaf(), 1 => deep_json()];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(|v| format!("[{}]", v.join(","))),
            prop::collection::vec((json_key(), inner), 0..6).prop_map(|kv| {
                let fields: Vec<String> = kv.into_iter().map(|(k, v)| format!("{k}:{v}")).collect();
                format!("{{{}}}", fields.join(","))
            }),
        ]
    })
}

/// An object as text from `(key, value text)` pairs, duplicates kept in order.
fn object(fields: impl IntoIterator<Item = (String, String)>) -> String {
    let fields: Vec<String> = fields
        .into_iter()
        .map(|(k, v)| format!("{}:{v}", quoted(&k)))
        .collect();
    format!("{{{}}}", fields.join(","))
}

/// A change to a valid object: a field (real or made up) set to any value, or removed.
#[derive(Debug, Clone)]
enum Mutation {
    Set(String, String),
    Remove(String),
}

fn mutation(fields: &'static [&'static str]) -> impl Strategy<Value = Mutation> + Clone {
    let name = prop_oneof![
        8 => select(fields).prop_map(str::to_string),
        1 => select(FIELD_NAMES).prop_map(str::to_string),
        1 => word(LOWER, 1..12),
    ];
    prop_oneof![
        4 => (name.clone(), json_value()).prop_map(|(k, v)| Mutation::Set(k, v)),
        1 => name.prop_map(Mutation::Remove),
    ]
}

/// A valid object with 0 to 4 mutations applied: most decodes get past the required fields
/// and reach the one value that is wrong.
fn near_valid(
    valid: &'static [(&'static str, &'static str)],
    fields: &'static [&'static str],
) -> impl Strategy<Value = String> + Clone {
    near_valid_with(valid, fields, 0..5)
}

/// [`near_valid`] with at most one mutation: for the many small objects nested in a token,
/// so that a case stays cheap and most of it still decodes.
fn slightly_off(
    valid: &'static [(&'static str, &'static str)],
    fields: &'static [&'static str],
) -> impl Strategy<Value = String> + Clone {
    near_valid_with(valid, fields, 0..2)
}

fn near_valid_with(
    valid: &'static [(&'static str, &'static str)],
    fields: &'static [&'static str],
    mutations: std::ops::Range<usize>,
) -> impl Strategy<Value = String> + Clone {
    (
        prop::collection::vec(mutation(fields), mutations),
        any::<bool>(),
    )
        .prop_map(move |(mutations, duplicate)| {
            let mut map: BTreeMap<String, String> = valid
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            let mut dup = None;
            for m in mutations {
                match m {
                    Mutation::Set(k, v) => {
                        if duplicate && map.contains_key(&k) {
                            dup = Some((k.clone(), v.clone()));
                        }
                        map.insert(k, v);
                    }
                    Mutation::Remove(k) => {
                        map.remove(&k);
                    }
                }
            }
            // A repeated key, as a careless server could send.
            object(map.into_iter().chain(dup))
        })
}

const IMAGE_FIELDS: &[&str] = &[
    "id",
    "name",
    "status",
    "visibility",
    "size",
    "virtual_size",
    "disk_format",
    "container_format",
    "owner",
    "created_at",
    "updated_at",
    "protected",
    "os_hidden",
    "tags",
    "checksum",
    "os_hash_algo",
    "os_hash_value",
    "min_disk",
    "min_ram",
    "stores",
    "self",
    "file",
    "schema",
    "locations",
    "os_glance_failed_import",
    "hw_disk_bus",
];

const VALID_IMAGE: &[(&str, &str)] = &[
    ("id", "\"0d3e6a3e-6b0a-4a5f-9f3b-3c7d0e4f9a11\""),
    ("name", "\"cirros\""),
    ("status", "\"active\""),
    ("visibility", "\"shared\""),
    ("size", "16338944"),
    ("virtual_size", "117440512"),
    ("disk_format", "\"qcow2\""),
    ("container_format", "\"bare\""),
    ("owner", "\"6c1d0d4a8b3f4f0e9d2c1b0a9f8e7d6c\""),
    ("created_at", "\"2026-11-25T16:00:00Z\""),
    ("updated_at", "\"2026-11-25T16:00:05Z\""),
    ("protected", "false"),
    ("os_hidden", "false"),
    ("tags", "[\"a\", \"b\"]"),
    ("min_disk", "0"),
    ("min_ram", "0"),
    ("self", "\"/v2/images/0d3e6a3e\""),
    ("hw_disk_bus", "\"virtio\""),
];

fn near_image() -> impl Strategy<Value = String> {
    near_valid(VALID_IMAGE, IMAGE_FIELDS)
}

const MEMBER_FIELDS: &[&str] = &[
    "member_id",
    "image_id",
    "status",
    "created_at",
    "updated_at",
    "schema",
];

const VALID_MEMBER: &[(&str, &str)] = &[
    ("member_id", "\"p1\""),
    ("image_id", "\"i1\""),
    ("status", "\"pending\""),
    ("created_at", "\"2026-11-25T16:00:00Z\""),
    ("updated_at", "\"2026-11-25T16:00:00Z\""),
];

fn near_member() -> impl Strategy<Value = String> {
    near_valid(VALID_MEMBER, MEMBER_FIELDS)
}

/// A JSON array of 0..4 elements from `item`, sometimes with an element of any other shape.
fn array_of(item: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![8 => item, 1 => json_value()], 0..4)
        .prop_map(|v| format!("[{}]", v.join(",")))
}

/// Any text at all: unicode strings, bytes read as UTF-8 with replacement, JSON of any shape.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        text(),
        prop::collection::vec(any::<u8>(), 0..256)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        json_value(),
    ]
}

/// Keystone catalog entries: small alphabets so that types, interfaces and regions match.
fn near_catalog_entry() -> impl Strategy<Value = String> {
    let endpoint = slightly_off(
        &[
            ("interface", "\"public\""),
            ("region_id", "\"RegionOne\""),
            ("region", "\"RegionOne\""),
            ("url", "\"https://glance.example/v2/\""),
        ],
        &["interface", "region_id", "region", "url", "id"],
    );
    (
        slightly_off(
            &[("type", "\"image\""), ("name", "\"glance\"")],
            &["type", "name", "id"],
        ),
        array_of(endpoint),
    )
        .prop_map(|(service, endpoints)| {
            // Splice the endpoints into the service object.
            let inner = service.trim_start_matches('{').trim_end_matches('}');
            if inner.is_empty() {
                format!("{{\"endpoints\":{endpoints}}}")
            } else {
                format!("{{{inner},\"endpoints\":{endpoints}}}")
            }
        })
}

fn near_token() -> impl Strategy<Value = String> {
    let user = slightly_off(
        &[
            ("id", "\"u1\""),
            ("name", "\"alice\""),
            ("domain", "{\"id\": \"default\", \"name\": \"Default\"}"),
        ],
        &["id", "name", "domain"],
    );
    let project = slightly_off(
        &[
            ("id", "\"p1\""),
            ("name", "\"demo\""),
            ("domain", "{\"id\": \"default\", \"name\": \"Default\"}"),
        ],
        &["id", "name", "domain"],
    );
    let role = slightly_off(&[("id", "\"r1\""), ("name", "\"member\"")], &["id", "name"]);
    (
        slightly_off(
            &[
                ("expires_at", "\"2026-11-25T17:00:00.000000Z\""),
                ("methods", "[\"password\"]"),
            ],
            &["expires_at", "methods", "issued_at", "audit_ids"],
        ),
        user,
        prop_oneof![Just(None), project.prop_map(Some)],
        array_of(role),
        array_of(near_catalog_entry()),
    )
        .prop_map(|(token, user, project, roles, catalog)| {
            let inner = token.trim_start_matches('{').trim_end_matches('}');
            let mut parts: Vec<String> = Vec::new();
            if !inner.is_empty() {
                parts.push(inner.to_string());
            }
            parts.push(format!("\"user\":{user}"));
            if let Some(p) = project {
                parts.push(format!("\"project\":{p}"));
            }
            parts.push(format!("\"roles\":{roles}"));
            parts.push(format!("\"catalog\":{catalog}"));
            format!("{{\"token\":{{{}}}}}", parts.join(","))
        })
}

fn near_project() -> impl Strategy<Value = String> {
    near_valid(
        &[
            ("id", "\"p1\""),
            ("name", "\"demo\""),
            ("domain_id", "\"default\""),
            ("enabled", "true"),
        ],
        &["id", "name", "domain_id", "enabled", "parent_id"],
    )
}

/// Error bodies as Glance and Keystone write them, with any values in their fields.
fn near_error_body() -> impl Strategy<Value = String> {
    let glance = near_valid(
        &[
            (
                "message",
                "\"No image found with ID x<br /><br />\\n\\n\\n\"",
            ),
            ("code", "\"404 Not Found\""),
            ("title", "\"Not Found\""),
        ],
        &["message", "code", "title"],
    );
    prop_oneof![
        glance.clone(),
        glance.prop_map(|g| format!("{{\"error\":{g}}}")),
        "<html><head><title>[ -~]{0,10}</title></head><body>[ -~]{0,40}</body></html>",
    ]
}

fn near_config() -> impl Strategy<Value = String> {
    near_valid(
        &[
            ("auth_url", "\"https://keystone.example/v3\""),
            ("region_name", "\"RegionOne\""),
            ("interface", "\"public\""),
            ("image_endpoint_override", "\"/image/\""),
            ("user_domain_name", "\"Default\""),
            ("project_domain_name", "\"Default\""),
            ("cloud_name", "\"Dev\""),
        ],
        &[
            "auth_url",
            "region_name",
            "interface",
            "image_endpoint_override",
            "user_domain_name",
            "project_domain_name",
            "cloud_name",
        ],
    )
}

// ---------------------------------------------------------------------------------------
// Glance records.

/// Checks what any decoded image must satisfy, whatever the input was.
fn check_image(image: &Image) -> Result<(), TestCaseError> {
    // Serialising and reading back gives the same image. serde_json (without its
    // `float_roundtrip` feature, which the wasm size budget leaves out) may read a float of
    // an extra property one ulp off, so extra properties are compared by key only, and as a
    // set: the map keeps the order it was filled in, which taking the known fields out
    // changes (the app sorts custom properties where it shows them).
    let text = serde_json::to_string(image).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let again: Image =
        serde_json::from_str(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let keys = |i: &Image| {
        i.extra
            .keys()
            .cloned()
            .collect::<std::collections::BTreeSet<_>>()
    };
    prop_assert_eq!(keys(&again), keys(image));
    prop_assert_eq!(
        Image {
            extra: Default::default(),
            ..again
        },
        Image {
            extra: Default::default(),
            ..image.clone()
        }
    );
    // The name shown is never blank when there is something to show.
    if !image.id.trim().is_empty() {
        prop_assert!(!image.display_name().trim().is_empty());
    }
    // A missing or blank name is no name (and so is one of invisible characters only:
    // tests/native_api.rs).
    if image.name.as_deref().is_none_or(|n| n.trim().is_empty()) {
        prop_assert!(image.is_nameless());
    }
    if image.is_nameless() {
        prop_assert_eq!(image.display_name(), image.id.as_str());
    }
    // Custom properties: sorted, never a field Glance manages or one the app reads itself.
    let props = image.custom_properties();
    prop_assert!(props.windows(2).all(|w| w[0] <= w[1]));
    for (key, _) in &props {
        let managed = [
            "self",
            "file",
            "schema",
            "locations",
            "direct_url",
            "os_glance_failed_import",
        ];
        prop_assert!(!managed.contains(&key.as_str()), "{}", key);
        prop_assert!(IMAGE_FIELDS[..20].iter().all(|f| f != key), "{}", key);
    }
    prop_assert_eq!(
        ImageStatus::from(image.status.as_str().to_string()),
        image.status.clone()
    );
    prop_assert_eq!(
        Visibility::from(image.visibility.as_str().to_string()),
        image.visibility.clone()
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    #[test]
    fn glance_decoders_never_panic_on_any_text(text in any_text()) {
        if let Ok(image) = serde_json::from_str::<Image>(&text) {
            check_image(&image)?;
        }
        let _ = serde_json::from_str::<ImagePage>(&text);
        let _ = serde_json::from_str::<Member>(&text);
        let _ = serde_json::from_str::<MembersBody>(&text);
        let _ = serde_json::from_str::<TaskList>(&text);
        let _ = serde_json::from_str::<ImageStatus>(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// Near-valid images: decode or fail cleanly; what decodes keeps every invariant.
    #[test]
    fn near_valid_images_decode_or_fail_cleanly(text in near_image()) {
        if let Ok(image) = serde_json::from_str::<Image>(&text) {
            check_image(&image)?;
            // The one required field really was there as a string.
            let value: Value = serde_json::from_str(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(value["id"].as_str(), Some(image.id.as_str()));
            // A field of the right type keeps its value; one of any other type is unknown.
            prop_assert_eq!(value["status"].as_str().unwrap_or(""), image.status.as_str());
            prop_assert_eq!(value["visibility"].as_str().unwrap_or(""), image.visibility.as_str());
            prop_assert_eq!(value["name"].as_str(), image.name.as_deref());
            prop_assert_eq!(value["size"].as_u64(), image.size);
            prop_assert_eq!(value["min_disk"].as_u64(), image.min_disk);
            prop_assert_eq!(value["protected"].as_bool().unwrap_or(false), image.protected);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// A page's next marker is the last image's id exactly when Glance says there is more.
    #[test]
    fn image_pages_decode_and_give_the_right_marker(
        images in array_of(near_image()),
        next in prop_oneof![Just(None), json_leaf().prop_map(Some)],
    ) {
        let text = match &next {
            Some(n) => format!("{{\"images\":{images},\"next\":{n}}}"),
            None => format!("{{\"images\":{images}}}"),
        };
        // A list of records is always a page: a record that is not an image is left out, an
        // odd `next` is no next page. (Unless serde_json refuses the JSON itself: a number
        // beyond f64, nesting deeper than 128.)
        if serde_json::from_str::<Value>(&text).is_err() {
            return Ok(());
        }
        let records: Vec<Value> = serde_json::from_str(&images).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let page = serde_json::from_str::<ImagePage>(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let alone: Vec<String> = records
            .into_iter()
            .filter_map(|r| serde_json::from_value::<Image>(r).ok())
            .map(|i| i.id)
            .collect();
        prop_assert_eq!(page.images.iter().map(|i| i.id.clone()).collect::<Vec<_>>(), alone);
        for image in &page.images {
            check_image(image)?;
        }
        let expected = page.next.as_ref().and_then(|_| page.images.last()).map(|i| i.id.clone());
        prop_assert_eq!(page.next_marker(), expected);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// Members always decode; the list reads back the same and its counts add up.
    #[test]
    fn members_decode_and_count(members in array_of(near_member())) {
        let text = format!("{{\"members\":{members}}}");
        // A list of records is always a member list: a record that is not a member is left
        // out. (Unless serde_json refuses the JSON itself, as above.)
        if serde_json::from_str::<Value>(&text).is_err() {
            return Ok(());
        }
        let body = serde_json::from_str::<MembersBody>(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for m in &body.members {
            let again: Member = serde_json::from_str(&serde_json::to_string(m).map_err(|e| TestCaseError::fail(e.to_string()))?)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(&again, m);
        }
        let table = MemberTable::from_members(body.members.clone());
        let c = table.counts();
        prop_assert!(c.pending + c.accepted + c.rejected <= c.total);
        prop_assert!(c.total <= body.members.len());
        prop_assert_eq!(table.filtered(None).len(), c.total);
        prop_assert_eq!(table.filtered(Some(&MemberStatus::Pending)).len(), c.pending);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// Open enums: every string is a status, and it keeps its spelling both ways.
    #[test]
    fn open_enums_keep_any_value(s in prop_oneof![select(WORDS).prop_map(str::to_string), text()]) {
        let (status, visibility, member) = (
            ImageStatus::from(s.clone()),
            Visibility::from(s.clone()),
            MemberStatus::from(s.clone()),
        );
        prop_assert_eq!(status.as_str(), s.as_str());
        prop_assert_eq!(visibility.as_str(), s.as_str());
        prop_assert_eq!(member.as_str(), s.as_str());
        let decoded: Result<ImageStatus, _> = serde_json::from_str(&quoted(&s));
        prop_assert_eq!(decoded.ok(), Some(ImageStatus::from(s.clone())));
        prop_assert_eq!(String::from(MemberStatus::from(s.clone())), s);
    }
}

// ---------------------------------------------------------------------------------------
// Keystone.

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    #[test]
    fn keystone_decoders_never_panic_on_any_text(text in any_text()) {
        let _ = decode_token(&text);
        let _ = decode_projects(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// Near-valid tokens: decoded or refused; what decodes says what the JSON says.
    #[test]
    fn near_valid_tokens_decode_what_they_hold(text in near_token()) {
        // serde_json skips unknown fields without checking their numbers' range or depth as
        // strictly as it reads a `Value`: compare with the `Value` when there is one.
        if let (Ok(info), Ok(v)) = (decode_token(&text), serde_json::from_str::<Value>(&text)) {
            prop_assert_eq!(v.pointer("/token/user/id").and_then(Value::as_str), Some(info.user_id.as_str()));
            prop_assert_eq!(v.pointer("/token/expires_at").and_then(Value::as_str), Some(info.expires_at.as_str()));
            prop_assert_eq!(info.project_id.is_some(), info.project_name.is_some());
            prop_assert_eq!(
                v.pointer("/token/catalog").and_then(Value::as_array).map_or(0, Vec::len),
                info.catalog.len()
            );
            prop_assert_eq!(
                v.pointer("/token/roles").and_then(Value::as_array).map_or(0, Vec::len),
                info.roles.len()
            );
            // The catalog it holds gives an endpoint or a clean refusal.
            let config = AppConfig {
                auth_url: "https://keystone.example/v3".into(),
                region_name: None,
                interface: Interface::Public,
                image_endpoint_override: None,
                user_domain_name: "Default".into(),
                project_domain_name: "Default".into(),
                cloud_name: None,
                request_timeout_s: 30,
                transfer_stall_s: 60,
                stream_downloads_above_mib: 256,
            };
            let chosen = select_endpoint(&info.catalog, "image", Interface::Public, None);
            prop_assert_eq!(image_endpoint(&info.catalog, &config), chosen.map(|u| glance_base(&u)));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// Projects: only enabled ones, sorted by name regardless of case, never more than sent.
    #[test]
    fn projects_are_enabled_and_sorted(projects in array_of(near_project())) {
        let text = format!("{{\"projects\":{projects}}}");
        if let Ok(list) = decode_projects(&text) {
            let sent = text.matches("\"id\":").count().max(list.len());
            let v: Value = serde_json::from_str(&text).unwrap_or_default();
            let sent = v["projects"].as_array().map_or(sent, Vec::len);
            prop_assert!(list.len() <= sent);
            prop_assert!(list.iter().all(|p| p.enabled));
            prop_assert!(list.windows(2).all(|w| w[0].name.to_lowercase() <= w[1].name.to_lowercase()));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Errors and HTML.

/// What any text made by `strip_html` looks like: single spaces between non-blank words.
fn is_collapsed(text: &str) -> bool {
    text.is_empty()
        || text
            .split(' ')
            .all(|w| !w.is_empty() && !w.contains(char::is_whitespace))
}

/// `text` with whitespace collapsed as `strip_html` promises.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// Any answer makes an error with the status, the request id and non-empty plain words.
    #[test]
    fn error_from_any_response(
        status in any::<u16>(),
        body in prop_oneof![any_text(), near_error_body()],
        request_id in prop::option::of("req-[0-9a-f-]{0,36}"),
    ) {
        let e = ApiError::from_response(status, &body, request_id.clone());
        prop_assert_eq!(e.kind, ErrorKind::Http);
        prop_assert_eq!(e.status, status);
        prop_assert_eq!(&e.request_id, &request_id);
        prop_assert!(!e.message.is_empty());
        prop_assert!(is_collapsed(&e.message), "{:?}", e.message);
        prop_assert_eq!(e.is_unauthorized(), status == 401);
        let task = ApiError::task(body.clone(), None);
        prop_assert!(is_collapsed(&task.message), "{:?}", task.message);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// Any text: collapsed whitespace, and no `<` but those written as `&lt;`.
    #[test]
    fn strip_html_never_panics_and_leaves_no_tag(text in any_text()) {
        let out = strip_html(&text);
        prop_assert!(is_collapsed(&out), "{:?}", out);
        prop_assert!(out.matches('<').count() <= text.matches("&lt;").count(), "{:?}", out);
        prop_assert!(out.len() <= text.len() + text.matches('<').count(), "{:?}", out);
    }
}

/// Text between tags: no `<`, `>` or `&`, with unicode and whitespace of every kind.
fn plain_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(any::<char>(), 0..12).prop_map(|cs| {
            cs.into_iter()
                .map(|c| if "<>&".contains(c) { ' ' } else { c })
                .collect()
        }),
        word(
            &[' ', 'a', 'Z', '0', '镜', '像', '\u{a0}', '\u{3000}', '\t', '\n', '\r', '.'],
            0..12
        ),
    ]
}

/// A tag that is not one of those whose contents are hidden (head, style, script).
fn tag() -> impl Strategy<Value = String> {
    prop_oneof![
        select(
            &[
                "<br />",
                "<br>",
                "<p>",
                "</p>",
                "<b>",
                "</b>",
                "<a href=\"x\">",
                "</a>",
                "<h1>",
                "<>",
                "</>",
                "<!-- c -->",
                "<!DOCTYPE html>",
                "<ul\n>"
            ][..]
        )
        .prop_map(str::to_string),
        "<[a-gi-rt-z][^<>]{0,8}>",
    ]
}

/// What a tag leaves between the words around it: nothing for an element that sits inside a
/// sentence (`<b>`, `</a>`), a space for any other.
fn tag_gap(tag: &str) -> &'static str {
    const INLINE: [&str; 20] = [
        "a", "b", "i", "u", "s", "em", "strong", "span", "code", "tt", "small", "abbr", "kbd",
        "samp", "var", "font", "sub", "sup", "q", "cite",
    ];
    let name: String = tag
        .trim_start_matches('<')
        .trim_start_matches('/')
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    if INLINE.contains(&name.as_str()) {
        ""
    } else {
        " "
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// Text interleaved with tags comes out as the text alone: no tag, no word lost, words
    /// parted where a block tag stood and joined across an inline one.
    #[test]
    fn strip_html_keeps_the_text_between_tags(parts in prop::collection::vec((plain_text(), tag()), 0..6), tail in plain_text()) {
        let html: String = parts.iter().map(|(t, g)| format!("{t}{g}")).collect::<String>() + &tail;
        let text: String = parts.iter().map(|(t, g)| format!("{t}{}", tag_gap(g))).collect::<String>() + &tail;
        let out = strip_html(&html);
        prop_assert_eq!(&out, &collapse(&text), "{:?}", html);
        prop_assert!(!out.contains('<') && !out.contains('>'), "{:?}", out);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// Hidden sections (head, style, script) leave none of their contents.
    #[test]
    fn strip_html_hides_head_style_script(
        before in plain_text(),
        section in select(&["head", "style", "script", "HEAD", "Script"][..]),
        hidden in "[a-z @]{1,10}",
        after in plain_text(),
    ) {
        let html = format!("{before}<{section}>{hidden}</{section}>{after}");
        prop_assert_eq!(strip_html(&html), collapse(&format!("{before} {after}")));
    }
}

// ---------------------------------------------------------------------------------------
// Import.

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// Offered methods are exactly the drivable ones the cloud lists, in its order.
    #[test]
    fn offered_methods_keep_the_clouds_order(
        text in any_text(),
        methods in prop::collection::vec(prop_oneof![
            4 => select(&["glance-direct", "web-download", "copy-image", "glance-download", "", "Glance-Direct"][..]).prop_map(quoted),
            1 => json_value(),
        ], 0..6),
    ) {
        prop_assert!(offered_methods(&text).iter().all(|m| *m == "glance-direct" || *m == "web-download"));
        let body = format!("{{\"import-methods\":{{\"description\":\"x\",\"value\":[{}]}}}}", methods.join(","));
        let expected: Vec<String> = methods
            .iter()
            .filter_map(|m| serde_json::from_str::<String>(m).ok())
            .filter(|m| m == "glance-direct" || m == "web-download")
            .collect();
        let got: Vec<String> = offered_methods(&body).into_iter().map(str::to_string).collect();
        // A value that is not valid JSON makes the whole body unreadable: nothing offered.
        if serde_json::from_str::<Value>(&body).is_ok() {
            prop_assert_eq!(got, expected);
        } else {
            prop_assert!(got.is_empty());
        }
    }
}

fn task() -> impl Strategy<Value = ImportTask> {
    (
        select(&["t1", "t2", "t3", "t4", ""][..]),
        select(&["failure", "success", "processing", "pending", "", "FAILURE"][..]),
        prop::option::of(prop_oneof![select(WORDS).prop_map(str::to_string), text()]),
        select(
            &[
                "2026-11-25T16:00:00Z",
                "2026-11-25T16:00:01Z",
                "",
                "zzz",
                "2026-11-25T15:59:59.999999Z",
            ][..],
        ),
        prop::option::of("req-[0-9a-f]{0,8}"),
    )
        .prop_map(|(id, status, message, created_at, request_id)| ImportTask {
            id: id.into(),
            status: status.into(),
            message,
            created_at: created_at.into(),
            request_id,
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// The import state follows the image status, then the newest task of this attempt.
    #[test]
    fn import_state_follows_status_and_newest_task(
        status in prop_oneof![select(WORDS).prop_map(str::to_string), text()].prop_map(ImageStatus::from),
        tasks in prop::collection::vec(task(), 0..5),
        earlier in prop::collection::vec(select(&["t1", "t2", "x"][..]).prop_map(str::to_string), 0..3),
        tasks_json in array_of(near_valid(
            &[("id", "\"t1\""), ("status", "\"failure\""), ("message", "\"Glance said no\""), ("created_at", "\"2026-11-25T16:00:00Z\"")],
            &["id", "status", "message", "created_at", "request_id", "result"],
        )),
    ) {
        let state = import_state(&status, &tasks, &earlier);
        let this_attempt: Vec<&ImportTask> = tasks.iter().filter(|t| !earlier.contains(&t.id)).collect();
        match (&status, &state) {
            (ImageStatus::Active, s) => prop_assert_eq!(s, &ImportState::Active),
            (ImageStatus::Killed | ImageStatus::Deleted | ImageStatus::PendingDelete, s) => {
                prop_assert!(matches!(s, ImportState::Failed { .. }), "{:?}", s)
            }
            (_, ImportState::Failed { message, request_id }) => {
                let newest = this_attempt.iter().map(|t| &t.created_at).max();
                let failed = this_attempt.iter().find(|t| t.status == "failure" && Some(&t.created_at) == newest && &t.request_id == request_id);
                prop_assert!(failed.is_some(), "{:?}", state);
                if let Some(m) = message {
                    prop_assert!(!m.trim().is_empty());
                }
            }
            (_, ImportState::Running(s)) => {
                prop_assert_eq!(s, &status);
                let newest = this_attempt.iter().map(|t| &t.created_at).max();
                let newest_not_failed = this_attempt
                    .iter()
                    .any(|t| Some(&t.created_at) == newest && t.status != "failure");
                prop_assert!(this_attempt.is_empty() || newest_not_failed, "{:?}", tasks);
            }
            (_, ImportState::Active) => {
                return Err(TestCaseError::fail("active without an active image"));
            }
        }
        // Tasks as Glance sends them decode or fail cleanly.
        if let Ok(list) = serde_json::from_str::<TaskList>(&format!("{{\"tasks\":{tasks_json}}}")) {
            let _ = import_state(&ImageStatus::Queued, &list.tasks, &[]);
        }
    }
}

// ---------------------------------------------------------------------------------------
// config.json and the service catalog.

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// Any config.json is read or refused; a read one is normalised.
    #[test]
    fn config_is_read_or_refused(text in prop_oneof![any_text(), near_config()]) {
        if let Ok(c) = parse_config(&text) {
            prop_assert!(c.auth_url.ends_with("/v3"), "{}", c.auth_url);
            prop_assert_eq!(c.auth_url.trim(), c.auth_url.as_str());
            prop_assert!(!c.user_domain_name.is_empty() && c.user_domain_name.trim() == c.user_domain_name);
            prop_assert!(!c.project_domain_name.is_empty());
            if let Some(o) = &c.image_endpoint_override {
                prop_assert!(!o.ends_with('/'), "{}", o);
                prop_assert_eq!(image_endpoint(&[], &c), Ok(glance_base(o)));
            }
            for n in [&c.region_name, &c.cloud_name].into_iter().flatten() {
                prop_assert!(!n.is_empty() && n.trim() == n);
            }
        }
    }
}

fn catalog() -> impl Strategy<Value = Vec<CatalogService>> {
    let endpoint = (
        select(&["public", "internal", "admin", "publicURL", ""][..]),
        prop::option::of(select(&["R1", "R2", ""][..])),
        prop::option::of(select(&["R1", "R2"][..])),
        prop_oneof![select(WORDS).prop_map(str::to_string), text()],
    )
        .prop_map(|(interface, region_id, region, url)| CatalogEndpoint {
            interface: interface.into(),
            region_id: region_id.map(str::to_string),
            region: region.map(str::to_string),
            url,
        });
    let service = (
        select(&["image", "identity", "Image", ""][..]),
        prop::option::of(select(&["glance", "keystone"][..])),
        prop::collection::vec(endpoint, 0..4),
    )
        .prop_map(|(t, name, endpoints)| CatalogService {
            service_type: t.into(),
            name: name.map(str::to_string),
            endpoints,
        });
    prop::collection::vec(service, 0..4)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// The endpoint chosen is an image endpoint of the configured interface and region;
    /// a refusal says truly why.
    #[test]
    fn endpoint_selection_matches_interface_and_region(
        catalog in catalog(),
        interface in select(&[Interface::Public, Interface::Internal, Interface::Admin][..]),
        region in prop::option::of(select(&["R1", "R2", ""][..])),
        any_url in text(),
    ) {
        let matches = |e: &CatalogEndpoint| {
            e.interface == interface.as_str()
                && region.is_none_or(|r| e.region_id.as_deref() == Some(r) || e.region.as_deref() == Some(r))
        };
        let images: Vec<&CatalogService> = catalog.iter().filter(|s| s.service_type == "image").collect();
        match select_endpoint(&catalog, "image", interface, region) {
            Ok(url) => {
                let first = images.iter().flat_map(|s| &s.endpoints).find(|e| matches(e));
                prop_assert_eq!(first.map(|e| &e.url), Some(&url));
            }
            Err(CatalogError::NoImageService) => prop_assert!(images.is_empty()),
            Err(CatalogError::NoMatchingEndpoint { interface: i, .. }) => {
                prop_assert!(!images.is_empty());
                prop_assert_eq!(i.as_str(), interface.as_str());
                prop_assert!(!images.iter().flat_map(|s| &s.endpoints).any(matches));
            }
            // Only image_endpoint_for_page judges the URL; choosing never does.
            Err(e) => prop_assert!(false, "select_endpoint judged a URL: {e:?}"),
        }
        // Any URL gives a base that the URL starts with (slashes and version cut off the end).
        prop_assert!(any_url.trim().starts_with(&glance_base(&any_url)));
    }
}
