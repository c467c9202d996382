//! Strict reading of a JSON object's fields, for Keystone's answers.
//!
//! The token and project answers are read from a parsed `serde_json::Value` by hand rather than
//! by serde's derive: a derived `Deserialize` is compiled again for every struct and every
//! reader it is used with (text, `Value`), several KB of the first load for six small structs
//! (README "Size"). The rules are serde's: a required field that is missing or of another type
//! fails the whole answer; an optional one may be missing (or `null` where it is an `Option`).

use serde_json::{Map, Value};

/// The fields of one JSON object, with its path in the answer for messages.
pub struct Fields<'a> {
    object: &'a Map<String, Value>,
    path: String,
}

impl<'a> Fields<'a> {
    /// `value` as an object, or why not.
    pub fn of(value: &'a Value, path: &str) -> Result<Self, String> {
        match value {
            Value::Object(object) => Ok(Self {
                object,
                path: path.to_string(),
            }),
            _ if path.is_empty() => Err("the answer is not a JSON object".to_string()),
            _ => Err(format!("`{path}` is not an object")),
        }
    }

    fn path_of(&self, name: &str) -> String {
        if self.path.is_empty() {
            name.to_string()
        } else {
            format!("{}.{name}", self.path)
        }
    }

    fn wrong(&self, name: &str, what: &str) -> String {
        format!("`{}` is not {what}", self.path_of(name))
    }

    /// Whether the object has the field (of any value).
    pub fn has(&self, name: &str) -> bool {
        self.object.contains_key(name)
    }

    /// A required string.
    pub fn text(&self, name: &str) -> Result<String, String> {
        match self.object.get(name) {
            Some(Value::String(s)) => Ok(s.clone()),
            Some(_) => Err(self.wrong(name, "a string")),
            None => Err(format!("`{}` is missing", self.path_of(name))),
        }
    }

    /// A string that may be missing (then empty).
    pub fn text_or_empty(&self, name: &str) -> Result<String, String> {
        match self.object.get(name) {
            None => Ok(String::new()),
            Some(_) => self.text(name),
        }
    }

    /// A string that may be missing or `null`.
    pub fn optional_text(&self, name: &str) -> Result<Option<String>, String> {
        match self.object.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(_) => self.text(name).map(Some),
        }
    }

    /// A boolean that may be missing (then `default`).
    pub fn flag_or(&self, name: &str, default: bool) -> Result<bool, String> {
        match self.object.get(name) {
            None => Ok(default),
            Some(Value::Bool(b)) => Ok(*b),
            Some(_) => Err(self.wrong(name, "true or false")),
        }
    }

    /// A required object.
    pub fn object(&self, name: &str) -> Result<Fields<'a>, String> {
        match self.object.get(name) {
            Some(value) => Fields::of(value, &self.path_of(name)),
            None => Err(format!("`{}` is missing", self.path_of(name))),
        }
    }

    /// An object that may be missing or `null`.
    pub fn optional_object(&self, name: &str) -> Result<Option<Fields<'a>>, String> {
        match self.object.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(_) => self.object(name).map(Some),
        }
    }

    /// A list of objects that may be missing (then empty), each read by `read`.
    pub fn list_of<T>(
        &self,
        name: &str,
        read: impl Fn(Fields<'a>) -> Result<T, String>,
    ) -> Result<Vec<T>, String> {
        let items = match self.object.get(name) {
            None => return Ok(Vec::new()),
            Some(Value::Array(items)) => items,
            Some(_) => return Err(self.wrong(name, "a list")),
        };
        let path = self.path_of(name);
        items
            .iter()
            .map(|item| Fields::of(item, &format!("{path}[]")).and_then(&read))
            .collect()
    }
}
