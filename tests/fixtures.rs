//! The adapters on real QuickBooks Online and Xero records from `../shared/fixtures/` (read by path, never
//! copied). Every test skips with a message when that folder is absent.
#![allow(clippy::panic)] // a test fails by panicking; the no-panic rule is for the library

use std::path::PathBuf;

use ledgerbridge::{plan_sync, PlanInput};
use serde_json::{json, Value};

fn fixture(relative: &str) -> Option<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures").join(relative);
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is absent", path.display());
        return None;
    };
    match serde_json::from_str(&text) {
        Ok(v) => Some(v),
        Err(e) => {
            eprintln!("skipped: {} is not JSON: {e}", path.display());
            None
        }
    }
}

fn plan(input: Value) -> Value {
    let parsed = PlanInput::from_value(&input).unwrap_or_else(|e| panic!("input rejected: {e}"));
    serde_json::to_value(plan_sync(&parsed)).unwrap_or_else(|e| panic!("plan not serializable: {e}"))
}

fn org(id: &str, name: &str) -> Value {
    json!({ "id": id, "type": "organization", "organization": { "legal_name": name, "is_customer": true, "is_vendor": false } })
}

#[test]
fn quickbooks_sub_customer_matches_on_display_name_not_fully_qualified_name() {
    let Some(customers) = fixture("qbo-sandbox-nango/customers.json") else { return };
    let Some(vendors) = fixture("qbo-sandbox-nango/vendors.json") else { return };
    let out = plan(json!({
        "monite": { "counterparts": [
            org("m-ocean", "0969 Ocean View Road"),
            org("m-fq", "Freeman Sporting Goods:0969 Ocean View Road"),
            org("m-bill", "Bill’s Windsurf Shop"),
            org("m-pge", "PG&E"),
        ]},
        "accounting": { "quickbooks_online": { "customers": customers, "vendors": vendors } }
    }));
    let rows = out["pull"]["counterparts"].as_array().cloned().unwrap_or_default();
    let row = |id: &str| rows.iter().find(|r| r["monite_id"] == id).cloned().unwrap_or(Value::Null);
    assert_eq!(row("m-ocean")["status"], "matched");
    assert_eq!(row("m-ocean")["decided_by"], "name");
    assert_eq!(row("m-fq")["status"], "unmatched", "FullyQualifiedName must not be used for matching");
    // Curly apostrophe in Monite, ASCII apostrophe in QuickBooks: the strict key makes them equal.
    assert_eq!(row("m-bill")["status"], "matched");
    assert_eq!(row("m-pge")["status"], "matched", "PG&E is a QuickBooks vendor; customers and vendors are one pool");
}

#[test]
fn quickbooks_bodies_load_with_and_without_the_query_response_wrapper() {
    let Some(customers) = fixture("qbo-sandbox-nango/customers.json") else { return };
    let Some(items) = fixture("qbo-sandbox-nango/items.json") else { return };
    let Some(accounts) = fixture("qbo-sandbox-nango/accounts.json") else { return };
    let bare_customers = customers["QueryResponse"]["Customer"].clone();
    let wrapped = PlanInput::from_value(&json!({ "accounting": { "quickbooks_online": {
        "customers": customers, "items": items, "accounts": accounts, "currency": "USD" } } }));
    let bare =
        PlanInput::from_value(&json!({ "accounting": { "quickbooks_online": { "customers": bare_customers } } }));
    let (Ok(wrapped), Ok(bare)) = (wrapped, bare) else { panic!("fixtures rejected") };
    assert!(!wrapped.accounting().counterparts.is_empty());
    assert_eq!(wrapped.accounting().counterparts.len(), bare.accounting().counterparts.len());
    assert!(!wrapped.accounting().ledger_accounts.is_empty());
    // Every item references an account that the accounts body defines.
    let ids: Vec<&str> = wrapped.accounting().ledger_accounts.iter().map(|a| a.id.as_str()).collect();
    for p in &wrapped.accounting().products {
        if let Some(l) = &p.ledger_account_id {
            assert!(ids.contains(&l.as_str()), "item {} refers to unknown account {l}", p.id);
        }
    }
    // An accounting-only item becomes a create with a ProductServiceRequest payload, price in minor units.
    let out = plan(
        json!({ "accounting": { "quickbooks_online": { "items": items, "accounts": accounts, "currency": "USD" } } }),
    );
    let design = out["pull"]["products"]
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["payload"]["name"] == "Design").cloned());
    let Some(design) = design else { panic!("no create row for the Design item") };
    assert_eq!(design["action"], "create");
    assert_eq!(design["payload"]["price"], json!({ "currency": "USD", "value": 7500 }));
    assert_eq!(design["payload"]["type"], "service");
    assert_eq!(design["payload"]["ledger_account_id"], "82");
}

