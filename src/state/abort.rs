//! Cancelling requests whose answer nobody will read any more.

use leptos::prelude::*;
use web_sys::{AbortController, AbortSignal};

/// Holds the controller of the latest request of one view. Starting a new request aborts the
/// previous one (the user changed a filter or page before it returned), and so does leaving
/// the view.
#[derive(Clone, Copy)]
pub struct LatestRequest(StoredValue<Option<AbortController>, LocalStorage>);

impl LatestRequest {
    /// Creates the holder and aborts the pending request when the current owner is cleaned up.
    pub fn new() -> Self {
        let holder = Self(StoredValue::new_local(None));
        on_cleanup(move || holder.abort());
        holder
    }

    /// Aborts the previous request and returns the signal for the next one.
    pub fn next_signal(&self) -> Option<AbortSignal> {
        self.abort();
        let controller = AbortController::new().ok()?;
        let signal = controller.signal();
        self.0.try_set_value(Some(controller));
        Some(signal)
    }

    fn abort(&self) {
        if let Some(Some(c)) = self.0.try_get_value() {
            c.abort();
        }
    }
}

impl Default for LatestRequest {
    fn default() -> Self {
        Self::new()
    }
}
