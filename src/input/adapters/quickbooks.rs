//! QuickBooks Online bodies (`Customer`, `Vendor`, `Item`, `Account`, `TaxRate`, with or without the
//! `QueryResponse` wrapper) to the neutral snapshot.
//!
//! Customers and vendors match on `DisplayName` (for a sub-customer that is its own name, not the
//! `Parent:Child` `FullyQualifiedName`). Inactive records are left out: QuickBooks renames them
//! (`… (deleted)`), so they neither match nor collide.

use serde::Deserialize;

use super::{country_code, percent_to_basis_points, records, room, text, unit_price, Adapted, RawList};
use crate::error::InputError;
use crate::input::records::accounting::{
    AccountingCounterpart, AccountingPrice, AccountingProduct, CounterpartKind, LedgerAccount, ProductType,
    RawQuickBooks, TaxRate,
};
use crate::input::records::monite::Address;
use crate::json::de::object;

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Party {
    id: String,
    display_name: String,
    #[serde(default)]
    active: Option<bool>,
    #[serde(default, deserialize_with = "object")]
    bill_addr: Option<PhysicalAddress>,
    #[serde(default, deserialize_with = "object")]
    currency_ref: Option<AccountRef>,
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
    #[serde(default, deserialize_with = "object")]
    income_account_ref: Option<AccountRef>,
    #[serde(default, deserialize_with = "object")]
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

/// Adapts every body present in `raw`. Item prices are in the company's currency: `raw.currency` when given,
/// else the first `CurrencyRef` of a customer or vendor (QuickBooks items carry none).
pub fn adapt(raw: &RawQuickBooks) -> Result<Adapted, InputError> {
    let mut out = Adapted::default();
    out.snapshot.currency = raw.currency.clone();
    if let Some(body) = &raw.customers {
        parties(body, "customers", "Customer", CounterpartKind::Customer, &mut out)?;
    }
    if let Some(body) = &raw.vendors {
        parties(body, "vendors", "Vendor", CounterpartKind::Vendor, &mut out)?;
    }
    if let Some(body) = &raw.items {
        let items: RawList<Item> = records(body, "items", "Item")?;
        room(&mut out.snapshot.products, &mut out.origins.products, items.items.len());
        for (i, item) in items.items.iter().enumerate().filter(|(_, item)| item.active != Some(false)) {
            let price = unit_price(item.unit_price, || items.field_path(i, "UnitPrice"))?;
            if let Some(product) = product(item, price, out.snapshot.currency.as_deref()) {
                out.snapshot.products.push(product);
                out.origins.products.push(items.origin(i, "Id"));
            }
        }
    }
    if let Some(body) = &raw.accounts {
        let accounts: RawList<Account> = records(body, "accounts", "Account")?;
        room(&mut out.snapshot.ledger_accounts, &mut out.origins.ledger_accounts, accounts.items.len());
        for (i, account) in accounts.items.iter().enumerate() {
            out.snapshot.ledger_accounts.push(ledger_account(account));
            out.origins.ledger_accounts.push(accounts.origin(i, "Id"));
        }
    }
    if let Some(body) = &raw.tax_rates {
        let rates: RawList<RawTaxRate> = records(body, "tax_rates", "TaxRate")?;
        room(&mut out.snapshot.tax_rates, &mut out.origins.tax_rates, rates.items.len());
        for (i, rate) in rates.items.iter().enumerate() {
            let value =
                rate.rate_value.map(|v| percent_to_basis_points(v, || rates.field_path(i, "RateValue"))).transpose()?;
            out.snapshot.tax_rates.push(tax_rate(rate, value));
            out.origins.tax_rates.push(rates.origin(i, "Id"));
        }
    }
    Ok(out)
}

fn parties(
    body: &serde_json::value::RawValue,
    field: &str,
    entity: &str,
    kind: CounterpartKind,
    out: &mut Adapted,
) -> Result<(), InputError> {
    let parsed: RawList<Party> = records(body, field, entity)?;
    room(&mut out.snapshot.counterparts, &mut out.origins.counterparts, parsed.items.len());
    if out.snapshot.currency.is_none() {
        out.snapshot.currency = parsed.items.iter().find_map(|p| text(p.currency_ref.as_ref()?.value.as_deref()));
    }
    for (i, p) in parsed.items.iter().enumerate().filter(|(_, p)| p.active != Some(false)) {
        out.snapshot.counterparts.push(AccountingCounterpart {
            id: p.id.clone(),
            name: p.display_name.clone(),
            kind: Some(kind),
            address: p.bill_addr.as_ref().map(|a| Address {
                id: None,
                country: text(a.country.as_deref()).map(|c| country_code(&c)),
                city: a.city.clone(),
                line1: a.line1.clone(),
                line2: a.line2.clone(),
                postal_code: a.postal_code.clone(),
            }),
        });
        out.origins.counterparts.push(parsed.origin(i, "Id"));
    }
    Ok(())
}

/// Category and bundle items are not products or services and are left out.
fn product(item: &Item, price: Option<f64>, currency: Option<&str>) -> Option<AccountingProduct> {
    let r#type = match item.r#type.as_deref() {
        Some("Service") => Some(ProductType::Service),
        Some("Inventory" | "NonInventory") => Some(ProductType::Product),
        Some("Category" | "Group") => return None,
        _ => None,
    };
    let account =
        item.income_account_ref.as_ref().or(item.expense_account_ref.as_ref()).and_then(|r| text(r.value.as_deref()));
    Some(AccountingProduct {
        id: item.id.clone(),
        name: item.name.clone(),
        price: price.map(AccountingPrice::Major),
        currency: currency.map(str::to_owned),
        ledger_account_id: account,
        r#type,
        description: item.description.clone(),
    })
}

fn ledger_account(a: &Account) -> LedgerAccount {
    LedgerAccount {
        id: a.id.clone(),
        name: Some(a.name.clone()),
        r#type: a.account_type.clone(),
        status: Some(if a.active == Some(false) { "Inactive" } else { "Active" }.to_owned()),
        nominal_code: a.acct_num.clone(),
        is_bank_account: None,
    }
}

fn tax_rate(r: &RawTaxRate, effective_tax_rate: Option<i64>) -> TaxRate {
    TaxRate {
        id: r.id.clone(),
        name: Some(r.name.clone()),
        code: None,
        effective_tax_rate,
        status: Some(if r.active == Some(false) { "inactive" } else { "active" }.to_owned()),
        direction: None,
    }
}
