//! Floats as fixed-point text without the standard library's float formatter.
//!
//! `format!("{x:.1}")` links Rust's exact float printing (Grisu with a Dragon4 fallback and
//! its power-of-ten tables), about 20 KB of the compressed wasm for a handful of progress
//! numbers. An `f64` is `m · 2^e` with integer `m` and `e`, so with `x · 10^d` done in `u128`
//! integers the text is exact and equal to `format!("{x:.d$}")` by construction, ties
//! (`0.25` → `0.2`) included: both round the exact binary value half to even.

/// `x` with `decimals` digits after the point, the same text as `format!("{x:.decimals$}")`
/// for every finite `x` whose magnitude is below 2^64 (progress percents, sizes in
/// KiB…PiB), and for `NaN` and `±inf`. Beyond 2^64 the text saturates instead of being exact;
/// it never panics. `decimals` is capped at 9.
pub fn fixed(x: f64, decimals: u32) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x.is_infinite() {
        return format!("{sign}inf");
    }
    let scale = 10u64.pow(decimals.min(9));
    let units = round_scaled(x.abs(), scale);
    let (whole, frac) = (units / scale as u128, units % scale as u128);
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        let width = decimals.min(9) as usize;
        format!("{sign}{whole}.{frac:0width$}")
    }
}

/// `|x| · scale` rounded half to even, computed exactly from the bits of `x` (saturates at
/// `u128::MAX`, far beyond any value this app shows). `x` must be finite.
fn round_scaled(x: f64, scale: u64) -> u128 {
    let bits = x.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    // Subnormals have no implicit leading 1 and the exponent of the smallest normal.
    let (mantissa, exp) = if exp_bits == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), exp_bits - 1075)
    };
    // Below 2^53 · 2^34 < 2^87: fits.
    let scaled = u128::from(mantissa) * u128::from(scale);
    if exp >= 0 {
        return scaled
            .checked_shl(exp as u32)
            .filter(|v| v >> exp == scaled)
            .unwrap_or(u128::MAX);
    }
    let shift = exp.unsigned_abs();
    if shift >= 127 {
        // `scaled` < 2^87 is below half a unit: rounds to zero.
        return 0;
    }
    let quotient = scaled >> shift;
    let remainder = scaled & ((1u128 << shift) - 1);
    let half = 1u128 << (shift - 1);
    if remainder > half || (remainder == half && quotient & 1 == 1) {
        quotient + 1
    } else {
        quotient
    }
}
