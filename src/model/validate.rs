//! Checks on the input that serde cannot express: ids unique per collection, every counterpart named.

use rustc_hash::FxHashMap;

use super::PlanInput;
use crate::error::{InputError, InputErrorKind};

/// Runs every check; the first failure is returned.
pub fn check(input: &PlanInput) -> Result<(), InputError> {
    let m = &input.monite;
    let a = &input.accounting;
    unique("monite.counterparts", m.counterparts.iter().map(|r| r.id.as_str()))?;
    unique("monite.products", m.products.iter().map(|r| r.id.as_str()))?;
    unique("monite.payables", m.payables.iter().map(|r| r.id.as_str()))?;
    unique("monite.receivables", m.receivables.iter().map(|r| r.id.as_str()))?;
    unique("monite.payment_records", m.payment_records.iter().map(|r| r.id.as_str()))?;
    unique("accounting.counterparts", a.counterparts.iter().map(|r| r.id.as_str()))?;
    unique("accounting.products", a.products.iter().map(|r| r.id.as_str()))?;
    unique("accounting.tax_rates", a.tax_rates.iter().map(|r| r.id.as_str()))?;
    unique("accounting.ledger_accounts", a.ledger_accounts.iter().map(|r| r.id.as_str()))?;
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

/// Every Monite counterpart must be an organization or an individual (it has no name otherwise).
pub fn named_counterparts(list: &[super::monite::Counterpart], collection: &str) -> Result<(), InputError> {
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
fn synced_records(records: &[super::monite::SyncedRecord]) -> Result<(), InputError> {
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
    match super::de::non_blank(value) {
        Some(text) => {
            super::dates::parse(text).map(|_| ()).map_err(|m| InputError::new(InputErrorKind::InvalidValue, path(), m))
        }
        None => Ok(()),
    }
}

/// Fails on the first id seen twice (or an empty id), naming both positions.
pub fn unique<'a>(collection: &str, ids: impl Iterator<Item = &'a str>) -> Result<(), InputError> {
    let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
    for (i, id) in ids.enumerate() {
        if id.trim().is_empty() {
            return Err(InputError::new(
                InputErrorKind::InvalidValue,
                format!("{collection}[{i}].id"),
                "id must not be empty",
            ));
        }
        if let Some(first) = seen.insert(id, i) {
            return Err(InputError::new(
                InputErrorKind::DuplicateId,
                format!("{collection}[{i}].id"),
                format!("duplicate id {} (also at {collection}[{first}])", quoted(id)),
            ));
        }
    }
    Ok(())
}

/// An id as a JSON string: quoted, with newlines and quotes escaped, so messages stay on one line.
fn quoted(id: &str) -> String {
    serde_json::to_string(id).unwrap_or_else(|_| format!("{id:?}"))
}
