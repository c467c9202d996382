//! Bounding a transfer by its progress rather than its length: a multi-GB upload may rightly
//! take an hour, but one that moved no byte for a minute is stuck (a proxy holding the
//! connection, a dead network path) and is stopped, so the user can retry.

use std::time::Duration;

/// How long a transfer may go without progress when `config.json` has no `transfer_stall_s`.
pub const DEFAULT_STALL: Duration = Duration::from_secs(60);

/// The stall limit from `config.json`'s `transfer_stall_s` (whole seconds; validated by the
/// config parser, which also supplies the default; zero cannot mean "stop at once").
pub fn stall_limit(configured_s: u32) -> Duration {
    if configured_s == 0 {
        DEFAULT_STALL
    } else {
        Duration::from_secs(u64::from(configured_s))
    }
}

/// True when the last progress (`last_ms`) is `limit` or more before `now_ms`.
pub fn is_stalled(last_ms: f64, now_ms: f64, limit: Duration) -> bool {
    now_ms - last_ms >= limit.as_millis() as f64
}

#[cfg(target_arch = "wasm32")]
pub use watch::StallWatch;

#[cfg(target_arch = "wasm32")]
mod watch {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    use std::time::Duration;

    use gloo_timers::callback::Interval;

    use super::is_stalled;

    /// Calls its `on_stall` once when [`StallWatch::progress`] was not called for the limit.
    /// Checking stops with [`StallWatch::stop`] or when the watch is dropped.
    pub struct StallWatch {
        last_ms: Rc<Cell<f64>>,
        armed: Rc<Cell<bool>>,
        _timer: Interval,
    }

    impl StallWatch {
        /// Starts watching now.
        pub fn new(limit: Duration, on_stall: impl FnOnce() + 'static) -> Self {
            let last_ms = Rc::new(Cell::new(js_sys::Date::now()));
            let on_stall = RefCell::new(Some(on_stall));
            // Often enough that a stall is seen within a quarter of the limit (at most 1 s).
            let every = (limit.as_millis() / 4).clamp(100, 1000) as u32;
            let (last, armed) = (last_ms.clone(), Rc::new(Cell::new(true)));
            let armed_now = armed.clone();
            let timer = Interval::new(every, move || {
                if armed_now.get() && is_stalled(last.get(), js_sys::Date::now(), limit) {
                    armed_now.set(false);
                    let stall = on_stall.try_borrow_mut().ok().and_then(|mut s| s.take());
                    if let Some(stall) = stall {
                        stall();
                    }
                }
            });
            Self {
                last_ms,
                armed,
                _timer: timer,
            }
        }

        /// Some data moved.
        pub fn progress(&self) {
            self.last_ms.set(js_sys::Date::now());
        }

        /// The transfer ended: a stall can no longer happen.
        pub fn stop(&self) {
            self.armed.set(false);
        }
    }
}
