//! Products on both sides, built so that every outcome of SPEC §3.2 occurs: 1:1 matches (names written
//! differently), accounting-only products to create in Monite (one with a name over 100 characters),
//! Monite-only products, and repeated names on either side (`multiple_matches`).

use rustc_hash::FxHashSet;
use serde_json::Value;

use super::chart::Chart;
use super::dates;
use super::json::{price, Obj};
use super::manifest::{Expected, Manifest, Outcome};
use super::rng::Rng;
use super::words;
use ledgerbridge::vocab::{Code, ProductAction};

/// What invoices need to know about a Monite product.
#[derive(Debug, Clone)]
pub(crate) struct ProductRef {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) price: i64,
    pub(crate) is_service: bool,
    pub(crate) ledger_account_id: Option<String>,
}

#[derive(Debug, Default)]
pub(crate) struct Products {
    pub(crate) monite: Vec<Value>,
    pub(crate) accounting: Vec<Value>,
    pub(crate) refs: Vec<ProductRef>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scenario {
    Match,
    Create,
    CreateLongName,
    MoniteOnly,
    /// `(Monite records, accounting records)` sharing one name.
    Multiple(usize, usize),
}

impl Scenario {
    fn sides(self) -> (usize, usize) {
        match self {
            Scenario::Match => (1, 1),
            Scenario::Create | Scenario::CreateLongName => (0, 1),
            Scenario::MoniteOnly => (1, 0),
            Scenario::Multiple(m, a) => (m, a),
        }
    }
}

const WEIGHTS: &[(Scenario, u32)] = &[
    (Scenario::Match, 550),
    (Scenario::Create, 200),
    (Scenario::MoniteOnly, 180),
    (Scenario::Multiple(1, 2), 25),
    (Scenario::Multiple(2, 1), 15),
    (Scenario::Multiple(0, 2), 10),
    (Scenario::Multiple(2, 2), 5),
];

const PRELUDE: &[Scenario] = &[
    Scenario::Match,
    Scenario::Create,
    Scenario::MoniteOnly,
    Scenario::Multiple(1, 2),
    Scenario::Multiple(2, 1),
    Scenario::Multiple(0, 2),
    Scenario::CreateLongName,
    Scenario::Match,
];

struct Builder<'a> {
    rng: Rng,
    chart: &'a Chart,
    taken: FxHashSet<String>,
    accounting_ids: Vec<String>,
    out: Products,
    manifest: &'a mut Manifest,
}

/// Generates `n` products per side.
pub(crate) fn generate(seed: u64, n: usize, chart: &Chart, manifest: &mut Manifest) -> Products {
    let mut rng = Rng::new(seed, 2);
    let mut accounting_ids: Vec<String> = (1..=n).map(|i| (i + 1000).to_string()).collect();
    rng.shuffle(&mut accounting_ids);
    let mut b = Builder { rng, chart, taken: FxHashSet::default(), accounting_ids, out: Products::default(), manifest };
    let (mut m, mut a) = (0, 0);
    let fits = |s: Scenario, m: usize, a: usize| {
        let (sm, sa) = s.sides();
        m + sm <= n && a + sa <= n
    };
    for &scenario in PRELUDE {
        if fits(scenario, m, a) {
            b.build(scenario);
            let (sm, sa) = scenario.sides();
            m += sm;
            a += sa;
        }
    }
    let weights: Vec<u32> = WEIGHTS.iter().map(|(_, w)| *w).collect();
    while m < n || a < n {
        let drawn = WEIGHTS.get(b.rng.weighted(&weights)).map_or(Scenario::Match, |(s, _)| *s);
        let scenario = if fits(drawn, m, a) {
            drawn
        } else if a < n {
            Scenario::Create
        } else {
            Scenario::MoniteOnly
        };
        b.build(scenario);
        let (sm, sa) = scenario.sides();
        m += sm;
        a += sa;
    }
    let mut out = b.out;
    let mut rng = b.rng;
    rng.shuffle(&mut out.monite);
    rng.shuffle(&mut out.accounting);
    out
}

