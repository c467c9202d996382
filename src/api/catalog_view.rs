//! The catalog's tabs (each one real Glance query), the sort keys and the page sizes.

use crate::model::ImagePage;

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
    pub(super) fn glance_pairs(self, project_id: &str) -> Vec<(String, String)> {
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

    /// True for the views a visibility filter narrows (the others fix the visibility).
    pub fn takes_visibility_filter(self) -> bool {
        matches!(self, CatalogView::Mine | CatalogView::All)
    }

    /// True for views where images of other projects are listed with this project's
    /// member status; the project's own shared images are not invitations to itself.
    pub fn excludes_own_images(self) -> bool {
        matches!(
            self,
            CatalogView::SharedWithMe | CatalogView::Invitations | CatalogView::Rejected
        )
    }

    /// The marker of the page to read instead of showing `page`, when this view would show
    /// nothing of it although Glance has more: Glance lists a project's own shared images
    /// under every member status, so a project with many of them can get whole pages of its
    /// own images in the Invitations tab, which would read "no invitations" above a Next link.
    pub fn skip_marker(self, page: &ImagePage, project_id: &str) -> Option<String> {
        let all_own = page
            .images
            .iter()
            .all(|i| i.owner.as_deref() == Some(project_id));
        (self.excludes_own_images() && all_own)
            .then(|| page.next_marker())
            .flatten()
    }
}

/// How many pages of nothing but the project's own images are read past at most before a
/// page is shown as it is (each is one more request).
pub const OWN_PAGES_SKIPPED: usize = 4;

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
