use leptos::prelude::*;

use crate::format::{parse_timestamp_ms, relative_time};
use crate::i18n::Locale;
use crate::state::use_i18n;

/// Relative time with the exact timestamp on hover (and for screen readers via `<time>`).
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
    view! { <time datetime=at.clone() title=at>{text}</time> }
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
            parse_timestamp_ms(&at).map(|ms| {
                let tag = if i18n.locale() == Locale::ZhCn {
                    "zh-CN"
                } else {
                    "en"
                };
                let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
                let local: String = date
                    .to_locale_string(tag, &wasm_bindgen::JsValue::UNDEFINED)
                    .into();
                i18n.t().with_note("", local)
            })
        }
    };
    view! { <TimeCell at=at now_ms=now_ms /> {exact} }
}
