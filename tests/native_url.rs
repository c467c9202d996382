//! URL building: ids that a browser would rewrite are never put into a request path.

use glance_share::api::url::{image_page_id, image_path, member_path, path_segment};
use glance_share::api::{ApiError, ErrorKind, Service};

#[test]
fn dot_segments_and_empty_ids_are_not_addressable() {
    for bad in ["", ".", ".."] {
        assert_eq!(path_segment(bad), None, "{bad:?}");
        assert_eq!(image_path(bad, "/members"), None, "{bad:?}");
        assert_eq!(member_path("img", bad), None, "{bad:?}");
        assert_eq!(member_path(bad, "p"), None, "{bad:?}");
    }
}

#[test]
fn ids_with_a_slash_or_a_control_character_are_not_addressable() {
    // Through a proxy that decodes `%2F` (nginx's proxy_pass with a path), a Remove of member
    // `../../<id>` of image `img` became `DELETE /v2/images/<id>`: the image was deleted.
    for bad in [
        "../../7f3c",
        "a/b",
        "/",
        "p/../x",
        "..\u{0}",
        "a\u{7f}b",
        "x\ny",
    ] {
        assert_eq!(path_segment(bad), None, "{bad:?}");
        assert_eq!(member_path("img", bad), None, "{bad:?}");
        assert_eq!(image_path(bad, ""), None, "{bad:?}");
    }
}

#[test]
fn ids_longer_than_any_real_id_are_not_addressable() {
    let longest = "a".repeat(255);
    assert_eq!(path_segment(&longest), Some(longest.clone()));
    let too_long = "a".repeat(256);
    assert_eq!(path_segment(&too_long), None);
    assert_eq!(image_path(&too_long, ""), None);
    assert_eq!(member_path("img", &too_long), None);
    // Outside ASCII: Glance reads the path as Latin-1 and would look for another id.
    for odd in ["\u{202e}atled", "é", "镜像"] {
        assert_eq!(path_segment(odd), None, "{odd:?}");
    }
    // Put into a sentence, a refused id cannot turn the words around it.
    assert_eq!(
        ApiError::unaddressable("\u{202e}abc").message,
        "\u{2068}\u{202e}abc\u{2069}"
    );
    // The message names the id shortened, not the whole of it.
    let error = ApiError::unaddressable(&"b".repeat(10_000));
    assert!(
        error.message.chars().count() <= 81,
        "{}",
        error.message.len()
    );
}

#[test]
fn other_ids_are_percent_encoded_into_one_segment() {
    assert_eq!(image_path("abc-123", ""), Some("/v2/images/abc-123".into()));
    assert_eq!(
        member_path("abc", "p?x#y%z"),
        Some("/v2/images/abc/members/p%3Fx%23y%25z".into())
    );
    // Encoded dot forms are sent as literal text (the % itself is encoded), never as dots.
    assert_eq!(path_segment("%2e%2e"), Some("%252e%252e".into()));
    assert_eq!(path_segment("..."), Some("...".into()));
    assert_eq!(path_segment(" ."), Some("%20.".into()));
    assert_eq!(
        image_path("x", "/actions/deactivate"),
        Some("/v2/images/x/actions/deactivate".into())
    );
}

#[test]
fn transient_failures_are_told_apart_from_answers() {
    assert!(ApiError::timeout(Service::Glance, 30).is_transient());
    assert!(ApiError::network("reset").is_transient());
    assert!(ApiError::from_response(503, "<html>busy</html>", None).is_transient());
    assert!(ApiError::from_response(500, "{}", None).is_transient());
    assert!(!ApiError::from_response(404, "{}", None).is_transient());
    assert!(!ApiError::from_response(401, "{}", None).is_transient());
    assert!(!ApiError::aborted().is_transient());
    let e = ApiError::timeout(Service::Keystone, 7);
    assert_eq!(e.kind, ErrorKind::Timeout(7));
    assert_eq!(e.service, Some(Service::Keystone));
    assert!(e.message.contains("Keystone"));
}

