//! What the user typed and picked on the create page, and the checks before sending.

use leptos::prelude::*;

use crate::components::element_ref::ElementRef;
use web_sys::File;

use super::file_picker::picked_file;
use super::phase::FormProblem;
use std::collections::BTreeMap;

use crate::api::create::{create_body, NewImage};
use crate::api::import::{check_url, DataSource};
use crate::components::property_rows::NewProperty;
use crate::components::SourceKind;
use crate::format::whole_number;

/// The form's state. It belongs to the page and outlives re-logins and project switches
/// (the shell keeps the page), so nothing typed is lost to them.
#[derive(Clone, Copy)]
pub struct FormState {
    /// The record's fields but tags and custom properties, which are kept as typed.
    pub record: RwSignal<NewImage>,
    /// Minimum disk and RAM as typed (checked to be whole numbers before sending).
    pub min_disk: RwSignal<String>,
    pub min_ram: RwSignal<String>,
    /// Comma separated, as typed.
    pub tags: RwSignal<String>,
    /// Custom properties, key → value, as typed in their rows.
    pub properties: RwSignal<BTreeMap<String, String>>,
    /// The property row being typed, not added yet.
    pub new_property: NewProperty,
    /// How Glance gets the data.
    pub kind: RwSignal<SourceKind>,
    /// The web-download URL as typed.
    pub url: RwSignal<String>,
    pub file_input: ElementRef,
    /// Once the user picks a disk format, a file's extension or data no longer changes it.
    pub format_chosen: RwSignal<bool>,
    /// The disk format Glance will find in the picked file's data, once its start was read.
    pub detected: RwSignal<Option<&'static str>>,
    /// What the last check found.
    pub problem: RwSignal<Option<FormProblem>>,
}

impl FormState {
    pub fn new() -> Self {
        Self {
            record: RwSignal::new(NewImage::default()),
            min_disk: RwSignal::new("0".to_string()),
            min_ram: RwSignal::new("0".to_string()),
            tags: RwSignal::new(String::new()),
            properties: RwSignal::new(BTreeMap::new()),
            new_property: NewProperty::new(),
            kind: RwSignal::new(SourceKind::Upload),
            url: RwSignal::new(String::new()),
            file_input: ElementRef::new(),
            format_chosen: RwSignal::new(false),
            detected: RwSignal::new(None),
            problem: RwSignal::new(None),
        }
    }

    /// The picked file, if any.
    pub fn file(&self) -> Option<File> {
        picked_file(self.file_input)
    }

    /// The data source as the form says now, checked.
    pub fn source(&self) -> Result<DataSource, FormProblem> {
        let source = match self.kind.get_untracked() {
            SourceKind::Upload => DataSource::Upload,
            SourceKind::Stage => DataSource::Stage,
            SourceKind::Web => check_url(&self.url.get_untracked())
                .map(DataSource::WebDownload)
                .map_err(FormProblem::Url)?,
        };
        if source.needs_file() && self.file().is_none() {
            return Err(FormProblem::NoFile);
        }
        Ok(source)
    }

    /// Adds the property typed in the add row, if any; false when its key was refused (the
    /// row then says why and has the focus).
    pub fn add_typed_property(&self) -> bool {
        let properties = self.properties;
        let taken = self
            .new_property
            .take(|k| properties.with_untracked(|p| p.contains_key(k)));
        let added = taken.is_some();
        if let Some((key, value)) = taken {
            properties.update(|p| {
                p.insert(key, value);
            });
        }
        added
    }

    /// The body of `POST /v2/images` and the data source, checked in the order the user
    /// reads the form's messages: minimum disk and RAM, data, then the record itself.
    pub fn new_record(&self) -> Result<(serde_json::Value, DataSource), FormProblem> {
        let number = |text: RwSignal<String>, disk: bool| {
            text.with_untracked(|t| whole_number(t))
                .ok_or(FormProblem::NotWholeNumber { disk })
        };
        let min_disk = number(self.min_disk, true)?;
        let min_ram = number(self.min_ram, false)?;
        let source = self.source()?;
        let mut image = self.record.get_untracked();
        image.min_disk = min_disk;
        image.min_ram = min_ram;
        image.tags = crate::format::comma_list(&self.tags.get_untracked());
        image.properties = self.properties.get_untracked();
        let body = create_body(&image).map_err(FormProblem::Image)?;
        Ok((body, source))
    }

    /// Records the outcome of a check: clears the message, or shows the problem.
    pub fn checked<T>(&self, result: Result<T, FormProblem>) -> Option<T> {
        match result {
            Ok(value) => {
                self.problem.set(None);
                Some(value)
            }
            Err(problem) => {
                self.problem.set(Some(problem));
                None
            }
        }
    }
}
