//! English messages.

use super::{Counted, Messages, Template, LISTED_AT_MOST};
use crate::format::fixed::fixed;

fn confirm_remove(projects: &[String]) -> String {
    match projects {
        [one] => format!("Remove project {one} from this image? It will no longer see the image."),
        _ => format!(
            "Remove {} projects from this image? They will no longer see it. Selected: {}.",
            projects.len(),
            join_list(projects)
        ),
    }
}
fn adding_progress(p: usize, q: usize) -> String {
    format!("Adding projects: {p} of {q} done")
}

fn upload_progress(done: &str, total: &str, percent: f64, speed: &str, left: &str) -> String {
    let percent = fixed(percent, 0);
    format!("{done} of {total} ({percent}%), {speed}/s, {left} left")
}

fn download_progress(done: &str, total: &str, percent: f64, speed: &str) -> String {
    let percent = fixed(percent, 0);
    format!("Downloaded {done} of {total} ({percent}%), {speed}/s")
}
fn copy_what(what: &str) -> String {
    // The label is a noun inside a sentence here: "Copy current project ID", but an
    // abbreviation stays as written ("Copy ID").
    let mut chars = what.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second))
            if first.is_ascii_uppercase() && !second.is_ascii_uppercase() =>
        {
            format!("Copy {}{}", first.to_ascii_lowercase(), &what[1..])
        }
        _ => format!("Copy {what}"),
    }
}

fn bulk_progress(done: usize, total: usize) -> String {
    format!("{done} of {total} answered")
}
fn images_word(n: usize) -> &'static str {
    if n == 1 {
        "image"
    } else {
        "images"
    }
}
/// "3 images" when all went through, "2 of 3 images" otherwise: one sentence shape for every
/// summary (one formatting call for all of them keeps the first load small).
fn counted(ok: usize, total: usize, one: &str, many: &str) -> String {
    let word = if total == 1 { one } else { many };
    if ok == total {
        format!("{total} {word}")
    } else {
        format!("{ok} of {total} {word}")
    }
}
fn notice_deleted(ok: usize, total: usize) -> String {
    format!("Deleted {}.", counted(ok, total, "image", "images"))
}
fn notice_deactivated(ok: usize, total: usize) -> String {
    format!("Deactivated {}.", counted(ok, total, "image", "images"))
}
fn notice_reactivated(ok: usize, total: usize) -> String {
    format!("Reactivated {}.", counted(ok, total, "image", "images"))
}
fn notice_accepted(ok: usize, total: usize) -> String {
    format!(
        "Accepted {}.",
        counted(ok, total, "invitation", "invitations")
    )
}
fn notice_added(image: &str, ok: usize, total: usize) -> String {
    format!(
        "Added {} to the image {image}.",
        counted(ok, total, "project", "projects")
    )
}
fn notice_removed(image: &str, ok: usize, total: usize) -> String {
    format!(
        "Removed {} from the image {image}.",
        counted(ok, total, "project", "projects")
    )
}
/// "the image a" for one, "2 images" for more (the names follow the question).
fn images_named(names: &[String]) -> String {
    match names {
        [one] => format!("the image {one}"),
        _ => format!("{} images", names.len()),
    }
}
/// After the question, the names of several images.
fn selected_names(names: &[String]) -> String {
    if names.len() > 1 {
        format!(" Selected: {}.", join_list(names))
    } else {
        String::new()
    }
}
fn confirm_delete_many(names: &[String]) -> String {
    format!(
        "Delete {}? This cannot be undone.{}",
        images_named(names),
        selected_names(names)
    )
}
fn confirm_deactivate_many(names: &[String]) -> String {
    let (it, is) = if names.len() == 1 {
        ("Its", "it is")
    } else {
        ("Their", "they are")
    };
    format!(
        "Deactivate {}? {it} data cannot be downloaded until {is} reactivated.{}",
        images_named(names),
        selected_names(names)
    )
}
fn confirm_reactivate_many(names: &[String]) -> String {
    format!(
        "Reactivate {}?{}",
        images_named(names),
        selected_names(names)
    )
}

