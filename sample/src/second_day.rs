//! The second day of a sample (SPEC §3.0): the input after a first sync has run — synced records linking
//! what it matched, the accounting records it created, the Monite products it created, the documents it
//! pushed or failed to push — so that the preview of the next sync can be shown and tested.
//!
//! [`second_day`] with `plant: false` is the clean second day: nothing changed since the sync, so every
//! first-day decision stands. With `plant: true` one record of every §3.0 outcome is planted on top (drift,
//! a deleted accounting record, a duplicate link, a push in progress, a failed push that can go again, a
//! superseded record, a type the engine does not know), and [`Planted`] lists them for tests.

use serde_json::{json, Value};

use super::rng::Rng;

/// When the first sync ran (after the sample connection's `last_pull`).
pub const SYNCED_AT: &str = "2024-06-12T02:00:00+00:00";
const EARLIER: &str = "2024-06-09T02:00:00+00:00";
const STREAM: u64 = 0x5EC0_0D0A;

/// One planted §3.0 outcome: the plan section, the record's id there, and the code it must carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planted {
    /// `counterparts`, `products`, `bills`, `invoices`, `credit_notes`, `payment_records`, `synced_records`.
    pub section: &'static str,
    pub id: String,
    pub code: &'static str,
}

/// The second day of `day_one` and what was planted. `Err` when the day-one input does not plan.
pub fn second_day(day_one: &Value, seed: u64, plant: bool) -> Result<(Value, Vec<Planted>), String> {
    let plan: Value = ledgerbridge::plan_sync_json(&day_one.to_string())
        .map_err(|e| e.to_string())
        .and_then(|text| serde_json::from_str(&text).map_err(|e| e.to_string()))?;
    let mut day = Day {
        input: day_one.clone(),
        records: Vec::new(),
        rng: Rng::new(seed, STREAM),
        next_platform: 0,
        created: Vec::new(),
    };
    day.next_platform = day.max_numeric_id() + 1;
    day.counterparts(&plan);
    day.products(&plan);
    for (section, object_type) in [
        ("bills", "bill"),
        ("invoices", "receivable"),
        ("credit_notes", "receivable"),
        ("payment_records", "payment_record"),
    ] {
        day.documents(&plan, section, object_type);
    }
    let planted = if plant { day.plant(&plan) } else { Vec::new() };
    let records = std::mem::take(&mut day.records);
    if let Some(monite) = day.input.get_mut("monite").and_then(Value::as_object_mut) {
        monite.insert("synced_records".to_owned(), Value::Array(records));
    }
    Ok((day.input, planted))
}

struct Day {
    input: Value,
    records: Vec<Value>,
    rng: Rng,
    next_platform: u64,
    /// Accounting ids the sync created (not candidates for planted drift: they were not matched by name).
    created: Vec<String>,
}

fn list<'a>(value: &'a Value, pointer: &str) -> &'a [Value] {
    value.pointer(pointer).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

fn text<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str)
}

fn has_code(record: &Value, field: &str, code: &str) -> bool {
    list(record, &format!("/{field}")).iter().any(|i| text(i, "code") == Some(code))
}

/// Codes of documents the sync does not attempt (no synced record is made for them).
const OUT_OF_SCOPE: &[&str] = &["status_not_pushable", "predates_connection", "not_a_receivable_payment"];

impl Day {
    fn max_numeric_id(&self) -> u64 {
        let ids = ["/accounting/counterparts", "/accounting/products"]
            .iter()
            .flat_map(|p| list(&self.input, p).iter().filter_map(|r| text(r, "id")?.parse::<u64>().ok()))
            .max();
        ids.unwrap_or(0)
    }

    fn platform_id(&mut self) -> String {
        self.next_platform += 1;
        self.next_platform.to_string()
    }

    fn record(
        &mut self,
        object_type: &str,
        object_id: &str,
        status: &str,
        platform: Option<&str>,
        errors: Value,
    ) -> usize {
        let id = self.rng.uuid();
        let mut record = json!({
            "id": id,
            "created_at": SYNCED_AT,
            "updated_at": SYNCED_AT,
            "last_pulled_at": SYNCED_AT,
            "errors": errors,
            "object_id": object_id,
            "object_type": object_type,
            "platform": "quickbooks",
            "provider": "codat",
            "sync_status": status,
        });
        if let (Some(p), Some(map)) = (platform, record.as_object_mut()) {
            map.insert("platform_object_id".to_owned(), json!(p));
            map.insert("platform_updated_at".to_owned(), json!(SYNCED_AT));
        }
        self.records.push(record);
        self.records.len() - 1
    }

