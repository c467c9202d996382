//! Interoperable image import (pure): which methods a cloud offers, the body of
//! `POST /v2/images/{id}/import`, and how to read the import's progress from the image and
//! its tasks.
//!
//! Seen on Glance 33: `glance-direct` takes the data with `PUT /v2/images/{id}/stage`
//! (status `uploading`), then the import request moves it into the store (`importing`, then
//! `active`). `web-download` makes Glance fetch a URL itself. When an import fails the image
//! goes back to `queued` and the only account of why is the newest entry of
//! `GET /v2/images/{id}/tasks` (`status: failure` with a `message`).

use serde::Deserialize;
use serde_json::{json, Value};

use crate::model::ImageStatus;

/// How the create page sends the image's data to Glance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataSource {
    /// `PUT /v2/images/{id}/file`: works on every cloud.
    Upload,
    /// Interoperable import, `glance-direct`: stage the file, then ask Glance to import it.
    Stage,
    /// Interoperable import, `web-download`: Glance fetches the URL itself.
    WebDownload(String),
}

impl DataSource {
    /// Whether the data comes from a file the user picks (not a URL).
    pub fn needs_file(&self) -> bool {
        !matches!(self, DataSource::WebDownload(_))
    }
}

pub const GLANCE_DIRECT: &str = "glance-direct";
pub const WEB_DOWNLOAD: &str = "web-download";

/// The import methods this app can drive, from the body of `GET /v2/info/import`
/// (`{"import-methods": {"value": [...]}}`), in the cloud's order. Methods the app does not
/// offer (copy-image, glance-download: they copy existing images between stores or regions)
/// are left out.
pub fn offered_methods(body: &str) -> Vec<&'static str> {
    let Ok(value) = serde_json::from_str::<Value>(body) else {
        return Vec::new();
    };
    value
        .pointer("/import-methods/value")
        .and_then(Value::as_array)
        .map(|methods| {
            methods
                .iter()
                .filter_map(Value::as_str)
                .filter_map(|m| [GLANCE_DIRECT, WEB_DOWNLOAD].into_iter().find(|k| *k == m))
                .collect()
        })
        .unwrap_or_default()
}

/// Why a web-download URL was not sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlProblem {
    Empty,
    /// Glance fetches only http and https.
    NotHttp,
}

/// Checks a web-download URL the way Glance will at least (scheme); Glance's own host and
/// port filters are applied by Glance and answered with its words.
pub fn check_url(url: &str) -> Result<String, UrlProblem> {
    let url = url.trim();
    if url.is_empty() {
        return Err(UrlProblem::Empty);
    }
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("http://")
        .or_else(|| lower.strip_prefix("https://"));
    match rest {
        Some(host) if !host.is_empty() && !host.starts_with('/') => Ok(url.to_string()),
        _ => Err(UrlProblem::NotHttp),
    }
}

/// The body of `POST /v2/images/{id}/import` for `source`, or `None` for a plain upload.
pub fn import_body(source: &DataSource) -> Option<Value> {
    match source {
        DataSource::Upload => None,
        DataSource::Stage => Some(json!({"method": {"name": GLANCE_DIRECT}})),
        DataSource::WebDownload(url) => {
            Some(json!({"method": {"name": WEB_DOWNLOAD, "uri": url.trim()}}))
        }
    }
}

/// One entry of `GET /v2/images/{id}/tasks`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ImportTask {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub created_at: String,
    /// The id of the request that started the import: what an operator looks up.
    #[serde(default)]
    pub request_id: Option<String>,
}

/// The body of `GET /v2/images/{id}/tasks`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct TaskList {
    #[serde(default)]
    pub tasks: Vec<ImportTask>,
}

/// Where an import stands, as shown to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportState {
    /// Still going; the image's status (queued, uploading, importing, …).
    Running(ImageStatus),
    Active,
    /// Glance gave up: its words when it left any, and the import request's id.
    Failed {
        message: Option<String>,
        request_id: Option<String>,
    },
}

/// Reads the import's state from the image's status and its tasks. Tasks in `earlier` (the
/// ids listed before this attempt started) do not count, so an earlier failed attempt does
/// not fail a retry.
pub fn import_state(status: &ImageStatus, tasks: &[ImportTask], earlier: &[String]) -> ImportState {
    match status {
        ImageStatus::Active => return ImportState::Active,
        ImageStatus::Killed | ImageStatus::Deleted | ImageStatus::PendingDelete => {
            return ImportState::Failed {
                message: None,
                request_id: None,
            }
        }
        _ => {}
    }
    let newest = tasks
        .iter()
        .filter(|t| !earlier.contains(&t.id))
        .max_by(|a, b| a.created_at.cmp(&b.created_at));
    match newest {
        Some(task) if task.status == "failure" => ImportState::Failed {
            message: task.message.clone().filter(|m| !m.trim().is_empty()),
            request_id: task.request_id.clone(),
        },
        _ => ImportState::Running(status.clone()),
    }
}
