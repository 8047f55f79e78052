//! What the SPEC says every result holds, whatever the input: checked on the typed results.

use std::collections::{BTreeSet, HashMap};

use ledgerbridge::input::records::accounting::{AccountingCounterpart, AccountingProduct};
use ledgerbridge::input::records::monite::{Counterpart, Product};
use ledgerbridge::keys::{is_format, strict_key, LEGAL_FORM_TOKENS};
use ledgerbridge::vocab::{
    CounterpartAction, CounterpartMatch, DecidedBy, Issue, MatchStatus, ProductAction, ProductDecidedBy, ProductResult,
    PushResult,
};
use ledgerbridge::{loose_key, PlanInput, SyncPlan};
use serde_json::Value;

use crate::defect;
use crate::paths::consistent;

/// SPEC §3.1 "Bounded results": at most this many ids in a list, the rest counted.
pub const MAX_IDS: usize = 100;
/// SPEC §3.1 rule 4.
pub const MAX_SUGGESTIONS: usize = 3;
/// SPEC §3.2: a `ProductServiceRequest` name.
pub const MAX_PRODUCT_NAME_CHARS: usize = 100;

fn ids_bounded(what: &str, owner: &str, ids: &[String]) {
    defect!(
        "bounded-ids",
        ids.len() <= MAX_IDS,
        "{what} of {owner:?} lists {} ids (SPEC §3.1: at most {MAX_IDS})",
        ids.len()
    );
}

fn sorted_by_id<'a>(section: &str, ids: impl Iterator<Item = &'a str>) {
    let ids: Vec<&str> = ids.collect();
    defect!("sorted", ids.windows(2).all(|w| w[0] <= w[1]), "{section} is not sorted by id (SPEC §5)");
}

/// Counterpart matching (SPEC §3.0, §3.1), for `matchCounterparts` and the plan's `pull.counterparts`.
pub fn counterpart_matches(monite: &[Counterpart], accounting: &[AccountingCounterpart], rows: &[CounterpartMatch]) {
    defect!("match", rows.len() == monite.len(), "{} match rows for {} Monite counterparts", rows.len(), monite.len());
    sorted_by_id("pull.counterparts", rows.iter().map(|r| r.monite_id.as_str()));
    let names: HashMap<&str, String> = monite.iter().map(|c| (c.id.as_str(), c.display_name())).collect();
    let accounting_names: HashMap<&str, &str> = accounting.iter().map(|a| (a.id.as_str(), a.name.as_str())).collect();
    let mut matched_to = BTreeSet::new();
    for row in rows {
        let id = row.monite_id.as_str();
        let matched = row.status == MatchStatus::Matched;
        defect!("match", matched == row.accounting_id.is_some(), "{id:?}: accounting_id is set exactly on a match");
        defect!("match", matched == row.decided_by.is_some(), "{id:?}: decided_by is set exactly on a match");
        ids_bounded("candidates", id, &row.candidates);
        ids_bounded("rivals", id, &row.rivals);
        let n = row.suggestions.len();
        defect!("suggestions", n <= MAX_SUGGESTIONS, "{id:?}: {n} suggestions (SPEC §3.1: at most {MAX_SUGGESTIONS})");
        for s in &row.suggestions {
            defect!(
                "suggestions",
                (0.9..=1.0).contains(&s.score),
                "{id:?}: suggestion score {} outside 0.9–1.0",
                s.score
            );
        }
        let Some(target) = row.accounting_id.as_deref() else { continue };
        defect!("match", matched_to.insert(target), "accounting record {target:?} is the match of two Monite records");
        let Some(their_name) = accounting_names.get(target) else {
            return defect!(
                "match",
                false,
                "{id:?} matched to {target:?}, which is not among the accounting counterparts"
            );
        };
        if row.decided_by != Some(DecidedBy::Link) {
            let ours = strict_key(names.get(id).map_or("", String::as_str));
            defect!("empty-name", !ours.is_empty(), "{id:?} has an empty name key and was matched by name (SPEC §3.1)");
            let theirs = strict_key(their_name);
            defect!("match", ours == theirs, "{id:?} matched by name to a different strict key: {ours:?} / {theirs:?}");
        }
    }
}

