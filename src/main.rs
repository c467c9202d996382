//! Entry point: mounts the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    // Where a panic runs a hook (`trunk serve`), its message goes to the console. The release
    // build aborts at once instead (README "Size"), so no hook would ever run: it is left out.
    // Either way the wasm traps and index.html's script shows the "app stopped" banner.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(glance_share::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("glance-share is a browser app: build it with `trunk build`.");
}
