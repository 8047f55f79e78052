// The shape every InputError the package throws must have, for the tests that expect one.
import assert from 'node:assert/strict';

import { EngineError, InputError } from 'ledgerbridge';

/**
 * Runs `fn`, expecting an InputError (never an EngineError) with the given code, path and detail, whose
 * message is the one line `path: detail`; returns it.
 */
export function inputError(fn, { code, path, detail }) {
  let thrown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  assert.ok(thrown instanceof InputError, `expected an InputError, got ${thrown?.name}: ${thrown?.message}`);
  assert.ok(!(thrown instanceof EngineError));
  if (code) assert.equal(thrown.code, code);
  if (path !== undefined) assert.equal(thrown.path, path);
  if (detail) assert.match(thrown.detail, detail);
  assert.equal(thrown.message, `${thrown.path || 'input'}: ${thrown.detail}`);
  return thrown;
}
