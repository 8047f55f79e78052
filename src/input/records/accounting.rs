//! Accounting-side records (SPEC §8 `accounting`): the snapshot pulled from QuickBooks Online or Xero,
//! already in one neutral shape. Raw QBO / Xero bodies are read by `crate::input::adapters` into the same shape.

use serde::{de, Deserialize, Deserializer};
use serde_json::value::RawValue;

use super::monite::{Address, Price};
use crate::json::de::{object, objects, string_enum};

/// A customer or a vendor; both form one pool for matching.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct AccountingCounterpart {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<CounterpartKind>,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "object")]
    pub address: Option<Address>,
}

/// Which list of the accounting system the record comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum CounterpartKind {
    Customer,
    Vendor,
}
string_enum!(CounterpartKind { "customer" => Customer, "vendor" => Vendor });

/// A product or service item.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct AccountingProduct {
    pub id: String,
    pub name: String,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "number | Price | null"))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<AccountingPrice>,
    /// ISO 4217 code for a `price` given as a plain number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ledger_account_id: Option<String>,
    #[serde(default)]
    pub r#type: Option<ProductType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// `ProductServiceTypeEnum`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum ProductType {
    Product,
    Service,
}
string_enum!(ProductType { "product" => Product, "service" => Service });

/// An accounting product's price: either the API's `{ "currency", "value" }` in minor units, or a plain
/// number in major units (what QuickBooks' `UnitPrice` and Xero's `UnitPrice` hold).
#[derive(Debug, Clone, PartialEq)]
pub enum AccountingPrice {
    Minor(Price),
    Major(f64),
}

impl serde::Serialize for AccountingPrice {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Minor(price) => price.serialize(serializer),
            Self::Major(value) => serializer.serialize_f64(*value),
        }
    }
}

impl<'de> Deserialize<'de> for AccountingPrice {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PriceVisitor;
        impl<'de> de::Visitor<'de> for PriceVisitor {
            type Value = AccountingPrice;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a number or an object { currency, value }")
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                Ok(AccountingPrice::Major(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(AccountingPrice::Major(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(AccountingPrice::Major(v as f64))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                Price::deserialize(de::value::MapAccessDeserializer::new(map)).map(AccountingPrice::Minor)
            }
        }
        deserializer.deserialize_any(PriceVisitor)
    }
}

/// `AccountingTaxRateResponse`, plus an optional `direction` (which documents a rate applies to).
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct TaxRate {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Basis points: 12.5 % = 1250.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_tax_rate: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
}

/// Purchase (bills) or sale (invoices, credit notes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Purchase,
    Sale,
}
string_enum!(Direction { "purchase" => Purchase, "sale" => Sale });

/// `LedgerAccountResponse`.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct LedgerAccount {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default)]
    pub r#type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nominal_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_bank_account: Option<bool>,
}

impl LedgerAccount {
    /// Active unless its status says otherwise (`Active`, `active`, or absent count as active).
    pub fn is_active(&self) -> bool {
        self.status.as_deref().map(str::trim).is_none_or(|s| s.is_empty() || s.eq_ignore_ascii_case("active"))
    }
}

impl TaxRate {
    /// Inactive rates (`ARCHIVED`, `DELETED`, `inactive`) are never picked by value; an explicit reference
    /// to one still resolves.
    pub fn is_active(&self) -> bool {
        self.status.as_deref().map(str::trim).is_none_or(|s| {
            !(s.eq_ignore_ascii_case("archived")
                || s.eq_ignore_ascii_case("deleted")
                || s.eq_ignore_ascii_case("inactive"))
        })
    }

    /// The documents this rate applies to: the `direction` field, else a Xero-style `code`
    /// (`INPUT…` → purchase, `OUTPUT…` → sale); `None` when neither says.
    pub fn applies_to(&self) -> Option<Direction> {
        if self.direction.is_some() {
            return self.direction;
        }
        let code = self.code.as_deref()?.trim().to_ascii_uppercase();
        if code.starts_with("INPUT") {
            Some(Direction::Purchase)
        } else if code.starts_with("OUTPUT") {
            Some(Direction::Sale)
        } else {
            None
        }
    }
}

/// Raw QuickBooks Online bodies (SPEC §5), each with or without the `QueryResponse` wrapper.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct RawQuickBooks {
    #[cfg_attr(target_arch = "wasm32", tsify(type = "unknown"))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customers: Option<Box<RawValue>>,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "unknown"))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendors: Option<Box<RawValue>>,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "unknown"))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Box<RawValue>>,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "unknown"))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accounts: Option<Box<RawValue>>,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "unknown"))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_rates: Option<Box<RawValue>>,
    /// The company's currency, for item prices (QuickBooks items carry none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
}

/// Raw Xero bodies (`{ "Contacts": […] }` and so on).
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct RawXero {
    #[cfg_attr(target_arch = "wasm32", tsify(type = "unknown"))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contacts: Option<Box<RawValue>>,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "unknown"))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Box<RawValue>>,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "unknown"))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accounts: Option<Box<RawValue>>,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "unknown"))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_rates: Option<Box<RawValue>>,
    /// The organisation's base currency, for item prices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
}

/// The `accounting` block of the input.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct AccountingInput {
    #[serde(default, deserialize_with = "objects")]
    pub counterparts: Vec<AccountingCounterpart>,
    #[serde(default, deserialize_with = "objects")]
    pub products: Vec<AccountingProduct>,
    #[serde(default, deserialize_with = "objects")]
    pub tax_rates: Vec<TaxRate>,
    #[serde(default, deserialize_with = "objects")]
    pub ledger_accounts: Vec<LedgerAccount>,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "object")]
    pub quickbooks_online: Option<RawQuickBooks>,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "object")]
    pub xero: Option<RawXero>,
    /// Where each record of the neutral collections came from (filled when raw bodies are adapted).
    #[serde(skip)]
    pub origins: crate::input::records::origins::Origins,
}
