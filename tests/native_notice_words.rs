//! A result's words (notices, result lines) keep what happened, not its text: said with the
//! English catalog they are English, with the Chinese one Chinese, whenever they are said, so
//! a notice posted before a language switch follows it. The service's own words and request
//! id stay as the service gave them.

use glance_share::api::error::{ApiError, Service};
use glance_share::i18n::{failure_text, failure_words, refusal_words, Words, EN, ZH};

/// Glance's refusal of a protected image's deletion, as it answers it.
fn glance_refusal() -> ApiError {
    ApiError::from_response(
        403,
        r#"{"message": "Image 1 could not be deleted because it is protected", "code": 403}"#,
        Some("req-1".into()),
    )
}

/// Runs of two or more ASCII letters, less those allowed to stay in Chinese text.
fn english_in(text: &str, allowed: &[&str]) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.chars().filter(char::is_ascii_alphabetic).count() >= 2)
        .filter(|w| !allowed.contains(w))
        .map(str::to_string)
        .collect()
}

#[test]
fn a_summary_is_said_in_the_language_of_the_catalog_it_is_said_with() {
    let (done, total) = (4, 5);
    let summary = Words::new(move |t| (t.notice_deleted)(done, total));
    assert_eq!(summary.say(&EN), "Deleted 4 of 5 images.");
    assert_eq!(summary.say(&ZH), "已删除 4 / 5 个镜像。");
    // Back and forth: the same words, each time in the language asked for.
    let again = summary.clone();
    assert_eq!(again.say(&EN), "Deleted 4 of 5 images.");
    // All done: no "1 of 1".
    assert_eq!((EN.notice_deleted)(1, 1), "Deleted 1 image.");
    assert_eq!((ZH.notice_deleted)(1, 1), "已删除 1 个镜像。");
    assert_eq!((EN.notice_accepted)(3, 3), "Accepted 3 invitations.");
    assert_eq!(
        (EN.notice_added)("a", 1, 1),
        "Added 1 project to the image a."
    );
    assert_eq!((ZH.notice_added)("a", 2, 2), "已将 2 个项目添加到镜像 a。");
    assert_eq!(
        (EN.notice_removed)("a", 1, 1),
        "Removed 1 project from the image a."
    );
    assert_eq!((ZH.notice_removed)("a", 1, 1), "已从镜像 a 移除 1 个项目。");
    // Not all: "n of total" stays.
    assert_eq!(
        (EN.notice_added)("a", 4, 6),
        "Added 4 of 6 projects to the image a."
    );
}

#[test]
fn a_refusal_keeps_glance_s_words_and_request_id_in_a_sentence_of_the_language() {
    let line = refusal_words(|_| "e2e-guarded".to_string(), &glance_refusal());
    let glance = "Image 1 could not be deleted because it is protected";
    assert_eq!(
        line.say(&EN),
        format!("e2e-guarded: This image is protected, so it cannot be deleted. Unprotect it first. ({glance}) (Request ID: req-1)")
    );
    // What it means in Chinese first (Glance's words are English only).
    assert_eq!(
        line.say(&ZH),
        format!(
            "e2e-guarded：此镜像受保护，无法删除。请先取消保护。（{glance}）（请求 ID：req-1）"
        )
    );
}

#[test]
fn a_refusal_s_label_follows_the_language_too() {
    let line = refusal_words(
        |t| t.with_note("beta", "0123abcd"),
        &ApiError::from_response(409, r#"{"message": "Conflict"}"#, None),
    );
    assert_eq!(line.say(&EN), "beta (0123abcd): Conflict");
    assert_eq!(line.say(&ZH), "beta（0123abcd）：Conflict");
}

#[test]
fn an_explanation_the_app_wrote_is_said_again_in_chinese() {
    // No answer in time: the app's words, not the service's, so nothing English may stay.
    let timeout = ApiError::timeout(Service::Glance, 30);
    let line = refusal_words(|_| "img".to_string(), &timeout);
    let en = line.say(&EN);
    assert!(en.contains("did not answer within 30 seconds"), "{en}");
    let zh = line.say(&ZH);
    assert!(zh.contains("30 秒内没有应答"), "{zh}");
    assert_eq!(
        english_in(&zh, &["img", "Glance"]),
        Vec::<String>::new(),
        "{zh}"
    );

    let unreachable =
        failure_words(&ApiError::network("fetch failed").from_service(Service::Glance));
    let zh = unreachable.say(&ZH);
    assert_eq!(english_in(&zh, &["Glance"]), Vec::<String>::new(), "{zh}");
    assert!(unreachable.say(&EN).contains("could not be reached"));
}

#[test]
fn failure_words_say_what_failure_text_says_in_each_language() {
    let e = glance_refusal();
    let words = failure_words(&e);
    assert_eq!(words.say(&EN), failure_text(&EN, &e));
    assert_eq!(words.say(&ZH), failure_text(&ZH, &e));
}

#[test]
fn what_was_not_sent_follows_the_language() {
    let not_sent = 2;
    let line = Words::new(move |t| t.not_sent_project_switch.fill(&[&not_sent]));
    assert!(line
        .say(&EN)
        .starts_with("2 not sent: you switched project"));
    let zh = line.say(&ZH);
    assert!(zh.starts_with("2 个未发送"), "{zh}");
    assert_eq!(english_in(&zh, &[]), Vec::<String>::new(), "{zh}");
}
