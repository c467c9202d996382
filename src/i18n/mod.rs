//! The message catalog: every user-visible string, in English and Simplified Chinese.
//!
//! A typed catalog (one field per message, one `const` per locale) makes a missing
//! translation a compile error and costs nothing at run time.

mod answer_words;
mod en;
mod error_words;
mod template;
mod words;
mod zh;

pub use answer_words::{answer_text, not_as_asked};
pub use en::EN;
pub use error_words::{error_hint, error_text, failure_text, failure_words, refusal_words};
pub use template::{Counted, Template};
pub use words::Words;
pub use zh::ZH;

/// The languages the app speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    En,
    ZhCn,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::ZhCn];

    /// BCP 47 tag, used for `<html lang>` and storage.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::ZhCn => "zh-CN",
        }
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::ZhCn => "简体中文",
        }
    }

    /// Picks a locale from a browser language tag (`navigator.language`).
    pub fn from_tag(tag: &str) -> Locale {
        let t = tag.to_ascii_lowercase();
        if t.starts_with("zh") {
            Locale::ZhCn
        } else {
            Locale::En
        }
    }

    /// The catalog for this locale.
    pub fn messages(self) -> &'static Messages {
        match self {
            Locale::En => &EN,
            Locale::ZhCn => &ZH,
        }
    }
}

impl Messages {
    /// A label with a note after it in the locale's brackets: `Accept all (3)`, `全部接受（3）`.
    pub fn with_note(&self, label: &str, note: impl std::fmt::Display) -> String {
        format!("{label}{}{note}{}", self.note_open, self.note_close)
    }

    /// A label and its value with the locale's colon: `Request ID: req-1`, `请求 ID：req-1`.
    pub fn labelled(&self, label: &str, value: impl std::fmt::Display) -> String {
        format!("{label}{}{value}", self.colon)
    }
}

/// How many members a removal question names (the rest are counted).
pub const LISTED_AT_MOST: usize = 10;

/// Every message of the UI. Adding a field forces both locales to translate it.
pub struct Messages {
    pub app_title: &'static str,
    pub language: &'static str,
    pub skip_to_content: &'static str,
    /// Brackets around a note after a label (a count, a size): ` (` and `)` in English,
    /// full-width `（` and `）` in Chinese. See [`Messages::with_note`].
    pub note_open: &'static str,
    pub note_close: &'static str,
    /// Between a label and what it labels: `: ` in English, full-width `：` in Chinese.
    pub colon: &'static str,
    /// Between two sentences: a space in English, nothing after Chinese `。`.
    pub sentence_gap: &'static str,

    // Start-up and configuration
    pub loading_config: &'static str,
    pub config_error_title: &'static str,
    pub config_error_help: &'static str,
    /// Placeholders: `{0}` why.
    pub config_fetch_failed: Template,
    /// Placeholders: `{0}` seconds.
    pub config_timed_out: Template,
    /// Placeholders: `{0}` status.
    pub config_http: Template,
    /// Placeholders: `{0}` why.
    pub config_unreadable: Template,
    /// Placeholders: `{0}` detail.
    pub config_bad_json: Template,
    pub config_missing_auth_url: &'static str,
    /// Placeholders: `{0}` value.
    pub config_bad_interface: Template,
    /// Placeholders: `{0}` field.
    pub config_not_a_string: Template,
    /// Placeholders: `{0}` field.
    pub config_bad_seconds: Template,
    pub config_bad_mib: Template,
    /// (setting, value)
    /// Placeholders: `{0}` field, `{1}` url.
    pub config_url_not_http: Template,
    /// (setting, value)
    /// Placeholders: `{0}` field, `{1}` url.
    pub config_mixed_content: Template,
    /// (blocked URL, the setting it came from)
    /// Placeholders: `{0}` url, `{1}` setting.
    pub csp_blocked: Template,
    pub csp_setting_catalog: &'static str,
    pub catalog_no_image_service: &'static str,
    /// (interface, region or "")
    pub catalog_no_endpoint: fn(&str, &str) -> String,
    /// Placeholders: `{0}` url.
    pub catalog_url_not_http: Template,
    /// Placeholders: `{0}` url.
    pub catalog_mixed_content: Template,
    /// A proxy's 503, 504 and other gateway errors (502), not the service's own answer.
    /// Placeholders: `{0}` service, `{1}` HTTP status.
    pub gateway_error: [Template; 3],

