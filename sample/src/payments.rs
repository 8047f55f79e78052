//! Payment records (`PaymentRecordResponse`) of invoices — pushable — and of bills — never pushed
//! (`not_a_receivable_payment`).

use serde_json::Value;

use super::dates;
use super::json::Obj;
use super::manifest::{Expected, Manifest, Outcome};
use super::payables::BillRef;
use super::receivables::InvoiceRef;
use super::rng::Rng;
use ledgerbridge::vocab::Code;

pub(crate) fn generate(
    seed: u64,
    n: usize,
    invoices: &[InvoiceRef],
    bills: &[BillRef],
    manifest: &mut Manifest,
) -> Vec<Value> {
    let mut rng = Rng::new(seed, 6);
    let issued: Vec<&InvoiceRef> = invoices.iter().filter(|i| i.issued.is_some()).collect();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        // First one of each kind, then two thirds receivable.
        let receivable = match i {
            0 => true,
            1 => false,
            _ => rng.chance(650),
        };
        let id = rng.uuid();
        let (object_id, total, currency, new_status, old_status, paid_from) = if receivable {
            let invoice = rng.pick(&issued).copied();
            let paid_from = invoice.and_then(|i| i.issued).unwrap_or(dates::CONNECTION_CREATED);
            (
                invoice.map_or_else(|| rng.uuid(), |i| i.id.clone()),
                invoice.map_or(10_000, |i| i.total),
                "EUR",
                "paid",
                "issued",
                paid_from,
            )
        } else {
            let bill = rng.pick(bills);
            (
                bill.map_or_else(|| rng.uuid(), |b| b.id.clone()),
                bill.map_or(10_000, |b| b.total),
                bill.map_or("EUR", |b| b.currency),
                "paid",
                "waiting_to_be_paid",
                dates::CONNECTION_CREATED + rng.range(86_400, 150 * 86_400),
            )
        };
        let partial = rng.chance(250) && total > 1;
        let amount = if partial { total / 2 } else { total };
        let new_status = if partial { "partially_paid" } else { new_status };
        let paid_at = paid_from + rng.range(3_600, 45 * 86_400);
        let object = Obj::new()
            .s("id", object_id)
            .s("type", if receivable { "receivable" } else { "payable" })
            .s("new_status", new_status)
            .s("old_status", old_status)
            .build();
        out.push(
            Obj::new()
                .s("id", id.clone())
                .i("amount", amount)
                .s("currency", currency)
                .b("is_external", rng.chance(850))
                .a("history", Vec::new())
                .v("object", object)
                .s("paid_at", dates::datetime(paid_at))
                .s("status", "succeeded")
                .s("payment_method", if rng.chance(700) { "bank_transfer" } else { "card" })
                .build(),
        );
        let expected = if receivable {
            Expected::new("payment_records", &id, "receivable", Outcome::Eligible(true))
        } else {
            Expected::new("payment_records", &id, "payable", Outcome::Eligible(false))
                .codes(&[Code::NotAReceivablePayment])
        };
        manifest.add(expected);
    }
    rng.shuffle(&mut out);
    out
}
