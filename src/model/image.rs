//! Glance v2 image records, tolerant of whatever a cloud adds.

use std::borrow::Cow;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use super::lenient::{flag, text, texts, whole};
use crate::format::bidi_isolated;

/// Declares a string enum that never fails to decode: unknown values become `Other`.
macro_rules! open_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(from = "String", into = "String")]
        pub enum $name {
            $($variant,)*
            /// A value this app does not know (newer Glance, custom deployment).
            Other(String),
        }

        impl $name {
            /// The API's spelling.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $text,)*
                    $name::Other(s) => s.as_str(),
                }
            }
        }

        /// Unknown: the field was missing or not a string (see [`super::lenient`]).
        impl Default for $name {
            fn default() -> Self {
                $name::Other(String::new())
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                match value.as_str() {
                    $($text => $name::$variant,)*
                    _ => $name::Other(value),
                }
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.as_str().to_string()
            }
        }
    };
}
pub(crate) use open_enum;

open_enum!(
    /// `status` of an image.
    ImageStatus {
        Queued => "queued",
        Saving => "saving",
        Uploading => "uploading",
        Importing => "importing",
        Active => "active",
        Deactivated => "deactivated",
        Killed => "killed",
        Deleted => "deleted",
        PendingDelete => "pending_delete",
    }
);

impl ImageStatus {
    /// True while Glance is busy with the image's data (an upload or import in progress):
    /// the status will change on its own.
    pub fn is_in_progress(&self) -> bool {
        matches!(
            self,
            ImageStatus::Saving | ImageStatus::Uploading | ImageStatus::Importing
        )
    }
}

open_enum!(
    /// `visibility` of an image.
    Visibility {
        Public => "public",
        Private => "private",
        Shared => "shared",
        Community => "community",
    }
);

/// One image as Glance returns it. Custom properties are kept in `extra`.
///
/// Only `id` must be there (a string): every other field of an unexpected type or range
/// decodes as unknown (None, empty, false, an empty `Other` status), so that one odd value
/// does not hide the image, or the page it is on. Decoded by hand from the record's JSON
/// object ([`Image::from_record`]): serde's derive with a flattened map and a lenient
/// reader per field compiled into several KB of the first load (README "Size").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Image {
    pub id: String,
    pub name: Option<String>,
    pub status: ImageStatus,
    pub visibility: Visibility,
    pub size: Option<u64>,
    pub virtual_size: Option<u64>,
    pub disk_format: Option<String>,
    pub container_format: Option<String>,
    pub owner: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub protected: bool,
    pub os_hidden: bool,
    pub tags: Vec<String>,
    pub checksum: Option<String>,
    pub os_hash_algo: Option<String>,
    pub os_hash_value: Option<String>,
    pub min_disk: Option<u64>,
    pub min_ram: Option<u64>,
    pub stores: Option<String>,
    /// Every other property: custom ones and fields newer Glance versions add.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Fields Glance manages itself or links; not "custom properties" for display or editing.
const NOT_CUSTOM: &[&str] = &[
    "self",
    "file",
    "schema",
    "direct_url",
    "locations",
    "os_glance_failed_import",
    "os_glance_importing_to_stores",
];

impl Image {
    /// The name to show: the image name, or its id when it has none.
    pub fn display_name(&self) -> &str {
        match self.name.as_deref() {
            Some(n) if shows_something(n) => n,
            _ => &self.id,
        }
    }

    /// [`Image::display_name`] for a place inside a sentence (a question, a notice, an
    /// accessible name, the page title): isolated from the words around it when it could turn
    /// their direction ([`bidi_isolated`]). A name alone in its element (a row's link, a
    /// heading) needs none: the element bounds it.
    pub fn name_in_text(&self) -> Cow<'_, str> {
        bidi_isolated(self.display_name())
    }

    /// True while Glance is busy with the image's data: an upload or import in progress, or
    /// an import just accepted while the image still says `queued`. Glance takes the import's
    /// lock (`os_glance_import_task`) when it accepts the import and moves the status to
    /// `importing` a moment later, in the task; it drops the lock when the task ends either way.
    pub fn data_in_progress(&self) -> bool {
        self.status.is_in_progress()
            || (self.status == ImageStatus::Queued
                && self.extra.contains_key("os_glance_import_task"))
    }

    /// True when the image has no name (the id is shown instead).
    pub fn is_nameless(&self) -> bool {
        self.name.as_deref().is_none_or(|n| !shows_something(n))
    }

    /// Custom (additional) properties as displayable key/value text, sorted by key.
    pub fn custom_properties(&self) -> Vec<(String, String)> {
        let mut props: Vec<(String, String)> = self
            .extra
            .iter()
            .filter(|(k, _)| !NOT_CUSTOM.contains(&k.as_str()))
            .map(|(k, v)| {
                let text = match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                (k.clone(), text)
            })
            .collect();
        props.sort();
        props
    }
}

