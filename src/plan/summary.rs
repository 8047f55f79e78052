//! Summary counts per section and status (SPEC §8 `summary`), and the sync_object-style error list.

use crate::links::Links;
use crate::vocab::{
    ids_in_words, Code, CounterpartAction, CounterpartCounts, CounterpartPushCounts, DecidedBy, EligibilityCounts,
    Issue, MatchStatus, ObjectType, ProductAction, ProductCounts, ProductDecidedBy, Pull, PullSummary, Push,
    PushResult, PushSummary, Summary, SyncError, SyncedRecordCounts,
};

fn has(issues: &[Issue], code: Code) -> bool {
    issues.iter().any(|i| i.code == code)
}

fn eligibility(results: &[PushResult], resync: bool) -> EligibilityCounts {
    let eligible = results.iter().filter(|r| r.eligible).count();
    let with = |code: Code, pick: fn(&PushResult) -> &[Issue]| {
        resync.then(|| results.iter().filter(|r| has(pick(r), code)).count())
    };
    EligibilityCounts {
        total: results.len(),
        eligible,
        not_eligible: results.len() - eligible,
        already_pushed: with(Code::AlreadyPushed, |r| &r.errors),
        push_in_progress: with(Code::PushInProgress, |r| &r.errors),
        last_push_failed: with(Code::LastPushFailed, |r| &r.warnings),
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
        duplicate_match: cp.iter().filter(|c| c.reason == Some(Code::DuplicateMatch)).count(),
        with_suggestions: cp.iter().filter(|c| !c.suggestions.is_empty()).count(),
        linked: count(cp.iter().filter(|c| c.decided_by == Some(DecidedBy::Link)).count()),
        duplicate_link: count(cp.iter().filter(|c| c.reason == Some(Code::DuplicateLink)).count()),
        linked_record_missing: count(cp.iter().filter(|c| c.reason == Some(Code::LinkedRecordMissing)).count()),
        name_drift: count(cp.iter().filter(|c| has(&c.warnings, Code::NameDrift)).count()),
        country_drift: count(cp.iter().filter(|c| has(&c.warnings, Code::CountryDrift)).count()),
    };
    let pr = &pull.products;
    let products = ProductCounts {
        total: pr.len(),
        r#match: pr.iter().filter(|p| p.action == ProductAction::Match).count(),
        create: pr.iter().filter(|p| p.action == ProductAction::Create).count(),
        none: pr.iter().filter(|p| p.action == ProductAction::None).count(),
        multiple_matches: pr.iter().filter(|p| p.error.is_some()).count(),
        linked: count(pr.iter().filter(|p| p.decided_by == Some(ProductDecidedBy::Link)).count()),
        duplicate_link: count(pr.iter().filter(|p| has(&p.warnings, Code::DuplicateLink)).count()),
        linked_record_missing: count(pr.iter().filter(|p| has(&p.warnings, Code::LinkedRecordMissing)).count()),
        name_drift: count(pr.iter().filter(|p| has(&p.warnings, Code::NameDrift)).count()),
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

/// Link problems are reported under the object's family, `counterpart` or `product` (SPEC §3.0 item 7),
/// rather than the counterpart's `customer` / `vendor` type.
const LINK_CODES: &[Code] = &[Code::DuplicateLink, Code::LinkedRecordMissing];

/// The sync_object-style errors: every product `multiple_matches`, and every push issue of a record the
/// sync would attempt (records out of scope — a draft, an old document, a payable's payment — are left
/// out). Sorted by object type, id, code.
pub fn collect_errors(pull: &Pull, push: &Push, counterpart_types: impl Fn(&str) -> ObjectType) -> Vec<SyncError> {
    let mut errors = Vec::new();
    for p in &pull.products {
        if let Some(e) = &p.error {
            let id = p.monite_id.as_ref().or(p.accounting_id.as_ref()).cloned().unwrap_or_default();
            let message = format!(
                "product name matches several products (Monite: [{}], accounting: [{}]); none is matched or created",
                ids_in_words(&e.monite_ids, e.monite_ids_total),
                ids_in_words(&e.accounting_ids, e.accounting_ids_total)
            );
            errors.push(SyncError { object_type: ObjectType::Product, object_id: id, code: e.code, message });
        }
        for w in p.warnings.iter().filter(|w| LINK_CODES.contains(&w.code)) {
            let id = p.monite_id.clone().unwrap_or_default();
            errors.push(SyncError {
                object_type: ObjectType::Product,
                object_id: id,
                code: w.code,
                message: w.message.clone(),
            });
        }
    }
    for c in &push.counterparts {
        for issue in &c.errors {
            let object_type = if LINK_CODES.contains(&issue.code) {
                ObjectType::Counterpart
            } else {
                counterpart_types(&c.monite_id)
            };
            errors.push(SyncError {
                object_type,
                object_id: c.monite_id.clone(),
                code: issue.code,
                message: issue.message.clone(),
            });
        }
    }
    let sections: [(ObjectType, &Vec<PushResult>); 4] = [
        (ObjectType::Bill, &push.bills),
        (ObjectType::Receivable, &push.invoices),
        (ObjectType::Receivable, &push.credit_notes),
        (ObjectType::PaymentRecord, &push.payment_records),
    ];
    for (object_type, results) in sections {
        for r in results {
            if r.errors.iter().any(|i| i.code.out_of_scope()) {
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
    // Object types are declared in the order of their names; codes sort by their names.
    errors.sort_by(|a, b| {
        (a.object_type, &a.object_id, a.code.as_str()).cmp(&(b.object_type, &b.object_id, b.code.as_str()))
    });
    errors
}
