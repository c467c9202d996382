use leptos::prelude::*;

use super::use_location;

/// A link to a page of the app: a plain `<a href>` (the router moves on its click without
/// loading the page; a new tab, a copied address or a screen reader's link list see a real
/// address), marked `aria-current="page"` while it leads to the page shown.
#[component]
pub fn A(
    /// The app's address it leads to (`/images/abc`).
    #[prop(into)]
    href: Signal<String>,
    /// Current only on exactly that path, not on the pages below it.
    #[prop(optional)]
    exact: bool,
    /// The link's content.
    children: Children,
) -> impl IntoView {
    let location = use_location();
    // `try_`: a link on a page being left can be asked once more after its page (and with it
    // `href`) is gone; that must not stop the app.
    let current = move || {
        let here = location.pathname.try_get()?;
        href.try_with(|href| crate::routes::link_is_current(href, &here, exact))?
            .then_some("page")
    };
    view! {
        <a href=move || href.try_get().unwrap_or_default() aria-current=current>
            {children()}
        </a>
    }
}
