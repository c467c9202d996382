//! Keystone v3: request bodies and the decoding of its answers (pure, no HTTP here).

use serde_json::{json, Value};

use super::endpoint::CatalogService;
use super::json_fields::Fields;

/// What the user typed to authenticate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credentials {
    /// User name + password in a domain, scoped to a project by name (or unscoped if empty).
    Password {
        user_name: String,
        password: String,
        user_domain: String,
        project_name: String,
        project_domain: String,
    },
    /// An application credential: its scope is fixed when it is created.
    ApplicationCredential { id: String, secret: String },
}

/// The JSON body of `POST /v3/auth/tokens` for these credentials.
pub fn auth_body(credentials: &Credentials) -> Value {
    match credentials {
        Credentials::Password {
            user_name,
            password,
            user_domain,
            project_name,
            project_domain,
        } => {
            let mut body = json!({
                "auth": {
                    "identity": {
                        "methods": ["password"],
                        "password": {
                            "user": {
                                "name": user_name.trim(),
                                "domain": { "name": user_domain.trim() },
                                "password": password,
                            }
                        }
                    }
                }
            });
            if !project_name.trim().is_empty() {
                body["auth"]["scope"] = json!({
                    "project": { "name": project_name.trim(), "domain": { "name": project_domain.trim() } }
                });
            }
            body
        }
        Credentials::ApplicationCredential { id, secret } => json!({
            "auth": {
                "identity": {
                    "methods": ["application_credential"],
                    "application_credential": { "id": id.trim(), "secret": secret }
                }
            }
        }),
    }
}

/// The body that exchanges a token for one scoped to another project (project switching).
pub fn rescope_body(token: &str, project_id: &str) -> Value {
    json!({
        "auth": {
            "identity": { "methods": ["token"], "token": { "id": token } },
            "scope": { "project": { "id": project_id } }
        }
    })
}

/// A name + id pair as Keystone returns for users, projects and domains.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NamedRef {
    pub id: String,
    pub name: String,
}

impl NamedRef {
    fn read(fields: Fields) -> Result<Self, String> {
        Ok(Self {
            id: fields.text("id")?,
            name: fields.text_or_empty("name")?,
        })
    }
}

/// A project the user may scope to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectRef {
    pub id: String,
    pub name: String,
    pub domain_id: Option<String>,
    pub enabled: bool,
}

impl ProjectRef {
    fn read(fields: Fields) -> Result<Self, String> {
        Ok(Self {
            id: fields.text("id")?,
            name: fields.text_or_empty("name")?,
            domain_id: fields.optional_text("domain_id")?,
            enabled: fields.flag_or("enabled", true)?,
        })
    }
}

/// A user or project inside a token: id, name and its domain.
struct ScopedRef {
    id: String,
    name: String,
    domain: Option<NamedRef>,
}

impl ScopedRef {
    fn read(fields: Fields) -> Result<Self, String> {
        Ok(Self {
            id: fields.text("id")?,
            name: fields.text_or_empty("name")?,
            domain: fields
                .optional_object("domain")?
                .map(NamedRef::read)
                .transpose()?,
        })
    }
}

/// What the app keeps from a token answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenInfo {
    pub expires_at: String,
    pub user_id: String,
    pub user_name: String,
    pub user_domain: String,
    pub project_id: Option<String>,
    pub project_name: Option<String>,
    pub project_domain: Option<String>,
    pub roles: Vec<String>,
    /// The application credential the token was issued for, if any.
    pub application_credential_id: Option<String>,
    pub catalog: Vec<CatalogService>,
}

/// Whether `token` can be sent as `X-Auth-Token`: not empty, visible ASCII only (what
/// Keystone issues: Fernet, JWS and UUID tokens). A browser refuses to send any other header
/// value, and gloo-net throws on it instead of failing the request; a session kept in storage
/// (which anyone at the console can edit) or an odd `X-Subject-Token` is checked here first.
pub fn usable_token(token: &str) -> bool {
    !token.is_empty() && token.bytes().all(|b| b.is_ascii_graphic())
}

/// Decodes the body of a `POST /v3/auth/tokens` answer.
pub fn decode_token(body: &str) -> Result<TokenInfo, String> {
    let answer: Value =
        serde_json::from_str(body).map_err(|e| format!("unexpected token answer: {e}"))?;
    token_info(&answer).map_err(|e| format!("unexpected token answer: {e}"))
}

/// What the app keeps of a token answer (`{"token": {...}}`), already parsed: the body of a
/// login, or the answer a stored session holds.
pub fn token_info(answer: &Value) -> Result<TokenInfo, String> {
    let token = Fields::of(answer, "")?.object("token")?;
    let user = ScopedRef::read(token.object("user")?)?;
    let project = token
        .optional_object("project")?
        .map(ScopedRef::read)
        .transpose()?;
    let roles = token.list_of("roles", NamedRef::read)?;
    let application_credential = token
        .optional_object("application_credential")?
        .map(NamedRef::read)
        .transpose()?;
    Ok(TokenInfo {
        expires_at: token.text("expires_at")?,
        user_id: user.id,
        user_name: user.name,
        user_domain: user.domain.map(|d| d.name).unwrap_or_default(),
        project_id: project.as_ref().map(|p| p.id.clone()),
        project_name: project.as_ref().map(|p| p.name.clone()),
        project_domain: project.and_then(|p| p.domain.map(|d| d.name)),
        roles: roles.into_iter().map(|r| r.name).collect(),
        application_credential_id: application_credential.map(|c| c.id),
        catalog: token.list_of("catalog", CatalogService::read)?,
    })
}

/// Decodes `GET /v3/auth/projects`, keeping enabled projects sorted by name.
pub fn decode_projects(body: &str) -> Result<Vec<ProjectRef>, String> {
    let answer: Value =
        serde_json::from_str(body).map_err(|e| format!("unexpected project list: {e}"))?;
    let listed = Fields::of(&answer, "")
        .and_then(
            |answer| match answer.list_of("projects", ProjectRef::read) {
                // Required: an answer without the list is not a project list.
                Ok(list) if answer.has("projects") => Ok(list),
                Ok(_) => Err("`projects` is missing".to_string()),
                Err(e) => Err(e),
            },
        )
        .map_err(|e| format!("unexpected project list: {e}"))?;
    let mut projects: Vec<ProjectRef> = listed.into_iter().filter(|p| p.enabled).collect();
    projects.sort_by_key(|p| p.name.to_lowercase());
    Ok(projects)
}
