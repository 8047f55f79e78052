//! The accounting system's chart of accounts and tax rates, and the entity's settings and connection:
//! small, fixed lists (ids drawn from the seed) that every document refers to. Two tax rates share an
//! effective rate (20 %), a few ledger accounts are archived.

use serde_json::Value;

use super::dates;
use super::json::Obj;
use super::rng::Rng;

/// One accounting tax rate as documents need it.
#[derive(Debug, Clone)]
pub(crate) struct TaxRate {
    pub(crate) id: String,
    /// Basis points (12.5 % = 1250).
    pub(crate) rate: i64,
    pub(crate) name: &'static str,
}

/// The fixed accounting-side reference data and the entity around it.
#[derive(Debug)]
pub(crate) struct Chart {
    pub(crate) ledger_accounts: Vec<Value>,
    pub(crate) tax_rates: Vec<Value>,
    pub(crate) settings: Value,
    pub(crate) connection: Value,
    pub(crate) entity_id: String,
    /// Active income accounts (products, invoice lines).
    pub(crate) income_accounts: Vec<String>,
    /// Active expense and cost-of-goods accounts (bill lines).
    pub(crate) expense_accounts: Vec<String>,
    pub(crate) archived_accounts: Vec<String>,
    /// Rates whose effective rate is unique: a tax value alone maps to them.
    pub(crate) unique_rates: Vec<TaxRate>,
    /// The two rates sharing [`AMBIGUOUS_RATE`].
    pub(crate) ambiguous_rates: Vec<TaxRate>,
}

/// The effective rate two accounting tax rates share.
pub(crate) const AMBIGUOUS_RATE: i64 = 2000;
/// Tax values no accounting rate has (Germany's old 16 %, Portugal's 23 %, 2.5 %).
pub(crate) const UNMAPPED_RATES: &[i64] = &[1600, 2300, 250];

/// `(name, type, subtype, nominal code, is bank account, archived)`.
type LedgerRow = (&'static str, &'static str, &'static str, &'static str, bool, bool);

const LEDGER_ACCOUNTS: &[LedgerRow] = &[
    ("Sales", "Income", "SalesOfProductIncome", "4000", false, false),
    ("Services", "Income", "ServiceFeeIncome", "4010", false, false),
    ("Consulting Income", "Income", "ServiceFeeIncome", "4020", false, false),
    ("Product Sales", "Income", "SalesOfProductIncome", "4030", false, false),
    ("Shipping Income", "Income", "OtherPrimaryIncome", "4040", false, false),
    ("Other Income", "Other Income", "OtherMiscellaneousIncome", "4900", false, false),
    ("Cost of Goods Sold", "Cost of Goods Sold", "SuppliesMaterialsCogs", "5000", false, false),
    ("Advertising", "Expense", "AdvertisingPromotional", "6000", false, false),
    ("Bank Charges", "Expense", "BankCharges", "6010", false, false),
    ("Office Supplies", "Expense", "OfficeGeneralAdministrativeExpenses", "6020", false, false),
    ("Rent or Lease", "Expense", "RentOrLeaseOfBuildings", "6030", false, false),
    ("Travel", "Expense", "Travel", "6040", false, false),
    ("Utilities", "Expense", "Utilities", "6050", false, false),
    ("Software Subscriptions", "Expense", "OtherMiscellaneousServiceCost", "6060", false, false),
    ("Legal & Professional Fees", "Expense", "LegalProfessionalFees", "6070", false, false),
    ("Insurance", "Expense", "Insurance", "6080", false, false),
    ("Repairs & Maintenance", "Expense", "RepairMaintenance", "6090", false, false),
    ("Meals & Entertainment", "Expense", "EntertainmentMeals", "6100", false, false),
    ("Freight & Delivery", "Expense", "ShippingFreightDelivery", "6110", false, false),
    ("Telephone & Internet", "Expense", "Utilities", "6120", false, false),
    ("Training", "Expense", "OtherMiscellaneousServiceCost", "6130", false, false),
    ("Subcontractors", "Expense", "CostOfLabor", "6140", false, false),
    ("Business Checking", "Bank", "Checking", "1000", true, false),
    ("Savings", "Bank", "Savings", "1010", true, false),
    ("Accounts Receivable (A/R)", "Accounts Receivable", "AccountsReceivable", "1100", false, false),
    ("Undeposited Funds", "Other Current Asset", "UndepositedFunds", "1200", false, false),
    ("Accounts Payable (A/P)", "Accounts Payable", "AccountsPayable", "2000", false, false),
    ("VAT Control", "Other Current Liability", "GlobalTaxPayable", "2200", false, false),
    ("Printing & Stationery (old)", "Expense", "OfficeGeneralAdministrativeExpenses", "6900", false, true),
    ("Entertainment (legacy)", "Expense", "EntertainmentMeals", "6910", false, true),
    ("Old Sales Account", "Income", "SalesOfProductIncome", "4999", false, true),
];

