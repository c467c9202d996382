use leptos::prelude::*;

use crate::router::use_location;
use crate::routes::Page;

/// The logged-in page the address names, inside the frame (header, notices). Only a move to
/// another page replaces it: a move within the same page (another tab, filter or sort of the
/// catalog, another image's detail) changes the address the page follows and keeps what is on
/// screen. A page whose code is fetched on its first visit shows once the code is in; the page
/// left is gone at once, so what a user types right after clicking "New image" cannot land in
/// the catalog's filters.
#[component]
pub fn PageOutlet(
    /// The view of a page of the frame.
    page_view: fn(Page) -> AnyView,
) -> impl IntoView {
    let location = use_location();
    // While the frame is being left (logging out, a link to the login page), the address
    // already names a page outside it: the page shown stays until the frame goes.
    let page = Memo::new(move |shown: Option<&Page>| {
        let page = location.pathname.with(|p| Page::of(p));
        match shown {
            Some(shown) if !page.in_frame() => *shown,
            _ => page,
        }
    });
    view! { <div class="page-outlet">{move || page_view(page.get())}</div> }
}
