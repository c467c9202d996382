//! Native tests: error decoding, Keystone bodies and answers, Glance queries and records.
#![cfg(not(target_arch = "wasm32"))]

use glance_share::api::error::{strip_html, ApiError, ErrorKind};
use glance_share::api::image_query::{list_images_path, CatalogView, ImageQuery, SortKey};
use glance_share::api::keystone::{
    auth_body, decode_projects, decode_token, rescope_body, usable_token, Credentials,
};
use glance_share::format::{human_duration, human_size};
use glance_share::model::{Image, ImagePage, ImageStatus, MemberStatus, MembersBody, Visibility};

#[test]
fn glance_json_error_is_cleaned_of_html() {
    let body = r#"{"message": "No image found with ID x<br /><br />\n\n\n", "code": "404 Not Found", "title": "Not Found"}"#;
    let e = ApiError::from_response(404, body, Some("req-1".into()));
    assert_eq!(e.message, "No image found with ID x");
    assert_eq!(e.status, 404);
    assert_eq!(e.request_id.as_deref(), Some("req-1"));
    assert_eq!(e.kind, ErrorKind::Http);
}

#[test]
fn only_tokens_a_header_can_carry_are_used() {
    // Keystone's kinds: Fernet (base64url, `=` padding), JWS (dots), UUID.
    for ok in [
        "gAAAAABk-_x=",
        "eyJhbGciOi.eyJzdWIi.c2ln",
        "0123456789abcdef0123456789abcdef",
    ] {
        assert!(usable_token(ok), "{ok}");
    }
    for bad in [
        "",
        "abc\r\nX-Evil: 1",
        "with space",
        "tökén",
        "tab\there",
        "nul\0",
    ] {
        assert!(!usable_token(bad), "{bad:?}");
    }
}

#[test]
fn keystone_error_body_is_understood() {
    let body = r#"{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}"#;
    let e = ApiError::from_response(401, body, None);
    assert_eq!(
        e.message,
        "The request you have made requires authentication."
    );
    assert!(e.is_unauthorized());
}

#[test]
fn html_error_page_becomes_its_text() {
    let body = "<html><head><title>403 Forbidden</title></head><body><h1>403 Forbidden</h1>Not allowed to create members for image abc.<br /><br /></body></html>";
    let e = ApiError::from_response(403, body, None);
    assert_eq!(
        e.message,
        "403 Forbidden Not allowed to create members for image abc."
    );
}

#[test]
fn empty_body_falls_back_to_status() {
    assert_eq!(ApiError::from_response(502, "", None).message, "HTTP 502");
}

#[test]
fn strip_html_decodes_entities_and_keeps_unicode() {
    assert_eq!(strip_html("a &amp; b<br/>镜像 &lt;x&gt;"), "a & b 镜像 <x>");
    // A proxy's error page: inline tags inside a sentence leave no space before its full stop.
    assert_eq!(
        strip_html("<h1>500</h1><p>The server <b>exploded</b>.</p>"),
        "500 The server exploded."
    );
    assert_eq!(
        strip_html("See <a href=\"/x\">the log</a>, <em>then</em> retry."),
        "See the log, then retry."
    );
}

#[test]
fn password_body_is_scoped_by_project_name_and_domains() {
    let b = auth_body(&Credentials::Password {
        user_name: " alice ".into(),
        password: " p w ".into(),
        user_domain: "Default".into(),
        project_name: "alpha".into(),
        project_domain: "Default".into(),
    });
    assert_eq!(b["auth"]["identity"]["methods"][0], "password");
    assert_eq!(b["auth"]["identity"]["password"]["user"]["name"], "alice");
    // Passwords are sent exactly as typed: spaces may be part of them.
    assert_eq!(
        b["auth"]["identity"]["password"]["user"]["password"],
        " p w "
    );
    assert_eq!(b["auth"]["scope"]["project"]["name"], "alpha");
    assert_eq!(b["auth"]["scope"]["project"]["domain"]["name"], "Default");
}

