//! The one request path: every call to Keystone or Glance is built, sent, bounded by a
//! timeout, made abortable and decoded here (uploads and downloads, which need progress and
//! streaming, have their own modules).
//!
//! Every call returns a typed value or an [`ApiError`] carrying the service's words and the
//! request id; nothing here panics on what the network sends.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use futures::future::{select, Either};
use gloo_net::http::{Request, RequestBuilder};
use serde::de::DeserializeOwned;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{AbortController, AbortSignal};

use super::config::DEFAULT_REQUEST_TIMEOUT_S;
use super::error::{ApiError, Service};
use super::import::{ImportTask, TaskList};
use super::keystone::{self, Credentials, ProjectRef, TokenInfo};
use super::members;
use super::url::{image_path, member_path};
use crate::model::{Image, ImagePage, Member, MemberStatus, MembersBody, Visibility};

const REQUEST_ID: &str = "x-openstack-request-id";

thread_local! {
    /// Seconds a call may take (`request_timeout_s` of config.json), set once at start-up.
    static TIMEOUT_S: Cell<u32> = const { Cell::new(DEFAULT_REQUEST_TIMEOUT_S) };
    /// Told about every 401 to a call that carried a token (the session opens the re-login
    /// dialog), so no caller has to remember to report it.
    static ON_UNAUTHORIZED: RefCell<Option<Rc<dyn Fn()>>> = const { RefCell::new(None) };
}

/// Sets how long any API call may take before it is abandoned.
pub fn set_request_timeout(seconds: u32) {
    TIMEOUT_S.with(|t| t.set(seconds.max(1)));
}

/// Registers what to do when a token is refused (replaces any earlier listener).
pub fn on_unauthorized(listener: impl Fn() + 'static) {
    ON_UNAUTHORIZED.with(|l| *l.borrow_mut() = Some(Rc::new(listener)));
}

fn tell_unauthorized() {
    // Cloned out first: the listener may register another one.
    if let Some(listener) = ON_UNAUTHORIZED.with(|l| l.borrow().clone()) {
        listener();
    }
}

/// The HTTP methods the app uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

/// A received answer: body text, request id, and the token Keystone issued (if any).
struct Answer {
    body: String,
    request_id: Option<String>,
    subject_token: Option<String>,
}

impl Answer {
    /// Decodes the body as `T`.
    fn decode<T: DeserializeOwned>(&self, service: Service) -> Result<T, ApiError> {
        serde_json::from_str(&self.body).map_err(|e| {
            ApiError::decode(format!("unexpected answer: {e}"), self.request_id.clone())
                .from_service(service)
        })
    }
}

/// Aborts `ours` when `outer` aborts, for as long as it lives.
struct AbortLink {
    outer: AbortSignal,
    listener: Closure<dyn FnMut()>,
}

impl AbortLink {
    fn new(outer: &AbortSignal, ours: &AbortController) -> Self {
        let ours = ours.clone();
        let listener = Closure::<dyn FnMut()>::new(move || ours.abort());
        let _ = outer.add_event_listener_with_callback("abort", listener.as_ref().unchecked_ref());
        Self {
            outer: outer.clone(),
            listener,
        }
    }
}

impl Drop for AbortLink {
    fn drop(&mut self) {
        let _ = self
            .outer
            .remove_event_listener_with_callback("abort", self.listener.as_ref().unchecked_ref());
    }
}

/// One API call, described before it is sent.
struct Call<'a> {
    service: Service,
    method: Method,
    url: String,
    token: Option<&'a str>,
    /// Whether a 401 means the session's token is refused (see [`on_unauthorized`]).
    reports_unauthorized: bool,
    headers: Vec<(&'static str, &'a str)>,
    body: Option<(String, &'static str)>,
    abort: Option<&'a AbortSignal>,
}

impl<'a> Call<'a> {
    fn new(service: Service, method: Method, url: String) -> Self {
        Self {
            service,
            method,
            url,
            token: None,
            reports_unauthorized: false,
            headers: Vec::new(),
            body: None,
            abort: None,
        }
    }

    fn token(mut self, token: &'a str) -> Self {
        self.token = Some(token);
        self.reports_unauthorized = true;
        self
    }

    /// A refusal of this call's token is not news (logout revokes the token it sends).
    fn quiet(mut self) -> Self {
        self.reports_unauthorized = false;
        self
    }

    fn header(mut self, name: &'static str, value: &'a str) -> Self {
        self.headers.push((name, value));
        self
    }

    fn body(mut self, value: &serde_json::Value, content_type: &'static str) -> Self {
        self.body = Some((value.to_string(), content_type));
        self
    }

    fn abort_on(mut self, signal: Option<&'a AbortSignal>) -> Self {
        self.abort = signal;
        self
    }

    fn builder(&self) -> RequestBuilder {
        let builder = match self.method {
            Method::Get => Request::get(&self.url),
            Method::Post => Request::post(&self.url),
            Method::Put => Request::put(&self.url),
            Method::Patch => Request::patch(&self.url),
            Method::Delete => Request::delete(&self.url),
        };
        // Without Accept: application/json, Glance answers errors in HTML.
        let mut builder = builder.header("Accept", "application/json");
        if let Some(token) = self.token {
            builder = builder.header("X-Auth-Token", token);
        }
        for (name, value) in &self.headers {
            builder = builder.header(name, value);
        }
        builder
    }

