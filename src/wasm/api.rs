//! The exported functions. Each takes JSON text, calls the core, and returns JSON text; the package's
//! TypeScript layer does the `JSON.stringify` / `JSON.parse` and gives them their types (generated from
//! the Rust types by tsify). Malformed input throws an `InputError` naming the JSON path.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::convert::{from_json, from_json_or_default, object_from_json, to_json};
use super::error::to_js_error;
use crate::adapters;
use crate::keys::{name_key, KeyKind};
use crate::matching::products::LedgerDefaults;
use crate::model::accounting::{AccountingCounterpart, AccountingProduct, RawQuickBooks, RawXero};
use crate::model::monite::{Counterpart, Product, Receivable, Settings};
use crate::model::validate::{named_counterparts, unique};
use crate::push::context::BillContext;
use crate::push::receivables::{credit_note_warnings, shape_credit_note};
use crate::vocab::Issue;

/// Plans the sync from a `PlanInput` JSON document; returns the `SyncPlan` as JSON (SPEC §8).
#[wasm_bindgen(js_name = planSyncJson)]
pub fn plan_sync_json(input: &str) -> Result<String, JsValue> {
    crate::plan_sync_json(input).map_err(|e| to_js_error(&e))
}

/// Validates one bill (JSON) against a `BillContext` (JSON, or empty); returns the `PushResult` as JSON.
#[wasm_bindgen(js_name = validateBillJson)]
pub fn validate_bill_json(bill: &str, context: &str) -> Result<String, JsValue> {
    let result = crate::push::bills::validate_bill_json(bill, context).map_err(|e| to_js_error(&e))?;
    to_json(&result)
}

/// A bill validator that keeps its context (ledger accounts, tax rates, settings, policy, connection,
/// counterparts): a form that validates on every edit reads the context once instead of on every call.
/// Call `free()` when done with it.
#[wasm_bindgen]
pub struct BillValidator {
    context: BillContext,
}

#[wasm_bindgen]
impl BillValidator {
    /// Reads the context (JSON `BillContext`, or empty text).
    #[wasm_bindgen(constructor)]
    pub fn new(context: &str) -> Result<BillValidator, JsValue> {
        let context = crate::push::bills::read_bill_context(context).map_err(|e| to_js_error(&e))?;
        Ok(BillValidator { context })
    }

    /// Validates one bill (JSON); returns the `PushResult` as JSON.
    #[wasm_bindgen(js_name = validateJson)]
    pub fn validate_json(&self, bill: &str) -> Result<String, JsValue> {
        let result = crate::push::bills::validate_bill_json_with(bill, &self.context).map_err(|e| to_js_error(&e))?;
        to_json(&result)
    }
}

/// A credit note's push payload and warnings.
#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct ShapedCreditNote {
    pub payload: crate::vocab::ReceivablePayload,
    pub warnings: Vec<Issue>,
}

/// Shapes a credit note (JSON) for pushing; returns a `ShapedCreditNote` as JSON.
#[wasm_bindgen(js_name = shapeCreditNoteJson)]
pub fn shape_credit_note_json(credit_note: &str, context: &str) -> Result<String, JsValue> {
    let note: Receivable = object_from_json(credit_note, "credit_note")?;
    let context: BillContext = from_json_or_default(context, "context")?;
    let payload = shape_credit_note(&note, &context.push_context());
    to_json(&ShapedCreditNote { payload, warnings: credit_note_warnings(&note) })
}

/// Matches Monite counterparts (JSON array) against accounting ones (JSON array); returns JSON.
#[wasm_bindgen(js_name = matchCounterpartsJson)]
pub fn match_counterparts_json(monite: &str, accounting: &str) -> Result<String, JsValue> {
    let monite: Vec<Counterpart> = from_json(monite, "monite")?;
    let accounting: Vec<AccountingCounterpart> = from_json(accounting, "accounting")?;
    let checks = unique("monite", monite.iter().map(|c| c.id.as_str()))
        .and_then(|()| unique("accounting", accounting.iter().map(|c| c.id.as_str())))
        .and_then(|()| named_counterparts(&monite, "monite"));
    checks.map_err(|e| to_js_error(&e))?;
    to_json(&crate::match_counterparts(&monite, &accounting))
}

/// Matches products (JSON arrays), with optional `Settings` JSON for the default ledger account.
#[wasm_bindgen(js_name = matchProductsJson)]
pub fn match_products_json(monite: &str, accounting: &str, settings: &str) -> Result<String, JsValue> {
    let monite: Vec<Product> = from_json(monite, "monite")?;
    let accounting: Vec<AccountingProduct> = from_json(accounting, "accounting")?;
    let settings: Settings = from_json_or_default(settings, "settings")?;
    let checks = unique("monite", monite.iter().map(|p| p.id.as_str()))
        .and_then(|()| unique("accounting", accounting.iter().map(|p| p.id.as_str())));
    checks.map_err(|e| to_js_error(&e))?;
    let defaults = LedgerDefaults { default_products: settings.default_products_ledger() };
    to_json(&crate::match_products(&monite, &accounting, &defaults))
}

/// The strict or loose key of a name (SPEC §2); `kind` is `"strict"` or `"loose"`.
#[wasm_bindgen(js_name = nameKey)]
pub fn name_key_js(value: &str, kind: &str) -> Result<String, JsValue> {
    crate::limits::check_key_value(value).map_err(|e| to_js_error(&e))?;
    let kind = match kind {
        "" | "strict" => KeyKind::Strict,
        "loose" => KeyKind::Loose,
        other => {
            let err = crate::InputError::new(
                crate::InputErrorKind::InvalidValue,
                "kind",
                format!("expected \"strict\" or \"loose\", found \"{other}\""),
            );
            return Err(to_js_error(&err));
        }
    };
    Ok(name_key(value, kind))
}

/// Adapts raw QuickBooks Online bodies (JSON `RawQuickBooks`) to a `Snapshot` (JSON).
#[wasm_bindgen(js_name = fromQuickBooksJson)]
pub fn from_quickbooks_json(raw: &str) -> Result<String, JsValue> {
    let raw: RawQuickBooks = object_from_json(raw, "quickbooks_online")?;
    let adapted = adapters::quickbooks::adapt(&raw).map_err(|e| to_js_error(&e.under("quickbooks_online")))?;
    to_json(&adapted.snapshot)
}

/// Adapts raw Xero bodies (JSON `RawXero`) to a `Snapshot` (JSON).
#[wasm_bindgen(js_name = fromXeroJson)]
pub fn from_xero_json(raw: &str) -> Result<String, JsValue> {
    let raw: RawXero = object_from_json(raw, "xero")?;
    let adapted = adapters::xero::adapt(&raw).map_err(|e| to_js_error(&e.under("xero")))?;
    to_json(&adapted.snapshot)
}

/// The documented maxima (README "Bounded cost"): `{ max_text_bytes, max_key_value_bytes }` as JSON. The
/// TypeScript layer checks string lengths against them before copying a string into the module.
#[wasm_bindgen]
pub fn limits() -> String {
    format!(
        "{{\"max_text_bytes\":{},\"max_key_value_bytes\":{}}}",
        crate::limits::MAX_TEXT_BYTES,
        crate::limits::MAX_KEY_VALUE_BYTES
    )
}

/// The package version and the name-key algorithm version, e.g. `0.1.0 (keys v1)`.
#[wasm_bindgen]
pub fn version() -> String {
    format!("{} (keys v{})", env!("CARGO_PKG_VERSION"), crate::keys::KEY_VERSION)
}