    // Login
    pub login_title: &'static str,
    pub login_intro: &'static str,
    /// Said on the login page when it was reached through an invitation link.
    pub login_for_invitation: &'static str,
    pub method_password: &'static str,
    pub method_app_credential: &'static str,
    /// The login form's choice of password or application credential (its tab list).
    pub login_method: &'static str,
    pub user_name: &'static str,
    pub password: &'static str,
    pub user_domain: &'static str,
    pub project_name: &'static str,
    pub project_domain: &'static str,
    pub app_credential_id: &'static str,
    pub app_credential_secret: &'static str,
    pub log_in: &'static str,
    pub logging_in: &'static str,
    pub login_failed: &'static str,
    pub field_required: &'static str,

    // Header and session
    pub signed_in_as: &'static str,
    pub project: &'static str,
    pub project_id: &'static str,
    /// What the header's copy button copies (the rows' say whose "Project ID" theirs is).
    pub current_project_id: &'static str,
    pub switch_project: &'static str,
    pub switching_project: &'static str,
    /// Title of the failure to read the user's projects from Keystone.
    pub projects_unreadable: &'static str,
    pub copy: &'static str,
    /// A copy button's accessible name: "Copy project ID", "复制项目 ID".
    pub copy_what: fn(&str) -> String,
    pub copied: &'static str,
    pub log_out: &'static str,
    /// The header's menu button on narrow windows (project, language, logout inside).
    pub menu: &'static str,
    /// The header's count of pending invitations. Its words leave out "invitations": the
    /// catalog's tab of that name is on screen beside it, and a search by name must find one.
    /// Placeholders: `{0}` n.
    pub invitations_badge: Template,
    /// What the header's count counts (its tooltip and accessible description).
    pub invitations_badge_hint: &'static str,
    /// Placeholders: `{0}` t.
    pub session_expires_in: Template,
    pub renew: &'static str,
    pub session_expired_title: &'static str,
    pub session_expired_body: &'static str,
    pub cancel: &'static str,
    pub close: &'static str,
    pub no_image_service: &'static str,
    /// A duration in seconds, in words of the language ("2 h 5 min", "2 小时 5 分钟").
    pub duration: fn(i64) -> String,

    // Errors
    pub error_title: &'static str,
    pub request_id: &'static str,
    pub network_error: &'static str,
    pub unauthorized_hint: &'static str,
    pub stale_marker_hint: &'static str,
    /// The decoder's technical detail follows.
    /// Placeholders: `{0}` detail.
    pub unreadable_answer: Template,
    /// Glance answered about another image (its id follows) than the one asked for.
    pub other_image: fn(&str) -> String,
    /// Glance answered about another member (its project id follows) than the one asked for.
    pub other_member: fn(&str) -> String,
    pub forbidden_hint: &'static str,
    /// Logged in, but a member of no project.
    pub no_project: &'static str,
    pub retry: &'static str,

