//! The catalog filter form's fields, as typed, and their mapping to and from the query.

use leptos::prelude::*;

use crate::api::image_query::{within_glance_sizes, DateBound, ImageQuery};
use crate::format::mib::{bytes_of_mib, mib_text};

/// The filter form's fields as typed (strings), so nothing is lost while editing.
#[derive(Clone, Copy)]
pub struct Fields {
    pub name: RwSignal<String>,
    pub contains: RwSignal<String>,
    pub status: RwSignal<String>,
    pub visibility: RwSignal<String>,
    pub disk_format: RwSignal<String>,
    pub container_format: RwSignal<String>,
    pub tag: RwSignal<String>,
    pub protected: RwSignal<String>,
    pub hidden: RwSignal<String>,
    pub size_min: RwSignal<String>,
    pub size_max: RwSignal<String>,
    pub created_op: RwSignal<String>,
    pub created: RwSignal<String>,
    pub updated_op: RwSignal<String>,
    pub updated: RwSignal<String>,
}

impl Fields {
    pub fn new() -> Self {
        let s = || RwSignal::new(String::new());
        Self {
            name: s(),
            contains: s(),
            status: s(),
            visibility: s(),
            disk_format: s(),
            container_format: s(),
            tag: s(),
            protected: s(),
            hidden: s(),
            size_min: s(),
            size_max: s(),
            created_op: RwSignal::new("after".into()),
            created: s(),
            updated_op: RwSignal::new("after".into()),
            updated: s(),
        }
    }

    /// Shows the filters of `q` in the form.
    pub fn load(&self, q: &ImageQuery) {
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let flag = |v: Option<bool>| v.map(|b| b.to_string()).unwrap_or_default();
        self.name.set(opt(&q.name));
        self.contains.set(opt(&q.contains));
        self.status.set(opt(&q.status));
        self.visibility.set(opt(&q.visibility));
        self.disk_format.set(opt(&q.disk_format));
        self.container_format.set(opt(&q.container_format));
        self.tag.set(q.tags.join(", "));
        self.protected.set(flag(q.protected));
        self.hidden.set(flag(q.hidden));
        self.size_min.set(mib_text(q.size_min));
        self.size_max.set(mib_text(q.size_max));
        let bound = |b: &Option<DateBound>, op: RwSignal<String>, date: RwSignal<String>| {
            op.set(
                if b.as_ref().is_some_and(|b| !b.after) {
                    "before"
                } else {
                    "after"
                }
                .into(),
            );
            date.set(b.as_ref().map(|b| b.date.clone()).unwrap_or_default());
        };
        bound(&q.created, self.created_op, self.created);
        bound(&q.updated, self.updated_op, self.updated);
    }

    /// `base` (view, sort, page size) with the filters as typed, from the first page.
    pub fn to_query(self, base: &ImageQuery) -> ImageQuery {
        let text = |s: RwSignal<String>| {
            Some(s.get_untracked().trim().to_string()).filter(|v| !v.is_empty())
        };
        let flag = |s: RwSignal<String>| match s.get_untracked().as_str() {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        };
        let bound = |op: RwSignal<String>, date: RwSignal<String>| {
            DateBound::parse(&format!(
                "{}:{}",
                op.get_untracked(),
                date.get_untracked().trim()
            ))
        };
        ImageQuery {
            name: text(self.name),
            contains: text(self.contains),
            status: text(self.status),
            visibility: text(self.visibility),
            disk_format: text(self.disk_format),
            container_format: text(self.container_format),
            tags: crate::format::comma_list(&self.tag.get_untracked()),
            protected: flag(self.protected),
            hidden: flag(self.hidden),
            size_min: bytes_of_mib(&self.size_min.get_untracked()).map(within_glance_sizes),
            size_max: bytes_of_mib(&self.size_max.get_untracked()).map(within_glance_sizes),
            created: bound(self.created_op, self.created),
            updated: bound(self.updated_op, self.updated),
            ..base.first_page()
        }
    }
}

impl Default for Fields {
    fn default() -> Self {
        Self::new()
    }
}
