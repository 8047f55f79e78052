//! The rule cases of `tests/cases/*.json` (SPEC §3, §4, §8): their format, how they are checked against
//! `ledgerbridge::plan_sync_json`, and the failure report. Shared by the native suite (`tests/rules.rs`, which
//! reads the files) and the WebAssembly suite (`tests/wasm_rules.rs`, which embeds them): nothing here touches
//! the file system, so it builds for wasm32 too. Nothing here panics either: problems come back as text.
//!
//! Each file is an array of cases. A case either plans an input and checks expectations on the plan:
//!
//! ```json
//! { "name": "…", "input": { PlanInput }, "expect": [ … ] }
//! ```
//!
//! or feeds bad input and checks the error (`input_text` is raw JSON text, used as is):
//!
//! ```json
//! { "name": "…", "input_text": "{…", "error": { "path": "…", "kind": "invalid_type", "message_contains": "…" } }
//! ```
//!
//! An expectation names its target with one of
//! - `"pointer": "/pull/counterparts/0/status"` — a JSON Pointer into the serialized plan;
//! - `"in": "/pull/products", "where": { "accounting_id": "ap1" }` (+ optional relative `"pointer"`) — the one
//!   element of an array whose fields equal `where` (for lists whose order the SPEC does not fix);
//! - `"codes_at": "/push/bills/0/errors"` — the sorted `code` fields of an array of issues;
//! - `"issues_at": "/push/bills/0/errors"` — the sorted `"code@path"` strings of an array of issues (with `in` +
//!   `where`, relative to the element found: `"in": "/pull/products", "where": {…}, "issues_at": "/warnings"`);
//!
//! and checks it with one of `"equals": <json>`, `"contains": <json>` (an array holding the element — for
//! `codes_at` / `issues_at`, every element of the given array — or a string holding the substring),
//! `"absent": true` (or `false`: the value must exist), `"len": n`, `"min_len": n`,
//! `"approx": x` (numbers within 1e-4), or `"excludes_text": "…"` (the serialized value does not hold the text).
//!
//! A case marked `"known_failure": "<why>"` documents a suspected engine bug: its failures are reported but
//! do not fail the run; if it starts passing, the run fails so the marker gets removed.
//!
//! Every failure of every case is collected and reported at once.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

/// The error codes of SPEC §8; each must be produced by some case and asserted by some expectation.
pub const CONTRACT_CODES: &[&str] = &[
    "no_candidate_with_this_name",
    "no_candidate_agrees_on_country",
    "no_candidate_agrees_on_city",
    "no_candidate_agrees_on_address",
    "ambiguous",
    "duplicate_match",
    "multiple_matches",
    "tax_rate_not_found",
    "tax_rate_ambiguous",
    "ledger_account_missing",
    "ledger_account_unknown",
    "line_items_missing",
    "status_not_pushable",
    "predates_connection",
    "counterpart_not_matched",
    "payments_ledger_account_missing",
    "not_a_receivable_payment",
    "name_collision",
    "deductions_tax_missing",
    // SPEC §3.0: re-sync previews (synced records), and their warnings.
    "duplicate_link",
    "linked_record_missing",
    "already_pushed",
    "push_in_progress",
    "name_drift",
    "country_drift",
    "last_push_failed",
];

/// Top-level collections whose order must not matter (SPEC §5: "the same records in any order"). Nested
/// lists (addresses, line items) are left alone: their order carries meaning (first address, line paths).
const COLLECTIONS: &[&str] = &[
    "/monite/counterparts",
    "/monite/products",
    "/monite/payables",
    "/monite/receivables",
    "/monite/payment_records",
    "/accounting/counterparts",
    "/accounting/products",
    "/accounting/tax_rates",
    "/accounting/ledger_accounts",
    "/monite/synced_records",
];

const EXPECTATION_KEYS: &[&str] = &[
    "pointer",
    "in",
    "where",
    "codes_at",
    "issues_at",
    "equals",
    "contains",
    "absent",
    "len",
    "min_len",
    "approx",
    "excludes_text",
    "note",
];
const CASE_KEYS: &[&str] = &["name", "note", "input", "input_text", "expect", "error", "known_failure"];

/// One case: the file it came from, its position there, and its JSON object.
pub struct Case {
    file: String,
    index: usize,
    raw: Map<String, Value>,
}

impl Case {
    /// `file #index "name"`, the prefix of every failure about this case.
    pub fn name(&self) -> String {
        let name = self.raw.get("name").and_then(Value::as_str).unwrap_or("<unnamed>");
        format!("{} #{} \"{}\"", self.file, self.index, name)
    }

