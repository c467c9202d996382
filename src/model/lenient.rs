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