    // Catalog
    pub catalog_title: &'static str,
    pub view_mine: &'static str,
    pub view_shared: &'static str,
    pub view_invitations: &'static str,
    pub view_rejected: &'static str,
    pub view_public: &'static str,
    pub view_community: &'static str,
    pub view_all: &'static str,
    pub col_name: &'static str,
    pub col_status: &'static str,
    pub col_visibility: &'static str,
    pub col_size: &'static str,
    pub col_disk_format: &'static str,
    pub col_owner: &'static str,
    pub col_created: &'static str,
    pub col_updated: &'static str,
    pub col_member_status: &'static str,
    pub loading: &'static str,
    pub next_page: &'static str,
    pub first_page: &'static str,
    pub previous_page: &'static str,
    pub page_size: &'static str,
    pub sort_by: &'static str,
    pub sort_order: &'static str,
    pub ascending: &'static str,
    pub descending: &'static str,
    pub filter_name_exact: &'static str,
    pub filter_status: &'static str,
    pub filter_disk_format: &'static str,
    pub filter_tag: &'static str,
    pub any: &'static str,
    pub filter_contains: &'static str,
    pub filter_visibility: &'static str,
    pub filter_container_format: &'static str,
    pub filter_protected: &'static str,
    pub filter_hidden: &'static str,
    pub filter_size_min: &'static str,
    pub filter_size_max: &'static str,
    pub filter_created: &'static str,
    pub filter_updated: &'static str,
    pub on_or_after: &'static str,
    pub on_or_before: &'static str,
    pub only_hidden: &'static str,
    pub contains_note: &'static str,
    pub apply_filters: &'static str,
    pub clear_filters: &'static str,
    /// The filter bar's button that shows the other filter fields.
    pub more_filters: &'static str,
    /// Names the list of filter chips.
    pub active_filters: &'static str,
    /// Between a filter's name and its value on a chip (": " / "：").
    pub label_separator: &'static str,
    /// A chip's remove button; the chip's text follows ("Remove filter Status: Active").
    /// Placeholders: `{0}` chip.
    pub remove_filter: Template,
    pub empty_mine: &'static str,
    pub empty_shared: &'static str,
    pub empty_invitations: &'static str,
    pub empty_rejected: &'static str,
    pub empty_public: &'static str,
    pub empty_other: &'static str,
    pub images_shown: Counted,
    pub no_name: &'static str,

    // Glance values in words (the raw value stays in a data attribute or tooltip)
    /// An image status (`active`, `pending_delete`, …); `None` for a value Glance added later.
    pub image_status: fn(&str) -> Option<&'static str>,
    /// A visibility (`private`, `shared`, `community`, `public`).
    pub visibility: fn(&str) -> Option<&'static str>,

    // Detail
    /// Placeholders: `{0}` id.
    pub image_not_found: Template,
    /// The heading of the detail page when Glance has no such image.
    pub image_not_found_title: &'static str,
    /// The detail page's heading when its image could not be read (an error other than 404).
    pub image_unreadable_title: &'static str,
    /// The edit form's status while it holds changes not saved to Glance.
    pub edit_unsaved: &'static str,
    /// The visibility control's status while a choice made by keyboard waits for Enter.
    pub visibility_press_enter: &'static str,
    pub back_to_catalog: &'static str,
    pub field_id: &'static str,
    pub field_container_format: &'static str,
    pub field_virtual_size: &'static str,
    pub field_checksum: &'static str,
    pub field_hash: &'static str,
    pub field_stores: &'static str,
    pub field_min_disk: &'static str,
    pub field_min_ram: &'static str,
    pub field_protected: &'static str,
    pub field_hidden: &'static str,
    pub field_tags: &'static str,
    pub custom_properties: &'static str,
    pub no_custom_properties: &'static str,
    pub yes: &'static str,
    pub no: &'static str,

