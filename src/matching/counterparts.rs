//! Counterpart matching (SPEC §3.1): groups by strict name key, the country → city → address cascade that
//! stops at one candidate, one-to-one duplicate-match detection, and suggestions for names with no group.

use rustc_hash::FxHashMap;

use super::suggestions::SuggestionIndex;
use crate::keys::{country_key, strict_key};
use crate::model::accounting::AccountingCounterpart;
use crate::model::monite::{Address, Counterpart};
use crate::plan::output::{CounterpartMatch, DecidedBy, MatchStatus};

/// Reason codes (SPEC §8).
pub const NO_CANDIDATE_WITH_THIS_NAME: &str = "no_candidate_with_this_name";
pub const AMBIGUOUS: &str = "ambiguous";
pub const DUPLICATE_MATCH: &str = "duplicate_match";

/// The cascade's steps, in the guide's order.
const STEPS: [DecidedBy; 3] = [DecidedBy::Country, DecidedBy::City, DecidedBy::Address];

fn no_candidate_reason(step: DecidedBy) -> &'static str {
    match step {
        DecidedBy::Country => "no_candidate_agrees_on_country",
        DecidedBy::City => "no_candidate_agrees_on_city",
        DecidedBy::Address | DecidedBy::Name => "no_candidate_agrees_on_address",
    }
}

/// Address parts as keys; a missing or blank value is the empty string.
#[derive(PartialEq, Eq)]
struct AddressKeys {
    country: String,
    city: String,
    street: (String, String, String),
}

impl AddressKeys {
    fn of(address: Option<&Address>) -> Self {
        let part = |v: Option<&Option<String>>| v.and_then(|o| o.as_deref()).map(strict_key).unwrap_or_default();
        Self {
            country: address.and_then(|a| a.country.as_deref()).map(country_key).unwrap_or_default(),
            city: part(address.map(|a| &a.city)),
            street: (
                part(address.map(|a| &a.line1)),
                part(address.map(|a| &a.line2)),
                part(address.map(|a| &a.postal_code)),
            ),
        }
    }

    fn agrees(&self, other: &Self, step: DecidedBy) -> bool {
        match step {
            DecidedBy::Country => self.country == other.country,
            DecidedBy::City => self.city == other.city,
            DecidedBy::Address => self.street == other.street,
            DecidedBy::Name => true,
        }
    }
}

/// Matches every Monite counterpart against the accounting pool (customers and vendors together).
/// Results are sorted by `monite_id`. `accounting_keys` are the strict name keys of `accounting`, in order
/// (computed once by the caller, who also uses them for collision checks).
pub fn match_counterparts(monite: &[Counterpart], accounting: &[AccountingCounterpart]) -> Vec<CounterpartMatch> {
    let keys: Vec<String> = accounting.iter().map(|a| strict_key(&a.name)).collect();
    match_with_keys(monite, accounting, &keys)
}

/// [`match_counterparts`] with the accounting side's strict keys already computed.
pub fn match_with_keys(
    monite: &[Counterpart],
    accounting: &[AccountingCounterpart],
    accounting_keys: &[String],
) -> Vec<CounterpartMatch> {
    let mut groups: FxHashMap<&str, (Vec<usize>, Vec<usize>)> = FxHashMap::default();
    let monite_keys: Vec<String> = monite.iter().map(|m| strict_key(&m.display_name())).collect();
    for (i, key) in monite_keys.iter().enumerate() {
        groups.entry(key.as_str()).or_default().0.push(i);
    }
    for (j, key) in accounting_keys.iter().enumerate() {
        if let Some(group) = groups.get_mut(key.as_str()) {
            group.1.push(j);
        }
    }

    let mut results: Vec<Option<CounterpartMatch>> = vec![None; monite.len()];
    let mut unnamed: Vec<usize> = Vec::new();
    for (m_idx, a_idx) in groups.values() {
        match (m_idx.as_slice(), a_idx.as_slice()) {
            (_, []) => unnamed.extend_from_slice(m_idx),
            ([m], [a]) => {
                let mut r = base(&monite[*m].id, MatchStatus::Matched, vec![accounting[*a].id.clone()]);
                r.accounting_id = Some(accounting[*a].id.clone());
                r.decided_by = Some(DecidedBy::Name);
                results[*m] = Some(r);
            }
            _ => cascade_group(monite, accounting, m_idx, a_idx, &mut results),
        }
    }

    if !unnamed.is_empty() {
        let index = SuggestionIndex::build(accounting);
        for m in unnamed {
            let mut r = base(&monite[m].id, MatchStatus::Unmatched, Vec::new());
            r.reason = Some(NO_CANDIDATE_WITH_THIS_NAME);
            r.suggestions = index.suggest(&monite[m].display_name(), accounting);
            results[m] = Some(r);
        }
    }

    let mut out: Vec<CounterpartMatch> = results.into_iter().flatten().collect();
    out.sort_by(|a, b| a.monite_id.cmp(&b.monite_id));
    out
}

