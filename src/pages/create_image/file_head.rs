//! Reading the start of a picked file, to tell its disk format before it is sent.

use wasm_bindgen_futures::JsFuture;
use web_sys::File;

use crate::api::disk_sniff::{detect, HEAD_BYTES};

/// The disk format Glance's inspection will find in `file` ([`detect`] on its first
/// [`HEAD_BYTES`]); none when the browser cannot read it (the file was moved or deleted
/// since it was picked) or the start does not tell.
pub async fn disk_format_of_file(file: &File) -> Option<&'static str> {
    let head = file
        .slice_with_f64_and_f64(0.0, f64::from(HEAD_BYTES))
        .ok()?;
    let buffer = JsFuture::from(head.array_buffer()).await.ok()?;
    detect(&js_sys::Uint8Array::new(&buffer).to_vec())
}
