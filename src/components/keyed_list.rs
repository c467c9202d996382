//! A list whose rows are kept by key when it changes (Leptos's `<For>`), compiled once.
//!
//! `<For>` compiles its keyed diff and its row views again for every place it is used (its
//! item, key and view types); two on the first screen (the notices, the project switcher's
//! choices) were about 20 KB of the first load's wasm before optimisation (README "Size").
//! Here every list is a list of [`Keyed`] rows with `String` keys and boxed views, so all of
//! them share one `<For>`. The lists of the pages off the first screen (members, access rows,
//! refused removals) still use `<For>`: their code is fetched with their page, not in the
//! first load, so moving them here would not make the first load smaller.

use leptos::prelude::*;

/// One row: its key and how its view is made (only for a key not shown before).
pub struct Keyed {
    key: String,
    view: Box<dyn FnOnce() -> AnyView + Send + Sync>,
}

impl Keyed {
    /// A row kept as long as a row with `key` stays in the list.
    pub fn new(key: String, view: impl FnOnce() -> AnyView + Send + Sync + 'static) -> Self {
        Self {
            key,
            view: Box::new(view),
        }
    }
}

/// The rows `rows` gives, each made once per key: a row whose key stays keeps its element
/// (focus, what was typed) when others come, go or move.
pub fn keyed_list(rows: impl Fn() -> Vec<Keyed> + Send + Sync + 'static) -> AnyView {
    let rows: Box<dyn Fn() -> Vec<Keyed> + Send + Sync> = Box::new(rows);
    view! {
        <For each=rows key=|row: &Keyed| row.key.clone() children=|row: Keyed| (row.view)() />
    }
    .into_any()
}
