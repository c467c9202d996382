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
