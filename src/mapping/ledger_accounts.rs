//! Ledger accounts (SPEC §3.4): looked up by id to check that a reference names a known, active account.

use rustc_hash::FxHashMap;

use crate::input::records::accounting::LedgerAccount;

/// What a ledger-account reference resolves to.
pub enum LedgerLookup<'a> {
    Active(&'a LedgerAccount),
    Inactive(&'a LedgerAccount),
    Unknown,
}

/// Ledger accounts by id. It owns a copy of the (few) accounts, so a validator can keep it between calls.
#[derive(Debug, Clone, Default)]
pub struct LedgerIndex {
    accounts: Vec<LedgerAccount>,
    by_id: FxHashMap<String, usize>,
}

impl LedgerIndex {
    /// Indexes the pulled accounts (the first of two with one id wins; the gate refuses duplicates).
    pub fn new(accounts: Vec<LedgerAccount>) -> Self {
        let mut by_id = FxHashMap::default();
        for (i, a) in accounts.iter().enumerate() {
            by_id.entry(a.id.clone()).or_insert(i);
        }
        Self { accounts, by_id }
    }

    /// Resolves a reference.
    pub fn lookup(&self, id: &str) -> LedgerLookup<'_> {
        match self.by_id.get(id).and_then(|&i| self.accounts.get(i)) {
            Some(a) if a.is_active() => LedgerLookup::Active(a),
            Some(a) => LedgerLookup::Inactive(a),
            None => LedgerLookup::Unknown,
        }
    }

    /// True when `id` names a known account (active or not).
    pub fn contains(&self, id: &str) -> bool {
        self.by_id.contains_key(id)
    }
}