/// A page of `GET /v2/images`.
#[derive(Debug, Clone, PartialEq)]
pub struct ImagePage {
    /// The images of the page that have an id; a record without one cannot be shown, linked
    /// or acted on, and is left out rather than failing the page.
    pub images: Vec<Image>,
    /// Present when Glance has more images after this page.
    pub next: Option<String>,
}

impl<'de> Deserialize<'de> for ImagePage {
    /// The answer must be an object with a list `images`; `next` is unknown unless a string.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Value::Object(mut answer) = Value::deserialize(deserializer)? else {
            return Err(D::Error::custom("an image list is a JSON object"));
        };
        let Some(Value::Array(records)) = answer.remove("images") else {
            return Err(D::Error::custom("no list `images` in the answer"));
        };
        Ok(ImagePage {
            images: records.into_iter().filter_map(Image::from_record).collect(),
            next: text(answer.remove("next")),
        })
    }
}

impl<'de> Deserialize<'de> for Image {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Image::from_record(Value::deserialize(deserializer)?)
            .ok_or_else(|| D::Error::custom("an image record is an object with a string `id`"))
    }
}

impl Image {
    /// The image a record of Glance's describes, or `None` when it is not an object with a
    /// string `id`. Every other field of an unexpected type or range is unknown; fields this
    /// app does not name are kept in `extra`.
    pub fn from_record(record: Value) -> Option<Image> {
        let Value::Object(mut fields) = record else {
            return None;
        };
        let mut take = |name: &str| fields.remove(name);
        let id = text(take("id"))?;
        let name = text(take("name"));
        let status = text(take("status"))
            .map(ImageStatus::from)
            .unwrap_or_default();
        let visibility = text(take("visibility"))
            .map(Visibility::from)
            .unwrap_or_default();
        let size = whole(take("size"));
        let virtual_size = whole(take("virtual_size"));
        let disk_format = text(take("disk_format"));
        let container_format = text(take("container_format"));
        let owner = text(take("owner"));
        let created_at = text(take("created_at")).unwrap_or_default();
        let updated_at = text(take("updated_at")).unwrap_or_default();
        let protected = flag(take("protected"));
        let os_hidden = flag(take("os_hidden"));
        let tags = texts(take("tags"));
        let checksum = text(take("checksum"));
        let os_hash_algo = text(take("os_hash_algo"));
        let os_hash_value = text(take("os_hash_value"));
        let min_disk = whole(take("min_disk"));
        let min_ram = whole(take("min_ram"));
        let stores = text(take("stores"));
        Some(Image {
            id,
            name,
            status,
            visibility,
            size,
            virtual_size,
            disk_format,
            container_format,
            owner,
            created_at,
            updated_at,
            protected,
            os_hidden,
            tags,
            checksum,
            os_hash_algo,
            os_hash_value,
            min_disk,
            min_ram,
            stores,
            extra: fields,
        })
    }
}

impl ImagePage {
    /// The marker for the next page: the id of the last image, when Glance says there is more.
    ///
    /// The `next` link itself is not followed: Glance collapses repeated parameters in it
    /// (`tag=a&tag=b` comes back as `tag=b`), so the next request is rebuilt from our own query.
    pub fn next_marker(&self) -> Option<String> {
        self.next
            .as_ref()
            .and_then(|_| self.images.last().map(|i| i.id.clone()))
    }
}

/// True when a name shows at least one character: not only spaces and the invisible format
/// characters (zero-width spaces and joiners, direction marks and overrides, the byte-order
/// mark), which would leave a link or a checkbox's name empty to the eye and to a screen reader.
fn shows_something(name: &str) -> bool {
    name.chars().any(|c| {
        !c.is_whitespace()
            && !matches!(c,
                '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}'
                | '\u{17B5}' | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}'
                | '\u{E0000}'..='\u{E007F}')
    })
}
