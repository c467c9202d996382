//! One image's member table as the sharing panel shows it, with the rule that decides which
//! answer wins when reloads and local changes overlap.

use leptos::prelude::*;

use super::sequence::Sequence;
use crate::model::MemberTable;

/// The member table of the image on screen. Reading goes through [`MemberState::table`];
/// every write goes through [`MemberState::edit`] (an answer to the user's own change) or
/// [`MemberState::reload_done`] (a full re-read), so a reload that was started before a newer
/// reload or before a local change is dropped instead of overwriting it.
#[derive(Clone, Copy)]
pub struct MemberState {
    table: RwSignal<MemberTable>,
    latest: Sequence,
    /// Whether a read has answered: until then the (empty) table is no news about members.
    answered: RwSignal<bool>,
}

impl MemberState {
    pub fn new() -> Self {
        Self {
            table: RwSignal::new(MemberTable::default()),
            latest: Sequence::new(),
            answered: RwSignal::new(false),
        }
    }

    /// The table, for reading (reactive).
    pub fn table(&self) -> RwSignal<MemberTable> {
        self.table
    }

    /// Whether Glance's member list has been read at least once (reactive). While not, the
    /// table holds at most what this page changed: an empty one does not mean "no members".
    pub fn answered(&self) -> bool {
        self.answered.get()
    }

    /// The number of members, if Glance's list has been read (reactive).
    pub fn count(&self) -> Option<usize> {
        self.answered().then(|| self.table.with(MemberTable::len))
    }

    /// Applies a local change (e.g. Glance's answer to an add or a removal); any reload
    /// already in flight is now older than this and will be dropped. Safe after an `.await`:
    /// does nothing once the page is gone.
    pub fn edit<R>(&self, change: impl FnOnce(&mut MemberTable) -> R) -> Option<R> {
        self.latest.next();
        self.table.try_update(change)
    }

    /// Marks the start of a reload; pass the ticket to [`MemberState::reload_done`].
    pub fn reload_started(&self) -> u64 {
        self.latest.next()
    }

    /// Shows a reload's answer if nothing newer happened since it started; returns whether
    /// it was shown.
    pub fn reload_done(&self, ticket: u64, table: MemberTable) -> bool {
        if self.latest.is_latest(ticket) {
            self.table.try_set(table);
            self.answered.try_set(true);
            true
        } else {
            false
        }
    }

    /// Whether a failed reload is still the latest (its error is worth showing).
    pub fn reload_done_failed(&self, ticket: u64) -> bool {
        self.latest.is_latest(ticket)
    }
}

impl Default for MemberState {
    fn default() -> Self {
        Self::new()
    }
}
