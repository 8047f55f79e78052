//! The documented maxima of the entry points (README "Bounded cost"), checked before any work starts, so
//! that no input within them makes an allocation fail — which in WebAssembly aborts the module for every
//! caller — and every input past them gets a typed `too_large` error instead.
//!
//! The engine's memory is linear in its input, in two parts checked in turn:
//! 1. Before reading: the text, the records read from it and their name keys. Name keys are the one part
//!    that can outgrow the text: NFKC expands some characters many times (U+FDFA, 3 bytes, becomes 33
//!    bytes of Arabic). So [`estimate`] adds what the keys of every character could grow by (an upper bound:
//!    every string of the text is counted, names or not) to a per-byte allowance for the rest.
//! 2. Before planning: the plan. Every row of it is bounded (at most 100 ids per list, 10 per message), so
//!    [`estimate_plan`] bounds it by the number of records and the longest id.
//!
//! Both are compared with a budget below WebAssembly's 4 GiB; `tests/memory.rs` checks that the peak heap
//! of adversarial inputs stays below the estimates.

use crate::error::{InputError, InputErrorKind};

/// Lists of record ids in a result hold at most this many ids, the first in sort order (SPEC §3.1 "Bounded
/// results"); a sibling `*_total` says how many there are, so a plan grows linearly with its input even when
/// thousands of records share one name.
pub const MAX_IDS: usize = 100;

/// The largest JSON text an entry point takes (UTF-8 bytes).
pub const MAX_TEXT_BYTES: usize = 512 << 20;
/// The largest value `nameKey` takes (UTF-8 bytes): names are short; this leaves room for any real one.
pub const MAX_KEY_VALUE_BYTES: usize = 1 << 20;
/// Memory the engine may plan to use for one call (bytes).
pub const MEMORY_BUDGET: usize = 3 << 30;
/// Bytes of memory per byte of input text while it is read, for everything but the growth of name keys
/// and the records' own structures: the text itself and the strings copied out of it.
pub const BYTES_PER_TEXT_BYTE: usize = 3;
/// Bytes per JSON object of the text while it is read: a record's structure, whatever its size in text.
pub const BYTES_PER_OBJECT: usize = 512;
/// Bytes per byte of text kept while planning: the records, their keys and the plan's copies of strings.
pub const PLAN_BYTES_PER_TEXT_BYTE: usize = 4;
/// Bytes of plan per record, besides its id lists: its result, its issues and messages, and their JSON.
pub const BYTES_PER_RECORD: usize = 2_048;
/// Bytes per id of a bounded id list (a string and its JSON), besides the id's own length.
pub const BYTES_PER_LISTED_ID: usize = 96;
/// Copies a key's growth may be held in at once (strict and loose keys, and a pass's intermediate text).
pub const KEY_COPIES: usize = 4;

/// How many bytes the NFKC forms of the text's characters exceed the text by (0 for ASCII text).
pub fn key_growth(text: &str) -> usize {
    scan(text).1
}

/// What NFKC (and full case folding on its result) can add to one non-ASCII character.
fn char_growth(c: char) -> usize {
    let mut expanded = 0usize;
    unicode_normalization::char::decompose_compatible(c, |d| expanded += d.len_utf8());
    // Full case folding can triple a character (ΐ → ΐ); count it on the decomposed form.
    (expanded * 3).saturating_sub(c.len_utf8())
}

/// One pass over the text: how many `{` it holds (each may open a record) and [`key_growth`]. ASCII goes
/// eight bytes at a time (a word without a high bit; its braces counted with the zero-byte trick), other
/// text a character at a time.
fn scan(text: &str) -> (usize, usize) {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const BRACES: u64 = 0x7b7b_7b7b_7b7b_7b7b;
    let bytes = text.as_bytes();
    let (mut objects, mut growth, mut i) = (0usize, 0usize, 0usize);
    while i < bytes.len() {
        let word = bytes.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()).map(u64::from_le_bytes);
        if let Some(w) = word.filter(|w| w & HIGH == 0) {
            // Bytes of `x` are zero exactly where `w` has a `{`; `(x & LOW) + LOW` sets the high bit of every
            // non-zero byte without carrying into the next (all bytes are below 0x80).
            let x = w ^ BRACES;
            let nonzero = ((x & LOW) + LOW) | x;
            objects += (!nonzero & HIGH).count_ones() as usize;
            i += 8;
            continue;
        }
        // `i` is always on a character boundary: it moves by whole ASCII words and whole characters.
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else { break };
        if c == '{' {
            objects += 1;
        } else if !c.is_ascii() {
            growth += char_growth(c);
        }
        i += c.len_utf8();
    }
    (objects, growth)
}

