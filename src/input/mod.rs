//! The input gate: the one place that reads every entry's JSON text, adapts raw QuickBooks / Xero bodies,
//! checks what serde cannot (unique ids, dates, synced records, ranges, the documented maxima), and hands out
//! checked values whose fields cannot be built around it — [`PlanInput`] here, the small entries' values in
//! [`forms`]. `plan_sync` and the validators take only these.

pub mod adapters;
pub mod dates;
pub mod forms;
pub mod limits;
pub(crate) mod names;
pub mod records;
mod validate;

use crate::error::InputError;
use crate::json::object_from_json_str;
use records::accounting::AccountingInput;
use records::{MoniteInput, Policy};

/// Everything `planSync` takes (SPEC §8), read and checked by the gate: made only by
/// [`PlanInput::from_json_str`] / [`PlanInput::from_value`].
#[derive(Debug, Clone)]
pub struct PlanInput {
    pub(crate) monite: MoniteInput,
    pub(crate) accounting: AccountingInput,
    pub(crate) policy: Policy,
    /// Display names and strict keys, computed once here.
    pub(crate) names: names::Names,
}

impl PlanInput {
    /// The Monite side, as checked (read-only: a `PlanInput` is only made by the gate).
    pub fn monite(&self) -> &MoniteInput {
        &self.monite
    }

    /// The accounting side, with raw QuickBooks / Xero bodies adapted into the neutral collections.
    pub fn accounting(&self) -> &AccountingInput {
        &self.accounting
    }

    /// The caller's policy.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// Reads the input from JSON text.
    pub fn from_json_str(text: &str) -> Result<Self, InputError> {
        crate::work::mark("start");
        limits::check_text(text, "")?;
        crate::work::mark("read: size check");
        let raw: records::PlanInput = object_from_json_str(text, "")?;
        crate::work::mark("read: parse");
        let mut input =
            Self { monite: raw.monite, accounting: raw.accounting, policy: raw.policy, names: names::Names::default() };
        input.finish(text.len())?;
        Ok(input)
    }

    /// Reads the input from a parsed JSON value (through its text, so errors name paths the same way).
    pub fn from_value(value: &serde_json::Value) -> Result<Self, InputError> {
        Self::from_json_str(&value.to_string())
    }

    fn finish(&mut self, text_len: usize) -> Result<(), InputError> {
        adapters::merge_raw(&mut self.accounting)?;
        validate::check(self)?;
        crate::work::mark("read: adapt and check");
        self.names = names::Names::of(&self.monite, &self.accounting);
        crate::work::mark("read: names and keys");
        let (records, longest_id) = self.shape();
        limits::check_plan(text_len, records, limits::listed_ids(self), longest_id)
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
