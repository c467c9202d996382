//! The access overview: every member of every image the project owns, as rows to filter,
//! sort, count and export. Pure, so it is tested natively.

use super::MemberStatus;

/// One member of one owned image.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AccessRow {
    pub image_id: String,
    pub image_name: String,
    pub project_id: String,
    /// The project's name when the user can know it (one of their own projects).
    pub project_name: Option<String>,
    pub status: MemberStatus,
    pub created_at: String,
    pub updated_at: String,
}

impl AccessRow {
    /// A key that names this row (image and member) across re-reads.
    pub fn key(&self) -> (String, String) {
        (self.image_id.clone(), self.project_id.clone())
    }
}

/// What the user narrowed the table to; empty texts and `None` match everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccessFilter {
    /// Part of the project's id or name.
    pub project: String,
    /// Which statuses to show.
    pub status: Option<StatusChoice>,
    /// Part of the image's name.
    pub image: String,
}

/// A choice of the status filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusChoice {
    /// Members with this status (one this app knows).
    Is(MemberStatus),
    /// Members whose status this app has no words for (blank, or a newer Glance's value):
    /// without this choice they could only be found under "Any status".
    Unknown,
}

impl StatusChoice {
    /// The `<select>` value of this choice.
    pub fn value(&self) -> &str {
        match self {
            StatusChoice::Is(status) => status.as_str(),
            StatusChoice::Unknown => "unknown",
        }
    }

    /// The choice a `<select>` value names; `None` for "Any status" (empty) or a value the
    /// select does not offer.
    pub fn from_value(value: &str) -> Option<StatusChoice> {
        match value {
            "unknown" => Some(StatusChoice::Unknown),
            "" => None,
            known => match MemberStatus::from(known.to_string()) {
                MemberStatus::Other(_) => None,
                status => Some(StatusChoice::Is(status)),
            },
        }
    }

    /// True when a member with `status` passes this choice.
    pub fn admits(&self, status: &MemberStatus) -> bool {
        match self {
            StatusChoice::Is(wanted) => wanted == status,
            StatusChoice::Unknown => matches!(status, MemberStatus::Other(_)),
        }
    }
}

/// Case-insensitive "contains", folding like the catalog's "name contains".
fn contains(haystack: &str, needle: &str) -> bool {
    let fold = |s: &str| {
        s.chars()
            .flat_map(char::to_uppercase)
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let needle = needle.trim();
    needle.is_empty() || fold(haystack).contains(&fold(needle))
}

impl AccessFilter {
    /// True when `row` passes every filter.
    pub fn matches(&self, row: &AccessRow) -> bool {
        let project = contains(&row.project_id, &self.project)
            || row
                .project_name
                .as_deref()
                .is_some_and(|n| contains(n, &self.project));
        let status = self
            .status
            .as_ref()
            .is_none_or(|choice| choice.admits(&row.status));
        project && status && contains(&row.image_name, &self.image)
    }
}

/// A column the table can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccessColumn {
    Image,
    Project,
    Status,
    Added,
    Changed,
}

/// The column and direction of the table's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccessSort {
    pub column: AccessColumn,
    pub ascending: bool,
}

impl Default for AccessSort {
    fn default() -> Self {
        Self {
            column: AccessColumn::Image,
            ascending: true,
        }
    }
}

impl AccessSort {
    /// The order after the user clicks `column`'s header: the same column flips direction,
    /// another column starts ascending.
    pub fn clicked(self, column: AccessColumn) -> Self {
        if self.column == column {
            Self {
                column,
                ascending: !self.ascending,
            }
        } else {
            Self {
                column,
                ascending: true,
            }
        }
    }

    /// The `aria-sort` value of `column`'s header.
    pub fn aria(self, column: AccessColumn) -> &'static str {
        match (self.column == column, self.ascending) {
            (false, _) => "none",
            (true, true) => "ascending",
            (true, false) => "descending",
        }
    }
}

