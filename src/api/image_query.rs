//! Glance v2 image listing: the catalog's views and filters as Glance query parameters.
//!
//! The same [`ImageQuery`] is written to the app's URL (so a view can be bookmarked) and
//! turned into the Glance request, so both always agree.

use super::url::query_string;
use crate::model::{Image, ImagePage};

pub use super::catalog_view::{
    CatalogView, SortKey, DEFAULT_PAGE_SIZE, OWN_PAGES_SKIPPED, PAGE_SIZES,
};
pub use super::date_bound::DateBound;

/// A page of the catalog as shown: its images in the list's order and its page links.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownPage {
    pub images: Vec<Image>,
    /// Where Next leads: the marker after this page, if a page follows.
    pub next_marker: Option<String>,
    /// Where Previous leads: the image the page before ends before, if there is one.
    pub previous_before: Option<String>,
    /// Whether "First page" leads elsewhere than this page.
    pub first_page_link: bool,
}

/// Everything that defines one page of the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageQuery {
    pub view: CatalogView,
    pub limit: u32,
    /// Id of the last image of the previous page.
    pub marker: Option<String>,
    /// Id of the first image of the next page: this page is the one before it (Glance is
    /// asked in the opposite order from it, the answer shown turned round). So "Previous"
    /// needs no memory of the pages seen, and survives a reload or a shared link.
    pub before: Option<String>,
    pub sort_key: SortKey,
    /// `true` for ascending.
    pub ascending: bool,
    /// Exact name (Glance has no substring search).
    pub name: Option<String>,
    pub status: Option<String>,
    /// Only used by views that do not fix the visibility themselves (My images, All).
    pub visibility: Option<String>,
    pub disk_format: Option<String>,
    pub container_format: Option<String>,
    pub tags: Vec<String>,
    pub protected: Option<bool>,
    /// `Some(true)`: only hidden images (Glance leaves them out by default).
    pub hidden: Option<bool>,
    /// Bytes.
    pub size_min: Option<u64>,
    pub size_max: Option<u64>,
    pub created: Option<DateBound>,
    pub updated: Option<DateBound>,
    /// "Name contains": applied by the app to the rows of the page, not sent to Glance.
    pub contains: Option<String>,
    /// The filter bar's "More filters" is open. Only the page's look (kept in the URL so a
    /// reload, Back or a shared link shows the same form); never sent to Glance.
    pub more_filters: bool,
}

impl Default for ImageQuery {
    fn default() -> Self {
        Self {
            view: CatalogView::Mine,
            limit: DEFAULT_PAGE_SIZE,
            marker: None,
            before: None,
            sort_key: SortKey::CreatedAt,
            ascending: false,
            name: None,
            status: None,
            visibility: None,
            disk_format: None,
            container_format: None,
            tags: Vec::new(),
            protected: None,
            hidden: None,
            size_min: None,
            size_max: None,
            created: None,
            updated: None,
            contains: None,
            more_filters: false,
        }
    }
}

fn non_empty(value: &str) -> Option<String> {
    let v = value.trim();
    (!v.is_empty()).then(|| v.to_string())
}

