//! Entry point: only mounts the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    glance_share::panic_banner::install();
    leptos::mount::mount_to_body(glance_share::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("glance-share is a browser app: build it with `trunk build`.");
}
