use leptos::prelude::*;

use crate::api::image_query::{CatalogView, ImageQuery};
use crate::i18n::Messages;
use crate::pages::catalog::catalog_href;
use crate::state::{use_i18n, use_session};

fn view_label(t: &'static Messages, view: CatalogView) -> &'static str {
    match view {
        CatalogView::Mine => t.view_mine,
        CatalogView::SharedWithMe => t.view_shared,
        CatalogView::Invitations => t.view_invitations,
        CatalogView::Rejected => t.view_rejected,
        CatalogView::Public => t.view_public,
        CatalogView::Community => t.view_community,
        CatalogView::All => t.view_all,
    }
}

/// The catalog's tabs, one link per view ("All" for admins only). A tab starts without
/// filters, on its first page, with the page size kept.
#[component]
pub fn CatalogTabs(
    /// The query shown (from the URL).
    query: Memo<ImageQuery>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let views = move || {
        let admin = session.get().is_some_and(|s| s.is_admin());
        CatalogView::ALL
            .into_iter()
            .filter(move |v| *v != CatalogView::All || admin)
            .collect::<Vec<_>>()
    };
    view! {
        <nav class="tabs" aria-label=move || i18n.t().catalog_title>
            {move || {
                let current = query.try_get().map(|q| q.view);
                views()
                    .into_iter()
                    .map(|v| {
                        let limit = query.try_get_untracked().map_or(ImageQuery::default().limit, |q| q.limit);
                        let q = ImageQuery { view: v, limit, ..Default::default() };
                        // A plain link (the router still handles it): <A> would mark
                        // every tab current, since they share the path /images.
                        view! {
                            <a
                                href=catalog_href(&q)
                                class="tabs__tab"
                                aria-current=(Some(v) == current).then_some("page")
                            >
                                {move || view_label(i18n.t(), v)}
                            </a>
                        }
                    })
                    .collect_view()
            }}
        </nav>
    }
}
