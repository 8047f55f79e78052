//! Table-driven tests of the name keys (SPEC §2) against the published vectors in
//! `tests/vectors/name_keys.json`. Every failure is collected and reported at once.

use ledgerbridge::keys::{country_key, loose_key, name_key, strict_key, KeyKind};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Vectors {
    keys: Vec<KeyVector>,
    pairs: Vec<PairVector>,
    countries: Vec<CountryVector>,
}

#[derive(Debug, Deserialize)]
struct KeyVector {
    input: String,
    strict: String,
    loose: String,
    note: String,
}

#[derive(Debug, Deserialize)]
struct PairVector {
    a: String,
    b: String,
    kind: KeyKind,
    equal: bool,
    note: String,
}

#[derive(Debug, Deserialize)]
struct CountryVector {
    input: String,
    expected: String,
    note: String,
}

fn load() -> Result<Vectors, String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/name_keys.json");
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("cannot parse {path}: {e}"))
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

#[test]
fn name_key_vectors() -> Result<(), String> {
    let vectors = load()?;
    assert!(vectors.keys.len() >= 70, "expected at least 70 key vectors");
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

    assert!(failures.is_empty(), "{} name-key vector failure(s):\n  {}", failures.len(), failures.join("\n  "));
    Ok(())
}
