//! Bills (payables with their line items), built so that every push outcome of SPEC §4 for bills occurs:
//! eligible in each pushable status, and blocked for each reason — status, issued before the
//! connection, no lines, missing / unknown / archived ledger account, tax rate not found (unmapped value,
//! no reference, unknown reference) or ambiguous, counterpart not matched, and several at once.

use serde_json::Value;

use super::chart::Chart;
use super::counterparts::CounterpartRef;
use super::dates;
use super::geo;
use super::json::Obj;
use super::lines::{self, TaxRef};
use super::manifest::{Expected, Manifest, Outcome};
use super::picks::CounterpartPool;
use super::rng::Rng;
use super::words;
use ledgerbridge::vocab::Code;

/// What payment records need to know about a bill.
#[derive(Debug, Clone)]
pub(crate) struct BillRef {
    pub(crate) id: String,
    pub(crate) total: i64,
    pub(crate) currency: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    EligibleIssued,
    EligibleCanceled,
    BadStatus,
    Predates,
    NoLines,
    LedgerMissing,
    LedgerUnknown,
    LedgerArchived,
    TaxUnmapped,
    TaxNothing,
    TaxUnknownRef,
    TaxAmbiguous,
    CounterpartBlocked,
    Several,
}

impl Case {
    fn label(self) -> &'static str {
        match self {
            Case::EligibleIssued => "eligible_issued",
            Case::EligibleCanceled => "eligible_canceled",
            Case::BadStatus => "status_not_pushable",
            Case::Predates => "predates_connection",
            Case::NoLines => "line_items_missing",
            Case::LedgerMissing => "ledger_account_missing",
            Case::LedgerUnknown => "ledger_account_unknown",
            Case::LedgerArchived => "ledger_account_archived",
            Case::TaxUnmapped => "tax_rate_not_found_value",
            Case::TaxNothing => "tax_rate_not_found_no_reference",
            Case::TaxUnknownRef => "tax_rate_not_found_unknown_reference",
            Case::TaxAmbiguous => "tax_rate_ambiguous",
            Case::CounterpartBlocked => "counterpart_not_matched",
            Case::Several => "several_reasons",
        }
    }
}

const WEIGHTS: &[(Case, u32)] = &[
    (Case::EligibleIssued, 400),
    (Case::EligibleCanceled, 120),
    (Case::BadStatus, 150),
    (Case::Predates, 80),
    (Case::NoLines, 30),
    (Case::LedgerMissing, 30),
    (Case::LedgerUnknown, 25),
    (Case::LedgerArchived, 25),
    (Case::TaxUnmapped, 25),
    (Case::TaxNothing, 20),
    (Case::TaxUnknownRef, 15),
    (Case::TaxAmbiguous, 30),
    (Case::CounterpartBlocked, 35),
    (Case::Several, 15),
];

/// Statuses outside the default pushable set (`issued`, `canceled`).
const OTHER_STATUSES: &[&str] =
    &["draft", "new", "approve_in_progress", "waiting_to_be_paid", "partially_paid", "paid", "rejected"];

/// A line's ledger account reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ledger {
    Good,
    Missing,
    Unknown,
    Archived,
}

/// The defects a line can be given on purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineDefect {
    LedgerMissing,
    LedgerUnknown,
    LedgerArchived,
    TaxUnmapped,
    TaxNothing,
    TaxUnknownRef,
    TaxAmbiguous,
}

const DEFECTS: &[LineDefect] = &[
    LineDefect::LedgerMissing,
    LineDefect::LedgerUnknown,
    LineDefect::LedgerArchived,
    LineDefect::TaxUnmapped,
    LineDefect::TaxNothing,
    LineDefect::TaxUnknownRef,
    LineDefect::TaxAmbiguous,
];

pub(crate) struct Bills {
    pub(crate) values: Vec<Value>,
    pub(crate) refs: Vec<BillRef>,
}

pub(crate) fn generate(
    seed: u64,
    n: usize,
    chart: &Chart,
    counterparts: &[CounterpartRef],
    manifest: &mut Manifest,
) -> Bills {
    let mut rng = Rng::new(seed, 4);
    let pool = CounterpartPool::new(counterparts);
    let weights: Vec<u32> = WEIGHTS.iter().map(|(_, w)| *w).collect();
    let mut out = Bills { values: Vec::with_capacity(n), refs: Vec::with_capacity(n) };
    for i in 0..n {
        // Every case once first (in `WEIGHTS` order), then by share.
        let case = match WEIGHTS.get(i) {
            Some((case, _)) => *case,
            None => WEIGHTS.get(rng.weighted(&weights)).map_or(Case::EligibleIssued, |(c, _)| *c),
        };
        bill(&mut rng, case, chart, &pool, &mut out, manifest);
    }
    rng.shuffle(&mut out.values);
    out
}

