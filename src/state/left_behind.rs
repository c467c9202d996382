//! What a single action on one image (Save, a visibility, Protect, …) says when it ends after
//! the user has left the page that started it: the page and its messages are gone, so the
//! outcome goes to the notice area of whatever page the user is on now, failures included
//! (a protect that was refused must not pass for done).

use crate::i18n::{Messages, Words};
use crate::state::notices::{use_notices, Notices};
use crate::state::page_alive::PageAlive;
use crate::state::use_session;

/// Made where the action's control is (so it knows when that page goes); cheap to clone into
/// the action's task.
#[derive(Clone)]
pub struct LeftBehind {
    on_page: PageAlive,
    notices: Option<Notices>,
    user_id: Option<String>,
}

impl LeftBehind {
    /// Tied to the current component: "left" once it is cleaned up.
    pub fn here() -> Self {
        Self {
            on_page: PageAlive::until_cleanup(),
            notices: use_notices(),
            user_id: use_session().get_untracked().map(|s| s.info.user_id),
        }
    }

    /// When the page is gone, posts the outcome of `action` (its button's words) on the image
    /// named `name`: `Ok` with what it did ("Protected: Yes"), or `Err` with why it was not
    /// done (Glance's refusal, see [`crate::i18n::failure_words`]). Nothing while the page is
    /// still shown: it says so itself.
    pub fn report(
        &self,
        name: String,
        action: fn(&'static Messages) -> &'static str,
        outcome: Result<Words, Words>,
    ) {
        let (Some(notices), Some(user_id)) = (self.notices, self.user_id.clone()) else {
            return;
        };
        if self.on_page.get() {
            return;
        }
        match outcome {
            Ok(done) => {
                let summary = Words::new(move |t| t.labelled(&name, done.say(t)));
                notices.post(user_id, true, summary, Vec::new());
            }
            Err(why) => {
                let summary = Words::new(move |t| t.with_note(&name, action(t)));
                notices.post(user_id, false, summary, vec![why]);
            }
        }
    }

    /// The same for an outcome that is a whole sentence naming its image already ("You
    /// accepted the image a."): posted as it is.
    pub fn report_sentence(&self, done: bool, sentence: Words) {
        let (Some(notices), Some(user_id)) = (self.notices, self.user_id.clone()) else {
            return;
        };
        if !self.on_page.get() {
            notices.post(user_id, done, sentence, Vec::new());
        }
    }
}
