// Previews many entities at once: a nightly job that plans every entity of a platform, spread over
// worker threads by piscina (a maintained pool from npm). Usage as a library:
//
//   import { createPlanner } from './plan-entities.mjs';
//   const planner = createPlanner({ threads: 2 });
//   const plans = await planner.planAll([{ id: 'entity-1', input }, …]);   // [{ id, plan }], input order
//   await planner.close();
//
// or from the shell, one JSON PlanInput file per entity:  node plan-entities.mjs [--threads N] a.json b.json …
// (prints one line per entity: its id and the plan's summary counts).
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';

/** A pool of `threads` workers (default: one per core) that plan entities. */
export function createPlanner({ threads = availableParallelism() } = {}) {
  const pool = new Piscina({ filename: new URL('./worker.mjs', import.meta.url).href, minThreads: threads, maxThreads: threads });
  return {
    /** Plans one entity: `input` is a PlanInput or its JSON text. Resolves to { id, threadId, plan } (plan as JSON text). */
    planText(id, input) {
      return pool.run({ id, input: typeof input === 'string' ? input : JSON.stringify(input) });
    },
    /** Plans every entity in parallel; resolves to [{ id, plan }] in input order (plan parsed). */
    async planAll(entities) {
      const done = await Promise.all(entities.map(({ id, input }) => this.planText(id, input)));
      return done.map(({ id, plan }) => ({ id, plan: JSON.parse(plan) }));
    },
    /** Ends the worker threads. */
    close: () => pool.destroy(),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--threads');
  const threads = at >= 0 ? Number(args.splice(at, 2)[1]) : undefined;
  const entities = args.map((file) => ({ id: basename(file, '.json'), input: readFileSync(file, 'utf8') }));
  const planner = createPlanner({ threads });
  try {
    for (const { id, plan } of await planner.planAll(entities)) {
      const { counterparts } = plan.summary.pull;
      console.log(`${id}: ${counterparts.matched}/${counterparts.total} counterparts matched, ${plan.summary.errors} errors`);
    }
  } finally {
    await planner.close();
  }
}
