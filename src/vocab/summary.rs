//! Summary counts per section and status (SPEC §8 `summary`): the types. `plan::summary` fills them.

use serde::Serialize;

/// Counts of the pull side.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct PullSummary {
    pub counterparts: CounterpartCounts,
    pub products: ProductCounts,
    pub tax_rates: usize,
    pub ledger_accounts: usize,
}

/// `matched` / `unmatched` / `ambiguous`, and of the ambiguous ones, how many are duplicate matches.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct CounterpartCounts {
    pub total: usize,
    pub matched: usize,
    pub unmatched: usize,
    pub ambiguous: usize,
    pub duplicate_match: usize,
    pub with_suggestions: usize,
    /// §3.0: matched by an earlier sync's link, and the link outcomes and drift warnings; present only when
    /// synced records were given (a first sync's summary is unchanged).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linked: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_link: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linked_record_missing: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_drift: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country_drift: Option<usize>,
}

/// Product rows by action, and rows caught in a `multiple_matches` group.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct ProductCounts {
    pub total: usize,
    pub r#match: usize,
    pub create: usize,
    pub none: usize,
    pub multiple_matches: usize,
    /// §3.0: matched by link, and the link outcomes and drift warnings; present only when synced records
    /// were given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linked: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_link: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linked_record_missing: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_drift: Option<usize>,
}

/// Counterpart push actions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct CounterpartPushCounts {
    pub total: usize,
    pub none: usize,
    pub create: usize,
    pub blocked: usize,
}

/// Eligible / not eligible.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct EligibilityCounts {
    pub total: usize,
    pub eligible: usize,
    pub not_eligible: usize,
    /// §3.0: documents an earlier sync pushed, is pushing, or failed to push; present only when synced
    /// records were given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub already_pushed: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub push_in_progress: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_push_failed: Option<usize>,
}

/// Counts of the push side.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct PushSummary {
    pub counterparts: CounterpartPushCounts,
    pub bills: EligibilityCounts,
    pub invoices: EligibilityCounts,
    pub credit_notes: EligibilityCounts,
    pub payment_records: EligibilityCounts,
}

/// The synced records given (SPEC §3.0): how many, how many count (one per object), how many of those are
/// links, and how many were skipped for an `object_type` the engine does not know.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct SyncedRecordCounts {
    pub total: usize,
    pub counted: usize,
    pub links: usize,
    pub unknown_type: usize,
}

/// `summary`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Summary {
    pub pull: PullSummary,
    pub push: PushSummary,
    pub errors: usize,
    /// Present only when synced records were given (SPEC §3.0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub synced_records: Option<SyncedRecordCounts>,
}
