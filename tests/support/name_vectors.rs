//! The name-key vectors (`tests/vectors/name_keys.json`) checked the same way natively (`tests/name_keys.rs`)
//! and under WebAssembly (`tests/wasm_rules.rs`): each key, idempotence, the pairs and the country codes.
//! No file access here: callers pass the JSON text.

use ledgerbridge::keys::{country_key, loose_key, name_key, strict_key, KeyKind};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Vectors {
    pub keys: Vec<KeyVector>,
    pub pairs: Vec<PairVector>,
    pub countries: Vec<CountryVector>,
}

#[derive(Debug, Deserialize)]
pub struct KeyVector {
    pub input: String,
    pub strict: String,
    pub loose: String,
    pub note: String,
}

#[derive(Debug, Deserialize)]
pub struct PairVector {
    pub a: String,
    pub b: String,
    pub kind: KeyKind,
    pub equal: bool,
    pub note: String,
}

#[derive(Debug, Deserialize)]
pub struct CountryVector {
    pub input: String,
    pub expected: String,
    pub note: String,
}

/// Every failure of the vectors in `text`, and how many key vectors there were.
pub fn check(text: &str) -> Result<(usize, Vec<String>), String> {
    let vectors: Vectors = serde_json::from_str(text).map_err(|e| format!("cannot parse the name-key vectors: {e}"))?;
    let mut failures = Vec::new();

    for (i, v) in vectors.keys.iter().enumerate() {
        check_key(&mut failures, i, v, KeyKind::Strict, &v.strict);
        check_key(&mut failures, i, v, KeyKind::Loose, &v.loose);
        // The named functions and `name_key` must agree.
        if strict_key(&v.input) != name_key(&v.input, KeyKind::Strict)
            || loose_key(&v.input) != name_key(&v.input, KeyKind::Loose)
        {
            failures.push(format!("keys[{i}] name_key disagrees with strict_key/loose_key on {:?}", v.input));
        }
        // The expectations themselves must be fixed points (the table is internally consistent).
        for (kind, expected) in [(KeyKind::Strict, &v.strict), (KeyKind::Loose, &v.loose)] {
            let of_expected = name_key(expected, kind);
            if &of_expected != expected {
                failures.push(format!(
                    "keys[{i}] {kind:?} of the expected key {expected:?} is {of_expected:?}  ({})",
                    v.note
                ));
            }
        }
    }

    for (i, p) in vectors.pairs.iter().enumerate() {
        let (ka, kb) = (name_key(&p.a, p.kind), name_key(&p.b, p.kind));
        if (ka == kb) != p.equal {
            let relation = if p.equal { "==" } else { "!=" };
            failures.push(format!(
                "pairs[{i}] expected {:?}({:?}) {relation} {:?}({:?}), keys are {ka:?} and {kb:?}  ({})",
                p.kind, p.a, p.kind, p.b, p.note
            ));
        }
    }

    for (i, c) in vectors.countries.iter().enumerate() {
        let got = country_key(&c.input);
        if got != c.expected {
            failures.push(format!(
                "countries[{i}] country_key({:?}): expected {:?}, got {got:?}  ({})",
                c.input, c.expected, c.note
            ));
        }
        if country_key(&got) != got {
            failures.push(format!("countries[{i}] country_key not idempotent on {:?}", c.input));
        }
    }

    Ok((vectors.keys.len(), failures))
}

/// `{:?}` of a string shows invisible characters as `\u{…}` escapes, which is what a reader needs here.
fn check_key(failures: &mut Vec<String>, index: usize, v: &KeyVector, kind: KeyKind, expected: &str) {
    let got = name_key(&v.input, kind);
    if got != expected {
        failures
            .push(format!("keys[{index}] {kind:?}({:?}): expected {expected:?}, got {got:?}  ({})", v.input, v.note));
    }
    let again = name_key(&got, kind);
    if again != got {
        failures.push(format!(
            "keys[{index}] {kind:?} not idempotent on {:?}: key = {got:?}, key(key) = {again:?}  ({})",
            v.input, v.note
        ));
    }
}
