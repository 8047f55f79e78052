//! The documented maxima of the entry points (README "Bounded cost"), checked before any work starts, so
//! that no input within them makes an allocation fail — which in WebAssembly aborts the module for every
//! caller — and every input past them gets a typed `too_large` error instead.
//!
//! The engine's memory is linear in its input: the parsed records, their name keys and the plan. Name keys
//! are the one part that can outgrow the text: NFKC expands some characters many times (U+FDFA, 3 bytes,
//! becomes 33 bytes of Arabic). So the check adds what the keys of every character could grow by (an upper
//! bound: every string of the text is counted, names or not) to a per-byte allowance for the rest, and
//! compares the sum with a budget below WebAssembly's 4 GiB.

use crate::error::{InputError, InputErrorKind};

/// The largest JSON text an entry point takes (UTF-8 bytes).
pub const MAX_TEXT_BYTES: usize = 256 << 20;
/// The largest value `nameKey` takes (UTF-8 bytes): names are short; this leaves room for any real one.
pub const MAX_KEY_VALUE_BYTES: usize = 1 << 20;
/// Memory the engine may plan to use for one call (bytes).
pub const MEMORY_BUDGET: usize = 3 << 30;
/// Bytes of memory per byte of input text, for everything but the growth of name keys: the text itself,
/// the records read from it, their keys at their own size, and the plan written.
pub const BYTES_PER_TEXT_BYTE: usize = 10;
/// Copies a key's growth may be held in at once (strict and loose keys, and a pass's intermediate text).
pub const KEY_COPIES: usize = 4;

/// How many bytes the NFKC forms of the text's characters exceed the text by (0 for ASCII text).
pub fn key_growth(text: &str) -> usize {
    if text.is_ascii() {
        return 0;
    }
    let mut growth = 0usize;
    for c in text.chars().filter(|c| !c.is_ascii()) {
        let mut expanded = 0usize;
        unicode_normalization::char::decompose_compatible(c, |d| expanded += d.len_utf8());
        // Full case folding can triple a character (ΐ → ΐ); count it on the decomposed form.
        growth += (expanded * 3).saturating_sub(c.len_utf8());
    }
    growth
}

/// The memory a call on `text` may need, by the model above.
pub fn estimate(text: &str) -> usize {
    text.len().saturating_mul(BYTES_PER_TEXT_BYTE).saturating_add(key_growth(text).saturating_mul(KEY_COPIES))
}

fn too_large(path: &str, message: String) -> InputError {
    InputError::new(InputErrorKind::TooLarge, path, message)
}

/// Checks a JSON entry point's text before it is read. `path` names the argument (`""` for the plan input).
pub fn check_text(text: &str, path: &str) -> Result<(), InputError> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(too_large(
            path,
            format!(
                "the text is {} bytes; the most an entry point takes is {MAX_TEXT_BYTES} bytes (256 MiB)",
                text.len()
            ),
        ));
    }
    let needed = estimate(text);
    if needed > MEMORY_BUDGET {
        return Err(too_large(
            path,
            format!(
                "planning this text could need about {} MiB (its names expand under Unicode normalization); the most is {} MiB",
                needed >> 20,
                MEMORY_BUDGET >> 20
            ),
        ));
    }
    Ok(())
}

/// Checks the value `nameKey` keys.
pub fn check_key_value(value: &str) -> Result<(), InputError> {
    if value.len() > MAX_KEY_VALUE_BYTES {
        return Err(too_large(
            "value",
            format!("the value is {} bytes; names are keyed up to {MAX_KEY_VALUE_BYTES} bytes (1 MiB)", value.len()),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growth_counts_what_normalization_can_add() {
        assert_eq!(key_growth("plain ascii"), 0);
        assert!(key_growth("\u{FDFA}") >= 33 * 3 - 3, "U+FDFA expands to 18 characters");
        assert!(check_text(&"\u{FDFA}".repeat(20_000_000), "").is_err());
        assert!(check_text(&"a".repeat(1000), "").is_ok());
        assert!(check_key_value(&"\u{FDFA}".repeat(400_000)).is_err());
        assert!(check_key_value(&"\u{FDFA}".repeat(300_000)).is_ok());
    }
}
