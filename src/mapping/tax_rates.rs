//! Tax-rate mapping (SPEC §3.3): an explicit reference on a line always wins and must name an existing
//! rate; otherwise the line's tax value (basis points) maps to the one active rate with that
//! `effective_tax_rate`, and the caller's direction decides between several.

use rustc_hash::FxHashMap;

use crate::model::accounting::{Direction, TaxRate};

/// How a line's tax rate resolved.
#[derive(Debug)]
pub enum TaxResolution<'s, 'a> {
    /// Exactly one accounting rate.
    Mapped(&'a TaxRate),
    /// `tax_rate_not_found`, with the reason in words.
    NotFound(String),
    /// `tax_rate_ambiguous`: the rates that share the value (sorted by id), as the index holds them.
    Ambiguous(&'s [&'a TaxRate]),
}

/// The active rates of one value, and the one rate of each direction when exactly one fits it.
#[derive(Debug, Default)]
struct SameValue<'a> {
    rates: Vec<&'a TaxRate>,
    purchase: Option<&'a TaxRate>,
    sale: Option<&'a TaxRate>,
}

/// Accounting tax rates by id and by value; a line resolves in constant time however many rates share its
/// value.
pub struct TaxRateIndex<'a> {
    by_id: FxHashMap<&'a str, &'a TaxRate>,
    by_value: FxHashMap<i64, SameValue<'a>>,
}

impl<'a> TaxRateIndex<'a> {
    /// Indexes the pulled rates; rates with the same value are kept sorted by id.
    pub fn new(rates: &'a [TaxRate]) -> Self {
        let mut by_value: FxHashMap<i64, SameValue> = FxHashMap::default();
        for rate in rates.iter().filter(|r| r.is_active()) {
            if let Some(value) = rate.effective_tax_rate {
                by_value.entry(value).or_default().rates.push(rate);
            }
        }
        for same in by_value.values_mut() {
            same.rates.sort_by(|a, b| a.id.cmp(&b.id));
            let only = |direction: Direction| {
                let mut fitting = same.rates.iter().filter(|r| r.applies_to() == Some(direction));
                match (fitting.next(), fitting.next()) {
                    (Some(one), None) => Some(*one),
                    _ => None,
                }
            };
            (same.purchase, same.sale) = (only(Direction::Purchase), only(Direction::Sale));
        }
        Self { by_id: rates.iter().map(|r| (r.id.as_str(), r)).collect(), by_value }
    }

    /// Resolves a line: `explicit` is the first non-empty reference on the line, `value` its tax in basis
    /// points, `direction` the caller's (purchase for bills, sale for receivables, if the policy says so).
    pub fn resolve(
        &self,
        explicit: Option<&str>,
        value: Option<i64>,
        direction: Option<Direction>,
    ) -> TaxResolution<'_, 'a> {
        crate::work::count(crate::work::Kind::TaxRates, 1);
        if let Some(id) = explicit {
            return match self.by_id.get(id) {
                Some(rate) => TaxResolution::Mapped(rate),
                None => TaxResolution::NotFound(format!(
                    "Tax rate does not exist: no accounting tax rate has id {}",
                    crate::matching::counterparts::quoted(id)
                )),
            };
        }
        let Some(value) = value else {
            return TaxResolution::NotFound(
                "Tax rate does not exist: the line has neither a tax rate reference nor a tax value".to_owned(),
            );
        };
        let Some(same) = self.by_value.get(&value) else {
            return TaxResolution::NotFound(format!(
                "Tax rate does not exist: no accounting tax rate has an effective rate of {} ({value} basis points)",
                percent(value)
            ));
        };
        match same.rates.as_slice() {
            [only] => TaxResolution::Mapped(only),
            several => {
                let decided = match direction {
                    Some(Direction::Purchase) => same.purchase,
                    Some(Direction::Sale) => same.sale,
                    None => None,
                };
                decided.map_or(TaxResolution::Ambiguous(several), TaxResolution::Mapped)
            }
        }
    }
}

/// `1250` → `12.5 %`.
pub fn percent(basis_points: i64) -> String {
    let whole = basis_points / 100;
    let frac = (basis_points % 100).abs();
    if frac == 0 {
        format!("{whole} %")
    } else if frac % 10 == 0 {
        format!("{whole}.{} %", frac / 10)
    } else {
        format!("{whole}.{frac:02} %")
    }
}
