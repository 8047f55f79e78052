//! The JSON entry points as the WebAssembly module exports them (`src/wasm/api.rs`), natively.
//!
//! `src/wasm/` compiles for wasm32 only, so its bodies are repeated here, call for call, over the same public
//! functions of the core; keep the two in step (`plan_sync_json` and the bill functions are the core's own).
//! An `Err` is what the module throws as an `InputError`; an `Ok` holds the typed result (for the invariants)
//! with the JSON text the module returns. Output that cannot be written (the module's `LedgerbridgeError`, a JS
//! `EngineError`) is a defect, so it panics here.

use ledgerbridge::adapters::{self, Snapshot};
use ledgerbridge::matching::products::LedgerDefaults;
use ledgerbridge::model::accounting::{AccountingCounterpart, AccountingProduct, RawQuickBooks, RawXero};
use ledgerbridge::model::monite::{Counterpart, Product, Receivable, Settings};
use ledgerbridge::model::validate::{named_counterparts, unique};
use ledgerbridge::model::{from_json_str, object_from_json_str};
use ledgerbridge::plan::output::{CounterpartMatch, Issue, ProductResult, PushResult};
use ledgerbridge::push::context::BillContext;
use ledgerbridge::push::payloads::ReceivablePayload;
use ledgerbridge::push::receivables::{credit_note_warnings, shape_credit_note};
use ledgerbridge::{InputError, InputErrorKind, KeyKind, PlanInput, SyncPlan};
use serde::Serialize;

/// What an entry point returns: the result and its JSON text, or the error the module throws.
pub type Outcome<T> = Result<(T, String), InputError>;

fn to_json<T: Serialize>(value: T) -> (T, String) {
    match serde_json::to_string(&value) {
        Ok(text) => (value, text),
        Err(e) => {
            panic!("defect[output-json]: the output could not be written (the module would throw EngineError): {e}")
        }
    }
}

/// `from_json_or_default` of `src/wasm/convert.rs`.
fn object_or_default<T: serde::de::DeserializeOwned + Default>(text: &str, root: &str) -> Result<T, InputError> {
    match text.trim() {
        "" | "null" | "undefined" => Ok(T::default()),
        _ => object_from_json_str(text, root),
    }
}

/// `planSyncJson`: its text, and the typed plan of the same input.
pub fn plan_sync(input: &str) -> Outcome<(PlanInput, SyncPlan)> {
    let text = ledgerbridge::plan_sync_json(input)?;
    let parsed = PlanInput::from_json_str(input).expect("defect[consistency]: planned, yet the input does not parse");
    let plan = ledgerbridge::plan_sync(&parsed);
    Ok(((parsed, plan), text))
}

/// `validateBillJson`.
pub fn validate_bill(bill: &str, context: &str) -> Outcome<PushResult> {
    ledgerbridge::push::bills::validate_bill_json(bill, context).map(to_json)
}

/// `new BillValidator(context)`.
pub fn bill_validator(context: &str) -> Result<BillContext, InputError> {
    ledgerbridge::push::bills::read_bill_context(context)
}

/// `BillValidator.validateJson(bill)`.
pub fn validate_with(validator: &BillContext, bill: &str) -> Outcome<PushResult> {
    ledgerbridge::push::bills::validate_bill_json_with(bill, validator).map(to_json)
}

/// Both sides of a match call as the entry point read them, and its rows.
pub struct Matched<M, A, R> {
    pub monite: Vec<M>,
    pub accounting: Vec<A>,
    pub rows: Vec<R>,
}

/// `ShapedCreditNote` of `src/wasm/api.rs`, field for field.
#[derive(Serialize)]
pub struct ShapedCreditNote {
    pub payload: ReceivablePayload,
    pub warnings: Vec<Issue>,
}

/// `shapeCreditNoteJson`.
pub fn shape_credit_note_json(credit_note: &str, context: &str) -> Outcome<ShapedCreditNote> {
    let note: Receivable = object_from_json_str(credit_note, "credit_note")?;
    let context: BillContext = object_or_default(context, "context")?;
    let payload = shape_credit_note(&note, &context.push_context());
    Ok(to_json(ShapedCreditNote { payload, warnings: credit_note_warnings(&note) }))
}

/// `matchCounterpartsJson`.
pub fn match_counterparts(
    monite: &str,
    accounting: &str,
) -> Outcome<Matched<Counterpart, AccountingCounterpart, CounterpartMatch>> {
    let monite: Vec<Counterpart> = from_json_str(monite, "monite")?;
    let accounting: Vec<AccountingCounterpart> = from_json_str(accounting, "accounting")?;
    unique("monite", monite.iter().map(|c| c.id.as_str()))?;
    unique("accounting", accounting.iter().map(|c| c.id.as_str()))?;
    named_counterparts(&monite, "monite")?;
    let rows = ledgerbridge::match_counterparts(&monite, &accounting);
    let (rows, text) = to_json(rows);
    Ok((Matched { monite, accounting, rows }, text))
}

/// `matchProductsJson`.
pub fn match_products(
    monite: &str,
    accounting: &str,
    settings: &str,
) -> Outcome<Matched<Product, AccountingProduct, ProductResult>> {
    let monite: Vec<Product> = from_json_str(monite, "monite")?;
    let accounting: Vec<AccountingProduct> = from_json_str(accounting, "accounting")?;
    let settings: Settings = object_or_default(settings, "settings")?;
    unique("monite", monite.iter().map(|p| p.id.as_str()))?;
    unique("accounting", accounting.iter().map(|p| p.id.as_str()))?;
    let defaults = LedgerDefaults { default_products: settings.default_products_ledger() };
    let rows = ledgerbridge::match_products(&monite, &accounting, &defaults);
    let (rows, text) = to_json(rows);
    Ok((Matched { monite, accounting, rows }, text))
}

/// `nameKey` (its result is text, not JSON).
pub fn name_key(value: &str, kind: &str) -> Result<String, InputError> {
    let kind = match kind {
        "" | "strict" => KeyKind::Strict,
        "loose" => KeyKind::Loose,
        other => {
            return Err(InputError::new(
                InputErrorKind::InvalidValue,
                "kind",
                format!(
                    "expected \"strict\" or \"loose\", found {}",
                    ledgerbridge::matching::counterparts::quoted(other)
                ),
            ))
        }
    };
    Ok(ledgerbridge::name_key(value, kind))
}

/// `fromQuickBooksJson`.
pub fn from_quickbooks(raw: &str) -> Outcome<Snapshot> {
    let raw: RawQuickBooks = object_from_json_str(raw, "quickbooks_online")?;
    let snapshot: Snapshot = adapters::quickbooks::adapt(&raw).map_err(|e| e.under("quickbooks_online"))?;
    Ok(to_json(snapshot))
}

/// `fromXeroJson`.
pub fn from_xero(raw: &str) -> Outcome<Snapshot> {
    let raw: RawXero = object_from_json_str(raw, "xero")?;
    let snapshot: Snapshot = adapters::xero::adapt(&raw).map_err(|e| e.under("xero"))?;
    Ok(to_json(snapshot))
}
