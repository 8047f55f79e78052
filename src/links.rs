//! What earlier syncs left (SPEC §3.0): the counting synced record of each object, and the links they make
//! between Monite records and accounting records. Every sync after the first starts from these, not from
//! names: "once matched, there is no regular check for data changes in either system".

use crate::json::de::non_blank;
use rustc_hash::FxHashMap;

use crate::input::dates;
use crate::input::records::monite::SyncedRecord;

/// Which Monite records a synced record's `object_type` belongs to. Counterparts are synced as `customer`
/// and/or `vendor`; both count for the one counterpart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Counterpart,
    Product,
    Bill,
    Receivable,
    PaymentRecord,
}

impl Family {
    const ALL: [Family; 5] =
        [Family::Counterpart, Family::Product, Family::Bill, Family::Receivable, Family::PaymentRecord];

    /// The family of an `ObjectMatchTypes` value; `None` for a type the engine does not know.
    pub fn of(object_type: &str) -> Option<Family> {
        match object_type.trim() {
            "customer" | "vendor" => Some(Family::Counterpart),
            "product" => Some(Family::Product),
            "bill" => Some(Family::Bill),
            "receivable" => Some(Family::Receivable),
            "payment_record" => Some(Family::PaymentRecord),
            _ => None,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The links of one family: which accounting record each Monite record is linked to, and who links to
/// each accounting record.
#[derive(Debug, Default)]
pub struct FamilyLinks<'a> {
    /// Monite id → accounting id, for counting records with a non-blank `platform_object_id`.
    target: FxHashMap<&'a str, &'a str>,
    /// Accounting id → the Monite ids linking to it, sorted.
    linkers: FxHashMap<&'a str, Vec<&'a str>>,
}

impl<'a> FamilyLinks<'a> {
    /// The accounting id the Monite record `object_id` is linked to.
    pub fn target_of(&self, object_id: &str) -> Option<&'a str> {
        self.target.get(object_id.trim()).copied()
    }

    /// Every Monite id linked to `accounting_id` (sorted), whether or not its record is in the input.
    pub fn linkers_of(&self, accounting_id: &str) -> &[&'a str] {
        self.linkers.get(accounting_id).map_or(&[], Vec::as_slice)
    }

    /// True when some link names `accounting_id`: such a record is never matched by name nor offered for
    /// creation again.
    pub fn is_linked(&self, accounting_id: &str) -> bool {
        self.linkers.contains_key(accounting_id.trim())
    }

    /// How many links the family has.
    pub fn len(&self) -> usize {
        self.target.len()
    }

    /// True when the family has no link.
    pub fn is_empty(&self) -> bool {
        self.target.is_empty()
    }
}

/// The counting records of every family and the links they make.
#[derive(Debug, Default)]
pub struct Links<'a> {
    counting: [FxHashMap<&'a str, &'a SyncedRecord>; 5],
    links: [FamilyLinks<'a>; 5],
    /// Records given.
    pub total: usize,
    /// Records of an `object_type` the engine does not know (skipped).
    pub unknown_type: usize,
}

/// Which of two records of one object counts: the latest `updated_at` (an absent one is the oldest), then
/// the greatest `id`. Records that tie on both (the same id given twice) are ordered by the rest of their
/// content, so that the input's order never decides.
fn counts_over(candidate: &SyncedRecord, current: &SyncedRecord) -> bool {
    let time = |r: &SyncedRecord| r.updated_at.as_deref().and_then(dates::order_key);
    let text = |v: &Option<String>| v.as_deref().unwrap_or("").to_owned();
    let rest = |r: &SyncedRecord| {
        let errors = r.errors.as_ref().map(|e| e.0.clone()).unwrap_or_default();
        (text(&r.platform_object_id), r.sync_status.map(|s| s as u8), text(&r.object_type), errors)
    };
    time(candidate)
        .cmp(&time(current))
        .then_with(|| candidate.id.as_deref().unwrap_or("").cmp(current.id.as_deref().unwrap_or("")))
        .then_with(|| rest(candidate).cmp(&rest(current)))
        .is_gt()
}

impl<'a> Links<'a> {
    /// Groups the records by family and object, keeps the counting one of each group, and indexes links.
    /// Records were validated by the input model (object id, type and status present).
    pub fn build(records: &'a [SyncedRecord]) -> Self {
        let mut out = Links { total: records.len(), ..Links::default() };
        for record in records {
            let Some(family) = record.object_type.as_deref().and_then(Family::of) else {
                out.unknown_type += 1;
                continue;
            };
            let Some(object_id) = non_blank(record.object_id.as_deref()) else { continue };
            let slot = out.counting[family.index()].entry(object_id).or_insert(record);
            if counts_over(record, slot) {
                *slot = record;
            }
        }
        for family in Family::ALL {
            let links = &mut out.links[family.index()];
            for (&object_id, record) in &out.counting[family.index()] {
                if let Some(target) = non_blank(record.platform_object_id.as_deref()) {
                    links.target.insert(object_id, target);
                    links.linkers.entry(target).or_default().push(object_id);
                }
            }
            for ids in links.linkers.values_mut() {
                ids.sort_unstable();
            }
        }
        out
    }

    /// The counting record of the Monite record `object_id` in `family`.
    pub fn counting(&self, family: Family, object_id: &str) -> Option<&'a SyncedRecord> {
        self.counting[family.index()].get(object_id.trim()).copied()
    }

    /// The links of one family.
    pub fn of(&self, family: Family) -> &FamilyLinks<'a> {
        &self.links[family.index()]
    }

    /// Counting records (one per family and object).
    pub fn counted(&self) -> usize {
        self.counting.iter().map(FxHashMap::len).sum()
    }

    /// Links over every family.
    pub fn link_count(&self) -> usize {
        self.links.iter().map(FamilyLinks::len).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: &str, object: &str, kind: &str, updated: Option<&str>, platform: Option<&str>) -> SyncedRecord {
        SyncedRecord {
            id: Some(id.to_owned()),
            object_id: Some(object.to_owned()),
            object_type: Some(kind.to_owned()),
            sync_status: Some(crate::input::records::monite::SyncStatus::Done),
            platform_object_id: platform.map(str::to_owned),
            updated_at: updated.map(str::to_owned),
            errors: None,
        }
    }

    #[test]
    fn the_latest_record_counts_then_the_greatest_id() {
        let records = vec![
            record("r1", "m1", "customer", Some("2025-01-02T00:00:00Z"), Some("a-new")),
            record("r2", "m1", "vendor", Some("2025-01-01T00:00:00Z"), Some("a-old")),
            record("r3", "m2", "product", Some("2025-01-01T00:00:00Z"), Some("p1")),
            record("r4", "m2", "product", Some("2025-01-01T00:00:00.000Z"), Some("p2")),
            record("r5", "m3", "bank_feed", None, Some("x")),
            record("r6", "m4", "customer", None, Some("a-new")),
        ];
        let links = Links::build(&records);
        assert_eq!(links.of(Family::Counterpart).target_of("m1"), Some("a-new"));
        assert_eq!(links.of(Family::Product).target_of("m2"), Some("p2"), "a tie is broken by the greatest id");
        assert_eq!(links.of(Family::Counterpart).linkers_of("a-new"), ["m1", "m4"]);
        assert!(!links.of(Family::Counterpart).is_linked("a-old"), "a superseded record links nothing");
        assert_eq!((links.total, links.unknown_type, links.counted(), links.link_count()), (6, 1, 3, 3));
    }
}
