//! ledgerbridge: preview and validate an accounting sync (Monite ↔ QuickBooks Online / Xero) before it
//! happens. A pure, deterministic core; the WebAssembly glue lives in `src/wasm/` alone.
//!
//! Layers, each using only those below it (README "Layout"; `node scripts/module-graph.mjs` checks it):
//! `wasm` → `plan` → `push`, `matching`, `mapping`, `links` → `vocab` → `input` (the gate) → `json`, `keys`,
//! `error`, `work`.

pub mod error;
pub mod input;
pub mod keys;
pub mod vocab;
pub mod work;

mod json;
mod links;
mod mapping;
mod matching;
mod plan;
mod push;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use error::{InputError, InputErrorKind};
pub use input::PlanInput;
pub use keys::{loose_key, name_key, strict_key, KeyKind};
pub use matching::{match_counterparts, match_products};
pub use plan::{plan_sync, plan_sync_bytes, plan_sync_json};
pub use push::bills::validate_bill_json;
pub use push::context::BillRules;
pub use push::shape_credit_note;
pub use vocab::SyncPlan;

/// The README's Rust snippets run as doc tests, so they cannot drift from the code.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
