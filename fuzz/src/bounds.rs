//! Linear bounds on what a call produces and holds: `bytes ≤ per_byte × input bytes + fixed`, with constants
//! measured on the seed corpora and the fuzzers' own corpora (README, "Bounds"). A bound that grows faster
//! than the input (a list of every pair, a copy per record) breaks such a line on a small input already.
//!
//! The ratios also steer the fuzzer: [`steer`] turns each new power-of-√2 step of a ratio into a new branch
//! taken, which libFuzzer counts as new coverage, so inputs that make more output per input byte are kept
//! and mutated further.

use std::hint::black_box;

/// A linear bound.
#[derive(Clone, Copy)]
pub struct Linear {
    pub per_byte: usize,
    pub fixed: usize,
}

impl Linear {
    pub fn limit(self, input: usize) -> usize {
        self.per_byte.saturating_mul(input).saturating_add(self.fixed)
    }
}

/// Asserts `measured ≤ bound(input)`; `what` names the measure in the failure.
pub fn check(target: &str, what: &str, bound: Linear, input: usize, measured: usize) {
    report(target, what, input, measured);
    let class = if what.starts_with("memory") { "memory" } else { "output-size" };
    if measured > bound.limit(input) {
        crate::defect_found(
            class,
            format!(
                "{target}: {what} of {measured} bytes for {input} bytes of input exceeds {} × input + {} \
                 (it grows faster than the input)",
                bound.per_byte, bound.fixed
            ),
        );
    }
    steer(what, measured.saturating_sub(bound.fixed) / input.max(1));
}

/// With `LEDGERBRIDGE_FUZZ_STATS` set, prints one line per measure (the README's measurement runs use it).
fn report(target: &str, what: &str, input: usize, measured: usize) {
    if std::env::var_os("LEDGERBRIDGE_FUZZ_STATS").is_some() {
        eprintln!("stats {target} {what} input={input} measured={measured}");
    }
}

macro_rules! steps {
    ($ratio:expr, $chain:literal; $($threshold:literal)*) => {
        $( if $ratio >= $threshold { black_box(($chain, $threshold)); } )*
    };
}

/// One branch per step of the ratio (see the module comment); a separate chain per measure.
fn steer(what: &str, ratio: usize) {
    if what.starts_with("output") {
        steps!(ratio, 0u8; 1 2 3 4 6 8 11 16 23 32 45 64 91 128 181 256 362 512 724 1024 1448 2048);
    } else {
        steps!(ratio, 1u8; 1 2 3 4 6 8 11 16 23 32 45 64 91 128 181 256 362 512 724 1024 1448 2048);
    }
}
