//! ISO 4217 minor-unit exponents: most currencies have 2 decimals, these have 0 or 3.

const ZERO_DECIMALS: &[&str] = &[
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF",
    "XPF",
];
const THREE_DECIMALS: &[&str] = &["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

/// Number of decimals of the currency's minor unit (2 when unknown).
pub fn exponent(currency: &str) -> i32 {
    let code = currency.trim();
    let is = |list: &[&str]| list.iter().any(|c| c.eq_ignore_ascii_case(code));
    if is(ZERO_DECIMALS) {
        0
    } else if is(THREE_DECIMALS) {
        3
    } else {
        2
    }
}

/// Major units (`19.95`) to minor units (`1995`), rounded half away from zero.
pub fn to_minor(major: f64, currency: &str) -> i64 {
    (major * 10f64.powi(exponent(currency))).round() as i64
}

/// Minor units (`1995`) to major units (`19.95`).
pub fn to_major(minor: i64, currency: Option<&str>) -> f64 {
    minor as f64 / 10f64.powi(currency.map_or(2, exponent))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_with_the_currency_exponent() {
        assert_eq!(to_minor(19.95, "EUR"), 1995);
        assert_eq!(to_minor(500.0, "JPY"), 500);
        assert_eq!(to_minor(1.2345, "KWD"), 1235);
        assert_eq!(to_major(1995, Some("usd")), 19.95);
    }
}
