// Seeded, deterministic PlanInput generator for the benchmark (SPEC §8 shapes).
//
// No Math.random: a xoshiro128** generator seeded through splitmix32, so the same seed and sizes give
// byte-identical JSON on every machine and every Node version.
//
//   import { generate } from './data.mjs';
//   const input = generate({ seed: 42, counterparts: 100_000, products: 50_000, bills: 10_000 });
//
// What is in it (rates are per Monite counterpart / product):
// - counterparts: ~90 % organizations (legal names with a legal form in one of several spellings), ~10 %
//   individuals; one address each (some with two and a default billing address).
//   ~70 % have an accounting record with the same strict key but written differently (case, legal-form
//   spelling, doubled or trailing spaces); ~8 % a near miss (typo, dropped or different legal form, words
//   swapped); ~3 % sit in same-name groups (2 Monite + 2 accounting decided by city/country, 1 Monite +
//   2 accounting, identical addresses → ambiguous); the rest have nothing. The accounting side is then
//   filled up to the same count with unrelated names and shuffled.
// - products: ~70 % of Monite products have an accounting product with the same name (case varies),
//   ~2 % collide (multiple_matches); the accounting side is filled with products to create.
// - bills: 1–5 lines with ledger_account_id (mostly known, some missing/unknown) and tax in basis points
//   (mostly a known rate, some ambiguous/unknown/missing); statuses mixed.
// - tax rates and ledger accounts: a small chart like a real QuickBooks/Xero company.

