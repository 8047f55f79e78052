//! Checks on the input that serde cannot express: ids unique per collection, every counterpart named.

use crate::json::de::non_blank;
use rustc_hash::FxHashMap;

use super::records::accounting::{AccountingPrice, AccountingProduct};
use super::PlanInput;
use crate::error::{InputError, InputErrorKind};
use crate::input::records::origins::{Origin, Origins};

/// Runs every check; the first failure is returned.
pub fn check(input: &PlanInput) -> Result<(), InputError> {
    let m = &input.monite;
    let a = &input.accounting;
    unique("monite.counterparts", m.counterparts.iter().map(|r| r.id.as_str()))?;
    unique("monite.products", m.products.iter().map(|r| r.id.as_str()))?;
    unique("monite.payables", m.payables.iter().map(|r| r.id.as_str()))?;
    unique("monite.receivables", m.receivables.iter().map(|r| r.id.as_str()))?;
    unique("monite.payment_records", m.payment_records.iter().map(|r| r.id.as_str()))?;
    // Records adapted from raw QuickBooks / Xero bodies are named by their raw field.
    let o = &a.origins;
    unique_at(a.counterparts.iter().map(|r| r.id.as_str()), at(&o.counterparts, "accounting.counterparts"))?;
    unique_at(a.products.iter().map(|r| r.id.as_str()), at(&o.products, "accounting.products"))?;
    unique_at(a.tax_rates.iter().map(|r| r.id.as_str()), at(&o.tax_rates, "accounting.tax_rates"))?;
    unique_at(a.ledger_accounts.iter().map(|r| r.id.as_str()), at(&o.ledger_accounts, "accounting.ledger_accounts"))?;
    for (i, rate) in a.tax_rates.iter().enumerate() {
        if rate.effective_tax_rate.is_some_and(|v| !(0..=MAX_RATE_BASIS_POINTS).contains(&v)) {
            return Err(InputError::new(
                InputErrorKind::InvalidValue,
                format!("accounting.tax_rates[{i}].effective_tax_rate"),
                format!("expected basis points between 0 and {MAX_RATE_BASIS_POINTS} (0–10000 %)"),
            ));
        }
    }
    product_prices(&a.products, "accounting.products")?;
    for (i, p) in m.payables.iter().enumerate() {
        date(&p.issued_at, || format!("monite.payables[{i}].issued_at"))?;
    }
    for (i, r) in m.receivables.iter().enumerate() {
        date(&r.issue_date, || format!("monite.receivables[{i}].issue_date"))?;
    }
    if let Some(connection) = &m.connection {
        date(&connection.created_at, || "monite.connection.created_at".to_owned())?;
    }
    synced_records(&m.synced_records)?;
    named_counterparts(&m.counterparts, "monite.counterparts")
}

/// The path of an accounting record's id: its raw field when it was adapted, else the neutral list's.
fn at<'a>(list: &'a [Option<Origin>], collection: &'static str) -> impl Fn(usize) -> String + 'a {
    move |i| Origins::id_path(list, collection, i)
}

/// Every Monite counterpart must be an organization or an individual (it has no name otherwise).
pub fn named_counterparts(list: &[super::records::monite::Counterpart], collection: &str) -> Result<(), InputError> {
    for (i, c) in list.iter().enumerate() {
        if c.organization.is_none() && c.individual.is_none() {
            return Err(InputError::new(
                InputErrorKind::MissingField,
                format!("{collection}[{i}]"),
                "expected an `organization` or an `individual`",
            ));
        }
    }
    Ok(())
}

/// Every synced record names its Monite record, its type and its status (SPEC §3.0 item 1); a present
/// `updated_at` must parse, since it decides which record of an object counts.
fn synced_records(records: &[super::records::monite::SyncedRecord]) -> Result<(), InputError> {
    for (i, r) in records.iter().enumerate() {
        let at = |field: &str| format!("monite.synced_records[{i}].{field}");
        let missing =
            |field: &str| InputError::new(InputErrorKind::MissingField, at(field), "required field is missing");
        for (field, value) in [("object_id", &r.object_id), ("object_type", &r.object_type)] {
            match value.as_deref() {
                None => return Err(missing(field)),
                Some(text) if text.trim().is_empty() => {
                    return Err(InputError::new(InputErrorKind::InvalidValue, at(field), "must not be empty"))
                }
                Some(_) => {}
            }
        }
        if r.sync_status.is_none() {
            return Err(missing("sync_status"));
        }
        date(&r.updated_at, || at("updated_at"))?;
    }
    Ok(())
}

