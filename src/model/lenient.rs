//! Field-by-field tolerance when decoding Glance's answers.
//!
//! One odd value in one record (`"size": 1e30`, `"tags": null`, `"min_disk": -1`) must not
//! make a whole answer unreadable: that field becomes unknown for that record, and a record
//! that cannot be used at all (no string `id`) is left out of its list.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// The field as `T`, or `T::default()` (None, empty, false, an unknown enum value) when it
/// holds a value of another type or out of `T`'s range. Use with `#[serde(default,
/// deserialize_with = "or_default")]` so that a missing field is the default too.
pub fn or_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned + Default,
{
    // Read as any JSON first: only malformed JSON fails here, never a well-formed value of
    // an unexpected type.
    let value = Value::deserialize(deserializer)?;
    Ok(T::deserialize(value).unwrap_or_default())
}

/// The elements of a list that decode as `T`; the others are left out. The list itself must
/// be a list.
pub fn usable<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    let items = Vec::<Value>::deserialize(deserializer)?;
    Ok(items
        .into_iter()
        .filter_map(|item| T::deserialize(item).ok())
        .collect())
}

/// A string field's value; `None` when missing or of another type.
pub fn text(value: Option<Value>) -> Option<String> {
    match value {
        Some(Value::String(s)) => Some(s),
        _ => None,
    }
}

/// A whole number of `u64`'s range; `None` when missing, negative, fractional, too large or
/// of another type.
pub fn whole(value: Option<Value>) -> Option<u64> {
    value.as_ref().and_then(Value::as_u64)
}

/// A boolean field's value; `false` when missing or of another type.
pub fn flag(value: Option<Value>) -> bool {
    matches!(value, Some(Value::Bool(true)))
}

/// A list of strings; empty when missing, not a list, or when any element is not a string
/// (as a field decoded with [`or_default`] would be).
pub fn texts(value: Option<Value>) -> Vec<String> {
    let Some(Value::Array(items)) = value else {
        return Vec::new();
    };
    items
        .into_iter()
        .map(|item| text(Some(item)))
        .collect::<Option<Vec<String>>>()
        .unwrap_or_default()
}
