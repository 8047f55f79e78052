//! Postal addresses in the style of each sample country, and the variations the matching cascade cares
//! about: the same address written differently (same strict keys), and addresses that differ only in the
//! country, the city, `line1`, `line2` or the postal code.

use super::rng::Rng;
use super::words::{self, Country, Lang, COUNTRIES};

/// One address. `state` is only set for US addresses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Address {
    pub(crate) country: String,
    pub(crate) city: String,
    pub(crate) line1: String,
    pub(crate) line2: Option<String>,
    pub(crate) postal_code: String,
    pub(crate) state: Option<String>,
    /// Index into [`COUNTRIES`] and into its city list (for generating neighbours).
    country_index: usize,
    city_index: usize,
}

/// The sample's countries with their weights, for [`Rng::weighted`].
pub(crate) fn country_weights() -> Vec<u32> {
    COUNTRIES.iter().map(|c| c.weight).collect()
}

pub(crate) fn country(index: usize) -> &'static Country {
    COUNTRIES.get(index).unwrap_or(&COUNTRIES[0])
}

/// The currency a counterpart in this country invoices in.
pub(crate) fn currency(code: &str) -> &'static str {
    match code {
        "GB" => "GBP",
        "US" => "USD",
        "CH" => "CHF",
        _ => "EUR",
    }
}

impl Address {
    /// A random address in the country with index `country_index`.
    pub(crate) fn random(rng: &mut Rng, country_index: usize) -> Self {
        let c = country(country_index);
        let city_index = rng.below(c.cities.len());
        Self::in_city(rng, country_index, city_index)
    }

    fn in_city(rng: &mut Rng, country_index: usize, city_index: usize) -> Self {
        let c = country(country_index);
        let (city, prefix) = c.cities.get(city_index).copied().unwrap_or(("", ""));
        let (postal_code, state) = postal_code(rng, c.code, prefix);
        let line2 = if rng.chance(if c.lang == Lang::En { 300 } else { 180 }) {
            Some(rng.word(words::line2s(c.lang)).to_owned())
        } else {
            None
        };
        let mut line1 = street_line(rng, c.lang);
        if c.code == "CH" {
            // Swiss German writes no `ß`.
            line1 = line1.replace('ß', "ss");
        }
        Self {
            country: c.code.to_owned(),
            city: city.to_owned(),
            line1,
            line2,
            postal_code,
            state,
            country_index,
            city_index,
        }
    }

    pub(crate) fn lang(&self) -> Lang {
        country(self.country_index).lang
    }

    /// The same address as another system stores it: same strict keys for every field (case, `ß`
    /// written `ss`, NBSP, stray spaces, lower-case country code), about half the time verbatim.
    pub(crate) fn respelled(&self, rng: &mut Rng) -> Self {
        let mut a = self.clone();
        if rng.chance(500) {
            return a;
        }
        if rng.chance(250) {
            a.country = a.country.to_lowercase();
        }
        match rng.below(4) {
            0 => a.city = a.city.to_uppercase(),
            1 => a.city = format!("{} ", a.city),
            _ => {}
        }
        if a.line1.contains("straße") && rng.chance(600) {
            a.line1 = a.line1.replace("straße", "strasse");
        }
        match rng.below(5) {
            0 => a.line1 = a.line1.to_uppercase(),
            1 => a.line1 = a.line1.replacen(' ', "\u{00A0}", 1),
            2 => a.line1 = format!(" {}", a.line1),
            _ => {}
        }
        if let Some(line2) = &a.line2 {
            if rng.chance(300) {
                a.line2 = Some(line2.to_uppercase());
            }
        }
        if rng.chance(150) {
            a.postal_code = format!("{} ", a.postal_code);
        }
        a
    }

    /// Same country, another city (a fresh street in it).
    pub(crate) fn other_city(&self, rng: &mut Rng) -> Self {
        let cities = country(self.country_index).cities.len();
        let step = 1 + rng.below(cities.saturating_sub(1).max(1));
        Self::in_city(rng, self.country_index, (self.city_index + step) % cities.max(1))
    }

    /// Another country (a fresh address there).
    pub(crate) fn other_country(&self, rng: &mut Rng) -> Self {
        let step = 1 + rng.below(COUNTRIES.len() - 1);
        Self::random(rng, (self.country_index + step) % COUNTRIES.len())
    }

