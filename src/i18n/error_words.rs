//! A failed API call in the user's words: the line that says what went wrong and the hint
//! under it. Pure functions of the catalog and the error, so that what users read about a
//! failure is tested natively; `components::ErrorMessage` lays them out.

use super::{not_as_asked, Messages, Words};
use crate::api::{ApiError, ErrorKind};
use crate::model::MemberStatus;

/// What went wrong, in words for the user: the service's own words when it answered;
/// otherwise, in the user's language, which service did not answer (no answer in time, a
/// dropped connection), why the request was not sent, or why its answer was not used.
pub fn error_text(t: &Messages, error: &ApiError) -> String {
    let service = error.service.map(|s| s.name());
    match (error.kind, service) {
        (ErrorKind::Timeout(seconds), Some(s)) => t.timed_out.fill(&[&s, &seconds]),
        (ErrorKind::Network, Some(s)) => t.unreachable.fill(&[&s]),
        (ErrorKind::Network, None) => t.network_error.to_string(),
        (ErrorKind::Unaddressable, _) => t.unaddressable_id.fill(&[&&error.message]),
        // The decoder's detail ("unexpected answer: …") is technical and stays as it is.
        (ErrorKind::Decode, _) => t.unreadable_answer.fill(&[&&error.message]),
        (ErrorKind::NoProject, _) => t.no_project.to_string(),
        (ErrorKind::NoDataAfterUpload, _) => t
            .no_data_after_upload
            .fill(&[&t.image_status_label(&error.message)]),
        (ErrorKind::OtherImage, _) => (t.other_image)(&error.message),
        (ErrorKind::OtherMember, _) => (t.other_member)(&error.message),
        // Glance's words are English only: what they mean comes first, in the user's
        // language, with what to do; Glance's own words stay beside it.
        _ if error.status == 403 && error.message.contains("is protected") => {
            t.with_note(t.protected_cannot_delete, &error.message)
        }
        (ErrorKind::NotAccepted, _) => {
            let held = MemberStatus::from(error.message.clone());
            not_as_asked(t, &MemberStatus::Accepted, &held)
        }
        _ => error.message.clone(),
    }
}

/// A refusal in Glance's words (or which service did not answer), with the request id to
/// look up in its logs.
pub fn failure_text(t: &Messages, e: &ApiError) -> String {
    let text = error_text(t, e);
    match &e.request_id {
        Some(id) => t.with_note(&text, t.labelled(t.request_id, id)),
        None => text,
    }
}

/// [`failure_text`] in the language shown at the time.
pub fn failure_words(e: &ApiError) -> Words {
    let e = e.clone();
    Words::new(move |t| failure_text(t, &e))
}

/// A refused item's line (under a notice's summary): what it was about (`label`, said with
/// the same catalog: brackets differ), then [`failure_text`].
pub fn refusal_words(
    label: impl Fn(&'static Messages) -> String + Send + Sync + 'static,
    e: &ApiError,
) -> Words {
    let e = e.clone();
    Words::new(move |t| t.labelled(&label(t), failure_text(t, &e)))
}

/// Plain-words advice under the error text, for the failures a user can act on.
pub fn error_hint(t: &Messages, error: &ApiError) -> Option<String> {
    gateway_hint(t, error).or_else(|| match (error.kind, error.service) {
        // Without a service name the text itself is this advice: not twice.
        (ErrorKind::Network, Some(_)) => Some(t.network_error.to_string()),
        _ if error.status == 401 => Some(t.unauthorized_hint.to_string()),
        // Glance's own words say why when the image is protected: not the user's role.
        _ if error.status == 403 && !error.message.contains("is protected") => {
            Some(t.forbidden_hint.to_string())
        }
        _ => None,
    })
}

/// A 502/503/504 without the service's request id came from the proxy in front of it (nginx
/// could not connect or refused the service's certificate, found it unavailable, or waited
/// for it in vain): its page names no service, so this says which one gave no answer, and
/// the likely reason for that status.
fn gateway_hint(t: &Messages, error: &ApiError) -> Option<String> {
    let service = error.service?;
    (error.kind == ErrorKind::Http
        && matches!(error.status, 502..=504)
        && error.request_id.is_none())
    .then(|| {
        let [unavailable, timed_out, unreachable] = &t.gateway_error;
        let text = match error.status {
            503 => unavailable,
            504 => timed_out,
            _ => unreachable,
        };
        text.fill(&[&service.name(), &error.status])
    })
}
