// The simulator's notion of "now": injectable so that tests can move time (token expiry, sync duration,
// Retry-After dates) without sleeping.

/**
 * What `startSimulator({ clock })` accepts: a function returning epoch milliseconds (or a Date), or an
 * object with such a `now()` method (e.g. `{ now: () => t }`). Omitted → `Date.now`.
 * @typedef {(() => number | Date) | { now(): number | Date }} ClockOption
 */

/**
 * @param {ClockOption | undefined} clock
 * @returns {() => number} epoch milliseconds
 */
export function normalizeClock(clock) {
  if (clock === undefined) return () => Date.now();
  const read = typeof clock === 'function' ? clock : () => clock.now();
  if (typeof read !== 'function') throw new TypeError('clock must be a function or an object with now()');
  return () => {
    const value = read();
    const ms = value instanceof Date ? value.getTime() : value;
    if (typeof ms !== 'number' || !Number.isFinite(ms)) throw new TypeError('clock returned no finite time');
    return ms;
  };
}

/**
 * The API's date-time form, `2024-06-08T19:52:22.557000+00:00` (microseconds, explicit offset).
 * @param {number} ms
 * @returns {string}
 */
export function isoTime(ms) {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00');
}