impl Builder<'_> {
    fn build(&mut self, scenario: Scenario) {
        let is_service = self.rng.chance(350);
        let name = self.fresh_name(is_service, scenario == Scenario::CreateLongName);
        let unit_price = if is_service { self.rng.range(25, 1_500) * 100 } else { self.rng.range(50, 250_000) };
        match scenario {
            Scenario::Match => {
                let acc_name = respell(&mut self.rng, &name);
                let acc = self.accounting(acc_name, unit_price, is_service);
                let id = self.monite(name, unit_price, is_service);
                self.manifest.add(
                    Expected::new("products", &id, "match", Outcome::Product(ProductAction::Match)).accounting(&acc),
                );
            }
            Scenario::Create | Scenario::CreateLongName => {
                let acc = self.accounting(name, unit_price, is_service);
                let case = if scenario == Scenario::Create { "create" } else { "create_long_name" };
                self.manifest.add(Expected::new("products", &acc, case, Outcome::Product(ProductAction::Create)));
            }
            Scenario::MoniteOnly => {
                let id = self.monite(name, unit_price, is_service);
                self.manifest.add(Expected::new("products", &id, "monite_only", Outcome::Product(ProductAction::None)));
            }
            Scenario::Multiple(m, a) => {
                let mut ids = Vec::with_capacity(m + a);
                for i in 0..a {
                    let text = if i == 0 { name.clone() } else { respell(&mut self.rng, &name) };
                    ids.push(self.accounting(text, unit_price, is_service));
                }
                for i in 0..m {
                    let text = if i == 0 && a == 0 { name.clone() } else { respell(&mut self.rng, &name) };
                    ids.push(self.monite(text, unit_price, is_service));
                }
                for id in ids {
                    self.manifest.add(
                        Expected::new("products", &id, "multiple_matches", Outcome::Product(ProductAction::None))
                            .codes(&[Code::MultipleMatches]),
                    );
                }
            }
        }
    }

    /// A product name not used before ("Premium Office Chair Black", "Consulting Hour Half Day").
    fn fresh_name(&mut self, is_service: bool, long: bool) -> String {
        let rng = &mut self.rng;
        let mut name = String::new();
        let (adjectives, items, variants) = if is_service {
            (words::SERVICE_ADJECTIVES, words::SERVICES, words::SERVICE_VARIANTS)
        } else {
            (words::PRODUCT_ADJECTIVES, words::GOODS, words::GOODS_VARIANTS)
        };
        for attempt in 0..64 {
            let item = rng.word(items);
            name = match rng.weighted(&[2, 2, 3, 3]) {
                0 => format!("{} {item}", rng.word(adjectives)),
                1 => format!("{item} {}", rng.word(variants)),
                2 => format!("{} {item} {}", rng.word(adjectives), rng.word(variants)),
                _ if is_service => format!(
                    "{} {item} {} {}",
                    rng.word(adjectives),
                    rng.word(words::SERVICE_TOPICS),
                    rng.word(variants)
                ),
                _ => format!(
                    "{} {item} {}-{}",
                    rng.word(adjectives),
                    rng.word(&["K", "X", "Z", "R", "T"]),
                    rng.range(100, 9_999)
                ),
            };
            if attempt >= 48 {
                name = format!("{name} #{}", rng.range(10_000, 99_999));
            }
            if long {
                name = format!(
                    "{name} – complete package incl. delivery, installation on site, configuration, \
                     user training and 24 months of on-call support"
                );
            }
            if self.taken.insert(name.to_lowercase()) {
                break;
            }
        }
        name
    }

    fn accounting(&mut self, name: String, unit_price: i64, is_service: bool) -> String {
        let id = self.accounting_ids.pop().unwrap_or_else(|| (self.out.accounting.len() + 1_000_000_000).to_string());
        // Mostly a price like Monite's; sometimes the accounting system has another one.
        let value = if self.rng.chance(800) { unit_price } else { unit_price + self.rng.range(1, 500) * 10 };
        let mut obj = Obj::new()
            .s("id", id.clone())
            .s("name", name)
            .v("price", price("EUR", value))
            .s("type", if is_service { "service" } else { "product" });
        if self.rng.chance(850) {
            if let Some(ledger) = self.rng.pick(&self.chart.income_accounts) {
                obj = obj.s("ledger_account_id", ledger.clone());
            }
        }
        self.out.accounting.push(obj.build());
        id
    }

    fn monite(&mut self, name: String, unit_price: i64, is_service: bool) -> String {
        let rng = &mut self.rng;
        let id = rng.uuid();
        let created = dates::CONNECTION_CREATED - rng.range(86_400, 2 * 365 * 86_400);
        let updated = created + rng.range(0, 90 * 86_400);
        let ledger_account_id = if rng.chance(400) { rng.pick(&self.chart.income_accounts).cloned() } else { None };
        let mut obj = Obj::new()
            .s("id", id.clone())
            .s("created_at", dates::datetime(created))
            .s("updated_at", dates::datetime(updated))
            .s("entity_id", self.chart.entity_id.clone())
            .s("name", name.clone())
            .v("price", price("EUR", unit_price))
            .s("type", if is_service { "service" } else { "product" })
            .opt_s("ledger_account_id", ledger_account_id.clone());
        if rng.chance(300) {
            obj = obj.s("description", format!("{name} — as listed in the {} catalogue", 2023 + rng.range(0, 1)));
        }
        if !is_service {
            obj = obj.i("smallest_amount", 1);
        }
        self.out.monite.push(obj.build());
        self.out.refs.push(ProductRef { id: id.clone(), name, price: unit_price, is_service, ledger_account_id });
        id
    }
}

/// The same product name as another system writes it (same strict key).
fn respell(rng: &mut Rng, name: &str) -> String {
    match rng.below(5) {
        0 => name.to_uppercase(),
        1 => name.to_lowercase(),
        2 => name.replacen(' ', "\u{00A0}", 1),
        3 => format!("{name} "),
        _ => name.to_owned(),
    }
}
