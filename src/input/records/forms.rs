//! The records of the small entry points, as read from JSON: the context a form validates a bill against
//! (JS `validateBill(bill, context)`, `createBillValidator(context)`).

use rustc_hash::FxHashMap;
use serde::Deserialize;

use super::accounting::{LedgerAccount, TaxRate};
use super::monite::{Connection, Settings};
use super::Policy;
use crate::json::de::{object, object_or_default, objects, string_enum};

/// Where a Monite counterpart stands after matching (`none`/`matched`, `create`, `blocked`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
// serde reads it through `string_enum!`; the attribute names the TypeScript union's members.
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "snake_case"))]
pub enum CounterpartState {
    /// Matched to an accounting record (push action `none`).
    Matched,
    /// Will be created in the accounting system.
    Create,
    /// Ambiguous, unmatched with a collision, or otherwise not pushable.
    Blocked,
}
string_enum!(CounterpartState { "matched" => Matched, "none" => Matched, "create" => Create, "blocked" => Blocked });

/// The context a form passes with a bill: every field optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct BillContext {
    #[serde(default, deserialize_with = "objects")]
    pub ledger_accounts: Vec<LedgerAccount>,
    #[serde(default, deserialize_with = "objects")]
    pub tax_rates: Vec<TaxRate>,
    #[serde(default, deserialize_with = "object_or_default")]
    pub settings: Settings,
    #[serde(default, deserialize_with = "object_or_default")]
    pub policy: Policy,
    #[serde(default, deserialize_with = "object")]
    pub connection: Option<Connection>,
    /// Monite counterpart id → `"matched"` (or `"none"`), `"create"` or `"blocked"`; when absent, the
    /// counterpart is not checked.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<string, CounterpartState> | null"))]
    #[serde(default)]
    pub counterparts: Option<FxHashMap<String, CounterpartState>>,
}