#[test]
fn password_body_without_project_is_unscoped() {
    let b = auth_body(&Credentials::Password {
        user_name: "a".into(),
        password: "b".into(),
        user_domain: "Default".into(),
        project_name: "".into(),
        project_domain: "Default".into(),
    });
    assert!(b["auth"].get("scope").is_none());
}

#[test]
fn application_credential_and_rescope_bodies() {
    let b = auth_body(&Credentials::ApplicationCredential {
        id: "abc".into(),
        secret: "s".into(),
    });
    assert_eq!(
        b["auth"]["identity"]["methods"][0],
        "application_credential"
    );
    assert_eq!(b["auth"]["identity"]["application_credential"]["id"], "abc");
    let r = rescope_body("tok", "p2");
    assert_eq!(r["auth"]["identity"]["token"]["id"], "tok");
    assert_eq!(r["auth"]["scope"]["project"]["id"], "p2");
}

#[test]
fn token_answer_is_decoded() {
    let body = r#"{"token": {"methods": ["password"], "expires_at": "2026-11-25T16:00:00.000000Z",
        "user": {"id": "u1", "name": "alice", "domain": {"id": "default", "name": "Default"}},
        "project": {"id": "p1", "name": "alpha", "domain": {"id": "default", "name": "Default"}},
        "roles": [{"id": "r", "name": "member"}],
        "catalog": [{"type": "image", "name": "glance", "endpoints": [{"interface": "public", "region_id": "RegionOne", "url": "http://g"}]}]}}"#;
    let t = decode_token(body).unwrap();
    assert_eq!(t.user_name, "alice");
    assert_eq!(t.project_id.as_deref(), Some("p1"));
    assert_eq!(t.project_name.as_deref(), Some("alpha"));
    assert_eq!(t.roles, vec!["member"]);
    assert_eq!(t.catalog[0].endpoints[0].url, "http://g");
    assert!(decode_token("{}").is_err());
}

#[test]
fn project_list_keeps_enabled_sorted() {
    let body = r#"{"projects": [{"id": "2", "name": "beta", "enabled": true}, {"id": "3", "name": "off", "enabled": false}, {"id": "1", "name": "Alpha"}]}"#;
    let p = decode_projects(body).unwrap();
    assert_eq!(
        p.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        vec!["Alpha", "beta"]
    );
}

#[test]
fn image_with_unknown_values_and_custom_properties_decodes() {
    let body = r#"{"id": "i1", "name": null, "status": "uploading_to_mars", "visibility": "shared",
        "size": null, "tags": ["a"], "hw_disk_bus": "scsi", "os_distro": "ubuntu", "self": "/v2/images/i1",
        "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-02T00:00:00Z", "min_disk": 0}"#;
    let i: Image = serde_json::from_str(body).unwrap();
    assert_eq!(i.status, ImageStatus::Other("uploading_to_mars".into()));
    assert_eq!(i.visibility, Visibility::Shared);
    assert_eq!(i.display_name(), "i1");
    assert!(i.is_nameless());
    assert_eq!(
        i.custom_properties(),
        vec![
            ("hw_disk_bus".to_string(), "scsi".to_string()),
            ("os_distro".to_string(), "ubuntu".to_string())
        ]
    );
}

#[test]
fn page_marker_comes_from_last_image_only_when_next_exists() {
    let page: ImagePage = serde_json::from_str(
        r#"{"images": [{"id": "a", "status": "active", "visibility": "private"}, {"id": "b", "status": "active", "visibility": "private"}],
            "next": "/v2/images?marker=b&tag=y", "first": "/v2/images"}"#,
    )
    .unwrap();
    assert_eq!(page.next_marker().as_deref(), Some("b"));
    let last: ImagePage = serde_json::from_str(
        r#"{"images": [{"id": "a", "status": "active", "visibility": "private"}]}"#,
    )
    .unwrap();
    assert_eq!(last.next_marker(), None);
}

