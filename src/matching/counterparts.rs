//! Counterpart matching (SPEC §3.1): groups by strict name key, the country → city → address cascade that
//! stops at one candidate, one-to-one duplicate-match detection, and suggestions for names with no group.

use rustc_hash::FxHashMap;

use super::suggestions::SuggestionIndex;
use crate::input::forms::CounterpartsToMatch;
use crate::input::records::accounting::AccountingCounterpart;
use crate::input::records::monite::{Address, Counterpart};
use crate::keys::{country_key, strict_key};
use crate::links::FamilyLinks;
use crate::vocab::{first_ids, quoted, Code, CounterpartMatch, DecidedBy, Issue, MatchStatus};

fn no_candidate_reason(step: DecidedBy) -> Code {
    match step {
        DecidedBy::Country => Code::NoCandidateAgreesOnCountry,
        DecidedBy::City => Code::NoCandidateAgreesOnCity,
        DecidedBy::Address | DecidedBy::Name | DecidedBy::Link => Code::NoCandidateAgreesOnAddress,
    }
}

/// Address parts as keys; a missing or blank value is the empty string.
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
}

/// The Monite side of counterpart matching: the records and, by position, their display names and strict
/// keys (computed once, by the gate).
#[derive(Clone, Copy)]
pub struct MoniteSide<'a> {
    pub records: &'a [Counterpart],
    pub names: &'a [String],
    pub keys: &'a [String],
}

/// The accounting side: the records and their strict keys, by position.
#[derive(Clone, Copy)]
pub struct AccountingSide<'a> {
    pub records: &'a [AccountingCounterpart],
    pub keys: &'a [String],
}

impl MoniteSide<'_> {
    fn name(&self, i: usize) -> &str {
        self.names.get(i).map_or("", String::as_str)
    }

    fn key(&self, i: usize) -> &str {
        self.keys.get(i).map_or("", String::as_str)
    }

    /// A result row for record `i`.
    fn row(&self, i: usize, status: MatchStatus, candidates: IdList) -> CounterpartMatch {
        let id = self.records.get(i).map_or_else(String::new, |m| m.id.clone());
        base(id, self.name(i).to_owned(), status, candidates)
    }
}

impl AccountingSide<'_> {
    fn key(&self, j: usize) -> &str {
        self.keys.get(j).map_or("", String::as_str)
    }
}

/// Matches every Monite counterpart against the accounting pool (customers and vendors together), as on a
/// first sync (no links): JS `matchCounterparts`. Results are sorted by `monite_id`.
pub fn match_counterparts(sides: &CounterpartsToMatch) -> Vec<CounterpartMatch> {
    let names: Vec<String> = sides.monite.iter().map(Counterpart::display_name).collect();
    let monite_keys: Vec<String> = names.iter().map(|n| strict_key(n)).collect();
    let accounting_keys: Vec<String> = sides.accounting.iter().map(|a| strict_key(&a.name)).collect();
    let monite = MoniteSide { records: &sides.monite, names: &names, keys: &monite_keys };
    let accounting = AccountingSide { records: &sides.accounting, keys: &accounting_keys };
    match_sides(monite, accounting, &FamilyLinks::default())
}

