//! Property tests (issue 11, "decoders cannot panic"): timestamps, durations, sizes in bytes
//! and MiB, and fixed-point text never panic on any input, and keep their documented
//! invariants. Every property runs 10,000 generated cases.
#![cfg(not(target_arch = "wasm32"))]

use glance_share::api::create::Progress;
use glance_share::format::fixed::fixed;
use glance_share::format::mib::{bytes_of_mib, mib_text};
use glance_share::format::{
    human_duration, human_size, parse_timestamp_ms, relative_time, MAX_DATE_MS,
};
use proptest::prelude::*;

/// The settings every property starts from: no regression files are written into the source
/// tree (each panic found gets its own unit test instead).
fn base() -> ProptestConfig {
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Strings of digits as a server or a hand-edited URL might write them: mostly in the
/// field's own range (so parsing gets past the other fields), sometimes at the edges of i64,
/// far beyond it, signed, or not digits at all.
fn number_text(valid: std::ops::RangeInclusive<i64>) -> impl Strategy<Value = String> {
    prop_oneof![
        8 => valid.prop_map(|n| format!("{n:02}")),
        1 => any::<i64>().prop_map(|n| n.to_string()),
        1 => prop_oneof![
            Just(i64::MAX.to_string()),
            Just(i64::MIN.to_string()),
            Just((i64::MAX / 1000).to_string()),
            Just((i64::MAX / 86_400).to_string()),
            Just((i64::MAX / 146_097 * 400).to_string()),
            Just("99999999999999999999999".to_string()),
        ],
        1 => "[0-9]{1,25}",
        1 => "[+-][0-9]{1,20}",
        1 => prop_oneof![Just(String::new()), "[ -~]{0,4}", "[٠-٩０-９]{1,3}"],
    ]
}

/// Timestamps shaped like Glance's and Keystone's, with any numbers in any field, and any
/// zone designator.
fn near_timestamp() -> impl Strategy<Value = String> {
    let sign = || prop_oneof![Just('+'), Just('-')];
    let zone = prop_oneof![
        Just(String::new()),
        Just("Z".to_string()),
        (sign(), number_text(0..=14), number_text(0..=59))
            .prop_map(|(s, h, m)| format!("{s}{h}:{m}")),
        (sign(), number_text(0..=1400)).prop_map(|(s, h)| format!("{s}{h}")),
    ];
    (
        (
            number_text(-400..=10_000),
            number_text(1..=12),
            number_text(1..=31),
        ),
        prop_oneof![Just('T'), Just(' '), Just('t')],
        (
            number_text(0..=23),
            number_text(0..=59),
            number_text(0..=60),
        ),
        prop_oneof![
            Just(String::new()),
            "\\.[0-9]{0,9}",
            "\\.[^:]{0,4}",
            "\\.[-+]?[0-9]{1,3}"
        ],
        zone,
    )
        .prop_map(|((y, mo, d), sep, (h, mi, s), frac, zone)| {
            format!("{y}-{mo}-{d}{sep}{h}:{mi}:{s}{frac}{zone}")
        })
}

/// Text a user may type into the MiB size filter, valid or nearly so.
fn near_mib_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[+-]?[0-9]{0,40}(\\.[0-9]{0,40})?([eE][+-]?[0-9]{0,25})?",
        "[ ]?[+-]?\\.?[0-9]{1,5}[.eE+-]{0,3}[0-9]{0,5}[ ]?",
        "0{0,500}\\.0{0,500}1?",
        "[0-9]{1,3}[eE]-?9{1,30}",
        "[0-9eE.+\\- ٠-٩]{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    #[test]
    fn timestamp_parse_never_panics_on_any_text(text in any::<String>()) {
        let _ = parse_timestamp_ms(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    #[test]
    fn timestamp_parse_never_panics_on_near_timestamps(text in near_timestamp(), now in -MAX_DATE_MS..=MAX_DATE_MS) {
        if let Some(ms) = parse_timestamp_ms(&text) {
            // Within a JavaScript Date, so "expires in" (expiry − now) cannot overflow.
            prop_assert!((-MAX_DATE_MS..=MAX_DATE_MS).contains(&ms));
            let _ = ms - now;
            let _ = relative_time(ms, now, false);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// Time of day, fraction and zone shift the midnight of the date by exactly what they say,
    /// `Z` and `+00:00` agree, and the next day starts 86,400,000 ms later.
    #[test]
    fn timestamp_parts_add_up(
        year in 1i64..=9999,
        month in 1i64..=12,
        day in 1i64..=28,
        hour in 0i64..=23,
        minute in 0i64..=59,
        second in 0i64..=59,
        micros in 0i64..1_000_000,
        offset_h in 0i64..=14,
        offset_m in 0i64..=59,
        east in any::<bool>(),
    ) {
        let date = format!("{year:04}-{month:02}-{day:02}");
        let midnight = parse_timestamp_ms(&format!("{date}T00:00:00Z"));
        prop_assert!(midnight.is_some(), "{date} is a valid date");
        let midnight = midnight.unwrap_or_default();
        let time = format!("{hour:02}:{minute:02}:{second:02}.{micros:06}");
        let expected = midnight + (hour * 3600 + minute * 60 + second) * 1000 + micros / 1000;
        prop_assert_eq!(parse_timestamp_ms(&format!("{date}T{time}Z")), Some(expected));
        prop_assert_eq!(parse_timestamp_ms(&format!("{date}T{time}+00:00")), Some(expected));
        let sign = if east { '+' } else { '-' };
        let shift = (offset_h * 60 + offset_m) * 60_000 * if east { 1 } else { -1 };
        prop_assert_eq!(
            parse_timestamp_ms(&format!("{date}T{time}{sign}{offset_h:02}:{offset_m:02}")),
            Some(expected - shift)
        );
        let next_day = format!("{year:04}-{month:02}-{:02}T00:00:00Z", day + 1);
        prop_assert_eq!(parse_timestamp_ms(&next_day), Some(midnight + 86_400_000));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// The last day of one month and the first of the next are one day apart, across every
    /// month and leap year rule of the Gregorian calendar.
    #[test]
    fn timestamp_months_are_contiguous(year in 1i64..=9999, month in 1i64..=12) {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let last = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        let (ny, nm) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
        let end = parse_timestamp_ms(&format!("{year:04}-{month:02}-{last:02}T00:00:00Z"));
        let start = parse_timestamp_ms(&format!("{ny:04}-{nm:02}-01T00:00:00Z"));
        prop_assert!(end.is_some() && start.is_some());
        prop_assert_eq!(start.unwrap_or_default() - end.unwrap_or_default(), 86_400_000);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// Any two instants, however far apart: "just now" or a number and a unit, never a panic.
    #[test]
    fn relative_time_never_panics(then in any::<i64>(), now in any::<i64>(), zh in any::<bool>()) {
        let text = relative_time(then, now, zh);
        prop_assert!(
            text == "just now" || text == "刚刚" || text.chars().any(|c| c.is_ascii_digit()),
            "{}",
            text
        );
        prop_assert!(!text.contains('-'), "no negative count: {}", text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    #[test]
    fn relative_time_reads_small_deltas(now in -(1i64 << 50)..(1i64 << 50), delta_s in -59i64..=59) {
        // Under a minute, in the past or (clocks apart) the future, no count of seconds.
        let then = now - delta_s * 1000;
        prop_assert_eq!(relative_time(then, now, false), "just now");
        prop_assert_eq!(relative_time(then, now, true), "刚刚");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    #[test]
    fn human_duration_never_panics(seconds in any::<i64>()) {
        let text = human_duration(seconds);
        prop_assert!(!text.contains('-'), "{}", text);
        if (0..60).contains(&seconds) {
            prop_assert_eq!(text, format!("{seconds} s"));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// Any byte count: a number with one decimal and a binary unit, below 1024 of that unit
    /// except for the largest unit.
    #[test]
    fn human_size_never_panics(bytes in prop_oneof![
        any::<u64>(),
        0u64..4096,
        Just(u64::MAX),
        (0u32..64).prop_map(|s| 1u64 << s),
        (1u32..64).prop_map(|s| (1u64 << s) - 1),
    ]) {
        let text = human_size(Some(bytes));
        if bytes < 1024 {
            prop_assert_eq!(text, format!("{bytes} B"));
        } else {
            let (number, unit) = text.split_once(' ').unwrap_or_default();
            prop_assert!(["KiB", "MiB", "GiB", "TiB", "PiB"].contains(&unit), "{}", text);
            let (whole, frac) = number.split_once('.').unwrap_or_default();
            prop_assert_eq!(frac.len(), 1, "{}", text);
            let whole: u64 = whole.parse().unwrap_or(u64::MAX);
            prop_assert!(whole <= 1024 || unit == "PiB", "{}", text);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// The MiB text of any byte count reads back as exactly that count.
    #[test]
    fn mib_text_reads_back_exactly(bytes in prop_oneof![
        any::<u64>(),
        0u64..(1 << 24),
        (0u64..(1 << 24)).prop_map(|mib| mib << 20),
        Just(u64::MAX),
    ]) {
        let text = mib_text(Some(bytes));
        prop_assert_eq!(bytes_of_mib(&text), Some(bytes), "text {}", text);
        if let Some((_, decimals)) = text.split_once('.') {
            prop_assert!(decimals.len() <= 7 && !decimals.ends_with('0'), "{}", text);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    #[test]
    fn bytes_of_mib_never_panics_on_any_text(text in any::<String>()) {
        let _ = bytes_of_mib(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// Numbers typed as MiB: no panic, no wrap-around (a bigger number never gives fewer
    /// bytes), and the result is within half a byte of the exact value × 2^20.
    #[test]
    fn bytes_of_mib_is_monotonic_and_close(text in near_mib_text(), whole in 0u64..(1 << 40), tenths in 0u64..10) {
        let _ = bytes_of_mib(&text);
        let a = bytes_of_mib(&format!("{whole}.{tenths}"));
        let b = bytes_of_mib(&format!("{whole}.{tenths}1"));
        prop_assert!(a.is_some() && b.is_some());
        prop_assert!(a <= b);
        // Exact: (whole + tenths/10) MiB, rounded half up.
        let exact_tenths = (u128::from(whole) * 10 + u128::from(tenths)) << 20;
        let rounded = (exact_tenths + 5) / 10;
        prop_assert_eq!(a.map(u128::from), Some(rounded));
        // Far beyond u64 bytes: saturates instead of wrapping.
        prop_assert_eq!(bytes_of_mib(&format!("{whole}e30")).map(|b| b == 0 || b == u64::MAX), Some(true));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// `fixed` is `format!("{x:.d$}")` for every value it promises to be exact for, and never
    /// panics for any other.
    #[test]
    fn fixed_matches_std_and_never_panics(
        bits in any::<u64>(),
        x in any::<f64>(),
        small in -1.0e6f64..1.0e6,
        decimals in 0u32..=12,
    ) {
        for value in [f64::from_bits(bits), x, small] {
            let text = fixed(value, decimals);
            let d = decimals.min(9) as usize;
            if value.is_nan() || value.is_infinite() || value.abs() < 18_446_744_073_709_551_616.0 {
                prop_assert_eq!(&text, &format!("{value:.d$}"), "{:e}", value);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..base() })]
    /// Upload progress from any byte counts and any clock reading: a percent in 0..=100, a
    /// speed that is a number, and a time left that is never negative.
    #[test]
    fn upload_progress_stays_in_range(
        loaded in prop_oneof![any::<u64>(), 0u64..1000, Just(u64::MAX)],
        total in prop_oneof![any::<u64>(), 0u64..1000, Just(u64::MAX)],
        elapsed_ms in prop_oneof![
            any::<f64>(),
            0.0f64..1e7,
            Just(f64::NAN),
            Just(f64::INFINITY),
            Just(f64::MIN_POSITIVE),
            Just(-0.0),
        ],
    ) {
        let p = Progress { loaded, total, elapsed_ms };
        let percent = p.percent();
        prop_assert!((0.0..=100.0).contains(&percent), "{}", percent);
        let speed = p.speed();
        prop_assert!(!speed.is_nan() && speed >= 0.0, "{}", speed);
        if let Some(left) = p.seconds_left() {
            prop_assert!(left >= 0, "{}", left);
        }
        let _ = human_size(Some(speed as u64));
        let _ = human_duration(p.seconds_left().unwrap_or(0));
    }
}

// Regressions: the panics the properties above found, each fixed at its source.

/// `relative_time` subtracted two server times without a bound: two instants more than
/// i64::MAX ms apart overflowed ("attempt to subtract with overflow" in debug).
#[test]
fn relative_time_of_instants_at_the_ends_of_time() {
    assert_eq!(
        relative_time(-5_750_536_675_845_630_242, 3_472_835_361_009_145_566, false),
        "106751991167 d ago"
    );
    assert_eq!(relative_time(i64::MAX, i64::MIN, true), "106751991167 天后");
}

/// A zone offset of absurd hours overflowed when turned into minutes.
#[test]
fn timestamp_with_an_absurd_offset_is_unreadable() {
    assert_eq!(
        parse_timestamp_ms("00-01-01T00:00:00+-153722867280912931"),
        None
    );
    assert_eq!(
        parse_timestamp_ms("2026-01-01T00:00:00-9223372036854775807:00"),
        None
    );
}

/// A year (or hour, minute, second) beyond what milliseconds since 1970 can hold
/// overflowed in the day and second arithmetic.
#[test]
fn timestamp_beyond_i64_milliseconds_is_unreadable() {
    assert_eq!(
        parse_timestamp_ms("9223372036854775807-01-01T00:00:00Z"),
        None
    );
    assert_eq!(
        parse_timestamp_ms("-9223372036854775808-03-01T00:00:00Z"),
        None
    );
    assert_eq!(parse_timestamp_ms("300000000-01-01T00:00:00Z"), None);
    assert_eq!(
        parse_timestamp_ms("2026-01-01T9223372036854775807:00:00Z"),
        None
    );
    assert_eq!(
        parse_timestamp_ms("2026-01-01T00:9223372036854775807:00Z"),
        None
    );
    assert_eq!(
        parse_timestamp_ms("2026-01-01T00:00:9223372036854775807Z"),
        None
    );
    // Still readable far out, as long as the milliseconds fit: 1970 → 2000 is 10,957 days,
    // 2000 → 200000 is 495 Gregorian cycles of 146,097 days.
    assert_eq!(
        parse_timestamp_ms("200000-01-01T00:00:00Z"),
        Some((10_957 + 495 * 146_097) * 86_400_000)
    );
    assert_eq!(parse_timestamp_ms("1970-01-01T00:00:00.999Z"), Some(999));
    // The ends of a JavaScript Date, and just beyond them.
    assert_eq!(
        parse_timestamp_ms("+275760-09-13T00:00:00Z"),
        Some(MAX_DATE_MS)
    );
    assert_eq!(parse_timestamp_ms("275760-09-13T00:00:00.001Z"), None);
    assert_eq!(parse_timestamp_ms("275761-01-01T00:00:00Z"), None);
}

/// A NaN clock difference made the upload speed NaN ("NaN B/s" on the page).
#[test]
fn upload_speed_of_a_nan_clock_is_zero() {
    let p = Progress {
        loaded: 10,
        total: 20,
        elapsed_ms: f64::NAN,
    };
    assert_eq!(p.speed(), 0.0);
    assert_eq!(p.seconds_left(), None);
}
