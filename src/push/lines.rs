//! Checks shared by bill and invoice lines: the ledger account must name a known, active account, and the
//! tax rate must resolve to exactly one accounting rate (SPEC §3.3, §4). Also the counterpart and
//! connection-date checks every document shares.

use super::codes::*;
use super::context::{CounterpartState, PushContext};
use crate::mapping::ledger_accounts::LedgerLookup;
use crate::mapping::tax_rates::TaxResolution;
use crate::model::accounting::{Direction, TaxRate};
use crate::model::dates;
use crate::plan::output::Issue;

/// Checks a line's ledger account reference; `path` names the field. Returns the id when it is usable.
pub fn check_ledger(ctx: &PushContext, id: Option<&str>, path: &str, issues: &mut Vec<Issue>) -> Option<String> {
    let Some(id) = id.map(str::trim).filter(|s| !s.is_empty()) else {
        issues.push(Issue::new(LEDGER_ACCOUNT_MISSING, path, "the line has no ledger account"));
        return None;
    };
    match ctx.ledgers.lookup(id) {
        LedgerLookup::Active(_) => Some(id.to_owned()),
        LedgerLookup::Inactive(account) => {
            let status = account.status.as_deref().unwrap_or("inactive");
            issues.push(Issue::new(
                LEDGER_ACCOUNT_UNKNOWN,
                path,
                format!("ledger account \"{id}\" is not active (status \"{status}\")"),
            ));
            None
        }
        LedgerLookup::Unknown => {
            issues.push(Issue::new(LEDGER_ACCOUNT_UNKNOWN, path, format!("no ledger account has id \"{id}\"")));
            None
        }
    }
}

/// `ledger_account_missing` unless the line has a ledger account; unlike [`check_ledger`] the id is not
/// looked up (SPEC §4 asks invoices only that "every product has a ledger account or the entity default is
/// set"; bills must name a known, active one).
pub fn require_ledger(id: Option<&str>, path: &str, issues: &mut Vec<Issue>) -> Option<String> {
    let id = id.map(str::trim).filter(|s| !s.is_empty());
    if id.is_none() {
        issues.push(Issue::new(
            LEDGER_ACCOUNT_MISSING,
            path,
            "the product has no ledger account and settings.accounting.ledger_account_ids.products is not set",
        ));
    }
    id.map(str::to_owned)
}

/// A line's tax-rate inputs: the first non-empty explicit reference (with the path of its field) and the
/// tax value (with its path).
pub struct TaxInputs<'a> {
    pub explicit: Option<(&'a str, String)>,
    pub value: Option<i64>,
    pub value_path: String,
    /// Path reported when the line has neither.
    pub default_path: String,
}

/// Resolves a line's tax rate, recording `tax_rate_not_found` / `tax_rate_ambiguous`.
pub fn check_tax<'a>(
    ctx: &PushContext<'a>,
    inputs: TaxInputs,
    direction: Option<Direction>,
    issues: &mut Vec<Issue>,
) -> Option<&'a TaxRate> {
    let explicit_id = inputs.explicit.as_ref().map(|(id, _)| *id);
    let path = match (&inputs.explicit, inputs.value) {
        (Some((_, path)), _) => path.clone(),
        (None, Some(_)) => inputs.value_path,
        (None, None) => inputs.default_path,
    };
    match ctx.taxes.resolve(explicit_id, inputs.value, direction) {
        TaxResolution::Mapped(rate) => Some(rate),
        TaxResolution::NotFound(message) => {
            issues.push(Issue::new(TAX_RATE_NOT_FOUND, path, message));
            None
        }
        TaxResolution::Ambiguous(ids) => {
            let hint = if direction.is_none() { "; set policy.direction or reference a rate on the line" } else { "" };
            issues.push(Issue::new(
                TAX_RATE_AMBIGUOUS,
                path,
                format!("several accounting tax rates have this rate: {}{hint}", ids.join(", ")),
            ));
            None
        }
    }
}

/// The first non-empty of several optional references, with its path.
pub fn first_reference<'a>(candidates: &[(Option<&'a str>, String)]) -> Option<(&'a str, String)> {
    candidates
        .iter()
        .find_map(|(value, path)| value.map(str::trim).filter(|s| !s.is_empty()).map(|v| (v, path.clone())))
}

/// `counterpart_not_matched` unless the document's counterpart is matched or will be created. Returns the
/// `(accounting id, name)` to put in the payload.
pub fn check_counterpart(
    ctx: &PushContext,
    counterpart_id: Option<&str>,
    issues: &mut Vec<Issue>,
) -> (Option<String>, Option<String>) {
    let Some(map) = &ctx.counterparts else { return (None, None) };
    let Some(id) = counterpart_id.map(str::trim).filter(|s| !s.is_empty()) else {
        issues.push(Issue::new(COUNTERPART_NOT_MATCHED, "counterpart_id", "the document has no counterpart"));
        return (None, None);
    };
    match map.get(id) {
        Some(s) if s.state != CounterpartState::Blocked => (s.accounting_id.clone(), s.name.clone()),
        Some(_) => {
            issues.push(Issue::new(
                COUNTERPART_NOT_MATCHED,
                "counterpart_id",
                format!("counterpart \"{id}\" is neither matched nor to be created (see push.counterparts)"),
            ));
            (None, None)
        }
        None => {
            issues.push(Issue::new(
                COUNTERPART_NOT_MATCHED,
                "counterpart_id",
                format!("counterpart \"{id}\" is not among the Monite counterparts given"),
            ));
            (None, None)
        }
    }
}

/// `predates_connection` when the document's date is before the connection was created.
pub fn check_connection_date(ctx: &PushContext, date: Option<&str>, path: &str, issues: &mut Vec<Issue>) {
    let (Some(connected), Some(text)) = (ctx.connected_at, date.map(str::trim).filter(|s| !s.is_empty())) else {
        return;
    };
    if let Ok(moment) = dates::parse(text) {
        if moment.is_before(connected) {
            issues.push(Issue::new(
                PREDATES_CONNECTION,
                path,
                format!(
                    "issued {text}, before the accounting connection was established; older documents are never pushed"
                ),
            ));
        }
    }
}
