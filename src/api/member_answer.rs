//! An answer about one member of one image must be about that member of that image.
//!
//! `POST /v2/images/{id}/members` and `PUT /v2/images/{id}/members/{member}` answer with the
//! member record. A proxy or cache between the app and Glance that mixes up answers could hand
//! back the record of another image's member, or of another project, which the sharing panel
//! would then show (and merge into its table) as the one asked for. Like
//! [`super::image_answer`] for images.

use super::error::{ApiError, Service};
use crate::model::{Member, MemberStatus};

/// `member` when it is member `member_id` of image `image_id`; otherwise the error saying
/// which image or member the answer was about, with the answer's request id.
pub fn of_requested(
    member: Member,
    image_id: &str,
    member_id: &str,
    request_id: Option<String>,
) -> Result<Member, ApiError> {
    // The member decoder needs a string `member_id` (an answer without one is already
    // unreadable) but takes a missing or non-string `image_id` as "" (see
    // `crate::model::lenient`). Glance always sends both, and an empty id is no image's or
    // project's: such an answer names no member, so it is unreadable rather than about
    // another member (and is not used either way).
    let missing = [
        ("image_id", &member.image_id),
        ("member_id", &member.member_id),
    ]
    .into_iter()
    .find(|(_, id)| id.is_empty());
    if let Some((field, _)) = missing {
        let detail = format!("unexpected answer: no {field}");
        return Err(ApiError::decode(detail, request_id).from_service(Service::Glance));
    }
    // Case aside, as for images: Glance on MySQL finds ids in any case and answers with the
    // id as stored, which is the one the member table holds.
    if !member.image_id.eq_ignore_ascii_case(image_id) {
        Err(ApiError::other_image(&member.image_id, request_id))
    } else if !member.member_id.eq_ignore_ascii_case(member_id) {
        Err(ApiError::other_member(&member.member_id, request_id))
    } else {
        Ok(member)
    }
}

/// `members` when every one of them is a member of image `image_id`; otherwise the error
/// saying which image the list was about. A record without an `image_id` (decoded as "") is
/// kept: the list's other records say which image it is about.
pub fn list_of(
    members: Vec<Member>,
    image_id: &str,
    request_id: Option<String>,
) -> Result<Vec<Member>, ApiError> {
    match members
        .iter()
        .find(|m| !m.image_id.is_empty() && !m.image_id.eq_ignore_ascii_case(image_id))
    {
        Some(other) => Err(ApiError::other_image(&other.image_id, request_id)),
        None => Ok(members),
    }
}

/// `member` when Glance's answer to an acceptance holds `accepted`; otherwise the error that
/// says which status it holds. A 200 with another status (a policy, a proxy's stale copy) is
/// no acceptance, and must not be counted as one.
pub fn accepted(member: Member) -> Result<Member, ApiError> {
    match member.status {
        MemberStatus::Accepted => Ok(member),
        ref other => Err(ApiError::not_accepted(other.as_str())),
    }
}
