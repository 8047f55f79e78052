//! Bounded cost (README "Bounded cost"): for every entry point's adversarial input, doubling the input at
//! most doubles the engine's work and its output — and where the README says "constant", doubling changes
//! nothing. Work is counted (`ledgerbridge::work`, feature `work-counters`), never timed: the machines
//! that run the tests are shared and noisy.
#![cfg(feature = "work-counters")]
#![allow(clippy::panic)] // a test fails by panicking

use ledgerbridge::work::{self, Kind};
use serde_json::{json, Value};

/// Counters are process-wide: the tests of this file run one at a time.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Work and output bytes of one plan.
#[derive(Debug, Clone, Copy)]
struct Cost {
    similarity: u64,
    key_chars: u64,
    cascade: u64,
    tax_rates: u64,
    output: u64,
}

fn cost(input: &Value) -> Cost {
    work::reset();
    let text = input.to_string();
    let out = ledgerbridge::plan_sync_json(&text).unwrap_or_else(|e| panic!("does not plan: {e}"));
    Cost {
        similarity: work::read(Kind::Similarity),
        key_chars: work::read(Kind::KeyChars),
        cascade: work::read(Kind::Cascade),
        tax_rates: work::read(Kind::TaxRates),
        output: out.len() as u64,
    }
}

/// `b / a`, where 0 / 0 counts as 1 (nothing, twice).
fn ratio(a: u64, b: u64) -> f64 {
    if a == 0 && b == 0 {
        1.0
    } else {
        b as f64 / a.max(1) as f64
    }
}

/// Plans `make(n)` and `make(2n)` and checks each measure's growth against its bound: `linear` (≤ 2.1, a
/// little above 2 for fixed overheads) or `constant` (≤ 1.01).
fn doubling(name: &str, n: usize, make: impl Fn(usize) -> Value, checks: &[(&str, Growth)]) {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let (a, b) = (cost(&make(n)), cost(&make(2 * n)));
    let pick = |c: &Cost, m: &str| match m {
        "similarity" => c.similarity,
        "key_chars" => c.key_chars,
        "cascade" => c.cascade,
        "tax_rates" => c.tax_rates,
        "output" => c.output,
        other => panic!("no measure {other}"),
    };
    eprintln!("{name}: n={n} {a:?}\n{name}: n={} {b:?}", 2 * n);
    for (measure, growth) in checks {
        let r = ratio(pick(&a, measure), pick(&b, measure));
        let bound = match growth {
            Growth::Linear => 2.1,
            Growth::Constant => 1.01,
        };
        assert!(r <= bound, "{name}: {measure} grew {r:.3}× when the input doubled (bound {bound}): {a:?} → {b:?}");
    }
}

#[derive(Debug, Clone, Copy)]
enum Growth {
    Linear,
    Constant,
}
use Growth::{Constant, Linear};

fn counterpart(id: String, name: &str, country: Option<&str>) -> Value {
    let addresses: Vec<Value> =
        country.map(|c| json!({ "country": c, "city": "Berlin", "line1": "Hauptstr. 1" })).into_iter().collect();
    json!({ "id": id, "organization": { "legal_name": name }, "addresses": addresses })
}

#[test]
fn one_name_shared_by_n_monite_counterparts_and_one_accounting_record() {
    doubling(
        "n Monite × 1 accounting, one name",
        1_000,
        |n| {
            let monite: Vec<Value> =
                (0..n).map(|i| counterpart(format!("m{i:06}"), "Walk-in Customer", None)).collect();
            json!({ "monite": { "counterparts": monite }, "accounting": { "counterparts": [{ "id": "a1", "name": "Walk-in Customer" }] } })
        },
        &[("cascade", Linear), ("output", Linear), ("key_chars", Linear)],
    );
}

#[test]
fn one_name_and_address_shared_by_n_records_on_each_side() {
    doubling(
        "n Monite × n accounting, one name and address",
        1_000,
        |n| {
            let monite: Vec<Value> =
                (0..n).map(|i| counterpart(format!("m{i:06}"), "Harbor Freight", Some("DE"))).collect();
            let accounting: Vec<Value> = (0..n)
                .map(|i| json!({ "id": format!("a{i:06}"), "name": "Harbor Freight", "address": { "country": "DE", "city": "Berlin", "line1": "Hauptstr. 1" } }))
                .collect();
            json!({ "monite": { "counterparts": monite }, "accounting": { "counterparts": accounting } })
        },
        &[("cascade", Linear), ("output", Linear)],
    );
}

