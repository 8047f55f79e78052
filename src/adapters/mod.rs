//! Adapters from raw QuickBooks Online and Xero API bodies to the neutral accounting snapshot (SPEC §5),
//! so fixtures and live responses load as they are.

mod country;
pub mod quickbooks;
pub mod xero;

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::{InputError, InputErrorKind};
use crate::model::accounting::{AccountingCounterpart, AccountingInput, AccountingProduct, LedgerAccount, TaxRate};
use crate::model::serde_error::from_path_error;

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

/// Finds the list of `entity` records in a raw body: `{"QueryResponse": {"Customer": […]}}`,
/// `{"Customer": […]}`, or a bare array. Returns the list and its path inside `field`.
fn records<'v>(body: &'v Value, field: &str, entity: &str) -> Result<(&'v [Value], String), InputError> {
    if let Value::Array(list) = body {
        return Ok((list, field.to_owned()));
    }
    let Value::Object(map) = body else {
        return Err(InputError::new(
            InputErrorKind::InvalidType,
            field,
            format!("expected an API response body or an array of {entity} records"),
        ));
    };
    let (container, prefix) = match map.get("QueryResponse") {
        Some(inner) => (inner, format!("{field}.QueryResponse")),
        None => (body, field.to_owned()),
    };
    match container.get(entity) {
        None | Some(Value::Null) => Ok((&[], prefix)),
        Some(Value::Array(list)) => Ok((list, format!("{prefix}.{entity}"))),
        Some(_) => Err(InputError::new(InputErrorKind::InvalidType, format!("{prefix}.{entity}"), "expected an array")),
    }
}

/// Deserializes every record of a list into `T`, naming the record's path on failure.
fn parse_each<T: DeserializeOwned>(list: &[Value], path: &str) -> Result<Vec<T>, InputError> {
    list.iter()
        .enumerate()
        .map(|(i, value)| {
            serde_path_to_error::deserialize(value).map_err(|e| from_path_error(e).under(&format!("{path}[{i}]")))
        })
        .collect()
}

/// Converts a rate in percent (`15.0`, `8.25`) to basis points (`1500`, `825`).
fn percent_to_basis_points(percent: f64) -> i64 {
    (percent * 100.0).round() as i64
}

/// Blank strings become `None`.
fn text(value: Option<&str>) -> Option<String> {
    value.map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)
}
