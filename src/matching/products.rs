//! Product matching (SPEC §3.2): by strict name key alone. One Monite and one accounting record → match;
//! accounting only (one record) → create in Monite with a `ProductServiceRequest` payload; at least one
//! accounting record and more than one record on either side → `multiple_matches` for every record in the
//! group, and neither a match nor a creation; no accounting record → nothing.

use crate::json::de::non_blank;
use rustc_hash::FxHashMap;

use crate::input::forms::ProductsToMatch;
use crate::input::records::accounting::{AccountingPrice, AccountingProduct};
use crate::input::records::monite::{Price, Product};
use crate::keys::strict_key;
use crate::links::FamilyLinks;
use crate::mapping::currency::to_minor;
use crate::vocab::quoted;
use crate::vocab::Code;
use crate::vocab::ProductPayload;
use crate::vocab::{first_ids, ids_in_words, Issue, ProductAction, ProductDecidedBy, ProductError, ProductResult};

/// `ProductServiceRequest.name` is limited to 100 characters.
pub const MAX_NAME_CHARS: usize = 100;

/// Where products get their ledger account: the accounting product's own, else the entity default.
pub struct LedgerDefaults<'a> {
    pub default_products: Option<&'a str>,
}

impl LedgerDefaults<'_> {
    /// The ledger account applied to an accounting product (SPEC §3.4): the one it refers to, otherwise the
    /// entity default.
    pub fn for_product(&self, product: &AccountingProduct) -> Option<String> {
        non_blank(product.ledger_account_id.as_deref()).or(self.default_products).map(str::to_owned)
    }
}

/// Matches products as on a first sync (no links): JS `matchProducts`. Rows are sorted by Monite id, then
/// accounting id (rows without a Monite id last).
pub fn match_products(sides: &ProductsToMatch) -> Vec<ProductResult> {
    let defaults = LedgerDefaults { default_products: sides.settings.default_products_ledger() };
    let monite_keys: Vec<String> = sides.monite.iter().map(|p| strict_key(&p.name)).collect();
    let accounting_keys: Vec<String> = sides.accounting.iter().map(|p| strict_key(&p.name)).collect();
    let keys = ProductKeys { monite: &monite_keys, accounting: &accounting_keys };
    match_products_linked(&sides.monite, &sides.accounting, keys, &defaults, &FamilyLinks::default())
}

/// The `i`th key of `list` (`""` past its end).
fn key(list: &[String], i: usize) -> &str {
    list.get(i).map_or("", String::as_str)
}

/// The strict keys of both sides' product names, by position (computed once, by the gate).
#[derive(Clone, Copy)]
pub struct ProductKeys<'a> {
    pub monite: &'a [String],
    pub accounting: &'a [String],
}

/// [`match_products`] starting from the links of earlier syncs (SPEC §3.0 item 4): a linked Monite product
/// is decided by its link, and name groups are formed over the unlinked records of both sides only, so a
/// linked accounting product is never offered for creation again and gets no row of its own.
pub fn match_products_linked(
    monite: &[Product],
    accounting: &[AccountingProduct],
    keys: ProductKeys,
    ledgers: &LedgerDefaults,
    links: &FamilyLinks,
) -> Vec<ProductResult> {
    let mut rows = Vec::with_capacity(monite.len() + accounting.len());
    let mut linked = vec![false; monite.len()];
    if !links.is_empty() {
        let by_id: FxHashMap<&str, usize> = accounting.iter().enumerate().map(|(j, p)| (p.id.as_str(), j)).collect();
        let key_of = |j: usize| (&accounting[j], key(keys.accounting, j));
        for (i, m) in monite.iter().enumerate() {
            if let Some(target) = links.target_of(&m.id) {
                linked[i] = true;
                rows.push(by_link(m, key(keys.monite, i), target, links, &by_id, &key_of));
            }
        }
    }
    // A product whose strict key is empty belongs to no group (SPEC §3.1 "Empty names"): a Monite one gets
    // action `none`, an accounting one is never offered for creation (its row says `none`).
    let mut groups: FxHashMap<&str, (Vec<usize>, Vec<usize>)> = FxHashMap::default();
    for (i, p) in monite.iter().enumerate() {
        if linked[i] {
            continue;
        }
        match key(keys.monite, i) {
            "" => rows.push(row(ProductAction::None, Some(&p.id), None, None)),
            k => groups.entry(k).or_default().0.push(i),
        }
    }
    for (j, p) in accounting.iter().enumerate() {
        if !links.is_empty() && links.is_linked(&p.id) {
            continue;
        }
        match key(keys.accounting, j) {
            "" => rows.push(row(ProductAction::None, None, Some(&p.id), None)),
            k => groups.entry(k).or_default().1.push(j),
        }
    }
    for (m_idx, a_idx) in groups.values() {
        match (m_idx.as_slice(), a_idx.as_slice()) {
            (_, []) => rows.extend(m_idx.iter().map(|&i| row(ProductAction::None, Some(&monite[i].id), None, None))),
            ([m], [a]) => {
                let mut r = row(ProductAction::Match, Some(&monite[*m].id), Some(&accounting[*a].id), None);
                r.decided_by = Some(ProductDecidedBy::Name);
                rows.push(r);
            }
            ([], [a]) => {
                let mut r = row(ProductAction::Create, None, Some(&accounting[*a].id), None);
                r.payload = Some(create_payload(&accounting[*a], ledgers));
                rows.push(r);
            }
            _ => {
                let (monite_ids, monite_ids_total) = first_ids(m_idx.iter().map(|&i| monite[i].id.as_str()).collect());
                let (accounting_ids, accounting_ids_total) =
                    first_ids(a_idx.iter().map(|&j| accounting[j].id.as_str()).collect());
                let error = ProductError {
                    code: Code::MultipleMatches,
                    monite_ids,
                    monite_ids_total,
                    accounting_ids,
                    accounting_ids_total,
                };
                // One row per record of the group (each carries the bounded error).
                for &i in m_idx {
                    rows.push(row(ProductAction::None, Some(&monite[i].id), None, Some(error.clone())));
                }
                for &j in a_idx {
                    rows.push(row(ProductAction::None, None, Some(&accounting[j].id), Some(error.clone())));
                }
            }
        }
    }
    // Each row has its own key (ids are unique per side): an unstable sort gives the one order.
    rows.sort_unstable_by(|a, b| {
        (a.monite_id.is_none(), &a.monite_id, &a.accounting_id).cmp(&(
            b.monite_id.is_none(),
            &b.monite_id,
            &b.accounting_id,
        ))
    });
    rows
}

