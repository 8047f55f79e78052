// Identifier sources: UUIDs, opaque tokens and request ids, either random (crypto) or, when the simulator
// is started with a `seed`, from a small deterministic generator so that two runs print the same ids.
import { randomBytes } from 'node:crypto';

/**
 * @typedef {object} IdSource
 * @property {() => string} uuid   a version-4-shaped UUID (lower case, hyphenated)
 * @property {(bytes?: number) => string} token  an opaque base64url string
 */

/**
 * splitmix32-style generator: tiny, fast, and good enough for test identifiers (never for secrets —
 * a seeded simulator is a test fixture, its tokens are meant to be reproducible).
 * @param {number} seed
 * @returns {() => number} a function returning the next unsigned 32-bit integer
 */
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * @param {number} count
 * @param {(() => number) | undefined} next
 * @returns {Uint8Array}
 */
function bytes(count, next) {
  if (!next) return randomBytes(count);
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i += 4) {
    const word = next();
    for (let j = 0; j < 4 && i + j < count; j += 1) out[i + j] = (word >>> (8 * j)) & 0xff;
  }
  return out;
}

/**
 * @param {number | string | undefined} seed  undefined → cryptographically random ids
 * @returns {IdSource}
 */
export function createIds(seed) {
  const next = seed === undefined ? undefined : generator(typeof seed === 'number' ? seed : hashString(String(seed)));
  return {
    uuid() {
      const b = bytes(16, next);
      b[6] = (b[6] & 0x0f) | 0x40;
      b[8] = (b[8] & 0x3f) | 0x80;
      const hex = Buffer.from(b).toString('hex');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
    token(count = 32) {
      return Buffer.from(bytes(count, next)).toString('base64url');
    },
  };
}

/** FNV-1a, so that string seeds work too. @param {string} text */
function hashString(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** @param {unknown} value @returns {boolean} */
export function isUuid(value) {
  return typeof value === 'string' && UUID.test(value);
}