#[test]
fn two_similar_long_names() {
    doubling(
        "two similar names of n characters",
        40_000,
        |n| {
            let base: String = "abcdefghij".chars().cycle().take(n).collect();
            let other = format!("{}x", &base[..n - 1]);
            json!({
                "monite": { "counterparts": [counterpart("m1".into(), &base, None)] },
                "accounting": { "counterparts": [{ "id": "a1", "name": other }] }
            })
        },
        // The output holds the name (the create payload): linear in it; the comparisons are not.
        &[("similarity", Constant), ("key_chars", Linear), ("output", Linear)],
    );
}

#[test]
fn names_with_many_tokens() {
    doubling(
        "two names of n tokens",
        2_000,
        |n| {
            let words: Vec<String> = (0..n).map(|i| format!("w{i:06}")).collect();
            let name = words.join(" ");
            json!({
                "monite": { "counterparts": [counterpart("m1".into(), &format!("{name} x"), None)] },
                "accounting": { "counterparts": [{ "id": "a1", "name": format!("{name} y") }] }
            })
        },
        &[("similarity", Constant), ("key_chars", Linear)],
    );
}

#[test]
fn unmatched_names_sharing_one_loose_key_with_many_accounting_records() {
    doubling(
        "n unmatched × n accounting of one loose key",
        1_000,
        |n| {
            let monite: Vec<Value> = (0..n).map(|i| counterpart(format!("m{i:06}"), "Acme Widgets", None)).collect();
            let accounting: Vec<Value> =
                (0..n).map(|i| json!({ "id": format!("a{i:06}"), "name": "Widgets, Acme Inc." })).collect();
            json!({ "monite": { "counterparts": monite }, "accounting": { "counterparts": accounting } })
        },
        &[("similarity", Linear), ("output", Linear)],
    );
}

#[test]
fn one_product_name_shared_by_n_records_on_each_side() {
    doubling(
        "n + n products of one name",
        1_000,
        |n| {
            let monite: Vec<Value> =
                (0..n).map(|i| json!({ "id": format!("p{i:06}"), "name": "Service fee" })).collect();
            let accounting: Vec<Value> =
                (0..n).map(|i| json!({ "id": format!("ap{i:06}"), "name": "Service fee" })).collect();
            json!({ "monite": { "products": monite }, "accounting": { "products": accounting } })
        },
        &[("output", Linear), ("key_chars", Linear)],
    );
}

#[test]
fn a_bill_of_n_lines_against_n_rates_of_one_value() {
    doubling(
        "a bill of n lines, n rates of one value",
        500,
        |n| {
            let lines: Vec<Value> = (0..n).map(|_| json!({ "ledger_account_id": "la1", "tax": 1900 })).collect();
            let rates: Vec<Value> =
                (0..n).map(|i| json!({ "id": format!("t{i:05}"), "effective_tax_rate": 1900 })).collect();
            json!({
                "monite": { "payables": [{ "id": "b1", "status": "issued", "line_items": lines }] },
                "accounting": { "tax_rates": rates, "ledger_accounts": [{ "id": "la1", "name": "Costs" }] }
            })
        },
        &[("tax_rates", Linear), ("output", Linear)],
    );
}

#[test]
fn n_synced_records_on_one_object_and_one_link() {
    doubling(
        "n synced records, one object, one link",
        1_000,
        |n| {
            let records: Vec<Value> = (0..n)
                .map(|i| json!({ "id": format!("r{i:06}"), "object_id": format!("m{}", i % 2), "object_type": "customer", "sync_status": "done", "platform_object_id": "a1" }))
                .chain((0..n).map(|i| json!({ "id": format!("x{i:06}"), "object_id": format!("o{i:06}"), "object_type": "customer", "sync_status": "done", "platform_object_id": "a1" })))
                .collect();
            let monite: Vec<Value> = (0..n).map(|i| counterpart(format!("o{i:06}"), "Linked Name", None)).collect();
            json!({ "monite": { "counterparts": monite, "synced_records": records }, "accounting": { "counterparts": [{ "id": "a1", "name": "Linked Name" }] } })
        },
        &[("output", Linear)],
    );
}

#[test]
fn a_name_of_n_characters_that_expand_under_nfkc() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let key_len = |n: usize| {
        work::reset();
        let key = ledgerbridge::loose_key(&"\u{FDFA}".repeat(n));
        (key.len() as u64, work::read(Kind::KeyChars))
    };
    let (a, b) = (key_len(20_000), key_len(40_000));
    assert!(ratio(a.0, b.0) <= 2.01 && ratio(a.1, b.1) <= 2.01, "key length / key work: {a:?} → {b:?}");
}
