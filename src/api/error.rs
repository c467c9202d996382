//! One error type for every call to Keystone or Glance.
//!
//! Everything the UI shows about a failure comes from here: the HTTP status, the service's own
//! message (cleaned of the HTML that Glance puts in it) and the `x-openstack-request-id`, which
//! an operator needs to find the request in the service logs.

use serde_json::Value;

/// The service a request went to, named when it did not answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    Keystone,
    Glance,
}

impl Service {
    /// The product name (the same in every language).
    pub fn name(self) -> &'static str {
        match self {
            Service::Keystone => "Keystone",
            Service::Glance => "Glance",
        }
    }
}

/// Where a failure happened, so the UI can pick the right words and reaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The request never got an HTTP answer (offline, DNS, CORS refusal, dropped connection).
    Network,
    /// No answer within the configured time (seconds); the request was abandoned.
    Timeout(u32),
    /// The app itself stopped waiting (the user cancelled, or the view that asked is gone):
    /// not a failure to report.
    Aborted,
    /// The request was not sent: an id in its path cannot be addressed by a browser
    /// (empty, `.` or `..` would be rewritten to another resource).
    Unaddressable,
    /// The service answered with a non-success status.
    Http,
    /// The service answered 2xx but the body was not what the API documents.
    Decode,
    /// The service answered 2xx about another image than the one asked for (a proxy or cache
    /// in between mixed up answers): the answer is not used.
    OtherImage,
    /// The service answered 2xx about another member of the image than the one asked for
    /// (the same mix-up, on `POST` or `PUT` of a member): the answer is not used.
    OtherMember,
    /// Glance answered 2xx to an acceptance with another member status (in `message`): the
    /// invitation is not accepted ("Accept all" lists it so, and does not count it).
    NotAccepted,
    /// A request was accepted but the work it started (an image import) failed later.
    Task,
    /// Keystone let the user in without a project and lists none the user may scope to: no
    /// image can be listed.
    NoProject,
    /// The upload was answered as a success, but the image holds no data afterwards (its
    /// status, as Glance spells it, in `message`): something between took the data.
    NoDataAfterUpload,
}

/// A failed API call, ready to be shown to a user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    pub kind: ErrorKind,
    /// HTTP status, 0 when there was no answer.
    pub status: u16,
    /// The service's own words, plain text.
    pub message: String,
    /// `x-openstack-request-id` of the answer, when there was one.
    pub request_id: Option<String>,
    /// The service the request went to, when known.
    pub service: Option<Service>,
}

impl ApiError {
    /// A failure before any HTTP answer arrived.
    pub fn network(detail: impl Into<String>) -> Self {
        Self {
            kind: ErrorKind::Network,
            status: 0,
            message: detail.into(),
            request_id: None,
            service: None,
        }
    }

    /// No answer from `service` within `seconds`.
    pub fn timeout(service: Service, seconds: u32) -> Self {
        Self {
            kind: ErrorKind::Timeout(seconds),
            status: 0,
            message: format!("{} did not answer within {seconds} s", service.name()),
            request_id: None,
            service: Some(service),
        }
    }

    /// The request was given up by the app on purpose (cancel, page left).
    pub fn aborted() -> Self {
        Self {
            kind: ErrorKind::Aborted,
            status: 0,
            message: "cancelled".into(),
            request_id: None,
            service: None,
        }
    }

    /// An id that cannot go into a URL path (`id` is the offending value).
    pub fn unaddressable(id: &str) -> Self {
        Self {
            kind: ErrorKind::Unaddressable,
            status: 0,
            // Shortened: an id refused for its length would fill the page; isolated: it goes
            // into a sentence, where a right-to-left override in it would turn the words.
            message: crate::format::bidi_isolated(&shorten(id.to_string(), 80)).into_owned(),
            request_id: None,
            service: None,
        }
    }

    /// The user is in no project (see [`ErrorKind::NoProject`]).
    pub fn no_project() -> Self {
        Self {
            kind: ErrorKind::NoProject,
            status: 0,
            message: String::new(),
            request_id: None,
            service: Some(Service::Keystone),
        }
    }

    /// Names the service the failed request went to.
    pub fn from_service(mut self, service: Service) -> Self {
        self.service = Some(service);
        self
    }

    /// True when the app gave the request up itself: nothing to tell the user.
    pub fn is_aborted(&self) -> bool {
        self.kind == ErrorKind::Aborted
    }

    /// True when trying again later may succeed (no answer, or a server-side 5xx): pollers
    /// keep following through these instead of reporting a failure.
    pub fn is_transient(&self) -> bool {
        matches!(self.kind, ErrorKind::Network | ErrorKind::Timeout(_))
            || (self.kind == ErrorKind::Http && (self.status >= 500 || self.status == 429))
    }

    /// True when the request may or may not have taken effect: no answer, a 5xx, or a 2xx
    /// whose body could not be read or was about another image or member. After a change,
    /// what Glance holds must then be read again rather than assumed.
    pub fn outcome_unknown(&self) -> bool {
        self.is_transient()
            || matches!(
                self.kind,
                ErrorKind::Decode | ErrorKind::OtherImage | ErrorKind::OtherMember
            )
    }

