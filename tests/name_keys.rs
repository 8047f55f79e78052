//! Table-driven tests of the name keys (SPEC §2) against the published vectors in
//! `tests/vectors/name_keys.json`. Every failure is collected and reported at once.

#[path = "support/name_vectors.rs"]
mod name_vectors;

#[test]
fn name_key_vectors() -> Result<(), String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/name_keys.json");
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let (keys, failures) = name_vectors::check(&text)?;
    assert!(keys >= 70, "expected at least 70 key vectors, found {keys}");
    assert!(failures.is_empty(), "{} name-key vector failure(s):\n  {}", failures.len(), failures.join("\n  "));
    Ok(())
}
