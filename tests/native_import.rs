//! Native tests: interoperable import — offered methods, request bodies, URL checks, and
//! reading the import's progress from the image status and its tasks.
#![cfg(not(target_arch = "wasm32"))]

use glance_share::api::import::{
    check_url, import_body, import_state, offered_methods, DataSource, ImportState, ImportTask,
    TaskList, UrlProblem,
};
use glance_share::model::ImageStatus;
use serde_json::json;

#[test]
fn offered_methods_keep_only_what_the_app_can_drive_in_the_clouds_order() {
    // The body Glance 33 answered on the dev stack.
    let body = r#"{"import-methods": {"description": "Import methods available.", "type": "array",
                   "value": ["web-download", "copy-image", "glance-direct"]}}"#;
    assert_eq!(offered_methods(body), vec!["web-download", "glance-direct"]);
    assert!(offered_methods(r#"{"import-methods": {"value": []}}"#).is_empty());
    assert!(offered_methods("<html>404</html>").is_empty());
    assert!(offered_methods(r#"{"import-methods": {"value": "glance-direct"}}"#).is_empty());
}

#[test]
fn import_bodies_name_the_method_and_the_url() {
    assert_eq!(import_body(&DataSource::Upload), None);
    assert_eq!(
        import_body(&DataSource::Stage),
        Some(json!({"method": {"name": "glance-direct"}}))
    );
    assert_eq!(
        import_body(&DataSource::WebDownload(" http://h/x.qcow2 ".into())),
        Some(json!({"method": {"name": "web-download", "uri": "http://h/x.qcow2"}}))
    );
    assert!(DataSource::Stage.needs_file());
    assert!(!DataSource::WebDownload("x".into()).needs_file());
}

#[test]
fn urls_must_be_http_or_https_with_a_host() {
    assert_eq!(check_url("  "), Err(UrlProblem::Empty));
    assert_eq!(check_url("ftp://h/x"), Err(UrlProblem::NotHttp));
    assert_eq!(check_url("file:///etc/passwd"), Err(UrlProblem::NotHttp));
    assert_eq!(check_url("http:///x"), Err(UrlProblem::NotHttp));
    assert_eq!(check_url("cirros.img"), Err(UrlProblem::NotHttp));
    assert_eq!(
        check_url(" HTTPS://example.com/a.img "),
        Ok("HTTPS://example.com/a.img".into())
    );
}

fn task(id: &str, status: &str, created: &str, message: Option<&str>) -> ImportTask {
    ImportTask {
        id: id.into(),
        status: status.into(),
        message: message.map(Into::into),
        created_at: created.into(),
        request_id: Some(format!("req-{id}")),
    }
}

#[test]
fn a_failed_task_fails_the_import_with_its_words_and_request_id() {
    let tasks = [
        task("t1", "success", "2026-11-25T17:00:00.000000", None),
        task(
            "t2",
            "failure",
            "2026-11-25T17:06:18.907852",
            Some("Task failed due to Internal Error"),
        ),
    ];
    assert_eq!(
        import_state(&ImageStatus::Queued, &tasks, &[]),
        ImportState::Failed {
            message: Some("Task failed due to Internal Error".into()),
            request_id: Some("req-t2".into())
        }
    );
    // An active image is done whatever old tasks say.
    assert_eq!(
        import_state(&ImageStatus::Active, &tasks, &[]),
        ImportState::Active
    );
    assert!(matches!(
        import_state(&ImageStatus::Killed, &[], &[]),
        ImportState::Failed { message: None, .. }
    ));
}

#[test]
fn an_earlier_attempts_failure_does_not_fail_a_retry() {
    let mut tasks = vec![task(
        "t1",
        "failure",
        "2026-11-25T17:06:18.907852",
        Some("404"),
    )];
    let earlier = vec!["t1".to_string()];
    assert_eq!(
        import_state(&ImageStatus::Queued, &tasks, &earlier),
        ImportState::Running(ImageStatus::Queued)
    );
    tasks.push(task("t2", "processing", "2026-11-25T17:07:00.000000", None));
    assert_eq!(
        import_state(&ImageStatus::Importing, &tasks, &earlier),
        ImportState::Running(ImageStatus::Importing)
    );
    // A blank message counts as no message.
    tasks.push(task(
        "t3",
        "failure",
        "2026-11-25T17:08:00.000000",
        Some("  "),
    ));
    assert!(matches!(
        import_state(&ImageStatus::Queued, &tasks, &earlier),
        ImportState::Failed { message: None, .. }
    ));
}

#[test]
fn the_task_list_decodes_as_glance_sends_it() {
    let body = json!({"tasks": [{"id": "e2c1", "type": "api_image_import", "status": "failure",
        "owner": "o", "created_at": "2026-11-25T17:06:18.907852", "request_id": "req-c118",
        "input": {"image_id": "i"}, "result": null, "message": "Task failed due to Internal Error"}]});
    let list: TaskList = serde_json::from_value(body).unwrap();
    assert_eq!(list.tasks[0].request_id.as_deref(), Some("req-c118"));
    assert_eq!(list.tasks[0].status, "failure");
}

/// A queued image whose import Glance has just accepted (it holds the import's lock) is still
/// being worked on, so the detail page keeps reading it; the lock gone, it has settled.
#[test]
fn a_queued_image_holding_the_import_lock_is_in_progress() {
    let image = |extra: serde_json::Value| -> glance_share::model::Image {
        let mut body = json!({"id": "i1", "status": "queued", "visibility": "private", "tags": []});
        if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
            b.extend(e.clone());
        }
        serde_json::from_value(body).expect("an image as Glance sends it")
    };
    assert!(image(json!({"os_glance_import_task": "t1"})).data_in_progress());
    assert!(!image(json!({})).data_in_progress());
    let mut importing = image(json!({}));
    importing.status = ImageStatus::Importing;
    assert!(importing.data_in_progress());
    let mut active = image(json!({"os_glance_import_task": "t1"}));
    active.status = ImageStatus::Active;
    assert!(!active.data_in_progress());
}
