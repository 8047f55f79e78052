//! Xero bodies (`{"Contacts": […]}`, `Items`, `Accounts`, `TaxRates`) to the neutral snapshot.
//!
//! Only `ACTIVE` contacts are kept (Xero requires names unique across active contacts). A contact that is
//! both customer and supplier is one record (one id) in the matching pool, with kind `customer`.
//! Items refer to accounts by `Code`; the adapter maps the code to the account's `AccountID` when the
//! accounts body is given.

use rustc_hash::FxHashMap;
use serde::Deserialize;

use super::{country_code, percent_to_basis_points, records, text, Snapshot};
use crate::error::InputError;
use crate::model::accounting::{
    AccountingCounterpart, AccountingPrice, AccountingProduct, CounterpartKind, Direction, LedgerAccount, ProductType,
    RawXero, TaxRate,
};
use crate::model::monite::Address;

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Contact {
    #[serde(rename = "ContactID")]
    contact_id: String,
    name: String,
    #[serde(default)]
    contact_status: Option<String>,
    #[serde(default)]
    is_supplier: Option<bool>,
    #[serde(default)]
    is_customer: Option<bool>,
    #[serde(default)]
    addresses: Option<Vec<RawAddress>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct RawAddress {
    #[serde(default)]
    address_type: Option<String>,
    #[serde(default)]
    address_line1: Option<String>,
    #[serde(default)]
    address_line2: Option<String>,
    #[serde(default)]
    city: Option<String>,
    #[serde(default)]
    postal_code: Option<String>,
    #[serde(default)]
    country: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Item {
    #[serde(rename = "ItemID")]
    item_id: String,
    name: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    is_tracked_as_inventory: Option<bool>,
    #[serde(default)]
    sales_details: Option<Details>,
    #[serde(default)]
    purchase_details: Option<Details>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Details {
    #[serde(default)]
    unit_price: Option<f64>,
    #[serde(default)]
    account_code: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Account {
    #[serde(rename = "AccountID")]
    account_id: String,
    name: String,
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    r#type: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct RawTaxRate {
    name: String,
    tax_type: String,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    effective_rate: Option<f64>,
    #[serde(default)]
    report_tax_type: Option<String>,
    #[serde(default)]
    can_apply_to_expenses: Option<bool>,
    #[serde(default)]
    can_apply_to_revenue: Option<bool>,
}

/// Adapts every body present in `raw`.
pub fn adapt(raw: &RawXero) -> Result<Snapshot, InputError> {
    let mut snapshot = Snapshot::default();
    let mut account_ids_by_code: FxHashMap<String, String> = FxHashMap::default();
    if let Some(body) = &raw.accounts {
        let accounts: Vec<Account> = records(body, "accounts", "Accounts")?;
        for a in &accounts {
            if let Some(code) = text(a.code.as_deref()) {
                account_ids_by_code.insert(code, a.account_id.clone());
            }
        }
        snapshot.ledger_accounts = accounts.into_iter().map(ledger_account).collect();
    }
    if let Some(body) = &raw.contacts {
        let contacts: Vec<Contact> = records(body, "contacts", "Contacts")?;
        snapshot.counterparts = contacts
            .into_iter()
            .filter(|c| c.contact_status.as_deref().is_none_or(|s| s.eq_ignore_ascii_case("ACTIVE")))
            .map(counterpart)
            .collect();
    }
    if let Some(body) = &raw.items {
        let items: Vec<Item> = records(body, "items", "Items")?;
        snapshot.products = items.into_iter().map(|i| product(i, raw, &account_ids_by_code)).collect();
    }
    if let Some(body) = &raw.tax_rates {
        let rates: Vec<RawTaxRate> = records(body, "tax_rates", "TaxRates")?;
        snapshot.tax_rates = rates.into_iter().map(tax_rate).collect();
    }
    Ok(snapshot)
}

fn counterpart(c: Contact) -> AccountingCounterpart {
    let kind = match (c.is_customer, c.is_supplier) {
        (Some(true), _) => Some(CounterpartKind::Customer),
        (_, Some(true)) => Some(CounterpartKind::Vendor),
        _ => None,
    };
    AccountingCounterpart {
        id: c.contact_id,
        name: c.name,
        kind,
        address: billing_address(c.addresses.unwrap_or_default()),
    }
}

/// Xero's billing address is the `POBOX` one; `STREET` is used when `POBOX` is empty.
fn billing_address(addresses: Vec<RawAddress>) -> Option<Address> {
    let filled = |a: &RawAddress| {
        [&a.address_line1, &a.address_line2, &a.city, &a.postal_code, &a.country]
            .iter()
            .any(|v| text(v.as_deref()).is_some())
    };
    let pick = |kind: &str| addresses.iter().find(|a| a.address_type.as_deref() == Some(kind) && filled(a));
    let chosen = pick("POBOX").or_else(|| pick("STREET"))?;
    Some(Address {
        id: None,
        country: text(chosen.country.as_deref()).map(|c| country_code(&c)),
        city: chosen.city.clone(),
        line1: chosen.address_line1.clone(),
        line2: chosen.address_line2.clone(),
        postal_code: chosen.postal_code.clone(),
    })
}

fn product(item: Item, raw: &RawXero, account_ids_by_code: &FxHashMap<String, String>) -> AccountingProduct {
    let details = item.sales_details.as_ref().filter(|d| d.unit_price.is_some() || d.account_code.is_some());
    let details = details.or(item.purchase_details.as_ref());
    let code = details.and_then(|d| text(d.account_code.as_deref()));
    let ledger_account_id = code.map(|c| account_ids_by_code.get(&c).cloned().unwrap_or(c));
    AccountingProduct {
        id: item.item_id,
        name: item.name,
        price: details.and_then(|d| d.unit_price).map(AccountingPrice::Major),
        currency: raw.currency.clone(),
        ledger_account_id,
        r#type: if item.is_tracked_as_inventory == Some(true) { Some(ProductType::Product) } else { None },
        description: item.description,
    }
}

fn ledger_account(a: Account) -> LedgerAccount {
    LedgerAccount {
        id: a.account_id,
        name: Some(a.name),
        r#type: a.r#type,
        status: a.status,
        nominal_code: a.code,
        is_bank_account: None,
    }
}

fn tax_rate(r: RawTaxRate) -> TaxRate {
    let direction = match (r.can_apply_to_expenses, r.can_apply_to_revenue) {
        (Some(true), Some(false)) => Some(Direction::Purchase),
        (Some(false), Some(true)) => Some(Direction::Sale),
        _ => match r.report_tax_type.as_deref() {
            Some("INPUT") => Some(Direction::Purchase),
            Some("OUTPUT") => Some(Direction::Sale),
            _ => None,
        },
    };
    TaxRate {
        id: r.tax_type.clone(),
        name: Some(r.name),
        code: Some(r.tax_type),
        effective_tax_rate: r.effective_rate.map(percent_to_basis_points),
        status: r.status,
        direction,
    }
}
