//! How long a follower waits between rounds: its normal pace after an answer, doubling up to
//! a ceiling while the service does not answer or answers 5xx, so a struggling Glance is not
//! hammered and a short outage is ridden out instead of reported as a failure.

use std::time::Duration;

/// The wait before the next round of a follower.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    every: Duration,
    max: Duration,
    current: Duration,
}

impl Backoff {
    /// Rounds every `every` while answers come; at most `max` apart while they do not.
    pub fn new(every: Duration, max: Duration) -> Self {
        Self {
            every,
            max: max.max(every),
            current: every,
        }
    }

    /// The wait before the next round.
    pub fn delay(&self) -> Duration {
        self.current
    }

    /// An answer came: back to the normal pace.
    pub fn answered(&mut self) {
        self.current = self.every;
    }

    /// No answer (or a 5xx): wait twice as long next time, up to the ceiling.
    pub fn unanswered(&mut self) {
        self.current = self.current.saturating_mul(2).min(self.max);
    }
}