/// `(name, code, effective rate in basis points)`. The two 20 % rates are the ambiguous pair.
const TAX_RATES: &[(&str, &str, i64)] = &[
    ("19% USt.", "DE19", 1900),
    ("7% USt.", "DE7", 700),
    ("20.0% S", "UK20S", 2000),
    ("20.0% ECS Purchases", "UK20ECP", 2000),
    ("5.0% R", "UK5", 500),
    ("21% BTW", "NL21", 2100),
    ("9% BTW", "NL9", 900),
    ("5.5% TVA", "FR55", 550),
    ("10% TVA", "FR10", 1000),
    ("13.5% Reduced", "IE135", 1350),
    ("8.1% MWST", "CH81", 810),
    ("Exempt", "EX", 0),
];

pub(crate) fn generate(seed: u64) -> Chart {
    let mut rng = Rng::new(seed, 3);
    let mut ledger_accounts = Vec::with_capacity(LEDGER_ACCOUNTS.len());
    let (mut income, mut expense, mut archived) = (Vec::new(), Vec::new(), Vec::new());
    let (mut products_default, mut payments_default) = (None, None);
    for &(name, kind, subtype, code, is_bank, is_archived) in LEDGER_ACCOUNTS {
        let id = rng.uuid();
        let balance = if is_bank { rng.range(500_000, 25_000_000) } else { rng.range(0, 5_000_000) };
        ledger_accounts.push(
            Obj::new()
                .s("id", id.clone())
                .s("name", name)
                .s("type", kind)
                .s("subtype", subtype)
                .s("status", if is_archived { "archived" } else { "active" })
                .b("is_bank_account", is_bank)
                .s("nominal_code", code)
                .s("currency", "EUR")
                .i("current_balance", balance)
                .build(),
        );
        match (is_archived, kind) {
            (true, _) => archived.push(id.clone()),
            (false, "Income") => income.push(id.clone()),
            (false, "Expense" | "Cost of Goods Sold") => expense.push(id.clone()),
            _ => {}
        }
        if name == "Sales" {
            products_default = Some(id.clone());
        }
        if name == "Undeposited Funds" {
            payments_default = Some(id);
        }
    }

    let mut tax_rates = Vec::with_capacity(TAX_RATES.len());
    let (mut unique_rates, mut ambiguous_rates) = (Vec::new(), Vec::new());
    let mut deductions = None;
    for &(name, code, rate) in TAX_RATES {
        let id = rng.uuid();
        let component = Obj::new().s("name", name).i("rate", rate).b("is_compound", false).build();
        tax_rates.push(
            Obj::new()
                .s("id", id.clone())
                .s("name", name)
                .s("code", code)
                .i("effective_tax_rate", rate)
                .i("total_tax_rate", rate)
                .s("status", "active")
                .a("components", vec![component])
                .build(),
        );
        let entry = TaxRate { id: id.clone(), rate, name };
        if rate == AMBIGUOUS_RATE {
            ambiguous_rates.push(entry);
        } else {
            unique_rates.push(entry);
        }
        if code == "EX" {
            deductions = Some(id);
        }
    }

    let settings = Obj::new()
        .v(
            "accounting",
            Obj::new()
                .v(
                    "ledger_account_ids",
                    Obj::new().opt_s("products", products_default).opt_s("payments", payments_default).build(),
                )
                .v("tax_ids", Obj::new().opt_s("deductions", deductions).build())
                .build(),
        )
        .s("language", "de")
        .s("vat_mode", "exclusive")
        .b("payables_skip_approval_flow", false)
        .build();

    let connection_id = rng.uuid();
    let connection = Obj::new()
        .s("id", connection_id.clone())
        .s("created_at", dates::datetime(dates::CONNECTION_CREATED))
        .s("updated_at", dates::datetime(dates::CONNECTION_CREATED + 161))
        .s("connection_url", format!("https://connect.accounting.example/link/{connection_id}"))
        .s("status", "connected")
        .s("platform", "quickbooks")
        .s("last_pull", dates::datetime(dates::CONNECTION_CREATED + 3 * 86_400 + 3_600))
        .a("errors", Vec::new())
        .build();

    Chart {
        ledger_accounts,
        tax_rates,
        settings,
        connection,
        entity_id: rng.uuid(),
        income_accounts: income,
        expense_accounts: expense,
        archived_accounts: archived,
        unique_rates,
        ambiguous_rates,
    }
}
