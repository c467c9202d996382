//! Component tests in a real headless Chromium (wasm-bindgen-test): mount, act, assert the DOM.
#![cfg(target_arch = "wasm32")]

use glance_share::api::config::parse_config;
use glance_share::api::{ApiError, Service};
use glance_share::components::{
    DataSourcePicker, ErrorMessage, ImageRow, LoginForm, MemberList, MemberStatusBadge, SourceKind,
    StatusBadge,
};
use glance_share::model::{Image, ImageStatus};
use glance_share::model::{Member, MemberStatus, MemberTable};
use glance_share::router::Router;
use glance_share::state::members::MemberState;
use glance_share::state::{I18n, SessionState};
use leptos::prelude::*;
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh container in the document body.
fn container() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

/// Lets effects and the renderer run.
async fn tick() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

fn image(json: &str) -> Image {
    serde_json::from_str(json).unwrap()
}

fn cells(root: &HtmlElement) -> Vec<String> {
    let list = root.query_selector_all("td").unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn image_row_shows_human_size_badge_and_owner_name() {
    let root = container();
    let img = image(
        r#"{"id": "11111111-aaaa", "name": "ubuntu-24.04", "status": "active", "visibility": "shared",
            "size": 67108864, "disk_format": "qcow2", "owner": "p-alpha",
            "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-02T00:00:00Z"}"#,
    );
    let _h = leptos::mount::mount_to(root.clone(), move || {
        view! { <Router><table><tbody><ImageRow image=img.clone() owner_name=Some("alpha".to_string()) now_ms=1_767_312_000_000 member_status=None /></tbody></table></Router> }
    });
    tick().await;
    let c = cells(&root);
    assert_eq!(c[0], "ubuntu-24.04");
    assert_eq!(c[1], "Active", "status in words");
    assert_eq!(c[2], "Shared", "visibility in words");
    assert_eq!(c[3], "64.0 MiB");
    assert_eq!(c[4], "qcow2");
    assert_eq!(c[5], "alphaCopy", "owner name and a copy button");
    let link = root.query_selector("a").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/images/11111111-aaaa")
    );
    let badge = root.query_selector(".status-badge").unwrap().unwrap();
    assert!(badge.class_name().contains("status-badge--active"));
    assert_eq!(
        badge.get_attribute("data-status").as_deref(),
        Some("active"),
        "the raw value for operators"
    );
    let owner = root
        .query_selector(".image-row__owner span")
        .unwrap()
        .unwrap();
    assert_eq!(
        owner.get_attribute("title").as_deref(),
        Some("p-alpha"),
        "owner id on hover"
    );
}

