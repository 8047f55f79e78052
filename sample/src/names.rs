//! Counterpart names: a reservation-backed space of distinct base names (so most names are unique even
//! at 100k counterparts per side), respellings that keep the strict key (case, legal-form spelling,
//! NBSP, curly apostrophes, dashes, invisible characters), and near misses that change the strict key
//! but stay close on the loose key (typo, reordered words, missing or different legal form, dropped
//! diacritics), so that suggestions appear.

use rustc_hash::FxHashSet;

use super::rng::Rng;
use super::words::{self, Country, Lang, LegalForm};
use ledgerbridge::keys::{loose_key, strict_key};

/// A counterpart's name as the sample knows it: the base name plus an optional legal form (organizations)
/// or a given name and surname (individuals).
#[derive(Debug, Clone)]
pub(crate) enum Name {
    Org { base: String, form: Option<LegalForm>, spelling: usize },
    Person { first: String, last: String },
}

impl Name {
    /// The name as written in its canonical spelling.
    pub(crate) fn display(&self) -> String {
        match self {
            Name::Org { base, form: Some(form), spelling } => {
                format!("{base} {}", form.get(*spelling).copied().unwrap_or(""))
            }
            Name::Org { base, form: None, .. } => base.clone(),
            Name::Person { first, last } => format!("{first} {last}"),
        }
    }
}

/// The set of base names already handed out, keyed by a cheap stand-in for the strict key (lower case,
/// `ß` as `ss`): the word lists are built so that this is enough to keep strict keys apart.
#[derive(Debug, Default)]
pub(crate) struct NameSpace {
    taken: FxHashSet<String>,
}

fn reservation_key(base: &str) -> String {
    let lower = base.to_lowercase();
    if lower.contains('ß') {
        lower.replace('ß', "ss")
    } else {
        lower
    }
}

impl NameSpace {
    pub(crate) fn with_capacity(n: usize) -> Self {
        let mut taken = FxHashSet::default();
        taken.reserve(n);
        Self { taken }
    }

    /// Reserves `base`; false when it (or a spelling of it) was already taken.
    pub(crate) fn reserve(&mut self, base: &str) -> bool {
        self.taken.insert(reservation_key(base))
    }

    /// A fresh organization name in `country`'s language, with one of its legal forms (or none).
    pub(crate) fn organization(&mut self, rng: &mut Rng, country: &Country) -> Name {
        let weights: Vec<u32> = country.legal_forms.iter().map(|(_, w)| *w).collect();
        let form = country.legal_forms.get(rng.weighted(&weights)).and_then(|(f, _)| *f);
        let mut base = String::new();
        for _ in 0..24 {
            base = company_base(rng, country);
            if self.reserve(&base) {
                return Name::Org { base, form, spelling: pick_spelling(rng, form) };
            }
        }
        // The space is crowded: name the branch after a city ("Müller Logistik Hamburg"), then number it.
        for _ in 0..8 {
            let (city, _) = rng.pick(country.cities).copied().unwrap_or(("Nord", ""));
            let branch = format!("{base} {city}");
            if self.reserve(&branch) {
                return Name::Org { base: branch, form, spelling: pick_spelling(rng, form) };
            }
        }
        for n in 2.. {
            let numbered = format!("{base} {n}");
            if self.reserve(&numbered) {
                return Name::Org { base: numbered, form, spelling: pick_spelling(rng, form) };
            }
        }
        Name::Org { base, form, spelling: 0 }
    }

    /// A fresh individual's name in `lang`: mostly one given name and one surname, sometimes a double
    /// given name ("Anna-Lena", "Jean-Pierre"), a middle initial ("James T.") or a double surname
    /// ("Müller-Lüdenscheidt", "García López").
    pub(crate) fn person(&mut self, rng: &mut Rng, lang: Lang) -> Name {
        let mut first = String::new();
        let mut last = String::new();
        for _ in 0..24 {
            first = given_name(rng, lang);
            last = surname(rng, lang);
            if self.reserve(&format!("{first} {last}")) {
                return Name::Person { first, last };
            }
        }
        // Crowded: a generational suffix keeps it fresh.
        for n in 2.. {
            let numbered = format!("{last} {}", roman(n));
            if self.reserve(&format!("{first} {numbered}")) {
                return Name::Person { first, last: numbered };
            }
        }
        Name::Person { first, last }
    }
}