/// Matches the two sides, starting from the links of earlier syncs: linked Monite counterparts are decided
/// by their link (step 0 of SPEC §3.1, §3.0 item 3), and the name rules run over the rest and over the
/// accounting records no link names.
pub fn match_sides(monite: MoniteSide, accounting: AccountingSide, links: &FamilyLinks) -> Vec<CounterpartMatch> {
    let mut results: Vec<Option<CounterpartMatch>> = vec![None; monite.records.len()];
    if !links.is_empty() {
        let by_id: FxHashMap<&str, usize> =
            accounting.records.iter().enumerate().map(|(j, a)| (a.id.as_str(), j)).collect();
        for (i, m) in monite.records.iter().enumerate() {
            if let Some(target) = links.target_of(&m.id) {
                results[i] = Some(by_link(monite, i, target, links, &by_id, accounting));
            }
        }
    }
    let unlinked_accounting = |j: usize| links.is_empty() || !links.is_linked(&accounting.records[j].id);

    // A record whose strict key is empty belongs to no group (SPEC §3.1 "Empty names"): unmatched, with
    // no suggestions; an accounting one is never a candidate.
    let mut groups: FxHashMap<&str, (Vec<usize>, Vec<usize>)> = FxHashMap::default();
    for (i, result) in results.iter_mut().enumerate() {
        if result.is_some() {
            continue;
        }
        let key = monite.key(i);
        if key.is_empty() {
            let mut r = monite.row(i, MatchStatus::Unmatched, IdList::default());
            r.reason = Some(Code::NoCandidateWithThisName);
            *result = Some(r);
        } else {
            groups.entry(key).or_default().0.push(i);
        }
    }
    for j in 0..accounting.records.len() {
        if let Some(group) = groups.get_mut(accounting.key(j)) {
            if unlinked_accounting(j) {
                group.1.push(j);
            }
        }
    }

    crate::work::mark("counterparts: groups");
    let mut unnamed: Vec<usize> = Vec::new();
    for (m_idx, a_idx) in groups.values() {
        match (m_idx.as_slice(), a_idx.as_slice()) {
            (_, []) => unnamed.extend_from_slice(m_idx),
            ([m], [a]) => {
                let found = &accounting.records[*a];
                let mut r = monite.row(*m, MatchStatus::Matched, IdList::one(&found.id));
                r.accounting_id = Some(found.id.clone());
                r.accounting_name = Some(found.name.clone());
                r.decided_by = Some(DecidedBy::Name);
                results[*m] = Some(r);
            }
            _ => cascade_group(monite, accounting.records, m_idx, a_idx, &mut results),
        }
    }

    crate::work::mark("counterparts: cascade");
    if !unnamed.is_empty() {
        let index = SuggestionIndex::build(accounting.records, accounting.keys, unlinked_accounting);
        crate::work::mark("counterparts: suggestion index");
        for m in unnamed {
            let mut r = monite.row(m, MatchStatus::Unmatched, IdList::default());
            r.reason = Some(Code::NoCandidateWithThisName);
            r.suggestions = index.suggest(monite.name(m), monite.key(m), accounting.records);
            results[m] = Some(r);
        }
    }

    crate::work::mark("counterparts: suggestions");
    // Sorted by Monite id: order the positions once, then move each row out once.
    let mut order: Vec<usize> = (0..results.len()).collect();
    order.sort_unstable_by(|&a, &b| monite.records[a].id.cmp(&monite.records[b].id));
    order.into_iter().filter_map(|i| results[i].take()).collect()
}

/// Step 0 for Monite counterpart `i` linked to `target` (SPEC §3.0 item 3): a shared link is ambiguous
/// (`duplicate_link`), a link to a record that is not in the pool is `linked_record_missing`, and a unique
/// link to a present record is the match — with drift warnings when the two records no longer agree.
fn by_link(
    monite: MoniteSide,
    i: usize,
    target: &str,
    links: &FamilyLinks,
    by_id: &FxHashMap<&str, usize>,
    accounting: AccountingSide,
) -> CounterpartMatch {
    let m = &monite.records[i];
    let present = by_id.get(target).map(|&j| (j, &accounting.records[j]));
    let linkers = links.linkers_of(target);
    if linkers.len() > 1 {
        let candidates = present.map(|(_, a)| IdList::one(&a.id)).unwrap_or_default();
        let mut r = monite.row(i, MatchStatus::Ambiguous, candidates);
        r.reason = Some(Code::DuplicateLink);
        (r.rivals, r.rivals_total) = others(linkers, m.id.trim());
        return r;
    }
    let Some((j, a)) = present else {
        let mut r = monite.row(i, MatchStatus::Unmatched, IdList::default());
        r.reason = Some(Code::LinkedRecordMissing);
        return r;
    };
    let mut r = monite.row(i, MatchStatus::Matched, IdList::one(&a.id));
    r.accounting_id = Some(a.id.clone());
    r.accounting_name = Some(a.name.clone());
    r.decided_by = Some(DecidedBy::Link);
    r.warnings = drift(m, monite.name(i), monite.key(i) != accounting.key(j), a);
    r
}

