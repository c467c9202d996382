//! The runtime `config.json` that tells one build which cloud to talk to.
//!
//! Field names follow `clouds.yaml`, which OpenStack users already know.

/// Which endpoint of the service catalog to use (`interface` in `clouds.yaml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Interface {
    #[default]
    Public,
    Internal,
    Admin,
}

impl Interface {
    /// The value Keystone's catalog uses for this interface.
    pub fn as_str(self) -> &'static str {
        match self {
            Interface::Public => "public",
            Interface::Internal => "internal",
            Interface::Admin => "admin",
        }
    }

    fn parse(value: &str) -> Option<Self> {
        // clouds.yaml and old catalogs also spell them "publicURL", "internalURL".
        match value
            .trim()
            .trim_end_matches("URL")
            .to_ascii_lowercase()
            .as_str()
        {
            "public" => Some(Interface::Public),
            "internal" => Some(Interface::Internal),
            "admin" => Some(Interface::Admin),
            _ => None,
        }
    }
}

/// The app's configuration, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppConfig {
    /// Keystone v3 base URL, always ending in `/v3`, without a trailing slash.
    pub auth_url: String,
    /// Region to pick endpoints from; `None` takes the first matching endpoint.
    pub region_name: Option<String>,
    pub interface: Interface,
    /// Glance base URL to use instead of the catalog's (e.g. a same-origin proxy path).
    pub image_endpoint_override: Option<String>,
    pub user_domain_name: String,
    pub project_domain_name: String,
    /// A name for the cloud shown on the login page.
    pub cloud_name: Option<String>,
    /// Seconds an API call may take before it is abandoned and reported as unanswered.
    pub request_timeout_s: u32,
    /// Seconds an upload or download may go without progress before it counts as stalled
    /// (transfers of big images take long, so they get no overall timeout).
    pub transfer_stall_s: u32,
    /// Downloads of images up to this many MiB go through the browser's own download (the
    /// data collected in browser memory, then saved where the browser saves downloads);
    /// bigger ones, where the browser can, stream into a file picked in a save dialog.
    pub stream_downloads_above_mib: u32,
}

/// Default of `request_timeout_s`.
pub const DEFAULT_REQUEST_TIMEOUT_S: u32 = 30;
/// Default of `transfer_stall_s`.
pub const DEFAULT_TRANSFER_STALL_S: u32 = 60;
/// Default of `stream_downloads_above_mib`: an image of that size in memory is no burden to a
/// laptop's browser, and below it a save dialog for every download is in the way.
pub const DEFAULT_STREAM_DOWNLOADS_ABOVE_MIB: u32 = 256;
/// Largest accepted `stream_downloads_above_mib` (64 GiB): more is a typo.
const MAX_MIB: u64 = 65_536;
/// Longest accepted for either (one day): more is a typo, and the browser clamps timers anyway.
const MAX_SECONDS: u64 = 86_400;

