//! Waiting for a choice made by keyboard to rest: arrow keys move a radio group's or a closed
//! select's choice one value per key press, and the values passed on the way are not meant.

use std::time::Duration;

use leptos::prelude::*;

/// A one-shot timer for a choice that must rest before it is acted on. [`Settle::restart`]
/// puts off the action, [`Settle::hold`] keeps it waiting with no timer (until the user says
/// so), [`Settle::stop`] cancels it (and says whether one was waiting, for running it at once
/// instead). Stopped with the component that made it.
#[derive(Clone, Copy)]
pub struct Settle {
    /// `Some` while something waits: with its timer, or `None` when held without one.
    timer: StoredValue<Option<Option<TimeoutHandle>>, LocalStorage>,
}

impl Settle {
    /// A timer with nothing waiting; made in a component's body (it registers a cleanup).
    pub fn new() -> Self {
        Self::flushed_by(|| {})
    }

    /// A timer whose waiting action is not dropped when the component goes (the page was left
    /// while a choice rested, by Back or a link): `on_leave` runs instead, while the
    /// component's signals can still be read.
    pub fn flushed_by(on_leave: impl Fn() + 'static) -> Self {
        let settle = Self {
            timer: StoredValue::new_local(None),
        };
        // (Cleanups must be Send; this one only runs on the page's thread.)
        let on_leave = send_wrapper::SendWrapper::new(on_leave);
        on_cleanup(move || {
            if settle.stop() {
                on_leave();
            }
        });
        settle
    }

    /// Runs `then` once `delay` has passed without another restart, instead of what was
    /// waiting.
    pub fn restart(self, delay: Duration, then: impl Fn() + 'static) {
        self.stop();
        let timer = self.timer;
        let fired = move || {
            timer.try_set_value(None);
            then();
        };
        self.timer
            .try_set_value(Some(set_timeout_with_handle(fired, delay).ok()));
    }

    /// Keeps a choice waiting with no timer, instead of what was waiting: only [`Settle::stop`]
    /// (by the caller, which then acts on it) or leaving the page ends the wait.
    pub fn hold(self) {
        self.stop();
        self.timer.try_set_value(Some(None));
    }

    /// Cancels what was waiting; true when something was.
    pub fn stop(self) -> bool {
        match self.timer.try_update_value(Option::take) {
            Some(Some(handle)) => {
                if let Some(handle) = handle {
                    handle.clear();
                }
                true
            }
            _ => false,
        }
    }
}

impl Default for Settle {
    fn default() -> Self {
        Self::new()
    }
}