    /// True for a request that got no answer (in time): it may have been carried out all the
    /// same, which only asking the service again can tell.
    pub fn no_answer(&self) -> bool {
        matches!(self.kind, ErrorKind::Network | ErrorKind::Timeout(_))
    }

    /// A 2xx answer whose body could not be understood.
    pub fn decode(detail: impl Into<String>, request_id: Option<String>) -> Self {
        Self {
            kind: ErrorKind::Decode,
            status: 0,
            message: detail.into(),
            request_id,
            service: None,
        }
    }

    /// A 2xx answer from Glance about image `answered`, to a request about another image.
    /// `message` holds the other image's id (the UI says the rest in the user's language);
    /// the request id stays, so an operator can find the answer in the logs.
    pub fn other_image(answered: &str, request_id: Option<String>) -> Self {
        Self {
            kind: ErrorKind::OtherImage,
            status: 0,
            message: answered.to_string(),
            request_id,
            service: Some(Service::Glance),
        }
    }

    /// A 2xx answer from Glance about member `answered` (a project id), to a request about
    /// another member; like [`Self::other_image`], `message` holds the answered id.
    pub fn other_member(answered: &str, request_id: Option<String>) -> Self {
        Self {
            kind: ErrorKind::OtherMember,
            ..Self::other_image(answered, request_id)
        }
    }

    /// A 2xx answer to an acceptance whose member record holds another status, `answered`
    /// (Glance's text, said in words by the UI).
    pub fn not_accepted(answered: &str) -> Self {
        Self {
            kind: ErrorKind::NotAccepted,
            status: 0,
            message: answered.to_string(),
            request_id: None,
            service: Some(Service::Glance),
        }
    }

    /// An upload answered as a success after which Glance still holds the image without
    /// data, in status `status` (`queued`).
    pub fn no_data_after_upload(status: &str) -> Self {
        Self {
            kind: ErrorKind::NoDataAfterUpload,
            status: 0,
            message: status.to_string(),
            request_id: None,
            service: Some(Service::Glance),
        }
    }

    /// A background task (an image import) that failed, with the service's words when it
    /// left any and the id of the request that started it.
    pub fn task(message: impl Into<String>, request_id: Option<String>) -> Self {
        Self {
            kind: ErrorKind::Task,
            status: 0,
            message: strip_html(&message.into()),
            request_id,
            service: Some(Service::Glance),
        }
    }

    /// Builds the error for a non-success answer from its status, body and request id.
    ///
    /// Understands Glance's `{"message", "code", "title"}`, Keystone's
    /// `{"error": {"message", "code", "title"}}`, and falls back to the words of an error
    /// page (a proxy's: nginx's 414 or 502, see [`page_words`]) with the status in front
    /// unless they name it, then to the status line.
    pub fn from_response(status: u16, body: &str, request_id: Option<String>) -> Self {
        let message = service_message(body)
            .map(|m| strip_html(&m))
            .filter(|m| !m.is_empty())
            .or_else(|| {
                page_words(body).map(|words| {
                    if words.contains(&status.to_string()) {
                        words
                    } else {
                        format!("HTTP {status}: {words}")
                    }
                })
            })
            .map(|m| shorten(m, MESSAGE_MAX_CHARS))
            .unwrap_or_else(|| format!("HTTP {status}"));
        Self {
            kind: ErrorKind::Http,
            status,
            message,
            request_id,
            service: None,
        }
    }

    /// True when the token is no longer accepted and the user must log in again.
    pub fn is_unauthorized(&self) -> bool {
        self.kind == ErrorKind::Http && self.status == 401
    }
}

/// The message a service put in a JSON error body, if the body is one: Keystone's
/// `{"error": {"message", "title"}}`, else Glance's `{"message", "title"}`.
fn service_message(body: &str) -> Option<String> {
    let body: Value = serde_json::from_str(body).ok()?;
    if let Some(words) = body.get("error").and_then(message_or_title) {
        return words;
    }
    message_or_title(&body).flatten()
}

/// `message`, else `title`, of an error object; `None` when `value` is not an object whose
/// `message` and `title` are strings (or missing, or `null`).
fn message_or_title(value: &Value) -> Option<Option<String>> {
    let fields = value.as_object()?;
    let text = |name: &str| match fields.get(name) {
        None | Some(Value::Null) => Some(None),
        Some(Value::String(s)) => Some(Some(s.clone())),
        Some(_) => None,
    };
    let (message, title) = (text("message")?, text("title")?);
    Some(message.or(title))
}

/// The longest page text taken as an error message; a longer page (a styled proxy page,
/// an HTML document that is not an error page) is named by its `<title>` instead.
const PAGE_TEXT_MAX: usize = 500;

/// The words of an error page that is not a service's JSON: its text without the server's
/// signature, or its `<title>` when that text is empty or too long to be a message.
fn page_words(body: &str) -> Option<String> {
    let text =
        |html: &str| Some(strip_html(html)).filter(|t| !t.is_empty() && t.len() <= PAGE_TEXT_MAX);
    without_signature(body)
        .and_then(text)
        .or_else(|| text(body))
        .or_else(|| page_title(body))
}

