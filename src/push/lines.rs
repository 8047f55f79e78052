//! Checks shared by bill and invoice lines: the ledger account must name a known, active account, and the
//! tax rate must resolve to exactly one accounting rate (SPEC §3.3, §4). Also the counterpart and
//! connection-date checks every document shares.

use super::context::{CounterpartState, PushContext};
use crate::mapping::ledger_accounts::LedgerLookup;
use crate::mapping::tax_rates::TaxResolution;
use crate::model::accounting::{Direction, TaxRate};
use crate::model::dates;
use crate::vocab::Code;
use crate::vocab::{ids_in_words, Issue};

/// Builds the path of a field of the current line, only when an issue needs it (formatting every path of
/// every line up front was a large share of a bill's validation time).
pub type FieldPath<'p> = &'p dyn Fn(&str) -> String;

/// Checks a line's ledger account reference (`field` of the line). Returns the id when it is usable.
pub fn check_ledger(
    ctx: &PushContext,
    id: Option<&str>,
    at: FieldPath,
    field: &str,
    issues: &mut Vec<Issue>,
) -> Option<String> {
    let Some(id) = id.map(str::trim).filter(|s| !s.is_empty()) else {
        issues.push(Issue::new(Code::LedgerAccountMissing, at(field), "the line has no ledger account"));
        return None;
    };
    match ctx.ledgers.lookup(id) {
        LedgerLookup::Active(_) => Some(id.to_owned()),
        LedgerLookup::Inactive(account) => {
            let status = account.status.as_deref().unwrap_or("inactive");
            issues.push(Issue::new(
                Code::LedgerAccountUnknown,
                at(field),
                format!("ledger account \"{id}\" is not active (status \"{status}\")"),
            ));
            None
        }
        LedgerLookup::Unknown => {
            issues.push(Issue::new(
                Code::LedgerAccountUnknown,
                at(field),
                format!("no ledger account has id \"{id}\""),
            ));
            None
        }
    }
}

/// `ledger_account_missing` unless the line has a ledger account; unlike [`check_ledger`] the id is not
/// looked up (SPEC §4 asks invoices only that "every product has a ledger account or the entity default is
/// set"; bills must name a known, active one).
pub fn require_ledger(id: Option<&str>, at: FieldPath, field: &str, issues: &mut Vec<Issue>) -> Option<String> {
    let id = id.map(str::trim).filter(|s| !s.is_empty());
    if id.is_none() {
        issues.push(Issue::new(
            Code::LedgerAccountMissing,
            at(field),
            "the product has no ledger account and settings.accounting.ledger_account_ids.products is not set",
        ));
    }
    id.map(str::to_owned)
}

/// A line's tax-rate inputs: the first non-empty explicit reference (with its field) and the tax value
/// (with its field), as fields of the line.
pub struct TaxInputs<'a> {
    pub explicit: Option<(&'a str, &'static str)>,
    pub value: Option<i64>,
    pub value_field: &'static str,
    /// Field reported when the line has neither.
    pub default_field: &'static str,
}

/// Resolves a line's tax rate, recording `tax_rate_not_found` / `tax_rate_ambiguous`.
pub fn check_tax<'a>(
    ctx: &PushContext<'a>,
    inputs: TaxInputs,
    direction: Option<Direction>,
    at: FieldPath,
    issues: &mut Vec<Issue>,
) -> Option<&'a TaxRate> {
    let explicit_id = inputs.explicit.map(|(id, _)| id);
    let field = match (inputs.explicit, inputs.value) {
        (Some((_, field)), _) => field,
        (None, Some(_)) => inputs.value_field,
        (None, None) => inputs.default_field,
    };
    let path = || at(field);
    match ctx.taxes.resolve(explicit_id, inputs.value, direction) {
        TaxResolution::Mapped(rate) => Some(rate),
        TaxResolution::NotFound(message) => {
            issues.push(Issue::new(Code::TaxRateNotFound, path(), message));
            None
        }
        TaxResolution::Ambiguous(rates) => {
            let hint = if direction.is_none() { "; set policy.direction or reference a rate on the line" } else { "" };
            let ids: Vec<&str> = rates.iter().take(10).map(|r| r.id.as_str()).collect();
            issues.push(Issue::new(
                Code::TaxRateAmbiguous,
                path(),
                format!("several accounting tax rates have this rate: {}{hint}", ids_in_words(&ids, rates.len())),
            ));
            None
        }
    }
}

/// The first non-empty of several optional references, with its field.
pub fn first_reference<'a>(candidates: &[(Option<&'a str>, &'static str)]) -> Option<(&'a str, &'static str)> {
    candidates.iter().find_map(|(value, field)| value.map(str::trim).filter(|s| !s.is_empty()).map(|v| (v, *field)))
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
        issues.push(Issue::new(Code::CounterpartNotMatched, "counterpart_id", "the document has no counterpart"));
        return (None, None);
    };
    match map.get(id) {
        Some(s) if s.state != CounterpartState::Blocked => (s.accounting_id.clone(), s.name.clone()),
        Some(_) => {
            issues.push(Issue::new(
                Code::CounterpartNotMatched,
                "counterpart_id",
                format!("counterpart \"{id}\" is neither matched nor to be created (see push.counterparts)"),
            ));
            (None, None)
        }
        None => {
            issues.push(Issue::new(
                Code::CounterpartNotMatched,
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
                Code::PredatesConnection,
                path,
                format!(
                    "issued {text}, before the accounting connection was established; older documents are never pushed"
                ),
            ));
        }
    }
}
