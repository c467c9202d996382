//! The calls the app makes to Keystone and Glance, each one [`Call`] through the one request
//! path in [`super::call`].
//!
//! Every call returns a typed value or an [`ApiError`] carrying the service's words and the
//! request id; nothing here panics on what the network sends.

use web_sys::AbortSignal;

pub use super::call::{on_unauthorized, request_timeout, set_request_timeout};
use super::call::{Call, Method};
use super::error::{ApiError, Service};
use super::image_answer;
use super::import::{ImportTask, TaskList};
use super::keystone::{self, Credentials, ProjectRef, TokenInfo};
use super::member_answer;
use super::members;
use super::url::{image_path, member_path};
use crate::model::{Image, ImagePage, Member, MemberStatus, MembersBody, Visibility};

/// A new token and what Keystone says about it.
pub struct IssuedToken {
    pub token: String,
    pub info: TokenInfo,
    /// Keystone's answer as sent: what the session keeps in `sessionStorage`.
    pub answer: String,
}

async fn issue_token(
    auth_url: &str,
    body: serde_json::Value,
    token: Option<&str>,
) -> Result<IssuedToken, ApiError> {
    let mut call = Call::new(
        Service::Keystone,
        Method::Post,
        format!("{auth_url}/auth/tokens"),
    )
    .body(&body, "application/json");
    // A re-scope carries the old token (in the body): its refusal means the session is over.
    call.reports_unauthorized = token.is_some();
    let answer = call.send().await?;
    let token = answer.subject_token.clone().ok_or_else(|| {
        ApiError::decode(
            "Keystone did not expose the X-Subject-Token header (check its CORS expose_headers)",
            answer.request_id.clone(),
        )
        .from_service(Service::Keystone)
    })?;
    if !keystone::usable_token(&token) {
        return Err(ApiError::decode(
            "Keystone's X-Subject-Token holds characters a request header cannot carry",
            answer.request_id.clone(),
        )
        .from_service(Service::Keystone));
    }
    let info = keystone::decode_token(&answer.body).map_err(|e| {
        ApiError::decode(e, answer.request_id.clone()).from_service(Service::Keystone)
    })?;
    Ok(IssuedToken {
        token,
        info,
        answer: answer.body,
    })
}

/// `POST /v3/auth/tokens` with a password or an application credential.
///
/// A password login with the Project left empty gets a token without a project (unless the
/// user has a default one), and Glance lists nothing for such a token: it is exchanged for
/// one scoped to the first of the user's projects by name (the header switches to another).
/// A user in no project at all gets [`ApiError::no_project`].
pub async fn log_in(auth_url: &str, credentials: &Credentials) -> Result<IssuedToken, ApiError> {
    let issued = issue_token(auth_url, keystone::auth_body(credentials), None).await?;
    if issued.info.project_id.is_some() {
        return Ok(issued);
    }
    let projects = my_projects(auth_url, &issued.token).await?;
    let first = projects.first().ok_or_else(ApiError::no_project)?;
    issue_token(
        auth_url,
        keystone::rescope_body(&issued.token, &first.id),
        None,
    )
    .await
}

/// Exchanges `token` for one scoped to `project_id`.
pub async fn rescope(
    auth_url: &str,
    token: &str,
    project_id: &str,
) -> Result<IssuedToken, ApiError> {
    issue_token(
        auth_url,
        keystone::rescope_body(token, project_id),
        Some(token),
    )
    .await
}

/// `GET /v3/auth/projects`: the projects this user may scope to.
pub async fn my_projects(auth_url: &str, token: &str) -> Result<Vec<ProjectRef>, ApiError> {
    let answer = Call::new(
        Service::Keystone,
        Method::Get,
        format!("{auth_url}/auth/projects"),
    )
    .token(token)
    .send()
    .await?;
    keystone::decode_projects(&answer.body)
        .map_err(|e| ApiError::decode(e, answer.request_id).from_service(Service::Keystone))
}