fn given_name(rng: &mut Rng, lang: Lang) -> String {
    let names = words::given_names(lang);
    let one = rng.word(names);
    match (lang, rng.below(100)) {
        (Lang::De | Lang::Fr, 0..=19) => format!("{one}-{}", rng.word(names)),
        (Lang::En, 0..=24) => format!("{one} {}.", char::from(b'A' + rng.below(26) as u8)),
        _ => one.to_owned(),
    }
}

fn surname(rng: &mut Rng, lang: Lang) -> String {
    let names = words::surnames(lang);
    let one = rng.word(names);
    match (lang, rng.below(100)) {
        (Lang::Es, 0..=59) => format!("{one} {}", rng.word(names)),
        (Lang::De | Lang::Fr | Lang::En, 0..=14) => format!("{one}-{}", rng.word(names)),
        _ => one.to_owned(),
    }
}

/// `II`, `III`, … for crowded name spaces.
fn roman(n: usize) -> String {
    const NUMERALS: &[(usize, &str)] = &[
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut rest = n;
    let mut out = String::new();
    for &(value, numeral) in NUMERALS {
        while rest >= value {
            out.push_str(numeral);
            rest -= value;
        }
    }
    out
}

/// The spelling of the legal form a Monite record uses: mostly the usual one.
fn pick_spelling(rng: &mut Rng, form: Option<LegalForm>) -> usize {
    match form {
        Some(f) if rng.chance(300) => rng.below(f.len()),
        _ => 0,
    }
}

/// One base name (no legal form) in `lang`.
fn company_base(rng: &mut Rng, country: &Country) -> String {
    let lang = country.lang;
    let industry = rng.word(words::industries(lang));
    let surname = || words::surnames(lang);
    match rng.weighted(&[30, 34, 10, 10, 8, 4, 4]) {
        0 if rng.chance(700) => format!("{} {industry}", rng.word(surname())),
        0 => {
            let (city, _) = rng.pick(country.cities).copied().unwrap_or(("", ""));
            format!("{} {industry} {city}", rng.word(surname()))
        }
        1 => format!("{} {} {industry}", rng.word(words::BRAND_ADJECTIVES), rng.word(words::BRAND_NOUNS)),
        2 => {
            let noun = rng.word(words::BRAND_NOUNS).to_lowercase();
            format!("{}{noun} {industry}", rng.word(words::BRAND_ADJECTIVES))
        }
        3 if !words::compound_heads(lang).is_empty() => {
            let head = rng.word(words::compound_heads(lang));
            let tail = rng.word(words::compound_tails(lang));
            format!("{head}{tail} {industry}")
        }
        4 => {
            let a = rng.word(surname());
            let b = rng.word(surname());
            if rng.chance(500) {
                format!("{a} & {b}")
            } else {
                format!("{a} & {b} {industry}")
            }
        }
        5 => format!("{}-{} {industry}", rng.word(surname()), rng.word(surname())),
        6 => match lang {
            Lang::Fr => format!("L'Atelier {}", rng.word(surname())),
            Lang::En => format!("{}'s {industry}", rng.word(words::given_names(lang))),
            Lang::It => format!("Bottega d'{}", rng.word(&["Arte", "Oro", "Autore", "Epoca", "Ambra"])),
            _ => format!("{} {industry}", rng.word(surname())),
        },
        _ => format!("{} {} {industry}", rng.word(words::BRAND_ADJECTIVES), rng.word(words::BRAND_NOUNS)),
    }
}

/// The same name written differently, with the same strict key: another spelling of the legal form,
/// different case, NBSP, doubled or trailing spaces, curly apostrophes, typographic dashes, a soft
/// hyphen or zero-width space, decomposed accents. About one in four respellings is verbatim.
pub(crate) fn respell(rng: &mut Rng, name: &Name) -> String {
    let (base, form_text) = match name {
        Name::Org { base, form, spelling } => {
            let text = form.map(|f| {
                let i = if f.len() > 1 && rng.chance(600) { rng.below(f.len()) } else { *spelling };
                f.get(i).copied().unwrap_or("")
            });
            (base.clone(), text)
        }
        Name::Person { first, last } => (format!("{first} {last}"), None),
    };
    if rng.chance(250) {
        return join(&base, form_text);
    }
    let base = cosmetic(rng, &base);
    let mut full = join(&base, form_text);
    match rng.weighted(&[66, 22, 12]) {
        1 => full = full.to_uppercase(),
        2 => full = full.to_lowercase(),
        _ => {}
    }
    if rng.chance(100) {
        full.push(' ');
    }
    if rng.chance(40) {
        full.insert(0, ' ');
    }
    full
}

/// Same-key changes inside a base name.
pub(crate) fn cosmetic(rng: &mut Rng, base: &str) -> String {
    let mut s = base.to_owned();
    if s.contains('\'') && rng.chance(600) {
        s = s.replace('\'', "\u{2019}");
    }
    if s.contains('-') && rng.chance(450) {
        s = s.replace('-', if rng.chance(700) { "\u{2013}" } else { "\u{2011}" });
    }
    if rng.chance(150) {
        s = replace_nth_space(rng, &s, "\u{00A0}");
    }
    if rng.chance(80) {
        s = replace_nth_space(rng, &s, "  ");
    }
    if rng.chance(40) {
        let invisible = if rng.chance(500) { '\u{00AD}' } else { '\u{200B}' };
        s = insert_invisible(rng, &s, invisible);
    }
    if rng.chance(50) {
        s = decompose_umlauts(&s);
    }
    s
}

fn join(base: &str, form: Option<&str>) -> String {
    match form {
        Some(form) if !form.is_empty() => format!("{base} {form}"),
        _ => base.to_owned(),
    }
}

fn replace_nth_space(rng: &mut Rng, s: &str, with: &str) -> String {
    let spaces: Vec<usize> = s.match_indices(' ').map(|(i, _)| i).collect();
    match rng.pick(&spaces) {
        Some(&i) => format!("{}{with}{}", &s[..i], &s[i + 1..]),
        None => s.to_owned(),
    }
}

/// Inserts `c` between two ASCII letters, if there are any.
fn insert_invisible(rng: &mut Rng, s: &str, c: char) -> String {
    let bytes = s.as_bytes();
    let spots: Vec<usize> =
        (1..bytes.len()).filter(|&i| bytes[i - 1].is_ascii_alphabetic() && bytes[i].is_ascii_alphabetic()).collect();
    match rng.pick(&spots) {
        Some(&i) => format!("{}{c}{}", &s[..i], &s[i..]),
        None => s.to_owned(),
    }
}

/// `ü` as `u` + combining diaeresis (what some systems store): NFKC makes it `ü` again.
fn decompose_umlauts(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        match c {
            'ä' => out.push_str("a\u{0308}"),
            'ö' => out.push_str("o\u{0308}"),
            'ü' => out.push_str("u\u{0308}"),
            'é' => out.push_str("e\u{0301}"),
            _ => out.push(c),
        }
    }
    out
}

