//! Waiting for a choice made by keyboard to rest: arrow keys move a radio group's or a closed
//! select's choice one value per key press, and the values passed on the way are not meant.

use std::time::Duration;

use leptos::prelude::*;

/// A one-shot timer for a choice that must rest before it is acted on. [`Settle::restart`]
/// puts off the action, [`Settle::stop`] cancels it (and says whether one was waiting, for
/// running it at once instead). Stopped with the component that made it.
#[derive(Clone, Copy)]
pub struct Settle {
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
}

impl Settle {
    /// A timer with nothing waiting; made in a component's body (it registers a cleanup).
    pub fn new() -> Self {
        let settle = Self {
            timer: StoredValue::new_local(None),
        };
        on_cleanup(move || {
            settle.stop();
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
            .try_set_value(set_timeout_with_handle(fired, delay).ok());
    }

    /// Cancels what was waiting; true when something was.
    pub fn stop(self) -> bool {
        match self.timer.try_update_value(Option::take) {
            Some(Some(handle)) => {
                handle.clear();
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
