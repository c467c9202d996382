//! Cancelling requests whose answer nobody will read any more.

use leptos::prelude::*;
use web_sys::{AbortController, AbortSignal};

/// Holds the controller of the latest request of one view, with the key of what it asks
/// for. Starting a new request aborts the previous one, and so does leaving the view.
///
/// A [`super::loaded::Loaded`] drops an answer to an older question, but the request still
/// takes a connection until it is answered: when the user changes the query while a slow
/// answer is on its way, call [`LatestRequest::abort_unless`] with the new key at once (from
/// an effect) and the old request stops.
#[derive(Clone, Copy)]
pub struct LatestRequest(StoredValue<Option<(AbortController, String)>, LocalStorage>);

impl LatestRequest {
    /// Creates the holder and aborts the pending request when the current owner is cleaned up.
    pub fn aborted_on_cleanup() -> Self {
        let holder = Self(StoredValue::new_local(None));
        on_cleanup(move || holder.abort());
        holder
    }

    /// Aborts the previous request and returns the signal for the next one.
    pub fn next_signal(&self) -> Option<AbortSignal> {
        self.next_signal_for(String::new())
    }

    /// Like [`LatestRequest::next_signal`], remembering what the request is for.
    pub fn next_signal_for(&self, key: String) -> Option<AbortSignal> {
        self.abort();
        let controller = AbortController::new().ok()?;
        let signal = controller.signal();
        let _ = self.0.try_set_value(Some((controller, key)));
        Some(signal)
    }

    /// Aborts the request in flight unless it is for `key` (the view now wants something
    /// else, so its answer would be stale).
    pub fn abort_unless(&self, key: &str) {
        let stale = self
            .0
            .try_with_value(|held| held.as_ref().is_some_and(|(_, k)| k != key))
            .unwrap_or(false);
        if stale {
            self.abort();
        }
    }

    /// Aborts the request in flight, if any.
    pub fn abort(&self) {
        if let Some(Some((c, _))) = self.0.try_get_value() {
            c.abort();
        }
    }
}