/// How a near-miss accounting name differs from the Monite one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NearMiss {
    Typo,
    Reordered,
    MissingLegalForm,
    OtherLegalForm,
    NoDiacritics,
}

/// An accounting name close to `name` but with a different strict key and a loose-key Jaro–Winkler
/// similarity of at least 0.90 (SPEC §3.1 step 4), reserved in `space` so that no other record takes
/// it. Tries the kinds in a seed-dependent order; `None` when no kind fits this name.
pub(crate) fn near_miss(rng: &mut Rng, space: &mut NameSpace, name: &Name) -> Option<(String, NearMiss)> {
    let mut kinds = [
        NearMiss::Typo,
        NearMiss::Reordered,
        NearMiss::MissingLegalForm,
        NearMiss::OtherLegalForm,
        NearMiss::NoDiacritics,
    ];
    rng.shuffle(&mut kinds);
    // Typos are the most realistic: try them first half of the time.
    if rng.chance(500) {
        kinds.sort_by_key(|k| *k != NearMiss::Typo);
    }
    let original = name.display();
    let strict = strict_key(&original);
    let loose = loose_key(&original);
    for kind in kinds {
        let Some((candidate, new_base)) = near_miss_candidate(rng, name, kind) else { continue };
        if strict_key(&candidate) == strict {
            continue;
        }
        if strsim::jaro_winkler(&loose, &loose_key(&candidate)) < 0.90 {
            continue;
        }
        if let Some(base) = new_base {
            if !space.reserve(&base) {
                continue;
            }
        }
        return Some((candidate, kind));
    }
    None
}

