//! Mapping tables pulled from the accounting system: tax rates (SPEC §3.3), ledger accounts (§3.4), and
//! the currency exponents used to turn major units into minor units and back.

pub mod currency;
pub mod ledger_accounts;
pub mod tax_rates;

use crate::input::records::accounting::{LedgerAccount, TaxRate};

/// The mapping tables a push check reads, built once: by `plan_sync` per plan, by a bill validator once
/// for all the bills it validates.
#[derive(Debug, Clone, Default)]
pub struct Tables {
    pub ledgers: ledger_accounts::LedgerIndex,
    pub taxes: tax_rates::TaxRateIndex,
}

impl Tables {
    /// Indexes the pulled ledger accounts and tax rates, keeping them (moved in, not copied: a bill
    /// validator's context is read once and owned by its tables).
    pub fn new(ledger_accounts: Vec<LedgerAccount>, tax_rates: Vec<TaxRate>) -> Self {
        Self {
            ledgers: ledger_accounts::LedgerIndex::new(ledger_accounts),
            taxes: tax_rates::TaxRateIndex::new(tax_rates),
        }
    }
}
