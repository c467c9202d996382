//! The members of one image as the UI holds them: keyed by member (project) id, updated from
//! each Glance answer, with optimistic changes that can be rolled back.

use std::collections::BTreeMap;

use super::member::{Member, MemberStatus};

/// Members keyed by project id, in a stable order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemberTable {
    members: BTreeMap<String, Member>,
}

/// Number of members per status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatusCounts {
    pub pending: usize,
    pub accepted: usize,
    pub rejected: usize,
    pub total: usize,
}

impl MemberTable {
    /// Replaces everything with a fresh list from Glance (refresh).
    pub fn from_members(list: Vec<Member>) -> Self {
        Self {
            members: list.into_iter().map(|m| (m.member_id.clone(), m)).collect(),
        }
    }

    /// Inserts or replaces one member with what Glance answered.
    pub fn upsert(&mut self, member: Member) {
        self.members.insert(member.member_id.clone(), member);
    }

    /// Removes a member (after Glance confirmed the delete).
    pub fn remove(&mut self, member_id: &str) -> Option<Member> {
        self.members.remove(member_id)
    }

    /// Shows a new status before Glance answers; returns the previous member to roll back to.
    pub fn set_status_optimistically(
        &mut self,
        member_id: &str,
        status: MemberStatus,
    ) -> Option<Member> {
        let member = self.members.get_mut(member_id)?;
        let previous = member.clone();
        member.status = status;
        Some(previous)
    }

    /// Puts back what was there before a refused change.
    pub fn roll_back(&mut self, previous: Member) {
        self.upsert(previous);
    }

    pub fn get(&self, member_id: &str) -> Option<&Member> {
        self.members.get(member_id)
    }

    pub fn ids(&self) -> Vec<String> {
        self.members.keys().cloned().collect()
    }

    pub fn len(&self) -> usize {
        self.members.len()
    }

    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// Members with this status, or all of them for `None`.
    pub fn filtered(&self, status: Option<&MemberStatus>) -> Vec<Member> {
        self.members
            .values()
            .filter(|m| status.is_none_or(|s| &m.status == s))
            .cloned()
            .collect()
    }

    pub fn counts(&self) -> StatusCounts {
        let mut c = StatusCounts {
            total: self.members.len(),
            ..Default::default()
        };
        for m in self.members.values() {
            match m.status {
                MemberStatus::Pending => c.pending += 1,
                MemberStatus::Accepted => c.accepted += 1,
                MemberStatus::Rejected => c.rejected += 1,
                MemberStatus::Other(_) => {}
            }
        }
        c
    }
}