#[test]
fn a_tab_reads_past_a_page_of_only_its_own_images() {
    // Glance lists a project's own shared images under every member status.
    let page = |owners: &[&str], next: bool| -> ImagePage {
        let images: Vec<String> = owners
            .iter()
            .enumerate()
            .map(|(n, o)| format!(r#"{{"id": "i{n}", "status": "active", "visibility": "shared", "owner": "{o}"}}"#))
            .collect();
        let next = if next {
            r#", "next": "/v2/images?marker=x""#
        } else {
            ""
        };
        serde_json::from_str(&format!(r#"{{"images": [{}]{next}}}"#, images.join(","))).unwrap()
    };
    let own = page(&["me", "me"], true);
    // Nothing to show but more to come: the next page is read from the last image on.
    assert_eq!(
        CatalogView::Invitations.skip_marker(&own, "me").as_deref(),
        Some("i1")
    );
    assert_eq!(
        CatalogView::SharedWithMe.skip_marker(&own, "me").as_deref(),
        Some("i1")
    );
    assert_eq!(
        CatalogView::Rejected.skip_marker(&own, "me").as_deref(),
        Some("i1")
    );
    // The project's own tab shows them; the last page ends the reading; one invitation is
    // enough to show the page.
    assert_eq!(CatalogView::Mine.skip_marker(&own, "me"), None);
    assert_eq!(
        CatalogView::Invitations.skip_marker(&page(&["me"], false), "me"),
        None
    );
    assert_eq!(
        CatalogView::Invitations.skip_marker(&page(&["me", "them"], true), "me"),
        None
    );
}

#[test]
fn member_list_decodes_unknown_status() {
    let m: MembersBody = serde_json::from_str(
        r#"{"members": [{"member_id": "p", "image_id": "i", "status": "pending", "created_at": "x", "updated_at": "y", "schema": "/s"},
                       {"member_id": "q", "image_id": "i", "status": "weird"}]}"#,
    )
    .unwrap();
    assert_eq!(m.members[0].status, MemberStatus::Pending);
    assert_eq!(m.members[1].status, MemberStatus::Other("weird".into()));
}

#[test]
fn url_query_round_trips_and_keeps_repeated_tags() {
    let q = ImageQuery::from_url_pairs([
        ("view", "invitations"),
        ("limit", "50"),
        ("sort", "name"),
        ("dir", "asc"),
        ("tag", "x"),
        ("tag", "y z"),
        ("marker", "m1"),
    ]);
    assert_eq!(q.view, CatalogView::Invitations);
    assert_eq!(q.limit, 50);
    assert_eq!(q.sort_key, SortKey::Name);
    assert!(q.ascending);
    assert_eq!(q.tags, vec!["x", "y z"]);
    let pairs = q.to_url_pairs();
    let back = ImageQuery::from_url_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    assert_eq!(back, q);
}

#[test]
fn bad_url_values_fall_back_to_defaults() {
    let q = ImageQuery::from_url_pairs([
        ("view", "nope"),
        ("limit", "999999"),
        ("sort", "owner; drop"),
    ]);
    assert_eq!(q, ImageQuery::default());
    assert!(ImageQuery::default().to_url_pairs().is_empty());
}

#[test]
fn glance_path_maps_views_filters_and_paging() {
    let mut q = ImageQuery {
        tags: vec!["a b".into(), "c".into()],
        marker: Some("m".into()),
        ..Default::default()
    };
    assert_eq!(
        list_images_path(&q, "p1"),
        "/v2/images?owner=p1&limit=25&sort_key=created_at&sort_dir=desc&tag=a%20b&tag=c&marker=m"
    );
    q.view = CatalogView::Invitations;
    q.tags.clear();
    q.status = Some("active".into());
    assert_eq!(
        list_images_path(&q.first_page(), "p1"),
        "/v2/images?visibility=shared&member_status=pending&limit=25&sort_key=created_at&sort_dir=desc&status=active"
    );
}

#[test]
fn sizes_and_durations_read_well() {
    assert_eq!(human_size(None), "—");
    assert_eq!(human_size(Some(0)), "0 B");
    assert_eq!(human_size(Some(1023)), "1023 B");
    assert_eq!(human_size(Some(1536)), "1.5 KiB");
    assert_eq!(human_size(Some(64 * 1024 * 1024)), "64.0 MiB");
    assert_eq!(human_size(Some(3 * 1024 * 1024 * 1024)), "3.0 GiB");
    assert_eq!(human_duration(-5), "0 s");
    assert_eq!(human_duration(59), "59 s");
    assert_eq!(human_duration(300), "5 min");
    assert_eq!(human_duration(3900), "1 h 5 min");
}

#[test]
fn keystone_and_glance_timestamps_parse() {
    use glance_share::format::{parse_timestamp_ms, relative_time};
    assert_eq!(parse_timestamp_ms("1970-01-01T00:00:00Z"), Some(0));
    assert_eq!(
        parse_timestamp_ms("2026-11-25T16:00:00.000000Z"),
        Some(1_795_622_400_000)
    );
    assert_eq!(
        parse_timestamp_ms("2026-11-25T16:00:00.250Z"),
        Some(1_795_622_400_250)
    );
    assert_eq!(
        parse_timestamp_ms("2026-11-25T17:00:00+01:00"),
        Some(1_795_622_400_000)
    );
    assert_eq!(
        parse_timestamp_ms("2000-02-29T00:00:00"),
        Some(951_782_400_000)
    );
    assert_eq!(parse_timestamp_ms("yesterday"), None);
    assert_eq!(parse_timestamp_ms("2026-13-01T00:00:00Z"), None);
    assert_eq!(relative_time(0, 59_999, false), "just now");
    assert_eq!(relative_time(0, 60_000, false), "1 min ago");
    assert_eq!(relative_time(0, 90_000, false), "1 min ago");
    assert_eq!(relative_time(7_200_000, 0, false), "in 2 h");
    assert_eq!(relative_time(0, 3 * 86_400_000, true), "3 天前");
}

#[test]
fn every_filter_maps_to_its_glance_parameter_and_round_trips_through_the_url() {
    use glance_share::api::image_query::DateBound;
    let q = ImageQuery::from_url_pairs([
        ("view", "all"),
        ("visibility", "private"),
        ("container_format", "bare"),
        ("protected", "true"),
        ("hidden", "false"),
        ("size_min", "1048576"),
        ("size_max", "2097152"),
        ("created", "after:2026-11-01"),
        ("updated", "before:2026-11-20"),
        ("q", "ubu"),
    ]);
    assert_eq!(
        q.created,
        Some(DateBound {
            after: true,
            date: "2026-11-01".into()
        })
    );
    assert_eq!(
        list_images_path(&q, "p1"),
        "/v2/images?limit=25&sort_key=created_at&sort_dir=desc&visibility=private&container_format=bare\
         &protected=true&os_hidden=false&size_min=1048576&size_max=2097152\
         &created_at=gte%3A2026-11-01T00%3A00%3A00Z&updated_at=lte%3A2026-11-20T23%3A59%3A59Z"
    );
    let back = ImageQuery::from_url_pairs(
        q.to_url_pairs()
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str())),
    );
    assert_eq!(back, q);
    // "Name contains" is the app's own filter over loaded rows: never sent to Glance.
    assert!(!list_images_path(&q, "p1").contains("ubu"));
    assert!(q.contains_matches("Ubuntu-24.04"));
    assert!(!q.contains_matches("cirros"));
}

