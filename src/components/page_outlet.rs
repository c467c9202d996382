use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_location;

/// The router's "a move to another address is under way" (`<Router set_is_routing>`), for
/// the parts below the router that follow it.
#[derive(Clone, Copy)]
pub struct IsRouting(pub ReadSignal<bool>);

/// The logged-in page shown (the frame's outlet), hidden as soon as a move to another page
/// starts. A page whose code is fetched on its first visit keeps the old page on screen until
/// the code is in: a user (or a test) typing right after clicking "New image" would type into
/// the catalog's filters, then see the new page without it. A move within the same page
/// (another tab or filter of the catalog) changes only the query and hides nothing.
#[component]
pub fn PageOutlet() -> impl IntoView {
    let is_routing = use_context::<IsRouting>().map(|r| r.0);
    let location = use_location();
    // The path of the page in the outlet: the one the last finished move arrived at.
    let shown_path = RwSignal::new(location.pathname.get_untracked());
    let routing = move || is_routing.is_some_and(|r| r.get());
    Effect::new(move |_| {
        if !routing() {
            shown_path.set(location.pathname.get_untracked());
        }
    });
    let leaving = move || routing() && location.pathname.with(|p| shown_path.with(|s| p != s));
    view! {
        <div class="page-outlet" hidden=leaving>
            <Outlet />
        </div>
    }
}
