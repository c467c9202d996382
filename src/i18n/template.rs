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

/// A message whose English words follow a count ("1 image" / "3 images"): `one` when the
/// count is 1, `other` otherwise. Chinese has one form for both ([`Counted::same`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counted {
    /// For a count of 1 (it may say "1" in words and leave that place out).
    pub one: Template,
    /// For any other count.
    pub other: Template,
}

impl Counted {
    /// One form for every count (a language without plural forms).
    pub const fn same(text: &'static str) -> Self {
        Counted {
            one: Template(text),
            other: Template(text),
        }
    }

    /// The form for `count`, with the values in their places (see [`Template::fill`]).
    pub fn fill(&self, count: usize, values: &[&dyn Display]) -> String {
        if count == 1 { self.one } else { self.other }.fill(values)
    }
}
