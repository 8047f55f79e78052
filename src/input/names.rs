//! The names the name rules compare (SPEC §2, §3.1, §3.2), computed once by the gate: every Monite
//! counterpart's display name, and the strict key of every counterpart and product on both sides, by
//! position. Matching, the collision check, the drift warnings and the plan-size check all read these
//! instead of keying a name again.

use super::records::accounting::AccountingInput;
use super::records::MoniteInput;
use crate::keys::strict_key;

/// Display names and strict keys, by position in their collections.
#[derive(Debug, Clone, Default)]
pub struct Names {
    pub monite_counterparts: Vec<String>,
    pub monite_counterpart_keys: Vec<String>,
    pub accounting_counterpart_keys: Vec<String>,
    pub monite_product_keys: Vec<String>,
    pub accounting_product_keys: Vec<String>,
}

impl Names {
    /// Names and keys of a checked input.
    pub fn of(monite: &MoniteInput, accounting: &AccountingInput) -> Self {
        let monite_counterparts: Vec<String> = monite.counterparts.iter().map(|c| c.display_name()).collect();
        Self {
            monite_counterpart_keys: monite_counterparts.iter().map(|n| strict_key(n)).collect(),
            monite_counterparts,
            accounting_counterpart_keys: accounting.counterparts.iter().map(|a| strict_key(&a.name)).collect(),
            monite_product_keys: monite.products.iter().map(|p| strict_key(&p.name)).collect(),
            accounting_product_keys: accounting.products.iter().map(|p| strict_key(&p.name)).collect(),
        }
    }
}
