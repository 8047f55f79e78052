// The pool's task: one entity's PlanInput as JSON text in, its SyncPlan as JSON text out. Each worker
// thread imports the package once (Node reads and compiles the .wasm at import) and plans many entities
// with that one instance: the engine keeps no state between calls, so the order and the thread do not
// change any result. Text, not objects, crosses the thread boundary: a string copies faster than a
// structured clone of a large plan, and planSyncJson skips JSON.stringify/JSON.parse in the worker.
import { threadId } from 'node:worker_threads';
import { planSyncJson } from 'ledgerbridge';

/** @param {{ id: string, input: string }} task */
export default function plan({ id, input }) {
  return { id, threadId, plan: planSyncJson(input) };
}