fn base(monite_id: &str, status: MatchStatus, candidates: Vec<String>) -> CounterpartMatch {
    CounterpartMatch {
        monite_id: monite_id.to_owned(),
        status,
        accounting_id: None,
        decided_by: None,
        reason: None,
        candidates,
        suggestions: Vec::new(),
        rivals: Vec::new(),
    }
}

fn sorted_ids(accounting: &[AccountingCounterpart], idx: &[usize]) -> Vec<String> {
    let mut ids: Vec<String> = idx.iter().map(|&j| accounting[j].id.clone()).collect();
    ids.sort_unstable();
    ids
}

/// The cascade for a group with more than one record on either side, then the one-to-one check.
fn cascade_group(
    monite: &[Counterpart],
    accounting: &[AccountingCounterpart],
    m_idx: &[usize],
    a_idx: &[usize],
    results: &mut [Option<CounterpartMatch>],
) {
    let a_keys: Vec<AddressKeys> = a_idx.iter().map(|&j| AddressKeys::of(accounting[j].address.as_ref())).collect();
    let group_ids = sorted_ids(accounting, a_idx);
    // accounting index → Monite indexes that landed on it
    let mut winners: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for &m in m_idx {
        let mk = AddressKeys::of(monite[m].matching_address());
        let mut left: Vec<usize> = (0..a_idx.len()).collect();
        let mut outcome = None;
        for step in STEPS {
            left.retain(|&k| a_keys[k].agrees(&mk, step));
            match left.as_slice() {
                [] => {
                    let mut r = base(&monite[m].id, MatchStatus::Unmatched, group_ids.clone());
                    r.reason = Some(no_candidate_reason(step));
                    outcome = Some(r);
                }
                [only] => {
                    let a = a_idx[*only];
                    let mut r = base(&monite[m].id, MatchStatus::Matched, group_ids.clone());
                    r.accounting_id = Some(accounting[a].id.clone());
                    r.decided_by = Some(step);
                    winners.entry(a).or_default().push(m);
                    outcome = Some(r);
                }
                _ => continue,
            }
            break;
        }
        results[m] = Some(outcome.unwrap_or_else(|| {
            let remaining: Vec<usize> = left.iter().map(|&k| a_idx[k]).collect();
            let mut r = base(&monite[m].id, MatchStatus::Ambiguous, sorted_ids(accounting, &remaining));
            r.reason = Some(AMBIGUOUS);
            r
        }));
    }
    for (a, rivals) in winners {
        if rivals.len() < 2 {
            continue;
        }
        for &m in &rivals {
            let mut others: Vec<String> = rivals.iter().filter(|&&o| o != m).map(|&o| monite[o].id.clone()).collect();
            others.sort_unstable();
            let mut r = base(&monite[m].id, MatchStatus::Ambiguous, vec![accounting[a].id.clone()]);
            r.reason = Some(DUPLICATE_MATCH);
            r.rivals = others;
            results[m] = Some(r);
        }
    }
}
