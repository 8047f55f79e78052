//! Counterparts on both sides, built scenario by scenario so that every outcome of SPEC §3.1 (and the
//! counterpart rules of §4) occurs with a seed-stable share: 1:1 name matches written differently,
//! same-name groups decided by country, city or address, ambiguous pairs, unmatched records whose cascade
//! ends on a field (and so collide by name), duplicate matches, near misses with suggestions, plain
//! creates, and accounting-only records.

use serde_json::Value;

use super::dates;
use super::geo::{self, Address};
use super::json::Obj;
use super::manifest::{Expected, Manifest, Outcome as Manifested};
use super::names::{self, Name, NameSpace};
use super::rng::Rng;
use super::words::Lang;
use ledgerbridge::vocab::{Code, CounterpartAction, DecidedBy, MatchStatus};

/// What the documents need to know about a Monite counterpart.
#[derive(Debug, Clone)]
pub(crate) struct CounterpartRef {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) is_person: bool,
    /// The address matching uses (the default billing address).
    pub(crate) address: Address,
    /// Matched or to be created: documents of this counterpart are not blocked by it.
    pub(crate) pushable: bool,
}

/// Both sides' counterparts (in shuffled order) and the references documents draw from.
#[derive(Debug, Default)]
pub(crate) struct Counterparts {
    pub(crate) monite: Vec<Value>,
    pub(crate) accounting: Vec<Value>,
    pub(crate) refs: Vec<CounterpartRef>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scenario {
    /// One record per side, names written differently: matched by `name`.
    Matched,
    /// Two accounting records of that name, one in the Monite record's country.
    ByCountry,
    /// Two in its country, one in its city.
    ByCity,
    /// Two in its city, one at its address.
    ByAddress,
    /// Two Monite branches in two cities, two accounting records: each matched by `city`.
    TwoBranches,
    /// Two accounting records at the same address: ambiguous.
    Ambiguous,
    /// Two accounting records, neither in its country.
    NoCountry,
    /// Two Monite records, one accounting record in the country of one of them.
    SplitPair,
    /// Two accounting records in its country, neither in its city.
    NoCity,
    /// Two accounting records in its city, neither at its address.
    NoAddress,
    /// Two Monite records at one address, one accounting record: duplicate match.
    Duplicate,
    /// As `Duplicate`, plus a second accounting record in another country.
    DuplicateTwoCandidates,
    /// The accounting name is a near miss (typo, reordered, legal form, diacritics): suggestions.
    NearMiss,
    /// No accounting record of that name: to be created.
    Create,
    /// An accounting record with no Monite counterpart.
    AccountingOnly,
}

impl Scenario {
    /// Records used on the Monite and the accounting side.
    fn sides(self) -> (usize, usize) {
        match self {
            Scenario::Matched | Scenario::NearMiss => (1, 1),
            Scenario::ByCountry
            | Scenario::ByCity
            | Scenario::ByAddress
            | Scenario::Ambiguous
            | Scenario::NoCountry
            | Scenario::NoCity
            | Scenario::NoAddress => (1, 2),
            Scenario::TwoBranches | Scenario::DuplicateTwoCandidates => (2, 2),
            Scenario::SplitPair | Scenario::Duplicate => (2, 1),
            Scenario::Create => (1, 0),
            Scenario::AccountingOnly => (0, 1),
        }
    }
}

/// Shares (per mille of draws) once every scenario has appeared once.
const WEIGHTS: &[(Scenario, u32)] = &[
    (Scenario::Matched, 600),
    (Scenario::ByCountry, 25),
    (Scenario::ByCity, 25),
    (Scenario::ByAddress, 30),
    (Scenario::TwoBranches, 10),
    (Scenario::Ambiguous, 20),
    (Scenario::NoCountry, 8),
    (Scenario::SplitPair, 5),
    (Scenario::NoCity, 12),
    (Scenario::NoAddress, 12),
    (Scenario::Duplicate, 6),
    (Scenario::DuplicateTwoCandidates, 4),
    (Scenario::NearMiss, 60),
    (Scenario::Create, 150),
];

/// Built first, in this order, so even a small sample holds every case (`true`: an individual).
const PRELUDE: &[(Scenario, bool)] = &[
    (Scenario::Matched, false),
    (Scenario::Matched, true),
    (Scenario::ByCountry, false),
    (Scenario::ByCity, false),
    (Scenario::ByAddress, false),
    (Scenario::Ambiguous, false),
    (Scenario::NoCountry, false),
    (Scenario::NoCity, false),
    (Scenario::NoAddress, false),
    (Scenario::Duplicate, false),
    (Scenario::NearMiss, false),
    (Scenario::NearMiss, true),
    (Scenario::Create, false),
    (Scenario::Create, true),
    (Scenario::AccountingOnly, false),
    (Scenario::TwoBranches, false),
    (Scenario::SplitPair, false),
    (Scenario::DuplicateTwoCandidates, false),
];

/// Share of individuals among counterparts (per mille).
const PERSON_SHARE: u32 = 120;

/// The result the SPEC prescribes for one Monite record.
enum Outcome {
    Matched(DecidedBy, String),
    NoCandidate(&'static str),
    NoAgree(DecidedBy),
    Ambiguous,
    Duplicate,
}

/// How a Monite record is named.
enum MoniteName {
    Org(String),
    Person(String, String),
}

struct Builder<'a> {
    rng: Rng,
    names: NameSpace,
    accounting_ids: Vec<String>,
    out: Counterparts,
    manifest: &'a mut Manifest,
}

/// Generates `n` counterparts per side.
pub(crate) fn generate(seed: u64, n: usize, manifest: &mut Manifest) -> Counterparts {
    let mut rng = Rng::new(seed, 1);
    let mut accounting_ids: Vec<String> = (1..=n).map(|i| (i + 100).to_string()).collect();
    rng.shuffle(&mut accounting_ids);
    let mut b = Builder {
        rng,
        names: NameSpace::with_capacity(n * 2),
        accounting_ids,
        out: Counterparts {
            monite: Vec::with_capacity(n),
            accounting: Vec::with_capacity(n),
            refs: Vec::with_capacity(n),
        },
        manifest,
    };
    let (mut m, mut a) = (0, 0);
    let fits = |s: Scenario, m: usize, a: usize| {
        let (sm, sa) = s.sides();
        m + sm <= n && a + sa <= n
    };
    for &(scenario, person) in PRELUDE {
        if fits(scenario, m, a) {
            let (sm, sa) = b.build(scenario, person);
            m += sm;
            a += sa;
        }
    }
    let weights: Vec<u32> = WEIGHTS.iter().map(|(_, w)| *w).collect();
    while m < n || a < n {
        let drawn = WEIGHTS.get(b.rng.weighted(&weights)).map_or(Scenario::Create, |(s, _)| *s);
        let scenario = if fits(drawn, m, a) {
            drawn
        } else if m < n {
            Scenario::Create
        } else {
            Scenario::AccountingOnly
        };
        let person = b.rng.chance(PERSON_SHARE);
        let (sm, sa) = b.build(scenario, person);
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
    /// Builds one scenario; returns the records it added per side.
    fn build(&mut self, scenario: Scenario, person: bool) -> (usize, usize) {
        let country = self.rng.weighted(&geo::country_weights());
        let name = if person {
            self.names.person(&mut self.rng, geo::country(country).lang)
        } else {
            self.names.organization(&mut self.rng, geo::country(country))
        };
        let primary = Address::random(&mut self.rng, country);
        match scenario {
            Scenario::Matched => {
                let address = match self.rng.weighted(&[55, 15, 10, 20]) {
                    0 => Some(primary.respelled(&mut self.rng)),
                    1 => Some(primary.other_city(&mut self.rng)),
                    2 => Some(primary.other_country(&mut self.rng)),
                    _ => None,
                };
                let acc = self.accounting_respelled(&name, address);
                self.monite(canonical(&name), primary, None, Outcome::Matched(DecidedBy::Name, acc));
            }
            Scenario::ByCountry => {
                let good = if self.rng.chance(700) {
                    primary.respelled(&mut self.rng)
                } else {
                    primary.other_city(&mut self.rng)
                };
                let bad = if self.rng.chance(800) { Some(primary.other_country(&mut self.rng)) } else { None };
                let (good_id, _) = self.accounting_pair(&name, Some(good), bad.clone());
                let decoy = bad.filter(|_| self.rng.chance(350));
                self.monite(canonical(&name), primary, decoy, Outcome::Matched(DecidedBy::Country, good_id));
            }
            Scenario::ByCity => {
                let good = if self.rng.chance(500) {
                    primary.respelled(&mut self.rng)
                } else {
                    primary.other_line1(&mut self.rng)
                };
                let bad = primary.other_city(&mut self.rng);
                let (good_id, _) = self.accounting_pair(&name, Some(good), Some(bad.clone()));
                let decoy = Some(bad).filter(|_| self.rng.chance(350));
                self.monite(canonical(&name), primary, decoy, Outcome::Matched(DecidedBy::City, good_id));
            }
            Scenario::ByAddress => {
                let good = primary.respelled(&mut self.rng);
                let bad = match self.rng.below(3) {
                    0 => primary.other_line1(&mut self.rng),
                    1 => primary.other_line2(&mut self.rng),
                    _ => primary.other_postal_code(&mut self.rng),
                }
                .respelled(&mut self.rng);
                let (good_id, _) = self.accounting_pair(&name, Some(good), Some(bad.clone()));
                let decoy = Some(bad).filter(|_| self.rng.chance(350));
                self.monite(canonical(&name), primary, decoy, Outcome::Matched(DecidedBy::Address, good_id));
            }
            Scenario::TwoBranches => {
                let second = primary.other_city(&mut self.rng);
                let a1 = primary.respelled(&mut self.rng);
                let a2 = second.respelled(&mut self.rng);
                let (id1, id2) = self.accounting_pair(&name, Some(a1), Some(a2));
                let decoy = Some(second.clone()).filter(|_| self.rng.chance(300));
                self.monite(canonical(&name), primary, decoy, Outcome::Matched(DecidedBy::City, id1));
                let respelled = self.monite_respelled(&name);
                self.monite(respelled, second, None, Outcome::Matched(DecidedBy::City, id2));
            }
            Scenario::Ambiguous => {
                let a1 = primary.respelled(&mut self.rng);
                let a2 = primary.respelled(&mut self.rng);
                self.accounting_pair(&name, Some(a1), Some(a2));
                self.monite(canonical(&name), primary, None, Outcome::Ambiguous);
            }
            Scenario::NoCountry => {
                let a1 = primary.other_country(&mut self.rng);
                let a2 = primary.other_country(&mut self.rng);
                self.accounting_pair(&name, Some(a1), Some(a2));
                self.monite(canonical(&name), primary, None, Outcome::NoAgree(DecidedBy::Country));
            }
            Scenario::SplitPair => {
                let abroad = primary.other_country(&mut self.rng);
                let here = primary.respelled(&mut self.rng);
                let acc = self.accounting_respelled(&name, Some(here));
                self.monite(canonical(&name), primary, None, Outcome::Matched(DecidedBy::Country, acc));
                let respelled = self.monite_respelled(&name);
                self.monite(respelled, abroad, None, Outcome::NoAgree(DecidedBy::Country));
            }
            Scenario::NoCity => {
                let a1 = primary.other_city(&mut self.rng);
                let a2 = primary.other_city(&mut self.rng);
                self.accounting_pair(&name, Some(a1), Some(a2));
                self.monite(canonical(&name), primary, None, Outcome::NoAgree(DecidedBy::City));
            }
            Scenario::NoAddress => {
                // Both differ in `line1`, so the result is the same whether the address step compares the
                // three fields together or one after the other.
                let a1 = primary.other_line1(&mut self.rng).respelled(&mut self.rng);
                let mut a2 = primary.other_line1(&mut self.rng);
                if self.rng.chance(500) {
                    a2 = a2.other_postal_code(&mut self.rng);
                }
                self.accounting_pair(&name, Some(a1), Some(a2));
                self.monite(canonical(&name), primary, None, Outcome::NoAgree(DecidedBy::Address));
            }
            Scenario::Duplicate | Scenario::DuplicateTwoCandidates => {
                let here = primary.respelled(&mut self.rng);
                if scenario == Scenario::Duplicate {
                    self.accounting_respelled(&name, Some(here));
                } else {
                    let abroad = primary.other_country(&mut self.rng);
                    self.accounting_pair(&name, Some(here), Some(abroad));
                }
                let again = primary.respelled(&mut self.rng);
                self.monite(canonical(&name), primary, None, Outcome::Duplicate);
                let respelled = self.monite_respelled(&name);
                self.monite(respelled, again, None, Outcome::Duplicate);
            }
            Scenario::NearMiss => {
                let Some((near, _)) = names::near_miss(&mut self.rng, &mut self.names, &name) else {
                    self.monite(canonical(&name), primary, None, Outcome::NoCandidate("create"));
                    return (1, 0);
                };
                let address = match self.rng.weighted(&[60, 20, 20]) {
                    0 => Some(primary.respelled(&mut self.rng)),
                    1 => Some(primary.other_city(&mut self.rng)),
                    _ => None,
                };
                self.accounting(near, address);
                self.monite(canonical(&name), primary, None, Outcome::NoCandidate("near_miss"));
            }
            Scenario::Create => {
                self.monite(canonical(&name), primary, None, Outcome::NoCandidate("create"));
            }
            Scenario::AccountingOnly => {
                let address = if self.rng.chance(800) { Some(primary) } else { None };
                let display = name.display();
                self.accounting(display, address);
            }
        }
        scenario.sides()
    }

    /// Two accounting records named like `name`, created in random order; returns their ids in the
    /// order of the arguments.
    fn accounting_pair(&mut self, name: &Name, a: Option<Address>, b: Option<Address>) -> (String, String) {
        if self.rng.chance(500) {
            let ida = self.accounting_respelled(name, a);
            let idb = self.accounting_respelled(name, b);
            (ida, idb)
        } else {
            let idb = self.accounting_respelled(name, b);
            let ida = self.accounting_respelled(name, a);
            (ida, idb)
        }
    }

    fn accounting_respelled(&mut self, name: &Name, address: Option<Address>) -> String {
        let display = names::respell(&mut self.rng, name);
        self.accounting(display, address)
    }

    /// One accounting customer or vendor (SPEC §8 `accounting.counterparts`).
    fn accounting(&mut self, name: String, address: Option<Address>) -> String {
        let id = self.accounting_ids.pop().unwrap_or_else(|| (self.out.accounting.len() + 1_000_000_000).to_string());
        let kind = if self.rng.chance(550) { "customer" } else { "vendor" };
        let mut obj = Obj::new().s("id", id.clone()).s("name", name).s("kind", kind);
        if let Some(a) = address {
            let line2 = match a.line2 {
                Some(l) => Some(l),
                None if self.rng.chance(200) => Some(String::new()),
                None => None,
            };
            let addr = Obj::new()
                .s("country", a.country)
                .s("city", a.city)
                .s("line1", a.line1)
                .opt_s("line2", line2)
                .s("postal_code", a.postal_code)
                .build();
            obj = obj.v("address", addr);
        }
        self.out.accounting.push(obj.build());
        id
    }

    /// The name of a second Monite record of the same counterpart, written differently.
    fn monite_respelled(&mut self, name: &Name) -> MoniteName {
        match name {
            Name::Person { first, last } => {
                let last = if self.rng.chance(300) { last.to_uppercase() } else { last.clone() };
                MoniteName::Person(names::cosmetic(&mut self.rng, first), names::cosmetic(&mut self.rng, &last))
            }
            Name::Org { .. } => MoniteName::Org(names::respell(&mut self.rng, name)),
        }
    }

    /// One Monite counterpart with its addresses (`primary` is the one matching must use; `decoy`, if
    /// any, is a second address that would lead elsewhere).
    fn monite(&mut self, name: MoniteName, primary: Address, decoy: Option<Address>, outcome: Outcome) {
        let rng = &mut self.rng;
        let id = rng.uuid();
        let decoy = decoy.or_else(|| if rng.chance(200) { Some(primary.other_city(rng)) } else { None });
        // (addresses, index of the default billing address)
        let (addresses, default) = match decoy {
            None => {
                let default = if rng.chance(850) { Some(0) } else { None };
                (vec![primary.clone()], default)
            }
            Some(decoy) => match rng.below(3) {
                0 => (vec![decoy, primary.clone()], Some(1)),
                1 => (vec![primary.clone(), decoy], Some(0)),
                _ => (vec![primary.clone(), decoy], None),
            },
        };
        let address_ids: Vec<String> = addresses.iter().map(|_| rng.uuid()).collect();
        let created = dates::CONNECTION_CREATED - rng.range(30 * 86_400, 3 * 365 * 86_400);
        let updated = created + rng.range(0, 400 * 86_400);
        let lang = primary.lang();
        let is_customer = rng.chance(650);
        let is_vendor = !is_customer || rng.chance(300);

        let mut obj = Obj::new()
            .s("id", id.clone())
            .s("created_at", dates::datetime(created))
            .s("updated_at", dates::datetime(updated))
            .s("language", language_code(lang));
        let (display, is_person) = match &name {
            MoniteName::Org(legal_name) => {
                let mut org = Obj::new()
                    .s("legal_name", legal_name.clone())
                    .b("is_customer", is_customer)
                    .b("is_vendor", is_vendor)
                    .a("tags", Vec::new());
                if rng.chance(400) {
                    org = org.s(
                        "email",
                        format!("{}@{}.example", rng.word(&["billing", "accounts", "info", "ap"]), slug(legal_name)),
                    );
                }
                if rng.chance(300) {
                    org = org.s("phone", phone(rng, &primary.country));
                }
                obj = obj.s("type", "organization").v("organization", org.build());
                if rng.chance(400) {
                    obj = obj.s("tax_id", format!("{}{}", primary.country, rng.range(100_000_000, 999_999_999)));
                }
                (legal_name.clone(), false)
            }
            MoniteName::Person(first, last) => {
                let mut ind = Obj::new()
                    .s("first_name", first.clone())
                    .s("last_name", last.clone())
                    .b("is_customer", is_customer)
                    .b("is_vendor", is_vendor)
                    .a("tags", Vec::new());
                if rng.chance(400) {
                    ind = ind.s("email", format!("{}.{}@mail.example", slug(first), slug(last)));
                }
                if rng.chance(200) {
                    ind = ind.s("title", rng.word(&["Mr.", "Ms.", "Mrs.", "Dr."]));
                }
                obj = obj.s("type", "individual").v("individual", ind.build());
                (format!("{first} {last}"), true)
            }
        };
        if let Some(i) = default {
            if let Some(address_id) = address_ids.get(i) {
                obj = obj.s("default_billing_address_id", address_id.clone());
            }
            let shipping = if addresses.len() > 1 { 1 - i } else { i };
            if let Some(address_id) = address_ids.get(shipping) {
                obj = obj.s("default_shipping_address_id", address_id.clone());
            }
        }
        let address_values: Vec<Value> = addresses
            .into_iter()
            .zip(&address_ids)
            .map(|(a, address_id)| {
                Obj::new()
                    .s("id", address_id.clone())
                    .s("counterpart_id", id.clone())
                    .s("country", a.country)
                    .s("city", a.city)
                    .s("line1", a.line1)
                    .opt_s("line2", a.line2)
                    .s("postal_code", a.postal_code)
                    .opt_s("state", a.state)
                    .build()
            })
            .collect();
        obj = obj.a("addresses", address_values);
        self.out.monite.push(obj.build());

        let matched = Manifested::Counterpart(MatchStatus::Matched);
        let expected = Expected::new("counterparts", &id, "", matched);
        let expected = match outcome {
            Outcome::Matched(field, accounting_id) => Expected {
                case: match field {
                    DecidedBy::Country => "matched_by_country",
                    DecidedBy::City => "matched_by_city",
                    DecidedBy::Address => "matched_by_address",
                    DecidedBy::Name | DecidedBy::Link => "matched_by_name",
                },
                ..expected
            }
            .decided_by(field)
            .accounting(&accounting_id)
            .push(CounterpartAction::None),
            Outcome::NoCandidate(case) => {
                Expected { case, outcome: Manifested::Counterpart(MatchStatus::Unmatched), ..expected }
                    .codes(&[Code::NoCandidateWithThisName])
                    .push(CounterpartAction::Create)
            }
            Outcome::NoAgree(field) => {
                let code = match field {
                    DecidedBy::Country => Code::NoCandidateAgreesOnCountry,
                    DecidedBy::City => Code::NoCandidateAgreesOnCity,
                    _ => Code::NoCandidateAgreesOnAddress,
                };
                Expected { case: code.as_str(), outcome: Manifested::Counterpart(MatchStatus::Unmatched), ..expected }
                    .codes(&[code, Code::NameCollision])
                    .push(CounterpartAction::Blocked)
            }
            Outcome::Ambiguous => {
                Expected { case: "ambiguous", outcome: Manifested::Counterpart(MatchStatus::Ambiguous), ..expected }
                    .codes(&[Code::Ambiguous])
                    .push(CounterpartAction::Blocked)
            }
            Outcome::Duplicate => Expected {
                case: "duplicate_match",
                outcome: Manifested::Counterpart(MatchStatus::Ambiguous),
                ..expected
            }
            .codes(&[Code::DuplicateMatch])
            .push(CounterpartAction::Blocked),
        };
        let pushable = expected.push_action != Some(CounterpartAction::Blocked);
        self.manifest.add(expected);
        self.out.refs.push(CounterpartRef { id, name: display, is_person, address: primary, pushable });
    }
}

fn canonical(name: &Name) -> MoniteName {
    match name {
        Name::Person { first, last } => MoniteName::Person(first.clone(), last.clone()),
        Name::Org { .. } => MoniteName::Org(name.display()),
    }
}

pub(crate) fn language_code(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "de",
        Lang::Fr => "fr",
        Lang::Nl => "nl",
        Lang::En => "en",
        Lang::Es => "es",
        Lang::It => "it",
    }
}

/// Lower-case ASCII letters and digits of `s` (at most 24), for e-mail addresses.
fn slug(s: &str) -> String {
    let plain = names::strip_diacritics(s).replace('ß', "ss");
    let out: String =
        plain.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_lowercase()).take(24).collect();
    if out.is_empty() {
        "mail".to_owned()
    } else {
        out
    }
}

fn phone(rng: &mut Rng, country: &str) -> String {
    let prefix = match country {
        "DE" => "+49",
        "AT" => "+43",
        "CH" => "+41",
        "FR" => "+33",
        "BE" => "+32",
        "NL" => "+31",
        "GB" => "+44",
        "IE" => "+353",
        "US" => "+1",
        "ES" => "+34",
        _ => "+39",
    };
    format!("{prefix} {} {}", rng.range(20, 899), rng.range(100_000, 9_999_999))
}
