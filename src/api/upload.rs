//! Streaming upload of a browser `File` to Glance with XHR, which (unlike fetch) reports
//! upload progress. The file goes from disk to the network: it is never read into wasm
//! memory, so multi-GB images upload with flat memory.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{File, ProgressEvent, XmlHttpRequest};

use super::error::ApiError;
use super::stall::StallWatch;
use super::url::encode;

/// A running upload. Dropping it does not stop it; [`Upload::cancel`] does.
pub struct Upload {
    xhr: XmlHttpRequest,
    // The callbacks and the watch must live as long as the request.
    _on_progress: Closure<dyn FnMut(ProgressEvent)>,
    _on_end: Closure<dyn FnMut(web_sys::Event)>,
    _stall: Rc<StallWatch>,
}

impl Upload {
    /// Aborts the request; the completion callback then reports a cancellation.
    pub fn cancel(&self) {
        let _ = self.xhr.abort();
    }

    /// A handle that aborts the request, usable after the `Upload` is gone (then a no-op).
    pub fn canceller(&self) -> impl Fn() + 'static {
        let xhr = self.xhr.clone();
        move || {
            let _ = xhr.abort();
        }
    }
}

/// How an upload ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UploadEnd {
    Done,
    Cancelled,
    /// No byte moved for the stall limit: the request was aborted.
    Stalled,
    Failed(ApiError),
}

/// Where the data goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// `PUT /v2/images/{id}/file`: the image's data, stored at once.
    File,
    /// `PUT /v2/images/{id}/stage`: the staging area of interoperable import (glance-direct).
    Stage,
}

/// Starts `PUT {base}/v2/images/{id}/file` (or `/stage`) with the file as the body. The
/// request is aborted (ending in [`UploadEnd::Stalled`]) when nothing moves for `stall`.
#[allow(clippy::too_many_arguments)]
pub fn start(
    base: &str,
    token: &str,
    image_id: &str,
    target: Target,
    file: &File,
    stall: Duration,
    mut on_progress: impl FnMut(f64, f64) + 'static,
    on_end: impl FnOnce(UploadEnd) + 'static,
) -> Result<Upload, ApiError> {
    let fail = |e: wasm_bindgen::JsValue| ApiError::network(crate::browser::js_message(&e));
    let xhr = XmlHttpRequest::new().map_err(fail)?;
    xhr.open(
        "PUT",
        &format!(
            "{base}/v2/images/{}/{}",
            encode(image_id),
            match target {
                Target::File => "file",
                Target::Stage => "stage",
            }
        ),
    )
    .map_err(fail)?;
    xhr.set_request_header("X-Auth-Token", token)
        .map_err(fail)?;
    xhr.set_request_header("Content-Type", "application/octet-stream")
        .map_err(fail)?;
    xhr.set_request_header("Accept", "application/json")
        .map_err(fail)?;

    let stalled = Rc::new(Cell::new(false));
    let watch = {
        let (xhr, stalled) = (xhr.clone(), stalled.clone());
        Rc::new(StallWatch::new(stall, move || {
            stalled.set(true);
            let _ = xhr.abort();
        }))
    };
    let watching = watch.clone();
    let on_progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |e: ProgressEvent| {
        watching.progress();
        on_progress(e.loaded(), e.total());
    });
    xhr.upload()
        .map_err(fail)?
        .set_onprogress(Some(on_progress.as_ref().unchecked_ref()));

    let mut on_end = Some(on_end);
    let request = xhr.clone();
    let watched = watch.clone();
    let on_end = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        let Some(done) = on_end.take() else { return };
        watched.stop();
        let end = match e.type_().as_str() {
            "abort" if stalled.get() => UploadEnd::Stalled,
            "abort" => UploadEnd::Cancelled,
            "error" | "timeout" => {
                UploadEnd::Failed(ApiError::network("the upload was interrupted"))
            }
            _ => {
                let status = request.status().unwrap_or(0);
                if (200..300).contains(&status) {
                    UploadEnd::Done
                } else {
                    let body = request.response_text().ok().flatten().unwrap_or_default();
                    let id = request
                        .get_response_header("x-openstack-request-id")
                        .ok()
                        .flatten();
                    UploadEnd::Failed(ApiError::from_response(status, &body, id))
                }
            }
        };
        done(end);
    });
    // One handler for every way the request can end; it runs once.
    for kind in ["load", "error", "abort", "timeout"] {
        xhr.add_event_listener_with_callback(kind, on_end.as_ref().unchecked_ref())
            .map_err(fail)?;
    }
    xhr.send_with_opt_blob(Some(file)).map_err(fail)?;
    Ok(Upload {
        xhr,
        _on_progress: on_progress,
        _on_end: on_end,
        _stall: watch,
    })
}
