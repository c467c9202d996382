//! Native tests: the create body and upload progress figures.
#![cfg(not(target_arch = "wasm32"))]

use glance_share::api::create::{
    create_body, disk_format_for_file, image_id_from, with_id, NewImage, NewImageProblem, Progress,
};
use serde_json::json;

#[test]
fn create_body_is_explicit_about_visibility_and_carries_properties() {
    let mut img = NewImage {
        name: " cirros ".into(),
        tags: vec!["a".into()],
        ..Default::default()
    };
    img.properties = [("os_distro", "cirros"), ("hw_disk_bus", "virtio")]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    assert_eq!(
        create_body(&img).unwrap(),
        json!({"name": "cirros", "disk_format": "qcow2", "container_format": "bare", "visibility": "private",
               "min_disk": 0, "min_ram": 0, "protected": false, "tags": ["a"], "os_distro": "cirros", "hw_disk_bus": "virtio"})
    );
    assert_eq!(
        create_body(&NewImage::default()),
        Err(NewImageProblem::MissingName)
    );
}

#[test]
fn progress_reads_as_percent_speed_and_time_left() {
    let p = Progress {
        loaded: 25 * 1024 * 1024,
        total: 100 * 1024 * 1024,
        elapsed_ms: 5000.0,
    };
    assert_eq!(p.percent(), 25.0);
    assert_eq!(p.speed(), 5.0 * 1024.0 * 1024.0);
    assert_eq!(p.seconds_left(), Some(15));
    let start = Progress {
        loaded: 0,
        total: 0,
        elapsed_ms: 0.0,
    };
    assert_eq!(start.percent(), 0.0);
    assert_eq!(start.seconds_left(), None);
}

#[test]
fn an_unambiguous_extension_names_the_disk_format() {
    assert_eq!(disk_format_for_file("jammy.QCOW2"), Some("qcow2"));
    assert_eq!(disk_format_for_file("win.vhdx"), Some("vhdx"));
    assert_eq!(disk_format_for_file("boot.iso"), Some("iso"));
    // cirros-*.img is qcow2, other .img files are raw: no guess.
    assert_eq!(disk_format_for_file("cirros-0.6.2-x86_64-disk.img"), None);
    assert_eq!(disk_format_for_file("noextension"), None);
}

#[test]
fn a_chosen_image_id_is_a_version_4_uuid() {
    assert_eq!(
        image_id_from([0xff; 16]),
        "ffffffff-ffff-4fff-bfff-ffffffffffff"
    );
    assert_eq!(
        image_id_from([0; 16]),
        "00000000-0000-4000-8000-000000000000"
    );
    let id = image_id_from(*b"0123456789abcdef");
    assert_eq!(id.len(), 36);
    assert_eq!(id.matches('-').count(), 4);
}

#[test]
fn the_chosen_id_goes_into_the_create_body() {
    let body = with_id(json!({"name": "a"}), "00000000-0000-4000-8000-000000000000");
    assert_eq!(
        body,
        json!({"name": "a", "id": "00000000-0000-4000-8000-000000000000"})
    );
}

#[test]
fn whole_numbers_as_typed_in_minimum_fields() {
    use glance_share::format::whole_number;
    assert_eq!(whole_number(""), Some(0));
    assert_eq!(whole_number(" 20 "), Some(20));
    assert_eq!(whole_number("２０"), Some(20));
    assert_eq!(whole_number("007"), Some(7));
    assert_eq!(whole_number("2147483647"), Some(2_147_483_647));
    for refused in [
        "2147483648",
        "-2",
        "1.5",
        "1e3",
        "+3",
        "abc",
        "2 0",
        "99999999999999999999999",
    ] {
        assert_eq!(whole_number(refused), None, "{refused}");
    }
}
