//! Keystone v3: request bodies and the decoding of its answers (pure, no HTTP here).

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::endpoint::CatalogService;

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
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, Default)]
pub struct NamedRef {
    pub id: String,
    #[serde(default)]
    pub name: String,
}

/// A project the user may scope to.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct ProjectRef {
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub domain_id: Option<String>,
    #[serde(default = "yes")]
    pub enabled: bool,
}

fn yes() -> bool {
    true
}

/// A user or project inside a token: id, name and its domain.
#[derive(Debug, Clone, Deserialize)]
struct ScopedRef {
    id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    domain: Option<NamedRef>,
}

#[derive(Debug, Clone, Deserialize)]
struct TokenBody {
    expires_at: String,
    user: ScopedRef,
    #[serde(default)]
    project: Option<ScopedRef>,
    #[serde(default)]
    roles: Vec<NamedRef>,
    #[serde(default)]
    catalog: Vec<CatalogService>,
    /// Present when the token was issued for an application credential.
    #[serde(default)]
    application_credential: Option<NamedRef>,
}

/// A `POST /v3/auth/tokens` answer, as Keystone sends it and as the session keeps it in
/// `sessionStorage` (read back by the same decoder on a reload).
#[derive(Debug, Clone, Deserialize)]
pub struct TokenEnvelope {
    token: TokenBody,
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
    let env: TokenEnvelope =
        serde_json::from_str(body).map_err(|e| format!("unexpected token answer: {e}"))?;
    Ok(env.info())
}

impl TokenEnvelope {
    /// What the app keeps of it.
    pub fn info(self) -> TokenInfo {
        let t = self.token;
        TokenInfo {
            expires_at: t.expires_at,
            user_id: t.user.id,
            user_name: t.user.name,
            user_domain: t.user.domain.map(|d| d.name).unwrap_or_default(),
            project_id: t.project.as_ref().map(|p| p.id.clone()),
            project_name: t.project.as_ref().map(|p| p.name.clone()),
            project_domain: t.project.and_then(|p| p.domain.map(|d| d.name)),
            roles: t.roles.into_iter().map(|r| r.name).collect(),
            application_credential_id: t.application_credential.map(|c| c.id),
            catalog: t.catalog,
        }
    }
}

#[derive(Deserialize)]
struct ProjectList {
    projects: Vec<ProjectRef>,
}

/// Decodes `GET /v3/auth/projects`, keeping enabled projects sorted by name.
pub fn decode_projects(body: &str) -> Result<Vec<ProjectRef>, String> {
    let list: ProjectList =
        serde_json::from_str(body).map_err(|e| format!("unexpected project list: {e}"))?;
    let mut projects: Vec<ProjectRef> = list.projects.into_iter().filter(|p| p.enabled).collect();
    projects.sort_by_key(|p| p.name.to_lowercase());
    Ok(projects)
}
