use crate::components::shown_when::shown_when;
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
///
/// While the cloud is still being asked, the whole choice already takes its place, invisible
/// (`visibility: hidden`: neither seen, focused nor read out), so that its arrival does not
/// push the file field and the submit button down under a pointer that is about to click.
#[component]
pub fn DataSourcePicker(
    /// Import methods the cloud enables (see [`crate::api::import::offered_methods`]); `None`
    /// while `GET /v2/info/import` has not answered.
    #[prop(into)]
    methods: Signal<Option<Vec<&'static str>>>,
    /// The choice.
    kind: RwSignal<SourceKind>,
    /// The web-download URL as typed.
    url: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let checking = move || methods.with(Option::is_none);
    // While checking, every option is laid out: most clouds offer both import methods.
    let offers = move |m: &str| methods.with(|ms| ms.as_ref().is_none_or(|ms| ms.contains(&m)));
    let offers_any = move || methods.with(|ms| ms.as_ref().is_none_or(|ms| !ms.is_empty()));
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
        {shown_when(offers_any, move || view! {
            <fieldset class="data-source" class:data-source--checking=checking>
                <legend>{move || i18n.t().data_source_label}</legend>
                {option(SourceKind::Upload, |t| t.source_upload)}
                {shown_when(move || offers(GLANCE_DIRECT), move || view! { {option(SourceKind::Stage, |t| t.source_stage)} }.into_any())}
                {shown_when(move || offers(WEB_DOWNLOAD), move || view! { {option(SourceKind::Web, |t| t.source_web)} }.into_any())}
            </fieldset>
        }.into_any())}
        {shown_when(move || kind.get() == SourceKind::Web, move || view! {
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
        }.into_any())}
    }
}
