//! Where a record adapted from a raw QuickBooks / Xero body came from: kept beside the neutral collections so
//! that a problem found after adapting names the field the caller passed.

/// Where an adapted record came from, so that a problem found after adapting (a duplicate id) names the
/// field the caller passed (`accounting.quickbooks_online.customers.QueryResponse.Customer[1].Id`), not the
/// neutral list it was adapted into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// Path of the raw record, relative to the raw source (`customers.QueryResponse.Customer[1]`).
    pub path: String,
    /// The raw name of the field that became `id` (`Id`, `ContactID`, `TaxType`, …).
    pub id_field: &'static str,
}

/// The origin of every record of each neutral collection, in order (`None`: given in neutral form).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origins {
    pub counterparts: Vec<Option<Origin>>,
    pub products: Vec<Option<Origin>>,
    pub tax_rates: Vec<Option<Origin>>,
    pub ledger_accounts: Vec<Option<Origin>>,
}

impl Origins {
    /// The path of the id of record `index` of `collection` (`accounting.counterparts` …).
    pub fn id_path(list: &[Option<Origin>], collection: &str, index: usize) -> String {
        match list.get(index).and_then(Option::as_ref) {
            Some(origin) => format!("{}.{}", origin.path, origin.id_field),
            None => format!("{collection}[{index}].id"),
        }
    }
}
