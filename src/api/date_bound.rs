//! Date filters of the catalog as Glance's `created_at`/`updated_at` operators.

/// A bound on a timestamp. Glance applies only the last `created_at` (or `updated_at`)
/// parameter of a request (seen on glance 33), so each field takes one bound, not a range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateBound {
    /// `true` for "on or after", `false` for "on or before".
    pub after: bool,
    /// `YYYY-MM-DD`.
    pub date: String,
}

impl DateBound {
    /// Reads `after:2026-11-01` / `before:2026-11-01` (the app URL's form).
    pub fn parse(value: &str) -> Option<Self> {
        let (op, date) = value.split_once(':')?;
        let valid = date.len() == 10
            && date.chars().enumerate().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            });
        match (op, valid) {
            ("after", true) => Some(Self {
                after: true,
                date: date.into(),
            }),
            ("before", true) => Some(Self {
                after: false,
                date: date.into(),
            }),
            _ => None,
        }
    }

    /// The app URL's form.
    pub fn to_url(&self) -> String {
        format!(
            "{}:{}",
            if self.after { "after" } else { "before" },
            self.date
        )
    }

    /// Glance's form: whole days, in UTC.
    pub fn to_glance(&self) -> String {
        if self.after {
            format!("gte:{}T00:00:00Z", self.date)
        } else {
            format!("lte:{}T23:59:59Z", self.date)
        }
    }
}
