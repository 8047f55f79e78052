//! `plan_sync` (SPEC §5, §8): one pure, deterministic call from everything the platform knows to the full
//! preview of a sync — every pull result, every push decision with its reasons, summary counts, and the
//! sync_object-style errors.

pub mod summary;

use rustc_hash::FxHashMap;

use crate::input::records::accounting::CounterpartKind;
use crate::input::records::monite::ReceivableType;
use crate::input::PlanInput;
use crate::links::{Family, Links};
use crate::mapping::Tables;
use crate::matching::counterparts::{match_sides, AccountingSide, MoniteSide};
use crate::matching::products::{match_products_linked, LedgerDefaults, ProductKeys};
use crate::push::bills::validate_bill;
use crate::push::context::{connected_at, PushContext, Standings};
use crate::push::counterparts::plan_counterparts;
use crate::push::payment_records::validate_payment_record;
use crate::push::receivables::{validate_credit_note, validate_invoice};
use crate::push::synced;
use crate::vocab::{LedgerAccountRow, ObjectType, Pull, Push, PushResult, SyncPlan, TaxRateRow};

/// Plans the sync. Pure: no clock, no randomness, no I/O; the same records in any order give the same plan
/// (every list is sorted by id).
///
/// ```
/// let input = ledgerbridge::PlanInput::from_json_str(r#"{
///   "monite": { "counterparts": [{ "id": "m1", "organization": { "legal_name": "Acme Limited" } }] },
///   "accounting": { "counterparts": [{ "id": "a1", "name": "ACME Ltd.", "kind": "vendor" }] }
/// }"#).unwrap();
/// let plan = ledgerbridge::plan_sync(&input);
/// assert_eq!(plan.pull.counterparts[0].accounting_id.as_deref(), Some("a1"));
/// ```
pub fn plan_sync(input: &PlanInput) -> SyncPlan {
    let monite = &input.monite;
    let accounting = &input.accounting;

    let links = Links::build(&monite.synced_records);
    let counterpart_links = links.of(Family::Counterpart);
    let names = &input.names;
    let accounting_keys = &names.accounting_counterpart_keys;
    let monite_side = MoniteSide {
        records: &monite.counterparts,
        names: &names.monite_counterparts,
        keys: &names.monite_counterpart_keys,
    };
    let accounting_side = AccountingSide { records: &accounting.counterparts, keys: accounting_keys };
    let counterpart_matches = match_sides(monite_side, accounting_side, counterpart_links);

    crate::work::mark("counterparts: sort");
    let mut accounting_names: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
    for (key, record) in accounting_keys.iter().zip(&accounting.counterparts) {
        // A record without a name collides with nothing (SPEC §3.1 "Empty names").
        if !key.is_empty() {
            accounting_names.entry(key.as_str()).or_default().push(record.id.as_str());
        }
    }
    for ids in accounting_names.values_mut() {
        ids.sort_unstable();
    }
    let (counterpart_pushes, standing) =
        plan_counterparts(monite_side, &counterpart_matches, &accounting_names, counterpart_links);

    crate::work::mark("push counterparts");
    let defaults = LedgerDefaults { default_products: monite.settings.default_products_ledger() };
    let product_keys = ProductKeys { monite: &names.monite_product_keys, accounting: &names.accounting_product_keys };
    let products = match_products_linked(
        &monite.products,
        &accounting.products,
        product_keys,
        &defaults,
        links.of(Family::Product),
    );

    crate::work::mark("products");
    let tables = Tables::new(accounting.ledger_accounts.clone(), accounting.tax_rates.clone());
    let ctx = PushContext {
        tables: &tables,
        settings: &monite.settings,
        policy: &input.policy,
        connected_at: connected_at(monite.connection.as_ref()),
        counterparts: Standings::Plan(&standing),
    };
    let record = |family: Family, id: &str| links.counting(family, id);
    let mut bills: Vec<PushResult> = monite
        .payables
        .iter()
        .map(|b| synced::decide(&b.id, record(Family::Bill, &b.id), || validate_bill(b, &ctx)))
        .collect();
    let mut invoices = Vec::new();
    let mut credit_notes = Vec::new();
    for r in &monite.receivables {
        let counting = record(Family::Receivable, &r.id);
        match r.r#type {
            ReceivableType::Invoice => invoices.push(synced::decide(&r.id, counting, || validate_invoice(r, &ctx))),
            ReceivableType::CreditNote => {
                credit_notes.push(synced::decide(&r.id, counting, || validate_credit_note(r, &ctx)))
            }
            ReceivableType::Quote => {}
        }
    }
    let mut payment_records: Vec<PushResult> = monite
        .payment_records
        .iter()
        .map(|p| synced::decide(&p.id, record(Family::PaymentRecord, &p.id), || validate_payment_record(p, &ctx)))
        .collect();
    for list in [&mut bills, &mut invoices, &mut credit_notes, &mut payment_records] {
        list.sort_unstable_by(|a, b| a.monite_id.cmp(&b.monite_id)); // ids are unique (the gate)
    }

    crate::work::mark("documents");
    let tax_rates = tax_rate_rows(input, [&bills, &invoices, &credit_notes]);
    let ledger_rows = ledger_rows(input, &products);
    let pull = Pull { counterparts: counterpart_matches, products, tax_rates, ledger_accounts: ledger_rows };
    let push = Push { counterparts: counterpart_pushes, bills, invoices, credit_notes, payment_records };

    let kinds: FxHashMap<&str, ObjectType> = monite
        .counterparts
        .iter()
        .map(|c| {
            let kind = match c.kind() {
                CounterpartKind::Vendor => ObjectType::Vendor,
                CounterpartKind::Customer => ObjectType::Customer,
            };
            (c.id.as_str(), kind)
        })
        .collect();
    let errors = summary::collect_errors(&pull, &push, |id| kinds.get(id).copied().unwrap_or(ObjectType::Customer));
    let summary = summary::summarize(&pull, &push, &errors, &links);
    crate::work::mark("rows, errors, summary");
    SyncPlan { pull, push, summary, errors }
}