#[wasm_bindgen_test]
async fn nameless_image_without_data_shows_id_and_dash() {
    let root = container();
    let img = image(
        r#"{"id": "22222222-bbbb", "name": null, "status": "queued", "visibility": "private", "owner": "p-x"}"#,
    );
    let _h = leptos::mount::mount_to(root.clone(), move || {
        view! { <Router><table><tbody><ImageRow image=img.clone() owner_name=None now_ms=0 member_status=None /></tbody></table></Router> }
    });
    tick().await;
    let c = cells(&root);
    assert_eq!(c[0], "22222222-bbbb (no name)");
    assert_eq!(c[3], "—");
    assert_eq!(c[5], "p-xCopy", "unknown owner shows its id");
    assert!(root
        .query_selector(".status-badge--busy")
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
async fn an_owner_name_that_comes_later_fills_in_the_same_row() {
    let root = container();
    let img = image(
        r#"{"id": "33333333-cccc", "name": "web", "status": "active", "visibility": "shared", "owner": "p-alpha"}"#,
    );
    let owner_name = RwSignal::new(None::<String>);
    let _h = leptos::mount::mount_to(root.clone(), move || {
        view! { <Router><table><tbody><ImageRow image=img.clone() owner_name=owner_name now_ms=0 member_status=None /></tbody></table></Router> }
    });
    tick().await;
    let row = root.query_selector("tr").unwrap().unwrap();
    let owner = || {
        root.query_selector(".image-row__owner span")
            .unwrap()
            .unwrap()
    };
    assert_eq!(owner().text_content().as_deref(), Some("p-alpha"));
    assert_eq!(owner().class_name(), "id-short");
    owner_name.set(Some("alpha".to_string()));
    tick().await;
    assert_eq!(owner().text_content().as_deref(), Some("alpha"));
    assert_eq!(owner().class_name(), "truncate");
    let copy = root
        .query_selector(".image-row__owner button")
        .unwrap()
        .unwrap();
    assert_eq!(
        copy.get_attribute("aria-label").as_deref(),
        Some("Copy project ID (alpha)"),
        "the copy button is named after the name too"
    );
    let same_row = root.query_selector("tr").unwrap().unwrap();
    assert!(
        row.is_same_node(Some(&same_row)),
        "the row is not made again"
    );
}

#[wasm_bindgen_test]
async fn status_badge_tolerates_unknown_status() {
    let root = container();
    let _h = leptos::mount::mount_to(root.clone(), || {
        view! { <StatusBadge status=ImageStatus::Other("pending_delete_soon".into()) /> }
    });
    tick().await;
    let badge = root.query_selector(".status-badge").unwrap().unwrap();
    assert_eq!(badge.text_content().unwrap(), "pending delete soon");
    assert!(badge.class_name().contains("status-badge--other"));
}

#[wasm_bindgen_test]
async fn an_unknown_visibility_is_said_and_any_one_can_still_be_chosen() {
    use glance_share::components::{VisibilityControl, VisibilityName};
    use glance_share::model::Visibility;
    let root = container();
    // Not a string in Glance's answer: the lenient decoder's empty visibility.
    let img = RwSignal::new(image(r#"{"id": "img-v", "visibility": 5}"#));
    assert_eq!(
        img.get_untracked().visibility,
        Visibility::Other(String::new())
    );
    let odd = "x\" <b>y</b>";
    let _h = leptos::mount::mount_to(root.clone(), move || {
        I18n::provide();
        SessionState::provide(parse_config(r#"{"auth_url": "http://127.0.0.1:9/v3"}"#).unwrap());
        view! {
            <VisibilityName visibility=img.get_untracked().visibility />
            <VisibilityName visibility=Visibility::Other(odd.into()) />
            <VisibilityControl image=img members=Signal::stored(0) />
        }
    });
    tick().await;
    let names = root.query_selector_all(".visibility-name").unwrap();
    let name = |i| names.item(i).unwrap().unchecked_into::<HtmlElement>();
    assert_eq!(name(0).text_content().unwrap(), "Unknown visibility");
    assert_eq!(name(0).class_name(), "visibility-name");
    // Glance's own text, as text: never markup, never a class.
    assert_eq!(name(1).text_content().unwrap(), odd);
    assert!(name(1).query_selector("b").unwrap().is_none());
    assert_eq!(name(1).class_name(), "visibility-name");
    // The radios: none is the image's, each can be chosen.
    let radios = root.query_selector_all("input[type=radio]").unwrap();
    let radio = |i| radios.item(i).unwrap().unchecked_into::<HtmlInputElement>();
    assert_eq!(radios.length(), 4);
    assert!((0..4).all(|i| !radio(i).checked()));
    let shared = radio(1);
    assert_eq!(shared.value(), "shared");
    shared.set_checked(true);
    shared
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    tick().await;
    // Chosen by keyboard (no click): shown while it rests before it is sent.
    assert!(radio(1).checked());
    assert!([0, 2, 3].into_iter().all(|i| !radio(i).checked()));
}

#[wasm_bindgen_test]
async fn error_message_shows_service_words_status_hint_and_request_id() {
    let root = container();
    let body = r#"{"message": "Not allowed to create members for image x.<br /><br />\n", "code": "403 Forbidden", "title": "Forbidden"}"#;
    let error = ApiError::from_response(403, body, Some("req-abc".into()));
    let _h = leptos::mount::mount_to(
        root.clone(),
        move || view! { <ErrorMessage error=error.clone() /> },
    );
    tick().await;
    let alert = root.query_selector("[role=alert]").unwrap().unwrap();
    let text = alert.text_content().unwrap();
    assert!(
        text.contains("Not allowed to create members for image x."),
        "{text}"
    );
    assert!(!text.contains("<br"), "HTML stripped: {text}");
    assert!(text.contains("(403)"), "{text}");
    assert!(
        text.contains("does not allow this action"),
        "403 hint: {text}"
    );
    assert!(text.contains("req-abc"), "{text}");
}

#[wasm_bindgen_test]
async fn error_message_names_the_service_behind_a_proxy_gateway_error() {
    // nginx's own 502 page (no request id): the hint says which service was not reached.
    let page = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
    let root = container();
    let error = ApiError::from_response(502, page, None).from_service(Service::Glance);
    let _h = leptos::mount::mount_to(
        root.clone(),
        move || view! { <ErrorMessage error=error.clone() /> },
    );
    tick().await;
    let text = root.text_content().unwrap();
    assert!(
        text.contains("could not get an answer from Glance (HTTP 502)"),
        "{text}"
    );
    // A 503 that Glance itself sent (it carries a request id) speaks for itself.
    let root = container();
    let error = ApiError::from_response(503, r#"{"message": "busy"}"#, Some("req-x".into()))
        .from_service(Service::Glance);
    let _h2 = leptos::mount::mount_to(
        root.clone(),
        move || view! { <ErrorMessage error=error.clone() /> },
    );
    tick().await;
    let text = root.text_content().unwrap();
    assert!(
        text.contains("busy") && !text.contains("could not get an answer"),
        "{text}"
    );
}

/// Mounts a login form configured for a Keystone that refuses connections (loopback port 9).
fn mount_login_form(
    root: &HtmlElement,
) -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
    leptos::mount::mount_to(root.clone(), || {
        I18n::provide();
        SessionState::provide(parse_config(r#"{"auth_url": "http://127.0.0.1:9/v3"}"#).unwrap());
        view! { <LoginForm on_success=|_| {} /> }
    })
}

fn input(root: &HtmlElement, id: &str) -> HtmlInputElement {
    root.query_selector(&format!("#{id}"))
        .unwrap()
        .unwrap()
        .unchecked_into()
}

fn type_into(el: &HtmlInputElement, text: &str) {
    el.set_value(text);
    el.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn login_form_flags_missing_fields_and_keeps_what_was_typed() {
    let root = container();
    let _h = mount_login_form(&root);
    tick().await;
    // The domain fields exist only while their disclosure is open.
    assert!(root.query_selector("#user-domain").unwrap().is_none());
    let domains: HtmlElement = root
        .query_selector(".login-form__domains-toggle")
        .unwrap()
        .expect("the domains disclosure button")
        .unchecked_into();
    domains.click();
    tick().await;
    assert_eq!(
        input(&root, "user-domain").value(),
        "Default",
        "domain from config"
    );
    type_into(&input(&root, "user-name"), "alice");
    type_into(&input(&root, "project-name"), "alpha");
    let submit: HtmlElement = root
        .query_selector("button[type=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    submit.click();
    tick().await;
    let errors = root.query_selector_all(".form-field__error").unwrap();
    assert_eq!(errors.length(), 1, "only the password is missing");
    assert_eq!(
        input(&root, "password")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert_eq!(input(&root, "user-name").value(), "alice");
    assert_eq!(input(&root, "project-name").value(), "alpha");
}

#[wasm_bindgen_test]
async fn login_form_switches_to_application_credential_fields() {
    let root = container();
    let _h = mount_login_form(&root);
    tick().await;
    let tabs = root.query_selector_all("[role=tab]").unwrap();
    let app_tab: HtmlElement = tabs.item(1).unwrap().unchecked_into();
    assert_eq!(app_tab.text_content().unwrap(), "Application credential");
    app_tab.click();
    tick().await;
    assert!(root.query_selector("#app-credential-id").unwrap().is_some());
    assert!(root
        .query_selector("#app-credential-secret")
        .unwrap()
        .is_some());
    assert!(root.query_selector("#user-name").unwrap().is_none());
    assert_eq!(
        app_tab.get_attribute("aria-selected").as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn login_form_shows_keystone_unreachable_as_network_error() {
    // Port 9 on loopback refuses connections: the failure a real browser sees when the
    // configured Keystone is down or blocks CORS.
    let root = container();
    let _h = mount_login_form(&root);
    tick().await;
    type_into(&input(&root, "user-name"), "alice");
    type_into(&input(&root, "password"), "secret");
    let submit: HtmlElement = root
        .query_selector("button[type=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    submit.click();
    let mut alert = None;
    for _ in 0..100 {
        gloo_timers::future::TimeoutFuture::new(50).await;
        alert = root.query_selector("[role=alert]").unwrap();
        if alert.is_some() {
            break;
        }
    }
    let text = alert.expect("an error is shown").text_content().unwrap();
    assert!(text.contains("Login failed"), "{text}");
    assert!(text.contains("could not be reached"), "{text}");
    assert_eq!(input(&root, "user-name").value(), "alice");
}

#[wasm_bindgen_test]
async fn member_status_badge_reads_and_colours_each_status() {
    let root = container();
    let status = RwSignal::new(MemberStatus::Pending);
    let _h = leptos::mount::mount_to(
        root.clone(),
        move || view! { <MemberStatusBadge status=status /> },
    );
    tick().await;
    let badge = root.query_selector(".member-status").unwrap().unwrap();
    assert_eq!(badge.text_content().unwrap(), "Pending");
    assert!(badge.class_name().contains("member-status--pending"));
    status.set(MemberStatus::Rejected);
    tick().await;
    assert_eq!(badge.text_content().unwrap(), "Rejected");
    assert!(badge.class_name().contains("member-status--rejected"));
}

#[wasm_bindgen_test]
async fn member_status_badge_says_an_unknown_status_and_keeps_it_out_of_the_class() {
    let root = container();
    // Missing or not a string in Glance's answer: the lenient decoder's empty status.
    let status = RwSignal::new(MemberStatus::Other(String::new()));
    let _h = leptos::mount::mount_to(
        root.clone(),
        move || view! { <MemberStatusBadge status=status /> },
    );
    tick().await;
    let badge = root.query_selector(".member-status").unwrap().unwrap();
    assert_eq!(badge.text_content().unwrap(), "Unknown status");
    assert_eq!(badge.class_name(), "member-status member-status--other");
    // A status this app does not know is Glance's text: shown as text, never markup, and
    // never a class of its own.
    let odd = "x member-status--accepted \"<b>bold</b>";
    status.set(MemberStatus::Other(odd.into()));
    tick().await;
    assert_eq!(badge.text_content().unwrap(), odd);
    assert!(badge.query_selector("b").unwrap().is_none());
    assert_eq!(badge.class_name(), "member-status member-status--other");
    assert_eq!(badge.get_attribute("data-status").as_deref(), Some(odd));
}

fn member(id: &str, status: MemberStatus) -> Member {
    Member {
        member_id: id.into(),
        image_id: "img-1".into(),
        status,
        created_at: "2026-01-01T00:00:00Z".into(),
        updated_at: "2026-01-02T00:00:00Z".into(),
    }
}

fn button_with_text(root: &HtmlElement, prefix: &str) -> HtmlElement {
    let list = root.query_selector_all("button").unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().unwrap_or_default().starts_with(prefix))
        .unwrap_or_else(|| panic!("no button {prefix}"))
}

#[wasm_bindgen_test]
async fn member_rows_show_names_counts_filter_and_follow_the_table() {
    let root = container();
    let members = MemberState::new();
    let table = members.table();
    let _h = leptos::mount::mount_to(root.clone(), move || {
        I18n::provide();
        SessionState::provide(parse_config(r#"{"auth_url": "http://127.0.0.1:9/v3"}"#).unwrap());
        let names = Signal::stored(HashMap::from([("p-beta".to_string(), "beta".to_string())]));
        view! { <MemberList image_id="img-1" image_name="img" members=members names=names shared=true read_failed=false /> }
    });
    tick().await;
    // Before Glance's list is read, the filters count nothing ("Pending", not "Pending (0)").
    assert_eq!(
        button_with_text(&root, "Pending").text_content().unwrap(),
        "Pending"
    );
    let ticket = members.reload_started();
    assert!(members.reload_done(
        ticket,
        MemberTable::from_members(vec![
            member("p-beta", MemberStatus::Pending),
            member("p-gamma", MemberStatus::Rejected),
        ]),
    ));
    tick().await;
    let rows = root.query_selector_all("tr.member-row").unwrap();
    assert_eq!(rows.length(), 2);
    let beta = root
        .query_selector("tr[data-member-id=p-beta]")
        .unwrap()
        .unwrap();
    assert!(
        beta.text_content().unwrap().contains("beta"),
        "known project shows its name"
    );
    let gamma = root
        .query_selector("tr[data-member-id=p-gamma]")
        .unwrap()
        .unwrap();
    assert!(
        gamma.text_content().unwrap().contains("p-gamma"),
        "unknown project shows its id"
    );
    assert_eq!(
        button_with_text(&root, "Pending").text_content().unwrap(),
        "Pending (1)"
    );
    assert_eq!(
        button_with_text(&root, "Rejected").text_content().unwrap(),
        "Rejected (1)"
    );

    // Filter to rejected members only.
    button_with_text(&root, "Rejected").click();
    tick().await;
    assert_eq!(
        root.query_selector_all("tr.member-row").unwrap().length(),
        1
    );
    button_with_text(&root, "All").click();
    tick().await;

    // An answer from Glance updates the row in place (keyed by project id).
    table.update(|t| t.upsert(member("p-beta", MemberStatus::Accepted)));
    tick().await;
    let badge = root
        .query_selector("tr[data-member-id=p-beta] .member-status")
        .unwrap()
        .unwrap();
    assert_eq!(badge.text_content().unwrap(), "Accepted");
    assert_eq!(
        button_with_text(&root, "Accepted").text_content().unwrap(),
        "Accepted (1)"
    );

    // Remove asks first, naming the project.
    let remove: HtmlElement = root
        .query_selector("tr[data-member-id=p-gamma] button.button--small")
        .unwrap()
        .unwrap()
        .unchecked_into();
    remove.click();
    tick().await;
    let dialog = root
        .query_selector("[role=alertdialog]")
        .unwrap()
        .expect("confirmation");
    assert!(dialog
        .text_content()
        .unwrap()
        .contains("Remove project p-gamma"));
    button_with_text(&root, "Cancel").click();
    tick().await;
    assert!(root.query_selector("[role=alertdialog]").unwrap().is_none());
    assert_eq!(
        root.query_selector_all("tr.member-row").unwrap().length(),
        2,
        "cancel removes nothing"
    );
}

#[wasm_bindgen_test]
async fn data_source_picker_offers_only_the_listed_methods_and_a_url_box_for_web_download() {
    let root = container();
    // `None` while the cloud is being asked.
    let methods = RwSignal::new(None::<Vec<&'static str>>);
    let kind = RwSignal::new(SourceKind::Upload);
    let url = RwSignal::new(String::new());
    let _h = leptos::mount::mount_to(root.clone(), move || {
        I18n::provide();
        view! { <DataSourcePicker methods=methods kind=kind url=url /> }
    });
    tick().await;
    let radios = |root: &HtmlElement| root.query_selector_all("input[type=radio]").unwrap();
    // Still asking: every choice laid out but unseen, so its arrival moves nothing.
    assert_eq!(
        radios(&root).length(),
        3,
        "asking: the whole choice keeps its place"
    );
    assert!(root
        .query_selector("fieldset.data-source--checking")
        .unwrap()
        .is_some());
    methods.set(Some(Vec::new()));
    tick().await;
    assert_eq!(radios(&root).length(), 0, "no import: no choice at all");
    methods.set(Some(vec!["web-download"]));
    tick().await;
    let labels: Vec<String> = (0..radios(&root).length())
        .map(|i| {
            let radio = radios(&root).item(i).unwrap();
            radio
                .parent_node()
                .unwrap()
                .text_content()
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(
        labels,
        [
            "Upload the file",
            "Glance downloads it from a URL (web-download)"
        ]
        .map(|l| format!(" {l}")),
        "glance-direct is not offered when the cloud does not list it"
    );
    assert!(root.query_selector("#new-url").unwrap().is_none());
    let web: HtmlInputElement = radios(&root).item(1).unwrap().unchecked_into();
    web.click();
    tick().await;
    assert_eq!(kind.get_untracked(), SourceKind::Web);
    let field: HtmlInputElement = root
        .query_selector("#new-url")
        .unwrap()
        .expect("a URL box for web-download")
        .unchecked_into();
    field.set_value("https://example.com/a.qcow2");
    field
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    assert_eq!(url.get_untracked(), "https://example.com/a.qcow2");
}

// Which answer wins when member-table reloads and local changes overlap (issue 11.5).
fn member_ids(state: &MemberState) -> Vec<String> {
    state.table().with_untracked(MemberTable::ids)
}

#[wasm_bindgen_test]
fn an_older_reload_does_not_overwrite_a_newer_one() {
    let state = MemberState::new();
    let first = state.reload_started();
    let second = state.reload_started();
    assert!(state.reload_done(
        second,
        MemberTable::from_members(vec![member("p-new", MemberStatus::Pending)])
    ));
    // The first reload answers last: dropped.
    assert!(!state.reload_done(
        first,
        MemberTable::from_members(vec![member("p-old", MemberStatus::Pending)])
    ));
    assert_eq!(member_ids(&state), vec!["p-new".to_string()]);
}

#[wasm_bindgen_test]
fn a_reload_started_before_a_local_change_does_not_undo_it() {
    let state = MemberState::new();
    state.reload_done(
        state.reload_started(),
        MemberTable::from_members(vec![member("p-a", MemberStatus::Pending)]),
    );
    let slow = state.reload_started();
    state.edit(|t| t.upsert(member("p-b", MemberStatus::Pending)));
    assert!(!state.reload_done(
        slow,
        MemberTable::from_members(vec![member("p-a", MemberStatus::Pending)])
    ));
    assert!(!state.reload_done_failed(slow));
    assert_eq!(
        member_ids(&state),
        vec!["p-a".to_string(), "p-b".to_string()]
    );
    // A reload started after the change is shown.
    let fresh = state.reload_started();
    assert!(state.reload_done(
        fresh,
        MemberTable::from_members(vec![member("p-b", MemberStatus::Accepted)])
    ));
    assert_eq!(member_ids(&state), vec!["p-b".to_string()]);
}

#[wasm_bindgen_test]
async fn form_field_labels_its_control_and_reports_changes() {
    use glance_share::components::FormField;
    let root = container();
    let name = RwSignal::new(String::from("first"));
    let format = RwSignal::new(String::from("raw"));
    let _h = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <FormField id="t-name" label="Name" value=name on_change=move |v| name.set(v) />
            <FormField id="t-format" label="Disk format" value=format options=&["qcow2", "raw"] on_change=move |v| format.set(v) />
        }
    });
    tick().await;
    // The accessible name of each control is its visible label.
    for (id, text) in [("t-name", "Name"), ("t-format", "Disk format")] {
        let label = root
            .query_selector(&format!("label[for={id}]"))
            .unwrap()
            .unwrap();
        assert_eq!(label.text_content().unwrap(), text);
    }
    let input = input(&root, "t-name");
    assert_eq!(input.value(), "first");
    type_into(&input, "second");
    assert_eq!(name.get_untracked(), "second");
    let select: web_sys::HtmlSelectElement = root
        .query_selector("#t-format")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(select.value(), "raw");
    select.set_value("qcow2");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    assert_eq!(format.get_untracked(), "qcow2");
    format.set("raw".into());
    tick().await;
    assert_eq!(select.value(), "raw");
}

#[wasm_bindgen_test]
async fn a_select_shows_a_value_from_the_address_that_is_none_of_its_choices() {
    use glance_share::components::FormField;
    use glance_share::i18n::Messages;
    use web_sys::HtmlSelectElement;
    let root = container();
    // `/images?status=bogus`: the filter holds a value the select does not offer.
    let status = RwSignal::new("bogus".to_string());
    let _h = leptos::mount::mount_to(root.clone(), move || {
        I18n::provide();
        view! {
            <FormField
                id="t-status"
                label="Status".to_string()
                options=&["active", "queued"]
                blank=|t: &'static Messages| t.any
                option_label=|t: &'static Messages, v: &str| t.image_status_label(v)
                value=status
                on_change=move |v| status.set(v)
            />
        }
    });
    tick().await;
    let select: HtmlSelectElement = root
        .query_selector("select")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let texts = |s: &HtmlSelectElement| -> Vec<String> {
        (0..s.length())
            .map(|i| s.item(i).unwrap().text_content().unwrap_or_default())
            .collect()
    };
    assert_eq!(select.value(), "bogus");
    let selected = select.selected_index();
    assert_eq!(texts(&select)[selected as usize], "bogus");
    // Choosing a real status: that one shows, and the odd value is no longer offered.
    select.set_value("active");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    tick().await;
    assert_eq!(status.get_untracked(), "active");
    assert_eq!(select.value(), "active");
    assert_eq!(texts(&select), ["Any", "Active", "Queued"]);
}

#[wasm_bindgen_test]
async fn a_stored_session_reads_back_as_it_was_and_keeps_keystones_answer() {
    use glance_share::api::client::IssuedToken;
    use glance_share::api::keystone::decode_token;
    use glance_share::state::session::{LoginMethod, Session};
    let answer = r#"{"token": {"methods": ["password"], "expires_at": "2099-11-25T16:00:00.000000Z",
        "user": {"id": "u1", "name": "alice", "domain": {"id": "default", "name": "Default"}},
        "project": {"id": "p1", "name": "alpha", "domain": {"id": "default", "name": "Default"}},
        "roles": [{"id": "r", "name": "admin"}],
        "catalog": [{"type": "image", "name": "glance", "endpoints": [{"interface": "public", "region_id": "RegionOne", "url": "http://g"}]}]}}"#;
    let config = parse_config(r#"{"auth_url": "http://127.0.0.1:9/v3"}"#).unwrap();
    let issued = IssuedToken {
        // Quotes and a backslash (any visible ASCII is a token) must come back as they were.
        token: "tok\"1\"\\".into(),
        info: decode_token(answer).unwrap(),
        answer: answer.into(),
    };
    let session = Session::new(issued, &config);
    // A re-login starts with the names Keystone gave for the user and the project.
    assert_eq!(
        session.login_method(),
        LoginMethod::Password {
            user_name: "alice".into(),
            user_domain: "Default".into(),
            project_name: "alpha".into(),
            project_domain: "Default".into(),
        }
    );
    let text = session.to_storage().unwrap();
    // What index.html's warm start reads: the token and Keystone's own expiry.
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["token"], "tok\"1\"\\");
    assert_eq!(
        json["answer"]["token"]["expires_at"],
        "2099-11-25T16:00:00.000000Z"
    );
    let back = Session::from_storage(&text)
        .unwrap()
        .resolve_endpoint(&config);
    assert_eq!(
        (&back.token, &back.info, back.login_method()),
        (&session.token, &session.info, session.login_method())
    );
    assert!(back.is_admin());
    assert_eq!(back.image_endpoint, Ok("http://g".to_string()));
    // Stored again, it reads the same.
    assert_eq!(
        Session::from_storage(&back.to_storage().unwrap())
            .unwrap()
            .info,
        session.info
    );
    // A session stored before the login method was read off the answer still reads.
    let older = text.replacen(r#""answer":"#, r#""method":{"Password":{}},"answer":"#, 1);
    assert_eq!(Session::from_storage(&older).unwrap().info, session.info);
    // A token no request header could carry (edited in storage) is no session.
    for bad in ["tok 1", "tok\r\nX: 1", "tök", ""] {
        let edited = text.replacen(r#""tok\"1\"\\""#, &serde_json::to_string(bad).unwrap(), 1);
        assert!(edited != text, "{bad}");
        assert!(Session::from_storage(&edited).is_none(), "{bad}");
    }
    // Not a session: nothing.
    assert!(Session::from_storage(r#"{"token": "t"}"#).is_none());
    assert!(Session::from_storage("not json").is_none());
}

#[wasm_bindgen_test]
fn a_session_of_an_application_credential_logs_in_again_with_it() {
    use glance_share::api::client::IssuedToken;
    use glance_share::api::keystone::decode_token;
    use glance_share::state::session::{LoginMethod, Session};
    // As Keystone 30 answers an application credential's login (checked against the real one).
    let answer = r#"{"token": {"methods": ["application_credential"], "expires_at": "2099-11-25T16:00:00.000000Z",
        "user": {"id": "u1", "name": "alice", "domain": {"id": "default", "name": "Default"}},
        "application_credential": {"id": "36372f6e2f4749bf87da788a9920e54a", "name": "ci", "restricted": true},
        "project": {"id": "p1", "name": "alpha", "domain": {"id": "default", "name": "Default"}},
        "roles": [], "catalog": []}}"#;
    let config = parse_config(r#"{"auth_url": "http://127.0.0.1:9/v3"}"#).unwrap();
    let issued = IssuedToken {
        token: "t".into(),
        info: decode_token(answer).unwrap(),
        answer: answer.into(),
    };
    let session = Session::new(issued, &config);
    let expected = LoginMethod::ApplicationCredential {
        id: "36372f6e2f4749bf87da788a9920e54a".into(),
    };
    assert_eq!(session.login_method(), expected);
    let back = Session::from_storage(&session.to_storage().unwrap()).unwrap();
    assert_eq!(back.login_method(), expected);
}

/// A `Loaded` made by a view shown by `ready_view` (as a page whose code is loaded later):
/// `input` is read by its read, the answer shown in a `<p>`.
fn loaded_view(input: RwSignal<u32>, delays: RwSignal<Vec<u32>>) -> impl IntoView {
    use glance_share::state::loaded::Loaded;
    let loaded = Loaded::new(move || {
        let n = input.get();
        // Each read waits as long as asked (the first slow, the next fast, …).
        let wait = delays
            .try_update(|d| if d.is_empty() { 0 } else { d.remove(0) })
            .unwrap_or(0);
        async move {
            gloo_timers::future::TimeoutFuture::new(wait).await;
            n
        }
    });
    view! { <p>{move || loaded.get().map_or("loading".to_string(), |n| n.to_string())}</p> }
}

#[wasm_bindgen_test]
async fn a_loaded_value_follows_its_input_and_only_the_latest_answer_stays() {
    for lazy in [false, true] {
        let root = container();
        let input = RwSignal::new(1u32);
        let delays = RwSignal::new(Vec::new());
        let _h = leptos::mount::mount_to(root.clone(), move || {
            if lazy {
                glance_share::components::ready_view::ready_view(async move {
                    loaded_view(input, delays).into_any()
                })
            } else {
                loaded_view(input, delays).into_any()
            }
        });
        let shown = || root.text_content().unwrap_or_default();
        for _ in 0..5 {
            tick().await;
        }
        assert_eq!(shown(), "1", "first answer (lazy: {lazy})");
        input.set(2);
        for _ in 0..5 {
            tick().await;
        }
        assert_eq!(
            shown(),
            "2",
            "read again when the input changes (lazy: {lazy})"
        );
        // A slow read for 3, then a fast one for 4: 4 stays, 3's late answer is dropped.
        delays.set(vec![80, 0]);
        input.set(3);
        tick().await;
        input.set(4);
        gloo_timers::future::TimeoutFuture::new(150).await;
        assert_eq!(
            shown(),
            "4",
            "a newer read's answer is not replaced by an older one (lazy: {lazy})"
        );
    }
}

/// A memo's change reaches a `Loaded` that only reads it (as the route's image reads the
/// project: a switch reads the image again).
#[wasm_bindgen_test]
async fn a_loaded_value_reads_again_when_a_memo_it_reads_changes() {
    use glance_share::state::loaded::Loaded;
    let root = container();
    let project = RwSignal::new("alpha".to_string());
    let reads = RwSignal::new(0u32);
    let _h = leptos::mount::mount_to(root.clone(), move || {
        let current = Memo::new(move |_| project.get());
        let loaded = Loaded::new(move || {
            current.with(|_| ());
            let n = reads.get_untracked() + 1;
            reads.set(n);
            async move { n }
        });
        view! { <p>{move || loaded.get().map(|n| n.to_string())}</p> }
    });
    for _ in 0..5 {
        tick().await;
    }
    assert_eq!(root.text_content().as_deref(), Some("1"));
    project.set("beta".to_string());
    for _ in 0..5 {
        tick().await;
    }
    assert_eq!(
        root.text_content().as_deref(),
        Some("2"),
        "read again after the switch"
    );
}

/// A `Job`: pending while a run is on its way, its outcome kept; every run's outcome is
/// set as it ends; a dispatch once its owner is gone does nothing (no panic).
#[wasm_bindgen_test]
async fn a_job_is_pending_while_it_runs_and_keeps_its_last_outcome() {
    use glance_share::state::job::Job;
    let root = container();
    let job = StoredValue::new(None::<Job<u32, u32>>);
    let _h = leptos::mount::mount_to(root.clone(), move || {
        let doubled = Job::new_local(|n: &u32| {
            let n = *n;
            async move {
                gloo_timers::future::TimeoutFuture::new(30).await;
                n * 2
            }
        });
        job.set_value(Some(doubled));
        view! {
            <p>
                {move || if doubled.pending().get() { "running" } else { "idle" }} " "
                {move || doubled.value().get().map(|n| n.to_string())}
            </p>
        }
    });
    tick().await;
    let shown = || root.text_content().unwrap_or_default();
    assert_eq!(shown().trim(), "idle");
    let doubled = job.get_value().unwrap();
    doubled.dispatch(4);
    tick().await;
    assert_eq!(
        shown().trim(),
        "running",
        "pending while the run is on its way"
    );
    gloo_timers::future::TimeoutFuture::new(60).await;
    assert_eq!(shown(), "idle 8", "the outcome once it ended");
    doubled.dispatch(5);
    gloo_timers::future::TimeoutFuture::new(60).await;
    assert_eq!(shown(), "idle 10");

    // Its owner gone (the page left): a dispatch runs nothing, and does not panic.
    let runs = std::rc::Rc::new(std::cell::Cell::new(0u32));
    let owner = Owner::new();
    let counted = owner.with(|| {
        let runs = runs.clone();
        Job::new_local(move |_: &()| {
            runs.set(runs.get() + 1);
            async {}
        })
    });
    counted.dispatch(());
    assert_eq!(runs.get(), 1);
    owner.cleanup();
    counted.dispatch(());
    assert_eq!(runs.get(), 1, "no run once the owner is gone");
}

/// `shown_when` keeps its part while the condition stays true (a field inside keeps what was
/// typed when something the condition reads changes), removes it when false, and shows the
/// other part of `shown_when_else` then.
#[wasm_bindgen_test]
async fn a_part_shown_when_stays_while_its_condition_holds() {
    use glance_share::components::shown_when::{shown_when, shown_when_else};
    let root = container();
    let count = RwSignal::new(1u32);
    let _h = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <div id="one">{shown_when(move || count.get() > 0, || view! { <input id="kept" /> }.into_any())}</div>
            <div id="two">{shown_when_else(
                move || count.get() % 2 == 1,
                || view! { <span>"odd"</span> }.into_any(),
                || view! { <span>"even"</span> }.into_any(),
            )}</div>
        }
    });
    tick().await;
    let input = || {
        root.query_selector("#kept")
            .unwrap()
            .map(|e| e.unchecked_into::<HtmlInputElement>())
    };
    let text = |id: &str| {
        root.query_selector(id)
            .unwrap()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };
    input()
        .expect("shown while the condition holds")
        .set_value("typed");
    assert_eq!(text("#two"), "odd");
    count.set(2);
    tick().await;
    assert_eq!(
        input().expect("still shown").value(),
        "typed",
        "the same field, not a new one"
    );
    assert_eq!(text("#two"), "even");
    count.set(0);
    tick().await;
    assert!(input().is_none(), "gone when the condition is false");
    count.set(3);
    tick().await;
    assert_eq!(input().expect("shown again").value(), "", "made anew");
    assert_eq!(text("#two"), "odd");
}

/// `ready_view` shows nothing until its view is ready, then the view, made with the context
/// of where it was asked for; a view that arrives after its place is gone is dropped without
/// harm.
#[wasm_bindgen_test]
async fn a_ready_view_shows_once_ready_with_its_context() {
    use glance_share::components::ready_view::ready_view;
    let root = container();
    let shown = RwSignal::new(true);
    let _h = leptos::mount::mount_to(root.clone(), move || {
        provide_context("from the page".to_string());
        move || {
            shown.get().then(|| {
                ready_view(async move {
                    gloo_timers::future::TimeoutFuture::new(30).await;
                    let said = use_context::<String>().unwrap_or_default();
                    view! { <p>{said}</p> }.into_any()
                })
            })
        }
    });
    tick().await;
    assert_eq!(root.text_content().unwrap_or_default(), "", "nothing yet");
    gloo_timers::future::TimeoutFuture::new(60).await;
    assert_eq!(root.text_content().unwrap_or_default(), "from the page");
    // Asked again, then left before it is ready: nothing shows, nothing breaks.
    shown.set(false);
    tick().await;
    shown.set(true);
    tick().await;
    shown.set(false);
    gloo_timers::future::TimeoutFuture::new(60).await;
    assert_eq!(root.text_content().unwrap_or_default(), "");
    shown.set(true);
    gloo_timers::future::TimeoutFuture::new(60).await;
    assert_eq!(root.text_content().unwrap_or_default(), "from the page");
}

/// The effects of a view made by `ready_view` run after the view's own updates, as in any
/// other view: an effect that follows a signal finds the page already showing its new value
/// (the create page moves the focus to an outcome once its Cancel button has gone).
#[wasm_bindgen_test]
async fn a_ready_views_effects_see_the_view_already_updated() {
    use glance_share::components::ready_view::ready_view;
    let root = container();
    let n = RwSignal::new(1u32);
    let seen = RwSignal::new(Vec::<String>::new());
    let _h = leptos::mount::mount_to(root.clone(), move || {
        ready_view(async move {
            gloo_timers::future::TimeoutFuture::new(10).await;
            Effect::new(move |_| {
                let now = n.get();
                let shown = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id("ordered"))
                    .and_then(|e| e.text_content())
                    .unwrap_or_default();
                seen.update(|s| s.push(format!("{now}:{shown}")));
            });
            view! { <p id="ordered">{move || n.get().to_string()}</p> }.into_any()
        })
    });
    gloo_timers::future::TimeoutFuture::new(50).await;
    n.set(2);
    for _ in 0..5 {
        tick().await;
    }
    assert_eq!(seen.get_untracked(), vec!["1:1", "2:2"]);
}