#[test]
fn a_name_with_a_colon_is_sent_as_an_exact_value_not_an_operator() {
    let path = |name: &str| list_images_path(&ImageQuery::from_url_pairs([("name", name)]), "p1");
    assert!(path("ubuntu:22.04").ends_with("&name=eq%3Aubuntu%3A22.04"));
    assert!(path("eq:x").ends_with("&name=eq%3Aeq%3Ax"));
    assert!(path("javascript:alert(1)").ends_with("&name=eq%3Ajavascript%3Aalert%281%29"));
    // Without a colon the name goes as it is (the app's own address keeps it as typed).
    assert!(path("cirros").ends_with("&name=cirros"));
    let q = ImageQuery::from_url_pairs([("name", "ubuntu:22.04")]);
    assert!(q
        .to_url_pairs()
        .contains(&("name".to_string(), "ubuntu:22.04".to_string())));
}

#[test]
fn a_view_that_fixes_visibility_ignores_the_visibility_filter_and_bad_dates_are_dropped() {
    let q = ImageQuery::from_url_pairs([
        ("view", "public"),
        ("visibility", "private"),
        ("created", "after:yesterday"),
    ]);
    assert_eq!(
        list_images_path(&q, "p1"),
        "/v2/images?visibility=public&limit=25&sort_key=created_at&sort_dir=desc"
    );
    assert_eq!(q.created, None);
}