/// A present, non-blank date must parse (the push rules compare it with the connection's).
fn date(value: &Option<String>, path: impl FnOnce() -> String) -> Result<(), InputError> {
    check_date(value.as_deref(), path)
}

/// [`date`] for a borrowed value.
pub(crate) fn check_date(value: Option<&str>, path: impl FnOnce() -> String) -> Result<(), InputError> {
    match non_blank(value) {
        Some(text) => {
            super::dates::parse(text).map(|_| ()).map_err(|m| InputError::new(InputErrorKind::InvalidValue, path(), m))
        }
        None => Ok(()),
    }
}

/// The largest `effective_tax_rate` the engine takes: 10000 % in basis points.
pub const MAX_RATE_BASIS_POINTS: i64 = 1_000_000;
/// `Price2.value` is at most 2^53 − 1 minor units (the API document); a price in major units must fit it
/// at the largest exponent (3 decimals).
pub const MAX_PRICE_MINOR: i64 = 9_007_199_254_740_991;
pub const MAX_PRICE_MAJOR: f64 = MAX_PRICE_MINOR as f64 / 1000.0;

/// A price in major units that converts to a valid `Price2`: a finite number from 0 up to
/// [`MAX_PRICE_MAJOR`].
pub fn major_price_ok(price: f64) -> bool {
    price.is_finite() && (0.0..=MAX_PRICE_MAJOR).contains(&price)
}

/// An accounting product's price: minor units within `Price2`'s 0..=2^53 − 1, or major units that fit it.
/// Every accounting product's price is within range (`collection` names the list in paths).
pub fn product_prices(products: &[AccountingProduct], collection: &str) -> Result<(), InputError> {
    for (i, product) in products.iter().enumerate() {
        price(product.price.as_ref(), || format!("{collection}[{i}].price"))?;
    }
    Ok(())
}

fn price(price: Option<&AccountingPrice>, path: impl Fn() -> String) -> Result<(), InputError> {
    let bad = |message: String| Err(InputError::new(InputErrorKind::InvalidValue, path(), message));
    match price {
        Some(AccountingPrice::Minor(p)) if !(0..=MAX_PRICE_MINOR).contains(&p.value) => {
            bad(format!("expected a value between 0 and {MAX_PRICE_MINOR} minor units, found {}", p.value))
        }
        Some(AccountingPrice::Major(p)) if !major_price_ok(*p) => {
            bad(format!("expected a price of at least 0 and at most {MAX_PRICE_MAJOR}, found {p}"))
        }
        _ => Ok(()),
    }
}

/// Fails on the first id seen twice (or an empty id), naming both positions.
pub fn unique<'a>(collection: &str, ids: impl Iterator<Item = &'a str>) -> Result<(), InputError> {
    unique_at(ids, |i| format!("{collection}[{i}].id"))
}

/// [`unique`] with the path of each id given by `path_of(index)`.
pub fn unique_at<'a>(ids: impl Iterator<Item = &'a str>, path_of: impl Fn(usize) -> String) -> Result<(), InputError> {
    let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
    for (i, id) in ids.enumerate() {
        if id.trim().is_empty() {
            return Err(InputError::new(InputErrorKind::InvalidValue, path_of(i), "id must not be empty"));
        }
        if let Some(first) = seen.insert(id, i) {
            return Err(InputError::new(
                InputErrorKind::DuplicateId,
                path_of(i),
                format!("duplicate id {} (also at {})", quoted(id), path_of(first)),
            ));
        }
    }
    Ok(())
}

/// An id as a JSON string: quoted, with newlines and quotes escaped, so messages stay on one line.
fn quoted(id: &str) -> String {
    serde_json::to_string(id).unwrap_or_else(|_| format!("\"{id}\""))
}
