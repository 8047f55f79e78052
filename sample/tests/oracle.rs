//! The sample generator as an oracle: plan the demo sample and two scaled samples, and check every
//! record's manifest expectation (the outcome SPEC §3–§4 prescribes) against the plan. All mismatches are
//! collected, grouped by (section, case, what differed) and reported at once.

// The test fails with one readable report of every mismatch.
#![allow(clippy::panic)]

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::time::Instant;

use ledgerbridge::{plan_sync, PlanInput};
use ledgerbridge_sample::{generate_with_manifest, Expected, Manifest, SampleSpec};
use serde_json::Value;

/// Pull reasons of SPEC §3.1; every other counterpart code in a manifest entry is a push code (§4).
const PULL_REASONS: &[&str] = &[
    "no_candidate_with_this_name",
    "no_candidate_agrees_on_country",
    "no_candidate_agrees_on_city",
    "no_candidate_agrees_on_address",
    "ambiguous",
    "duplicate_match",
];

const PUSH_SECTIONS: &[&str] = &["bills", "invoices", "credit_notes", "payment_records"];

/// One way a record's plan differs from its manifest entry.
struct Mismatch {
    section: &'static str,
    case: &'static str,
    what: String,
    example: String,
}

#[derive(Default)]
struct Oracle {
    checked: usize,
    mismatches: Vec<Mismatch>,
    /// `near_miss` counterparts seen, and those without a suggestion.
    near_miss: (usize, usize),
}

impl Oracle {
    fn differ(&mut self, e: &Expected, what: impl Into<String>, detail: impl std::fmt::Display) {
        self.mismatches.push(Mismatch {
            section: e.section,
            case: e.case,
            what: what.into(),
            example: format!("{} ({detail})", e.id),
        });
    }
}

fn s(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_owned)
}

fn arr<'a>(v: &'a Value, pointer: &str) -> &'a [Value] {
    v.pointer(pointer).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

/// `code`s of an issue list.
fn codes(v: &Value, key: &str) -> Vec<String> {
    arr(v, &format!("/{key}")).iter().filter_map(|i| s(i, "code")).collect()
}

fn by_monite_id<'a>(plan: &'a Value, pointer: &str) -> HashMap<String, &'a Value> {
    arr(plan, pointer).iter().filter_map(|r| Some((s(r, "monite_id")?, r))).collect()
}

fn opt(v: Option<&str>) -> &str {
    v.unwrap_or("null")
}

/// The expectation in the plan's words: outcome, decided_by, push action, codes.
struct Want {
    outcome: String,
    decided_by: Option<String>,
    push_action: Option<String>,
    codes: Vec<&'static str>,
}

fn want(e: &Expected) -> Want {
    Want {
        outcome: e.outcome_name(),
        decided_by: e.decided_by_name(),
        push_action: e.push_action_name(),
        codes: e.code_names(),
    }
}

