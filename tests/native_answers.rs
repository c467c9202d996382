//! Native tests: answers that must not be taken at face value. An answer about another image
//! (or image member) than the one asked for, and error pages that a proxy in front of Glance
//! wrote.
#![cfg(not(target_arch = "wasm32"))]

use glance_share::api::error::{ApiError, ErrorKind, Service};
use glance_share::api::image_answer::of_requested;
use glance_share::api::member_answer;
use glance_share::i18n::{error_hint, error_text, EN, ZH};
use glance_share::model::{Image, Member};

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

/// A member record as Glance answers `POST` or `PUT` of a member (its whole body).
fn member_answer_body(image_id: &str, member_id: &str) -> Member {
    serde_json::from_value(serde_json::json!({
        "image_id": image_id, "member_id": member_id, "status": "pending",
        "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z",
        "schema": "/v2/schemas/member"
    }))
    .unwrap()
}

const PROJECT: &str = "4f1b2c3d4e5f40718293a4b5c6d7e8f9";
const OTHER_PROJECT: &str = "0a1b2c3d4e5f40718293a4b5c6d7e8f0";

#[test]
fn an_answer_about_the_member_asked_for_is_used() {
    let answer = member_answer_body(ASKED, PROJECT);
    assert_eq!(
        member_answer::of_requested(answer.clone(), ASKED, PROJECT, Some("req-1".into())),
        Ok(answer.clone())
    );
    // Ids in another case are the same ids (Glance on MySQL finds them in any case and
    // answers with the ids as stored, which are kept).
    let upper = (ASKED.to_ascii_uppercase(), PROJECT.to_ascii_uppercase());
    assert_eq!(
        member_answer::of_requested(answer.clone(), &upper.0, &upper.1, None),
        Ok(answer)
    );
}

#[test]
fn a_member_list_of_the_image_asked_for_is_used_and_one_about_another_image_is_refused() {
    let list = vec![
        member_answer_body(ASKED, PROJECT),
        member_answer_body(&ASKED.to_ascii_uppercase(), OTHER_PROJECT),
    ];
    assert_eq!(
        member_answer::list_of(list.clone(), ASKED, None),
        Ok(list.clone())
    );
    assert_eq!(
        member_answer::list_of(Vec::new(), ASKED, None),
        Ok(Vec::new())
    );
    // A record without an image_id (decoded as "") says nothing against the list.
    let mut no_id = member_answer_body(ASKED, PROJECT);
    no_id.image_id.clear();
    assert_eq!(
        member_answer::list_of(vec![no_id.clone()], ASKED, None),
        Ok(vec![no_id])
    );
    // One record of another image: the list is not this image's members.
    let mixed = vec![list[0].clone(), member_answer_body(OTHER, OTHER_PROJECT)];
    let e = member_answer::list_of(mixed, ASKED, Some("req-9".into())).unwrap_err();
    assert_eq!(e.kind, ErrorKind::OtherImage);
    assert_eq!(e.message, OTHER);
    assert_eq!(e.request_id.as_deref(), Some("req-9"));
}

#[test]
fn an_answer_about_a_member_of_another_image_is_refused_with_its_request_id() {
    let answer = member_answer_body(OTHER, PROJECT);
    let e = member_answer::of_requested(answer, ASKED, PROJECT, Some("req-7".into())).unwrap_err();
    assert_eq!(e.kind, ErrorKind::OtherImage);
    assert_eq!(e.message, OTHER);
    assert_eq!(e.request_id.as_deref(), Some("req-7"));
    assert_eq!(e.service, Some(Service::Glance));
    // The member may or may not have been added or changed: the members are read again.
    assert!(e.outcome_unknown());
    let en = error_text(&EN, &e);
    assert!(en.contains("another image") && en.contains(OTHER), "{en}");
}

#[test]
fn an_answer_about_another_member_is_refused_with_its_request_id() {
    let answer = member_answer_body(ASKED, OTHER_PROJECT);
    let e = member_answer::of_requested(answer, ASKED, PROJECT, Some("req-8".into())).unwrap_err();
    assert_eq!(e.kind, ErrorKind::OtherMember);
    assert_eq!(e.message, OTHER_PROJECT);
    assert_eq!(e.request_id.as_deref(), Some("req-8"));
    assert_eq!((e.status, e.service), (0, Some(Service::Glance)));
    assert!(e.outcome_unknown());
    assert!(!e.is_transient() && !e.is_aborted() && !e.is_unauthorized());
    // Both ids wrong: the image is named first.
    let both = member_answer_body(OTHER, OTHER_PROJECT);
    let e = member_answer::of_requested(both, ASKED, PROJECT, None).unwrap_err();
    assert_eq!(e.kind, ErrorKind::OtherImage);
}

