//! Receivables: invoices (eligible, with a deduction, issued before the connection, draft, counterpart
//! not matched, tax rates that do not map or are ambiguous) and credit notes based on them (issued,
//! draft, issued before the connection, counterpart not matched), in the API's response shapes.

use serde_json::Value;

use super::chart::Chart;
use super::counterparts::CounterpartRef;
use super::dates;
use super::json::{price, Obj};
use super::lines::{self, TaxRef};
use super::manifest::{Expected, Manifest, Outcome};
use super::picks::CounterpartPool;
use super::products::ProductRef;
use super::rng::Rng;
use ledgerbridge::vocab::Code;

/// What credit notes and payment records need to know about an invoice.
#[derive(Debug, Clone)]
pub(crate) struct InvoiceRef {
    pub(crate) id: String,
    /// Index into the invoice values (to link credit notes back).
    index: usize,
    pub(crate) document_id: Option<String>,
    /// Unix time of issue, `None` for drafts.
    pub(crate) issued: Option<i64>,
    pub(crate) total: i64,
    counterpart: CounterpartRef,
    first_line: Option<Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum InvoiceCase {
    Eligible,
    EligibleDeduction,
    Predates,
    Draft,
    CounterpartBlocked,
    TaxMixed,
    TaxUnmapped,
    TaxAmbiguous,
}

impl InvoiceCase {
    fn label(self) -> &'static str {
        match self {
            InvoiceCase::Eligible => "eligible",
            InvoiceCase::EligibleDeduction => "eligible_with_deduction",
            InvoiceCase::Predates => "predates_connection",
            InvoiceCase::Draft => "status_not_pushable",
            InvoiceCase::CounterpartBlocked => "counterpart_not_matched",
            InvoiceCase::TaxMixed => "tax_rate_not_found_and_ambiguous",
            InvoiceCase::TaxUnmapped => "tax_rate_not_found",
            InvoiceCase::TaxAmbiguous => "tax_rate_ambiguous",
        }
    }
}

const INVOICE_PRELUDE: &[InvoiceCase] = &[
    InvoiceCase::Eligible,
    InvoiceCase::EligibleDeduction,
    InvoiceCase::Predates,
    InvoiceCase::Draft,
    InvoiceCase::CounterpartBlocked,
    InvoiceCase::TaxMixed,
];

const INVOICE_WEIGHTS: &[(InvoiceCase, u32)] = &[
    (InvoiceCase::Eligible, 450),
    (InvoiceCase::EligibleDeduction, 80),
    (InvoiceCase::Predates, 150),
    (InvoiceCase::Draft, 120),
    (InvoiceCase::CounterpartBlocked, 60),
    (InvoiceCase::TaxMixed, 20),
    (InvoiceCase::TaxUnmapped, 60),
    (InvoiceCase::TaxAmbiguous, 60),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CreditCase {
    Eligible,
    Draft,
    Predates,
    CounterpartBlocked,
}

impl CreditCase {
    fn label(self) -> &'static str {
        match self {
            CreditCase::Eligible => "eligible",
            CreditCase::Draft => "status_not_pushable",
            CreditCase::Predates => "predates_connection",
            CreditCase::CounterpartBlocked => "counterpart_not_matched",
        }
    }
}

const CREDIT_WEIGHTS: &[(CreditCase, u32)] = &[
    (CreditCase::Eligible, 500),
    (CreditCase::Draft, 250),
    (CreditCase::Predates, 150),
    (CreditCase::CounterpartBlocked, 100),
];

/// The sample entity (the Monite customer whose data is synced).
const ENTITY_NAME: &str = "Bluewater Trading GmbH";

pub(crate) struct Receivables {
    /// Invoices and credit notes, shuffled together.
    pub(crate) values: Vec<Value>,
    pub(crate) invoices: Vec<InvoiceRef>,
}

struct Ctx<'a> {
    rng: Rng,
    chart: &'a Chart,
    pool: CounterpartPool<'a>,
    products: &'a [ProductRef],
    manifest: &'a mut Manifest,
    next_number: i64,
}

