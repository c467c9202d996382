//! A value read by a request from reactive inputs, read again when they change.
//!
//! What Leptos's `LocalResource` does for this app, in far less code: a `LocalResource` is an
//! async memo (subscribers, wakers, a suspense protocol) compiled again for each type it
//! holds, about 67 KB of the first load's wasm before optimisation for the app's resources
//! (README "Size"). This one is a signal, an effect and a task.

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

use leptos::prelude::*;

use super::effect::effect;

/// The latest answer of an async read (`None` until the first one).
///
/// The read runs in an effect: every signal it reads before its first `.await` is tracked,
/// and a change to one starts a new read at once. The previous answer stays readable until
/// the new one arrives; an answer that arrives after a newer read has started is dropped, so
/// the value is always the answer to the latest question. Leaving the owner drops late
/// answers too (the signal is gone).
pub struct Loaded<T: 'static> {
    value: RwSignal<Option<T>, LocalStorage>,
    asked_again: Trigger,
}

impl<T: 'static> Clone for Loaded<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Loaded<T> {}

impl<T: 'static> Loaded<T> {
    /// Starts reading: `read` makes the request from the current inputs (tracked), the
    /// future it returns answers it.
    pub fn new<F>(read: impl Fn() -> F + 'static) -> Self
    where
        F: Future<Output = T> + 'static,
    {
        let value = RwSignal::new_local(None);
        let asked_again = Trigger::new();
        let latest = Rc::new(Cell::new(0u32));
        effect(move || {
            asked_again.track();
            let answer = read();
            let this_read = latest.get().wrapping_add(1);
            latest.set(this_read);
            let latest = Rc::clone(&latest);
            leptos::task::spawn_local(async move {
                let answer = answer.await;
                if latest.get() == this_read {
                    // `try_`: the owner may be gone (the page was left).
                    let _ = value.try_set(Some(answer));
                }
            });
        });
        Self { value, asked_again }
    }

    /// Reads again with the same inputs (Retry, or after an action changed what was read).
    pub fn refetch(&self) {
        self.asked_again.notify();
    }

    /// Whether the owner that made it is gone.
    pub fn is_disposed(&self) -> bool {
        self.value.is_disposed()
    }

    /// Applies `f` to the latest answer (tracked).
    pub fn with<R>(&self, f: impl FnOnce(&Option<T>) -> R) -> R {
        self.value.with(f)
    }

    /// Applies `f` to the latest answer without tracking it.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&Option<T>) -> R) -> R {
        self.value.with_untracked(f)
    }
}

impl<T: Clone + 'static> Loaded<T> {
    /// The latest answer (tracked).
    pub fn get(&self) -> Option<T> {
        self.value.get()
    }

    /// The latest answer (tracked), or `None` when the owner is gone.
    pub fn try_get(&self) -> Option<Option<T>> {
        self.value.try_get()
    }

    /// The latest answer, not tracked.
    pub fn get_untracked(&self) -> Option<T> {
        self.value.get_untracked()
    }
}
