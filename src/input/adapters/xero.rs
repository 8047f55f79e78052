//! Xero bodies (`{"Contacts": […]}`, `Items`, `Accounts`, `TaxRates`) to the neutral snapshot.
//!
//! Only `ACTIVE` contacts are kept (Xero requires names unique across active contacts). A contact that is
//! both customer and supplier is one record (one id) in the matching pool, with kind `customer`.
//! Items refer to accounts by `Code`; the adapter maps the code to the account's `AccountID` when the
//! accounts body is given.

use rustc_hash::FxHashMap;
use serde::Deserialize;

use super::{country_code, percent_to_basis_points, records, room, text, unit_price, Adapted, RawList};
use crate::error::InputError;
use crate::input::records::accounting::{
    AccountingCounterpart, AccountingPrice, AccountingProduct, CounterpartKind, Direction, LedgerAccount, ProductType,
    RawXero, TaxRate,
};
use crate::input::records::monite::Address;
use crate::json::de::{object, objects};

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
    #[serde(default, deserialize_with = "objects")]
    addresses: Vec<RawAddress>,
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
    #[serde(default, deserialize_with = "object")]
    sales_details: Option<Details>,
    #[serde(default, deserialize_with = "object")]
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
pub fn adapt(raw: &RawXero) -> Result<Adapted, InputError> {
    let mut out = Adapted::default();
    out.snapshot.currency = raw.currency.clone();
    let mut account_ids_by_code: FxHashMap<String, String> = FxHashMap::default();
    if let Some(body) = &raw.accounts {
        let accounts: RawList<Account> = records(body, "accounts", "Accounts")?;
        room(&mut out.snapshot.ledger_accounts, &mut out.origins.ledger_accounts, accounts.items.len());
        for (i, a) in accounts.items.iter().enumerate() {
            if let Some(code) = text(a.code.as_deref()) {
                account_ids_by_code.insert(code, a.account_id.clone());
            }
            out.snapshot.ledger_accounts.push(ledger_account(a));
            out.origins.ledger_accounts.push(accounts.origin(i, "AccountID"));
        }
    }
    if let Some(body) = &raw.contacts {
        let contacts: RawList<Contact> = records(body, "contacts", "Contacts")?;
        room(&mut out.snapshot.counterparts, &mut out.origins.counterparts, contacts.items.len());
        let active = |c: &Contact| c.contact_status.as_deref().is_none_or(|s| s.eq_ignore_ascii_case("ACTIVE"));
        for (i, c) in contacts.items.iter().enumerate().filter(|(_, c)| active(c)) {
            out.snapshot.counterparts.push(counterpart(c));
            out.origins.counterparts.push(contacts.origin(i, "ContactID"));
        }
    }
    if let Some(body) = &raw.items {
        let items: RawList<Item> = records(body, "items", "Items")?;
        room(&mut out.snapshot.products, &mut out.origins.products, items.items.len());
        for (i, item) in items.items.iter().enumerate() {
            out.snapshot.products.push(product(item, i, &items, raw, &account_ids_by_code)?);
            out.origins.products.push(items.origin(i, "ItemID"));
        }
    }
    if let Some(body) = &raw.tax_rates {
        let rates: RawList<RawTaxRate> = records(body, "tax_rates", "TaxRates")?;
        room(&mut out.snapshot.tax_rates, &mut out.origins.tax_rates, rates.items.len());
        for (i, r) in rates.items.iter().enumerate() {
            let value = r
                .effective_rate
                .map(|v| percent_to_basis_points(v, || rates.field_path(i, "EffectiveRate")))
                .transpose()?;
            out.snapshot.tax_rates.push(tax_rate(r, value));
            out.origins.tax_rates.push(rates.origin(i, "TaxType"));
        }
    }
    Ok(out)
}

fn counterpart(c: &Contact) -> AccountingCounterpart {
    let kind = match (c.is_customer, c.is_supplier) {
        (Some(true), _) => Some(CounterpartKind::Customer),
        (_, Some(true)) => Some(CounterpartKind::Vendor),
        _ => None,
    };
    AccountingCounterpart {
        id: c.contact_id.clone(),
        name: c.name.clone(),
        kind,
        address: billing_address(&c.addresses),
    }
}

/// Xero's billing address is the `POBOX` one; `STREET` is used when `POBOX` is empty.
fn billing_address(addresses: &[RawAddress]) -> Option<Address> {
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

fn product(
    item: &Item,
    index: usize,
    items: &RawList<Item>,
    raw: &RawXero,
    account_ids_by_code: &FxHashMap<String, String>,
) -> Result<AccountingProduct, InputError> {
    let sales = item.sales_details.as_ref().filter(|d| d.unit_price.is_some() || d.account_code.is_some());
    let (details, field) = match sales {
        Some(d) => (Some(d), "SalesDetails"),
        None => (item.purchase_details.as_ref(), "PurchaseDetails"),
    };
    let code = details.and_then(|d| text(d.account_code.as_deref()));
    let ledger_account_id = code.map(|c| account_ids_by_code.get(&c).cloned().unwrap_or(c));
    let price =
        unit_price(details.and_then(|d| d.unit_price), || items.field_path(index, &format!("{field}.UnitPrice")))?;
    Ok(AccountingProduct {
        id: item.item_id.clone(),
        name: item.name.clone(),
        price: price.map(AccountingPrice::Major),
        currency: raw.currency.clone(),
        ledger_account_id,
        r#type: if item.is_tracked_as_inventory == Some(true) { Some(ProductType::Product) } else { None },
        description: item.description.clone(),
    })
}

fn ledger_account(a: &Account) -> LedgerAccount {
    LedgerAccount {
        id: a.account_id.clone(),
        name: Some(a.name.clone()),
        r#type: a.r#type.clone(),
        status: a.status.clone(),
        nominal_code: a.code.clone(),
        is_bank_account: None,
    }
}

fn tax_rate(r: &RawTaxRate, effective_tax_rate: Option<i64>) -> TaxRate {
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
        name: Some(r.name.clone()),
        code: Some(r.tax_type.clone()),
        effective_tax_rate,
        status: r.status.clone(),
        direction,
    }
}
