//! Monite-side records, read in the API's own JSON shapes (only the fields the rules use; the rest is
//! ignored, so whole API responses can be passed as they are).

use serde::Deserialize;

use crate::json::de::{non_blank, object, objects, string_enum};

/// `CounterpartResponse` (organization or individual) plus its `addresses`.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Counterpart {
    pub id: String,
    #[serde(default)]
    pub r#type: Option<String>,
    #[serde(default, deserialize_with = "object")]
    pub organization: Option<Organization>,
    #[serde(default, deserialize_with = "object")]
    pub individual: Option<Individual>,
    #[serde(default)]
    pub default_billing_address_id: Option<String>,
    #[serde(default, deserialize_with = "objects")]
    pub addresses: Vec<Address>,
    #[serde(default)]
    pub tax_id: Option<String>,
}

/// `CounterpartOrganizationResponse`.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Organization {
    pub legal_name: String,
    #[serde(default)]
    pub is_customer: Option<bool>,
    #[serde(default)]
    pub is_vendor: Option<bool>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
}

/// `CounterpartIndividualResponse`.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Individual {
    pub first_name: String,
    pub last_name: String,
    #[serde(default)]
    pub is_customer: Option<bool>,
    #[serde(default)]
    pub is_vendor: Option<bool>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
}

/// `CounterpartAddressResponseWithCounterpartID`; every part optional (a missing part compares as "").
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Address {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub line1: Option<String>,
    #[serde(default)]
    pub line2: Option<String>,
    #[serde(default)]
    pub postal_code: Option<String>,
}

impl Counterpart {
    /// The name used for matching: `organization.legal_name`, or `individual.first_name + " " + last_name`.
    pub fn display_name(&self) -> String {
        match (&self.organization, &self.individual) {
            (Some(org), _) => org.legal_name.clone(),
            (None, Some(person)) => format!("{} {}", person.first_name, person.last_name),
            (None, None) => String::new(),
        }
    }

    /// The address used for matching: the one named by `default_billing_address_id`, else the first.
    pub fn matching_address(&self) -> Option<&Address> {
        let by_default = self
            .default_billing_address_id
            .as_deref()
            .and_then(|wanted| self.addresses.iter().find(|a| a.id.as_deref() == Some(wanted)));
        by_default.or_else(|| self.addresses.first())
    }

    /// `vendor` for a vendor-only counterpart, else `customer`: the kind it is created as, and the
    /// `object_type` of its sync errors.
    pub fn kind(&self) -> super::accounting::CounterpartKind {
        match self.roles() {
            (false, true) => super::accounting::CounterpartKind::Vendor,
            _ => super::accounting::CounterpartKind::Customer,
        }
    }

    /// `(is_customer, is_vendor)`, from whichever of organization/individual is present.
    pub fn roles(&self) -> (bool, bool) {
        match (&self.organization, &self.individual) {
            (Some(o), _) => (o.is_customer.unwrap_or(false), o.is_vendor.unwrap_or(false)),
            (None, Some(i)) => (i.is_customer.unwrap_or(false), i.is_vendor.unwrap_or(false)),
            (None, None) => (false, false),
        }
    }
}

/// `ProductServiceResponse`.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Product {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub ledger_account_id: Option<String>,
}

/// `{ "id": … }`, as in `tax_rate_ref`.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Ref {
    #[serde(default)]
    pub id: Option<String>,
}

/// `PayableResponseSchema` plus its `line_items`.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Payable {
    pub id: String,
    pub status: String,
    #[serde(default)]
    pub issued_at: Option<String>,
    #[serde(default)]
    pub counterpart_id: Option<String>,
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub document_id: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub due_date: Option<String>,
    #[serde(default)]
    pub subtotal: Option<i64>,
    #[serde(default)]
    pub tax_amount: Option<i64>,
    #[serde(default)]
    pub total_amount: Option<i64>,
    #[serde(default)]
    pub amount_due: Option<i64>,
    #[serde(default, deserialize_with = "objects")]
    pub line_items: Vec<PayableLine>,
}

/// `LineItemResponse` of a payable, with the tax-rate reference also accepted as `tax_rate_ref_id` or
/// `tax_rate_ref.id` (SPEC §3.3).
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct PayableLine {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub quantity: Option<f64>,
    #[serde(default)]
    pub unit_price: Option<i64>,
    #[serde(default)]
    pub subtotal: Option<i64>,
    #[serde(default)]
    pub total: Option<i64>,
    /// VAT rate in basis points (12.5 % = 1250).
    #[serde(default)]
    pub tax: Option<i64>,
    #[serde(default)]
    pub ledger_account_id: Option<String>,
    #[serde(default)]
    pub accounting_tax_rate_id: Option<String>,
    #[serde(default)]
    pub tax_rate_ref_id: Option<String>,
    #[serde(default, deserialize_with = "object")]
    pub tax_rate_ref: Option<Ref>,
}

