//! A view that is made once something it waits for has come (a split-off page's code).
//!
//! Leptos's `Suspend` compiles its suspense protocol (a subscriber that forwards what the
//! future read, its view state) and its scoped future again for every future type it is
//! given; the app's lazy pages and the "Share with projects…" dialog gave it two, about 8 KB
//! of the first load's wasm before optimisation (README "Size"). Here every such future is
//! boxed first, so `Suspend` is compiled once. (`Suspend` itself stays: it builds the view in
//! the same task that made it, before the view's effects first run, which the pages' focus
//! handling relies on; a view handed over through a signal is built a task later.)

use std::future::Future;

use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use send_wrapper::SendWrapper;

/// Nothing until `view` is ready, then the view it gives, made under the current owner (its
/// context, e.g. the language and session, is there; it is cleaned up with it). A view that
/// arrives after its owner is gone is dropped.
pub fn ready_view(view: impl Future<Output = AnyView> + 'static) -> AnyView {
    shown_once_ready(Box::pin(view))
}

fn shown_once_ready(view: LocalBoxFuture<'static, AnyView>) -> AnyView {
    // `Suspend` wants a `Send` future; this one never leaves the browser's one thread.
    Suspend::new(SendWrapper::new(view)).into_any()
}