    // Sharing
    pub sharing_title: &'static str,
    pub visibility_label: &'static str,
    /// A blank visibility (missing, or not a string in Glance's answer).
    pub visibility_unknown: &'static str,
    pub vis_private_help: &'static str,
    pub vis_shared_help: &'static str,
    pub vis_community_help: &'static str,
    pub vis_public_help: &'static str,
    pub saving: &'static str,
    pub add_members_title: &'static str,
    pub add_members_label: &'static str,
    pub add_members_hint: &'static str,
    pub add_members_button: &'static str,
    pub nothing_to_add: &'static str,
    pub entry_malformed: &'static str,
    /// An entry that is `.` or `..`.
    pub entry_unaddressable: &'static str,
    /// Beside a member whose id a browser cannot put in a URL; a command follows.
    pub member_unaddressable: &'static str,
    /// For a member whose id has a `/` (only Glance's API can make one).
    pub member_with_slash: &'static str,
    /// What a copy button copies when it copies a command line.
    pub cli_command: &'static str,
    pub entry_duplicate: &'static str,
    pub entry_already_member: &'static str,
    pub entry_own_project: &'static str,
    pub entry_added: &'static str,
    pub entry_quota: &'static str,
    pub make_shared_first: &'static str,
    /// The same question for a community or public image (its visibility in words), which
    /// making it shared narrows to its members.
    /// Placeholders: `{0}` v.
    pub make_shared_first_wider: Template,
    pub make_shared_and_add: &'static str,
    /// Asked before adding entries that are neither the user's project names nor shaped like
    /// project ids (the entries, as typed).
    pub doubtful_entries: fn(&[String]) -> String,
    /// Sends the doubtful entries all the same.
    pub add_anyway: &'static str,
    pub members_title: &'static str,
    pub no_members: &'static str,
    /// Beside the member list of an image that is not shared: Glance keeps its members.
    pub members_need_shared: &'static str,
    /// Asked before a shared image with members leaves "shared": (the new visibility in
    /// words, how many members, whether it becomes private).
    pub confirm_leave_shared: fn(&str, Option<usize>, bool) -> String,
    /// The confirming button of that question.
    pub change_visibility: &'static str,
    pub status_all: &'static str,
    pub status_pending: &'static str,
    pub status_accepted: &'static str,
    pub status_rejected: &'static str,
    /// A status that is empty (missing, or not a string in Glance's answer): said, not blank.
    pub status_unknown: &'static str,
    pub col_project: &'static str,
    pub col_added: &'static str,
    pub col_changed: &'static str,
    pub col_actions: &'static str,
    pub select_member: &'static str,
    /// The catalog's header checkbox: every image of the page shown in the bulk selection.
    pub select_page: &'static str,
    pub remove: &'static str,
    pub remove_selected: &'static str,
    pub refresh: &'static str,
    pub accept: &'static str,
    pub reject: &'static str,
    pub set_pending: &'static str,
    pub accept_all: &'static str,
    pub confirm: &'static str,
    pub your_status: &'static str,
    pub not_shared_with_you: &'static str,
    /// Asks Glance for the catalog's list again after it failed.
    pub catalog_retry: &'static str,
    /// The consumer's member record could not be read (the error is shown above it).
    pub own_answer_unreadable: &'static str,
    /// The owner's member list could not be read (the error is shown above it).
    pub members_unreadable: &'static str,
    pub confirm_remove: fn(&[String]) -> String,
    /// Placeholders: `{0}` p.
    pub confirm_reject: Template,
    pub confirm_accept_all: Counted,
    pub adding_progress: fn(usize, usize) -> String,

    // Lifecycle
    pub edit_title: &'static str,
    pub field_name: &'static str,
    pub add_tag: &'static str,
    pub remove_tag: &'static str,
    /// Said when Add tag finds the typed tag on the image already (the field keeps it).
    pub tag_present: &'static str,
    /// Said when Add tag is used with nothing typed.
    pub tag_blank: &'static str,
    pub property_key: &'static str,
    pub property_value: &'static str,
    pub add_property: &'static str,
    /// Accessible name of the value field of the property being added.
    pub new_property_value: &'static str,
    pub remove_property: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    /// The visibility control's status once Glance has taken a new visibility.
    pub visibility_saved: &'static str,
    pub nothing_changed: &'static str,
    pub changed_elsewhere: &'static str,
    /// The edit form shows what was typed on an earlier visit and not saved.
    pub draft_kept: &'static str,
    pub discard_changes: &'static str,
    /// The add row's name is empty.
    pub property_key_empty: &'static str,
    /// The add row's name ({0}) is one of Glance's own fields.
    pub property_key_reserved: Template,
    /// The add row's name ({0}) is a row already.
    pub property_key_exists: Template,
    /// A minimum disk or RAM that is not a whole number of 0 or more.
    pub whole_number_needed: &'static str,
    pub actions_title: &'static str,
    pub protect: &'static str,
    pub unprotect: &'static str,
    pub hide: &'static str,
    pub unhide: &'static str,
    pub deactivate: &'static str,
    pub reactivate: &'static str,
    pub delete: &'static str,
    pub delete_selected: &'static str,
    pub deactivate_selected: &'static str,
    pub reactivate_selected: &'static str,
    pub deactivated: &'static str,
    pub reactivated: &'static str,
    pub deleted: &'static str,
    pub protected_cannot_delete: &'static str,
    /// Placeholders: `{0}` p.
    pub confirm_delete: Template,

