//! The integer-based formatters and the MiB parser against the float-based code they
//! replace (kept here verbatim as the reference): same text for every value tried.

use glance_share::format::fixed::fixed;
use glance_share::format::human_size;
use glance_share::format::mib::{bytes_of_mib, mib_text};
use glance_share::i18n::Locale;

/// The former `human_size` (f64 and `{:.1}`).
fn old_human_size(bytes: Option<u64>) -> String {
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
    format!("{value:.1} {}", UNITS[unit])
}

const OLD_MIB: f64 = 1024.0 * 1024.0;

/// The former size filter text (`{}` of an f64).
fn old_mib_text(bytes: u64) -> String {
    format!("{}", bytes as f64 / OLD_MIB)
}

/// The former size filter parser (`parse::<f64>`).
fn old_bytes_of(text: &str) -> Option<u64> {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|v| *v >= 0.0)
        .map(|v| (v * OLD_MIB).round() as u64)
}

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

fn assert_fixed_all(x: f64) {
    for d in 0..=3usize {
        assert_eq!(
            fixed(x, d as u32),
            format!("{x:.d$}"),
            "x = {x:e}, {d} decimals"
        );
    }
}

/// Sizes 0..10^7 by a prime step, around every power of two, and random ones over all of
/// u64 (the part above 2^53 goes through the same f64 rounding in both).
fn sizes() -> Vec<u64> {
    let mut out: Vec<u64> = (0..10_000_000).step_by(7).collect();
    for shift in 0..64 {
        let p = 1u64 << shift;
        out.extend([p - 1, p, p + 1]);
        // Around the decimal ties of one-decimal units: x.x5 · 1024^k.
        for k in 1..=5u32 {
            let unit = 1u64 << (10 * k);
            if let Some(tie) = (p % 1000).checked_mul(unit / 20) {
                out.extend([tie.saturating_sub(1), tie, tie.saturating_add(1)]);
            }
        }
    }
    for tib in 1..=8u64 {
        out.push(tib << 40);
        out.push((tib << 40) + 123_456_789);
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..300_000 {
        let v = rng.next();
        out.push(v >> (rng.next() % 64));
    }
    out.push(u64::MAX);
    out
}

#[test]
fn human_size_matches_the_float_version() {
    assert_eq!(human_size(None), old_human_size(None));
    for b in sizes() {
        assert_eq!(human_size(Some(b)), old_human_size(Some(b)), "{b} bytes");
    }
}

#[test]
fn fixed_matches_format_on_percents() {
    // Every percent with three decimals, and the exact ties of .0 and .1 precision.
    for k in 0..=100_000u32 {
        assert_fixed_all(f64::from(k) / 1000.0);
    }
    for k in 0..=2000u32 {
        assert_fixed_all(f64::from(k) / 20.0);
        assert_fixed_all(f64::from(k) / 8.0);
    }
    // As Progress::percent computes them: loaded · 100 / total.
    let mut rng = Rng(42);
    for _ in 0..300_000 {
        let total = rng.next() >> (rng.next() % 64) | 1;
        let loaded = rng.next() % (total + 1);
        assert_fixed_all((loaded as f64 * 100.0 / total as f64).min(100.0));
    }
    for total in 1..=2000u64 {
        for loaded in 0..=total {
            let p = loaded as f64 * 100.0 / total as f64;
            assert_eq!(fixed(p, 0), format!("{p:.0}"));
            assert_eq!(fixed(p, 1), format!("{p:.1}"));
        }
    }
}

#[test]
fn fixed_matches_format_on_any_float() {
    for x in [
        0.0,
        -0.0,
        0.5,
        1.5,
        2.5,
        0.25,
        0.35,
        -0.04,
        99.95,
        1e-320,
        f64::MIN_POSITIVE,
        f64::EPSILON,
        18_446_744_073_709_549_568.0, // the largest f64 below 2^64
    ] {
        assert_fixed_all(x);
    }
    let mut rng = Rng(7);
    let mut tried = 0;
    while tried < 500_000 {
        let x = f64::from_bits(rng.next());
        // Exact below 2^64; beyond it `fixed` saturates (no value of this app gets there).
        if x.is_finite() && x.abs() < 1.8e19 {
            assert_fixed_all(x);
            tried += 1;
        }
    }
    assert_eq!(fixed(f64::NAN, 1), format!("{:.1}", f64::NAN));
    assert_eq!(fixed(f64::INFINITY, 1), format!("{:.1}", f64::INFINITY));
    assert_eq!(
        fixed(f64::NEG_INFINITY, 0),
        format!("{:.0}", f64::NEG_INFINITY)
    );
}

#[test]
fn progress_messages_keep_their_text() {
    for locale in Locale::ALL {
        let t = locale.messages();
        for k in 0..=1000u32 {
            let p = f64::from(k) / 10.0;
            let old_en = format!("a of b ({p:.0}%), s/s, l left");
            let old_zh = format!("已上传 a / b（{p:.0}%），s/秒，剩余 l");
            let text = (t.upload_progress)("a", "b", p, "s", "l");
            assert!(text == old_en || text == old_zh, "{text}");
            assert!((t.download_progress)("a", "b", p, "s").contains(&format!("{p:.0}")));
        }
    }
}

/// Text a user types in the size box: integers, one to three decimals, exponents, signs,
/// spaces, and things that are not numbers.
#[test]
fn bytes_of_mib_reads_what_the_float_parser_read() {
    let mut texts: Vec<String> = Vec::new();
    for whole in 0..=1100u32 {
        texts.push(format!("{whole}"));
        for frac in 0..10 {
            texts.push(format!("{whole}.{frac}"));
        }
        for frac in 0..100 {
            texts.push(format!("{whole}.{frac:02}"));
        }
        for frac in (0..1000).step_by(7) {
            texts.push(format!("{whole}.{frac:03}"));
        }
    }
    for text in [
        "",
        " ",
        ".",
        "-",
        "+",
        "e3",
        "1e",
        "1e+",
        "1.2.3",
        "1,5",
        "abc",
        "1 2",
        "0x10",
        "1_000",
        ".5",
        "5.",
        "+1",
        "-0",
        "-0.0",
        "-1",
        "-0.001",
        " 7 ",
        "\t3\n",
        "1e3",
        "1E3",
        "2e-1",
        "1.5e2",
        ".5e1",
        "1e-7",
        "1e-30",
        "1e-400",
        "1e400",
        "1e13",
        "17592186044416",
        "9999999999999999999999",
        "0.0000004768",
        "0.0000004769",
        "0.00000047683715820312",
        "0.000000476837158203125",
        "00012.500",
        "1e0005",
    ] {
        texts.push(text.to_string());
    }
    // Random decimals of up to nine significant digits at every scale of a filter.
    let mut rng = Rng(99);
    for _ in 0..300_000 {
        let digits = rng.next() % 1_000_000_000;
        let point = (rng.next() % 10) as usize;
        let s = digits.to_string();
        let text = if point < s.len() {
            format!("{}.{}", &s[..s.len() - point], &s[s.len() - point..])
        } else {
            format!("0.{}{s}", "0".repeat(point - s.len()))
        };
        texts.push(text);
    }
    for text in &texts {
        assert_eq!(bytes_of_mib(text), old_bytes_of(text), "{text:?}");
    }
}

/// Beyond nine significant digits the float parser's own rounding can decide a byte the
/// exact reading decides the other way; they never differ by more than that byte.
#[test]
fn bytes_of_mib_long_inputs_differ_at_most_by_a_byte() {
    let mut rng = Rng(5);
    for _ in 0..300_000 {
        let text = format!(
            "{}.{:09}",
            rng.next() % 100_000_000,
            rng.next() % 1_000_000_000
        );
        let (new, old) = (bytes_of_mib(&text), old_bytes_of(&text));
        let (Some(new), Some(old)) = (new, old) else {
            panic!("{text}");
        };
        assert!(new.abs_diff(old) <= 1, "{text}: {new} vs {old}");
    }
}

#[test]
fn bytes_of_mib_refuses_what_the_float_parser_would_not_get_from_a_number_box() {
    // `<input type="number">` never yields these; the float parser took them.
    assert_eq!(old_bytes_of("inf"), Some(u64::MAX));
    assert_eq!(bytes_of_mib("inf"), None);
    assert_eq!(bytes_of_mib("NaN"), None);
    // Beyond 2^53 bytes (8 PiB) the float product was rounded to 53 bits.
    assert_eq!(
        old_bytes_of("17592186044415.999"),
        Some(18_446_744_073_709_549_568)
    );
    assert_eq!(
        bytes_of_mib("17592186044415.999"),
        Some(18_446_744_073_709_550_567)
    );
}

#[test]
fn mib_text_reads_back_as_the_same_bytes() {
    for b in sizes() {
        let text = mib_text(Some(b));
        assert_eq!(bytes_of_mib(&text), Some(b), "{b} → {text}");
        if b < 1 << 28 {
            // Also for the former parser, up to 256 MiB (where its 53-bit rounding of a
            // seven-decimal text cannot cross a half byte; beyond, it may miss by one byte), and never longer than the former text.
            assert_eq!(old_bytes_of(&text), Some(b), "{b} → {text}");
            assert!(text.len() <= old_mib_text(b).len(), "{b} → {text}");
        }
    }
    assert_eq!(mib_text(None), "");
}

#[test]
fn mib_text_keeps_the_former_text_for_sizes_in_steps_of_an_eighth_kib() {
    // Whole MiB, halves, quarters… down to 1/128 MiB: the former text was already the
    // shortest one.
    for b in (0..(1u64 << 36))
        .step_by(8192 * 13)
        .chain((0..(1 << 24)).step_by(8192))
    {
        assert_eq!(mib_text(Some(b)), old_mib_text(b), "{b}");
    }
}

#[test]
fn mib_text_examples() {
    assert_eq!(mib_text(Some(1 << 20)), "1");
    assert_eq!(mib_text(Some(3 << 19)), "1.5");
    assert_eq!(mib_text(Some(0)), "0");
    // Typed as 0.1 MiB: the former text was 0.10000038146972656.
    assert_eq!(mib_text(bytes_of_mib("0.1")), "0.1");
    assert_eq!(old_mib_text(104_858), "0.10000038146972656");
    // One byte: the former text was 0.00000095367431640625.
    assert_eq!(mib_text(Some(1)), "0.000001");
    assert_eq!(mib_text(Some(1_073_741_825)), "1024.000001");
}
