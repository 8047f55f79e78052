// The second baseline of the benchmark: a straightforward pure-JS name-index matcher, the code one would
// write without the engine. Key = lower case + trim + collapse white space (no Unicode folding, no
// legal-form canonicalization, no address cascade, no suggestions, no push checks), a Map from key to
// the accounting records, then: exactly one record on each side → matched; the key present on both sides
// with more than one record on either → ambiguous; otherwise unmatched (products: accounting-only → create).
//
// It answers "how fast is a naive name match in plain JS on the same object", not "what does the plan
// compute": the plan does much more per record.

const SPACES = /\s+/g;

/** lower-case + trim + collapse spaces */
export function naiveKey(name) {
  return String(name ?? '').toLowerCase().trim().replace(SPACES, ' ');
}

function moniteName(cp) {
  if (cp.organization) return cp.organization.legal_name;
  if (cp.individual) return `${cp.individual.first_name ?? ''} ${cp.individual.last_name ?? ''}`;
  return '';
}

function index(records, nameOf) {
  const map = new Map();
  for (const rec of records) {
    const key = naiveKey(nameOf(rec));
    const list = map.get(key);
    if (list) list.push(rec);
    else map.set(key, [rec]);
  }
  return map;
}

/** Counterparts: Monite → accounting by naive name key. Returns the matches and counts. */
export function matchCounterparts(monite, accounting) {
  const byKey = index(accounting, (a) => a.name);
  const moniteByKey = index(monite, moniteName);
  const matches = [];
  const counts = { total: monite.length, matched: 0, ambiguous: 0, unmatched: 0 };
  for (const [key, ms] of moniteByKey) {
    const as = byKey.get(key);
    if (!as) {
      counts.unmatched += ms.length;
      for (const m of ms) matches.push({ monite_id: m.id, status: 'unmatched', accounting_id: null });
    } else if (ms.length === 1 && as.length === 1) {
      counts.matched++;
      matches.push({ monite_id: ms[0].id, status: 'matched', accounting_id: as[0].id });
    } else {
      counts.ambiguous += ms.length;
      for (const m of ms) matches.push({ monite_id: m.id, status: 'ambiguous', accounting_id: null, candidates: as.map((a) => a.id) });
    }
  }
  return { matches, counts };
}

/** Products: same naive key; 1:1 → match, accounting-only single → create, other groups with both → error. */
export function matchProducts(monite, accounting) {
  const byKey = index(accounting, (a) => a.name);
  const moniteByKey = index(monite, (m) => m.name);
  const results = [];
  const counts = { match: 0, create: 0, none: 0, multiple_matches: 0 };
  for (const [key, ms] of moniteByKey) {
    const as = byKey.get(key);
    if (!as) {
      counts.none += ms.length;
      for (const m of ms) results.push({ action: 'none', monite_id: m.id, accounting_id: null });
    } else if (ms.length === 1 && as.length === 1) {
      counts.match++;
      results.push({ action: 'match', monite_id: ms[0].id, accounting_id: as[0].id });
    } else {
      counts.multiple_matches++;
      results.push({ action: 'none', error: 'multiple_matches', monite_ids: ms.map((m) => m.id), accounting_ids: as.map((a) => a.id) });
    }
  }
  for (const [key, as] of byKey) {
    if (moniteByKey.has(key)) continue;
    if (as.length === 1) {
      counts.create++;
      results.push({ action: 'create', monite_id: null, accounting_id: as[0].id });
    } else {
      counts.multiple_matches++;
      results.push({ action: 'none', error: 'multiple_matches', monite_ids: [], accounting_ids: as.map((a) => a.id) });
    }
  }
  return { results, counts };
}

/** The baseline over a PlanInput object: counterparts and products. */
export function naivePlan(input) {
  const m = input.monite ?? {};
  const a = input.accounting ?? {};
  return {
    counterparts: matchCounterparts(m.counterparts ?? [], a.counterparts ?? []),
    products: matchProducts(m.products ?? [], a.products ?? []),
  };
}
