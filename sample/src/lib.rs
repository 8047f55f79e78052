//! A deterministic, seeded generator of realistic `planSync` inputs (SPEC §8 `PlanInput`), in the
//! Monite API's own JSON shapes, for demos, benchmarks and tests.
//!
//! The same [`SampleSpec`] always gives byte-identical JSON: the only randomness is a small PRNG seeded
//! from [`SampleSpec::seed`] (no clock, no OS entropy). The records are built scenario by scenario so
//! that the engine meets every outcome of SPEC §3.1–§4 with a share that stays stable across seeds and
//! sizes; [`generate_with_manifest`] also returns what each record was built to exercise.
//!
//! ```
//! use ledgerbridge_sample::{generate, SampleSpec};
//! let input = generate(&SampleSpec::demo());
//! assert_eq!(input["monite"]["connection"]["status"], "connected");
//! assert_eq!(input, generate(&SampleSpec::demo()));
//! ```

mod chart;
mod counterparts;
mod dates;
mod geo;
mod json;
mod lines;
mod manifest;
mod names;
mod payables;
mod payments;
mod picks;
mod products;
mod receivables;
mod rng;
mod second_day;
mod validation;
mod words;

#[cfg(test)]
mod tests;

pub use manifest::{Expected, Manifest, Outcome};
pub use second_day::{second_day, with_a_record_per_object, Planted, SYNCED_AT};
pub use validation::validation_case;

use json::Obj;
use serde_json::Value;

/// How much to generate, and from which seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SampleSpec {
    pub seed: u64,
    /// Counterparts per side (Monite and accounting each get exactly this many).
    pub counterparts: usize,
    /// Products per side (Monite and accounting each get exactly this many).
    pub products: usize,
    pub bills: usize,
    pub invoices: usize,
    pub credit_notes: usize,
    pub payment_records: usize,
}

impl SampleSpec {
    /// A small sample that still holds every case at least once: 40 counterparts and 20 products per
    /// side, 14 bills, 6 invoices, 4 credit notes, 6 payment records.
    pub fn demo() -> Self {
        Self {
            seed: 20_240_608,
            counterparts: 40,
            products: 20,
            bills: 14,
            invoices: 6,
            credit_notes: 4,
            payment_records: 6,
        }
    }

    /// `counterparts` per side, and in proportion: products = counterparts / 2, bills = counterparts / 10,
    /// invoices = counterparts / 20, credit notes = counterparts / 40, payment records = counterparts / 20.
    pub fn scaled(seed: u64, counterparts: usize) -> Self {
        Self {
            seed,
            counterparts,
            products: counterparts / 2,
            bills: counterparts / 10,
            invoices: counterparts / 20,
            credit_notes: counterparts / 40,
            payment_records: counterparts / 20,
        }
    }
}

/// The `PlanInput` JSON for `spec`.
pub fn generate(spec: &SampleSpec) -> Value {
    generate_with_manifest(spec).0
}

/// The `PlanInput` JSON for `spec`, and for every record the case it was built for and the outcome the
/// SPEC prescribes for it.
///
/// Documents need counterparts: with `counterparts: 0`, no bills, invoices or credit notes are made.
pub fn generate_with_manifest(spec: &SampleSpec) -> (Value, Manifest) {
    let mut manifest = Manifest::default();
    let seed = spec.seed;
    let chart = chart::generate(seed);
    let counterparts = counterparts::generate(seed, spec.counterparts, &mut manifest);
    let products = products::generate(seed, spec.products, &chart, &mut manifest);
    let bills = if counterparts.refs.is_empty() {
        payables::Bills { values: Vec::new(), refs: Vec::new() }
    } else {
        payables::generate(seed, spec.bills, &chart, &counterparts.refs, &mut manifest)
    };
    let receivables = receivables::generate(
        seed,
        spec.invoices,
        spec.credit_notes,
        &chart,
        &counterparts.refs,
        &products.refs,
        &mut manifest,
    );
    let payment_records =
        payments::generate(seed, spec.payment_records, &receivables.invoices, &bills.refs, &mut manifest);

    let monite = Obj::new()
        .a("counterparts", counterparts.monite)
        .a("products", products.monite)
        .a("payables", bills.values)
        .a("receivables", receivables.values)
        .a("payment_records", payment_records)
        .v("settings", chart.settings)
        .v("connection", chart.connection)
        .build();
    let accounting = Obj::new()
        .a("counterparts", counterparts.accounting)
        .a("products", products.accounting)
        .a("tax_rates", chart.tax_rates)
        .a("ledger_accounts", chart.ledger_accounts)
        .build();
    let policy = Obj::new().a("pushable_bill_statuses", vec![Value::from("issued"), Value::from("canceled")]).build();
    let input = Obj::new().v("monite", monite).v("accounting", accounting).v("policy", policy).build();
    (input, manifest)
}
