//! Push rules (SPEC §4): per record, `eligible` with the exact payload, or every reason it is not.

pub mod bills;
pub mod context;
pub mod counterparts;
pub mod lines;
pub mod payloads;
pub mod payment_records;
pub mod receivables;
pub mod synced;

pub use bills::validate_bill;
pub use context::PushContext;
pub use receivables::shape_credit_note;

/// Issue codes (SPEC §8).
pub mod codes {
    pub const TAX_RATE_NOT_FOUND: &str = "tax_rate_not_found";
    pub const TAX_RATE_AMBIGUOUS: &str = "tax_rate_ambiguous";
    pub const LEDGER_ACCOUNT_MISSING: &str = "ledger_account_missing";
    pub const LEDGER_ACCOUNT_UNKNOWN: &str = "ledger_account_unknown";
    pub const LINE_ITEMS_MISSING: &str = "line_items_missing";
    pub const STATUS_NOT_PUSHABLE: &str = "status_not_pushable";
    pub const PREDATES_CONNECTION: &str = "predates_connection";
    pub const COUNTERPART_NOT_MATCHED: &str = "counterpart_not_matched";
    pub const PAYMENTS_LEDGER_ACCOUNT_MISSING: &str = "payments_ledger_account_missing";
    pub const NOT_A_RECEIVABLE_PAYMENT: &str = "not_a_receivable_payment";
    pub const NAME_COLLISION: &str = "name_collision";
    pub const DEDUCTIONS_TAX_MISSING: &str = "deductions_tax_missing";
    /// Warning on every pushed credit note: its invoice is not cancelled in the accounting system.
    pub const INVOICE_NOT_CANCELLED: &str = "invoice_not_cancelled";
    /// §3.0: the document's counting synced record is `done` / `pending`.
    pub const ALREADY_PUSHED: &str = "already_pushed";
    pub const PUSH_IN_PROGRESS: &str = "push_in_progress";
    /// §3.0 warning: the last push failed (`error`).
    pub const LAST_PUSH_FAILED: &str = "last_push_failed";
}
