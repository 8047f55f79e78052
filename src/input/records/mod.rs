//! The records the engine reads, in the API's own JSON shapes (SPEC §8 `PlanInput`): what the gate
//! (`crate::input`) deserializes before it adapts and checks them. Only the fields the rules use are read;
//! the rest is ignored, so whole API responses can be passed as they are.

pub mod accounting;
pub mod forms;
pub mod monite;
pub mod origins;

use serde::Deserialize;

use crate::json::de::{object, object_or_default, objects};
use accounting::{AccountingInput, Direction};
use monite::{Connection, Counterpart, Payable, PaymentRecord, Product, Receivable, Settings, SyncedRecord};

/// Everything `planSync` takes, as read from JSON and before the gate's checks (it names the TypeScript
/// type `PlanInput`). Every collection is optional (absent = empty). The checked [`crate::PlanInput`] is
/// made from it by the gate alone.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub(crate) struct PlanInput {
    #[serde(default, deserialize_with = "object_or_default")]
    pub monite: MoniteInput,
    #[serde(default, deserialize_with = "object_or_default")]
    pub accounting: AccountingInput,
    #[serde(default, deserialize_with = "object_or_default")]
    pub policy: Policy,
}

/// The `monite` block: the platform's own records, in the API's shapes.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct MoniteInput {
    #[serde(default, deserialize_with = "objects")]
    pub counterparts: Vec<Counterpart>,
    #[serde(default, deserialize_with = "objects")]
    pub products: Vec<Product>,
    #[serde(default, deserialize_with = "objects")]
    pub payables: Vec<Payable>,
    #[serde(default, deserialize_with = "objects")]
    pub receivables: Vec<Receivable>,
    #[serde(default, deserialize_with = "objects")]
    pub payment_records: Vec<PaymentRecord>,
    #[serde(default, deserialize_with = "object_or_default")]
    pub settings: Settings,
    #[serde(default, deserialize_with = "object")]
    pub connection: Option<Connection>,
    /// What earlier syncs left (SPEC §3.0); absent or empty = a first sync.
    #[serde(default, deserialize_with = "objects")]
    pub synced_records: Vec<SyncedRecord>,
}

/// The caller's policy. Defaults follow the product guide.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Policy {
    /// Bill statuses that are pushed; default `["issued", "canceled"]` (the guide's set).
    #[serde(default)]
    pub pushable_bill_statuses: Option<Vec<String>>,
    /// Invoice statuses that count as issued; default `["issued", "partially_paid", "paid", "overdue"]`.
    #[serde(default)]
    pub pushable_invoice_statuses: Option<Vec<String>>,
    /// Decides between several tax rates with the same value (SPEC §3.3).
    #[serde(default)]
    pub direction: Option<Direction>,
}

/// The guide's pushable bill statuses.
pub const DEFAULT_PUSHABLE_BILL_STATUSES: &[&str] = &["issued", "canceled"];
/// Receivable statuses of an invoice that has been issued.
pub const DEFAULT_PUSHABLE_INVOICE_STATUSES: &[&str] = &["issued", "partially_paid", "paid", "overdue"];

impl Policy {
    /// True when a bill in `status` may be pushed (compared case-insensitively).
    pub fn bill_status_pushable(&self, status: &str) -> bool {
        status_in(status, self.pushable_bill_statuses.as_deref(), DEFAULT_PUSHABLE_BILL_STATUSES)
    }

    /// True when an invoice in `status` has been issued.
    pub fn invoice_status_pushable(&self, status: &str) -> bool {
        status_in(status, self.pushable_invoice_statuses.as_deref(), DEFAULT_PUSHABLE_INVOICE_STATUSES)
    }

    /// The statuses in force for bills, for messages.
    pub fn bill_statuses(&self) -> Vec<String> {
        match &self.pushable_bill_statuses {
            Some(list) => list.clone(),
            None => DEFAULT_PUSHABLE_BILL_STATUSES.iter().map(|s| (*s).to_owned()).collect(),
        }
    }
}

fn status_in(status: &str, custom: Option<&[String]>, default: &[&str]) -> bool {
    let status = status.trim();
    match custom {
        Some(list) => list.iter().any(|s| s.trim().eq_ignore_ascii_case(status)),
        None => default.iter().any(|s| s.eq_ignore_ascii_case(status)),
    }
}
