//! Knowing, from a loop that outlives one request (polling), that its page is gone.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use leptos::prelude::on_cleanup;

/// True until the reactive owner it was made in (the page or component) is cleaned up.
/// Cheap to clone into async tasks, which check it before each round.
#[derive(Clone, Debug)]
pub struct PageAlive(Arc<AtomicBool>);

impl PageAlive {
    /// A flag tied to the current owner: registers an `on_cleanup` that clears it.
    pub fn until_cleanup() -> Self {
        let flag = Arc::new(AtomicBool::new(true));
        let on_cleanup_flag = flag.clone();
        on_cleanup(move || on_cleanup_flag.store(false, Ordering::Relaxed));
        Self(flag)
    }

    /// Whether the page is still shown.
    pub fn get(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}