pub(crate) fn generate(
    seed: u64,
    invoices: usize,
    credit_notes: usize,
    chart: &Chart,
    counterparts: &[CounterpartRef],
    products: &[ProductRef],
    manifest: &mut Manifest,
) -> Receivables {
    let mut ctx = Ctx {
        rng: Rng::new(seed, 5),
        chart,
        pool: CounterpartPool::new(counterparts),
        products,
        manifest,
        next_number: 1001,
    };
    let mut invoice_values = Vec::with_capacity(invoices);
    let mut refs = Vec::with_capacity(invoices);
    let weights: Vec<u32> = INVOICE_WEIGHTS.iter().map(|(_, w)| *w).collect();
    for i in 0..invoices {
        let case = match INVOICE_PRELUDE.get(i) {
            Some(case) => *case,
            None => INVOICE_WEIGHTS.get(ctx.rng.weighted(&weights)).map_or(InvoiceCase::Eligible, |(c, _)| *c),
        };
        if let Some(r) = invoice(&mut ctx, case, &mut invoice_values) {
            refs.push(r);
        }
    }

    let mut credit_values = Vec::with_capacity(credit_notes);
    let weights: Vec<u32> = CREDIT_WEIGHTS.iter().map(|(_, w)| *w).collect();
    for i in 0..credit_notes {
        let case = match CREDIT_WEIGHTS.get(i) {
            Some((case, _)) => *case,
            None => CREDIT_WEIGHTS.get(ctx.rng.weighted(&weights)).map_or(CreditCase::Eligible, |(c, _)| *c),
        };
        credit_note(&mut ctx, case, &refs, &mut invoice_values, &mut credit_values);
    }

    let mut values = invoice_values;
    values.extend(credit_values);
    ctx.rng.shuffle(&mut values);
    Receivables { values, invoices: refs }
}

/// The fields invoices and credit notes share.
fn document_base(ctx: &mut Ctx<'_>, id: &str, kind: &str, counterpart: &CounterpartRef, created: i64) -> Obj {
    let rng = &mut ctx.rng;
    let a = &counterpart.address;
    let billing = Obj::new()
        .s("country", a.country.clone())
        .s("city", a.city.clone())
        .s("line1", a.line1.clone())
        .opt_s("line2", a.line2.clone())
        .s("postal_code", a.postal_code.clone())
        .build();
    let language = if a.country == "DE" || a.country == "AT" { "de" } else { "en" };
    Obj::new()
        .s("id", id)
        .s("type", kind)
        .s("created_at", dates::datetime(created))
        .s("updated_at", dates::datetime(created + rng.range(60, 3 * 86_400)))
        .s("currency", "EUR")
        .s("counterpart_id", counterpart.id.clone())
        .s("counterpart_type", if counterpart.is_person { "individual" } else { "organization" })
        .s("counterpart_name", counterpart.name.clone())
        .v("counterpart_billing_address", billing)
        .v(
            "entity",
            Obj::new()
                .s("type", "organization")
                .s("name", ENTITY_NAME)
                .s("email", "accounting@bluewater.example")
                .s("vat_id", "DE813456789")
                .build(),
        )
        .v(
            "entity_address",
            Obj::new()
                .s("country", "DE")
                .s("city", "Berlin")
                .s("line1", "Friedrichstraße 123")
                .s("postal_code", "10117")
                .build(),
        )
        .s("file_language", language)
        .s("original_file_language", language)
        .s("vat_mode", "exclusive")
        .a("tags", Vec::new())
        .a("attachments", Vec::new())
}

/// The country a VAT value belongs to (for `vat_rate.country`).
fn vat_country(rate: i64) -> &'static str {
    match rate {
        2000 | 500 => "GB",
        2100 | 900 => "NL",
        550 | 1000 => "FR",
        1350 => "IE",
        810 | 250 => "CH",
        2300 => "PT",
        _ => "DE",
    }
}

/// One `ResponseItem`; returns it with its amounts before and after VAT.
fn response_item(ctx: &mut Ctx<'_>, tax: &TaxRef) -> (Value, i64, i64) {
    let rng = &mut ctx.rng;
    let product = rng.pick(ctx.products).cloned().unwrap_or_else(|| ProductRef {
        id: rng.uuid(),
        name: "Consulting Hour".to_owned(),
        price: 12_000,
        is_service: true,
        ledger_account_id: None,
    });
    let rate = tax.value().unwrap_or(0);
    let quantity = lines::quantity(rng, product.is_service);
    let (before, _, after) = lines::amounts(quantity, product.price, rate);
    let (_, _, unit_after) = lines::amounts(100, product.price, rate);
    let vat_name = match tax {
        TaxRef::Explicit { rate, .. } => rate.name.to_owned(),
        _ => format!("VAT {}%", rate as f64 / 100.0),
    };
    let vat_rate = Obj::new()
        .s("id", rng.uuid())
        .i("value", rate)
        .s("country", vat_country(rate))
        .a("components", vec![Obj::new().s("name", vat_name).i("value", rate).build()])
        .build();
    let ledger = product.ledger_account_id.clone().or_else(|| {
        if rng.chance(300) {
            rng.pick(&ctx.chart.income_accounts).cloned()
        } else {
            None
        }
    });
    let mut p = Obj::new()
        .s("id", product.id.clone())
        .s("name", product.name.clone())
        .v("price", price("EUR", product.price))
        .v("price_after_vat", price("EUR", unit_after))
        .v("vat_rate", vat_rate)
        .s("type", if product.is_service { "service" } else { "product" })
        .v("measure_unit", Obj::new().s("name", if product.is_service { "hour" } else { "pcs" }).build())
        .b("is_inline", false)
        .opt_s("ledger_account_id", ledger);
    // `LineItemProduct` carries the reference as `accounting_tax_rate_id` (the alias is for bill lines).
    if let Some((_, id)) = tax.reference() {
        p = p.s("accounting_tax_rate_id", id);
    }
    let item = Obj::new()
        .v("quantity", lines::quantity_json(quantity))
        .i("total_before_vat", before)
        .i("total_after_vat", after)
        .v("product", p.build())
        .build();
    (item, before, after)
}

