//! One function per fuzz target: call the entry point twice (the same bytes both times, or the same error),
//! then check the error contract ([`crate::errors`]), the linear bounds ([`crate::bounds`]) and the SPEC's
//! invariants ([`crate::invariants`]) on what came back, and that entry points which overlap agree.

use ledgerbridge::{loose_key, strict_key, InputError};
use serde_json::Value;

use crate::alloc::peak_of;
use crate::bounds::{self, Linear};
use crate::defect;
use crate::entry::{self, Outcome};
use crate::errors::{self, Arg};
use crate::invariants;
use crate::split;

/// Output bytes per input byte, and a fixed allowance (README, "Bounds"): the most measured is ~125 output bytes
/// per input byte (a receivable of empty line items, `{},` → three issues); twice that is allowed.
pub const OUTPUT: Linear = Linear { per_byte: 256, fixed: 4096 };
/// Bytes a call holds at its peak beyond [`PEAK_PER_OUTPUT_BYTE`] × its output: per input byte (the parsed
/// input: measured ~20 for a raw body of the smallest records that fails after they were read, each held
/// as a raw struct and an adapted record), and fixed.
pub const MEMORY: Linear = Linear { per_byte: 32, fixed: 1 << 16 };
/// Bytes held per output byte: the typed result the output is written from, the text, the writer's buffer as
/// it doubles (measured ≤ 5.1).
pub const PEAK_PER_OUTPUT_BYTE: usize = 8;
/// A key's bytes per input byte: NFKC expands U+FDFA (3 bytes) to 33 bytes (11×, the most of any character);
/// case folding what NFKC gives grows it less than that.
pub const KEY: Linear = Linear { per_byte: 12, fixed: 0 };

/// A result that passed the determinism check, with what its bounds are checked on.
struct Call<'a, T> {
    target: &'a str,
    value: T,
    text: String,
    size: usize,
    peak: usize,
}

impl<T> Call<'_, T> {
    /// The output and memory bounds, checked after the invariants (so a result that breaks a rule of the SPEC
    /// is reported as that rather than as its size).
    fn bounds(&self) {
        bounds::check(self.target, "output", OUTPUT, self.size, self.text.len());
        let memory = Linear { fixed: MEMORY.fixed + PEAK_PER_OUTPUT_BYTE * self.text.len(), ..MEMORY };
        bounds::check(self.target, "memory", memory, self.size, self.peak);
    }
}

/// Calls `call` twice (same result, same bytes), and looks for clamped numbers in the output; an error's
/// memory is bounded here, a result's by [`Call::bounds`].
fn twice<'a, T>(target: &'a str, inputs: &[&str], call: impl Fn() -> Outcome<T>) -> Result<Call<'a, T>, InputError> {
    let size: usize = inputs.iter().map(|t| t.len()).sum();
    let (first, peak) = peak_of(&call);
    match (&first, &call()) {
        (Ok((_, a)), Ok((_, b))) => defect!("determinism", a == b, "{target}: the same input gave different output"),
        (Err(a), Err(b)) => defect!("determinism", a == b, "{target}: the same input gave {a}, then {b}"),
        (a, b) => {
            defect!("determinism", false, "{target}: the same input gave ok={}, then ok={}", a.is_ok(), b.is_ok())
        }
    }
    let (value, text) = match first {
        Ok(pair) => pair,
        Err(e) => {
            bounds::check(target, "memory", MEMORY, size, peak);
            return Err(e);
        }
    };
    match serde_json::from_str::<Value>(&text) {
        Ok(json) => no_saturated_numbers(target, &json, inputs),
        Err(e) => defect!("output-json", false, "{target} wrote output that is not JSON: {e}"),
    }
    Ok(Call { target, value, text, size, peak })
}

