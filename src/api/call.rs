//! The one request path: every call to Keystone or Glance is described as a [`Call`], then
//! built, sent, bounded by the request timeout, made abortable and decoded here. Uploads and
//! downloads, which need progress and streaming, have their own modules.

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
use super::warm_start;

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

/// The time limit of one request, in seconds (config.json's `request_timeout_s`).
pub fn request_timeout() -> u32 {
    TIMEOUT_S.with(Cell::get)
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
pub(super) enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

/// A received answer: body text, request id, and the token Keystone issued (if any).
pub(super) struct Answer {
    pub(super) body: String,
    pub(super) request_id: Option<String>,
    pub(super) subject_token: Option<String>,
}

impl Answer {
    /// Decodes the body as `T`.
    pub(super) fn decode<T: DeserializeOwned>(&self, service: Service) -> Result<T, ApiError> {
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
    pub(super) fn new(outer: &AbortSignal, ours: &AbortController) -> Self {
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
pub(super) struct Call<'a> {
    service: Service,
    method: Method,
    url: String,
    token: Option<&'a str>,
    /// Whether a 401 means the session's token is refused (see [`on_unauthorized`]).
    pub(super) reports_unauthorized: bool,
    headers: Vec<(&'static str, &'a str)>,
    body: Option<(String, &'static str)>,
    abort: Option<&'a AbortSignal>,
    /// The first request of the page on screen: on the next load of this page it is sent
    /// before the app runs, and this call takes that answer (see [`warm_start`]).
    warm_start: bool,
}

impl<'a> Call<'a> {
    pub(super) fn new(service: Service, method: Method, url: String) -> Self {
        Self {
            service,
            method,
            url,
            token: None,
            reports_unauthorized: false,
            headers: Vec::new(),
            body: None,
            abort: None,
            warm_start: false,
        }
    }

    pub(super) fn token(mut self, token: &'a str) -> Self {
        self.token = Some(token);
        self.reports_unauthorized = true;
        self
    }

    /// A refusal of this call's token is not news (logout revokes the token it sends).
    pub(super) fn quiet(mut self) -> Self {
        self.reports_unauthorized = false;
        self
    }

    pub(super) fn header(mut self, name: &'static str, value: &'a str) -> Self {
        self.headers.push((name, value));
        self
    }

    pub(super) fn body(mut self, value: &serde_json::Value, content_type: &'static str) -> Self {
        self.body = Some((value.to_string(), content_type));
        self
    }

    pub(super) fn abort_on(mut self, signal: Option<&'a AbortSignal>) -> Self {
        self.abort = signal;
        self
    }

    /// Marks the call as the first request of the page on screen (see [`warm_start`]).
    pub(super) fn warm_start(mut self) -> Self {
        self.warm_start = true;
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
    pub(super) async fn send(self) -> Result<Answer, ApiError> {
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

        // The same request may already be under way, sent by index.html before the app ran.
        let prefetched = match (self.warm_start, self.token) {
            (true, Some(token)) => {
                let taken = warm_start::take(&self.url, token);
                warm_start::remember(&self.url);
                taken
            }
            _ => None,
        };
        // Our abort (the caller's signal, the timeout) reaches it too.
        let _prefetch_link = match (&prefetched, &signal) {
            (Some(early), Some(ours)) => Some(AbortLink::new(ours, &early.controller)),
            _ => None,
        };

        let exchange = Box::pin(async move {
            let early = match prefetched {
                Some(early) => warm_start::answer_of(early.response).await,
                None => None,
            };
            // Without an answer from it (network error, blocked, aborted) we send our own,
            // exactly as without a warm start; an aborted call fails at once below.
            let response = match early {
                Some(response) => response,
                None => request.send().await?,
            };
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
    pub(super) async fn json<T: DeserializeOwned>(self) -> Result<T, ApiError> {
        let service = self.service;
        self.send().await?.decode(service)
    }

    /// Sends the call; the answer's body does not matter.
    pub(super) async fn done(self) -> Result<(), ApiError> {
        self.send().await.map(|_| ())
    }
}