#[test]
fn followers_back_off_while_unanswered_and_return_to_pace() {
    use glance_share::api::backoff::Backoff;
    use std::time::Duration;
    let s = Duration::from_secs;
    let mut b = Backoff::new(s(2), s(30));
    assert_eq!(b.delay(), s(2));
    let waits: Vec<_> = (0..6)
        .map(|_| {
            b.unanswered();
            b.delay()
        })
        .collect();
    assert_eq!(waits, vec![s(4), s(8), s(16), s(30), s(30), s(30)]);
    b.answered();
    assert_eq!(b.delay(), s(2));
    // A ceiling below the pace is lifted to the pace.
    assert_eq!(Backoff::new(s(5), s(1)).delay(), s(5));
}

#[test]
fn login_next_accepts_only_app_paths() {
    use glance_share::api::url::safe_next;
    for good in [
        "/images",
        "/images/new",
        "/images/1b2c-3d",
        "/images?view=invitations&page_size=50",
        "/images/abc#sharing",
        "/invitations/5a1d1e3c-7a4b-4c8e-9f00-0d3b2a1c4e5f",
        "/access",
        // Filter values and ids with spaces or non-ASCII text, as the app encodes them.
        "/images?name=a6%20misc%20one",
        "/images?name=%E4%B8%AD%E6%96%87%20x",
        "/images/a%20b",
        "/images?name=100%25",
    ] {
        assert_eq!(safe_next(good).as_deref(), Some(good), "{good}");
    }
    for hostile in [
        "",
        "images",
        "//evil.example",
        "/\\evil.example",
        "/%5Cevil.example",
        "/%5cevil.example",
        "/%2F%2Fevil.example",
        "\\\\evil.example",
        "/\t/evil.example",
        "/\n/evil.example",
        "/%09/evil.example",
        "/%0a/evil.example",
        " /images",
        "https://evil.example/images",
        "javascript:alert(1)",
        "/javascript:alert(1)",
        "/images/../../evil",
        "/images/%2e%2e/x",
        "/imagesx",
        "/login",
        "/invitations/../../evil.example",
        "/%2Fevil.example",
        "/images\u{0}",
        "/images\u{202e}x",
        "/accessx",
        "/access/../evil",
        "/images /x",
        "/images?name=a b",
        "/images?name=%0a",
        "/images/%5C..%5C..%5Cevil",
        "/images/%E2%80%AEx",
    ] {
        assert_eq!(safe_next(hostile), None, "{hostile:?}");
    }
}

#[test]
fn an_image_page_address_names_its_id_decoded_once() {
    let id = |p: &str| image_page_id(p);
    assert_eq!(
        id("/images/0f6a8c1e-1d2b-4c1a-9b43-5e1f2a3b4c5d").as_deref(),
        Some("0f6a8c1e-1d2b-4c1a-9b43-5e1f2a3b4c5d")
    );
    assert_eq!(id("/invitations/abc/").as_deref(), Some("abc"));
    // Decoded once: `%2541bc` names `%41bc`, not `Abc`.
    assert_eq!(id("/images/%2541bc").as_deref(), Some("%41bc"));
    assert_eq!(id("/images/%252e%252e").as_deref(), Some("%2e%2e"));
    assert_eq!(id("/images/a%20b").as_deref(), Some("a b"));
    // Not an image page: the catalog, the create page, deeper or other paths.
    for other in [
        "/images",
        "/images/",
        "/images/new",
        "/access",
        "/images/a/b",
        "/x/images/a",
        "",
    ] {
        assert_eq!(id(other), None, "{other}");
    }
    // What reaches Glance is the id encoded again, never a path of its own.
    assert_eq!(
        image_path(&id("/images/%2541bc").unwrap_or_default(), "").as_deref(),
        Some("/v2/images/%2541bc")
    );
}
