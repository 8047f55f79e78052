//! Adapters from raw QuickBooks Online and Xero API bodies to the neutral accounting snapshot (SPEC §5),
//! so fixtures and live responses load as they are.

mod country;
pub mod quickbooks;
pub mod xero;

use crate::json::de::non_blank;
use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use crate::error::{InputError, InputErrorKind};
use crate::input::records::accounting::{
    AccountingCounterpart, AccountingInput, AccountingProduct, LedgerAccount, TaxRate,
};
use crate::json::errors::{from_json_error, value_kind};
use crate::json::from_json_str;

pub use country::country_code;

/// The accounting records one raw source yields.
#[derive(Debug, Clone, Default, serde::Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Snapshot {
    pub counterparts: Vec<AccountingCounterpart>,
    pub products: Vec<AccountingProduct>,
    pub tax_rates: Vec<TaxRate>,
    pub ledger_accounts: Vec<LedgerAccount>,
    /// The company's currency, as given or as a QuickBooks body implies it (the `CurrencyRef` of its
    /// customers and vendors); item prices are in it.
    pub currency: Option<String>,
}

pub use super::records::origins::{Origin, Origins};

/// A raw source adapted: the records and where each one came from.
#[derive(Debug, Clone, Default)]
pub struct Adapted {
    pub snapshot: Snapshot,
    pub origins: Origins,
}

impl Adapted {
    /// Roots every origin path under `root` (`accounting.quickbooks_online`).
    fn under(mut self, root: &str) -> Self {
        let lists = [
            &mut self.origins.counterparts,
            &mut self.origins.products,
            &mut self.origins.tax_rates,
            &mut self.origins.ledger_accounts,
        ];
        for origin in lists.into_iter().flatten().flatten() {
            origin.path = crate::error::join_path(root, &origin.path);
        }
        self
    }
}

/// Reads `accounting.quickbooks_online` and `accounting.xero` (if present) and appends what they hold to
/// the neutral collections, recording where each record came from.
pub fn merge_raw(accounting: &mut AccountingInput) -> Result<(), InputError> {
    let pad = |origins: &mut Vec<Option<Origin>>, len: usize| origins.resize(len, None);
    pad(&mut accounting.origins.counterparts, accounting.counterparts.len());
    pad(&mut accounting.origins.products, accounting.products.len());
    pad(&mut accounting.origins.tax_rates, accounting.tax_rates.len());
    pad(&mut accounting.origins.ledger_accounts, accounting.ledger_accounts.len());
    if let Some(raw) = accounting.quickbooks_online.take() {
        let root = "accounting.quickbooks_online";
        let adapted = quickbooks::adapt(&raw).map_err(|e| e.under(root))?;
        append(accounting, adapted.under(root));
    }
    if let Some(raw) = accounting.xero.take() {
        let root = "accounting.xero";
        let adapted = xero::adapt(&raw).map_err(|e| e.under(root))?;
        append(accounting, adapted.under(root));
    }
    Ok(())
}

fn append(accounting: &mut AccountingInput, adapted: Adapted) {
    let (snapshot, origins) = (adapted.snapshot, adapted.origins);
    accounting.counterparts.extend(snapshot.counterparts);
    accounting.products.extend(snapshot.products);
    accounting.tax_rates.extend(snapshot.tax_rates);
    accounting.ledger_accounts.extend(snapshot.ledger_accounts);
    accounting.origins.counterparts.extend(origins.counterparts);
    accounting.origins.products.extend(origins.products);
    accounting.origins.tax_rates.extend(origins.tax_rates);
    accounting.origins.ledger_accounts.extend(origins.ledger_accounts);
}

/// Records of one raw list, each with its position there, and the path of the list.
pub(crate) struct RawList<T> {
    pub(crate) path: String,
    pub(crate) items: Vec<T>,
}

impl<T> RawList<T> {
    /// The origin of item `index` whose id field is `id_field`.
    pub(crate) fn origin(&self, index: usize, id_field: &'static str) -> Option<Origin> {
        Some(Origin { path: format!("{}[{index}]", self.path), id_field })
    }

    /// The path of field `field` of item `index`.
    pub(crate) fn field_path(&self, index: usize, field: &str) -> String {
        format!("{}[{index}].{field}", self.path)
    }
}