/// Product matching (SPEC §3.2), for `matchProducts` and the plan's `pull.products`.
pub fn product_results(monite: &[Product], accounting: &[AccountingProduct], rows: &[ProductResult]) {
    let monite_names: HashMap<&str, &str> = monite.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect();
    let accounting_names: HashMap<&str, &str> = accounting.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect();
    let mut seen = BTreeSet::new();
    let mut created = BTreeSet::new();
    for row in rows {
        let who = row.monite_id.as_deref().or(row.accounting_id.as_deref()).unwrap_or("");
        if let Some(id) = row.monite_id.as_deref() {
            defect!("product", seen.insert(id), "Monite product {id:?} has two rows");
            defect!("product", monite_names.contains_key(id), "a row for an unknown Monite product {id:?}");
        }
        if let Some(error) = &row.error {
            ids_bounded("multiple_matches.monite_ids", who, &error.monite_ids);
            ids_bounded("multiple_matches.accounting_ids", who, &error.accounting_ids);
            defect!("product", row.action == ProductAction::None, "{who:?} is in error and still has an action");
        }
        match row.action {
            ProductAction::Create => {
                let Some(payload) = &row.payload else {
                    return defect!("product", false, "a create row for {who:?} without payload");
                };
                defect!("product", row.monite_id.is_none(), "a create row names a Monite product");
                let chars = payload.name.chars().count();
                defect!("product", chars <= MAX_PRODUCT_NAME_CHARS, "{who:?}: a {chars}-character product name");
                let Some(id) = row.accounting_id.as_deref() else {
                    return defect!("product", false, "a create row without accounting_id");
                };
                defect!("product", created.insert(id), "accounting product {id:?} is created twice");
                let name = accounting_names.get(id).copied().unwrap_or("");
                defect!(
                    "empty-name",
                    !strict_key(name).is_empty(),
                    "{id:?} with an empty name key is offered for creation"
                );
            }
            ProductAction::Match => {
                let (Some(m), Some(a)) = (row.monite_id.as_deref(), row.accounting_id.as_deref()) else {
                    return defect!("product", false, "a match row without both ids: {row:?}");
                };
                if row.decided_by == Some(ProductDecidedBy::Name) {
                    let ours = strict_key(monite_names.get(m).copied().unwrap_or(""));
                    defect!("empty-name", !ours.is_empty(), "product {m:?} with an empty name key was matched by name");
                    let theirs = strict_key(accounting_names.get(a).copied().unwrap_or(""));
                    defect!("product", ours == theirs, "product {m:?} matched by name to a different strict key");
                }
            }
            ProductAction::None => defect!("product", row.payload.is_none(), "{who:?}: action none with a payload"),
        }
    }
    defect!("product", seen.len() == monite.len(), "{} rows for {} Monite products", seen.len(), monite.len());
}

/// A push result (SPEC §4): eligible exactly when it has no errors, a payload only then, and every issue path
/// inside the record (`line_items[2].ledger_account_id`; the settings path of §4 names the entity's settings).
pub fn push_result(section: &str, result: &PushResult, record: Option<&Value>) {
    let id = &result.monite_id;
    defect!("push", result.eligible == result.errors.is_empty(), "{section} {id:?}: eligible iff no errors");
    defect!("push", result.payload.is_none() || result.eligible, "{section} {id:?}: a payload while not eligible");
    if let Some(record) = record {
        for issue in result.errors.iter().chain(&result.warnings) {
            issue_in_record(section, id, issue, record);
        }
    }
}

fn issue_in_record(section: &str, id: &str, issue: &Issue, record: &Value) {
    if issue.path.starts_with("settings.") {
        return;
    }
    defect!(
        "issue-path",
        consistent(record, &issue.path),
        "{section} {id:?}: issue {} has path {:?}, which cannot be in the record",
        issue.code,
        issue.path
    );
}

/// Every collection's records, by id, as the caller passed them (for issue paths).
fn records_by_id<'a>(doc: &'a Value, pointer: &str) -> HashMap<&'a str, &'a Value> {
    let list = doc.pointer(pointer).and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    list.iter().filter_map(|r| Some((r.get("id")?.as_str()?, r))).collect()
}

