//! `validate_bill_json`, as a form calls it on every edit: errors per field path that clear once fixed,
//! and malformed input as a typed error naming `bill.…` or `context.…`.
#![allow(clippy::panic)] // a test fails by panicking; the no-panic rule is for the library

use ledgerbridge::push::bills::validate_bill_json;
use ledgerbridge::InputErrorKind;
use serde_json::json;

fn context() -> String {
    json!({
        "ledger_accounts": [
            { "id": "la-exp", "name": "Expenses", "status": "Active" },
            { "id": "la-old", "name": "Old", "status": "Archived" }
        ],
        "tax_rates": [{ "id": "tr-19", "effective_tax_rate": 1900 }, { "id": "tr-7", "effective_tax_rate": 700 }],
        "connection": { "created_at": "2024-06-08T19:52:22+00:00" },
        "counterparts": { "cp-1": "matched", "cp-2": "blocked" }
    })
    .to_string()
}

fn codes_at(bill: serde_json::Value) -> Vec<(String, String)> {
    let result = validate_bill_json(&bill.to_string(), &context()).unwrap_or_else(|e| panic!("rejected: {e}"));
    result.errors.iter().map(|i| (i.code.as_str().to_owned(), i.path.clone())).collect()
}

#[test]
fn a_missing_ledger_account_is_reported_on_its_line_and_clears_after_the_fix() {
    let mut bill = json!({ "id": "b1", "status": "issued", "issued_at": "2024-07-01", "counterpart_id": "cp-1",
        "line_items": [{ "id": "l1", "quantity": 2, "unit_price": 1000, "tax": 1900 }] });
    assert_eq!(
        codes_at(bill.clone()),
        vec![("ledger_account_missing".to_owned(), "line_items[0].ledger_account_id".to_owned())]
    );
    bill["line_items"][0]["ledger_account_id"] = json!("la-exp");
    let result = validate_bill_json(&bill.to_string(), &context()).unwrap_or_else(|e| panic!("{e}"));
    assert!(result.eligible, "{:?}", result.errors);
    let payload = serde_json::to_value(&result.payload).unwrap_or_default();
    assert_eq!(payload.pointer("/lines/0/tax_rate_ref/id"), Some(&json!("tr-19")));
    assert_eq!(payload.pointer("/lines/0/unit_amount"), Some(&json!(10.0)));
}

#[test]
fn every_problem_is_listed_at_once_one_per_line() {
    let bill = json!({ "id": "b2", "status": "draft", "issued_at": "2024-01-01", "counterpart_id": "cp-2",
        "line_items": [
            { "id": "l1", "ledger_account_id": "la-old", "tax": 1900 },
            { "id": "l2", "ledger_account_id": "nope", "tax_rate_ref": { "id": "tr-x" } },
            { "id": "l3", "ledger_account_id": "la-exp" }
        ] });
    let mut got = codes_at(bill);
    got.sort();
    let want: Vec<(String, String)> = [
        ("counterpart_not_matched", "counterpart_id"),
        ("ledger_account_unknown", "line_items[0].ledger_account_id"),
        ("ledger_account_unknown", "line_items[1].ledger_account_id"),
        ("predates_connection", "issued_at"),
        ("status_not_pushable", "status"),
        ("tax_rate_not_found", "line_items[1].tax_rate_ref.id"),
        ("tax_rate_not_found", "line_items[2].accounting_tax_rate_id"),
    ]
    .iter()
    .map(|(c, p)| ((*c).to_owned(), (*p).to_owned()))
    .collect();
    assert_eq!(got, want);
}

#[test]
fn malformed_input_names_the_field() {
    let bad = json!({ "id": "b3", "status": "issued", "line_items": [{ "id": "l1", "quantity": "two" }] });
    let err = validate_bill_json(&bad.to_string(), &context()).err().unwrap_or_else(|| panic!("accepted"));
    assert_eq!(err.path, "bill.line_items[0].quantity");
    assert_eq!(err.kind, InputErrorKind::InvalidType);
    assert_eq!(err.to_string(), "bill.line_items[0].quantity: expected a number, found a string \"two\"");

    let date = json!({ "id": "b4", "status": "issued", "issued_at": "31/12/2024" });
    let err = validate_bill_json(&date.to_string(), "").err().unwrap_or_else(|| panic!("accepted"));
    assert_eq!((err.path.as_str(), err.kind), ("bill.issued_at", InputErrorKind::InvalidValue));

    let err = validate_bill_json("{}", "{\"tax_rates\": 5}").err().unwrap_or_else(|| panic!("accepted"));
    assert_eq!(err.path, "bill.id");
    let ok_bill = json!({ "id": "b5", "status": "issued" }).to_string();
    let err = validate_bill_json(&ok_bill, "{\"tax_rates\": 5}").err().unwrap_or_else(|| panic!("accepted"));
    assert_eq!((err.path.as_str(), err.kind), ("context.tax_rates", InputErrorKind::InvalidType));
}
