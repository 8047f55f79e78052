//! Name keys (SPEC §2): the `strict` key used for automatic matching and the `loose` key used only for
//! suggestions. Every comparison of names, cities and address lines goes through one of these.

mod legal_forms;
mod text;

pub use legal_forms::{LEGAL_FORMS, LEGAL_FORM_TOKENS};
pub use text::is_format;

use unicode_normalization::UnicodeNormalization;

/// Version of the key algorithm. Bumped whenever a key of some input could change, so callers that
/// store keys know to recompute them.
pub const KEY_VERSION: u32 = 1;

/// Which of the two keys to compute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum KeyKind {
    /// Used for automatic matching.
    Strict,
    /// Used for suggestions only.
    Loose,
}

/// Computes the key of the given kind.
pub fn name_key(raw: &str, kind: KeyKind) -> String {
    match kind {
        KeyKind::Strict => strict_key(raw),
        KeyKind::Loose => loose_key(raw),
    }
}

/// The strict key: NFKC, full case folding, typographic punctuation to ASCII, control and format
/// characters removed, white space collapsed and trimmed, and the final legal form canonicalized.
///
/// ```
/// use ledgerbridge::keys::strict_key;
/// assert_eq!(strict_key("  ACME\u{00A0}Limited "), strict_key("Acme Ltd."));
/// assert_ne!(strict_key("Acme"), strict_key("Acme Ltd"));
/// assert_eq!(strict_key("Straße"), strict_key("STRASSE"));
/// ```
pub fn strict_key(raw: &str) -> String {
    fixed_point(raw, strict_pass)
}

/// Applies `pass` until its output stops changing, so that both keys are idempotent by construction.
///
/// Case folding can leave text that NFKC changes again (a folded Greek letter with two accents that NFKC
/// recomposes), and sorting the loose key's tokens can bring a multi-word legal form to the end, where the
/// strict step would canonicalize it. Every pass after the first only removes or rewrites what the
/// previous one exposed, so the loop ends in one or two extra passes in practice; it is bounded anyway.
fn fixed_point(raw: &str, pass: fn(&str) -> String) -> String {
    let mut current = pass(raw);
    for _ in 0..8 {
        let next = pass(&current);
        if next == current {
            break;
        }
        current = next;
    }
    current
}

/// One pass of steps 1–6 of SPEC §2.
fn strict_pass(raw: &str) -> String {
    crate::work::count(crate::work::Kind::KeyChars, raw.len());
    let folded = if raw.is_ascii() {
        // ASCII is NFKC-stable and folds to its lower case: skip the Unicode tables (hot path).
        raw.to_ascii_lowercase()
    } else {
        let nfkc: String = raw.nfkc().collect();
        caseless::default_case_fold_str(&nfkc)
    };
    let cleaned = text::clean(&folded);
    legal_forms::canonicalize(&cleaned)
}

/// The loose key: the strict key, then diacritics removed (NFD, combining marks dropped), everything
/// that is not a letter, digit or white space removed, legal-form tokens removed, tokens sorted.
///
/// ```
/// use ledgerbridge::keys::loose_key;
/// assert_eq!(loose_key("Café Müller GmbH"), loose_key("mueller cafe").replace("mueller", "muller"));
/// assert_eq!(loose_key("Widgets, Acme Inc."), loose_key("Acme Widgets"));
/// ```
pub fn loose_key(raw: &str) -> String {
    fixed_point(raw, loose_pass)
}

/// One pass of the loose key's steps.
fn loose_pass(raw: &str) -> String {
    let strict = strict_key(raw);
    let stripped: String = if strict.is_ascii() {
        strict
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || c == ' ' { c } else { '\u{0}' })
            .filter(|c| *c != '\u{0}')
            .collect()
    } else {
        strict
            .nfd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .filter(|c| c.is_alphanumeric() || c.is_whitespace())
            .nfc()
            .collect()
    };
    let mut tokens: Vec<&str> = stripped.split_whitespace().filter(|t| !legal_forms::is_legal_form_token(t)).collect();
    tokens.sort_unstable();
    tokens.join(" ")
}

/// Country codes compare as ISO 3166-1 alpha-2, upper case: trimmed and upper-cased ASCII.
pub fn country_key(raw: &str) -> String {
    raw.trim().to_ascii_uppercase()
}