    // Create and upload
    pub new_image: &'static str,
    pub create_title: &'static str,
    pub file_label: &'static str,
    /// The file field's button (the browser's own words would be in the browser's language).
    pub choose_file: &'static str,
    pub no_file_chosen: &'static str,
    /// The picked file: its name and its size as text.
    /// Placeholders: `{0}` name, `{1}` size.
    pub chosen_file: Template,
    /// The picked file's data is in another disk format ({0}) than the record's ({1}):
    /// Glance will refuse it once the whole file is sent.
    pub format_mismatch: Template,
    /// Which disk format to choose for the picked file ({0}).
    pub format_choose: Template,
    pub tags_comma: &'static str,
    pub create_and_upload: &'static str,
    pub upload_data: &'static str,
    pub send_data: &'static str,
    /// Placeholders: `{0}` name, `{1}` format.
    pub send_data_title: Template,
    pub creating: &'static str,
    pub cancel_upload: &'static str,
    pub upload_cancelled: &'static str,
    pub upload_failed: &'static str,
    /// The upload was answered as done, but Glance still has no data for the image.
    /// Placeholders: `{0}` the image's status in words.
    pub no_data_after_upload: Template,
    /// Creating the record failed: there is no record (nothing to retry or delete).
    pub create_failed: &'static str,
    /// Said with the link to the new image once its data is in and it is active.
    pub image_ready: &'static str,
    pub retry_upload: &'static str,
    pub delete_record: &'static str,
    pub send_data_not_queued: Template,
    pub waiting_active: &'static str,
    pub open_image: &'static str,
    pub name_required: &'static str,
    pub protected_label: &'static str,
    pub upload_progress: fn(&str, &str, f64, &str, &str) -> String,

    // Interoperable import
    pub data_source_label: &'static str,
    pub source_upload: &'static str,
    pub source_stage: &'static str,
    pub source_web: &'static str,
    pub url_label: &'static str,
    pub url_required: &'static str,
    pub file_required: &'static str,
    pub url_not_http: &'static str,
    pub import_failed: &'static str,
    pub import_no_reason: &'static str,
    pub import_leave_hint: &'static str,
    pub retry_import: &'static str,
    /// Placeholders: `{0}` status.
    pub importing: Template,

    // Robustness: requests that get no answer, background work (the "app stopped" banner's
    // texts are in index.html: it is made when the wasm can no longer run)
    /// Placeholders: `{0}` service, `{1}` seconds.
    pub timed_out: Template,
    /// Placeholders: `{0}` service.
    pub unreachable: Template,
    /// Placeholders: `{0}` id.
    pub unaddressable_id: Template,
    /// Placeholders: `{0}` expires_at.
    pub revoke_failed: Template,

    // Download
    pub download: &'static str,
    pub cancel_download: &'static str,
    pub download_cancelled: &'static str,
    pub download_failed: &'static str,
    pub download_fallback_note: &'static str,
    pub checksum_missing: &'static str,
    pub download_progress: fn(&str, &str, f64, &str) -> String,
    /// Placeholders: `{0}` name.
    pub download_saved: Template,
    /// Placeholders: `{0}` algo.
    pub checksum_ok: Template,
    /// Placeholders: `{0}` algo.
    pub checksum_unsupported: Template,
    /// Placeholders: `{0}` algo, `{1}` expected, `{2}` got.
    pub checksum_mismatch: Template,

    // Leaving while a transfer runs; a transfer that stalls
    pub upload_running: &'static str,
    pub stage_running: &'static str,
    pub download_running: &'static str,
    pub leave_page_question: &'static str,
    /// After the question of a cancelled upload or staging: what stays in Glance.
    pub record_stays_note: &'static str,
    pub switch_project_question: &'static str,
    pub log_out_question: &'static str,
    /// What runs, then what leaving does (the two above).
    /// Placeholders: `{0}` running, `{1}` question.
    pub leave_question: Template,
    /// After the number of seconds without progress.
    /// Placeholders: `{0}` seconds.
    pub upload_stalled: Template,
    /// Placeholders: `{0}` seconds.
    pub download_stalled: Template,

