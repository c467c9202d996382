//! What the access overview shows, as its address: `/access?project=…&status=…&image=…&sort=…`,
//! so a reload, a bookmark or a shared link keeps the filters and the order.

use super::access::{AccessColumn, AccessSort, StatusChoice};
use crate::api::url::query_string;

/// The filters as typed and chosen, and the table's order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AccessView {
    /// Text the project column must contain.
    pub project: String,
    /// The status `<select>`'s value (`""`: any status).
    pub status: String,
    /// Text the image column must contain.
    pub image: String,
    pub sort: AccessSort,
}

impl AccessColumn {
    /// The column's name in the address.
    pub fn key(self) -> &'static str {
        match self {
            AccessColumn::Image => "image",
            AccessColumn::Project => "project",
            AccessColumn::Status => "status",
            AccessColumn::Added => "added",
            AccessColumn::Changed => "changed",
        }
    }

    fn from_key(key: &str) -> Option<Self> {
        [
            AccessColumn::Image,
            AccessColumn::Project,
            AccessColumn::Status,
            AccessColumn::Added,
            AccessColumn::Changed,
        ]
        .into_iter()
        .find(|c| c.key() == key)
    }
}

impl AccessView {
    /// The view an address's query names. What it does not name, or names wrongly (a status
    /// the select does not offer, an unknown column), is left at its default: a hand-edited
    /// link still opens the page.
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut view = AccessView::default();
        for (key, value) in pairs {
            match key.as_str() {
                "project" => view.project = value.clone(),
                "image" => view.image = value.clone(),
                "status" if StatusChoice::from_value(value).is_some() => {
                    view.status = value.clone()
                }
                "sort" => {
                    if let Some(column) = AccessColumn::from_key(value) {
                        view.sort.column = column;
                    }
                }
                "dir" => view.sort.ascending = value != "desc",
                _ => {}
            }
        }
        view
    }

    /// The page's address for this view; `/access` alone for the default one.
    pub fn href(&self) -> String {
        let mut pairs = Vec::new();
        for (key, value) in [
            ("project", &self.project),
            ("status", &self.status),
            ("image", &self.image),
        ] {
            if !value.is_empty() {
                pairs.push((key.to_string(), value.clone()));
            }
        }
        if self.sort.column != AccessSort::default().column {
            pairs.push(("sort".into(), self.sort.column.key().into()));
        }
        if !self.sort.ascending {
            pairs.push(("dir".into(), "desc".into()));
        }
        if pairs.is_empty() {
            "/access".into()
        } else {
            format!("/access?{}", query_string(&pairs))
        }
    }
}
