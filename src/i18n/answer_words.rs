//! What the user is told after this project answered an invitation (Accept / Reject / Back to
//! pending): the answer Glance holds, which is not always the one asked for. Glance answers
//! `PUT /v2/images/{id}/members/{member}` with the member record; a 200 with another status
//! (a policy or plugin, a proxy's stale copy, a newer Glance) must not be announced as the
//! change asked for. Pure functions of the catalog, tested natively.

use super::Messages;
use crate::model::MemberStatus;

/// The sentence announcing this project's answer for `image`: the change when Glance's
/// answer holds the status `asked` for; otherwise the status Glance holds (in words, "Unknown
/// status" when blank) and the one asked for, after the image's name.
pub fn answer_text(
    t: &Messages,
    image: &str,
    asked: &MemberStatus,
    answered: &MemberStatus,
) -> String {
    match answered {
        _ if answered != asked => t.labelled(image, not_as_asked(t, asked, answered)),
        MemberStatus::Accepted => t.answered_accepted.fill(&[&image]),
        MemberStatus::Rejected => t.answered_rejected.fill(&[&image]),
        MemberStatus::Pending => t.answered_pending.fill(&[&image]),
        // Never asked for by this app: said as what Glance holds.
        MemberStatus::Other(_) => t.labelled(image, t.member_status_label(answered.as_str())),
    }
}

/// That Glance holds `answered`, not the status `asked` for (both in words).
pub fn not_as_asked(t: &Messages, asked: &MemberStatus, answered: &MemberStatus) -> String {
    t.answered_other.fill(&[
        &&t.member_status_label(answered.as_str()),
        &&t.member_status_label(asked.as_str()),
    ])
}