/// Step 0 for a Monite product linked to `target`: a unique link to a present product is the match (with
/// `name_drift` when the names' strict keys differ); a shared link or a link to a missing product gives
/// action `none` and the warning, naming the accounting product in its message.
fn by_link<'a>(
    m: &Product,
    m_key: &str,
    target: &str,
    links: &FamilyLinks,
    by_id: &FxHashMap<&str, usize>,
    key_of: &impl Fn(usize) -> (&'a AccountingProduct, &'a str),
) -> ProductResult {
    let linkers = links.linkers_of(target);
    if linkers.len() > 1 {
        let others: Vec<&str> = linkers.iter().copied().filter(|id| *id != m.id.trim()).take(10).collect();
        let mut r = row(ProductAction::None, Some(&m.id), None, None);
        r.warnings.push(Issue::new(
            Code::DuplicateLink,
            "",
            format!(
                "linked to accounting product {} like Monite product(s) {}; none of them is matched",
                quoted(target),
                ids_in_words(&others, linkers.len() - 1)
            ),
        ));
        return r;
    }
    let Some((a, a_key)) = by_id.get(target).map(|&j| key_of(j)) else {
        let mut r = row(ProductAction::None, Some(&m.id), None, None);
        r.warnings.push(Issue::new(
            Code::LinkedRecordMissing,
            "",
            format!(
                "linked to accounting product {}, which is not among the accounting products (deleted or archived there, or not loaded)",
                quoted(target)
            ),
        ));
        return r;
    };
    let mut r = row(ProductAction::Match, Some(&m.id), Some(&a.id), None);
    r.decided_by = Some(ProductDecidedBy::Link);
    if m_key != a_key {
        r.warnings.push(Issue::new(
            Code::NameDrift,
            "name",
            format!(
                "the name changed since the products were linked: {} in Monite, {} in the accounting system (product {})",
                quoted(&m.name),
                quoted(&a.name),
                quoted(&a.id)
            ),
        ));
    }
    r
}

fn row(
    action: ProductAction,
    monite_id: Option<&str>,
    accounting_id: Option<&str>,
    error: Option<ProductError>,
) -> ProductResult {
    ProductResult {
        action,
        monite_id: monite_id.map(str::to_owned),
        accounting_id: accounting_id.map(str::to_owned),
        error,
        decided_by: None,
        warnings: Vec::new(),
        payload: None,
    }
}

/// The `ProductServiceRequest` that would create the accounting product in Monite: name cut to 100
/// characters, price in minor units (when its currency is known), type, ledger account.
pub fn create_payload(product: &AccountingProduct, ledgers: &LedgerDefaults) -> ProductPayload {
    let price = match &product.price {
        Some(AccountingPrice::Minor(p)) => {
            Some(Price { currency: p.currency.trim().to_ascii_uppercase(), value: p.value })
        }
        Some(AccountingPrice::Major(major)) => product.currency.as_deref().map(|currency| Price {
            currency: currency.trim().to_ascii_uppercase(),
            value: to_minor(*major, currency),
        }),
        None => None,
    };
    ProductPayload {
        name: product.name.trim().chars().take(MAX_NAME_CHARS).collect(),
        price,
        r#type: product.r#type,
        ledger_account_id: ledgers.for_product(product),
        description: non_blank(product.description.as_deref()).map(str::to_owned),
    }
}
