//! The payloads a push (or a product creation) would send, as typed records: what the preview shows and
//! what a platform can post as it is. Bills are `AccountingPayable`-shaped, invoices and credit notes
//! `AccountingReceivable`-shaped (amounts in major units, as those schemas have them), products
//! `ProductServiceRequest`-shaped. No `id`: the receiving system assigns it.

use serde::Serialize;

use crate::model::accounting::ProductType;
use crate::model::monite::{Address, Price};

/// `AccountingRefObject`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct RefPayload {
    pub id: Option<String>,
}

/// `AccountingLineItem`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct LinePayload {
    pub description: Option<String>,
    pub quantity: Option<f64>,
    pub unit_amount: Option<f64>,
    pub ledger_account_id: Option<String>,
    pub tax_rate_ref: RefPayload,
}

/// `AccountingVendorRefObject`: `id` is null when the vendor is created in the same sync.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct VendorRef {
    pub id: Option<String>,
    pub name: Option<String>,
}

/// `AccountingCustomerRefObject`: `id` is null when the customer is created in the same sync.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct CustomerRef {
    pub id: Option<String>,
    pub company_name: Option<String>,
}

/// A bill as pushed (`AccountingPayable` without `id`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct BillPayload {
    pub invoice_number: Option<String>,
    pub currency: Option<String>,
    pub posted_date: Option<String>,
    pub due_date: Option<String>,
    pub memo: Option<String>,
    pub status: String,
    pub subtotal: Option<f64>,
    pub tax_amount: Option<f64>,
    pub total_amount: Option<f64>,
    pub amount_due: Option<f64>,
    pub vendor_ref: VendorRef,
    pub lines: Vec<LinePayload>,
}

/// An invoice or credit note as pushed (`AccountingReceivable` without `id`). A credit note has no
/// `invoice_number` key at all, and no receivable payload ever links to an invoice.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct ReceivablePayload {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invoice_number: Option<String>,
    pub currency: Option<String>,
    pub customer_ref: CustomerRef,
    pub posted_date: Option<String>,
    pub due_date: Option<String>,
    pub memo: Option<String>,
    pub lines: Vec<LinePayload>,
}

/// A payment record as pushed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct PaymentPayload {
    pub invoice_id: Option<String>,
    pub amount: Option<f64>,
    pub currency: Option<String>,
    pub paid_at: Option<String>,
    pub payment_method: Option<String>,
    pub ledger_account_id: Option<String>,
}

/// What a push result carries when eligible.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(untagged)]
pub enum Payload {
    Bill(BillPayload),
    Receivable(ReceivablePayload),
    Payment(PaymentPayload),
}

impl Payload {
    /// The lines of a bill or receivable payload.
    pub fn lines(&self) -> &[LinePayload] {
        match self {
            Self::Bill(b) => &b.lines,
            Self::Receivable(r) => &r.lines,
            Self::Payment(_) => &[],
        }
    }
}

/// A counterpart to be created in the accounting system.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct CounterpartPayload {
    pub name: String,
    /// `vendor` for a vendor-only counterpart, else `customer`.
    pub kind: &'static str,
    pub is_customer: bool,
    pub is_vendor: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tax_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
}

/// `ProductServiceRequest`: a product to be created in Monite.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct ProductPayload {
    /// At most 100 characters.
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price: Option<Price>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub r#type: Option<ProductType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ledger_account_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}
