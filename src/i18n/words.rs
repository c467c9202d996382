//! Words kept as what happened rather than as text, so that a result written before the user
//! switched language is said again in the language shown now.

use std::sync::Arc;

use super::Messages;

/// A result's words, said again in the current language whenever they are shown (result
/// lines, notices): what it carries (a count, a name, an error) stays, the sentence follows
/// the catalog it is said with.
#[derive(Clone)]
pub struct Words(Arc<dyn Fn(&'static Messages) -> String + Send + Sync>);

impl Words {
    /// Words made from the message catalog (and what the result carries: an error, a name).
    pub fn new(say: impl Fn(&'static Messages) -> String + Send + Sync + 'static) -> Self {
        Self(Arc::new(say))
    }

    /// The words in the language of `t`.
    pub fn say(&self, t: &'static Messages) -> String {
        (self.0)(t)
    }
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Words(..)")
    }
}