#[test]
fn xero_repeated_item_names_yield_multiple_matches() {
    let Some(items) = fixture("xero-demo-nango/items.json") else { return };
    let Some(accounts) = fixture("xero-demo-nango/accounts.json") else { return };
    let out = plan(json!({
        "monite": { "products": [{ "id": "p-test", "name": "test item" }] },
        "accounting": { "xero": { "items": items, "accounts": accounts, "currency": "USD" } }
    }));
    let rows = out["pull"]["products"].as_array().cloned().unwrap_or_default();
    let caught: Vec<&Value> = rows.iter().filter(|r| r["error"]["code"] == "multiple_matches").collect();
    let test_item = caught.iter().find(|r| r["monite_id"] == "p-test");
    let Some(test_item) = test_item else {
        panic!("the Monite product named like Xero's 'Test Item's must be in error")
    };
    assert_eq!(test_item["action"], "none");
    // Six items are named exactly "Test Item" (codes NANGO-TEST-002…005 and two TEST-ITEM-…).
    assert_eq!(test_item["error"]["accounting_ids"].as_array().map(Vec::len), Some(6));
    assert!(
        caught
            .iter()
            .any(|r| r["monite_id"].is_null() && r["error"]["monite_ids"].as_array().is_some_and(Vec::is_empty)),
        "accounting-only repeats ('Auto Generated Item' ×5) are in error too"
    );
    assert!(rows.iter().all(|r| r["error"].is_null() || r["payload"].is_null()), "nothing in error is created");
    // Items refer to accounts by code; the adapter resolves the code to the AccountID.
    let ledger_ids: Vec<String> = out["pull"]["ledger_accounts"]
        .as_array()
        .map(|l| l.iter().filter_map(|a| a["accounting_id"].as_str().map(str::to_owned)).collect())
        .unwrap_or_default();
    for r in rows.iter().filter(|r| r["action"] == "create") {
        if let Some(l) = r["payload"]["ledger_account_id"].as_str() {
            assert!(ledger_ids.iter().any(|id| id == l), "create payload names unknown ledger account {l}");
        }
    }
}

#[test]
fn xero_contacts_that_are_supplier_and_customer_are_one_record_in_the_pool() {
    let Some(contacts) = fixture("xero-demo-nango/contacts.json") else { return };
    let out = plan(json!({
        "monite": { "counterparts": [org("m-bayside", "BAYSIDE CLUB"), org("m-rite", "Rite Agency"), org("m-new", "Brand New Customer Ltd")] },
        "accounting": { "xero": { "contacts": contacts } }
    }));
    let rows = out["pull"]["counterparts"].as_array().cloned().unwrap_or_default();
    for id in ["m-bayside", "m-rite"] {
        let row = rows.iter().find(|r| r["monite_id"] == id).cloned().unwrap_or(Value::Null);
        assert_eq!(row["status"], "matched", "{id}: {row}");
        assert_eq!(row["decided_by"], "name");
    }
    let pushes = out["push"]["counterparts"].as_array().cloned().unwrap_or_default();
    let new = pushes.iter().find(|r| r["monite_id"] == "m-new").cloned().unwrap_or(Value::Null);
    assert_eq!(new["action"], "create");
}

