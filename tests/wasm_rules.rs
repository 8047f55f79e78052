//! The rule tables of `tests/cases/*.json` (see `tests/rules.rs`), a sample of the name-key vectors and a
//! determinism check, run as WebAssembly: in Node by default, in headless Chromium with
//! `WASM_BINDGEN_USE_BROWSER=1` (and `CHROMEDRIVER=/usr/bin/chromedriver`). There is no
//! `wasm_bindgen_test_configure!(run_in_browser)` on purpose: it would pin the suite to the browser; without it
//! `wasm-bindgen-test-runner` picks Node, or the browser when that variable is set.
//!
//! There is no file system under wasm, so the case files are embedded; `tests/rules.rs` checks natively that
//! `CASE_FILES` lists every file of `tests/cases/`. The checks themselves are shared: `tests/support/cases.rs`.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::panic)] // a test fails by panicking; the no-panic rule is for the library

#[path = "support/name_vectors.rs"]
mod name_vectors;
#[path = "support/cases.rs"]
mod support;

use support::Case;
use wasm_bindgen_test::{console_log, wasm_bindgen_test};

/// Every file of `tests/cases/`, in file-name order (the order the native suite reads them in).
const CASE_FILES: &[(&str, &str)] = &[
    ("bills.json", include_str!("cases/bills.json")),
    ("counterparts.json", include_str!("cases/counterparts.json")),
    ("credit_notes.json", include_str!("cases/credit_notes.json")),
    ("document_counterparts.json", include_str!("cases/document_counterparts.json")),
    ("input_errors.json", include_str!("cases/input_errors.json")),
    ("invoices.json", include_str!("cases/invoices.json")),
    ("payment_records.json", include_str!("cases/payment_records.json")),
    ("predates_connection.json", include_str!("cases/predates_connection.json")),
    ("products.json", include_str!("cases/products.json")),
    ("push_counterparts.json", include_str!("cases/push_counterparts.json")),
    ("summary.json", include_str!("cases/summary.json")),
    ("synced_records.json", include_str!("cases/synced_records.json")),
    ("tax_rates.json", include_str!("cases/tax_rates.json")),
];

const NAME_KEY_VECTORS: &str = include_str!("vectors/name_keys.json");

/// Every embedded case; problems parsing them are failures.
fn load_cases(failures: &mut Vec<String>) -> Vec<Case> {
    let files = CASE_FILES.iter().map(|&(file, text)| (file, Ok(text)));
    support::parse_cases(files, "the embedded case files (CASE_FILES)", failures)
}

#[wasm_bindgen_test]
fn every_rule_case_holds() {
    let mut failures = Vec::new();
    let cases = load_cases(&mut failures);
    let run = support::run_rule_cases(&cases, failures);
    if let Some(known) = &run.known {
        console_log!("{known}");
    }
    console_log!("{} rule cases checked", run.checked);
    assert!(run.failures.is_empty(), "{}", support::report("rule cases failed", &run.failures));
}

#[wasm_bindgen_test]
fn every_contract_error_code_is_exercised() {
    let mut failures = Vec::new();
    let cases = load_cases(&mut failures);
    support::check_contract_codes(&cases, &mut failures);
    assert!(failures.is_empty(), "{}", support::report("SPEC §8 error codes not covered", &failures));
}

/// Planning twice gives the same text and record order does not matter (as natively), and the digest of every
/// output is printed for comparison with the native run's (`cargo test --test rules -- --nocapture`): equal
/// digests mean wasm32 plans every case byte for byte as the host does.
#[wasm_bindgen_test]
fn plans_are_deterministic() {
    let mut failures = Vec::new();
    let cases = load_cases(&mut failures);
    support::check_record_order(&cases, &mut failures);
    let first = support::plans_digest(&cases);
    let second = support::plans_digest(&cases);
    if first != second {
        failures.push(format!("two runs over every case give different digests: {first:016x}, {second:016x}"));
    }
    console_log!("plans digest {first:016x} over {} cases", cases.len());
    assert!(failures.is_empty(), "{}", support::report("plans are not deterministic", &failures));
}

/// The name-key vectors, checked exactly as natively: Unicode tables and case folding are where wasm could
/// differ.
#[wasm_bindgen_test]
fn name_key_vectors() {
    let (keys, failures) = match name_vectors::check(NAME_KEY_VECTORS) {
        Ok(outcome) => outcome,
        Err(e) => panic!("{e}"),
    };
    console_log!("{keys} name-key vectors checked");
    assert!(keys > 0, "no key vectors");
    assert!(failures.is_empty(), "{}", support::report("name-key vectors failed", &failures));
}
