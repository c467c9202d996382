//! Streaming upload of a browser `File` to Glance with XHR, which (unlike fetch) reports
//! upload progress. The file goes from disk to the network: it is never read into wasm
//! memory, so multi-GB images upload with flat memory.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{File, ProgressEvent, XmlHttpRequest};

use super::error::ApiError;
use super::url::encode;

/// A running upload. Dropping it does not stop it; [`Upload::cancel`] does.
pub struct Upload {
    xhr: XmlHttpRequest,
    // The callbacks must live as long as the request.
    _on_progress: Closure<dyn FnMut(ProgressEvent)>,
    _on_end: Closure<dyn FnMut(web_sys::Event)>,
}

impl Upload {
    /// Aborts the request; the completion callback then reports a cancellation.
    pub fn cancel(&self) {
        let _ = self.xhr.abort();
    }
}

/// How an upload ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UploadEnd {
    Done,
    Cancelled,
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

/// Starts `PUT {base}/v2/images/{id}/file` (or `/stage`) with the file as the body.
pub fn start(
    base: &str,
    token: &str,
    image_id: &str,
    target: Target,
    file: &File,
    mut on_progress: impl FnMut(f64, f64) + 'static,
    on_end: impl FnOnce(UploadEnd) + 'static,
) -> Result<Upload, ApiError> {
    let fail = |e: wasm_bindgen::JsValue| ApiError::network(format!("{e:?}"));
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

    let on_progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |e: ProgressEvent| {
        on_progress(e.loaded(), e.total());
    });
    xhr.upload()
        .map_err(fail)?
        .set_onprogress(Some(on_progress.as_ref().unchecked_ref()));

    let mut on_end = Some(on_end);
    let request = xhr.clone();
    let on_end = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        let Some(done) = on_end.take() else { return };
        let end = match e.type_().as_str() {
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
    })
}
