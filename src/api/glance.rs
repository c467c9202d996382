//! Glance v2 image listing: the catalog's views and filters as Glance query parameters.
//!
//! The same [`ImageQuery`] is written to the app's URL (so a view can be bookmarked) and
//! turned into the Glance request, so both always agree.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Characters left as-is in query values (RFC 3986 unreserved).
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encodes one query component.
pub fn encode(value: &str) -> String {
    utf8_percent_encode(value, QUERY_VALUE).to_string()
}

/// Joins `key=value` pairs into a query string (without `?`).
pub fn query_string(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The tabs of the catalog, each one real Glance query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CatalogView {
    /// Images the current project owns.
    #[default]
    Mine,
    /// Shared with this project and accepted.
    SharedWithMe,
    /// Shared with this project, not yet answered.
    Invitations,
    /// Shared with this project and rejected (it can still change its mind).
    Rejected,
    Public,
    Community,
    /// Everything the user may see (`visibility=all`).
    All,
}

impl CatalogView {
    pub const ALL: [CatalogView; 7] = [
        CatalogView::Mine,
        CatalogView::SharedWithMe,
        CatalogView::Invitations,
        CatalogView::Rejected,
        CatalogView::Public,
        CatalogView::Community,
        CatalogView::All,
    ];

    /// The value used in the app's URL (`?view=`).
    pub fn slug(self) -> &'static str {
        match self {
            CatalogView::Mine => "mine",
            CatalogView::SharedWithMe => "shared",
            CatalogView::Invitations => "invitations",
            CatalogView::Rejected => "rejected",
            CatalogView::Public => "public",
            CatalogView::Community => "community",
            CatalogView::All => "all",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.slug() == slug)
    }

    /// Glance parameters that make this view.
    fn glance_pairs(self, project_id: &str) -> Vec<(String, String)> {
        let p = |k: &str, v: &str| (k.to_string(), v.to_string());
        match self {
            CatalogView::Mine => vec![p("owner", project_id)],
            CatalogView::SharedWithMe => {
                vec![p("visibility", "shared"), p("member_status", "accepted")]
            }
            CatalogView::Invitations => {
                vec![p("visibility", "shared"), p("member_status", "pending")]
            }
            CatalogView::Rejected => {
                vec![p("visibility", "shared"), p("member_status", "rejected")]
            }
            CatalogView::Public => vec![p("visibility", "public")],
            CatalogView::Community => vec![p("visibility", "community")],
            CatalogView::All => vec![p("visibility", "all")],
        }
    }

    /// True for views where images of other projects are listed with this project's
    /// member status; the project's own shared images are not invitations to itself.
    pub fn excludes_own_images(self) -> bool {
        matches!(
            self,
            CatalogView::SharedWithMe | CatalogView::Invitations | CatalogView::Rejected
        )
    }
}

/// Columns Glance can sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Name,
    CreatedAt,
    UpdatedAt,
    Size,
    Status,
}

impl SortKey {
    pub const ALL: [SortKey; 5] = [
        SortKey::Name,
        SortKey::CreatedAt,
        SortKey::UpdatedAt,
        SortKey::Size,
        SortKey::Status,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::CreatedAt => "created_at",
            SortKey::UpdatedAt => "updated_at",
            SortKey::Size => "size",
            SortKey::Status => "status",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == value)
    }
}

/// Page sizes offered to the user.
pub const PAGE_SIZES: [u32; 3] = [25, 50, 100];
pub const DEFAULT_PAGE_SIZE: u32 = 25;

/// Everything that defines one page of the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageQuery {
    pub view: CatalogView,
    pub limit: u32,
    /// Id of the last image of the previous page.
    pub marker: Option<String>,
    pub sort_key: SortKey,
    /// `true` for ascending.
    pub ascending: bool,
    /// Exact name (Glance has no substring search).
    pub name: Option<String>,
    pub status: Option<String>,
    pub disk_format: Option<String>,
    pub tags: Vec<String>,
}

impl Default for ImageQuery {
    fn default() -> Self {
        Self {
            view: CatalogView::Mine,
            limit: DEFAULT_PAGE_SIZE,
            marker: None,
            sort_key: SortKey::CreatedAt,
            ascending: false,
            name: None,
            status: None,
            disk_format: None,
            tags: Vec::new(),
        }
    }
}

fn non_empty(value: &str) -> Option<String> {
    let v = value.trim();
    (!v.is_empty()).then(|| v.to_string())
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
                "sort" => q.sort_key = SortKey::parse(v).unwrap_or(SortKey::CreatedAt),
                "dir" => q.ascending = v == "asc",
                "name" => q.name = non_empty(v),
                "status" => q.status = non_empty(v),
                "disk_format" => q.disk_format = non_empty(v),
                "tag" => q.tags.extend(non_empty(v)),
                _ => {}
            }
        }
        q
    }

    /// The app URL's parameters for this query (defaults left out, so URLs stay short).
    pub fn to_url_pairs(&self) -> Vec<(String, String)> {
        let d = Self::default();
        let mut out = Vec::new();
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
        for (k, v) in [
            ("name", &self.name),
            ("status", &self.status),
            ("disk_format", &self.disk_format),
        ] {
            if let Some(v) = v {
                push(k, v.clone());
            }
        }
        for t in &self.tags {
            push("tag", t.clone());
        }
        if let Some(m) = &self.marker {
            push("marker", m.clone());
        }
        out
    }

    /// The Glance `GET /v2/images` parameters for this query, as seen by `project_id`.
    pub fn to_glance_pairs(&self, project_id: &str) -> Vec<(String, String)> {
        let mut out = self.view.glance_pairs(project_id);
        let mut push = |k: &str, v: &str| out.push((k.to_string(), v.to_string()));
        push("limit", &self.limit.to_string());
        push("sort_key", self.sort_key.as_str());
        push("sort_dir", if self.ascending { "asc" } else { "desc" });
        if let Some(n) = &self.name {
            push("name", n);
        }
        if let Some(s) = &self.status {
            push("status", s);
        }
        if let Some(f) = &self.disk_format {
            push("disk_format", f);
        }
        for t in &self.tags {
            push("tag", t);
        }
        if let Some(m) = &self.marker {
            push("marker", m);
        }
        out
    }

    /// The same query without a page position (a filter change starts from page one).
    pub fn first_page(&self) -> Self {
        Self {
            marker: None,
            ..self.clone()
        }
    }
}

/// The path and query of the Glance list call for `query`.
pub fn list_images_path(query: &ImageQuery, project_id: &str) -> String {
    format!(
        "/v2/images?{}",
        query_string(&query.to_glance_pairs(project_id))
    )
}

/// Splits a URL query string (with or without `?`) into decoded `(key, value)` pairs,
/// keeping repeated keys in order.
pub fn parse_query_string(query: &str) -> Vec<(String, String)> {
    let decode = |s: &str| {
        let s = s.replace('+', " ");
        percent_encoding::percent_decode_str(&s)
            .decode_utf8_lossy()
            .into_owned()
    };
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}
