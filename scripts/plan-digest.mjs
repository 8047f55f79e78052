#!/usr/bin/env node
// Digests and compares sync plans, to prove that a change kept the plan byte for byte (or field for field
// apart from named, newly added fields).
//
//   node scripts/plan-digest.mjs plan.json [--strip PATTERN ...]          sha256 of the plan (raw bytes, and
//                                                                       canonical JSON without the stripped fields)
//   node scripts/plan-digest.mjs --compare a.json b.json [--strip PATTERN ...]
//                                                                       equal, or the first path that differs
//
// A PATTERN names fields by path: `pull.products[].decided_by`, `push.*[].synced` (`*` any key, `[]` every
// element). Stripped fields are removed from both sides before comparing.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { strip: { type: 'string', multiple: true, default: [] }, compare: { type: 'boolean', default: false } },
});

/** `a.b[].c` → ['a', 'b', '[]', 'c']. */
function parsePattern(pattern) {
  return pattern.split('.').flatMap((part) => {
    const out = [];
    let rest = part;
    while (rest.endsWith('[]')) {
      out.unshift('[]');
      rest = rest.slice(0, -2);
    }
    return rest ? [rest, ...out] : out;
  });
}

function strip(value, steps) {
  if (value === null || typeof value !== 'object' || steps.length === 0) return;
  const [step, ...rest] = steps;
  if (step === '[]') {
    if (Array.isArray(value)) for (const item of value) strip(item, rest);
    return;
  }
  const keys = step === '*' ? Object.keys(value) : [step];
  for (const key of keys) {
    if (!(key in value)) continue;
    if (rest.length === 0) delete value[key];
    else strip(value[key], rest);
  }
}

/** JSON with object keys sorted, so that key order never decides equality. */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function load(file) {
  const text = readFileSync(file === '-' ? 0 : file, 'utf8');
  const value = JSON.parse(text);
  for (const pattern of values.strip) strip(value, parsePattern(pattern));
  return { text, value };
}

const sha = (text) => createHash('sha256').update(text).digest('hex');

/** The first path where `a` and `b` differ, or null. */
function firstDifference(a, b, path = '') {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null)) return path || '(root)';
  if (Array.isArray(a)) {
    if (a.length !== b.length) return `${path} (length ${a.length} vs ${b.length})`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (a !== null && typeof a === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of [...keys].sort()) {
      if (!(key in a) || !(key in b)) return `${path}.${key} (only in ${key in a ? 'the first' : 'the second'})`;
      const d = firstDifference(a[key], b[key], `${path}.${key}`);
      if (d) return d;
    }
    return null;
  }
  return a === b ? null : `${path} (${JSON.stringify(a)} vs ${JSON.stringify(b)})`;
}

if (values.compare) {
  if (positionals.length !== 2) throw new Error('--compare needs two plan files');
  const [a, b] = positionals.map(load);
  const diff = firstDifference(a.value, b.value);
  if (diff) {
    process.stdout.write(`differ at ${diff}\n`);
    process.exit(1);
  }
  process.stdout.write(`equal (canonical sha256 ${sha(canonical(a.value))})\n`);
} else {
  if (positionals.length !== 1) throw new Error('expected one plan file (or -)');
  const { text, value } = load(positionals[0]);
  process.stdout.write(`raw ${sha(text.trimEnd())}\ncanonical ${sha(canonical(value))}\n`);
}
