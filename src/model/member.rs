//! Image members: the projects an image is shared with.

use serde::{Deserialize, Serialize};

use super::image::open_enum;

open_enum!(
    /// Where a member stands on a shared image.
    MemberStatus {
        Pending => "pending",
        Accepted => "accepted",
        Rejected => "rejected",
    }
);

/// One member of an image (`GET /v2/images/{id}/members`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub member_id: String,
    pub image_id: String,
    pub status: MemberStatus,
    #[serde(default)]
    pub created_at: String,
    #[serde(default)]
    pub updated_at: String,
}

/// The body of `GET /v2/images/{id}/members`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct MembersBody {
    pub members: Vec<Member>,
}
