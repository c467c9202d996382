//! Sizes in MiB as the catalog's size filter shows and reads them, in exact integer
//! arithmetic (the standard library's float parsing and printing cost about 20 KB of the
//! compressed wasm).
//!
//! The text is a plain decimal number of MiB: digits with an optional fraction and an
//! optional exponent, the grammar of `<input type="number">` (`1.5`, `.25`, `1e3`, `2E-1`),
//! plus a leading `+` and a trailing `.` (`5.`). Bytes are the exact value × 2^20 rounded to
//! the nearest byte, a half byte up.

/// One MiB in bytes.
const MIB: u128 = 1 << 20;

/// Significant digits kept while reading; later ones cannot move the result by a byte
/// (only break an exact tie, which the rounding then settles upwards).
const MAX_DIGITS: u32 = 30;

/// `bytes` as the shortest decimal MiB text that [`bytes_of_mib`] reads back as exactly
/// `bytes`: `1048576` → `1`, `1572864` → `1.5`, `104858` → `0.1`. Never more than seven
/// decimals (10^7 > 2^20) and no trailing zeros. `None` (no filter) is the empty text.
pub fn mib_text(bytes: Option<u64>) -> String {
    let Some(bytes) = bytes else {
        return String::new();
    };
    let bytes = u128::from(bytes);
    let mut decimals = 0;
    loop {
        let scale = 10u128.pow(decimals);
        // The nearest decimal with this many digits, and whether it names `bytes`.
        let units = div_round(bytes * scale, MIB);
        if decimals == 7 || div_round(units * MIB, scale) == bytes {
            return decimal_text(units, decimals);
        }
        decimals += 1;
    }
}

/// The bytes a MiB text names, rounded to the nearest byte; values beyond `u64::MAX` bytes
/// saturate there. `None` for text that is not a number (and for negative numbers other
/// than zero): the filter is then left out.
pub fn bytes_of_mib(text: &str) -> Option<u64> {
    let Decimal {
        negative,
        digits,
        exponent,
    } = Decimal::parse(text.trim())?;
    if digits == 0 {
        return Some(0);
    }
    if negative {
        return None;
    }
    let scaled = digits * MIB;
    let bytes = if exponent >= 0 {
        u32::try_from(exponent)
            .ok()
            .and_then(|e| 10u128.checked_pow(e))
            .and_then(|p| scaled.checked_mul(p))
            .unwrap_or(u128::MAX)
    } else {
        match u32::try_from(exponent.unsigned_abs())
            .ok()
            .and_then(|e| 10u128.checked_pow(e))
        {
            Some(p) => div_round(scaled, p),
            // 10^39 and more: `scaled` < 10^30 · 2^20 < 10^37 is below half a byte.
            None => 0,
        }
    };
    Some(u64::try_from(bytes).unwrap_or(u64::MAX))
}

/// A decimal number as typed: `digits` × 10^`exponent`, with a sign.
struct Decimal {
    negative: bool,
    digits: u128,
    exponent: i64,
}

impl Decimal {
    /// Reads `[+-]digits[.digits][(e|E)[+-]digits]` with at least one mantissa digit (either
    /// side of the point). Digits after the first [`MAX_DIGITS`] significant ones only shift
    /// the exponent.
    fn parse(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        let mut i = 0;
        let negative = take_sign(bytes, &mut i);
        let (mut digits, mut exponent, mut kept, mut seen) = (0u128, 0i64, 0u32, false);
        let mut in_fraction = false;
        while let Some(&b) = bytes.get(i) {
            match b {
                b'0'..=b'9' => {
                    seen = true;
                    if kept < MAX_DIGITS {
                        digits = digits * 10 + u128::from(b - b'0');
                        if digits > 0 {
                            kept += 1;
                        }
                        if in_fraction {
                            exponent -= 1;
                        }
                    } else if !in_fraction {
                        exponent += 1;
                    }
                }
                b'.' if !in_fraction => in_fraction = true,
                _ => break,
            }
            i += 1;
        }
        if !seen {
            return None;
        }
        if let Some(b'e' | b'E') = bytes.get(i) {
            i += 1;
            let exp_negative = take_sign(bytes, &mut i);
            let start = i;
            let mut value = 0i64;
            while let Some(&b) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
                // Saturates far beyond any exponent that still changes the result.
                value = (value * 10 + i64::from(b - b'0')).min(1_000_000);
                i += 1;
            }
            if i == start {
                return None;
            }
            exponent += if exp_negative { -value } else { value };
        }
        (i == bytes.len()).then_some(Self {
            negative,
            digits,
            exponent,
        })
    }
}

/// Reads an optional `+` or `-` at `bytes[*i]`, moving past it; true for `-`.
fn take_sign(bytes: &[u8], i: &mut usize) -> bool {
    match bytes.get(*i) {
        Some(&sign @ (b'-' | b'+')) => {
            *i += 1;
            sign == b'-'
        }
        _ => false,
    }
}

/// `a / b` rounded to the nearest integer, a half up.
fn div_round(a: u128, b: u128) -> u128 {
    a / b + u128::from(a % b >= b - a % b)
}

/// `units` / 10^`decimals` as text: `15, 1` → `1.5`, `5, 2` → `0.05`.
///
/// Printed as `u64`s: the whole part is at most `u64::MAX` bytes in MiB and the fraction has
/// at most seven digits, so nothing is cut, and the first load carries no `u128` printing.
fn decimal_text(units: u128, decimals: u32) -> String {
    let scale = 10u128.pow(decimals);
    let whole = u64::try_from(units / scale).unwrap_or(u64::MAX);
    if decimals == 0 {
        return whole.to_string();
    }
    let fraction = u64::try_from(units % scale).unwrap_or(u64::MAX);
    let width = decimals as usize;
    format!("{whole}.{fraction:0width$}")
}
