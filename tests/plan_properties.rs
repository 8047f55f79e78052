//! Property tests of `plan_sync`: the same records in any order give byte-identical JSON, and no JSON value
//! whatsoever makes it panic (it returns a plan or a typed error).
#![cfg(not(target_arch = "wasm32"))] // proptest is a native-only dev-dependency

use ledgerbridge::plan_sync_json;
use proptest::prelude::*;
use serde_json::{json, Value};

const NAMES: &[&str] =
    &["Acme Ltd", "ACME Limited", "Beta GmbH", "Béta GmbH", "Gamma Inc.", "Gama Inc", "Delta", "Delta B.V."];
const COUNTRIES: &[&str] = &["DE", "FR", "", "de"];
const CITIES: &[&str] = &["Berlin", "berlin", "Paris", ""];

fn address() -> impl Strategy<Value = Value> {
    (0..COUNTRIES.len(), 0..CITIES.len(), 0..3usize).prop_map(|(c, t, l)| {
        json!({ "id": format!("ad{c}{t}{l}"), "country": COUNTRIES[c], "city": CITIES[t], "line1": format!("Street {l}"), "postal_code": "1" })
    })
}

/// A synced record (SPEC §3.0) over the ids `plan_input` uses, often sharing objects and links, with ids that
/// repeat (`r0`–`r6`) and equal update times, so that every tie-break is exercised.
fn synced_record() -> impl Strategy<Value = Value> {
    const TYPES: &[(&str, &str)] =
        &[("customer", "m"), ("vendor", "m"), ("product", "p"), ("bill", "b"), ("receivable", "b"), ("bank_feed", "m")];
    const TARGETS: &[&str] = &["a0", "a1", "a2", "ap0", "ap1", "", "gone"];
    const TIMES: &[&str] = &["2025-01-01T00:00:00Z", "2025-01-01T00:00:00.5Z", "2025-02-01"];
    (0..TYPES.len(), 0..6usize, 0..3usize, 0..TARGETS.len(), prop::option::of(0..TIMES.len())).prop_map(
        |(t, object, status, target, time)| {
            let (object_type, prefix) = TYPES[t];
            json!({
                "object_id": format!("{prefix}{object}"),
                "object_type": object_type,
                "sync_status": (["pending", "error", "done"][status]),
                "platform_object_id": TARGETS[target],
                "updated_at": time.map(|i| TIMES[i]),
                "errors": if status == 1 { json!({ "message": format!("failed {object}") }) } else { json!({}) }
            })
        },
    )
}

