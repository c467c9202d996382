//! JSON patches for image edits: only what the user changed, in Glance's patch dialect
//! (`application/openstack-images-v2.1-json-patch`, paths like `/name`, `/tags`).

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::model::Image;

/// Properties Glance manages itself: never sent in an edit, not offered for editing.
pub const READ_ONLY: &[&str] = &[
    "id",
    "status",
    "visibility",
    "size",
    "virtual_size",
    "checksum",
    "os_hash_algo",
    "os_hash_value",
    "created_at",
    "updated_at",
    "owner",
    "stores",
    "locations",
    "direct_url",
    "file",
    "schema",
    "self",
    "protected",
    "os_hidden",
    "tags",
    "name",
    "min_disk",
    "min_ram",
    "disk_format",
    "container_format",
];

/// True for a property name the user may add or edit as a custom property.
pub fn is_editable_custom(key: &str) -> bool {
    !key.is_empty() && !READ_ONLY.contains(&key) && !key.starts_with("os_glance")
}

/// Why a property name typed in the add row is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyProblem {
    /// Nothing typed as the name.
    Empty,
    /// One of Glance's own fields (or `os_glance…`): not a custom property.
    Reserved,
    /// Already a row: its value is changed there.
    Exists,
}

/// What is wrong with `key` (trimmed) as a new custom property, when `exists` says whether
/// it is a row already; none when it can be added.
pub fn custom_key_problem(key: &str, exists: bool) -> Option<KeyProblem> {
    if key.is_empty() {
        Some(KeyProblem::Empty)
    } else if !is_editable_custom(key) {
        Some(KeyProblem::Reserved)
    } else if exists {
        Some(KeyProblem::Exists)
    } else {
        None
    }
}

/// What the edit form holds.
#[derive(Debug, Clone, Eq, Default)]
pub struct ImageEdit {
    pub name: String,
    pub min_disk: u64,
    pub min_ram: u64,
    pub tags: Vec<String>,
    /// Custom properties, as text.
    pub properties: BTreeMap<String, String>,
}

/// Glance keeps an image's tags as a set: their order in its answers is not stable (a PATCH's
/// answer and the next GET of the same image can list them differently), so the same tags in
/// another order are the same edit, not a change made elsewhere.
impl PartialEq for ImageEdit {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
            && self.min_disk == other.min_disk
            && self.min_ram == other.min_ram
            && self.properties == other.properties
            && same_tags(&self.tags, &other.tags)
    }
}

/// Whether two tag lists hold the same tags, in any order.
fn same_tags(a: &[String], b: &[String]) -> bool {
    fn sorted(tags: &[String]) -> Vec<&String> {
        let mut tags: Vec<&String> = tags.iter().collect();
        tags.sort_unstable();
        tags
    }
    a.len() == b.len() && sorted(a) == sorted(b)
}

impl ImageEdit {
    /// The form's starting values for an image.
    pub fn from_image(image: &Image) -> Self {
        Self {
            name: image.name.clone().unwrap_or_default(),
            min_disk: image.min_disk.unwrap_or(0),
            min_ram: image.min_ram.unwrap_or(0),
            tags: image.tags.clone(),
            properties: image
                .custom_properties()
                .into_iter()
                .filter(|(k, _)| is_editable_custom(k))
                .collect(),
        }
    }
}

/// The JSON pointer (RFC 6901) of a top-level property: `~` becomes `~0` and `/` becomes `~1`,
/// so a key like `a/b` names that one property instead of a nested `a` → `b`.
pub fn pointer(key: &str) -> String {
    format!("/{}", key.replace('~', "~0").replace('/', "~1"))
}

/// The patch from `original` to `edit`: one operation per changed field, none if nothing
/// changed. Tags are replaced as a whole list (Glance's way); custom properties are added,
/// replaced or removed one by one.
pub fn image_patch(original: &Image, edit: &ImageEdit) -> Value {
    let before = ImageEdit::from_image(original);
    let mut ops = Vec::new();
    if edit.name != before.name {
        ops.push(json!({ "op": "replace", "path": "/name", "value": edit.name }));
    }
    if edit.min_disk != before.min_disk {
        ops.push(json!({ "op": "replace", "path": "/min_disk", "value": edit.min_disk }));
    }
    if edit.min_ram != before.min_ram {
        ops.push(json!({ "op": "replace", "path": "/min_ram", "value": edit.min_ram }));
    }
    if !same_tags(&edit.tags, &before.tags) {
        ops.push(json!({ "op": "replace", "path": "/tags", "value": edit.tags }));
    }
    for (key, value) in &edit.properties {
        match before.properties.get(key) {
            None => ops.push(json!({ "op": "add", "path": pointer(key), "value": value })),
            Some(old) if old != value => {
                ops.push(json!({ "op": "replace", "path": pointer(key), "value": value }))
            }
            Some(_) => {}
        }
    }
    for key in before.properties.keys() {
        if !edit.properties.contains_key(key) {
            ops.push(json!({ "op": "remove", "path": pointer(key) }));
        }
    }
    Value::Array(ops)
}

/// A patch that sets one boolean field (`/protected`, `/os_hidden`).
pub fn flag_patch(field: &str, value: bool) -> Value {
    json!([{ "op": "replace", "path": pointer(field), "value": value }])
}
