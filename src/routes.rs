//! Which page each address of the app shows: the route table, as plain functions of the path
//! (the router, `src/router/`, follows the address; these say what it means).

/// A page of the app, as its address names it. Ids are not part of it: a page reads its id
/// from the address itself (decoded once, `api::url::image_page_id`), so moving from one image
/// to another keeps the page and only its data changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// `/login`.
    Login,
    /// `/`: sent on to the catalog.
    Root,
    /// `/images`: the catalog.
    Catalog,
    /// `/images/new`: create, upload, import.
    Create,
    /// `/images/<id>`: an image's detail page.
    ImageDetail,
    /// `/invitations/<id>`: one invitation.
    Invitation,
    /// `/access`: who has access to my images.
    Access,
    /// Anything else.
    NotFound,
}

impl Page {
    /// The page of a path (`location.pathname`: no query, no fragment). One trailing slash is
    /// ignored (`/images/` is the catalog); an id is one non-empty segment (`%2F` inside it is
    /// part of the id, a real `/` is not).
    pub fn of(path: &str) -> Page {
        let path = match path.strip_suffix('/') {
            Some(shorter) if !shorter.is_empty() => shorter,
            _ => path,
        };
        let segments: Vec<&str> = path.split('/').skip(1).collect();
        match segments.as_slice() {
            // `/index.html`: the file the app is served from, bookmarked or typed.
            [""] | [] | ["index.html"] => Page::Root,
            ["login"] => Page::Login,
            ["images"] => Page::Catalog,
            ["images", "new"] => Page::Create,
            ["images", id] if !id.is_empty() => Page::ImageDetail,
            ["invitations", id] if !id.is_empty() => Page::Invitation,
            ["access"] => Page::Access,
            _ => Page::NotFound,
        }
    }

    /// True for the pages inside the logged-in frame (header, notices, re-login).
    pub fn in_frame(self) -> bool {
        !matches!(self, Page::Login | Page::Root | Page::NotFound)
    }
}

/// True when a link to `href` leads to the page at `path` (for `aria-current="page"`): the
/// same path when `exact`, otherwise the path or one below it (`/access` for `/access/x`).
/// The link's query and fragment do not count.
pub fn link_is_current(href: &str, path: &str, exact: bool) -> bool {
    let target = href.split(['?', '#']).next().unwrap_or(href);
    if target == path {
        return true;
    }
    let base = target.trim_end_matches('/');
    !exact
        && !base.is_empty()
        && path
            .strip_prefix(base)
            .is_some_and(|rest| rest.starts_with('/'))
}
