//! Native tests: answers that must not be taken at face value. An answer about another image
//! than the one asked for, and error pages that a proxy in front of Glance wrote.
#![cfg(not(target_arch = "wasm32"))]

use glance_share::api::error::{ApiError, ErrorKind, Service};
use glance_share::api::image_answer::of_requested;
use glance_share::i18n::{error_hint, error_text, EN, ZH};
use glance_share::model::Image;

fn image(id: &str) -> Image {
    serde_json::from_value(serde_json::json!({
        "id": id, "name": "cirros", "status": "active", "visibility": "private"
    }))
    .unwrap()
}

const ASKED: &str = "0d3e6a3e-6b0a-4a5f-9f3b-3c7d0e4f9a11";
const OTHER: &str = "7f00c0de-0000-4000-8000-000000000001";

#[test]
fn an_answer_about_the_image_asked_for_is_used() {
    assert_eq!(of_requested(image(ASKED), ASKED, None), Ok(image(ASKED)));
    // Glance on MySQL finds an image by its id in any case and answers with the stored id.
    let upper = ASKED.to_ascii_uppercase();
    assert_eq!(of_requested(image(ASKED), &upper, None), Ok(image(ASKED)));
}

#[test]
fn an_answer_about_another_image_is_an_error_with_its_request_id() {
    let e = of_requested(image(OTHER), ASKED, Some("req-42".into())).unwrap_err();
    assert_eq!(e.kind, ErrorKind::OtherImage);
    assert_eq!(e.request_id.as_deref(), Some("req-42"));
    assert_eq!(e.service, Some(Service::Glance));
    assert_eq!(e.status, 0);
    // After a PATCH answered this way, whether the change was made is not known: the app
    // reads the image again rather than trusting either image.
    assert!(e.outcome_unknown());
    assert!(!e.is_transient() && !e.is_aborted() && !e.is_unauthorized());
    // Nothing but the id is taken from the other image.
    let e = of_requested(image(""), ASKED, None).unwrap_err();
    assert_eq!(e.kind, ErrorKind::OtherImage);
}

#[test]
fn the_user_reads_that_the_answer_was_about_another_image_in_both_languages() {
    let e = ApiError::other_image(OTHER, Some("req-42".into()));
    let en = error_text(&EN, &e);
    assert!(en.contains("another image") && en.contains(OTHER), "{en}");
    assert!(en.contains("not used"), "{en}");
    let zh = error_text(&ZH, &e);
    assert!(zh.contains("另一个镜像") && zh.contains(OTHER), "{zh}");
    assert_eq!(error_hint(&EN, &e), None);
}