    // Other pages
    pub page_not_found: &'static str,
    /// A lazily loaded page's code could not be fetched; then after the time limit (seconds).
    pub page_code_failed: &'static str,
    /// Placeholders: `{0}` s.
    pub page_code_timed_out: Template,
    /// A move to another page is taking a while (its code is being fetched).
    pub page_loading: &'static str,

    // Bulk actions that go on after the user leaves (notices at the top of the page)
    pub bulk_leave_hint: &'static str,
    pub bulk_progress: fn(usize, usize) -> String,
    pub not_sent: &'static str,
    pub dismiss: &'static str,
    pub notices_label: &'static str,
    pub notice_deleted: fn(usize, usize) -> String,
    pub notice_deactivated: fn(usize, usize) -> String,
    pub notice_reactivated: fn(usize, usize) -> String,
    pub notice_accepted: fn(usize, usize) -> String,
    pub notice_added: fn(&str, usize, usize) -> String,
    pub notice_removed: fn(&str, usize, usize) -> String,
    /// Placeholders: `{0}` n.
    pub not_sent_project_switch: Template,
    /// Placeholders: `{0}` n.
    pub not_sent_logout: Template,
    pub confirm_delete_many: fn(&[String]) -> String,
    pub confirm_deactivate_many: fn(&[String]) -> String,
    pub confirm_reactivate_many: fn(&[String]) -> String,
    pub pagination: &'static str,
    /// The header's navigation landmark.
    pub main_nav: &'static str,
    /// Accessible names of progress bars.
    pub upload_progress_name: &'static str,
    pub download_progress_name: &'static str,
    pub bulk_progress_name: &'static str,
    // Invitation links (/invitations/<image id>).
    pub invitation_title: &'static str,
    pub invitation_link: &'static str,
    pub invitation_link_hint: &'static str,
    pub invitation_own_image: &'static str,
    /// Placeholders: `{0}` id, `{1}` project.
    pub invitation_not_visible: Template,
    pub invitation_try_other: &'static str,
    /// Placeholders: `{0}` project.
    pub switch_to: Template,
    pub your_project_id: &'static str,
    // --- Accessibility (issue 13): captions and announcements for screen readers ---
    pub images_caption: &'static str,
    pub members_caption: &'static str,
    pub add_members_keys_hint: &'static str,
    /// Before the names of the user's own projects, under the add-members box.
    pub your_projects: &'static str,
    /// The notice after Delete on a detail page whose image Glance no longer has.
    pub already_deleted: &'static str,
    /// The notice after Delete on a detail page: the image's name.
    pub deleted_named: Template,
    /// The create page after a project switch, in place of Retry and Delete.
    /// Glance refused the data (415): the record cannot take any other.
    pub record_refused_data: &'static str,
    pub record_in_other_project: &'static str,
    /// Placeholders: `{0}` image.
    pub answered_accepted: Template,
    /// Placeholders: `{0}` image.
    pub answered_rejected: Template,
    /// Placeholders: `{0}` image.
    pub answered_pending: Template,
    /// Glance answered a consumer's answer with another status: (status now, status asked).
    /// Placeholders: `{0}` now, `{1}` asked.
    pub answered_other: Template,
    // Access overview
    pub access_title: &'static str,
    pub access_intro: &'static str,
    pub access_listing: &'static str,
    pub access_progress: fn(usize, usize) -> String,
    pub access_counts: fn(usize, usize, usize, usize, usize) -> String,
    pub access_filters: &'static str,
    pub access_filter_project: &'static str,
    pub access_filter_status: &'static str,
    pub access_filter_image: &'static str,
    pub access_any_status: &'static str,
    pub access_col_image: &'static str,
    pub access_col_image_id: &'static str,
    pub access_col_project: &'static str,
    pub access_col_project_id: &'static str,
    pub access_col_status: &'static str,
    /// The CSV's last column: the member status as Glance spells it.
    pub access_col_status_raw: &'static str,
    pub access_col_added: &'static str,
    pub access_col_changed: &'static str,
    /// Placeholders: `{0}` p, `{1}` i.
    pub access_select_row: Template,
    pub access_select_all: &'static str,
    /// Placeholders: `{0}` n.
    pub access_remove: Template,
    pub access_remove_confirm: Counted,
    pub access_remove_label: &'static str,
    /// Placeholders: `{0}` n.
    pub access_remove_rejected: Template,
    pub access_remove_rejected_confirm: Counted,
    /// After a removal question: the members it removes, as (project, image) pairs, the
    /// first ten named.
    pub access_rows_listed: fn(&[(String, String)]) -> String,
    /// Placeholders: `{0}` p, `{1}` i.
    pub access_removed: Template,
    /// Placeholders: `{0}` p, `{1}` i.
    pub access_remove_failed: Template,
    /// Placeholders: `{0}` p, `{1}` i.
    pub access_not_sent: Template,
    pub access_results: &'static str,
    pub access_export: &'static str,
    /// Under a refused login: what Keystone refuses with the same 401.
    pub login_refused_hint: &'static str,
    pub app_credential_refused_hint: &'static str,
    /// The access table's name for screen readers.
    pub access_caption: &'static str,
    /// The name of the edit form's properties table (the page also shows the saved ones).
    pub edit_properties_caption: &'static str,
    /// After an export: the file's name and how many rows it holds.
    pub access_exported: Counted,
    /// After an export while the members of some images could not be read: how many.
    pub access_export_partial: Counted,
    pub access_reload: &'static str,
    pub access_empty: &'static str,
    pub access_none_match: &'static str,
    /// Placeholders: `{0}` i.
    pub access_image_failed: Template,
    pub access_list_failed: &'static str,
    pub access_project_label: &'static str,
    pub access_project_choose: &'static str,
    pub access_project_option: fn(Option<&str>, &str) -> String,
    pub access_remove_project: Counted,
    pub access_remove_project_confirm: Counted,
    /// Placeholders: `{0}` n.
    pub access_retry: Template,
    // Share many
    pub share_many_button: &'static str,
    pub share_many_title: Counted,
    pub share_many_make_shared: Counted,
    pub share_many_submit: &'static str,
    pub share_many_retry: &'static str,
    pub share_many_made_shared: &'static str,
    pub share_many_skipped: &'static str,
    /// Placeholders: `{0}` why.
    pub share_many_not_made_shared: Template,
    pub share_many_summary: Counted,
}

