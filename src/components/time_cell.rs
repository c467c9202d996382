use leptos::prelude::*;

use crate::format::{parse_timestamp_ms, relative_time};
use crate::i18n::Locale;
use crate::state::use_i18n;

/// Relative time with the exact local date and time on hover, in the reader's language (the
/// API's own timestamp in `datetime`).
#[component]
pub fn TimeCell(
    /// The API timestamp.
    #[prop(into)]
    at: String,
    /// "Now", so a whole table is computed against the same instant.
    now_ms: i64,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = {
        let at = at.clone();
        move || match parse_timestamp_ms(&at) {
            Some(ms) => relative_time(ms, now_ms, i18n.locale() == Locale::ZhCn),
            None => at.clone(),
        }
    };
    let exact = {
        let at = at.clone();
        move || {
            parse_timestamp_ms(&at)
                .map(|ms| local_date_time(ms, i18n.locale()))
                .unwrap_or_else(|| at.clone())
        }
    };
    view! { <time datetime=at title=exact>{text}</time> }
}

/// `ms` as the reader's local date and time, written as their language writes it.
fn local_date_time(ms: i64, locale: Locale) -> String {
    let tag = if locale == Locale::ZhCn {
        "zh-CN"
    } else {
        "en"
    };
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    date.to_locale_string(tag, &wasm_bindgen::JsValue::UNDEFINED)
        .into()
}

/// A time on a page about one thing (the image detail): relative, then the exact local date
/// and time in the reader's language ("7 h ago (12/3/2026, 9:12:44 AM)"), the API's own
/// timestamp in `datetime`. An unreadable timestamp is shown as sent.
#[component]
pub fn TimeWithExact(
    /// The API timestamp.
    #[prop(into)]
    at: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let now_ms = js_sys::Date::now() as i64;
    let exact = {
        let at = at.clone();
        move || {
            parse_timestamp_ms(&at)
                .map(|ms| i18n.t().with_note("", local_date_time(ms, i18n.locale())))
        }
    };
    view! { <TimeCell at=at now_ms=now_ms /> {exact} }
}
