//! What the push rules need to know besides the record itself: the mapping tables, the entity settings,
//! the policy, the connection's start, and how each counterpart stands after matching.

use rustc_hash::FxHashMap;
use serde::Deserialize;

use crate::json::de::{object, object_or_default, objects, string_enum};
use crate::mapping::ledger_accounts::LedgerIndex;
use crate::mapping::tax_rates::TaxRateIndex;
use crate::model::accounting::{LedgerAccount, TaxRate};
use crate::model::dates::{self, Moment};
use crate::model::monite::{Connection, Settings};
use crate::model::Policy;

/// Where a Monite counterpart stands after matching (`none`/`matched`, `create`, `blocked`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
// serde reads it through `string_enum!`; the attribute names the TypeScript union's members.
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "snake_case"))]
pub enum CounterpartState {
    /// Matched to an accounting record (push action `none`).
    Matched,
    /// Will be created in the accounting system.
    Create,
    /// Ambiguous, unmatched with a collision, or otherwise not pushable.
    Blocked,
}
string_enum!(CounterpartState { "matched" => Matched, "none" => Matched, "create" => Create, "blocked" => Blocked });

/// A counterpart's state plus what documents need of it for their payloads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CounterpartStanding {
    pub state: CounterpartState,
    pub accounting_id: Option<String>,
    pub name: Option<String>,
}

/// Everything the push rules read.
pub struct PushContext<'a> {
    pub ledgers: LedgerIndex<'a>,
    pub taxes: TaxRateIndex<'a>,
    pub settings: &'a Settings,
    pub policy: &'a Policy,
    /// When the connection was created; `None` when no connection is given (then nothing predates it).
    pub connected_at: Option<Moment>,
    /// By Monite counterpart id. `None`: not known (a standalone bill check), so not checked.
    pub counterparts: Option<FxHashMap<&'a str, CounterpartStanding>>,
}

impl<'a> PushContext<'a> {
    /// Builds the context; `counterparts` comes from the plan's matching step, or is `None`.
    pub fn new(
        ledger_accounts: &'a [LedgerAccount],
        tax_rates: &'a [TaxRate],
        settings: &'a Settings,
        policy: &'a Policy,
        connection: Option<&'a Connection>,
        counterparts: Option<FxHashMap<&'a str, CounterpartStanding>>,
    ) -> Self {
        Self {
            ledgers: LedgerIndex::new(ledger_accounts),
            taxes: TaxRateIndex::new(tax_rates),
            settings,
            policy,
            connected_at: connection.and_then(|c| c.created_at.as_deref()).and_then(|t| dates::parse(t).ok()),
            counterparts,
        }
    }
}

/// The context a form passes to `validate_bill` (JS `validateBill(bill, context)`): every field optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct BillContext {
    #[serde(default, deserialize_with = "objects")]
    pub ledger_accounts: Vec<LedgerAccount>,
    #[serde(default, deserialize_with = "objects")]
    pub tax_rates: Vec<TaxRate>,
    #[serde(default, deserialize_with = "object_or_default")]
    pub settings: Settings,
    #[serde(default, deserialize_with = "object_or_default")]
    pub policy: Policy,
    #[serde(default, deserialize_with = "object")]
    pub connection: Option<Connection>,
    /// Monite counterpart id → `"matched"` (or `"none"`), `"create"` or `"blocked"`; when absent, the
    /// counterpart is not checked.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<string, CounterpartState> | null"))]
    #[serde(default)]
    pub counterparts: Option<FxHashMap<String, CounterpartState>>,
}

impl BillContext {
    /// The push context this form context describes.
    pub fn push_context(&self) -> PushContext<'_> {
        let counterparts = self.counterparts.as_ref().map(|map| {
            map.iter()
                .map(|(id, state)| {
                    (id.as_str(), CounterpartStanding { state: *state, accounting_id: None, name: None })
                })
                .collect()
        });
        PushContext::new(
            &self.ledger_accounts,
            &self.tax_rates,
            &self.settings,
            &self.policy,
            self.connection.as_ref(),
            counterparts,
        )
    }
}
