//! Messages with values in them, kept as text with numbered places (`{0}`, `{1}`, …).
//!
//! A catalog entry that is a template costs its text and nothing else: one filler serves
//! every message of both languages, where a function per message and language (a `format!`
//! each) put one more function into the first load for every entry (README "Size"). The
//! numbers let a language order the values its own way ("Removed {0} from {1}" reads
//! "已从 {1} 移除 {0}"); `tests/native_i18n.rs` checks that both catalogs use the same places.

use std::fmt::{Display, Write};

/// A message with numbered places for values: `{0}` takes the first value given to
/// [`Template::fill`], `{1}` the second, and so on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Template(pub &'static str);

impl Template {
    /// The message with each `{n}` replaced by the n-th value. A place without a value (a
    /// catalog mistake the tests catch) is left as written rather than failing: a message
    /// must never stop the app.
    pub fn fill(&self, values: &[&dyn Display]) -> String {
        let mut out = String::with_capacity(self.0.len() + 16 * values.len());
        let mut rest = self.0;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let value = after
                .find('}')
                .and_then(|close| Some((after[..close].parse::<usize>().ok()?, close)))
                .and_then(|(n, close)| Some((values.get(n)?, close)));
            match value {
                Some((value, close)) => {
                    // Writing into a String cannot fail.
                    let _ = write!(out, "{value}");
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// The numbers of the places this message has, in the order they appear (for the tests
    /// that compare the two catalogs).
    pub fn places(&self) -> Vec<usize> {
        self.0
            .split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}')?.0.parse().ok())
            .collect()
    }
}