impl Messages {
    /// An image status in words; an unknown value as Glance wrote it (`_` as spaces), or
    /// "Unknown status" when blank.
    pub fn image_status_label(&self, raw: &str) -> String {
        (self.image_status)(raw).map_or_else(
            || said_or(raw.replace('_', " "), self.status_unknown),
            str::to_string,
        )
    }

    /// A visibility in words; an unknown value as Glance wrote it, or "Unknown visibility"
    /// when blank.
    pub fn visibility_label_of(&self, raw: &str) -> String {
        (self.visibility)(raw).map_or_else(
            || said_or(raw.to_string(), self.visibility_unknown),
            str::to_string,
        )
    }

    /// A member status in words; an unknown value as Glance wrote it, or "Unknown status"
    /// when blank.
    pub fn member_status_label(&self, raw: &str) -> String {
        match raw {
            "pending" => self.status_pending.to_string(),
            "accepted" => self.status_accepted.to_string(),
            "rejected" => self.status_rejected.to_string(),
            other => said_or(other.to_string(), self.status_unknown),
        }
    }
}

/// A Glance value this app has no words for, as Glance wrote it (shown as text, so escaped);
/// when it is blank (missing, or not a string in the answer), `blank`: a badge or label with
/// no text is read as nothing by a screen reader.
fn said_or(raw: String, blank: &str) -> String {
    if raw.trim().is_empty() {
        blank.to_string()
    } else {
        raw
    }
}
