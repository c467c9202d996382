//! Percent-encoding and query strings, shared by every URL the app builds.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Characters left as-is in query values (RFC 3986 unreserved).
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encodes one query component.
pub fn encode(value: &str) -> String {
    utf8_percent_encode(value, QUERY_VALUE).to_string()
}

/// Joins `key=value` pairs into a query string (without `?`).
pub fn query_string(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Splits a URL query string (with or without `?`) into decoded `(key, value)` pairs,
/// keeping repeated keys in order.
pub fn parse_query_string(query: &str) -> Vec<(String, String)> {
    let decode = |s: &str| {
        let s = s.replace('+', " ");
        percent_encoding::percent_decode_str(&s)
            .decode_utf8_lossy()
            .into_owned()
    };
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// The id an image page's address names, `/images/<id>` or `/invitations/<id>` (a trailing
/// `/` aside), percent-decoded once; `None` for any other address (the catalog's, the create
/// page's `/images/new`). leptos_router (the router before the app's own) decoded a nested route's parameters twice, so
/// `/images/%2541bc` would name `Abc` instead of `%41bc`: the app reads the address itself.
pub fn image_page_id(path: &str) -> Option<String> {
    let mut segments = path.trim_end_matches('/').split('/');
    let (Some(""), Some(page @ ("images" | "invitations")), Some(id), None) = (
        segments.next(),
        segments.next(),
        segments.next(),
        segments.next(),
    ) else {
        return None;
    };
    if (page, id) == ("images", "new") {
        return None;
    }
    Some(
        percent_encoding::percent_decode_str(id)
            .decode_utf8_lossy()
            .into_owned(),
    )
}

/// The longest id put into a path, in bytes: Glance keeps image ids in 36 characters and
/// member ids in 255, Keystone its ids in 64.
pub const MAX_ID_LEN: usize = 255;

/// One id as a URL path segment, percent-encoded; `None` for the ids that would not reach
/// their own resource as sent:
/// - `""`, `.` and `..`: the browser's URL parser drops or resolves dot segments, so the
///   request would reach another resource (the image itself instead of a member);
/// - any id with a `/`: a reverse proxy that forwards to a path (nginx's `proxy_pass` with a
///   URI, as in `deploy/nginx`) decodes `%2F` and resolves the dots around it, so removing
///   member `../../<image id>` of an image would delete image `<image id>`;
/// - any id with a control character: a proxy refuses the request (`%00`) before Glance;
/// - any id with a character outside ASCII: Glance reads the path's bytes as Latin-1 (the
///   WSGI rule), so it looks for another id ("â\u{80}®…") and answers 404 for a member it holds;
/// - any id longer than [`MAX_ID_LEN`]: no Glance or Keystone id is, and a very long one makes
///   the server in front of Glance fail the request with an error about itself.
///
/// Glance's image ids are UUIDs and Keystone's project ids hex; only a member id given
/// straight to Glance, or an id in an address, can be such.
pub fn path_segment(id: &str) -> Option<String> {
    match id {
        "" | "." | ".." => None,
        _ if id.len() > MAX_ID_LEN
            || !id.is_ascii()
            || id.contains('/')
            || id.contains(char::is_control) =>
        {
            None
        }
        _ => Some(encode(id)),
    }
}

/// The app's own address of image `id`'s detail page, the id percent-encoded (an id is data
/// from the server: `../access?x=1` must not become a link to another page); `None` for an
/// id no address can name (see [`path_segment`]).
pub fn image_page(id: &str) -> Option<String> {
    Some(format!("/images/{}", path_segment(id)?))
}

/// The Glance path of image `id` followed by `tail` (which starts with `/`, or is empty), e.g.
/// `image_path(id, "/members")`; `None` when `id` cannot be addressed (see [`path_segment`]).
pub fn image_path(id: &str, tail: &str) -> Option<String> {
    Some(format!("/v2/images/{}{tail}", path_segment(id)?))
}

/// The path of one member of an image; `None` when either id cannot be addressed.
pub fn member_path(image_id: &str, member_id: &str) -> Option<String> {
    image_path(image_id, &format!("/members/{}", path_segment(member_id)?))
}

/// The app paths a `next=` link may lead to after login: the catalog and its pages.
const NEXT_ROUTES: [&str; 3] = ["/images", "/invitations", "/access"];

/// Checks a login page's `next=` target (already percent-decoded once): only a path of this
/// app is accepted, returned as given. Anything a browser or the router could resolve to
/// another origin is refused: `//host`, backslashes (`/\host`, which browsers read as `//`),
/// control characters and whitespace (stripped by URL parsers: `/\t/host`), and the same
/// forms percent-encoded once more; and any path outside the app's routes. Decoded once
/// more, a space is only data (a filter's `name=a%20b`, an id with a space): URL parsers
/// strip tabs and line breaks, not spaces, so only the target as given must have none.
pub fn safe_next(next: &str) -> Option<String> {
    let decoded_again = percent_encoding::percent_decode_str(next).decode_utf8_lossy();
    for (form, as_given) in [(next, true), (decoded_again.as_ref(), false)] {
        let bytes = form.as_bytes();
        if bytes.first() != Some(&b'/') || matches!(bytes.get(1), Some(b'/' | b'\\')) {
            return None;
        }
        if form.chars().any(|c| {
            c == '\\' || c.is_control() || (as_given && c.is_whitespace()) || is_bidi_control(c)
        }) {
            return None;
        }
        let path = form.split(['?', '#']).next().unwrap_or_default();
        let known = NEXT_ROUTES
            .iter()
            .any(|route| path == *route || path.starts_with(&format!("{route}/")));
        // No dot segments: "/images/../x" would leave the route once resolved.
        if !known || path.split('/').any(|s| s == "." || s == "..") {
            return None;
        }
    }
    Some(next.to_string())
}

/// Characters that reorder how text is shown (right-to-left overrides and isolates, marks):
/// never needed in an app path, and a way to make a link read as something else.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}