/// `page` without what follows its last `<hr>`: nginx and Apache sign their error pages
/// there with their name and version (`nginx/1.22.1`), which is not about the failure.
fn without_signature(page: &str) -> Option<&str> {
    // ASCII lowercasing keeps every byte offset, so an offset found in `lower` is a char
    // boundary of `page` too (and `get` would refuse one that is not).
    let lower = page.to_ascii_lowercase();
    let at = lower.rmatch_indices("<hr").map(|(at, _)| at).find(|&at| {
        lower
            .as_bytes()
            .get(at + 3)
            .is_some_and(|&b| b == b'>' || b == b'/' || b.is_ascii_whitespace())
    })?;
    page.get(..at)
}

/// The text of `page`'s `<title>`, if it has a non-empty one (in `<head>`, which
/// [`strip_html`] leaves out).
fn page_title(page: &str) -> Option<String> {
    let lower = page.to_ascii_lowercase();
    let open = lower.find("<title")?;
    let start = open + lower.get(open..)?.find('>')? + 1;
    let end = start + lower.get(start..)?.find("</title")?;
    Some(strip_html(page.get(start..end)?)).filter(|t| !t.is_empty())
}

/// The most of a service's message the app shows. Glance repeats a refused value in its
/// answer (twice, with its schema, for a too-long name): 10,000 characters sent make an error
/// box thousands of pixels tall.
pub const MESSAGE_MAX_CHARS: usize = 600;

/// `text` cut to at most `max` characters, with "…" where it was cut.
pub fn shorten(text: String, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text,
    }
}

/// Whether `after_lt` (what follows a `<`) opens or closes an inline element, one that sits
/// inside a sentence's words.
fn starts_inline_tag(after_lt: &str) -> bool {
    let name = after_lt.strip_prefix('/').unwrap_or(after_lt);
    let end = name
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(name.len());
    matches!(
        &name[..end],
        "a" | "b"
            | "i"
            | "u"
            | "s"
            | "em"
            | "strong"
            | "span"
            | "code"
            | "tt"
            | "small"
            | "abbr"
            | "kbd"
            | "samp"
            | "var"
            | "font"
            | "sub"
            | "sup"
            | "q"
            | "cite"
    )
}

/// Turns a fragment of HTML into plain text: tags removed, common entities decoded,
/// whitespace collapsed. Glance ends its messages with `<br /><br />` and newlines.
pub fn strip_html(input: &str) -> String {
    let mut text = String::with_capacity(input.len());
    let mut in_tag = false;
    let mut in_head = false;
    let lower = input.to_ascii_lowercase();
    let mut i = 0;
    let bytes = input.as_bytes();
    while i < bytes.len() {
        // Skip <title>, <head>, <style> and <script> contents of full HTML pages.
        if !in_tag && bytes[i] == b'<' {
            for tag in ["head", "style", "script"] {
                if lower[i..].starts_with(&format!("<{tag}")) {
                    in_head = true;
                }
                if lower[i..].starts_with(&format!("</{tag}")) {
                    in_head = false;
                }
            }
            in_tag = true;
            // A block tag (`<p>`, `<br>`, `<h1>`) parts words; an inline one inside a
            // sentence must not: "The server <b>exploded</b>." reads "…exploded.".
            if !starts_inline_tag(&lower[i + 1..]) {
                text.push(' ');
            }
        } else if in_tag && bytes[i] == b'>' {
            in_tag = false;
        } else if !in_tag && !in_head {
            // Safe: we only split at ASCII '<' and '>', so char boundaries are kept.
            let ch_len = input[i..].chars().next().map(char::len_utf8).unwrap_or(1);
            text.push_str(&input[i..i + ch_len]);
            i += ch_len;
            continue;
        }
        i += 1;
    }
    decode_entities(&text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` with HTML's character references decoded: the few named ones error pages use
/// (`&lt;`, `&amp;`, `&nbsp;`, …) and every numeric one (`&#39;`, `&#x27;`: Glance's error
/// pages quote a field name with `&#x27;`). Anything else stays as written.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        // A reference is short: look for its `;` within a few characters.
        let decoded = rest
            .char_indices()
            .take(10)
            .find(|&(_, c)| c == ';')
            .and_then(|(end, _)| Some((reference(&rest[1..end])?, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference's name (between `&` and `;`) stands for, if it is one.
fn reference(name: &str) -> Option<char> {
    let number = |digits: &str, radix| u32::from_str_radix(digits, radix).ok();
    let code = match name {
        "nbsp" => return Some(' '),
        "lt" => return Some('<'),
        "gt" => return Some('>'),
        "quot" => return Some('"'),
        "apos" => return Some('\''),
        "amp" => return Some('&'),
        _ => match name.strip_prefix('#')? {
            hex if hex.starts_with(['x', 'X']) => number(&hex[1..], 16)?,
            dec => number(dec, 10)?,
        },
    };
    char::from_u32(code).filter(|c| !c.is_control() || c.is_whitespace())
}
