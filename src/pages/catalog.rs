use crate::components::shown_when::shown_when;
use crate::components::PageTitle;
use crate::router::NavigateOptions;
use crate::router::A;
use crate::router::{use_location, use_navigate};
use leptos::prelude::*;

use crate::state::effect::{effect, effect_with_previous};

use std::collections::{BTreeMap, HashMap};

use crate::api::image_query::{
    list_images_path, CatalogView, ImageQuery, SortKey, OWN_PAGES_SKIPPED, PAGE_SIZES,
};
use crate::api::url::{parse_query_string, query_string};
use crate::browser;
use crate::components::{
    AcceptAll, ActionResult, BulkActions, CatalogFilters, CatalogTabs, ErrorMessage, FilterChips,
    ImageTable, Pager,
};
use crate::state::last_catalog::LastCatalog;
use crate::state::latest_request::LatestRequest;
use crate::state::loaded::Loaded;
use crate::state::notices::use_notices;
use crate::state::projects::use_projects;
use crate::state::{use_i18n, use_session};

/// The app URL that shows `query`.
pub fn catalog_href(query: &ImageQuery) -> String {
    let qs = query_string(&query.to_url_pairs());
    if qs.is_empty() {
        "/images".to_string()
    } else {
        format!("/images?{qs}")
    }
}

/// What one list request asks for: a new key means its answer replaces the page shown.
fn request_key(path: &str, project_id: &str) -> String {
    format!("{project_id} {path}")
}

