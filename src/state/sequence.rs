//! Telling the latest answer from a stale one when several requests for the same view can be
//! in flight at once.

use leptos::prelude::*;

/// A counter of "latest versions" of one view's data. Each reload and each local change takes
/// the next number; an answer is applied only while its number is still the latest, so an
/// older reload never overwrites a newer reload or a change the user made meanwhile.
#[derive(Clone, Copy)]
pub struct Sequence(StoredValue<u64>);

impl Sequence {
    pub fn new() -> Self {
        Self(StoredValue::new(0))
    }

    /// Takes the next number (a reload starts, or the data changed locally). Quietly returns
    /// 0 once the owner is gone.
    pub fn next(&self) -> u64 {
        let n = self.0.try_get_value().unwrap_or(0).wrapping_add(1);
        self.0.try_set_value(n);
        n
    }

    /// Whether `n` is still the latest number (false once the owner is gone).
    pub fn is_latest(&self, n: u64) -> bool {
        self.0.try_get_value() == Some(n)
    }
}

impl Default for Sequence {
    fn default() -> Self {
        Self::new()
    }
}
