//! Step 6 of the strict key: the legal form that ends a name is canonicalized (never deleted), and the
//! loose key drops legal-form tokens. The table is published in the README ("Legal forms").

/// `(variant, canonical)` pairs, in strict-key form (NFKC, case-folded, single spaces). A name whose last
/// token(s) equal a variant has them replaced by the canonical form; the longest variant wins. Canonical
/// forms map to themselves implicitly, which keeps the key idempotent.
pub const LEGAL_FORMS: &[(&str, &str)] = &[
    // English
    ("limited", "ltd"),
    ("ltd.", "ltd"),
    ("incorporated", "inc"),
    ("inc.", "inc"),
    ("corporation", "corp"),
    ("corp.", "corp"),
    ("company", "co"),
    ("co.", "co"),
    ("l.l.c.", "llc"),
    ("llc.", "llc"),
    ("limited liability company", "llc"),
    ("l.l.p.", "llp"),
    ("limited liability partnership", "llp"),
    ("p.l.c.", "plc"),
    ("public limited company", "plc"),
    ("pty. ltd.", "pty ltd"),
    ("proprietary limited", "pty ltd"),
    // German
    ("gesellschaft mit beschränkter haftung", "gmbh"),
    ("g.m.b.h.", "gmbh"),
    ("aktiengesellschaft", "ag"),
    ("kommanditgesellschaft", "kg"),
    ("e.k.", "ek"),
    ("e.v.", "ev"),
    // French
    ("s.a.r.l.", "sarl"),
    ("société à responsabilité limitée", "sarl"),
    ("s.a.s.", "sas"),
    ("société par actions simplifiée", "sas"),
    ("s.a.", "sa"),
    ("société anonyme", "sa"),
    // Dutch
    ("b.v.", "bv"),
    ("besloten vennootschap", "bv"),
    ("n.v.", "nv"),
    ("naamloze vennootschap", "nv"),
    ("v.o.f.", "vof"),
    ("vennootschap onder firma", "vof"),
];

/// Single tokens the loose key removes: every canonical form and every one-word variant, as they look
/// once punctuation is gone (`inc.` → `inc`, `g.m.b.h.` → `gmbh`).
pub const LEGAL_FORM_TOKENS: &[&str] = &[
    "ltd",
    "limited",
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "llc",
    "llp",
    "plc",
    "pty",
    "gmbh",
    "ag",
    "aktiengesellschaft",
    "kg",
    "kommanditgesellschaft",
    "ek",
    "ev",
    "sarl",
    "sas",
    "sa",
    "bv",
    "nv",
    "vof",
];

pub(super) fn is_legal_form_token(token: &str) -> bool {
    LEGAL_FORM_TOKENS.contains(&token)
}

/// The byte length of the stem before the longest legal-form variant that ends `name` on a token boundary,
/// and the variant's canonical form.
fn longest_variant(name: &str) -> Option<(usize, &'static str)> {
    let mut best: Option<(usize, &'static str)> = None;
    for &(variant, canonical) in LEGAL_FORMS {
        let Some(stem) = name.strip_suffix(variant) else { continue };
        if (stem.is_empty() || stem.ends_with(' ')) && best.is_none_or(|(len, _)| stem.len() < len) {
            best = Some((stem.len(), canonical));
        }
    }
    best
}

/// [`canonicalize`] on a `String` it owns: the end is rewritten in place.
pub(super) fn canonicalize_in_place(name: &mut String) {
    if let Some((stem, canonical)) = longest_variant(name) {
        name.truncate(stem);
        name.push_str(canonical);
    }
}

/// True when a legal-form variant ends `name` on a token boundary (the strict step would rewrite it).
pub(super) fn ends_in_variant(name: &str) -> bool {
    longest_variant(name).is_some()
}

/// Replaces the longest legal-form variant that ends `name` (on a token boundary) by its canonical form.
/// Applied once: `acme limited limited` becomes `acme limited ltd`.
pub(super) fn canonicalize(name: &str) -> String {
    let mut best: Option<(&str, &str)> = None;
    for &(variant, canonical) in LEGAL_FORMS {
        let Some(stem) = name.strip_suffix(variant) else { continue };
        let on_boundary = stem.is_empty() || stem.ends_with(' ');
        // A shorter stem means a longer variant. (`Option::is_none_or` needs Rust 1.82; the MSRV is 1.80.)
        let longer = !matches!(best, Some((shortest, _)) if shortest.len() <= stem.len());
        if on_boundary && longer {
            best = Some((stem, canonical));
        }
    }
    match best {
        Some((stem, canonical)) => format!("{stem}{canonical}"),
        None => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::canonicalize;

    #[test]
    fn canonicalizes_only_the_final_legal_form_on_a_token_boundary() {
        assert_eq!(canonicalize("acme limited"), "acme ltd");
        assert_eq!(canonicalize("acme limited limited"), "acme limited ltd");
        assert_eq!(canonicalize("acme public limited company"), "acme plc");
        assert_eq!(canonicalize("transco."), "transco.");
        assert_eq!(canonicalize("acme"), "acme");
        assert_eq!(canonicalize("co."), "co");
    }
}