fn check_counterpart(o: &mut Oracle, e: &Expected, pull: Option<&Value>, push: Option<&Value>) {
    let Some(pull) = pull else {
        o.differ(e, "missing from pull.counterparts", "-");
        return;
    };
    let w = want(e);
    let status = s(pull, "status");
    if status.as_deref() != Some(w.outcome.as_str()) {
        o.differ(e, format!("status {} (want {})", opt(status.as_deref()), w.outcome), "-");
    }
    let decided_by = s(pull, "decided_by");
    if decided_by != w.decided_by {
        o.differ(e, format!("decided_by {} (want {})", opt(decided_by.as_deref()), opt(w.decided_by.as_deref())), "-");
    }
    let accounting_id = s(pull, "accounting_id");
    if accounting_id != e.accounting_id {
        o.differ(
            e,
            "accounting_id differs",
            format!("got {}, want {}", opt(accounting_id.as_deref()), opt(e.accounting_id.as_deref())),
        );
    }
    let reason = s(pull, "reason");
    match (&reason, w.codes.is_empty()) {
        (Some(r), true) => o.differ(e, format!("reason {r} (want none)"), "-"),
        (Some(r), false) if !w.codes.contains(&r.as_str()) => {
            o.differ(e, format!("reason {r} not among {:?}", w.codes), "-");
        }
        (None, false) => o.differ(e, format!("no reason (want one of {:?})", w.codes), "-"),
        _ => {}
    }
    if e.case == "near_miss" {
        o.near_miss.0 += 1;
        if arr(pull, "/suggestions").is_empty() {
            o.near_miss.1 += 1;
            o.differ(e, "no suggestion (SPEC §3.1 rule 4)", "-");
        }
    }

    let Some(push) = push else {
        o.differ(e, "missing from push.counterparts", "-");
        return;
    };
    let action = s(push, "action");
    if action != w.push_action {
        o.differ(e, format!("push action {} (want {})", opt(action.as_deref()), opt(w.push_action.as_deref())), "-");
    }
    let push_codes = codes(push, "errors");
    // The push must carry every non-pull code, and an ambiguous counterpart is blocked with its reason.
    let mut wanted: Vec<&str> = w.codes.iter().copied().filter(|c| !PULL_REASONS.contains(c)).collect();
    if w.outcome == "ambiguous" {
        wanted.extend(w.codes.iter().copied().filter(|c| PULL_REASONS.contains(c)));
    }
    for code in wanted {
        if !push_codes.iter().any(|c| c == code) {
            o.differ(e, format!("push lacks {code}"), format!("push codes {push_codes:?}"));
        }
    }
    // Every manifest code is carried somewhere (pull reason or push error).
    for code in &w.codes {
        if reason.as_deref() != Some(*code) && !push_codes.iter().any(|c| c == code) {
            o.differ(
                e,
                format!("{code} carried nowhere"),
                format!("reason {}, push {push_codes:?}", opt(reason.as_deref())),
            );
        }
    }
    if w.push_action.as_deref() != Some("blocked") && !push_codes.is_empty() {
        o.differ(e, "push errors on a non-blocked counterpart", format!("{push_codes:?}"));
    }
}

fn check_product(o: &mut Oracle, e: &Expected, row: Option<&Value>) {
    let Some(row) = row else {
        o.differ(e, "missing from pull.products", "-");
        return;
    };
    let w = want(e);
    let action = s(row, "action");
    if action.as_deref() != Some(w.outcome.as_str()) {
        o.differ(e, format!("action {} (want {})", opt(action.as_deref()), w.outcome), "-");
    }
    if w.outcome == "match" && s(row, "accounting_id") != e.accounting_id {
        o.differ(
            e,
            "accounting_id differs",
            format!("got {}, want {}", opt(s(row, "accounting_id").as_deref()), opt(e.accounting_id.as_deref())),
        );
    }
    let error = row.get("error").and_then(|v| s(v, "code"));
    let want_multiple = w.codes.contains(&"multiple_matches");
    match (error.as_deref(), want_multiple) {
        (Some("multiple_matches"), true) | (None, false) => {}
        (got, true) => o.differ(e, format!("error {} (want multiple_matches)", opt(got)), "-"),
        (Some(got), false) => o.differ(e, format!("error {got} (want none)"), "-"),
    }
    if want_multiple {
        let listed = row.get("error").is_some_and(|err| {
            arr(err, "/monite_ids").iter().chain(arr(err, "/accounting_ids")).any(|v| v.as_str() == Some(&e.id))
        });
        if !listed {
            o.differ(e, "multiple_matches error does not list the record", "-");
        }
    }
}

fn check_push(o: &mut Oracle, e: &Expected, row: Option<&Value>) {
    let Some(row) = row else {
        o.differ(e, format!("missing from push.{}", e.section), "-");
        return;
    };
    let eligible = row.get("eligible").and_then(Value::as_bool);
    let errors = codes(row, "errors");
    let w = want(e);
    let eligible_wanted = w.outcome == "eligible";
    if eligible != Some(eligible_wanted) {
        o.differ(e, format!("eligible {eligible:?} (want {eligible_wanted})"), format!("errors {errors:?}"));
    }
    let warnings = codes(row, "warnings");
    for code in &w.codes {
        if errors.iter().any(|c| c == code) {
            continue;
        }
        let what =
            if warnings.iter().any(|c| c == code) { format!("{code} only a warning") } else { format!("lacks {code}") };
        o.differ(e, what, format!("errors {errors:?}"));
    }
}

