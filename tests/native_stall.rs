//! Transfers are bounded by progress: the stall limit from config.json and the stall test.

use std::time::Duration;

use glance_share::api::config::parse_config;
use glance_share::api::stall::{is_stalled, stall_limit, DEFAULT_STALL};

fn configured(extra: &str) -> u32 {
    parse_config(&format!(r#"{{"auth_url": "/identity/v3"{extra}}}"#))
        .expect("valid config")
        .transfer_stall_s
}

#[test]
fn the_stall_limit_comes_from_config_json_or_is_60_seconds() {
    assert_eq!(DEFAULT_STALL, Duration::from_secs(60));
    assert_eq!(stall_limit(configured("")), Duration::from_secs(60));
    assert_eq!(
        stall_limit(configured(r#", "transfer_stall_s": 5"#)),
        Duration::from_secs(5)
    );
    assert_eq!(
        stall_limit(configured(r#", "transfer_stall_s": null"#)),
        DEFAULT_STALL
    );
    assert_eq!(stall_limit(0), DEFAULT_STALL);
    // Zero, negative, fractional or non-numeric values are refused with a config error naming
    // the field (the app then shows its configuration page instead of guessing).
    for bad in ["0", "-3", "2.5", "\"10\""] {
        let text = format!(r#"{{"auth_url": "/identity/v3", "transfer_stall_s": {bad}}}"#);
        let err = parse_config(&text).expect_err(bad);
        assert!(err.to_string().contains("transfer_stall_s"), "{bad}: {err}");
    }
}

#[test]
fn a_transfer_is_stalled_once_the_limit_passes_without_progress() {
    let limit = Duration::from_secs(3);
    assert!(!is_stalled(10_000.0, 12_999.0, limit));
    assert!(is_stalled(10_000.0, 13_000.0, limit));
    assert!(is_stalled(10_000.0, 70_000.0, limit));
}