    fn known_failure(&self) -> Option<&str> {
        self.raw.get("known_failure").and_then(Value::as_str)
    }

    /// The input text: `input_text` as is, or `input` serialized.
    fn input_text(&self) -> Result<String, String> {
        match (self.raw.get("input_text"), self.raw.get("input")) {
            (Some(Value::String(text)), None) => Ok(text.clone()),
            (None, Some(value)) => serde_json::to_string(value).map_err(|e| e.to_string()),
            _ => Err("a case needs exactly one of `input` (JSON) or `input_text` (string)".to_owned()),
        }
    }
}

/// Every case of the given case files, in the order given (callers pass them in file-name order). Each file is
/// `(file name, its text or why it could not be read)`; `origin` names where they came from, for the report when
/// there are none. Problems with the files are failures, not panics.
pub fn parse_cases<'a, I>(files: I, origin: &str, failures: &mut Vec<String>) -> Vec<Case>
where
    I: IntoIterator<Item = (&'a str, Result<&'a str, String>)>,
{
    let mut cases = Vec::new();
    for (file, text) in files {
        let parsed = text.and_then(|text| serde_json::from_str::<Value>(text).map_err(|e| e.to_string()));
        let list = match parsed {
            Ok(Value::Array(list)) => list,
            Ok(_) => {
                failures.push(format!("{file}: expected an array of cases"));
                continue;
            }
            Err(e) => {
                failures.push(format!("{file}: {e}"));
                continue;
            }
        };
        for (index, value) in list.into_iter().enumerate() {
            match value {
                Value::Object(raw) => {
                    let case = Case { file: file.to_owned(), index, raw };
                    for key in case.raw.keys().filter(|k| !CASE_KEYS.contains(&k.as_str())) {
                        failures.push(format!("{}: unknown case field `{key}`", case.name()));
                    }
                    cases.push(case);
                }
                _ => failures.push(format!("{file} #{index}: a case must be an object")),
            }
        }
    }
    if cases.is_empty() {
        failures.push(format!("no cases found in {origin}"));
    }
    cases
}

fn show(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "<unprintable>".to_owned())
}

/// Resolves an expectation's target to a value (or `None` when the pointer leads nowhere).
fn target<'a>(plan: &'a Value, exp: &Map<String, Value>) -> Result<(String, Option<Value>), String> {
    let text = |key: &str| exp.get(key).and_then(Value::as_str);
    if let Some(array_ptr) = text("in") {
        let Some(Value::Object(wanted)) = exp.get("where") else {
            return Err("`in` needs a `where` object".to_owned());
        };
        let rel = text("pointer").unwrap_or("");
        let label = format!("{array_ptr}[{}]{rel}", show(&Value::Object(wanted.clone())));
        let Some(Value::Array(items)) = plan.pointer(array_ptr) else {
            return Err(format!("{array_ptr} is not an array in the plan"));
        };
        let hits: Vec<&'a Value> =
            items.iter().filter(|item| wanted.iter().all(|(k, v)| item.get(k) == Some(v))).collect();
        let relative_issues = text("issues_at").map(|p| (p, true)).or_else(|| text("codes_at").map(|p| (p, false)));
        return match hits.as_slice() {
            [only] => match relative_issues {
                Some((ptr, with_path)) => {
                    Ok((format!("{label} issues at {ptr}"), issue_strings(only.pointer(ptr), with_path)))
                }
                None => Ok((label, only.pointer(rel).cloned())),
            },
            other => Err(format!("{label}: expected exactly one element to fit `where`, found {}", other.len())),
        };
    }
    if let Some(ptr) = text("codes_at") {
        return Ok((format!("codes at {ptr}"), issue_strings(plan.pointer(ptr), false)));
    }
    if let Some(ptr) = text("issues_at") {
        return Ok((format!("issues at {ptr}"), issue_strings(plan.pointer(ptr), true)));
    }
    if let Some(ptr) = text("pointer") {
        return Ok((ptr.to_owned(), plan.pointer(ptr).cloned()));
    }
    Err("an expectation needs `pointer`, `in` + `where`, `codes_at` or `issues_at`".to_owned())
}

