//! Push rules (SPEC §4): per record, `eligible` with the exact payload, or every reason it is not.

pub mod bills;
pub mod context;
pub mod counterparts;
pub mod lines;
pub mod payment_records;
pub mod receivables;
pub mod synced;

pub use bills::validate_bill;
pub use context::PushContext;
pub use receivables::shape_credit_note;
