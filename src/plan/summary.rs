//! Summary counts per section and status (SPEC §8 `summary`), and the sync_object-style error list.

use serde::Serialize;

use super::output::{
    CounterpartAction, DecidedBy, Issue, MatchStatus, ProductAction, ProductDecidedBy, Pull, Push, PushResult,
    SyncError,
};
use crate::links::Links;
use crate::matching::counterparts::{COUNTRY_DRIFT, DUPLICATE_LINK, LINKED_RECORD_MISSING, NAME_DRIFT};
use crate::push::codes::{
    ALREADY_PUSHED, LAST_PUSH_FAILED, NOT_A_RECEIVABLE_PAYMENT, PREDATES_CONNECTION, PUSH_IN_PROGRESS,
    STATUS_NOT_PUSHABLE,
};

/// Counts of the pull side.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct PullSummary {
    pub counterparts: CounterpartCounts,
    pub products: ProductCounts,
    pub tax_rates: usize,
    pub ledger_accounts: usize,
}

/// `matched` / `unmatched` / `ambiguous`, and of the ambiguous ones, how many are duplicate matches.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct CounterpartCounts {
    pub total: usize,
    pub matched: usize,
    pub unmatched: usize,
    pub ambiguous: usize,
    pub duplicate_match: usize,
    pub with_suggestions: usize,
    /// §3.0: matched by an earlier sync's link, and the link outcomes and drift warnings; present only when
    /// synced records were given (a first sync's summary is unchanged).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linked: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_link: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linked_record_missing: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_drift: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country_drift: Option<usize>,
}

/// Product rows by action, and rows caught in a `multiple_matches` group.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct ProductCounts {
    pub total: usize,
    pub r#match: usize,
    pub create: usize,
    pub none: usize,
    pub multiple_matches: usize,
    /// §3.0: matched by link, and the link outcomes and drift warnings; present only when synced records
    /// were given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linked: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_link: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linked_record_missing: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_drift: Option<usize>,
}

/// Counterpart push actions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct CounterpartPushCounts {
    pub total: usize,
    pub none: usize,
    pub create: usize,
    pub blocked: usize,
}

/// Eligible / not eligible.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct EligibilityCounts {
    pub total: usize,
    pub eligible: usize,
    pub not_eligible: usize,
    /// §3.0: documents an earlier sync pushed, is pushing, or failed to push; present only when synced
    /// records were given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub already_pushed: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub push_in_progress: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_push_failed: Option<usize>,
}

/// Counts of the push side.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct PushSummary {
    pub counterparts: CounterpartPushCounts,
    pub bills: EligibilityCounts,
    pub invoices: EligibilityCounts,
    pub credit_notes: EligibilityCounts,
    pub payment_records: EligibilityCounts,
}

/// The synced records given (SPEC §3.0): how many, how many count (one per object), how many of those are
/// links, and how many were skipped for an `object_type` the engine does not know.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct SyncedRecordCounts {
    pub total: usize,
    pub counted: usize,
    pub links: usize,
    pub unknown_type: usize,
}

/// `summary`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Summary {
    pub pull: PullSummary,
    pub push: PushSummary,
    pub errors: usize,
    /// Present only when synced records were given (SPEC §3.0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub synced_records: Option<SyncedRecordCounts>,
}

fn has(issues: &[Issue], code: &str) -> bool {
    issues.iter().any(|i| i.code == code)
}

fn eligibility(results: &[PushResult], resync: bool) -> EligibilityCounts {
    let eligible = results.iter().filter(|r| r.eligible).count();
    let with = |code: &str, pick: fn(&PushResult) -> &[Issue]| {
        resync.then(|| results.iter().filter(|r| has(pick(r), code)).count())
    };
    EligibilityCounts {
        total: results.len(),
        eligible,
        not_eligible: results.len() - eligible,
        already_pushed: with(ALREADY_PUSHED, |r| &r.errors),
        push_in_progress: with(PUSH_IN_PROGRESS, |r| &r.errors),
        last_push_failed: with(LAST_PUSH_FAILED, |r| &r.warnings),
    }
}

