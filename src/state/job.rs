//! A user's action that sends a request: its run, whether one is on its way, its last outcome.
//!
//! What Leptos's `Action` does for this app, in less code: an `Action` is compiled again for
//! each input and outcome type with its abort channel, input signal, version counter and
//! task scoping, a few KB of the first load's wasm per kind of action (README "Size"). Here
//! the run is one boxed function and the rest two signals.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

/// The boxed run of an [`Job`]: makes the request from the input.
type Run<I, O> = Box<dyn Fn(&I) -> Pin<Box<dyn Future<Output = O>>>>;

/// A run-on-demand async task (Save, Accept, Log in…).
///
/// [`Job::dispatch`] starts a run; [`Job::pending`] is true while any run is on its way;
/// [`Job::value`] holds the outcome of the last run that ended. A dispatch after the owner is
/// gone does nothing (Leptos's `Action` panics there, which would kill the app).
pub struct Job<I: 'static, O: 'static> {
    run: StoredValue<Run<I, O>, LocalStorage>,
    in_flight: RwSignal<u32>,
    pending: Memo<bool>,
    value: RwSignal<Option<O>, LocalStorage>,
}

impl<I: 'static, O: 'static> Clone for Job<I, O> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I: 'static, O: 'static> Copy for Job<I, O> {}

impl<I: 'static, O: 'static> Job<I, O> {
    /// An action whose run is `run` (called with a reference to the dispatched input).
    pub fn new_local<F, R>(run: F) -> Self
    where
        F: Fn(&I) -> R + 'static,
        R: Future<Output = O> + 'static,
    {
        let boxed: Run<I, O> = Box::new(move |input| Box::pin(run(input)));
        let in_flight = RwSignal::new(0u32);
        Self {
            run: StoredValue::new_local(boxed),
            in_flight,
            pending: Memo::new(move |_| in_flight.get() > 0),
            value: RwSignal::new_local(None),
        }
    }

    /// Starts a run with `input`; its outcome becomes [`Job::value`] when it ends.
    pub fn dispatch(&self, input: I) {
        let Some(outcome) = self.run.try_with_value(|run| run(&input)) else {
            return;
        };
        let (in_flight, value) = (self.in_flight, self.value);
        let _ = in_flight.try_update(|n| *n += 1);
        leptos::task::spawn_local(async move {
            let outcome = outcome.await;
            // `try_`: the page that made it may have been left meanwhile.
            let _ = in_flight.try_update(|n| *n = n.saturating_sub(1));
            let _ = value.try_set(Some(outcome));
        });
    }

    /// Whether a run is on its way (reactive).
    pub fn pending(&self) -> Memo<bool> {
        self.pending
    }

    /// The outcome of the last run that ended (`None` before, or once cleared).
    pub fn value(&self) -> RwSignal<Option<O>, LocalStorage> {
        self.value
    }
}
