//! A part of a view that is there only while a condition holds.
//!
//! What Leptos's `<Show>` does for this app, compiled once: `<Show>` is a component with its
//! own props builder and an `Either` view of its two children, instantiated again for every
//! place it is used (about 7 KB of the first load's wasm before optimisation, README "Size").
//! Here the condition and the parts are boxed, so all uses share one body.

use leptos::prelude::*;

/// A part of the view, made anew each time it is shown.
type Part = Box<dyn Fn() -> AnyView + Send + Sync>;

/// `part` while `condition` holds, nothing otherwise.
///
/// The condition is memoised: the part is made again only when the condition turns from
/// false to true, not whenever something the condition reads changes, so a field inside
/// keeps its focus and text (as with `<Show>`).
pub fn shown_when(
    condition: impl Fn() -> bool + Send + Sync + 'static,
    part: impl Fn() -> AnyView + Send + Sync + 'static,
) -> AnyView {
    one_of_two(Box::new(condition), Box::new(part), None)
}

/// `part` while `condition` holds, `otherwise` while it does not (memoised as
/// [`shown_when`]).
pub fn shown_when_else(
    condition: impl Fn() -> bool + Send + Sync + 'static,
    part: impl Fn() -> AnyView + Send + Sync + 'static,
    otherwise: impl Fn() -> AnyView + Send + Sync + 'static,
) -> AnyView {
    one_of_two(
        Box::new(condition),
        Box::new(part),
        Some(Box::new(otherwise)),
    )
}

fn one_of_two(
    condition: Box<dyn Fn() -> bool + Send + Sync>,
    part: Part,
    otherwise: Option<Part>,
) -> AnyView {
    let holds = Memo::new(move |_| condition());
    (move || {
        if holds.get() {
            part()
        } else {
            match &otherwise {
                Some(otherwise) => otherwise(),
                None => ().into_any(),
            }
        }
    })
    .into_any()
}
