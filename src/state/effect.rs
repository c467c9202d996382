//! Side effects that follow signals, compiled once.

use leptos::prelude::*;

/// Runs `run` now (on the next tick) and again whenever a signal it read changes: what
/// `Effect::new(move |_| …)` does, with the closure boxed so that Leptos's effect loop is
/// compiled once for all of them instead of once per closure (about 0.5 KB of wasm each;
/// README "Size").
pub fn effect(run: impl Fn() + 'static) {
    let run: Box<dyn Fn()> = Box::new(run);
    Effect::new(move |_| run());
}

/// [`effect`] whose run is given what its previous run returned (`None` the first time), as
/// `Effect::new(move |before: Option<T>| …)` does.
pub fn effect_with_previous<T: 'static>(run: impl Fn(Option<T>) -> T + 'static) {
    let previous = std::cell::Cell::new(None);
    effect(move || previous.set(Some(run(previous.take()))));
}
