//! Table-driven tests of the sync rules (SPEC §3, §4, §8), one JSON file per rule in `tests/cases/`.
//!
//! The case format, the checks and the failure report live in `tests/support/cases.rs`, shared with the
//! WebAssembly suite `tests/wasm_rules.rs` (Node and headless Chromium); this file reads the case files.
//! Every failure of every case is collected and reported at once.
#![allow(clippy::panic)] // a test fails by panicking; the no-panic rule is for the library

#[path = "support/cases.rs"]
mod support;

use std::path::{Path, PathBuf};

use support::Case;

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("cases")
}

/// The `.json` files of `tests/cases/`, sorted by name.
fn case_files() -> Result<Vec<PathBuf>, String> {
    let dir = cases_dir();
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    Ok(files)
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Every case of every file, in file-name order. Problems reading the files are failures, not panics.
fn load_cases(failures: &mut Vec<String>) -> Vec<Case> {
    let dir = cases_dir();
    let paths = match case_files() {
        Ok(paths) => paths,
        Err(e) => {
            failures.push(e);
            return Vec::new();
        }
    };
    let texts: Vec<(String, Result<String, String>)> =
        paths.iter().map(|path| (file_name(path), std::fs::read_to_string(path).map_err(|e| e.to_string()))).collect();
    let files = texts.iter().map(|(file, text)| (file.as_str(), text.as_deref().map_err(Clone::clone)));
    support::parse_cases(files, &dir.display().to_string(), failures)
}

#[test]
fn every_rule_case_holds() {
    let mut failures = Vec::new();
    let cases = load_cases(&mut failures);
    let run = support::run_rule_cases(&cases, failures);
    if let Some(known) = &run.known {
        eprintln!("{known}");
    }
    eprintln!("{} rule cases checked", run.checked);
    eprintln!("plans digest {:016x} (compare with tests/wasm_rules.rs)", support::plans_digest(&cases));
    assert!(run.failures.is_empty(), "{}", support::report("rule cases failed", &run.failures));
}

#[test]
fn every_contract_error_code_is_exercised() {
    let mut failures = Vec::new();
    let cases = load_cases(&mut failures);
    support::check_contract_codes(&cases, &mut failures);
    assert!(failures.is_empty(), "{}", support::report("SPEC §8 error codes not covered", &failures));
}

#[test]
fn plans_do_not_depend_on_record_order() {
    let mut failures = Vec::new();
    let cases = load_cases(&mut failures);
    support::check_record_order(&cases, &mut failures);
    assert!(failures.is_empty(), "{}", support::report("plans depend on record order", &failures));
}

/// The WebAssembly suite embeds the case files one by one (`include_str!`: no file system there); a case file
/// missing from its list would silently not run under wasm, so the native run checks the list.
#[test]
fn wasm_suite_embeds_every_case_file() {
    let mut failures = Vec::new();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("wasm_rules.rs");
    let source = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => panic!("cannot read {}: {e}", path.display()),
    };
    let files = case_files().unwrap_or_else(|e| panic!("{e}"));
    for file in files.iter().map(|p| file_name(p)) {
        if !source.contains(&format!("include_str!(\"cases/{file}\")")) {
            failures.push(format!("tests/cases/{file} is not embedded in tests/wasm_rules.rs (`CASE_FILES`)"));
        }
    }
    if files.is_empty() {
        failures.push("no case files found".to_owned());
    }
    assert!(failures.is_empty(), "{}", support::report("case files missing from the wasm suite", &failures));
}