/** splitmix32 → xoshiro128**: returns an object with next() (uint32), float(), int(n), pick(a), chance(p). */
export function rng(seed) {
  let s = seed >>> 0;
  const sm = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = sm(), b = sm(), c = sm(), d = sm();
  const next = () => {
    const result = Math.imul(((Math.imul(b, 5) << 7) | (Math.imul(b, 5) >>> 25)) >>> 0, 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a; d ^= b; b ^= c; a ^= d; c ^= t;
    d = ((d << 11) | (d >>> 21)) >>> 0;
    a >>>= 0; b >>>= 0; c >>>= 0;
    return result;
  };
  const float = () => next() / 4294967296;
  const int = (n) => Math.floor(float() * n);
  return {
    next, float, int,
    pick: (arr) => arr[int(arr.length)],
    chance: (p) => float() < p,
    range: (lo, hi) => lo + int(hi - lo + 1),
  };
}

/** A UUID-shaped id from the generator (deterministic). */
function uuid(r) {
  const h = (n) => n.toString(16).padStart(8, '0');
  const x = h(r.next()) + h(r.next()) + h(r.next()) + h(r.next());
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-4${x.slice(13, 16)}-${'89ab'[r.int(4)]}${x.slice(17, 20)}-${x.slice(20, 32)}`;
}

function shuffle(r, arr) {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    const t = arr[i];
    arr[i] = arr[j];
    arr[j] = t;
  }
  return arr;
}

// ---------------------------------------------------------------------------------------------------
// Word lists

// Legal forms: spellings with the same strict key (SPEC §2 canonicalization), first = usual one.
const GMBH = ['GmbH', 'G.m.b.H.', 'GMBH', 'Gesellschaft mit beschränkter Haftung'];
const AG = ['AG', 'Aktiengesellschaft'];
const KG = ['KG', 'Kommanditgesellschaft'];
const EK = ['e.K.', 'E.K.'];
const LTD = ['Ltd', 'Ltd.', 'Limited', 'LTD'];
const PLC = ['PLC', 'plc', 'p.l.c.', 'Public Limited Company'];
const LLP = ['LLP', 'L.L.P.', 'Limited Liability Partnership'];
const INC = ['Inc.', 'Inc', 'Incorporated'];
const LLC = ['LLC', 'L.L.C.', 'Limited Liability Company'];
const CORP = ['Corp.', 'Corporation', 'Corp'];
const CO = ['Co.', 'Company'];
const SARL = ['SARL', 'S.A.R.L.', 'Société à responsabilité limitée'];
const SAS = ['SAS', 'S.A.S.', 'Société par actions simplifiée'];
const SA = ['S.A.', 'SA', 'Société anonyme'];
const BV = ['B.V.', 'BV', 'Besloten Vennootschap'];
const NV = ['N.V.', 'NV', 'Naamloze Vennootschap'];

const COUNTRIES = [
  {
    code: 'DE', weight: 30, forms: [[GMBH, 50], [AG, 8], [KG, 8], [EK, 6], [null, 28]],
    trades: ['Holzbau', 'Beratung', 'Steuerberatung', 'Immobilien', 'Druckerei', 'Kältetechnik', 'Logistik',
      'Maschinenbau', 'Elektrotechnik', 'Malerbetrieb', 'Dachdeckerei', 'Systeme', 'Handel', 'Software'],
    cities: [['Berlin', '10'], ['Hamburg', '20'], ['München', '80'], ['Köln', '50'], ['Frankfurt am Main', '60'],
      ['Stuttgart', '70'], ['Düsseldorf', '40'], ['Leipzig', '04'], ['Bremen', '28'], ['Dresden', '01']],
    streets: ['Hauptstraße', 'Dorfstraße', 'Bahnhofstraße', 'Gartenweg', 'Schillerstraße', 'Lindenallee',
      'Goethestraße', 'Am Markt', 'Industriestraße', 'Kirchplatz'],
    num: (r, st) => `${st} ${r.range(1, 180)}`, postal: (r, p) => `${p}${String(r.int(1000)).padStart(3, '0')}`,
    first: ['Andreas', 'Julia', 'Thomas', 'Sabine', 'Michael', 'Katrin', 'Stefan', 'Anna', 'Jörg', 'Petra'],
    last: ['Meyer', 'Schulz', 'Hofmann', 'Fuchs', 'Scholz', 'Wagner', 'Becker', 'Köhler', 'Hahn', 'Baumann'],
  },
  {
    code: 'GB', weight: 25, forms: [[LTD, 62], [PLC, 8], [LLP, 8], [null, 22]],
    trades: ['Consultants', 'Media', 'Packaging', 'Outfitters', 'Supplies', 'Capital', 'Solar', 'Health',
      'Engineering', 'Logistics', 'Interiors', 'Catering', 'Studios', 'Analytics'],
    cities: [['London', 'EC'], ['Manchester', 'M'], ['Birmingham', 'B'], ['Leeds', 'LS'], ['Bristol', 'BS'],
      ['Brighton', 'BN'], ['Cardiff', 'CF'], ['Edinburgh', 'EH'], ['Glasgow', 'G'], ['Oxford', 'OX']],
    streets: ['High Street', 'Park Avenue', 'Oak St', 'Station Road', 'Church Lane', 'Victoria Road',
      'Mill Lane', 'Kings Road', 'Queen Street', 'The Green'],
    num: (r, st) => `${r.range(1, 240)} ${st}`,
    postal: (r, p) => `${p}${r.range(1, 20)} ${r.int(10)}${'ABDEFGHJLNPQRSTUWXYZ'[r.int(20)]}${'ABDEFGHJLNPQRSTUWXYZ'[r.int(20)]}`,
    first: ['Oliver', 'Amelia', 'George', 'Isla', 'Harry', 'Emily', 'Jack', 'Sophie', 'Liam', 'Grace'],
    last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Walker', 'Parker', 'Nelson', 'Turner', 'Evans', 'Hughes'],
  },
  {
    code: 'US', weight: 20, forms: [[INC, 40], [LLC, 30], [CORP, 10], [CO, 5], [null, 15]],
    trades: ['Robotics', 'Holdings', 'Partners', 'Labs', 'Foods', 'Motors', 'Networks', 'Pharma',
      'Coffee Roasters', 'Industries', 'Apparel', 'Biotech', 'Freight', 'Realty'],
    cities: [['New York', '100'], ['Seattle', '981'], ['Austin', '787'], ['Chicago', '606'], ['Boston', '021'],
      ['Denver', '802'], ['San Francisco', '941'], ['Atlanta', '303'], ['Miami', '331'], ['Portland', '972']],
    streets: ['Market Road', 'Main Street', 'Broadway', 'Elm Street', 'Pine Ave', 'Washington Blvd',
      'Maple Drive', 'Lake Shore Dr', '5th Avenue', 'Sunset Blvd'],
    num: (r, st) => `${r.range(1, 9999)} ${st}`, postal: (r, p) => `${p}${String(r.int(100)).padStart(2, '0')}`,
    first: ['James', 'Mary', 'Robert', 'Linda', 'David', 'Jennifer', 'William', 'Sarah', 'Daniel', 'Karen'],
    last: ['Johnson', 'Miller', 'Davis', 'Garcia', 'Wilson', 'Anderson', 'Thomas', "O'Sullivan", 'Martin', 'Lee'],
  },
  {
    code: 'FR', weight: 13, forms: [[SARL, 40], [SAS, 30], [SA, 10], [null, 20]],
    trades: ['Conseil', 'Bâtiment', 'Transports', 'Informatique', 'Boulangerie', 'Énergie', 'Distribution',
      'Architecture', 'Imprimerie', 'Électricité'],
    cities: [['Paris', '75'], ['Lyon', '69'], ['Marseille', '13'], ['Toulouse', '31'], ['Nantes', '44'],
      ['Bordeaux', '33'], ['Lille', '59'], ['Strasbourg', '67']],
    streets: ['rue de la Paix', 'avenue Victor Hugo', 'rue du Moulin', 'boulevard Voltaire', 'place de la Gare',
      'rue des Lilas', 'chemin des Vignes'],
    num: (r, st) => `${r.range(1, 120)} ${st}`, postal: (r, p) => `${p}${String(r.int(1000)).padStart(3, '0')}`,
    first: ['Camille', 'Louis', 'Léa', 'Hugo', 'Chloé', 'Lucas', 'Manon', 'Jules'],
    last: ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Laurent', 'Girard', 'Roux'],
  },
  {
    code: 'NL', weight: 12, forms: [[BV, 60], [NV, 10], [null, 30]],
    trades: ['Automatisering', 'Bouw', 'Installatietechniek', 'Advies', 'Transport', 'Timmerwerken', 'Groothandel',
      'Vastgoed', 'Schoonmaak', 'Tuinen'],
    cities: [['Amsterdam', '10'], ['Rotterdam', '30'], ['Utrecht', '35'], ['Den Haag', '25'], ['Eindhoven', '56'],
      ['Groningen', '97'], ['Haarlem', '20']],
    streets: ['Kerkstraat', 'Dorpsstraat', 'Stationsweg', 'Molenweg', 'Prinsengracht', 'Julianalaan', 'Beukenlaan'],
    num: (r, st) => `${st} ${r.range(1, 200)}`,
    postal: (r, p) => `${p}${r.range(10, 99)} ${'ABCDEFGHJKLMNPRSTVWXZ'[r.int(21)]}${'ABCDEFGHJKLMNPRSTVWXZ'[r.int(21)]}`,
    first: ['Daan', 'Emma', 'Sem', 'Julia', 'Lucas', 'Mila', 'Finn', 'Tess'],
    last: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer'],
  },
];
const COUNTRY_WEIGHTS = COUNTRIES.map((c) => c.weight);

// Base-name parts: prefix × core → ~ 110 × 130 = 14 300 stems, × trade (10–14 per country) → > 150 k
// distinct bases per country. Names are handed out from a shuffled index space, so they never repeat.
const PREFIX = ['Royal', 'Iron', 'Golden', 'Silver', 'Polar', 'Maple', 'Cedar', 'Beacon', 'Anchor', 'True', 'Swift',
  'Quantum', 'Evergreen', 'Pacific', 'Atlantic', 'Northern', 'Southern', 'Eastern', 'Western', 'Crystal', 'Emerald',
  'Blue', 'Red', 'Green', 'Black', 'White', 'Bright', 'Clear', 'Grand', 'Prime', 'Summit', 'Harbor', 'River',
  'Lake', 'Ocean', 'Mountain', 'Valley', 'Forest', 'Meadow', 'Stone', 'Oak', 'Pine', 'Birch', 'Willow', 'Falcon',
  'Eagle', 'Hawk', 'Lion', 'Wolf', 'Bear', 'Fox', 'Otter', 'Heron', 'Raven', 'Sun', 'Moon', 'Star', 'Sky',
  'Cloud', 'Storm', 'Thunder', 'Lunar', 'Solar', 'Nova', 'Apex', 'Vertex', 'Zenith', 'Orbit', 'Vector',
  'Pioneer', 'Frontier', 'Heritage', 'Liberty', 'Unity', 'Alpine', 'Coastal', 'Urban', 'Rural', 'Metro',
  'Central', 'Global', 'Local', 'Modern', 'Classic', 'Noble', 'Loyal', 'Rapid', 'Steady', 'Bold', 'Brave',
  'Quiet', 'Gentle', 'Wild', 'Happy', 'Lucky', 'Smart', 'Wise', 'Keen', 'Sharp', 'Agile', 'Silent', 'Amber',
  'Copper', 'Cobalt', 'Indigo', 'Scarlet', 'Ivory', 'Onyx', 'Jade', 'Coral', 'Saffron'];
const CORE = [...new Set(['Wind', 'Nest', 'Field', 'Hill', 'Loop', 'Grid', 'Valley', 'Heron', 'Peak', 'Mill', 'Square',
  'Point', 'Bridge', 'Gate', 'Way', 'Path', 'Road', 'Lane', 'Park', 'Garden', 'Yard', 'Works', 'Forge', 'Craft',
  'Line', 'Link', 'Hub', 'Port', 'Dock', 'Bay', 'Cove', 'Shore', 'Ridge', 'Crest', 'Rock', 'Spring', 'Brook',
  'Creek', 'Ford', 'Wood', 'Grove', 'Leaf', 'Root', 'Seed', 'Bloom', 'Flame', 'Spark', 'Light', 'Beam', 'Wave',
  'Tide', 'Current', 'Stream', 'Flow', 'Pulse', 'Core', 'Edge', 'Arc', 'Circle', 'Frame', 'Shield', 'Crown',
  'Tower', 'Castle', 'Harbour', 'Haven', 'Keep', 'Hall', 'House', 'Home', 'Barn', 'Farm', 'Orchard', 'Vine',
  'Ember', 'Glow', 'Shine', 'Sight', 'Vision', 'Mind', 'Logic', 'Sense', 'Track', 'Trail', 'Quest', 'Venture',
  'Point', 'Scope', 'Sphere', 'Matrix', 'Signal', 'Vault', 'Anvil', 'Hammer', 'Compass', 'Lantern', 'Sail',
  'Mast', 'Keel', 'Rudder', 'Wing', 'Feather', 'Claw', 'Paw', 'Horn', 'Hoof', 'Mane', 'Tail', 'Stripe',
  'Dot', 'Block', 'Stack', 'Cube', 'Prism', 'Lens', 'Mirror', 'Glass', 'Steel', 'Iron', 'Brick', 'Clay',
  'Sand', 'Salt', 'Pepper', 'Mint', 'Sage', 'Thyme', 'Basil', 'Berry', 'Apple', 'Pear'])].filter((w) => !PREFIX.includes(w));

function drawCountry(r) {
  let x = r.int(100);
  for (const c of COUNTRIES) {
    if (x < c.weight) return c;
    x -= c.weight;
  }
  return COUNTRIES[0];
}

function drawForm(r, country) {
  let x = r.int(100);
  for (const [form, w] of country.forms) {
    if (x < w) return form;
    x -= w;
  }
  return null;
}

/** Hands out distinct base names: a permutation of the prefix × core × trade index space per country. */
class NameSpace {
  constructor(r) {
    this.r = r;
    this.cursor = new Map();
    this.perm = new Map();
  }
  next(country) {
    let perm = this.perm.get(country.code);
    if (!perm) {
      const n = PREFIX.length * CORE.length * country.trades.length;
      perm = new Uint32Array(n);
      for (let i = 0; i < n; i++) perm[i] = i;
      shuffle(this.r, perm);
      this.perm.set(country.code, perm);
      this.cursor.set(country.code, 0);
    }
    const at = this.cursor.get(country.code);
    if (at >= perm.length) throw new Error(`name space of ${country.code} exhausted`);
    this.cursor.set(country.code, at + 1);
    let i = perm[at];
    const t = i % country.trades.length;
    i = (i - t) / country.trades.length;
    const c = i % CORE.length;
    const p = (i - c) / CORE.length;
    // "Swift" + "Heron" sometimes written as one word, as real brand names are.
    const stem = (p + c) % 3 === 0 ? `${PREFIX[p]}${CORE[c].toLowerCase()}` : `${PREFIX[p]} ${CORE[c]}`;
    return `${stem} ${country.trades[t]}`;
  }
}

/** An organization name: base + legal form in a spelling. */
function orgName(base, form, spelling) {
  return form ? `${base} ${form[spelling % form.length]}` : base;
}

/** The same strict key, written differently: another legal-form spelling, case, extra spaces. */
function respell(r, base, form) {
  let name = orgName(base, form, form ? r.int(form.length) : 0);
  const how = r.int(6);
  if (how === 0) name = name.toUpperCase();
  else if (how === 1) name = name.toLowerCase();
  else if (how === 2) name = name.replace(' ', '  ');
  else if (how === 3) name = ` ${name} `;
  return name;
}

/** A near miss: changes the strict key, stays close on the loose key. */
function nearMiss(r, base, form, country) {
  const how = r.int(4);
  if (how === 0 && base.length > 6) {
    // drop one letter inside the base name (typo)
    const i = 2 + r.int(base.length - 4);
    if (base[i] !== ' ') return orgName(base.slice(0, i) + base.slice(i + 1), form, 0);
  }
  if (how === 1 && form) return base; // legal form missing
  if (how === 2) {
    const other = country.forms.map(([f]) => f).filter((f) => f && f !== form);
    if (other.length) return orgName(base, r.pick(other), 0); // a different legal form
  }
  const words = base.split(' ');
  if (words.length > 1) {
    const t = words[0];
    words[0] = words[1];
    words[1] = t;
    return orgName(words.join(' '), form, 0); // words reordered
  }
  return `${base}s`;
}

function address(r, country, city) {
  const [name, prefix] = city ?? r.pick(country.cities);
  const a = { country: country.code, city: name, line1: country.num(r, r.pick(country.streets)), postal_code: country.postal(r, prefix) };
  if (r.chance(0.1)) a.line2 = r.pick(['Unit 5', 'Suite 200', 'Floor 3', 'Building B', '2. OG', 'Bâtiment A']);
  return a;
}

/** An accounting copy of a Monite address: the same values, sometimes in another case. */
function copyAddress(r, a) {
  const b = { ...a };
  if (r.chance(0.1)) b.city = b.city.toUpperCase();
  return b;
}

// ---------------------------------------------------------------------------------------------------
// Counterparts

function moniteCounterpart(r, name, person, addrs) {
  const id = uuid(r);
  const roleCustomer = r.chance(0.5);
  const cp = { id, type: person ? 'individual' : 'organization' };
  if (person) {
    cp.individual = { first_name: person[0], last_name: person[1], is_customer: roleCustomer, is_vendor: !roleCustomer };
  } else {
    cp.organization = { legal_name: name, is_customer: roleCustomer, is_vendor: !roleCustomer };
  }
  // address ids only where a default_billing_address_id has to name one (keeps the text small)
  cp.addresses = addrs.length > 1 ? addrs.map((a) => ({ id: uuid(r), ...a })) : addrs;
  if (addrs.length > 1) cp.default_billing_address_id = cp.addresses[1].id;
  return cp;
}

function counterparts(r, n) {
  const space = new NameSpace(r);
  const monite = [];
  const accounting = [];
  const truth = { matched: 0, nearMiss: 0, grouped: 0 };
  let accId = 100;
  // `a` null: an accounting contact without an address (common in QuickBooks/Xero)
  const acc = (name, a) => {
    const rec = { id: String(accId++), name, kind: r.chance(0.5) ? 'customer' : 'vendor' };
    if (a) rec.address = a;
    accounting.push(rec);
  };
  const maybe = (a) => (r.chance(0.6) ? copyAddress(r, a) : null);

  while (monite.length < n) {
    const country = drawCountry(r);
    const x = r.float();
    const room = n - monite.length;
    if (x < 0.1) {
      // an individual: "First Last"; accounting "First Last" (matching) or "Last First" (near miss)
      const first = r.pick(country.first);
      const last = `${r.pick(country.last)}-${space.next(country).split(' ')[0]}`; // double-barrelled, distinct
      const a = address(r, country);
      monite.push(moniteCounterpart(r, null, [first, last], [a]));
      const y = r.float();
      if (y < 0.7) {
        acc(r.chance(0.2) ? `${first} ${last}`.toUpperCase() : `${first} ${last}`, maybe(a));
        truth.matched++;
      } else if (y < 0.8) {
        acc(`${last} ${first}`, maybe(a));
        truth.nearMiss++;
      }
      continue;
    }
    const base = space.next(country);
    const form = drawForm(r, country);
    const spelling = r.chance(0.85) ? 0 : r.int(form ? form.length : 1);
    const name = orgName(base, form, spelling);
    if (x < 0.115 && room >= 2) {
      // 2 Monite + 2 accounting with the same name, different cities: decided by city
      const [c1, c2] = shuffle(r, country.cities.slice()).slice(0, 2);
      const a1 = address(r, country, c1);
      const a2 = address(r, country, c2);
      monite.push(moniteCounterpart(r, name, null, [a1]));
      monite.push(moniteCounterpart(r, name, null, [a2]));
      acc(respell(r, base, form), copyAddress(r, a1));
      acc(respell(r, base, form), copyAddress(r, a2));
      truth.grouped += 2;
    } else if (x < 0.13) {
      // 1 Monite + 2 accounting, one in another country: decided by country
      const a = address(r, country);
      monite.push(moniteCounterpart(r, name, null, [a]));
      acc(respell(r, base, form), copyAddress(r, a));
      const other = COUNTRIES[(COUNTRIES.indexOf(country) + 1 + r.int(COUNTRIES.length - 1)) % COUNTRIES.length];
      acc(respell(r, base, form), address(r, other));
      truth.grouped++;
    } else if (x < 0.135) {
      // 1 Monite + 2 accounting at the same address: ambiguous
      const a = address(r, country);
      monite.push(moniteCounterpart(r, name, null, [a]));
      acc(respell(r, base, form), copyAddress(r, a));
      acc(respell(r, base, form), copyAddress(r, a));
      truth.grouped++;
    } else {
      // an ordinary organization, sometimes with a second (shipping) address
      const addrs = [address(r, country)];
      if (r.chance(0.08)) addrs.push(address(r, country));
      monite.push(moniteCounterpart(r, name, null, addrs));
      const billing = addrs[addrs.length - 1];
      const y = r.float();
      if (y < 0.72) {
        acc(respell(r, base, form), maybe(billing));
        truth.matched++;
      } else if (y < 0.82) {
        acc(nearMiss(r, base, form, country), maybe(billing));
        truth.nearMiss++;
      }
    }
  }
  // fill the accounting side with records nobody in Monite has
  while (accounting.length < n) {
    const country = drawCountry(r);
    acc(orgName(space.next(country), drawForm(r, country), 0), r.chance(0.6) ? address(r, country) : null);
  }
  accounting.length = n;
  shuffle(r, accounting);
  return { monite, accounting, truth };
}

// ---------------------------------------------------------------------------------------------------
// Products

const P_ADJ = ['Eco', 'Extra Strong', 'Premium', 'Basic', 'Deluxe', 'Compact', 'Heavy Duty', 'Organic', 'Classic',
  'Professional', 'Mini', 'Large', 'Recycled', 'Wireless', 'Ergonomic', 'Portable', 'Industrial', 'Smart',
  'Stainless', 'Waterproof'];
const P_ITEM = [['Printer Paper A4', 'product'], ['Shipping Box', 'product'], ['Mineral Water', 'product'],
  ['Office Chair', 'product'], ['Desk Lamp', 'product'], ['USB-C Cable', 'product'], ['Coffee Beans', 'product'],
  ['Toner Cartridge', 'product'], ['Safety Gloves', 'product'], ['Notebook', 'product'], ['Monitor Stand', 'product'],
  ['Label Roll', 'product'], ['Cleaning Spray', 'product'], ['Packing Tape', 'product'], ['Whiteboard', 'product'],
  ['Hosting Plan', 'service'], ['Consulting Hour', 'service'], ['Maintenance Visit', 'service'],
  ['Design Workshop', 'service'], ['Support Contract', 'service'], ['Training Session', 'service'],
  ['Delivery Fee', 'service'], ['Installation', 'service'], ['Audit', 'service']];
const P_SIZE = ['', ' 5 kg', ' 1 l', ' 500 g', ' XL', ' S', ' M', ' Pack of 10', ' Pack of 50', ' 2 m', ' Monthly',
  ' Annual', ' Standard', ' Plus'];
const CURRENCIES = ['EUR', 'EUR', 'EUR', 'GBP', 'USD'];

function products(r, n, ledgerIds) {
  // distinct names: adjective × item × size from a shuffled space, plus a catalogue code when it runs out
  const space = P_ADJ.length * P_ITEM.length * P_SIZE.length;
  const perm = shuffle(r, Uint32Array.from({ length: space }, (_, i) => i));
  let used = 0;
  const nextName = () => {
    const k = used++;
    let i = perm[k % space];
    const s = i % P_SIZE.length;
    i = (i - s) / P_SIZE.length;
    const it = i % P_ITEM.length;
    const a = (i - it) / P_ITEM.length;
    // past the first round, a catalogue code keeps names distinct: "Eco Shipping Box 5 kg K-1003"
    const round = Math.floor(k / space);
    const code = round > 0 ? ` ${'ABCDEFGHKLMNPRSTUVWXYZ'[round % 22]}-${1000 + Math.floor(round / 22)}` : '';
    return [`${P_ADJ[a]} ${P_ITEM[it][0]}${P_SIZE[s]}${code}`, P_ITEM[it][1]];
  };
  const monite = [];
  const accounting = [];
  let accId = 1000;
  const price = () => ({ currency: r.pick(CURRENCIES), value: r.range(50, 250000) });
  const accProduct = (name, type) => {
    const p = { id: String(accId++), name, price: price(), type };
    if (r.chance(0.5)) p.ledger_account_id = r.pick(ledgerIds);
    accounting.push(p);
  };
  while (monite.length < n) {
    const [name, type] = nextName();
    const m = { id: uuid(r), name, type, price: price() };
    if (r.chance(0.3)) m.ledger_account_id = r.pick(ledgerIds);
    monite.push(m);
    const x = r.float();
    if (x < 0.68) accProduct(r.chance(0.15) ? name.toUpperCase() : name, type);
    else if (x < 0.70) {
      // collision: two accounting products with this name → multiple_matches
      accProduct(name, type);
      accProduct(name.toLowerCase(), type);
    }
  }
  while (accounting.length < n) {
    const [name, type] = nextName();
    accProduct(name, type);
  }
  accounting.length = n;
  shuffle(r, accounting);
  return { monite, accounting };
}

// ---------------------------------------------------------------------------------------------------
// Chart: ledger accounts, tax rates, settings, connection

const LEDGER = [
  ['Sales', '4000', 'Income'], ['Services', '4010', 'Income'], ['Consulting Income', '4020', 'Income'],
  ['Other Income', '4900', 'Income'], ['Cost of Goods Sold', '5000', 'Cost of Goods Sold'],
  ['Office Supplies', '6100', 'Expense'], ['Rent', '6200', 'Expense'], ['Utilities', '6300', 'Expense'],
  ['Travel', '6400', 'Expense'], ['Meals', '6410', 'Expense'], ['Software Subscriptions', '6500', 'Expense'],
  ['Hosting', '6510', 'Expense'], ['Professional Fees', '6600', 'Expense'], ['Marketing', '6700', 'Expense'],
  ['Insurance', '6800', 'Expense'], ['Repairs and Maintenance', '6900', 'Expense'], ['Shipping', '7000', 'Expense'],
  ['Bank Charges', '7100', 'Expense'], ['Training', '7200', 'Expense'], ['Equipment', '1500', 'Fixed Asset'],
  ['Business Checking', '1000', 'Bank'], ['Savings', '1010', 'Bank'], ['Accounts Payable', '2000', 'Accounts Payable'],
  ['Accounts Receivable', '1200', 'Accounts Receivable'], ['VAT Payable', '2200', 'Other Current Liability'],
];
const TAX = [
  ['DE19', '19% USt.', 1900], ['DE7', '7% USt.', 700], ['UK20S', '20.0% S', 2000], ['UK5R', '5.0% R', 500],
  ['UK0Z', '0.0% Z', 0], ['FR20', 'TVA 20 %', 2000], ['FR10', 'TVA 10 %', 1000], ['FR55', 'TVA 5,5 %', 550],
  ['NL21', 'BTW 21%', 2100], ['NL9', 'BTW 9%', 900], ['US0', 'Out of scope', 0], ['IE23', 'VAT 23%', 2300],
];

function chart(r) {
  const ledger_accounts = LEDGER.map(([name, code, type]) => ({
    id: uuid(r), name, nominal_code: code, type, status: 'active', currency: 'EUR',
    current_balance: r.range(0, 5_000_000), is_bank_account: type === 'Bank',
  }));
  const tax_rates = TAX.map(([code, name, rate]) => ({
    id: uuid(r), code, name, status: 'active', effective_tax_rate: rate, total_tax_rate: rate,
    components: [{ name, rate, is_compound: false }],
  }));
  return { ledger_accounts, tax_rates };
}

// ---------------------------------------------------------------------------------------------------
// Bills

const BILL_STATUSES = ['issued', 'issued', 'issued', 'issued', 'waiting_to_be_paid', 'paid', 'approve_in_progress',
  'draft', 'canceled', 'new'];
const TAX_VALUES = [1900, 700, 500, 2100, 900, 2300, 1000, 550, 1900, 700, 2000, 0]; // 2000 and 0 are ambiguous

function isoDate(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

function day(ms) {
  return new Date(ms).toISOString().slice(0, 19) + '+00:00';
}

/** One payable with `lines` line items (SPEC §8: PayableResponseSchema + line_items). */
export function bill(r, { counterpartId, expenseIds, lines, entityId, connectionMs }) {
  const id = uuid(r);
  const issued = connectionMs + r.range(-20, 400) * 86_400_000;
  const currency = r.pick(CURRENCIES);
  const items = [];
  let subtotal = 0;
  let tax = 0;
  for (let i = 0; i < lines; i++) {
    const qty = r.chance(0.7) ? r.range(1, 20) : r.range(1, 400) / 4;
    const unit = r.range(100, 50_000);
    const sub = Math.round(qty * unit);
    const line = { id: uuid(r), name: `${r.pick(P_ADJ)} ${r.pick(P_ITEM)[0]}`, quantity: qty, unit_price: unit, subtotal: sub };
    const lx = r.float();
    if (lx < 0.93) line.ledger_account_id = r.pick(expenseIds);
    else if (lx < 0.97) line.ledger_account_id = uuid(r); // unknown
    // else: missing
    const tx = r.float();
    if (tx < 0.97) {
      const rate = tx < 0.95 ? r.pick(TAX_VALUES) : 1234; // 1234: no such rate
      line.tax = rate;
      line.tax_amount = Math.round((sub * rate) / 10000);
    }
    line.total = sub + (line.tax_amount ?? 0);
    subtotal += sub;
    tax += line.tax_amount ?? 0;
    items.push(line);
  }
  return {
    id, counterpart_id: counterpartId, status: r.pick(BILL_STATUSES), currency,
    document_id: `RE-${new Date(issued).getUTCFullYear()}-${r.range(10000, 99999)}`,
    issued_at: isoDate(issued), due_date: isoDate(issued + 30 * 86_400_000),
    created_at: day(issued + r.range(0, 5) * 86_400_000),
    subtotal, tax_amount: tax, total_amount: subtotal + tax,
    line_items: items,
  };
}

// ---------------------------------------------------------------------------------------------------

/**
 * A PlanInput. `counterparts` per side, `products` per side, `bills` payables with 1–5 lines.
 * Returns `{ input, context, stats }`: `context` is a BillContext for validateBill (ledger accounts,
 * tax rates, settings, policy, connection) and `expenseIds` for building more bills.
 */
export function generate({ seed = 42, counterparts: nc = 100_000, products: np = 50_000, bills: nb = 10_000 } = {}) {
  const r = rng(seed);
  const { ledger_accounts, tax_rates } = chart(r);
  const expenseIds = ledger_accounts.filter((a) => a.type === 'Expense' || a.type === 'Cost of Goods Sold').map((a) => a.id);
  const incomeIds = ledger_accounts.filter((a) => a.type === 'Income').map((a) => a.id);
  const entityId = uuid(r);
  const connectionMs = Date.UTC(2024, 5, 8, 19, 52, 22);
  const connection = {
    id: uuid(r), platform: 'quickbooks', status: 'connected', errors: [],
    created_at: day(connectionMs), updated_at: day(connectionMs + 3_600_000), last_pull: day(connectionMs + 3 * 86_400_000),
  };
  const settings = {
    accounting: {
      ledger_account_ids: { products: incomeIds[0], payments: ledger_accounts.find((a) => a.type === 'Bank').id },
      tax_ids: { deductions: tax_rates[0].id },
    },
  };
  const policy = { pushable_bill_statuses: ['issued', 'waiting_to_be_paid'] };

  const cps = counterparts(r, nc);
  const prods = products(r, np, incomeIds);
  const payables = [];
  for (let i = 0; i < nb; i++) {
    const cp = cps.monite[r.int(cps.monite.length)];
    payables.push(bill(r, { counterpartId: cp.id, expenseIds, lines: r.range(1, 5), entityId, connectionMs }));
  }

  const input = {
    monite: { counterparts: cps.monite, products: prods.monite, payables, settings, connection },
    accounting: { counterparts: cps.accounting, products: prods.accounting, tax_rates, ledger_accounts },
    policy,
  };
  const context = { ledger_accounts, tax_rates, settings, policy, connection };
  return { input, context, expenseIds, entityId, connectionMs, truth: cps.truth };
}
