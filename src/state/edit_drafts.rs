//! What a user typed in an image's edit form and did not save, kept when the detail page is
//! left (a link, Back, a project switch), so that coming back to the image brings it back
//! instead of losing it. Kept in memory only, for this tab: a reload or a closed tab ends it,
//! as it ends everything else the app holds besides the session.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::api::patch::ImageEdit;
use crate::model::Image;

/// One image's unsaved form.
#[derive(Clone)]
pub struct EditDraft {
    /// Only this Keystone user gets it back: after a logout, the next person to log in on
    /// this tab must not find the previous one's typing.
    pub user_id: String,
    /// The image as the form started from it: a Save compares it with what Glance holds
    /// then, so a change made elsewhere meanwhile is still caught (and said).
    pub base: Image,
    pub edit: ImageEdit,
    /// Minimum disk and RAM as typed (see the form).
    pub disk_text: String,
    pub ram_text: String,
    /// A tag, a property key and value typed but not added yet.
    pub new_tag: String,
    pub new_key: String,
    pub new_value: String,
}

impl EditDraft {
    /// Whether it holds anything the user typed: the edit differs from the image it started
    /// from, or something is typed but not added.
    pub fn holds_typing(&self) -> bool {
        let start = ImageEdit::from_image(&self.base);
        self.edit != start
            || self.disk_text != start.min_disk.to_string()
            || self.ram_text != start.min_ram.to_string()
            || !self.new_tag.trim().is_empty()
            || !self.new_key.trim().is_empty()
            || !self.new_value.is_empty()
    }
}

thread_local! {
    /// Image id → its draft. One per image: the last form left wins.
    static DRAFTS: RefCell<HashMap<String, EditDraft>> = RefCell::new(HashMap::new());
}

/// Keeps `draft` for the image `image_id` if it holds typing; forgets any older one otherwise
/// (the form was saved or left as it came).
pub fn keep(image_id: &str, draft: EditDraft) {
    DRAFTS.with(|d| {
        let mut drafts = d.borrow_mut();
        if draft.holds_typing() {
            drafts.insert(image_id.to_string(), draft);
        } else {
            drafts.remove(image_id);
        }
    });
}

/// Takes the draft of the image `image_id` typed by `user_id`, if there is one. A draft of
/// another user is dropped.
pub fn take(image_id: &str, user_id: &str) -> Option<EditDraft> {
    DRAFTS
        .with(|d| d.borrow_mut().remove(image_id))
        .filter(|draft| draft.user_id == user_id)
}

/// After a save that Glance made (`wanted`, answered with `updated`), possibly ended after the
/// page was left: a draft kept meanwhile that holds no more than what was saved goes; one
/// holding more (typed while the save ran) stays, now starting from `updated`, so its own
/// Save does not take the app's save for a change made elsewhere.
pub fn after_save(image_id: &str, wanted: &ImageEdit, updated: &Image) {
    DRAFTS.with(|d| {
        let mut drafts = d.borrow_mut();
        let Some(draft) = drafts.get_mut(image_id) else {
            return;
        };
        draft.base = updated.clone();
        let saved_all = draft.edit == *wanted
            && draft.disk_text == wanted.min_disk.to_string()
            && draft.ram_text == wanted.min_ram.to_string()
            && draft.new_tag.trim().is_empty()
            && draft.new_key.trim().is_empty()
            && draft.new_value.is_empty();
        if saved_all {
            drafts.remove(image_id);
        }
    });
}
