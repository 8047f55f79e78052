//! The `SyncPlan` output types (SPEC §8). Field names are part of the contract: snake_case, never renamed.

use crate::push::payloads::{CounterpartPayload, Payload, ProductPayload};
use serde::Serialize;

/// One problem with a record: a stable `code`, the `path` of the field inside the record, and a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Issue {
    pub code: &'static str,
    pub path: String,
    pub message: String,
}

impl Issue {
    /// An issue with the given code, path and message.
    pub fn new(code: &'static str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { code, path: path.into(), message: message.into() }
    }
}

/// Outcome of matching one Monite counterpart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum MatchStatus {
    Matched,
    Unmatched,
    Ambiguous,
}

/// The field that left exactly one candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum DecidedBy {
    /// A link kept by Monite from an earlier sync (SPEC §3.0): names are not compared.
    Link,
    Name,
    Country,
    City,
    Address,
}

/// A possible match offered for an unmatched counterpart; never applied automatically.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Suggestion {
    pub accounting_id: String,
    /// Jaro-Winkler similarity of the loose keys, 0.9–1.0, rounded to 4 decimals.
    pub score: f64,
}

/// `pull.counterparts[]`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct CounterpartMatch {
    pub monite_id: String,
    pub status: MatchStatus,
    pub accounting_id: Option<String>,
    pub decided_by: Option<DecidedBy>,
    pub reason: Option<&'static str>,
    pub candidates: Vec<String>,
    pub suggestions: Vec<Suggestion>,
    /// For `duplicate_match`: the other Monite counterparts whose match is the same accounting record; for
    /// `duplicate_link`: the other Monite counterparts linked to the same accounting record.
    pub rivals: Vec<String>,
    /// Notes that never change the match: `name_drift`, `country_drift` (SPEC §3.0). Always present.
    pub warnings: Vec<Issue>,
}

/// What happens to a product group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum ProductAction {
    Match,
    Create,
    None,
}

/// The `multiple_matches` error of a product name group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct ProductError {
    pub code: &'static str,
    pub monite_ids: Vec<String>,
    pub accounting_ids: Vec<String>,
}

/// `pull.products[]`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct ProductResult {
    pub action: ProductAction,
    pub monite_id: Option<String>,
    pub accounting_id: Option<String>,
    pub error: Option<ProductError>,
    /// `link` (an earlier sync's link), `name` (matched by name), `null` for every other row.
    pub decided_by: Option<ProductDecidedBy>,
    /// `name_drift`, `duplicate_link`, `linked_record_missing` (SPEC §3.0). Always present.
    pub warnings: Vec<Issue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payload: Option<ProductPayload>,
}

/// What decided a product match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum ProductDecidedBy {
    Link,
    Name,
}

/// `pull.tax_rates[]`: the accounting tax rates available for mapping.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct TaxRateRow {
    pub accounting_id: String,
    pub name: Option<String>,
    pub code: Option<String>,
    pub effective_tax_rate: Option<i64>,
    pub status: Option<String>,
    pub direction: Option<crate::model::accounting::Direction>,
    /// Bill, invoice and credit-note lines mapped to this rate.
    pub mapped_lines: usize,
}

/// `pull.ledger_accounts[]`: accounts pulled to be applied to products.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct LedgerAccountRow {
    pub accounting_id: String,
    pub name: Option<String>,
    pub r#type: Option<String>,
    pub status: Option<String>,
    pub nominal_code: Option<String>,
    pub active: bool,
    /// Products (matched or to be created) whose ledger account this is.
    pub products: usize,
}

/// `push.counterparts[]` action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum CounterpartAction {
    None,
    Create,
    Blocked,
}

/// `push.counterparts[]`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct CounterpartPush {
    pub monite_id: String,
    pub action: CounterpartAction,
    pub errors: Vec<Issue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payload: Option<CounterpartPayload>,
}

/// `push.bills[]`, `push.invoices[]`, `push.credit_notes[]`, `push.payment_records[]`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct PushResult {
    pub monite_id: String,
    pub eligible: bool,
    pub errors: Vec<Issue>,
    /// Notes that do not block the push (a credit note's invoice is not cancelled automatically); always
    /// present, often empty.
    pub warnings: Vec<Issue>,
    /// The document's counting synced record (SPEC §3.0), or `null` when it was never synced.
    pub synced: Option<SyncedRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payload: Option<Payload>,
}

/// `push.*[].synced`: what Monite recorded of the document's last sync.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct SyncedRef {
    /// The synced record's `id` (for `POST /accounting_synced_records/{id}/push`).
    pub record_id: Option<String>,
    pub sync_status: crate::model::monite::SyncStatus,
    pub platform_object_id: Option<String>,
    pub updated_at: Option<String>,
}

impl PushResult {
    /// Eligible exactly when there are no errors; the payload is kept only then.
    pub fn decide(monite_id: &str, errors: Vec<Issue>, payload: impl FnOnce() -> Payload) -> Self {
        let eligible = errors.is_empty();
        Self {
            monite_id: monite_id.to_owned(),
            eligible,
            payload: eligible.then(payload),
            errors,
            warnings: Vec::new(),
            synced: None,
        }
    }
}

/// `pull`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Pull {
    pub counterparts: Vec<CounterpartMatch>,
    pub products: Vec<ProductResult>,
    pub tax_rates: Vec<TaxRateRow>,
    pub ledger_accounts: Vec<LedgerAccountRow>,
}

/// `push`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Push {
    pub counterparts: Vec<CounterpartPush>,
    pub bills: Vec<PushResult>,
    pub invoices: Vec<PushResult>,
    pub credit_notes: Vec<PushResult>,
    pub payment_records: Vec<PushResult>,
}

/// `errors[]`: sync_object-style errors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct SyncError {
    pub object_type: &'static str,
    pub object_id: String,
    pub code: &'static str,
    pub message: String,
}

/// The whole plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct SyncPlan {
    pub pull: Pull,
    pub push: Push,
    pub summary: super::summary::Summary,
    pub errors: Vec<SyncError>,
}
