//! Digests of the seeded samples' plans, so that a change that should not change plans provably does not.
//!
//! Two digests per sample (`seeded_sample_plans_are_unchanged`):
//! - first sync: the plans of a first sync (no synced records) are those the engine
//!   gave before re-sync previews (SPEC §3.0) existed, field for field, once the fields added since are left
//!   out (`warnings` on pull rows, `decided_by` on products, `synced` on push results, and the `*_total`
//!   counts of bounded id lists, SPEC §3.1, and the display names of both sides). The expected digests were
//!   taken from the plans of commit 18309cd.
//! - text: the plan text itself, byte for byte. Update these digests only in a commit that
//!   changes plans on purpose, and say why in its message.
//!
//! `LB_PLAN_DIGESTS=1 cargo test --test plan_digests -- --nocapture` prints the digests.
#![allow(clippy::panic)] // a test fails by panicking

use ledgerbridge_sample::{generate, SampleSpec};
use serde_json::Value;

/// Fields added to the plan after the first-sync baseline: `section[]` means every element of the list.
const ADDED: &[&[&str]] = &[
    &["pull", "counterparts", "[]", "warnings"],
    &["pull", "counterparts", "[]", "candidates_total"],
    &["pull", "counterparts", "[]", "rivals_total"],
    &["pull", "counterparts", "[]", "monite_name"],
    &["pull", "counterparts", "[]", "accounting_name"],
    &["pull", "products", "[]", "error", "monite_ids_total"],
    &["pull", "products", "[]", "error", "accounting_ids_total"],
    &["pull", "products", "[]", "decided_by"],
    &["pull", "products", "[]", "warnings"],
    &["push", "*", "[]", "synced"],
];

const SAMPLES: &[(&str, u64, usize)] = &[("demo", 0, 0), ("3k", 42, 3_000), ("20k", 42, 20_000)];

/// Canonical digests (sorted keys, `ADDED` removed) of the plans before SPEC §3.0.
const FIRST_SYNC: &[(&str, u64)] =
    &[("demo", 0x4eb7_1086_fd68_4f2d), ("3k", 0xecd6_0b25_f0a8_4a7c), ("20k", 0x3bd2_51b4_2ac4_4c94)];

/// FNV-1a digests of the plan text.
const PLAN_TEXT: &[(&str, u64)] =
    &[("demo", 0x4802_d9c1_cf11_7342), ("3k", 0x4c84_97f1_410d_de7e), ("20k", 0xbff0_6099_e8b3_db0a)];

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

fn strip(value: &mut Value, steps: &[&str]) {
    let Some((step, rest)) = steps.split_first() else { return };
    match (*step, value) {
        ("[]", Value::Array(items)) => items.iter_mut().for_each(|item| strip(item, rest)),
        ("*", Value::Object(map)) => map.values_mut().for_each(|v| strip(v, rest)),
        (key, Value::Object(map)) if rest.is_empty() => {
            map.remove(key);
        }
        (key, Value::Object(map)) => {
            if let Some(v) = map.get_mut(key) {
                strip(v, rest);
            }
        }
        _ => {}
    }
}

fn plan_text(seed: u64, counterparts: usize) -> String {
    let spec = if counterparts == 0 { SampleSpec::demo() } else { SampleSpec::scaled(seed, counterparts) };
    let input = generate(&spec).to_string();
    ledgerbridge::plan_sync_json(&input).unwrap_or_else(|e| panic!("the sample does not plan: {e}"))
}

/// Digest of the plan as `serde_json::Value` (keys sorted), with `ADDED` left out.
fn canonical_digest(text: &str) -> u64 {
    let mut value: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("the plan is not JSON: {e}"));
    for steps in ADDED {
        strip(&mut value, steps);
    }
    fnv(value.to_string().as_bytes())
}

fn expected(table: &[(&str, u64)], name: &str) -> u64 {
    table.iter().find(|(n, _)| *n == name).map_or(0, |(_, d)| *d)
}

fn show() -> bool {
    std::env::var_os("LB_PLAN_DIGESTS").is_some()
}

/// Prints the canonical digests of plan files given in `LB_PLAN_FILES` (name=path,…): how the
/// `FIRST_SYNC` table was made from the old engine's plans.
#[test]
fn digests_of_plan_files() {
    let Ok(files) = std::env::var("LB_PLAN_FILES") else { return };
    for entry in files.split(',') {
        let Some((name, path)) = entry.split_once('=') else { continue };
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        eprintln!("{name}: canonical {:#018x}", canonical_digest(text.trim_end()));
    }
}

/// Both digests of every sample, from one plan each (planning 20k records in a debug build takes seconds).
#[test]
fn seeded_sample_plans_are_unchanged() {
    let mut failures = Vec::new();
    for &(name, seed, n) in SAMPLES {
        let text = plan_text(seed, n);
        let (canonical, raw) = (canonical_digest(&text), fnv(text.as_bytes()));
        if show() {
            eprintln!("{name}: canonical {canonical:#018x} text {raw:#018x}");
        }
        if canonical != expected(FIRST_SYNC, name) {
            failures.push(format!(
                "{name}: first-sync canonical digest {canonical:#018x}, expected {:#018x} (the plan changed beyond the fields added since)",
                expected(FIRST_SYNC, name)
            ));
        }
        if raw != expected(PLAN_TEXT, name) {
            failures.push(format!("{name}: text digest {raw:#018x}, expected {:#018x}", expected(PLAN_TEXT, name)));
        }
    }
    assert!(failures.is_empty(), "plans changed:\n{}", failures.join("\n"));
}
