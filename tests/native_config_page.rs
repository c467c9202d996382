//! Native tests: config.json and catalog URLs judged against the page that will call them
//! (mixed content, addresses that are not http(s)), and the messages that name the setting.
#![cfg(not(target_arch = "wasm32"))]

use glance_share::api::config::{check_for_page, check_url, parse_config, ConfigError, UrlProblem};
use glance_share::api::endpoint::{
    image_endpoint_for_page, CatalogEndpoint, CatalogError, CatalogService,
};
use glance_share::i18n::{EN, ZH};

fn image_catalog(url: &str) -> Vec<CatalogService> {
    vec![CatalogService {
        service_type: "image".into(),
        name: Some("glance".into()),
        endpoints: vec![CatalogEndpoint {
            interface: "public".into(),
            region_id: Some("RegionOne".into()),
            region: Some("RegionOne".into()),
            url: url.into(),
        }],
    }]
}

#[test]
fn urls_are_judged_by_the_page_scheme() {
    for https_page in [false, true] {
        assert_eq!(check_url("https://ks.example.com/v3", https_page), Ok(()));
        assert_eq!(check_url("HTTPS://KS.EXAMPLE.COM/v3", https_page), Ok(()));
        assert_eq!(check_url("/identity/v3", https_page), Ok(()));
        assert_eq!(check_url("//ks.example.com/v3", https_page), Ok(()));
        for bad in [
            "ks.example.com/v3",
            "keystone:5000/v3",
            "ftp://ks/v3",
            "javascript:alert(1)",
            "",
        ] {
            assert_eq!(
                check_url(bad, https_page),
                Err(UrlProblem::NotHttp),
                "{bad}"
            );
        }
    }
    assert_eq!(check_url("http://ks.example.com/v3", false), Ok(()));
    assert_eq!(
        check_url("http://ks.example.com/v3", true),
        Err(UrlProblem::MixedContent)
    );
    assert_eq!(
        check_url(" HTTP://ks/v3", true),
        Err(UrlProblem::MixedContent)
    );
}

#[test]
fn config_urls_the_page_cannot_call_name_their_setting() {
    let c = parse_config(r#"{"auth_url":"http://ks.example.com:5000"}"#).unwrap();
    assert_eq!(check_for_page(&c, false), Ok(()));
    assert_eq!(
        check_for_page(&c, true),
        Err(ConfigError::MixedContent {
            field: "auth_url",
            url: "http://ks.example.com:5000/v3".into()
        })
    );

    let c = parse_config(
        r#"{"auth_url":"/identity/v3","image_endpoint_override":"http://glance:9292/"}"#,
    )
    .unwrap();
    assert_eq!(check_for_page(&c, false), Ok(()));
    assert_eq!(
        check_for_page(&c, true),
        Err(ConfigError::MixedContent {
            field: "image_endpoint_override",
            url: "http://glance:9292".into()
        })
    );

    // Not a web address at all: wrong on any page.
    let c = parse_config(r#"{"auth_url":"keystone.example.com:5000/v3"}"#).unwrap();
    for https_page in [false, true] {
        assert!(matches!(
            check_for_page(&c, https_page),
            Err(ConfigError::UrlNotHttp {
                field: "auth_url",
                ..
            })
        ));
    }
    let c = parse_config(r#"{"auth_url":"/identity/v3","image_endpoint_override":"glance:9292"}"#)
        .unwrap();
    assert!(matches!(
        check_for_page(&c, false),
        Err(ConfigError::UrlNotHttp {
            field: "image_endpoint_override",
            ..
        })
    ));

    let c =
        parse_config(r#"{"auth_url":"https://ks/v3","image_endpoint_override":"/image"}"#).unwrap();
    assert_eq!(check_for_page(&c, true), Ok(()));
}

#[test]
fn catalog_endpoints_the_page_cannot_call_are_reported() {
    let c = parse_config(r#"{"auth_url":"/identity/v3"}"#).unwrap();
    let http = image_catalog("http://glance.example.com:9292/v2");
    assert_eq!(
        image_endpoint_for_page(&http, &c, false),
        Ok("http://glance.example.com:9292".into())
    );
    assert_eq!(
        image_endpoint_for_page(&http, &c, true),
        Err(CatalogError::MixedContent {
            url: "http://glance.example.com:9292".into()
        })
    );
    for https_page in [false, true] {
        assert_eq!(
            image_endpoint_for_page(&image_catalog("glance.example.com:9292"), &c, https_page),
            Err(CatalogError::NotHttp {
                url: "glance.example.com:9292".into()
            })
        );
        assert_eq!(
            image_endpoint_for_page(
                &image_catalog("https://glance.example.com/"),
                &c,
                https_page
            ),
            Ok("https://glance.example.com".into())
        );
    }
    // The override (already checked at start-up) replaces the catalog's URL entirely.
    let c =
        parse_config(r#"{"auth_url":"/identity/v3","image_endpoint_override":"/image"}"#).unwrap();
    assert_eq!(
        image_endpoint_for_page(&http, &c, true),
        Ok("/image".into())
    );
    assert_eq!(image_endpoint_for_page(&[], &c, true), Ok("/image".into()));
}

#[test]
fn messages_name_the_setting_and_the_value_in_both_languages() {
    for t in [&EN, &ZH] {
        let text = t
            .config_mixed_content
            .fill(&[&"auth_url", &"http://ks:5000/v3"]);
        assert!(
            text.contains("\"auth_url\"") && text.contains("http://ks:5000/v3"),
            "{text}"
        );
        assert!(text.contains("https://"), "{text}");
        let text = t
            .config_url_not_http
            .fill(&[&"image_endpoint_override", &"glance:9292"]);
        assert!(
            text.contains("\"image_endpoint_override\"") && text.contains("glance:9292"),
            "{text}"
        );
        for text in [
            t.catalog_mixed_content.fill(&[&"http://g:9292"]),
            t.catalog_url_not_http.fill(&[&"g:9292"]),
        ] {
            assert!(text.contains("\"image_endpoint_override\""), "{text}");
        }
        let text = t.csp_blocked.fill(&[
            &"http://localhost:5000/v3/auth/tokens",
            &"config.json \"auth_url\"",
        ]);
        assert!(
            text.contains("connect-src") && text.contains("\"auth_url\""),
            "{text}"
        );
        for text in &t.gateway_error {
            let text = text.fill(&[&"Glance", &502]);
            assert!(text.contains("Glance") && text.contains("502"), "{text}");
        }
        assert!((t.catalog_no_endpoint)("admin", "Mars").contains("Mars"));
        assert!(!(t.catalog_no_endpoint)("admin", "").contains("region_name"));
    }
    assert_ne!(
        EN.config_mixed_content.fill(&[&"a", &"b"]),
        ZH.config_mixed_content.fill(&[&"a", &"b"])
    );
}