/// The rows that pass `filter`, in `sort` order. Ties keep image name, then project id, so the
/// order is stable across re-reads.
pub fn visible_rows(rows: &[AccessRow], filter: &AccessFilter, sort: AccessSort) -> Vec<AccessRow> {
    let mut out: Vec<AccessRow> = rows.iter().filter(|r| filter.matches(r)).cloned().collect();
    let project_label = |r: &AccessRow| {
        r.project_name
            .clone()
            .unwrap_or_else(|| r.project_id.clone())
    };
    out.sort_by(|a, b| {
        let primary = match sort.column {
            AccessColumn::Image => a.image_name.cmp(&b.image_name),
            AccessColumn::Project => project_label(a).cmp(&project_label(b)),
            AccessColumn::Status => a.status.as_str().cmp(b.status.as_str()),
            AccessColumn::Added => a.created_at.cmp(&b.created_at),
            AccessColumn::Changed => a.updated_at.cmp(&b.updated_at),
        };
        let primary = if sort.ascending {
            primary
        } else {
            primary.reverse()
        };
        primary
            .then_with(|| a.image_name.cmp(&b.image_name))
            .then_with(|| a.image_id.cmp(&b.image_id))
            .then_with(|| a.project_id.cmp(&b.project_id))
    });
    out
}

/// How many rows have each status: (pending, accepted, rejected, other).
pub fn count_by_status(rows: &[AccessRow]) -> (usize, usize, usize, usize) {
    rows.iter()
        .fold((0, 0, 0, 0), |(p, a, r, o), row| match row.status {
            MemberStatus::Pending => (p + 1, a, r, o),
            MemberStatus::Accepted => (p, a + 1, r, o),
            MemberStatus::Rejected => (p, a, r + 1, o),
            MemberStatus::Other(_) => (p, a, r, o + 1),
        })
}

/// One CSV cell: a text a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
/// `@`, or a tab / carriage return before one) gets a leading `'`; then RFC 4180 quoting when
/// the text holds a comma, quote or line break.
pub fn csv_cell(text: &str) -> String {
    let risky = text
        .trim_start_matches(['\t', '\r'])
        .starts_with(['=', '+', '-', '@'])
        || text.starts_with(['\t', '\r']);
    let text = if risky {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The table as a CSV file: UTF-8 with a byte-order mark (so spreadsheets read the names
/// right), CRLF line ends, `header` first (eight columns), then one line per row with both
/// project name (when known) and id, and the status twice: in the reader's words
/// (`status_label`, as on screen) and, last, as Glance spells it, for scripts and operators.
pub fn to_csv(
    header: &[&str; 8],
    rows: &[AccessRow],
    status_label: impl Fn(&str) -> String,
) -> String {
    let mut out = String::from('\u{feff}');
    let line = |cells: Vec<String>| {
        let mut s = cells.join(",");
        s.push_str("\r\n");
        s
    };
    out.push_str(&line(header.iter().map(|h| csv_cell(h)).collect()));
    for r in rows {
        out.push_str(&line(
            [
                r.image_name.as_str(),
                r.image_id.as_str(),
                r.project_name.as_deref().unwrap_or(""),
                r.project_id.as_str(),
                status_label(r.status.as_str()).as_str(),
                r.created_at.as_str(),
                r.updated_at.as_str(),
                r.status.as_str(),
            ]
            .iter()
            .map(|c| csv_cell(c))
            .collect(),
        ));
    }
    out
}

/// One project present in the table, for "remove this project from all images".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectInTable {
    pub id: String,
    /// Its name when the user can know it.
    pub name: Option<String>,
    /// How many rows (images) it is a member of.
    pub images: usize,
}

/// The distinct projects of `rows`, those with a known name first (by name), then the others
/// (by id), each with the
/// number of images it is a member of.
pub fn projects_in(rows: &[AccessRow]) -> Vec<ProjectInTable> {
    let mut projects: Vec<ProjectInTable> = Vec::new();
    for row in rows {
        match projects.iter_mut().find(|p| p.id == row.project_id) {
            Some(p) => p.images += 1,
            None => projects.push(ProjectInTable {
                id: row.project_id.clone(),
                name: row.project_name.clone(),
                images: 1,
            }),
        }
    }
    // Named projects first, by name; then the others by id.
    projects.sort_by(|a, b| {
        (a.name.is_none(), &a.name, &a.id).cmp(&(b.name.is_none(), &b.name, &b.id))
    });
    projects
}

/// The rows where `project_id` is the member: what removing it from all images removes.
pub fn rows_of_project(rows: &[AccessRow], project_id: &str) -> Vec<AccessRow> {
    rows.iter()
        .filter(|r| r.project_id == project_id)
        .cloned()
        .collect()
}
