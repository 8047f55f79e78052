//! The `SyncPlan` output types (SPEC §8). Field names are part of the contract: snake_case, never renamed.

use super::codes::{Code, ObjectType};
use super::payloads::{CounterpartPayload, Payload, ProductPayload};
use serde::Serialize;

pub use crate::input::limits::MAX_IDS;

/// The first [`MAX_IDS`] of `ids` in sort order, and how many there are. Sorting only what is kept: a
/// partial selection, so a long list costs linear time.
pub fn first_ids<S: AsRef<str> + Ord>(mut ids: Vec<S>) -> (Vec<String>, usize) {
    let total = ids.len();
    if ids.len() > MAX_IDS {
        ids.select_nth_unstable(MAX_IDS - 1);
        ids.truncate(MAX_IDS);
    }
    ids.sort_unstable();
    (ids.iter().map(|s| s.as_ref().to_owned()).collect(), total)
}

/// A value as a JSON string, so messages quote names unambiguously and stay on one line.
pub fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| format!("\"{text}\""))
}

/// Ids for a message: at most ten, then how many more (messages stay short whatever the input).
pub fn ids_in_words<S: AsRef<str>>(ids: &[S], total: usize) -> String {
    let shown: Vec<&str> = ids.iter().take(10).map(AsRef::as_ref).collect();
    let more = total.saturating_sub(shown.len());
    if more == 0 {
        shown.join(", ")
    } else {
        format!("{} and {more} more", shown.join(", "))
    }
}

/// One problem with a record: a stable `code`, the `path` of the field inside the record, and a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Issue {
    pub code: Code,
    pub path: String,
    pub message: String,
}

impl Issue {
    /// An issue with the given code, path and message.
    pub fn new(code: Code, path: impl Into<String>, message: impl Into<String>) -> Self {
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
    /// The Monite counterpart's display name (`organization.legal_name`, or `individual.first_name + " " +
    /// last_name`): the name matching used, so callers show it instead of deriving it again.
    pub monite_name: String,
    /// The name of the accounting record it is matched to (by link or by name); `null` on every non-match.
    pub accounting_name: Option<String>,
    pub status: MatchStatus,
    pub accounting_id: Option<String>,
    pub decided_by: Option<DecidedBy>,
    pub reason: Option<Code>,
    /// At most [`MAX_IDS`], the first in sort order.
    pub candidates: Vec<String>,
    /// How many candidates there are.
    pub candidates_total: usize,
    pub suggestions: Vec<Suggestion>,
    /// For `duplicate_match`: the other Monite counterparts whose match is the same accounting record; for
    /// `duplicate_link`: the other Monite counterparts linked to the same accounting record. At most
    /// [`MAX_IDS`].
    pub rivals: Vec<String>,
    /// How many rivals there are.
    pub rivals_total: usize,
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
    pub code: Code,
    /// At most [`MAX_IDS`] each, the first in sort order; the totals say how many records the group has.
    pub monite_ids: Vec<String>,
    pub monite_ids_total: usize,
    pub accounting_ids: Vec<String>,
    pub accounting_ids_total: usize,
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
    pub direction: Option<crate::input::records::accounting::Direction>,
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
    pub sync_status: crate::input::records::monite::SyncStatus,
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
    pub object_type: ObjectType,
    pub object_id: String,
    pub code: Code,
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

/// A credit note's push payload and the preview's warnings (JS `shapeCreditNote`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct ShapedCreditNote {
    pub payload: super::payloads::ReceivablePayload,
    pub warnings: Vec<Issue>,
}
