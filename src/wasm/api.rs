//! The exported functions. Each reads its arguments (naming the path of any bad field), calls the core,
//! and returns plain JS data. Types in the `.d.ts` come from the Rust types (tsify).

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::convert::{from_js, from_js_or_default, to_js};
use super::error::to_js_error;
use crate::adapters::{self, Snapshot};
use crate::keys::{name_key, KeyKind};
use crate::matching::products::LedgerDefaults;
use crate::model::accounting::{AccountingCounterpart, AccountingProduct, RawQuickBooks, RawXero};
use crate::model::monite::{Counterpart, Payable, Product, Receivable, Settings};
use crate::model::validate::{named_counterparts, unique};
use crate::model::PlanInput;
use crate::plan::output::Issue;
use crate::push::bills::validate_bill_checked;
use crate::push::context::BillContext;
use crate::push::receivables::{credit_note_warnings, shape_credit_note};

/// Plans the sync (SPEC §8): every pull result and push decision, with reasons, summary counts and errors.
/// Throws `InputError` (with `path`) on malformed input.
#[wasm_bindgen(js_name = planSync, unchecked_return_type = "SyncPlan")]
pub fn plan_sync(#[wasm_bindgen(unchecked_param_type = "PlanInput")] input: JsValue) -> Result<JsValue, JsValue> {
    let input =
        PlanInput::from_deserializer(serde_wasm_bindgen::Deserializer::from(input)).map_err(|e| to_js_error(&e))?;
    to_js(&crate::plan_sync(&input))
}

/// `planSync` for JSON text in and JSON text out: the faster route for large inputs (see README).
#[wasm_bindgen(js_name = planSyncJson)]
pub fn plan_sync_json(input: &str) -> Result<String, JsValue> {
    crate::plan_sync_json(input).map_err(|e| to_js_error(&e))
}

/// Validates one bill as a form does on every edit (SPEC §4). `context` holds the ledger accounts, tax
/// rates, settings, policy, connection, and optionally each counterpart's standing.
#[wasm_bindgen(js_name = validateBill, unchecked_return_type = "PushResult")]
pub fn validate_bill(
    #[wasm_bindgen(unchecked_param_type = "Payable")] bill: JsValue,
    #[wasm_bindgen(unchecked_param_type = "BillContext | undefined")] context: JsValue,
) -> Result<JsValue, JsValue> {
    let bill: Payable = from_js(bill, "bill")?;
    let context: BillContext = from_js_or_default(context, "context")?;
    to_js(&validate_bill_checked(&bill, &context).map_err(|e| to_js_error(&e))?)
}

/// `validateBill` over JSON text (bill and context); returns the result as JSON text.
#[wasm_bindgen(js_name = validateBillJson)]
pub fn validate_bill_json(bill: &str, context: &str) -> Result<String, JsValue> {
    let result = crate::push::bills::validate_bill_json(bill, context).map_err(|e| to_js_error(&e))?;
    serde_json::to_string(&result).map_err(|e| super::error::output_error("output", e))
}

/// A credit note's push payload and warnings.
#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct ShapedCreditNote {
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<string, unknown>"))]
    pub payload: serde_json::Value,
    pub warnings: Vec<Issue>,
}

/// Shapes a credit note for pushing: no document number, no link to its invoice (SPEC §4).
#[wasm_bindgen(js_name = shapeCreditNote, unchecked_return_type = "ShapedCreditNote")]
pub fn shape_credit_note_js(
    #[wasm_bindgen(unchecked_param_type = "Receivable")] credit_note: JsValue,
    #[wasm_bindgen(unchecked_param_type = "BillContext | undefined")] context: JsValue,
) -> Result<JsValue, JsValue> {
    let note: Receivable = from_js(credit_note, "credit_note")?;
    let context: BillContext = from_js_or_default(context, "context")?;
    let payload = shape_credit_note(&note, &context.push_context());
    to_js(&ShapedCreditNote { payload, warnings: credit_note_warnings(&note) })
}