#[test]
fn more_filters_is_kept_in_the_url_and_never_sent_to_glance() {
    let q = ImageQuery::from_url_pairs([("status", "active"), ("more", "1")]);
    assert!(q.more_filters);
    assert_eq!(
        q.to_url_pairs(),
        vec![
            ("status".to_string(), "active".to_string()),
            ("more".to_string(), "1".to_string())
        ]
    );
    assert!(!list_images_path(&q, "p1").contains("more"));
    assert!(!ImageQuery::from_url_pairs([("more", "0")]).more_filters);
}

#[test]
fn active_filters_list_each_filter_and_each_can_be_removed() {
    use glance_share::api::active_filter::ActiveFilter;
    let q = ImageQuery::from_url_pairs([
        ("view", "public"),
        ("name", "n"),
        ("status", "active"),
        ("visibility", "private"),
        ("tag", "a"),
        ("tag", "b"),
        ("size_min", "1024"),
        ("marker", "m"),
    ]);
    // The Public tab fixes the visibility: no chip for a filter it ignores.
    assert_eq!(
        q.active_filters(),
        vec![
            ActiveFilter::Name("n".into()),
            ActiveFilter::Status("active".into()),
            ActiveFilter::Tag("a".into()),
            ActiveFilter::Tag("b".into()),
            ActiveFilter::SizeMin(1024),
        ]
    );
    let without_a = q.without(&ActiveFilter::Tag("a".into()));
    assert_eq!(without_a.tags, vec!["b"]);
    assert_eq!(without_a.marker, None);
    assert_eq!(
        q.without(&ActiveFilter::Status("active".into())).status,
        None
    );
    let mine = ImageQuery {
        view: CatalogView::Mine,
        ..q
    };
    assert!(mine
        .active_filters()
        .contains(&ActiveFilter::Visibility("private".into())));
}

