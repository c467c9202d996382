//! Picking the Glance endpoint out of a Keystone token's service catalog.

use serde::{Deserialize, Serialize};

use super::config::{AppConfig, Interface};

/// One service of the catalog (`token.catalog[]`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct CatalogService {
    #[serde(rename = "type")]
    pub service_type: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub endpoints: Vec<CatalogEndpoint>,
}

/// One endpoint of a catalog service.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct CatalogEndpoint {
    pub interface: String,
    #[serde(default)]
    pub region_id: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    pub url: String,
}

/// Why no image endpoint could be chosen.
/// Kept in the stored session, so the page can say it in the language chosen later.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Deserialize, Serialize)]
pub enum CatalogError {
    #[error("This cloud's service catalog has no image service (type \"image\"). Ask the operator, or set \"image_endpoint_override\" in config.json.")]
    NoImageService,
    /// `region` is empty when config.json names none.
    #[error("The image service has no \"{interface}\" endpoint (region \"{region}\"). Check \"interface\" and \"region_name\" in config.json.")]
    NoMatchingEndpoint { interface: String, region: String },
}

/// Removes a trailing slash and a trailing version (`/v2`), so paths can be appended.
pub fn glance_base(url: &str) -> String {
    let trimmed = url.trim().trim_end_matches('/');
    trimmed
        .strip_suffix("/v2")
        .or_else(|| trimmed.strip_suffix("/v2.0"))
        .unwrap_or(trimmed)
        .to_string()
}

/// The Glance base URL to use: the override from config if set, otherwise the catalog's
/// image endpoint for the configured interface and region.
pub fn image_endpoint(
    catalog: &[CatalogService],
    config: &AppConfig,
) -> Result<String, CatalogError> {
    if let Some(url) = &config.image_endpoint_override {
        return Ok(glance_base(url));
    }
    select_endpoint(
        catalog,
        "image",
        config.interface,
        config.region_name.as_deref(),
    )
    .map(|u| glance_base(&u))
}

/// The URL of the first endpoint of `service_type` matching interface and (if given) region.
pub fn select_endpoint(
    catalog: &[CatalogService],
    service_type: &str,
    interface: Interface,
    region: Option<&str>,
) -> Result<String, CatalogError> {
    let services: Vec<&CatalogService> = catalog
        .iter()
        .filter(|s| s.service_type == service_type)
        .collect();
    if services.is_empty() {
        return Err(CatalogError::NoImageService);
    }
    services
        .iter()
        .flat_map(|s| s.endpoints.iter())
        .find(|e| {
            e.interface == interface.as_str()
                && region.is_none_or(|r| {
                    e.region_id.as_deref() == Some(r) || e.region.as_deref() == Some(r)
                })
        })
        .map(|e| e.url.clone())
        .ok_or_else(|| CatalogError::NoMatchingEndpoint {
            interface: interface.as_str().to_string(),
            region: region.unwrap_or_default().to_string(),
        })
}
