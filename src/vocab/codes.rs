//! The one vocabulary of the plan's codes (SPEC §8): every reason, issue, warning and error code is a
//! variant of [`Code`], and every `object_type` of the sync errors a variant of [`ObjectType`], serialized in
//! snake_case — so TypeScript sees unions (`code: 'tax_rate_not_found' | …`), not `string`.

use serde::Serialize;

/// Declares [`Code`] with its serialized names, in one list that also gives [`Code::ALL`].
macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $name:literal,)*) => {
        /// A contract code: a counterpart's `reason`, an issue's or warning's `code`, a product error's `code`,
        /// a sync error's `code`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
        #[serde(rename_all = "snake_case")]
        pub enum Code {
            $($(#[$doc])* $variant,)*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as the plan writes it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }
        }
    };
}

codes! {
    /// §3.1 rule 4: no accounting record has the counterpart's strict name key.
    NoCandidateWithThisName = "no_candidate_with_this_name",
    /// §3.1 rule 2: the cascade left no candidate at this field.
    NoCandidateAgreesOnCountry = "no_candidate_agrees_on_country",
    NoCandidateAgreesOnCity = "no_candidate_agrees_on_city",
    NoCandidateAgreesOnAddress = "no_candidate_agrees_on_address",
    /// §3.1 rule 2: more than one candidate after the address.
    Ambiguous = "ambiguous",
    /// §3.1 rule 3: several Monite counterparts landed on one accounting record.
    DuplicateMatch = "duplicate_match",
    /// §3.2: a product name group with more than one record on a side.
    MultipleMatches = "multiple_matches",
    TaxRateNotFound = "tax_rate_not_found",
    TaxRateAmbiguous = "tax_rate_ambiguous",
    LedgerAccountMissing = "ledger_account_missing",
    LedgerAccountUnknown = "ledger_account_unknown",
    LineItemsMissing = "line_items_missing",
    StatusNotPushable = "status_not_pushable",
    PredatesConnection = "predates_connection",
    CounterpartNotMatched = "counterpart_not_matched",
    PaymentsLedgerAccountMissing = "payments_ledger_account_missing",
    NotAReceivablePayment = "not_a_receivable_payment",
    NameCollision = "name_collision",
    /// §4: a counterpart whose strict name key is empty is never created.
    NameMissing = "name_missing",
    DeductionsTaxMissing = "deductions_tax_missing",
    /// §3.0: several Monite records are linked to one accounting record.
    DuplicateLink = "duplicate_link",
    /// §3.0: the linked accounting record is not among the accounting records.
    LinkedRecordMissing = "linked_record_missing",
    /// §3.0: the document's counting synced record is `done`.
    AlreadyPushed = "already_pushed",
    /// §3.0: … is `pending`.
    PushInProgress = "push_in_progress",
    /// §3.0 warning: the linked records' names no longer agree.
    NameDrift = "name_drift",
    /// §3.0 warning: the linked records' countries no longer agree.
    CountryDrift = "country_drift",
    /// §3.0 warning: the last push failed (`error`), with the API's errors.
    LastPushFailed = "last_push_failed",
    /// Warning on every pushed credit note: its invoice is not cancelled in the accounting system.
    InvoiceNotCancelled = "invoice_not_cancelled",
}

impl Code {
    /// The codes of documents out of scope for a sync rather than failing in it: they are in the push results
    /// but not in the plan's `errors`.
    pub fn out_of_scope(self) -> bool {
        matches!(
            self,
            Code::StatusNotPushable
                | Code::PredatesConnection
                | Code::NotAReceivablePayment
                | Code::AlreadyPushed
                | Code::PushInProgress
        )
    }
}

/// `errors[].object_type`: the API's `ObjectMatchTypes` (`customer`, `vendor`, `product`, `bill`,
/// `receivable`, `payment_record`), and `counterpart` for the link problems of SPEC §3.0 item 7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum ObjectType {
    Bill,
    Counterpart,
    Customer,
    PaymentRecord,
    Product,
    Receivable,
    Vendor,
}
