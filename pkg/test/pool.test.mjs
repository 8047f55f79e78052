// Many entities at once (pkg/examples/pool): N generated entities planned in parallel worker_threads by a
// piscina pool give, byte for byte, the plans of the serial run in this thread. And the engine keeps no
// global state between calls: one instance that plans the entities in another order, or one entity again
// after all the others, returns the same text, and so does a pool worker that planned several entities.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { planSyncJson } from 'ledgerbridge';

import { createPlanner } from '../examples/pool/plan-entities.mjs';
import { generateText, noGenerator } from './helpers.mjs';

const N = 12;
let entities; // [{ id, input }] with input as JSON text
let serial; // id → plan text, planned in order in this thread

before(() => {
  if (noGenerator) return;
  // Entities of different sizes and contents: seed and counterpart count vary.
  entities = Array.from({ length: N }, (_, i) => ({
    id: `entity-${i}`,
    input: generateText(['--seed', String(100 + i), '--counterparts', String(40 + 37 * i)]),
  }));
  serial = new Map(entities.map(({ id, input }) => [id, planSyncJson(input)]));
});

describe('a worker pool plans many entities', { skip: noGenerator }, () => {
  let planner;
  after(() => planner?.close());

  test('the entities differ (the comparison is not vacuous)', () => {
    assert.equal(new Set(serial.values()).size, N);
    for (const plan of serial.values()) assert.ok(JSON.parse(plan).pull.counterparts.length > 0);
  });

  test('2 worker threads, all entities at once: identical to the serial run, each worker planned several', async () => {
    planner = createPlanner({ threads: 2 });
    const done = await Promise.all(entities.map(({ id, input }) => planner.planText(id, input)));
    const byThread = new Map();
    for (const { id, threadId, plan } of done) {
      assert.equal(plan, serial.get(id), `${id} differs from the serial plan`);
      byThread.set(threadId, (byThread.get(threadId) ?? 0) + 1);
    }
    assert.equal(byThread.size, 2, `both workers took tasks: ${JSON.stringify([...byThread])}`);
    assert.ok([...byThread.values()].every((n) => n >= 2), 'each worker instance was reused across entities');
    // planAll keeps the input order and parses.
    const all = await planner.planAll(entities.slice(0, 3));
    assert.deepEqual(all.map((r) => r.id), ['entity-0', 'entity-1', 'entity-2']);
    assert.deepEqual(all[2].plan, JSON.parse(serial.get('entity-2')));
  });

  test('no state between calls: reverse order, repeats and a run after all others give the same text', async () => {
    // In this thread (the instance that made `serial`): reverse order, then the first entity again.
    for (const { id, input } of [...entities].reverse()) assert.equal(planSyncJson(input), serial.get(id), id);
    assert.equal(planSyncJson(entities[0].input), serial.get('entity-0'));
    // One worker, one instance, entities in an interleaved order with repeats.
    const single = createPlanner({ threads: 1 });
    try {
      const order = [5, 0, 11, 5, 3, 0, 8, 11];
      for (const i of order) {
        const { plan } = await single.planText(`entity-${i}`, entities[i].input);
        assert.equal(plan, serial.get(`entity-${i}`), `entity-${i} in a reused worker`);
      }
    } finally {
      await single.close();
    }
  });
});