/// The memory reading `text` may need, by the model above: every `{` may open a record.
pub fn estimate(text: &str) -> usize {
    let (objects, growth) = scan(text);
    text.len()
        .saturating_mul(BYTES_PER_TEXT_BYTE)
        .saturating_add(objects.saturating_mul(BYTES_PER_OBJECT))
        .saturating_add(growth.saturating_mul(KEY_COPIES))
}

/// The plan's memory for `records` records whose ids are at most `longest_id` bytes and `listed` ids in
/// the plan's id lists (see [`listed_ids`]): every row is bounded, so the plan is linear in both.
pub fn estimate_plan(text_len: usize, records: usize, listed: usize, longest_id: usize) -> usize {
    text_len
        .saturating_mul(PLAN_BYTES_PER_TEXT_BYTE)
        .saturating_add(records.saturating_mul(BYTES_PER_RECORD + longest_id))
        .saturating_add(listed.saturating_mul(BYTES_PER_LISTED_ID + longest_id))
}

/// How many ids the plan's lists will hold: per name group of m Monite and a accounting records, each
/// Monite counterpart lists at most min(a, 100) candidates and min(m − 1, 100) rivals, and each record of a
/// product group with `multiple_matches` at most min(m, 100) + min(a, 100) ids. Groups are formed by
/// strict key, as matching forms them (links only shrink them).
pub fn listed_ids(input: &crate::PlanInput) -> usize {
    use rustc_hash::FxHashMap;
    let cap = |n: usize| n.min(MAX_IDS);
    let names = &input.names;
    let mut total = 0usize;
    let mut groups: FxHashMap<&str, (usize, usize)> = FxHashMap::default();
    for key in &names.monite_counterpart_keys {
        groups.entry(key.as_str()).or_default().0 += 1;
    }
    for key in &names.accounting_counterpart_keys {
        if let Some(g) = groups.get_mut(key.as_str()) {
            g.1 += 1;
        }
    }
    for (m, a) in groups.values() {
        total = total.saturating_add(m.saturating_mul(cap(*a) + cap(m.saturating_sub(1)) + 3));
    }
    let mut products: FxHashMap<&str, (usize, usize)> = FxHashMap::default();
    for key in &names.monite_product_keys {
        products.entry(key.as_str()).or_default().0 += 1;
    }
    for key in &names.accounting_product_keys {
        products.entry(key.as_str()).or_default().1 += 1;
    }
    for (m, a) in products.values().filter(|(m, a)| *a > 0 && (*m > 1 || *a > 1)) {
        total = total.saturating_add((m + a).saturating_mul(cap(*m) + cap(*a)));
    }
    total
}

/// Checks the plan's estimate for a read input, before planning.
pub fn check_plan(text_len: usize, records: usize, listed: usize, longest_id: usize) -> Result<(), InputError> {
    let needed = estimate_plan(text_len, records, listed, longest_id);
    if needed > MEMORY_BUDGET {
        return Err(too_large(
            "",
            format!(
                "planning {records} records could need about {} MiB; the most is {} MiB",
                needed >> 20,
                MEMORY_BUDGET >> 20
            ),
        ));
    }
    Ok(())
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
                "the text is {} bytes; the most an entry point takes is {MAX_TEXT_BYTES} bytes (512 MiB)",
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn plain(t: &str) -> (usize, usize) {
        let objects = t.bytes().filter(|b| *b == b'{').count();
        let growth: usize = t.chars().filter(|c| !c.is_ascii()).map(char_growth).sum();
        (objects, growth)
    }

    proptest! {
        /// The word-at-a-time scan counts what a plain pass over bytes and characters counts.
        #[test]
        fn scan_equals_a_plain_pass(t in "[{a-z\"ä ﷺΐ}\\PC]{0,80}") {
            prop_assert_eq!(scan(&t), plain(&t));
        }
    }

    #[test]
    fn the_scan_counts_what_a_plain_pass_counts() {
        for t in [
            "",
            "{",
            "{{{{{{{{",
            "{{{{{{{{{",
            r#"{"a":{"b":[{},{}]},"c":"Müller {GmbH}","d":"ﷺ{"}"#,
            "abcdefg{ä{bcdefgh{ΐ}12345678{{",
            "ääääääää{{{{{{{{ßßßß",
        ] {
            assert_eq!(scan(t), plain(t), "{t:?}");
            let long = t.repeat(37);
            assert_eq!(scan(&long), plain(&long), "{t:?} × 37");
        }
    }

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
