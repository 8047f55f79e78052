//! Property tests of the name keys (SPEC §2): idempotence, the shape of the strict key, sorted loose
//! tokens, and country codes, on arbitrary Unicode and on strings biased toward tricky characters.
#![cfg(not(target_arch = "wasm32"))] // proptest is a native-only dev-dependency

use ledgerbridge::keys::{country_key, is_format, loose_key, strict_key, LEGAL_FORMS};
use proptest::prelude::*;
use proptest::sample::select;

/// Characters that exercise every step of the key: combining marks, Greek with accents (U+0390 folds
/// to three code points that NFKC recomposes; U+0345 folds to iota), ß/ẞ, Turkish I, digraphs,
/// ligatures, fullwidth and super/subscript forms, typographic punctuation, every kind of space,
/// controls and format characters.
const TRICKY: &[char] = &[
    // combining marks
    '\u{0300}',
    '\u{0301}',
    '\u{0307}',
    '\u{0308}',
    '\u{030C}',
    '\u{0327}',
    '\u{0345}',
    '\u{0342}',
    '\u{0313}',
    '\u{0314}',
    '\u{20DD}',
    '\u{1AB0}',
    // Greek
    '\u{0390}',
    '\u{03B0}',
    '\u{1F80}',
    '\u{1FB3}',
    '\u{1FBC}',
    '\u{1FD3}',
    '\u{1FE3}',
    '\u{0386}',
    '\u{03A3}',
    '\u{03C2}',
    '\u{03B9}',
    '\u{03A5}',
    '\u{1F88}',
    '\u{0385}',
    '\u{1FEE}',
    '\u{00B5}',
    // Latin specials
    'ß',
    'ẞ',
    'İ',
    'ı',
    'I',
    'i',
    'ǅ',
    'ǆ',
    'Ǆ',
    'ǈ',
    'Ĳ',
    'ŉ',
    'ſ',
    'ǰ',
    'Å',
    'K',
    'é',
    'e',
    'ä',
    'Ø',
    'Ł',
    'Æ',
    // ligatures, fullwidth, super/subscripts, compatibility
    'ﬁ',
    'ﬀ',
    'ﬄ',
    'ﬆ',
    'Ａ',
    'ｚ',
    '．',
    '＇',
    '　',
    '²',
    '₂',
    'ª',
    '™',
    '½',
    'Ⅻ',
    '①',
    '㍱',
    'ｶ',
    'ﾞ',
    // Hangul
    '한',
    '\u{1100}',
    '\u{1161}',
    '\u{11A8}',
    // typographic punctuation
    '\u{2019}',
    '\u{2018}',
    '\u{201B}',
    '\u{2032}',
    '\u{2033}',
    '\u{2034}',
    '\u{201C}',
    '\u{201D}',
    '\u{201E}',
    '\u{2010}',
    '\u{2011}',
    '\u{2012}',
    '\u{2013}',
    '\u{2014}',
    '\u{2212}',
    '.',
    ',',
    '\'',
    '-',
    '&',
    // white space
    ' ',
    '\t',
    '\n',
    '\r',
    '\u{000B}',
    '\u{000C}',
    '\u{0085}',
    '\u{00A0}',
    '\u{1680}',
    '\u{2003}',
    '\u{2028}',
    '\u{2029}',
    '\u{202F}',
    '\u{205F}',
    '\u{3000}',
    // controls and format characters
    '\u{0000}',
    '\u{0007}',
    '\u{001F}',
    '\u{007F}',
    '\u{0080}',
    '\u{009F}',
    '\u{00AD}',
    '\u{180E}',
    '\u{200B}',
    '\u{200C}',
    '\u{200D}',
    '\u{200E}',
    '\u{2060}',
    '\u{2066}',
    '\u{FEFF}',
    '\u{E0041}',
];

