//! A bill and the context a form validates it against, sized as the benchmark asks (a 20-line bill, a
//! chart of 150 ledger accounts and 6 tax rates): the input of `validateBill` / `createBillValidator`.

use serde_json::{json, Value};

use super::rng::Rng;

/// `{ "bill": PayableResponseSchema + line_items, "context": BillContext }`: an issued bill whose every line
/// names a known active account and a rate value exactly one rate has, so it is eligible.
pub fn validation_case(seed: u64, lines: usize, accounts: usize, rates: usize) -> Value {
    let mut rng = Rng::new(seed, 0xB111);
    let ledger_accounts: Vec<Value> = (0..accounts)
        .map(|i| {
            json!({
                "id": rng.uuid(), "name": format!("Account {:04}", 4000 + i), "type": "expense",
                "status": if i % 10 == 9 { "Archived" } else { "Active" }, "nominal_code": format!("{}", 4000 + i),
                "is_bank_account": false
            })
        })
        .collect();
    let tax_rates: Vec<Value> = (0..rates)
        .map(|i| json!({ "id": rng.uuid(), "name": format!("Rate {i}"), "code": format!("INPUT{i}"), "effective_tax_rate": 500 * (i as i64 + 1), "status": "active" }))
        .collect();
    let active: Vec<&Value> = ledger_accounts.iter().filter(|a| a["status"] == "Active").collect();
    let counterpart = rng.uuid();
    let line_items: Vec<Value> = (0..lines)
        .map(|i| {
            let quantity = 1 + rng.below(12) as i64;
            let unit_price = rng.range(150, 250_000);
            let rate = 500 * (1 + rng.below(rates.max(1)) as i64);
            let account = active.get(rng.below(active.len())).map(|a| a["id"].clone()).unwrap_or(Value::Null);
            json!({
                "id": rng.uuid(), "name": format!("Item {i}"), "description": format!("Line {i} of the benchmark bill"),
                "quantity": quantity, "unit": "pcs", "unit_price": unit_price, "subtotal": quantity * unit_price,
                "tax": rate, "tax_amount": quantity * unit_price * rate / 10_000, "total": quantity * unit_price * (10_000 + rate) / 10_000,
                "ledger_account_id": account
            })
        })
        .collect();
    let bill = json!({
        "id": rng.uuid(), "status": "issued", "counterpart_id": counterpart, "currency": "EUR",
        "document_id": "RE-2024-00042", "issued_at": "2024-06-20", "due_date": "2024-07-20",
        "description": "Benchmark bill", "line_items": line_items
    });
    let context = json!({
        "ledger_accounts": ledger_accounts,
        "tax_rates": tax_rates,
        "connection": { "id": rng.uuid(), "status": "connected", "created_at": "2024-06-08T19:52:22+00:00" },
        "policy": { "pushable_bill_statuses": ["issued", "canceled"], "direction": "purchase" },
        "counterparts": { counterpart.clone(): "matched" }
    });
    json!({ "bill": bill, "context": context })
}
