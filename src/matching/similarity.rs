//! Jaro-Winkler similarity, bit-for-bit the same as `strsim::jaro_winkler` (same comparisons, same
//! floating-point operations in the same order), but over bytes with flags on the stack when both keys are
//! ASCII and short — the common case, and the inner loop of suggestions. Other keys go to strsim.

/// Longest key handled on the fast path; longer ones use strsim.
const MAX_FAST: usize = 128;

/// Jaro-Winkler similarity of two keys.
pub fn jaro_winkler(a: &str, b: &str) -> f64 {
    if a.is_ascii() && b.is_ascii() && a.len() <= MAX_FAST && b.len() <= MAX_FAST {
        ascii_jaro_winkler(a.as_bytes(), b.as_bytes())
    } else {
        strsim::jaro_winkler(a, b)
    }
}

fn ascii_jaro_winkler(a: &[u8], b: &[u8]) -> f64 {
    let sim = ascii_jaro(a, b);
    if sim > 0.7 {
        let prefix = a.iter().take(4).zip(b).take_while(|(x, y)| x == y).count();
        sim + 0.1 * prefix as f64 * (1.0 - sim)
    } else {
        sim
    }
}

fn ascii_jaro(a: &[u8], b: &[u8]) -> f64 {
    let (a_len, b_len) = (a.len(), b.len());
    if a_len == 0 && b_len == 0 {
        return 1.0;
    } else if a_len == 0 || b_len == 0 {
        return 0.0;
    }
    let range = (a_len.max(b_len) / 2).saturating_sub(1);
    let mut a_flags = [false; MAX_FAST];
    let mut b_flags = [false; MAX_FAST];
    let mut matches = 0usize;
    for (i, x) in a.iter().enumerate() {
        let lo = i.saturating_sub(range);
        let hi = b_len.min(i + range + 1);
        for j in lo..hi {
            if b.get(j) == Some(x) && !b_flags.get(j).copied().unwrap_or(true) {
                if let (Some(fa), Some(fb)) = (a_flags.get_mut(i), b_flags.get_mut(j)) {
                    *fa = true;
                    *fb = true;
                }
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let mut transpositions = 0usize;
    let mut b_matched = b.iter().zip(b_flags.iter()).filter(|(_, f)| **f).map(|(c, _)| c);
    for (x, _) in a.iter().zip(a_flags.iter()).filter(|(_, f)| **f) {
        if b_matched.next() != Some(x) {
            transpositions += 1;
        }
    }
    transpositions /= 2;
    ((matches as f64 / a_len as f64)
        + (matches as f64 / b_len as f64)
        + ((matches - transpositions) as f64 / matches as f64))
        / 3.0
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::jaro_winkler;
    use proptest::prelude::*;

    #[test]
    fn known_values() {
        assert_eq!(jaro_winkler("martha", "marhta"), strsim::jaro_winkler("martha", "marhta"));
        assert_eq!(jaro_winkler("", ""), 1.0);
        assert_eq!(jaro_winkler("a", ""), 0.0);
        assert_eq!(jaro_winkler("kimberly", "kmiberly"), strsim::jaro_winkler("kimberly", "kmiberly"));
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]
        #[test]
        fn equals_strsim_exactly(a in "[a-e ]{0,20}", b in "[a-e ]{0,20}", c in ".{0,12}") {
            prop_assert_eq!(jaro_winkler(&a, &b).to_bits(), strsim::jaro_winkler(&a, &b).to_bits());
            prop_assert_eq!(jaro_winkler(&a, &c).to_bits(), strsim::jaro_winkler(&a, &c).to_bits());
        }
    }
}
