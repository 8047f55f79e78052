//! Tax-rate mapping (SPEC §3.3): an explicit reference on a line always wins and must name an existing
//! rate; otherwise the line's tax value (basis points) maps to the one active rate with that
//! `effective_tax_rate`, and the caller's direction decides between several.

use rustc_hash::FxHashMap;

use crate::input::records::accounting::{Direction, TaxRate};
use crate::vocab::quoted;

/// How a line's tax rate resolved.
#[derive(Debug)]
pub enum TaxResolution<'a> {
    /// Exactly one accounting rate.
    Mapped(&'a TaxRate),
    /// `tax_rate_not_found`, with the reason in words.
    NotFound(String),
    /// `tax_rate_ambiguous`: the first ids of the rates that share the value (sorted), and how many share it.
    Ambiguous(Vec<&'a str>, usize),
}

/// The active rates of one value (positions, sorted by id), and the one rate of each direction when exactly
/// one fits it.
#[derive(Debug, Clone, Default)]
struct SameValue {
    rates: Vec<usize>,
    purchase: Option<usize>,
    sale: Option<usize>,
}

/// Accounting tax rates by id and by value; a line resolves in constant time however many rates share its
/// value. It owns a copy of the (few) rates, so a validator can keep it between calls.
#[derive(Debug, Clone, Default)]
pub struct TaxRateIndex {
    rates: Vec<TaxRate>,
    by_id: FxHashMap<String, usize>,
    by_value: FxHashMap<i64, SameValue>,
}

impl TaxRateIndex {
    /// Indexes the pulled rates; rates with the same value are kept sorted by id.
    pub fn new(rates: Vec<TaxRate>) -> Self {
        let mut by_value: FxHashMap<i64, SameValue> = FxHashMap::default();
        for (i, rate) in rates.iter().enumerate().filter(|(_, r)| r.is_active()) {
            if let Some(value) = rate.effective_tax_rate {
                by_value.entry(value).or_default().rates.push(i);
            }
        }
        let id = |i: &usize| rates.get(*i).map_or("", |r| r.id.as_str());
        for same in by_value.values_mut() {
            same.rates.sort_unstable_by(|a, b| id(a).cmp(id(b)).then(a.cmp(b)));
            let only = |direction: Direction| {
                let mut fitting =
                    same.rates.iter().filter(|&&i| rates.get(i).and_then(TaxRate::applies_to) == Some(direction));
                match (fitting.next(), fitting.next()) {
                    (Some(one), None) => Some(*one),
                    _ => None,
                }
            };
            (same.purchase, same.sale) = (only(Direction::Purchase), only(Direction::Sale));
        }
        let mut by_id = FxHashMap::default();
        for (i, r) in rates.iter().enumerate() {
            by_id.entry(r.id.clone()).or_insert(i);
        }
        Self { rates, by_id, by_value }
    }

    fn rate(&self, i: usize) -> Option<&TaxRate> {
        self.rates.get(i)
    }

    /// Resolves a line: `explicit` is the first non-empty reference on the line, `value` its tax in basis
    /// points, `direction` the caller's (purchase for bills, sale for receivables, if the policy says so).
    pub fn resolve(
        &self,
        explicit: Option<&str>,
        value: Option<i64>,
        direction: Option<Direction>,
    ) -> TaxResolution<'_> {
        crate::work::count(crate::work::Kind::TaxRates, 1);
        if let Some(id) = explicit {
            return match self.by_id.get(id).and_then(|&i| self.rate(i)) {
                Some(rate) => TaxResolution::Mapped(rate),
                None => TaxResolution::NotFound(format!(
                    "Tax rate does not exist: no accounting tax rate has id {}",
                    quoted(id)
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
        let decided = match (same.rates.as_slice(), direction) {
            ([only], _) => Some(*only),
            (_, Some(Direction::Purchase)) => same.purchase,
            (_, Some(Direction::Sale)) => same.sale,
            (_, None) => None,
        };
        match decided.and_then(|i| self.rate(i)) {
            Some(rate) => TaxResolution::Mapped(rate),
            None => {
                let ids = same.rates.iter().take(10).filter_map(|&i| self.rate(i)).map(|r| r.id.as_str()).collect();
                TaxResolution::Ambiguous(ids, same.rates.len())
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
