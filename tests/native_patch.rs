//! Native tests: the JSON patch builder sends only what changed.
#![cfg(not(target_arch = "wasm32"))]

use glance_share::api::patch::{flag_patch, image_patch, is_editable_custom, pointer, ImageEdit};
use glance_share::model::Image;
use serde_json::json;

fn image() -> Image {
    serde_json::from_value(json!({
        "id": "i1", "name": "cirros", "status": "active", "visibility": "private", "min_disk": 1, "min_ram": 0,
        "tags": ["a", "b"], "os_distro": "cirros", "hw_disk_bus": "virtio", "self": "/v2/images/i1",
        "os_glance_importing_to_stores": "",
    }))
    .unwrap()
}

#[test]
fn unchanged_edit_is_an_empty_patch() {
    let img = image();
    assert_eq!(image_patch(&img, &ImageEdit::from_image(&img)), json!([]));
}

#[test]
fn only_changed_fields_are_sent_with_add_replace_remove() {
    let img = image();
    let mut edit = ImageEdit::from_image(&img);
    edit.name = "cirros-2".into();
    edit.tags.push("c".into());
    edit.properties.insert("os_distro".into(), "ubuntu".into());
    edit.properties.remove("hw_disk_bus");
    edit.properties.insert("owner_team".into(), "blue".into());
    assert_eq!(
        image_patch(&img, &edit),
        json!([
            {"op": "replace", "path": "/name", "value": "cirros-2"},
            {"op": "replace", "path": "/tags", "value": ["a", "b", "c"]},
            {"op": "replace", "path": "/os_distro", "value": "ubuntu"},
            {"op": "add", "path": "/owner_team", "value": "blue"},
            {"op": "remove", "path": "/hw_disk_bus"},
        ])
    );
}

#[test]
fn numbers_and_flags() {
    let img = image();
    let mut edit = ImageEdit::from_image(&img);
    edit.min_ram = 512;
    assert_eq!(
        image_patch(&img, &edit),
        json!([{"op": "replace", "path": "/min_ram", "value": 512}])
    );
    assert_eq!(
        flag_patch("protected", true),
        json!([{"op": "replace", "path": "/protected", "value": true}])
    );
}

#[test]
fn reserved_properties_are_not_editable() {
    let img = image();
    let edit = ImageEdit::from_image(&img);
    assert!(!edit.properties.contains_key("self"));
    assert!(!edit
        .properties
        .contains_key("os_glance_importing_to_stores"));
    for key in [
        "id",
        "status",
        "owner",
        "checksum",
        "os_hash_value",
        "size",
        "visibility",
        "os_glance_x",
        "",
    ] {
        assert!(!is_editable_custom(key), "{key}");
    }
    assert!(is_editable_custom("hw_disk_bus"));
}

#[test]
fn property_keys_are_escaped_as_json_pointers() {
    assert_eq!(pointer("os_distro"), "/os_distro");
    assert_eq!(pointer("a/b"), "/a~1b");
    assert_eq!(pointer("x~y"), "/x~0y");
    // `~` first, so the `~` of `~1` is not escaped again; "~1" typed by the user stays itself.
    assert_eq!(pointer("~1/"), "/~01~1");
    assert_eq!(pointer("/"), "/~1");
    assert_eq!(pointer(""), "/");
}

#[test]
fn patches_escape_added_replaced_and_removed_keys() {
    let img: Image = serde_json::from_value(json!({
        "id": "i1", "name": "n", "status": "active", "visibility": "private",
        "a/b": "1", "x~y": "2", "tags": [],
    }))
    .unwrap();
    let mut edit = ImageEdit::from_image(&img);
    edit.properties.insert("a/b".into(), "one".into());
    edit.properties.remove("x~y");
    edit.properties.insert("c/~d".into(), "3".into());
    assert_eq!(
        image_patch(&img, &edit),
        json!([
            {"op": "replace", "path": "/a~1b", "value": "one"},
            {"op": "add", "path": "/c~1~0d", "value": "3"},
            {"op": "remove", "path": "/x~0y"},
        ])
    );
}

/// Glance lists an image's tags in no stable order (a PATCH's answer and the next GET can
/// differ): the same tags in another order are no change to send, and not an edit made
/// elsewhere; a tag removed is still one.
#[test]
fn tags_in_another_order_are_the_same_tags() {
    let img = image();
    let mut edit = ImageEdit::from_image(&img);
    edit.tags = vec!["b".into(), "a".into()];
    assert_eq!(image_patch(&img, &edit), json!([]));
    assert_eq!(edit, ImageEdit::from_image(&img));
    edit.tags = vec!["b".into(), "b".into()];
    assert_ne!(edit, ImageEdit::from_image(&img));
    edit.tags = vec!["b".into()];
    assert_ne!(edit, ImageEdit::from_image(&img));
    assert_eq!(
        image_patch(&img, &edit),
        json!([{ "op": "replace", "path": "/tags", "value": ["b"] }])
    );
}

#[test]
fn a_refused_property_name_says_which_of_three_reasons() {
    use glance_share::api::patch::{custom_key_problem, KeyProblem};
    assert_eq!(custom_key_problem("", false), Some(KeyProblem::Empty));
    assert_eq!(
        custom_key_problem("owner", false),
        Some(KeyProblem::Reserved)
    );
    assert_eq!(
        custom_key_problem("os_glance_importing_to_stores", false),
        Some(KeyProblem::Reserved)
    );
    // A reserved name is said as such even when it is also a row (Glance's own fields are).
    assert_eq!(
        custom_key_problem("status", true),
        Some(KeyProblem::Reserved)
    );
    assert_eq!(
        custom_key_problem("os_distro", true),
        Some(KeyProblem::Exists)
    );
    assert_eq!(custom_key_problem("os_distro", false), None);
}
