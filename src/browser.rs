//! Small, panic-free wrappers around browser APIs.

/// `window.sessionStorage`, if the browser allows it (it may not in private modes).
pub fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// `window.localStorage`, used only for non-secret preferences such as the language.
pub fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The words of a JS exception: an `Error`'s message, a thrown string, or the value as JSON.
/// Shared by the download and the upload, which turn browser exceptions into network errors.
pub fn js_message(e: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .or_else(|| js_sys::JSON::stringify(e).ok().and_then(|s| s.as_string()))
        .unwrap_or_default()
}

/// Milliseconds since the epoch, from the browser clock.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Copies text to the clipboard; failures (permissions, insecure context) are ignored,
/// the text stays visible and selectable anyway.
pub fn copy_to_clipboard(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}

/// Sets `<html lang>` so screen readers and fonts follow the chosen language.
pub fn set_document_lang(tag: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", tag);
    }
}

/// The browser's preferred language tag (`navigator.language`).
pub fn browser_language() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default()
}

/// 16 random bytes from `crypto.getRandomValues` (available on plain http too), falling back
/// to `Math.random` where a browser refuses it: they name a new image, not a secret.
pub fn random_16() -> [u8; 16] {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes
}

/// True unless the document says it is hidden (a background tab, a minimised window).
pub fn tab_visible() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_none_or(|d| d.visibility_state() != web_sys::VisibilityState::Hidden)
}

/// Path, query and fragment of the address bar.
pub fn address_bar_path() -> Option<String> {
    let location = web_sys::window()?.location();
    Some(format!(
        "{}{}{}",
        location.pathname().ok()?,
        location.search().ok()?,
        location.hash().ok()?
    ))
}

/// Path and query of a full path (the fragment does not change the page).
pub fn page_of(path: &str) -> &str {
    path.split('#').next().unwrap_or(path)
}

/// True when this page was loaded over https (then the browser blocks plain-http calls).
pub fn page_is_https() -> bool {
    web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p.eq_ignore_ascii_case("https:"))
}

/// The page's origin (`https://host:port`), for links to this app that leave the tab.
pub fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Hands `blob` to the browser's download as a file `name`, through an object URL and a
/// temporary `<a download>` (the CSV export, and downloads in browsers without a save picker).
pub fn save_blob_as(blob: &web_sys::Blob, name: &str) -> Result<(), wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| wasm_bindgen::JsValue::from_str("no document"))?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Revoking at once can cut the browser's save short; a minute later is safe.
    gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// The link a click follows in this tab, if it is one the page may handle itself: the main
/// button without a modifier key (those open a new tab or window, or save), on a link with an
/// address, no `target` and no `download` (the router's and the transfer guard's shared test).
pub fn link_followed_here(ev: &web_sys::MouseEvent) -> Option<web_sys::HtmlAnchorElement> {
    use wasm_bindgen::JsCast;
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.alt_key()
        || ev.ctrl_key()
        || ev.shift_key()
    {
        return None;
    }
    let path = ev.composed_path();
    let link = (0..path.length())
        .find_map(|i| path.get(i).dyn_into::<web_sys::HtmlAnchorElement>().ok())?;
    let opens_elsewhere = !link.target().is_empty() || link.has_attribute("download");
    (!opens_elsewhere && link.has_attribute("href")).then_some(link)
}
