//! Documents that an earlier sync already handled (SPEC §3.0 item 5): pushed (`done`) documents are not
//! pushed again, a push in progress (`pending`) is waited for, and a failed one (`error`) is checked like a
//! new document — it can go again once it passes — with the API's errors in a `last_push_failed` warning.

use crate::matching::counterparts::quoted;
use crate::model::monite::{SyncStatus, SyncedRecord};
use crate::vocab::Code;
use crate::vocab::{Issue, PushResult, SyncedRef};

/// The push result of a document whose counting synced record is `record` (or that was never synced):
/// `check` runs the document's own rules when they apply.
pub fn decide(monite_id: &str, record: Option<&SyncedRecord>, check: impl FnOnce() -> PushResult) -> PushResult {
    let Some(record) = record else { return check() };
    let synced = synced_ref(record);
    let by = record_words(record);
    let status = synced.sync_status;
    let single = |code: Code, message: String| PushResult {
        monite_id: monite_id.to_owned(),
        eligible: false,
        errors: vec![Issue::new(code, "", message)],
        warnings: Vec::new(),
        synced: Some(synced.clone()),
        payload: None,
    };
    match status {
        SyncStatus::Done => {
            let target = match &synced.platform_object_id {
                Some(id) => format!(" as {}", quoted(id)),
                None => String::new(),
            };
            single(
                Code::AlreadyPushed,
                format!("already pushed to the accounting system{target}{by}; it is not pushed again"),
            )
        }
        SyncStatus::Pending => single(Code::PushInProgress, format!("a push of this document is in progress{by}")),
        SyncStatus::Error => {
            let mut result = check();
            let details = record.errors.as_ref().map(crate::model::flat::Flat::text).filter(|text| !text.is_empty());
            let details = details.map_or_else(|| " (the API gave no details)".to_owned(), |text| format!(": {text}"));
            let next = if result.eligible {
                "it passes the checks now and can be pushed again (POST /accounting_synced_records/{id}/push)"
            } else {
                "it does not pass the checks yet (see errors)"
            };
            result
                .warnings
                .insert(0, Issue::new(Code::LastPushFailed, "", format!("the last push failed{by}{details}; {next}")));
            result.synced = Some(synced);
            result
        }
    }
}

fn record_words(record: &SyncedRecord) -> String {
    match record.id.as_deref().map(str::trim).filter(|id| !id.is_empty()) {
        Some(id) => format!(" (synced record {})", quoted(id)),
        None => String::new(),
    }
}

/// `synced` of a push result.
pub fn synced_ref(record: &SyncedRecord) -> SyncedRef {
    let text = |v: &Option<String>| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
    SyncedRef {
        record_id: text(&record.id),
        // Validated by the input model: every synced record has a status.
        sync_status: record.sync_status.unwrap_or(SyncStatus::Pending),
        platform_object_id: text(&record.platform_object_id),
        updated_at: text(&record.updated_at),
    }
}
