use leptos::prelude::*;

use crate::format::fixed::fixed;

/// A transfer's progress: the bar, its words (bytes, percent, speed…) and, as children, what
/// can be done about it (Cancel). `class` names the transfer (`upload-progress`,
/// `download-progress`); the text gets `{class}__text`.
#[component]
pub fn ProgressBar(
    /// 0–100.
    percent: f64,
    /// What the bar says in words.
    text: String,
    /// The bar's accessible name ("Upload progress").
    name: &'static str,
    /// The block's class.
    class: &'static str,
    /// Actions shown under the text.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <div role="status" class=format!("progress-bar {class}")>
            <progress max="100" value=fixed(percent, 1) aria-label=name></progress>
            <p class=format!("progress-bar__text {class}__text")>{text}</p>
            {children.map(|c| c())}
        </div>
    }
}