const WORDS: &[&str] = &[
    "acme",
    "Widgets",
    "Limited",
    "Ltd",
    "Ltd.",
    "Inc.",
    "inc",
    "Incorporated",
    "Corp.",
    "Co.",
    "Company",
    "L.L.C.",
    "LLC",
    "PLC",
    "Pty",
    "Pty.",
    "GmbH",
    "G.m.b.H.",
    "Gesellschaft",
    "mit",
    "beschränkter",
    "Haftung",
    "AG",
    "Aktiengesellschaft",
    "KG",
    "S.A.R.L.",
    "SARL",
    "S.A.",
    "SAS",
    "B.V.",
    "N.V.",
    "Besloten",
    "Vennootschap",
    "Public",
    "Liability",
    "Société",
    "anonyme",
];

fn tricky_string() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => select(TRICKY).prop_map(String::from),
        2 => select(WORDS).prop_map(String::from),
        1 => "[a-zA-Z0-9 ]{1,3}",
        1 => any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..16).prop_map(|pieces| pieces.concat())
}

fn check_strict_shape(key: &str) -> Result<(), TestCaseError> {
    for c in key.chars() {
        prop_assert!(!c.is_control(), "control char {:?} in strict key {:?}", c, key);
        prop_assert!(!is_format(c), "format char {:?} in strict key {:?}", c, key);
        prop_assert!(c == ' ' || !c.is_whitespace(), "white space {:?} in strict key {:?}", c, key);
    }
    prop_assert!(!key.starts_with(' ') && !key.ends_with(' '), "untrimmed strict key {:?}", key);
    prop_assert!(!key.contains("  "), "double space in strict key {:?}", key);
    Ok(())
}

fn check_loose_shape(key: &str) -> Result<(), TestCaseError> {
    check_strict_shape(key)?;
    let tokens: Vec<&str> = key.split(' ').filter(|t| !t.is_empty()).collect();
    prop_assert!(tokens.windows(2).all(|w| w[0] <= w[1]), "loose tokens not sorted: {:?}", key);
    for c in key.chars() {
        prop_assert!(c == ' ' || c.is_alphanumeric(), "punctuation {:?} in loose key {:?}", c, key);
    }
    Ok(())
}

fn check_all(raw: &str) -> Result<(), TestCaseError> {
    let strict = strict_key(raw);
    prop_assert_eq!(strict_key(&strict), strict.clone(), "strict not idempotent on {:?}", raw);
    check_strict_shape(&strict)?;

    let loose = loose_key(raw);
    prop_assert_eq!(loose_key(&loose), loose.clone(), "loose not idempotent on {:?}", raw);
    check_loose_shape(&loose)?;
    // The loose key is computed from the strict key, so inputs with the same strict key share it.
    prop_assert_eq!(loose_key(&strict), loose, "loose(strict(x)) != loose(x) on {:?}", raw);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn keys_on_arbitrary_strings(raw in any::<String>()) {
        check_all(&raw)?;
    }

    #[test]
    fn keys_on_tricky_strings(raw in tricky_string()) {
        check_all(&raw)?;
    }

    #[test]
    fn legal_form_suffix_is_canonical(stem in "[a-z]{1,8}( [a-z]{1,8}){0,2}[0-9]", i in 0..LEGAL_FORMS.len()) {
        // A name ending in a table variant keys like the same name ending in its canonical form.
        if let Some(&(variant, canonical)) = LEGAL_FORMS.get(i) {
            prop_assert_eq!(
                strict_key(&format!("{stem} {variant}")),
                strict_key(&format!("{stem} {canonical}"))
            );
        }
    }

    #[test]
    fn country_key_is_idempotent(raw in any::<String>()) {
        let key = country_key(&raw);
        prop_assert_eq!(country_key(&key), key);
    }

    #[test]
    fn country_key_of_a_code_is_upper_case(code in "[a-zA-Z]{2}", pad in "[ \t\n]{0,2}") {
        prop_assert_eq!(country_key(&format!("{pad}{code}{pad}")), code.to_ascii_uppercase());
    }
}