fn invoice(ctx: &mut Ctx<'_>, case: InvoiceCase, values: &mut Vec<Value>) -> Option<InvoiceRef> {
    let id = ctx.rng.uuid();
    let mut codes: Vec<Code> = Vec::new();
    let counterpart = ctx.pool.pick(&mut ctx.rng, case == InvoiceCase::CounterpartBlocked)?.clone();
    if !counterpart.pushable {
        codes.push(Code::CounterpartNotMatched);
    }
    let connection = dates::CONNECTION_CREATED;
    let day = 86_400;
    let issued = match case {
        InvoiceCase::Draft => {
            codes.push(Code::StatusNotPushable);
            None
        }
        InvoiceCase::Predates => {
            codes.push(Code::PredatesConnection);
            Some(dates::midnight(dates::connection_day() - ctx.rng.range(1, 500)) + ctx.rng.range(25_200, 64_800))
        }
        _ => Some(dates::midnight(dates::connection_day() + ctx.rng.range(1, 200)) + ctx.rng.range(25_200, 64_800)),
    };
    let created = match issued {
        Some(t) => t - ctx.rng.range(600, 2 * day),
        None => connection + ctx.rng.range(day, 200 * day),
    };

    let line_count = 1 + ctx.rng.weighted(&[40, 30, 20, 10]);
    let mut taxes: Vec<TaxRef> = (0..line_count).map(|_| TaxRef::good(&mut ctx.rng, ctx.chart)).collect();
    let planted: Vec<TaxRef> = match case {
        InvoiceCase::TaxMixed => vec![TaxRef::unmapped(&mut ctx.rng), TaxRef::Ambiguous],
        InvoiceCase::TaxUnmapped => vec![TaxRef::unmapped(&mut ctx.rng)],
        InvoiceCase::TaxAmbiguous => vec![TaxRef::Ambiguous],
        _ => Vec::new(),
    };
    for (slot, tax) in planted.into_iter().enumerate() {
        if let Some(code) = tax.code() {
            codes.push(code);
        }
        match taxes.get_mut(slot) {
            Some(t) => *t = tax,
            None => taxes.push(tax),
        }
    }
    ctx.rng.shuffle(&mut taxes);
    let mut items = Vec::with_capacity(taxes.len());
    let (mut subtotal, mut total) = (0, 0);
    for tax in &taxes {
        let (item, before, after) = response_item(ctx, tax);
        subtotal += before;
        total += after;
        items.push(item);
    }
    let first_line = items.first().cloned();

    let deduction = if case == InvoiceCase::EligibleDeduction { Some(ctx.rng.range(5, 200) * 100) } else { None };
    let document_id = issued.map(|t| {
        let n = ctx.next_number;
        ctx.next_number += 1;
        format!("INV-{}-{n:05}", dates::year(t.div_euclid(day)))
    });
    let status = match (issued, case) {
        (None, _) => "draft",
        (Some(_), InvoiceCase::Predates) if ctx.rng.chance(500) => "paid",
        _ => "issued",
    };
    let amount_paid = if status == "paid" { total } else { 0 };
    let mut obj = document_base(ctx, &id, "invoice", &counterpart, created)
        .s("status", status)
        .a("line_items", items)
        .i("subtotal", subtotal)
        .i("total_vat_amount", total - subtotal)
        .i("total_amount", total)
        .i("total_amount_with_credit_notes", total)
        .i("amount_paid", amount_paid)
        .i("amount_due", total - amount_paid)
        .i("amount_to_pay", total - amount_paid)
        .v("related_documents", Obj::new().a("credit_note_ids", Vec::new()).build())
        .a("total_vat_amounts", Vec::new())
        .opt_s("document_id", document_id.clone());
    if let Some(t) = issued {
        obj = obj.s("issue_date", dates::datetime(t)).s("due_date", dates::date(t.div_euclid(day) + 30));
    }
    if let Some(amount) = deduction {
        obj = obj.i("deduction_amount", amount).s("deduction_memo", "Skonto 2 % / early payment");
    }
    if status == "paid" {
        if let Some(t) = issued {
            obj = obj.s("paid_at", dates::datetime(t + 14 * day));
        }
    }
    let index = values.len();
    values.push(obj.build());
    let outcome = Outcome::Eligible(codes.is_empty());
    ctx.manifest.add(Expected::new("invoices", &id, case.label(), outcome).codes(&codes));
    Some(InvoiceRef { id, index, document_id, issued, total, counterpart, first_line })
}

