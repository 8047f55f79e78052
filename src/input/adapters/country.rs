//! Free-text country names (QuickBooks' and Xero's addresses) to ISO 3166-1 alpha-2 codes.

/// Country names and codes seen in QuickBooks and Xero addresses, folded to ASCII lower case.
const NAMES: &[(&str, &str)] = &[
    ("us", "US"),
    ("usa", "US"),
    ("u.s.", "US"),
    ("u.s.a.", "US"),
    ("united states", "US"),
    ("united states of america", "US"),
    ("america", "US"),
    ("gb", "GB"),
    ("uk", "GB"),
    ("u.k.", "GB"),
    ("united kingdom", "GB"),
    ("great britain", "GB"),
    ("england", "GB"),
    ("scotland", "GB"),
    ("wales", "GB"),
    ("northern ireland", "GB"),
    ("ca", "CA"),
    ("canada", "CA"),
    ("au", "AU"),
    ("australia", "AU"),
    ("nz", "NZ"),
    ("new zealand", "NZ"),
    ("ie", "IE"),
    ("ireland", "IE"),
    ("de", "DE"),
    ("germany", "DE"),
    ("deutschland", "DE"),
    ("fr", "FR"),
    ("france", "FR"),
    ("nl", "NL"),
    ("netherlands", "NL"),
    ("the netherlands", "NL"),
    ("nederland", "NL"),
    ("holland", "NL"),
    ("be", "BE"),
    ("belgium", "BE"),
    ("es", "ES"),
    ("spain", "ES"),
    ("it", "IT"),
    ("italy", "IT"),
    ("at", "AT"),
    ("austria", "AT"),
    ("ch", "CH"),
    ("switzerland", "CH"),
    ("za", "ZA"),
    ("south africa", "ZA"),
    ("sg", "SG"),
    ("singapore", "SG"),
    ("in", "IN"),
    ("india", "IN"),
];

/// The ISO 3166-1 alpha-2 code of a country name or code; an unknown two-letter value is taken as a code,
/// anything else is returned trimmed as it is (it then simply compares unequal to codes).
pub fn country_code(raw: &str) -> String {
    let folded = raw.trim().to_ascii_lowercase();
    if let Some((_, code)) = NAMES.iter().find(|(name, _)| *name == folded) {
        return (*code).to_owned();
    }
    if folded.len() == 2 && folded.chars().all(|c| c.is_ascii_alphabetic()) {
        return folded.to_ascii_uppercase();
    }
    raw.trim().to_owned()
}
