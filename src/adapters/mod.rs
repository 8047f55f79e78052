//! Adapters from raw QuickBooks Online and Xero API bodies to the neutral accounting snapshot (SPEC §5),
//! so fixtures and live responses load as they are.

mod country;
pub mod quickbooks;
pub mod xero;

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use crate::error::{InputError, InputErrorKind};
use crate::model::accounting::{AccountingCounterpart, AccountingInput, AccountingProduct, LedgerAccount, TaxRate};
use crate::model::from_json_str;

pub use country::country_code;

/// The accounting records one raw source yields.
#[derive(Debug, Clone, Default, serde::Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Snapshot {
    pub counterparts: Vec<AccountingCounterpart>,
    pub products: Vec<AccountingProduct>,
    pub tax_rates: Vec<TaxRate>,
    pub ledger_accounts: Vec<LedgerAccount>,
}

/// Reads `accounting.quickbooks_online` and `accounting.xero` (if present) and appends what they hold to
/// the neutral collections.
pub fn merge_raw(accounting: &mut AccountingInput) -> Result<(), InputError> {
    if let Some(raw) = accounting.quickbooks_online.take() {
        let snapshot = quickbooks::adapt(&raw).map_err(|e| e.under("accounting.quickbooks_online"))?;
        append(accounting, snapshot);
    }
    if let Some(raw) = accounting.xero.take() {
        let snapshot = xero::adapt(&raw).map_err(|e| e.under("accounting.xero"))?;
        append(accounting, snapshot);
    }
    Ok(())
}

fn append(accounting: &mut AccountingInput, snapshot: Snapshot) {
    accounting.counterparts.extend(snapshot.counterparts);
    accounting.products.extend(snapshot.products);
    accounting.tax_rates.extend(snapshot.tax_rates);
    accounting.ledger_accounts.extend(snapshot.ledger_accounts);
}

/// Reads the `entity` records of a raw body: `{"QueryResponse": {"Customer": […]}}`, `{"Customer": […]}`,
/// or a bare array. `field` is the body's path, used to name the path of a bad record.
fn records<T: DeserializeOwned>(body: &RawValue, field: &str, entity: &str) -> Result<Vec<T>, InputError> {
    let text = body.get();
    if text.trim_start().starts_with('[') {
        return from_json_str(text, field);
    }
    let map: BTreeMap<String, Box<RawValue>> = from_json_str(text, field).map_err(|_| {
        InputError::new(
            InputErrorKind::InvalidType,
            field,
            format!("expected an API response body or an array of {entity} records"),
        )
    })?;
    let (container, prefix) = match map.get("QueryResponse") {
        Some(inner) => {
            let path = format!("{field}.QueryResponse");
            (from_json_str::<BTreeMap<String, Box<RawValue>>>(inner.get(), &path)?, path)
        }
        None => (map, field.to_owned()),
    };
    match container.get(entity) {
        None => Ok(Vec::new()),
        Some(list) if list.get().trim() == "null" => Ok(Vec::new()),
        Some(list) => from_json_str(list.get(), &format!("{prefix}.{entity}")),
    }
}

/// Converts a rate in percent (`15.0`, `8.25`) to basis points (`1500`, `825`).
fn percent_to_basis_points(percent: f64) -> i64 {
    (percent * 100.0).round() as i64
}

/// Blank strings become `None`.
fn text(value: Option<&str>) -> Option<String> {
    value.map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)
}
