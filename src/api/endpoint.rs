//! Picking the Glance endpoint out of a Keystone token's service catalog.

use super::config::{check_url, AppConfig, Interface, UrlProblem};
use super::json_fields::Fields;

/// One service of the catalog (`token.catalog[]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogService {
    pub service_type: String,
    pub name: Option<String>,
    pub endpoints: Vec<CatalogEndpoint>,
}

impl CatalogService {
    /// One service as the token answer holds it (`type` required).
    pub fn read(fields: Fields) -> Result<Self, String> {
        Ok(Self {
            service_type: fields.text("type")?,
            name: fields.optional_text("name")?,
            endpoints: fields.list_of("endpoints", CatalogEndpoint::read)?,
        })
    }
}

/// One endpoint of a catalog service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogEndpoint {
    pub interface: String,
    pub region_id: Option<String>,
    pub region: Option<String>,
    pub url: String,
}

impl CatalogEndpoint {
    fn read(fields: Fields) -> Result<Self, String> {
        Ok(Self {
            interface: fields.text("interface")?,
            region_id: fields.optional_text("region_id")?,
            region: fields.optional_text("region")?,
            url: fields.text("url")?,
        })
    }
}

/// Why no image endpoint could be chosen.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogError {
    #[error("This cloud's service catalog has no image service (type \"image\"). Ask the operator, or set \"image_endpoint_override\" in config.json.")]
    NoImageService,
    #[error("The image service has no \"{interface}\" endpoint{}. Check \"interface\" and \"region_name\" in config.json.", in_region(.region))]
    NoMatchingEndpoint {
        interface: String,
        /// The configured region, empty when none is set.
        region: String,
    },
    #[error("The image endpoint in the service catalog is not an http(s) URL (\"{url}\"). Ask the operator to fix the catalog, or set \"image_endpoint_override\" in config.json.")]
    NotHttp { url: String },
    #[error("The image endpoint in the service catalog is http:// (\"{url}\") but this page is https://: the browser blocks it (mixed content). Set \"image_endpoint_override\" in config.json to an https:// URL or a proxy path such as \"/image\".")]
    MixedContent { url: String },
}

fn in_region(region: &str) -> String {
    if region.is_empty() {
        String::new()
    } else {
        format!(" in region \"{region}\"")
    }
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

/// [`image_endpoint`], checked for the page: a catalog URL the browser cannot call from it
/// (not http(s), or http:// from an https:// page) is reported, naming the setting that fixes
/// it. An override was already checked at start-up ([`super::config::check_for_page`]).
pub fn image_endpoint_for_page(
    catalog: &[CatalogService],
    config: &AppConfig,
    page_is_https: bool,
) -> Result<String, CatalogError> {
    let url = image_endpoint(catalog, config)?;
    if config.image_endpoint_override.is_some() {
        return Ok(url);
    }
    match check_url(&url, page_is_https) {
        Ok(()) => Ok(url),
        Err(UrlProblem::NotHttp) => Err(CatalogError::NotHttp { url }),
        Err(UrlProblem::MixedContent) => Err(CatalogError::MixedContent { url }),
    }
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