/// The sorted `code` (or `code@path`) strings of an array of issues.
fn issue_strings(value: Option<&Value>, with_path: bool) -> Option<Value> {
    let items = value?.as_array()?;
    let mut out: Vec<String> = items
        .iter()
        .map(|issue| {
            let code = issue.get("code").and_then(Value::as_str).unwrap_or("<no code>");
            match (with_path, issue.get("path").and_then(Value::as_str)) {
                (true, Some(path)) => format!("{code}@{path}"),
                (true, None) => format!("{code}@<no path>"),
                (false, _) => code.to_owned(),
            }
        })
        .collect();
    out.sort();
    Some(Value::Array(out.into_iter().map(Value::String).collect()))
}

fn sorted_if_list(value: &Value, sort: bool) -> Value {
    match (value, sort) {
        (Value::Array(items), true) => {
            let mut items = items.clone();
            items.sort_by_key(show);
            Value::Array(items)
        }
        _ => value.clone(),
    }
}

/// Checks one expectation; `Err` holds the failure text (without the case name).
fn check(plan: &Value, exp: &Map<String, Value>) -> Result<(), String> {
    if let Some(key) = exp.keys().find(|k| !EXPECTATION_KEYS.contains(&k.as_str())) {
        return Err(format!("unknown expectation field `{key}`"));
    }
    let (label, actual) = target(plan, exp)?;
    let is_issue_list = exp.contains_key("codes_at") || exp.contains_key("issues_at");
    let mut checked = false;
    if let Some(absent) = exp.get("absent").and_then(Value::as_bool) {
        checked = true;
        match (&actual, absent) {
            (Some(v), true) => return Err(format!("{label}: expected no value, found {}", show(v))),
            (None, false) => return Err(format!("{label}: expected a value, found none")),
            _ => {}
        }
    }
    let present =
        |what: &str| actual.clone().ok_or_else(|| format!("{label}: no such value in the plan (expected {what})"));
    if let Some(expected) = exp.get("equals") {
        checked = true;
        let got = present(&show(expected))?;
        if sorted_if_list(&got, is_issue_list) != sorted_if_list(expected, is_issue_list) {
            return Err(format!("{label}: expected {}, got {}", show(expected), show(&got)));
        }
    }
    if let Some(needle) = exp.get("contains") {
        checked = true;
        let got = present(&format!("something containing {}", show(needle)))?;
        let ok = match (&got, needle) {
            (Value::String(hay), Value::String(n)) => hay.contains(n.as_str()),
            (Value::Array(items), Value::Array(all)) if is_issue_list => all.iter().all(|n| items.contains(n)),
            (Value::Array(items), n) => items.contains(n),
            _ => false,
        };
        if !ok {
            return Err(format!("{label}: expected it to contain {}, got {}", show(needle), show(&got)));
        }
    }
    if let Some(n) = exp.get("len").and_then(Value::as_u64) {
        checked = true;
        let got = present(&format!("an array of {n}"))?;
        match got.as_array() {
            Some(items) if items.len() as u64 == n => {}
            _ => return Err(format!("{label}: expected an array of {n}, got {}", show(&got))),
        }
    }
    if let Some(n) = exp.get("min_len").and_then(Value::as_u64) {
        checked = true;
        let got = present(&format!("an array of at least {n}"))?;
        match got.as_array() {
            Some(items) if items.len() as u64 >= n => {}
            _ => return Err(format!("{label}: expected an array of at least {n}, got {}", show(&got))),
        }
    }
    if let Some(x) = exp.get("approx").and_then(Value::as_f64) {
        checked = true;
        let got = present(&format!("about {x}"))?;
        match got.as_f64() {
            Some(v) if (v - x).abs() <= 1e-4 => {}
            _ => return Err(format!("{label}: expected about {x}, got {}", show(&got))),
        }
    }
    if let Some(needle) = exp.get("excludes_text").and_then(Value::as_str) {
        checked = true;
        let got = present(&format!("a value without the text {needle:?}"))?;
        if show(&got).contains(needle) {
            return Err(format!("{label}: expected no {needle:?} anywhere in it, got {}", show(&got)));
        }
    }
    if !checked {
        return Err(format!(
            "{label}: the expectation checks nothing (no equals/contains/absent/len/min_len/approx/excludes_text)"
        ));
    }
    Ok(())
}

