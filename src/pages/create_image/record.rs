//! Creating the image record with an id the app chose, so that an answer lost or unreadable
//! never leaves a record the page cannot find, and trying again never makes a second one.

use leptos::prelude::*;

use crate::api::client::Glance;
use crate::api::create::{image_id_from, with_id};
use crate::api::ApiError;
use crate::browser;

/// What became of a create request.
pub enum Created {
    /// Glance made the record (it said so, or it holds it after a retry with the same id).
    Made(String),
    /// The answer was lost or unreadable, but Glance holds the record: the page links it and
    /// offers to send the data, and shows why it stopped.
    MadeUnclear(String, ApiError),
    /// No record was made (Glance said no, or holds nothing with that id).
    NotMade(ApiError),
}

/// The id for the next create attempt: a new one, unless an earlier attempt's outcome is
/// still unknown (then the same id, so Glance refuses a duplicate with a 409).
#[derive(Clone, Copy)]
pub struct RecordId(StoredValue<Option<String>>);

impl RecordId {
    /// In the page's component.
    pub fn new() -> Self {
        Self(StoredValue::new(None))
    }

    fn next(&self) -> String {
        self.0
            .try_get_value()
            .flatten()
            .unwrap_or_else(|| image_id_from(browser::random_16()))
    }

    /// Creates the record from `body` (the form's fields).
    pub async fn create(self, glance: &Glance, body: &serde_json::Value) -> Created {
        let id = self.next();
        let outcome = match glance.create_image(&with_id(body.clone(), &id)).await {
            Ok(image) => Created::Made(image.id),
            // Only an earlier attempt with this id can conflict: it did make the record.
            Err(e) if e.status == 409 => match glance.image(&id, None).await {
                Ok(image) => Created::Made(image.id),
                Err(_) => Created::NotMade(e),
            },
            Err(e) if e.outcome_unknown() => match glance.image(&id, None).await {
                Ok(image) => Created::MadeUnclear(image.id, e),
                Err(read) if read.status == 404 => Created::NotMade(e),
                Err(_) => {
                    // Still unknown: the next attempt uses the same id.
                    self.0.try_set_value(Some(id));
                    return Created::NotMade(e);
                }
            },
            Err(e) => Created::NotMade(e),
        };
        self.0.try_set_value(None);
        outcome
    }
}