/// Plans the sync from JSON text and returns the plan as JSON text (the CLI's and `planSyncJson`'s path).
pub fn plan_sync_json(text: &str) -> Result<String, crate::InputError> {
    serde_json::to_string(&planned(text)?).map_err(unwritable)
}

/// Plans the sync from UTF-8 JSON bytes and returns the plan as UTF-8 JSON bytes (the path of
/// `planSyncBytes`): what a file read or an HTTP body gives, with no conversion to text on either side.
/// Bytes that are not UTF-8 are `invalid_json`, naming the offset of the first bad byte.
pub fn plan_sync_bytes(bytes: &[u8]) -> Result<Vec<u8>, crate::InputError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        crate::InputError::new(
            crate::InputErrorKind::InvalidJson,
            "",
            format!("not UTF-8 text: byte {} starts an invalid sequence", e.valid_up_to()),
        )
    })?;
    let plan = planned(text)?;
    // Sized once for the usual plan (about half its input; it grows past that by doubling), and written as
    // bytes: no UTF-8 check of the output, which serde_json writes as UTF-8 anyway.
    let mut out = Vec::with_capacity(bytes.len() / 2);
    serde_json::to_writer(&mut out, &plan).map_err(unwritable)?;
    Ok(out)
}

/// The plan of a JSON text. The input is dropped on return, before the caller writes the plan: the peak
/// holds the plan and its text, not the input too.
fn planned(text: &str) -> Result<SyncPlan, crate::InputError> {
    Ok(plan_sync(&PlanInput::from_json_str(text)?))
}

fn unwritable(e: serde_json::Error) -> crate::InputError {
    crate::InputError::new(crate::InputErrorKind::InvalidValue, "", format!("the plan could not be written: {e}"))
}

/// The accounting tax rates, with how many document lines each one maps (from the eligible payloads and
/// the shaped lines alike).
fn tax_rate_rows(input: &PlanInput, sections: [&Vec<PushResult>; 3]) -> Vec<TaxRateRow> {
    let mut used: FxHashMap<String, usize> = FxHashMap::default();
    for results in sections {
        for r in results {
            let lines = r.payload.as_ref().map(|p| p.lines()).unwrap_or_default();
            for id in lines.iter().filter_map(|line| line.tax_rate_ref.id.as_deref()) {
                *used.entry(id.to_owned()).or_default() += 1;
            }
        }
    }
    let mut rows: Vec<TaxRateRow> = input
        .accounting
        .tax_rates
        .iter()
        .map(|t| TaxRateRow {
            accounting_id: t.id.clone(),
            name: t.name.clone(),
            code: t.code.clone(),
            effective_tax_rate: t.effective_tax_rate,
            status: t.status.clone(),
            direction: t.applies_to(),
            mapped_lines: used.get(&t.id).copied().unwrap_or(0),
        })
        .collect();
    rows.sort_unstable_by(|a, b| a.accounting_id.cmp(&b.accounting_id)); // ids are unique (the gate)
    rows
}

/// The ledger accounts, with how many products (matched or to be created) use each one.
fn ledger_rows(input: &PlanInput, products: &[crate::vocab::ProductResult]) -> Vec<LedgerAccountRow> {
    let mut used: FxHashMap<&str, usize> = FxHashMap::default();
    let defaults = LedgerDefaults { default_products: input.monite.settings.default_products_ledger() };
    let by_id: FxHashMap<&str, &crate::input::records::accounting::AccountingProduct> =
        input.accounting.products.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut applied: Vec<String> = Vec::new();
    for row in products {
        if row.error.is_some() {
            continue;
        }
        if let Some(product) = row.accounting_id.as_deref().and_then(|id| by_id.get(id)) {
            if let Some(ledger) = defaults.for_product(product) {
                applied.push(ledger);
            }
        }
    }
    for id in &applied {
        *used.entry(id.as_str()).or_default() += 1;
    }
    let mut rows: Vec<LedgerAccountRow> = input
        .accounting
        .ledger_accounts
        .iter()
        .map(|a| LedgerAccountRow {
            accounting_id: a.id.clone(),
            name: a.name.clone(),
            r#type: a.r#type.clone(),
            status: a.status.clone(),
            nominal_code: a.nominal_code.clone(),
            active: a.is_active(),
            products: used.get(a.id.as_str()).copied().unwrap_or(0),
        })
        .collect();
    rows.sort_unstable_by(|a, b| a.accounting_id.cmp(&b.accounting_id)); // ids are unique (the gate)
    rows
}