/// `DELETE /v3/auth/tokens`: revokes the token (logout).
pub async fn revoke(auth_url: &str, token: &str) -> Result<(), ApiError> {
    let call = Call::new(
        Service::Keystone,
        Method::Delete,
        format!("{auth_url}/auth/tokens"),
    )
    .token(token)
    .header("X-Subject-Token", token)
    // A refused token here must not open the re-login dialog after logout.
    .quiet();
    call.done().await
}

/// A Glance endpoint with the token to use on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Glance {
    pub base: String,
    pub token: String,
}

impl Glance {
    /// A call to `path` (below the endpoint) with the token.
    fn call(&self, method: Method, path: &str) -> Call<'_> {
        Call::new(Service::Glance, method, format!("{}{path}", self.base)).token(&self.token)
    }

    /// A call to a path built from ids; refused before sending when an id cannot be
    /// addressed (see [`super::url::path_segment`]).
    fn call_at(
        &self,
        method: Method,
        path: Option<String>,
        id: &str,
    ) -> Result<Call<'_>, ApiError> {
        let path = path.ok_or_else(|| ApiError::unaddressable(id).from_service(Service::Glance))?;
        Ok(Call::new(Service::Glance, method, format!("{}{path}", self.base)).token(&self.token))
    }

    /// One page of `GET /v2/images`; `path` comes from [`super::image_query::list_images_path`].
    pub async fn list_images(
        &self,
        path: &str,
        abort: Option<&AbortSignal>,
    ) -> Result<ImagePage, ApiError> {
        self.call(Method::Get, path).abort_on(abort).json().await
    }

    /// One page of `GET /v2/images` that is the first thing its page shows (the catalog):
    /// on the next load of the same page it is sent before the app runs (see
    /// [`super::warm_start`]).
    pub async fn list_images_shown(
        &self,
        path: &str,
        abort: Option<&AbortSignal>,
    ) -> Result<ImagePage, ApiError> {
        self.call(Method::Get, path)
            .abort_on(abort)
            .warm_start()
            .json()
            .await
    }

    /// Sends `call`, about image `id`, and decodes the image it answers with; an answer
    /// about another image is an error (see [`image_answer`]).
    async fn image_answer(call: Call<'_>, id: &str) -> Result<Image, ApiError> {
        let answer = call.send().await?;
        let image = answer.decode(Service::Glance)?;
        image_answer::of_requested(image, id, answer.request_id)
    }

    /// `GET /v2/images/{id}`.
    pub async fn image(&self, id: &str, abort: Option<&AbortSignal>) -> Result<Image, ApiError> {
        let call = self.call_at(Method::Get, image_path(id, ""), id)?;
        Self::image_answer(call.abort_on(abort), id).await
    }

    /// `GET /v2/images/{id}` that is the first thing its page shows (the detail and invitation
    /// pages): on the next load of the same page it is sent before the app runs (see
    /// [`super::warm_start`]).
    pub async fn image_shown(
        &self,
        id: &str,
        abort: Option<&AbortSignal>,
    ) -> Result<Image, ApiError> {
        let call = self.call_at(Method::Get, image_path(id, ""), id)?;
        Self::image_answer(call.abort_on(abort).warm_start(), id).await
    }

    /// `GET /v2/images/{id}/members`: all members for the owner, only its own entry for a consumer.
    pub async fn members(&self, image_id: &str) -> Result<Vec<Member>, ApiError> {
        let answer = self
            .call_at(Method::Get, image_path(image_id, "/members"), image_id)?
            .send()
            .await?;
        let list: MembersBody = answer.decode(Service::Glance)?;
        member_answer::list_of(list.members, image_id, answer.request_id)
    }

    /// Sends `call`, about member `member_id` of image `image_id`, and decodes the member it
    /// answers with; an answer about another image or member is an error (see
    /// [`member_answer`]).
    async fn member_answer(
        call: Call<'_>,
        image_id: &str,
        member_id: &str,
    ) -> Result<Member, ApiError> {
        let answer = call.send().await?;
        let member = answer.decode(Service::Glance)?;
        member_answer::of_requested(member, image_id, member_id, answer.request_id)
    }

    /// `POST /v2/images/{id}/members`: shares the image with a project (status pending).
    pub async fn add_member(&self, image_id: &str, project_id: &str) -> Result<Member, ApiError> {
        let body = members::add_member_body(project_id);
        let call = self.call_at(Method::Post, image_path(image_id, "/members"), image_id)?;
        Self::member_answer(call.body(&body, "application/json"), image_id, project_id).await
    }

    /// `PUT /v2/images/{id}/members/{member}`: the consumer accepts, rejects or resets.
    pub async fn set_member_status(
        &self,
        image_id: &str,
        member_id: &str,
        status: &MemberStatus,
    ) -> Result<Member, ApiError> {
        let body = members::member_status_body(status);
        let call = self.call_at(Method::Put, member_path(image_id, member_id), member_id)?;
        Self::member_answer(call.body(&body, "application/json"), image_id, member_id).await
    }

    /// `DELETE /v2/images/{id}/members/{member}`.
    pub async fn remove_member(&self, image_id: &str, member_id: &str) -> Result<(), ApiError> {
        self.call_at(Method::Delete, member_path(image_id, member_id), member_id)?
            .done()
            .await
    }

    /// `PATCH /v2/images/{id}` changing only the visibility; returns the updated image.
    pub async fn set_visibility(
        &self,
        image_id: &str,
        visibility: &Visibility,
    ) -> Result<Image, ApiError> {
        self.patch_image(image_id, &members::visibility_patch(visibility))
            .await
    }

    /// `PATCH /v2/images/{id}` with a JSON patch; returns the image as Glance now holds it.
    pub async fn patch_image(
        &self,
        image_id: &str,
        patch: &serde_json::Value,
    ) -> Result<Image, ApiError> {
        let call = self.call_at(Method::Patch, image_path(image_id, ""), image_id)?;
        Self::image_answer(call.body(patch, members::JSON_PATCH), image_id).await
    }

    /// `POST /v2/images/{id}/actions/deactivate` or `.../reactivate`.
    pub async fn set_active(&self, image_id: &str, active: bool) -> Result<(), ApiError> {
        let action = if active {
            "/actions/reactivate"
        } else {
            "/actions/deactivate"
        };
        self.call_at(Method::Post, image_path(image_id, action), image_id)?
            .done()
            .await
    }

    /// `DELETE /v2/images/{id}`.
    pub async fn delete_image(&self, image_id: &str) -> Result<(), ApiError> {
        self.call_at(Method::Delete, image_path(image_id, ""), image_id)?
            .done()
            .await
    }

    /// `POST /v2/images`: creates the image record (no data yet).
    pub async fn create_image(&self, body: &serde_json::Value) -> Result<Image, ApiError> {
        self.call(Method::Post, "/v2/images")
            .body(body, "application/json")
            .json()
            .await
    }

    /// `GET /v2/info/import`: the import methods this app can drive that the cloud enables.
    /// A cloud without interoperable import (or an older Glance) answers an error: then
    /// there are none and only the plain upload is offered.
    pub async fn import_methods(&self) -> Vec<&'static str> {
        match self.call(Method::Get, "/v2/info/import").send().await {
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
        self.call_at(Method::Post, image_path(image_id, "/import"), image_id)?
            .body(body, "application/json")
            .done()
            .await
    }

    /// `GET /v2/images/{id}/tasks`: the image's import tasks, where a failure's reason lives.
    pub async fn image_tasks(&self, image_id: &str) -> Result<Vec<ImportTask>, ApiError> {
        let list: TaskList = self
            .call_at(Method::Get, image_path(image_id, "/tasks"), image_id)?
            .json()
            .await?;
        Ok(list.tasks)
    }
}
