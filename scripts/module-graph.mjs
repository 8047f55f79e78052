#!/usr/bin/env node
// The module graph of the library crate (src/), from its `crate::…` and `super::…` paths: which module uses
// which, and every cycle. An equivalent of `cargo modules dependencies --no-externs` that needs no install
// (cargo-modules builds rust-analyzer from source, ~10 min here), run by the tests so a cycle fails CI.
//
//   node scripts/module-graph.mjs [--level 1|2] [--dot] [--check]
//
// --level 1 (default): top-level modules (`matching`, `push`, …); 2: one level deeper (`matching::products`).
// --check: exit 1 when there is a cycle. --dot: print Graphviz instead of a list.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { level: { type: 'string', default: '1' }, dot: { type: 'boolean' }, check: { type: 'boolean' } } });
const level = Number(values.level);
const src = fileURLToPath(new URL('../src/', import.meta.url));

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.rs') ? [path] : [];
  });
}

/** `src/matching/products.rs` → ['matching', 'products']; `mod.rs` and `lib.rs` name their folder. */
function modulePath(file) {
  const parts = relative(src, file).split(sep);
  const last = parts.pop().replace(/\.rs$/, '');
  if (last !== 'mod' && last !== 'lib') parts.push(last);
  return parts;
}

const key = (parts) => parts.slice(0, level).join('::') || 'crate';
const edges = new Map();
for (const file of files(src)) {
  const here = modulePath(file);
  // Test modules may reach anywhere; they are not part of the layering.
  // Comments name modules without using them.
  const text = readFileSync(file, 'utf8').split(/#\[cfg\(test\)\]\s*mod tests/)[0].replace(/\/\/.*$/gm, '');
  const from = key(here);
  const targets = new Set();
  for (const m of text.matchAll(/\bcrate::((?:[a-z_][a-z0-9_]*::)*[a-z_][a-z0-9_]*)/g)) targets.add(m[1].split('::'));
  for (const m of text.matchAll(/\bsuper::((?:[a-z_][a-z0-9_]*::)*[a-z_][a-z0-9_]*)/g)) {
    const base = file.endsWith(`${sep}mod.rs`) ? here.slice(0, -1) : here.slice(0, -1);
    targets.add([...base, ...m[1].split('::')]);
  }
  for (const parts of targets) {
    const to = key(parts);
    if (to === from || to === 'crate' || from === 'crate') continue;
    // A path into an item of a module (`crate::links::Links`) counts for the module at this level.
    if (!edges.has(from)) edges.set(from, new Set());
    edges.get(from).add(to);
  }
}
// Keep only nodes that are modules (a `crate::Foo` re-export at the root is not a module edge).
const nodes = new Set(files(src).map((f) => key(modulePath(f))));
for (const [from, tos] of edges) for (const to of [...tos]) if (!nodes.has(to)) tos.delete(to);

// Tarjan's strongly connected components: every component of more than one module is a cycle.
let index = 0;
const stack = [];
const meta = new Map();
const cycles = [];
function connect(v) {
  meta.set(v, { index, low: index, on: true });
  index++;
  stack.push(v);
  for (const w of edges.get(v) ?? []) {
    if (!meta.has(w)) {
      connect(w);
      meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low);
    } else if (meta.get(w).on) meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index);
  }
  if (meta.get(v).low === meta.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      meta.get(w).on = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) cycles.push(component.sort());
  }
}
for (const v of [...nodes].sort()) if (!meta.has(v)) connect(v);

if (values.dot) {
  process.stdout.write('digraph modules {\n');
  for (const [from, tos] of [...edges].sort()) for (const to of [...tos].sort()) process.stdout.write(`  "${from}" -> "${to}";\n`);
  process.stdout.write('}\n');
} else {
  for (const from of [...nodes].sort()) process.stdout.write(`${from} → ${[...(edges.get(from) ?? [])].sort().join(', ') || '(nothing)'}\n`);
  process.stdout.write(`${cycles.length} cycle${cycles.length === 1 ? '' : 's'}${cycles.map((c) => `\n  ${c.join(' ↔ ')}`).join('')}\n`);
}
if (values.check && cycles.length > 0) process.exit(1);
