//! What the sample was built to exercise: for every generated record, the case it belongs to and the
//! outcome SPEC §3–§4 prescribes for it, so tests (and the engine's tests) can check a plan against it.

use std::collections::BTreeMap;

use ledgerbridge::vocab::{Code, CounterpartAction, DecidedBy, MatchStatus, ProductAction};

/// The outcome the SPEC prescribes for a record, in the engine's own vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A counterpart's pull status.
    Counterpart(MatchStatus),
    /// A product row's action.
    Product(ProductAction),
    /// A document or payment record: pushed (`true`) or not.
    Eligible(bool),
}

/// The planted case of one record and the outcome the SPEC prescribes for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    /// `counterparts`, `products`, `bills`, `invoices`, `credit_notes` or `payment_records`.
    pub section: &'static str,
    /// The Monite id of the record (for a product that exists only in the accounting system, its
    /// accounting id).
    pub id: String,
    /// The case it was built for, e.g. `matched_by_city`, `near_miss`, `ledger_account_archived`.
    pub case: &'static str,
    /// Counterparts: the pull status; products: the action; push sections: eligible or not.
    pub outcome: Outcome,
    /// Counterparts: the field that decided a match.
    pub decided_by: Option<DecidedBy>,
    /// Counterparts: the push action; `None` elsewhere.
    pub push_action: Option<CounterpartAction>,
    /// The matched accounting record, where there is one.
    pub accounting_id: Option<String>,
    /// Reason / error codes the record must carry at least (sorted, deduplicated): the pull reason and
    /// the push codes for counterparts, `multiple_matches` for products, the issue codes for push records.
    /// An eligible or matched record carries none.
    pub codes: Vec<Code>,
}

impl Expected {
    pub(crate) fn new(section: &'static str, id: &str, case: &'static str, outcome: Outcome) -> Self {
        Self {
            section,
            id: id.to_owned(),
            case,
            outcome,
            decided_by: None,
            push_action: None,
            accounting_id: None,
            codes: Vec::new(),
        }
    }

    /// The outcome as the plan writes it: a status, an action, or `eligible` / `not_eligible`.
    pub fn outcome_name(&self) -> String {
        match self.outcome {
            Outcome::Counterpart(status) => name(status),
            Outcome::Product(action) => name(action),
            Outcome::Eligible(true) => "eligible".to_owned(),
            Outcome::Eligible(false) => "not_eligible".to_owned(),
        }
    }

    /// `decided_by` as the plan writes it.
    pub fn decided_by_name(&self) -> Option<String> {
        self.decided_by.map(name)
    }

    /// The push action as the plan writes it.
    pub fn push_action_name(&self) -> Option<String> {
        self.push_action.map(name)
    }

    /// The codes as the plan writes them.
    pub fn code_names(&self) -> Vec<&'static str> {
        self.codes.iter().map(|c| c.as_str()).collect()
    }

    pub(crate) fn decided_by(mut self, field: DecidedBy) -> Self {
        self.decided_by = Some(field);
        self
    }

    pub(crate) fn push(mut self, action: CounterpartAction) -> Self {
        self.push_action = Some(action);
        self
    }

    pub(crate) fn accounting(mut self, id: &str) -> Self {
        self.accounting_id = Some(id.to_owned());
        self
    }

    pub(crate) fn codes(mut self, codes: &[Code]) -> Self {
        self.codes.extend_from_slice(codes);
        self.codes.sort_unstable_by_key(|c| c.as_str());
        self.codes.dedup();
        self
    }
}

/// An engine enum as the plan's JSON writes it (`"matched"`, `"city"`, `"blocked"`).
fn name<T: serde::Serialize>(value: T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

/// Every record's expectation, in generation order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Manifest {
    pub records: Vec<Expected>,
}

impl Manifest {
    /// How many records of each `(section, case)` were planted.
    pub fn case_counts(&self) -> BTreeMap<(&'static str, &'static str), usize> {
        let mut counts = BTreeMap::new();
        for r in &self.records {
            *counts.entry((r.section, r.case)).or_insert(0) += 1;
        }
        counts
    }

    /// The records of one section.
    pub fn section<'a>(&'a self, section: &str) -> impl Iterator<Item = &'a Expected> + 'a {
        let section = section.to_owned();
        self.records.iter().filter(move |r| r.section == section)
    }

    pub(crate) fn add(&mut self, expected: Expected) {
        self.records.push(expected);
    }
}