fn bill(
    rng: &mut Rng,
    case: Case,
    chart: &Chart,
    pool: &CounterpartPool<'_>,
    out: &mut Bills,
    manifest: &mut Manifest,
) {
    let id = rng.uuid();
    let mut codes: Vec<Code> = Vec::new();

    let want_blocked = case == Case::CounterpartBlocked || (case == Case::Several && rng.chance(500));
    let counterpart = pool.pick(rng, want_blocked);
    let (counterpart_id, currency) = match counterpart {
        Some(c) => {
            if !c.pushable {
                codes.push(Code::CounterpartNotMatched);
            }
            (c.id.clone(), geo::currency(&c.address.country))
        }
        None => {
            codes.push(Code::CounterpartNotMatched);
            (rng.uuid(), "EUR")
        }
    };

    let status = match case {
        Case::EligibleIssued => "issued",
        Case::EligibleCanceled => "canceled",
        Case::BadStatus | Case::Several => rng.word(OTHER_STATUSES),
        _ if rng.chance(800) => "issued",
        _ => "canceled",
    };
    if status != "issued" && status != "canceled" {
        codes.push(Code::StatusNotPushable);
    }
    let connection_day = dates::connection_day();
    let issued_day = if case == Case::Predates {
        codes.push(Code::PredatesConnection);
        connection_day - rng.range(1, 420)
    } else {
        connection_day + rng.range(1, 200)
    };

    // Line defects planted on purpose.
    let mut defects: Vec<LineDefect> = match case {
        Case::LedgerMissing => vec![LineDefect::LedgerMissing],
        Case::LedgerUnknown => vec![LineDefect::LedgerUnknown],
        Case::LedgerArchived => vec![LineDefect::LedgerArchived],
        Case::TaxUnmapped => vec![LineDefect::TaxUnmapped],
        Case::TaxNothing => vec![LineDefect::TaxNothing],
        Case::TaxUnknownRef => vec![LineDefect::TaxUnknownRef],
        Case::TaxAmbiguous => vec![LineDefect::TaxAmbiguous],
        Case::Several => {
            let first = rng.below(DEFECTS.len());
            let second = (first + 1 + rng.below(DEFECTS.len() - 1)) % DEFECTS.len();
            [first, second].iter().filter_map(|i| DEFECTS.get(*i).copied()).collect()
        }
        _ => Vec::new(),
    };
    let line_count = if case == Case::NoLines {
        codes.push(Code::LineItemsMissing);
        0
    } else {
        let wanted = 1 + rng.weighted(&[45, 25, 15, 10, 5]);
        wanted.max(defects.len())
    };
    // Each defect goes to its own line (in a random place).
    let mut slots: Vec<Option<LineDefect>> = (0..line_count).map(|_| defects.pop()).collect();
    rng.shuffle(&mut slots);

    let mut line_values = Vec::with_capacity(line_count);
    let (mut subtotal, mut tax_total) = (0, 0);
    for defect in slots {
        let ledger = match defect {
            Some(LineDefect::LedgerMissing) => Ledger::Missing,
            Some(LineDefect::LedgerUnknown) => Ledger::Unknown,
            Some(LineDefect::LedgerArchived) => Ledger::Archived,
            _ => Ledger::Good,
        };
        let tax = match defect {
            Some(LineDefect::TaxUnmapped) => TaxRef::unmapped(rng),
            Some(LineDefect::TaxNothing) => TaxRef::Nothing,
            Some(LineDefect::TaxUnknownRef) => TaxRef::UnknownRef(rng.uuid()),
            Some(LineDefect::TaxAmbiguous) => TaxRef::Ambiguous,
            _ => TaxRef::good(rng, chart),
        };
        match ledger {
            Ledger::Missing => codes.push(Code::LedgerAccountMissing),
            // Not a known, active ledger account: the contract has one code for both.
            Ledger::Unknown | Ledger::Archived => codes.push(Code::LedgerAccountUnknown),
            Ledger::Good => {}
        }
        if let Some(code) = tax.code() {
            codes.push(code);
        }
        let (value, sub, tax_amount) = line(rng, &id, ledger, &tax, chart);
        subtotal += sub;
        tax_total += tax_amount;
        line_values.push(value);
    }

    let total = subtotal + tax_total;
    let (amount_paid, amount_due) = match status {
        "paid" => (total, 0),
        "partially_paid" => (total / 2, total - total / 2),
        "canceled" | "rejected" => (0, 0),
        _ => (0, total),
    };
    let created = dates::midnight(issued_day) + rng.range(86_400, 5 * 86_400);
    let updated = created + rng.range(60, 20 * 86_400);
    let document_id = match rng.below(4) {
        0 => format!("RE-{}-{:05}", dates::year(issued_day), rng.range(1, 99_999)),
        1 => format!("INV-{:06}", rng.range(1, 999_999)),
        2 => format!("{:08}", rng.range(10_000_000, 99_999_999)),
        _ => format!("F{}-{:04}", dates::year(issued_day), rng.range(1, 9_999)),
    };
    let origin = if rng.chance(600) { "upload" } else { "email" };
    let mut obj = Obj::new()
        .s("id", id.clone())
        .s("created_at", dates::datetime(created))
        .s("updated_at", dates::datetime(updated))
        .s("entity_id", chart.entity_id.clone())
        .s("counterpart_id", counterpart_id)
        .s("status", status)
        .s("currency", currency)
        .s("issued_at", dates::date(issued_day))
        .s("due_date", dates::date(issued_day + rng.pick(&[14, 30, 30, 45, 60]).copied().unwrap_or(30)))
        .s("document_id", document_id)
        .s("payable_origin", origin)
        .s("source_of_payable_data", if rng.chance(700) { "ocr" } else { "user_specified" })
        .a("credit_notes", Vec::new())
        .a("tags", Vec::new())
        .i("subtotal", subtotal)
        .i("tax_amount", tax_total)
        .i("total_amount", total)
        .i("total_amount_with_credit_notes", total)
        .i("amount_due", amount_due)
        .i("amount_paid", amount_paid)
        .i("amount_to_pay", amount_due)
        .a("line_items", line_values);
    if origin == "email" {
        obj = obj.s("sender", "invoices@supplier.example");
    }
    if status == "paid" {
        obj = obj.s("paid_at", dates::datetime(updated));
    }
    out.values.push(obj.build());
    out.refs.push(BillRef { id: id.clone(), total, currency });

    let outcome = Outcome::Eligible(codes.is_empty());
    manifest.add(Expected::new("bills", &id, case.label(), outcome).codes(&codes));
}

