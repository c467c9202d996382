use leptos::prelude::*;

use crate::format::fixed::fixed;
use crate::state::use_i18n;

/// A transfer's progress: the bar, its words (bytes, percent, speed…) and, as children, what
/// can be done about it (Cancel). `class` names the transfer (`upload-progress`,
/// `download-progress`); the text gets `{class}__text`.
///
/// The words change several times a second: read out each time, they would drown everything
/// else (and the Cancel button with them). So they are not a live region; a status that only a
/// screen reader sees says the progress in steps of 10 %, and the words stay there to be read.
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
    let i18n = use_i18n();
    // Whole tens only: the same step gives the same words, which are not read out again.
    let step = (percent.clamp(0.0, 100.0) / 10.0).floor() * 10.0;
    let t = i18n.t();
    let said = t.labelled(name, format!("{}%", fixed(step, 0)));
    view! {
        <div class=format!("progress-bar {class}")>
            <progress max="100" value=fixed(percent, 1) aria-label=name></progress>
            <p class=format!("progress-bar__text {class}__text")>{text}</p>
            <p class="visually-hidden" role="status">{said}</p>
            {children.map(|c| c())}
        </div>
    }
}
