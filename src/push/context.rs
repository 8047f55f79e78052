//! What the push rules need to know besides the record itself: the mapping tables, the entity settings,
//! the policy, the connection's start, and how each counterpart stands after matching.

use rustc_hash::FxHashMap;

use crate::input::dates::{self, Moment};
use crate::input::forms::Context;
use crate::input::records::forms::{BillContext, CounterpartState};
use crate::input::records::monite::{Connection, Settings};
use crate::input::records::Policy;
use crate::mapping::Tables;

/// A counterpart's state plus what documents need of it for their payloads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CounterpartStanding {
    pub state: CounterpartState,
    pub accounting_id: Option<String>,
    pub name: Option<String>,
}

/// How the documents' counterparts stand: from the plan's matching, from a form's map, or not known (a
/// standalone bill check without a map: not checked).
#[derive(Debug, Clone, Copy)]
pub enum Standings<'a> {
    Unchecked,
    Plan(&'a FxHashMap<&'a str, CounterpartStanding>),
    Form(&'a FxHashMap<String, CounterpartState>),
}

impl Standings<'_> {
    /// `None` when counterparts are not checked; else the counterpart's standing, if it is known.
    pub fn get(&self, id: &str) -> Option<Option<CounterpartStanding>> {
        match self {
            Standings::Unchecked => None,
            Standings::Plan(map) => Some(map.get(id).cloned()),
            Standings::Form(map) => {
                Some(map.get(id).map(|state| CounterpartStanding { state: *state, accounting_id: None, name: None }))
            }
        }
    }
}

/// Everything the push rules read.
#[derive(Clone, Copy)]
pub struct PushContext<'a> {
    pub tables: &'a Tables,
    pub settings: &'a Settings,
    pub policy: &'a Policy,
    /// When the connection was created; `None` when no connection is given (then nothing predates it).
    pub connected_at: Option<Moment>,
    pub counterparts: Standings<'a>,
}

/// When the connection was created, if it says and the date parses (the gate checked it).
pub fn connected_at(connection: Option<&Connection>) -> Option<Moment> {
    connection.and_then(|c| c.created_at.as_deref()).and_then(|t| dates::parse(t).ok())
}

/// A form's context with its tables built once: what `validateBill` reads, and what a bill validator keeps
/// between calls (JS `createBillValidator(context)`).
#[derive(Debug, Clone, Default)]
pub struct BillRules {
    tables: Tables,
    context: BillContext,
    connected_at: Option<Moment>,
}

impl BillRules {
    /// Builds the tables of a checked context.
    pub fn new(context: Context) -> Self {
        let mut context = context.0;
        // The tables own the accounts and rates; nothing reads them from the context afterwards.
        let tables = Tables::new(std::mem::take(&mut context.ledger_accounts), std::mem::take(&mut context.tax_rates));
        let connected_at = connected_at(context.connection.as_ref());
        Self { tables, context, connected_at }
    }

    /// The push context these rules describe.
    pub fn push_context(&self) -> PushContext<'_> {
        PushContext {
            tables: &self.tables,
            settings: &self.context.settings,
            policy: &self.context.policy,
            connected_at: self.connected_at,
            counterparts: self.context.counterparts.as_ref().map_or(Standings::Unchecked, Standings::Form),
        }
    }
}