    /// Same country and city, another `line1` (and the rest as here).
    pub(crate) fn other_line1(&self, rng: &mut Rng) -> Self {
        let mut a = self.clone();
        while a.line1 == self.line1 {
            a.line1 = street_line(rng, self.lang());
        }
        a
    }

    /// Same everything but `line2` (added, removed or changed).
    pub(crate) fn other_line2(&self, rng: &mut Rng) -> Self {
        let mut a = self.clone();
        a.line2 = match &self.line2 {
            Some(_) if rng.chance(500) => None,
            _ => {
                let options: Vec<&str> =
                    words::line2s(self.lang()).iter().copied().filter(|l| Some(*l) != self.line2.as_deref()).collect();
                rng.pick(&options).map(|l| (*l).to_owned())
            }
        };
        a
    }

    /// Same everything but the postal code (another code of the same city).
    pub(crate) fn other_postal_code(&self, rng: &mut Rng) -> Self {
        let mut a = self.clone();
        let c = country(self.country_index);
        let prefix = c.cities.get(self.city_index).map_or("", |(_, p)| *p);
        for _ in 0..16 {
            let (code, _) = postal_code(rng, c.code, prefix);
            if code != self.postal_code {
                a.postal_code = code;
                break;
            }
        }
        if a.postal_code == self.postal_code {
            a.postal_code.push('1');
        }
        a
    }
}

fn digits(rng: &mut Rng, n: usize) -> String {
    (0..n).map(|_| char::from(b'0' + rng.below(10) as u8)).collect()
}

fn letters(rng: &mut Rng, n: usize) -> String {
    (0..n).map(|_| char::from(b'A' + rng.below(26) as u8)).collect()
}

/// A postal code of `country` starting with the city's `prefix`, and the US state.
fn postal_code(rng: &mut Rng, country: &str, prefix: &str) -> (String, Option<String>) {
    match country {
        "US" => {
            let (state, zip) = prefix.split_at(2.min(prefix.len()));
            (format!("{zip}{}", digits(rng, 5usize.saturating_sub(zip.len()))), Some(state.to_owned()))
        }
        "NL" => (format!("{prefix}{} {}", digits(rng, 2), letters(rng, 2)), None),
        "GB" => (format!("{prefix}{} {}{}", 1 + rng.below(20), rng.below(10), letters(rng, 2)), None),
        "IE" => (format!("{prefix}{} {}{}", rng.below(10), letters(rng, 1), digits(rng, 3)), None),
        "AT" | "CH" | "BE" => (format!("{prefix}{}", digits(rng, 4usize.saturating_sub(prefix.len()))), None),
        _ => (format!("{prefix}{}", digits(rng, 5usize.saturating_sub(prefix.len()))), None),
    }
}

/// A street line in the language's usual order.
fn street_line(rng: &mut Rng, lang: Lang) -> String {
    let stem = rng.word(words::street_stems(lang));
    let highest = if rng.chance(800) { 60 } else { 240 };
    let n = 1 + rng.below(highest);
    match lang {
        Lang::De => {
            let kind = rng.word(&["straße", "straße", "straße", "weg", "allee", "platz", "ring", "gasse"]);
            let suffix = if rng.chance(80) { "a" } else { "" };
            format!("{stem}{kind} {n}{suffix}")
        }
        Lang::Fr => {
            let kind = rng.word(&["rue", "rue", "rue", "avenue", "boulevard", "place", "quai", "allée"]);
            let bis = if rng.chance(60) { " bis" } else { "" };
            format!("{n}{bis} {kind} {stem}")
        }
        Lang::Nl => {
            let kind = rng.word(&["straat", "straat", "weg", "laan", "gracht", "plein", "singel"]);
            format!("{stem}{kind} {n}")
        }
        Lang::En => {
            let kind = rng.word(&["Road", "Street", "Lane", "Avenue", "Close", "Way", "Drive", "St", "Ave"]);
            format!("{n} {stem} {kind}")
        }
        Lang::Es => {
            let kind = rng.word(&["Calle", "Calle", "Avenida", "Plaza", "Paseo"]);
            format!("{kind} {stem}, {n}")
        }
        Lang::It => {
            let kind = rng.word(&["Via", "Via", "Corso", "Piazza", "Viale"]);
            format!("{kind} {stem}, {n}")
        }
    }
}
