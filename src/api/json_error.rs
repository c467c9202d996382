//! JSON and fetch failures in words, without `serde_json::Error`'s `Display`: that one can
//! also print I/O errors (unused here: the app reads JSON from strings), and through it the
//! standard library's words for every `io::ErrorKind` came into the first load (~0.7 KB raw).
//! What is lost is serde's own phrase ("missing field `id`"); the kind of problem and where it
//! is in the text stay.

use serde_json::error::Category;

/// What is wrong with a JSON text and where: "not valid JSON at line 3, column 5".
pub fn json_problem(e: &serde_json::Error) -> String {
    let what = match e.classify() {
        Category::Syntax => "not valid JSON",
        Category::Eof => "JSON that ends too early",
        Category::Data | Category::Io => "JSON of another shape than expected",
    };
    format!("{what} at line {}, column {}", e.line(), e.column())
}

/// A failed fetch in words: the browser's message for its own failures.
#[cfg(target_arch = "wasm32")]
pub fn fetch_problem(e: &gloo_net::Error) -> String {
    match e {
        gloo_net::Error::JsError(js) => js.to_string(),
        gloo_net::Error::SerdeError(json) => json_problem(json),
        gloo_net::Error::GlooError(text) => text.clone(),
    }
}
