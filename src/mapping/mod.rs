//! Mapping tables pulled from the accounting system: tax rates (SPEC §3.3), ledger accounts (§3.4), and
//! the currency exponents used to turn major units into minor units and back.

pub mod currency;
pub mod ledger_accounts;
pub mod tax_rates;
