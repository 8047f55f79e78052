//! The gate of the small entry points: a bill and its context (forms validating before issuing), a credit
//! note, the arrays of the matchers, raw QuickBooks / Xero bodies, a name to key. Each is read from JSON
//! text, checked, and handed out as a value whose fields only the gate sets.

use super::adapters::{self, Snapshot};
use super::limits;
use super::records::accounting::{AccountingCounterpart, AccountingProduct, RawQuickBooks, RawXero};
use super::records::forms::BillContext;
use super::records::monite::{Counterpart, Payable, Product, Receivable, Settings};
use super::validate::{check_date, named_counterparts, unique};
use crate::error::{InputError, InputErrorKind};
use crate::json::{from_json_str, object_from_json_str};
use crate::keys::KeyKind;

/// Reads a JSON object argument after the size check; empty text, `null` and `undefined` give the default.
fn optional_object<T: serde::de::DeserializeOwned + Default>(text: &str, root: &str) -> Result<T, InputError> {
    match text.trim() {
        "" | "null" | "undefined" => Ok(T::default()),
        _ => {
            limits::check_text(text, root)?;
            object_from_json_str(text, root)
        }
    }
}

fn object<T: serde::de::DeserializeOwned>(text: &str, root: &str) -> Result<T, InputError> {
    limits::check_text(text, root)?;
    object_from_json_str(text, root)
}

fn array<T: serde::de::DeserializeOwned>(text: &str, root: &str) -> Result<Vec<T>, InputError> {
    limits::check_text(text, root)?;
    from_json_str(text, root)
}

/// A bill (`PayableResponseSchema` + `line_items`), checked: its dates parse.
#[derive(Debug, Clone)]
pub struct Bill(pub(crate) Payable);

impl Bill {
    /// Reads the bill; errors name paths under `bill`.
    pub fn from_json_str(text: &str) -> Result<Self, InputError> {
        let bill: Payable = object(text, "bill")?;
        check_date(bill.issued_at.as_deref(), || "bill.issued_at".to_owned())?;
        Ok(Self(bill))
    }
}

/// The context a bill is validated against, checked: its connection's date parses.
#[derive(Debug, Clone, Default)]
pub struct Context(pub(crate) BillContext);

impl Context {
    /// Reads the context (empty text: no context); errors name paths under `context`.
    pub fn from_json_str(text: &str) -> Result<Self, InputError> {
        let context: BillContext = optional_object(text, "context")?;
        check_date(context.connection.as_ref().and_then(|c| c.created_at.as_deref()), || {
            "context.connection.created_at".to_owned()
        })?;
        Ok(Self(context))
    }
}

/// A credit note (`CreditNoteResponsePayload`), read for shaping.
#[derive(Debug, Clone)]
pub struct CreditNote(pub(crate) Receivable);

impl CreditNote {
    /// Reads the credit note; errors name paths under `credit_note`.
    pub fn from_json_str(text: &str) -> Result<Self, InputError> {
        Ok(Self(object(text, "credit_note")?))
    }
}

/// The two sides of counterpart matching (JS `matchCounterparts`), checked: ids unique and present, every
/// Monite counterpart an organization or an individual.
#[derive(Debug, Clone)]
pub struct CounterpartsToMatch {
    pub(crate) monite: Vec<Counterpart>,
    pub(crate) accounting: Vec<AccountingCounterpart>,
}

impl CounterpartsToMatch {
    /// The Monite counterparts, as read (read-only).
    pub fn monite(&self) -> &[Counterpart] {
        &self.monite
    }

    /// The accounting counterparts, as read (read-only).
    pub fn accounting(&self) -> &[AccountingCounterpart] {
        &self.accounting
    }

    /// Reads both arrays; errors name paths under `monite` and `accounting`.
    pub fn from_json_str(monite: &str, accounting: &str) -> Result<Self, InputError> {
        let monite: Vec<Counterpart> = array(monite, "monite")?;
        let accounting: Vec<AccountingCounterpart> = array(accounting, "accounting")?;
        unique("monite", monite.iter().map(|c| c.id.as_str()))?;
        unique("accounting", accounting.iter().map(|c| c.id.as_str()))?;
        named_counterparts(&monite, "monite")?;
        Ok(Self { monite, accounting })
    }
}

/// The two sides of product matching and the settings that give the default ledger account (JS
/// `matchProducts`), checked: ids unique and present.
#[derive(Debug, Clone)]
pub struct ProductsToMatch {
    pub(crate) monite: Vec<Product>,
    pub(crate) accounting: Vec<AccountingProduct>,
    pub(crate) settings: Settings,
}

impl ProductsToMatch {
    /// The Monite products, as read (read-only).
    pub fn monite(&self) -> &[Product] {
        &self.monite
    }

    /// The accounting products, as read (read-only).
    pub fn accounting(&self) -> &[AccountingProduct] {
        &self.accounting
    }

    /// Reads both arrays and the optional settings; errors name paths under `monite`, `accounting`, `settings`.
    pub fn from_json_str(monite: &str, accounting: &str, settings: &str) -> Result<Self, InputError> {
        let monite: Vec<Product> = array(monite, "monite")?;
        let accounting: Vec<AccountingProduct> = array(accounting, "accounting")?;
        let settings: Settings = optional_object(settings, "settings")?;
        unique("monite", monite.iter().map(|p| p.id.as_str()))?;
        unique("accounting", accounting.iter().map(|p| p.id.as_str()))?;
        // The prices planSync checks, checked the same way: one gate, one verdict.
        super::validate::product_prices(&accounting, "accounting")?;
        Ok(Self { monite, accounting, settings })
    }
}

/// Raw QuickBooks Online bodies adapted to the neutral snapshot; errors name paths under `quickbooks_online`.
pub fn quickbooks_snapshot(text: &str) -> Result<Snapshot, InputError> {
    let raw: RawQuickBooks = object(text, "quickbooks_online")?;
    adapters::quickbooks::adapt(&raw).map(|a| a.snapshot).map_err(|e| e.under("quickbooks_online"))
}

/// Raw Xero bodies adapted to the neutral snapshot; errors name paths under `xero`.
pub fn xero_snapshot(text: &str) -> Result<Snapshot, InputError> {
    let raw: RawXero = object(text, "xero")?;
    adapters::xero::adapt(&raw).map(|a| a.snapshot).map_err(|e| e.under("xero"))
}

/// A name key request (JS `nameKey(value, kind)`): the value within the documented maximum, and the kind
/// `"strict"` (or empty) or `"loose"`.
pub fn key_request(value: &str, kind: &str) -> Result<KeyKind, InputError> {
    limits::check_key_value(value)?;
    match kind {
        "" | "strict" => Ok(KeyKind::Strict),
        "loose" => Ok(KeyKind::Loose),
        other => Err(InputError::new(
            InputErrorKind::InvalidValue,
            "kind",
            format!("expected \"strict\" or \"loose\", found {}", serde_json::to_string(other).unwrap_or_default()),
        )),
    }
}
