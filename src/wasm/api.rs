//! The exported functions: glue only. Each passes its JSON text to the input gate (`crate::input`), calls
//! the core with the checked values, and returns JSON text; the package's TypeScript layer does the
//! `JSON.stringify` / `JSON.parse` and gives them their types (generated from the Rust types by tsify).
//! Malformed input throws an `InputError` naming the JSON path.

use wasm_bindgen::prelude::*;

use super::convert::to_json;
use super::error::to_js_error;
use crate::input::forms::{self, Bill, Context, CounterpartsToMatch, CreditNote, ProductsToMatch};
use crate::input::limits;
use crate::push::context::BillRules;
use crate::InputError;

/// The one conversion of the gate's and the core's errors into the thrown JS error.
fn js<T>(result: Result<T, InputError>) -> Result<T, JsValue> {
    result.map_err(|e| to_js_error(&e))
}

/// Plans the sync from a `PlanInput` JSON document; returns the `SyncPlan` as JSON (SPEC §8).
#[wasm_bindgen(js_name = planSyncJson)]
pub fn plan_sync_json(input: &str) -> Result<String, JsValue> {
    js(crate::plan_sync_json(input))
}

/// Plans the sync from a `PlanInput` as UTF-8 JSON bytes; returns the `SyncPlan` as UTF-8 JSON bytes: no
/// UTF-16 string on either side of the boundary (a file read or a `fetch` body goes in as it is).
#[wasm_bindgen(js_name = planSyncBytes)]
pub fn plan_sync_bytes(input: &[u8]) -> Result<Vec<u8>, JsValue> {
    js(crate::plan_sync_bytes(input))
}

/// The size of the module's linear memory now, in bytes. WebAssembly memory only grows, so this is the
/// peak every call so far needed (what the benchmark reports as the plan's memory).
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65_536) as f64
}

/// Validates one bill (JSON) against a `BillContext` (JSON, or empty); returns the `PushResult` as JSON.
#[wasm_bindgen(js_name = validateBillJson)]
pub fn validate_bill_json(bill: &str, context: &str) -> Result<String, JsValue> {
    to_json(&js(crate::push::bills::validate_bill_json(bill, context))?)
}

/// A bill validator that keeps its context with its tables built (ledger accounts, tax rates, settings,
/// policy, connection, counterparts): a form that validates on every edit reads and indexes the context
/// once instead of on every call. Call `free()` when done with it.
#[wasm_bindgen]
pub struct BillValidator {
    rules: BillRules,
}

#[wasm_bindgen]
impl BillValidator {
    /// Reads the context (JSON `BillContext`, or empty text) and builds its tables.
    #[wasm_bindgen(constructor)]
    pub fn new(context: &str) -> Result<BillValidator, JsValue> {
        Ok(BillValidator { rules: BillRules::new(js(Context::from_json_str(context))?) })
    }

    /// Validates one bill (JSON); returns the `PushResult` as JSON.
    #[wasm_bindgen(js_name = validateJson)]
    pub fn validate_json(&self, bill: &str) -> Result<String, JsValue> {
        to_json(&self.rules.validate(&js(Bill::from_json_str(bill))?))
    }
}

/// Shapes a credit note (JSON) for pushing; returns a `ShapedCreditNote` as JSON.
#[wasm_bindgen(js_name = shapeCreditNoteJson)]
pub fn shape_credit_note_json(credit_note: &str, context: &str) -> Result<String, JsValue> {
    let note = js(CreditNote::from_json_str(credit_note))?;
    let rules = BillRules::new(js(Context::from_json_str(context))?);
    to_json(&crate::push::shape_credit_note(&note, &rules))
}

/// Matches Monite counterparts (JSON array) against accounting ones (JSON array); returns JSON.
#[wasm_bindgen(js_name = matchCounterpartsJson)]
pub fn match_counterparts_json(monite: &str, accounting: &str) -> Result<String, JsValue> {
    to_json(&crate::match_counterparts(&js(CounterpartsToMatch::from_json_str(monite, accounting))?))
}

/// Matches products (JSON arrays), with optional `Settings` JSON for the default ledger account.
#[wasm_bindgen(js_name = matchProductsJson)]
pub fn match_products_json(monite: &str, accounting: &str, settings: &str) -> Result<String, JsValue> {
    to_json(&crate::match_products(&js(ProductsToMatch::from_json_str(monite, accounting, settings))?))
}

/// The strict or loose key of a name (SPEC §2); `kind` is `"strict"` or `"loose"`.
#[wasm_bindgen(js_name = nameKey)]
pub fn name_key_js(value: &str, kind: &str) -> Result<String, JsValue> {
    Ok(crate::keys::name_key(value, js(forms::key_request(value, kind))?))
}

/// Adapts raw QuickBooks Online bodies (JSON `RawQuickBooks`) to a `Snapshot` (JSON).
#[wasm_bindgen(js_name = fromQuickBooksJson)]
pub fn from_quickbooks_json(raw: &str) -> Result<String, JsValue> {
    to_json(&js(forms::quickbooks_snapshot(raw))?)
}

/// Adapts raw Xero bodies (JSON `RawXero`) to a `Snapshot` (JSON).
#[wasm_bindgen(js_name = fromXeroJson)]
pub fn from_xero_json(raw: &str) -> Result<String, JsValue> {
    to_json(&js(forms::xero_snapshot(raw))?)
}

/// The documented maxima (README "Bounded cost"): `{ max_text_bytes, max_key_value_bytes }` as JSON. The
/// TypeScript layer checks string lengths against them before copying a string into the module.
#[wasm_bindgen]
pub fn limits() -> String {
    format!("{{\"max_text_bytes\":{},\"max_key_value_bytes\":{}}}", limits::MAX_TEXT_BYTES, limits::MAX_KEY_VALUE_BYTES)
}

/// The package version and the name-key algorithm version, e.g. `0.1.0 (keys v1)`.
#[wasm_bindgen]
pub fn version() -> String {
    format!("{} (keys v{})", env!("CARGO_PKG_VERSION"), crate::keys::KEY_VERSION)
}
