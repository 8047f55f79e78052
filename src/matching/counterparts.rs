//! Counterpart matching (SPEC §3.1): groups by strict name key, the country → city → address cascade that
//! stops at one candidate, one-to-one duplicate-match detection, and suggestions for names with no group.

use rustc_hash::FxHashMap;

use super::suggestions::SuggestionIndex;
use crate::keys::{country_key, strict_key};
use crate::links::FamilyLinks;
use crate::model::accounting::AccountingCounterpart;
use crate::model::monite::{Address, Counterpart};
use crate::plan::output::{CounterpartMatch, DecidedBy, Issue, MatchStatus};

/// Reason codes (SPEC §8).
pub const NO_CANDIDATE_WITH_THIS_NAME: &str = "no_candidate_with_this_name";
pub const AMBIGUOUS: &str = "ambiguous";
pub const DUPLICATE_MATCH: &str = "duplicate_match";
/// §3.0: several Monite counterparts are linked to one accounting record.
pub const DUPLICATE_LINK: &str = "duplicate_link";
/// §3.0: the linked accounting record is not among the accounting counterparts.
pub const LINKED_RECORD_MISSING: &str = "linked_record_missing";
/// §3.0 warnings on a counterpart matched by link.
pub const NAME_DRIFT: &str = "name_drift";
pub const COUNTRY_DRIFT: &str = "country_drift";

/// The cascade's steps, in the guide's order.
const STEPS: [DecidedBy; 3] = [DecidedBy::Country, DecidedBy::City, DecidedBy::Address];

fn no_candidate_reason(step: DecidedBy) -> &'static str {
    match step {
        DecidedBy::Country => "no_candidate_agrees_on_country",
        DecidedBy::City => "no_candidate_agrees_on_city",
        DecidedBy::Address | DecidedBy::Name | DecidedBy::Link => "no_candidate_agrees_on_address",
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
            DecidedBy::Name | DecidedBy::Link => true,
        }
    }
}

/// Matches every Monite counterpart against the accounting pool (customers and vendors together), as on a
/// first sync (no links). Results are sorted by `monite_id`.
pub fn match_counterparts(monite: &[Counterpart], accounting: &[AccountingCounterpart]) -> Vec<CounterpartMatch> {
    let keys: Vec<String> = accounting.iter().map(|a| strict_key(&a.name)).collect();
    match_with_keys(monite, accounting, &keys, &FamilyLinks::default())
}

/// [`match_counterparts`] with the accounting side's strict keys already computed (`accounting_keys[j]` is
/// the key of `accounting[j]`; the caller also uses them for collision checks) and the links of earlier
/// syncs: linked Monite counterparts are decided by their link (step 0 of SPEC §3.1, §3.0 item 3), and the
/// name rules run over the rest and over the accounting records no link names.
pub fn match_with_keys(
    monite: &[Counterpart],
    accounting: &[AccountingCounterpart],
    accounting_keys: &[String],
    links: &FamilyLinks,
) -> Vec<CounterpartMatch> {
    let mut results: Vec<Option<CounterpartMatch>> = vec![None; monite.len()];
    if !links.is_empty() {
        let by_id: FxHashMap<&str, usize> = accounting.iter().enumerate().map(|(j, a)| (a.id.as_str(), j)).collect();
        for (i, m) in monite.iter().enumerate() {
            if let Some(target) = links.target_of(&m.id) {
                results[i] = Some(by_link(m, target, links, &by_id, accounting));
            }
        }
    }
    let unlinked_accounting = |j: usize| links.is_empty() || !links.is_linked(&accounting[j].id);

    let mut groups: FxHashMap<&str, (Vec<usize>, Vec<usize>)> = FxHashMap::default();
    let monite_keys: Vec<String> = monite.iter().map(|m| strict_key(&m.display_name())).collect();
    for (i, key) in monite_keys.iter().enumerate() {
        if results[i].is_none() {
            groups.entry(key.as_str()).or_default().0.push(i);
        }
    }
    for (j, key) in accounting_keys.iter().enumerate() {
        if let Some(group) = groups.get_mut(key.as_str()) {
            if unlinked_accounting(j) {
                group.1.push(j);
            }
        }
    }

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
        let index = SuggestionIndex::build(accounting, unlinked_accounting);
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

/// Step 0 for a Monite counterpart linked to `target` (SPEC §3.0 item 3): a shared link is ambiguous
/// (`duplicate_link`), a link to a record that is not in the pool is `linked_record_missing`, and a unique
/// link to a present record is the match — with drift warnings when the two records no longer agree.
fn by_link(
    m: &Counterpart,
    target: &str,
    links: &FamilyLinks,
    by_id: &FxHashMap<&str, usize>,
    accounting: &[AccountingCounterpart],
) -> CounterpartMatch {
    let present = by_id.get(target).and_then(|&j| accounting.get(j));
    let linkers = links.linkers_of(target);
    if linkers.len() > 1 {
        let mut r = base(&m.id, MatchStatus::Ambiguous, present.map(|a| vec![a.id.clone()]).unwrap_or_default());
        r.reason = Some(DUPLICATE_LINK);
        r.rivals = linkers.iter().filter(|id| **id != m.id.trim()).map(|id| (*id).to_owned()).collect();
        return r;
    }
    let Some(a) = present else {
        let mut r = base(&m.id, MatchStatus::Unmatched, Vec::new());
        r.reason = Some(LINKED_RECORD_MISSING);
        return r;
    };
    let mut r = base(&m.id, MatchStatus::Matched, vec![a.id.clone()]);
    r.accounting_id = Some(a.id.clone());
    r.decided_by = Some(DecidedBy::Link);
    r.warnings = drift(m, a);
    r
}

/// `name_drift` when the linked records' strict name keys differ, `country_drift` when both have a country
/// and they differ. Drift never changes the match.
fn drift(m: &Counterpart, a: &AccountingCounterpart) -> Vec<Issue> {
    let mut warnings = Vec::new();
    let name = m.display_name();
    if strict_key(&name) != strict_key(&a.name) {
        warnings.push(Issue::new(
            NAME_DRIFT,
            "name",
            format!(
                "the name changed since the records were linked: {} in Monite, {} in the accounting system (record {})",
                quoted(&name),
                quoted(&a.name),
                quoted(&a.id)
            ),
        ));
    }
    let country = |value: Option<&str>| value.map(country_key).filter(|c| !c.is_empty());
    let ours = country(m.matching_address().and_then(|x| x.country.as_deref()));
    let theirs = country(a.address.as_ref().and_then(|x| x.country.as_deref()));
    if let (Some(ours), Some(theirs)) = (ours, theirs) {
        if ours != theirs {
            warnings.push(Issue::new(
                COUNTRY_DRIFT,
                "address.country",
                format!(
                    "the country changed since the records were linked: {ours} in Monite, {theirs} in the accounting system (record {})",
                    quoted(&a.id)
                ),
            ));
        }
    }
    warnings
}

/// A value as a JSON string, so messages quote names unambiguously and stay on one line.
pub fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| format!("{text:?}"))
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
        warnings: Vec::new(),
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
