//! The image file field, in the app's language.

use leptos::prelude::*;

use crate::components::element_ref::ElementRef;

use crate::format::human_size;
use crate::state::use_i18n;

/// The file `input` holds now, if any (none once the input has left the page).
pub fn picked_file(input: ElementRef) -> Option<web_sys::File> {
    input
        .get_as::<web_sys::HtmlInputElement>()
        .and_then(|i| i.files())
        .and_then(|list| list.get(0))
}

/// The file field of the create page. A bare `<input type="file">` shows the browser's own
/// words ("Choose File", "No file chosen") in the browser's language, so a Chinese page showed
/// English there. The native input stays, labelled by the page's "Image file" label, focusable
/// and clickable (it lies, transparent, over the whole field), so keyboards, screen readers
/// and drag and drop work as with any file input; what the eye sees is a button and the
/// chosen file's name and size in the app's language.
#[component]
pub fn FilePicker(
    /// The `id` the page's `<label for>` names.
    id: &'static str,
    /// The input, read by the form when it sends.
    input: ElementRef,
    /// Called after the user picked (or cleared) a file.
    on_change: impl Fn() + 'static,
    /// True while the form says a file is missing: the input is marked invalid and described
    /// by that message (`message_id`), so the focus goes to it after the refused submit.
    #[prop(into)]
    missing: Signal<bool>,
    /// The `id` of the form's message.
    message_id: &'static str,
    /// The `id` of a note about the picked file, while there is one (it describes the input).
    #[prop(into)]
    note: Signal<Option<&'static str>>,
) -> impl IntoView {
    let i18n = use_i18n();
    // (name, size) of the picked file, as the input holds it after its last change.
    let chosen = RwSignal::new(None::<(String, u64)>);
    let picked = move |_| {
        let file = picked_file(input);
        // A File's size is a JS number of bytes: whole and far below 2^53.
        chosen.set(file.map(|f| (f.name(), f.size().max(0.0) as u64)));
        on_change();
    };
    view! {
        <div class="file-picker">
            <input
                id=id
                type="file"
                class="file-picker__input"
                node_ref=input
                on:change=picked
                aria-invalid=move || missing.get().to_string()
                aria-describedby=move || {
                    let ids: Vec<&str> = [missing.get().then_some(message_id), note.get()].into_iter().flatten().collect();
                    (!ids.is_empty()).then(|| ids.join(" "))
                }
            />
            // The input's accessible name and value already say all this to a screen reader.
            <span class="button file-picker__button" aria-hidden="true">
                {move || i18n.t().choose_file}
            </span>
            // The file's name is the user's own: not for a page translator.
            <span
                class="file-picker__chosen"
                aria-hidden="true"
                translate=move || chosen.with(Option::is_some).then_some("no")
            >
                {move || match chosen.get() {
                    Some((name, size)) => i18n.t().chosen_file.fill(&[&&name, &&human_size(Some(size))]),
                    None => i18n.t().no_file_chosen.to_string(),
                }}
            </span>
        </div>
    }
}
