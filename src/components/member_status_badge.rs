use leptos::prelude::*;

use crate::model::MemberStatus;
use crate::state::use_i18n;

/// A coloured badge for a member status (`member-status--pending`, …), in the UI language.
#[component]
pub fn MemberStatusBadge(
    /// The status to show.
    #[prop(into)]
    status: Signal<MemberStatus>,
) -> impl IntoView {
    let i18n = use_i18n();
    let class = move || format!("member-status member-status--{}", status.get().as_str());
    let text = move || {
        let t = i18n.t();
        match status.get() {
            MemberStatus::Pending => t.status_pending.to_string(),
            MemberStatus::Accepted => t.status_accepted.to_string(),
            MemberStatus::Rejected => t.status_rejected.to_string(),
            MemberStatus::Other(s) => s,
        }
    };
    view! { <span class=class data-status=move || status.get().as_str().to_string()>{text}</span> }
}
