//! Streaming download of an image's data (`GET /v2/images/{id}/file`) with progress and a
//! running checksum.
//!
//! An image up to `config.json`'s `stream_downloads_above_mib` goes the browser's usual way: the
//! chunks are kept by the browser (as JS buffers, outside wasm memory) and saved as one Blob
//! through the browser's own download at the end, without a save dialog. A bigger one, where
//! the browser has the File System Access API (`showSaveFilePicker`, Chromium-based browsers),
//! is written chunk by chunk into the file the user picked as it arrives: memory stays flat
//! whatever the image's size. Elsewhere (Firefox, Safari) a page cannot write to disk as it
//! goes, so such a browser needs the image's size in memory; the UI says so before the
//! download starts.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use gloo_net::http::Request;
use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, FileSystemFileHandle, FileSystemWritableFileStream};

use super::checksum::StreamHasher;
use super::client::Glance;
use super::error::ApiError;
use super::stall::StallWatch;
use super::url::encode;

/// True when this browser can write a download to disk as it arrives.
pub fn can_stream_to_disk() -> bool {
    web_sys::window()
        .and_then(|w| Reflect::get(&w, &JsValue::from_str("showSaveFilePicker")).ok())
        .is_some_and(|f| f.is_function())
}

/// Where the downloaded bytes go.
pub enum Sink {
    /// The file the user picked, written chunk by chunk.
    Disk(FileSystemWritableFileStream),
    /// Chunks kept by the browser until the download is complete (no streaming API).
    Memory(Array),
}

fn js_fail(e: JsValue) -> ApiError {
    ApiError::network(crate::browser::js_message(&e))
}

async fn resolve(promise: Result<JsValue, JsValue>) -> Result<JsValue, JsValue> {
    let promise: Promise = promise?.dyn_into()?;
    JsFuture::from(promise).await
}

/// True when an image of `size` bytes (`None`: unknown) is to be streamed into a file picked
/// in a save dialog rather than go through the browser's own download: bigger than
/// `above_mib` MiB (or of unknown size), in a browser that can stream to disk.
pub fn streams_to_disk(size: Option<u64>, above_mib: u32) -> bool {
    can_stream_to_disk() && size.is_none_or(|s| s > u64::from(above_mib) * 1024 * 1024)
}

/// Asks where to save `suggested_name` when `to_disk` (see [`streams_to_disk`]), or prepares
/// an in-memory sink. `Ok(None)` when the user closed the save dialog.
pub async fn choose_sink(suggested_name: &str, to_disk: bool) -> Result<Option<Sink>, ApiError> {
    if !to_disk {
        return Ok(Some(Sink::Memory(Array::new())));
    }
    let window = web_sys::window().ok_or_else(|| ApiError::network("no window"))?;
    let picker: Function = Reflect::get(&window, &JsValue::from_str("showSaveFilePicker"))
        .and_then(|f| f.dyn_into::<Function>())
        .map_err(js_fail)?;
    let options = Object::new();
    Reflect::set(&options, &"suggestedName".into(), &suggested_name.into()).map_err(js_fail)?;
    let handle = match resolve(picker.call1(&window, &options)).await {
        Ok(handle) => handle,
        Err(e) if is_abort(&e) => return Ok(None),
        Err(e) => return Err(js_fail(e)),
    };
    let handle: FileSystemFileHandle = handle.dyn_into().map_err(js_fail)?;
    let writable = JsFuture::from(handle.create_writable())
        .await
        .and_then(|w| w.dyn_into::<FileSystemWritableFileStream>())
        .map_err(js_fail)?;
    Ok(Some(Sink::Disk(writable)))
}

/// True for a `DOMException` named `AbortError` (dialog closed, request aborted).
fn is_abort(e: &JsValue) -> bool {
    Reflect::get(e, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .is_some_and(|n| n == "AbortError")
}

impl Sink {
    async fn write(&self, chunk: &Uint8Array) -> Result<(), ApiError> {
        match self {
            Sink::Disk(w) => {
                let promise = w.write_with_buffer_source(chunk).map_err(js_fail)?;
                JsFuture::from(promise).await.map(|_| ()).map_err(js_fail)
            }
            Sink::Memory(chunks) => {
                chunks.push(chunk);
                Ok(())
            }
        }
    }

    /// Completes the file: closes it on disk, or hands the collected data to the browser's
    /// download as `name`.
    pub async fn finish(self, name: &str) -> Result<(), ApiError> {
        match self {
            Sink::Disk(w) => JsFuture::from(w.close()).await.map(|_| ()).map_err(js_fail),
            Sink::Memory(chunks) => save_blob(&chunks, name).map_err(js_fail),
        }
    }

    /// Throws away what was written (a cancelled or failed download leaves no partial file).
    pub async fn discard(self) {
        if let Sink::Disk(w) = self {
            let _ = JsFuture::from(w.abort()).await;
        }
    }
}

/// Saves the chunks as one Blob through a temporary link with `download=name`.
fn save_blob(chunks: &Array, name: &str) -> Result<(), JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/octet-stream");
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(chunks, &options)?;
    crate::browser::save_blob_as(&blob, name)
}

