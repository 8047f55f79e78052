//! The fuzz harness of ledgerbridge's JSON entry points (see `fuzz/README.md`).
//!
//! Each `fuzz_targets/*.rs` is a one-line libFuzzer entry that calls the function of the same name in
//! [`targets`]. A target does not only look for panics: it checks the entry point's contract on every input
//! (a result or a typed `InputError` whose path exists in the input; the same input gives the same bytes; output
//! and memory grow linearly with the input; the SPEC's invariants of the result) and panics — which libFuzzer
//! reports as a crash, with the input saved — when one does not hold.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a harness fails by panicking

pub mod alloc;
pub mod bounds;
pub mod entry;
pub mod errors;
pub mod invariants;
pub mod paths;
pub mod targets;

/// Splits a fuzz input into `n` text parts at its first `n - 1` NUL bytes (NUL cannot appear in JSON text
/// outside a string, where it is invalid anyway, so no input that means something is lost); missing parts are
/// empty. Bytes that are not UTF-8 are replaced, as a JS string passed to the module would be by its encoder.
pub fn split(data: &[u8], n: usize) -> Vec<String> {
    let mut parts: Vec<String> = data.splitn(n, |b| *b == 0).map(|p| String::from_utf8_lossy(p).into_owned()).collect();
    parts.resize(n, String::new());
    parts
}

/// Fails the run on a broken invariant of class `$class` (README, "Defect classes"): a panic whose message
/// starts with `defect[$class]:`, which libFuzzer reports as a crash and saves the input for.
#[macro_export]
macro_rules! defect {
    ($class:literal, $cond:expr, $($msg:tt)+) => {
        if !$cond {
            $crate::defect_found($class, format!($($msg)+));
        }
    };
}

/// Panics with the defect, unless its class is listed in `LEDGERBRIDGE_FUZZ_SKIP` (comma-separated): an
/// exploration run can step over a defect already known, to find the next. Skipped classes are printed once.
pub fn defect_found(class: &str, message: String) {
    use std::collections::BTreeSet;
    use std::sync::{Mutex, OnceLock};
    static SKIP: OnceLock<Vec<String>> = OnceLock::new();
    static SEEN: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());
    let skip = SKIP.get_or_init(|| {
        std::env::var("LEDGERBRIDGE_FUZZ_SKIP").unwrap_or_default().split(',').map(|s| s.trim().to_owned()).collect()
    });
    if !skip.iter().any(|s| s == class) {
        panic!("defect[{class}]: {message}");
    }
    if SEEN.lock().map(|mut seen| seen.insert(class.to_owned())).unwrap_or(false) {
        eprintln!("skipped defect[{class}]: {message}");
    }
}
