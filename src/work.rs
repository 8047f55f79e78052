//! Counters of the engine's inner work — similarity comparisons, characters keyed, candidates examined —
//! so tests can check that work grows as the README's cost table says when an adversarial input doubles
//! (counting, not timing: the machines that run the tests are shared and noisy). The counters exist only
//! with the `work-counters` feature; without it `count` compiles to nothing.

/// What is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Bytes of loose keys compared by Jaro-Winkler (suggestions): both keys of every comparison.
    Similarity,
    /// Characters run through a name key.
    KeyChars,
    /// Candidate records examined by the address cascade.
    Cascade,
    /// Accounting tax rates examined to resolve a line.
    TaxRates,
}

#[cfg(feature = "work-counters")]
mod counters {
    use std::sync::atomic::{AtomicU64, Ordering};

    pub static COUNTS: [AtomicU64; 4] = [AtomicU64::new(0), AtomicU64::new(0), AtomicU64::new(0), AtomicU64::new(0)];

    pub fn add(index: usize, n: u64) {
        if let Some(c) = COUNTS.get(index) {
            c.fetch_add(n, Ordering::Relaxed);
        }
    }

    pub fn get(index: usize) -> u64 {
        COUNTS.get(index).map_or(0, |c| c.load(Ordering::Relaxed))
    }

    pub fn reset() {
        for c in &COUNTS {
            c.store(0, Ordering::Relaxed);
        }
    }
}

/// Adds `n` to the counter of `kind` (nothing without the `work-counters` feature).
#[inline(always)]
pub fn count(kind: Kind, n: usize) {
    #[cfg(feature = "work-counters")]
    counters::add(kind as usize, n as u64);
    #[cfg(not(feature = "work-counters"))]
    let _ = (kind, n);
}

/// The counter of `kind` since the last [`reset`] (always 0 without the feature).
pub fn read(kind: Kind) -> u64 {
    #[cfg(feature = "work-counters")]
    return counters::get(kind as usize);
    #[cfg(not(feature = "work-counters"))]
    {
        let _ = kind;
        0
    }
}

/// Sets every counter to 0.
pub fn reset() {
    #[cfg(feature = "work-counters")]
    counters::reset();
}