/// The whole plan (SPEC §3, §4, §5, §8).
pub fn plan(input: &PlanInput, plan: &SyncPlan, doc: Option<&Value>) {
    let m = input.monite();
    let a = input.accounting();
    counterpart_matches(&m.counterparts, &a.counterparts, &plan.pull.counterparts);
    product_results(&m.products, &a.products, &plan.pull.products);

    let push = &plan.push;
    defect!("push", push.counterparts.len() == m.counterparts.len(), "not one push row per Monite counterpart");
    sorted_by_id("push.counterparts", push.counterparts.iter().map(|r| r.monite_id.as_str()));
    let names: HashMap<&str, String> = m.counterparts.iter().map(|c| (c.id.as_str(), c.display_name())).collect();
    for row in &push.counterparts {
        let id = row.monite_id.as_str();
        match row.action {
            CounterpartAction::Create => {
                defect!("push", row.errors.is_empty(), "counterpart {id:?} is created despite errors");
                let key = strict_key(names.get(id).map_or("", String::as_str));
                defect!(
                    "empty-name",
                    !key.is_empty(),
                    "counterpart {id:?} with an empty name key is created (SPEC §4)"
                );
            }
            CounterpartAction::Blocked => defect!("push", !row.errors.is_empty(), "{id:?} blocked without a reason"),
            CounterpartAction::None => {}
        }
    }

    defect!("push", push.bills.len() == m.payables.len(), "not one push row per bill");
    defect!("push", push.payment_records.len() == m.payment_records.len(), "not one push row per payment record");
    let documents = push.invoices.len() + push.credit_notes.len();
    defect!("push", documents <= m.receivables.len(), "more invoice and credit-note rows than receivables");
    let empty = Value::Null;
    let doc = doc.unwrap_or(&empty);
    for (section, rows, pointer) in [
        ("push.bills", &push.bills, "/monite/payables"),
        ("push.invoices", &push.invoices, "/monite/receivables"),
        ("push.credit_notes", &push.credit_notes, "/monite/receivables"),
        ("push.payment_records", &push.payment_records, "/monite/payment_records"),
    ] {
        sorted_by_id(section, rows.iter().map(|r| r.monite_id.as_str()));
        let records = records_by_id(doc, pointer);
        for row in rows.iter() {
            push_result(section, row, records.get(row.monite_id.as_str()).copied());
        }
    }
}

/// The typographic punctuation SPEC §2 step 3 maps to ASCII: none of it may remain in a strict key.
const TYPOGRAPHIC: &[char] = &[
    '\u{2019}', '\u{2018}', '\u{201B}', '\u{2032}', '\u{201C}', '\u{201D}', '\u{201E}', '\u{2010}', '\u{2011}',
    '\u{2012}', '\u{2013}', '\u{2014}', '\u{2212}',
];

/// SPEC §2: both keys idempotent, the loose key a function of the strict one, and what each may hold.
pub fn keys(raw: &str, strict: &str, loose: &str) {
    defect!("key-idempotence", strict_key(strict) == strict, "strict key not idempotent for {raw:?}");
    defect!("key-idempotence", loose_key(loose) == loose, "loose key not idempotent for {raw:?}");
    defect!("key-idempotence", loose_key(strict) == loose, "loose(strict(x)) != loose(x) for {raw:?}");
    for (kind, key) in [("strict", strict), ("loose", loose)] {
        let trimmed = !key.starts_with(' ') && !key.ends_with(' ');
        defect!("key-content", trimmed, "{kind} key of {raw:?} is not trimmed: {key:?}");
        defect!("key-content", !key.contains("  "), "{kind} key of {raw:?} has a run of spaces: {key:?}");
        for c in key.chars() {
            defect!("key-content", c == ' ' || !c.is_whitespace(), "{kind} key of {raw:?} holds white space {c:?}");
            let invisible = c.is_control() || is_format(c);
            defect!("key-content", !invisible, "{kind} key of {raw:?} holds the control/format character {c:?}");
            defect!("key-content", !TYPOGRAPHIC.contains(&c), "{kind} key of {raw:?} holds typographic {c:?}");
        }
    }
    let plain = loose.chars().all(|c| c == ' ' || c.is_alphanumeric());
    defect!("key-content", plain, "loose key {loose:?} of {raw:?} holds punctuation");
    let tokens: Vec<&str> = loose.split(' ').filter(|t| !t.is_empty()).collect();
    defect!("key-content", tokens.windows(2).all(|w| w[0] <= w[1]), "loose key {loose:?}: tokens not sorted");
    for t in &tokens {
        defect!("key-content", !LEGAL_FORM_TOKENS.contains(t), "loose key {loose:?} keeps the legal form {t:?}");
    }
}
