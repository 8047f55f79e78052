//! Payment records (SPEC §4): only those of receivables are pushed, and only once the entity has set
//! `settings.accounting.ledger_account_ids.payments`.

use super::context::PushContext;
use crate::mapping::currency::to_major;
use crate::model::monite::PaymentRecord;
use crate::vocab::Code;
use crate::vocab::{Issue, PushResult};
use crate::vocab::{Payload, PaymentPayload};

/// Path of the entity setting the rule reads.
pub const PAYMENTS_SETTING: &str = "settings.accounting.ledger_account_ids.payments";

/// Decides whether a payment record is pushed.
pub fn validate_payment_record(record: &PaymentRecord, ctx: &PushContext) -> PushResult {
    let mut issues = Vec::new();
    let object_type = record.object.as_ref().and_then(|o| o.r#type.as_deref()).unwrap_or_default();
    if !object_type.eq_ignore_ascii_case("receivable") {
        let shown = if object_type.is_empty() { "none".to_owned() } else { format!("\"{object_type}\"") };
        issues.push(Issue::new(
            Code::NotAReceivablePayment,
            "object.type",
            format!("only payments of receivables are pushed; this one's object type is {shown}"),
        ));
    }
    let ledger = ctx.settings.payments_ledger();
    if ledger.is_none() {
        issues.push(Issue::new(
            Code::PaymentsLedgerAccountMissing,
            PAYMENTS_SETTING,
            format!("set {PAYMENTS_SETTING} to the ledger account payments are attached to"),
        ));
    }
    PushResult::decide(&record.id, issues, || {
        Payload::Payment(PaymentPayload {
            invoice_id: record.object.as_ref().and_then(|o| o.id.clone()),
            amount: record.amount.map(|a| to_major(a, record.currency.as_deref())),
            currency: record.currency.clone(),
            paid_at: record.paid_at.clone(),
            payment_method: record.payment_method.clone(),
            ledger_account_id: ledger.map(str::to_owned),
        })
    })
}