/// The near-miss name of `kind`, and its new base name when the base changed (to be reserved).
fn near_miss_candidate(rng: &mut Rng, name: &Name, kind: NearMiss) -> Option<(String, Option<String>)> {
    match (name, kind) {
        (Name::Org { base, form: Some(_), .. }, NearMiss::MissingLegalForm) => Some((base.clone(), None)),
        (Name::Org { base, form: Some(form), .. }, NearMiss::OtherLegalForm) => {
            let others = [words::GMBH, words::AG, words::LTD, words::INC, words::BV, words::SARL];
            let other = others.iter().find(|o| o.first() != form.first())?;
            Some((format!("{base} {}", other.first().copied().unwrap_or("")), None))
        }
        (Name::Org { base, form, spelling }, NearMiss::Typo) => {
            let typo = typo(rng, base)?;
            let text = join(&typo, form.and_then(|f| f.get(*spelling).copied()));
            Some((text, Some(typo)))
        }
        (Name::Org { base, form, spelling }, NearMiss::Reordered) => {
            let words: Vec<&str> = base.split(' ').filter(|w| *w != "&").collect();
            if words.len() < 2 {
                return None;
            }
            let mut reordered: Vec<&str> = words.clone();
            reordered.rotate_left(1);
            let new_base = reordered.join(" ");
            let text = join(&new_base, form.and_then(|f| f.get(*spelling).copied()));
            Some((text, Some(new_base)))
        }
        (Name::Org { base, form, spelling }, NearMiss::NoDiacritics) => {
            let plain = strip_diacritics(base);
            if plain == *base {
                return None;
            }
            let text = join(&plain, form.and_then(|f| f.get(*spelling).copied()));
            Some((text, Some(plain)))
        }
        (Name::Person { first, last }, NearMiss::Reordered) => {
            let text = if rng.chance(500) { format!("{last}, {first}") } else { format!("{last} {first}") };
            Some((text.clone(), Some(text)))
        }
        (Name::Person { first, last }, NearMiss::Typo) => {
            let last = typo(rng, last)?;
            let text = format!("{first} {last}");
            Some((text.clone(), Some(text)))
        }
        (Name::Person { first, last }, NearMiss::NoDiacritics) => {
            let text = strip_diacritics(&format!("{first} {last}"));
            if text == format!("{first} {last}") {
                return None;
            }
            Some((text.clone(), Some(text)))
        }
        _ => None,
    }
}

/// One keyboard slip in the longest word of at least 6 letters: two letters swapped, one dropped, or
/// one doubled.
fn typo(rng: &mut Rng, text: &str) -> Option<String> {
    let words: Vec<&str> = text.split(' ').collect();
    let (index, word) = words
        .iter()
        .enumerate()
        .filter(|(_, w)| w.chars().count() >= 6)
        .max_by_key(|(i, w)| (w.chars().count(), usize::MAX - i))?;
    let mut chars: Vec<char> = word.chars().collect();
    let at = 1 + rng.below(chars.len() - 3);
    match rng.below(3) {
        0 if chars[at] != chars[at + 1] => chars.swap(at, at + 1),
        1 => {
            chars.remove(at);
        }
        _ => chars.insert(at, chars[at]),
    }
    let mut out: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
    if let Some(slot) = out.get_mut(index) {
        *slot = chars.into_iter().collect();
    }
    Some(out.join(" "))
}

/// Latin letters without their accents (as a system without Unicode support would store them).
pub(crate) fn strip_diacritics(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'ä' | 'á' | 'à' | 'â' => 'a',
            'Ä' | 'Á' | 'À' | 'Â' => 'A',
            'ö' | 'ó' | 'ò' | 'ô' => 'o',
            'Ö' | 'Ó' | 'Ò' | 'Ô' => 'O',
            'ü' | 'ú' | 'ù' | 'û' => 'u',
            'Ü' | 'Ú' | 'Ù' | 'Û' => 'U',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'É' | 'È' | 'Ê' | 'Ë' => 'E',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'Í' | 'Ì' | 'Î' | 'Ï' => 'I',
            'ç' => 'c',
            'Ç' => 'C',
            'ñ' => 'n',
            'Ñ' => 'N',
            _ => c,
        })
        .collect()
}
