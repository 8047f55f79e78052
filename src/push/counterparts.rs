//! Counterparts (SPEC §4): matched → nothing to push; ambiguous → blocked; unmatched → created, unless its
//! name collides (equal strict key) with any accounting customer or vendor — QuickBooks wants display
//! names unique across customers, vendors and employees (error 6240), Xero across active contacts — or
//! with another Monite counterpart created in the same sync (only the first, by id, is created).

use rustc_hash::FxHashMap;

use super::context::CounterpartStanding;
use crate::input::records::forms::CounterpartState;
use crate::input::records::monite::{Address, Counterpart};
use crate::links::FamilyLinks;
use crate::matching::counterparts::MoniteSide;
use crate::vocab::quoted;
use crate::vocab::Code;
use crate::vocab::CounterpartPayload;
use crate::vocab::{ids_in_words, CounterpartAction, CounterpartMatch, CounterpartPush, Issue, MatchStatus};

/// Push decisions for every counterpart, sorted by id, and each one's standing for the documents.
/// `matches` are the pull results (sorted by id); `accounting_names` maps strict keys to accounting ids.
pub fn plan_counterparts<'a>(
    monite: MoniteSide<'a>,
    matches: &[CounterpartMatch],
    accounting_names: &FxHashMap<&str, Vec<&str>>,
    links: &FamilyLinks,
) -> (Vec<CounterpartPush>, FxHashMap<&'a str, CounterpartStanding>) {
    let by_id: FxHashMap<&str, usize> = monite.records.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
    let mut first_creator: FxHashMap<&str, &str> = FxHashMap::default();
    let mut pushes = Vec::with_capacity(matches.len());
    let mut standing = FxHashMap::default();
    for m in matches {
        let Some(&i) = by_id.get(m.monite_id.as_str()) else { continue };
        let counterpart = &monite.records[i];
        let name = m.monite_name.clone();
        let key = monite.keys.get(i).map_or("", String::as_str);
        let (action, errors, payload) = match m.status {
            MatchStatus::Matched => (CounterpartAction::None, Vec::new(), None),
            MatchStatus::Ambiguous => {
                let message = match m.reason {
                    Some(Code::DuplicateMatch) => format!(
                        "matched the same accounting record as {}; resolve the duplicate before pushing",
                        ids_in_words(&m.rivals, m.rivals_total)
                    ),
                    Some(Code::DuplicateLink) => format!(
                        "linked by an earlier sync to the same accounting record as {}; creating another record would duplicate it, resolve the duplicate link first",
                        ids_in_words(&m.rivals, m.rivals_total)
                    ),
                    _ => format!("several accounting records fit: {}", ids_in_words(&m.candidates, m.candidates_total)),
                };
                (
                    CounterpartAction::Blocked,
                    vec![Issue::new(m.reason.unwrap_or(Code::Ambiguous), "name", message)],
                    None,
                )
            }
            MatchStatus::Unmatched if m.reason == Some(Code::LinkedRecordMissing) => {
                let target = links.target_of(&m.monite_id).unwrap_or_default();
                let message = format!(
                    "linked by an earlier sync to accounting record {}, which is not among the accounting customers and vendors (deleted or archived there, or not loaded); creating it again would duplicate it",
                    quoted(target)
                );
                (CounterpartAction::Blocked, vec![Issue::new(Code::LinkedRecordMissing, "name", message)], None)
            }
            MatchStatus::Unmatched => {
                if key.is_empty() {
                    // SPEC §4: a counterpart without a name is never created.
                    let message = "the counterpart has no name (blank, or only white space and invisible characters); it cannot be created";
                    (CounterpartAction::Blocked, vec![Issue::new(Code::NameMissing, "name", message)], None)
                } else if let Some(ids) = accounting_names.get(key) {
                    let message = format!(
                        "an accounting customer or vendor already has this name ({}); creating it would be rejected",
                        ids_in_words(ids, ids.len())
                    );
                    (CounterpartAction::Blocked, vec![Issue::new(Code::NameCollision, "name", message)], None)
                } else if let Some(first) = first_creator.get(key) {
                    let message = format!("Monite counterpart \"{first}\" with the same name is created in this sync");
                    (CounterpartAction::Blocked, vec![Issue::new(Code::NameCollision, "name", message)], None)
                } else {
                    first_creator.insert(key, counterpart.id.as_str());
                    (CounterpartAction::Create, Vec::new(), Some(create_payload(counterpart, &name)))
                }
            }
        };
        let state = match action {
            CounterpartAction::None => CounterpartState::Matched,
            CounterpartAction::Create => CounterpartState::Create,
            CounterpartAction::Blocked => CounterpartState::Blocked,
        };
        let accounting_id = m.accounting_id.clone();
        // The matched record's name, as matching found it (set whenever `accounting_id` is).
        let shown = accounting_id.as_ref().and(m.accounting_name.clone());
        standing
            .insert(counterpart.id.as_str(), CounterpartStanding { state, accounting_id, name: shown.or(Some(name)) });
        pushes.push(CounterpartPush { monite_id: m.monite_id.clone(), action, errors, payload });
    }
    (pushes, standing)
}

/// The record that would be created in the accounting system.
fn create_payload(c: &Counterpart, name: &str) -> CounterpartPayload {
    let (is_customer, is_vendor) = c.roles();
    let (email, phone) = match (&c.organization, &c.individual) {
        (Some(o), _) => (o.email.clone(), o.phone.clone()),
        (None, Some(i)) => (i.email.clone(), i.phone.clone()),
        (None, None) => (None, None),
    };
    CounterpartPayload {
        name: name.trim().to_owned(),
        kind: c.kind(),
        is_customer,
        is_vendor,
        email,
        phone,
        tax_id: c.tax_id.clone(),
        address: c.matching_address().map(|a| Address { id: None, ..a.clone() }),
    }
}
