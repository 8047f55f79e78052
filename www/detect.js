// Recognizes pasted or uploaded JSON and assembles a PlanInput from it: a whole PlanInput (SPEC §8), raw
// QuickBooks Online bodies ({ QueryResponse: { Customer: [...] } }), raw Xero bodies ({ Contacts: [...] }),
// or Monite list answers ({ data: [...] }, or a bare array). Pieces replace the matching collections of a
// base PlanInput (the bundled sample); a whole PlanInput is its own base. Pure: the worker passes in the
// package's fromQuickBooks / fromXero.

const QBO_KEYS = { Customer: 'customers', Vendor: 'vendors', Item: 'items', Account: 'accounts', TaxRate: 'tax_rates' };
const XERO_KEYS = { Contacts: 'contacts', Items: 'items', Accounts: 'accounts', TaxRates: 'tax_rates' };
const RAW_WRAPPER_KEYS = new Set(['customers', 'vendors', 'contacts', 'items', 'accounts', 'tax_rates', 'currency']);

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Which Monite (or accounting) collection a list of API records belongs to, by the fields they carry. */
function collectionOf(records) {
  const r = records.find(isObject);
  if (!r) return undefined;
  if ('organization' in r || 'individual' in r) return ['monite', 'counterparts'];
  if (r.type === 'invoice' || r.type === 'credit_note' || r.type === 'quote') return ['monite', 'receivables'];
  if (isObject(r.object) && 'paid_at' in r) return ['monite', 'payment_records'];
  if ('payable_origin' in r || 'amount_to_pay' in r || ('line_items' in r && 'issued_at' in r)) return ['monite', 'payables'];
  if ('effective_tax_rate' in r) return ['accounting', 'tax_rates'];
  if ('nominal_code' in r || 'is_bank_account' in r) return ['accounting', 'ledger_accounts'];
  if ('kind' in r && 'name' in r) return ['accounting', 'counterparts'];
  if ('name' in r && ('measure_unit_id' in r || 'smallest_amount' in r || 'entity_id' in r)) return ['monite', 'products'];
  if ('name' in r) return ['accounting', 'products'];
  return undefined;
}

/** One parsed JSON value → its pieces; throws naming the file when nothing fits. */
export function detect(value, name = 'input') {
  if (Array.isArray(value)) {
    const target = collectionOf(value);
    if (target) return [{ kind: 'records', side: target[0], collection: target[1], records: value, name }];
  } else if (isObject(value)) {
    if (isObject(value.monite) || isObject(value.accounting)) return [{ kind: 'plan', input: value, name }];
    if (isObject(value.quickbooks_online)) return [{ kind: 'quickbooks', raw: value.quickbooks_online, name }];
    if (isObject(value.xero)) return [{ kind: 'xero', raw: value.xero, name }];
    if (isObject(value.QueryResponse)) {
      const raw = {};
      for (const [key, field] of Object.entries(QBO_KEYS)) if (Array.isArray(value.QueryResponse[key])) raw[field] = value;
      if (Object.keys(raw).length) return [{ kind: 'quickbooks', raw, name }];
    }
    const xero = {};
    for (const [key, field] of Object.entries(XERO_KEYS)) if (Array.isArray(value[key])) xero[field] = value;
    if (Object.keys(xero).length) return [{ kind: 'xero', raw: xero, name }];
    const keys = Object.keys(value);
    if (keys.length && keys.every((k) => RAW_WRAPPER_KEYS.has(k))) {
      const bodies = Object.values(value).filter(isObject);
      const qbo = 'customers' in value || 'vendors' in value || bodies.some((b) => isObject(b.QueryResponse));
      return [{ kind: qbo ? 'quickbooks' : 'xero', raw: value, name }];
    }
    if (Array.isArray(value.data)) {
      const target = collectionOf(value.data);
      if (target) return [{ kind: 'records', side: target[0], collection: target[1], records: value.data, name }];
    }
  }
  throw new Error(
    `${name}: not recognized — expected a PlanInput ({ "monite", "accounting" }), raw QuickBooks bodies ({ "QueryResponse": … }), raw Xero bodies ({ "Contacts": … }) or a Monite list ({ "data": [...] })`,
  );
}

/**
 * Assembles the pieces of every value into one PlanInput. `base()` gives the bundled sample (only called
 * when no whole PlanInput was given). Returns the input and a line per piece saying what it replaced.
 */
export async function combine(values, { base, fromQuickBooks, fromXero }) {
  const pieces = values.flatMap(({ value, name }) => detect(value, name));
  const whole = pieces.filter((p) => p.kind === 'plan');
  if (whole.length > 1) throw new Error(`several whole PlanInputs given (${whole.map((p) => p.name).join(', ')}); give one`);
  const notes = [];
  let input;
  if (whole.length) {
    input = structuredClone(whole[0].input);
    notes.push(`${whole[0].name}: a PlanInput`);
  } else {
    input = await base();
    notes.push('base: the bundled sample');
  }
  input.monite ??= {};
  input.accounting ??= {};
  const raws = { quickbooks: {}, xero: {} };
  const rawNames = { quickbooks: [], xero: [] };
  for (const piece of pieces) {
    if (piece.kind === 'records') {
      input[piece.side][piece.collection] = piece.records;
      notes.push(`${piece.name}: ${piece.records.length} ${piece.side} ${piece.collection.replace('_', ' ')}`);
    } else if (piece.kind === 'quickbooks' || piece.kind === 'xero') {
      Object.assign(raws[piece.kind], piece.raw);
      rawNames[piece.kind].push(piece.name);
    }
  }
  for (const kind of ['quickbooks', 'xero']) {
    const raw = raws[kind];
    if (!Object.keys(raw).length) continue;
    // Without `currency`, fromQuickBooks takes the company currency from the first customer or vendor
    // `CurrencyRef` itself (the rule lives in the engine, not here).
    const snapshot = kind === 'quickbooks' ? fromQuickBooks(raw) : fromXero(raw);
    const label = kind === 'quickbooks' ? 'QuickBooks Online' : 'Xero';
    const replaced = [];
    for (const key of ['counterparts', 'products', 'tax_rates', 'ledger_accounts']) {
      if (snapshot[key].length) {
        input.accounting[key] = snapshot[key];
        replaced.push(`${snapshot[key].length} ${key.replace('_', ' ')}`);
      }
    }
    notes.push(`${rawNames[kind].join(', ')}: raw ${label} bodies → ${kind === 'quickbooks' ? 'fromQuickBooks' : 'fromXero'}: ${replaced.join(', ') || 'nothing'}`);
  }
  return { input, notes };
}
