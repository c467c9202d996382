//! The Glance calls behind the access overview: the project's own shared images, page by page.

use super::url::query_string;

/// How many images one listing page asks for (Glance's usual maximum).
pub const ACCESS_PAGE_SIZE: u32 = 100;

/// `GET /v2/images` for the shared images `project_id` owns, from after `marker`.
pub fn owned_shared_path(project_id: &str, marker: Option<&str>) -> String {
    let mut pairs = vec![
        ("owner".to_string(), project_id.to_string()),
        ("visibility".to_string(), "shared".to_string()),
        ("limit".to_string(), ACCESS_PAGE_SIZE.to_string()),
        ("sort_key".to_string(), "name".to_string()),
        ("sort_dir".to_string(), "asc".to_string()),
    ];
    if let Some(m) = marker {
        pairs.push(("marker".to_string(), m.to_string()));
    }
    format!("/v2/images?{}", query_string(&pairs))
}