/// Matches Monite counterparts against accounting customers and vendors (SPEC §3.1).
#[wasm_bindgen(js_name = matchCounterparts, unchecked_return_type = "CounterpartMatch[]")]
pub fn match_counterparts(
    #[wasm_bindgen(unchecked_param_type = "Counterpart[]")] monite: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AccountingCounterpart[]")] accounting: JsValue,
) -> Result<JsValue, JsValue> {
    let monite: Vec<Counterpart> = from_js(monite, "monite")?;
    let accounting: Vec<AccountingCounterpart> = from_js(accounting, "accounting")?;
    let checks = unique("monite", monite.iter().map(|c| c.id.as_str()))
        .and_then(|()| unique("accounting", accounting.iter().map(|c| c.id.as_str())))
        .and_then(|()| named_counterparts(&monite, "monite"));
    checks.map_err(|e| to_js_error(&e))?;
    to_js(&crate::match_counterparts(&monite, &accounting))
}

/// Matches products by name (SPEC §3.2); `settings` supplies the default products ledger account.
#[wasm_bindgen(js_name = matchProducts, unchecked_return_type = "ProductResult[]")]
pub fn match_products(
    #[wasm_bindgen(unchecked_param_type = "Product[]")] monite: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AccountingProduct[]")] accounting: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Settings | undefined")] settings: JsValue,
) -> Result<JsValue, JsValue> {
    let monite: Vec<Product> = from_js(monite, "monite")?;
    let accounting: Vec<AccountingProduct> = from_js(accounting, "accounting")?;
    let settings: Settings = from_js_or_default(settings, "settings")?;
    let checks = unique("monite", monite.iter().map(|p| p.id.as_str()))
        .and_then(|()| unique("accounting", accounting.iter().map(|p| p.id.as_str())));
    checks.map_err(|e| to_js_error(&e))?;
    let defaults = LedgerDefaults { default_products: settings.default_products_ledger() };
    to_js(&crate::match_products(&monite, &accounting, &defaults))
}

/// The strict (default) or loose key of a name (SPEC §2).
#[wasm_bindgen(js_name = nameKey)]
pub fn name_key_js(
    value: &str,
    #[wasm_bindgen(unchecked_param_type = "KeyKind | undefined")] kind: JsValue,
) -> Result<String, JsValue> {
    let kind: KeyKind = if kind.is_undefined() || kind.is_null() { KeyKind::Strict } else { from_js(kind, "kind")? };
    Ok(name_key(value, kind))
}

/// Adapts raw QuickBooks Online bodies (`customers`, `vendors`, `items`, `accounts`, `tax_rates`).
#[wasm_bindgen(js_name = fromQuickBooks, unchecked_return_type = "Snapshot")]
pub fn from_quickbooks(
    #[wasm_bindgen(unchecked_param_type = "RawQuickBooks")] raw: JsValue,
) -> Result<JsValue, JsValue> {
    let raw: RawQuickBooks = from_js(raw, "quickbooks_online")?;
    let snapshot: Snapshot =
        adapters::quickbooks::adapt(&raw).map_err(|e| to_js_error(&e.under("quickbooks_online")))?;
    to_js(&snapshot)
}

/// Adapts raw Xero bodies (`contacts`, `items`, `accounts`, `tax_rates`).
#[wasm_bindgen(js_name = fromXero, unchecked_return_type = "Snapshot")]
pub fn from_xero(#[wasm_bindgen(unchecked_param_type = "RawXero")] raw: JsValue) -> Result<JsValue, JsValue> {
    let raw: RawXero = from_js(raw, "xero")?;
    let snapshot: Snapshot = adapters::xero::adapt(&raw).map_err(|e| to_js_error(&e.under("xero")))?;
    to_js(&snapshot)
}

/// The package version and the name-key algorithm version, e.g. `0.1.0 (keys v1)`.
#[wasm_bindgen]
pub fn version() -> String {
    format!("{} (keys v{})", env!("CARGO_PKG_VERSION"), crate::keys::KEY_VERSION)
}