/// Checks an input-error case against the `error` the engine returned.
fn check_error(case: &Case, expected: &Map<String, Value>) -> Vec<String> {
    let text = match case.input_text() {
        Ok(t) => t,
        Err(e) => return vec![e],
    };
    let err = match ledgerbridge::plan_sync_json(&text) {
        Ok(_) => return vec!["expected an input error, but the input was planned".to_owned()],
        Err(e) => e,
    };
    let mut out = Vec::new();
    if let Some(path) = expected.get("path").and_then(Value::as_str) {
        if err.path != path {
            out.push(format!("error path: expected \"{path}\", got \"{}\" ({err})", err.path));
        }
    }
    if let Some(kind) = expected.get("kind").and_then(Value::as_str) {
        if err.kind.code() != kind {
            out.push(format!("error kind: expected {kind}, got {} ({err})", err.kind.code()));
        }
    }
    if let Some(part) = expected.get("message_contains").and_then(Value::as_str) {
        if !err.message.contains(part) {
            out.push(format!("error message: expected it to contain \"{part}\", got \"{}\"", err.message));
        }
    }
    for key in expected.keys().filter(|k| !["path", "kind", "message_contains"].contains(&k.as_str())) {
        out.push(format!("unknown error field `{key}`"));
    }
    out
}

/// Plans a case's input; `Err` when it does not plan.
fn plan_of(case: &Case) -> Result<Value, String> {
    let text = case.input_text()?;
    let plan = ledgerbridge::plan_sync_json(&text).map_err(|e| format!("input rejected: {e}"))?;
    serde_json::from_str(&plan).map_err(|e| format!("the plan is not JSON: {e}"))
}

/// Runs one case; returns its failures.
fn run_case(case: &Case) -> Vec<String> {
    if let Some(expected) = case.raw.get("error") {
        return match expected {
            Value::Object(map) => check_error(case, map),
            _ => vec!["`error` must be an object".to_owned()],
        };
    }
    let plan = match plan_of(case) {
        Ok(p) => p,
        Err(e) => return vec![e],
    };
    let Some(Value::Array(expectations)) = case.raw.get("expect") else {
        return vec!["a case needs `expect` (an array) or `error`".to_owned()];
    };
    if expectations.is_empty() {
        return vec!["`expect` is empty".to_owned()];
    }
    expectations
        .iter()
        .enumerate()
        .filter_map(|(i, exp)| match exp {
            Value::Object(map) => check(&plan, map).err().map(|e| format!("expect[{i}] {e}")),
            _ => Some(format!("expect[{i}] must be an object")),
        })
        .collect()
}

/// A titled, numbered list of failures.
pub fn report(title: &str, failures: &[String]) -> String {
    format!("{title} ({}):\n  - {}", failures.len(), failures.join("\n  - "))
}

/// The outcome of running every case.
pub struct RuleRun {
    /// How many cases ran.
    pub checked: usize,
    /// The report of the `known_failure` cases that still fail (they do not fail the run); `None` if there are none.
    pub known: Option<String>,
    /// What fails the run (with the case name), appended to the failures passed in.
    pub failures: Vec<String>,
}

/// Runs every case. `failures` are the problems found while loading; the run's own are added to them.
pub fn run_rule_cases(cases: &[Case], mut failures: Vec<String>) -> RuleRun {
    let mut known = Vec::new();
    for case in cases {
        let problems = run_case(case);
        match (case.known_failure(), problems.is_empty()) {
            (None, true) => {}
            (None, false) => failures.extend(problems.iter().map(|p| format!("{} › {p}", case.name()))),
            (Some(why), false) => {
                known.push(format!("{} — {why}\n      {}", case.name(), problems.join("\n      ")));
            }
            (Some(why), true) => failures
                .push(format!("{} is marked known_failure (\"{why}\") but now passes: remove the marker", case.name())),
        }
    }
    let known =
        (!known.is_empty()).then(|| report("known failures (suspected engine bugs, not failing the run)", &known));
    RuleRun { checked: cases.len(), known, failures }
}

/// Every code string an expectation asserts (in `equals` / `contains` values, `codes_at` / `issues_at`).
fn asserted_codes(value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::String(s) => {
            let code = s.split('@').next().unwrap_or(s);
            if CONTRACT_CODES.contains(&code) {
                out.insert(code.to_owned());
            }
        }
        Value::Array(items) => items.iter().for_each(|v| asserted_codes(v, out)),
        Value::Object(map) => map.values().for_each(|v| asserted_codes(v, out)),
        _ => {}
    }
}

/// The codes of the issue list `record[field]`.
fn issue_codes(record: &Value, field: &str, out: &mut BTreeSet<String>) {
    for issue in record.get(field).and_then(Value::as_array).into_iter().flatten() {
        if let Some(code) = issue.get("code").and_then(Value::as_str) {
            out.insert(code.to_owned());
        }
    }
}