/// `name_drift` when the linked records' strict name keys differ, `country_drift` when both have a country
/// and they differ. Drift never changes the match.
fn drift(m: &Counterpart, name: &str, names_differ: bool, a: &AccountingCounterpart) -> Vec<Issue> {
    let mut warnings = Vec::new();
    if names_differ {
        warnings.push(Issue::new(
            Code::NameDrift,
            "name",
            format!(
                "the name changed since the records were linked: {} in Monite, {} in the accounting system (record {})",
                quoted(name),
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
                Code::CountryDrift,
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

/// A bounded list of candidate ids ([`first_ids`]), computed once per name group and shared by its rows.
#[derive(Debug, Clone, Default)]
struct IdList {
    ids: Vec<String>,
    total: usize,
}

impl IdList {
    fn of<S: AsRef<str> + Ord>(ids: Vec<S>) -> Self {
        let (ids, total) = first_ids(ids);
        Self { ids, total }
    }

    fn one(id: &str) -> Self {
        Self { ids: vec![id.to_owned()], total: 1 }
    }
}

/// The first [`MAX_IDS`](crate::vocab::MAX_IDS) of the sorted `ids` other than `me`, and how many
/// others there are: bounded work per row however many records share one accounting record.
fn others(sorted: &[&str], me: &str) -> (Vec<String>, usize) {
    let mine = sorted.binary_search(&me).is_ok();
    let shown = sorted.iter().filter(|id| **id != me).take(crate::vocab::MAX_IDS);
    (shown.map(|id| (*id).to_owned()).collect(), sorted.len() - usize::from(mine))
}

fn base(monite_id: String, monite_name: String, status: MatchStatus, candidates: IdList) -> CounterpartMatch {
    CounterpartMatch {
        monite_id,
        monite_name,
        accounting_name: None,
        status,
        accounting_id: None,
        decided_by: None,
        reason: None,
        candidates: candidates.ids,
        candidates_total: candidates.total,
        suggestions: Vec::new(),
        rivals: Vec::new(),
        rivals_total: 0,
        warnings: Vec::new(),
    }
}

/// Where a Monite record's cascade ends.
enum Cascade<'g> {
    /// No candidate agrees on this field.
    None(DecidedBy),
    /// Exactly one candidate (group index) is left after this field.
    One(usize, DecidedBy),
    /// More than one is left after the address: the candidate list at this position of the index.
    Several(usize, &'g [usize]),
}

/// Country, city and street (`line1`, `line2`, `postal_code`) of one record, as keys.
type StreetKey<'k> = (&'k str, &'k str, &'k (String, String, String));

/// The group's accounting records indexed by each prefix of the cascade (country; country and city;
/// country, city and street), so that every Monite record's cascade costs three lookups instead of a scan
/// of the group: a group of n records on each side costs O(n), not O(n²). The maps give the position of a
/// candidate list in `lists`.
struct CascadeIndex<'k> {
    by_country: FxHashMap<&'k str, usize>,
    by_city: FxHashMap<(&'k str, &'k str), usize>,
    by_street: FxHashMap<StreetKey<'k>, usize>,
    lists: Vec<Vec<usize>>,
}

impl<'k> CascadeIndex<'k> {
    fn new(keys: &'k [AddressKeys]) -> Self {
        let mut index = Self {
            by_country: FxHashMap::default(),
            by_city: FxHashMap::default(),
            by_street: FxHashMap::default(),
            lists: Vec::new(),
        };
        for (k, a) in keys.iter().enumerate() {
            let lists = &mut index.lists;
            let mut add = |slot: &mut usize, fresh: bool| {
                if fresh {
                    *slot = lists.len();
                    lists.push(Vec::new());
                }
                lists[*slot].push(k);
            };
            let fresh = !index.by_country.contains_key(a.country.as_str());
            add(index.by_country.entry(a.country.as_str()).or_default(), fresh);
            let city = (a.country.as_str(), a.city.as_str());
            let fresh = !index.by_city.contains_key(&city);
            add(index.by_city.entry(city).or_default(), fresh);
            let street = (a.country.as_str(), a.city.as_str(), &a.street);
            let fresh = !index.by_street.contains_key(&street);
            add(index.by_street.entry(street).or_default(), fresh);
        }
        index
    }

    fn run(&self, m: &AddressKeys) -> Cascade<'_> {
        let slots = [
            (DecidedBy::Country, self.by_country.get(m.country.as_str()).copied()),
            (DecidedBy::City, self.by_city.get(&(m.country.as_str(), m.city.as_str())).copied()),
            (DecidedBy::Address, self.by_street.get(&(m.country.as_str(), m.city.as_str(), &m.street)).copied()),
        ];
        let mut last = (0, &[][..]);
        for (step, slot) in slots {
            crate::work::count(crate::work::Kind::Cascade, 1);
            let left = slot.and_then(|i| Some((i, self.lists.get(i)?.as_slice())));
            match left {
                None | Some((_, [])) => return Cascade::None(step),
                Some((_, [only])) => return Cascade::One(*only, step),
                Some(found) => last = found,
            }
        }
        Cascade::Several(last.0, last.1)
    }
}

/// The cascade for a group with more than one record on either side, then the one-to-one check.
fn cascade_group(
    monite: MoniteSide,
    accounting: &[AccountingCounterpart],
    m_idx: &[usize],
    a_idx: &[usize],
    results: &mut [Option<CounterpartMatch>],
) {
    let a_keys: Vec<AddressKeys> = a_idx.iter().map(|&j| AddressKeys::of(accounting[j].address.as_ref())).collect();
    let index = CascadeIndex::new(&a_keys);
    let group_ids = IdList::of(a_idx.iter().map(|&j| accounting[j].id.as_str()).collect());
    // accounting index → Monite indexes that landed on it
    let mut winners: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    // The remaining candidates of an ambiguous end, once per candidate list (many Monite records of one
    // group often end on the same list).
    let mut remaining: FxHashMap<usize, IdList> = FxHashMap::default();
    for &m in m_idx {
        let mk = AddressKeys::of(monite.records[m].matching_address());
        let r = match index.run(&mk) {
            Cascade::None(step) => {
                let mut r = monite.row(m, MatchStatus::Unmatched, group_ids.clone());
                r.reason = Some(no_candidate_reason(step));
                r
            }
            Cascade::One(k, step) => {
                let a = a_idx[k];
                let mut r = monite.row(m, MatchStatus::Matched, group_ids.clone());
                r.accounting_id = Some(accounting[a].id.clone());
                r.accounting_name = Some(accounting[a].name.clone());
                r.decided_by = Some(step);
                winners.entry(a).or_default().push(m);
                r
            }
            Cascade::Several(slot, left) => {
                let ids = remaining.entry(slot).or_insert_with(|| {
                    crate::work::count(crate::work::Kind::Cascade, left.len());
                    IdList::of(left.iter().map(|&k| accounting[a_idx[k]].id.as_str()).collect())
                });
                let mut r = monite.row(m, MatchStatus::Ambiguous, ids.clone());
                r.reason = Some(Code::Ambiguous);
                r
            }
        };
        results[m] = Some(r);
    }
    for (a, rivals) in winners {
        if rivals.len() < 2 {
            continue;
        }
        let mut ids: Vec<&str> = rivals.iter().map(|&m| monite.records[m].id.as_str()).collect();
        ids.sort_unstable();
        for &m in &rivals {
            let mut r = monite.row(m, MatchStatus::Ambiguous, IdList::one(&accounting[a].id));
            r.reason = Some(Code::DuplicateMatch);
            (r.rivals, r.rivals_total) = others(&ids, monite.records[m].id.as_str());
            results[m] = Some(r);
        }
    }
}