fn check(plan: &Value, manifest: &Manifest) -> Oracle {
    let mut o = Oracle::default();
    let pull_cp = by_monite_id(plan, "/pull/counterparts");
    let push_cp = by_monite_id(plan, "/push/counterparts");
    let mut products_m: HashMap<String, &Value> = HashMap::new();
    let mut products_a: HashMap<String, &Value> = HashMap::new();
    for row in arr(plan, "/pull/products") {
        match (s(row, "monite_id"), s(row, "accounting_id")) {
            (Some(m), _) => {
                products_m.insert(m, row);
            }
            (None, Some(a)) => {
                products_a.insert(a, row);
            }
            (None, None) => {}
        }
    }
    let push: HashMap<&str, HashMap<String, &Value>> =
        PUSH_SECTIONS.iter().map(|sec| (*sec, by_monite_id(plan, &format!("/push/{sec}")))).collect();

    for e in &manifest.records {
        o.checked += 1;
        match e.section {
            "counterparts" => check_counterpart(&mut o, e, pull_cp.get(&e.id).copied(), push_cp.get(&e.id).copied()),
            "products" => {
                let row = products_m.get(&e.id).or_else(|| products_a.get(&e.id)).copied();
                check_product(&mut o, e, row);
            }
            sec => {
                let row = push.get(sec).and_then(|rows| rows.get(&e.id)).copied();
                check_push(&mut o, e, row);
            }
        }
    }

    // Plan rows the manifest does not know.
    let known: BTreeSet<(&str, &str)> = manifest.records.iter().map(|e| (e.section, e.id.as_str())).collect();
    let mut extra = |section: &'static str, ids: Vec<String>| {
        for id in ids {
            if !known.contains(&(section, id.as_str())) {
                o.mismatches.push(Mismatch {
                    section,
                    case: "-",
                    what: "plan row not in manifest".into(),
                    example: id,
                });
            }
        }
    };
    extra("counterparts", pull_cp.keys().cloned().collect());
    let product_ids = products_m.keys().chain(products_a.keys()).cloned().collect();
    extra("products", product_ids);
    for sec in PUSH_SECTIONS {
        extra(sec, push.get(sec).map(|rows| rows.keys().cloned().collect()).unwrap_or_default());
    }
    o
}

#[test]
fn every_sample_record_gets_the_outcome_its_manifest_names() {
    let samples = [
        ("demo", SampleSpec::demo()),
        ("seed 7 × 3000", SampleSpec::scaled(7, 3_000)),
        ("seed 11 × 20000", SampleSpec::scaled(11, 20_000)),
    ];
    let mut report = String::new();
    for (label, spec) in samples {
        let started = Instant::now();
        let (input, manifest) = generate_with_manifest(&spec);
        let plan = match PlanInput::from_value(&input) {
            Ok(parsed) => serde_json::to_value(plan_sync(&parsed)).unwrap_or(Value::Null),
            Err(err) => panic!("{label}: the sample is not a valid PlanInput: {err}"),
        };
        let mut o = check(&plan, &manifest);
        o.mismatches.sort_by(|a, b| a.example.cmp(&b.example));
        let (near, unsuggested) = o.near_miss;
        eprintln!(
            "sample_oracle {label}: {} records checked, {} mismatches; near_miss without suggestion {unsuggested}/{near} ({:.1?})",
            o.checked,
            o.mismatches.len(),
            started.elapsed()
        );
        if o.mismatches.is_empty() {
            continue;
        }
        let mut groups: BTreeMap<(&str, &str, &str), (usize, Vec<&str>)> = BTreeMap::new();
        for m in &o.mismatches {
            let g = groups.entry((m.section, m.case, m.what.as_str())).or_default();
            g.0 += 1;
            if g.1.len() < 3 {
                g.1.push(m.example.as_str());
            }
        }
        let _ = writeln!(report, "\n== {label}: {} mismatches of {} records ==", o.mismatches.len(), o.checked);
        if near > 0 && unsuggested > 0 {
            let rate = 100.0 * unsuggested as f64 / near as f64;
            let _ = writeln!(report, "   near_miss without suggestion: {unsuggested}/{near} ({rate:.1}%)");
        }
        for ((section, case, what), (count, examples)) in groups {
            let _ = writeln!(report, "  {section} / {case} / {what}: {count}");
            for example in examples {
                let _ = writeln!(report, "      e.g. {example}");
            }
        }
    }
    assert!(report.is_empty(), "plans differ from the sample manifests:{report}");
}