/// One `LineItemResponse`; returns it with its subtotal and tax amount.
fn line(rng: &mut Rng, payable_id: &str, ledger: Ledger, tax: &TaxRef, chart: &Chart) -> (Value, i64, i64) {
    let is_service = rng.chance(400);
    let name = rng.word(if is_service { words::SERVICES } else { words::GOODS });
    let quantity = lines::quantity(rng, is_service);
    let unit_price = if is_service { rng.range(40, 180) * 100 } else { rng.range(99, 90_000) };
    let rate = tax.value().unwrap_or(0);
    let (subtotal, tax_amount, total) = lines::amounts(quantity, unit_price, rate);
    let ledger_id = match ledger {
        Ledger::Good => rng.pick(&chart.expense_accounts).cloned(),
        Ledger::Missing => None,
        Ledger::Unknown => Some(rng.uuid()),
        Ledger::Archived => rng.pick(&chart.archived_accounts).cloned(),
    };
    let mut obj = Obj::new()
        .s("id", rng.uuid())
        .s("payable_id", payable_id)
        .s("name", name)
        .v("quantity", lines::quantity_json(quantity))
        .s("unit", if is_service { "hour" } else { "pcs" })
        .i("unit_price", unit_price)
        .i("subtotal", subtotal)
        .i("tax_amount", tax_amount)
        .i("total", total)
        .opt_s("ledger_account_id", ledger_id);
    if let Some(value) = tax.value() {
        obj = obj.i("tax", value);
    }
    if let Some((field, id)) = tax.reference() {
        obj = obj.s(field, id);
    }
    if rng.chance(200) {
        obj = obj.s("description", format!("{name}, see delivery note {}", rng.range(1_000, 99_999)));
    }
    (obj.build(), subtotal, tax_amount)
}
