//! The `planSync` input (SPEC §8 `PlanInput`): reading it from JSON text, a JSON value or any serde
//! deserializer, with every mistake reported as an [`InputError`] naming its JSON path.

pub mod accounting;
pub mod dates;
pub mod de;
pub mod flat;
pub mod locate;
pub mod monite;
pub mod serde_error;

use serde::Deserialize;

use crate::error::InputError;
use accounting::{AccountingInput, Direction};
use de::{object, object_or_default, objects};
use monite::{Connection, Counterpart, Payable, PaymentRecord, Product, Receivable, Settings, SyncedRecord};

/// Everything `planSync` takes. Every collection is optional (absent = empty).
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct PlanInput {
    #[serde(default, deserialize_with = "object_or_default")]
    pub monite: MoniteInput,
    #[serde(default, deserialize_with = "object_or_default")]
    pub accounting: AccountingInput,
    #[serde(default, deserialize_with = "object_or_default")]
    pub policy: Policy,
}

/// The `monite` block: the platform's own records, in the API's shapes.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct MoniteInput {
    #[serde(default, deserialize_with = "objects")]
    pub counterparts: Vec<Counterpart>,
    #[serde(default, deserialize_with = "objects")]
    pub products: Vec<Product>,
    #[serde(default, deserialize_with = "objects")]
    pub payables: Vec<Payable>,
    #[serde(default, deserialize_with = "objects")]
    pub receivables: Vec<Receivable>,
    #[serde(default, deserialize_with = "objects")]
    pub payment_records: Vec<PaymentRecord>,
    #[serde(default, deserialize_with = "object_or_default")]
    pub settings: Settings,
    #[serde(default, deserialize_with = "object")]
    pub connection: Option<Connection>,
    /// What earlier syncs left (SPEC §3.0); absent or empty = a first sync.
    #[serde(default, deserialize_with = "objects")]
    pub synced_records: Vec<SyncedRecord>,
}

/// The caller's policy. Defaults follow the product guide.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Policy {
    /// Bill statuses that are pushed; default `["issued", "canceled"]` (the guide's set).
    #[serde(default)]
    pub pushable_bill_statuses: Option<Vec<String>>,
    /// Invoice statuses that count as issued; default `["issued", "partially_paid", "paid", "overdue"]`.
    #[serde(default)]
    pub pushable_invoice_statuses: Option<Vec<String>>,
    /// Decides between several tax rates with the same value (SPEC §3.3).
    #[serde(default)]
    pub direction: Option<Direction>,
}

/// The guide's pushable bill statuses.
pub const DEFAULT_PUSHABLE_BILL_STATUSES: &[&str] = &["issued", "canceled"];
/// Receivable statuses of an invoice that has been issued.
pub const DEFAULT_PUSHABLE_INVOICE_STATUSES: &[&str] = &["issued", "partially_paid", "paid", "overdue"];

impl Policy {
    /// True when a bill in `status` may be pushed (compared case-insensitively).
    pub fn bill_status_pushable(&self, status: &str) -> bool {
        status_in(status, self.pushable_bill_statuses.as_deref(), DEFAULT_PUSHABLE_BILL_STATUSES)
    }

    /// True when an invoice in `status` has been issued.
    pub fn invoice_status_pushable(&self, status: &str) -> bool {
        status_in(status, self.pushable_invoice_statuses.as_deref(), DEFAULT_PUSHABLE_INVOICE_STATUSES)
    }

    /// The statuses in force for bills, for messages.
    pub fn bill_statuses(&self) -> Vec<String> {
        match &self.pushable_bill_statuses {
            Some(list) => list.clone(),
            None => DEFAULT_PUSHABLE_BILL_STATUSES.iter().map(|s| (*s).to_owned()).collect(),
        }
    }
}

fn status_in(status: &str, custom: Option<&[String]>, default: &[&str]) -> bool {
    let status = status.trim();
    match custom {
        Some(list) => list.iter().any(|s| s.trim().eq_ignore_ascii_case(status)),
        None => default.iter().any(|s| s.eq_ignore_ascii_case(status)),
    }
}

impl PlanInput {
    /// Reads the input from JSON text.
    pub fn from_json_str(text: &str) -> Result<Self, InputError> {
        crate::limits::check_text(text, "")?;
        let mut input: Self = object_from_json_str(text, "")?;
        input.finish(text.len())?;
        Ok(input)
    }

    /// Reads the input from a parsed JSON value (through its text, so errors name paths the same way).
    pub fn from_value(value: &serde_json::Value) -> Result<Self, InputError> {
        Self::from_json_str(&value.to_string())
    }

    fn finish(&mut self, text_len: usize) -> Result<(), InputError> {
        crate::adapters::merge_raw(&mut self.accounting)?;
        crate::model::validate::check(self)?;
        let (records, longest_id) = self.shape();
        crate::limits::check_plan(text_len, records, crate::limits::listed_ids(self), longest_id)
    }

    /// How many records the input holds and the longest id: with the ids its lists hold
    /// (`limits::listed_ids`), what bounds the plan's size (`limits::estimate_plan`).
    pub fn shape(&self) -> (usize, usize) {
        let (m, a) = (&self.monite, &self.accounting);
        let ids = m
            .counterparts
            .iter()
            .map(|r| r.id.len())
            .chain(m.products.iter().map(|r| r.id.len()))
            .chain(m.payables.iter().map(|r| r.id.len()))
            .chain(m.receivables.iter().map(|r| r.id.len()))
            .chain(m.payment_records.iter().map(|r| r.id.len()))
            .chain(m.synced_records.iter().map(|r| r.object_id.as_deref().map_or(0, str::len)))
            .chain(a.counterparts.iter().map(|r| r.id.len()))
            .chain(a.products.iter().map(|r| r.id.len()))
            .chain(a.tax_rates.iter().map(|r| r.id.len()))
            .chain(a.ledger_accounts.iter().map(|r| r.id.len()));
        let longest = ids.max().unwrap_or(0);
        let records = m.counterparts.len()
            + m.products.len()
            + a.products.len()
            + m.payables.iter().map(|p| 1 + p.line_items.len()).sum::<usize>()
            + m.receivables.iter().map(|r| 1 + r.line_items.len()).sum::<usize>()
            + m.payment_records.len()
            + m.synced_records.len()
            + a.counterparts.len()
            + a.tax_rates.len()
            + a.ledger_accounts.len();
        (records, longest)
    }
}

pub mod validate;

/// Reads any input type (the plan input, a single bill, a bill context, a credit note) from JSON text.
/// Errors name the JSON path of the bad value, prefixed by `root` (e.g. `bill`).
pub fn from_json_str<T: serde::de::DeserializeOwned>(text: &str, root: &str) -> Result<T, InputError> {
    serde_json::from_str(text).map_err(|e| serde_error::from_json_error(text, &e).under(root))
}

/// [`from_json_str`] for a value that must be a JSON object: serde would also read a struct from an array
/// by position, which for a record is never what the caller meant.
pub fn object_from_json_str<T: serde::de::DeserializeOwned>(text: &str, root: &str) -> Result<T, InputError> {
    let first = text.trim_start().chars().next();
    if first.is_some_and(|c| c != '{') && first != Some('n') {
        let found = match first {
            Some('[') => "an array",
            Some('"') => "a string",
            Some('t' | 'f') => "true or false",
            _ => "a number",
        };
        let valid_json = serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok();
        if valid_json {
            return Err(InputError::new(
                crate::InputErrorKind::InvalidType,
                root,
                format!("expected an object, found {found}"),
            ));
        }
    }
    from_json_str(text, root)
}