/// The image catalog (`/images`): one Glance page at a time (`limit` + `marker`), in tabs
/// that are each a real Glance query, with filters and sort kept in the URL.
#[component]
pub fn CatalogPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let directory = use_projects();
    let location = use_location();
    let navigate = use_navigate();

    let query = Memo::new(move |_| {
        let pairs = parse_query_string(&location.search.get());
        ImageQuery::from_url_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    });
    // What the list depends on: opening "More filters" changes the URL, not the rows.
    let listed_query = Memo::new(move |_| query.get().listed());

    let latest = LatestRequest::aborted_on_cleanup();
    let notices = use_notices();
    let page = Loaded::new(move || {
        let q = listed_query.get();
        // An action that ended after its page was left may have changed what is listed.
        notices.map(|n| n.posted());
        let glance = session.glance();
        let project_id = session.project_id();
        let path = list_images_path(&q, &project_id);
        let signal = latest.next_signal_for(request_key(&path, &project_id));
        async move {
            let glance = glance?;
            let mut result = glance.list_images_shown(&path, signal.as_ref()).await;
            // A page of nothing but this project's own images, in a tab that leaves them out:
            // read on (a few pages at most) instead of showing an empty page with a Next link.
            for _ in 0..OWN_PAGES_SKIPPED {
                let Some(marker) = result
                    .as_ref()
                    .ok()
                    .and_then(|p| q.view.skip_marker(p, &project_id))
                else {
                    break;
                };
                let on = q.read_on_from(marker);
                result = glance
                    .list_images(&list_images_path(&on, &project_id), signal.as_ref())
                    .await;
            }
            let shown = result.map(|page| q.shown(page));
            Some((q, project_id, shown))
        }
    });

    // "Back to images" on the other pages returns to this view (tab, filters, sort, page).
    // Only while the address is the catalog's: leaving it changes the address (and so
    // `query`) before this page is gone.
    if let Some(last) = use_context::<LastCatalog>() {
        effect(move || {
            let on_catalog = location.pathname.try_get().is_some_and(|p| p == "/images");
            if let (true, Some(q)) = (on_catalog, query.try_get()) {
                last.remember(&session, catalog_href(&q));
            }
        });
    }

    // A request for another query or project is aborted at once: its answer would be dropped
    // anyway, and the browser's connections are better spent on the new one.
    // (`try_`: a logout clears the session and disposes this page in the same update.)
    effect(move || {
        let project_id = session.project_id();
        if let Some(q) = listed_query.try_get() {
            latest.abort_unless(&request_key(
                &list_images_path(&q, &project_id),
                &project_id,
            ));
        }
    });
    // An answer is shown only if it is for the query and project on screen now (an older
    // one may still arrive, e.g. aborted, or answered before the abort).
    let is_current = move |q: &ImageQuery, project_id: &str| {
        listed_query.try_with(|now| now == q).unwrap_or(false) && session.project_id() == project_id
    };

    // A project switch starts the list again from its first page: a page link (`marker`)
    // names an image of the project switched from, which the new one may not see (Glance then
    // answers an empty page or a 403, both false for the new project).
    {
        let navigate = navigate.clone();
        effect_with_previous(move |before: Option<String>| {
            let project_id = session.project_id();
            // (Not on a logout: the project goes, none comes.)
            let switched =
                before.is_some_and(|b| !b.is_empty() && b != project_id) && !project_id.is_empty();
            if let Some(mut first) = query
                .try_get_untracked()
                .filter(|q| switched && !q.is_first_page())
            {
                first = first.first_page();
                let replace = NavigateOptions {
                    replace: true,
                    ..Default::default()
                };
                navigate(&catalog_href(&first), replace);
            }
            project_id
        });
    }

    // Images chosen for the bulk actions (My images), id → name. Cleared when the rows change
    // (another tab, page, page size, filter, sort or project), so nothing off screen stays
    // selected.
    let selection = RwSignal::new(BTreeMap::<String, String>::new());
    // The last accept/reject from a row (the row itself goes with the re-read list). It
    // speaks of the rows it was said beside: another tab, page, filter or project clears it.
    let member_answer = RwSignal::new(None::<crate::i18n::Words>);
    effect_with_previous(move |before: Option<Option<(ImageQuery, String)>>| {
        let now = listed_query.try_get().map(|q| (q, session.project_id()));
        if before.flatten().is_some_and(|b| Some(b) != now) {
            selection.try_set(BTreeMap::new());
            member_answer.try_set(None);
        }
        now
    });

    // View, project and images listed (none once a logout clears the session: it disposes this page).
    let listed = Signal::derive(move || {
        if !session.is_logged_in() {
            return None;
        }
        page.try_get()
            .flatten()
            .flatten()
            .filter(|(q, project_id, _)| is_current(q, project_id))
            .and_then(|(q, project_id, result)| Some((q.view, project_id, result.ok()?.images)))
    });
    // (id, name) of the invitations listed, for "Accept all".
    let invitations_on_page = Signal::derive(move || {
        listed
            .get()
            .filter(|(view, _, _)| *view == CatalogView::Invitations)
            .map(|(_, project_id, images)| {
                images
                    .iter()
                    .filter(|i| i.owner.as_deref() != Some(project_id.as_str()))
                    .map(|i| (i.id.clone(), i.name_in_text().into_owned()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let images_on_page =
        Signal::derive(move || listed.get().map(|(_, _, i)| i).unwrap_or_default());

    let go = {
        let navigate = navigate.clone();
        move |q: ImageQuery| navigate(&catalog_href(&q), Default::default())
    };

    let apply = Callback::new(go.clone());
    let change = {
        let go = go.clone();
        move |edit: &dyn Fn(&mut ImageQuery)| {
            let mut q = query.get_untracked().first_page();
            edit(&mut q);
            go(q);
        }
    };
    // A header of the table asked for this order: the table made for it takes the focus back.
    let sorted_by_header = StoredValue::new(false);
    let sort_by_header = Callback::new({
        let change = change.clone();
        move |(key, ascending): (SortKey, bool)| {
            sorted_by_header.set_value(true);
            change(&|q| {
                q.sort_key = key;
                q.ascending = ascending;
            });
        }
    });
    let change_sort = change.clone();
    let change_dir = change.clone();
    let change_limit = change;

    // Owners' names fill in when Keystone answers, cell by cell: read here, they would make the
    // whole table again, closing a row's open confirmation and dropping the focus in it.
    let owner_names = directory
        .map(|d| d.names_signal())
        .unwrap_or_else(|| Signal::stored(HashMap::new()));
    let no_service_why = move || {
        session
            .endpoint_problem()
            .map(|e| crate::components::catalog_error_text(i18n.t(), &e))
    };
    // How many images the page shows, in one live region that stays in the page: a region
    // made anew with every answer is not read out by screen readers. Empty while there is
    // no list (loading, an error).
    let shown = RwSignal::new(None::<usize>);
    let results = move || {
        if !session.is_logged_in() {
            return None;
        }
        let answer = page.try_get().flatten();
        if !matches!(answer, Some(Some((_, _, Ok(_))))) {
            shown.set(None);
        }
        // Until the first answer: later reads keep the rows shown until theirs arrives.
        let Some(answer) = answer else {
            return Some(view! { <p role="status">{i18n.t().loading}</p> }.into_any());
        };
        Some(match answer {
            None => view! {
                <p class="error-message" role="alert">
                    {i18n.t().no_image_service} {i18n.t().sentence_gap} {no_service_why}
                </p>
            }
            .into_any(),
            Some((q, project_id, _)) if !is_current(&q, &project_id) => {
                view! { <p role="status">{i18n.t().loading}</p> }.into_any()
            }
            // A page link (`marker`, `before`) whose image Glance no longer finds (deleted
            // since, or no longer shared): Glance refuses the whole list. Say so, with the way
            // back to the first page, rather than a hint about roles or a dead end.
            Some((q, _, Err(e))) if !q.is_first_page() && matches!(e.status, 400 | 403 | 404) => view! {
                <ErrorMessage error=e hint=|t, _| Some(t.stale_marker_hint) />
                <Pager query=q next_marker=None previous_before=None first_page_link=true more_filters=Signal::derive(move || query.get().more_filters) />
            }
            .into_any(),
            // Anything else (a 5xx, a timeout, a refused connection) may pass: the list can be
            // asked for again without a reload.
            Some((_, _, Err(e))) => view! {
                <ErrorMessage error=e />
                <p>
                    <button type="button" class="button" on:click=move |_| page.refetch()>
                        {move || i18n.t().catalog_retry}
                    </button>
                </p>
            }
            .into_any(),
            Some((q, project_id, Ok(p))) => {
                let (next_marker, previous_before, first_page_link) = (p.next_marker, p.previous_before, p.first_page_link);
                let images: Vec<_> = p
                    .images
                    .into_iter()
                    .filter(|i| !q.view.excludes_own_images() || i.owner.as_deref() != Some(project_id.as_str()))
                    .collect();
                let loaded = images.len();
                let images: Vec<_> = images.into_iter().filter(|i| q.contains_matches(i.display_name())).collect();
                let contains_note = q.contains.is_some().then(|| {
                    view! { <p class="catalog__note" role="note">{i18n.t().contains_note} {i18n.t().note_open} {images.len()} " / " {loaded} {i18n.t().note_close}</p> }
                });
                shown.set(Some(images.len()));
                view! {
                    {contains_note}
                    <ImageTable
                        images=images
                        view=q.view
                        names=owner_names
                        now_ms=browser::now_ms()
                        selection=selection
                        on_member_changed=move |text| {
                            member_answer.set(Some(text));
                            page.refetch();
                        }
                        sort=(q.sort_key, q.ascending)
                        on_sort=sort_by_header
                        focus_sort_header=sorted_by_header
                    />
                    <Pager query=q next_marker=next_marker previous_before=previous_before first_page_link=first_page_link more_filters=Signal::derive(move || query.get().more_filters) />
                }
                .into_any()
            }
        })
    };

    view! {
        <main class="page catalog" id="main">
            <PageTitle page=Signal::derive(move || i18n.t().catalog_title.to_string()) />
            <div class="catalog__head">
                <h1>{move || i18n.t().catalog_title}</h1>
                <A href="/images/new" attr:class="button button--primary">{move || i18n.t().new_image}</A>
            </div>
            <CatalogTabs query=query />
            <CatalogFilters query=query on_apply=apply />
            // Chips and the sort share one row: the first rows of the list stay in view.
            <div class="catalog__toolbar">
                <FilterChips query=query on_remove=apply />
                <div class="catalog__controls">
                    <div class="form-field">
                        <label for="sort-key">{move || i18n.t().sort_by}</label>
                        <select id="sort-key" on:change=move |ev| { let v = event_target_value(&ev); change_sort(&|q| q.sort_key = SortKey::parse(&v).unwrap_or(SortKey::CreatedAt)) }>
                            {SortKey::ALL
                                .into_iter()
                                .map(|k| {
                                    let label = move || {
                                        let t = i18n.t();
                                        match k {
                                            SortKey::Name => t.col_name,
                                            SortKey::CreatedAt => t.col_created,
                                            SortKey::UpdatedAt => t.col_updated,
                                            SortKey::Size => t.col_size,
                                            SortKey::Status => t.col_status,
                                        }
                                    };
                                    view! { <option value=k.as_str() selected=move || query.get().sort_key == k>{label}</option> }
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <div class="form-field">
                        <label for="sort-dir">{move || i18n.t().sort_order}</label>
                        <select id="sort-dir" on:change=move |ev| { let v = event_target_value(&ev); change_dir(&|q| q.ascending = v == "asc") }>
                            <option value="desc" selected=move || !query.get().ascending>{move || i18n.t().descending}</option>
                            <option value="asc" selected=move || query.get().ascending>{move || i18n.t().ascending}</option>
                        </select>
                    </div>
                    <div class="form-field">
                        <label for="page-size">{move || i18n.t().page_size}</label>
                        <select id="page-size" on:change=move |ev| { let v = event_target_value(&ev); change_limit(&|q| q.limit = v.parse().unwrap_or(q.limit)) }>
                            {PAGE_SIZES
                                .into_iter()
                                .map(|n| view! { <option value=n.to_string() selected=move || query.get().limit == n>{n.to_string()}</option> })
                                .collect_view()}
                        </select>
                    </div>
                </div>
            </div>
            // Outside the list, so its per-image results stay on screen after the list re-reads.
            {shown_when(move || query.get().view == CatalogView::Mine, move || view! {
                <BulkActions selection=selection images=images_on_page on_done=move |_| page.refetch() />
            }.into_any())}
            {shown_when(move || query.get().view == CatalogView::Invitations, move || view! {
                <AcceptAll images=invitations_on_page on_done=move |_| page.refetch() />
            }.into_any())}
            <ActionResult text=member_answer />
            <p class="catalog__count" aria-live="polite">
                {move || shown.get().map(|n| i18n.t().images_shown.fill(n, &[&n]))}
            </p>
            {results}
        </main>
    }
}