#[test]
fn xero_tax_rates_map_by_value_and_direction() {
    let Some(rates) = fixture("xero-openapi-examples/taxrates_get_200.json") else { return };
    let bill = |direction: Value| {
        plan(json!({
            "monite": { "counterparts": [org("c1", "Acme")], "payables": [{ "id": "b1", "status": "issued", "counterpart_id": "c1", "line_items": [
                { "id": "l1", "tax": 1500, "ledger_account_id": "acc" }
            ]}]},
            "accounting": { "xero": { "tax_rates": rates }, "counterparts": [{ "id": "a1", "name": "ACME" }], "ledger_accounts": [{ "id": "acc", "name": "Purchases", "status": "Active" }] },
            "policy": { "direction": direction }
        }))
    };
    let codes = |plan: &Value| -> Vec<String> {
        plan["push"]["bills"][0]["errors"]
            .as_array()
            .map(|e| e.iter().filter_map(|i| i["code"].as_str().map(str::to_owned)).collect())
            .unwrap_or_default()
    };
    let without = bill(Value::Null);
    assert!(codes(&without).contains(&"tax_rate_ambiguous".to_owned()), "{without}");
    let purchase = bill(json!("purchase"));
    assert_eq!(codes(&purchase), Vec::<String>::new(), "{purchase}");
    assert_eq!(purchase["push"]["bills"][0]["eligible"], true);
    assert_eq!(purchase["push"]["bills"][0]["payload"]["lines"][0]["tax_rate_ref"]["id"], "INPUT2");
}

#[test]
fn xero_duplicate_name_rule_is_reported_as_name_collision() {
    let Some(contacts) = fixture("xero-openapi-examples/contacts_get_200.json") else { return };
    let first_name = contacts["Contacts"][0]["Name"].as_str().unwrap_or_default().to_owned();
    assert!(!first_name.is_empty());
    // Two Monite records with an existing contact's name (so the cascade runs) in another country: neither
    // matches, and creating either would be rejected by Xero's unique-name rule.
    let elsewhere = |id: &str| {
        json!({
            "id": id, "organization": { "legal_name": first_name.to_uppercase() },
            "addresses": [{ "id": "ad", "country": "ZZ", "city": "Nowhere", "line1": "1", "postal_code": "0" }]
        })
    };
    let out = plan(json!({
        "monite": { "counterparts": [elsewhere("m1"), elsewhere("m2")] },
        "accounting": { "xero": { "contacts": contacts } }
    }));
    for i in 0..2 {
        assert_eq!(out["pull"]["counterparts"][i]["reason"], "no_candidate_agrees_on_country");
        assert_eq!(out["push"]["counterparts"][i]["action"], "blocked");
        assert_eq!(out["push"]["counterparts"][i]["errors"][0]["code"], "name_collision");
    }
}

#[test]
fn every_fixture_body_loads() {
    let pairs = [
        ("quickbooks_online", "customers", "qbo-sandbox-nango/customers.json"),
        ("quickbooks_online", "vendors", "qbo-sandbox-nango/vendors.json"),
        ("quickbooks_online", "items", "qbo-sandbox-nango/items.json"),
        ("quickbooks_online", "accounts", "qbo-sandbox-nango/accounts.json"),
        ("xero", "contacts", "xero-demo-nango/contacts.json"),
        ("xero", "items", "xero-demo-nango/items.json"),
        ("xero", "accounts", "xero-demo-nango/accounts.json"),
        ("xero", "contacts", "xero-openapi-examples/contacts_get_200.json"),
        ("xero", "items", "xero-openapi-examples/items_get_200.json"),
        ("xero", "accounts", "xero-openapi-examples/accounts_get_200.json"),
        ("xero", "tax_rates", "xero-openapi-examples/taxrates_get_200.json"),
    ];
    for (system, field, file) in pairs {
        let Some(body) = fixture(file) else { return };
        let input = json!({ "accounting": { system: { field: body } } });
        match PlanInput::from_value(&input) {
            Ok(parsed) => {
                let a = parsed.accounting();
                let n = a.counterparts.len() + a.products.len() + a.ledger_accounts.len() + a.tax_rates.len();
                assert!(n > 0, "{file} yielded no records");
            }
            Err(e) => panic!("{file}: {e}"),
        }
    }
}