/// `InvoiceResponsePayload` / `CreditNoteResponsePayload` (quotes are read and ignored).
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Receivable {
    pub id: String,
    pub r#type: ReceivableType,
    pub status: String,
    #[serde(default)]
    pub issue_date: Option<String>,
    #[serde(default)]
    pub counterpart_id: Option<String>,
    #[serde(default)]
    pub counterpart_name: Option<String>,
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub document_id: Option<String>,
    #[serde(default)]
    pub based_on: Option<String>,
    #[serde(default)]
    pub based_on_document_id: Option<String>,
    #[serde(default)]
    pub due_date: Option<String>,
    #[serde(default)]
    pub memo: Option<String>,
    #[serde(default)]
    pub deduction_amount: Option<i64>,
    #[serde(default)]
    pub subtotal: Option<i64>,
    #[serde(default)]
    pub total_vat_amount: Option<i64>,
    #[serde(default)]
    pub total_amount: Option<i64>,
    #[serde(default, deserialize_with = "objects")]
    pub line_items: Vec<ReceivableLine>,
}

/// The receivable's `type`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
// serde reads it through `string_enum!`; the attribute names the TypeScript union's members.
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "snake_case"))]
pub enum ReceivableType {
    #[default]
    Invoice,
    CreditNote,
    Quote,
}
string_enum!(ReceivableType { "invoice" => Invoice, "credit_note" => CreditNote, "quote" => Quote });

/// `ResponseItem`: a receivable's line.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct ReceivableLine {
    #[serde(default)]
    pub quantity: Option<f64>,
    #[serde(default)]
    pub total_before_vat: Option<i64>,
    #[serde(default)]
    pub total_after_vat: Option<i64>,
    #[serde(default, deserialize_with = "object")]
    pub product: Option<LineProduct>,
}

/// `LineItemProduct`.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct LineProduct {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub ledger_account_id: Option<String>,
    #[serde(default)]
    pub accounting_tax_rate_id: Option<String>,
    #[serde(default)]
    pub price: Option<Price>,
    #[serde(default, deserialize_with = "object")]
    pub vat_rate: Option<VatRate>,
}

/// `Price2`: minor units and a currency.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Price {
    pub currency: String,
    pub value: i64,
}

/// `LineItemProductVatRate2` (only the rate is read).
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct VatRate {
    #[serde(default)]
    pub value: Option<i64>,
}

/// `PaymentRecordResponse`.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct PaymentRecord {
    pub id: String,
    #[serde(default)]
    pub amount: Option<i64>,
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub paid_at: Option<String>,
    #[serde(default)]
    pub payment_method: Option<String>,
    #[serde(default, deserialize_with = "object")]
    pub object: Option<PaymentObject>,
}

/// `PaymentRecordObjectResponse`.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct PaymentObject {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub r#type: Option<String>,
}

/// `SettingsResponse`; only `accounting` is read.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Settings {
    #[serde(default, deserialize_with = "object")]
    pub accounting: Option<AccountingSettings>,
}

/// `AccountingSettings`.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct AccountingSettings {
    #[serde(default, deserialize_with = "object")]
    pub ledger_account_ids: Option<DefaultLedgerAccounts>,
    #[serde(default, deserialize_with = "object")]
    pub tax_ids: Option<DefaultTaxIds>,
}

/// `DefaultLedgerAccountIDs`.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct DefaultLedgerAccounts {
    #[serde(default)]
    pub payments: Option<String>,
    #[serde(default)]
    pub products: Option<String>,
}

/// `DefaultAccountingTaxIDs`.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct DefaultTaxIds {
    #[serde(default)]
    pub deductions: Option<String>,
}

/// `AccountingConnectionResponse`.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Connection {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub platform: Option<String>,
}

impl Settings {
    /// `settings.accounting.ledger_account_ids.products`, if set.
    pub fn default_products_ledger(&self) -> Option<&str> {
        let ids = self.accounting.as_ref()?.ledger_account_ids.as_ref()?;
        non_blank(ids.products.as_deref())
    }

    /// `settings.accounting.ledger_account_ids.payments`, if set.
    pub fn payments_ledger(&self) -> Option<&str> {
        let ids = self.accounting.as_ref()?.ledger_account_ids.as_ref()?;
        non_blank(ids.payments.as_deref())
    }

    /// `settings.accounting.tax_ids.deductions`, if set.
    pub fn deductions_tax(&self) -> Option<&str> {
        let ids = self.accounting.as_ref()?.tax_ids.as_ref()?;
        non_blank(ids.deductions.as_deref())
    }
}

/// `SyncRecordResource` (SPEC §3.0): what Monite keeps per synced object after a sync — the Monite record
/// (`object_id`), its record in the accounting system (`platform_object_id`) and how its last sync went.
/// `object_id`, `object_type` and `sync_status` are required (checked in `validate`); the rest may be absent.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct SyncedRecord {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub object_id: Option<String>,
    /// `ObjectMatchTypes`: `customer`, `vendor`, `product`, `bill`, `receivable`, `payment_record` (others
    /// are skipped and counted: the API may add types).
    #[serde(default)]
    pub object_type: Option<String>,
    #[serde(default)]
    pub sync_status: Option<SyncStatus>,
    #[serde(default)]
    pub platform_object_id: Option<String>,
    #[serde(default)]
    pub updated_at: Option<String>,
    /// The API's errors of the last push (an object), quoted in `last_push_failed`.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<string, unknown> | null"))]
    #[serde(default)]
    pub errors: Option<crate::json::flat::Flat>,
}

/// `SyncStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum SyncStatus {
    Pending,
    Error,
    Done,
}

string_enum!(SyncStatus { "pending" => Pending, "error" => Error, "done" => Done });
