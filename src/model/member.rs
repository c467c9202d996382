//! Image members: the projects an image is shared with.

use serde::{Deserialize, Serialize};

use super::image::open_enum;
use super::lenient::{or_default, usable};

open_enum!(
    /// Where a member stands on a shared image.
    MemberStatus {
        Pending => "pending",
        Accepted => "accepted",
        Rejected => "rejected",
    }
);

impl MemberStatus {
    /// The status in CSS class names (`member-status--pending`): `other` for a value this app
    /// does not know. That value is Glance's text, and a space or quote in it would make other
    /// class names (or a broken one).
    pub fn class_modifier(&self) -> &str {
        match self {
            MemberStatus::Other(_) => "other",
            known => known.as_str(),
        }
    }
}

/// One member of an image (`GET /v2/images/{id}/members`).
///
/// Only `member_id` must be there (a string); any other field of an unexpected type decodes
/// as unknown (empty, an empty `Other` status) instead of hiding the member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub member_id: String,
    #[serde(default, deserialize_with = "or_default")]
    pub image_id: String,
    #[serde(default, deserialize_with = "or_default")]
    pub status: MemberStatus,
    #[serde(default, deserialize_with = "or_default")]
    pub created_at: String,
    #[serde(default, deserialize_with = "or_default")]
    pub updated_at: String,
}

/// The body of `GET /v2/images/{id}/members`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct MembersBody {
    /// The members that have a `member_id`; a record without one is left out.
    #[serde(deserialize_with = "usable")]
    pub members: Vec<Member>,
}