/// Integers a float-to-integer `as` cast saturates to: in the output but in no input, they mean a number
/// was clamped instead of rejected.
fn no_saturated_numbers(target: &str, out: &Value, inputs: &[&str]) {
    fn walk(v: &Value, found: &mut Vec<String>) {
        match v {
            Value::Number(n) => {
                let saturated =
                    n.as_i64().is_some_and(|i| i == i64::MAX || i == i64::MIN) || n.as_u64() == Some(u64::MAX);
                if saturated {
                    found.push(n.to_string());
                }
            }
            Value::Array(items) => items.iter().for_each(|i| walk(i, found)),
            Value::Object(map) => map.values().for_each(|i| walk(i, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    walk(out, &mut found);
    for n in found {
        defect!(
            "saturation",
            inputs.iter().any(|t| t.contains(&n)),
            "{target}: the output holds {n}, a saturated cast of some other input number (silent clamping)"
        );
    }
}

/// Wraps argument texts into a plan input, `{"monite":{…},"accounting":{…}}`; `None` for an empty part.
fn plan_text(monite: &[(&str, &str)], accounting: &[(&str, &str)]) -> String {
    let block = |fields: &[(&str, &str)]| {
        let parts: Vec<String> = fields.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
        format!("{{{}}}", parts.join(","))
    };
    format!("{{\"monite\":{},\"accounting\":{}}}", block(monite), block(accounting))
}

/// The records a match call accepted, planned as `text`: accepted too, with the same `pull.<section>` rows.
fn same_through_plan<R: serde::Serialize>(function: &str, text: &str, section: &str, rows: &[R]) {
    match ledgerbridge::plan_sync_json(text) {
        Err(e) => defect!("consistency", false, "{function} accepts records that planSync rejects: {e}"),
        Ok(plan) => {
            let plan: Value = serde_json::from_str(&plan).unwrap_or_default();
            let same = plan["pull"][section] == serde_json::to_value(rows).unwrap_or_default();
            defect!("consistency", same, "{function} and planSync match the same records differently");
        }
    }
}

fn blank(text: &str) -> bool {
    matches!(text.trim(), "" | "null" | "undefined")
}

/// `planSyncJson(input)`.
pub fn plan_sync(data: &[u8]) {
    let text = split(data, 1).remove(0);
    match twice("plan_sync", &[&text], || entry::plan_sync(&text)) {
        Err(e) => errors::check(&e, &[Arg { root: "", text: &text }]),
        Ok(call) => {
            let (input, plan) = &call.value;
            let doc: Option<Value> = serde_json::from_str(&text).ok();
            invariants::plan(input, plan, doc.as_ref());
            call.bounds();
        }
    }
}

/// `validateBillJson(bill, context)`; the same bill through `new BillValidator(context)`, and two more bills
/// through that validator: input `bill \0 context \0 bill2 \0 bill3`. A kept context must judge a bill as a
/// fresh one does, and reject exactly the contexts `validateBill` rejects.
pub fn validate_bill(data: &[u8]) {
    let parts = split(data, 4);
    let context = parts[1].as_str();
    let validator = entry::bill_validator(context);
    let more = parts[2..].iter().filter(|b| !b.is_empty());
    for bill in std::iter::once(&parts[0]).chain(more) {
        let args = [Arg { root: "bill", text: bill }, Arg { root: "context", text: context }];
        let call = twice("validate_bill", &[bill, context], || entry::validate_bill(bill, context));
        let fresh = call.as_ref().map(|c| c.value.clone()).map_err(Clone::clone);
        match &validator {
            Ok(kept) => {
                let again = entry::validate_with(kept, bill).map(|(r, _)| r);
                defect!("consistency", again == fresh, "a kept BillValidator judges a bill unlike validateBill");
            }
            Err(e) => {
                defect!(
                    "consistency",
                    fresh.is_err(),
                    "validateBill accepts a context that BillValidator rejects: {e}"
                );
                errors::check(e, &args);
            }
        }
        match call {
            Err(e) => errors::check(&e, &args),
            Ok(call) => {
                let record: Option<Value> = serde_json::from_str(bill).ok();
                invariants::push_result("validateBill", &call.value, record.as_ref());
                call.bounds();
            }
        }
    }
}

/// `shapeCreditNoteJson(creditNote, context)`: input `credit_note \0 context`. SPEC §4: pushed without a
/// document number and without a link to its invoice, with the warning that the invoice stays open.
pub fn credit_note(data: &[u8]) {
    let parts = split(data, 2);
    let (note, context) = (parts[0].as_str(), parts[1].as_str());
    match twice("credit_note", &[note, context], || entry::shape_credit_note_json(note, context)) {
        Err(e) => errors::check(&e, &[Arg { root: "credit_note", text: note }, Arg { root: "context", text: context }]),
        Ok(call) => {
            let shaped = &call.value;
            let payload = serde_json::to_value(&shaped.payload).unwrap_or_default();
            for field in ["invoice_number", "document_id", "based_on", "based_on_document_id"] {
                defect!("credit-note", payload.get(field).is_none(), "a credit note is pushed with {field} (SPEC §4)");
            }
            defect!("credit-note", !shaped.warnings.is_empty(), "a credit note shaped without the invoice warning");
            call.bounds();
        }
    }
}

/// `matchCounterpartsJson(monite, accounting)`: input `monite \0 accounting`. The same records through
/// `planSyncJson` must be accepted too and give the same rows.
pub fn match_counterparts(data: &[u8]) {
    let parts = split(data, 2);
    let (monite, accounting) = (parts[0].as_str(), parts[1].as_str());
    let args = [Arg { root: "monite", text: monite }, Arg { root: "accounting", text: accounting }];
    match twice("match_counterparts", &[monite, accounting], || entry::match_counterparts(monite, accounting)) {
        Err(e) => errors::check(&e, &args),
        Ok(call) => {
            let matched = &call.value;
            invariants::counterpart_matches(&matched.monite, &matched.accounting, &matched.rows);
            let text = plan_text(&[("counterparts", monite)], &[("counterparts", accounting)]);
            same_through_plan("matchCounterparts", &text, "counterparts", &matched.rows);
            call.bounds();
        }
    }
}

/// `matchProductsJson(monite, accounting, settings)`: input `monite \0 accounting \0 settings`; the same
/// records through `planSyncJson` must give the same rows.
pub fn match_products(data: &[u8]) {
    let parts = split(data, 3);
    let (monite, accounting, settings) = (parts[0].as_str(), parts[1].as_str(), parts[2].as_str());
    let args = [
        Arg { root: "monite", text: monite },
        Arg { root: "accounting", text: accounting },
        Arg { root: "settings", text: settings },
    ];
    let inputs = [monite, accounting, settings];
    match twice("match_products", &inputs, || entry::match_products(monite, accounting, settings)) {
        Err(e) => errors::check(&e, &args),
        Ok(call) => {
            let matched = &call.value;
            invariants::product_results(&matched.monite, &matched.accounting, &matched.rows);
            let mut ours = vec![("products", monite)];
            if !blank(settings) {
                ours.push(("settings", settings));
            }
            let text = plan_text(&ours, &[("products", accounting)]);
            same_through_plan("matchProducts", &text, "products", &matched.rows);
            call.bounds();
        }
    }
}

/// `nameKey(value, kind)` for both kinds: idempotent, the loose key a function of the strict key, only what
/// SPEC §2 leaves in a key, and no more bytes than NFKC and case folding can make.
pub fn name_key(data: &[u8]) {
    let raw = String::from_utf8_lossy(data);
    let (strict, strict_peak) = peak_of(|| strict_key(&raw));
    let (loose, loose_peak) = peak_of(|| loose_key(&raw));
    invariants::keys(&raw, &strict, &loose);
    bounds::check("name_key", "output (strict key)", KEY, raw.len(), strict.len());
    bounds::check("name_key", "output (loose key)", KEY, raw.len(), loose.len());
    // Each pass of a key holds the text in its NFKC, folded and cleaned forms: bounded by the key's size.
    for (key, peak) in [(&strict, strict_peak), (&loose, loose_peak)] {
        let memory = Linear { fixed: MEMORY.fixed + PEAK_PER_OUTPUT_BYTE * key.len(), ..MEMORY };
        bounds::check("name_key", "memory", memory, raw.len(), peak);
    }
    defect!("determinism", strict_key(&raw) == strict, "the strict key of the same text differs");
    defect!("determinism", loose_key(&raw) == loose, "the loose key of the same text differs");
    for (kind, key) in [("strict", &strict), ("", &strict), ("loose", &loose)] {
        let entry = entry::name_key(&raw, kind);
        defect!("consistency", entry.as_ref().ok() == Some(key), "nameKey(x, {kind:?}) is not the {kind} key");
    }
    // The input as a kind: any text but the two names is an error at `kind`.
    if !matches!(raw.as_ref(), "" | "strict" | "loose") {
        match entry::name_key("x", &raw) {
            Ok(_) => defect!("error-code", false, "nameKey accepted the kind {raw:?}"),
            Err(e) => {
                defect!("error-path", e.path == "kind", "a bad kind is reported at {:?}", e.path);
                defect!("error-one-line", !e.to_string().contains(['\n', '\r']), "the error is not one line: {e:?}");
            }
        }
    }
}

/// An adapter (`fromQuickBooksJson` / `fromXeroJson`) on raw bodies, and the same bodies inside a plan input
/// (`accounting.quickbooks_online` / `accounting.xero`): the same error, re-rooted, or a plan whose error
/// paths name the raw field, never the list the adapter made.
fn adapter(
    target: &str,
    root: &str,
    raw: &str,
    adapt: impl Fn(&str) -> Outcome<ledgerbridge::input::adapters::Snapshot>,
) {
    let alone = twice(target, &[raw], || adapt(raw));
    match &alone {
        Err(e) => errors::check(e, &[Arg { root, text: raw }]),
        Ok(call) => call.bounds(),
    }
    let Ok(Value::Object(_)) = serde_json::from_str::<Value>(raw) else { return };
    let text = plan_text(&[], &[(root, raw)]);
    match (ledgerbridge::plan_sync_json(&text), &alone) {
        (Err(e), Ok(_)) => errors::check(&e, &[Arg { root: "", text: &text }]),
        (Err(e), Err(a)) => {
            let same = e.kind == a.kind && e.path == format!("accounting.{}", a.path);
            defect!("consistency", same, "{target}: the plan reports the raw body's error elsewhere: {e} / {a}");
        }
        (Ok(_), Err(a)) => defect!("consistency", false, "{target} rejects a body that planSync accepts: {a}"),
        (Ok(_), Ok(_)) => {}
    }
}

/// `fromQuickBooksJson(raw)`.
pub fn quickbooks(data: &[u8]) {
    let raw = split(data, 1).remove(0);
    adapter("quickbooks", "quickbooks_online", &raw, entry::from_quickbooks);
}

/// `fromXeroJson(raw)`.
pub fn xero(data: &[u8]) {
    let raw = split(data, 1).remove(0);
    adapter("xero", "xero", &raw, entry::from_xero);
}
