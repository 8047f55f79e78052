//! The JSON entry points as the WebAssembly module exports them (`src/wasm/api.rs`), natively: the glue is
//! gate + core + JSON, so each is the input gate's reading (`ledgerbridge::input`) and the core's call, as
//! there. An `Err` is what the module throws as an `InputError`; an `Ok` holds the typed result (for the
//! invariants) with the JSON text the module returns. Output that cannot be written (the module's
//! `LedgerbridgeError`, a JS `EngineError`) is a defect, so it panics here.

use ledgerbridge::input::adapters::Snapshot;
use ledgerbridge::input::forms::{self, Bill, Context, CounterpartsToMatch, CreditNote, ProductsToMatch};
use ledgerbridge::input::records::accounting::{AccountingCounterpart, AccountingProduct};
use ledgerbridge::input::records::monite::{Counterpart, Product};
use ledgerbridge::vocab::{CounterpartMatch, ProductResult, PushResult, ShapedCreditNote};
use ledgerbridge::{BillRules, InputError, PlanInput, SyncPlan};
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

/// `planSyncJson`: its text, and the typed plan of the same input.
pub fn plan_sync(input: &str) -> Outcome<(PlanInput, SyncPlan)> {
    let text = ledgerbridge::plan_sync_json(input)?;
    let parsed = PlanInput::from_json_str(input).expect("defect[consistency]: planned, yet the input does not parse");
    let plan = ledgerbridge::plan_sync(&parsed);
    Ok(((parsed, plan), text))
}

/// `validateBillJson`.
pub fn validate_bill(bill: &str, context: &str) -> Outcome<PushResult> {
    ledgerbridge::validate_bill_json(bill, context).map(to_json)
}

/// `new BillValidator(context)`.
pub fn bill_validator(context: &str) -> Result<BillRules, InputError> {
    Context::from_json_str(context).map(BillRules::new)
}

/// `BillValidator.validateJson(bill)`.
pub fn validate_with(validator: &BillRules, bill: &str) -> Outcome<PushResult> {
    Bill::from_json_str(bill).map(|bill| to_json(validator.validate(&bill)))
}

/// Both sides of a match call as the entry point read them, and its rows.
pub struct Matched<M, A, R> {
    pub monite: Vec<M>,
    pub accounting: Vec<A>,
    pub rows: Vec<R>,
}

/// `shapeCreditNoteJson`.
pub fn shape_credit_note_json(credit_note: &str, context: &str) -> Outcome<ShapedCreditNote> {
    let note = CreditNote::from_json_str(credit_note)?;
    let rules = BillRules::new(Context::from_json_str(context)?);
    Ok(to_json(ledgerbridge::shape_credit_note(&note, &rules)))
}

/// `matchCounterpartsJson`.
pub fn match_counterparts(
    monite: &str,
    accounting: &str,
) -> Outcome<Matched<Counterpart, AccountingCounterpart, CounterpartMatch>> {
    let sides = CounterpartsToMatch::from_json_str(monite, accounting)?;
    let (rows, text) = to_json(ledgerbridge::match_counterparts(&sides));
    Ok((Matched { monite: sides.monite().to_vec(), accounting: sides.accounting().to_vec(), rows }, text))
}

/// `matchProductsJson`.
pub fn match_products(
    monite: &str,
    accounting: &str,
    settings: &str,
) -> Outcome<Matched<Product, AccountingProduct, ProductResult>> {
    let sides = ProductsToMatch::from_json_str(monite, accounting, settings)?;
    let (rows, text) = to_json(ledgerbridge::match_products(&sides));
    Ok((Matched { monite: sides.monite().to_vec(), accounting: sides.accounting().to_vec(), rows }, text))
}

/// `nameKey` (its result is text, not JSON).
pub fn name_key(value: &str, kind: &str) -> Result<String, InputError> {
    Ok(ledgerbridge::name_key(value, forms::key_request(value, kind)?))
}

/// `fromQuickBooksJson`.
pub fn from_quickbooks(raw: &str) -> Outcome<Snapshot> {
    forms::quickbooks_snapshot(raw).map(to_json)
}

/// `fromXeroJson`.
pub fn from_xero(raw: &str) -> Outcome<Snapshot> {
    forms::xero_snapshot(raw).map(to_json)
}
