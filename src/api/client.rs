//! The one HTTP transport (browser fetch through gloo-net) and the calls the app makes.
//!
//! Every call returns a typed value or an [`ApiError`] carrying the service's words and the
//! request id; nothing here panics on what the network sends.

use gloo_net::http::{Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use web_sys::AbortSignal;

use super::error::ApiError;
use super::keystone::{self, Credentials, ProjectRef, TokenInfo};
use super::members;
use super::url::encode;
use crate::model::{Image, ImagePage, Member, MemberStatus, MembersBody, Visibility};

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

    /// One page of `GET /v2/images`; `path` comes from [`super::image_query::list_images_path`].
    pub async fn list_images(
        &self,
        path: &str,
        abort: Option<&AbortSignal>,
    ) -> Result<ImagePage, ApiError> {
        self.get(path, abort).await
    }

    /// `GET /v2/images/{id}`.
    pub async fn image(&self, id: &str, abort: Option<&AbortSignal>) -> Result<Image, ApiError> {
        self.get(&format!("/v2/images/{}", encode(id)), abort).await
    }

    /// Sends `body` as JSON (or as `content_type`) and decodes the answer, if any is expected.
    async fn send(
        &self,
        method: &str,
        path: &str,
        body: Option<(&serde_json::Value, &str)>,
    ) -> Result<Answer, ApiError> {
        let url = format!("{}{path}", self.base);
        let builder = match method {
            "POST" => Request::post(&url),
            "PUT" => Request::put(&url),
            "PATCH" => Request::patch(&url),
            "DELETE" => Request::delete(&url),
            _ => Request::get(&url),
        };
        let builder = with_token(builder, &self.token);
        let request = match body {
            Some((value, content_type)) => builder
                .header("Content-Type", content_type)
                .body(value.to_string()),
            None => builder.build(),
        };
        run(request).await
    }

    /// `GET /v2/images/{id}/members`: all members for the owner, only its own entry for a consumer.
    pub async fn members(&self, image_id: &str) -> Result<Vec<Member>, ApiError> {
        let list: MembersBody = self
            .get(&format!("/v2/images/{}/members", encode(image_id)), None)
            .await?;
        Ok(list.members)
    }

    /// `POST /v2/images/{id}/members`: shares the image with a project (status pending).
    pub async fn add_member(&self, image_id: &str, project_id: &str) -> Result<Member, ApiError> {
        let body = members::add_member_body(project_id);
        let answer = self
            .send(
                "POST",
                &format!("/v2/images/{}/members", encode(image_id)),
                Some((&body, "application/json")),
            )
            .await?;
        decode(&answer)
    }

    /// `PUT /v2/images/{id}/members/{member}`: the consumer accepts, rejects or resets.
    pub async fn set_member_status(
        &self,
        image_id: &str,
        member_id: &str,
        status: &MemberStatus,
    ) -> Result<Member, ApiError> {
        let body = members::member_status_body(status);
        let path = format!(
            "/v2/images/{}/members/{}",
            encode(image_id),
            encode(member_id)
        );
        let answer = self
            .send("PUT", &path, Some((&body, "application/json")))
            .await?;
        decode(&answer)
    }

    /// `DELETE /v2/images/{id}/members/{member}`.
    pub async fn remove_member(&self, image_id: &str, member_id: &str) -> Result<(), ApiError> {
        let path = format!(
            "/v2/images/{}/members/{}",
            encode(image_id),
            encode(member_id)
        );
        self.send("DELETE", &path, None).await.map(|_| ())
    }

    /// `PATCH /v2/images/{id}` changing only the visibility; returns the updated image.
    pub async fn set_visibility(
        &self,
        image_id: &str,
        visibility: &Visibility,
    ) -> Result<Image, ApiError> {
        let body = members::visibility_patch(visibility);
        let answer = self
            .send(
                "PATCH",
                &format!("/v2/images/{}", encode(image_id)),
                Some((&body, members::JSON_PATCH)),
            )
            .await?;
        decode(&answer)
    }

    /// `PATCH /v2/images/{id}` with a JSON patch; returns the image as Glance now holds it.
    pub async fn patch_image(
        &self,
        image_id: &str,
        patch: &serde_json::Value,
    ) -> Result<Image, ApiError> {
        let answer = self
            .send(
                "PATCH",
                &format!("/v2/images/{}", encode(image_id)),
                Some((patch, members::JSON_PATCH)),
            )
            .await?;
        decode(&answer)
    }

    /// `POST /v2/images/{id}/actions/deactivate` or `.../reactivate`.
    pub async fn set_active(&self, image_id: &str, active: bool) -> Result<(), ApiError> {
        let action = if active { "reactivate" } else { "deactivate" };
        self.send(
            "POST",
            &format!("/v2/images/{}/actions/{action}", encode(image_id)),
            None,
        )
        .await
        .map(|_| ())
    }

    /// `DELETE /v2/images/{id}`.
    pub async fn delete_image(&self, image_id: &str) -> Result<(), ApiError> {
        self.send("DELETE", &format!("/v2/images/{}", encode(image_id)), None)
            .await
            .map(|_| ())
    }

    /// `POST /v2/images`: creates the image record (no data yet).
    pub async fn create_image(&self, body: &serde_json::Value) -> Result<Image, ApiError> {
        let answer = self
            .send("POST", "/v2/images", Some((body, "application/json")))
            .await?;
        decode(&answer)
    }

    /// `GET /v2/info/import`: the import methods this app can drive that the cloud enables.
    /// A cloud without interoperable import (or an older Glance) answers an error: then
    /// there are none and only the plain upload is offered.
    pub async fn import_methods(&self) -> Vec<&'static str> {
        let request = with_token(
            Request::get(&format!("{}/v2/info/import", self.base)),
            &self.token,
        )
        .build();
        match run(request).await {
            Ok(answer) => super::import::offered_methods(&answer.body),
            Err(_) => Vec::new(),
        }
    }

    /// `POST /v2/images/{id}/import`: starts an interoperable import (answered 202).
    pub async fn start_import(
        &self,
        image_id: &str,
        body: &serde_json::Value,
    ) -> Result<(), ApiError> {
        self.send(
            "POST",
            &format!("/v2/images/{}/import", encode(image_id)),
            Some((body, "application/json")),
        )
        .await
        .map(|_| ())
    }

    /// `GET /v2/images/{id}/tasks`: the image's import tasks, where a failure's reason lives.
    pub async fn image_tasks(
        &self,
        image_id: &str,
    ) -> Result<Vec<super::import::ImportTask>, ApiError> {
        let list: super::import::TaskList = self
            .get(&format!("/v2/images/{}/tasks", encode(image_id)), None)
            .await?;
        Ok(list.tasks)
    }
}
