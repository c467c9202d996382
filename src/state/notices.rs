//! Results of actions that finished after the user left the page that started them, shown
//! at the top of whatever logged-in page the user is on now.

use leptos::prelude::*;

use crate::i18n::Words;

/// One result waiting to be read: a summary line and the details (each refusal with the
/// service's words and request id, what was not sent and why). Kept as [`Words`], so a notice
/// posted before the user switched language is read in the new one.
#[derive(Debug, Clone)]
pub struct Notice {
    pub id: u64,
    /// Only this Keystone user sees it: after a logout, the next person to log in on this tab
    /// must not read what the previous one did.
    pub user_id: String,
    /// True when everything asked for was done.
    pub ok: bool,
    pub summary: Words,
    pub details: Vec<Words>,
}

/// The notices of this tab, in context for the whole configured app (above the routes, so a
/// notice outlives the page that posted it and the navigation that followed).
#[derive(Clone, Copy)]
pub struct Notices {
    list: RwSignal<Vec<Notice>>,
    next_id: StoredValue<u64>,
    /// The id of the newest notice posted (0 before the first).
    posted: RwSignal<u64>,
}

impl Notices {
    /// Creates the (empty) list and provides it.
    pub fn provide() -> Self {
        let notices = Self {
            list: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(1),
            posted: RwSignal::new(0),
        };
        provide_context(notices);
        notices
    }

    /// Adds a notice for `user_id`. Safe to call from a task that outlived its page (it only
    /// uses the `try_*` forms).
    pub fn post(&self, user_id: String, ok: bool, summary: Words, details: Vec<Words>) {
        let Some(id) = self.next_id.try_get_value() else {
            return;
        };
        self.next_id.try_set_value(id + 1);
        self.list.try_update(|l| {
            l.push(Notice {
                id,
                user_id,
                ok,
                summary,
                details,
            })
        });
        self.posted.try_set(id);
    }

    /// The id of the newest notice posted so far, reactive. A notice says an action ended
    /// after its page was left, possibly after the page now shown read what it changed: such a
    /// page follows this to read again.
    pub fn posted(&self) -> u64 {
        self.posted.get()
    }

    /// Removes one notice (the user dismissed it).
    pub fn dismiss(&self, id: u64) {
        self.list.update(|l| l.retain(|n| n.id != id));
    }

    /// The notices for `user_id`, oldest first (reactive).
    pub fn for_user(&self, user_id: &str) -> Vec<Notice> {
        self.list
            .with(|l| l.iter().filter(|n| n.user_id == user_id).cloned().collect())
    }
}

/// The notices from context, if the app provides them.
pub fn use_notices() -> Option<Notices> {
    use_context::<Notices>()
}
