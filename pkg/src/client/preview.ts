/**
 * `previewSync`: everything the plan needs, loaded over HTTP, planned by the engine. The engine's
 * `planSync` is passed in, so that this module never loads the WebAssembly itself (the Node and
 * browser entry points each pass the one they have initialized).
 * @module
 */
import type { PlanInput, SyncPlan } from '../generated/types.js';
import { loadPlanInput, type LoadPlanInputOptions, type LoaderContext } from './loaders.js';

/** The engine's `planSync`. */
export type PlanSync = (input: PlanInput) => SyncPlan;

/** `planSync(await loadPlanInput(options))`. */
export async function previewSync(ctx: LoaderContext, planSync: PlanSync | undefined, options: LoadPlanInputOptions = {}): Promise<SyncPlan> {
  if (typeof planSync !== 'function') {
    throw new TypeError('previewSync needs the engine: pass createClient({ planSync }) (the package entry points do)');
  }
  return planSync(await loadPlanInput(ctx, options));
}
