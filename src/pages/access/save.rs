//! Handing a text file to the browser's download.

use wasm_bindgen::JsValue;

/// Saves `text` as a file `name` of type `mime` through a Blob, an object URL and a
/// temporary `<a download>`.
pub fn save_text(name: &str, text: &str, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    crate::browser::save_blob_as(&blob, name)
}
