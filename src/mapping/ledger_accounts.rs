//! Ledger accounts (SPEC §3.4): looked up by id to check that a reference names a known, active account.

use rustc_hash::FxHashMap;

use crate::model::accounting::LedgerAccount;

/// What a ledger-account reference resolves to.
pub enum LedgerLookup<'a> {
    Active(&'a LedgerAccount),
    Inactive(&'a LedgerAccount),
    Unknown,
}

/// Ledger accounts by id.
pub struct LedgerIndex<'a> {
    by_id: FxHashMap<&'a str, &'a LedgerAccount>,
}

impl<'a> LedgerIndex<'a> {
    /// Indexes the pulled accounts.
    pub fn new(accounts: &'a [LedgerAccount]) -> Self {
        Self { by_id: accounts.iter().map(|a| (a.id.as_str(), a)).collect() }
    }

    /// Resolves a reference.
    pub fn lookup(&self, id: &str) -> LedgerLookup<'a> {
        match self.by_id.get(id) {
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
