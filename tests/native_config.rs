//! Native tests: config.json parsing and image endpoint selection from the catalog.
#![cfg(not(target_arch = "wasm32"))]

use glance_share::api::config::{parse_config, ConfigError, Interface};
use glance_share::api::endpoint::{
    glance_base, image_endpoint, CatalogEndpoint, CatalogError, CatalogService,
};

#[test]
fn valid_config_with_all_fields() {
    let c = parse_config(
        r#"{"auth_url":"https://ks.example.com:5000/v3/","region_name":"RegionTwo","interface":"internal",
            "image_endpoint_override":"/image/","user_domain_name":"corp","project_domain_name":"corp2","cloud_name":"Lab"}"#,
    )
    .unwrap();
    assert_eq!(c.auth_url, "https://ks.example.com:5000/v3");
    assert_eq!(c.region_name.as_deref(), Some("RegionTwo"));
    assert_eq!(c.interface, Interface::Internal);
    assert_eq!(c.image_endpoint_override.as_deref(), Some("/image"));
    assert_eq!(c.user_domain_name, "corp");
    assert_eq!(c.project_domain_name, "corp2");
    assert_eq!(c.cloud_name.as_deref(), Some("Lab"));
}

#[test]
fn minimal_config_gets_defaults_and_v3_suffix() {
    let c = parse_config(r#"{"auth_url":"https://ks.example.com:5000"}"#).unwrap();
    assert_eq!(c.auth_url, "https://ks.example.com:5000/v3");
    assert_eq!(c.interface, Interface::Public);
    assert_eq!(c.region_name, None);
    assert_eq!(c.image_endpoint_override, None);
    assert_eq!(c.user_domain_name, "Default");
    assert_eq!(c.project_domain_name, "Default");
}

#[test]
fn relative_auth_url_is_kept_for_same_origin_proxies() {
    let c = parse_config(r#"{"auth_url":"/identity/v3"}"#).unwrap();
    assert_eq!(c.auth_url, "/identity/v3");
}

#[test]
fn clouds_yaml_interface_spelling_is_accepted() {
    let c = parse_config(r#"{"auth_url":"/v3","interface":"publicURL"}"#).unwrap();
    assert_eq!(c.interface, Interface::Public);
}

#[test]
fn missing_auth_url_says_what_to_add() {
    let e = parse_config(r#"{"region_name":"RegionOne"}"#).unwrap_err();
    assert_eq!(e, ConfigError::MissingAuthUrl);
    assert!(e.to_string().contains("auth_url"));
    assert_eq!(
        parse_config(r#"{"auth_url":"  "}"#).unwrap_err(),
        ConfigError::MissingAuthUrl
    );
}

#[test]
fn bad_json_is_reported_with_the_parser_message() {
    let e = parse_config("{\"auth_url\": ").unwrap_err();
    assert!(matches!(e, ConfigError::BadJson(_)));
    assert!(e.to_string().starts_with("config.json is not valid JSON"));
}

#[test]
fn wrong_types_and_values_are_named() {
    assert_eq!(
        parse_config(r#"{"auth_url": 5}"#).unwrap_err(),
        ConfigError::NotAString { field: "auth_url" }
    );
    assert_eq!(
        parse_config(r#"{"auth_url":"/v3","interface":"private"}"#).unwrap_err(),
        ConfigError::BadInterface("private".into())
    );
}

fn endpoint(interface: &str, region: &str, url: &str) -> CatalogEndpoint {
    CatalogEndpoint {
        interface: interface.into(),
        region_id: Some(region.into()),
        region: Some(region.into()),
        url: url.into(),
    }
}

fn catalog() -> Vec<CatalogService> {
    vec![
        CatalogService {
            service_type: "identity".into(),
            name: Some("keystone".into()),
            endpoints: vec![endpoint("public", "RegionOne", "http://ks/v3")],
        },
        CatalogService {
            service_type: "image".into(),
            name: Some("glance".into()),
            endpoints: vec![
                endpoint("internal", "RegionOne", "http://glance-int:9292"),
                endpoint("public", "RegionOne", "https://glance.one/"),
                endpoint("public", "RegionTwo", "https://glance.two/v2"),
            ],
        },
    ]
}

fn config(extra: &str) -> glance_share::api::config::AppConfig {
    parse_config(&format!(r#"{{"auth_url":"/v3"{extra}}}"#)).unwrap()
}

#[test]
fn public_interface_first_region_by_default() {
    assert_eq!(
        image_endpoint(&catalog(), &config("")).unwrap(),
        "https://glance.one"
    );
}

#[test]
fn region_and_interface_are_honoured() {
    assert_eq!(
        image_endpoint(&catalog(), &config(r#","region_name":"RegionTwo""#)).unwrap(),
        "https://glance.two"
    );
    assert_eq!(
        image_endpoint(&catalog(), &config(r#","interface":"internal""#)).unwrap(),
        "http://glance-int:9292"
    );
}

#[test]
fn override_wins_over_catalog_even_without_image_service() {
    let c = config(r#","image_endpoint_override":"/image""#);
    assert_eq!(image_endpoint(&catalog(), &c).unwrap(), "/image");
    assert_eq!(image_endpoint(&[], &c).unwrap(), "/image");
}

#[test]
fn missing_service_and_missing_endpoint_are_distinct_errors() {
    assert_eq!(
        image_endpoint(&catalog()[..1], &config("")).unwrap_err(),
        CatalogError::NoImageService
    );
    let e = image_endpoint(&catalog(), &config(r#","interface":"admin""#)).unwrap_err();
    assert!(matches!(e, CatalogError::NoMatchingEndpoint { .. }));
    let e = image_endpoint(&catalog(), &config(r#","region_name":"Mars""#)).unwrap_err();
    assert!(e.to_string().contains("Mars"));
}

#[test]
fn glance_base_strips_version_and_slash() {
    assert_eq!(glance_base("http://g:9292/v2/"), "http://g:9292");
    assert_eq!(glance_base("http://g:9292/"), "http://g:9292");
    assert_eq!(glance_base("/image"), "/image");
}

#[test]
fn request_timeout_and_transfer_stall_default_and_validate() {
    let c = config("");
    assert_eq!(c.request_timeout_s, 30);
    assert_eq!(c.transfer_stall_s, 60);
    let c = config(r#", "request_timeout_s": 5, "transfer_stall_s": 120"#);
    assert_eq!((c.request_timeout_s, c.transfer_stall_s), (5, 120));
    for bad in ["0", "-1", "1.5", "\"30\"", "86401", "true", "1e20"] {
        let text = format!(r#"{{"auth_url": "/identity/v3", "request_timeout_s": {bad}}}"#);
        let err = parse_config(&text).expect_err(bad);
        assert!(
            err.to_string().contains("request_timeout_s"),
            "{bad}: {err}"
        );
    }
}

#[test]
fn stream_downloads_above_mib_defaults_to_256_and_validates() {
    assert_eq!(config("").stream_downloads_above_mib, 256);
    assert_eq!(
        config(r#", "stream_downloads_above_mib": 0"#).stream_downloads_above_mib,
        0
    );
    assert_eq!(
        config(r#", "stream_downloads_above_mib": 65536"#).stream_downloads_above_mib,
        65536
    );
    for bad in ["-1", "1.5", "\"256\"", "65537", "true", "1e20"] {
        let text =
            format!(r#"{{"auth_url": "/identity/v3", "stream_downloads_above_mib": {bad}}}"#);
        let err = parse_config(&text).expect_err(bad);
        assert_eq!(
            err.to_string(),
            "config.json: \"stream_downloads_above_mib\" must be a whole number of MiB from 0 to 65536",
            "{bad}"
        );
    }
}