/// What follows an answer about another image or member than the one asked for.
const MIXED_UP: &str = "A proxy or cache between this app and Glance may be mixing up answers: reload the page, and tell the operator if it happens again.";
fn other_image(id: &str) -> String {
    format!("The answer was about another image (ID {id}), not this one, so it was not used. {MIXED_UP}")
}
fn other_member(id: &str) -> String {
    format!("The answer was about another member (project ID {id}), not the one asked for, so it was not used. {MIXED_UP}")
}
fn access_rows_listed(pairs: &[(String, String)]) -> String {
    let named: Vec<String> = pairs
        .iter()
        .take(LISTED_AT_MOST)
        .map(|(project, image)| format!("{project} ({image})"))
        .collect();
    let more = pairs.len().saturating_sub(LISTED_AT_MOST);
    let more = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    format!(" Members: {}{more}.", join_list(&named))
}
fn join_list(names: &[String]) -> String {
    names.join(", ")
}

fn image_status(raw: &str) -> Option<&'static str> {
    Some(match raw {
        "active" => "Active",
        "queued" => "Queued",
        "saving" => "Saving",
        "uploading" => "Uploading",
        "importing" => "Importing",
        "deactivated" => "Deactivated",
        "killed" => "Killed",
        "deleted" => "Deleted",
        "pending_delete" => "Pending delete",
        _ => return None,
    })
}
fn visibility(raw: &str) -> Option<&'static str> {
    Some(match raw {
        "private" => "Private",
        "shared" => "Shared",
        "community" => "Community",
        "public" => "Public",
        _ => return None,
    })
}