#[test]
fn the_user_reads_that_the_answer_was_about_another_member_in_both_languages() {
    let e = ApiError::other_member(OTHER_PROJECT, Some("req-9".into()));
    assert_eq!(e.request_id.as_deref(), Some("req-9"));
    let en = error_text(&EN, &e);
    assert!(
        en.starts_with(&format!(
            "The answer was about another member (project ID {OTHER_PROJECT})"
        )),
        "{en}"
    );
    assert!(
        en.contains("not used") && en.contains("reload the page"),
        "{en}"
    );
    let zh = error_text(&ZH, &e);
    assert!(
        zh.starts_with(&format!(
            "应答是关于另一个成员（项目 ID {OTHER_PROJECT}）的"
        )),
        "{zh}"
    );
    assert!(zh.contains("没有采用") && zh.contains("刷新页面"), "{zh}");
    assert_eq!(error_hint(&EN, &e), None);
    // The image's words are unchanged by the shared ending.
    let image = error_text(&EN, &ApiError::other_image(OTHER, None));
    assert!(
        image.ends_with("tell the operator if it happens again."),
        "{image}"
    );
}

#[test]
fn a_member_answer_without_its_ids_is_unreadable_not_the_member_asked_for() {
    // No `image_id`, or one that is not a string: the lenient decoder makes it "".
    for image_id in [serde_json::Value::Null, serde_json::json!(7)] {
        let mut body = serde_json::json!({ "member_id": PROJECT, "status": "pending" });
        if !image_id.is_null() {
            body["image_id"] = image_id;
        }
        let answer: Member = serde_json::from_value(body).unwrap();
        assert_eq!(answer.image_id, "");
        let e =
            member_answer::of_requested(answer, ASKED, PROJECT, Some("req-3".into())).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Decode);
        assert_eq!(e.request_id.as_deref(), Some("req-3"));
        assert!(e.outcome_unknown());
        assert!(error_text(&EN, &e).contains("no image_id"));
    }
    // An empty `member_id` names no project either.
    let e = member_answer::of_requested(member_answer_body(ASKED, ""), ASKED, PROJECT, None)
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Decode);
    assert!(e.message.contains("no member_id"), "{}", e.message);
    // No string `member_id` at all: the decoder refuses the record (the client then reports
    // the answer as unreadable before this check).
    let missing = serde_json::json!({ "image_id": ASKED, "status": "pending" });
    assert!(serde_json::from_value::<Member>(missing).is_err());
    let number = serde_json::json!({ "image_id": ASKED, "member_id": 5 });
    assert!(serde_json::from_value::<Member>(number).is_err());
}

/// nginx's own error page for `status` (as nginx 1.22 writes it, padding comments included).
fn nginx_page(status_line: &str) -> String {
    let padding = "<!-- a padding to disable MSIE and Chrome friendly error page -->\r\n".repeat(6);
    format!(
        "<html>\r\n<head><title>{status_line}</title></head>\r\n<body>\r\n<center><h1>{status_line}</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n{padding}"
    )
}

/// What the user reads about `error`: the error line and the hint, in English.
fn shown(e: &ApiError) -> String {
    let hint = error_hint(&EN, e).unwrap_or_default();
    format!("{} | {hint}", error_text(&EN, e))
}

fn from_proxy(status: u16, page: &str) -> ApiError {
    ApiError::from_response(status, page, None).from_service(Service::Glance)
}

#[test]
fn a_proxy_page_is_an_http_error_in_its_own_words_without_its_signature() {
    for (status, line) in [
        (400, "400 Bad Request"),
        (413, "413 Request Entity Too Large"),
        (414, "414 Request-URI Too Large"),
        (502, "502 Bad Gateway"),
        (503, "503 Service Temporarily Unavailable"),
        (504, "504 Gateway Time-out"),
    ] {
        let e = from_proxy(status, &nginx_page(line));
        // The app reached a server, which answered: never "could not be reached".
        assert_eq!((e.kind, e.status), (ErrorKind::Http, status));
        assert_ne!(error_text(&EN, &e), EN.unreachable.fill(&[&"Glance"]));
        // The page's words, without nginx's name and version under its <hr>.
        assert_eq!(e.message, line, "{status}");
        assert_eq!(error_text(&EN, &e), line);
    }
    // Apache ends its pages the same way, with <hr> and <address>.
    let apache = "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>414 Request-URI Too Long</title>\n</head><body>\n<h1>Request-URI Too Long</h1>\n<p>The requested URL's length exceeds the capacity\nlimit for this server.<br />\n</p>\n<hr>\n<address>Apache/2.4.41 (Ubuntu) Server at images.example.com Port 443</address>\n</body></html>\n";
    let e = from_proxy(414, apache);
    assert_eq!(
        e.message,
        "HTTP 414: Request-URI Too Long The requested URL's length exceeds the capacity limit for this server."
    );
}

