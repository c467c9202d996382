//! `/access`: every member of every image the current project owns, in one table to filter,
//! sort, export and prune.

mod actions;
mod remove_project;
mod save;

use std::collections::HashSet;

use crate::components::PageTitle;
use crate::router::NavigateOptions;
use crate::router::{use_location, use_navigate};
use leptos::prelude::*;

use crate::state::effect::{effect, effect_with_previous};

use crate::api::url::parse_query_string;
use crate::api::ApiError;
use crate::components::{AccessTable, ErrorMessage};
use crate::model::access::{count_by_status, visible_rows, AccessFilter, AccessRow, StatusChoice};
use crate::model::access_view::AccessView;
use crate::state::access::{read_access, ImageFailure};
use crate::state::projects::use_projects;
use crate::state::{use_i18n, use_session};

use actions::AccessActions;

/// The state of the page, shared with its action bar.
#[derive(Clone, Copy)]
pub(crate) struct AccessState {
    /// The rows as Glance holds them (names filled in by `named`).
    pub rows: RwSignal<Vec<AccessRow>>,
    pub selected: RwSignal<HashSet<(String, String)>>,
    /// The rows after filters and sort, with project names where known.
    pub shown: Memo<Vec<AccessRow>>,
}

/// The access overview page.
#[component]
pub fn AccessPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let rows = RwSignal::new(Vec::<AccessRow>::new());
    let failures = RwSignal::new(Vec::<ImageFailure>::new());
    let list_error = RwSignal::new(None::<ApiError>);
    // None: not started or listing images; Some((read, total)) while and after reading members.
    let progress = RwSignal::new(None::<(usize, usize)>);
    let loading = RwSignal::new(false);
    let selected = RwSignal::new(HashSet::new());
    // The filters and the order live in the address (a reload or a shared link keeps them):
    // read from it on arrival and whenever it changes (the header's link to a bare /access
    // clears them), written to it when the user changes them.
    let location = use_location();
    let on_this_page = move || location.pathname.with(|p| p == "/access");
    let addressed = move || AccessView::from_pairs(&parse_query_string(&location.search.get()));
    let start = location
        .search
        .with_untracked(|q| AccessView::from_pairs(&parse_query_string(q)));
    let project_filter = RwSignal::new(start.project);
    let status_filter = RwSignal::new(start.status);
    let image_filter = RwSignal::new(start.image);
    let sort = RwSignal::new(start.sort);
    effect(move || {
        if !on_this_page() {
            return;
        }
        let view = addressed();
        let set = |signal: RwSignal<String>, value: String| {
            if signal.with_untracked(|v| *v != value) {
                signal.set(value);
            }
        };
        set(project_filter, view.project);
        set(status_filter, view.status);
        set(image_filter, view.image);
        if sort.get_untracked() != view.sort {
            sort.set(view.sort);
        }
    });
    let navigate = use_navigate();
    effect(move || {
        let view = AccessView {
            project: project_filter.get(),
            status: status_filter.get(),
            image: image_filter.get(),
            sort: sort.get(),
        };
        let shown = location
            .search
            .with_untracked(|q| AccessView::from_pairs(&parse_query_string(q)));
        if location.pathname.with_untracked(|p| p == "/access") && view != shown {
            // Replaced, not pushed: each keystroke is no step of the history.
            let options = NavigateOptions {
                replace: true,
                scroll: false,
            };
            navigate(&view.href(), options);
        }
    });

    // Each reading has a number; only the latest one writes its answer (a project switch
    // starts a new reading while the old one may still be running).
    let generation = RwSignal::new(0u64);
    let load = move || {
        let this = generation.get_untracked() + 1;
        generation.set(this);
        loading.set(true);
        progress.set(None);
        list_error.set(None);
        let current = move || generation.try_get_untracked() == Some(this);
        leptos::task::spawn_local(async move {
            let answer = read_access(session, move |done, total| {
                if current() {
                    let _ = progress.try_set(Some((done, total)));
                }
            })
            .await;
            if !current() {
                return;
            }
            match answer {
                Ok(read) => {
                    let kept: HashSet<_> = read.rows.iter().map(AccessRow::key).collect();
                    let _ = selected.try_update(|s| s.retain(|k| kept.contains(k)));
                    let _ = rows.try_set(read.rows);
                    let _ = failures.try_set(read.failures);
                }
                Err(e) if e.is_aborted() => {}
                Err(e) => {
                    let _ = rows.try_set(Vec::new());
                    let _ = list_error.try_set(Some(e));
                }
            }
            let _ = loading.try_set(false);
        });
    };
    // Read again after a re-login if the old token was refused.
    session.on_new_token(move || {
        let refused = list_error.with_untracked(|e| e.as_ref().is_some_and(|e| e.status == 401))
            || failures.with_untracked(|f| f.iter().any(|f| f.error.status == 401));
        if refused {
            load();
        }
    });
    // Read again when an action of the app's ends elsewhere (its notice is posted now: a
    // "Share with projects…" run that went on after its dialog closed, say): it may have
    // changed the members shown.
    if let Some(notices) = crate::state::notices::use_notices() {
        effect_with_previous(move |seen: Option<u64>| {
            let posted = notices.posted();
            if seen.is_some_and(|s| s != posted) {
                load();
            }
            posted
        });
    }
    // Read on arrival and again whenever the user switches project.
    effect_with_previous(move |previous: Option<String>| {
        let project = session.project_id();
        if previous.as_ref() != Some(&project) && !project.is_empty() {
            load();
        }
        project
    });

    let shown = Memo::new(move |_| {
        let names = use_projects().map(|d| d.names()).unwrap_or_default();
        let named: Vec<AccessRow> = rows.with(|rows| {
            rows.iter()
                .map(|r| AccessRow {
                    project_name: names.get(&r.project_id).cloned(),
                    ..r.clone()
                })
                .collect()
        });
        let filter = AccessFilter {
            project: project_filter.get(),
            status: status_filter.with(|value| StatusChoice::from_value(value)),
            image: image_filter.get(),
        };
        visible_rows(&named, &filter, sort.get())
    });
    let state = AccessState {
        rows,
        selected,
        shown,
    };

    let status_text = move || {
        let t = i18n.t();
        match progress.get() {
            None if loading.get() => Some(t.access_listing.to_string()),
            // No image to read members of: the page says there is nothing shared instead.
            None | Some((_, 0)) => None,
            Some((done, total)) => Some((t.access_progress)(done, total)),
        }
    };
    let counts = move || {
        let shown = shown.get();
        let (p, a, r, unknown) = count_by_status(&shown);
        (i18n.t().access_counts)(shown.len(), p, a, r, unknown)
    };
    let empty = move || {
        let t = i18n.t();
        if loading.get() || list_error.with(Option::is_some) {
            None
        } else if rows.with(Vec::is_empty) {
            Some(t.access_empty)
        } else if shown.with(Vec::is_empty) {
            Some(t.access_none_match)
        } else {
            None
        }
    };

    view! {
        <main class="page access-page" id="main">
            <PageTitle page=Signal::derive(move || i18n.t().access_title.to_string()) />
            <h1>{move || i18n.t().access_title}</h1>
            <p class="access-page__intro">{move || i18n.t().access_intro}</p>
            // Busy while the members are read, so a screen reader does not read out every
            // image's step: "Listing…" and then the last figure.
            <p
                class="access-page__progress"
                role="status"
                aria-busy=move || (loading.get() && progress.with(Option::is_some)).to_string()
            >
                {status_text}
            </p>
            {move || list_error.get().map(|e| view! {
                <ErrorMessage error=e title=i18n.t().access_list_failed.to_string() />
            })}
            <For
                each=move || failures.get()
                key=|f| f.image_id.clone()
                let:failure
            >
                {
                    let name = if failure.image_name.is_empty() { failure.image_id.clone() } else { failure.image_name.clone() };
                    view! { <ErrorMessage error=failure.error title=i18n.t().access_image_failed.fill(&[&&name]) /> }
                }
            </For>
            <fieldset class="access-filters">
                <legend>{move || i18n.t().access_filters}</legend>
                <label>
                    {move || i18n.t().access_filter_project}
                    <input type="search" prop:value=project_filter on:input=move |ev| project_filter.set(event_target_value(&ev)) />
                </label>
                <label>
                    {move || i18n.t().access_filter_status}
                    <select on:change=move |ev| status_filter.set(event_target_value(&ev)) prop:value=status_filter>
                        <option value="">{move || i18n.t().access_any_status}</option>
                        <option value="pending">{move || i18n.t().status_pending}</option>
                        <option value="accepted">{move || i18n.t().status_accepted}</option>
                        <option value="rejected">{move || i18n.t().status_rejected}</option>
                        <option value="unknown">{move || i18n.t().status_unknown}</option>
                    </select>
                </label>
                <label>
                    {move || i18n.t().access_filter_image}
                    <input type="search" prop:value=image_filter on:input=move |ev| image_filter.set(event_target_value(&ev)) />
                </label>
            </fieldset>
            // Live: the figures change when a reading ends and as the filters are typed.
            <p class="access-page__counts" data-testid="access-counts" aria-live="polite" aria-busy=move || loading.get().to_string()>
                {counts}
            </p>
            <AccessActions state reload=Callback::new(move |_| load()) loading=loading.into() unread_images=Signal::derive(move || failures.with(Vec::len)) />
            {move || empty().map(|text| view! { <p class="access-page__empty">{text}</p> })}
            <AccessTable rows=shown sort selected />
        </main>
    }
}