fn catalog_no_endpoint(interface: &str, region: &str) -> String {
    if region.is_empty() {
        format!("The image service in the service catalog has no \"{interface}\" endpoint. Check \"interface\" in config.json.")
    } else {
        format!("The image service in the service catalog has no \"{interface}\" endpoint in region \"{region}\". Check \"interface\" and \"region_name\" in config.json.")
    }
}
// --- Accessibility (issue 13) ---
fn confirm_leave_shared(visibility: &str, members: Option<usize>, private: bool) -> String {
    let Some(members) = members else {
        return if private {
            format!("Make this image {visibility}? Its member list could not be read: any member projects will lose access to it. Glance keeps them as members: they have it again if the image is made shared again.")
        } else {
            format!("Make this image {visibility}? Its member list could not be read. Only a shared image has members: any member projects will no longer be listed. Glance keeps them for when the image is made shared again.")
        };
    };
    let projects = if members == 1 {
        "member project"
    } else {
        "member projects"
    };
    if private {
        format!("Make this image {visibility}? Its {members} {projects} will lose access to it. Glance keeps them as members: they have it again if the image is made shared again.")
    } else {
        format!("Make this image {visibility}? Only a shared image has members: its {members} {projects} will no longer be listed. Glance keeps them for when the image is made shared again.")
    }
}
pub const EN: Messages = Messages {
    app_title: "Image Sharing",
    language: "Language",
    skip_to_content: "Skip to content",
    note_open: " (",
    note_close: ")",
    colon: ": ",
    sentence_gap: " ",

    loading_config: "Loading configuration…",
    config_error_title: "This app is not configured correctly",
    config_error_help: "The file config.json next to index.html tells the app which cloud to use. Fix it and reload. Example: {\"auth_url\": \"https://keystone.example.com/v3\", \"region_name\": \"RegionOne\"}",
    config_bad_json: Template("config.json is not valid JSON: {0}"),
    config_missing_auth_url: "config.json has no \"auth_url\" (the Keystone v3 address, e.g. \"https://keystone.example.com/v3\" or \"/identity/v3\").",
    config_bad_interface: Template("config.json: \"interface\" must be \"public\", \"internal\" or \"admin\", not \"{0}\"."),
    config_not_a_string: Template("config.json: \"{0}\" must be a string."),
    config_bad_seconds: Template("config.json: \"{0}\" must be a whole number of seconds from 1 to 86400."),
    config_bad_mib: Template("config.json: \"{0}\" must be a whole number of MiB from 0 to 65536."),
    config_url_not_http: Template("config.json: \"{0}\" is \"{1}\", which is not a web address the app can call. It must start with https://, http:// or / (a path on this site, such as \"/identity/v3\")."),
    config_mixed_content: Template("config.json: \"{0}\" is \"{1}\", a plain http:// address, but this page was loaded over https://. Browsers block such calls (mixed content), so the app could not reach it. Use an https:// address, or a path on this site behind the proxy (such as \"/identity/v3\" or \"/image\")."),
    csp_blocked: Template("This site's Content-Security-Policy does not allow the app to call {0} (set by {1}), so the browser blocked the request. Either add that origin to connect-src in the web server's Content-Security-Policy (deploy/nginx), or let the proxy of this site reach the service and use a path on this site (\"/identity/v3\", \"/image\")."),
    csp_setting_catalog: "the image endpoint of the service catalog, or \"image_endpoint_override\" in config.json",
    catalog_no_image_service: "This cloud's service catalog has no image service (type \"image\"). Ask the operator, or set \"image_endpoint_override\" in config.json.",
    catalog_no_endpoint,
    catalog_url_not_http: Template("The image endpoint in the service catalog is \"{0}\", which is not an http(s) address. Ask the operator to fix the catalog, or set \"image_endpoint_override\" in config.json."),
    catalog_mixed_content: Template("The image endpoint in the service catalog is \"{0}\", a plain http:// address, but this page was loaded over https://: browsers block such calls (mixed content). Set \"image_endpoint_override\" in config.json to an https:// address or to a path on this site behind the proxy (such as \"/image\")."),
    gateway_error: [
        Template("The web server could not get an answer from {0} (HTTP {1}): {0} is not available behind it for now (stopped, in maintenance or overloaded). Please try again later; if this lasts, ask the operator to check {0}."),
        Template("The web server could not get an answer from {0} (HTTP {1}): {0} did not answer it in time. A change may still have been made: reload the page to see what {0} holds. If this lasts, ask the operator to check {0}."),
        Template("The web server could not get an answer from {0} (HTTP {1}): its proxy could not reach {0}, or did not trust its certificate. Ask the operator to check the proxy's connection to {0}."),
    ],
    config_fetch_failed: Template("config.json could not be fetched: {0}"),
    config_timed_out: Template("config.json did not arrive within {0} seconds."),
    config_http: Template("config.json could not be loaded (HTTP {0}). Put a config.json next to index.html."),
    config_unreadable: Template("config.json could not be read: {0}"),

    login_title: "Log in",
    login_intro: "Log in with your OpenStack account to see and share your project's images.",
    login_for_invitation: "An invitation to use an image is waiting: log in with the project it was sent to, to see it and answer.",
    method_password: "Password",
    method_app_credential: "Application credential",
    login_method: "How to log in",
    user_name: "User name",
    password: "Password",
    user_domain: "User domain",
    project_name: "Project",
    project_domain: "Project domain",
    app_credential_id: "Application credential ID",
    app_credential_secret: "Secret",
    log_in: "Log in",
    logging_in: "Logging in…",
    login_failed: "Login failed",
    field_required: "Please fill in this field.",

    signed_in_as: "Signed in as",
    project: "Project",
    project_id: "Project ID",
    current_project_id: "Current project ID",
    switch_project: "Switch project",
    switching_project: "Switching project…",
    projects_unreadable: "Your projects could not be read; only the current one can be chosen",
    copy: "Copy",
    copy_what,
    copied: "Copied",
    log_out: "Log out",
    menu: "Menu",
    invitations_badge: Template("{0} to answer"),
    invitations_badge_hint: "Image invitations waiting for this project’s answer",
    session_expires_in: Template("Your session expires in {0}."),
    renew: "Log in again",
    session_expired_title: "Your session has ended",
    session_expired_body: "Log in again to continue. Nothing on this page is lost: after logging in, retry what you were doing.",
    cancel: "Cancel",
    close: "Close",
    no_image_service: "The image service cannot be used from this page.",
    duration: crate::format::human_duration,

    error_title: "Something went wrong",
    request_id: "Request ID",
    network_error: "The service could not be reached. Check your connection, or ask the operator whether the app's address is allowed (CORS).",
    unreadable_answer: Template("The answer could not be read ({0})."),
    other_image,
    other_member,
    unauthorized_hint: "The credentials or the token were not accepted.",
    stale_marker_hint: "This address shows a later page of the list, which starts after an image this project cannot see now (deleted, or no longer shared with it). Start again from the first page.",
    forbidden_hint: "Your role in this project does not allow this action.",
    no_project: "Keystone accepted the login, but you are a member of no project, so no image can be listed. Ask your cloud's administrators to add you to a project.",
    retry: "Retry",

    catalog_title: "Images",
    view_mine: "My images",
    view_shared: "Shared with me",
    view_invitations: "Invitations",
    view_rejected: "Rejected",
    view_public: "Public",
    view_community: "Community",
    view_all: "All",
    col_name: "Name",
    col_status: "Status",
    col_visibility: "Visibility",
    col_size: "Size",
    col_disk_format: "Disk format",
    col_owner: "Owner",
    col_created: "Created",
    col_updated: "Updated",
    col_member_status: "Member status",
    loading: "Loading…",
    next_page: "Next page",
    first_page: "First page",
    previous_page: "Previous page",
    page_size: "Per page",
    sort_by: "Sort by",
    sort_order: "Order",
    ascending: "Ascending",
    descending: "Descending",
    filter_name_exact: "Name (exact)",
    filter_status: "Status",
    filter_disk_format: "Disk format",
    filter_tag: "Tag",
    any: "Any",
    filter_contains: "Name contains (this page only)",
    filter_visibility: "Visibility",
    filter_container_format: "Container format",
    filter_protected: "Protected",
    filter_hidden: "Hidden images",
    filter_size_min: "Min size (MiB)",
    filter_size_max: "Max size (MiB)",
    filter_created: "Created",
    filter_updated: "Updated",
    on_or_after: "on or after",
    on_or_before: "on or before",
    only_hidden: "Only hidden",
    contains_note: "“Name contains” filters the rows of this page only: Glance has no substring search.",
    apply_filters: "Apply",
    clear_filters: "Clear",
    more_filters: "More filters",
    active_filters: "Active filters",
    label_separator: ": ",
    remove_filter: Template("Remove filter {0}"),
    empty_mine: "This project owns no images that match.",
    empty_shared: "No images shared with this project yet.",
    empty_invitations: "No pending invitations: nobody has shared an image with this project that waits for an answer.",
    empty_rejected: "No rejected images.",
    empty_public: "No public images match.",
    empty_other: "No images match.",
    images_shown: Counted { one: Template("1 image shown"), other: Template("{0} images shown") },
    no_name: "(no name)",
    image_status,
    visibility,

    image_not_found: Template("Image not found: {0}. It may have been deleted, or it is not visible to this project."),
    image_not_found_title: "Image not found",
    image_unreadable_title: "Image could not be read",
    edit_unsaved: "Not saved yet: Save applies your changes.",
    visibility_press_enter: "Not saved yet: press Enter to save this visibility (moving on saves it too).",
    back_to_catalog: "Back to images",
    field_id: "ID",
    field_container_format: "Container format",
    field_virtual_size: "Virtual size",
    field_checksum: "Checksum (MD5)",
    field_hash: "Hash",
    field_stores: "Stores",
    field_min_disk: "Minimum disk (GB)",
    field_min_ram: "Minimum RAM (MB)",
    field_protected: "Protected",
    field_hidden: "Hidden",
    field_tags: "Tags",
    custom_properties: "Custom properties",
    no_custom_properties: "No custom properties.",
    yes: "Yes",
    no: "No",

    sharing_title: "Sharing",
    visibility_label: "Visibility",
    visibility_unknown: "Unknown visibility",
    vis_private_help: "Only this project can see and use the image.",
    vis_shared_help: "This project and the member projects that accept it. With no members, no other project sees it.",
    vis_community_help: "Every project can use it by id; it is not listed by default. Policy may forbid it.",
    vis_public_help: "Every project sees it in its list. Usually only administrators may publish.",
    saving: "Saving…",
    add_members_title: "Add projects",
    add_members_label: "Project IDs (several: separated by newlines, commas or spaces)",
    add_members_hint: "Names work for your own projects; for others paste the project ID the other project gave you.",
    add_members_button: "Add members",
    nothing_to_add: "Enter at least one project ID or name.",
    entry_malformed: "not a valid project ID",
    entry_unaddressable: "not a valid project ID: “.” and “..” cannot be used in a web address, so a browser could never remove such a member",
    cli_command: "command",
    member_unaddressable: "A browser cannot address this member: its ID is a dot segment, which the browser would resolve into another address (the image itself). Remove it from the command line, with GLANCE_URL set to the image service’s address (openstack catalog show image):",
    member_with_slash: "This member’s ID contains “/”, a control character or a character outside ASCII, or is too long: a request for it would reach another address (another image) or another member, so the app sends none. Making the image private hides it from every member.",
    entry_duplicate: "listed twice",
    entry_already_member: "already a member",
    entry_own_project: "this is the image's own project",
    entry_added: "added (pending)",
    entry_quota: "not added: this image has as many members as the cloud allows (413)",
    make_shared_first: "This image is private: projects cannot be added until it is shared. Make it shared and add them?",
    make_shared_first_wider: Template("Projects can be added only to a shared image; this one is visible to all projects ({0}). Make it shared (then only its members see it) and add them?"),
    make_shared_and_add: "Make shared and add",
    doubtful_entries: |entries| {
        format!(
            "Not the name of one of your projects, nor shaped like a project ID (32 hexadecimal characters): {}. Glance would store it as it is, and no project would see the invitation. Check it, or ask the project for its ID.",
            join_list(entries)
        )
    },
    add_anyway: "Add anyway",
    members_title: "Members",
    members_need_shared: "Only a shared image has members. Glance keeps the members this image had while it was shared: they are back when it is made shared again.",
    confirm_leave_shared,
    change_visibility: "Change visibility",
    no_members: "This image has no members. A shared image with no members is visible to no other project: add the projects, then tell them to accept.",
    status_all: "All",
    status_pending: "Pending",
    status_accepted: "Accepted",
    status_rejected: "Rejected",
    status_unknown: "Unknown status",
    col_project: "Project",
    col_added: "Added",
    col_changed: "Last changed",
    col_actions: "Actions",
    select_member: "Select",
    select_page: "Select all images on this page",
    remove: "Remove",
    remove_selected: "Remove selected",
    refresh: "Refresh",
    accept: "Accept",
    reject: "Reject",
    set_pending: "Back to pending",
    accept_all: "Accept all",
    confirm: "Confirm",
    your_status: "This project's answer",
    not_shared_with_you: "This image is not shared with this project.",
    catalog_retry: "Retry the list",
    own_answer_unreadable: "This project's answer could not be read (the error is above). Refresh to try again.",
    members_unreadable: "The member list could not be read (the error is above), so no member is shown. Refresh to try again.",
    confirm_remove,
    confirm_reject: Template("Reject the image {0}? It leaves this project's lists; you can change your mind in the Rejected tab."),
    confirm_accept_all: Counted { one: Template("Accept the invitation on this page?"), other: Template("Accept all {0} invitations on this page?") },
    adding_progress,
    edit_title: "Edit",
    field_name: "Name",
    add_tag: "Add tag",
    remove_tag: "Remove tag",
    tag_present: "The image has this tag already.",
    tag_blank: "Type the tag to add first.",
    property_key: "Property",
    property_value: "Value",
    add_property: "Add property",
    new_property_value: "New value",
    remove_property: "Remove property",
    save: "Save",
    saved: "Saved.",
    visibility_saved: "Visibility changed.",
    nothing_changed: "Nothing changed.",
    changed_elsewhere: "Someone else changed this image meanwhile. The form now shows the current values; make your change again.",
    draft_kept: "Unsaved changes from your last visit are back in the form.",
    discard_changes: "Discard changes",
    property_key_empty: "Type the property's name first.",
    property_key_reserved: Template("{0} is Glance's own field: it cannot be set as a custom property."),
    property_key_exists: Template("{0} is already a property here: change its value in its row."),
    whole_number_needed: "Enter a whole number from 0 to 2147483647.",
    actions_title: "Actions",
    protect: "Protect",
    unprotect: "Unprotect",
    hide: "Hide from lists",
    unhide: "Show in lists",
    deactivate: "Deactivate",
    reactivate: "Reactivate",
    delete: "Delete",
    delete_selected: "Delete selected",
    deactivate_selected: "Deactivate selected",
    reactivate_selected: "Reactivate selected",
    deactivated: "deactivated",
    reactivated: "reactivated",
    deleted: "deleted",
    protected_cannot_delete: "This image is protected, so it cannot be deleted. Unprotect it first.",
    confirm_delete: Template("Delete the image {0}? This cannot be undone."),
    new_image: "New image",
    create_title: "Create an image",
    file_label: "Image file",
    choose_file: "Choose a file…",
    chosen_file: Template("{0} ({1})"),
    format_mismatch: Template("This file's data is {0}, not {1}: Glance would refuse it after the upload."),
    format_choose: Template("Choose {0} as the disk format."),
    no_file_chosen: "No file chosen",
    tags_comma: "Tags (comma separated)",
    create_and_upload: "Create image",
    upload_data: "Upload data…",
    send_data: "Upload data",
    send_data_title: Template("Upload data to {0} ({1})"),
    creating: "Creating the image record…",
    cancel_upload: "Cancel upload",
    upload_cancelled: "Upload cancelled. The image record is still there, without data.",
    upload_failed: "The upload failed. The image record is still there.",
    no_data_after_upload: Template("Glance answered the upload as done but holds no data for the image (status: {0}). Send the file again."),
    create_failed: "The image was not created.",
    image_ready: "The image is active.",
    retry_upload: "Retry upload",
    delete_record: "Delete the image record",
    send_data_not_queued: Template("This image is {0}: Glance takes data only for an image without any (Queued)."),
    waiting_active: "Upload complete; waiting for Glance to make the image active…",
    open_image: "Open the image",
    name_required: "Give the image a name.",
    protected_label: "Protected (cannot be deleted)",
    upload_progress,
    data_source_label: "How Glance gets the data",
    source_upload: "Upload the file",
    source_stage: "Stage the file, then import it (glance-direct)",
    source_web: "Glance downloads it from a URL (web-download)",
    url_label: "Image URL",
    url_required: "Enter the URL Glance should download the image from.",
    file_required: "Choose the image file to send.",
    url_not_http: "Glance can download only http:// and https:// URLs.",
    import_failed: "The import failed. The image record is still there.",
    import_no_reason: "Glance did not say why.",
    import_leave_hint: "Glance goes on importing if you leave this page.",
    retry_import: "Retry import",
    importing: Template("Glance is importing the image (status: {0})…"),
    timed_out: Template("{0} did not answer within {1} seconds. It may be overloaded or unreachable; try again later."),
    unreachable: Template("{0} could not be reached (the connection failed or was dropped). Check your connection and try again."),
    unaddressable_id: Template("“{0}” cannot be used in a web address: it is too long, or a browser would send the request to a different resource. It was not sent. Use the command line for this one."),
    revoke_failed: Template("You are logged out of this tab, but Keystone did not revoke the token: it stays valid until {0}. On a shared computer, close the browser."),

    download: "Download",
    cancel_download: "Cancel download",
    download_cancelled: "Download cancelled. Nothing was saved.",
    download_failed: "The download failed",
    download_fallback_note: "This browser cannot write a download to disk as it arrives: the image is collected in the browser's memory and saved when it is complete. For very large images, use a Chromium-based browser or the command line.",
    checksum_missing: "Glance records no checksum for this image, so the data could not be verified.",
    download_progress,
    download_saved: Template("Saved as {0}."),
    checksum_ok: Template("Checksum verified: the {0} of the downloaded data matches the one Glance recorded."),
    checksum_unsupported: Template("Glance records a {0} checksum, which this app cannot compute: the data was not verified."),
    checksum_mismatch: Template("Checksum mismatch: Glance recorded {0} {1}, the downloaded data has {2}. Do not use this file."),
    upload_running: "An upload is in progress.",
    stage_running: "The file is being staged for import (glance-direct).",
    download_running: "A download is in progress.",
    leave_page_question: "Leave this page and cancel it?",
    record_stays_note: "The image record stays, without data: send its data or delete it from its page.",
    switch_project_question: "Switch project and cancel it?",
    log_out_question: "Log out and cancel it?",
    leave_question: Template("{0} {1}"),
    upload_stalled: Template("The upload stalled: no data moved for {0} seconds, so it was stopped. The image record is still there, without data."),
    download_stalled: Template("The download stalled: no data arrived for {0} seconds, so it was stopped. Nothing was saved."),
    page_not_found: "There is no page at this address.",
    page_code_failed: "This part of the app could not be loaded: the browser did not get its code from the server. Check your connection and try again.",
    page_code_timed_out: Template("This part of the app could not be loaded: the server did not send its code within {0} seconds. Check your connection and try again."),
    page_loading: "Loading page…",
    bulk_leave_hint: "You can leave this page: the result will appear at the top. Switching project or logging out stops the requests not yet sent.",
    bulk_progress,
    not_sent: "not sent",
    dismiss: "Dismiss",
    notices_label: "Results of actions",
    notice_deleted,
    notice_deactivated,
    notice_reactivated,
    notice_accepted,
    notice_added,
    notice_removed,
    not_sent_project_switch: Template("{0} not sent: you switched project before their turn, and they are not sent with another project's token."),
    not_sent_logout: Template("{0} not sent: you logged out before their turn."),
    confirm_delete_many,
    confirm_deactivate_many,
    confirm_reactivate_many,
    pagination: "Pages",
    main_nav: "Main",
    upload_progress_name: "Upload progress",
    download_progress_name: "Download progress",
    bulk_progress_name: "Progress",
    invitation_title: "Invitation to use an image",
    invitation_link: "Invitation link",
    invitation_link_hint: "Send this link to the projects you share the image with: it opens the image with Accept and Reject.",
    invitation_own_image: "This image belongs to your project: the link is for the projects you share it with.",
    invitation_not_visible: Template("Project {1} cannot see image {0}: it has not been shared with this project, or it no longer exists."),
    invitation_try_other: "If the owner shared it with another of your projects, switch to that project:",
    switch_to: Template("Switch to {0}"),
    your_project_id: "Your project ID, to give the owner",
    // --- Accessibility (issue 13) ---
    images_caption: "Images on this page",
    members_caption: "Projects this image is shared with",
    add_members_keys_hint: "Enter adds them; Shift+Enter starts a new line.",
    your_projects: "Your projects:",
    already_deleted: "The image had already been deleted (Glance no longer has it).",
    deleted_named: Template("Deleted {0}."),
    record_refused_data: "Glance takes no more data for this record: delete it and create the image again with the file's disk format.",
    record_in_other_project: "The image record is in the project you switched from: switch back to it to upload the data again or delete the record.",
    answered_accepted: Template("You accepted the image {0}."),
    answered_rejected: Template("You rejected the image {0}."),
    answered_pending: Template("The image {0} is pending again."),
    answered_other: Template("Glance answered that this project's answer is now “{0}”, not “{1}”."),
    // Access overview
    access_title: "Access overview",
    access_intro: "Every project that has access to the images this project shares, and where it stands.",
    access_listing: "Listing the shared images of this project…",
    access_progress: |d, t| format!("Read members of {d} of {t} {}", images_word(t)),
    access_counts: |n, p, a, r, unknown| {
        let members = if n == 1 { "1 member".to_string() } else { format!("{n} members") };
        let known = format!("{members}: {p} pending, {a} accepted, {r} rejected");
        // Said only when there are some, so that the counts add up to the members shown.
        if unknown == 0 { known } else { format!("{known}, {unknown} of unknown status") }
    },
    access_filters: "Filter members",
    access_filter_project: "Project (ID or name)",
    access_filter_status: "Status",
    access_filter_image: "Image name",
    access_any_status: "Any status",
    access_col_image: "Image",
    access_col_image_id: "Image ID",
    access_col_project: "Project",
    access_col_project_id: "Project ID",
    access_col_status: "Status",
    access_col_status_raw: "Status (Glance value)",
    access_col_added: "Added",
    access_col_changed: "Changed",
    access_select_row: Template("Select {0} on {1}"),
    access_select_all: "Select all shown",
    access_remove: Template("Remove access ({0})"),
    access_remove_confirm: Counted { one: Template("Remove access for 1 member? That project will no longer see the image."), other: Template("Remove access for {0} members? Those projects will no longer see the images.") },
    access_remove_label: "Remove access",
    access_remove_rejected: Template("Remove all rejected ({0})"),
    access_rows_listed,
    access_remove_rejected_confirm: Counted { one: Template("Remove the 1 member that rejected its image?"), other: Template("Remove the {0} members that rejected their images?") },
    access_removed: Template("Removed {0} from {1}"),
    access_remove_failed: Template("Could not remove {0} from {1}"),
    access_not_sent: Template("Not sent (session changed): {0} on {1}"),
    access_results: "Results of the removal",
    access_export: "Export CSV",
    app_credential_refused_hint: "Check the application credential ID and the secret. Keystone answers the same way when the credential has expired or was deleted.",
    login_refused_hint: "Check the user name and the password. Keystone answers the same way when the project (or a domain) is misspelled, or when the user has no role in that project: check its exact name, or ask its administrators to add you.",
    access_caption: "Members of this project's images",
    edit_properties_caption: "Property values",
    access_exported: Counted { one: Template("Saved access-overview.csv: 1 row."), other: Template("Saved access-overview.csv: {0} rows.") },
    access_export_partial: Counted { one: Template("The file leaves out 1 image whose members could not be read (see above): reload to try it again."), other: Template("The file leaves out {0} images whose members could not be read (see above): reload to try them again.") },
    access_reload: "Reload",
    access_empty: "No image of this project is shared with another project.",
    access_none_match: "No member matches the filters.",
    access_image_failed: Template("The members of {0} could not be read"),
    access_list_failed: "The shared images could not be listed",
    access_project_label: "Member to remove from all images shown",
    access_project_choose: "Choose a project",
    access_project_option: |name, id| match name {
        Some(name) => format!("{name} ({id})"),
        None => id.to_string(),
    },
    access_remove_project: Counted { one: Template("Remove from 1 image"), other: Template("Remove from {0} images") },
    access_remove_project_confirm: Counted { one: Template("Remove {0} from 1 image? That project will no longer see it."), other: Template("Remove {0} from {1} images? That project will no longer see them.") },
    access_retry: Template("Retry failed ({0})"),
    // Share many
    share_many_button: "Share with projects…",
    share_many_title: Counted { one: Template("Share 1 image with projects"), other: Template("Share {0} images with projects") },
    share_many_make_shared: Counted { one: Template("Make the private image shared first"), other: Template("Make the {0} private images shared first") },
    share_many_submit: "Share",
    share_many_retry: "Retry failed",
    share_many_made_shared: "made shared",
    share_many_skipped: "private: skipped, not shared with any project",
    share_many_not_made_shared: Template("not made shared, so not shared with any project: {0}"),
    share_many_summary: Counted { one: Template("Shared with projects: {0} of 1 image–project pair"), other: Template("Shared with projects: {0} of {1} image–project pairs") },
};