#[test]
fn a_service_message_that_repeats_a_huge_value_is_shortened() {
    use glance_share::api::error::{ApiError as Error, MESSAGE_MAX_CHARS};
    let name = "名".repeat(10_000);
    let body = format!(
        "{{\"message\": \"Provided object does not match schema 'image': '{name}' is too long\", \"code\": \"400 Bad Request\", \"title\": \"Bad Request\"}}"
    );
    let e = Error::from_response(400, &body, Some("req-1".into()));
    assert_eq!(e.message.chars().count(), MESSAGE_MAX_CHARS + 1);
    assert!(e
        .message
        .starts_with("Provided object does not match schema 'image': '名名"));
    assert!(e.message.ends_with('…'));
    // A message of ordinary length is left whole.
    let short = Error::from_response(400, r#"{"message": "Bad disk format"}"#, None);
    assert_eq!(short.message, "Bad disk format");
}

#[test]
fn a_name_that_could_turn_the_text_around_it_is_isolated() {
    use glance_share::format::bidi_isolated;
    // Names without right-to-left letters or bidi controls are shown as they are.
    for plain in ["cirros", "镜像 ubuntu", "=1+2", ""] {
        assert!(
            matches!(bidi_isolated(plain), std::borrow::Cow::Borrowed(_)),
            "{plain:?}"
        );
    }
    // A right-to-left override, a Hebrew or Arabic name: between FSI and PDI.
    assert_eq!(
        bidi_isolated("hx-\u{202E}gnp.exe"),
        "\u{2068}hx-\u{202E}gnp.exe\u{2069}"
    );
    assert_eq!(bidi_isolated("שלום"), "\u{2068}שלום\u{2069}");
    assert_eq!(bidi_isolated("صورة"), "\u{2068}صورة\u{2069}");
    // A PDI of the name's own would end the isolation early: left out.
    assert_eq!(
        bidi_isolated("a\u{2069}\u{202E}b"),
        "\u{2068}a\u{202E}b\u{2069}"
    );
}

#[test]
fn glance_error_pages_quote_names_with_numeric_references() {
    // Glance's answer to a min_disk over 2^31 - 1, as its server writes it (checked live).
    let body = "<html>\n <head>\n  <title>400 Bad Request</title>\n </head>\n <body>\n  <h1>400 Bad Request</h1>\n  &#x27;min_disk&#x27; value out of range, must not exceed 2147483647.<br /><br />\n\n\n\n </body>\n</html>";
    let e = ApiError::from_response(400, body, None);
    assert_eq!(
        e.message,
        "400 Bad Request 'min_disk' value out of range, must not exceed 2147483647."
    );
    assert_eq!(
        strip_html("&#39;a&#39; &#X4E2D; &amp;lt; &#0; & b &unknown; &#xZZ;"),
        "'a' 中 &lt; &#0; & b &unknown; &#xZZ;"
    );
    // A value Glance escaped stays text (it is shown as text, never run).
    let marker = "<h1>400 Bad Request</h1>\n  No image found with ID &lt;script&gt;alert(1)&lt;/script&gt;<br /><br />";
    assert_eq!(
        strip_html(marker),
        "400 Bad Request No image found with ID <script>alert(1)</script>"
    );
}

/// A page of images with these ids, with Glance's `next` link when `more`.
fn page_of(ids: &[&str], more: bool) -> ImagePage {
    let images: Vec<String> = ids
        .iter()
        .map(|id| format!(r#"{{"id": "{id}", "status": "active", "visibility": "private"}}"#))
        .collect();
    let next = if more {
        r#", "next": "/v2/images?marker=x""#
    } else {
        ""
    };
    serde_json::from_str(&format!(r#"{{"images": [{}]{next}}}"#, images.join(","))).unwrap()
}

/// What a shown page's links are: (Next, Previous, First page) and the ids shown.
fn links(q: &ImageQuery, page: ImagePage) -> (Vec<String>, Option<String>, Option<String>, bool) {
    let shown = q.shown(page);
    let ids = shown.images.iter().map(|i| i.id.clone()).collect();
    (
        ids,
        shown.next_marker,
        shown.previous_before,
        shown.first_page_link,
    )
}

#[test]
fn the_page_before_an_image_is_read_in_the_opposite_order_and_linked_both_ways() {
    let q = ImageQuery::from_url_pairs([
        ("sort", "name"),
        ("dir", "asc"),
        ("limit", "25"),
        ("before", "k"),
    ]);
    assert_eq!(q.before.as_deref(), Some("k"));
    assert!(!q.is_first_page());
    // Glance reads backwards from the image: the opposite direction, the image as marker,
    // one more than a page (to tell whether a page lies before).
    let path = list_images_path(&q, "p1");
    assert!(
        path.contains("limit=26&sort_key=name&sort_dir=desc"),
        "{path}"
    );
    assert!(path.ends_with("marker=k"), "{path}");
    // The address keeps it, so a reload shows the same page.
    assert!(q
        .to_url_pairs()
        .contains(&("before".to_string(), "k".to_string())));
    // 26 answered, backwards (i30 down to i05): 25 shown in the list's order (i06..i30); the
    // 26th, i05, only says a page lies before.
    let back: Vec<String> = (0..26).map(|i| format!("i{:02}", 30 - i)).collect();
    let back: Vec<&str> = back.iter().map(String::as_str).collect();
    let (ids, next, previous, first) = links(&q, page_of(&back, true));
    assert_eq!(ids.len(), 25);
    assert_eq!((ids[0].as_str(), ids[24].as_str()), ("i06", "i30"));
    assert_eq!(next.as_deref(), Some("i30"));
    assert_eq!(previous.as_deref(), Some("i06"));
    assert!(first);
    // Fewer than asked: the start of the list; no Previous, and "First page" would be itself.
    let (ids, next, previous, first) = links(&q, page_of(&["j", "i"], false));
    assert_eq!(ids, ["i", "j"]);
    assert_eq!((next.as_deref(), previous, first), (Some("j"), None, false));
    // Exactly a page before it, nothing more: the same.
    let exactly: Vec<String> = (0..25).map(|i| format!("i{i:02}")).collect();
    let exactly: Vec<&str> = exactly.iter().map(String::as_str).collect();
    let (_, _, previous, first) = links(&q, page_of(&exactly, true));
    assert_eq!((previous, first), (None, false));
    // Read on past a page of nothing to show: still backwards.
    assert_eq!(q.read_on_from("f".into()).before.as_deref(), Some("f"));
    // The first page forgets both positions.
    assert!(q.first_page().is_first_page());
}

#[test]
fn a_page_after_a_marker_links_back_to_the_page_before_its_first_image() {
    let q = ImageQuery::from_url_pairs([("marker", "e")]);
    let path = list_images_path(&q, "p1");
    assert!(path.contains("limit=25&"), "{path}");
    assert!(path.contains("sort_dir=desc"), "{path}");
    assert!(path.ends_with("marker=e"), "{path}");
    assert_eq!(
        links(&q, page_of(&["f", "g"], true)),
        (
            vec!["f".into(), "g".into()],
            Some("g".into()),
            Some("f".into()),
            true
        )
    );
    assert_eq!(
        links(&q, page_of(&["f", "g"], false)),
        (vec!["f".into(), "g".into()], None, Some("f".into()), true)
    );
    // The first page has no Previous and no "First page".
    let first = ImageQuery::default();
    assert_eq!(
        links(&first, page_of(&["a", "b"], true)),
        (vec!["a".into(), "b".into()], Some("b".into()), None, false)
    );
    assert_eq!(first.read_on_from("b".into()).marker.as_deref(), Some("b"));
    // A link naming both positions is the page before.
    let both = ImageQuery::from_url_pairs([("marker", "e"), ("before", "k")]);
    assert_eq!((both.marker, both.before.as_deref()), (None, Some("k")));
}

#[test]
fn a_size_bound_beyond_what_glance_holds_is_taken_as_its_largest() {
    let q = ImageQuery::from_url_pairs([
        ("size_min", "18446744073709551615"),
        ("size_max", "9223372036854775807"),
    ]);
    assert_eq!(q.size_min, Some(9_223_372_036_854_775_807));
    assert_eq!(q.size_max, Some(9_223_372_036_854_775_807));
    let q = ImageQuery::from_url_pairs([("size_min", "1048576")]);
    assert_eq!(q.size_min, Some(1_048_576));
    assert_eq!(
        glance_share::api::image_query::within_glance_sizes(u64::MAX),
        i64::MAX as u64
    );
}

#[test]
fn a_name_of_invisible_characters_only_is_no_name() {
    let image = |name: &str| -> Image {
        serde_json::from_value(serde_json::json!({"id": "i1", "name": name})).unwrap()
    };
    for invisible in [
        "\u{200B}",
        "\u{202E}",
        " \u{200D}\u{FEFF} ",
        "\u{2066}\u{2069}",
        "\u{00AD}",
    ] {
        let i = image(invisible);
        assert!(i.is_nameless(), "{invisible:?}");
        assert_eq!(i.display_name(), "i1", "{invisible:?}");
    }
    for visible in ["a\u{200B}", "\u{202E}abc", "镜像", "-"] {
        let i = image(visible);
        assert!(!i.is_nameless(), "{visible:?}");
        assert_eq!(i.display_name(), visible);
    }
}
