//! Where creating the image stands, and what can be wrong with the form.

use crate::api::create::{NewImageProblem, Progress};
use crate::api::import::UrlProblem;
use crate::api::ApiError;
use crate::i18n::Messages;
use crate::model::ImageStatus;

/// Where creating the image stands.
#[derive(Clone, PartialEq)]
pub enum Phase {
    Editing,
    Creating,
    Uploading(Progress),
    WaitingActive,
    /// Glance is importing (glance-direct after staging, or web-download); its status.
    Importing(ImageStatus),
    Done,
    Cancelled,
    /// The upload moved no data for the stall limit and was stopped.
    Stalled,
    Failed(ApiError),
}

impl Phase {
    /// True while something runs: the form is locked.
    pub fn busy(&self) -> bool {
        matches!(
            self,
            Phase::Creating | Phase::Uploading(_) | Phase::WaitingActive | Phase::Importing(_)
        )
    }
}

/// A problem found in the form before anything is sent.
#[derive(Clone, PartialEq)]
pub enum FormProblem {
    Image(NewImageProblem),
    Url(UrlProblem),
    /// Upload or stage chosen, but no file picked.
    NoFile,
    /// The minimum disk (`true`) or RAM (`false`) is not a whole number of 0 or more.
    NotWholeNumber {
        disk: bool,
    },
}

impl FormProblem {
    /// What the form says about it.
    pub fn text(&self, t: &Messages) -> String {
        match self {
            FormProblem::Image(NewImageProblem::MissingName) => t.name_required.to_string(),
            FormProblem::Url(UrlProblem::Empty) => t.url_required.to_string(),
            FormProblem::Url(UrlProblem::NotHttp) => t.url_not_http.to_string(),
            FormProblem::NoFile => t.file_required.to_string(),
            FormProblem::NotWholeNumber { disk } => {
                let label = if *disk {
                    t.field_min_disk
                } else {
                    t.field_min_ram
                };
                t.labelled(label, t.whole_number_needed)
            }
        }
    }
}
