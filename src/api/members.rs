//! Sharing: the pure parts of adding members, changing member status and visibility.

use std::collections::HashSet;

use serde_json::{json, Value};

use crate::model::{MemberStatus, Visibility};

/// The content type Glance requires for image updates (plain JSON gets 415).
pub const JSON_PATCH: &str = "application/openstack-images-v2.1-json-patch";

/// Body of `PATCH /v2/images/{id}` that changes only the visibility.
pub fn visibility_patch(visibility: &Visibility) -> Value {
    json!([{ "op": "replace", "path": "/visibility", "value": visibility.as_str() }])
}

/// Body of `POST /v2/images/{id}/members`.
pub fn add_member_body(project_id: &str) -> Value {
    json!({ "member": project_id })
}

/// Body of `PUT /v2/images/{id}/members/{member}`.
pub fn member_status_body(status: &MemberStatus) -> Value {
    json!({ "status": status.as_str() })
}

/// Splits what the user pasted into entries: ids or names separated by newlines, commas,
/// semicolons or spaces, also as a Chinese input method types them (，、；). Order is kept;
/// empty pieces are dropped.
pub fn split_entries(input: &str) -> Vec<String> {
    input
        .split(|c: char| ",;，、；".contains(c) || c.is_whitespace())
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Why one entry of the "add members" box will not be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryProblem {
    /// Characters no project id has (Keystone ids are hex; other backends use `-`, `_`, `.`).
    Malformed,
    /// `.` or `..` (also percent-encoded): Glance would store it, but a browser cannot address
    /// such a member afterwards (it resolves dot segments, so a removal would go to the image).
    Unaddressable,
    /// The same project appears earlier in the list.
    Duplicate,
    /// The project is already a member of the image.
    AlreadyMember,
    /// The image's own project cannot be a member.
    OwnProject,
}

/// One entry checked before sending: what was typed, the project id it means, and a problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedEntry {
    pub input: String,
    /// The id to send: the input itself, or the id of the user's project with that name.
    pub project_id: String,
    /// The project's name when the user can know it.
    pub project_name: Option<String>,
    pub problem: Option<EntryProblem>,
}

impl CheckedEntry {
    /// True for an entry that would be sent but is probably a mistake: not the name of one
    /// of the user's projects, and not shaped like the ids Keystone makes (32 hexadecimal
    /// characters, or a UUID with dashes). Typically the name of someone else's project,
    /// which a non-admin cannot look up: Glance would store the name itself as the member,
    /// and no project would ever see the invitation. Asked about, not refused: a cloud may
    /// have project ids of another shape.
    pub fn is_doubtful(&self) -> bool {
        self.problem.is_none()
            && self.project_name.is_none()
            && !looks_like_keystone_id(&self.project_id)
    }
}

/// True for the shapes of id Keystone generates for projects: a UUID's 32 hexadecimal digits,
/// with or without its four dashes, in lower case (Keystone never writes them in upper case,
/// and Glance compares member ids as written: `4B12…` would be a member no project is).
pub fn looks_like_keystone_id(s: &str) -> bool {
    let hex = |part: &str| {
        part.chars()
            .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
    };
    match s.len() {
        32 => hex(s),
        36 => {
            let parts: Vec<&str> = s.split('-').collect();
            parts.iter().map(|p| p.len()).eq([8, 4, 4, 4, 12]) && parts.iter().all(|p| hex(p))
        }
        _ => false,
    }
}

fn looks_like_project_id(s: &str) -> bool {
    s.len() <= 64
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
}

/// True for `.` and `..`, as typed or percent-encoded (`%2e`, `.%2E`, …): what a browser's URL
/// parser treats as a dot segment.
pub fn is_dot_segment(s: &str) -> bool {
    let decoded = s.to_ascii_lowercase().replace("%2e", ".");
    decoded == "." || decoded == ".."
}

/// True for an entry the user should fix before sending (it stays in the box).
pub fn is_malformed(problem: &EntryProblem) -> bool {
    matches!(
        problem,
        EntryProblem::Malformed | EntryProblem::Unaddressable
    )
}

/// A command that removes member `member_id` of image `image_id` when a browser cannot (the
/// id is `.` or `..`): curl with `--path-as-is` and the dots percent-encoded, which Glance
/// decodes only after routing. `GLANCE_URL` is left for the user to fill in.
pub fn cli_remove_member(image_id: &str, member_id: &str) -> String {
    let encoded: String = member_id
        .chars()
        .map(|c| match c {
            '.' => "%2E".to_string(),
            c => crate::api::url::encode(&c.to_string()),
        })
        .collect();
    format!(
        "curl --path-as-is -X DELETE -H \"X-Auth-Token: $(openstack token issue -f value -c id)\" \"$GLANCE_URL/v2/images/{}/members/{encoded}\"",
        crate::api::url::encode(image_id)
    )
}

/// Checks every entry against the image's members and owner. `known` maps the user's own
/// projects (id, name) so names can be typed instead of ids.
pub fn check_entries(
    input: &str,
    owner: &str,
    existing_members: &[String],
    known: &[(String, String)],
) -> Vec<CheckedEntry> {
    let mut seen = HashSet::new();
    split_entries(input)
        .into_iter()
        .map(|entry| {
            let by_name = known.iter().find(|(_, name)| name == &entry);
            let by_id = known.iter().find(|(id, _)| id == &entry);
            let (project_id, project_name) = match (by_id, by_name) {
                (Some((id, name)), _) | (None, Some((id, name))) => {
                    (id.clone(), Some(name.clone()))
                }
                (None, None) => (entry.clone(), None),
            };
            let problem = if is_dot_segment(&project_id) {
                Some(EntryProblem::Unaddressable)
            } else if !looks_like_project_id(&project_id) {
                Some(EntryProblem::Malformed)
            } else if project_id == owner {
                // Before duplicates: the owner's name and id typed together are both the
                // image's own project, not one entry listed twice.
                Some(EntryProblem::OwnProject)
            } else if !seen.insert(project_id.clone()) {
                Some(EntryProblem::Duplicate)
            } else if existing_members.contains(&project_id) {
                Some(EntryProblem::AlreadyMember)
            } else {
                None
            };
            CheckedEntry {
                input: entry,
                project_id,
                project_name,
                problem,
            }
        })
        .collect()
}

/// How adding one project ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddOutcome {
    Added,
    /// Glance answered 409: it is a member already.
    AlreadyMember,
    /// Glance answered 413: the image has as many members as the cloud allows.
    QuotaExceeded,
    /// Any other refusal, with Glance's own words.
    Failed(String),
}

impl AddOutcome {
    /// Classifies Glance's answer to `POST /members`.
    pub fn from_status(status: Option<u16>, message: &str) -> Self {
        match status {
            None => AddOutcome::Added,
            Some(409) => AddOutcome::AlreadyMember,
            Some(413) => AddOutcome::QuotaExceeded,
            Some(_) => AddOutcome::Failed(message.to_string()),
        }
    }

    /// Entries whose outcome means "try again later" stay in the input box.
    pub fn keep_in_input(&self) -> bool {
        matches!(self, AddOutcome::QuotaExceeded | AddOutcome::Failed(_))
    }
}
