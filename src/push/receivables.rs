//! Invoices and credit notes (receivables, SPEC §4). Invoices: issued after the connection exists,
//! counterpart matched, every product with a ledger account (or the entity default), every line's tax rate
//! mapped, deductions only with a deductions tax id. Credit notes: only `issued` ones, issued after the
//! connection, pushed without a document number and without a link to their invoice.

use super::context::PushContext;
use super::lines::{check_connection_date, check_counterpart, check_tax, first_reference, require_ledger, TaxInputs};
use crate::mapping::currency::to_major;
use crate::model::monite::{Receivable, ReceivableLine};
use crate::vocab::Code;
use crate::vocab::{CustomerRef, LinePayload, Payload, ReceivablePayload, RefPayload};
use crate::vocab::{Issue, PushResult};

/// Decides whether an invoice is pushed.
pub fn validate_invoice(invoice: &Receivable, ctx: &PushContext) -> PushResult {
    let mut issues = Vec::new();
    if !ctx.policy.invoice_status_pushable(&invoice.status) {
        issues.push(Issue::new(
            Code::StatusNotPushable,
            "status",
            format!("invoices are pushed once issued; this one is \"{}\"", invoice.status),
        ));
    }
    check_connection_date(ctx, invoice.issue_date.as_deref(), "issue_date", &mut issues);
    let customer = check_counterpart(ctx, invoice.counterpart_id.as_deref(), &mut issues);
    if invoice.deduction_amount.unwrap_or(0) > 0 && ctx.settings.deductions_tax().is_none() {
        issues.push(Issue::new(
            Code::DeductionsTaxMissing,
            "deduction_amount",
            "the invoice has a deduction but settings.accounting.tax_ids.deductions is not set",
        ));
    }
    let lines: Vec<LinePayload> = invoice
        .line_items
        .iter()
        .enumerate()
        .map(|(i, line)| check_line(ctx, i, line, invoice.currency.as_deref(), Some(&mut issues)))
        .collect();
    PushResult::decide(&invoice.id, issues, || Payload::Receivable(payload(invoice, customer, lines, true)))
}

/// Decides whether a credit note is pushed, and shapes it.
pub fn validate_credit_note(note: &Receivable, ctx: &PushContext) -> PushResult {
    let mut issues = Vec::new();
    if !note.status.trim().eq_ignore_ascii_case("issued") {
        issues.push(Issue::new(
            Code::StatusNotPushable,
            "status",
            format!("only issued credit notes are pushed; this one is \"{}\"", note.status),
        ));
    }
    check_connection_date(ctx, note.issue_date.as_deref(), "issue_date", &mut issues);
    let customer = check_counterpart(ctx, note.counterpart_id.as_deref(), &mut issues);
    let mut result =
        PushResult::decide(&note.id, issues, || Payload::Receivable(shape_credit_note_with(note, ctx, customer)));
    result.warnings = credit_note_warnings(note);
    result
}

/// The payload a credit note is pushed as: `AccountingReceivable`-shaped, with no document number and no
/// link to its invoice (no `document_id`, `based_on`, `based_on_document_id`, `invoice_number`).
pub fn shape_credit_note(note: &Receivable, ctx: &PushContext) -> ReceivablePayload {
    let customer = (None, note.counterpart_name.clone());
    shape_credit_note_with(note, ctx, customer)
}

fn shape_credit_note_with(
    note: &Receivable,
    ctx: &PushContext,
    customer: (Option<String>, Option<String>),
) -> ReceivablePayload {
    let lines: Vec<LinePayload> = note
        .line_items
        .iter()
        .enumerate()
        .map(|(i, line)| check_line(ctx, i, line, note.currency.as_deref(), None))
        .collect();
    payload(note, customer, lines, false)
}

/// The preview's warnings for a credit note: its invoice stays open in the accounting system.
pub fn credit_note_warnings(note: &Receivable) -> Vec<Issue> {
    let invoice = note.based_on.as_deref().map(|id| format!(" (invoice \"{id}\")")).unwrap_or_default();
    vec![Issue::new(
        Code::InvoiceNotCancelled,
        "based_on",
        format!(
            "the credit note is pushed without its document number and without a link to its invoice{invoice}; \
             the invoice in the accounting system will not be cancelled automatically"
        ),
    )]
}

/// One receivable line. With `issues`, problems are recorded (invoices); without, the line is only shaped
/// (credit notes, whose lines the rules do not check).
fn check_line(
    ctx: &PushContext,
    i: usize,
    line: &ReceivableLine,
    currency: Option<&str>,
    issues: Option<&mut Vec<Issue>>,
) -> LinePayload {
    let at = |field: &str| format!("line_items[{i}].product.{field}");
    let product = line.product.as_ref();
    let mut scratch = Vec::new();
    let sink = match issues {
        Some(list) => list,
        None => &mut scratch,
    };
    let own_ledger = product.and_then(|p| p.ledger_account_id.as_deref()).filter(|s| !s.trim().is_empty());
    let ledger = require_ledger(own_ledger.or(ctx.settings.default_products_ledger()), &at, "ledger_account_id", sink);
    let explicit =
        first_reference(&[(product.and_then(|p| p.accounting_tax_rate_id.as_deref()), "accounting_tax_rate_id")]);
    let value = product.and_then(|p| p.vat_rate.as_ref()).and_then(|v| v.value);
    let inputs = TaxInputs { explicit, value, value_field: "vat_rate.value", default_field: "accounting_tax_rate_id" };
    let rate = check_tax(ctx, inputs, ctx.policy.direction, &at, sink);
    let unit = product.and_then(|p| p.price.as_ref()).map(|p| to_major(p.value, Some(p.currency.as_str())));
    LinePayload {
        description: product.and_then(|p| p.name.clone()),
        quantity: line.quantity,
        unit_amount: unit.or_else(|| line.total_before_vat.map(|t| to_major(t, currency))),
        ledger_account_id: ledger,
        tax_rate_ref: RefPayload { id: rate.map(|r| r.id.clone()) },
    }
}

/// `AccountingReceivable` without an `id`; `with_number` false for credit notes.
fn payload(
    r: &Receivable,
    customer: (Option<String>, Option<String>),
    lines: Vec<LinePayload>,
    with_number: bool,
) -> ReceivablePayload {
    let (customer_id, customer_name) = customer;
    ReceivablePayload {
        invoice_number: if with_number { r.document_id.clone() } else { None },
        currency: r.currency.clone(),
        customer_ref: CustomerRef {
            id: customer_id,
            company_name: customer_name.or_else(|| r.counterpart_name.clone()),
        },
        posted_date: r.issue_date.clone(),
        due_date: r.due_date.clone(),
        memo: r.memo.clone(),
        lines,
    }
}
