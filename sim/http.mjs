// Transport details: request bodies, and CORS for a demo page served from another loopback port.
import { header } from './admission.mjs';

export const MAX_BODY_BYTES = 1 << 20;

const LOOPBACK_ORIGIN = /^https?:\/\/(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/;

/**
 * CORS headers for a loopback origin (none for any other).
 * @param {import('node:http').IncomingMessage} req
 * @returns {Record<string, string>}
 */
export function cors(req) {
  const origin = header(req, 'origin');
  if (!origin || !LOOPBACK_ORIGIN.test(origin)) return {};
  return { 'access-control-allow-origin': origin, vary: 'Origin', 'access-control-expose-headers': 'x-request-id, retry-after' };
}

/** The answer to a CORS preflight. @param {import('node:http').IncomingMessage} req @returns {Record<string, string>} */
export function preflight(req) {
  return {
    'access-control-allow-methods': 'GET, POST, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers': header(req, 'access-control-request-headers') ?? 'authorization, content-type, x-monite-version, x-monite-entity-id',
    'access-control-max-age': '600',
  };
}

/**
 * The whole body as text, or null when it exceeds MAX_BODY_BYTES.
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<string | null>}
 */
export async function readBody(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