/// Every code the plan holds: counterpart reasons, product errors, warnings, push issues, sync errors.
fn produced_codes(plan: &Value, out: &mut BTreeSet<String>) {
    let list = |ptr: &str| plan.pointer(ptr).and_then(Value::as_array).cloned().unwrap_or_default();
    for c in list("/pull/counterparts") {
        issue_codes(&c, "warnings", out);
        if let Some(reason) = c.get("reason").and_then(Value::as_str) {
            out.insert(reason.to_owned());
        }
    }
    for p in list("/pull/products") {
        issue_codes(&p, "warnings", out);
        if let Some(code) = p.pointer("/error/code").and_then(Value::as_str) {
            out.insert(code.to_owned());
        }
    }
    for section in ["counterparts", "bills", "invoices", "credit_notes", "payment_records"] {
        for r in list(&format!("/push/{section}")) {
            issue_codes(&r, "errors", out);
            issue_codes(&r, "warnings", out);
        }
    }
    for e in list("/errors") {
        if let Some(code) = e.get("code").and_then(Value::as_str) {
            out.insert(code.to_owned());
        }
    }
}

/// Adds a failure for every SPEC §8 code that no case produces or no expectation asserts.
pub fn check_contract_codes(cases: &[Case], failures: &mut Vec<String>) {
    let mut produced = BTreeSet::new();
    let mut asserted = BTreeSet::new();
    for case in cases {
        if case.raw.contains_key("error") {
            continue;
        }
        if let Ok(plan) = plan_of(case) {
            produced_codes(&plan, &mut produced);
        }
        if let Some(expect) = case.raw.get("expect") {
            asserted_codes(expect, &mut asserted);
        }
    }
    for code in CONTRACT_CODES {
        if !produced.contains(*code) {
            failures.push(format!("no case produces `{code}`"));
        }
        if !asserted.contains(*code) {
            failures.push(format!("no expectation asserts `{code}`"));
        }
    }
}

/// The input with every top-level collection reversed, or rotated by one.
fn reorder(input: &Value, rotate: bool) -> Value {
    let mut out = input.clone();
    for ptr in COLLECTIONS {
        if let Some(Value::Array(items)) = out.pointer_mut(ptr) {
            if rotate {
                if !items.is_empty() {
                    items.rotate_left(1);
                }
            } else {
                items.reverse();
            }
        }
    }
    out
}

/// Adds a failure for every case whose plan changes when planned again or when its collections are reordered.
pub fn check_record_order(cases: &[Case], failures: &mut Vec<String>) {
    let mut compared = 0;
    for case in cases {
        let Some(input) = case.raw.get("input") else { continue };
        let Ok(text) = serde_json::to_string(input) else { continue };
        let Ok(original) = ledgerbridge::plan_sync_json(&text) else { continue };
        match ledgerbridge::plan_sync_json(&text) {
            Ok(again) if again == original => {}
            _ => failures.push(format!("{}: planning the same input twice gave different output", case.name())),
        }
        for (label, rotate) in [("reversed", false), ("rotated", true)] {
            let Ok(reordered) = serde_json::to_string(&reorder(input, rotate)) else { continue };
            match ledgerbridge::plan_sync_json(&reordered) {
                Ok(plan) if plan == original => {}
                Ok(plan) => {
                    let at = original.bytes().zip(plan.bytes()).take_while(|(a, b)| a == b).count();
                    let from = at.saturating_sub(60);
                    let snippet = |s: &str| s.get(from..(at + 60).min(s.len())).unwrap_or("").to_owned();
                    failures.push(format!(
                        "{}: collections {label} give a different plan, from byte {at}:\n      original: …{}…\n      {label}: …{}…",
                        case.name(),
                        snippet(&original),
                        snippet(&plan)
                    ));
                }
                Err(e) => failures.push(format!("{}: collections {label} are rejected: {e}", case.name())),
            }
        }
        compared += 1;
    }
    if compared == 0 {
        failures.push("no case was planned".to_owned());
    }
}

/// A 64-bit FNV-1a digest of every case's exact output text (the plan, or the input error's display), in case
/// order. The native and the WebAssembly suites print it: equal digests mean byte-identical plans on both.
pub fn plans_digest(cases: &[Case]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    for case in cases {
        let out = match case.input_text() {
            Ok(text) => match ledgerbridge::plan_sync_json(&text) {
                Ok(plan) => format!("plan:{plan}"),
                Err(e) => format!("error:{}:{}:{e}", e.path, e.kind.code()),
            },
            Err(e) => format!("bad case:{e}"),
        };
        feed(case.name().as_bytes());
        feed(&[0]);
        feed(out.as_bytes());
        feed(&[0]);
    }
    hash
}
