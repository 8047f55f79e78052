//! QuickBooks Online bodies (`Customer`, `Vendor`, `Item`, `Account`, `TaxRate`, with or without the
//! `QueryResponse` wrapper) to the neutral snapshot.
//!
//! Customers and vendors match on `DisplayName` (for a sub-customer that is its own name, not the
//! `Parent:Child` `FullyQualifiedName`). Inactive records are left out: QuickBooks renames them
//! (`… (deleted)`), so they neither match nor collide.

use serde::Deserialize;

use super::{country_code, percent_to_basis_points, records, text, Snapshot};
use crate::error::InputError;
use crate::model::accounting::{
    AccountingCounterpart, AccountingPrice, AccountingProduct, CounterpartKind, LedgerAccount, ProductType,
    RawQuickBooks, TaxRate,
};
use crate::model::monite::Address;

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Party {
    id: String,
    display_name: String,
    #[serde(default)]
    active: Option<bool>,
    #[serde(default)]
    bill_addr: Option<PhysicalAddress>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct PhysicalAddress {
    #[serde(default)]
    line1: Option<String>,
    #[serde(default)]
    line2: Option<String>,
    #[serde(default)]
    city: Option<String>,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    postal_code: Option<String>,
}

#[derive(Deserialize)]
struct AccountRef {
    #[serde(default)]
    value: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Item {
    id: String,
    name: String,
    #[serde(default)]
    active: Option<bool>,
    #[serde(default)]
    r#type: Option<String>,
    #[serde(default)]
    unit_price: Option<f64>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    income_account_ref: Option<AccountRef>,
    #[serde(default)]
    expense_account_ref: Option<AccountRef>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Account {
    id: String,
    name: String,
    #[serde(default)]
    active: Option<bool>,
    #[serde(default)]
    account_type: Option<String>,
    #[serde(default)]
    acct_num: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct RawTaxRate {
    id: String,
    name: String,
    #[serde(default)]
    active: Option<bool>,
    #[serde(default)]
    rate_value: Option<f64>,
}

/// Adapts every body present in `raw`.
pub fn adapt(raw: &RawQuickBooks) -> Result<Snapshot, InputError> {
    let mut snapshot = Snapshot::default();
    if let Some(body) = &raw.customers {
        snapshot.counterparts.extend(parties(body, "customers", "Customer", CounterpartKind::Customer)?);
    }
    if let Some(body) = &raw.vendors {
        snapshot.counterparts.extend(parties(body, "vendors", "Vendor", CounterpartKind::Vendor)?);
    }
    if let Some(body) = &raw.items {
        let items: Vec<Item> = records(body, "items", "Item")?;
        snapshot.products =
            items.into_iter().filter(|i| i.active != Some(false)).filter_map(|i| product(i, raw)).collect();
    }
    if let Some(body) = &raw.accounts {
        let accounts: Vec<Account> = records(body, "accounts", "Account")?;
        snapshot.ledger_accounts = accounts.into_iter().map(ledger_account).collect();
    }
    if let Some(body) = &raw.tax_rates {
        let rates: Vec<RawTaxRate> = records(body, "tax_rates", "TaxRate")?;
        snapshot.tax_rates = rates.into_iter().map(tax_rate).collect();
    }
    Ok(snapshot)
}

fn parties(
    body: &serde_json::value::RawValue,
    field: &str,
    entity: &str,
    kind: CounterpartKind,
) -> Result<Vec<AccountingCounterpart>, InputError> {
    let parsed: Vec<Party> = records(body, field, entity)?;
    Ok(parsed
        .into_iter()
        .filter(|p| p.active != Some(false))
        .map(|p| AccountingCounterpart {
            id: p.id,
            name: p.display_name,
            kind: Some(kind),
            address: p.bill_addr.map(|a| Address {
                id: None,
                country: text(a.country.as_deref()).map(|c| country_code(&c)),
                city: a.city,
                line1: a.line1,
                line2: a.line2,
                postal_code: a.postal_code,
            }),
        })
        .collect())
}

/// Category and bundle items are not products or services and are left out.
fn product(item: Item, raw: &RawQuickBooks) -> Option<AccountingProduct> {
    let r#type = match item.r#type.as_deref() {
        Some("Service") => Some(ProductType::Service),
        Some("Inventory" | "NonInventory") => Some(ProductType::Product),
        Some("Category" | "Group") => return None,
        _ => None,
    };
    let account = item.income_account_ref.or(item.expense_account_ref).and_then(|r| text(r.value.as_deref()));
    Some(AccountingProduct {
        id: item.id,
        name: item.name,
        price: item.unit_price.map(AccountingPrice::Major),
        currency: raw.currency.clone(),
        ledger_account_id: account,
        r#type,
        description: item.description,
    })
}

fn ledger_account(a: Account) -> LedgerAccount {
    LedgerAccount {
        id: a.id,
        name: Some(a.name),
        r#type: a.account_type,
        status: Some(if a.active == Some(false) { "Inactive" } else { "Active" }.to_owned()),
        nominal_code: a.acct_num,
        is_bank_account: None,
    }
}

fn tax_rate(r: RawTaxRate) -> TaxRate {
    TaxRate {
        id: r.id,
        name: Some(r.name),
        code: None,
        effective_tax_rate: r.rate_value.map(percent_to_basis_points),
        status: Some(if r.active == Some(false) { "inactive" } else { "active" }.to_owned()),
        direction: None,
    }
}
