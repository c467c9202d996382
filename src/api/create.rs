//! Creating an image record (pure): the body of `POST /v2/images` from the create form.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

/// What the create form holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewImage {
    pub name: String,
    pub disk_format: String,
    pub container_format: String,
    pub visibility: String,
    pub min_disk: u64,
    pub min_ram: u64,
    pub protected: bool,
    pub tags: Vec<String>,
    pub properties: BTreeMap<String, String>,
}

impl Default for NewImage {
    fn default() -> Self {
        Self {
            name: String::new(),
            disk_format: "qcow2".into(),
            container_format: "bare".into(),
            // Always explicit: Glance makes an image without visibility "shared".
            visibility: "private".into(),
            min_disk: 0,
            min_ram: 0,
            protected: false,
            tags: Vec::new(),
            properties: BTreeMap::new(),
        }
    }
}

/// The longest image name Glance takes (its schema's `maxLength`; it answers 400 beyond).
pub const NAME_MAX_CHARS: u32 = 255;

/// Problems found before sending, in words for the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewImageProblem {
    MissingName,
}

/// The JSON body of `POST /v2/images`.
pub fn create_body(image: &NewImage) -> Result<Value, NewImageProblem> {
    if image.name.trim().is_empty() {
        return Err(NewImageProblem::MissingName);
    }
    let mut body = Map::new();
    body.insert("name".into(), json!(image.name.trim()));
    body.insert("disk_format".into(), json!(image.disk_format));
    body.insert("container_format".into(), json!(image.container_format));
    body.insert("visibility".into(), json!(image.visibility));
    body.insert("min_disk".into(), json!(image.min_disk));
    body.insert("min_ram".into(), json!(image.min_ram));
    body.insert("protected".into(), json!(image.protected));
    body.insert("tags".into(), json!(image.tags));
    for (k, v) in &image.properties {
        body.insert(k.clone(), json!(v));
    }
    Ok(Value::Object(body))
}

/// The disk format a file's extension names without doubt, to preselect it on the form (Glance
/// inspects the data anyway and answers 415 when it does not match). `.img` is left alone: it
/// is raw for some images and qcow2 for many cloud images (cirros, Ubuntu).
pub fn disk_format_for_file(file_name: &str) -> Option<&'static str> {
    let (_, ext) = file_name.rsplit_once('.')?;
    match ext.to_ascii_lowercase().as_str() {
        "qcow2" | "qcow" => Some("qcow2"),
        "raw" => Some("raw"),
        "iso" => Some("iso"),
        "vmdk" => Some("vmdk"),
        "vdi" => Some("vdi"),
        "vhd" => Some("vhd"),
        "vhdx" => Some("vhdx"),
        "hds" => Some("ploop"),
        _ => None,
    }
}

/// Upload progress as the user reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    pub loaded: u64,
    pub total: u64,
    /// Milliseconds since the upload started.
    pub elapsed_ms: f64,
}

impl Progress {
    pub fn percent(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            (self.loaded as f64 * 100.0 / self.total as f64).min(100.0)
        }
    }

    /// Bytes per second so far (0 until time has passed).
    pub fn speed(&self) -> f64 {
        // `elapsed_ms` is the browser's clock difference: NaN must not turn into "NaN B/s".
        if self.elapsed_ms.is_nan() || self.elapsed_ms <= 0.0 {
            0.0
        } else {
            self.loaded as f64 * 1000.0 / self.elapsed_ms
        }
    }

    /// Seconds left at the speed so far, when it can be estimated.
    pub fn seconds_left(&self) -> Option<i64> {
        let speed = self.speed();
        (speed > 0.0 && self.total >= self.loaded)
            .then(|| ((self.total - self.loaded) as f64 / speed).ceil() as i64)
    }
}

/// A version-4 UUID from 16 random bytes, as Glance writes image ids
/// (`xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`). The app chooses the id of an image it creates,
/// so that when the answer is lost or unreadable it can still ask Glance whether the record
/// was made, and a second attempt cannot make a second record.
pub fn image_id_from(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// `body` (from [`create_body`]) with the id the app chose for the record.
pub fn with_id(mut body: Value, id: &str) -> Value {
    if let Some(map) = body.as_object_mut() {
        map.insert("id".into(), json!(id));
    }
    body
}
