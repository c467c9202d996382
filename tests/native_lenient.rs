//! Native tests: one malformed record (or one odd field in it) does not make a list of
//! images or members unreadable; the odd field is unknown, everything else stays.
#![cfg(not(target_arch = "wasm32"))]

use glance_share::model::{Image, ImagePage, ImageStatus, MemberStatus, MembersBody, Visibility};

/// A well-formed image record with `field` replaced by `value` (raw JSON).
fn image_with(id: &str, field: &str, value: &str) -> String {
    let mut record = serde_json::json!({
        "id": id, "name": format!("{id}-name"), "status": "active", "visibility": "shared",
        "size": 1024, "virtual_size": 2048, "disk_format": "qcow2", "container_format": "bare",
        "owner": "p1", "created_at": "2026-11-25T16:00:00Z", "updated_at": "2026-11-25T16:00:05Z",
        "protected": true, "os_hidden": false, "tags": ["a", "b"], "min_disk": 1, "min_ram": 64,
        "hw_disk_bus": "virtio",
    });
    let value: serde_json::Value = serde_json::from_str(value).unwrap();
    record[field] = value;
    record.to_string()
}

fn page_of(records: &[String], next: Option<&str>) -> ImagePage {
    let next = next.map_or(String::new(), |n| format!(r#", "next": "{n}""#));
    let body = format!(r#"{{"images": [{}]{next}}}"#, records.join(","));
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

#[test]
fn an_odd_field_is_unknown_for_its_image_only() {
    let odd = [
        ("size", "1e30"),
        ("size", r#""abc""#),
        ("size", "-5"),
        ("tags", "null"),
        ("tags", r#""a,b""#),
        ("min_disk", "-1"),
        ("min_ram", "1.5"),
        ("name", "5"),
        ("created_at", "7"),
        ("protected", "null"),
        ("os_hidden", r#""yes""#),
        ("status", "5"),
        ("visibility", "[]"),
        ("disk_format", "{}"),
        ("owner", "false"),
    ];
    for (field, value) in odd {
        let page = page_of(
            &[
                image_with("a", "size", "1"),
                image_with("b", field, value),
                image_with("c", "size", "3"),
            ],
            Some("/v2/images?marker=c"),
        );
        let ids: Vec<&str> = page.images.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"], "{field}: {value}");
        assert_eq!(page.next_marker().as_deref(), Some("c"), "{field}: {value}");
        let b = &page.images[1];
        // The odd field is unknown; the image's other fields are as Glance sent them.
        let good: Image = serde_json::from_str(&image_with("b", "size", "1024")).unwrap();
        let expected = match field {
            "size" => Image { size: None, ..good },
            "tags" => Image {
                tags: Vec::new(),
                ..good
            },
            "min_disk" => Image {
                min_disk: None,
                ..good
            },
            "min_ram" => Image {
                min_ram: None,
                ..good
            },
            "name" => Image { name: None, ..good },
            "created_at" => Image {
                created_at: String::new(),
                ..good
            },
            "protected" => Image {
                protected: false,
                ..good
            },
            "os_hidden" => Image {
                os_hidden: false,
                ..good
            },
            "status" => Image {
                status: ImageStatus::Other(String::new()),
                ..good
            },
            "visibility" => Image {
                visibility: Visibility::Other(String::new()),
                ..good
            },
            "disk_format" => Image {
                disk_format: None,
                ..good
            },
            "owner" => Image {
                owner: None,
                ..good
            },
            other => panic!("no expectation for {other}"),
        };
        assert_eq!(b, &expected, "{field}: {value}");
    }
}

#[test]
fn a_custom_property_of_any_type_is_kept_as_it_is() {
    for value in [
        "null",
        "5",
        "1e300",
        "[1, \"x\"]",
        "{\"k\": {\"deep\": true}}",
        "false",
    ] {
        let page = page_of(&[image_with("a", "hw_disk_bus", value)], None);
        let a = &page.images[0];
        assert_eq!(
            a.extra["hw_disk_bus"],
            serde_json::from_str::<serde_json::Value>(value).unwrap()
        );
        assert_eq!(a.size, Some(1024));
    }
}

#[test]
fn a_record_without_a_usable_id_is_left_out_and_paging_goes_on() {
    let no_id = r#"{"name": "ghost", "status": "active", "visibility": "public"}"#.to_string();
    let numeric_id = image_with("x", "id", "42");
    let null_id = image_with("x", "id", "null");
    let page = page_of(
        &[
            image_with("a", "size", "1"),
            no_id,
            "7".to_string(),
            "null".to_string(),
            numeric_id,
            null_id,
            image_with("b", "size", "2"),
        ],
        Some("/v2/images?marker=b"),
    );
    let ids: Vec<&str> = page.images.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    assert_eq!(page.next.as_deref(), Some("/v2/images?marker=b"));
    assert_eq!(page.next_marker().as_deref(), Some("b"));
}

#[test]
fn an_odd_next_link_means_no_next_page_and_the_images_stay() {
    let body = format!(
        r#"{{"images": [{}], "next": 5}}"#,
        image_with("a", "size", "1")
    );
    let page: ImagePage = serde_json::from_str(&body).unwrap();
    assert_eq!(page.images.len(), 1);
    assert_eq!(page.next, None);
    assert_eq!(page.next_marker(), None);
}

#[test]
fn an_answer_that_is_not_a_page_still_fails() {
    for body in [
        r#"{"images": 5}"#,
        r#"{"next": "/v2/images"}"#,
        "[]",
        "<html>",
    ] {
        assert!(serde_json::from_str::<ImagePage>(body).is_err(), "{body}");
    }
}

#[test]
fn an_odd_member_field_is_unknown_and_a_member_without_id_is_left_out() {
    let members: MembersBody = serde_json::from_str(
        r#"{"members": [
            {"member_id": "p1", "image_id": "i", "status": "accepted", "created_at": 7, "updated_at": null},
            {"member_id": "p2", "image_id": 5, "status": null},
            {"member_id": 3, "image_id": "i", "status": "pending"},
            {"image_id": "i", "status": "pending"},
            "p4",
            {"member_id": "p5", "image_id": "i", "status": "pending", "created_at": "2026-01-01T00:00:00Z"}
        ], "schema": "/v2/schemas/members"}"#,
    )
    .unwrap();
    let ids: Vec<&str> = members
        .members
        .iter()
        .map(|m| m.member_id.as_str())
        .collect();
    assert_eq!(ids, ["p1", "p2", "p5"]);
    let p1 = &members.members[0];
    assert_eq!(p1.status, MemberStatus::Accepted);
    assert_eq!((p1.created_at.as_str(), p1.updated_at.as_str()), ("", ""));
    let p2 = &members.members[1];
    assert_eq!(p2.image_id, "");
    assert_eq!(p2.status, MemberStatus::Other(String::new()));
    assert_eq!(members.members[2].created_at, "2026-01-01T00:00:00Z");
}
