//! The one HTTP transport (browser fetch through gloo-net) and the calls the app makes.
//!
//! Every call returns a typed value or an [`ApiError`] carrying the service's words and the
//! request id; nothing here panics on what the network sends.

use gloo_net::http::{Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use web_sys::AbortSignal;

use super::error::ApiError;
use super::keystone::{self, Credentials, ProjectRef, TokenInfo};
use crate::model::{Image, ImagePage};

const REQUEST_ID: &str = "x-openstack-request-id";

/// A decoded answer: status, body text and request id.
struct Answer {
    body: String,
    request_id: Option<String>,
    response: Response,
}

/// Sends a request and turns a non-2xx answer into an [`ApiError`].
async fn run(request: Result<Request, gloo_net::Error>) -> Result<Answer, ApiError> {
    let request = request.map_err(|e| ApiError::network(e.to_string()))?;
    let response = request
        .send()
        .await
        .map_err(|e| ApiError::network(e.to_string()))?;
    let request_id = response.headers().get(REQUEST_ID);
    let body = response.text().await.unwrap_or_default();
    if !response.ok() {
        return Err(ApiError::from_response(
            response.status(),
            &body,
            request_id,
        ));
    }
    Ok(Answer {
        body,
        request_id,
        response,
    })
}

fn decode<T: DeserializeOwned>(answer: &Answer) -> Result<T, ApiError> {
    serde_json::from_str(&answer.body)
        .map_err(|e| ApiError::decode(format!("unexpected answer: {e}"), answer.request_id.clone()))
}

/// Adds the headers every OpenStack call wants: JSON errors and the token.
fn with_token(builder: RequestBuilder, token: &str) -> RequestBuilder {
    // Without Accept: application/json, Glance answers errors in HTML.
    builder
        .header("Accept", "application/json")
        .header("X-Auth-Token", token)
}

/// A new token and what Keystone says about it.
pub struct IssuedToken {
    pub token: String,
    pub info: TokenInfo,
}

async fn issue_token(auth_url: &str, body: serde_json::Value) -> Result<IssuedToken, ApiError> {
    let request = Request::post(&format!("{auth_url}/auth/tokens"))
        .header("Accept", "application/json")
        .json(&body);
    let answer = run(request).await?;
    let token = answer
        .response
        .headers()
        .get("x-subject-token")
        .ok_or_else(|| {
            ApiError::decode(
            "Keystone did not expose the X-Subject-Token header (check its CORS expose_headers)",
            answer.request_id.clone(),
        )
        })?;
    let info = keystone::decode_token(&answer.body)
        .map_err(|e| ApiError::decode(e, answer.request_id.clone()))?;
    Ok(IssuedToken { token, info })
}

/// `POST /v3/auth/tokens` with a password or an application credential.
pub async fn log_in(auth_url: &str, credentials: &Credentials) -> Result<IssuedToken, ApiError> {
    issue_token(auth_url, keystone::auth_body(credentials)).await
}

/// Exchanges `token` for one scoped to `project_id`.
pub async fn rescope(
    auth_url: &str,
    token: &str,
    project_id: &str,
) -> Result<IssuedToken, ApiError> {
    issue_token(auth_url, keystone::rescope_body(token, project_id)).await
}

/// `GET /v3/auth/projects`: the projects this user may scope to.
pub async fn my_projects(auth_url: &str, token: &str) -> Result<Vec<ProjectRef>, ApiError> {
    let answer =
        run(with_token(Request::get(&format!("{auth_url}/auth/projects")), token).build()).await?;
    keystone::decode_projects(&answer.body).map_err(|e| ApiError::decode(e, answer.request_id))
}

/// `DELETE /v3/auth/tokens`: revokes the token (logout).
pub async fn revoke(auth_url: &str, token: &str) -> Result<(), ApiError> {
    let request = with_token(Request::delete(&format!("{auth_url}/auth/tokens")), token)
        .header("X-Subject-Token", token)
        .build();
    run(request).await.map(|_| ())
}

/// A Glance endpoint with the token to use on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Glance {
    pub base: String,
    pub token: String,
}

impl Glance {
    async fn get<T: DeserializeOwned>(
        &self,
        path: &str,
        abort: Option<&AbortSignal>,
    ) -> Result<T, ApiError> {
        let request = with_token(Request::get(&format!("{}{path}", self.base)), &self.token)
            .abort_signal(abort)
            .build();
        let answer = run(request).await?;
        decode(&answer)
    }

    /// One page of `GET /v2/images`; `path` comes from [`super::glance::list_images_path`].
    pub async fn list_images(
        &self,
        path: &str,
        abort: Option<&AbortSignal>,
    ) -> Result<ImagePage, ApiError> {
        self.get(path, abort).await
    }

    /// `GET /v2/images/{id}`.
    pub async fn image(&self, id: &str, abort: Option<&AbortSignal>) -> Result<Image, ApiError> {
        self.get(&format!("/v2/images/{}", super::glance::encode(id)), abort)
            .await
    }
}
