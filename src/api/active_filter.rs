//! The filters a catalog query applies, one by one, so each can be shown and taken away on
//! its own (the filter bar's chips).

use super::image_query::{DateBound, ImageQuery};

/// One filter of an [`ImageQuery`], with its value as the URL holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActiveFilter {
    Name(String),
    Contains(String),
    Status(String),
    Visibility(String),
    DiskFormat(String),
    ContainerFormat(String),
    /// One tag: a query may require several, each is taken away on its own.
    Tag(String),
    Protected(bool),
    Hidden(bool),
    /// Bytes.
    SizeMin(u64),
    /// Bytes.
    SizeMax(u64),
    Created(DateBound),
    Updated(DateBound),
}

impl ImageQuery {
    /// The filters this query applies, in the order of the form's fields. A visibility the
    /// view ignores (a tab that fixes the visibility itself) is not one.
    pub fn active_filters(&self) -> Vec<ActiveFilter> {
        use ActiveFilter as F;
        let mut out = Vec::new();
        let text = |v: &Option<String>, make: fn(String) -> ActiveFilter| v.clone().map(make);
        out.extend(text(&self.name, F::Name));
        out.extend(text(&self.contains, F::Contains));
        out.extend(text(&self.status, F::Status));
        if self.view.takes_visibility_filter() {
            out.extend(text(&self.visibility, F::Visibility));
        }
        out.extend(text(&self.disk_format, F::DiskFormat));
        out.extend(text(&self.container_format, F::ContainerFormat));
        out.extend(self.tags.iter().cloned().map(F::Tag));
        out.extend(self.protected.map(F::Protected));
        out.extend(self.hidden.map(F::Hidden));
        out.extend(self.size_min.map(F::SizeMin));
        out.extend(self.size_max.map(F::SizeMax));
        out.extend(self.created.clone().map(F::Created));
        out.extend(self.updated.clone().map(F::Updated));
        out
    }

    /// The same query without `filter`, from the first page (the rows change).
    pub fn without(&self, filter: &ActiveFilter) -> Self {
        use ActiveFilter as F;
        let mut q = self.first_page();
        match filter {
            F::Name(_) => q.name = None,
            F::Contains(_) => q.contains = None,
            F::Status(_) => q.status = None,
            F::Visibility(_) => q.visibility = None,
            F::DiskFormat(_) => q.disk_format = None,
            F::ContainerFormat(_) => q.container_format = None,
            // One chip per tag as the URL lists them: a repeated tag goes one at a time.
            F::Tag(tag) => {
                if let Some(at) = q.tags.iter().position(|t| t == tag) {
                    q.tags.remove(at);
                }
            }
            F::Protected(_) => q.protected = None,
            F::Hidden(_) => q.hidden = None,
            F::SizeMin(_) => q.size_min = None,
            F::SizeMax(_) => q.size_max = None,
            F::Created(_) => q.created = None,
            F::Updated(_) => q.updated = None,
        }
        q
    }
}
