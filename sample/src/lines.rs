//! Shared pieces of document lines: amounts from quantity, unit price and tax, and the choice of an
//! accounting tax rate reference that does (or on purpose does not) resolve.

use super::chart::{Chart, TaxRate, AMBIGUOUS_RATE, UNMAPPED_RATES};
use super::rng::Rng;
use ledgerbridge::vocab::Code;

/// How a line refers to its accounting tax rate.
#[derive(Debug, Clone)]
pub(crate) enum TaxRef {
    /// An explicit reference to an existing rate (under `accounting_tax_rate_id`, or `tax_rate_ref_id`).
    Explicit { rate: TaxRate, alias: bool },
    /// Only a tax value, which exactly one accounting rate has.
    ValueOnly(i64),
    /// A tax value two accounting rates share: `tax_rate_ambiguous`.
    Ambiguous,
    /// A tax value no accounting rate has: `tax_rate_not_found`.
    Unmapped(i64),
    /// An explicit reference to no existing rate: `tax_rate_not_found`.
    UnknownRef(String),
    /// Neither a reference nor a value: `tax_rate_not_found`.
    Nothing,
}

impl TaxRef {
    /// A reference that resolves to exactly one rate.
    pub(crate) fn good(rng: &mut Rng, chart: &Chart) -> Self {
        if rng.chance(550) {
            // Explicit references may even name one of the two 20 % rates: the reference decides.
            let use_ambiguous = rng.chance(150) && !chart.ambiguous_rates.is_empty();
            let pool = if use_ambiguous { &chart.ambiguous_rates } else { &chart.unique_rates };
            if let Some(rate) = rng.pick(pool).cloned() {
                return TaxRef::Explicit { rate, alias: rng.chance(30) };
            }
        }
        match rng.pick(&chart.unique_rates) {
            Some(rate) => TaxRef::ValueOnly(rate.rate),
            None => TaxRef::Nothing,
        }
    }

    pub(crate) fn unmapped(rng: &mut Rng) -> Self {
        TaxRef::Unmapped(rng.pick(UNMAPPED_RATES).copied().unwrap_or(1600))
    }

    /// The tax value (basis points) written on the line, if any.
    pub(crate) fn value(&self) -> Option<i64> {
        match self {
            TaxRef::Explicit { rate, .. } => Some(rate.rate),
            TaxRef::ValueOnly(v) | TaxRef::Unmapped(v) => Some(*v),
            TaxRef::Ambiguous => Some(AMBIGUOUS_RATE),
            TaxRef::UnknownRef(_) => Some(1900),
            TaxRef::Nothing => None,
        }
    }

    /// The explicit reference written on the line: `(field name, id)`.
    pub(crate) fn reference(&self) -> Option<(&'static str, &str)> {
        match self {
            TaxRef::Explicit { rate, alias } => {
                Some((if *alias { "tax_rate_ref_id" } else { "accounting_tax_rate_id" }, rate.id.as_str()))
            }
            TaxRef::UnknownRef(id) => Some(("accounting_tax_rate_id", id.as_str())),
            _ => None,
        }
    }

    /// The error code this reference must produce, if any.
    pub(crate) fn code(&self) -> Option<Code> {
        match self {
            TaxRef::Explicit { .. } | TaxRef::ValueOnly(_) => None,
            TaxRef::Ambiguous => Some(Code::TaxRateAmbiguous),
            TaxRef::Unmapped(_) | TaxRef::UnknownRef(_) | TaxRef::Nothing => Some(Code::TaxRateNotFound),
        }
    }
}

/// `(subtotal, tax amount, total)` in minor units of `quantity × unit_price` at `tax` basis points
/// (rounded half up, as the API does).
pub(crate) fn amounts(quantity_hundredths: i64, unit_price: i64, tax: i64) -> (i64, i64, i64) {
    let subtotal = (quantity_hundredths * unit_price + 50) / 100;
    let tax_amount = (subtotal * tax + 5_000) / 10_000;
    (subtotal, tax_amount, subtotal + tax_amount)
}

/// A quantity in hundredths: whole pieces for goods, quarter hours for services.
pub(crate) fn quantity(rng: &mut Rng, is_service: bool) -> i64 {
    if is_service {
        rng.range(1, 40) * 25
    } else {
        let most = if rng.chance(800) { 12 } else { 250 };
        rng.range(1, most) * 100
    }
}

/// The JSON number for a quantity in hundredths (an integer when whole).
pub(crate) fn quantity_json(hundredths: i64) -> serde_json::Value {
    if hundredths % 100 == 0 {
        serde_json::Value::from(hundredths / 100)
    } else {
        serde_json::Value::from(hundredths as f64 / 100.0)
    }
}