    /// The `customer` and/or `vendor` types of a Monite counterpart (by its roles; `customer` when none).
    fn counterpart_types(&self, id: &str) -> Vec<&'static str> {
        let found = list(&self.input, "/monite/counterparts").iter().find(|c| text(c, "id") == Some(id));
        let party = found.and_then(|c| c.get("organization").or_else(|| c.get("individual")));
        let role = |key: &str| party.and_then(|p| p.get(key)).and_then(Value::as_bool).unwrap_or(false);
        match (role("is_customer"), role("is_vendor")) {
            (_, false) => vec!["customer"],
            (false, true) => vec!["vendor"],
            (true, true) => vec!["customer", "vendor"],
        }
    }

    fn link_counterpart(&mut self, monite_id: &str, accounting_id: &str) {
        for object_type in self.counterpart_types(monite_id) {
            self.record(object_type, monite_id, "done", Some(accounting_id), json!({}));
        }
    }

    /// Matched counterparts are linked; the ones to create are created in the accounting system and linked.
    fn counterparts(&mut self, plan: &Value) {
        for m in list(plan, "/pull/counterparts") {
            if let (Some("matched"), Some(id), Some(acc)) =
                (text(m, "status"), text(m, "monite_id"), text(m, "accounting_id"))
            {
                self.link_counterpart(id, acc);
            }
        }
        for push in list(plan, "/push/counterparts").to_vec() {
            let (Some("create"), Some(id), Some(payload)) =
                (text(&push, "action"), text(&push, "monite_id"), push.get("payload"))
            else {
                continue;
            };
            let new_id = self.platform_id();
            let mut created = json!({ "id": new_id, "name": payload["name"], "kind": payload["kind"] });
            if let Some(address) = payload.get("address") {
                created["address"] = address.clone();
            }
            if let Some(accounting) = self.input.pointer_mut("/accounting/counterparts").and_then(Value::as_array_mut) {
                accounting.push(created);
            }
            self.link_counterpart(id, &new_id);
            self.created.push(new_id);
        }
    }

    /// Matched products are linked; the ones to create are created in Monite and linked.
    fn products(&mut self, plan: &Value) {
        for row in list(plan, "/pull/products").to_vec() {
            match (text(&row, "action"), text(&row, "monite_id"), text(&row, "accounting_id")) {
                (Some("match"), Some(id), Some(acc)) => {
                    self.record("product", id, "done", Some(acc), json!({}));
                }
                (Some("create"), None, Some(acc)) => {
                    let id = self.rng.uuid();
                    let entity = list(&self.input, "/monite/products").iter().find_map(|p| p.get("entity_id")).cloned();
                    let mut product = row.get("payload").cloned().unwrap_or_else(|| json!({}));
                    if let Some(map) = product.as_object_mut() {
                        map.insert("id".to_owned(), json!(id));
                        // ProductServiceResponse requires the entity.
                        if let Some(entity) = entity {
                            map.insert("entity_id".to_owned(), entity);
                        }
                        map.insert("created_at".to_owned(), json!(SYNCED_AT));
                        map.insert("updated_at".to_owned(), json!(SYNCED_AT));
                    }
                    if let Some(products) = self.input.pointer_mut("/monite/products").and_then(Value::as_array_mut) {
                        products.push(product);
                    }
                    self.record("product", &id, "done", Some(acc), json!({}));
                }
                _ => {}
            }
        }
    }

    /// Eligible documents are pushed (`done`); the others the sync attempts fail (`error`, with the reason).
    fn documents(&mut self, plan: &Value, section: &str, object_type: &str) {
        for result in list(plan, &format!("/push/{section}")).to_vec() {
            let Some(id) = text(&result, "monite_id") else { continue };
            if result.get("eligible").and_then(Value::as_bool) == Some(true) {
                let platform = self.platform_id();
                self.record(object_type, id, "done", Some(&platform), json!({}));
            } else if !OUT_OF_SCOPE.iter().any(|code| has_code(&result, "errors", code)) {
                let first = list(&result, "/errors").first().cloned().unwrap_or_default();
                let errors = json!({ "code": first["code"], "message": first["message"], "path": first["path"] });
                self.record(object_type, id, "error", None, errors);
            }
        }
    }

    /// The index of the first synced record (in order made) of `object_type` that fits `keep`.
    fn find_record(&self, object_type: &str, keep: impl Fn(&Value) -> bool) -> Option<usize> {
        self.records.iter().position(|r| text(r, "object_type") == Some(object_type) && keep(r))
    }

    fn accounting_mut(&mut self, collection: &str, id: &str) -> Option<&mut Value> {
        let list = self.input.pointer_mut(&format!("/accounting/{collection}"))?.as_array_mut()?;
        list.iter_mut().find(|r| text(r, "id") == Some(id))
    }

    fn remove_accounting(&mut self, collection: &str, id: &str) {
        if let Some(list) = self.input.pointer_mut(&format!("/accounting/{collection}")).and_then(Value::as_array_mut) {
            list.retain(|r| text(r, "id") != Some(id));
        }
    }

    /// Links of one family that were made from a day-one match (not a creation), as (Monite, accounting) ids.
    fn links(&self, types: &[&str]) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self
            .records
            .iter()
            .filter(|r| text(r, "object_type").is_some_and(|t| types.contains(&t)))
            .filter_map(|r| Some((text(r, "object_id")?.to_owned(), text(r, "platform_object_id")?.to_owned())))
            .filter(|(_, acc)| !self.created.contains(acc))
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// Plants one record of every §3.0 outcome, on records picked in id order (so the choice is stable).
    fn plant(&mut self, plan: &Value) -> Vec<Planted> {
        let mut planted = Vec::new();
        let mut note = |section: &'static str, id: &str, code: &'static str| {
            planted.push(Planted { section, id: id.to_owned(), code });
        };
        let counterpart_links = self.links(&["customer", "vendor"]);
        let mut picks = counterpart_links.iter();
        // Renamed in the accounting system: name_drift.
        if let Some((m, a)) = picks.next() {
            if let Some(record) = self.accounting_mut("counterparts", a) {
                let renamed = format!("{} Holdings", text(record, "name").unwrap_or("Renamed"));
                record["name"] = json!(renamed);
                note("counterparts", m, "name_drift");
            }
        }
        // Moved abroad: country_drift.
        for (m, a) in picks.by_ref() {
            let Some(record) = self.accounting_mut("counterparts", a) else { continue };
            let Some(country) = record.pointer("/address/country").and_then(Value::as_str).map(str::to_owned) else {
                continue;
            };
            record["address"]["country"] = json!(if country == "AT" { "CH" } else { "AT" });
            note("counterparts", m, "country_drift");
            break;
        }
        // Deleted (or archived) in the accounting system: linked_record_missing.
        if let Some((m, a)) = picks.next() {
            self.remove_accounting("counterparts", a);
            note("counterparts", m, "linked_record_missing");
        }
        // Another Monite counterpart linked to a linked record: duplicate_link for both.
        let linked: Vec<&str> = counterpart_links.iter().map(|(m, _)| m.as_str()).collect();
        let unlinked = list(plan, "/pull/counterparts")
            .iter()
            .filter_map(|c| text(c, "monite_id"))
            .find(|id| !linked.contains(id) && !self.records.iter().any(|r| text(r, "object_id") == Some(id)))
            .map(str::to_owned);
        if let (Some(other), Some((m, a))) = (unlinked, picks.next()) {
            self.link_counterpart(&other, a);
            note("counterparts", &other, "duplicate_link");
            note("counterparts", m, "duplicate_link");
        }
        // An older record of a linked counterpart, pointing elsewhere: the newer one counts.
        if let Some((m, _)) = picks.next() {
            let index = self.record("customer", m, "done", Some("0"), json!({}));
            self.records[index]["updated_at"] = json!(EARLIER);
            note("synced_records", m, "superseded");
        }
        // A type the engine does not know: skipped and counted.
        self.record("journal_entry", "0f0e0d0c-0000-4000-8000-000000000001", "done", Some("JE-1"), json!({}));
        note("synced_records", "0f0e0d0c-0000-4000-8000-000000000001", "unknown_type");

        let product_links = self.links(&["product"]);
        let mut products = product_links.iter();
        if let Some((m, a)) = products.next() {
            if let Some(record) = self.accounting_mut("products", a) {
                let renamed = format!("{} (new edition)", text(record, "name").unwrap_or("Renamed"));
                record["name"] = json!(renamed);
                note("products", m, "name_drift");
            }
        }
        if let Some((m, a)) = products.next() {
            self.remove_accounting("products", a);
            note("products", m, "linked_record_missing");
        }
        let unlinked_product = list(plan, "/pull/products")
            .iter()
            .filter(|p| text(p, "action") == Some("none"))
            .filter_map(|p| text(p, "monite_id"))
            .find(|id| !self.records.iter().any(|r| text(r, "object_id") == Some(id)))
            .map(str::to_owned);
        if let (Some(other), Some((m, a))) = (unlinked_product, products.next()) {
            self.record("product", &other, "done", Some(a), json!({}));
            note("products", &other, "duplicate_link");
            note("products", m, "duplicate_link");
        }

        // Documents: pushed ones are already_pushed; one push still running, one failed that can go again.
        let sections = [
            ("bills", "bill"),
            ("invoices", "receivable"),
            ("credit_notes", "receivable"),
            ("payment_records", "payment_record"),
        ];
        for (section, object_type) in sections {
            let ids: Vec<String> = list(plan, &format!("/push/{section}"))
                .iter()
                .filter(|r| r.get("eligible").and_then(Value::as_bool) == Some(true))
                .filter_map(|r| text(r, "monite_id").map(str::to_owned))
                .collect();
            let record_of = |day: &Day, id: &str| day.find_record(object_type, |r| text(r, "object_id") == Some(id));
            // In order of what a preview most needs to show: a failed push that can go again, an already
            // pushed document, a push in progress.
            if let Some(index) = ids.first().and_then(|id| record_of(self, id)) {
                let record = &mut self.records[index];
                record["sync_status"] = json!("error");
                record["errors"] = json!({ "code": "6000", "message": "A business validation error has occurred while processing your request", "detail": "The accounting period is closed for this date" });
                if let Some(map) = record.as_object_mut() {
                    map.remove("platform_object_id");
                    map.remove("platform_updated_at");
                }
                note(section, &ids[0], "last_push_failed");
            }
            if let Some(id) = ids.get(1) {
                note(section, id, "already_pushed");
            }
            if let Some(index) = ids.get(2).and_then(|id| record_of(self, id)) {
                self.records[index]["sync_status"] = json!("pending");
                note(section, &ids[2], "push_in_progress");
            }
        }
        planted
    }
}