fn parse_bool(value: &str) -> Option<bool> {
    match value {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

impl ImageQuery {
    /// Reads the query from the app URL's parameters; unknown or bad values fall back to defaults.
    pub fn from_url_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut q = Self::default();
        for (k, v) in pairs {
            match k {
                "view" => q.view = CatalogView::from_slug(v).unwrap_or_default(),
                "limit" => {
                    q.limit = v
                        .parse()
                        .ok()
                        .filter(|n| PAGE_SIZES.contains(n))
                        .unwrap_or(DEFAULT_PAGE_SIZE)
                }
                "marker" => q.marker = non_empty(v),
                "before" => q.before = non_empty(v),
                "sort" => q.sort_key = SortKey::parse(v).unwrap_or(SortKey::CreatedAt),
                "dir" => q.ascending = v == "asc",
                "name" => q.name = non_empty(v),
                "status" => q.status = non_empty(v),
                "visibility" => q.visibility = non_empty(v),
                "disk_format" => q.disk_format = non_empty(v),
                "container_format" => q.container_format = non_empty(v),
                "tag" => q.tags.extend(non_empty(v)),
                "protected" => q.protected = parse_bool(v),
                "hidden" => q.hidden = parse_bool(v),
                "size_min" => q.size_min = v.parse().ok().map(within_glance_sizes),
                "size_max" => q.size_max = v.parse().ok().map(within_glance_sizes),
                "created" => q.created = DateBound::parse(v),
                "updated" => q.updated = DateBound::parse(v),
                "q" => q.contains = non_empty(v),
                "more" => q.more_filters = v == "1",
                _ => {}
            }
        }
        // One position: a link that names both is read as the page before.
        if q.before.is_some() {
            q.marker = None;
        }
        q
    }

    /// The app URL's parameters for this query (defaults left out, so URLs stay short).
    pub fn to_url_pairs(&self) -> Vec<(String, String)> {
        let d = Self::default();
        let mut out: Vec<(String, String)> = Vec::new();
        let mut push = |k: &str, v: String| out.push((k.to_string(), v));
        if self.view != d.view {
            push("view", self.view.slug().into());
        }
        if self.limit != d.limit {
            push("limit", self.limit.to_string());
        }
        if self.sort_key != d.sort_key {
            push("sort", self.sort_key.as_str().into());
        }
        if self.ascending != d.ascending {
            push("dir", "asc".into());
        }
        for (k, v) in self.filter_pairs() {
            push(k, v);
        }
        if let Some(c) = &self.contains {
            push("q", c.clone());
        }
        if self.more_filters {
            push("more", "1".into());
        }
        if let Some(m) = &self.marker {
            push("marker", m.clone());
        }
        if let Some(b) = &self.before {
            push("before", b.clone());
        }
        out
    }

    /// The filters, with the app URL's names and values.
    fn filter_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let text = [
            ("name", &self.name),
            ("status", &self.status),
            ("visibility", &self.visibility),
            ("disk_format", &self.disk_format),
            ("container_format", &self.container_format),
        ];
        for (k, v) in text {
            if let Some(v) = v {
                out.push((k, v.clone()));
            }
        }
        for t in &self.tags {
            out.push(("tag", t.clone()));
        }
        if let Some(b) = self.protected {
            out.push(("protected", b.to_string()));
        }
        if let Some(b) = self.hidden {
            out.push(("hidden", b.to_string()));
        }
        if let Some(n) = self.size_min {
            out.push(("size_min", n.to_string()));
        }
        if let Some(n) = self.size_max {
            out.push(("size_max", n.to_string()));
        }
        if let Some(b) = &self.created {
            out.push(("created", b.to_url()));
        }
        if let Some(b) = &self.updated {
            out.push(("updated", b.to_url()));
        }
        out
    }

    /// The Glance `GET /v2/images` parameters for this query, as seen by `project_id`.
    pub fn to_glance_pairs(&self, project_id: &str) -> Vec<(String, String)> {
        let mut view_pairs = self.view.glance_pairs(project_id);
        // "All" narrowed by a visibility filter asks Glance for that visibility instead.
        if self.view == CatalogView::All && self.visibility.is_some() {
            view_pairs.clear();
        }
        let view_sets_visibility = view_pairs.iter().any(|(k, _)| k == "visibility");
        let mut out = view_pairs;
        let mut push = |k: &str, v: &str| out.push((k.to_string(), v.to_string()));
        // Read backwards: one more, to tell whether a page lies before (see `shown`).
        let limit = self.limit + u32::from(self.before.is_some());
        push("limit", &limit.to_string());
        push("sort_key", self.sort_key.as_str());
        // Read backwards from `before`: with one direction, Glance orders its tie-breakers
        // (created_at, id) the same way, so the opposite order is exactly the list turned round.
        let ascending = self.ascending != self.before.is_some();
        push("sort_dir", if ascending { "asc" } else { "desc" });
        for (k, v) in self.filter_pairs() {
            match k {
                "visibility" if view_sets_visibility => {}
                "hidden" => push("os_hidden", &v),
                "created" => push(
                    "created_at",
                    &self
                        .created
                        .as_ref()
                        .map(DateBound::to_glance)
                        .unwrap_or_default(),
                ),
                "updated" => push(
                    "updated_at",
                    &self
                        .updated
                        .as_ref()
                        .map(DateBound::to_glance)
                        .unwrap_or_default(),
                ),
                // Glance reads `word:` at the start of a name filter as an operator ("Unable
                // to filter by unknown operator" for `ubuntu:22.04`): an explicit `eq:` keeps
                // the whole name as the value.
                "name" if v.contains(':') => push(k, &format!("eq:{v}")),
                _ => push(k, &v),
            }
        }
        if let Some(m) = self.before.as_ref().or(self.marker.as_ref()) {
            push("marker", m);
        }
        out
    }

    /// The same query without a page position (a filter change starts from page one).
    pub fn first_page(&self) -> Self {
        Self {
            marker: None,
            before: None,
            ..self.clone()
        }
    }

    /// True when this is the list's first page (no page position).
    pub fn is_first_page(&self) -> bool {
        self.marker.is_none() && self.before.is_none()
    }

    /// The same query read on past `id`, the last image of its answer, in the direction it
    /// reads (a page of nothing to show is read past).
    pub fn read_on_from(&self, id: String) -> Self {
        let mut on = self.clone();
        if on.before.is_some() {
            on.before = Some(id);
        } else {
            on.marker = Some(id);
        }
        on
    }

    /// The answer `page` to this query as the catalog shows it, with where its page links
    /// lead. Read backwards (`before`), Glance was asked for one image more than a page: that
    /// one, when it came, says a page lies before this one and is left out; the rest is
    /// turned round into the list's order.
    pub fn shown(&self, mut page: ImagePage) -> ShownPage {
        let first_id = |images: &[Image]| images.first().map(|i| i.id.clone());
        if self.before.is_some() {
            let more_before = page.images.len() > self.limit as usize;
            page.images.truncate(self.limit as usize);
            page.images.reverse();
            ShownPage {
                // At least the image it was read back from follows.
                next_marker: page.images.last().map(|i| i.id.clone()),
                previous_before: more_before.then(|| first_id(&page.images)).flatten(),
                // Nothing before it: it is the first page, under another address.
                first_page_link: more_before,
                images: page.images,
            }
        } else {
            ShownPage {
                next_marker: page.next_marker(),
                previous_before: self.marker.as_ref().and(first_id(&page.images)),
                first_page_link: self.marker.is_some(),
                images: page.images,
            }
        }
    }

    /// What the list request depends on: the query without the page's look (opening "More
    /// filters" must not ask Glance again).
    pub fn listed(&self) -> Self {
        Self {
            more_filters: false,
            ..self.clone()
        }
    }

    /// True when the "name contains" text matches this name (case-insensitive).
    pub fn contains_matches(&self, name: &str) -> bool {
        // Case folded character by character, upper then lower case: `str::to_lowercase`
        // writes a capital sigma as `ς` at the end of a word and `σ` inside one (so "ΑΣ" was
        // not found in "ΑΣΑ"), and lower case alone keeps `ς`/`σ`, `µ`/`μ`, `ß`/`ss` apart.
        let fold = |s: &str| {
            s.chars()
                .flat_map(char::to_uppercase)
                .flat_map(char::to_lowercase)
                .collect::<String>()
        };
        self.contains
            .as_ref()
            .is_none_or(|c| fold(name).contains(&fold(c)))
    }
}

/// The path and query of the Glance list call for `query`.
pub fn list_images_path(query: &ImageQuery, project_id: &str) -> String {
    format!(
        "/v2/images?{}",
        query_string(&query.to_glance_pairs(project_id))
    )
}

/// The largest size Glance can hold (its `size` column is a signed 64-bit integer): a bound
/// beyond it is taken as it, since Glance answers a larger one with a 500.
pub fn within_glance_sizes(bytes: u64) -> u64 {
    bytes.min(i64::MAX.unsigned_abs())
}
