//! ledgerbridge: preview and validate an accounting sync (Monite ↔ QuickBooks Online / Xero) before it
//! happens. A pure, deterministic core; the WebAssembly glue lives in `src/wasm/` alone.

pub mod adapters;
pub mod error;
pub mod keys;
pub mod limits;
pub mod links;
pub mod mapping;
pub mod matching;
pub mod model;
pub mod plan;
pub mod push;
pub mod sample;
pub mod vocab;
#[cfg(target_arch = "wasm32")]
mod wasm;
pub mod work;

pub use error::{InputError, InputErrorKind};
pub use keys::{loose_key, name_key, strict_key, KeyKind};
pub use matching::{match_counterparts, match_products};
pub use model::PlanInput;
pub use plan::{plan_sync, plan_sync_json};
pub use push::{shape_credit_note, validate_bill};
pub use vocab::SyncPlan;

/// The README's Rust snippets run as doc tests, so they cannot drift from the code.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
