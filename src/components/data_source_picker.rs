use leptos::prelude::*;

use crate::api::import::{GLANCE_DIRECT, WEB_DOWNLOAD};
use crate::state::use_i18n;

/// Which way the create form sends the image's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// `PUT /file`, offered everywhere.
    Upload,
    /// glance-direct: stage, then import.
    Stage,
    /// web-download: Glance fetches a URL.
    Web,
}

/// The "how Glance gets the data" choice of the create form: a plain upload always, plus the
/// interoperable import methods the cloud lists in `GET /v2/info/import`. Shows nothing when
/// the cloud offers none. The URL box appears for web-download.
#[component]
pub fn DataSourcePicker(
    /// Import methods the cloud enables (see [`crate::api::import::offered_methods`]).
    #[prop(into)]
    methods: Signal<Vec<&'static str>>,
    /// The choice.
    kind: RwSignal<SourceKind>,
    /// The web-download URL as typed.
    url: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let offers = move |m: &str| methods.with(|ms| ms.contains(&m));
    let option = move |value: SourceKind,
                       label: fn(&'static crate::i18n::Messages) -> &'static str| {
        view! {
            <label class="data-source__option">
                <input
                    type="radio"
                    name="data-source"
                    prop:checked=move || kind.get() == value
                    on:change=move |_| kind.set(value)
                />
                " " {move || label(i18n.t())}
            </label>
        }
    };
    view! {
        <Show when=move || !methods.with(Vec::is_empty)>
            <fieldset class="data-source">
                <legend>{move || i18n.t().data_source_label}</legend>
                {option(SourceKind::Upload, |t| t.source_upload)}
                <Show when=move || offers(GLANCE_DIRECT)>{option(SourceKind::Stage, |t| t.source_stage)}</Show>
                <Show when=move || offers(WEB_DOWNLOAD)>{option(SourceKind::Web, |t| t.source_web)}</Show>
            </fieldset>
        </Show>
        <Show when=move || kind.get() == SourceKind::Web>
            <div class="form-field">
                <label for="new-url">{move || i18n.t().url_label}</label>
                <input
                    id="new-url"
                    type="url"
                    placeholder="https://"
                    prop:value=move || url.get()
                    on:input=move |ev| url.set(event_target_value(&ev))
                />
            </div>
        </Show>
    }
}
