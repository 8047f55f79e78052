//! Bills (payables, SPEC §4): pushed only in a pushable status, issued after the connection, with at least
//! one line, every line with a known active ledger account and a tax rate that resolves to exactly one
//! accounting rate, and a counterpart that is matched or will be created. The same check runs before a
//! bill is issued, so forms call [`validate_bill`] on every edit.

use super::context::{BillContext, PushContext};
use super::lines::{check_connection_date, check_counterpart, check_ledger, check_tax, first_reference, TaxInputs};
use crate::error::{InputError, InputErrorKind};
use crate::mapping::currency::to_major;
use crate::model::monite::{Payable, PayableLine};
use crate::model::{dates, object_from_json_str};
use crate::vocab::Code;
use crate::vocab::{BillPayload, LinePayload, Payload, RefPayload, VendorRef};
use crate::vocab::{Issue, PushResult};

/// Validates one bill; `eligible` with the `AccountingPayable`-shaped payload, or every reason it is not.
///
/// Direction for tax rates comes from the policy (SPEC §3.3: only the caller's direction decides).
pub fn validate_bill(bill: &Payable, ctx: &PushContext) -> PushResult {
    let mut issues = Vec::new();
    if !ctx.policy.bill_status_pushable(&bill.status) {
        issues.push(Issue::new(
            Code::StatusNotPushable,
            "status",
            format!(
                "bills in status \"{}\" are not pushed (pushable: {})",
                bill.status,
                ctx.policy.bill_statuses().join(", ")
            ),
        ));
    }
    check_connection_date(ctx, bill.issued_at.as_deref(), "issued_at", &mut issues);
    let (vendor_id, vendor_name) = check_counterpart(ctx, bill.counterpart_id.as_deref(), &mut issues);
    if bill.line_items.is_empty() {
        issues.push(Issue::new(Code::LineItemsMissing, "line_items", "the bill has no line items"));
    }
    let lines: Vec<LinePayload> = bill
        .line_items
        .iter()
        .enumerate()
        .map(|(i, line)| check_line(ctx, i, line, bill.currency.as_deref(), &mut issues))
        .collect();
    PushResult::decide(&bill.id, issues, || payload(bill, vendor_id, vendor_name, lines))
}

/// Reads a bill (`PayableResponseSchema` + `line_items`) and a [`BillContext`] from JSON text and validates
/// the bill: the entry point of forms (JS `validateBill`). Malformed input is an [`InputError`] whose path
/// starts with `bill` or `context`.
pub fn validate_bill_json(bill: &str, context: &str) -> Result<PushResult, InputError> {
    crate::limits::check_text(bill, "bill")?;
    let bill: Payable = object_from_json_str(bill, "bill")?;
    let context = read_bill_context(context)?;
    validate_bill_checked(&bill, &context)
}

/// Reads a [`BillContext`] once, checking its dates, for validators that keep it (JS `createBillValidator`).
pub fn read_bill_context(context: &str) -> Result<BillContext, InputError> {
    crate::limits::check_text(context, "context")?;
    let context: BillContext =
        if context.trim().is_empty() { BillContext::default() } else { object_from_json_str(context, "context")? };
    check_date(context.connection.as_ref().and_then(|c| c.created_at.as_deref()), "context.connection.created_at")?;
    Ok(context)
}

/// Validates a bill (JSON text) against a context read before with [`read_bill_context`].
pub fn validate_bill_json_with(bill: &str, context: &BillContext) -> Result<PushResult, InputError> {
    crate::limits::check_text(bill, "bill")?;
    let bill: Payable = object_from_json_str(bill, "bill")?;
    validate_bill_checked(&bill, context)
}

/// [`validate_bill`] for already-read values, after checking their dates (a malformed date is an input error,
/// not a silent pass).
pub fn validate_bill_checked(bill: &Payable, context: &BillContext) -> Result<PushResult, InputError> {
    check_date(bill.issued_at.as_deref(), "bill.issued_at")?;
    check_date(context.connection.as_ref().and_then(|c| c.created_at.as_deref()), "context.connection.created_at")?;
    Ok(validate_bill(bill, &context.push_context()))
}

fn check_date(value: Option<&str>, path: &str) -> Result<(), InputError> {
    match value.map(str::trim).filter(|s| !s.is_empty()) {
        Some(text) => {
            dates::parse(text).map(|_| ()).map_err(|m| InputError::new(InputErrorKind::InvalidValue, path, m))
        }
        None => Ok(()),
    }
}

fn check_line(
    ctx: &PushContext,
    i: usize,
    line: &PayableLine,
    currency: Option<&str>,
    issues: &mut Vec<Issue>,
) -> LinePayload {
    let at = |field: &str| format!("line_items[{i}].{field}");
    let ledger = check_ledger(ctx, line.ledger_account_id.as_deref(), &at, "ledger_account_id", issues);
    let explicit = first_reference(&[
        (line.accounting_tax_rate_id.as_deref(), "accounting_tax_rate_id"),
        (line.tax_rate_ref_id.as_deref(), "tax_rate_ref_id"),
        (line.tax_rate_ref.as_ref().and_then(|r| r.id.as_deref()), "tax_rate_ref.id"),
    ]);
    let inputs = TaxInputs { explicit, value: line.tax, value_field: "tax", default_field: "accounting_tax_rate_id" };
    let rate = check_tax(ctx, inputs, ctx.policy.direction, &at, issues);
    LinePayload {
        description: line.description.clone().or_else(|| line.name.clone()),
        quantity: Some(line.quantity.unwrap_or(1.0)),
        unit_amount: line.unit_price.map(|unit| to_major(unit, currency)),
        ledger_account_id: ledger,
        tax_rate_ref: RefPayload { id: rate.map(|r| r.id.clone()) },
    }
}

/// `AccountingPayable` without an `id` (the accounting system assigns it); amounts in major units.
fn payload(bill: &Payable, vendor_id: Option<String>, vendor_name: Option<String>, lines: Vec<LinePayload>) -> Payload {
    let currency = bill.currency.as_deref();
    let amount = |v: Option<i64>| v.map(|minor| to_major(minor, currency));
    Payload::Bill(BillPayload {
        invoice_number: bill.document_id.clone(),
        currency: bill.currency.clone(),
        posted_date: bill.issued_at.clone(),
        due_date: bill.due_date.clone(),
        memo: bill.description.clone(),
        status: bill.status.clone(),
        subtotal: amount(bill.subtotal),
        tax_amount: amount(bill.tax_amount),
        total_amount: amount(bill.total_amount),
        amount_due: amount(bill.amount_due),
        vendor_ref: VendorRef { id: vendor_id, name: vendor_name },
        lines,
    })
}