    /// Sends the call and waits for the whole answer, at most the configured timeout; a
    /// non-2xx answer becomes an [`ApiError`] with the service's words.
    async fn send(self) -> Result<Answer, ApiError> {
        let service = self.service;
        let controller = AbortController::new().ok();
        // The caller's signal (a newer request, a page left) aborts our controller, which
        // also serves the timeout: one signal reaches fetch either way.
        let _link = match (self.abort, &controller) {
            (Some(outer), Some(ours)) => {
                if outer.aborted() {
                    return Err(ApiError::aborted());
                }
                Some(AbortLink::new(outer, ours))
            }
            _ => None,
        };
        let signal = controller.as_ref().map(AbortController::signal);
        let builder = self.builder().abort_signal(signal.as_ref());
        let request = match &self.body {
            Some((text, content_type)) => builder
                .header("Content-Type", content_type)
                .body(text.clone()),
            None => builder.build(),
        }
        .map_err(|e| ApiError::network(e.to_string()).from_service(service))?;

        let exchange = Box::pin(async move {
            let response = request.send().await?;
            let status = response.status();
            let ok = response.ok();
            let request_id = response.headers().get(REQUEST_ID);
            let subject_token = response.headers().get("x-subject-token");
            // The body is part of the answer: a server that sends headers and then stalls
            // is still bounded by the timeout.
            let body = response.text().await?;
            Ok::<_, gloo_net::Error>((status, ok, request_id, subject_token, body))
        });
        let seconds = TIMEOUT_S.with(Cell::get);
        let timer = Box::pin(gloo_timers::future::sleep(Duration::from_secs(u64::from(
            seconds,
        ))));
        let outcome = match select(exchange, timer).await {
            Either::Left((outcome, _)) => outcome,
            Either::Right(_) => {
                if let Some(c) = &controller {
                    c.abort();
                }
                return Err(ApiError::timeout(service, seconds));
            }
        };
        let (status, ok, request_id, subject_token, body) = match outcome {
            Ok(parts) => parts,
            Err(_) if self.abort.is_some_and(AbortSignal::aborted) => {
                return Err(ApiError::aborted())
            }
            Err(e) => return Err(ApiError::network(e.to_string()).from_service(service)),
        };
        if !ok {
            let error = ApiError::from_response(status, &body, request_id).from_service(service);
            if error.is_unauthorized() && self.reports_unauthorized {
                tell_unauthorized();
            }
            return Err(error);
        }
        Ok(Answer {
            body,
            request_id,
            subject_token,
        })
    }

    /// Sends the call and decodes the answer as `T`.
    async fn json<T: DeserializeOwned>(self) -> Result<T, ApiError> {
        let service = self.service;
        self.send().await?.decode(service)
    }

    /// Sends the call; the answer's body does not matter.
    async fn done(self) -> Result<(), ApiError> {
        self.send().await.map(|_| ())
    }
}

/// A new token and what Keystone says about it.
pub struct IssuedToken {
    pub token: String,
    pub info: TokenInfo,
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
    let info = keystone::decode_token(&answer.body).map_err(|e| {
        ApiError::decode(e, answer.request_id.clone()).from_service(Service::Keystone)
    })?;
    Ok(IssuedToken { token, info })
}

/// `POST /v3/auth/tokens` with a password or an application credential.
pub async fn log_in(auth_url: &str, credentials: &Credentials) -> Result<IssuedToken, ApiError> {
    issue_token(auth_url, keystone::auth_body(credentials), None).await
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

    /// `GET /v2/images/{id}`.
    pub async fn image(&self, id: &str, abort: Option<&AbortSignal>) -> Result<Image, ApiError> {
        self.call_at(Method::Get, image_path(id, ""), id)?
            .abort_on(abort)
            .json()
            .await
    }

    /// `GET /v2/images/{id}/members`: all members for the owner, only its own entry for a consumer.
    pub async fn members(&self, image_id: &str) -> Result<Vec<Member>, ApiError> {
        self.members_with_abort(image_id, None).await
    }

    /// [`Self::members`], abandoned when `abort` fires (a newer reload replaced it).
    pub async fn members_with_abort(
        &self,
        image_id: &str,
        abort: Option<&AbortSignal>,
    ) -> Result<Vec<Member>, ApiError> {
        let list: MembersBody = self
            .call_at(Method::Get, image_path(image_id, "/members"), image_id)?
            .abort_on(abort)
            .json()
            .await?;
        Ok(list.members)
    }

    /// `POST /v2/images/{id}/members`: shares the image with a project (status pending).
    pub async fn add_member(&self, image_id: &str, project_id: &str) -> Result<Member, ApiError> {
        let body = members::add_member_body(project_id);
        self.call_at(Method::Post, image_path(image_id, "/members"), image_id)?
            .body(&body, "application/json")
            .json()
            .await
    }

    /// `PUT /v2/images/{id}/members/{member}`: the consumer accepts, rejects or resets.
    pub async fn set_member_status(
        &self,
        image_id: &str,
        member_id: &str,
        status: &MemberStatus,
    ) -> Result<Member, ApiError> {
        let body = members::member_status_body(status);
        self.call_at(Method::Put, member_path(image_id, member_id), member_id)?
            .body(&body, "application/json")
            .json()
            .await
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
        self.call_at(Method::Patch, image_path(image_id, ""), image_id)?
            .body(patch, members::JSON_PATCH)
            .json()
            .await
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