/// A small input whose names, addresses and references collide often, so every rule fires.
fn plan_input() -> impl Strategy<Value = Value> {
    let monite_cp = prop::collection::vec((0..NAMES.len(), prop::option::of(address())), 0..8);
    let accounting_cp = prop::collection::vec((0..NAMES.len(), prop::option::of(address()), any::<bool>()), 0..8);
    let products = prop::collection::vec(0..NAMES.len(), 0..6);
    let acc_products = prop::collection::vec(0..NAMES.len(), 0..6);
    let bills = prop::collection::vec((0..4usize, 0..3usize, 0..3usize, 0..3usize), 0..6);
    let synced = prop::collection::vec(synced_record(), 0..10);
    (monite_cp, accounting_cp, products, acc_products, bills, synced).prop_map(|(mc, ac, mp, ap, bills, synced)| {
        let counterparts: Vec<Value> = mc
            .iter()
            .enumerate()
            .map(|(i, (n, a))| {
                let addresses: Vec<Value> = a.iter().cloned().collect();
                json!({ "id": format!("m{i}"), "organization": { "legal_name": NAMES[*n] }, "addresses": addresses })
            })
            .collect();
        let acc: Vec<Value> = ac
            .iter()
            .enumerate()
            .map(|(i, (n, a, vendor))| {
                json!({ "id": format!("a{i}"), "name": NAMES[*n], "kind": if *vendor { "vendor" } else { "customer" }, "address": a })
            })
            .collect();
        let payables: Vec<Value> = bills
            .iter()
            .enumerate()
            .map(|(i, (status, cp, ledger, tax))| {
                let lines: Vec<Value> = (0..*tax)
                    .map(|l| json!({ "id": format!("l{l}"), "ledger_account_id": format!("la{ledger}"), "tax": ([0, 1900, 700][l % 3]) }))
                    .collect();
                json!({ "id": format!("b{i}"), "status": (["issued", "draft", "canceled", "paid"][*status]),
                        "counterpart_id": format!("m{cp}"), "issued_at": format!("2024-06-0{}", 1 + i % 9), "line_items": lines })
            })
            .collect();
        json!({
            "monite": {
                "counterparts": counterparts,
                "products": mp.iter().enumerate().map(|(i, n)| json!({ "id": format!("p{i}"), "name": NAMES[*n] })).collect::<Vec<_>>(),
                "payables": payables,
                "connection": { "id": "c", "created_at": "2024-06-05T10:00:00Z" },
                "synced_records": synced.iter().enumerate().map(|(i, r)| {
                    let mut r = r.clone();
                    r["id"] = json!(format!("r{}", i % 7));
                    r
                }).collect::<Vec<_>>()
            },
            "accounting": {
                "counterparts": acc,
                "products": ap.iter().enumerate().map(|(i, n)| json!({ "id": format!("ap{i}"), "name": NAMES[*n] })).collect::<Vec<_>>(),
                "tax_rates": [{ "id": "t19", "effective_tax_rate": 1900 }, { "id": "t7a", "effective_tax_rate": 700 }, { "id": "t7b", "effective_tax_rate": 700 }],
                "ledger_accounts": [{ "id": "la0", "name": "Expenses", "status": "Active" }, { "id": "la1", "name": "Old", "status": "Archived" }]
            }
        })
    })
}

/// Reverses, rotates or swaps every collection of the input (`monite.*`, `accounting.*`) according to
/// `seed`. Arrays inside a record (line items, addresses) keep their order: it is part of the record.
fn reorder(input: &mut Value, seed: u64) {
    for side in ["monite", "accounting"] {
        let Some(collections) = input.get_mut(side).and_then(Value::as_object_mut) else { continue };
        for (i, (_, items)) in collections.iter_mut().enumerate() {
            let Some(items) = items.as_array_mut() else { continue };
            if items.is_empty() {
                continue;
            }
            let s = seed.wrapping_add(i as u64 * 7);
            match s % 3 {
                0 => items.reverse(),
                1 => {
                    let by = (s as usize / 3) % items.len();
                    items.rotate_left(by);
                }
                _ => {
                    let last = items.len() - 1;
                    items.swap(0, last);
                }
            }
        }
    }
}

/// Any JSON value, nested a few levels.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| json!(f)),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("monite".to_owned()),
                    Just("accounting".to_owned()),
                    Just("counterparts".to_owned()),
                    Just("payables".to_owned()),
                    Just("line_items".to_owned()),
                    Just("id".to_owned()),
                    Just("name".to_owned()),
                    Just("status".to_owned()),
                    "[a-z_]{1,8}".prop_map(String::from)
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn same_records_in_any_order_give_byte_identical_plans(input in plan_input(), seed in any::<u64>()) {
        let original = plan_sync_json(&input.to_string());
        prop_assert!(original.is_ok(), "generated input rejected: {:?}", original);
        let mut shuffled = input.clone();
        reorder(&mut shuffled, seed);
        let again = plan_sync_json(&shuffled.to_string());
        prop_assert_eq!(original, again);
    }

    #[test]
    fn arbitrary_json_never_panics(value in any_json()) {
        let _ = plan_sync_json(&value.to_string());
        let wrapped = json!({ "monite": value.clone(), "accounting": value });
        let _ = plan_sync_json(&wrapped.to_string());
    }

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,64}") {
        let _ = plan_sync_json(&text);
    }
}