/// Why `config.json` could not be used, in words that tell the operator what to fix (the
/// page shows them from the message catalog; `Display` is the English text for logs and tests).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("config.json could not be fetched: {0}")]
    FetchFailed(String),
    #[error("config.json did not arrive within {0} seconds.")]
    TimedOut(u32),
    #[error("config.json could not be loaded (HTTP {0}). Put a config.json next to index.html.")]
    Http(u16),
    #[error("config.json could not be read: {0}")]
    Unreadable(String),
    #[error("config.json is not valid JSON: {0}")]
    BadJson(String),
    #[error("config.json has no \"auth_url\" (the Keystone v3 URL, e.g. \"https://keystone.example.com/v3\" or \"/identity/v3\")")]
    MissingAuthUrl,
    #[error(
        "config.json: \"interface\" must be \"public\", \"internal\" or \"admin\", not \"{0}\""
    )]
    BadInterface(String),
    #[error("config.json: \"{field}\" must be a string")]
    NotAString { field: &'static str },
    #[error("config.json: \"{field}\" must be a whole number of seconds from 1 to 86400")]
    BadSeconds { field: &'static str },
    #[error("config.json: \"{field}\" must be a whole number of MiB from 0 to 65536")]
    BadMib { field: &'static str },
    #[error("config.json: \"{field}\" must start with https://, http:// or / (not \"{url}\")")]
    UrlNotHttp { field: &'static str, url: String },
    #[error("config.json: \"{field}\" is http:// (\"{url}\") but this page is https://: the browser blocks such calls (mixed content)")]
    MixedContent { field: &'static str, url: String },
}

/// What is wrong with a URL the browser is to call, as seen from the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlProblem {
    /// Neither `https://`, `http://` nor a path on this site (`/…`): the browser would take it
    /// as a path relative to the page, or refuse it.
    NotHttp,
    /// `http://` from an `https://` page: the browser blocks it as mixed content.
    MixedContent,
}

/// Checks that the browser may call `url` from a page served over https (`page_is_https`) or
/// plain http. Paths on this site (`/image`) and `//host` inherit the page's scheme.
pub fn check_url(url: &str, page_is_https: bool) -> Result<(), UrlProblem> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    if url.starts_with('/') || lower.starts_with("https://") {
        Ok(())
    } else if lower.starts_with("http://") {
        if page_is_https {
            Err(UrlProblem::MixedContent)
        } else {
            Ok(())
        }
    } else {
        Err(UrlProblem::NotHttp)
    }
}

/// The config's URLs as seen from the page: `auth_url` and `image_endpoint_override` must be
/// callable from it (checked at start-up, so a wrong setting is named before anyone logs in).
pub fn check_for_page(config: &AppConfig, page_is_https: bool) -> Result<(), ConfigError> {
    let urls = [
        ("auth_url", Some(&config.auth_url)),
        (
            "image_endpoint_override",
            config.image_endpoint_override.as_ref(),
        ),
    ];
    for (field, url) in urls {
        let Some(url) = url else { continue };
        match check_url(url, page_is_https) {
            Ok(()) => {}
            Err(UrlProblem::NotHttp) => {
                return Err(ConfigError::UrlNotHttp {
                    field,
                    url: url.clone(),
                })
            }
            Err(UrlProblem::MixedContent) => {
                return Err(ConfigError::MixedContent {
                    field,
                    url: url.clone(),
                })
            }
        }
    }
    Ok(())
}

fn optional_string(
    value: Option<serde_json::Value>,
    field: &'static str,
) -> Result<Option<String>, ConfigError> {
    match value {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(serde_json::Value::String(s)) => Ok(Some(s.trim().to_string())),
        Some(_) => Err(ConfigError::NotAString { field }),
    }
}

/// A whole number in `range`, or `default` when absent; `bad` when anything else.
fn whole_number(
    value: Option<serde_json::Value>,
    range: std::ops::RangeInclusive<u64>,
    default: u32,
    bad: ConfigError,
) -> Result<u32, ConfigError> {
    match value {
        None | Some(serde_json::Value::Null) => Ok(default),
        Some(serde_json::Value::Number(n)) => n
            .as_u64()
            .filter(|s| range.contains(s))
            .and_then(|s| u32::try_from(s).ok())
            .ok_or(bad),
        Some(_) => Err(bad),
    }
}

/// A number of seconds (1 to one day), or the default when absent.
fn seconds(
    value: Option<serde_json::Value>,
    field: &'static str,
    default: u32,
) -> Result<u32, ConfigError> {
    whole_number(
        value,
        1..=MAX_SECONDS,
        default,
        ConfigError::BadSeconds { field },
    )
}

/// Normalises a Keystone URL to end in `/v3` (clouds.yaml often gives the root URL).
pub fn normalize_auth_url(url: &str) -> String {
    let trimmed = url.trim().trim_end_matches('/');
    if trimmed.ends_with("/v3") {
        trimmed.to_string()
    } else {
        format!("{trimmed}/v3")
    }
}

/// Parses and validates the text of `config.json`.
pub fn parse_config(text: &str) -> Result<AppConfig, ConfigError> {
    // Parsed once, each field taken out by name (no serde derive: README "Size").
    let parsed: serde_json::Value =
        serde_json::from_str(text).map_err(|e| ConfigError::BadJson(e.to_string()))?;
    let serde_json::Value::Object(mut fields) = parsed else {
        return Err(ConfigError::BadJson("the file is not a JSON object".into()));
    };
    let mut raw = |name: &str| fields.remove(name);
    let auth_url =
        optional_string(raw("auth_url"), "auth_url")?.ok_or(ConfigError::MissingAuthUrl)?;
    let interface = match optional_string(raw("interface"), "interface")? {
        None => Interface::Public,
        Some(s) => Interface::parse(&s).ok_or(ConfigError::BadInterface(s))?,
    };
    Ok(AppConfig {
        auth_url: normalize_auth_url(&auth_url),
        region_name: optional_string(raw("region_name"), "region_name")?,
        interface,
        image_endpoint_override: optional_string(
            raw("image_endpoint_override"),
            "image_endpoint_override",
        )?
        .map(|u| u.trim_end_matches('/').to_string()),
        user_domain_name: optional_string(raw("user_domain_name"), "user_domain_name")?
            .unwrap_or_else(|| "Default".into()),
        project_domain_name: optional_string(raw("project_domain_name"), "project_domain_name")?
            .unwrap_or_else(|| "Default".into()),
        cloud_name: optional_string(raw("cloud_name"), "cloud_name")?,
        request_timeout_s: seconds(
            raw("request_timeout_s"),
            "request_timeout_s",
            DEFAULT_REQUEST_TIMEOUT_S,
        )?,
        transfer_stall_s: seconds(
            raw("transfer_stall_s"),
            "transfer_stall_s",
            DEFAULT_TRANSFER_STALL_S,
        )?,
        stream_downloads_above_mib: whole_number(
            raw("stream_downloads_above_mib"),
            0..=MAX_MIB,
            DEFAULT_STREAM_DOWNLOADS_ABOVE_MIB,
            ConfigError::BadMib {
                field: "stream_downloads_above_mib",
            },
        )?,
    })
}