fn credit_note(
    ctx: &mut Ctx<'_>,
    case: CreditCase,
    invoices: &[InvoiceRef],
    invoice_values: &mut [Value],
    out: &mut Vec<Value>,
) {
    let connection_day = dates::connection_day();
    let day = 86_400;
    // The invoice it is based on: an issued one of a suitable counterpart (and date).
    let want_blocked = case == CreditCase::CounterpartBlocked;
    let candidates: Vec<&InvoiceRef> = invoices
        .iter()
        .filter(|i| i.issued.is_some() && i.counterpart.pushable != want_blocked)
        .filter(|i| case != CreditCase::Predates || i.issued.is_some_and(|t| t.div_euclid(day) < connection_day))
        .collect();
    let based_on = ctx.rng.pick(&candidates).copied();
    let counterpart = match based_on {
        Some(i) => i.counterpart.clone(),
        None => match ctx.pool.pick(&mut ctx.rng, want_blocked) {
            Some(c) => c.clone(),
            None => return,
        },
    };
    let id = ctx.rng.uuid();
    let mut codes: Vec<Code> = Vec::new();
    if !counterpart.pushable {
        codes.push(Code::CounterpartNotMatched);
    }
    let invoice_day = based_on.and_then(|i| i.issued).map(|t| t.div_euclid(day));
    let issued_day = match case {
        CreditCase::Draft => {
            codes.push(Code::StatusNotPushable);
            None
        }
        CreditCase::Predates => {
            codes.push(Code::PredatesConnection);
            let earliest = invoice_day.unwrap_or(connection_day - 200);
            Some((earliest + ctx.rng.range(1, 30)).min(connection_day - 1))
        }
        _ => {
            let from = invoice_day.unwrap_or(connection_day).max(connection_day);
            Some(from + ctx.rng.range(1, 60))
        }
    };
    let issued = issued_day.map(|d| dates::midnight(d) + ctx.rng.range(25_200, 64_800));
    let created = match issued {
        Some(t) => t - ctx.rng.range(600, day),
        None => dates::CONNECTION_CREATED + ctx.rng.range(day, 120 * day),
    };

    let line = match based_on.and_then(|i| i.first_line.clone()) {
        Some(line) => line,
        None => {
            let tax = TaxRef::good(&mut ctx.rng, ctx.chart);
            response_item(ctx, &tax).0
        }
    };
    let before = line.get("total_before_vat").and_then(Value::as_i64).unwrap_or(0);
    let after = line.get("total_after_vat").and_then(Value::as_i64).unwrap_or(0);
    let status = if issued.is_some() { "issued" } else { "draft" };
    let mut obj = document_base(ctx, &id, "credit_note", &counterpart, created)
        .s("status", status)
        .a("line_items", vec![line])
        .i("subtotal", before)
        .i("total_vat_amount", after - before)
        .i("total_amount", after)
        .a("total_vat_amounts", Vec::new())
        .s("memo", "Credit for returned goods / billing correction");
    if let Some(t) = issued {
        let n = ctx.next_number;
        ctx.next_number += 1;
        obj = obj
            .s("issue_date", dates::datetime(t))
            .s("document_id", format!("CN-{}-{n:05}", dates::year(t.div_euclid(day))));
    }
    if let Some(invoice) = based_on {
        obj = obj.s("based_on", invoice.id.clone()).opt_s("based_on_document_id", invoice.document_id.clone());
        if let Some(ids) = invoice_values
            .get_mut(invoice.index)
            .and_then(|v| v.pointer_mut("/related_documents/credit_note_ids"))
            .and_then(Value::as_array_mut)
        {
            ids.push(Value::String(id.clone()));
        }
    }
    out.push(obj.build());
    let outcome = Outcome::Eligible(codes.is_empty());
    ctx.manifest.add(Expected::new("credit_notes", &id, case.label(), outcome).codes(&codes));
}