/// `day_one` with exactly one synced record per Monite counterpart, product and bill, as after a first
/// sync that touched every one of them (for benchmarks: the re-sync preview's cost next to the first
/// sync's). Matched counterparts and products are linked to their match, the others to a new accounting
/// record that is not in the input (`linked_record_missing`); eligible bills are `done`, the others `error`.
pub fn with_a_record_per_object(day_one: &Value, seed: u64) -> Result<Value, String> {
    let plan: Value = ledgerbridge::plan_sync_json(&day_one.to_string())
        .map_err(|e| e.to_string())
        .and_then(|text| serde_json::from_str(&text).map_err(|e| e.to_string()))?;
    let mut day = Day {
        input: day_one.clone(),
        records: Vec::new(),
        rng: Rng::new(seed, STREAM),
        next_platform: 0,
        created: Vec::new(),
    };
    day.next_platform = day.max_numeric_id() + 1;
    for c in list(&plan, "/pull/counterparts") {
        let target = match text(c, "accounting_id") {
            Some(id) => id.to_owned(),
            None => day.platform_id(),
        };
        day.record("customer", text(c, "monite_id").unwrap_or_default(), "done", Some(&target), json!({}));
    }
    for p in list(&plan, "/pull/products").iter().filter(|p| text(p, "monite_id").is_some()) {
        let target = match text(p, "accounting_id") {
            Some(id) => id.to_owned(),
            None => day.platform_id(),
        };
        day.record("product", text(p, "monite_id").unwrap_or_default(), "done", Some(&target), json!({}));
    }
    for b in list(&plan, "/push/bills") {
        let id = text(b, "monite_id").unwrap_or_default();
        if b.get("eligible").and_then(Value::as_bool) == Some(true) {
            let platform = day.platform_id();
            day.record("bill", id, "done", Some(&platform), json!({}));
        } else {
            day.record("bill", id, "error", None, json!({ "message": "rejected" }));
        }
    }
    let records = std::mem::take(&mut day.records);
    if let Some(monite) = day.input.get_mut("monite").and_then(Value::as_object_mut) {
        monite.insert("synced_records".to_owned(), Value::Array(records));
    }
    Ok(day.input)
}