#[test]
fn a_proxy_page_that_does_not_name_its_status_is_given_it() {
    let page = "<html><body><h1>Bad gateway &lt;b&gt;</h1></body></html>";
    assert_eq!(from_proxy(502, page).message, "HTTP 502: Bad gateway <b>");
    // The service's own JSON words are left as they are (the title shows the status).
    let glance =
        r#"{"message": "Image is protected", "code": "403 Forbidden", "title": "Forbidden"}"#;
    assert_eq!(
        ApiError::from_response(403, glance, Some("req-1".into())).message,
        "Image is protected"
    );
}

#[test]
fn a_long_proxy_page_is_named_by_its_title() {
    let words =
        "The proxy server received an invalid response from an upstream server. ".repeat(10);
    let page = format!(
        "<html><head><title>502 Proxy Error</title><style>h1 {{ color: red }}</style></head><body><h1>Proxy Error</h1><p>{words}</p></body></html>"
    );
    assert_eq!(from_proxy(502, &page).message, "502 Proxy Error");
    // A page with nothing but a title.
    let bare = "<html><head><title>504 Gateway Timeout</title></head><body></body></html>";
    assert_eq!(from_proxy(504, bare).message, "504 Gateway Timeout");
    // A page with no words at all still names its status.
    assert_eq!(
        from_proxy(502, "<html><body></body></html>").message,
        "HTTP 502"
    );
}

#[test]
fn a_gateway_error_says_the_server_in_front_of_glance_got_no_answer_from_it() {
    for status in [502, 503, 504] {
        let e = from_proxy(status, &nginx_page("x"));
        let text = shown(&e);
        assert!(
            text.contains(&format!(
                "The web server could not get an answer from Glance (HTTP {status})"
            )),
            "{text}"
        );
        let zh = error_hint(&ZH, &e).unwrap_or_default();
        assert!(
            zh.contains("Glance") && zh.contains(&status.to_string()),
            "{zh}"
        );
    }
    // 502: the proxy could not connect, or refused Glance's certificate.
    assert!(shown(&from_proxy(502, "")).contains("certificate"));
    // 504: Glance was too slow for the proxy; connection and certificate are not the issue,
    // and a change may have been made.
    let slow = shown(&from_proxy(504, &nginx_page("504 Gateway Time-out")));
    assert!(
        !slow.contains("certificate") && !slow.contains("could not reach"),
        "{slow}"
    );
    assert!(
        slow.contains("in time") && slow.contains("reload"),
        "{slow}"
    );
    let zh = error_hint(&ZH, &from_proxy(504, "")).unwrap_or_default();
    assert!(!zh.contains("证书"), "{zh}");
    // 503: Glance is unavailable behind the proxy for now.
    let down = shown(&from_proxy(
        503,
        &nginx_page("503 Service Temporarily Unavailable"),
    ));
    assert!(
        !down.contains("certificate") && !down.contains("could not reach"),
        "{down}"
    );
    assert!(down.contains("try again later"), "{down}");
    // A 503 that Glance itself sent (with its request id) speaks for itself.
    let busy = ApiError::from_response(503, r#"{"message": "busy"}"#, Some("req-x".into()))
        .from_service(Service::Glance);
    assert_eq!(shown(&busy), "busy | ");
}

#[test]
fn other_statuses_from_a_proxy_get_no_gateway_words() {
    for status in [400, 413, 414] {
        let e = from_proxy(status, &nginx_page("x"));
        assert_eq!(error_hint(&EN, &e), None, "{status}");
    }
}

#[test]
fn an_acceptance_answered_with_another_status_is_not_counted_as_accepted() {
    use glance_share::i18n::failure_text;
    use glance_share::model::MemberStatus;
    let with_status = |status: &str| Member {
        status: MemberStatus::from(status.to_string()),
        ..member_answer_body(ASKED, PROJECT)
    };
    assert_eq!(
        member_answer::accepted(with_status("accepted")),
        Ok(with_status("accepted"))
    );
    for held in ["pending", "rejected", "", "suspended"] {
        let e = member_answer::accepted(with_status(held)).unwrap_err();
        assert_eq!(e.kind, ErrorKind::NotAccepted, "{held:?}");
        assert_eq!(e.message, held);
        // Glance answered: the change is not in doubt, and not worth sending again.
        assert!(!e.outcome_unknown() && !e.is_transient() && !e.is_aborted());
    }
    // "Accept all" lists it with the status Glance holds, in words.
    let e = member_answer::accepted(with_status("pending")).unwrap_err();
    assert_eq!(
        failure_text(&EN, &e),
        "Glance answered that this project's answer is now “Pending”, not “Accepted”."
    );
    assert_eq!(
        failure_text(&ZH, &e),
        "Glance 的应答称本项目的答复现为“待接受”，而不是“已接受”。"
    );
    let e = member_answer::accepted(with_status("")).unwrap_err();
    assert_eq!(
        error_text(&ZH, &e),
        "Glance 的应答称本项目的答复现为“未知状态”，而不是“已接受”。"
    );
}
