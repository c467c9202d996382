//! Human-readable sizes and times (pure, shared by list and detail views).

pub mod fixed;
pub mod mib;

use fixed::fixed;

/// Bytes in binary units with one decimal: `1.5 GiB`. `None` (no data yet) is `—`.
pub fn human_size(bytes: Option<u64>) -> String {
    let Some(bytes) = bytes else {
        return "—".to_string();
    };
    const UNITS: [&str; 6] = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    format!("{} {}", fixed(value, 1), UNITS[unit])
}

/// A duration in seconds as a compact "2 h 5 min" / "45 s".
pub fn human_duration(seconds: i64) -> String {
    let s = seconds.max(0);
    if s < 60 {
        format!("{s} s")
    } else if s < 3600 {
        format!("{} min", s / 60)
    } else {
        format!("{} h {} min", s / 3600, (s % 3600) / 60)
    }
}

/// The same duration in Chinese units: "2 小时 5 分钟" / "45 秒".
pub fn human_duration_zh(seconds: i64) -> String {
    let s = seconds.max(0);
    if s < 60 {
        format!("{s} 秒")
    } else if s < 3600 {
        format!("{} 分钟", s / 60)
    } else {
        format!("{} 小时 {} 分钟", s / 3600, (s % 3600) / 60)
    }
}

/// Milliseconds since the Unix epoch for an ISO 8601 / RFC 3339 UTC time as Keystone and
/// Glance write them (`2026-11-25T16:00:00.000000Z`, `2026-11-25T16:00:00Z`,
/// `2026-11-25T16:00:00+00:00`). Offsets other than UTC are applied. `None` if unreadable,
/// and for instants outside what a JavaScript `Date` can hold (±8.64 × 10^15 ms, about
/// ±273,790 years): callers subtract the browser's clock from the result, which cannot
/// overflow then.
pub fn parse_timestamp_ms(text: &str) -> Option<i64> {
    let t = text.trim();
    let (date, rest) = t.split_once(['T', ' '])?;
    let mut d = date.split('-');
    let year: i64 = d.next()?.parse().ok()?;
    let month: i64 = d.next()?.parse().ok()?;
    let day: i64 = d.next()?.parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    // Split the time from its zone designator.
    let (time, offset_minutes) = if let Some(stripped) = rest.strip_suffix('Z') {
        (stripped, 0)
    } else if let Some(pos) = rest.rfind(['+', '-']).filter(|&p| p >= 8) {
        let (time, zone) = rest.split_at(pos);
        let sign = if zone.starts_with('-') { -1 } else { 1 };
        let (h, m) = zone[1..].split_once(':').unwrap_or((&zone[1..], "0"));
        let minutes = h
            .parse::<i64>()
            .ok()?
            .checked_mul(60)?
            .checked_add(m.parse::<i64>().ok()?)?;
        (time, minutes.checked_mul(sign)?)
    } else {
        (rest, 0)
    };
    let mut parts = time.split(':');
    let hour: i64 = parts.next()?.parse().ok()?;
    let minute: i64 = parts.next()?.parse().ok()?;
    let sec_text = parts.next().unwrap_or("0");
    let (whole, frac) = sec_text.split_once('.').unwrap_or((sec_text, ""));
    let second: i64 = whole.parse().ok()?;
    let millis: i64 = format!("{:0<3}", frac.get(..3.min(frac.len())).unwrap_or(""))
        .parse()
        .unwrap_or(0);
    // Days from civil (Howard Hinnant's algorithm), valid for the proleptic Gregorian calendar.
    // Every field is whatever number the text holds, so each step that can leave i64 is
    // checked: a time too far out to be held in milliseconds is unreadable, not a panic (debug)
    // or a wrapped, wrong instant (release).
    let y = if month <= 2 {
        year.checked_sub(1)?
    } else {
        year
    };
    let era = if y >= 0 { y } else { y.checked_sub(399)? } / 400;
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era.checked_mul(146_097)?.checked_add(doe - 719_468)?;
    let seconds = days
        .checked_mul(86_400)?
        .checked_add(hour.checked_mul(3600)?)?
        .checked_add(minute.checked_mul(60)?)?
        .checked_add(second)?
        .checked_sub(offset_minutes.checked_mul(60)?)?;
    let ms = seconds.checked_mul(1000)?.checked_add(millis)?;
    (-MAX_DATE_MS..=MAX_DATE_MS).contains(&ms).then_some(ms)
}

/// The largest distance from the epoch, in ms, of a JavaScript `Date` (ECMA-262 §21.4.1.1).
pub const MAX_DATE_MS: i64 = 8_640_000_000_000_000;

/// "5 min ago" / "in 2 h" style text for a time relative to `now_ms`, in English or Chinese
/// word order chosen by `zh`.
pub fn relative_time(then_ms: i64, now_ms: i64, zh: bool) -> String {
    // Both instants may come from a server: saturate rather than overflow on absurd ones.
    let delta = now_ms.saturating_sub(then_ms) / 1000;
    let abs = delta.abs();
    // Under a minute either way (a record just made, or clocks a little apart): a count of
    // seconds would be stale as soon as it is shown, and "0 s ago" reads oddly.
    let (n, unit_en, unit_zh) = if abs < 60 {
        return if zh { "刚刚" } else { "just now" }.to_string();
    } else if abs < 3600 {
        (abs / 60, "min", "分钟")
    } else if abs < 86_400 {
        (abs / 3600, "h", "小时")
    } else {
        (abs / 86_400, "d", "天")
    };
    match (zh, delta >= 0) {
        (false, true) => format!("{n} {unit_en} ago"),
        (false, false) => format!("in {n} {unit_en}"),
        (true, true) => format!("{n} {unit_zh}前"),
        (true, false) => format!("{n} {unit_zh}后"),
    }
}

/// `text` between U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE when it holds
/// a right-to-left letter or a bidi control, so that put into a sentence its direction stays
/// inside it: an U+202E RIGHT-TO-LEFT OVERRIDE in an image name reversed the rest of a
/// confirmation, and every name listed after it. A U+2069 of its own, which would end the
/// isolation early, is left out (it is invisible). Other text comes back as it is.
pub fn bidi_isolated(text: &str) -> std::borrow::Cow<'_, str> {
    let turns = |c: char| {
        matches!(c,
            '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'
            | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}'
            | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if text.chars().any(turns) {
        format!("\u{2068}{}\u{2069}", text.replace('\u{2069}', "")).into()
    } else {
        text.into()
    }
}

/// The items of a comma-separated list as typed (tags): separated by `,` or, as a Chinese
/// input method types them, `，` or `、`; trimmed, empty ones dropped, order kept.
pub fn comma_list(text: &str) -> Vec<String> {
    text.split([',', '，', '、'])
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

/// A whole number of 0 or more as typed in a field (a minimum disk or RAM): empty means 0
/// (Glance's default), digits may be full-width (a Chinese input method types `２０`); `None`
/// for anything else (`-2`, `1.5`, `1e3`), which the form refuses rather than sending another
/// number than the one typed; `None` too above [`MAX_MINIMUM`], which Glance refuses.
pub fn whole_number(text: &str) -> Option<u64> {
    let digits: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            c => c,
        })
        .collect();
    if digits.is_empty() {
        return Some(0);
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse::<u64>().ok().filter(|n| *n <= MAX_MINIMUM)
}

/// The largest minimum disk or RAM Glance stores ("value out of range, must not exceed
/// 2147483647").
pub const MAX_MINIMUM: u64 = 2_147_483_647;