/// Counts everything.
pub fn summarize(pull: &Pull, push: &Push, errors: &[SyncError], links: &Links) -> Summary {
    let resync = links.total > 0;
    let count = |n: usize| resync.then_some(n);
    let cp = &pull.counterparts;
    let counterparts = CounterpartCounts {
        total: cp.len(),
        matched: cp.iter().filter(|c| c.status == MatchStatus::Matched).count(),
        unmatched: cp.iter().filter(|c| c.status == MatchStatus::Unmatched).count(),
        ambiguous: cp.iter().filter(|c| c.status == MatchStatus::Ambiguous).count(),
        duplicate_match: cp.iter().filter(|c| c.reason == Some("duplicate_match")).count(),
        with_suggestions: cp.iter().filter(|c| !c.suggestions.is_empty()).count(),
        linked: count(cp.iter().filter(|c| c.decided_by == Some(DecidedBy::Link)).count()),
        duplicate_link: count(cp.iter().filter(|c| c.reason == Some(DUPLICATE_LINK)).count()),
        linked_record_missing: count(cp.iter().filter(|c| c.reason == Some(LINKED_RECORD_MISSING)).count()),
        name_drift: count(cp.iter().filter(|c| has(&c.warnings, NAME_DRIFT)).count()),
        country_drift: count(cp.iter().filter(|c| has(&c.warnings, COUNTRY_DRIFT)).count()),
    };
    let pr = &pull.products;
    let products = ProductCounts {
        total: pr.len(),
        r#match: pr.iter().filter(|p| p.action == ProductAction::Match).count(),
        create: pr.iter().filter(|p| p.action == ProductAction::Create).count(),
        none: pr.iter().filter(|p| p.action == ProductAction::None).count(),
        multiple_matches: pr.iter().filter(|p| p.error.is_some()).count(),
        linked: count(pr.iter().filter(|p| p.decided_by == Some(ProductDecidedBy::Link)).count()),
        duplicate_link: count(pr.iter().filter(|p| has(&p.warnings, DUPLICATE_LINK)).count()),
        linked_record_missing: count(pr.iter().filter(|p| has(&p.warnings, LINKED_RECORD_MISSING)).count()),
        name_drift: count(pr.iter().filter(|p| has(&p.warnings, NAME_DRIFT)).count()),
    };
    let pc = &push.counterparts;
    let push_counterparts = CounterpartPushCounts {
        total: pc.len(),
        none: pc.iter().filter(|c| c.action == CounterpartAction::None).count(),
        create: pc.iter().filter(|c| c.action == CounterpartAction::Create).count(),
        blocked: pc.iter().filter(|c| c.action == CounterpartAction::Blocked).count(),
    };
    Summary {
        pull: PullSummary {
            counterparts,
            products,
            tax_rates: pull.tax_rates.len(),
            ledger_accounts: pull.ledger_accounts.len(),
        },
        push: PushSummary {
            counterparts: push_counterparts,
            bills: eligibility(&push.bills, resync),
            invoices: eligibility(&push.invoices, resync),
            credit_notes: eligibility(&push.credit_notes, resync),
            payment_records: eligibility(&push.payment_records, resync),
        },
        errors: errors.len(),
        synced_records: resync.then(|| SyncedRecordCounts {
            total: links.total,
            counted: links.counted(),
            links: links.link_count(),
            unknown_type: links.unknown_type,
        }),
    }
}

/// Codes that mean "out of scope for this sync" rather than "this sync would fail on it": they are in the
/// push results but not in the sync-error list.
const OUT_OF_SCOPE: &[&str] =
    &[STATUS_NOT_PUSHABLE, PREDATES_CONNECTION, NOT_A_RECEIVABLE_PAYMENT, ALREADY_PUSHED, PUSH_IN_PROGRESS];

/// Link problems are reported under the object's family, `counterpart` or `product` (SPEC §3.0 item 7),
/// rather than the counterpart's `customer` / `vendor` type.
const LINK_CODES: &[&str] = &[DUPLICATE_LINK, LINKED_RECORD_MISSING];

/// The sync_object-style errors: every product `multiple_matches`, and every push issue of a record the
/// sync would attempt (records out of scope — a draft, an old document, a payable's payment — are left
/// out). Sorted by object type, id, code.
pub fn collect_errors(pull: &Pull, push: &Push, counterpart_types: impl Fn(&str) -> &'static str) -> Vec<SyncError> {
    let mut errors = Vec::new();
    for p in &pull.products {
        if let Some(e) = &p.error {
            let id = p.monite_id.as_ref().or(p.accounting_id.as_ref()).cloned().unwrap_or_default();
            let message = format!(
                "product name matches several products (Monite: [{}], accounting: [{}]); none is matched or created",
                e.monite_ids.join(", "),
                e.accounting_ids.join(", ")
            );
            errors.push(SyncError { object_type: "product", object_id: id, code: e.code, message });
        }
        for w in p.warnings.iter().filter(|w| LINK_CODES.contains(&w.code)) {
            let id = p.monite_id.clone().unwrap_or_default();
            errors.push(SyncError { object_type: "product", object_id: id, code: w.code, message: w.message.clone() });
        }
    }
    for c in &push.counterparts {
        for issue in &c.errors {
            let object_type =
                if LINK_CODES.contains(&issue.code) { "counterpart" } else { counterpart_types(&c.monite_id) };
            errors.push(SyncError {
                object_type,
                object_id: c.monite_id.clone(),
                code: issue.code,
                message: issue.message.clone(),
            });
        }
    }
    let sections: [(&'static str, &Vec<PushResult>); 4] = [
        ("bill", &push.bills),
        ("receivable", &push.invoices),
        ("receivable", &push.credit_notes),
        ("payment_record", &push.payment_records),
    ];
    for (object_type, results) in sections {
        for r in results {
            if r.errors.iter().any(|i| OUT_OF_SCOPE.contains(&i.code)) {
                continue;
            }
            for issue in &r.errors {
                errors.push(SyncError {
                    object_type,
                    object_id: r.monite_id.clone(),
                    code: issue.code,
                    message: format!("{}: {}", issue.path, issue.message),
                });
            }
        }
    }
    errors.sort_by(|a, b| (a.object_type, &a.object_id, a.code).cmp(&(b.object_type, &b.object_id, b.code)));
    errors
}