/// The records of a raw list at `path`, each read on its own: the list is first read as borrowed raw values
/// (a pointer and a length each) that must all be objects, since serde would read a record from an array by
/// position, which in an API body is never what the sender meant (and an error in such a record would name
/// a field that is not there). The records' list grows as they are read (reserving for every element up
/// front would hold ~200 bytes for an element of 3, `{}`, that fails) and is then trimmed to their number:
/// the adapted records are made next to it, and the two at once are what an adapter holds at its peak.
fn objects_at<T: DeserializeOwned>(text: &str, path: &str) -> Result<Vec<T>, InputError> {
    let raw = raw_objects(text, path)?;
    let mut records = Vec::new();
    for (i, record) in raw.iter().enumerate() {
        let text = record.get();
        records.push(serde_json::from_str(text).map_err(|e| record_error(text, &e, path, i))?);
    }
    records.shrink_to_fit();
    Ok(records)
}

/// The error of record `index` of the list at `path`, whose text is `text`.
fn record_error(text: &str, error: &serde_json::Error, path: &str, index: usize) -> InputError {
    from_json_error(text, error).under(&format!("{path}[{index}]"))
}

/// The elements of the raw list at `path`, once each is known to be an object (kept apart from
/// [`objects_at`] so the module holds this code once, not once per record type).
fn raw_objects<'a>(text: &'a str, path: &str) -> Result<Vec<&'a RawValue>, InputError> {
    let raw: Vec<&RawValue> = serde_json::from_str(text).map_err(|e| from_json_error(text, &e).under(path))?;
    match raw.iter().enumerate().find(|(_, r)| !r.get().starts_with('{')) {
        Some((i, r)) => Err(InputError::new(
            InputErrorKind::InvalidType,
            format!("{path}[{i}]"),
            format!("expected an object, found {}", value_kind(r.get().chars().next())),
        )),
        None => Ok(raw),
    }
}

/// Room for exactly `n` more records and their origins, reserved before an adapter fills the lists: with
/// amortized doubling the lists could hold up to twice what they need at the peak (fuzz/README.md, "Bounds").
fn room<T>(records: &mut Vec<T>, origins: &mut Vec<Option<Origin>>, n: usize) {
    records.reserve_exact(n);
    origins.reserve_exact(n);
}

/// Reads the `entity` records of a raw body: `{"QueryResponse": {"Customer": […]}}`, `{"Customer": […]}`,
/// or a bare array. `field` is the body's path, used to name the path of a bad record.
fn records<T: DeserializeOwned>(body: &RawValue, field: &str, entity: &str) -> Result<RawList<T>, InputError> {
    let text = body.get();
    if text.trim_start().starts_with('[') {
        return Ok(RawList { path: field.to_owned(), items: objects_at(text, field)? });
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
    let path = format!("{prefix}.{entity}");
    match container.get(entity) {
        None => Ok(RawList { path, items: Vec::new() }),
        Some(list) if list.get().trim() == "null" => Ok(RawList { path, items: Vec::new() }),
        Some(list) => Ok(RawList { items: objects_at(list.get(), &path)?, path }),
    }
}

/// Converts a rate in percent (`15.0`, `8.25`) to basis points (`1500`, `825`); a rate that is not a
/// number between 0 and [`MAX_RATE_PERCENT`] is an error at `path` (never clamped).
fn percent_to_basis_points(percent: f64, path: impl FnOnce() -> String) -> Result<i64, InputError> {
    if percent.is_finite() && (0.0..=MAX_RATE_PERCENT).contains(&percent) {
        return Ok((percent * 100.0).round() as i64);
    }
    Err(InputError::new(
        InputErrorKind::InvalidValue,
        path(),
        format!("expected a rate in percent between 0 and {MAX_RATE_PERCENT}, found {percent}"),
    ))
}

/// The largest tax rate the engine takes, in percent (the neutral `effective_tax_rate` in basis points is
/// checked against the same bound).
pub const MAX_RATE_PERCENT: f64 = 10_000.0;

/// A unit price in major units must be a non-negative number whose minor units fit the API's `Price2`
/// (at most 2^53 − 1); else an error at `path` (never clamped).
fn unit_price(price: Option<f64>, path: impl FnOnce() -> String) -> Result<Option<f64>, InputError> {
    match price {
        Some(p) if !crate::input::validate::major_price_ok(p) => Err(InputError::new(
            InputErrorKind::InvalidValue,
            path(),
            format!(
                "expected a price of at least 0 and at most {}, found {p}",
                crate::input::validate::MAX_PRICE_MAJOR
            ),
        )),
        other => Ok(other),
    }
}

/// Blank strings become `None`.
fn text(value: Option<&str>) -> Option<String> {
    non_blank(value).map(str::to_owned)
}