/// How a download ended that did not fail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// All data arrived; the hash of it when a hasher was given.
    Complete {
        bytes: u64,
        hash: Option<String>,
    },
    Cancelled,
    /// No data arrived for the stall limit: the request was aborted.
    Stalled,
}

/// What the options of one download are.
pub struct FetchOptions {
    pub hasher: Option<StreamHasher>,
    /// The size Glance gave, used when the answer has no `Content-Length`.
    pub expected_size: Option<u64>,
    /// How long the download may go without data before it is aborted.
    pub stall: Duration,
}

/// Streams `GET /v2/images/{id}/file` into `sink`, feeding the hasher and reporting
/// `(bytes so far, total when known)` after each chunk. Aborting `abort` cancels; so does a
/// stall (then [`Fetched::Stalled`]). The stream is cancelled on every early end.
pub async fn fetch_into(
    glance: &Glance,
    image_id: &str,
    sink: &Sink,
    abort: &AbortController,
    options: FetchOptions,
    mut on_progress: impl FnMut(u64, Option<u64>),
) -> Result<Fetched, ApiError> {
    let FetchOptions {
        mut hasher,
        expected_size,
        stall,
    } = options;
    let stalled = Rc::new(Cell::new(false));
    let watch = {
        let (abort, stalled) = (abort.clone(), stalled.clone());
        StallWatch::new(stall, move || {
            stalled.set(true);
            abort.abort();
        })
    };
    let signal = abort.signal();
    let cancelled_or = |e: ApiError| {
        if stalled.get() {
            Ok(Fetched::Stalled)
        } else if signal.aborted() {
            Ok(Fetched::Cancelled)
        } else {
            Err(e)
        }
    };
    let request = Request::get(&format!(
        "{}/v2/images/{}/file",
        glance.base,
        encode(image_id)
    ))
    .header("X-Auth-Token", &glance.token)
    // Data comes as octet-stream either way; this makes an error JSON instead of HTML.
    .header("Accept", "application/json")
    .abort_signal(Some(&signal))
    .build()
    .map_err(|e| ApiError::network(e.to_string()))?;
    let response = match request.send().await {
        Ok(r) => r,
        Err(e) => return cancelled_or(ApiError::network(e.to_string())),
    };
    let request_id = response.headers().get("x-openstack-request-id");
    if !response.ok() {
        let body = response.text().await.unwrap_or_default();
        return Err(ApiError::from_response(
            response.status(),
            &body,
            request_id,
        ));
    }
    let total = response
        .headers()
        .get("content-length")
        .and_then(|v| v.trim().parse::<u64>().ok())
        .or(expected_size);
    let Some(body) = response.body() else {
        // 204 or an empty image: nothing to stream.
        return Ok(Fetched::Complete {
            bytes: 0,
            hash: hasher.map(StreamHasher::finish_hex),
        });
    };
    let reader: web_sys::ReadableStreamDefaultReader = body
        .get_reader()
        .dyn_into()
        .map_err(|o: Object| js_fail(o.into()))?;
    let mut bytes: u64 = 0;
    let mut copy = Vec::new();
    loop {
        let step = match JsFuture::from(reader.read()).await {
            Ok(step) => step,
            Err(e) => {
                // Releases the response stream (the rejection is expected: it errored).
                let _ = JsFuture::from(reader.cancel()).await;
                return cancelled_or(js_fail(e));
            }
        };
        watch.progress();
        let done = Reflect::get(&step, &JsValue::from_str("done"))
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        let chunk: Uint8Array = Reflect::get(&step, &JsValue::from_str("value"))
            .and_then(|v| v.dyn_into::<Uint8Array>())
            .map_err(js_fail)?;
        if let Some(h) = hasher.as_mut() {
            // One chunk at a time through wasm memory (the buffer is reused).
            copy.resize(chunk.length() as usize, 0);
            chunk.copy_to(&mut copy);
            h.update(&copy);
        }
        if let Err(e) = sink.write(&chunk).await {
            let _ = JsFuture::from(reader.cancel()).await;
            return cancelled_or(e);
        }
        // A count the stream drives: saturate rather than wrap (or panic in debug).
        bytes = bytes.saturating_add(u64::from(chunk.length()));
        on_progress(bytes, total);
    }
    watch.stop();
    if signal.aborted() {
        return cancelled_or(ApiError::network("aborted"));
    }
    Ok(Fetched::Complete {
        bytes,
        hash: hasher.map(StreamHasher::finish_hex),
    })
}
