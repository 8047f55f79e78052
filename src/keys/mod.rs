//! Name keys (SPEC §2): the `strict` key used for automatic matching and the `loose` key used only for
//! suggestions. Every comparison of names, cities and address lines goes through one of these.

mod legal_forms;
mod text;

pub use legal_forms::{LEGAL_FORMS, LEGAL_FORM_TOKENS};
pub use text::is_format;

use std::borrow::Cow;

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
    if raw.is_ascii() {
        return strict_ascii(raw);
    }
    settle(strict_pass(raw), strict_pass, |t| Some(strict_ascii(t)))
}

/// The strict key of ASCII text in one pass and one allocation: NFKC is the identity on ASCII and case
/// folding is the lower-case map, so steps 1–5 are a byte loop, and step 6 rewrites the end in place.
///
/// One pass is already the fixed point: its output is lower-case, single-spaced, trimmed, without
/// controls, and ends in a canonical legal form or in none — and no variant of the table ends in a
/// canonical form, so a second pass changes nothing (`tests/key_properties.rs` checks this against the
/// general path).
fn strict_ascii(raw: &str) -> String {
    crate::work::count(crate::work::Kind::KeyChars, raw.len());
    let mut out = String::with_capacity(raw.len());
    let mut pending_space = false;
    for b in raw.bytes() {
        let c = b as char;
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else if !c.is_control() {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c.to_ascii_lowercase());
        }
    }
    legal_forms::canonicalize_in_place(&mut out);
    out
}

/// Runs `pass` from `first` (the output of a first pass) until its output stops changing, so that both
/// keys are idempotent by construction, handing over to `ascii` as soon as the text is ASCII (Latin names
/// usually are once their diacritics are gone): `ascii` is the key's ASCII path, which gives that fixed
/// point in one pass (the tests check it against the passes).
///
/// Case folding can leave text that NFKC changes again (a folded Greek letter with two accents that NFKC
/// recomposes), and sorting the loose key's tokens can bring a multi-word legal form to the end, where the
/// strict step would canonicalize it. Every pass after the first only removes or rewrites what the
/// previous one exposed, so the loop ends in one or two extra passes in practice; it is bounded anyway.
fn settle(first: String, pass: fn(&str) -> String, ascii: impl Fn(&str) -> Option<String>) -> String {
    let mut current = first;
    for _ in 0..8 {
        if current.is_ascii() {
            if let Some(done) = ascii(&current) {
                return done;
            }
        }
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
        // (The NFKC quick check would skip this for text already in NFKC — most names — and saved ~60 ms
        // of 3 s natively at 100k per side, for 4.4 KiB of tables: not taken, README "Size".)
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
    if raw.is_ascii() {
        return loose_key_from_strict(raw, &strict_ascii(raw));
    }
    loose_key_from_strict(raw, &strict_key(raw))
}

/// The loose key of `raw` when its strict key is already known (the gate computes every strict key once):
/// equal to `loose_key(raw)`, without keying the name a second time.
pub fn loose_key_from_strict(raw: &str, strict: &str) -> String {
    let first = if raw.is_ascii() {
        let once = loose_tokens(strict);
        if !legal_forms::ends_in_variant(&once) {
            return once;
        }
        once
    } else {
        loose_steps(strict)
    };
    settle(first, loose_pass, loose_ascii)
}

/// The loose key of ASCII text in one pass, unless its sorted tokens end in a legal form the strict step
/// would canonicalize (`besloten vennootschap`): then `None`, and the passes run out.
fn loose_ascii(raw: &str) -> Option<String> {
    let once = loose_tokens(&strict_ascii(raw));
    (!legal_forms::ends_in_variant(&once)).then_some(once)
}

/// The loose steps on an ASCII strict key: every character but letters, digits and spaces removed,
/// legal-form tokens dropped, tokens sorted. Tokens without punctuation are borrowed, not copied.
fn loose_tokens(strict: &str) -> String {
    let mut tokens: Vec<Cow<'_, str>> = strict
        .split(' ')
        .map(|t| {
            if t.bytes().all(|b| b.is_ascii_alphanumeric()) {
                Cow::Borrowed(t)
            } else {
                Cow::Owned(t.chars().filter(char::is_ascii_alphanumeric).collect())
            }
        })
        .filter(|t| !t.is_empty() && !legal_forms::is_legal_form_token(t))
        .collect();
    tokens.sort_unstable();
    tokens.join(" ")
}

/// One pass of the loose key's steps.
fn loose_pass(raw: &str) -> String {
    loose_steps(&strict_key(raw))
}

/// The loose key's steps on a strict key.
fn loose_steps(strict: &str) -> String {
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The general path the shortcuts must agree with: `pass` applied until its output stops changing.
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

    /// Words that exercise every step on ASCII: legal forms alone and in several words, punctuation,
    /// white space of every ASCII kind, controls.
    const WORDS: &[&str] = &[
        "Acme",
        "ACME",
        "o'Brien",
        "a.b",
        "-",
        "&",
        "Ltd",
        "ltd.",
        "Limited",
        "co.",
        "Company",
        "inc.",
        "Inc",
        "L.L.C.",
        "llc.",
        "pty.",
        "ltd",
        "besloten",
        "vennootschap",
        "public",
        "limited",
        "company",
        "s.a.",
        "S.A.R.L.",
        "b.v.",
        "naamloze",
        "GmbH",
        "g.m.b.h.",
        "e.V.",
        "x",
        "Z9",
        "  ",
        "\t",
        "\n",
        "\r",
        "\u{b}",
        "\u{c}",
        "\u{0}",
        "\u{7f}",
        "\u{1f}",
        ",",
        "(",
        ")",
        "'",
    ];

    fn phrase() -> impl Strategy<Value = String> {
        prop::collection::vec((0..WORDS.len(), prop::bool::ANY), 0..8).prop_map(|parts| {
            parts.iter().map(|(w, space)| format!("{}{}", WORDS[*w], if *space { " " } else { "" })).collect()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]
        /// The ASCII fast paths give exactly what the general path (every pass to the fixed point) gives.
        #[test]
        fn ascii_fast_paths_equal_the_general_path(name in phrase(), other in "[ -~\t\n\r]{0,24}") {
            for raw in [name.as_str(), other.as_str()] {
                prop_assert_eq!(strict_key(raw), fixed_point(raw, strict_pass), "strict {:?}", raw);
                prop_assert_eq!(loose_key(raw), fixed_point(raw, loose_pass), "loose {:?}", raw);
            }
        }

        /// So do the shortcuts for other text (one Unicode pass, then the ASCII path once the text is
        /// ASCII; the loose key from a known strict key).
        #[test]
        fn unicode_shortcuts_equal_the_general_path(
            raw in "[a-zA-Z0-9 .,'\\-äöüÄÖÜßéèçñÅΚκσςΣKﬁ\u{301}\u{308}\u{200b}\u{a0}ǅДд中]{0,24}",
        ) {
            prop_assert_eq!(strict_key(&raw), fixed_point(&raw, strict_pass), "strict {:?}", raw);
            prop_assert_eq!(loose_key(&raw), fixed_point(&raw, loose_pass), "loose {:?}", raw);
            prop_assert_eq!(loose_key_from_strict(&raw, &strict_key(&raw)), loose_key(&raw), "from strict {:?}", raw);
        }
    }
}
