//! What the sample was built to exercise: for every generated record, the case it belongs to and the
//! outcome SPEC §3–§4 prescribes for it, so tests (and the engine's tests) can check a plan against it.

use std::collections::BTreeMap;

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
    /// Counterparts: the pull status (`matched`, `unmatched`, `ambiguous`); products: the action (`match`,
    /// `create`, `none`); push sections: `eligible` or `not_eligible`.
    pub outcome: &'static str,
    /// Counterparts: the field that decided a match (`name`, `country`, `city`, `address`).
    pub decided_by: Option<&'static str>,
    /// Counterparts: the push action (`none`, `create`, `blocked`); `None` elsewhere.
    pub push_action: Option<&'static str>,
    /// The matched accounting record, where there is one.
    pub accounting_id: Option<String>,
    /// Reason / error codes the record must carry at least (sorted, deduplicated): the pull reason and
    /// the push codes for counterparts, `multiple_matches` for products, the issue codes for push records.
    /// An eligible or matched record carries none.
    pub codes: Vec<&'static str>,
}

impl Expected {
    pub(crate) fn new(section: &'static str, id: &str, case: &'static str, outcome: &'static str) -> Self {
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

    pub(crate) fn decided_by(mut self, field: &'static str) -> Self {
        self.decided_by = Some(field);
        self
    }

    pub(crate) fn push(mut self, action: &'static str) -> Self {
        self.push_action = Some(action);
        self
    }

    pub(crate) fn accounting(mut self, id: &str) -> Self {
        self.accounting_id = Some(id.to_owned());
        self
    }

    pub(crate) fn codes(mut self, codes: &[&'static str]) -> Self {
        self.codes.extend_from_slice(codes);
        self.codes.sort_unstable();
        self.codes.dedup();
        self
    }
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
