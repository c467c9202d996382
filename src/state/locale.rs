//! The chosen language, in context.

use leptos::prelude::*;

use crate::browser;
use crate::i18n::{Locale, Messages};

const STORAGE_KEY: &str = "glance-share.locale";

/// The language state: read messages with [`I18n::t`], change with [`I18n::set`].
#[derive(Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
}

impl I18n {
    /// The saved choice, else the browser's language.
    pub fn provide() -> Self {
        let saved = browser::local_storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
        let locale = Locale::from_tag(&saved.unwrap_or_else(browser::browser_language));
        browser::set_document_lang(locale.tag());
        let i18n = Self {
            locale: RwSignal::new(locale),
        };
        provide_context(i18n);
        i18n
    }

    /// The messages of the current language (reactive).
    pub fn t(&self) -> &'static Messages {
        self.locale.get().messages()
    }

    pub fn locale(&self) -> Locale {
        self.locale.get()
    }

    /// Switches language and remembers the choice.
    pub fn set(&self, locale: Locale) {
        self.locale.set(locale);
        browser::set_document_lang(locale.tag());
        if let Some(s) = browser::local_storage() {
            let _ = s.set_item(STORAGE_KEY, locale.tag());
        }
    }
}

/// The language state from context (falls back to English outside the app, e.g. in tests).
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n {
        locale: RwSignal::new(Locale::En),
    })
}
